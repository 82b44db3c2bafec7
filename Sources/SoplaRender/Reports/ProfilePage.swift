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
        var facts: [HTMLNode] = [el("dt", text: t(.officialKey)), el("dd", [], [el("code", text: unit.key)])]
        if let population = unit.latestPopulation {
            facts += [el("dt", text: "\(t(.populationAsOf)) \(Format.day(population.referenceDate, language))"), el("dd", text: Format.integer(population.count, language))]
        }
        if unit.areaHectares != nil {
            facts += [el("dt", text: t(.columnArea)), el("dd", text: UnitFigures.area(unit, language)), el("dt", text: t(.columnDensity)), el("dd", text: UnitFigures.density(unit, language))]
        }
        var nodes: [HTMLNode] = [
            el("h1", text: title(unit, t)),
            el("p", [("class", "lead")], text: t(.profileIntro).replacingOccurrences(of: "{d}", with: DateText.dateTime(model.builtAt, language))),
            el("dl", [("class", "facts")], facts),
        ]
        let (areas, breaks) = UnitFigures.densityAreas(model.unit.mapUnits, boundaries: model.unit.mapBoundaries, language: language)
        if !areas.isEmpty {
            nodes.append(el("section", [("aria-labelledby", "lage")], [
                el("h2", [("id", "lage")], text: t(.locationMapTitle)),
                el("figure", [("class", "map-figure")], [SVGMap(id: "lagekarte", title: t(.locationMapTitle) + ": " + unit.name, areas: areas, highlightKey: unit.key).render(),
                                                         UnitFigures.legend(breaks: breaks, language: language)]),
            ]))
        }
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

    public static func render(_ model: Model, context: PageContext, pdfLink: String) -> String {
        Layout(title: Texts(context.language)(.profileTitle) + ": " + model.unit.unit.name, context: context, showsGeometry: true)
            .render(body(model, language: context.language, pdfLink: pdfLink))
    }
}
