import Foundation
import Testing
@testable import SoplaCore

@Suite("Generated descriptions")
struct FigureDescriptionTests {
    @Test func theExampleOfTheSocialReport() {
        #expect(FigureDescription.sentence(indicator: "SGB-II-Quote der unter 18-Jährigen", gender: .feminine, unitName: "Wetzlar", value: 18.4, reference: 12.1,
                                           unit: "%", decimals: 1, earlier: (2019, 19.7))
            == "Die SGB-II-Quote der unter 18-Jährigen liegt in Wetzlar mit 18,4 % deutlich über dem Kreiswert von 12,1 %; seit 2019 ist sie um 1,3 Prozentpunkte gesunken.")
    }

    /// value, reference → level: under 5 % apart about equal, 5 % to under 20 % slight, from 20 % clear.
    @Test(arguments: [
        (100.0, 100.0, FigureDescription.Level.aboutEqual), (104.9, 100.0, .aboutEqual), (95.1, 100.0, .aboutEqual),
        (105.0, 100.0, .slightlyAbove), (119.9, 100.0, .slightlyAbove), (80.1, 100.0, .slightlyBelow),
        (120.0, 100.0, .clearlyAbove), (80.0, 100.0, .clearlyBelow), (1.0, 0.0, .above), (-1.0, 0.0, .below), (0.0, 0.0, .aboutEqual),
        (-12.0, -10.0, .clearlyBelow),
    ])
    func levels(value: Double, reference: Double, expected: FigureDescription.Level) {
        #expect(FigureDescription.level(value, reference: reference) == expected)
    }

    @Test func genderUnitsAndUnchanged() {
        #expect(FigureDescription.sentence(indicator: "Arbeitslosenanteil", gender: .masculine, unitName: "Haiger", value: 5.1, reference: 5.0, unit: "%", decimals: 1,
                                           earlier: (2020, 5.1))
            == "Der Arbeitslosenanteil liegt in Haiger mit 5,1 % etwa auf dem Niveau des Kreiswerts von 5,0 %; seit 2020 ist er nahezu unverändert.")
        #expect(FigureDescription.sentence(indicator: "Betreuungsangebot", gender: .neuter, unitName: "Sinn", value: 1234, reference: 1100, unit: "Plätze", decimals: 0,
                                           earlier: (2018, 1200))
            == "Das Betreuungsangebot liegt in Sinn mit 1.234 Plätze leicht über dem Kreiswert von 1.100 Plätze; seit 2018 ist es um 34 Plätze gestiegen.")
        #expect(FigureDescription.sentence(indicator: "Quote", gender: .feminine, unitName: "Aßlar", value: 9.0, reference: 10.0, unit: "%", decimals: 1, earlier: (2021, 10.0))
            == "Die Quote liegt in Aßlar mit 9,0 % leicht unter dem Kreiswert von 10,0 %; seit 2021 ist sie um 1,0 Prozentpunkte gesunken.")
        #expect(FigureDescription.gender(ofName: "SGB-II-Quote der unter 18-Jährigen") == .feminine)
        #expect(FigureDescription.gender(ofName: "Arbeitslosenanteil (Beispiel)") == .masculine)
        #expect(FigureDescription.gender(ofName: "Bevölkerungsdichte") == .feminine)
        #expect(FigureDescription.gender(ofName: "Betreuungsplätze je 100 Kinder unter 3") == nil)
        #expect(FigureDescription.subject("Betreuungsplätze je 100 Kinder unter 3").text == "Wert „Betreuungsplätze je 100 Kinder unter 3“")
        #expect(FigureDescription.number(-0.04, decimals: 1) == "0,0" && FigureDescription.number(-1234567.891, decimals: 2) == "−1.234.567,89")
    }

    @Test func englishByTheSameRules() {
        #expect(FigureDescription.sentenceEN(indicator: "SGB II rate of under-18s", unitName: "Wetzlar", value: 18.4, reference: 12.1, unit: "%", decimals: 1,
                                             earlier: (2019, 19.7))
            == "The SGB II rate of under-18s in Wetzlar is 18.4 %, clearly above the county value of 12.1 %; since 2019 it has fallen by 1.3 percentage points.")
        #expect(FigureDescription.sentenceEN(indicator: "childcare offer", unitName: "Sinn", value: 1234, reference: 1100, unit: "places", decimals: 0, earlier: (2018, 1234))
            == "The childcare offer in Sinn is 1,234 places, slightly above the county value of 1,100 places; since 2018 it has remained almost unchanged.")
        #expect(FigureDescription.sentenceEN(indicator: "rate", unitName: "Aßlar", value: 10.2, reference: 10, unit: "%", decimals: 1)
            == "The rate in Aßlar is 10.2 %, about the same as the county value of 10.0 %.")
        #expect(FigureDescription.numberEN(-1234567.891, decimals: 2) == "−1,234,567.89")
    }
}
