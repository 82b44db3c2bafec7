import Foundation
import Testing
@testable import SoplaCore

@Suite("Disclosure control")
struct DisclosureTests {
    let date = Day(iso: "2024-12-31")!

    @Test func smallCountIsHiddenAndTheSmallestSiblingWithIt() {
        // County 152 = 2 + 50 + 100: hiding only the 2 would leave 152 − 50 − 100.
        var table = DisclosureTable()
        for (id, value) in [("K", 152.0), ("A", 2), ("B", 50), ("C", 100)] { table.add(id, value: value) }
        table.addConstraint(total: "K", parts: ["A", "B", "C"])
        let reasons = Suppression.protect(table, minimum: 3)
        #expect(reasons == [1: .primary, 2: .secondary])
    }

    @Test func zeroAndCountsAtTheMinimumArePublished() {
        var table = DisclosureTable()
        for (id, value) in [("K", 3.0), ("A", 0), ("B", 3)] { table.add(id, value: value) }
        table.addConstraint(total: "K", parts: ["A", "B"])
        #expect(Suppression.protect(table, minimum: 3).isEmpty)
    }

    @Test func gapsProtectLikeHiddenCells() {
        // B has no published figure: K − C leaves A + B, so A stays unknown without a second suppression.
        var table = DisclosureTable()
        for (id, value) in [("K", 152.0), ("A", 2), ("B", nil), ("C", 100)] { table.add(id, value: value) }
        table.addConstraint(total: "K", parts: ["A", "B", "C"])
        #expect(Suppression.protect(table, minimum: 3) == [1: .primary])
    }

    /// A table of 6 municipalities × (total, male, female) with a county row, several small counts.
    func municipalTable() -> (ObservationTable, SpatialHierarchy) {
        let male = Breakdown(["sex": "m"]), female = Breakdown(["sex": "f"])
        let rows: [(String, Double, Double)] = [("01", 1, 40), ("02", 25, 2), ("03", 30, 31), ("04", 4, 4), ("05", 12, 1), ("06", 60, 70)]
        var observations: [Observation] = []
        var units: [(key: String, parentKey: String?, level: String)] = [(key: "K", parentKey: nil, level: "county")]
        for (key, m, f) in rows {
            units.append((key: key, parentKey: "K", level: "municipality"))
            observations += [Observation("n", key, date, m + f), Observation("n", key, date, m, breakdown: male), Observation("n", key, date, f, breakdown: female)]
        }
        return (ObservationTable(observations), SpatialHierarchy(units))
    }

    @Test func everyHiddenCellKeepsAProtectionInterval() throws {
        let (observations, hierarchy) = municipalTable()
        let (table, reasons) = VariableDisclosure.protect(variable: "n", date: date, observations: observations, hierarchy: hierarchy, minimum: 3)
        // Primary: 1 (01 m), 2 (02 f), 1 (05 f); 4 and 4 are published.
        #expect(reasons.values.filter { $0 == .primary }.count == 3)
        let intervals = Suppression.intervals(table, hidden: Set(reasons.keys))
        for cell in reasons.keys {
            #expect(intervals[cell]?.protects(minimum: 3) == true, "\(table.cells[cell].id): \(intervals[cell].map(String.init(describing:)) ?? "-")")
        }
        // The attack succeeds when only the small cells are hidden: each is pinned by its row or column.
        let primaryOnly = Set(reasons.filter { $0.value == .primary }.keys)
        let exposed = Suppression.intervals(table, hidden: primaryOnly)
        #expect(primaryOnly.contains { exposed[$0].map { $0.lower == $0.upper } ?? false })
    }

    /// Four counts of 2 among published municipalities: county 182 − published 174 = 8 over four hidden cells.
    func fourSmallCells() -> DisclosureTable {
        var table = DisclosureTable()
        for (id, value) in [("K", 182.0), ("A", 2), ("B", 2), ("C", 2), ("D", 2), ("E", 10), ("F", 164)] { table.add(id, value: value) }
        table.addConstraint(total: "K", parts: ["A", "B", "C", "D", "E", "F"])
        return table
    }

