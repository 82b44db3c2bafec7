import Foundation
import SoplaApp
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

/// Who reads what of participation, decided in one place: bodies, their internal items, measures.
@Suite("Participation access")
struct ParticipationAccessTests {
    let council = Body(id: UUID(), name: "Kreistag", kind: .council, isPublic: true)
    let steering = Body(id: UUID(), name: "Steuerungsgruppe", kind: .steeringGroup, isPublic: false)
    let provider = UUID(), other = UUID()

    @Test func bodiesAreReadByTheirMembersAndPlannersOnly() async throws {
        try await TestDatabase.withDatabase { app in
            func access(_ principal: Principal) -> ParticipationAccess {
                ParticipationAccess(principal: principal, participation: ParticipationStore(database: app.db), funding: FundingStore(database: app.db))
            }
            let bodies = [council, steering]
            let anonymous = access(Principal(userID: nil))
            #expect(anonymous.readableBodies(bodies) == [council.id])
            #expect(anonymous.insiderBodies(bodies).isEmpty)
            let member = access(Principal(userID: UUID(), roles: [.bodyMember], bodies: [steering.id]))
            #expect(member.readableBodies(bodies) == [council.id, steering.id])
            #expect(member.insiderBodies(bodies) == [steering.id])
            let outsider = access(Principal(userID: UUID(), roles: [.bodyMember], bodies: [council.id]))
            #expect(outsider.readableBodies(bodies) == [council.id] && outsider.insiderBodies(bodies) == [council.id])
            let planner = access(Principal(userID: UUID(), roles: [.planner]))
            #expect(planner.insiderBodies(bodies) == [council.id, steering.id])
            // An internal body is not found by those outside it, as if it did not exist.
            let store = ParticipationStore(database: app.db)
            let actor = AuditActor(userID: nil, label: "Test", address: nil)
            for body in bodies { try await store.save(.body, id: body.id, body, label: body.name, actor: actor, at: Date()) }
            #expect(try await anonymous.visibleBody(id: steering.id) == nil)
            #expect(try await member.visibleBody(id: steering.id)?.body == steering)
            #expect(try await anonymous.visibleBody(id: UUID()) == nil)
        }
    }

    @Test func unpublishedDialogueMeasuresAreReadByPlannersAndTheResponsibleProvider() async throws {
        try await TestDatabase.withDatabase { app in
            func access(_ principal: Principal) -> ParticipationAccess {
                ParticipationAccess(principal: principal, participation: ParticipationStore(database: app.db), funding: FundingStore(database: app.db))
            }
            let internalMeasure = Measure(id: UUID(), title: "Wartezeiten senken", responsibleOrganisation: provider, dialogueID: UUID())
            let published = Measure(id: UUID(), title: "Sprechstunde", responsibleOrganisation: provider, dialogueID: UUID(), publishedAt: Date())
            let plain = Measure(id: UUID(), title: "Kreisweites Netzwerk")
            #expect(access(Principal(userID: nil)).mayRead(plain) && access(Principal(userID: nil)).mayRead(published))
            #expect(!access(Principal(userID: nil)).mayRead(internalMeasure))
            #expect(access(Principal(userID: UUID(), roles: [.planner])).mayRead(internalMeasure))
            #expect(access(Principal(userID: UUID(), roles: [.provider], organisations: [provider])).mayRead(internalMeasure))
            #expect(!access(Principal(userID: UUID(), roles: [.provider], organisations: [other])).mayRead(internalMeasure))
        }
    }
}
