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
        var result: [Breakdown: [String: Double?]] = [:]
        for breakdown in observations.breakdowns(of: variable, on: date) {
            let series = observations.series(variable, breakdown, date)
            var values: [String: Double?] = [:]
            for unit in hierarchy.bottomUp {
                let observation = series[unit]
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
                                  minimum: Int, earlier: [DisclosureRelease] = []) -> [ObservationKey: SuppressionReason] {
        let (table, reasons) = protect(variable: variable, date: date, observations: observations, hierarchy: hierarchy, minimum: minimum, earlier: earlier)
        var result: [ObservationKey: SuppressionReason] = [:]
        for (index, reason) in reasons {
            guard let key = key(of: table.cells[index].id, variable: variable, date: date) else { continue }
            result[key] = reason
        }
        return result
    }

    /// What a release of the variable on the date shows and hides: every figure with its value.
    public static func release(variable: String, date: Day, observations: ObservationTable, hierarchy: SpatialHierarchy,
                               minimum: Int, earlier: [DisclosureRelease] = []) -> DisclosureRelease {
        let (table, reasons) = protect(variable: variable, date: date, observations: observations, hierarchy: hierarchy, minimum: minimum, earlier: earlier)
        var figures: [String: DisclosureRelease.Figure] = [:]
        for (index, cell) in table.cells.enumerated() where cell.kind == .figure {
            figures[cell.id] = DisclosureRelease.Figure(value: cell.value, hidden: reasons[index] != nil)
        }
        return DisclosureRelease(figures: figures)
    }

    static func key(of id: String, variable: String, date: Day) -> ObservationKey? {
        let parts = id.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let breakdown = Breakdown(canonical: String(parts[1])) else { return nil }
        return ObservationKey(variable: variable, unitKey: String(parts[0]), date: date, breakdown: breakdown)
    }

    /// The table of the variable on the date — every unit × breakdown, the remainders of partly delivered
    /// breakdowns, the sums along the hierarchy and the breakdowns, and the same sums as earlier releases
    /// showed them — with the suppression decided on it.
    public static func protect(variable: String, date: Day, observations: ObservationTable, hierarchy: SpatialHierarchy,
                               minimum: Int, earlier: [DisclosureRelease] = []) -> (DisclosureTable, [Int: SuppressionReason]) {
        let figures = figures(variable: variable, date: date, observations: observations, hierarchy: hierarchy)
        var table = DisclosureTable()
        for (breakdown, values) in figures.sorted(by: { $0.key < $1.key }) {
            for unit in hierarchy.keys { table.add(cellID(unit, breakdown), value: values[unit] ?? nil) }
        }
        for breakdown in figures.keys.sorted() {
            // A parent is the sum of its children.
            for (parent, children) in hierarchy.children.sorted(by: { $0.key < $1.key }) {
                table.addConstraint(total: cellID(parent, breakdown), parts: children.map { cellID($0, breakdown) })
            }
            // A total is the sum of the categories of each of its breakdown dimensions; categories not delivered
            // make a remainder that is a cell of its own (women delivered, men = total − women).
            for dimension in breakdown.categories.keys.sorted() {
                let total = breakdown.removing(dimension)
                let siblings = figures.keys.filter { $0.categories.keys.contains(dimension) && $0.removing(dimension) == total }.sorted()
                guard siblings.first == breakdown, let totals = figures[total] else { continue }
                for unit in hierarchy.keys {
                    let parts = siblings.map { figures[$0]?[unit] ?? nil }
                    var partIDs = siblings.map { cellID(unit, $0) }
                    let id = cellID(unit, total) + "|rest:" + dimension
                    if let whole = totals[unit] ?? nil, parts.allSatisfy({ $0 != nil }) {
                        let remainder = whole - parts.reduce(0) { $0 + ($1 ?? 0) }
                        guard remainder > -1e-6 else { continue }
                        if remainder > 1e-6 {
                            table.add(id, value: remainder, kind: .implicit)
                            partIDs.append(id)
                        }
                    } else {
                        // With a gap the delivered categories may not be all of them either.
                        table.add(id, value: nil, kind: .implicit)
                        partIDs.append(id)
                    }
                    table.addConstraint(total: cellID(unit, total), parts: partIDs)
                }
            }
        }
        let (hiddenBefore, publishedBefore) = addEarlier(earlier, to: &table)
        return (table, Suppression.protect(table, minimum: minimum, hiddenBefore: hiddenBefore, publishedBefore: publishedBefore))
    }

    /// Adds the sums of earlier releases: a figure whose value has not changed is the same cell; a changed one is a
    /// cell of its own with the value then (published or hidden then). Returns the figures hidden in any earlier
    /// release and those published earlier with today's value.
    static func addEarlier(_ earlier: [DisclosureRelease], to table: inout DisclosureTable) -> (hidden: Set<Int>, published: Set<Int>) {
        guard !earlier.isEmpty else { return ([], []) }
        func same(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case let (x?, y?): return abs(x - y) < 1e-9
            default: return false
            }
        }
        let current = table.cells
        var hidden: Set<Int> = []
        var published: Set<Int> = []
        // Changed figures: one cell per earlier value, published if any release showed that value.
        var shownEarlier: [String: Bool] = [:]
        for release in earlier {
            for (i, cell) in current.enumerated() where cell.kind == .figure {
                guard let figure = release.figures[cell.id] else { continue }
                if figure.hidden { hidden.insert(i) }
                if same(figure.value, cell.value) {
                    if !figure.hidden { published.insert(i) }
                } else {
                    let id = cell.id + "@" + (figure.value.map { String($0) } ?? "-")
                    shownEarlier[id] = (shownEarlier[id] ?? false) || !figure.hidden
                }
            }
        }
        for (id, shown) in shownEarlier.sorted(by: { $0.key < $1.key }) {
            let value = id.split(separator: "@").last.flatMap { Double($0) }
            table.add(id, value: value, kind: .earlier(published: shown))
        }
        let constraints = table.constraints
        for (r, release) in earlier.enumerated() {
            func mapped(_ i: Int, unchanged: Bool) -> Int {
                let cell = current[i]
                switch cell.kind {
                case .figure:
                    guard let figure = release.figures[cell.id] else {
                        return table.add(cell.id + "@release\(r)", value: nil, kind: .unreleased)
                    }
                    if same(figure.value, cell.value) { return i }
                    return table.position(of: cell.id + "@" + (figure.value.map { String($0) } ?? "-"))!
                case .implicit:
                    return unchanged ? i : table.add(cell.id + "@release\(r)", value: nil, kind: .unreleased)
                case .earlier, .unreleased:
                    return i
                }
            }
            for constraint in constraints {
                let figuresUnchanged = constraint.cells.allSatisfy { current[$0].kind != .figure || mapped($0, unchanged: true) == $0 }
                let cells = constraint.cells.map { mapped($0, unchanged: figuresUnchanged) }
                table.addConstraint(DisclosureTable.Constraint(total: cells[0], parts: Array(cells.dropFirst())))
            }
        }
        return (hidden, published)
    }
}

