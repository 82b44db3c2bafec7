import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// The service inventory over HTTP: providers propose for their own organisation only, planners review with the diff,
/// survey rounds show who answered, the directory finds services, bad input stores nothing.
@Suite("Service inventory over HTTP")
struct ServiceHTTPTests {
    static let sonnenwegPregnancy = UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000003")!
    static let caritasDebt = UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000007")!
    static let demoProposal = UUID(uuidString: "5b0c1e2a-0004-4000-8000-000000000001")!
    static let demoRound = UUID(uuidString: "5b0c1e2a-0003-4000-8000-000000000001")!

    /// The form fields of a service as the edit form would send them back.
    static func fields(_ service: Service, changing changes: [String: String] = [:]) -> [(String, String)] {
        var values = ServiceFormValues.values(service)
        values.merge(changes) { $1 }
        var fields = values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        fields += service.targetGroup.sexes.map { ("sexes[]", $0.rawValue) }
        fields += (changes["serviceArea"].map { [$0] } ?? service.serviceArea.sorted()).map { ("serviceArea[]", $0) }
        return fields
    }

    @Test func providerProposesPlannerSeesDiffAndAccepts() async throws {
        try await withTestApp { app in
            let store = app.serviceStore
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let before = try #require(try await store.service(id: Self.sonnenwegPregnancy))
            let provider = try await login(app, DemoLogin.provider)
            try await get(app, "/organisationen/\(counselling.uuidString.lowercased())/angebote", session: provider) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Beratungsstelle Sonnenweg – Schwangerschaftsberatung (Beispiel)"))
                #expect(res.body.string.contains("Schuldnerberatung Herborn (Beispiel)"))
                #expect(!res.body.string.contains("Schuldnerberatung Wetzlar (Beispiel)"))
            }
            let path = "/organisationen/\(counselling.uuidString.lowercased())/angebote/\(Self.sonnenwegPregnancy.uuidString.lowercased())"
            try await post(app, path, session: provider, fields: Self.fields(before.service, changing: ["staff": "Sozialarbeit: 2,0", "phone": "02772 999999"])) { res in
                #expect(res.status == .seeOther)
            }
            // Nothing changes until the planner accepts.
            #expect(try await store.service(id: Self.sonnenwegPregnancy)?.service == before.service)
            let proposal = try #require(try await store.proposals(state: .open).first { $0.proposal.proposed.phone == "02772 999999" })
            #expect(proposal.proposal.diff.map(\.field).sorted() == ["fte.Sozialarbeit", "phone"])
            let planner = try await login(app, DemoLogin.planner)
            let review = "/angebotsplanung/vorschlaege/\(proposal.proposal.id.uuidString.lowercased())"
            try await get(app, review, session: planner) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("<del>02772 000003</del>") && html.contains("<ins>02772 999999</ins>"))
                #expect(html.contains("<del>1.00</del>") && html.contains("<ins>2.00</ins>"))
            }
            try await post(app, review, session: planner, fields: [("decision", "accept"), ("note", "Stelle ab 1.1. besetzt")]) { res in
                #expect(res.status == .seeOther)
            }
            let after = try #require(try await store.service(id: Self.sonnenwegPregnancy))
            #expect(after.service.capacity.fte == ["Sozialarbeit": 2.0] && after.service.phone == "02772 999999" && after.version == 2)
            #expect(after.service.verifiedBy == "Paul Planer (Beispiel)")
            #expect(try await store.versions(serviceID: Self.sonnenwegPregnancy).map(\.version) == [2, 1])
            // Deciding twice is refused.
            try await post(app, review, session: planner, fields: [("decision", "reject")]) { res in #expect(res.status == .conflict) }
            // The demo proposal was made on version 1: it is now stale and needs the planner's explicit confirmation.
            let stale = "/angebotsplanung/vorschlaege/\(Self.demoProposal.uuidString.lowercased())"
            try await post(app, stale, session: planner, fields: [("decision", "accept")]) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("geändert, nachdem der Vorschlag gemacht wurde"))
            }
            #expect(try await store.service(id: Self.sonnenwegPregnancy)?.version == 2)
            try await get(app, "/angebote/\(Self.sonnenwegPregnancy.uuidString.lowercased())", session: planner) { res in
                #expect(res.body.string.contains("Versionen") && res.body.string.contains("02772 000003 → 02772 999999"))
            }
        }
    }

    @Test func providerCannotTouchAnotherOrganisationsService() async throws {
        try await withTestApp { app in
            let store = app.serviceStore
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let caritas = try await organisationID(app, named: "Caritasverband (Beispiel)")
            let foreign = try #require(try await store.service(id: Self.caritasDebt))
            let provider = try await login(app, DemoLogin.provider)
            let proposalsBefore = try await store.proposals().count
            // Own organisation in the address, another's service: not found.
            try await post(app, "/organisationen/\(counselling.uuidString.lowercased())/angebote/\(Self.caritasDebt.uuidString.lowercased())", session: provider,
                           fields: Self.fields(foreign.service, changing: ["name": "Übernommen"])) { res in #expect(res.status == .notFound) }
            // Another organisation in the address: forbidden by the policy.
            try await post(app, "/organisationen/\(caritas.uuidString.lowercased())/angebote/\(Self.caritasDebt.uuidString.lowercased())", session: provider,
                           fields: Self.fields(foreign.service, changing: ["name": "Übernommen"])) { res in #expect(res.status == .forbidden) }
            try await get(app, "/organisationen/\(caritas.uuidString.lowercased())/angebote", session: provider) { res in #expect(res.status == .forbidden) }
            // Nor the planner's pages.
            try await get(app, "/angebote", session: provider) { res in #expect(res.status == .forbidden) }
            try await post(app, "/angebote/\(Self.caritasDebt.uuidString.lowercased())", session: provider, fields: Self.fields(foreign.service)) { res in
                #expect(res.status == .forbidden)
            }
            #expect(try await store.proposals().count == proposalsBefore)
            #expect(try await store.service(id: Self.caritasDebt)?.service == foreign.service)
        }
    }

    @Test func badServiceInputIsNamedAndNothingIsStored() async throws {
        try await withTestApp { app in
            let store = app.serviceStore
            let planner = try await login(app, DemoLogin.planner)
            let caritas = try await organisationID(app, named: "Caritasverband (Beispiel)")
            let count = try await store.services().count
            let fields: [(String, String)] = [
                ("organisation", caritas.uuidString.lowercased()), ("name", "Neue Beratung"), ("category", "gibt-es-nicht"), ("status", "active"),
                ("lat", "40,1"), ("lon", "8,5"), ("openingHours", "Mo 09:00-12:00\nMo 11:00-13:00"), ("staff", "Sozialarbeit: -1"),
                ("serviceArea[]", "06532023"), ("email", "kein-mail"),
            ]
            try await post(app, "/angebote", session: planner, fields: fields) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("gibt-es-nicht"))
                // Coordinates outside Germany are named by field and range.
                #expect(html.contains("Breitengrad: bitte eine Zahl zwischen 47,20 und 55,10 angeben."))
                #expect(html.contains("Mo 09:00-12:00") && html.contains("role=\"alert\""))
                #expect(html.contains("Vollzeitäquivalente: bitte eine Zahl zwischen 0 und 10.000 angeben."))
                #expect(html.contains("value=\"Neue Beratung\""))
            }
            #expect(try await store.services().count == count)
            // Fixed, it is stored as version 1 with its audit entry.
            var fixed = fields.filter { !["category", "lat", "openingHours", "staff", "email"].contains($0.0) }
            fixed += [("category", "schuldnerberatung"), ("lat", "50,55"), ("openingHours", "Mo 09:00-12:00\nMo 13:00-15:00"), ("staff", "Sozialarbeit: 1")]
            try await post(app, "/angebote", session: planner, fields: fixed) { res in #expect(res.status == .seeOther) }
            let created = try #require(try await store.services().first { $0.service.name == "Neue Beratung" })
            #expect(created.version == 1 && created.service.openingHours.count == 2 && created.service.locations.first?.point == Position(lon: 8.5, lat: 50.55))
            let audit = try await AccountStore(database: app.db).audit(AuditQuery(entityType: AuditEntity.service, entityID: created.service.id.uuidString.lowercased()))
            #expect(audit.entries.count == 1)
        }
    }

    @Test func savingUnchangedVerifiesWithoutANewVersion() async throws {
        try await withTestApp(clock: .fixed(testNow.addingTimeInterval(40 * 86_400))) { app in
            let planner = try await login(app, DemoLogin.planner)
            let before = try #require(try await app.serviceStore.service(id: Self.caritasDebt))
            try await post(app, "/angebote/\(Self.caritasDebt.uuidString.lowercased())", session: planner, fields: Self.fields(before.service)) { res in
                #expect(res.status == .seeOther)
            }
            let after = try #require(try await app.serviceStore.service(id: Self.caritasDebt))
            #expect(after.version == 1)
            #expect(after.service.verifiedBy == "Paul Planer (Beispiel)" && after.service.lastVerified == Day(testNow.addingTimeInterval(40 * 86_400)))
        }
    }

    @Test func surveyRoundShowsWhoHasNotAnswered() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let family = try await organisationID(app, named: DemoAccounts.familyCentre)
            var roundPath = ""
            try await post(app, "/angebotsplanung/erhebungen", session: planner, fields: [
                ("title", "Nacherhebung"), ("opensOn", "2025-11-25"), ("deadline", "2025-11-01"),
                ("organisations[]", counselling.uuidString.lowercased()), ("organisations[]", family.uuidString.lowercased()),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Frist"))
            }
            try await post(app, "/angebotsplanung/erhebungen", session: planner, fields: [
                ("title", "Nacherhebung"), ("opensOn", "2025-11-25"), ("deadline", "2025-12-20"),
                ("organisations[]", counselling.uuidString.lowercased()), ("organisations[]", family.uuidString.lowercased()),
            ]) { res in
                #expect(res.status == .seeOther)
                roundPath = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            try await get(app, roundPath, session: planner) { res in
                #expect(res.body.string.contains("2 von 2 Trägern haben noch nicht geantwortet."))
            }
            let roundID = String(roundPath.split(separator: "/").last!)
            let provider = try await login(app, DemoLogin.provider)
            try await post(app, "/organisationen/\(counselling.uuidString.lowercased())/erhebungen/\(roundID)/unveraendert", session: provider) { res in
                #expect(res.status == .seeOther)
            }
            try await get(app, roundPath, session: planner) { res in
                #expect(res.body.string.contains("1 von 2 Trägern haben noch nicht geantwortet."))
                #expect(res.body.string.contains("Unverändert bestätigt"))
            }
            // The family centre may not answer for the counselling service.
            let other = try await login(app, DemoLogin.otherProvider)
            try await post(app, "/organisationen/\(counselling.uuidString.lowercased())/erhebungen/\(roundID)/unveraendert", session: other) { res in
                #expect(res.status == .forbidden)
            }
            try await post(app, roundPath + "/abschliessen", session: planner) { res in #expect(res.status == .seeOther) }
            try await get(app, "/angebotsplanung/erhebungen", session: planner) { res in #expect(res.body.string.contains("abgeschlossen")) }
        }
    }

    @Test func directoryFindsByPlaceTopicAgeAndLanguage() async throws {
        try await withTestApp { app in
            try await get(app, "/wegweiser?gemeinde=06532012&kategorie=schuldnerberatung", session: nil) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("2 Angebote gefunden"))
                #expect(html.contains("Schuldnerberatung Herborn (Beispiel)") && html.contains("Schuldner- und Insolvenzberatung Herborn-Burg (Beispiel)"))
                #expect(!html.contains("Schuldnerberatung Wetzlar (Beispiel)"))
            }
            try await get(app, "/wegweiser?kategorie=schuldnerberatung&alter=16", session: nil) { res in
                #expect(res.body.string.contains("0 Angebote gefunden"))
            }
            try await get(app, "/wegweiser?sprache=ar&suche=beratung", session: nil) { res in
                #expect(res.body.string.contains("Schuldnerberatung Wetzlar (Beispiel)"))
                #expect(!res.body.string.contains("Suchtberatung Dill (Beispiel)"))
            }
            try await get(app, "/wegweiser/\(Self.sonnenwegPregnancy.uuidString.lowercased())", session: nil) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Sonnenweg 7 (Beispiel)") && res.body.string.contains("tel:02772000003"))
                // Staff figures are for planners, not for the public page.
                #expect(!res.body.string.contains("VZÄ"))
            }
        }
    }

    @Test func coverageDuplicatesAndStandards() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/angebotsplanung/versorgung.csv?kategorie=schwangerschaftsberatung", session: planner) { res in
                let lines = res.body.string.split(whereSeparator: \.isNewline).map(String.init)
                #expect(lines.count == 1 + 23 + 1)
                // The county row: all four services' FTE (1.5 + 0.5 + 1 + 1 + 0.75).
                let total = try #require(lines.last).split(separator: ";").map(String.init)
                #expect(total[0] == "kreis" && total[3] == "4,75")
            }
            try await get(app, "/angebotsplanung/doppelstrukturen", session: planner) { res in
                #expect(res.body.string.contains("Beide bieten Schuldnerberatung für Erwachsene in Herborn und Sinn an, 1,1 km voneinander entfernt."))
            }
            let first = UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000005")!, second = UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000006")!
            try await post(app, "/angebotsplanung/doppelstrukturen", session: planner, fields: [
                ("first", second.uuidString), ("second", first.uuidString), ("verdict", "justified"), ("note", "Wartelisten bei beiden"),
            ]) { res in #expect(res.status == .seeOther) }
            #expect(try await app.serviceStore.duplicateReviews().map(\.verdict) == [.justified])
            try await post(app, "/angebotsplanung/doppelstrukturen", session: planner, fields: [("first", first.uuidString), ("second", second.uuidString), ("verdict", "")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, "/angebotsplanung/standards", session: planner, fields: [
                ("category", "suchtberatung"), ("fte", "-1"), ("inhabitants", "30000"), ("population", "total"), ("source", "Beispiel"),
            ]) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, "/angebotsplanung/standards", session: planner, fields: [
                ("category", "suchtberatung"), ("fte", "1,5"), ("inhabitants", "50000"), ("population", "total"), ("maxDistanceKm", "20"), ("source", "Beispielwert"),
                ("customValues", "Offene Sprechstunde: wöchentlich\nohne Doppelpunkt"),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("ohne Doppelpunkt"))
            }
            try await post(app, "/angebotsplanung/standards", session: planner, fields: [
                ("category", "suchtberatung"), ("fte", "1,5"), ("inhabitants", "50000"), ("population", "total"), ("maxDistanceKm", "20"), ("source", "Beispielwert"),
                ("customValues", "Offene Sprechstunde: wöchentlich"),
            ]) { res in #expect(res.status == .seeOther) }
            #expect(try await app.serviceStore.standards().contains {
                $0.categoryCode == "suchtberatung" && $0.fte == 1.5 && $0.inhabitants == 50_000 && $0.customValues == ["Offene Sprechstunde": "wöchentlich"]
            })
            try await get(app, "/angebotsplanung/standards?kategorie=suchtberatung", session: planner) { res in
                #expect(res.body.string.contains("Offene Sprechstunde: wöchentlich</textarea>"))
            }
            // Weights instead of the population split, by municipality name; a municipality outside the area is named.
            let herborn = UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000005")!
            let service = try #require(try await app.serviceStore.service(id: herborn)).service
            try await post(app, "/angebote/\(herborn.uuidString.lowercased())", session: planner,
                           fields: Self.fields(service, changing: ["areaShares": "Herborn: 75\nWetzlar: 25"])) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("06532023: 25.0"))
            }
            try await post(app, "/angebote/\(herborn.uuidString.lowercased())", session: planner,
                           fields: Self.fields(service, changing: ["areaShares": "Herborn: 75\nSinn: 25"])) { res in #expect(res.status == .seeOther) }
            #expect(try await app.serviceStore.service(id: herborn)?.service.areaShares == ["06532012": 75, "06532020": 25])
            try await get(app, "/angebotsplanung/versorgung.csv?kategorie=schuldnerberatung", session: planner) { res in
                let herbornRow = try #require(res.body.string.split(whereSeparator: \.isNewline).first { $0.hasPrefix("06532012;") }).split(separator: ";")
                // Herborn: 75 % of Sonnenweg's 1.25 FTE = 0.9375, plus the Burg service's 0.75 FTE split by population with Sinn
                // (Zensus 2022: 20,084 and 6,390): 0.75 × 20,084 / 26,474 = 0.56897 → 1.506.
                #expect(herbornRow[3] == "1,506")
            }
            try await post(app, "/angebotsplanung/kategorien", session: planner, fields: [("code", "wohnungsnotfallhilfe"), ("nameDE", "Wohnungsnotfallhilfe"), ("nameEN", "Homeless support")]) { res in
                #expect(res.status == .seeOther)
            }
            try await post(app, "/angebotsplanung/kategorien", session: planner, fields: [("code", "wohnungsnotfallhilfe"), ("nameDE", "Doppelt"), ("nameEN", "Twice")]) { res in
                #expect(res.status == .conflict)
            }
            #expect(try await app.serviceStore.categories().filter { $0.code == "wohnungsnotfallhilfe" }.map(\.nameDE) == ["Wohnungsnotfallhilfe"])
        }
    }
}

