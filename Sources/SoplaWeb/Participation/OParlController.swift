import Crypto
import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// The OParl 1.1 read API under `/oparl/v1/`: the county as the one body, its public bodies as organisations, with
/// persons, memberships, meetings, agenda items, papers, consultations, files, locations and legislative terms.
/// Only public data: internal bodies (the steering group and its working groups) and non-public items stay out.
struct OParlController: RouteCollection {
    static let base = ["oparl", "v1"]
    static let lists = ["organizations", "persons", "meetings", "papers", "memberships", "agendaItems", "consultations", "files", "locations", "legislativeTerms"]
    static let objectTypes = ["organization", "person", "membership", "meeting", "agendaItem", "paper", "consultation", "file", "location", "legislativeTerm"]
    static let countyAGS = "06532"
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, Self.base + ["system"], read, use: system)
        routes.on(.GET, Self.base + ["bodies"], read, use: bodies)
        routes.on(.GET, Self.base + ["body", ":oparlid"], read, use: body)
        routes.on(.GET, Self.base + ["body", ":oparlid", ":list"], read, use: list)
        routes.on(.GET, Self.base + [":type", ":oparlid"], read, use: object)
        // The router does not step back from "file" to ":type", so a file has its own route.
        routes.on(.GET, Self.base + ["file", ":oparlid"], read, use: file)
        routes.on(.GET, Self.base + ["file", ":oparlid", "download"], read, use: download)
    }

    typealias Object = [String: Any]

    /// The `id` of an object built here (always a URL string; empty where one is missing, so a sort never traps).
    static func idOf(_ object: Object) -> String {
        object["id"] as? String ?? ""
    }

    /// Everything public, as OParl objects keyed by type and id, loaded once per request.
    struct Graph {
        var objects: [String: [String: (object: Object, created: Date, modified: Date, deleted: Bool)]] = [:]
        var fileTexts: [String: String] = [:]
        var countyCreated = Date(timeIntervalSince1970: 0)
        var countyModified = Date(timeIntervalSince1970: 0)

        mutating func add(_ type: String, _ id: String, _ object: Object, created: Date, modified: Date, deleted: Bool = false) {
            objects[type, default: [:]][id] = (object, created, modified, deleted)
            countyCreated = countyCreated == Date(timeIntervalSince1970: 0) ? created : min(countyCreated, created)
            countyModified = max(countyModified, modified)
        }
    }

    static func baseURL(_ req: Request) -> String {
        req.siteURL + "/oparl/v1"
    }

    static func stamp(_ date: Date) -> String { date.formatted(.iso8601) }
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func stableID(_ text: String) -> String {
        let bytes = Array(Insecure.SHA1.hash(data: Data(text.utf8)).prefix(16))
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func graph(_ req: Request) async throws -> Graph {
        let store = req.participationStore
        let base = baseURL(req)
        func url(_ type: String, _ id: String) -> String { "\(base)/\(type)/\(id)" }
        let county = "\(base)/body/\(countyAGS)"
        var graph = Graph()
        func common(_ type: String, _ id: String, created: Date, modified: Date, deleted: Bool) -> Object {
            var object: Object = ["id": url(type.prefix(1).lowercased() + type.dropFirst(), id), "type": "https://schema.oparl.org/1.1/\(type)",
                                  "created": stamp(created), "modified": stamp(modified)]
            if deleted { object["deleted"] = true }
            return object
        }
        let bodies = try await store.all(.body, as: Body.self, includeDeleted: true)
        let publicBodies = Set(bodies.filter { $0.value.isPublic }.map(\.id))
        for record in bodies where publicBodies.contains(record.id) {
            let b = record.value
            var o = common("Organization", id(b.id), created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            o["body"] = county
            o["name"] = b.name
            if let short = b.shortName { o["shortName"] = short }
            o["organizationType"] = "Gremium"
            o["classification"] = b.kind.rawValue
            if let parent = b.parentID, publicBodies.contains(parent) { o["subOrganizationOf"] = url("organization", id(parent)) }
            o["meeting"] = "\(base)/body/\(countyAGS)/meetings?organization=\(id(b.id))"
            graph.add("organization", id(b.id), o, created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            for term in b.terms {
                var t = common("LegislativeTerm", id(term.id), created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
                t["body"] = county
                t["name"] = b.name + ": " + term.name
                t["startDate"] = term.start.iso
                if let end = term.end { t["endDate"] = end.iso }
                graph.add("legislativeTerm", id(term.id), t, created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            }
        }
        let organisations = Dictionary(try await req.accounts.organisations().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let memberships = try await store.all(.membership, as: Membership.self, includeDeleted: true).filter { publicBodies.contains($0.value.bodyID) }
        let roleNames: [MembershipRole: String] = [.chair: "Vorsitz", .deputy: "Stellvertretender Vorsitz", .member: "Mitglied", .advisory: "Beratendes Mitglied", .guest: "Gast"]
        var personsShown: Set<UUID> = []
        for record in memberships {
            let m = record.value
            var o = common("Membership", id(m.id), created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            o["person"] = url("person", id(m.personID))
            o["organization"] = url("organization", id(m.bodyID))
            o["role"] = (roleNames[m.role] ?? m.role.rawValue) + (m.onBehalfOf.flatMap { organisations[$0] }.map { " (für \($0))" } ?? "")
            o["votingRight"] = m.votingRight
            o["startDate"] = m.start.iso
            if let end = m.end { o["endDate"] = end.iso }
            graph.add("membership", id(m.id), o, created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            if !record.deleted { personsShown.insert(m.personID) }
        }
        for record in try await store.all(.person, as: Person.self, includeDeleted: true) where personsShown.contains(record.id) {
            var o = common("Person", id(record.id), created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            o["body"] = county
            o["name"] = record.value.name
            o["membership"] = memberships.filter { $0.value.personID == record.id && !$0.deleted }.map { graph.objects["membership"]![id($0.id)]!.object }
            graph.add("person", id(record.id), o, created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
        }
        // Papers and their versions as files.
        // Public papers of public bodies only: a public paper of an internal body would tell of the body.
        var papers: [ParticipationRecord<Paper>] = []
        for body in publicBodies.sorted(by: { $0.uuidString < $1.uuidString }) {
            papers += try await store.all(.paper, as: Paper.self, includeDeleted: true, bodyID: body).filter { $0.value.isPublic }
        }
        let paperIDs = Set(papers.map(\.id))
        let versions = try await store.all(.paperVersion, as: PaperVersion.self, includeDeleted: true).filter { paperIDs.contains($0.value.paperID) }
        let paperTypeNames: [PaperType: String] = [.planningReport: "Bericht", .draftResolution: "Beschlussvorlage", .recommendation: "Empfehlung", .guideline: "Richtlinie",
                                                   .awardCriteria: "Vergabekriterien", .applicationChecklist: "Antragscheckliste", .statement: "Stellungnahme",
                                                   .minutes: "Niederschrift", .other: "Sonstiges"]
        for record in versions {
            let v = record.value
            let fileID = id(record.id)
            let data = Data(v.text.utf8)
            var o = common("File", fileID, created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            o["name"] = "Fassung \(v.number)"
            o["fileName"] = "fassung-\(v.number).txt"
            o["mimeType"] = "text/plain"
            o["date"] = Day(v.createdAt).iso
            o["size"] = data.count
            o["sha1Checksum"] = Insecure.SHA1.hash(data: data).map { String(format: "%02x", $0) }.joined()
            o["sha512Checksum"] = SHA512.hash(data: data).map { String(format: "%02x", $0) }.joined()
            o["text"] = v.text
            o["accessUrl"] = url("file", fileID) + "/download"
            o["downloadUrl"] = url("file", fileID) + "/download"
            o["paper"] = [url("paper", id(v.paperID))]
            graph.add("file", fileID, o, created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            graph.fileTexts[fileID] = v.text
        }
        // Attachments of public papers (PDF, ODT, DOCX) are files too; their bytes are served by the paper's page.
        let site = base.replacingOccurrences(of: "/oparl/v1", with: "")
        var attachmentFiles: [UUID: [Object]] = [:]
        for attachment in try await store.attachments() where paperIDs.contains(attachment.paperID) {
            let fileID = id(attachment.id)
            var o = common("File", fileID, created: attachment.createdAt, modified: attachment.createdAt, deleted: false)
            o["name"] = attachment.fileName
            o["fileName"] = attachment.fileName
            o["mimeType"] = attachment.mediaType
            o["date"] = Day(attachment.createdAt).iso
            o["size"] = attachment.size
            o["sha1Checksum"] = attachment.sha1
            o["sha512Checksum"] = attachment.sha512
            o["accessUrl"] = site + ParticipationRoute.attachment(attachment.paperID, attachment.id)
            o["downloadUrl"] = site + ParticipationRoute.attachment(attachment.paperID, attachment.id)
            o["paper"] = [url("paper", id(attachment.paperID))]
            graph.add("file", fileID, o, created: attachment.createdAt, modified: attachment.createdAt)
            attachmentFiles[attachment.paperID, default: []].append(o)
        }
        // Meetings of public bodies with their public agenda items; consultations link papers and agenda items.
        let meetings = try await store.all(.meeting, as: Meeting.self, includeDeleted: true).filter { publicBodies.contains($0.value.bodyID) }
        let meetingIDs = Set(meetings.map(\.id))
        let items = try await store.all(.agendaItem, as: AgendaItem.self, includeDeleted: true).filter { meetingIDs.contains($0.value.meetingID) && $0.value.isPublic }
        var locations: [String: (Object, Date, Date)] = [:]
        for record in meetings {
            let m = record.value
            var o = common("Meeting", id(m.id), created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            o["name"] = m.name
            o["meetingState"] = ["planned": "terminiert", "invited": "eingeladen", "held": "durchgeführt", "cancelled": "abgesagt"][m.state.rawValue]
            o["cancelled"] = m.state == .cancelled
            o["start"] = stamp(m.start)
            o["end"] = stamp(m.end)
            o["organization"] = [url("organization", id(m.bodyID))]
            if let place = m.location {
                let locationID = stableID(place)
                var l = common("Location", locationID, created: record.createdAt, modified: record.modifiedAt, deleted: false)
                l["description"] = place
                l["bodies"] = [county]
                locations[locationID] = (l, min(locations[locationID]?.1 ?? record.createdAt, record.createdAt), max(locations[locationID]?.2 ?? record.modifiedAt, record.modifiedAt))
                o["location"] = l
            }
            let own = AgendaItem.ordered(items.filter { $0.value.meetingID == m.id && !$0.deleted }.map(\.value))
            o["agendaItem"] = own.enumerated().map { index, item -> Object in
                var a = common("AgendaItem", id(item.id), created: record.createdAt, modified: record.modifiedAt, deleted: false)
                a["meeting"] = url("meeting", id(m.id))
                a["number"] = item.number
                a["order"] = index + 1
                a["name"] = item.title
                a["public"] = true
                if let result = item.result { a["result"] = result }
                if let text = item.resolutionText { a["resolutionText"] = text }
                if let paper = item.paperIDs.first(where: paperIDs.contains) { a["consultation"] = url("consultation", stableID(id(item.id) + "/" + id(paper))) }
                return a
            }
            graph.add("meeting", id(m.id), o, created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            for case let a as Object in o["agendaItem"] as? [Any] ?? [] {
                graph.add("agendaItem", String(Self.idOf(a).split(separator: "/").last ?? ""), a, created: record.createdAt, modified: record.modifiedAt)
            }
            for item in own {
                for paper in item.paperIDs where paperIDs.contains(paper) {
                    let cid = stableID(id(item.id) + "/" + id(paper))
                    var c = common("Consultation", cid, created: record.createdAt, modified: record.modifiedAt, deleted: false)
                    c["paper"] = url("paper", id(paper))
                    c["agendaItem"] = url("agendaItem", id(item.id))
                    c["meeting"] = url("meeting", id(m.id))
                    c["organization"] = [url("organization", id(m.bodyID))]
                    c["authoritative"] = item.role == .decision || (item.role == nil && item.resolutionText != nil)
                    c["role"] = ["information": "Kenntnisnahme", "advice": "Beratung", "decision": "Beschlussfassung"][(item.role ?? (item.resolutionText != nil ? .decision : .advice)).rawValue]
                    graph.add("consultation", cid, c, created: record.createdAt, modified: record.modifiedAt)
                }
            }
        }
        for (locationID, entry) in locations { graph.add("location", locationID, entry.0, created: entry.1, modified: entry.2) }
        for record in papers {
            let p = record.value
            var o = common("Paper", id(p.id), created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
            o["body"] = county
            o["name"] = p.title
            o["reference"] = p.reference
            o["date"] = p.date.iso
            o["paperType"] = paperTypeNames[p.type] ?? p.type.rawValue
            let files = versions.filter { $0.value.paperID == p.id && !$0.deleted }.sorted { $0.value.number < $1.value.number }
            if let last = files.last { o["mainFile"] = graph.objects["file"]![id(last.id)]!.object }
            let auxiliary = files.dropLast().map { graph.objects["file"]![id($0.id)]!.object } + (attachmentFiles[p.id] ?? [])
            if !auxiliary.isEmpty { o["auxiliaryFile"] = auxiliary }
            o["consultation"] = (graph.objects["consultation"] ?? [:]).values.filter { ($0.object["paper"] as? String) == url("paper", id(p.id)) }
                .map(\.object).sorted { Self.idOf($0) < Self.idOf($1) }
            graph.add("paper", id(p.id), o, created: record.createdAt, modified: record.modifiedAt, deleted: record.deleted)
        }
        return graph
    }

    static func json(_ object: Any, status: HTTPResponseStatus = .ok) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    func countyBody(_ req: Request, _ graph: Graph) -> Object {
        let base = Self.baseURL(req)
        let county = "\(base)/body/\(Self.countyAGS)"
        return [
            "id": county, "type": "https://schema.oparl.org/1.1/Body", "system": "\(base)/system", "name": "Lahn-Dill-Kreis", "shortName": "LDK",
            "ags": Self.countyAGS, "website": req.settings.publicURL ?? (base.replacingOccurrences(of: "/oparl/v1", with: "/")),
            "license": "https://www.govdata.de/dl-de/by-2-0",
            "organization": county + "/organizations", "person": county + "/persons", "meeting": county + "/meetings", "paper": county + "/papers",
            "membership": county + "/memberships", "agendaItem": county + "/agendaItems", "consultation": county + "/consultations",
            "file": county + "/files", "locationList": county + "/locations", "legislativeTermList": county + "/legislativeTerms",
            "legislativeTerm": (graph.objects["legislativeTerm"] ?? [:]).values.filter { !$0.deleted }.map(\.object).sorted { Self.idOf($0) < Self.idOf($1) },
            "created": Self.stamp(graph.countyCreated), "modified": Self.stamp(graph.countyModified),
        ]
    }

    func system(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        let base = Self.baseURL(req)
        let graph = try await Self.graph(req)
        return try Self.json([
            "id": "\(base)/system", "type": "https://schema.oparl.org/1.1/System", "oparlVersion": "https://schema.oparl.org/1.1/",
            "body": "\(base)/bodies", "name": "sopla – Sozialplanung Lahn-Dill-Kreis", "product": "https://github.com/sopla", "vendor": "sopla",
            "website": base.replacingOccurrences(of: "/oparl/v1", with: "/"), "license": "https://www.govdata.de/dl-de/by-2-0",
            "created": Self.stamp(graph.countyCreated), "modified": Self.stamp(graph.countyModified),
        ] as Object)
    }

    func bodies(req: Request) async throws -> Response {
        let graph = try await Self.graph(req)
        return try page(req, items: [(countyBody(req, graph), graph.countyCreated, graph.countyModified, false)], path: "/bodies")
    }

    func body(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        guard req.parameters.get("oparlid") == Self.countyAGS else { throw APIError(.notFound, code: "not_found", message: "no body with this id") }
        return try Self.json(countyBody(req, try await Self.graph(req)))
    }

    static func date(_ req: Request, _ name: String) throws -> Date? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        if let date = APIParameters.dateTime(raw) { return date }
        if let day = Day(iso: raw) { return day.startDate }
        throw APIError(.badRequest, code: "invalid_parameter", message: "\(name) must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00+01:00")
    }

    /// An external list: `data`, `pagination`, `links`, filtered by creation and change times. Deleted objects only
    /// appear when `modified_since` is given (so a client that syncs learns of them).
    func page(_ req: Request, items: [(object: Object, created: Date, modified: Date, deleted: Bool)], path: String) throws -> Response {
        try rejectUnknownParameters(req, allowed: ["page", "created_since", "created_until", "modified_since", "modified_until", "organization"])
        let createdSince = try Self.date(req, "created_since"), createdUntil = try Self.date(req, "created_until")
        let modifiedSince = try Self.date(req, "modified_since"), modifiedUntil = try Self.date(req, "modified_until")
        var page = 1
        if let raw = req.query[String.self, at: "page"] {
            guard let number = Int(raw), (1...100_000).contains(number) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "page must be a whole number from 1 to 100000")
            }
            page = number
        }
        let organization = req.query[String.self, at: "organization"]
        let filtered = items.filter { item in
            if item.deleted, modifiedSince == nil { return false }
            if let createdSince, item.created < createdSince { return false }
            if let createdUntil, item.created > createdUntil { return false }
            if let modifiedSince, item.modified < modifiedSince { return false }
            if let modifiedUntil, item.modified > modifiedUntil { return false }
            if let organization, !((item.object["organization"] as? [String])?.contains { $0.hasSuffix("/" + organization) } ?? false) { return false }
            return true
        }.sorted { Self.idOf($0.object) < Self.idOf($1.object) }
        let total = filtered.count
        let pages = max(1, (total + Self.perPage - 1) / Self.perPage)
        let start = min(total, (page - 1) * Self.perPage)
        let data = filtered[start..<min(total, start + Self.perPage)].map { item -> Object in
            item.deleted ? ["id": item.object["id"]!, "type": item.object["type"]!, "deleted": true, "created": Self.stamp(item.created), "modified": Self.stamp(item.modified)] : item.object
        }
        let queryItems = URLComponents(string: req.url.string)?.queryItems ?? []
        func link(_ n: Int) -> String {
            var items = queryItems.filter { $0.name != "page" }
            if n > 1 { items.append(URLQueryItem(name: "page", value: String(n))) }
            var copy = URLComponents()
            copy.queryItems = items.isEmpty ? nil : items
            return Self.baseURL(req) + path + (copy.percentEncodedQuery.map { "?" + $0 } ?? "")
        }
        var links: Object = ["first": link(1), "last": link(pages), "self": link(page)]
        if page > 1 { links["prev"] = link(page - 1) }
        if page < pages { links["next"] = link(page + 1) }
        return try Self.json(["data": data, "pagination": ["totalElements": total, "elementsPerPage": Self.perPage, "currentPage": page, "totalPages": pages] as Object,
                              "links": links] as Object)
    }

    func list(req: Request) async throws -> Response {
        guard req.parameters.get("oparlid") == Self.countyAGS, let name = req.parameters.get("list"), Self.lists.contains(name) else {
            throw APIError(.notFound, code: "not_found", message: "no such list")
        }
        let graph = try await Self.graph(req)
        // "meetings" lists objects of the type "meeting".
        let type = String(name.dropLast())
        return try page(req, items: (graph.objects[type] ?? [:]).values.map { ($0.object, $0.created, $0.modified, $0.deleted) }, path: "/body/\(Self.countyAGS)/\(name)")
    }

    func file(req: Request) async throws -> Response {
        try await object(req, type: "file")
    }

    func object(req: Request) async throws -> Response {
        guard let type = req.parameters.get("type"), Self.objectTypes.contains(type) else { throw APIError(.notFound, code: "not_found", message: "no such object type") }
        return try await object(req, type: type)
    }

    func object(_ req: Request, type: String) async throws -> Response {
        try rejectUnknownParameters(req, allowed: [])
        guard let id = req.parameters.get("oparlid")?.lowercased() else { throw APIError(.notFound, code: "not_found", message: "no id") }
        let graph = try await Self.graph(req)
        guard let entry = graph.objects[type]?[id] else { throw APIError(.notFound, code: "not_found", message: "no \(type) with the id \(id.prefix(60))") }
        if entry.deleted {
            return try Self.json(["id": entry.object["id"]!, "type": entry.object["type"]!, "deleted": true, "created": Self.stamp(entry.created),
                                  "modified": Self.stamp(entry.modified)] as Object)
        }
        return try Self.json(entry.object)
    }

    func download(req: Request) async throws -> Response {
        let graph = try await Self.graph(req)
        guard let id = req.parameters.get("oparlid")?.lowercased(), let text = graph.fileTexts[id], graph.objects["file"]?[id]?.deleted == false else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        headers.setAttachment(filename: "fassung.txt")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
