import Fluent
import SoplaCore
import Foundation
import SQLKit

/// The names of records an audit entry refers to by id (an agreement in a drawdown's changes, a person in a seat), so
/// the log shows names instead of ids: organisations, users, and every participation and funding record by its label.
public struct AuditNames: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Names of those of `ids` that exist; the others are not in the answer.
    public func names(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty, let sql = database as? any SQLDatabase else { return [:] }
        var result: [UUID: String] = [:]
        let all = Array(ids)
        let sources: [(table: String, name: String)] = [(OrganisationFields.schema, OrganisationFields.name.description),
                                                        (UserFields.schema, UserFields.displayName.description)]
            + (ParticipationTables.ordered + FundingTables.ordered).map { ($0.name, "label") }
        for start in stride(from: 0, to: all.count, by: 200) {
            let chunk = Array(all[start..<min(start + 200, all.count)])
            for source in sources {
                let rows = try await sql.select().column("id").column(SQLIdentifier(source.name)).from(source.table)
                    .where("id", .in, SQLBind.group(chunk)).all()
                for row in rows {
                    let id = try row.decode(column: "id", as: UUID.self)
                    let name = try row.decode(column: source.name, as: String.self)
                    if !name.isEmpty, result[id] == nil { result[id] = name }
                }
            }
        }
        return result
    }

    /// Every id inside the entries' record ids and changes (plain or in JSON lists).
    public static func ids(in entries: [AuditEntry]) -> Set<UUID> {
        var ids: Set<UUID> = []
        let pattern = try! NSRegularExpression(pattern: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
        func scan(_ text: String?) {
            guard let text, text.count >= 36 else { return }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range, in: text), let id = UUID(uuidString: String(text[range])) { ids.insert(id) }
            }
        }
        for entry in entries {
            scan(entry.entityID)
            for change in entry.changes {
                scan(change.before)
                scan(change.after)
            }
        }
        return ids
    }
}
