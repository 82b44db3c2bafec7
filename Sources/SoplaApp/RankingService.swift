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
        public let budget: Money
        public let entries: [Ranking.Entry]
        /// The ranked applications, by id.
        public let applications: [UUID: FundingApplication]
    }

    /// The ranking of `year`, or of the programme's latest budget year when `year` has no budget line (or none is
    /// asked for); `today`'s year when the programme has no budget line at all.
    public func ranking(of programme: FundingProgramme, year asked: Int?, today: Day) async throws -> Result {
        let years = Set(programme.budgetLines.map(\.year))
        let year = asked.flatMap { years.contains($0) ? $0 : nil } ?? years.max() ?? today.year
        let applications = try await funding.all(.application, as: FundingApplication.self, parentID: programme.id).map(\.value)
            .filter { $0.year == year && Ranking.rankedStates.contains($0.state) }
        var candidates: [Ranking.Candidate] = []
        for application in applications {
            let reviews = try await funding.all(.review, as: ApplicationReview.self, parentID: application.id).map(\.value)
            candidates.append(Ranking.candidate(application, reviews: reviews, criteria: programme.criteria))
        }
        let budget = programme.budget(year: year)
        return Result(year: year, budget: budget, entries: Ranking.rank(candidates, budget: budget, preventivePriority: programme.preventivePriority),
                      applications: Dictionary(applications.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }
}
