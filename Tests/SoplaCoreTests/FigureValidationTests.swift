import Foundation
import Testing
@testable import SoplaCore

@Suite("Validation rules and import checks")
struct FigureValidationTests {
    let d2022 = Day(iso: "2022-12-31")!
    let d2023 = Day(iso: "2023-12-31")!
    let hierarchy = SpatialHierarchy([
        (key: "06532", parentKey: nil, level: "county"),
        (key: "06532001", parentKey: "06532", level: "municipality"),
        (key: "06532002", parentKey: "06532", level: "municipality"),
    ])

    @Test func childrenSumWithinToleranceAndChangeAboveThreshold() {
        let observations = ObservationTable([
            Observation("pop", "06532001", d2023, 600), Observation("pop", "06532002", d2023, 400), Observation("pop", "06532", d2023, 1004),
            Observation("alo", "06532001", d2022, 100), Observation("alo", "06532001", d2023, 121), Observation("alo", "06532002", d2022, 50),
            Observation("alo", "06532002", d2023, 55),
        ])
        // 1004 against 1000 is 0.4 %: inside a tolerance of 0.5 %, outside one of 0.3 %.
        let loose = ValidationRule(id: UUID(), kind: .childrenSumEqualsParent, target: "pop", threshold: 0.5)
        let strict = ValidationRule(id: UUID(), kind: .childrenSumEqualsParent, target: "pop", threshold: 0.3)
        let change = ValidationRule(id: UUID(), kind: .changeAbove, target: "alo", threshold: 20)
        let findings = FigureValidation.check([loose, strict, change], indicators: [:], observations: observations, hierarchy: hierarchy)
        #expect(findings.map(\.rule.id) == [strict.id, change.id])
        #expect(findings[0].unitKey == "06532" && findings[0].actual == 1004 && findings[0].expected == 1000)
        #expect(abs(findings[0].deviationPercent! - 0.4) < 1e-12)
        // 100 → 121 is +21 % (flagged), 50 → 55 is +10 % (not).
        #expect(findings[1].unitKey == "06532001" && findings[1].actual == 121 && findings[1].expected == 100)
        // Limited to other dates, nothing is checked.
        #expect(FigureValidation.check([change], indicators: [:], observations: observations, hierarchy: hierarchy, dates: [d2022]).isEmpty)
    }

    @Test func numeratorAboveDenominator() {
        let indicator = Indicator(code: "q", nameDE: "Q", nameEN: "Q", topic: .poverty, numerator: [IndicatorTerm(variable: "n")],
                                  denominator: [IndicatorTerm(variable: "d")], factor: 100)
        let observations = ObservationTable([
            Observation("n", "06532001", d2023, 12), Observation("d", "06532001", d2023, 10),
            Observation("n", "06532002", d2023, 5), Observation("d", "06532002", d2023, 10),
        ])
        let rule = ValidationRule(id: UUID(), kind: .numeratorNotAboveDenominator, target: "q")
        let findings = FigureValidation.check([rule], indicators: ["q": indicator], observations: observations, hierarchy: hierarchy)
        // Only the unit's own figures are checked; the county's sums (17 of 20) are fine anyway.
        #expect(findings.map(\.unitKey) == ["06532001"])
        #expect(findings.first?.actual == 12 && findings.first?.expected == 10)
    }

    @Test func importCheckNamesEveryProblemAndSkipsForeignUnitsWhenAsked() {
        let variables = ["alo": Variable(code: "alo", nameDE: "A", nameEN: "A", unit: "P", source: "S", licence: "L"),
                         "euro": Variable(code: "euro", nameDE: "E", nameEN: "E", unit: "EUR", source: "S", licence: "L", isCount: false)]
        func record(_ line: Int, _ variable: String, _ key: String, _ date: Day, _ value: Double?) -> ImportRecord {
            ImportRecord(line: line, column: "value", variable: variable, unitKey: key, date: date, breakdown: .total, value: value, status: .final)
        }
        var check = ObservationImportCheck(variables: variables, unitKeys: ["06532001", "06532002"], earliest: Day(iso: "1900-01-01")!, latest: Day(iso: "2025-11-25")!)
        #expect(check.check(record(2, "alo", "06532001", d2023, 5)) != nil)
        #expect(check.check(record(3, "alo", "06532001", d2023, 6)) == nil)
        #expect(check.check(record(4, "alo", "09162000", d2023, 6)) == nil)
        #expect(check.check(record(5, "wohngeld", "06532001", d2023, 6)) == nil)
        #expect(check.check(record(6, "alo", "06532002", Day(iso: "2026-12-31")!, 6)) == nil)
        #expect(check.check(record(7, "alo", "06532002", d2023, -1)) == nil)
        // Amounts may be negative (a balance) or fractional, counts may not.
        #expect(check.check(record(8, "euro", "06532002", d2023, -1)) != nil)
        #expect(check.check(record(9, "alo", "06532002", d2023, 2.5)) == nil)
        #expect(check.check(record(10, "euro", "06532001", d2023, 2.5)) != nil)
        #expect(check.issues.map(\.reason) == [.duplicate(firstLine: 2), .unknownKey, .unknownVariable,
                                               .dateOutOfRange(earliest: Day(iso: "1900-01-01")!, latest: Day(iso: "2025-11-25")!), .negativeCount, .fractionalCount])
        #expect(check.issues.map(\.line) == [3, 4, 5, 6, 7, 9])
        #expect(check.accepted == 3)
        var lenient = ObservationImportCheck(variables: variables, unitKeys: ["06532001"], earliest: Day(iso: "1900-01-01")!, latest: Day(iso: "2025-11-25")!, skipUnknownUnits: true)
        #expect(lenient.check(record(2, "alo", "09162000", d2023, 6)) == nil)
        #expect(lenient.issues.isEmpty && lenient.skippedUnknownUnits == 1)
    }
}
