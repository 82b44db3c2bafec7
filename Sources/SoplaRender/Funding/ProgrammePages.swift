import Foundation
import SoplaCore

/// The county's funding start page: programmes with their money this year, and the ways into applications,
/// agreements and controlling.
public enum FundingOverviewPage {
    public struct Row: Sendable {
        public let programme: FundingProgramme
        public let budget: Money
        public let committed: Money
        public let applications: Int

        public init(programme: FundingProgramme, budget: Money, committed: Money, applications: Int) {
            self.programme = programme
            self.budget = budget
            self.committed = committed
            self.applications = applications
        }
    }

    public static func render(_ rows: [Row], year: Int, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let content: [HTMLNode] = [
            el("h1", text: t(.fundingTitle)),
            el("p", [("class", "lead")], text: t(.fundingIntro)),
            el("ul", [("class", "plain actions-list")], [
                el("li", [], [el("a", [("href", FundingRoute.programmeNew()), ("class", "button")], text: t(.newProgramme))]),
                el("li", [], [el("a", [("href", FundingRoute.applications())], text: t(.applicationsTitle))]),
                el("li", [], [el("a", [("href", FundingRoute.agreements())], text: t(.agreementsTitle))]),
                el("li", [], [el("a", [("href", FundingRoute.controlling())], text: t(.controllingTitle))]),
            ]),
            rows.isEmpty ? el("p", [("class", "empty-state")], text: t(.noProgrammes)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.programmesCaption).replacingOccurrences(of: "{y}", with: String(year))),
                el("thead", [], [el("tr", [], [t(.columnProgramme), t(.columnFundingSource), t(.columnCall), t(.columnBudget), t(.columnCommitted), t(.columnAvailable),
                                               t(.columnApplications)].enumerated().map { i, h in el("th", [("scope", "col"), ("class", (3...6).contains(i) ? "num" : nil)], text: h) })]),
                el("tbody", [], rows.map { row in
                    el("tr", [], [
                        el("th", [("scope", "row")], [el("a", [("href", FundingRoute.programme(row.programme.id))], text: row.programme.name)]),
                        el("td", text: FundingNames.source(row.programme.source, t)),
                        el("td", text: Format.day(row.programme.callOpens, language) + " – " + Format.day(row.programme.callCloses, language)),
                        el("td", [("class", "num")], text: Format.money(row.budget, language)),
                        el("td", [("class", "num")], text: Format.money(row.committed, language)),
                        el("td", [("class", "num")], text: Format.money(row.budget - row.committed, language)),
                        el("td", [("class", "num")], text: String(row.applications)),
                    ])
                }),
            ])]),
        ]
        return Layout(title: t(.fundingTitle), context: context).render(content)
    }
}

/// One programme: guideline, criteria, checklist, budget lines with what they committed, and its applications.
public enum ProgrammePage {
    public struct Model: Sendable {
        public let programme: FundingProgramme
        public let guideline: (title: String, link: String)?
        public let committed: [UUID: Money]
        public let applications: [(application: FundingApplication, organisation: String)]
        public let categories: [String: String]

        public init(programme: FundingProgramme, guideline: (title: String, link: String)?, committed: [UUID: Money],
                    applications: [(application: FundingApplication, organisation: String)], categories: [String: String]) {
            self.programme = programme
            self.guideline = guideline
            self.committed = committed
            self.applications = applications
            self.categories = categories
        }
    }

