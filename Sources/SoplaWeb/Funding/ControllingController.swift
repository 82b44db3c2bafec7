import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Social controlling of a year: the money of every programme from plan to proof, where it goes (category,
/// provider, municipality per inhabitant), the preventive share, target attainment and the years compared.
struct ControllingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageFunding)
        routes.on(.GET, FundingRoute.Pattern.controlling, manage, use: page)
        routes.on(.GET, FundingRoute.Pattern.controllingCSV, manage, use: csv)
    }

    /// The figures of the year asked for (`?jahr=`, or `year`), else of the latest year up to today.
    func model(_ req: Request, year asked: Int? = nil) async throws -> ControllingPage.Model {
        let store = req.fundingStore
        let programmes = try await FundingData.programmes(req)
        let agreements = try await store.all(.agreement, as: GrantAgreement.self).map(\.value)
        let drawdowns = try await store.all(.drawdown, as: Drawdown.self).map(\.value)
        let proofs = try await store.all(.proof, as: ProofOfUse.self).map(\.value)
        let years = Set(programmes.flatMap { $0.budgetLines.map(\.year) } + agreements.flatMap(\.amounts.keys)).sorted()
        let requested = asked ?? (try? req.query.get(Int.self, at: "jahr"))
        let year = requested.flatMap { years.contains($0) ? $0 : nil } ?? years.last { $0 <= req.settings.clock.today.year } ?? years.last ?? req.settings.clock.today.year
        let context = try await ServiceContext.load(req)
        let services = Dictionary(context.records.map { ($0.service.id, $0.service) }, uniquingKeysWith: { a, _ in a })
        let categoryNames = Dictionary(context.categories.map { ($0.code, req.language == .de ? $0.nameDE : $0.nameEN) }, uniquingKeysWith: { a, _ in a })
        let t = Texts(req.language)
        let current = agreements.filter { $0.amounts[year] != nil }
        func group(_ key: (GrantAgreement) -> String) -> [(name: String, amount: Money)] {
            var sums: [String: Money] = [:]
            for a in current { sums[key(a), default: .zero] += a.amounts[year]! }
            return sums.map { (name: $0.key, amount: $0.value) }.sorted { ($0.amount, $1.name) > ($1.amount, $0.name) }
        }
        let byCategory = group { a in a.serviceIDs.compactMap { services[$0]?.categoryCode }.first.map { categoryNames[$0] ?? $0 } ?? t(.withoutCategory) }
        let byProvider = group { context.organisationName($0.organisationID) }
        let preventive = current.filter { a in a.serviceIDs.contains { services[$0]?.preventive == true } }.sum { $0.amounts[year]! }
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
        let funded = Set(current.flatMap { $0.serviceIDs.compactMap { services[$0]?.categoryCode } })
        for code in funded.sorted() {
            guard let result = try await ServicePlanningController().coverageData(req, category: code, loaded: context).result else { continue }
            let money = FundingControlling.byUnit(agreements: current.filter { a in a.serviceIDs.contains { services[$0]?.categoryCode == code } }, year: year, shares: shares)
            let rows = context.municipalities.map { unit in
                let coverage = result.rows.first { $0.unitKey == unit.key }
                return (name: unit.name, amount: money[unit.key] ?? .zero, ratio: coverage?.ratio, gap: coverage?.gap ?? 0)
            }
            need.append((categoryNames[code] ?? code, rows))
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
        let trend = years.map { y in
            (year: y, planned: programmes.sum { $0.budget(year: y) }, committed: agreements.sum { $0.amounts[y] ?? .zero },
             paid: drawdowns.filter { $0.year == y && $0.state == .paid }.sum(\.amount))
        }
        return ControllingPage.Model(year: year, years: years.isEmpty ? [year] : years,
                                     programmes: programmes.map { (name: $0.name, figures: FundingControlling.figures(programme: $0, year: year, agreements: agreements, drawdowns: drawdowns, proofs: proofs)) },
                                     byCategory: byCategory, byProvider: byProvider, byUnit: byUnit, preventive: preventive, total: current.sum { $0.amounts[year]! },
                                     attainment: attainment, trend: trend, need: need)
    }

    func page(req: Request) async throws -> HTMLResponse {
        HTMLResponse(ControllingPage.render(try await model(req), context: try await req.pageContext()))
    }

    /// Every figure of the page in one long table: year, section, name, measure, value.
    func csv(req: Request) async throws -> Response {
        let m = try await model(req)
        return SpatialPagesController.csvResponse(CSV.write(header: ["year", "section", "name", "measure", "value"], rows: Self.rows(m)), filename: "controlling-\(m.year).csv")
    }

    static func rows(_ m: ControllingPage.Model) -> [[String]] {
        var rows: [[String]] = []
        for p in m.programmes {
            rows += [["programme", p.name, "planned_eur", p.figures.planned.plain], ["programme", p.name, "committed_eur", p.figures.committed.plain],
                     ["programme", p.name, "paid_eur", p.figures.paid.plain], ["programme", p.name, "proven_eur", p.figures.proven.plain]]
        }
        rows += m.byCategory.map { ["category", $0.name, "committed_eur", $0.amount.plain] }
        rows += m.byProvider.map { ["provider", $0.name, "committed_eur", $0.amount.plain] }
        for u in m.byUnit {
            rows.append(["municipality", u.name, "committed_eur", u.amount.plain])
            if let per = u.perInhabitant { rows.append(["municipality", u.name, "per_inhabitant_eur", per.plain]) }
        }
        for category in m.need {
            for row in category.rows {
                rows.append(["need", category.category + " / " + row.name, "committed_eur", row.amount.plain])
                if let ratio = row.ratio { rows.append(["need", category.category + " / " + row.name, "coverage_ratio", String(format: "%.3f", ratio)]) }
            }
        }
        rows.append(["preventive", "", "committed_eur", m.preventive.plain])
        rows += m.attainment.map { ["attainment", $0.agreement + " / " + $0.target, "percent", $0.percent.map { String(format: "%.1f", $0) } ?? ""] }
        rows += m.trend.flatMap { [["trend", String($0.year), "planned_eur", $0.planned.plain], ["trend", String($0.year), "committed_eur", $0.committed.plain],
                                   ["trend", String($0.year), "paid_eur", $0.paid.plain]] }
        return rows.map { [String(m.year)] + $0 }
    }
}
