import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Social controlling of a year: the money of every programme from plan to proof, where it goes (category,
/// provider, municipality per inhabitant), the preventive share, target attainment and the years compared.
struct ControllingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageFunding)
        routes.on(.GET, FundingRoute.Pattern.controlling, manage, use: page)
        routes.on(.GET, FundingRoute.Pattern.controllingCSV, manage, use: csv)
    }

    /// The figures of the year asked for (`?jahr=`, or `year`), else of the latest year up to today (`ControllingService`).
    /// `publication`: the figures go out to the public (the portal, a report).
    static func model(_ req: Request, year asked: Int? = nil, publication: Bool = false) async throws -> ControllingPage.Model {
        let askedText = asked == nil ? req.query[String.self, at: "jahr"] : nil
        let requested = asked ?? askedText.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let landscape = try await ServiceContext.load(req)
        let names = ControllingService.Names(categories: Dictionary(landscape.categories.map { ($0.code, req.language == .de ? $0.nameDE : $0.nameEN) }, uniquingKeysWith: { a, _ in a }),
                                             withoutCategory: Texts(req.language)(.withoutCategory))
        let service = ControllingService(funding: req.fundingStore, coverage: CoverageService(services: req.serviceStore, indicators: req.indicatorStore))
        var model = try await service.overview(requested: requested, today: req.settings.clock.today, now: req.settings.clock.now(), landscape: landscape,
                                               names: names, publication: publication)
        if let askedText, !askedText.isEmpty, requested != model.year { model.unknownYear = askedText }
        return model
    }

    func page(req: Request) async throws -> HTMLResponse {
        HTMLResponse(ControllingPage.render(try await Self.model(req), context: try await req.pageContext()))
    }

    /// Every figure of the page in one long table: year, section, name, measure, value.
    func csv(req: Request) async throws -> Response {
        let m = try await Self.model(req)
        return CSVDownload.response(CSV.write(header: Self.header(publicView: false), rows: Self.rows(m)), filename: "controlling-\(m.year).csv")
    }

    /// The rows of the CSV. `publicView`: no providers and no targets, and every figure the dominance rule keeps back
    /// (or one that would give it away, like euros per inhabitant) without its value and marked in a `suppressed` column.
    /// The CSV columns: year, section, name, measure, value (and, in public, whether the value is kept back).
    static func header(publicView: Bool) -> [String] {
        ["Jahr", "Bereich", "Name", "Kennzahl", "Wert"] + (publicView ? ["geheim gehalten"] : [])
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
}
