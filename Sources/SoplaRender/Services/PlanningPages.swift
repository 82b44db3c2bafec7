import Foundation
import SoplaCore

/// The service taxonomy: the list and the form to add a category.
public enum CategoriesPage {
    public struct Model: Sendable {
        public let categories: [(category: ServiceCategory, services: Int)]
        public let values: [String: String]
        public let issues: [ValidationIssue]

        public init(categories: [(category: ServiceCategory, services: Int)], values: [String: String], issues: [ValidationIssue] = []) {
            self.categories = categories
            self.values = values
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: model.issues)
        let labels = CategoryEditPage.labels(t)
        let table = el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.categoriesTitle)),
            el("thead", [], [el("tr", [], [labels["nameDE"]!, labels["code"]!, labels["legalBasis"]!, labels["communalised"]!, t(.categorySynonymsColumn),
                                            t(.columnServices)].map {
                el("th", [("scope", "col")], text: $0)
            })]),
            el("tbody", [], model.categories.map { entry in
                el("tr", [], [
                    el("th", [("scope", "row")], [el("a", [("href", ServiceRoute.category(code: entry.category.code).path)],
                                                     text: context.language == .de ? entry.category.nameDE : entry.category.nameEN)]),
                    el("td", [], [el("code", text: entry.category.code)]),
                    el("td", text: entry.category.legalBasis ?? "–"),
                    el("td", text: entry.category.communalised ? t(.yes) : t(.no)),
                    el("td", text: entry.category.synonyms.isEmpty ? "–" : entry.category.synonyms.joined(separator: ", ")),
                    el("td", [("class", "num")], text: String(entry.services)),
                ])
            }),
        ])])
        let content: [HTMLNode] = [
            el("h1", text: t(.categoriesTitle)),
            el("p", [("class", "lead")], text: t(.categoriesIntro)),
            ServicePlanningNav.render(t),
            el("p", [], [el("a", [("href", ServiceRoute.categoriesCSV.path)], text: t(.downloadCSV))]),
            table,
            el("h2", text: t(.newCategory)),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", ServiceRoute.categories.path), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("code", label: labels["code"]!, value: model.values["code"], required: true, hint: t(.categoryCodeHint), maxLength: 40),
                form.text("nameDE", label: labels["nameDE"]!, value: model.values["nameDE"], required: true),
                form.text("nameEN", label: labels["nameEN"]!, value: model.values["nameEN"], required: true),
                form.text("legalBasis", label: labels["legalBasis"]!, value: model.values["legalBasis"]),
                form.select("communalised", label: labels["communalised"]!, options: [("nein", t(.no)), ("ja", t(.yes))], selected: model.values["communalised"]),
                CategoryEditPage.synonymsField(form, t, value: model.values["synonyms"]),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addCategory))]),
            ]),
        ]
        return Layout(title: t(.categoriesTitle), context: context).render(content)
    }
}

/// Planning standards per category, with the form to set one.
public enum StandardsPage {
    public struct Model: Sendable {
        public let standards: [PlanningStandard]
        public let categories: [ServiceCategory]
        public let populations: [(code: String, name: String)]
        public let values: [String: String]
        public let issues: [ValidationIssue]

