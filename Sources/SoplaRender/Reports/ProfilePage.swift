import Foundation
import SoplaCore

/// The municipality profile (Gemeindesteckbrief): key facts, key indicators against the county, position on the
/// map, population development, services in the area and the coverage there — as a page and as a printable document.
public enum MunicipalityProfilePage {
    public struct Model: Sendable {
        public let unit: UnitPage.Model
        public let services: [(name: String, category: String, provider: String)]
        public let coverage: [(category: String, ratio: Double?, gap: Double)]
        public let builtAt: Date
        /// Where the coverage is measured when not in the unit itself (a planning area: its municipality).
        public let coverageArea: String?
        /// The map "Lage im Kreis": the units around the unit (a municipality among the county's, a planning area among its
        /// municipality's), and the unit's own sub-units drawn as outlines inside it.
        public var contextUnits: [SpatialUnit] = []
        public var outlineUnits: [SpatialUnit] = []

        public init(unit: UnitPage.Model, services: [(name: String, category: String, provider: String)], coverage: [(category: String, ratio: Double?, gap: Double)], builtAt: Date,
                    coverageArea: String? = nil) {
            self.unit = unit
            self.services = services
            self.coverage = coverage
            self.builtAt = builtAt
            self.coverageArea = coverageArea
        }
    }

    /// "Gemeindesteckbrief: Stadt Wetzlar", "Gebietssteckbrief: Planungsraum Altstadt".
    public static func title(_ unit: SpatialUnit, _ t: Texts) -> String {
        (unit.levelCode == SpatialLevel.planningArea.code ? t(.areaProfileTitle) : t(.municipalityProfileTitle)) + ": " + unit.kind + " " + unit.name
    }

