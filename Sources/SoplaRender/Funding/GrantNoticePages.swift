import Foundation
import SoplaCore

/// Texts of grant notices and their sender, German and English.
public enum NoticeText: Sendable {
    case settingsTitle, settingsIntro, settingsLink, authority, department, street, postcode, city, contact, phone, email
    case fileNumberPrefix, fileNumberPrefixHint, signatory, signatoryRole, generalConditions, legalRemedy, legalRemedyHint, saveSender
    case draft, draftHint, issue, issueAmending, issueHint, settingsMissing, issuedTitle, noneIssued, outdated
    case columnNoticeNumber, columnFileNumber, columnIssuedOn, columnIssuedBy, columnTotal, columnDocument, pdfWord, viewNotice
    case amendingTitle, amends, fileNumberLabel, dateLabel, contactLabel, phoneLabel, emailLabel, subject, salutation
    case grantHeading, grantText, purposeHeading, purposeServices, termHeading, termText, financingHeading, shareText
    case conditionsHeading, targetsHeading, standardsHeading, reasonsHeading, reasonResolution, reasonAdministrative
    case unchangedSince, draftLink, remedyHeading, closing, onBehalf, totalRow, columnTargetIndicator, noticeOf, printHint, issuedNotice, noticeOfDate

    var pair: (String, String) {
        switch self {
        case .settingsTitle: return ("Absender der Zuwendungsbescheide", "Sender of grant notices")
        case .settingsIntro: return ("Diese Angaben stehen im Briefkopf, im Aktenzeichen, im Unterschriftsblock und in der Rechtsbehelfsbelehrung jedes neuen Bescheids. Bereits erlassene Bescheide bleiben, wie sie versandt wurden.",
                                     "These details appear in the letterhead, the file number, the signature and the legal remedy instruction of every new notice. Notices already issued stay as they were sent.")
        case .settingsLink: return ("Absenderangaben der Bescheide bearbeiten", "Edit the sender of grant notices")
        case .authority: return ("Behörde", "Authority")
        case .department: return ("Organisationseinheit", "Office")
        case .street: return ("Straße und Hausnummer", "Street and number")
        case .postcode: return ("Postleitzahl", "Postcode")
        case .city: return ("Ort", "City")
        case .contact: return ("Ansprechperson", "Contact person")
        case .phone: return ("Telefon", "Phone")
        case .email: return ("E-Mail", "E-mail")
        case .fileNumberPrefix: return ("Vorsatz des Aktenzeichens", "File number prefix")
        case .fileNumberPrefixHint: return ("Steht vor dem Zeichen der Vereinbarung: „50.2“ und „LDK-2026-001“ ergeben „50.2-LDK-2026-001“. Leer: das Zeichen der Vereinbarung allein.",
                                            "Put before the agreement's reference: “50.2” and “LDK-2026-001” give “50.2-LDK-2026-001”. Empty: the reference alone.")
        case .signatory: return ("Unterzeichnende Person", "Signatory")
        case .signatoryRole: return ("Funktion der unterzeichnenden Person", "Signatory's role")
        case .generalConditions: return ("Allgemeine Nebenbestimmungen", "General conditions")
        case .legalRemedy: return ("Rechtsbehelfsbelehrung", "Legal remedy instruction")
        case .legalRemedyHint: return ("{behoerde} wird durch die Behörde, {anschrift} durch ihre Anschrift ersetzt.", "{behoerde} is replaced by the authority, {anschrift} by its address.")
        case .saveSender: return ("Absenderangaben speichern", "Save the sender")
        case .draft: return ("Entwurf – noch nicht erlassen", "Draft – not issued yet")
        case .draftHint: return ("So sähe der Bescheid aus, wenn er heute erlassen würde.", "This is how the notice would read if issued today.")
        case .issue: return ("Bescheid erlassen", "Issue the notice")
        case .issueAmending: return ("Änderungsbescheid erlassen", "Issue an amending notice")
        case .issueHint: return ("Der Bescheid erhält das heutige Datum und wird unverändert bei der Vereinbarung gespeichert, als Seite und als PDF. Er kann danach nicht mehr geändert werden; Änderungen der Vereinbarung brauchen einen Änderungsbescheid.",
                                 "The notice is dated today and kept with the agreement unchanged, as a page and as a PDF. It cannot be changed afterwards; changes of the agreement need an amending notice.")
        case .settingsMissing: return ("Ein Bescheid kann erst erlassen werden, wenn die Absenderangaben vollständig sind. Es fehlen: ", "A notice can be issued once the sender is complete. Missing: ")
        case .issuedTitle: return ("Erlassene Bescheide", "Issued notices")
        case .noneIssued: return ("Noch kein Bescheid erlassen.", "No notice issued yet.")
        case .outdated: return ("Die Vereinbarung wurde nach dem letzten Bescheid geändert. Ein Änderungsbescheid kann erlassen werden.",
                                "The agreement was changed after the latest notice. An amending notice can be issued.")
        case .columnNoticeNumber: return ("Nr.", "No.")
        case .columnFileNumber: return ("Aktenzeichen", "File number")
        case .columnIssuedOn: return ("Datum", "Date")
        case .columnIssuedBy: return ("Erlassen von", "Issued by")
        case .columnTotal: return ("Betrag gesamt", "Total amount")
        case .columnDocument: return ("Dokument", "Document")
        case .pdfWord: return ("PDF", "PDF")
        case .viewNotice: return ("Ansehen", "View")
        case .amendingTitle: return ("Änderungsbescheid", "Amending notice")
        case .amends: return ("Dieser Bescheid ändert den Bescheid vom {d} und tritt an seine Stelle.", "This notice amends the notice of {d} and replaces it.")
        case .fileNumberLabel: return ("Aktenzeichen", "File number")
        case .dateLabel: return ("Datum", "Date")
        case .contactLabel: return ("Ansprechperson", "Contact")
        case .phoneLabel: return ("Telefon", "Phone")
        case .emailLabel: return ("E-Mail", "E-mail")
        case .subject: return ("Zuwendung aus dem Programm „{p}“, Vereinbarung {r}", "Grant under the programme “{p}”, agreement {r}")
        case .salutation: return ("Sehr geehrte Damen und Herren,", "Dear Sir or Madam,")
        case .grantHeading: return ("1. Bewilligung", "1. Grant")
        case .grantText: return ("auf der Grundlage des Programms „{p}“ ({l}) wird Ihnen eine Zuwendung in Höhe von insgesamt {t} bewilligt. Sie verteilt sich auf die Jahre wie folgt:",
                                 "under the programme “{p}” ({l}) you are granted a total of {t}, spread over the years as follows:")
        case .purposeHeading: return ("2. Zweck", "2. Purpose")
        case .purposeServices: return ("Geförderte Angebote", "Funded services")
        case .termHeading: return ("3. Bewilligungszeitraum", "3. Term")
        case .termText: return ("Die Zuwendung wird für den Zeitraum vom {s} bis zum {e} bewilligt.", "The grant is awarded for the period from {s} to {e}.")
        case .financingHeading: return ("4. Finanzierungsart", "4. Financing")
        case .shareText: return ("Anteil an den zuwendungsfähigen Ausgaben: {n} %", "Share of the eligible costs: {n} %")
        case .conditionsHeading: return ("5. Nebenbestimmungen", "5. Conditions")
        case .targetsHeading: return ("6. Ziele und Kennzahlen", "6. Targets and indicators")
        case .standardsHeading: return ("7. Qualitätsstandards", "7. Quality standards")
        case .reasonsHeading: return ("Begründung", "Reasons")
        case .reasonResolution: return ("Die Bewilligung beruht auf dem Beschluss: ", "The grant rests on the resolution: ")
        case .reasonAdministrative: return ("Die Bewilligung beruht auf einer Entscheidung der Verwaltung im Rahmen des Programms.", "The grant rests on an administrative decision under the programme.")
        case .unchangedSince: return ("Die Vereinbarung ist seit dem letzten Bescheid unverändert; ein Änderungsbescheid würde ihn nur wiederholen.",
                                      "The agreement is unchanged since the latest notice; an amending notice would only repeat it.")
        case .draftLink: return ("Zuwendungsbescheid: Entwurf ansehen und erlassen", "Grant notice: view the draft and issue it")
        case .remedyHeading: return ("Rechtsbehelfsbelehrung", "Legal remedy")
        case .closing: return ("Mit freundlichen Grüßen", "Yours faithfully")
        case .onBehalf: return ("Im Auftrag", "On behalf")
        case .totalRow: return ("Gesamt", "Total")
        case .columnTargetIndicator: return ("Indikator", "Indicator")
        case .noticeOf: return ("Bescheid Nr. {n}", "Notice no. {n}")
        case .printHint: return ("Drucken", "Print")
        case .issuedNotice: return ("Der Bescheid wurde erlassen und bei der Vereinbarung gespeichert.", "The notice was issued and kept with the agreement.")
        case .noticeOfDate: return ("Bescheid vom {d}", "Notice of {d}")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: NoticeText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}

/// The grant notice as a letter: letterhead and contact, addressee, subject, the grant by year, purpose, term,
/// financing, conditions, targets, reasons, legal remedy instruction and signature.
public enum GrantNoticeDocument {
    public struct Model: Sendable {
        public let agreement: GrantAgreement
        public let programme: FundingProgramme
        public let organisation: Organisation?
        public let organisationName: String
        public let applicationTitle: String?
        public let serviceNames: [String]
        public let indicatorNames: [String: String]
        public let resolution: String?
        public let settings: NoticeSettings
        public let day: Day
        /// 1 for the notice, from 2 an amending notice of the one issued on `amends`.
        public let number: Int
        public let amends: Day?

        public init(agreement: GrantAgreement, programme: FundingProgramme, organisation: Organisation?, organisationName: String, applicationTitle: String?,
                    serviceNames: [String], indicatorNames: [String: String], resolution: String?, settings: NoticeSettings, day: Day, number: Int, amends: Day?) {
            self.agreement = agreement
            self.programme = programme
            self.organisation = organisation
            self.organisationName = organisationName
            self.applicationTitle = applicationTitle
            self.serviceNames = serviceNames
            self.indicatorNames = indicatorNames
            self.resolution = resolution
            self.settings = settings
            self.day = day
            self.number = number
            self.amends = amends
        }
    }

    public static func title(_ model: Model, _ t: Texts) -> String {
        (model.number > 1 ? t(NoticeText.amendingTitle) : t(FundingText.grantNoticeTitle)) + " " + model.agreement.reference
    }

    public static func body(_ model: Model, language: Language) -> [HTMLNode] {
        let t = Texts(language)
        let a = model.agreement
        let s = model.settings
        let fileNumber = s.fileNumber(reference: a.reference)
        let addressee = [model.organisationName, model.organisation?.street ?? "",
                         [model.organisation?.postcode ?? "", model.organisation?.city ?? ""].filter { !$0.isEmpty }.joined(separator: " ")]
            .filter { !$0.isEmpty }
        let sender = [s.authority, s.department, s.address].filter { !$0.isEmpty }
        var contact: [HTMLNode] = [el("dt", text: t(NoticeText.fileNumberLabel)), el("dd", text: fileNumber)]
        if !s.contact.isEmpty { contact += [el("dt", text: t(NoticeText.contactLabel)), el("dd", text: s.contact)] }
        if !s.phone.isEmpty { contact += [el("dt", text: t(NoticeText.phoneLabel)), el("dd", text: s.phone)] }
        if !s.email.isEmpty { contact += [el("dt", text: t(NoticeText.emailLabel)), el("dd", text: s.email)] }
        contact += [el("dt", text: t(NoticeText.dateLabel)), el("dd", text: (s.city.isEmpty ? "" : s.city + ", ") + Format.day(model.day, language))]
        let years = a.amounts.keys.sorted()
        let money = { (m: Money) in Format.money(m, language) }
        func fill(_ text: String, _ values: [String: String]) -> String {
            values.reduce(text) { $0.replacingOccurrences(of: "{" + $1.key + "}", with: $1.value) }
        }
        var purpose: [HTMLNode] = []
        if let title = model.applicationTitle { purpose.append(el("p", text: title)) }
        if !model.serviceNames.isEmpty {
            purpose.append(el("p", text: t(NoticeText.purposeServices) + ": " + model.serviceNames.joined(separator: ", ")))
        }
        if purpose.isEmpty { purpose.append(el("p", text: model.programme.name)) }
        var financing = [el("p", text: FundingNames.financing(a.financing, t))]
        if a.financing == .share, let share = a.sharePercent { financing.append(el("p", text: fill(t(NoticeText.shareText), ["n": String(share)]))) }
        let targets: HTMLNode = a.targets.isEmpty ? el("p", text: "–") : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", [("class", "visually-hidden")], text: t(NoticeText.targetsHeading)),
            el("thead", [], [el("tr", [], [t(FundingText.columnTarget), t(FundingText.columnBaseline), t(FundingText.columnTargetValue), t(FundingText.referenceDate),
                                          t(NoticeText.columnTargetIndicator)].enumerated().map { i, h in el("th", [("scope", "col"), ("class", i == 1 || i == 2 ? "num" : nil)], text: h) })]),
            el("tbody", [], a.targets.map { target in
                let digits = { (v: Double) in v == v.rounded() ? 0 : 1 }
                return el("tr", [], [
                    el("th", [("scope", "row")], text: target.name),
                    el("td", [("class", "num")], text: target.baseline.map { Format.decimal($0, digits: digits($0), language) + " " + target.unit } ?? "–"),
                    el("td", [("class", "num")], text: Format.decimal(target.target, digits: digits(target.target), language) + " " + target.unit),
                    el("td", text: Format.day(target.referenceDate, language)),
                    el("td", text: target.indicatorCode.map { model.indicatorNames[$0] ?? $0 } ?? "–"),
                ])
            }),
        ])])
        var conditions = paragraphs(s.generalConditions)
        conditions += paragraphs(a.conditions)
        if conditions.isEmpty { conditions = [el("p", text: "–")] }
        var letter: [HTMLNode] = [
            el("div", [("class", "notice-letterhead")], [
                el("p", [("class", "notice-sender")], sender.enumerated().flatMap { i, line in i == 0 ? [el("strong", text: line)] : [el("br"), txt(line)] }),
            ]),
            el("div", [("class", "notice-head")], [
                el("address", [("class", "notice-addressee")], addressee.enumerated().flatMap { i, line in i == 0 ? [txt(line)] : [el("br"), txt(line)] }),
                el("dl", [("class", "notice-contact")], contact),
            ]),
            el("h1", text: title(model, t)),
            el("p", [("class", "notice-subject")], [el("strong", text: fill(t(NoticeText.subject), ["p": model.programme.name, "r": a.reference]))]),
        ]
        if let amends = model.amends { letter.append(el("p", text: fill(t(NoticeText.amends), ["d": Format.day(amends, language)]))) }
        letter += [
            el("p", text: t(NoticeText.salutation)),
            el("h2", text: t(NoticeText.grantHeading)),
            el("p", text: fill(t(NoticeText.grantText), ["p": model.programme.name, "l": model.programme.legalBasis, "t": money(a.total)])),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data notice-amounts")], [
                el("caption", [("class", "visually-hidden")], text: t(FundingText.fieldAmounts)),
                el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: t(FundingText.columnYear)), el("th", [("scope", "col"), ("class", "num")], text: t(FundingText.columnAmount))])]),
                el("tbody", [], years.map { year in
                    el("tr", [], [el("th", [("scope", "row")], text: String(year)), el("td", [("class", "num")], text: money(a.amounts[year] ?? .zero))])
                }),
                el("tfoot", [], [el("tr", [], [el("th", [("scope", "row")], text: t(NoticeText.totalRow)), el("td", [("class", "num")], text: money(a.total))])]),
            ])]),
            el("h2", text: t(NoticeText.purposeHeading)),
        ] + purpose + [
            el("h2", text: t(NoticeText.termHeading)),
            el("p", text: fill(t(NoticeText.termText), ["s": Format.day(a.start, language), "e": Format.day(a.end, language)])),
            el("h2", text: t(NoticeText.financingHeading)),
        ] + financing + [el("h2", text: t(NoticeText.conditionsHeading))] + conditions + [
            el("h2", text: t(NoticeText.targetsHeading)), targets,
            el("h2", text: t(NoticeText.standardsHeading)),
            a.qualityStandards.isEmpty ? el("p", text: "–") : el("ul", [], a.qualityStandards.map { el("li", text: $0) }),
            el("h2", text: t(NoticeText.reasonsHeading)),
            el("p", text: model.resolution.map { t(NoticeText.reasonResolution) + $0 } ?? t(NoticeText.reasonAdministrative)),
            el("h2", text: t(NoticeText.remedyHeading)),
        ] + paragraphs(s.legalRemedyText) + [
            el("div", [("class", "notice-signature")], [
                el("p", text: t(NoticeText.closing)),
                el("p", text: t(NoticeText.onBehalf)),
                el("p", [("class", "notice-signatory")], [txt(s.signatory.isEmpty ? " " : s.signatory)] + (s.signatoryRole.isEmpty ? [] : [el("br"), txt(s.signatoryRole)])),
            ]),
        ]
        return [el("article", [("class", "grant-notice")], letter)]
    }
}

