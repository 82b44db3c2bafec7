import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// What was entered can be corrected: a body's name, kind, parent and visibility; a meeting's name, day, times and
/// place; an agenda item's number, subject and paper, or the item removed while nothing is decided on it.
@Suite("Bodies, meetings and agendas can be corrected")
struct CorrectionsHTTPTests {
    static let steering = "5b0c1e2a-0100-4000-8000-000000000001"
    static let agServices = "5b0c1e2a-0100-4000-8000-000000000002"
    static let youthMeeting = "5b0c1e2a-0100-4000-8000-000000000501"
    static let nextMeeting = "5b0c1e2a-0100-4000-8000-000000000503"

    @Test func aBodyIsRenamedAndMovedButNeverUnderItsOwnChild() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/gremien/\(Self.agServices)/bearbeiten", session: planner) { res in
                #expect(res.status == .ok && res.body.string.contains(#"value="AG Beratungsangebote (Beispiel)""#))
            }
            let fields: [(String, String)] = [("name", "AG Beratung und Prävention (Beispiel)"), ("shortName", "AG Beratung"), ("kind", "working-group"),
                                              ("parentId", Self.steering), ("public", "nein")]
            // The steering group under its own working group: a circle, refused with what was typed.
            try await post(app, "/gremien/\(Self.steering)", session: planner, fields: [("name", "Steuerungsgruppe Sozialplanung (Beispiel)"), ("kind", "steering-group"),
                                                                                     ("parentId", Self.agServices), ("public", "nein")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("error-summary"))
            }
            // Another body's name is taken.
            try await post(app, "/gremien/\(Self.agServices)", session: planner, fields: fields.map { $0.0 == "name" ? ("name", "Kreistag (Beispiel)") : $0 }) { res in
                #expect(res.status == .conflict && res.body.string.contains("ist bereits vergeben"))
            }
            try await post(app, "/gremien/\(Self.agServices)", session: planner, fields: fields) { res in #expect(res.status == .seeOther) }
            let body = try #require(try await app.participationStore.one(.body, id: UUID(uuidString: Self.agServices)!, as: Body.self)?.value)
            #expect(body.name == "AG Beratung und Prävention (Beispiel)" && body.parentID == UUID(uuidString: Self.steering))
            // The same again changes nothing.
            try await post(app, "/gremien/\(Self.agServices)", session: planner, fields: fields) { res in
                #expect(res.headers.first(name: .location)?.contains("hinweis=unveraendert") == true)
            }
            // Members and providers may not.
            try await post(app, "/gremien/\(Self.agServices)", session: try await login(app, DemoLogin.bodyMember), fields: fields) { res in #expect(res.status == .forbidden) }
        }
    }

    @Test func aMeetingMovesAndItsAgendaIsCorrected() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let coming = "/sitzungen/\(Self.nextMeeting)"
            try await get(app, coming + "/bearbeiten", session: planner) { res in
                #expect(res.status == .ok && res.body.string.contains(#"value="17:00""#))
            }
            let store = app.participationStore
            let before = try #require(try await store.one(.meeting, id: UUID(uuidString: Self.nextMeeting)!, as: Meeting.self)?.value)
            let day = Day(before.start).iso
            try await post(app, coming, session: planner, fields: [("name", before.name), ("date", day), ("startTime", "18:00"), ("endTime", "17:00"), ("location", "Kreishaus")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains(#"value="18:00""#))
            }
            try await post(app, coming, session: planner, fields: [("name", before.name), ("date", day), ("startTime", "18:00"), ("endTime", "20:00"), ("location", "Kreishaus, Raum 2")]) { res in
                #expect(res.status == .seeOther)
            }
            let moved = try #require(try await store.one(.meeting, id: before.id, as: Meeting.self)?.value)
            #expect(moved.start == before.start.addingTimeInterval(3600) && moved.location == "Kreishaus, Raum 2" && moved.state == before.state)
            // A held meeting cannot move into the future.
            try await post(app, "/sitzungen/\(Self.youthMeeting)", session: planner, fields: [("name", "12. Sitzung"), ("date", "2026-12-01"), ("startTime", "17:00"),
                                                                                        ("endTime", "19:00")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Die Sitzung hat noch nicht stattgefunden"))
            }

            // The agenda: a number taken, a decided item's paper, removing the decided item — all refused; the undecided item is removed.
            let decided = "/sitzungen/\(Self.youthMeeting)/tagesordnung/5b0c1e2a-0100-4000-8000-000000000602"
            try await post(app, decided, session: planner, fields: [("number", "3"), ("title", "Erziehungsberatung"), ("public", "ja"),
                                                                    ("paper", "5b0c1e2a-0100-4000-8000-000000000302"), ("role", "decision")]) { res in
                #expect(res.status == .conflict && res.body.string.contains("ist bereits vergeben") && res.body.string.contains(#"value="Erziehungsberatung""#))
            }
            try await post(app, decided, session: planner, fields: [("number", "2"), ("title", "Erziehungsberatung"), ("public", "ja"), ("paper", "")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, decided, session: planner, fields: [("number", "2"), ("title", "Sicherstellung der Erziehungsberatung (SGB VIII)"), ("public", "ja"),
                                                                    ("paper", "5b0c1e2a-0100-4000-8000-000000000302"), ("role", "decision")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await store.one(.agendaItem, id: UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000602")!, as: AgendaItem.self)?.value.title
                    == "Sicherstellung der Erziehungsberatung (SGB VIII)")
            try await post(app, decided + "/loeschen", session: planner) { res in
                #expect(res.status == .conflict && res.body.string.contains("ist ein Beschluss erfasst"))
            }
            try await get(app, decided, session: planner) { res in #expect(!res.body.string.contains("Tagesordnungspunkt entfernen")) }
            let open = "/sitzungen/\(Self.nextMeeting)/tagesordnung/5b0c1e2a-0100-4000-8000-000000000606"
            try await post(app, open + "/loeschen", session: planner) { res in #expect(res.status == .seeOther) }
            #expect(try await store.one(.agendaItem, id: UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000606")!, as: AgendaItem.self) == nil)
            try await get(app, open, session: planner) { res in #expect(res.status == .notFound) }
            // Every correction is in the audit log.
            let admin = try await login(app, DemoLogin.admin)
            try await get(app, "/verwaltung/protokoll.csv", session: admin) { res in
                #expect(res.body.string.contains("Kreishaus, Raum 2") && res.body.string.contains("Sicherstellung der Erziehungsberatung (SGB VIII)"))
            }
        }
    }
}
