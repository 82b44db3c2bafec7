import Fluent

struct CreateUserOrganisation: AsyncMigration {
    private typealias F = UserOrganisationFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.userID, .uuid, .required, .references(UserFields.schema, .id))
            .field(F.organisationID, .uuid, .required, .references(OrganisationFields.schema, .id))
            .unique(on: F.userID, F.organisationID)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
