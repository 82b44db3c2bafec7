import Foundation
import SoplaCore
import SoplaRender
import Vapor

/// Planners create planning areas below a municipality by hand (the same rules as `sopla unit create`).
struct ChildUnitController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, SiteRoute.Pattern.newChildUnit, RoutePermission(.manageSpatialUnits), use: form)
        routes.on(.POST, SiteRoute.Pattern.childUnits, RoutePermission(.manageSpatialUnits), use: create)
    }

    static func parent(_ req: Request) async throws -> (SpatialUnit, SpatialLevel) {
        guard let key = req.parameters.get("key"), let parent = try await req.spatial.unit(key: key) else { throw Abort(.notFound) }
        guard let level = req.settings.levels.localChildLevel(of: parent.levelCode) else {
            throw APIError(.conflict, code: "no_local_level", message: "units of this level have no sub-units with local codes")
        }
        return (parent, level)
    }

    func form(req: Request) async throws -> HTMLResponse {
        let (parent, level) = try await Self.parent(req)
        return HTMLResponse(ChildUnitFormPage.render(ChildUnitFormPage.Model(parent: parent, level: level), context: try await req.pageContext()))
    }

    struct ChildUnitForm: Content {
        var localCode: String?
        var name: String?
        var kind: String?
    }

    func create(req: Request) async throws -> Response {
        let (parent, level) = try await Self.parent(req)
        let input = try req.content.decode(ChildUnitForm.self)
        let code = FieldCheck.clean(input.localCode) ?? ""
        let name = FieldCheck.clean(input.name)
        var issues: [ValidationIssue] = []
        if code.isEmpty {
            issues.append(ValidationIssue("localCode", .required))
        } else if code.count > 12 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            issues.append(ValidationIssue("localCode", .unknownValue(String(code.prefix(20)))))
        }
        if name == nil { issues.append(ValidationIssue("name", .required)) }
        FieldCheck.length(name, field: "name", max: 200, into: &issues)
        FieldCheck.length(FieldCheck.clean(input.kind), field: "kind", max: 60, into: &issues)
        let existing = Dictionary(uniqueKeysWithValues: try await req.spatial.allUnits().map { ($0.key, $0) })
        let key = parent.key + "-" + code
        if issues.isEmpty, existing[key] != nil { issues.append(ValidationIssue("localCode", .duplicate)) }
        var unit: SpatialUnit?
        if issues.isEmpty, let name {
            do {
                unit = try SpatialUnitDraft(key: key, name: name, kind: FieldCheck.clean(input.kind), levelCode: level.code, parentKey: parent.key)
                    .validated(catalogue: req.settings.levels, existing: { existing[$0] })
            } catch {
                issues.append(ValidationIssue("localCode", .unknownValue(code)))
            }
        }
        guard let unit, issues.isEmpty else {
            let model = ChildUnitFormPage.Model(parent: parent, level: level, localCode: input.localCode, name: input.name, kind: input.kind, issues: issues)
            let status: HTTPResponseStatus = issues.contains { $0.problem == .duplicate } ? .conflict : .unprocessableEntity
            return HTMLResponse(ChildUnitFormPage.render(model, context: try await req.pageContext())).response(status: status)
        }
        try await req.application.spatialWriter(try await req.auditActor()).create(unit)
        return req.redirect(to: SiteRoute.unit(key: unit.key).path, notice: .created)
    }
}
