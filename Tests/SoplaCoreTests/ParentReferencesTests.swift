import Foundation
import Testing
@testable import SoplaCore

@Suite("Reference values of the county's parents")
struct ParentReferencesTests {
    let date = Day(iso: "2024-06-30")!
    let later = Day(iso: "2025-06-30")!
    let run = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    let at = Date(timeIntervalSince1970: 1_764_028_800)
    let female = Breakdown(["sex": "f"])
    let variables = [
        "erw": Variable(code: "erw", nameDE: "Beschäftigte", nameEN: "Employees", unit: "Personen", source: "BA", licence: "dl-de/by-2-0"),
        "euro": Variable(code: "euro", nameDE: "Ausgaben", nameEN: "Spending", unit: "EUR", source: "Kreis", licence: "dl-de/by-2-0", isCount: false),
    ]
    /// Share of women among the employees, per cent.
    let share = Indicator(code: "frauenanteil", nameDE: "Frauenanteil", nameEN: "Share of women", topic: .employment,
                          numerator: [IndicatorTerm(variable: "erw", breakdown: Breakdown(["sex": "f"]))], denominator: [IndicatorTerm(variable: "erw")], factor: 100)

    func value(_ region: String, _ name: String, _ day: Day, _ value: Double?, breakdown: Breakdown = .total, status: ValueStatus = .final,
               variable: String = "erw") -> ReferenceObservation {
        ReferenceObservation(variable: variable, regionKey: region, regionName: name, date: day, breakdown: breakdown, value: value, status: status,
                             importID: run, recordedAt: at)
    }

    @Test func aRateIsTheRegionsNumeratorOverItsDenominatorTheLandFirstGermanyLast() {
        let observations = [
            value("DG", "Deutschland", date, 8000), value("DG", "Deutschland", date, 3000, breakdown: female),
            value("06", "Hessen", date, 2000), value("06", "Hessen", date, 900, breakdown: female, status: .provisional),
            value("06", "Hessen", later, 2500), value("06", "Hessen", later, 1000, breakdown: female),
            // Germany's later total is missing: no value then, never a partial one.
            value("DG", "Deutschland", later, 3100, breakdown: female),
        ]
        let values = ParentReferences.compute(share, observations: observations, variables: variables, minimums: [:])
        #expect(values == [
            ParentReferenceValue(regionKey: "06", regionName: "Hessen", date: date, numerator: 900, denominator: 2000, value: 45, flags: [.provisional], importIDs: [run]),
            ParentReferenceValue(regionKey: "06", regionName: "Hessen", date: later, numerator: 1000, denominator: 2500, value: 40, importIDs: [run]),
            ParentReferenceValue(regionKey: "DG", regionName: "Deutschland", date: date, numerator: 3000, denominator: 8000, value: 37.5, importIDs: [run]),
        ])
    }

    @Test func numeratorTermsAreSummedAndWithoutADenominatorTheFactorApplies() {
        let both = Indicator(code: "summe", nameDE: "Summe", nameEN: "Sum", topic: .employment,
                             numerator: [IndicatorTerm(variable: "erw", breakdown: female), IndicatorTerm(variable: "euro")], factor: 1000)
        let observations = [value("06", "Hessen", date, 900, breakdown: female), value("06", "Hessen", date, 12.5, variable: "euro"),
                            value("06", "Hessen", date, 2000)]
        let values = ParentReferences.compute(both, observations: observations, variables: variables, minimums: [:])
        #expect(values == [ParentReferenceValue(regionKey: "06", regionName: "Hessen", date: date, numerator: 912.5, denominator: nil, value: 912_500, importIDs: [run])])
    }

    @Test func aSecretTermOrAZeroDenominatorGivesNoValue() {
        let observations = [
            value("06", "Hessen", date, nil, breakdown: female, status: .secret), value("06", "Hessen", date, 2000),
            value("DG", "Deutschland", date, 0, breakdown: female, status: .zero), value("DG", "Deutschland", date, 0, status: .zero),
        ]
        #expect(ParentReferences.compute(share, observations: observations, variables: variables, minimums: [:]).isEmpty)
    }

    @Test func aCountBelowItsMinimumMarksTheValueAndTheIndicatorsMinimumCountsOnItsNumerator() {
        let observations = [
            value("06", "Hessen", date, 4, breakdown: female), value("06", "Hessen", date, 2000),
            value("DG", "Deutschland", date, 7, breakdown: female), value("DG", "Deutschland", date, 8000),
        ]
        // The variable's minimum (5 here) hides Hessen's 4 women; Germany's 7 pass.
        let plain = ParentReferences.compute(share, observations: observations, variables: variables, minimums: ["erw": 5])
        #expect(plain.map(\.belowMinimum) == [true, false])
        #expect(plain.map(\.value) == [0.2, 0.0875])
        // An indicator asking for 10 on its numerator hides both.
        var strict = share
        strict.minimumCount = 10
        #expect(ParentReferences.compute(strict, observations: observations, variables: variables, minimums: ["erw": 5]).map(\.belowMinimum) == [true, true])
        // A small denominator count is a small count too; zero is no count to hide.
        let small = [value("06", "Hessen", date, 0, breakdown: female, status: .zero), value("06", "Hessen", date, 2)]
        #expect(ParentReferences.compute(share, observations: small, variables: variables, minimums: [:]).map(\.belowMinimum) == [true])
        let none = [value("06", "Hessen", date, 0, breakdown: female, status: .zero), value("06", "Hessen", date, 3)]
        #expect(ParentReferences.compute(share, observations: none, variables: variables, minimums: [:]).map(\.belowMinimum) == [false])
    }

    @Test func otherVariablesAreIgnoredAndARegionWithoutANameIsNamedByItsKey() {
        let observations = [value("06", "", date, 900, breakdown: female), value("06", "", date, 2000),
                            value("06", "Hessen", date, 5, variable: "andere")]
        let values = ParentReferences.compute(share, observations: observations, variables: variables, minimums: [:])
        #expect(values.map(\.regionName) == ["06"])
        #expect(values.map(\.value) == [45])
    }
}