/// What one release showed of a variable on a date: every figure (by `VariableDisclosure.cellID`) with its value
/// then and whether it was hidden. Later releases of the same variable and date are decided with it.
public struct DisclosureRelease: Hashable, Sendable, Codable {
    public struct Figure: Hashable, Sendable, Codable {
        public let value: Double?
        public let hidden: Bool

        public init(value: Double?, hidden: Bool) {
            self.value = value
            self.hidden = hidden
        }
    }

    public var figures: [String: Figure]

    public init(figures: [String: Figure]) {
        self.figures = figures
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

/// Earlier releases per variable and date, and the suppressions already decided in one computation: every output
/// of a variable and date (each indicator using it, each page, profile, report) hides the same cells.
public final class DisclosureContext: @unchecked Sendable {
    public struct Key: Hashable, Sendable {
        public let variable: String
        public let date: Day

        public init(variable: String, date: Day) {
            self.variable = variable
            self.date = date
        }
    }

    /// The minimum per count variable (`IndicatorPublication.minimums`).
    public let minimums: [String: Int]
    /// What earlier releases showed, oldest first.
    public let releases: [Key: [DisclosureRelease]]
    private let lock = NSLock()
    private var decided: [Key: [ObservationKey: SuppressionReason]] = [:]

    public init(minimums: [String: Int], releases: [Key: [DisclosureRelease]] = [:]) {
        self.minimums = minimums
        self.releases = releases
    }

    /// The hidden figures of a variable on a date (computed once).
    public func suppressed(_ variable: Variable, date: Day, observations: ObservationTable, hierarchy: SpatialHierarchy) -> [ObservationKey: SuppressionReason] {
        let key = Key(variable: variable.code, date: date)
        if let known = lock.withLock({ decided[key] }) { return known }
        let result = VariableDisclosure.suppressed(variable: variable.code, date: date, observations: observations, hierarchy: hierarchy,
                                                   minimum: minimums[variable.code] ?? variable.effectiveMinimum, earlier: releases[key] ?? [])
        lock.withLock { decided[key] = result }
        return result
    }

    /// What a public output of the variable on the date shows and hides now.
    public func release(_ variable: Variable, date: Day, observations: ObservationTable, hierarchy: SpatialHierarchy) -> DisclosureRelease {
        VariableDisclosure.release(variable: variable.code, date: date, observations: observations, hierarchy: hierarchy,
                                   minimum: minimums[variable.code] ?? variable.effectiveMinimum, earlier: releases[Key(variable: variable.code, date: date)] ?? [])
    }
}

public enum IndicatorPublication {
    /// The minimum per count variable: its own, or stricter where any indicator asks for it on its numerator —
    /// whatever the level the indicator is shown on. One minimum per variable keeps all outputs of a variable on
    /// one suppression pattern; pass every indicator of the catalogue.
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
    public static func publish(_ indicator: Indicator, variables: [String: Variable], disclosure: DisclosureContext, hierarchy: SpatialHierarchy, date: Day,
                               observations: ObservationTable) -> [String: PublishedValue] {
        let values = IndicatorComputation.compute(indicator, hierarchy: hierarchy, date: date, table: observations)
        var hidden: [ObservationKey: SuppressionReason] = [:]
        for code in indicator.variables.sorted() {
            guard let variable = variables[code], variable.isCount else { continue }
            hidden.merge(disclosure.suppressed(variable, date: date, observations: observations, hierarchy: hierarchy)) { a, _ in a }
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

    /// With a context of its own (tests, one-off computations).
    public static func publish(_ indicator: Indicator, variables: [String: Variable], minimums: [String: Int], hierarchy: SpatialHierarchy, date: Day,
                               observations: ObservationTable) -> [String: PublishedValue] {
        publish(indicator, variables: variables, disclosure: DisclosureContext(minimums: minimums), hierarchy: hierarchy, date: date, observations: observations)
    }
}
