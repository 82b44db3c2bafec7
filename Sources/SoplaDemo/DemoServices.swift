import Foundation
import SoplaCore
import SoplaStore

/// Invented but plausible services for the Lahn-Dill demo (every name marked "Beispiel"): the categories spread over
/// Wetzlar, Dillenburg, Herborn, Haiger and smaller municipalities, with gaps and one duplicate pair, so coverage
/// and duplicate views show something. Addresses are invented; coordinates lie in the named towns.
enum DemoServices {
    struct Entry {
        let id: String
        let name: String
        let organisation: String
        let category: String
        let fte: [String: Double]
        let area: [String]
        let place: (street: String, postcode: String, city: String, lat: Double, lon: Double)?
        var minAge: Int? = nil
        var maxAge: Int? = nil
        var preventive = false
        var languages = ["de"]
        var stepFree = false
        var outreach = false
        var addressProtected = false
        var phone: String? = nil
        var description = ""
        /// Weights per unit instead of the population split.
        var shares: [String: Double]? = nil
    }

    static let wetzlar = "06532023", dillenburg = "06532006", herborn = "06532012", haiger = "06532011", sinn = "06532020"
    static let south = ["06532001", "06532003", "06532008", "06532013", "06532014", "06532015", "06532016", "06532018", "06532021", "06532022", wetzlar]
    static let north = ["06532002", "06532004", "06532005", "06532007", "06532009", "06532010", haiger, "06532017", herborn, "06532019", sinn, dillenburg]
    static let county = south + north

