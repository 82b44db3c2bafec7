import Foundation
import SoplaCore

/// The table of each kind of funding record, with money as integer cents, the organisation and the parent record
/// (programme, application or agreement) it belongs to. In the order a record's references must exist.
enum FundingTables {
    typealias C = RecordColumn

    static let all: [FundingKind: RecordTable] = Dictionary(uniqueKeysWithValues: ordered.map { (FundingKind(rawValue: $0.kind)!, $0) })

    static func table(_ kind: FundingKind) -> RecordTable { all[kind]! }

    static let ordered: [RecordTable] = [
        RecordTable(kind: FundingKind.programme.rawValue, name: "funding_programmes", columns: [
            C("id", .uuid), C("name", .text), C("legalBasis", .text), C("source", .text), C("guidelinePaperID", .uuid, optional: true),
            C("guidelineVersion", .integer, optional: true), C("criteria", .json), C("checklist", .json), C("budgetLines", .json),
            C("callOpens", .day), C("callCloses", .day), C("eligibleCategories", .json), C("preventivePriority", .boolean),
        ], scopes: [.organisation: "organisation_id", .parent: "parent_id"], softDelete: false),
        RecordTable(kind: FundingKind.application.rawValue, name: "funding_applications", columns: [
            C("id", .uuid), C("programmeID", .uuid, references: "funding_programmes"), C("organisationID", .uuid), C("serviceIDs", .json),
            C("title", .text), C("year", .integer), C("budgetLineID", .uuid), C("requested", .money), C("costPlan", .json), C("answers", .json),
            C("preventive", .boolean), C("state", .text), C("history", .json), C("changeRequest", .text, optional: true),
            C("granted", .money, optional: true), C("resolutionID", .uuid, optional: true), C("submittedAt", .instant, optional: true),
            C("reviewers", .json),
        ], scopes: [.organisation: "organisation_id", .parent: "programme_id"], softDelete: false, indexes: [["state"], ["year", "sort_title"]], searchFields: ["title"], sortFields: ["title"]),
        RecordTable(kind: FundingKind.review.rawValue, name: "funding_reviews", columns: [
            C("id", .uuid), C("applicationID", .uuid, references: "funding_applications"), C("reviewerID", .uuid), C("kind", .text),
            C("scores", .json), C("proposedAmount", .money, optional: true), C("note", .text), C("submittedAt", .instant),
        ], scopes: [.organisation: "organisation_id", .parent: "application_id"], softDelete: false, indexes: [["reviewer_id"]]),
        RecordTable(kind: FundingKind.agreement.rawValue, name: "funding_agreements", columns: [
            C("id", .uuid), C("reference", .text), C("programmeID", .uuid, references: "funding_programmes"),
            C("applicationID", .uuid, optional: true, references: "funding_applications"), C("organisationID", .uuid), C("serviceIDs", .json),
            C("start", .day), C("end", .day), C("financing", .text), C("sharePercent", .integer, optional: true), C("amounts", .json),
            C("targets", .json), C("qualityStandards", .json), C("conditions", .text),
        ], scopes: [.organisation: "organisation_id", .parent: "programme_id"], softDelete: false, indexes: [["application_id"]]),
        RecordTable(kind: FundingKind.drawdown.rawValue, name: "funding_drawdowns", columns: [
            C("id", .uuid), C("agreementID", .uuid, references: "funding_agreements"), C("year", .integer), C("amount", .money), C("state", .text),
            C("requestedAt", .instant), C("requestedBy", .text), C("decidedBy", .text, optional: true), C("paidOn", .day, optional: true),
            C("note", .text),
        ], scopes: [.organisation: "organisation_id", .parent: "agreement_id"], softDelete: false, indexes: [["state"]]),
        RecordTable(kind: FundingKind.proof.rawValue, name: "funding_proofs", columns: [
            C("id", .uuid), C("agreementID", .uuid, references: "funding_agreements"), C("year", .integer), C("narrative", .text), C("costs", .json),
            C("ownFunds", .money), C("otherFunding", .money), C("receipts", .json), C("actuals", .json),
            C("contentVerdict", .text, optional: true), C("contentNote", .text), C("financeVerdict", .text, optional: true), C("financeNote", .text),
            C("submittedAt", .instant),
        ], scopes: [.organisation: "organisation_id", .parent: "agreement_id"], softDelete: false),
        RecordTable(kind: FundingKind.dialogue.rawValue, name: "funding_dialogues", columns: [
            C("id", .uuid), C("agreementID", .uuid, references: "funding_agreements"), C("year", .integer), C("date", .day),
            C("participants", .json), C("agenda", .json), C("findings", .text), C("measureIDs", .json), C("minutes", .text),
        ], scopes: [.organisation: "organisation_id", .parent: "agreement_id"], softDelete: false),
        RecordTable(kind: FundingKind.conflict.rawValue, name: "funding_conflicts", columns: [
            C("id", .uuid), C("reviewerID", .uuid), C("organisationID", .uuid), C("note", .text), C("declaredAt", .instant),
        ], scopes: [.organisation: "organisation_id", .parent: "parent_id"], softDelete: false, indexes: [["reviewer_id"]]),
    ]
}
