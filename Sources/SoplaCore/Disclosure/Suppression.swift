import Foundation

/// A table of counts to publish, with the sums that tie its cells together (a parent is the sum of its
/// children; a total is the sum of the categories of one breakdown).
public struct DisclosureTable: Sendable {
    /// What a cell stands for.
    public enum Kind: Hashable, Sendable {
        /// A figure of this release: published, or hidden by disclosure control.
        case figure
        /// A remainder no output shows (the categories of a breakdown that were not delivered): never published,
        /// protected like a figure when it is small.
        case implicit
        /// A figure of an earlier release whose value has changed since: fixed as it was released then.
        case earlier(published: Bool)
        /// A figure an earlier release did not include: unknown to a reader, nothing to protect.
        case unreleased
    }

    public struct Cell: Hashable, Sendable {
        public let id: String
        /// nil when there is no figure (a gap): unknown to a reader as well.
        public let value: Double?
        public let kind: Kind

        public init(id: String, value: Double?, kind: Kind = .figure) {
            self.id = id
            self.value = value
            self.kind = kind
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
    private var known: Set<Constraint> = []

    public init() {}

    /// Adds a cell once; later additions of the same id are ignored.
    @discardableResult
    public mutating func add(_ id: String, value: Double?, kind: Kind = .figure) -> Int {
        if let existing = index[id] { return existing }
        index[id] = cells.count
        cells.append(Cell(id: id, value: value, kind: kind))
        return cells.count - 1
    }

    public func position(of id: String) -> Int? { index[id] }

    public mutating func addConstraint(total: String, parts: [String]) {
        guard let t = index[total] else { return }
        let p = parts.compactMap { index[$0] }
        guard p.count == parts.count else { return }
        addConstraint(Constraint(total: t, parts: p))
    }

    /// Adds a sum once. A sum whose figures are all there but do not add up (a reported total that differs from
    /// its parts) ties nothing and is left out.
    public mutating func addConstraint(_ constraint: Constraint) {
        guard !constraint.parts.isEmpty, !known.contains(constraint) else { return }
        let values = constraint.cells.map { cells[$0].value }
        if values.allSatisfy({ $0 != nil }) {
            let parts = constraint.parts.reduce(0.0) { $0 + (cells[$1].value ?? 0) }
            guard abs(parts - (cells[constraint.total].value ?? 0)) < 1e-6 else { return }
        }
        known.insert(constraint)
        constraints.append(constraint)
    }
}

/// Why a cell is not published (for planners only; public outputs never say which).
public enum SuppressionReason: String, Sendable, Hashable {
    /// A count below the minimum.
    case primary
    /// Hidden so that no hidden cell can be narrowed down from what is published (now or earlier).
    case secondary
}

/// Disclosure control (Geheimhaltung) with protection intervals.
///
/// Primary suppression hides every count from 1 to `minimum − 1`. A reader who knows every published figure,
/// every sum of the table, that counts are whole numbers ≥ 0 and how the rule works can still narrow a hidden
/// cell to an interval: its smallest and largest value over all solutions of the sums (a linear program per
/// cell). Every hidden cell must keep an interval with at least `minimum` possible values whose upper end is
/// at least `minimum` — so nobody can tell a hidden small count from a hidden large one. Secondary suppression
/// hides further cells until that holds (the protection-level approach of τ-ARGUS and sdcTable): where a
/// cell's interval is too narrow, the next cell hidden is one of its sums' published parts — the smallest one of
/// at least `minimum`, else the largest — with totals only when no part is left.
///
/// A sum whose hidden cells are all small would still tell each of them is small; such a sum gets a further hidden
/// cell of at least `minimum`, so a hidden cell may always be a large one.
///
/// Earlier releases enter as cells of their own (`Kind.earlier`) where a value changed since, and through
/// `hiddenBefore` (stays hidden) and `publishedBefore` (known to every reader, hiding it again protects nothing).
public enum Suppression {
    /// The possible values of a hidden cell as a reader can narrow them down.
    public struct Interval: Hashable, Sendable, CustomStringConvertible {
        public let lower: Int
        /// nil when unbounded.
        public let upper: Int?

        public init(lower: Int, upper: Int?) {
            self.lower = lower
            self.upper = upper
        }

        /// At least `minimum` possible values, the largest at least `minimum`.
        public func protects(minimum: Int) -> Bool {
            guard let upper else { return true }
            return upper >= minimum && upper - lower + 1 >= minimum
        }

        public var description: String { "[\(lower), \(upper.map(String.init) ?? "∞")]" }
    }

