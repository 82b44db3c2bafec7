import Foundation
import SoplaCore
import Testing
@testable import SoplaRender

/// Round axis ticks, the words for missing values, and maps whose points and classes are named.
@Suite("Charts and maps: ticks, words, legends")
struct ChartAndMapWordsTests {
    @Test func axisTicksAreRoundNumbers() {
        #expect(LineChart.niceTicks(low: 0, high: 14.2) == [0, 5, 10, 15])
        #expect(LineChart.niceTicks(low: 0, high: 12.8) == [0, 5, 10, 15])
        #expect(LineChart.niceTicks(low: 0, high: 53_116) == [0, 20_000, 40_000, 60_000])
        #expect(LineChart.niceTicks(low: 0, high: 2.9) == [0, 1, 2, 3])
        #expect(LineChart.niceTicks(low: 0, high: 1234) == [0, 250, 500, 750, 1000, 1250])
        #expect(LineChart.niceTicks(low: -3.2, high: 4.1) == [-4, -2, 0, 2, 4, 6])
        #expect(LineChart.niceTicks(low: 0, high: 0.37) == [0, 0.1, 0.2, 0.3, 0.4])
        #expect(LineChart.niceTicks(low: 0, high: 100) == [0, 20, 40, 60, 80, 100])
        #expect(LineChart.niceTicks(low: 0, high: 0) == [0, 1])
        #expect(LineChart.niceTicks(low: .nan, high: 3) == [])
        #expect(LineChart.niceStep(0.3) == 0.5 && LineChart.niceStep(2.1) == 2.5 && LineChart.niceStep(2.6) == 5 && LineChart.niceStep(7) == 10)
        #expect(LineChart.decimals(of: [0, 5, 10]) == 0 && LineChart.decimals(of: [0, 0.5, 1]) == 1 && LineChart.decimals(of: [0, 0.25, 0.5]) == 2)
    }

