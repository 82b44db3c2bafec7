import Foundation

extension Service {
    /// The fields people read in a diff and in the history, as text.
    public var auditFields: [String: String] {
        func list(_ values: [String]) -> String { values.joined(separator: ", ") }
        var fields: [String: String] = [
            "name": name, "description": description, "category": categoryCode, "legalBasis": legalBasis ?? "",
            "minAge": targetGroup.minAge.map(String.init) ?? "", "maxAge": targetGroup.maxAge.map(String.init) ?? "",
            "sexes": list(targetGroup.sexes.map(\.rawValue).sorted()), "situations": list(targetGroup.situations.sorted()),
            "preventive": preventive ? "ja" : "nein", "languages": list(languages), "stepFree": stepFree ? "ja" : "nein",
            "signLanguage": signLanguage ? "ja" : "nein", "fees": fees ?? "", "eligibility": eligibility ?? "", "howToApply": howToApply ?? "",
            "openingHours": ServiceEntry.openingHoursText(openingHours).replacingOccurrences(of: "\n", with: ", "),
            "email": email ?? "", "phone": phone ?? "", "website": website ?? "", "status": status.rawValue,
            "outreach": outreach ? "ja" : "nein", "serviceArea": list(serviceArea.sorted()),
            "places": capacity.places.map(String.init) ?? "", "casesPerYear": capacity.casesPerYear.map(String.init) ?? "",
            "referenceYear": capacity.referenceYear.map(String.init) ?? "",
            "locations": list(locations.map { [$0.name, $0.street, [$0.postcode, $0.city].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.joined(separator: ", ") }),
        ]
        if addressProtected { fields["addressProtected"] = "ja" }
        for (profession, fte) in capacity.fte { fields["fte." + profession] = String(format: "%.2f", fte) }
        if let shares = areaShares, !shares.isEmpty {
            fields["areaShares"] = list(shares.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%g", $0.value))" })
        }
        return fields
    }

    public static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}

/// A provider's change to a service, waiting for the planner: nothing changes until it is accepted.
public struct ServiceProposal: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, Codable {
        case open, accepted, rejected
    }

    public var id: UUID
    public var roundID: UUID?
    public var serviceID: UUID
    /// nil for a new service.
    public var base: Service?
    public var proposed: Service
    public var proposedBy: String
    public var proposedAt: Date
    public var state: State
    /// Why the planner decided so; required for a rejection, so that the provider learns why.
    public var decisionNote: String?
    /// The provider's answer to a rejection, with who gave it and when.
    public var answer: String?
    public var answeredBy: String?
    public var answeredAt: Date?

    /// Longest reason and answer, in characters.
    public static let maxNoteLength = 2000

    public init(id: UUID, roundID: UUID?, serviceID: UUID, base: Service?, proposed: Service, proposedBy: String, proposedAt: Date,
                state: State = .open, decisionNote: String? = nil, answer: String? = nil, answeredBy: String? = nil, answeredAt: Date? = nil) {
        self.answer = answer
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
        self.id = id
        self.roundID = roundID
        self.serviceID = serviceID
        self.base = base
        self.proposed = proposed
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.state = state
        self.decisionNote = decisionNote
    }

    /// The changed fields, as the review shows them.
    public var diff: [FieldChange] {
        FieldChange.diff(before: base?.auditFields ?? [:], after: proposed.auditFields)
    }

    /// Whether the service changed since the proposal was made (then the planner must compare again).
    public func isStale(current: Service?) -> Bool {
        current?.auditFields != base?.auditFields
    }
}

/// A Bestandserhebung: the planner asks every provider to update its services; the round shows who has answered.
public struct SurveyRound: Hashable, Sendable {
    public var id: UUID
    public var title: String
    public var opensOn: Day
    public var deadline: Day
    public var closedAt: Date?
    /// Organisations asked to answer.
    public var organisations: Set<UUID>

    public init(id: UUID, title: String, opensOn: Day, deadline: Day, closedAt: Date? = nil, organisations: Set<UUID>) {
        self.id = id
        self.title = title
        self.opensOn = opensOn
        self.deadline = deadline
        self.closedAt = closedAt
        self.organisations = organisations
    }

    public var isOpen: Bool { closedAt == nil }

    /// Organisations that have neither proposed a change nor confirmed their services unchanged in this round.
    public func missing(answeredBy answered: Set<UUID>) -> [UUID] {
        organisations.subtracting(answered).sorted { $0.uuidString < $1.uuidString }
    }

    public func isOverdue(on day: Day) -> Bool { isOpen && day > deadline }

    public func validated() throws(ValidationFailure) -> SurveyRound {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.title = title.trimmingCharacters(in: .whitespaces)
        if copy.title.isEmpty { issues.append(ValidationIssue("title", .required)) }
        FieldCheck.length(copy.title, field: "title", max: 200, into: &issues)
        if deadline < opensOn { issues.append(ValidationIssue("deadline", .endBeforeStart)) }
        if organisations.isEmpty { issues.append(ValidationIssue("organisations", .required)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }
}
