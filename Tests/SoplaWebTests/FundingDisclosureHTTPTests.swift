import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Funding in figures: the dominance rule in public")
struct FundingDisclosureHTTPTests {
    /// Adds agreements of this year to the demo: debt counselling from three providers (41.000 € each, 123.000 €) and
    /// addiction counselling from three others (60.000 € each, 180.000 €). With the demo's guidance (Caritas alone,
    /// 127.308 €) and pregnancy counselling (Diakonie alone, 85.000 €) the year's total is 515.308 € of eight recipients.
    static func addAgreements(_ app: Application) async throws {
        let debt = UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000005")!, addiction = Self.addiction
        let specs: [(String, UUID, Int)] = [
            ("Arbeiterwohlfahrt Kreisverband (Beispiel)", debt, 41_000), ("Deutsches Rotes Kreuz Kreisverband (Beispiel)", debt, 41_000),
            ("Paritätischer Wohlfahrtsverband, Kreisgruppe (Beispiel)", debt, 41_000),
            ("Verein für Suchthilfe Dill (Beispiel)", addiction, 60_000), ("Familienzentrum Lindenhof (Beispiel)", addiction, 60_000),
            ("Beratungsstelle Sonnenweg (Beispiel)", addiction, 60_000),
        ]
        for (n, spec) in specs.enumerated() { try await addAgreement(app, number: n + 1, organisation: spec.0, service: spec.1, euros: spec.2) }
    }

    static let addiction = UUID(uuidString: "5b0c1e2a-0001-4000-8000-000000000008")!

    static func addAgreement(_ app: Application, number: Int, organisation: String, service: UUID, euros: Int) async throws {
        let y = FundingDemo.year
        let agreement = GrantAgreement(id: UUID(uuidString: String(format: "5b0c1e2a-0900-4000-8000-%012d", number))!, reference: "TEST-\(number)",
                                       programmeID: UUID(uuidString: FundingDemo.id(2))!, organisationID: try await organisationID(app, named: organisation), serviceIDs: [service],
                                       start: Day(year: y, month: 1, day: 1)!, end: Day(year: y, month: 12, day: 31)!, amounts: [y: Money(euros: euros)])
        try await app.fundingStore.saveAgreement(agreement, actor: AuditActor(userID: nil, label: "Test", address: nil), at: testNow)
    }