    /// The reason per hidden figure (cells of kind `.figure` only).
    public static func protect(_ table: DisclosureTable, minimum: Int, hiddenBefore: Set<Int> = [], publishedBefore: Set<Int> = []) -> [Int: SuppressionReason] {
        var reasons: [Int: SuppressionReason] = [:]
        for (i, cell) in table.cells.enumerated() where cell.kind == .figure {
            if let value = cell.value, value > 0, value < Double(minimum) { reasons[i] = .primary }
            else if hiddenBefore.contains(i) { reasons[i] = .secondary }
        }
        var state = State(table: table, minimum: minimum, hidden: Set(reasons.keys), publishedBefore: publishedBefore)
        guard !state.protected.isEmpty else { return reasons }
        var pending = state.protected
        var unprotectable: Set<Int> = []
        var unfixableGroups: Set<Int> = []
        while let start = pending.min() {
            // A sum with one unknown cell gives it away by subtraction: the cheapest case first.
            if let (cell, constraint) = state.singleUnknown(near: start, skipping: unprotectable) {
                if let pick = state.candidate(for: cell, in: [constraint]) ?? state.candidate(for: cell, in: state.constraintsOf[cell] ?? []) {
                    reasons[pick] = .secondary
                    state.hide(pick)
                    pending.formUnion(state.protectedCells(inComponentOf: pick))
                } else {
                    unprotectable.insert(cell)
                    pending.remove(cell)
                }
                continue
            }
            let component = state.component(of: start)
            // A sum whose hidden cells are all small would tell that each of them is small.
            // (A sum of small cells only, such as a small total with its categories, has none to add: the sums above it do.)
            if let (cell, constraint) = state.smallGroup(component, skipping: unfixableGroups) {
                if let pick = state.candidate(for: cell, in: [constraint], largeOnly: true) {
                    reasons[pick] = .secondary
                    state.hide(pick)
                    pending.formUnion(state.protectedCells(inComponentOf: pick))
                } else {
                    unfixableGroups.insert(constraint)
                }
                continue
            }
            let ranges = state.intervals(component)
            let checked = component.cells.filter { state.protected.contains($0) && !unprotectable.contains($0) }
            guard let violated = checked.first(where: { !(ranges[$0]?.protects(minimum: minimum) ?? true) }) else {
                pending.subtract(component.cells)
                continue
            }
            let near = state.constraintsOf[violated] ?? []
            if let pick = state.candidate(for: violated, in: near) ?? state.candidate(for: violated, in: component.constraints) {
                reasons[pick] = .secondary
                state.hide(pick)
                pending.formUnion(state.protectedCells(inComponentOf: pick))
            } else {
                unprotectable.insert(violated)
            }
        }
        return reasons
    }

    /// The interval a reader can derive for every cell unknown to them, given the hidden figures.
    public static func intervals(_ table: DisclosureTable, hidden: Set<Int>, publishedBefore: Set<Int> = []) -> [Int: Interval] {
        let state = State(table: table, minimum: 0, hidden: hidden, publishedBefore: publishedBefore)
        var result: [Int: Interval] = [:]
        var seen: Set<Int> = []
        for cell in table.cells.indices where state.unknown(cell) && !seen.contains(cell) {
            let component = state.component(of: cell)
            seen.formUnion(component.cells)
            result.merge(state.intervals(component, all: true)) { a, _ in a }
        }
        return result
    }

    /// The working state: which cells a reader does not know, and which must be protected.
    struct State {
        let table: DisclosureTable
        let minimum: Int
        var hidden: Set<Int>
        let publishedBefore: Set<Int>
        /// Cells that must keep a wide enough interval.
        var protected: Set<Int> = []
        var constraintsOf: [Int: [Int]] = [:]

        init(table: DisclosureTable, minimum: Int, hidden: Set<Int>, publishedBefore: Set<Int>) {
            self.table = table
            self.minimum = minimum
            self.hidden = hidden
            self.publishedBefore = publishedBefore
            for (c, constraint) in table.constraints.enumerated() {
                for cell in Set(constraint.cells) { constraintsOf[cell, default: []].append(c) }
            }
            for (i, cell) in table.cells.enumerated() where cell.value != nil {
                switch cell.kind {
                case .figure: if hidden.contains(i) && !publishedBefore.contains(i) { protected.insert(i) }
                case .implicit: if let v = cell.value, v > 0, v < Double(minimum) { protected.insert(i) }
                case .earlier(let published): if !published { protected.insert(i) }
                case .unreleased: break
                }
            }
        }

        mutating func hide(_ cell: Int) {
            hidden.insert(cell)
            protected.insert(cell)
        }

