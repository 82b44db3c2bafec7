import Foundation
import Testing
@testable import SoplaCore

/// Every number entered or imported has a plausible range; a value outside is refused by field and range, and
/// nothing on the way traps.
@Suite("Plausible ranges")
struct PlausibleTests {
    @Test func messagesNameTheFieldAndTheRange() {
        #expect(Plausible.fte.message == "Vollzeitäquivalente: bitte eine Zahl zwischen 0 und 10.000 angeben.")
        #expect(Plausible.referenceValue.message == "Vergleichswert: bitte eine Zahl zwischen −1.000.000.000 und 1.000.000.000 angeben.")
        #expect(Plausible.money.message == "Betrag: bitte einen Betrag zwischen 0\u{00A0}€ und 1.000.000.000\u{00A0}€ angeben.")
        #expect(Plausible.referenceYear.message == "Jahr des Stichtags: bitte ein Jahr zwischen 1900 und 2100 angeben.")
        #expect(Plausible.places.message == "Plätze: bitte eine ganze Zahl zwischen 0 und 100.000 angeben.")
        #expect(Plausible.votes.message == "Stimmen: bitte eine ganze Zahl zwischen 0 und 10.000 angeben.")
        // Every range is usable: a label in both languages and bounds in order.
        for range in Plausible.allCases {
            #expect(!range.label.isEmpty && !range.labelEN.isEmpty)
            #expect(range.lower < range.upper && range.contains(range.lower) != range.excludesLower && range.contains(range.upper))
        }
    }

    @Test func fieldsWhereZeroMeansNothingSaySo() {
        #expect(Plausible.standardFte.message == "Vollzeitstellen (VZÄ): bitte eine Zahl über 0 bis 10.000 angeben.")
        #expect(!Plausible.standardFte.contains(0.0) && Plausible.standardFte.contains(0.01) && Plausible.fte.contains(0.0))
        #expect(!Plausible.maxDistanceKm.contains(0.0) && !Plausible.areaShare.contains(0.0) && !Plausible.measureWeight.contains(0.0))
        // A criterion weighs at least 1 %: the message and the check agree.
        #expect(Plausible.criterionWeight.message == "Gewicht: bitte eine ganze Zahl zwischen 1 und 100 angeben.")
        #expect(!Plausible.criterionWeight.contains(0) && Plausible.criterionWeight.contains(1))
        // Coordinates lie in Germany.
        #expect(Plausible.latitude.contains(50.55741) && !Plausible.latitude.contains(8.5) && !Plausible.longitude.contains(181.0))
        #expect(Plausible.longitude.message == "Längengrad: bitte eine Zahl zwischen 5,80 und 15,10 angeben.")
    }

    @Test func boundsAreInclusiveAndOnlyFiniteNumbersFit() {
        #expect(Plausible.fte.contains(0.0) && Plausible.fte.contains(10_000.0) && Plausible.fte.contains(1.5))
        #expect(!Plausible.fte.contains(10_000.01) && !Plausible.fte.contains(-0.01))
        #expect(!Plausible.fte.contains(1e300) && !Plausible.fte.contains(Double.nan) && !Plausible.fte.contains(Double.infinity))
        #expect(!Plausible.referenceValue.contains(1e308) && !Plausible.referenceValue.contains(-1e308))
        #expect(Plausible.referenceValue.contains(-1_000_000_000.0) && Plausible.referenceValue.contains(12.8))
        #expect(!Plausible.places.contains(1.5) && Plausible.places.contains(12.0))
        #expect(!Plausible.places.contains(Int.max) && !Plausible.places.contains(Int.min) && Plausible.places.contains(100_000))
        #expect(Plausible.referenceYear.contains(1900) && Plausible.referenceYear.contains(2100) && !Plausible.referenceYear.contains(1899) && !Plausible.referenceYear.contains(2101))
        #expect(Plausible.money.contains(Money(euros: 1_000_000_000)) && !Plausible.money.contains(Money(cents: 100_000_000_001)))
        #expect(!Plausible.money.contains(Money(cents: -1)) && !Plausible.money.contains(Money(cents: Int.max)))
    }

