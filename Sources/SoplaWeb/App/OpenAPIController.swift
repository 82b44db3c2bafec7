import Foundation
import SoplaRender
import Vapor

/// The OpenAPI 3.1 description of the JSON API.
struct OpenAPIController: RouteCollection {
    static let document = load("openapi")
    /// The HSDS 3.0 API (`/hsds/`).
    static let hsdsDocument = load("hsds-openapi")

    static func load(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "{}" }
        return text
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, SiteRoute.Pattern.openAPI, RoutePermission(.readPublic)) { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: Self.document))
        }
        routes.on(.GET, ServiceRoute.Pattern.hsdsOpenAPI, RoutePermission(.readPublic)) { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: Self.hsdsDocument))
        }
    }
}
