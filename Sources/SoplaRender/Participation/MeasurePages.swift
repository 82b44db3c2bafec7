import Foundation
import SoplaCore

/// The form a planner adds a measure with (below the overview).
public struct MeasureForm: Sendable {
    /// What a measure can be linked to: the resolution it implements, the person responsible, the areas it is for.
    public struct Choices: Sendable {
        public let resolutions: [(id: UUID, label: String)]
        public let persons: [(id: UUID, name: String)]
        public let areas: [(key: String, name: String)]

        public init(resolutions: [(id: UUID, label: String)] = [], persons: [(id: UUID, name: String)] = [], areas: [(key: String, name: String)] = []) {
            self.resolutions = resolutions
            self.persons = persons
            self.areas = areas
        }
    }

    public let measures: [Measure]
    public let organisations: [(id: UUID, name: String)]
    public let choices: Choices
    public let values: [String: String]
    /// The areas ticked (several values of one field).
    public let areas: Set<String>
    public let issues: [ValidationIssue]

    public init(measures: [Measure], organisations: [(id: UUID, name: String)], choices: Choices = Choices(), values: [String: String] = [:], areas: Set<String> = [],
                issues: [ValidationIssue] = []) {
        self.measures = measures
        self.organisations = organisations
        self.choices = choices
        self.values = values
        self.areas = areas
        self.issues = issues
    }

    public static func labels(_ t: Texts) -> [String: String] {
        ["title": t(.columnMeasure), "parentId": t(.fieldParentMeasure), "organisation": t(.fieldResponsible), "due": t(.columnDue),
         "status": t(.columnState), "progress": t(.columnProgress), "weight": t(.fieldWeight), "indicators": t(.fieldIndicators),
         "resolution": t(.fieldMeasureResolution), "person": t(.fieldResponsiblePerson), "areas": t(.fieldMeasureAreas)]
    }

    public func render(action: String, submit: String, context: PageContext) -> [HTMLNode] {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = Self.labels(t)
        return [
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", action), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("title", label: labels["title"]!, value: values["title"], required: true, maxLength: 300),
                form.select("parentId", label: labels["parentId"]!, options: [("", "–")] + measures.map { ($0.id.uuidString.lowercased(), $0.title) }, selected: values["parentId"]),
                form.select("organisation", label: labels["organisation"]!, options: [("", "–")] + organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: values["organisation"]),
                form.select("person", label: labels["person"]!, options: [("", "–")] + choices.persons.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: values["person"]),
                form.select("resolution", label: labels["resolution"]!, options: [("", "–")] + choices.resolutions.map { ($0.id.uuidString.lowercased(), $0.label) },
                            selected: values["resolution"], hint: t(.measureResolutionHint)),
                form.text("due", label: labels["due"]!, value: values["due"], type: "date"),
                form.select("status", label: labels["status"]!, options: MeasureStatus.allCases.map { ($0.rawValue, ParticipationNames.status($0, t)) },
                            selected: values["status"] ?? MeasureStatus.planned.rawValue),
                form.text("progress", label: labels["progress"]!, value: values["progress"], type: "number", hint: t(.progressHint), maxLength: 3),
                form.text("weight", label: labels["weight"]!, value: values["weight"] ?? "1", hint: t(.weightHint), maxLength: 6),
                form.text("indicators", label: labels["indicators"]!, value: values["indicators"], hint: t(.indicatorsHint)),
                choices.areas.isEmpty ? .empty : form.checkboxes("areas", legend: labels["areas"]!, options: choices.areas.map { ($0.key, $0.name) }, selected: areas,
                                                                hint: t(.measureAreasHint)),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: submit)]),
            ]),
        ]
    }
}

/// One measure: where it comes from, its parts, milestones, and for planners the forms to change it.
public enum MeasurePage {
    public struct Model: Sendable {
        public let measure: Measure
        public let progress: Double
        public let parent: Measure?
        public let children: [(measure: Measure, progress: Double)]
        public let milestones: [(id: UUID, milestone: Milestone)]
        public let responsible: String?
        public let form: MeasureForm?
        /// The resolution it implements, with the meeting it was taken in.
        public var resolution: (label: String, meetingID: UUID)?
        public var person: String?
        public var areaNames: [String] = []
        /// A milestone form that failed: the milestone (nil: the new one), what was typed and what is wrong.
        public var milestoneInput: (id: UUID?, values: [String: String], issues: [ValidationIssue])?
        /// Changes of the measure, for planners.
        public var history: [AuditEntry]?
        public var historyNames: [String: String] = [:]

        public init(measure: Measure, progress: Double, parent: Measure?, children: [(measure: Measure, progress: Double)], milestones: [(id: UUID, milestone: Milestone)], responsible: String?,
                    form: MeasureForm?) {
            self.measure = measure
            self.progress = progress
            self.parent = parent
            self.children = children
            self.milestones = milestones
            self.responsible = responsible
            self.form = form
        }
    }

