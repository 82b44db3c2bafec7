import Foundation
import SoplaCore

/// The indicator catalogue: search, topics, latest reference date.
public enum IndicatorListPage {
    public struct Entry: Sendable {
        public let indicator: Indicator
        public let latestDate: Day?

        public init(indicator: Indicator, latestDate: Day?) {
            self.indicator = indicator
            self.latestDate = latestDate
        }
    }

    public struct Model: Sendable {
        public let entries: [Entry]
        public let parameters: IndicatorListParameters
        public let totalCount: Int
        public let mayManage: Bool
        public let mayImport: Bool
        public let notice: Notice?
        /// Drafts and archived indicators, for planners only; `entries` are published ones.
        public let unpublished: [Indicator]

        public init(entries: [Entry], parameters: IndicatorListParameters, totalCount: Int, mayManage: Bool, mayImport: Bool, notice: Notice? = nil,
                    unpublished: [Indicator] = []) {
            self.entries = entries
            self.parameters = parameters
            self.totalCount = totalCount
            self.mayManage = mayManage
            self.mayImport = mayImport
            self.notice = notice
            self.unpublished = unpublished
        }
    }

    /// Entries matching the search (code, names, definitions; umlauts folded) and topic.
    public static func filter(_ entries: [Entry], _ parameters: IndicatorListParameters) -> [Entry] {
        let needle = parameters.search.map(SpatialUnitListing.normalise) ?? ""
        return entries.filter { entry in
            let i = entry.indicator
            if let topic = parameters.topic, i.topic != topic { return false }
            guard !needle.isEmpty else { return true }
            return [i.code, i.nameDE, i.nameEN, i.definitionDE, i.definitionEN].contains { SpatialUnitListing.normalise($0).contains(needle) }
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language)
        let topics = [("", t(.allTopics))] + IndicatorTopic.allCases.map { ($0.rawValue, IndicatorNames.topic($0, language)) }
        var actions: [HTMLNode] = []
        if model.mayManage {
            actions.append(el("a", [("href", SiteRoute.indicatorNew.path), ("class", "button")], text: t(.newIndicator)))
            actions.append(el("a", [("href", SiteRoute.validationRules.path), ("class", "button secondary")], text: t(.validationRulesTitle)))
        }
        if model.mayImport { actions.append(el("a", [("href", SiteRoute.dataImport.path), ("class", "button secondary")], text: t(.importTitle))) }
        actions.append(el("a", [("href", SiteRoute.variables.path), ("class", "button secondary")], text: t(.variablesTitle)))
        var content: [HTMLNode] = [
            el("h1", text: t(.indicatorsTitle)),
            el("p", [("class", "lead")], text: t(.indicatorsIntro)),
            model.notice?.node ?? .empty,
            el("div", [("class", "actions")], actions),
            el("form", [("method", "get"), ("action", SiteRoute.indicators().path), ("class", "filters"), ("role", "search")], [
                form.text("q", label: t(.searchIndicatorsLabel), value: model.parameters.search, type: "search", maxLength: 100),
                form.select("thema", label: t(.fieldTopic), options: topics, selected: model.parameters.topic?.rawValue),
                el("button", [("type", "submit")], text: t(.searchButton)),
                model.parameters == IndicatorListParameters() ? .empty : el("a", [("href", SiteRoute.indicators().path)], text: t(.resetFilters)),
            ]),
            el("p", [("role", "status")], text: t(.resultsCount).replacingOccurrences(of: "{n}", with: Format.integer(model.entries.count, language))),
        ]
        if model.totalCount == 0 {
            content.append(el("p", [("class", "empty-state")], text: t(.noIndicatorsYet)))
        } else if model.entries.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noResults)))
        } else {
            let grouped = Dictionary(grouping: model.entries) { $0.indicator.topic }
            for topic in IndicatorTopic.allCases {
                guard let entries = grouped[topic] else { continue }
                let id = "thema-" + topic.rawValue
                content.append(el("section", [("aria-labelledby", id)], [
                    el("h2", [("id", id)], text: IndicatorNames.topic(topic, language)),
                    el("table", [("class", "data")], [
                        el("caption", [("class", "visually-hidden")], text: IndicatorNames.topic(topic, language)),
                        el("thead", [], [el("tr", [], [
                            el("th", [("scope", "col")], text: t(.columnName)), el("th", [("scope", "col")], text: t(.columnDefinition)),
                            el("th", [("scope", "col")], text: t(.columnLatestDate)),
                        ])]),
                        el("tbody", [], entries.sorted { $0.indicator.name(language == .de) < $1.indicator.name(language == .de) }.map { entry in
                            el("tr", [], [
                                el("th", [("scope", "row")], [el("a", [("href", SiteRoute.indicator(code: entry.indicator.code).path)], text: entry.indicator.name(language == .de))]),
                                el("td", text: entry.indicator.definition(language == .de)),
                                el("td", text: entry.latestDate.map { Format.day($0, language) } ?? "–"),
                            ])
                        }),
                    ]),
                ]))
            }
        }
        if !model.unpublished.isEmpty {
            content.append(unpublishedSection(model.unpublished, context: context))
        }
        content.append(el("p", [("class", "downloads")], [
            el("a", [("href", SiteRoute.indicatorsCSV.path), ("download", "indikatoren.csv")], text: t(.downloadCSV)), txt(" · "),
            el("a", [("href", SiteRoute.apiIndicators.path)], text: t(.downloadJSON)),
        ]))
        return Layout(title: t(.indicatorsTitle), context: context).render(content)
    }

    /// Drafts and archived indicators, marked, so planners find them; the public catalogue above leaves them out.
    static func unpublishedSection(_ indicators: [Indicator], context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let german = language == .de
        return el("section", [("aria-labelledby", "unveroeffentlicht")], [
            el("h2", [("id", "unveroeffentlicht")], text: t(.catalogueUnpublishedTitle)),
            el("p", text: t(.catalogueUnpublishedIntro)),
            el("table", [("class", "data")], [
                el("caption", [("class", "visually-hidden")], text: t(.catalogueUnpublishedTitle)),
                el("thead", [], [el("tr", [], [t(.columnName), t(.catalogueColumnState), t(.fieldTopic)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], indicators.sorted { ($0.state == .draft ? 0 : 1, $0.name(german)) < ($1.state == .draft ? 0 : 1, $1.name(german)) }.map { i in
                    el("tr", [], [
                        el("th", [("scope", "row")], [el("a", [("href", SiteRoute.indicator(code: i.code).path)], text: i.name(german))]),
                        el("td", [], [CatalogueLifecycleViews.marker(i.state, language)]),
                        el("td", text: IndicatorNames.topic(i.topic, language)),
                    ])
                }),
            ]),
        ])
    }
}

/// The variables (Merkmale): what is counted, from which source, under which licence.
public enum VariableListPage {
    public struct Model: Sendable {
        public let variables: [Variable]
        public let dates: [String: [Day]]
        public let mayManage: Bool
        public let notice: Notice?

        public init(variables: [Variable], dates: [String: [Day]], mayManage: Bool, notice: Notice? = nil) {
            self.variables = variables
            self.dates = dates
            self.mayManage = mayManage
            self.notice = notice
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.indicators().path)], text: t(.indicatorsTitle))]),
            el("h1", text: t(.variablesTitle)),
            el("p", [("class", "lead")], text: t(.variablesIntro)),
            model.notice?.node ?? .empty,
            model.mayManage ? el("p", [], [el("a", [("href", SiteRoute.variableNew.path), ("class", "button")], text: t(.newVariable))]) : .empty,
        ]
        if model.variables.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noVariablesYet)))
        } else {
            var header = [t(.fieldCode), t(.columnName), t(.fieldUnit), t(.columnSource), t(.fieldLicence), t(.columnDates), t(.fieldMinimumCount)]
            if model.mayManage { header.append(t(.columnActions)) }
            content.append(el("table", [("class", "data")], [
                el("caption", text: t(.variablesTitle)),
                el("thead", [], [el("tr", [], header.map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], model.variables.map { v in
                    let dates = model.dates[v.code] ?? []
                    var cells: [HTMLNode] = [
                        el("td", [], [model.mayManage ? el("a", [("href", SiteRoute.variable(code: v.code).path)], [el("code", text: v.code)]) : el("code", text: v.code)]),
                        el("th", [("scope", "row")], [txt(v.name(language == .de)), CatalogueLifecycleViews.marker(v.state, language)]),
                        el("td", text: v.unit),
                        el("td", text: v.source + (v.tableCode.map { " (\($0))" } ?? "")),
                        el("td", text: v.licence),
                        el("td", text: dates.isEmpty ? "–" : dates.map { Format.day($0, language) }.joined(separator: ", ")),
                        el("td", text: v.isCount ? String(v.effectiveMinimum) : t(.notACount)),
                    ]
                    if model.mayManage { cells.append(el("td", [], [el("a", [("href", SiteRoute.variableEdit(code: v.code).path)], text: t(.edit) + " " + v.code)])) }
                    return el("tr", [], cells)
                }),
            ]))
        }
        content.append(el("p", [("class", "downloads")], [
            el("a", [("href", SiteRoute.variablesCSV.path), ("download", "merkmale.csv")], text: t(.downloadCSV)), txt(" · "),
            el("a", [("href", SiteRoute.apiVariables.path)], text: t(.downloadJSON)),
        ]))
        return Layout(title: t(.variablesTitle), context: context).render(content)
    }
}

