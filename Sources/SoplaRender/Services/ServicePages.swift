import Foundation
import SoplaCore

/// One row of the inventory as lists show it.
public struct ServiceRow: Sendable {
    public let service: Service
    public let organisationName: String
    public let updatedAt: Date
    public let version: Int

    public init(service: Service, organisationName: String, updatedAt: Date, version: Int) {
        self.service = service
        self.organisationName = organisationName
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// The planner's inventory: every service, searchable, filterable, sortable, paged, as CSV.
public enum ServiceListPage {
    public static let perPage = 25

    public struct Model: Sendable {
        public let rows: [ServiceRow]
        public let total: Int
        public let state: ListState
        public let categories: [ServiceCategory]
        public let municipalities: [(key: String, name: String)]
        public let openProposals: Int

        public init(rows: [ServiceRow], total: Int, state: ListState, categories: [ServiceCategory], municipalities: [(key: String, name: String)], openProposals: Int) {
            self.rows = rows
            self.total = total
            self.state = state
            self.categories = categories
            self.municipalities = municipalities
            self.openProposals = openProposals
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let f = model.state.filters
        let filters = el("form", [("method", "get"), ("action", ServiceRoute.services().path), ("class", "filters")], [
            el("div", [("class", "field")], [el("label", [("for", "suche")], text: t(.searchLabel)),
                                             el("input", [("type", "search"), ("id", "suche"), ("name", "suche"), ("value", f["suche"] ?? "")])]),
            select("kategorie", t(.fieldCategory), [("", t(.allCategories))] + model.categories.map { ($0.code, language == .de ? $0.nameDE : $0.nameEN) }, f["kategorie"]),
            select("gemeinde", t(.fieldMunicipality), [("", t(.allMunicipalities))] + model.municipalities.map { ($0.key, $0.name) }, f["gemeinde"]),
            select("status", t(.fieldServiceStatus), [("", t(.allStatuses))] + ServiceStatus.allCases.map { ($0.rawValue, ServiceNames.status($0, language)) }, f["status"]),
            el("button", [("type", "submit")], text: t(.filter)),
        ])
        let rows: [[HTMLNode]] = model.rows.map { row in
            [el("a", [("href", ServiceRoute.service(id: row.service.id).path)], text: row.service.name),
             txt(row.organisationName),
             txt(ServiceNames.category(row.service.categoryCode, model.categories, language)),
             txt(ServiceNames.status(row.service.status, language)),
             txt(ServiceNames.fte(row.service.capacity.totalFTE, language)),
             txt(row.service.preventive ? t(.yes) : t(.no)),
             txt(row.service.lastVerified.map { Format.day($0, language) } ?? "–")]
        }
        let table = ListTable(caption: t(.servicesTitle), columns: [
            .init(t(.fieldServiceName), sortKey: "name"), .init(t(.fieldProvider), sortKey: "traeger"), .init(t(.fieldCategory), sortKey: "kategorie"),
            .init(t(.fieldServiceStatus)), .init(t(.columnFTE), sortKey: "vze", numeric: true), .init(t(.fieldPreventive)),
            .init(t(.columnVerified), sortKey: "geprueft"),
        ], rows: rows, state: model.state, defaultSort: "name", total: model.total, perPage: perPage)
        let content: [HTMLNode] = [
            el("h1", text: t(.servicesTitle)),
            el("p", [("class", "lead")], text: t(.servicesIntro)),
            ServicePlanningNav.render(t),
            model.openProposals > 0 ? Notice(.info, t(.openProposalsNotice).replacingOccurrences(of: "{n}", with: String(model.openProposals))).node : .empty,
            el("p", [("class", "actions")], [
                el("a", [("href", ServiceRoute.serviceNew.path), ("class", "button")], text: t(.newService)),
                el("a", [("href", model.state.link(ServiceRoute.servicesCSV.path))], text: t(.downloadCSV)),
            ]),
            filters,
        ] + table.render(language, emptyText: t(.noServices))
        return Layout(title: t(.servicesTitle), context: context).render(content)
    }

    static func select(_ name: String, _ label: String, _ options: [(String, String)], _ selected: String?) -> HTMLNode {
        el("div", [("class", "field")], [
            el("label", [("for", name)], text: label),
            el("select", [("id", name), ("name", name)], options.map { el("option", [("value", $0.0), ("selected", $0.0 == (selected ?? "") ? "selected" : nil)], text: $0.1) }),
        ])
    }
}

/// Links between the planning views.
enum ServicePlanningNav {
    static func render(_ t: Texts) -> HTMLNode {
        let links: [(ServiceText, String)] = [(.servicesTitle, ServiceRoute.services().path), (.coverageTitle, ServiceRoute.coverage(category: nil).path),
                                             (.duplicatesTitle, ServiceRoute.duplicates.path), (.roundsTitle, ServiceRoute.rounds.path),
                                             (.standardsTitle, ServiceRoute.standards.path), (.categoriesTitle, ServiceRoute.categories.path)]
        return el("nav", [("class", "sub-nav"), ("aria-label", t(.planningNavigation))], [
            el("ul", [], links.map { el("li", [], [el("a", [("href", $0.1)], text: t($0.0))]) }),
        ])
    }
}

/// Everything about one service for the planner, with every accepted version.
public enum ServicePage {
    public struct Model: Sendable {
        public let row: ServiceRow
        public let categories: [ServiceCategory]
        public let unitNames: [String: String]
        public let versions: [(version: Int, acceptedBy: String, acceptedAt: Date, changes: [FieldChange])]
        public let editPath: String?
        public let backPath: String

        public init(row: ServiceRow, categories: [ServiceCategory], unitNames: [String: String],
                    versions: [(version: Int, acceptedBy: String, acceptedAt: Date, changes: [FieldChange])], editPath: String?, backPath: String) {
            self.row = row
            self.categories = categories
            self.unitNames = unitNames
            self.versions = versions
            self.editPath = editPath
            self.backPath = backPath
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let s = model.row.service
        let history = model.versions.isEmpty ? el("p", [("class", "empty-state")], text: t(.noVersions)) : el("div", [("class", "table-wrap")], [
            el("table", [("class", "data")], [
                el("caption", text: t(.versionsTitle)),
                el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: t(.columnVersion)), el("th", [("scope", "col")], text: t(.columnAccepted)),
                                               el("th", [("scope", "col")], text: t(.columnChanges))])]),
                el("tbody", [], model.versions.map { version in
                    el("tr", [], [
                        el("th", [("scope", "row")], text: String(version.version)),
                        el("td", text: DateText.dateTime(version.acceptedAt, language) + " · " + version.acceptedBy),
                        el("td", [], [version.changes.isEmpty ? txt("–") : el("ul", [("class", "changes")], version.changes.map {
                            el("li", text: ServiceDiff.fieldName($0.field, language) + ": " + ($0.before ?? "–") + " → " + ($0.after ?? "–"))
                        })]),
                    ])
                }),
            ]),
        ])
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", model.backPath)], text: t(.back))]),
            el("h1", text: s.name),
            model.editPath.map { el("p", [("class", "actions")], [el("a", [("href", $0), ("class", "button")], text: t(.editService))]) } ?? .empty,
            ServiceFacts.render(s, organisationName: model.row.organisationName, categories: model.categories, unitNames: model.unitNames, language: language, showInternal: true),
            el("h2", text: t(.versionsTitle)),
            history,
        ]
        return Layout(title: s.name, context: context).render(content)
    }
}

