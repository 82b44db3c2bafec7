import Foundation

/// An e-mail waiting in the outbox until the mail server has taken it. It is stored before anything is sent, so
/// a stop of sopla or a mail server that is down loses nothing: the sender tries again later, each time waiting longer.
public struct OutboxMail: Hashable, Sendable {
    public var id: UUID
    public var recipient: String
    public var subject: String
    public var body: String
    public var createdAt: Date
    /// Attempts begun so far.
    public var attempts: Int
    /// Not to be sent before this time (the first time: when queued).
    public var nextAttemptAt: Date
    /// Why the last attempt failed.
    public var lastError: String?
    /// When the mail server accepted it; nil while waiting.
    public var sentAt: Date?

    public init(id: UUID, recipient: String, subject: String, body: String, createdAt: Date, attempts: Int = 0,
                nextAttemptAt: Date? = nil, lastError: String? = nil, sentAt: Date? = nil) {
        self.id = id
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt ?? createdAt
        self.lastError = lastError
        self.sentAt = sentAt
    }

    public var isSent: Bool { sentAt != nil }

    /// The pause after the `attempts`-th failed attempt: one minute, doubling up to six hours, and six hours from then on.
    public static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
        min(6 * 3600, 60 * pow(2, Double(max(0, min(attempts, 20) - 1))))
    }

    /// How long a sender may take for one attempt before another sender may try the same mail.
    public static let attemptLease: TimeInterval = 5 * 60

    /// How long a sent mail is kept (for questions like "did the invitation go out?"); then it is deleted, as it
    /// holds an address and often a name.
    public static let keepSent: TimeInterval = 30 * 24 * 3600
}
