import Crypto
import Foundation
import NIOPosix
import SoplaCore
import SoplaFormats
import SoplaStore

/// Imports a statistics file: detects the format, applies the saved column mapping, checks every value
/// against the variables and the spatial base, stages the values and commits them in one transaction —
/// or stores nothing and reports every bad row. The same for the CLI and the upload page.
public struct ObservationImporter: Sendable {
    public struct Options: Sendable {
        public var dryRun = false
        public var skipUnknownUnits = false
        /// A mapping given with the import (CLI `--map`, the mapping form); it is saved for the table code.
        public var mapping: ColumnMapping?
        /// GENESIS files: columns without a variable take sopla's proposal from the file's metadata; variables it
        /// proposes that do not exist are created as drafts (not in a dry run: there the proposal is only checked).
        public var createVariables = false
        /// The planner's changes to the proposal (by column signature): other codes or names.
        public var proposalEdits: [String: GenesisProposal.Edit] = [:]

        public init(dryRun: Bool = false, skipUnknownUnits: Bool = false, mapping: ColumnMapping? = nil, createVariables: Bool = false,
                    proposalEdits: [String: GenesisProposal.Edit] = [:]) {
            self.dryRun = dryRun
            self.skipUnknownUnits = skipUnknownUnits
            self.mapping = mapping
            self.createVariables = createVariables
            self.proposalEdits = proposalEdits
        }
    }

    /// The proposal for a GENESIS file, with the spatial base's keys and the keys above it (its Land, `DG`).
    public static func proposal(for file: URL, described: StatisticsFileDescription? = nil, store: IndicatorStore, spatial: any SpatialRepository) async throws -> GenesisProposal {
        let units = try await spatial.allUnits()
        let keys = Set(units.map(\.key))
        return try await GenesisProposal.propose(url: file, described: described, existing: Set(try await store.variables().map(\.code)), units: keys, parents: parentKeys(of: units))
    }

    /// The keys above the spatial base: `DG` and the Land of its top units (`06` for a Hessian county), unless the base has them.
    public static func parentKeys(of units: [SpatialUnit]) -> Set<String> {
        var parents: Set<String> = ["DG"]
        for unit in units where unit.parentKey == nil && unit.key.count >= 2 { parents.insert(String(unit.key.prefix(2))) }
        return parents.subtracting(units.map(\.key))
    }

    /// A region's name as the file gives it, else the Land's name (old tables name Länder in the header only), else its key.
    public static func regionName(_ record: ImportRecord) -> String {
        if !record.regionName.isEmpty { return record.regionName }
        return GenesisRegion.lands.first { $0.value == record.unitKey }?.key ?? record.unitKey
    }

    /// Columns a mapping gives to a variable of another unit than the column's own (a count into km²): by column
    /// signature, the variable and the column's unit. Columns the proposal does not know are not judged.
    public static func unitMismatches(_ targets: [String: IndicatorTerm], proposal: GenesisProposal, variables: [String: Variable])
        -> [String: (variable: Variable, columnUnit: String)] {
        var mismatches: [String: (variable: Variable, columnUnit: String)] = [:]
        for column in proposal.variables {
            guard let target = targets[column.signature], let variable = variables[target.variable] else { continue }
            if !GenesisProposal.fits(variable, unit: column.unit, isCount: column.isCount) { mismatches[column.signature] = (variable, column.unit) }
        }
        return mismatches
    }

    /// The variables a proposal would create (drafts), for the columns in `signatures`.
    public static func newVariables(_ proposal: GenesisProposal, signatures: Set<String>, existing: Set<String>) -> [Variable] {
        let source = "Statistische Ämter des Bundes und der Länder" + (proposal.tableCode.map { ", Tabelle \($0)" } ?? "")
            + (proposal.tableTitle.isEmpty ? "" : ": " + proposal.tableTitle)
        return proposal.variables.filter { signatures.contains($0.signature) && !existing.contains($0.code) }.map { proposed in
            Variable(code: proposed.code, nameDE: String(proposed.name.prefix(200)), nameEN: String(proposed.name.prefix(200)), unit: String(proposed.unit.prefix(40)),
                     source: String(source.prefix(300)), tableCode: proposal.tableCode, licence: "dl-de/by-2-0", isCount: proposed.isCount, state: .draft)
        }
    }

    public let store: IndicatorStore
    public let spatial: any SpatialRepository
    public let clock: Clock
    /// Threads for blocking file work (hashing, reading the head of the file), so it holds no request.
    public let files: NIOThreadPool

