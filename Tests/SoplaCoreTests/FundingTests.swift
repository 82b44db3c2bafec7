import Foundation
import Testing
@testable import SoplaCore

@Suite("Funding: money in cents")
struct MoneyTests {
    @Test func readsAmountsAsPeopleTypeThem() {
        #expect(Money.parse("1.234,56") == .success(Money(cents: 123_456)))
        #expect(Money.parse("1234,5") == .success(Money(cents: 123_450)))
        #expect(Money.parse("1234.56") == .success(Money(cents: 123_456)))
        #expect(Money.parse("12.000 €") == .success(Money(cents: 1_200_000)))
        #expect(Money.parse("1 234,00 EUR") == .success(Money(cents: 123_400)))
        #expect(Money.parse("0,07") == .success(Money(cents: 7)))
        #expect(Money.parse("45000") == .success(Money(cents: 4_500_000)))
    }

    @Test func refusesWhatIsNotAnAmount() {
        #expect(Money.parse("") == .failure(.empty))
        #expect(Money.parse("-5,00") == .failure(.negative))
        #expect(Money.parse("12,345") == .failure(.moreThanTwoDecimals))
        #expect(Money.parse("12.3456") == .failure(.moreThanTwoDecimals))
        #expect(Money.parse("1,2,3") == .failure(.notANumber))
        #expect(Money.parse("12.34.5") == .failure(.notANumber))
        #expect(Money.parse("zwölf") == .failure(.notANumber))
    }

    @Test func yearAmountsAreReadLineByLineAndProblemsNamed() {
        let good = FundingEntry.yearAmounts("2026; 48.000,00\n\n2027;49.440")
        #expect(good.amounts == [2026: Money(euros: 48_000), 2027: Money(euros: 49_440)] && good.issues.isEmpty)
        let bad = FundingEntry.yearAmounts("2026; 1,234\nzwei; 5\n2026; 7\n2027; -3\n2028\n2026; 8")
        #expect(bad.amounts == [2026: Money(euros: 7)])
        #expect(bad.issues == [ValidationIssue("amounts", .inLine(line: 1, problem: .tooManyDecimals("1,234"))),
                               ValidationIssue("amounts", .inLine(line: 2, problem: .expected(.yearAmounts))),
                               ValidationIssue("amounts", .inLine(line: 4, problem: .outOfRange(.money))),
                               ValidationIssue("amounts", .inLine(line: 5, problem: .expected(.yearAmounts))),
                               ValidationIssue("amounts", .inLine(line: 6, problem: .duplicateYear(2026)))])
        // A year out of range is told the range, in both lists.
        #expect(FundingEntry.yearAmounts("1999; 5").issues == [ValidationIssue("amounts", .inLine(line: 1, problem: .outOfRange(.fundingYear)))])
        #expect(FundingEntry.budgetLines("2027; Jugendarbeit; 100,00\n2101; Jugendarbeit; 5").issues
                == [ValidationIssue("budgetLines", .inLine(line: 2, problem: .outOfRange(.fundingYear)))])
    }

    @Test func splitsSoThePartsAddUp() {
        // 100,00 € in three: 33,34 + 33,33 + 33,33.
        #expect(Money(cents: 10_000).split(weights: [1, 1, 1]) == [Money(cents: 3334), Money(cents: 3333), Money(cents: 3333)])
        // 10,00 € by 1 : 2 : 3 → 1,666… 3,333… 5,00 → 1,67 3,33 5,00.
        #expect(Money(cents: 1000).split(weights: [1, 2, 3]) == [Money(cents: 167), Money(cents: 333), Money(cents: 500)])
        #expect(Money(cents: 5).split(weights: [0, 0]) == [.zero, .zero])
        #expect(Money(cents: 12_345).share(15, of: 100) == Money(cents: 1851))  // 1851,75 cents rounded down
        #expect(Money(cents: -5).plain == "-0.05" && Money(cents: 123_456).plain == "1234.56")
    }

    @Test func splitsByFractionsExactlyWhereTheSharesAreExact() {
        // 30.000 € by population 80.000 : 40.000 (2/3 and 1/3, not representable in binary): 20.000 € and 10.000 €.
        #expect(Money(euros: 30_000).split(fractions: [80_000.0 / 120_000, 40_000.0 / 120_000]) == [Money(euros: 20_000), Money(euros: 10_000)])
        // 100,00 € in three thirds: 33,34 + 33,33 + 33,33 (the first of equal remainders gets the cent).
        #expect(Money(cents: 10_000).split(fractions: [1, 1, 1]) == [Money(cents: 3334), Money(cents: 3333), Money(cents: 3333)])
        // 10,00 € by 0,1 : 0,2 : 0,7 of the sum 1,0.
        #expect(Money(cents: 1000).split(fractions: [0.1, 0.2, 0.7]) == [Money(cents: 100), Money(cents: 200), Money(cents: 700)])
        // A billion euros does not overflow; no share, negative or zero shares give nothing.
        #expect(Money(euros: 1_000_000_000).split(fractions: [1, 2]).reduce(.zero, +) == Money(euros: 1_000_000_000))
        #expect(Money(cents: 5).split(fractions: [0, 0]) == [.zero, .zero])
        #expect(Money(cents: 5).split(fractions: [-1, 1]) == [.zero, Money(cents: 5)])
        #expect(Money(cents: 5).split(fractions: []) == [])
    }
}

