import Foundation

/// One public figure of money in the funding figures (the transparency portal, the funding block of a report).
public enum FundingFigure: Hashable, Sendable {
    public enum Measure: String, Hashable, Sendable {
        case committed, paid, proven
    }

    /// A programme's money of the year, by its position in the list of programmes.
    case programme(Int, Measure)
    /// Committed money of a topic (category), by its shown name.
    case category(String)
    /// Committed money spread onto a municipality, by its name.
    case municipality(String)
    /// Committed money of a category with a planning standard in a municipality.
    case need(category: String, municipality: String)
    /// Committed money for preventive services.
    case preventive
    /// All committed or paid money of a year (the year's total and the comparison of years).
    case year(Int, Measure)
    /// What follows from a sum but is never shown (the money left over when the shown parts are taken off).
    case rest(String)
}

/// What an earlier public state of the funding figures showed: per figure, whether it was shown and what every
/// recipient had in it then (cents). A reader who kept it can subtract it from today's figures.
public struct FundingRelease: Hashable, Sendable {
    public struct Figure: Hashable, Sendable {
        public let shown: Bool
        public let cents: [String: Int]

        public init(shown: Bool, cents: [String: Int]) {
            self.shown = shown
            self.cents = cents
        }
    }

    public let figures: [FundingFigure: Figure]
    /// Whether a figure missing from the release was known to be zero then (a category without money has no row on
    /// the same page), or simply not part of it (a release of another page).
    public let missingIsZero: Bool

    public init(figures: [FundingFigure: Figure], missingIsZero: Bool) {
        self.figures = figures
        self.missingIsZero = missingIsZero
    }
}

/// The dominance rule applied to the funding figures.
public enum FundingDisclosure {
    /// The figures to hide, given every figure's money per recipient, the order the figures are shown in (all of
    /// them published) and the sums tying them together (total, parts; an unpublished remainder is added per sum).
    public static func hidden(shown: [FundingFigure], byRecipient: [String: [FundingFigure: Money]],
                              sums: [(total: FundingFigure, parts: [FundingFigure])], rule: DominanceRule = .standard) -> DominanceTable<FundingFigure>.Protection {
        table(shown: shown, cents: cents(shown: shown, byRecipient: byRecipient), sums: sums).protect(rule)
    }

    /// Every shown figure's cents per recipient (recipients with nothing in it left out).
    public static func cents(shown: [FundingFigure], byRecipient: [String: [FundingFigure: Money]]) -> [FundingFigure: [String: Int]] {
        var result: [FundingFigure: [String: Int]] = [:]
        for figure in shown {
            var contributions: [String: Int] = [:]
            for (recipient, figures) in byRecipient {
                if let money = figures[figure], money.cents != 0 { contributions[recipient] = money.cents }
            }
            result[figure] = contributions
        }
        return result
    }

    static func table(shown: [FundingFigure], cents: [FundingFigure: [String: Int]], sums: [(total: FundingFigure, parts: [FundingFigure])]) -> DominanceTable<FundingFigure> {
        var table = DominanceTable<FundingFigure>()
        for figure in shown { table.add(figure, contributions: cents[figure] ?? [:]) }
        for (index, sum) in sums.enumerated() {
            table.addSum(total: sum.total, parts: sum.parts, rest: .rest("\(index)"))
        }
        return table
    }

    /// What a release of these figures shows: every shown figure with its cents per recipient, and whether it is
    /// published.
    public static func release(shown: [FundingFigure], byRecipient: [String: [FundingFigure: Money]], hidden: Set<FundingFigure>) -> FundingRelease {
        let cents = cents(shown: shown, byRecipient: byRecipient)
        return FundingRelease(figures: Dictionary(uniqueKeysWithValues: shown.map { ($0, FundingRelease.Figure(shown: !hidden.contains($0), cents: cents[$0] ?? [:])) }),
                              missingIsZero: true)
    }

    /// The figures to hide today, given what earlier releases showed: besides today's figures, every change of a
    /// figure since a release that showed it must pass the rule too (one new agreement would otherwise be today's
    /// total minus yesterday's), and no change may follow from the others by the sums. A change the rule forbids
    /// hides today's figure, with further figures beside it as for today's table, until both hold.
    public static func hidden(shown: [FundingFigure], byRecipient: [String: [FundingFigure: Money]],
                              sums: [(total: FundingFigure, parts: [FundingFigure])], earlier: [FundingRelease],
                              rule: DominanceRule = .standard) -> Set<FundingFigure> {
        let today = cents(shown: shown, byRecipient: byRecipient)
        let todayTable = table(shown: shown, cents: today, sums: sums)
        var hidden = todayTable.protect(rule).hidden
        while true {
            var more: Set<FundingFigure> = []
            for release in earlier {
                var table = DominanceTable<FundingFigure>()
                var changes: [FundingFigure: [String: Int]] = [:]
                var unknown: Set<FundingFigure> = []
                for figure in shown {
                    let then = release.figures[figure] ?? (release.missingIsZero ? FundingRelease.Figure(shown: true, cents: [:]) : nil)
                    if then?.shown != true { unknown.insert(figure) }
                    var change = today[figure] ?? [:]
                    for (recipient, cents) in then?.cents ?? [:] { change[recipient, default: 0] -= cents }
                    changes[figure] = change
                    table.add(figure, contributions: change.compactMapValues { $0 == 0 ? nil : abs($0) })
                }
                // A sum ties changes together only where the release holds all of its figures (a release of another page
                // holds the years' totals alone: what its page did not show of them says nothing about today's parts).
                func recorded(_ figure: FundingFigure) -> Bool { release.missingIsZero || release.figures[figure] != nil }
                for (index, sum) in sums.enumerated() where changes[sum.total] != nil && sum.parts.allSatisfy({ changes[$0] != nil }) && !sum.parts.isEmpty
                    && recorded(sum.total) && sum.parts.allSatisfy(recorded) {
                    var left = changes[sum.total]!
                    for part in sum.parts { for (recipient, cents) in changes[part]! { left[recipient, default: 0] -= cents } }
                    let rest = FundingFigure.rest("\(index)")
                    table.add(rest, contributions: left.compactMapValues { $0 == 0 ? nil : abs($0) }, published: false)
                    table.addSum(total: sum.total, parts: sum.parts + [rest])
                }
                let protection = table.protect(rule, hiddenAlready: hidden.union(unknown))
                more.formUnion(protection.hidden)
            }
            more.subtract(hidden)
            guard !more.isEmpty else { return hidden }
            // Today's table again, with what the changes hide: its own sums may now give one of them away.
            let again = todayTable.protect(rule, hiddenAlready: hidden.union(more))
            hidden.formUnion(more)
            hidden.formUnion(again.hidden)
        }
    }
}
