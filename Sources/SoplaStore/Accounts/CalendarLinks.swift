import Fluent
import Foundation
import SoplaCore

final class CalendarLinkModel: Model, @unchecked Sendable {
    static let schema = "calendar_links"
    /// One link per user: the user's id is the key.
    @ID(custom: "user_id", generatedBy: .user) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A person's secret calendar link: the meetings of their bodies, internal ones too, for a calendar app that cannot
/// log in. Only the token's hash is kept; a new link replaces the old one.
extension AccountStore {
    /// When the user's link was made; nil without one.
    public func calendarLinkCreated(userID: UUID) async throws -> Date? {
        try await CalendarLinkModel.find(userID, on: database)?.createdAt
    }

    /// Makes (or replaces) the user's link, audited on the account.
    public func renewCalendarLink(userID: UUID, tokenHash: String, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { throw AccountStoreError.notFound }
            let existing = try await CalendarLinkModel.find(userID, on: db)
            let model = existing ?? CalendarLinkModel()
            model.id = userID
            model.tokenHash = tokenHash
            model.createdAt = at
            try await model.save(on: db)
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .update, entityType: AuditEntity.user, entityID: userID.uuidString,
                                        entityLabel: user.displayName,
                                        changes: [FieldChange(field: "calendarLink", before: existing == nil ? nil : "old", after: "new")]), on: db)
        }
    }

    /// Ends the user's link; false when there was none.
    @discardableResult
    public func revokeCalendarLink(userID: UUID, actor: AuditActor, at: Date) async throws -> Bool {
        try await database.transaction { db in
            guard let existing = try await CalendarLinkModel.find(userID, on: db), let user = try await UserModel.find(userID, on: db) else { return false }
            try await existing.delete(on: db)
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .update, entityType: AuditEntity.user, entityID: userID.uuidString,
                                        entityLabel: user.displayName, changes: [FieldChange(field: "calendarLink", before: "old", after: nil)]), on: db)
            return true
        }
    }

    /// The active user a link belongs to.
    public func calendarUser(tokenHash: String) async throws -> UserAccount? {
        guard let link = try await CalendarLinkModel.query(on: database).filter(\.$tokenHash == tokenHash).first(), let id = link.id,
              let user = try await user(id: id), user.active else { return nil }
        return user
    }
}
