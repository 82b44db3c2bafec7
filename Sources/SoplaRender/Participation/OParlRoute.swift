import Foundation

/// The addresses of the OParl 1.1 API, each declared once.
public enum OParlRoute {
    public static let base = "/oparl/v1"
    public static let system = FixedPath("/oparl/v1/system")
    public static let bodies = FixedPath("/oparl/v1/bodies")
    public static let body = RoutePath<String>("/oparl/v1/body/:oparlid")
    public static let list = RoutePath<String, String>("/oparl/v1/body/:oparlid/:list")
    public static let object = RoutePath<String, String>("/oparl/v1/:type/:oparlid")
    /// The router does not step back from "file" to ":type", so a file has its own route.
    public static let file = RoutePath<String>("/oparl/v1/file/:oparlid")
    public static let download = RoutePath<String>("/oparl/v1/file/:oparlid/download")
}
