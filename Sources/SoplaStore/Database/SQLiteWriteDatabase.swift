import Fluent
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import SQLKit

/// SQLite under parallel requests. Each connection runs in WAL mode (readers never block the writer) with a busy
/// timeout; a transaction takes the write lock when it begins (`BEGIN IMMEDIATE`), so two transactions that read and
/// then write cannot deadlock; and a statement or transaction that still meets a locked database is run again after
/// a short pause, so parallel writes wait for each other instead of failing with "database is locked".
struct SQLiteWriting: Sendable {
    /// How long one statement waits for a lock held by another connection before SQLite gives up.
    var busyTimeoutMilliseconds = 5_000
    /// How often a statement or transaction is tried in all.
    var attempts = 8

    /// Runs `body` again, after a growing pause, while the database is locked by another connection.
    func retrying<T>(logger: Logger, _ body: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch where Self.isBusy(error) && attempt < attempts {
                logger.debug("the database is locked; trying again (attempt \(attempt + 1) of \(attempts))")
                let pause = min(2_000, 25 << attempt) + Int.random(in: 0...50)
                try await Task.sleep(nanoseconds: UInt64(pause) * 1_000_000)
                attempt += 1
            }
        }
    }

    /// SQLITE_BUSY and SQLITE_LOCKED in all their variants: another connection holds the lock.
    static func isBusy(_ error: any Error) -> Bool {
        if let error = error as? SQLiteError {
            switch error.reason {
            case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked, .lockedBySharedCache: return true
            default: return false
            }
        }
        return String(describing: error).contains("database is locked")
    }
}

/// Connections that already run with sopla's settings. The pool keeps its connections, so this stays small; it holds
/// them strongly so that a new connection never takes the identity of a closed one.
final class SQLiteConnectionSetup: Sendable {
    let writing: SQLiteWriting
    private let prepared = NIOLockedValueBox([ObjectIdentifier: SQLiteConnection]())

    init(writing: SQLiteWriting) {
        self.writing = writing
    }

    /// Sets the busy timeout (per connection) and WAL mode (kept in the file) on a connection's first use.
    func prepare(_ connection: SQLiteConnection) async throws {
        let id = ObjectIdentifier(connection)
        if prepared.withLockedValue({ $0[id] != nil }) { return }
        _ = try await connection.query("PRAGMA busy_timeout = \(writing.busyTimeoutMilliseconds)")
        // Deleted and overwritten content is zeroed in the file (an erased person's name must not linger in free pages).
        _ = try await connection.query("PRAGMA secure_delete = ON")
        // The first connection switches the file to WAL; the mode stays, so a failure here (another connection
        // busy at that moment) is repeated by the next connection.
        do {
            _ = try await connection.query("PRAGMA journal_mode = WAL")
        } catch {
            connection.logger.debug("WAL mode not set yet: \(error)")
        }
        prepared.withLockedValue { $0[id] = connection }
    }

    /// The connection underneath a database pinned to one connection.
    func prepare(_ database: any Database) async throws {
        guard let sqlite = database as? any SQLiteDatabase else { return }
        let connection = try await sqlite.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
        try await prepare(connection)
    }
}

/// The configuration of fluent-sqlite-driver, with sopla's write rules around every database it makes.
struct SQLiteWriteConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let writing: SQLiteWriting

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    /// SQLite's calls block a thread, a writer waiting for the lock for up to the busy timeout. The driver gets threads
    /// of its own, one more than it has connections (one per event loop): a waiting writer can never take the thread
    /// the lock holder needs to finish, and nothing else of the application waits behind them.
    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        var loops = 0
        var iterator = databases.eventLoopGroup.makeIterator()
        while iterator.next() != nil { loops += 1 }
        let threads = NIOThreadPool(numberOfThreads: max(2, loops + 1))
        threads.start()
        let own = Databases(threadPool: threads, on: databases.eventLoopGroup)
        return SQLiteWriteDriver(inner: base.makeDriver(for: own), setup: SQLiteConnectionSetup(writing: writing), threads: threads)
    }
}

struct SQLiteWriteDriver: DatabaseDriver {
    let inner: any DatabaseDriver
    let setup: SQLiteConnectionSetup
    let threads: NIOThreadPool

