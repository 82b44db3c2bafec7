import Fluent
import Foundation
import SoplaCore

enum OrganisationFields {
    static let schema = "organisations"
    static let name: FieldKey = "name"
    static let shortName: FieldKey = "short_name"
    static let kind: FieldKey = "kind"
    static let parentID: FieldKey = "parent_id"
    static let email: FieldKey = "email"
    static let phone: FieldKey = "phone"
    static let website: FieldKey = "website"
    static let street: FieldKey = "street"
    static let postcode: FieldKey = "postcode"
    static let city: FieldKey = "city"
    static let active: FieldKey = "active"
    static let createdAt: FieldKey = "created_at"
    static let updatedAt: FieldKey = "updated_at"
}

enum UserFields {
    static let schema = "users"
    static let email: FieldKey = "email"
    static let displayName: FieldKey = "display_name"
    static let roles: FieldKey = "roles"
    static let grants: FieldKey = "grants"
    static let active: FieldKey = "active"
    static let passwordHash: FieldKey = "password_hash"
    static let createdAt: FieldKey = "created_at"
    static let lastLoginAt: FieldKey = "last_login_at"
    static let erasedAt: FieldKey = "erased_at"
}

enum UserOrganisationFields {
    static let schema = "user_organisations"
    static let userID: FieldKey = "user_id"
    static let organisationID: FieldKey = "organisation_id"
}

enum SessionFields {
    static let schema = "sessions"
    static let tokenHash: FieldKey = "token_hash"
    static let userID: FieldKey = "user_id"
    static let csrfToken: FieldKey = "csrf_token"
    static let createdAt: FieldKey = "created_at"
    static let lastSeenAt: FieldKey = "last_seen_at"
}

enum AccessLinkFields {
    static let schema = "access_links"
    static let tokenHash: FieldKey = "token_hash"
    static let userID: FieldKey = "user_id"
    static let purpose: FieldKey = "purpose"
    static let expiresAt: FieldKey = "expires_at"
    static let usedAt: FieldKey = "used_at"
}

enum APITokenFields {
    static let schema = "api_tokens"
    static let tokenHash: FieldKey = "token_hash"
    static let userID: FieldKey = "user_id"
    static let name: FieldKey = "name"
    static let scope: FieldKey = "scope"
    static let prefix: FieldKey = "prefix"
    static let createdAt: FieldKey = "created_at"
    static let lastUsedAt: FieldKey = "last_used_at"
    static let revokedAt: FieldKey = "revoked_at"
}

enum LoginThrottleFields {
    static let schema = "login_throttles"
    static let key: FieldKey = "key"
    static let failures: FieldKey = "failures"
    static let lastFailure: FieldKey = "last_failure"
}

enum AuditEntryFields {
    static let schema = "audit_entries"
    static let at: FieldKey = "at"
    static let actorID: FieldKey = "actor_id"
    static let actorLabel: FieldKey = "actor_label"
    static let address: FieldKey = "address"
    static let action: FieldKey = "action"
    static let entityType: FieldKey = "entity_type"
    static let entityID: FieldKey = "entity_id"
    static let entityLabel: FieldKey = "entity_label"
    static let changes: FieldKey = "changes"
}

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = OrganisationFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: OrganisationFields.name) var name: String
    @OptionalField(key: OrganisationFields.shortName) var shortName: String?
    @Field(key: OrganisationFields.kind) var kind: String
    @OptionalField(key: OrganisationFields.parentID) var parentID: UUID?
    @OptionalField(key: OrganisationFields.email) var email: String?
    @OptionalField(key: OrganisationFields.phone) var phone: String?
    @OptionalField(key: OrganisationFields.website) var website: String?
    @OptionalField(key: OrganisationFields.street) var street: String?
    @OptionalField(key: OrganisationFields.postcode) var postcode: String?
    @OptionalField(key: OrganisationFields.city) var city: String?
    @Field(key: OrganisationFields.active) var active: Bool
    @Timestamp(key: OrganisationFields.createdAt, on: .create) var createdAt: Date?
    @Timestamp(key: OrganisationFields.updatedAt, on: .update) var updatedAt: Date?

    init() {}

    init(_ organisation: Organisation) {
        id = organisation.id
        apply(organisation)
    }

    func apply(_ o: Organisation) {
        name = o.name
        shortName = o.shortName
        kind = o.kind.rawValue
        parentID = o.parentID
        email = o.email
        phone = o.phone
        website = o.website
        street = o.street
        postcode = o.postcode
        city = o.city
        active = o.active
    }

    func toDomain() throws -> Organisation {
        Organisation(id: try requireID(), name: name, shortName: shortName, kind: OrganisationKind(rawValue: kind) ?? .other,
                     parentID: parentID, email: email, phone: phone, website: website, street: street, postcode: postcode,
                     city: city, active: active)
    }
}

