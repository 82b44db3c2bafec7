import Foundation

/// A browser session; the cookie holds a random token whose hash is stored.
public struct SessionInfo: Sendable, Equatable {
    public let id: UUID
    public let userID: UUID
    /// The token forms of this session must send back (synchroniser token against CSRF).
    public let csrfToken: String
    public let createdAt: Date
    public let lastSeenAt: Date

    public init(id: UUID, userID: UUID, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.id = id
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }

    public var expiresAt: Date { AccessLifetimes.sessionExpiry(createdAt: createdAt, lastSeenAt: lastSeenAt) }

    public func isValid(at now: Date) -> Bool { now < expiresAt }
}

/// A token for machine clients. Only its hash and first characters are stored; the token is shown once.
public struct APIToken: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let userID: UUID
    public let name: String
    public let scope: TokenScope
    /// The first characters, so a person can tell tokens apart.
    public let prefix: String
    public let createdAt: Date
    public let lastUsedAt: Date?
    public let revokedAt: Date?

    public init(id: UUID, userID: UUID, name: String, scope: TokenScope, prefix: String, createdAt: Date, lastUsedAt: Date?, revokedAt: Date?) {
        self.id = id
        self.userID = userID
        self.name = name
        self.scope = scope
        self.prefix = prefix
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    public var isActive: Bool { revokedAt == nil }
}

/// A one-time link to set a password (invitation) or to reset it.
public struct AccessLink: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let userID: UUID
    public let purpose: AccessLinkPurpose
    public let expiresAt: Date
    public let usedAt: Date?

    public init(id: UUID, userID: UUID, purpose: AccessLinkPurpose, expiresAt: Date, usedAt: Date?) {
        self.id = id
        self.userID = userID
        self.purpose = purpose
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }

    public enum State: Sendable, Equatable { case usable, used, expired }

    public func state(at now: Date) -> State {
        if usedAt != nil { return .used }
        return now < expiresAt ? .usable : .expired
    }
}

/// Everything sopla holds about one person, for a data subject access request (DSGVO Art. 15).
public struct PersonalDataExport: Sendable, Codable, Equatable {
    public struct Account: Sendable, Codable, Equatable {
        public let id: String
        public let email: String
        public let displayName: String
        public let roles: [String]
        public let grants: [String]
        public let active: Bool
        public let createdAt: Date
        public let lastLoginAt: Date?
    }

    public struct OrganisationRef: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
    }

    public struct Token: Sendable, Codable, Equatable {
        public let name: String
        public let scope: String
        public let createdAt: Date
        public let lastUsedAt: Date?
        public let revokedAt: Date?
    }

    public struct Event: Sendable, Codable, Equatable {
        public let at: Date
        public let action: String
        public let entityType: String
        public let entityLabel: String
        public let changes: [FieldChange]
    }

    public let exportedAt: Date
    public let account: Account
    public let organisations: [OrganisationRef]
    public let apiTokens: [Token]
    public let activeSessions: Int
    /// What the person did, and what was done to their account, as the audit log records it.
    public let auditEntries: [Event]

    public init(exportedAt: Date, user: UserAccount, organisations: [Organisation], apiTokens: [APIToken], activeSessions: Int, auditEntries: [AuditEntry]) {
        self.exportedAt = exportedAt
        account = Account(id: user.id.uuidString, email: user.email, displayName: user.displayName,
                          roles: user.roles.map(\.rawValue).sorted(), grants: user.grants.map(\.rawValue).sorted(),
                          active: user.active, createdAt: user.createdAt, lastLoginAt: user.lastLoginAt)
        self.organisations = organisations.filter { user.organisationIDs.contains($0.id) }
            .map { OrganisationRef(id: $0.id.uuidString, name: $0.name) }.sorted { $0.name < $1.name }
        self.apiTokens = apiTokens.map { Token(name: $0.name, scope: $0.scope.rawValue, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt) }
        self.activeSessions = activeSessions
        // What the person did to other records is listed without those records' contents: an export
        // must not disclose other people's data (DSGVO Art. 15(4)).
        let own = user.id.uuidString
        self.auditEntries = auditEntries.map { entry in
            let aboutThem = entry.entityID == own
            return Event(at: entry.at, action: entry.action.rawValue, entityType: entry.entityType,
                         entityLabel: aboutThem ? entry.entityLabel : "", changes: aboutThem ? entry.changes : [])
        }
    }
}
