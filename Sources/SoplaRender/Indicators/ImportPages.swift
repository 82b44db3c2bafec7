import Foundation
import SoplaCore

/// Upload of a statistics file and the list of earlier imports.
public enum ImportPage {
    /// Sends the form in the background and shows the upload's progress (the form works without it).
    public static let script = "/static/upload.js"

    public struct Model: Sendable {
        public let runs: [ImportRun]
        public let issues: [ValidationIssue]
        public let notice: Notice?
        /// The largest file the upload takes: the page's script refuses a larger one before sending it.
        public var maxUploadBytes: Int?

        public init(runs: [ImportRun], issues: [ValidationIssue] = [], notice: Notice? = nil) {
            self.runs = runs
            self.issues = issues
            self.notice = notice
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = ["file": t(.fieldFile)]
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.indicators().path)], text: t(.indicatorsTitle))]),
            el("h1", text: t(.importTitle)),
            el("p", [("class", "lead")], text: t(.importIntro)),
            model.notice?.node ?? .empty,
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", SiteRoute.dataImport.path), ("enctype", "multipart/form-data"), ("class", "stacked"),
                        ("data-upload", "ja"), ("data-upload-progress", "upload-progress"), ("data-upload-status", "upload-status"),
                        ("data-upload-max", model.maxUploadBytes.map(String.init)),
                        ("data-text-uploading", t(.uploadUploading)), ("data-text-progress", t(.uploadProgress)), ("data-text-checking", t(.uploadChecking)),
                        ("data-text-failed", t(.uploadFailed)), ("data-text-interrupted", t(.uploadInterrupted)),
                        ("data-text-too-large", model.maxUploadBytes.map { t(.uploadTooLarge).replacingOccurrences(of: "{n}", with: String($0 / (1024 * 1024))) })], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("div", [("class", model.issues.isEmpty ? "field" : "field invalid")], [
                    el("label", [("for", "file")], text: labels["file"]! + " *"),
                    el("p", [("class", "hint"), ("id", "file-hint")], text: t(.fileHint)),
                    model.issues.isEmpty ? .empty : el("p", [("class", "field-error"), ("id", "file-error")], text: model.issues.map { IssueText.message($0.problem, language) }.joined(separator: " ")),
                    el("input", [("type", "file"), ("id", "file"), ("name", "file"), ("required", "required"), ("accept", ".csv,text/csv"),
                                 ("aria-describedby", model.issues.isEmpty ? "file-hint" : "file-hint file-error"), ("aria-invalid", model.issues.isEmpty ? nil : "true")]),
                ]),
                el("div", [("class", "checkbox")], [
                    el("input", [("type", "checkbox"), ("id", "dryRun"), ("name", "dryRun"), ("value", "ja")]),
                    el("label", [("for", "dryRun")], text: t(.dryRunLabel)),
                ]),
                el("div", [("class", "checkbox")], [
                    el("input", [("type", "checkbox"), ("id", "skipUnknown"), ("name", "skipUnknown"), ("value", "ja")]),
                    el("label", [("for", "skipUnknown")], text: t(.skipUnknownLabel)),
                ]),
                el("button", [("type", "submit")], text: t(.startImport)),
                // Filled by the script while the file is sent; announced as it changes.
                el("div", [("class", "upload-status")], [
                    el("progress", [("id", "upload-progress"), ("hidden", "hidden"), ("aria-labelledby", "upload-status")], []),
                    el("p", [("id", "upload-status"), ("aria-live", "polite")], []),
                ]),
            ]),
            el("script", [("src", script), ("defer", "defer")], []),
            el("h2", text: t(.importRunsTitle)),
        ]
        if model.runs.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noImportRuns)))
        } else {
            content.append(el("table", [("class", "data")], [
                el("caption", text: t(.importRunsTitle)),
                el("thead", [], [el("tr", [], [t(.fieldFile), t(.fieldWhen), t(.fieldWho), t(.fieldStatus), t(.columnRelease), t(.columnInserted), t(.columnRevised), t(.columnUnchanged), t(.columnIssues)]
                    .map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], model.runs.map { run in
                    el("tr", [], [
                        el("th", [("scope", "row")], [el("a", [("href", SiteRoute.dataImportRun(id: run.id).path)], text: run.fileName)]),
                        el("td", text: DateText.dateTime(run.startedAt, language)),
                        el("td", text: run.actorLabel),
                        el("td", text: ImportRunPage.state(run, language)),
                        el("td", text: ImportRunPage.releaseState(run, language)),
                        el("td", [("class", "num")], text: Format.integer(run.outcome.inserted, language)),
                        el("td", [("class", "num")], text: Format.integer(run.outcome.revised, language)),
                        el("td", [("class", "num")], text: Format.integer(run.outcome.unchanged, language)),
                        el("td", [("class", "num")], text: Format.integer(run.issueCount, language)),
                    ])
                }),
            ]))
        }
        return Layout(title: t(.importTitle), context: context).render(content)
    }
}

