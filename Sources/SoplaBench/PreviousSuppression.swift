import Foundation
import SoplaCore

// The rule sopla used before protection intervals: "exact determination only". Secondary suppression hid further
// cells only until no hidden cell followed EXACTLY from the published figures and the sums (a sum with one hidden
// cell, or a unit vector in the row space of the sums restricted to the hidden cells). A hidden cell narrowed to
// [1, 2] counted as protected. Kept here, unchanged in its rule, as the reference the benchmark compares with
// (`sopla-bench suppression`, see SuppressionBenchmark.swift); SoplaCore no longer has it. Only the iteration over
// breakdowns and parents is sorted, so that its picks do not vary with the process's hash seed.

/// A table of counts to publish, with the sums that tie its cells together.
struct PreviousDisclosureTable {
    struct Cell {
        let id: String
        /// nil when there is no published figure (a gap): unknown to a reader as well.
        let value: Double?
    }

    /// `total = parts[0] + parts[1] + …`, as cell indices.
    struct Constraint {
        let total: Int
        let parts: [Int]

        var cells: [Int] { [total] + parts }
    }

    private(set) var cells: [Cell] = []
    private(set) var constraints: [Constraint] = []
    private var index: [String: Int] = [:]

    /// Adds a cell once; later additions of the same id are ignored.
    mutating func add(_ id: String, value: Double?) {
        guard index[id] == nil else { return }
        index[id] = cells.count
        cells.append(Cell(id: id, value: value))
    }

    mutating func addConstraint(total: String, parts: [String]) {
        guard let t = index[total] else { return }
        let p = parts.compactMap { index[$0] }
        guard p.count == parts.count, !p.isEmpty else { return }
        constraints.append(Constraint(total: t, parts: p))
    }
}

/// Primary suppression of small counts, then secondary suppression until no suppressed cell can be computed
/// exactly from the published cells and the table's sums.
enum PreviousSuppression {
    /// The reason per suppressed cell index.
    static func protect(_ table: PreviousDisclosureTable, minimum: Int) -> [Int: SuppressionReason] {
        var reasons: [Int: SuppressionReason] = [:]
        for (i, cell) in table.cells.enumerated() {
            if let value = cell.value, value > 0, value < Double(minimum) { reasons[i] = .primary }
        }
        guard !reasons.isEmpty else { return reasons }
        var constraintsOf: [Int: [Int]] = [:]
        for (c, constraint) in table.constraints.enumerated() {
            for cell in constraint.cells { constraintsOf[cell, default: []].append(c) }
        }
        func unknown(_ i: Int) -> Bool { reasons[i] != nil || table.cells[i].value == nil }
        /// Hides the smallest published cell of a sum, preferring parts to the total.
        func hideSmallest(in constraint: PreviousDisclosureTable.Constraint) -> Bool {
            let candidates = constraint.parts.filter { !unknown($0) }
            let pool = candidates.isEmpty ? (unknown(constraint.total) ? [] : [constraint.total]) : candidates
            guard let pick = pool.min(by: { (table.cells[$0].value!, table.cells[$0].id) < (table.cells[$1].value!, table.cells[$1].id) }) else { return false }
            reasons[pick] = .secondary
            return true
        }
        while true {
            // A sum with one hidden cell gives it away by subtraction.
            var changed = false
            for constraint in table.constraints {
                let hidden = constraint.cells.filter(unknown)
                if hidden.count == 1, reasons[hidden[0]] != nil, hideSmallest(in: constraint) { changed = true }
            }
            if changed { continue }
            // Several sums together can still pin a cell down: check by linear algebra.
            guard let (exposed, rows) = firstRecoverable(table, hidden: unknown, suppressed: Set(reasons.keys), constraintsOf: constraintsOf) else { break }
            // Prefer a sum the exposed cell is in; else any sum of its group.
            let order = (constraintsOf[exposed] ?? []) + rows.sorted()
            guard order.contains(where: { hideSmallest(in: table.constraints[$0]) }) else { break }
        }
        return reasons
    }

