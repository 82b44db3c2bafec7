import Foundation
import SoplaCore
import SoplaStore

/// Tells people about invitations, consultations, deadlines and decisions: a message in the inbox of everyone with a
/// login, and one mail per address through the outbox when mail is configured.
public struct NotificationService: Sendable {
    public let participation: ParticipationStore
    public let accounts: AccountStore
    public let clock: Clock
    /// The site's address, put before a message's link in a mail.
    public let siteURL: String
    /// Queues mail to the addresses (nil: no mail is configured, the inbox alone).
    public let queueMail: (@Sendable (_ addresses: [String], _ subject: String, _ body: String) async throws -> Void)?

    public init(participation: ParticipationStore, accounts: AccountStore, clock: Clock, siteURL: String,
                queueMail: (@Sendable (_ addresses: [String], _ subject: String, _ body: String) async throws -> Void)?) {
        self.participation = participation
        self.accounts = accounts
        self.clock = clock
        self.siteURL = siteURL
        self.queueMail = queueMail
    }

    /// Tells the members of `bodies` holding a seat today: those with an active login in their inbox (and by mail to
    /// the person's address, else the login's), those without a login by mail when they have an address.
    /// Returns how many persons it told.
    @discardableResult
    public func notifyMembers(of bodies: Set<UUID>, subject: String, body: String, link: String) async throws -> Int {
        let today = clock.today
        let personIDs = Set(try await participation.all(.membership, as: Membership.self).map(\.value)
            .filter { bodies.contains($0.bodyID) && $0.isActive(on: today) }.map(\.personID))
        let persons = try await participation.all(.person, as: Person.self).map(\.value).filter { personIDs.contains($0.id) }
        var recipients: [(user: UUID?, email: String?)] = []
        for person in persons {
            var user: UserAccount?
            if let id = person.userID { user = try await accounts.user(id: id) }
            if let user, user.active { recipients.append((user.id, person.email ?? user.email)) } else { recipients.append((nil, person.email)) }
        }
        try await deliver(to: recipients, subject: subject, body: body, link: link)
        return persons.count
    }

    /// The logins of the persons holding a seat in `bodies` today (who `notifyMembers` tells in their inbox).
    public func memberLogins(of bodies: Set<UUID>) async throws -> Set<UUID> {
        let today = clock.today
        let personIDs = Set(try await participation.all(.membership, as: Membership.self).map(\.value)
            .filter { bodies.contains($0.bodyID) && $0.isActive(on: today) }.map(\.personID))
        return Set(try await participation.all(.person, as: Person.self).map(\.value).filter { personIDs.contains($0.id) }.compactMap(\.userID))
    }

    /// Tells every active user of an organisation (an invitation to comment on the organisation's behalf), but not
    /// the logins in `except` (told already as members of an invited body: one invitation per person).
    @discardableResult
    public func notifyUsers(of organisation: UUID, subject: String, body: String, link: String, except: Set<UUID> = []) async throws -> Int {
        let users = try await accounts.users().filter { $0.active && $0.organisationIDs.contains(organisation) && !except.contains($0.id) }
        try await deliver(to: users.map { ($0.id, $0.email) }, subject: subject, body: body, link: link)
        return users.count
    }

    /// Tells one login (a reviewer given an application), if it is active.
    @discardableResult
    public func notifyUser(_ userID: UUID, subject: String, body: String, link: String) async throws -> Int {
        guard let user = try await accounts.user(id: userID), user.active else { return 0 }
        try await deliver(to: [(user.id, user.email)], subject: subject, body: body, link: link)
        return 1
    }

    /// Tells every active login with a role (the county's planners of what a provider sent).
    @discardableResult
    public func notifyRole(_ role: Role, subject: String, body: String, link: String) async throws -> Int {
        let users = try await accounts.users().filter { $0.active && $0.roles.contains(role) }
        try await deliver(to: users.map { ($0.id, $0.email) }, subject: subject, body: body, link: link)
        return users.count
    }

    /// A message in the inbox of each recipient with a login, and one mail per address when mail is configured;
    /// mail is queued first, so none is lost when sending fails or sopla stops.
    func deliver(to recipients: [(user: UUID?, email: String?)], subject: String, body: String, link: String) async throws {
        let now = clock.now()
        for userID in recipients.compactMap(\.user) {
            let message = InboxMessage(userID: userID, subject: subject, body: body, link: link, createdAt: now)
            try await participation.save(.notification, id: UUID(), message, label: subject, actor: .system("sopla"), at: now)
        }
        let addresses = Set(recipients.compactMap(\.email))
        guard let queueMail, !addresses.isEmpty else { return }
        try await queueMail(addresses.sorted(), subject, body + "\n\n" + siteURL + link + "\n")
    }
}
