import Foundation

/// Where sopla keeps its data, from `SOPLA_DATABASE_URL`.
public enum DatabaseLocation: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultValue = "sqlite:./sopla.sqlite"

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }

    /// The location without a password, for messages and logs.
    public var redacted: String {
        switch self {
        case .sqliteFile(let path): return "sqlite:\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }

    public static func parse(_ value: String) throws(DatabaseURLError) -> DatabaseLocation {
        let value = value.trimmingCharacters(in: .whitespaces)
        if value == "sqlite::memory:" { return .sqliteMemory }
        if value.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw .emptySQLitePath(value) }
            return .sqliteFile(path: path)
        }
        if value.hasPrefix("sqlite:") {
            let path = String(value.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .emptySQLitePath(value) }
            return .sqliteFile(path: path)
        }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: value), let host = components.host, !host.isEmpty else {
                throw .badPostgresURL(value)
            }
            guard components.path.count > 1 else { throw .postgresDatabaseMissing(value) }
            return .postgres(url: value)
        }
        throw .unknownScheme(value)
    }
}

public enum DatabaseURLError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownScheme(String)
    case emptySQLitePath(String)
    case badPostgresURL(String)
    case postgresDatabaseMissing(String)

    public var description: String {
        switch self {
        case .unknownScheme(let value):
            return "SOPLA_DATABASE_URL \"\(value.prefix(40))\" is neither sqlite:PATH nor postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        case .emptySQLitePath:
            return "SOPLA_DATABASE_URL names SQLite but no file: use e.g. sqlite:./sopla.sqlite or sqlite:/var/lib/sopla/sopla.sqlite"
        case .badPostgresURL:
            return "SOPLA_DATABASE_URL is not a valid PostgreSQL URL: use postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        case .postgresDatabaseMissing:
            return "SOPLA_DATABASE_URL names no database: add it after the host, e.g. postgres://sopla:secret@localhost:5432/sopla"
        }
    }
}
