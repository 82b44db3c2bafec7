import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// The inventory: planners keep it directly (every change a version); providers propose changes to their own
/// organisation's services, which count once a planner accepts them.
struct ServiceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageServices)
        let propose = RoutePermission(.proposeServiceChange, scope: .organisationParameter)
        routes.on(.GET, ServiceRoute.Pattern.services, manage, use: list)
        routes.on(.GET, ServiceRoute.Pattern.servicesCSV, manage, use: csv)
        routes.on(.GET, ServiceRoute.Pattern.serviceNew, manage, use: newService)
        routes.on(.POST, ServiceRoute.Pattern.services, manage, use: create)
        routes.on(.GET, ServiceRoute.Pattern.service, manage, use: show)
        routes.on(.GET, ServiceRoute.Pattern.serviceEdit, manage, use: edit)
        routes.on(.POST, ServiceRoute.Pattern.service, manage, use: update)
        routes.on(.GET, ServiceRoute.Pattern.organisationServices, propose, use: organisationServices)
        routes.on(.GET, ServiceRoute.Pattern.organisationServiceNew, propose, use: proposeNew)
        routes.on(.POST, ServiceRoute.Pattern.organisationServices, propose, use: submitNew)
        routes.on(.GET, ServiceRoute.Pattern.organisationService, propose, use: showOwn)
        routes.on(.GET, ServiceRoute.Pattern.organisationServiceEdit, propose, use: proposeChange)
        routes.on(.POST, ServiceRoute.Pattern.organisationService, propose, use: submitChange)
        routes.on(.POST, ServiceRoute.Pattern.roundUnchanged, propose, use: confirmUnchanged)
        routes.on(.GET, ServiceRoute.Pattern.organisationProposal, propose, use: ownProposal)
        routes.on(.POST, ServiceRoute.Pattern.organisationProposal, RoutePermission(.answerServiceDecision, scope: .organisationParameter), use: answerProposal)
    }

    // MARK: Provider: own proposals and answers to a rejection

    /// The proposal of the route, only if the route's organisation made it.
    static func ownProposal(_ req: Request, organisation: UUID) async throws -> ProposalRecord {
        guard let raw = req.parameters.get("proposal"), let id = UUID(uuidString: raw), let record = try await req.serviceStore.proposal(id: id),
              record.organisationID == organisation else { throw Abort(.notFound) }
        return record
    }

    func ownProposalPage(_ req: Request, answer: String = "", issues: [ValidationIssue] = []) async throws -> String {
        let organisation = try await Self.organisation(req)
        let record = try await Self.ownProposal(req, organisation: organisation.id)
        let context = try await ServiceContext.load(req, services: false)
        let exists = try await req.serviceStore.service(id: record.proposal.serviceID) != nil
        let revise = exists ? ServiceRoute.organisationServiceEdit(organisation: organisation.id, service: record.proposal.serviceID).path
            : ServiceRoute.organisationServiceNew(organisation: organisation.id).path
        let model = OwnProposalPage.Model(organisationID: organisation.id, summary: ServiceViews.summary(record, context: context), diff: record.proposal.diff,
                                          reviseLink: revise, answer: answer, issues: issues,
                                          mayAnswer: try await req.auth().principal.organisations.contains(organisation.id))
        return OwnProposalPage.render(model, context: try await req.pageContext(showNotice: issues.isEmpty))
    }

    func ownProposal(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await ownProposalPage(req))
    }

    struct AnswerForm: Content {
        var answer: String?
    }

    func answerProposal(req: Request) async throws -> Response {
        let organisation = try await Self.organisation(req)
        // Only the organisation's own people answer for it; a planner who may propose for any organisation may not.
        guard try await req.auth().principal.organisations.contains(organisation.id) else {
            throw Refusal(.forbidden, "Antworten kann nur, wer zur Organisation gehört, deren Vorschlag abgelehnt wurde.",
                          "Only members of the organisation whose proposal was rejected can answer.")
        }
        let record = try await Self.ownProposal(req, organisation: organisation.id)
        let typed = (try req.content.decode(AnswerForm.self).answer ?? "")
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [ValidationIssue] = []
        if text.isEmpty { issues.append(ValidationIssue("answer", .required)) }
        if text.count > ServiceProposal.maxNoteLength { issues.append(ValidationIssue("answer", .tooLong(max: ServiceProposal.maxNoteLength))) }
        guard issues.isEmpty else { return HTMLResponse(try await ownProposalPage(req, answer: typed, issues: issues)).response(status: .unprocessableEntity) }
        do {
            try await req.serviceStore.answer(proposalID: record.proposal.id, organisationID: organisation.id, text: text, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        } catch ServiceStoreError.alreadyDecided {
            throw Refusal(.conflict, "Dieser Vorschlag ist nicht abgelehnt oder schon beantwortet; eine Antwort ist nur einmal auf eine Ablehnung möglich.",
                          "This proposal is not rejected or was answered already; an answer is possible once, to a rejection.")
        }
        return req.redirect(to: ServiceRoute.organisationProposal(organisation: organisation.id, proposal: record.proposal.id).path, notice: .answered)
    }


    // MARK: Planner: list

    /// The services the list's search text finds (the Wegweiser's search: stems, compounds, search words, typing
    /// errors); nil without a search text.
    static func found(_ req: Request, state: ListState, context: ServiceContext) async throws -> Set<UUID>? {
        guard let text = state.filters["suche"], !GermanSearch.words(text).isEmpty else { return nil }
        return Set(try await req.serviceSearch.find(text, in: context).scores.keys)
    }

    static func filtered(_ rows: [ServiceRow], state: ListState, context: ServiceContext, found: Set<UUID>?) -> [ServiceRow] {
        let f = state.filters
        var result = rows.filter { row in
            let s = row.service
            if let found, !found.contains(s.id) { return false }
            if let category = f["kategorie"], s.categoryCode != category { return false }
            if let status = f["status"], s.status.rawValue != status { return false }
            if let unit = f["gemeinde"], !s.serviceArea.contains(unit), !s.locations.contains(where: { $0.point.flatMap(context.municipality(containing:)) == unit }) { return false }
            return true
        }
        let key = state.sort ?? "name"
        result.sort { a, b in
            switch key {
            case "traeger": return (a.organisationName, a.service.name) < (b.organisationName, b.service.name)
            case "kategorie": return (a.service.categoryCode, a.service.name) < (b.service.categoryCode, b.service.name)
            case "vze": return (a.service.capacity.totalFTE, a.service.name) < (b.service.capacity.totalFTE, b.service.name)
            case "geprueft": return (a.service.lastVerified ?? Day(Date(timeIntervalSince1970: 0)), a.service.name) < (b.service.lastVerified ?? Day(Date(timeIntervalSince1970: 0)), b.service.name)
            default: return a.service.name.lowercased() < b.service.name.lowercased()
            }
        }
        return state.descending ? result.reversed() : result
    }


    func list(req: Request) async throws -> HTMLResponse {
        let context = try await ServiceContext.load(req)
        let state = ServiceViews.listState(req, path: ServiceRoute.services().path)
        let rows = Self.filtered(context.records.map(context.row), state: state, context: context, found: try await Self.found(req, state: state, context: context))
        let open = try await req.serviceStore.proposals(state: .open).count
        let model = ServiceListPage.Model(rows: Paging.slice(rows, page: state.page, perPage: ServiceListPage.perPage), total: rows.count, state: state,
                                          categories: context.categories, municipalities: context.municipalityOptions, openProposals: open)
        return HTMLResponse(ServiceListPage.render(model, context: try await req.pageContext(showNotice: true)))
    }

    func csv(req: Request) async throws -> Response {
        let context = try await ServiceContext.load(req)
        let state = ServiceViews.listState(req, path: ServiceRoute.services().path)
        let rows = Self.filtered(context.records.map(context.row), state: state, context: context, found: try await Self.found(req, state: state, context: context))
        let header = ["ID", "Name", "Organisation", "Kategorie", "Kategorie (Code)", "Status", "präventiv", "VZÄ", "Plätze", "Fälle je Jahr", "Bezugsjahr", "Mindestalter",
                      "Höchstalter", "Sprachen", "barrierefrei", "Gebärdensprache", "Einzugsgebiet", "Einzugsgebiet (Schlüssel)", "Straße", "PLZ", "Ort", "Breite", "Länge",
                      "Telefon", "E-Mail", "Website", "zuletzt geprüft", "Version"]
        let unitNames = context.unitNames
        // Names and words as the pages show them; the category code and the area keys stay beside them as keys for other tools.
        let lines = rows.map { row -> [String] in
            let s = row.service
            let location = s.locations.first
            return [s.id.uuidString.lowercased(), s.name, row.organisationName, ServiceNames.category(s.categoryCode, context.categories, .de), s.categoryCode,
                    ServiceNames.status(s.status, .de), GermanCSV.yesNo(s.preventive),
                    GermanCSV.number(s.capacity.totalFTE, decimals: 2), GermanCSV.integer(s.capacity.places), GermanCSV.integer(s.capacity.casesPerYear),
                    GermanCSV.integer(s.capacity.referenceYear), GermanCSV.integer(s.targetGroup.minAge), GermanCSV.integer(s.targetGroup.maxAge),
                    s.languages.map { LanguageNames.name($0, .de) }.joined(separator: ", "), GermanCSV.yesNo(s.stepFree), GermanCSV.yesNo(s.signLanguage),
                    s.serviceArea.map { unitNames[$0] ?? $0 }.sorted().joined(separator: ", "), s.serviceArea.sorted().joined(separator: " "),
                    location?.street ?? "", location?.postcode ?? "", location?.city ?? "", GermanCSV.number(location?.point?.lat, decimals: 6),
                    GermanCSV.number(location?.point?.lon, decimals: 6), s.phone ?? "", s.email ?? "", s.website ?? "", GermanCSV.day(s.lastVerified), GermanCSV.integer(row.version)]
        }
        return CSVDownload.response(CSV.write(header: header, rows: lines), filename: "angebote.csv")
    }

    // MARK: Planner: one service

    func show(req: Request) async throws -> HTMLResponse {
        let id = try ServiceViews.serviceID(req)
        guard let record = try await req.serviceStore.service(id: id) else { throw Abort(.notFound) }
        let context = try await ServiceContext.load(req, services: false)
        let versions = try await req.serviceStore.versions(serviceID: id)
        let history = versions.enumerated().map { index, version in
            let previous = index + 1 < versions.count ? versions[index + 1].service.auditFields : [:]
            return (version: version.version, acceptedBy: version.acceptedBy, acceptedAt: version.acceptedAt,
                    changes: FieldChange.diff(before: previous, after: version.service.auditFields))
        }
        let model = ServicePage.Model(row: context.row(record), categories: context.categories, unitNames: context.unitNames, versions: history,
                                      editPath: ServiceRoute.serviceEdit(id: id).path, backPath: ServiceRoute.services().path)
        return HTMLResponse(ServicePage.render(model, context: try await req.pageContext(showNotice: true)))
    }

    static func formModel(_ req: Request, context: ServiceContext, title: String, intro: String?, action: String, cancel: String, values: [String: String],
                          sexes: Set<String>, area: Set<String>, withOrganisations: Bool, issues: [ValidationIssue] = []) -> ServiceFormPage.Model {
        var ignored: [ValidationIssue] = []
        let lat = ServiceForm.decimal(values["lat"], field: "lat", into: &ignored)
        let lon = ServiceForm.decimal(values["lon"], field: "lon", into: &ignored)
        let point = lat.flatMap { lat in lon.map { Position(lon: $0, lat: lat) } }
        let t = Texts(req.language)
        let map = context.map(id: "ortskarte", title: t(.coordinatesHint), points: point.map { [SVGMap.Point(position: $0, label: values["name"] ?? "", link: nil)] } ?? [],
                              pickable: true)
        let organisations = withOrganisations
            ? context.organisations.values.filter(\.active).sorted { $0.name < $1.name }.map { (id: $0.id, name: $0.name) } : nil
        return ServiceFormPage.Model(title: title, intro: intro, action: action, cancel: cancel, values: values, sexes: sexes, serviceArea: area,
                                     categories: context.categories, organisations: organisations, municipalities: context.municipalityOptions, map: map, issues: issues)
    }

    func newService(req: Request) async throws -> HTMLResponse {
        let context = try await ServiceContext.load(req, services: false)
        let t = Texts(req.language)
        let model = Self.formModel(req, context: context, title: t(.newService), intro: nil, action: ServiceRoute.services().path, cancel: ServiceRoute.services().path,
                                   values: ["languages": "de", "status": ServiceStatus.active.rawValue, "referenceYear": String(req.settings.clock.today.year - 1)],
                                   sexes: [], area: [], withOrganisations: true)
        return HTMLResponse(ServiceFormPage.render(model, context: try await req.pageContext()))
    }

    func edit(req: Request) async throws -> HTMLResponse {
        let id = try ServiceViews.serviceID(req)
        guard let record = try await req.serviceStore.service(id: id) else { throw Abort(.notFound) }
        let context = try await ServiceContext.load(req, services: false)
        let t = Texts(req.language)
        let s = record.service
        let model = Self.formModel(req, context: context, title: t(.editService) + ": " + s.name, intro: nil, action: ServiceRoute.service(id: id).path,
                                   cancel: ServiceRoute.service(id: id).path, values: ServiceFormValues.values(s, unitNames: context.unitNames), sexes: Set(s.targetGroup.sexes.map(\.rawValue)),
                                   area: s.serviceArea, withOrganisations: true)
        return HTMLResponse(ServiceFormPage.render(model, context: try await req.pageContext()))
    }

    func create(req: Request) async throws -> Response {
        try await save(req, id: UUID(), base: nil)
    }

    func update(req: Request) async throws -> Response {
        let id = try ServiceViews.serviceID(req)
        guard let record = try await req.serviceStore.service(id: id) else { throw Abort(.notFound) }
        return try await save(req, id: id, base: record.service)
    }

    /// The planner's direct save: validated, stored as a new version, audited.
    func save(_ req: Request, id: UUID, base: Service?) async throws -> Response {
        let form = try req.content.decode(ServiceForm.self)
        let context = try await ServiceContext.load(req, services: false)
        var issues: [ValidationIssue] = []
        let organisation = form.organisation.flatMap(UUID.init(uuidString:)).flatMap { context.organisations[$0]?.id }
        if organisation == nil { issues.append(ValidationIssue("organisation", .unknownReference)) }
        var service: Service?
        do {
            service = try form.service(id: id, organisationID: organisation ?? UUID(), base: base, categories: context.categoryCodes, unitKeys: Set(context.unitsByKey.keys), unitNames: context.unitNames)
        } catch {
            issues += error.issues
        }
        let t = Texts(req.language)
        guard var service, issues.isEmpty else {
            let model = Self.formModel(req, context: context, title: base == nil ? t(.newService) : t(.editService) + ": " + (base?.name ?? ""), intro: nil,
                                       action: base == nil ? ServiceRoute.services().path : ServiceRoute.service(id: id).path,
                                       cancel: base == nil ? ServiceRoute.services().path : ServiceRoute.service(id: id).path, values: form.values,
                                       sexes: Set(form.sexes ?? []), area: Set(form.serviceArea ?? []), withOrganisations: true, issues: issues)
            return HTMLResponse(ServiceFormPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        let actor = try await req.auditActor()
        let now = req.settings.clock.now()
        service.lastVerified = Day(now)
        service.verifiedBy = actor.label
        try await req.serviceStore.save(service, actor: actor, at: now)
        return req.redirect(to: ServiceRoute.service(id: id).path, notice: base == nil ? .created : .saved)
    }

    // MARK: Provider: own services and proposals

    /// The organisation of the route; 404 when it does not exist.
    static func organisation(_ req: Request) async throws -> Organisation {
        guard let organisation = try await req.accounts.organisation(id: try req.idParameter()) else { throw Abort(.notFound) }
        return organisation
    }

    /// The service of the route, only if it belongs to the route's organisation (a crafted address for another
    /// organisation's service finds nothing).
    static func ownService(_ req: Request, organisation: UUID) async throws -> ServiceRecord {
        guard let record = try await req.serviceStore.service(id: try ServiceViews.serviceID(req)), record.service.organisationID == organisation else { throw Abort(.notFound) }
        return record
    }

    func organisationServices(req: Request) async throws -> HTMLResponse {
        let organisation = try await Self.organisation(req)
        let store = req.serviceStore
        let context = try await ServiceContext.load(req, services: false)
        let records = try await store.services(organisation: organisation.id)
        var rounds: [(round: SurveyRound, answered: Bool)] = []
        for round in try await store.rounds() where round.isOpen && round.organisations.contains(organisation.id) {
            rounds.append((round, try await store.answers(roundID: round.id)[organisation.id] != nil))
        }
        let proposals = try await store.proposals(organisation: organisation.id).map { ServiceViews.summary($0, context: context) }
        let model = OrganisationServicesPage.Model(organisationID: organisation.id, organisationName: organisation.name, services: records.map(context.row),
                                                   categories: context.categories, rounds: rounds, proposals: proposals)
        return HTMLResponse(OrganisationServicesPage.render(model, context: try await req.pageContext(showNotice: true)))
    }


    func showOwn(req: Request) async throws -> HTMLResponse {
        let organisation = try await Self.organisation(req)
        let record = try await Self.ownService(req, organisation: organisation.id)
        let context = try await ServiceContext.load(req, services: false)
        let model = ServicePage.Model(row: context.row(record), categories: context.categories, unitNames: context.unitNames, versions: [],
                                      editPath: ServiceRoute.organisationServiceEdit(organisation: organisation.id, service: record.service.id).path,
                                      backPath: ServiceRoute.organisationServices(organisation: organisation.id).path)
        return HTMLResponse(ServicePage.render(model, context: try await req.pageContext()))
    }

    func proposeNew(req: Request) async throws -> HTMLResponse {
        let organisation = try await Self.organisation(req)
        let context = try await ServiceContext.load(req, services: false)
        let t = Texts(req.language)
        let back = ServiceRoute.organisationServices(organisation: organisation.id).path
        let model = Self.formModel(req, context: context, title: t(.proposeNewService), intro: t(.ownServicesIntro), action: back, cancel: back,
                                   values: ["languages": "de", "status": ServiceStatus.active.rawValue, "referenceYear": String(req.settings.clock.today.year - 1)],
                                   sexes: [], area: [], withOrganisations: false)
        return HTMLResponse(ServiceFormPage.render(model, context: try await req.pageContext()))
    }

    func proposeChange(req: Request) async throws -> HTMLResponse {
        let organisation = try await Self.organisation(req)
        let record = try await Self.ownService(req, organisation: organisation.id)
        let context = try await ServiceContext.load(req, services: false)
        let t = Texts(req.language)
        let s = record.service
        let model = Self.formModel(req, context: context, title: t(.proposeChange) + ": " + s.name, intro: t(.ownServicesIntro),
                                   action: ServiceRoute.organisationService(organisation: organisation.id, service: s.id).path,
                                   cancel: ServiceRoute.organisationServices(organisation: organisation.id).path, values: ServiceFormValues.values(s, unitNames: context.unitNames),
                                   sexes: Set(s.targetGroup.sexes.map(\.rawValue)), area: s.serviceArea, withOrganisations: false)
        return HTMLResponse(ServiceFormPage.render(model, context: try await req.pageContext()))
    }

    func submitNew(req: Request) async throws -> Response {
        let organisation = try await Self.organisation(req)
        return try await submitProposal(req, organisation: organisation, base: nil)
    }

    func submitChange(req: Request) async throws -> Response {
        let organisation = try await Self.organisation(req)
        let record = try await Self.ownService(req, organisation: organisation.id)
        return try await submitProposal(req, organisation: organisation, base: record.service)
    }

    /// A provider's change becomes a proposal; the service itself stays as it is until a planner accepts it.
    func submitProposal(_ req: Request, organisation: Organisation, base: Service?) async throws -> Response {
        var form = try req.content.decode(ServiceForm.self)
        form.organisation = organisation.id.uuidString.lowercased()
        let context = try await ServiceContext.load(req, services: false)
        let id = base?.id ?? UUID()
        let back = ServiceRoute.organisationServices(organisation: organisation.id).path
        let service: Service
        do {
            service = try form.service(id: id, organisationID: organisation.id, base: base, categories: context.categoryCodes, unitKeys: Set(context.unitsByKey.keys), unitNames: context.unitNames)
        } catch {
            let t = Texts(req.language)
            let model = Self.formModel(req, context: context, title: base == nil ? t(.proposeNewService) : t(.proposeChange) + ": " + (base?.name ?? ""),
                                       intro: t(.ownServicesIntro), action: base == nil ? back : ServiceRoute.organisationService(organisation: organisation.id, service: id).path,
                                       cancel: back, values: form.values, sexes: Set(form.sexes ?? []), area: Set(form.serviceArea ?? []), withOrganisations: false,
                                       issues: error.issues)
            return HTMLResponse(ServiceFormPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        let store = req.serviceStore
        let round = try await store.rounds().first { $0.isOpen && $0.organisations.contains(organisation.id) }
        let actor = try await req.auditActor()
        let proposal = ServiceProposal(id: UUID(), roundID: round?.id, serviceID: id, base: base, proposed: service, proposedBy: actor.label,
                                       proposedAt: req.settings.clock.now())
        guard base == nil || !proposal.diff.isEmpty else { return req.redirect(to: back, notice: .unchanged) }
        try await store.propose(proposal, organisationID: organisation.id, actor: actor)
        return req.redirect(to: back, notice: .proposed)
    }

    func confirmUnchanged(req: Request) async throws -> Response {
        let organisation = try await Self.organisation(req)
        guard let raw = req.parameters.get("round"), let roundID = UUID(uuidString: raw), let round = try await req.serviceStore.round(id: roundID),
              round.isOpen, round.organisations.contains(organisation.id) else { throw Abort(.notFound) }
        try await req.serviceStore.confirmUnchanged(roundID: roundID, organisation: organisation.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ServiceRoute.organisationServices(organisation: organisation.id).path, notice: .confirmed)
    }
}
