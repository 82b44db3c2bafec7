import Foundation
import SoplaCore

/// Where the data comes from and under which licence.
public enum DataPage {
    public static func render(language: Language, path: String, account: AccountBar? = nil) -> String {
        let t = Texts(language)
        let de = language == .de
        let content: [HTMLNode] = [
            el("h1", text: t(.dataTitle)),
            el("p", text: t(.dataIntro)),
            el("section", [("aria-labelledby", "grenzen")], [
                el("h2", [("id", "grenzen")], text: t(.dataGeometryTitle)),
                el("p", text: de
                    ? "Verwaltungsgrenzen 1:250 000 (VG250) des Bundesamts für Kartographie und Geodäsie, Stand 2013, vereinfacht (Toleranz 200 m); auf die 23 Städte und Gemeinden des Lahn-Dill-Kreises beschränkt."
                    : "Administrative boundaries 1:250,000 (VG250) of the Federal Agency for Cartography and Geodesy, 2013 vintage, simplified (200 m tolerance); restricted to the 23 towns and municipalities of the Lahn-Dill-Kreis."),
                el("p", [("class", "attribution")], text: "© GeoBasis-DE / BKG 2013 (Daten verändert)"),
                el("p", text: "\(t(.dataLicence)): GeoNutzV (2013); " + (de ? "aktuelle Ausgaben" : "current releases") + ": Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"),
            ]),
            el("section", [("aria-labelledby", "statistik")], [
                el("h2", [("id", "statistik")], text: t(.dataStatisticsTitle)),
                el("ul", [], [
                    el("li", text: de ? "Einwohner 31.12.2019: Destatis, Gemeindeverzeichnis (GV-ISys)" : "Population 31 Dec 2019: Destatis, municipality directory (GV-ISys)"),
                    el("li", text: de ? "Einwohner 15.05.2022: Zensus 2022, Tabelle 1000A-0000" : "Population 15 May 2022: Census 2022, table 1000A-0000"),
                    el("li", text: de ? "Fläche: BKG VG5000; Summe des Kreises 1.066,30 km² (Regionalstatistik 11111-01-01-4)" : "Area: BKG VG5000; county total 1,066.30 km² (regional statistics 11111-01-01-4)"),
                ]),
                el("p", [("class", "attribution")], text: "© Statistisches Bundesamt (Destatis) / Statistische Ämter des Bundes und der Länder, 2024"),
                el("p", text: "\(t(.dataLicence)): Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"),
            ]),
            el("p", text: de ? "Angaben zu Trägern, Sitzungen und Anträgen in der Demo sind frei erfunden." : "Providers, meetings and applications in the demo are invented examples."),
            el("section", [("aria-labelledby", "offene-daten")], [
                el("h2", [("id", "offene-daten")], text: t(.portalOpenData)),
                el("p", text: t(.openDataIntro)),
                el("ul", [("class", "downloads")], [
                    (SiteRoute.apiGeoJSON.path, "GeoJSON", de ? "Gemeindegrenzen mit Schlüssel und Namen (RFC 7946)" : "Municipal boundaries with key and name (RFC 7946)"),
                    (SiteRoute.unitsCSV().path, "CSV", de ? "Gebietseinheiten mit Einwohnern und Fläche" : "Spatial units with population and area"),
                    (SiteRoute.indicatorsCSV.path, "CSV", de ? "Indikatorenkatalog mit Definitionen und Quellen" : "Indicator catalogue with definitions and sources"),
                    (ReportRoute.published(), "HTML, PDF, CSV", de ? "Sozialberichte mit Datenanhang" : "Social reports with data annex"),
                    (ServiceRoute.Pattern.hsdsRoot() + "/", "JSON (HSDS 3.0)", de ? "Angebote im Standard Open Referral" : "Services in the Open Referral standard"),
                    (OParlRoute.system(), "JSON (OParl 1.1)", de ? "Gremien, Sitzungen, Vorlagen, Beschlüsse" : "Bodies, meetings, papers, resolutions"),
                    (FundingRoute.portalCSV(), "CSV", de ? "Förderung in Zahlen (Summen)" : "Funding in figures (totals)"),
                    (SiteRoute.Pattern.sitemap(), "XML", de ? "Verzeichnis aller öffentlichen Seiten" : "Index of every public page"),
                ].map { path, format, text in el("li", [], [el("a", [("href", path)], text: text), txt(" (" + format + ")")]) }),
                el("p", text: t(.openDataLicence)),
            ]),
        ]
        return Layout(title: t(.dataTitle), language: language, currentPath: path, showsGeometry: true, account: account).render(content)
    }
}

