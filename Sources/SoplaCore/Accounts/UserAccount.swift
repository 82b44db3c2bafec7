import Foundation

/// A person who can log in. Passwords are never part of this type.
public struct UserAccount: Sendable, Equatable, Identifiable {
    public let id: UUID
    public var email: String
    public var displayName: String
    public var roles: Set<Role>
    public var grants: Set<Grant>
    public var organisationIDs: Set<UUID>
    public var active: Bool
    public var hasPassword: Bool
    public var createdAt: Date
    public var lastLoginAt: Date?
    /// Set when the person was erased (DSGVO Art. 17): personal fields are replaced by a pseudonym.
    public var erasedAt: Date?

    public init(id: UUID, email: String, displayName: String, roles: Set<Role>, grants: Set<Grant> = [], organisationIDs: Set<UUID> = [],
                active: Bool = true, hasPassword: Bool = false, createdAt: Date, lastLoginAt: Date? = nil, erasedAt: Date? = nil) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.roles = roles
        self.grants = grants
        self.organisationIDs = organisationIDs
        self.active = active
        self.hasPassword = hasPassword
        self.createdAt = createdAt
        self.lastLoginAt = lastLoginAt
        self.erasedAt = erasedAt
    }

    /// The name that replaces an erased person's name, stable for the same account and told apart from others by
    /// the end of the id (ids made in one series share their beginning).
    public static func pseudonym(for id: UUID) -> String {
        "Person-" + id.uuidString.replacingOccurrences(of: "-", with: "").suffix(8).lowercased()
    }

    /// The fields the audit log records, as text (never a password or its hash).
    public var auditFields: [String: String] {
        [
            "email": email, "displayName": displayName,
            "roles": roles.map(\.rawValue).sorted().joined(separator: ","),
            "grants": grants.map(\.rawValue).sorted().joined(separator: ","),
            "organisations": organisationIDs.map(\.uuidString).sorted().joined(separator: ","),
            "active": active ? "true" : "false",
        ]
    }

    /// The principal this user acts as in a browser session.
    public func principal(access: Access = .session, bodies: Set<UUID> = [], conflicts: Set<UUID> = []) -> Principal {
        Principal(userID: id, roles: roles, organisations: organisationIDs, bodies: bodies, conflicts: conflicts, grants: grants, access: access)
    }
}

/// A user as entered by an administrator, before it is checked.
public struct UserDraft: Sendable, Equatable {
    public var email: String?
    public var displayName: String?
    public var roles: [String]
    public var grants: [String]
    public var organisationIDs: [String]

    public init(email: String? = nil, displayName: String? = nil, roles: [String] = [], grants: [String] = [], organisationIDs: [String] = []) {
        self.email = email
        self.displayName = displayName
        self.roles = roles
        self.grants = grants
        self.organisationIDs = organisationIDs
    }

    public struct Valid: Sendable, Equatable {
        public let email: String
        public let displayName: String
        public let roles: Set<Role>
        public let grants: Set<Grant>
        public let organisationIDs: Set<UUID>
    }

    /// Checks the draft: e-mail unique without regard to case, roles and grants known, organisations stored.
    public func validated(existingUsers: [UserAccount], organisations: [Organisation], editing: UUID? = nil) throws -> Valid {
        var issues: [ValidationIssue] = []
        let email = FieldCheck.clean(self.email).map(EmailAddress.normalise)
        if let email {
            if !EmailAddress.isValid(email) {
                issues.append(ValidationIssue("email", .invalidEmail))
            } else if existingUsers.contains(where: { $0.id != editing && $0.email == email }) {
                issues.append(ValidationIssue("email", .duplicate))
            }
        } else {
            issues.append(ValidationIssue("email", .required))
        }
        let name = FieldCheck.clean(displayName)
        if name == nil { issues.append(ValidationIssue("displayName", .required)) }
        FieldCheck.length(name, field: "displayName", max: 120, into: &issues)
        var roles: Set<Role> = []
        for raw in self.roles.compactMap(FieldCheck.clean) {
            if let role = Role(rawValue: raw) { roles.insert(role) } else { issues.append(ValidationIssue("roles", .unknownValue(raw))) }
        }
        var grants: Set<Grant> = []
        for raw in self.grants.compactMap(FieldCheck.clean) {
            if let grant = Grant(rawValue: raw) { grants.insert(grant) } else { issues.append(ValidationIssue("grants", .unknownValue(raw))) }
        }
        var organisationIDs: Set<UUID> = []
        let known = Set(organisations.map(\.id))
        for raw in self.organisationIDs.compactMap(FieldCheck.clean) {
            if let id = UUID(uuidString: raw), known.contains(id) { organisationIDs.insert(id) } else {
                issues.append(ValidationIssue("organisations", .unknownReference))
            }
        }
        if roles.contains(.provider), organisationIDs.isEmpty {
            // A provider user without an organisation could edit nothing; say so instead of creating a useless account.
            issues.append(ValidationIssue("organisations", .required))
        }
        guard issues.isEmpty, let email, let name else { throw ValidationFailure(issues) }
        return Valid(email: email, displayName: name, roles: roles, grants: grants, organisationIDs: organisationIDs)
    }
}