/// The draft of the next notice, the button that issues it, and the notices issued so far.
public enum GrantNoticePage {
    public struct Model: Sendable {
        public let document: GrantNoticeDocument.Model
        public let notices: [IssuedNotice]
        public let missing: [String]
        public let outdated: Bool

        public init(document: GrantNoticeDocument.Model, notices: [IssuedNotice], missing: [String], outdated: Bool) {
            self.document = document
            self.notices = notices
            self.missing = missing
            self.outdated = outdated
        }
    }

    public static func settingsLabels(_ t: Texts) -> [String: String] {
        ["authority": t(NoticeText.authority), "department": t(NoticeText.department), "street": t(NoticeText.street), "postcode": t(NoticeText.postcode),
         "city": t(NoticeText.city), "contact": t(NoticeText.contact), "phone": t(NoticeText.phone), "email": t(NoticeText.email),
         "fileNumberPrefix": t(NoticeText.fileNumberPrefix), "signatory": t(NoticeText.signatory), "signatoryRole": t(NoticeText.signatoryRole),
         "generalConditions": t(NoticeText.generalConditions), "legalRemedy": t(NoticeText.legalRemedy)]
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let a = model.document.agreement
        let labels = settingsLabels(t)
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb no-print")], [el("a", [("href", FundingRoute.agreement(a.id))], text: t(FundingText.agreementTitle) + " " + a.reference)]),
            IssuedNoticeList.section(model.notices, links: { FundingRoute.issuedNotice(a.id, $0) }, pdf: { FundingRoute.issuedNoticePDF(a.id, $0) }, context: context),
        ]
        if model.outdated { content.append(el("p", [("class", "notice notice-warning no-print")], text: t(NoticeText.outdated))) }
        else if !model.notices.isEmpty { content.append(el("p", [("class", "notice notice-info no-print")], text: t(NoticeText.unchangedSince))) }
        var action: [HTMLNode] = [el("h2", [("id", "erlassen")], text: model.notices.isEmpty ? t(NoticeText.issue) : t(NoticeText.issueAmending))]
        if model.missing.isEmpty {
            action += [
                el("p", [("class", "hint")], text: t(NoticeText.issueHint)),
                el("form", [("method", "post"), ("action", FundingRoute.grantNotice(a.id))], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    el("input", [("type", "hidden"), ("name", "number"), ("value", String(model.document.number))]),
                    el("button", [("type", "submit")], text: model.notices.isEmpty ? t(NoticeText.issue) : t(NoticeText.issueAmending)),
                ]),
            ]
        } else {
            action.append(el("p", [("class", "notice notice-warning")], text: t(NoticeText.settingsMissing) + model.missing.map { labels[$0] ?? $0 }.joined(separator: ", ") + "."))
        }
        action.append(el("p", [], [el("a", [("href", FundingRoute.noticeSettings())], text: t(NoticeText.settingsLink))]))
        content.append(el("section", [("class", "no-print"), ("aria-labelledby", "erlassen")], action))
        content += [
            el("h2", [("class", "draft-mark")], text: t(NoticeText.draft)),
            el("p", [("class", "hint no-print")], text: t(NoticeText.draftHint)),
        ]
        content += GrantNoticeDocument.body(model.document, language: context.language)
        content.append(el("p", [("class", "no-print")], [el("button", [("type", "button"), ("data-print", "true")], text: t(FundingText.printWord))]))
        return Layout(title: GrantNoticeDocument.title(model.document, t), context: context).render(content)
    }
}

