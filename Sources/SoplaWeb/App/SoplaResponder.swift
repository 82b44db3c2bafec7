import Foundation
import SoplaCore
import SoplaRender
import Vapor

/// Answers the most requested public read — all boundaries as GeoJSON, as maps and GIS clients fetch
/// them — straight from the cache, without routing or middleware. The cached response carries the same
/// headers (security headers included) as the routed one. Everything else, and every cache miss or
/// revalidation, goes through the router.
struct SoplaResponder: Responder {
    let router: any Responder
    let caches: SpatialCaches
    let clock: Clock

    static let fastPath = SiteRoute.apiGeoJSON.path

    func respond(to request: Request) -> EventLoopFuture<Response> {
        if request.method == .GET, request.url.query == nil, request.url.path == Self.fastPath {
            let now = clock.now()
            if let entry = caches.geoJSON.fresh(GeoJSONCache.Key(level: nil, day: Day(now)), now: now) {
                return request.eventLoop.makeSucceededFuture(SpatialViews.response(entry, for: request))
            }
        }
        return router.respond(to: request)
    }
}
