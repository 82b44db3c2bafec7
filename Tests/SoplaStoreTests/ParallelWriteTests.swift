import Fluent
import Foundation
import SoplaCore
@testable import SoplaStore
import SoplaTestSupport
import SQLKit
import Testing
import Vapor

/// Many requests writing at once: on an SQLite file (an in-memory database hides locking) every write lands and none
/// fails with "database is locked"; on PostgreSQL when `SOPLA_DATABASE_URL` names one.
@Suite("Parallel writes")
struct ParallelWriteTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    static let writers = 20

    /// An application on a fresh SQLite file in its own folder (or a fresh PostgreSQL schema), migrated. Four event
    /// loops: each has its own connection, as requests on a server with four cores do.
    func withFileDatabase(_ body: (Application) async throws -> Void) async throws {
        try await TestDatabase.inSlot { try await withFileDatabaseNow(body) }
    }

    func withFileDatabaseNow(_ body: (Application) async throws -> Void) async throws {
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 4)
        defer { loops.shutdownGracefully { _ in } }
        let app = try await Application.make(.testing, .shared(loops))
        let schema = TestDatabase.freshSchema()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-parallel-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let location = TestDatabase.isPostgres ? TestDatabase.location : .sqliteFile(path: folder.appendingPathComponent("sopla.sqlite").path)
        do {
            try app.useSoplaDatabase(location, postgresSchema: schema)
            try await TestDatabase.prepare(app, schema: schema)
            try await body(app)
        } catch {
            try await TestDatabase.tearDown(app, schema: schema)
            try? FileManager.default.removeItem(at: folder)
            // The driver's errors hide their details unless reflected; the failure line shows them.
            throw ReflectedError(description: String(reflecting: error).replacingOccurrences(of: "\n", with: " "))
        }
        try await TestDatabase.tearDown(app, schema: schema)
        try? FileManager.default.removeItem(at: folder)
    }

    struct ReflectedError: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `write` for 0..<writers at the same time; every one must succeed. Each writer takes `app.db` anew, so the
    /// writers spread over the event loops and their connections, as requests do.
    func inParallel(_ write: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<Self.writers {
                group.addTask { try await write(index) }
            }
            try await group.waitForAll()
        }
    }

    @Test func theSQLiteFileRunsInWALMode() async throws {
        try await withFileDatabase { app in
            guard !TestDatabase.isPostgres, let sql = app.db as? any SQLDatabase else { return }
            let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let timeout = try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
            #expect(timeout == 5_000)
        }
    }

    @Test func parallelDrawdownsAllLand() async throws {
        try await withFileDatabase { app in
            let store = FundingStore(database: app.db)
            let organisation = UUID()
            let programme = FundingStoreTests.programme(budget: Money(euros: 100_000))
            try await store.saveProgramme(programme, actor: actor, at: now)
            let agreement = GrantAgreement(id: UUID(), reference: "EB-P", programmeID: programme.id, organisationID: organisation,
                                           start: Day(year: 2027, month: 1, day: 1)!, end: Day(year: 2027, month: 12, day: 31)!,
                                           amounts: [2027: Money(euros: 100_000)])
            try await store.saveAgreement(agreement, actor: actor, at: now)
            let (actor, now) = (self.actor, self.now)
            try await inParallel { _ in
                let drawdown = Drawdown(id: UUID(), agreementID: agreement.id, year: 2027, amount: Money(euros: 1000), requestedAt: now, requestedBy: "T")
                try await FundingStore(database: app.db).saveDrawdown(drawdown, organisationID: organisation, actor: actor, at: now)
            }
            #expect(try await store.all(.drawdown, as: Drawdown.self, parentID: agreement.id).count == Self.writers)
            // Every reservation counted: one more than what is left is refused.
            let rest = Money(euros: 100_000 - 1000 * Self.writers)
            await #expect(throws: FundingStoreError.agreementExceeded(available: rest)) {
                try await store.saveDrawdown(Drawdown(id: UUID(), agreementID: agreement.id, year: 2027, amount: Money(cents: rest.cents + 1), requestedAt: now, requestedBy: "T"),
                                             organisationID: organisation, actor: actor, at: now)
            }
        }
    }

    @Test func aDrawdownIsDecidedOnceWhenTwoDecideAtOnce() async throws {
        try await withFileDatabase { app in
            let store = FundingStore(database: app.db)
            let organisation = UUID()
            let programme = FundingStoreTests.programme(budget: Money(euros: 100_000))
            try await store.saveProgramme(programme, actor: actor, at: now)
            let agreement = GrantAgreement(id: UUID(), reference: "EB-D", programmeID: programme.id, organisationID: organisation,
                                           start: Day(year: 2027, month: 1, day: 1)!, end: Day(year: 2027, month: 12, day: 31)!,
                                           amounts: [2027: Money(euros: 10_000)])
            try await store.saveAgreement(agreement, actor: actor, at: now)
            let requested = Drawdown(id: UUID(), agreementID: agreement.id, year: 2027, amount: Money(euros: 100), requestedAt: now, requestedBy: "T")
            try await store.saveDrawdown(requested, organisationID: organisation, actor: actor, at: now)
            let (actor, now) = (self.actor, self.now)
            let outcomes = try await withThrowingTaskGroup(of: Drawdown.State?.self) { group in
                for index in 0..<Self.writers {
                    group.addTask {
                        var decided = requested
                        decided.state = index.isMultiple(of: 2) ? .approved : .rejected
                        do {
                            try await FundingStore(database: app.db).saveDrawdown(decided, from: .requested, organisationID: organisation, actor: actor, at: now)
                            return decided.state
                        } catch FundingStoreError.changedMeanwhile {
                            return nil
                        }
                    }
                }
                return try await group.reduce(into: [Drawdown.State?]()) { $0.append($1) }
            }
            let winners = outcomes.compactMap { $0 }
            #expect(winners.count == 1)
            #expect(try await store.one(.drawdown, id: requested.id, as: Drawdown.self)?.value.state == winners.first)
        }
    }

    /// Two writers that lock the same two rows in opposite order: PostgreSQL aborts one of them as a deadlock, and
    /// the aborted one runs again, so both land.
    @Test func aDeadlockedTransactionRunsAgain() async throws {
        try await withFileDatabase { app in
            guard TestDatabase.isPostgres, let sql = app.db as? any SQLDatabase else { return }
            try await sql.raw("CREATE TABLE pair (id INTEGER PRIMARY KEY, hits INTEGER NOT NULL)").run()
            try await sql.raw("INSERT INTO pair VALUES (1, 0), (2, 0)").run()
            let attempts = Attempts()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (first, second) in [(1, 2), (2, 1)] {
                    group.addTask {
                        try await app.db.retryingTransaction { db in
                            await attempts.add()
                            let sql = db as! any SQLDatabase
                            try await sql.raw("UPDATE pair SET hits = hits + 1 WHERE id = \(bind: first)").run()
                            try await Task.sleep(nanoseconds: 300_000_000)
                            try await sql.raw("UPDATE pair SET hits = hits + 1 WHERE id = \(bind: second)").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let hits = try await sql.raw("SELECT SUM(hits) AS total FROM pair").first()?.decode(column: "total", as: Int.self)
            #expect(hits == 4)
            #expect(await attempts.count == 3)
        }
    }

    actor Attempts {
        var count = 0
        func add() { count += 1 }
    }

    @Test func parallelAuditAppendsAllLand() async throws {
        try await withFileDatabase { app in
            let store = AccountStore(database: app.db)
            let (actor, now) = (self.actor, self.now)
            try await inParallel { index in
                try await AccountStore(database: app.db).appendAudit(AuditEntry(id: UUID(), at: now, actor: actor, action: .update, entityType: "parallel", entityID: String(index), entityLabel: "P\(index)"))
            }
            let stored = try await store.auditAll(AuditQuery(entityType: "parallel"))
            #expect(Set(stored.compactMap(\.entityID)) == Set((0..<Self.writers).map(String.init)))
        }
    }

    @Test func parallelDocumentWritesAllLand() async throws {
        try await withFileDatabase { app in
            let store = ParticipationStore(database: app.db)
            let (actor, now) = (self.actor, self.now)
            let user = UUID()
            try await inParallel { index in
                let message = InboxMessage(userID: user, subject: "Nachricht \(index)", body: "Text", link: nil, createdAt: now)
                try await ParticipationStore(database: app.db).save(.notification, id: UUID(), message, label: message.subject, actor: actor, at: now)
            }
            let stored = try await store.all(.notification, as: InboxMessage.self).map(\.value.subject)
            #expect(Set(stored) == Set((0..<Self.writers).map { "Nachricht \($0)" }))
        }
    }

    @Test func parallelObservationImportsAllLand() async throws {
        try await withFileDatabase { app in
            let store = IndicatorStore(database: app.db)
            let now = self.now
            let date = Day(iso: "2023-12-31")!
            try await inParallel { index in
                let id = UUID()
                let observations = (1...23).map { Observation("v\(index)", "06532\(String(format: "%03d", $0))", date, Double(index * 100 + $0)) }
                let store = IndicatorStore(database: app.db)
                try await store.stage(importID: id, observations)
                let outcome = try await store.commitStaged(importID: id, dryRun: false, at: now) { _ in nil }
                #expect(outcome == ImportOutcome(inserted: 23, revised: 0, unchanged: 0))
            }
            let count = try await store.observationCount()
            #expect(count.all == 23 * Self.writers && count.current == 23 * Self.writers)
        }
    }
}
