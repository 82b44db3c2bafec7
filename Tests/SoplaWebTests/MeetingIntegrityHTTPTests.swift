import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Minutes that stand up: votes never above the voting members present, decisions only with a quorum in a meeting
/// held, attendance that cannot be changed under a decision, and a demo that keeps these rules itself.
@Suite("Meetings keep their integrity")
struct MeetingIntegrityHTTPTests {
    static let youthMeeting = "5b0c1e2a-0100-4000-8000-000000000501"
    static let socialMeeting = "5b0c1e2a-0100-4000-8000-000000000502"
    static let nextMeeting = "5b0c1e2a-0100-4000-8000-000000000503"
    static let socialCommittee = "5b0c1e2a-0100-4000-8000-000000000006"

    @Test func theDemoMinutesPassEveryRule() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let memberships = try await store.all(.membership, as: Membership.self).map(\.value)
            let attendances = try await store.all(.attendance, as: Attendance.self).map(\.value)
            let items = try await store.all(.agendaItem, as: AgendaItem.self).map(\.value)
            let resolutions = try await store.all(.resolution, as: Resolution.self).map(\.value)
            var checked = 0
            for meeting in try await store.all(.meeting, as: Meeting.self).map(\.value) {
                let decided = resolutions.compactMap { r in items.first { $0.id == r.agendaItemID && $0.meetingID == meeting.id }.map { (item: $0, resolution: r) } }
                guard !decided.isEmpty else { continue }
                #expect(meeting.state == .held && meeting.start <= testNow, "\(meeting.name)")
                let statuses = attendances.first { $0.meetingID == meeting.id }?.statuses ?? [:]
                let quorum = Quorum.compute(memberships: memberships, bodyID: meeting.bodyID, on: Day(meeting.start), attendance: statuses)
                #expect(quorum.isQuorate, "\(meeting.name)")
                #expect(Minutes.problemsOfAttendance(quorum: quorum, decided: decided).isEmpty, "\(meeting.name)")
                checked += decided.count
            }
            #expect(checked == 2)
            try await get(app, "/sitzungen/\(Self.socialMeeting)", session: try await login(app, DemoLogin.planner)) { res in
                #expect(res.body.string.contains("Beschlussfähig: 3 von 3"))
                #expect(!res.body.string.contains("Nicht beschlussfähig"))
            }
        }
    }

    @Test func tooManyVotesAreRefusedWithWhatWasTypedAndAttendanceCannotUndercutADecision() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let meeting = "/sitzungen/\(Self.socialMeeting)"
            try await post(app, meeting + "/tagesordnung", session: planner, fields: [("number", "2"), ("title", "Bericht Seniorenarbeit"), ("public", "ja")]) { res in
                #expect(res.status == .seeOther)
            }
            let item = try #require(try await app.participationStore.all(.agendaItem, as: AgendaItem.self).map(\.value).first { $0.title == "Bericht Seniorenarbeit" })
            let decide = meeting + "/tagesordnung/\(item.id.uuidString.lowercased())/beschluss"
            try await post(app, decide, session: planner, fields: [("text", "Der Ausschuss nimmt den Bericht zur Kenntnis."), ("yes", "5"), ("no", "1"), ("abstain", "1")]) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("7 Stimmen, aber nur 3 stimmberechtigte Mitglieder anwesend."))
                #expect(html.contains(">Der Ausschuss nimmt den Bericht zur Kenntnis.</textarea>") && html.contains(#"value="5""#))
            }
            // Not a number: said for the field, and the text stays.
            try await post(app, decide, session: planner, fields: [("text", "Kenntnis genommen."), ("yes", "zwei"), ("no", ""), ("abstain", "")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Kenntnis genommen.</textarea>") && res.body.string.contains(#"value="zwei""#))
                #expect(res.body.string.contains("Ja-Stimmen: bitte eine ganze Zahl") || res.body.string.contains("Ja: bitte eine ganze Zahl"), "\(res.body.string.components(separatedBy: "field-error").dropFirst().first?.prefix(300) ?? "")")
                #expect(!res.body.string.contains("nicht verarbeitbar"))
            }
            // Unanimous with a vote against, or with more yes-votes than members present: refused.
            try await post(app, decide, session: planner, fields: [("text", "Kenntnis genommen."), ("yes", "1"), ("no", "1"), ("unanimous", "ja")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("„Einstimmig“ ist angekreuzt, aber Nein-Stimmen"))
            }
            try await post(app, decide, session: planner, fields: [("text", "Kenntnis genommen."), ("yes", "5000"), ("unanimous", "ja")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("5000 Stimmen, aber nur 3"))
            }
            #expect(try await app.participationStore.all(.resolution, as: Resolution.self).map(\.value).contains { $0.agendaItemID == item.id } == false)
            try await post(app, decide, session: planner, fields: [("text", "Kenntnis genommen."), ("yes", "2"), ("no", "0"), ("abstain", "1")]) { res in
                #expect(res.status == .seeOther)
            }
            // Two of the three marked absent afterwards: refused, explained, nothing changed.
            let seats = try await app.participationStore.all(.membership, as: Membership.self, bodyID: UUID(uuidString: Self.socialCommittee)!).map(\.value)
            let before = try await app.participationStore.all(.attendance, as: Attendance.self).map(\.value).first { $0.meetingID.uuidString.lowercased() == Self.socialMeeting }
            try await post(app, meeting + "/anwesenheit", session: planner, fields: seats.enumerated().map { index, seat in
                ("p" + seat.personID.uuidString.lowercased(), index == 0 ? "present" : "absent")
            }) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Mit dieser Anwesenheit wäre die Sitzung nicht mehr beschlussfähig (1 stimmberechtigte Mitglieder, nötig sind 2)"))
                // The demo's decision on item 1 (2 yes, 1 abstention) and the new one on item 2.
                #expect(res.body.string.contains("Zu TOP 1 sind 3 Stimmen erfasst"))
                #expect(res.body.string.contains("Zu TOP 2 sind 3 Stimmen erfasst; mit dieser Anwesenheit wären nur 1 stimmberechtigte Mitglieder da."))
            }
            let after = try await app.participationStore.all(.attendance, as: Attendance.self).map(\.value).first { $0.meetingID.uuidString.lowercased() == Self.socialMeeting }
            #expect(after == before)
            // One of three excused: still quorate, but three votes need three members present.
            try await post(app, meeting + "/anwesenheit", session: planner, fields: seats.enumerated().map { index, seat in
                ("p" + seat.personID.uuidString.lowercased(), index == 2 ? "excused" : "present")
            }) { res in
                #expect(res.status == .conflict && res.body.string.contains("Zu TOP 2 sind 3 Stimmen erfasst"))
            }
        }
    }

    @Test func aMeetingIsHeldFromItsStartAndDecidesOnlyWithAQuorum() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            // The coming meeting cannot be marked held.
            try await post(app, "/sitzungen/\(Self.nextMeeting)/status", session: planner, fields: [("state", "held")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Die Sitzung hat noch nicht stattgefunden"))
            }
            try await post(app, "/sitzungen/\(Self.socialMeeting)/status", session: planner, fields: [("state", "bogus")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("„bogus“ ist kein zulässiger Wert") && !res.body.string.contains("noch nicht stattgefunden"))
            }
            #expect(try await app.participationStore.one(.meeting, id: UUID(uuidString: Self.nextMeeting)!, as: Meeting.self)?.value.state == .invited)
            let comingItem = "/sitzungen/\(Self.nextMeeting)/tagesordnung/5b0c1e2a-0100-4000-8000-000000000606/beschluss"
            try await post(app, comingItem, session: planner, fields: [("text", "Vorab beschlossen."), ("unanimous", "ja")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Die Sitzung hat noch nicht stattgefunden"))
            }
            // A past meeting with one of three voting members present cannot decide.
            var path = ""
            try await post(app, "/sitzungen", session: planner, fields: [("body", Self.socialCommittee), ("name", "9. Sitzung (Test)"), ("date", "2025-11-19"),
                                                                         ("startTime", "17:00"), ("endTime", "19:00")]) { res in
                #expect(res.status == .seeOther)
                path = String((res.headers.first(name: .location) ?? "").prefix { $0 != "?" })
            }
            try await post(app, path + "/status", session: planner, fields: [("state", "held")]) { res in #expect(res.status == .seeOther) }
            try await post(app, path + "/tagesordnung", session: planner, fields: [("number", "1"), ("title", "Haushalt"), ("public", "ja")]) { res in #expect(res.status == .seeOther) }
            let seats = try await app.participationStore.all(.membership, as: Membership.self, bodyID: UUID(uuidString: Self.socialCommittee)!).map(\.value)
            try await post(app, path + "/anwesenheit", session: planner, fields: seats.enumerated().map { index, seat in
                ("p" + seat.personID.uuidString.lowercased(), index == 0 ? "present" : "excused")
            }) { res in #expect(res.status == .seeOther) }
            let item = try #require(try await app.participationStore.all(.agendaItem, as: AgendaItem.self).map(\.value).first { $0.title == "Haushalt" })
            try await post(app, path + "/tagesordnung/\(item.id.uuidString.lowercased())/beschluss", session: planner,
                           fields: [("text", "Haushalt beschlossen."), ("unanimous", "ja")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Nicht beschlussfähig: 1 stimmberechtigte Mitglieder anwesend, nötig sind 2."))
                #expect(res.body.string.contains(#"value="ja" checked"#))
            }
            #expect(try await app.participationStore.all(.resolution, as: Resolution.self).map(\.value).contains { $0.agendaItemID == item.id } == false)
        }
    }
}
