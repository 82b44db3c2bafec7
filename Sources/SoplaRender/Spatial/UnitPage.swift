import Foundation
import SoplaCore

/// One spatial unit: key facts, population over time, parent and children, boundary history.
public enum UnitPage {
    public struct Model: Sendable {
        public let unit: SpatialUnit
        public let parent: SpatialUnit?
        public let children: [SpatialUnit]
        public let history: [BoundaryVersion]
        /// Units to show on the map with their current boundary: the unit's children, or its siblings.
        public let mapUnits: [SpatialUnit]
        public let mapBoundaries: [String: BoundaryVersion]
        public let catalogue: SpatialLevelCatalogue
        /// Whether the population figures are sums of the children rather than own figures.
        public let populationIsAggregated: Bool
        /// The level of sub-units the viewer may create here by hand (planning areas), or nil.
        public let creatableChildLevel: SpatialLevel?
        /// The indicator profile (Gemeindesteckbrief) and the name of the parent it compares with.
        public var profile: [IndicatorProfile.Line] = []
        public var profileParentName: String?
        /// Where a planner edits or retires this unit (a planning area), or nil.
        public var editLink: String?
        /// A municipality with planning areas: the county's municipalities for "Lage im Kreis", its planning areas as outlines.
        public var contextUnits: [SpatialUnit] = []
        public var outlineUnits: [SpatialUnit] = []
        /// Children whose every Gebietsstand has ended (retired planning areas), with the first day without one.
        public var retiredChildren: [String: Day] = [:]

        public init(unit: SpatialUnit, parent: SpatialUnit?, children: [SpatialUnit], history: [BoundaryVersion],
                    mapUnits: [SpatialUnit], mapBoundaries: [String: BoundaryVersion], catalogue: SpatialLevelCatalogue,
                    populationIsAggregated: Bool, creatableChildLevel: SpatialLevel? = nil) {
            self.creatableChildLevel = creatableChildLevel
            self.unit = unit
            self.parent = parent
            self.children = children
            self.history = history
            self.mapUnits = mapUnits
            self.mapBoundaries = mapBoundaries
            self.catalogue = catalogue
            self.populationIsAggregated = populationIsAggregated
        }
    }

