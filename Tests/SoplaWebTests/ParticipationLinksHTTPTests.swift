import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// What links participation together: response tables for the consulted bodies' members, a new version that points
/// to the consultation it answers, papers on the agenda, planning processes and the implementation overview.
@Suite("Participation pages link what belongs together")
struct ParticipationLinksHTTPTests {
    static func id(_ n: Int) -> String { String(format: "5b0c1e2a-0100-4000-8000-%012d", n) }
    static let table = "/stellungnahmen/" + id(801) + "/abwaegung"

    @Test func membersOfTheConsultedBodyReadTheResponseTableButDoNotAnswer() async throws {
        try await withTestApp { app in
            let member = try await login(app, DemoLogin.bodyMember)
            try await get(app, Self.table, session: member) { res in
                #expect(res.status == .ok && res.body.string.contains("Gemma Psych (Beispiel)"))
                #expect(!res.body.string.contains("name=\"decision\""))
            }
            try await get(app, Self.table + ".csv", session: member) { res in #expect(res.status == .ok && res.body.string.contains("Gemma Psych")) }
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, Self.table, session: planner) { res in #expect(res.body.string.contains("name=\"decision\"")) }
            // Neither the public nor a provider outside the body learns of it; answering stays with planners.
            try await get(app, Self.table, session: nil) { res in #expect(res.status == .notFound) }
            try await get(app, Self.table + ".csv", session: nil) { res in #expect(res.status == .notFound) }
            let provider = try await login(app, DemoLogin.provider)
            try await get(app, Self.table, session: provider) { res in #expect(res.status == .notFound) }
            try await post(app, Self.table + "/" + Self.id(803), session: member, fields: [("decision", "noted")]) { res in #expect(res.status == .forbidden) }
        }
    }

    @Test func aNewVersionAnswersTheConsultationThatReceivedStatements() async throws {
        try await withTestApp { app in
            let store = app.participationStore
            let planner = try await login(app, DemoLogin.planner)
            var path = ""
            try await post(app, "/vorlagen", session: planner, fields: [
                ("reference", "JHA/2025/31"), ("title", "Zwei Verfahren"), ("type", "recommendation"), ("body", Self.id(4)), ("public", "ja"),
                ("date", "2025-11-20"), ("originator", "Sozialplanung"), ("text", "Absatz eins.\r\n\r\nAbsatz zwei,\r\nzweite Zeile."),
            ]) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            let paperID = UUID(uuidString: String(path.split(separator: "/").last!))!
            // Paragraphs stay paragraphs, line breaks stay breaks.
            try await get(app, path, session: nil) { res in
                #expect(res.body.string.contains("<p>Absatz eins.</p><p>Absatz zwei,<br/>zweite Zeile.</p>"))
            }
            // The first consultation asks the youth committee (no statement comes), the second the steering group.
            try await post(app, path + "/stellungnahmeverfahren", session: planner, fields: [("invited[]", Self.id(4)), ("deadline", "2025-12-10")]) { res in
                #expect(res.status == .seeOther)
            }
            try await post(app, path + "/stellungnahmeverfahren", session: planner, fields: [("invited[]", Self.id(1)), ("deadline", "2025-12-12")]) { res in
                #expect(res.status == .seeOther)
            }
            let processes = try await store.all(.statementProcess, as: StatementProcess.self).map(\.value).filter { $0.paperID == paperID }
            let steering = try #require(processes.first { $0.bodies.contains(UUID(uuidString: Self.id(1))!) })
            let member = try await login(app, DemoLogin.bodyMember)
            try await post(app, "/gremien/\(Self.id(1))/stellungnahmen/\(steering.id.uuidString.lowercased())", session: member,
                           fields: [("text", "Bitte die Fristen nennen.")]) { res in #expect(res.status == .seeOther) }
            try await post(app, path + "/fassungen", session: planner, fields: [("text", "Absatz eins, mit Fristen.")]) { res in #expect(res.status == .seeOther) }
            let second = try #require(try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).first { $0.paperID == paperID && $0.number == 2 })
            #expect(second.answersConsultation == steering.id)
            // The member sees the link to the table of their body's consultation; the public does not.
            let link = "href=\"/stellungnahmen/\(steering.id.uuidString.lowercased())/abwaegung\""
            try await get(app, path, session: member) { res in #expect(res.body.string.contains(link)) }
            try await get(app, path, session: nil) { res in #expect(!res.body.string.contains(link)) }
        }
    }

    @Test func agendaPapersProcessesAndTheImplementationOverviewAreLinked() async throws {
        try await withTestApp { app in
            // Papers on the agenda are links.
            try await get(app, "/sitzungen/" + Self.id(501), session: nil) { res in
                #expect(res.body.string.contains("<a href=\"/vorlagen/\(Self.id(302))\">"))
                #expect(res.body.string.contains("href=\"/massnahmen?gremium=\(Self.id(4))\""))
            }
            // The navigation reaches planning processes and the implementation overview.
            try await get(app, "/", session: nil) { res in
                #expect(res.body.string.contains("<a href=\"/planungsprozesse\">Planungsprozesse</a>") && res.body.string.contains("<a href=\"/massnahmen\">Umsetzung</a>"))
            }
            // A body lists its processes and links its measures; a paper its processes.
            try await get(app, "/gremien/" + Self.id(4), session: nil) { res in
                #expect(res.body.string.contains("href=\"/planungsprozesse/\(Self.id(901))\""))
                #expect(res.body.string.contains("Umsetzung der Beschlüsse dieses Gremiums"))
            }
            try await get(app, "/vorlagen/" + Self.id(302), session: nil) { res in
                #expect(res.body.string.contains("Planungsprozesse zu dieser Vorlage") && res.body.string.contains("href=\"/planungsprozesse/\(Self.id(901))\""))
            }
        }
    }
}

@Suite("Measures linked to resolution, person, areas and indicators")
struct MeasureLinksHTTPTests {
    static func id(_ n: Int) -> String { ParticipationLinksHTTPTests.id(n) }

    @Test func aMeasureIsLinkedInTheFormAndTheFiltersFindIt() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let store = app.participationStore
            let person = try #require(try await store.all(.person, as: Person.self).map(\.value).first { $0.name == "Gisela Gremm (Beispiel)" })
            try await get(app, "/massnahmen", session: planner) { res in
                let body = res.body.string
                // The resolution is offered by body, day, item and text, newest first; areas by name.
                #expect(body.contains(">Sozialausschuss") || body.contains("05.11.2025, TOP 1: Der Ausschuss empfiehlt dem Kreistag"))
                #expect(body.contains("name=\"areas[]\" value=\"06532023\""))
                #expect(body.contains("<option value=\"\(person.id.uuidString.lowercased())\">Gisela Gremm (Beispiel)</option>"))
            }
            let fields: [(String, String)] = [("title", "Richtlinie bekannt machen"), ("status", "planned"), ("weight", "1"), ("resolution", Self.id(702)),
                                              ("person", person.id.uuidString.lowercased()), ("areas[]", "06532023"), ("areas[]", "06532011"),
                                              ("indicators", "heim_je_1000")]
            // Unknown references are named by their field, and what was typed stays.
            let wrong = fields.map { $0.0 == "resolution" ? ("resolution", UUID().uuidString) : $0.0 == "indicators" ? ("indicators", "gibtsnicht") : $0 }
                + [("areas[]", "99999999")]
            try await post(app, "/massnahmen", session: planner, fields: wrong) { res in
                let body = res.body.string
                #expect(res.status == .unprocessableEntity)
                #expect(body.contains("Beschluss: ") && body.contains("Indikatoren, die sich bewegen sollen: ") && body.contains("Gebiete: "))
                #expect(body.contains("value=\"Richtlinie bekannt machen\"") && body.contains("value=\"06532023\" checked"))
            }
            #expect(try await store.all(.measure, as: Measure.self).allSatisfy { $0.value.title != "Richtlinie bekannt machen" })
            var path = ""
            try await post(app, "/massnahmen", session: planner, fields: fields) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            let measure = try #require(try await store.all(.measure, as: Measure.self).map(\.value).first { $0.title == "Richtlinie bekannt machen" })
            #expect(measure.resolutionID == UUID(uuidString: Self.id(702)) && measure.responsiblePerson == person.id)
            #expect(measure.unitKeys == ["06532011", "06532023"] && measure.indicatorCodes == ["heim_je_1000"])
            try await get(app, path, session: nil) { res in
                let body = res.body.string
                #expect(body.contains("Gisela Gremm (Beispiel)") && body.contains("href=\"/sitzungen/\(Self.id(502))\"") && body.contains("Haiger, Wetzlar"))
            }
            // The history names areas and persons, never keys or ids; an organisation that is none is named as such.
            try await get(app, path, session: planner) { res in
                #expect(res.body.string.contains("Gebiete: – → Haiger, Wetzlar") && res.body.string.contains("Gisela Gremm (Beispiel)"))
                #expect(!res.body.string.contains("ID: "))
            }
            try await post(app, path, session: planner, fields: fields + [("organisation", "zzz")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Zuständig: "))
            }
            // The overview's body and area filters find it now.
            try await get(app, "/massnahmen?gremium=\(Self.id(6))", session: nil) { res in #expect(res.body.string.contains("Richtlinie bekannt machen")) }
            try await get(app, "/massnahmen?gebiet=06532023", session: nil) { res in #expect(res.body.string.contains("Richtlinie bekannt machen")) }
            try await get(app, "/massnahmen?gremium=\(Self.id(4))", session: nil) { res in #expect(!res.body.string.contains("Richtlinie bekannt machen")) }
            // Unticking every area and clearing the person is a correction too.
            try await post(app, path, session: planner, fields: fields.filter { $0.0 != "areas[]" && $0.0 != "person" }) { res in #expect(res.status == .seeOther) }
            let corrected = try #require(try await store.one(.measure, id: measure.id, as: Measure.self)?.value)
            #expect(corrected.unitKeys.isEmpty && corrected.responsiblePerson == nil && corrected.resolutionID == measure.resolutionID)
        }
    }
}

@Suite("Correcting papers and milestones, with history")
struct PaperAndMilestoneCorrectionHTTPTests {
    static func id(_ n: Int) -> String { ParticipationLinksHTTPTests.id(n) }

    @Test func aPapersDetailsAreCorrectedWithoutTouchingItsVersions() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let store = app.participationStore
            let path = "/vorlagen/" + Self.id(302)
            let before = try #require(try await store.one(.paper, id: UUID(uuidString: Self.id(302))!, as: Paper.self)?.value)
            let versions = try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).filter { $0.paperID == before.id }
            try await get(app, path + "/bearbeiten", session: planner) { res in
                #expect(res.status == .ok && res.body.string.contains("value=\"\(before.reference)\"") && !res.body.string.contains("name=\"text\""))
            }
            var fields: [(String, String)] = [("reference", before.reference), ("title", "Erziehungsberatung: Bedarf und Versorgung"), ("type", before.type.rawValue),
                                              ("public", before.isPublic ? "ja" : "nein"), ("date", before.date.iso), ("originator", before.originator)]
            // Another paper's reference and an unreadable day are named; nothing changes.
            try await post(app, path, session: planner, fields: fields.map { $0.0 == "reference" ? ("reference", "KT/2025/112") : $0.0 == "date" ? ("date", "31.02.2025") : $0 }) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Aktenzeichen: ") && res.body.string.contains("„31.02.2025“"))
                #expect(res.body.string.contains("value=\"Erziehungsberatung: Bedarf und Versorgung\""))
            }
            #expect(try await store.one(.paper, id: before.id, as: Paper.self)?.value == before)
            // Another paper's reference in other letters is that reference.
            try await post(app, path, session: planner, fields: fields.map { $0.0 == "reference" ? ("reference", "kt/2025/112") : $0 }) { res in #expect(res.status == .conflict) }
            try await post(app, path, session: planner, fields: fields.map { $0.0 == "public" ? ("public", "vielleicht") : $0 }) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, path, session: planner, fields: fields.map { $0.0 == "date" ? ("date", "0001-01-01") : $0 }) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, path, session: planner, fields: fields) { res in #expect(res.headers.first(name: .location) == path + "?hinweis=gespeichert") }
            try await post(app, path, session: planner, fields: fields) { res in #expect(res.headers.first(name: .location) == path + "?hinweis=unveraendert") }
            let after = try #require(try await store.one(.paper, id: before.id, as: Paper.self)?.value)
            #expect(after.title == "Erziehungsberatung: Bedarf und Versorgung" && after.reference == before.reference)
            #expect(try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).filter { $0.paperID == before.id } == versions)
            // The planner sees what changed; the public sees neither the history nor the form.
            try await get(app, path, session: planner) { res in
                #expect(res.body.string.contains("Änderungen der Vorlage") && res.body.string.contains("Erziehungsberatung: Bedarf und Versorgung"))
                #expect(res.body.string.contains("Titel: "))
            }
            try await get(app, path, session: nil) { res in #expect(!res.body.string.contains("Änderungen der Vorlage") && !res.body.string.contains("/bearbeiten")) }
            fields = fields.map { $0.0 == "title" ? ("title", "") : $0 }
            try await post(app, path, session: planner, fields: fields) { res in #expect(res.status == .unprocessableEntity && res.body.string.contains("Titel: ")) }
            let member = try await login(app, DemoLogin.bodyMember)
            try await post(app, path, session: member, fields: fields) { res in #expect(res.status == .forbidden) }
        }
    }

    @Test func aMilestoneIsCorrectedAndRemovedOnlyWithConfirmation() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let store = app.participationStore
            let measure = try #require(try await store.all(.measure, as: Measure.self).first)
            let path = "/massnahmen/" + measure.id.uuidString.lowercased()
            // A wrong day is named and what was typed stays (it was a bare 422 before).
            try await post(app, path + "/meilensteine", session: planner, fields: [("milestoneDate", "morgen"), ("milestoneText", "Räume besichtigt")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("„morgen“") && res.body.string.contains("value=\"Räume besichtigt\""))
            }
            try await post(app, path + "/meilensteine", session: planner, fields: [("milestoneDate", "2025-12-01"), ("milestoneText", "Räume besichtigt")]) { res in
                #expect(res.status == .seeOther)
            }
            let id = try #require(try await store.all(.milestone, as: Milestone.self).first { $0.value.text == "Räume besichtigt" }).id
            let one = path + "/meilensteine/" + id.uuidString.lowercased()
            try await post(app, one, session: planner, fields: [("milestoneDate", "2025-12-02"), ("milestoneText", "")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("value=\"2025-12-02\""))
            }
            try await post(app, one, session: planner, fields: [("milestoneDate", "2025-12-02"), ("milestoneText", "Räume besichtigt und gemietet")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await store.one(.milestone, id: id, as: Milestone.self)?.value.text == "Räume besichtigt und gemietet")
            // Under another measure the milestone is not found.
            let other = try #require(try await store.all(.measure, as: Measure.self).first { $0.id != measure.id })
            try await post(app, "/massnahmen/\(other.id.uuidString.lowercased())/meilensteine/\(id.uuidString.lowercased())/loeschen", session: planner,
                           fields: [("confirm", "ja")]) { res in #expect(res.status == .notFound) }
            try await post(app, one + "/loeschen", session: planner) { res in #expect(res.status == .unprocessableEntity) }
            #expect(try await store.one(.milestone, id: id, as: Milestone.self) != nil)
            try await post(app, one + "/loeschen", session: planner, fields: [("confirm", "ja")]) { res in #expect(res.status == .seeOther) }
            #expect(try await store.one(.milestone, id: id, as: Milestone.self) == nil)
            // Its adding, correcting and removing are in the measure's history.
            try await get(app, path, session: planner) { res in #expect(res.body.string.contains("Räume besichtigt und gemietet")) }
            let audit = try await AccountStore(database: app.db).audit(AuditQuery(entityType: "participation-milestone", entityID: id.uuidString.lowercased())).entries
            let actions: Set<String> = Set(audit.map(\.action.rawValue))
            #expect(actions == Set([AuditAction.create.rawValue, AuditAction.update.rawValue, AuditAction.delete.rawValue]))
        }
    }
}

@Suite("Correcting planning processes")
struct ProcessCorrectionHTTPTests {
    static let path = "/planungsprozesse/" + ParticipationLinksHTTPTests.id(901)

    @Test func titlePhasesAndPapersAreCorrectedAndPhasesKeepTheirState() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let store = app.participationStore
            let id = UUID(uuidString: ParticipationLinksHTTPTests.id(901))!
            let before = try #require(try await store.one(.planningProcess, id: id, as: PlanningProcess.self)?.value)
            let kept = before.phases[0]
            // Keep the first phase, rename nothing else away but add one; unlink the second paper.
            let phases = ([kept.name] + before.phases.dropFirst().map(\.name) + ["Evaluation der Umsetzung"]).joined(separator: "\n")
            let first = try #require(before.paperIDs?.first)
            try await post(app, Self.path, session: planner, fields: [("title", "  "), ("phases", kept.name + "\n" + kept.name)]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Titel: ") && res.body.string.contains("Phasen: "))
            }
            #expect(try await store.one(.planningProcess, id: id, as: PlanningProcess.self)?.value == before)
            try await post(app, Self.path, session: planner, fields: [("title", "Erziehungsberatung sichern"), ("phases", phases), ("indicators", "heim_je_1000"),
                                                                      ("categories", "erziehungsberatung"), ("papers[]", first.uuidString.lowercased())]) { res in
                #expect(res.status == .seeOther)
            }
            let after = try #require(try await store.one(.planningProcess, id: id, as: PlanningProcess.self)?.value)
            #expect(after.title == "Erziehungsberatung sichern" && after.paperIDs == [first])
            #expect(after.phases.count == before.phases.count + 1 && after.phases[0] == kept && after.phases.last?.status == .open)
            // Two phases in progress, or an end before the start, are named on the page instead of a bare error.
            var fields: [(String, String)] = []
            for index in after.phases.indices { fields.append(("status\(index)", index < 2 ? "active" : "open")) }
            try await post(app, Self.path + "/phasen", session: planner, fields: fields) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Nur eine Phase kann „in Arbeit“ sein."))
            }
            try await post(app, Self.path + "/phasen", session: planner, fields: [("status0", "completed"), ("start0", "2025-05-01"), ("end0", "2025-04-01")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains(": " + kept.name + ": liegt vor dem Beginn."))
                // What was typed stays in the table.
                #expect(res.body.string.contains("value=\"2025-05-01\"") && res.body.string.contains("value=\"2025-04-01\""))
            }
            // A day that does not exist is named, not dropped.
            try await post(app, Self.path + "/phasen", session: planner, fields: [("status0", "completed"), ("start0", "2025-02-31")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("„2025-02-31“"))
            }
            #expect(try await store.one(.planningProcess, id: id, as: PlanningProcess.self)?.value == after)
            // Unknown indicator and category codes are named.
            try await post(app, Self.path, session: planner, fields: [("title", after.title), ("phases", after.phases.map(\.name).joined(separator: "\n")),
                                                                      ("indicators", "gibtsnicht"), ("categories", "gibtsauchnicht")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("„gibtsnicht“") && res.body.string.contains("„gibtsauchnicht“"))
            }
        }
    }
}

@Suite("Personal calendar by secret link")
struct PersonalCalendarHTTPTests {
    static func link(in html: String) throws -> String {
        let start = try #require(html.range(of: "id=\"kalender-link\">"))
        let rest = html[start.upperBound...]
        let url = String(rest.prefix { $0 != "<" })
        let path = try #require(url.range(of: "/kalender/"))
        return String(url[path.lowerBound...])
    }

    @Test func aMemberSubscribesToTheirMeetingsInternalOnesTooAndCanEndIt() async throws {
        try await withTestApp { app in
            let member = try await login(app, DemoLogin.bodyMember)
            try await get(app, "/konto", session: member) { res in
                #expect(res.body.string.contains("Persönlicher Sitzungskalender") && res.body.string.contains("Kalender-Link erzeugen"))
            }
            var first = ""
            try await post(app, "/konto/kalender", session: member) { res in
                #expect(res.status == .created)
                first = try Self.link(in: res.body.string)
            }
            #expect(first.hasPrefix("/kalender/") && first.hasSuffix("/sitzungen.ics"))
            // No login: the link alone shows the member's meetings, the internal steering group's too.
            try await get(app, first, session: nil) { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "calendar")
                #expect(res.body.string.contains("SUMMARY:Steuerungsgruppe Sozialplanung (Beispiel)") && res.body.string.contains("Jugendhilfeausschusses"))
                #expect(!res.body.string.contains("Sozialausschusses"))
            }
            try await get(app, "/konto", session: member) { res in #expect(res.body.string.contains("Ein Kalender-Link besteht seit")) }
            // A new link ends the old one; revoking ends the new one.
            var second = ""
            try await post(app, "/konto/kalender", session: member) { res in second = try Self.link(in: res.body.string) }
            #expect(second != first)
            try await get(app, first, session: nil) { res in #expect(res.status == .notFound) }
            try await get(app, second, session: nil) { res in #expect(res.status == .ok) }
            // Deactivating the login ends the link for good (reactivating does not bring it back), as a new password does.
            let admin = try await login(app, DemoLogin.admin)
            let gisela = try #require(try await AccountStore(database: app.db).credentials(email: DemoLogin.bodyMember.email)?.user)
            try await post(app, "/verwaltung/benutzer/\(gisela.id.uuidString.lowercased())/deaktivieren", session: admin) { res in #expect(res.status == .seeOther) }
            try await post(app, "/verwaltung/benutzer/\(gisela.id.uuidString.lowercased())/aktivieren", session: admin) { res in #expect(res.status == .seeOther) }
            try await get(app, second, session: nil) { res in #expect(res.status == .notFound) }
            let again = try await login(app, DemoLogin.bodyMember)
            try await post(app, "/konto/kalender", session: again) { res in second = try Self.link(in: res.body.string) }
            try await get(app, second, session: nil) { res in #expect(res.status == .ok) }
            try await post(app, "/konto/kalender/widerrufen", session: again) { res in #expect(res.status == .seeOther) }
            try await get(app, second, session: nil) { res in #expect(res.status == .notFound) }
            try await get(app, "/kalender/erfunden/sitzungen.ics", session: nil) { res in #expect(res.status == .notFound) }
            let audit = try await AccountStore(database: app.db).audit(AuditQuery(entityType: AuditEntity.user)).entries.filter { $0.changes.contains { $0.field == "calendarLink" } }
            #expect(audit.count == 5)
        }
    }
}

@Suite("One invitation per person")
struct SingleInvitationHTTPTests {
    @Test func aMemberWhoIsAlsoAnInvitedOrganisationsUserIsInvitedOnce() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let league = try await organisationID(app, named: DemoAccounts.league)
            let paper = "/vorlagen/" + ParticipationLinksHTTPTests.id(302)
            // The steering group (where Gisela Gremm sits) and her league are both invited.
            try await post(app, paper + "/stellungnahmeverfahren", session: planner, fields: [
                ("invited[]", ParticipationLinksHTTPTests.id(1)), ("organisations[]", league.uuidString.lowercased()), ("deadline", "2025-12-20"),
            ]) { res in #expect(res.status == .seeOther) }
            let gisela = try #require(try await AccountStore(database: app.db).credentials(email: DemoLogin.bodyMember.email)?.user)
            let messages = try await app.participationStore.all(.notification, as: InboxMessage.self).map(\.value)
                .filter { $0.userID == gisela.id && $0.subject.hasPrefix("Stellungnahme erbeten:") && $0.createdAt == testNow }
            #expect(messages.count == 1)
        }
    }
}
