import Fluent
import FluentSQL
import SQLKit
import Foundation
import SoplaCore

/// Errors of the account store that a caller answers differently.
public enum AccountStoreError: Error, Equatable, Sendable {
    case notFound
    /// The e-mail address or organisation name is taken (checked again inside the transaction).
    case duplicate(field: String)
    /// The one-time link was used or has expired meanwhile.
    case linkUnusable
}

/// Organisations, users, sessions, tokens and the audit log. Every change writes its audit entry in
/// the same transaction, so there is no change without its record.
public struct AccountStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    // MARK: Organisations

    public func organisations() async throws -> [Organisation] {
        try await OrganisationModel.query(on: database).sort(\.$name).all().map { try $0.toDomain() }
    }

    public func organisation(id: UUID) async throws -> Organisation? {
        try await OrganisationModel.find(id, on: database)?.toDomain()
    }

    @discardableResult
    public func createOrganisation(_ organisation: Organisation, actor: AuditActor, at: Date) async throws -> Organisation {
        try await database.transaction { db in
            if try await OrganisationModel.query(on: db).filter(\.$name == organisation.name).first() != nil {
                throw AccountStoreError.duplicate(field: "name")
            }
            try await OrganisationModel(organisation).create(on: db)
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .create, entityType: AuditEntity.organisation,
                                        entityID: organisation.id.uuidString, entityLabel: organisation.name,
                                        changes: FieldChange.diff(before: [:], after: organisation.auditFields)), on: db)
        }
        return organisation
    }

    /// Stores a changed organisation; returns the changes (none: nothing is written).
    @discardableResult
    public func updateOrganisation(_ organisation: Organisation, actor: AuditActor, at: Date, action: AuditAction = .update) async throws -> [FieldChange] {
        try await database.transaction { db in
            guard let model = try await OrganisationModel.find(organisation.id, on: db) else { throw AccountStoreError.notFound }
            let before = try model.toDomain()
            let changes = FieldChange.diff(before: before.auditFields, after: organisation.auditFields)
            guard !changes.isEmpty else { return [] }
            if before.name != organisation.name,
               try await OrganisationModel.query(on: db).filter(\.$name == organisation.name).filter(\.$id != organisation.id).first() != nil {
                throw AccountStoreError.duplicate(field: "name")
            }
            model.apply(organisation)
            try await model.update(on: db)
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: action, entityType: AuditEntity.organisation,
                                        entityID: organisation.id.uuidString, entityLabel: organisation.name, changes: changes), on: db)
            return changes
        }
    }

    // MARK: Users

    public func users() async throws -> [UserAccount] {
        let memberships = try await UserOrganisationModel.query(on: database).all()
        var byUser: [UUID: Set<UUID>] = [:]
        for m in memberships { byUser[m.userID, default: []].insert(m.organisationID) }
        return try await UserModel.query(on: database).sort(\.$displayName).all().map { try $0.toDomain(organisations: byUser[$0.requireID()] ?? []) }
    }

    public func user(id: UUID) async throws -> UserAccount? {
        guard let model = try await UserModel.find(id, on: database) else { return nil }
        return try await Self.domain(model, on: database)
    }

    /// The user with this e-mail address (compared without case) and their password hash.
    public func credentials(email: String) async throws -> (user: UserAccount, passwordHash: String?)? {
        guard let model = try await UserModel.query(on: database).filter(\.$email == EmailAddress.normalise(email)).first() else { return nil }
        return (try await Self.domain(model, on: database), model.passwordHash)
    }

    public func passwordHash(userID: UUID) async throws -> String? {
        try await UserModel.find(userID, on: database)?.passwordHash
    }

    static func domain(_ model: UserModel, on db: any Database) async throws -> UserAccount {
        let id = try model.requireID()
        let organisations = try await UserOrganisationModel.query(on: db).filter(\.$userID == id).all().map(\.organisationID)
        return try model.toDomain(organisations: Set(organisations))
    }

    @discardableResult
    public func createUser(_ user: UserAccount, passwordHash: String?, actor: AuditActor, at: Date) async throws -> UserAccount {
        try await database.transaction { db in
            if try await UserModel.query(on: db).filter(\.$email == user.email).first() != nil {
                throw AccountStoreError.duplicate(field: "email")
            }
            let model = UserModel()
            model.id = user.id
            Self.apply(user, to: model)
            model.passwordHash = passwordHash
            model.createdAt = user.createdAt
            try await model.create(on: db)
            for organisation in user.organisationIDs {
                try await UserOrganisationModel(userID: user.id, organisationID: organisation).create(on: db)
            }
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .create, entityType: AuditEntity.user,
                                        entityID: user.id.uuidString, entityLabel: user.displayName,
                                        changes: FieldChange.diff(before: [:], after: user.auditFields)), on: db)
        }
        return user
    }

    static func apply(_ user: UserAccount, to model: UserModel) {
        model.email = user.email
        model.displayName = user.displayName
        model.roles = UserModel.join(user.roles)
        model.grants = UserModel.join(user.grants)
        model.active = user.active
    }

    /// Stores changed account fields (not the password); a deactivated user's sessions end at once.
    @discardableResult
    public func updateUser(_ user: UserAccount, actor: AuditActor, at: Date, action: AuditAction = .update) async throws -> [FieldChange] {
        try await database.transaction { db in
            guard let model = try await UserModel.find(user.id, on: db) else { throw AccountStoreError.notFound }
            let before = try await Self.domain(model, on: db)
            let changes = FieldChange.diff(before: before.auditFields, after: user.auditFields)
            guard !changes.isEmpty else { return [] }
            if before.email != user.email, try await UserModel.query(on: db).filter(\.$email == user.email).filter(\.$id != user.id).first() != nil {
                throw AccountStoreError.duplicate(field: "email")
            }
            Self.apply(user, to: model)
            try await model.update(on: db)
            if before.organisationIDs != user.organisationIDs {
                try await UserOrganisationModel.query(on: db).filter(\.$userID == user.id).delete()
                for organisation in user.organisationIDs {
                    try await UserOrganisationModel(userID: user.id, organisationID: organisation).create(on: db)
                }
            }
            if !user.active {
                try await SessionModel.query(on: db).filter(\.$userID == user.id).delete()
                try await Self.revokeAPITokens(userID: user.id, actor: actor, at: at, on: db)
            }
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: action, entityType: AuditEntity.user,
                                        entityID: user.id.uuidString, entityLabel: user.displayName, changes: changes), on: db)
            return changes
        }
    }

    /// Sets a new password hash and ends the user's other sessions. The audit entry names the change, never the value.
    public func setPassword(userID: UUID, hash: String, keepSession: UUID?, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            try await Self.setPassword(userID: userID, hash: hash, keepSession: keepSession, actor: actor, at: at, on: db)
        }
    }

    static func setPassword(userID: UUID, hash: String, keepSession: UUID?, actor: AuditActor, at: Date, on db: any Database) async throws {
        guard let model = try await UserModel.find(userID, on: db) else { throw AccountStoreError.notFound }
        model.passwordHash = hash
        try await model.update(on: db)
        var sessions = SessionModel.query(on: db).filter(\.$userID == userID)
        if let keepSession { sessions = sessions.filter(\.$id != keepSession) }
        try await sessions.delete()
        try await append(.init(id: UUID(), at: at, actor: actor, action: .passwordChanged, entityType: AuditEntity.user,
                               entityID: userID.uuidString, entityLabel: model.displayName), on: db)
        try await revokeAPITokens(userID: userID, actor: actor, at: at, on: db)
    }

    /// Revokes every API token of the user still in use and the personal calendar link (a new password, a reset or a
    /// deactivation ends them all), each with its audit entry.
    static func revokeAPITokens(userID: UUID, actor: AuditActor, at: Date, on db: any Database) async throws {
        if let link = try await CalendarLinkModel.find(userID, on: db) {
            try await link.delete(on: db)
            let label = try await UserModel.find(userID, on: db)?.displayName ?? ""
            try await append(.init(id: UUID(), at: at, actor: actor, action: .update, entityType: AuditEntity.user, entityID: userID.uuidString,
                                   entityLabel: label, changes: [FieldChange(field: "calendarLink", before: "old", after: nil)]), on: db)
        }
        let tokens = try await APITokenModel.query(on: db).filter(\.$userID == userID).filter(\.$revokedAt == nil).all()
        for token in tokens {
            token.revokedAt = at
            try await token.update(on: db)
            try await append(.init(id: UUID(), at: at, actor: actor, action: .tokenRevoked, entityType: AuditEntity.apiToken,
                                   entityID: token.id?.uuidString, entityLabel: token.name), on: db)
        }
    }

    // MARK: Sessions

    public func createSession(tokenHash: String, csrfToken: String, user: UserAccount, actor: AuditActor, at: Date) async throws -> SessionInfo {
        let model = SessionModel()
        let id = UUID()
        model.id = id
        model.tokenHash = tokenHash
        model.userID = user.id
        model.csrfToken = csrfToken
        model.createdAt = at
        model.lastSeenAt = at
        try await database.transaction { db in
            try await model.create(on: db)
            if let userModel = try await UserModel.find(user.id, on: db) {
                userModel.lastLoginAt = at
                try await userModel.update(on: db)
            }
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .login, entityType: AuditEntity.session,
                                        entityID: user.id.uuidString, entityLabel: user.displayName), on: db)
        }
        return try model.toDomain()
    }

    /// The session with this token hash and its user, if the user may still log in.
    public func session(tokenHash: String) async throws -> (session: SessionInfo, user: UserAccount)? {
        guard let model = try await SessionModel.query(on: database).filter(\.$tokenHash == tokenHash).first(),
              let userModel = try await UserModel.find(model.userID, on: database), userModel.active, userModel.erasedAt == nil else { return nil }
        return (try model.toDomain(), try await Self.domain(userModel, on: database))
    }

    public func touchSession(id: UUID, at: Date) async throws {
        try await SessionModel.query(on: database).filter(\.$id == id).set(\.$lastSeenAt, to: at).update()
    }

    public func endSession(_ session: SessionInfo, user: UserAccount, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            try await SessionModel.query(on: db).filter(\.$id == session.id).delete()
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .logout, entityType: AuditEntity.session,
                                        entityID: user.id.uuidString, entityLabel: user.displayName), on: db)
        }
    }

    /// Removes an expired session (no audit entry: nobody acted).
    public func dropSession(id: UUID) async throws {
        try await SessionModel.query(on: database).filter(\.$id == id).delete()
    }

    public func sessionCount(userID: UUID) async throws -> Int {
        try await SessionModel.query(on: database).filter(\.$userID == userID).count()
    }

    // MARK: One-time links

    /// Creates a link; earlier unused links of the same purpose stop working.
    public func createAccessLink(userID: UUID, purpose: AccessLinkPurpose, tokenHash: String, actor: AuditActor, at: Date) async throws -> AccessLink {
        try await database.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { throw AccountStoreError.notFound }
            try await AccessLinkModel.query(on: db).filter(\.$userID == userID).filter(\.$purpose == purpose.rawValue)
                .filter(\.$usedAt == nil).set(\.$usedAt, to: at).update()
            let model = AccessLinkModel()
            model.id = UUID()
            model.tokenHash = tokenHash
            model.userID = userID
            model.purpose = purpose.rawValue
            model.expiresAt = at.addingTimeInterval(purpose.lifetime)
            try await model.create(on: db)
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .accessLinkCreated, entityType: AuditEntity.user,
                                        entityID: userID.uuidString, entityLabel: user.displayName,
                                        changes: [FieldChange(field: "purpose", before: nil, after: purpose.rawValue)]), on: db)
            return try model.toDomain()
        }
    }

    public func accessLink(tokenHash: String) async throws -> AccessLink? {
        try await AccessLinkModel.query(on: database).filter(\.$tokenHash == tokenHash).first()?.toDomain()
    }

    /// Uses the link once to set a password. A second use, even at the same moment, fails.
    public func redeem(_ link: AccessLink, passwordHash: String, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await AccessLinkModel.find(link.id, on: db), model.usedAt == nil, at < model.expiresAt,
                  let user = try await UserModel.find(link.userID, on: db), user.active, let sql = db as? any SQLDatabase else {
                throw AccountStoreError.linkUnusable
            }
            // Marks the link used only if it still is unused: of two redemptions at the same moment, one wins.
            let claimed = try await sql.update(AccessLinkFields.schema)
                .set(SQLIdentifier(AccessLinkFields.usedAt.description), to: SQLBind(at))
                .where(SQLIdentifier("id"), .equal, SQLBind(link.id))
                .where(SQLIdentifier(AccessLinkFields.usedAt.description), .is, SQLLiteral.null)
                .returning(SQLIdentifier("id"))
                .all()
            guard claimed.count == 1 else { throw AccountStoreError.linkUnusable }
            let actor = AuditActor(userID: link.userID, label: user.displayName)
            try await Self.setPassword(userID: link.userID, hash: passwordHash, keepSession: nil, actor: actor, at: at, on: db)
        }
    }

    // MARK: API tokens

    public func createAPIToken(userID: UUID, name: String, scope: TokenScope, tokenHash: String, prefix: String, actor: AuditActor, at: Date) async throws -> APIToken {
        let model = APITokenModel()
        model.id = UUID()
        model.tokenHash = tokenHash
        model.userID = userID
        model.name = name
        model.scope = scope.rawValue
        model.prefix = prefix
        model.createdAt = at
        try await database.transaction { db in
            try await model.create(on: db)
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .tokenCreated, entityType: AuditEntity.apiToken,
                                        entityID: model.id?.uuidString, entityLabel: name,
                                        changes: [FieldChange(field: "scope", before: nil, after: scope.rawValue)]), on: db)
        }
        return try model.toDomain()
    }

    public func apiTokens(userID: UUID) async throws -> [APIToken] {
        try await APITokenModel.query(on: database).filter(\.$userID == userID).sort(\.$createdAt, .descending).all().map { try $0.toDomain() }
    }

    public func revokeAPIToken(id: UUID, userID: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await APITokenModel.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first() else {
                throw AccountStoreError.notFound
            }
            guard model.revokedAt == nil else { return }
            model.revokedAt = at
            try await model.update(on: db)
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .tokenRevoked, entityType: AuditEntity.apiToken,
                                        entityID: id.uuidString, entityLabel: model.name), on: db)
        }
    }

    /// The token with this hash and its user, if neither is revoked or deactivated. Notes the use at most once a minute.
    public func apiToken(tokenHash: String, at: Date) async throws -> (token: APIToken, user: UserAccount)? {
        guard let model = try await APITokenModel.query(on: database).filter(\.$tokenHash == tokenHash).first(), model.revokedAt == nil,
              let userModel = try await UserModel.find(model.userID, on: database), userModel.active, userModel.erasedAt == nil else { return nil }
        if model.lastUsedAt.map({ at.timeIntervalSince($0) >= 60 }) ?? true {
            model.lastUsedAt = at
            try await model.update(on: database)
        }
        return (try model.toDomain(), try await Self.domain(userModel, on: database))
    }

    // MARK: Login throttling

    public func throttle(key: String) async throws -> LoginThrottle.State? {
        guard let model = try await LoginThrottleModel.query(on: database).filter(\.$key == key).first() else { return nil }
        return LoginThrottle.State(failures: model.failures, lastFailure: model.lastFailure)
    }

    /// Counts one login attempt in each counter, if every counter admits it (see `LoginThrottle`). Each counter changes
    /// by one conditional statement, so of many parallel attempts only as many pass as the counters allow. Returns
    /// false (and gives back what it counted) if a counter refuses.
    public func admitLoginAttempt(_ counters: [LoginThrottle.Counter], at now: Date) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { throw AccountStoreError.notFound }
        typealias F = LoginThrottleFields
        let (table, key, failures, last) = (F.schema, F.key.description, F.failures.description, F.lastFailure.description)
        var counted: [String] = []
        for counter in counters {
            try await sql.raw("""
                INSERT INTO \(ident: table) (id, \(ident: key), \(ident: failures), \(ident: last))
                VALUES (\(bind: UUID()), \(bind: counter.key), 0, \(bind: Date(timeIntervalSince1970: 0)))
                ON CONFLICT (\(ident: key)) DO NOTHING
                """).run()
            let conditions = LoginThrottle.admissions(free: counter.free, now: now).map { admission -> SQLQueryString in
                var condition: SQLQueryString = "(\(ident: failures) >= \(literal: admission.failuresFrom)"
                if let below = admission.failuresBelow { condition += " AND \(ident: failures) < \(literal: below)" }
                if let lastAtMost = admission.lastAtMost { condition += " AND \(ident: last) <= \(bind: lastAtMost)" }
                return condition + ")"
            }
            let forgotten = now.addingTimeInterval(-LoginThrottle.forgetAfter)
            let update: SQLQueryString = """
                UPDATE \(ident: table) SET \(ident: failures) = CASE WHEN \(ident: last) <= \(bind: forgotten) THEN 1 ELSE \(ident: failures) + 1 END,
                \(ident: last) = \(bind: now)
                WHERE \(ident: key) = \(bind: counter.key) AND (
                """ + conditions.joined(separator: " OR ") + ") RETURNING \(ident: failures)"
            guard try await sql.raw(update).all().count == 1 else {
                try await giveBackLoginAttempt(counted)
                return false
            }
            counted.append(counter.key)
        }
        return true
    }

    /// Takes one counted attempt back from each of these counters (a login that succeeded, or was refused further on).
    public func giveBackLoginAttempt(_ keys: [String]) async throws {
        guard !keys.isEmpty, let sql = database as? any SQLDatabase else { return }
        typealias F = LoginThrottleFields
        try await sql.update(F.schema)
            .set(SQLIdentifier(F.failures.description), to: SQLBinaryExpression(SQLIdentifier(F.failures.description), .subtract, SQLLiteral.numeric("1")))
            .where(SQLIdentifier(F.key.description), .in, SQLBind.group(keys))
            .where(SQLIdentifier(F.failures.description), .greaterThan, SQLLiteral.numeric("0"))
            .run()
    }

    public func clearThrottle(keys: [String]) async throws {
        try await LoginThrottleModel.query(on: database).filter(\.$key ~~ keys).delete()
    }

    // MARK: Audit log

    public func appendAudit(_ entry: AuditEntry) async throws {
        try await Self.append(entry, on: database)
    }

    static func append(_ entry: AuditEntry, on db: any Database) async throws {
        try await AuditEntryModel(entry).create(on: db)
    }

    /// One page of the log, newest first, and the number of matching entries.
    public func audit(_ query: AuditQuery) async throws -> (entries: [AuditEntry], total: Int) {
        let total = try await filtered(query).count()
        let models = try await filtered(query).sort(\.$at, .descending).sort(\.$id)
            .range(((query.page - 1) * query.perPage)..<(query.page * query.perPage)).all()
        return (try models.map { try $0.toDomain() }, total)
    }

    /// Every matching entry, newest first (for CSV).
    public func auditAll(_ query: AuditQuery) async throws -> [AuditEntry] {
        try await filtered(query).sort(\.$at, .descending).sort(\.$id).all().map { try $0.toDomain() }
    }

    func filtered(_ query: AuditQuery) -> QueryBuilder<AuditEntryModel> {
        var builder = AuditEntryModel.query(on: database)
        if let type = query.entityType { builder = builder.filter(\.$entityType == type) }
        if let id = query.entityID { builder = builder.filter(\.$entityID == id) }
        if let action = query.action { builder = builder.filter(\.$action == action.rawValue) }
        if let text = query.actorText?.lowercased(), !text.isEmpty {
            // LOWER(...) LIKE: case-insensitive on SQLite and PostgreSQL alike (PostgreSQL's LIKE is not).
            builder = builder.filter(.sql(SQLBinaryExpression(
                left: SQLFunction("LOWER", args: SQLColumn(AuditEntryFields.actorLabel.description)),
                op: SQLBinaryOperator.like, right: SQLBind("%" + Self.escapeLike(text) + "%")
            )))
        }
        if let from = query.from { builder = builder.filter(\.$at >= from.startDate) }
        if let to = query.to { builder = builder.filter(\.$at < to.startDate.addingTimeInterval(86_400)) }
        return builder
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }

    // MARK: Data protection

    /// Everything held about one person (DSGVO Art. 15); the export itself is recorded.
    public func personalData(userID: UUID, actor: AuditActor, at: Date) async throws -> PersonalDataExport {
        guard let user = try await user(id: userID) else { throw AccountStoreError.notFound }
        let organisations = try await organisations()
        let tokens = try await apiTokens(userID: userID)
        let sessions = try await sessionCount(userID: userID)
        let byActor = try await AuditEntryModel.query(on: database).filter(\.$actorID == userID).sort(\.$at).all()
        let about = try await AuditEntryModel.query(on: database).filter(\.$entityType == AuditEntity.user)
            .filter(\.$entityID == userID.uuidString).sort(\.$at).all()
        var seen: Set<UUID> = []
        let entries = try (byActor + about).filter { seen.insert($0.id!).inserted }.map { try $0.toDomain() }.sorted { $0.at < $1.at }
        let export = PersonalDataExport(exportedAt: at, user: user, organisations: organisations, apiTokens: tokens,
                                        activeSessions: sessions, auditEntries: entries)
        try await appendAudit(.init(id: UUID(), at: at, actor: actor, action: .personalDataExported, entityType: AuditEntity.user,
                                    entityID: userID.uuidString, entityLabel: user.displayName))
        return export
    }

    /// Erases a person (DSGVO Art. 17): name and address become a pseudonym, password, sessions, tokens, links and
    /// mails to the person are removed. Audit entries stay, with the pseudonym in place of the name and address.
    public func erase(userID: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await UserModel.find(userID, on: db) else { throw AccountStoreError.notFound }
            let pseudonym = UserAccount.pseudonym(for: userID)
            let personal = [model.email, model.displayName]
            model.email = pseudonym.lowercased() + "@geloescht.invalid"
            model.displayName = pseudonym
            model.passwordHash = nil
            model.active = false
            model.roles = ""
            model.grants = ""
            model.erasedAt = at
            try await model.update(on: db)
            try await UserOrganisationModel.query(on: db).filter(\.$userID == userID).delete()
            try await SessionModel.query(on: db).filter(\.$userID == userID).delete()
            try await AccessLinkModel.query(on: db).filter(\.$userID == userID).delete()
            try await CalendarLinkModel.query(on: db).filter(\.$id == userID).delete()
            try await APITokenModel.query(on: db).filter(\.$userID == userID).set(\.$revokedAt, to: at).update()
            guard let sql = db as? any SQLDatabase else { throw AccountStoreError.notFound }
            // What the person did and what was done to the account: under the pseudonym whatever label was recorded
            // (an earlier name too), and without the address they acted from. Their name and address anywhere else,
            // mails to them included, go with `PersonalDataScrub.erase`.
            try await sql.update(AuditEntryFields.schema).set(SQLIdentifier(AuditEntryFields.actorLabel.description), to: SQLBind(pseudonym))
                .set(SQLIdentifier(AuditEntryFields.address.description), to: SQLLiteral.null)
                .where(SQLIdentifier(AuditEntryFields.actorID.description), .equal, SQLBind(userID))
                .orWhere(SQLIdentifier(AuditEntryFields.actorLabel.description), .in, SQLBind.group(personal)).run()
            try await sql.update(AuditEntryFields.schema).set(SQLIdentifier(AuditEntryFields.entityLabel.description), to: SQLBind(pseudonym))
                .where(SQLIdentifier(AuditEntryFields.entityID.description), .equal, SQLBind(userID.uuidString)).run()
            try await PersonalDataScrub.erase(persons: [], linkedTo: userID, personal: personal, pseudonym: pseudonym, at: at, on: sql)
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .erase, entityType: AuditEntity.user,
                                        entityID: userID.uuidString, entityLabel: pseudonym), on: db)
        }
        await PersonalDataScrub.dropOldPages(try ReportTables.sqlDatabase(database))
    }

    /// Erases a person of the bodies who has no login (DSGVO Art. 17); one with a login is erased with the account.
    public func erase(personID: UUID, actor: AuditActor, at: Date) async throws {
        let sql = try ReportTables.sqlDatabase(database)
        let linked = try await sql.select().column("user_id").from("persons").where("id", .equal, SQLBind(personID)).first()
        guard let linked else { throw AccountStoreError.notFound }
        if let userID = try linked.decode(column: "user_id", as: UUID?.self) { return try await erase(userID: userID, actor: actor, at: at) }
        try await database.transaction { db in
            let pseudonym = UserAccount.pseudonym(for: personID)
            try await PersonalDataScrub.erase(persons: [personID], linkedTo: nil, personal: [], pseudonym: pseudonym, at: at, on: try ReportTables.sqlDatabase(db))
            try await Self.append(.init(id: UUID(), at: at, actor: actor, action: .erase, entityType: "participation-person",
                                        entityID: personID.uuidString.lowercased(), entityLabel: pseudonym), on: db)
        }
        await PersonalDataScrub.dropOldPages(sql)
    }
}
