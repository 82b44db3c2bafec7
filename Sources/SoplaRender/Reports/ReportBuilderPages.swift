import Foundation
import Plot
import SoplaCore

/// The addresses of social reports, each declared once: the router registers it, views call it for the link.
public enum ReportRoute {
    public static let published = FixedPath("/berichte")
    public static let edition = RoutePath<UUID, Int>("/berichte/:report/:number")
    public static let annex = RoutePath<UUID, Int>("/berichte/:report/:number/daten.csv")
    public static let pdf = RoutePath<UUID, Int>("/berichte/:report/:number/bericht.pdf")
    public static let comparison = RoutePath<UUID, Int>("/berichte/:report/:number/vergleich")
    public static let manage = FixedPath("/berichte/verwaltung")
    public static let builder = RoutePath<UUID>("/berichte/verwaltung/:report")
    public static let chapters = RoutePath<UUID>("/berichte/verwaltung/:report/kapitel")
    public static let sections = RoutePath<UUID, UUID>("/berichte/verwaltung/:report/kapitel/:chapter/abschnitte")
    public static let section = RoutePath<UUID, UUID>("/berichte/verwaltung/:report/abschnitte/:section")
    public static let blocks = RoutePath<UUID, UUID>("/berichte/verwaltung/:report/abschnitte/:section/bloecke")
    public static let blockDelete = RoutePath<UUID, UUID>("/berichte/verwaltung/:report/bloecke/:block/loeschen")
    public static let preview = RoutePath<UUID>("/berichte/verwaltung/:report/vorschau")
    public static let editions = RoutePath<UUID>("/berichte/verwaltung/:report/ausgaben")
    public static let publish = RoutePath<UUID, Int>("/berichte/verwaltung/:report/ausgaben/:number/veroeffentlichen")
    public static let review = RoutePath<UUID, Int>("/berichte/verwaltung/:report/ausgaben/:number/stellungnahme")
    public static let move = RoutePath<UUID>("/berichte/verwaltung/:report/verschieben")
    public static let rename = RoutePath<UUID>("/berichte/verwaltung/:report/umbenennen")
    public static let delete = RoutePath<UUID>("/berichte/verwaltung/:report/loeschen")
    public static let remove = RoutePath<UUID>("/berichte/verwaltung/:report/entfernen")
    public static let adoptIndex = RoutePath<UUID, UUID>("/berichte/verwaltung/:report/bloecke/:block/indikator")
    /// The editor's live preview: the text as the report renders it, as an HTML fragment.
    public static let textPreview = RoutePath<UUID, UUID>("/berichte/verwaltung/:report/abschnitte/:section/vorschau")
    /// The editor's script (toolbar and live preview), served by sopla.
    public static let editorScript = "/static/report-editor.js"
}

/// Published reports for everyone.
public enum PublishedReportsPage {
    public static func render(_ editions: [(title: String, number: Int, reportID: UUID, publishedAt: Date)], context: PageContext) -> String {
        let t = context.t
        let content: [HTMLNode] = [
            el("h1", text: t(.reportsTitle)),
            el("p", [("class", "lead")], text: t(.reportsIntro)),
            editions.isEmpty ? el("p", [("class", "empty-state")], text: t(.noPublishedReports)) : el("ul", [("class", "reports")], editions.map { e in
                el("li", [], [el("a", [("href", ReportRoute.edition(e.reportID, e.number))], text: e.title), txt(" – " + t(.editionWord) + " \(e.number), "
                    + DateText.dateTime(e.publishedAt, context.language) + " · "), el("a", [("href", ReportRoute.pdf(e.reportID, e.number))], text: t(.pdfEdition)),
                              txt(" · "), el("a", [("href", ReportRoute.annex(e.reportID, e.number))], text: t(.annexCSV))])
            }),
        ]
        return Layout(title: t(.reportsTitle), context: context).render(content)
    }
}

