import Foundation
import NIOConcurrencyHelpers
import SoplaCore
import SoplaStore
import Vapor

/// Mail goes out through the outbox: queued in the database first, then sent by the background sender of `sopla
/// serve` / `sopla demo` or by `sopla notify`. A failed attempt stays queued with its reason and is tried again later.
struct MailOutbox: Sendable {
    let store: MailOutboxStore
    let transport: any MailTransport
    let clock: Clock
    let logger: Logger

    /// Queues one mail per address.
    func queue(to addresses: [String], subject: String, body: String) async throws {
        let now = clock.now()
        try await store.enqueue(addresses.map { OutboxMail(id: UUID(), recipient: $0, subject: subject, body: body, createdAt: now) })
    }

    /// Sends every mail whose time has come; a failure is kept with its reason for the next attempt. Mails sent longer
    /// than `OutboxMail.keepSent` ago are deleted.
    @discardableResult
    func sendDue() async throws -> (sent: Int, failed: Int) {
        var (sent, failed) = (0, 0)
        // Each pass claims what it reads, so the next pass reads other mails; the bound only guards against surprises.
        for _ in 0..<100 {
            let now = clock.now()
            let due = try await store.due(at: now)
            if due.isEmpty || Task.isCancelled { break }
            for mail in due {
                if Task.isCancelled { break }
                guard let claimed = try await store.claim(mail, until: now.addingTimeInterval(OutboxMail.attemptLease)) else { continue }
                do {
                    try await transport.send(claimed)
                    try await store.markSent(claimed.id, at: clock.now())
                    sent += 1
                } catch {
                    let retry = clock.now().addingTimeInterval(OutboxMail.retryDelay(afterAttempts: claimed.attempts))
                    logger.warning("mail to \(claimed.recipient) not sent (attempt \(claimed.attempts)), trying again after \(retry): \(error)")
                    try await store.markFailed(claimed.id, error: String(describing: error), nextAttemptAt: retry)
                    failed += 1
                }
            }
        }
        try await store.deleteSent(before: clock.now().addingTimeInterval(-OutboxMail.keepSent))
        return (sent, failed)
    }
}

struct MailTransportKey: StorageKey {
    typealias Value = any MailTransport
}

struct MailOutboxSenderKey: StorageKey {
    typealias Value = MailOutboxSender
}

extension Application {
    /// Where mail goes: a transport set here (tests), else the SMTP relay of the settings; nil: no mail, only the inbox.
    var mailTransport: (any MailTransport)? {
        get {
            storage[MailTransportKey.self] ?? settings.smtpHost.map { Mailer(host: $0, port: settings.smtpPort, from: settings.smtpFrom) }
        }
        set { storage[MailTransportKey.self] = newValue }
    }

    /// The outbox, when mail is configured.
    var mailOutbox: MailOutbox? {
        mailTransport.map { MailOutbox(store: MailOutboxStore(database: db), transport: $0, clock: settings.clock, logger: logger) }
    }

    /// Starts sending queued mail in the background until the application shuts down (`serve` and `demo`).
    func startMailSender() {
        guard storage[MailOutboxSenderKey.self] == nil, let outbox = mailOutbox else { return }
        let sender = MailOutboxSender(outbox: outbox)
        storage[MailOutboxSenderKey.self] = sender
        lifecycle.use(sender)
        sender.start()
    }

    /// Tells the background sender that new mail is queued; without one (a command) the mail waits for the next sender.
    func wakeMailSender() {
        storage[MailOutboxSenderKey.self]?.wake()
    }
}

/// Sends due mail at once when woken (new mail), and otherwise every `interval` seconds (retries).
final class MailOutboxSender: LifecycleHandler, Sendable {
    let outbox: MailOutbox
    let interval: TimeInterval
    private let state = NIOLockedValueBox<(task: Task<Void, Never>?, woken: Bool)>((nil, true))

    init(outbox: MailOutbox, interval: TimeInterval = 30) {
        self.outbox = outbox
        self.interval = interval
    }

    func start() {
        let task = Task.detached { [self] in await run() }
        state.withLockedValue { $0.task = task }
    }

    func wake() {
        state.withLockedValue { $0.woken = true }
    }

    private func run() async {
        var lastPass = Date.distantPast
        while !Task.isCancelled {
            let woken = state.withLockedValue { state in
                defer { state.woken = false }
                return state.woken
            }
            if woken || Date().timeIntervalSince(lastPass) >= interval {
                lastPass = Date()
                do {
                    try await outbox.sendDue()
                } catch {
                    outbox.logger.warning("the mail outbox could not be read: \(error)")
                }
            }
            try? await Task.sleep(nanoseconds: 200_000_000)
        }
    }

    func shutdown(_ application: Application) {
        state.withLockedValue { $0.task?.cancel() }
    }

    func shutdownAsync(_ application: Application) async {
        let task = state.withLockedValue { $0.task }
        task?.cancel()
        await task?.value
    }
}
