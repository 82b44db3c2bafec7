import Foundation

public enum MeetingState: String, Hashable, Sendable, Codable, CaseIterable {
    case planned, invited, held, cancelled
}

/// A meeting of a body.
public struct Meeting: Hashable, Sendable, Codable {
    public var id: UUID
    public var bodyID: UUID
    public var name: String
    public var start: Date
    public var end: Date
    public var location: String?
    public var state: MeetingState

    public init(id: UUID, bodyID: UUID, name: String, start: Date, end: Date, location: String? = nil, state: MeetingState = .planned) {
        self.id = id
        self.bodyID = bodyID
        self.name = name
        self.start = start
        self.end = end
        self.location = location
        self.state = state
    }

    public func validated() throws(ValidationFailure) -> Meeting {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.name = name.trimmingCharacters(in: .whitespaces)
        if copy.name.isEmpty { issues.append(ValidationIssue("name", .required)) }
        FieldCheck.length(copy.name, field: "name", max: 200, into: &issues)
        if end <= start { issues.append(ValidationIssue("end", .endBeforeStart)) }
        if end.timeIntervalSince(start) > 24 * 3600 { issues.append(ValidationIssue("end", .inconsistent)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }

    /// Which states may follow which: planned → invited → held; planned or invited → cancelled. A meeting is held
    /// once it has begun, not before.
    public func canMove(to next: MeetingState, at now: Date) -> Bool {
        switch (state, next) {
        case (.planned, .invited), (.planned, .cancelled), (.invited, .cancelled): return true
        case (.invited, .held), (.planned, .held): return now >= start
        default: return false
        }
    }
}

/// One item of a meeting's agenda.
public struct AgendaItem: Hashable, Sendable, Codable {
    public var id: UUID
    public var meetingID: UUID
    /// "1", "2.1", "Ö 3" — as the invitation prints it.
    public var number: String
    public var title: String
    public var isPublic: Bool
    public var paperIDs: [UUID]
    public var result: String?
    public var resolutionText: String?
    /// Why the body treats the item's papers: for information, for advice or for decision.
    public var role: ConsultationRole?

    public init(id: UUID, meetingID: UUID, number: String, title: String, isPublic: Bool, paperIDs: [UUID] = [], result: String? = nil, resolutionText: String? = nil,
                role: ConsultationRole? = nil) {
        self.role = role
        self.id = id
        self.meetingID = meetingID
        self.number = number
        self.title = title
        self.isPublic = isPublic
        self.paperIDs = paperIDs
        self.result = result
        self.resolutionText = resolutionText
    }

    /// Agenda numbers in reading order: "2" before "10", "2.1" after "2".
    public static func ordered(_ items: [AgendaItem]) -> [AgendaItem] {
        func parts(_ number: String) -> [Int] { number.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } }
        return items.sorted { a, b in
            let (x, y) = (parts(a.number), parts(b.number))
            return x == y ? a.number < b.number : x.lexicographicallyPrecedes(y)
        }
    }
}

public enum AttendanceStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case present, excused, absent
}

/// Whether a meeting can decide: more than half of the body's voting members are present (as HGO § 53 (1) for the
/// council; the same rule serves the steering group unless its rules of procedure say otherwise).
public struct Quorum: Hashable, Sendable {
    public let votingMembers: Int
    public let votingPresent: Int

    /// Voting members present needed: more than half of all voting members.
    public var required: Int { votingMembers / 2 + 1 }
    public var isQuorate: Bool { votingMembers > 0 && votingPresent >= required }

    /// From the body's memberships on the meeting's day and the attendance list (person → status).
    public static func compute(memberships: [Membership], bodyID: UUID, on day: Day, attendance: [UUID: AttendanceStatus]) -> Quorum {
        let voting = Set(memberships.filter { $0.bodyID == bodyID && $0.votingRight && $0.isActive(on: day) }.map(\.personID))
        let present = voting.filter { attendance[$0] == .present }.count
        return Quorum(votingMembers: voting.count, votingPresent: present)
    }

    public init(votingMembers: Int, votingPresent: Int) {
        self.votingMembers = votingMembers
        self.votingPresent = votingPresent
    }
}

/// The votes on a decision: counted, or unanimous.
public enum Vote: Hashable, Sendable, Codable {
    case counted(yes: Int, no: Int, abstain: Int)
    case unanimous