    public init(store: IndicatorStore, spatial: any SpatialRepository, clock: Clock, files: NIOThreadPool) {
        self.store = store
        self.spatial = spatial
        self.clock = clock
        self.files = files
    }
    /// Values per staged batch: one transaction (SQLite) or one COPY (PostgreSQL) each.
    public static let batchSize = 20_000
    public static let earliest = Day(year: 1900, month: 1, day: 1)!

    public static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty { hasher.update(data: data) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// A new run record for a file, before anything is read.
    public func begin(file: URL, fileName: String, actor: AuditActor, options: Options, storedFile: String?) async throws -> ImportRun {
        let (size, sha256) = try await files.runIfActive {
            ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value ?? 0, try Self.sha256(of: file))
        }
        var run = ImportRun(id: UUID(), fileName: fileName, sha256: sha256, actorID: actor.userID, actorLabel: actor.label,
                            startedAt: clock.now(), dryRun: options.dryRun, skipUnknownUnits: options.skipUnknownUnits, bytesTotal: size)
        run.storedFile = storedFile
        try await store.create(run)
        return run
    }

    /// Reads and stores the file of a run; the run record is updated with progress and the result.
    public func execute(_ initial: ImportRun, file: URL, actor: AuditActor, options: Options, progress: @Sendable (ImportRun) async -> Void = { _ in }) async throws -> ImportRun {
        var run = initial
        run.state = .running
        do {
            let description: StatisticsFileDescription
            do {
                description = try await StatisticsReader.describe(url: file)
            } catch let failure as StatisticsReader.Failure {
                return try await finish(&run, state: .failed, issues: failure.issues, issueCount: failure.issues.count)
            }
            run.format = description.format.rawValue
            run.tableCode = description.tableCode
            var mapping: ColumnMapping?
            var pendingMapping: ColumnMapping?
            var pendingVariables: [Variable] = []
            var variables = try await store.variablesByCode()
            if description.needsMapping, let code = description.tableCode {
                // A mapping given with the run (or proposed for it) and the variables a proposal creates are stored only
                // once every value has passed the checks, and never in a dry run: a failed import leaves all as it was.
                if var given = options.mapping {
                    given.tableCode = code
                    pendingMapping = given
                }
                mapping = pendingMapping
                if mapping == nil { mapping = try await store.mapping(tableCode: code) }
                var mapped = mapping?.signatures ?? []
                let open = Set(description.columns.map(\.signature)).subtracting(mapped)
                if !open.isEmpty, options.createVariables {
                    let proposal = try await Self.proposal(for: file, described: description, store: store, spatial: spatial)
                        .editing(options.proposalEdits, existing: Set(variables.keys))
                    var targets = mapping?.targets ?? [:]
                    for proposed in proposal.variables where open.contains(proposed.signature) { targets[proposed.signature] = IndicatorTerm(variable: proposed.code) }
                    pendingVariables = Self.newVariables(proposal, signatures: open, existing: Set(variables.keys))
                    for variable in pendingVariables { variables[variable.code] = variable }
                    mapping = ColumnMapping(tableCode: code, targets: targets, ignored: mapping?.ignored ?? [])
                    pendingMapping = ColumnMapping(tableCode: code, targets: targets, ignored: mapping?.ignored ?? [])
                    mapped = mapping?.signatures ?? []
                }
                if description.columns.contains(where: { !mapped.contains($0.signature) }) {
                    return try await finish(&run, state: .needsMapping, issues: description.columns.filter { !mapped.contains($0.signature) }.map {
                        DataImportIssue(line: 1, column: $0.signature, value: $0.label, reason: .unmappedColumn)
                    }, issueCount: 0)
                }
            }
            let units = try await spatial.allUnits()
            let unitKeys = Set(units.map(\.key))
            // The Land and Germany in an official table become reference values of their variables.
            let parents = description.format == .soplaLong ? [] : Self.parentKeys(of: units)
            var references: [(observation: Observation, regionName: String)] = []
            // Checked like the county's values, on their own: a value of the Land is no duplicate of the county's.
            var referenceCheck = ObservationImportCheck(variables: variables, unitKeys: parents, earliest: Self.earliest, latest: clock.today)
            // Official tables cover other regions as a rule: their rows are counted and skipped, not refused one by one.
            var check = ObservationImportCheck(variables: variables, unitKeys: unitKeys, earliest: Self.earliest, latest: clock.today,
                                               skipUnknownUnits: options.skipUnknownUnits || description.format != .soplaLong)
            var batch: [Observation] = []
            batch.reserveCapacity(Self.batchSize)
            var touchedVariables: Set<String> = []
            var touchedDates: Set<Day> = []
            var lastReport = clock.now()
            let store = self.store, runID = run.id, clock = self.clock
            var bytesRead: Int64 = 0
            var records = 0
            try await StatisticsReader.read(url: file, mapping: mapping, described: description, progress: { bytesRead = $0 }, record: { record in
                // The run page shows how far the file is read, also while most rows are other regions' (no batch fills).
                records += 1
                if records % 4096 == 0, clock.now().timeIntervalSince(lastReport) >= 1 {
                    lastReport = clock.now()
                    run.bytesRead = bytesRead
                    try await store.progress(runID: runID, bytesRead: bytesRead)
                    await progress(run)
                }
                if parents.contains(record.unitKey) {
                    if let observation = referenceCheck.check(record), referenceCheck.issueCount == 0 { references.append((observation, Self.regionName(record))) }
                    return
                }
                guard let observation = check.check(record) else { return }
                guard check.issueCount == 0 else { return }
                touchedVariables.insert(observation.key.variable)
                touchedDates.insert(observation.key.date)
                batch.append(observation)
                if batch.count >= Self.batchSize {
                    try await store.stage(importID: runID, batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }, issue: { issue in
                // "No values" after lines already refused (wrong encoding, too few columns) would only repeat them.
                if issue.reason == .emptyFile, check.issueCount > 0 { return }
                check.report(issue)
            })
            run.bytesRead = run.bytesTotal
            run.skipped = check.skippedUnknownUnits
            run.referenceValues = references.count
            run.variables = touchedVariables.sorted()
            run.dates = touchedDates.sorted()
            if check.issueCount == 0, check.accepted == 0 {
                let outside = check.skippedUnknownUnits + referenceCheck.accepted + referenceCheck.issueCount
                check.report(DataImportIssue(line: 1, column: "", value: "", reason: outside > 0 ? .noOwnUnits(skipped: outside) : .emptyFile))
            } else {
                // A bad value of the Land or Germany refuses the file like a bad value of the county.
                referenceCheck.issues.forEach { check.report($0) }
            }
            guard check.issueCount == 0 else {
                try await store.discardStaged(importID: run.id)
                run.referenceValues = 0
                return try await finish(&run, state: .failed, issues: check.issues, issueCount: check.issueCount)
            }
            try await store.stage(importID: run.id, batch)
            if !options.dryRun {
                for variable in pendingVariables { try await store.save(variable, actor: actor, at: clock.now()) }
                if let pendingMapping { try await store.save(pendingMapping, actor: actor, at: clock.now()) }
            }
            let (fileName, sha256, at) = (run.fileName, run.sha256, clock.now())
            run.outcome = try await store.commitStaged(importID: run.id, dryRun: options.dryRun, at: at) { outcome in
                AuditEntry(id: UUID(), at: at, actor: actor, action: .importData, entityType: AuditEntity.dataImport, entityID: runID.uuidString,
                           entityLabel: fileName, changes: [
                               FieldChange(field: "inserted", before: nil, after: String(outcome.inserted)),
                               FieldChange(field: "revised", before: nil, after: String(outcome.revised)),
                               FieldChange(field: "sha256", before: nil, after: sha256),
                           ])
            }
            // Only after the county's values are committed: a failed or dry run keeps no reference values either.
            if !options.dryRun, !references.isEmpty {
                let kept = references.map { ReferenceObservation($0.observation, regionName: $0.regionName, importID: runID, recordedAt: at) }
                try await store.keep(kept, actor: actor, at: at)
            }
            return try await finish(&run, state: run.outcome.changesData || options.dryRun ? .done : .unchanged, issues: [], issueCount: 0)
        } catch IndicatorStoreError.importInterrupted {
            try? await store.discardStaged(importID: run.id)
            return try await finish(&run, state: .failed, issues: [DataImportIssue(line: 0, column: "", value: "", reason: .interrupted)], issueCount: 1)
        } catch {
            try? await store.discardStaged(importID: run.id)
            throw error
        }
    }

    private func finish(_ run: inout ImportRun, state: ImportRun.State, issues: [DataImportIssue], issueCount: Int) async throws -> ImportRun {
        run.state = state
        run.issues = issues
        run.issueCount = issueCount
        run.finishedAt = clock.now()
        if state != .needsMapping { run.storedFile = nil }
        try await store.update(run)
        return run
    }
}
