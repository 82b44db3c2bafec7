import Foundation
import SoplaCore

/// The planner's form under an approved application: the agreement with its term, amounts, financing, targets,
/// quality standards and conditions.
enum AgreementFormSection {
    static func labels(_ t: Texts) -> [String: String] {
        ["reference": t(.fieldReference), "start": t(.fieldStart), "end": t(.fieldEnd), "financing": t(.fieldFinancing), "sharePercent": t(.fieldSharePercent),
         "amounts": t(.fieldAmounts), "targets": t(.targetsTitle), "qualityStandards": t(.qualityStandardsTitle), "conditions": t(.conditionsTitle),
         "targetUnit": t(.fieldTargetUnit)]
    }

    static func render(applicationID: UUID, year: Int, granted: Money, values: [String: String], form: FormBuilder, context: PageContext) -> [HTMLNode] {
        let t = context.t
        let labels = labels(t)
        return [
            // What is wrong is summed up at the top of the application page, with these fields' labels.
            el("h2", text: t(.createAgreement)),
            el("form", [("method", "post"), ("action", FundingRoute.applicationAgreement(applicationID)), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("reference", label: labels["reference"]!, value: values["reference"], required: true, maxLength: 60),
                form.text("start", label: labels["start"]!, value: values["start"] ?? "\(year)-01-01", type: "date", required: true),
                form.text("end", label: labels["end"]!, value: values["end"] ?? "\(year)-12-31", type: "date", required: true),
                form.select("financing", label: labels["financing"]!, options: FinancingType.allCases.map { ($0.rawValue, FundingNames.financing($0, t)) }, selected: values["financing"]),
                form.text("sharePercent", label: labels["sharePercent"]!, value: values["sharePercent"], type: "number", hint: t(.sharePercentHint), maxLength: 3),
                ServiceFormPage.area(form, "amounts", label: labels["amounts"]!, value: values["amounts"] ?? "\(year); \(FundingEntry.german(granted))", hint: t(.amountsHint), rows: 3),
                ServiceFormPage.area(form, "targets", label: labels["targets"]!, value: values["targets"], hint: t(.targetsHint), rows: 4),
                form.text("targetUnit", label: labels["targetUnit"]!, value: values["targetUnit"], hint: t(.targetUnitHint), maxLength: 20),
                ServiceFormPage.area(form, "qualityStandards", label: labels["qualityStandards"]!, value: values["qualityStandards"], hint: t(.onePerLine), rows: 3),
                ServiceFormPage.area(form, "conditions", label: labels["conditions"]!, value: values["conditions"] ?? t(.defaultConditions), rows: 4),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.createAgreement))]),
            ]),
        ]
    }
}

/// The county's list of agreements.
public enum AgreementListPage {
    public static let perPage = 50

    public struct Model: Sendable {
        public let rows: [(agreement: GrantAgreement, organisation: String, programme: String)]
        public let total: Int
        public let programmes: [(id: UUID, name: String)]
        public let state: ListState

        public init(rows: [(agreement: GrantAgreement, organisation: String, programme: String)], total: Int, programmes: [(id: UUID, name: String)], state: ListState) {
            self.rows = rows
            self.total = total
            self.programmes = programmes
            self.state = state
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language)
        let filters = model.state.filters
        let table = ListTable(caption: t(.agreementsTitle), columns: [
            .init(t(.fieldReference), sortKey: "aktenzeichen"), .init(t(.columnOrganisation), sortKey: "organisation"), .init(t(.columnProgramme), sortKey: "programm"),
            .init(t(.columnTerm), sortKey: "beginn"), .init(t(.columnAmount), numeric: true),
        ], rows: model.rows.map { row in
            [el("a", [("href", FundingRoute.agreement(row.agreement.id))], text: row.agreement.reference), txt(row.organisation), txt(row.programme),
             txt(Format.day(row.agreement.start, language) + " – " + Format.day(row.agreement.end, language)), txt(Format.money(row.agreement.total, language))]
        }, state: model.state, defaultSort: "aktenzeichen", total: model.total, perPage: perPage)
        var csv = model.state
        csv.page = 1
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", FundingRoute.overview())], text: t(.fundingTitle))]),
            el("h1", text: t(.agreementsTitle)),
            el("form", [("method", "get"), ("action", FundingRoute.agreements()), ("class", "filters"), ("role", "search")], [
                form.text("suche", label: t(.searchLabel2), value: filters["suche"], type: "search", maxLength: 100),
                form.select("programm", label: t(.columnProgramme), options: [("", t(.allWord))] + model.programmes.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: filters["programm"]),
                model.state.sort.map { el("input", [("type", "hidden"), ("name", "sortierung"), ("value", $0)]) } ?? .empty,
                el("input", [("type", "hidden"), ("name", "richtung"), ("value", model.state.descending ? "ab" : "auf")]),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.filterWord))]),
            ]),
        ] + table.render(language, emptyText: t(.noAgreements)) + [
            el("p", [], [el("a", [("href", csv.link(FundingRoute.agreementsCSV()))], text: t(.downloadCSV3))]),
        ]
        return Layout(title: t(.agreementsTitle), context: context).render(content)
    }
}

