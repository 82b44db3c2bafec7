import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("The application form and unreadable forms")
struct ApplicationFormHTTPTests {
    static let service = "5b0c1e2a-0001-4000-8000-000000000003"

    static func fields(title: String, answer: String, services: [String]) -> [(String, String)] {
        [("programme", FundingDemo.id(1)), ("title", title), ("budgetLine", FundingDemo.id(31)), ("preventive", "ja"),
         ("costs", "Personal: 10.000,00"), ("ownFunds", "500,00"), ("otherFunding", ""), ("requested", "9.500,00"),
         ("answer-" + FundingDemo.id(22), answer), ("answer-" + FundingDemo.id(23), "Schule am Ort, Jugendpflege")]
            + services.map { ("services[]", $0) }
    }

    @Test func aTickedServiceAndTheChecklistAnswersSurviveASave() async throws {
        try await withTestApp { app in
            let tina = try await login(app, DemoLogin.provider)
            let sonnenweg = try await organisationID(app, named: DemoAccounts.counselling)
            var path = ""
            try await post(app, FundingRoute.organisation(sonnenweg) + "/antraege", session: tina,
                           fields: Self.fields(title: "Beratung im Jugendtreff (Test)", answer: "Getrennte und gemeinsame Gruppen.", services: [Self.service])) { res in
                #expect(res.status == .seeOther)
                path = String(res.headers.first(name: .location)?.prefix { $0 != "?" } ?? "")
            }
            let id = try #require(UUID(uuidString: String(path.split(separator: "/").last ?? "")))
            var application = try #require(try await app.fundingStore.one(.application, id: id, as: FundingApplication.self)).value
            #expect(application.serviceIDs == [UUID(uuidString: Self.service)!])
            #expect(application.answers.compactMap(\.text).sorted() == ["Getrennte und gemeinsame Gruppen.", "Schule am Ort, Jugendpflege"])
            try await get(app, path, session: tina) { res in
                #expect(res.text.contains("Getrennte und gemeinsame Gruppen.") && res.text.contains("Schwangerschaftsberatung"))
            }
            // Saving the draft again keeps both, the service and the answers.
            try await post(app, path, session: tina, fields: Self.fields(title: "Beratung im Jugendtreff (Test)", answer: "Neu gefasst.", services: [Self.service])) { res in
                #expect(res.status == .seeOther)
            }
            application = try #require(try await app.fundingStore.one(.application, id: id, as: FundingApplication.self)).value
            #expect(application.serviceIDs == [UUID(uuidString: Self.service)!])
            #expect(application.answers.compactMap(\.text).contains("Neu gefasst."))
            try await get(app, path + "/bearbeiten", session: tina) { res in
                #expect(res.text.contains("Neu gefasst.") && res.text.contains("value=\"\(Self.service)\" checked"))
            }
        }
    }

    @Test func anUnreadableFieldAnswers422NamingItAndKeepsWhatWasTyped() async throws {
        try await withTestApp { app in
            let tina = try await login(app, DemoLogin.provider)
            let sonnenweg = try await organisationID(app, named: DemoAccounts.counselling)
            let before = try await app.fundingStore.all(.application, as: FundingApplication.self).count
            // A title sent as a nested field: the form comes back with the rest as typed, nothing stored.
            let typed = Self.fields(title: "x", answer: "Bleibt stehen (Test).", services: [Self.service]).filter { $0.0 != "title" } + [("title[x]", "y")]
            try await post(app, FundingRoute.organisation(sonnenweg) + "/antraege", session: tina, fields: typed) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("Bleibt stehen (Test).") && res.text.contains("Personal: 10.000,00"))
                #expect(res.text.contains("href=\"#title\""))
            }
            #expect(try await app.fundingStore.all(.application, as: FundingApplication.self).count == before)
            // A review field sent nested is named too.
            let gerd = try await login(app, DemoLogin.reviewer)
            try await post(app, FundingRoute.review(UUID(uuidString: FundingDemo.id(104))!), session: gerd,
                           fields: [("score-" + FundingDemo.id(11), "4"), ("note[a]", "b")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("href=\"#note\""))
            }
            // Any other form that does not fit its shape: 422 (not 400, not a silent default).
            try await post(app, "/begutachtung/befangenheit", session: gerd, fields: [("organisation[x]", "1")]) { res in
                #expect(res.status == .unprocessableEntity)
                // Named by its label, never by its name in code.
                #expect(res.text.contains("Das Feld „Organisation“ kam in einer Form an, die sich nicht lesen lässt."))
            }
            try await sendJSON(app, .PATCH, "/api/v1/organisations/" + (try await organisationID(app, named: DemoAccounts.counselling)).uuidString, session: tina,
                               json: #"{"email": ["a@b.example"]}"#) { res in
                #expect(res.status == .unprocessableEntity)
            }
        }
    }

    @Test func formsShownAgainKeepWhatWasTypedBesideAnUnreadableField() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let sonnenweg = try await organisationID(app, named: DemoAccounts.counselling)
            try await post(app, SiteRoute.organisation(id: sonnenweg).path, session: planner,
                           fields: [("name[x]", "y"), ("kind", "provider"), ("email", "getippt@sonnenweg.example"), ("city", "Herborn-Burg")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("getippt@sonnenweg.example") && res.text.contains("Herborn-Burg") && res.text.contains("href=\"#name\""))
            }
            #expect(try await AccountStore(database: app.db).organisation(id: sonnenweg)?.email != "getippt@sonnenweg.example")
            try await post(app, ParticipationRoute.measures(), session: planner,
                           fields: [("title", "Getippte Maßnahme (Test)"), ("status", "planned"), ("weight", "1"), ("due[a]", "b")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("Getippte Maßnahme (Test)") && res.text.contains("href=\"#due\""))
            }
            try await post(app, FundingRoute.programmes(), session: planner, fields: [("name", "Getipptes Programm (Test)"), ("legalBasis[a]", "b")]) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains("Getipptes Programm (Test)") && res.text.contains("href=\"#legalBasis\""))
            }
        }
    }

    @Test func decodingProblemsNameTheField() {
        struct Shape: Decodable { let title: String; let count: Int }
        func problem(_ json: String) -> FieldDecodingProblem? {
            let result = Result<Shape, any Error> { try JSONDecoder().decode(Shape.self, from: Data(json.utf8)) }
            guard case .failure(let error) = result, let decoding = error as? DecodingError else { return nil }
            return FieldDecodingProblem(decoding)
        }
        #expect(problem(#"{"title": 1, "count": 1}"#)?.field == "title")
        #expect(problem(#"{"title": "a", "count": "x"}"#)?.message == "the field count could not be read: expected a whole number")
        #expect(problem(#"{"title": "a"}"#)?.message == "the field count is missing")
        #expect(problem("nonsense")?.field == "body")
        #expect(FieldDecodingProblem(DecodingError.typeMismatch(String.self, .init(codingPath: [], debugDescription: ""))).apiError.status == .unprocessableEntity)
    }
}
