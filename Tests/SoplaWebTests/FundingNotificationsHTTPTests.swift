import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Every funding event reaches the right people's inbox: the planners hear what a provider sends, the provider's
/// users what the county decides or asks, a reviewer what was given to them.
@Suite("Funding events are told to the right people")
struct FundingNotificationsHTTPTests {
    static func inbox(_ app: Application, _ email: String) async throws -> [InboxMessage] {
        let user = try #require(try await AccountStore(database: app.db).credentials(email: email)?.user)
        return try await app.participationStore.all(.notification, as: InboxMessage.self).map(\.value).filter { $0.userID == user.id }
    }

    @Test func anApplicationFromSubmissionToDecision() async throws {
        try await withTestApp { app in
            let tina = try await login(app, DemoLogin.provider)
            let sonnenweg = try await FundingDemo.organisation(app, DemoAccounts.counselling)
            let base = "/organisationen/\(sonnenweg)/foerderung/antraege"
            var path = ""
            try await post(app, base, session: tina, fields: [
                ("programme", FundingDemo.id(1)), ("title", "Elterncafé Ehringshausen (Test)"), ("budgetLine", FundingDemo.id(31)), ("preventive", "ja"),
                ("costs", "Personal: 4.000,00"), ("ownFunds", "0"), ("otherFunding", ""), ("requested", "4.000,00"), ("answer-" + FundingDemo.id(22), "Offen für alle."),
            ]) { res in
                #expect(res.status == .seeOther)
                path = String((res.headers.first(name: .location) ?? "").prefix { $0 != "?" })
            }
            _ = try await upload(app, path + "/anlagen", session: tina, fields: [("item", FundingDemo.id(21))], file: ("konzept.pdf", Array("%PDF-1.7\n%%EOF\n".utf8)))
            try await post(app, path + "/schritt", session: tina, fields: [("event", "submit")]) { res in #expect(res.status == .seeOther) }
            // Both planners hear of it, the provider not.
            for login in [DemoLogin.planner, DemoLogin.cashier] {
                let message = try #require(try await Self.inbox(app, login.email).first { $0.subject == "Neuer Antrag: Elterncafé Ehringshausen (Test)" })
                #expect(message.body.hasPrefix("Beratungsstelle Sonnenweg (Beispiel) hat den Antrag „Elterncafé Ehringshausen (Test)“ für ")
                        && message.body.hasSuffix(" eingereicht (\(Format.money(Money(euros: 4000), .de)))."))
                #expect(message.link?.hasPrefix("/foerderung/antraege/") == true)
            }
            #expect(try await Self.inbox(app, DemoLogin.provider.email).allSatisfy { !$0.subject.hasPrefix("Neuer Antrag") })

            let id = String(path.split(separator: "/").last!)
            let planner = try await login(app, DemoLogin.planner)
            let county = "/foerderung/antraege/\(id)"
            let gerd = try #require(try await AccountStore(database: app.db).credentials(email: DemoLogin.reviewer.email)?.user)
            try await post(app, county + "/gutachter", session: planner, fields: [("reviewer", gerd.id.uuidString), ("kind", "content")]) { res in #expect(res.status == .seeOther) }
            let assigned = try #require(try await Self.inbox(app, DemoLogin.reviewer.email).first { $0.subject == "Begutachtung: Elterncafé Ehringshausen (Test)" })
            #expect(assigned.link == "/begutachtung/\(id)" && assigned.body.contains("fachliche Begutachtung"))

            try await post(app, county + "/schritt", session: planner, fields: [("event", "request-changes"), ("reason", "Bitte den Träger der Räume nennen.")]) { res in
                #expect(res.status == .seeOther)
            }
            let changes = try #require(try await Self.inbox(app, DemoLogin.provider.email).first { $0.subject == "Änderungen erbeten: Elterncafé Ehringshausen (Test)" })
            #expect(changes.body.hasSuffix("Begründung: Bitte den Träger der Räume nennen.") && changes.link == path)

            try await post(app, path + "/schritt", session: tina, fields: [("event", "submit")]) { res in #expect(res.status == .seeOther) }
            for event in ["start-formal-check", "pass-formal-check", "not-recommend"] {
                try await post(app, county + "/schritt", session: planner, fields: [("event", event), ("reason", "Konzept noch offen.")]) { res in #expect(res.status == .seeOther) }
            }
            try await post(app, county + "/schritt", session: planner, fields: [("event", "reject"), ("reason", "Mittel sind ausgeschöpft.")]) { res in
                #expect(res.status == .seeOther)
            }
            let decided = try #require(try await Self.inbox(app, DemoLogin.provider.email).first { $0.subject == "Antrag abgelehnt: Elterncafé Ehringshausen (Test)" })
            #expect(decided.body == "Der Antrag „Elterncafé Ehringshausen (Test)“ ist abgelehnt.\n\nBegründung: Mittel sind ausgeschöpft.")
            // The county's inner steps are not told to the provider.
            #expect(try await Self.inbox(app, DemoLogin.provider.email).filter { $0.subject.contains("Elterncafé") }.count == 2)
        }
    }

    @Test func drawdownsProofsAndDialoguesOfAnAgreement() async throws {
        try await withTestApp { app in
            let accounts = AccountStore(database: app.db)
            let caritas = try await organisationID(app, named: "Caritasverband (Beispiel)")
            let clara = try await accounts.createUser(UserAccount(id: UUID(), email: "clara@caritas.example", displayName: "Clara Caritas (Beispiel)", roles: [.provider],
                                                                  organisationIDs: [caritas], hasPassword: true, createdAt: testNow),
                                                      passwordHash: try Bcrypt.hash("Caritas-Hilft-2025", cost: 4), actor: .system("test"), at: testNow)
            let session = try await login(app, clara.email, "Caritas-Hilft-2025")
            let agreement = try #require(try await app.fundingStore.one(.agreement, id: UUID(uuidString: FundingDemo.id(401))!, as: GrantAgreement.self)?.value)
            let year = FundingDemo.year
            let planner = try await login(app, DemoLogin.planner)
            let path = "/foerderung/vereinbarungen/\(FundingDemo.id(401))"
            // The demo's open drawdown (the year's last quarter) rejected: the provider hears; the money is free again.
            let open = try #require(try await app.fundingStore.all(.drawdown, as: Drawdown.self, parentID: agreement.id).map(\.value).first { $0.state == .requested })
            try await post(app, path + "/abrufe/\(open.id.uuidString.lowercased())", session: planner, fields: [("state", "rejected")]) { res in #expect(res.status == .seeOther) }
            #expect(try await Self.inbox(app, clara.email).contains { $0.subject == "Mittelabruf abgelehnt: " + agreement.reference })
            let own = "/organisationen/\(caritas.uuidString.lowercased())/foerderung/vereinbarungen/\(FundingDemo.id(401))"
            try await post(app, own + "/abrufe", session: session, fields: [("year", "\(year)"), ("amount", "1.000,00")]) { res in #expect(res.status == .seeOther) }
            let requested = try #require(try await Self.inbox(app, DemoLogin.planner.email).first { $0.subject == "Mittelabruf: " + agreement.reference })
            #expect(requested.body == "Caritasverband (Beispiel) ruft \(Format.money(Money(euros: 1000), .de)) für \(year) ab.")
            let drawdown = try #require(try await app.fundingStore.all(.drawdown, as: Drawdown.self, parentID: agreement.id).map(\.value).first { $0.state == .requested })
            try await post(app, path + "/abrufe/\(drawdown.id.uuidString.lowercased())", session: planner, fields: [("state", "approved")]) { res in #expect(res.status == .seeOther) }
            #expect(try await Self.inbox(app, clara.email).contains { $0.subject == "Mittelabruf freigegeben: " + agreement.reference })
            try await post(app, path + "/qualitaetsdialoge", session: planner, fields: [("date", "\(FundingDemo.year + 1)-02-10"), ("participants", "Planung\nCaritas"),
                                                                                     ("agenda", "Ziele"), ("findings", ""), ("measures", ""), ("minutes", "")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await Self.inbox(app, clara.email).contains { $0.subject.hasPrefix("Qualitätsdialog am ") && $0.body.contains("über das Jahr \(FundingDemo.year)") })
        }
    }
}

/// One computation of what is committed: the programme page's "approved" and controlling's "committed" agree, also
/// for approvals that have no agreement yet; the preventive share follows the application's own flag.
@Suite("Programme and controlling agree")
struct ProgrammeControllingAgreementHTTPTests {
    @Test func approvedMoneyWithoutAnAgreementIsCommittedInControlling() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let next = FundingDemo.year + 1
            // Next year: the Diakonie's 18.000 € approved and the Caritas's 12.000 € partly approved, neither with an agreement yet.
            let committed = try await app.fundingStore.committed()[UUID(uuidString: FundingDemo.id(31))!]
            #expect(committed == Money(euros: 30_000))
            try await get(app, "/foerderung/controlling.csv?jahr=\(next)", session: planner) { res in
                let lines = res.body.string.split(whereSeparator: \.isNewline).map(String.init)
                #expect(lines.contains { $0.contains("Programm;Geschlechtergerechte Jugendarbeit (Beispiel);bewilligt (EUR);30000,00") }, "\(lines.prefix(8))")
                // Both applications are marked preventive.
                #expect(lines.contains { $0.hasPrefix("\(next);präventiv;;bewilligt (EUR);30000,00") || $0.contains("präventiv;;bewilligt (EUR);30000,00") }, "\(lines)")
            }
        }
    }
}
