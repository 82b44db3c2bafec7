import Foundation

/// A value of a region above the spatial base (the county's Land, Germany) from an official table: kept to compare
/// with, never one of the county's figures. One per variable, region, date and breakdown; a newer import replaces it.
public struct ReferenceObservation: Hashable, Sendable {
    public let variable: String
    /// `DG` or the Land's two digits.
    public let regionKey: String
    public let regionName: String
    public let date: Day
    public let breakdown: Breakdown
    /// nil when the status carries no number.
    public let value: Double?
    public let status: ValueStatus
    public let importID: UUID?
    public let recordedAt: Date

    public init(variable: String, regionKey: String, regionName: String, date: Day, breakdown: Breakdown = .total, value: Double?,
                status: ValueStatus = .final, importID: UUID?, recordedAt: Date) {
        self.variable = variable
        self.regionKey = regionKey
        self.regionName = regionName
        self.date = date
        self.breakdown = breakdown
        self.value = value
        self.status = status
        self.importID = importID
        self.recordedAt = recordedAt
    }

    /// A checked value of the region (its unit key is the region's key).
    public init(_ observation: Observation, regionName: String, importID: UUID?, recordedAt: Date) {
        self.init(variable: observation.key.variable, regionKey: observation.key.unitKey, regionName: regionName, date: observation.key.date,
                  breakdown: observation.key.breakdown, value: observation.value, status: observation.status, importID: importID, recordedAt: recordedAt)
    }

    /// The value as an observation of a unit keyed like the region, for the indicator computation.
    public var observation: Observation {
        Observation(variable, regionKey, date, value, breakdown: breakdown, status: status)
    }

    public var key: ObservationKey { ObservationKey(variable: variable, unitKey: regionKey, date: date, breakdown: breakdown) }
}

/// An indicator's value for a region above the spatial base, computed from its reference observations as a unit's
/// value is: summed numerator terms / summed denominator terms × factor.
public struct ParentReferenceValue: Hashable, Sendable {
    public let regionKey: String
    public let regionName: String
    public let date: Day
    public let numerator: Double
    /// nil for an indicator without a denominator.
    public let denominator: Double?
    public let value: Double
    /// Qualifiers of the figures behind it: provisional, revised, estimated.
    public let flags: Set<ValueStatus>
    /// The imports its figures come from (their table codes name the source).
    public let importIDs: Set<UUID>
    /// A count behind it is below its minimum: not shown in public, however large the region.
    public let belowMinimum: Bool

    public init(regionKey: String, regionName: String, date: Day, numerator: Double, denominator: Double?, value: Double,
                flags: Set<ValueStatus> = [], importIDs: Set<UUID> = [], belowMinimum: Bool = false) {
        self.regionKey = regionKey
        self.regionName = regionName
        self.date = date
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.flags = flags
        self.importIDs = importIDs
        self.belowMinimum = belowMinimum
    }
}

/// The indicator values of the county's parents (the Land, Germany) from imported reference observations.
public enum ParentReferences {
    /// Every region and date where all terms are present and the denominator is not zero: the Länder first, Germany
    /// last, then by date. `minimums` as `IndicatorPublication.minimums` (a variable without one takes its own).
    public static func compute(_ indicator: Indicator, observations: [ReferenceObservation], variables: [String: Variable],
                               minimums: [String: Int]) -> [ParentReferenceValue] {
        let needed = indicator.variables
        let relevant = observations.filter { needed.contains($0.variable) }
        guard !relevant.isEmpty else { return [] }
        let table = ObservationTable(relevant.map(\.observation))
        let byKey = Dictionary(relevant.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var names: [String: String] = [:]
        for observation in relevant where names[observation.regionKey, default: ""].isEmpty { names[observation.regionKey] = observation.regionName }
        let regions = names.keys.sorted { (($0 == "DG") ? 1 : 0, $0) < (($1 == "DG") ? 1 : 0, $1) }
        // Each region stands alone: nothing is summed across regions.
        let hierarchy = SpatialHierarchy(regions.map { (key: $0, parentKey: nil as String?, level: "") })
        let dates = table.dates(of: Set(indicator.numerator.map(\.variable)))
        var result: [ParentReferenceValue] = []
        for date in dates {
            let computedValues = IndicatorComputation.compute(indicator, hierarchy: hierarchy, date: date, table: table)
            for region in regions {
                guard let computed = computedValues[region], let value = computed.value, let numerator = computed.numerator else { continue }
                let terms = (indicator.numerator + indicator.denominator).map { ObservationKey(variable: $0.variable, unitKey: region, date: date, breakdown: $0.breakdown) }
                result.append(ParentReferenceValue(
                    regionKey: region, regionName: names[region].flatMap { $0.isEmpty ? nil : $0 } ?? region, date: date, numerator: numerator,
                    denominator: computed.denominator, value: value, flags: computed.flags, importIDs: Set(terms.compactMap { byKey[$0]?.importID }),
                    belowMinimum: belowMinimum(indicator, region: region, date: date, table: table, variables: variables, minimums: minimums)))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1, $0) })
        return result.sorted { (order[$0.regionKey] ?? 0, $0.date) < (order[$1.regionKey] ?? 0, $1.date) }
    }

    /// Whether a count term behind the value lies between 1 and its minimum − 1, as primary suppression hides counts
    /// of units: the variable's minimum, on the numerator at least the indicator's own.
    static func belowMinimum(_ indicator: Indicator, region: String, date: Day, table: ObservationTable, variables: [String: Variable],
                             minimums: [String: Int]) -> Bool {
        let terms = indicator.numerator.map { ($0, true) } + indicator.denominator.map { ($0, false) }
        for (term, isNumerator) in terms {
            guard let variable = variables[term.variable], variable.isCount,
                  let value = table[ObservationKey(variable: term.variable, unitKey: region, date: date, breakdown: term.breakdown)]?.value else { continue }
            var minimum = minimums[term.variable] ?? variable.effectiveMinimum
            if isNumerator, let own = indicator.minimumCount { minimum = max(minimum, own) }
            if value > 0, value < Double(minimum) { return true }
        }
        return false
    }
}
