import Foundation

/// What kind of body (Gremium) it is.
public enum BodyKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Steuerungsgruppe Sozialplanung.
    case steeringGroup = "steering-group"
    /// Arbeitsgruppe, a sub-body that prepares planning reports.
    case workingGroup = "working-group"
    /// Jugendhilfeausschuss (SGB VIII § 71).
    case youthWelfareCommittee = "youth-welfare-committee"
    /// Kreistag.
    case council
    /// Ausschuss des Kreistags.
    case committee
    case other
}

/// A legislative term (Wahlperiode) of a body.
public struct LegislativeTerm: Hashable, Sendable, Codable {
    public var id: UUID
    public var name: String
    public var start: Day
    public var end: Day?

    public init(id: UUID, name: String, start: Day, end: Day? = nil) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
    }

    public func contains(_ day: Day) -> Bool { start <= day && (end.map { day <= $0 } ?? true) }
}

/// A body of the planning process: the steering group, its working groups, the youth welfare committees, the council
/// and its committees.
public struct Body: Hashable, Sendable, Codable {
    public var id: UUID
    public var name: String
    public var shortName: String?
    public var kind: BodyKind
    public var parentID: UUID?
    /// Public bodies' meetings and papers are for everyone; internal ones only for members and planners.
    public var isPublic: Bool
    public var terms: [LegislativeTerm]

    public init(id: UUID, name: String, shortName: String? = nil, kind: BodyKind, parentID: UUID? = nil, isPublic: Bool, terms: [LegislativeTerm] = []) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.parentID = parentID
        self.isPublic = isPublic
        self.terms = terms
    }

    /// Checks a body against the others: a name, a parent that exists and no circle of parents, terms that end after
    /// they start and do not overlap.
    public func validated(others: [Body]) throws(ValidationFailure) -> Body {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.name = name.trimmingCharacters(in: .whitespaces)
        if copy.name.isEmpty { issues.append(ValidationIssue("name", .required)) }
        FieldCheck.length(copy.name, field: "name", max: 200, into: &issues)
        let byID = Dictionary(others.filter { $0.id != id }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if let parent = parentID {
            if parent == id { issues.append(ValidationIssue("parentId", .cycle)) }
            else if byID[parent] == nil { issues.append(ValidationIssue("parentId", .unknownReference)) }
            else if Hierarchy.hasCycle(start: id, parent: parentID, parentOf: { byID[$0]?.parentID }) { issues.append(ValidationIssue("parentId", .cycle)) }
        }
        let sorted = terms.sorted { $0.start < $1.start }
        for term in sorted where term.end.map({ $0 < term.start }) ?? false {
            issues.append(ValidationIssue("terms", .unknownValue(term.name)))
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.end.map({ $0 >= b.start }) ?? true {
            issues.append(ValidationIssue("terms", .overlappingTerms(a.name, b.name)))
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }
}

/// Parent links without circles (bodies, measures).
public enum Hierarchy {
    /// Whether following `parent` upwards from an item with id `start` ever comes back to `start`.
    public static func hasCycle(start: UUID, parent: UUID?, parentOf: (UUID) -> UUID?) -> Bool {
        var seen: Set<UUID> = [start]
        var next = parent
        while let current = next {
            if !seen.insert(current).inserted { return true }
            next = parentOf(current)
        }
        return false
    }
}

/// Someone who takes part: with or without a login.
public struct Person: Hashable, Sendable, Codable {
    public var id: UUID
    public var name: String
    public var userID: UUID?
    public var email: String?

    public init(id: UUID, name: String, userID: UUID? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.userID = userID
        self.email = email
    }

    /// Erased (DSGVO Art. 17): the name is the pseudonym of the person or of their login.
    public var isErased: Bool { [id, userID].compactMap { $0 }.contains { name == UserAccount.pseudonym(for: $0) } }
}

public enum MembershipRole: String, Hashable, Sendable, Codable, CaseIterable {
    case chair, deputy, member, advisory, guest
}

/// A person's seat in a body, possibly on behalf of an organisation.
public struct Membership: Hashable, Sendable, Codable {
    public var id: UUID
    public var personID: UUID
    public var bodyID: UUID
    public var role: MembershipRole
    public var onBehalfOf: UUID?
    public var votingRight: Bool
    public var start: Day
    public var end: Day?

    public init(id: UUID, personID: UUID, bodyID: UUID, role: MembershipRole, onBehalfOf: UUID? = nil, votingRight: Bool, start: Day, end: Day? = nil) {
        self.id = id
        self.personID = personID
        self.bodyID = bodyID
        self.role = role
        self.onBehalfOf = onBehalfOf
        self.votingRight = votingRight
        self.start = start
        self.end = end
    }

    public func isActive(on day: Day) -> Bool { start <= day && (end.map { day <= $0 } ?? true) }

    public func validated() throws(ValidationFailure) -> Membership {
        var issues: [ValidationIssue] = []
        if let end, end < start { issues.append(ValidationIssue("end", .endBeforeStart)) }
        // Guests and advisory members never vote.
        if votingRight, role == .guest || role == .advisory { issues.append(ValidationIssue("votingRight", .inconsistent)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return self
    }
}
