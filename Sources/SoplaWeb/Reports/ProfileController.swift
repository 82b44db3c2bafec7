import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Municipality profiles (Gemeindesteckbriefe) for everyone, as a page and a PDF; always with public figures.
struct ProfileController: RouteCollection {

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, SiteRoute.Pattern.unitProfile, RoutePermission(.readPublic), use: page)
        routes.on(.GET, SiteRoute.Pattern.unitProfilePDF, RoutePermission(.readPublic), use: pdf)
    }

    /// The profile of `key` (a municipality or planning area) as the page shows it.
    static func model(_ profiles: UnitProfileService, key: String, catalogue: SpatialLevelCatalogue, language: Language, now: Date) async throws -> MunicipalityProfilePage.Model {
        guard let profile = try await profiles.profile(key: key) else { throw Abort(.notFound) }
        let unit = SpatialViews.unitModel(profile.overview, indicators: profile.indicators, catalogue: catalogue, creatableChildLevel: nil, language: language)
        func name(_ category: ServiceCategory?, _ code: String) -> String { category.map { language == .de ? $0.nameDE : $0.nameEN } ?? code }
        var model = MunicipalityProfilePage.Model(
            unit: unit,
            services: profile.services.map { (name: $0.service.name, category: name($0.category, $0.service.categoryCode), provider: $0.provider) },
            coverage: profile.coverage.map { (category: name($0.category, $0.categoryCode), ratio: $0.ratio, gap: $0.gap) },
            builtAt: now, coverageArea: profile.coverageArea.map { $0.kind + " " + $0.name })
        // "Lage im Kreis" shows the unit among its siblings (a municipality among the county's, also once it has planning
        // areas), with its own planning areas as outlines inside it.
        let boundaries = profile.overview.boundaries
        model.contextUnits = profile.overview.siblings.filter { boundaries[$0.key] != nil }
        model.outlineUnits = profile.overview.children.filter { boundaries[$0.key] != nil }
        return model
    }

    static func model(_ req: Request, key: String) async throws -> MunicipalityProfilePage.Model {
        try await model(req.unitProfiles, key: key, catalogue: req.settings.levels, language: req.language, now: req.settings.clock.now())
    }

    func page(req: Request) async throws -> HTMLResponse {
        let key = req.parameters.get("key") ?? ""
        return HTMLResponse(MunicipalityProfilePage.render(try await Self.model(req, key: key), context: try await req.pageContext(), pdfLink: SiteRoute.Pattern.unitProfilePDF(key)))
    }

    /// The printable document of a profile (HTML for the PDF).
    static func printable(_ model: MunicipalityProfilePage.Model, language: Language) -> String {
        ReportPrintDocument.render(title: MunicipalityProfilePage.title(model.unit.unit, Texts(language)), language: language,
                                   body: MunicipalityProfilePage.body(model, language: language, pdfLink: nil),
                                   css: (StaticAssets.assets["sopla.css"]?.body ?? "") + "\n" + MunicipalityProfilePage.printCSS)
    }

    /// From the cache while the data it shows stay as they are; made anew otherwise (at most a few at once).
    func pdf(req: Request) async throws -> Response {
        let key = req.parameters.get("key") ?? ""
        return try await req.pdfDocuments.response(req, key: try await Self.pdfKey(req, key: key), filename: "steckbrief-\(key).pdf") {
            Self.printable(try await Self.model(req, key: key), language: req.language)
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
        let profiles = app.unitProfiles(app.db)
        for unit in units {
            // Public figures, German, as anyone sees them.
            let html = ProfileController.printable(try await ProfileController.model(profiles, key: unit.key, catalogue: app.settings.levels, language: .de,
                                                                                     now: app.settings.clock.now()), language: .de)
            try Data(html.utf8).write(to: folder.appendingPathComponent(unit.key + ".html"))
            if pdf { try await app.pdfDocuments.renderer.render(html: html).write(to: folder.appendingPathComponent(unit.key + ".pdf")) }
        }
        return units.count
    }
}
