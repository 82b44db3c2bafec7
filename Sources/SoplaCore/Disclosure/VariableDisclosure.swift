import Foundation

/// Disclosure control for the figures of one variable on one date, across the spatial hierarchy and breakdowns.
/// Every public output of the variable (its own values, every indicator using it) hides the same cells,
/// so that two outputs together reveal nothing either hides.
public enum VariableDisclosure {
    public static func cellID(_ unit: String, _ breakdown: Breakdown) -> String {
        unit + "|" + breakdown.canonical
    }

    /// The figure of every unit and breakdown: reported, or summed from all children.
    public static func figures(variable: String, date: Day, observations: ObservationTable, hierarchy: SpatialHierarchy) -> [Breakdown: [String: Double?]] {
        var breakdowns: Set<Breakdown> = []
        for key in observations.values.keys where key.variable == variable && key.date == date { breakdowns.insert(key.breakdown) }
        var result: [Breakdown: [String: Double?]] = [:]
        for breakdown in breakdowns {
            var values: [String: Double?] = [:]
            for unit in hierarchy.bottomUp {
                let observation = observations[ObservationKey(variable: variable, unitKey: unit, date: date, breakdown: breakdown)]
                if let observation {
                    values[unit] = observation.status.carriesValue ? observation.value : nil
                    continue
                }
                if let children = hierarchy.children[unit], !children.isEmpty {
                    let childValues = children.map { values[$0] ?? nil }
                    if childValues.allSatisfy({ $0 != nil }) {
                        values[unit] = childValues.reduce(0) { $0 + ($1 ?? 0) }
                        continue
                    }
                }
                values[unit] = Double?.none
            }
            result[breakdown] = values
        }
        return result
    }

    /// The hidden figures of the variable on the date, by unit and breakdown.
    public static func suppressed(variable: String, date: Day, observations: ObservationTable, hierarchy: SpatialHierarchy,
                                  minimum: Int) -> [ObservationKey: SuppressionReason] {
        let figures = figures(variable: variable, date: date, observations: observations, hierarchy: hierarchy)
        var table = DisclosureTable()
        for (breakdown, values) in figures.sorted(by: { $0.key < $1.key }) {
            for unit in hierarchy.keys { table.add(cellID(unit, breakdown), value: values[unit] ?? nil) }
        }
        for breakdown in figures.keys {
            // A parent is the sum of its children.
            for (parent, children) in hierarchy.children {
                table.addConstraint(total: cellID(parent, breakdown), parts: children.map { cellID($0, breakdown) })
            }
            // A total is the sum of the categories of each of its breakdown dimensions.
            for dimension in breakdown.categories.keys.sorted() {
                let total = breakdown.removing(dimension)
                let siblings = figures.keys.filter { $0.categories.keys.contains(dimension) && $0.removing(dimension) == total }
                guard siblings.count >= 2, siblings.min() == breakdown, figures[total] != nil else { continue }
                for unit in hierarchy.keys {
                    table.addConstraint(total: cellID(unit, total), parts: siblings.sorted().map { cellID(unit, $0) })
                }
            }
        }
        let reasons = Suppression.protect(table, minimum: minimum)
        var result: [ObservationKey: SuppressionReason] = [:]
        for (index, reason) in reasons {
            let parts = table.cells[index].id.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            result[ObservationKey(variable: variable, unitKey: String(parts[0]), date: date, breakdown: Breakdown(canonical: String(parts[1])) ?? .total)] = reason
        }
        return result
    }
}

/// An indicator value as it may be shown: hidden when any count behind it is hidden.
public struct PublishedValue: Hashable, Sendable {
    public let value: IndicatorValue
    public let suppression: SuppressionReason?

    public init(value: IndicatorValue, suppression: SuppressionReason?) {
        self.value = value
        self.suppression = suppression
    }

    public var isSuppressed: Bool { suppression != nil }
    /// The number a public reader may see.
    public var publicValue: Double? { isSuppressed ? nil : value.value }
}

public enum IndicatorPublication {
    /// The minimum per count variable: its own, or stricter where an indicator asks for it on its numerator.
    /// One minimum per variable keeps all outputs of a variable on one suppression pattern.
    public static func minimums(variables: [String: Variable], indicators: [Indicator]) -> [String: Int] {
        var result = variables.mapValues(\.effectiveMinimum)
        for indicator in indicators {
            guard let stricter = indicator.minimumCount else { continue }
            for term in indicator.numerator where result[term.variable] != nil {
                result[term.variable] = max(result[term.variable]!, stricter)
            }
        }
        return result
    }

    /// Values of the indicator on the date, with the disclosure decision for each unit.
    public static func publish(_ indicator: Indicator, variables: [String: Variable], minimums: [String: Int], hierarchy: SpatialHierarchy, date: Day,
                               observations: ObservationTable) -> [String: PublishedValue] {
        let values = IndicatorComputation.compute(indicator, hierarchy: hierarchy, date: date, table: observations)
        var hidden: [ObservationKey: SuppressionReason] = [:]
        for code in indicator.variables.sorted() {
            guard let variable = variables[code], variable.isCount else { continue }
            let minimum = minimums[code] ?? variable.effectiveMinimum
            hidden.merge(VariableDisclosure.suppressed(variable: code, date: date, observations: observations, hierarchy: hierarchy, minimum: minimum)) { a, _ in a }
        }
        var result: [String: PublishedValue] = [:]
        for (unit, value) in values {
            var reason: SuppressionReason?
            for term in indicator.numerator + indicator.denominator {
                if let r = hidden[ObservationKey(variable: term.variable, unitKey: unit, date: date, breakdown: term.breakdown)] {
                    reason = (reason == .primary || r == .primary) ? .primary : .secondary
                }
            }
            result[unit] = PublishedValue(value: value, suppression: reason)
        }
        return result
    }
}
