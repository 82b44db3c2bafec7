import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaStore
import Vapor

/// `sopla import data FILE`: the same import as the upload page, with a progress display.
struct ImportDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A sopla long CSV, a GENESIS table CSV or a GENESIS flat CSV (old ffcsv or new)")
        var file: String
        @Option(name: "mapping", help: "GENESIS tables: a CSV file column,variable,breakdown assigning each table column a variable (saved for the table code)")
        var mapping: String?
        @Flag(name: "skip-unknown-units", help: "Skip rows of areas outside the spatial base (e.g. a table for all of Germany) instead of refusing them")
        var skipUnknownUnits: Bool
        @Flag(name: "dry-run", help: "Check the file and report what would change, without writing")
        var dryRun: Bool
        @Flag(name: "create-variables", help: "GENESIS files: accept sopla's proposal for columns without a variable (from the file's own codes, labels and units); missing variables are created as drafts")
        var createVariables: Bool
        @Flag(name: "release", help: "Release the imported values at once (make them public) if no validation rule fails; with failed rules only with --reason")
        var release: Bool
        @Option(name: "reason", help: "With --release: why the values can be published although validation rules failed")
        var reason: String?

        init() {}
    }

    var help: String {
        """
        Imports figures: the whole file or nothing. Every bad row is reported with line, column and value.
        Importing the same file again changes nothing; newer values for a date become a new revision.
        The values are public only once the import is released (--release, `sopla import release RUN-ID`
        or the import's page); until then planners see them marked "nicht freigegeben".
        The variables must exist (pages /merkmale or the API). Formats are detected automatically.
        Examples:
          sopla import data werte.csv --dry-run
          sopla import data werte.csv --release
          sopla import data 12411-01-01-4.csv --mapping zuordnung.csv --skip-unknown-units
        A mapping file (first import of a GENESIS table; later imports reuse it):
          column,variable,breakdown
          Stichtag | Insgesamt,bevoelkerung,
          Stichtag | männlich,bevoelkerung,sex=m
          Stichtag | weiblich,bevoelkerung,sex=f
        """
    }

    static func readMapping(_ path: String) throws -> ColumnMapping {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read the mapping file \(path)") }
        let rows: [[String]]
        do { rows = try CSV.parse(String(decoding: data, as: UTF8.self)) } catch { throw CommandFailure("mapping file \(path): \(error)") }
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }), header.starts(with: ["column", "variable"]) else {
            throw CommandFailure("mapping file \(path), line 1: the header must be column,variable,breakdown")
        }
        var mapping = ColumnMapping(tableCode: "")
        for (offset, row) in rows.dropFirst().enumerated() where !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let line = offset + 2
            guard row.count >= 2 else { throw CommandFailure("mapping file \(path), line \(line): expected column,variable[,breakdown]") }
            let variable = row[1].trimmingCharacters(in: .whitespaces)
            if variable.isEmpty || variable == "-" { mapping.ignored.insert(row[0]); continue }
            guard Variable.isValidCode(variable) else { throw CommandFailure("mapping file \(path), line \(line), column variable: \"\(variable)\" is not a variable code") }
            let text = row.count > 2 ? row[2].trimmingCharacters(in: .whitespaces) : ""
            guard let breakdown = Breakdown(canonical: text) else {
                throw CommandFailure("mapping file \(path), line \(line), column breakdown: \"\(text)\" is not a breakdown like sex=f or sex=m;age=u18")
            }
            mapping.targets[row[0]] = IndicatorTerm(variable: variable, breakdown: breakdown)
        }
        return mapping
    }

    /// The file's proposal, or nil when the file cannot be read (the import then names its problems).
    static func readableProposal(_ url: URL, app: Application) async throws -> GenesisProposal? {
        do {
            return try await ObservationImporter.proposal(for: url, store: app.indicatorStore, spatial: app.spatial)
        } catch is StatisticsReader.Failure {
            return nil
        }
    }

    /// "1 value", "2 values".
    static func values(_ count: Int) -> String {
        count == 1 ? "1 value" : "\(count) values"
    }

    /// What the file proposes: one line per variable (code, name, unit, breakdowns, values of the county's own units).
    static func printProposal(url: URL, app: Application, console: any Console, creating: Bool, given: ColumnMapping?) async throws {
        try await app.prepareDatabase(location: app.settings.database, migrate: false)
        let proposal: GenesisProposal
        do {
            proposal = try await ObservationImporter.proposal(for: url, store: app.indicatorStore, spatial: app.spatial)
        } catch let failure as StatisticsReader.Failure {
            throw CommandFailure("\(url.lastPathComponent): \(failure.issues.count) problem(s); nothing stored.\n" + failure.issues.map { "  " + $0.message }.joined(separator: "\n"))
        }
        console.print("Table \(proposal.tableCode ?? "?")\(proposal.tableTitle.isEmpty ? "" : " – " + proposal.tableTitle): proposed variables")
        // A column the table's saved mapping (or the given one) assigns keeps that variable: nothing is created for it.
        let saved = try await proposal.tableCode.asyncMap { try await app.indicatorStore.mapping(tableCode: $0) } ?? nil
        var assigned = saved?.targets ?? [:]
        for (signature, target) in given?.targets ?? [:] { assigned[signature] = target }
        for variable in proposal.variables {
            let breakdowns = variable.breakdowns.isEmpty ? "" : " by " + variable.breakdowns.joined(separator: ", ")
            if let target = assigned[variable.signature] {
                console.print("  column \(variable.signature): mapped to \(target.description) – \(Self.values(variable.ownValues)) of the county's units")
                continue
            }
            let state = variable.exists ? "exists" : (creating ? "created as draft" : "new")
            console.print("  \(variable.code) (\(state)): \(variable.name) [\(variable.unit)]\(breakdowns) – \(Self.values(variable.ownValues)) of the county's units; column \(variable.signature)")
        }
        console.print("Values of the county's units: \(proposal.ownValues); of the Land and Germany (kept as reference values): \(proposal.parentValues); of other regions (skipped): \(proposal.otherValues)")
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let settings = app.settings
        let url = URL(fileURLWithPath: signature.file)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw CommandFailure("cannot read \(signature.file): no such file or no permission") }
        let mapping = try signature.mapping.map(Self.readMapping)
        try await app.prepareDatabase(location: settings.database, migrate: false)
        let importer = ObservationImporter(store: app.indicatorStore, spatial: app.spatial, clock: settings.clock, files: app.threadPool)
        let actor = AuditActor.system("sopla import data")
        var options = ObservationImporter.Options(dryRun: signature.dryRun, skipUnknownUnits: signature.skipUnknownUnits, mapping: mapping)
        options.createVariables = signature.createVariables
        // A file that cannot be read is reported by the import itself, line by line.
        if let mapping, let format = try? StatisticsReader.detect(url: url), format != .soplaLong,
           let proposal = try await Self.readableProposal(url, app: app) {
            let variables = try await app.indicatorStore.variablesByCode()
            let mismatches = ObservationImporter.unitMismatches(mapping.targets, proposal: proposal, variables: variables)
            if !mismatches.isEmpty {
                throw CommandFailure("mapping file \(signature.mapping ?? ""): nothing stored; a column measured in one unit cannot feed a variable of another:\n"
                    + mismatches.sorted { $0.key < $1.key }.map { "  column \($0.key) (\($0.value.columnUnit)) → \($0.value.variable.code) (\($0.value.variable.unit))" }.joined(separator: "\n"))
            }
        }
        // A dry run also checks a table nobody has mapped yet, with the proposal's variables (it writes none).
        if signature.dryRun { options.createVariables = true }
        if signature.createVariables || signature.dryRun, let format = try StatisticsReader.detect(url: url), format != .soplaLong {
            try await Self.printProposal(url: url, app: app, console: context.console, creating: signature.createVariables && !signature.dryRun, given: mapping)
        }
        let begun = try await importer.begin(file: url, fileName: url.lastPathComponent, actor: actor, options: options, storedFile: nil)
        let console = context.console
        let run = try await importer.execute(begun, file: url, actor: actor, options: options) { run in
            let filled: Int = run.progressPercent / 5
            let bar: String = String(repeating: "#", count: filled) + String(repeating: " ", count: 20 - filled)
            console.output("\r[\(bar)] \(run.progressPercent) %".consoleText(), newLine: false)
        }
        console.print("")
        let counts = "\(run.outcome.inserted) new, \(run.outcome.revised) revised (older revision kept), \(run.outcome.unchanged) unchanged"
            + (run.referenceValues > 0 ? ", \(Self.values(run.referenceValues)) of the Land and Germany kept as reference values" : "")
            + (run.skipped > 0 ? ", \(Self.values(run.skipped)) of other regions skipped" : "")
        switch run.state {
        case .done where run.dryRun:
            console.print("Dry run, nothing written: \(run.format ?? "") file, \(counts).")
        case .done:
            console.print("Imported \(signature.file) (\(run.format ?? "")): \(counts). Import run \(run.id.uuidString.lowercased()).")
            let releaser = ImportReleaseService(store: app.indicatorStore, spatial: app.spatial, clock: settings.clock)
            guard signature.release else {
                console.print("Not released: the values are not public until `sopla import release \(run.id.uuidString.lowercased())` (or the import's page).")
                return
            }
            try await ImportReleaseCommand.release(run.id, reason: signature.reason, releaser: releaser, actor: actor, console: console)
        case .unchanged:
            console.print("No changes: every value of \(signature.file) is stored already (\(Self.values(run.outcome.unchanged))).")
        case .needsMapping:
            let columns = run.issues.map { "  \($0.column)" + ($0.value == $0.column ? "" : "  (\($0.value))") }.joined(separator: "\n")
            throw CommandFailure("""
                table \(run.tableCode ?? "") needs a variable for each column; nothing stored. Columns:
                \(columns)
                Accept sopla's proposal with --create-variables (see it first with --dry-run), or give them with --mapping FILE
                (a CSV column,variable,breakdown; see sopla import data --help).
                """)
        case .failed, .running:
            let shown = run.issues.prefix(50).map { "  " + $0.message }.joined(separator: "\n")
            let more = run.issueCount > 50 ? "\n  … and \(run.issueCount - 50) more" : ""
            throw CommandFailure("\(signature.file): \(run.issueCount) problem(s); nothing stored.\n\(shown)\(more)")
        }
    }
}

