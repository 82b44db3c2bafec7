import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import Vapor

struct VariableResponse: Content, Equatable {
    let code: String
    let nameDe: String
    let nameEn: String
    let unit: String
    let source: String
    let tableCode: String?
    let licence: String
    let isCount: Bool
    let minimumCount: Int?

    init(_ v: Variable) {
        code = v.code
        nameDe = v.nameDE
        nameEn = v.nameEN
        unit = v.unit
        source = v.source
        tableCode = v.tableCode
        licence = v.licence
        isCount = v.isCount
        minimumCount = v.isCount ? v.effectiveMinimum : nil
    }
}

struct IndicatorResponse: Content, Equatable {
    let code: String
    let nameDe: String
    let nameEn: String
    let definitionDe: String
    let definitionEn: String
    let topic: String
    let numerator: String
    let denominator: String?
    let factor: Double
    let polarity: String
    let decimals: Int
    let levels: [String]
    let dates: [String]

    init(_ i: Indicator, dates: [Day]) {
        code = i.code
        nameDe = i.nameDE
        nameEn = i.nameEN
        definitionDe = i.definitionDE
        definitionEn = i.definitionEN
        topic = i.topic.rawValue
        numerator = IndicatorTerm.text(i.numerator)
        denominator = i.isRate ? IndicatorTerm.text(i.denominator) : nil
        factor = i.factor
        polarity = i.polarity.rawValue
        decimals = i.decimals
        levels = i.levels
        self.dates = dates.map(\.iso)
    }
}

struct IndicatorValueItem: Content, Equatable {
    let key: String
    let name: String
    let level: String
    let value: Double?
    let numerator: Double?
    let denominator: Double?
    let suppressed: Bool
    let gap: String?
    let flags: [String]
    let origin: String?
    /// A value (or one it is computed from) whose import is not released yet: only planners read it, marked so.
    let unreleased: Bool
}

struct IndicatorValuesResponse: Content {
    let indicator: String
    let date: String?
    let level: String?
    let parentKey: String?
    /// True when small counts and what would reveal them are hidden (everyone without the right to raw figures).
    let disclosureControlled: Bool
    let items: [IndicatorValueItem]
}

