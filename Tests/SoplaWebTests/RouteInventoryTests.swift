import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Every route declares a permission of the central policy; this table says which, and the matrix test
/// checks every route against the policy for every role over HTTP. A new route fails here until it is
/// entered with its permission.
@Suite("Route permissions")
struct RouteInventoryTests {
    static let table: [String: RoutePermission] = {
        var table: [String: RoutePermission] = [:]
        for route in ["GET /", "GET /gebiete", "GET /gebiete.csv", "GET /gebiete/:key", "GET /gebiete/:key/einwohner.csv",
                      "GET /gebiete/:key/gebietsstaende.csv", "GET /daten", "GET /schnittstelle", "GET /static/:file",
                      "GET /api/v1/spatial-units", "GET /api/v1/spatial-units/:key", "GET /api/v1/spatial-units.geojson",
                      "GET /api/v1/openapi.json", "GET /healthz", "GET /readyz", "GET /anmelden", "GET /zugang/:token",
                      "GET /organisationen", "GET /organisationen.csv", "GET /organisationen/:id", "GET /api/v1/organisations",
                      "GET /api/v1/organisations/:id"] {
            table[route] = RoutePermission(.readPublic)
        }
        table["POST /anmelden"] = RoutePermission(.signIn)
        table["POST /zugang/:token"] = RoutePermission(.useAccessLink)
        table["POST /abmelden"] = RoutePermission(.changeOwnAccount)
        table["GET /konto"] = RoutePermission(.viewOwnAccount)
        table["GET /api/v1/me"] = RoutePermission(.viewOwnAccount)
        table["GET /konto/nachrichten"] = RoutePermission(.viewOwnAccount)
        for route in ["POST /konto/passwort", "POST /konto/tokens", "POST /konto/tokens/:id/widerrufen", "POST /konto/nachrichten/:message/gelesen",
                      "POST /konto/kalender", "POST /konto/kalender/widerrufen"] {
            table[route] = RoutePermission(.changeOwnAccount)
        }
        table["GET /organisationen/neu"] = RoutePermission(.createOrganisation)
        table["POST /organisationen"] = RoutePermission(.createOrganisation)
        for route in ["GET /organisationen/:id/bearbeiten", "POST /organisationen/:id", "PATCH /api/v1/organisations/:id"] {
            table[route] = RoutePermission(.editOrganisation, scope: .organisationParameter)
        }
        for route in ["GET /organisationen/:id/deaktivieren", "POST /organisationen/:id/deaktivieren", "POST /organisationen/:id/aktivieren"] {
            table[route] = RoutePermission(.deactivateOrganisation)
        }
        for route in ["GET /verwaltung/benutzer", "GET /verwaltung/benutzer.csv", "GET /verwaltung/benutzer/neu", "POST /verwaltung/benutzer",
                      "GET /verwaltung/benutzer/:id", "GET /verwaltung/benutzer/:id/bearbeiten", "POST /verwaltung/benutzer/:id",
                      "POST /verwaltung/benutzer/:id/deaktivieren", "POST /verwaltung/benutzer/:id/aktivieren",
                      "POST /verwaltung/benutzer/:id/zugangslink"] {
            table[route] = RoutePermission(.manageUsers)
        }
        for route in ["GET /verwaltung/benutzer/:id/daten.json", "GET /verwaltung/benutzer/:id/loeschen", "POST /verwaltung/benutzer/:id/loeschen",
                      "GET /verwaltung/personen", "GET /verwaltung/personen/:id/daten.json", "GET /verwaltung/personen/:id/loeschen",
                      "POST /verwaltung/personen/:id/loeschen"] {
            table[route] = RoutePermission(.managePersonalData)
        }
        for route in ["GET /gremien/:body/bearbeiten", "POST /gremien/:body", "GET /sitzungen/:meeting/bearbeiten", "POST /sitzungen/:meeting",
                      "GET /sitzungen/:meeting/tagesordnung/:item", "POST /sitzungen/:meeting/tagesordnung/:item",
                      "POST /sitzungen/:meeting/tagesordnung/:item/loeschen"] {
            table[route] = RoutePermission(.manageParticipation)
        }
        table["GET /verwaltung/protokoll"] = RoutePermission(.viewAuditLog)
        table["GET /verwaltung/protokoll.csv"] = RoutePermission(.viewAuditLog)
        table["GET /verwaltung/rechte"] = RoutePermission(.viewPolicy)
        table["GET /gebiete/:key/untergebiete/neu"] = RoutePermission(.manageSpatialUnits)
        table["POST /gebiete/:key/untergebiete"] = RoutePermission(.manageSpatialUnits)
        for route in ["GET /gebiete/:key/planungsraeume", "POST /gebiete/:key/planungsraeume", "GET /gebiete/:key/bearbeiten", "POST /gebiete/:key/bearbeiten",
                      "POST /gebiete/:key/aufheben"] {
            table[route] = RoutePermission(.manageSpatialUnits)
        }
        for route in ["GET /indikatoren", "GET /indikatoren.csv", "GET /indikatoren/:code", "GET /indikatoren/:code/werte.csv", "GET /merkmale",
                      "GET /merkmale.csv", "GET /api/v1/variables", "GET /api/v1/indicators", "GET /api/v1/indicators/:code",
                      "GET /api/v1/indicators/:code/values"] {
            table[route] = RoutePermission(.readPublic)
        }
        for route in ["GET /indikatoren/neu", "POST /indikatoren", "GET /indikatoren/:code/bearbeiten", "POST /indikatoren/:code",
                      "POST /indikatoren/:code/vergleichswerte", "GET /indikatoren/:code/vergleichswerte/:id/loeschen",
                      "POST /indikatoren/:code/vergleichswerte/:id/loeschen", "GET /merkmale/neu", "POST /merkmale", "GET /merkmale/:code/bearbeiten",
                      "POST /merkmale/:code", "GET /daten/pruefregeln", "POST /daten/pruefregeln", "GET /daten/pruefregeln/:id/loeschen",
                      "POST /daten/pruefregeln/:id/loeschen",
                      "POST /indikatoren/:code/veroeffentlichen", "GET /indikatoren/:code/archivieren", "POST /indikatoren/:code/archivieren",
                      "POST /indikatoren/:code/wiederherstellen", "GET /indikatoren/:code/loeschen", "POST /indikatoren/:code/loeschen",
                      "POST /merkmale/:code/veroeffentlichen", "GET /merkmale/:code/archivieren", "POST /merkmale/:code/archivieren",
                      "POST /merkmale/:code/wiederherstellen", "GET /merkmale/:code/loeschen", "POST /merkmale/:code/loeschen"] {
            table[route] = RoutePermission(.manageIndicators)
        }
        for route in ["GET /daten/import", "POST /daten/import", "GET /daten/import/:id", "POST /daten/import/:id/zuordnung",
                      "POST /daten/import/:id/freigabe", "POST /daten/import/:id/zurueckziehen", "GET /merkmale/:code"] {
            table[route] = RoutePermission(.importData)
        }
        for route in ["GET /wegweiser", "GET /wegweiser/:service", "GET /hsds", "GET /hsds/openapi.json", "GET /hsds/services", "GET /hsds/services/:hsdsid",
                      "GET /hsds/organizations", "GET /hsds/organizations/:hsdsid", "GET /hsds/service_at_locations", "GET /hsds/service_at_locations/:hsdsid",
                      "GET /hsds/taxonomies", "GET /hsds/taxonomies/:hsdsid", "GET /hsds/taxonomy_terms", "GET /hsds/taxonomy_terms/:hsdsid",
                      "GET /oparl/v1/system", "GET /oparl/v1/bodies", "GET /oparl/v1/body/:oparlid", "GET /oparl/v1/body/:oparlid/:list",
                      "GET /oparl/v1/:type/:oparlid", "GET /oparl/v1/file/:oparlid", "GET /oparl/v1/file/:oparlid/download",
                      "GET /gremien", "GET /gremien/:body", "GET /gremien/:body/kalender.ics", "GET /sitzungen/:meeting", "GET /massnahmen",
                      "GET /vorlagen", "GET /vorlagen/:paper", "GET /vorlagen/:paper/anlagen/:attachment", "GET /massnahmen/:measure", "GET /planungsprozesse", "GET /planungsprozesse/:planning",
                      "GET /sitzungen/:meeting/einladung", "GET /sitzungen/:meeting/niederschrift", "GET /personen/:person/kalender.ics",
                      "GET /stellungnahmen/:process/abwaegung", "GET /stellungnahmen/:process/abwaegung.csv",
                      "GET /kalender/:token/sitzungen.ics"] {
            table[route] = RoutePermission(.readPublic)
        }
        table["GET /gremien/:body/stellungnahmen/:process"] = RoutePermission(.readBodyInternal, scope: .bodyParameter)
        table["POST /gremien/:body/stellungnahmen/:process"] = RoutePermission(.submitStatement, scope: .bodyParameter)
        for route in ["POST /vorlagen/:paper/anlagen", "POST /planungsprozesse", "POST /planungsprozesse/:planning/phasen", "POST /planungsprozesse/:planning/vorlagen",
                      "GET /gremien/neu", "POST /gremien", "POST /gremien/:body/mitglieder", "POST /gremien/:body/mitglieder/:membership/ende",
                      "POST /gremien/:body/wahlperioden", "POST /massnahmen", "POST /massnahmen/:measure", "POST /massnahmen/:measure/meilensteine", "POST /massnahmen/:measure/veroeffentlichen",
                      "GET /vorlagen/neu", "POST /vorlagen", "POST /vorlagen/:paper/fassungen", "POST /vorlagen/:paper/stellungnahmeverfahren",
                      "GET /sitzungen/neu", "POST /sitzungen", "POST /sitzungen/:meeting/status", "POST /sitzungen/:meeting/tagesordnung",
                      "POST /sitzungen/:meeting/anwesenheit", "POST /sitzungen/:meeting/tagesordnung/:item/beschluss",
                      "POST /stellungnahmen/:process/abwaegung/:statement",
                      "GET /vorlagen/:paper/bearbeiten", "POST /vorlagen/:paper", "POST /massnahmen/:measure/meilensteine/:milestone",
                      "POST /massnahmen/:measure/meilensteine/:milestone/loeschen", "POST /planungsprozesse/:planning"] {
            table[route] = RoutePermission(.manageParticipation)
        }
        for route in ["GET /angebote", "GET /angebote.csv", "GET /angebote/neu", "POST /angebote", "GET /angebote/:service", "GET /angebote/:service/bearbeiten",
                      "POST /angebote/:service", "GET /angebotsplanung/kategorien", "GET /angebotsplanung/kategorien.csv", "POST /angebotsplanung/kategorien",
                      "GET /angebotsplanung/kategorien/:code", "POST /angebotsplanung/kategorien/:code", "GET /angebotsplanung/standards", "POST /angebotsplanung/standards", "GET /angebotsplanung/versorgung", "GET /angebotsplanung/versorgung.csv",
                      "GET /angebotsplanung/doppelstrukturen", "GET /angebotsplanung/doppelstrukturen.csv", "POST /angebotsplanung/doppelstrukturen",
                      "GET /angebotsplanung/erhebungen", "POST /angebotsplanung/erhebungen", "GET /angebotsplanung/erhebungen/:round",
                      "POST /angebotsplanung/erhebungen/:round/abschliessen", "GET /angebotsplanung/vorschlaege/:proposal", "POST /angebotsplanung/vorschlaege/:proposal"] {
            table[route] = RoutePermission(.manageServices)
        }
        for route in ["GET /organisationen/:id/angebote", "GET /organisationen/:id/angebote/neu", "POST /organisationen/:id/angebote",
                      "GET /organisationen/:id/angebote/:service", "GET /organisationen/:id/angebote/:service/bearbeiten", "POST /organisationen/:id/angebote/:service",
                      "POST /organisationen/:id/erhebungen/:round/unveraendert", "GET /organisationen/:id/vorschlaege/:proposal"] {
            table[route] = RoutePermission(.proposeServiceChange, scope: .organisationParameter)
        }
        table["POST /organisationen/:id/vorschlaege/:proposal"] = RoutePermission(.answerServiceDecision, scope: .organisationParameter)
        for route in ["GET /foerderung", "GET /foerderung/programme/neu", "POST /foerderung/programme", "GET /foerderung/programme/:programme",
                      "GET /foerderung/programme/:programme/bearbeiten", "POST /foerderung/programme/:programme", "GET /foerderung/programme/:programme/rangfolge",
                      "GET /foerderung/programme/:programme/rangfolge.csv", "GET /foerderung/antraege", "GET /foerderung/antraege.csv",
                      "GET /foerderung/antraege/:application", "POST /foerderung/antraege/:application/schritt", "POST /foerderung/antraege/:application/gutachter",
                      "POST /foerderung/antraege/:application/vereinbarung", "GET /foerderung/antraege/:application/anlagen/:attachment",
                      "GET /foerderung/vereinbarungen", "GET /foerderung/vereinbarungen.csv", "GET /foerderung/vereinbarungen/:agreement",
                      "GET /foerderung/vereinbarungen/:agreement/bescheid", "POST /foerderung/vereinbarungen/:agreement/bescheid",
                      "GET /foerderung/vereinbarungen/:agreement/bescheide/:number", "GET /foerderung/vereinbarungen/:agreement/bescheide/:number/bescheid.pdf",
                      "GET /foerderung/bescheid-absender", "POST /foerderung/bescheid-absender", "POST /foerderung/vereinbarungen/:agreement/abrufe/:drawdown",
                      "POST /foerderung/vereinbarungen/:agreement/nachweise/:proof", "POST /foerderung/vereinbarungen/:agreement/qualitaetsdialoge",
                      "GET /foerderung/qualitaetsdialoge/:dialogue", "GET /foerderung/controlling", "GET /foerderung/controlling.csv"] {
            table[route] = RoutePermission(.manageFunding)
        }
        for route in ["GET /organisationen/:id/foerderung", "GET /organisationen/:id/foerderung/antraege/neu", "POST /organisationen/:id/foerderung/antraege",
                      "GET /organisationen/:id/foerderung/antraege/:application", "GET /organisationen/:id/foerderung/antraege/:application/bearbeiten",
                      "POST /organisationen/:id/foerderung/antraege/:application", "POST /organisationen/:id/foerderung/antraege/:application/schritt",
                      "POST /organisationen/:id/foerderung/antraege/:application/anlagen", "GET /organisationen/:id/foerderung/antraege/:application/anlagen/:attachment",
                      "GET /organisationen/:id/foerderung/vereinbarungen/:agreement", "POST /organisationen/:id/foerderung/vereinbarungen/:agreement/abrufe",
                      "POST /organisationen/:id/foerderung/vereinbarungen/:agreement/nachweise",
                      "GET /organisationen/:id/foerderung/vereinbarungen/:agreement/bescheide/:number",
                      "GET /organisationen/:id/foerderung/vereinbarungen/:agreement/bescheide/:number/bescheid.pdf"] {
            table[route] = RoutePermission(.applyForFunding, scope: .organisationParameter)
        }
        for route in ["GET /berichte", "GET /berichte/:report/:number", "GET /berichte/:report/:number/daten.csv", "GET /berichte/:report/:number/bericht.pdf", "GET /berichte/:report/:number/vergleich",
                      "GET /gebiete/:key/steckbrief", "GET /gebiete/:key/steckbrief.pdf", "GET /foerderung/zahlen", "GET /foerderung/zahlen.csv", "GET /sitemap.xml"] {
            table[route] = RoutePermission(.readPublic)
        }
        for route in ["GET /berichte/verwaltung", "POST /berichte/verwaltung", "GET /berichte/verwaltung/:report", "POST /berichte/verwaltung/:report/kapitel",
                      "POST /berichte/verwaltung/:report/kapitel/:chapter/abschnitte", "POST /berichte/verwaltung/:report/abschnitte/:section",
                      "POST /berichte/verwaltung/:report/abschnitte/:section/bloecke", "POST /berichte/verwaltung/:report/bloecke/:block/loeschen",
                      "GET /berichte/verwaltung/:report/vorschau", "POST /berichte/verwaltung/:report/ausgaben", "POST /berichte/verwaltung/:report/ausgaben/:number/veroeffentlichen",
                      "POST /berichte/verwaltung/:report/ausgaben/:number/stellungnahme", "POST /berichte/verwaltung/:report/verschieben", "POST /berichte/verwaltung/:report/umbenennen", "POST /berichte/verwaltung/:report/loeschen", "POST /berichte/verwaltung/:report",
                      "POST /berichte/verwaltung/:report/entfernen", "POST /berichte/verwaltung/:report/bloecke/:block/indikator",
                      "POST /berichte/verwaltung/:report/abschnitte/:section/vorschau"] {
            table[route] = RoutePermission(.manageReports)
        }
        table["GET /begutachtung"] = RoutePermission(.seeReviewAssignments)
        table["POST /begutachtung/befangenheit"] = RoutePermission(.seeReviewAssignments)
        table["GET /begutachtung/:application"] = RoutePermission(.reviewApplication, scope: .applicationOrganisation)
        table["POST /begutachtung/:application"] = RoutePermission(.reviewApplication, scope: .applicationOrganisation)
        table["GET /begutachtung/:application/anlagen/:attachment"] = RoutePermission(.reviewApplication, scope: .applicationOrganisation)
        for route in ["GET /organisationen/:id/stellungnahmen", "GET /organisationen/:id/stellungnahmen/:process", "POST /organisationen/:id/stellungnahmen/:process"] {
            table[route] = RoutePermission(.submitOrganisationStatement, scope: .organisationParameter)
        }
        return table
    }()

