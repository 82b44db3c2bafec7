import Foundation
import SoplaCore

/// Every address of the site. Views render links through it and SoplaWeb registers routes from
/// `pattern`, so a path is written once.
public enum SiteRoute: Sendable {
    case home
    case units(UnitListParameters = UnitListParameters())
    case unitsCSV(UnitListParameters = UnitListParameters())
    case unit(key: String)
    case unitPopulationCSV(key: String)
    case unitHistoryCSV(key: String)
    case newChildUnit(parentKey: String)
    case childUnits(parentKey: String)
    case data
    case api
    case stylesheet
    case favicon
    case apiUnits
    case apiUnit(key: String)
    case apiGeoJSON
    case openAPI
    case login(next: String? = nil)
    case logout
    case accessLink(token: String)
    case account
    case accountPassword
    case accountTokens
    case accountTokenRevoke(id: UUID)
    case accountCalendar
    case accountCalendarRevoke
    case organisations
    case organisationsCSV
    case organisationNew
    case organisation(id: UUID)
    case organisationEdit(id: UUID)
    case organisationDeactivate(id: UUID)
    case organisationActivate(id: UUID)
    case users
    case usersCSV
    case userNew
    case user(id: UUID)
    case userEdit(id: UUID)
    case userDeactivate(id: UUID)
    case userActivate(id: UUID)
    case userAccessLink(id: UUID)
    case userExport(id: UUID)
    case userErase(id: UUID)
    case audit
    case auditCSV
    case policy
    case apiMe
    case apiOrganisations
    case apiOrganisation(id: UUID)
    case indicators(IndicatorListParameters = IndicatorListParameters())
    case indicatorsCSV
    case indicatorNew
    case indicatorCreate
    case indicator(code: String, IndicatorViewParameters = IndicatorViewParameters())
    case indicatorEdit(code: String)
    case indicatorValuesCSV(code: String, IndicatorViewParameters = IndicatorViewParameters())
    case indicatorReferenceValues(code: String)
    case indicatorReferenceValueDelete(code: String, id: UUID)
    case variables
    case variablesCSV
    case variableNew
    case variableEdit(code: String)
    case variable(code: String)
    case indicatorTransition(code: String, CatalogueTransition)
    case indicatorDelete(code: String)
    case variableTransition(code: String, CatalogueTransition)
    case variableDelete(code: String)
    case dataImport
    case dataImportRun(id: UUID)
    case dataImportMapping(id: UUID)
    case dataImportRelease(id: UUID)
    case dataImportWithdraw(id: UUID)
    case validationRules
    case validationRuleDelete(id: UUID)
    case apiVariables
    case apiIndicators
    case apiIndicator(code: String)
    case apiIndicatorValues(code: String)

