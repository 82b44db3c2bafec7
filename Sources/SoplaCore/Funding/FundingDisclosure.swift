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

/// The dominance rule applied to the funding figures.
public enum FundingDisclosure {
    /// The figures to hide, given every figure's money per recipient, the order the figures are shown in (all of
    /// them published) and the sums tying them together (total, parts; an unpublished remainder is added per sum).
    public static func hidden(shown: [FundingFigure], byRecipient: [String: [FundingFigure: Money]],
                              sums: [(total: FundingFigure, parts: [FundingFigure])], rule: DominanceRule = .standard) -> DominanceTable<FundingFigure>.Protection {
        var table = DominanceTable<FundingFigure>()
        for figure in shown {
            var contributions: [String: Int] = [:]
            for (recipient, figures) in byRecipient {
                if let money = figures[figure], money.cents != 0 { contributions[recipient] = money.cents }
            }
            table.add(figure, contributions: contributions)
        }
        for (index, sum) in sums.enumerated() {
            table.addSum(total: sum.total, parts: sum.parts, rest: .rest("\(index)"))
        }
        return table.protect(rule)
    }
}
