import Foundation

/// What a person does in sopla. Users hold one or more roles; a person who is not logged in holds none.
public enum Role: String, CaseIterable, Sendable, Codable, Hashable {
    case provider
    case bodyMember = "body-member"
    case planner
    case reviewer
    case administrator
}

/// A right given to one user beyond their roles.
public enum Grant: String, CaseIterable, Sendable, Codable, Hashable {
    /// See figures before disclosure control (small counts).
    case unsuppressedFigures = "unsuppressed-figures"
}

/// What a machine client's API token may do.
public enum TokenScope: String, CaseIterable, Sendable, Codable {
    case read
    case readWrite = "read-write"
}

/// How the acting person reached sopla: a browser session or an API token.
public enum Access: Sendable, Equatable {
    case anonymous
    case session
    case token(TokenScope)
}

/// Who is acting, with everything the policy needs to decide.
public struct Principal: Sendable, Equatable {
    public var userID: UUID?
    public var roles: Set<Role>
    public var organisations: Set<UUID>
    /// Bodies (Gremien) the user is a member of.
    public var bodies: Set<UUID>
    /// Organisations the user declared a conflict of interest with.
    public var conflicts: Set<UUID>
    public var grants: Set<Grant>
    public var access: Access

    public init(userID: UUID?, roles: Set<Role> = [], organisations: Set<UUID> = [], bodies: Set<UUID> = [],
                conflicts: Set<UUID> = [], grants: Set<Grant> = [], access: Access = .session) {
        self.userID = userID
        self.roles = roles
        self.organisations = organisations
        self.bodies = bodies
        self.conflicts = conflicts
        self.grants = grants
        self.access = userID == nil ? .anonymous : access
    }

    public static let anonymous = Principal(userID: nil)

    public var isAuthenticated: Bool { userID != nil }
}

/// The object an action is about, where the policy depends on it.
public enum Scope: Sendable, Equatable {
    case none
    case organisation(UUID)
    case body(UUID)
}

/// Everything a route can do, named by what it means to the county rather than by URL.
public enum Action: String, CaseIterable, Sendable, Codable {
    case readPublic = "read-public"
    case signIn = "sign-in"
    case useAccessLink = "use-access-link"
    case viewOwnAccount = "view-own-account"
    case changeOwnAccount = "change-own-account"
    case createOrganisation = "create-organisation"
    case editOrganisation = "edit-organisation"
    case deactivateOrganisation = "deactivate-organisation"
    case viewOrganisationHistory = "view-organisation-history"
    case manageSpatialUnits = "manage-spatial-units"
    case readBodyInternal = "read-body-internal"
    case submitStatement = "submit-statement"
    case viewUnsuppressedFigures = "view-unsuppressed-figures"
    case reviewApplication = "review-application"
    case manageUsers = "manage-users"
    case viewAuditLog = "view-audit-log"
    case managePersonalData = "manage-personal-data"
    case viewPolicy = "view-policy"
    case manageIndicators = "manage-indicators"
    case importData = "import-data"
    case manageServices = "manage-services"
    case proposeServiceChange = "propose-service-change"
    /// Answer the planners' rejection of one's organisation's proposal: only its own people, never on its behalf.
    case answerServiceDecision = "answer-service-decision"
    case manageParticipation = "manage-participation"
    /// Read and answer a consultation an organisation is invited to, on the organisation's behalf.
    case submitOrganisationStatement = "submit-organisation-statement"
    /// Programmes, decisions, agreements, payments, proofs of use, quality dialogues and controlling.
    case manageFunding = "manage-funding"
    /// Apply for funding, request drawdowns and submit proofs of use for one's organisation.
    case applyForFunding = "apply-for-funding"
    /// See the applications one is assigned to review.
    case seeReviewAssignments = "see-review-assignments"
    /// Build, preview and publish social reports.
    case manageReports = "manage-reports"
}

/// When a role may do an action.
public enum Permission: Sendable, Equatable {
    case always
    /// Only for objects of an organisation the user belongs to.
    case ownOrganisation
    /// Only for bodies the user is a member of.
    case memberOfBody
    /// Only for organisations the user has not declared a conflict of interest with.
    case withoutConflict
    /// Only if the user holds the grant.
    case whenGranted(Grant)
}

/// One row of the policy table.
public struct PolicyRule: Sendable {
    public let action: Action
    /// Anyone, logged in or not.
    public let everyone: Bool
    /// Anyone logged in, whatever their roles.
    public let anyUser: Bool
    public let roles: [Role: Permission]
    /// Whether the action changes data (refused to read-only API tokens).
    public let changesData: Bool

    init(_ action: Action, everyone: Bool = false, anyUser: Bool = false, roles: [Role: Permission] = [:], changesData: Bool) {
        self.action = action
        self.everyone = everyone
        self.anyUser = anyUser
        self.roles = roles
        self.changesData = changesData
    }
}

