import Crypto
import Foundation
import SoplaCore
import SoplaStore

/// Invented funding for the demo, every name marked "Beispiel": the gender-equitable youth work programme with
/// criteria, checklist and applications in every state; the communalised counselling programme with a child and
/// family guidance agreement (targets, payments, proofs, two quality dialogues) and a pregnancy counselling
/// agreement whose latest proof of use is under review. Years are relative to the clock's year Y.
enum DemoFunding {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "5b0c1e2a-0200-4000-8000-%012d", n))! }

    static let youthProgramme = id(1), counsellingProgramme = id(2)
    static let guidanceAgreement = id(401), pregnancyAgreement = id(402)

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }

    @discardableResult
    static func seed(store: FundingStore, accounts: AccountStore, clock: Clock) async throws -> Int {
        guard try await store.one(.programme, id: youthProgramme, as: FundingProgramme.self) == nil else { return 0 }
        let actor = AuditActor.system("sopla demo")
        let now = clock.now()
        let y = Day(now).year
        let organisations = Dictionary(try await accounts.organisations().map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        func org(_ name: String) -> UUID { organisations[name]! }
        let users = try await accounts.users()
        let reviewer = users.first { $0.email == "gutachten@demo.sopla.example" }!
        // History and payments name logins by id; pages show their current names.
        let planner = users.first { $0.email == "planung@demo.sopla.example" }!.id.uuidString.lowercased()

        // The youth work programme: open call, applications for next year.
        let criteria = [AwardCriterion(id: id(11), name: "Bedarf im Sozialraum", explanation: "Belegt durch Sozialbericht und Jugendhilfeplanung", weight: 35, scaleMax: 5),
                        AwardCriterion(id: id(12), name: "Geschlechtergerechtes Konzept", explanation: "Mädchen, Jungen und nicht-binäre Jugendliche werden gleichermaßen erreicht", weight: 35, scaleMax: 5),
                        AwardCriterion(id: id(13), name: "Erreichbarkeit", explanation: "Öffnungszeiten, ÖPNV, aufsuchende Arbeit", weight: 15, scaleMax: 5),
                        AwardCriterion(id: id(14), name: "Wirtschaftlichkeit", weight: 15, scaleMax: 5)]
        let checklist = [ChecklistItem(id: id(21), text: "Konzept der Maßnahme", kind: .document, required: true),
                         ChecklistItem(id: id(22), text: "Wie erreicht das Angebot Mädchen und Jungen gleichermaßen?", kind: .question, required: true),
                         ChecklistItem(id: id(23), text: "Kooperationspartner", kind: .question, required: false)]
        let youthLine = BudgetLine(id: id(31), year: y + 1, name: "Jugendarbeit", categoryID: "jugendarbeit", amount: Money(euros: 80_000))
        let youth = FundingProgramme(id: youthProgramme, name: "Geschlechtergerechte Jugendarbeit (Beispiel)", legalBasis: "SGB VIII §§ 9 Nr. 3, 11",
                                     source: .county, guidelinePaperID: DemoParticipation.id(304), guidelineVersion: 1, criteria: criteria, checklist: checklist,
                                     budgetLines: [BudgetLine(id: id(30), year: y, name: "Jugendarbeit", categoryID: "jugendarbeit", amount: Money(euros: 60_000)), youthLine],
                                     callOpens: day(y, 10, 1), callCloses: day(y, 12, 31), eligibleCategories: ["jugendarbeit", "familienzentrum"], preventivePriority: true)
        try await store.saveProgramme(youth, actor: actor, at: now)
        // The sender of grant notices: the county's social office, marked as an example.
        try await store.saveNoticeSettings(NoticeSettings(
            authority: "Kreisausschuss des Lahn-Dill-Kreises", department: "Abteilung Soziales, Sozialplanung (Beispiel)",
            street: "Karl-Kellner-Ring 51", postcode: "35576", city: "Wetzlar", contact: "Paul Planer (Beispiel)", phone: "06441 407-0",
            email: "planung@demo.sopla.example", fileNumberPrefix: "50.2", signatory: "Paul Planer (Beispiel)", signatoryRole: "Sozialplanung"),
            actor: actor, at: now)

        // Applications in every state, from draft to decided.
        struct Spec { let n: Int; let title: String; let organisation: String; let amount: Int; let preventive: Bool; let path: [ApplicationEvent]; let scores: [Int]? }
        let specs = [
            Spec(n: 101, title: "Mädchentreff Herborn (Beispiel)", organisation: DemoAccounts.counselling, amount: 18_000, preventive: true, path: [], scores: nil),
            Spec(n: 102, title: "Jungenarbeit im Quartier Dalheim (Beispiel)", organisation: "Caritasverband (Beispiel)", amount: 15_000, preventive: true, path: [.submit], scores: nil),
            Spec(n: 103, title: "Queerer Jugendtreff Wetzlar (Beispiel)", organisation: "Paritätischer Wohlfahrtsverband, Kreisgruppe (Beispiel)", amount: 12_000, preventive: true,
                 path: [.submit, .startFormalCheck], scores: nil),
            Spec(n: 104, title: "Medienkompetenz für Mädchen (Beispiel)", organisation: DemoAccounts.familyCentre, amount: 9000, preventive: true,
                 path: [.submit, .startFormalCheck, .passFormalCheck], scores: nil),
            Spec(n: 105, title: "Sport und Begegnung Haiger (Beispiel)", organisation: "Deutsches Rotes Kreuz Kreisverband (Beispiel)", amount: 20_000, preventive: false,
                 path: [.submit, .startFormalCheck, .passFormalCheck, .recommend], scores: nil),
            Spec(n: 106, title: "Väter-Kind-Wochenenden (Beispiel)", organisation: "Arbeiterwohlfahrt Kreisverband (Beispiel)", amount: 8000, preventive: false,
                 path: [.submit, .startFormalCheck, .passFormalCheck, .notRecommend], scores: [2, 1, 3, 3]),
            Spec(n: 107, title: "Mädchenzentrum Dillenburg (Beispiel)", organisation: "Diakonisches Werk (Beispiel)", amount: 18_000, preventive: true,
                 path: [.submit, .startFormalCheck, .passFormalCheck, .recommend, .approve], scores: [5, 5, 4, 4]),
            Spec(n: 108, title: "Jugendberatung Solms (Beispiel)", organisation: "Caritasverband (Beispiel)", amount: 15_000, preventive: true,
                 path: [.submit, .startFormalCheck, .passFormalCheck, .recommend, .approvePartly], scores: [4, 4, 4, 3]),
            Spec(n: 109, title: "Freizeitfahrten (Beispiel)", organisation: "Verein für Suchthilfe Dill (Beispiel)", amount: 6000, preventive: false,
                 path: [.submit, .startFormalCheck, .passFormalCheck, .notRecommend, .reject], scores: [1, 2, 2, 2]),
            Spec(n: 110, title: "Theaterprojekt Rollenbilder (Beispiel)", organisation: DemoAccounts.counselling, amount: 5000, preventive: true, path: [.submit, .withdraw], scores: nil),
        ]
        let openOn = day(y, 10, 1).startDate.addingTimeInterval(10 * 3600)
        for spec in specs {
            let plan = CostPlan(costs: [CostLine(name: "Personal", amount: Money(euros: spec.amount)), CostLine(name: "Sachkosten", amount: Money(euros: 2000))],
                                ownFunds: Money(euros: 1500), otherFunding: [CostLine(name: "Stadt (Beispiel)", amount: Money(euros: 500))])
            var application = FundingApplication(id: id(spec.n), programmeID: youthProgramme, organisationID: org(spec.organisation), title: spec.title, year: y + 1,
                                                 budgetLineID: youthLine.id, requested: Money(euros: spec.amount), costPlan: plan,
                                                 answers: [ChecklistAnswer(itemID: id(22), text: "Getrennte und gemeinsame Angebote, Fachkräfte beiderlei Geschlechts (Beispiel).")],
                                                 preventive: spec.preventive)
            // Everything past review has been with the reviewer; the one in review waits for the score.
            if spec.path.contains(.passFormalCheck) { application.reviewers = [ReviewerAssignment(userID: reviewer.id, kind: .content)] }
            try await store.save(.application, id: application.id, application, label: application.title, organisationID: application.organisationID,
                                 parentID: youthProgramme, actor: actor, at: openOn)
            if !spec.path.isEmpty {
                // The concept as a (tiny) PDF: every submitted application has its required document.
                let pdf = Data("%PDF-1.4\n% Konzept (Beispiel)\n%%EOF\n".utf8)
                let attachment = FundingAttachment(id: id(spec.n + 900), applicationID: application.id, itemID: id(21), fileName: "konzept.pdf", mediaType: "application/pdf",
                                                   size: pdf.count, sha256: SHA256.hash(data: pdf).map { String(format: "%02x", $0) }.joined(), createdAt: openOn, createdBy: "Antragsteller (Beispiel)")
                try await store.addAttachment(attachment, content: pdf, to: application, actor: actor)
                application.answers.append(ChecklistAnswer(itemID: id(21), attachmentID: attachment.id))
            }
            var at = openOn
            var reviews: [ApplicationReview] = []
            for event in spec.path {
                at = at.addingTimeInterval(3 * 86_400)
                if event == .recommend || event == .notRecommend {
                    let scores = spec.scores ?? [3, 3, 3, 3]
                    let review = ApplicationReview(id: id(spec.n + 100), applicationID: application.id, reviewerID: reviewer.id, kind: .content,
                                                   scores: zip(criteria, scores).map { CriterionScore(criterionID: $0.id, value: $1, justification: "Nach Aktenlage (Beispiel).") },
                                                   submittedAt: at)
                    try await store.save(.review, id: review.id, review, label: application.title, organisationID: application.organisationID, parentID: application.id, actor: actor, at: at)
                    reviews.append(review)
                }
                let by = event.isApplicants ? "Antragsteller (Beispiel)" : planner
                let reason: String
                switch event {
                case .notRecommend, .reject: reason = "Geringer Bedarf im Sozialraum (Beispiel)."
                case .approvePartly: reason = "Sachkosten gekürzt (Beispiel)."
                case .withdraw: reason = "Projekt verschoben (Beispiel)."
                default: reason = ""
                }
                let previous = application.state
                // The demo's call opened in the past; submission is dated inside it.
                var open = youth
                open.callOpens = Day(at.addingTimeInterval(-86_400 * 30))
                open.callCloses = Day(at.addingTimeInterval(86_400 * 30))
                application = try application.applying(event, programme: open, reason: reason, amount: Money(euros: spec.amount - 3000), reviews: reviews, by: by, at: at).get()
                if event == .approve || event == .approvePartly { application.resolutionID = nil }
                try await store.transition(application, from: previous, actor: actor, at: at)
            }
        }
        // The reviewer declared a conflict with the job centre, where they used to work.
        let conflict = ConflictDeclaration(id: id(201), reviewerID: reviewer.id, organisationID: org("Jobcenter (Beispiel)"), note: "Früher dort beschäftigt (Beispiel)", declaredAt: now)
        try await store.save(.conflict, id: conflict.id, conflict, label: "Jobcenter (Beispiel)", organisationID: conflict.organisationID, actor: actor, at: now)

        // The counselling programme with communalised Land funds: agreements over several years.
        let lines = (y - 2...y + 1).flatMap { year in
            [BudgetLine(id: id(40 + (year - y + 2) * 2), year: year, name: "Erziehungsberatung", categoryID: "erziehungsberatung", amount: Money(euros: 140_000)),
             BudgetLine(id: id(41 + (year - y + 2) * 2), year: year, name: "Schwangerschaftsberatung", categoryID: "schwangerschaftsberatung", amount: Money(euros: 95_000))]
        }
        let counselling = FundingProgramme(id: counsellingProgramme, name: "Beratungsangebote aus kommunalisierten Landesmitteln (Beispiel)",
                                           legalBasis: "SGB VIII § 28; SchKG §§ 3, 8", source: .landCommunalised,
                                           criteria: [AwardCriterion(id: id(15), name: "Bedarf", weight: 50, scaleMax: 5), AwardCriterion(id: id(16), name: "Qualität", weight: 50, scaleMax: 5)],
                                           checklist: [ChecklistItem(id: id(24), text: "Jahresbericht des Vorjahres", kind: .document, required: true)],
                                           budgetLines: lines, callOpens: day(y - 3, 9, 1), callCloses: day(y - 3, 10, 31), eligibleCategories: ["erziehungsberatung", "schwangerschaftsberatung"])
        try await store.saveProgramme(counselling, actor: actor, at: now)
        func line(_ year: Int, _ name: String) -> UUID { lines.first { $0.year == year && $0.name == name }!.id }

        let guidanceTargets = [
            AgreementTarget(id: id(501), name: "Beratungsfälle", kind: .output, unit: "Fälle", baseline: 350, target: 400, referenceDate: day(y, 12, 31)),
            AgreementTarget(id: id(502), name: "Anteil beratener Väter", kind: .outcome, unit: "%", baseline: 20, target: 30, referenceDate: day(y, 12, 31)),
            AgreementTarget(id: id(503), name: "Wartezeit bis zum Erstgespräch", kind: .outcome, unit: "Wochen", baseline: 6, target: 4, referenceDate: day(y, 12, 31),
                            indicatorCode: nil, higherIsBetter: false),
            // What the county hopes early guidance moves in the area: fewer children in residential care.
            AgreementTarget(id: id(504), name: "Heimerziehung je 1.000 unter 21-Jährige", kind: .outcome, unit: "je 1.000", baseline: 4.1, target: 3.8,
                            referenceDate: day(y, 12, 31), spatialUnitKey: "06532006", indicatorCode: "heim_je_1000", higherIsBetter: false),
        ]
        let guidanceAmounts = [y - 2: Money(euros: 120_000), y - 1: Money(euros: 123_600), y: Money(cents: 12_730_800)]
        let guidance = GrantAgreement(id: guidanceAgreement, reference: "EB-\(y - 2)-01 (Beispiel)", programmeID: counsellingProgramme, organisationID: org("Caritasverband (Beispiel)"),
                                      serviceIDs: [UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000011")!], start: day(y - 2, 1, 1), end: day(y, 12, 31),
                                      financing: .shortfall, amounts: guidanceAmounts, targets: guidanceTargets,
                                      qualityStandards: ["Erstgespräch innerhalb von 4 Wochen", "Fachkräfte mit Zusatzqualifikation Erziehungsberatung", "Jährliche Klientenbefragung"],
                                      conditions: "Die Zuwendung ist zweckgebunden. Der Verwendungsnachweis ist bis zum 30. Juni des Folgejahres vorzulegen.")
        try await store.saveAgreement(guidance, commitLines: Dictionary(uniqueKeysWithValues: guidanceAmounts.keys.map { ($0, line($0, "Erziehungsberatung")) }), actor: actor, at: now)
        let pregnancyAmounts = [y - 1: Money(euros: 85_000), y: Money(euros: 85_000)]
        let pregnancy = GrantAgreement(id: pregnancyAgreement, reference: "SB-\(y - 1)-02 (Beispiel)", programmeID: counsellingProgramme, organisationID: org("Diakonisches Werk (Beispiel)"),
                                       serviceIDs: [UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000001")!], start: day(y - 1, 1, 1), end: day(y, 12, 31),
                                       financing: .shortfall, amounts: pregnancyAmounts,
                                       targets: [AgreementTarget(id: id(511), name: "Beratungsfälle", kind: .output, unit: "Fälle", target: 600, referenceDate: day(y, 12, 31)),
                                                 AgreementTarget(id: id(512), name: "Konfliktberatungen", kind: .output, unit: "Fälle", target: 150, referenceDate: day(y, 12, 31))],
                                       qualityStandards: ["Beratungsschein am Tag der Beratung", "Termin innerhalb von 3 Werktagen (SchKG § 6)"])
        try await store.saveAgreement(pregnancy, commitLines: Dictionary(uniqueKeysWithValues: pregnancyAmounts.keys.map { ($0, line($0, "Schwangerschaftsberatung")) }), actor: actor, at: now)

        // Quarterly drawdowns: past years paid; this year paid up to the last quarter, which is requested.
        var n = 600
        for (agreement, amounts) in [(guidance, guidanceAmounts), (pregnancy, pregnancyAmounts)] {
            for year in amounts.keys.sorted() {
                for (index, instalment) in PaymentPlan.instalments(amounts[year]!, year: year, months: [1, 4, 7, 10]).enumerated() {
                    n += 1
                    let last = year == y && index == 3
                    let requested = instalment.due.startDate.addingTimeInterval(-7 * 86_400)
                    var drawdown = Drawdown(id: id(n), agreementID: agreement.id, year: year, amount: instalment.amount, requestedAt: requested, requestedBy: "Träger (Beispiel)")
                    try await store.saveDrawdown(drawdown, organisationID: agreement.organisationID, actor: actor, at: requested)
                    guard !last else { continue }
                    drawdown.state = .approved
                    drawdown.decidedBy = planner
                    try await store.saveDrawdown(drawdown, organisationID: agreement.organisationID, actor: actor, at: requested)
                    drawdown.state = .paid
                    drawdown.paidOn = instalment.due
                    try await store.saveDrawdown(drawdown, organisationID: agreement.organisationID, actor: actor, at: instalment.due.startDate)
                }
            }
        }

        // Proofs of use: the guidance centre's two past years accepted; the pregnancy counselling's last year under review.
        let guidanceProofs: [(Int, Int, [UUID: Double])] = [(y - 2, 129_400, [id(501): 372, id(502): 23, id(503): 5.5]), (y - 1, 131_200, [id(501): 391, id(502): 27, id(503): 4.5])]
        for (index, (year, costs, actuals)) in guidanceProofs.enumerated() {
            let staff = Money(euros: costs - 14_000)
            let proof = ProofOfUse(id: id(701 + index), agreementID: guidanceAgreement, year: year, narrative: "Die Beratungsstelle hat \(Int(actuals[id(501)]!)) Familien beraten; die Wartezeit sank (Beispiel).",
                                   costs: [CostComparison(costItem: "Personal", planned: Money(euros: costs - 15_000), actual: staff),
                                           CostComparison(costItem: "Miete und Sachkosten", planned: Money(euros: 15_000), actual: Money(euros: 14_000))],
                                   ownFunds: Money(euros: 6000), otherFunding: Money(euros: 3400),
                                   receipts: [Receipt(number: "\(year)-P", date: day(year, 12, 31), payee: "Gehaltsabrechnung (Beispiel)", purpose: "Personal \(year)", costItem: "Personal", amount: staff),
                                              Receipt(number: "\(year)-M", date: day(year, 12, 31), payee: "Vermieter (Beispiel)", purpose: "Miete \(year)", costItem: "Miete und Sachkosten",
                                                      amount: Money(euros: 14_000))],
                                   actuals: actuals, contentVerdict: .accepted, financeVerdict: .accepted, submittedAt: day(year + 1, 5, 20).startDate)
            try await store.save(.proof, id: proof.id, proof, label: "EB \(year)", organisationID: guidance.organisationID, parentID: guidanceAgreement, actor: actor, at: proof.submittedAt)
        }
        let pregnancyProof = ProofOfUse(id: id(703), agreementID: pregnancyAgreement, year: y - 1, narrative: "612 Beratungen, davon 143 Konfliktberatungen (Beispiel).",
                                        costs: [CostComparison(costItem: "Personal", planned: Money(euros: 80_000), actual: Money(euros: 78_250)),
                                                CostComparison(costItem: "Sachkosten", planned: Money(euros: 9000), actual: Money(cents: 812_040))],
                                        ownFunds: Money(euros: 4000),
                                        receipts: [Receipt(number: "S-1", date: day(y - 1, 12, 31), payee: "Gehaltsabrechnung (Beispiel)", purpose: "Personal", costItem: "Personal", amount: Money(euros: 78_250)),
                                                   Receipt(number: "S-2", date: day(y - 1, 6, 30), payee: "Bürobedarf (Beispiel)", purpose: "Sachkosten", costItem: "Sachkosten", amount: Money(cents: 812_040))],
                                        actuals: [id(511): 612, id(512): 143], submittedAt: day(y, 5, 28).startDate)
        try await store.save(.proof, id: pregnancyProof.id, pregnancyProof, label: "SB \(y - 1)", organisationID: pregnancy.organisationID, parentID: pregnancyAgreement,
                             actor: actor, at: pregnancyProof.submittedAt)

        // Two years of quality dialogue with the guidance centre.
        for (index, year) in [y - 2, y - 1].enumerated() {
            let dialogue = QualityDialogue(id: id(801 + index), agreementID: guidanceAgreement, year: year, date: day(year + 1, 2, 12),
                                           participants: ["Paul Planer (Beispiel), Sozialplanung", "Leitung der Beratungsstelle (Beispiel)", "Jugendamt, Fachdienst Hilfen zur Erziehung (Beispiel)"],
                                           agenda: ["Zielerreichung \(year)", "Wartezeiten und Erreichbarkeit", "Väterarbeit", "Vereinbarungen für \(year + 1)"],
                                           findings: index == 0 ? "Wartezeit noch über dem Ziel; Väteranteil steigt langsam (Beispiel)." : "Ziele weitgehend erreicht; offene Sprechstunde bewährt (Beispiel).",
                                           minutes: "Niederschrift der Sitzung (Beispiel).")
            try await store.save(.dialogue, id: dialogue.id, dialogue, label: "EB \(year)", organisationID: guidance.organisationID, parentID: guidanceAgreement, actor: actor, at: now)
        }
        return specs.count
    }
}
