import Foundation
import Vapor

/// `sopla notify reminders`: reminds the members of invited bodies of consultation deadlines (run daily, e.g. by cron).
struct NotifyGroup: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["reminders": RemindersCommand()] }
    var help: String { "Sends notifications. Example: sopla notify reminders --days 3" }
}

struct RemindersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "days", help: "Remind of deadlines within this many days (default 3)")
        var days: Int?

        init() {}
    }

    var help: String {
        """
        Reminds every member of an invited body of a consultation whose deadline falls within the next days: a message in
        sopla and, with SOPLA_SMTP_HOST set, an e-mail. Also sends every queued mail that is due (those a stopped server
        or an unreachable mail server left behind). Run it once a day. Example: sopla notify reminders --days 3
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let days = signature.days ?? 3
        guard (1...60).contains(days) else { throw CommandFailure("--days must be between 1 and 60, got \(days)") }
        let app = context.application
        try await app.prepareDatabase(location: app.settings.database, migrate: false)
        let count = try await Notifier(app: app).remindDeadlines(days: days)
        context.console.print("Reminded \(count) people (members of invited bodies, users of invited organisations) of consultation deadlines within \(days) days.")
        if let outbox = app.mailOutbox {
            let (sent, failed) = try await outbox.sendDue()
            context.console.print("E-mails: \(sent) sent" + (failed > 0 ? ", \(failed) failed and kept in the outbox for another attempt" : "") + ".")
        }
    }
}
