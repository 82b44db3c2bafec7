import Foundation
import Testing
@testable import SoplaCore

@Suite("Policy")
struct PolicyTests {
    let own = UUID()
    let other = UUID()
    let body = UUID()

    func user(_ roles: Set<Role>, organisations: Set<UUID> = [], bodies: Set<UUID> = [], conflicts: Set<UUID> = [],
              grants: Set<Grant> = [], access: Access = .session) -> Principal {
        Principal(userID: UUID(), roles: roles, organisations: organisations, bodies: bodies, conflicts: conflicts, grants: grants, access: access)
    }

    @Test func everyActionHasExactlyOneRule() {
        #expect(Set(Policy.rules.map(\.action)) == Set(Action.allCases))
        #expect(Policy.rules.count == Action.allCases.count)
    }

    @Test func thePublicReadsAndLogsInButNothingElse() {
        let allowed = Action.allCases.filter { Policy.decide(.anonymous, $0).isAllowed }
        #expect(allowed == [.readPublic, .signIn, .useAccessLink])
        #expect(Policy.decide(.anonymous, .viewOwnAccount) == .denyUnauthenticated)
        #expect(Policy.decide(.anonymous, .editOrganisation, scope: .organisation(own)) == .denyUnauthenticated)
    }

    @Test func aProviderEditsOnlyTheirOwnOrganisation() {
        let provider = user([.provider], organisations: [own])
        #expect(Policy.decide(provider, .editOrganisation, scope: .organisation(own)) == .allow)
        #expect(Policy.decide(provider, .editOrganisation, scope: .organisation(other)) == .denyForbidden)
        #expect(Policy.decide(provider, .editOrganisation) == .denyForbidden)
        #expect(Policy.decide(provider, .viewOrganisationHistory, scope: .organisation(own)) == .allow)
        #expect(Policy.decide(provider, .createOrganisation) == .denyForbidden)
        #expect(Policy.decide(provider, .deactivateOrganisation) == .denyForbidden)
        #expect(Policy.decide(provider, .manageUsers) == .denyForbidden)
    }

    @Test func aBodyMemberReadsOnlyTheirBodiesAndSeesUnsuppressedFiguresOnlyIfGranted() {
        let member = user([.bodyMember], bodies: [body])
        #expect(Policy.decide(member, .readBodyInternal, scope: .body(body)) == .allow)
        #expect(Policy.decide(member, .readBodyInternal, scope: .body(UUID())) == .denyForbidden)
        #expect(Policy.decide(member, .submitStatement, scope: .body(body)) == .allow)
        #expect(Policy.decide(member, .viewUnsuppressedFigures) == .denyForbidden)
        #expect(Policy.decide(user([.bodyMember], grants: [.unsuppressedFigures]), .viewUnsuppressedFigures) == .allow)
    }

    @Test func aReviewerNeverReviewsAnOrganisationTheyDeclaredAConflictWith() {
        let reviewer = user([.reviewer], conflicts: [other])
        #expect(Policy.decide(reviewer, .reviewApplication, scope: .organisation(own)) == .allow)
        #expect(Policy.decide(reviewer, .reviewApplication, scope: .organisation(other)) == .denyForbidden)
        #expect(Policy.decide(reviewer, .editOrganisation, scope: .organisation(own)) == .denyForbidden)
    }

    @Test func plannersManageContentAndAdministratorsManagePeople() {
        let planner = user([.planner])
        let admin = user([.administrator])
        #expect(Policy.decide(planner, .manageSpatialUnits) == .allow)
        #expect(Policy.decide(planner, .editOrganisation, scope: .organisation(other)) == .allow)
        #expect(Policy.decide(planner, .manageUsers) == .denyForbidden)
        #expect(Policy.decide(planner, .viewAuditLog) == .denyForbidden)
        #expect(Policy.decide(admin, .manageUsers) == .allow)
        #expect(Policy.decide(admin, .viewAuditLog) == .allow)
        #expect(Policy.decide(admin, .managePersonalData) == .allow)
        #expect(Policy.decide(admin, .manageSpatialUnits) == .denyForbidden)
        #expect(Policy.decide(admin, .readBodyInternal, scope: .body(body)) == .denyForbidden)
    }

    @Test func rolesAddUp() {
        let both = user([.provider, .reviewer], organisations: [own])
        #expect(Policy.decide(both, .editOrganisation, scope: .organisation(own)) == .allow)
        #expect(Policy.decide(both, .reviewApplication, scope: .organisation(other)) == .allow)
        let none = user([])
        #expect(Policy.decide(none, .viewOwnAccount) == .allow)
        #expect(Policy.decide(none, .editOrganisation, scope: .organisation(own)) == .denyForbidden)
    }

    @Test func aReadOnlyTokenChangesNothing() {
        let reader = user([.planner, .administrator], organisations: [own], access: .token(.read))
        let writer = user([.planner], access: .token(.readWrite))
        for rule in Policy.rules where !rule.everyone {
            let decision = Policy.decide(reader, rule.action, scope: .organisation(own))
            if rule.changesData { #expect(decision == .denyForbidden, "\(rule.action)") }
        }
        #expect(Policy.decide(reader, .viewOwnAccount) == .allow)
        #expect(Policy.decide(reader, .viewAuditLog) == .allow)
        #expect(Policy.decide(writer, .editOrganisation, scope: .organisation(other)) == .allow)
    }
}
