import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// A rejected proposal carries its reason to the provider, who can answer once; the planner reads the answer.
@Suite("Proposal rejection and answer over HTTP")
struct ProposalAnswerHTTPTests {
    static let proposal = UUID(uuidString: "5b0c1e2a-0004-4000-8000-000000000001")!

    @Test("A rejection needs a reason; the provider sees it and answers; the planner reads the answer")
    func rejectWithReasonAndAnswer() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let proposalPath = "/angebotsplanung/vorschlaege/\(Self.proposal.uuidString.lowercased())"
            try await post(app, proposalPath, session: planner, fields: [("decision", "reject"), ("note", "  ")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("href=\"#note\""))
                #expect(res.body.string.contains("Begründung"))
            }
            #expect(try await app.serviceStore.proposal(id: Self.proposal)?.proposal.state == .open)
            try await post(app, proposalPath, session: planner, fields: [("decision", "reject"), ("note", "Die 1,5 Stellen sind im Haushalt nicht gedeckt.")]) { res in
                #expect(res.status == .seeOther)
            }
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let org = counselling.uuidString.lowercased()
            let provider = try await login(app, DemoLogin.provider)
            let ownPath = "/organisationen/\(org)/vorschlaege/\(Self.proposal.uuidString.lowercased())"
            try await get(app, "/organisationen/\(org)/angebote", session: provider) { res in
                #expect(res.body.string.contains("href=\"\(ownPath)\""))
                #expect(res.body.string.contains("Die 1,5 Stellen sind im Haushalt nicht gedeckt."))
            }
            try await get(app, ownPath, session: provider) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Begründung der Ablehnung"))
                #expect(res.body.string.contains("name=\"answer\""))
            }
            // A planner may open the page but never answers for the provider.
            try await get(app, ownPath, session: planner) { res in
                #expect(res.status == .ok && !res.body.string.contains("name=\"answer\""))
            }
            try await post(app, ownPath, session: planner, fields: [("answer", "Antwort im Namen des Trägers")]) { res in
                #expect(res.status == .forbidden)
            }
            try await post(app, ownPath, session: provider, fields: [("answer", "")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("href=\"#answer\""))
            }
            try await post(app, ownPath, session: provider, fields: [("answer", "Die halbe Stelle finanziert der Träger selbst.")]) { res in
                #expect(res.status == .seeOther)
            }
            // Once only.
            try await post(app, ownPath, session: provider, fields: [("answer", "Noch etwas.")]) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("nur einmal"))
            }
            let stored = try #require(try await app.serviceStore.proposal(id: Self.proposal)?.proposal)
            #expect(stored.answer == "Die halbe Stelle finanziert der Träger selbst.")
            try await get(app, proposalPath, session: planner) { res in
                #expect(res.body.string.contains("Antwort des Trägers"))
                #expect(res.body.string.contains("Die halbe Stelle finanziert der Träger selbst."))
            }
            // Another provider's users do not reach it.
            let other = try await login(app, DemoLogin.otherProvider)
            try await get(app, ownPath, session: other) { res in #expect(res.status == .forbidden || res.status == .notFound) }
            let family = try await organisationID(app, named: "Familienzentrum Lindenhof (Beispiel)")
            try await get(app, "/organisationen/\(family.uuidString.lowercased())/vorschlaege/\(Self.proposal.uuidString.lowercased())", session: other) { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test("Accepting needs no reason, and an accepted proposal takes no answer")
    func acceptWithoutReason() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await post(app, "/angebotsplanung/vorschlaege/\(Self.proposal.uuidString.lowercased())", session: planner, fields: [("decision", "accept")]) { res in
                #expect(res.status == .seeOther)
            }
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let provider = try await login(app, DemoLogin.provider)
            let ownPath = "/organisationen/\(counselling.uuidString.lowercased())/vorschlaege/\(Self.proposal.uuidString.lowercased())"
            try await get(app, ownPath, session: provider) { res in #expect(!res.body.string.contains("name=\"answer\"")) }
            try await post(app, ownPath, session: provider, fields: [("answer", "Danke")]) { res in #expect(res.status == .conflict) }
        }
    }
}
