import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// `sopla user create|list|reset-password`: the same account rules as the web pages.
struct UserGroup: AsyncCommandGroup {
    var help: String { "Creates and lists users and resets passwords" }
    var commands: [String: any AnyAsyncCommand] {
        ["create": UserCreateCommand(), "list": UserListCommand(), "reset-password": UserResetPasswordCommand()]
    }
}

/// Reads a new password: one line from standard input with `--password-stdin`, else asked twice without echo.
func readNewPassword(_ context: CommandContext, fromStdin: Bool) throws -> String {
    if fromStdin {
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("--password-stdin: standard input is empty") }
        return line
    }
    context.console.output("New password: ", newLine: false)
    let first = context.console.input(isSecure: true)
    context.console.output("Repeat the password: ", newLine: false)
    let second = context.console.input(isSecure: true)
    guard first == second else { throw CommandFailure("the two passwords differ; nothing was changed") }
    return first
}

/// A message listing every issue of a failed check.
func describe(_ failure: ValidationFailure) -> String {
    failure.issues.map { issue in
        let reason: String
        switch issue.problem {
        case .required: reason = "is required"
        case .tooShort(let min): reason = "is too short (at least \(min) characters)"
        case .tooLong(let max): reason = "is too long (at most \(max) characters)"
        case .fileTooLarge(let max): reason = "is too large (at most \(max / (1024 * 1024)) MB)"
        case .commonPassword: reason = "is too common"
        case .containsPersonalData: reason = "must not contain the name or e-mail address"
        case .invalidEmail: reason = "is not a valid e-mail address"
        case .duplicate: reason = "is already taken"
        case .unknownValue(let value): reason = "'\(value)' is unknown"
        case .unknownReference: reason = "refers to an unknown organisation"
        default: reason = "is not valid"
        }
        return "\(issue.field) \(reason)"
    }.joined(separator: "; ")
}

struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address (the login name)")
        var email: String?
        @Option(name: "name", help: "Display name (default: the part of the e-mail address before @)")
        var name: String?
        @Flag(name: "admin", help: "Give the administrator role")
        var admin: Bool
        @Option(name: "roles", help: "Comma-separated roles: provider, body-member, planner, reviewer, administrator")
        var roles: String?
        @Option(name: "organisation", help: "Comma-separated organisation ids (required for provider users)")
        var organisation: String?
        @Flag(name: "password-stdin", help: "Read the password from standard input instead of asking")
        var passwordStdin: Bool

        init() {}
    }

    var help: String {
        """
        Creates a user with a password. Example: sopla user create --admin --email it@kreis.example
        Non-interactive: printf '%s\\n' "$PASSWORD" | sopla user create --email a@b.example --roles planner --password-stdin
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.email else { throw CommandFailure("--email is required") }
        try await app.prepareDatabase(location: app.settings.database, migrate: app.settings.database.isSQLite)
        let service = AccountService(app: app)
        var roles = (signature.roles ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if signature.admin { roles.append(Role.administrator.rawValue) }
        let draft = UserDraft(email: email, displayName: signature.name ?? String(email.split(separator: "@").first ?? ""), roles: roles,
                              organisationIDs: (signature.organisation ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let valid: UserDraft.Valid
        do {
            valid = try draft.validated(existingUsers: try await service.store.users(), organisations: try await service.store.organisations())
        } catch let failure as ValidationFailure {
            throw CommandFailure("the user was not created: " + describe(failure))
        }
        let now = service.clock.now()
        let user = UserAccount(id: UUID(), email: valid.email, displayName: valid.displayName, roles: valid.roles, grants: valid.grants,
                               organisationIDs: valid.organisationIDs, hasPassword: true, createdAt: now)
        let password = try readNewPassword(context, fromStdin: signature.passwordStdin)
        do {
            try service.checkNewPassword(password, confirmation: nil, for: user)
        } catch let failure as ValidationFailure {
            throw CommandFailure("the user was not created: " + describe(failure))
        }
        try await service.store.createUser(user, passwordHash: try await service.hash(password), actor: .system("sopla user create"), at: now)
        context.console.print("Created \(user.email) (\(user.roles.map(\.rawValue).sorted().joined(separator: ", ").nonEmptyOr("no role"))), id \(user.id.uuidString.lowercased()).")
    }
}

struct UserListCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "all", help: "Include deactivated and erased users")
        var all: Bool

        init() {}
    }

    var help: String { "Lists users: e-mail, name, roles, status, last login. Example: sopla user list --all" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase(location: app.settings.database, migrate: app.settings.database.isSQLite)
        let users = try await AccountStore(database: app.db).users().filter { signature.all || $0.active }
        if users.isEmpty {
            context.console.print(signature.all ? "No users." : "No active users (use --all to see deactivated ones). Create one with: sopla user create --admin --email ...")
            return
        }
        let formatter = ISO8601DateFormatter()
        for user in users.sorted(by: { $0.email < $1.email }) {
            let status = user.erasedAt != nil ? "erased" : (user.active ? (user.hasPassword ? "active" : "invited") : "deactivated")
            let roles = user.roles.map(\.rawValue).sorted().joined(separator: ",").nonEmptyOr("-")
            context.console.print([user.email, user.displayName, roles, status, user.lastLoginAt.map { formatter.string(from: $0) } ?? "never"].joined(separator: "\t"))
        }
    }
}

struct UserResetPasswordCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The user's e-mail address")
        var email: String?
        @Flag(name: "link", help: "Print a one-time reset link (24 hours) instead of setting the password here")
        var link: Bool
        @Flag(name: "password-stdin", help: "Read the new password from standard input instead of asking")
        var passwordStdin: Bool

        init() {}
    }

    var help: String {
        """
        Sets a new password, or prints a one-time reset link with --link. Ends the user's sessions.
        Example: sopla user reset-password --email planung@kreis.example --link
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.email else { throw CommandFailure("--email is required") }
        try await app.prepareDatabase(location: app.settings.database, migrate: app.settings.database.isSQLite)
        let service = AccountService(app: app)
        guard let (user, _) = try await service.store.credentials(email: email), user.erasedAt == nil else {
            throw CommandFailure("no user with the e-mail address \(email); see sopla user list --all")
        }
        guard user.active else { throw CommandFailure("\(user.email) is deactivated; reactivate the account first") }
        let actor = AuditActor.system("sopla user reset-password")
        if signature.link {
            let (token, _) = try await service.createAccessLink(for: user, actor: actor)
            let base = app.siteURL
            context.console.print("One-time link for \(user.email) (valid 24 hours): \(base)\(SiteRoute.accessLink(token: token).path)")
            return
        }
        let password = try readNewPassword(context, fromStdin: signature.passwordStdin)
        do {
            try service.checkNewPassword(password, confirmation: nil, for: user)
        } catch let failure as ValidationFailure {
            throw CommandFailure("the password was not changed: " + describe(failure))
        }
        try await service.store.setPassword(userID: user.id, hash: try await service.hash(password), keepSession: nil, actor: actor, at: service.clock.now())
        context.console.print("The password of \(user.email) was changed; their sessions were ended.")
    }
}

extension String {
    func nonEmptyOr(_ fallback: String) -> String { isEmpty ? fallback : self }
}