/// A service's facts as a description list (planner page, directory page, proposal review).
public enum ServiceFacts {
    public static func render(_ s: Service, organisationName: String, categories: [ServiceCategory], unitNames: [String: String], language: Language,
                              showInternal: Bool) -> HTMLNode {
        let t = Texts(language)
        var facts: [(String, HTMLNode)] = [
            (t(.fieldProvider), txt(organisationName)),
            (t(.fieldCategory), txt(ServiceNames.category(s.categoryCode, categories, language))),
        ]
        if !s.description.isEmpty { facts.append((t(.fieldDescription), txt(s.description))) }
        if s.status != .active { facts.append((t(.fieldServiceStatus), txt(ServiceNames.status(s.status, language)))) }
        facts.append((t(.fieldTargetGroup), txt(targetText(s.targetGroup, language))))
        if let legal = s.legalBasis, !legal.isEmpty { facts.append((t(.fieldLegalBasis), txt(legal))) }
        for location in s.locations {
            let lines = [location.name, location.street, [location.postcode, location.city].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }
            facts.append((t(.fieldAddress), el("address", [], lines.enumerated().flatMap { index, line in index == 0 ? [txt(line)] : [el("br"), txt(line)] })))
        }
        if s.addressProtected {
            facts.append((t(.fieldAddress), txt(showInternal ? t(.fieldAddressProtected) + ": " + t(.addressProtectedHint) : t(.addressProtectedText))))
        }
        if s.outreach, !(s.addressProtected && !showInternal) { facts.append((t(.fieldOutreach), txt(t(.outreachText)))) }
        if !s.openingHours.isEmpty {
            facts.append((t(.fieldOpeningHours), el("ul", [("class", "plain")], ServiceEntry.openingHoursText(s.openingHours).split(separator: "\n").map { el("li", text: String($0)) })))
        }
        if showInternal, !s.openingHours.isEmpty {
            let hours = Double(s.openingHours.reduce(0) { $0 + $1.minutes }) / 60
            facts.append((t(.fieldHoursPerWeek), txt(Format.decimal(hours, digits: 1, language) + " " + t(.hoursUnit))))
        }
        if let phone = s.phone, !phone.isEmpty { facts.append((t(.fieldServicePhone), el("a", [("href", "tel:" + phone.filter { $0.isNumber || $0 == "+" })], text: phone))) }
        if let email = s.email, !email.isEmpty { facts.append((t(.fieldServiceEmail), el("a", [("href", "mailto:" + email)], text: email))) }
        if let website = s.website, !website.isEmpty { facts.append((t(.fieldServiceWebsite), el("a", [("href", website)], text: website))) }
        facts.append((t(.fieldLanguages), txt(s.languages.map { LanguageNames.name($0, language) }.joined(separator: ", "))))
        var access: [String] = []
        if s.stepFree { access.append(t(.stepFreeText)) }
        if s.signLanguage { access.append(t(.signLanguageText)) }
        facts.append((t(.fieldAccessibility), txt(access.isEmpty ? t(.noAccessibilityInfo) : access.joined(separator: ", "))))
        if let fees = s.fees, !fees.isEmpty { facts.append((t(.fieldFees), txt(fees))) }
        if let eligibility = s.eligibility, !eligibility.isEmpty { facts.append((t(.fieldEligibility), txt(eligibility))) }
        if let how = s.howToApply, !how.isEmpty { facts.append((t(.fieldHowToApply), txt(how))) }
        if !s.serviceArea.isEmpty {
            facts.append((t(.fieldServiceArea), txt(s.serviceArea.map { unitNames[$0] ?? $0 }.sorted().joined(separator: ", "))))
        }
        if showInternal, let shares = s.areaShares, !shares.isEmpty {
            let total = shares.values.reduce(0, +)
            let text = shares.map { (unitNames[$0.key] ?? $0.key, $0.value) }.sorted { $0.0 < $1.0 }
                .map { "\($0.0) " + Format.decimal($0.1 / total * 100, digits: 0, language) + " %" }.joined(separator: ", ")
            facts.append((t(.fieldAreaShares), txt(text)))
        }
        if showInternal {
            facts.append((t(.fieldPreventive), txt(s.preventive ? t(.yes) : t(.no))))
            let staff = s.capacity.fte.sorted { $0.key < $1.key }.map { "\($0.key): \(ServiceNames.fte($0.value, language))" }
            facts.append((t(.fieldStaff), txt(staff.isEmpty ? "–" : staff.joined(separator: "; ") + " (" + t(.columnFTE) + " " + ServiceNames.fte(s.capacity.totalFTE, language) + ")")))
            if let places = s.capacity.places { facts.append((t(.fieldPlaces), txt(Format.integer(places, language)))) }
            if let cases = s.capacity.casesPerYear {
                facts.append((t(.fieldCasesPerYear), txt(Format.integer(cases, language) + (s.capacity.referenceYear.map { " (\($0))" } ?? ""))))
            }
        }
        // Who verified is for the planners; the public sees only when.
        facts.append((t(.columnVerified), txt(s.lastVerified.map { Format.day($0, language) + (showInternal ? s.verifiedBy.map { " · " + $0 } ?? "" : "") } ?? "–")))
        return el("dl", [("class", "facts")], facts.flatMap { [el("dt", text: $0.0), el("dd", [], [$0.1])] })
    }