/// The notices issued for an agreement, each as page and PDF.
public enum IssuedNoticeList {
    public static func section(_ notices: [IssuedNotice], links: (Int) -> String, pdf: (Int) -> String, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        return el("section", [("aria-labelledby", "bescheide"), ("class", "no-print")], [
            el("h2", [("id", "bescheide")], text: t(NoticeText.issuedTitle)),
            notices.isEmpty ? el("p", text: t(NoticeText.noneIssued)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(NoticeText.issuedTitle)),
                el("thead", [], [el("tr", [], [t(NoticeText.columnNoticeNumber), t(NoticeText.columnFileNumber), t(NoticeText.columnIssuedOn), t(NoticeText.columnTotal),
                                              t(NoticeText.columnIssuedBy), t(NoticeText.columnDocument)].enumerated().map { i, h in
                    el("th", [("scope", "col"), ("class", i == 3 ? "num" : nil)], text: h) })]),
                el("tbody", [], notices.map { n in
                    el("tr", [], [
                        el("th", [("scope", "row")], text: n.number > 1 ? String(n.number) + " (" + t(NoticeText.amendingTitle) + ")" : String(n.number)),
                        el("td", text: n.fileNumber), el("td", text: Format.day(n.issuedOn, language)), el("td", [("class", "num")], text: Format.money(n.total, language)),
                        el("td", text: n.issuedBy),
                        el("td", [], [
                            el("a", [("href", links(n.number))], text: t(NoticeText.viewNotice) + " (" + fillNumber(t, n.number) + ")"), txt(" · "),
                            el("a", [("href", pdf(n.number))], text: t(NoticeText.pdfWord) + " (" + fillNumber(t, n.number) + ")"),
                        ]),
                    ])
                }),
            ])]),
        ])
    }

    static func fillNumber(_ t: Texts, _ number: Int) -> String {
        t(NoticeText.noticeOf).replacingOccurrences(of: "{n}", with: String(number))
    }
}

