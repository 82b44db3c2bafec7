import Foundation
@testable import SoplaApp
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Synchronization
import Testing

/// Who hears of a body's news: members with a seat today, in the inbox when they have an active login, by mail to
/// their address (or their login's) when mail is configured.
@Suite("Notifications as a service")
struct NotificationServiceTests {
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    final class Sent: Sendable {
        let mails = Mutex<[(addresses: [String], subject: String, body: String)]>([])
    }

    @Test func membersWithASeatTodayHearInTheirInboxAndByMail() async throws {
        try await TestDatabase.withDatabase { app in
            let participation = ParticipationStore(database: app.db), accounts = AccountStore(database: app.db)
            let body = Body(id: UUID(), name: "Jugendhilfeausschuss", kind: .youthWelfareCommittee, isPublic: true)
            try await participation.save(.body, id: body.id, body, label: body.name, actor: actor, at: now)
            let active = try await accounts.createUser(UserAccount(id: UUID(), email: "anna@kreis.example", displayName: "Anna", roles: [.bodyMember], createdAt: now),
                                                       passwordHash: nil, actor: actor, at: now)
            let inactive = try await accounts.createUser(UserAccount(id: UUID(), email: "bernd@kreis.example", displayName: "Bernd", roles: [.bodyMember], active: false,
                                                         createdAt: now), passwordHash: nil, actor: actor, at: now)
            let anna = Person(id: UUID(), name: "Anna", userID: active.id)
            let bernd = Person(id: UUID(), name: "Bernd", userID: inactive.id, email: "bernd.privat@example.org")
            let carla = Person(id: UUID(), name: "Carla")
            let dora = Person(id: UUID(), name: "Dora", email: "dora@example.org")
            for person in [anna, bernd, carla, dora] { try await participation.save(.person, id: person.id, person, label: person.name, actor: actor, at: now) }
            let start = Day(year: 2026, month: 1, day: 1)!
            for (person, end) in [(anna, nil), (bernd, nil), (carla, nil), (dora, Day(year: 2026, month: 3, day: 31))] as [(Person, Day?)] {
                let seat = Membership(id: UUID(), personID: person.id, bodyID: body.id, role: .member, votingRight: true, start: start, end: end)
                try await participation.save(.membership, id: seat.id, seat, label: person.name, bodyID: body.id, actor: actor, at: now)
            }
            let sent = Sent()
            let service = NotificationService(participation: participation, accounts: accounts, clock: .fixed(now), siteURL: "https://kreis.example",
                                              queueMail: { addresses, subject, body in sent.mails.withLock { $0.append((addresses, subject, body)) } })
            // Dora's seat has ended; Carla has neither login nor address, but counts as told.
            let told = try await service.notifyMembers(of: [body.id], subject: "Einladung", body: "Sitzung am Montag", link: "/sitzungen/1")
            #expect(told == 3)
            let inbox = try await participation.all(.notification, as: InboxMessage.self).map(\.value)
            #expect(inbox.map(\.userID) == [active.id] && inbox.first?.subject == "Einladung" && inbox.first?.link == "/sitzungen/1")
            let mails = sent.mails.withLock { $0 }
            // Anna by her login's address; Bernd (login switched off) by his own address, without an inbox message.
            #expect(mails.map(\.addresses) == [["anna@kreis.example", "bernd.privat@example.org"]])
            #expect(mails.first?.body == "Sitzung am Montag\n\nhttps://kreis.example/sitzungen/1\n")

            // Without mail, the inbox alone.
            let inboxOnly = NotificationService(participation: participation, accounts: accounts, clock: .fixed(now), siteURL: "https://kreis.example", queueMail: nil)
            #expect(try await inboxOnly.notifyMembers(of: [body.id], subject: "Protokoll", body: "liegt vor", link: "/sitzungen/1") == 3)
            #expect(try await participation.all(.notification, as: InboxMessage.self).count == 2)
        }
    }
}
