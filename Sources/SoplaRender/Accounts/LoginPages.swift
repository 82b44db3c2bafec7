import Foundation
import SoplaCore

/// The login form.
public enum LoginPage {
    public enum Problem: Sendable, Equatable {
        /// Wrong e-mail or password; the message does not say which.
        case invalidCredentials
        case throttled(seconds: Int)
        case sessionExpired
        case formExpired
    }

    public struct Model: Sendable {
        public let email: String?
        public let next: String?
        public let problem: Problem?
        public let notice: Notice?

        public init(email: String? = nil, next: String? = nil, problem: Problem? = nil, notice: Notice? = nil) {
            self.email = email
            self.next = next
            self.problem = problem
            self.notice = notice
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language)
        var message: HTMLNode = .empty
        switch model.problem {
        case .invalidCredentials?: message = Notice(.warning, t(.loginFailed)).node
        case .throttled(let seconds)?: message = Notice(.warning, t(.loginThrottled).replacingOccurrences(of: "{n}", with: String(seconds))).node
        case .sessionExpired?: message = Notice(.info, t(.loginRequired)).node
        case .formExpired?: message = Notice(.warning, t(.formExpired)).node
        case nil: break
        }
        let content: [HTMLNode] = [
            el("h1", text: t(.loginTitle)),
            model.notice?.node ?? .empty,
            message,
            el("form", [("method", "post"), ("action", SiteRoute.login().path), ("class", "stacked narrow")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                model.next.map { el("input", [("type", "hidden"), ("name", "weiter"), ("value", $0)]) } ?? .empty,
                form.text("email", label: t(.fieldEmail), value: model.email, type: "email", required: true, autocomplete: "username"),
                form.text("password", label: t(.fieldPassword), value: nil, type: "password", required: true, autocomplete: "current-password", maxLength: 128),
                el("button", [("type", "submit")], text: t(.login)),
            ]),
            el("p", [("class", "hint")], text: t(.loginHelp)),
        ]
        return Layout(title: t(.loginTitle), context: context).render(content)
    }
}

/// Setting a password through an invitation or reset link.
public enum AccessLinkPage {
    public enum State: Sendable, Equatable {
        case usable(purpose: AccessLinkPurpose, displayName: String, email: String)
        case unusable
    }

    public struct Model: Sendable {
        public let token: String
        public let state: State
        public let issues: [ValidationIssue]

