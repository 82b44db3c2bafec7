import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Every CSV names states, kinds, roles and actions with the words its page shows, never with the codes behind them
/// (`approved`, `draft`, `higher-is-better`, `create`, `municipality`).
@Suite("CSV files in the words of the pages")
struct CSVWordsHTTPTests {
    /// The rows of a CSV as dictionaries by column name.
    static func table(_ app: Application, _ path: String, session: TestSession?) async throws -> [[String: String]] {
        var rows: [[String]] = []
        try await get(app, path, session: session) { res in
            #expect(res.status == .ok, "\(path)")
            rows = try CSV.parse(res.body.string)
        }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
    }

    /// The cells of a column, split where a cell lists several words; empty cells left out.
    static func words(_ rows: [[String: String]], _ column: String, separator: String? = nil) -> Set<String> {
        Set(rows.compactMap { $0[column] }.flatMap { cell in separator.map { cell.components(separatedBy: $0) } ?? [cell] }.filter { !$0.isEmpty })
    }

    /// Some cells of the column are filled, and each is one of `allowed`.
    static func expectWords(_ rows: [[String: String]], _ column: String, in allowed: [String], separator: String? = nil, _ file: String) {
        let found = words(rows, column, separator: separator)
        #expect(!found.isEmpty, "\(file): the column \(column) is empty")
        #expect(found.subtracting(allowed).isEmpty, "\(file): \(column) holds \(found.subtracting(allowed).sorted())")
    }

    @Test func publicFilesNameLevelsTopicsPolaritiesGapsAndSigns() async throws {
        try await withTestApp { app in
            // The demo's figures are complete: Wetzlar's unemployed are made "not yet available", Aßlar's provisional.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE observations SET value = NULL, status = '...' WHERE variable = 'alo' AND unit_key = '06532023' AND is_current = \(bind: true)").run()
            try await sql.raw("UPDATE observations SET status = 'p' WHERE variable = 'alo' AND unit_key = '06532001' AND is_current = \(bind: true)").run()
            let units = try await Self.table(app, "/gebiete.csv", session: nil)
            Self.expectWords(units, "Ebene", in: SpatialLevelCatalogue.standard.levels.map(\.nameDE), "gebiete.csv")
            #expect(Self.words(units, "Ebene").isSuperset(of: ["Kreis", "Stadt/Gemeinde"]))

            let catalogue = try await Self.table(app, "/indikatoren.csv", session: nil)
            Self.expectWords(catalogue, "Thema", in: IndicatorTopic.allCases.map { IndicatorNames.topic($0, .de) }, "indikatoren.csv")
            Self.expectWords(catalogue, "Polarität", in: Polarity.allCases.map { IndicatorNames.polarity($0, .de) }, "indikatoren.csv")

            let gaps = ([ValueGap.noData, .zeroDenominator] + ValueStatus.allCases.map { ValueGap.status($0) }).compactMap { IndicatorNames.gap($0, .de) }
            let signs = ValueStatus.allCases.map { IndicatorNames.status($0, .de) }
            var values: [[String: String]] = []
            for code in catalogue.compactMap({ $0["Code"] }) {
                values += try await Self.table(app, "/indikatoren/\(code)/werte.csv?zeitreihe=alle", session: nil)
            }
            Self.expectWords(values, "kein Wert", in: gaps, "werte.csv")
            Self.expectWords(values, "Hinweise", in: signs, separator: ", ", "werte.csv")
            #expect(Self.words(values, "kein Wert").contains("noch nicht verfügbar") && Self.words(values, "Hinweise", separator: ", ").contains("vorläufig"))

            let api = try await Self.table(app, "/api/v1/indicators/\(catalogue[0]["Code"] ?? "")/values?format=csv&level=municipality", session: nil)
            #expect(Self.words(api, "Ebene") == ["Stadt/Gemeinde"])
            #expect(Self.words(api, "kein Wert").subtracting(gaps).isEmpty && Self.words(api, "Hinweise", separator: ", ").subtracting(signs).isEmpty)
        }
    }

    @Test func plannerAndAdministratorFilesNameStatusesCategoriesKindsRolesAndActions() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let categories = try await app.serviceStore.categories()
            let services = try await Self.table(app, "/angebote.csv", session: planner)
            Self.expectWords(services, "Status", in: ServiceStatus.allCases.map { ServiceNames.status($0, .de) }, "angebote.csv")
            Self.expectWords(services, "Kategorie", in: categories.map(\.nameDE), "angebote.csv")
            Self.expectWords(services, "Kategorie (Code)", in: categories.map(\.code), "angebote.csv")
            Self.expectWords(services, "Sprachen", in: LanguageNames.all.map { LanguageNames.name($0, .de) }, separator: ", ", "angebote.csv")
            // The catchment area by name; its keys stay in a column of their own.
            #expect(!Self.words(services, "Einzugsgebiet", separator: ", ").isEmpty)
            #expect(Self.words(services, "Einzugsgebiet", separator: ", ").allSatisfy { $0.first?.isLetter == true })
            #expect(Self.words(services, "Einzugsgebiet (Schlüssel)", separator: " ").allSatisfy { $0.allSatisfy(\.isNumber) })

