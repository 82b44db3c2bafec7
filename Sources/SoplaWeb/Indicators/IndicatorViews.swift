import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import Vapor

/// What the indicator pages, their CSV and the API share: the indicator of the route, the view asked for, which
/// values a requester sees, and the page itself.
enum IndicatorViews {
    /// Which values a request reads: current ones only for those who may see raw figures, and not in the public view.
    static func selection(_ req: Request, publicView: Bool = false) async throws -> ObservationSelection {
        try await req.may(.viewUnsuppressedFigures) && !publicView ? .current : .released
    }

    /// The columns of an indicator's values as CSV.
    static func valuesHeader(level: Bool, publication: Bool) -> [String] {
        ["Gebietsschlüssel", "Gebiet"] + (level ? ["Ebene"] : []) + ["Stichtag", "Wert", "Zähler", "Nenner", "geheim gehalten", "kein Wert", "Hinweise"]
            + (publication ? ["Veröffentlichung"] : [])
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
        func unitSeries(_ key: String) -> IndicatorPage.Series {
            var series = IndicatorPage.Series(name: names[key] ?? key, points: points(key))
            if !raw { series.suppressed = Set(data.dates.filter { published[$0]?[key]?.isSuppressed == true }) }
            return series
        }
        if let unit = view.unit {
            series.append(unitSeries(unit))
            if let parent = data.unitsByKey[unit]?.parentKey, data.unitsByKey[parent] != nil {
                series.append(unitSeries(parent))
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
        let selection = try await IndicatorViews.selection(req, publicView: IndicatorViews.viewParameters(req).publicView)
        guard let code = req.parameters.get("code"),
              let data = try await IndicatorData.load(code: code, store: req.indicatorStore, spatial: req.spatial, ledger: req.disclosureLedger,
                                                      selection: selection) else { throw Abort(.notFound) }
        // Drafts and archived indicators exist only for planners.
        if !data.indicator.isPublished, !(try await req.may(.manageIndicators)) { throw Abort(.notFound) }
        return data
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
}
