import Foundation

/// A small linear program in equality form — `A·x = b`, `x ≥ 0` — solved by the simplex method on a dense tableau,
/// for the interval checks of disclosure control (tables of tens to a few hundred unknowns).
///
/// Phase 1 finds a feasible basis once; every objective (the minimum and the maximum of each unknown) then starts
/// from a copy of it. Bland's rule keeps the method from cycling on the degenerate tableaus that sums of counts give.
public struct LinearProgram: Sendable {
    /// The smallest and largest value a variable can take; `upper` is nil when it is unbounded.
    public struct Range: Hashable, Sendable {
        public let lower: Double
        public let upper: Double?

        public init(lower: Double, upper: Double?) {
            self.lower = lower
            self.upper = upper
        }
    }

    static let epsilon = 1e-9

    /// The feasible tableau after phase 1: rows of the constraints without redundant ones, the basic variable of each row.
    private var rows: [[Double]]
    private var rhs: [Double]
    private var basis: [Int]
    public let variableCount: Int

    /// nil when the equations have no solution with every variable ≥ 0.
    public init?(coefficients: [[Double]], rhs b: [Double], variableCount n: Int) {
        precondition(coefficients.count == b.count && coefficients.allSatisfy { $0.count == n })
        variableCount = n
        let m = b.count
        // Phase 1: one artificial variable per row (columns n..<n+m), minimise their sum.
        var rows: [[Double]] = []
        var rhs: [Double] = []
        rows.reserveCapacity(m)
        for i in 0..<m {
            let sign: Double = b[i] < 0 ? -1 : 1
            var row = coefficients[i].map { $0 * sign }
            row += Array(repeating: 0, count: m)
            row[n + i] = 1
            rows.append(row)
            rhs.append(b[i] * sign)
        }
        var basis = Array(n..<(n + m))
        var cost = Array(repeating: 0.0, count: n + m)
        for j in n..<(n + m) { cost[j] = 1 }
        Self.optimise(rows: &rows, rhs: &rhs, basis: &basis, cost: cost, allowed: n + m)
        let infeasibility = zip(basis, rhs).reduce(0.0) { $0 + ($1.0 >= n ? $1.1 : 0) }
        guard infeasibility <= 1e-7 else { return nil }
        // Drive artificial variables out of the basis; a row where that is impossible is redundant.
        var r = 0
        while r < rows.count {
            if basis[r] >= n {
                if let column = (0..<n).first(where: { abs(rows[r][$0]) > Self.epsilon }) {
                    Self.pivot(rows: &rows, rhs: &rhs, basis: &basis, row: r, column: column)
                } else {
                    rows.remove(at: r)
                    rhs.remove(at: r)
                    basis.remove(at: r)
                    continue
                }
            }
            r += 1
        }
        // The artificial columns are no longer needed.
        self.rows = rows.map { Array($0.prefix(n)) }
        self.rhs = rhs
        self.basis = basis
    }

    /// The range of one variable over every solution.
    public func range(of variable: Int) -> Range {
        var objective = Array(repeating: 0.0, count: variableCount)
        objective[variable] = 1
        let lower = minimum(objective) ?? 0
        objective[variable] = -1
        let upper = minimum(objective).map { -$0 }
        return Range(lower: max(0, lower), upper: upper)
    }

    /// The minimum of `objective · x`, or nil when it is unbounded below.
    public func minimum(_ objective: [Double]) -> Double? {
        var rows = self.rows, rhs = self.rhs, basis = self.basis
        guard Self.optimise(rows: &rows, rhs: &rhs, basis: &basis, cost: objective, allowed: variableCount) else { return nil }
        return zip(basis, rhs).reduce(0.0) { $0 + objective[$1.0] * $1.1 }
    }

    /// Simplex iterations with Bland's rule until optimal (true) or unbounded (false). Only columns below `allowed` may enter.
    @discardableResult
    private static func optimise(rows: inout [[Double]], rhs: inout [Double], basis: inout [Int], cost: [Double], allowed: Int) -> Bool {
        let width = cost.count
        var guardCount = 0
        while guardCount < 50_000 {
            guardCount += 1
            // Reduced costs: c_j − c_B · column_j.
            var entering: Int?
            var inBasis = Array(repeating: false, count: width)
            for b in basis { inBasis[b] = true }
            for j in 0..<allowed where !inBasis[j] {
                var reduced = cost[j]
                for (i, row) in rows.enumerated() where row[j] != 0 { reduced -= cost[basis[i]] * row[j] }
                if reduced < -epsilon { entering = j; break }
            }
            guard let column = entering else { return true }
            // Ratio test; ties broken by the smallest basic variable (Bland).
            var leaving: Int?
            var best = Double.infinity
            for i in rows.indices where rows[i][column] > epsilon {
                let ratio = rhs[i] / rows[i][column]
                if ratio < best - epsilon || (abs(ratio - best) <= epsilon && leaving.map { basis[i] < basis[$0] } ?? true) {
                    best = ratio
                    leaving = i
                }
            }
            guard let row = leaving else { return false }
            pivot(rows: &rows, rhs: &rhs, basis: &basis, row: row, column: column)
        }
        return true
    }

    private static func pivot(rows: inout [[Double]], rhs: inout [Double], basis: inout [Int], row: Int, column: Int) {
        let scale = rows[row][column]
        for j in rows[row].indices { rows[row][j] /= scale }
        rhs[row] /= scale
        let pivotRow = rows[row]
        for i in rows.indices where i != row {
            let factor = rows[i][column]
            guard abs(factor) > 1e-15 else { continue }
            for j in pivotRow.indices where pivotRow[j] != 0 { rows[i][j] -= factor * pivotRow[j] }
            rows[i][column] = 0
            rhs[i] -= factor * rhs[row]
            if abs(rhs[i]) < 1e-12 { rhs[i] = 0 }
        }
        basis[row] = column
    }
}
