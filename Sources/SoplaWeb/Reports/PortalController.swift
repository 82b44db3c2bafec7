import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// The public side of the transparency portal: funding in figures (totals only) and the sitemap of public pages.
struct PortalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, FundingRoute.portal, read, use: funding)
        routes.on(.GET, FundingRoute.portalCSV, read, use: fundingCSV)
        routes.on(.GET, SiteRoute.Pattern.sitemap, read, use: sitemap)
    }

    func funding(req: Request) async throws -> HTMLResponse {
        HTMLResponse(ControllingPage.render(try await FundingData.model(req, publication: true), context: try await req.pageContext(), publicView: true))
    }

    /// The public CSV: programme figures, topics, municipalities, preventive share and years; no providers, no agreements;
    /// a figure the dominance rule keeps back has no value and „geheim gehalten“ `ja`.
    func fundingCSV(req: Request) async throws -> Response {
        let model = try await FundingData.model(req, publication: true)
        return CSVDownload.response(CSV.write(header: FundingData.header(publicView: true), rows: FundingData.rows(model, publicView: true)),
                                                  filename: "foerderung-\(model.year).csv")
    }

    func sitemap(req: Request) async throws -> Response {
        let base = req.siteURL
        var paths = [SiteRoute.home.path, SiteRoute.units().path, SiteRoute.indicators().path, ServiceRoute.directory().path, ParticipationRoute.bodies(),
                     ParticipationRoute.papers(), ParticipationRoute.measures(), ParticipationRoute.processes(), ReportRoute.published(), FundingRoute.portal(),
                     SiteRoute.data.path, SiteRoute.api.path, SiteRoute.organisations.path]
        let units = try await req.spatial.allUnits()
        paths += units.map { SiteRoute.unit(key: $0.key).path }
        paths += units.filter { [SpatialLevel.municipality.code, SpatialLevel.planningArea.code].contains($0.levelCode) }.map { SiteRoute.Pattern.unitProfile($0.key) }
        paths += try await req.indicatorStore.indicators().filter(\.isPublished).map { SiteRoute.indicator(code: $0.code).path }
        paths += try await req.serviceStore.services().filter { $0.service.status != .inactive }.map { ServiceRoute.directoryService(id: $0.service.id).path }
        paths += try await req.reportStore.editionSummaries().filter { $0.publishedAt != nil }.map { ReportRoute.edition($0.reportID, $0.number) }
        let bodies = try await req.participationStore.all(.body, as: Body.self).map(\.value).filter(\.isPublic)
        paths += bodies.map { ParticipationRoute.body($0.id) }
        let publicBodies = Set(bodies.map(\.id))
        paths += try await req.participationStore.all(.meeting, as: Meeting.self).map(\.value).filter { publicBodies.contains($0.bodyID) }.map { ParticipationRoute.meeting($0.id) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            let location = (base + path).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            xml += "  <url><loc>\(location)</loc></url>\n"
        }
        xml += "</urlset>\n"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }
}