        public init(standards: [PlanningStandard], categories: [ServiceCategory], populations: [(code: String, name: String)], values: [String: String],
                    issues: [ValidationIssue] = []) {
            self.standards = standards
            self.categories = categories
            self.populations = populations
            self.values = values
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = ["category": t(.fieldCategory), "fte": t(.fieldStandardFTE), "inhabitants": t(.fieldStandardInhabitants),
                      "population": t(.fieldReferencePopulation), "maxDistanceKm": t(.fieldMaxDistance), "source": t(.fieldStandardSource), "text": t(.fieldStandardText),
                      "customValues": t(.fieldCustomValues)]
        func populationName(_ p: PlanningStandard.ReferencePopulation) -> String {
            model.populations.first { $0.code == p.code }?.name ?? p.code
        }
        let table: HTMLNode = model.standards.isEmpty ? el("p", [("class", "empty-state")], text: t(.noStandards)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.standardsTitle)),
            el("thead", [], [el("tr", [], [t(.fieldCategory), t(.columnStandard), t(.fieldReferencePopulation), t(.fieldMaxDistance), t(.fieldStandardSource), t(.columnActions)].map {
                el("th", [("scope", "col")], text: $0)
            })]),
            el("tbody", [], model.standards.map { s in
                el("tr", [], [
                    el("th", [("scope", "row")], [el("a", [("href", ServiceRoute.coverage(category: s.categoryCode).path)], text: ServiceNames.category(s.categoryCode, model.categories, language))]),
                    el("td", text: t(.standardSentence).replacingOccurrences(of: "{f}", with: ServiceNames.fte(s.fte, language))
                        .replacingOccurrences(of: "{n}", with: Format.integer(s.inhabitants, language))),
                    el("td", text: populationName(s.population)),
                    el("td", text: s.maxDistanceKm.map { Format.decimal($0, digits: 1, language) + " km" } ?? "–"),
                    el("td", [], [txt(s.source), s.text.isEmpty ? .empty : el("p", [("class", "hint")], text: s.text),
                                  s.customValues.isEmpty ? .empty : el("ul", [("class", "plain")], s.customValues.sorted { $0.key < $1.key }.map { el("li", text: "\($0.key): \($0.value)") })]),
                    el("td", [], [el("a", [("href", ServiceRoute.standards.path + "?kategorie=" + s.categoryCode + "#category"),
                                           ("aria-label", t(.changeStandard) + ": " + ServiceNames.category(s.categoryCode, model.categories, language))], text: t(.changeStandard))]),
                ])
            }),
        ])])
        let content: [HTMLNode] = [
            el("h1", text: t(.standardsTitle)),
            el("p", [("class", "lead")], text: t(.standardsIntro)),
            ServicePlanningNav.render(t),
            table,
            el("h2", text: t(.setStandard)),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", ServiceRoute.standards.path), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.select("category", label: labels["category"]!, options: model.categories.map { ($0.code, language == .de ? $0.nameDE : $0.nameEN) },
                            selected: model.values["category"], required: true, hint: t(.standardReplacesHint)),
                form.text("fte", label: labels["fte"]!, value: model.values["fte"], required: true, maxLength: 8),
                form.text("inhabitants", label: labels["inhabitants"]!, value: model.values["inhabitants"], type: "number", required: true, maxLength: 9),
                form.select("population", label: labels["population"]!, options: model.populations.map { ($0.code, $0.name) }, selected: model.values["population"]),
                form.text("maxDistanceKm", label: labels["maxDistanceKm"]!, value: model.values["maxDistanceKm"], hint: t(.maxDistanceHint), maxLength: 8),
                form.text("source", label: labels["source"]!, value: model.values["source"], required: true, maxLength: 300),
                form.text("text", label: labels["text"]!, value: model.values["text"], maxLength: 2000),
                ServiceFormPage.area(form, "customValues", label: labels["customValues"]!, value: model.values["customValues"], hint: t(.customValuesHint)),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.save))]),
            ]),
        ]
        return Layout(title: t(.standardsTitle), context: context).render(content)
    }
}

/// Supply against need for one category: table per municipality, ranked gaps, maps of coverage and distance.
public enum CoveragePage {
    public struct Row: Sendable {
        public let unitKey: String
        public let name: String
        public let coverage: CoverageRow
        public let nearestName: String?
        public let preventiveShare: Double?

        public init(unitKey: String, name: String, coverage: CoverageRow, nearestName: String?, preventiveShare: Double?) {
            self.unitKey = unitKey
            self.name = name
            self.coverage = coverage
            self.nearestName = nearestName
            self.preventiveShare = preventiveShare
        }
    }

    public struct Model: Sendable {
        public let categories: [ServiceCategory]
        public let category: String?
        public let standard: PlanningStandard?
        public let populationName: String
        public let rows: [Row]
        public let total: CoverageRow?
        public let coverageMap: SVGMap?
        public let distanceMap: SVGMap?
        public let preventive: [(category: String, share: Double)]

        public init(categories: [ServiceCategory], category: String?, standard: PlanningStandard?, populationName: String, rows: [Row], total: CoverageRow?,
                    coverageMap: SVGMap?, distanceMap: SVGMap?, preventive: [(category: String, share: Double)]) {
            self.categories = categories
            self.category = category
            self.standard = standard
            self.populationName = populationName
            self.rows = rows
            self.total = total
            self.coverageMap = coverageMap
            self.distanceMap = distanceMap
            self.preventive = preventive
        }
    }