    public static func render(_ model: Model, today: Day, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let m = model.measure
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.measures())], text: t(.measuresTitle))]),
            el("h1", text: m.title),
            m.isOverdue(on: today) ? Notice(.warning, t(.measureOverdue)).node : .empty,
            m.isPublic ? .empty : Notice(.info, t(.measureInternal)).node,
            el("dl", [("class", "facts")], [
                el("dt", text: t(.columnState)), el("dd", text: ParticipationNames.status(m.status, t)),
                el("dt", text: t(.columnProgress)), el("dd", text: Format.decimal(model.progress, digits: 0, language) + " %"),
                el("dt", text: t(.columnDue)), el("dd", text: m.due.map { Format.day($0, language) } ?? "–"),
                el("dt", text: t(.fieldResponsible)), el("dd", text: model.responsible ?? "–"),
                el("dt", text: t(.fieldResponsiblePerson)), el("dd", text: model.person ?? "–"),
                el("dt", text: t(.fieldMeasureResolution)),
                el("dd", [], [model.resolution.map { el("a", [("href", ParticipationRoute.meeting($0.meetingID))], text: $0.label) } ?? txt("–")]),
                el("dt", text: t(.fieldMeasureAreas)), el("dd", text: model.areaNames.isEmpty ? "–" : model.areaNames.joined(separator: ", ")),
                el("dt", text: t(.fieldParentMeasure)), el("dd", [], [model.parent.map { el("a", [("href", ParticipationRoute.measure($0.id))], text: $0.title) } ?? txt("–")]),
                el("dt", text: t(.fieldIndicators)), el("dd", [], m.indicatorCodes.isEmpty ? [txt("–")] : m.indicatorCodes.map { el("a", [("href", "/indikatoren/" + $0)], text: $0 + " ") }),
            ]),
        ]
        if !model.children.isEmpty {
            content += [el("h2", text: t(.partsTitle)), el("ul", [], model.children.map { child in
                el("li", [], [el("a", [("href", ParticipationRoute.measure(child.measure.id))], text: child.measure.title),
                              txt(" – " + ParticipationNames.status(child.measure.status, t) + ", " + Format.decimal(child.progress, digits: 0, language) + " %")])
            })]
        }
        let sorted = model.milestones.sorted { ($0.milestone.date, $0.milestone.text) < ($1.milestone.date, $1.milestone.text) }
        content += [el("h2", text: t(.milestonesTitle)), model.milestones.isEmpty ? el("p", [("class", "empty-state")], text: t(.noMilestones))
            : el("ol", [("class", "milestones")], sorted.map { entry in
                let text = Format.day(entry.milestone.date, language) + ": " + entry.milestone.text
                guard model.form != nil else { return el("li", text: text) }
                // Planners correct or remove each milestone in place.
                let input = model.milestoneInput?.id == entry.id ? model.milestoneInput : nil
                let prefix = "m-" + entry.id.uuidString.lowercased()
                let form = FormBuilder(language: language, issues: (input?.issues ?? []).map { ValidationIssue(prefix + "-" + $0.field, $0.problem) })
                let values = input?.values ?? ["milestoneDate": entry.milestone.date.iso, "milestoneText": entry.milestone.text]
                return el("li", [], [
                    el("details", input == nil ? [] : [("open", "open")], [
                        el("summary", text: text),
                        form.summary(labels: [prefix + "-milestoneDate": t(.fieldMeetingDate), prefix + "-milestoneText": t(.fieldMilestone)]),
                        el("form", [("method", "post"), ("action", ParticipationRoute.milestone(m.id, entry.id)), ("class", "stacked")], [
                            FormBuilder.csrf(context.csrfToken ?? ""),
                            form.text(prefix + "-milestoneDate", label: t(.fieldMeetingDate), value: values["milestoneDate"], type: "date", required: true, name: "milestoneDate"),
                            form.text(prefix + "-milestoneText", label: t(.fieldMilestone), value: values["milestoneText"], required: true, maxLength: 300, name: "milestoneText"),
                            el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveMilestone))]),
                        ]),
                        el("form", [("method", "post"), ("action", ParticipationRoute.milestoneDelete(m.id, entry.id)), ("class", "stacked")], [
                            FormBuilder.csrf(context.csrfToken ?? ""),
                            el("div", [("class", "field")], [
                                el("input", [("type", "checkbox"), ("id", prefix + "-confirm"), ("name", "confirm"), ("value", "ja"), ("required", "required")]),
                                el("label", [("for", prefix + "-confirm")], text: t(.confirmDeleteMilestone)),
                            ]),
                            el("div", [("class", "actions")], [el("button", [("type", "submit"), ("class", "danger")], text: t(.deleteMilestone))]),
                        ]),
                    ]),
                ])
            })]
        if let form = model.form {
            if !m.isPublic {
                content += [el("form", [("method", "post"), ("action", ParticipationRoute.publishMeasure(m.id)), ("class", "actions")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    el("button", [("type", "submit")], text: t(.publishMeasure)),
                ])]
            }
            content += [el("h2", text: t(.changeMeasure))] + form.render(action: ParticipationRoute.measure(m.id), submit: t(.saveMeasure), context: context)
            let failedNew = model.milestoneInput.flatMap { $0.id == nil ? $0 : nil }
            let newMilestone = FormBuilder(language: language, issues: failedNew?.issues ?? [])
            let newValues = failedNew?.values ?? [:]
            content += [
                el("h2", text: t(.addMilestone)),
                el("form", [("method", "post"), ("action", ParticipationRoute.milestones(m.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    newMilestone.summary(labels: ["milestoneDate": t(.fieldMeetingDate), "milestoneText": t(.fieldMilestone)]),
                    newMilestone.text("milestoneDate", label: t(.fieldMeetingDate), value: newValues["milestoneDate"], type: "date", required: true),
                    newMilestone.text("milestoneText", label: t(.fieldMilestone), value: newValues["milestoneText"], required: true, maxLength: 300),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addMilestone))]),
                ]),
            ]
        }
        if let history = model.history {
            content.append(el("h2", [("id", "verlauf")], text: t(.measureHistory)))
            content += HistoryTable.render(history, language: language, caption: t(.measureHistory), names: model.historyNames)
        }
        return Layout(title: m.title, context: context).render(content)
    }
}