            try await post(app, "/angebotsplanung/doppelstrukturen", session: planner, fields: [
                ("first", "5b0c1e2a-0001-4000-8000-000000000005"), ("second", "5b0c1e2a-0001-4000-8000-000000000006"), ("verdict", "justified"), ("note", ""),
            ]) { res in #expect(res.status == .seeOther) }
            let duplicates = try await Self.table(app, "/angebotsplanung/doppelstrukturen.csv", session: planner)
            Self.expectWords(duplicates, "Bewertung", in: DuplicateReview.Verdict.allCases.map { ServiceNames.verdict($0, .de) }, "doppelstrukturen.csv")
            Self.expectWords(duplicates, "Kategorie", in: categories.map(\.nameDE), "doppelstrukturen.csv")

            let organisations = try await Self.table(app, "/organisationen.csv", session: planner)
            Self.expectWords(organisations, "Art", in: OrganisationKind.allCases.map { AccountNames.kind($0, .de) }, "organisationen.csv")

            let admin = try await login(app, DemoLogin.admin)
            let users = try await Self.table(app, "/verwaltung/benutzer.csv", session: admin)
            Self.expectWords(users, "Rollen", in: Role.allCases.map { AccountNames.role($0, .de) }, separator: ", ", "benutzer.csv")
            let audit = try await Self.table(app, "/verwaltung/protokoll.csv", session: admin)
            Self.expectWords(audit, "Aktion", in: AuditAction.allCases.map { AccountNames.auditAction($0, .de) }, "protokoll.csv")
            // Kinds of records are nouns ("Förderprogramm", "Sitzung"), not codes such as "funding-programme".
            let kinds = Self.words(audit, "Objektart")
            #expect(kinds.isSuperset(of: ["Organisation", "Angebot", "Förderprogramm"]), "\(kinds.sorted())")
            #expect(kinds.allSatisfy { $0.wholeMatch(of: /[a-z]+(-[a-z]+)*/) == nil }, "\(kinds.sorted())")
            // So are the changes: fields by their labels, values as the pages show them ("Höchste Entfernung (km): – → 25",
            // "Status: empfohlen → bewilligt"), never codes, JSON or ISO dates.
            let changes = audit.compactMap { $0["Änderungen"] }.joined(separator: "\n")
            for code in [#"{"cents""#, "→ true", "→ false", "higher-is-worse", "maxDistanceKm", "polarity:", "state:", "→ recommended", "→ published",
                         "→ shortfall", "→ invited", "→ chair"] {
                #expect(!changes.contains(code), "protokoll.csv holds \(code)")
            }
            #expect(changes.contains("Höchste Entfernung (km): – → 25"))
            #expect(changes.contains("→ bewilligt"))
            #expect(!changes.contains(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/), "protokoll.csv holds an ISO date-time")
        }
    }

    @Test func fundingAndParticipationFilesNameStatesFinancingAndDecisions() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let states = ApplicationState.allCases.map { FundingNames.state($0, Texts(.de)) }
            let applications = try await Self.table(app, "/foerderung/antraege.csv", session: planner)
            Self.expectWords(applications, "Status", in: states, "antraege.csv")
            #expect(Self.words(applications, "Status").contains("bewilligt"))
            let ranking = try await Self.table(app, FundingDemo.youth + "/rangfolge.csv", session: planner)
            Self.expectWords(ranking, "Status", in: states, "rangfolge.csv")
            let agreements = try await Self.table(app, "/foerderung/vereinbarungen.csv", session: planner)
            Self.expectWords(agreements, "Finanzierungsart", in: FinancingType.allCases.map { FundingNames.financing($0, Texts(.de)) }, "vereinbarungen.csv")

            let process = "5b0c1e2a-0100-4000-8000-000000000801"
            let statement = try #require(try await app.participationStore.all(.statement, as: Statement.self).map(\.value)
                .first { $0.processID.uuidString.lowercased() == process })
            try await post(app, "/stellungnahmen/\(process)/abwaegung/\(statement.id.uuidString.lowercased())", session: planner,
                           fields: [("decision", "noted"), ("reason", "")]) { res in #expect(res.status == .seeOther) }
            let responses = try await Self.table(app, "/stellungnahmen/\(process)/abwaegung.csv", session: planner)
            Self.expectWords(responses, "Abwägung", in: StatementResponse.Decision.allCases.map { StatementNames.decision($0, Texts(.de)) }, "abwaegungstabelle.csv")
        }
    }
}