    /// Colour classes of the coverage map, darker for larger gaps: below half, below 80 %, below 100 %, covered.
    public static func coverageClass(_ ratio: Double?) -> Int? {
        guard let ratio else { return nil }
        switch ratio {
        case ..<0.5: return 6
        case ..<0.8: return 4
        case ..<1.0: return 2
        default: return 0
        }
    }

    /// Colour classes of the distance map, darker for farther: up to 5, 10, 20 km, beyond.
    public static func distanceClass(_ km: Double?) -> Int? {
        guard let km else { return nil }
        switch km {
        case ...5: return 0
        case ...10: return 2
        case ...20: return 4
        default: return 6
        }
    }

    /// The classes of the coverage map (see `coverageClass`).
    public static func coverageLegend(_ t: Texts) -> HTMLNode {
        SVGMap.legend(title: t(.coverageLegendTitle), classes: [(6, t(.coverageLegendBelow50)), (4, t(.coverageLegendBelow80)), (2, t(.coverageLegendBelow100)),
                                                                (0, t(.coverageLegendCovered)), (nil, t(.mapLegendNoValue))])
    }

    /// The classes of the distance map (see `distanceClass`) and its points.
    public static func distanceLegend(_ t: Texts, points: Bool) -> HTMLNode {
        SVGMap.legend(title: t(.distanceLegendTitle), classes: [(0, t(.distanceLegendUpTo5)), (2, t(.distanceLegendUpTo10)), (4, t(.distanceLegendUpTo20)),
                                                                (6, t(.distanceLegendBeyond20)), (nil, t(.mapLegendNoValue))],
                      points: points ? t(.mapPointLegend) : nil)
    }