    public static func targetText(_ group: TargetGroup, _ language: Language) -> String {
        var parts = [ServiceNames.ages(group, language)]
        if !group.sexes.isEmpty { parts.append(group.sexes.sorted { $0.rawValue < $1.rawValue }.map { ServiceNames.sex($0, language) }.joined(separator: ", ")) }
        if !group.situations.isEmpty { parts.append(group.situations.sorted().joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}

/// Language codes (ISO 639-1) as names.
public enum LanguageNames {
    static let names: [String: (String, String)] = [
        "de": ("Deutsch", "German"), "en": ("Englisch", "English"), "tr": ("Türkisch", "Turkish"), "ar": ("Arabisch", "Arabic"),
        "ru": ("Russisch", "Russian"), "pl": ("Polnisch", "Polish"), "fr": ("Französisch", "French"), "uk": ("Ukrainisch", "Ukrainian"),
        "fa": ("Persisch", "Persian"), "ro": ("Rumänisch", "Romanian"), "it": ("Italienisch", "Italian"), "es": ("Spanisch", "Spanish"),
        "ku": ("Kurdisch", "Kurdish"), "gsg": ("Deutsche Gebärdensprache", "German Sign Language"),
    ]

    public static func name(_ code: String, _ language: Language) -> String {
        guard let pair = names[code.lowercased()] else { return code }
        return language == .de ? pair.0 : pair.1
    }

    public static var all: [String] { names.keys.sorted() }
}

/// Field names of a service's change list.
public enum ServiceDiff {
    public static func fieldName(_ field: String, _ language: Language) -> String {
        let t = Texts(language)
        if field.hasPrefix("fte.") { return t(.fieldStaff) + " " + field.dropFirst(4) }
        let labels = ServiceFormPage.labels(t)
        let extra: [String: String] = ["category": t(.fieldCategory), "sexes": t(.fieldSexes), "locations": t(.fieldAddress), "status": t(.fieldServiceStatus)]
        return extra[field] ?? labels[field] ?? field
    }
}
