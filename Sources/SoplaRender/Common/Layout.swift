import Foundation
import Plot

/// The frame of every page: skip link, header with navigation and language switch, main, footer.
public struct Layout: Sendable {
    public let title: String
    public let language: Language
    /// The current path, for the language switch and to mark the current navigation entry.
    public let currentPath: String
    /// Whether the page shows boundary geometry and so must show its attribution.
    public let showsGeometry: Bool

    public init(title: String, language: Language, currentPath: String, showsGeometry: Bool = false) {
        self.title = title
        self.language = language
        self.currentPath = currentPath
        self.showsGeometry = showsGeometry
    }

    public func render(_ content: [HTMLNode]) -> String {
        let t = Texts(language)
        let nav: [(TextKey, SiteRoute)] = [(.navHome, .home), (.navUnits, .units()), (.navData, .data), (.navAPI, .api)]
        let switchTarget = currentPath + (currentPath.contains("?") ? "&" : "?") + "lang=" + language.other.rawValue
        let head: [HTMLNode] = [
            el("meta", [("charset", "utf-8")]),
            el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            el("title", text: title + " – sopla"),
            el("link", [("rel", "stylesheet"), ("href", SiteRoute.stylesheet.path)]),
            el("link", [("rel", "icon"), ("href", SiteRoute.favicon.path), ("type", "image/svg+xml")]),
        ]
        let body: [HTMLNode] = [
            el("a", [("class", "skip-link"), ("href", "#inhalt")], text: t(.skipToContent)),
            el("header", [("class", "site-header")], [
                el("div", [("class", "brand")], [
                    el("a", [("href", SiteRoute.home.path), ("class", "brand-name")], text: "sopla"),
                    el("span", [("class", "tagline")], text: t(.siteTagline)),
                ]),
                el("nav", [("aria-label", t(.mainNavigation))], [
                    el("ul", [], nav.map { key, route in
                        let isCurrent = route.path == "/" ? currentPath == "/" || currentPath.hasPrefix("/?") : currentPath.hasPrefix(route.path)
                        return el("li", [], [el("a", [("href", route.path), ("aria-current", isCurrent ? "page" : nil)], text: t(key))])
                    }),
                ]),
                el("a", [("class", "language-switch"), ("href", switchTarget), ("lang", language.other.rawValue),
                         ("hreflang", language.other.rawValue), ("aria-label", t(.switchLanguageLabel))], text: t(.switchLanguage)),
            ]),
            el("main", [("id", "inhalt"), ("tabindex", "-1")], content),
            el("footer", [("class", "site-footer")], [
                el("p", [], text: t(.footerText)),
                showsGeometry ? el("p", [("class", "attribution")], text: t(.attribution)) : .empty,
                el("p", [("class", "attribution")], text: t(.attributionStatistics)),
                el("p", [], [el("a", [("href", SiteRoute.data.path)], text: t(.navData))]),
            ]),
        ]
        return HTMLDocument(language: language, head: head, body: body).html
    }
}
