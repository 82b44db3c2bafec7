import Foundation
import Testing
@testable import SoplaCore

@Suite("Indicator computation")
struct IndicatorComputationTests {
    let date = Day(iso: "2024-12-31")!
    let hierarchy = SpatialHierarchy([
        (key: "06532", parentKey: nil, level: "county"),
        (key: "06532001", parentKey: "06532", level: "municipality"),
        (key: "06532002", parentKey: "06532", level: "municipality"),
        (key: "06532003", parentKey: "06532", level: "municipality"),
    ])
    let rate = Indicator(code: "sgb2_quote", nameDE: "SGB-II-Quote", nameEN: "SGB II rate", topic: .poverty,
                         numerator: [IndicatorTerm(variable: "sgb2")], denominator: [IndicatorTerm(variable: "pop")], factor: 100,
                         polarity: .higherIsWorse)

    func table(_ values: [(String, String, Double?, ValueStatus)]) -> ObservationTable {
        ObservationTable(values.map { Observation($0.0, $0.1, date, $0.2, status: $0.3) })
    }

    @Test func parentRateIsSummedNumeratorOverSummedDenominatorNotTheMeanOfRates() throws {
        // 10/100 = 10 %, 20/400 = 5 %, 30/500 = 6 %; the county is 60/1000 = 6 %, not (10+5+6)/3 = 7 %.
        let observations = table([
            ("sgb2", "06532001", 10, .final), ("pop", "06532001", 100, .final),
            ("sgb2", "06532002", 20, .final), ("pop", "06532002", 400, .final),
            ("sgb2", "06532003", 30, .provisional), ("pop", "06532003", 500, .final),
        ])
        let values = IndicatorComputation.compute(rate, hierarchy: hierarchy, date: date) { observations[$0] }
        #expect(values["06532001"]?.value == 10)
        #expect(values["06532002"]?.value == 5)
        #expect(values["06532003"]?.value == 6)
        let county = try #require(values["06532"])
        #expect(county.value == 6)
        #expect(county.numerator == 60)
        #expect(county.denominator == 1000)
        #expect(county.origin == .aggregated)
        #expect(county.flags == [.provisional])
    }

    @Test func officialParentFigureIsKeptOverTheSumOfChildren() {
        let observations = table([
            ("sgb2", "06532001", 10, .final), ("pop", "06532001", 100, .final),
            ("sgb2", "06532002", 20, .final), ("pop", "06532002", 400, .final),
            ("sgb2", "06532003", 30, .final), ("pop", "06532003", 500, .final),
            ("sgb2", "06532", 61, .final), ("pop", "06532", 1000, .final),
        ])
        let county = IndicatorComputation.compute(rate, hierarchy: hierarchy, date: date) { observations[$0] }["06532"]
        #expect(county?.value == 6.1)
        #expect(county?.origin == .observed)
    }

    @Test func gapsStayGapsAndNeverBecomeZero() {
        let observations = table([
            ("sgb2", "06532001", 10, .final), ("pop", "06532001", 100, .final),
            ("sgb2", "06532002", nil, .secret), ("pop", "06532002", 400, .final),
            ("sgb2", "06532003", 0, .zero), ("pop", "06532003", 0, .zero),
        ])
        let values = IndicatorComputation.compute(rate, hierarchy: hierarchy, date: date) { observations[$0] }
        #expect(values["06532002"]?.value == nil)
        #expect(values["06532002"]?.gap == .status(.secret))
        #expect(values["06532003"]?.gap == .zeroDenominator)
        // One child without a figure: the county has none rather than an understated one.
        #expect(values["06532"]?.value == nil)
        #expect(values["06532"]?.gap == .noData)
    }

    @Test func plainVariableAndBreakdownFilter() {
        let female = Breakdown(["sex": "female"])
        let indicator = Indicator(code: "women", nameDE: "Frauen", nameEN: "Women", topic: .population,
                                  numerator: [IndicatorTerm(variable: "pop", breakdown: female)])
        let observations = ObservationTable([
            Observation("pop", "06532001", date, 100), Observation("pop", "06532001", date, 52, breakdown: female),
            Observation("pop", "06532002", date, 48, breakdown: female), Observation("pop", "06532003", date, 7, breakdown: female),
        ])
        let values = IndicatorComputation.compute(indicator, hierarchy: hierarchy, date: date) { observations[$0] }
        #expect(values["06532001"]?.value == 52)
        #expect(values["06532"]?.value == 107)
        #expect(values["06532"]?.denominator == nil)
    }

    @Test func changeInPercentagePointsAndPercent() throws {
        // The Sozialbericht's 12.1 % of under-18s falling to 10.6 %: −1.5 points, −12.40 %.
        let change = try #require(IndicatorChange.between(12.1, 10.6, percentage: true))
        #expect(abs(change.absolute - -1.5) < 1e-12)
        #expect(abs(change.percent! - -12.396694214876) < 1e-9)
        #expect(change.isPercentagePoints)
        #expect(change.direction() == .down)
        #expect(change.assessment(.higherIsWorse) == .better)
        #expect(change.assessment(.higherIsBetter) == .worse)
        #expect(IndicatorChange.between(0, 5, percentage: false)?.percent == nil)
        // −0.03 points shown with one decimal is "0.0": within half a shown unit it counts as unchanged.
        let tiny = try #require(IndicatorChange.between(4.13, 4.10, percentage: true))
        #expect(tiny.direction() == .down)
        #expect(tiny.direction(tolerance: 0.05) == .unchanged)
        #expect(tiny.assessment(.higherIsWorse, tolerance: 0.05) == .neutral)
        #expect(IndicatorChange.between(nil, 5, percentage: false) == nil)
    }

