import Foundation

/// Where an application stands. Decided, rejected and withdrawn applications are final.
public enum ApplicationState: String, Hashable, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case formalCheck = "formal-check"
    case review
    case recommended
    case notRecommended = "not-recommended"
    case approved
    case partlyApproved = "partly-approved"
    case rejected
    case withdrawn

    public var isFinal: Bool { [.approved, .partlyApproved, .rejected, .withdrawn].contains(self) }
    /// Approved in full or in part: the money is committed.
    public var commitsMoney: Bool { self == .approved || self == .partlyApproved }
}

/// What someone does to an application.
public enum ApplicationEvent: Hashable, Sendable, Codable {
    case submit
    case startFormalCheck
    /// The checklist is complete: on to review.
    case passFormalCheck
    /// Back to the provider as a draft, with what to change.
    case requestChanges
    case recommend
    case notRecommend
    case approve
    case approvePartly
    case reject
    case withdraw

    public var name: String {
        switch self {
        case .submit: return "submit"
        case .startFormalCheck: return "start-formal-check"
        case .passFormalCheck: return "pass-formal-check"
        case .requestChanges: return "request-changes"
        case .recommend: return "recommend"
        case .notRecommend: return "not-recommend"
        case .approve: return "approve"
        case .approvePartly: return "approve-partly"
        case .reject: return "reject"
        case .withdraw: return "withdraw"
        }
    }

    public static let all: [ApplicationEvent] = [.submit, .startFormalCheck, .passFormalCheck, .requestChanges, .recommend, .notRecommend, .approve,
                                                 .approvePartly, .reject, .withdraw]

    public init?(name: String) {
        guard let event = Self.all.first(where: { $0.name == name }) else { return nil }
        self = event
    }

    /// Whether the provider (applicant) does this; everything else is the county's.
    public var isApplicants: Bool { self == .submit || self == .withdraw }
}

/// The application state machine: draft → submitted → formal check → review → recommended / not recommended →
/// approved, partly approved or rejected; change requests send it back to draft; withdrawing is possible until decided.
public enum ApplicationWorkflow {
    public static func next(_ state: ApplicationState, on event: ApplicationEvent) -> ApplicationState? {
        switch (state, event) {
        case (.draft, .submit): return .submitted
        case (.submitted, .startFormalCheck): return .formalCheck
        case (.formalCheck, .passFormalCheck): return .review
        case (.submitted, .requestChanges), (.formalCheck, .requestChanges), (.review, .requestChanges): return .draft
        case (.review, .recommend): return .recommended
        case (.review, .notRecommend): return .notRecommended
        case (.recommended, .approve), (.notRecommended, .approve): return .approved
        case (.recommended, .approvePartly), (.notRecommended, .approvePartly): return .partlyApproved
        case (.recommended, .reject), (.notRecommended, .reject): return .rejected
        case (let from, .withdraw) where !from.isFinal: return .withdrawn
        default: return nil
        }
    }

    /// The events allowed in a state, in the order a page offers them.
    public static func events(from state: ApplicationState) -> [ApplicationEvent] {
        ApplicationEvent.all.filter { next(state, on: $0) != nil }
    }
}

/// One recorded transition: who did what, when and why.
public struct ApplicationTransition: Hashable, Sendable, Codable {
    public var from: ApplicationState
    public var to: ApplicationState
    public var event: String
    public var at: Date
    /// The acting login's id (pages show its current name), or a label for steps without one.
    public var by: String
    public var reason: String
    /// Decided although reviews were missing; the reason says why (nil in records from before the rule).
    public var reviewsOverridden: Bool?

    public init(from: ApplicationState, to: ApplicationState, event: String, at: Date, by: String, reason: String, reviewsOverridden: Bool? = nil) {
        self.reviewsOverridden = reviewsOverridden
        self.from = from
        self.to = to
        self.event = event
        self.at = at
        self.by = by
        self.reason = reason
    }
}

/// A line of the cost plan or of other funding.
public struct CostLine: Hashable, Sendable, Codable {
    public var name: String
    public var amount: Money

    public init(name: String, amount: Money) {
        self.name = name
        self.amount = amount
    }
}

/// The cost plan (Kosten- und Finanzierungsplan): costs must equal own funds + other funding + the amount requested.
public struct CostPlan: Hashable, Sendable, Codable {
    public var costs: [CostLine]
    public var ownFunds: Money
    public var otherFunding: [CostLine]

    public init(costs: [CostLine], ownFunds: Money, otherFunding: [CostLine] = []) {
        self.costs = costs
        self.ownFunds = ownFunds
        self.otherFunding = otherFunding
    }

