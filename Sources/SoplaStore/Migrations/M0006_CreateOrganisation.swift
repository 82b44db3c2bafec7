import Fluent

struct CreateOrganisation: AsyncMigration {
    private typealias F = OrganisationFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.name, .string, .required)
            .field(F.shortName, .string)
            .field(F.kind, .string, .required)
            .field(F.parentID, .uuid)
            .field(F.email, .string)
            .field(F.phone, .string)
            .field(F.website, .string)
            .field(F.street, .string)
            .field(F.postcode, .string)
            .field(F.city, .string)
            .field(F.active, .bool, .required)
            .field(F.createdAt, .datetime)
            .field(F.updatedAt, .datetime)
            .unique(on: F.name)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
