import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// The public Wegweiser: active and temporarily closed services, searchable by what people type, place, topic, age,
/// language and access.
struct DirectoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, ServiceRoute.Pattern.directory, read, use: search)
        routes.on(.GET, ServiceRoute.Pattern.directoryService, read, use: show)
    }

    /// What the public sees: services that are not inactive, a protected address left out.
    static func visible(_ records: [ServiceRecord]) -> [ServiceRecord] {
        records.filter { $0.service.status != .inactive }
            .map { ServiceRecord(service: $0.service.publicView, version: $0.version, updatedAt: $0.updatedAt) }
    }

    /// The filters as typed, checked: a value that cannot be used is named at its field, never ignored silently.
    struct Filters {
        var text = ""
        var category: String?
        var municipality: String?
        var age: Int?
        var language: String?
        var stepFree = false
        var signLanguage = false
        var issues: [ValidationIssue] = []

        init(_ f: [String: String], context: ServiceContext, languages: [String]) {
            text = f["suche"] ?? ""
            if let category = f["kategorie"] {
                if context.categoryCodes.contains(category) { self.category = category } else { issues.append(ValidationIssue("kategorie", .unknownValue(category))) }
            }
            if let unit = f["gemeinde"] {
                if context.municipalities.contains(where: { $0.key == unit }) { municipality = unit } else { issues.append(ValidationIssue("gemeinde", .unknownValue(unit))) }
            }
            age = ServiceForm.integer(f["alter"], field: "alter", range: .age, into: &issues)
            if let language = f["sprache"] {
                if languages.contains(language) { self.language = language } else { issues.append(ValidationIssue("sprache", .unknownValue(language))) }
            }
            for (name, flag) in [("barrierefrei", \Filters.stepFree), ("gebaerdensprache", \Filters.signLanguage)] {
                guard let value = f[name] else { continue }
                if value == "ja" { self[keyPath: flag] = true } else { issues.append(ValidationIssue(name, .unknownValue(value))) }
            }
        }

        func matches(_ s: Service, context: ServiceContext) -> Bool {
            if let category, s.categoryCode != category { return false }
            if let municipality, !s.serviceArea.contains(municipality),
               !s.locations.contains(where: { $0.point.flatMap(context.municipality(containing:)) == municipality }) { return false }
            if let age {
                if let min = s.targetGroup.minAge, age < min { return false }
                if let max = s.targetGroup.maxAge, age > max { return false }
            }
            if let language, !s.languages.contains(language) { return false }
            if stepFree, !s.stepFree { return false }
            if signLanguage, !s.signLanguage { return false }
            return true
        }
    }

    /// Straight-line distance from the chosen municipality's centre to the nearest place of a service, in km; 0 for a
    /// service without a place that serves the municipality; nil without a chosen place or for a protected address.
    static func distance(_ s: Service, from centre: Position?, municipality: String?) -> Double? {
        // A protected address has no distance to tell: not even "0 km" from the centre.
        guard let centre, !s.addressProtected else { return nil }
        let points = s.locations.compactMap(\.point)
        if points.isEmpty { return municipality.map { s.serviceArea.contains($0) } == true ? 0 : nil }
        return points.map { Distance.km(centre, $0) }.min()
    }

    func search(req: Request) async throws -> Response {
        let context = try await ServiceContext.load(req)
        let state = ServiceViews.listState(req, path: ServiceRoute.directory().path)
        let records = Self.visible(context.records)
        let languages = Array(Set(records.flatMap(\.service.languages))).sorted()
        let filters = Filters(state.filters, context: context, languages: languages)
        let centre = filters.municipality.flatMap { key in context.unitsByKey[key]?.representativePoint ?? context.boundaries[key]?.geometry.centroid }
        var candidates = records.filter { filters.matches($0.service, context: context) }
        var corrections: [(typed: String, used: String)] = []
        var scores: [UUID: Double] = [:]
        if !GermanSearch.words(filters.text).isEmpty {
            let result = try await req.serviceSearch.find(filters.text, in: context)
            scores = result.scores
            corrections = result.corrections
            candidates = candidates.filter { scores[$0.service.id] != nil }
        }
        let distances = Dictionary(candidates.compactMap { record in
            Self.distance(record.service, from: centre, municipality: filters.municipality).map { (record.service.id, $0) }
        }, uniquingKeysWith: { first, _ in first })
        let order = GermanSearch.ranked(candidates.map { record in
            (id: record.service.id, score: scores[record.service.id] ?? 0, distanceKm: distances[record.service.id], name: record.service.name)
        })
        let byID = Dictionary(candidates.map { ($0.service.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = order.compactMap { byID[$0] }.map(context.row)
        let page = Paging.slice(rows, page: state.page, perPage: DirectoryPage.perPage)
        let t = Texts(req.language)
        let points = page.flatMap { row in
            row.service.locations.compactMap { location in
                location.point.map { SVGMap.Point(position: $0, label: row.service.name, link: ServiceRoute.directoryService(id: row.service.id).path) }
            }
        }
        let map = context.map(id: "wegweiser-karte", title: t(.directoryMapCaption), points: points, link: { _ in nil })
        let model = DirectoryPage.Model(rows: page, total: rows.count, state: state, categories: context.categories, municipalities: context.municipalityOptions,
                                        languages: languages, map: map, issues: filters.issues, corrections: corrections, distances: distances)
        return HTMLResponse(DirectoryPage.render(model, context: try await req.pageContext()))
            .response(status: filters.issues.isEmpty ? .ok : .badRequest)
    }

    func show(req: Request) async throws -> HTMLResponse {
        let id = try ServiceViews.serviceID(req)
        guard let stored = try await req.serviceStore.service(id: id), stored.service.status != .inactive,
              let record = Self.visible([stored]).first else { throw Abort(.notFound) }
        let context = try await ServiceContext.load(req, services: false)
        let points = record.service.locations.compactMap { location in location.point.map { SVGMap.Point(position: $0, label: record.service.name, link: nil) } }
        let map = points.isEmpty ? nil : context.map(id: "angebotskarte", title: record.service.name, points: points)
        return HTMLResponse(DirectoryServicePage.render(context.row(record), categories: context.categories, unitNames: context.unitNames, map: map,
                                                        context: try await req.pageContext()))
    }
}
