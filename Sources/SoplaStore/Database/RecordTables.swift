import Fluent
import Foundation
import SoplaCore
import SQLKit

/// How one field of a record's Codable form is kept: as text, a number, a truth value, a key, a day (`2026-03-31`),
/// an instant, money as integer cents, or — for lists and nested values — as JSON text.
enum ColumnForm: Sendable {
    case text, integer, boolean, real, uuid, day, instant, money, json

    var dataType: DatabaseSchema.DataType {
        switch self {
        case .text, .day, .json: return .string
        case .integer, .money: return .int64
        case .boolean: return .bool
        case .real: return .double
        case .uuid: return .uuid
        case .instant: return .datetime
        }
    }
}

/// A field of a record and its column (the field's name in snake case; money columns end in `_cents`).
struct RecordColumn: Sendable {
    let field: String
    let form: ColumnForm
    let required: Bool
    /// The table whose `id` this column refers to.
    let references: String?

    init(_ field: String, _ form: ColumnForm, optional: Bool = false, references: String? = nil) {
        self.field = field
        self.form = form
        self.required = !optional
        self.references = references
    }

    var name: String { RecordColumn.snakeCase(field) + (form == .money ? "_cents" : "") }

    static func snakeCase(_ field: String) -> String {
        var result = ""
        var previousWasUpper = false
        for (index, character) in field.enumerated() {
            let upper = character.isUppercase
            if upper, index > 0, !previousWasUpper { result += "_" }
            result += character.lowercased()
            previousWasUpper = upper
        }
        return result
    }
}

/// Where a record belongs, for lists that filter by it: the body (participation), the organisation and the parent
/// record (funding: programme, application or agreement).
enum RecordScope: String, Sendable, CaseIterable {
    case body = "body_id", organisation = "organisation_id", parent = "parent_id"
}

/// A unique rule the database enforces, optionally only for some rows (an SQL condition on the table's columns).
struct RecordUnique: Sendable {
    let columns: [String]
    let condition: String?
}

/// The table of one kind of record: a column per field of its Codable form, the record's label and times, a deletion
/// mark where records are only marked deleted, and the scope columns that are not fields themselves. Every field a
/// record writes must have its column and every required column a value, so a renamed field fails loudly instead of
/// silently reading as empty.
struct RecordTable: Sendable {
    let kind: String
    let name: String
    let columns: [RecordColumn]
    /// Scope → column: a field's column (`programme_id`), `id` or, when absent from the fields, a column of its own.
    let scopes: [RecordScope: String]
    let softDelete: Bool
    var indexes: [[String]] = []
    var uniques: [RecordUnique] = []
    /// Text fields a list searches: kept in `search_text` normalised (lower case, umlauts spelt out).
    var searchFields: [String] = []
    /// Text fields a list sorts by: kept in `sort_<field>` normalised the same way, so "Übergang" sorts as
    /// "uebergang", between "Tafel" and "Zukunft", whatever the database's collation.
    var sortFields: [String] = []

    init(kind: String, name: String, columns: [RecordColumn], scopes: [RecordScope: String] = [:], softDelete: Bool,
         indexes: [[String]] = [], uniques: [RecordUnique] = [], searchFields: [String] = [], sortFields: [String] = []) {
        self.searchFields = searchFields
        self.sortFields = sortFields
        self.kind = kind
        self.name = name
        self.columns = columns
        self.scopes = scopes
        self.softDelete = softDelete
        self.indexes = indexes
        self.uniques = uniques
    }

    private var fieldColumns: [RecordColumn] { columns.filter { $0.field != "id" } }
    private var ownScopeColumns: [String] {
        Set(scopes.values).subtracting(columns.map(\.name)).subtracting(["id"]).sorted()
    }

    // MARK: Schema

    func create(on database: any Database) async throws {
        var schema = database.schema(name).field("id", .uuid, .identifier(auto: false))
        for column in fieldColumns {
            schema = column.required ? schema.field(.string(column.name), column.form.dataType, .required) : schema.field(.string(column.name), column.form.dataType)
            if let table = column.references {
                schema = schema.foreignKey(.string(column.name), references: table, "id", onDelete: .noAction)
            }
        }
        for column in ownScopeColumns { schema = schema.field(.string(column), .uuid) }
        schema = schema.field("label", .string, .required).field("record_created_at", .datetime, .required).field("record_modified_at", .datetime, .required)
        if softDelete { schema = schema.field("deleted", .bool, .required) }
        if !searchFields.isEmpty { schema = schema.field("search_text", .string, .required) }
        for field in sortFields { schema = schema.field(.string(Self.sortColumn(field)), .string, .required) }
        try await schema.create()
        let sql = try ReportTables.sqlDatabase(database)
        let live = softDelete ? "deleted = \(sql.dialect.name == "sqlite" ? "0" : "false")" : nil
        for (index, columns) in ([["record_created_at", "id"]] + Set(scopes.values).subtracting(["id"]).sorted().map { [$0] } + indexes).enumerated() {
            try await sql.raw("CREATE INDEX \(unsafeRaw: "\(name)_i\(index)") ON \(unsafeRaw: name) (\(unsafeRaw: Self.quoted(columns)))").run()
        }
        for (index, unique) in uniques.enumerated() {
            let condition = [unique.condition, live].compactMap { $0 }.joined(separator: " AND ")
            try await sql.raw("""
                CREATE UNIQUE INDEX \(unsafeRaw: "\(name)_u\(index)") ON \(unsafeRaw: name) (\(unsafeRaw: Self.quoted(unique.columns)))\
                \(unsafeRaw: condition.isEmpty ? "" : " WHERE " + condition)
                """).run()
        }
    }

