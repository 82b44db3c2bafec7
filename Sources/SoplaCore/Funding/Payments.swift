import Foundation

/// A drawdown (Mittelabruf) the provider requests; the planner approves it and marks it paid.
public struct Drawdown: Hashable, Sendable, Codable, Identifiable {
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        case requested, approved, paid, rejected
    }

    public var id: UUID
    public var agreementID: UUID
    public var year: Int
    public var amount: Money
    public var state: State
    public var requestedAt: Date
    public var requestedBy: String
    public var decidedBy: String?
    public var paidOn: Day?
    public var note: String

    public init(id: UUID, agreementID: UUID, year: Int, amount: Money, state: State = .requested, requestedAt: Date, requestedBy: String,
                decidedBy: String? = nil, paidOn: Day? = nil, note: String = "") {
        self.id = id
        self.agreementID = agreementID
        self.year = year
        self.amount = amount
        self.state = state
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
        self.decidedBy = decidedBy
        self.paidOn = paidOn
        self.note = note
    }
}

public enum PaymentPlan {
    /// What stands against moving a drawdown to `next` on `today` by the login `actor`: a payment never before the
    /// agreement's term starts, and (four eyes) never ordered by the person who released the drawdown.
    public static func problems(moving drawdown: Drawdown, to next: Drawdown.State, agreement: GrantAgreement, actor: String, today: Day,
                                fourEyes: Bool) -> [ValidationIssue] {
        guard next == .paid else { return [] }
        var issues: [ValidationIssue] = []
        if today < agreement.start { issues.append(ValidationIssue("state", .beforeTermStart(agreement.start))) }
        if fourEyes, let releasedBy = drawdown.decidedBy, releasedBy.lowercased() == actor.lowercased() {
            issues.append(ValidationIssue("state", .secondPersonNeeded))
        }
        return issues
    }

    /// A proof of use reports on a whole year: it comes in once the year has ended.
    public static func proofProblem(year: Int, today: Day) -> ValidationIssue? {
        today.year > year ? nil : ValidationIssue("proofYear", .yearNotEnded(year))
    }

    /// Instalments of a year's amount on the first day of the given months: equal parts, the cents left over on the
    /// earliest instalments, so the parts add up exactly.
    public static func instalments(_ amount: Money, year: Int, months: [Int]) -> [(due: Day, amount: Money)] {
        let parts = amount.split(weights: months.map { _ in 1 })
        return zip(months, parts).compactMap { month, part in Day(year: year, month: month, day: 1).map { ($0, part) } }
    }

    /// Why a drawdown cannot be requested.
    public enum Problem: Error, Equatable, Sendable {
        case notPositive
        case noAmountForYear(Int)
        /// The open and paid drawdowns plus this one would exceed the agreed amount; `available` is what is left.
        case exceedsAgreement(available: Money)
    }

    /// A drawdown fits when it is positive and, with every drawdown of the year not rejected, stays within the agreed amount.
    public static func check(_ amount: Money, year: Int, agreement: GrantAgreement, drawdowns: [Drawdown]) -> Problem? {
        guard amount.cents > 0 else { return .notPositive }
        guard let agreed = agreement.amounts[year] else { return .noAmountForYear(year) }
        let used = drawdowns.filter { $0.agreementID == agreement.id && $0.year == year && $0.state != .rejected }.sum(\.amount)
        if used + amount > agreed { return .exceedsAgreement(available: agreed - used) }
        return nil
    }
}

/// One row of the list of receipts (Belegliste).
public struct Receipt: Hashable, Sendable, Codable {
    public var number: String
    public var date: Day
    public var payee: String
    public var purpose: String
    public var costItem: String
    public var amount: Money

    public init(number: String, date: Day, payee: String, purpose: String, costItem: String, amount: Money) {
        self.number = number
        self.date = date
        self.payee = payee
        self.purpose = purpose
        self.costItem = costItem
        self.amount = amount
    }
}

/// Planned against actual for one cost item of the financial statement.
public struct CostComparison: Hashable, Sendable, Codable {
    public var costItem: String
    public var planned: Money
    public var actual: Money

    public init(costItem: String, planned: Money, actual: Money) {
        self.costItem = costItem
        self.planned = planned
        self.actual = actual
    }
}

