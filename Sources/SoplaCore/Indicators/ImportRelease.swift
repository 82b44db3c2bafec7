import Foundation

/// Which revision of each value a reader gets. Imported values are public only after a planner releases
/// their import; until then planners see them (marked) and everyone else sees the last released revision.
public enum ObservationSelection: Sendable, Equatable {
    /// The newest revision of each value, released or not (planners' working view).
    case current
    /// The newest revision whose import is released (public pages, API without grant, documents, report editions).
    case released
}

/// Whether the values of one import are public: released by a planner after reading the check report, or
/// withdrawn again. Values stored without an import run (the demo seed, computed series) count as released.
public struct ImportRelease: Hashable, Sendable {
    public enum State: String, Sendable {
        case unreleased, released, withdrawn
    }

    public var releasedAt: Date?
    public var releasedBy: String?
    public var releaseReason: String?
    public var withdrawnAt: Date?
    public var withdrawnBy: String?
    public var withdrawalReason: String?

    public init(releasedAt: Date? = nil, releasedBy: String? = nil, releaseReason: String? = nil,
                withdrawnAt: Date? = nil, withdrawnBy: String? = nil, withdrawalReason: String? = nil) {
        self.releasedAt = releasedAt
        self.releasedBy = releasedBy
        self.releaseReason = releaseReason
        self.withdrawnAt = withdrawnAt
        self.withdrawnBy = withdrawnBy
        self.withdrawalReason = withdrawalReason
    }

    public var state: State {
        if withdrawnAt != nil { return .withdrawn }
        return releasedAt == nil ? .unreleased : .released
    }

    /// Longest reason kept (a few sentences).
    public static let maxReasonLength = 2000

    /// Why a release or withdrawal is refused before anything is changed.
    public enum Refusal: Error, Equatable, Sendable {
        /// The run stored no values (failed, a check run, unchanged, still running).
        case nothingToRelease
        case alreadyReleased
        case notReleased
        /// Validation rules failed: a release needs a written reason. Carries the rules' names (kind and target).
        case reasonRequired(failedRules: [String])
        /// A withdrawal always needs a reason.
        case withdrawalReasonRequired
        case reasonTooLong
        /// A withdrawal must be confirmed.
        case confirmationRequired
    }

    /// A reason as stored: trimmed, empty as nil.
    public static func clean(_ reason: String?) -> String? {
        guard let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// Checks a release of `run`: it must have stored values and not be released; with findings a reason is required.
    public static func checkRelease(_ run: ImportRun, findings: [ValidationFinding], reason: String?) throws(Refusal) {
        guard run.storedValues else { throw .nothingToRelease }
        guard run.release.state != .released else { throw .alreadyReleased }
        if let reason, reason.count > maxReasonLength { throw .reasonTooLong }
        if clean(reason) == nil, !findings.isEmpty { throw .reasonRequired(failedRules: failedRules(findings)) }
    }

    /// Checks a withdrawal of `run`: it must be released; a reason and the confirmation are required.
    public static func checkWithdrawal(_ run: ImportRun, reason: String?, confirmed: Bool) throws(Refusal) {
        guard run.release.state == .released else { throw .notReleased }
        if let reason, reason.count > maxReasonLength { throw .reasonTooLong }
        guard clean(reason) != nil else { throw .withdrawalReasonRequired }
        guard confirmed else { throw .confirmationRequired }
    }

    /// The failed rules, each named once as "kind target", in the order of the findings.
    public static func failedRules(_ findings: [ValidationFinding]) -> [String] {
        var seen: Set<String> = []
        return findings.map { "\($0.rule.kind.rawValue) \($0.rule.target)" }.filter { seen.insert($0).inserted }
    }
}

extension ImportRun {
    /// The run wrote values that can be released (not a check run, not failed, not unchanged).
    public var storedValues: Bool {
        state == .done && !dryRun && outcome.changesData
    }
}

extension ObservationTable {
    /// Units whose value of these variables on `date` rests on unreleased figures: the unit of each unreleased
    /// value and every unit above it (their sums include it).
    public func unreleasedUnits(variables: Set<String>, date: Day, hierarchy: SpatialHierarchy) -> Set<String> {
        var units: Set<String> = []
        for key in unreleased where key.date == date && variables.contains(key.variable) {
            var unit: String? = key.unitKey
            while let current = unit, units.insert(current).inserted { unit = hierarchy.parent[current] }
        }
        return units
    }

    /// Dates with unreleased values of these variables, oldest first.
    public func unreleasedDates(of variables: Set<String>) -> [Day] {
        Array(Set(unreleased.lazy.filter { variables.contains($0.variable) }.map(\.date))).sorted()
    }
}
