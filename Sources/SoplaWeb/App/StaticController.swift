import Foundation
import SoplaRender
import Vapor

/// Files the pages need, served by sopla itself: no CDN. Read once from the bundle; PDFs embed them too.
enum StaticAssets {
    struct Asset: Sendable {
        let body: String
        let contentType: HTTPMediaType
    }

    static let assets: [String: Asset] = [
        "sopla.css": Asset(body: load("sopla", "css"), contentType: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])),
        "sopla.js": Asset(body: load("sopla", "js"), contentType: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])),
        "upload.js": Asset(body: load("upload", "js"), contentType: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])),
        "report-editor.js": Asset(body: load("report-editor", "js"), contentType: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])),
        "favicon.svg": Asset(body: load("favicon", "svg"), contentType: HTTPMediaType(type: "image", subType: "svg+xml")),
    ]

    static func load(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/static"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }
}

/// Serves the static files.
struct StaticController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, SiteRoute.Pattern.staticFile, RoutePermission(.readPublic)) { req -> Response in
            guard let name = req.parameters.get("file"), let asset = StaticAssets.assets[name] else { throw Abort(.notFound) }
            var headers = HTTPHeaders()
            headers.contentType = asset.contentType
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            return Response(status: .ok, headers: headers, body: .init(string: asset.body))
        }
    }
}