@Suite("HSDS package")
struct HSDSPackageTests {
    /// The package without its change times (they differ between two databases).
    static func strip(_ package: HSDS.Package) -> HSDS.Package {
        var copy = package
        copy.services = package.services?.map { service in
            var service = service
            service.lastModified = nil
            return service
        }
        return copy
    }

    static func reader(_ units: Set<String>) -> HSDSPackageReader {
        HSDSPackageReader(knownOrganisations: [], unitKeys: units, problemText: { IssueText.message($0, .en) })
    }

    @Test func exportImportIntoEmptyDatabaseExportGivesTheSameData() async throws {
        var exported = Data()
        try await withTestApp { app in
            let data = try await HSDSController.Data.load(store: app.serviceStore, accounts: AccountStore(database: app.db), spatial: app.spatial)
            exported = try HSDS.encode(Self.strip(data.package))
        }
        try await withTestApp(demo: false) { app in
            _ = try await DemoData.seed(repository: app.spatialWriter(.system("test")), catalogue: app.settings.levels)
            #expect(try await app.serviceStore.services().isEmpty)
            let reader = Self.reader(Set(try await app.spatial.allUnits().map(\.key)))
            let result = try reader.read(exported)
            #expect(result.services.count == DemoServices.entries.count)
            // The women's shelter keeps its protected address through export and import.
            #expect(result.services.filter(\.addressProtected).map(\.name) == ["Frauenhaus Lahn-Dill (Beispiel)"])
            try await app.serviceStore.importInventory(organisations: result.organisations, categories: result.categories, services: result.services,
                                                       actor: .system("test"), at: testNow)
            let again = try await HSDSController.Data.load(store: app.serviceStore, accounts: AccountStore(database: app.db), spatial: app.spatial)
            #expect(String(decoding: try HSDS.encode(Self.strip(again.package)), as: UTF8.self) == String(decoding: exported, as: UTF8.self))
        }
    }

