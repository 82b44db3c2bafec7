import Foundation
import SoplaCore
import SoplaStore

/// What one principal may read of participation: which bodies (public ones, and internal ones they sit in or
/// manage), whose internal items (papers, agenda items, resolutions), and which measures. Every page, export and
/// report asks here, so a rule is written once.
public struct ParticipationAccess: Sendable {
    public let principal: Principal
    public let participation: ParticipationStore
    public let funding: FundingStore

    public init(principal: Principal, participation: ParticipationStore, funding: FundingStore) {
        self.principal = principal
        self.participation = participation
        self.funding = funding
    }

    /// Whether the principal may read a body's internal items.
    public func isInsider(of body: UUID) -> Bool {
        Policy.decide(principal, .readBodyInternal, scope: .body(body)).isAllowed
    }

    /// The bodies the principal may see: public ones, and internal ones whose members they are (or that they manage).
    public func readableBodies(_ bodies: [Body]) -> Set<UUID> {
        Set(bodies.filter { $0.isPublic || isInsider(of: $0.id) }.map(\.id))
    }

    /// The bodies whose internal items the principal may read.
    public func insiderBodies(_ bodies: [Body]) -> Set<UUID> {
        Set(bodies.filter { isInsider(of: $0.id) }.map(\.id))
    }

    /// The body `id` with every body, if the principal may see it; nil when it does not exist or is internal to
    /// others (its existence is not told).
    public func visibleBody(id: UUID) async throws -> (body: Body, all: [Body])? {
        let all = try await participation.all(.body, as: Body.self).map(\.value)
        guard let body = all.first(where: { $0.id == id }), readableBodies(all).contains(id) else { return nil }
        return (body, all)
    }

    /// Every measure; those agreed in a quality dialogue marked as such (also the ones stored before measures knew it).
    public func allMeasures() async throws -> [Measure] {
        var dialogueOf: [UUID: UUID] = [:]
        for dialogue in try await funding.all(.dialogue, as: QualityDialogue.self).map(\.value) {
            for id in dialogue.measureIDs { dialogueOf[id] = dialogue.id }
        }
        return try await participation.all(.measure, as: Measure.self).map(\.value).map { measure in
            var measure = measure
            if measure.dialogueID == nil { measure.dialogueID = dialogueOf[measure.id] }
            return measure
        }
    }

    /// The measures everyone may see: all but the unpublished ones of quality dialogues (public lists, reports, exports).
    public func publicMeasures() async throws -> [Measure] {
        try await allMeasures().filter(\.isPublic)
    }

    /// The measures the principal may see: planners of participation or funding and the responsible provider see
    /// unpublished dialogue measures too.
    public func visibleMeasures() async throws -> [Measure] {
        try await allMeasures().filter(mayRead)
    }

    /// A resolution: of a body the principal may see, and public with its item unless they read the body's internal items.
    public func mayRead(_ resolution: Resolution, item: AgendaItem, body: Body) -> Bool {
        if isInsider(of: body.id) { return true }
        return body.isPublic && item.isPublic && resolution.isPublic
    }

    public func mayRead(_ measure: Measure) -> Bool {
        if measure.isPublic { return true }
        if Policy.decide(principal, .manageParticipation).isAllowed || Policy.decide(principal, .manageFunding).isAllowed { return true }
        guard let organisation = measure.responsibleOrganisation else { return false }
        return Policy.decide(principal, .applyForFunding, scope: .organisation(organisation)).isAllowed
    }
}
