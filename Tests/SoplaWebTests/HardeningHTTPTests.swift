import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Redirects, headers and host names")
struct RedirectAndHeaderTests {
    @Test(arguments: [
        ("/organisationen", "/organisationen"),
        ("/gebiete?suche=Wetzlar&seite=2", "/gebiete?suche=Wetzlar&seite=2"),
        ("/gebiete/Aßlar", "/gebiete/A%C3%9Flar"),
    ])
    func sameSitePathsAreKept(raw: String, expected: String) {
        #expect(RedirectTarget.localPath(raw) == expected)
    }

    @Test(arguments: [
        "//evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\nSet-Cookie: sopla_session=X", "/\\evil.example",
        "\\\\evil.example", " /organisationen", "/%2F%2Fevil.example", "/%5Cevil.example", "/%09/evil.example", "/%0D%0ASet-Cookie:x",
        "https://evil.example/", "javascript:alert(1)", "evil.example", "", "/a\u{202E}b", "/a\u{0085}b", "/a\u{2028}b",
    ])
    func everythingElseIsRefused(raw: String) {
        #expect(RedirectTarget.localPath(raw) == nil)
    }

    @Test func aLoginLinkCannotWriteHeaders() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, "/anmelden?weiter=/%0D%0ASet-Cookie:%20sopla_session=X") { res in
                #expect(res.status == .ok)
                #expect(!res.headers.contains(name: "Set-Cookie") || res.headers.setCookie?[SessionCookie.name] == nil)
                // No hidden field takes the target on to the login form.
                #expect(!res.text.contains("name=\"weiter\""))
                for (_, value) in res.headers { #expect(HeaderSafety.isClean(value)) }
            }
        }
    }

    @Test func afterLoginOnlySameSitePathsAreFollowed() async throws {
        try await withTestApp { app in
            for (next, expected) in [("/%09/evil.example", "/konto"), ("/\t/evil.example", "/konto"), ("/\r\nSet-Cookie: sopla_session=X", "/konto"),
                                     ("/\\evil.example", "/konto"), ("/organisationen", "/organisationen")] {
                let token = try await anonymousFormToken(app)
                try await post(app, "/anmelden", session: nil, fields: [("email", DemoLogin.planner.email), ("password", DemoLogin.planner.password), ("weiter", next)],
                               anonymousToken: token) { res in
                    #expect(res.status == .seeOther)
                    #expect(res.headers.first(name: .location) == expected)
                    #expect(res.headers.setCookie?[SessionCookie.name]?.string.count == 43)
                }
            }
        }
    }

    @Test func noHeaderCarriesAControlCharacter() {
        var headers = HTTPHeaders([("Location", "/\r\nSet-Cookie: a=b"), ("X-Name", "a\nb\u{0}c"), ("Content-Type", "text/html")])
        HeaderSafety.clean(&headers)
        #expect(headers.first(name: .location) == "/")
        #expect(headers.first(name: "X-Name") == "abc")
        #expect(headers.first(name: .contentType) == "text/html")
        #expect(!headers.contains(name: "Set-Cookie"))
    }

    @Test func attachmentNamesCannotBreakTheHeader() {
        var headers = HTTPHeaders()
        headers.setAttachment(filename: "Bericht \"2025\"\r\nSet-Cookie: x=y.pdf")
        #expect(headers.first(name: .contentDisposition) == "attachment; filename=\"Bericht _2025_Set-Cookie: x=y.pdf\"; filename*=UTF-8''Bericht%20%222025%22Set-Cookie%3A%20x%3Dy.pdf")
        headers.setAttachment(filename: "Gemeinde Aßlar.csv")
        #expect(headers.first(name: .contentDisposition) == "attachment; filename=\"Gemeinde A_lar.csv\"; filename*=UTF-8''Gemeinde%20A%C3%9Flar.csv")
        headers.setAttachment(filename: "einwohner.csv")
        #expect(headers.contentDisposition?.filename == "einwohner.csv")
    }

    @Test func absoluteLinksComeFromConfigurationNotTheHostHeader() async throws {
        try await withTestApp { app in
            app.storage[SiteAddressKey.self] = SiteAddress.demo(hostname: "127.0.0.1", port: 8123)
            try await app.testing().test(.GET, "/oparl/v1/system", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .host, value: "evil.example")
            }) { res in
                #expect(res.status == .ok)
                #expect(!res.text.contains("evil.example"))
                #expect(res.text.contains("http://127.0.0.1:8123/oparl/v1"))
            }
            app.storage[SettingsKey.self]?.publicURL = "https://sopla.lahn-dill-kreis.example"
            try await app.testing().test(.GET, "/oparl/v1/system", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .host, value: "evil.example")
            }) { res in
                #expect(res.text.contains("https://sopla.lahn-dill-kreis.example/oparl/v1"))
                #expect(!res.text.contains("evil.example"))
            }
        }
    }

    @Test func inProductionUnexpectedHostsAreRefused() async throws {
        try await withTestApp(demo: false) { app in
            var settings = app.settings
            settings.publicURL = "https://sopla.lahn-dill-kreis.example"
            settings.allowedHosts = ["sopla-intern:8080"]
            app.storage[SettingsKey.self] = settings
            app.storage[SiteAddressKey.self] = SiteAddress.serving(hostname: "0.0.0.0", port: 8080, settings: settings)
            for (host, path, status) in [("evil.example", "/", HTTPResponseStatus.misdirectedRequest), ("", "/gebiete", .misdirectedRequest),
                                         ("sopla.lahn-dill-kreis.example", "/", .ok), ("SOPLA.Lahn-Dill-Kreis.example", "/", .ok),
                                         ("sopla-intern:8080", "/", .ok), ("10.1.2.3:8080", "/readyz", .ok), ("127.0.0.1:8080", "/", .misdirectedRequest)] {
                try await app.testing().test(.GET, path, beforeRequest: { req in
                    req.headers.replaceOrAdd(name: .host, value: host)
                }) { res in
                    #expect(res.status == status, "\(host) \(path)")
                }
            }
            // Without a public URL: the listening address and loopback only.
            let local = SiteAddress.serving(hostname: "0.0.0.0", port: 8080, settings: AppSettings(database: settings.database))
            #expect(local.admits(host: "localhost:8080", path: "/"))
            #expect(local.admits(host: "127.0.0.1:8080", path: "/"))
            #expect(!local.admits(host: "evil.example", path: "/"))
            #expect(!local.admits(host: nil, path: "/"))
            #expect(local.listenURL == "http://127.0.0.1:8080")
        }
    }
}

