import Fluent
import SoplaCore

/// The service inventory: taxonomy, services with every accepted version, providers' proposals, survey rounds,
/// planning standards and duplicate reviews.
struct CreateServiceTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        typealias C = ServiceCategoryFields
        try await database.schema(C.schema).id()
            .field(C.code, .string, .required).field(C.nameDE, .string, .required).field(C.nameEN, .string, .required)
            .field(C.legalBasis, .string).field(C.communalised, .bool, .required)
            .unique(on: C.code).create()
        typealias S = ServiceFields
        try await database.schema(S.schema).id()
            .field(S.organisationID, .uuid, .required).field(S.name, .string, .required).field(S.category, .string, .required)
            .field(S.status, .string, .required).field(S.version, .int, .required).field(S.updatedAt, .datetime, .required)
            .field(S.document, .string, .required).create()
        typealias V = ServiceVersionFields
        try await database.schema(V.schema).id()
            .field(V.serviceID, .uuid, .required).field(V.version, .int, .required).field(V.document, .string, .required)
            .field(V.acceptedBy, .string, .required).field(V.acceptedAt, .datetime, .required)
            .unique(on: V.serviceID, V.version).create()
        typealias P = ServiceProposalFields
        try await database.schema(P.schema).id()
            .field(P.roundID, .uuid).field(P.serviceID, .uuid, .required).field(P.organisationID, .uuid, .required)
            .field(P.base, .string).field(P.document, .string, .required).field(P.proposedBy, .string, .required)
            .field(P.proposedAt, .datetime, .required).field(P.state, .string, .required).field(P.decisionNote, .string)
            .field(P.decidedBy, .string).field(P.decidedAt, .datetime).create()
        typealias R = SurveyRoundFields
        try await database.schema(R.schema).id()
            .field(R.title, .string, .required).field(R.opensOn, .string, .required).field(R.deadline, .string, .required)
            .field(R.closedAt, .datetime).field(R.organisations, .string, .required).create()
        typealias A = SurveyAnswerFields
        try await database.schema(A.schema).id()
            .field(A.roundID, .uuid, .required).field(A.organisationID, .uuid, .required).field(A.answeredBy, .string, .required)
            .field(A.answeredAt, .datetime, .required).field(A.unchanged, .bool, .required).create()
        typealias PS = PlanningStandardFields
        try await database.schema(PS.schema).id()
            .field(PS.category, .string, .required).field(PS.fte, .double, .required).field(PS.inhabitants, .int, .required)
            .field(PS.population, .string, .required).field(PS.maxDistanceKm, .double).field(PS.source, .string, .required)
            .field(PS.text, .string, .required).field(PS.customValues, .string).unique(on: PS.category).create()
        typealias D = DuplicateReviewFields
        try await database.schema(D.schema).id()
            .field(D.first, .uuid, .required).field(D.second, .uuid, .required).field(D.verdict, .string, .required)
            .field(D.note, .string, .required).field(D.by, .string, .required).field(D.at, .datetime, .required)
            .unique(on: D.first, D.second).create()
    }

    func revert(on database: any Database) async throws {
        for schema in [DuplicateReviewFields.schema, PlanningStandardFields.schema, SurveyAnswerFields.schema, SurveyRoundFields.schema,
                       ServiceProposalFields.schema, ServiceVersionFields.schema, ServiceFields.schema, ServiceCategoryFields.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// The seeded taxonomy (Hessian communalised areas and more), the SchKG standard and the data version row.
struct SeedServiceData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for category in ServiceCategory.seed where try await ServiceCategoryModel.query(on: database).filter(\.$code == category.code).first() == nil {
            try await ServiceCategoryModel(category).create(on: database)
        }
        if try await PlanningStandardModel.query(on: database).filter(\.$category == PlanningStandard.pregnancyCounselling.categoryCode).first() == nil {
            try await PlanningStandardModel(.pregnancyCounselling).create(on: database)
        }
        if try await DataVersionModel.query(on: database).filter(\.$area == ServiceStore.area).first() == nil {
            try await DataVersionModel(area: ServiceStore.area, version: 0).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await DataVersionModel.query(on: database).filter(\.$area == ServiceStore.area).delete()
    }
}
