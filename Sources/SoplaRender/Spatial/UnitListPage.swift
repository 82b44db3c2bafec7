import Foundation
import SoplaCore

/// All spatial units: search, filter by level, sort by any column, page, download.
public enum UnitListPage {
    public struct Model: Sendable {
        public let page: Page<SpatialUnit>
        public let parameters: UnitListParameters
        public let catalogue: SpatialLevelCatalogue
        public let names: [String: String]

        public init(page: Page<SpatialUnit>, parameters: UnitListParameters, catalogue: SpatialLevelCatalogue, names: [String: String]) {
            self.page = page
            self.parameters = parameters
            self.catalogue = catalogue
            self.names = names
        }
    }

    public static func render(_ model: Model, language: Language, path: String, account: AccountBar? = nil) -> String {
        let t = Texts(language)
        let p = model.parameters
        let levelOptions: [HTMLNode] = [el("option", [("value", "")], text: t(.allLevels))] + model.catalogue.levels.map { level in
            el("option", [("value", level.code), ("selected", p.level == level.code ? "selected" : nil)],
               text: language == .de ? level.nameDE : level.nameEN)
        }
        var content: [HTMLNode] = [
            el("h1", text: t(.unitsTitle)),
            el("p", text: t(.unitsIntro)),
            el("form", [("method", "get"), ("action", SiteRoute.units().path), ("class", "filters"), ("role", "search")], [
                el("div", [("class", "field")], [
                    el("label", [("for", "q")], text: t(.searchLabel)),
                    el("input", [("type", "search"), ("id", "q"), ("name", "q"), ("value", p.search ?? ""), ("maxlength", "100")]),
                ]),
                el("div", [("class", "field")], [
                    el("label", [("for", "ebene")], text: t(.levelFilterLabel)),
                    el("select", [("id", "ebene"), ("name", "ebene")], levelOptions),
                ]),
                p.parent.map { el("input", [("type", "hidden"), ("name", "gehoert-zu"), ("value", $0)]) } ?? .empty,
                p.sort.map { el("input", [("type", "hidden"), ("name", "sortierung"), ("value", $0.rawValue)]) } ?? .empty,
                p.descending ? el("input", [("type", "hidden"), ("name", "richtung"), ("value", "ab")]) : .empty,
                el("button", [("type", "submit")], text: t(.searchButton)),
                (p.search != nil || p.level != nil || p.parent != nil) ? el("a", [("href", SiteRoute.units().path), ("class", "reset")], text: t(.resetFilters)) : .empty,
            ]),
            p.parent.map { key in
                el("p", [("class", "active-filter")], [txt(t(.parent) + ": "), el("a", [("href", SiteRoute.unit(key: key).path)], text: model.names[key] ?? key)])
            } ?? .empty,
            el("p", [("class", "result-count"), ("role", "status")], text: "\(Format.integer(model.page.total, language)) \(t(.resultsCount))"),
        ]
        if model.page.items.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noResults)))
        } else {
            content.append(table(model, language: language))
            content.append(pagination(model, language: language))
        }
        var csvParameters = p
        csvParameters.page = 1
        content.append(el("p", [("class", "downloads")], [
            el("a", [("href", SiteRoute.unitsCSV(csvParameters).path), ("download", "gebiete.csv")], text: t(.downloadCSV)),
            txt(" · "),
            el("a", [("href", SiteRoute.apiGeoJSON.path)], text: t(.downloadGeoJSON)),
        ]))
        return Layout(title: t(.unitsTitle), language: language, currentPath: path, account: account).render(content)
    }

    static func table(_ model: Model, language: Language) -> HTMLNode {
        let t = Texts(language)
        let p = model.parameters
        let current = p.sort ?? .key
        func header(_ key: TextKey, _ field: SpatialUnitQuery.SortField, numeric: Bool = false) -> HTMLNode {
            var next = p
            next.sort = field
            next.page = 1
            next.descending = current == field ? !p.descending : false
            let isSorted = current == field
            let indicator = isSorted ? (p.descending ? " ▼" : " ▲") : ""
            return el("th", [("scope", "col"), ("class", numeric ? "num" : nil),
                             ("aria-sort", isSorted ? (p.descending ? "descending" : "ascending") : nil)], [
                el("a", [("href", SiteRoute.units(next).path)], [
                    txt(t(key)),
                    el("span", [("aria-hidden", "true")], text: indicator),
                    el("span", [("class", "visually-hidden")], text: isSorted ? ", " + t(p.descending ? .sortedDescending : .sortedAscending) : ""),
                ]),
            ])
        }
        return el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: "\(t(.unitsTitle)) – \(t(.pageLabel)) \(model.page.page) / \(model.page.pageCount)"),
            el("thead", [], [el("tr", [], [
                header(.columnKey, .key), header(.columnName, .name), header(.columnKind, .kind),
                header(.columnLevel, .level),
                el("th", [("scope", "col")], text: t(.columnParent)),
                header(.columnPopulation, .population, numeric: true), header(.columnArea, .area, numeric: true),
                header(.columnDensity, .density, numeric: true),
            ])]),
            el("tbody", [], model.page.items.map { unit in
                el("tr", [], [
                    el("td", [], [el("code", text: unit.key)]),
                    el("th", [("scope", "row")], [UnitFigures.link(unit)]),
                    el("td", text: unit.kind),
                    el("td", text: UnitFigures.levelName(unit.levelCode, catalogue: model.catalogue, language)),
                    el("td", [], [unit.parentKey.map { key in
                        el("a", [("href", SiteRoute.unit(key: key).path)], text: model.names[key] ?? key)
                    } ?? txt("–")]),
                    el("td", [("class", "num")], text: UnitFigures.population(unit, language)),
                    el("td", [("class", "num")], text: UnitFigures.area(unit, language)),
                    el("td", [("class", "num")], text: UnitFigures.density(unit, language)),
                ])
            }),
        ])])
    }

    static func pagination(_ model: Model, language: Language) -> HTMLNode {
        let t = Texts(language)
        guard model.page.pageCount > 1 else { return .empty }
        var previous = model.parameters
        previous.page = model.page.page - 1
        var next = model.parameters
        next.page = model.page.page + 1
        return el("nav", [("aria-label", t(.paginationLabel)), ("class", "pagination")], [
            model.page.hasPrevious ? el("a", [("href", SiteRoute.units(previous).path), ("rel", "prev")], text: t(.previousPage)) : .empty,
            el("span", text: "\(t(.pageLabel)) \(model.page.page) / \(model.page.pageCount)"),
            model.page.hasNext ? el("a", [("href", SiteRoute.units(next).path), ("rel", "next")], text: t(.nextPage)) : .empty,
        ])
    }
}