/// What changed in the figures from one edition to the next.
public enum EditionComparisonPage {
    /// `previous`: the number of the edition compared with (the latest published one before).
    public static func render(title: String, reportID: UUID, number: Int, previous: Int, changes: [(indicator: String, date: String, unit: String, before: String, after: String)],
                              tableChanges: [(table: String, row: String, column: String, before: String, after: String)] = [], context: PageContext) -> String {
        let t = context.t
        let heading = t(.comparisonTitle).replacingOccurrences(of: "{a}", with: String(previous)).replacingOccurrences(of: "{b}", with: String(number))
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ReportRoute.edition(reportID, number))], text: title + " – " + t(.editionWord) + " \(number)")]),
            el("h1", text: heading),
            // Each table scrolls sideways in its box where the page is narrower; the box is reached and scrolled by keyboard.
            changes.isEmpty ? el("p", [("class", "empty-state")], text: tableChanges.isEmpty ? t(.noFigureChanged) : t(.noIndicatorValueChanged)) : el("div", [("class", "table-wrap"), ("tabindex", "0"), ("role", "region"),
                                                                                                          ("aria-label", heading)], [el("table", [("class", "data")], [
                el("caption", text: heading + " (" + String(changes.count) + ")"),
                el("thead", [], [el("tr", [], [t(.comparisonIndicator), t(.dateColumn), t(.unitColumn), t(.comparisonBefore), t(.comparisonAfter)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], changes.map { c in
                    el("tr", [], [el("th", [("scope", "row")], text: c.indicator), el("td", text: c.date), el("td", text: c.unit),
                                  el("td", [("class", "num")], text: c.before), el("td", [("class", "num")], text: c.after)])
                }),
            ])]),
            tableChanges.isEmpty ? .empty : el("div", [("class", "table-wrap"), ("tabindex", "0"), ("role", "region"), ("aria-label", t(.tableChangesTitle))],
                                               [el("table", [("class", "data")], [
                el("caption", text: t(.tableChangesTitle) + " (" + String(tableChanges.count) + ")"),
                el("thead", [], [el("tr", [], [t(.tableColumn), t(.rowColumn), t(.cellColumn), t(.comparisonBefore), t(.comparisonAfter)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], tableChanges.map { c in
                    el("tr", [], [el("th", [("scope", "row")], text: c.table), el("td", text: c.row), el("td", text: c.column),
                                  el("td", [("class", "num")], text: c.before), el("td", [("class", "num")], text: c.after)])
                }),
            ])]),
        ]
        return Layout(title: heading, context: context).render(content)
    }
}

/// An edition (or a preview) as a web page.
public enum ReportEditionPage {
    /// `edition.previous`: the published edition it is compared with, if any.
    public static func render(_ document: ReportDocument, edition: (number: Int, published: Bool, previous: Int?)?, annex: String?, context: PageContext) -> String {
        let t = context.t
        var content: [HTMLNode] = []
        if let edition, let previous = edition.previous {
            content.append(el("p", [("class", "no-print")], [el("a", [("href", ReportRoute.comparison(document.report.id, edition.number))],
                                                                 text: t(.comparisonTitle).replacingOccurrences(of: "{a}", with: String(previous))
                                                                     .replacingOccurrences(of: "{b}", with: String(edition.number)))]))
        }
        if edition == nil || edition?.published == false {
            content.append(el("p", [("class", "notice notice-warning")], text: edition == nil ? t(.previewNotice) : t(.unpublishedNotice)))
        }
        content += document.body()
        content.append(el("p", [("class", "no-print")], [annex.map { el("a", [("href", $0.replacingOccurrences(of: "/daten.csv", with: "/bericht.pdf"))], text: t(.pdfEdition)) } ?? .empty, txt(" "),
                                                         annex.map { el("a", [("href", $0)], text: t(.annexCSV)) } ?? .empty, txt(" "),
                                                         el("button", [("type", "button"), ("data-print", "true")], text: t(.printReport))]))
        return Layout(title: document.report.title, context: context).render([el("article", [("class", "report")], content)])
    }
}

/// The planner's reports and the form for a new one.
public enum ReportListPage {
    public static func render(_ reports: [(report: Report, editions: Int, published: Int)], values: [String: String], issues: [ValidationIssue], context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = ["title": t(.fieldReportTitle), "reportingDate": t(.reportingDateLabel), "territorialStatus": t(.territorialStatusLabel)]
        let content: [HTMLNode] = [
            el("h1", text: t(.reportBuilderTitle)),
            reports.isEmpty ? el("p", [("class", "empty-state")], text: t(.noReports)) : el("ul", [], reports.map { r in
                el("li", [], [el("a", [("href", ReportRoute.builder(r.report.id))], text: r.report.title),
                              txt(" – " + t(.editionsCount).replacingOccurrences(of: "{n}", with: String(r.editions)).replacingOccurrences(of: "{p}", with: String(r.published)))])
            }),
            el("h2", text: t(.newReport)),
            form.summary(labels: labels),
            el("p", [("class", "hint")], text: t(.rbRequiredNote)),
            el("form", [("method", "post"), ("action", ReportRoute.manage()), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("title", label: labels["title"]!, value: values["title"], required: true,
                          hint: t(.rbLimit).replacingOccurrences(of: "{n}", with: String(ReportLimits.title)), maxLength: ReportLimits.title),
                form.text("reportingDate", label: labels["reportingDate"]!, value: values["reportingDate"], type: "date", required: true),
                form.text("territorialStatus", label: labels["territorialStatus"]!, value: values["territorialStatus"], type: "date", required: true),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.createReport))]),
            ]),
        ]
        return Layout(title: t(.reportBuilderTitle), context: context).render(content)
    }
}

