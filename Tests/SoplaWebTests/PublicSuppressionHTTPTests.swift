import Foundation
import SoplaCore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("No reasons for hidden values in public")
struct PublicSuppressionHTTPTests {
    /// Residential care per 1,000 under-21s: the demo has small counts there, so some values are hidden.
    static let path = "/indikatoren/heim_je_1000"

    static func noReason(_ text: String, _ what: String) {
        let lower = text.lowercased()
        for word in ["primary", "secondary", "primär", "sekundär"] { #expect(!lower.contains(word), "\(what) says \(word)") }
    }

    @Test func publicPageCSVAndAPISayOnlyThatAValueIsHidden() async throws {
        try await withTestApp { app in
            try await get(app, Self.path + "/werte.csv?zeitreihe=alle", session: nil) { res in
                let body = res.body.string
                Self.noReason(body, "the public CSV")
                let lines = body.split(whereSeparator: \.isNewline).map(String.init)
                #expect(lines.first?.hasSuffix("Gebietsschlüssel;Gebiet;Stichtag;Wert;Zähler;Nenner;geheim gehalten;kein Wert;Hinweise;Veröffentlichung") == true)
                // Hidden rows: no value, numerator or denominator, and suppressed true; every other row false.
                let hidden = lines.filter { $0.contains(";ja;") }
                #expect(!hidden.isEmpty)
                #expect(hidden.allSatisfy { $0.contains(";;;;ja;") })
                #expect(lines.dropFirst().allSatisfy { $0.contains(";ja;") || $0.contains(";nein;") })
            }
            try await get(app, Self.path + "?stichtag=2024-12-31", session: nil) { res in
                let body = res.body.string
                #expect(body.contains("geheim gehalten"))
                Self.noReason(body, "the public page")
            }
            try await get(app, "/api/v1/indicators/heim_je_1000/values?date=2024-12-31&level=municipality", session: nil) { res in
                let body = res.body.string
                #expect(body.contains("\"suppressed\":true"))
                Self.noReason(body, "the API")
            }
            try await get(app, "/api/v1/indicators/heim_je_1000/values?date=2024-12-31&level=municipality&format=csv", session: nil) { res in
                #expect(res.body.string.contains(";ja;"))
                Self.noReason(res.body.string, "the API's CSV")
            }
        }
    }

    @Test func onlyAPlannersRawCSVSaysWhy() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, Self.path + "/werte.csv?zeitreihe=alle", session: planner) { res in
                let body = res.body.string
                #expect(body.contains(";ja (primär);") && body.contains("nicht zur Veröffentlichung"))
            }
            // The same planner asking for the public view gets the public file.
            try await get(app, Self.path + "/werte.csv?zeitreihe=alle&ansicht=oeffentlich", session: planner) { res in
                #expect(res.body.string.contains(";ja;"))
                Self.noReason(res.body.string, "the public view's CSV")
            }
            // A provider is the public.
            let provider = try await login(app, DemoLogin.provider)
            try await get(app, Self.path + "/werte.csv?zeitreihe=alle", session: provider) { res in
                #expect(res.body.string.contains(";ja;"))
                Self.noReason(res.body.string, "a provider's CSV")
            }
        }
    }
}
