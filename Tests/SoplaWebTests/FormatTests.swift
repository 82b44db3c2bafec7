import Foundation
import SoplaCore
import Testing
@testable import SoplaRender

@Suite("Numbers as readers expect them")
struct FormatTests {
    @Test func decimalsKeepTheirSign() {
        #expect(Format.decimal(-0.5, digits: 1, .de) == "−0,5")
        #expect(Format.decimal(-0.04, digits: 1, .de) == "0,0")
        #expect(Format.decimal(-1234.567, digits: 2, .de) == "−1.234,57")
        #expect(Format.decimal(1234.5, digits: 1, .en) == "1,234.5")
        #expect(Format.decimal(-2.6, digits: 0, .de) == "−3")
    }

    @Test func money() {
        #expect(Format.money(Money(cents: 123_456), .de) == "1.234,56\u{00A0}€")
        #expect(Format.money(Money(cents: -5), .de) == "−0,05\u{00A0}€")
        #expect(Format.money(Money(cents: 100), .en) == "€1.00")
    }

    /// WeasyPrint draws inline SVG without the page's stylesheet: the colours must stand on the elements themselves.
    @Test func mapsAndChartsCarryTheirColoursForThePDF() {
        let square = MultiPolygon(polygons: [Polygon(rings: [[Position(lon: 8, lat: 50), Position(lon: 8.1, lat: 50), Position(lon: 8.1, lat: 50.1), Position(lon: 8, lat: 50)]])])
        let unit = SpatialUnit(key: "06532023", name: "Wetzlar", kind: "Stadt", levelCode: "municipality", parentKey: "06532")
        let map = SVGMap(id: "m", title: "Karte", areas: [SVGMap.Area(unit: unit, geometry: square, colourClass: 2, accessibleLabel: "Wetzlar: 3")]).render().render()
        #expect(map.contains("class=\"area c2\"") && map.contains("fill=\"#9cc3e2\""))
        let empty = SVGMap(id: "m", title: "Karte", areas: [SVGMap.Area(unit: unit, geometry: square, colourClass: nil, accessibleLabel: "Wetzlar")]).render().render()
        #expect(empty.contains("fill=\"#f2f2f2\""))
        #expect(BarChart(title: "B", bars: [.init(label: "Wetzlar", value: 300, valueText: "3,0")]).render().render().contains("fill=\"#0b5394\""))
        let line = LineChart(title: "L", series: [.init(name: "Wetzlar", points: [(Day(year: 2024, month: 12, day: 31)!, 3), (Day(year: 2025, month: 12, day: 31)!, 4)])],
                             language: .de, decimals: 1).render().render()
        #expect(line.contains("stroke=\"#0b5394\""))
    }
}
