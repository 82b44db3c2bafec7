import Fluent

/// Variables and indicators get a lifecycle state (`CatalogueState`); every existing one is published, as it was
/// shown before. The default is literal text, so this migration does not change with the Core enum. One column per
/// statement: SQLite alters a table one change at a time.
struct AddCatalogueState: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VariableFields.schema).field(VariableFields.state, .string, .required, .sql(.default("published"))).update()
        try await database.schema(IndicatorFields.schema).field(IndicatorFields.state, .string, .required, .sql(.default("published"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorFields.schema).deleteField(IndicatorFields.state).update()
        try await database.schema(VariableFields.schema).deleteField(VariableFields.state).update()
    }
}
