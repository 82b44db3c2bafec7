#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NIOConcurrencyHelpers
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing
import Vapor
@testable import SoplaWeb

/// A mail server that refuses the first `failures` mails and records what it takes.
final class TestMailTransport: MailTransport {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "the mail server answered 451 to RCPT TO" }
    }

    private let state: NIOLockedValueBox<(failures: Int, delivered: [OutboxMail])>

    init(failures: Int = 0) {
        state = NIOLockedValueBox((failures, []))
    }

    var delivered: [OutboxMail] { state.withLockedValue { $0.delivered } }

    func send(_ mail: OutboxMail) async throws {
        try state.withLockedValue { state in
            if state.failures > 0 {
                state.failures -= 1
                throw Refused()
            }
            state.delivered.append(mail)
        }
    }
}

@Suite("Mail outbox")
struct MailOutboxTests {
    /// Sent and failed mails of one pass.
    static func send(_ outbox: MailOutbox) async throws -> [Int] {
        let (sent, failed) = try await outbox.sendDue()
        return [sent, failed]
    }

    @Test func aFailedMailStaysQueuedWithItsErrorAndGoesOutOnTheNextAttempt() async throws {
        let clock = TestClock()
        try await withTestApp(demo: false, clock: clock.clock) { app in
            let transport = TestMailTransport(failures: 1)
            app.mailTransport = transport
            let outbox = try #require(app.mailOutbox)
            try await outbox.queue(to: ["gremium@example.org"], subject: "Einladung: 13. Sitzung", body: "Am 9. Dezember.")
            #expect(try await Self.send(outbox) == [0, 1])
            var stored = try #require(try await MailOutboxStore(database: app.db).all().first)
            #expect(stored.sentAt == nil && stored.attempts == 1 && stored.lastError == "the mail server answered 451 to RCPT TO")
            #expect(stored.nextAttemptAt == testNow.addingTimeInterval(60))
            // Not before its time.
            #expect(try await Self.send(outbox) == [0, 0])
            clock.advance(61)
            #expect(try await Self.send(outbox) == [1, 0])
            stored = try #require(try await MailOutboxStore(database: app.db).all().first)
            #expect(stored.sentAt == testNow.addingTimeInterval(61) && stored.attempts == 2 && stored.lastError == nil)
            #expect(transport.delivered.map(\.recipient) == ["gremium@example.org"])
            #expect(transport.delivered.first?.subject == "Einladung: 13. Sitzung")
            // Sent is sent: nothing goes out twice.
            clock.advance(3600)
            #expect(try await Self.send(outbox) == [0, 0])
        }
    }

    @Test func sentMailsAreDeletedAfterThirtyDaysUnsentOnesStay() async throws {
        let clock = TestClock()
        try await withTestApp(demo: false, clock: clock.clock) { app in
            let transport = TestMailTransport(failures: 0)
            app.mailTransport = transport
            let outbox = try #require(app.mailOutbox)
            let store = MailOutboxStore(database: app.db)
            try await outbox.queue(to: ["a@example.org"], subject: "Einladung", body: "Am 9. Dezember.")
            #expect(try await Self.send(outbox) == [1, 0])
            // A mail that never went out (the server refuses it for good) is kept, however old.
            try await store.enqueue([OutboxMail(id: UUID(), recipient: "b@example.org", subject: "Erinnerung", body: "…", createdAt: testNow,
                                                nextAttemptAt: testNow.addingTimeInterval(400 * 24 * 3600))])
            clock.advance(OutboxMail.keepSent - 1)
            #expect(try await Self.send(outbox) == [0, 0])
            #expect(try await store.all().map(\.recipient).sorted() == ["a@example.org", "b@example.org"])
            clock.advance(2)
            #expect(try await Self.send(outbox) == [0, 0])
            #expect(try await store.all().map(\.recipient) == ["b@example.org"])
        }
    }

