import Foundation
import SoplaCore

/// The form a planner adds a measure with (below the overview).
public struct MeasureForm: Sendable {
    public let measures: [Measure]
    public let organisations: [(id: UUID, name: String)]
    public let values: [String: String]
    public let issues: [ValidationIssue]

    public init(measures: [Measure], organisations: [(id: UUID, name: String)], values: [String: String] = [:], issues: [ValidationIssue] = []) {
        self.measures = measures
        self.organisations = organisations
        self.values = values
        self.issues = issues
    }

    public func render(action: String, submit: String, context: PageContext) -> [HTMLNode] {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = ["title": t(.columnMeasure), "parentId": t(.fieldParentMeasure), "organisation": t(.fieldResponsible), "due": t(.columnDue),
                      "status": t(.columnState), "progress": t(.columnProgress), "weight": t(.fieldWeight), "indicators": t(.fieldIndicators)]
        return [
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", action), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("title", label: labels["title"]!, value: values["title"], required: true, maxLength: 300),
                form.select("parentId", label: labels["parentId"]!, options: [("", "–")] + measures.map { ($0.id.uuidString.lowercased(), $0.title) }, selected: values["parentId"]),
                form.select("organisation", label: labels["organisation"]!, options: [("", "–")] + organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: values["organisation"]),
                form.text("due", label: labels["due"]!, value: values["due"], type: "date"),
                form.select("status", label: labels["status"]!, options: MeasureStatus.allCases.map { ($0.rawValue, ParticipationNames.status($0, t)) },
                            selected: values["status"] ?? MeasureStatus.planned.rawValue),
                form.text("progress", label: labels["progress"]!, value: values["progress"], type: "number", hint: t(.progressHint), maxLength: 3),
                form.text("weight", label: labels["weight"]!, value: values["weight"] ?? "1", hint: t(.weightHint), maxLength: 6),
                form.text("indicators", label: labels["indicators"]!, value: values["indicators"], hint: t(.indicatorsHint)),
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
        public let milestones: [Milestone]
        public let responsible: String?
        public let form: MeasureForm?

        public init(measure: Measure, progress: Double, parent: Measure?, children: [(measure: Measure, progress: Double)], milestones: [Milestone], responsible: String?,
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
        content += [el("h2", text: t(.milestonesTitle)), model.milestones.isEmpty ? el("p", [("class", "empty-state")], text: t(.noMilestones))
            : el("ol", [("class", "milestones")], model.milestones.sorted { $0.date < $1.date }.map { el("li", text: Format.day($0.date, language) + ": " + $0.text) })]
        if let form = model.form {
            if !m.isPublic {
                content += [el("form", [("method", "post"), ("action", ParticipationRoute.publishMeasure(m.id)), ("class", "actions")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    el("button", [("type", "submit")], text: t(.publishMeasure)),
                ])]
            }
            content += [el("h2", text: t(.changeMeasure))] + form.render(action: ParticipationRoute.measure(m.id), submit: t(.saveMeasure), context: context)
            content += [
                el("h2", text: t(.addMilestone)),
                el("form", [("method", "post"), ("action", ParticipationRoute.milestones(m.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    FormBuilder(language: language).text("milestoneDate", label: t(.fieldMeetingDate), value: nil, type: "date", required: true),
                    FormBuilder(language: language).text("milestoneText", label: t(.fieldMilestone), value: nil, required: true, maxLength: 300),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addMilestone))]),
                ]),
            ]
        }
        return Layout(title: m.title, context: context).render(content)
    }
}
