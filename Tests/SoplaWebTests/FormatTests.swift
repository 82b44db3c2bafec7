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
        // Labels and values fit inside the picture: "Paritätischer Wohlfahrtsverband, Kreisgruppe" (44 characters) is shortened
        // to 40 with its full name as tooltip, and the longest bar's value "1.234.567,00 €" still ends inside the view box.
        let long = BarChart(title: "B", bars: [.init(label: "Paritätischer Wohlfahrtsverband, Kreisgruppe", value: 1_234_567, valueText: "1.234.567,00 €"),
                                               .init(label: "DRK", value: 10, valueText: "10,00 €")]).render().render()
        // Label column 39 × 7,6 + 1 (the ellipsis) = 40 characters → 314 units; value column 14 × 7,6 + 12 = 118,4; bars 300.
        #expect(long.contains("viewBox=\"0 0 732.4 64.0\""))
        #expect(long.contains("<title>Paritätischer Wohlfahrtsverband, Kreisgruppe</title>Paritätischer Wohlfahrtsverband, Kreisg…"))
        #expect(long.contains("<rect x=\"314.0\" y=\"8.0\" width=\"300.0\""))
        #expect(long.contains("<text x=\"620.0\" y=\"22.0\" class=\"chart-value\" font-size=\"13\">1.234.567,00 €</text>"))
        let line = LineChart(title: "L", series: [.init(name: "Wetzlar", points: [(Day(year: 2024, month: 12, day: 31)!, 3), (Day(year: 2025, month: 12, day: 31)!, 4)])],
                             language: .de, decimals: 1).render().render()
        #expect(line.contains("stroke=\"#0b5394\""))
    }
}