/// A notice as it was issued (the stored document), with its PDF.
public enum IssuedNoticePage {
    public static func render(notice: IssuedNotice, body: String, back: (href: String, label: String), pdf: String, context: PageContext) -> String {
        let t = context.t
        let title = IssuedNoticeList.fillNumber(t, notice.number) + " · " + notice.fileNumber
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb no-print")], [el("a", [("href", back.href)], text: back.label)]),
            el("p", [("class", "no-print")], [
                el("a", [("href", pdf)], text: t(NoticeText.pdfWord) + " (" + IssuedNoticeList.fillNumber(t, notice.number) + ")"), txt(" · "),
                el("button", [("type", "button"), ("data-print", "true")], text: t(FundingText.printWord)),
            ]),
            .raw(body),
        ]
        return Layout(title: title, context: context).render(content)
    }

    /// The stored document as a printable page for the PDF.
    public static func printable(notice: IssuedNotice, body: String, language: Language, css: String) -> String {
        ReportPrintDocument.render(title: IssuedNoticeList.fillNumber(Texts(language), notice.number) + " " + notice.fileNumber, language: language,
                                   body: [.raw(body)], css: css)
    }
}

/// The sender of grant notices: letterhead, contact, file numbers, signature, general conditions, legal remedy.
public enum NoticeSettingsPage {
    public static func render(values: [String: String], issues: [ValidationIssue], context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = GrantNoticePage.settingsLabels(t)
        func area(_ field: String, hint: String? = nil, rows: Int) -> HTMLNode {
            ServiceFormPage.area(form, field, label: labels[field]! + (field == "legalRemedy" ? " *" : ""), value: values[field], hint: hint, rows: rows)
        }
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", FundingRoute.agreements())], text: t(FundingText.agreementsTitle))]),
            el("h1", text: t(NoticeText.settingsTitle)),
            el("p", text: t(NoticeText.settingsIntro)),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", FundingRoute.noticeSettings()), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("authority", label: labels["authority"]!, value: values["authority"], required: true),
                form.text("department", label: labels["department"]!, value: values["department"]),
                form.text("street", label: labels["street"]!, value: values["street"], required: true, autocomplete: "street-address"),
                form.text("postcode", label: labels["postcode"]!, value: values["postcode"], required: true, autocomplete: "postal-code", maxLength: 5),
                form.text("city", label: labels["city"]!, value: values["city"], required: true, autocomplete: "address-level2", maxLength: 100),
                form.text("contact", label: labels["contact"]!, value: values["contact"]),
                form.text("phone", label: labels["phone"]!, value: values["phone"], type: "tel", maxLength: 40),
                form.text("email", label: labels["email"]!, value: values["email"], type: "email", maxLength: 254),
                form.text("fileNumberPrefix", label: labels["fileNumberPrefix"]!, value: values["fileNumberPrefix"], hint: t(NoticeText.fileNumberPrefixHint), maxLength: 40),
                form.text("signatory", label: labels["signatory"]!, value: values["signatory"]),
                form.text("signatoryRole", label: labels["signatoryRole"]!, value: values["signatoryRole"]),
                area("generalConditions", rows: 4),
                area("legalRemedy", hint: t(NoticeText.legalRemedyHint), rows: 5),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(NoticeText.saveSender))]),
            ]),
        ]
        return Layout(title: t(NoticeText.settingsTitle), context: context).render(content)
    }
}