@Suite("Funding: applications")
struct ApplicationWorkflowTests {
    static let programme = FundingProgramme(
        id: UUID(), name: "Geschlechtergerechte Jugendarbeit", legalBasis: "SGB VIII § 11", source: .county,
        criteria: [AwardCriterion(id: UUID(), name: "Bedarf", weight: 40, scaleMax: 5), AwardCriterion(id: UUID(), name: "Konzept", weight: 35, scaleMax: 5),
                   AwardCriterion(id: UUID(), name: "Wirtschaftlichkeit", weight: 25, scaleMax: 10)],
        checklist: [ChecklistItem(id: UUID(), text: "Konzept", kind: .document, required: true),
                    ChecklistItem(id: UUID(), text: "Kooperationspartner", kind: .question, required: false)],
        budgetLines: [BudgetLine(id: UUID(), year: 2027, name: "Jugendarbeit", amount: Money(euros: 100_000))],
        callOpens: Day(year: 2026, month: 10, day: 1)!, callCloses: Day(year: 2026, month: 12, day: 31)!)

    static func application(requested: Money = Money(euros: 20_000)) -> FundingApplication {
        FundingApplication(id: UUID(), programmeID: programme.id, organisationID: UUID(), title: "Mädchentreff", year: 2027,
                           budgetLineID: programme.budgetLines[0].id, requested: requested,
                           costPlan: CostPlan(costs: [CostLine(name: "Personal", amount: Money(euros: 22_000)), CostLine(name: "Sachkosten", amount: Money(euros: 3000))],
                                              ownFunds: Money(euros: 2000), otherFunding: [CostLine(name: "Stadt", amount: Money(euros: 3000))]))
    }

    static let day = Day(year: 2026, month: 11, day: 25)!.startDate