    /// The demo application in review (family centre), with the demo reviewer assigned.
    static let reviewedApplication = "5b0c1e2a-0200-4000-8000-000000000104"

    /// Route parameters filled with the demo's ids (services, bodies, meetings, papers, measures …).
    static func fillServiceParameters(_ path: String) -> String {
        let fills: [(String, String)] = [
            (":service", "5b0c1e2a-0001-4000-8000-000000000003"), (":hsdsid", "5b0c1e2a-0001-4000-8000-000000000003"),
            (":round", "5b0c1e2a-0003-4000-8000-000000000001"), (":proposal", "5b0c1e2a-0004-4000-8000-000000000001"),
            (":body/stellungnahmen", "5b0c1e2a-0100-4000-8000-000000000001/stellungnahmen"), (":body", "5b0c1e2a-0100-4000-8000-000000000004"),
            (":process", "5b0c1e2a-0100-4000-8000-000000000801"), (":statement", "5b0c1e2a-0100-4000-8000-000000000802"),
            (":meeting", "5b0c1e2a-0100-4000-8000-000000000501"), (":item", "5b0c1e2a-0100-4000-8000-000000000601"),
            (":paper", "5b0c1e2a-0100-4000-8000-000000000302"), (":measure", "5b0c1e2a-0100-4000-8000-000000001001"),
            (":planning", "5b0c1e2a-0100-4000-8000-000000000901"), (":person", "5b0c1e2a-0100-4000-8000-000000000105"),
            (":membership", "5b0c1e2a-0100-4000-8000-000000000211"), (":message", "5b0c1e2a-0100-4000-8000-000000000999"),
            (":attachment", "5b0c1e2a-0100-4000-8000-000000000998"),
            (":programme", "5b0c1e2a-0200-4000-8000-000000000001"), (":application", Self.reviewedApplication),
            (":agreement", "5b0c1e2a-0200-4000-8000-000000000401"), (":drawdown", "5b0c1e2a-0200-4000-8000-000000000612"),
            (":proof", "5b0c1e2a-0200-4000-8000-000000000703"), (":dialogue", "5b0c1e2a-0200-4000-8000-000000000801"),
        ]
        var result = path
        for (pattern, value) in fills { result = result.replacingOccurrences(of: pattern, with: value) }
        return result
    }

