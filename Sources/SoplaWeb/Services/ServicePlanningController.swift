import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Planners' views on the inventory: taxonomy, planning standards, coverage and gaps, duplicate structures,
/// survey rounds and the review of providers' proposals.
struct ServicePlanningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageServices)
        routes.on(.GET, ServiceRoute.Pattern.categories, manage, use: categories)
        routes.on(.GET, ServiceRoute.Pattern.categoriesCSV, manage, use: categoriesCSV)
        routes.on(.POST, ServiceRoute.Pattern.categories, manage, use: addCategory)
        routes.on(.GET, ServiceRoute.Pattern.category, manage, use: category)
        routes.on(.POST, ServiceRoute.Pattern.category, manage, use: saveCategory)
        routes.on(.GET, ServiceRoute.Pattern.standards, manage, use: standards)
        routes.on(.POST, ServiceRoute.Pattern.standards, manage, use: saveStandard)
        routes.on(.GET, ServiceRoute.Pattern.coverage, manage, use: coverage)
        routes.on(.GET, ServiceRoute.Pattern.coverageCSV, manage, use: coverageCSV)
        routes.on(.GET, ServiceRoute.Pattern.duplicates, manage, use: duplicates)
        routes.on(.GET, ServiceRoute.Pattern.duplicatesCSV, manage, use: duplicatesCSV)
        routes.on(.POST, ServiceRoute.Pattern.duplicates, manage, use: review)
        routes.on(.GET, ServiceRoute.Pattern.rounds, manage, use: rounds)
        routes.on(.POST, ServiceRoute.Pattern.rounds, manage, use: openRound)
        routes.on(.GET, ServiceRoute.Pattern.round, manage, use: round)
        routes.on(.POST, ServiceRoute.Pattern.roundClose, manage, use: closeRound)
        routes.on(.GET, ServiceRoute.Pattern.proposal, manage, use: proposal)
        routes.on(.POST, ServiceRoute.Pattern.proposal, manage, use: decide)
    }

    // MARK: Categories

    func categoryModel(_ req: Request, values: [String: String] = [:], issues: [ValidationIssue] = []) async throws -> CategoriesPage.Model {
        let counts = Dictionary(grouping: try await req.serviceStore.services(), by: \.service.categoryCode).mapValues(\.count)
        return CategoriesPage.Model(categories: try await req.serviceStore.categories().map { ($0, counts[$0.code] ?? 0) }, values: values, issues: issues)
    }

    func categories(req: Request) async throws -> HTMLResponse {
        HTMLResponse(CategoriesPage.render(try await categoryModel(req), context: try await req.pageContext(showNotice: true)))
    }

    func categoriesCSV(req: Request) async throws -> Response {
        let rows = try await categoryModel(req).categories.map { [$0.category.code, $0.category.nameDE, $0.category.nameEN, $0.category.legalBasis ?? "",
                                                                   GermanCSV.yesNo($0.category.communalised), GermanCSV.integer($0.services)] }
        return CSVDownload.response(CSV.write(header: ["Code", "Name", "Name (englisch)", "Rechtsgrundlage", "kommunalisiert", "Angebote"], rows: rows),
                                                  filename: "angebotskategorien.csv")
    }

    struct CategoryForm: Content {
        var code: String?
        var nameDE: String?
        var nameEN: String?
        var legalBasis: String?
        var communalised: String?
        var synonyms: String?

        var values: [String: String] {
            ["code": code ?? "", "nameDE": nameDE ?? "", "nameEN": nameEN ?? "", "legalBasis": legalBasis ?? "", "communalised": communalised ?? "nein",
             "synonyms": synonyms ?? ""]
        }

        /// A yes/no field that says neither.
        var unreadable: [ValidationIssue] {
            guard let communalised, !["ja", "nein"].contains(communalised) else { return [] }
            return [ValidationIssue("communalised", .unknownValue(String(communalised.prefix(20))))]
        }

        func draft(code: String) -> ServiceCategory {
            ServiceCategory(code: code, nameDE: nameDE ?? "", nameEN: nameEN ?? "", legalBasis: ServiceForm.clean(legalBasis), communalised: communalised == "ja",
                            synonyms: ServiceCategory.synonyms(synonyms ?? ""))
        }
    }

    func existingCategory(_ req: Request) async throws -> (ServiceCategory, Int) {
        guard let code = req.parameters.get("code") else { throw Abort(.notFound) }
        guard let category = try await req.serviceStore.categories().first(where: { $0.code == code }) else { throw Abort(.notFound) }
        return (category, try await req.serviceStore.services().filter { $0.service.categoryCode == code }.count)
    }

    func category(req: Request) async throws -> HTMLResponse {
        let (category, services) = try await existingCategory(req)
        return HTMLResponse(CategoryEditPage.render(.init(category: category, services: services, values: CategoryEditPage.values(category)),
                                                    context: try await req.pageContext(showNotice: true)))
    }

    func saveCategory(req: Request) async throws -> Response {
        let (category, services) = try await existingCategory(req)
        let form = try req.content.decode(CategoryForm.self)
        do {
            guard form.unreadable.isEmpty else { throw ValidationFailure(form.unreadable) }
            let changed = try form.draft(code: category.code).validated(existingCodes: [], isNew: false)
            guard changed != category else { return req.redirect(to: ServiceRoute.categories.path, notice: .unchanged) }
            try await req.serviceStore.save(changed, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: ServiceRoute.categories.path, notice: .saved)
        } catch let failure as ValidationFailure {
            return HTMLResponse(CategoryEditPage.render(.init(category: category, services: services, values: form.values, issues: failure.issues),
                                                        context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
    }

    func addCategory(req: Request) async throws -> Response {
        let form = try req.content.decode(CategoryForm.self)
        let values = form.values
        let draft = form.draft(code: form.code ?? "")
        do {
            guard form.unreadable.isEmpty else { throw ValidationFailure(form.unreadable) }
            let category = try draft.validated(existingCodes: Set(try await req.serviceStore.categories().map(\.code)), isNew: true)
            try await req.serviceStore.save(category, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: ServiceRoute.categories.path, notice: .created)
        } catch let failure as ValidationFailure {
            let status: HTTPResponseStatus = failure.issues.contains { $0.problem == .duplicate } ? .conflict : .unprocessableEntity
            return HTMLResponse(CategoriesPage.render(try await categoryModel(req, values: values, issues: failure.issues), context: try await req.pageContext()))
                .response(status: status)
        }
    }

    // MARK: Standards

    func populationOptions(_ req: Request) async throws -> [(code: String, name: String)] {
        let t = Texts(req.language)
        return [("total", t(.totalPopulation))] + (try await req.indicatorStore.variables()).filter { $0.isCount && $0.unit == "Personen" }
            .map { ($0.code, req.language == .de ? $0.nameDE : $0.nameEN) }
    }

    func standardsModel(_ req: Request, values: [String: String] = [:], issues: [ValidationIssue] = []) async throws -> StandardsPage.Model {
        StandardsPage.Model(standards: try await req.serviceStore.standards(), categories: try await req.serviceStore.categories(),
                            populations: try await populationOptions(req), values: values, issues: issues)
    }

    func standards(req: Request) async throws -> HTMLResponse {
        var values = ["fte": "1", "inhabitants": "40000", "population": "total"]
        // ?kategorie=... fills the form with that category's standard, to change it.
        if let category = try? req.query.get(String.self, at: "kategorie"), let s = try await req.serviceStore.standards().first(where: { $0.categoryCode == category }) {
            values = ["category": s.categoryCode, "fte": String(format: "%g", s.fte), "inhabitants": String(s.inhabitants), "population": s.population.code,
                      "maxDistanceKm": s.maxDistanceKm.map { String(format: "%g", $0) } ?? "", "source": s.source, "text": s.text,
                      "customValues": s.customValues.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")]
        }
        let model = try await standardsModel(req, values: values)
        return HTMLResponse(StandardsPage.render(model, context: try await req.pageContext(showNotice: true)))
    }

    struct StandardForm: Content {
        var category: String?
        var fte: String?
        var inhabitants: String?
        var population: String?
        var maxDistanceKm: String?
        var source: String?
        var text: String?
        var customValues: String?
    }

    func saveStandard(req: Request) async throws -> Response {
        let form = try req.content.decode(StandardForm.self)
        let values = ["category": form.category ?? "", "fte": form.fte ?? "", "inhabitants": form.inhabitants ?? "", "population": form.population ?? "total",
                      "maxDistanceKm": form.maxDistanceKm ?? "", "source": form.source ?? "", "text": form.text ?? "", "customValues": form.customValues ?? ""]
        var issues: [ValidationIssue] = []
        let fte = ServiceForm.decimal(form.fte, field: "fte", range: .standardFte, into: &issues)
        let inhabitants = ServiceForm.integer(form.inhabitants, field: "inhabitants", range: .standardInhabitants, into: &issues)
        let distance = ServiceForm.decimal(form.maxDistanceKm, field: "maxDistanceKm", range: .maxDistanceKm, into: &issues)
        if fte == nil, !issues.contains(where: { $0.field == "fte" }) { issues.append(ValidationIssue("fte", .required)) }
        if inhabitants == nil, !issues.contains(where: { $0.field == "inhabitants" }) { issues.append(ValidationIssue("inhabitants", .required)) }
        var custom: [String: String] = [:]
        for line in (form.customValues ?? "").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts.allSatisfy(\.isEmpty) else { continue }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                issues.append(ValidationIssue("customValues", .unknownValue(String(line.prefix(60)))))
                continue
            }
            custom[parts[0]] = parts[1]
        }
        let draft = PlanningStandard(categoryCode: form.category ?? "", fte: fte ?? 1, inhabitants: inhabitants ?? 1,
                                     population: .init(code: form.population ?? "total"), maxDistanceKm: distance,
                                     source: (form.source ?? "").trimmingCharacters(in: .whitespaces), text: (form.text ?? "").trimmingCharacters(in: .whitespaces),
                                     customValues: custom)
        let categories = Set(try await req.serviceStore.categories().map(\.code))
        let variables = Set(try await populationOptions(req).map(\.code))
        var standard: PlanningStandard?
        do {
            standard = try draft.validated(categories: categories, variables: variables)
        } catch {
            issues += error.issues
        }
        guard let standard, issues.isEmpty else {
            return HTMLResponse(StandardsPage.render(try await standardsModel(req, values: values, issues: issues), context: try await req.pageContext()))
                .response(status: .unprocessableEntity)
        }
        try await req.serviceStore.save(standard, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ServiceRoute.standards.path, notice: .saved)
    }

    // MARK: Coverage

    func coverage(req: Request) async throws -> HTMLResponse {
        let category = try? req.query.get(String.self, at: "kategorie")
        let context = try await ServiceContext.load(req)
        let data = try await context.coverage(req, category: category)
        let t = Texts(req.language)
        let language = req.language
        let names = Dictionary(uniqueKeysWithValues: context.records.map { ($0.service.id, $0.service.name) })
        var rows: [CoveragePage.Row] = []
        var coverageMap: SVGMap?
        var distanceMap: SVGMap?
        if let result = data.result {
            rows = zip(context.municipalities, result.rows).map { unit, row in
                CoveragePage.Row(unitKey: unit.key, name: unit.name, coverage: row, nearestName: row.nearestServiceID.flatMap { names[$0] },
                                 preventiveShare: data.preventiveByUnit[unit.key])
            }
            let ratioLabels = Dictionary(uniqueKeysWithValues: rows.map { row in
                (row.unitKey, row.name + ": " + t(.columnRatio) + " " + (row.coverage.ratio.map { Format.decimal($0 * 100, digits: 0, language) + " %" } ?? "–"))
            })
            let distanceLabels = Dictionary(uniqueKeysWithValues: rows.map { row in
                (row.unitKey, row.name + ": " + (row.coverage.nearestKm.map { Format.decimal($0, digits: 1, language) + " km" } ?? "–"))
            })
            let points = context.records.filter { $0.service.categoryCode == category && $0.service.status == .active }.flatMap { record in
                record.service.locations.compactMap { location in
                    location.point.map { SVGMap.Point(position: $0, label: record.service.name, link: ServiceRoute.service(id: record.service.id).path) }
                }
            }
            coverageMap = context.map(id: "versorgungskarte", title: t(.coverageMapCaption), points: [],
                                      classes: Dictionary(uniqueKeysWithValues: rows.map { ($0.unitKey, CoveragePage.coverageClass($0.coverage.ratio)) }), labels: ratioLabels)
            distanceMap = context.map(id: "entfernungskarte", title: t(.distanceMapCaption), points: points,
                                      classes: Dictionary(uniqueKeysWithValues: rows.map { ($0.unitKey, CoveragePage.distanceClass($0.coverage.nearestKm)) }), labels: distanceLabels)
        }
        let preventive = CoverageAnalysis.preventiveShare(context.records.map(\.service)).sorted { $0.key < $1.key }.map { (category: $0.key, share: $0.value) }
        let model = CoveragePage.Model(categories: context.categories, category: category, standard: data.standard, populationName: data.populationName(req.language), rows: rows,
                                       total: data.result?.total, coverageMap: coverageMap, distanceMap: distanceMap, preventive: preventive)
        return HTMLResponse(CoveragePage.render(model, context: try await req.pageContext()))
    }

    func coverageCSV(req: Request) async throws -> Response {
        guard let category = try? req.query.get(String.self, at: "kategorie") else { throw Refusal(.badRequest, "Bitte einen Angebotsbereich wählen.", "Please choose a service category.") }
        let context = try await ServiceContext.load(req)
        let data = try await context.coverage(req, category: category)
        guard let result = data.result else { throw Abort(.notFound, reason: "no planning standard for the category \(category)") }
        func format(_ v: Double?) -> String { GermanCSV.number(v, decimals: 3) }
        let names = context.unitNames
        let services = Dictionary(context.records.map { ($0.service.id, $0.service.name) }, uniquingKeysWith: { a, _ in a })
        let rows = (result.rows + [result.total]).map { row in
            [row.unitKey, names[row.unitKey] ?? "Kreis insgesamt", format(row.population), format(row.supply), format(row.need), format(row.ratio), format(row.gap),
             format(row.nearestKm), row.nearestServiceID.map { services[$0] ?? "" } ?? ""]
        }
        return CSVDownload.response(CSV.write(header: ["Gebietsschlüssel", "Gebiet", "Einwohner", "Angebot (VZÄ)", "Bedarf (VZÄ)", "Versorgungsgrad", "Lücke (VZÄ)",
                                                                     "nächstes Angebot (km)", "nächstes Angebot"], rows: rows),
                                                  filename: "versorgung-\(category).csv")
    }

    // MARK: Duplicates

    func pairs(_ req: Request) async throws -> [DuplicatesPage.Pair] {
        let context = try await ServiceContext.load(req)
        let byID = Dictionary(uniqueKeysWithValues: context.records.map { ($0.service.id, $0.service) })
        let reviews = Dictionary(try await req.serviceStore.duplicateReviews().map { ("\($0.first)|\($0.second)", $0) }, uniquingKeysWith: { a, _ in a })
        return DuplicateDetection.candidates(context.records.map(\.service)).map { candidate in
            let a = byID[candidate.first]!, b = byID[candidate.second]!
            let units = candidate.sharedUnits.map { context.unitNames[$0] ?? $0 }.sorted()
            let target = TargetGroup(minAge: max(a.targetGroup.minAge ?? 0, b.targetGroup.minAge ?? 0) == 0 ? nil : max(a.targetGroup.minAge ?? 0, b.targetGroup.minAge ?? 0),
                                     maxAge: [a.targetGroup.maxAge, b.targetGroup.maxAge].compactMap { $0 }.min())
            let explanation = DuplicatesPage.explanation(category: ServiceNames.category(candidate.categoryCode, context.categories, req.language), target: target,
                                                         units: units, distanceKm: candidate.distanceKm, language: req.language)
            let key = DuplicateReview(first: candidate.first, second: candidate.second, verdict: .toReview, note: "", by: "", at: Date())
            return DuplicatesPage.Pair(candidate: candidate, firstName: a.name, secondName: b.name, explanation: explanation,
                                       review: reviews["\(key.first)|\(key.second)"])
        }
    }

    func duplicates(req: Request) async throws -> HTMLResponse {
        HTMLResponse(DuplicatesPage.render(try await pairs(req), context: try await req.pageContext(showNotice: true)))
    }

    func duplicatesCSV(req: Request) async throws -> Response {
        let categories = try await req.serviceStore.categories()
        let rows = try await pairs(req).map { pair in
            [pair.firstName, pair.secondName, ServiceNames.category(pair.candidate.categoryCode, categories, .de),
             GermanCSV.number(pair.candidate.score, decimals: 2), GermanCSV.number(pair.candidate.areaOverlap, decimals: 2), GermanCSV.number(pair.candidate.distanceKm, decimals: 2),
             pair.explanation, pair.review.map { ServiceNames.verdict($0.verdict, .de) } ?? "", pair.review?.note ?? ""]
        }
        return CSVDownload.response(CSV.write(header: ["erstes Angebot", "zweites Angebot", "Kategorie", "Ähnlichkeit", "Gebietsüberschneidung",
                                                                     "Entfernung (km)", "Begründung", "Bewertung", "Notiz"], rows: rows), filename: "doppelstrukturen.csv")
    }

    struct ReviewForm: Content {
        var first: String?
        var second: String?
        var verdict: String?
        var note: String?
    }

    func review(req: Request) async throws -> Response {
        let form = try req.content.decode(ReviewForm.self)
        guard let first = form.first.flatMap(UUID.init(uuidString:)), let second = form.second.flatMap(UUID.init(uuidString:)),
              try await req.serviceStore.service(id: first) != nil, try await req.serviceStore.service(id: second) != nil else {
            throw Refusal(.unprocessableEntity, "Bitte zwei verschiedene, vorhandene Angebote wählen.", "Please choose two different existing services.")
        }
        guard let verdict = form.verdict.flatMap(DuplicateReview.Verdict.init(rawValue:)) else {
            throw Refusal(.unprocessableEntity, Texts(.de)(.verdictRequired), Texts(.en)(.verdictRequired))
        }
        let note = String((form.note ?? "").trimmingCharacters(in: .whitespaces).prefix(1000))
        let actor = try await req.auditActor()
        try await req.serviceStore.save(DuplicateReview(first: first, second: second, verdict: verdict, note: note, by: actor.label, at: req.settings.clock.now()),
                                        actor: actor)
        return req.redirect(to: ServiceRoute.duplicates.path, notice: .saved)
    }

    // MARK: Survey rounds and proposals

    func roundsModel(_ req: Request, values: [String: String], selected: Set<String>, issues: [ValidationIssue] = []) async throws -> RoundsPage.Model {
        let store = req.serviceStore
        let context = try await ServiceContext.load(req, services: false)
        var rounds: [(round: SurveyRound, answered: Int)] = []
        for round in try await store.rounds() { rounds.append((round, try await store.answers(roundID: round.id).count)) }
        let providers = context.organisations.values.filter { $0.active && $0.kind != .publicBody }.sorted { $0.name < $1.name }.map { (id: $0.id, name: $0.name) }
        let open = try await store.proposals(state: .open).map { ServiceViews.summary($0, context: context) }
        return RoundsPage.Model(rounds: rounds, organisations: providers, values: values, selected: selected, issues: issues, openProposals: open)
    }

    func rounds(req: Request) async throws -> HTMLResponse {
        let today = req.settings.clock.today
        let deadline = Day(Date(timeIntervalSince1970: today.startDate.timeIntervalSince1970 + 28 * 86_400 + 43_200))
        let context = try await ServiceContext.load(req, services: true)
        let withServices = Set(context.records.map { $0.service.organisationID.uuidString.lowercased() })
        let model = try await roundsModel(req, values: ["opensOn": today.iso, "deadline": deadline.iso, "title": "Bestandserhebung \(today.year)"], selected: withServices)
        return HTMLResponse(RoundsPage.render(model, context: try await req.pageContext(showNotice: true)))
    }

    struct RoundForm: Content {
        var title: String?
        var opensOn: String?
        var deadline: String?
        var organisations: [String]?
    }

    func openRound(req: Request) async throws -> Response {
        let form = try req.content.decode(RoundForm.self)
        let values = ["title": form.title ?? "", "opensOn": form.opensOn ?? "", "deadline": form.deadline ?? ""]
        var issues: [ValidationIssue] = []
        let opens = FormDay.read(form.opensOn, field: "opensOn", into: &issues)
        let deadline = FormDay.read(form.deadline, field: "deadline", into: &issues)
        let known = Set(try await req.accounts.organisations().map(\.id))
        let chosen = Set((form.organisations ?? []).compactMap(UUID.init(uuidString:)))
        if let unknown = chosen.first(where: { !known.contains($0) }) { issues.append(ValidationIssue("organisations", .unknownValue(unknown.uuidString.lowercased()))) }
        var round: SurveyRound?
        do {
            round = try SurveyRound(id: UUID(), title: form.title ?? "", opensOn: opens ?? Day(Date()), deadline: deadline ?? opens ?? Day(Date()), organisations: chosen).validated()
        } catch {
            issues += error.issues.filter { issue in !(opens == nil || deadline == nil) || issue.field != "deadline" }
        }
        guard let round, issues.isEmpty else {
            let model = try await roundsModel(req, values: values, selected: Set(form.organisations ?? []), issues: issues)
            return HTMLResponse(RoundsPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        try await req.serviceStore.create(round, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ServiceRoute.round(id: round.id).path, notice: .roundOpened)
    }

    static func roundID(_ req: Request) throws -> UUID {
        guard let raw = req.parameters.get("round"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    func round(req: Request) async throws -> HTMLResponse {
        guard let round = try await req.serviceStore.round(id: try Self.roundID(req)) else { throw Abort(.notFound) }
        let context = try await ServiceContext.load(req, services: false)
        let answers = try await req.serviceStore.answers(roundID: round.id)
        let organisations = round.organisations.map { id in
            let answer = answers[id]
            return (id: id, name: context.organisationName(id), answeredAt: answer?.at, by: answer?.by, unchanged: answer?.unchanged ?? false)
        }.sorted { ($0.answeredAt == nil ? 0 : 1, $0.name) < ($1.answeredAt == nil ? 0 : 1, $1.name) }
        let proposals = try await req.serviceStore.proposals(round: round.id).map { ServiceViews.summary($0, context: context) }
        let model = RoundPage.Model(round: round, today: req.settings.clock.today, organisations: organisations, proposals: proposals)
        return HTMLResponse(RoundPage.render(model, context: try await req.pageContext(showNotice: true)))
    }

    func closeRound(req: Request) async throws -> Response {
        let id = try Self.roundID(req)
        do {
            try await req.serviceStore.close(roundID: id, actor: try await req.auditActor(), at: req.settings.clock.now())
        } catch ServiceStoreError.notFound {
            throw Abort(.notFound)
        } catch ServiceStoreError.alreadyDecided {
            return req.redirect(to: ServiceRoute.round(id: id).path, notice: .unchanged)
        }
        return req.redirect(to: ServiceRoute.round(id: id).path, notice: .roundClosed)
    }

    static func proposalID(_ req: Request) throws -> UUID {
        guard let raw = req.parameters.get("proposal"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    func proposalModel(_ req: Request, issues: [ValidationIssue] = [], note: String = "") async throws -> ProposalPage.Model {
        guard let record = try await req.serviceStore.proposal(id: try Self.proposalID(req)) else { throw Abort(.notFound) }
        let context = try await ServiceContext.load(req, services: false)
        let current = try await req.serviceStore.service(id: record.proposal.serviceID)?.service
        return ProposalPage.Model(summary: ServiceViews.summary(record, context: context), diff: record.proposal.diff,
                                  isStale: record.proposal.isStale(current: current), proposed: record.proposal.proposed, categories: context.categories,
                                  unitNames: context.unitNames, issues: issues, note: note)
    }

    func proposal(req: Request) async throws -> HTMLResponse {
        HTMLResponse(ProposalPage.render(try await proposalModel(req), context: try await req.pageContext(showNotice: true)))
    }

    struct DecisionForm: Content {
        var decision: String?
        var note: String?
        var acceptStale: [String]?
    }

    func decide(req: Request) async throws -> Response {
        let id = try Self.proposalID(req)
        let form = try req.content.decode(DecisionForm.self)
        guard let decision = form.decision, ["accept", "reject"].contains(decision) else {
            throw Refusal(.unprocessableEntity, "Bitte „übernehmen“ oder „ablehnen“ wählen.", "Please choose accept or reject.")
        }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // A decided proposal is refused as such before its form is checked.
        if let record = try await req.serviceStore.proposal(id: id), record.proposal.state != .open {
            throw Refusal(.conflict, Texts(.de)(.alreadyDecided), Texts(.en)(.alreadyDecided))
        }
        var issues: [ValidationIssue] = []
        if decision == "reject", note.isEmpty { issues.append(ValidationIssue("note", .required)) }
        if note.count > ServiceProposal.maxNoteLength { issues.append(ValidationIssue("note", .tooLong(max: ServiceProposal.maxNoteLength))) }
        guard issues.isEmpty else {
            let model = try await proposalModel(req, issues: issues, note: form.note ?? "")
            return HTMLResponse(ProposalPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        do {
            try await req.serviceStore.decide(proposalID: id, accept: decision == "accept", note: note, acceptStale: form.acceptStale?.contains("ja") == true,
                                              actor: try await req.auditActor(), at: req.settings.clock.now())
        } catch ServiceStoreError.notFound {
            throw Abort(.notFound)
        } catch ServiceStoreError.alreadyDecided {
            throw Refusal(.conflict, Texts(.de)(.alreadyDecided), Texts(.en)(.alreadyDecided))
        } catch ServiceStoreError.stale {
            let model = try await proposalModel(req, issues: [ValidationIssue("acceptStale", .required)], note: form.note ?? "")
            return HTMLResponse(ProposalPage.render(model, context: try await req.pageContext())).response(status: .conflict)
        }
        return req.redirect(to: ServiceRoute.proposal(id: id).path, notice: decision == "accept" ? .accepted : .rejected)
    }
}