    public var totalCosts: Money { costs.sum(\.amount) }
    public var totalOtherFunding: Money { otherFunding.sum(\.amount) }

    /// The amount that balances the plan: costs − own funds − other funding.
    public var shortfall: Money { totalCosts - ownFunds - totalOtherFunding }

    /// Problems with the plan for a requested amount: no cost lines, unnamed or negative lines, and a plan that does not balance
    /// (the message names the difference).
    public func problems(requested: Money) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if costs.isEmpty { issues.append(ValidationIssue("costs", .required)) }
        for line in costs + otherFunding {
            if line.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("costs", .required)) }
            if line.amount.isNegative { issues.append(ValidationIssue("costs", .negativeAmount(item: line.name, amount: line.amount))) }
        }
        if ownFunds.isNegative { issues.append(ValidationIssue("ownFunds", .unknownValue(ownFunds.plain))) }
        if requested.cents <= 0 { issues.append(ValidationIssue("requested", .required)) }
        if issues.isEmpty, shortfall != requested {
            issues.append(ValidationIssue("costPlan", .unbalanced(difference: requested - shortfall)))
        }
        return issues
    }
}

/// The applicant's answer to one checklist item: a text, or an attached document.
public struct ChecklistAnswer: Hashable, Sendable, Codable {
    public var itemID: UUID
    public var text: String?
    public var attachmentID: UUID?

    public init(itemID: UUID, text: String? = nil, attachmentID: UUID? = nil) {
        self.itemID = itemID
        self.text = text
        self.attachmentID = attachmentID
    }

    public var isGiven: Bool { !(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || attachmentID != nil }
}

/// A reviewer assigned to an application for one kind of review.
public struct ReviewerAssignment: Hashable, Sendable, Codable {
    public var userID: UUID
    public var kind: ReviewKind

    public init(userID: UUID, kind: ReviewKind) {
        self.userID = userID
        self.kind = kind
    }
}

/// A reviewer's declaration that they are linked to an organisation (board, staff, family): they never see or score its applications.
public struct ConflictDeclaration: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var reviewerID: UUID
    public var organisationID: UUID
    public var note: String
    public var declaredAt: Date

    public init(id: UUID, reviewerID: UUID, organisationID: UUID, note: String, declaredAt: Date) {
        self.id = id
        self.reviewerID = reviewerID
        self.organisationID = organisationID
        self.note = note
        self.declaredAt = declaredAt
    }
}

