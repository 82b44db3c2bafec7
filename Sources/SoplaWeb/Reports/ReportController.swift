import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var reportStore: ReportStore { ReportStore(database: db) }
}

/// Social reports: planners build them (chapters, sections, text, blocks), preview them with current data, build
/// editions from a frozen snapshot and publish them; everyone reads published editions and their data annex.
struct ReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = ReportRoute.Pattern.self
        let read = RoutePermission(.readPublic)
        routes.on(.GET, p.published, read, use: published)
        routes.on(.GET, p.edition, read, use: edition)
        routes.on(.GET, p.annex, read, use: annex)
        routes.on(.GET, p.pdf, read, use: pdf)
        routes.on(.GET, p.comparison, read, use: comparison)
        let manage = RoutePermission(.manageReports)
        routes.on(.GET, p.manage, manage, use: list)
        routes.on(.POST, p.manage, manage, use: create)
        routes.on(.GET, p.builder, manage, use: builder)
        routes.on(.POST, p.chapters, manage, use: addChapter)
        routes.on(.POST, p.sections, manage, use: addSection)
        routes.on(.POST, p.section, manage, use: saveText)
        routes.on(.POST, p.blocks, manage, use: addBlock)
        routes.on(.POST, p.blockDelete, manage, use: removeBlock)
        routes.on(.GET, p.preview, manage, use: preview)
        routes.on(.POST, p.editions, manage, use: buildEdition)
        routes.on(.POST, p.publish, manage, use: publish)
    }

    // MARK: Snapshot

    /// The published (disclosure-controlled) values of every indicator the report uses, at every date, for the
    /// county and its municipalities.
    static func snapshot(_ req: Request, report: Report) async throws -> ReportSnapshot {
        let units = try await req.spatial.allUnits()
        let county = units.first { $0.levelCode == SpatialLevel.county.code }
        let municipalities = units.filter { $0.levelCode == SpatialLevel.municipality.code }.sorted { $0.name.compare($1.name, locale: Locale(identifier: "de")) == .orderedAscending }
        let keys = [county?.key].compactMap { $0 } + municipalities.map(\.key)
        var indicators: [String: ReportSnapshot.IndicatorInfo] = [:]
        var values: [String: [String: [String: ReportSnapshot.Value]]] = [:]
        let variables = Dictionary(uniqueKeysWithValues: try await req.indicatorStore.variables().map { ($0.code, $0) })
        for code in Set(report.blocks.flatMap(\.kind.indicatorCodes)).sorted() {
            guard let data = try await IndicatorData.load(code: code, store: req.indicatorStore, spatial: req.spatial) else { continue }
            let i = data.indicator
            let source = i.variables.compactMap { variables[$0]?.source }.first ?? ""
            let licence = i.variables.compactMap { variables[$0]?.licence }.first ?? ""
            indicators[code] = ReportSnapshot.IndicatorInfo(code: code, name: i.nameDE, unit: IndicatorNames.unitLabel(i, variables: variables, .de), decimals: i.decimals,
                                                            definition: i.definitionDE, source: source, licence: licence,
                                                            gender: FigureDescription.gender(ofName: i.nameDE) ?? .masculine)
            for date in data.dates {
                let published = data.publish(date)
                var byUnit: [String: ReportSnapshot.Value] = [:]
                for key in keys {
                    guard let value = published[key] else { continue }
                    byUnit[key] = ReportSnapshot.Value(value: value.publicValue, suppressed: value.isSuppressed)
                }
                values[code, default: [:]][date.iso] = byUnit
            }
        }
        return ReportSnapshot(builtAt: req.settings.clock.now(), countyKey: county?.key ?? "", countyName: county?.name ?? "", unitKeys: municipalities.map(\.key),
                              unitNames: Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0.name) }), indicators: indicators, values: values)
    }

    static func geometry(_ req: Request) async throws -> [String: (unit: SpatialUnit, geometry: MultiPolygon)] {
        let units = Dictionary(uniqueKeysWithValues: try await req.spatial.allUnits().map { ($0.key, $0) })
        var result: [String: (unit: SpatialUnit, geometry: MultiPolygon)] = [:]
        for (key, boundary) in try await req.currentBoundaries() {
            if let unit = units[key] { result[key] = (unit, boundary.geometry) }
        }
        return result
    }

    // MARK: Public

    func published(req: Request) async throws -> HTMLResponse {
        let editions = try await req.reportStore.editions().compactMap { e in e.publishedAt.map { (title: e.report.title, number: e.number, reportID: e.reportID, publishedAt: $0) } }
            .sorted { $0.publishedAt > $1.publishedAt }
        return HTMLResponse(PublishedReportsPage.render(editions, context: try await req.pageContext()))
    }

    /// The edition of the route: published ones for everyone, drafts only for those who manage reports.
    static func edition(_ req: Request) async throws -> ReportEdition {
        guard let raw = req.parameters.get("report"), let id = UUID(uuidString: raw), let number = req.parameters.get("number").flatMap(Int.init),
              let edition = try await req.reportStore.editions(of: id).first(where: { $0.number == number }) else { throw Abort(.notFound) }
        if edition.publishedAt == nil, !(try await req.may(.manageReports)) { throw Abort(.notFound) }
        return edition
    }

    func edition(req: Request) async throws -> HTMLResponse {
        let e = try await Self.edition(req)
        let document = ReportDocument(report: e.report, snapshot: e.snapshot, geometry: try await Self.geometry(req), language: req.language)
        return HTMLResponse(ReportEditionPage.render(document, edition: (e.number, e.publishedAt != nil), annex: ReportRoute.annex(e.reportID, e.number),
                                                     context: try await req.pageContext()))
    }

    func pdf(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        let document = ReportDocument(report: e.report, snapshot: e.snapshot, geometry: try await Self.geometry(req), language: req.language)
        let html = ReportPrintDocument.render(document, css: StaticController.assets["sopla.css"]?.body ?? "")
        return try await ReportPDF.response(html: html, filename: "sozialbericht-\(e.number).pdf", on: req)
    }

    /// The figures that differ from the edition before (both readable by the requester).
    func comparison(req: Request) async throws -> HTMLResponse {
        let e = try await Self.edition(req)
        let all = try await req.reportStore.editions(of: e.reportID)
        let mayManage = try await req.may(.manageReports)
        guard let previous = all.first(where: { $0.number == e.number - 1 }), previous.publishedAt != nil || mayManage else { throw Abort(.notFound) }
        func text(_ v: ReportSnapshot.Value?, _ code: String) -> String {
            guard let v else { return "–" }
            if v.suppressed { return "•" }
            return v.value.map { Format.decimal($0, digits: e.snapshot.indicators[code]?.decimals ?? 1, req.language) } ?? "–"
        }
        let names = e.snapshot.unitNames.merging(previous.snapshot.unitNames) { a, _ in a }
        let changes = ReportSnapshot.changes(from: previous.snapshot, to: e.snapshot).map { c in
            (indicator: e.snapshot.indicators[c.code]?.name ?? previous.snapshot.indicators[c.code]?.name ?? c.code, date: Day(iso: c.date).map { Format.day($0, req.language) } ?? c.date,
             unit: names[c.unit] ?? c.unit, before: text(c.before, c.code), after: text(c.after, c.code))
        }
        return HTMLResponse(EditionComparisonPage.render(title: e.report.title, reportID: e.reportID, number: e.number, changes: changes, context: try await req.pageContext()))
    }

    func annex(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        return SpatialPagesController.csvResponse(CSV.write(header: ["indicator", "reference_date", "unit_key", "unit", "value", "suppressed"], rows: e.snapshot.annexRows()),
                                                  filename: "sozialbericht-\(e.number)-daten.csv")
    }

    // MARK: Builder

    func list(req: Request) async throws -> HTMLResponse {
        try await HTMLResponse(listPage(req, values: ["reportingDate": req.settings.clock.today.iso, "territorialStatus": req.settings.clock.today.iso], issues: []))
    }

    func listPage(_ req: Request, values: [String: String], issues: [ValidationIssue]) async throws -> String {
        let editions = try await req.reportStore.editions()
        let rows = try await req.reportStore.reports().map { r in
            (report: r, editions: editions.filter { $0.reportID == r.id }.count, published: editions.filter { $0.reportID == r.id && $0.publishedAt != nil }.count)
        }
        return ReportListPage.render(rows, values: values, issues: issues, context: try await req.pageContext(showNotice: true))
    }

    struct NewForm: Content {
        var title: String?
        var reportingDate: String?
        var territorialStatus: String?
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(NewForm.self)
        var issues: [ValidationIssue] = []
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { issues.append(ValidationIssue("title", .required)) } else if title.count > 200 { issues.append(ValidationIssue("title", .tooLong(max: 200))) }
        let reporting = Day(iso: form.reportingDate ?? ""), status = Day(iso: form.territorialStatus ?? "")
        if reporting == nil { issues.append(ValidationIssue("reportingDate", .required)) }
        if status == nil { issues.append(ValidationIssue("territorialStatus", .required)) }
        guard let reporting, let status, issues.isEmpty else {
            let values = ["title": form.title ?? "", "reportingDate": form.reportingDate ?? "", "territorialStatus": form.territorialStatus ?? ""]
            return HTMLResponse(try await listPage(req, values: values, issues: issues)).response(status: .unprocessableEntity)
        }
        let report = Report(id: UUID(), title: title, reportingDate: reporting, territorialStatus: status)
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .created)
    }

    static func report(_ req: Request) async throws -> Report {
        guard let raw = req.parameters.get("report"), let id = UUID(uuidString: raw), let report = try await req.reportStore.report(id: id) else { throw Abort(.notFound) }
        return report
    }

    func builderPage(_ req: Request, _ report: Report, issues: [ValidationIssue] = []) async throws -> String {
        let indicators = try await req.indicatorStore.indicators().sorted { $0.nameDE < $1.nameDE }
        let known = Set(indicators.map(\.code))
        let problems = report.problems(knownIndicators: known).map { issue -> String in
            if case .unknownValue(let code) = issue.problem { return Texts(req.language)(.deletedIndicator).replacingOccurrences(of: "{c}", with: code) }
            return IssueText.message(issue.problem, req.language) + " (" + issue.field + ")"
        }
        let units = try await req.spatial.allUnits().filter { $0.levelCode == SpatialLevel.municipality.code }.sorted { $0.name < $1.name }
        let model = ReportBuilderPage.Model(report: report, editions: try await req.reportStore.editions(of: report.id), indicators: indicators.map { ($0.code, $0.nameDE) },
                                            units: units.map { ($0.key, $0.name) }, problems: problems, issues: issues)
        return ReportBuilderPage.render(model, context: try await req.pageContext(showNotice: true))
    }

    func builder(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await builderPage(req, try await Self.report(req)))
    }

    func change(_ req: Request, _ update: (inout Report) throws -> [ValidationIssue]) async throws -> Response {
        var report = try await Self.report(req)
        let issues = try update(&report)
        guard issues.isEmpty else { return HTMLResponse(try await builderPage(req, try await Self.report(req), issues: issues)).response(status: .unprocessableEntity) }
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .saved)
    }

    struct TitleForm: Content {
        var chapter: String?
        var section: String?
        var text: String?
    }

    func addChapter(req: Request) async throws -> Response {
        let title = (try req.content.decode(TitleForm.self).chapter ?? "").trimmingCharacters(in: .whitespaces)
        return try await change(req) { report in
            guard !title.isEmpty, title.count <= 200 else { return [ValidationIssue("chapter", title.isEmpty ? .required : .tooLong(max: 200))] }
            report.chapters.append(ReportChapter(id: UUID(), title: title))
            return []
        }
    }

    func addSection(req: Request) async throws -> Response {
        let title = (try req.content.decode(TitleForm.self).section ?? "").trimmingCharacters(in: .whitespaces)
        let chapterID = try FundingData.uuid(req, "chapter")
        return try await change(req) { report in
            guard let index = report.chapters.firstIndex(where: { $0.id == chapterID }) else { throw Abort(.notFound) }
            guard !title.isEmpty, title.count <= 200 else { return [ValidationIssue("section", title.isEmpty ? .required : .tooLong(max: 200))] }
            report.chapters[index].sections.append(ReportSection(id: UUID(), title: title))
            return []
        }
    }

    static func locate(_ report: Report, section id: UUID) -> (Int, Int)? {
        for (c, chapter) in report.chapters.enumerated() { if let s = chapter.sections.firstIndex(where: { $0.id == id }) { return (c, s) } }
        return nil
    }

    func saveText(req: Request) async throws -> Response {
        let text = try req.content.decode(TitleForm.self).text ?? ""
        let sectionID = try FundingData.uuid(req, "section")
        return try await change(req) { report in
            guard let (c, s) = Self.locate(report, section: sectionID) else { throw Abort(.notFound) }
            guard text.count <= 20_000 else { return [ValidationIssue("text", .tooLong(max: 20_000))] }
            report.chapters[c].sections[s].text = text
            return []
        }
    }

    struct BlockForm: Content {
        var kind: String?
        var codes: String?
        var unit: String?
        var caption: String?
        var note: String?
        var components: String?
    }

    /// Reads the block form; codes must exist in the catalogue, a time series needs a unit.
    static func block(_ form: BlockForm, known: Set<String>, units: Set<String>) -> (ReportBlock?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let codes = (form.codes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for code in codes where !known.contains(code) { issues.append(ValidationIssue("codes", .unknownValue(code))) }
        let caption = (form.caption ?? "").trimmingCharacters(in: .whitespaces)
        if caption.isEmpty { issues.append(ValidationIssue("caption", .required)) }
        let unit = ServiceForm.clean(form.unit)
        if let unit, !units.contains(unit) { issues.append(ValidationIssue("unit", .unknownReference)) }
        var kind: ReportBlockKind?
        switch form.kind ?? "" {
        case "table": kind = codes.isEmpty ? nil : .indicatorTable(codes: codes)
        case "map": kind = codes.count == 1 ? .map(code: codes[0]) : nil
        case "ranking": kind = codes.count == 1 ? .ranking(code: codes[0]) : nil
        case "series": kind = codes.count == 1 && unit != nil ? .timeSeries(code: codes[0], unitKey: unit!) : nil
        case "description": kind = codes.count == 1 ? .description(code: codes[0], unitKey: unit) : nil
        case "index":
            var components: [SocialIndexMethod.Component] = []
            var years = 5, statusWeight = 0.5
            for line in (form.components ?? "").split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
                if line.lowercased().hasPrefix("jahre:") { years = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? -1; continue }
                if line.lowercased().hasPrefix("status:") { statusWeight = (Double(line.dropFirst(7).trimmingCharacters(in: .whitespaces)) ?? -100) / 100; continue }
                let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 3, let weight = FundingEntry.decimal(parts[1]) else { issues.append(ValidationIssue("components", .unknownValue(line))); continue }
                if !known.contains(parts[0]) { issues.append(ValidationIssue("components", .unknownValue(parts[0]))) }
                components.append(.init(indicatorCode: parts[0], weight: weight, higherIsWorse: parts[2].lowercased() != "nein"))
            }
            do {
                kind = .socialIndex(try SocialIndexMethod(name: caption, components: components, years: years, statusWeight: statusWeight).validated())
            } catch { issues += error.issues }
        default: issues.append(ValidationIssue("kind", .unknownValue(String((form.kind ?? "").prefix(20)))))
        }
        if kind == nil, issues.isEmpty { issues.append(ValidationIssue("codes", .required)) }
        guard let kind, issues.isEmpty else { return (nil, issues) }
        return (ReportBlock(id: UUID(), kind: kind, caption: caption, note: (form.note ?? "").trimmingCharacters(in: .whitespaces)), [])
    }

    func addBlock(req: Request) async throws -> Response {
        let form = try req.content.decode(BlockForm.self)
        let sectionID = try FundingData.uuid(req, "section")
        let known = Set(try await req.indicatorStore.indicators().map(\.code))
        let units = Set(try await req.spatial.allUnits().map(\.key))
        let (block, issues) = Self.block(form, known: known, units: units)
        return try await change(req) { report in
            guard let (c, s) = Self.locate(report, section: sectionID) else { throw Abort(.notFound) }
            guard let block else { return issues }
            report.chapters[c].sections[s].blocks.append(block)
            return []
        }
    }

    func removeBlock(req: Request) async throws -> Response {
        let blockID = try FundingData.uuid(req, "block")
        return try await change(req) { report in
            var found = false
            for c in report.chapters.indices {
                for s in report.chapters[c].sections.indices where report.chapters[c].sections[s].blocks.contains(where: { $0.id == blockID }) {
                    report.chapters[c].sections[s].blocks.removeAll { $0.id == blockID }
                    found = true
                }
            }
            if !found { throw Abort(.notFound) }
            return []
        }
    }

    func preview(req: Request) async throws -> HTMLResponse {
        let report = try await Self.report(req)
        let document = ReportDocument(report: report, snapshot: try await Self.snapshot(req, report: report), geometry: try await Self.geometry(req), language: req.language)
        return HTMLResponse(ReportEditionPage.render(document, edition: nil, annex: nil, context: try await req.pageContext()))
    }

    /// A new edition from the current data; refused while a block refers to a deleted indicator.
    func buildEdition(req: Request) async throws -> Response {
        let report = try await Self.report(req)
        let issues = report.problems(knownIndicators: Set(try await req.indicatorStore.indicators().map(\.code)))
        guard issues.isEmpty else { return HTMLResponse(try await builderPage(req, report, issues: issues)).response(status: .unprocessableEntity) }
        let number = (try await req.reportStore.editions(of: report.id).map(\.number).max() ?? 0) + 1
        let edition = ReportEdition(id: UUID(), reportID: report.id, number: number, report: report, snapshot: try await Self.snapshot(req, report: report),
                                    builtBy: try await req.requireUser().id.uuidString.lowercased())
        try await req.reportStore.save(edition, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.edition(report.id, number), notice: .created)
    }

    struct PublishForm: Content { var confirm: String? }

    func publish(req: Request) async throws -> Response {
        var edition = try await Self.edition(req)
        guard try req.content.decode(PublishForm.self).confirm == "ja" else {
            return HTMLResponse(try await builderPage(req, try await Self.report(req), issues: [ValidationIssue("confirm", .required)])).response(status: .unprocessableEntity)
        }
        guard edition.publishedAt == nil else { return req.redirect(to: ReportRoute.edition(edition.reportID, edition.number), notice: .unchanged) }
        edition.publishedAt = req.settings.clock.now()
        try await req.reportStore.save(edition, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.edition(edition.reportID, edition.number), notice: .saved)
    }
}

