import Foundation

/// Where a programme's money comes from.
public enum FundingSource: String, Hashable, Sendable, Codable, CaseIterable {
    case county
    /// The Land's funds for communalised social aid (Hessen, since 2005), planned by the county.
    case landCommunalised = "land-communalised"
    case other
}

/// The money a programme may commit in one year, for all of it or for one service category.
public struct BudgetLine: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var year: Int
    public var name: String
    public var categoryID: String?
    public var amount: Money

    public init(id: UUID, year: Int, name: String, categoryID: String? = nil, amount: Money) {
        self.id = id
        self.year = year
        self.name = name
        self.categoryID = categoryID
        self.amount = amount
    }
}

/// One weighted award criterion (Vergabekriterium) scored on 0 … `scaleMax`.
public struct AwardCriterion: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var explanation: String
    /// Per cent of the total score; the criteria of a programme add up to 100.
    public var weight: Int
    public var scaleMax: Int

    public init(id: UUID, name: String, explanation: String = "", weight: Int, scaleMax: Int) {
        self.id = id
        self.name = name
        self.explanation = explanation
        self.weight = weight
        self.scaleMax = scaleMax
    }
}

/// One entry of the application checklist: a document to attach or a question to answer.
public struct ChecklistItem: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case document
        case question
    }

    public var id: UUID
    public var text: String
    public var kind: Kind
    public var required: Bool

    public init(id: UUID, text: String, kind: Kind, required: Bool) {
        self.id = id
        self.text = text
        self.kind = kind
        self.required = required
    }
}

/// A funding programme: its guideline, criteria, checklist, call period and budget.
public struct FundingProgramme: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var legalBasis: String
    public var source: FundingSource
    /// The guideline (S5 paper) and the version the criteria and checklist belong to.
    public var guidelinePaperID: UUID?
    public var guidelineVersion: Int?
    public var criteria: [AwardCriterion]
    public var checklist: [ChecklistItem]
    public var budgetLines: [BudgetLine]
    public var callOpens: Day
    public var callCloses: Day
    public var eligibleCategories: Set<String>
    /// Preventive services are ranked first among equal scores.
    public var preventivePriority: Bool

    public init(id: UUID, name: String, legalBasis: String, source: FundingSource, guidelinePaperID: UUID? = nil, guidelineVersion: Int? = nil,
                criteria: [AwardCriterion], checklist: [ChecklistItem], budgetLines: [BudgetLine], callOpens: Day, callCloses: Day,
                eligibleCategories: Set<String> = [], preventivePriority: Bool = false) {
        self.id = id
        self.name = name
        self.legalBasis = legalBasis
        self.source = source
        self.guidelinePaperID = guidelinePaperID
        self.guidelineVersion = guidelineVersion
        self.criteria = criteria
        self.checklist = checklist
        self.budgetLines = budgetLines
        self.callOpens = callOpens
        self.callCloses = callCloses
        self.eligibleCategories = eligibleCategories
        self.preventivePriority = preventivePriority
    }

    public func isOpen(on day: Day) -> Bool { callOpens <= day && day <= callCloses }

    public func budget(year: Int) -> Money { budgetLines.filter { $0.year == year }.sum(\.amount) }

    /// Checks names, the call period, weights (adding up to 100), scales and budget lines (not negative, one name per year).
    public func validated() throws(ValidationFailure) -> FundingProgramme {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.name = name.trimmingCharacters(in: .whitespaces)
        if copy.name.isEmpty { issues.append(ValidationIssue("name", .required)) }
        FieldCheck.length(copy.name, field: "name", max: 200, into: &issues)
        if callCloses < callOpens { issues.append(ValidationIssue("callCloses", .endBeforeStart)) }
        if criteria.isEmpty { issues.append(ValidationIssue("criteria", .required)) }
        for criterion in criteria {
            if criterion.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("criteria", .required)) }
            if criterion.weight <= 0 || criterion.weight > 100 { issues.append(ValidationIssue("criteria", .criterionWeight(name: criterion.name, weight: criterion.weight))) }
            if !(1...100).contains(criterion.scaleMax) { issues.append(ValidationIssue("criteria", .criterionScale(name: criterion.name, max: criterion.scaleMax))) }
        }
        // Each weight is clamped first, so a wild one is reported and cannot overflow the sum.
        let total = criteria.reduce(0) { $0 + min(max($1.weight, -1000), 1000) }
        if !criteria.isEmpty, total != 100 { issues.append(ValidationIssue("criteria", .weightsNotHundred(total: total))) }
        if Set(criteria.map(\.name)).count != criteria.count { issues.append(ValidationIssue("criteria", .duplicate)) }
        for item in checklist where item.text.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("checklist", .required)) }
        for line in budgetLines {
            if line.amount.isNegative { issues.append(ValidationIssue("budgetLines", .negativeAmount(item: line.name, amount: line.amount))) }
            if line.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("budgetLines", .required)) }
        }
        if Set(budgetLines.map { "\($0.year)|\($0.name)" }).count != budgetLines.count { issues.append(ValidationIssue("budgetLines", .duplicate)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }
}
