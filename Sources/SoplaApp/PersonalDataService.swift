import Foundation
import SoplaCore
import SoplaStore

/// What sopla holds about one person beyond the account (DSGVO Art. 15): seats, attendance, statements, messages,
/// proposals and applications. Other people's data in those records is left out.
public struct PersonalParticipation: Sendable, Codable, Equatable {
    public struct PersonEntry: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let email: String?
    }

    public struct Seat: Sendable, Codable, Equatable {
        public let body: String
        public let role: String
        public let votingRight: Bool
        public let start: String
        public let end: String?
    }

    public struct Presence: Sendable, Codable, Equatable {
        public let meeting: String
        public let start: Date
        public let status: String
    }

    public struct StatementEntry: Sendable, Codable, Equatable {
        public let paper: String
        public let section: String?
        public let onBehalfOf: String?
        public let text: String
        public let submittedAt: Date
    }

    public struct Message: Sendable, Codable, Equatable {
        public let subject: String
        public let body: String
        public let createdAt: Date
        public let read: Bool
    }

    public struct Proposal: Sendable, Codable, Equatable {
        public let service: String
        public let proposedAt: Date
        public let state: String
    }

    public struct Application: Sendable, Codable, Equatable {
        public let title: String
        public let year: Int
        public let state: String
        public let steps: [String]
    }

    public var persons: [PersonEntry] = []
    public var memberships: [Seat] = []
    public var attendance: [Presence] = []
    public var statements: [StatementEntry] = []
    public var messages: [Message] = []
    public var proposals: [Proposal] = []
    public var applications: [Application] = []

    public init() {}
}

/// The whole export: the account's part (for a login) and everything else about the person, side by side in one
/// JSON object.
public struct PersonalDataReport: Sendable, Encodable, Equatable {
    public let account: PersonalDataExport?
    public let participation: PersonalParticipation

    enum CodingKeys: String, CodingKey { case participation }

    public func encode(to encoder: any Encoder) throws {
        try account?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(participation, forKey: .participation)
    }
}

/// Collects what sopla holds about a person for an export (erasure: `AccountStore.erase`).
public struct PersonalDataService: Sendable {
    public let accounts: AccountStore
    public let participation: ParticipationStore
    public let funding: FundingStore
    public let services: ServiceStore

    public init(accounts: AccountStore, participation: ParticipationStore, funding: FundingStore, services: ServiceStore) {
        self.accounts = accounts
        self.participation = participation
        self.funding = funding
        self.services = services
    }

    /// Everything about a login (the export is audited).
    public func export(userID: UUID, actor: AuditActor, at: Date) async throws -> PersonalDataReport {
        let account = try await accounts.personalData(userID: userID, actor: actor, at: at)
        guard let user = try await accounts.user(id: userID) else { throw AccountStoreError.notFound }
        let persons = try await participation.all(.person, as: Person.self).map(\.value).filter { $0.userID == userID }
        var result = try await traces(of: persons, names: Set([user.displayName] + persons.map(\.name)))
        result.messages = try await participation.all(.notification, as: InboxMessage.self).map(\.value).filter { $0.userID == userID }
            .sorted { $0.createdAt < $1.createdAt }
            .map { .init(subject: $0.subject, body: $0.body, createdAt: $0.createdAt, read: $0.read) }
        result.proposals = try await services.proposals().filter { $0.proposal.proposedBy == user.displayName }.map {
            .init(service: $0.proposal.proposed.name, proposedAt: $0.proposal.proposedAt, state: $0.proposal.state.rawValue)
        }
        let own = userID.uuidString.lowercased()
        result.applications = try await funding.all(.application, as: FundingApplication.self).map(\.value)
            .filter { application in application.history.contains { $0.by.lowercased() == own } }
            .map { application in
                .init(title: application.title, year: application.year, state: application.state.rawValue,
                      steps: application.history.filter { $0.by.lowercased() == own }.map(\.event))
            }
        return PersonalDataReport(account: account, participation: result)
    }

    /// Everything about a person of the bodies without a login.
    public func export(personID: UUID) async throws -> PersonalDataReport {
        guard let person = try await participation.one(.person, id: personID, as: Person.self)?.value else { throw AccountStoreError.notFound }
        return PersonalDataReport(account: nil, participation: try await traces(of: [person], names: [person.name]))
    }

    func traces(of persons: [Person], names: Set<String>) async throws -> PersonalParticipation {
        var result = PersonalParticipation()
        let ids = Set(persons.map(\.id))
        result.persons = persons.map { .init(id: $0.id.uuidString.lowercased(), name: $0.name, email: $0.email) }
        let bodies = Dictionary(try await participation.all(.body, as: Body.self).map { ($0.id, $0.value.name) }, uniquingKeysWith: { a, _ in a })
        result.memberships = try await participation.all(.membership, as: Membership.self).map(\.value).filter { ids.contains($0.personID) }
            .sorted { $0.start < $1.start }
            .map { .init(body: bodies[$0.bodyID] ?? "", role: $0.role.rawValue, votingRight: $0.votingRight, start: $0.start.iso, end: $0.end?.iso) }
        let meetings = Dictionary(try await participation.all(.meeting, as: Meeting.self).map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        for attendance in try await participation.all(.attendance, as: Attendance.self).map(\.value) {
            guard let meeting = meetings[attendance.meetingID] else { continue }
            for (person, status) in attendance.statuses where ids.contains(person) {
                result.attendance.append(.init(meeting: meeting.name, start: meeting.start, status: status.rawValue))
            }
        }
        result.attendance.sort { $0.start < $1.start }
        let processes = Dictionary(try await participation.all(.statementProcess, as: StatementProcess.self).map { ($0.id, $0.value.paperID) },
                                   uniquingKeysWith: { a, _ in a })
        let papers = Dictionary(try await participation.all(.paper, as: Paper.self).map { ($0.id, $0.value.reference) }, uniquingKeysWith: { a, _ in a })
        result.statements = try await participation.all(.statement, as: Statement.self).map(\.value).filter { names.contains($0.author) }
            .sorted { $0.submittedAt < $1.submittedAt }
            .map { .init(paper: processes[$0.processID].flatMap { papers[$0] } ?? "", section: $0.section, onBehalfOf: $0.onBehalfOf, text: $0.text,
                         submittedAt: $0.submittedAt) }
        return result
    }

}