/// `sopla import release RUN-ID [--reason …]`: makes an import's values public, as the import's page does.
struct ImportReleaseCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "run", help: "The id of the import run (printed by sopla import data, shown on the import's page)")
        var run: String
        @Option(name: "reason", help: "Why the values can be published; required when validation rules failed")
        var reason: String?

        init() {}
    }

    var help: String {
        "Releases an import: its values become public. With failed validation rules only with --reason \"…\" (the rules are named)."
    }

    static func runID(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else { throw CommandFailure("\"\(text)\" is not an import run id (a UUID)") }
        return id
    }

    static func release(_ id: UUID, reason: String?, releaser: ImportReleaseService, actor: AuditActor, console: any Console) async throws {
        do {
            let run = try await releaser.release(runID: id, reason: reason, actor: actor)
            let count = try await releaser.store.publicCount(runID: id)
            console.print("Released import \(id.uuidString.lowercased()) (\(run.fileName)): \(ImportDataCommand.values(count)) \(count == 1 ? "is" : "are") public now.")
        } catch let refusal as ImportRelease.Refusal {
            throw CommandFailure(Self.message(refusal, id: id))
        } catch IndicatorStoreError.notFound {
            throw CommandFailure("no import run has the id \(id.uuidString.lowercased())")
        }
    }

    static func message(_ refusal: ImportRelease.Refusal, id: UUID) -> String {
        let run = id.uuidString.lowercased()
        switch refusal {
        case .reasonRequired(let rules):
            return "not released: validation rules failed (\(rules.joined(separator: ", "))); read the check report on the import's page "
                + "and give --reason \"…\" to release all the same (sopla import release \(run) --reason \"…\")"
        case .nothingToRelease: return "import \(run) stored no values; there is nothing to release"
        case .alreadyReleased: return "import \(run) is released already"
        case .notReleased: return "import \(run) is not released"
        case .withdrawalReasonRequired: return "a withdrawal needs --reason \"…\""
        case .reasonTooLong: return "the reason is too long (at most \(ImportRelease.maxReasonLength) characters)"
        case .confirmationRequired: return "the withdrawal was not confirmed"
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let id = try Self.runID(signature.run)
        try await app.prepareDatabase(location: app.settings.database, migrate: false)
        let releaser = ImportReleaseService(store: app.indicatorStore, spatial: app.spatial, clock: app.settings.clock)
        try await Self.release(id, reason: signature.reason, releaser: releaser, actor: .system("sopla import release"), console: context.console)
    }
}

