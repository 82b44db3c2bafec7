import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// The public Wegweiser finds what people type (endings, compounds, the planners' search words, typing errors), ranks by
/// relevance then distance, names filters it cannot use, and never shows a protected address.
@Suite("Wegweiser over HTTP")
struct WegweiserHTTPTests {
    static let debtServices = ["Schuldnerberatung Herborn (Beispiel)", "Schuldner- und Insolvenzberatung Herborn-Burg (Beispiel)", "Schuldnerberatung Wetzlar (Beispiel)"]
    static let addictionServices = ["Suchtberatung Dill (Beispiel)", "Suchtberatung Wetzlar (Beispiel)"]

    /// The names of the services listed, in their order.
    static func listed(_ html: String) -> [String] {
        html.components(separatedBy: "<li class=\"directory-entry\">").dropFirst().compactMap { entry in
            guard let start = entry.range(of: "\">"), let end = entry.range(of: "</a>") else { return nil }
            return String(entry[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    @Test("Words find their services: endings, compounds, search words of the category")
    func germanWords() async throws {
        try await withTestApp { app in
            try await get(app, "/wegweiser?suche=Schulden", session: nil) { res in
                #expect(res.status == .ok)
                #expect(Set(Self.listed(res.body.string)) == Set(Self.debtServices))
            }
            try await get(app, "/wegweiser?suche=drogen", session: nil) { res in
                #expect(Set(Self.listed(res.body.string)) == Set(Self.addictionServices))
            }
            try await get(app, "/wegweiser?suche=Kita", session: nil) { res in
                #expect(Self.listed(res.body.string) == ["Kindertagesstätte Regenbogen Aßlar (Beispiel)"])
            }
            // A part of a compound ("Insolvenzberatung") and a word of the description.
            try await get(app, "/wegweiser?suche=Insolvenz", session: nil) { res in
                #expect(Set(Self.listed(res.body.string)) == Set(Self.debtServices))
            }
            // A compound that no service names, by its parts: "Sozialpsychiatrie" finds the Sozialpsychiatrischer Dienst.
            try await get(app, "/wegweiser?suche=Sozialpsychiatrie", session: nil) { res in
                #expect(Self.listed(res.body.string) == ["Sozialpsychiatrischer Dienst (Beispiel)"])
            }
            try await get(app, "/wegweiser?suche=Krabbelgruppen", session: nil) { res in
                #expect(Self.listed(res.body.string) == ["Familienzentrum Lindenhof (Beispiel)"])
            }
            // Every word must match.
            try await get(app, "/wegweiser?suche=Schulden+Wetzlar", session: nil) { res in
                #expect(Self.listed(res.body.string) == ["Schuldnerberatung Wetzlar (Beispiel)"])
            }
            try await get(app, "/wegweiser?suche=Zahnarzt", session: nil) { res in
                #expect(Self.listed(res.body.string).isEmpty)
                #expect(res.body.string.contains("Kein Angebot passt zu dieser Suche"))
            }
        }
    }

    @Test("The planners' service list and its CSV search the same way")
    func plannerListSearch() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/angebote.csv?suche=Drogen", session: planner) { res in
                let lines = res.body.string.split(whereSeparator: \.isNewline)
                #expect(lines.count == 3)
                #expect(Self.addictionServices.allSatisfy { name in lines.contains { $0.contains(name) } })
            }
        }
    }

    @Test("A typing error is forgiven and said")
    func typingErrors() async throws {
        try await withTestApp { app in
            try await get(app, "/wegweiser?suche=Schuldnerberatnug", session: nil) { res in
                #expect(Set(Self.listed(res.body.string)) == Set(Self.debtServices))
                #expect(res.body.string.contains("Gesucht wurde auch nach „schuldnerberatung“ (statt „schuldnerberatnug“)."))
            }
            try await get(app, "/wegweiser?suche=Suchtberatug", session: nil) { res in
                #expect(Set(Self.listed(res.body.string)) == Set(Self.addictionServices))
            }
        }
    }

    @Test("Equally relevant services come nearest first from the chosen place")
    func distanceRanking() async throws {
        try await withTestApp { app in
            // Both addiction counselling services are found; Wetzlar's is 0.5 km from Wetzlar's centre, Dill's about 24 km.
            try await get(app, "/wegweiser?suche=Sucht&gemeinde=06532023", session: nil) { res in
                #expect(Self.listed(res.body.string) == ["Suchtberatung Wetzlar (Beispiel)"])
            }
            try await get(app, "/wegweiser?suche=Beratung&kategorie=suchtberatung", session: nil) { res in
                #expect(Self.listed(res.body.string) == ["Suchtberatung Dill (Beispiel)", "Suchtberatung Wetzlar (Beispiel)"])
            }
            // Without a text, a chosen place orders by distance: in Herborn, Herborn's services before Wetzlar's.
            try await get(app, "/wegweiser?gemeinde=06532012&kategorie=schwangerschaftsberatung", session: nil) { res in
                let listed = Self.listed(res.body.string)
                #expect(listed.first == "Beratungsstelle Sonnenweg – Schwangerschaftsberatung (Beispiel)")
                #expect(res.body.string.contains("etwa 0,5 km von der Ortsmitte") || res.body.string.contains("km von der Ortsmitte"))
            }
        }
    }

    @Test("Filters that cannot be used are named at their field", arguments: [
        ("alter=-3", "alter", "Alter"), ("alter=abc", "alter", "Alter"), ("alter=1e308", "alter", "Alter"), ("sprache=xx", "sprache", "Sprachen"),
        ("kategorie=nichts", "kategorie", "Thema"), ("gemeinde=99999999", "gemeinde", "Wo wohnen Sie?"), ("barrierefrei=vielleicht", "barrierefrei", "stufenlos"),
    ])
    func filterValidation(query: String, field: String, label: String) async throws {
        try await withTestApp { app in
            try await get(app, "/wegweiser?" + query, session: nil) { res in
                #expect(res.status == .badRequest)
                let html = res.body.string
                #expect(html.contains("class=\"error-summary\""))
                #expect(html.contains("href=\"#\(field)\""))
                #expect(html.contains(label))
                #expect(html.contains("aria-invalid=\"true\""))
            }
        }
    }

    @Test("A protected address shows only the phone, on every public way")
    func protectedAddress() async throws {
        try await withTestApp { app in
            let store = app.serviceStore
            let shelterID = UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000012")!
            var shelter = try #require(try await store.service(id: shelterID)).service
            shelter.addressProtected = true
            shelter.locations = [ServiceLocation(id: UUID(), street: "Geheimweg 1", postcode: "35578", city: "Wetzlar", point: Position(lon: 8.50, lat: 50.55))]
            shelter.openingHours = [OpeningHours(weekday: 1, opens: 540, closes: 720)]
            shelter.email = "schutz@frauenhaus.example"
            try await store.save(shelter, actor: .system("test"), at: testNow)
            for path in ["/wegweiser", "/wegweiser?suche=Frauenhaus", "/wegweiser/\(shelterID.uuidString.lowercased())", "/hsds/services", "/hsds/service_at_locations",
                         "/hsds/services/\(shelterID.uuidString.lowercased())"] {
                try await get(app, path, session: nil) { res in
                    let body = res.body.string
                    #expect(!body.contains("Geheimweg"), "\(path)")
                    #expect(!body.contains("schutz@frauenhaus.example"), "\(path)")
                    // Neither outreach wording nor a hint to come by in the shelter's own entry.
                    let entry = body.components(separatedBy: "Frauenhaus Lahn-Dill (Beispiel)</a>").dropFirst().first?.components(separatedBy: "</li>").first ?? ""
                    #expect(!entry.contains("kommt zu Ihnen") && !entry.contains("vorbeikommen"), "\(path)")
                    #expect(!body.contains("8.5,50.55") && !body.contains("50.55,") , "\(path)")
                }
            }
            try await get(app, "/wegweiser/\(shelterID.uuidString.lowercased())", session: nil) { res in
                #expect(res.body.string.contains("tel:06441000012"))
                #expect(res.body.string.contains("Die Adresse wird zum Schutz der Menschen dort nicht genannt."))
                #expect(!res.body.string.contains("Öffnungszeiten"))
            }
            // Planners see the address.
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/angebote/\(shelterID.uuidString.lowercased())", session: planner) { res in
                #expect(res.body.string.contains("Geheimweg 1"))
            }
            // No distance for it, not even from a chosen municipality.
            try await get(app, "/wegweiser?suche=Frauenhaus&gemeinde=06532023", session: nil) { res in
                let entry = res.body.string.components(separatedBy: "Frauenhaus Lahn-Dill (Beispiel)</a>").dropFirst().first?.components(separatedBy: "</li>").first ?? ""
                #expect(!entry.contains("km von der Ortsmitte"))
            }
            #expect(Service.invitesVisit("Kommen Sie zu uns in die Sprechstunde") && Service.invitesVisit("Sie finden uns in der Geheimstraße"))
            #expect(!Service.invitesVisit("Rufen Sie an, rund um die Uhr; wir vereinbaren mit Ihnen, wie Sie sicher zu uns kommen."))
            // A protected address needs a phone number, and no text may ask people to come by.
            shelter.phone = nil
            shelter.howToApply = "Kommen Sie vorbei!"
            #expect(throws: ValidationFailure([ValidationIssue("phone", .required), ValidationIssue("howToApply", .visitWithProtectedAddress)])) {
                try shelter.validated(categories: ["frauenhaus"], unitKeys: Set(shelter.serviceArea))
            }
        }
    }

    @Test("Planners keep a category's search words; the Wegweiser finds by them at once")
    func categorySearchWords() async throws {
        try await withTestApp { app in
            try await get(app, "/wegweiser?suche=Kredit", session: nil) { res in #expect(Self.listed(res.body.string).isEmpty) }
            let provider = try await login(app, DemoLogin.provider)
            try await post(app, "/angebotsplanung/kategorien/schuldnerberatung", session: provider, fields: [("nameDE", "X"), ("nameEN", "X"), ("synonyms", "Kredit")]) { res in
                #expect(res.status == .forbidden)
            }
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/angebotsplanung/kategorien/schuldnerberatung", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Schulden, Überschuldung, Insolvenz"))
            }
            let fields = [("nameDE", "Schuldnerberatung"), ("nameEN", "Debt counselling"), ("legalBasis", "SGB II § 16a, SGB XII § 11"), ("communalised", "ja")]
            // Too long a word is named, nothing is saved.
            try await post(app, "/angebotsplanung/kategorien/schuldnerberatung", session: planner, fields: fields + [("synonyms", String(repeating: "x", count: 61))]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("href=\"#synonyms\""))
            }
            try await post(app, "/angebotsplanung/kategorien/schuldnerberatung", session: planner, fields: fields + [("synonyms", "Kredit, Schulden\nRatenkauf")]) { res in
                #expect(res.status == .seeOther)
            }
            let category = try #require(try await app.serviceStore.categories().first { $0.code == "schuldnerberatung" })
            #expect(category.synonyms == ["Kredit", "Schulden", "Ratenkauf"])
            try await get(app, "/wegweiser?suche=Kredit", session: nil) { res in #expect(Set(Self.listed(res.body.string)) == Set(Self.debtServices)) }
            try await get(app, "/angebotsplanung/kategorien/unbekannt", session: planner) { res in #expect(res.status == .notFound) }
        }
    }
}