        /// Whether a reader does not know the cell's value.
        func unknown(_ cell: Int) -> Bool {
            let c = table.cells[cell]
            if c.value == nil { return true }
            switch c.kind {
            case .figure: return hidden.contains(cell) && !publishedBefore.contains(cell)
            case .implicit, .unreleased: return true
            case .earlier(let published): return !published
            }
        }

        /// Whether the cell is a small count (a primary figure or a small remainder).
        func isSmall(_ cell: Int) -> Bool {
            guard let value = table.cells[cell].value else { return false }
            return value > 0 && value < Double(minimum)
        }

        /// A sum with a small hidden cell whose hidden cells are all below the minimum, with that cell.
        func smallGroup(_ component: Component, skipping: Set<Int>) -> (Int, Int)? {
            for c in component.constraints where !skipping.contains(c) {
                let unknowns = table.constraints[c].cells.filter(unknown)
                guard let small = unknowns.first(where: { isSmall($0) && protected.contains($0) }) else { continue }
                if unknowns.allSatisfy({ table.cells[$0].value.map { $0 < Double(minimum) } ?? false }) { return (small, c) }
            }
            return nil
        }

        /// A protected cell in the component of `start` that is the only unknown cell of a sum.
        func singleUnknown(near start: Int, skipping: Set<Int>) -> (Int, Int)? {
            for cell in component(of: start).cells where protected.contains(cell) && !skipping.contains(cell) {
                for c in constraintsOf[cell] ?? [] where table.constraints[c].cells.filter(unknown).count == 1 {
                    return (cell, c)
                }
            }
            return nil
        }

        struct Component {
            var cells: [Int]
            var constraints: [Int]
        }

        /// The unknown cells linked to `start` by sums, and those sums.
        func component(of start: Int) -> Component {
            var visited: Set<Int> = [start]
            var rows: Set<Int> = []
            var queue = [start]
            var cells: [Int] = []
            while let cell = queue.popLast() {
                cells.append(cell)
                for c in constraintsOf[cell] ?? [] {
                    rows.insert(c)
                    for other in table.constraints[c].cells where unknown(other) && !visited.contains(other) {
                        visited.insert(other)
                        queue.append(other)
                    }
                }
            }
            return Component(cells: cells.sorted(), constraints: rows.sorted())
        }

        func protectedCells(inComponentOf cell: Int) -> Set<Int> {
            Set(component(of: cell).cells.filter { protected.contains($0) })
        }

        /// Intervals of the protected cells of a component (of all its cells with `all`).
        func intervals(_ component: Component, all: Bool = false) -> [Int: Interval] {
            let columns = Dictionary(uniqueKeysWithValues: component.cells.enumerated().map { ($1, $0) })
            var matrix: [[Double]] = []
            var rhs: [Double] = []
            for c in component.constraints {
                let constraint = table.constraints[c]
                var row = Array(repeating: 0.0, count: columns.count)
                var constant = 0.0
                for (cell, sign) in [(constraint.total, 1.0)] + constraint.parts.map({ ($0, -1.0) }) {
                    if let column = columns[cell] { row[column] += sign } else { constant -= sign * (table.cells[cell].value ?? 0) }
                }
                matrix.append(row)
                rhs.append(constant)
            }
            let wanted = component.cells.filter { all || protected.contains($0) }
            guard let program = LinearProgram(coefficients: matrix, rhs: rhs, variableCount: columns.count) else {
                // Inconsistent sums cannot be solved by a reader either.
                return Dictionary(uniqueKeysWithValues: wanted.map { ($0, Interval(lower: 0, upper: nil)) })
            }
            var result: [Int: Interval] = [:]
            for cell in wanted {
                let range = program.range(of: columns[cell]!)
                result[cell] = Interval(lower: Int((range.lower - 1e-6).rounded(.up)), upper: range.upper.map { Int(($0 + 1e-6).rounded(.down)) })
            }
            return result
        }

        /// The published figure to hide next for a cell whose interval is too narrow, among the given sums.
        func candidate(for cell: Int, in constraints: [Int], largeOnly: Bool = false) -> Int? {
            var best: Int?
            var bestKey: (Int, Int, Double, String)?
            for c in constraints {
                let constraint = table.constraints[c]
                for other in constraint.cells where other != cell && table.cells[other].kind == .figure && !unknown(other) && !publishedBefore.contains(other) {
                    guard let value = table.cells[other].value, !largeOnly || value >= Double(minimum) else { continue }
                    let isTotal = constraint.total == other ? 1 : 0
                    let large = value >= Double(minimum)
                    let key = (isTotal, large ? 0 : 1, large ? value : -value, table.cells[other].id)
                    if bestKey == nil || key < bestKey! { best = other; bestKey = key }
                }
            }
            return best
        }
    }
}