/// `sopla import withdraw RUN-ID --reason …`: the import's values are no longer public; each falls back to its previous
/// released revision.
struct ImportWithdrawCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "run", help: "The id of the import run")
        var run: String
        @Option(name: "reason", help: "Why the values shall no longer be public (required)")
        var reason: String?

        init() {}
    }

    var help: String {
        "Withdraws an import's release: its values are no longer public; the previously released value of each area and date is public again."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let id = try ImportReleaseCommand.runID(signature.run)
        try await app.prepareDatabase(location: app.settings.database, migrate: false)
        let releaser = ImportReleaseService(store: app.indicatorStore, spatial: app.spatial, clock: app.settings.clock)
        do {
            // Naming the run and giving a reason on the command line is the confirmation.
            let run = try await releaser.withdraw(runID: id, reason: signature.reason, confirmed: true, actor: .system("sopla import withdraw"))
            context.console.print("Withdrew the release of import \(id.uuidString.lowercased()) (\(run.fileName)): its values are no longer public.")
        } catch let refusal as ImportRelease.Refusal {
            throw CommandFailure(ImportReleaseCommand.message(refusal, id: id))
        } catch IndicatorStoreError.notFound {
            throw CommandFailure("no import run has the id \(id.uuidString.lowercased())")
        }
    }
}
