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
        routes.on(.GET, ["foerderung", "zahlen"], read, use: funding)
        routes.on(.GET, ["foerderung", "zahlen.csv"], read, use: fundingCSV)
        routes.on(.GET, ["sitemap.xml"], read, use: sitemap)
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
        var paths = ["/", "/gebiete", "/indikatoren", "/wegweiser", "/gremien", "/vorlagen", "/massnahmen", "/planungsprozesse", "/berichte", "/foerderung/zahlen",
                     "/daten", "/schnittstelle", "/organisationen"]
        let units = try await req.spatial.allUnits()
        paths += units.map { "/gebiete/" + $0.key }
        paths += units.filter { [SpatialLevel.municipality.code, SpatialLevel.planningArea.code].contains($0.levelCode) }.map { SpatialViews.profilePath($0.key) }
        paths += try await req.indicatorStore.indicators().filter(\.isPublished).map { "/indikatoren/" + $0.code }
        paths += try await req.serviceStore.services().filter { $0.service.status != .inactive }.map { "/wegweiser/" + $0.service.id.uuidString.lowercased() }
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