    @Test func theChartLabelsItsAxisWithTheTicks() {
        let chart = LineChart(title: "Quote", series: [.init(name: "Wetzlar", points: [(Day(year: 2023, month: 12, day: 31)!, 12.1), (Day(year: 2024, month: 12, day: 31)!, 14.2)])],
                              language: .de, decimals: 1).render().render()
        for label in [">0</text>", ">5</text>", ">10</text>", ">15</text>"] { #expect(chart.contains(label), "\(label)") }
        #expect(!chart.contains(">15,6</text>") && !chart.contains(">3,9</text>"))
    }

    @Test func missingValuesSaySuppressedOrNoValue() {
        let t = Texts(.de)
        #expect(IndicatorPage.missingValueText(suppressed: true, t) == "geheim gehalten")
        #expect(IndicatorPage.missingValueText(suppressed: false, t) == "kein Wert")
        #expect(IndicatorPage.missingValueText(suppressed: false, Texts(.en)) == "no value")
        #expect(t(.mapLegendNoValue) == "kein Wert")
    }

    static let square = MultiPolygon(polygons: [Polygon(rings: [[Position(lon: 8, lat: 50), Position(lon: 8.1, lat: 50), Position(lon: 8.1, lat: 50.1), Position(lon: 8, lat: 50)]])])
    static let wetzlar = SpatialUnit(key: "06532023", name: "Wetzlar", kind: "Stadt", levelCode: "municipality", parentKey: "06532")

    @Test func mapPointsHaveNamesLinksAndATable() {
        let points = [SVGMap.Point(position: Position(lon: 8.05, lat: 50.05), label: "Suchtberatung Wetzlar", link: "/angebote/1"),
                      SVGMap.Point(position: Position(lon: 8.02, lat: 50.02), label: "Beratung ohne Seite", link: nil)]
        let map = SVGMap(id: "m", title: "Karte", areas: [SVGMap.Area(unit: Self.wetzlar, geometry: Self.square, colourClass: 1, accessibleLabel: "Wetzlar")],
                         points: points).render().render()
        #expect(map.contains("<a href=\"/angebote/1\" aria-label=\"Suchtberatung Wetzlar\"><circle"))
        #expect(map.contains("role=\"img\" aria-label=\"Beratung ohne Seite\"><title>Beratung ohne Seite</title></circle>"))
        let table = SVGMap.pointsTable(points, caption: "Orte", language: .de).render()
        #expect(table.contains("<caption>Orte</caption>"))
        #expect(table.contains("<th scope=\"row\">Beratung ohne Seite</th><td>8,02000; 50,02000</td>"))
        #expect(table.contains("<th scope=\"row\"><a href=\"/angebote/1\">Suchtberatung Wetzlar</a></th><td>8,05000; 50,05000</td>"))
        #expect(SVGMap.pointsTable([], caption: "Orte", language: .de).render().isEmpty)
    }

    @Test func coverageAndDistanceMapsHaveLegends() {
        let coverage = CoveragePage.coverageLegend(Texts(.de)).render()
        #expect(coverage.contains("<p class=\"legend-title\">Versorgungsgrad</p>"))
        #expect(coverage.contains("<span class=\"swatch c6\" aria-hidden=\"true\"></span>unter 50 %"))
        #expect(coverage.contains("<span class=\"swatch c0\" aria-hidden=\"true\"></span>100 % und mehr (gedeckt)"))
        #expect(coverage.contains("<span class=\"swatch no-value\" aria-hidden=\"true\"></span>kein Wert"))
        let distance = CoveragePage.distanceLegend(Texts(.de), points: true).render()
        #expect(distance.contains("<span class=\"swatch c0\" aria-hidden=\"true\"></span>bis 5 km"))
        #expect(distance.contains("<span class=\"swatch c6\" aria-hidden=\"true\"></span>über 20 km"))
        #expect(distance.contains("Standort eines Angebots"))
        #expect(!CoveragePage.distanceLegend(Texts(.de), points: false).render().contains("Standort eines Angebots"))
        #expect(CoveragePage.coverageClass(0.49) == 6 && CoveragePage.distanceClass(20.5) == 6)
    }

    @Test func outlinedAreasAreDrawnOverTheFilledOnesWithoutLabels() {
        let area = SpatialUnit(key: "06532023-1", name: "Altstadt", kind: "Planungsraum", levelCode: "planning-area", parentKey: "06532023")
        var outline = SVGMap.Area(unit: area, geometry: Self.square, colourClass: nil, accessibleLabel: "Planungsraum Altstadt")
        outline.outline = true
        let map = SVGMap(id: "m", title: "Karte", areas: [SVGMap.Area(unit: Self.wetzlar, geometry: Self.square, colourClass: 2, accessibleLabel: "Wetzlar"), outline],
                         highlightKey: "06532023").render().render()
        #expect(map.contains("<g class=\"outlines\"><a href=\"/gebiete/06532023-1\" aria-label=\"Planungsraum Altstadt\"><path class=\"area outline\""))
        #expect(map.contains(">Wetzlar</text>") && !map.contains(">Altstadt</text>"))
        #expect(map.contains("class=\"area c2 highlight\""))
    }

    @Test func importProblemsOfPlanningAreasAreSaidInGerman() {
        #expect(PlanningAreaManagePage.reason("duplicate key: feature 0 has the same key", .de) == "Doppelter Schlüssel: ein früheres Objekt hat denselben.")
        #expect(PlanningAreaManagePage.reason("position [456000.0, 5600000.0] is outside WGS84 (longitude −180…180, latitude −90…90); the file must use lon/lat", .de)
                == "Eine Position liegt außerhalb von WGS84 (Länge −180 bis 180, Breite −90 bis 90): Die Datei muss Länge und Breite (EPSG:4326) enthalten.")
        #expect(PlanningAreaManagePage.reason(SpatialKeyError.badLocalCode(key: "06532023-Nord Ost").description, .de)
                == "Ein Planungsraum-Schlüssel ist der achtstellige Gemeindeschlüssel, ein Bindestrich und 1–12 Buchstaben oder Ziffern, z. B. 06532023-1.")
        #expect(PlanningAreaManagePage.reason("duplicate key: feature 0 has the same key", .en) == "duplicate key: feature 0 has the same key")
        #expect(PlanningAreaManagePage.reason("something new", .de) == "something new")
    }
}