    static func name(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test func everyRouteDeclaresThePermissionInTheTable() async throws {
        try await withTestApp(demo: false) { app in
            var seen: [String: RoutePermission] = [:]
            for route in app.routes.all {
                let permission = try #require(route.permission, "\(Self.name(route)) has no permission")
                if route.userInfo["sopla.refusal"] == nil { seen[Self.name(route)] = permission }
            }
            #expect(Set(seen.keys) == Set(Self.table.keys), "routes differ from the table: \(Set(seen.keys).symmetricDifference(Self.table.keys).sorted())")
            for (route, permission) in seen {
                #expect(Self.table[route] == permission, "\(route)")
            }
        }
    }

    @Test func methodsARouteDoesNotTakeAreRefusedWithAllow() async throws {
        try await withTestApp(demo: false) { app in
            for route in app.routes.all where route.userInfo["sopla.refusal"] != nil {
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                    .replacingOccurrences(of: ":key", with: "06532023").replacingOccurrences(of: ":id", with: UUID().uuidString)
                    .replacingOccurrences(of: ":code", with: "bevoelkerung")
                try await app.testing().test(route.method, Self.fillServiceParameters(path)) { res in
                    #expect(res.status == .methodNotAllowed, "\(route.method) \(path)")
                    #expect(res.headers.first(name: "Allow") != nil)
                }
            }
            try await app.testing().test(.DELETE, "/organisationen") { res in
                #expect(res.headers.first(name: "Allow") == "GET, HEAD, POST")
            }
        }
    }

    enum Outcome: Equatable { case allowed, unauthenticated, forbidden }

    /// A refusal by the permission check, told apart from a handler's own 401/403/422.
    static func outcome(_ res: TestingHTTPResponse) -> Outcome {
        let body = res.body.string
        if res.status == .seeOther, res.headers.first(name: .location)?.hasPrefix("/anmelden?weiter=") == true { return .unauthenticated }
        if res.status == .unauthorized, body.contains("\"unauthenticated\"") || body.contains("<h1>Anmeldung erforderlich</h1>") { return .unauthenticated }
        if res.status == .forbidden, body.contains("\"forbidden\"") || body.contains("<h1>Keine Berechtigung</h1>") { return .forbidden }
        return .allowed
    }

    @Test func everyRouteAnswersEveryRoleAsThePolicySays() async throws {
        try await withTestApp { app in
            let store = AccountStore(database: app.db)
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let target = UserAccount(id: UUID(), email: "ziel@kreis.example", displayName: "Ziel Person", roles: [.reviewer], createdAt: testNow)
            try await store.createUser(target, passwordHash: nil, actor: .system(), at: testNow)
            let roles: [(String, DemoAccounts.Login?)] = [
                ("public", nil), ("provider", DemoLogin.provider), ("other provider", DemoLogin.otherProvider),
                ("body member", DemoLogin.bodyMember), ("planner", DemoLogin.planner), ("reviewer", DemoLogin.reviewer), ("administrator", DemoLogin.admin),
            ]
            var principals: [String: Principal] = ["public": .anonymous]
            var readSessions: [String: TestSession] = [:]
            for (name, login) in roles {
                guard let login else { continue }
                let user = try #require(try await store.credentials(email: login.email)?.user)
                principals[name] = user.principal(bodies: try await ParticipationStore(database: app.db).bodies(ofUser: user.id, on: Day(testNow)))
                readSessions[name] = try await SoplaWebTests.login(app, login)
            }
            var checked = 0
            var outcomes: [Outcome: Int] = [:]
            for route in app.routes.all where route.userInfo["sopla.refusal"] == nil {
                let name = Self.name(route)
                let permission = try #require(Self.table[name])
                let isUserRoute = name.contains("/verwaltung/benutzer/")
                let id = isUserRoute ? target.id : (name.contains("/konto/tokens/") ? UUID() : counselling)
                let path = Self.fillServiceParameters("/" + route.path.map(\.description).joined(separator: "/"))
                    .replacingOccurrences(of: ":key", with: "06532023").replacingOccurrences(of: ":file", with: "sopla.css")
                    .replacingOccurrences(of: ":code", with: "bevoelkerung")
                    .replacingOccurrences(of: ":token", with: "unbekannt").replacingOccurrences(of: ":id", with: id.uuidString.lowercased())
                let applicant = try await FundingStore(database: app.db).one(.application, id: UUID(uuidString: Self.reviewedApplication)!, as: FundingApplication.self)!.value.organisationID
                let scope: Scope
                switch permission.scope {
                case .organisationParameter: scope = .organisation(counselling)
                case .bodyParameter: scope = .body(UUID(uuidString: "5b0c1e2a-0100-4000-8000-000000000001")!)
                case .applicationOrganisation: scope = .organisation(applicant)
                case .none: scope = .none
                }
                for (role, login) in roles {
                    let expected: Outcome
                    switch Policy.decide(principals[role]!, permission.action, scope: scope) {
                    case .allow: expected = .allowed
                    case .denyUnauthenticated: expected = .unauthenticated
                    case .denyForbidden: expected = .forbidden
                    }
                    // State-changing requests get a fresh login each, so a logout or deactivation does not spill over.
                    var session: TestSession? = readSessions[role]
                    if route.method != .GET, let login { session = try await SoplaWebTests.login(app, login) }
                    let anonymousToken = session == nil ? try await anonymousFormToken(app) : nil
                    try await app.testing().test(route.method, path, beforeRequest: { req in
                        setCookies(&req, session: session, anonymousToken: anonymousToken)
                        if route.method == .PATCH {
                            req.headers.replaceOrAdd(name: CSRF.header, value: session?.csrf ?? anonymousToken ?? "")
                            req.headers.contentType = .json
                            req.body = ByteBuffer(string: "{}")
                        } else if route.method == .POST {
                            req.headers.contentType = .urlEncodedForm
                            req.body = formBody([("_csrf", session?.csrf ?? anonymousToken ?? "")])
                        }
                    }) { res in
                        #expect(!res.body.string.contains("csrf_failed") && !res.body.string.contains("Das Formular war abgelaufen"), "\(name) as \(role): form token refused")
                        #expect(Self.outcome(res) == expected, "\(name) as \(role): status \(res.status.code), expected \(expected)")
                        outcomes[Self.outcome(res), default: 0] += 1
                    }
                    checked += 1
                }
            }
            #expect(checked == Self.table.count * roles.count)
            // The matrix exercises all three answers, not just "allowed".
            #expect(outcomes[.unauthenticated, default: 0] >= 20)
            #expect(outcomes[.forbidden, default: 0] >= 80)
        }
    }
}