/// PDF editions through WeasyPrint (Debian `weasyprint`), run as a separate process on the thread pool.
enum ReportPDF {
    enum Failure: Error { case missing, failed(String) }

    static var executable: String? {
        let candidates = [ProcessInfo.processInfo.environment["SOPLA_WEASYPRINT"], "/usr/bin/weasyprint", "/usr/local/bin/weasyprint"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The PDF as a download; without WeasyPrint a 503 that says what is missing, never a broken file.
    static func response(html: String, filename: String, on req: Request) async throws -> Response {
        do {
            let data = try await render(html: html, on: req)
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
            headers.contentDisposition = .init(.attachment, filename: filename)
            return Response(status: .ok, headers: headers, body: .init(data: data))
        } catch Failure.missing {
            throw Abort(.serviceUnavailable, reason: "the PDF needs WeasyPrint (Debian package weasyprint) on the server; the HTML and the CSV are available")
        } catch Failure.failed(let message) {
            req.logger.error("weasyprint failed: \(message)")
            throw Abort(.internalServerError, reason: "the PDF could not be made; the HTML and the CSV are available")
        }
    }

    static func render(html: String, on req: Request) async throws -> Data {
        guard let executable else { throw Failure.missing }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-pdf-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("bericht.html"), output = folder.appendingPathComponent("bericht.pdf")
        try Data(html.utf8).write(to: input)
        let status: (Int32, String) = try await req.application.threadPool.runIfActive(eventLoop: req.eventLoop) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            // No network: everything the document needs is inline.
            process.arguments = ["--quiet", "--base-url", folder.path, input.path, output.path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, message)
        }.get()
        guard status.0 == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else { throw Failure.failed(String(status.1.suffix(500))) }
        return data
    }
}