/// One import: progress while it runs, then what it changed or every problem; a column mapping when needed.
public enum ImportRunPage {
    public struct MappingColumn: Sendable {
        public let signature: String
        public let label: String
        public let target: IndicatorTerm?
        public let ignored: Bool

        public init(signature: String, label: String, target: IndicatorTerm?, ignored: Bool) {
            self.signature = signature
            self.label = label
            self.target = target
            self.ignored = ignored
        }
    }

    /// What the release and withdrawal forms show again after a refusal.
    public struct ReleaseForm: Sendable {
        public var reason: String?
        public var withdrawReason: String?
        public var issues: [ValidationIssue]
        /// The run was not in a state for what was asked (released or withdrawn meanwhile).
        public var refusal: ImportRelease.Refusal?

        public init(reason: String? = nil, withdrawReason: String? = nil, issues: [ValidationIssue] = [], refusal: ImportRelease.Refusal? = nil) {
            self.reason = reason
            self.withdrawReason = withdrawReason
            self.issues = issues
            self.refusal = refusal
        }
    }

    /// What sopla proposes for a GENESIS table from its own metadata, and the first values of the county's units.
    public struct Proposal: Sendable {
        public struct Variable: Sendable {
            public let column: String
            public let code: String
            public let name: String
            public let unit: String
            public let breakdowns: [String]
            public let exists: Bool
            public let ownValues: Int

            public init(column: String, code: String, name: String, unit: String, breakdowns: [String], exists: Bool, ownValues: Int) {
                self.column = column
                self.code = code
                self.name = name
                self.unit = unit
                self.breakdowns = breakdowns
                self.exists = exists
                self.ownValues = ownValues
            }
        }

        public struct PreviewRow: Sendable {
            public let unit: String
            public let variable: String
            public let date: Day
            public let breakdown: Breakdown
            public let value: Double?
            public let status: ValueStatus

            public init(unit: String, variable: String, date: Day, breakdown: Breakdown, value: Double?, status: ValueStatus) {
                self.unit = unit
                self.variable = variable
                self.date = date
                self.breakdown = breakdown
                self.value = value
                self.status = status
            }
        }

        public let title: String
        public let variables: [Variable]
        public let ownValues: Int
        public let parentValues: Int
        public let otherValues: Int
        public let preview: [PreviewRow]
        /// Values of the county's areas the import would refuse (so that it would store nothing), and the first of them.
        public var refusedCount = 0
        public var refusals: [DataImportIssue] = []

        public init(title: String, variables: [Variable], ownValues: Int, parentValues: Int, otherValues: Int, preview: [PreviewRow]) {
            self.title = title
            self.variables = variables
            self.ownValues = ownValues
            self.parentValues = parentValues
            self.otherValues = otherValues
            self.preview = preview
        }
    }

