import Foundation
import SoplaApp
import SoplaCore
import SoplaStore
import SoplaRender
import Vapor

/// Tells the members of bodies about invitations, consultations, deadlines and decisions (`NotificationService`), with
/// the wording and links of the site.
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

    /// Inbox and mail (`NotificationService`), mail through the outbox; a request wakes the background sender.
    var service: NotificationService {
        let app = self.app, wake = !waitForMail
        var queueMail: (@Sendable ([String], String, String) async throws -> Void)?
        if let outbox = app.mailOutbox {
            queueMail = { addresses, subject, body in
                try await outbox.queue(to: addresses, subject: subject, body: body)
                if wake { app.wakeMailSender() }
            }
        }
        return NotificationService(participation: app.participationStore, accounts: AccountStore(database: app.db), clock: app.settings.clock, siteURL: baseURL,
                                   queueMail: queueMail)
    }

    @discardableResult
    func notifyMembers(of bodies: Set<UUID>, subject: String, body: String, link: String) async throws -> Int {
        try await service.notifyMembers(of: bodies, subject: subject, body: body, link: link)
    }

    @discardableResult
    func notifyUsers(of organisation: UUID, subject: String, body: String, link: String, except: Set<UUID> = []) async throws -> Int {
        try await service.notifyUsers(of: organisation, subject: subject, body: body, link: link, except: except)
    }

    /// Tells the members of the invited bodies and the users of the invited organisations of a consultation, each
    /// person once (a member who is also an organisation's user hears as a member).
    @discardableResult
    func notifyInvited(_ process: StatementProcess, subject: String, body: String, bodyLink: String?, organisationLink: (UUID) -> String) async throws -> Int {
        var count = 0
        if let bodyLink, !process.bodies.isEmpty {
            count += try await notifyMembers(of: process.bodies, subject: subject, body: body, link: bodyLink)
        }
        let told = try await service.memberLogins(of: process.bodies)
        for organisation in process.organisations.sorted(by: { $0.uuidString < $1.uuidString }) {
            count += try await notifyUsers(of: organisation, subject: subject, body: body, link: organisationLink(organisation), except: told)
        }
        return count
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
            let body = process.bodies.sorted(by: { $0.uuidString < $1.uuidString }).first
            count += try await notifyInvited(process, subject: subject, body: text, bodyLink: body.map { ParticipationRoute.consultation($0, process.id) },
                                             organisationLink: { ParticipationRoute.organisationConsultation($0, process.id) })
        }
        return count
    }
}