    @Test func hiddenCellsThatAreAllSmallGetALargeOneBeside() {
        let table = fourSmallCells()
        // Hidden alone, each of the four lies in [0, 8]: wide enough, but a reader who assumes they are all small counts gets 2 each.
        #expect(Suppression.intervals(table, hidden: [1, 2, 3, 4])[1] == Suppression.Interval(lower: 0, upper: 8))
        let reasons = Suppression.protect(table, minimum: 3)
        #expect(reasons == [1: .primary, 2: .primary, 3: .primary, 4: .primary, 5: .secondary])
        // Now every hidden cell lies in [0, 18]: 182 − 164.
        let intervals = Suppression.intervals(table, hidden: Set(reasons.keys))
        for cell in 1...5 { #expect(intervals[cell] == Suppression.Interval(lower: 0, upper: 18)) }
    }

    @Test func intervalsOfAHandWorkedTwoLevelTable() {
        // K = M1 + M2; M1 = P1 + P2 (planning areas); hidden P1 (2) and M2 (7).
        var table = DisclosureTable()
        for (id, value) in [("K", 30.0), ("M1", 23), ("M2", 7), ("P1", 2), ("P2", 21)] { table.add(id, value: value) }
        table.addConstraint(total: "K", parts: ["M1", "M2"])
        table.addConstraint(total: "M1", parts: ["P1", "P2"])
        // P1 = M1 − P2 = 2 exactly; M2 = K − M1 = 7 exactly.
        let pinned = Suppression.intervals(table, hidden: [3, 2])
        #expect(pinned[3] == Suppression.Interval(lower: 2, upper: 2))
        #expect(pinned[2] == Suppression.Interval(lower: 7, upper: 7))
        // Hiding M1 and P2 as well: P1 + P2 = M1, M1 + M2 = 30 → P1 ∈ [0, 30].
        let wide = Suppression.intervals(table, hidden: [1, 2, 3, 4])
        #expect(wide[3] == Suppression.Interval(lower: 0, upper: 30))
        let reasons = Suppression.protect(table, minimum: 3)
        #expect(reasons[3] == .primary)
        let intervals = Suppression.intervals(table, hidden: Set(reasons.keys))
        for cell in reasons.keys { #expect(intervals[cell]?.protects(minimum: 3) == true) }
        // P2 (21) goes with P1; then M1 is free to sum both: P1 ∈ [0, 23].
        #expect(reasons == [3: .primary, 4: .secondary])
        #expect(intervals[3] == Suppression.Interval(lower: 0, upper: 23))
    }

    @Test func aRemainderOfAPartlyDeliveredBreakdownIsProtected() throws {
        // Siegbach: 25 unemployed, 24 of them women; men were not delivered: 25 − 24 = 1 man.
        let female = Breakdown(["sex": "f"])
        let units: [(key: String, parentKey: String?, level: String)] = [("K", nil, "county"), ("S", "K", "municipality"), ("T", "K", "municipality")]
        let observations = ObservationTable([Observation("alo", "S", date, 25), Observation("alo", "T", date, 80), Observation("alo", "S", date, 24, breakdown: female)])
        let hierarchy = SpatialHierarchy(units)
        let hidden = VariableDisclosure.suppressed(variable: "alo", date: date, observations: observations, hierarchy: hierarchy, minimum: 3)
        #expect(hidden == [ObservationKey(variable: "alo", unitKey: "S", date: date, breakdown: female): .secondary])
        // An indicator women / all is hidden for Siegbach.
        let share = Indicator(code: "w", nameDE: "W", nameEN: "W", topic: .poverty, numerator: [IndicatorTerm(variable: "alo", breakdown: female)],
                              denominator: [IndicatorTerm(variable: "alo")], factor: 100)
        let variables = ["alo": Variable(code: "alo", nameDE: "A", nameEN: "A", unit: "P", source: "S", licence: "L")]
        let published = IndicatorPublication.publish(share, variables: variables, minimums: ["alo": 3], hierarchy: hierarchy, date: date, observations: observations)
        #expect(published["S"]?.publicValue == nil)
        #expect(published["S"]?.isSuppressed == true)
    }

    @Test func aLaterReleaseKeepsWhatAnEarlierOneHid() {
        // Released first: K 101 = A 2 + B 5 + C 4 + D 90; A is small, C (the smallest of at least 3) hides it.
        let units: [(key: String, parentKey: String?, level: String)] = [("K", nil, "county"), ("A", "K", "m"), ("B", "K", "m"), ("C", "K", "m"), ("D", "K", "m")]
        let hierarchy = SpatialHierarchy(units)
        func table(c: Double) -> ObservationTable {
            ObservationTable([Observation("n", "A", date, 2), Observation("n", "B", date, 5), Observation("n", "C", date, c), Observation("n", "D", date, 90)])
        }
        let first = VariableDisclosure.release(variable: "n", date: date, observations: table(c: 4), hierarchy: hierarchy, minimum: 3)
        #expect(first.figures.filter(\.value.hidden).keys.sorted() == ["A|", "C|"])
        // C is corrected to 6. Decided alone, the new release would hide A with B (5): with B = 5 from the first
        // release, A = 103 − 90 − 6 − 5 = 2.
        let alone = VariableDisclosure.suppressed(variable: "n", date: date, observations: table(c: 6), hierarchy: hierarchy, minimum: 3)
        #expect(Set(alone.keys.map(\.unitKey)) == ["A", "B"])
        // Decided against the first release, A and C stay hidden: A + C = 8 now and A + C(then) = 6 then, so A ∈ [0, 6].
        let second = VariableDisclosure.release(variable: "n", date: date, observations: table(c: 6), hierarchy: hierarchy, minimum: 3, earlier: [first])
        #expect(second.figures.filter(\.value.hidden).keys.sorted() == ["A|", "C|"])
        let (joint, reasons) = VariableDisclosure.protect(variable: "n", date: date, observations: table(c: 6), hierarchy: hierarchy, minimum: 3, earlier: [first])
        let intervals = Suppression.intervals(joint, hidden: Set(reasons.keys))
        #expect(intervals[joint.position(of: "A|")!] == Suppression.Interval(lower: 0, upper: 6))
        #expect(intervals[joint.position(of: "C|")!] == Suppression.Interval(lower: 2, upper: 8))
    }

    @Test func aFigureKnownFromAnEarlierReleaseProtectsNothing() {
        // Earlier: C (3) was published. Now A (2) must be hidden; C would be the obvious partner, but it is known.
        var table = DisclosureTable()
        for (id, value) in [("K", 105.0), ("A", 2), ("C", 3), ("D", 100)] { table.add(id, value: value) }
        table.addConstraint(total: "K", parts: ["A", "C", "D"])
        #expect(Suppression.protect(table, minimum: 3) == [1: .primary, 2: .secondary])
        #expect(Suppression.protect(table, minimum: 3, publishedBefore: [2]) == [1: .primary, 3: .secondary])
    }

    @Test func linearProgramRanges() throws {
        // x + y = 5, y + z = 3: x ∈ [2, 5], y ∈ [0, 3], z ∈ [0, 3].
        let program = try #require(LinearProgram(coefficients: [[1, 1, 0], [0, 1, 1]], rhs: [5, 3], variableCount: 3))
        #expect(program.range(of: 0) == LinearProgram.Range(lower: 2, upper: 5))
        #expect(program.range(of: 1) == LinearProgram.Range(lower: 0, upper: 3))
        // A redundant row changes nothing; x − y = 1 alone leaves x unbounded above.
        let redundant = try #require(LinearProgram(coefficients: [[1, 1, 0], [0, 1, 1], [1, 2, 1]], rhs: [5, 3, 8], variableCount: 3))
        #expect(redundant.range(of: 0) == LinearProgram.Range(lower: 2, upper: 5))
        let open = try #require(LinearProgram(coefficients: [[1, -1]], rhs: [1], variableCount: 2))
        #expect(open.range(of: 0) == LinearProgram.Range(lower: 1, upper: nil))
        // No solution with x, y ≥ 0.
        #expect(LinearProgram(coefficients: [[1, 1]], rhs: [-1], variableCount: 2) == nil)
    }

    @Test func rateIsHiddenWhenItsNumeratorIs() throws {
        let (observations, hierarchy) = municipalTable()
        var withPopulation = observations
        for unit in hierarchy.keys where unit != "K" { withPopulation.insert(Observation("pop", unit, date, 1000)) }
        let indicator = Indicator(code: "r", nameDE: "R", nameEN: "R", topic: .poverty, numerator: [IndicatorTerm(variable: "n", breakdown: Breakdown(["sex": "f"]))],
                                  denominator: [IndicatorTerm(variable: "pop")], factor: 100)
        let variables = ["n": Variable(code: "n", nameDE: "N", nameEN: "N", unit: "P", source: "S", licence: "L"),
                         "pop": Variable(code: "pop", nameDE: "P", nameEN: "P", unit: "P", source: "S", licence: "L")]
        let published = IndicatorPublication.publish(indicator, variables: variables, minimums: IndicatorPublication.minimums(variables: variables, indicators: [indicator]),
                                                     hierarchy: hierarchy, date: date, observations: withPopulation)
        #expect(published["02"]?.suppression == .primary)
        #expect(published["02"]?.publicValue == nil)
        #expect(published["02"]?.value.value == 0.2)
        #expect(published["06"]?.publicValue == 7)
        #expect(published.values.filter { $0.suppression == .secondary }.count >= 1)
    }

    @Test func aHiddenValueDoesNotTellThatItWasRevised() {
        // K = A 2 (revised) + B 10 + C 40: A and B are hidden; a public "r" on A would name the count that changed.
        let units: [(key: String, parentKey: String?, level: String)] = [("K", nil, "county"), ("A", "K", "m"), ("B", "K", "m"), ("C", "K", "m")]
        let hierarchy = SpatialHierarchy(units)
        let observations = ObservationTable([Observation("n", "A", date, 2, status: .revised), Observation("n", "B", date, 10), Observation("n", "C", date, 40)])
        let indicator = Indicator(code: "n", nameDE: "N", nameEN: "N", topic: .poverty, numerator: [IndicatorTerm(variable: "n")])
        let variables = ["n": Variable(code: "n", nameDE: "N", nameEN: "N", unit: "P", source: "S", licence: "L")]
        let published = IndicatorPublication.publish(indicator, variables: variables, minimums: ["n": 3], hierarchy: hierarchy, date: date, observations: observations)
        #expect(published["A"]?.isSuppressed == true && published["A"]?.value.flags == [.revised])
        let publicRow = IndicatorComparison.rows(indicator, units: ["A"], parentKey: "K", current: published, earlier: nil, raw: false)[0]
        #expect(publicRow.value == nil && publicRow.flags.isEmpty)
        let rawRow = IndicatorComparison.rows(indicator, units: ["A"], parentKey: "K", current: published, earlier: nil, raw: true)[0]
        #expect(rawRow.value == 2 && rawRow.flags == [.revised])
    }

    @Test func stricterIndicatorMinimumAppliesToItsNumeratorVariable() {
        let variables = ["n": Variable(code: "n", nameDE: "N", nameEN: "N", unit: "P", source: "S", licence: "L")]
        let strict = Indicator(code: "r", nameDE: "R", nameEN: "R", topic: .poverty, numerator: [IndicatorTerm(variable: "n")], minimumCount: 5)
        #expect(IndicatorPublication.minimums(variables: variables, indicators: [strict]) == ["n": 5])
    }
}
