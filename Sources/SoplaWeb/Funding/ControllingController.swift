import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Social controlling of a year: the money of every programme from plan to proof, where it goes (category,
/// provider, municipality per inhabitant), the preventive share, target attainment and the years compared.
struct ControllingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageFunding)
        routes.on(.GET, FundingRoute.controlling, manage, use: page)
        routes.on(.GET, FundingRoute.controllingCSV, manage, use: csv)
    }


    func page(req: Request) async throws -> HTMLResponse {
        HTMLResponse(ControllingPage.render(try await FundingData.model(req), context: try await req.pageContext()))
    }

    /// Every figure of the page in one long table: year, section, name, measure, value.
    func csv(req: Request) async throws -> Response {
        let m = try await FundingData.model(req)
        return CSVDownload.response(CSV.write(header: FundingData.header(publicView: false), rows: FundingData.rows(m)), filename: "controlling-\(m.year).csv")
    }


}
