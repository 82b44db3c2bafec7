import Fluent
import Foundation
import SoplaCore

enum DisclosureReleaseFields {
    static let schema = "disclosure_releases"
    static let variable: FieldKey = "variable"
    static let referenceDate: FieldKey = "reference_date"
    /// What released it: `live` (the public pages after a release of data or a catalogue change) or `edition:<id>`.
    static let source: FieldKey = "source"
    static let createdAt: FieldKey = "created_at"
    /// nil while the release is prepared (an edition not yet published).
    static let releasedAt: FieldKey = "released_at"
    static let figures: FieldKey = "figures"
}

final class DisclosureReleaseModel: Model, @unchecked Sendable {
    static let schema = DisclosureReleaseFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: DisclosureReleaseFields.variable) var variable: String
    @Field(key: DisclosureReleaseFields.referenceDate) var referenceDate: String
    @Field(key: DisclosureReleaseFields.source) var source: String
    @Field(key: DisclosureReleaseFields.createdAt) var createdAt: Date
    @OptionalField(key: DisclosureReleaseFields.releasedAt) var releasedAt: Date?
    @Field(key: DisclosureReleaseFields.figures) var figures: String

    init() {}
}

/// The disclosure ledger: what every public release of a variable and date showed and hid. Later releases are
/// decided against it, so that no combination of releases narrows a hidden figure.
public struct DisclosureLedger: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public struct Entry: Sendable {
        public let key: DisclosureContext.Key
        public let release: DisclosureRelease

        public init(key: DisclosureContext.Key, release: DisclosureRelease) {
            self.key = key
            self.release = release
        }
    }

    public static func editionSource(_ id: UUID) -> String { "edition:" + id.uuidString.lowercased() }
    public static let liveSource = "live"

    /// The released figures of the variables, per variable and date, oldest first.
    public func releases(variables: Set<String>, dates: Set<Day>? = nil) async throws -> [DisclosureContext.Key: [DisclosureRelease]] {
        guard !variables.isEmpty else { return [:] }
        var query = DisclosureReleaseModel.query(on: database)
            .filter(\.$variable ~~ variables.sorted())
            .filter(\.$releasedAt != nil)
        if let dates { query = query.filter(\.$referenceDate ~~ dates.map(\.iso).sorted()) }
        let rows = try await query.sort(\.$releasedAt).sort(\.$createdAt).all()
        var result: [DisclosureContext.Key: [DisclosureRelease]] = [:]
        let decoder = JSONDecoder()
        for row in rows {
            guard let day = Day(iso: row.referenceDate) else { continue }
            let release = try decoder.decode(DisclosureRelease.self, from: Data(row.figures.utf8))
            result[DisclosureContext.Key(variable: row.variable, date: day), default: []].append(release)
        }
        return result
    }

    /// Records releases: published at once (`at`), or prepared for a later `publish(source:)` (`at` nil).
    /// For the live pages a release equal to the latest one of its variable and date is not recorded again.
    public func record(_ entries: [Entry], source: String, created: Date, released at: Date?) async throws {
        guard !entries.isEmpty else { return }
        let latest = source == Self.liveSource ? try await releases(variables: Set(entries.map(\.key.variable)), dates: Set(entries.map(\.key.date))) : [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await database.transaction { db in
            for entry in entries {
                if let last = latest[entry.key]?.last, last == entry.release { continue }
                let model = DisclosureReleaseModel()
                model.variable = entry.key.variable
                model.referenceDate = entry.key.date.iso
                model.source = source
                model.createdAt = created
                model.releasedAt = at
                model.figures = String(decoding: try encoder.encode(entry.release), as: UTF8.self)
                try await model.create(on: db)
            }
        }
    }

    /// Marks the prepared releases of a source as released.
    public func publish(source: String, at: Date) async throws {
        try await DisclosureReleaseModel.query(on: database).filter(\.$source == source).filter(\.$releasedAt == nil)
            .set(\.$releasedAt, to: at).update()
    }

    /// When the releases of a source were prepared (nil: none recorded).
    public func preparedAt(source: String) async throws -> Date? {
        try await DisclosureReleaseModel.query(on: database).filter(\.$source == source).sort(\.$createdAt).first()?.createdAt
    }

    /// The latest release time of any of the variables, by another source than `excluding`.
    public func latestRelease(variables: Set<String>, excluding source: String) async throws -> Date? {
        guard !variables.isEmpty else { return nil }
        return try await DisclosureReleaseModel.query(on: database).filter(\.$variable ~~ variables.sorted()).filter(\.$releasedAt != nil)
            .filter(\.$source != source).sort(\.$releasedAt, .descending).first()?.releasedAt
    }
}

extension IndicatorStore {
    /// The ledger of the same database.
    public var disclosureLedger: DisclosureLedger { DisclosureLedger(database: database) }
}
