import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Every form, sent empty and with bad values by someone allowed to send it, answers in words people understand: no
/// field names in code, no ids, no English developer messages, and no general "Angaben nicht verarbeitbar" page that
/// does not say what is wrong.
@Suite("Every form answers in words people understand")
struct FormWordsHTTPTests {
    /// Fields forms use, each sent with a value that cannot be right.
    static let fields = ["title", "name", "text", "reason", "date", "start", "end", "deadline", "due", "amount", "year", "value", "number", "reference",
                         "email", "postcode", "status", "state", "event", "decision", "kind", "type", "progress", "weight", "yes", "no", "abstain",
                         "section", "note", "milestoneDate", "milestoneText", "indicators", "targets", "amounts", "costs", "criteria", "threshold", "body",
                         "paper", "resolution", "person", "organisation", "parentId", "programme", "budgetLine", "requested", "ownFunds", "otherFunding",
                         "places", "fte", "minAge", "maxAge", "latitude", "longitude", "openingHours", "phases", "categories", "item", "direction", "part",
                         "verdict", "scope", "tokenName", "code", "unit", "factor", "decimals", "minimumCount", "sharePercent", "financing", "role",
                         "vote", "category", "first", "second", "reviewer", "authority", "street", "city", "legalRemedy", "milestone", "key", "parent"]

    /// Words that give away the code behind a message.
    static let forbidden = ["must be", "must name", "not an id", "is missing", "choose a", "invalid", "expected", "the request", "decod", "Optional(",
                            "unknown attendance", "the call", "only a", "is decided", "is final", "is kept", "not open", "malformed", "section-"]

