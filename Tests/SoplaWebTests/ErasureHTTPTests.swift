import Foundation
import SoplaCore
import SoplaStore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// A person acts in every area (a seat with a login, attendance, a statement with its answer, a service proposal, a
/// funding application with a file), asks for their data and is erased; then no page, CSV, calendar, OParl or HSDS
/// document and no row of the database holds their name or address.
@Suite("Erasure reaches every place a person appears")
struct ErasureHTTPTests {
    static let name = "Quirina Zwetschgenbaum"
    static let email = "quirina.zwetschgenbaum@beispiel.example"
    static let password = "Pflaumen-Baum-Sieben-7"
    static let steering = "5b0c1e2a-0100-4000-8000-000000000001"
    static let process = "5b0c1e2a-0100-4000-8000-000000000801"
    static let nextMeeting = "5b0c1e2a-0100-4000-8000-000000000503"

    /// Every text of every row of every table, one string per table.
    static func dump(_ app: Application) async throws -> [String: String] {
        let sql = try #require(app.db as? any SQLDatabase)
        var result: [String: String] = [:]
        if sql.dialect.name == "sqlite" {
            let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map { try $0.decode(column: "name", as: String.self) }
            for table in tables {
                var text = ""
                for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                    for column in row.allColumns {
                        if let value = try? row.decode(column: column, as: String.self) { text += value + "\n" }
                        else if let value = try? row.decode(column: column, as: Data.self) { text += String(decoding: value, as: UTF8.self) + "\n" }
                    }
                }
                result[table] = text
            }
        } else {
            let tables = try await sql.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").all()
                .map { try $0.decode(column: "table_name", as: String.self) }
            for table in tables {
                // Every row as text; byte columns in PostgreSQL's escape form show text as it is.
                let rows = try await sql.raw("SELECT CAST(t AS text) AS row FROM \(ident: table) t").all()
                result[table] = try rows.map { try $0.decode(column: "row", as: String.self) }.joined(separator: "\n")
            }
        }
        return result
    }

    /// Walks from `start` as one session and hands every answer (HTML, CSV, calendar, JSON) to `visit`; follows the
    /// links of HTML pages and the OParl and HSDS addresses in JSON, a few of each route.
    static func walk(_ app: Application, session: TestSession?, start: [String], visit: (String, String) -> Void) async throws {
        let routes = app.routes.all
        var queue = start, seen = Set(start), samples: [String: Int] = [:]
        while !queue.isEmpty {
            let page = queue.removeFirst()
            var body = "", type = ""
            try await get(app, page, session: session) { res in
                body = res.body.string
                type = res.headers.contentType?.subType ?? ""
            }
            visit(page, body)
            var next: [String] = []
            if type == "html" {
                next = LinkResolutionTests.targets(in: body, page: page).filter { $0.method == "GET" }.map(\.path)
            } else if type.contains("json") {
                next = body.matches(of: /\/(?:oparl\/v1|hsds)\/[^"?\s]+/).map { String($0.0) }
            }
            for path in next where !seen.contains(path) && !path.contains(".pdf") && !path.hasPrefix("/abmelden") && !path.hasSuffix("/download") {
                guard let pattern = LinkResolutionTests.route(of: .init(method: "GET", path: path), in: routes), samples[pattern, default: 0] < 3 else { continue }
                samples[pattern, default: 0] += 1
                seen.insert(path)
                queue.append(path)
            }
        }
    }

    @Test func anErasedPersonIsNowhereToBeFound() async throws {
        try await withTestApp { app in
            let accounts = AccountStore(database: app.db)
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let user = try await accounts.createUser(UserAccount(id: UUID(), email: Self.email, displayName: Self.name, roles: [.provider, .bodyMember],
                                                                 organisationIDs: [counselling], hasPassword: true, createdAt: testNow),
                                                     passwordHash: try Bcrypt.hash(Self.password, cost: 4), actor: .system("test"), at: testNow)
            let planner = try await login(app, DemoLogin.planner)
            // A seat in the steering group, linked to the login.
            try await post(app, "/gremien/\(Self.steering)/mitglieder", session: planner,
                           fields: [("newPerson", Self.name), ("login", user.id.uuidString), ("role", "member"), ("votingRight", "ja"), ("start", "2025-01-01")]) { res in
                #expect(res.status == .seeOther)
            }
            let person = try #require(try await app.participationStore.all(.person, as: Person.self).map(\.value).first { $0.name == Self.name })
            // Present at the coming meeting.
            let seats = try await app.participationStore.all(.membership, as: Membership.self, bodyID: UUID(uuidString: Self.steering)!).map(\.value)
            try await post(app, "/sitzungen/\(Self.nextMeeting)/anwesenheit", session: planner,
                           fields: seats.map { ("p" + $0.personID.uuidString.lowercased(), "present") }) { res in #expect(res.status == .seeOther) }
            // A statement, answered by the planner.
            let quirina = try await login(app, Self.email, Self.password)
            try await post(app, "/gremien/\(Self.steering)/stellungnahmen/\(Self.process)", session: quirina,
                           fields: [("section", "2"), ("text", "Die Kriterien bitte mit Beispielen erläutern.")]) { res in #expect(res.status == .seeOther) }
            let statement = try #require(try await app.participationStore.all(.statement, as: Statement.self).map(\.value).first { $0.author == Self.name })
            try await post(app, "/stellungnahmen/\(Self.process)/abwaegung/\(statement.id.uuidString.lowercased())", session: planner,
                           fields: [("decision", "adopted"), ("reason", "Beispiele folgen.")]) { res in #expect(res.status == .seeOther) }
            // A meeting invitation in the inbox.
            try await post(app, "/sitzungen/\(Self.nextMeeting)/status", session: planner, fields: [("state", "cancelled")]) { _ in }
            // A funding application with a file, submitted.
            let base = "/organisationen/\(counselling.uuidString.lowercased())/foerderung/antraege"
            var path = ""
            try await post(app, base, session: quirina, fields: [
                ("programme", FundingDemo.id(1)), ("title", "Schuldnerberatung vor Ort (Test)"), ("budgetLine", FundingDemo.id(31)), ("preventive", "ja"),
                ("costs", "Personal: 10.000,00"), ("ownFunds", "0"), ("otherFunding", ""), ("requested", "10.000,00"),
                ("answer-" + FundingDemo.id(22), "Beratung im Stadtteil."),
            ]) { res in
                #expect(res.status == .seeOther)
                path = String((res.headers.first(name: .location) ?? "").prefix { $0 != "?" })
            }
            let file = try await upload(app, path + "/anlagen", session: quirina, fields: [("item", FundingDemo.id(21))], file: ("konzept.pdf", Array("%PDF-1.7\n%%EOF\n".utf8)))
            #expect(file?.status == .seeOther)
            try await post(app, path + "/schritt", session: quirina, fields: [("event", "submit")]) { res in #expect(res.status == .seeOther) }

            // Art. 15: the export holds all of it.
            let admin = try await login(app, DemoLogin.admin)
            try await get(app, "/verwaltung/benutzer/\(user.id.uuidString.lowercased())/daten.json", session: admin) { res in
                #expect(res.status == .ok)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                #expect((json["account"] as? [String: Any])?["email"] as? String == Self.email)
                let participation = try #require(json["participation"] as? [String: Any])
                #expect((participation["memberships"] as? [[String: Any]])?.first?["body"] as? String == "Steuerungsgruppe Sozialplanung (Beispiel)")
                #expect((participation["attendance"] as? [[String: Any]])?.first?["status"] as? String == "present")
                #expect((participation["statements"] as? [[String: Any]])?.first?["text"] as? String == "Die Kriterien bitte mit Beispielen erläutern.")
                #expect((participation["messages"] as? [Any])?.isEmpty == false)
                #expect((participation["applications"] as? [[String: Any]])?.first?["title"] as? String == "Schuldnerberatung vor Ort (Test)")
            }
            // Before erasure the name is to be found (the search below would find it).
            let before = try await Self.dump(app).values.joined()
            #expect(before.contains(Self.name) && before.lowercased().contains(Self.email))

            try await post(app, "/verwaltung/benutzer/\(user.id.uuidString.lowercased())/loeschen", session: admin, fields: [("bestaetigt", "ja")]) { res in
                #expect(res.status == .seeOther)
            }
            for (table, text) in try await Self.dump(app) {
                #expect(!text.lowercased().contains("zwetschgenbaum"), "table \(table) still holds the name or address")
            }
            // What was decided and who sat stays, under the pseudonym.
            let pseudonym = UserAccount.pseudonym(for: user.id)
            #expect(try await app.participationStore.one(.person, id: person.id, as: Person.self)?.value.name == pseudonym)
            #expect(try await app.participationStore.all(.statement, as: Statement.self).map(\.value).contains { $0.id == statement.id && $0.author == pseudonym })

            var found: [String] = [], visited = 0
            let seeds = ["/", "/konto", "/sitemap.xml", "/gremien/\(Self.steering)", "/gremien/\(Self.steering)/stellungnahmen/\(Self.process)",
                         "/stellungnahmen/\(Self.process)/abwaegung", "/stellungnahmen/\(Self.process)/abwaegung.csv", "/sitzungen/\(Self.nextMeeting)",
                         "/gremien/\(Self.steering)/kalender.ics", "/personen/\(person.id.uuidString.lowercased())/kalender.ics", "/oparl/v1/system",
                         "/hsds/services", "/verwaltung/protokoll", "/verwaltung/protokoll.csv", "/verwaltung/benutzer.csv", "/verwaltung/personen", path]
            for session in [nil, planner, admin] {
                try await Self.walk(app, session: session, start: seeds) { page, body in
                    visited += 1
                    if body.lowercased().contains("zwetschgenbaum") { found.append(page) }
                }
            }
            #expect(visited > 300, "visited \(visited) pages")
            #expect(found.isEmpty, "the name is still shown on \(found.joined(separator: ", "))")
        }
    }

    @Test func aMemberWithoutALoginIsExportedAndErased() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let committee = "5b0c1e2a-0100-4000-8000-000000000006"
            try await post(app, "/gremien/\(committee)/mitglieder", session: planner,
                           fields: [("newPerson", Self.name), ("role", "member"), ("votingRight", "ja"), ("start", "2025-01-01")]) { res in
                #expect(res.status == .seeOther)
            }
            let person = try #require(try await app.participationStore.all(.person, as: Person.self).map(\.value).first { $0.name == Self.name })
            let id = person.id.uuidString.lowercased()
            // Only administrators handle data protection requests.
            try await get(app, "/verwaltung/personen", session: planner) { res in #expect(res.status == .forbidden) }
            try await post(app, "/verwaltung/personen/\(id)/loeschen", session: planner, fields: [("bestaetigt", "ja")]) { res in #expect(res.status == .forbidden) }
            let admin = try await login(app, DemoLogin.admin)
            try await get(app, "/verwaltung/personen?q=zwetschgen", session: admin) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(Self.name) && res.body.string.contains("Ausschuss für Soziales"))
                #expect(!res.body.string.contains("Klaus Kreis"))
            }
            try await get(app, "/verwaltung/personen/\(id)/daten.json", session: admin) { res in
                #expect(res.status == .ok && res.headers.first(name: .cacheControl)?.contains("no-store") == true, "\(res.headers)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                let participation = try #require(json["participation"] as? [String: Any])
                #expect((participation["persons"] as? [[String: Any]])?.first?["name"] as? String == Self.name)
                #expect((participation["memberships"] as? [[String: Any]])?.count == 1)
                #expect(json["account"] == nil)
            }
            try await get(app, "/verwaltung/personen/\(id)/loeschen", session: admin) { res in
                #expect(res.status == .ok && res.body.string.contains("„\(Self.name)“"))
            }
            // Without the confirmation nothing happens.
            try await post(app, "/verwaltung/personen/\(id)/loeschen", session: admin) { res in #expect(res.status == .unprocessableEntity) }
            #expect(try await app.participationStore.one(.person, id: person.id, as: Person.self)?.value.name == Self.name)
            try await post(app, "/verwaltung/personen/\(id)/loeschen", session: admin, fields: [("bestaetigt", "ja")]) { res in #expect(res.status == .seeOther) }
            #expect(try await app.participationStore.one(.person, id: person.id, as: Person.self)?.value.name == UserAccount.pseudonym(for: person.id))
            for (table, text) in try await Self.dump(app) {
                #expect(!text.contains("Zwetschgenbaum"), "table \(table) still holds the name")
            }
            try await get(app, "/gremien/\(committee)", session: nil) { res in #expect(!res.body.string.contains("Zwetschgenbaum")) }
            // The seat ended on the day of erasure (no vote for a pseudonym), and the pseudonym is offered to no form.
            let seat = try #require(try await app.participationStore.all(.membership, as: Membership.self).map(\.value).first { $0.personID == person.id })
            #expect(seat.end == Day(testNow))
            try await get(app, "/gremien/\(committee)", session: planner) { res in
                #expect(!res.body.string.contains(#"value="\#(id)""#))
            }
            try await get(app, "/verwaltung/personen", session: admin) { res in #expect(res.body.string.contains("gelöscht")) }
        }
    }
}
