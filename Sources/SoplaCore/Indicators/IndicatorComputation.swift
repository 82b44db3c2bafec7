import Foundation

/// Parent–child links of the spatial units, built once for a computation.
public struct SpatialHierarchy: Sendable {
    public let keys: [String]
    public let parent: [String: String]
    public let children: [String: [String]]
    public let level: [String: String]
    /// Keys ordered so that every unit comes after all of its descendants.
    public let bottomUp: [String]
    /// The same, as positions in `keys`, with each unit's children as positions: for computations over all units.
    let bottomUpIndices: [Int]
    let childIndices: [[Int]]

    public init(_ units: [SpatialUnit]) {
        self.init(units.map { ($0.key, $0.parentKey, $0.levelCode) })
    }

    public init(_ units: [(key: String, parentKey: String?, level: String)]) {
        keys = units.map(\.key)
        let known = Set(keys)
        var parent: [String: String] = [:]
        var children: [String: [String]] = [:]
        var level: [String: String] = [:]
        for unit in units {
            level[unit.key] = unit.level
            if let p = unit.parentKey, known.contains(p) {
                parent[unit.key] = p
                children[p, default: []].append(unit.key)
            }
        }
        self.parent = parent
        self.children = children
        self.level = level
        // Depth first from the roots; reversing a pre-order puts children before parents.
        var order: [String] = []
        order.reserveCapacity(keys.count)
        var stack = keys.filter { parent[$0] == nil }.reversed().map { $0 }
        while let key = stack.popLast() {
            order.append(key)
            stack.append(contentsOf: (children[key] ?? []).reversed())
        }
        bottomUp = order.reversed()
        let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        bottomUpIndices = bottomUp.map { position[$0]! }
        childIndices = keys.map { key in (children[key] ?? []).compactMap { position[$0] } }
    }

    /// The chain of parents from the unit's parent up to the root.
    public func ancestors(of key: String) -> [String] {
        var result: [String] = []
        var current = parent[key]
        while let p = current, !result.contains(p) {
            result.append(p)
            current = parent[p]
        }
        return result
    }
}

/// Why an indicator has no value for a unit: shown as a gap, never as zero.
public enum ValueGap: Hashable, Sendable {
    /// Nothing was reported.
    case noData
    /// Reported with a qualifier that carries no number ("." secret, "x", "...", "/").
    case status(ValueStatus)
    /// The denominator is zero.
    case zeroDenominator
}

/// An indicator's value for one unit on one date, with the sums it comes from.
public struct IndicatorValue: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        /// From the unit's own reported figures.
        case observed
        /// Summed from the figures of all child units.
        case aggregated
    }

    public let unitKey: String
    public let date: Day
    public let numerator: Double?
    public let denominator: Double?
    public let value: Double?
    public let origin: Origin?
    public let gap: ValueGap?
    /// Qualifiers of the figures behind the value: provisional, revised, estimated.
    public let flags: Set<ValueStatus>

    public init(unitKey: String, date: Day, numerator: Double?, denominator: Double?, value: Double?, origin: Origin?, gap: ValueGap?, flags: Set<ValueStatus> = []) {
        self.unitKey = unitKey
        self.date = date
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.origin = origin
        self.gap = gap
        self.flags = flags
    }
}

/// Computes indicators: rates from summed numerators and denominators at every level, never by averaging rates.
public enum IndicatorComputation {
    /// A sum of terms for one unit: the number, or why there is none. Qualifiers are bits, not a set, because
    /// this runs for every unit and date.
    struct Part {
        var value: Double?
        var gap: ValueGap?
        var flags: UInt8

        static let none = Part(value: nil, gap: .noData, flags: 0)
    }

    static func bit(_ status: ValueStatus) -> UInt8 {
        switch status {
        case .provisional: return 1
        case .revised: return 2
        case .estimated: return 4
        default: return 0
        }
    }

    static func statuses(_ bits: UInt8) -> Set<ValueStatus> {
        guard bits != 0 else { return [] }
        var result: Set<ValueStatus> = []
        if bits & 1 != 0 { result.insert(.provisional) }
        if bits & 2 != 0 { result.insert(.revised) }
        if bits & 4 != 0 { result.insert(.estimated) }
        return result
    }

