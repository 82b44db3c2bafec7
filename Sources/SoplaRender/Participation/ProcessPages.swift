import Foundation
import SoplaCore

/// Planning processes and the story of one: its phases, and the papers, meetings, resolutions and measures along the way.
public enum ProcessListPage {
    public static func render(_ processes: [(process: PlanningProcess, bodyName: String)], bodies: [Body]? = nil, values: [String: String] = [:],
                              issues: [ValidationIssue] = [], context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let content: [HTMLNode] = [
            el("h1", text: t(.processesTitle)),
            el("p", [("class", "lead")], text: t(.processesIntro)),
            processes.isEmpty ? el("p", [("class", "empty-state")], text: t(.noProcesses)) : el("ul", [("class", "processes")], processes.map { entry in
                el("li", [], [el("a", [("href", ParticipationRoute.process(entry.process.id))], text: entry.process.title),
                              txt(" – " + entry.bodyName + (entry.process.currentPhase.map { ", " + t(.currentPhase) + ": " + $0.name } ?? ""))])
            }),
        ] + (bodies.map { bodies in [
            el("h2", text: t(.newProcess)),
            form.summary(labels: ["title": t(.columnTitle), "body": t(.responsibleBody), "phases": t(.phasesTitle)]),
            el("form", [("method", "post"), ("action", ParticipationRoute.processes()), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("title", label: t(.columnTitle), value: values["title"], required: true, maxLength: 300),
                form.select("body", label: t(.responsibleBody), options: bodies.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: values["body"]),
                ServiceFormPage.area(form, "phases", label: t(.phasesTitle), value: values["phases"] ?? PlanningProcess.defaultPhases.joined(separator: "\n"), hint: t(.phasesHint), rows: 6),
                form.text("indicators", label: t(.linkedIndicators), value: values["indicators"], hint: t(.indicatorsHint)),
                form.text("categories", label: t(.linkedServices), value: values["categories"], hint: t(.categoriesHint)),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.createProcess))]),
            ]),
        ] } ?? [])
        return Layout(title: t(.processesTitle), context: context).render(content)
    }
}

public enum ProcessPage {
    /// The planner's forms with what was typed and what is wrong; the papers linked (each may be unlinked).
    public struct Edit: Sendable {
        public let values: [String: String]
        public let issues: [ValidationIssue]
        public let linkedPapers: [(id: UUID, label: String)]

        public init(values: [String: String], issues: [ValidationIssue] = [], linkedPapers: [(id: UUID, label: String)]) {
            self.values = values
            self.issues = issues
            self.linkedPapers = linkedPapers
        }
    }

    public struct Event: Sendable {
        public let date: Date
        public let text: String
        public let link: String?

        public init(date: Date, text: String, link: String?) {
            self.date = date
            self.text = text
            self.link = link
        }
    }

    public static func phaseStatus(_ status: PlanningProcess.PhaseStatus, _ t: Texts) -> String {
        switch status {
        case .open: return t(.phaseOpen)
        case .active: return t(.phaseActive)
        case .completed: return t(.phaseCompleted)
        case .skipped: return t(.phaseSkipped)
        }
    }

