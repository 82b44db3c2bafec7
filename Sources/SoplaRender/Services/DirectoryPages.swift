import Foundation
import SoplaCore

/// The public service directory (Wegweiser): people find help by place, topic, age, language and access.
public enum DirectoryPage {
    public static let perPage = 20

    public struct Model: Sendable {
        public let rows: [ServiceRow]
        public let total: Int
        public let state: ListState
        public let categories: [ServiceCategory]
        public let municipalities: [(key: String, name: String)]
        public let languages: [String]
        public let map: SVGMap?
        /// Filters that could not be used, by field.
        public let issues: [ValidationIssue]
        /// Typed words read as others ("scholden" → "schuld").
        public let corrections: [(typed: String, used: String)]
        /// Distance of each listed service from the chosen municipality's centre, in km.
        public let distances: [UUID: Double]

        public init(rows: [ServiceRow], total: Int, state: ListState, categories: [ServiceCategory], municipalities: [(key: String, name: String)],
                    languages: [String], map: SVGMap?, issues: [ValidationIssue] = [], corrections: [(typed: String, used: String)] = [],
                    distances: [UUID: Double] = [:]) {
            self.issues = issues
            self.corrections = corrections
            self.distances = distances
            self.rows = rows
            self.total = total
            self.state = state
            self.categories = categories
            self.municipalities = municipalities
            self.languages = languages
            self.map = map
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let f = model.state.filters
        let form = FormBuilder(language: language, issues: model.issues)
        func check(_ name: String, _ label: String) -> HTMLNode {
            let invalid = model.issues.contains { $0.field == name }
            return el("div", [("class", invalid ? "checkbox invalid" : "checkbox")], [
                el("input", [("type", "checkbox"), ("id", name), ("name", name), ("value", "ja"), ("checked", f[name] == "ja" ? "checked" : nil),
                             ("aria-invalid", invalid ? "true" : nil)]),
                el("label", [("for", name)], text: label),
            ])
        }
        let labels = ["suche": t(.directorySearchLabel), "gemeinde": t(.directoryWhere), "kategorie": t(.directoryTopic), "alter": t(.directoryAge),
                      "sprache": t(.fieldLanguages), "barrierefrei": t(.stepFreeText), "gebaerdensprache": t(.signLanguageText)]
        let search = el("form", [("method", "get"), ("action", ServiceRoute.directory().path), ("class", "filters directory-search"), ("role", "search")], [
            form.text("suche", label: labels["suche"]!, value: f["suche"], type: "search", hint: t(.directorySearchHint), maxLength: 100),
            form.select("gemeinde", label: labels["gemeinde"]!, options: [("", t(.allMunicipalities))] + model.municipalities.map { ($0.key, $0.name) }, selected: f["gemeinde"]),
            form.select("kategorie", label: labels["kategorie"]!,
                        options: [("", t(.allCategories))] + model.categories.map { ($0.code, language == .de ? $0.nameDE : $0.nameEN) }, selected: f["kategorie"]),
            form.text("alter", label: labels["alter"]!, value: f["alter"], type: "number", maxLength: 3),
            form.select("sprache", label: labels["sprache"]!, options: [("", t(.allLanguages))] + model.languages.map { ($0, LanguageNames.name($0, language)) },
                        selected: f["sprache"]),
            check("barrierefrei", labels["barrierefrei"]!),
            check("gebaerdensprache", labels["gebaerdensprache"]!),
            el("button", [("type", "submit")], text: t(.directorySearchButton)),
        ])
        let results: [HTMLNode] = model.rows.map { row in
            let s = row.service
            let place = s.locations.first.map { [$0.street, [$0.postcode, $0.city].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ") }
            let reach: HTMLNode
            if s.addressProtected { reach = el("p", text: t(.addressProtectedText)) }
            else if let place, !place.isEmpty { reach = el("p", text: place) }
            else if s.outreach { reach = el("p", text: t(.outreachText)) }
            else { reach = .empty }
            return el("li", [("class", "directory-entry")], [
                el("h2", [], [el("a", [("href", ServiceRoute.directoryService(id: s.id).path)], text: s.name)]),
                el("p", [("class", "meta")], text: ServiceNames.category(s.categoryCode, model.categories, language) + " · " + row.organisationName),
                s.status == .temporarilyClosed ? el("p", [("class", "notice notice-warning")], text: t(.statusTemporarilyClosed)) : .empty,
                el("p", text: ServiceFacts.targetText(s.targetGroup, language)),
                reach,
                model.distances[s.id].map { km in
                    el("p", [("class", "distance")], text: t(.directoryDistance).replacingOccurrences(of: "{km}", with: Format.decimal(km, digits: km < 10 ? 1 : 0, language)))
                } ?? .empty,
                s.phone.map { el("p", [], [txt(t(.fieldServicePhone) + ": "), el("a", [("href", "tel:" + $0.filter { $0.isNumber || $0 == "+" })], text: $0)]) } ?? .empty,
            ])
        }
        // The map's points as a table: what each point is and where, with its link (the same as the list, for those who cannot see the map).
        let placed = model.rows.filter { !$0.service.locations.compactMap(\.point).isEmpty }
        let pointTable: HTMLNode = placed.isEmpty ? .empty : el("div", [("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-labelledby", "orte-titel")], [
            el("table", [("class", "data points-table")], [
                el("caption", [("id", "orte-titel")], text: t(.directoryPointsCaption)),
                el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: t(.fieldServiceName)), el("th", [("scope", "col")], text: t(.fieldAddress))])]),
                el("tbody", [], placed.flatMap { row in
                    row.service.locations.filter { $0.point != nil }.map { location in
                        el("tr", [], [
                            el("th", [("scope", "row")], [el("a", [("href", ServiceRoute.directoryService(id: row.service.id).path)], text: row.service.name)]),
                            el("td", text: [location.name, location.street, [location.postcode, location.city].compactMap { $0 }.joined(separator: " ")]
                                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")),
                        ])
                    }
                }),
            ]),
        ])
        let pager = ListTable.pager(state: model.state, pageCount: max(1, (model.total + perPage - 1) / perPage), language)
        let content: [HTMLNode] = [
            el("h1", text: t(.directoryTitle)),
            el("p", [("class", "lead")], text: t(.directoryIntro)),
            form.summary(labels: labels),
            search,
            el("p", [("class", "result-count"), ("role", "status")], text: t(.directoryCount).replacingOccurrences(of: "{n}", with: String(model.total))),
            model.corrections.isEmpty ? .empty : el("p", [("class", "search-corrections")], text: model.corrections.map {
                t(.directoryCorrection).replacingOccurrences(of: "{used}", with: $0.used).replacingOccurrences(of: "{typed}", with: $0.typed)
            }.joined(separator: " ")),
            model.rows.isEmpty ? el("p", [("class", "empty-state")], text: t(.directoryEmpty)) : el("div", [("class", "directory")], [
                el("ol", [("class", "directory-list")], results),
                el("figure", [("class", "directory-map")], [model.map?.render() ?? .empty, el("figcaption", text: t(.directoryMapCaption)), pointTable]),
            ]),
            pager,
            el("p", [("class", "hint")], text: t(.directoryEmergency)),
        ]
        return Layout(title: t(.directoryTitle), context: context).render(content)
    }
}

/// One service for the public: how to get there, when, whom to call.
public enum DirectoryServicePage {
    public static func render(_ row: ServiceRow, categories: [ServiceCategory], unitNames: [String: String], map: SVGMap?, context: PageContext) -> String {
        let t = context.t
        let s = row.service
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb no-print")], [el("a", [("href", ServiceRoute.directory().path)], text: t(.directoryTitle))]),
            el("h1", text: s.name),
            s.status == .temporarilyClosed ? Notice(.warning, t(.temporarilyClosedNotice)).node : .empty,
            el("div", [("class", "directory-service")], [
                ServiceFacts.render(s, organisationName: row.organisationName, categories: categories, unitNames: unitNames, language: context.language, showInternal: false),
                map.map { el("figure", [("class", "directory-service-map")], [$0.render(), el("figcaption", text: t(.directoryServiceMapCaption))]) } ?? .empty,
            ]),
            el("p", [("class", "no-print")], [el("button", [("type", "button"), ("class", "print-button"), ("data-print", "true")], text: t(.printPage))]),
            el("script", [("src", ServiceRoute.script.path), ("defer", "defer")], []),
        ]
        return Layout(title: s.name, context: context).render(content)
    }
}
