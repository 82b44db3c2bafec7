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
        switch self {
        case .home: return "/"
        case .units(let parameters): return "/gebiete" + parameters.queryString
        case .unitsCSV(let parameters): return "/gebiete.csv" + parameters.queryString
        case .unit(let key): return "/gebiete/" + Self.encode(key)
        case .unitPopulationCSV(let key): return "/gebiete/" + Self.encode(key) + "/einwohner.csv"
        case .unitHistoryCSV(let key): return "/gebiete/" + Self.encode(key) + "/gebietsstaende.csv"
        case .newChildUnit(let key): return "/gebiete/" + Self.encode(key) + "/untergebiete/neu"
        case .childUnits(let key): return "/gebiete/" + Self.encode(key) + "/untergebiete"
        case .data: return "/daten"
        case .api: return "/schnittstelle"
        case .stylesheet: return "/static/sopla.css"
        case .favicon: return "/static/favicon.svg"
        case .apiUnits: return "/api/v1/spatial-units"
        case .apiUnit(let key): return "/api/v1/spatial-units/" + key
        case .apiGeoJSON: return "/api/v1/spatial-units.geojson"
        case .openAPI: return "/api/v1/openapi.json"
        case .login(let next):
            guard let next = RedirectTarget.localPath(next) else { return "/anmelden" }
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "weiter", value: next)]
            return "/anmelden?" + (components.percentEncodedQuery ?? "")
        case .logout: return "/abmelden"
        case .accessLink(let token): return "/zugang/" + Self.encode(token)
        case .account: return "/konto"
        case .accountPassword: return "/konto/passwort"
        case .accountTokens: return "/konto/tokens"
        case .accountTokenRevoke(let id): return "/konto/tokens/\(id.uuidString.lowercased())/widerrufen"
        case .organisations: return "/organisationen"
        case .organisationsCSV: return "/organisationen.csv"
        case .organisationNew: return "/organisationen/neu"
        case .organisation(let id): return "/organisationen/" + id.uuidString.lowercased()
        case .organisationEdit(let id): return "/organisationen/\(id.uuidString.lowercased())/bearbeiten"
        case .organisationDeactivate(let id): return "/organisationen/\(id.uuidString.lowercased())/deaktivieren"
        case .organisationActivate(let id): return "/organisationen/\(id.uuidString.lowercased())/aktivieren"
        case .users: return "/verwaltung/benutzer"
        case .usersCSV: return "/verwaltung/benutzer.csv"
        case .userNew: return "/verwaltung/benutzer/neu"
        case .user(let id): return "/verwaltung/benutzer/" + id.uuidString.lowercased()
        case .userEdit(let id): return "/verwaltung/benutzer/\(id.uuidString.lowercased())/bearbeiten"
        case .userDeactivate(let id): return "/verwaltung/benutzer/\(id.uuidString.lowercased())/deaktivieren"
        case .userActivate(let id): return "/verwaltung/benutzer/\(id.uuidString.lowercased())/aktivieren"
        case .userAccessLink(let id): return "/verwaltung/benutzer/\(id.uuidString.lowercased())/zugangslink"
        case .userExport(let id): return "/verwaltung/benutzer/\(id.uuidString.lowercased())/daten.json"
        case .userErase(let id): return "/verwaltung/benutzer/\(id.uuidString.lowercased())/loeschen"
        case .audit: return "/verwaltung/protokoll"
        case .auditCSV: return "/verwaltung/protokoll.csv"
        case .policy: return "/verwaltung/rechte"
        case .apiMe: return "/api/v1/me"
        case .apiOrganisations: return "/api/v1/organisations"
        case .apiOrganisation(let id): return "/api/v1/organisations/" + id.uuidString.lowercased()
        case .indicators(let parameters): return "/indikatoren" + parameters.queryString
        case .indicatorsCSV: return "/indikatoren.csv"
        case .indicatorNew: return "/indikatoren/neu"
        case .indicatorCreate: return "/indikatoren"
        case .indicator(let code, let parameters): return "/indikatoren/" + Self.encode(code) + parameters.queryString
        case .indicatorEdit(let code): return "/indikatoren/" + Self.encode(code) + "/bearbeiten"
        case .indicatorValuesCSV(let code, let parameters): return "/indikatoren/" + Self.encode(code) + "/werte.csv" + parameters.queryString
        case .indicatorReferenceValues(let code): return "/indikatoren/" + Self.encode(code) + "/vergleichswerte"
        case .indicatorReferenceValueDelete(let code, let id): return "/indikatoren/" + Self.encode(code) + "/vergleichswerte/\(id.uuidString.lowercased())/loeschen"
        case .variables: return "/merkmale"
        case .variablesCSV: return "/merkmale.csv"
        case .variableNew: return "/merkmale/neu"
        case .variableEdit(let code): return "/merkmale/" + Self.encode(code) + "/bearbeiten"
        case .variable(let code): return "/merkmale/" + Self.encode(code)
        case .indicatorTransition(let code, let transition): return "/indikatoren/" + Self.encode(code) + "/" + Pattern.segment(transition)
        case .indicatorDelete(let code): return "/indikatoren/" + Self.encode(code) + "/loeschen"
        case .variableTransition(let code, let transition): return "/merkmale/" + Self.encode(code) + "/" + Pattern.segment(transition)
        case .variableDelete(let code): return "/merkmale/" + Self.encode(code) + "/loeschen"
        case .dataImport: return "/daten/import"
        case .dataImportRun(let id): return "/daten/import/" + id.uuidString.lowercased()
        case .dataImportMapping(let id): return "/daten/import/\(id.uuidString.lowercased())/zuordnung"
        case .dataImportRelease(let id): return "/daten/import/\(id.uuidString.lowercased())/freigabe"
        case .dataImportWithdraw(let id): return "/daten/import/\(id.uuidString.lowercased())/zurueckziehen"
        case .validationRules: return "/daten/pruefregeln"
        case .validationRuleDelete(let id): return "/daten/pruefregeln/\(id.uuidString.lowercased())/loeschen"
        case .apiVariables: return "/api/v1/variables"
        case .apiIndicators: return "/api/v1/indicators"
        case .apiIndicator(let code): return "/api/v1/indicators/" + Self.encode(code)
        case .apiIndicatorValues(let code): return "/api/v1/indicators/" + Self.encode(code) + "/values"
        }
    }

    static func encode(_ key: String) -> String {
        key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? key
    }

    /// Path components for route registration (`:key` is a parameter).
    public enum Pattern {
        public static let home: [String] = []
        public static let units = ["gebiete"]
        public static let unitsCSV = ["gebiete.csv"]
        public static let unit = ["gebiete", ":key"]
        public static let unitPopulationCSV = ["gebiete", ":key", "einwohner.csv"]
        public static let unitHistoryCSV = ["gebiete", ":key", "gebietsstaende.csv"]
        public static let newChildUnit = ["gebiete", ":key", "untergebiete", "neu"]
        public static let childUnits = ["gebiete", ":key", "untergebiete"]
        public static let data = ["daten"]
        public static let api = ["schnittstelle"]
        public static let staticFile = ["static", ":file"]
        public static let apiUnits = ["api", "v1", "spatial-units"]
        public static let apiUnit = ["api", "v1", "spatial-units", ":key"]
        public static let apiGeoJSON = ["api", "v1", "spatial-units.geojson"]
        public static let openAPI = ["api", "v1", "openapi.json"]
        public static let login = ["anmelden"]
        public static let logout = ["abmelden"]
        public static let accessLink = ["zugang", ":token"]
        public static let account = ["konto"]
        public static let accountPassword = ["konto", "passwort"]
        public static let accountTokens = ["konto", "tokens"]
        public static let accountTokenRevoke = ["konto", "tokens", ":id", "widerrufen"]
        public static let organisations = ["organisationen"]
        public static let organisationsCSV = ["organisationen.csv"]
        public static let organisationNew = ["organisationen", "neu"]
        public static let organisation = ["organisationen", ":id"]
        public static let organisationEdit = ["organisationen", ":id", "bearbeiten"]
        public static let organisationDeactivate = ["organisationen", ":id", "deaktivieren"]
        public static let organisationActivate = ["organisationen", ":id", "aktivieren"]
        public static let users = ["verwaltung", "benutzer"]
        public static let usersCSV = ["verwaltung", "benutzer.csv"]
        public static let userNew = ["verwaltung", "benutzer", "neu"]
        public static let user = ["verwaltung", "benutzer", ":id"]
        public static let userEdit = ["verwaltung", "benutzer", ":id", "bearbeiten"]
        public static let userDeactivate = ["verwaltung", "benutzer", ":id", "deaktivieren"]
        public static let userActivate = ["verwaltung", "benutzer", ":id", "aktivieren"]
        public static let userAccessLink = ["verwaltung", "benutzer", ":id", "zugangslink"]
        public static let userExport = ["verwaltung", "benutzer", ":id", "daten.json"]
        public static let userErase = ["verwaltung", "benutzer", ":id", "loeschen"]
        public static let audit = ["verwaltung", "protokoll"]
        public static let auditCSV = ["verwaltung", "protokoll.csv"]
        public static let policy = ["verwaltung", "rechte"]
        public static let apiMe = ["api", "v1", "me"]
        public static let apiOrganisations = ["api", "v1", "organisations"]
        public static let apiOrganisation = ["api", "v1", "organisations", ":id"]
        public static let indicators = ["indikatoren"]
        public static let indicatorsCSV = ["indikatoren.csv"]
        public static let indicatorNew = ["indikatoren", "neu"]
        public static let indicator = ["indikatoren", ":code"]
        public static let indicatorEdit = ["indikatoren", ":code", "bearbeiten"]
        public static let indicatorValuesCSV = ["indikatoren", ":code", "werte.csv"]
        public static let indicatorReferenceValues = ["indikatoren", ":code", "vergleichswerte"]
        public static let indicatorReferenceValueDelete = ["indikatoren", ":code", "vergleichswerte", ":id", "loeschen"]
        public static let variables = ["merkmale"]
        public static let variablesCSV = ["merkmale.csv"]
        public static let variableNew = ["merkmale", "neu"]
        public static let variable = ["merkmale", ":code"]
        public static let variableEdit = ["merkmale", ":code", "bearbeiten"]
        public static func indicatorTransition(_ transition: CatalogueTransition) -> [String] { ["indikatoren", ":code", segment(transition)] }
        public static let indicatorDelete = ["indikatoren", ":code", "loeschen"]
        public static func variableTransition(_ transition: CatalogueTransition) -> [String] { ["merkmale", ":code", segment(transition)] }
        public static let variableDelete = ["merkmale", ":code", "loeschen"]

        /// The last segment of a lifecycle action's address.
        public static func segment(_ transition: CatalogueTransition) -> String {
            switch transition {
            case .publish: return "veroeffentlichen"
            case .archive: return "archivieren"
            case .restore: return "wiederherstellen"
            }
        }
        public static let dataImport = ["daten", "import"]
        public static let dataImportRun = ["daten", "import", ":id"]
        public static let dataImportMapping = ["daten", "import", ":id", "zuordnung"]
        public static let dataImportRelease = ["daten", "import", ":id", "freigabe"]
        public static let dataImportWithdraw = ["daten", "import", ":id", "zurueckziehen"]
        public static let validationRules = ["daten", "pruefregeln"]
        public static let validationRuleDelete = ["daten", "pruefregeln", ":id", "loeschen"]
        public static let apiVariables = ["api", "v1", "variables"]
        public static let apiIndicators = ["api", "v1", "indicators"]
        public static let apiIndicator = ["api", "v1", "indicators", ":code"]
        public static let apiIndicatorValues = ["api", "v1", "indicators", ":code", "values"]
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
