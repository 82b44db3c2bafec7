import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Editions of a report: built from a frozen snapshot, put out for comment, published; a report's social index
/// kept in the indicator catalogue (`ReportEditionService`).
struct ReportEditionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = ReportRoute.self
        let manage = RoutePermission(.manageReports)
        routes.on(.POST, p.editions, manage, use: buildEdition)
        routes.on(.POST, p.publish, manage, use: publish)
        routes.on(.POST, p.review, manage, use: review)
        routes.on(.POST, p.adoptIndex, manage, use: adoptIndex)
    }

    /// A new edition from the current data; refused while a block refers to a deleted indicator.
    func buildEdition(req: Request) async throws -> Response {
        let report = try await ReportPages.report(req)
        let clock = req.settings.clock
        switch try await req.reportEditions().build(report, builtBy: try await req.requireUser().id, actor: try await req.auditActor(), now: clock.now(), today: clock.today) {
        case .refused:
            // What must be mended is listed as the report's problems; the message stands at the button.
            return HTMLResponse(try await ReportPages.builderPage(req, report, issues: [ValidationIssue("build", .inconsistent)])).response(status: .unprocessableEntity)
        case .built(let edition):
            return req.redirect(to: ReportRoute.edition(report.id, edition.number), notice: .created)
        }
    }

    /// Puts a draft edition out for comment: a (non-public) paper of the chosen body with the report's text and,
    /// where the PDF can be made, the whole draft as its attachment; the consultation itself is opened on the paper.
    func review(req: Request) async throws -> Response {
        guard try await req.may(.manageParticipation) else { throw Abort(.forbidden) }
        let edition = try await ReportPages.edition(req)
        guard edition.publishedAt == nil else { throw Refusal(.conflict, "Eine veröffentlichte Ausgabe bleibt, wie sie ist. Für eine Stellungnahme bitte eine neue Ausgabe erstellen.", "A published edition stays as it is. Build a new edition for comment.") }
        if let existing = edition.reviewPaperID { return req.redirect(to: ParticipationRoute.paper(existing), notice: .unchanged) }
        let chosen = try req.content.decode(ReportPages.ItemForm.self).body.flatMap(UUID.init(uuidString:))
        guard let id = chosen, let body = try await req.participationStore.one(.body, id: id, as: Body.self)?.value else {
            return HTMLResponse(try await ReportPages.builderPage(req, try await ReportPages.report(req), issues: [ValidationIssue("body-\(edition.number)", .required)]))
                .response(status: .unprocessableEntity)
        }
        let service = try await req.reportEditions()
        let reference = try await service.reviewReference(for: edition)
        // Without WeasyPrint the paper carries the text alone and says so.
        let documents = req.pdfDocuments
        var pdf: Data?
        if documents.renderer.isAvailable {
            pdf = try await documents.data(nil, name: reference, logger: req.logger) { [edition] in try await ReportPages.printHTML(req, edition, language: .de) }
        }
        let clock = req.settings.clock
        let paperID = try await service.putOutForComment(edition, body: body, reference: reference, pdf: pdf, actor: try await req.auditActor(),
                                                         now: clock.now(), today: clock.today)
        return req.redirect(to: ParticipationRoute.paper(paperID), notice: .created)
    }

    /// Keeps the social index of a block in the indicator catalogue (`ReportEditionService.adoptIndex`).
    func adoptIndex(req: Request) async throws -> Response {
        let report = try await ReportPages.report(req)
        let blockID = try FundingData.uuid(req, "block")
        guard let block = report.blocks.first(where: { $0.id == blockID }), case .socialIndex(let method) = block.kind else { throw Abort(.notFound) }
        let clock = req.settings.clock
        guard let code = try await req.reportEditions().adoptIndex(method, block: block, of: report, actor: try await req.auditActor(), now: clock.now(), today: clock.today) else {
            return HTMLResponse(try await ReportPages.builderPage(req, report, issues: [ValidationIssue("adopt-" + blockID.uuidString.lowercased(), .unknownValue(method.name))]))
                .response(status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.indicator(code: code).path, notice: .saved)
    }

    func publish(req: Request) async throws -> Response {
        let edition = try await ReportPages.edition(req)
        guard try req.content.decode(ReportPages.ItemForm.self).confirm == "ja" else {
            return HTMLResponse(try await ReportPages.builderPage(req, try await ReportPages.report(req), issues: [ValidationIssue("confirm-\(edition.number)", .required)]))
                .response(status: .unprocessableEntity)
        }
        switch try await req.reportEditions().publish(edition, actor: try await req.auditActor(), now: req.settings.clock.now()) {
        case .outdated:
            return HTMLResponse(try await ReportPages.builderPage(req, try await ReportPages.report(req), issues: [ValidationIssue("confirm-\(edition.number)", .outdatedEdition)])).response(status: .conflict)
        case .alreadyPublished:
            return req.redirect(to: ReportRoute.edition(edition.reportID, edition.number), notice: .unchanged)
        case .published:
            return req.redirect(to: ReportRoute.edition(edition.reportID, edition.number), notice: .saved)
        }
    }
}
