import Fluent
import Foundation
import SoplaCore
import SQLKit

/// The Wegweiser's full-text index: SQLite FTS5 or PostgreSQL `tsvector` (GIN index), holding the words
/// `GermanSearch` made of each service. Both databases get the same words, so both find the same services.
public struct ServiceSearchIndex: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// The searchable words of one service: `title` (name, category, search words) weighs more than `body`.
    public struct Document: Sendable, Equatable {
        public let serviceID: UUID
        public let title: String
        public let body: String

        public init(serviceID: UUID, title: String, body: String) {
            self.serviceID = serviceID
            self.title = title
            self.body = body
        }
    }

    /// A found service with its relevance (higher is better; only comparable within one search).
    public struct Hit: Sendable, Equatable {
        public let serviceID: UUID
        public let score: Double
    }

    typealias F = ServiceSearchFields
    static let stateName = "services"

    var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
            return sql
        }
    }

    /// What the index was last built from (nil: never built).
    public func builtFrom() async throws -> String? {
        try await sql.raw("SELECT built_from FROM \(unsafeRaw: F.state) WHERE name = \(bind: Self.stateName)").first()?.decode(column: "built_from", as: String.self)
    }

    /// Replaces the whole index in one transaction, unless it was built from `source` meanwhile (by another process).
    public func rebuild(from source: String, documents: [Document]) async throws {
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
            let postgres = sql.dialect.name != "sqlite"
            // PostgreSQL: one rebuild at a time across processes; the next one finds the index current.
            if postgres { try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 5_334_001))").run() }
            let current = try await sql.raw("SELECT built_from FROM \(unsafeRaw: F.state) WHERE name = \(bind: Self.stateName)").first()?
                .decode(column: "built_from", as: String.self)
            guard current != source else { return }
            try await sql.raw("DELETE FROM \(unsafeRaw: F.index)").run()
            for document in documents {
                if postgres {
                    try await sql.raw("""
                        INSERT INTO \(unsafeRaw: F.index) (service_id, title, body, document) VALUES (\(bind: document.serviceID), \(bind: document.title),
                        \(bind: document.body), setweight(to_tsvector('simple', \(bind: document.title)), 'A') || setweight(to_tsvector('simple', \(bind: document.body)), 'B'))
                        """).run()
                } else {
                    try await sql.raw("INSERT INTO \(unsafeRaw: F.index) (service_id, title, body) VALUES (\(bind: document.serviceID.uuidString), \(bind: document.title), \(bind: document.body))").run()
                }
            }
            if current == nil {
                try await sql.raw("INSERT INTO \(unsafeRaw: F.state) (name, built_from) VALUES (\(bind: Self.stateName), \(bind: source))").run()
            } else {
                try await sql.raw("UPDATE \(unsafeRaw: F.state) SET built_from = \(bind: source) WHERE name = \(bind: Self.stateName)").run()
            }
        }
    }

    /// Every term the index holds (for typing errors).
    public func vocabulary() async throws -> Set<String> {
        let sql = try sql
        let rows = sql.dialect.name == "sqlite"
            ? try await sql.raw("SELECT term AS word FROM \(unsafeRaw: F.vocabulary)").all()
            : try await sql.raw("SELECT word FROM ts_stat('SELECT document FROM \(unsafeRaw: F.index)')").all()
        return Set(try rows.map { try $0.decode(column: "word", as: String.self) })
    }

    /// The services matching a query, best first.
    public func search(_ query: GermanSearch.Query) async throws -> [Hit] {
        guard !query.isEmpty else { return [] }
        let sql = try sql
        if sql.dialect.name == "sqlite" {
            // bm25 is smaller for better matches; a title word counts five times a body word.
            let rows = try await sql.raw("""
                SELECT service_id, bm25(\(unsafeRaw: F.index), 0.0, 5.0, 1.0) AS rank FROM \(unsafeRaw: F.index)
                WHERE \(unsafeRaw: F.index) MATCH \(bind: query.fts5) ORDER BY rank LIMIT 1000
                """).all()
            return try rows.compactMap { row -> Hit? in
                guard let id = UUID(uuidString: try row.decode(column: "service_id", as: String.self)) else { return nil }
                return Hit(serviceID: id, score: -(try row.decode(column: "rank", as: Double.self)))
            }
        }
        let rows = try await sql.raw("""
            SELECT service_id, ts_rank(document, q) AS rank FROM \(unsafeRaw: F.index), to_tsquery('simple', \(bind: query.tsquery)) q
            WHERE document @@ q ORDER BY rank DESC LIMIT 1000
            """).all()
        return try rows.map { Hit(serviceID: try $0.decode(column: "service_id", as: UUID.self), score: Double(try $0.decode(column: "rank", as: Float.self))) }
    }
}
