import Fluent
import SoplaCore
import SQLKit

/// The Wegweiser's search index: a full-text index of every service's words (SQLite FTS5, PostgreSQL `tsvector` with a
/// GIN index), which data it was built from, and the search words planners keep per category; and the provider's
/// answer to a rejected proposal.
struct CreateServiceSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        typealias W = ServiceCategorySynonymsFields
        try await database.schema(W.schema).id().field(W.code, .string, .required).field(W.words, .string, .required).unique(on: W.code).create()
        // The seeded categories get the words people commonly search with; planners change them.
        for (code, words) in ServiceCategory.seedSynonyms.sorted(by: { $0.key < $1.key })
        where try await ServiceCategoryModel.query(on: database).filter(\.$code == code).first() != nil {
            try await ServiceCategorySynonymsModel(code: code, words: words).create(on: database)
        }
        typealias P = ServiceProposalFields
        // One column per statement: SQLite adds only one at a time.
        try await database.schema(P.schema).field(P.answer, .string).update()
        try await database.schema(P.schema).field(P.answeredBy, .string).update()
        try await database.schema(P.schema).field(P.answeredAt, .datetime).update()
        guard let sql = database as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
        typealias S = ServiceSearchFields
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE \(unsafeRaw: S.index) USING fts5(service_id UNINDEXED, title, body, tokenize = 'unicode61')").run()
            try await sql.raw("CREATE VIRTUAL TABLE \(unsafeRaw: S.vocabulary) USING fts5vocab(\(unsafeRaw: S.index), 'row')").run()
        } else {
            try await sql.raw("""
                CREATE TABLE \(unsafeRaw: S.index) (service_id uuid PRIMARY KEY, title text NOT NULL, body text NOT NULL,
                    document tsvector NOT NULL)
                """).run()
            try await sql.raw("CREATE INDEX \(unsafeRaw: S.index)_document ON \(unsafeRaw: S.index) USING GIN (document)").run()
        }
        try await sql.raw("CREATE TABLE \(unsafeRaw: S.state) (name text PRIMARY KEY, built_from text NOT NULL)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
        typealias S = ServiceSearchFields
        try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: S.state)").run()
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: S.vocabulary)").run() }
        try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: S.index)").run()
        try await database.schema(ServiceCategorySynonymsFields.schema).delete()
        typealias P = ServiceProposalFields
        for field in [P.answer, P.answeredBy, P.answeredAt] { try await database.schema(P.schema).deleteField(field).update() }
    }
}