    @Test func everyAllowedAndForbiddenTransition() {
        let allowed: [ApplicationState: [ApplicationEvent: ApplicationState]] = [
            .draft: [.submit: .submitted, .withdraw: .withdrawn],
            .submitted: [.startFormalCheck: .formalCheck, .requestChanges: .draft, .withdraw: .withdrawn],
            .formalCheck: [.passFormalCheck: .review, .requestChanges: .draft, .withdraw: .withdrawn],
            .review: [.recommend: .recommended, .notRecommend: .notRecommended, .requestChanges: .draft, .withdraw: .withdrawn],
            .recommended: [.approve: .approved, .approvePartly: .partlyApproved, .reject: .rejected, .withdraw: .withdrawn],
            .notRecommended: [.approve: .approved, .approvePartly: .partlyApproved, .reject: .rejected, .withdraw: .withdrawn],
            .approved: [:], .partlyApproved: [:], .rejected: [:], .withdrawn: [:],
        ]
        var checked = 0
        for state in ApplicationState.allCases {
            for event in ApplicationEvent.all {
                #expect(ApplicationWorkflow.next(state, on: event) == allowed[state]?[event], "\(state) + \(event.name)")
                checked += 1
            }
        }
        #expect(checked == 10 * 10)
    }

    @Test func theCostPlanMustBalance() throws {
        // 25.000 − 2.000 − 3.000 = 20.000.
        #expect(Self.application().costPlan.shortfall == Money(euros: 20_000))
        #expect(Self.application().costPlan.problems(requested: Money(euros: 20_000)).isEmpty)
        #expect(Self.application().costPlan.problems(requested: Money(cents: 2_000_050))
            == [ValidationIssue("costPlan", .unbalanced(difference: Money(cents: 50)))])
        #expect(throws: ValidationFailure([ValidationIssue("costPlan", .unbalanced(difference: Money(euros: -1000)))])) {
            try Self.application(requested: Money(euros: 19_000)).validated(programme: Self.programme)
        }
        let negative = CostPlan(costs: [CostLine(name: "Personal", amount: Money(cents: -1))], ownFunds: .zero)
        #expect(negative.problems(requested: Money(cents: 1)).contains(ValidationIssue("costs", .negativeAmount(item: "Personal", amount: Money(cents: -1)))))
    }

    @Test func submittingNeedsTheRequiredChecklistAndAnOpenCall() throws {
        var application = Self.application()
        #expect(application.applying(.submit, programme: Self.programme, by: "T", at: Self.day) == .failure(.checklistIncomplete(["Konzept"])))
        application.answers = [ChecklistAnswer(itemID: Self.programme.checklist[0].id, attachmentID: UUID())]
        let late = Day(year: 2027, month: 1, day: 5)!.startDate
        #expect(application.applying(.submit, programme: Self.programme, by: "T", at: late) == .failure(.callClosed))
        let submitted = try application.applying(.submit, programme: Self.programme, by: "Tina", at: Self.day).get()
        #expect(submitted.state == .submitted && submitted.submittedAt == Self.day)
        #expect(submitted.history == [ApplicationTransition(from: .draft, to: .submitted, event: "submit", at: Self.day, by: "Tina", reason: "")])
        // Out of order: approving a submitted application.
        #expect(submitted.applying(.approve, programme: Self.programme, by: "P", at: Self.day) == .failure(.notAllowed(from: .submitted, event: "approve")))
        // A change request needs its text and returns the application to draft with it.
        #expect(submitted.applying(.requestChanges, programme: Self.programme, by: "P", at: Self.day) == .failure(.reasonRequired))
        let back = try submitted.applying(.requestChanges, programme: Self.programme, reason: "Kostenplan erläutern", by: "P", at: Self.day).get()
        #expect(back.state == .draft && back.changeRequest == "Kostenplan erläutern" && back.history.count == 2)
    }

    @Test func partialApprovalNeedsALowerAmountAndAReason() throws {
        var application = Self.application()
        application.state = .recommended
        let reviews = [RankingTests.review([3, 3, 5], application: application.id)]
        #expect(application.applying(.approvePartly, programme: Self.programme, reason: "Sachkosten gekürzt", amount: Money(euros: 20_000), reviews: reviews, by: "P",
                                     at: Self.day) == .failure(.partialAmount))
        #expect(application.applying(.approvePartly, programme: Self.programme, amount: Money(euros: 18_000), reviews: reviews, by: "P", at: Self.day)
            == .failure(.reasonRequired))
        let partly = try application.applying(.approvePartly, programme: Self.programme, reason: "Sachkosten gekürzt", amount: Money(euros: 18_000), reviews: reviews,
                                              by: "P", at: Self.day).get()
        #expect(partly.state == .partlyApproved && partly.granted == Money(euros: 18_000) && partly.state.commitsMoney)
        #expect(try application.applying(.approve, programme: Self.programme, reviews: reviews, by: "P", at: Self.day).get().granted == Money(euros: 20_000))
    }

    @Test func programmeWeightsAddUpToOneHundred() {
        var programme = Self.programme
        programme.criteria[0].weight = 30
        #expect(throws: ValidationFailure([ValidationIssue("criteria", .weightsNotHundred(total: 90))])) { try programme.validated() }
        programme.criteria[0].weight = 40
        programme.callCloses = Day(year: 2026, month: 9, day: 1)!
        #expect(throws: ValidationFailure([ValidationIssue("callCloses", .endBeforeStart)])) { try programme.validated() }
    }
}