/// The report builder: chapters, sections with text and blocks, problems, editions.
public enum ReportBuilderPage {
    public struct Model: Sendable {
        public let report: Report
        public let editions: [ReportEdition]
        public let indicators: [(code: String, name: String)]
        public let units: [(key: String, name: String)]
        public let problems: [String]
        public let issues: [ValidationIssue]
        public let values: [String: String]
        /// Service categories with a planning standard, for coverage blocks.
        public let categories: [(code: String, name: String)]
        /// What the report lacks at its territorial status and reporting date (a build is still possible).
        public let warnings: [String]
        /// Papers that put draft editions out for comment: edition number → paper.
        public let reviewPapers: [Int: (id: UUID, reference: String)]
        /// Bodies a draft can be put to for comment (the steering group first).
        public let bodies: [(id: UUID, name: String)]

        public init(report: Report, editions: [ReportEdition], indicators: [(code: String, name: String)], units: [(key: String, name: String)], problems: [String],
                    issues: [ValidationIssue] = [], values: [String: String] = [:], categories: [(code: String, name: String)] = [], warnings: [String] = [],
                    reviewPapers: [Int: (id: UUID, reference: String)] = [:], bodies: [(id: UUID, name: String)] = []) {
            self.report = report
            self.editions = editions
            self.indicators = indicators
            self.units = units
            self.problems = problems
            self.issues = issues
            self.values = values
            self.categories = categories
            self.warnings = warnings
            self.reviewPapers = reviewPapers
            self.bodies = bodies
        }
    }

    static func kindName(_ kind: ReportBlockKind, _ t: Texts) -> String {
        switch kind {
        case .indicatorTable: return t(.blockTable)
        case .map: return t(.blockMap)
        case .ranking: return t(.blockRanking)
        case .timeSeries: return t(.blockTimeSeries)
        case .description: return t(.blockDescription)
        case .socialIndex: return t(.blockSocialIndex)
        case .serviceCoverage: return t(.blockCoverage)
        case .fundingOverview: return t(.blockFunding)
        case .measureStatus: return t(.blockMeasures)
        }
    }

    /// The builder's fields by their element id: what was typed (kept when a change is refused), the problems, the
    /// label, whether it is required and its limit. Issues name the element id of their field, so each message stands
    /// at its field and the summary links to it.
    struct Fields {
        let issues: [ValidationIssue]
        let values: [String: String]
        let t: Texts
        let language: Language

        func value(_ id: String, _ fallback: String?) -> String? { values[id] ?? fallback }
        func has(_ id: String) -> Bool { issues.contains { $0.field == id } }

        /// A whole sentence for a problem; `label` names the field where the sentence does not say what it is about.
        func message(_ issue: ValidationIssue, label: String?) -> String {
            let field = issue.field
            switch issue.problem {
            case .required where field == "confirm-delete": return t(.rbConfirmDeleteMissing)
            case .required where field.hasPrefix("confirm-"): return t(.rbConfirmPublishMissing)
            case .required where field.hasPrefix("remove-"): return t(.rbConfirmRemoveMissing)
            case .tooLong(let max) where field.hasPrefix("codes-") && max == ReportLimits.tableIndicators: return t(.rbTooManyIndicators).replacingOccurrences(of: "{n}", with: String(max))
            case .mismatch where field.hasPrefix("codes-"): return t(.rbOneIndicator)
            case _ where field.hasPrefix("adopt-"): return t(.rbAdoptNoValues)
            case .inconsistent where field == "build": return t(.rbBuildRefused)
            case .outdatedEdition, .outOfRange: return IssueText.message(issue.problem, language)
            default: return (label.map { $0 + " " } ?? "") + IssueText.message(issue.problem, language)
            }
        }

