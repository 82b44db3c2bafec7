import Foundation
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
            changes.isEmpty ? el("p", [("class", "empty-state")], text: t(.noFigureChanged)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: heading + " (" + String(changes.count) + ")"),
                el("thead", [], [el("tr", [], [t(.comparisonIndicator), t(.dateColumn), t(.unitColumn), t(.comparisonBefore), t(.comparisonAfter)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], changes.map { c in
                    el("tr", [], [el("th", [("scope", "row")], text: c.indicator), el("td", text: c.date), el("td", text: c.unit),
                                  el("td", [("class", "num")], text: c.before), el("td", [("class", "num")], text: c.after)])
                }),
            ])]),
            tableChanges.isEmpty ? .empty : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
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
            el("form", [("method", "post"), ("action", ReportRoute.manage()), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("title", label: labels["title"]!, value: values["title"], required: true),
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

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let r = model.report
        let form = FormBuilder(language: context.language, issues: model.issues)
        let csrf = FormBuilder.csrf(context.csrfToken ?? "")
        let kinds: [(String, String)] = [("table", t(.blockTable)), ("map", t(.blockMap)), ("ranking", t(.blockRanking)), ("series", t(.blockTimeSeries)),
                                         ("description", t(.blockDescription)), ("index", t(.blockSocialIndex)),
                                         ("coverage", t(.blockCoverage)), ("funding", t(.blockFunding)), ("measures", t(.blockMeasures))]
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ReportRoute.manage())], text: t(.reportBuilderTitle))]),
            el("h1", text: r.title),
            form.summary(labels: ["title": t(.fieldReportTitle), "text": t(.fieldSectionText), "codes": t(.fieldIndicators2), "caption": t(.fieldCaption),
                                  "components": t(.fieldComponents), "chapter": t(.fieldChapterTitle), "section": t(.fieldSectionTitle)]),
            model.problems.isEmpty ? .empty : el("div", [("class", "notice notice-warning"), ("role", "alert")], [el("p", text: t(.reportProblems)), el("ul", [], model.problems.map { el("li", text: $0) })]),
            model.warnings.isEmpty ? .empty : el("div", [("class", "notice notice-info")], [el("p", text: t(.warningsTitle)), el("ul", [], model.warnings.map { el("li", text: $0) })]),
            el("p", [], [el("a", [("href", ReportRoute.preview(r.id)), ("class", "button secondary")], text: t(.previewReport))]),
            el("details", [], [el("summary", text: t(.editReportFacts)),
                el("form", [("method", "post"), ("action", ReportRoute.builder(r.id)), ("class", "stacked")], [
                    csrf,
                    form.text("title", label: t(.fieldReportTitle), value: model.values["title"] ?? r.title, required: true),
                    form.text("reportingDate", label: t(.reportingDateLabel), value: model.values["reportingDate"] ?? r.reportingDate.iso, type: "date", required: true),
                    form.text("territorialStatus", label: t(.territorialStatusLabel), value: model.values["territorialStatus"] ?? r.territorialStatus.iso, type: "date", required: true),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveReportFacts))]),
                ])]),
        ]
        let numbers = r.numbering()
        for chapter in r.chapters {
            var nodes: [HTMLNode] = [el("h2", text: chapter.title), controls(chapter.id, title: chapter.title, report: r.id, csrf: csrf, t: t, confirm: true)]
            for section in chapter.sections {
                nodes.append(el("h3", text: section.title))
                nodes.append(controls(section.id, title: section.title, report: r.id, csrf: csrf, t: t, confirm: true))
                nodes.append(el("form", [("method", "post"), ("action", ReportRoute.section(r.id, section.id)), ("class", "stacked")], [
                    csrf,
                    el("div", [("class", "field")], [el("label", [("for", "text-" + section.id.uuidString.lowercased())], text: t(.fieldSectionText)),
                                                     el("p", [("class", "hint"), ("id", "text-hint-" + section.id.uuidString.lowercased())], text: t(.markdownHint)),
                                                     el("textarea", [("id", "text-" + section.id.uuidString.lowercased()), ("name", "text"), ("rows", "5"), ("maxlength", "20000"),
                                                                     ("aria-describedby", "text-hint-" + section.id.uuidString.lowercased())], text: section.text)]),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveText))]),
                ]))
                nodes.append(section.blocks.isEmpty ? el("p", [("class", "empty-state")], text: t(.noBlocks)) : el("ul", [("class", "blocks")], section.blocks.map { block in
                    let codes = block.kind.indicatorCodes
                    var parts: [HTMLNode] = [txt(kindName(block.kind, t) + ": " + block.caption + (codes.isEmpty ? " " : " (" + codes.joined(separator: ", ") + ") "))]
                    if let n = numbers[block.id] {
                        parts.append(el("span", [("class", "hint")], [txt((n.isFigure ? t(.figureLabel) : t(.tableLabel)) + " \(n.number) · " + t(.referenceWord) + ": "),
                                                                   el("code", text: "[[" + Report.referenceKey(block.id) + "]]"), txt(" ")]))
                    }
                    parts.append(controls(block.id, title: block.caption, report: r.id, csrf: csrf, t: t, confirm: false))
                    parts.append(el("form", [("method", "post"), ("action", ReportRoute.blockDelete(r.id, block.id)), ("class", "inline-form")], [
                        csrf, el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", t(.removeBlock) + ": " + block.caption)], text: t(.removeBlock)),
                    ]))
                    if case .socialIndex = block.kind {
                        parts.append(el("form", [("method", "post"), ("action", ReportRoute.adoptIndex(r.id, block.id)), ("class", "inline-form")], [
                            csrf, el("button", [("type", "submit"), ("class", "secondary"), ("title", t(.adoptIndexHint)), ("aria-label", t(.adoptIndex) + ": " + block.caption)],
                                     text: t(.adoptIndex)),
                        ]))
                    }
                    return el("li", [], parts)
                }))
                let sid = section.id.uuidString.lowercased()
                nodes.append(el("details", [("class", "add-block")], [el("summary", text: t(.addBlock) + ": " + section.title),
                    el("form", [("method", "post"), ("action", ReportRoute.blocks(r.id, section.id)), ("class", "stacked")], [
                        csrf,
                        labelled("kind-\(sid)", "kind", t(.fieldBlockKind), el("select", [("id", "kind-\(sid)"), ("name", "kind")], kinds.map { el("option", [("value", $0.0)], text: $0.1) })),
                        labelled("codes-\(sid)", "codes", t(.fieldIndicators2), el("input", [("type", "text"), ("id", "codes-\(sid)"), ("name", "codes"), ("list", "indikatoren"),
                                                                                          ("aria-describedby", "codes-hint-\(sid)")]), hint: (id: "codes-hint-\(sid)", text: t(.codesHint))),
                        labelled("unit-\(sid)", "unit", t(.fieldBlockUnit), el("select", [("id", "unit-\(sid)"), ("name", "unit")], [el("option", [("value", "")], text: t(.allUnits))]
                            + model.units.map { el("option", [("value", $0.key)], text: $0.name) })),
                        labelled("category-\(sid)", "category", t(.fieldBlockCategory), el("select", [("id", "category-\(sid)"), ("name", "category")],
                            [el("option", [("value", "")], text: "–")] + model.categories.map { el("option", [("value", $0.code)], text: $0.name) })),
                        labelled("caption-\(sid)", "caption", t(.fieldCaption), el("input", [("type", "text"), ("id", "caption-\(sid)"), ("name", "caption"), ("maxlength", "300")])),
                        labelled("note-\(sid)", "note", t(.fieldNote), el("input", [("type", "text"), ("id", "note-\(sid)"), ("name", "note"), ("maxlength", "500")])),
                        labelled("components-\(sid)", "components", t(.fieldComponents), el("textarea", [("id", "components-\(sid)"), ("name", "components"), ("rows", "3"),
                                                                                                        ("aria-describedby", "components-hint-\(sid)")], text: ""),
                                 hint: (id: "components-hint-\(sid)", text: t(.componentsHint))),
                        el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addBlock))]),
                    ])]))
            }
            nodes.append(el("form", [("method", "post"), ("action", ReportRoute.sections(r.id, chapter.id)), ("class", "inline-form")], [
                csrf,
                labelled("section-\(chapter.id.uuidString.lowercased())", "section", t(.fieldSectionTitle),
                         el("input", [("type", "text"), ("id", "section-\(chapter.id.uuidString.lowercased())"), ("name", "section"), ("required", "required"), ("maxlength", "200")])),
                el("button", [("type", "submit")], text: t(.addSection)),
            ]))
            content.append(el("section", [("class", "builder-chapter")], nodes))
        }
        content += [
            el("h2", text: t(.addChapter)),
            el("form", [("method", "post"), ("action", ReportRoute.chapters(r.id)), ("class", "stacked")], [
                csrf,
                form.text("chapter", label: t(.fieldChapterTitle), value: nil, required: true),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addChapter))]),
            ]),
            el("h2", text: t(.editionsTitle)),
            model.editions.isEmpty ? el("p", [("class", "empty-state")], text: t(.noEditions))
                : el("ul", [], model.editions.map { editionItem($0, report: r.id, csrf: csrf, context: context, review: model.reviewPapers[$0.number], bodies: model.bodies) }),
            el("form", [("method", "post"), ("action", ReportRoute.editions(r.id)), ("class", "stacked")], [
                csrf, el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.buildEdition))]),
            ]),
            el("datalist", [("id", "indikatoren")], model.indicators.map { el("option", [("value", $0.code)], text: $0.name) }),
        ]
        // A report can be deleted until an edition of it is published; published editions stay for good.
        if !model.editions.contains(where: { $0.publishedAt != nil }) {
            content += [
                el("h2", text: t(.deleteReport)),
                el("form", [("method", "post"), ("action", ReportRoute.delete(r.id)), ("class", "stacked")], [
                    csrf,
                    el("div", [("class", "field checkbox")], [
                        el("input", [("type", "checkbox"), ("id", "confirm-delete"), ("name", "confirm"), ("value", "ja"), ("required", "required")]),
                        el("label", [("for", "confirm-delete")], text: t(.confirmDeleteReport)),
                    ]),
                    el("div", [("class", "actions")], [el("button", [("type", "submit"), ("class", "danger")], text: t(.deleteReport))]),
                ]),
            ]
        }
        return Layout(title: r.title, context: context).render(content)
    }

    /// Up, down, rename and (for chapters and sections, with a confirmation) remove.
    static func controls(_ id: UUID, title: String, report: UUID, csrf: HTMLNode, t: Texts, confirm: Bool) -> HTMLNode {
        let item = id.uuidString.lowercased()
        func move(_ direction: String, _ label: String, _ symbol: String) -> HTMLNode {
            el("form", [("method", "post"), ("action", ReportRoute.move(report)), ("class", "inline-form")], [
                csrf, el("input", [("type", "hidden"), ("name", "item"), ("value", item)]), el("input", [("type", "hidden"), ("name", "direction"), ("value", direction)]),
                el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", label + ": " + title)], text: symbol),
            ])
        }
        var nodes = [move("up", t(.moveUp), "↑ " + t(.moveUp)), move("down", t(.moveDown), "↓ " + t(.moveDown))]
        let field = "rename-" + item
        nodes.append(el("details", [("class", "inline-details")], [el("summary", text: t(.renameItem) + ": " + title),
            el("form", [("method", "post"), ("action", ReportRoute.rename(report)), ("class", "inline-form")], [
                csrf, el("input", [("type", "hidden"), ("name", "item"), ("value", item)]),
                el("label", [("for", field)], text: t(.newTitle)),
                el("input", [("type", "text"), ("id", field), ("name", "title"), ("value", title), ("required", "required"), ("maxlength", "300")]),
                el("button", [("type", "submit"), ("class", "secondary")], text: t(.saveTitle)),
            ])]))
        if confirm {
            let box = "remove-" + item
            nodes.append(el("form", [("method", "post"), ("action", ReportRoute.remove(report)), ("class", "inline-form")], [
                csrf, el("input", [("type", "hidden"), ("name", "item"), ("value", item)]),
                el("input", [("type", "checkbox"), ("id", box), ("name", "confirm"), ("value", "ja"), ("required", "required")]),
                el("label", [("for", box)], text: "„" + title + "“ " + t(.confirmRemove)),
                el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", t(.removeItem) + ": " + title)], text: t(.removeItem)),
            ]))
        }
        return el("div", [("class", "builder-controls")], nodes)
    }

    static func editionItem(_ e: ReportEdition, report: UUID, csrf: HTMLNode, context: PageContext, review: (id: UUID, reference: String)?,
                            bodies: [(id: UUID, name: String)]) -> HTMLNode {
        let t = context.t
        let state: String = e.publishedAt.map { t(.publishedOn) + " " + DateText.dateTime($0, context.language) } ?? t(.draftWord)
        var nodes: [HTMLNode] = [el("a", [("href", ReportRoute.edition(report, e.number))], text: t(.editionWord) + " \(e.number)"),
                                 txt(" – " + DateText.dateTime(e.snapshot.builtAt, context.language) + " · " + state)]
        if e.publishedAt == nil {
            nodes.append(el("form", [("method", "post"), ("action", ReportRoute.publish(report, e.number)), ("class", "inline-form")], [
                csrf,
                el("input", [("type", "checkbox"), ("id", "confirm-\(e.number)"), ("name", "confirm"), ("value", "ja"), ("required", "required")]),
                el("label", [("for", "confirm-\(e.number)")], text: t(.confirmPublish)),
                el("button", [("type", "submit")], text: t(.publishEdition) + " \(e.number)"),
            ]))
            if let review {
                nodes.append(el("p", [], [el("a", [("href", ParticipationRoute.paper(review.id))], text: t(.reviewPaperLink).replacingOccurrences(of: "{r}", with: review.reference))]))
            } else if !bodies.isEmpty {
                nodes.append(el("form", [("method", "post"), ("action", ReportRoute.review(report, e.number)), ("class", "inline-form")], [
                    csrf,
                    el("label", [("for", "body-\(e.number)")], text: t(.reviewBody)),
                    el("select", [("id", "body-\(e.number)"), ("name", "body")], bodies.map { el("option", [("value", $0.id.uuidString.lowercased())], text: $0.name) }),
                    el("button", [("type", "submit"), ("class", "secondary"), ("title", t(.reviewHint))], text: t(.startReview) + ": " + t(.editionWord) + " \(e.number)"),
                ]))
            }
        }
        return el("li", [], nodes)
    }

    static func labelled(_ id: String, _ field: String, _ label: String, _ control: HTMLNode, hint: (id: String, text: String)? = nil) -> HTMLNode {
        el("div", [("class", "field")], [el("label", [("for", id)], text: label)] + (hint.map { [el("p", [("class", "hint"), ("id", $0.id)], text: $0.text)] } ?? []) + [control])
    }
}
