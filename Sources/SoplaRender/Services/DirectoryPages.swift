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

        public init(rows: [ServiceRow], total: Int, state: ListState, categories: [ServiceCategory], municipalities: [(key: String, name: String)],
                    languages: [String], map: SVGMap?) {
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
        func check(_ name: String, _ label: String) -> HTMLNode {
            el("div", [("class", "checkbox")], [
                el("input", [("type", "checkbox"), ("id", name), ("name", name), ("value", "ja"), ("checked", f[name] == "ja" ? "checked" : nil)]),
                el("label", [("for", name)], text: label),
            ])
        }
        let search = el("form", [("method", "get"), ("action", ServiceRoute.directory().path), ("class", "filters directory-search"), ("role", "search")], [
            el("div", [("class", "field")], [el("label", [("for", "suche")], text: t(.directorySearchLabel)),
                                             el("input", [("type", "search"), ("id", "suche"), ("name", "suche"), ("value", f["suche"] ?? "")])]),
            ServiceListPage.select("gemeinde", t(.directoryWhere), [("", t(.allMunicipalities))] + model.municipalities.map { ($0.key, $0.name) }, f["gemeinde"]),
            ServiceListPage.select("kategorie", t(.directoryTopic), [("", t(.allCategories))] + model.categories.map { ($0.code, language == .de ? $0.nameDE : $0.nameEN) }, f["kategorie"]),
            el("div", [("class", "field")], [el("label", [("for", "alter")], text: t(.directoryAge)),
                                             el("input", [("type", "number"), ("id", "alter"), ("name", "alter"), ("min", "0"), ("max", "120"), ("value", f["alter"] ?? "")])]),
            ServiceListPage.select("sprache", t(.fieldLanguages), [("", t(.allLanguages))] + model.languages.map { ($0, LanguageNames.name($0, language)) }, f["sprache"]),
            check("barrierefrei", t(.stepFreeText)),
            check("gebaerdensprache", t(.signLanguageText)),
            el("button", [("type", "submit")], text: t(.directorySearchButton)),
        ])
        let results: [HTMLNode] = model.rows.map { row in
            let s = row.service
            let place = s.locations.first.map { [$0.street, [$0.postcode, $0.city].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ") }
            return el("li", [("class", "directory-entry")], [
                el("h2", [], [el("a", [("href", ServiceRoute.directoryService(id: s.id).path)], text: s.name)]),
                el("p", [("class", "meta")], text: ServiceNames.category(s.categoryCode, model.categories, language) + " · " + row.organisationName),
                s.status == .temporarilyClosed ? el("p", [("class", "notice notice-warning")], text: t(.statusTemporarilyClosed)) : .empty,
                el("p", text: ServiceFacts.targetText(s.targetGroup, language)),
                place.map { el("p", text: $0) } ?? (s.outreach ? el("p", text: t(.outreachText)) : .empty),
                s.phone.map { el("p", [], [txt(t(.fieldServicePhone) + ": "), el("a", [("href", "tel:" + $0.filter { $0.isNumber || $0 == "+" })], text: $0)]) } ?? .empty,
            ])
        }
        let pager = ListTable.pager(state: model.state, pageCount: max(1, (model.total + perPage - 1) / perPage), language)
        let content: [HTMLNode] = [
            el("h1", text: t(.directoryTitle)),
            el("p", [("class", "lead")], text: t(.directoryIntro)),
            search,
            el("p", [("class", "result-count"), ("role", "status")], text: t(.directoryCount).replacingOccurrences(of: "{n}", with: String(model.total))),
            model.rows.isEmpty ? el("p", [("class", "empty-state")], text: t(.directoryEmpty)) : el("div", [("class", "directory")], [
                el("ol", [("class", "directory-list")], results),
                el("figure", [("class", "directory-map")], [model.map?.render() ?? .empty, el("figcaption", text: t(.directoryMapCaption))]),
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
            ServiceFacts.render(s, organisationName: row.organisationName, categories: categories, unitNames: unitNames, language: context.language, showInternal: false),
            map?.render() ?? .empty,
            el("p", [("class", "no-print")], [el("button", [("type", "button"), ("class", "print-button"), ("data-print", "true")], text: t(.printPage))]),
            el("script", [("src", ServiceRoute.script.path), ("defer", "defer")], []),
        ]
        return Layout(title: s.name, context: context).render(content)
    }
}