/// The target attainment table: planned against actual with traffic lights (agreement page, quality dialogue).
public enum AttainmentTable {
    public static func render(targets: [AgreementTarget], actuals: [UUID: Double], caption: String, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        guard !targets.isEmpty else { return el("p", [("class", "empty-state")], text: t(.noTargets)) }
        return el("div", [("class", "table-wrap")], [el("table", [("class", "data attainment")], [
            el("caption", text: caption),
            el("thead", [], [el("tr", [], [t(.columnTarget), t(.columnKind3), t(.columnBaseline), t(.columnTargetValue), t(.columnActual), t(.columnAttainment), t(.columnLight)]
                .enumerated().map { i, h in el("th", [("scope", "col"), ("class", (2...5).contains(i) ? "num" : nil)], text: h) })]),
            el("tbody", [], targets.map { target in
                let actual = actuals[target.id]
                let percent = TargetAttainment.percent(target, actual: actual)
                let light = TargetAttainment.light(percent: percent)
                func number(_ value: Double?) -> String { value.map { Format.decimal($0, digits: $0 == $0.rounded() ? 0 : 1, language) + " " + target.unit } ?? "–" }
                return el("tr", [], [
                    el("th", [("scope", "row")], [txt(target.name + (target.higherIsBetter ? "" : " (" + t(.shouldFall) + ")"))]
                        + (target.indicatorCode.map { [txt(" · "), el("a", [("href", SiteRoute.indicator(code: $0).path)], text: t(.indicatorLink))] } ?? [])),
                    el("td", text: target.kind == .output ? "Output" : "Outcome"),
                    el("td", [("class", "num")], text: number(target.baseline)),
                    el("td", [("class", "num")], text: number(target.target)),
                    el("td", [("class", "num")], text: number(actual)),
                    el("td", [("class", "num")], text: percent.map { Format.decimal($0, digits: 0, language) + " %" } ?? "–"),
                    el("td", [("class", "light light-" + (light?.rawValue ?? "none"))], text: FundingNames.light(light, t)),
                ])
            }),
        ])])
    }
}

/// One agreement: terms, targets, payments and drawdowns, proofs of use with the repayment, quality dialogues.
public enum AgreementPage {
    public struct ProofRow: Sendable {
        public let proof: ProofOfUse
        public let paid: Money
        public let entitlement: Money
        public let repayment: Money
        public let problems: [ValidationIssue]

        public init(proof: ProofOfUse, paid: Money, entitlement: Money, repayment: Money, problems: [ValidationIssue]) {
            self.proof = proof
            self.paid = paid
            self.entitlement = entitlement
            self.repayment = repayment
            self.problems = problems
        }
    }

    public struct Model: Sendable {
        public let agreement: GrantAgreement
        public let programme: String
        public let organisation: String
        public let serviceNames: [String]
        public let drawdowns: [Drawdown]
        public let proofs: [ProofRow]
        public let dialogues: [QualityDialogue]
        /// nil: the county's view; else the applicant organisation's.
        public let applicant: UUID?
        public let values: [String: String]
        public let issues: [ValidationIssue]
        /// The grant notices issued for the agreement.
        public let notices: [IssuedNotice]