@Suite("Funding: review and ranking")
struct RankingTests {
    static let criteria = ApplicationWorkflowTests.programme.criteria

    static func review(_ values: [Int], application: UUID = UUID()) -> ApplicationReview {
        ApplicationReview(id: UUID(), applicationID: application, reviewerID: UUID(), kind: .content,
                          scores: zip(criteria, values).map { CriterionScore(criterionID: $0.id, value: $1, justification: "weil") }, submittedAt: Date())
    }

    @Test func theWeightedScoreAveragesReviewers() throws {
        // Reviewer A: 4/5, 3/5, 8/10; B: 5/5, 4/5, 6/10 → means 4,5 · 3,5 · 7
        // → 40·4,5/5 + 35·3,5/5 + 25·7/10 = 36 + 24,5 + 17,5 = 78 points.
        let score = try #require(Ranking.score(of: [Self.review([4, 3, 8]), Self.review([5, 4, 6])], criteria: Self.criteria))
        #expect(abs(score - 78) < 1e-9)
        #expect(Ranking.score(of: [], criteria: Self.criteria) == nil)
    }

    @Test func scoresOutsideTheScaleAndMissingReasonsAreRefused() {
        var review = Self.review([6, 3, 8])
        review.scores[1].justification = " "
        let ids = Self.criteria.map { $0.id.uuidString.lowercased() }
        #expect(throws: ValidationFailure([ValidationIssue("score-" + ids[0], .outsideScale(value: 6, max: 5)), ValidationIssue("reason-" + ids[1], .required)])) {
            try review.validated(programme: ApplicationWorkflowTests.programme, requested: Money(euros: 1))
        }
        let financial = ApplicationReview(id: UUID(), applicationID: UUID(), reviewerID: UUID(), kind: .financial,
                                          proposedAmount: Money(euros: 2), note: "zu hoch", submittedAt: Date())
        #expect(throws: ValidationFailure([ValidationIssue("proposedAmount", .unknownValue("2.00"))])) {
            try financial.validated(programme: ApplicationWorkflowTests.programme, requested: Money(euros: 1))
        }
    }

    @Test func theBudgetLineIsDrawnWhereTheMoneyEnds() {
        let t = Date(timeIntervalSince1970: 0)
        let candidates = [
            Ranking.Candidate(applicationID: UUID(), title: "A", score: 78, amount: Money(euros: 40_000), preventive: false, submittedAt: t),
            Ranking.Candidate(applicationID: UUID(), title: "B", score: 91.5, amount: Money(euros: 30_000), preventive: false, submittedAt: t),
            Ranking.Candidate(applicationID: UUID(), title: "C", score: 78, amount: Money(euros: 20_000), preventive: true, submittedAt: t.addingTimeInterval(60)),
            Ranking.Candidate(applicationID: UUID(), title: "D", score: 60, amount: Money(euros: 5000), preventive: false, submittedAt: t),
            Ranking.Candidate(applicationID: UUID(), title: "E", score: nil, amount: Money(euros: 1000), preventive: false, submittedAt: t),
        ]
        // Budget 90.000: B 30.000, C (preventive first among 78) 50.000, A 90.000 — fits exactly; D 95.000 no; E unscored.
        let ranked = Ranking.rank(candidates, budget: Money(euros: 90_000), preventivePriority: true)
        #expect(ranked.map(\.title) == ["B", "C", "A", "D", "E"])
        #expect(ranked.map(\.fundable) == [true, true, true, false, false])
        #expect(ranked.map(\.cumulative) == [Money(euros: 30_000), Money(euros: 50_000), Money(euros: 90_000), Money(euros: 95_000), Money(euros: 96_000)])
        // Without priority the earlier submission wins the tie.
        #expect(Ranking.rank(candidates, budget: Money(euros: 90_000), preventivePriority: false).map(\.title) == ["B", "A", "C", "D", "E"])
        // 89.999,99 €: the line falls after C; D would fit but stays below the line.
        let tight = Ranking.rank(candidates, budget: Money(cents: 8_999_999), preventivePriority: true)
        #expect(tight.map(\.fundable) == [true, true, false, false, false])
        // Each below the line says why: D over the budget, E without a score; A too once C took the money.
        #expect(ranked.map(\.outside) == [nil, nil, nil, .overBudget, .unscored])
        #expect(tight.map(\.outside) == [nil, nil, .overBudget, .overBudget, .unscored])
    }

    /// A not recommended application is listed last and takes nothing from the budget: with it, D still fits.
    @Test func notRecommendedApplicationsTakeNothingFromTheBudget() {
        let t = Date(timeIntervalSince1970: 0)
        let candidates = [
            Ranking.Candidate(applicationID: UUID(), title: "N", score: 95, amount: Money(euros: 50_000), preventive: false, submittedAt: t, notRecommended: true),
            Ranking.Candidate(applicationID: UUID(), title: "B", score: 80, amount: Money(euros: 30_000), preventive: false, submittedAt: t),
            Ranking.Candidate(applicationID: UUID(), title: "D", score: 60, amount: Money(euros: 20_000), preventive: false, submittedAt: t),
            Ranking.Candidate(applicationID: UUID(), title: "U", score: nil, amount: Money(euros: 1_000), preventive: false, submittedAt: t),
        ]
        let ranked = Ranking.rank(candidates, budget: Money(euros: 60_000), preventivePriority: false)
        #expect(ranked.map(\.title) == ["B", "D", "U", "N"])
        #expect(ranked.map(\.outside) == [nil, nil, .unscored, .notRecommended])
        #expect(ranked.map(\.cumulative) == [Money(euros: 30_000), Money(euros: 50_000), Money(euros: 51_000), Money(euros: 51_000)])
    }

    /// Recommending or approving waits for the assigned reviewers and one content review; a reasoned override is recorded.
    @Test func decisionsWaitForTheReviews() throws {
        var application = ApplicationWorkflowTests.application()
        application.state = .review
        let reviewer = UUID(), finance = UUID()
        application.reviewers = [ReviewerAssignment(userID: reviewer, kind: .content), ReviewerAssignment(userID: finance, kind: .financial)]
        let programme = ApplicationWorkflowTests.programme
        #expect(application.applying(.recommend, programme: programme, by: "P", at: Date()) == .failure(.reviewsMissing(2)))
        var content = Self.review([4, 4, 8], application: application.id)
        content.reviewerID = reviewer
        #expect(application.applying(.recommend, programme: programme, reviews: [content], by: "P", at: Date()) == .failure(.reviewsMissing(1)))
        #expect(application.applying(.recommend, programme: programme, reviews: [content], overrideReviews: true, by: "P", at: Date()) == .failure(.reasonRequired))
        let decided = try application.applying(.recommend, programme: programme, reason: "Frist des Kreistags", reviews: [content], overrideReviews: true, by: "P",
                                               at: Date()).get()
        #expect(decided.state == .recommended && decided.history.last?.reviewsOverridden == true && decided.history.last?.reason == "Frist des Kreistags")
        // Not recommending needs no review; with no reviewer assigned, one content review is still needed to recommend.
        #expect(try application.applying(.notRecommend, programme: programme, reason: "kein Bedarf", by: "P", at: Date()).get().state == .notRecommended)
        application.reviewers = []
        #expect(application.applying(.recommend, programme: programme, by: "P", at: Date()) == .failure(.reviewsMissing(1)))
        #expect(try application.applying(.recommend, programme: programme, reviews: [content], by: "P", at: Date()).get().history.last?.reviewsOverridden == nil)
    }

    @Test func aReviewerNeverJudgesTheirOwnFamilyOfOrganisations() {
        let liga = UUID(), diakonie = UUID(), sonnenweg = UUID(), caritas = UUID(), lindenhof = UUID()
        let parents = [diakonie: liga, sonnenweg: diakonie, caritas: liga, lindenhof: caritas]
        let parentOf: (UUID) -> UUID? = { parents[$0] }
        #expect(ConflictOfInterest.conflicted(reviewerOrganisations: [diakonie], declared: [], applicant: sonnenweg, parentOf: parentOf))
        #expect(ConflictOfInterest.conflicted(reviewerOrganisations: [sonnenweg], declared: [], applicant: diakonie, parentOf: parentOf))
        #expect(!ConflictOfInterest.conflicted(reviewerOrganisations: [sonnenweg], declared: [], applicant: lindenhof, parentOf: parentOf))
        #expect(ConflictOfInterest.conflicted(reviewerOrganisations: [], declared: [lindenhof], applicant: lindenhof, parentOf: parentOf))
        #expect(!ConflictOfInterest.conflicted(reviewerOrganisations: [], declared: [], applicant: lindenhof, parentOf: parentOf))
    }
}