    /// What the planner typed into the proposal's fields (by column signature) and what was wrong with it: the
    /// fields are `code-i` and `name-i`, i the variable's place in the proposal.
    public struct ProposalForm: Sendable {
        public var codes: [String: String]
        public var names: [String: String]
        public var issues: [ValidationIssue]

        public init(codes: [String: String] = [:], names: [String: String] = [:], issues: [ValidationIssue] = []) {
            self.codes = codes
            self.names = names
            self.issues = issues
        }
    }

    public struct Model: Sendable {
        public let run: ImportRun
        public let mappingColumns: [MappingColumn]
        /// The proposal for a table waiting for its mapping (nil when the file could not be read for one).
        public var proposal: Proposal?
        public var proposalForm = ProposalForm()
        public let variables: [Variable]
        public let findings: [ValidationFinding]
        public let names: [String: String]
        public let mappingIssues: [ValidationIssue]
        public let fileAvailable: Bool
        public var release = ReleaseForm()
        /// How many of the run's values are public now.
        public var publicCount = 0
        public var notice: Notice?

        public init(run: ImportRun, mappingColumns: [MappingColumn], variables: [Variable], findings: [ValidationFinding], names: [String: String],
                    mappingIssues: [ValidationIssue] = [], fileAvailable: Bool) {
            self.run = run
            self.mappingColumns = mappingColumns
            self.variables = variables
            self.findings = findings
            self.names = names
            self.mappingIssues = mappingIssues
            self.fileAvailable = fileAvailable
        }
    }

    public static func state(_ run: ImportRun, _ language: Language) -> String {
        let t = Texts(language)
        switch run.state {
        case .running: return t(.importRunning)
        case .done: return run.dryRun ? t(.importChecked) : t(.importDone)
        case .failed: return t(.importFailed)
        case .unchanged: return t(.importUnchanged)
        case .needsMapping: return t(.importNeedsMapping)
        }
    }

    /// The release state of a run for lists: "nicht freigegeben", "freigegeben am …", "zurückgezogen am …"; "–" for
    /// runs that stored nothing.
    public static func releaseState(_ run: ImportRun, _ language: Language) -> String {
        let t = Texts(language)
        guard run.storedValues else { return t(.releaseStateNone) }
        switch run.release.state {
        case .unreleased: return t(.releaseStateUnreleased)
        case .released: return t(.releaseStateReleased).replacingOccurrences(of: "{date}", with: run.release.releasedAt.map { DateText.dateTime($0, language) } ?? "–")
        case .withdrawn: return t(.releaseStateWithdrawn).replacingOccurrences(of: "{date}", with: run.release.withdrawnAt.map { DateText.dateTime($0, language) } ?? "–")
        }
    }

