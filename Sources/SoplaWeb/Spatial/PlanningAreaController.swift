import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Planners keep a municipality's planning areas in the browser: upload boundaries (all or nothing, as
/// `sopla import boundaries --level planning-area --parent KEY`), rename and retire them. Every change is audited.
struct PlanningAreaController: RouteCollection {
    /// A municipality's planning areas are kilobytes; the command line takes larger files.
    static let maxUpload = 20 * 1024 * 1024
    /// Files up to this size come back with a refused form (base64 within the limit of a form's text fields).
    static let keptFileBytes = 150 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let permission = RoutePermission(.manageSpatialUnits)
        routes.on(.GET, PlanningAreaRoute.Pattern.manage, permission, use: manage)
        routes.upload(PlanningAreaRoute.Pattern.manage, permission, limit: UploadLimit(fileBytes: Self.maxUpload), use: upload)
        routes.on(.GET, PlanningAreaRoute.Pattern.edit, permission, use: edit)
        routes.on(.POST, PlanningAreaRoute.Pattern.edit, permission, use: save)
        routes.on(.POST, PlanningAreaRoute.Pattern.retire, permission, use: retire)
    }

    static func service(_ req: Request, writing: Bool = false) async throws -> PlanningAreaService {
        let audit = writing ? AuditContext(actor: try await req.auditActor(), clock: req.settings.clock) : nil
        return PlanningAreaService(repository: FluentSpatialRepository(database: req.db, audit: audit), catalogue: req.settings.levels)
    }

    static func manageModel(_ req: Request, service: PlanningAreaService) async throws -> PlanningAreaManagePage.Model {
        guard let key = req.parameters.get("key"), let (parent, level) = try await service.parent(key: key) else { throw Abort(.notFound) }
        let rows = try await service.areas(parentKey: parent.key)
        var model = PlanningAreaManagePage.Model(parent: parent, rows: rows, validFrom: req.settings.clock.today.iso)
        model.level = level
        return model
    }

    func manage(req: Request) async throws -> HTMLResponse {
        HTMLResponse(PlanningAreaManagePage.render(try await Self.manageModel(req, service: try await Self.service(req)), context: try await req.pageContext(showNotice: true)))
    }

    func upload(req: Request) async throws -> Response {
        let form = try await StreamedUpload.read(req)
        defer { form.file?.remove() }
        let service = try await Self.service(req, writing: true)
        guard let key = req.parameters.get("key"), let (parent, level) = try await service.parent(key: key) else { throw Abort(.notFound) }
        var model = try await Self.manageModel(req, service: service)
        model.keyProperty = FieldCheck.clean(form["keyProperty"]) ?? ""
        model.nameProperty = FieldCheck.clean(form["nameProperty"]) ?? ""
        model.validFrom = FieldCheck.clean(form["validFrom"]) ?? ""
        // A file sent before comes back with the form (small files only), so fixing a field needs no new choice.
        let newFile = form.file.flatMap { $0.fileName.isEmpty && $0.size == 0 ? nil : $0 }
        let kept = newFile == nil ? form["keptFile"].flatMap { Data(base64Encoded: $0) } : nil
        model.fileName = newFile.map { $0.fileName.isEmpty ? "upload.geojson" : $0.fileName } ?? (kept == nil ? nil : FieldCheck.clean(form["keptFileName"]))
        var issues: [ValidationIssue] = []
        if newFile == nil, kept == nil { issues.append(ValidationIssue("file", .required)) } else if newFile?.size == 0 || kept?.isEmpty == true { issues.append(ValidationIssue("file", .emptyFile)) }
        if model.keyProperty.isEmpty { issues.append(ValidationIssue("keyProperty", .required)) }
        if model.nameProperty.isEmpty { issues.append(ValidationIssue("nameProperty", .required)) }
        FieldCheck.length(model.keyProperty, field: "keyProperty", max: 100, into: &issues)
        FieldCheck.length(model.nameProperty, field: "nameProperty", max: 100, into: &issues)
        let validFrom = FormDay.read(model.validFrom, field: "validFrom", into: &issues)
        let data = try kept ?? newFile?.data()
        if let data, data.count <= Self.keptFileBytes { model.keptFile = data.base64EncodedString() }
        guard issues.isEmpty, let data, let validFrom else {
            model.issues = issues
            return HTMLResponse(PlanningAreaManagePage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        do {
            let plan = try await service.upload(parent: parent, level: level, data: data, keyProperty: model.keyProperty, nameProperty: model.nameProperty,
                                                validFrom: validFrom)
            var done = try await Self.manageModel(req, service: service)
            done.notice = Notice(.success, req.language == .de
                ? "Grenzen übernommen: \(plan.creations.count) angelegt, \(plan.newStatuses.count) neuer Gebietsstand, \(plan.updates.count) geändert, \(plan.unchangedKeys.count) unverändert."
                : "Boundaries imported: \(plan.summary).")
            return HTMLResponse(PlanningAreaManagePage.render(done, context: try await req.pageContext())).response(status: .ok)
        } catch let failure as BoundaryImporter.Failure {
            switch failure {
            case .invalid(let importFailure): model.importIssues = importFailure.issues
            case .format(let error): model.formatError = (req.language == .de ? "Die Datei ist keine lesbare GeoJSON-FeatureCollection: " : "The file is no readable GeoJSON FeatureCollection: ") + error.description
            default: model.formatError = failure.description
            }
            return HTMLResponse(PlanningAreaManagePage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
    }

    static func editModel(_ req: Request, service: PlanningAreaService) async throws -> PlanningAreaEditPage.Model {
        guard let key = req.parameters.get("key"), let area = try await service.area(key: key) else { throw Abort(.notFound) }
        let parent = try await area.unit.parentKey.asyncMap { try await service.repository.unit(key: $0) } ?? nil
        return PlanningAreaEditPage.Model(unit: area.unit, parent: parent, currentFrom: area.currentFrom, retiredFrom: area.retiredFrom)
    }

    func edit(req: Request) async throws -> HTMLResponse {
        HTMLResponse(PlanningAreaEditPage.render(try await Self.editModel(req, service: try await Self.service(req)), context: try await req.pageContext(showNotice: true)))
    }

    struct RenameForm: Content {
        var name: String?
        var kind: String?
    }

    func save(req: Request) async throws -> Response {
        let service = try await Self.service(req, writing: true)
        var model = try await Self.editModel(req, service: service)
        let input = try req.content.decode(RenameForm.self)
        let name = FieldCheck.clean(input.name), kind = FieldCheck.clean(input.kind)
        var issues: [ValidationIssue] = []
        if name == nil { issues.append(ValidationIssue("name", .required)) }
        FieldCheck.length(name, field: "name", max: 200, into: &issues)
        FieldCheck.length(kind, field: "kind", max: 60, into: &issues)
        guard issues.isEmpty, let name else {
            model.name = input.name
            model.kind = input.kind
            model.issues = issues
            return HTMLResponse(PlanningAreaEditPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        try await service.rename(model.unit, name: name, kind: kind)
        return req.redirect(to: PlanningAreaRoute.Pattern.edit(model.unit.key), notice: .saved)
    }

    struct RetireForm: Content {
        var retireOn: String?
        var confirm: String?
    }

    func retire(req: Request) async throws -> Response {
        let service = try await Self.service(req, writing: true)
        var model = try await Self.editModel(req, service: service)
        let input = try req.content.decode(RetireForm.self)
        let raw = FieldCheck.clean(input.retireOn) ?? ""
        var issues: [ValidationIssue] = []
        let day = FormDay.read(raw, field: "retireOn", into: &issues)
        if let day, let from = model.currentFrom, day <= from { issues.append(ValidationIssue("retireOn", .endBeforeStart)) }
        if input.confirm != "ja" { issues.append(ValidationIssue("confirm", .required)) }
        if model.currentFrom == nil { throw Refusal(.conflict, "Dieser Planungsraum ist schon aufgehoben.", "This planning area is retired already.") }
        guard issues.isEmpty, let day else {
            model.retireOn = input.retireOn
            model.retireIssues = issues
            return HTMLResponse(PlanningAreaEditPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        guard try await service.retire(model.unit, from: day) else {
            throw Refusal(.conflict, "Dieser Planungsraum hat keine geltende Grenze vor diesem Tag.", "This planning area has no current boundary before that day.")
        }
        return req.redirect(to: PlanningAreaRoute.Pattern.edit(model.unit.key), notice: .deactivated)
    }
}
