import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// The public Wegweiser: active and temporarily closed services, searchable by place, topic, age, language and access.
struct DirectoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, ServiceRoute.Pattern.directory, read, use: search)
        routes.on(.GET, ServiceRoute.Pattern.directoryService, read, use: show)
    }

    /// What the public sees: services that are not inactive.
    static func visible(_ records: [ServiceRecord]) -> [ServiceRecord] {
        records.filter { $0.service.status != .inactive }
    }

    static func matches(_ row: ServiceRow, filters f: [String: String], context: ServiceContext) -> Bool {
        let s = row.service
        if let text = f["suche"]?.lowercased(), !text.isEmpty {
            let category = context.categories.first { $0.code == s.categoryCode }
            let haystack = [s.name, s.description, row.organisationName, category?.nameDE ?? "", category?.nameEN ?? "", s.targetGroup.situations.joined(separator: " ")]
                .joined(separator: " ").lowercased()
            if !text.split(separator: " ").allSatisfy({ haystack.contains($0) }) { return false }
        }
        if let category = f["kategorie"], s.categoryCode != category { return false }
        if let unit = f["gemeinde"], !s.serviceArea.contains(unit), !s.locations.contains(where: { $0.point.flatMap(context.municipality(containing:)) == unit }) { return false }
        if let age = f["alter"].flatMap(Int.init) {
            if let min = s.targetGroup.minAge, age < min { return false }
            if let max = s.targetGroup.maxAge, age > max { return false }
        }
        if let language = f["sprache"], !s.languages.contains(language) { return false }
        if f["barrierefrei"] == "ja", !s.stepFree { return false }
        if f["gebaerdensprache"] == "ja", !s.signLanguage { return false }
        return true
    }

    func search(req: Request) async throws -> HTMLResponse {
        let context = try await ServiceContext.load(req)
        let state = ServiceViews.listState(req, path: ServiceRoute.directory().path)
        let rows = Self.visible(context.records).map(context.row).filter { Self.matches($0, filters: state.filters, context: context) }
            .sorted { $0.service.name.lowercased() < $1.service.name.lowercased() }
        let page = Paging.slice(rows, page: state.page, perPage: DirectoryPage.perPage)
        let t = Texts(req.language)
        let points = page.flatMap { row in
            row.service.locations.compactMap { location in
                location.point.map { SVGMap.Point(position: $0, label: row.service.name, link: ServiceRoute.directoryService(id: row.service.id).path) }
            }
        }
        let map = context.map(id: "wegweiser-karte", title: t(.directoryMapCaption), points: points, link: { _ in nil })
        let languages = Array(Set(context.records.flatMap(\.service.languages))).sorted()
        let model = DirectoryPage.Model(rows: page, total: rows.count, state: state, categories: context.categories, municipalities: context.municipalityOptions,
                                        languages: languages, map: map)
        return HTMLResponse(DirectoryPage.render(model, context: try await req.pageContext()))
    }

    func show(req: Request) async throws -> HTMLResponse {
        let id = try ServiceViews.serviceID(req)
        guard let record = try await req.serviceStore.service(id: id), record.service.status != .inactive else { throw Abort(.notFound) }
        let context = try await ServiceContext.load(req, services: false)
        let points = record.service.locations.compactMap { location in location.point.map { SVGMap.Point(position: $0, label: record.service.name, link: nil) } }
        let map = points.isEmpty ? nil : context.map(id: "angebotskarte", title: record.service.name, points: points)
        return HTMLResponse(DirectoryServicePage.render(context.row(record), categories: context.categories, unitNames: context.unitNames, map: map,
                                                        context: try await req.pageContext()))
    }
}
