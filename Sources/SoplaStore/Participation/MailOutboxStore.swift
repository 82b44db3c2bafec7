import Fluent
import Foundation
import SQLKit
import SoplaCore

enum MailOutboxFields {
    static let schema = "mail_outbox"
    static let recipient: FieldKey = "recipient"
    static let subject: FieldKey = "subject"
    static let body: FieldKey = "body"
    static let createdAt: FieldKey = "created_at"
    static let attempts: FieldKey = "attempts"
    static let nextAttemptAt: FieldKey = "next_attempt_at"
    static let lastError: FieldKey = "last_error"
    static let sentAt: FieldKey = "sent_at"
}

final class MailOutboxModel: Model, @unchecked Sendable {
    static let schema = MailOutboxFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: MailOutboxFields.recipient) var recipient: String
    @Field(key: MailOutboxFields.subject) var subject: String
    @Field(key: MailOutboxFields.body) var body: String
    @Field(key: MailOutboxFields.createdAt) var createdAt: Date
    @Field(key: MailOutboxFields.attempts) var attempts: Int
    @Field(key: MailOutboxFields.nextAttemptAt) var nextAttemptAt: Date
    @OptionalField(key: MailOutboxFields.lastError) var lastError: String?
    @OptionalField(key: MailOutboxFields.sentAt) var sentAt: Date?

    init() {}

    init(_ mail: OutboxMail) {
        id = mail.id
        recipient = mail.recipient
        subject = mail.subject
        body = mail.body
        createdAt = mail.createdAt
        attempts = mail.attempts
        nextAttemptAt = mail.nextAttemptAt
        lastError = mail.lastError
        sentAt = mail.sentAt
    }

    func toDomain() throws -> OutboxMail {
        guard let id else { throw StoreError.corrupt("an outbox mail without id") }
        return OutboxMail(id: id, recipient: recipient, subject: subject, body: body, createdAt: createdAt, attempts: attempts,
                          nextAttemptAt: nextAttemptAt, lastError: lastError, sentAt: sentAt)
    }
}

/// The e-mails sopla has still to send, and those it sent. Several senders (the server, `sopla notify`) may work on
/// it at once: a sender claims a mail before sending it, so no mail goes out twice at the same time.
public struct MailOutboxStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Stores mails to be sent, all or none.
    public func enqueue(_ mails: [OutboxMail]) async throws {
        guard !mails.isEmpty else { return }
        try await database.transaction { db in
            for mail in mails { try await MailOutboxModel(mail).create(on: db) }
        }
    }

    /// Unsent mails whose time has come, the longest waiting first.
    public func due(at now: Date, limit: Int = 50) async throws -> [OutboxMail] {
        try await MailOutboxModel.query(on: database)
            .filter(\.$sentAt == nil)
            .filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt).sort(\.$id)
            .limit(limit).all().map { try $0.toDomain() }
    }

    /// Every mail, oldest first (for tests and administration).
    public func all() async throws -> [OutboxMail] {
        try await MailOutboxModel.query(on: database).sort(\.$createdAt).sort(\.$id).all().map { try $0.toDomain() }
    }

    /// The mail, counted as one more attempt and held back from other senders until `until`; nil when another sender
    /// claimed it meanwhile or it was sent.
    public func claim(_ mail: OutboxMail, until: Date) async throws -> OutboxMail? {
        guard let sql = database as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
        typealias F = MailOutboxFields
        let rows = try await sql.update(F.schema)
            .set(SQLIdentifier(F.attempts.description), to: SQLBind(mail.attempts + 1))
            .set(SQLIdentifier(F.nextAttemptAt.description), to: SQLBind(until))
            .where(SQLIdentifier("id"), .equal, SQLBind(mail.id))
            .where(SQLIdentifier(F.attempts.description), .equal, SQLBind(mail.attempts))
            .where(SQLIdentifier(F.sentAt.description), .is, SQLLiteral.null)
            .returning(SQLIdentifier("id"))
            .all()
        guard !rows.isEmpty else { return nil }
        var claimed = mail
        claimed.attempts += 1
        claimed.nextAttemptAt = until
        return claimed
    }

    /// The mail server took the mail.
    public func markSent(_ id: UUID, at: Date) async throws {
        try await MailOutboxModel.query(on: database).filter(\.$id == id)
            .set(\.$sentAt, to: at).set(\.$lastError, to: nil).update()
    }

    /// Deletes mails sent before `date`.
    public func deleteSent(before date: Date) async throws {
        try await MailOutboxModel.query(on: database).filter(\.$sentAt != nil).filter(\.$sentAt < date).delete()
    }

    /// The attempt failed: the reason is kept and the next attempt waits until `nextAttemptAt`.
    public func markFailed(_ id: UUID, error: String, nextAttemptAt: Date) async throws {
        try await MailOutboxModel.query(on: database).filter(\.$id == id).filter(\.$sentAt == nil)
            .set(\.$lastError, to: String(error.prefix(500))).set(\.$nextAttemptAt, to: nextAttemptAt).update()
    }
}