    static func part(_ terms: [IndicatorTerm], unit: String, date: Day, lookup: (ObservationKey) -> Observation?) -> Part {
        var sum = 0.0
        var flags: UInt8 = 0
        for term in terms {
            guard let observation = lookup(ObservationKey(variable: term.variable, unitKey: unit, date: date, breakdown: term.breakdown)) else {
                return Part(value: nil, gap: .noData, flags: flags)
            }
            guard observation.status.carriesValue, let value = observation.value else {
                return Part(value: nil, gap: .status(observation.status), flags: flags)
            }
            flags |= bit(observation.status)
            sum += value
        }
        return Part(value: sum, gap: nil, flags: flags)
    }

    /// The indicator for every unit on one date, from a table: each term's series is fetched once.
    public static func compute(_ indicator: Indicator, hierarchy: SpatialHierarchy, date: Day, table: ObservationTable) -> [String: IndicatorValue] {
        let numerator = indicator.numerator.map { table.series($0.variable, $0.breakdown, date) }
        let denominator = indicator.denominator.map { table.series($0.variable, $0.breakdown, date) }
        // One term is the usual case: no array per unit then.
        func side(_ series: [[String: Observation]]) -> (String) -> Part {
            if series.count == 1 {
                let only = series[0]
                return { unit in single(only[unit]) }
            }
            return { unit in part(series.map { $0[unit] }) }
        }
        return compute(indicator, hierarchy: hierarchy, date: date, numerator: side(numerator), denominator: side(denominator))
    }

    static func single(_ observation: Observation?) -> Part {
        guard let observation else { return .none }
        guard observation.status.carriesValue, let value = observation.value else { return Part(value: nil, gap: .status(observation.status), flags: 0) }
        return Part(value: value, gap: nil, flags: bit(observation.status))
    }

    static func part(_ observations: [Observation?]) -> Part {
        var sum = 0.0
        var flags: UInt8 = 0
        for observation in observations {
            guard let observation else { return Part(value: nil, gap: .noData, flags: flags) }
            guard observation.status.carriesValue, let value = observation.value else {
                return Part(value: nil, gap: .status(observation.status), flags: flags)
            }
            flags |= bit(observation.status)
            sum += value
        }
        return Part(value: sum, gap: nil, flags: flags)
    }

    /// The indicator for every unit of the hierarchy on one date. A unit's own reported figures come first;
    /// without them, a parent's sums come from its children — only when every child has them.
    public static func compute(_ indicator: Indicator, hierarchy: SpatialHierarchy, date: Day,
                               lookup: (ObservationKey) -> Observation?) -> [String: IndicatorValue] {
        compute(indicator, hierarchy: hierarchy, date: date,
                numerator: { part(indicator.numerator, unit: $0, date: date, lookup: lookup) },
                denominator: { part(indicator.denominator, unit: $0, date: date, lookup: lookup) })
    }

    static func compute(_ indicator: Indicator, hierarchy: SpatialHierarchy, date: Day,
                        numerator ownNumerator: (String) -> Part, denominator ownDenominator: (String) -> Part) -> [String: IndicatorValue] {
        let count = hierarchy.keys.count
        var numerators = [Part](repeating: .none, count: count)
        var denominators = [Part](repeating: .none, count: count)
        var aggregated = [Bool](repeating: false, count: count)
        let one = Part(value: 1, gap: nil, flags: 0)
        for index in hierarchy.bottomUpIndices {
            let key = hierarchy.keys[index]
            var numerator = ownNumerator(key)
            var denominator = indicator.isRate ? ownDenominator(key) : one
            let children = hierarchy.childIndices[index]
            if numerator.gap == .noData || denominator.gap == .noData, !children.isEmpty {
                var n = 0.0, d = 0.0, nFlags: UInt8 = 0, dFlags: UInt8 = 0
                var complete = true
                for child in children {
                    guard let cn = numerators[child].value, let cd = denominators[child].value else { complete = false; break }
                    n += cn
                    d += cd
                    nFlags |= numerators[child].flags
                    dFlags |= denominators[child].flags
                }
                if complete {
                    numerator = Part(value: n, gap: nil, flags: nFlags)
                    denominator = Part(value: d, gap: nil, flags: dFlags)
                    aggregated[index] = true
                }
            }
            numerators[index] = numerator
            denominators[index] = denominator
        }
        var result: [String: IndicatorValue] = [:]
        result.reserveCapacity(count)
        for index in 0..<count {
            let key = hierarchy.keys[index]
            let numerator = numerators[index], denominator = denominators[index]
            let flags = statuses(numerator.flags | denominator.flags)
            let origin: IndicatorValue.Origin = aggregated[index] ? .aggregated : .observed
            let shownDenominator = indicator.isRate ? denominator.value : nil
            if let gap = numerator.gap ?? denominator.gap {
                result[key] = IndicatorValue(unitKey: key, date: date, numerator: numerator.value, denominator: shownDenominator, value: nil, origin: nil, gap: gap, flags: flags)
                continue
            }
            let n = numerator.value!, d = denominator.value!
            if d == 0 {
                result[key] = IndicatorValue(unitKey: key, date: date, numerator: n, denominator: d, value: nil, origin: origin, gap: .zeroDenominator, flags: flags)
                continue
            }
            // Multiplying first keeps whole-number shares exact (70 × 100 / 1000 = 7, not 7.000000000000001).
            let value = indicator.isRate ? n * indicator.factor / d : n * indicator.factor
            result[key] = IndicatorValue(unitKey: key, date: date, numerator: n, denominator: shownDenominator, value: value, origin: origin, gap: nil, flags: flags)
        }
        return result
    }
}

