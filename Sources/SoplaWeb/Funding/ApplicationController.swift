import Crypto
import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Applications: providers write and submit them for their organisation; the county checks, assigns reviewers,
/// recommends and decides (committing the budget line); reviewers score them unless they are conflicted.
struct ApplicationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = FundingRoute.self
        let apply = RoutePermission(.applyForFunding, scope: .organisationParameter)
        routes.on(.GET, p.organisation, apply, use: organisationPage)
        routes.on(.GET, p.ownApplicationNew, apply, use: newApplication)
        routes.on(.POST, p.ownApplications, apply, use: create)
        routes.on(.GET, p.ownApplication, apply, use: showOwn)
        routes.on(.GET, p.ownApplicationEdit, apply, use: edit)
        routes.on(.POST, p.ownApplication, apply, use: update)
        routes.on(.POST, p.ownApplicationStep, apply, use: applicantStep)
        routes.upload(p.ownAttachments, apply, limit: Attachments.uploadLimit, use: upload)
        routes.on(.GET, p.ownAttachment, apply, use: ownAttachment)

        let manage = RoutePermission(.manageFunding)
        routes.on(.GET, p.applications, manage, use: list)
        routes.on(.GET, p.applicationsCSV, manage, use: csv)
        routes.on(.GET, p.application, manage, use: showForPlanner)
        routes.on(.POST, p.applicationStep, manage, use: plannerStep)
        routes.on(.POST, p.applicationReviewers, manage, use: assignReviewer)
        routes.on(.GET, p.applicationAttachment, manage, use: plannerAttachment)

        routes.on(.GET, p.reviews, RoutePermission(.seeReviewAssignments), use: reviewList)
        routes.on(.POST, p.conflicts, RoutePermission(.seeReviewAssignments), use: declareConflict)
        let review = RoutePermission(.reviewApplication, scope: .applicationOrganisation)
        routes.on(.GET, p.review, review, use: showForReviewer)
        routes.on(.POST, p.review, review, use: submitReview)
        routes.on(.GET, p.reviewAttachment, review, use: reviewerAttachment)
    }

    // MARK: Provider

    func organisationPage(req: Request) async throws -> HTMLResponse {
        guard let organisation = try await req.accounts.organisation(id: try req.idParameter()) else { throw Abort(.notFound) }
        let today = req.settings.clock.today
        let model = OrganisationFundingPage.Model(
            organisation: organisation, openProgrammes: try await FundingData.programmes(req).filter { $0.isOpen(on: today) },
            applications: try await req.fundingStore.all(.application, as: FundingApplication.self, organisationID: organisation.id).map(\.value),
            agreements: try await req.fundingStore.all(.agreement, as: GrantAgreement.self, organisationID: organisation.id).map(\.value))
        return HTMLResponse(OrganisationFundingPage.render(model, context: try await req.pageContext(showNotice: true)))
    }

    static func ownServices(_ req: Request, organisation: UUID) async throws -> [(id: UUID, name: String)] {
        try await req.serviceStore.services(organisation: organisation).map(\.service).sorted { $0.name < $1.name }.map { ($0.id, $0.name) }
    }

    func formPage(_ req: Request, programme: FundingProgramme, applicationID: UUID?, changeRequest: String?, values: [String: String], services: Set<String>,
                  issues: [ValidationIssue]) async throws -> String {
        let organisation = try req.idParameter()
        return ApplicationFormPage.render(ApplicationFormPage.Model(organisationID: organisation, programme: programme, applicationID: applicationID, changeRequest: changeRequest,
                                                                    values: values, issues: issues, services: try await Self.ownServices(req, organisation: organisation),
                                                                    selectedServices: services), context: try await req.pageContext())
    }

    func newApplication(req: Request) async throws -> Response {
        guard let raw = try? req.query.get(String.self, at: "programm"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        let programme = try await FundingData.programme(req, id: id)
        guard programme.isOpen(on: req.settings.clock.today) else { throw Refusal(.conflict, "Die Antragsfrist dieses Programms ist nicht offen.", "The call of this programme is not open.") }
        let line = programme.budgetLines.sorted { ($0.year, $0.name) < ($1.year, $1.name) }.last
        let values = ["budgetLine": line?.id.uuidString.lowercased() ?? "", "preventive": "nein", "programme": id.uuidString.lowercased()]
        return HTMLResponse(try await formPage(req, programme: programme, applicationID: nil, changeRequest: nil, values: values, services: [], issues: [])).response()
    }

    /// The application form as submitted: the fixed fields, the ticked services and the checklist answers (one field per item).
    struct Form {
        static let singleFields: Set<String> = ["programme", "title", "budgetLine", "preventive", "costs", "ownFunds", "otherFunding", "requested"]

        var programme: String?
        var title: String?
        var budgetLine: String?
        var services: [String]?
        var preventive: String?
        var costs: String?
        var ownFunds: String?
        var otherFunding: String?
        var requested: String?
        var answers: [String: String]
        /// Fields that could not be read (a list where one value belongs, a nested field).
        var malformed: [ValidationIssue]

        init(_ fields: FormFields) {
            programme = fields["programme"]
            title = fields["title"]
            budgetLine = fields["budgetLine"]
            services = fields.values["services"] == nil ? nil : fields.list("services")
            preventive = fields["preventive"]
            costs = fields["costs"]
            ownFunds = fields["ownFunds"]
            otherFunding = fields["otherFunding"]
            requested = fields["requested"]
            answers = fields.strings(prefixed: "answer-")
            malformed = fields.malformed(single: Self.singleFields.union(answers.keys))
        }
    }

    /// The form's fields as entered, the checklist answers included.
    static func values(_ form: Form) -> [String: String] {
        var values = ["programme": form.programme ?? "", "title": form.title ?? "", "budgetLine": form.budgetLine ?? "", "preventive": form.preventive ?? "nein",
                      "costs": form.costs ?? "", "ownFunds": form.ownFunds ?? "", "otherFunding": form.otherFunding ?? "", "requested": form.requested ?? ""]
        for (key, value) in form.answers { values[key] = String(value.prefix(4000)) }
        return values
    }

    /// Reads the form into the application (content only: state, history and documents stay as they are). A field that
    /// could not be read is an issue like any other: the form comes back with what was typed, nothing is stored.
    func read(_ req: Request, into base: FundingApplication, programme: FundingProgramme) async throws -> (FundingApplication?, [String: String], Set<String>, [ValidationIssue]) {
        let form = Form(FormFields(req))
        let values = Self.values(form)
        var issues: [ValidationIssue] = form.malformed
        let own = Set(try await Self.ownServices(req, organisation: base.organisationID).map(\.id))
        let services = (form.services ?? []).compactMap(UUID.init(uuidString:))
        if services.contains(where: { !own.contains($0) }) { issues.append(ValidationIssue("services", .unknownReference)) }
        let line = ServiceForm.clean(form.budgetLine).flatMap(UUID.init(uuidString:)).flatMap { id in programme.budgetLines.first { $0.id == id } }
        if line == nil { issues.append(ValidationIssue("budgetLine", .unknownReference)) }
        let costs = FundingEntry.costLines(form.costs ?? "", field: "costs"), other = FundingEntry.costLines(form.otherFunding ?? "", field: "otherFunding")
        issues += costs.issues + other.issues
        let ownFunds = FundingData.money(form.ownFunds, field: "ownFunds", required: false, into: &issues)
        let requested = FundingData.money(form.requested, field: "requested", required: true, into: &issues)
        var answers = base.answers.filter { $0.attachmentID != nil }
        for item in programme.checklist where item.kind == .question {
            let text = (values["answer-" + item.id.uuidString.lowercased()] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { answers.append(ChecklistAnswer(itemID: item.id, text: text)) }
        }
        guard let line, let ownFunds, let requested, issues.isEmpty else { return (nil, values, Set(form.services ?? []), issues) }
        var draft = base
        draft.title = form.title ?? ""
        draft.budgetLineID = line.id
        draft.year = line.year
        draft.serviceIDs = services
        draft.preventive = form.preventive == "ja"
        draft.costPlan = CostPlan(costs: costs.values, ownFunds: ownFunds, otherFunding: other.values)
        draft.requested = requested
        draft.answers = answers
        do {
            return (try draft.validated(programme: programme), values, Set(form.services ?? []), [])
        } catch {
            return (nil, values, Set(form.services ?? []), error.issues)
        }
    }

    func create(req: Request) async throws -> Response {
        let organisation = try req.idParameter()
        guard let raw = FormFields(req)["programme"], let id = UUID(uuidString: raw) else {
            throw APIError(.unprocessableEntity, code: "invalid_field", message: "the field programme is missing or not one programme id", details: [.init(field: "programme", message: "required")])
        }
        let programme = try await FundingData.programme(req, id: id)
        guard programme.isOpen(on: req.settings.clock.today) else { throw Refusal(.conflict, "Die Antragsfrist dieses Programms ist nicht offen.", "The call of this programme is not open.") }
        let base = FundingApplication(id: UUID(), programmeID: programme.id, organisationID: organisation, title: "", year: 0, budgetLineID: UUID(), requested: .zero,
                                      costPlan: CostPlan(costs: [], ownFunds: .zero))
        let (application, values, services, issues) = try await read(req, into: base, programme: programme)
        guard let application else {
            return HTMLResponse(try await formPage(req, programme: programme, applicationID: nil, changeRequest: nil, values: values, services: services, issues: issues))
                .response(status: .unprocessableEntity)
        }
        try await req.fundingStore.save(.application, id: application.id, application, label: application.title, organisationID: organisation, parentID: programme.id,
                                        actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: FundingRoute.ownApplication(organisation, application.id), notice: .created)
    }

    func edit(req: Request) async throws -> Response {
        let a = try await FundingData.ownApplication(req)
        guard a.state == .draft else { return req.redirect(to: FundingRoute.ownApplication(a.organisationID, a.id), notice: .unchanged) }
        let programme = try await FundingData.programme(req, id: a.programmeID)
        var values = ["programme": a.programmeID.uuidString.lowercased(), "title": a.title, "budgetLine": a.budgetLineID.uuidString.lowercased(),
                      "preventive": a.preventive ? "ja" : "nein", "costs": FundingEntry.costLinesText(a.costPlan.costs), "ownFunds": FundingEntry.german(a.costPlan.ownFunds),
                      "otherFunding": FundingEntry.costLinesText(a.costPlan.otherFunding), "requested": FundingEntry.german(a.requested)]
        for answer in a.answers { if let text = answer.text { values["answer-" + answer.itemID.uuidString.lowercased()] = text } }
        return HTMLResponse(try await formPage(req, programme: programme, applicationID: a.id, changeRequest: a.changeRequest, values: values,
                                               services: Set(a.serviceIDs.map { $0.uuidString.lowercased() }), issues: [])).response()
    }

    func update(req: Request) async throws -> Response {
        let a = try await FundingData.ownApplication(req)
        guard a.state == .draft else { throw Refusal(.conflict, "Nur ein Entwurf kann geändert werden; ein eingereichter Antrag bleibt, wie er ist.", "Only a draft can be changed; a submitted application stays as it is.") }
        let programme = try await FundingData.programme(req, id: a.programmeID)
        let (application, values, services, issues) = try await read(req, into: a, programme: programme)
        guard let application else {
            return HTMLResponse(try await formPage(req, programme: programme, applicationID: a.id, changeRequest: a.changeRequest, values: values, services: services, issues: issues))
                .response(status: .unprocessableEntity)
        }
        try await req.fundingStore.transition(application, from: .draft, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: FundingRoute.ownApplication(a.organisationID, a.id), notice: .saved)
    }

    func showOwn(req: Request) async throws -> HTMLResponse {
        let a = try await FundingData.ownApplication(req)
        return HTMLResponse(ApplicationPage.render(try await FundingData.applicationModel(req, a, viewer: .applicant(organisation: a.organisationID)), context: try await req.pageContext(showNotice: true)))
    }

    struct StepForm: Content {
        var event: String?
        var reason: String?
        var amount: String?
        var resolution: String?
        var confirm: String?
        var overrideReviews: String?
    }

    /// Applies a step and stores it; a problem shows the application again with the reason, nothing stored.
    func step(_ req: Request, _ a: FundingApplication, viewer: ApplicationViewer, allowed: (ApplicationEvent) -> Bool, redirect: String) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        let t = Texts(req.language)
        let values = ["event": form.event ?? "", "reason": form.reason ?? "", "amount": form.amount ?? "", "resolution": form.resolution ?? "",
                      "overrideReviews": form.overrideReviews ?? ""]
        func fail(_ message: String, status: HTTPResponseStatus = .unprocessableEntity, issues: [ValidationIssue] = []) async throws -> Response {
            HTMLResponse(ApplicationPage.render(try await FundingData.applicationModel(req, a, viewer: viewer, values: values, issues: issues, problem: message), context: try await req.pageContext()))
                .response(status: status)
        }
        guard let event = form.event.flatMap(ApplicationEvent.init(name:)), allowed(event) else { return try await fail(t(.problemNotAllowed)) }
        if event == .withdraw, form.confirm != "ja" { return try await fail(t(.confirmWithdraw), issues: [ValidationIssue("confirm", .required)]) }
        var issues: [ValidationIssue] = []
        let amount = event == .approvePartly ? FundingData.money(form.amount, field: "amount", required: true, into: &issues) : nil
        if let issue = issues.first {
            let message = IssueText.message(issue.problem, req.language)
            // A range message names its field; any other is told with the field's label.
            if case .outOfRange = issue.problem { return try await fail(message, issues: issues) }
            return try await fail(t(.fieldPartialAmount) + ": " + message, issues: issues)
        }
        let programme = try await FundingData.programme(req, id: a.programmeID)
        let user = try await req.requireUser()
        let now = req.settings.clock.now()
        let reviews = try await req.fundingStore.all(.review, as: ApplicationReview.self, parentID: a.id).map(\.value)
        switch a.applying(event, programme: programme, reason: form.reason ?? "", amount: amount, reviews: reviews, overrideReviews: form.overrideReviews == "ja",
                          by: user.id.uuidString.lowercased(), at: now) {
        case .failure(let problem):
            return try await fail(FundingNames.transitionProblem(problem, t), status: problem == .notAllowed(from: a.state, event: event.name) ? .conflict : .unprocessableEntity)
        case .success(var next):
            if event == .approve || event == .approvePartly {
                let resolutions = Set(try await req.participationStore.all(.resolution, as: Resolution.self).map(\.id))
                next.resolutionID = ServiceForm.clean(form.resolution).flatMap(UUID.init(uuidString:)).flatMap { resolutions.contains($0) ? $0 : nil }
            }
            do {
                try await req.fundingStore.transition(next, from: a.state, actor: try await req.auditActor(), at: now)
            } catch FundingStoreError.budgetExceeded(let available) {
                return try await fail(t(.budgetExceeded).replacingOccurrences(of: "{a}", with: Format.money(available, req.language)), status: .conflict)
            } catch FundingStoreError.changedMeanwhile {
                return try await fail(t(.changedMeanwhile), status: .conflict)
            }
            try await Notifier(req: req).applicationStep(next, event: event, reason: form.reason ?? "")
            return req.redirect(to: redirect, notice: .saved)
        }
    }

    func applicantStep(req: Request) async throws -> Response {
        let a = try await FundingData.ownApplication(req)
        return try await step(req, a, viewer: .applicant(organisation: a.organisationID), allowed: \.isApplicants, redirect: FundingRoute.ownApplication(a.organisationID, a.id))
    }

    func upload(req: Request) async throws -> Response {
        let a = try await FundingData.ownApplication(req)
        guard a.state == .draft else { throw Refusal(.conflict, "Unterlagen lassen sich nur einem Entwurf beifügen.", "Documents can be added to a draft only.") }
        let programme = try await FundingData.programme(req, id: a.programmeID)
        let form = try await StreamedUpload.read(req)
        defer { form.file?.remove() }
        let name = form.file?.fileName ?? ""
        var issues = AttachmentCheck.problems(size: form.file?.size ?? 0, bytes: form.file?.head ?? [], fileName: name)
        let item = ServiceForm.clean(form["item"]).flatMap(UUID.init(uuidString:)).flatMap { id in programme.checklist.first { $0.id == id && $0.kind == .document } }
        if item == nil { issues.append(ValidationIssue("item", .unknownReference)) }
        guard issues.isEmpty, let item, let file = form.file, let kind = AttachmentCheck.kind(of: file.head, fileName: name) else {
            let page = ApplicationPage.render(try await FundingData.applicationModel(req, a, viewer: .applicant(organisation: a.organisationID), values: ["item": form["item"] ?? ""], issues: issues,
                                                                         problem: nil),
                                              context: try await req.pageContext())
            return HTMLResponse(page).response(status: .unprocessableEntity)
        }
        let data = try file.data()
        let types: [AttachmentCheck.Kind: String] = [.pdf: "application/pdf", .odt: "application/vnd.oasis.opendocument.text",
                                                     .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
        let actor = try await req.auditActor()
        let attachment = FundingAttachment(id: UUID(), applicationID: a.id, itemID: item.id, fileName: name, mediaType: types[kind]!, size: data.count,
                                           sha256: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined(), createdAt: req.settings.clock.now(), createdBy: actor.label)
        try await req.fundingStore.addAttachment(attachment, content: data, to: a, actor: actor)
        return req.redirect(to: FundingRoute.ownApplication(a.organisationID, a.id), notice: .created)
    }

    static func download(_ req: Request, _ a: FundingApplication) async throws -> Response {
        let id = try FundingData.uuid(req, "attachment")
        guard a.answers.contains(where: { $0.attachmentID == id }), let (attachment, data) = try await req.fundingStore.attachmentContent(id: id, applicationID: a.id) else {
            throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: attachment.mediaType)
        headers.setAttachment(filename: attachment.fileName)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    func ownAttachment(req: Request) async throws -> Response {
        try await Self.download(req, try await FundingData.ownApplication(req))
    }

    // MARK: County

    /// The list's search, filters, sort and page from the query; an unknown programme, state or sort is left out.
    /// `whole` (the CSV) reads every matching application on one page, whatever page the link named.
    func rows(_ req: Request, whole: Bool = false) async throws -> ApplicationListPage.Model {
        let perPage = whole ? 1_000_000 : ApplicationListPage.perPage
        let names = try await FundingData.organisationNames(req)
        let programmes = try await FundingData.programmes(req)
        let search = String(((try? req.query.get(String.self, at: "suche")) ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let programme = ((try? req.query.get(String.self, at: "programm")) ?? "").lowercased()
        let programmeID = UUID(uuidString: programme).flatMap { id in programmes.contains { $0.id == id } ? id : nil }
        let state = ApplicationState(rawValue: (try? req.query.get(String.self, at: "status")) ?? "")
        let orders: [String: ApplicationOrder] = ["jahr": .year, "titel": .title, "organisation": .organisation, "beantragt": .requested, "status": .state]
        let sort = (try? req.query.get(String.self, at: "sortierung")).flatMap { orders[$0] != nil ? $0 : nil }
        let direction = try? req.query.get(String.self, at: "richtung")
        let descending = sort == nil ? direction != "auf" : direction == "ab"
        var listState = ListState(path: FundingRoute.applications(), filters: ["suche": search, "programm": programmeID.map { $0.uuidString.lowercased() } ?? "",
                                                                            "status": state?.rawValue ?? ""],
                                  sort: sort, descending: descending, page: whole ? 1 : (try? req.query.get(Int.self, at: "seite")) ?? 1)
        func read(_ page: Int) async throws -> RecordPage<FundingApplication> {
            try await req.fundingStore.applications(programmeID: programmeID, state: state, search: search, order: orders[sort ?? "jahr"] ?? .year,
                                                    descending: descending, page: page, perPage: perPage)
        }
        var page = try await read(listState.page)
        if let last = Paging.lastPage(total: page.total, perPage: perPage, asked: listState.page, found: page.items.count) {
            listState = listState.onPage(last)
            page = try await read(last)
        }
        return ApplicationListPage.Model(rows: page.items.map { ($0, names[$0.organisationID] ?? "–") }, total: page.total,
                                         programmes: programmes.map { ($0.id, $0.name) }, state: listState)
    }

    func list(req: Request) async throws -> HTMLResponse {
        HTMLResponse(ApplicationListPage.render(try await rows(req), context: try await req.pageContext()))
    }

    func csv(req: Request) async throws -> Response {
        let model = try await rows(req, whole: true)
        let programmes = Dictionary(model.programmes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let lines = model.rows.map { row in
            let a = row.application
            return [a.id.uuidString.lowercased(), a.title, row.organisation, programmes[a.programmeID] ?? "", String(a.year), GermanCSV.euros(a.requested), GermanCSV.euros(a.granted),
                    FundingNames.state(a.state, Texts(.de)), GermanCSV.yesNo(a.preventive), GermanCSV.time(a.submittedAt)]
        }
        return CSVDownload.response(CSV.write(header: ["ID", "Titel", "Organisation", "Programm", "Jahr", "beantragt (EUR)", "bewilligt (EUR)", "Status", "präventiv",
                                                                     "eingereicht am"], rows: lines), filename: "antraege.csv")
    }

    func showForPlanner(req: Request) async throws -> HTMLResponse {
        let a = try await FundingData.application(req)
        return HTMLResponse(ApplicationPage.render(try await FundingData.applicationModel(req, a, viewer: .planner), context: try await req.pageContext(showNotice: true)))
    }

    func plannerStep(req: Request) async throws -> Response {
        let a = try await FundingData.application(req)
        return try await step(req, a, viewer: .planner, allowed: { !$0.isApplicants }, redirect: FundingRoute.application(a.id))
    }

    struct ReviewerForm: Content {
        var reviewer: String?
        var kind: String?
    }

    func assignReviewer(req: Request) async throws -> Response {
        let a = try await FundingData.application(req)
        let form = try req.content.decode(ReviewerForm.self)
        guard !a.state.isFinal else { throw Refusal(.conflict, "Über den Antrag ist entschieden; Begutachtungen werden nicht mehr vergeben.", "The application is decided; no more reviews are assigned.") }
        guard let kind = form.kind.flatMap(ReviewKind.init(rawValue:)),
              let userID = ServiceForm.clean(form.reviewer).flatMap(UUID.init(uuidString:)),
              let user = try await req.accounts.user(id: userID), user.active, user.roles.contains(.reviewer) else {
            throw Refusal(.unprocessableEntity, "Bitte eine begutachtende Person und die Art der Begutachtung wählen.", "Please choose a reviewer and the kind of review.")
        }
        // Never a reviewer linked to the applicant, whatever the form says.
        guard !(try await FundingData.conflicts(of: user, db: req.db)).contains(a.organisationID) else {
            throw Abort(.forbidden, reason: "this reviewer is linked to the applying organisation")
        }
        guard !a.reviewers.contains(where: { $0.userID == userID }) else { return req.redirect(to: FundingRoute.application(a.id), notice: .unchanged) }
        var next = a
        next.reviewers.append(ReviewerAssignment(userID: userID, kind: kind))
        try await req.fundingStore.transition(next, from: a.state, actor: try await req.auditActor(), at: req.settings.clock.now())
        try await Notifier(req: req).reviewerAssigned(next, reviewer: userID, kind: kind)
        return req.redirect(to: FundingRoute.application(a.id), notice: .saved)
    }

    func plannerAttachment(req: Request) async throws -> Response {
        try await Self.download(req, try await FundingData.application(req))
    }

    // MARK: Reviewers

    func reviewList(req: Request) async throws -> HTMLResponse {
        try await HTMLResponse(reviewListPage(req, issues: []))
    }

    func reviewListPage(_ req: Request, issues: [ValidationIssue]) async throws -> String {
        let user = try await req.requireUser()
        let conflicts = try await FundingData.conflicts(of: user, db: req.db)
        let programmes = Dictionary(try await FundingData.programmes(req).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let reviews = try await req.fundingStore.all(.review, as: ApplicationReview.self).map(\.value).filter { $0.reviewerID == user.id }
        let assigned = try await req.fundingStore.all(.application, as: FundingApplication.self).map(\.value).compactMap { a -> (FundingApplication, String, ReviewKind, Bool)? in
            guard !conflicts.contains(a.organisationID), let assignment = a.reviewers.first(where: { $0.userID == user.id }) else { return nil }
            return (a, programmes[a.programmeID] ?? "–", assignment.kind, reviews.contains { $0.applicationID == a.id })
        }
        let names = try await FundingData.organisationNames(req)
        let declared = try await req.fundingStore.all(.conflict, as: ConflictDeclaration.self).map(\.value).filter { $0.reviewerID == user.id }
        let model = ReviewListPage.Model(assigned: assigned.map { (application: $0.0, programme: $0.1, kind: $0.2, done: $0.3) },
                                         conflicts: declared.map { (organisation: names[$0.organisationID] ?? "–", note: $0.note) },
                                         organisations: try await req.accounts.organisations().filter(\.active).sorted { $0.name < $1.name }.map { ($0.id, $0.name) }, issues: issues)
        return ReviewListPage.render(model, context: try await req.pageContext(showNotice: true))
    }

    struct ConflictForm: Content {
        var organisation: String?
        var note: String?
    }

    func declareConflict(req: Request) async throws -> Response {
        let form = try req.content.decode(ConflictForm.self)
        let user = try await req.requireUser()
        guard let id = ServiceForm.clean(form.organisation).flatMap(UUID.init(uuidString:)), let organisation = try await req.accounts.organisation(id: id) else {
            return HTMLResponse(try await reviewListPage(req, issues: [ValidationIssue("organisation", .required)])).response(status: .unprocessableEntity)
        }
        let note = String((form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))
        let existing = try await req.fundingStore.all(.conflict, as: ConflictDeclaration.self).map(\.value).contains { $0.reviewerID == user.id && $0.organisationID == id }
        guard !existing else { return req.redirect(to: FundingRoute.reviews(), notice: .unchanged) }
        let declaration = ConflictDeclaration(id: UUID(), reviewerID: user.id, organisationID: id, note: note, declaredAt: req.settings.clock.now())
        try await req.fundingStore.save(.conflict, id: declaration.id, declaration, label: organisation.name, organisationID: id,
                                        actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: FundingRoute.reviews(), notice: .saved)
    }

    /// The application of the route, only for a reviewer assigned to it.
    func assigned(_ req: Request) async throws -> (FundingApplication, ReviewKind) {
        let a = try await FundingData.application(req)
        let user = try await req.requireUser()
        guard let assignment = a.reviewers.first(where: { $0.userID == user.id }) else { throw Abort(.notFound) }
        return (a, assignment.kind)
    }

    func showForReviewer(req: Request) async throws -> HTMLResponse {
        let (a, kind) = try await assigned(req)
        return HTMLResponse(ApplicationPage.render(try await FundingData.applicationModel(req, a, viewer: .reviewer(kind: kind)), context: try await req.pageContext(showNotice: true)))
    }

    /// A document of an application, for the reviewers assigned to it (others get 404, like the application itself).
    func reviewerAttachment(req: Request) async throws -> Response {
        try await Self.download(req, try await assigned(req).0)
    }

    func submitReview(req: Request) async throws -> Response {
        let (a, kind) = try await assigned(req)
        let t = Texts(req.language)
        // Score fields carry the criterion's id (score-<id>): read as they come, and an unreadable field is named, not dropped.
        let form = FormFields(req)
        let fields = form.strings(prefixed: "")
        let values = fields.filter { $0.key != "_csrf" }
        let malformed = form.malformed(single: Set(form.values.keys))
        func fail(_ issues: [ValidationIssue], problem: String? = nil, status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
            HTMLResponse(ApplicationPage.render(try await FundingData.applicationModel(req, a, viewer: .reviewer(kind: kind), values: values, issues: issues, problem: problem),
                                                context: try await req.pageContext())).response(status: status)
        }
        guard a.state == .review else { return try await fail([], problem: t(.reviewClosed), status: .conflict) }
        guard malformed.isEmpty else { return try await fail(malformed) }
        let programme = try await FundingData.programme(req, id: a.programmeID)
        let user = try await req.requireUser()
        var issues: [ValidationIssue] = []
        var scores: [CriterionScore] = []
        var proposed: Money?
        switch kind {
        case .content:
            for criterion in programme.criteria {
                let key = criterion.id.uuidString.lowercased()
                guard let raw = fields["score-" + key], !raw.isEmpty else { issues.append(ValidationIssue("score-" + key, .required)); continue }
                guard let value = Int(raw) else { issues.append(ValidationIssue("score-" + key, .unknownValue(String(raw.prefix(10))))); continue }
                scores.append(CriterionScore(criterionID: criterion.id, value: value, justification: (fields["reason-" + key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        case .financial:
            if let raw = fields["proposedAmount"], !raw.trimmingCharacters(in: .whitespaces).isEmpty {
                proposed = FundingData.money(raw, field: "proposedAmount", required: true, into: &issues)
            }
        }
        let existing = try await req.fundingStore.all(.review, as: ApplicationReview.self, parentID: a.id).first { $0.value.reviewerID == user.id }
        let draft = ApplicationReview(id: existing?.id ?? UUID(), applicationID: a.id, reviewerID: user.id, kind: kind, scores: scores,
                                      proposedAmount: proposed, note: (fields["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines), submittedAt: req.settings.clock.now())
        guard issues.isEmpty else { return try await fail(issues) }
        let review: ApplicationReview
        do { review = try draft.validated(programme: programme, requested: a.requested) } catch { return try await fail(error.issues) }
        try await req.fundingStore.save(.review, id: review.id, review, label: a.title, organisationID: a.organisationID, parentID: a.id,
                                        actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: FundingRoute.review(a.id), notice: .saved)
    }
}
