import Fluent
import FluentSQL
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import SoplaCore

public enum IndicatorStoreError: Error, Equatable, Sendable {
    case notFound
    case duplicate(field: String)
    /// The transition does not apply to the current state (e.g. publishing an archived indicator: restore it).
    case transitionNotAllowed(from: CatalogueState)
    /// An indicator is published only when its variables are: these (codes) are not.
    case variablesNotPublished([String])
    /// A variable is archived only when no published indicator uses it: these (codes) do.
    case usedByPublishedIndicators([String])
    /// Deleting is refused while something refers to the record; it can be archived instead.
    case inUse([CatalogueUse])
    /// The import's run was marked interrupted (sopla restarted while it ran): its staged values are gone.
    case importInterrupted
}

/// Variables, indicators, observations with their revisions, imports, mappings, reference values and rules.
/// Every change writes its audit entry in the same transaction.
public struct IndicatorStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    static let area = "indicators"

    var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
            return sql
        }
    }

    public func dataVersion() async throws -> Int {
        try await DataVersionModel.query(on: database).filter(\.$area == Self.area).first()?.version ?? 0
    }

    static func audit(_ action: AuditAction, entity: String, id: String, label: String, before: [String: String], after: [String: String],
                      actor: AuditActor, at: Date, on db: any Database) async throws {
        let changes = FieldChange.diff(before: before, after: after)
        guard !changes.isEmpty || action != .update else { return }
        try await AuditEntryModel(AuditEntry(id: UUID(), at: at, actor: actor, action: action, entityType: entity, entityID: id,
                                             entityLabel: label, changes: changes)).create(on: db)
    }

    // MARK: Variables

    /// Every variable by its code (codes are unique).
    public func variablesByCode() async throws -> [String: Variable] {
        Dictionary(try await variables().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func variables() async throws -> [Variable] {
        try await VariableModel.query(on: database).sort(\.$code).all().map { $0.toDomain() }
    }

    public func variable(code: String) async throws -> Variable? {
        try await VariableModel.query(on: database).filter(\.$code == code).first()?.toDomain()
    }

    /// Creates or updates a variable (by code). A new one takes the variable's state; an existing one keeps its own,
    /// which changes only through `transition`.
    public func save(_ variable: Variable, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let existing = try await VariableModel.query(on: db).filter(\.$code == variable.code).first()
            let stored = existing?.toDomain()
            let before = stored?.auditFields ?? [:]
            var variable = variable
            if let stored { variable.state = stored.state }
            let model = existing ?? VariableModel(variable)
            model.update(from: variable)
            try await model.save(on: db)
            try await Self.audit(existing == nil ? .create : .update, entity: AuditEntity.variable, id: variable.code, label: variable.nameDE,
                                 before: before, after: variable.auditFields, actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }

    // MARK: Indicators

    public func indicators() async throws -> [Indicator] {
        try await IndicatorModel.query(on: database).sort(\.$code).all().map { try $0.toDomain() }
    }

    public func indicator(code: String) async throws -> Indicator? {
        try await IndicatorModel.query(on: database).filter(\.$code == code).first()?.toDomain()
    }

    /// Creates or updates an indicator (by code). A new one takes the indicator's state; an existing one keeps its own,
    /// which changes only through `transition`.
    public func save(_ indicator: Indicator, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let existing = try await IndicatorModel.query(on: db).filter(\.$code == indicator.code).first()
            let stored = try existing?.toDomain()
            let before = stored?.auditFields ?? [:]
            var indicator = indicator
            if let stored { indicator.state = stored.state }
            let model = existing ?? IndicatorModel(indicator)
            model.update(from: indicator)
            try await model.save(on: db)
            try await Self.audit(existing == nil ? .create : .update, entity: AuditEntity.indicator, id: indicator.code, label: indicator.nameDE,
                                 before: before, after: indicator.auditFields, actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }

    // MARK: Lifecycle

    /// Publishes, archives or restores a variable; archiving is refused while a published indicator uses it. Audited
    /// as a change of the field `state`. Returns the new state.
    @discardableResult
    public func transition(variable code: String, _ transition: CatalogueTransition, actor: AuditActor, at: Date) async throws -> CatalogueState {
        try await database.transaction { db in
            guard let model = try await VariableModel.query(on: db).filter(\.$code == code).first() else { throw IndicatorStoreError.notFound }
            let before = model.toDomain()
            guard let target = transition.target(from: before.state) else { throw IndicatorStoreError.transitionNotAllowed(from: before.state) }
            if target != .published {
                let indicators = try await IndicatorModel.query(on: db).all().map { try $0.toDomain() }
                let users = CatalogueLifecycle.publishedIndicators(using: code, in: indicators)
                if !users.isEmpty { throw IndicatorStoreError.usedByPublishedIndicators(users.map(\.code)) }
            }
            model.state = target.rawValue
            try await model.save(on: db)
            try await Self.audit(.update, entity: AuditEntity.variable, id: code, label: before.nameDE, before: before.auditFields,
                                 after: model.toDomain().auditFields, actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
            return target
        }
    }

    /// Publishes, archives or restores an indicator; publishing (and restoring) is refused while one of its variables
    /// is not published. Audited as a change of the field `state`. Returns the new state.
    @discardableResult
    public func transition(indicator code: String, _ transition: CatalogueTransition, actor: AuditActor, at: Date) async throws -> CatalogueState {
        try await database.transaction { db in
            guard let model = try await IndicatorModel.query(on: db).filter(\.$code == code).first() else { throw IndicatorStoreError.notFound }
            let before = try model.toDomain()
            guard let target = transition.target(from: before.state) else { throw IndicatorStoreError.transitionNotAllowed(from: before.state) }
            if target == .published {
                let variables = try await VariableModel.query(on: db).filter(\.$code ~~ Array(before.variables)).all().map { $0.toDomain() }
                let unpublished = CatalogueLifecycle.unpublishedVariables(of: before, variables: Dictionary(variables.map { ($0.code, $0) }) { a, _ in a })
                if !unpublished.isEmpty { throw IndicatorStoreError.variablesNotPublished(unpublished) }
            }
            model.state = target.rawValue
            try await model.save(on: db)
            try await Self.audit(.update, entity: AuditEntity.indicator, id: code, label: before.nameDE, before: before.auditFields,
                                 after: try model.toDomain().auditFields, actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
            return target
        }
    }

    /// What refers to a variable (see `CatalogueLifecycle.uses(ofVariable:)`); empty when it can be deleted.
    public func uses(ofVariable code: String) async throws -> [CatalogueUse] {
        try await Self.uses(ofVariable: code, on: database)
    }

    /// What refers to an indicator (see `CatalogueLifecycle.uses(ofIndicator:)`); empty when it can be deleted.
    public func uses(ofIndicator code: String) async throws -> [CatalogueUse] {
        try await Self.uses(ofIndicator: code, on: database)
    }

    static func uses(ofVariable code: String, on db: any Database) async throws -> [CatalogueUse] {
        guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
        let observations = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(ObservationFields.schema)
            .where(SQLIdentifier(ObservationFields.variable), .equal, SQLBind(code)).first()?.decode(column: "n", as: Int.self) ?? 0
        let indicators = try await IndicatorModel.query(on: db).all().map { try $0.toDomain() }
        let references = try await ReferenceValueModel.query(on: db).filter(\.$indicatorCode == code).all().compactMap { $0.toDomain() }
        let rules = try await ValidationRuleModel.query(on: db).filter(\.$target == code).all().compactMap { $0.toDomain() }
        let tables = try await ColumnMappingModel.query(on: db).filter(\.$variable == code).filter(\.$ignored == false).all().map(\.tableCode)
        return CatalogueLifecycle.uses(ofVariable: code, observationCount: observations, indicators: indicators, referenceValues: references,
                                       rules: rules, mappedTables: tables)
    }

    static func uses(ofIndicator code: String, on db: any Database) async throws -> [CatalogueUse] {
        let reportStore = ReportStore(database: db)
        let agreements = try await FundingStore(database: db).all(.agreement, as: GrantAgreement.self).map(\.value)
            .filter { $0.targets.contains { $0.indicatorCode == code } }.map(\.reference)
        let references = try await ReferenceValueModel.query(on: db).filter(\.$indicatorCode == code).all().compactMap { $0.toDomain() }
        let rules = try await ValidationRuleModel.query(on: db).filter(\.$target == code).all().compactMap { $0.toDomain() }
        return CatalogueLifecycle.uses(ofIndicator: code, reports: try await reportStore.reports(usingIndicator: code),
                                       editions: try await reportStore.editions(usingIndicator: code),
                                       referenceValues: references, rules: rules, agreementTitles: agreements)
    }

    /// Deletes a variable nothing refers to (else `inUse`, naming what does); audited with every field, so its history
    /// stays in the audit log.
    public func deleteVariable(code: String, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await VariableModel.query(on: db).filter(\.$code == code).first() else { throw IndicatorStoreError.notFound }
            let uses = try await Self.uses(ofVariable: code, on: db)
            guard uses.isEmpty else { throw IndicatorStoreError.inUse(uses) }
            let variable = model.toDomain()
            try await model.delete(on: db)
            try await Self.audit(.delete, entity: AuditEntity.variable, id: code, label: variable.nameDE, before: variable.auditFields, after: [:],
                                 actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }

    /// Deletes an indicator nothing refers to (else `inUse`, naming what does); audited with every field, so its
    /// history stays in the audit log.
    public func deleteIndicator(code: String, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await IndicatorModel.query(on: db).filter(\.$code == code).first() else { throw IndicatorStoreError.notFound }
            let uses = try await Self.uses(ofIndicator: code, on: db)
            guard uses.isEmpty else { throw IndicatorStoreError.inUse(uses) }
            let indicator = try model.toDomain()
            try await model.delete(on: db)
            try await Self.audit(.delete, entity: AuditEntity.indicator, id: code, label: indicator.nameDE, before: indicator.auditFields, after: [:],
                                 actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }

    // MARK: Observations

    /// The values of the variables (all dates, or only the given ones): the latest released revisions, or the
    /// current ones with those not yet released listed in `unreleased`.
    public func observations(variables: Set<String>, dates: Set<Day>? = nil, selection: ObservationSelection = .released) async throws -> ObservationTable {
        guard !variables.isEmpty else { return ObservationTable() }
        typealias F = ObservationFields
        var query = try sql.select()
            .columns(F.variable, F.unitKey, F.referenceDate, F.breakdown, F.value, F.status, F.isPublic)
            .from(F.schema)
            .where(SQLIdentifier(F.variable), .in, SQLBind.group(variables.sorted()))
            .where(SQLIdentifier(Self.selectionColumn(selection)), .equal, SQLBind(true))
        if let dates { query = query.where(SQLIdentifier(F.referenceDate), .in, SQLBind.group(dates.map(\.iso))) }
        var table = ObservationTable()
        for row in try await query.all() {
            guard let day = Day(iso: try row.decode(column: F.referenceDate, as: String.self)),
                  let breakdown = Breakdown(canonical: try row.decode(column: F.breakdown, as: String.self)),
                  let status = ValueStatus(rawValue: try row.decode(column: F.status, as: String.self)) else { continue }
            let observation = Observation(try row.decode(column: F.variable, as: String.self), try row.decode(column: F.unitKey, as: String.self), day,
                                          try row.decode(column: F.value, as: Double?.self), breakdown: breakdown, status: status)
            table.insert(observation)
            if selection == .current, !(try row.decode(column: F.isPublic, as: Bool.self)) { table.unreleased.insert(observation.key) }
        }
        return table
    }

    /// Reference dates with values (released, or current), per variable.
    public func dates(variables: Set<String>, selection: ObservationSelection = .released) async throws -> [Day] {
        guard !variables.isEmpty else { return [] }
        typealias F = ObservationFields
        let rows = try await sql.select().distinct().column(F.referenceDate).from(F.schema)
            .where(SQLIdentifier(F.variable), .in, SQLBind.group(variables.sorted()))
            .where(SQLIdentifier(Self.selectionColumn(selection)), .equal, SQLBind(true)).all()
        return try rows.compactMap { Day(iso: try $0.decode(column: F.referenceDate, as: String.self)) }.sorted()
    }

    /// The flag that marks the selected revision of each key.
    static func selectionColumn(_ selection: ObservationSelection) -> String {
        selection == .current ? ObservationFields.isCurrent : ObservationFields.isPublic
    }

    /// Every revision of one value, newest first: value, status, revision, when, from which import.
    public func revisions(_ key: ObservationKey) async throws -> [(value: Double?, status: ValueStatus, revision: Int, recordedAt: Date, importID: UUID?)] {
        typealias F = ObservationFields
        let rows = try await sql.select().columns(F.value, F.status, F.revision, F.recordedAt, F.importID).from(F.schema)
            .where(SQLIdentifier(F.variable), .equal, SQLBind(key.variable)).where(SQLIdentifier(F.unitKey), .equal, SQLBind(key.unitKey))
            .where(SQLIdentifier(F.referenceDate), .equal, SQLBind(key.date.iso)).where(SQLIdentifier(F.breakdown), .equal, SQLBind(key.breakdown.canonical))
            .orderBy(F.revision, .descending).all()
        return try rows.map {
            (try $0.decode(column: F.value, as: Double?.self), ValueStatus(rawValue: try $0.decode(column: F.status, as: String.self)) ?? .final,
             try $0.decode(column: F.revision, as: Int.self), try $0.decode(column: F.recordedAt, as: Date.self), try $0.decode(column: F.importID, as: UUID?.self))
        }
    }

    /// Every stored value of a variable for one unit, all dates, breakdowns and revisions (newest first).
    public func history(variable: String, unitKey: String) async throws -> [ObservationRevision] {
        typealias F = ObservationFields
        let rows = try await sql.select().columns(F.referenceDate, F.breakdown, F.value, F.status, F.revision, F.isCurrent, F.recordedAt, F.importID, F.isPublic).from(F.schema)
            .where(SQLIdentifier(F.variable), .equal, SQLBind(variable)).where(SQLIdentifier(F.unitKey), .equal, SQLBind(unitKey))
            .orderBy(F.referenceDate, .descending).orderBy(F.breakdown).orderBy(F.revision, .descending).all()
        return try rows.compactMap { row in
            guard let day = Day(iso: try row.decode(column: F.referenceDate, as: String.self)),
                  let breakdown = Breakdown(canonical: try row.decode(column: F.breakdown, as: String.self)) else { return nil }
            var revision = ObservationRevision(date: day, breakdown: breakdown, value: try row.decode(column: F.value, as: Double?.self),
                                               status: ValueStatus(rawValue: try row.decode(column: F.status, as: String.self)) ?? .final,
                                               revision: try row.decode(column: F.revision, as: Int.self), isCurrent: try row.decode(column: F.isCurrent, as: Bool.self),
                                               recordedAt: try row.decode(column: F.recordedAt, as: Date.self), importID: try row.decode(column: F.importID, as: UUID?.self))
            revision.isPublic = try row.decode(column: F.isPublic, as: Bool.self)
            return revision
        }
    }

    /// Number of stored values (all revisions) and current values.
    public func observationCount() async throws -> (all: Int, current: Int) {
        typealias F = ObservationFields
        let all = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(F.schema).first()?.decode(column: "n", as: Int.self) ?? 0
        let current = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(F.schema)
            .where(SQLIdentifier(F.isCurrent), .equal, SQLBind(true)).first()?.decode(column: "n", as: Int.self) ?? 0
        return (all, current)
    }

    // MARK: Staging and committing an import

    static let stagingColumns = [ImportStagingFields.importID, ObservationFields.variable, ObservationFields.unitKey, ObservationFields.referenceDate,
                                 ObservationFields.breakdown, ObservationFields.value, ObservationFields.status]

    /// Adds values to an import's staging area (not visible anywhere until committed).
    public func stage(importID: UUID, _ observations: [Observation]) async throws {
        guard !observations.isEmpty else { return }
        if database is any SQLiteDatabase {
            // SQLite directly: plain values, no encoder per bind (the importer's hot path); one transaction per call,
            // so a batch costs one commit and holds the write lock only while it is written.
            try await database.transaction { db in
                guard let sqlite = db as? any SQLiteDatabase else { throw StoreError.corrupt("the database is not SQLite") }
                try await Self.insertStaged(observations, importID: importID, into: sqlite)
            }
            return
        }
        if let postgres = database as? any PostgresDatabase {
            try await Self.copy(observations, importID: importID, into: postgres)
            return
        }
        let sql = try sql
        // 2,000 rows × 7 values stays below both databases' limit of bound parameters.
        for start in stride(from: 0, to: observations.count, by: 2000) {
            var insert = sql.insert(into: ImportStagingFields.schema).columns(Self.stagingColumns)
            for observation in observations[start..<min(start + 2000, observations.count)] {
                let key = observation.key
                insert = insert.values([SQLBind(importID), SQLBind(key.variable), SQLBind(key.unitKey), SQLBind(key.date.iso), SQLBind(key.breakdown.canonical),
                                        SQLBind(observation.value), SQLBind(observation.status.rawValue)])
            }
            try await insert.run()
        }
    }

    /// SQLite: multi-row inserts of 4,000 rows (28,000 parameters, below SQLite's limit of 32,766).
    static func insertStaged(_ observations: [Observation], importID: UUID, into sqlite: any SQLiteDatabase) async throws {
        let rowsPerStatement = 4000
        for start in stride(from: 0, to: observations.count, by: rowsPerStatement) {
            let slice = observations[start..<min(start + rowsPerStatement, observations.count)]
            var text = "INSERT INTO \(ImportStagingFields.schema) (" + Self.stagingColumns.joined(separator: ", ") + ") VALUES "
            text += Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: slice.count).joined(separator: ", ")
            var binds: [SQLiteData] = []
            binds.reserveCapacity(slice.count * 7)
            let id = SQLiteData.text(importID.uuidString)
            for observation in slice {
                let key = observation.key
                binds += [id, .text(key.variable), .text(key.unitKey), .text(key.date.iso), .text(key.breakdown.canonical),
                          observation.value.map { .float($0) } ?? .null, .text(observation.status.rawValue)]
            }
            _ = try await sqlite.query(text, binds)
        }
    }

    /// PostgreSQL: the values as one `COPY … FROM STDIN` in its text format — no statement to parse, no parameter to bind.
    static func copy(_ observations: [Observation], importID: UUID, into postgres: any PostgresDatabase) async throws {
        var text = ByteBuffer()
        text.reserveCapacity(observations.count * 80)
        let id = importID.uuidString
        let tab = UInt8(ascii: "\t")
        for observation in observations {
            let key = observation.key
            text.writeString(id)
            text.writeInteger(tab)
            Self.appendCopyText(key.variable, to: &text)
            text.writeInteger(tab)
            Self.appendCopyText(key.unitKey, to: &text)
            text.writeInteger(tab)
            text.writeString(key.date.iso)
            text.writeInteger(tab)
            if !key.breakdown.categories.isEmpty { Self.appendCopyText(key.breakdown.canonical, to: &text) }
            text.writeInteger(tab)
            if let value = observation.value {
                // Whole numbers (most counts) without the detour through a floating-point description.
                if value.rounded() == value, abs(value) < 1e15 { text.writeString(String(Int64(value))) } else { text.writeString(String(value)) }
            } else {
                text.writeStaticString("\\N")
            }
            text.writeInteger(tab)
            text.writeString(observation.status.rawValue)
            text.writeInteger(UInt8(ascii: "\n"))
        }
        let logger = postgres.logger, rows = text
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: ImportStagingFields.schema, columns: Self.stagingColumns, logger: logger) { writer in
                    try await writer.write(rows)
                }
            }
        }.get()
    }

    /// A field of COPY's text format: backslash, tab, newline and carriage return escaped.
    static func appendCopyText(_ field: String, to buffer: inout ByteBuffer) {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
            buffer.writeString(field)
            return
        }
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    /// How many values an import has staged and not yet committed or discarded.
    public func stagedCount(importID: UUID) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(ImportStagingFields.schema)
            .where(SQLIdentifier(ImportStagingFields.importID), .equal, SQLBind(importID)).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func discardStaged(importID: UUID) async throws {
        try await sql.delete(from: ImportStagingFields.schema).where(SQLIdentifier(ImportStagingFields.importID), .equal, SQLBind(importID)).run()
    }

    /// The staged values against the current ones: equal ones are dropped, changed ones become a new revision (the old
    /// one is kept), new ones are inserted — all in one transaction. With `dryRun` only counts, then discards.
    /// The new revisions are public at once only without an import run (the demo seed, computed series); an
    /// import run's values wait for its release.
    /// With `keepCurrent` a staged value for a key that has a current value is dropped whatever it is (the demo's seed
    /// run again: what a planner imported since stays current).
    public func commitStaged(importID: UUID, dryRun: Bool, at: Date, keepCurrent: Bool = false,
                             audit: @escaping @Sendable (ImportOutcome) -> AuditEntry?) async throws -> ImportOutcome {
        typealias F = ObservationFields
        let s = ImportStagingFields.schema, o = F.schema
        let sameKey = "o.\(F.variable) = \(s).\(F.variable) AND o.\(F.unitKey) = \(s).\(F.unitKey) AND o.\(F.referenceDate) = \(s).\(F.referenceDate) AND o.\(F.breakdown) = \(s).\(F.breakdown)"
        let sameValue = "(o.\(F.value) = \(s).\(F.value) OR (o.\(F.value) IS NULL AND \(s).\(F.value) IS NULL)) AND o.\(F.status) = \(s).\(F.status)"
        return try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
            // PostgreSQL: commits one at a time, and no import stages rows meanwhile (locked before anything is read, so
            // two commits never wait for each other's lock).
            if sql.dialect.name != "sqlite" { try await sql.raw("LOCK TABLE \(unsafeRaw: s) IN ACCESS EXCLUSIVE MODE").run() }
            if keepCurrent { try await sql.raw("""
                DELETE FROM \(unsafeRaw: s) WHERE \(unsafeRaw: ImportStagingFields.importID) = \(bind: importID)
                AND EXISTS (SELECT 1 FROM \(unsafeRaw: o) o WHERE o.\(unsafeRaw: F.isCurrent) = \(unsafeRaw: Self.trueLiteral(sql)) AND \(unsafeRaw: sameKey))
                """).run() }
            // The usual first import of a variable: nothing stored yet for any staged variable, so every staged value is new
            // and no key needs looking up (one pass over the staged values instead of one index probe per value).
            let anyStored = try await sql.raw("""
                SELECT COUNT(*) AS total, EXISTS (SELECT 1 FROM \(unsafeRaw: o) o WHERE o.\(unsafeRaw: F.variable) IN
                    (SELECT \(unsafeRaw: F.variable) FROM \(unsafeRaw: s) WHERE \(unsafeRaw: ImportStagingFields.importID) = \(bind: importID))) AS stored
                FROM \(unsafeRaw: s) WHERE \(unsafeRaw: ImportStagingFields.importID) = \(bind: importID)
                """).first()
            let stored = try anyStored?.decode(column: "stored", as: Bool.self) ?? true
            // One pass: every staged value, whether a current value exists for its key, and whether it is equal.
            let counts = stored ? try await sql.raw("""
                SELECT COUNT(*) AS total, COUNT(o.\(unsafeRaw: F.variable)) AS existing,
                       COALESCE(SUM(CASE WHEN \(unsafeRaw: sameValue) THEN 1 ELSE 0 END), 0) AS unchanged
                FROM \(unsafeRaw: s) LEFT JOIN \(unsafeRaw: o) o ON o.\(unsafeRaw: F.isCurrent) = \(unsafeRaw: Self.trueLiteral(sql)) AND \(unsafeRaw: sameKey)
                WHERE \(unsafeRaw: s).\(unsafeRaw: ImportStagingFields.importID) = \(bind: importID)
                """).first() : anyStored
            let total = try counts?.decode(column: "total", as: Int.self) ?? 0
            let existing = stored ? try counts?.decode(column: "existing", as: Int.self) ?? 0 : 0
            let unchanged = stored ? try counts?.decode(column: "unchanged", as: Int.self) ?? 0 : 0
            let current = "EXISTS (SELECT 1 FROM \(o) o WHERE o.\(F.isCurrent) = \(Self.trueLiteral(sql)) AND \(sameKey)"
            let outcome = ImportOutcome(inserted: total - existing, revised: existing - unchanged, unchanged: unchanged)
            guard !dryRun, outcome.changesData else {
                try await Self.clearStaged(importID: importID, on: sql)
                return outcome
            }
            let runModel = try await ImportRunModel.find(importID, on: db)
            // A run marked interrupted (sopla restarted meanwhile) has lost its staged values: store none of the rest.
            if let runModel, runModel.state != ImportRun.State.running.rawValue { throw IndicatorStoreError.importInterrupted }
            let released = runModel == nil
            if existing > 0 {
                try await sql.raw("DELETE FROM \(unsafeRaw: s) WHERE \(unsafeRaw: ImportStagingFields.importID) = \(bind: importID) AND \(unsafeRaw: current) AND \(unsafeRaw: sameValue))").run()
            }
            // The staged keys as one set, matched against the stored keys by their index: a correlated EXISTS over the
            // unindexed staging table compared every stored value with every staged one (minutes for 46,000 values).
            let keyColumns = [F.variable, F.unitKey, F.referenceDate, F.breakdown].joined(separator: ", ")
            let stagedKeys = "(\(keyColumns)) IN (SELECT \(keyColumns) FROM \(s) WHERE \(ImportStagingFields.importID) = "
            if existing > 0 { try await sql.raw("""
                UPDATE \(unsafeRaw: o) SET \(unsafeRaw: F.isCurrent) = \(bind: false)
                WHERE \(unsafeRaw: F.isCurrent) = \(bind: true) AND \(unsafeRaw: stagedKeys)\(bind: importID))
                """).run() }
            // Released at once: the new revision is the newest released one, so it replaces the public one.
            if existing > 0, released { try await sql.raw("""
                UPDATE \(unsafeRaw: o) SET \(unsafeRaw: F.isPublic) = \(bind: false)
                WHERE \(unsafeRaw: F.isPublic) = \(bind: true) AND \(unsafeRaw: stagedKeys)\(bind: importID))
                """).run() }
            // Without earlier values (the usual first import) every revision is 1: no lookup per row.
            let revision = existing > 0 ? "COALESCE((SELECT MAX(o.\(F.revision)) FROM \(o) o WHERE \(sameKey)), 0) + 1" : "1"
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: o) (\(unsafeRaw: F.variable), \(unsafeRaw: F.unitKey), \(unsafeRaw: F.referenceDate), \(unsafeRaw: F.breakdown), \(unsafeRaw: F.value), \(unsafeRaw: F.status), \(unsafeRaw: F.revision), \(unsafeRaw: F.isCurrent), \(unsafeRaw: F.importID), \(unsafeRaw: F.recordedAt), \(unsafeRaw: F.isPublic))
                SELECT \(unsafeRaw: s).\(unsafeRaw: F.variable), \(unsafeRaw: s).\(unsafeRaw: F.unitKey), \(unsafeRaw: s).\(unsafeRaw: F.referenceDate), \(unsafeRaw: s).\(unsafeRaw: F.breakdown), \(unsafeRaw: s).\(unsafeRaw: F.value), \(unsafeRaw: s).\(unsafeRaw: F.status),
                       \(unsafeRaw: revision), \(bind: true), \(unsafeRaw: s).\(unsafeRaw: ImportStagingFields.importID), \(bind: at), \(bind: released)
                FROM \(unsafeRaw: s) WHERE \(unsafeRaw: s).\(unsafeRaw: ImportStagingFields.importID) = \(bind: importID)
                """).run()
            try await Self.clearStaged(importID: importID, on: sql)
            if let entry = audit(outcome) { try await AuditEntryModel(entry).create(on: db) }
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
            return outcome
        }
    }

    /// Removes an import's staged values, inside the commit's transaction. Alone in the staging table (the usual case)
    /// it is emptied as a whole, which both databases do without visiting each row; otherwise row by row. No other
    /// import can stage rows in between: SQLite's transaction holds the write lock, PostgreSQL's has locked the table.
    static func clearStaged(importID: UUID, on sql: any SQLDatabase) async throws {
        let s = ImportStagingFields.schema, id = ImportStagingFields.importID
        let others = try await sql.raw("SELECT EXISTS (SELECT 1 FROM \(unsafeRaw: s) WHERE \(unsafeRaw: id) <> \(bind: importID)) AS others").first()?
            .decode(column: "others", as: Bool.self) ?? true
        if others {
            try await sql.delete(from: s).where(SQLIdentifier(id), .equal, SQLBind(importID)).run()
        } else {
            // SQLite's truncate optimisation: a DELETE without WHERE drops the table's pages at once.
            try await sql.raw(sql.dialect.name == "sqlite" ? "DELETE FROM \(unsafeRaw: s)" : "TRUNCATE \(unsafeRaw: s)").run()
        }
    }

    /// Imports that a stopped sopla left unfinished: their runs become failed with the reason `interrupted`, and every
    /// staged value of no running import goes. Returns the runs with the uploaded file they had kept (for removing it).
    /// Called once when a server starts, before it answers anything. A command
    /// import running meanwhile in another process is marked too, and its commit then refuses to store a part.
    public func recoverInterruptedImports(at: Date) async throws -> [ImportRun] {
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
            var recovered: [ImportRun] = []
            for model in try await ImportRunModel.query(on: db).filter(\.$state == ImportRun.State.running.rawValue).sort(\.$startedAt).all() {
                var run = Self.domain(model)
                run.state = .failed
                run.finishedAt = at
                run.issues = [DataImportIssue(line: 0, column: "", value: "", reason: .interrupted)]
                run.issueCount = 1
                let storedFile = run.storedFile
                run.storedFile = nil
                Self.copy(run, into: model)
                try await model.update(on: db)
                run.storedFile = storedFile
                recovered.append(run)
            }
            try await sql.raw("""
                DELETE FROM \(unsafeRaw: ImportStagingFields.schema) WHERE \(unsafeRaw: ImportStagingFields.importID) NOT IN
                    (SELECT id FROM \(unsafeRaw: ImportRunFields.schema) WHERE \(ident: ImportRunFields.state.description) = \(bind: ImportRun.State.running.rawValue))
                """).run()
            return recovered
        }
    }

    /// `true` as SQL: SQLite stores booleans as integers.
    static func trueLiteral(_ sql: any SQLDatabase) -> String {
        sql.dialect.name == "sqlite" ? "1" : "TRUE"
    }

    // MARK: Import runs

    public func create(_ run: ImportRun) async throws {
        let model = ImportRunModel()
        model.id = run.id
        Self.copy(run, into: model)
        try await model.create(on: database)
    }

    /// Takes a run that waits for its mapping on to `running`, once: of two clicks (two tabs, two people) at the same
    /// moment only one gets `true` and imports; the other is told the run is no longer waiting.
    public func resume(_ run: ImportRun) async throws -> Bool {
        let claimed = try await sql.raw("""
            UPDATE \(unsafeRaw: ImportRunFields.schema) SET \(ident: ImportRunFields.state.description) = \(bind: ImportRun.State.running.rawValue)
            WHERE id = \(bind: run.id) AND \(ident: ImportRunFields.state.description) = \(bind: ImportRun.State.needsMapping.rawValue) RETURNING id
            """).all()
        guard claimed.count == 1 else { return false }
        var resumed = run
        resumed.state = .running
        try await update(resumed)
        return true
    }

    /// How far a run has read, without touching anything else: a run that a restart's recovery marked failed meanwhile
    /// stays failed (writing the whole run would make it running again, and its commit would store the values staged after).
    public func progress(runID: UUID, bytesRead: Int64) async throws {
        try await sql.update(ImportRunFields.schema).set(SQLIdentifier(ImportRunFields.bytesRead.description), to: SQLBind(bytesRead))
            .where(SQLIdentifier("id"), .equal, SQLBind(runID)).run()
    }

    public func update(_ run: ImportRun) async throws {
        guard let model = try await ImportRunModel.find(run.id, on: database) else { throw IndicatorStoreError.notFound }
        Self.copy(run, into: model)
        try await model.update(on: database)
    }

    public func run(id: UUID) async throws -> ImportRun? {
        try await ImportRunModel.find(id, on: database).map(Self.domain)
    }

    public func runs(limit: Int = 50) async throws -> [ImportRun] {
        try await ImportRunModel.query(on: database).sort(\.$startedAt, .descending).limit(limit).all().map(Self.domain)
    }

    static func copy(_ run: ImportRun, into model: ImportRunModel) {
        let encoder = JSONEncoder()
        model.fileName = run.fileName
        model.sha256 = run.sha256
        model.format = run.format
        model.tableCode = run.tableCode
        model.actorID = run.actorID
        model.actorLabel = run.actorLabel
        model.startedAt = run.startedAt
        model.finishedAt = run.finishedAt
        model.state = run.state.rawValue
        model.dryRun = run.dryRun
        model.skipUnknownUnits = run.skipUnknownUnits
        model.bytesTotal = run.bytesTotal
        model.bytesRead = run.bytesRead
        model.inserted = run.outcome.inserted
        model.revised = run.outcome.revised
        model.unchanged = run.outcome.unchanged
        model.skipped = run.skipped
        model.referenceValues = run.referenceValues
        model.issueCount = run.issueCount
        model.issues = (try? encoder.encode(run.issues)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        model.variables = run.variables.joined(separator: ",")
        model.dates = run.dates.map(\.iso).joined(separator: ",")
        model.storedFile = run.storedFile
    }

    static func domain(_ model: ImportRunModel) -> ImportRun {
        var run = ImportRun(id: model.id ?? UUID(), fileName: model.fileName, sha256: model.sha256, actorID: model.actorID, actorLabel: model.actorLabel,
                            startedAt: model.startedAt, dryRun: model.dryRun, skipUnknownUnits: model.skipUnknownUnits, bytesTotal: model.bytesTotal)
        run.format = model.format
        run.tableCode = model.tableCode
        run.finishedAt = model.finishedAt
        run.state = ImportRun.State(rawValue: model.state) ?? .failed
        run.bytesRead = model.bytesRead
        run.outcome = ImportOutcome(inserted: model.inserted, revised: model.revised, unchanged: model.unchanged)
        run.skipped = model.skipped
        run.referenceValues = model.referenceValues ?? 0
        run.issueCount = model.issueCount
        run.issues = (try? JSONDecoder().decode([DataImportIssue].self, from: Data(model.issues.utf8))) ?? []
        run.variables = model.variables.split(separator: ",").map(String.init)
        run.dates = model.dates.split(separator: ",").compactMap { Day(iso: String($0)) }
        run.storedFile = model.storedFile
        run.release = ImportRelease(releasedAt: model.releasedAt, releasedBy: model.releasedBy, releaseReason: model.releaseReason,
                                    withdrawnAt: model.withdrawnAt, withdrawnBy: model.withdrawnBy, withdrawalReason: model.withdrawalReason)
        return run
    }

    // MARK: Column mappings

    public func mapping(tableCode: String) async throws -> ColumnMapping? {
        let rows = try await ColumnMappingModel.query(on: database).filter(\.$tableCode == tableCode).all()
        guard !rows.isEmpty else { return nil }
        var record = ColumnMapping(tableCode: tableCode)
        for row in rows {
            if row.ignored { record.ignored.insert(row.signature) } else {
                record.targets[row.signature] = IndicatorTerm(variable: row.variable, breakdown: Breakdown(canonical: row.breakdown) ?? .total)
            }
        }
        return record
    }

    /// Replaces the mapping of a table code.
    public func save(_ mapping: ColumnMapping, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let before = try await ColumnMappingModel.query(on: db).filter(\.$tableCode == mapping.tableCode).all()
            let beforeFields = Dictionary(before.map { ($0.signature, $0.ignored ? "–" : IndicatorTerm(variable: $0.variable, breakdown: Breakdown(canonical: $0.breakdown) ?? .total).description) }) { a, _ in a }
            try await ColumnMappingModel.query(on: db).filter(\.$tableCode == mapping.tableCode).delete()
            for (signature, term) in mapping.targets {
                try await ColumnMappingModel(tableCode: mapping.tableCode, signature: signature, variable: term.variable, breakdown: term.breakdown.canonical, ignored: false).create(on: db)
            }
            for signature in mapping.ignored {
                try await ColumnMappingModel(tableCode: mapping.tableCode, signature: signature, variable: "", breakdown: "", ignored: true).create(on: db)
            }
            try await Self.audit(before.isEmpty ? .create : .update, entity: AuditEntity.columnMapping, id: mapping.tableCode, label: mapping.tableCode,
                                 before: beforeFields, after: mapping.auditFields, actor: actor, at: at, on: db)
        }
    }

    // MARK: Reference values

    public func referenceValues(indicatorCode: String) async throws -> [ReferenceValue] {
        try await ReferenceValueModel.query(on: database).filter(\.$indicatorCode == indicatorCode).all().compactMap { $0.toDomain() }
            .sorted { ($0.label, $0.date) < ($1.label, $1.date) }
    }

    public func add(_ value: ReferenceValue, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            try await ReferenceValueModel(value).create(on: db)
            try await Self.audit(.create, entity: AuditEntity.referenceValue, id: value.id.uuidString, label: "\(value.indicatorCode): \(value.label)",
                                 before: [:], after: ["label": value.label, "date": value.date.iso, "value": String(value.value)], actor: actor, at: at, on: db)
        }
    }

    public func deleteReferenceValue(id: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await ReferenceValueModel.find(id, on: db), let value = model.toDomain() else { throw IndicatorStoreError.notFound }
            try await model.delete(on: db)
            try await Self.audit(.delete, entity: AuditEntity.referenceValue, id: id.uuidString, label: "\(value.indicatorCode): \(value.label)",
                                 before: ["label": value.label, "date": value.date.iso, "value": String(value.value)], after: [:], actor: actor, at: at, on: db)
        }
    }

    // MARK: Validation rules

    public func validationRules() async throws -> [ValidationRule] {
        try await ValidationRuleModel.query(on: database).all().compactMap { $0.toDomain() }
            .sorted { ($0.kind.rawValue, $0.target) < ($1.kind.rawValue, $1.target) }
    }

    public func add(_ rule: ValidationRule, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            try await ValidationRuleModel(rule).create(on: db)
            try await Self.audit(.create, entity: AuditEntity.validationRule, id: rule.id.uuidString, label: "\(rule.kind.rawValue) \(rule.target)",
                                 before: [:], after: rule.auditFields, actor: actor, at: at, on: db)
        }
    }

    public func deleteValidationRule(id: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await ValidationRuleModel.find(id, on: db), let rule = model.toDomain() else { throw IndicatorStoreError.notFound }
            try await model.delete(on: db)
            try await Self.audit(.delete, entity: AuditEntity.validationRule, id: id.uuidString, label: "\(rule.kind.rawValue) \(rule.target)",
                                 before: rule.auditFields, after: [:], actor: actor, at: at, on: db)
        }
    }
}

extension ColumnMapping {
    var auditFields: [String: String] {
        var fields = targets.mapValues(\.description)
        for signature in ignored { fields[signature] = "–" }
        return fields
    }
}

extension ValidationRule {
    var auditFields: [String: String] {
        ["kind": kind.rawValue, "target": target, "threshold": String(threshold)]
    }
}