/// A short guide to the JSON API for people; machines read the OpenAPI document.
public enum APIPage {
    public static func render(language: Language, path: String, account: AccountBar? = nil) -> String {
        let t = Texts(language)
        let de = language == .de
        let endpoints: [(SiteRoute, String, String)] = [
            (.apiUnits, "Gebietseinheiten, filterbar nach Ebene (level) und übergeordnetem Gebiet (parent), seitenweise (page, perPage)", "Spatial units, filtered by level and parent, paginated (page, perPage)"),
            (.apiUnit(key: "06532023"), "Eine Gebietseinheit nach amtlichem Schlüssel", "One spatial unit by official key"),
            (.apiGeoJSON, "Grenzen als GeoJSON (RFC 7946)", "Boundaries as GeoJSON (RFC 7946)"),
            (.openAPI, "Beschreibung der Schnittstelle (OpenAPI 3.1)", "API description (OpenAPI 3.1)"),
        ]
        let content: [HTMLNode] = [
            el("h1", text: t(.apiTitle)),
            el("p", text: t(.apiIntro)),
            el("ul", [("class", "endpoints")], endpoints.map { route, textDE, textEN in
                el("li", [], [el("a", [("href", route.path)], [el("code", text: "GET " + route.path)]), txt(" – " + (de ? textDE : textEN))])
            }),
            el("h2", text: de ? "Angebote im Standard Open Referral HSDS 3.0" : "Services in the Open Referral HSDS 3.0 standard"),
            el("p", text: de
                ? "Der Angebotsbestand ist als Human Services Data Specification 3.0 lesbar: /hsds/services, /hsds/organizations, /hsds/service_at_locations, /hsds/taxonomies und /hsds/taxonomy_terms (je mit /{id}), seitenweise (page, per_page) und filterbar (search, modified_after, taxonomy_term_id). Eigene Felder wie Personal (VZÄ), Rechtsgrundlage und präventiv sind Attribute der Taxonomie „sopla-merkmale“."
                : "The service inventory can be read as Human Services Data Specification 3.0: /hsds/services, /hsds/organizations, /hsds/service_at_locations, /hsds/taxonomies and /hsds/taxonomy_terms (each with /{id}), paginated (page, per_page) and filtered (search, modified_after, taxonomy_term_id). sopla's own fields such as staff (FTE), legal basis and the preventive flag are attributes of the taxonomy “sopla-merkmale”."),
            el("ul", [("class", "endpoints")], [
                el("li", [], [el("a", [("href", "/hsds/")], [el("code", text: "GET /hsds/")]), txt(de ? " – Angaben zur HSDS-Schnittstelle" : " – about the HSDS API")]),
                el("li", [], [el("a", [("href", "/hsds/openapi.json")], [el("code", text: "GET /hsds/openapi.json")]), txt(" – OpenAPI 3.1")]),
            ]),
        ]
        return Layout(title: t(.apiTitle), language: language, currentPath: path, account: account).render(content)
    }
}

/// A page for errors that tells people what happened and where to go, without internals.
public enum ErrorPage {
    /// `detail` says what exactly went wrong, below the general text (e.g. the largest file an upload takes); `next`
    /// links the page where to go on (before the general links).
    public static func render(status: Int, language: Language, path: String, account: AccountBar? = nil, formExpired: Bool = false,
                              detail: String? = nil, next: (label: String, path: String)? = nil) -> String {
        let t = Texts(language)
        let (title, text): (String, String)
        switch status {
        case 401: (title, text) = (t(.errorUnauthorizedTitle), t(.loginRequired))
        case 403: (title, text) = (t(.errorForbiddenTitle), formExpired ? t(.errorCSRFText) : t(.errorForbiddenText))
        case 404: (title, text) = (t(.errorNotFoundTitle), t(.errorNotFoundText))
        case 409: (title, text) = (t(.errorConflictTitle), t(.errorConflictText))
        case 413: (title, text) = (t(.errorTooLargeTitle), t(.errorTooLargeText))
        case 422: (title, text) = (t(.errorUnprocessableTitle), t(.errorUnprocessableText))
        case 429: (title, text) = (t(.errorTooManyTitle), t(.errorTooManyText))
        case 400..<500: (title, text) = (t(.errorBadRequestTitle), t(.errorServerText))
        case 503: (title, text) = (t(.errorUnavailableTitle), t(.errorUnavailableText))
        default: (title, text) = (t(.errorServerTitle), t(.errorServerText))
        }
        var links: [HTMLNode] = [el("a", [("href", SiteRoute.home.path)], text: t(.backHome))]
        if let next { links = [el("a", [("href", next.path)], text: next.label), txt(" · ")] + links }
        if status == 401 || (status == 403 && account == nil) {
            links += [txt(" · "), el("a", [("href", SiteRoute.login(next: path).path)], text: t(.login))]
        } else {
            links += [txt(" · "), el("a", [("href", SiteRoute.units().path)], text: t(.navUnits))]
        }
        let content: [HTMLNode] = [
            el("h1", text: title),
            el("p", text: text),
        ] + (detail.map { [el("p", [("class", "error-detail")], text: $0)] } ?? []) + [
            el("p", [], links),
        ]
        return Layout(title: title, language: language, currentPath: path, account: account).render(content)
    }
}
