import Fluent
import SQLKit
import Foundation
import SoplaCore
@testable import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Import release")
struct ImportReleaseStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let date = Day(iso: "2023-12-31")!

    func key(_ unit: String) -> ObservationKey { ObservationKey(variable: "alo", unitKey: unit, date: date) }

    /// Values stored without an import run, as the demo seed stores them: public at once.
    func seed(_ store: IndicatorStore, _ observations: [Observation]) async throws {
        let id = UUID()
        try await store.stage(importID: id, observations)
        _ = try await store.commitStaged(importID: id, dryRun: false, at: now) { _ in nil }
    }

    /// An import run as the importer leaves it: created first, values committed, then finished.
    func importRun(_ store: IndicatorStore, _ observations: [Observation], dryRun: Bool = false) async throws -> ImportRun {
        var run = ImportRun(id: UUID(), fileName: "werte-\(observations.count).csv", sha256: "abc", actorID: nil, actorLabel: "Test", startedAt: now,
                            dryRun: dryRun, skipUnknownUnits: false, bytesTotal: 10)
        try await store.create(run)
        try await store.stage(importID: run.id, observations)
        run.outcome = try await store.commitStaged(importID: run.id, dryRun: dryRun, at: now) { _ in nil }
        run.state = .done
        run.variables = ["alo"]
        run.dates = [date]
        try await store.update(run)
        return run
    }

    func values(_ store: IndicatorStore, _ selection: ObservationSelection) async throws -> [String: Double] {
        let table = try await store.observations(variables: ["alo"], selection: selection)
        return Dictionary(uniqueKeysWithValues: table.values.map { ($0.key.unitKey, $0.value.value ?? -1) })
    }

    @Test func releaseAndWithdrawalChooseTheLatestReleasedRevision() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            // Revision 1 of 06532001 (300) has no import run: released.
            try await seed(store, [Observation("alo", "06532001", date, 300)])
            #expect(try await values(store, .released) == ["06532001": 300])

            // Run A: revision 2 of 001 (310) and a new key 002 (50); nobody but planners sees them yet.
            let a = try await importRun(store, [Observation("alo", "06532001", date, 310), Observation("alo", "06532002", date, 50)])
            #expect(a.release.state == .unreleased)
            #expect(try await values(store, .released) == ["06532001": 300])
            #expect(try await values(store, .current) == ["06532001": 310, "06532002": 50])
            #expect(try await store.observations(variables: ["alo"], selection: .current).unreleased == [key("06532001"), key("06532002")])
            #expect(try await store.observations(variables: ["alo"], selection: .released).unreleased.isEmpty)

            let version = try await store.dataVersion()
            let released = try await store.release(runID: a.id, reason: nil, actor: actor, at: now.addingTimeInterval(60))
            #expect(released.release == ImportRelease(releasedAt: now.addingTimeInterval(60), releasedBy: "Test"))
            #expect(try await store.run(id: a.id)?.release.state == .released)
            #expect(try await store.dataVersion() == version + 1)
            #expect(try await values(store, .released) == ["06532001": 310, "06532002": 50])
            #expect(try await store.observations(variables: ["alo"], selection: .current).unreleased.isEmpty)
            #expect(try await store.publicCount(runID: a.id) == 2)

            // Run B: revision 3 of 001 (320). Run C: revision 4 of 001 (330), revision 2 of 002 (55).
            let b = try await importRun(store, [Observation("alo", "06532001", date, 320)])
            let c = try await importRun(store, [Observation("alo", "06532001", date, 330), Observation("alo", "06532002", date, 55)])
            #expect(try await values(store, .released) == ["06532001": 310, "06532002": 50])
            #expect(try await values(store, .current) == ["06532001": 330, "06532002": 55])

            // C released before B: C's revisions are the newest released ones; releasing B later changes nothing public.
            _ = try await store.release(runID: c.id, reason: "Geprüft", actor: actor, at: now)
            #expect(try await values(store, .released) == ["06532001": 330, "06532002": 55])
            _ = try await store.release(runID: b.id, reason: nil, actor: actor, at: now)
            #expect(try await values(store, .released) == ["06532001": 330, "06532002": 55])
            #expect(try await store.publicCount(runID: b.id) == 0)

            // Withdrawing C falls back per key: 001 to B's 320, 002 to A's 50.
            let withdrawn = try await store.withdraw(runID: c.id, reason: "Falsche Tabelle", actor: actor, at: now.addingTimeInterval(120))
            #expect(withdrawn.release.state == .withdrawn)
            #expect(withdrawn.release.withdrawalReason == "Falsche Tabelle")
            #expect(withdrawn.release.releaseReason == "Geprüft")
            #expect(try await values(store, .released) == ["06532001": 320, "06532002": 50])
            #expect(try await store.observations(variables: ["alo"], selection: .current).unreleased == [key("06532001"), key("06532002")])
            _ = try await store.withdraw(runID: b.id, reason: "Auch falsch", actor: actor, at: now)
            #expect(try await values(store, .released) == ["06532001": 310, "06532002": 50])
            // Withdrawing A leaves the seeded value; 002 has no released value left.
            _ = try await store.withdraw(runID: a.id, reason: "Zurück", actor: actor, at: now)
            #expect(try await values(store, .released) == ["06532001": 300])
            #expect(try await store.dates(variables: ["alo"], selection: .released) == [date])
            // The current values never changed.
            #expect(try await values(store, .current) == ["06532001": 330, "06532002": 55])

            // A withdrawn import can be released again.
            _ = try await store.release(runID: c.id, reason: "Doch richtig", actor: actor, at: now)
            #expect(try await values(store, .released) == ["06532001": 330, "06532002": 55])
            #expect(try await store.run(id: c.id)?.release == ImportRelease(releasedAt: now, releasedBy: "Test", releaseReason: "Doch richtig"))

            let audit = AccountStore(database: app.db)
            let releases = try await audit.audit(AuditQuery(entityType: AuditEntity.dataImport, action: .releaseData)).0
            let withdrawals = try await audit.audit(AuditQuery(entityType: AuditEntity.dataImport, action: .withdrawRelease)).0
            #expect(releases.count == 4)
            #expect(withdrawals.count == 3)
            let first = try #require(withdrawals.first { $0.entityID == c.id.uuidString })
            #expect(first.changes.contains(FieldChange(field: "withdrawalReason", before: nil, after: "Falsche Tabelle")))
            #expect(first.changes.contains(FieldChange(field: "state", before: "released", after: "withdrawn")))
        }
    }

    @Test func onlyNewValuesOfAnUnreleasedImportStayHidden() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            let run = try await importRun(store, [Observation("alo", "06532003", date, 12)])
            #expect(try await store.dates(variables: ["alo"], selection: .released) == [])
            #expect(try await store.dates(variables: ["alo"], selection: .current) == [date])
            #expect(try await values(store, .released) == [:])
            // Values stored without a run afterwards (a computed series, say) are public at once and leave the run's alone.
            try await seed(store, [Observation("alo", "06532004", date, 7)])
            #expect(try await values(store, .released) == ["06532004": 7])
            _ = try await store.release(runID: run.id, reason: nil, actor: actor, at: now)
            #expect(try await values(store, .released) == ["06532003": 12, "06532004": 7])
        }
    }

    @Test func theMigrationReleasesWhatWasPublicBefore() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            try await seed(store, [Observation("alo", "06532001", date, 300)])
            let run = try await importRun(store, [Observation("alo", "06532001", date, 310), Observation("alo", "06532002", date, 50)])
            #expect(try await values(store, .released) == ["06532001": 300])
            // As if stored before releases existed, then the migration's data step: everything stored then was public.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE observations SET is_public = \(bind: false)").run()
            try await AddImportRelease.releaseExisting(on: sql)
            #expect(try await values(store, .released) == ["06532001": 310, "06532002": 50])
            #expect(try await store.run(id: run.id)?.release == ImportRelease(releasedAt: now, releasedBy: "sopla", releaseReason: "Vor Einführung der Freigabe gespeichert"))
            #expect(try await store.publicCount(runID: run.id) == 2)
            // The whole migration goes back and forth (PostgreSQL: in-memory SQLite cannot add a column again that was
            // dropped in the same session).
            if TestDatabase.isPostgres {
                try await AddImportRelease().revert(on: app.db)
                try await AddImportRelease().prepare(on: app.db)
                #expect(try await values(store, .released) == ["06532001": 310, "06532002": 50])
            }
        }
    }

    @Test func refusedTransitionsChangeNothing() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            let check = try await importRun(store, [Observation("alo", "06532001", date, 1)], dryRun: true)
            await #expect(throws: ImportRelease.Refusal.nothingToRelease) { _ = try await store.release(runID: check.id, reason: nil, actor: actor, at: now) }
            let run = try await importRun(store, [Observation("alo", "06532001", date, 1)])
            await #expect(throws: ImportRelease.Refusal.notReleased) { _ = try await store.withdraw(runID: run.id, reason: "x", actor: actor, at: now) }
            _ = try await store.release(runID: run.id, reason: nil, actor: actor, at: now)
            await #expect(throws: ImportRelease.Refusal.alreadyReleased) { _ = try await store.release(runID: run.id, reason: nil, actor: actor, at: now) }
            await #expect(throws: ImportRelease.Refusal.withdrawalReasonRequired) { _ = try await store.withdraw(runID: run.id, reason: "  ", actor: actor, at: now) }
            await #expect(throws: IndicatorStoreError.notFound) { _ = try await store.release(runID: UUID(), reason: nil, actor: actor, at: now) }
            #expect(try await store.run(id: run.id)?.release.state == .released)
            #expect(try await values(store, .released) == ["06532001": 1])
            let audit = try await AccountStore(database: app.db).audit(AuditQuery(entityType: AuditEntity.dataImport)).0
            #expect(audit.map(\.action) == [.releaseData])
        }
    }
}