/// `/api/v1/variables`, `/api/v1/indicators`, `/api/v1/indicators/{code}/values`: published variables and indicators only.
struct IndicatorAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, SiteRoute.Pattern.apiVariables, read, use: variables)
        routes.on(.GET, SiteRoute.Pattern.apiIndicators, read, use: indicators)
        routes.on(.GET, SiteRoute.Pattern.apiIndicator, read, use: indicator)
        routes.on(.GET, SiteRoute.Pattern.apiIndicatorValues, read, use: values)
    }

    func variables(req: Request) async throws -> [VariableResponse] {
        try rejectUnknownParameters(req, allowed: [])
        return try await req.indicatorStore.variables().filter(\.isPublished).map(VariableResponse.init)
    }

    func indicators(req: Request) async throws -> [IndicatorResponse] {
        try rejectUnknownParameters(req, allowed: ["topic"])
        let topic = try (try? req.query.get(String.self, at: "topic")).map { raw in
            guard let topic = IndicatorTopic(rawValue: raw) else {
                throw APIError.badParameter("topic", "one of " + IndicatorTopic.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return topic
        }
        let store = req.indicatorStore
        let selection = try await IndicatorViews.selection(req)
        var result: [IndicatorResponse] = []
        for indicator in try await store.indicators() where indicator.isPublished && (topic == nil || indicator.topic == topic) {
            result.append(IndicatorResponse(indicator, dates: try await store.dates(variables: Set(indicator.numerator.map(\.variable)), selection: selection)))
        }
        return result
    }

    func indicator(req: Request) async throws -> IndicatorResponse {
        try rejectUnknownParameters(req, allowed: [])
        let store = req.indicatorStore
        guard let code = req.parameters.get("code"), let indicator = try await store.indicator(code: code), indicator.isPublished else {
            throw APIError.notFound("no indicator has this code")
        }
        return IndicatorResponse(indicator, dates: try await store.dates(variables: Set(indicator.numerator.map(\.variable)),
                                                                         selection: try await IndicatorViews.selection(req)))
    }

    static func gapCode(_ gap: ValueGap?) -> String? {
        switch gap {
        case .none: return nil
        case .noData: return "no-data"
        case .zeroDenominator: return "zero-denominator"
        case .status(let status): return "status:" + status.rawValue
        }
    }

    func values(req: Request) async throws -> Response {
        try rejectUnknownParameters(req, allowed: ["level", "date", "parent", "format"])
        guard let code = req.parameters.get("code"),
              let data = try await IndicatorData.load(code: code, store: req.indicatorStore, spatial: req.spatial, ledger: req.disclosureLedger,
                                                      selection: try await IndicatorViews.selection(req)) else {
            throw APIError.notFound("no indicator has this code")
        }
        guard data.indicator.isPublished else { throw APIError.notFound("no indicator has this code") }
        let format = (try? req.query.get(String.self, at: "format")) ?? "json"
        guard format == "json" || format == "csv" else { throw APIError.badParameter("format", "json or csv") }
        var date = data.dates.last
        if let raw = try? req.query.get(String.self, at: "date") {
            guard let day = Day(iso: raw) else { throw APIError.badParameter("date", "a date yyyy-mm-dd") }
            date = day
        }
        let catalogue = req.settings.levels
        let level = try? req.query.get(String.self, at: "level")
        if let level, catalogue.level(code: level) == nil {
            throw APIError.badParameter("level", "one of " + catalogue.levels.map(\.code).joined(separator: ", "))
        }
        // A parent without children (or unknown) filters everything out, as in /api/v1/spatial-units.
        let parent = try? req.query.get(String.self, at: "parent")
        if let parent, !APIParameters.isWellFormedKey(parent) {
            throw APIError.badParameter("parent", "an official key (2, 5 or 8 digits, planning areas with -code)")
        }
        var units = data.units
        if let level { units = units.filter { $0.levelCode == level } }
        if let parent { units = units.filter { $0.parentKey == parent } }
        if level == nil, parent == nil { units = data.units(onLevel: SpatialLevel.municipality.code) }
        units = units.filter { data.indicator.isValid(onLevel: $0.levelCode) }.sorted { $0.key < $1.key }
        let raw = try await req.may(.viewUnsuppressedFigures)
        var rows: [IndicatorRow] = []
        let unreleased = date.map { data.observations.unreleasedUnits(variables: data.indicator.variables, date: $0, hierarchy: data.hierarchy) } ?? []
        if let date {
            rows = IndicatorComparison.rows(data.indicator, units: units.map(\.key), parentKey: nil, current: data.publish(date), earlier: nil, raw: raw)
        }
        let items = rows.map { row in
            let unit = data.unitsByKey[row.unitKey]
            return IndicatorValueItem(key: row.unitKey, name: unit?.name ?? "", level: unit?.levelCode ?? "", value: row.value, numerator: row.numerator,
                                      denominator: data.indicator.isRate ? row.denominator : nil, suppressed: row.suppression != nil && !raw,
                                      gap: Self.gapCode(row.gap), flags: row.flags.map(\.rawValue).sorted(), origin: row.origin?.rawValue,
                                      unreleased: unreleased.contains(row.unitKey))
        }
        if format == "csv" {
            // The spreadsheet file names the level, the gap and the signs in words; the JSON keeps the codes.
            let text = CSV.write(header: IndicatorViews.valuesHeader(level: true, publication: false), rows: zip(items, rows).map { item, row in
                [item.key, item.name, catalogue.level(code: item.level)?.nameDE ?? item.level, GermanCSV.day(date), GermanCSV.number(item.value),
                 GermanCSV.number(item.numerator), GermanCSV.number(item.denominator), GermanCSV.yesNo(item.suppressed), IndicatorNames.gap(row.gap, .de) ?? "",
                 IndicatorNames.statuses(row.flags, .de)]
            })
            return CSVDownload.response(text, filename: "\(data.indicator.code).csv")
        }
        let response = IndicatorValuesResponse(indicator: data.indicator.code, date: date?.iso, level: level, parentKey: parent, disclosureControlled: !raw, items: items)
        return try await response.encodeResponse(for: req)
    }
}
