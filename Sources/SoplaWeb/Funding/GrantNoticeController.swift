import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Grant notices: the sender's settings, the draft of the next notice, issuing it (numbered, dated, kept unchanged
/// with the agreement as page and PDF) and reading issued notices, for the county and the addressed provider.
struct GrantNoticeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = FundingRoute.self
        let manage = RoutePermission(.manageFunding)
        routes.on(.GET, p.noticeSettings, manage, use: settings)
        routes.on(.POST, p.noticeSettings, manage, use: saveSettings)
        routes.on(.GET, p.grantNotice, manage, use: draft)
        routes.on(.POST, p.grantNotice, manage, use: issue)
        routes.on(.GET, p.issuedNotice, manage, use: show)
        routes.on(.GET, p.issuedNoticePDF, manage, use: pdf)
        let apply = RoutePermission(.applyForFunding, scope: .organisationParameter)
        routes.on(.GET, p.ownIssuedNotice, apply, use: showOwn)
        routes.on(.GET, p.ownIssuedNoticePDF, apply, use: pdfOwn)
    }

    // MARK: Sender

    func settings(req: Request) async throws -> HTMLResponse {
        let stored = try await req.fundingStore.noticeSettings() ?? NoticeSettings()
        return HTMLResponse(NoticeSettingsPage.render(values: stored.fields, issues: [], context: try await req.pageContext(showNotice: true)))
    }

    struct SettingsForm: Content {
        var authority, department, street, postcode, city, contact, phone, email: String?
        var fileNumberPrefix, signatory, signatoryRole, generalConditions, legalRemedy: String?

        var values: [String: String] {
            ["authority": authority, "department": department, "street": street, "postcode": postcode, "city": city, "contact": contact,
             "phone": phone, "email": email, "fileNumberPrefix": fileNumberPrefix, "signatory": signatory, "signatoryRole": signatoryRole,
             "generalConditions": generalConditions, "legalRemedy": legalRemedy].mapValues { $0 ?? "" }
        }
    }

    func saveSettings(req: Request) async throws -> Response {
        let (form, unreadable) = try req.formKeepingInput(SettingsForm.self)
        let values = form.values
        do {
            guard unreadable.isEmpty else { throw ValidationFailure(unreadable) }
            let settings = try NoticeSettings.validated(values)
            let before = try await req.fundingStore.noticeSettings()
            guard before != settings else { return req.redirect(to: FundingRoute.noticeSettings(), notice: .unchanged) }
            try await req.fundingStore.saveNoticeSettings(settings, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: FundingRoute.noticeSettings(), notice: .saved)
        } catch let failure as ValidationFailure {
            let page = NoticeSettingsPage.render(values: values, issues: failure.issues, context: try await req.pageContext())
            return try await HTMLResponse(page).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    // MARK: Draft and issue

    /// The notice as it would be issued today, as number `notices.count + 1`.
    static func document(_ req: Request, _ a: GrantAgreement, settings: NoticeSettings, notices: [IssuedNotice]) async throws -> GrantNoticeDocument.Model {
        let programme = try await FundingData.programme(req, id: a.programmeID)
        let organisation = try await req.accounts.organisation(id: a.organisationID)
        var resolution: String?
        var title: String?
        if let applicationID = a.applicationID, let application = try await req.fundingStore.one(.application, id: applicationID, as: FundingApplication.self)?.value {
            title = application.title
            if let id = application.resolutionID, let r = try await req.participationStore.one(.resolution, id: id, as: Resolution.self)?.value {
                resolution = r.text
            }
        }
        let services = try await req.serviceStore.services().map(\.service)
        let codes = Set(a.targets.compactMap(\.indicatorCode))
        var indicatorNames: [String: String] = [:]
        if !codes.isEmpty {
            for indicator in try await req.indicatorStore.indicators() where codes.contains(indicator.code) {
                indicatorNames[indicator.code] = req.language == .de ? indicator.nameDE : indicator.nameEN
            }
        }
        return GrantNoticeDocument.Model(
            agreement: a, programme: programme, organisation: organisation, organisationName: organisation?.name ?? "–", applicationTitle: title,
            serviceNames: a.serviceIDs.compactMap { id in services.first { $0.id == id }?.name }, indicatorNames: indicatorNames,
            resolution: resolution, settings: settings, day: req.settings.clock.today, number: notices.count + 1,
            amends: notices.last?.issuedOn)
    }

    func draft(req: Request) async throws -> HTMLResponse {
        let a = try await FundingData.agreement(req)
        let store = req.fundingStore
        let settings = try await store.noticeSettings()
        let notices = try await store.notices(agreementID: a.id)
        let modified = try await store.one(.agreement, id: a.id, as: GrantAgreement.self)?.modifiedAt ?? .distantPast
        let model = GrantNoticePage.Model(
            document: try await Self.document(req, a, settings: settings ?? NoticeSettings(), notices: notices), notices: notices,
            missing: (settings ?? NoticeSettings()).missingForIssue, outdated: IssuedNotice.isOutdated(notices, agreementModifiedAt: modified))
        return HTMLResponse(GrantNoticePage.render(model, context: try await req.pageContext(showNotice: true)))
    }

    struct IssueForm: Content {
        var number: String?
    }

    /// Issues the next notice. The form names the number it was shown for, so a second click (or a colleague who
    /// issued first) issues nothing twice.
    func issue(req: Request) async throws -> Response {
        let a = try await FundingData.agreement(req)
        let store = req.fundingStore
        guard let settings = try await store.noticeSettings(), settings.missingForIssue.isEmpty else {
            throw Refusal(.conflict, "Die Absenderangaben der Bescheide sind unvollständig; bitte zuerst ergänzen.", "The sender of grant notices is incomplete; please complete it first.")
        }
        let notices = try await store.notices(agreementID: a.id)
        let model = try await Self.document(req, a, settings: settings, notices: notices)
        let shown = Int((try? req.content.decode(IssueForm.self))?.number ?? "")
        guard let shown, shown == model.number else {
            // A second click on a notice issued meanwhile (by the first click or a colleague) leads to that notice.
            if let shown, notices.contains(where: { $0.number == shown }) {
                return req.redirect(to: FundingRoute.issuedNotice(a.id, shown), notice: .issued)
            }
            return req.redirect(to: FundingRoute.grantNotice(a.id) + "#bescheide", notice: .unchanged)
        }
        let body = GrantNoticeDocument.body(model, language: .de).map { $0.render() }.joined()
        let actor = try await req.auditActor()
        let notice = IssuedNotice(id: UUID(), agreementID: a.id, organisationID: a.organisationID, number: model.number,
                                  fileNumber: settings.fileNumber(reference: a.reference), issuedOn: model.day, issuedAt: req.settings.clock.now(),
                                  issuedBy: actor.label, total: a.total, hasPDF: false)
        // The PDF is made now where it can be; else on its first download, from the same stored document.
        let renderer = req.pdfDocuments
        var pdf: Data?
        if renderer.renderer.isAvailable {
            pdf = try? await renderer.data(nil, name: "bescheid", logger: req.logger) { Self.printable(notice, body: body) }
        }
        do {
            try await store.issueNotice(notice, body: body, pdf: pdf, label: GrantNoticeDocument.title(model, Texts(.de)), actor: actor)
        } catch FundingStoreError.changedMeanwhile {
            return req.redirect(to: FundingRoute.issuedNotice(a.id, notice.number), notice: .issued)
        }
        try await Notifier(req: req).noticeIssued(notice, agreement: a)
        return req.redirect(to: FundingRoute.issuedNotice(a.id, notice.number), notice: .issued)
    }

    // MARK: Reading issued notices

    static func stored(_ req: Request, _ a: GrantAgreement) async throws -> NoticeDocument {
        guard let number = req.parameters.get("number").flatMap(Int.init),
              let document = try await req.fundingStore.noticeDocument(agreementID: a.id, number: number) else { throw Abort(.notFound) }
        return document
    }

    func show(req: Request) async throws -> HTMLResponse {
        let a = try await FundingData.agreement(req)
        let d = try await Self.stored(req, a)
        let t = Texts(req.language)
        return HTMLResponse(IssuedNoticePage.render(notice: d.notice, body: d.body, back: (FundingRoute.grantNotice(a.id), t(.grantNoticeTitle) + " " + a.reference),
                                                    pdf: FundingRoute.issuedNoticePDF(a.id, d.notice.number), context: try await req.pageContext(showNotice: true)))
    }

    func showOwn(req: Request) async throws -> HTMLResponse {
        let a = try await FundingData.ownAgreement(req)
        let d = try await Self.stored(req, a)
        let t = Texts(req.language)
        return HTMLResponse(IssuedNoticePage.render(notice: d.notice, body: d.body, back: (FundingRoute.ownAgreement(a.organisationID, a.id), t(.agreementTitle) + " " + a.reference),
                                                    pdf: FundingRoute.ownIssuedNoticePDF(a.organisationID, a.id, d.notice.number), context: try await req.pageContext()))
    }

    func pdf(req: Request) async throws -> Response {
        try await Self.pdfResponse(req, try await FundingData.agreement(req))
    }

    func pdfOwn(req: Request) async throws -> Response {
        try await Self.pdfResponse(req, try await FundingData.ownAgreement(req))
    }

    /// The stored PDF; made from the stored document (and then kept) where the notice was issued without one.
    static func pdfResponse(_ req: Request, _ a: GrantAgreement) async throws -> Response {
        let d = try await stored(req, a)
        let filename = "bescheid-\(a.reference)-\(d.notice.number).pdf".replacingOccurrences(of: "/", with: "-")
        if let pdf = d.pdf { return PDFDocuments.download(pdf, filename: filename) }
        let made = try await req.pdfDocuments.data(nil, name: filename, logger: req.logger) { Self.printable(d.notice, body: d.body) }
        try await req.fundingStore.storeNoticePDF(id: d.notice.id, pdf: made)
        return PDFDocuments.download(made, filename: filename)
    }

    /// The stored letter as the printable document its PDF is made from (German, as issued).
    static func printable(_ notice: IssuedNotice, body: String) -> String {
        IssuedNoticePage.printable(notice: notice, body: body, language: .de, css: StaticAssets.assets["sopla.css"]?.body ?? "")
    }
}

extension Notifier {
    /// A grant notice issued: to the provider's users.
    func noticeIssued(_ notice: IssuedNotice, agreement a: GrantAgreement) async throws {
        let what = notice.number > 1 ? "Änderungsbescheid" : "Zuwendungsbescheid"
        try await service.notifyUsers(of: a.organisationID, subject: "\(what) erlassen: " + a.reference,
                                      body: "Der \(what) vom \(Format.day(notice.issuedOn, .de)) (Aktenzeichen \(notice.fileNumber)) über \(Format.money(notice.total, .de)) ist erlassen. Er liegt bei der Vereinbarung als Seite und PDF.",
                                      link: FundingRoute.ownIssuedNotice(a.organisationID, a.id, notice.number))
    }
}
