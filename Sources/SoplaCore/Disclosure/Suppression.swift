import Foundation

/// A table of counts to publish, with the sums that tie its cells together (a parent is the sum of its
/// children; a total is the sum of the categories of one breakdown).
public struct DisclosureTable: Sendable {
    public struct Cell: Hashable, Sendable {
        public let id: String
        /// nil when there is no published figure (a gap): unknown to a reader as well.
        public let value: Double?

        public init(id: String, value: Double?) {
            self.id = id
            self.value = value
        }
    }

    /// `total = parts[0] + parts[1] + …`, as cell indices.
    public struct Constraint: Hashable, Sendable {
        public let total: Int
        public let parts: [Int]

        public init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }

        public var cells: [Int] { [total] + parts }
    }

    public private(set) var cells: [Cell] = []
    public private(set) var constraints: [Constraint] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// Adds a cell once; later additions of the same id are ignored.
    @discardableResult
    public mutating func add(_ id: String, value: Double?) -> Int {
        if let existing = index[id] { return existing }
        index[id] = cells.count
        cells.append(Cell(id: id, value: value))
        return cells.count - 1
    }

    public func position(of id: String) -> Int? { index[id] }

    public mutating func addConstraint(total: String, parts: [String]) {
        guard let t = index[total] else { return }
        let p = parts.compactMap { index[$0] }
        guard p.count == parts.count, !p.isEmpty else { return }
        constraints.append(Constraint(total: t, parts: p))
    }
}

/// Why a cell is not published.
public enum SuppressionReason: String, Sendable, Hashable {
    /// A count below the minimum.
    case primary
    /// Hidden so that a primary cell cannot be worked out from the published sums.
    case secondary
}

/// Disclosure control (Geheimhaltung): primary suppression of small counts, then secondary suppression
/// until no suppressed cell can be computed exactly from the published cells and the table's sums.
public enum Suppression {
    /// The reason per suppressed cell index.
    public static func protect(_ table: DisclosureTable, minimum: Int) -> [Int: SuppressionReason] {
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
        func hideSmallest(in constraint: DisclosureTable.Constraint) -> Bool {
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
    static func firstRecoverable(_ table: DisclosureTable, hidden: (Int) -> Bool, suppressed: Set<Int>, constraintsOf: [Int: [Int]]) -> (Int, Set<Int>)? {
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
            let pivots = LinearAlgebra.reducedRowEchelon(&matrix)
            for (row, col) in pivots {
                let alone = matrix[row].enumerated().allSatisfy { $0.offset == col || abs($0.element) < 1e-9 }
                let cell = component.sorted()[col]
                if alone, suppressed.contains(cell) { return (cell, rows) }
            }
        }
        return nil
    }
}

/// Small dense linear algebra for disclosure checks.
public enum LinearAlgebra {
    /// Brings the matrix to reduced row echelon form in place; returns (row, column) of every pivot.
    @discardableResult
    public static func reducedRowEchelon(_ matrix: inout [[Double]]) -> [(Int, Int)] {
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

    /// The rank of a matrix.
    public static func rank(_ matrix: [[Double]]) -> Int {
        var copy = matrix
        return reducedRowEchelon(&copy).count
    }
}