    @Test func numbersAreReadAsPeopleTypeThem() {
        #expect(Plausible.number("1,5") == 1.5)
        #expect(Plausible.number(" 1.5 ") == 1.5)
        #expect(Plausible.number("−2") == -2)
        #expect(Plausible.number("1e308") == 1e308)
        #expect(Plausible.number("-0")?.sign == .plus)
        #expect(Plausible.number("12345678901234567890") == 12_345_678_901_234_567_168)
        for text in ["", "1e309", "-1e309", "nan", "NaN", "inf", "infinity", "0x10", "1.234,5", "zwölf", "1 000", "e", String(repeating: "9", count: 61)] {
            #expect(Plausible.number(text) == nil, "\(text)")
        }
    }

    @Test func parsingNamesTheFieldAndTheProblem() {
        #expect(Plausible.fte.parse("1,5", field: "fte") == .success(1.5))
        #expect(Plausible.fte.parse("1e300", field: "fte") == .failure(ValidationIssue("fte", .outOfRange(.fte))))
        #expect(Plausible.fte.parse("viel", field: "fte") == .failure(ValidationIssue("fte", .unknownValue("viel"))))
        #expect(Plausible.places.parseWhole("12", field: "places") == .success(12))
        #expect(Plausible.places.parseWhole("12,5", field: "places") == .failure(ValidationIssue("places", .outOfRange(.places))))
        #expect(Plausible.places.parseWhole("99999999999999999999", field: "places") == .failure(ValidationIssue("places", .outOfRange(.places))))
        var issues: [ValidationIssue] = []
        Plausible.age.check(121, field: "maxAge", into: &issues)
        Plausible.age.check(nil as Int?, field: "minAge", into: &issues)
        Plausible.fte.check(Double.nan, field: "fte", into: &issues)
        #expect(issues == [ValidationIssue("maxAge", .outOfRange(.age)), ValidationIssue("fte", .outOfRange(.fte))])
    }

    @Test func clampedIntNeverTraps() {
        #expect(Plausible.clampedInt(.nan) == 0)
        #expect(Plausible.clampedInt(.infinity) == 0)
        #expect(Plausible.clampedInt(-1e308) == -1_000_000_000_000_000)
        #expect(Plausible.clampedInt(2.5) == 3)
        #expect(Plausible.clampedInt(1e300, limit: 1e9) == 1_000_000_000)
    }

    @Test func staffLinesOutOfRangeAreRefusedAtOnce() {
        let huge = ServiceEntry.staff("Sozialarbeit: 1e300\nPsychologie: 12345678901234567890\nVerwaltung: 0,5")
        #expect(huge.fte == ["Verwaltung": 0.5])
        #expect(huge.issues == [ValidationIssue("fte", .outOfRange(.fte))])
        // Two lines of the same profession may not add up beyond the range either.
        let sum = ServiceEntry.staff("Sozialarbeit: 6000\nSozialarbeit: 6000")
        #expect(sum.fte == ["Sozialarbeit": 6000] && sum.issues == [ValidationIssue("fte", .outOfRange(.fte))])
        #expect(ServiceEntry.staff("Sozialarbeit: nan").issues == [ValidationIssue("fte", .unknownValue("Sozialarbeit: nan"))])
    }