    /// A suppressed cell whose value follows from the published cells, with the sums of its group, or nil.
    /// A cell is determined exactly when its unit vector lies in the row space of the sums restricted to the hidden cells.
    static func firstRecoverable(_ table: PreviousDisclosureTable, hidden: (Int) -> Bool, suppressed: Set<Int>,
                                 constraintsOf: [Int: [Int]]) -> (Int, Set<Int>)? {
        var visited: Set<Int> = []
        for start in suppressed.sorted() where !visited.contains(start) {
            // The connected group of hidden cells linked by sums.
            var component: [Int] = []
            var rows: Set<Int> = []
            var queue = [start]
            visited.insert(start)
            while let cell = queue.popLast() {
                component.append(cell)
                for c in constraintsOf[cell] ?? [] {
                    rows.insert(c)
                    for other in table.constraints[c].cells where hidden(other) && !visited.contains(other) {
                        visited.insert(other)
                        queue.append(other)
                    }
                }
            }
            let columns = Dictionary(uniqueKeysWithValues: component.sorted().enumerated().map { ($1, $0) })
            var matrix: [[Double]] = rows.sorted().map { c in
                var row = Array(repeating: 0.0, count: columns.count)
                let constraint = table.constraints[c]
                if let col = columns[constraint.total] { row[col] += 1 }
                for part in constraint.parts { if let col = columns[part] { row[col] -= 1 } }
                return row
            }
            let pivots = reducedRowEchelon(&matrix)
            for (row, col) in pivots {
                let alone = matrix[row].enumerated().allSatisfy { $0.offset == col || abs($0.element) < 1e-9 }
                let cell = component.sorted()[col]
                if alone, suppressed.contains(cell) { return (cell, rows) }
            }
        }
        return nil
    }

    /// Brings the matrix to reduced row echelon form in place; returns (row, column) of every pivot.
    @discardableResult
    static func reducedRowEchelon(_ matrix: inout [[Double]]) -> [(Int, Int)] {
        guard let width = matrix.first?.count else { return [] }
        var pivots: [(Int, Int)] = []
        var row = 0
        for col in 0..<width where row < matrix.count {
            guard let pivot = (row..<matrix.count).max(by: { abs(matrix[$0][col]) < abs(matrix[$1][col]) }), abs(matrix[pivot][col]) > 1e-9 else { continue }
            matrix.swapAt(row, pivot)
            let scale = matrix[row][col]
            for j in 0..<width { matrix[row][j] /= scale }
            for other in 0..<matrix.count where other != row && abs(matrix[other][col]) > 1e-12 {
                let factor = matrix[other][col]
                for j in 0..<width { matrix[other][j] -= factor * matrix[row][j] }
            }
            pivots.append((row, col))
            row += 1
        }
        return pivots
    }
}

/// The previous disclosure control of one variable on one date, across the spatial hierarchy and breakdowns.
enum PreviousVariableDisclosure {
    static func cellID(_ unit: String, _ breakdown: Breakdown) -> String {
        unit + "|" + breakdown.canonical
    }

    /// The hidden figures of the variable on the date, by unit and breakdown.
    static func suppressed(variable: String, date: Day, observations: ObservationTable, hierarchy: SpatialHierarchy,
                           minimum: Int) -> [ObservationKey: SuppressionReason] {
        let table = table(variable: variable, date: date, observations: observations, hierarchy: hierarchy)
        let reasons = PreviousSuppression.protect(table, minimum: minimum)
        var result: [ObservationKey: SuppressionReason] = [:]
        for (index, reason) in reasons {
            let parts = table.cells[index].id.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            result[ObservationKey(variable: variable, unitKey: String(parts[0]), date: date, breakdown: Breakdown(canonical: String(parts[1])) ?? .total)] = reason
        }
        return result
    }

    /// The table of the variable on the date: every unit × breakdown, the sums along the hierarchy and the breakdowns.
    static func table(variable: String, date: Day, observations: ObservationTable, hierarchy: SpatialHierarchy) -> PreviousDisclosureTable {
        // The figures themselves are read as sopla reads them today: only the rule on them differs.
        let figures = VariableDisclosure.figures(variable: variable, date: date, observations: observations, hierarchy: hierarchy)
        var table = PreviousDisclosureTable()
        for (breakdown, values) in figures.sorted(by: { $0.key < $1.key }) {
            for unit in hierarchy.keys { table.add(cellID(unit, breakdown), value: values[unit] ?? nil) }
        }
        for breakdown in figures.keys.sorted() {
            // A parent is the sum of its children.
            for (parent, children) in hierarchy.children.sorted(by: { $0.key < $1.key }) {
                table.addConstraint(total: cellID(parent, breakdown), parts: children.map { cellID($0, breakdown) })
            }
            // A total is the sum of the categories of each of its breakdown dimensions.
            for dimension in breakdown.categories.keys.sorted() {
                let total = breakdown.removing(dimension)
                let siblings = figures.keys.filter { $0.categories.keys.contains(dimension) && $0.removing(dimension) == total }
                guard siblings.count >= 2, siblings.min() == breakdown, figures[total] != nil else { continue }
                for unit in hierarchy.keys {
                    table.addConstraint(total: cellID(unit, total), parts: siblings.sorted().map { cellID(unit, $0) })
                }
            }
        }
        return table
    }
}