    func makeDatabase(with context: DatabaseContext) -> any Database {
        SQLiteWriteDatabase(inner: inner.makeDatabase(with: context), setup: setup, inTransaction: false)
    }

    func shutdown() {
        inner.shutdown()
        try? threads.syncShutdownGracefully()
    }

    func shutdownAsync() async {
        await inner.shutdownAsync()
        try? await threads.shutdownGracefully()
    }
}

/// A Fluent SQLite database that prepares its connections, begins transactions with the write lock, and retries
/// what meets a locked database. Inside a transaction nothing is retried alone: the whole transaction is.
struct SQLiteWriteDatabase: Database, SQLDatabase, SQLiteDatabase {
    let inner: any Database
    let setup: SQLiteConnectionSetup
    let inTransaction: Bool

    var context: DatabaseContext { inner.context }

    private var sqlInner: any SQLDatabase {
        // fluent-sqlite-driver's database speaks SQL; anything else is a programming error.
        inner as! any SQLDatabase
    }

    private var sqliteInner: any SQLiteDatabase {
        inner as! any SQLiteDatabase
    }

    /// One statement: on a prepared connection, again while the database is locked (outside a transaction).
    private func statement<T: Sendable>(_ run: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction { return try await run(inner) }
        let setup = self.setup
        return try await setup.writing.retrying(logger: logger) {
            try await inner.withConnection { connection in
                try await setup.prepare(connection)
                return try await run(connection)
            }
        }
    }

    // MARK: Database

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        if inTransaction { return inner.execute(query: query, onOutput: onOutput) }
        return eventLoop.makeFutureWithTask { try await statement { try await $0.execute(query: query, onOutput: onOutput).get() } }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        if inTransaction { return inner.execute(schema: schema) }
        return eventLoop.makeFutureWithTask { try await statement { try await $0.execute(schema: schema).get() } }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        inner.execute(enum: `enum`)
    }

    func transaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if inTransaction { return closure(self) }
        return eventLoop.makeFutureWithTask { try await writeTransaction { try await closure($0).get() } }
    }

    /// `BEGIN IMMEDIATE` … `COMMIT` on one prepared connection, the whole of it again while the database is locked.
    func writeTransaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let setup = self.setup
        return try await setup.writing.retrying(logger: logger) {
            try await inner.withConnection { connection in
                try await setup.prepare(connection)
                guard let sql = connection as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
                try await sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
                do {
                    let result = try await closure(SQLiteWriteDatabase(inner: connection, setup: setup, inTransaction: true))
                    try await sql.raw("COMMIT TRANSACTION").run()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK TRANSACTION").run()
                    throw error
                }
            }
        }
    }

    func withConnection<T: Sendable>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let setup = self.setup, inTransaction = self.inTransaction
        return inner.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await setup.prepare(connection)
                return try await closure(SQLiteWriteDatabase(inner: connection, setup: setup, inTransaction: inTransaction)).get()
            }
        }
    }

    // MARK: SQLDatabase

    var dialect: any SQLDialect { sqlInner.dialect }
    var version: (any SQLDatabaseReportedVersion)? { sqlInner.version }
    var queryLogLevel: Logger.Level? { sqlInner.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        if inTransaction { return sqlInner.execute(sql: query, onRow) }
        return eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if inTransaction { return try await sqlInner.execute(sql: query, onRow) }
        try await statement { connection in
            guard let sql = connection as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
            try await sql.execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await sqlInner.withSession(closure)
    }

    // MARK: SQLiteDatabase

    func query(_ query: String, _ binds: [SQLiteData], logger: Logger, _ onRow: @escaping @Sendable (SQLiteRow) -> Void) -> EventLoopFuture<Void> {
        if inTransaction { return sqliteInner.query(query, binds, logger: logger, onRow) }
        return eventLoop.makeFutureWithTask {
            try await statement { connection in
                guard let sqlite = connection as? any SQLiteDatabase else { throw StoreError.corrupt("the database is not SQLite") }
                try await sqlite.query(query, binds, logger: logger, onRow).get()
            }
        }
    }

    /// The raw connection, as it is: sopla reaches its connections through Fluent, SQLKit and `query`, which prepare them.
    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        sqliteInner.withConnection(closure)
    }
}
