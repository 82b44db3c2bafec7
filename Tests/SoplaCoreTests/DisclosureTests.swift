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

    /// The attacker's view: the published cells and every sum. A hidden cell is determined exactly when it is not
    /// free in the solution space, i.e. when removing its column lowers the rank of the hidden cells' coefficients.
    func recoverableCells(_ table: DisclosureTable, hidden: Set<Int>) -> [Int] {
        let unknown = (0..<table.cells.count).filter { hidden.contains($0) || table.cells[$0].value == nil }
        let matrix: [[Double]] = table.constraints.map { constraint in
            unknown.map { cell in (constraint.total == cell ? 1 : 0) - Double(constraint.parts.filter { $0 == cell }.count) }
        }
        let fullRank = LinearAlgebra.rank(matrix)
        return unknown.enumerated().compactMap { column, cell in
            guard hidden.contains(cell) else { return nil }
            let without = matrix.map { row in row.enumerated().filter { $0.offset != column }.map(\.element) }
            return LinearAlgebra.rank(without) < fullRank ? cell : nil
        }
    }

    @Test func noSuppressedCellIsRecoverableByLinearEquations() throws {
        let (observations, hierarchy) = municipalTable()
        let hidden = VariableDisclosure.suppressed(variable: "n", date: date, observations: observations, hierarchy: hierarchy, minimum: 3)
        // Rebuild the published table as a reader sees it, with all sums along space and sex.
        var table = DisclosureTable()
        let figures = VariableDisclosure.figures(variable: "n", date: date, observations: observations, hierarchy: hierarchy)
        for (breakdown, values) in figures.sorted(by: { $0.key < $1.key }) {
            for unit in hierarchy.keys { table.add(VariableDisclosure.cellID(unit, breakdown), value: values[unit] ?? nil) }
        }
        for breakdown in figures.keys {
            table.addConstraint(total: VariableDisclosure.cellID("K", breakdown), parts: hierarchy.children["K"]!.map { VariableDisclosure.cellID($0, breakdown) })
        }
        for unit in hierarchy.keys {
            table.addConstraint(total: VariableDisclosure.cellID(unit, .total), parts: ["f", "m"].map { VariableDisclosure.cellID(unit, Breakdown(["sex": $0])) })
        }
        let hiddenCells = Set(hidden.keys.map { try! #require(table.position(of: VariableDisclosure.cellID($0.unitKey, $0.breakdown))) })
        // Primary: 1 (01 m), 2 (02 f), 1 (05 f); 4 and 4 are published.
        #expect(hidden.filter { $0.value == .primary }.count == 3)
        #expect(hidden.count > 3)
        #expect(recoverableCells(table, hidden: hiddenCells).isEmpty)
        // The attack finds the primary cells when only they are hidden.
        let primaryOnly = Set(hidden.filter { $0.value == .primary }.keys.map { table.position(of: VariableDisclosure.cellID($0.unitKey, $0.breakdown))! })
        #expect(!recoverableCells(table, hidden: primaryOnly).isEmpty)
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

    @Test func stricterIndicatorMinimumAppliesToItsNumeratorVariable() {
        let variables = ["n": Variable(code: "n", nameDE: "N", nameEN: "N", unit: "P", source: "S", licence: "L")]
        let strict = Indicator(code: "r", nameDE: "R", nameEN: "R", topic: .poverty, numerator: [IndicatorTerm(variable: "n")], minimumCount: 5)
        #expect(IndicatorPublication.minimums(variables: variables, indicators: [strict]) == ["n": 5])
    }
}
