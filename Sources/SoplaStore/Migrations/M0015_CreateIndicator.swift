import Fluent

struct CreateIndicator: AsyncMigration {
    private typealias F = IndicatorFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.code, .string, .required)
            .field(F.nameDE, .string, .required)
            .field(F.nameEN, .string, .required)
            .field(F.definitionDE, .string, .required)
            .field(F.definitionEN, .string, .required)
            .field(F.topic, .string, .required)
            .field(F.numerator, .string, .required)
            .field(F.denominator, .string, .required)
            .field(F.factor, .double, .required)
            .field(F.polarity, .string, .required)
            .field(F.decimals, .int, .required)
            .field(F.minimumCount, .int)
            .field(F.levels, .string, .required)
            .unique(on: F.code)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
