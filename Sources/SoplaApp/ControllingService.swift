import Foundation
import SoplaCore
import SoplaStore

/// Social controlling of a year (`ControllingOverview`): the planners' page, its CSV, the public portal and a
/// report's funding block all take their figures from here, so they agree.
public struct ControllingService: Sendable {
    public let funding: FundingStore
    public let coverage: CoverageService

    public init(funding: FundingStore, coverage: CoverageService) {
        self.funding = funding
        self.coverage = coverage
    }

    /// The names a page shows: categories by code in its language, and the name of money without a category.
    public struct Names: Sendable {
        public let categories: [String: String]
        public let withoutCategory: String

        public init(categories: [String: String], withoutCategory: String) {
            self.categories = categories
            self.withoutCategory = withoutCategory
        }

        /// The categories of `landscape` by their German or English names.
        public init(landscape: ServiceLandscape, english: Bool, withoutCategory: String) {
            self.init(categories: Dictionary(landscape.categories.map { ($0.code, english ? $0.nameEN : $0.nameDE) }, uniquingKeysWith: { a, _ in a }),
                      withoutCategory: withoutCategory)
        }
    }

    /// The figures of `requested` if it has any, else of the latest year up to `today`. `publication`: the figures go
    /// out to the public (the portal, a report); what they hide is decided against every earlier public state in the
    /// funding ledger, and this state is recorded there (at `now`).
    public func overview(requested: Int?, today: Day, now: Date, landscape context: ServiceLandscape, names: Names, publication: Bool) async throws -> ControllingOverview {
        let store = funding
        let programmes = try await store.all(.programme, as: FundingProgramme.self).map(\.value).sorted { $0.name < $1.name }
        let applications = try await store.all(.application, as: FundingApplication.self).map(\.value)
        let applicationsByID = Dictionary(applications.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let agreements = FundingControlling.commitments(agreements: try await store.all(.agreement, as: GrantAgreement.self).map(\.value), applications: applications)
        let drawdowns = try await store.all(.drawdown, as: Drawdown.self).map(\.value)
        let proofs = try await store.all(.proof, as: ProofOfUse.self).map(\.value)
        let years = Set(programmes.flatMap { $0.budgetLines.map(\.year) } + agreements.flatMap(\.amounts.keys)).sorted()
        let year = requested.flatMap { years.contains($0) ? $0 : nil } ?? years.last { $0 <= today.year } ?? years.last ?? today.year
        let services = Dictionary(context.records.map { ($0.service.id, $0.service) }, uniquingKeysWith: { a, _ in a })
        let categoryNames = names.categories
        let withoutCategory = names.withoutCategory
        let current = agreements.filter { $0.amounts[year] != nil }
        func group(_ key: (GrantAgreement) -> String) -> [(name: String, amount: Money)] {
            var sums: [String: Money] = [:]
            for a in current { sums[key(a), default: .zero] += a.amounts[year]! }
            return sums.map { (name: $0.key, amount: $0.value) }.sorted { ($0.amount, $1.name) > ($1.amount, $0.name) }
        }
        func categoryName(_ a: GrantAgreement) -> String { a.serviceIDs.compactMap { services[$0]?.categoryCode }.first.map { categoryNames[$0] ?? $0 } ?? withoutCategory }
        let byCategory = group(categoryName)
        let byProvider = group { context.organisationName($0.organisationID) }
        let isPreventive = { (a: GrantAgreement) in
            FundingControlling.isPreventive(a, applications: applicationsByID, servicePreventive: { services[$0]?.preventive == true })
        }
        let preventive = current.filter(isPreventive).sum { $0.amounts[year]! }
        var population: [String: Double] = [:]
        for unit in context.municipalities { population[unit.key] = unit.latestPopulation.map { Double($0.count) } }
        var shares: [UUID: [String: Double]] = [:]
        for service in services.values { shares[service.id] = FundingControlling.areaShares(service, population: population) }
        let byUnitMoney = FundingControlling.byUnit(agreements: current, year: year, shares: shares)
        let byUnit = context.municipalities.compactMap { unit -> (name: String, amount: Money, population: Int?, perInhabitant: Money?)? in
            guard let amount = byUnitMoney[unit.key] else { return nil }
            let people = unit.latestPopulation?.count
            return (unit.name, amount, people, people.flatMap { FundingControlling.perInhabitant(amount, population: $0) })
        }
        // Money against need: per category with a planning standard, the funding per municipality beside its coverage.
        var need: [(category: String, rows: [(name: String, amount: Money, ratio: Double?, gap: Double)])] = []
        var needCategories: [(code: String, name: String)] = []
        let funded = Set(current.flatMap { $0.serviceIDs.compactMap { services[$0]?.categoryCode } })
        for code in funded.sorted() {
            guard let result = try await coverage.coverage(category: code, in: context).result else { continue }
            let money = FundingControlling.byUnit(agreements: current, year: year, shares: shares, only: { services[$0]?.categoryCode == code })
            let rows = context.municipalities.map { unit in
                let coverage = result.rows.first { $0.unitKey == unit.key }
                return (name: unit.name, amount: money[unit.key] ?? .zero, ratio: coverage?.ratio, gap: coverage?.gap ?? 0)
            }
            need.append((categoryNames[code] ?? code, rows))
            needCategories.append((code, categoryNames[code] ?? code))
        }
        let names = context.organisations.mapValues(\.name)
        var attainment: [(agreement: String, organisation: String, target: String, percent: Double?, light: TrafficLight?)] = []
        for a in current.sorted(by: { $0.reference < $1.reference }) {
            let actuals = proofs.first { $0.agreementID == a.id && $0.year == year }?.actuals ?? [:]
            for target in a.targets {
                let percent = TargetAttainment.percent(target, actual: actuals[target.id])
                attainment.append((a.reference, names[a.organisationID] ?? "–", target.name, percent, TargetAttainment.light(percent: percent)))
            }
        }
        func figureTable(_ y: Int) -> FigureTable {
            Self.figureTable(year: y, years: years, programmes: programmes, agreements: agreements, drawdowns: drawdowns, proofs: proofs,
                             categoryName: categoryName, preventive: isPreventive,
                             municipalities: context.municipalities.map { ($0.key, $0.name) }, shares: shares, need: needCategories,
                             categoryCode: { services[$0]?.categoryCode })
        }
        let table = figureTable(year)
        let keys = FigureKeys(programmes: programmes, categoryNames: categoryNames, withoutCategory: withoutCategory)
        let ledger = store.ledger
        func decide() async throws -> Set<FundingFigure> {
            let latest = publication ? try await ledger.latest(year: year) : nil
            let release = FundingDisclosure.release(shown: table.shown, byRecipient: table.byRecipient, hidden: [])
            // Nothing changed since the last public state: it stands as it was.
            if let latest, keys.sameMoney(latest.figures, as: release) { return Set(latest.figures.filter { !$0.shown }.compactMap { keys.figure($0.key) }) }
            let releases = publication ? try await ledger.releases() : []
            var hidden = FundingDisclosure.hidden(shown: table.shown, byRecipient: table.byRecipient, sums: table.sums, earlier: releases.map { keys.release($0, page: year) })
            // The years' totals stand on every year's page: one that the page of its own year (or any other) hides, with
            // what that page has published before, is hidden on all.
            for other in years where other != year {
                let otherTable = figureTable(other)
                hidden.formUnion(FundingDisclosure.hidden(shown: otherTable.shown, byRecipient: otherTable.byRecipient, sums: otherTable.sums,
                                                          earlier: releases.map { keys.release($0, page: other) }).filter { figure in
                    if case .year = figure { return true }
                    return false
                })
            }
            if publication {
                try await ledger.record(year: year, figures: keys.entries(FundingDisclosure.release(shown: table.shown, byRecipient: table.byRecipient, hidden: hidden)),
                                        at: now)
            }
            return hidden
        }
        // Public states are decided one at a time, each against all recorded before it. A year's total that the latest
        // state of another year's page hides is hidden here as well: every page says the same about it.
        var hidden = publication ? try await Self.publicationGate.holding(decide) : try await decide()
        if publication {
            for other in years where other != year {
                guard let recorded = try await ledger.latest(year: other) else { continue }
                for entry in recorded.figures where !entry.shown {
                    if let figure = keys.figure(entry.key), case .year = figure { hidden.insert(figure) }
                }
            }
        }
        let trend = years.map { y in
            (year: y, planned: programmes.sum { $0.budget(year: y) }, committed: agreements.sum { $0.amounts[y] ?? .zero },
             paid: drawdowns.filter { $0.year == y && $0.state == .paid }.sum(\.amount))
        }
        return ControllingOverview(year: year, years: years.isEmpty ? [year] : years,
                                     programmes: programmes.map { (name: $0.name, figures: FundingControlling.figures(programme: $0, year: year, agreements: agreements, drawdowns: drawdowns, proofs: proofs)) },
                                     byCategory: byCategory, byProvider: byProvider, byUnit: byUnit, preventive: preventive, total: current.sum { $0.amounts[year]! },
                                     attainment: attainment, trend: trend, need: need, hidden: hidden)
    }

    /// One decision about public funding figures at a time (in this process).
    static let publicationGate = Slots(limit: 1)

    /// The public figures of a year's page, every one with what each recipient holds of it, and the sums tying them.
    struct FigureTable: Sendable {
        let shown: [FundingFigure]
        let byRecipient: [String: [FundingFigure: Money]]
        let sums: [(total: FundingFigure, parts: [FundingFigure])]
    }

    /// The ledger's names of figures: programmes by id and categories by code, so that a release reads the same
    /// whatever the language of the page and however the programmes are ordered.
    struct FigureKeys {
        let programmes: [FundingProgramme]
        let categoryNames: [String: String]
        let withoutCategory: String
        private var codes: [String: String] = [:]

        init(programmes: [FundingProgramme], categoryNames: [String: String], withoutCategory: String) {
            self.programmes = programmes
            self.categoryNames = categoryNames
            self.withoutCategory = withoutCategory
            for (code, name) in categoryNames { codes[name] = code }
        }

        private func categoryKey(_ name: String) -> String { name == withoutCategory ? "-" : codes[name] ?? name }
        private func categoryName(_ key: String) -> String { key == "-" ? withoutCategory : categoryNames[key] ?? key }

        func key(_ figure: FundingFigure) -> String? {
            switch figure {
            case .programme(let index, let measure): return programmes.indices.contains(index) ? "programme:\(programmes[index].id.uuidString.lowercased()):\(measure.rawValue)" : nil
            case .category(let name): return "category:" + categoryKey(name)
            case .municipality(let name): return "municipality:" + name
            case .need(let category, let municipality): return "need:" + categoryKey(category) + "\n" + municipality
            case .preventive: return "preventive"
            case .year(let year, let measure): return "year:\(year):\(measure.rawValue)"
            case .rest: return nil
            }
        }

        func figure(_ key: String) -> FundingFigure? {
            let (kind, rest) = key.firstIndex(of: ":").map { (String(key[..<$0]), String(key[key.index(after: $0)...])) } ?? (key, "")
            switch kind {
            case "programme":
                let parts = rest.split(separator: ":").map(String.init)
                guard parts.count == 2, let measure = FundingFigure.Measure(rawValue: parts[1]),
                      let index = programmes.firstIndex(where: { $0.id.uuidString.lowercased() == parts[0] }) else { return nil }
                return .programme(index, measure)
            case "category": return .category(categoryName(rest))
            case "municipality": return .municipality(rest)
            case "need":
                let parts = rest.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                return parts.count == 2 ? .need(category: categoryName(parts[0]), municipality: parts[1]) : nil
            case "preventive": return .preventive
            case "year":
                let parts = rest.split(separator: ":").map(String.init)
                guard parts.count == 2, let year = Int(parts[0]), let measure = FundingFigure.Measure(rawValue: parts[1]) else { return nil }
                return .year(year, measure)
            default: return nil
            }
        }

        func entries(_ release: FundingRelease) -> [FundingLedger.Figure] {
            release.figures.compactMap { figure, value in key(figure).map { FundingLedger.Figure(key: $0, shown: value.shown, cents: value.cents) } }
        }

        /// A recorded release as the rule reads it for the page of `page`: a release of that page in full; one of another
        /// year's page for the years' totals only, which both pages show.
        func release(_ recorded: FundingLedger.Release, page: Int) -> FundingRelease {
            var figures: [FundingFigure: FundingRelease.Figure] = [:]
            for entry in recorded.figures {
                guard let figure = figure(entry.key) else { continue }
                if recorded.year != page {
                    guard case .year = figure else { continue }
                }
                figures[figure] = FundingRelease.Figure(shown: entry.shown, cents: entry.cents)
            }
            return FundingRelease(figures: figures, missingIsZero: recorded.year == page)
        }

        /// Whether every figure holds the same money per recipient as in the recorded release.
        func sameMoney(_ recorded: [FundingLedger.Figure], as release: FundingRelease) -> Bool {
            let now = entries(release)
            guard now.count == recorded.count else { return false }
            let then = Dictionary(recorded.map { ($0.key, $0.cents) }, uniquingKeysWith: { a, _ in a })
            return now.allSatisfy { then[$0.key] == $0.cents }
        }
    }

    /// The public figures of a year's page: every figure is worked out once per recipient (organisation) from that
    /// recipient's agreements alone, the same way as the whole, so that the rule sees who holds how much of it.
    static func figureTable(year: Int, years: [Int], programmes: [FundingProgramme], agreements: [GrantAgreement], drawdowns: [Drawdown], proofs: [ProofOfUse],
                            categoryName: (GrantAgreement) -> String, preventive: (GrantAgreement) -> Bool, municipalities: [(key: String, name: String)],
                            shares: [UUID: [String: Double]], need: [(code: String, name: String)], categoryCode: (UUID) -> String?) -> FigureTable {
        func figures(_ own: [GrantAgreement]) -> [FundingFigure: Money] {
            var result: [FundingFigure: Money] = [:]
            let current = own.filter { $0.amounts[year] != nil }
            for (index, programme) in programmes.enumerated() {
                let f = FundingControlling.figures(programme: programme, year: year, agreements: own, drawdowns: drawdowns, proofs: proofs)
                result[.programme(index, .committed)] = f.committed
                result[.programme(index, .paid)] = f.paid
                result[.programme(index, .proven)] = f.proven
            }
            for a in current { result[.category(categoryName(a)), default: .zero] += a.amounts[year]! }
            result[.preventive] = current.filter(preventive).sum { $0.amounts[year]! }
            let byUnit = FundingControlling.byUnit(agreements: current, year: year, shares: shares)
            for unit in municipalities { result[.municipality(unit.name)] = byUnit[unit.key] }
            for category in need {
                let money = FundingControlling.byUnit(agreements: current, year: year, shares: shares, only: { categoryCode($0) == category.code })
                for unit in municipalities { result[.need(category: category.name, municipality: unit.name)] = money[unit.key] ?? .zero }
            }
            let ids = Set(own.map(\.id))
            for y in years {
                result[.year(y, .committed)] = own.sum { $0.amounts[y] ?? .zero }
                result[.year(y, .paid)] = drawdowns.filter { ids.contains($0.agreementID) && $0.year == y && $0.state == .paid }.sum(\.amount)
            }
            return result
        }
        let all = figures(agreements)
        let byRecipient = Dictionary(grouping: agreements, by: \.organisationID).reduce(into: [String: [FundingFigure: Money]]()) { result, entry in
            result[entry.key.uuidString] = figures(entry.value)
        }
        let categories = all.keys.compactMap { figure -> String? in
            if case .category(let name) = figure { return name }
            return nil
        }.sorted()
        let units = municipalities.map(\.name).filter { all[.municipality($0)] != nil }
        var shown: [FundingFigure] = programmes.indices.flatMap { i in [FundingFigure.Measure.committed, .paid, .proven].map { FundingFigure.programme(i, $0) } }
        shown += categories.map { .category($0) } + [.preventive] + units.map { .municipality($0) }
        shown += need.flatMap { category in municipalities.map { FundingFigure.need(category: category.name, municipality: $0.name) } }
        shown += years.flatMap { [FundingFigure.year($0, .committed), .year($0, .paid)] }
        let total = FundingFigure.year(year, .committed)
        var sums: [(total: FundingFigure, parts: [FundingFigure])] = [
            (total, programmes.indices.map { .programme($0, .committed) }),
            (.year(year, .paid), programmes.indices.map { .programme($0, .paid) }),
            (total, categories.map { .category($0) }),
            (total, [.preventive]),
            (total, units.map { .municipality($0) }),
        ]
        for category in need where categories.contains(category.name) {
            sums.append((.category(category.name), municipalities.map { .need(category: category.name, municipality: $0.name) }))
        }
        if !need.isEmpty {
            for unit in units { sums.append((.municipality(unit), need.map { .need(category: $0.name, municipality: unit) })) }
        }
        return FigureTable(shown: shown, byRecipient: byRecipient, sums: sums)
    }
}