        public init(token: String, state: State, issues: [ValidationIssue] = []) {
            self.token = token
            self.state = state
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        guard case .usable(let purpose, let name, let email) = model.state else {
            let content: [HTMLNode] = [
                el("h1", text: t(.accessLinkUnusableTitle)),
                el("p", text: t(.accessLinkUnusableText)),
                el("p", [], [el("a", [("href", SiteRoute.login().path)], text: t(.login))]),
            ]
            return Layout(title: t(.accessLinkUnusableTitle), context: context).render(content)
        }
        let title = purpose == .invitation ? t(.invitationTitle) : t(.resetTitle)
        let form = FormBuilder(language: context.language, issues: model.issues)
        let labels = ["password": t(.fieldNewPassword), "passwordConfirmation": t(.fieldPasswordConfirmation)]
        let content: [HTMLNode] = [
            el("h1", text: title),
            el("p", text: t(.accessLinkIntro).replacingOccurrences(of: "{name}", with: name).replacingOccurrences(of: "{email}", with: email)),
            purpose == .passwordReset ? el("p", text: t(.passwordEndsAccess)) : .empty,
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", SiteRoute.accessLink(token: model.token).path), ("class", "stacked narrow")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("input", [("type", "email"), ("name", "username"), ("value", email), ("autocomplete", "username"), ("hidden", "hidden"), ("aria-hidden", "true"), ("tabindex", "-1")]),
                form.text("password", label: labels["password"]!, value: nil, type: "password", required: true, autocomplete: "new-password",
                          hint: t(.passwordRules), maxLength: 128),
                form.text("passwordConfirmation", label: labels["passwordConfirmation"]!, value: nil, type: "password", required: true,
                          autocomplete: "new-password", maxLength: 128),
                el("button", [("type", "submit")], text: t(.setPassword)),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// The own account: profile, password change, API tokens.
public enum AccountPage {
    public struct Model: Sendable {
        public let user: UserAccount
        public let organisationNames: [String]
        public let tokens: [APIToken]
        /// A token just created: shown this once, never again.
        public let newToken: String?
        public let passwordIssues: [ValidationIssue]
        public let tokenIssues: [ValidationIssue]
        public let notice: Notice?
        /// When the personal calendar link was made (nil: none), and the link just made (shown this once).
        public var calendarLinkCreated: Date?
        public var newCalendarLink: String?

        public init(user: UserAccount, organisationNames: [String], tokens: [APIToken], newToken: String? = nil,
                    passwordIssues: [ValidationIssue] = [], tokenIssues: [ValidationIssue] = [], notice: Notice? = nil) {
            self.user = user
            self.organisationNames = organisationNames
            self.tokens = tokens
            self.newToken = newToken
            self.passwordIssues = passwordIssues
            self.tokenIssues = tokenIssues
            self.notice = notice
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let csrf = FormBuilder.csrf(context.csrfToken ?? "")
        let passwordForm = FormBuilder(language: language, issues: model.passwordIssues)
        let tokenForm = FormBuilder(language: language, issues: model.tokenIssues)
        let passwordLabels = ["currentPassword": t(.fieldCurrentPassword), "password": t(.fieldNewPassword), "passwordConfirmation": t(.fieldPasswordConfirmation)]
        let user = model.user
        var content: [HTMLNode] = [
            el("h1", text: t(.accountTitle)),
            model.notice?.node ?? .empty,
            el("section", [("aria-labelledby", "profil")], [
                el("h2", [("id", "profil")], text: t(.profileTitle)),
                el("dl", [("class", "facts")], [
                    el("dt", text: t(.fieldDisplayName)), el("dd", text: user.displayName),
                    el("dt", text: t(.fieldEmail)), el("dd", text: user.email),
                    el("dt", text: t(.fieldRoles)), el("dd", text: AccountNames.roles(user.roles, language)),
                    el("dt", text: t(.fieldOrganisations)), el("dd", text: model.organisationNames.isEmpty ? "–" : model.organisationNames.joined(separator: ", ")),
                ]),
            ]),
            el("section", [("aria-labelledby", "passwort")], [
                el("h2", [("id", "passwort")], text: t(.changePasswordTitle)),
                el("p", text: t(.passwordEndsAccess)),
                passwordForm.summary(labels: passwordLabels),
                el("form", [("method", "post"), ("action", SiteRoute.accountPassword.path), ("class", "stacked narrow")], [
                    csrf,
                    el("input", [("type", "email"), ("name", "username"), ("value", user.email), ("autocomplete", "username"), ("hidden", "hidden"), ("aria-hidden", "true"), ("tabindex", "-1")]),
                    passwordForm.text("currentPassword", label: passwordLabels["currentPassword"]!, value: nil, type: "password", required: true, autocomplete: "current-password", maxLength: 128),
                    passwordForm.text("password", label: passwordLabels["password"]!, value: nil, type: "password", required: true, autocomplete: "new-password", hint: t(.passwordRules), maxLength: 128),
                    passwordForm.text("passwordConfirmation", label: passwordLabels["passwordConfirmation"]!, value: nil, type: "password", required: true, autocomplete: "new-password", maxLength: 128),
                    el("button", [("type", "submit")], text: t(.changePassword)),
                ]),
            ]),
        ]
        var tokenSection: [HTMLNode] = [el("h2", [("id", "tokens")], text: t(.apiTokensTitle)), el("p", text: t(.apiTokensIntro))]
        if let newToken = model.newToken {
            tokenSection.append(el("div", [("class", "notice notice-success"), ("role", "status")], [
                el("p", text: t(.tokenCreatedOnce)),
                el("p", [], [el("code", [("class", "secret"), ("id", "neues-token")], text: newToken)]),
            ]))
        }
        let rows: [[HTMLNode]] = model.tokens.map { token in
            [
                txt(token.name),
                txt(AccountNames.scope(token.scope, language)),
                el("code", text: token.prefix + "…"),
                txt(DateText.dateTime(token.createdAt, language)),
                txt(token.lastUsedAt.map { DateText.dateTime($0, language) } ?? "–"),
                token.isActive
                    ? el("form", [("method", "post"), ("action", SiteRoute.accountTokenRevoke(id: token.id).path), ("class", "inline")], [
                        csrf, el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", t(.revokeToken) + ": " + token.name)], text: t(.revokeToken)),
                    ])
                    : txt(t(.tokenRevoked) + " " + (token.revokedAt.map { DateText.dateTime($0, language) } ?? "")),
            ]
        }
        let table = ListTable(caption: t(.apiTokensTitle), columns: [
            .init(t(.fieldName)), .init(t(.fieldScope)), .init(t(.fieldTokenPrefix)), .init(t(.fieldCreatedAt)), .init(t(.fieldLastUsed)), .init(t(.fieldStatus)),
        ], rows: rows, state: ListState(path: SiteRoute.account.path), defaultSort: "", total: rows.count, perPage: max(rows.count, 1))
        tokenSection += table.render(language, emptyText: t(.noTokens))
        tokenSection.append(el("h3", text: t(.createToken)))
        tokenSection.append(tokenForm.summary(labels: ["tokenName": t(.fieldName), "scope": t(.fieldScope)]))
        tokenSection.append(el("form", [("method", "post"), ("action", SiteRoute.accountTokens.path), ("class", "stacked narrow")], [
            csrf,
            tokenForm.text("tokenName", label: t(.fieldName), value: nil, required: true, hint: t(.tokenNameHint), maxLength: 80),
            tokenForm.select("scope", label: t(.fieldScope), options: TokenScope.allCases.map { ($0.rawValue, AccountNames.scope($0, language)) }, selected: TokenScope.read.rawValue),
            el("button", [("type", "submit")], text: t(.createToken)),
        ]))
        content.append(el("section", [("aria-labelledby", "tokens")], tokenSection))
        content.append(calendarSection(model, csrf: csrf, context: context))
        return Layout(title: t(.accountTitle), context: context).render(content)
    }

    /// The personal calendar: the meetings of one's bodies, internal ones too, by a secret link for calendar apps.
    static func calendarSection(_ model: Model, csrf: HTMLNode, context: PageContext) -> HTMLNode {
        let de = context.language == .de
        var nodes: [HTMLNode] = [
            el("h2", [("id", "kalender")], text: de ? "Persönlicher Sitzungskalender" : "Personal meeting calendar"),
            el("p", text: de ? "Die Sitzungen Ihrer Gremien, auch nicht öffentliche, als Kalender-Abonnement (iCalendar) für Ihr Kalenderprogramm. Der Link ist persönlich: Wer ihn kennt, sieht Ihre Sitzungstermine. Ein neuer Link macht den bisherigen ungültig."
                : "The meetings of your bodies, internal ones too, as a calendar subscription (iCalendar). The link is personal: whoever knows it sees your meeting dates. A new link ends the previous one."),
        ]
        if let link = model.newCalendarLink {
            nodes.append(el("div", [("class", "notice notice-success"), ("role", "status")], [
                el("p", text: de ? "Ihr Kalender-Link (wird nur jetzt angezeigt, bitte in Ihr Kalenderprogramm übernehmen):" : "Your calendar link (shown only now, please add it to your calendar program):"),
                el("p", [], [el("code", [("class", "secret"), ("id", "kalender-link")], text: link)]),
            ]))
        } else if let created = model.calendarLinkCreated {
            nodes.append(el("p", text: (de ? "Ein Kalender-Link besteht seit " : "A calendar link exists since ") + DateText.dateTime(created, context.language) + "."))
        }
        nodes.append(el("form", [("method", "post"), ("action", SiteRoute.accountCalendar.path), ("class", "inline")], [
            csrf, el("button", [("type", "submit")], text: model.calendarLinkCreated == nil ? (de ? "Kalender-Link erzeugen" : "Create calendar link")
                                                                                            : (de ? "Neuen Kalender-Link erzeugen" : "Create a new calendar link")),
        ]))
        if model.calendarLinkCreated != nil {
            nodes.append(el("form", [("method", "post"), ("action", SiteRoute.accountCalendarRevoke.path), ("class", "inline")], [
                csrf, el("button", [("type", "submit"), ("class", "secondary")], text: de ? "Kalender-Link widerrufen" : "Revoke calendar link"),
            ]))
        }
        return el("section", [("aria-labelledby", "kalender")], nodes)
    }
}
