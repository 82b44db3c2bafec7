import Fluent
import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var fundingStore: FundingStore { FundingStore(database: db) }
}

extension Application {
    var fundingStore: FundingStore { FundingStore(database: db) }
}

/// Loading and checking what the funding routes share.
enum FundingData {
    static func uuid(_ req: Request, _ name: String) throws -> UUID {
        guard let raw = req.parameters.get(name), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    static func programme(_ req: Request, id: UUID) async throws -> FundingProgramme {
        guard let programme = try await req.fundingStore.one(.programme, id: id, as: FundingProgramme.self)?.value else { throw Abort(.notFound) }
        return programme
    }

    static func programmes(_ req: Request) async throws -> [FundingProgramme] {
        try await req.fundingStore.all(.programme, as: FundingProgramme.self).map(\.value).sorted { $0.name < $1.name }
    }

    static func application(_ req: Request) async throws -> FundingApplication {
        guard let application = try await req.fundingStore.one(.application, id: try uuid(req, "application"), as: FundingApplication.self)?.value else {
            throw Abort(.notFound)
        }
        return application
    }

    /// The application of the route, only under the organisation that made it (another organisation's is not found).
    static func ownApplication(_ req: Request) async throws -> FundingApplication {
        let application = try await application(req)
        guard application.organisationID == (try req.idParameter()) else { throw Abort(.notFound) }
        return application
    }

    static func agreement(_ req: Request) async throws -> GrantAgreement {
        guard let agreement = try await req.fundingStore.one(.agreement, id: try uuid(req, "agreement"), as: GrantAgreement.self)?.value else { throw Abort(.notFound) }
        return agreement
    }

    static func ownAgreement(_ req: Request) async throws -> GrantAgreement {
        let agreement = try await agreement(req)
        guard agreement.organisationID == (try req.idParameter()) else { throw Abort(.notFound) }
        return agreement
    }

    static func organisationNames(_ req: Request) async throws -> [UUID: String] {
        Dictionary(try await req.accounts.organisations().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// Organisations a reviewer may never see: their own, those they declared, and those above or below these.
    static func conflicts(of user: UserAccount, db: any Database) async throws -> Set<UUID> {
        guard user.roles.contains(.reviewer) else { return [] }
        let organisations = try await AccountStore(database: db).organisations()
        let parents = Dictionary(organisations.map { ($0.id, $0.parentID) }, uniquingKeysWith: { a, _ in a })
        let declared = Set(try await FundingStore(database: db).all(.conflict, as: ConflictDeclaration.self).map(\.value).filter { $0.reviewerID == user.id }.map(\.organisationID))
        return Set(organisations.map(\.id).filter {
            ConflictOfInterest.conflicted(reviewerOrganisations: user.organisationIDs, declared: declared, applicant: $0, parentOf: { parents[$0] ?? nil })
        })
    }

    /// The reviews of an application and its weighted score.
    static func reviews(_ req: Request, of application: FundingApplication, programme: FundingProgramme) async throws -> ([ApplicationReview], Double?) {
        let reviews = try await req.fundingStore.all(.review, as: ApplicationReview.self, parentID: application.id).map(\.value)
        return (reviews, Ranking.score(of: reviews, criteria: programme.criteria))
    }

    /// Money as typed, or the issue naming the field.
    static func money(_ text: String?, field: String, required: Bool, into issues: inout [ValidationIssue]) -> Money? {
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            if required { issues.append(ValidationIssue(field, .required)) }
            return required ? nil : .zero
        }
        switch FundingEntry.money(text, field: field) {
        case .success(let value): return value
        case .failure(let issue): issues.append(issue); return nil
        }
    }

    static func categories(_ req: Request) async throws -> [(code: String, name: String)] {
        try await req.serviceStore.categories().map { (code: $0.code, name: req.language == .de ? $0.nameDE : $0.nameEN) }
    }
}

extension FundingData {
    /// An application as its viewer sees it: the applicant, a reviewer (their own review) or a planner (all reviews,
    /// the reviewers to assign, the resolutions and the agreement it led to).
    static func applicationModel(_ req: Request, _ a: FundingApplication, viewer: ApplicationViewer, values: [String: String] = [:], issues: [ValidationIssue] = [],
                          problem: String? = nil) async throws -> ApplicationPage.Model {
        let programme = try await programme(req, id: a.programmeID)
        let names = try await organisationNames(req)
        let services = try await req.serviceStore.services().map(\.service)
        let serviceNames = a.serviceIDs.compactMap { id in services.first { $0.id == id }?.name }
        let attachments = try await req.fundingStore.attachments(of: a)
        let people = Dictionary(try await req.accounts.users().map { ($0.id.uuidString.lowercased(), $0.displayName) }, uniquingKeysWith: { a, _ in a })
        switch viewer {
        case .applicant:
            return ApplicationPage.Model(application: a, programme: programme, organisationName: names[a.organisationID] ?? "–", serviceNames: serviceNames,
                                         attachments: attachments, viewer: viewer, values: values, issues: issues, problem: problem, people: people)
        case .reviewer:
            let user = try await req.requireUser()
            let own = try await req.fundingStore.all(.review, as: ApplicationReview.self, parentID: a.id).map(\.value).filter { $0.reviewerID == user.id }
            return ApplicationPage.Model(application: a, programme: programme, organisationName: names[a.organisationID] ?? "–", serviceNames: serviceNames,
                                         attachments: attachments, viewer: viewer, reviews: own, values: values, issues: issues, problem: problem, people: people)
        case .planner:
            let (reviews, score) = try await reviews(req, of: a, programme: programme)
            var assignable: [(id: UUID, name: String)] = []
            for user in try await req.accounts.users() where user.active && user.roles.contains(.reviewer) && !a.reviewers.contains(where: { $0.userID == user.id }) {
                if !(try await conflicts(of: user, db: req.db)).contains(a.organisationID) { assignable.append((user.id, user.displayName)) }
            }
            let items = try await req.participationStore.all(.agendaItem, as: AgendaItem.self).map(\.value)
            let resolutions = try await req.participationStore.all(.resolution, as: Resolution.self).map(\.value).map { r in
                (id: r.id, title: items.first { $0.id == r.agendaItemID }?.title ?? r.text)
            }
            let agreement = try await req.fundingStore.all(.agreement, as: GrantAgreement.self, organisationID: a.organisationID).first { $0.value.applicationID == a.id }?.id
            return ApplicationPage.Model(application: a, programme: programme, organisationName: names[a.organisationID] ?? "–", serviceNames: serviceNames,
                                         attachments: attachments, viewer: viewer, reviews: reviews, score: score, assignable: assignable.sorted { $0.name < $1.name },
                                         resolutions: resolutions, agreementID: agreement, values: values, issues: issues, problem: problem, people: people)
        }
    }

    /// The figures of the year asked for (`?jahr=`, or `year`), else of the latest year up to today (`ControllingService`).
    /// `publication`: the figures go out to the public (the portal, a report).
    static func model(_ req: Request, year asked: Int? = nil, publication: Bool = false) async throws -> ControllingPage.Model {
        let askedText = asked == nil ? req.query[String.self, at: "jahr"] : nil
        let requested = asked ?? askedText.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let landscape = try await ServiceContext.load(req)
        let names = ControllingService.Names(landscape: landscape, english: req.language != .de, withoutCategory: Texts(req.language)(.withoutCategory))
        var model = try await req.controllingService.overview(requested: requested, today: req.settings.clock.today, now: req.settings.clock.now(), landscape: landscape,
                                               names: names, publication: publication)
        if let askedText, !askedText.isEmpty, requested != model.year { model.unknownYear = askedText }
        return model
    }
    static func rows(_ m: ControllingPage.Model, publicView: Bool = false) -> [[String]] {
        let secret = publicView ? m.hidden : []
        var rows: [[String]] = []
        func add(_ section: String, _ name: String, _ measure: String, _ value: String, hidden: Bool = false) {
            rows.append(publicView ? [section, name, measure, hidden ? "" : value, GermanCSV.yesNo(hidden)] : [section, name, measure, value])
        }
        let planned = "geplant (EUR)", committed = "bewilligt (EUR)", paid = "ausgezahlt (EUR)", proven = "nachgewiesen (EUR)"
        for (i, p) in m.programmes.enumerated() {
            add("Programm", p.name, planned, GermanCSV.euros(p.figures.planned))
            add("Programm", p.name, committed, GermanCSV.euros(p.figures.committed), hidden: secret.contains(.programme(i, .committed)))
            add("Programm", p.name, paid, GermanCSV.euros(p.figures.paid), hidden: secret.contains(.programme(i, .paid)))
            add("Programm", p.name, proven, GermanCSV.euros(p.figures.proven), hidden: secret.contains(.programme(i, .proven)))
        }
        // Published rows by amount, hidden ones after them by name: their place among the others would bound them.
        let categories = m.byCategory.filter { !secret.contains(.category($0.name)) } + m.byCategory.filter { secret.contains(.category($0.name)) }.sorted { $0.name < $1.name }
        for c in categories { add("Themenbereich", c.name, committed, GermanCSV.euros(c.amount), hidden: secret.contains(.category(c.name))) }
        if !publicView { rows += m.byProvider.map { ["Träger", $0.name, committed, GermanCSV.euros($0.amount)] } }
        for u in m.byUnit {
            let hidden = secret.contains(.municipality(u.name))
            add("Gemeinde", u.name, committed, GermanCSV.euros(u.amount), hidden: hidden)
            if let per = u.perInhabitant { add("Gemeinde", u.name, "je Einwohner (EUR)", GermanCSV.euros(per), hidden: hidden) }
        }
        for category in m.need {
            for row in category.rows {
                add("Bedarf", category.category + " / " + row.name, committed, GermanCSV.euros(row.amount), hidden: secret.contains(.need(category: category.category, municipality: row.name)))
                if let ratio = row.ratio { add("Bedarf", category.category + " / " + row.name, "Versorgungsgrad", GermanCSV.number(ratio, decimals: 3)) }
            }
        }
        add("präventiv", "", committed, GermanCSV.euros(m.preventive), hidden: secret.contains(.preventive))
        if !publicView { rows += m.attainment.map { ["Zielerreichung", $0.agreement + " / " + $0.target, "Prozent", GermanCSV.number($0.percent, decimals: 1)] } }
        for t in m.trend {
            add("Jahre", String(t.year), planned, GermanCSV.euros(t.planned))
            add("Jahre", String(t.year), committed, GermanCSV.euros(t.committed), hidden: secret.contains(.year(t.year, .committed)))
            add("Jahre", String(t.year), paid, GermanCSV.euros(t.paid), hidden: secret.contains(.year(t.year, .paid)))
        }
        return rows.map { [String(m.year)] + $0 }
    }
    /// The rows of the CSV. `publicView`: no providers and no targets, and every figure the dominance rule keeps back
    /// (or one that would give it away, like euros per inhabitant) without its value and marked in a `suppressed` column.
    /// The CSV columns: year, section, name, measure, value (and, in public, whether the value is kept back).
    static func header(publicView: Bool) -> [String] {
        ["Jahr", "Bereich", "Name", "Kennzahl", "Wert"] + (publicView ? ["geheim gehalten"] : [])
    }
}