    static func criteriaTable(_ criteria: [AwardCriterion], _ t: Texts) -> HTMLNode {
        el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.criteriaTitle)),
            el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: t(.columnCriterion)), el("th", [("scope", "col"), ("class", "num")], text: t(.columnWeight)),
                                           el("th", [("scope", "col"), ("class", "num")], text: t(.columnScale)), el("th", [("scope", "col")], text: t(.columnExplanation))])]),
            el("tbody", [], criteria.map { c in
                el("tr", [], [el("th", [("scope", "row")], text: c.name), el("td", [("class", "num")], text: "\(c.weight) %"),
                              el("td", [("class", "num")], text: "0–\(c.scaleMax)"), el("td", text: c.explanation.isEmpty ? "–" : c.explanation)])
            }),
        ])])
    }

    static func checklistList(_ items: [ChecklistItem], _ t: Texts) -> HTMLNode {
        items.isEmpty ? el("p", [("class", "empty-state")], text: t(.noChecklist)) : el("ul", [("class", "checklist")], items.map { item in
            el("li", text: item.text + " (" + (item.kind == .document ? t(.kindDocument) : t(.kindQuestion)) + ", " + (item.required ? t(.itemRequired) : t(.itemOptional)) + ")")
        })
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let p = model.programme
        let lines: HTMLNode = el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.budgetLinesTitle)),
            el("thead", [], [el("tr", [], [t(.columnYear), t(.columnBudgetLine), t(.columnCategory), t(.columnBudget), t(.columnCommitted), t(.columnAvailable)]
                .enumerated().map { i, h in el("th", [("scope", "col"), ("class", i >= 3 ? "num" : nil)], text: h) })]),
            el("tbody", [], p.budgetLines.sorted { ($0.year, $0.name) < ($1.year, $1.name) }.map { line in
                let committed = model.committed[line.id] ?? .zero
                return el("tr", [], [el("td", text: String(line.year)), el("th", [("scope", "row")], text: line.name),
                                     el("td", text: line.categoryID.map { model.categories[$0] ?? $0 } ?? "–"),
                                     el("td", [("class", "num")], text: Format.money(line.amount, language)),
                                     el("td", [("class", "num")], text: Format.money(committed, language)),
                                     el("td", [("class", "num")], text: Format.money(line.amount - committed, language))])
            }),
        ])])
        let applications: HTMLNode = model.applications.isEmpty ? el("p", [("class", "empty-state")], text: t(.noApplications))
            : ApplicationListPage.table(model.applications, caption: t(.applicationsTitle), context: context)
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", FundingRoute.overview())], text: t(.fundingTitle))]),
            el("h1", text: p.name),
            el("dl", [("class", "facts")], [
                el("dt", text: t(.fieldLegalBasis)), el("dd", text: p.legalBasis.isEmpty ? "–" : p.legalBasis),
                el("dt", text: t(.columnFundingSource)), el("dd", text: FundingNames.source(p.source, t)),
                el("dt", text: t(.columnCall)), el("dd", text: Format.day(p.callOpens, language) + " – " + Format.day(p.callCloses, language)),
                el("dt", text: t(.fieldGuideline)), el("dd", [], model.guideline.map { [el("a", [("href", $0.link)], text: $0.title + (p.guidelineVersion.map { ", " + t(.versionShort) + " \($0)" } ?? ""))] } ?? [txt("–")]),
                el("dt", text: t(.fieldEligibleCategories)), el("dd", text: p.eligibleCategories.isEmpty ? t(.allCategories) : p.eligibleCategories.sorted().map { model.categories[$0] ?? $0 }.joined(separator: ", ")),
                el("dt", text: t(.fieldPreventivePriority)), el("dd", text: p.preventivePriority ? t(.yesWord) : t(.noWord)),
            ]),
            el("p", [], [el("a", [("href", FundingRoute.programmeEdit(p.id)), ("class", "button secondary")], text: t(.editProgramme)),
                         txt(" "), el("a", [("href", FundingRoute.ranking(p.id)), ("class", "button secondary")], text: t(.rankingTitle))]),
            el("h2", text: t(.criteriaTitle)), criteriaTable(p.criteria, t),
            el("h2", text: t(.checklistTitle)), checklistList(p.checklist, t),
            el("h2", text: t(.budgetLinesTitle)), lines,
            el("h2", text: t(.applicationsTitle)), applications,
        ]
        return Layout(title: p.name, context: context).render(content)
    }
}

/// Create or change a programme; criteria, checklist and budget lines are typed one per line.
public enum ProgrammeFormPage {
    public struct Model: Sendable {
        public let programmeID: UUID?
        public let values: [String: String]
        public let issues: [ValidationIssue]
        public let guidelines: [(id: UUID, title: String)]
        public let categories: [(code: String, name: String)]
        public let selectedCategories: Set<String>

        public init(programmeID: UUID?, values: [String: String], issues: [ValidationIssue], guidelines: [(id: UUID, title: String)],
                    categories: [(code: String, name: String)], selectedCategories: Set<String>) {
            self.programmeID = programmeID
            self.values = values
            self.issues = issues
            self.guidelines = guidelines
            self.categories = categories
            self.selectedCategories = selectedCategories
        }
    }

    public static func labels(_ t: Texts) -> [String: String] {
        ["name": t(.columnProgramme), "legalBasis": t(.fieldLegalBasis), "source": t(.columnFundingSource), "guideline": t(.fieldGuideline),
         "callOpens": t(.fieldCallOpens), "callCloses": t(.fieldCallCloses), "criteria": t(.criteriaTitle), "checklist": t(.checklistTitle),
         "budgetLines": t(.budgetLinesTitle), "categories": t(.fieldEligibleCategories), "preventivePriority": t(.fieldPreventivePriority)]
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: model.issues)
        let labels = labels(t)
        let v = model.values
        let title = model.programmeID == nil ? t(.newProgramme) : t(.editProgramme)
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", FundingRoute.overview())], text: t(.fundingTitle))]),
            el("h1", text: title),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", model.programmeID.map { FundingRoute.programme($0) } ?? FundingRoute.programmes()), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("name", label: labels["name"]!, value: v["name"], required: true),
                form.text("legalBasis", label: labels["legalBasis"]!, value: v["legalBasis"], hint: t(.legalBasisHint)),
                form.select("source", label: labels["source"]!, options: FundingSource.allCases.map { ($0.rawValue, FundingNames.source($0, t)) }, selected: v["source"]),
                form.select("guideline", label: labels["guideline"]!, options: [("", "–")] + model.guidelines.map { ($0.id.uuidString.lowercased(), $0.title) }, selected: v["guideline"],
                            hint: t(.guidelineHint)),
                form.text("callOpens", label: labels["callOpens"]!, value: v["callOpens"], type: "date", required: true),
                form.text("callCloses", label: labels["callCloses"]!, value: v["callCloses"], type: "date", required: true),
                ServiceFormPage.area(form, "criteria", label: labels["criteria"]!, value: v["criteria"], hint: t(.criteriaHint), rows: 5),
                ServiceFormPage.area(form, "checklist", label: labels["checklist"]!, value: v["checklist"], hint: t(.checklistHint), rows: 5),
                ServiceFormPage.area(form, "budgetLines", label: labels["budgetLines"]!, value: v["budgetLines"], hint: t(.budgetLinesHint), rows: 4),
                form.checkboxes("categories", legend: labels["categories"]!, options: model.categories.map { ($0.code, $0.name) }, selected: model.selectedCategories,
                                hint: t(.categoriesHint2)),
                form.select("preventivePriority", label: labels["preventivePriority"]!, options: [("nein", t(.noWord)), ("ja", t(.yesWord))], selected: v["preventivePriority"],
                            hint: t(.priorityHint)),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveProgramme))]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// The ranking of a call by weighted score with the line drawn where the budget ends, for the body's decision.