        func errors(_ id: String, label: String?) -> [String] { issues.filter { $0.field == id }.map { message($0, label: label) } }

        /// Label (with * where required), hint with the limit, the message and the control, tied by aria-describedby.
        /// `named`: the field's name in a message where the label says more (the section of a text).
        func field(_ id: String, label: String, named: String? = nil, required: Bool = false, limit: Int? = nil, hint: String? = nil,
                   _ control: (_ describedBy: String?, _ invalid: Bool) -> HTMLNode) -> HTMLNode {
            var notes: [HTMLNode] = [], ids: [String] = []
            let limitText = limit.map { t(.rbLimit).replacingOccurrences(of: "{n}", with: Format.integer($0, language)) }
            let hintText = [hint, limitText.map { "(" + $0 + ")" }].compactMap { $0 }.joined(separator: " ")
            if !hintText.isEmpty { ids.append(id + "-hint"); notes.append(el("p", [("class", "hint"), ("id", id + "-hint")], text: hintText)) }
            let messages = errors(id, label: named ?? label)
            if !messages.isEmpty { ids.append(id + "-error"); notes.append(el("p", [("class", "field-error"), ("id", id + "-error")], text: messages.joined(separator: " "))) }
            return el("div", [("class", messages.isEmpty ? "field" : "field invalid")],
                      [el("label", [("for", id)], text: label + (required ? " *" : ""))] + notes + [control(ids.isEmpty ? nil : ids.joined(separator: " "), !messages.isEmpty)])
        }

        func input(_ id: String, name: String, label: String, value: String?, required: Bool = false, limit: Int? = nil, hint: String? = nil, type: String = "text",
                   list: String? = nil) -> HTMLNode {
            field(id, label: label, required: required, limit: type == "text" ? limit : nil, hint: hint) { described, invalid in
                el("input", [("type", type), ("id", id), ("name", name), ("value", self.value(id, value) ?? ""), ("required", required ? "required" : nil),
                             ("maxlength", limit.map(String.init)), ("list", list), ("aria-describedby", described), ("aria-invalid", invalid ? "true" : nil)])
            }
        }

        func select(_ id: String, name: String, label: String, options: [(String, String)], selected: String?, required: Bool = false, hint: String? = nil) -> HTMLNode {
            let chosen = value(id, selected)
            return field(id, label: label, required: required, hint: hint) { described, invalid in
                el("select", [("id", id), ("name", name), ("aria-describedby", described), ("aria-invalid", invalid ? "true" : nil)],
                   options.map { el("option", [("value", $0.0), ("selected", $0.0 == chosen ? "selected" : nil)], text: $0.1) })
            }
        }

        /// A confirmation box; its message stands right above it.
        func checkbox(_ id: String, label: String) -> HTMLNode {
            let messages = errors(id, label: nil)
            return el("div", [("class", messages.isEmpty ? "field checkbox" : "field checkbox invalid")], (messages.isEmpty ? [] : [
                el("p", [("class", "field-error"), ("id", id + "-error")], text: messages.joined(separator: " ")),
            ]) + [
                el("input", [("type", "checkbox"), ("id", id), ("name", "confirm"), ("value", "ja"), ("required", "required"),
                             ("aria-describedby", messages.isEmpty ? nil : id + "-error"), ("aria-invalid", messages.isEmpty ? nil : "true")]),
                el("label", [("for", id)], text: label + " *"),
            ])
        }