@Suite("Funding: payments, proof of use, targets")
struct FundingMoneyFlowTests {
    static let agreement = GrantAgreement(id: UUID(), reference: "EB-2026-01", programmeID: UUID(), organisationID: UUID(),
                                          start: Day(year: 2026, month: 1, day: 1)!, end: Day(year: 2027, month: 12, day: 31)!,
                                          amounts: [2026: Money(euros: 120_000), 2027: Money(cents: 12_360_000)])

    @Test func instalmentsAddUpToTheYearsAmount() {
        // 123.600,00 € quarterly: 30.900 each.
        let plan = PaymentPlan.instalments(Money(cents: 12_360_000), year: 2027, months: [1, 4, 7, 10])
        #expect(plan.map(\.amount) == Array(repeating: Money(cents: 3_090_000), count: 4))
        #expect(plan.map(\.due.iso) == ["2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01"])
        // 1.000,01 € in three: 333,34 + 333,34 + 333,33.
        #expect(PaymentPlan.instalments(Money(cents: 100_001), year: 2027, months: [1, 5, 9]).map(\.amount.cents) == [33_334, 33_334, 33_333])
    }

    @Test func drawdownsNeverExceedTheAgreedAmount() {
        let id = Self.agreement.id
        let earlier = [Drawdown(id: UUID(), agreementID: id, year: 2026, amount: Money(euros: 60_000), state: .paid, requestedAt: Date(), requestedBy: "T"),
                       Drawdown(id: UUID(), agreementID: id, year: 2026, amount: Money(euros: 50_000), state: .requested, requestedAt: Date(), requestedBy: "T"),
                       Drawdown(id: UUID(), agreementID: id, year: 2026, amount: Money(euros: 30_000), state: .rejected, requestedAt: Date(), requestedBy: "T")]
        #expect(PaymentPlan.check(Money(euros: 10_000), year: 2026, agreement: Self.agreement, drawdowns: earlier) == nil)
        #expect(PaymentPlan.check(Money(cents: 1_000_001), year: 2026, agreement: Self.agreement, drawdowns: earlier) == .exceedsAgreement(available: Money(euros: 10_000)))
        #expect(PaymentPlan.check(.zero, year: 2026, agreement: Self.agreement, drawdowns: []) == .notPositive)
        #expect(PaymentPlan.check(Money(euros: 1), year: 2028, agreement: Self.agreement, drawdowns: []) == .noAmountForYear(2028))
    }

