import Fluent
import Foundation
import SoplaCore

final class GrantNoticeModel: Model, @unchecked Sendable {
    static let schema = "grant_notices"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "file_number") var fileNumber: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "issued_at") var issuedAt: Date
    @Field(key: "issued_by") var issuedBy: String
    @Field(key: "total_cents") var totalCents: Int
    @Field(key: "body") var body: String
    @OptionalField(key: "pdf") var pdf: Data?

    init() {}

    func notice(hasPDF: Bool) throws -> IssuedNotice {
        guard let id, let day = Day(iso: issuedOn) else { throw StoreError.corrupt("grant notice \(String(describing: self.id)) has no day") }
        return IssuedNotice(id: id, agreementID: agreementID, organisationID: organisationID, number: number, fileNumber: fileNumber, issuedOn: day,
                            issuedAt: issuedAt, issuedBy: issuedBy, total: Money(cents: totalCents), hasPDF: hasPDF)
    }
}

final class InstanceSettingModel: Model, @unchecked Sendable {
    static let schema = "instance_settings"
    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @Field(key: "modified_at") var modifiedAt: Date
    @Field(key: "modified_by") var modifiedBy: String

    init() {}
}

/// A grant notice as sent: what is listed, the document (the body of the page) and its PDF once made.
public struct NoticeDocument: Sendable {
    public let notice: IssuedNotice
    public let body: String
    public let pdf: Data?
}

extension FundingStore {
    static let noticeSettingsKey = "grant-notice"

    /// The sender of grant notices; nil until someone has entered it.
    public func noticeSettings() async throws -> NoticeSettings? {
        guard let row = try await InstanceSettingModel.find(Self.noticeSettingsKey, on: database) else { return nil }
        return try JSONDecoder().decode(NoticeSettings.self, from: Data(row.value.utf8))
    }

    /// Stores the sender of grant notices, audited field by field.
    public func saveNoticeSettings(_ settings: NoticeSettings, actor: AuditActor, at: Date) async throws {
        try await database.retryingTransaction { db in
            let existing = try await InstanceSettingModel.find(Self.noticeSettingsKey, on: db)
            let before = try existing.map { try JSONDecoder().decode(NoticeSettings.self, from: Data($0.value.utf8)).fields } ?? [:]
            guard before != settings.fields else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let value = String(decoding: try encoder.encode(settings), as: UTF8.self)
            let row = existing ?? InstanceSettingModel()
            row.id = Self.noticeSettingsKey
            row.value = value
            row.modifiedAt = at
            row.modifiedBy = actor.label
            try await row.save(on: db)
            try await IndicatorStore.audit(existing == nil ? .create : .update, entity: "notice-settings", id: Self.noticeSettingsKey,
                                           label: settings.authority, before: before, after: settings.fields, actor: actor, at: at, on: db)
        }
    }

    /// The notices issued for an agreement, first first.
    public func notices(agreementID: UUID) async throws -> [IssuedNotice] {
        let rows = try await GrantNoticeModel.query(on: database).filter(\.$agreementID == agreementID).sort(\.$number)
            .field(\.$id).field(\.$agreementID).field(\.$organisationID).field(\.$number).field(\.$fileNumber).field(\.$issuedOn)
            .field(\.$issuedAt).field(\.$issuedBy).field(\.$totalCents).all()
        let withPDF = Set(try await GrantNoticeModel.query(on: database).filter(\.$agreementID == agreementID).filter(\.$pdf != nil)
            .field(\.$id).all().compactMap(\.id))
        return try rows.map { try $0.notice(hasPDF: withPDF.contains($0.id!)) }
    }

    /// Issues notice number `number` of the agreement: refused with `changedMeanwhile` when that number was issued
    /// already (a second click, or someone else first), so each notice is issued once.
    public func issueNotice(_ notice: IssuedNotice, body: String, pdf: Data?, label: String, actor: AuditActor) async throws {
        try await database.retryingTransaction { db in
            let sql = try Self.sql(db)
            try await Self.lock(.agreement, notice.agreementID, on: sql)
            let latest = try await GrantNoticeModel.query(on: db).filter(\.$agreementID == notice.agreementID).max(\.$number) ?? 0
            guard notice.number == latest + 1 else { throw FundingStoreError.changedMeanwhile }
            let row = GrantNoticeModel()
            row.id = notice.id
            row.agreementID = notice.agreementID
            row.organisationID = notice.organisationID
            row.number = notice.number
            row.fileNumber = notice.fileNumber
            row.issuedOn = notice.issuedOn.iso
            row.issuedAt = notice.issuedAt
            row.issuedBy = notice.issuedBy
            row.totalCents = notice.total.cents
            row.body = body
            row.pdf = pdf
            try await row.create(on: db)
            try await IndicatorStore.audit(.create, entity: "grant-notice", id: notice.id.uuidString.lowercased(), label: label, before: [:],
                                           after: ["number": String(notice.number), "fileNumber": notice.fileNumber, "issuedOn": notice.issuedOn.iso,
                                                   "total": String(decoding: try JSONEncoder().encode(notice.total), as: UTF8.self)],
                                           actor: actor, at: notice.issuedAt, on: db)
        }
    }

    /// Notice `number` of the agreement with its document.
    public func noticeDocument(agreementID: UUID, number: Int) async throws -> NoticeDocument? {
        guard let row = try await GrantNoticeModel.query(on: database).filter(\.$agreementID == agreementID).filter(\.$number == number).first()
        else { return nil }
        return NoticeDocument(notice: try row.notice(hasPDF: row.pdf != nil), body: row.body, pdf: row.pdf)
    }

    /// Keeps the PDF made later (the notice was issued while no PDF could be made); the first one stays.
    public func storeNoticePDF(id: UUID, pdf: Data) async throws {
        guard let row = try await GrantNoticeModel.find(id, on: database), row.pdf == nil else { return }
        row.pdf = pdf
        try await row.update(on: database)
    }
}
