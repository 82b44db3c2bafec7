import Foundation

/// Social controlling of one year: the money of every programme from plan to proof, where it goes (category,
/// provider, municipality per inhabitant), the preventive share, target attainment and the years compared.
public struct ControllingOverview: Sendable {
    public let year: Int
    public let years: [Int]
    public let programmes: [(name: String, figures: ControllingFigures)]
    public let byCategory: [(name: String, amount: Money)]
    public let byProvider: [(name: String, amount: Money)]
    public let byUnit: [(name: String, amount: Money, population: Int?, perInhabitant: Money?)]
    public let preventive: Money
    public let total: Money
    public let attainment: [(agreement: String, organisation: String, target: String, percent: Double?, light: TrafficLight?)]
    public let trend: [(year: Int, planned: Money, committed: Money, paid: Money)]
    /// Per funded category with a planning standard: funding and coverage per municipality.
    public let need: [(category: String, rows: [(name: String, amount: Money, ratio: Double?, gap: Double)])]
    /// The figures the dominance rule keeps out of public outputs (planners see them all).
    public let hidden: Set<FundingFigure>
    /// A year asked for that has no figures (or is no year): the page says so and shows `year` instead.
    public var unknownYear: String?

    public init(year: Int, years: [Int], programmes: [(name: String, figures: ControllingFigures)], byCategory: [(name: String, amount: Money)],
                byProvider: [(name: String, amount: Money)], byUnit: [(name: String, amount: Money, population: Int?, perInhabitant: Money?)],
                preventive: Money, total: Money, attainment: [(agreement: String, organisation: String, target: String, percent: Double?, light: TrafficLight?)],
                trend: [(year: Int, planned: Money, committed: Money, paid: Money)], need: [(category: String, rows: [(name: String, amount: Money, ratio: Double?, gap: Double)])] = [],
                hidden: Set<FundingFigure> = []) {
        self.need = need
        self.hidden = hidden
        self.year = year
        self.years = years
        self.programmes = programmes
        self.byCategory = byCategory
        self.byProvider = byProvider
        self.byUnit = byUnit
        self.preventive = preventive
        self.total = total
        self.attainment = attainment
        self.trend = trend
    }
}