        public init(agreement: GrantAgreement, programme: String, organisation: String, serviceNames: [String], drawdowns: [Drawdown], proofs: [ProofRow],
                    dialogues: [QualityDialogue], applicant: UUID?, values: [String: String] = [:], issues: [ValidationIssue] = [], notices: [IssuedNotice] = []) {
            self.notices = notices
            self.agreement = agreement
            self.programme = programme
            self.organisation = organisation
            self.serviceNames = serviceNames
            self.drawdowns = drawdowns
            self.proofs = proofs
            self.dialogues = dialogues
            self.applicant = applicant
            self.values = values
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let a = model.agreement
        let form = FormBuilder(language: language, issues: model.issues)
        let latestActuals = model.proofs.sorted { $0.proof.year < $1.proof.year }.last?.proof.actuals ?? [:]
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [model.applicant.map { el("a", [("href", FundingRoute.organisation($0))], text: t(.ownFundingTitle)) }
                ?? el("a", [("href", FundingRoute.agreements())], text: t(.agreementsTitle))]),
            el("h1", text: t(.agreementTitle) + " " + a.reference),
            form.summary(labels: ["amount": t(.columnAmount), "year": t(.columnYear), "proofYear": t(.columnYear), "narrative": t(.fieldNarrative), "costs": t(.fieldCostComparison),
                                  "receipts": t(.fieldReceipts), "ownFunds": t(.fieldOwnFunds), "otherFunding": t(.fieldOtherFunding),
                                  "date": t(.fieldDialogueDate), "participants": t(.fieldParticipants), "agenda": t(.agendaTitle2), "findings": t(.fieldFindings),
                                  "measures": t(.fieldAgreedMeasures), "minutes": t(.fieldMinutes)]),
            el("dl", [("class", "facts")], [
                el("dt", text: t(.columnOrganisation)), el("dd", text: model.organisation),
                el("dt", text: t(.columnProgramme)), el("dd", text: model.programme),
                el("dt", text: t(.columnTerm)), el("dd", text: Format.day(a.start, language) + " – " + Format.day(a.end, language)),
                el("dt", text: t(.fieldFinancing)), el("dd", text: FundingNames.financing(a.financing, t) + (a.sharePercent.map { " (\($0) %)" } ?? "")),
                el("dt", text: t(.fieldServices)), el("dd", text: model.serviceNames.isEmpty ? "–" : model.serviceNames.joined(separator: ", ")),
                el("dt", text: t(.qualityStandardsTitle)), el("dd", text: a.qualityStandards.isEmpty ? "–" : a.qualityStandards.joined(separator: "; ")),
            ]),
            model.applicant == nil ? el("p", [], [el("a", [("href", FundingRoute.grantNotice(a.id))], text: t(NoticeText.draftLink))]) : .empty,
            model.applicant.map { organisation in
                IssuedNoticeList.section(model.notices, links: { FundingRoute.ownIssuedNotice(organisation, a.id, $0) }, pdf: { FundingRoute.ownIssuedNoticePDF(organisation, a.id, $0) }, context: context)
            } ?? IssuedNoticeList.section(model.notices, links: { FundingRoute.issuedNotice(a.id, $0) }, pdf: { FundingRoute.issuedNoticePDF(a.id, $0) }, context: context),
            el("h2", text: t(.paymentsTitle)),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.paymentsTitle)),
                el("thead", [], [el("tr", [], [t(.columnYear), t(.columnAgreed), t(.columnDrawn), t(.columnPaid), t(.columnAvailable)].enumerated().map { i, h in
                    el("th", [("scope", "col"), ("class", i > 0 ? "num" : nil)], text: h) })]),
                el("tbody", [], a.amounts.keys.sorted().map { year in
                    let agreed = a.amounts[year] ?? .zero
                    let counted = model.drawdowns.filter { $0.year == year && $0.state != .rejected }.sum(\.amount)
                    let paid = model.drawdowns.filter { $0.year == year && $0.state == .paid }.sum(\.amount)
                    return el("tr", [], [el("th", [("scope", "row")], text: String(year)), el("td", [("class", "num")], text: Format.money(agreed, language)),
                                         el("td", [("class", "num")], text: Format.money(counted, language)), el("td", [("class", "num")], text: Format.money(paid, language)),
                                         el("td", [("class", "num")], text: Format.money(agreed - counted, language))])
                }),
            ])]),
            el("p", [("class", "hint")], text: t(.instalmentsLabel) + ": " + a.amounts.keys.sorted().map { year in
                PaymentPlan.instalments(a.amounts[year]!, year: year, months: [1, 4, 7, 10]).map { Format.day($0.due, language) + " " + Format.money($0.amount, language) }.joined(separator: ", ")
            }.joined(separator: "; ")),
            el("h3", text: t(.drawdownsTitle)),
            model.drawdowns.isEmpty ? el("p", [("class", "empty-state")], text: t(.noDrawdowns)) : el("ul", [("class", "drawdowns")], model.drawdowns.map { d in
                el("li", [], [txt(DateText.dateTime(d.requestedAt, language) + " · " + String(d.year) + " · " + Format.money(d.amount, language) + " · " + FundingNames.drawdownState(d.state, t)
                                  + (d.paidOn.map { " " + Format.day($0, language) } ?? ""))]
                    + (model.applicant == nil && (d.state == .requested || d.state == .approved) ? [drawdownActions(a.id, d, context: context)] : []))
            }),
        ]
        if let organisation = model.applicant {
            content += [
                el("form", [("method", "post"), ("action", FundingRoute.ownDrawdowns(organisation, a.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    form.select("year", label: t(.columnYear), options: a.amounts.keys.sorted().map { (String($0), String($0)) }, selected: model.values["year"]),
                    form.text("amount", label: t(.columnAmount), value: model.values["amount"], required: true, hint: t(.moneyHint), maxLength: 20),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.requestDrawdown))]),
                ]),
            ]
        }
        content += [el("h2", text: t(.targetsTitle)), AttainmentTable.render(targets: a.targets, actuals: latestActuals, caption: t(.targetsTitle), context: context)]
        content += [el("h2", text: t(.proofsTitle))]
        content += model.proofs.isEmpty ? [el("p", [("class", "empty-state")], text: t(.noProofs))] : model.proofs.map { row in proofSection(row, model: model, context: context) }
        if let organisation = model.applicant {
            content += [
                el("h3", text: t(.submitProof)),
                el("form", [("method", "post"), ("action", FundingRoute.ownProofs(organisation, a.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    form.select("proofYear", label: t(.columnYear), options: a.amounts.keys.sorted().map { (String($0), String($0)) }, selected: model.values["proofYear"]),
                    ServiceFormPage.area(form, "narrative", label: t(.fieldNarrative) + " *", value: model.values["narrative"], hint: t(.narrativeHint), rows: 6),
                    ServiceFormPage.area(form, "costs", label: t(.fieldCostComparison) + " *", value: model.values["costs"], hint: t(.costComparisonHint), rows: 4),
                    form.text("ownFunds", label: t(.fieldOwnFunds), value: model.values["ownFunds"], hint: t(.moneyHint), maxLength: 20),
                    form.text("otherFunding", label: t(.fieldOtherFunding), value: model.values["otherFunding"], hint: t(.moneyHint), maxLength: 20),
                    ServiceFormPage.area(form, "receipts", label: t(.fieldReceipts), value: model.values["receipts"], hint: t(.receiptsHint), rows: 6),
                ] + a.targets.map { target in
                    form.text("actual-" + target.id.uuidString.lowercased(), label: t(.actualOf) + " " + target.name + " (" + target.unit + ")",
                              value: model.values["actual-" + target.id.uuidString.lowercased()], maxLength: 20)
                } + [el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.submitProof))])]),
            ]
        }
        content.append(el("h2", text: t(.dialoguesTitle)))
        content.append(model.dialogues.isEmpty ? el("p", [("class", "empty-state")], text: t(.noDialogues)) : el("ul", [], model.dialogues.sorted { $0.date > $1.date }.map { d in
            el("li", [], model.applicant == nil ? [el("a", [("href", FundingRoute.dialogue(d.id))], text: t(.dialogueTitle) + " \(d.year)"), txt(" – " + Format.day(d.date, language))]
                : [txt(t(.dialogueTitle) + " \(d.year) – " + Format.day(d.date, language))])
        }))
        if model.applicant == nil {
            content += DialogueFormSection.render(agreementID: a.id, values: model.values, form: form, context: context)
        }
        return Layout(title: t(.agreementTitle) + " " + a.reference, context: context).render(content)
    }

    static func drawdownActions(_ agreement: UUID, _ d: Drawdown, context: PageContext) -> HTMLNode {
        let t = context.t
        let next: [(String, String)] = d.state == .requested ? [("approved", t(.approveDrawdown)), ("rejected", t(.rejectDrawdown))] : [("paid", t(.markPaid))]
        return el("span", [("class", "inline-actions")], next.map { state, label in
            el("form", [("method", "post"), ("action", FundingRoute.drawdown(agreement, d.id)), ("class", "inline-form")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("input", [("type", "hidden"), ("name", "state"), ("value", state)]),
                el("button", [("type", "submit"), ("class", state == "rejected" ? "secondary" : nil), ("aria-label", label + ": " + Format.money(d.amount, context.language))], text: label),
            ])
        })
    }

    static func proofSection(_ row: ProofRow, model: Model, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let p = row.proof
        var nodes: [HTMLNode] = [
            el("h3", text: t(.proofOfYear).replacingOccurrences(of: "{y}", with: String(p.year))),
            el("p", text: t(.contentReview) + ": " + FundingNames.verdict(p.contentVerdict, t) + (p.contentNote.isEmpty ? "" : " – " + p.contentNote)
                + " · " + t(.financeReview) + ": " + FundingNames.verdict(p.financeVerdict, t) + (p.financeNote.isEmpty ? "" : " – " + p.financeNote)),
            el("blockquote", [("class", "paper-text")], [el("p", text: p.narrative)]),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.financialStatement) + " \(p.year)"),
                el("thead", [], [el("tr", [], [t(.columnItem), t(.columnPlanned), t(.columnActual), t(.columnDifference)].enumerated().map { i, h in
                    el("th", [("scope", "col"), ("class", i > 0 ? "num" : nil)], text: h) })]),
                el("tbody", [], p.costs.map { c in
                    el("tr", [], [el("th", [("scope", "row")], text: c.costItem), el("td", [("class", "num")], text: Format.money(c.planned, language)),
                                  el("td", [("class", "num")], text: Format.money(c.actual, language)), el("td", [("class", "num")], text: Format.money(c.actual - c.planned, language))])
                } + [el("tr", [("class", "total")], [el("th", [("scope", "row")], text: t(.totalCosts)), el("td", [("class", "num")], text: Format.money(p.costs.sum(\.planned), language)),
                                                     el("td", [("class", "num")], text: Format.money(p.actualCosts, language)),
                                                     el("td", [("class", "num")], text: Format.money(p.actualCosts - p.costs.sum(\.planned), language))])]),
            ])]),
            el("p", text: t(.receiptsCount).replacingOccurrences(of: "{n}", with: String(p.receipts.count)).replacingOccurrences(of: "{s}", with: Format.money(p.receipts.sum(\.amount), language))),
            el("dl", [("class", "facts")], [
                el("dt", text: t(.columnPaid)), el("dd", text: Format.money(row.paid, language)),
                el("dt", text: t(.entitlementLabel)), el("dd", text: Format.money(row.entitlement, language)),
                el("dt", text: t(.repaymentLabel)), el("dd", [("class", "repayment")], text: Format.money(row.repayment, language)),
            ]),
        ]
        if !row.problems.isEmpty {
            nodes.append(el("ul", [("class", "notice notice-warning")], row.problems.map { el("li", text: IssueText.message($0.problem, language)) }))
        }
        if model.applicant == nil {
            nodes.append(el("form", [("method", "post"), ("action", FundingRoute.proofReview(model.agreement.id, p.id)), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("div", [("class", "field")], [el("label", [("for", "part-\(p.id.uuidString.lowercased())")], text: t(.reviewPart)),
                                                 el("select", [("id", "part-\(p.id.uuidString.lowercased())"), ("name", "part")], [
                                                     el("option", [("value", "content")], text: t(.contentReview)), el("option", [("value", "finance")], text: t(.financeReview))])]),
                el("div", [("class", "field")], [el("label", [("for", "verdict-\(p.id.uuidString.lowercased())")], text: t(.verdictLabel)),
                                                 el("select", [("id", "verdict-\(p.id.uuidString.lowercased())"), ("name", "verdict")], ReviewVerdict.allCases.map {
                                                     el("option", [("value", $0.rawValue)], text: FundingNames.verdict($0, t)) })]),
                el("div", [("class", "field")], [el("label", [("for", "note-\(p.id.uuidString.lowercased())")], text: t(.columnJustification)),
                                                 el("textarea", [("id", "note-\(p.id.uuidString.lowercased())"), ("name", "note"), ("rows", "2"), ("maxlength", "4000")], text: "")]),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveVerdict))]),
            ]))
        }
        return el("section", [("class", "proof")], nodes)
    }
}

