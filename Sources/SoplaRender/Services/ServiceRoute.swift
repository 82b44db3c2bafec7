import Foundation
import SoplaCore

/// Addresses of the service inventory, the planning views, the survey and the public directory.
public enum ServiceRoute: Sendable {
    case services(ListState? = nil)
    case servicesCSV
    case serviceNew
    case service(id: UUID)
    case serviceEdit(id: UUID)
    case categories
    case categoriesCSV
    case standards
    case coverage(category: String?)
    case coverageCSV(category: String)
    case duplicates
    case duplicatesCSV
    case rounds
    case round(id: UUID)
    case roundClose(id: UUID)
    case proposal(id: UUID)
    case organisationServices(organisation: UUID)
    case organisationServiceNew(organisation: UUID)
    case organisationService(organisation: UUID, service: UUID)
    case organisationServiceEdit(organisation: UUID, service: UUID)
    case roundUnchanged(organisation: UUID, round: UUID)
    case directory(ListState? = nil)
    case directoryService(id: UUID)
    case script

    static func id(_ id: UUID) -> String { id.uuidString.lowercased() }

    public var path: String {
        switch self {
        case .services(let state): return state?.link ?? "/angebote"
        case .servicesCSV: return "/angebote.csv"
        case .serviceNew: return "/angebote/neu"
        case .service(let id): return "/angebote/" + Self.id(id)
        case .serviceEdit(let id): return "/angebote/" + Self.id(id) + "/bearbeiten"
        case .categories: return "/angebotsplanung/kategorien"
        case .categoriesCSV: return "/angebotsplanung/kategorien.csv"
        case .standards: return "/angebotsplanung/standards"
        case .coverage(let category):
            return "/angebotsplanung/versorgung" + SiteRoute.query(category.map { [URLQueryItem(name: "kategorie", value: $0)] } ?? [])
        case .coverageCSV(let category): return "/angebotsplanung/versorgung.csv" + SiteRoute.query([URLQueryItem(name: "kategorie", value: category)])
        case .duplicates: return "/angebotsplanung/doppelstrukturen"
        case .duplicatesCSV: return "/angebotsplanung/doppelstrukturen.csv"
        case .rounds: return "/angebotsplanung/erhebungen"
        case .round(let id): return "/angebotsplanung/erhebungen/" + Self.id(id)
        case .roundClose(let id): return "/angebotsplanung/erhebungen/" + Self.id(id) + "/abschliessen"
        case .proposal(let id): return "/angebotsplanung/vorschlaege/" + Self.id(id)
        case .organisationServices(let org): return "/organisationen/" + Self.id(org) + "/angebote"
        case .organisationServiceNew(let org): return "/organisationen/" + Self.id(org) + "/angebote/neu"
        case .organisationService(let org, let service): return "/organisationen/" + Self.id(org) + "/angebote/" + Self.id(service)
        case .organisationServiceEdit(let org, let service): return "/organisationen/" + Self.id(org) + "/angebote/" + Self.id(service) + "/bearbeiten"
        case .roundUnchanged(let org, let round): return "/organisationen/" + Self.id(org) + "/erhebungen/" + Self.id(round) + "/unveraendert"
        case .directory(let state): return state?.link ?? "/wegweiser"
        case .directoryService(let id): return "/wegweiser/" + Self.id(id)
        case .script: return "/static/sopla.js"
        }
    }

    /// Path components for route registration.
    public enum Pattern {
        public static let services = ["angebote"]
        public static let servicesCSV = ["angebote.csv"]
        public static let serviceNew = ["angebote", "neu"]
        public static let service = ["angebote", ":service"]
        public static let serviceEdit = ["angebote", ":service", "bearbeiten"]
        public static let categories = ["angebotsplanung", "kategorien"]
        public static let categoriesCSV = ["angebotsplanung", "kategorien.csv"]
        public static let standards = ["angebotsplanung", "standards"]
        public static let coverage = ["angebotsplanung", "versorgung"]
        public static let coverageCSV = ["angebotsplanung", "versorgung.csv"]
        public static let duplicates = ["angebotsplanung", "doppelstrukturen"]
        public static let duplicatesCSV = ["angebotsplanung", "doppelstrukturen.csv"]
        public static let rounds = ["angebotsplanung", "erhebungen"]
        public static let round = ["angebotsplanung", "erhebungen", ":round"]
        public static let roundClose = ["angebotsplanung", "erhebungen", ":round", "abschliessen"]
        public static let proposal = ["angebotsplanung", "vorschlaege", ":proposal"]
        public static let organisationServices = ["organisationen", ":id", "angebote"]
        public static let organisationServiceNew = ["organisationen", ":id", "angebote", "neu"]
        public static let organisationService = ["organisationen", ":id", "angebote", ":service"]
        public static let organisationServiceEdit = ["organisationen", ":id", "angebote", ":service", "bearbeiten"]
        public static let roundUnchanged = ["organisationen", ":id", "erhebungen", ":round", "unveraendert"]
        public static let directory = ["wegweiser"]
        public static let directoryService = ["wegweiser", ":service"]
        public static let hsdsRoot = ["hsds"]
        public static let hsdsOpenAPI = ["hsds", "openapi.json"]
        public static let hsdsServices = ["hsds", "services"]
        public static let hsdsService = ["hsds", "services", ":hsdsid"]
        public static let hsdsOrganizations = ["hsds", "organizations"]
        public static let hsdsOrganization = ["hsds", "organizations", ":hsdsid"]
        public static let hsdsServiceAtLocations = ["hsds", "service_at_locations"]
        public static let hsdsServiceAtLocation = ["hsds", "service_at_locations", ":hsdsid"]
        public static let hsdsTaxonomies = ["hsds", "taxonomies"]
        public static let hsdsTaxonomy = ["hsds", "taxonomies", ":hsdsid"]
        public static let hsdsTaxonomyTerms = ["hsds", "taxonomy_terms"]
        public static let hsdsTaxonomyTerm = ["hsds", "taxonomy_terms", ":hsdsid"]
    }
}