/// The outcome of asking the policy.
public enum Decision: Sendable, Equatable {
    case allow
    /// Not logged in, and the action needs a login.
    case denyUnauthenticated
    /// Logged in, but not allowed.
    case denyForbidden

    public var isAllowed: Bool { self == .allow }
}

/// The one place that says who may do what. Every route declares an action; middleware asks here.
public enum Policy {
    public static let rules: [PolicyRule] = [
        PolicyRule(.readPublic, everyone: true, changesData: false),
        PolicyRule(.signIn, everyone: true, changesData: true),
        PolicyRule(.useAccessLink, everyone: true, changesData: true),
        PolicyRule(.viewOwnAccount, anyUser: true, changesData: false),
        PolicyRule(.changeOwnAccount, anyUser: true, changesData: true),
        PolicyRule(.createOrganisation, roles: [.planner: .always, .administrator: .always], changesData: true),
        PolicyRule(.editOrganisation, roles: [.planner: .always, .administrator: .always, .provider: .ownOrganisation], changesData: true),
        PolicyRule(.deactivateOrganisation, roles: [.planner: .always, .administrator: .always], changesData: true),
        PolicyRule(.viewOrganisationHistory, roles: [.planner: .always, .administrator: .always, .provider: .ownOrganisation], changesData: false),
        PolicyRule(.manageSpatialUnits, roles: [.planner: .always], changesData: true),
        // A seat in a body counts whatever else someone does: a provider's representative in a working group reads it too.
        PolicyRule(.readBodyInternal, roles: [.planner: .always, .bodyMember: .memberOfBody, .provider: .memberOfBody, .reviewer: .memberOfBody], changesData: false),
        PolicyRule(.submitStatement, roles: [.planner: .always, .bodyMember: .memberOfBody, .provider: .memberOfBody, .reviewer: .memberOfBody], changesData: true),
        PolicyRule(.viewUnsuppressedFigures, roles: [.planner: .always, .bodyMember: .whenGranted(.unsuppressedFigures)], changesData: false),
        PolicyRule(.reviewApplication, roles: [.reviewer: .withoutConflict], changesData: true),
        PolicyRule(.manageUsers, roles: [.administrator: .always], changesData: true),
        PolicyRule(.viewAuditLog, roles: [.administrator: .always], changesData: false),
        PolicyRule(.managePersonalData, roles: [.administrator: .always], changesData: true),
        PolicyRule(.viewPolicy, roles: [.planner: .always, .administrator: .always], changesData: false),
        PolicyRule(.manageIndicators, roles: [.planner: .always], changesData: true),
        PolicyRule(.importData, roles: [.planner: .always], changesData: true),
        PolicyRule(.manageServices, roles: [.planner: .always], changesData: true),
        PolicyRule(.proposeServiceChange, roles: [.planner: .always, .provider: .ownOrganisation], changesData: true),
        PolicyRule(.answerServiceDecision, roles: [.provider: .ownOrganisation], changesData: true),
        PolicyRule(.manageParticipation, roles: [.planner: .always], changesData: true),
        PolicyRule(.manageFunding, roles: [.planner: .always], changesData: true),
        PolicyRule(.applyForFunding, roles: [.planner: .always, .provider: .ownOrganisation], changesData: true),
        PolicyRule(.seeReviewAssignments, roles: [.reviewer: .always], changesData: false),
        PolicyRule(.manageReports, roles: [.planner: .always], changesData: true),
        PolicyRule(.submitOrganisationStatement, roles: [.planner: .always, .provider: .ownOrganisation, .bodyMember: .ownOrganisation], changesData: true),
    ]

    private static let byAction: [Action: PolicyRule] = Dictionary(uniqueKeysWithValues: rules.map { ($0.action, $0) })

    public static func rule(for action: Action) -> PolicyRule {
        guard let rule = byAction[action] else { preconditionFailure("no policy rule for \(action)") }
        return rule
    }

    public static func decide(_ principal: Principal, _ action: Action, scope: Scope = .none) -> Decision {
        let rule = rule(for: action)
        if rule.everyone { return .allow }
        guard principal.isAuthenticated else { return .denyUnauthenticated }
        if rule.changesData, principal.access == .token(.read) { return .denyForbidden }
        if rule.anyUser { return .allow }
        for role in principal.roles {
            guard let permission = rule.roles[role] else { continue }
            if holds(permission, principal: principal, scope: scope) { return .allow }
        }
        return .denyForbidden
    }

    static func holds(_ permission: Permission, principal: Principal, scope: Scope) -> Bool {
        switch (permission, scope) {
        case (.always, _):
            return true
        case (.ownOrganisation, .organisation(let id)):
            return principal.organisations.contains(id)
        case (.memberOfBody, .body(let id)):
            return principal.bodies.contains(id)
        case (.withoutConflict, .organisation(let id)):
            return !principal.conflicts.contains(id)
        case (.whenGranted(let grant), _):
            return principal.grants.contains(grant)
        default:
            return false
        }
    }
}