public enum RankingPage {
    public struct Model: Sendable {
        public let programme: FundingProgramme
        public let year: Int
        public let budget: Money
        public let entries: [Ranking.Entry]
        public let organisations: [UUID: String]
        public let states: [UUID: ApplicationState]
        /// The years one may switch to, latest first.
        public let years: [Int]

        public init(programme: FundingProgramme, year: Int, years: [Int], budget: Money, entries: [Ranking.Entry], organisations: [UUID: String],
                    states: [UUID: ApplicationState]) {
            self.years = years
            self.programme = programme
            self.year = year
            self.budget = budget
            self.entries = entries
            self.organisations = organisations
            self.states = states
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let title = t(.rankingTitle) + ": " + model.programme.name
        var rows: [HTMLNode] = []
        var lineShown = false
        for (index, entry) in model.entries.enumerated() {
            if !entry.fundable, !lineShown {
                lineShown = true
                rows.append(el("tr", [("class", "budget-line")], [el("td", [("colspan", "9")], text: t(.budgetLineDrawn).replacingOccurrences(of: "{b}", with: Format.money(model.budget, language)))]))
            }
            rows.append(el("tr", [], [
                el("td", [("class", "num")], text: String(index + 1)),
                el("th", [("scope", "row")], [el("a", [("href", FundingRoute.application(entry.applicationID))], text: entry.title)]),
                el("td", text: model.organisations[entry.applicationID] ?? "–"),
                el("td", text: entry.preventive ? t(.yesWord) : t(.noWord)),
                el("td", [("class", "num")], text: entry.score.map { Format.decimal($0, digits: 1, language) } ?? t(.notScored)),
                el("td", [("class", "num")], text: Format.money(entry.amount, language)),
                el("td", [("class", "num")], text: Format.money(entry.cumulative, language)),
                el("td", text: model.states[entry.applicationID].map { FundingNames.state($0, t) } ?? "–"),
                el("td", text: entry.outside.map { FundingNames.outside($0, t) } ?? "–"),
            ]))
        }
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", FundingRoute.programme(model.programme.id))], text: model.programme.name)]),
            el("h1", text: title),
            el("p", [("class", "lead")], text: t(.rankingIntro).replacingOccurrences(of: "{y}", with: String(model.year)).replacingOccurrences(of: "{b}", with: Format.money(model.budget, language))),
            model.years.count < 2 ? .empty : el("form", [("method", "get"), ("action", FundingRoute.ranking(model.programme.id)), ("class", "filters no-print")], [
                FormBuilder(language: language).select("jahr", label: t(.rankingYear), options: model.years.map { (String($0), String($0)) }, selected: String(model.year)),
                el("button", [("type", "submit")], text: t(.showYear)),
            ]),
            model.entries.isEmpty ? el("p", [("class", "empty-state")], text: t(.noRanking)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data ranking")], [
                el("caption", text: title),
                el("thead", [], [el("tr", [], [t(.columnRank), t(.columnApplication), t(.columnOrganisation), t(.columnPreventive), t(.columnScore), t(.columnAmount),
                                               t(.columnCumulative), t(.columnAppState), t(.columnBelowLine)].enumerated().map { i, h in
                    el("th", [("scope", "col"), ("class", [0, 4, 5, 6].contains(i) ? "num" : nil)], text: h) })]),
                el("tbody", [], rows),
            ])]),
            el("p", [("class", "no-print")], [el("a", [("href", FundingRoute.rankingCSV(model.programme.id) + "?jahr=\(model.year)")], text: t(.downloadCSV3)),
                                              txt(" · "), el("button", [("type", "button"), ("class", "secondary"), ("data-print", "true")], text: t(.printRanking))]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}