    func drop(on database: any Database) async throws {
        try await database.schema(name).delete()
    }

    static func sortColumn(_ field: String) -> String { "sort_" + RecordColumn.snakeCase(field) }

    static func quoted(_ columns: [String]) -> String { columns.map { "\"\($0)\"" }.joined(separator: ", ") }

    // MARK: Rows

    /// A stored row: the record's JSON form and what the table keeps beside it.
    struct Row {
        let id: UUID
        let json: Data
        let label: String
        let createdAt: Date
        let modifiedAt: Date
        let deleted: Bool
        let scopes: [RecordScope: UUID]
    }

    /// Rows oldest first, optionally only live ones, with the given scopes, or with one of the given ids.
    func rows(includeDeleted: Bool = true, scopes filter: [RecordScope: UUID] = [:], ids: [UUID]? = nil, on sql: any SQLDatabase) async throws -> [Row] {
        var query = sql.select().column(SQLLiteral.all).from(name)
        if softDelete, !includeDeleted { query = query.where("deleted", .equal, SQLBind(false)) }
        for (scope, id) in filter.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let column = scopes[scope] else { throw StoreError.corrupt("\(kind) records have no \(scope.rawValue)") }
            query = query.where(SQLIdentifier(column), .equal, SQLBind(id))
        }
        if let ids {
            if ids.isEmpty { return [] }
            query = query.where("id", .in, SQLBind.group(ids))
        }
        return try await query.orderBy("record_created_at").orderBy("id").all().map(row)
    }

    /// The search text of a list's search term, and the pattern that finds it in `search_text` (`%` and `_` typed
    /// by a person are taken literally).
    static func searchPattern(_ term: String) -> String {
        LikePattern.containing(SpatialUnitListing.normalise(term))
    }

    /// One page of live rows in creation order (as OParl lists them), with the scopes given, and how many there are.
    func page(scopes filter: [RecordScope: UUID] = [:], page: Int, perPage: Int, on sql: any SQLDatabase) async throws -> (rows: [Row], total: Int) {
        func restricted(_ query: SQLSelectBuilder) throws -> SQLSelectBuilder {
            var query = query.from(name)
            if softDelete { query = query.where("deleted", .equal, SQLBind(false)) }
            for (scope, id) in filter.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard let column = scopes[scope] else { throw StoreError.corrupt("\(kind) records have no \(scope.rawValue)") }
                query = query.where(SQLIdentifier(column), .equal, SQLBind(id))
            }
            return query
        }
        let total = try await restricted(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")).first()?.decode(column: "n", as: Int.self) ?? 0
        let size = max(1, perPage)
        let (offset, overflow) = (max(1, page) - 1).multipliedReportingOverflow(by: size)
        guard !overflow, offset < total else { return ([], total) }
        let rows = try await restricted(sql.select().column(SQLLiteral.all)).orderBy("record_created_at").orderBy("id").limit(size).offset(offset).all().map(row)
        return (rows, total)
    }

    /// How many rows `from` (the table as `alias`, joined as a list needs) has under `condition`, and one page of
    /// them in `order` (trusted SQL: column names and directions chosen by code, never by a person).
    func page(alias: String, from: SQLQueryString, condition: SQLQueryString, order: String, page: Int, perPage: Int,
              on sql: any SQLDatabase) async throws -> (rows: [Row], total: Int) {
        let source = from + " WHERE " + condition
        let total = try await sql.raw("SELECT COUNT(*) AS n " + source).first()?.decode(column: "n", as: Int.self) ?? 0
        let size = max(1, perPage)
        let (offset, overflow) = (max(1, page) - 1).multipliedReportingOverflow(by: size)
        guard !overflow, offset < total else { return ([], total) }
        let rows = try await sql.raw("SELECT \(unsafeRaw: alias).* " + source + " ORDER BY \(unsafeRaw: order) LIMIT \(bind: size) OFFSET \(bind: offset)").all()
        return (try rows.map(row), total)
    }

    func row(id: UUID, on sql: any SQLDatabase) async throws -> Row? {
        try await rows(ids: [id], on: sql).first
    }

    func row(_ row: any SQLRow) throws -> Row {
        var object: [String: Any] = [:]
        let id = try row.decode(column: "id", as: UUID.self)
        for column in columns {
            if column.field == "id" { object["id"] = id.uuidString; continue }
            if try row.decodeNil(column: column.name) { continue }
            switch column.form {
            case .text, .day: object[column.field] = try row.decode(column: column.name, as: String.self)
            case .integer: object[column.field] = try row.decode(column: column.name, as: Int.self)
            case .money: object[column.field] = ["cents": try row.decode(column: column.name, as: Int.self)]
            case .boolean: object[column.field] = try row.decode(column: column.name, as: Bool.self)
            case .real: object[column.field] = try row.decode(column: column.name, as: Double.self)
            case .uuid: object[column.field] = try row.decode(column: column.name, as: UUID.self).uuidString
            case .instant: object[column.field] = try row.decode(column: column.name, as: Date.self).formatted(.iso8601)
            case .json:
                let text = try row.decode(column: column.name, as: String.self)
                object[column.field] = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            }
        }
        var scopeValues: [RecordScope: UUID] = [:]
        for (scope, column) in scopes where !(try row.decodeNil(column: column)) {
            scopeValues[scope] = try row.decode(column: column, as: UUID.self)
        }
        return Row(id: id, json: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), label: try row.decode(column: "label", as: String.self),
                   createdAt: try row.decode(column: "record_created_at", as: Date.self), modifiedAt: try row.decode(column: "record_modified_at", as: Date.self),
                   deleted: softDelete ? try row.decode(column: "deleted", as: Bool.self) : false, scopes: scopeValues)
    }

    /// The columns and values of a record's JSON form; a field without column or a required field without value is
    /// refused, and so is a scope that differs from the field holding it. `tolerant` (moving documents written by
    /// earlier versions) leaves out fields that no longer exist and lets a record's own field win over its scope.
    private func values(_ json: Data, id: UUID, scopes given: [RecordScope: UUID], tolerant: Bool = false) throws -> [(String, any SQLExpression)] {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else { throw StoreError.corrupt("\(kind): not a JSON object") }
        let known = Set(columns.map(\.field))
        if !tolerant, let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw StoreError.corrupt("\(kind): the field \(unknown) has no column in \(name)")
        }
        var result: [(String, any SQLExpression)] = []
        var fieldValues: [String: UUID] = ["id": id]
        for column in columns {
            let value = object[column.field].flatMap { $0 is NSNull ? nil : $0 }
            if column.field == "id" {
                guard let text = value as? String, UUID(uuidString: text) == id else { throw StoreError.corrupt("\(kind) \(id): the record's id differs") }
                continue
            }
            guard let value else {
                if column.required { throw StoreError.corrupt("\(kind): the field \(column.field) is missing") }
                result.append((column.name, SQLLiteral.null))
                continue
            }
            let bound = try Self.bind(value, as: column.form, field: "\(kind).\(column.field)")
            if column.form == .uuid, let text = value as? String { fieldValues[column.name] = UUID(uuidString: text) }
            result.append((column.name, bound))
        }
        if !searchFields.isEmpty {
            let text = searchFields.compactMap { object[$0] as? String }.joined(separator: " ")
            result.append(("search_text", SQLBind(SpatialUnitListing.normalise(text))))
        }
        for field in sortFields {
            result.append((Self.sortColumn(field), SQLBind(SpatialUnitListing.normalise(object[field] as? String ?? ""))))
        }
        for (scope, column) in scopes {
            if let own = fieldValues[column] {
                if !tolerant, let given = given[scope], given != own {
                    throw StoreError.corrupt("\(kind) \(id): \(scope.rawValue) \(given.uuidString.lowercased()) differs from the record's \(column)")
                }
            } else if !columns.contains(where: { $0.name == column }) {
                result.append((column, given[scope].map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null))
            }
        }
        return result
    }

    private static func bind(_ value: Any, as form: ColumnForm, field: String) throws -> any SQLExpression {
        func refuse() -> Error { StoreError.corrupt("\(field): \(value) does not fit a \(form) column") }
        switch form {
        case .text, .day:
            guard let text = value as? String else { throw refuse() }
            return SQLBind(text)
        case .integer:
            guard let int = integer(value) else { throw refuse() }
            return SQLBind(int)
        case .money:
            guard let object = value as? [String: Any], object.count == 1, let cents = object["cents"].flatMap(integer) else { throw refuse() }
            return SQLBind(cents)
        case .boolean:
            guard let flag = value as? Bool else { throw refuse() }
            return SQLBind(flag)
        case .real:
            if let int = value as? Int { return SQLBind(Double(int)) }
            guard let number = value as? Double else { throw refuse() }
            return SQLBind(number)
        case .uuid:
            guard let text = value as? String, let id = UUID(uuidString: text) else { throw refuse() }
            return SQLBind(id)
        case .instant:
            guard let text = value as? String, let date = try? Date(text, strategy: .iso8601) else { throw refuse() }
            return SQLBind(date)
        case .json:
            return SQLBind(String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self))
        }
    }

    private static func integer(_ value: Any) -> Int? {
        if let int = value as? Int { return int }
        if let double = value as? Double { return Int(exactly: double) }
        return nil
    }

    /// Inserts a record's row.
    func insert(_ json: Data, id: UUID, label: String, scopes: [RecordScope: UUID], createdAt: Date, modifiedAt: Date, deleted: Bool = false,
                tolerant: Bool = false, on sql: any SQLDatabase) async throws {
        var pairs = try values(json, id: id, scopes: scopes, tolerant: tolerant)
        pairs.insert(("id", SQLBind(id)), at: 0)
        pairs += [("label", SQLBind(label)), ("record_created_at", SQLBind(createdAt)), ("record_modified_at", SQLBind(modifiedAt))]
        if softDelete { pairs.append(("deleted", SQLBind(deleted))) }
        try await sql.insert(into: name).columns(pairs.map(\.0)).values(pairs.map(\.1)).run()
    }

    /// Replaces a record's fields and label, live again.
    func update(_ json: Data, id: UUID, label: String, scopes: [RecordScope: UUID], modifiedAt: Date, on sql: any SQLDatabase) async throws {
        var query = sql.update(name)
        for (column, value) in try values(json, id: id, scopes: scopes) { query = query.set(SQLIdentifier(column), to: value) }
        query = query.set("label", to: SQLBind(label)).set("record_modified_at", to: SQLBind(modifiedAt))
        if softDelete { query = query.set("deleted", to: SQLBind(false)) }
        try await query.where("id", .equal, SQLBind(id)).run()
    }

    func markDeleted(id: UUID, at: Date, on sql: any SQLDatabase) async throws {
        try await sql.update(name).set("deleted", to: SQLBind(true)).set("record_modified_at", to: SQLBind(at)).where("id", .equal, SQLBind(id)).run()
    }
}

