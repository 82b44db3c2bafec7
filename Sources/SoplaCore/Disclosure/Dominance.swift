import Foundation

/// The dominance rule for sums of money: a total that is the money of a few recipients, or mostly of one, tells
/// what that recipient got and is not published. With (n, k) = (2, 85): a total made of one or two recipients, or
/// one where a single recipient holds 85 % or more, stays secret.
public struct DominanceRule: Hashable, Sendable {
    /// A total of at most `n` recipients is not published.
    public let n: Int
    /// A total where one recipient holds `k` per cent or more is not published.
    public let k: Int

    public init(n: Int = 2, k: Int = 85) {
        self.n = n
        self.k = k
    }

    public static let standard = DominanceRule()

    /// Whether a total may be published, given the amounts (in cents) each recipient contributes to it. Recipients
    /// with nothing in it do not count; a total of zero tells nothing about anybody and is published.
    public func allows(_ amounts: [Int]) -> Bool {
        let positive = amounts.filter { $0 > 0 }
        let total = positive.reduce(0, +)
        guard total > 0 else { return true }
        if positive.count <= n { return false }
        // largest / total < k / 100, in integers.
        return positive.max()! * 100 < k * total
    }
}

/// Money figures to publish, each with what every recipient contributes to it, and the sums that tie them together.
/// `protect` hides the figures the dominance rule forbids (primary) and then, so that none of them can be worked out
/// by subtraction, further figures (secondary).
public struct DominanceTable<ID: Hashable & Sendable>: Sendable {
    public struct Cell: Sendable {
        public let id: ID
        /// Cents per recipient.
        public let contributions: [String: Int]
        /// false for a figure that is never shown but follows from shown ones (the money not in any category, say):
        /// it may become known by subtraction, and then must pass the rule itself.
        public let published: Bool

        public var amount: Int { contributions.values.reduce(0, +) }
    }

    /// `total = parts[0] + parts[1] + …`.
    public struct Constraint: Sendable {
        public let total: ID
        public let parts: [ID]
    }

    public private(set) var cells: [ID: Cell] = [:]
    /// The order cells were added in.
    public private(set) var order: [ID] = []
    public private(set) var constraints: [Constraint] = []

    public init() {}

    /// Adds a figure once; later additions of the same id are ignored.
    public mutating func add(_ id: ID, contributions: [String: Int], published: Bool = true) {
        guard cells[id] == nil else { return }
        cells[id] = Cell(id: id, contributions: contributions, published: published)
        order.append(id)
    }

    /// Adds `total = Σ parts` and, so that the equation holds exactly, an unpublished remainder `rest` with what the
    /// parts leave of the total per recipient. Ignored when the total or a part is unknown.
    public mutating func addSum(total: ID, parts: [ID], rest: ID? = nil) {
        guard let whole = cells[total], !parts.isEmpty, parts.allSatisfy({ cells[$0] != nil }) else { return }
        var parts = parts
        if let rest {
            var left = whole.contributions
            for part in parts { for (recipient, cents) in cells[part]!.contributions { left[recipient, default: 0] -= cents } }
            add(rest, contributions: left.filter { $0.value != 0 }, published: false)
            parts.append(rest)
        }
        constraints.append(Constraint(total: total, parts: parts))
    }

    /// The figures not published: those the rule forbids, and those hidden to protect them.
    public struct Protection: Sendable {
        public let primary: Set<ID>
        public let secondary: Set<ID>

        public var hidden: Set<ID> { primary.union(secondary) }
    }

    /// Primary: every published figure the rule forbids. Secondary: while some sum lets a reader work out a figure
    /// the rule forbids, or a hidden one, alone (one unknown in the sum), or a group of hidden figures whose
    /// combined money the rule forbids (the total known), hide the smallest other published part of that sum above
    /// zero (a hidden zero protects nothing), else its total, else a zero part; of equally small parts the first of
    /// the sum. `hiddenAlready`: figures hidden for other reasons (they protect as hidden figures do); they are
    /// neither primary nor secondary in the result.
    public func protect(_ rule: DominanceRule = .standard, hiddenAlready: Set<ID> = []) -> Protection {
        func allows(_ ids: [ID]) -> Bool {
            var merged: [String: Int] = [:]
            for id in ids { for (recipient, cents) in cells[id]!.contributions { merged[recipient, default: 0] += cents } }
            return rule.allows(Array(merged.values))
        }
        let primary = Set(order.filter { cells[$0]!.published && !hiddenAlready.contains($0) && !allows([$0]) })
        var hidden = primary.union(hiddenAlready)
        var secondary: Set<ID> = []
        while true {
            // What a reader knows: the published figures, every remainder of nothing (a reader may take it that the
            // parts add up), and every unpublished remainder a sum gives away that the rule lets go (a sum giving
            // away anything else is a violation below).
            var known = Set(order.filter { cells[$0]!.published ? !hidden.contains($0) : cells[$0]!.contributions.values.allSatisfy { $0 == 0 } })
            var learnt = true
            while learnt {
                learnt = false
                for c in constraints {
                    let unknown = ([c.total] + c.parts).filter { !known.contains($0) }
                    if unknown.count == 1, !cells[unknown[0]]!.published, allows(unknown) {
                        known.insert(unknown[0])
                        learnt = true
                    }
                }
            }
            var pick: ID?
            for c in constraints {
                let unknown = Set(([c.total] + c.parts).filter { !known.contains($0) })
                let exposed: Bool
                if unknown.count == 1 { exposed = true }
                else if unknown.count > 1, !unknown.contains(c.total) { exposed = !allows(c.parts.filter(unknown.contains)) }
                else { exposed = false }
                guard exposed else { continue }
                // A hidden zero adds nothing to the protection: the smallest figure above zero first, then the total.
                let candidates = c.parts.filter { known.contains($0) && cells[$0]!.published }
                let positive = candidates.filter { cells[$0]!.amount > 0 }
                if let smallest = positive.min(by: { cells[$0]!.amount < cells[$1]!.amount }) {
                    pick = smallest
                } else if known.contains(c.total), cells[c.total]!.published {
                    pick = c.total
                } else {
                    pick = candidates.first
                }
                if pick != nil { break }
            }
            guard let pick else { break }
            hidden.insert(pick)
            secondary.insert(pick)
        }
        return Protection(primary: primary, secondary: secondary)
    }
}
