import Foundation
import SoplaRender
import Vapor

/// The OpenAPI 3.1 description of the JSON API.
struct OpenAPIController: RouteCollection {
    static let document: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "{}" }
        return text
    }()

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, SiteRoute.Pattern.openAPI, RoutePermission(.readPublic)) { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: Self.document))
        }
    }
}
