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
    case category(code: String)
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
    case organisationProposal(organisation: UUID, proposal: UUID)
    case directory(ListState? = nil)
    case directoryService(id: UUID)
    case script

    public var path: String {
        let p = Pattern.self
        switch self {
        case .services(let state): return state?.link ?? p.services()
        case .servicesCSV: return p.servicesCSV()
        case .serviceNew: return p.serviceNew()
        case .service(let id): return p.service(id)
        case .serviceEdit(let id): return p.serviceEdit(id)
        case .categories: return p.categories()
        case .categoriesCSV: return p.categoriesCSV()
        case .category(let code): return p.category(code)
        case .standards: return p.standards()
        case .coverage(let category): return p.coverage() + SiteRoute.query(category.map { [URLQueryItem(name: "kategorie", value: $0)] } ?? [])
        case .coverageCSV(let category): return p.coverageCSV() + SiteRoute.query([URLQueryItem(name: "kategorie", value: category)])
        case .duplicates: return p.duplicates()
        case .duplicatesCSV: return p.duplicatesCSV()
        case .rounds: return p.rounds()
        case .round(let id): return p.round(id)
        case .roundClose(let id): return p.roundClose(id)
        case .proposal(let id): return p.proposal(id)
        case .organisationServices(let org): return p.organisationServices(org)
        case .organisationServiceNew(let org): return p.organisationServiceNew(org)
        case .organisationService(let org, let service): return p.organisationService(org, service)
        case .organisationServiceEdit(let org, let service): return p.organisationServiceEdit(org, service)
        case .roundUnchanged(let org, let round): return p.roundUnchanged(org, round)
        case .organisationProposal(let org, let proposal): return p.organisationProposal(org, proposal)
        case .directory(let state): return state?.link ?? p.directory()
        case .directoryService(let id): return p.directoryService(id)
        case .script: return "/static/sopla.js"
        }
    }

    /// Every address of the area, declared once: the router registers it, `path` fills it in.
    public enum Pattern {
        public static let services = FixedPath("/angebote")
        public static let servicesCSV = FixedPath("/angebote.csv")
        public static let serviceNew = FixedPath("/angebote/neu")
        public static let service = RoutePath<UUID>("/angebote/:service")
        public static let serviceEdit = RoutePath<UUID>("/angebote/:service/bearbeiten")
        public static let categories = FixedPath("/angebotsplanung/kategorien")
        public static let categoriesCSV = FixedPath("/angebotsplanung/kategorien.csv")
        public static let category = RoutePath<String>("/angebotsplanung/kategorien/:code")
        public static let standards = FixedPath("/angebotsplanung/standards")
        public static let coverage = FixedPath("/angebotsplanung/versorgung")
        public static let coverageCSV = FixedPath("/angebotsplanung/versorgung.csv")
        public static let duplicates = FixedPath("/angebotsplanung/doppelstrukturen")
        public static let duplicatesCSV = FixedPath("/angebotsplanung/doppelstrukturen.csv")
        public static let rounds = FixedPath("/angebotsplanung/erhebungen")
        public static let round = RoutePath<UUID>("/angebotsplanung/erhebungen/:round")
        public static let roundClose = RoutePath<UUID>("/angebotsplanung/erhebungen/:round/abschliessen")
        public static let proposal = RoutePath<UUID>("/angebotsplanung/vorschlaege/:proposal")
        public static let organisationServices = RoutePath<UUID>("/organisationen/:id/angebote")
        public static let organisationServiceNew = RoutePath<UUID>("/organisationen/:id/angebote/neu")
        public static let organisationService = RoutePath<UUID, UUID>("/organisationen/:id/angebote/:service")
        public static let organisationServiceEdit = RoutePath<UUID, UUID>("/organisationen/:id/angebote/:service/bearbeiten")
        public static let roundUnchanged = RoutePath<UUID, UUID>("/organisationen/:id/erhebungen/:round/unveraendert")
        public static let organisationProposal = RoutePath<UUID, UUID>("/organisationen/:id/vorschlaege/:proposal")
        public static let directory = FixedPath("/wegweiser")
        public static let directoryService = RoutePath<UUID>("/wegweiser/:service")
        public static let hsdsRoot = FixedPath("/hsds")
        public static let hsdsOpenAPI = FixedPath("/hsds/openapi.json")
        public static let hsdsServices = FixedPath("/hsds/services")
        public static let hsdsService = RoutePath<String>("/hsds/services/:hsdsid")
        public static let hsdsOrganizations = FixedPath("/hsds/organizations")
        public static let hsdsOrganization = RoutePath<String>("/hsds/organizations/:hsdsid")
        public static let hsdsServiceAtLocations = FixedPath("/hsds/service_at_locations")
        public static let hsdsServiceAtLocation = RoutePath<String>("/hsds/service_at_locations/:hsdsid")
        public static let hsdsTaxonomies = FixedPath("/hsds/taxonomies")
        public static let hsdsTaxonomy = RoutePath<String>("/hsds/taxonomies/:hsdsid")
        public static let hsdsTaxonomyTerms = FixedPath("/hsds/taxonomy_terms")
        public static let hsdsTaxonomyTerm = RoutePath<String>("/hsds/taxonomy_terms/:hsdsid")
    }
}