    @Test func repaymentByFinancingType() {
        // Shortfall: costs 130.000, own 8.000, other 4.500 → entitled 117.500 of 120.000 paid → 2.500 back.
        let shortfall = Repayment.entitlement(agreed: Money(euros: 120_000), financing: .shortfall, sharePercent: nil,
                                              actualCosts: Money(euros: 130_000), ownFunds: Money(euros: 8000), otherFunding: Money(euros: 4500))
        #expect(shortfall == Money(euros: 117_500))
        #expect(Repayment.claim(paid: Money(euros: 120_000), entitlement: shortfall) == Money(euros: 2500))
        // Fixed amount: only when costs fall below it.
        #expect(Repayment.entitlement(agreed: Money(euros: 20_000), financing: .fixedAmount, sharePercent: nil, actualCosts: Money(cents: 1_950_050), ownFunds: .zero, otherFunding: .zero)
            == Money(cents: 1_950_050))
        // Share 80 % of 24.999,99 € = 19.999,992 → 19.999,99 €; paid 20.000 → 0,01 € back.
        let share = Repayment.entitlement(agreed: Money(euros: 20_000), financing: .share, sharePercent: 80, actualCosts: Money(cents: 2_499_999), ownFunds: .zero, otherFunding: .zero)
        #expect(share == Money(cents: 1_999_999))
        #expect(Repayment.claim(paid: Money(euros: 20_000), entitlement: share) == Money(cents: 1))
        // Spending more never raises the grant above what was agreed.
        #expect(Repayment.entitlement(agreed: Money(euros: 20_000), financing: .shortfall, sharePercent: nil, actualCosts: Money(euros: 50_000), ownFunds: .zero, otherFunding: .zero)
            == Money(euros: 20_000))
    }

    @Test func receiptsMustReconcileWithTheStatement() {
        let proof = ProofOfUse(id: UUID(), agreementID: Self.agreement.id, year: 2026, narrative: "Sachbericht",
                               costs: [CostComparison(costItem: "Personal", planned: Money(euros: 100_000), actual: Money(euros: 101_000)),
                                       CostComparison(costItem: "Miete", planned: Money(euros: 12_000), actual: Money(euros: 12_000))],
                               ownFunds: Money(euros: 5000),
                               receipts: [Receipt(number: "1", date: Day(year: 2026, month: 3, day: 31)!, payee: "Gehalt", purpose: "Q1", costItem: "Personal", amount: Money(euros: 101_000)),
                                          Receipt(number: "2", date: Day(year: 2026, month: 1, day: 2)!, payee: "Vermieter", purpose: "Miete", costItem: "Miete", amount: Money(cents: 1_199_950)),
                                          Receipt(number: "3", date: Day(year: 2025, month: 12, day: 30)!, payee: "X", purpose: "Y", costItem: "Reisen", amount: Money(euros: 1))],
                               submittedAt: Date())
        #expect(proof.actualCosts == Money(euros: 113_000))
        #expect(proof.problems() == [ValidationIssue("receipts", .receiptOutsideYear(number: "3", date: Day(year: 2025, month: 12, day: 30)!, year: 2026)),
                                     ValidationIssue("receipts", .receiptUnknownCostItem(number: "3", costItem: "Reisen")),
                                     ValidationIssue("receipts", .receiptsDoNotAdd(costItem: "Miete", difference: Money(cents: -50)))])
    }

    @Test func targetAttainmentAndTrafficLights() {
        let day = Day(year: 2026, month: 12, day: 31)!
        let cases = AgreementTarget(id: UUID(), name: "Beratungsfälle", kind: .output, unit: "Fälle", target: 400, referenceDate: day)
        #expect(TargetAttainment.percent(cases, actual: 380) == 95)
        #expect(TargetAttainment.light(percent: 95) == .green && TargetAttainment.light(percent: 94.9) == .yellow && TargetAttainment.light(percent: 79.9) == .red)
        // With a baseline: from 20 % to 30 % reached 26 % → 60 %.
        let share = AgreementTarget(id: UUID(), name: "Anteil Väter", kind: .outcome, unit: "%", baseline: 20, target: 30, referenceDate: day)
        #expect(abs(TargetAttainment.percent(share, actual: 26)! - 60) < 1e-9)
        // Should fall: waiting time from 6 to 4 weeks, now 5 → 50 %; without baseline, target 4, actual 5 → 75 %.
        let waiting = AgreementTarget(id: UUID(), name: "Wartezeit", kind: .outcome, unit: "Wochen", baseline: 6, target: 4, referenceDate: day, higherIsBetter: false)
        #expect(TargetAttainment.percent(waiting, actual: 5) == 50)
        var plain = waiting
        plain.baseline = nil
        #expect(TargetAttainment.percent(plain, actual: 5) == 75)
        #expect(TargetAttainment.percent(cases, actual: nil) == nil && TargetAttainment.light(percent: nil) == nil)
    }

    @Test func budgetLinesAndControllingFigures() {
        let line = BudgetLine(id: UUID(), year: 2027, name: "Beratung", amount: Money(euros: 100_000))
        #expect(BudgetCheck.check(Money(euros: 20_000), line: line, committed: Money(euros: 80_000)) == nil)
        #expect(BudgetCheck.check(Money(cents: 2_000_001), line: line, committed: Money(euros: 80_000)) == .exceedsBudgetLine(available: Money(euros: 20_000)))
        // 10.000 € for one service split 0,6 / 0,4 over two municipalities; per inhabitant of 3.000 people: 2,00 € → 200 cents.
        var agreement = Self.agreement
        let service = UUID()
        agreement.serviceIDs = [service]
        agreement.amounts = [2026: Money(euros: 10_000)]
        let byUnit = FundingControlling.byUnit(agreements: [agreement], year: 2026, shares: [service: ["06532023": 0.6, "06532009": 0.4]])
        #expect(byUnit == ["06532023": Money(euros: 6000), "06532009": Money(euros: 4000)])
        #expect(FundingControlling.perInhabitant(Money(euros: 6000), population: 3000) == Money(cents: 200))
        #expect(FundingControlling.perInhabitant(Money(cents: 1000), population: 3) == Money(cents: 333))
        // An agreement for two services (one each of two categories): each category counts only its own half.
        let other = UUID()
        agreement.serviceIDs = [service, other]
        let shares = [service: ["06532023": 1.0], other: ["06532009": 0.5, "06532023": 0.5]]
        #expect(FundingControlling.byUnit(agreements: [agreement], year: 2026, shares: shares, only: { $0 == service }) == ["06532023": Money(euros: 5000)])
        #expect(FundingControlling.byUnit(agreements: [agreement], year: 2026, shares: shares, only: { $0 == other })
                == ["06532009": Money(euros: 2500), "06532023": Money(euros: 2500)])
        #expect(FundingControlling.byUnit(agreements: [agreement], year: 2026, shares: shares) == ["06532009": Money(euros: 2500), "06532023": Money(euros: 7500)])
    }
}
