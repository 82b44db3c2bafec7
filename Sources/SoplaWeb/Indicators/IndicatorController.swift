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
        let selection = try await Self.selection(req)
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

    static func viewParameters(_ req: Request) -> IndicatorViewParameters {
        IndicatorViewParameters(
            date: (try? req.query.get(String.self, at: "stichtag")).flatMap(Day.init(iso:)),
            level: try? req.query.get(String.self, at: "ebene"),
            method: (try? req.query.get(String.self, at: "klassifikation")).flatMap(ClassificationMethod.init(rawValue:)),
            classes: (try? req.query.get(String.self, at: "klassen")).flatMap(Int.init).map { min(max($0, 3), 7) },
            unit: try? req.query.get(String.self, at: "gebiet"),
            publicView: (try? req.query.get(String.self, at: "ansicht")) == "oeffentlich",
            compare: (try? req.query.get(String.self, at: "vergleich")).flatMap(Day.init(iso:)),
            allDates: (try? req.query.get(String.self, at: "zeitreihe")) == "alle")
    }

    /// The indicator's data: current values (unreleased ones marked) for those who may see raw figures and do not
    /// ask for the public view, else the released ones.
    static func data(_ req: Request) async throws -> IndicatorData {
        let selection = try await Self.selection(req, publicView: Self.viewParameters(req).publicView)
        guard let code = req.parameters.get("code"),
              let data = try await IndicatorData.load(code: code, store: req.indicatorStore, spatial: req.spatial, ledger: req.disclosureLedger,
                                                      selection: selection) else { throw Abort(.notFound) }
        // Drafts and archived indicators exist only for planners.
        if !data.indicator.isPublished, !(try await req.may(.manageIndicators)) { throw Abort(.notFound) }
        return data
    }

    /// Which values a request reads: current ones only for those who may see raw figures, and not in the public view.
    static func selection(_ req: Request, publicView: Bool = false) async throws -> ObservationSelection {
        try await req.may(.viewUnsuppressedFigures) && !publicView ? .current : .released
    }

    /// The effective view: an unknown date, level or unit falls back to the latest date, the municipalities, the parent.
    static func effectiveView(_ requested: IndicatorViewParameters, data: IndicatorData, levels: [(code: String, name: String)]) -> IndicatorViewParameters {
        var view = requested
        if let date = view.date, !data.dates.contains(date) { view.date = nil }
        view.date = view.date ?? data.dates.last
        if let level = view.level, !levels.contains(where: { $0.code == level }) { view.level = nil }
        let preferred = levels.first { $0.code == SpatialLevel.municipality.code }?.code ?? levels.last?.code
        view.level = view.level ?? preferred
        view.method = view.method ?? .quantiles
        view.classes = view.classes ?? 5
        if let unit = view.unit, data.unitsByKey[unit] == nil { view.unit = nil }
        if let compare = view.compare, !(data.dates.contains(compare) && compare < (view.date ?? compare)) { view.compare = nil }
        if view.unit == nil, let level = view.level {
            view.unit = data.commonParent(of: data.units(onLevel: level)) ?? data.units(onLevel: level).first?.key
        }
        return view
    }

    func detail(req: Request) async throws -> HTMLResponse {
        try await Self.page(req)
    }

    static func page(_ req: Request, referenceIssues: [ValidationIssue] = []) async throws -> HTMLResponse {
        let data = try await Self.data(req)
        let language = req.language
        let levels = data.levels(req.settings.levels, language: language)
        let view = Self.effectiveView(Self.viewParameters(req), data: data, levels: levels)
        let mayViewRaw = try await req.may(.viewUnsuppressedFigures)
        let raw = mayViewRaw && !view.publicView
        let mayManage = try await req.may(.manageIndicators)
        let names = Dictionary(uniqueKeysWithValues: data.units.map { ($0.key, $0.name) })
        var rows: [IndicatorRow] = [], parentRow: IndicatorRow?, compareDate: Day?
        if let date = view.date, let level = view.level {
            (rows, parentRow, compareDate, _) = data.rows(level: level, date: date, raw: raw, compare: view.compare)
        }
        // The time series: the chosen unit, its parent, and the reference values.
        let referenceValues = try await req.indicatorStore.referenceValues(indicatorCode: data.indicator.code)
        let importedReferences = try await data.importedReferences(store: req.indicatorStore, raw: raw)
        var series: [IndicatorPage.Series] = []
        let published = Dictionary(uniqueKeysWithValues: data.dates.map { ($0, data.publish($0)) })
        func points(_ key: String) -> [(Day, Double?)] {
            data.dates.map { day in
                let value = published[day]?[key]
                return (day, raw ? value?.value.value : value?.publicValue)
            }
        }
        if let unit = view.unit {
            series.append(IndicatorPage.Series(name: names[unit] ?? unit, points: points(unit)))
            if let parent = data.unitsByKey[unit]?.parentKey, data.unitsByKey[parent] != nil {
                series.append(IndicatorPage.Series(name: names[parent] ?? parent, points: points(parent)))
            }
        }
        for (label, values) in Dictionary(grouping: referenceValues, by: \.label).sorted(by: { $0.key < $1.key }) where series.count < 3 {
            series.append(IndicatorPage.Series(name: label, points: values.map { ($0.date, $0.value) }))
        }
        for imported in IndicatorPage.series(importedReferences) where series.count < 3 { series.append(imported) }
        var findings: [ValidationFinding]?
        if mayManage {
            let rules = try await req.indicatorStore.validationRules().filter { $0.target == data.indicator.code || data.indicator.variables.contains($0.target) }
            findings = FigureValidation.check(rules, indicators: [data.indicator.code: data.indicator], observations: data.observations, hierarchy: data.hierarchy)
        }
        let boundaries = try await req.currentBoundaries()
        let seriesUnits = IndicatorData.pickerOrder(data.units.filter { data.indicator.isValid(onLevel: $0.levelCode) })
        var model = IndicatorPage.Model(
            indicator: data.indicator, variables: data.variables, dates: data.dates, view: view, levels: levels, names: names, rows: rows, parentRow: parentRow,
            compareDate: compareDate, boundaries: boundaries, units: data.unitsByKey, seriesUnits: seriesUnits.map { ($0.key, $0.name) }, series: series,
            referenceValues: referenceValues, raw: raw, mayViewRaw: mayViewRaw, mayManage: mayManage, findings: findings, notice: req.notice, referenceIssues: referenceIssues)
        model.importedReferences = importedReferences
        if raw {
            model.unreleasedDates = data.observations.unreleasedDates(of: data.indicator.variables)
            if let date = view.date {
                model.unreleasedUnits = data.observations.unreleasedUnits(variables: data.indicator.variables, date: date, hierarchy: data.hierarchy)
            }
        }
        return HTMLResponse(IndicatorPage.render(model, context: try await req.pageContext()))
    }

    /// The values of a level on a date as CSV: public figures, or raw ones (marked) for those allowed.
    func valuesCSV(req: Request) async throws -> Response {
        let data = try await Self.data(req)
        let levels = data.levels(req.settings.levels, language: req.language)
        let view = Self.effectiveView(Self.viewParameters(req), data: data, levels: levels)
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
        let text = CSV.write(header: Self.valuesHeader(level: false, publication: true), rows: rows.map { date, row in
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

    /// The columns of an indicator's values as CSV.
    static func valuesHeader(level: Bool, publication: Bool) -> [String] {
        ["Gebietsschlüssel", "Gebiet"] + (level ? ["Ebene"] : []) + ["Stichtag", "Wert", "Zähler", "Nenner", "geheim gehalten", "Lücke", "Hinweise"]
            + (publication ? ["Veröffentlichung"] : [])
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
        let selection = try await Self.selection(req)
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
