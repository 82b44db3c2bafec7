import Foundation
import SoplaCore
import SoplaStore
import Vapor

/// Tells the members of bodies about invitations, consultations and decisions: a message in the inbox of everyone with a
/// login, and an e-mail to everyone with an address when a mail server is configured (sent in the background).
struct Notifier {
    let req: Request

    func notifyMembers(of bodies: Set<UUID>, subject: String, body: String, link: String) async throws {
        let store = req.participationStore
        let today = req.settings.clock.today
        let now = req.settings.clock.now()
        let personIDs = Set(try await store.all(.membership, as: Membership.self).map(\.value).filter { bodies.contains($0.bodyID) && $0.isActive(on: today) }.map(\.personID))
        let persons = try await store.all(.person, as: Person.self).map(\.value).filter { personIDs.contains($0.id) }
        let base = req.settings.publicURL ?? ((req.isSecure ? "https://" : "http://") + (req.headers.first(name: .host) ?? "localhost"))
        var addresses: Set<String> = []
        for person in persons {
            var email = person.email
            if let userID = person.userID, let user = try await req.accounts.user(id: userID), user.active {
                let message = InboxMessage(userID: userID, subject: subject, body: body, link: link, createdAt: now)
                try await store.save(.notification, id: UUID(), message, label: subject, actor: .system("sopla"), at: now)
                email = email ?? user.email
            }
            if let email { addresses.insert(email) }
        }
        guard let host = req.settings.smtpHost, !addresses.isEmpty else { return }
        let mailer = Mailer(host: host, port: req.settings.smtpPort, from: req.settings.smtpFrom)
        let pool = req.application.threadPool, eventLoop = req.eventLoop, logger = req.logger
        let text = body + "\n\n" + base + link + "\n"
        Task.detached {
            for address in addresses.sorted() {
                do { try await mailer.send(to: address, subject: subject, body: text, date: now, on: pool, eventLoop: eventLoop) } catch {
                    logger.warning("mail to \(address) not sent: \(error)")
                }
            }
        }
    }
}
