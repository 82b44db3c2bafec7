import Foundation

/// The status of one published value, with the qualifiers of official statistics (GENESIS).
/// A value that is not there is never a zero: only `zero` ("-") means exactly nothing.
public enum ValueStatus: String, Codable, CaseIterable, Sendable {
    /// A plain value (GENESIS flat files write "e" for final).
    case final = ""
    /// "-": exactly zero.
    case zero = "-"
    /// ".": unknown or kept secret.
    case secret = "."
    /// "x": not applicable.
    case notApplicable = "x"
    /// "...": not yet available.
    case notYetAvailable = "..."
    /// "/": not reliable enough to publish.
    case unreliable = "/"
    /// "p": provisional.
    case provisional = "p"
    /// "r": revised.
    case revised = "r"
    /// "s": estimated.
    case estimated = "s"

    /// Whether a value of this status has a number.
    public var carriesValue: Bool {
        switch self {
        case .final, .zero, .provisional, .revised, .estimated: return true
        case .secret, .notApplicable, .notYetAvailable, .unreliable: return false
        }
    }

    /// Reads a qualifier as written in files: the symbols above, "e" for final, empty for none.
    public init?(qualifier: String) {
        let trimmed = qualifier.trimmingCharacters(in: .whitespaces)
        if trimmed == "e" || trimmed.isEmpty { self = .final; return }
        if trimmed == "…" { self = .notYetAvailable; return }
        guard let status = ValueStatus(rawValue: trimmed.lowercased()) else { return nil }
        self = status
    }

    /// The symbol shown in tables.
    public var symbol: String { self == .final ? "" : rawValue }
}

/// The categories a value is broken down by (sex, age group, nationality …): data, not columns.
/// The empty breakdown is the total.
public struct Breakdown: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Dimension → category, e.g. "sex" → "female".
    public let categories: [String: String]

    public static let total = Breakdown([:])

    public init(_ categories: [String: String]) {
        self.categories = categories.isEmpty ? categories : categories.filter { !$0.value.isEmpty }
    }

    /// `dimension=category;dimension=category`, sorted by dimension; "" for the total.
    public var canonical: String {
        if categories.isEmpty { return "" }
        return categories.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    public var description: String { canonical }
    public var isTotal: Bool { categories.isEmpty }

    /// Parses the canonical form. Codes are letters, digits, `_`, `-` and `.`.
    public init?(canonical: String) {
        var result: [String: String] = [:]
        for part in canonical.split(separator: ";", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { return nil }
            let dimension = pieces[0].trimmingCharacters(in: .whitespaces)
            let category = pieces[1].trimmingCharacters(in: .whitespaces)
            guard Self.isCode(dimension), Self.isCode(category), result[dimension] == nil else { return nil }
            result[dimension] = category
        }
        self.init(result)
    }

    public static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 60
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)) }
    }

    /// This breakdown without one dimension (the total it adds up to).
    public func removing(_ dimension: String) -> Breakdown {
        var copy = categories
        copy[dimension] = nil
        return Breakdown(copy)
    }

    public static func < (lhs: Breakdown, rhs: Breakdown) -> Bool {
        lhs.canonical < rhs.canonical
    }
}

/// What identifies one value: variable, unit, reference date, breakdown.
public struct ObservationKey: Hashable, Sendable {
    public let variable: String
    public let unitKey: String
    public let date: Day
    public let breakdown: Breakdown

    public init(variable: String, unitKey: String, date: Day, breakdown: Breakdown = .total) {
        self.variable = variable
        self.unitKey = unitKey
        self.date = date
        self.breakdown = breakdown
    }
}

/// One value of a variable for a unit on a reference date.
public struct Observation: Hashable, Sendable {
    public let key: ObservationKey
    /// nil when the status carries no number (".", "x", "...", "/").
    public let value: Double?
    public let status: ValueStatus

    public init(key: ObservationKey, value: Double?, status: ValueStatus = .final) {
        self.key = key
        self.value = value
        self.status = status
    }

    public init(_ variable: String, _ unitKey: String, _ date: Day, _ value: Double?, breakdown: Breakdown = .total, status: ValueStatus = .final) {
        self.init(key: ObservationKey(variable: variable, unitKey: unitKey, date: date, breakdown: breakdown), value: value, status: status)
    }
}

/// Observations looked up by key, and by series (variable, breakdown, date) then unit: computations over all
/// units fetch a series once and then look up only the unit key.
public struct ObservationTable: Sendable {
    public struct SeriesKey: Hashable, Sendable {
        public let variable: String
        public let breakdown: Breakdown
        public let date: Day
    }

    public private(set) var values: [ObservationKey: Observation] = [:]
    private var series: [SeriesKey: [String: Observation]] = [:]
    private var breakdownIndex: [DateKey: Set<Breakdown>] = [:]

    struct DateKey: Hashable, Sendable {
        let variable: String
        let date: Day
    }
    /// Keys whose value here is newer than the released one (only when current values were read): marked "nicht freigegeben".
    public var unreleased: Set<ObservationKey> = []

    public init(_ observations: [Observation] = []) {
        for observation in observations { insert(observation) }
    }

    public mutating func insert(_ observation: Observation) {
        let key = observation.key
        values[key] = observation
        series[SeriesKey(variable: key.variable, breakdown: key.breakdown, date: key.date), default: [:]][key.unitKey] = observation
        breakdownIndex[DateKey(variable: key.variable, date: key.date), default: []].insert(key.breakdown)
    }

    public subscript(_ key: ObservationKey) -> Observation? { values[key] }

    /// The values of one variable, breakdown and date, by unit key.
    public func series(_ variable: String, _ breakdown: Breakdown, _ date: Day) -> [String: Observation] {
        series[SeriesKey(variable: variable, breakdown: breakdown, date: date)] ?? [:]
    }

    /// The breakdowns a variable has values for on a date.
    public func breakdowns(of variable: String, on date: Day) -> Set<Breakdown> {
        breakdownIndex[DateKey(variable: variable, date: date)] ?? []
    }

    public var dates: [Day] { Array(Set(values.keys.map(\.date))).sorted() }

    /// Dates with a value of any of the variables, oldest first.
    public func dates(of variables: Set<String>) -> [Day] {
        Array(Set(values.keys.lazy.filter { variables.contains($0.variable) }.map(\.date))).sorted()
    }
}
