import Foundation

/// The yearly quality dialogue of county and provider on an agreement: agenda, participants, the attainment table,
/// findings and agreed measures (tracked as S5 measures).
public struct QualityDialogue: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var agreementID: UUID
    public var year: Int
    public var date: Day
    public var participants: [String]
    public var agenda: [String]
    public var findings: String
    public var measureIDs: [UUID]
    public var minutes: String

    public init(id: UUID, agreementID: UUID, year: Int, date: Day, participants: [String], agenda: [String], findings: String = "",
                measureIDs: [UUID] = [], minutes: String = "") {
        self.id = id
        self.agreementID = agreementID
        self.year = year
        self.date = date
        self.participants = participants
        self.agenda = agenda
        self.findings = findings
        self.measureIDs = measureIDs
        self.minutes = minutes
    }

    public func validated() throws(ValidationFailure) -> QualityDialogue {
        var issues: [ValidationIssue] = []
        if participants.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).count < 2 { issues.append(ValidationIssue("participants", .required)) }
        if agenda.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).isEmpty { issues.append(ValidationIssue("agenda", .required)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return self
    }
}

/// Money against the budget: what a line still allows, and the controlling figures of a programme year.
public enum BudgetCheck {
    /// Why an approval does not fit.
    public enum Problem: Error, Equatable, Sendable {
        case exceedsBudgetLine(available: Money)
    }

    /// The amount is committable when the commitments of the line plus it stay within the line.
    public static func check(_ amount: Money, line: BudgetLine, committed: Money) -> Problem? {
        committed + amount > line.amount ? .exceedsBudgetLine(available: line.amount - committed) : nil
    }
}

/// Planned, committed, paid and proven money of one programme year.
public struct ControllingFigures: Hashable, Sendable {
    public let planned: Money
    public let committed: Money
    public let paid: Money
    public let proven: Money

    public init(planned: Money, committed: Money, paid: Money, proven: Money) {
        self.planned = planned
        self.committed = committed
        self.paid = paid
        self.proven = proven
    }

    /// Per mille of the plan committed, rounded down (an exact figure for tables; pages show per cent).
    public var committedPermille: Int? { planned.cents > 0 ? Int(committed.cents * 1000 / planned.cents) : nil }
}

public enum FundingControlling {
    /// The money controlling counts: every agreement, and each approved application without an agreement yet as what
    /// it was granted in its year (with the same id), so that the programme's "approved" and controlling's
    /// "committed" are the same sum.
    public static func commitments(agreements: [GrantAgreement], applications: [FundingApplication]) -> [GrantAgreement] {
        let agreed = Set(agreements.compactMap(\.applicationID))
        let pending = applications.filter { $0.state.commitsMoney && !agreed.contains($0.id) }.compactMap { a -> GrantAgreement? in
            guard let granted = a.granted, let start = Day(year: a.year, month: 1, day: 1), let end = Day(year: a.year, month: 12, day: 31) else { return nil }
            return GrantAgreement(id: a.id, reference: a.title, programmeID: a.programmeID, applicationID: a.id, organisationID: a.organisationID,
                                  serviceIDs: a.serviceIDs, start: start, end: end, amounts: [a.year: granted])
        }
        return agreements + pending
    }

    /// Whether an agreement's money counts as preventive: the application's flag where it came from one, else
    /// whether one of its services is preventive.
    public static func isPreventive(_ agreement: GrantAgreement, applications: [UUID: FundingApplication], servicePreventive: (UUID) -> Bool) -> Bool {
        if let id = agreement.applicationID, let application = applications[id] { return application.preventive }
        return agreement.serviceIDs.contains(where: servicePreventive)
    }

    /// Approved applications and agreements' amounts of a year, by programme: planned = budget, committed = agreed
    /// amounts, paid = paid drawdowns, proven = actual costs of accepted proofs up to the agreed amount.
    public static func figures(programme: FundingProgramme, year: Int, agreements: [GrantAgreement], drawdowns: [Drawdown], proofs: [ProofOfUse]) -> ControllingFigures {
        let own = agreements.filter { $0.programmeID == programme.id }
        let ids = Set(own.map(\.id))
        let committed = own.sum { $0.amounts[year] ?? .zero }
        let paid = drawdowns.filter { ids.contains($0.agreementID) && $0.year == year && $0.state == .paid }.sum(\.amount)
        let proven = proofs.filter { ids.contains($0.agreementID) && $0.year == year && $0.financeVerdict == .accepted }.sum { proof in
            let agreement = own.first { $0.id == proof.agreementID }!
            return Repayment.entitlement(agreed: agreement.amounts[year] ?? .zero, financing: agreement.financing, sharePercent: agreement.sharePercent,
                                         actualCosts: proof.actualCosts, ownFunds: proof.ownFunds, otherFunding: proof.otherFunding)
        }
        return ControllingFigures(planned: programme.budget(year: year), committed: committed, paid: paid, proven: proven)
    }

    /// Spreads each agreement's amount for the year over municipalities by the shares of its services' areas
    /// (`shares[serviceID][unitKey]`, adding up to 1 per service; an agreement's amount is split evenly over its services),
    /// in exact cents with the largest-remainder rule.
    /// `only`: count just the parts of the services it accepts (an agreement for services of two categories adds to
    /// each category only what goes to that category's services).
    public static func byUnit(agreements: [GrantAgreement], year: Int, shares: [UUID: [String: Double]], only: (UUID) -> Bool = { _ in true }) -> [String: Money] {
        var result: [String: Money] = [:]
        for agreement in agreements {
            guard let amount = agreement.amounts[year], !agreement.serviceIDs.isEmpty else { continue }
            let perService = amount.split(weights: agreement.serviceIDs.map { _ in 1 })
            for (service, part) in zip(agreement.serviceIDs, perService) where only(service) {
                guard let units = shares[service], !units.isEmpty else { continue }
                let keys = units.keys.sorted()
                let pieces = part.split(fractions: keys.map { units[$0] ?? 0 })
                for (key, piece) in zip(keys, pieces) { result[key, default: .zero] += piece }
            }
        }
        return result
    }

    /// A service's share of each unit of its area: the shares set in the service, else the population shares (as
    /// the coverage analysis splits capacity); units without population are left out.
    public static func areaShares(_ service: Service, population: [String: Double]) -> [String: Double] {
        let area = service.serviceArea.filter { population[$0] != nil }.sorted()
        let set = service.areaShares.flatMap { $0.isEmpty ? nil : $0 }
        let weights = area.map { unit in set.map { $0[unit] ?? 0 } ?? population[unit]! }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(area, weights.map { $0 / sum }))
    }

    /// Euros per inhabitant, in cents, rounded half up.
    public static func perInhabitant(_ amount: Money, population: Int) -> Money? {
        guard population > 0 else { return nil }
        return Money(cents: (amount.cents * 2 + population) / (2 * population))
    }
}
