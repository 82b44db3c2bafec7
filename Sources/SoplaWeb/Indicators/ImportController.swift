import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Upload of statistics files by planners: all-or-nothing, with a report of every bad row, the column mapping
/// of GENESIS tables, and progress for large files.
struct ImportController: RouteCollection {
    static let maxUpload = 64 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let permission = RoutePermission(.importData)
        routes.on(.GET, SiteRoute.Pattern.dataImport, permission, use: page)
        routes.upload(SiteRoute.Pattern.dataImport, permission, limit: UploadLimit(fileBytes: Self.maxUpload), use: upload)
        routes.on(.GET, SiteRoute.Pattern.dataImportRun, permission, use: run)
        routes.on(.POST, SiteRoute.Pattern.dataImportMapping, permission, use: saveMapping)
        // Releasing (and withdrawing) is part of importing: whoever may import reads the check report and decides.
        routes.on(.POST, SiteRoute.Pattern.dataImportRelease, permission, use: release)
        routes.on(.POST, SiteRoute.Pattern.dataImportWithdraw, permission, use: withdraw)
        routes.on(.GET, SiteRoute.Pattern.variable, permission, use: variableHistory)
    }

    /// A variable's values for one unit with every revision and the import it came from.
    func variableHistory(req: Request) async throws -> HTMLResponse {
        let store = req.indicatorStore
        guard let code = req.parameters.get("code"), let variable = try await store.variable(code: code) else { throw Abort(.notFound) }
        let units = IndicatorData.pickerOrder(try await req.spatial.allUnits())
        var unitKey = (try? req.query.get(String.self, at: "gebiet")).flatMap { key in units.contains { $0.key == key } ? key : nil }
        unitKey = unitKey ?? units.first?.key
        let revisions = try await unitKey.asyncMap { try await store.history(variable: code, unitKey: $0) } ?? []
        var runs: [UUID: ImportRun] = [:]
        for id in Set(revisions.compactMap(\.importID)) { runs[id] = try await store.run(id: id) }
        let model = VariablePage.Model(variable: variable, units: units.map { ($0.key, $0.name) }, unitKey: unitKey, revisions: revisions, runs: runs)
        return HTMLResponse(VariablePage.render(model, context: try await req.pageContext()))
    }

    static func uploadDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-uploads", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func page(req: Request) async throws -> HTMLResponse {
        var model = ImportPage.Model(runs: try await req.indicatorStore.runs(), notice: req.notice)
        model.maxUploadBytes = Self.maxUpload
        return HTMLResponse(ImportPage.render(model, context: try await req.pageContext()))
    }

    /// On the application's database, not the request's: a large import goes on after the response.
    static func importer(_ req: Request) -> ObservationImporter {
        ObservationImporter(store: req.application.indicatorStore, spatial: req.application.spatial, clock: req.settings.clock, files: req.application.threadPool)
    }

    func upload(req: Request) async throws -> Response {
        // The file streams straight into the upload folder; the import reads it from there.
        let form = try await StreamedUpload.read(req, into: try Self.uploadDirectory(), fileExtension: "csv")
        guard let file = form.file, file.size > 0 else {
            form.file?.remove()
            var model = ImportPage.Model(runs: try await req.indicatorStore.runs(), issues: [ValidationIssue("file", form.file == nil ? .required : .emptyFile)])
            model.maxUploadBytes = Self.maxUpload
            return HTMLResponse(ImportPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        let options = ObservationImporter.Options(dryRun: form["dryRun"] == "ja", skipUnknownUnits: form["skipUnknown"] == "ja")
        return try await start(req, url: file.url, fileName: file.fileName.isEmpty ? "upload.csv" : file.fileName, options: options)
    }

    /// Starts an import of a stored file and answers with its run page (after it ends, for small files).
    func start(_ req: Request, url: URL, fileName: String, options: ObservationImporter.Options, existing: ImportRun? = nil) async throws -> Response {
        let importer = Self.importer(req)
        let actor = try await req.auditActor()
        let run: ImportRun
        if let existing { run = existing } else {
            run = try await importer.begin(file: url, fileName: fileName, actor: actor, options: options, storedFile: url.path)
        }
        let size = Int(run.bytesTotal)
        let logger = req.logger
        @Sendable func work() async {
            do {
                let result = try await importer.execute(run, file: url, actor: actor, options: options)
                if result.state != .needsMapping { try? FileManager.default.removeItem(at: url) }
            } catch {
                logger.error("import \(run.id) failed: \(String(describing: error))")
                var failed = run
                failed.state = .failed
                failed.finishedAt = importer.clock.now()
                failed.storedFile = nil
                try? await importer.store.update(failed)
                try? FileManager.default.removeItem(at: url)
            }
        }
        if size <= req.settings.importInlineBytes {
            await work()
        } else {
            Task.detached { await work() }
        }
        return req.redirect(to: SiteRoute.dataImportRun(id: run.id).path, redirectType: .normal)
    }

    static func releaser(_ req: Request) -> ImportReleaseService {
        ImportReleaseService(store: req.indicatorStore, spatial: req.spatial, clock: req.settings.clock)
    }

    func runModel(_ req: Request, run: ImportRun, mappingIssues: [ValidationIssue] = [], mappingValues: [String: IndicatorTerm?]? = nil,
                  releaseForm: ImportRunPage.ReleaseForm = ImportRunPage.ReleaseForm(),
                  proposalForm: ImportRunPage.ProposalForm = ImportRunPage.ProposalForm()) async throws -> ImportRunPage.Model {
        let store = req.indicatorStore
        let variables = try await store.variables()
        let units = try await req.spatial.allUnits()
        var columns: [ImportRunPage.MappingColumn] = []
        let stored = run.storedFile
        let fileAvailable = stored.map { FileManager.default.fileExists(atPath: $0) } ?? false
        let description = fileAvailable && run.state == .needsMapping ? try await StatisticsReader.describe(url: URL(fileURLWithPath: stored!)) : nil
        if let description {
            let saved = try await description.tableCode.asyncMap { try await store.mapping(tableCode: $0) } ?? nil
            columns = description.columns.map { column in
                let chosen = mappingValues?[column.signature] ?? saved?.targets[column.signature]
                return ImportRunPage.MappingColumn(signature: column.signature, label: column.label, target: chosen,
                                                   ignored: saved?.ignored.contains(column.signature) ?? false)
            }
        }
        var proposal: ImportRunPage.Proposal?
        if let description, let path = stored, description.format != .soplaLong {
            proposal = try? await Self.proposalView(URL(fileURLWithPath: path), described: description, req: req, units: units)
        }
        let findings = try await Self.releaser(req).findings(for: run)
        var model = ImportRunPage.Model(run: run, mappingColumns: columns, variables: variables, findings: findings,
                                        names: Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0.name) }), mappingIssues: mappingIssues, fileAvailable: fileAvailable)
        model.release = releaseForm
        model.proposal = proposal
        model.proposalForm = proposalForm
        model.publicCount = run.storedValues ? try await store.publicCount(runID: run.id) : 0
        model.notice = req.notice
        return model
    }

    /// The proposal for a GENESIS file, with the first values of the county's own units as they would be stored.
    static func proposalView(_ file: URL, described description: StatisticsFileDescription, req: Request, units: [SpatialUnit]) async throws -> ImportRunPage.Proposal {
        let proposal = try await ObservationImporter.proposal(for: file, described: description, store: req.indicatorStore, spatial: req.spatial)
        let names = Dictionary(units.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        var preview: [ImportRunPage.Proposal.PreviewRow] = []
        let limit = 30
        // The county's values checked as the import will check them (with the variables the proposal would create), so
        // that a value it would refuse is told before the planner accepts.
        var variables = try await req.indicatorStore.variablesByCode()
        for variable in ObservationImporter.newVariables(proposal, signatures: Set(proposal.variables.map(\.signature)), existing: Set(variables.keys)) {
            variables[variable.code] = variable
        }
        var check = ObservationImportCheck(variables: variables, unitKeys: Set(names.keys), earliest: ObservationImporter.earliest,
                                           latest: req.settings.clock.today, skipUnknownUnits: true)
        try await StatisticsReader.read(url: file, mapping: proposal.mapping, described: description, record: { record in
            guard let name = names[record.unitKey] else { return }
            _ = check.check(record)
            guard preview.count < limit else { return }
            preview.append(.init(unit: name, variable: record.variable, date: record.date, breakdown: record.breakdown, value: record.value, status: record.status))
        }, issue: { issue in if issue.reason != .emptyFile { check.report(issue) } })
        var view = ImportRunPage.Proposal(title: proposal.tableTitle, variables: proposal.variables.map {
            .init(column: $0.signature, code: $0.code, name: $0.name, unit: $0.unit, breakdowns: $0.breakdowns, exists: $0.exists, ownValues: $0.ownValues)
        }, ownValues: proposal.ownValues, parentValues: proposal.parentValues, otherValues: proposal.otherValues, preview: preview)
        view.refusedCount = check.issueCount
        view.refusals = Array(check.issues.prefix(5))
        return view
    }

    func run(req: Request) async throws -> HTMLResponse {
        guard let run = try await req.indicatorStore.run(id: try req.idParameter()) else { throw Abort(.notFound) }
        return HTMLResponse(ImportRunPage.render(try await runModel(req, run: run), context: try await req.pageContext()))
    }

    struct ReleaseForm: Content {
        var reason: String?
        var withdrawReason: String?
        var confirm: String?
    }

    /// Releases the run's values: with failed validation rules only with a written reason (else the page again,
    /// naming the field, nothing changed).
    func release(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let run = try await req.indicatorStore.run(id: id) else { throw Abort(.notFound) }
        let form = try req.content.decode(ReleaseForm.self)
        do {
            _ = try await Self.releaser(req).release(runID: id, reason: form.reason, actor: try await req.auditActor())
            return req.redirect(to: SiteRoute.dataImportRun(id: id).path, notice: .released)
        } catch let refusal as ImportRelease.Refusal {
            return try await refused(req, run: run, refusal, form: form)
        }
    }

    /// Withdraws the run's release after a reason and a confirmation; its values fall back to the previous release.
    func withdraw(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let run = try await req.indicatorStore.run(id: id) else { throw Abort(.notFound) }
        let form = try req.content.decode(ReleaseForm.self)
        do {
            _ = try await Self.releaser(req).withdraw(runID: id, reason: form.withdrawReason, confirmed: form.confirm == "ja", actor: try await req.auditActor())
            return req.redirect(to: SiteRoute.dataImportRun(id: id).path, notice: .releaseWithdrawn)
        } catch let refusal as ImportRelease.Refusal {
            return try await refused(req, run: run, refusal, form: form)
        }
    }

    /// The run page again with the reason a release or withdrawal was refused: 422 for the form's fields, 409 when the
    /// run is not in a state for it (released meanwhile by someone else, say).
    func refused(_ req: Request, run: ImportRun, _ refusal: ImportRelease.Refusal, form: ReleaseForm) async throws -> Response {
        var state = ImportRunPage.ReleaseForm(reason: form.reason, withdrawReason: form.withdrawReason)
        let status: HTTPResponseStatus
        switch refusal {
        case .reasonRequired: state.issues = [ValidationIssue("reason", .required)]; status = .unprocessableEntity
        case .reasonTooLong: state.issues = [ValidationIssue(form.withdrawReason == nil ? "reason" : "withdrawReason", .tooLong(max: ImportRelease.maxReasonLength))]; status = .unprocessableEntity
        case .withdrawalReasonRequired: state.issues = [ValidationIssue("withdrawReason", .required)]; status = .unprocessableEntity
        case .confirmationRequired: state.issues = [ValidationIssue("confirm", .required)]; status = .unprocessableEntity
        case .nothingToRelease, .alreadyReleased, .notReleased: state.refusal = refusal; status = .conflict
        }
        let model = try await runModel(req, run: run, releaseForm: state)
        return HTMLResponse(ImportRunPage.render(model, context: try await req.pageContext())).response(status: status)
    }

    /// The proposal's form: `variables` = n, then `column-i` (signature), `code-i`, `name-i`. A field not sent keeps the
    /// proposal's value; without any the proposal is taken as it is. Returns the changed columns' edits, and what was
    /// typed with every problem (fields named by the variable's place in the proposal, as the page shows them).
    func proposalEdits(_ req: Request, file: URL) async throws -> (edits: [String: GenesisProposal.Edit], form: ImportRunPage.ProposalForm) {
        let count = min(max((try? req.content.get(Int.self, at: "variables")) ?? 0, 0), 500)
        guard count > 0 else { return ([:], ImportRunPage.ProposalForm()) }
        let proposal = try await ObservationImporter.proposal(for: file, store: req.indicatorStore, spatial: req.spatial)
        let places = Dictionary(proposal.variables.enumerated().map { ($1.signature, $0) }, uniquingKeysWith: { a, _ in a })
        var edits: [String: GenesisProposal.Edit] = [:]
        var form = ImportRunPage.ProposalForm()
        for index in 0..<count {
            guard let signature = try? req.content.get(String.self, at: "column-\(index)") else { continue }
            guard let place = places[signature] else {
                // A column the table does not have (a stale page of another file, a hand-made request): said, not ignored.
                form.issues.append(ValidationIssue("column-\(index)", .unknownValue(String(signature.prefix(60)))))
                continue
            }
            let proposed = proposal.variables[place]
            let code = (try? req.content.get(String.self, at: "code-\(index)")).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? proposed.code
            let name = (try? req.content.get(String.self, at: "name-\(index)")).map { FieldCheck.line($0) ?? "" } ?? proposed.name
            edits[signature] = GenesisProposal.Edit(code: code, name: name)
            form.codes[signature] = code
            form.names[signature] = name
        }
        let existing = try await req.indicatorStore.variablesByCode()
        let problems = proposal.problems(with: edits, existing: existing)
        for (place, proposed) in proposal.variables.enumerated() {
            for problem in problems[proposed.signature] ?? [] {
                switch problem {
                case .codeMissing: form.issues.append(ValidationIssue("code-\(place)", .required))
                case .invalidCode(let code): form.issues.append(ValidationIssue("code-\(place)", .unknownValue(String(code.prefix(60)))))
                case .sameCode: form.issues.append(ValidationIssue("code-\(place)", .duplicate))
                case .nameMissing: form.issues.append(ValidationIssue("name-\(place)", .required))
                case .nameTooLong(let max): form.issues.append(ValidationIssue("name-\(place)", .tooLong(max: max)))
                case .otherUnit(let existing, let column): form.issues.append(ValidationIssue("code-\(place)", .otherUnit(existing: existing, given: column)))
                }
            }
        }
        let changed = edits.filter { signature, edit in
            places[signature].map { proposal.variables[$0].code != edit.code || proposal.variables[$0].name != edit.name } ?? false
        }
        return (changed, form)
    }

    /// The mapping form: `columns` = n, then `signature-i`, `variable-i` (empty = not imported), `breakdown-i`.
    func saveMapping(req: Request) async throws -> Response {
        guard let run = try await req.indicatorStore.run(id: try req.idParameter()) else { throw Abort(.notFound) }
        guard run.state == .needsMapping, let path = run.storedFile, FileManager.default.fileExists(atPath: path), let tableCode = run.tableCode else {
            return try Self.notWaitingPage(req, run)
        }
        if (try? req.content.get(String.self, at: "proposal")) == "ja" {
            // The proposal with the planner's changes: missing variables are created (as drafts), the mapping saved, the values read.
            let (edits, form) = try await proposalEdits(req, file: URL(fileURLWithPath: path))
            guard form.issues.isEmpty else {
                let model = try await runModel(req, run: run, proposalForm: form)
                return HTMLResponse(ImportRunPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
            }
            var options = ObservationImporter.Options(dryRun: run.dryRun, skipUnknownUnits: run.skipUnknownUnits)
            options.createVariables = true
            options.proposalEdits = edits
            return try await resume(req, run, path: path, options: options)
        }
        // Bounded both ways: a negative count would make `0..<count` trap.
        let count = min(max((try? req.content.get(Int.self, at: "columns")) ?? 0, 0), 500)
        let variables = Set(try await req.indicatorStore.variables().map(\.code))
        var mapping = ColumnMapping(tableCode: tableCode)
        var issues: [ValidationIssue] = []
        var chosen: [String: IndicatorTerm?] = [:]
        var places: [String: Int] = [:]
        for index in 0..<count {
            guard let signature = try? req.content.get(String.self, at: "signature-\(index)") else { continue }
            places[signature] = index
            let variable = FieldCheck.clean(try? req.content.get(String.self, at: "variable-\(index)")) ?? ""
            let breakdownText = FieldCheck.clean(try? req.content.get(String.self, at: "breakdown-\(index)")) ?? ""
            if variable.isEmpty {
                mapping.ignored.insert(signature)
                chosen[signature] = .some(nil)
                continue
            }
            guard variables.contains(variable) else {
                issues.append(ValidationIssue("variable-\(index)", .unknownValue(variable)))
                continue
            }
            guard let breakdown = Breakdown(canonical: breakdownText.replacingOccurrences(of: ",", with: ";")) else {
                issues.append(ValidationIssue("breakdown-\(index)", .unknownValue(String(breakdownText.prefix(60)))))
                continue
            }
            mapping.targets[signature] = IndicatorTerm(variable: variable, breakdown: breakdown)
            chosen[signature] = IndicatorTerm(variable: variable, breakdown: breakdown)
        }
        if mapping.targets.isEmpty, issues.isEmpty { issues.append(ValidationIssue("variable-0", .required)) }
        if issues.isEmpty {
            // A column measured in one unit never feeds a variable of another (a count into an area in km²).
            let proposal = try await ObservationImporter.proposal(for: URL(fileURLWithPath: path), store: req.indicatorStore, spatial: req.spatial)
            let all = try await req.indicatorStore.variablesByCode()
            for (signature, mismatch) in ObservationImporter.unitMismatches(mapping.targets, proposal: proposal, variables: all).sorted(by: { $0.key < $1.key }) {
                issues.append(ValidationIssue("variable-\(places[signature] ?? 0)", .otherUnit(existing: mismatch.variable.unit, given: mismatch.columnUnit)))
            }
        }
        guard issues.isEmpty else {
            let model = try await runModel(req, run: run, mappingIssues: issues, mappingValues: chosen)
            return HTMLResponse(ImportRunPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        let options = ObservationImporter.Options(dryRun: run.dryRun, skipUnknownUnits: run.skipUnknownUnits, mapping: mapping)
        return try await resume(req, run, path: path, options: options)
    }

    /// The waiting run goes on with its mapping or proposal — once, however many clicks arrive at the same moment.
    func resume(_ req: Request, _ run: ImportRun, path: String, options: ObservationImporter.Options) async throws -> Response {
        var resumed = run
        resumed.state = .running
        resumed.issues = []
        guard try await req.indicatorStore.resume(resumed) else { return try Self.notWaitingPage(req, run) }
        return try await start(req, url: URL(fileURLWithPath: path), fileName: run.fileName, options: options, existing: resumed)
    }

    /// The answer to a mapping or proposal for a run that no longer waits for one (the second click): 409, saying so, with
    /// the way to the run, where its state shows.
    static func notWaitingPage(_ req: Request, _ run: ImportRun) throws -> Response {
        let t = Texts(req.language)
        return HTMLResponse(ErrorPage.render(status: 409, language: req.language, path: req.pathForLinks, account: req.cachedAccountBar,
                                             detail: t(.importNotWaiting), next: (t(.importToRun), SiteRoute.dataImportRun(id: run.id).path)))
            .response(status: .conflict)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