/// The planner's form for a quality dialogue of an agreement.
enum DialogueFormSection {
    static func render(agreementID: UUID, values: [String: String], form: FormBuilder, context: PageContext) -> [HTMLNode] {
        let t = context.t
        let labels = ["date": t(.fieldDialogueDate), "participants": t(.fieldParticipants), "agenda": t(.agendaTitle2), "findings": t(.fieldFindings),
                      "measures": t(.fieldAgreedMeasures), "minutes": t(.fieldMinutes)]
        return [
            el("h3", text: t(.newDialogue)),
            el("form", [("method", "post"), ("action", FundingRoute.dialogues(agreementID)), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("date", label: labels["date"]!, value: values["date"], type: "date", required: true),
                ServiceFormPage.area(form, "participants", label: labels["participants"]! + " *", value: values["participants"], hint: t(.onePerLine), rows: 3),
                ServiceFormPage.area(form, "agenda", label: labels["agenda"]! + " *", value: values["agenda"] ?? t(.defaultDialogueAgenda), hint: t(.onePerLine), rows: 4),
                ServiceFormPage.area(form, "findings", label: labels["findings"]!, value: values["findings"], rows: 4),
                ServiceFormPage.area(form, "measures", label: labels["measures"]!, value: values["measures"], hint: t(.measuresHint2), rows: 3),
                ServiceFormPage.area(form, "minutes", label: labels["minutes"]!, value: values["minutes"], rows: 5),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveDialogue))]),
            ]),
        ]
    }
}

