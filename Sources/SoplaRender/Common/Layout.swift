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
    /// The logged-in person, or nil.
    public let account: AccountBar?
    /// Reloads the page after this many seconds (a running import shows its progress without script).
    public var refreshSeconds: Int?
    /// Shown above the content.
    public var notice: Notice?

    public init(title: String, language: Language, currentPath: String, showsGeometry: Bool = false, account: AccountBar? = nil) {
        self.title = title
        self.language = language
        self.currentPath = currentPath
        self.showsGeometry = showsGeometry
        self.account = account
    }

    public init(title: String, context: PageContext, showsGeometry: Bool = false) {
        self.init(title: title, language: context.language, currentPath: context.path, showsGeometry: showsGeometry, account: context.account)
        notice = context.notice
    }

    public func render(_ content: [HTMLNode]) -> String {
        let t = Texts(language)
        var nav: [(String, String)] = [(t(.navHome), SiteRoute.home.path), (t(.navUnits), SiteRoute.units().path), (t(.navIndicators), SiteRoute.indicators().path),
                                        (t(.navDirectory), ServiceRoute.directory().path), (t(.navBodies), ParticipationRoute.bodies()), (t(.navPapers), ParticipationRoute.papers()),
                                        (t(.processesTitle), ParticipationRoute.processes()), (t(.measuresTitle), ParticipationRoute.measures()),
                                        (t(.reportsTitle), ReportRoute.published())]
        if account?.mayManageServices == true { nav.append((t(.navServices), ServiceRoute.services().path)) }
        if account?.mayManageFunding == true { nav += [(t(.fundingTitle), FundingRoute.overview()), (t(.reportBuilderTitle), ReportRoute.manage())] }
        nav += [(t(.navOrganisations), SiteRoute.organisations.path), (t(.navData), SiteRoute.data.path), (t(.navAPI), SiteRoute.api.path)]
        let switchTarget = currentPath + (currentPath.contains("?") ? "&" : "?") + "lang=" + language.other.rawValue
        let head: [HTMLNode] = [
            el("meta", [("charset", "utf-8")]),
            el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            el("title", text: title + " – sopla"),
            el("link", [("rel", "stylesheet"), ("href", SiteRoute.stylesheet.path)]),
            el("link", [("rel", "icon"), ("href", SiteRoute.favicon.path), ("type", "image/svg+xml")]),
            refreshSeconds.map { el("meta", [("http-equiv", "refresh"), ("content", String($0))]) } ?? .empty,
        ]
        let body: [HTMLNode] = [
            el("a", [("class", "skip-link"), ("href", "#inhalt")], text: t(.skipToContent)),
            el("header", [("class", "site-header")], [
                el("div", [("class", "brand")], [
                    el("a", [("href", SiteRoute.home.path), ("class", "brand-name")], text: "sopla"),
                    el("span", [("class", "tagline")], text: t(.siteTagline)),
                ]),
                el("nav", [("aria-label", t(.mainNavigation))], [
                    el("ul", [], nav.map { label, path in
                        let isCurrent = path == "/" ? currentPath == "/" || currentPath.hasPrefix("/?") : currentPath.hasPrefix(path)
                        return el("li", [], [el("a", [("href", path), ("aria-current", isCurrent ? "page" : nil)], text: label)])
                    }),
                ]),
                el("a", [("class", "language-switch"), ("href", switchTarget), ("lang", language.other.rawValue),
                         ("hreflang", language.other.rawValue), ("aria-label", t(.switchLanguageLabel))], text: t(.switchLanguage)),
                accountArea(t),
            ]),
            el("main", [("id", "inhalt"), ("tabindex", "-1")], (notice.map { [$0.node] } ?? []) + content),
            el("footer", [("class", "site-footer")], [
                el("p", [], text: t(.footerText)),
                showsGeometry ? el("p", [("class", "attribution")], text: t(.attribution)) : .empty,
                el("p", [("class", "attribution")], text: t(.attributionStatistics)),
                el("p", [], [el("a", [("href", SiteRoute.data.path)], text: t(.navData))]),
            ]),
        ]
        return HTMLDocument(language: language, head: head, body: body).html
    }

    func accountArea(_ t: Texts) -> HTMLNode {
        guard let account else {
            let loginTarget = currentPath.hasPrefix(SiteRoute.login().path) ? nil : currentPath
            return el("nav", [("class", "account-nav"), ("aria-label", t(.accountNavigation))], [
                el("a", [("href", SiteRoute.login(next: loginTarget).path)], text: t(.login)),
            ])
        }
        var links: [(String, String)] = [(t(.navAccount), SiteRoute.account.path), (t(.inboxTitle), ParticipationRoute.inbox())]
        if let own = account.ownServicesPath { links.append((t(.ownServicesNav), own)) }
        if let own = account.ownConsultationsPath { links.append((t(.organisationConsultationsTitle), own)) }
        if let own = account.ownFundingPath { links.append((t(.ownFundingTitle), own)) }
        if account.mayReview { links.append((t(.reviewsTitle), FundingRoute.reviews())) }
        if account.mayManageUsers { links += [(t(.navUsers), SiteRoute.users.path), (t(.navAudit), SiteRoute.audit.path)] }
        if account.mayViewPolicy { links.append((t(.navPolicy), SiteRoute.policy.path)) }
        return el("nav", [("class", "account-nav"), ("aria-label", t(.accountNavigation))], [
            el("span", [("class", "signed-in-as")], text: t(.signedInAs) + " " + account.displayName),
            el("ul", [], links.map { label, path in
                el("li", [], [el("a", [("href", path), ("aria-current", currentPath.hasPrefix(path) ? "page" : nil)], text: label)])
            }),
            el("form", [("method", "post"), ("action", SiteRoute.logout.path), ("class", "logout")], [
                FormBuilder.csrf(account.csrfToken),
                el("button", [("type", "submit")], text: t(.logout)),
            ]),
        ])
    }
}