    static func percent(_ value: Double?, _ language: Language) -> String {
        value.map { Format.decimal($0 * 100, digits: 0, language) + " %" } ?? "–"
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let picker = el("form", [("method", "get"), ("action", ServiceRoute.coverage(category: nil).path), ("class", "filters")], [
            ServiceListPage.select("kategorie", t(.fieldCategory), model.categories.map { ($0.code, language == .de ? $0.nameDE : $0.nameEN) }, model.category),
            el("button", [("type", "submit")], text: t(.show)),
        ])
        var content: [HTMLNode] = [el("h1", text: t(.coverageTitle)), el("p", [("class", "lead")], text: t(.coverageIntro)), ServicePlanningNav.render(t), picker]
        if let standard = model.standard, let category = model.category, let total = model.total {
            let name = ServiceNames.category(category, model.categories, language)
            let km = standard.maxDistanceKm
            content += [
                el("h2", text: name),
                el("p", text: t(.standardSentence).replacingOccurrences(of: "{f}", with: ServiceNames.fte(standard.fte, language))
                    .replacingOccurrences(of: "{n}", with: Format.integer(standard.inhabitants, language)) + " (" + model.populationName + "; " + standard.source + ")"
                    + (km.map { " " + t(.reachSentence).replacingOccurrences(of: "{k}", with: Format.decimal($0, digits: 1, language)) } ?? "")),
                standard.customValues.isEmpty ? .empty : el("ul", [("class", "plain")], standard.customValues.sorted { $0.key < $1.key }.map { el("li", text: "\($0.key): \($0.value)") }),
                el("p", [("class", "summary")], text: t(.coverageTotal).replacingOccurrences(of: "{s}", with: ServiceNames.fte(total.supply, language))
                    .replacingOccurrences(of: "{n}", with: ServiceNames.fte(total.need, language)).replacingOccurrences(of: "{r}", with: percent(total.ratio, language))
                    .replacingOccurrences(of: "{g}", with: ServiceNames.fte(total.gap, language))),
                el("p", [], [el("a", [("href", ServiceRoute.coverageCSV(category: category).path)], text: t(.downloadCSV))]),
            ]
            let gaps = model.rows.filter { $0.coverage.gap > 1e-9 }.sorted { ($0.coverage.gap, $1.name) > ($1.coverage.gap, $0.name) }
            content.append(el("h3", text: t(.gapListTitle)))
            content.append(gaps.isEmpty ? el("p", [("class", "empty-state")], text: t(.noGaps)) : el("ol", [("class", "gap-list")], gaps.map { row in
                el("li", text: row.name + ": " + t(.gapItem).replacingOccurrences(of: "{g}", with: ServiceNames.fte(row.coverage.gap, language))
                    .replacingOccurrences(of: "{r}", with: percent(row.coverage.ratio, language)))
            }))
            content += [
                el("div", [("class", "map-pair")], [
                    el("figure", [("class", "indicator-map")], [model.coverageMap?.render() ?? .empty, coverageLegend(t), el("figcaption", text: t(.coverageMapCaption))]),
                    el("figure", [("class", "indicator-map")], [model.distanceMap?.render() ?? .empty, distanceLegend(t, points: !(model.distanceMap?.points.isEmpty ?? true)),
                                                                el("figcaption", text: t(.distanceMapCaption))]),
                ]),
                SVGMap.pointsTable(model.distanceMap?.points ?? [], caption: t(.mapPointsCaption) + ": " + t(.distanceLegendTitle), language: language),
                table(model, standard: standard, total: total, language: language),
            ]
        } else if model.category != nil {
            content.append(el("p", [("class", "empty-state")], [txt(t(.noStandardForCategory) + " "), el("a", [("href", ServiceRoute.standards.path)], text: t(.standardsTitle))]))
        } else {
            content.append(el("p", [("class", "empty-state")], text: t(.pickCategory)))
        }
        content += [
            el("h2", text: t(.preventiveTitle)),
            model.preventive.isEmpty ? el("p", [("class", "empty-state")], text: t(.noServices)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.preventiveTitle)),
                el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: t(.fieldCategory)), el("th", [("scope", "col"), ("class", "num")], text: t(.columnPreventiveShare))])]),
                el("tbody", [], model.preventive.map { entry in
                    el("tr", [], [el("th", [("scope", "row")], text: ServiceNames.category(entry.category, model.categories, language)),
                                  el("td", [("class", "num")], text: percent(entry.share, language))])
                }),
            ])]),
        ]
        return Layout(title: t(.coverageTitle), context: context).render(content)
    }

    static func table(_ model: Model, standard: PlanningStandard, total: CoverageRow, language: Language) -> HTMLNode {
        let t = Texts(language)
        let headers = [t(.columnUnitName), model.populationName, t(.columnSupply), t(.columnNeed), t(.columnRatio), t(.columnGap), t(.columnNearest), t(.columnPreventiveShare)]
        func cells(_ c: CoverageRow, nearest: String?, preventive: Double?) -> [HTMLNode] {
            let reach = standard.maxDistanceKm.flatMap { limit in c.nearestKm.map { $0 > limit ? " " + t(.beyondReach) : "" } } ?? ""
            return [
                el("td", [("class", "num")], text: Format.rounded(c.population, language)),
                el("td", [("class", "num")], text: ServiceNames.fte(c.supply, language)),
                el("td", [("class", "num")], text: ServiceNames.fte(c.need, language)),
                el("td", [("class", "num")], text: percent(c.ratio, language)),
                el("td", [("class", "num")], text: ServiceNames.fte(c.gap, language)),
                el("td", text: c.nearestKm.map { Format.decimal($0, digits: 1, language) + " km" + (nearest.map { " (" + $0 + ")" } ?? "") + reach } ?? "–"),
                el("td", [("class", "num")], text: percent(preventive, language)),
            ]
        }
        return el("div", [("class", "table-wrap"), ("tabindex", "0"), ("role", "region"), ("aria-label", t(.coverageTableCaption))], [el("table", [("class", "data")], [
            el("caption", text: t(.coverageTableCaption)),
            el("thead", [], [el("tr", [], headers.enumerated().map { el("th", [("scope", "col"), ("class", $0.offset > 0 && $0.offset != 6 ? "num" : nil)], text: $0.element) })]),
            el("tbody", [], model.rows.map { row in
                el("tr", [], [el("th", [("scope", "row")], text: row.name)] + cells(row.coverage, nearest: row.nearestName, preventive: row.preventiveShare))
            }),
            el("tfoot", [], [el("tr", [], [el("th", [("scope", "row")], text: t(.countyTotal))] + cells(total, nearest: nil, preventive: nil))]),
        ])])
    }
}

/// Possible duplicate structures with the planner's verdicts.
public enum DuplicatesPage {
    public struct Pair: Sendable {
        public let candidate: DuplicateCandidate
        public let firstName: String
        public let secondName: String
        public let explanation: String
        public let review: DuplicateReview?

        public init(candidate: DuplicateCandidate, firstName: String, secondName: String, explanation: String, review: DuplicateReview?) {
            self.candidate = candidate
            self.firstName = firstName
            self.secondName = secondName
            self.explanation = explanation
            self.review = review
        }
    }

