import Foundation
import SoplaCore
import SoplaStore
import SoplaRender
import Vapor

/// Tells the members of bodies about invitations, consultations, deadlines and decisions: a message in the inbox of
/// everyone with a login, and an e-mail to everyone with an address when a mail server is configured.
struct Notifier {
    let app: Application
    let baseURL: String
    /// Requests leave mail to the background sender; a command sends the outbox itself when done (`MailOutbox.sendDue`).
    let waitForMail: Bool

    init(req: Request) {
        app = req.application
        baseURL = req.siteURL
        waitForMail = false
    }

    init(app: Application) {
        self.app = app
        baseURL = app.siteURL
        waitForMail = true
    }

    @discardableResult
    func notifyMembers(of bodies: Set<UUID>, subject: String, body: String, link: String) async throws -> Int {
        let store = app.participationStore
        let accounts = AccountStore(database: app.db)
        let today = app.settings.clock.today
        let personIDs = Set(try await store.all(.membership, as: Membership.self).map(\.value).filter { bodies.contains($0.bodyID) && $0.isActive(on: today) }.map(\.personID))
        let persons = try await store.all(.person, as: Person.self).map(\.value).filter { personIDs.contains($0.id) }
        var recipients: [(user: UUID?, email: String?)] = []
        for person in persons {
            let user = try await person.userID.asyncMap { try await accounts.user(id: $0) } ?? nil
            recipients.append(user?.active == true ? (user!.id, person.email ?? user!.email) : (nil, person.email))
        }
        try await deliver(to: recipients, subject: subject, body: body, link: link)
        return persons.count
    }

    /// Tells every active user of an organisation (an invitation to comment on the organisation's behalf).
    @discardableResult
    func notifyUsers(of organisation: UUID, subject: String, body: String, link: String) async throws -> Int {
        let users = try await AccountStore(database: app.db).users().filter { $0.active && $0.organisationIDs.contains(organisation) }
        try await deliver(to: users.map { ($0.id, $0.email) }, subject: subject, body: body, link: link)
        return users.count
    }

    /// A message in the inbox of each recipient with a login, and one mail per address when a mail server is configured.
    private func deliver(to recipients: [(user: UUID?, email: String?)], subject: String, body: String, link: String) async throws {
        let store = app.participationStore
        let now = app.settings.clock.now()
        for userID in recipients.compactMap(\.user) {
            let message = InboxMessage(userID: userID, subject: subject, body: body, link: link, createdAt: now)
            try await store.save(.notification, id: UUID(), message, label: subject, actor: .system("sopla"), at: now)
        }
        let addresses = Set(recipients.compactMap(\.email))
        guard let outbox = app.mailOutbox, !addresses.isEmpty else { return }
        // Queued first, so that no mail is lost when sending fails or sopla stops.
        try await outbox.queue(to: addresses.sorted(), subject: subject, body: body + "\n\n" + baseURL + link + "\n")
        if !waitForMail { app.wakeMailSender() }
    }

    /// Reminds the invited bodies of consultations whose deadline falls within `days` days.
    func remindDeadlines(days: Int) async throws -> Int {
        let store = app.participationStore
        let now = app.settings.clock.now()
        let papers = Dictionary(try await store.all(.paper, as: Paper.self).map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        var count = 0
        for process in try await store.all(.statementProcess, as: StatementProcess.self).map(\.value)
        where process.acceptsStatements(at: now) && process.deadline.timeIntervalSince(now) <= Double(days) * 86_400 {
            guard let paper = papers[process.paperID] else { continue }
            let subject = "Erinnerung: Stellungnahme zu " + paper.reference
            let text = "Die Frist für Stellungnahmen zu „\(paper.title)“ endet am \(DateText.dateTime(process.deadline, .de))."
            if let body = process.bodies.sorted(by: { $0.uuidString < $1.uuidString }).first {
                count += try await notifyMembers(of: process.bodies, subject: subject, body: text, link: ParticipationRoute.consultation(body, process.id))
            }
            for organisation in process.organisations.sorted(by: { $0.uuidString < $1.uuidString }) {
                count += try await notifyUsers(of: organisation, subject: subject, body: text, link: ParticipationRoute.organisationConsultation(organisation, process.id))
            }
        }
        return count
    }
}