    @Test func oneNewAgreementIsNotTheDifferenceOfTwoPublicStates() async throws {
        try await withTestApp { app in
            try await Self.addAgreements(app)
            let y = FundingDemo.year
            let page = "/foerderung/zahlen?jahr=\(y)"
            try await get(app, page, session: nil) { res in
                #expect(res.body.string.contains(">Suchtberatung</th><td class=\"num\">180.000,00\u{00A0}€</td>"))
                #expect(res.body.string.contains("515.308,00"))
            }
            // Looking again, in English too, or as a planner, records no new state.
            try await get(app, page + "&lang=en", session: nil) { _ in }
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/foerderung/controlling?jahr=\(y)", session: planner) { _ in }
            #expect(try await app.fundingStore.ledger.releases().count == 1)

            // One more agreement, 9.000 € for the addiction counselling of one provider: 189.000 € of three providers and
            // 524.308 € would each pass the rule, but minus what was public they are that provider's new money.
            try await Self.addAgreement(app, number: 7, organisation: "Verein für Suchthilfe Dill (Beispiel)", service: Self.addiction, euros: 9_000)
            try await get(app, page, session: nil) { res in
                let body = res.body.string
                #expect(body.contains(">Suchtberatung</th><td class=\"num suppressed\">geheim gehalten</td>"))
                for amount in ["189.000,00", "524.308,00", "180.000,00", "515.308,00"] { #expect(!body.contains(amount), "\(amount) is public") }
            }
            try await get(app, "/foerderung/zahlen.csv?jahr=\(y)", session: nil) { res in
                let body = res.body.string
                #expect(body.contains("\(y);Themenbereich;Suchtberatung;bewilligt (EUR);;ja\r\n"))
                #expect(body.contains("\(y);Jahre;\(y);bewilligt (EUR);;ja\r\n"))
                #expect(!body.contains("189000") && !body.contains("524308"))
            }
            #expect(try await app.fundingStore.ledger.releases().count == 2)

            // Two more providers' agreements (3.000 € each): since the last state that showed them, the change is three
            // providers' (9.000 + 3.000 + 3.000 €, 60 % the largest): the figures are public again.
            try await Self.addAgreement(app, number: 8, organisation: "Familienzentrum Lindenhof (Beispiel)", service: Self.addiction, euros: 3_000)
            try await Self.addAgreement(app, number: 9, organisation: "Beratungsstelle Sonnenweg (Beispiel)", service: Self.addiction, euros: 3_000)
            try await get(app, page, session: nil) { res in
                let body = res.body.string
                #expect(body.contains(">Suchtberatung</th><td class=\"num\">195.000,00\u{00A0}€</td>"))
                #expect(body.contains("530.308,00"))
            }
            #expect(try await app.fundingStore.ledger.releases().count == 3)
        }
    }

    /// The public figures of a year's page as the portal decides them (and records them).
    static func publicModel(_ app: Application, year: Int) async throws -> ControllingPage.Model {
        let req = Request(application: app, method: .GET, url: URI(string: "/foerderung/zahlen?jahr=\(year)"), on: app.eventLoopGroup.next())
        return try await FundingData.model(req, publication: true)
    }

    @Test func everyPageHidesTheSameYearTotalsAndRecordsEachStateOnce() async throws {
        try await withTestApp { app in
            let y = FundingDemo.year
            try await Self.addAgreements(app)
            let pages = [y - 2, y - 1, y, y + 1]
            func check(_ step: String) async throws {
                var decisions: [Int: Set<Int>] = [:]
                // Pages in a different order each time. Each first look records what it published; looked at again, every
                // page answers the same about every year's total.
                for page in step.count % 2 == 0 ? pages : pages.reversed() { _ = try await Self.publicModel(app, year: page) }
                for page in pages {
                    let model = try await Self.publicModel(app, year: page)
                    decisions[page] = Set(model.trend.map(\.year).filter { model.hidden.contains(.year($0, .committed)) })
                }
                #expect(Set(decisions.values).count == 1, "\(step): \(decisions)")
            }
            try await check("start")
            try await Self.addAgreement(app, number: 7, organisation: "Verein für Suchthilfe Dill (Beispiel)", service: Self.addiction, euros: 9_000)
            try await check("one more agreement")
            try await Self.addAgreement(app, number: 8, organisation: "Familienzentrum Lindenhof (Beispiel)", service: Self.addiction, euros: 3_000)
            try await check("two")
            try await Self.addAgreement(app, number: 9, organisation: "Beratungsstelle Sonnenweg (Beispiel)", service: Self.addiction, euros: 3_000)
            try await check("three")
            // Many people at once after a change: one state is recorded, not one per view.
            try await Self.addAgreement(app, number: 10, organisation: "Arbeiterwohlfahrt Kreisverband (Beispiel)", service: Self.addiction, euros: 2_000)
            let before = try await app.fundingStore.ledger.releases().count
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<12 { group.addTask { _ = try await Self.publicModel(app, year: y) } }
                try await group.waitForAll()
            }
            let after = try await app.fundingStore.ledger.releases()
            #expect(after.count == before + 1)
            #expect(Set(after.map(\.releasedAt)).count <= after.count)
        }
    }

