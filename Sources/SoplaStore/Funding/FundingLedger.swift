import Fluent
import Foundation

enum FundingReleaseFields {
    static let schema = "funding_releases"
    /// The year of the public funding figures (a report's funding table counts as the page of its year).
    static let year: FieldKey = "year"
    /// The order of releases (clocks may stand still or go back).
    static let sequence: FieldKey = "sequence"
    static let releasedAt: FieldKey = "released_at"
    static let figures: FieldKey = "figures"
}

final class FundingReleaseModel: Model, @unchecked Sendable {
    static let schema = FundingReleaseFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: FundingReleaseFields.sequence) var sequence: Int
    @Field(key: FundingReleaseFields.year) var year: Int
    @Field(key: FundingReleaseFields.releasedAt) var releasedAt: Date
    @Field(key: FundingReleaseFields.figures) var figures: String

    init() {}
}

/// The funding ledger: what every public state of the funding figures showed and hid, with every recipient's money in
/// each figure. Later states are decided against it, so that no difference between two of them gives a recipient away.
public struct FundingLedger: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// One figure of a release: its key (chosen by the caller), whether it was shown, and cents per recipient.
    public struct Figure: Codable, Hashable, Sendable {
        public let key: String
        public let shown: Bool
        public let cents: [String: Int]

        public init(key: String, shown: Bool, cents: [String: Int]) {
            self.key = key
            self.shown = shown
            self.cents = cents
        }
    }

    public struct Release: Sendable {
        public let year: Int
        public let releasedAt: Date
        public let figures: [Figure]
    }

    /// Every release, oldest first.
    public func releases() async throws -> [Release] {
        let decoder = JSONDecoder()
        return try await FundingReleaseModel.query(on: database).sort(\.$sequence).all().map { row in
            Release(year: row.year, releasedAt: row.releasedAt, figures: try decoder.decode([Figure].self, from: Data(row.figures.utf8)))
        }
    }

    /// The latest release of a year's figures.
    public func latest(year: Int) async throws -> Release? {
        guard let row = try await FundingReleaseModel.query(on: database).filter(\.$year == year).sort(\.$sequence, .descending).first() else { return nil }
        return Release(year: row.year, releasedAt: row.releasedAt, figures: try JSONDecoder().decode([Figure].self, from: Data(row.figures.utf8)))
    }

    /// Records a release of a year's figures, unless it equals the latest one of that year. Recorded at the same
    /// moment elsewhere, the later of the two is checked again against the one that won.
    public func record(year: Int, figures: [Figure], at: Date) async throws {
        let figures = figures.sorted { $0.key < $1.key }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(figures), as: UTF8.self)
        for attempt in 1...5 {
            if let last = try await latest(year: year), last.figures.sorted(by: { $0.key < $1.key }) == figures { return }
            let model = FundingReleaseModel()
            model.sequence = (try await FundingReleaseModel.query(on: database).max(\.$sequence) ?? 0) + 1
            model.year = year
            model.releasedAt = at
            model.figures = text
            do {
                try await model.create(on: database)
                return
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 5 {
                continue
            }
        }
    }
}

extension FundingStore {
    /// The ledger of the same database.
    public var ledger: FundingLedger { FundingLedger(database: database) }
}
