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
        routes.on(.POST, p.milestone, manage, use: updateMilestone)
        routes.on(.POST, p.milestoneDelete, manage, use: deleteMilestone)
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
        var resolution: String?
        var person: String?
        var areas: [String]?

        var values: [String: String] {
            ["title": title ?? "", "parentId": parentId ?? "", "organisation": organisation ?? "", "due": due ?? "", "status": status ?? "", "progress": progress ?? "",
             "weight": weight ?? "", "indicators": indicators ?? "", "resolution": resolution ?? "", "person": person ?? ""]
        }

        /// A reference chosen from a list: nil when none, else one of `known` or an issue for the field.
        static func reference(_ raw: String?, field: String, known: Set<UUID>, into issues: inout [ValidationIssue]) -> UUID? {
            guard let text = ServiceForm.clean(raw) else { return nil }
            guard let id = UUID(uuidString: text), known.contains(id) else { issues.append(ValidationIssue(field, .unknownReference)); return nil }
            return id
        }

        func measure(id: UUID, base: Measure?, others: [Measure], links: Links) throws(ValidationFailure) -> Measure {
            var issues: [ValidationIssue] = []
            let resolutionID = Self.reference(resolution, field: "resolution", known: links.resolutions, into: &issues)
            let personID = Self.reference(person, field: "person", known: links.persons, into: &issues)
            let areaKeys = Array(Set((areas ?? []).compactMap(ServiceForm.clean))).sorted()
            if let unknown = areaKeys.first(where: { !links.areas.contains($0) }) { issues.append(ValidationIssue("areas", .unknownValue(String(unknown.prefix(20))))) }
            let codes = ServiceEntry.list(indicators ?? "")
            if let unknown = codes.first(where: { !links.indicators.contains($0) }) { issues.append(ValidationIssue("indicators", .unknownValue(String(unknown.prefix(40))))) }
            let status = MeasureStatus(rawValue: self.status ?? "") ?? { issues.append(ValidationIssue("status", .unknownValue(String((self.status ?? "").prefix(20))))); return .planned }()
            let progress = ServiceForm.decimal(self.progress, field: "progress", into: &issues)
            let weight = ServiceForm.decimal(self.weight, field: "weight", into: &issues) ?? 1
            var due: Day?
            if let text = ServiceForm.clean(self.due) { due = Day(input: text); if due == nil { issues.append(ValidationIssue("due", .notADay(String(text.prefix(20))))) } }
            let parent = ServiceForm.clean(parentId).flatMap(UUID.init(uuidString:))
            var measure = base ?? Measure(id: id, title: "")
            measure.title = title ?? ""
            measure.parentID = parent
            measure.responsibleOrganisation = Self.reference(organisation, field: "organisation", known: links.organisations, into: &issues)
            measure.due = due
            measure.status = status
            measure.progress = progress
            measure.weight = weight
            measure.indicatorCodes = codes
            measure.resolutionID = resolutionID
            measure.responsiblePerson = personID
            measure.unitKeys = areaKeys
            do { measure = try measure.validated(others: others) } catch { issues += error.issues }
            guard issues.isEmpty else { throw ValidationFailure(issues) }
            return measure
        }
    }

    /// What the form may link to, as ids and codes to check against.
    struct Links {
        var resolutions: Set<UUID>
        var persons: Set<UUID>
        var areas: Set<String>
        var indicators: Set<String>
        var organisations: Set<UUID>
    }

    /// The measures that may become the parent of `measure`: neither itself nor one of its parts.
    static func possibleParents(of measure: UUID, in all: [Measure]) -> [Measure] {
        var excluded: Set<UUID> = [measure]
        var grew = true
        while grew {
            let next = excluded.union(all.filter { $0.parentID.map(excluded.contains) ?? false }.map(\.id))
            grew = next.count > excluded.count
            excluded = next
        }
        return all.filter { !excluded.contains($0.id) }
    }

    /// The choices of the form (resolutions newest first, persons not erased, municipalities) and the same as a check.
    static func choices(_ req: Request) async throws -> (MeasureForm.Choices, Links) {
        let store = req.participationStore
        let items = Dictionary(try await store.all(.agendaItem, as: AgendaItem.self).map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let meetings = Dictionary(try await store.all(.meeting, as: Meeting.self).map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let bodies = Dictionary(try await store.all(.body, as: Body.self).map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let resolutions: [(id: UUID, label: String, at: Date)] = try await store.all(.resolution, as: Resolution.self).map(\.value).compactMap { r in
            guard let item = items[r.agendaItemID], let meeting = meetings[item.meetingID] else { return nil }
            return (r.id, resolutionLabel(r, item: item, meeting: meeting, body: bodies[meeting.bodyID], language: req.language), meeting.start)
        }.sorted { ($0.at, $0.label) > ($1.at, $1.label) }
        let persons = try await store.all(.person, as: Person.self).map(\.value).filter { !$0.isErased }.sorted { $0.name < $1.name }
        let areas = try await req.spatial.allUnits().filter { $0.levelCode == SpatialLevel.municipality.code }.sorted { $0.name < $1.name }
        let indicators = Set(try await req.indicatorStore.indicators().map(\.code))
        return (MeasureForm.Choices(resolutions: resolutions.map { ($0.id, $0.label) }, persons: persons.map { ($0.id, $0.name) }, areas: areas.map { ($0.key, $0.name) }),
                Links(resolutions: Set(resolutions.map(\.id)), persons: Set(persons.map(\.id)), areas: Set(areas.map(\.key)), indicators: indicators,
                      organisations: Set(try await req.accounts.organisations().map(\.id))))
    }

    /// "JHA, 20.11.2025, TOP 2: Der Jugendhilfeausschuss empfiehlt …"
    static func resolutionLabel(_ r: Resolution, item: AgendaItem, meeting: Meeting, body: Body?, language: Language) -> String {
        let text = r.text.count > 90 ? String(r.text.prefix(89)) + "…" : r.text
        return (body?.shortName ?? body?.name ?? "") + ", " + Format.day(Day(meeting.start), language) + ", TOP " + item.number + ": " + text
    }

    static func values(_ m: Measure) -> [String: String] {
        ["title": m.title, "parentId": m.parentID.map { $0.uuidString.lowercased() } ?? "", "organisation": m.responsibleOrganisation.map { $0.uuidString.lowercased() } ?? "",
         "due": m.due?.iso ?? "", "status": m.status.rawValue, "progress": m.progress.map { String(format: "%g", $0) } ?? "", "weight": String(format: "%g", m.weight),
         "indicators": m.indicatorCodes.joined(separator: ", "), "resolution": m.resolutionID.map { $0.uuidString.lowercased() } ?? "",
         "person": m.responsiblePerson.map { $0.uuidString.lowercased() } ?? ""]
    }


    func create(req: Request) async throws -> Response {
        let (form, unreadable) = try req.formKeepingInput(Form.self)
        let store = req.participationStore
        let others = try await store.all(.measure, as: Measure.self).map(\.value)
        let (choices, links) = try await Self.choices(req)
        do {
            guard unreadable.isEmpty else { throw ValidationFailure(unreadable) }
            let measure = try form.measure(id: UUID(), base: nil, others: others, links: links)
            try await store.save(.measure, id: measure.id, measure, label: measure.title, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .created)
        } catch let failure as ValidationFailure {
            let html = try await ParticipationPages.measuresPage(req, form: MeasureForm(measures: others, organisations: try await req.activeOrganisationChoices(), choices: choices,
                                                                                           values: form.values, areas: Set(form.areas ?? []), issues: failure.issues))
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

    static func page(_ req: Request, measure: Measure, form: MeasureForm?,
                     milestoneInput: (id: UUID?, values: [String: String], issues: [ValidationIssue])? = nil) async throws -> String {
        let store = req.participationStore
        let all = try await req.participationAccess().visibleMeasures()
        let progress = MeasureProgress.rollUp(all, method: .weighted)
        let milestones = try await store.all(.milestone, as: Milestone.self).filter { $0.value.measureID == measure.id }.map { (id: $0.id, milestone: $0.value) }
        let responsible = try await measure.responsibleOrganisation.asyncMap { try await req.accounts.organisation(id: $0)?.name } ?? nil
        var shownForm: MeasureForm?
        if try await req.may(.manageParticipation) {
            let organisations = try await req.activeOrganisationChoices()
            if let form { shownForm = form } else {
                shownForm = MeasureForm(measures: possibleParents(of: measure.id, in: all), organisations: organisations, choices: try await choices(req).0,
                                        values: values(measure), areas: Set(measure.unitKeys))
            }
        }
        var model = MeasurePage.Model(measure: measure, progress: progress[measure.id] ?? 0, parent: all.first { $0.id == measure.parentID },
                                      children: all.filter { $0.parentID == measure.id }.map { ($0, progress[$0.id] ?? 0) }, milestones: milestones,
                                      responsible: responsible, form: shownForm)
        model.person = try await measure.responsiblePerson.asyncMap { try await store.one(.person, id: $0, as: Person.self)?.value.name } ?? nil
        if let id = measure.resolutionID, let r = try await store.one(.resolution, id: id, as: Resolution.self)?.value,
           let item = try await store.one(.agendaItem, id: r.agendaItemID, as: AgendaItem.self)?.value,
           let meeting = try await store.one(.meeting, id: item.meetingID, as: Meeting.self)?.value,
           let body = try await store.one(.body, id: meeting.bodyID, as: Body.self)?.value,
           try await req.participationAccess().mayRead(r, item: item, body: body) {
            model.resolution = (resolutionLabel(r, item: item, meeting: meeting, body: body, language: req.language), meeting.id)
        }
        model.milestoneInput = milestoneInput
        if try await req.may(.manageParticipation) {
            var history = try await req.accounts.audit(AuditQuery(entityType: "participation-measure", entityID: measure.id.uuidString.lowercased(), perPage: 100)).entries
            // The measure's milestones, removed ones too, belong to its history.
            for milestone in try await store.all(.milestone, as: Milestone.self, includeDeleted: true) where milestone.value.measureID == measure.id {
                history += try await req.accounts.audit(AuditQuery(entityType: "participation-milestone", entityID: milestone.id.uuidString.lowercased(), perPage: 100)).entries
            }
            history.sort { $0.at > $1.at }
            model.history = history
            model.historyNames = try await req.auditNames(of: history)
        }
        let names = Dictionary(try await req.spatial.allUnits().map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        model.areaNames = measure.unitKeys.map { names[$0] ?? $0 }
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
        let (choices, links) = try await Self.choices(req)
        do {
            guard unreadable.isEmpty else { throw ValidationFailure(unreadable) }
            let measure = try form.measure(id: base.id, base: base, others: others, links: links)
            try await store.save(.measure, id: measure.id, measure, label: measure.title, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .saved)
        } catch let failure as ValidationFailure {
            let form = MeasureForm(measures: Self.possibleParents(of: base.id, in: others), organisations: try await req.activeOrganisationChoices(), choices: choices,
                                   values: form.values, areas: Set(form.areas ?? []), issues: failure.issues)
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

    /// A milestone as typed, or the issues (named by field); what was typed is shown again.
    static func milestone(_ form: MilestoneForm, measure: UUID) -> (Milestone?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let raw = (form.milestoneDate ?? "").trimmingCharacters(in: .whitespaces)
        let day = Day(input: raw)
        if day == nil { issues.append(ValidationIssue("milestoneDate", raw.isEmpty ? .required : .notADay(String(raw.prefix(20))))) }
        let text = FieldCheck.line(form.milestoneText)
        if text == nil { issues.append(ValidationIssue("milestoneText", .required)) }
        FieldCheck.length(text, field: "milestoneText", max: 300, into: &issues)
        guard issues.isEmpty, let day, let text else { return (nil, issues) }
        return (Milestone(measureID: measure, date: day, text: text), [])
    }

    func addMilestone(req: Request) async throws -> Response {
        let measure = try await Self.measure(req)
        let (form, unreadable) = try req.formKeepingInput(MilestoneForm.self)
        let (milestone, issues) = Self.milestone(form, measure: measure.id)
        guard let milestone, unreadable.isEmpty else {
            return try await Self.failedMilestone(req, measure: measure, id: nil, form: form, issues: unreadable + issues)
        }
        try await req.participationStore.save(.milestone, id: UUID(), milestone, label: milestone.text, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .created)
    }

    /// The milestone of the route, only under its measure.
    static func storedMilestone(_ req: Request, measure: Measure) async throws -> UUID {
        guard let raw = req.parameters.get("milestone"), let id = UUID(uuidString: raw),
              let milestone = try await req.participationStore.one(.milestone, id: id, as: Milestone.self)?.value, milestone.measureID == measure.id else {
            throw Abort(.notFound)
        }
        return id
    }

    func updateMilestone(req: Request) async throws -> Response {
        let measure = try await Self.measure(req)
        let id = try await Self.storedMilestone(req, measure: measure)
        let (form, unreadable) = try req.formKeepingInput(MilestoneForm.self)
        let (milestone, issues) = Self.milestone(form, measure: measure.id)
        guard let milestone, unreadable.isEmpty else {
            return try await Self.failedMilestone(req, measure: measure, id: id, form: form, issues: unreadable + issues)
        }
        let store = req.participationStore
        guard try await store.one(.milestone, id: id, as: Milestone.self)?.value != milestone else {
            return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .unchanged)
        }
        try await store.save(.milestone, id: id, milestone, label: milestone.text, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .saved)
    }

    struct DeleteForm: Content {
        var confirm: String?
    }

    /// Removes a milestone once the planner ticked the confirmation; the removal is audited.
    func deleteMilestone(req: Request) async throws -> Response {
        let measure = try await Self.measure(req)
        let id = try await Self.storedMilestone(req, measure: measure)
        guard (try? req.content.decode(DeleteForm.self))?.confirm == "ja" else {
            throw Refusal(.unprocessableEntity, "Bitte bestätigen, dass der Meilenstein entfernt werden soll (Häkchen setzen).", "Please confirm that the milestone is to be removed (tick the box).")
        }
        try await req.participationStore.delete(.milestone, id: id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.measure(measure.id), notice: .deleted)
    }

    static func failedMilestone(_ req: Request, measure: Measure, id: UUID?, form: MilestoneForm, issues: [ValidationIssue]) async throws -> Response {
        let values = ["milestoneDate": form.milestoneDate ?? "", "milestoneText": form.milestoneText ?? ""]
        return HTMLResponse(try await page(req, measure: measure, form: nil, milestoneInput: (id, values, issues))).response(status: .unprocessableEntity)
    }
}
