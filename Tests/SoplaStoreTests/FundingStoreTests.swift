import Fluent
import Foundation
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Funding store")
struct FundingStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)

    static func programme(budget: Money) -> FundingProgramme {
        FundingProgramme(id: UUID(), name: "Jugendarbeit", legalBasis: "SGB VIII § 11", source: .county,
                         criteria: [AwardCriterion(id: UUID(), name: "Bedarf", weight: 100, scaleMax: 5)], checklist: [],
                         budgetLines: [BudgetLine(id: UUID(), year: 2027, name: "Jugendarbeit", amount: budget)],
                         callOpens: Day(year: 2026, month: 1, day: 1)!, callCloses: Day(year: 2026, month: 12, day: 31)!)
    }

    static func application(_ programme: FundingProgramme, amount: Money, state: ApplicationState = .recommended) -> FundingApplication {
        FundingApplication(id: UUID(), programmeID: programme.id, organisationID: UUID(), title: "Antrag", year: 2027, budgetLineID: programme.budgetLines[0].id,
                           requested: amount, costPlan: CostPlan(costs: [CostLine(name: "Personal", amount: amount)], ownFunds: .zero), state: state)
    }

    @Test func agreementListsAreSearchedSortedAndPagedInTheDatabase() async throws {
        try await TestDatabase.withDatabase { app in
            let store = FundingStore(database: app.db), accounts = AccountStore(database: app.db)
            let caritas = try await accounts.createOrganisation(Organisation(id: UUID(), name: "Caritasverband Wetzlar", kind: .welfareAssociation), actor: actor, at: now)
            let diakonie = try await accounts.createOrganisation(Organisation(id: UUID(), name: "Diakonisches Werk Lahn-Dill", kind: .welfareAssociation), actor: actor, at: now)
            var youth = Self.programme(budget: Money(euros: 100_000)), advice = Self.programme(budget: Money(euros: 100_000))
            youth.name = "Jugendarbeit"
            advice.name = "Beratung"
            for programme in [youth, advice] { try await store.saveProgramme(programme, actor: actor, at: now) }
            func agreement(_ reference: String, _ programme: FundingProgramme, _ organisation: Organisation, month: Int) -> GrantAgreement {
                GrantAgreement(id: UUID(), reference: reference, programmeID: programme.id, organisationID: organisation.id, serviceIDs: [],
                               start: Day(year: 2027, month: month, day: 1)!, end: Day(year: 2027, month: 12, day: 31)!, amounts: [2027: Money(euros: 1_000)])
            }
            let agreements = [agreement("EB-2027-03", youth, caritas, month: 3), agreement("eb-2027-01", advice, diakonie, month: 5),
                              agreement("EB-2027-02", youth, diakonie, month: 1)]
            for a in agreements { try await store.saveAgreement(a, actor: actor, at: now) }

            // File numbers sort regardless of case; pages of two.
            let first = try await store.agreements(page: 1, perPage: 2), second = try await store.agreements(page: 2, perPage: 2)
            #expect(first.total == 3 && first.items.map(\.reference) == ["eb-2027-01", "EB-2027-02"] && second.items.map(\.reference) == ["EB-2027-03"])
            #expect(try await store.agreements(order: .reference, descending: true).items.map(\.reference) == ["EB-2027-03", "EB-2027-02", "eb-2027-01"])
            // By organisation (Caritas before Diakonie), programme (Beratung before Jugendarbeit), start.
            #expect(try await store.agreements(order: .organisation).items.map(\.reference) == ["EB-2027-03", "eb-2027-01", "EB-2027-02"])
            #expect(try await store.agreements(order: .programme).items.map(\.reference) == ["eb-2027-01", "EB-2027-02", "EB-2027-03"])
            #expect(try await store.agreements(order: .start).items.map(\.reference) == ["EB-2027-02", "EB-2027-03", "eb-2027-01"])
            // Search in the file number or the organisation's name (in capitals); one programme.
            #expect(try await store.agreements(search: "2027-0").total == 3)
            #expect(try await store.agreements(search: "-01").items.map(\.reference) == ["eb-2027-01"])
            #expect(try await store.agreements(search: "DIAKONISCHES").items.map(\.reference) == ["eb-2027-01", "EB-2027-02"])
            #expect(try await store.agreements(programmeID: youth.id, search: "diakon").items.map(\.reference) == ["EB-2027-02"])
            // A typed % is taken literally.
            #expect(try await store.agreements(search: "%").total == 0)
        }
    }

    @Test func parallelApprovalsNeverExceedTheBudgetLine() async throws {
        try await TestDatabase.withDatabase { app in
            let store = FundingStore(database: app.db)
            // 100.000 € and twelve applications of 10.000 € approved at the same time: exactly ten fit.
            let programme = Self.programme(budget: Money(euros: 100_000))
            try await store.saveProgramme(programme, actor: actor, at: now)
            let applications = (0..<12).map { _ in Self.application(programme, amount: Money(euros: 10_000)) }
            for application in applications { try await store.transition(application, from: .recommended, actor: actor, at: now) }
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for application in applications {
                    group.addTask {
                        let approved = try application.applying(.approve, programme: programme, reason: "Gutachten folgen", overrideReviews: true, by: "P", at: now).get()
                        do {
                            try await store.transition(approved, from: .recommended, actor: actor, at: now)
                            return true
                        } catch let error as FundingStoreError {
                            guard case .budgetExceeded = error else { throw error }
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 10)
            #expect(try await store.committed()[programme.budgetLines[0].id] == Money(euros: 100_000))
            let stored = try await store.all(.application, as: FundingApplication.self, parentID: programme.id).map(\.value)
            #expect(stored.filter { $0.state == .approved }.count == 10 && stored.filter { $0.state == .recommended }.count == 2)
            // The line cannot be lowered below its commitments.
            var lowered = programme
            lowered.budgetLines[0].amount = Money(euros: 90_000)
            await #expect(throws: FundingStoreError.budgetBelowCommitted(line: "Jugendarbeit", committed: Money(euros: 100_000))) {
                try await store.saveProgramme(lowered, actor: actor, at: now)
            }
        }
    }

    @Test func aRefusedApprovalLeavesEverythingAsItWas() async throws {
        try await TestDatabase.withDatabase { app in
            let store = FundingStore(database: app.db)
            let programme = Self.programme(budget: Money(euros: 15_000))
            try await store.saveProgramme(programme, actor: actor, at: now)
            let first = Self.application(programme, amount: Money(euros: 10_000)), second = Self.application(programme, amount: Money(cents: 500_001))
            for application in [first, second] { try await store.transition(application, from: .recommended, actor: actor, at: now) }
            try await store.transition(try first.applying(.approve, programme: programme, reason: "Gutachten folgen", overrideReviews: true, by: "P", at: now).get(), from: .recommended, actor: actor, at: now)
            await #expect(throws: FundingStoreError.budgetExceeded(available: Money(euros: 5000))) {
                try await store.transition(try second.applying(.approve, programme: programme, reason: "Gutachten folgen", overrideReviews: true, by: "P", at: now).get(), from: .recommended, actor: actor, at: now)
            }
            #expect(try await store.one(.application, id: second.id, as: FundingApplication.self)?.value.state == .recommended)
            #expect(try await store.committed()[programme.budgetLines[0].id] == Money(euros: 10_000))
            // A stale state is refused: the first one is no longer recommended.
            await #expect(throws: FundingStoreError.changedMeanwhile) {
                try await store.transition(try first.applying(.reject, programme: programme, reason: "x", by: "P", at: now).get(), from: .recommended, actor: actor, at: now)
            }
        }
    }

    @Test func drawdownsStayWithinTheAgreedYearAndRejectionsReleaseThem() async throws {
        try await TestDatabase.withDatabase { app in
            let store = FundingStore(database: app.db)
            let organisation = UUID()
            let programme = Self.programme(budget: Money(euros: 100_000))
            try await store.saveProgramme(programme, actor: actor, at: now)
            let agreement = GrantAgreement(id: UUID(), reference: "EB-1", programmeID: programme.id, organisationID: organisation,
                                           start: Day(year: 2027, month: 1, day: 1)!, end: Day(year: 2027, month: 12, day: 31)!, amounts: [2027: Money(euros: 30_000)])
            try await store.saveAgreement(agreement, actor: actor, at: now)
            let drawdowns = (0..<5).map { _ in Drawdown(id: UUID(), agreementID: agreement.id, year: 2027, amount: Money(euros: 7500), requestedAt: now, requestedBy: "T") }
            let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for drawdown in drawdowns {
                    group.addTask {
                        do { try await store.saveDrawdown(drawdown, organisationID: organisation, actor: actor, at: now); return true } catch FundingStoreError.agreementExceeded { return false }
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(accepted == 4)
            var first = try #require(try await store.all(.drawdown, as: Drawdown.self, parentID: agreement.id).first).value
            first.state = .rejected
            try await store.saveDrawdown(first, organisationID: organisation, actor: actor, at: now)
            let again = Drawdown(id: UUID(), agreementID: agreement.id, year: 2027, amount: Money(euros: 7500), requestedAt: now, requestedBy: "T")
            try await store.saveDrawdown(again, organisationID: organisation, actor: actor, at: now)
            await #expect(throws: FundingStoreError.agreementExceeded(available: .zero)) {
                try await store.saveDrawdown(Drawdown(id: UUID(), agreementID: agreement.id, year: 2027, amount: Money(cents: 1), requestedAt: now, requestedBy: "T"),
                                             organisationID: organisation, actor: actor, at: now)
            }
            let audit = try await AccountStore(database: app.db).audit(AuditQuery(entityType: "funding-drawdown"))
            #expect(audit.entries.count == 6)
        }
    }
}