    static let entries: [Entry] = [
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000001", name: "Schwangerschafts- und Schwangerschaftskonfliktberatung Wetzlar (Beispiel)",
              organisation: "Diakonisches Werk (Beispiel)", category: "schwangerschaftsberatung", fte: ["Sozialarbeit": 1.5, "Psychologie": 0.5],
              area: [wetzlar, "06532001", "06532015", "06532014", "06532018", "06532022"], place: ("Bahnhofstraße 10 (Beispiel)", "35576", "Wetzlar", 50.5560, 8.5040),
              languages: ["de", "en", "tr"], stepFree: true, phone: "06441 000001",
              description: "Beratung rund um Schwangerschaft, Geburt und Familienplanung, auch Konfliktberatung nach § 219 StGB mit Beratungsschein."),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000002", name: "Schwangerenberatung Solms-Braunfels (Beispiel)", organisation: "Caritasverband (Beispiel)",
              category: "schwangerschaftsberatung", fte: ["Sozialarbeit": 1.0], area: ["06532021", "06532003", "06532016"],
              place: ("Marktplatz 3 (Beispiel)", "35606", "Solms", 50.5390, 8.4050), phone: "06442 000002",
              description: "Beratung für Schwangere und junge Familien, Hilfe bei Anträgen auf Stiftungsmittel."),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000003", name: "Beratungsstelle Sonnenweg – Schwangerschaftsberatung (Beispiel)",
              organisation: "Beratungsstelle Sonnenweg (Beispiel)", category: "schwangerschaftsberatung", fte: ["Sozialarbeit": 1.0],
              area: [herborn, sinn, "06532017", "06532010", "06532007"], place: ("Sonnenweg 7 (Beispiel)", "35745", "Herborn", 50.6830, 8.3040),
              stepFree: true, phone: "02772 000003", description: "Schwangerschafts- und Konfliktberatung im Raum Herborn."),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000004", name: "Schwangerschaftsberatung Dillenburg (Beispiel)", organisation: "Arbeiterwohlfahrt Kreisverband (Beispiel)",
              category: "schwangerschaftsberatung", fte: ["Sozialarbeit": 0.75], area: [dillenburg, haiger, "06532009", "06532005", "06532019", "06532004", "06532002"],
              place: ("Hauptstraße 20 (Beispiel)", "35683", "Dillenburg", 50.7400, 8.2870), phone: "02771 000004",
              shares: [dillenburg: 40, haiger: 30, "06532009": 10, "06532005": 5, "06532019": 5, "06532004": 5, "06532002": 5]),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000005", name: "Schuldnerberatung Herborn (Beispiel)", organisation: "Beratungsstelle Sonnenweg (Beispiel)",
              category: "schuldnerberatung", fte: ["Sozialarbeit": 1.0, "Verwaltung": 0.25], area: [herborn, sinn],
              place: ("Sonnenweg 7 (Beispiel)", "35745", "Herborn", 50.6830, 8.3040), minAge: 18, stepFree: true, phone: "02772 000005",
              description: "Beratung bei Schulden, Insolvenzberatung, Pfändungsschutzkonto-Bescheinigung."),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000006", name: "Schuldner- und Insolvenzberatung Herborn-Burg (Beispiel)",
              organisation: "Arbeiterwohlfahrt Kreisverband (Beispiel)", category: "schuldnerberatung", fte: ["Sozialarbeit": 0.75], area: [herborn, sinn],
              place: ("Burger Hauptstraße 5 (Beispiel)", "35745", "Herborn", 50.6930, 8.3000), minAge: 18, phone: "02772 000006"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000007", name: "Schuldnerberatung Wetzlar (Beispiel)", organisation: "Caritasverband (Beispiel)",
              category: "schuldnerberatung", fte: ["Sozialarbeit": 1.5], area: south, place: ("Goethestraße 14 (Beispiel)", "35578", "Wetzlar", 50.5520, 8.4990),
              minAge: 18, languages: ["de", "ru", "ar"], phone: "06441 000007"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000008", name: "Suchtberatung Dill (Beispiel)", organisation: "Verein für Suchthilfe Dill (Beispiel)",
              category: "suchtberatung", fte: ["Sozialarbeit": 2.0, "Psychologie": 0.5], area: north,
              place: ("Wilhelmstraße 9 (Beispiel)", "35683", "Dillenburg", 50.7380, 8.2850), minAge: 14, phone: "02771 000008"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000009", name: "Suchtberatung Wetzlar (Beispiel)", organisation: "Diakonisches Werk (Beispiel)",
              category: "suchtberatung", fte: ["Sozialarbeit": 2.0], area: south, place: ("Bahnhofstraße 10 (Beispiel)", "35576", "Wetzlar", 50.5560, 8.5040),
              minAge: 14, stepFree: true, phone: "06441 000009"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000010", name: "Erziehungs- und Familienberatung Wetzlar (Beispiel)",
              organisation: "Kreisverwaltung, Fachdienst Sozialplanung (Beispiel)", category: "erziehungsberatung", fte: ["Psychologie": 2.0, "Sozialpädagogik": 2.0],
              area: south, place: ("Karl-Kellner-Ring 51 (Beispiel)", "35576", "Wetzlar", 50.5580, 8.5000), maxAge: 27, preventive: true,
              languages: ["de", "en", "tr"], stepFree: true, phone: "06441 000010"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000011", name: "Erziehungsberatung Dillenburg (Beispiel)", organisation: "Caritasverband (Beispiel)",
              category: "erziehungsberatung", fte: ["Psychologie": 1.0, "Sozialpädagogik": 1.0], area: north,
              place: ("Schlossberg 2 (Beispiel)", "35683", "Dillenburg", 50.7410, 8.2840), maxAge: 27, preventive: true, phone: "02771 000011"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000012", name: "Frauenhaus Lahn-Dill (Beispiel)", organisation: "Paritätischer Wohlfahrtsverband, Kreisgruppe (Beispiel)",
              category: "frauenhaus", fte: ["Sozialarbeit": 2.5], area: county, place: nil, minAge: 18, languages: ["de", "en", "ar", "tr"], addressProtected: true,
              phone: "06441 000012", description: "Schutz und Unterkunft für Frauen und ihre Kinder. Die Adresse ist geheim; erreichbar rund um die Uhr über das Telefon."),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000013", name: "Frühförderstelle Herborn (Beispiel)", organisation: "Deutsches Rotes Kreuz Kreisverband (Beispiel)",
              category: "fruehfoerderung", fte: ["Heilpädagogik": 2.0, "Physiotherapie": 0.5], area: north,
              place: ("Am Hintersand 4 (Beispiel)", "35745", "Herborn", 50.6800, 8.3070), maxAge: 6, preventive: true, stepFree: true, phone: "02772 000013"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000014", name: "Familienzentrum Lindenhof (Beispiel)", organisation: "Familienzentrum Lindenhof (Beispiel)",
              category: "familienzentrum", fte: ["Sozialpädagogik": 1.5], area: [wetzlar], place: ("Lindenhof 1 (Beispiel)", "35578", "Wetzlar", 50.5500, 8.5100),
              preventive: true, languages: ["de", "ar", "uk"], stepFree: true, phone: "06441 000014",
              description: "Offener Treff, Elterncafé, Krabbelgruppen und Beratung für Familien im Stadtteil."),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000015", name: "Selbsthilfekontaktstelle Lahn-Dill (Beispiel)",
              organisation: "Paritätischer Wohlfahrtsverband, Kreisgruppe (Beispiel)", category: "selbsthilfe", fte: ["Sozialarbeit": 1.0], area: county,
              place: ("Schillerplatz 8 (Beispiel)", "35578", "Wetzlar", 50.5530, 8.5010), minAge: 18, preventive: true, stepFree: true, phone: "06441 000015"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000016", name: "AIDS-Hilfe Beratung (Beispiel)", organisation: "Diakonisches Werk (Beispiel)",
              category: "aidsberatung", fte: ["Sozialarbeit": 0.5], area: county, place: ("Bahnhofstraße 10 (Beispiel)", "35576", "Wetzlar", 50.5560, 8.5040),
              preventive: true, phone: "06441 000016"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000017", name: "Mobile Jugendarbeit Haiger (Beispiel)", organisation: "Deutsches Rotes Kreuz Kreisverband (Beispiel)",
              category: "jugendarbeit", fte: ["Sozialpädagogik": 1.0], area: [haiger, "06532005"], place: nil, minAge: 12, maxAge: 27, preventive: true,
              outreach: true, phone: "02773 000017"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000018", name: "Sozialpsychiatrischer Dienst (Beispiel)", organisation: "Kreisverwaltung, Fachdienst Sozialplanung (Beispiel)",
              category: "gemeindepsychiatrie", fte: ["Sozialarbeit": 3.0, "Psychiatrie": 0.5], area: county,
              place: ("Karl-Kellner-Ring 51 (Beispiel)", "35576", "Wetzlar", 50.5580, 8.5000), minAge: 18, stepFree: true, phone: "06441 000018"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000019", name: "Familienentlastender Dienst (Beispiel)", organisation: "Arbeiterwohlfahrt Kreisverband (Beispiel)",
              category: "familienentlastung", fte: ["Heilerziehungspflege": 1.0], area: north + [wetzlar], place: nil, preventive: true, outreach: true,
              phone: "02772 000019"),
        Entry(id: "5b0c1e2a-0001-4000-8000-000000000020", name: "Kindertagesstätte Regenbogen Aßlar (Beispiel)", organisation: "Arbeiterwohlfahrt Kreisverband (Beispiel)",
              category: "kindertagesbetreuung", fte: ["Erziehung": 6.5], area: ["06532001"], place: ("Hauptstraße 30 (Beispiel)", "35614", "Aßlar", 50.5893, 8.4647),
              maxAge: 6, languages: ["de", "tr"], stepFree: true, phone: "06441 000020",
              description: "Krippe und Kindergarten für Kinder von einem bis sechs Jahren, Ganztagsbetreuung mit Mittagessen."),
    ]

    static let standards: [PlanningStandard] = [
        PlanningStandard(categoryCode: "erziehungsberatung", fte: 4, inhabitants: 10_000, population: .variable("bev_u21"), maxDistanceKm: 25,
                         source: "Beispielwert in Anlehnung an Empfehlungen der Bundeskonferenz für Erziehungsberatung (bke)",
                         text: "Je 10.000 junge Menschen unter 21 Jahren sollen vier Fachkräfte der Erziehungsberatung zur Verfügung stehen (Beispielwert).",
                         customValues: ["Wartezeit bis zum Erstgespräch": "höchstens 4 Wochen (Beispielwert)"]),
        PlanningStandard(categoryCode: "schuldnerberatung", fte: 1, inhabitants: 25_000, maxDistanceKm: 15, source: "Beispielwert der Sozialplanung",
                         text: "Eine Vollzeitstelle Schuldnerberatung je 25.000 Einwohnerinnen und Einwohner, höchstens 15 km bis zur nächsten Beratungsstelle (Beispielwert)."),
        PlanningStandard(categoryCode: "schwangerschaftsberatung", fte: 1, inhabitants: 40_000, maxDistanceKm: 20, source: "SchKG § 4 Abs. 1",
                         text: PlanningStandard.pregnancyCounselling.text),
    ]

    /// Adds the demo services, standards, one open survey round and one provider's proposal; does nothing when services exist.
    @discardableResult
    static func seed(store: ServiceStore, accounts: AccountStore, clock: Clock) async throws -> Int {
        guard try await store.services().isEmpty else { return 0 }
        let actor = AuditActor.system("sopla demo")
        let now = clock.now()
        // Categories seeded after the database was created (and their search words) come with the demo's services.
        let known = Set(try await store.categories().map(\.code))
        for var category in ServiceCategory.seed where !known.contains(category.code) {
            category.synonyms = ServiceCategory.seedSynonyms[category.code] ?? []
            try await store.save(category, actor: actor, at: now)
        }
        let organisations = Dictionary(try await accounts.organisations().map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        var created = 0
        for entry in entries {
            guard let organisation = organisations[entry.organisation], let id = UUID(uuidString: entry.id) else { continue }
            let location = entry.place.map {
                ServiceLocation(id: UUID(uuidString: "5b0c1e2a-0002" + entry.id.dropFirst(13))!, street: $0.street, postcode: $0.postcode, city: $0.city,
                                point: Position(lon: $0.lon, lat: $0.lat))
            }
            let service = Service(id: id, organisationID: organisation, name: entry.name, description: entry.description, categoryCode: entry.category,
                                  legalBasis: ServiceCategory.seed.first { $0.code == entry.category }?.legalBasis,
                                  targetGroup: TargetGroup(minAge: entry.minAge, maxAge: entry.maxAge), preventive: entry.preventive, languages: entry.languages,
                                  stepFree: entry.stepFree, fees: "kostenlos",
                                  howToApply: entry.addressProtected ? "Rufen Sie an, rund um die Uhr; wir vereinbaren mit Ihnen, wie Sie sicher zu uns kommen."
                                      : "Anrufen oder vorbeikommen; Termine nach Vereinbarung.",
                                  openingHours: entry.outreach || entry.addressProtected ? [] : [OpeningHours(weekday: 1, opens: 540, closes: 720), OpeningHours(weekday: 3, opens: 840, closes: 1080),
                                                                     OpeningHours(weekday: 4, opens: 540, closes: 720)],
                                  phone: entry.phone, status: .active, lastVerified: Day(now), verifiedBy: actor.label, locations: location.map { [$0] } ?? [],
                                  outreach: entry.outreach, serviceArea: Set(entry.area),
                                  capacity: Capacity(fte: entry.fte, casesPerYear: Int(entry.fte.values.reduce(0, +) * 120), referenceYear: clock.today.year - 1),
                                  areaShares: entry.shares, addressProtected: entry.addressProtected)
            try await store.save(service, actor: actor, at: now)
            created += 1
        }
        for standard in standards { try await store.save(standard, actor: actor, at: now) }
        let providers = Set(entries.compactMap { organisations[$0.organisation] })
        let today = clock.today
        let round = SurveyRound(id: UUID(uuidString: "5b0c1e2a-0003-4000-8000-000000000001")!, title: "Bestandserhebung \(today.year) (Beispiel)",
                                opensOn: today, deadline: Day(Date(timeIntervalSince1970: today.startDate.timeIntervalSince1970 + 30 * 86_400 + 43_200)),
                                organisations: providers)
        try await store.create(round, actor: actor, at: now)
        if let base = try await store.service(id: UUID(uuidString: entries[2].id)!)?.service, let organisation = organisations[DemoAccounts.counselling] {
            var changed = base
            changed.capacity.fte["Sozialarbeit"] = 1.5
            changed.openingHours.append(OpeningHours(weekday: 2, opens: 840, closes: 1020))
            let proposal = ServiceProposal(id: UUID(uuidString: "5b0c1e2a-0004-4000-8000-000000000001")!, roundID: round.id, serviceID: base.id, base: base,
                                           proposed: changed, proposedBy: "Tina Träger (Beispiel)", proposedAt: now)
            try await store.propose(proposal, organisationID: organisation, actor: AuditActor.system("Tina Träger (Beispiel)"))
        }
        return created
    }
}
