import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Municipality profiles (Gemeindesteckbriefe) for everyone, as a page and a PDF; always with public figures.
struct ProfileController: RouteCollection {
    static let pattern = ["gebiete", ":key", "steckbrief"]
    static let pdfPattern = ["gebiete", ":key", "steckbrief.pdf"]
    static func path(_ key: String) -> String { "/gebiete/" + key + "/steckbrief" }

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, Self.pattern, RoutePermission(.readPublic), use: page)
        routes.on(.GET, Self.pdfPattern, RoutePermission(.readPublic), use: pdf)
    }

    static func model(_ req: Request, key: String) async throws -> MunicipalityProfilePage.Model {
        let unit = try await SpatialPagesController.unitModel(req, key: key, publicFigures: true)
        guard unit.unit.levelCode == SpatialLevel.municipality.code || unit.unit.levelCode == SpatialLevel.planningArea.code else { throw Abort(.notFound) }
        let context = try await ServiceContext.load(req)
        let categories = Dictionary(context.categories.map { ($0.code, req.language == .de ? $0.nameDE : $0.nameEN) }, uniquingKeysWith: { a, _ in a })
        let services = context.records.map(\.service).filter { $0.status == .active && $0.serviceArea.contains(key) }.sorted { $0.name < $1.name }
            .map { (name: $0.name, category: categories[$0.categoryCode] ?? $0.categoryCode, provider: context.organisationName($0.organisationID)) }
        var coverage: [(category: String, ratio: Double?, gap: Double)] = []
        for standard in try await req.serviceStore.standards() {
            guard let row = try await ServicePlanningController().coverageData(req, category: standard.categoryCode, loaded: context).result?.rows.first(where: { $0.unitKey == key }) else { continue }
            coverage.append((categories[standard.categoryCode] ?? standard.categoryCode, row.ratio, row.gap))
        }
        return MunicipalityProfilePage.Model(unit: unit, services: services, coverage: coverage, builtAt: req.settings.clock.now())
    }

    func page(req: Request) async throws -> HTMLResponse {
        let key = req.parameters.get("key") ?? ""
        return HTMLResponse(MunicipalityProfilePage.render(try await Self.model(req, key: key), context: try await req.pageContext(), pdfLink: Self.path(key) + ".pdf"))
    }

    static func printable(_ req: Request, key: String) async throws -> (name: String, html: String) {
        let model = try await model(req, key: key)
        let title = Texts(req.language)(.municipalityProfileTitle) + ": " + model.unit.unit.name
        return (model.unit.unit.name, ReportPrintDocument.render(title: title, language: req.language, body: MunicipalityProfilePage.body(model, language: req.language, pdfLink: nil),
                                                                css: StaticController.assets["sopla.css"]?.body ?? ""))
    }

    func pdf(req: Request) async throws -> Response {
        let key = req.parameters.get("key") ?? ""
        let (_, html) = try await Self.printable(req, key: key)
        return try await ReportPDF.response(html: html, filename: "steckbrief-\(key).pdf", on: req)
    }
}

/// `sopla report profiles --out DIR`: every municipality's profile as HTML and, with WeasyPrint present, PDF.
struct ReportGroup: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["profiles": ProfilesCommand()] }
    var help: String { "Social report documents. Example: sopla report profiles --out steckbriefe" }
}

struct ProfilesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "Folder for the files (created if missing)")
        var out: String?
        @Flag(name: "html-only", help: "Write HTML only, no PDF")
        var htmlOnly: Bool

        init() {}
    }

    var help: String {
        "Writes the profile (Gemeindesteckbrief) of every municipality as <key>.html and <key>.pdf. Example: sopla report profiles --out steckbriefe"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out, !out.isEmpty else { throw CommandFailure("--out is required: the folder for the profiles") }
        let app = context.application
        try await app.prepareDatabase(location: app.settings.database, migrate: false)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let units = try await app.spatial.allUnits().filter { $0.levelCode == SpatialLevel.municipality.code }.sorted { $0.key < $1.key }
        guard !units.isEmpty else { throw CommandFailure("there are no municipalities in the database") }
        if !signature.htmlOnly, ReportPDF.executable == nil { throw CommandFailure("PDF needs WeasyPrint (Debian package weasyprint); use --html-only for HTML alone") }
        let started = Date()
        for unit in units {
            // A request of nobody in particular: public figures, German.
            let req = Request(application: app, method: .GET, url: URI(path: ProfileController.path(unit.key)), on: app.eventLoopGroup.next())
            let (_, html) = try await ProfileController.printable(req, key: unit.key)
            try Data(html.utf8).write(to: folder.appendingPathComponent(unit.key + ".html"))
            if !signature.htmlOnly {
                try await ReportPDF.render(html: html, on: req).write(to: folder.appendingPathComponent(unit.key + ".pdf"))
            }
        }
        context.console.print("Wrote \(units.count) profiles to \(folder.path) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }
}