/// One variable with the history of its values for a unit: every revision, when it was stored and from which file.
public enum VariablePage {
    public struct Model: Sendable {
        public let variable: Variable
        public let units: [(key: String, name: String)]
        public let unitKey: String?
        public let revisions: [ObservationRevision]
        public let runs: [UUID: ImportRun]

        public init(variable: Variable, units: [(key: String, name: String)], unitKey: String?, revisions: [ObservationRevision], runs: [UUID: ImportRun]) {
            self.variable = variable
            self.units = units
            self.unitKey = unitKey
            self.revisions = revisions
            self.runs = runs
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let v = model.variable
        let form = FormBuilder(language: language)
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.variables.path)], text: t(.variablesTitle))]),
            el("h1", text: v.name(language == .de)),
            el("dl", [("class", "facts")], [
                el("dt", text: t(.fieldCode)), el("dd", [], [el("code", text: v.code)]),
                el("dt", text: t(.fieldUnit)), el("dd", text: v.unit),
                el("dt", text: t(.columnSource)), el("dd", text: v.source + (v.tableCode.map { " (\($0))" } ?? "")),
                el("dt", text: t(.fieldLicence)), el("dd", text: v.licence),
                el("dt", text: t(.fieldMinimumCount)), el("dd", text: v.isCount ? String(v.effectiveMinimum) : t(.notACount)),
            ]),
            el("p", [], [el("a", [("href", SiteRoute.variableEdit(code: v.code).path), ("class", "button secondary")], text: t(.edit))]),
            el("h2", [("id", "verlauf")], text: t(.valueHistoryTitle)),
            el("p", text: t(.valueHistoryIntro)),
            el("form", [("method", "get"), ("action", SiteRoute.variable(code: v.code).path + "#verlauf"), ("class", "filters controls")], [
                form.select("gebiet", label: t(.columnUnit), options: model.units.map { ($0.key, $0.name) }, selected: model.unitKey),
                el("button", [("type", "submit")], text: t(.showButton)),
            ]),
        ]
        if model.revisions.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noIndicatorValues)))
        } else {
            content.append(el("table", [("class", "data")], [
                el("caption", text: t(.valueHistoryTitle) + ": " + (model.units.first { $0.key == model.unitKey }?.name ?? "")),
                el("thead", [], [el("tr", [], [t(.columnReferenceDate), t(.fieldBreakdown), t(.columnRevision), t(.columnValue), t(.fieldStatus),
                                               t(.fieldWhen), t(.fieldFile), t(.fieldWho)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], model.revisions.map { r in
                    let run = r.importID.flatMap { model.runs[$0] }
                    return el("tr", [], [
                        el("th", [("scope", "row")], text: Format.day(r.date, language)),
                        el("td", text: r.breakdown.isTotal ? "–" : r.breakdown.canonical),
                        el("td", [("class", "num")], text: String(r.revision) + (r.isCurrent ? " (" + t(.currentRevision) + ")" : "") + (r.isPublic ? " – " + t(.publicRevision) : "")),
                        el("td", [("class", "num")], text: IndicatorNames.count(r.value, language)),
                        el("td", text: IndicatorNames.status(r.status, language)),
                        el("td", text: DateText.dateTime(r.recordedAt, language)),
                        el("td", [], run.map { [el("a", [("href", SiteRoute.dataImportRun(id: $0.id).path)], text: $0.fileName)] } ?? [txt("–")]),
                        el("td", text: run?.actorLabel ?? "–"),
                    ])
                }),
            ]))
        }
        return Layout(title: v.name(language == .de), context: context).render(content)
    }
}