    @Test func aMailServerThatNeverAnswersCostsTheSendTimeoutOnly() async throws {
        // A listening socket nobody serves: the connection is accepted by the system, the greeting never comes.
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(listener, raw, length) == 0, listen(listener, 4) == 0, getsockname(listener, raw, &length) == 0 else {
                    throw TestMailTransport.Refused()
                }
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let mailer = Mailer(host: "127.0.0.1", port: port, from: "sopla@example.org", connectTimeout: 1, sendTimeout: 1)
        let mail = OutboxMail(id: UUID(), recipient: "a@example.org", subject: "Test", body: "Text", createdAt: testNow)
        await #expect {
            try await mailer.send(mail)
        } throws: { error in
            String(describing: error) == "no answer from the mail server within 1 s"
        }
    }

    @Test func theWaitBetweenAttemptsGrowsToSixHours() {
        #expect(OutboxMail.retryDelay(afterAttempts: 1) == 60)
        #expect(OutboxMail.retryDelay(afterAttempts: 2) == 120)
        #expect(OutboxMail.retryDelay(afterAttempts: 5) == 960)
        #expect(OutboxMail.retryDelay(afterAttempts: 50) == 6 * 3600)
    }

    @Test func aNotificationIsQueuedBeforeAnythingIsSent() async throws {
        try await withTestApp { app in
            let transport = TestMailTransport()
            app.mailTransport = transport
            let bodyID = UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000004")!
            let count = try await Notifier(app: app).notifyMembers(of: [bodyID], subject: "Einladung: Test", body: "Text", link: "/sitzungen")
            #expect(count > 0)
            let queued = try await MailOutboxStore(database: app.db).all()
            #expect(!queued.isEmpty && queued.allSatisfy { $0.sentAt == nil && $0.subject == "Einladung: Test" })
            #expect(transport.delivered.isEmpty)
            #expect(try await app.mailOutbox?.sendDue().sent == queued.count)
            #expect(Set(transport.delivered.map(\.recipient)) == Set(queued.map(\.recipient)))
        }
    }

    @Test func queuedMailSurvivesARestartAndIsSentByTheNextApplication() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-outbox-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = TestDatabase.freshSchema()
        let location = TestDatabase.isPostgres ? TestDatabase.location : .sqliteFile(path: folder.appendingPathComponent("sopla.sqlite").path)
        let settings = AppSettings(database: location, clock: .fixed(testNow), postgresSchema: schema, bcryptCost: 4)

        // The first application queues a mail and stops before sending it (its mail server is down).
        let first = try await Application.make(.testing)
        do {
            try configure(first, settings: settings)
            try await TestDatabase.prepare(first, schema: schema)
            first.mailTransport = TestMailTransport(failures: 1)
            try await first.mailOutbox?.queue(to: ["kreis@example.org"], subject: "Beschluss: Jugendhilfeplan", body: "Beschlossen.")
        } catch {
            try await TestDatabase.tearDown(first, schema: schema)
            throw error
        }
        try await first.asyncShutdown()

        // The next one, on the same database, sends it.
        let next = try await Application.make(.testing)
        let transport = TestMailTransport()
        do {
            try configure(next, settings: settings)
            next.mailTransport = transport
            #expect(try await next.mailOutbox?.sendDue().sent == 1)
            #expect(transport.delivered.map(\.subject) == ["Beschluss: Jugendhilfeplan"])
            #expect(try await MailOutboxStore(database: next.db).all().allSatisfy { $0.sentAt != nil })
            // The server's background sender is started once and stops with the application.
            next.startMailSender()
            let sender = try #require(next.storage[MailOutboxSenderKey.self])
            next.startMailSender()
            #expect(next.storage[MailOutboxSenderKey.self] === sender)
        } catch {
            try await TestDatabase.tearDown(next, schema: schema)
            throw error
        }
        try await TestDatabase.tearDown(next, schema: schema)
    }
}