    @Test func aYearWithoutFiguresSaysSo() async throws {
        try await withTestApp { app in
            let y = FundingDemo.year
            for asked in ["abc", "-1", "99999", "1999", "9223372036854775808"] {
                try await get(app, "/foerderung/zahlen?jahr=\(asked)", session: nil) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("Für „\(asked)“ gibt es keine Förderzahlen; gezeigt wird \(y)."), "\(asked)")
                }
            }
            try await get(app, "/foerderung/zahlen?jahr=\(y)", session: nil) { res in #expect(!res.body.string.contains("gibt es keine Förderzahlen")) }
        }
    }

    @Test func theDemoOfTwoProvidersShowsNoCommittedMoneyInPublic() async throws {
        try await withTestApp { app in
            let y = FundingDemo.year
            try await get(app, "/foerderung/zahlen?jahr=\(y)", session: nil) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                // Guidance 127.308 € (Caritas alone), pregnancy 85.000 € (Diakonie alone), together 212.308 € of two: all secret.
                for amount in ["127.308,00", "85.000,00", "212.308,00", "159.231,00"] { #expect(!body.contains(amount), "\(amount) is public") }
                #expect(body.contains(">Erziehungs- und Familienberatung</th><td class=\"num suppressed\">geheim gehalten</td>"))
                #expect(body.contains(">Schwangerschafts(konflikt)beratung</th><td class=\"num suppressed\">geheim gehalten</td>"))
                #expect(body.contains("Davon für präventive Angebote: geheim gehalten."))
                // The budget is the council's, not a recipient's: shown.
                #expect(body.contains("235.000,00"))
                // The rule stands beside the figures, and no hidden figure says why it is hidden.
                #expect(body.contains("Summen aus weniger als drei Empfängern oder mit einem Empfänger, auf den 85 % oder mehr entfallen, werden nicht veröffentlicht"))
                #expect(!body.contains("primary") && !body.contains("secondary\""))
            }
            try await get(app, "/foerderung/zahlen.csv?jahr=\(y)", session: nil) { res in
                let body = res.body.string
                #expect(body.hasPrefix("\u{FEFF}Jahr;Bereich;Name;Kennzahl;Wert;geheim gehalten\r\n"))
                #expect(body.contains("\(y);Themenbereich;Erziehungs- und Familienberatung;bewilligt (EUR);;ja\r\n"))
                #expect(body.contains("\(y);Themenbereich;Schwangerschafts(konflikt)beratung;bewilligt (EUR);;ja\r\n"))
                #expect(body.contains("\(y);Programm;Beratungsangebote aus kommunalisierten Landesmitteln (Beispiel);geplant (EUR);235000,00;nein\r\n"))
                #expect(body.contains("\(y);Programm;Beratungsangebote aus kommunalisierten Landesmitteln (Beispiel);bewilligt (EUR);;ja\r\n"))
                #expect(body.contains("\(y);präventiv;;bewilligt (EUR);;ja\r\n"))
                #expect(!body.contains("127308") && !body.contains("85000.00") && !body.contains("212308"))
            }
            // Planners still see every figure.
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/foerderung/controlling.csv?jahr=\(y)", session: planner) { res in
                #expect(res.body.string.contains("\(y);Themenbereich;Schwangerschafts(konflikt)beratung;bewilligt (EUR);85000,00"))
            }
        }
    }

    @Test func aCategoryOfOneProviderIsHiddenWithTheSmallestOtherCategory() async throws {
        try await withTestApp { app in
            try await Self.addAgreements(app)
            let y = FundingDemo.year
            try await get(app, "/foerderung/zahlen?jahr=\(y)", session: nil) { res in
                let body = res.body.string
                // Addiction counselling: three providers at a third each, 180.000 € of 515.308 € = 34,9 %.
                #expect(body.contains(">Suchtberatung</th><td class=\"num\">180.000,00\u{00A0}€</td><td class=\"num\">34,9 %</td>"))
                // Guidance and pregnancy counselling are one provider's each: hidden. Together (212.308 €) they are still two
                // providers' and would follow from the total minus the rest, so debt counselling (123.000 € < 180.000 €) goes too.
                for name in ["Erziehungs- und Familienberatung", "Schwangerschafts(konflikt)beratung", "Schuldnerberatung"] {
                    #expect(body.contains(">\(name)</th><td class=\"num suppressed\">geheim gehalten</td><td class=\"num suppressed\">geheim gehalten</td>"), "\(name)")
                }
                for amount in ["127.308,00", "85.000,00", "123.000,00", "212.308,00", "335.308,00", "392.308,00"] { #expect(!body.contains(amount), "\(amount) is public") }
                // The total, of eight recipients, is public.
                #expect(body.contains("515.308,00"))
            }
            try await get(app, "/foerderung/zahlen.csv?jahr=\(y)", session: nil) { res in
                let body = res.body.string
                // Published first, the hidden after them by name.
                #expect(body.contains(["\(y);Themenbereich;Suchtberatung;bewilligt (EUR);180000,00;nein", "\(y);Themenbereich;Erziehungs- und Familienberatung;bewilligt (EUR);;ja",
                                       "\(y);Themenbereich;Schuldnerberatung;bewilligt (EUR);;ja", "\(y);Themenbereich;Schwangerschafts(konflikt)beratung;bewilligt (EUR);;ja", ""]
                    .joined(separator: "\r\n")))
                #expect(body.contains("\(y);Jahre;\(y);bewilligt (EUR);515308,00;nein\r\n"))
                // Debt counselling's money per municipality (Herborn and Sinn, its area) would add up to the hidden 123.000 €:
                // the smaller, Sinn's, is hidden as well.
                #expect(body.contains("\(y);Bedarf;Schuldnerberatung / Sinn;bewilligt (EUR);;ja\r\n"))
                #expect(!body.contains("123000") && !body.contains("127308"))
            }
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/foerderung/controlling?jahr=\(y)", session: planner) { res in
                let body = res.body.string
                #expect(body.contains("123.000,00") && body.contains("127.308,00") && !body.contains("geheim gehalten"))
            }
        }
    }
}
