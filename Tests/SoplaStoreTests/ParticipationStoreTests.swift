import Fluent
import Foundation
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Participation store")
struct ParticipationStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)

    @Test func recordsAreSavedAuditedAndDeletedAsMarks() async throws {
        try await TestDatabase.withDatabase { app in
            let store = ParticipationStore(database: app.db)
            let body = Body(id: UUID(), name: "Steuerungsgruppe Sozialplanung", kind: .steeringGroup, isPublic: false)
            try await store.save(.body, id: body.id, body, label: body.name, actor: actor, at: now)
            let version = try await store.dataVersion()
            // The same state again writes nothing.
            try await store.save(.body, id: body.id, body, label: body.name, actor: actor, at: now.addingTimeInterval(60))
            #expect(try await store.dataVersion() == version)
            var renamed = body
            renamed.name = "Steuerungsgruppe"
            try await store.save(.body, id: body.id, renamed, label: renamed.name, actor: actor, at: now.addingTimeInterval(120))
            let stored = try #require(try await store.one(.body, id: body.id, as: Body.self))
            #expect(stored.value == renamed && stored.createdAt == now && stored.modifiedAt == now.addingTimeInterval(120))
            // A body belongs to itself: saved as another body's record it is refused.
            await #expect(throws: StoreError.self) { try await store.save(.body, id: body.id, renamed, label: "X", bodyID: UUID(), actor: actor, at: now) }
            // A membership names a person and a body that exist.
            let membership = Membership(id: UUID(), personID: UUID(), bodyID: body.id, role: .member, votingRight: true, start: Day(year: 2026, month: 1, day: 1)!)
            await #expect(throws: (any Error).self) { try await store.save(.membership, id: membership.id, membership, label: "M", actor: actor, at: now) }
            try await store.delete(.body, id: body.id, actor: actor, at: now.addingTimeInterval(180))
            #expect(try await store.one(.body, id: body.id, as: Body.self) == nil)
            #expect(try await store.all(.body, as: Body.self).isEmpty)
            let deleted = try await store.all(.body, as: Body.self, includeDeleted: true)
            #expect(deleted.map(\.deleted) == [true] && deleted.first?.modifiedAt == now.addingTimeInterval(180))
            let audit = try await AccountStore(database: app.db).audit(AuditQuery(entityType: "participation-body"))
            #expect(audit.entries.map(\.action).sorted { $0.rawValue < $1.rawValue } == [.create, .delete, .update])
            #expect(audit.entries.first { $0.action == .update }?.changes == [FieldChange(field: "name", before: "Steuerungsgruppe Sozialplanung", after: "Steuerungsgruppe")])
        }
    }

    @Test func recordsOfABodyAndDatesSurviveTheRoundTrip() async throws {
        try await TestDatabase.withDatabase { app in
            let store = ParticipationStore(database: app.db)
            let body = UUID(), other = UUID()
            for id in [body, other] {
                try await store.save(.body, id: id, Body(id: id, name: "Gremium", kind: .committee, isPublic: true), label: "Gremium", bodyID: id, actor: actor, at: now)
            }
            let start = Date(timeIntervalSince1970: 1_773_162_000)
            for (index, owner) in [body, other, body].enumerated() {
                let meeting = Meeting(id: UUID(), bodyID: owner, name: "Sitzung \(index)", start: start, end: start.addingTimeInterval(7200), location: "Kreishaus")
                try await store.save(.meeting, id: meeting.id, meeting, label: meeting.name, bodyID: owner, actor: actor, at: now.addingTimeInterval(Double(index)))
            }
            let meetings = try await store.all(.meeting, as: Meeting.self, bodyID: body)
            #expect(meetings.map(\.value.name) == ["Sitzung 0", "Sitzung 2"])
            #expect(meetings.first?.value.start == start)
        }
    }
}
