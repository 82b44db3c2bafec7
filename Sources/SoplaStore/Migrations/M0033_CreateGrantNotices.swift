import Fluent

/// Issued grant notices, each kept as it was sent (the document and, once made, its PDF); the installation's
/// settings as named JSON values (the sender of grant notices first); and each person's secret calendar link (its hash).
struct CreateGrantNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GrantNoticeModel.schema).id()
            .field("agreement_id", .uuid, .required).field("organisation_id", .uuid, .required).field("number", .int, .required)
            .field("file_number", .string, .required).field("issued_on", .string, .required).field("issued_at", .datetime, .required)
            .field("issued_by", .string, .required).field("total_cents", .int64, .required).field("body", .string, .required)
            .field("pdf", .data)
            .unique(on: "agreement_id", "number").create()
        try await database.schema(InstanceSettingModel.schema)
            .field("key", .string, .identifier(auto: false)).field("value", .string, .required)
            .field("modified_at", .datetime, .required).field("modified_by", .string, .required).create()
        try await database.schema(CalendarLinkModel.schema)
            .field("user_id", .uuid, .identifier(auto: false)).field("token_hash", .string, .required).field("created_at", .datetime, .required)
            .unique(on: "token_hash").create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CalendarLinkModel.schema).delete()
        try await database.schema(InstanceSettingModel.schema).delete()
        try await database.schema(GrantNoticeModel.schema).delete()
    }
}
