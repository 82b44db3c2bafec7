import Foundation
import SoplaCore
import SoplaStore
import Vapor

/// The account operations shared by pages, the API and the `sopla user` commands: password hashing,
/// login with throttling, one-time links, API tokens.
struct AccountService: Sendable {
    let store: AccountStore
    let clock: Clock
    let bcryptCost: Int
    /// Bcrypt's own threads, so a wave of logins neither holds the event loops nor the file-IO pool.
    let bcrypt: BlockingExecutor

    init(app: Application) {
        store = AccountStore(database: app.db)
        clock = app.settings.clock
        bcryptCost = app.settings.bcryptCost
        bcrypt = app.executors.bcrypt
    }

    init(request: Request) {
        store = request.accounts
        clock = request.settings.clock
        bcryptCost = request.settings.bcryptCost
        bcrypt = request.application.executors.bcrypt
    }

    /// Bcrypt runs on its own bounded pool: it is deliberately slow. When its queue is full, 503 with `Retry-After`.
    func hash(_ password: String) async throws -> String {
        let cost = bcryptCost
        return try await bcrypt.run { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await bcrypt.run { try Bcrypt.verify(password, created: hash) }
    }

    enum LoginResult: Sendable {
        case success(token: String, session: SessionInfo, user: UserAccount)
        case invalid
        case throttled(seconds: Int)
    }

    enum PasswordCheck: Sendable, Equatable {
        case matched, wrong
        case throttled(seconds: Int)
    }

    /// Counts an attempt at the password of `email` against the account-and-address pair, the account and the address
    /// (see `LoginThrottle`), then runs `check` only if every counter admitted it. A match gives its attempt back; so
    /// does a check the busy Bcrypt pool turned away (503), as no password was tried. Login and the password change
    /// (which asks for the current password) both go through here, so neither is a way round the other's limits.
    func throttledCheck(email: String, address: String, audit: Bool = true, _ check: () async throws -> Bool) async throws -> PasswordCheck {
        let now = clock.now()
        let counters = LoginThrottle.counters(email: email, address: address)
        guard try await store.admitLoginAttempt(counters, at: now) else {
            var wait: TimeInterval = 1
            for counter in counters {
                if let seconds = LoginThrottle.wait(try await store.throttle(key: counter.key), now: now, free: counter.free) { wait = max(wait, seconds) }
            }
            if audit {
                try await store.appendAudit(AuditEntry(id: UUID(), at: now, actor: AuditActor(userID: nil, label: String(email.prefix(254)), address: address),
                                                       action: .loginThrottled, entityType: AuditEntity.session, entityID: nil, entityLabel: String(email.prefix(254))))
            }
            return .throttled(seconds: Int(wait.rounded(.up)))
        }
        let matched: Bool
        do {
            matched = try await check()
        } catch let busy as AdmissionGate.Busy {
            try await store.giveBackLoginAttempt(counters.map(\.key))
            throw busy
        }
        guard matched else { return .wrong }
        try await store.clearThrottle(keys: [counters[0].key])
        try await store.giveBackLoginAttempt(counters.dropFirst().map(\.key))
        return .matched
    }

    /// Logs in with `throttledCheck`; a wrong password is logged.
    func login(email rawEmail: String, password: String, address: String) async throws -> LoginResult {
        let now = clock.now()
        let email = EmailAddress.normalise(rawEmail)
        var credentials: (user: UserAccount, passwordHash: String?)?
        let outcome = try await throttledCheck(email: email, address: address) {
            credentials = try await store.credentials(email: email)
            if let hash = credentials.flatMap({ $0.user.active ? $0.passwordHash : nil }) {
                return try await verify(password, hash: hash)
            }
            // Unknown or deactivated account: spend the same Bcrypt time, so timing does not tell.
            _ = try await self.hash(password)
            return false
        }
        switch outcome {
        case .throttled(let seconds): return .throttled(seconds: seconds)
        case .wrong:
            try await store.appendAudit(AuditEntry(id: UUID(), at: now, actor: AuditActor(userID: nil, label: String(email.prefix(254)), address: address),
                                                   action: .loginFailed, entityType: AuditEntity.session, entityID: credentials?.user.id.uuidString,
                                                   entityLabel: String(email.prefix(254))))
            return .invalid
        case .matched: break
        }
        guard let user = credentials?.user else { return .invalid }
        let token = Secrets.token()
        let session = try await store.createSession(tokenHash: Secrets.hash(token), csrfToken: Secrets.token(), user: user,
                                                    actor: AuditActor(userID: user.id, label: user.displayName, address: address), at: now)
        return .success(token: token, session: session, user: user)
    }

    /// Creates a one-time link and returns its token (shown once).
    func createAccessLink(for user: UserAccount, actor: AuditActor) async throws -> (token: String, purpose: AccessLinkPurpose) {
        let purpose: AccessLinkPurpose = user.hasPassword ? .passwordReset : .invitation
        let token = Secrets.token()
        _ = try await store.createAccessLink(userID: user.id, purpose: purpose, tokenHash: Secrets.hash(token), actor: actor, at: clock.now())
        return (token, purpose)
    }

    /// Creates an API token and returns it in full (shown once).
    func createAPIToken(for user: UserAccount, name: String, scope: TokenScope, actor: AuditActor) async throws -> String {
        let token = Secrets.apiToken()
        _ = try await store.createAPIToken(userID: user.id, name: name, scope: scope, tokenHash: Secrets.hash(token),
                                           prefix: String(token.prefix(12)), actor: actor, at: clock.now())
        return token
    }

    /// Checks a new password against the rules; throws the issues.
    func checkNewPassword(_ password: String, confirmation: String?, for user: UserAccount) throws {
        let issues = PasswordPolicy.check(password, confirmation: confirmation, email: user.email, displayName: user.displayName)
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }
}