/// An application of a provider for its organisation in one programme and year.
public struct FundingApplication: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var programmeID: UUID
    public var organisationID: UUID
    public var serviceIDs: [UUID]
    public var title: String
    public var year: Int
    public var budgetLineID: UUID
    public var requested: Money
    public var costPlan: CostPlan
    public var answers: [ChecklistAnswer]
    /// Whether the services are preventive (they have priority where the programme says so).
    public var preventive: Bool
    public var state: ApplicationState
    public var history: [ApplicationTransition]
    /// The change requested when the county sent it back.
    public var changeRequest: String?
    /// Set when approved: the full request or, partly approved, less.
    public var granted: Money?
    /// The resolution of the deciding body (S5) or nil for an administrative decision.
    public var resolutionID: UUID?
    public var submittedAt: Date?
    /// Reviewers the county assigned, each for content or finance.
    public var reviewers: [ReviewerAssignment]

    public init(id: UUID, programmeID: UUID, organisationID: UUID, serviceIDs: [UUID] = [], title: String, year: Int, budgetLineID: UUID, requested: Money,
                costPlan: CostPlan, answers: [ChecklistAnswer] = [], preventive: Bool = false, state: ApplicationState = .draft, history: [ApplicationTransition] = [],
                changeRequest: String? = nil, granted: Money? = nil, resolutionID: UUID? = nil, submittedAt: Date? = nil, reviewers: [ReviewerAssignment] = []) {
        self.reviewers = reviewers
        self.id = id
        self.programmeID = programmeID
        self.organisationID = organisationID
        self.serviceIDs = serviceIDs
        self.title = title
        self.year = year
        self.budgetLineID = budgetLineID
        self.requested = requested
        self.costPlan = costPlan
        self.answers = answers
        self.preventive = preventive
        self.state = state
        self.history = history
        self.changeRequest = changeRequest
        self.granted = granted
        self.resolutionID = resolutionID
        self.submittedAt = submittedAt
    }

    /// Required checklist items without an answer.
    public func missingItems(of programme: FundingProgramme) -> [ChecklistItem] {
        let given = Set(answers.filter(\.isGiven).map(\.itemID))
        return programme.checklist.filter { $0.required && !given.contains($0.id) }
    }

    /// Checks the content a provider enters: title, a budget line of the programme in the application's year, and the cost plan.
    public func validated(programme: FundingProgramme) throws(ValidationFailure) -> FundingApplication {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.title = title.trimmingCharacters(in: .whitespaces)
        if copy.title.isEmpty { issues.append(ValidationIssue("title", .required)) }
        FieldCheck.length(copy.title, field: "title", max: 300, into: &issues)
        if !programme.budgetLines.contains(where: { $0.id == budgetLineID && $0.year == year }) { issues.append(ValidationIssue("budgetLine", .unknownReference)) }
        issues += costPlan.problems(requested: requested)
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }

    /// Why an event cannot happen now.
    public enum TransitionProblem: Error, Equatable, Sendable {
        /// Not allowed from this state.
        case notAllowed(from: ApplicationState, event: String)
        /// The call is not open on the day of submission.
        case callClosed
        /// Required checklist items are missing.
        case checklistIncomplete([String])
        /// A change request or rejection needs a reason.
        case reasonRequired
        /// A partial approval needs an amount above zero and below the request.
        case partialAmount
        /// Recommending or approving before the reviews are in: `missing` reviews (assigned and not given, or no
        /// content review at all where the programme scores criteria). A recorded override with a reason decides anyway.
        case reviewsMissing(Int)
    }

    /// How many reviews a recommendation or approval still waits for: every assigned reviewer's, and one content
    /// review at least where the programme scores award criteria.
    public func missingReviews(_ reviews: [ApplicationReview], programme: FundingProgramme) -> Int {
        let given = Set(reviews.map(\.reviewerID))
        var missing = Set(reviewers.map(\.userID)).subtracting(given).count
        if !programme.criteria.isEmpty, !reviews.contains(where: { $0.kind == .content }), !reviewers.contains(where: { $0.kind == .content && !given.contains($0.userID) }) {
            missing += 1
        }
        return missing
    }

    /// Applies an event: checks the state machine and what the step needs, records who did it and why.
    /// Recommending and approving wait for the reviews (`reviews` given so far) unless `overrideReviews` is set with a reason.
    public func applying(_ event: ApplicationEvent, programme: FundingProgramme, reason: String = "", amount: Money? = nil, reviews: [ApplicationReview] = [],
                         overrideReviews: Bool = false, by: String, at: Date) -> Result<FundingApplication, TransitionProblem> {
        guard let next = ApplicationWorkflow.next(state, on: event) else { return .failure(.notAllowed(from: state, event: event.name)) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var copy = self
        var overridden: Bool?
        if [.recommend, .approve, .approvePartly].contains(event) {
            let missing = missingReviews(reviews, programme: programme)
            if missing > 0 {
                guard overrideReviews else { return .failure(.reviewsMissing(missing)) }
                if reason.isEmpty { return .failure(.reasonRequired) }
                overridden = true
            }
        }
        switch event {
        case .submit:
            if !programme.isOpen(on: Day(at)) { return .failure(.callClosed) }
            let missing = missingItems(of: programme)
            if !missing.isEmpty { return .failure(.checklistIncomplete(missing.map(\.text))) }
            copy.submittedAt = at
            copy.changeRequest = nil
        case .passFormalCheck:
            let missing = missingItems(of: programme)
            if !missing.isEmpty { return .failure(.checklistIncomplete(missing.map(\.text))) }
        case .requestChanges:
            if reason.isEmpty { return .failure(.reasonRequired) }
            copy.changeRequest = reason
        case .reject, .notRecommend:
            if reason.isEmpty { return .failure(.reasonRequired) }
        case .approve:
            copy.granted = requested
        case .approvePartly:
            guard let amount, amount.cents > 0, amount < requested else { return .failure(.partialAmount) }
            if reason.isEmpty { return .failure(.reasonRequired) }
            copy.granted = amount
        default:
            break
        }
        copy.state = next
        copy.history.append(ApplicationTransition(from: state, to: next, event: event.name, at: at, by: by, reason: reason, reviewsOverridden: overridden))
        return .success(copy)
    }
}

/// A document attached to an application for one checklist item (the bytes are kept by the store).
public struct FundingAttachment: Hashable, Sendable, Identifiable {
    public let id: UUID
    public let applicationID: UUID
    public let itemID: UUID
    public let fileName: String
    public let mediaType: String
    public let size: Int
    public let sha256: String
    public let createdAt: Date
    public let createdBy: String

    public init(id: UUID, applicationID: UUID, itemID: UUID, fileName: String, mediaType: String, size: Int, sha256: String, createdAt: Date, createdBy: String) {
        self.id = id
        self.applicationID = applicationID
        self.itemID = itemID
        self.fileName = fileName
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
