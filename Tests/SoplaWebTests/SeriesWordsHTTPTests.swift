import Foundation
import SoplaCore
import Testing
import Vapor
import VaporTesting
@testable import SoplaWeb

/// A time series' table says why a value is missing: "geheim gehalten" where it is kept secret, "kein Wert" where
/// there is none; never "Lücke".
@Suite("Time-series words for missing values")
struct SeriesWordsHTTPTests {
    /// The section of the time series on an indicator page.
    static func series(_ html: String) -> String {
        guard let start = html.range(of: "<section aria-labelledby=\"zeitreihe\">"),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func aHiddenValueInTheSeriesSaysSuppressed() async throws {
        try await withTestApp { app in
            // A municipality with a hidden value in the public file.
            var hiddenKey: String?
            try await get(app, "/indikatoren/heim_je_1000/werte.csv?zeitreihe=alle", session: nil) { res in
                let rows = res.body.string.split(whereSeparator: \.isNewline).map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
                hiddenKey = rows.dropFirst().first { $0.count > 6 && $0[6] == "ja" && $0[0].count == 8 }?[0].replacingOccurrences(of: "\u{FEFF}", with: "")
            }
            let key = try #require(hiddenKey)
            try await get(app, "/indikatoren/heim_je_1000?gebiet=\(key)", session: nil) { res in
                let section = Self.series(res.text)
                #expect(section.contains("<td class=\"num\">geheim gehalten</td>"))
                #expect(!res.text.contains("Lücke"))
            }
            // The planner's own view shows the value itself where the public one hides it.
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/indikatoren/heim_je_1000?gebiet=\(key)", session: planner) { res in
                #expect(!Self.series(res.text).contains("geheim gehalten"))
            }
        }
    }
}
