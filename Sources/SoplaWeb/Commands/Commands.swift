import Fluent
import NIOCore
import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaStore
import Vapor

/// A command ended with a message for the person who ran it (printed without a stack trace, exit code 1).
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

func registerCommands(_ app: Application) {
    guard let vaporServe = app.asyncCommands.commands["serve"] else { return }
    app.asyncCommands.use(ServeCommand(inner: vaporServe), as: "serve", isDefault: true)
    app.asyncCommands.use(DemoCommand(inner: vaporServe), as: "demo")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(ImportGroup(), as: "import")
    app.asyncCommands.use(ExportGroup(), as: "export")
    app.asyncCommands.use(UnitGroup(), as: "unit")
    app.asyncCommands.use(UserGroup(), as: "user")
    app.asyncCommands.use(NotifyGroup(), as: "notify")
    app.asyncCommands.use(ReportGroup(), as: "report")
}

/// `--hostname` and `--port` of `serve` and `demo`.
struct ServerSignature: CommandSignature {
    @Option(name: "hostname", short: "H", help: "Address to listen on (default 127.0.0.1)")
    var hostname: String?
    @Option(name: "port", short: "p", help: "Port to listen on (default 8080)")
    var port: Int?

    init() {}

    var address: (String, Int) { (hostname ?? "127.0.0.1", port ?? 8080) }
}

extension SpatialLevelCatalogue {
    /// The level for a `--level` option, or a message listing the known ones.
    func requireLevel(_ code: String) throws -> SpatialLevel {
        guard let level = level(code: code) else {
            throw CommandFailure("--level \(code) is unknown; use one of \(codes.joined(separator: ", "))")
        }
        return level
    }
}

extension CommandContext {
    /// Runs Vapor's server command with our hostname and port, until the process is stopped.
    mutating func serve(_ inner: any AnyAsyncCommand, hostname: String, port: Int) async throws {
        guard (1...65535).contains(port) else { throw CommandFailure("--port \(port) is not a TCP port (1–65535)") }
        input = CommandInput(arguments: ["sopla serve", "--hostname", hostname, "--port", String(port)])
        do {
            try await inner.run(using: &self)
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw CommandFailure("port \(port) on \(hostname) is already in use: stop the other server or choose another port with --port")
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw CommandFailure("cannot listen on \(hostname): this machine has no such address; use 127.0.0.1 or 0.0.0.0 with --hostname")
        }
    }
}

struct ServeCommand: AsyncCommand {
    typealias Signature = ServerSignature
    let inner: any AnyAsyncCommand

    var help: String {
        """
        Serves sopla over HTTP. An SQLite database migrates itself; PostgreSQL needs `sopla migrate` first.
        Example: SOPLA_DATABASE_URL=postgres://sopla:secret@localhost:5432/sopla sopla serve --hostname 0.0.0.0 --port 8080
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase(location: app.settings.database, migrate: false)
        try await app.recoverInterruptedImports(console: context.console)
        app.startMailSender()
        var context = context
        let (hostname, port) = signature.address
        let address = SiteAddress.serving(hostname: hostname, port: port, settings: app.settings)
        app.storage[SiteAddressKey.self] = address
        if app.settings.publicURL == nil {
            context.console.warning("""
                warning: SOPLA_PUBLIC_URL is not set. Links in mails, calendars, OParl and HSDS point to \(address.listenURL), \
                and only requests for that address or localhost are answered (others get 421). Set SOPLA_PUBLIC_URL to the address \
                people use, e.g. SOPLA_PUBLIC_URL=https://sopla.lahn-dill-kreis.de
                """)
        }
        try await context.serve(inner, hostname: hostname, port: port)
    }
}

struct DemoCommand: AsyncCommand {
    typealias Signature = ServerSignature
    let inner: any AnyAsyncCommand

    var help: String {
        """
        Creates or refreshes the Lahn-Dill-Kreis demo (23 municipalities, boundaries, population) in the database \
        named by SOPLA_DATABASE_URL (default sqlite:./sopla.sqlite), then serves it.
        Example: swift run sopla demo --port 8080
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let settings = app.settings
        try await app.prepareDatabase(location: settings.database, migrate: true)
        try await app.recoverInterruptedImports(console: context.console)
        app.startMailSender()
        guard let seeding = app.demoSeeding else { throw CommandFailure("This build of sopla has no demo data.") }
        let outcome = try await seeding(app.demoStores)
        // The demo's figures are public from the start: their first release opens the disclosure ledger.
        try await PublicFigures.recordLive(variables: nil, store: app.indicatorStore, spatial: app.spatial, ledger: app.disclosureLedger, at: settings.clock.now())
        // An example Sozialbericht, published, so the portal's first tile leads somewhere.
        try await DemoReport.publish(app)
        let (hostname, port) = signature.address
        app.storage[SiteAddressKey.self] = SiteAddress.demo(hostname: hostname, port: port)
        context.console.print("sopla demo: Lahn-Dill-Kreis (\(settings.database.redacted))" + (outcome.summary.first.map { " – " + $0 } ?? ""))
        for line in outcome.summary.dropFirst() { context.console.print(line) }
        context.console.print("Open http://\(hostname):\(port)/ in a browser.")
        context.console.print("Demo logins (invented people, for this demo only):")
        for login in outcome.logins {
            context.console.print("  \(login.email.padding(toLength: 36, withPad: " ", startingAt: 0)) \(login.password.padding(toLength: 24, withPad: " ", startingAt: 0)) \(login.roles.joined(separator: ", "))")
        }
        var context = context
        try await context.serve(inner, hostname: hostname, port: port)
    }
}

struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        init() {}
    }

    var help: String {
        """
        Brings the database schema up to date (the production path for PostgreSQL; SQLite migrates itself).
        Example: SOPLA_DATABASE_URL=postgres://sopla:secret@db:5432/sopla sopla migrate
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let before = try await app.pendingMigrationsAfterConnecting()
        try await app.prepareDatabase(location: app.settings.database, migrate: true)
        context.console.print(before == 0 ? "The database is up to date." : "Applied \(before) migration(s); the database is up to date.")
    }
}

extension Application {
    func pendingMigrationsAfterConnecting() async throws -> Int {
        try await checkConnection(location: settings.database)
        return try await pendingMigrations()
    }
}

// MARK: - import

struct ImportGroup: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] {
        ["boundaries": ImportBoundariesCommand(), "data": ImportDataCommand(), "hsds": ImportHSDSCommand(), "release": ImportReleaseCommand(), "withdraw": ImportWithdrawCommand()]
    }
    var help: String {
        "Imports data from files. Examples: sopla import boundaries gemeinden.geojson --level municipality; sopla import data werte.csv --release; "
            + "sopla import release RUN-ID; sopla import withdraw RUN-ID --reason \"…\"; sopla import hsds angebote.json"
    }
}

struct ImportBoundariesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A GeoJSON FeatureCollection of Polygon or MultiPolygon features in WGS84 (lon/lat)")
        var file: String
        @Option(name: "level", help: "Level of the features: land, county, municipality or planning-area (default municipality)")
        var level: String?
        @Option(name: "key-property", help: "Property holding the official key (default ags)")
        var keyProperty: String?
        @Option(name: "name-property", help: "Property holding the name (default name)")
        var nameProperty: String?
        @Option(name: "kind-property", help: "Property holding the kind, e.g. Stadt or Gemeinde (optional)")
        var kindProperty: String?
        @Option(name: "ars-property", help: "Property holding the 12-digit regional key ARS (optional)")
        var arsProperty: String?
        @Option(name: "area-property", help: "Property holding the area in km², e.g. 43.57 (optional)")
        var areaProperty: String?
        @Option(name: "parent-property", help: "Property holding each feature's parent key (optional)")
        var parentProperty: String?
        @Option(name: "parent", help: "One parent key for all features, e.g. the municipality of planning areas")
        var parent: String?
        @Option(name: "valid-from", help: "First day of the Gebietsstand of new or changed boundaries, YYYY-MM-DD (default today)")
        var validFrom: String?
        @Flag(name: "dry-run", help: "Check the file and report what would change, without writing")
        var dryRun: Bool

        init() {}
    }

    var help: String {
        """
        Imports boundaries from a GeoJSON file: the whole file or nothing. A changed boundary starts a new
        Gebietsstand; importing the same file again changes nothing.
        Examples:
          sopla import boundaries gemeinden.geojson --level municipality --key-property ags --name-property name
          sopla import boundaries planungsraeume.geojson --level planning-area --key-property id --name-property name --parent 06532023
          sopla import boundaries gemeinden-2025.geojson --valid-from 2025-01-01 --dry-run
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let settings = app.settings
        let level = try settings.levels.requireLevel(signature.level ?? SpatialLevel.municipality.code)
        var validFrom = settings.clock.today
        if let raw = signature.validFrom {
            guard let day = Day(iso: raw) else { throw CommandFailure("--valid-from \(raw) is not a date; write it as YYYY-MM-DD, e.g. 2025-01-01") }
            validFrom = day
        }
        let importer = BoundaryImporter(repository: app.spatialWriter(.system("sopla import boundaries")), catalogue: settings.levels)
        let data: Data
        do { data = try importer.read(path: signature.file) } catch { throw CommandFailure(error.description) }
        try await app.prepareDatabase(location: settings.database, migrate: false)
        let options = BoundaryImportOptions(
            level: level, keyProperty: signature.keyProperty ?? "ags", nameProperty: signature.nameProperty ?? "name",
            kindProperty: signature.kindProperty, arsProperty: signature.arsProperty, areaProperty: signature.areaProperty,
            parentProperty: signature.parentProperty, parentKey: signature.parent, validFrom: validFrom
        )
        do {
            let plan = try await importer.run(data: data, options: options, dryRun: signature.dryRun)
            context.console.print((signature.dryRun ? "Dry run, nothing written: " : "Imported \(signature.file): ") + plan.summary)
        } catch let failure as BoundaryImporter.Failure {
            throw CommandFailure(failure.description)
        }
    }
}