    public static func body(_ model: Model, language: Language, pdfLink: String?) -> [HTMLNode] {
        let t = Texts(language)
        let unit = model.unit.unit
        let isPlanningArea = unit.levelCode == SpatialLevel.planningArea.code
        // Only a municipality's eight digits are its official key (AGS); a planning area's key is a local one.
        let keyLabel = unit.levelCode == SpatialLevel.municipality.code && unit.key.count == 8 ? t(.officialKey) : t(.profileKeyLabel)
        var facts: [HTMLNode] = [el("dt", text: keyLabel), el("dd", [], [el("code", text: unit.key)])]
        if isPlanningArea {
            facts += [el("dt", text: t(.profileLevelLabel)), el("dd", text: UnitFigures.levelName(unit.levelCode, catalogue: model.unit.catalogue, language))]
            if let parent = model.unit.parent { facts += [el("dt", text: t(.parent)), el("dd", text: parent.kind + " " + parent.name)] }
        }
        if let population = unit.latestPopulation {
            facts += [el("dt", text: "\(t(.populationAsOf)) \(Format.day(population.referenceDate, language))"), el("dd", text: Format.integer(population.count, language))]
        }
        if unit.areaHectares != nil {
            facts += [el("dt", text: t(.columnArea)), el("dd", text: UnitFigures.area(unit, language)), el("dt", text: t(.columnDensity)), el("dd", text: UnitFigures.density(unit, language))]
        }
        var nodes: [HTMLNode] = [
            el("h1", text: title(unit, t)),
            el("p", [("class", "lead")], text: t(.profileIntro).replacingOccurrences(of: "{d}", with: DateText.dateTime(model.builtAt, language))),
        ]
        let contextUnits = !model.contextUnits.isEmpty ? model.contextUnits : !model.unit.contextUnits.isEmpty ? model.unit.contextUnits : model.unit.mapUnits
        var (areas, breaks) = UnitFigures.densityAreas(contextUnits, boundaries: model.unit.mapBoundaries, language: language)
        let outlines = UnitFigures.outlineAreas(model.outlineUnits.isEmpty ? model.unit.outlineUnits : model.outlineUnits, boundaries: model.unit.mapBoundaries,
                                                catalogue: model.unit.catalogue, language: language)
        areas += outlines
        // A planning area is shown among its municipality's planning areas.
        let mapTitle = isPlanningArea ? t(.profileMapTitleArea) : t(.locationMapTitle)
        let overview = el("div", [("class", "profile-overview")], [
            el("dl", [("class", "facts")], facts),
            areas.isEmpty ? .empty : el("section", [("aria-labelledby", "lage"), ("class", "profile-map")], [
                el("h2", [("id", "lage")], text: mapTitle),
                el("figure", [("class", "map-figure")], [
                    SVGMap(id: "lagekarte", title: mapTitle + ": " + unit.name, areas: areas, highlightKey: unit.key).render(),
                    el("figcaption", text: (isPlanningArea ? t(.profileMapCaptionArea) : t(.profileMapCaptionCounty))
                        .replacingOccurrences(of: "{name}", with: unit.name).replacingOccurrences(of: "{parent}", with: model.unit.parent?.name ?? "")),
                    UnitFigures.legend(breaks: breaks, language: language),
                    outlines.isEmpty ? .empty : UnitFigures.outlineLegend(language),
                ]),
            ]),
        ])
        nodes.append(overview)
        nodes.append(IndicatorProfile.render(model.unit.profile, parentName: model.unit.profileParentName, language: language))
        nodes.append(UnitPage.populationSection(model.unit, language: language))
        nodes.append(el("section", [("aria-labelledby", "angebote")], [
            el("h2", [("id", "angebote")], text: t(.profileServices)),
            model.services.isEmpty ? el("p", [("class", "empty-state")], text: t(.profileNoServices)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.profileServices)),
                el("thead", [], [el("tr", [], [t(.profileService), t(.profileCategory), t(.profileProvider)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], model.services.map { s in el("tr", [], [el("th", [("scope", "row")], text: s.name), el("td", text: s.category), el("td", text: s.provider)]) }),
            ])]),
            model.coverage.isEmpty ? .empty : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.profileCoverage) + (model.coverageArea.map { " (" + $0 + ")" } ?? "")),
                el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: t(.profileCategory)), el("th", [("scope", "col"), ("class", "num")], text: t(.profileRatio)),
                                               el("th", [("scope", "col"), ("class", "num")], text: t(.profileGap))])]),
                el("tbody", [], model.coverage.map { c in
                    el("tr", [], [el("th", [("scope", "row")], text: c.category),
                                  el("td", [("class", "num")], text: c.ratio.map { Format.decimal($0 * 100, digits: 0, language) + " %" } ?? "–"),
                                  el("td", [("class", "num")], text: Format.decimal(c.gap, digits: 2, language))])
                }),
            ])]),
        ]))
        if let pdfLink { nodes.append(el("p", [("class", "no-print")], [el("a", [("href", pdfLink)], text: t(.profilePDF))])) }
        return nodes
    }

    /// The printed profile: key facts beside the map on the first page, so that a municipality fits on two A4 pages;
    /// the population chart is left out there (its table stays).
    public static let printCSS = """
    .profile-overview { display: flex; flex-direction: row; align-items: flex-start; }
    .profile-overview > dl.facts { flex: 0 0 38%; margin: 0 4mm 0 0; }
    .profile-overview > .profile-map { flex: 1 1 auto; }
    .profile-overview .profile-map h2 { margin-top: 0; }
    .profile-overview .map-figure { margin: 0; }
    .profile-overview .map-figure svg { max-height: 88mm; width: auto; max-width: 100%; }
    .profile-overview figcaption { font-size: 7.5pt; }
    .profile-overview .legend { font-size: 7.5pt; }
    .profile-overview .legend ul { display: block; padding: 0; margin: 1mm 0 0; }
    .profile-overview .legend li, .profile-overview .legend-extra li { display: inline-block; margin-right: 3mm; }
    .profile-overview .legend-extra { list-style: none; padding: 0; margin: 0; font-size: 7.5pt; }
    h1 { font-size: 16pt; margin: 0 0 2mm; }
    h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm; }
    p.lead { font-size: 8.5pt; margin: 0 0 3mm; }
    .chart-figure { display: none; }
    article.report table.data thead th:first-child { width: 36%; }
    article.report table.data { margin-bottom: 1mm; }
    article.report table.data caption { font-size: 8pt; text-align: left; }
    .chart-and-table { display: block; }
    """

    public static func render(_ model: Model, context: PageContext, pdfLink: String) -> String {
        Layout(title: Texts(context.language)(.profileTitle) + ": " + model.unit.unit.name, context: context, showsGeometry: true)
            .render(body(model, language: context.language, pdfLink: pdfLink))
    }
}