    public static func render(_ process: PlanningProcess, bodyName: String, events: [Event], mayManage: Bool = false, papers: [Paper] = [], edit: Edit? = nil,
                              context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let issues = edit?.issues ?? []
        let form = FormBuilder(language: language, issues: issues)
        var labels = ["title": t(.columnTitle), "phases": t(.phasesTitle), "indicators": t(.fieldIndicators), "categories": t(.linkedServices)]
        for (index, phase) in process.phases.enumerated() {
            labels["phaseEnd\(index)"] = t(.fieldPhaseEnd) + ": " + phase.name
            labels["end\(index)"] = t(.fieldPhaseEnd) + ": " + phase.name
            labels["start\(index)"] = t(.fieldPhaseStart) + ": " + phase.name
            labels["status\(index)"] = t(.columnState) + ": " + phase.name
        }
        let phaseForm: HTMLNode = mayManage ? el("form", [("method", "post"), ("action", ParticipationRoute.processPhases(process.id)), ("class", "stacked")], [
            form.summary(labels: labels),
            FormBuilder.csrf(context.csrfToken ?? ""),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.changePhases)),
                el("thead", [], [el("tr", [], [t(.phasesTitle), t(.columnState), t(.fieldMeetingDate)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], process.phases.enumerated().map { index, phase in
                    el("tr", [], [
                        el("th", [("scope", "row")], text: phase.name),
                        el("td", [], [el("select", [("id", "status\(index)"), ("name", "status\(index)"), ("aria-label", t(.columnState) + ": " + phase.name)],
                                         PlanningProcess.PhaseStatus.allCases.map { el("option", [("value", $0.rawValue), ("selected", $0 == phase.status ? "selected" : nil)], text: phaseStatus($0, t)) })]),
                        el("td", [], [el("input", [("type", "date"), ("id", "start\(index)"), ("name", "start\(index)"), ("value", phase.start?.iso ?? ""), ("aria-label", t(.fieldPhaseStart) + ": " + phase.name)]),
                                      el("input", [("type", "date"), ("id", "end\(index)"), ("name", "end\(index)"), ("value", phase.end?.iso ?? ""), ("aria-label", t(.fieldPhaseEnd) + ": " + phase.name)])]),
                    ])
                }),
            ])]),
            el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.savePhases))]),
        ]) : .empty
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.processes())], text: t(.processesTitle))]),
            el("h1", text: process.title),
            el("p", [("class", "lead")], text: t(.responsibleBody) + ": " + bodyName),
            el("h2", text: t(.phasesTitle)),
            el("ol", [("class", "phases")], process.phases.map { phase in
                el("li", [("class", "phase phase-" + phase.status.rawValue), ("aria-current", phase.status == .active ? "step" : nil)], [
                    el("strong", text: phase.name), txt(" – " + phaseStatus(phase.status, t)),
                    phase.start.map { start in txt(" (" + Format.day(start, language) + (phase.end.map { " – " + Format.day($0, language) } ?? "") + ")") } ?? .empty,
                ])
            }),
            phaseForm,
            mayManage ? el("form", [("method", "post"), ("action", ParticipationRoute.processPapers(process.id)), ("class", "inline-form")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                FormBuilder(language: language).select("paper", label: t(.linkPaper), options: papers.filter { !(process.paperIDs ?? []).contains($0.id) }
                    .map { ($0.id.uuidString.lowercased(), $0.reference + " – " + $0.title) }, selected: nil),
                el("button", [("type", "submit")], text: t(.linkPaper)),
            ]) : .empty,
            mayManage ? editForm(process, edit: edit, form: form, labels: labels, context: context) : .empty,
            el("h2", text: t(.timelineTitle)),
            events.isEmpty ? el("p", [("class", "empty-state")], text: t(.noEvents)) : el("ol", [("class", "timeline")], events.sorted { $0.date < $1.date }.map { event in
                el("li", [], [el("time", [("datetime", ICalendarDate.iso(event.date))], text: DateText.dateTime(event.date, language)), txt(" – "),
                              event.link.map { el("a", [("href", $0)], text: event.text) } ?? txt(event.text)])
            }),
            process.indicatorCodes.isEmpty ? .empty : el("p", [], [txt(t(.linkedIndicators) + ": ")] + process.indicatorCodes.map { el("a", [("href", "/indikatoren/" + $0)], text: $0 + " ") }),
            process.serviceCategories.isEmpty ? .empty : el("p", [], [txt(t(.linkedServices) + ": ")] + process.serviceCategories.map {
                el("a", [("href", "/wegweiser?kategorie=" + $0)], text: $0 + " ")
            }),
        ]
        return Layout(title: process.title, context: context).render(content)
    }
}

extension ProcessPage {
    /// Title, phases by name, indicators, service categories and the linked papers of a process.
    static func editForm(_ process: PlanningProcess, edit: Edit?, form: FormBuilder, labels: [String: String], context: PageContext) -> HTMLNode {
        let t = context.t
        let values = edit?.values ?? [:]
        let linked = edit?.linkedPapers ?? []
        return el("details", edit?.issues.isEmpty == false && edit?.values.isEmpty == false ? [("open", "open")] : [], [
            el("summary", text: t(.editProcess)),
            el("form", [("method", "post"), ("action", ParticipationRoute.process(process.id)), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("title", label: labels["title"]!, value: values["title"] ?? process.title, required: true, maxLength: 300),
                ServiceFormPage.area(form, "phases", label: labels["phases"]! + " *", value: values["phases"] ?? process.phases.map(\.name).joined(separator: "\n"),
                                     hint: t(.phasesEditHint), rows: 6),
                form.text("indicators", label: labels["indicators"]!, value: values["indicators"] ?? process.indicatorCodes.joined(separator: ", "), hint: t(.indicatorsHint)),
                form.text("categories", label: labels["categories"]!, value: values["categories"] ?? process.serviceCategories.joined(separator: ", "), hint: t(.categoriesHint)),
                linked.isEmpty ? .empty : form.checkboxes("papers", legend: t(.linkedPapersKeep), options: linked.map { ($0.id.uuidString.lowercased(), $0.label) },
                                                          selected: values["papers"].map { Set($0.split(separator: ",").map(String.init)) }
                                                              ?? Set(linked.map { $0.id.uuidString.lowercased() })),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveProcess))]),
            ]),
        ])
    }
}

enum ICalendarDate {
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
