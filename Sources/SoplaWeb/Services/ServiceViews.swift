import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// What the service pages, the planning pages and the Wegweiser share: the service of the route, list state from
/// the query, the summary of a proposal.
enum ServiceViews {
    static func summary(_ record: ProposalRecord, context: ServiceContext) -> ProposalSummary {
        let p = record.proposal
        return ProposalSummary(id: p.id, serviceName: p.proposed.name, organisationName: context.organisationName(record.organisationID), isNew: p.base == nil,
                               changeCount: p.diff.count, proposedBy: p.proposedBy, proposedAt: p.proposedAt, state: p.state, note: p.decisionNote,
                               answer: p.answer.map { ($0, p.answeredBy ?? "–", p.answeredAt ?? p.proposedAt) })
    }

    static func serviceID(_ req: Request) throws -> UUID {
        guard let raw = req.parameters.get("service"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    static func listState(_ req: Request, path: String) -> ListState {
        var filters: [String: String] = [:]
        for name in ["suche", "kategorie", "gemeinde", "status", "alter", "sprache", "barrierefrei", "gebaerdensprache"] {
            if let value = try? req.query.get(String.self, at: name) { filters[name] = String(value.trimmingCharacters(in: .whitespaces).prefix(100)) }
        }
        let sort = (try? req.query.get(String.self, at: "sortierung")).flatMap { ["name", "traeger", "kategorie", "vze", "geprueft"].contains($0) ? $0 : nil }
        let page = (try? req.query.get(Int.self, at: "seite")) ?? 1
        return ListState(path: path, filters: filters, sort: sort, descending: (try? req.query.get(String.self, at: "richtung")) == "ab", page: min(max(1, page), 100_000))
    }
}