    @Test func serviceAndStandardRefuseImplausibleNumbers() {
        var service = Service(id: UUID(), organisationID: UUID(), name: "Beratung", categoryCode: "suchtberatung",
                              capacity: Capacity(fte: ["Sozialarbeit": 1e300], places: Int.max, casesPerYear: -1, referenceYear: 3000))
        service.targetGroup = TargetGroup(minAge: -1, maxAge: 500)
        #expect(throws: ValidationFailure([
            ValidationIssue("fte", .outOfRange(.fte)), ValidationIssue("minAge", .outOfRange(.age)), ValidationIssue("maxAge", .outOfRange(.age)),
            ValidationIssue("places", .outOfRange(.places)), ValidationIssue("casesPerYear", .outOfRange(.casesPerYear)),
            ValidationIssue("referenceYear", .outOfRange(.serviceYear)),
        ])) {
            try service.validated(categories: ["suchtberatung"], unitKeys: [])
        }
        let standard = PlanningStandard(categoryCode: "suchtberatung", fte: 1e300, inhabitants: Int.max, maxDistanceKm: .infinity, source: "Beispiel", text: "")
        #expect(throws: ValidationFailure([ValidationIssue("fte", .outOfRange(.standardFte)), ValidationIssue("inhabitants", .outOfRange(.standardInhabitants)),
                                           ValidationIssue("maxDistanceKm", .outOfRange(.maxDistanceKm))])) {
            try standard.validated(categories: ["suchtberatung"], variables: [])
        }
    }

    @Test func countsThatWouldOverflowAreRefusedNotSummed() {
        #expect(throws: ValidationFailure([ValidationIssue("votes", .outOfRange(.votes))])) {
            try Vote.counted(yes: Int.max, no: Int.max, abstain: 1).validated(presentVoting: 10)
        }
        let criteria = FundingEntry.criteria("Bedarf; 9223372036854775807; 5\nQualität; 50; 1000\nWirkung; 50; 5")
        #expect(criteria.values.map(\.name) == ["Wirkung"])
        #expect(criteria.issues == [ValidationIssue("criteria", .inLine(line: 1, problem: .outOfRange(.criterionWeight))),
                                    ValidationIssue("criteria", .inLine(line: 2, problem: .outOfRange(.scaleMax)))])
    }

    @Test func amountsAboveTheCeilingAreRefused() {
        #expect(FundingEntry.money("1.000.000.000,00", field: "amount") == .success(Money(euros: 1_000_000_000)))
        #expect(FundingEntry.money("1.000.000.000,01", field: "amount") == .failure(ValidationIssue("amount", .outOfRange(.money))))
        #expect(FundingEntry.money("9999999999999", field: "amount") == .failure(ValidationIssue("amount", .outOfRange(.money))))
        let amounts = FundingEntry.yearAmounts("2026; 2.000.000.000,00")
        #expect(amounts.amounts.isEmpty && amounts.issues == [ValidationIssue("amounts", .inLine(line: 1, problem: .outOfRange(.money)))])
        #expect(FundingEntry.decimal("inf") == nil && FundingEntry.decimal("12,5") == 12.5)
    }

    @Test func importedValuesOutOfRangeAreReportedByLine() {
        let variables = ["euro": Variable(code: "euro", nameDE: "E", nameEN: "E", unit: "EUR", source: "S", licence: "L", isCount: false)]
        var check = ObservationImportCheck(variables: variables, unitKeys: ["06532001"], earliest: Day(iso: "1900-01-01")!, latest: Day(iso: "2025-11-25")!)
        for (line, value) in [(2, 1e300), (3, -.infinity), (4, 1_000_000_000_000.0)] {
            _ = check.check(ImportRecord(line: line, column: "value", variable: "euro", unitKey: "06532001", date: Day(iso: "2023-12-31")!,
                                         breakdown: .total, value: value, status: .final))
        }
        #expect(check.issues.map(\.line) == [2, 3] && check.issues.allSatisfy { $0.reason == .outOfRange })
        #expect(check.issues.map(\.value) == ["1e+300", "-inf"] && check.accepted == 1)
    }

    @Test func hundredthsThatDoNotFitAreNoNumber() {
        #expect(Hundredths.parse("43,57") == 4357 && Hundredths.parse("-0,5") == -50)
        #expect(Hundredths.parse("92233720368547758.07") == Int.max)
        #expect(Hundredths.parse("92233720368547758.08") == nil)
        #expect(Hundredths.parse("99999999999999999") == nil)
        #expect(Hundredths.format(Int.min) == "-92233720368547758.08")
        #expect(Hundredths.format(-5) == "-0.05")
        // The first day there is has no day before it; asking does not trap.
        #expect(Day(year: 1, month: 1, day: 1)!.previous == Day(year: 1, month: 1, day: 1)!)
    }

    @Test func rankingAndDescriptionsSurviveWildValues() {
        let t = Date(timeIntervalSince1970: 0)
        let ranked = Ranking.rank([
            Ranking.Candidate(applicationID: UUID(), title: "A", score: .infinity, amount: Money(euros: 1), preventive: false, submittedAt: t),
            Ranking.Candidate(applicationID: UUID(), title: "B", score: .nan, amount: Money(euros: 1), preventive: false, submittedAt: t),
            Ranking.Candidate(applicationID: UUID(), title: "C", score: 1e300, amount: Money(euros: 1), preventive: false, submittedAt: t),
        ], budget: Money(euros: 10), preventivePriority: false)
        #expect(ranked.count == 3)
        #expect(FigureDescription.number(1e308, decimals: 1) == "1,0e+308")
        #expect(FigureDescription.number(-1e308, decimals: 0) == "−1,0e+308")
        #expect(FigureDescription.number(.nan, decimals: 1) == "–")
        #expect(FigureDescription.number(-0.0, decimals: 1) == "0,0")
        #expect(FigureDescription.number(1234.56, decimals: 1) == "1.234,6")
        #expect(ObservationImportCheck.textValue(.infinity) == "inf")
    }
}