    @Test func referenceDatesYearsBefore() {
        let dates = ["2019-12-31", "2020-12-31", "2022-05-15", "2022-12-31", "2023-12-31"].compactMap { Day(iso: $0) }
        #expect(ReferenceDates.yearsBefore(Day(iso: "2023-12-31")!, years: 3, in: dates) == Day(iso: "2020-12-31"))
        #expect(ReferenceDates.yearsBefore(Day(iso: "2023-12-31")!, years: 2, in: dates) == nil)
        #expect(ReferenceDates.previous(Day(iso: "2022-12-31")!, in: dates) == Day(iso: "2022-05-15"))
    }

    @Test func rankingFollowsPolarityAndSharesTies() {
        let values = ["a": 5.0, "b": 3, "c": 5, "d": 1]
        let worse = IndicatorRanking.rank(values, polarity: .higherIsWorse)
        #expect(worse.map(\.unitKey) == ["d", "b", "a", "c"])
        #expect(worse.map(\.rank) == [1, 2, 3, 3])
        let better = IndicatorRanking.rank(values, polarity: .higherIsBetter)
        #expect(better.map(\.unitKey) == ["a", "c", "b", "d"])
        #expect(better.map(\.rank) == [1, 1, 3, 4])
    }

    @Test func termsParseAndPrint() {
        let terms = IndicatorTerm.parseSum("sgb2_u18 + pop[sex=female, age=u3]")
        #expect(terms == [IndicatorTerm(variable: "sgb2_u18"), IndicatorTerm(variable: "pop", breakdown: Breakdown(["sex": "female", "age": "u3"]))])
        #expect(IndicatorTerm.text(terms ?? []) == "sgb2_u18 + pop[age=u3;sex=female]")
        #expect(IndicatorTerm.parseSum("Pop") == nil)
        #expect(IndicatorTerm.parseSum("pop[sex]") == nil)
        #expect(IndicatorTerm.parseSum("pop +") == nil)
    }

    @Test func indicatorValidationNamesEveryField() {
        var indicator = rate
        indicator.code = "Neu!"
        indicator.nameDE = ""
        indicator.numerator = [IndicatorTerm(variable: "unbekannt")]
        indicator.factor = 7
        indicator.levels = ["mond"]
        #expect(throws: ValidationFailure([
            ValidationIssue("code", .unknownValue("Neu!")), ValidationIssue("nameDE", .required),
            ValidationIssue("numerator", .unknownValue("unbekannt")), ValidationIssue("factor", .unknownValue("7.0")),
            ValidationIssue("levels", .unknownValue("mond")),
        ])) {
            try indicator.validated(variables: ["pop": Variable(code: "pop", nameDE: "E", nameEN: "P", unit: "Personen", source: "S", licence: "L")],
                                    levelCodes: ["county", "municipality"], existingCodes: [], isNew: true)
        }
    }
}

@Suite("Classification")
struct ClassificationTests {
    let values: [Double] = [1, 2, 3, 10, 11, 12, 20, 21, 22]

    @Test func quantilesPutEqualCountsInEachClass() {
        // 9 values in 3 classes: classes start at the values of rank 3 and 6.
        #expect(Classification.breaks(values, classes: 3, method: .quantiles) == [10, 20])
        // Ranks 1, 2 and 3 of five values are all 1: the classes merge.
        #expect(Classification.breaks([1, 1, 1, 1, 2], classes: 4, method: .quantiles) == [1])
    }

    @Test func equalIntervalsSplitTheRange() {
        // 1 … 22 in 3 classes of width 7.
        #expect(Classification.breaks(values, classes: 3, method: .equalIntervals) == [8, 15])
        #expect(Classification.breaks([4, 4, 4], classes: 3, method: .equalIntervals) == [])
    }

    @Test func naturalBreaksFindTheClusters() {
        #expect(Classification.breaks(values, classes: 3, method: .naturalBreaks) == [10, 20])
        // {1, 2, 4, 5, 7, 8} has squared deviations 37.5 around 4.5; any other split of two classes costs more.
        #expect(Classification.breaks([8, 1, 20, 2, 4, 5, 7], classes: 2, method: .naturalBreaks) == [20])
        // Fewer distinct values than classes: one class per value.
        #expect(Classification.breaks([3, 3, 9, 9], classes: 5, method: .naturalBreaks) == [9])
    }

    @Test func standardDeviationsAroundTheMean() {
        // Mean 102/9 = 11.333…; squared deviations 1704 − 102²/9 = 548; σ = √(548/9) = 7.80313…
        let breaks = Classification.breaks(values, classes: 4, method: .standardDeviations)
        let expected = [102.0 / 9 - (548.0 / 9).squareRoot(), 102.0 / 9, 102.0 / 9 + (548.0 / 9).squareRoot()]
        #expect(breaks.count == 3)
        for (b, e) in zip(breaks, expected) { #expect(abs(b - e) < 1e-9) }
        #expect(abs(breaks[0] - 3.5302001) < 1e-6)
        let five = Classification.breaks(values, classes: 5, method: .standardDeviations)
        #expect(abs(five[0] - (102.0 / 9 - 1.5 * (548.0 / 9).squareRoot())) < 1e-9)
    }

    @Test func classIndexCountsBreaksAtOrBelow() {
        #expect(Classification.classIndex(of: 9.99, breaks: [10, 20]) == 0)
        #expect(Classification.classIndex(of: 10, breaks: [10, 20]) == 1)
        #expect(Classification.classIndex(of: 25, breaks: [10, 20]) == 2)
    }
}