    public var path: String {
        let p = Pattern.self
        switch self {
        case .home: return p.home()
        case .units(let parameters): return p.units() + parameters.queryString
        case .unitsCSV(let parameters): return p.unitsCSV() + parameters.queryString
        case .unit(let key): return p.unit(key)
        case .unitPopulationCSV(let key): return p.unitPopulationCSV(key)
        case .unitHistoryCSV(let key): return p.unitHistoryCSV(key)
        case .newChildUnit(let key): return p.newChildUnit(key)
        case .childUnits(let key): return p.childUnits(key)
        case .data: return p.data()
        case .api: return p.api()
        case .stylesheet: return p.staticFile("sopla.css")
        case .favicon: return p.staticFile("favicon.svg")
        case .apiUnits: return p.apiUnits()
        case .apiUnit(let key): return p.apiUnit(key)
        case .apiGeoJSON: return p.apiGeoJSON()
        case .openAPI: return p.openAPI()
        case .login(let next):
            guard let next = RedirectTarget.localPath(next) else { return p.login() }
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "weiter", value: next)]
            return p.login() + "?" + (components.percentEncodedQuery ?? "")
        case .logout: return p.logout()
        case .accessLink(let token): return p.accessLink(token)
        case .account: return p.account()
        case .accountPassword: return p.accountPassword()
        case .accountTokens: return p.accountTokens()
        case .accountTokenRevoke(let id): return p.accountTokenRevoke(id)
        case .accountCalendar: return p.accountCalendar()
        case .accountCalendarRevoke: return p.accountCalendarRevoke()
        case .organisations: return p.organisations()
        case .organisationsCSV: return p.organisationsCSV()
        case .organisationNew: return p.organisationNew()
        case .organisation(let id): return p.organisation(id)
        case .organisationEdit(let id): return p.organisationEdit(id)
        case .organisationDeactivate(let id): return p.organisationDeactivate(id)
        case .organisationActivate(let id): return p.organisationActivate(id)
        case .users: return p.users()
        case .usersCSV: return p.usersCSV()
        case .userNew: return p.userNew()
        case .user(let id): return p.user(id)
        case .userEdit(let id): return p.userEdit(id)
        case .userDeactivate(let id): return p.userDeactivate(id)
        case .userActivate(let id): return p.userActivate(id)
        case .userAccessLink(let id): return p.userAccessLink(id)
        case .userExport(let id): return p.userExport(id)
        case .userErase(let id): return p.userErase(id)
        case .audit: return p.audit()
        case .auditCSV: return p.auditCSV()
        case .policy: return p.policy()
        case .apiMe: return p.apiMe()
        case .apiOrganisations: return p.apiOrganisations()
        case .apiOrganisation(let id): return p.apiOrganisation(id)
        case .indicators(let parameters): return p.indicators() + parameters.queryString
        case .indicatorsCSV: return p.indicatorsCSV()
        case .indicatorNew: return p.indicatorNew()
        case .indicatorCreate: return p.indicators()
        case .indicator(let code, let parameters): return p.indicator(code) + parameters.queryString
        case .indicatorEdit(let code): return p.indicatorEdit(code)
        case .indicatorValuesCSV(let code, let parameters): return p.indicatorValuesCSV(code) + parameters.queryString
        case .indicatorReferenceValues(let code): return p.indicatorReferenceValues(code)
        case .indicatorReferenceValueDelete(let code, let id): return p.indicatorReferenceValueDelete(code, id)
        case .variables: return p.variables()
        case .variablesCSV: return p.variablesCSV()
        case .variableNew: return p.variableNew()
        case .variableEdit(let code): return p.variableEdit(code)
        case .variable(let code): return p.variable(code)
        case .indicatorTransition(let code, let transition): return p.indicatorTransition(transition)(code)
        case .indicatorDelete(let code): return p.indicatorDelete(code)
        case .variableTransition(let code, let transition): return p.variableTransition(transition)(code)
        case .variableDelete(let code): return p.variableDelete(code)
        case .dataImport: return p.dataImport()
        case .dataImportRun(let id): return p.dataImportRun(id)
        case .dataImportMapping(let id): return p.dataImportMapping(id)
        case .dataImportRelease(let id): return p.dataImportRelease(id)
        case .dataImportWithdraw(let id): return p.dataImportWithdraw(id)
        case .validationRules: return p.validationRules()
        case .validationRuleDelete(let id): return p.validationRuleDelete(id)
        case .apiVariables: return p.apiVariables()
        case .apiIndicators: return p.apiIndicators()
        case .apiIndicator(let code): return p.apiIndicator(code)
        case .apiIndicatorValues(let code): return p.apiIndicatorValues(code)
        }
    }


    /// Every address of the site, declared once: the router registers it, `path` fills it in (`:key` is a parameter).
    public enum Pattern {
        public static let home = FixedPath("/")
        public static let unitProfile = RoutePath<String>("/gebiete/:key/steckbrief")
        public static let unitProfilePDF = RoutePath<String>("/gebiete/:key/steckbrief.pdf")
        public static let sitemap = FixedPath("/sitemap.xml")
        public static let healthz = FixedPath("/healthz")
        public static let readyz = FixedPath("/readyz")
        public static let units = FixedPath("/gebiete")
        public static let unitsCSV = FixedPath("/gebiete.csv")
        public static let unit = RoutePath<String>("/gebiete/:key")
        public static let unitPopulationCSV = RoutePath<String>("/gebiete/:key/einwohner.csv")
        public static let unitHistoryCSV = RoutePath<String>("/gebiete/:key/gebietsstaende.csv")
        public static let newChildUnit = RoutePath<String>("/gebiete/:key/untergebiete/neu")
        public static let childUnits = RoutePath<String>("/gebiete/:key/untergebiete")
        public static let data = FixedPath("/daten")
        public static let api = FixedPath("/schnittstelle")
        public static let staticFile = RoutePath<String>("/static/:file")
        public static let apiUnits = FixedPath("/api/v1/spatial-units")
        public static let apiUnit = RoutePath<String>("/api/v1/spatial-units/:key")
        public static let apiGeoJSON = FixedPath("/api/v1/spatial-units.geojson")
        public static let openAPI = FixedPath("/api/v1/openapi.json")
        public static let login = FixedPath("/anmelden")
        public static let logout = FixedPath("/abmelden")
        public static let accessLink = RoutePath<String>("/zugang/:token")
        public static let account = FixedPath("/konto")
        public static let accountPassword = FixedPath("/konto/passwort")
        public static let accountTokens = FixedPath("/konto/tokens")
        public static let accountTokenRevoke = RoutePath<UUID>("/konto/tokens/:id/widerrufen")
        public static let accountCalendar = FixedPath("/konto/kalender")
        public static let accountCalendarRevoke = FixedPath("/konto/kalender/widerrufen")
        /// A person's meetings for a calendar app, by their secret link.
        public static let personalCalendar = RoutePath<String>("/kalender/:token/sitzungen.ics")
        public static let organisations = FixedPath("/organisationen")
        public static let organisationsCSV = FixedPath("/organisationen.csv")
        public static let organisationNew = FixedPath("/organisationen/neu")
        public static let organisation = RoutePath<UUID>("/organisationen/:id")
        public static let organisationEdit = RoutePath<UUID>("/organisationen/:id/bearbeiten")
        public static let organisationDeactivate = RoutePath<UUID>("/organisationen/:id/deaktivieren")
        public static let organisationActivate = RoutePath<UUID>("/organisationen/:id/aktivieren")
        public static let users = FixedPath("/verwaltung/benutzer")
        public static let usersCSV = FixedPath("/verwaltung/benutzer.csv")
        public static let userNew = FixedPath("/verwaltung/benutzer/neu")
        public static let user = RoutePath<UUID>("/verwaltung/benutzer/:id")
        public static let userEdit = RoutePath<UUID>("/verwaltung/benutzer/:id/bearbeiten")
        public static let userDeactivate = RoutePath<UUID>("/verwaltung/benutzer/:id/deaktivieren")
        public static let userActivate = RoutePath<UUID>("/verwaltung/benutzer/:id/aktivieren")
        public static let userAccessLink = RoutePath<UUID>("/verwaltung/benutzer/:id/zugangslink")
        public static let userExport = RoutePath<UUID>("/verwaltung/benutzer/:id/daten.json")
        public static let userErase = RoutePath<UUID>("/verwaltung/benutzer/:id/loeschen")
        public static let persons = FixedPath("/verwaltung/personen")
        public static let personExport = RoutePath<UUID>("/verwaltung/personen/:id/daten.json")
        public static let personErase = RoutePath<UUID>("/verwaltung/personen/:id/loeschen")
        public static let audit = FixedPath("/verwaltung/protokoll")
        public static let auditCSV = FixedPath("/verwaltung/protokoll.csv")
        public static let policy = FixedPath("/verwaltung/rechte")
        public static let apiMe = FixedPath("/api/v1/me")
        public static let apiOrganisations = FixedPath("/api/v1/organisations")
        public static let apiOrganisation = RoutePath<UUID>("/api/v1/organisations/:id")
        public static let indicators = FixedPath("/indikatoren")
        public static let indicatorsCSV = FixedPath("/indikatoren.csv")
        public static let indicatorNew = FixedPath("/indikatoren/neu")
        public static let indicator = RoutePath<String>("/indikatoren/:code")
        public static let indicatorEdit = RoutePath<String>("/indikatoren/:code/bearbeiten")
        public static let indicatorValuesCSV = RoutePath<String>("/indikatoren/:code/werte.csv")
        public static let indicatorReferenceValues = RoutePath<String>("/indikatoren/:code/vergleichswerte")
        public static let indicatorReferenceValueDelete = RoutePath<String, UUID>("/indikatoren/:code/vergleichswerte/:id/loeschen")
        public static let variables = FixedPath("/merkmale")
        public static let variablesCSV = FixedPath("/merkmale.csv")
        public static let variableNew = FixedPath("/merkmale/neu")
        public static let variable = RoutePath<String>("/merkmale/:code")
        public static let variableEdit = RoutePath<String>("/merkmale/:code/bearbeiten")
        public static let indicatorDelete = RoutePath<String>("/indikatoren/:code/loeschen")
        public static let variableDelete = RoutePath<String>("/merkmale/:code/loeschen")
        public static let dataImport = FixedPath("/daten/import")
        public static let dataImportRun = RoutePath<UUID>("/daten/import/:id")
        public static let dataImportMapping = RoutePath<UUID>("/daten/import/:id/zuordnung")
        public static let dataImportRelease = RoutePath<UUID>("/daten/import/:id/freigabe")
        public static let dataImportWithdraw = RoutePath<UUID>("/daten/import/:id/zurueckziehen")
        public static let validationRules = FixedPath("/daten/pruefregeln")
        public static let validationRuleDelete = RoutePath<UUID>("/daten/pruefregeln/:id/loeschen")
        public static let apiVariables = FixedPath("/api/v1/variables")
        public static let apiIndicators = FixedPath("/api/v1/indicators")
        public static let apiIndicator = RoutePath<String>("/api/v1/indicators/:code")
        public static let apiIndicatorValues = RoutePath<String>("/api/v1/indicators/:code/values")
        public static func indicatorTransition(_ transition: CatalogueTransition) -> RoutePath<String> { RoutePath("/indikatoren/:code/" + segment(transition)) }
        public static func variableTransition(_ transition: CatalogueTransition) -> RoutePath<String> { RoutePath("/merkmale/:code/" + segment(transition)) }

        /// The last segment of a lifecycle action's address.
        public static func segment(_ transition: CatalogueTransition) -> String {
            switch transition {
            case .publish: return "veroeffentlichen"
            case .archive: return "archivieren"
            case .restore: return "wiederherstellen"
            }
        }
    }
}

