import Foundation
import SoplaCore

/// The start page: what sopla is, and the county on a map with the same figures as a table.
public enum HomePage {
    public struct Model: Sendable {
        public let county: SpatialUnit?
        public let municipalities: [SpatialUnit]
        public let boundaries: [String: BoundaryVersion]

        public init(county: SpatialUnit?, municipalities: [SpatialUnit], boundaries: [String: BoundaryVersion]) {
            self.county = county
            self.municipalities = municipalities
            self.boundaries = boundaries
        }
    }

    public static func render(_ model: Model, language: Language, path: String, account: AccountBar? = nil) -> String {
        let t = Texts(language)
        let pillars: [(TextKey, TextKey)] = [
            (.pillarNeedsTitle, .pillarNeedsText), (.pillarResourcesTitle, .pillarResourcesText),
            (.pillarParticipationTitle, .pillarParticipationText),
        ]
        var content: [HTMLNode] = [
            el("h1", text: model.county.map { "\(t(.homeTitle)): \($0.name)" } ?? t(.homeTitle)),
            el("p", [("class", "lead")], text: t(.homeIntro)),
            keyFigures(model, language: language),
            portal(language),
            el("section", [("aria-labelledby", "saeulen")], [
                el("h2", [("id", "saeulen")], text: t(.homePillarsTitle)),
                el("ul", [("class", "pillars")], pillars.map { title, text in
                    el("li", [], [el("h3", text: t(title)), el("p", text: t(text))])
                }),
            ]),
        ]
        if model.municipalities.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noUnitsYet)))
            return Layout(title: t(.homeTitle), language: language, currentPath: path, account: account).render(content)
        }
        let (areas, breaks) = UnitFigures.densityAreas(model.municipalities, boundaries: model.boundaries, language: language)
        let map = SVGMap(id: "kreiskarte", title: t(.mapTitle) + (model.county.map { " – \($0.name)" } ?? ""), areas: areas)
        content.append(el("section", [("aria-labelledby", "karte"), ("class", "map-section")], [
            el("h2", [("id", "karte")], text: t(.mapTitle)),
            el("p", text: t(.mapDescription)),
            el("div", [("class", "map-and-table")], [
                el("figure", [("class", "map-figure")], [
                    areas.isEmpty ? el("p", [("class", "empty-state")], text: t(.noBoundaries)) : map.render(),
                    UnitFigures.legend(breaks: breaks, language: language),
                ]),
                el("div", [], [
                    table(model, language: language),
                    el("p", [("class", "downloads")], [
                        el("a", [("href", SiteRoute.unitsCSV(UnitListParameters(
                            level: model.county == nil ? SpatialLevel.municipality.code : nil, parent: model.county?.key
                        )).path), ("download", "")], text: t(.downloadCSV)),
                        txt(" · "),
                        el("a", [("href", SiteRoute.apiGeoJSON.path)], text: t(.downloadGeoJSON)),
                    ]),
                ]),
            ]),
        ]))
        return Layout(title: t(.homeTitle), language: language, currentPath: path, showsGeometry: !areas.isEmpty, account: account).render(content)
    }

    /// The transparency portal: where the public finds reports, figures, services, decisions, funding and open data.
    static func portal(_ language: Language) -> HTMLNode {
        let t = Texts(language)
        let entries: [(String, String, String)] = [
            (t(.reportsTitle), ReportRoute.published(), t(.portalReports)),
            (t(.portalAtlas), SiteRoute.indicators().path, t(.portalAtlasText)),
            (t(.portalDirectory), ServiceRoute.directory().path, t(.portalDirectoryText)),
            (t(.portalDecisions), ParticipationRoute.bodies(), t(.portalDecisionsText)),
            (t(.portalPapers), ParticipationRoute.papers(), t(.portalPapersText)),
            (t(.portalFunding), FundingRoute.portal(), t(.portalFundingText)),
            (t(.portalOpenData), SiteRoute.data.path, t(.portalOpenDataText)),
        ]
        return el("section", [("aria-labelledby", "portal"), ("class", "portal")], [
            el("h2", [("id", "portal")], text: t(.portalTitle)),
            el("ul", [("class", "pillars")], entries.map { title, path, text in el("li", [], [el("h3", [], [el("a", [("href", path)], text: title)]), el("p", text: text)]) }),
        ])
    }

    /// Three figures a visitor looks for first, with their reference date.
    static func keyFigures(_ model: Model, language: Language) -> HTMLNode {
        let t = Texts(language)
        guard let county = model.county, !model.municipalities.isEmpty else { return .empty }
        var items: [HTMLNode] = [
            el("li", [], [el("strong", text: Format.integer(model.municipalities.count, language)), txt(" " + t(.municipalitiesCount))]),
        ]
        if let population = county.latestPopulation {
            items.append(el("li", [], [
                el("strong", text: Format.integer(population.count, language)),
                txt(" \(t(.inhabitantsOn)) \(Format.day(population.referenceDate, language))"),
            ]))
        }
        if let area = county.areaHectares {
            items.append(el("li", [], [el("strong", text: Format.hundredths(area, language)), txt(" " + t(.areaTotal))]))
        }
        return el("section", [("aria-labelledby", "kennzahlen"), ("class", "key-figures")], [
            el("h2", [("id", "kennzahlen"), ("class", "visually-hidden")], text: t(.countyAtAGlance)),
            el("ul", [], items),
        ])
    }

    static func table(_ model: Model, language: Language) -> HTMLNode {
        let t = Texts(language)
        let latestDate = model.municipalities.compactMap { $0.latestPopulation?.referenceDate }.max()
        var totalRow: HTMLNode = .empty
        if let county = model.county {
            totalRow = el("tfoot", [], [el("tr", [], [
                el("th", [("scope", "row")], [txt(t(.total) + " "), UnitFigures.link(county)]),
                el("td", [("class", "num")], text: UnitFigures.population(county, language)),
                el("td", [("class", "num")], text: UnitFigures.area(county, language)),
                el("td", [("class", "num")], text: UnitFigures.density(county, language)),
            ])])
        }
        return el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.mapTableCaption) + (latestDate.map { " (\(t(.populationAsOf)) \(Format.day($0, language)))" } ?? "")),
            el("thead", [], [el("tr", [], [
                el("th", [("scope", "col")], text: t(.columnName)),
                el("th", [("scope", "col"), ("class", "num")], text: t(.columnPopulation)),
                el("th", [("scope", "col"), ("class", "num")], text: t(.columnArea)),
                el("th", [("scope", "col"), ("class", "num")], text: t(.columnDensity)),
            ])]),
            el("tbody", [], model.municipalities.map { unit in
                el("tr", [], [
                    el("th", [("scope", "row")], [UnitFigures.link(unit)]),
                    el("td", [("class", "num")], text: UnitFigures.population(unit, language)),
                    el("td", [("class", "num")], text: UnitFigures.area(unit, language)),
                    el("td", [("class", "num")], text: UnitFigures.density(unit, language)),
                ])
            }),
            totalRow,
        ])])
    }
}