    @Test func brokenReferencesAreNamedAndNothingIsStored() async throws {
        try await withTestApp(demo: false) { app in
            _ = try await DemoData.seed(repository: app.spatialWriter(.system("test")), catalogue: app.settings.levels)
            let package: [String: Any] = [
                "organizations": [["id": "6f1c0000-0000-4000-8000-000000000001", "name": "Träger A", "description": "A"]],
                "taxonomy_terms": try JSONSerialization.jsonObject(with: HSDS.encode(HSDSInventory.terms(ServiceCategory.seed))),
                "services": [
                    ["id": "6f1c0000-0000-4000-8000-000000000002", "name": "Gut", "status": "active", "organization_id": "6f1c0000-0000-4000-8000-000000000001",
                     "attributes": [["id": "6f1c0000-0000-4000-8000-000000000003", "taxonomy_term_id": HSDSInventory.categoryTermID("suchtberatung")]]],
                    ["id": "6f1c0000-0000-4000-8000-000000000004", "name": "Ohne Träger", "status": "active", "organization_id": "6f1c0000-0000-4000-8000-0000000000ff",
                     "attributes": [["id": "6f1c0000-0000-4000-8000-000000000005", "taxonomy_term_id": HSDSInventory.categoryTermID("suchtberatung")]]],
                    ["id": "6f1c0000-0000-4000-8000-000000000006", "name": "Falscher Begriff", "status": "active", "organization_id": "6f1c0000-0000-4000-8000-000000000001",
                     "attributes": [["id": "6f1c0000-0000-4000-8000-000000000007", "taxonomy_term_id": "6f1c0000-0000-4000-8000-0000000000ee"]]],
                    ["id": "6f1c0000-0000-4000-8000-000000000008", "name": "Fremdes Gebiet", "status": "active", "organization_id": "6f1c0000-0000-4000-8000-000000000001",
                     "attributes": [["id": "6f1c0000-0000-4000-8000-000000000009", "taxonomy_term_id": HSDSInventory.categoryTermID("suchtberatung")]],
                     "service_areas": [["id": "6f1c0000-0000-4000-8000-00000000000a", "name": "Berlin",
                                        "attributes": [["id": "6f1c0000-0000-4000-8000-00000000000b", "taxonomy_term_id": HSDSInventory.attributeTermID("unit-key"), "value": "11000000"]]]]],
                ],
            ]
            let reader = Self.reader(Set(try await app.spatial.allUnits().map(\.key)))
            #expect(throws: HSDSPackageReader.Failure.self) { try reader.read(try JSONSerialization.data(withJSONObject: package)) }
            do {
                _ = try reader.read(try JSONSerialization.data(withJSONObject: package))
            } catch let failure as HSDSPackageReader.Failure {
                #expect(failure.problems == [
                    "services[1] (Ohne Träger): organization_id 6f1c0000-0000-4000-8000-0000000000ff is not in the package",
                    "services[2] (Falscher Begriff): attribute with taxonomy_term_id 6f1c0000-0000-4000-8000-0000000000ee names no term of the package",
                    "services[2] (Falscher Begriff): no category attribute (a term of sopla-kategorien)",
                    "services[3] (Fremdes Gebiet): service area Berlin names no known spatial unit (11000000)",
                ])
            }
            #expect(try await app.serviceStore.services().isEmpty)
        }
    }
}
