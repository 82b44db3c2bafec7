import Fluent
import Foundation
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Reference observations")
struct ReferenceObservationStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let date = Day(iso: "2024-06-30")!
    let female = Breakdown(["sex": "f"])

    func value(_ region: String, _ name: String, _ value: Double?, breakdown: Breakdown = .total, status: ValueStatus = .final, run: UUID,
               variable: String = "erw032", at: Date? = nil) -> ReferenceObservation {
        ReferenceObservation(variable: variable, regionKey: region, regionName: name, date: date, breakdown: breakdown, value: value, status: status,
                             importID: run, recordedAt: at ?? now)
    }

    @Test func aNewerImportReplacesTheValueOfItsKeyAndTheAuditLogKeepsTheOlderOne() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            let accounts = AccountStore(database: app.db)
            let first = UUID(), second = UUID()
            let version = try await store.dataVersion()
            #expect(try await store.keep([value("06", "Hessen", 2_900_000, run: first), value("06", "Hessen", 1_300_000, breakdown: female, run: first),
                                          value("DG", "Deutschland", nil, status: .secret, run: first)], actor: actor, at: now)
                    == ImportOutcome(inserted: 3, revised: 0, unchanged: 0))
            #expect(try await store.dataVersion() == version + 1)
            #expect(try await accounts.audit(AuditQuery(entityType: AuditEntity.referenceValue, action: .create)).total == 3)

            // The same values again change nothing, not even the import they are from.
            #expect(try await store.keep([value("06", "Hessen", 2_900_000, run: second), value("DG", "Deutschland", nil, status: .secret, run: second)],
                                         actor: actor, at: now) == ImportOutcome(inserted: 0, revised: 0, unchanged: 2))
            #expect(try await store.dataVersion() == version + 1)

            // A corrected total replaces the stored one: one row per key, the older value only in the audit log.
            let later = now.addingTimeInterval(3600)
            #expect(try await store.keep([value("06", "Hessen", 2_910_000, status: .revised, run: second, at: later)], actor: actor, at: later)
                    == ImportOutcome(inserted: 0, revised: 1, unchanged: 0))
            let stored = try await store.referenceObservations(variables: ["erw032"])
            #expect(stored.count == 3)
            let total = try #require(stored.first { $0.regionKey == "06" && $0.breakdown.isTotal })
            #expect(total.value == 2_910_000 && total.status == .revised && total.importID == second && total.recordedAt == later && total.regionName == "Hessen")
            #expect(stored.first { $0.breakdown == female }?.importID == first)
            #expect(stored.first { $0.regionKey == "DG" }?.value == nil)
            let updates = try await accounts.audit(AuditQuery(entityType: AuditEntity.referenceValue, action: .update)).entries
            #expect(updates.count == 1)
            #expect(updates.first?.entityLabel == "erw032: Hessen 2024-06-30")
            #expect(updates.first?.changes.contains(FieldChange(field: "value", before: "2900000", after: "2910000")) == true)
            #expect(updates.first?.changes.contains(FieldChange(field: "status", before: "", after: "r")) == true)

            // Only the variables asked for.
            _ = try await store.keep([value("06", "Hessen", 5, run: second, variable: "andere")], actor: actor, at: later)
            #expect(try await store.referenceObservations(variables: ["andere"]).map(\.value) == [5])
            #expect(try await store.referenceObservations(variables: []).isEmpty)
        }
    }

    @Test func anImportRunKeepsItsCountOfReferenceValues() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            var run = ImportRun(id: UUID(), fileName: "13111.csv", sha256: "abc", actorID: nil, actorLabel: "Test", startedAt: now, dryRun: false,
                                skipUnknownUnits: true, bytesTotal: 10)
            try await store.create(run)
            #expect(try await store.run(id: run.id)?.referenceValues == 0)
            run.referenceValues = 12
            try await store.update(run)
            #expect(try await store.run(id: run.id)?.referenceValues == 12)
        }
    }
}