    /// The texts of error summaries, field errors and error details on a page.
    static func messages(_ html: String) -> [String] {
        var found: [String] = []
        for pattern in [#"<div class="error-summary"[^>]*>(.*?)</div>"#, #"<p class="field-error"[^>]*>(.*?)</p>"#, #"<p class="error-detail">(.*?)</p>"#] {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
            for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                if let range = Range(match.range(at: 1), in: html) {
                    found.append(html[range].replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression))
                }
            }
        }
        return found
    }

    static let uuid = try! NSRegularExpression(pattern: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
    /// A name in code before a colon: "milestoneDate:", "file:", "note:".
    static let codeName = try! NSRegularExpression(pattern: #"(^|[\s(])([a-z]+[A-Z][A-Za-z]*|file|note|text|item|part|kind|state|event)\s*:"#)

    /// What is wrong with one answer, if anything.
    static func problems(_ res: TestingHTTPResponse) -> [String] {
        problems(status: Int(res.status.code), html: res.headers.contentType?.subType == "html" ? res.body.string : nil)
    }

    static func problems(status: Int, html: String?) -> [String] {
        var problems: [String] = []
        if status >= 500 { problems.append("status \(status)") }
        guard let html else { return problems }
        let texts = messages(html)
        for text in texts {
            for word in forbidden where text.localizedCaseInsensitiveContains(word) { problems.append("„\(word)“ in „\(text.prefix(160))“") }
            if uuid.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil { problems.append("an id in „\(text.prefix(160))“") }
            if codeName.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil { problems.append("a field name in code in „\(text.prefix(160))“") }
        }
        // A general error page for bad input must say what was wrong.
        if [400, 409, 422].contains(status), html.contains("<h1>Angaben nicht verarbeitbar</h1>") || html.contains("<h1>Konflikt</h1>")
            || html.contains("<h1>Ungültige Anfrage</h1>"), !html.contains("class=\"error-detail\"") {
            problems.append("a general error page without saying what is wrong")
        }
        return problems
    }

    @Test func theCheckFindsWhatItLooksFor() {
        #expect(Self.problems(status: 422, html: "<main><h1>Angaben nicht verarbeitbar</h1><p>Die Angaben sind unvollständig</p></main>").count == 1)
        #expect(Self.problems(status: 422, html: "<h1>Angaben nicht verarbeitbar</h1><p class=\"error-detail\">Bitte eine Vorlage wählen.</p>").isEmpty)
        #expect(Self.problems(status: 422, html: "<p class=\"field-error\" id=\"x\">milestoneDate: fehlt.</p>").count == 1)
        #expect(Self.problems(status: 422, html: "<div class=\"error-summary\" role=\"alert\"><ul><li>section-5b0c1e2a-0100-4000-8000-000000000001: fehlt.</li></ul></div>").count == 2)
        #expect(Self.problems(status: 409, html: "<p class=\"error-detail\">the call of this programme is not open</p>").count == 2)
        #expect(Self.problems(status: 500, html: nil) == ["status 500"])
        #expect(Self.problems(status: 422, html: "<p class=\"field-error\" id=\"x\">Datum: „Σ 95 %“ ist kein gültiges Datum.</p>").isEmpty)
    }

    @Test func everyFormSentEmptyOrWrongIsAnsweredInWords() async throws {
        try await withTestApp { app in
            let store = AccountStore(database: app.db)
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let logins: [DemoAccounts.Login] = [DemoLogin.planner, DemoLogin.admin, DemoLogin.provider, DemoLogin.bodyMember, DemoLogin.reviewer]
            var principals: [(DemoAccounts.Login, Principal)] = []
            for login in logins {
                let user = try #require(try await store.credentials(email: login.email)?.user)
                principals.append((login, user.principal(bodies: try await ParticipationStore(database: app.db).bodies(ofUser: user.id, on: Day(testNow)))))
            }
            let applicant = try await FundingStore(database: app.db).one(.application, id: UUID(uuidString: RouteInventoryTests.reviewedApplication)!,
                                                                          as: FundingApplication.self)!.value.organisationID
            // Sessions, logins and one-time links are not forms about data; deleting and erasing need a confirmation the bad values never give.
            let skipped = ["POST /anmelden", "POST /abmelden", "POST /zugang/:token", "POST /konto/passwort"]
            var failures: [String] = []
            var checked = 0
            for route in app.routes.all where route.method == .POST {
                let name = RouteInventoryTests.name(route)
                guard !skipped.contains(name), let permission = RouteInventoryTests.table[name] else { continue }
                let scope: Scope
                switch permission.scope {
                case .organisationParameter: scope = .organisation(counselling)
                case .bodyParameter: scope = .body(UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000001")!)
                case .applicationOrganisation: scope = .organisation(applicant)
                case .none: scope = .none
                }
                guard let login = principals.first(where: { Policy.decide($0.1, permission.action, scope: scope).isAllowed })?.0 else { continue }
                let path = RouteInventoryTests.fillServiceParameters("/" + route.path.map(\.description).joined(separator: "/"))
                    .replacingOccurrences(of: ":key", with: "06532023").replacingOccurrences(of: ":code", with: "bevoelkerung")
                    .replacingOccurrences(of: ":number", with: "1").replacingOccurrences(of: ":report", with: UUID().uuidString)
                    .replacingOccurrences(of: ":id", with: counselling.uuidString.lowercased())
                for bad in [[], Self.fields.map { ($0, "Σ 95 %") }, Self.fields.map { ($0, "1e308") }, Self.fields.map { ($0, "-3") }] {
                    let session = try await SoplaWebTests.login(app, login)
                    try await app.testing().test(.POST, path, beforeRequest: { req in
                        setCookies(&req, session: session, anonymousToken: nil)
                        req.headers.contentType = .urlEncodedForm
                        req.body = formBody([("_csrf", session.csrf)] + bad)
                    }) { res in
                        checked += 1
                        for problem in Self.problems(res) { failures.append("\(name) as \(login.email) (\(bad.first?.1 ?? "leer")): \(problem)") }
                    }
                }
            }
            #expect(checked > 400, "\(checked) answers checked")
            #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) answers:\n" + failures.joined(separator: "\n")))
        }
    }
}

@Suite("The audit log names what it refers to")
struct AuditNamesHTTPTests {
    @Test func noIdShowsInTheLogOrInAMeasuresHistory() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let measure = try #require(try await app.participationStore.all(.measure, as: Measure.self).first { $0.value.parentID != nil })
            let path = "/massnahmen/" + measure.id.uuidString.lowercased()
            let parent = try #require(try await app.participationStore.one(.measure, id: measure.value.parentID!, as: Measure.self)?.value)
            // A change of the parent measure: the history names both measures, never their ids.
            let other = try #require(try await app.participationStore.all(.measure, as: Measure.self).first { $0.id != measure.id && $0.id != parent.id && $0.value.parentID == nil })
            try await post(app, path, session: planner, fields: [("title", measure.value.title), ("status", measure.value.status.rawValue), ("weight", "1"),
                                                                 ("parentId", other.id.uuidString.lowercased())]) { res in #expect(res.status == .seeOther) }
            try await get(app, path, session: planner) { res in
                #expect(res.body.string.contains(parent.title + " → " + other.value.title))
            }
            let admin = try await login(app, DemoLogin.admin)
            let uuid = try NSRegularExpression(pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            let changes = try NSRegularExpression(pattern: #"<ul class="changes">(.*?)</ul>"#, options: [.dotMatchesLineSeparators])
            var pages = 0
            for page in 1...40 {
                var html = ""
                try await get(app, "/verwaltung/protokoll?seite=\(page)", session: admin) { res in html = res.body.string }
                for match in changes.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                    let text = String(html[Range(match.range(at: 1), in: html)!])
                    #expect(uuid.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(text.prefix(300))")
                }
                pages += 1
                if !html.contains("seite=\(page + 1)") { break }
            }
            #expect(pages > 1)
        }
    }
}

@Suite("Erasure warns of free text that keeps the name")
struct ErasureWarningHTTPTests {
    @Test func theConfirmationListsWhereTheNameStandsInFreeText() async throws {
        try await withTestApp { app in
            let admin = try await login(app, DemoLogin.admin)
            let tina = try #require(try await AccountStore(database: app.db).credentials(email: DemoLogin.provider.email)?.user)
            // A proposal text that names her, written by someone else.
            let store = app.participationStore
            let measure = try #require(try await store.all(.measure, as: Measure.self).first)
            var changed = measure.value
            changed.title = "Gespräch mit Tina Träger (Beispiel) führen"
            try await store.save(.measure, id: measure.id, changed, label: changed.title, actor: .system(), at: testNow)
            try await get(app, "/verwaltung/benutzer/\(tina.id.uuidString.lowercased())/loeschen", session: admin) { res in
                let body = res.body.string
                #expect(body.contains("Die Löschung ersetzt nur Namensfelder"))
                #expect(body.contains("<li>Maßnahme: 1 Eintrag</li>") || body.contains("Maßnahme: "))
                #expect(!body.contains("measures:") && !body.contains("participation-measure"))
            }
            // Someone nobody mentions gets no warning.
            let gerd = try #require(try await AccountStore(database: app.db).credentials(email: "finanzpruefung@demo.sopla.example")?.user)
            try await get(app, "/verwaltung/benutzer/\(gerd.id.uuidString.lowercased())/loeschen", session: admin) { res in
                #expect(!res.body.string.contains("Die Löschung ersetzt nur Namensfelder"))
            }
        }
    }
}
