import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Uploads a file with the given form fields as multipart, as a browser does.
func upload(_ app: Application, _ path: String, session: TestSession, fields: [(String, String)], file: (name: String, bytes: [UInt8])) async throws -> TestingHTTPResponse? {
    let boundary = "----sopla-test-\(UUID().uuidString)"
    var body = ByteBuffer()
    for (name, value) in [("_csrf", session.csrf)] + fields {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
    body.writeBytes(file.bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    var response: TestingHTTPResponse?
    try await app.testing().test(.POST, path, beforeRequest: { req in
        session.apply(to: &req)
        req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        req.body = body
    }, afterResponse: { res in response = res })
    return response
}

enum FundingDemo {
    static func id(_ n: Int) -> String { String(format: "5b0c1e2a-0200-4000-8000-%012d", n) }
    static let youth = "/foerderung/programme/" + id(1)
    static let year = Day(testNow).year

    static func organisation(_ app: Application, _ name: String) async throws -> String {
        try #require(try await AccountStore(database: app.db).organisations().first { $0.name == name }).id.uuidString.lowercased()
    }

    static func application(_ app: Application, _ n: Int) async throws -> FundingApplication {
        try #require(try await app.fundingStore.one(.application, id: UUID(uuidString: id(n))!, as: FundingApplication.self)).value
    }
}

@Suite("Funding programmes over HTTP")
struct ProgrammeHTTPTests {
    @Test func plannersKeepProgrammesAndBadInputChangesNothing() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let before = try await app.fundingStore.all(.programme, as: FundingProgramme.self).count
            let good: [(String, String)] = [("name", "Familienbildung (Test)"), ("legalBasis", "SGB VIII § 16"), ("source", "county"), ("callOpens", "2025-10-01"),
                                            ("callCloses", "2025-12-31"), ("criteria", "Bedarf; 60; 5\nKonzept; 40; 5"), ("checklist", "Pflicht; Dokument; Konzept"),
                                            ("budgetLines", "2026; Familienbildung; 50.000,00"), ("preventivePriority", "ja")]
            func with(_ key: String, _ value: String) -> [(String, String)] { good.map { $0.0 == key ? (key, value) : $0 } }
            for (fields, message) in [(with("criteria", "Bedarf; 60; 5\nKonzept; 30; 5"), "die Gewichte ergeben zusammen 90 %, nicht 100 %."),
                                      (with("budgetLines", "2026; Familienbildung; 50.000,001"), "Zeile 1: mehr als zwei Nachkommastellen"),
                                      (with("budgetLines", "2026; Familienbildung; -5,00"), "Zeile 1: Betrag: bitte einen Betrag zwischen 0"),
                                      (with("checklist", "Muss; Dokument; Konzept"), "Zeile 1: „Muss“ ist weder Pflicht noch optional"),
                                      (with("callCloses", "2025-09-01"), "liegt vor dem Beginn")] {
                try await post(app, "/foerderung/programme", session: planner, fields: fields) { res in
                    #expect(res.status == .unprocessableEntity, "\(message)")
                    #expect(res.body.string.contains(message), "\(message)")
                }
            }
            #expect(try await app.fundingStore.all(.programme, as: FundingProgramme.self).count == before)
            var path = ""
            try await post(app, "/foerderung/programme", session: planner, fields: good) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            try await post(app, "/foerderung/programme", session: planner, fields: good) { res in #expect(res.status == .conflict) }
            let created = try #require(try await app.fundingStore.all(.programme, as: FundingProgramme.self).map(\.value).first { $0.name == "Familienbildung (Test)" })
            #expect(created.budgetLines.map(\.amount) == [Money(euros: 50_000)] && created.criteria.map(\.weight) == [60, 40] && created.preventivePriority)
            // Editing keeps the ids of what stays.
            try await post(app, path, session: planner, fields: with("criteria", "Bedarf; 50; 5\nKonzept; 50; 5")) { res in #expect(res.status == .seeOther) }
            let edited = try #require(try await app.fundingStore.one(.programme, id: created.id, as: FundingProgramme.self)).value
            #expect(edited.criteria.map(\.id) == created.criteria.map(\.id) && edited.criteria.map(\.weight) == [50, 50])
            // The youth programme has committed 30.000 € (18.000 + 12.000) of its 80.000 € next year; the line cannot go below that.
            let youth = try #require(try await app.fundingStore.one(.programme, id: UUID(uuidString: FundingDemo.id(1))!, as: FundingProgramme.self)).value
            let lines = youth.budgetLines.map { "\($0.year); \($0.name); " + ($0.year == FundingDemo.year + 1 ? "29.999,99" : FundingEntry.german($0.amount)) + "; jugendarbeit" }.joined(separator: "\n")
            try await post(app, FundingDemo.youth, session: planner, fields: [("name", youth.name), ("legalBasis", youth.legalBasis), ("source", "county"),
                                                                              ("callOpens", youth.callOpens.iso), ("callCloses", youth.callCloses.iso),
                                                                              ("criteria", FundingEntry.criteriaText(youth.criteria)), ("checklist", FundingEntry.checklistText(youth.checklist)),
                                                                              ("budgetLines", lines)]) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("30.000,00"))
            }
            #expect(try await app.fundingStore.one(.programme, id: youth.id, as: FundingProgramme.self)?.value == youth)
            // A committed line typed with a year out of range is named once, by its range, not again as removed.
            let misyeared = youth.budgetLines.map { "\($0.year == FundingDemo.year + 1 ? 1999 : $0.year); \($0.name); " + FundingEntry.german($0.amount) + "; jugendarbeit" }
                .joined(separator: "\n")
            try await post(app, FundingDemo.youth, session: planner, fields: [("name", youth.name), ("legalBasis", youth.legalBasis), ("source", "county"),
                                                                              ("callOpens", youth.callOpens.iso), ("callCloses", youth.callCloses.iso),
                                                                              ("criteria", FundingEntry.criteriaText(youth.criteria)), ("checklist", FundingEntry.checklistText(youth.checklist)),
                                                                              ("budgetLines", misyeared)]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Jahr: bitte ein Jahr zwischen 2000 und 2100 angeben."))
                #expect(!res.body.string.contains("(\(FundingDemo.year + 1))“"))
            }
            #expect(try await app.fundingStore.one(.programme, id: youth.id, as: FundingProgramme.self)?.value == youth)
        }
    }

    @Test func theRankingDrawsTheFundingLine() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, FundingDemo.youth + "/rangfolge.csv", session: planner) { res in
                let lines = res.body.string.split(whereSeparator: \.isNewline).map(String.init)
                // Scored: Mädchenzentrum 5,5,4,4 → 35+35+12+12 = 94; Jugendberatung 4,4,4,3 → 28+28+12+9 = 77; DRK 3,3,3,3 → 60; Väter 2,1,3,3 → 14+7+9+9 = 39.
                // The medien application in review has no score yet and stands below the line, saying so; the fathers' weekends
                // were not recommended: listed last, they take nothing from the budget.
                #expect(lines.count == 6)
                #expect(lines[1].contains("Mädchenzentrum") && lines[1].contains(";94;") && lines[1].hasSuffix(";ja;bewilligt;"))
                #expect(lines[2].contains("Jugendberatung") && lines[2].contains(";77;12000,00;30000,00;ja"))
                #expect(lines[3].contains("Sport und Begegnung") && lines[3].contains(";60;20000,00;50000,00;ja"))
                #expect(lines[4].contains("Medienkompetenz") && lines[4].contains(";9000,00;59000,00;nein;in Begutachtung;noch nicht bewertet"))
                #expect(lines[5].contains("Väter") && lines[5].contains(";39;8000,00;59000,00;nein;") && lines[5].hasSuffix("belastet das Budget nicht"))
            }
            try await get(app, FundingDemo.youth + "/rangfolge", session: planner) { res in
                #expect(res.body.string.contains("Förderlinie"))
                // Opens on the year with applications, and offers the other budget year.
                #expect(res.body.string.contains(#"<option value="\#(FundingDemo.year + 1)" selected"#) && res.body.string.contains(#"<option value="\#(FundingDemo.year)""#))
            }
            try await get(app, FundingDemo.youth + "/rangfolge?jahr=\(FundingDemo.year)", session: planner) { res in
                #expect(res.body.string.contains("Keine") || res.body.string.contains("empty-state"))
            }
        }
    }
}