@Suite("Login under concurrency and behind proxies")
struct LoginHardeningTests {
    /// Posts a login as a browser behind the configured proxies would, from `address`.
    func attempt(_ app: Application, _ email: String, _ password: String, from address: String) async throws -> HTTPResponseStatus {
        let token = try await anonymousFormToken(app)
        var status = HTTPResponseStatus.ok
        try await app.testing().test(.POST, "/anmelden", beforeRequest: { req in
            req.headers.replaceOrAdd(name: .cookie, value: "\(SessionCookie.csrfName)=\(token)")
            req.headers.replaceOrAdd(name: .xForwardedFor, value: address)
            req.headers.contentType = .urlEncodedForm
            req.body = formBody([("_csrf", token), ("email", email), ("password", password)])
        }) { res in status = res.status }
        return status
    }

    func expectAttempt(_ app: Application, _ email: String, _ password: String, from address: String, _ expected: HTTPResponseStatus,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let status = try await attempt(app, email, password, from: address)
        #expect(status == expected, sourceLocation: sourceLocation)
    }

    func behindOneProxy(_ app: Application) {
        app.storage[SettingsKey.self]?.proxyHops = 1
    }

    @Test func aBurstOfParallelGuessesChecksOnlyTheAllowedNumberOfPasswords() async throws {
        try await withTestApp { app in
            behindOneProxy(app)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await attempt(app, DemoLogin.admin.email, "falsch-geraten-123", from: "203.0.113.7") }
                }
                return try await group.reduce(into: [HTTPResponseStatus]()) { $0.append($1) }
            }
            // 503: a machine too busy to take the attempt at all (no password checked); never a 500.
            #expect(Set(statuses.map(\.code)).isSubset(of: [401, 429, 503]))
            let checked = statuses.filter { $0 == .unauthorized }.count
            #expect(checked == LoginThrottle.freeFailures || (checked < LoginThrottle.freeFailures && statuses.contains(.serviceUnavailable)))
            #expect(statuses.contains(.tooManyRequests))
            let failed = try await AccountStore(database: app.db).audit(AuditQuery(action: .loginFailed)).total
            #expect(failed == checked)
        }
    }

    @Test func aDatabaseTooBusyForTheWholeWaitIsAnsweredBusyNotBroken() async throws {
        try await withTestApp { app in
            for path in ["/anmelden", "/api/v1/indicators"] {
                let request = Request(application: app, method: .GET, url: URI(path: path), on: app.eventLoopGroup.next())
                let response = try ErrorResponses.response(for: ConnectionPoolTimeoutError.connectionRequestTimeout, request: request)
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers.first(name: .retryAfter) == "5")
            }
        }
    }

    @Test func guessingFromOneAddressDoesNotLockTheOwnerOut() async throws {
        try await withTestApp { app in
            behindOneProxy(app)
            for _ in 0..<LoginThrottle.freeFailures {
                try await expectAttempt(app, DemoLogin.admin.email, "falsch-geraten-123", from: "203.0.113.7", .unauthorized)
            }
            try await expectAttempt(app, DemoLogin.admin.email, DemoLogin.admin.password, from: "203.0.113.7", .tooManyRequests)
            // The owner, elsewhere, signs in.
            try await expectAttempt(app, DemoLogin.admin.email, DemoLogin.admin.password, from: "198.51.100.20", .seeOther)
        }
    }

    @Test func guessingFromManyAddressesMeetsTheAccountCeiling() async throws {
        try await withTestApp { app in
            behindOneProxy(app)
            for n in 0..<LoginThrottle.freeFailuresPerAccount {
                try await expectAttempt(app, DemoLogin.admin.email, "falsch-geraten-123", from: "203.0.113.\(n % 200)", .unauthorized)
            }
            try await expectAttempt(app, DemoLogin.admin.email, DemoLogin.admin.password, from: "198.51.100.20", .tooManyRequests)
            // Other accounts are not affected.
            try await expectAttempt(app, DemoLogin.planner.email, DemoLogin.planner.password, from: "198.51.100.20", .seeOther)
        }
    }

    @Test(arguments: [
        (0, "198.51.100.1, 203.0.113.9", "10.0.0.1"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),
        (2, "198.51.100.1, 203.0.113.9", "198.51.100.1"),
        (2, "203.0.113.9", "10.0.0.1"),
        (1, "", "10.0.0.1"),
        (1, "nicht-eine-adresse", "10.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ])
    func onlyTheConfiguredProxiesAreTrusted(hops: Int, forwardedFor: String, expected: String) {
        #expect(ForwardedHeaders.clientAddress(forwardedFor: forwardedFor.isEmpty ? [] : [Substring(forwardedFor)], hops: hops, peer: "10.0.0.1") == expected)
    }

    @Test func aClientWrittenForwardedForDoesNotBypassTheThrottle() async throws {
        try await withTestApp { app in
            behindOneProxy(app)
            for n in 0..<LoginThrottle.freeFailures {
                // The client writes a new address each time on the left; the proxy appends the real one.
                try await expectAttempt(app, DemoLogin.admin.email, "falsch-geraten-123", from: "192.0.2.\(n), 203.0.113.7", .unauthorized)
            }
            try await expectAttempt(app, DemoLogin.admin.email, "falsch-geraten-123", from: "192.0.2.99, 203.0.113.7", .tooManyRequests)
        }
    }

    @Test func proxyHopsAreReadFromTheEnvironment() throws {
        #expect(try AppSettings.fromEnvironment(["SOPLA_TRUST_PROXY": "2"]).proxyHops == 2)
        #expect(try AppSettings.fromEnvironment(["SOPLA_TRUST_PROXY": "1"]).trustProxy)
        #expect(try AppSettings.fromEnvironment([:]).proxyHops == 0)
        #expect(throws: SettingsError.self) { try AppSettings.fromEnvironment(["SOPLA_TRUST_PROXY": "ja"]) }
    }

    @Test func aNewPasswordAResetAndADeactivationRevokeAPITokens() async throws {
        try await withTestApp { app in
            let store = AccountStore(database: app.db)
            let service = AccountService(app: app)
            let user = try #require(try await store.credentials(email: DemoLogin.planner.email)?.user)
            func token() async throws -> String {
                try await service.createAPIToken(for: user, name: "Auswertung", scope: .read, actor: .system("test"))
            }
            func status(_ token: String) async throws -> HTTPResponseStatus {
                var status = HTTPResponseStatus.ok
                try await app.testing().test(.GET, "/api/v1/me", beforeRequest: { req in
                    req.headers.bearerAuthorization = BearerAuthorization(token: token)
                }) { res in status = res.status }
                return status
            }
            // Changing the password on the account page.
            let first = try await token()
            #expect(try await status(first) == .ok)
            let session = try await login(app, DemoLogin.planner)
            try await post(app, "/konto/passwort", session: session, fields: [("currentPassword", DemoLogin.planner.password),
                                                                            ("password", "Ein-ganz-neues-Kennwort-2026"), ("passwordConfirmation", "Ein-ganz-neues-Kennwort-2026")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await status(first) == .unauthorized)
            // A reset link.
            let second = try await token()
            let (link, _) = try await service.createAccessLink(for: user, actor: .system("test"))
            let formToken = try await anonymousFormToken(app)
            try await post(app, "/zugang/\(link)", session: nil, fields: [("password", "Noch-ein-neues-Kennwort-27"), ("passwordConfirmation", "Noch-ein-neues-Kennwort-27")],
                           anonymousToken: formToken) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await status(second) == .unauthorized)
            // Deactivation, then reactivation: the token stays revoked.
            let third = try await token()
            var current = try #require(try await store.user(id: user.id))
            current.active = false
            try await store.updateUser(current, actor: .system("test"), at: testNow)
            current.active = true
            try await store.updateUser(current, actor: .system("test"), at: testNow)
            #expect(try await status(third) == .unauthorized)
            #expect(try await store.apiTokens(userID: user.id).allSatisfy { $0.revokedAt != nil })
        }
    }
}
