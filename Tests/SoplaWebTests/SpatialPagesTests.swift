import Foundation
import SoplaCore
import Testing
import Vapor
import VaporTesting
@testable import SoplaWeb

@Suite("Spatial pages")
struct SpatialPagesTests {
    @Test func startPageShowsTheCountyMapAndTable() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .html)
                let html = res.text
                #expect(html.contains("<html lang=\"de\">"))
                #expect(html.contains("Lahn-Dill-Kreis"))
                #expect(html.components(separatedBy: "<path class=\"area").count - 1 == 23)
                #expect(html.contains("href=\"/gebiete/06532023\" aria-label=\"Wetzlar, 53.116 Einwohner\""))
                // County totals: Zensus 2022 population and area from the official tables.
                #expect(html.contains("251.972"))
                #expect(html.contains("1.066,30"))
                #expect(html.contains("© GeoBasis-DE / BKG 2013 (Daten verändert)"))
                #expect(html.contains("<strong>23</strong> Städte und Gemeinden"))
                #expect(html.contains("<strong>251.972</strong> Einwohner am 15.05.2022"))
            }
        }
    }

    @Test func startPageWithoutDataSaysHowToStart() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("Noch keine Gebiete angelegt"))
                #expect(!res.text.contains("<svg"))
            }
        }
    }

    @Test func englishIsSelectableAndRemembered() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/?lang=en") { res in
                #expect(res.text.contains("<html lang=\"en\">"))
                #expect(res.text.contains("Social planning at a glance"))
                #expect(res.text.contains("53,116"))
                #expect(res.headers.setCookie?["sopla_lang"]?.string == "en")
            }
            try await app.testing().test(.GET, "/gebiete", beforeRequest: { req in
                req.headers.cookie = ["sopla_lang": "en"]
            }) { res in
                #expect(res.text.contains("Search name or key"))
            }
        }
    }

    @Test func listSearchesSortsAndFilters() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/gebiete") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("24 Treffer"))
            }
            try await app.testing().test(.GET, "/gebiete?q=wetz") { res in
                #expect(res.text.contains("1 Treffer"))
                #expect(res.text.contains(">Wetzlar</a>"))
                #expect(res.text.contains("value=\"wetz\""))
            }
            try await app.testing().test(.GET, "/gebiete?ebene=municipality&sortierung=population&richtung=ab") { res in
                let html = res.text
                #expect(html.contains("23 Treffer"))
                let wetzlar = try #require(html.range(of: ">Wetzlar</a>"))
                let dillenburg = try #require(html.range(of: ">Dillenburg</a>"))
                let bischoffen = try #require(html.range(of: ">Bischoffen</a>"))
                #expect(wetzlar.lowerBound < dillenburg.lowerBound)
                #expect(dillenburg.lowerBound < bischoffen.lowerBound)
                #expect(html.contains("aria-sort=\"descending\""))
            }
            try await app.testing().test(.GET, "/gebiete?q=gibtsnicht") { res in
                #expect(res.text.contains("Keine Gebiete passen zu dieser Suche"))
            }
            // Nonsense parameters fall back to defaults instead of failing the page.
            try await app.testing().test(.GET, "/gebiete?seite=abc&sortierung=xyz&ebene=mond") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("24 Treffer"))
            }
        }
    }

    @Test func searchInputIsEscaped() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/gebiete?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E") { res in
                #expect(!res.text.contains("<script>"))
                #expect(res.text.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
            }
        }
    }

    @Test func unitNamesAreEscaped() async throws {
        try await withTestApp { app in
            try await app.spatial.create(SpatialUnit(key: "06532023-001", name: "<b>Alt & Neu</b>", kind: "Planungsraum", levelCode: "planning-area", parentKey: "06532023"))
            try await app.testing().test(.GET, "/gebiete/06532023-001") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("&lt;b&gt;Alt &amp; Neu&lt;/b&gt;"))
                #expect(!res.text.contains("<b>Alt"))
            }
        }
    }

    @Test func unitPageShowsFactsHistoryAndChildren() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/gebiete/06532023") { res in
                #expect(res.status == .ok)
                let html = res.text
                #expect(html.contains("Stadt Wetzlar"))
                #expect(html.contains("065320023023"))
                #expect(html.contains("52.955"))
                #expect(html.contains("+161"))
                #expect(html.contains("class=\"area c"))
                #expect(html.contains("highlight"))
                #expect(html.contains("01.01.2013"))
                #expect(html.contains("Keine untergeordneten Gebiete."))
            }
            try await app.testing().test(.GET, "/gebiete/06532") { res in
                #expect(res.text.contains("Summe der untergeordneten Gebiete"))
                #expect(res.text.contains("253.319"))
                #expect(res.text.components(separatedBy: "<th scope=\"row\"><a href=\"/gebiete/065320").count - 1 == 23)
            }
        }
    }

    @Test func unknownUnitIsA404Page() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/gebiete/06532099") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType == .html)
                #expect(res.text.contains("Seite nicht gefunden"))
            }
        }
    }

    @Test func csvExportHoldsTheFilteredTable() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/gebiete.csv?ebene=municipality&sortierung=name") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "csv")
                let lines = res.text.split(separator: "\r\n")
                #expect(lines.count == 24)
                #expect(lines[0] == "\u{FEFF}Gebietsschlüssel;ARS;Name;Art;Ebene;gehört zu;gehört zu (Schlüssel);Fläche (km²);Einwohner;Einwohner Stichtag")
                #expect(lines[1] == "06532001;065320001001;Aßlar;Stadt;Stadt/Gemeinde;Lahn-Dill-Kreis;06532;43,57;14288;15.05.2022")
            }
        }
    }

    @Test func everyTableOfAUnitPageHasItsCSV() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/gebiete/06532") { res in
                #expect(res.text.contains("href=\"/gebiete/06532/einwohner.csv\""))
                #expect(res.text.contains("href=\"/gebiete.csv?gehoert-zu=06532\""))
            }
            try await app.testing().test(.GET, "/gebiete/06532/einwohner.csv") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentDisposition?.filename == "einwohner-06532.csv")
                #expect(res.text.split(separator: "\r\n") == [
                    "\u{FEFF}Gebietsschlüssel;Gebiet;Stichtag;Einwohner;Quelle",
                    "06532;Lahn-Dill-Kreis;31.12.2019;253319;Destatis, Gemeindeverzeichnis (GV-ISys), 31.12.2019",
                    "06532;Lahn-Dill-Kreis;15.05.2022;251972;Zensus 2022, Tabelle 1000A-0000",
                ])
            }
            try await app.testing().test(.GET, "/gebiete/06532023/gebietsstaende.csv") { res in
                let lines = res.text.split(separator: "\r\n")
                #expect(lines.count == 2)
                #expect(lines[1] == "06532023;Wetzlar;01.01.2013;;8,514068;50,566344")
            }
            try await app.testing().test(.GET, "/gebiete/06532099/einwohner.csv") { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/gebiete.csv?gehoert-zu=06532") { res in
                #expect(res.text.split(separator: "\r\n").count == 24)
            }
            try await app.testing().test(.GET, "/gebiete?gehoert-zu=06532&q=wetz") { res in
                #expect(res.text.contains("1 Treffer"))
                #expect(res.text.contains("name=\"gehoert-zu\" value=\"06532\""))
            }
        }
    }

    @Test func everyResponseCarriesSecurityHeaders() async throws {
        try await withTestApp { app in
            for path in ["/", "/gebiete", "/api/v1/spatial-units", "/nirgendwo"] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                    #expect(res.headers.first(name: "Content-Security-Policy")?.contains("unsafe-inline") == false)
                    #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                    #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
                }
            }
        }
    }

    @Test func stylesheetAndInfoPagesAreServed() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/static/sopla.css") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("@media print"))
            }
            try await app.testing().test(.GET, "/static/favicon.svg") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description == "image/svg+xml")
            }
            try await app.testing().test(.GET, "/static/../Package.swift") { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/static/app.js") { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/daten") { res in
                #expect(res.text.contains("dl-de/by-2-0"))
            }
            try await app.testing().test(.GET, "/schnittstelle") { res in
                #expect(res.text.contains("/api/v1/openapi.json"))
            }
        }
    }
}