@Suite("Funding applications over HTTP")
struct ApplicationHTTPTests {
    @Test func aProviderAppliesWithABalancedPlanAndTheChecklist() async throws {
        try await withTestApp { app in
            let store = app.fundingStore
            let tina = try await login(app, DemoLogin.provider)
            let sonnenweg = try await FundingDemo.organisation(app, DemoAccounts.counselling)
            let base = "/organisationen/\(sonnenweg)/foerderung/antraege"
            let line = FundingDemo.id(31)
            let answer = "answer-" + FundingDemo.id(22)
            let good: [(String, String)] = [("programme", FundingDemo.id(1)), ("title", "Jungentreff Sinn (Test)"), ("budgetLine", line), ("preventive", "ja"),
                                            ("costs", "Personal: 10.000,00\nSachkosten: 1.500,50"), ("ownFunds", "1.000,50"), ("otherFunding", "Gemeinde Sinn: 500"),
                                            ("requested", "10.000,00"), (answer, "Offene Angebote für alle.")]
            func with(_ key: String, _ value: String) -> [(String, String)] { good.map { $0.0 == key ? (key, value) : $0 } }
            let before = try await store.all(.application, as: FundingApplication.self).count
            try await post(app, base, session: tina, fields: with("requested", "10.100,00")) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("geht nicht auf: Der beantragte Betrag ist um 100,00"))
            }
            try await post(app, base, session: tina, fields: with("ownFunds", "-1.000,50")) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Betrag: bitte einen Betrag zwischen 0"))
            }
            try await post(app, base, session: tina, fields: with("costs", "Personal: 10.000,001")) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Zeile 1: mehr als zwei Nachkommastellen"))
            }
            #expect(try await store.all(.application, as: FundingApplication.self).count == before)
            var path = ""
            try await post(app, base, session: tina, fields: good) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            let id = try #require(UUID(uuidString: String(path.split(separator: "/").last!)))
            var application = try #require(try await store.one(.application, id: id, as: FundingApplication.self)).value
            #expect(application.requested == Money(euros: 10_000) && application.costPlan.ownFunds == Money(cents: 100_050) && application.state == .draft)
            // Submitting without the concept is refused; a mislabelled file too.
            try await post(app, path + "/schritt", session: tina, fields: [("event", "submit")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Konzept der Maßnahme"))
            }
            let wrong = try await upload(app, path + "/anlagen", session: tina, fields: [("item", FundingDemo.id(21))], file: ("konzept.pdf", Array("MZ\u{90}\u{0}".utf8)))
            #expect(wrong?.status == .unprocessableEntity)
            // The summary names the field and says what the content must be.
            #expect(wrong?.body.string.contains(">Datei: ist keine PDF-, ODT- oder DOCX-Datei") == true)
            let good1 = try await upload(app, path + "/anlagen", session: tina, fields: [("item", FundingDemo.id(21))], file: ("konzept.pdf", Array("%PDF-1.7\n%%EOF\n".utf8)))
            #expect(good1?.status == .seeOther)
            try await post(app, path + "/schritt", session: tina, fields: [("event", "submit")]) { res in #expect(res.status == .seeOther) }
            application = try #require(try await store.one(.application, id: id, as: FundingApplication.self)).value
            let tinaID = try #require(try await AccountStore(database: app.db).credentials(email: DemoLogin.provider.email)?.user.id)
            #expect(application.state == .submitted && application.history.map(\.by) == [tinaID.uuidString.lowercased()])
            try await get(app, path, session: tina) { res in #expect(res.body.string.contains("<td>Tina Träger (Beispiel)</td>")) }
            // A provider may not take a county step, and a submitted application is no longer edited.
            try await post(app, path + "/schritt", session: tina, fields: [("event", "approve")]) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, path, session: tina, fields: good) { res in #expect(res.status == .conflict) }
            // Another organisation: refused by the policy under the first one's address, not found under its own.
            let lars = try await login(app, DemoLogin.otherProvider)
            try await get(app, path, session: lars) { res in #expect(res.status == .forbidden) }
            let lindenhof = try await FundingDemo.organisation(app, DemoAccounts.familyCentre)
            try await get(app, "/organisationen/\(lindenhof)/foerderung/antraege/\(id.uuidString.lowercased())", session: lars) { res in #expect(res.status == .notFound) }
            try await get(app, path + "/anlagen/" + (application.answers.first { $0.attachmentID != nil }!.attachmentID!.uuidString.lowercased()), session: tina) { res in
                #expect(res.status == .ok && res.body.string.hasPrefix("%PDF"))
            }
        }
    }

    @Test func reviewersScoreUnlessConflictedAndTheCountyDecidesWithinBudget() async throws {
        try await withTestApp { app in
            let store = app.fundingStore
            let planner = try await login(app, DemoLogin.planner)
            let gerd = try await login(app, DemoLogin.reviewer)
            let medien = "/begutachtung/" + FundingDemo.id(104)
            let criteria = [11, 12, 13, 14].map { FundingDemo.id($0) }
            func scores(_ values: [Int], reasons: Bool = true) -> [(String, String)] {
                zip(criteria, values).flatMap { [("score-" + $0, String($1)), ("reason-" + $0, reasons ? "begründet" : "")] }
            }
            try await post(app, medien, session: gerd, fields: scores([6, 4, 4, 4])) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("6 liegt nicht auf der Skala von 0 bis 5."))
            }
            try await post(app, medien, session: gerd, fields: scores([4, 4, 4, 4], reasons: false)) { res in #expect(res.status == .unprocessableEntity) }
            #expect(try await store.all(.review, as: ApplicationReview.self, parentID: UUID(uuidString: FundingDemo.id(104))!).isEmpty)
            try await post(app, medien, session: gerd, fields: scores([5, 4, 3, 4])) { res in #expect(res.status == .seeOther) }
            // An application the reviewer is not assigned to is not found.
            try await get(app, "/begutachtung/" + FundingDemo.id(102), session: gerd) { res in #expect(res.status == .notFound) }
            // Declaring a conflict with the family centre's parent (Caritas) makes its application invisible and refused.
            let caritas = try await FundingDemo.organisation(app, "Caritasverband (Beispiel)")
            try await post(app, "/begutachtung/befangenheit", session: gerd, fields: [("organisation", caritas), ("note", "Vorstand")]) { res in #expect(res.status == .seeOther) }
            try await get(app, medien, session: gerd) { res in #expect(res.status == .forbidden) }
            try await get(app, "/begutachtung", session: gerd) { res in #expect(!res.body.string.contains("Medienkompetenz")) }
            try await post(app, medien, session: gerd, fields: scores([0, 0, 0, 0])) { res in #expect(res.status == .forbidden) }
            let gerdID = try #require(try await AccountStore(database: app.db).credentials(email: DemoLogin.reviewer.email)?.user.id)
            try await post(app, "/foerderung/antraege/\(FundingDemo.id(102))/gutachter", session: planner, fields: [("reviewer", gerdID.uuidString), ("kind", "content")]) { res in
                #expect(res.status == .forbidden)
            }
            #expect(try await FundingDemo.application(app, 102).reviewers.isEmpty)
            // The county decides: out of order refused; recommending then approving commits the budget line.
            let medienApp = "/foerderung/antraege/" + FundingDemo.id(104)
            try await post(app, medienApp + "/schritt", session: planner, fields: [("event", "approve")]) { res in #expect(res.status == .conflict) }
            try await post(app, medienApp + "/schritt", session: planner, fields: [("event", "recommend")]) { res in #expect(res.status == .seeOther) }
            try await post(app, medienApp + "/schritt", session: planner, fields: [("event", "approve"), ("resolution", FundingDemo.id(0))]) { res in #expect(res.status == .seeOther) }
            #expect(try await FundingDemo.application(app, 104).granted == Money(euros: 9000))
            #expect(try await store.committed()[UUID(uuidString: FundingDemo.id(31))!] == Money(euros: 39_000))
            // A partial approval above the request is refused.
            let drk = "/foerderung/antraege/" + FundingDemo.id(105)
            try await post(app, drk + "/schritt", session: planner, fields: [("event", "approvePartly"), ("amount", "25.000,00"), ("reason", "x")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            #expect(try await FundingDemo.application(app, 105).state == .recommended)
        }
    }

    @Test func approvalsBeyondTheBudgetLineAreRefused() async throws {
        try await withTestApp { app in
            let store = app.fundingStore
            let planner = try await login(app, DemoLogin.planner)
            // Shrink next year's line to what is committed (30.000 €) plus 10.000 €, then try to approve the DRK's 20.000 €.
            var youth = try #require(try await store.one(.programme, id: UUID(uuidString: FundingDemo.id(1))!, as: FundingProgramme.self)).value
            youth.budgetLines = youth.budgetLines.map { var l = $0; if l.id == UUID(uuidString: FundingDemo.id(31))! { l.amount = Money(euros: 40_000) }; return l }
            try await store.saveProgramme(youth, actor: .system("test"), at: testNow)
            try await post(app, "/foerderung/antraege/\(FundingDemo.id(105))/schritt", session: planner, fields: [("event", "approve")]) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("nur noch 10.000,00"))
            }
            #expect(try await FundingDemo.application(app, 105).state == .recommended)
            #expect(try await store.committed()[UUID(uuidString: FundingDemo.id(31))!] == Money(euros: 30_000))
        }
    }
}

@Suite("Agreements, payments and proofs over HTTP")
struct AgreementHTTPTests {
    @Test func anApprovedApplicationBecomesAnAgreementWithPaymentsAndProof() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock.clock) { app in
            let store = app.fundingStore
            var planner = try await login(app, DemoLogin.planner)
            let y = FundingDemo.year
            let approved = "/foerderung/antraege/" + FundingDemo.id(107)   // Diakonie, 18.000 € for next year
            let fields: [(String, String)] = [("reference", "JA-TEST-1"), ("start", "\(y + 1)-01-01"), ("end", "\(y + 1)-12-31"), ("financing", "shortfall"),
                                              ("amounts", "\(y + 1); 18.000,00"), ("targets", "Output; Besuche; Besuche; 2000; 1500"), ("qualityStandards", "Zwei Fachkräfte")]
            try await post(app, approved + "/vereinbarung", session: planner, fields: fields.map { $0.0 == "amounts" ? ("amounts", "\(y + 1); 18.000,01") : $0 }) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, approved + "/vereinbarung", session: planner, fields: fields.map { $0.0 == "targets" ? ("targets", "Output; Besuche; Besuche; viele") : $0 }) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Zielwert „viele“ ist keine Zahl"))
            }
            #expect(try await store.all(.agreement, as: GrantAgreement.self).count == 2)
            var path = ""
            try await post(app, approved + "/vereinbarung", session: planner, fields: fields) { res in
                #expect(res.status == .seeOther)
                path = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            let agreement = try #require(try await store.all(.agreement, as: GrantAgreement.self).map(\.value).first { $0.reference == "JA-TEST-1" })
            #expect(agreement.amounts == [y + 1: Money(euros: 18_000)] && agreement.targets.first?.baseline == 1500)
            try await get(app, path + "/bescheid", session: planner) { res in #expect(res.body.string.contains("Zuwendungsbescheid") && res.body.string.contains("18.000,00")) }

            // The Diakonie has no login; the planner acts for it here through the provider routes (planners may).
            let diakonie = agreement.organisationID.uuidString.lowercased()
            let own = "/organisationen/\(diakonie)/foerderung/vereinbarungen/\(agreement.id.uuidString.lowercased())"
            try await post(app, own + "/abrufe", session: planner, fields: [("year", "\(y + 1)"), ("amount", "18.000,01")]) { res in
                #expect(res.status == .conflict && res.body.string.contains("höchstens 18.000,00"))
            }
            try await post(app, own + "/abrufe", session: planner, fields: [("year", "\(y + 1)"), ("amount", "12.000,00")]) { res in #expect(res.status == .seeOther) }
            try await post(app, own + "/abrufe", session: planner, fields: [("year", "\(y + 1)"), ("amount", "6.000,01")]) { res in #expect(res.status == .conflict) }
            let drawdown = try #require(try await store.all(.drawdown, as: Drawdown.self, parentID: agreement.id).first).value
            try await post(app, path + "/abrufe/\(drawdown.id.uuidString.lowercased())", session: planner, fields: [("state", "paid")]) { res in #expect(res.status == .conflict) }
            try await post(app, path + "/abrufe/\(drawdown.id.uuidString.lowercased())", session: planner, fields: [("state", "approved")]) { res in #expect(res.status == .seeOther) }
            // Four eyes: who released the drawdown does not order the payment; and nothing is paid before the term starts.
            try await post(app, path + "/abrufe/\(drawdown.id.uuidString.lowercased())", session: planner, fields: [("state", "paid")]) { res in
                #expect(res.status == .conflict && res.body.string.contains("Vier-Augen-Prinzip"))
            }
            var cashier = try await login(app, DemoLogin.cashier)
            try await post(app, path + "/abrufe/\(drawdown.id.uuidString.lowercased())", session: cashier, fields: [("state", "paid")]) { res in
                #expect(res.status == .conflict && res.body.string.contains("Vor Beginn der Laufzeit am"))
            }
            #expect(try await store.one(.drawdown, id: drawdown.id, as: Drawdown.self)?.value.state == .approved)
            clock.advance(Day(year: y + 1, month: 1, day: 2)!.startDate.timeIntervalSince(testNow))
            cashier = try await login(app, DemoLogin.cashier)
            try await post(app, path + "/abrufe/\(drawdown.id.uuidString.lowercased())", session: cashier, fields: [("state", "paid")]) { res in #expect(res.status == .seeOther) }
            planner = try await login(app, DemoLogin.planner)

            // Proof: receipts must add up per cost item; then paid 12.000 against an entitlement of 11.250 → 750 back.
            let proof: [(String, String)] = [("proofYear", "\(y + 1)"), ("narrative", "Gut gelaufen."), ("costs", "Personal; 12.000,00; 11.750,00"), ("ownFunds", "500,00"),
                                             ("receipts", "1; 31.12.\(y + 1); Gehalt; Personal; Personal; 11.700,00"), ("actual-" + agreement.targets[0].id.uuidString.lowercased(), "1900")]
            // A proof of use for a year comes in after the year.
            try await post(app, own + "/nachweise", session: planner, fields: proof) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("erst nach Ende des Jahres eingereicht werden, ab dem 1. Januar \(y + 2)"))
            }
            clock.advance(366 * 86_400)
            planner = try await login(app, DemoLogin.planner)
            try await post(app, own + "/nachweise", session: planner, fields: proof) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Die Belege zu „Personal“ ergeben 50,00"))
            }
            #expect(try await store.all(.proof, as: ProofOfUse.self, parentID: agreement.id).isEmpty)
            // An actual value beyond any plausible figure is refused, naming the range.
            let actualField = "actual-" + agreement.targets[0].id.uuidString.lowercased()
            let balanced = proof.map { $0.0 == "receipts" ? ("receipts", "1; 31.12.\(y + 1); Gehalt; Personal; Personal; 11.750,00") : $0 }
            try await post(app, own + "/nachweise", session: planner, fields: balanced.map { $0.0 == actualField ? (actualField, "1e308") : $0 }) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("1.000.000.000.000"))
            }
            #expect(try await store.all(.proof, as: ProofOfUse.self, parentID: agreement.id).isEmpty)
            try await post(app, own + "/nachweise", session: planner, fields: balanced) { res in
                #expect(res.status == .seeOther)
            }
            let stored = try #require(try await store.all(.proof, as: ProofOfUse.self, parentID: agreement.id).first).value
            try await post(app, path + "/nachweise/\(stored.id.uuidString.lowercased())", session: planner, fields: [("part", "finance"), ("verdict", "rework"), ("note", "")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, path + "/nachweise/\(stored.id.uuidString.lowercased())", session: planner, fields: [("part", "finance"), ("verdict", "accepted")]) { res in
                #expect(res.status == .seeOther)
            }
            try await get(app, path, session: planner) { res in
                let body = res.body.string
                #expect(body.contains("11.250,00") && body.contains("750,00"))
                // 1.900 of 2.000 visits from a baseline of 1.500: 80 % → yellow.
                #expect(body.contains("80 %") && body.contains("gelb"))
            }
        }
    }

    @Test func qualityDialogueWithAgreedMeasures() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let path = "/foerderung/vereinbarungen/" + FundingDemo.id(401)
            try await post(app, path + "/qualitaetsdialoge", session: planner, fields: [("date", "2026-02-10"), ("participants", "Nur eine Person"), ("agenda", "Ziele")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            var dialogue = ""
            try await post(app, path + "/qualitaetsdialoge", session: planner, fields: [("date", "\(FundingDemo.year + 1)-02-10"), ("participants", "Planung\nBeratungsstelle"),
                                                                                          ("agenda", "Zielerreichung"), ("measures", "Offene Sprechstunde in Haiger")]) { res in
                #expect(res.status == .seeOther)
                dialogue = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            try await get(app, dialogue, session: planner) { res in
                let body = res.body.string
                #expect(body.contains("Qualitätsdialog \(FundingDemo.year)") && body.contains("Offene Sprechstunde in Haiger") && body.contains("Zielerreichung"))
            }
            #expect(try await app.participationStore.all(.measure, as: Measure.self).contains { $0.value.title == "Offene Sprechstunde in Haiger" })
            // The demo's earlier dialogue shows the targets against the proof of its year: 372 of 400 cases from 350 → 44 %.
            try await get(app, "/foerderung/qualitaetsdialoge/" + FundingDemo.id(801), session: planner) { res in
                #expect(res.body.string.contains("44 %") && res.body.string.contains("rot"))
            }
        }
    }

    @Test func controllingFiguresReconcile() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let y = FundingDemo.year
            try await get(app, "/foerderung/controlling.csv?jahr=\(y)", session: planner) { res in
                let body = res.body.string
                // This year: guidance 127.308,00 + pregnancy 85.000,00 committed; three quarters paid each: 95.481 + 63.750.
                #expect(body.contains("\(y);Programm;Beratungsangebote aus kommunalisierten Landesmitteln (Beispiel);bewilligt (EUR);212308,00"))
                #expect(body.contains("\(y);Programm;Beratungsangebote aus kommunalisierten Landesmitteln (Beispiel);ausgezahlt (EUR);159231,00"))
                #expect(body.contains("\(y);Programm;Beratungsangebote aus kommunalisierten Landesmitteln (Beispiel);geplant (EUR);235000,00"))
                // The Dillenburg guidance centre is a preventive service.
                #expect(body.contains("\(y);präventiv;;bewilligt (EUR);127308,00"))
                // Pregnancy counselling has a planning standard (SchKG § 4): its funding per municipality stands beside the coverage.
                #expect(body.contains("\(y);Bedarf;Schwangerschafts(konflikt)beratung / Wetzlar;bewilligt (EUR);"))
                #expect(body.contains("\(y);Bedarf;Schwangerschafts(konflikt)beratung / Wetzlar;Versorgungsgrad;"))
                // Municipalities outside the service's area get nothing of it.
                #expect(body.contains("\(y);Bedarf;Schwangerschafts(konflikt)beratung / Haiger;bewilligt (EUR);0,00"))
            }
            try await get(app, "/foerderung/controlling.csv?jahr=\(y - 1)", session: planner) { res in
                // Last year: guidance proven (accepted, shortfall 131.200 − 6.000 − 3.400 = 121.800 ≤ 123.600); pregnancy under review.
                #expect(res.body.string.contains("\(y - 1);Programm;Beratungsangebote aus kommunalisierten Landesmitteln (Beispiel);nachgewiesen (EUR);121800,00"))
            }
            try await get(app, "/foerderung/controlling", session: planner) { res in
                #expect(res.status == .ok && res.body.string.contains("Förderung nach Kommune"))
            }
            let tina = try await login(app, DemoLogin.provider)
            try await get(app, "/foerderung/controlling", session: tina) { res in #expect(res.status == .forbidden) }
        }
    }
}

@Suite("The county's application list over HTTP")
struct ApplicationListHTTPTests {
    @Test func theListIsSearchedFilteredSortedPagedAndDownloaded() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let all = try await app.fundingStore.all(.application, as: FundingApplication.self).map(\.value)
            let names = Dictionary(uniqueKeysWithValues: try await AccountStore(database: app.db).organisations().map { ($0.id, $0.name) })
            try #require(all.count >= 3)
            try await get(app, FundingRoute.applications(), session: planner) { res in
                #expect(res.status == .ok && res.text.contains("\(all.count) Treffer"))
                // Newest year first.
                let years = all.map(\.year).sorted(by: >)
                #expect(res.text.contains("aria-sort=\"descending\"") && years.first.map { res.text.contains("<td>\($0)</td>") } == true)
            }
            // By the organisation's name, typed without umlaut spelling and in capitals.
            let sample = all[0], organisation = try #require(names[sample.organisationID])
            let expected = all.filter { names[$0.organisationID] == organisation || $0.title.localizedCaseInsensitiveContains(organisation) }
            try await get(app, FundingRoute.applications() + "?suche=" + (organisation.uppercased().addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                          session: planner) { res in
                #expect(res.text.contains("\(expected.count) Treffer") && res.text.contains(sample.title))
            }
            // One state; requested amounts ascending.
            let state = sample.state
            try await get(app, FundingRoute.applications() + "?status=\(state.rawValue)&sortierung=beantragt&richtung=auf", session: planner) { res in
                let inState = all.filter { $0.state == state }.sorted { $0.requested < $1.requested }
                #expect(res.text.contains("\(inState.count) Treffer"))
                let positions = inState.compactMap { res.text.range(of: ">" + $0.title + "<")?.lowerBound }
                #expect(positions.count == inState.count && positions == positions.sorted())
            }
            // Unknown filters are left out, a page beyond the end shows the last, the CSV has every matching row.
            try await get(app, FundingRoute.applications() + "?programm=kein&status=kein&sortierung=kein&seite=500", session: planner) { res in
                #expect(res.status == .ok && res.text.contains("\(all.count) Treffer") && !res.text.contains("empty-state") && res.text.contains(sample.title))
            }
            // States sort in the order an application passes through them.
            try await get(app, FundingRoute.applications() + "?sortierung=status&richtung=auf", session: planner) { res in
                let order = ApplicationState.allCases
                let states = all.sorted { order.firstIndex(of: $0.state)! < order.firstIndex(of: $1.state)! }.map(\.state)
                let positions = Array(Set(states)).compactMap { state in all.filter { $0.state == state }.compactMap { res.text.range(of: ">" + $0.title + "<")?.lowerBound }.min() }
                #expect(positions.count == Set(states).count)
                let firstByState = Array(Set(states)).sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
                    .compactMap { state in all.filter { $0.state == state }.compactMap { res.text.range(of: ">" + $0.title + "<")?.lowerBound }.min() }
                #expect(firstByState == firstByState.sorted())
            }
            try await get(app, FundingRoute.applicationsCSV() + "?status=\(state.rawValue)&seite=2", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.text.split(whereSeparator: \.isNewline).count == 1 + all.filter { $0.state == state }.count)
            }
            try await get(app, FundingRoute.applications(), session: nil) { res in #expect(res.status != .ok) }
        }
    }
}

@Suite("The county's agreement list over HTTP")
struct AgreementListHTTPTests {
    @Test func theListIsSearchedSortedPagedAndDownloaded() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let all = try await app.fundingStore.all(.agreement, as: GrantAgreement.self).map(\.value)
            let sample = try #require(all.first)
            try await get(app, FundingRoute.agreements(), session: planner) { res in
                #expect(res.status == .ok && res.text.contains("\(all.count) Treffer") && res.text.contains(sample.reference))
                #expect(res.text.contains("aria-sort=\"ascending\""))
            }
            // The file number typed in small letters finds it; a file number that does not exist finds nothing and says so.
            try await get(app, FundingRoute.agreements() + "?suche=" + (sample.reference.lowercased().addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                          session: planner) { res in
                #expect(res.text.contains(sample.reference) && res.text.contains("Treffer"))
            }
            try await get(app, FundingRoute.agreements() + "?suche=XX-gibt-es-nicht", session: planner) { res in
                #expect(res.status == .ok && res.text.contains("empty-state") && !res.text.contains(sample.reference))
            }
            // Unknown filters are left out and a page beyond the end shows the last one; the CSV has every agreement's years.
            try await get(app, FundingRoute.agreements() + "?programm=kein&sortierung=kein&richtung=ab&seite=500", session: planner) { res in
                #expect(res.status == .ok && res.text.contains("\(all.count) Treffer") && res.text.contains(sample.reference))
            }
            try await get(app, FundingRoute.agreementsCSV() + "?seite=3", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.text.split(whereSeparator: \.isNewline).count == 1 + all.reduce(0) { $0 + $1.amounts.count })
            }
            try await get(app, FundingRoute.agreements(), session: nil) { res in #expect(res.status != .ok) }
        }
    }
}
