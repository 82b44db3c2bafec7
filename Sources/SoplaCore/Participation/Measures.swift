import Foundation

public enum MeasureStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case planned
    case started
    case inProgress = "in-progress"
    case delayed
    case done
    case dropped

    /// The progress a measure has when nobody entered one.
    public var defaultProgress: Double {
        switch self {
        case .planned: return 0
        case .started: return 10
        case .inProgress, .delayed: return 50
        case .done: return 100
        case .dropped: return 0
        }
    }
}

/// What became of a recommendation: a measure with its parent, status, progress and milestones.
public struct Measure: Hashable, Sendable, Codable {
    public var id: UUID
    public var title: String
    public var parentID: UUID?
    /// The resolution or recommendation it comes from.
    public var resolutionID: UUID?
    public var responsibleOrganisation: UUID?
    public var responsiblePerson: UUID?
    public var due: Day?
    public var status: MeasureStatus
    /// Entered progress in per cent; nil: the status's default (leaves) or the children's roll-up (parents).
    public var progress: Double?
    /// Weight among its siblings when the parent rolls up by weight.
    public var weight: Double
    /// Indicators (S3 codes) that should move.
    public var indicatorCodes: [String]
    public var unitKeys: [String]
    /// The (confidential) quality dialogue the measure was agreed in; such a measure stays internal until a planner publishes it.
    public var dialogueID: UUID?
    /// When a planner published a dialogue measure; nil while it is internal.
    public var publishedAt: Date?

    public init(id: UUID, title: String, parentID: UUID? = nil, resolutionID: UUID? = nil, responsibleOrganisation: UUID? = nil, responsiblePerson: UUID? = nil,
                due: Day? = nil, status: MeasureStatus = .planned, progress: Double? = nil, weight: Double = 1, indicatorCodes: [String] = [], unitKeys: [String] = [],
                dialogueID: UUID? = nil, publishedAt: Date? = nil) {
        self.id = id
        self.title = title
        self.parentID = parentID
        self.resolutionID = resolutionID
        self.responsibleOrganisation = responsibleOrganisation
        self.responsiblePerson = responsiblePerson
        self.due = due
        self.status = status
        self.progress = progress
        self.weight = weight
        self.indicatorCodes = indicatorCodes
        self.unitKeys = unitKeys
        self.dialogueID = dialogueID
        self.publishedAt = publishedAt
    }

    /// Whether everyone may see the measure: all are public except those of a quality dialogue not yet published.
    public var isPublic: Bool { dialogueID == nil || publishedAt != nil }

    public func isOverdue(on day: Day) -> Bool {
        guard let due, status != .done, status != .dropped else { return false }
        return due < day
    }

    public func validated(others: [Measure]) throws(ValidationFailure) -> Measure {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.title = title.trimmingCharacters(in: .whitespaces)
        if copy.title.isEmpty { issues.append(ValidationIssue("title", .required)) }
        FieldCheck.length(copy.title, field: "title", max: 300, into: &issues)
        Plausible.progress.check(progress, field: "progress", into: &issues)
        if !(weight > 0) || !Plausible.measureWeight.contains(weight) { issues.append(Plausible.measureWeight.issue("weight")) }
        let byID = Dictionary(others.filter { $0.id != id }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if let parent = parentID {
            if parent == id || Hierarchy.hasCycle(start: id, parent: parent, parentOf: { byID[$0]?.parentID }) { issues.append(ValidationIssue("parentId", .cycle)) }
            else if byID[parent] == nil { issues.append(ValidationIssue("parentId", .unknownReference)) }
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }
}

public struct Milestone: Hashable, Sendable, Codable {
    public var measureID: UUID
    public var date: Day
    public var text: String

    public init(measureID: UUID, date: Day, text: String) {
        self.measureID = measureID
        self.date = date
        self.text = text
    }
}

/// Progress of measures with children: a parent's progress is the weighted (or plain) average of its children's,
/// dropped children left out; a leaf's is its entered progress or its status's default.
public enum MeasureProgress {
    public enum Method: String, Sendable, Codable, CaseIterable { case weighted, averaged }

    public static func rollUp(_ measures: [Measure], method: Method) -> [UUID: Double] {
        let children = Dictionary(grouping: measures.filter { $0.parentID != nil }, by: { $0.parentID! })
        var result: [UUID: Double] = [:]
        var visiting: Set<UUID> = []
        func progress(_ measure: Measure) -> Double {
            if let known = result[measure.id] { return known }
            guard visiting.insert(measure.id).inserted else { return measure.progress ?? measure.status.defaultProgress }
            defer { visiting.remove(measure.id) }
            let kids = (children[measure.id] ?? []).filter { $0.status != .dropped }
            let value: Double
            if kids.isEmpty || measure.status == .done {
                value = measure.progress ?? measure.status.defaultProgress
            } else {
                let weights = kids.map { method == .weighted ? $0.weight : 1 }
                let sum = weights.reduce(0, +)
                value = zip(kids, weights).reduce(0) { $0 + progress($1.0) * $1.1 } / sum
            }
            result[measure.id] = value
            return value
        }
        for measure in measures { _ = progress(measure) }
        return result
    }
}

/// A planning process (e.g. "Securing sufficient child and family guidance under SGB VIII") and its phases.
public struct PlanningProcess: Hashable, Sendable, Codable {
    public enum PhaseStatus: String, Hashable, Sendable, Codable, CaseIterable { case open, active, completed, skipped }

    public struct Phase: Hashable, Sendable, Codable {
        public var name: String
        public var start: Day?
        public var end: Day?
        public var status: PhaseStatus

        public init(name: String, start: Day? = nil, end: Day? = nil, status: PhaseStatus = .open) {
            self.name = name
            self.start = start
            self.end = end
            self.status = status
        }
    }

    public static let defaultPhases = ["Bestandsaufnahme", "Bedarfsanalyse", "Maßnahmen", "Beschluss", "Umsetzung", "Evaluation"]

    public var id: UUID
    public var title: String
    public var bodyID: UUID
    public var phases: [Phase]
    public var indicatorCodes: [String]
    public var serviceCategories: [String]
    /// Papers of the process (reports, recommendations, drafts); meetings and resolutions follow from them.
    public var paperIDs: [UUID]?

    public init(id: UUID, title: String, bodyID: UUID, phases: [Phase] = defaultPhases.map { Phase(name: $0) }, indicatorCodes: [String] = [], serviceCategories: [String] = [],
                paperIDs: [UUID] = []) {
        self.paperIDs = paperIDs
        self.id = id
        self.title = title
        self.bodyID = bodyID
        self.phases = phases
        self.indicatorCodes = indicatorCodes
        self.serviceCategories = serviceCategories
    }

    /// The phase in work: the first active one, else the first open one.
    public var currentPhase: Phase? {
        phases.first { $0.status == .active } ?? phases.first { $0.status == .open }
    }

    public func validated() throws(ValidationFailure) -> PlanningProcess {
        var issues: [ValidationIssue] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("title", .required)) }
        if phases.isEmpty { issues.append(ValidationIssue("phases", .required)) }
        for (index, phase) in phases.enumerated() where phase.start != nil && phase.end != nil && phase.end! < phase.start! {
            issues.append(ValidationIssue("end\(index)", .endBeforeStart))
        }
        if phases.filter({ $0.status == .active }).count > 1 { issues.append(ValidationIssue("phases", .moreThanOneActive)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return self
    }
}