/// The list page's query: search, level and parent filter, sort and page.
public struct UnitListParameters: Sendable, Equatable {
    public var search: String?
    public var level: String?
    public var parent: String?
    public var sort: SpatialUnitQuery.SortField?
    public var descending: Bool
    public var page: Int

    public init(search: String? = nil, level: String? = nil, parent: String? = nil, sort: SpatialUnitQuery.SortField? = nil, descending: Bool = false, page: Int = 1) {
        self.search = search
        self.level = level
        self.parent = parent
        self.sort = sort
        self.descending = descending
        self.page = page
    }

    public var queryString: String {
        var items: [URLQueryItem] = []
        if let search, !search.isEmpty { items.append(URLQueryItem(name: "q", value: search)) }
        if let level { items.append(URLQueryItem(name: "ebene", value: level)) }
        if let parent { items.append(URLQueryItem(name: "gehoert-zu", value: parent)) }
        if let sort { items.append(URLQueryItem(name: "sortierung", value: sort.rawValue)) }
        if descending { items.append(URLQueryItem(name: "richtung", value: "ab")) }
        if page > 1 { items.append(URLQueryItem(name: "seite", value: String(page))) }
        guard !items.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = items
        return "?" + (components.percentEncodedQuery ?? "")
    }
}

/// The indicator catalogue's query: search and topic.
public struct IndicatorListParameters: Sendable, Equatable {
    public var search: String?
    public var topic: IndicatorTopic?

