import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import Vapor

/// The public pages of the social report: catalogue, indicator pages, variables, CSV downloads.
struct IndicatorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, SiteRoute.Pattern.indicators, read, use: list)
        routes.on(.GET, SiteRoute.Pattern.indicatorsCSV, read, use: listCSV)
        routes.on(.GET, SiteRoute.Pattern.indicator, read, use: detail)
        routes.on(.GET, SiteRoute.Pattern.indicatorValuesCSV, read, use: valuesCSV)
        routes.on(.GET, SiteRoute.Pattern.variables, read, use: variables)
        routes.on(.GET, SiteRoute.Pattern.variablesCSV, read, use: variablesCSV)
    }

    static func listParameters(_ req: Request) -> IndicatorListParameters {
        let search = (try? req.query.get(String.self, at: "q")).map { String($0.prefix(100)).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let topic = (try? req.query.get(String.self, at: "thema")).flatMap(IndicatorTopic.init(rawValue:))
        return IndicatorListParameters(search: search, topic: topic)
    }

    /// The published indicators (or the given ones) with their latest reference date: what the public catalogue and its CSV show.
    static func entries(_ req: Request, of indicators: [Indicator]? = nil) async throws -> [IndicatorListPage.Entry] {
        let store = req.indicatorStore
        let chosen: [Indicator]
        if let indicators { chosen = indicators } else { chosen = try await store.indicators().filter(\.isPublished) }
        var entries: [IndicatorListPage.Entry] = []
        let selection = try await IndicatorViews.selection(req)
        for indicator in chosen {
            let dates = try await store.dates(variables: Set(indicator.numerator.map(\.variable)), selection: selection)
            entries.append(IndicatorListPage.Entry(indicator: indicator, latestDate: dates.last))
        }
        return entries
    }

    func list(req: Request) async throws -> HTMLResponse {
        let parameters = Self.listParameters(req)
        let indicators = try await req.indicatorStore.indicators()
        let all = try await Self.entries(req, of: indicators.filter(\.isPublished))
        let mayManage = try await req.may(.manageIndicators)
        let model = IndicatorListPage.Model(entries: IndicatorListPage.filter(all, parameters), parameters: parameters, totalCount: all.count,
                                            mayManage: mayManage, mayImport: try await req.may(.importData), notice: req.notice,
                                            unpublished: mayManage ? indicators.filter { !$0.isPublished } : [])
        return HTMLResponse(IndicatorListPage.render(model, context: try await req.pageContext()))
    }

    func listCSV(req: Request) async throws -> Response {
        let entries = try await Self.entries(req)
        let text = CSV.write(header: ["Code", "Name", "Name (englisch)", "Thema", "Zähler", "Nenner", "Faktor", "Polarität", "Nachkommastellen", "letzter Stichtag", "Definition"],
                             rows: entries.map { e in
                                 let i = e.indicator
                                 return [i.code, i.nameDE, i.nameEN, IndicatorNames.topic(i.topic, .de), IndicatorTerm.text(i.numerator), IndicatorTerm.text(i.denominator),
                                         GermanCSV.number(i.factor), IndicatorNames.polarity(i.polarity, .de), GermanCSV.integer(i.decimals), GermanCSV.day(e.latestDate),
                                         i.definitionDE]
                             })
        return CSVDownload.response(text, filename: "indikatoren.csv")
    }





    func detail(req: Request) async throws -> HTMLResponse {
        try await IndicatorViews.page(req)
    }


    /// The values of a level on a date as CSV: public figures, or raw ones (marked) for those allowed.
    func valuesCSV(req: Request) async throws -> Response {
        let data = try await IndicatorViews.data(req)
        let levels = data.levels(req.settings.levels, language: req.language)
        let view = IndicatorViews.effectiveView(IndicatorViews.viewParameters(req), data: data, levels: levels)
        let raw = try await req.may(.viewUnsuppressedFigures) && !view.publicView
        var rows: [(Day, IndicatorRow)] = []
        // Raw files say which values are not released yet (as the page marks them): not to be passed on.
        var unreleased: [Day: Set<String>] = [:]
        if let level = view.level {
            for date in view.allDates ? data.dates : (view.date.map { [$0] } ?? []) {
                let result = data.rows(level: level, date: date, raw: raw, compare: view.compare)
                rows += (result.rows + (result.parent.map { [$0] } ?? [])).map { (date, $0) }
                if raw { unreleased[date] = data.observations.unreleasedUnits(variables: data.indicator.variables, date: date, hierarchy: data.hierarchy) }
            }
        }
        let text = CSV.write(header: IndicatorViews.valuesHeader(level: false, publication: true), rows: rows.map { date, row in
            [row.unitKey, data.unitsByKey[row.unitKey]?.name ?? "", GermanCSV.day(date),
             GermanCSV.number(row.value, decimals: data.indicator.decimals),
             GermanCSV.number(row.numerator), GermanCSV.number(row.denominator),
             // Why a value is hidden (primary, secondary) is for the raw view only; public files say only whether it is.
             raw ? row.suppression.map(Self.suppressionText) ?? "nein" : GermanCSV.yesNo(row.suppression != nil), IndicatorNames.gap(row.gap, .de) ?? "",
             IndicatorNames.statuses(row.flags, .de),
             raw ? (unreleased[date]?.contains(row.unitKey) == true ? "nicht freigegeben, nicht zur Veröffentlichung" : "nicht zur Veröffentlichung") : "öffentlich"]
        })
        return CSVDownload.response(text, filename: "\(data.indicator.code)-\(view.allDates ? "zeitreihe" : view.date?.iso ?? "").csv")
    }


    /// Why a value is hidden, in the raw file: `ja (primär)` for a count below the minimum, `ja (sekundär)` for one hidden to protect it.
    static func suppressionText(_ reason: SuppressionReason) -> String {
        switch reason {
        case .primary: return "ja (primär)"
        case .secondary: return "ja (sekundär)"
        }
    }

    func variables(req: Request) async throws -> HTMLResponse {
        let store = req.indicatorStore
        let mayManage = try await req.may(.manageIndicators)
        // Planners see drafts and archived variables too, marked.
        let variables = try await store.variables().filter { mayManage || $0.isPublished }
        var dates: [String: [Day]] = [:]
        let selection = try await IndicatorViews.selection(req)
        for variable in variables { dates[variable.code] = try await store.dates(variables: [variable.code], selection: selection) }
        let model = VariableListPage.Model(variables: variables, dates: dates, mayManage: mayManage, notice: req.notice)
        return HTMLResponse(VariableListPage.render(model, context: try await req.pageContext()))
    }

    func variablesCSV(req: Request) async throws -> Response {
        let variables = try await req.indicatorStore.variables().filter(\.isPublished)
        let text = CSV.write(header: ["Code", "Name", "Name (englisch)", "Einheit", "Quelle", "Tabelle", "Lizenz", "Fallzahl", "Mindestfallzahl"], rows: variables.map {
            [$0.code, $0.nameDE, $0.nameEN, $0.unit, $0.source, $0.tableCode ?? "", $0.licence, GermanCSV.yesNo($0.isCount), $0.isCount ? GermanCSV.integer($0.effectiveMinimum) : ""]
        })
        return CSVDownload.response(text, filename: "merkmale.csv")
    }
}
