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
    /// Requests send mail in the background; a command waits for it.
    let waitForMail: Bool

    init(req: Request) {
        app = req.application
        baseURL = req.siteURL
        waitForMail = false
    }

    init(app: Application) {
        self.app = app
        baseURL = app.settings.publicURL ?? "http://127.0.0.1:8080"
        waitForMail = true
    }

    @discardableResult
    func notifyMembers(of bodies: Set<UUID>, subject: String, body: String, link: String) async throws -> Int {
        let store = app.participationStore
        let accounts = AccountStore(database: app.db)
        let today = app.settings.clock.today
        let now = app.settings.clock.now()
        let personIDs = Set(try await store.all(.membership, as: Membership.self).map(\.value).filter { bodies.contains($0.bodyID) && $0.isActive(on: today) }.map(\.personID))
        let persons = try await store.all(.person, as: Person.self).map(\.value).filter { personIDs.contains($0.id) }
        var addresses: Set<String> = []
        for person in persons {
            var email = person.email
            if let userID = person.userID, let user = try await accounts.user(id: userID), user.active {
                let message = InboxMessage(userID: userID, subject: subject, body: body, link: link, createdAt: now)
                try await store.save(.notification, id: UUID(), message, label: subject, actor: .system("sopla"), at: now)
                email = email ?? user.email
            }
            if let email { addresses.insert(email) }
        }
        guard let host = app.settings.smtpHost, !addresses.isEmpty else { return persons.count }
        let mailer = Mailer(host: host, port: app.settings.smtpPort, from: app.settings.smtpFrom)
        let pool = app.threadPool, eventLoop = app.eventLoopGroup.next(), logger = app.logger
        let text = body + "\n\n" + baseURL + link + "\n"
        let recipients = addresses.sorted()
        let send: @Sendable () async -> Void = {
            for address in recipients {
                do { try await mailer.send(to: address, subject: subject, body: text, date: now, on: pool, eventLoop: eventLoop) } catch {
                    logger.warning("mail to \(address) not sent: \(error)")
                }
            }
        }
        if waitForMail { await send() } else { Task.detached { await send() } }
        return persons.count
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
            let body = process.bodies.sorted { $0.uuidString < $1.uuidString }.first!
            count += try await notifyMembers(of: process.bodies, subject: "Erinnerung: Stellungnahme zu " + paper.reference,
                                             body: "Die Frist für Stellungnahmen zu „\(paper.title)“ endet am \(DateText.dateTime(process.deadline, .de)).",
                                             link: ParticipationRoute.consultation(body: body, process: process.id))
        }
        return count
    }
}
