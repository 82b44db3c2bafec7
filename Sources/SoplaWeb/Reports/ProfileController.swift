import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Municipality profiles (Gemeindesteckbriefe) for everyone, as a page and a PDF; always with public figures.
struct ProfileController: RouteCollection {
    static let pattern = ["gebiete", ":key", "steckbrief"]
    static let pdfPattern = ["gebiete", ":key", "steckbrief.pdf"]

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, Self.pattern, RoutePermission(.readPublic), use: page)
        routes.on(.GET, Self.pdfPattern, RoutePermission(.readPublic), use: pdf)
    }

    static func model(_ req: Request, key: String) async throws -> MunicipalityProfilePage.Model {
        let unit = try await SpatialViews.unitModel(req, key: key, publicFigures: true)
        guard unit.unit.levelCode == SpatialLevel.municipality.code || unit.unit.levelCode == SpatialLevel.planningArea.code else { throw Abort(.notFound) }
        let context = try await ServiceContext.load(req)
        let categories = Dictionary(context.categories.map { ($0.code, req.language == .de ? $0.nameDE : $0.nameEN) }, uniquingKeysWith: { a, _ in a })
        // A planning area is served by what serves it, its municipality as a whole, or is located within it;
        // coverage is planned per municipality, so a planning area shows its municipality's.
        let isPlanningArea = unit.unit.levelCode == SpatialLevel.planningArea.code
        let coverageKey = isPlanningArea ? (unit.unit.parentKey ?? key) : key
        let boundary = isPlanningArea ? try await req.currentBoundaries()[key]?.geometry : nil
        let services = context.records.map(\.service).filter { service in
            service.status == .active && (service.serviceArea.contains(key) || (isPlanningArea && service.serviceArea.contains(coverageKey))
                || (boundary.map { b in service.locations.contains { $0.point.map(b.contains) ?? false } } ?? false))
        }.sorted { $0.name < $1.name }
            .map { (name: $0.name, category: categories[$0.categoryCode] ?? $0.categoryCode, provider: context.organisationName($0.organisationID)) }
        var coverage: [(category: String, ratio: Double?, gap: Double)] = []
        for standard in try await req.serviceStore.standards() {
            guard let row = try await context.coverage(req, category: standard.categoryCode).result?.rows.first(where: { $0.unitKey == coverageKey }) else { continue }
            coverage.append((categories[standard.categoryCode] ?? standard.categoryCode, row.ratio, row.gap))
        }
        let parentName = isPlanningArea ? context.municipalities.first { $0.key == coverageKey }.map { $0.kind + " " + $0.name } : nil
        return MunicipalityProfilePage.Model(unit: unit, services: services, coverage: coverage, builtAt: req.settings.clock.now(), coverageArea: parentName)
    }

    func page(req: Request) async throws -> HTMLResponse {
        let key = req.parameters.get("key") ?? ""
        return HTMLResponse(MunicipalityProfilePage.render(try await Self.model(req, key: key), context: try await req.pageContext(), pdfLink: SpatialViews.profilePath(key) + ".pdf"))
    }

    static func printable(_ req: Request, key: String) async throws -> (name: String, html: String) {
        let model = try await model(req, key: key)
        let title = MunicipalityProfilePage.title(model.unit.unit, Texts(req.language))
        return (model.unit.unit.name, ReportPrintDocument.render(title: title, language: req.language, body: MunicipalityProfilePage.body(model, language: req.language, pdfLink: nil),
                                                                css: StaticAssets.assets["sopla.css"]?.body ?? ""))
    }

    /// From the cache while the data it shows stay as they are; made anew otherwise (at most a few at once).
    func pdf(req: Request) async throws -> Response {
        let key = req.parameters.get("key") ?? ""
        return try await req.pdfDocuments.response(req, key: try await Self.pdfKey(req, key: key), filename: "steckbrief-\(key).pdf") {
            try await Self.printable(req, key: key).html
        }
    }

    /// What a profile is made from: units and boundaries, indicator values, services and standards, the names of
    /// the organisations, the day (figures and the date printed on it) and the language.
    static func pdfKey(_ req: Request, key: String) async throws -> PDFCache.Key {
        var organisations = Hasher()
        for organisation in try await req.accounts.organisations().sorted(by: { $0.id.uuidString < $1.id.uuidString }) {
            organisations.combine(organisation.id)
            organisations.combine(organisation.name)
        }
        let versions = [try await req.spatial.dataVersion(), try await req.indicatorStore.dataVersion(), try await req.serviceStore.dataVersion()]
        return PDFCache.Key(document: "steckbrief/\(key)/\(req.language.rawValue)",
                            stamp: versions.map(String.init).joined(separator: "-") + "-o\(organisations.finalize())-" + req.settings.clock.today.iso)
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
        @Option(name: "level", help: "municipality (default), planning-area or all")
        var level: String?

        init() {}
    }

    var help: String {
        "Writes the profile (Gemeindesteckbrief) of every municipality (or planning area: --level planning-area, both: --level all) as <key>.html and <key>.pdf. "
            + "Example: sopla report profiles --out steckbriefe"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out, !out.isEmpty else { throw CommandFailure("--out is required: the folder for the profiles") }
        let levels: [String]
        switch signature.level ?? "municipality" {
        case "municipality": levels = [SpatialLevel.municipality.code]
        case "planning-area": levels = [SpatialLevel.planningArea.code]
        case "all": levels = [SpatialLevel.municipality.code, SpatialLevel.planningArea.code]
        default: throw CommandFailure("--level must be municipality, planning-area or all, not \(signature.level ?? "")")
        }
        let app = context.application
        try await app.prepareDatabase(location: app.settings.database, migrate: false)
        if !signature.htmlOnly, !app.pdfDocuments.renderer.isAvailable { throw CommandFailure("PDF needs WeasyPrint (Debian package weasyprint); use --html-only for HTML alone") }
        let started = Date()
        let count = try await Self.write(app, levels: levels, to: URL(fileURLWithPath: out), pdf: !signature.htmlOnly)
        context.console.print("Wrote \(count) profiles to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }

    /// Writes the profiles of every unit of the levels; how many it wrote.
    static func write(_ app: Application, levels: [String], to folder: URL, pdf: Bool) async throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let units = try await app.spatial.allUnits().filter { levels.contains($0.levelCode) }.sorted { $0.key < $1.key }
        guard !units.isEmpty else {
            throw CommandFailure(levels == [SpatialLevel.planningArea.code] ? "there are no planning areas in the database" : "there are no municipalities in the database")
        }
        for unit in units {
            // A request of nobody in particular: public figures, German.
            let req = Request(application: app, method: .GET, url: URI(path: SpatialViews.profilePath(unit.key)), on: app.eventLoopGroup.next())
            let (_, html) = try await ProfileController.printable(req, key: unit.key)
            try Data(html.utf8).write(to: folder.appendingPathComponent(unit.key + ".html"))
            if pdf { try await app.pdfDocuments.renderer.render(html: html).write(to: folder.appendingPathComponent(unit.key + ".pdf")) }
        }
        return units.count
    }
}