    public init(search: String? = nil, topic: IndicatorTopic? = nil) {
        self.search = search
        self.topic = topic
    }

    public var queryString: String {
        var items: [URLQueryItem] = []
        if let search, !search.isEmpty { items.append(URLQueryItem(name: "q", value: search)) }
        if let topic { items.append(URLQueryItem(name: "thema", value: topic.rawValue)) }
        return SiteRoute.query(items)
    }
}

/// What an indicator page shows: reference date, level, classification, the unit of the time series,
/// and (for people allowed raw figures) the public view.
public struct IndicatorViewParameters: Sendable, Equatable {
    public var date: Day?
    public var level: String?
    public var method: ClassificationMethod?
    public var classes: Int?
    public var unit: String?
    public var publicView: Bool
    /// The earlier date the change is measured against (n years back).
    public var compare: Day?
    /// CSV: every reference date, not only the chosen one.
    public var allDates = false

    public init(date: Day? = nil, level: String? = nil, method: ClassificationMethod? = nil, classes: Int? = nil, unit: String? = nil, publicView: Bool = false,
                compare: Day? = nil, allDates: Bool = false) {
        self.compare = compare
        self.allDates = allDates
        self.date = date
        self.level = level
        self.method = method
        self.classes = classes
        self.unit = unit
        self.publicView = publicView
    }

    public var queryString: String {
        var items: [URLQueryItem] = []
        if let date { items.append(URLQueryItem(name: "stichtag", value: date.iso)) }
        if let level { items.append(URLQueryItem(name: "ebene", value: level)) }
        if let method { items.append(URLQueryItem(name: "klassifikation", value: method.rawValue)) }
        if let classes { items.append(URLQueryItem(name: "klassen", value: String(classes))) }
        if let unit { items.append(URLQueryItem(name: "gebiet", value: unit)) }
        if publicView { items.append(URLQueryItem(name: "ansicht", value: "oeffentlich")) }
        if let compare { items.append(URLQueryItem(name: "vergleich", value: compare.iso)) }
        if allDates { items.append(URLQueryItem(name: "zeitreihe", value: "alle")) }
        return SiteRoute.query(items)
    }
}

extension SiteRoute {
    static func query(_ items: [URLQueryItem]) -> String {
        guard !items.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = items
        return "?" + (components.percentEncodedQuery ?? "")
    }
}