// MARK: - export

struct ExportGroup: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["units": ExportUnitsCommand(), "hsds": ExportHSDSCommand()] }
    var help: String { "Exports data. Examples: sopla export units --format geojson --output gebiete.geojson; sopla export hsds --output angebote.json" }
}

struct ExportUnitsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "format", help: "csv (default) or geojson")
        var format: String?
        @Option(name: "level", help: "Only units of this level")
        var level: String?
        @Option(name: "output", short: "o", help: "File to write (default: standard output)")
        var output: String?
        @Option(name: "date", help: "GeoJSON: the boundaries valid on this day, YYYY-MM-DD (default today)")
        var date: String?

        init() {}
    }

    var help: String {
        """
        Exports the spatial units with population and area as CSV, or with their boundaries as GeoJSON.
        Examples:
          sopla export units > gebiete.csv
          sopla export units --format geojson --level municipality --output gemeinden.geojson
          sopla export units --format geojson --date 2020-12-31 --output gebietsstand-2020.geojson
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let settings = app.settings
        let format = signature.format ?? "csv"
        guard ["csv", "geojson"].contains(format) else { throw CommandFailure("--format \(format) is unknown; use csv or geojson") }
        if let level = signature.level { _ = try settings.levels.requireLevel(level) }
        var day = settings.clock.today
        if let raw = signature.date {
            guard let parsed = Day(iso: raw) else { throw CommandFailure("--date \(raw) is not a date; write it as YYYY-MM-DD, e.g. 2020-12-31") }
            day = parsed
        }
        try await app.prepareDatabase(location: settings.database, migrate: false)
        let everyUnit = try await app.spatial.unitsWithAggregates(catalogue: settings.levels)
        let units = everyUnit.filter { signature.level == nil || $0.levelCode == signature.level }
        let data: Data
        if format == "csv" {
            data = Data(SpatialCSV.write(units, all: everyUnit, levels: settings.levels, byteOrderMark: false).utf8)
        } else {
            let boundaries = try await app.spatial.boundaries(validOn: day)
            data = GeoJSONWriter.featureCollection(units: units, boundaries: boundaries, attribution: GeoAttribution.boundaries)
        }
        if let output = signature.output {
            do { try data.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw CommandFailure("cannot write \(output): \((error as NSError).localizedDescription)")
            }
            context.console.print("Wrote \(units.count) units to \(output).")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

// MARK: - unit

struct UnitGroup: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["create": CreateUnitCommand()] }
    var help: String { "Manages spatial units by hand. Example: sopla unit create --parent 06532023 --key 06532023-001 --name Altstadt" }
}

struct CreateUnitCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "key", help: "Key of the new unit; for a planning area the municipality's AGS, a hyphen and a local code")
        var key: String?
        @Option(name: "name", help: "Name of the new unit")
        var name: String?
        @Option(name: "level", help: "Level (default planning-area)")
        var level: String?
        @Option(name: "parent", help: "Key of the parent unit")
        var parent: String?
        @Option(name: "kind", help: "Kind shown to people (default: the level's name)")
        var kind: String?

        init() {}
    }

    var help: String {
        """
        Creates a spatial unit by hand, typically a planning area below a municipality.
        Example: sopla unit create --parent 06532023 --key 06532023-001 --name "Wetzlar-Altstadt"
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let settings = app.settings
        guard let key = signature.key else { throw CommandFailure("--key is required") }
        guard let name = signature.name else { throw CommandFailure("--name is required") }
        try await app.prepareDatabase(location: settings.database, migrate: false)
        let existing = Dictionary(uniqueKeysWithValues: try await app.spatial.allUnits().map { ($0.key, $0) })
        let draft = SpatialUnitDraft(key: key, name: name, kind: signature.kind,
                                     levelCode: signature.level ?? SpatialLevel.planningArea.code, parentKey: signature.parent)
        do {
            let unit = try draft.validated(catalogue: settings.levels, existing: { existing[$0] })
            try await app.spatialWriter(.system("sopla unit create")).create(unit)
            context.console.print("Created \(unit.kind) \(unit.name) (\(unit.key)).")
        } catch let failure as ImportFailure {
            throw CommandFailure(failure.description.replacingOccurrences(of: "nothing was imported", with: "nothing was created"))
        }
    }
}

extension Application {
    /// Imports left running when sopla last stopped are marked failed (the planner sees why and imports again), their
    /// staged values and kept uploads removed, before the server answers anything.
    func recoverInterruptedImports(console: any Console) async throws {
        let runs = try await indicatorStore.recoverInterruptedImports(at: settings.clock.now())
        for run in runs {
            if let path = run.storedFile { try? FileManager.default.removeItem(atPath: path) }
            console.warning("import of \(run.fileName) (started \(ISO8601DateFormatter().string(from: run.startedAt))) was interrupted when sopla stopped: marked as failed, nothing of it stored")
        }
    }
}
