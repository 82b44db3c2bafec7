import Foundation

public enum ReviewKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Scores the award criteria.
    case content
    /// Checks the cost plan and proposes the amount.
    case financial
}

/// A reviewer's score on one criterion with the reason for it.
public struct CriterionScore: Hashable, Sendable, Codable {
    public var criterionID: UUID
    public var value: Int
    public var justification: String

    public init(criterionID: UUID, value: Int, justification: String) {
        self.criterionID = criterionID
        self.value = value
        self.justification = justification
    }
}

/// One review of an application by an assigned reviewer: a content review scores every criterion; a financial
/// review judges the cost plan and may propose a lower amount.
public struct ApplicationReview: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var applicationID: UUID
    /// The reviewer's login; pages show its current name, so an erased person leaves no name behind.
    public var reviewerID: UUID
    public var kind: ReviewKind
    public var scores: [CriterionScore]
    /// Financial review: the amount the reviewer finds justified (nil: as requested).
    public var proposedAmount: Money?
    public var note: String
    public var submittedAt: Date

    public init(id: UUID, applicationID: UUID, reviewerID: UUID, kind: ReviewKind, scores: [CriterionScore] = [],
                proposedAmount: Money? = nil, note: String = "", submittedAt: Date) {
        self.id = id
        self.applicationID = applicationID
        self.reviewerID = reviewerID
        self.kind = kind
        self.scores = scores
        self.proposedAmount = proposedAmount
        self.note = note
        self.submittedAt = submittedAt
    }

    /// A content review scores each criterion of the programme once, within its scale, with a justification; a
    /// financial review gives a note and no amount above the request.
    public func validated(programme: FundingProgramme, requested: Money) throws(ValidationFailure) -> ApplicationReview {
        var issues: [ValidationIssue] = []
        switch kind {
        case .content:
            let byID = Dictionary(programme.criteria.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for criterion in programme.criteria where !scores.contains(where: { $0.criterionID == criterion.id }) {
                issues.append(ValidationIssue("score-" + criterion.id.uuidString.lowercased(), .required))
            }
            for score in scores {
                let field = "score-" + score.criterionID.uuidString.lowercased()
                guard let criterion = byID[score.criterionID] else { issues.append(ValidationIssue(field, .unknownReference)); continue }
                if score.value < 0 || score.value > criterion.scaleMax { issues.append(ValidationIssue(field, .outsideScale(value: score.value, max: criterion.scaleMax))) }
                if score.justification.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { issues.append(ValidationIssue("reason-" + score.criterionID.uuidString.lowercased(), .required)) }
            }
            if Set(scores.map(\.criterionID)).count != scores.count { issues.append(ValidationIssue("scores", .duplicate)) }
        case .financial:
            if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { issues.append(ValidationIssue("note", .required)) }
            if let proposedAmount, proposedAmount.isNegative || proposedAmount > requested {
                issues.append(ValidationIssue("proposedAmount", .unknownValue(proposedAmount.plain)))
            }
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return self
    }
}

/// Who may review whom: never an organisation the reviewer belongs to, has declared a conflict with, or one of
/// their parents or children (a reviewer from a welfare association does not judge its member providers).
public enum ConflictOfInterest {
    public static func conflicted(reviewerOrganisations: Set<UUID>, declared: Set<UUID>, applicant: UUID, parentOf: (UUID) -> UUID?) -> Bool {
        let linked = reviewerOrganisations.union(declared)
        // The applicant and everything above it.
        var chain: [UUID] = []
        var next: UUID? = applicant
        var seen: Set<UUID> = []
        while let current = next, seen.insert(current).inserted {
            chain.append(current)
            next = parentOf(current)
        }
        if chain.contains(where: linked.contains) { return true }
        // An organisation of the reviewer that lies below the applicant.
        return linked.contains { organisation in
            var up = parentOf(organisation)
            var visited: Set<UUID> = [organisation]
            while let current = up, visited.insert(current).inserted {
                if current == applicant { return true }
                up = parentOf(current)
            }
            return false
        }
    }
}

/// The weighted score of an application and the ranking of a call with the budget line drawn.
public enum Ranking {
    /// The states whose applications a ranking lists: in review or decided on the merits (not drafts, not withdrawn,
    /// not rejected).
    public static let rankedStates: Set<ApplicationState> = [.review, .recommended, .notRecommended, .approved, .partlyApproved]

    /// An application as a candidate. What it would commit: the granted sum once decided, else the financial
    /// review's proposal, else the amount requested.
    public static func candidate(_ application: FundingApplication, reviews: [ApplicationReview], criteria: [AwardCriterion]) -> Candidate {
        let amount = application.granted ?? reviews.first { $0.kind == .financial }?.proposedAmount ?? application.requested
        return Candidate(applicationID: application.id, title: application.title, score: score(of: reviews, criteria: criteria), amount: amount,
                         preventive: application.preventive, submittedAt: application.submittedAt ?? .distantFuture,
                         notRecommended: application.state == .notRecommended)
    }

    /// Why an application is below the funding line.
    public enum Outside: String, Hashable, Sendable {
        /// It no longer fits in the budget (or one above it did not).
        case overBudget = "over-budget"
        /// No score yet: it cannot be placed before scored ones.
        case unscored
        /// The county did not recommend it: it takes nothing from the budget.
        case notRecommended = "not-recommended"
    }

    /// Σ weightᵢ · (mean scoreᵢ / scaleᵢ) over the criteria, 0 … 100 points; nil until every criterion has a score.
    /// The mean is over the content reviews that scored the criterion.
    public static func score(of reviews: [ApplicationReview], criteria: [AwardCriterion]) -> Double? {
        let content = reviews.filter { $0.kind == .content }
        guard !content.isEmpty else { return nil }
        var total = 0.0
        for criterion in criteria {
            let values = content.compactMap { review in review.scores.first { $0.criterionID == criterion.id }?.value }
            guard !values.isEmpty else { return nil }
            let mean = Double(values.reduce(0, +)) / Double(values.count)
            total += Double(criterion.weight) * mean / Double(criterion.scaleMax)
        }
        return total
    }

    public struct Entry: Hashable, Sendable {
        public let applicationID: UUID
        public let title: String
        public let score: Double?
        /// What would be committed: the financial review's proposal, else the request.
        public let amount: Money
        public let preventive: Bool
        public let cumulative: Money
        /// Why it is below the line; nil above it.
        public let outside: Outside?
        /// Above the line: fits in the budget in ranking order.
        public var fundable: Bool { outside == nil }
    }

    public struct Candidate: Sendable {
        public let applicationID: UUID
        public let title: String
        public let score: Double?
        public let amount: Money
        public let preventive: Bool
        public let submittedAt: Date
        public let notRecommended: Bool

        public init(applicationID: UUID, title: String, score: Double?, amount: Money, preventive: Bool, submittedAt: Date, notRecommended: Bool = false) {
            self.notRecommended = notRecommended
            self.applicationID = applicationID
            self.title = title
            self.score = score
            self.amount = amount
            self.preventive = preventive
            self.submittedAt = submittedAt
        }
    }

    /// Ranks by score (unscored after the scored, the not recommended last); among equal scores preventive services
    /// first where the programme gives them priority, then the earlier submission. The line is drawn at the first
    /// application that no longer fits in the budget or has no score: it and everything below it are not fundable, so
    /// the order of the ranking is kept, and each says why. Not recommended applications take nothing from the budget.
    public static func rank(_ candidates: [Candidate], budget: Money, preventivePriority: Bool) -> [Entry] {
        // Scores are compared to 1/1000 of a point so that equal means computed differently tie.
        func key(_ c: Candidate) -> Int { c.score.map { Plausible.clampedInt($0 * 1000) } ?? Int.min }
        let sorted = candidates.sorted { a, b in
            if a.notRecommended != b.notRecommended { return !a.notRecommended }
            if key(a) != key(b) { return key(a) > key(b) }
            if preventivePriority, a.preventive != b.preventive { return a.preventive }
            if a.submittedAt != b.submittedAt { return a.submittedAt < b.submittedAt }
            return a.title < b.title
        }
        var cumulative = Money.zero
        var line: Outside?
        return sorted.map { c in
            guard !c.notRecommended else {
                return Entry(applicationID: c.applicationID, title: c.title, score: c.score, amount: c.amount, preventive: c.preventive,
                             cumulative: cumulative, outside: .notRecommended)
            }
            cumulative += c.amount
            if line == nil, c.score == nil { line = .unscored } else if line == nil, cumulative > budget { line = .overBudget }
            // Below the line an unscored application says so rather than "over budget".
            let outside = line.map { _ in c.score == nil ? Outside.unscored : .overBudget }
            return Entry(applicationID: c.applicationID, title: c.title, score: c.score, amount: c.amount, preventive: c.preventive,
                         cumulative: cumulative, outside: outside)
        }
    }
}