    public static func render(_ model: Model, language: Language, path: String, account: AccountBar? = nil, notice: Notice? = nil) -> String {
        let t = Texts(language)
        let unit = model.unit
        var facts: [HTMLNode] = [
            el("dt", text: unit.key.count == 8 ? t(.officialKey) : t(.columnKey)), el("dd", [], [el("code", text: unit.key)]),
        ]
        if let ars = unit.ars { facts += [el("dt", text: t(.regionalKey)), el("dd", [], [el("code", text: ars)])] }
        facts += [
            el("dt", text: t(.kind)), el("dd", text: unit.kind),
            el("dt", text: t(.level)), el("dd", text: UnitFigures.levelName(unit.levelCode, catalogue: model.catalogue, language)),
        ]
        if let parent = model.parent {
            facts += [el("dt", text: t(.parent)), el("dd", [], [UnitFigures.link(parent)])]
        }
        if let population = unit.latestPopulation {
            facts += [el("dt", text: "\(t(.populationAsOf)) \(Format.day(population.referenceDate, language))"),
                      el("dd", text: Format.integer(population.count, language))]
        }
        if unit.areaHectares != nil {
            facts += [el("dt", text: t(.columnArea)), el("dd", text: UnitFigures.area(unit, language))]
            facts += [el("dt", text: t(.columnDensity)), el("dd", text: UnitFigures.density(unit, language))]
        }
        // Retired: every Gebietsstand has ended (the history keeps them).
        if let last = model.history.last, let end = last.validTo, model.history.allSatisfy({ $0.validTo != nil }) {
            let from = Day(end.startDate.addingTimeInterval(86_400))
            facts += [el("dt", text: t(.areasStatusColumn)), el("dd", text: t(.areasRetiredOn).replacingOccurrences(of: "{d}", with: Format.day(from, language)))]
        }
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [
                el("a", [("href", SiteRoute.units().path)], text: t(.navUnits)),
                model.parent.map { parent in .group([txt(" › "), UnitFigures.link(parent)]) } ?? .empty,
            ]),
            el("h1", text: "\(unit.kind) \(unit.name)"),
            notice?.node ?? .empty,
            el("section", [("aria-labelledby", "eckdaten")], [
                el("h2", [("id", "eckdaten")], text: t(.keyFacts)),
                el("dl", [("class", "facts")], facts),
                unit.levelCode == SpatialLevel.municipality.code || unit.levelCode == SpatialLevel.planningArea.code
                    ? el("p", [], [el("a", [("href", SiteRoute.Pattern.unitProfile(unit.key))], text: t(.municipalityProfileTitle))]) : .empty,
                model.editLink.map { el("p", [], [el("a", [("href", $0), ("class", "button")], text: t(.areasEditLink))]) } ?? .empty,
            ]),
            populationSection(model, language: language),
            IndicatorProfile.render(model.profile, parentName: model.profileParentName, language: language),
        ]
        let shown = model.contextUnits.isEmpty ? model.mapUnits : model.contextUnits
        var (areas, breaks) = UnitFigures.densityAreas(shown, boundaries: model.mapBoundaries, language: language)
        let outlines = model.contextUnits.isEmpty ? [] : UnitFigures.outlineAreas(model.outlineUnits, boundaries: model.mapBoundaries, catalogue: model.catalogue, language: language)
        areas += outlines
        if !areas.isEmpty {
            let highlight = shown.contains { $0.key == unit.key } ? unit.key : nil
            let mapTitle = highlight == nil ? t(.childrenMapTitle) : t(.locationMapTitle)
            content.append(el("section", [("aria-labelledby", "lage")], [
                el("h2", [("id", "lage")], text: mapTitle),
                el("figure", [("class", "map-figure")], [
                    SVGMap(id: "lagekarte", title: "\(mapTitle): \(unit.name)", areas: areas, highlightKey: highlight).render(),
                    UnitFigures.legend(breaks: breaks, language: language),
                    outlines.isEmpty ? .empty : UnitFigures.outlineLegend(language),
                ]),
            ]))
        }
        content.append(childrenSection(model, language: language))
        content.append(historySection(model, language: language))
        return Layout(title: unit.name, language: language, currentPath: path, showsGeometry: !areas.isEmpty, account: account).render(content)
    }

    public static func populationSection(_ model: Model, language: Language) -> HTMLNode {
        let t = Texts(language)
        let figures = model.unit.populations.sorted { $0.referenceDate < $1.referenceDate }
        guard !figures.isEmpty else {
            return el("section", [("aria-labelledby", "einwohner")], [
                el("h2", [("id", "einwohner")], text: t(.populationOverTime)),
                el("p", [("class", "empty-state")], text: t(.noPopulation)),
            ])
        }
        let chart = BarChart(title: t(.populationChartTitle), bars: figures.map {
            BarChart.Bar(label: Format.day($0.referenceDate, language), value: $0.count, valueText: Format.integer($0.count, language))
        })
        var rows: [HTMLNode] = []
        for (index, figure) in figures.enumerated() {
            let change = index == 0 ? "–" : signed(figure.count - figures[index - 1].count, language)
            rows.append(el("tr", [], [
                el("th", [("scope", "row")], [el("time", [("datetime", figure.referenceDate.iso)], text: Format.day(figure.referenceDate, language))]),
                el("td", [("class", "num")], text: Format.integer(figure.count, language)),
                el("td", [("class", "num")], text: change),
                el("td", text: model.populationIsAggregated ? t(.aggregatedFromChildren) : figure.source),
            ]))
        }
        return el("section", [("aria-labelledby", "einwohner")], [
            el("h2", [("id", "einwohner")], text: t(.populationOverTime)),
            el("div", [("class", "chart-and-table")], [
                el("figure", [("class", "chart-figure")], [chart.render()]),
                el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                    el("caption", text: t(.populationTableCaption)),
                    el("thead", [], [el("tr", [], [
                        el("th", [("scope", "col")], text: t(.columnReferenceDate)),
                        el("th", [("scope", "col"), ("class", "num")], text: t(.columnPopulation)),
                        el("th", [("scope", "col"), ("class", "num")], text: t(.columnChange)),
                        el("th", [("scope", "col")], text: t(.columnSource)),
                    ])]),
                    el("tbody", [], rows),
                ])]),
            ]),
            download(.unitPopulationCSV(key: model.unit.key), language),
        ])
    }

    static func download(_ route: SiteRoute, _ language: Language) -> HTMLNode {
        el("p", [("class", "downloads")], [el("a", [("href", route.path), ("download", "")], text: Texts(language)(.downloadCSV))])
    }

    static func signed(_ value: Int, _ language: Language) -> String {
        value > 0 ? "+" + Format.integer(value, language) : Format.integer(value, language)
    }

    static func childrenSection(_ model: Model, language: Language) -> HTMLNode {
        let t = Texts(language)
        let create: HTMLNode = model.creatableChildLevel.map { level in
            el("p", [], [el("a", [("href", SiteRoute.newChildUnit(parentKey: model.unit.key).path), ("class", "button")],
                            text: t(.newChildArea).replacingOccurrences(of: "{level}", with: language == .de ? level.nameDE : level.nameEN)),
                         txt(" "), el("a", [("href", PlanningAreaRoute.Pattern.manage(model.unit.key))], text: t(.areasManageLink))])
        } ?? .empty
        guard !model.children.isEmpty else {
            return el("section", [("aria-labelledby", "untergliederung")], [
                el("h2", [("id", "untergliederung")], text: t(.children)),
                el("p", [("class", "empty-state")], text: t(.noChildren)),
                create,
            ])
        }
        return el("section", [("aria-labelledby", "untergliederung")], [
            el("h2", [("id", "untergliederung")], text: t(.children)),
            create,
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: "\(t(.children)): \(model.unit.name)"),
                el("thead", [], [el("tr", [], [
                    el("th", [("scope", "col")], text: t(.columnKey)),
                    el("th", [("scope", "col")], text: t(.columnName)),
                    el("th", [("scope", "col")], text: t(.columnKind)),
                    el("th", [("scope", "col"), ("class", "num")], text: t(.columnPopulation)),
                    el("th", [("scope", "col"), ("class", "num")], text: t(.columnArea)),
                ])]),
                el("tbody", [], model.children.map { child in
                    el("tr", [], [
                        el("td", [], [el("code", text: child.key)]),
                        el("th", [("scope", "row")], [UnitFigures.link(child), model.retiredChildren[child.key].map { day in
                            txt(" (" + t(.areasRetiredOn).replacingOccurrences(of: "{d}", with: Format.day(day, language)) + ")")
                        } ?? .empty]),
                        el("td", text: child.kind),
                        el("td", [("class", "num")], text: UnitFigures.population(child, language)),
                        el("td", [("class", "num")], text: UnitFigures.area(child, language)),
                    ])
                }),
            ])]),
            download(.unitsCSV(UnitListParameters(parent: model.unit.key)), language),
        ])
    }

    static func historySection(_ model: Model, language: Language) -> HTMLNode {
        let t = Texts(language)
        guard !model.history.isEmpty else { return .empty }
        return el("section", [("aria-labelledby", "gebietsstaende")], [
            el("h2", [("id", "gebietsstaende")], text: t(.boundaryHistory)),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.boundaryHistoryCaption)),
                el("thead", [], [el("tr", [], [
                    el("th", [("scope", "col")], text: t(.columnValidFrom)),
                    el("th", [("scope", "col")], text: t(.columnValidTo)),
                ])]),
                el("tbody", [], model.history.reversed().map { version in
                    el("tr", [], [
                        el("td", [], [el("time", [("datetime", version.validFrom.iso)], text: Format.day(version.validFrom, language))]),
                        el("td", text: version.validTo.map { Format.day($0, language) } ?? "\(t(.stillValid)) (\(t(.currentStatus)))"),
                    ])
                }),
            ])]),
            download(.unitHistoryCSV(key: model.unit.key), language),
        ])
    }
}
