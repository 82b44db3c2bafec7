import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Sends a JSON body as a logged-in browser script does: session cookie and the form token in the header.
func sendJSON(_ app: Application, _ method: HTTPMethod, _ path: String, session: TestSession, json: String,
              _ check: (TestingHTTPResponse) async throws -> Void) async throws {
    try await app.testing().test(method, path, beforeRequest: { req in
        session.apply(to: &req)
        req.headers.replaceOrAdd(name: CSRF.header, value: session.csrf)
        req.headers.contentType = .json
        req.body = ByteBuffer(string: json)
    }, afterResponse: check)
}

@Suite("Authorization gaps")
struct AuthorizationGapsHTTPTests {
    @Test func providersChangeTheContactDetailsOfTheirOrganisationButNotItsName() async throws {
        try await withTestApp { app in
            let tina = try await login(app, DemoLogin.provider)
            let sonnenweg = try await organisationID(app, named: DemoAccounts.counselling)
            let path = SiteRoute.organisation(id: sonnenweg).path
            try await get(app, SiteRoute.organisationEdit(id: sonnenweg).path, session: tina) { res in
                #expect(res.status == .ok)
                #expect(!res.text.contains("name=\"name\"") && !res.text.contains("name=\"shortName\""))
                #expect(res.text.contains("Name und Kurzname, Art und übergeordnete Organisation pflegt die Sozialplanung."))
            }
            try await post(app, path, session: tina, fields: [("name", "Umbenannt (Test)"), ("shortName", "UT"), ("email", "neu@sonnenweg.example")]) { res in
                #expect(res.status == .seeOther)
            }
            var stored = try #require(try await AccountStore(database: app.db).organisation(id: sonnenweg))
            #expect(stored.name == DemoAccounts.counselling && stored.shortName != "UT" && stored.email == "neu@sonnenweg.example")
            let api = "/api/v1/organisations/" + sonnenweg.uuidString.lowercased()
            try await sendJSON(app, .PATCH, api, session: tina, json: #"{"name": "Umbenannt (Test)"}"#) { res in
                #expect(res.status == .forbidden)
                #expect(res.text.contains("\"field\":\"name\""))
            }
            try await sendJSON(app, .PATCH, api, session: tina, json: #"{"shortName": "UT"}"#) { res in #expect(res.status == .forbidden) }
            try await sendJSON(app, .PATCH, api, session: tina, json: #"{"phone": "02772 1234"}"#) { res in #expect(res.status == .ok) }
            stored = try #require(try await AccountStore(database: app.db).organisation(id: sonnenweg))
            #expect(stored.name == DemoAccounts.counselling && stored.phone == "02772 1234")
            // Social planning still renames.
            let planner = try await login(app, DemoLogin.planner)
            try await sendJSON(app, .PATCH, api, session: planner, json: #"{"name": "Beratungsstelle Am Sonnenweg (Beispiel)"}"#) { res in #expect(res.status == .ok) }
            try await post(app, path, session: planner, fields: [("name", "Beratungsstelle Sonnenweg Herborn (Beispiel)"), ("kind", stored.kind.rawValue)]) { res in
                #expect(res.status == .seeOther)
            }
            stored = try #require(try await AccountStore(database: app.db).organisation(id: sonnenweg))
            #expect(stored.name == "Beratungsstelle Sonnenweg Herborn (Beispiel)")
        }
    }

    @Test func peopleOfADeactivatedOrganisationLoseTheProviderRights() async throws {
        try await withTestApp { app in
            let tina = try await login(app, DemoLogin.provider)
            let planner = try await login(app, DemoLogin.planner)
            let sonnenweg = try await organisationID(app, named: DemoAccounts.counselling)
            let pages = [FundingRoute.organisation(sonnenweg), ServiceRoute.organisationServices(organisation: sonnenweg).path,
                         ParticipationRoute.organisationConsultations(sonnenweg), SiteRoute.organisationEdit(id: sonnenweg).path]
            for page in pages { try await get(app, page, session: tina) { res in #expect(res.status == .ok, "\(page) before") } }
            try await post(app, SiteRoute.organisationDeactivate(id: sonnenweg).path, session: planner, fields: [("bestaetigt", "ja")]) { res in
                #expect(res.status == .seeOther)
            }
            for page in pages { try await get(app, page, session: tina) { res in #expect(res.status == .forbidden, "\(page) after") } }
            let before = try await app.fundingStore.all(.application, as: FundingApplication.self).count
            try await post(app, FundingRoute.organisation(sonnenweg) + "/antraege", session: tina,
                           fields: [("programme", FundingDemo.id(1)), ("title", "Nach der Deaktivierung (Test)"), ("budgetLine", FundingDemo.id(31)), ("requested", "1.000,00"),
                                    ("costs", "Personal: 1.000,00")]) { res in
                #expect(res.status == .forbidden)
            }
            #expect(try await app.fundingStore.all(.application, as: FundingApplication.self).count == before)
            try await get(app, "/", session: tina) { res in #expect(!res.text.contains(FundingRoute.organisation(sonnenweg))) }
            // Active again, the rights are back.
            try await post(app, SiteRoute.organisationActivate(id: sonnenweg).path, session: planner) { res in #expect(res.status == .seeOther) }
            try await get(app, FundingRoute.organisation(sonnenweg), session: tina) { res in #expect(res.status == .ok) }
        }
    }

    @Test func measuresOfAQualityDialogueStayInternalUntilAPlannerPublishesOne() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let title = "Vertrauliche Absprache zur Warteliste (Test)"
            try await post(app, "/foerderung/vereinbarungen/" + FundingDemo.id(401) + "/qualitaetsdialoge", session: planner,
                           fields: [("date", "\(FundingDemo.year + 1)-02-10"), ("participants", "Planung\nBeratungsstelle"), ("agenda", "Ziele"), ("measures", title)]) { res in
                #expect(res.status == .seeOther)
            }
            let measure = try #require(try await app.participationStore.all(.measure, as: Measure.self).map(\.value).first { $0.title == title })
            #expect(measure.dialogueID != nil && !measure.isPublic)
            let page = ParticipationRoute.measure(measure.id)
            try await get(app, ParticipationRoute.measures(), session: nil) { res in #expect(res.status == .ok && !res.text.contains(title)) }
            try await get(app, page, session: nil) { res in #expect(res.status == .notFound) }
            let lars = try await login(app, DemoLogin.otherProvider)
            try await get(app, page, session: lars) { res in #expect(res.status == .notFound) }
            try await get(app, ParticipationRoute.measures(), session: planner) { res in
                #expect(res.text.contains(title + "</a><span class=\"hint\"> (intern, nicht veröffentlicht)</span>"))
            }
            try await get(app, page, session: planner) { res in
                #expect(res.status == .ok && res.text.contains("Intern: im Qualitätsdialog vereinbart") && res.text.contains(ParticipationRoute.publishMeasure(measure.id)))
            }
            // Nobody else publishes it; a planner does.
            try await post(app, ParticipationRoute.publishMeasure(measure.id), session: lars) { res in #expect(res.status == .forbidden) }
            try await post(app, ParticipationRoute.publishMeasure(measure.id), session: planner) { res in #expect(res.status == .seeOther) }
            try await get(app, ParticipationRoute.measures(), session: nil) { res in #expect(res.text.contains(title) && !res.text.contains("(intern, nicht")) }
            try await get(app, page, session: nil) { res in #expect(res.status == .ok && !res.text.contains("Intern:")) }
        }
    }

    @Test func assignedReviewersOpenTheDocumentsOfTheApplication() async throws {
        try await withTestApp { app in
            let gerd = try await login(app, DemoLogin.reviewer)
            let document = FundingRoute.reviewAttachment(UUID(uuidString: FundingDemo.id(104))!, UUID(uuidString: FundingDemo.id(1004))!)
            try await get(app, FundingRoute.review(UUID(uuidString: FundingDemo.id(104))!), session: gerd) { res in #expect(res.text.contains(document)) }
            try await get(app, document, session: gerd) { res in
                #expect(res.status == .ok && res.text.hasPrefix("%PDF"))
                #expect(res.headers.contentType?.description.hasPrefix("application/pdf") == true)
            }
            // Not assigned to 102: its document is not found, like the application.
            let other = FundingRoute.reviewAttachment(UUID(uuidString: FundingDemo.id(102))!, UUID(uuidString: FundingDemo.id(1002))!)
            try await get(app, other, session: gerd) { res in #expect(res.status == .notFound) }
            let tina = try await login(app, DemoLogin.provider)
            try await get(app, document, session: tina) { res in #expect(res.status == .forbidden) }
            try await get(app, document, session: nil) { res in #expect(res.status == .seeOther) }
        }
    }

    @Test func nonPublicIDRoutesAnswerAlikeForExistingAndUnknownIDs() async throws {
        try await withTestApp { app in
            let known = FundingRoute.review(UUID(uuidString: FundingDemo.id(104))!)
            let unknown = FundingRoute.review(UUID())
            let sonnenweg = try await organisationID(app, named: DemoAccounts.counselling)
            let pairs = [(known, unknown), (known, "/begutachtung/kein-antrag"),
                         (FundingRoute.organisation(sonnenweg), "/organisationen/keine-organisation/foerderung"),
                         (SiteRoute.organisationEdit(id: sonnenweg).path, "/organisationen/keine-organisation/bearbeiten")]
            func status(_ method: HTTPMethod, _ path: String, _ session: TestSession?) async throws -> (HTTPResponseStatus, String?) {
                var result: (HTTPResponseStatus, String?) = (.ok, nil)
                if method == .GET {
                    try await get(app, path, session: session) { res in result = (res.status, res.headers.first(name: .location).map { _ in "redirect" }) }
                } else {
                    try await post(app, path, session: session) { res in result = (res.status, nil) }
                }
                return result
            }
            for (index, (a, b)) in pairs.enumerated() {
                // The review route also takes POST; the organisation pages are read only.
                for method in index < 2 ? [HTTPMethod.GET, .POST] : [.GET] {
                    let (first, second) = (try await status(method, a, nil), try await status(method, b, nil))
                    #expect(first.0 == second.0 && first.1 == second.1, "anonymous \(method) \(a) vs \(b)")
                    #expect(first.0 == (method == .GET ? .seeOther : .unauthorized))
                }
            }
            // Logged in without a role that could ever allow it: refused alike too.
            let body = try await login(app, DemoLogin.bodyMember)
            for (a, b) in pairs {
                let (first, second) = (try await status(.GET, a, body), try await status(.GET, b, body))
                #expect(first.0 == .forbidden && second.0 == .forbidden, "\(a) vs \(b)")
            }
        }
    }
}