    public static func reason(_ issue: DataImportIssue, _ language: Language) -> String {
        guard language == .de else { return String(issue.message.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
        switch issue.reason {
        case .unknownFormat: return "Unbekanntes Format (erwartet: sopla-CSV, GENESIS-Tabelle, GENESIS-Flatfile alt oder neu)"
        case .invalidEncoding(let expected): return "Keine gültige Zeichenkodierung \(expected)"
        case .missingColumn(let name): return "Spalte „\(name)“ fehlt"
        case .columnCount(let expected, let found): return "\(expected) Spalten erwartet, \(found) gefunden"
        case .unknownKey: return "Unbekannter Gebietsschlüssel"
        case .badNumber: return "Keine Zahl"
        case .decimalSeparator(let expected): return "Falsches Dezimalzeichen: diese Datei verwendet „\(expected)“"
        case .thousandsSeparator: return "Tausendertrennzeichen sind nicht erlaubt"
        case .negativeCount: return "Eine Anzahl kann nicht negativ sein"
        case .fractionalCount: return "Eine Anzahl muss eine ganze Zahl sein"
        case .outOfRange: return Plausible.observationValue.message
        case .unknownVariable: return "Unbekanntes Merkmal"
        case .badBreakdown: return "Keine gültige Ausprägung (Buchstaben, Ziffern, _ - .)"
        case .badStatus: return "Unbekanntes Zeichen (erlaubt: leer, e, -, ., x, ..., /, p, r, s)"
        case .statusWithoutValue: return "Wert angegeben, obwohl das Zeichen „kein Wert“ bedeutet"
        case .valueMissing: return "Wert fehlt (eine leere Zelle ist nicht null: „-“ für null oder ein Zeichen wie „.“)"
        case .duplicate(let first): return "Doppelt, schon in Zeile \(first)"
        case .badDate: return "Kein Datum (JJJJ-MM-TT, TT.MM.JJJJ oder Jahr)"
        case .dateOutOfRange(let earliest, let latest): return "Datum außerhalb des Zeitraums \(earliest.german) bis \(latest.german)"
        case .unmappedColumn: return "Dieser Tabellenspalte ist kein Merkmal zugeordnet"
        case .tableChanged: return "Die Tabelle hat sich seit dem Speichern der Zuordnung verändert: diese Spalte fehlt"
        case .shiftedRows(let count): return "\(count) Zeilen sind verschoben (Gebietsangaben in den ersten Spalten, keine Werte): eine fehlerhafte Ausgabe von GENESIS – bitte die Tabelle neu herunterladen"
        case .compressedArchive: return "Ein ZIP-Archiv: bitte entpacken und die CSV-Datei darin hochladen"
        case .spreadsheet: return "Eine Excel-Mappe: bitte in Excel mit „Speichern unter“ als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern und diese Datei hochladen"
        case .binaryFile: return "Keine Textdatei (ein Bild, ein PDF oder eine gepackte Datei?): bitte die CSV-Datei der Statistik hochladen"
        case .noOwnUnits(let skipped): return "Keiner der \(skipped) Werte betrifft ein Gebiet Ihres Kreises – die Tabelle enthält andere Gebiete oder eine regionale Tiefe ohne Ihre Gebiete"
        case .unitNotFound: return "Der Spalte fehlt die Einheit (MeasureUnitNotFound!): eine fehlerhafte Ausgabe von GENESIS – bitte die Tabelle neu herunterladen"
        case .emptyFile: return "Die Datei enthält keine Werte"
        case .interrupted: return "sopla wurde beendet, während der Import lief; nichts davon wurde gespeichert – bitte die Datei erneut importieren"
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let run = model.run
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.dataImport.path)], text: t(.importTitle))]),
            el("h1", text: t(.importRunTitle) + ": " + run.fileName),
            model.notice?.node ?? .empty,
            el("dl", [("class", "facts")], [
                el("dt", text: t(.fieldStatus)), el("dd", [], [el("span", [("role", "status")], text: state(run, language))]),
                el("dt", text: t(.columnRelease)), el("dd", [("id", "freigabestatus")], text: releaseState(run, language)),
                el("dt", text: t(.fieldFormat)), el("dd", text: IndicatorNames.importFormat(run.format, language)),
                el("dt", text: t(.fieldTableCode)), el("dd", text: run.tableCode ?? "–"),
                el("dt", text: t(.fieldWho)), el("dd", text: run.actorLabel),
                el("dt", text: t(.fieldWhen)), el("dd", text: DateText.dateTime(run.startedAt, language)),
                el("dt", text: "SHA-256"), el("dd", [], [el("code", text: run.sha256)]),
            ]),
        ]
        if run.state == .running {
            content.append(el("p", [], [
                el("label", [("for", "fortschritt")], text: t(.importProgress) + " "),
                el("progress", [("id", "fortschritt"), ("max", "100"), ("value", String(run.progressPercent))], text: "\(run.progressPercent) %"),
                txt(" \(run.progressPercent) %"),
            ]))
            content.append(el("p", [], [el("a", [("href", SiteRoute.dataImportRun(id: run.id).path)], text: t(.reload))]))
        }
        if run.state == .done || run.state == .unchanged {
            content.append(el("table", [("class", "data")], [
                el("caption", text: run.dryRun ? t(.importWouldChange) : t(.importChanged)),
                el("tbody", [], ([
                    (t(.columnInserted), run.outcome.inserted), (t(.columnRevised), run.outcome.revised), (t(.columnUnchanged), run.outcome.unchanged),
                ] + (run.referenceValues > 0 ? [(t(.columnParentReferences), run.referenceValues)] : []) + [
                    (t(.columnSkipped), run.skipped),
                ]).map { label, count in el("tr", [], [el("th", [("scope", "row")], text: label), el("td", [("class", "num")], text: Format.integer(count, language))]) }),
            ]))
            if !run.dryRun, run.state == .done {
                content.append(el("h2", text: t(.validationReportTitle)))
                content.append(FindingsTable.render(model.findings, names: model.names, language: language))
            }
            if run.storedValues { content.append(releaseSection(model, context: context)) }
        }
        if run.state == .needsMapping {
            if let proposal = model.proposal, model.fileAvailable { content.append(proposalSection(proposal, model: model, context: context)) }
            content.append(mappingForm(model, context: context))
        }
        // Waiting for a mapping is no fault of the file: its columns are listed in the mapping form, not as problems.
        if let interrupted = run.issues.first(where: { $0.reason == .interrupted }) {
            // No fault of the file: sopla stopped while it was read.
            content.append(el("p", [("class", "notice notice-warning")], text: reason(interrupted, language)))
        } else if !run.issues.isEmpty, run.state != .needsMapping {
            content.append(el("h2", text: t(.importIssuesTitle)))
            content.append(el("p", text: t(.importNothingStored)))
            content.append(el("table", [("class", "data")], [
                el("caption", text: t(.importIssuesTitle) + " (" + Format.integer(run.issueCount, language) + ")"),
                el("thead", [], [el("tr", [], [t(.columnLine), t(.columnColumn), t(.columnValue), t(.columnReason)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], run.issues.map { issue in
                    el("tr", [], [el("td", [("class", "num")], text: String(issue.line)), el("td", text: issue.column), el("td", [], [el("code", text: issue.value)]),
                                  el("td", text: reason(issue, language))])
                }),
            ]))
            if run.issueCount > run.issues.count {
                content.append(el("p", text: t(.moreIssues).replacingOccurrences(of: "{n}", with: Format.integer(run.issueCount - run.issues.count, language))))
            }
        }
        var layout = Layout(title: t(.importRunTitle), context: context)
        if run.state == .running { layout.refreshSeconds = 2 }
        return layout.render(content)
    }

    /// The release of a run that stored values: its state, and the form to release it (a reason required when
    /// validation rules failed) or to withdraw the release (a reason and a confirmation).
    static func releaseSection(_ model: Model, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let run = model.run
        let release = run.release
        var nodes: [HTMLNode] = [
            el("h2", [("id", "freigabe")], text: t(.releaseTitle)),
            el("p", text: t(.checkReportCounts).replacingOccurrences(of: "{inserted}", with: Format.integer(run.outcome.inserted, language))
                .replacingOccurrences(of: "{revised}", with: Format.integer(run.outcome.revised, language))
                + " " + t(.releasePublicCount).replacingOccurrences(of: "{n}", with: Format.integer(model.publicCount, language))),
        ]
        var facts: [HTMLNode] = []
        if let at = release.releasedAt {
            facts += [el("dt", text: t(.releaseStateReleased).replacingOccurrences(of: "{date}", with: DateText.dateTime(at, language))),
                      el("dd", text: t(.releaseBy).replacingOccurrences(of: "{who}", with: release.releasedBy ?? "–") + (release.releaseReason.map { ": " + $0 } ?? ""))]
        }
        if let at = release.withdrawnAt {
            facts += [el("dt", text: t(.releaseStateWithdrawn).replacingOccurrences(of: "{date}", with: DateText.dateTime(at, language))),
                      el("dd", text: t(.releaseBy).replacingOccurrences(of: "{who}", with: release.withdrawnBy ?? "–") + (release.withdrawalReason.map { ": " + $0 } ?? ""))]
        }
        if !facts.isEmpty { nodes.append(el("dl", [("class", "facts")], facts)) }
        switch model.release.refusal {
        case .alreadyReleased?: nodes.append(el("p", [("class", "notice notice-warning"), ("role", "alert")], text: t(.releaseAlready)))
        case .notReleased?: nodes.append(el("p", [("class", "notice notice-warning"), ("role", "alert")], text: t(.withdrawNotReleased)))
        case .nothingToRelease?: nodes.append(el("p", [("class", "notice notice-warning"), ("role", "alert")], text: t(.releaseNotPossible)))
        default: break
        }
        let form = FormBuilder(language: language, issues: model.release.issues)
        if release.state == .released {
            let labels = ["withdrawReason": t(.withdrawReasonLabel), "confirm": t(.withdrawConfirmLabel)]
            let confirmInvalid = model.release.issues.contains { $0.field == "confirm" }
            nodes += [
                el("h3", text: t(.withdrawTitle)),
                el("p", text: t(.withdrawIntro)),
                form.summary(labels: labels),
                el("form", [("method", "post"), ("action", SiteRoute.dataImportWithdraw(id: run.id).path), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    textArea("withdrawReason", label: labels["withdrawReason"]!, value: model.release.withdrawReason, required: true, hint: nil, form: form),
                    el("div", [("class", confirmInvalid ? "checkbox invalid" : "checkbox")], [
                        el("input", [("type", "checkbox"), ("id", "confirm"), ("name", "confirm"), ("value", "ja"), ("required", "required"),
                                     ("aria-invalid", confirmInvalid ? "true" : nil), ("aria-describedby", confirmInvalid ? "confirm-error" : nil)]),
                        el("label", [("for", "confirm")], text: t(.withdrawConfirm)),
                        confirmInvalid ? el("p", [("class", "field-error"), ("id", "confirm-error")], text: IssueText.message(.required, language)) : .empty,
                    ]),
                    el("button", [("type", "submit"), ("class", "danger")], text: t(.withdrawButton)),
                ]),
            ]
        } else {
            var seen: Set<String> = []
            let failed = model.findings.map { IndicatorNames.ruleKind($0.rule.kind, language) + " (" + $0.rule.target + ")" }.filter { seen.insert($0).inserted }
            let labels = ["reason": t(.releaseReasonLabel)]
            nodes += [
                el("p", text: t(.releaseIntro)),
                failed.isEmpty ? .empty : el("p", [("class", "notice notice-warning")], text: t(.releaseFailedRules).replacingOccurrences(of: "{rules}", with: failed.joined(separator: ", "))),
                form.summary(labels: labels),
                el("form", [("method", "post"), ("action", SiteRoute.dataImportRelease(id: run.id).path), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    textArea("reason", label: labels["reason"]!, value: model.release.reason, required: !failed.isEmpty,
                             hint: failed.isEmpty ? t(.releaseReasonHint) : t(.releaseReasonRequiredHint), form: form),
                    el("button", [("type", "submit")], text: t(.releaseButton)),
                ]),
            ]
        }
        return el("section", [("aria-labelledby", "freigabe"), ("class", "release")], nodes)
    }

    /// A labelled text area with hint and error, like `FormBuilder.text`.
    static func textArea(_ field: String, label: String, value: String?, required: Bool, hint: String?, form: FormBuilder) -> HTMLNode {
        form.textArea(field, label: label, value: value, required: required, hint: hint, maxLength: ImportRelease.maxReasonLength)
    }

    /// The proposal: one row per variable, what happens to the other regions, a preview of the county's values, and
    /// the form that accepts it all, with the code and name of each variable to change first.
    static func proposalSection(_ proposal: Proposal, model: Model, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let table = (model.run.tableCode ?? "–") + (proposal.title.isEmpty ? "" : " – " + proposal.title)
        let rows = proposal.variables.map { v in
            el("tr", [], [
                el("td", text: v.column), el("td", [], [el("code", text: v.code)]), el("td", text: v.name), el("td", text: v.unit),
                el("td", text: v.breakdowns.isEmpty ? "–" : v.breakdowns.joined(separator: ", ")),
                el("td", text: v.exists ? t(.genesisProposalExists) : t(.genesisProposalNew)),
                el("td", [("class", "num")], text: Format.integer(v.ownValues, language)),
            ])
        }
        let preview = proposal.preview.map { row in
            el("tr", [], [
                el("td", text: row.unit), el("td", [], [el("code", text: row.variable)]), el("td", text: Format.day(row.date, language)),
                el("td", text: row.breakdown.isTotal ? t(.genesisProposalTotal) : row.breakdown.canonical),
                el("td", [("class", "num")], text: row.value.map { Format.decimal($0, digits: $0 == $0.rounded() ? 0 : 2, language) } ?? row.status.symbol),
            ])
        }
        return el("section", [("aria-labelledby", "vorschlag")], [
            el("h2", [("id", "vorschlag")], text: t(.genesisProposalTitle)),
            el("p", text: t(.genesisProposalIntro).replacingOccurrences(of: "{table}", with: table)),
            el("table", [("class", "data")], [
                el("caption", text: t(.genesisProposalVariables)),
                el("thead", [], [el("tr", [], [t(.genesisProposalColumn), t(.genesisProposalCode), t(.fieldName), t(.fieldUnit), t(.fieldBreakdown), t(.genesisProposalState), t(.genesisProposalOwnValues)]
                    .map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], rows),
            ]),
            el("p", text: t(.genesisProposalRegions).replacingOccurrences(of: "{own}", with: Format.integer(proposal.ownValues, language))
                .replacingOccurrences(of: "{parents}", with: Format.integer(proposal.parentValues, language))
                .replacingOccurrences(of: "{other}", with: Format.integer(proposal.otherValues, language))),
            refusalsNotice(proposal, language: language, t: t),
            proposal.preview.isEmpty ? el("p", [("class", "notice notice-warning")], text: t(.genesisProposalNoOwnValues)) : el("table", [("class", "data")], [
                el("caption", text: t(.genesisProposalPreview)),
                el("thead", [], [el("tr", [], [t(.columnUnit), t(.genesisProposalCode), t(.genesisProposalDate), t(.fieldBreakdown), t(.columnValue)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], preview),
            ]),
            proposalForm(proposal, model: model, context: context),
        ])
    }

    /// Values the import would refuse, said before the planner accepts: the whole file or nothing is stored.
    static func refusalsNotice(_ proposal: Proposal, language: Language, t: Texts) -> HTMLNode {
        guard proposal.refusedCount > 0 else { return .empty }
        return el("div", [("class", "notice notice-warning")], [
            el("p", text: t(.genesisProposalRefused).replacingOccurrences(of: "{n}", with: Format.integer(proposal.refusedCount, language))),
            el("ul", [], proposal.refusals.map { issue in
                el("li", text: t(.columnLine) + " " + Format.integer(issue.line, language) + (issue.column.isEmpty ? "" : ", " + issue.column)
                    + (issue.value.isEmpty ? "" : " („" + issue.value + "“)") + ": " + reason(issue, language))
            }),
        ])
    }

    /// Per proposed variable its code and name, prefilled with the proposal (or what was typed), and the button.
    static func proposalForm(_ proposal: Proposal, model: Model, context: PageContext) -> HTMLNode {
        let t = context.t
        let typed = model.proposalForm
        let form = FormBuilder(language: context.language, issues: typed.issues)
        let codes = proposal.variables.map { typed.codes[$0.column] ?? $0.code }
        let existing = Dictionary(model.variables.map { ($0.code, $0.name(context.language == .de)) }, uniquingKeysWith: { a, _ in a })
        var labels: [String: String] = [:]
        var fields: [HTMLNode] = []
        for (index, v) in proposal.variables.enumerated() {
            let codeField = "code-\(index)", nameField = "name-\(index)"
            labels[codeField] = t(.genesisProposalCodeFor).replacingOccurrences(of: "{name}", with: v.name)
            labels[nameField] = t(.genesisProposalNameFor).replacingOccurrences(of: "{name}", with: v.name)
            var notes: [String] = []
            if typed.issues.contains(where: { $0.field == codeField && $0.problem == .duplicate }) {
                let others = proposal.variables.indices.filter { $0 != index && codes[$0] == codes[index] }.map { proposal.variables[$0].column }
                notes.append(t(.genesisProposalSameCode).replacingOccurrences(of: "{columns}", with: others.joined(separator: ", ")))
            } else if let name = existing[codes[index]] {
                notes.append(t(.genesisProposalExistingUsed).replacingOccurrences(of: "{name}", with: name))
            }
            fields.append(el("fieldset", [("class", "mapping")], [
                el("legend", text: v.name + (v.column == v.name ? "" : " (\(v.column))")),
                el("input", [("type", "hidden"), ("name", "column-\(index)"), ("value", v.column)]),
                form.text(codeField, label: labels[codeField]!, value: codes[index], required: true, hint: notes.isEmpty ? nil : notes.joined(separator: " "), maxLength: 40),
                form.text(nameField, label: labels[nameField]!, value: typed.names[v.column] ?? v.name, required: true, maxLength: 200),
            ]))
        }
        return el("div", [("class", "proposal-edit")], [
            el("h3", [("id", "vorschlag-bearbeiten")], text: t(.genesisProposalEditTitle)),
            el("p", text: t(.genesisProposalEditIntro)),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", SiteRoute.dataImportMapping(id: model.run.id).path), ("class", "stacked")],
               [FormBuilder.csrf(context.csrfToken ?? ""),
                el("input", [("type", "hidden"), ("name", "proposal"), ("value", "ja")]),
                el("input", [("type", "hidden"), ("name", "variables"), ("value", String(proposal.variables.count))])]
               + fields + [el("button", [("type", "submit")], text: model.run.dryRun ? t(.genesisProposalCheck) : t(.genesisProposalAccept))]),
        ])
    }

    static func mappingForm(_ model: Model, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.mappingIssues)
        guard model.fileAvailable else { return el("p", [("class", "notice notice-warning")], text: t(.importFileGone)) }
        let options = [("", t(.mappingIgnore))] + model.variables.map { ($0.code, "\($0.name(language == .de)) (\($0.code))") }
        var labels: [String: String] = [:]
        var fields: [HTMLNode] = []
        for (index, column) in model.mappingColumns.enumerated() {
            labels["variable-\(index)"] = column.label
            fields.append(el("fieldset", [("class", "mapping")], [
                el("legend", text: column.label + (column.label == column.signature ? "" : " (\(column.signature))")),
                el("input", [("type", "hidden"), ("name", "signature-\(index)"), ("value", column.signature)]),
                form.select("variable-\(index)", label: t(.mappingVariable), options: options, selected: column.ignored ? "" : column.target?.variable),
                form.text("breakdown-\(index)", label: t(.fieldBreakdown), value: column.target.map { $0.breakdown.canonical }, hint: t(.breakdownHint), maxLength: 200),
            ]))
        }
        return el("section", [("aria-labelledby", "zuordnung")], [
            el("h2", [("id", "zuordnung")], text: model.proposal == nil ? t(.mappingTitle) : t(.mappingOwnTitle)),
            el("p", text: t(.mappingIntro).replacingOccurrences(of: "{table}", with: model.run.tableCode ?? "–")),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", SiteRoute.dataImportMapping(id: model.run.id).path), ("class", "stacked")],
               [FormBuilder.csrf(context.csrfToken ?? ""), el("input", [("type", "hidden"), ("name", "columns"), ("value", String(model.mappingColumns.count))])]
               + fields + [el("button", [("type", "submit")], text: t(.mappingSave))]),
        ])
    }
}
