import Foundation
import SoplaCore

/// The table of each kind of participation record. Records are only marked deleted (OParl lists deleted objects);
/// each row keeps the body it belongs to. In the order a record's references must exist.
enum ParticipationTables {
    typealias C = RecordColumn

    static let all: [ParticipationKind: RecordTable] = Dictionary(uniqueKeysWithValues: ordered.map { (ParticipationKind(rawValue: $0.kind)!, $0) })

    static func table(_ kind: ParticipationKind) -> RecordTable { all[kind]! }

    static let ordered: [RecordTable] = [
        RecordTable(kind: ParticipationKind.body.rawValue, name: "bodies", columns: [
            C("id", .uuid), C("name", .text), C("shortName", .text, optional: true), C("kind", .text),
            C("parentID", .uuid, optional: true, references: "bodies"), C("isPublic", .boolean), C("terms", .json),
        ], scopes: [.body: "id"], softDelete: true, sortFields: ["name"]),
        RecordTable(kind: ParticipationKind.person.rawValue, name: "persons", columns: [
            C("id", .uuid), C("name", .text), C("userID", .uuid, optional: true), C("email", .text, optional: true),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["user_id"]]),
        RecordTable(kind: ParticipationKind.membership.rawValue, name: "memberships", columns: [
            C("id", .uuid), C("personID", .uuid, references: "persons"), C("bodyID", .uuid, references: "bodies"), C("role", .text),
            C("onBehalfOf", .uuid, optional: true), C("votingRight", .boolean), C("start", .day), C("end", .day, optional: true),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["person_id"]],
           uniques: [RecordUnique(columns: ["person_id", "body_id"], condition: "\"end\" IS NULL")]),
        RecordTable(kind: ParticipationKind.meeting.rawValue, name: "meetings", columns: [
            C("id", .uuid), C("bodyID", .uuid, references: "bodies"), C("name", .text), C("start", .instant), C("end", .instant),
            C("location", .text, optional: true), C("state", .text),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["start"]]),
        RecordTable(kind: ParticipationKind.agendaItem.rawValue, name: "agenda_items", columns: [
            C("id", .uuid), C("meetingID", .uuid, references: "meetings"), C("number", .text), C("title", .text), C("isPublic", .boolean),
            C("paperIDs", .json), C("result", .text, optional: true), C("resolutionText", .text, optional: true), C("role", .text, optional: true),
        ], scopes: [.body: "body_id"], softDelete: true, uniques: [RecordUnique(columns: ["meeting_id", "number"], condition: nil)]),
        RecordTable(kind: ParticipationKind.attendance.rawValue, name: "attendances", columns: [
            C("meetingID", .uuid, references: "meetings"), C("statuses", .json),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["meeting_id"]]),
        RecordTable(kind: ParticipationKind.paper.rawValue, name: "papers", columns: [
            C("id", .uuid), C("reference", .text), C("title", .text), C("type", .text), C("date", .day), C("originator", .text), C("isPublic", .boolean),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["date", "reference"], ["reference"], ["sort_title"]], searchFields: ["reference", "title"], sortFields: ["title"]),
        RecordTable(kind: ParticipationKind.paperVersion.rawValue, name: "paper_versions", columns: [
            C("paperID", .uuid, references: "papers"), C("number", .integer), C("text", .text), C("createdAt", .instant), C("createdBy", .text),
            C("answersConsultation", .uuid, optional: true),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["paper_id"]]),
        RecordTable(kind: ParticipationKind.statementProcess.rawValue, name: "statement_processes", columns: [
            C("id", .uuid), C("paperID", .uuid, references: "papers"), C("version", .integer), C("bodies", .json), C("organisations", .json),
            C("opensAt", .instant), C("deadline", .instant),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["paper_id"]]),
        RecordTable(kind: ParticipationKind.statement.rawValue, name: "statements", columns: [
            C("id", .uuid), C("processID", .uuid, references: "statement_processes"), C("author", .text), C("onBehalfOf", .text, optional: true),
            C("section", .text, optional: true), C("text", .text), C("submittedAt", .instant),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["process_id"]]),
        RecordTable(kind: ParticipationKind.statementResponse.rawValue, name: "statement_responses", columns: [
            C("statementID", .uuid, references: "statements"), C("decision", .text), C("reason", .text),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["statement_id"]]),
        RecordTable(kind: ParticipationKind.resolution.rawValue, name: "resolutions", columns: [
            C("id", .uuid), C("agendaItemID", .uuid, references: "agenda_items"), C("vote", .json), C("text", .text),
            C("paperID", .uuid, optional: true, references: "papers"), C("paperVersion", .integer, optional: true), C("isPublic", .boolean),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["paper_id"]], uniques: [RecordUnique(columns: ["agenda_item_id"], condition: nil)]),
        RecordTable(kind: ParticipationKind.measure.rawValue, name: "measures", columns: [
            C("id", .uuid), C("title", .text), C("parentID", .uuid, optional: true, references: "measures"),
            C("resolutionID", .uuid, optional: true, references: "resolutions"), C("responsibleOrganisation", .uuid, optional: true),
            C("responsiblePerson", .uuid, optional: true), C("due", .day, optional: true), C("status", .text), C("progress", .real, optional: true),
            C("weight", .real), C("indicatorCodes", .json), C("unitKeys", .json), C("dialogueID", .uuid, optional: true),
            C("publishedAt", .instant, optional: true),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["resolution_id"], ["status"]]),
        RecordTable(kind: ParticipationKind.milestone.rawValue, name: "milestones", columns: [
            C("measureID", .uuid, references: "measures"), C("date", .day), C("text", .text),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["measure_id"]]),
        RecordTable(kind: ParticipationKind.planningProcess.rawValue, name: "planning_processes", columns: [
            C("id", .uuid), C("title", .text), C("bodyID", .uuid, references: "bodies"), C("phases", .json), C("indicatorCodes", .json),
            C("serviceCategories", .json), C("paperIDs", .json, optional: true),
        ], scopes: [.body: "body_id"], softDelete: true),
        RecordTable(kind: ParticipationKind.notification.rawValue, name: "inbox_messages", columns: [
            C("userID", .uuid), C("subject", .text), C("body", .text), C("link", .text, optional: true), C("createdAt", .instant), C("read", .boolean),
        ], scopes: [.body: "body_id"], softDelete: true, indexes: [["user_id"]]),
    ]
}
