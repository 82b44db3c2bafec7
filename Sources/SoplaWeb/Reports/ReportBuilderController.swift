import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// The report builder: planners create reports and shape them (chapters, sections, text, blocks, order, titles)
/// and preview them with current data.
struct ReportBuilderController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = ReportRoute.self
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
        routes.on(.POST, p.move, manage, use: move)
        routes.on(.POST, p.rename, manage, use: rename)
        routes.on(.POST, p.delete, manage, use: delete)
        routes.on(.POST, p.builder, manage, use: saveFacts)
        routes.on(.POST, p.remove, manage, use: remove)
        routes.on(.POST, p.textPreview, manage, use: textPreview)
    }

    func list(req: Request) async throws -> HTMLResponse {
        try await HTMLResponse(listPage(req, values: ["reportingDate": req.settings.clock.today.iso, "territorialStatus": req.settings.clock.today.iso], issues: []))
    }

    func listPage(_ req: Request, values: [String: String], issues: [ValidationIssue]) async throws -> String {
        let editions = try await req.reportStore.editionSummaries()
        let rows = try await req.reportStore.reports().map { r in
            (report: r, editions: editions.filter { $0.reportID == r.id }.count, published: editions.filter { $0.reportID == r.id && $0.publishedAt != nil }.count)
        }
        return ReportListPage.render(rows, values: values, issues: issues, context: try await req.pageContext(showNotice: true))
    }

    /// The title (required, up to 200 characters) and the two dates of the form, with what is wrong.
    static func facts(_ form: ReportPages.NewForm) -> (title: String, reporting: Day?, status: Day?, issues: [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { issues.append(ValidationIssue("title", .required)) } else { FieldCheck.length(title, field: "title", max: ReportLimits.title, into: &issues) }
        let reporting = FormDay.read(form.reportingDate, field: "reportingDate", into: &issues)
        let status = FormDay.read(form.territorialStatus, field: "territorialStatus", into: &issues)
        return (title, reporting, status, issues)
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportPages.NewForm.self)
        let (title, reporting, status, issues) = Self.facts(form)
        guard let reporting, let status, issues.isEmpty else {
            let values = ["title": form.title ?? "", "reportingDate": form.reportingDate ?? "", "territorialStatus": form.territorialStatus ?? ""]
            return HTMLResponse(try await listPage(req, values: values, issues: issues)).response(status: .unprocessableEntity)
        }
        let report = Report(id: UUID(), title: title, reportingDate: reporting, territorialStatus: status)
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .created)
    }

    func builder(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await ReportPages.builderPage(req, try await ReportPages.report(req)))
    }

    /// Applies a change and saves it; where it is refused, the builder again with the problems at their fields and
    /// `values` (what was typed, by element id) kept.
    func change(_ req: Request, values: [String: String] = [:], _ update: (inout Report) throws -> [ValidationIssue]) async throws -> Response {
        var report = try await ReportPages.report(req)
        let issues = try update(&report)
        guard issues.isEmpty else {
            return HTMLResponse(try await ReportPages.builderPage(req, try await ReportPages.report(req), issues: issues, values: values)).response(status: .unprocessableEntity)
        }
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .saved)
    }

    struct TitleForm: Content {
        var chapter: String?
        var section: String?
        var text: String?
    }

    func addChapter(req: Request) async throws -> Response {
        let typed = try req.content.decode(TitleForm.self).chapter ?? ""
        let title = typed.trimmingCharacters(in: .whitespaces)
        return try await change(req, values: ["chapter": typed]) { report in
            guard !title.isEmpty, title.count <= ReportLimits.chapterTitle else {
                return [ValidationIssue("chapter", title.isEmpty ? .required : .tooLong(max: ReportLimits.chapterTitle))]
            }
            report.chapters.append(ReportChapter(id: UUID(), title: title))
            return []
        }
    }

    func addSection(req: Request) async throws -> Response {
        let typed = try req.content.decode(TitleForm.self).section ?? ""
        let title = typed.trimmingCharacters(in: .whitespaces)
        let chapterID = try FundingData.uuid(req, "chapter")
        let field = "section-" + chapterID.uuidString.lowercased()
        return try await change(req, values: [field: typed]) { report in
            guard let index = report.chapters.firstIndex(where: { $0.id == chapterID }) else { throw Abort(.notFound) }
            guard !title.isEmpty, title.count <= ReportLimits.sectionTitle else {
                return [ValidationIssue(field, title.isEmpty ? .required : .tooLong(max: ReportLimits.sectionTitle))]
            }
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
        let field = "text-" + sectionID.uuidString.lowercased()
        return try await change(req, values: [field: text]) { report in
            guard let (c, s) = Self.locate(report, section: sectionID) else { throw Abort(.notFound) }
            guard text.count <= ReportLimits.text else { return [ValidationIssue(field, .tooLong(max: ReportLimits.text))] }
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
        var category: String?
    }

    /// Reads the block form; codes must exist in the catalogue (at most `ReportLimits.tableIndicators` in a table,
    /// exactly one for the other kinds of indicator block), a time series needs a unit, a coverage table a category
    /// with a planning standard; caption, note and components within their limits.
    static func block(_ form: BlockForm, known: Set<String>, units: Set<String>, categories: Set<String> = []) -> (ReportBlock?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let typedCodes = form.codes ?? ""
        let codes = typedCodes.count > ReportLimits.codes ? []
            : typedCodes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        FieldCheck.length(typedCodes, field: "codes", max: ReportLimits.codes, into: &issues)
        for code in codes where !known.contains(code) { issues.append(ValidationIssue("codes", .unknownValue(code))) }
        let caption = (form.caption ?? "").trimmingCharacters(in: .whitespaces)
        if caption.isEmpty { issues.append(ValidationIssue("caption", .required)) } else { FieldCheck.length(caption, field: "caption", max: ReportLimits.caption, into: &issues) }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespaces)
        FieldCheck.length(note, field: "note", max: ReportLimits.note, into: &issues)
        FieldCheck.length(form.components, field: "components", max: ReportLimits.components, into: &issues)
        let kindName = form.kind ?? ""
        if kindName == "table", codes.count > ReportLimits.tableIndicators { issues.append(ValidationIssue("codes", .tooLong(max: ReportLimits.tableIndicators))) }
        if ["map", "ranking", "series", "description"].contains(kindName), codes.count > 1 { issues.append(ValidationIssue("codes", .mismatch)) }
        if kindName == "series", codes.count == 1, ServiceForm.clean(form.unit) == nil { issues.append(ValidationIssue("unit", .required)) }
        let unit = ServiceForm.clean(form.unit)
        if let unit, !units.contains(unit) { issues.append(ValidationIssue("unit", .unknownReference)) }
        var kind: ReportBlockKind?
        let category = ServiceForm.clean(form.category)
        switch form.kind ?? "" {
        case "coverage":
            if let category, categories.contains(category) { kind = .serviceCoverage(categoryCode: category) }
            else { issues.append(ValidationIssue("category", category == nil ? .required : .unknownReference)) }
        case "funding": kind = .fundingOverview
        case "measures": kind = .measureStatus
        case "table": kind = codes.isEmpty || codes.count > ReportLimits.tableIndicators ? nil : .indicatorTable(codes: codes)
        case "map": kind = codes.count == 1 ? .map(code: codes[0]) : nil
        case "ranking": kind = codes.count == 1 ? .ranking(code: codes[0]) : nil
        case "series": kind = codes.count == 1 && unit != nil ? .timeSeries(code: codes[0], unitKey: unit!) : nil
        case "description": kind = codes.count == 1 ? .description(code: codes[0], unitKey: unit) : nil
        case "index":
            var components: [SocialIndexMethod.Component] = []
            var years = 5, statusWeight = 0.5
            for line in (form.components ?? "").split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
                if line.lowercased().hasPrefix("jahre:") { years = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? -1; continue }
                if line.lowercased().hasPrefix("status:") {
                    // The status share in per cent as typed, named as typed when it is none from 0 to 100.
                    let typed = line.dropFirst(7).trimmingCharacters(in: .whitespaces)
                    let percent = FundingEntry.decimal(typed.hasSuffix("%") ? String(typed.dropLast()).trimmingCharacters(in: .whitespaces) : typed)
                    if let percent, (0...100).contains(percent) { statusWeight = percent / 100 } else { issues.append(ValidationIssue("components", .outOfRange(.percent))) }
                    continue
                }
                let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 3, let weight = FundingEntry.decimal(parts[1]) else { issues.append(ValidationIssue("components", .unknownValue(line))); continue }
                if !known.contains(parts[0]) { issues.append(ValidationIssue("components", .unknownValue(parts[0]))) }
                components.append(.init(indicatorCode: parts[0], weight: weight, higherIsWorse: parts[2].lowercased() != "nein"))
            }
            do {
                kind = .socialIndex(try SocialIndexMethod(name: caption, components: components, years: years, statusWeight: statusWeight).validated())
            } catch {
                // The method's name is the caption; its years and status share are typed in the components.
                let fields = ["name": "caption", "years": "components", "statusWeight": "components", "classBounds": "components"]
                for issue in error.issues.map({ ValidationIssue(fields[$0.field] ?? $0.field, $0.problem) }) where !issues.contains(issue) { issues.append(issue) }
            }
        default: issues.append(ValidationIssue("kind", .unknownValue(String((form.kind ?? "").prefix(20)))))
        }
        if kind == nil, issues.isEmpty { issues.append(ValidationIssue("codes", .required)) }
        guard let kind, issues.isEmpty else { return (nil, issues) }
        return (ReportBlock(id: UUID(), kind: kind, caption: caption, note: note), [])
    }

    func addBlock(req: Request) async throws -> Response {
        let form = try req.content.decode(BlockForm.self)
        let sectionID = try FundingData.uuid(req, "section")
        let known = Set(try await req.indicatorStore.indicators().filter(\.isPublished).map(\.code))
        let units = Set(try await req.spatial.allUnits().map(\.key))
        let categories = Set(try await req.serviceStore.standards().map(\.categoryCode))
        let (block, issues) = Self.block(form, known: known, units: units, categories: categories)
        // The form's fields carry the section in their ids, so the problems stand at the fields of this form.
        let suffix = "-" + sectionID.uuidString.lowercased()
        let typed = ["kind": form.kind, "codes": form.codes, "unit": form.unit, "category": form.category, "caption": form.caption, "note": form.note, "components": form.components]
        let values = Dictionary(uniqueKeysWithValues: typed.compactMap { key, value in value.map { (key + suffix, $0) } })
        return try await change(req, values: values) { report in
            guard let (c, s) = Self.locate(report, section: sectionID) else { throw Abort(.notFound) }
            guard let block else { return issues.map { ValidationIssue($0.field + suffix, $0.problem) } }
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
        let report = try await ReportPages.report(req)
        let document = ReportDocument(report: report, snapshot: try await ReportPages.snapshot(req, report: report), geometry: try await ReportPages.geometry(req, on: report.territorialStatus), language: req.language)
        return HTMLResponse(ReportEditionPage.render(document, edition: nil, annex: nil, context: try await req.pageContext()))
    }

    /// Moves a chapter, section or block one place up or down.
    func move(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportPages.ItemForm.self)
        guard let id = form.item.flatMap(UUID.init(uuidString:)) else { throw Refusal(.badRequest, "Der gewählte Baustein ist nicht bekannt. Bitte die Seite neu laden.", "The chosen item is not known. Please reload the page.") }
        guard let offset = ["up": -1, "down": 1][form.direction ?? ""] else { throw Refusal(.badRequest, "Die Richtung muss „nach oben“ oder „nach unten“ sein.", "The direction must be up or down.") }
        var report = try await ReportPages.report(req)
        guard report.blocks.contains(where: { $0.id == id }) || report.chapters.contains(where: { $0.id == id || $0.sections.contains { $0.id == id } }) else {
            throw Abort(.notFound)
        }
        guard report.move(id, by: offset) else { return req.redirect(to: ReportRoute.builder(report.id), notice: .unchanged) }
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .saved)
    }

    /// Deletes a report that has no published edition, after the confirmation.
    func delete(req: Request) async throws -> Response {
        let report = try await ReportPages.report(req)
        guard try req.content.decode(ReportPages.ItemForm.self).confirm == "ja" else {
            return HTMLResponse(try await ReportPages.builderPage(req, report, issues: [ValidationIssue("confirm-delete", .required)])).response(status: .unprocessableEntity)
        }
        do {
            try await req.reportStore.delete(reportID: report.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        } catch ReportStoreError.published {
            throw Refusal(.conflict, "Ein Bericht mit veröffentlichter Ausgabe bleibt erhalten; er kann nicht gelöscht werden.", "A report with a published edition is kept; it cannot be deleted.")
        }
        return req.redirect(to: ReportRoute.manage(), notice: .deleted)
    }

    struct RenameForm: Content {
        var item: String?
        var title: String?
    }

    /// A new title for a chapter or section, or a new caption for a block.
    func rename(req: Request) async throws -> Response {
        let form = try req.content.decode(RenameForm.self)
        guard let id = form.item.flatMap(UUID.init(uuidString:)) else { throw Refusal(.badRequest, "Der gewählte Baustein ist nicht bekannt. Bitte die Seite neu laden.", "The chosen item is not known. Please reload the page.") }
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        let field = "rename-" + id.uuidString.lowercased()
        return try await change(req, values: [field: form.title ?? ""]) { report in
            // A block's caption has its own, shorter limit than a chapter's or section's title.
            let limit = report.blocks.contains { $0.id == id } ? ReportLimits.caption : ReportLimits.chapterTitle
            guard !title.isEmpty, title.count <= limit else { return [ValidationIssue(field, title.isEmpty ? .required : .tooLong(max: limit))] }
            guard report.rename(id, to: title) else { throw Abort(.notFound) }
            return []
        }
    }

    /// Title, reporting date and territorial status; the next edition is built with them, earlier ones keep theirs.
    func saveFacts(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportPages.NewForm.self)
        var report = try await ReportPages.report(req)
        let (title, reporting, status, issues) = Self.facts(form)
        guard let reporting, let status, issues.isEmpty else {
            let values = ["title": form.title ?? "", "reportingDate": form.reportingDate ?? "", "territorialStatus": form.territorialStatus ?? ""]
            return HTMLResponse(try await ReportPages.builderPage(req, report, issues: issues, values: values)).response(status: .unprocessableEntity)
        }
        report.title = title
        report.reportingDate = reporting
        report.territorialStatus = status
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .saved)
    }

    /// Removes a chapter or section with all it holds (after the confirmation) or a block.
    func remove(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportPages.ItemForm.self)
        guard let id = form.item.flatMap(UUID.init(uuidString:)) else { throw Refusal(.badRequest, "Der gewählte Baustein ist nicht bekannt. Bitte die Seite neu laden.", "The chosen item is not known. Please reload the page.") }
        return try await change(req) { report in
            let isBlock = report.blocks.contains { $0.id == id }
            if !isBlock, form.confirm != "ja" { return [ValidationIssue("remove-" + id.uuidString.lowercased(), .required)] }
            guard report.remove(id) != nil else { throw Abort(.notFound) }
            return []
        }
    }

    struct PreviewForm: Content {
        var text: String?
    }

    /// The editor's live preview: the text as the report will show it (safe Markdown, references resolved), as an
    /// HTML fragment. Nothing is saved.
    func textPreview(req: Request) async throws -> Response {
        let report = try await ReportPages.report(req)
        let sectionID = try FundingData.uuid(req, "section")
        guard Self.locate(report, section: sectionID) != nil else { throw Abort(.notFound) }
        let text = try req.content.decode(PreviewForm.self).text ?? ""
        return HTMLResponse(ReportBuilderPage.previewFragment(text, report: report, language: req.language)).response()
    }
}
