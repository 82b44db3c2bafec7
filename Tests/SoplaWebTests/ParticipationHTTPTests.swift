import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Bodies and consultations over HTTP: internal bodies only for members and planners, statements only by invited
/// members before the deadline, answers with reasons, the response table.
@Suite("Participation over HTTP")
struct ParticipationHTTPTests {
    static let steering = "5b0c1e2a-0100-4000-8000-000000000001"
    static let process = "5b0c1e2a-0100-4000-8000-000000000801"
    static var consultation: String { "/gremien/\(steering)/stellungnahmen/\(process)" }

    @Test func internalBodiesAreForMembersAndPlanners() async throws {
        try await withTestApp { app in
            try await get(app, "/gremien/\(Self.steering)", session: nil) { res in #expect(res.status == .notFound) }
            try await get(app, "/gremien", session: nil) { res in #expect(!res.body.string.contains("Steuerungsgruppe Sozialplanung (Beispiel)")) }
            let member = try await login(app, DemoLogin.bodyMember)
            try await get(app, "/gremien/\(Self.steering)", session: member) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Offene Stellungnahmeverfahren"))
            }
            let provider = try await login(app, DemoLogin.provider)
            try await get(app, "/gremien/\(Self.steering)", session: provider) { res in #expect(res.status == .notFound) }
            // A working group the provider sits in does not name its internal parent to them.
            try await get(app, "/gremien", session: provider) { res in
                #expect(res.body.string.contains("AG Beratungsangebote (Beispiel)"))
                #expect(!res.body.string.contains("Steuerungsgruppe Sozialplanung (Beispiel)"))
            }
            try await get(app, "/gremien/5b0c1e2a-0100-4000-8000-000000000002", session: provider) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("Steuerungsgruppe Sozialplanung (Beispiel)"))
            }
            try await get(app, "/gremien", session: member) { res in #expect(res.body.string.contains("Steuerungsgruppe Sozialplanung (Beispiel)")) }
            try await get(app, Self.consultation, session: provider) { res in #expect(res.status == .forbidden) }
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, Self.consultation, session: planner) { res in #expect(res.status == .ok) }
        }
    }

    @Test func aMemberSubmitsAndThePlannerAnswers() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let member = try await login(app, DemoLogin.bodyMember)
            let before = try await store.all(.statement, as: Statement.self).count
            try await post(app, Self.consultation, session: member, fields: [("section", "3"), ("text", "  ")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, Self.consultation, session: member, fields: [("section", "3"), ("text", "Qualitätssicherung bitte konkret fassen.")]) { res in
                #expect(res.status == .seeOther)
            }
            let statements = try await store.all(.statement, as: Statement.self).map(\.value)
            #expect(statements.count == before + 1)
            let mine = try #require(statements.first { $0.text == "Qualitätssicherung bitte konkret fassen." })
            #expect(mine.author == "Gisela Gremm (Beispiel)" && mine.onBehalfOf == DemoAccounts.league && mine.section == "3")
            // A provider who is not invited cannot submit, whatever the form says.
            let provider = try await login(app, DemoLogin.provider)
            try await post(app, Self.consultation, session: provider, fields: [("text", "Ich auch")]) { res in #expect(res.status == .forbidden) }
            // Answers: a reason is needed unless merely noted.
            let planner = try await login(app, DemoLogin.planner)
            let answer = "/stellungnahmen/\(Self.process)/abwaegung/\(mine.id.uuidString.lowercased())"
            try await post(app, answer, session: planner, fields: [("decision", "not-adopted"), ("reason", "")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, answer, session: planner, fields: [("decision", "partly-adopted"), ("reason", "Kriterium 4 wird mit Beispielen erläutert.")]) { res in
                #expect(res.status == .seeOther)
            }
            try await get(app, "/stellungnahmen/\(Self.process)/abwaegung.csv", session: planner) { res in
                let lines = res.body.string.split(whereSeparator: \.isNewline)
                #expect(lines.count == 1 + before + 1)
                // Section 1 first, then 2, then 3.
                #expect(lines[1].hasPrefix("1;1;") && lines[3].contains(";teilweise berücksichtigt;") && lines[3].contains("Kriterium 4"))
            }
            try await get(app, "/stellungnahmen/\(Self.process)/abwaegung", session: planner) { res in
                #expect(res.body.string.contains("1 von 3 Stellungnahmen abgewogen."))
            }
        }
    }

    @Test func statementsAfterTheDeadlineAreRefused() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock.clock) { app in
            // The demo consultation runs two weeks from the demo's day.
            clock.advance(15 * 86_400)
            let member = try await login(app, DemoLogin.bodyMember)
            try await post(app, Self.consultation, session: member, fields: [("text", "Zu spät")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Frist"))
            }
            #expect(try await app.participationStore.all(.statement, as: Statement.self).allSatisfy { $0.value.text != "Zu spät" })
        }
    }
}

@Suite("Meetings over HTTP")
struct MeetingHTTPTests {
    static let youthCommittee = "5b0c1e2a-0100-4000-8000-000000000004"

    @Test func aPlannerRunsAMeetingWithQuorumAndAVote() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock.clock) { app in
            let store = app.participationStore
            var planner = try await login(app, DemoLogin.planner)
            let count = try await store.all(.meeting, as: Meeting.self).count
            let fields = [("body", Self.youthCommittee), ("name", "13. Sitzung"), ("date", "2025-12-10"), ("startTime", "17:00"), ("endTime", "16:00"), ("location", "Kreishaus")]
            try await post(app, "/sitzungen", session: planner, fields: fields) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("value=\"13. Sitzung\""))
            }
            #expect(try await store.all(.meeting, as: Meeting.self).count == count)
            var path = ""
            try await post(app, "/sitzungen", session: planner, fields: fields.map { $0.0 == "endTime" ? ("endTime", "19:00") : $0 }) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            let meeting = try #require(try await store.all(.meeting, as: Meeting.self).map(\.value).first { $0.name == "13. Sitzung" })
            // 17:00 in Wetzlar in December is 16:00 UTC.
            #expect(meeting.start == Date(timeIntervalSince1970: 1_765_382_400))
            try await post(app, path + "/tagesordnung", session: planner, fields: [("number", "1"), ("title", "Kinderschutz"), ("public", "ja"), ("paper", "")]) { res in
                #expect(res.status == .seeOther)
            }
            let item = try #require(try await store.all(.agendaItem, as: AgendaItem.self).map(\.value).first { $0.meetingID == meeting.id })
            // A number the meeting has already, an empty subject or an unknown paper: the page says which, nothing is stored.
            try await post(app, path + "/tagesordnung", session: planner, fields: [("number", "1"), ("title", "Noch einmal"), ("public", "ja")]) { res in
                #expect(res.status == .conflict && res.body.string.contains("bereits vergeben") && res.body.string.contains("value=\"Noch einmal\""))
            }
            try await post(app, path + "/tagesordnung", session: planner, fields: [("number", "2"), ("title", " "), ("paper", "keine")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("error-summary"))
            }
            #expect(try await store.all(.agendaItem, as: AgendaItem.self).filter { $0.value.meetingID == meeting.id }.count == 1)
            try await post(app, path + "/status", session: planner, fields: [("state", "invited")]) { res in #expect(res.status == .seeOther) }
            // Held once it has begun: the day of the meeting, 17:00 in Wetzlar.
            try await post(app, path + "/status", session: planner, fields: [("state", "held")]) { res in #expect(res.status == .unprocessableEntity) }
            clock.advance(meeting.start.timeIntervalSince(testNow))
            planner = try await login(app, DemoLogin.planner)
            try await post(app, path + "/status", session: planner, fields: [("state", "held")]) { res in #expect(res.status == .seeOther) }
            try await post(app, path + "/status", session: planner, fields: [("state", "invited")]) { res in #expect(res.status == .unprocessableEntity) }
            // The committee has four voting members; two present are not enough (three needed).
            let members = try await store.all(.membership, as: Membership.self, bodyID: UUID(uuidString: Self.youthCommittee)!).map(\.value)
            #expect(members.filter(\.votingRight).count == 4)
            try await post(app, path + "/anwesenheit", session: planner,
                           fields: members.enumerated().map { ("p" + $0.element.personID.uuidString.lowercased(), $0.offset < 2 ? "present" : "excused") }) { res in
                #expect(res.status == .seeOther)
            }
            let resolution = path + "/tagesordnung/\(item.id.uuidString.lowercased())/beschluss"
            try await post(app, resolution, session: planner, fields: [("text", "Beschlossen."), ("yes", "2"), ("no", "0"), ("abstain", "0")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, path + "/anwesenheit", session: planner,
                           fields: members.enumerated().map { ("p" + $0.element.personID.uuidString.lowercased(), $0.offset < 3 ? "present" : "excused") }) { res in
                #expect(res.status == .seeOther)
            }
            try await get(app, path, session: planner) { res in #expect(res.body.string.contains("Beschlussfähig: 3 von 4")) }
            // Four votes with three present: refused; nothing stored.
            try await post(app, resolution, session: planner, fields: [("text", "Beschlossen."), ("yes", "3"), ("no", "1"), ("abstain", "0")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            #expect(try await store.all(.resolution, as: Resolution.self).allSatisfy { $0.value.agendaItemID != item.id })
            try await post(app, resolution, session: planner, fields: [("text", "Der Ausschuss nimmt den Bericht zustimmend zur Kenntnis."), ("yes", "2"), ("no", "1"), ("abstain", "0")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await store.one(.agendaItem, id: item.id, as: AgendaItem.self)?.value.result == "beschlossen")
            // A second resolution on the item (a second tab, a second click) is refused; the first stands.
            try await post(app, resolution, session: planner, fields: [("text", "Anders beschlossen."), ("unanimous", "ja")]) { res in
                #expect(res.status == .conflict && res.body.string.contains("bereits vergeben"))
            }
            #expect(try await store.all(.resolution, as: Resolution.self).filter { $0.value.agendaItemID == item.id }.map(\.value.text)
                    == ["Der Ausschuss nimmt den Bericht zustimmend zur Kenntnis."])
            try await get(app, path, session: nil) { res in
                #expect(res.body.string.contains("Der Ausschuss nimmt den Bericht zustimmend zur Kenntnis.") && res.body.string.contains("2 ja, 1 nein, 0 Enthaltungen"))
                #expect(!res.body.string.contains("Anwesenheit speichern"))
            }
        }
    }
}

@Suite("Papers over HTTP")
struct PaperHTTPTests {
    @Test func papersKeepTheirVersionsAndOpenConsultations() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            try await get(app, "/vorlagen", session: nil) { res in
                #expect(res.body.string.contains("JHA/2025/07") && !res.body.string.contains("SP/2026/01"))
            }
            // Searched, sorted by reference ascending: the list keeps its state in the links.
            try await get(app, "/vorlagen?suche=jha&sortierung=az&richtung=auf", session: nil) { res in
                let html = res.body.string
                #expect(res.status == .ok && html.contains("JHA/2025/07") && !html.contains("SP/2026/01"))
                #expect(html.contains("aria-sort=\"ascending\"") && html.contains("sortierung=az"))
            }
            // Beyond the last page: the last page.
            try await get(app, "/vorlagen?seite=99999999999&sortierung=unbekannt", session: nil) { res in
                #expect(res.status == .ok && res.body.string.contains("JHA/2025/07") && !res.body.string.contains("empty-state"))
            }
            try await get(app, "/vorlagen/5b0c1e2a-0100-4000-8000-000000000305", session: nil) { res in #expect(res.status == .notFound) }
            let planner = try await login(app, DemoLogin.planner)
            let fields = [("reference", "JHA/2025/07"), ("title", "Doppelt"), ("type", "recommendation"), ("body", "5b0c1e2a-0100-4000-8000-000000000004"),
                          ("public", "ja"), ("date", "2025-11-20"), ("originator", "Sozialplanung"), ("text", "Text")]
            try await post(app, "/vorlagen", session: planner, fields: fields) { res in #expect(res.status == .conflict) }
            var path = ""
            try await post(app, "/vorlagen", session: planner, fields: fields.map { $0.0 == "reference" ? ("reference", "JHA/2025/09") : $0 }) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            try await post(app, path + "/stellungnahmeverfahren", session: planner, fields: [("deadline", "2025-12-15")]) { res in
                #expect(res.status == .unprocessableEntity)  // nobody invited
            }
            try await post(app, path + "/stellungnahmeverfahren", session: planner,
                           fields: [("invited[]", "5b0c1e2a-0100-4000-8000-000000000004"), ("deadline", "2025-12-15")]) { res in #expect(res.status == .seeOther) }
            try await post(app, path + "/fassungen", session: planner, fields: [("text", "Text, überarbeitet")]) { res in #expect(res.status == .seeOther) }
            let paperID = UUID(uuidString: String(path.split(separator: "/").last!))!
            let versions = try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).filter { $0.paperID == paperID }.sorted { $0.number < $1.number }
            #expect(versions.map(\.text) == ["Text", "Text, überarbeitet"])
            let process = try #require(try await store.all(.statementProcess, as: StatementProcess.self).map(\.value).first { $0.paperID == paperID })
            #expect(versions[1].answersConsultation == process.id && process.version == 1)
            try await get(app, path, session: nil) { res in
                #expect(res.body.string.contains("Fassung 2") && res.body.string.contains("Fassung 1") && !res.body.string.contains("Neue Fassung"))
            }
        }
    }
}

@Suite("Measures over HTTP")
struct MeasureHTTPTests {
    static let parent = "5b0c1e2a-0100-4000-8000-000000001001"

    @Test func measuresRollUpAndRefuseCircles() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let planner = try await login(app, DemoLogin.planner)
            // Demo: the parent has "Außenstelle" (started, 10 %, weight 2) and "Stelle besetzen" (done, weight 1): (20 + 100) / 3 = 40 %.
            try await get(app, "/massnahmen/\(Self.parent)", session: nil) { res in
                #expect(res.body.string.contains("40 %"))
                #expect(!res.body.string.contains("Maßnahme ändern"))
            }
            try await post(app, "/massnahmen", session: planner, fields: [("title", "Räume anmieten"), ("parentId", "5b0c1e2a-0100-4000-8000-000000001002"),
                                                                         ("status", "done"), ("weight", "1"), ("progress", "")]) { res in #expect(res.status == .seeOther) }
            // The Außenstelle now has one done part: 100 %; the parent (100·2 + 100) / 3 = 100 %.
            try await get(app, "/massnahmen/\(Self.parent)", session: nil) { res in #expect(res.body.string.contains("100 %")) }
            // Making the parent a part of its own grandchild is refused; nothing changes.
            let grandchild = try #require(try await store.all(.measure, as: Measure.self).map(\.value).first { $0.title == "Räume anmieten" })
            let before = try #require(try await store.one(.measure, id: UUID(uuidString: Self.parent)!, as: Measure.self)).value
            try await post(app, "/massnahmen/\(Self.parent)", session: planner, fields: MeasureController.values(before).map { $0.key == "parentId" ? ($0.key, grandchild.id.uuidString) : ($0.key, $0.value) }) { res in
                #expect(res.status == .unprocessableEntity)
            }
            #expect(try await store.one(.measure, id: before.id, as: Measure.self)?.value == before)
            try await post(app, "/massnahmen/\(Self.parent)/meilensteine", session: planner, fields: [("milestoneDate", "2026-02-01"), ("milestoneText", "Stelle besetzt")]) { res in
                #expect(res.status == .seeOther)
            }
            try await post(app, "/massnahmen", session: planner, fields: [("title", ""), ("status", "planned"), ("progress", "120")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await get(app, "/massnahmen", session: nil) { res in
                // "Förderrichtlinie veröffentlichen" was due 30.11.2025 and is delayed: overdue on the test day (25.11.2025)? Not yet.
                #expect(res.body.string.contains("Nichts ist überfällig."))
            }
        }
    }
}

@Suite("Bodies over HTTP")
struct BodyAdminHTTPTests {
    @Test func aBodysMeetingsArePagedLatestFirst() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let body = try #require(try await store.all(.body, as: Body.self).map(\.value).first { $0.isPublic })
            let before = try await store.all(.meeting, as: Meeting.self, bodyID: body.id).count
            let start = Date(timeIntervalSince1970: 1_893_456_000)
            for index in 0..<(25 - before) {
                let meeting = Meeting(id: UUID(), bodyID: body.id, name: "Sitzung Nr. \(index + 1)", start: start.addingTimeInterval(Double(index) * 86_400),
                                      end: start.addingTimeInterval(Double(index) * 86_400 + 3_600))
                try await store.save(.meeting, id: meeting.id, meeting, label: meeting.name, bodyID: body.id, actor: .system("test"), at: testNow)
            }
            let path = ParticipationRoute.body(body.id)
            try await get(app, path, session: nil) { res in
                let text = res.body.string
                #expect(res.status == .ok && text.contains("Seite 1 / 2") && text.contains("rel=\"next\""))
                // Latest first: the last one added leads, the first one added is on the second page.
                #expect(text.contains("Sitzung Nr. \(25 - before)") && !text.contains("Sitzung Nr. 1<"))
                #expect(text.components(separatedBy: "<li><a href=\"/sitzungen/").count - 1 == BodyPage.meetingsPerPage)
            }
            try await get(app, path + "?seite=2", session: nil) { res in
                #expect(res.body.string.contains("Seite 2 / 2") && res.body.string.contains("Sitzung Nr. 1<"))
                #expect(res.body.string.components(separatedBy: "<li><a href=\"/sitzungen/").count - 1 == 5)
            }
            // A page beyond the end shows the last; a page that is not a number the first.
            try await get(app, path + "?seite=99", session: nil) { res in #expect(res.status == .ok && res.body.string.contains("Seite 2 / 2")) }
            try await get(app, path + "?seite=zwei", session: nil) { res in #expect(res.status == .ok && res.body.string.contains("Seite 1 / 2")) }
        }
    }

    @Test func plannersCreateBodiesAndKeepTheirMembers() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let planner = try await login(app, DemoLogin.planner)
            try await post(app, "/gremien", session: planner, fields: [("name", "Jugendhilfeausschuss (Beispiel)"), ("kind", "committee"), ("public", "ja")]) { res in
                #expect(res.status == .conflict)
            }
            var path = ""
            try await post(app, "/gremien", session: planner, fields: [("name", "AG Wohnen"), ("kind", "working-group"),
                                                                     ("parentId", "5b0c1e2a-0100-4000-8000-000000000001"), ("public", "nein")]) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            let body = try #require(try await store.all(.body, as: Body.self).map(\.value).first { $0.name == "AG Wohnen" })
            #expect(body.parentID == UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000001") && !body.isPublic)
            // A guest never votes.
            try await post(app, path + "/mitglieder", session: planner, fields: [("newPerson", "Erika Muster"), ("role", "guest"), ("votingRight", "ja"), ("start", "2025-11-01")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            #expect(try await store.all(.person, as: Person.self).allSatisfy { $0.value.name != "Erika Muster" })
            try await post(app, path + "/mitglieder", session: planner, fields: [("newPerson", "Erika Muster"), ("role", "member"), ("votingRight", "ja"), ("start", "2025-11-01")]) { res in
                #expect(res.status == .seeOther)
            }
            let membership = try #require(try await store.all(.membership, as: Membership.self, bodyID: body.id).first)
            try await get(app, path, session: planner) { res in #expect(res.body.string.contains("Erika Muster")) }
            // A second open seat of the same person is refused with the form, and nothing is stored.
            try await post(app, path + "/mitglieder", session: planner, fields: [("person", membership.value.personID.uuidString.lowercased()), ("role", "member"),
                                                                               ("start", "2025-12-01")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("bereits vergeben"))
            }
            #expect(try await store.all(.membership, as: Membership.self, bodyID: body.id).count == 1)
            // A new name with a login that already has a person is that person: no second person, and no second open seat.
            let account = try #require(try await AccountStore(database: app.db).users().first { $0.email == DemoLogin.bodyMember.email })
            let persons = try await store.all(.person, as: Person.self).count
            for expected in [HTTPStatus.seeOther, .unprocessableEntity] {
                try await post(app, path + "/mitglieder", session: planner, fields: [("newPerson", "Noch einmal angelegt"), ("login", account.id.uuidString.lowercased()),
                                                                                   ("role", "member"), ("start", "2025-12-01")]) { res in #expect(res.status == expected) }
            }
            #expect(try await store.all(.person, as: Person.self).count == persons)
            #expect(try await store.all(.membership, as: Membership.self, bodyID: body.id).count == 2)
            // The last day is chosen (today unless said); not before the seat began, and a date that is one.
            let end = path + "/mitglieder/\(membership.id.uuidString.lowercased())/ende"
            try await post(app, end, session: planner, fields: [("end", "2020-01-01")]) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, end, session: planner, fields: [("end", "31.11.2025")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("„31.11.2025“ ist kein Tag von 1900 bis 2100"))
            }
            #expect(try await store.one(.membership, id: membership.id, as: Membership.self)?.value.end == nil)
            try await post(app, end, session: planner) { res in #expect(res.status == .seeOther) }
            let ended = try #require(try await store.one(.membership, id: membership.id, as: Membership.self)?.value)
            #expect(ended.end == Day(testNow) && ended.isActive(on: Day(testNow)) && !ended.isActive(on: Day(testNow.addingTimeInterval(86_400))))
            // The internal working group stays hidden from the public.
            try await get(app, path, session: nil) { res in #expect(res.status == .notFound) }
        }
    }
}

@Suite("Planning processes over HTTP")
struct ProcessHTTPTests {
    @Test func plannersStartProcessesAndMoveTheirPhases() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let planner = try await login(app, DemoLogin.planner)
            try await post(app, "/planungsprozesse", session: planner, fields: [("title", ""), ("body", "5b0c1e2a-0100-4000-8000-000000000004"), ("phases", "")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            var path = ""
            try await post(app, "/planungsprozesse", session: planner, fields: [("title", "Wohnungsnotfallhilfe"), ("body", "5b0c1e2a-0100-4000-8000-000000000004"),
                                                                              ("phases", "Bestandsaufnahme\nBedarfsanalyse\nBeschluss"), ("indicators", "sgb2_quote_u18")]) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            let process = try #require(try await store.all(.planningProcess, as: PlanningProcess.self).map(\.value).first { $0.title == "Wohnungsnotfallhilfe" })
            #expect(process.phases.map(\.name) == ["Bestandsaufnahme", "Bedarfsanalyse", "Beschluss"] && process.indicatorCodes == ["sgb2_quote_u18"])
            // Two phases in progress at once are refused.
            try await post(app, path + "/phasen", session: planner, fields: [("status0", "active"), ("status1", "active"), ("status2", "open")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, path + "/phasen", session: planner, fields: [("status0", "completed"), ("start0", "2025-01-01"), ("end0", "2025-06-30"),
                                                                           ("status1", "active"), ("start1", "2025-07-01"), ("status2", "open")]) { res in #expect(res.status == .seeOther) }
            let updated = try #require(try await store.one(.planningProcess, id: process.id, as: PlanningProcess.self)).value
            #expect(updated.currentPhase?.name == "Bedarfsanalyse" && updated.phases[0].end == Day(year: 2025, month: 6, day: 30))
            try await get(app, path, session: nil) { res in #expect(res.body.string.contains("<strong>Bedarfsanalyse</strong> – in Arbeit") && !res.body.string.contains("Phasen speichern")) }
        }
    }
}

@Suite("Measure overview over HTTP")
struct MeasureOverviewHTTPTests {
    @Test func theOverviewFiltersByStatusBodyAndArea() async throws {
        try await withTestApp { app in
            try await get(app, "/massnahmen?stand=delayed", session: nil) { res in
                #expect(res.body.string.contains("Förderrichtlinie Jugendarbeit veröffentlichen") && !res.body.string.contains("Außenstelle Haiger"))
            }
            // The youth welfare committee's resolution led to "Erziehungsberatung im Norden verstärken" and its parts.
            try await get(app, "/massnahmen?gremium=5b0c1e2a-0100-4000-8000-000000000004", session: nil) { res in
                #expect(res.body.string.contains("Außenstelle Haiger einrichten") && !res.body.string.contains("Förderrichtlinie Jugendarbeit"))
            }
            try await get(app, "/massnahmen?gebiet=06532011", session: nil) { res in
                #expect(res.body.string.contains("Erziehungsberatung im Norden verstärken") && !res.body.string.contains("Außenstelle Haiger einrichten"))
            }
        }
    }
}

@Suite("Paper attachments over HTTP")
struct AttachmentHTTPTests {
    static let paper = "/vorlagen/5b0c1e2a-0100-4000-8000-000000000302"

    @Test func onlyRealPDFODTOrDOCXUpToTheLimit() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            func send(_ name: String, _ bytes: [UInt8]) async throws -> HTTPStatus {
                let boundary = "----sopla-test-\(UUID().uuidString)"
                var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(planner.csrf)\r\n")
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                body.writeBytes(bytes)
                body.writeString("\r\n--\(boundary)--\r\n")
                var status: HTTPStatus = .ok
                try await app.testing().test(.POST, Self.paper + "/anlagen", beforeRequest: { req in
                    planner.apply(to: &req)
                    req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                    req.body = body
                }, afterResponse: { res in status = res.status })
                return status
            }
            // An executable named .pdf is refused by its bytes; nothing is stored.
            #expect(try await send("bericht.pdf", Array("MZ\u{90}\u{0}".utf8)) == .unprocessableEntity)
            #expect(try await app.participationStore.attachments().isEmpty)
            let pdf = Array("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".utf8)
            #expect(try await send("bericht.pdf", pdf) == .seeOther)
            let stored = try #require(try await app.participationStore.attachments().first)
            #expect(stored.size == pdf.count && stored.mediaType == "application/pdf")
            try await get(app, Self.paper + "/anlagen/\(stored.id.uuidString.lowercased())", session: nil) { res in
                #expect(res.status == .ok && Array(res.body.readableBytesView) == pdf)
                #expect(res.headers.first(name: .contentType) == "application/pdf")
            }
            // The public OParl file carries the checksum.
            try await get(app, "/oparl/v1/file/\(stored.id.uuidString.lowercased())", session: nil) { res in
                #expect(res.body.string.contains(stored.sha1) && res.body.string.contains("bericht.pdf"))
            }
            // Its download address leads to the paper's attachment.
            try await get(app, "/oparl/v1/file/\(stored.id.uuidString.lowercased())/download", session: nil) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasSuffix(Self.paper + "/anlagen/\(stored.id.uuidString.lowercased())") == true)
            }
        }
    }
}

@Suite("Participation details over HTTP")
struct ParticipationDetailHTTPTests {
    @Test func linksRolesAndLogins() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let planner = try await login(app, DemoLogin.planner)
            // A paper joins a planning process and appears in its timeline.
            let process = "/planungsprozesse/5b0c1e2a-0100-4000-8000-000000000903"
            try await post(app, process + "/vorlagen", session: planner, fields: [("paper", "5b0c1e2a-0100-4000-8000-000000000302")]) { res in #expect(res.status == .seeOther) }
            try await get(app, process, session: nil) { res in #expect(res.body.string.contains("JHA/2025/07")) }
            // An agenda item treats its paper for decision.
            try await post(app, "/sitzungen/5b0c1e2a-0100-4000-8000-000000000502/tagesordnung", session: planner,
                           fields: [("number", "2"), ("title", "Bericht Jugendarbeit"), ("public", "ja"), ("paper", "5b0c1e2a-0100-4000-8000-000000000302"), ("role", "information")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await store.all(.agendaItem, as: AgendaItem.self).map(\.value).first { $0.title == "Bericht Jugendarbeit" }?.role == .information)
            // The resolution keeps the paper version decided on.
            let item = try #require(try await store.all(.agendaItem, as: AgendaItem.self).map(\.value).first { $0.title == "Bericht Jugendarbeit" })
            let committee = UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000006")!
            let seats = try await store.all(.membership, as: Membership.self, bodyID: committee).map(\.value)
            try await post(app, "/sitzungen/5b0c1e2a-0100-4000-8000-000000000502/anwesenheit", session: planner,
                           fields: seats.map { ("p" + $0.personID.uuidString.lowercased(), "present") }) { res in #expect(res.status == .seeOther) }
            try await post(app, "/sitzungen/5b0c1e2a-0100-4000-8000-000000000502/tagesordnung/\(item.id.uuidString.lowercased())/beschluss", session: planner,
                           fields: [("text", "Zur Kenntnis genommen."), ("unanimous", "ja")]) { res in #expect(res.status == .seeOther) }
            #expect(try await store.all(.resolution, as: Resolution.self).map(\.value).first { $0.agendaItemID == item.id }?.paperVersion == 1)
            // A new member linked to the provider's login may then read the internal working group.
            let provider = try #require(try await AccountStore(database: app.db).credentials(email: DemoLogin.provider.email)?.user)
            try await post(app, "/gremien/5b0c1e2a-0100-4000-8000-000000000003/mitglieder", session: planner,
                           fields: [("person", "5b0c1e2a-0100-4000-8000-000000000112"), ("login", provider.id.uuidString), ("role", "member"), ("votingRight", "ja"), ("start", "2025-11-01")]) { res in
                #expect(res.status == .seeOther)
            }
            let session = try await login(app, DemoLogin.provider)
            try await get(app, "/gremien/5b0c1e2a-0100-4000-8000-000000000003", session: session) { res in #expect(res.status == .ok) }
        }
    }
}

@Suite("Consultations with organisations over HTTP")
struct OrganisationConsultationHTTPTests {
    static let process = "5b0c1e2a-0100-4000-8000-000000000801"

    static func organisationID(_ app: Application, _ name: String) async throws -> String {
        try #require(try await AccountStore(database: app.db).organisations().first { $0.name == name }).id.uuidString.lowercased()
    }

    @Test func anInvitedOrganisationCommentsOnItsOwnBehalf() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let familyCentre = try await Self.organisationID(app, DemoAccounts.familyCentre)
            let counselling = try await Self.organisationID(app, DemoAccounts.counselling)
            let lars = try await login(app, DemoLogin.otherProvider)
            try await get(app, "/organisationen/\(familyCentre)/stellungnahmen", session: lars) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Vergabekriterien"))
            }
            let page = "/organisationen/\(familyCentre)/stellungnahmen/\(Self.process)"
            try await get(app, page, session: lars) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Stellungnahme senden"))
            }
            let before = try await store.all(.statement, as: Statement.self).count
            try await post(app, page, session: lars, fields: [("text", "")]) { res in #expect(res.status == .unprocessableEntity) }
            #expect(try await store.all(.statement, as: Statement.self).count == before)
            try await post(app, page, session: lars, fields: [("section", "2"), ("text", "Familienzentren als Anlaufstelle mitdenken.")]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix(page) == true)
            }
            let statement = try #require(try await store.all(.statement, as: Statement.self).map(\.value).first { $0.text == "Familienzentren als Anlaufstelle mitdenken." })
            #expect(statement.author == "Lars Lindner (Beispiel)" && statement.onBehalfOf == DemoAccounts.familyCentre)
            // Another provider may not act for the family centre, and its own organisation is not invited.
            let tina = try await login(app, DemoLogin.provider)
            try await get(app, page, session: tina) { res in #expect(res.status == .forbidden) }
            try await post(app, page, session: tina, fields: [("text", "Ich auch")]) { res in #expect(res.status == .forbidden) }
            try await get(app, "/organisationen/\(counselling)/stellungnahmen/\(Self.process)", session: tina) { res in #expect(res.status == .notFound) }
            try await post(app, "/organisationen/\(counselling)/stellungnahmen/\(Self.process)", session: tina, fields: [("text", "Ich auch")]) { res in
                #expect(res.status == .notFound)
            }
            try await get(app, "/organisationen/\(counselling)/stellungnahmen", session: tina) { res in
                #expect(res.body.string.contains("derzeit zu keinem Entwurf"))
            }
            #expect(try await store.all(.statement, as: Statement.self).count == before + 1)
            // The planner's response table holds it beside the members' statements.
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/stellungnahmen/\(Self.process)/abwaegung", session: planner) { res in
                #expect(res.body.string.contains("Familienzentren als Anlaufstelle mitdenken."))
            }
        }
    }

    @Test func openingAConsultationForAnOrganisationTellsItsUsers() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let counselling = try await Self.organisationID(app, DemoAccounts.counselling)
            let planner = try await login(app, DemoLogin.planner)
            let paper = "/vorlagen/5b0c1e2a-0100-4000-8000-000000000303"
            try await get(app, paper, session: planner) { res in #expect(res.body.string.contains("Eingeladene Organisationen")) }
            let before = try await store.all(.notification, as: InboxMessage.self).count
            try await post(app, paper + "/stellungnahmeverfahren", session: planner, fields: [("organisations[]", counselling), ("deadline", "2026-12-20")]) { res in
                #expect(res.status == .seeOther)
            }
            let process = try #require(try await store.all(.statementProcess, as: StatementProcess.self).map(\.value)
                .first { $0.paperID == UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000303") })
            #expect(process.bodies.isEmpty && process.organisations == [UUID(uuidString: counselling)!])
            let messages = try await store.all(.notification, as: InboxMessage.self).map(\.value)
            #expect(messages.count == before + 1)
            let tinaID = try #require(try await AccountStore(database: app.db).users().first { $0.email == DemoLogin.provider.email }).id
            #expect(messages.contains { $0.userID == tinaID && $0.link == "/organisationen/\(counselling)/stellungnahmen/\(process.id.uuidString.lowercased())" })
            let tina = try await login(app, DemoLogin.provider)
            try await get(app, "/organisationen/\(counselling)/stellungnahmen", session: tina) { res in #expect(res.body.string.contains("Stellungnahmen bis")) }
        }
    }
}

@Suite("Legislative terms over HTTP")
struct LegislativeTermHTTPTests {
    static let steering = "/gremien/5b0c1e2a-0100-4000-8000-000000000001"
    static let steeringID = UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000001")!

    @Test func aNewTermEndsTheOpenOneAndOverlapsAreRefused() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let planner = try await login(app, DemoLogin.planner)
            let before = try #require(try await store.one(.body, id: Self.steeringID, as: Body.self)).value
            for fields in [[("termName", "2021–2026"), ("termStart", "2031-04-01")],           // name taken
                           [("termName", "Zwischenzeit"), ("termStart", "2025-01-01"), ("termEnd", "2025-06-30")],  // inside 2021–2026
                           [("termName", "Verkehrt"), ("termStart", "2031-04-01"), ("termEnd", "2030-01-01")],      // ends before it starts
                           [("termName", "Ohne Beginn"), ("termStart", "")]] {
                try await post(app, Self.steering + "/wahlperioden", session: planner, fields: fields) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("error-summary") || res.body.string.contains("Fehler"))
                }
            }
            #expect(try await store.one(.body, id: Self.steeringID, as: Body.self)?.value == before)
            try await post(app, Self.steering + "/wahlperioden", session: planner, fields: [("termName", "2031–2036"), ("termStart", "2031-04-01")]) { res in
                #expect(res.status == .seeOther)
            }
            let terms = try #require(try await store.one(.body, id: Self.steeringID, as: Body.self)).value.terms
            #expect(terms.map(\.name) == ["2021–2026", "2026–2031", "2031–2036"])
            #expect(terms[1].end == Day(year: 2031, month: 3, day: 31) && terms[2].end == nil)
            let member = try await login(app, DemoLogin.bodyMember)
            try await post(app, Self.steering + "/wahlperioden", session: member, fields: [("termName", "X"), ("termStart", "2040-01-01")]) { res in
                #expect(res.status == .forbidden)
            }
        }
    }
}

@Suite("What internal bodies keep internal")
struct InternalBodyHTTPTests {
    @Test func aPublicAgendaItemOfAnInternalBodyStaysOffPublicPaperPages() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            var body = ""
            try await post(app, "/gremien", session: planner, fields: [("name", "AG Vertraulich"), ("kind", "working-group"), ("public", "nein")]) { res in
                #expect(res.status == .seeOther)
                body = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" }.split(separator: "/").last ?? "")
            }
            var meeting = ""
            try await post(app, "/sitzungen", session: planner, fields: [("body", body), ("name", "Geheime Runde"), ("date", "2025-12-10"), ("startTime", "17:00"),
                                                                       ("endTime", "19:00")]) { res in
                #expect(res.status == .seeOther)
                meeting = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            let paper = "/vorlagen/5b0c1e2a-0100-4000-8000-000000000302"
            try await post(app, meeting + "/tagesordnung", session: planner, fields: [("number", "1"), ("title", "Vorberatung"), ("public", "ja"),
                                                                                     ("paper", "5b0c1e2a-0100-4000-8000-000000000302")]) { res in
                #expect(res.status == .seeOther)
            }
            try await get(app, paper, session: nil) { res in #expect(res.status == .ok && !res.text.contains("Geheime Runde")) }
            try await get(app, paper, session: planner) { res in #expect(res.text.contains("Geheime Runde")) }
        }
    }
}
