import Foundation

/// How the grant relates to the costs (Finanzierungsart), which decides what is paid back when less is spent.
public enum FinancingType: String, Hashable, Sendable, Codable, CaseIterable {
    /// Fehlbedarfsfinanzierung: the grant covers what own funds and other funding leave open.
    case shortfall
    /// Festbetragsfinanzierung: a fixed sum, reduced only if the eligible costs fall below it.
    case fixedAmount = "fixed-amount"
    /// Anteilfinanzierung: a share of the eligible costs, up to the granted sum.
    case share
}

public enum TargetKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// What the service does: counselling cases, hours, groups.
    case output
    /// What changes for people or the area.
    case outcome
}

/// A target of a performance- and quality-oriented agreement: baseline, target, reference date and place.
public struct AgreementTarget: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var kind: TargetKind
    public var unit: String
    public var baseline: Double?
    public var target: Double
    public var referenceDate: Day
    public var spatialUnitKey: String?
    /// A social indicator (S3) of the area the target should move.
    public var indicatorCode: String?
    /// False for targets that should fall (waiting time, drop-outs).
    public var higherIsBetter: Bool

    public init(id: UUID, name: String, kind: TargetKind, unit: String, baseline: Double? = nil, target: Double, referenceDate: Day,
                spatialUnitKey: String? = nil, indicatorCode: String? = nil, higherIsBetter: Bool = true) {
        self.id = id
        self.name = name
        self.kind = kind
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.referenceDate = referenceDate
        self.spatialUnitKey = spatialUnitKey
        self.indicatorCode = indicatorCode
        self.higherIsBetter = higherIsBetter
    }
}

/// How far a target is reached, as a traffic light.
public enum TrafficLight: String, Hashable, Sendable, Codable, CaseIterable {
    case green, yellow, red
}

public enum TargetAttainment {
    /// The attainment in per cent: actual / target, or with a baseline (actual − baseline) / (target − baseline);
    /// for targets that should fall the same with the direction reversed. Nil without an actual value or when
    /// target and baseline coincide.
    public static func percent(_ target: AgreementTarget, actual: Double?) -> Double? {
        guard let actual else { return nil }
        if let baseline = target.baseline {
            let planned = target.target - baseline
            guard planned != 0 else { return nil }
            return (actual - baseline) / planned * 100
        }
        if target.higherIsBetter {
            guard target.target != 0 else { return nil }
            return actual / target.target * 100
        }
        // Should fall, no baseline: reaching the target or staying below is 100 %, each per cent above costs one.
        guard target.target != 0 else { return actual == 0 ? 100 : nil }
        return (2 - actual / target.target) * 100
    }

    /// Green from 95 %, yellow from 80 %, red below — the thresholds the county agreed for its quality dialogues.
    public static func light(percent: Double?) -> TrafficLight? {
        guard let percent else { return nil }
        if percent >= 95 { return .green }
        if percent >= 80 { return .yellow }
        return .red
    }
}

/// A grant agreement (Zuwendungsvereinbarung) with amounts per year, targets, quality standards and conditions.
public struct GrantAgreement: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var reference: String
    public var programmeID: UUID
    public var applicationID: UUID?
    public var organisationID: UUID
    public var serviceIDs: [UUID]
    public var start: Day
    public var end: Day
    public var financing: FinancingType
    /// For share financing: per cent of the eligible costs.
    public var sharePercent: Int?
    /// The agreed amount per year.
    public var amounts: [Int: Money]
    public var targets: [AgreementTarget]
    public var qualityStandards: [String]
    public var conditions: String

    public init(id: UUID, reference: String, programmeID: UUID, applicationID: UUID? = nil, organisationID: UUID, serviceIDs: [UUID] = [], start: Day, end: Day,
                financing: FinancingType = .shortfall, sharePercent: Int? = nil, amounts: [Int: Money], targets: [AgreementTarget] = [],
                qualityStandards: [String] = [], conditions: String = "") {
        self.id = id
        self.reference = reference
        self.programmeID = programmeID
        self.applicationID = applicationID
        self.organisationID = organisationID
        self.serviceIDs = serviceIDs
        self.start = start
        self.end = end
        self.financing = financing
        self.sharePercent = sharePercent
        self.amounts = amounts
        self.targets = targets
        self.qualityStandards = qualityStandards
        self.conditions = conditions
    }

    public var total: Money { amounts.values.sum { $0 } }

    public func validated() throws(ValidationFailure) -> GrantAgreement {
        var issues: [ValidationIssue] = []
        if reference.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("reference", .required)) }
        if end < start { issues.append(ValidationIssue("end", .endBeforeStart)) }
        if amounts.isEmpty { issues.append(ValidationIssue("amounts", .required)) }
        for (year, amount) in amounts.sorted(by: { $0.key < $1.key }) {
            if amount.isNegative { issues.append(ValidationIssue("amounts", .negativeAmount(item: String(year), amount: amount))) }
            if year < start.year || year > end.year { issues.append(ValidationIssue("amounts", .unknownValue(String(year)))) }
        }
        if financing == .share, (sharePercent ?? 0) == 0 { issues.append(ValidationIssue("sharePercent", .required)) }
        else if financing == .share { Plausible.percent.check(sharePercent, field: "sharePercent", into: &issues) }
        for target in targets where target.name.trimmingCharacters(in: .whitespaces).isEmpty || !target.target.isFinite {
            issues.append(ValidationIssue("targets", .required))
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return self
    }
}