        /// The summary at the top: every problem, linked to its field.
        func summary(label: (String) -> String?) -> HTMLNode {
            guard !issues.isEmpty else { return .empty }
            return el("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("id", "fehler")], [
                el("h2", text: Texts(language)(.formHasErrors)),
                el("ul", [], issues.map { issue in
                    let name = label(issue.field)
                    return el("li", [], [el("a", [("href", name == nil ? "#fehler" : "#" + issue.field)], text: message(issue, label: name))])
                }),
            ])
        }
    }

    /// The label of a field by its element id, for the summary.
    static func fieldLabel(_ id: String, _ t: Texts) -> String? {
        let prefixes: [(String, ReportText)] = [("confirm-delete", .rbFieldConfirm), ("confirm-", .rbFieldConfirm), ("remove-", .rbFieldConfirm), ("rename-", .newTitle),
                                                ("text-", .fieldSectionText), ("caption-", .fieldCaption), ("note-", .fieldNote), ("codes-", .fieldIndicators2),
                                                ("components-", .fieldComponents), ("unit-", .fieldBlockUnit), ("category-", .fieldBlockCategory), ("kind-", .fieldBlockKind),
                                                ("section-", .fieldSectionTitle), ("body-", .reviewBody), ("adopt-", .adoptIndex), ("build", .buildEdition)]
        let exact: [String: ReportText] = ["title": .fieldReportTitle, "reportingDate": .reportingDateLabel, "territorialStatus": .territorialStatusLabel, "chapter": .fieldChapterTitle]
        if let key = exact[id] { return t(key) }
        return prefixes.first { id.hasPrefix($0.0) }.map { t($0.1) }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let r = model.report
        let fields = Fields(issues: model.issues, values: model.values, t: t, language: context.language)
        let csrf = FormBuilder.csrf(context.csrfToken ?? "")
        let kinds: [(String, String)] = [("table", t(.blockTable)), ("map", t(.blockMap)), ("ranking", t(.blockRanking)), ("series", t(.blockTimeSeries)),
                                         ("description", t(.blockDescription)), ("index", t(.blockSocialIndex)),
                                         ("coverage", t(.blockCoverage)), ("funding", t(.blockFunding)), ("measures", t(.blockMeasures))]
        let factsOpen = ["title", "reportingDate", "territorialStatus"].contains { fields.has($0) }
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ReportRoute.manage())], text: t(.reportBuilderTitle))]),
            el("h1", text: r.title),
            fields.summary { fieldLabel($0, t) },
            model.problems.isEmpty ? .empty : el("div", [("class", "notice notice-warning"), ("role", "alert")], [el("p", text: t(.reportProblems)), el("ul", [], model.problems.map { el("li", text: $0) })]),
            model.warnings.isEmpty ? .empty : el("div", [("class", "notice notice-info")], [el("p", text: t(.warningsTitle)), el("ul", [], model.warnings.map { el("li", text: $0) })]),
            el("p", [("class", "hint")], text: t(.rbRequiredNote)),
            el("p", [], [el("a", [("href", ReportRoute.preview(r.id)), ("class", "button secondary")], text: t(.previewReport))]),
            el("details", [("open", factsOpen ? "open" : nil)], [el("summary", text: t(.editReportFacts)),
                el("form", [("method", "post"), ("action", ReportRoute.builder(r.id)), ("class", "stacked")], [
                    csrf,
                    fields.input("title", name: "title", label: t(.fieldReportTitle), value: r.title, required: true, limit: ReportLimits.title),
                    fields.input("reportingDate", name: "reportingDate", label: t(.reportingDateLabel), value: r.reportingDate.iso, required: true, type: "date"),
                    fields.input("territorialStatus", name: "territorialStatus", label: t(.territorialStatusLabel), value: r.territorialStatus.iso, required: true, type: "date"),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveReportFacts))]),
                ])]),
        ]
        let numbers = r.numbering()
        for chapter in r.chapters {
            var nodes: [HTMLNode] = [el("h2", text: chapter.title), controls(chapter.id, title: chapter.title, report: r.id, csrf: csrf, fields: fields, confirm: true,
                                                                             limit: ReportLimits.chapterTitle)]
            for section in chapter.sections {
                let sid = section.id.uuidString.lowercased()
                nodes.append(el("h3", text: section.title))
                nodes.append(controls(section.id, title: section.title, report: r.id, csrf: csrf, fields: fields, confirm: true, limit: ReportLimits.sectionTitle))
                nodes.append(editor(section, report: r, csrf: csrf, fields: fields))
                nodes.append(section.blocks.isEmpty ? el("p", [("class", "empty-state")], text: t(.noBlocks)) : el("ul", [("class", "blocks")], section.blocks.map { block in
                    let codes = block.kind.indicatorCodes
                    var parts: [HTMLNode] = [txt(kindName(block.kind, t) + ": " + block.caption + (codes.isEmpty ? " " : " (" + codes.joined(separator: ", ") + ") "))]
                    if let n = numbers[block.id] {
                        parts.append(el("span", [("class", "hint")], [txt((n.isFigure ? t(.figureLabel) : t(.tableLabel)) + " \(n.number) · " + t(.referenceWord) + ": "),
                                                                   el("code", text: "[[" + Report.referenceKey(block.id) + "]]"), txt(" ")]))
                    }
                    parts.append(controls(block.id, title: block.caption, report: r.id, csrf: csrf, fields: fields, confirm: false, limit: ReportLimits.caption))
                    parts.append(el("form", [("method", "post"), ("action", ReportRoute.blockDelete(r.id, block.id)), ("class", "inline-form")], [
                        csrf, el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", t(.removeBlock) + ": " + block.caption)], text: t(.removeBlock)),
                    ]))
                    if case .socialIndex = block.kind {
                        let adopt = "adopt-" + block.id.uuidString.lowercased()
                        let messages = fields.errors(adopt, label: nil)
                        parts.append(el("form", [("method", "post"), ("action", ReportRoute.adoptIndex(r.id, block.id)), ("class", "inline-form")], (messages.isEmpty ? [] : [
                            el("p", [("class", "field-error"), ("id", adopt + "-error")], text: messages.joined(separator: " ")),
                        ]) + [
                            csrf, el("button", [("type", "submit"), ("class", "secondary"), ("id", adopt), ("title", t(.adoptIndexHint)), ("aria-label", t(.adoptIndex) + ": " + block.caption),
                                                ("aria-describedby", messages.isEmpty ? nil : adopt + "-error")], text: t(.adoptIndex)),
                        ]))
                    }
                    return el("li", [], parts)
                }))
                let blockFields = ["kind", "codes", "unit", "category", "caption", "note", "components"].map { $0 + "-" + sid }
                nodes.append(el("details", [("class", "add-block"), ("open", blockFields.contains { fields.has($0) } ? "open" : nil)], [el("summary", text: t(.addBlock) + ": " + section.title),
                    el("form", [("method", "post"), ("action", ReportRoute.blocks(r.id, section.id)), ("class", "stacked")], [
                        csrf,
                        fields.select("kind-\(sid)", name: "kind", label: t(.fieldBlockKind), options: kinds, selected: nil, required: true),
                        fields.input("codes-\(sid)", name: "codes", label: t(.fieldIndicators2), value: nil, limit: ReportLimits.codes,
                                     hint: t(.codesHint) + " " + t(.rbLimitIndicators).replacingOccurrences(of: "{n}", with: String(ReportLimits.tableIndicators)), list: "indikatoren"),
                        fields.select("unit-\(sid)", name: "unit", label: t(.fieldBlockUnit), options: [("", t(.allUnits))] + model.units.map { ($0.key, $0.name) }, selected: nil),
                        fields.select("category-\(sid)", name: "category", label: t(.fieldBlockCategory), options: [("", "–")] + model.categories.map { ($0.code, $0.name) }, selected: nil),
                        fields.input("caption-\(sid)", name: "caption", label: t(.fieldCaption), value: nil, required: true, limit: ReportLimits.caption),
                        fields.input("note-\(sid)", name: "note", label: t(.fieldNote), value: nil, limit: ReportLimits.note),
                        fields.field("components-\(sid)", label: t(.fieldComponents), limit: ReportLimits.components, hint: t(.componentsHint)) { described, invalid in
                            el("textarea", [("id", "components-\(sid)"), ("name", "components"), ("rows", "3"), ("maxlength", String(ReportLimits.components)),
                                            ("aria-describedby", described), ("aria-invalid", invalid ? "true" : nil)], text: fields.value("components-\(sid)", "") ?? "")
                        },
                        el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addBlock))]),
                    ])]))
            }
            let cid = "section-" + chapter.id.uuidString.lowercased()
            nodes.append(el("form", [("method", "post"), ("action", ReportRoute.sections(r.id, chapter.id)), ("class", "inline-form")], [
                csrf,
                fields.input(cid, name: "section", label: t(.fieldSectionTitle), value: nil, required: true, limit: ReportLimits.sectionTitle),
                el("button", [("type", "submit")], text: t(.addSection)),
            ]))
            content.append(el("section", [("class", "builder-chapter")], nodes))
        }
        content += [
            el("h2", text: t(.addChapter)),
            el("form", [("method", "post"), ("action", ReportRoute.chapters(r.id)), ("class", "stacked")], [
                csrf,
                fields.input("chapter", name: "chapter", label: t(.fieldChapterTitle), value: nil, required: true, limit: ReportLimits.chapterTitle),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addChapter))]),
            ]),
            el("h2", text: t(.editionsTitle)),
            model.editions.isEmpty ? el("p", [("class", "empty-state")], text: t(.noEditions))
                : el("ul", [], model.editions.map { editionItem($0, report: r.id, csrf: csrf, context: context, review: model.reviewPapers[$0.number], bodies: model.bodies, fields: fields) }),
            el("form", [("method", "post"), ("action", ReportRoute.editions(r.id)), ("class", "stacked")], [
                csrf,
                fields.has("build") ? el("p", [("class", "field-error"), ("id", "build-error")], text: fields.errors("build", label: nil).joined(separator: " ")) : .empty,
                el("div", [("class", "actions")], [el("button", [("type", "submit"), ("id", "build"), ("aria-describedby", fields.has("build") ? "build-error" : nil)], text: t(.buildEdition))]),
            ]),
            el("datalist", [("id", "indikatoren")], model.indicators.map { el("option", [("value", $0.code)], text: $0.name) }),
        ]
        // A report can be deleted until an edition of it is published; published editions stay for good.
        if !model.editions.contains(where: { $0.publishedAt != nil }) {
            content += [
                el("h2", text: t(.deleteReport)),
                el("form", [("method", "post"), ("action", ReportRoute.delete(r.id)), ("class", "stacked")], [
                    csrf,
                    fields.checkbox("confirm-delete", label: t(.confirmDeleteReport)),
                    el("div", [("class", "actions")], [el("button", [("type", "submit"), ("class", "danger")], text: t(.deleteReport))]),
                ]),
            ]
        }
        content.append(el("script", [("src", ReportRoute.editorScript), ("defer", "defer")], []))
        return Layout(title: r.title, context: context).render(content)
    }

    /// The text of a section: a large field with a toolbar (shown by the script) and, beside it, the preview as the
    /// report shows it. Without the script the form is sent as usual and the preview shows the saved text.
    static func editor(_ section: ReportSection, report: Report, csrf: HTMLNode, fields: Fields) -> HTMLNode {
        let t = fields.t
        let sid = section.id.uuidString.lowercased(), id = "text-" + sid, preview = "preview-" + sid
        let text = fields.value(id, section.text) ?? ""
        let tools: [(String, String)] = [("h", t(.rbToolHeading)), ("h2", t(.rbToolSubheading)), ("ul", t(.rbToolList)), ("ol", t(.rbToolNumbered)),
                                         ("b", t(.rbToolBold)), ("i", t(.rbToolItalic))]
        return el("form", [("method", "post"), ("action", ReportRoute.section(report.id, section.id)), ("class", "stacked editor-form")], [
            csrf,
            fields.field(id, label: t(.fieldSectionText) + ": " + section.title, named: t(.fieldSectionText), limit: ReportLimits.text, hint: t(.rbSyntaxHint)) { described, invalid in
                el("div", [("class", "report-editor")], [
                    el("div", [("class", "editor-input")], [
                        el("div", [("class", "editor-toolbar"), ("role", "toolbar"), ("aria-label", t(.rbToolbarLabel)), ("aria-controls", id), ("hidden", "hidden")],
                           tools.map { el("button", [("type", "button"), ("class", "secondary"), ("data-tool", $0.0)], text: $0.1) }),
                        el("textarea", [("id", id), ("name", "text"), ("rows", "16"), ("maxlength", String(ReportLimits.text)), ("aria-describedby", described),
                                        ("aria-invalid", invalid ? "true" : nil), ("data-preview", ReportRoute.textPreview(report.id, section.id)),
                                        ("data-preview-target", preview)], text: text),
                    ]),
                    el("section", [("class", "editor-preview"), ("aria-labelledby", preview + "-title")], [
                        el("p", [("class", "preview-title"), ("id", preview + "-title")], text: t(.rbPreviewTitle) + ": " + section.title),
                        el("div", [("id", preview), ("aria-live", "polite"), ("data-failed", t(.rbPreviewFailed))], previewNodes(text, report: report, t: t)),
                    ]),
                ])
            },
            el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveText))]),
        ])
    }

    /// A section's text as the report shows it (references resolved, headings below the section's), or a note
    /// where there is none; the editor's preview.
    public static func previewFragment(_ text: String, report: Report, language: Language) -> String {
        previewNodes(text, report: report, t: Texts(language)).map { $0.render() }.joined()
    }

    public static func previewNodes(_ text: String, report: Report, t: Texts) -> [HTMLNode] {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [el("p", [("class", "empty-state")], text: t(.rbPreviewEmpty))] }
        // Over the limit the preview says so: saving would be refused.
        guard text.count <= ReportLimits.text else {
            return [el("p", [("class", "field-error")], text: t(.rbPreviewTooLong).replacingOccurrences(of: "{n}", with: Format.integer(ReportLimits.text, t.language)))]
        }
        return SafeMarkdown.render(report.resolvingReferences(in: text, figureWord: t(.figureLabel), tableWord: t(.tableLabel)), headingLevel: 4)
    }

    /// Up, down, rename and (for chapters and sections, with a confirmation) remove.
    static func controls(_ id: UUID, title: String, report: UUID, csrf: HTMLNode, fields: Fields, confirm: Bool, limit: Int) -> HTMLNode {
        let t = fields.t
        let item = id.uuidString.lowercased()
        func move(_ direction: String, _ label: String, _ symbol: String) -> HTMLNode {
            el("form", [("method", "post"), ("action", ReportRoute.move(report)), ("class", "inline-form")], [
                csrf, el("input", [("type", "hidden"), ("name", "item"), ("value", item)]), el("input", [("type", "hidden"), ("name", "direction"), ("value", direction)]),
                el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", label + ": " + title)], text: symbol),
            ])
        }
        var nodes = [move("up", t(.moveUp), "↑ " + t(.moveUp)), move("down", t(.moveDown), "↓ " + t(.moveDown))]
        let field = "rename-" + item
        nodes.append(el("details", [("class", "inline-details"), ("open", fields.has(field) ? "open" : nil)], [el("summary", text: t(.renameItem) + ": " + title),
            el("form", [("method", "post"), ("action", ReportRoute.rename(report)), ("class", "inline-form")], [
                csrf, el("input", [("type", "hidden"), ("name", "item"), ("value", item)]),
                fields.input(field, name: "title", label: t(.newTitle), value: title, required: true, limit: limit),
                el("button", [("type", "submit"), ("class", "secondary")], text: t(.saveTitle)),
            ])]))
        if confirm {
            let box = "remove-" + item
            let messages = fields.errors(box, label: nil)
            nodes.append(el("form", [("method", "post"), ("action", ReportRoute.remove(report)), ("class", "inline-form")], [
                csrf, el("input", [("type", "hidden"), ("name", "item"), ("value", item)]),
                messages.isEmpty ? .empty : el("p", [("class", "field-error"), ("id", box + "-error")], text: messages.joined(separator: " ")),
                el("input", [("type", "checkbox"), ("id", box), ("name", "confirm"), ("value", "ja"), ("required", "required"),
                             ("aria-describedby", messages.isEmpty ? nil : box + "-error"), ("aria-invalid", messages.isEmpty ? nil : "true")]),
                el("label", [("for", box)], text: "„" + title + "“ " + t(.confirmRemove) + " *"),
                el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", t(.removeItem) + ": " + title)], text: t(.removeItem)),
            ]))
        }
        return el("div", [("class", "builder-controls")], nodes)
    }

    static func editionItem(_ e: ReportEdition, report: UUID, csrf: HTMLNode, context: PageContext, review: (id: UUID, reference: String)?,
                            bodies: [(id: UUID, name: String)], fields: Fields) -> HTMLNode {
        let t = context.t
        let state: String = e.publishedAt.map { t(.publishedOn) + " " + DateText.dateTime($0, context.language) } ?? t(.draftWord)
        var nodes: [HTMLNode] = [el("a", [("href", ReportRoute.edition(report, e.number))], text: t(.editionWord) + " \(e.number)"),
                                 txt(" – " + DateText.dateTime(e.snapshot.builtAt, context.language) + " · " + state)]
        if e.publishedAt == nil {
            nodes.append(el("form", [("method", "post"), ("action", ReportRoute.publish(report, e.number)), ("class", "inline-form")], [
                csrf,
                fields.checkbox("confirm-\(e.number)", label: t(.confirmPublish)),
                el("button", [("type", "submit")], text: t(.publishEdition) + " \(e.number)"),
            ]))
            if let review {
                nodes.append(el("p", [], [el("a", [("href", ParticipationRoute.paper(review.id))], text: t(.reviewPaperLink).replacingOccurrences(of: "{r}", with: review.reference))]))
            } else if !bodies.isEmpty {
                nodes.append(el("form", [("method", "post"), ("action", ReportRoute.review(report, e.number)), ("class", "inline-form")], [
                    csrf,
                    fields.select("body-\(e.number)", name: "body", label: t(.reviewBody), options: bodies.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: nil, required: true),
                    el("button", [("type", "submit"), ("class", "secondary"), ("title", t(.reviewHint))], text: t(.startReview) + ": " + t(.editionWord) + " \(e.number)"),
                ]))
            }
        }
        return el("li", [], nodes)
    }
}
