import Foundation
import SoplaCore
import SoplaStore

/// Invented organisations and people for the Lahn-Dill demo, one login per role. Every name is marked
/// "(Beispiel)" and every address is under the reserved `.example` domain: none of this is real.
enum DemoAccounts {
    struct Login: Sendable, Equatable {
        let email: String
        let password: String
        let displayName: String
        let roles: Set<Role>
        let grants: Set<Grant>
        let organisation: String?
    }

    static let league = "Liga der freien Wohlfahrtspflege im Lahn-Dill-Kreis (Beispiel)"
    static let counselling = "Beratungsstelle Sonnenweg (Beispiel)"
    static let familyCentre = "Familienzentrum Lindenhof (Beispiel)"
    static let county = "Kreisverwaltung, Fachdienst Sozialplanung (Beispiel)"

    /// Name, short name, kind, parent, town.
    static let organisations: [(String, String?, OrganisationKind, String?, String?)] = [
        (league, "Liga", .league, nil, "Wetzlar"),
        ("Caritasverband (Beispiel)", "Caritas", .welfareAssociation, league, "Wetzlar"),
        ("Diakonisches Werk (Beispiel)", "Diakonie", .welfareAssociation, league, "Wetzlar"),
        ("Arbeiterwohlfahrt Kreisverband (Beispiel)", "AWO", .welfareAssociation, league, "Herborn"),
        ("Deutsches Rotes Kreuz Kreisverband (Beispiel)", "DRK", .welfareAssociation, league, "Dillenburg"),
        ("Paritätischer Wohlfahrtsverband, Kreisgruppe (Beispiel)", "Paritätischer", .welfareAssociation, league, "Wetzlar"),
        (counselling, nil, .provider, "Diakonisches Werk (Beispiel)", "Herborn"),
        (familyCentre, nil, .provider, "Caritasverband (Beispiel)", "Wetzlar"),
        ("Verein für Suchthilfe Dill (Beispiel)", nil, .provider, "Paritätischer Wohlfahrtsverband, Kreisgruppe (Beispiel)", "Dillenburg"),
        (county, "Sozialplanung", .publicBody, nil, "Wetzlar"),
        ("Jobcenter (Beispiel)", nil, .publicBody, nil, "Wetzlar"),
    ]

    static let logins: [Login] = [
        Login(email: "admin@demo.sopla.example", password: "Rathaus-Schluessel-42", displayName: "Alexandra Adler (Beispiel)",
              roles: [.administrator], grants: [], organisation: county),
        Login(email: "planung@demo.sopla.example", password: "Bedarfe-Kennen-2026", displayName: "Paul Planer (Beispiel)",
              roles: [.planner], grants: [], organisation: county),
        // A second person of the office: payments are ordered by someone other than who released them.
        Login(email: "kasse@demo.sopla.example", password: "Zahlung-Anweisen-29", displayName: "Karla Kasse (Beispiel)",
              roles: [.planner], grants: [], organisation: county),
        Login(email: "traeger@demo.sopla.example", password: "Sonnenweg-Beratung-7", displayName: "Tina Träger (Beispiel)",
              roles: [.provider], grants: [], organisation: counselling),
        Login(email: "familienzentrum@demo.sopla.example", password: "Lindenhof-Hilfe-8", displayName: "Lars Lindner (Beispiel)",
              roles: [.provider], grants: [], organisation: familyCentre),
        Login(email: "gremium@demo.sopla.example", password: "Steuerung-Tagt-2026", displayName: "Gisela Gremm (Beispiel)",
              roles: [.bodyMember], grants: [.unsuppressedFigures], organisation: league),
        Login(email: "gutachten@demo.sopla.example", password: "Antraege-Pruefen-26", displayName: "Gerd Gutmann (Beispiel)",
              roles: [.reviewer], grants: [], organisation: nil),
        Login(email: "finanzpruefung@demo.sopla.example", password: "Kosten-Plausibel-27", displayName: "Fiona Finke (Beispiel)",
              roles: [.reviewer], grants: [], organisation: nil),
    ]

    /// Adds what is missing; running it again changes nothing.
    @discardableResult
    static func seed(store: AccountStore, hash: (String) async throws -> String, now: Date) async throws -> Int {
        let actor = AuditActor.system("sopla demo")
        var existing = try await store.organisations()
        var created = 0
        for (name, shortName, kind, parentName, city) in organisations where !existing.contains(where: { $0.name == name }) {
            let parent = parentName.flatMap { p in existing.first { $0.name == p }?.id }
            let organisation = Organisation(id: UUID(), name: name, shortName: shortName, kind: kind, parentID: parent,
                                            email: nil, website: nil, city: city)
            try await store.createOrganisation(organisation, actor: actor, at: now)
            existing.append(organisation)
            created += 1
        }
        for login in logins where try await store.credentials(email: login.email) == nil {
            let organisationIDs = Set(login.organisation.flatMap { o in existing.first { $0.name == o }?.id }.map { [$0] } ?? [])
            let user = UserAccount(id: UUID(), email: login.email, displayName: login.displayName, roles: login.roles, grants: login.grants,
                                   organisationIDs: organisationIDs, hasPassword: true, createdAt: now)
            try await store.createUser(user, passwordHash: try await hash(login.password), actor: actor, at: now)
            created += 1
        }
        return created
    }
}
