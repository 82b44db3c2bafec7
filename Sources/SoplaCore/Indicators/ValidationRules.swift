import Foundation

/// A configurable check of the figures, run after every import and shown with every indicator.
public struct ValidationRule: Hashable, Sendable, Codable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// An indicator's numerator is not larger than its denominator (a share cannot exceed the whole).
        case numeratorNotAboveDenominator = "numerator-not-above-denominator"
        /// A variable's reported figure for a parent equals the sum of its children, within a tolerance in per cent.
        case childrenSumEqualsParent = "children-sum-equals-parent"
        /// A variable's change against the year before is flagged above a threshold in per cent.
        case changeAbove = "change-above"
    }

    public var id: UUID
    public var kind: Kind
    /// The indicator code (numerator rule) or variable code (other rules).
    public var target: String
    /// Tolerance or threshold in per cent; unused for the numerator rule.
    public var threshold: Double

    public init(id: UUID, kind: Kind, target: String, threshold: Double = 0) {
        self.id = id
        self.kind = kind
        self.target = target
        self.threshold = threshold
    }

    public var targetIsIndicator: Bool { kind == .numeratorNotAboveDenominator }
}

/// One figure that breaks a rule.
public struct ValidationFinding: Hashable, Sendable {
    public let rule: ValidationRule
    public let unitKey: String
    public let date: Day
    public let breakdown: Breakdown
    /// What was found (numerator, reported figure, later value).
    public let actual: Double
    /// What it was checked against (denominator, sum of children, earlier value).
    public let expected: Double

    public init(rule: ValidationRule, unitKey: String, date: Day, breakdown: Breakdown = .total, actual: Double, expected: Double) {
        self.rule = rule
        self.unitKey = unitKey
        self.date = date
        self.breakdown = breakdown
        self.actual = actual
        self.expected = expected
    }

    /// Deviation in per cent of the expected value (nil when that is zero).
    public var deviationPercent: Double? {
        expected == 0 ? nil : (actual - expected) / expected * 100
    }
}

public enum FigureValidation {
    /// Runs the rules over the observations; `dates` limits the check (e.g. to the dates an import touched).
    public static func check(_ rules: [ValidationRule], indicators: [String: Indicator], observations: ObservationTable,
                             hierarchy: SpatialHierarchy, dates: Set<Day>? = nil) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        let allDates = observations.dates
        for rule in rules {
            switch rule.kind {
            case .numeratorNotAboveDenominator:
                guard let indicator = indicators[rule.target], indicator.isRate else { continue }
                for date in allDates where dates?.contains(date) ?? true {
                    let values = IndicatorComputation.compute(indicator, hierarchy: hierarchy, date: date, table: observations)
                    for key in hierarchy.keys {
                        guard let value = values[key], value.origin == .observed, let n = value.numerator, let d = value.denominator, n > d else { continue }
                        findings.append(ValidationFinding(rule: rule, unitKey: key, date: date, actual: n, expected: d))
                    }
                }
            case .childrenSumEqualsParent:
                for (key, observation) in observations.values where key.variable == rule.target && (dates?.contains(key.date) ?? true) {
                    guard let reported = observation.value, observation.status.carriesValue,
                          let children = hierarchy.children[key.unitKey], !children.isEmpty else { continue }
                    let childValues = children.map { observations[ObservationKey(variable: key.variable, unitKey: $0, date: key.date, breakdown: key.breakdown)]?.value }
                    guard childValues.allSatisfy({ $0 != nil }) else { continue }
                    let sum = childValues.reduce(0) { $0 + ($1 ?? 0) }
                    let tolerance = abs(sum) * rule.threshold / 100
                    if abs(reported - sum) > tolerance + 1e-9 {
                        findings.append(ValidationFinding(rule: rule, unitKey: key.unitKey, date: key.date, breakdown: key.breakdown, actual: reported, expected: sum))
                    }
                }
            case .changeAbove:
                for (key, observation) in observations.values where key.variable == rule.target && (dates?.contains(key.date) ?? true) {
                    guard let later = observation.value, observation.status.carriesValue,
                          let earlierDay = Day(year: key.date.year - 1, month: key.date.month, day: key.date.day),
                          let earlier = observations[ObservationKey(variable: key.variable, unitKey: key.unitKey, date: earlierDay, breakdown: key.breakdown)]?.value,
                          earlier != 0 else { continue }
                    if abs(later - earlier) / abs(earlier) * 100 > rule.threshold {
                        findings.append(ValidationFinding(rule: rule, unitKey: key.unitKey, date: key.date, breakdown: key.breakdown, actual: later, expected: earlier))
                    }
                }
            }
        }
        return findings.sorted { ($0.date, $0.unitKey, $0.breakdown.canonical, $0.rule.kind.rawValue) < ($1.date, $1.unitKey, $1.breakdown.canonical, $1.rule.kind.rawValue) }
    }
}
