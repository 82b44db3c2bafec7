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
}
