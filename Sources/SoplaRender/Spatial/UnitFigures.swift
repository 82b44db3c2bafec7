import Foundation
import SoplaCore

/// Shared pieces of spatial pages.
enum UnitFigures {
    static func population(_ unit: SpatialUnit, _ language: Language) -> String {
        unit.latestPopulation.map { Format.integer($0.count, language) } ?? "–"
    }

    static func area(_ unit: SpatialUnit, _ language: Language) -> String {
        unit.areaHectares.map { Format.hundredths($0, language) } ?? "–"
    }

    static func density(_ unit: SpatialUnit, _ language: Language) -> String {
        SpatialUnitListing.density(unit).map { Format.decimal($0, digits: 0, language) } ?? "–"
    }

    static func levelName(_ code: String, catalogue: SpatialLevelCatalogue, _ language: Language) -> String {
        guard let level = catalogue.level(code: code) else { return code }
        return language == .de ? level.nameDE : level.nameEN
    }

    static func link(_ unit: SpatialUnit) -> HTMLNode {
        el("a", [("href", SiteRoute.unit(key: unit.key).path)], text: unit.name)
    }

    /// Map areas coloured by density in five quantile classes.
    static func densityAreas(_ units: [SpatialUnit], boundaries: [String: BoundaryVersion], language: Language) -> ([SVGMap.Area], [Double]) {
        let densities = units.compactMap(SpatialUnitListing.density)
        let breaks = SVGMap.quantileBreaks(densities, classes: 5)
        let t = Texts(language)
        let areas = units.compactMap { unit -> SVGMap.Area? in
            guard let boundary = boundaries[unit.key] else { return nil }
            let density = SpatialUnitListing.density(unit)
            var label = unit.name
            if let population = unit.latestPopulation {
                label += ", " + Format.integer(population.count, language) + " " + t(.columnPopulation)
            }
            return SVGMap.Area(
                unit: unit, geometry: boundary.geometry,
                colourClass: density.map { SVGMap.colourClass(of: $0, breaks: breaks) }, accessibleLabel: label
            )
        }
        return (areas, breaks)
    }

    /// Sub-units drawn as dashed outlines inside their parent (planning areas in a municipality), named by level and name.
    static func outlineAreas(_ units: [SpatialUnit], boundaries: [String: BoundaryVersion], catalogue: SpatialLevelCatalogue, language: Language) -> [SVGMap.Area] {
        units.compactMap { child in
            guard let boundary = boundaries[child.key] else { return nil }
            var area = SVGMap.Area(unit: child, geometry: boundary.geometry, colourClass: nil,
                                   accessibleLabel: levelName(child.levelCode, catalogue: catalogue, language) + " " + child.name)
            area.outline = true
            return area
        }
    }

    /// The legend entry of the dashed outlines.
    static func outlineLegend(_ language: Language) -> HTMLNode {
        el("ul", [("class", "legend-extra")], [
            el("li", [], [el("span", [("class", "swatch outline"), ("aria-hidden", "true")]), txt(Texts(language)(.profileOutlineLegend))]),
        ])
    }

    static func legend(breaks: [Double], language: Language) -> HTMLNode {
        let t = Texts(language)
        guard !breaks.isEmpty else { return .empty }
        var items: [HTMLNode] = []
        for index in 0...breaks.count {
            let text: String
            if index == 0 {
                text = "< " + Format.decimal(breaks[0], digits: 0, language)
            } else if index == breaks.count {
                text = "≥ " + Format.decimal(breaks[index - 1], digits: 0, language)
            } else {
                text = Format.decimal(breaks[index - 1], digits: 0, language) + " – < " + Format.decimal(breaks[index], digits: 0, language)
            }
            items.append(el("li", [], [el("span", [("class", "swatch c\(index)"), ("aria-hidden", "true")]), txt(text)]))
        }
        return el("div", [("class", "legend")], [
            el("p", [("class", "legend-title")], text: t(.mapLegendTitle)),
            el("ul", [], items),
        ])
    }
}