/// A quality dialogue as a document: participants, agenda, the attainment table, findings, agreed measures, minutes.
public enum DialoguePage {
    public struct Model: Sendable {
        public let dialogue: QualityDialogue
        public let agreement: GrantAgreement
        public let organisation: String
        public let actuals: [UUID: Double]
        public let measures: [(id: UUID, title: String, status: String)]

        public init(dialogue: QualityDialogue, agreement: GrantAgreement, organisation: String, actuals: [UUID: Double], measures: [(id: UUID, title: String, status: String)]) {
            self.dialogue = dialogue
            self.agreement = agreement
            self.organisation = organisation
            self.actuals = actuals
            self.measures = measures
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let d = model.dialogue
        let title = t(.dialogueTitle) + " \(d.year): " + model.organisation
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb no-print")], [el("a", [("href", FundingRoute.agreement(model.agreement.id))], text: t(.agreementTitle) + " " + model.agreement.reference)]),
            el("h1", text: title),
            el("p", [("class", "lead")], text: Format.day(d.date, language) + " · " + t(.agreementTitle) + " " + model.agreement.reference),
            el("h2", text: t(.fieldParticipants)), el("ul", [], d.participants.map { el("li", text: $0) }),
            el("h2", text: t(.agendaTitle2)), el("ol", [], d.agenda.map { el("li", text: $0) }),
            el("h2", text: t(.attainmentTitle)),
            AttainmentTable.render(targets: model.agreement.targets, actuals: model.actuals, caption: t(.attainmentTitle) + " \(d.year)", context: context),
            el("h2", text: t(.fieldFindings)), el("p", text: d.findings.isEmpty ? "–" : d.findings),
            el("h2", text: t(.fieldAgreedMeasures)),
            model.measures.isEmpty ? el("p", [("class", "empty-state")], text: t(.noAgreedMeasures)) : el("ul", [], model.measures.map { m in
                el("li", [], [el("a", [("href", "/massnahmen/" + m.id.uuidString.lowercased())], text: m.title), txt(" (" + m.status + ")")])
            }),
            el("h2", text: t(.fieldMinutes)), el("p", text: d.minutes.isEmpty ? "–" : d.minutes),
            el("p", [("class", "no-print")], [el("button", [("type", "button"), ("data-print", "true")], text: t(.printWord))]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}