    /// Adopted with a majority of the votes cast; abstentions do not count (as HGO § 54 (1)).
    public func isAdopted(presentVoting: Int) -> Bool {
        switch self {
        case .unanimous: return presentVoting > 0
        case .counted(let yes, let no, _): return yes > no
        }
    }

    /// The votes counted (yes, no and abstentions); none for a unanimous decision, which counts no hands.
    public var cast: Int {
        guard case .counted(let yes, let no, let abstain) = self else { return 0 }
        return yes + no + abstain
    }

    /// No negative counts, and not more votes than voting members present.
    public func validated(presentVoting: Int) throws(ValidationFailure) -> Vote {
        guard case .counted(let yes, let no, let abstain) = self else { return self }
        guard [yes, no, abstain].allSatisfy(Plausible.votes.contains) else { throw ValidationFailure([Plausible.votes.issue("votes")]) }
        // Each count is at most 10,000 now, so the sum cannot overflow.
        if cast > presentVoting { throw ValidationFailure([ValidationIssue("votes", .tooManyVotes(cast: cast, present: presentVoting))]) }
        return self
    }
}

/// The rules that keep a meeting's minutes true: decisions only in a held meeting with a quorum, never more votes
/// than voting members present, and no later change of attendance that would break a decision already recorded.
public enum Minutes {
    /// What stands against recording a decision with `vote` in `meeting`, with the voting members present now.
    public static func problemsOfDecision(_ vote: Vote, meeting: Meeting, quorum: Quorum) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if meeting.state != .held { issues.append(ValidationIssue("resolution", .meetingNotHeld)) }
        if !quorum.isQuorate { issues.append(ValidationIssue("quorum", .notQuorate(present: quorum.votingPresent, required: quorum.required))) }
        do { _ = try vote.validated(presentVoting: quorum.votingPresent) } catch { issues += error.issues }
        return issues
    }

    /// What a changed attendance (giving `quorum`) would break in the decisions already recorded, by agenda item.
    public static func problemsOfAttendance(quorum: Quorum, decided: [(item: AgendaItem, resolution: Resolution)]) -> [ValidationIssue] {
        guard !decided.isEmpty else { return [] }
        var issues: [ValidationIssue] = []
        if !quorum.isQuorate { issues.append(ValidationIssue("attendance", .quorumLost(present: quorum.votingPresent, required: quorum.required))) }
        let votes = Dictionary(decided.map { ($0.item.id, $0.resolution.vote) }, uniquingKeysWith: { a, _ in a })
        for item in AgendaItem.ordered(decided.map(\.item)) {
            guard let cast = votes[item.id]?.cast, cast > quorum.votingPresent else { continue }
            issues.append(ValidationIssue("attendance", .votesExceedAttendance(item: item.number, cast: cast, present: quorum.votingPresent)))
        }
        return issues
    }
}

/// A decision on an agenda item.
public struct Resolution: Hashable, Sendable, Codable {
    public var id: UUID
    public var agendaItemID: UUID
    public var vote: Vote
    public var text: String
    /// The paper version decided on.
    public var paperID: UUID?
    public var paperVersion: Int?
    public var isPublic: Bool

    public init(id: UUID, agendaItemID: UUID, vote: Vote, text: String, paperID: UUID? = nil, paperVersion: Int? = nil, isPublic: Bool) {
        self.id = id
        self.agendaItemID = agendaItemID
        self.vote = vote
        self.text = text
        self.paperID = paperID
        self.paperVersion = paperVersion
        self.isPublic = isPublic
    }
}

/// Who came to a meeting.
public struct Attendance: Hashable, Sendable, Codable {
    public var meetingID: UUID
    public var statuses: [UUID: AttendanceStatus]

    public init(meetingID: UUID, statuses: [UUID: AttendanceStatus]) {
        self.meetingID = meetingID
        self.statuses = statuses
    }
}

/// A message in a person's inbox in sopla (also sent by e-mail where an address and a mail server are known).
public struct InboxMessage: Hashable, Sendable, Codable {
    public var userID: UUID
    public var subject: String
    public var body: String
    public var link: String?
    public var createdAt: Date
    public var read: Bool

    public init(userID: UUID, subject: String, body: String, link: String?, createdAt: Date, read: Bool = false) {
        self.userID = userID
        self.subject = subject
        self.body = body
        self.link = link
        self.createdAt = createdAt
        self.read = read
    }
}