/// The change of a value between two dates.
public struct IndicatorChange: Hashable, Sendable {
    /// In the indicator's unit; for percentages these are percentage points.
    public let absolute: Double
    /// Relative to the earlier value; nil when that was zero.
    public let percent: Double?
    public let isPercentagePoints: Bool

    public init(absolute: Double, percent: Double?, isPercentagePoints: Bool) {
        self.absolute = absolute
        self.percent = percent
        self.isPercentagePoints = isPercentagePoints
    }

    public static func between(_ earlier: Double?, _ later: Double?, percentage: Bool) -> IndicatorChange? {
        guard let earlier, let later else { return nil }
        let difference = later - earlier
        return IndicatorChange(absolute: difference, percent: earlier == 0 ? nil : difference / earlier * 100, isPercentagePoints: percentage)
    }

    public enum Direction: String, Sendable { case up, down, unchanged }
    public enum Assessment: String, Sendable { case better, worse, neutral }

    public func direction(tolerance: Double = 0) -> Direction {
        absolute > tolerance ? .up : (absolute < -tolerance ? .down : .unchanged)
    }

    public func assessment(_ polarity: Polarity, tolerance: Double = 0) -> Assessment {
        switch (direction(tolerance: tolerance), polarity) {
        case (.unchanged, _), (_, .neutral): return .neutral
        case (.up, .higherIsBetter), (.down, .higherIsWorse): return .better
        default: return .worse
        }
    }
}

/// Time series of reference dates.
public enum ReferenceDates {
    /// The date n years before `day` among `dates` (same day and month), if there is one.
    public static func yearsBefore(_ day: Day, years: Int, in dates: [Day]) -> Day? {
        dates.first { $0.year == day.year - years && $0.month == day.month && $0.day == day.day }
    }

    /// The date a change is measured against: one year earlier on the same day, else the latest date before.
    public static func comparison(for day: Day, in dates: [Day]) -> Day? {
        yearsBefore(day, years: 1, in: dates) ?? previous(day, in: dates)
    }

    /// The latest date before `day` among `dates`.
    public static func previous(_ day: Day, in dates: [Day]) -> Day? {
        dates.filter { $0 < day }.max()
    }
}

/// Ranking of units, best first by the indicator's polarity (for neutral indicators: highest first).
public enum IndicatorRanking {
    public struct Entry: Hashable, Sendable {
        public let unitKey: String
        public let value: Double
        /// 1 is best; equal values share a rank and the next rank is skipped (1, 2, 2, 4).
        public let rank: Int
    }

    public static func rank(_ values: [String: Double], polarity: Polarity) -> [Entry] {
        let ascending = polarity == .higherIsWorse
        let sorted = values.sorted { lhs, rhs in
            if lhs.value != rhs.value { return ascending ? lhs.value < rhs.value : lhs.value > rhs.value }
            return lhs.key < rhs.key
        }
        var entries: [Entry] = []
        for (index, item) in sorted.enumerated() {
            let rank = index > 0 && sorted[index - 1].value == item.value ? entries[index - 1].rank : index + 1
            entries.append(Entry(unitKey: item.key, value: item.value, rank: rank))
        }
        return entries
    }
}