final class UserModel: Model, @unchecked Sendable {
    static let schema = UserFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: UserFields.email) var email: String
    @Field(key: UserFields.displayName) var displayName: String
    @Field(key: UserFields.roles) var roles: String
    @Field(key: UserFields.grants) var grants: String
    @Field(key: UserFields.active) var active: Bool
    @OptionalField(key: UserFields.passwordHash) var passwordHash: String?
    @Field(key: UserFields.createdAt) var createdAt: Date
    @OptionalField(key: UserFields.lastLoginAt) var lastLoginAt: Date?
    @OptionalField(key: UserFields.erasedAt) var erasedAt: Date?

    init() {}

    func toDomain(organisations: Set<UUID>) throws -> UserAccount {
        UserAccount(id: try requireID(), email: email, displayName: displayName,
                    roles: Set(Self.split(roles).compactMap(Role.init(rawValue:))),
                    grants: Set(Self.split(grants).compactMap(Grant.init(rawValue:))),
                    organisationIDs: organisations, active: active, hasPassword: passwordHash != nil,
                    createdAt: createdAt, lastLoginAt: lastLoginAt, erasedAt: erasedAt)
    }

    static func split(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }

    static func join<T: RawRepresentable>(_ values: Set<T>) -> String where T.RawValue == String {
        values.map(\.rawValue).sorted().joined(separator: ",")
    }
}

final class UserOrganisationModel: Model, @unchecked Sendable {
    static let schema = UserOrganisationFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: UserOrganisationFields.userID) var userID: UUID
    @Field(key: UserOrganisationFields.organisationID) var organisationID: UUID

    init() {}

    init(userID: UUID, organisationID: UUID) {
        self.userID = userID
        self.organisationID = organisationID
    }
}

final class SessionModel: Model, @unchecked Sendable {
    static let schema = SessionFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: SessionFields.tokenHash) var tokenHash: String
    @Field(key: SessionFields.userID) var userID: UUID
    @Field(key: SessionFields.csrfToken) var csrfToken: String
    @Field(key: SessionFields.createdAt) var createdAt: Date
    @Field(key: SessionFields.lastSeenAt) var lastSeenAt: Date

    init() {}

    func toDomain() throws -> SessionInfo {
        SessionInfo(id: try requireID(), userID: userID, csrfToken: csrfToken, createdAt: createdAt, lastSeenAt: lastSeenAt)
    }
}

final class AccessLinkModel: Model, @unchecked Sendable {
    static let schema = AccessLinkFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: AccessLinkFields.tokenHash) var tokenHash: String
    @Field(key: AccessLinkFields.userID) var userID: UUID
    @Field(key: AccessLinkFields.purpose) var purpose: String
    @Field(key: AccessLinkFields.expiresAt) var expiresAt: Date
    @OptionalField(key: AccessLinkFields.usedAt) var usedAt: Date?

    init() {}

    func toDomain() throws -> AccessLink {
        AccessLink(id: try requireID(), userID: userID, purpose: AccessLinkPurpose(rawValue: purpose) ?? .passwordReset,
                   expiresAt: expiresAt, usedAt: usedAt)
    }
}

final class APITokenModel: Model, @unchecked Sendable {
    static let schema = APITokenFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: APITokenFields.tokenHash) var tokenHash: String
    @Field(key: APITokenFields.userID) var userID: UUID
    @Field(key: APITokenFields.name) var name: String
    @Field(key: APITokenFields.scope) var scope: String
    @Field(key: APITokenFields.prefix) var prefix: String
    @Field(key: APITokenFields.createdAt) var createdAt: Date
    @OptionalField(key: APITokenFields.lastUsedAt) var lastUsedAt: Date?
    @OptionalField(key: APITokenFields.revokedAt) var revokedAt: Date?

    init() {}

    func toDomain() throws -> APIToken {
        APIToken(id: try requireID(), userID: userID, name: name, scope: TokenScope(rawValue: scope) ?? .read, prefix: prefix,
                 createdAt: createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}

final class LoginThrottleModel: Model, @unchecked Sendable {
    static let schema = LoginThrottleFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: LoginThrottleFields.key) var key: String
    @Field(key: LoginThrottleFields.failures) var failures: Int
    @Field(key: LoginThrottleFields.lastFailure) var lastFailure: Date

    init() {}
}

final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = AuditEntryFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: AuditEntryFields.at) var at: Date
    @OptionalField(key: AuditEntryFields.actorID) var actorID: UUID?
    @Field(key: AuditEntryFields.actorLabel) var actorLabel: String
    @OptionalField(key: AuditEntryFields.address) var address: String?
    @Field(key: AuditEntryFields.action) var action: String
    @Field(key: AuditEntryFields.entityType) var entityType: String
    @OptionalField(key: AuditEntryFields.entityID) var entityID: String?
    @Field(key: AuditEntryFields.entityLabel) var entityLabel: String
    @Field(key: AuditEntryFields.changes) var changes: String

    init() {}

    init(_ entry: AuditEntry) {
        id = entry.id
        at = entry.at
        actorID = entry.actor.userID
        actorLabel = entry.actor.label
        address = entry.actor.address
        action = entry.action.rawValue
        entityType = entry.entityType
        entityID = entry.entityID
        entityLabel = entry.entityLabel
        changes = Self.encode(entry.changes)
    }

    func toDomain() throws -> AuditEntry {
        AuditEntry(id: try requireID(), at: at, actor: AuditActor(userID: actorID, label: actorLabel, address: address),
                   action: AuditAction(rawValue: action) ?? .update, entityType: entityType, entityID: entityID,
                   entityLabel: entityLabel, changes: Self.decode(changes))
    }

    static func encode(_ changes: [FieldChange]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(changes)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }

    static func decode(_ text: String) -> [FieldChange] {
        (try? JSONDecoder().decode([FieldChange].self, from: Data(text.utf8))) ?? []
    }
}
