import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// The Open Referral HSDS 3.0 read API under `/hsds/`: paginated as the specification's `Page`, with the filters
/// `search`, `modified_after`, `taxonomy_term_id`, `taxonomy_id` and `organization_id`.
struct HSDSController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        let p = ServiceRoute.Pattern.self
        routes.on(.GET, p.hsdsRoot, read, use: root)
        routes.on(.GET, p.hsdsServices, read, use: services)
        routes.on(.GET, p.hsdsService, read, use: service)
        routes.on(.GET, p.hsdsOrganizations, read, use: organizations)
        routes.on(.GET, p.hsdsOrganization, read, use: organization)
        routes.on(.GET, p.hsdsServiceAtLocations, read, use: serviceAtLocations)
        routes.on(.GET, p.hsdsServiceAtLocation, read, use: serviceAtLocation)
        routes.on(.GET, p.hsdsTaxonomies, read, use: taxonomies)
        routes.on(.GET, p.hsdsTaxonomy, read, use: taxonomy)
        routes.on(.GET, p.hsdsTaxonomyTerms, read, use: taxonomyTerms)
        routes.on(.GET, p.hsdsTaxonomyTerm, read, use: taxonomyTerm)
    }

    static let maxPerPage = 500
    static let maxPage = 1_000_000

    struct Data {
        let records: [ServiceRecord]
        let organisations: [Organisation]
        let categories: [ServiceCategory]
        let unitNames: [String: String]

        /// What the public API shows: a protected address left out (see `Service.publicView`).
        static func load(_ req: Request) async throws -> Data {
            let all = try await load(store: req.serviceStore, accounts: req.accounts, spatial: req.spatial)
            return Data(records: all.records.map { ServiceRecord(service: $0.service.publicView, version: $0.version, updatedAt: $0.updatedAt) },
                        organisations: all.organisations, categories: all.categories, unitNames: all.unitNames)
        }

        static func load(store: ServiceStore, accounts: AccountStore, spatial: any SpatialRepository) async throws -> Data {
            let units = try await spatial.allUnits()
            return Data(records: try await store.services(), organisations: try await accounts.organisations(), categories: try await store.categories(),
                        unitNames: Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0.name) }))
        }

        var package: HSDS.Package {
            HSDSInventory.package(organisations: organisations, records: records, categories: categories, unitNames: unitNames, languageName: HSDSController.languageName)
        }
    }

    /// Language names in English, as the package gives them.
    @Sendable static func languageName(_ code: String) -> String { LanguageNames.name(code, .en) }

    static func respond(_ value: some Encodable) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try HSDS.encode(value)))
    }

    /// page and per_page from the query; a clear 400 when they are not positive integers.
    static func paging(_ req: Request) throws -> (page: Int, perPage: Int) {
        func number(_ name: String, default value: Int, max: Int) throws -> Int {
            guard let raw = req.query[String.self, at: name] else { return value }
            guard let number = Int(raw), (1...max).contains(number) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "\(name) must be a whole number from 1 to \(max)",
                               details: [.init(field: name, message: "got \(raw.prefix(20))")])
            }
            return number
        }
        return (try number("page", default: 1, max: maxPage), try number("per_page", default: 50, max: maxPerPage))
    }

    static func page<Item: Codable & Sendable & Equatable>(_ items: [Item], req: Request) throws -> Response {
        let (page, perPage) = try paging(req)
        return try respond(HSDS.Page(items, page: page, perPage: perPage))
    }

    /// modified_after as an ISO 8601 date or date-time.
    static func modifiedAfter(_ req: Request) throws -> Date? {
        guard let raw = req.query[String.self, at: "modified_after"] else { return nil }
        if let date = APIParameters.dateTime(raw) { return date }
        if let day = Day(iso: raw) { return day.startDate }
        throw APIError(.badRequest, code: "invalid_parameter", message: "modified_after must be an ISO 8601 date or date-time, e.g. 2026-01-31T00:00:00Z",
                       details: [.init(field: "modified_after", message: "got \(raw.prefix(40))")])
    }


    func root(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        let base = req.siteURL
        return try Self.respond(HSDS.Root(openapiURL: base + ServiceRoute.Pattern.hsdsOpenAPI()))
    }

    func services(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: ["page", "per_page", "search", "modified_after", "taxonomy_term_id", "taxonomy_id", "organization_id"])
        let data = try await Data.load(req)
        let after = try Self.modifiedAfter(req)
        let search = req.query[String.self, at: "search"]?.lowercased().trimmingCharacters(in: .whitespaces)
        let term = req.query[String.self, at: "taxonomy_term_id"]?.lowercased()
        let taxonomy = req.query[String.self, at: "taxonomy_id"]?.lowercased()
        let organisation = req.query[String.self, at: "organization_id"]?.lowercased()
        let records = data.records.filter { record in
            let s = record.service
            if let after, record.updatedAt < after { return false }
            if let search, !search.isEmpty, !(s.name.lowercased().contains(search) || s.description.lowercased().contains(search)) { return false }
            if let organisation, HSDSInventory.id(s.organisationID) != organisation { return false }
            if let term, term != HSDSInventory.categoryTermID(s.categoryCode) { return false }
            if let taxonomy, taxonomy != HSDSInventory.taxonomyID(HSDSInventory.categoryTaxonomy) { return false }
            return true
        }.sorted { $0.service.name < $1.service.name }
        return try Self.page(records.map { HSDSInventory.service($0, unitNames: data.unitNames, full: false, languageName: Self.languageName) }, req: req)
    }

    static func hsdsID(_ req: Request) throws -> String {
        guard let raw = req.parameters.get("hsdsid") else { throw Abort(.notFound) }
        return raw.lowercased()
    }

    static func notFound(_ what: String, _ id: String) -> APIError {
        APIError(.notFound, code: "not_found", message: "no \(what) with the id \(id.prefix(60))")
    }

    func service(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        let id = try Self.hsdsID(req)
        let data = try await Data.load(req)
        guard let record = data.records.first(where: { HSDSInventory.id($0.service.id) == id }) else { throw Self.notFound("service", id) }
        var object = HSDSInventory.service(record, unitNames: data.unitNames, full: true, languageName: Self.languageName)
        object.organization = data.organisations.first { $0.id == record.service.organisationID }.map { HSDSInventory.organisation($0, full: false) }
        return try Self.respond(object)
    }

    func organizations(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: ["page", "per_page", "search"])
        let data = try await Data.load(req)
        let search = req.query[String.self, at: "search"]?.lowercased()
        // The list gives each organisation's own fields, without phones and attributes.
        let organisations = (data.package.organizations ?? []).filter { object in
            guard let search, !search.isEmpty else { return true }
            return (object.name ?? "").lowercased().contains(search)
        }.map { object in
            HSDS.Organization(id: object.id ?? "", name: object.name ?? "", alternateName: object.alternateName, description: object.description, email: object.email,
                              website: object.website, parentOrganizationID: object.parentOrganizationID)
        }.sorted { ($0.name ?? "") < ($1.name ?? "") }
        return try Self.page(organisations, req: req)
    }

    func organization(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        let id = try Self.hsdsID(req)
        let data = try await Data.load(req)
        guard var object = (data.package.organizations ?? []).first(where: { $0.id == id }) else {
            throw Self.notFound("organization", id)
        }
        let services = data.records.filter { HSDSInventory.id($0.service.organisationID) == id }
        object.locations = services.flatMap { record in
            record.service.locations.compactMap { HSDSInventory.serviceAtLocation($0, service: record.service, full: true).location }
        }
        return try Self.respond(object)
    }

    func allServiceAtLocations(_ data: Data) -> [(record: ServiceRecord, location: ServiceLocation)] {
        data.records.flatMap { record in record.service.locations.map { (record, $0) } }
    }

    func serviceAtLocations(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: ["page", "per_page", "search", "modified_after", "taxonomy_term_id"])
        let data = try await Data.load(req)
        let after = try Self.modifiedAfter(req)
        let term = req.query[String.self, at: "taxonomy_term_id"]?.lowercased()
        let search = req.query[String.self, at: "search"]?.lowercased()
        let items = allServiceAtLocations(data).filter { entry in
            if let after, entry.record.updatedAt < after { return false }
            if let term, term != HSDSInventory.categoryTermID(entry.record.service.categoryCode) { return false }
            if let search, !search.isEmpty, !entry.record.service.name.lowercased().contains(search) { return false }
            return true
        }.map { HSDSInventory.serviceAtLocation($0.location, service: $0.record.service, full: false) }
        return try Self.page(items, req: req)
    }

    func serviceAtLocation(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        let id = try Self.hsdsID(req)
        let data = try await Data.load(req)
        guard let entry = allServiceAtLocations(data).first(where: { HSDSInventory.serviceAtLocationID($0.location) == id }) else {
            throw Self.notFound("service_at_location", id)
        }
        return try Self.respond(HSDSInventory.serviceAtLocation(entry.location, service: entry.record.service, full: true))
    }

    func taxonomies(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: ["page", "per_page"])
        return try Self.page(HSDSInventory.taxonomies(), req: req)
    }

    func taxonomy(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        let id = try Self.hsdsID(req)
        guard let object = HSDSInventory.taxonomies().first(where: { $0.id == id }) else { throw Self.notFound("taxonomy", id) }
        return try Self.respond(object)
    }

    func taxonomyTerms(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: ["page", "per_page", "search", "taxonomy_id", "parent_id", "top_only"])
        let categories = try await req.serviceStore.categories()
        let taxonomy = req.query[String.self, at: "taxonomy_id"]?.lowercased()
        let parent = req.query[String.self, at: "parent_id"]?.lowercased()
        let topOnlyText = req.query[String.self, at: "top_only"]
        guard topOnlyText == nil || topOnlyText == "true" || topOnlyText == "false" else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "top_only must be true or false")
        }
        let topOnly = topOnlyText == "true"
        let search = req.query[String.self, at: "search"]?.lowercased()
        let terms = HSDSInventory.terms(categories).filter { term in
            if let taxonomy, term.taxonomyID != taxonomy { return false }
            if let parent, term.parentID != parent { return false }
            if topOnly, term.parentID != nil { return false }
            if let search, !search.isEmpty, !((term.name ?? "") + " " + (term.code ?? "")).lowercased().contains(search) { return false }
            return true
        }
        return try Self.page(terms, req: req)
    }

    func taxonomyTerm(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        let id = try Self.hsdsID(req)
        guard let object = HSDSInventory.terms(try await req.serviceStore.categories()).first(where: { $0.id == id }) else {
            throw Self.notFound("taxonomy_term", id)
        }
        return try Self.respond(object)
    }
}
