import Foundation
import SoplaCore
import SQLKit

/// Replaces a person's name and address wherever sopla copied them: author and "by" fields, record labels, JSON
/// documents and the audit log's change lists, in every table. A column holding exactly the name becomes the
/// pseudonym; a JSON text holding the name as a string value gets the pseudonym in its place. Free text that merely
/// mentions the name is left as written.
enum PersonalDataScrub {
    /// Tables whose text is not about people, or is handled by the erasure itself.
    static let skipped: Set<String> = ["users", "_fluent_migrations", "observations", "import_staging", "spatial_boundaries"]

    /// The text columns of every table, found in the database's own catalogue.
    static func textColumns(on sql: any SQLDatabase) async throws -> [(table: String, column: String)] {
        var result: [(String, String)] = []
        if sql.dialect.name == "sqlite" {
            let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            for table in tables.sorted() where !skipped.contains(table) {
                // A table name from the catalogue, quoted as an identifier.
                let columns = try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all()
                for column in columns where try column.decode(column: "type", as: String.self).uppercased().contains("TEXT") {
                    result.append((table, try column.decode(column: "name", as: String.self)))
                }
            }
        } else {
            let rows = try await sql.raw("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')
                ORDER BY table_name, column_name
                """).all()
            for row in rows {
                let table = try row.decode(column: "table_name", as: String.self)
                if !skipped.contains(table) { result.append((table, try row.decode(column: "column_name", as: String.self))) }
            }
        }
        return result
    }

    /// A string as a JSON string value, quotes included.
    static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Replaces each of `values` (names, addresses; empty ones ignored) by `pseudonym` in every text column.
    static func replace(_ values: [String], with pseudonym: String, on sql: any SQLDatabase) async throws {
        let values = Array(Set(values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != pseudonym })).sorted()
        guard !values.isEmpty else { return }
        let columns = try await textColumns(on: sql)
        for value in values {
            let token = jsonString(value), replacement = jsonString(pseudonym)
            for (table, column) in columns {
                let c = SQLIdentifier(column)
                try await sql.raw("""
                    UPDATE \(ident: table) SET \(c) = CASE WHEN \(c) = \(bind: value) THEN \(bind: pseudonym) ELSE REPLACE(\(c), \(bind: token), \(bind: replacement)) END
                    WHERE \(c) = \(bind: value) OR \(c) LIKE \(bind: LikePattern.containing(token)) ESCAPE '\\'
                    """).run()
            }
        }
    }
}

extension PersonalDataScrub {
    /// Generated messages quote names in their text ("Neue Stellungnahme von …"): there the name is replaced inside the text.
    static let messageColumns: [(table: String, column: String)] = [("inbox_messages", "subject"), ("inbox_messages", "body"),
                                                                    ("mail_outbox", "subject"), ("mail_outbox", "body")]

    /// Erases the participation persons with these ids (or linked to the login): name → pseudonym, address removed,
    /// then every copy of their names and addresses and of `personal` elsewhere. Seats, attendance and votes stay
    /// (what the body decided and who could vote must stay true), under the pseudonym. Caches of every area follow.
    static func erase(persons ids: [UUID], linkedTo userID: UUID?, personal: [String], pseudonym: String, at: Date, on sql: any SQLDatabase) async throws {
        var rows: [any SQLRow] = []
        if !ids.isEmpty { rows += try await sql.select().columns("id", "name", "email").from("persons").where("id", .in, SQLBind.group(ids)).all() }
        if let userID { rows += try await sql.select().columns("id", "name", "email").from("persons").where("user_id", .equal, SQLBind(userID)).all() }
        var values = personal, personIDs: Set<UUID> = Set(ids)
        for row in rows {
            personIDs.insert(try row.decode(column: "id", as: UUID.self))
            values.append(try row.decode(column: "name", as: String.self))
            if let email = try row.decode(column: "email", as: String?.self) { values += [email, email.lowercased()] }
        }
        if !personIDs.isEmpty {
            // Seats held end on the day of erasure: a pseudonym does not vote in future meetings.
            let sorted = personIDs.sorted { $0.uuidString < $1.uuidString }
            try await sql.update("memberships").set(SQLIdentifier("end"), to: SQLBind(Day(at).iso)).set("record_modified_at", to: SQLBind(at))
                .where("person_id", .in, SQLBind.group(sorted)).where(SQLIdentifier("end"), .is, SQLLiteral.null).run()
            try await sql.update("persons").set("name", to: SQLBind(pseudonym)).set("label", to: SQLBind(pseudonym)).set("email", to: SQLLiteral.null)
                .set("record_modified_at", to: SQLBind(at)).where("id", .in, SQLBind.group(sorted)).run()
        }
        // Mails to the person's addresses, sent or waiting (compared without case, as someone may have typed it).
        for email in Set(values.filter { $0.contains("@") }.map { $0.lowercased() }) {
            try await sql.delete(from: "mail_outbox").where(SQLFunction("lower", args: SQLIdentifier("recipient")), .equal, SQLBind(email)).run()
            // Failed logins are counted by address.
            try await sql.raw("DELETE FROM login_throttles WHERE \(ident: "key") LIKE \(bind: LikePattern.containing(email)) ESCAPE '\\'").run()
        }
        // The person's inbox: messages about others' matters, of no use once they cannot log in.
        if let userID { try await sql.delete(from: "inbox_messages").where("user_id", .equal, SQLBind(userID)).run() }
        // Inside message text only names of three letters or more are replaced (a shorter one is part of many words);
        // whole values of any length are replaced everywhere.
        for value in Array(Set(values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 3 && $0 != pseudonym })).sorted() {
            for (table, column) in messageColumns {
                try await sql.raw("""
                    UPDATE \(ident: table) SET \(ident: column) = REPLACE(\(ident: column), \(bind: value), \(bind: pseudonym))
                    WHERE \(ident: column) LIKE \(bind: LikePattern.containing(value)) ESCAPE '\\'
                    """).run()
            }
        }
        try await replace(values, with: pseudonym, on: sql)
        try await sql.raw("UPDATE data_versions SET version = version + 1").run()
    }
}

extension PersonalDataScrub {
    /// After an erasure: SQLite writes the log back into the file and empties it, so no old page with the name stays
    /// in the log (deleted content in the file itself is zeroed, `secure_delete`). PostgreSQL keeps the old row
    /// versions until they are vacuumed: the tables with text are vacuumed now rather than when autovacuum gets to
    /// them (a failure is no failure of the erasure, which is done; autovacuum follows).
    static func dropOldPages(_ sql: any SQLDatabase) async {
        if sql.dialect.name == "sqlite" {
            _ = try? await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").all()
            return
        }
        guard let columns = try? await textColumns(on: sql) else { return }
        for table in Set(columns.map(\.table)).sorted() {
            _ = try? await sql.raw("VACUUM \(ident: table)").run()
        }
    }
}

/// Where a name stands inside free text that an erasure leaves as written (titles, reasons, statements, file
/// names), so the administrator can check those places first.
extension PersonalDataScrub {
    /// Per table, the rows whose text mentions one of `values` (three letters or more) other than as a whole value or
    /// a JSON string of its own, which the erasure replaces.
    static func freeTextMentions(of values: [String], on sql: any SQLDatabase) async throws -> [String: Int] {
        let values = Set(values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 3 })
        guard !values.isEmpty else { return [:] }
        var counts: [String: Int] = [:]
        for (table, column) in try await textColumns(on: sql) where !messageColumns.contains(where: { $0 == (table, column) }) {
            let c = SQLIdentifier(column)
            for value in values.sorted() {
                let row = try await sql.raw("""
                    SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(c) LIKE \(bind: LikePattern.containing(value)) ESCAPE '\\'
                    AND \(c) <> \(bind: value) AND \(c) NOT LIKE \(bind: LikePattern.containing(jsonString(value))) ESCAPE '\\'
                    """).first()
                let n = try row?.decode(column: "n", as: Int.self) ?? 0
                if n > 0 { counts[table, default: 0] += n }
            }
        }
        return counts
    }

    /// The kind of record a table holds, as the audit log names it ("funding-application"), for the record tables.
    public static func recordKind(ofTable table: String) -> String? {
        if let record = ParticipationTables.ordered.first(where: { $0.name == table }) { return "participation-" + record.kind }
        if let record = FundingTables.ordered.first(where: { $0.name == table }) { return "funding-" + record.kind }
        return nil
    }
}

extension AccountStore {
    /// Where the names and addresses of a login or person stand in free text an erasure leaves as written: per kind of
    /// record (as the audit log names it, or the table's name), how many entries.
    public func freeTextMentions(of values: [String]) async throws -> [(kind: String, entries: Int)] {
        let counts = try await PersonalDataScrub.freeTextMentions(of: values, on: try ReportTables.sqlDatabase(database))
        return counts.map { (PersonalDataScrub.recordKind(ofTable: $0.key) ?? $0.key, $0.value) }.sorted { $0.kind < $1.kind }
    }
}
