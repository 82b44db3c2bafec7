import Foundation
import SoplaCore
import SoplaStore

/// The ranking of a programme's applications for a year against the year's budget (`Ranking` in SoplaCore decides
/// the order and the funding line; this reads what it needs).
public struct RankingService: Sendable {
    public let funding: FundingStore

    public init(funding: FundingStore) {
        self.funding = funding
    }

    public struct Result: Sendable {
        public let year: Int
        /// The years one may switch to: those with a budget line or an application, latest first.
        public let years: [Int]
        public let budget: Money
        public let entries: [Ranking.Entry]
        /// The ranked applications, by id.
        public let applications: [UUID: FundingApplication]
    }

    /// The ranking of `year` when it has a budget line or applications; else of the latest year with ranked
    /// applications, else of the latest budget year, else of `today`'s year.
    public func ranking(of programme: FundingProgramme, year asked: Int?, today: Day) async throws -> Result {
        let all = try await funding.all(.application, as: FundingApplication.self, parentID: programme.id).map(\.value)
        let ranked = all.filter { Ranking.rankedStates.contains($0.state) }
        let years = Set(programme.budgetLines.map(\.year)).union(all.map(\.year))
        let year = asked.flatMap { years.contains($0) ? $0 : nil } ?? ranked.map(\.year).max() ?? programme.budgetLines.map(\.year).max() ?? today.year
        let applications = ranked.filter { $0.year == year }
        var candidates: [Ranking.Candidate] = []
        for application in applications {
            let reviews = try await funding.all(.review, as: ApplicationReview.self, parentID: application.id).map(\.value)
            candidates.append(Ranking.candidate(application, reviews: reviews, criteria: programme.criteria))
        }
        let budget = programme.budget(year: year)
        return Result(year: year, years: years.sorted(by: >), budget: budget, entries: Ranking.rank(candidates, budget: budget, preventivePriority: programme.preventivePriority),
                      applications: Dictionary(applications.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }
}