/// A page of a list and how many items the whole list has.
public struct RecordPage<Item: Sendable>: Sendable {
    public let items: [Item]
    public let total: Int
}

/// Writing a record of a table with its audit entry, shared by the participation and funding stores.
enum RecordWrites {
    static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        Data(try ParticipationStore.encode(value).utf8)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ row: RecordTable.Row) throws -> Value {
        try ParticipationStore.decode(type, String(decoding: row.json, as: UTF8.self))
    }

    /// Creates or updates record `id` in the caller's transaction and audits the change field by field (both sides
    /// as the record's own encoding). `check` sees the stored value first and may refuse. A save that changes neither
    /// a field nor the label of a live record writes nothing; returns whether it wrote.
    @discardableResult
    static func write<Value: Codable & Sendable>(_ value: Value, of type: Value.Type, in table: RecordTable, id: UUID, label: String,
                                                  scopes: [RecordScope: UUID], entity: String, actor: AuditActor, at: Date, on db: any Database,
                                                  check: (Value) throws -> Void = { _ in }) async throws -> Bool {
        let sql = try ReportTables.sqlDatabase(db)
        let existing = try await table.row(id: id, on: sql)
        let stored = try existing.map { try decode(type, $0) }
        if let stored { try check(stored) }
        let live = existing.map { !$0.deleted } ?? false
        // The record's own id is its address, not a field anyone changes: it stays out of the log's changes.
        var before = live ? ParticipationStore.fields(try ParticipationStore.encode(stored!)) : [:]
        let json = try encode(value)
        var after = ParticipationStore.fields(String(decoding: json, as: UTF8.self))
        before["id"] = nil
        after["id"] = nil
        if let existing, live, before == after, existing.label == label { return false }
        if existing == nil {
            try await table.insert(json, id: id, label: label, scopes: scopes, createdAt: at, modifiedAt: at, on: sql)
        } else {
            try await table.update(json, id: id, label: label, scopes: scopes, modifiedAt: at, on: sql)
        }
        try await IndicatorStore.audit(existing == nil ? .create : .update, entity: entity, id: id.uuidString.lowercased(), label: label,
                                       before: before, after: after, actor: actor, at: at, on: db)
        return true
    }
}

/// LIKE patterns whose text matches only itself: `%`, `_` and the backslash are escaped (the query says ESCAPE with the backslash).
enum LikePattern {
    /// Finds `text` anywhere in the value.
    static func containing(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