/// The logged-in person as the page header shows them.
public struct AccountBar: Sendable, Equatable {
    public let displayName: String
    public let csrfToken: String
    public let mayManageUsers: Bool
    public let mayViewPolicy: Bool
    public let mayManageServices: Bool
    /// The services page of the provider's own organisation.
    public let ownServicesPath: String?
    /// The consultations the provider's own organisation is invited to.
    public let ownConsultationsPath: String?
    /// The funding page of the provider's own organisation.
    public let ownFundingPath: String?
    public let mayManageFunding: Bool
    public let mayReview: Bool

    public init(displayName: String, csrfToken: String, mayManageUsers: Bool, mayViewPolicy: Bool, mayManageServices: Bool = false, ownServicesPath: String? = nil,
                ownConsultationsPath: String? = nil, ownFundingPath: String? = nil, mayManageFunding: Bool = false, mayReview: Bool = false) {
        self.ownFundingPath = ownFundingPath
        self.mayManageFunding = mayManageFunding
        self.mayReview = mayReview
        self.ownConsultationsPath = ownConsultationsPath
        self.displayName = displayName
        self.csrfToken = csrfToken
        self.mayManageUsers = mayManageUsers
        self.mayViewPolicy = mayViewPolicy
        self.mayManageServices = mayManageServices
        self.ownServicesPath = ownServicesPath
    }
}

/// What every page needs besides its model: language, address and who is logged in.
public struct PageContext: Sendable {
    public let language: Language
    public let path: String
    public let account: AccountBar?
    /// The token forms on this page send back; present for logged-in people and on login forms.
    public let csrfToken: String?
    /// A notice the layout shows above the content (after a redirect).
    public let notice: Notice?

    public init(language: Language, path: String, account: AccountBar? = nil, csrfToken: String? = nil, notice: Notice? = nil) {
        self.language = language
        self.path = path
        self.account = account
        self.csrfToken = csrfToken ?? account?.csrfToken
        self.notice = notice
    }

    public var t: Texts { Texts(language) }
}