    /// "Beide bieten Schuldnerberatung für Erwachsene in Herborn und Sinn an, 1,2 km voneinander entfernt."
    public static func explanation(category: String, target: TargetGroup, units: [String], distanceKm: Double?, language: Language) -> String {
        let t = Texts(language)
        let places = units.count <= 1 ? (units.first ?? "") : units.dropLast().joined(separator: ", ") + " " + t(.and) + " " + units.last!
        var sentence = t(.duplicateSentence).replacingOccurrences(of: "{c}", with: category).replacingOccurrences(of: "{t}", with: audience(target, language))
            .replacingOccurrences(of: "{u}", with: places)
        if let km = distanceKm { sentence += ", " + t(.duplicateDistance).replacingOccurrences(of: "{k}", with: Format.decimal(km, digits: 1, language)) }
        return sentence + "."
    }

    static func audience(_ group: TargetGroup, _ language: Language) -> String {
        let t = Texts(language)
        switch (group.minAge, group.maxAge) {
        case (nil, nil): return t(.audienceAll)
        case (let min?, nil) where min >= 18: return t(.audienceAdults)
        case (_, let max?) where max <= 27 && (group.minAge ?? 0) >= 12: return t(.audienceYoung)
        case (_, let max?) where max < 18: return t(.audienceChildren)
        default: return t(.audienceAges).replacingOccurrences(of: "{a}", with: ServiceNames.ages(group, language))
        }
    }

    public static func render(_ pairs: [Pair], context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let verdicts = [("", t(.verdictNone))] + DuplicateReview.Verdict.allCases.map { ($0.rawValue, ServiceNames.verdict($0, language)) }
        let items: [HTMLNode] = pairs.enumerated().map { index, pair in
            let c = pair.candidate
            let prefix = "paar\(index)"
            return el("li", [("class", "duplicate")], [
                el("h2", [], [el("a", [("href", ServiceRoute.service(id: c.first).path)], text: pair.firstName), txt(" – "),
                              el("a", [("href", ServiceRoute.service(id: c.second).path)], text: pair.secondName)]),
                el("p", text: pair.explanation),
                el("p", [("class", "hint")], text: t(.scoreLabel) + " " + Format.decimal(c.score * 100, digits: 0, language) + " / 100 · "
                    + t(.areaOverlapLabel) + " " + Format.decimal(c.areaOverlap * 100, digits: 0, language) + " %"),
                pair.review.map { el("p", [("class", "notice notice-info")], text: ServiceNames.verdict($0.verdict, language) + ($0.note.isEmpty ? "" : ": " + $0.note) + " (" + $0.by + ", " + DateText.dateTime($0.at, language) + ")") } ?? .empty,
                el("form", [("method", "post"), ("action", ServiceRoute.duplicates.path), ("class", "inline-form")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    el("input", [("type", "hidden"), ("name", "first"), ("value", c.first.uuidString.lowercased())]),
                    el("input", [("type", "hidden"), ("name", "second"), ("value", c.second.uuidString.lowercased())]),
                    el("div", [("class", "field")], [el("label", [("for", prefix + "-verdict")], text: t(.verdictLabel)),
                                                     el("select", [("id", prefix + "-verdict"), ("name", "verdict"), ("required", "required")], verdicts.map {
                                                         el("option", [("value", $0.0), ("selected", $0.0 == (pair.review?.verdict.rawValue ?? "") ? "selected" : nil)], text: $0.1)
                                                     })]),
                    el("div", [("class", "field")], [el("label", [("for", prefix + "-note")], text: t(.columnNote)),
                                                     el("input", [("type", "text"), ("id", prefix + "-note"), ("name", "note"), ("maxlength", "1000"), ("value", pair.review?.note ?? "")])]),
                    el("button", [("type", "submit")], text: t(.save)),
                ]),
            ])
        }
        let content: [HTMLNode] = [
            el("h1", text: t(.duplicatesTitle)),
            el("p", [("class", "lead")], text: t(.duplicatesIntro)),
            ServicePlanningNav.render(t),
            el("p", [], [el("a", [("href", ServiceRoute.duplicatesCSV.path)], text: t(.downloadCSV))]),
            el("p", [("class", "result-count"), ("role", "status")], text: "\(pairs.count) \(t(.pairsFound))"),
            pairs.isEmpty ? el("p", [("class", "empty-state")], text: t(.noDuplicates)) : el("ol", [("class", "duplicates")], items),
        ]
        return Layout(title: t(.duplicatesTitle), context: context).render(content)
    }
}
