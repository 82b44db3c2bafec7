import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Accounts over HTTP")
struct AccountsHTTPTests {
    @Test func loginSetsASafeSessionCookieAndIsAudited() async throws {
        try await withTestApp { app in
            let token = try await anonymousFormToken(app)
            try await post(app, "/anmelden?x=1", session: nil, fields: [("email", "PLANUNG@demo.sopla.example"), ("password", DemoLogin.planner.password), ("weiter", "/organisationen")],
                           anonymousToken: token) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/organisationen")
                let cookie = try #require(res.headers.setCookie?[SessionCookie.name])
                #expect(cookie.isHTTPOnly)
                #expect(cookie.sameSite == .lax)
                #expect(!cookie.isSecure)
                #expect(cookie.string.count == 43)
            }
            let entries = try await AccountStore(database: app.db).audit(AuditQuery(action: .login)).entries
            #expect(entries.map(\.actor.label) == [DemoLogin.planner.displayName])
        }
    }

    @Test func pagesForLoggedInPeopleAreNotCached() async throws {
        try await withTestApp { app in
            let session = try await login(app, DemoLogin.admin)
            try await get(app, "/verwaltung/benutzer", session: session) { res in
                #expect(res.headers.first(name: .cacheControl) == "no-store, private")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            }
            try await get(app, "/organisationen", session: nil) { res in
                #expect(res.headers.first(name: .cacheControl) == "no-cache")
            }
        }
    }

    @Test func secureCookiesBehindHTTPS() async throws {
        try await withTestApp { app in
            let token = try await anonymousFormToken(app)
            try await app.testing().test(.POST, "/anmelden", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .cookie, value: "\(SessionCookie.csrfName)=\(token)")
                req.headers.replaceOrAdd(name: "X-Forwarded-Proto", value: "https")
                req.headers.contentType = .urlEncodedForm
                req.body = formBody([("_csrf", token), ("email", DemoLogin.admin.email), ("password", DemoLogin.admin.password)])
            }) { res in
                // Without SOPLA_TRUST_PROXY the header is ignored ...
                #expect(res.headers.setCookie?[SessionCookie.name]?.isSecure == false)
            }
        }
    }

    @Test func wrongPasswordsAndUnknownAddressesGetTheSameAnswer() async throws {
        try await withTestApp { app in
            var bodies: [String] = []
            for (email, password) in [(DemoLogin.admin.email, "falsches-Passwort-1"), ("niemand@kreis.example", "falsches-Passwort-1")] {
                let token = try await anonymousFormToken(app)
                try await post(app, "/anmelden", session: nil, fields: [("email", email), ("password", password)], anonymousToken: token) { res in
                    #expect(res.status == .unauthorized)
                    #expect(res.headers.setCookie?[SessionCookie.name] == nil)
                    #expect(res.text.contains("E-Mail-Adresse oder Passwort sind nicht richtig."))
                    bodies.append(res.text.replacingOccurrences(of: email, with: "").replacingOccurrences(of: token, with: ""))
                }
            }
            #expect(bodies[0] == bodies[1])
            let failed = try await AccountStore(database: app.db).audit(AuditQuery(action: .loginFailed)).entries
            #expect(Set(failed.map(\.entityLabel)) == [DemoLogin.admin.email, "niemand@kreis.example"])
        }
    }

    @Test func throttlingStartsAfterFiveFailuresAndLifts() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock.clock) { app in
            for _ in 0..<5 {
                let token = try await anonymousFormToken(app)
                try await post(app, "/anmelden", session: nil, fields: [("email", DemoLogin.admin.email), ("password", "nicht-das-richtige")], anonymousToken: token) { res in
                    #expect(res.status == .unauthorized)
                }
            }
            // The sixth attempt is refused even with the right password, before the password is checked.
            let token = try await anonymousFormToken(app)
            try await post(app, "/anmelden", session: nil, fields: [("email", DemoLogin.admin.email), ("password", DemoLogin.admin.password)], anonymousToken: token) { res in
                #expect(res.status == .tooManyRequests)
                #expect(res.headers.first(name: .retryAfter) == "30")
                #expect(res.text.contains("in 30 Sekunden"))
                #expect(res.headers.setCookie?[SessionCookie.name] == nil)
            }
            clock.advance(31)
            try await post(app, "/anmelden", session: nil, fields: [("email", DemoLogin.admin.email), ("password", DemoLogin.admin.password)], anonymousToken: token) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await AccountStore(database: app.db).audit(AuditQuery(action: .loginThrottled)).total == 1)
        }
    }

    @Test func formsWithoutTheTokenChangeNothing() async throws {
        try await withTestApp { app in
            let session = try await login(app, DemoLogin.planner)
            let before = try await AccountStore(database: app.db).organisations()
            try await post(app, "/organisationen", session: session, fields: [("name", "Neue Stelle"), ("kind", "provider")], csrf: "") { res in
                #expect(res.status == .forbidden)
                #expect(res.text.contains("Das Formular war abgelaufen oder unvollständig"))
            }
            try await post(app, "/organisationen", session: session, fields: [("name", "Neue Stelle"), ("kind", "provider")], csrf: "gefälscht") { res in
                #expect(res.status == .forbidden)
            }
            // A token of another session does not help either.
            let other = try await login(app, DemoLogin.admin)
            try await post(app, "/organisationen", session: session, fields: [("name", "Neue Stelle"), ("kind", "provider")], csrf: other.csrf) { res in
                #expect(res.status == .forbidden)
            }
            #expect(try await AccountStore(database: app.db).organisations() == before)
            try await post(app, "/organisationen", session: session, fields: [("name", "Neue Stelle"), ("kind", "provider")]) { res in
                #expect(res.status == .seeOther)
            }
        }
    }

    @Test func aProviderCannotEditAnotherProvidersOrganisationEvenByCraftingTheRequest() async throws {
        try await withTestApp { app in
            let session = try await login(app, DemoLogin.provider)
            let own = try await organisationID(app, named: DemoAccounts.counselling)
            let other = try await organisationID(app, named: DemoAccounts.familyCentre)
            let store = AccountStore(database: app.db)
            let otherBefore = try await store.organisation(id: other)
            try await post(app, "/organisationen/\(other.uuidString.lowercased())", session: session,
                           fields: [("name", "Übernommen"), ("kind", "provider")]) { res in
                #expect(res.status == .forbidden)
            }
            try await get(app, "/organisationen/\(other.uuidString.lowercased())/bearbeiten", session: session) { res in
                #expect(res.status == .forbidden)
            }
            #expect(try await store.organisation(id: other) == otherBefore)
            // Their own organisation: contact details change; kind and parent stay, whatever the request says.
            let ownBefore = try #require(try await store.organisation(id: own))
            try await post(app, "/organisationen/\(own.uuidString.lowercased())", session: session,
                           fields: [("name", ownBefore.name), ("kind", "league"), ("parentId", ""), ("phone", "02772 123"), ("city", "Herborn")]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasSuffix("?hinweis=gespeichert") == true)
            }
            let ownAfter = try #require(try await store.organisation(id: own))
            #expect(ownAfter.phone == "02772 123")
            #expect(ownAfter.kind == .provider)
            #expect(ownAfter.parentID == ownBefore.parentID)
            let entry = try #require(try await store.audit(AuditQuery(entityType: AuditEntity.organisation, entityID: own.uuidString, action: .update)).entries.first)
            #expect(entry.changes == [FieldChange(field: "phone", before: nil, after: "02772 123")])
            #expect(entry.actor.label == DemoLogin.provider.displayName)
        }
    }

    @Test func invalidOrganisationsAreRefusedWithEveryProblemAndNothingStored() async throws {
        try await withTestApp { app in
            let session = try await login(app, DemoLogin.planner)
            let before = try await AccountStore(database: app.db).organisations()
            try await post(app, "/organisationen", session: session, fields: [("name", "  "), ("kind", "provider"), ("postcode", "123"), ("website", "sonnenweg")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("Bitte korrigieren Sie die folgenden Angaben"))
                #expect(res.text.contains("Name: fehlt."))
                #expect(res.text.contains("Postleitzahl: muss aus fünf Ziffern bestehen."))
                #expect(res.text.contains("aria-invalid=\"true\""))
                #expect(res.text.contains("value=\"sonnenweg\""))
            }
            try await post(app, "/organisationen", session: session, fields: [("name", DemoAccounts.league.uppercased()), ("kind", "league")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("ist bereits vergeben."))
            }
            #expect(try await AccountStore(database: app.db).organisations() == before)
        }
    }

    @Test func deactivationNeedsConfirmationAndKeepsTheRecord() async throws {
        try await withTestApp { app in
            let session = try await login(app, DemoLogin.planner)
            let id = try await organisationID(app, named: DemoAccounts.familyCentre).uuidString.lowercased()
            try await get(app, "/organisationen/\(id)/deaktivieren", session: session) { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("Organisation deaktivieren?"))
            }
            try await post(app, "/organisationen/\(id)/deaktivieren", session: session, fields: [("bestaetigt", "ja")]) { res in
                #expect(res.status == .seeOther)
            }
            try await get(app, "/organisationen", session: nil) { res in
                #expect(!res.text.contains("Familienzentrum Lindenhof"))
            }
            try await get(app, "/organisationen?status=inaktiv", session: nil) { res in
                #expect(res.text.contains("Familienzentrum Lindenhof"))
            }
            try await get(app, "/organisationen/\(id)?hinweis=deaktiviert", session: session) { res in
                #expect(res.text.contains("Deaktiviert. Der Eintrag bleibt erhalten"))
                #expect(res.text.contains("<li>Status: aktiv → deaktiviert</li>"))
            }
            try await post(app, "/organisationen/\(id)/aktivieren", session: session) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await AccountStore(database: app.db).organisation(id: UUID(uuidString: id)!)?.active == true)
        }
    }

    @Test func adminsCreateUsersInviteThemAndTheLinkWorksOnce() async throws {
        try await withTestApp { app in
            let admin = try await login(app, DemoLogin.admin)
            let org = try await organisationID(app, named: DemoAccounts.familyCentre).uuidString.lowercased()
            try await post(app, "/verwaltung/benutzer", session: admin, fields: [("displayName", "Nora Neu"), ("email", "Nora.Neu@Kreis.example"),
                                                                                 ("roles[]", "provider"), ("organisations[]", org)]) { res in
                #expect(res.status == .seeOther)
            }
            // The same address in other letters is taken.
            try await post(app, "/verwaltung/benutzer", session: admin, fields: [("displayName", "Nora"), ("email", "nora.neu@kreis.EXAMPLE")]) { res in
                #expect(res.status == .conflict)
                #expect(res.text.contains("ist bereits vergeben."))
            }
            try await post(app, "/verwaltung/benutzer", session: admin, fields: [("displayName", "Xaver"), ("email", "x@kreis.example"), ("roles[]", "superuser")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("„superuser“ ist kein zulässiger Wert."))
            }
            let store = AccountStore(database: app.db)
            let nora = try #require(try await store.credentials(email: "nora.neu@kreis.example")?.user)
            #expect(nora.roles == [.provider])
            #expect(!nora.hasPassword)
            var link = ""
            try await post(app, "/verwaltung/benutzer/\(nora.id.uuidString.lowercased())/zugangslink", session: admin) { res in
                #expect(res.status == .created)
                let html = res.text
                let start = try #require(html.range(of: "id=\"zugangslink\">"))
                link = String(html[start.upperBound...].prefix { $0 != "<" })
            }
            let path = try #require(URLComponents(string: link)?.path)
            #expect(path.hasPrefix("/zugang/"))
            try await get(app, path, session: nil) { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("Einladung annehmen"))
            }
            let token = try await anonymousFormToken(app)
            try await post(app, path, session: nil, fields: [("password", "kurz"), ("passwordConfirmation", "kurz")], anonymousToken: token) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("ist zu kurz (mindestens 12 Zeichen)."))
            }
            try await post(app, path, session: nil, fields: [("password", "Drei-Birnen-im-Regen"), ("passwordConfirmation", "Drei-Birnen-im-Regen")], anonymousToken: token) { res in
                #expect(res.status == .seeOther)
            }
            try await post(app, path, session: nil, fields: [("password", "Vier-Birnen-im-Regen"), ("passwordConfirmation", "Vier-Birnen-im-Regen")], anonymousToken: token) { res in
                #expect(res.status == .gone)
                #expect(res.text.contains("Link nicht mehr gültig"))
            }
            _ = try await login(app, "nora.neu@kreis.example", "Drei-Birnen-im-Regen")
        }
    }

    @Test func expiredLinksAndSessionsStopWorking() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock.clock) { app in
            let store = AccountStore(database: app.db)
            let user = try #require(try await store.credentials(email: DemoLogin.reviewer.email)?.user)
            let (token, purpose) = try await AccountService(app: app).createAccessLink(for: user, actor: .system())
            #expect(purpose == .passwordReset)
            let session = try await login(app, DemoLogin.planner)
            clock.advance(2 * 3600 + 1)
            try await get(app, "/zugang/\(token)", session: nil) { res in
                #expect(res.status == .ok)
            }
            try await get(app, "/konto", session: session) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/anmelden?weiter=/konto")
            }
            clock.advance(24 * 3600)
            try await get(app, "/zugang/\(token)", session: nil) { res in
                #expect(res.status == .notFound)
                #expect(res.text.contains("Link nicht mehr gültig"))
            }
        }
    }

    @Test func forgedCookiesAndTokensGetNothing() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/konto", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .cookie, value: "\(SessionCookie.name)=gefaelscht")
            }) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/api/v1/me", beforeRequest: { req in
                req.headers.bearerAuthorization = BearerAuthorization(token: "sopla_gefaelscht")
            }) { res in
                #expect(res.status == .unauthorized)
                #expect(res.headers.first(name: .wwwAuthenticate) == "Bearer realm=\"sopla\"")
                #expect(res.text.contains("\"invalid_token\""))
            }
        }
    }

    @Test func apiTokensAreShownOnceScopedAndRevocable() async throws {
        try await withTestApp { app in
            let session = try await login(app, DemoLogin.provider)
            var tokens: [String: String] = [:]
            for scope in ["read", "read-write"] {
                try await post(app, "/konto/tokens", session: session, fields: [("tokenName", "Auswertung \(scope)"), ("scope", scope)]) { res in
                    #expect(res.status == .created)
                    let html = res.text
                    let start = try #require(html.range(of: "id=\"neues-token\">"))
                    tokens[scope] = String(html[start.upperBound...].prefix { $0 != "<" })
                }
            }
            try await get(app, "/konto", session: session) { res in
                #expect(!res.text.contains(tokens["read"]!))
                #expect(res.text.contains(String(tokens["read"]!.prefix(12)) + "…"))
            }
            let stored = try await AccountStore(database: app.db).apiTokens(userID: try #require(try await AccountStore(database: app.db).credentials(email: DemoLogin.provider.email)?.user.id))
            #expect(stored.count == 2)
            let own = try await organisationID(app, named: DemoAccounts.counselling).uuidString.lowercased()
            let other = try await organisationID(app, named: DemoAccounts.familyCentre).uuidString.lowercased()
            func patch(_ id: String, token: String, _ body: String, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
                try await app.testing().test(.PATCH, "/api/v1/organisations/\(id)", beforeRequest: { req in
                    req.headers.bearerAuthorization = BearerAuthorization(token: token)
                    req.headers.contentType = .json
                    req.body = ByteBuffer(string: body)
                }, afterResponse: check)
            }
            try await app.testing().test(.GET, "/api/v1/me", beforeRequest: { req in
                req.headers.bearerAuthorization = BearerAuthorization(token: tokens["read"]!)
            }) { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("\"access\":\"token-read\""))
            }
            try await patch(own, token: tokens["read"]!, #"{"phone":"02772 5"}"#) { res in #expect(res.status == .forbidden) }
            try await patch(other, token: tokens["read-write"]!, #"{"phone":"02772 5"}"#) { res in #expect(res.status == .forbidden) }
            try await patch(own, token: tokens["read-write"]!, #"{"kind":"league"}"#) { res in #expect(res.status == .forbidden) }
            try await patch(own, token: tokens["read-write"]!, #"{"postcode":"12"}"#) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("\"field\":\"postcode\""))
            }
            try await patch(own, token: tokens["read-write"]!, #"{"colour":"blau"}"#) { res in #expect(res.status == .unprocessableEntity) }
            try await patch(own, token: tokens["read-write"]!, #"{"phone":"02772 5","website":null}"#) { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("\"phone\":\"02772 5\""))
            }
            let readID = try #require(stored.first { $0.scope == .read }).id.uuidString.lowercased()
            try await post(app, "/konto/tokens/\(readID)/widerrufen", session: session) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/api/v1/me", beforeRequest: { req in
                req.headers.bearerAuthorization = BearerAuthorization(token: tokens["read"]!)
            }) { res in
                #expect(res.status == .unauthorized)
            }
        }
    }

    @Test func oversizedBodiesAreRefused() async throws {
        try await withTestApp { app in
            let session = try await login(app, DemoLogin.planner)
            try await post(app, "/organisationen", session: session, fields: [("name", String(repeating: "x", count: 1_100_000)), ("kind", "provider")]) { res in
                #expect(res.status == .payloadTooLarge)
            }
        }
    }

    @Test func passwordChangeNeedsTheCurrentPasswordAndEndsOtherSessions() async throws {
        try await withTestApp { app in
            let first = try await login(app, DemoLogin.bodyMember)
            let second = try await login(app, DemoLogin.bodyMember)
            try await post(app, "/konto/passwort", session: first, fields: [("currentPassword", "falsch-falsch-1"), ("password", "Neue-Sitzung-Morgen"), ("passwordConfirmation", "Neue-Sitzung-Morgen")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("Bisheriges Passwort: ist nicht richtig."))
            }
            try await post(app, "/konto/passwort", session: first, fields: [("currentPassword", DemoLogin.bodyMember.password), ("password", "Neue-Sitzung-Morgen"), ("passwordConfirmation", "Neue-Sitzung-Morgen")]) { res in
                #expect(res.status == .seeOther)
            }
            try await get(app, "/konto", session: first) { res in #expect(res.status == .ok) }
            try await get(app, "/konto", session: second) { res in #expect(res.status == .seeOther) }
            let entries = try await AccountStore(database: app.db).auditAll(AuditQuery(action: .passwordChanged))
            #expect(entries.count == 1)
            #expect(entries[0].changes.isEmpty)
            _ = try await login(app, DemoLogin.bodyMember.email, "Neue-Sitzung-Morgen")
        }
    }

    @Test func personalDataIsExportedAndErasedWithAuditKeptUnderAPseudonym() async throws {
        try await withTestApp { app in
            let admin = try await login(app, DemoLogin.admin)
            _ = try await login(app, DemoLogin.reviewer)
            let store = AccountStore(database: app.db)
            let reviewer = try #require(try await store.credentials(email: DemoLogin.reviewer.email)?.user)
            let id = reviewer.id.uuidString.lowercased()
            try await get(app, "/verwaltung/benutzer/\(id)/daten.json", session: admin) { res in
                #expect(res.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [String: Any]
                let account = json?["account"] as? [String: Any]
                #expect(account?["email"] as? String == DemoLogin.reviewer.email)
                #expect((json?["auditEntries"] as? [Any])?.count ?? 0 >= 2)
                #expect(!res.text.contains("password"))
            }
            try await post(app, "/verwaltung/benutzer/\(id)/loeschen", session: admin) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, "/verwaltung/benutzer/\(id)/loeschen", session: admin, fields: [("bestaetigt", "ja")]) { res in
                #expect(res.status == .seeOther)
            }
            let erased = try #require(try await store.user(id: reviewer.id))
            let pseudonym = UserAccount.pseudonym(for: reviewer.id)
            #expect(erased.displayName == pseudonym)
            #expect(erased.erasedAt != nil && !erased.active && !erased.hasPassword)
            let all = try await store.auditAll(AuditQuery())
            for entry in all {
                let text = "\(entry.actor.label) \(entry.entityLabel) \(entry.changes)"
                #expect(!text.contains(DemoLogin.reviewer.email) && !text.contains(DemoLogin.reviewer.displayName), "\(entry.action)")
            }
            #expect(all.contains { $0.action == .login && $0.actor.label == pseudonym })
            #expect(all.contains { $0.action == .erase && $0.entityLabel == pseudonym })
            let token = try await anonymousFormToken(app)
            try await post(app, "/anmelden", session: nil, fields: [("email", DemoLogin.reviewer.email), ("password", DemoLogin.reviewer.password)], anonymousToken: token) { res in
                #expect(res.status == .unauthorized)
            }
        }
    }

    @Test func theAuditLogFiltersAndExportsCSV() async throws {
        try await withTestApp { app in
            let admin = try await login(app, DemoLogin.admin)
            try await get(app, "/verwaltung/protokoll?aktion=login", session: admin) { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("1 Treffer") || res.text.contains("1 Ergebnis") || res.text.contains(">1 "))
                #expect(res.text.contains(DemoLogin.admin.displayName))
            }
            try await get(app, "/verwaltung/protokoll?von=2025-13-01", session: admin) { res in
                #expect(res.status == .badRequest)
                #expect(res.text.contains("„2025-13-01“ ist kein Tag von 1900 bis 2100 (z. B. 31.12.2025)."))
            }
            try await get(app, "/verwaltung/protokoll.csv?objekt=organisation&aktion=create", session: admin) { res in
                #expect(res.status == .ok)
                let lines = res.text.split(separator: "\r\n")
                #expect(lines.count == 1 + DemoAccounts.organisations.count)
                #expect(lines[0].hasSuffix("Zeitpunkt;wer;Adresse;Aktion;Objektart;ID;Objekt;Änderungen"))
                // The action and the kind of record in the words of the page, not their codes (create, organisation).
                #expect(lines.dropFirst().allSatisfy { $0.contains(";Angelegt;Organisation;") })
            }
        }
    }
}

@Suite("Planning areas by hand")
struct ChildUnitFormTests {
    @Test func plannersCreatePlanningAreasOthersDoNot() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/gebiete/06532023", session: planner) { res in
                #expect(res.text.contains("href=\"/gebiete/06532023/untergebiete/neu\""))
                #expect(res.text.contains("Planungsraum anlegen"))
            }
            try await get(app, "/gebiete/06532", session: planner) { res in
                #expect(!res.text.contains("untergebiete/neu"))
            }
            try await get(app, "/gebiete/06532023", session: nil) { res in
                #expect(!res.text.contains("untergebiete/neu"))
            }
            try await post(app, "/gebiete/06532023/untergebiete", session: planner, fields: [("localCode", "alt stadt"), ("name", " ")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("Kennung: „alt stadt“ ist kein zulässiger Wert."))
                #expect(res.text.contains("Name: fehlt."))
            }
            try await post(app, "/gebiete/06532023/untergebiete", session: planner, fields: [("localCode", "001"), ("name", "Altstadt"), ("kind", "Sozialraum")]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/gebiete/06532023-001?hinweis=angelegt")
            }
            try await post(app, "/gebiete/06532023/untergebiete", session: planner, fields: [("localCode", "001"), ("name", "Noch einmal")]) { res in
                #expect(res.status == .conflict)
                #expect(res.text.contains("Kennung: ist bereits vergeben."))
            }
            let unit = try #require(try await app.spatial.unit(key: "06532023-001"))
            #expect(unit.name == "Altstadt" && unit.kind == "Sozialraum" && unit.parentKey == "06532023" && unit.levelCode == "planning-area")
            let entry = try #require(try await AccountStore(database: app.db).audit(AuditQuery(entityType: AuditEntity.spatialUnit, entityID: "06532023-001")).entries.first)
            #expect(entry.actor.label == DemoLogin.planner.displayName)
            #expect(entry.changes.contains(FieldChange(field: "name", before: nil, after: "Altstadt")))
            let provider = try await login(app, DemoLogin.provider)
            try await post(app, "/gebiete/06532023/untergebiete", session: provider, fields: [("localCode", "002"), ("name", "Hauser")]) { res in
                #expect(res.status == .forbidden)
            }
            #expect(try await app.spatial.unit(key: "06532023-002") == nil)
        }
    }
}
