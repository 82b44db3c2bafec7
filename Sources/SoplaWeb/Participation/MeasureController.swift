import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Planners add and change measures and their milestones; everyone reads them (what became of public decisions).
struct MeasureController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageParticipation)
        let p = ParticipationRoute.self
        routes.on(.POST, p.measures, manage, use: create)
        routes.on(.GET, p.measure, RoutePermission(.readPublic), use: show)
        routes.on(.POST, p.measure, manage, use: update)
        routes.on(.POST, p.milestones, manage, use: addMilestone)
        routes.on(.POST, p.publishMeasure, manage, use: publish)
    }

    struct Form: Content {
        var title: String?
        var parentId: String?
        var organisation: String?
        var due: String?
        var status: String?
        var progress: String?
        var weight: String?
        var indicators: String?

        var values: [String: String] {
            ["title": title ?? "", "parentId": parentId ?? "", "organisation": organisation ?? "", "due": due ?? "", "status": status ?? "", "progress": progress ?? "",
             "weight": weight ?? "", "indicators": indicators ?? ""]
        }

        func measure(id: UUID, base: Measure?, others: [Measure]) throws(ValidationFailure) -> Measure {
            var issues: [ValidationIssue] = []
            let status = MeasureStatus(rawValue: self.status ?? "") ?? { issues.append(ValidationIssue("status", .unknownValue(String((self.status ?? "").prefix(20))))); return .planned }()
            let progress = ServiceForm.decimal(self.progress, field: "progress", into: &issues)
            let weight = ServiceForm.decimal(self.weight, field: "weight", into: &issues) ?? 1
            var due: Day?
            if let text = ServiceForm.clean(self.due) { due = Day(iso: text); if due == nil { issues.append(ValidationIssue("due", .unknownValue(String(text.prefix(20))))) } }
            let parent = ServiceForm.clean(parentId).flatMap(UUID.init(uuidString:))
            var measure = base ?? Measure(id: id, title: "")
            measure.title = title ?? ""
            measure.parentID = parent
            measure.responsibleOrganisation = ServiceForm.clean(organisation).flatMap(UUID.init(uuidString:))
            measure.due = due
            measure.status = status
            measure.progress = progress
            measure.weight = weight
            measure.indicatorCodes = ServiceEntry.list(indicators ?? "")
            do { measure = try measure.validated(others: others) } catch { issues += error.issues }
            guard issues.isEmpty else { throw ValidationFailure(issues) }
            return measure
        }
    }

    static func values(_ m: Measure) -> [String: String] {
        ["title": m.title, "parentId": m.parentID.map { $0.uuidString.lowercased() } ?? "", "organisation": m.responsibleOrganisation.map { $0.uuidString.lowercased() } ?? "",
         "due": m.due?.iso ?? "", "status": m.status.rawValue, "progress": m.progress.map { String(format: "%g", $0) } ?? "", "weight": String(format: "%g", m.weight),
         "indicators": m.indicatorCodes.joined(separator: ", ")]
    }


    func create(req: Request) async throws -> Response {
        let (form, unreadable) = try req.formKeepingInput(Form.self)
        let store = req.participationStore
        let others = try await store.all(.measure, as: Measure.self).map(\.value)
        do {
            guard unreadable.isEmpty else { throw ValidationFailure(unreadable) }
            let measure = try form.measure(id: UUID(), base: nil, others: others)
            try await store.save(.measure, id: measure.id, measure, label: measure.title, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .created)
        } catch let failure as ValidationFailure {
            let html = try await ParticipationPages.measuresPage(req, form: MeasureForm(measures: others, organisations: try await req.activeOrganisationChoices(),
                                                                                           values: form.values, issues: failure.issues))
            return HTMLResponse(html).response(status: .unprocessableEntity)
        }
    }

    /// The measure of the route; an internal one is not found for those who may not read it.
    static func measure(_ req: Request) async throws -> Measure {
        let access = try await req.participationAccess()
        guard let raw = req.parameters.get("measure"), let id = UUID(uuidString: raw), let m = try await access.allMeasures().first(where: { $0.id == id }),
              access.mayRead(m) else {
            throw Abort(.notFound)
        }
        return m
    }

    static func page(_ req: Request, measure: Measure, form: MeasureForm?) async throws -> String {
        let store = req.participationStore
        let all = try await req.participationAccess().visibleMeasures()
        let progress = MeasureProgress.rollUp(all, method: .weighted)
        let milestones = try await store.all(.milestone, as: Milestone.self).map(\.value).filter { $0.measureID == measure.id }
        let responsible = try await measure.responsibleOrganisation.asyncMap { try await req.accounts.organisation(id: $0)?.name } ?? nil
        var shownForm: MeasureForm?
        if try await req.may(.manageParticipation) {
            let organisations = try await req.activeOrganisationChoices()
            shownForm = form ?? MeasureForm(measures: all.filter { $0.id != measure.id }, organisations: organisations, values: values(measure))
        }
        let model = MeasurePage.Model(measure: measure, progress: progress[measure.id] ?? 0, parent: all.first { $0.id == measure.parentID },
                                      children: all.filter { $0.parentID == measure.id }.map { ($0, progress[$0.id] ?? 0) }, milestones: milestones,
                                      responsible: responsible, form: shownForm)
        return MeasurePage.render(model, today: req.settings.clock.today, context: try await req.pageContext(showNotice: true))
    }

    func show(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await Self.page(req, measure: try await Self.measure(req), form: nil))
    }

    func update(req: Request) async throws -> Response {
        let base = try await Self.measure(req)
        let (form, unreadable) = try req.formKeepingInput(Form.self)
        let store = req.participationStore
        let others = try await store.all(.measure, as: Measure.self).map(\.value)
        do {
            guard unreadable.isEmpty else { throw ValidationFailure(unreadable) }
            let measure = try form.measure(id: base.id, base: base, others: others)
            try await store.save(.measure, id: measure.id, measure, label: measure.title, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .saved)
        } catch let failure as ValidationFailure {
            let form = MeasureForm(measures: others.filter { $0.id != base.id }, organisations: try await req.activeOrganisationChoices(), values: form.values, issues: failure.issues)
            return HTMLResponse(try await Self.page(req, measure: base, form: form)).response(status: .unprocessableEntity)
        }
    }

    /// Makes a measure agreed in a quality dialogue public: from now on it is listed with the provider responsible.
    func publish(req: Request) async throws -> Response {
        var measure = try await Self.measure(req)
        guard !measure.isPublic else { return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .unchanged) }
        measure.publishedAt = req.settings.clock.now()
        try await req.participationStore.save(.measure, id: measure.id, measure, label: measure.title, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .saved)
    }

    struct MilestoneForm: Content {
        var milestoneDate: String?
        var milestoneText: String?
    }

    func addMilestone(req: Request) async throws -> Response {
        let measure = try await Self.measure(req)
        let form = try req.content.decode(MilestoneForm.self)
        let text = (form.milestoneText ?? "").trimmingCharacters(in: .whitespaces)
        guard let day = Day(iso: form.milestoneDate ?? ""), !text.isEmpty, text.count <= 300 else {
            throw Abort(.unprocessableEntity, reason: "a milestone needs a date (YYYY-MM-DD) and a text of up to 300 characters")
        }
        try await req.participationStore.save(.milestone, id: UUID(), Milestone(measureID: measure.id, date: day, text: text), label: text,
                                              actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .created)
    }
}