public enum ReviewVerdict: String, Hashable, Sendable, Codable, CaseIterable {
    case accepted
    case rework
    case rejected
}

/// The proof of use (Verwendungsnachweis) for one agreement year: narrative, financial statement, receipts, actual
/// values of the targets; reviewed separately for content and finance.
public struct ProofOfUse: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var agreementID: UUID
    public var year: Int
    public var narrative: String
    public var costs: [CostComparison]
    public var ownFunds: Money
    public var otherFunding: Money
    public var receipts: [Receipt]
    public var actuals: [UUID: Double]
    public var contentVerdict: ReviewVerdict?
    public var contentNote: String
    public var financeVerdict: ReviewVerdict?
    public var financeNote: String
    public var submittedAt: Date

    public init(id: UUID, agreementID: UUID, year: Int, narrative: String, costs: [CostComparison], ownFunds: Money, otherFunding: Money = .zero,
                receipts: [Receipt], actuals: [UUID: Double] = [:], contentVerdict: ReviewVerdict? = nil, contentNote: String = "",
                financeVerdict: ReviewVerdict? = nil, financeNote: String = "", submittedAt: Date) {
        self.id = id
        self.agreementID = agreementID
        self.year = year
        self.narrative = narrative
        self.costs = costs
        self.ownFunds = ownFunds
        self.otherFunding = otherFunding
        self.receipts = receipts
        self.actuals = actuals
        self.contentVerdict = contentVerdict
        self.contentNote = contentNote
        self.financeVerdict = financeVerdict
        self.financeNote = financeNote
        self.submittedAt = submittedAt
    }

    public var actualCosts: Money { costs.sum(\.actual) }

    /// The narrative is needed, amounts are not negative, receipts lie in the year, and per cost item the receipts
    /// add up to the actual amount (the message names the item and the difference).
    public func problems() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if narrative.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { issues.append(ValidationIssue("narrative", .required)) }
        if costs.isEmpty { issues.append(ValidationIssue("costs", .required)) }
        for line in costs where line.actual.isNegative || line.planned.isNegative { issues.append(ValidationIssue("costs", .unknownValue(line.costItem))) }
        if ownFunds.isNegative || otherFunding.isNegative { issues.append(ValidationIssue("ownFunds", .unknownValue(ownFunds.plain))) }
        for receipt in receipts {
            if receipt.date.year != year { issues.append(ValidationIssue("receipts", .receiptOutsideYear(number: receipt.number, date: receipt.date, year: year))) }
            if receipt.amount.cents <= 0 { issues.append(ValidationIssue("receipts", .receiptNotPositive(number: receipt.number))) }
            if !costs.contains(where: { $0.costItem == receipt.costItem }) { issues.append(ValidationIssue("receipts", .receiptUnknownCostItem(number: receipt.number, costItem: receipt.costItem))) }
        }
        if Set(receipts.map(\.number)).count != receipts.count { issues.append(ValidationIssue("receipts", .duplicate)) }
        for line in costs {
            let sum = receipts.filter { $0.costItem == line.costItem }.sum(\.amount)
            if sum != line.actual { issues.append(ValidationIssue("receipts", .receiptsDoNotAdd(costItem: line.costItem, difference: sum - line.actual))) }
        }
        return issues
    }
}

public enum Repayment {
    /// What the county may keep paid for the year given the actual costs, by financing type, never more than the
    /// agreed amount:
    /// - shortfall: actual costs − own funds − other funding;
    /// - fixed amount: the agreed amount, unless the actual costs are lower;
    /// - share: the share of the actual costs, rounded down to the cent.
    public static func entitlement(agreed: Money, financing: FinancingType, sharePercent: Int?, actualCosts: Money, ownFunds: Money, otherFunding: Money) -> Money {
        let raw: Money
        switch financing {
        case .shortfall: raw = actualCosts - ownFunds - otherFunding
        case .fixedAmount: raw = actualCosts
        case .share: raw = actualCosts.share(sharePercent ?? 0, of: 100)
        }
        return max(.zero, min(agreed, raw))
    }

    /// The repayment claim: paid − entitlement, when positive.
    public static func claim(paid: Money, entitlement: Money) -> Money {
        max(.zero, paid - entitlement)
    }
}
