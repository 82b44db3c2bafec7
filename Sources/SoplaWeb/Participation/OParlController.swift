import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// The OParl 1.1 read API under `/oparl/v1/`: the county as the one body, its public bodies as organisations, with
/// persons, memberships, meetings, agenda items, papers, consultations, files, locations and legislative terms.
/// Only public data: internal bodies (the steering group and its working groups) and non-public items stay out.
struct OParlController: RouteCollection {
    static let countyAGS = "06532"

    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        let p = OParlRoute.self
        routes.on(.GET, p.system, read, use: system)
        routes.on(.GET, p.bodies, read, use: bodies)
        routes.on(.GET, p.body, read, use: body)
        routes.on(.GET, p.list, read, use: list)
        routes.on(.GET, p.object, read, use: object)
        routes.on(.GET, p.file, read, use: file)
        routes.on(.GET, p.download, read, use: download)
    }

    /// The API's content for this request: addresses under the site's public URL.
    static func service(_ req: Request) -> OParlService {
        let site = req.siteURL
        return OParlService(participation: req.participationStore, accounts: req.accounts, site: OParlService.Site(
            base: site + OParlRoute.base, site: site, website: req.settings.publicURL ?? (site + "/"), ags: countyAGS, name: "Lahn-Dill-Kreis", shortName: "LDK",
            license: "https://www.govdata.de/dl-de/by-2-0", attachmentPath: { paper, attachment in ParticipationRoute.attachment(paper, attachment) }))
    }

    static func json(_ value: some Encodable) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try OParl.encode(value)))
    }

    func system(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        return try Self.json(try await Self.service(req).system())
    }

    func bodies(req: Request) async throws -> Response {
        let window = try Self.window(req)
        let service = Self.service(req)
        let body = try await service.body()
        let shown = window.contains(created: APIParameters.dateTime(body.created) ?? .distantPast, modified: APIParameters.dateTime(body.modified) ?? .distantPast, deleted: false)
        // The one body, when the filters keep it; an organisation filter keeps none.
        let count = shown && req.query[String.self, at: "organization"] == nil ? 1 : 0
        return try Self.list(req, items: try Self.pageNumber(req) == 1 ? Array([body].prefix(count)) : [], total: count, perPage: service.perPage, path: OParlRoute.bodies())
    }

    func body(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        guard req.parameters.get("oparlid") == Self.countyAGS else { throw APIError(.notFound, code: "not_found", message: "no body with this id") }
        return try Self.json(try await Self.service(req).body())
    }

    static func date(_ req: Request, _ name: String) throws -> Date? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        if let date = APIParameters.dateTime(raw) { return date }
        if let day = Day(iso: raw) { return day.startDate }
        throw APIError(.badRequest, code: "invalid_parameter", message: "\(name) must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00+01:00")
    }

    /// The filters of a list: creation and change times, the page, an organisation.
    static func window(_ req: Request) throws -> SyncWindow {
        try rejectUnknownParameters(req, allowed: ["page", "created_since", "created_until", "modified_since", "modified_until", "organization"])
        return SyncWindow(createdSince: try date(req, "created_since"), createdUntil: try date(req, "created_until"),
                          modifiedSince: try date(req, "modified_since"), modifiedUntil: try date(req, "modified_until"))
    }

    static func pageNumber(_ req: Request) throws -> Int {
        guard let raw = req.query[String.self, at: "page"] else { return 1 }
        guard let number = Int(raw), (1...100_000).contains(number) else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "page must be a whole number from 1 to 100000")
        }
        return number
    }

    /// An external list: `data`, `pagination`, `links` (the request's own filters kept in every link).
    static func list(_ req: Request, items: [some Encodable & Sendable], total: Int, perPage: Int, path: String) throws -> Response {
        let page = try pageNumber(req)
        let queryItems = URLComponents(string: req.url.string)?.queryItems ?? []
        let pagination = OParl.Pagination(totalElements: total, elementsPerPage: perPage, currentPage: page)
        let links = OParl.Links(pagination) { n in
            var items = queryItems.filter { $0.name != "page" }
            if n > 1 { items.append(URLQueryItem(name: "page", value: String(n))) }
            var copy = URLComponents()
            copy.queryItems = items.isEmpty ? nil : items
            return req.siteURL + path + (copy.percentEncodedQuery.map { "?" + $0 } ?? "")
        }
        return try json(ListPage(data: items, pagination: pagination, links: links))
    }

    /// A page of any objects (the county body or OParl objects).
    struct ListPage<Item: Encodable & Sendable>: Encodable {
        let data: [Item]
        let pagination: OParl.Pagination
        let links: OParl.Links
    }

    func list(req: Request) async throws -> Response {
        guard req.parameters.get("oparlid") == Self.countyAGS, let name = req.parameters.get("list").flatMap(OParlService.ListName.init(rawValue:)) else {
            throw APIError(.notFound, code: "not_found", message: "no such list")
        }
        let window = try Self.window(req)
        let page = try Self.pageNumber(req)
        let organization = req.query[String.self, at: "organization"]
        if let organization {
            guard [.meetings, .memberships, .consultations].contains(name) else {
                throw APIError.badParameter("organization", "filters meetings, memberships and consultations only")
            }
            guard UUID(uuidString: organization) != nil else { throw APIError.badParameter("organization", "must be the id of an organization") }
        }
        let service = Self.service(req)
        let (items, total) = try await service.list(name, window: window, organization: organization, page: page)
        return try Self.list(req, items: items, total: total, perPage: service.perPage, path: OParlRoute.list(Self.countyAGS, name.rawValue))
    }

    func file(req: Request) async throws -> Response {
        try await object(req, type: .file)
    }

    func object(req: Request) async throws -> Response {
        guard let type = req.parameters.get("type").flatMap(OParlService.ObjectType.init(rawValue:)) else {
            throw APIError(.notFound, code: "not_found", message: "no such object type")
        }
        return try await object(req, type: type)
    }

    func object(_ req: Request, type: OParlService.ObjectType) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        guard let id = req.parameters.get("oparlid")?.lowercased(), let object = try await Self.service(req).object(type, id: id) else {
            throw APIError(.notFound, code: "not_found", message: "no \(type.rawValue) with the id \((req.parameters.get("oparlid") ?? "").prefix(60))")
        }
        return try Self.json(object)
    }

    func download(req: Request) async throws -> Response {
        guard let id = req.parameters.get("oparlid")?.lowercased() else { throw Abort(.notFound) }
        let service = Self.service(req)
        guard let text = try await service.fileText(id: id) else {
            // An attachment's bytes are served by its paper's page.
            if case .file(let file) = try await service.object(.file, id: id) { return req.redirect(to: file.downloadUrl, redirectType: .normal) }
            throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        headers.setAttachment(filename: "fassung.txt")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
