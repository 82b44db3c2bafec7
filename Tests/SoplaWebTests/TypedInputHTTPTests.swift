import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// What people type reaches the store without control or bidi characters, whichever way it comes (form, JSON,
/// upload); messages name fields as the page does; a wrong current password counts like a wrong login.
@Suite("Typed input over HTTP")
struct TypedInputHTTPTests {
    @Test func formsAndJSONAreReadWithoutControlOrBidiCharacters() throws {
        #expect(CleanInput.cleanForm("label=A%E2%80%AEB%07&value=1&x=a+b&_csrf=t%2B1") == "label=AB&value=1&x=a+b&_csrf=t%2B1")
        #expect(CleanInput.cleanForm("weiter=%2Fa%00b%1B") == "weiter=%2Fab")
        // Line breaks are text (a paper, a description); a redirect target is judged on its own (`RedirectTarget`).
        #expect(CleanInput.cleanForm("text=a%0D%0Ab") == "text=a%0D%0Ab")
        #expect(CleanInput.cleanForm("unchanged=Wetzlar&n=1e308") == "unchanged=Wetzlar&n=1e308")
        struct Body: Decodable { let city: String; let n: Double }
        let body = try CleanInput.JSONBodyDecoder().decode(Body.self, from: ByteBuffer(string: #"{"city":"Wetz\u202elar\u0000","n":1.5}"#), headers: [:])
        #expect(body.city == "Wetzlar" && body.n == 1.5)
    }

    @Test func aReferenceValueIsStoredCleanOnceAndTheNoticeArrives() async throws {
        try await withTestApp { app in
            // The application reads forms and JSON through the clean decoders.
            #expect(try ContentConfiguration.global.requireDecoder(for: .urlEncodedForm) is CleanInput.FormDecoder)
            #expect(try ContentConfiguration.global.requireDecoder(for: .json) is CleanInput.JSONBodyDecoder)
            let planner = try await login(app, DemoLogin.planner)
            let path = "/indikatoren/sgb2_quote_u18/vergleichswerte"
            try await post(app, path, session: planner, fields: [("label", "Hessen\u{202E} T\u{7}"), ("date", "2023-12-31"), ("value", "12,8")]) { res in
                #expect(res.status == .seeOther)
                // The notice goes in the query, before the fragment, so that the server sees it.
                #expect(res.headers.first(name: .location) == "/indikatoren/sgb2_quote_u18?hinweis=angelegt#vergleichswerte")
            }
            #expect(try await app.indicatorStore.referenceValues(indicatorCode: "sgb2_quote_u18").map(\.label) == ["Hessen T"])
            // The same label and date again is a duplicate, whatever the case.
            try await post(app, path, session: planner, fields: [("label", "hessen t"), ("date", "2023-12-31"), ("value", "13")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("ist bereits vergeben."))
            }
            // Spaces and tabs inside the label are one space: "Hessen  T" is the same value again.
            try await post(app, path, session: planner, fields: [("label", "Hessen \t T"), ("date", "2023-12-31"), ("value", "13")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            #expect(try await app.indicatorStore.referenceValues(indicatorCode: "sgb2_quote_u18").count == 1)
        }
    }

    @Test func theOrganisationAPIStoresWhatItAnswersAndNamesWhatItRefuses() async throws {
        try await withTestApp { app in
            let tina = try await login(app, DemoLogin.provider)
            let id = try await organisationID(app, named: DemoAccounts.counselling)
            let api = "/api/v1/organisations/" + id.uuidString.lowercased()
            try await sendJSON(app, .PATCH, api, session: tina, json: #"{"city": "Her\u202eborn\u0000"}"#) { res in
                #expect(res.status == .ok && res.text.contains(#""city":"Herborn""#))
            }
            #expect(try await AccountStore(database: app.db).organisation(id: id)?.city == "Herborn")
            try await sendJSON(app, .PATCH, api, session: tina, json: #"{"name": null}"#) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains(#""field":"name""#))
            }
            try await sendJSON(app, .PATCH, api, session: tina, json: #"{"city": 1e308}"#) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains(#""field":"city""#))
            }
            try await app.testing().test(.PATCH, api, beforeRequest: { req in
                tina.apply(to: &req)
                req.headers.replaceOrAdd(name: CSRF.header, value: tina.csrf)
                req.headers.contentType = .plainText
                req.body = ByteBuffer(string: #"{"city": "Dillenburg"}"#)
            }) { res in
                #expect(res.status == .unsupportedMediaType)
            }
            #expect(try await AccountStore(database: app.db).organisation(id: id)?.city == "Herborn")
        }
    }

    @Test func searchesInTheQueryLoseControlAndBidiCharactersToo() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/gebiete?q=Wetz%E2%80%AElar%1B%00") { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("\u{202E}") && !res.body.string.contains("\u{1B}"))
                #expect(res.body.string.contains("value=\"Wetzlar\""))
                #expect(res.body.string.contains(">Wetzlar</a>"))
            }
        }
    }

    @Test func messagesUseTheFormsLabelsAndListsSayWhichLine() {
        let html = FormBuilder(language: .de, issues: [ValidationIssue("requested", .outOfRange(.money))]).summary(labels: ["requested": "Beantragt"]).render()
        #expect(html.contains(">Beantragt: bitte einen Betrag zwischen 0\u{00A0}€ und 1.000.000.000\u{00A0}€ angeben.</a>"))
        #expect(IssueText.outOfRange(.money, .en, label: "Requested") == "Requested: please enter an amount between €0.00 and €1,000,000,000.00.")
        // A label that names the unit stays.
        let staff = FormBuilder(language: .de, issues: [ValidationIssue("fte", .outOfRange(.fte))]).summary(labels: ["fte": "Personal"]).render()
        #expect(staff.contains(">Vollzeitäquivalente: bitte eine Zahl zwischen 0 und 10.000 angeben.</a>"))
        #expect(IssueText.message(.inLine(line: 2, problem: .expected(.yearAmounts)), .de) == "Zeile 2: Jahr; Betrag erwartet")
        #expect(IssueText.message(.inLine(line: 2, problem: .expected(.yearAmounts)), .en).hasSuffix("2: expected year; amount"))
        #expect(IssueText.message(.inLine(line: 3, problem: .notAWholeNumber(.weight, "viel")), .de) == "Zeile 3: Gewicht „viel“ ist keine ganze Zahl")
        #expect(IssueText.message(.inLine(line: 3, problem: .notAWholeNumber(.weight, "viel")), .en).hasSuffix("3: weight “viel” is not a whole number"))
        #expect(IssueText.message(.inLine(line: 1, problem: .outOfRange(.money)), .en).contains("between"))
        // Every line problem is worded in both languages, none in German on an English page.
        let problems: [LineProblem] = LineProblem.Format.allCases.map { .expected($0) } + LineProblem.Choice.allCases.map { .notAChoice("x", $0) }
            + LineProblem.Value.allCases.flatMap { [.notAWholeNumber($0, "x"), .notANumber($0, "x")] }
            + [.amountMissing, .tooManyDecimals("1,234"), .notAnAmount("x"), .duplicateYear(2026), .unreadableDate("x"), .outOfRange(.fundingYear)]
        for problem in problems {
            let en = IssueText.message(.inLine(line: 1, problem: problem), .en), de = IssueText.message(.inLine(line: 1, problem: problem), .de)
            #expect(en != de && !en.contains("„") && !["erwartet", "ist ", "Betrag", "Jahr", "Zahl"].contains { en.contains($0) }, "\(problem): \(en)")
        }
        #expect(IssueText.message(.weightsNotHundred(total: 65), .de) == "die Gewichte ergeben zusammen 65 %, nicht 100 %.")
        // A weight that is a number but no whole one in range is told the range.
        #expect(FundingEntry.criteria("Bedarf; 1e308; 5").issues == [ValidationIssue("criteria", .inLine(line: 1, problem: .outOfRange(.criterionWeight)))])
        #expect(FundingEntry.criteria("Bedarf; viel; 5").issues == [ValidationIssue("criteria", .inLine(line: 1, problem: .notAWholeNumber(.weight, "viel")))])
    }

    @Test func noticesGoBeforeTheFragment() {
        #expect(NoticeCode.created.appended(to: "/x#teil") == "/x?hinweis=angelegt#teil")
        #expect(NoticeCode.saved.appended(to: "/x?a=1") == "/x?a=1&hinweis=gespeichert")
        #expect(NoticeCode.saved.appended(to: "/x") == "/x?hinweis=gespeichert")
    }

    @Test func aRuleThatNeedsAThresholdDoesNotTakeAnEmptyOne() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let before = try await app.indicatorStore.validationRules().count
            try await post(app, "/daten/pruefregeln", session: planner, fields: [("kind", "change-above"), ("target", "alo"), ("threshold", "")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("fehlt"))
            }
            #expect(try await app.indicatorStore.validationRules().count == before)
            try await post(app, "/daten/pruefregeln", session: planner,
                           fields: [("kind", "numerator-not-above-denominator"), ("target", "kita_u3_quote"), ("threshold", "")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await app.indicatorStore.validationRules().count == before + 1)
        }
    }

    @Test func amountsThatAreNumbersButTooLargeAreToldTheRange() {
        #expect(FundingEntry.money("1e308", field: "amount").failure == Plausible.money.issue("amount"))
        #expect(FundingEntry.money("99999999999999999999", field: "amount").failure == Plausible.money.issue("amount"))
        #expect(FundingEntry.money("-5", field: "amount").failure == Plausible.money.issue("amount"))
        #expect(FundingEntry.money("zehn", field: "amount").failure == ValidationIssue("amount", .unknownValue("zehn")))
        #expect(FundingEntry.money("1e308", field: "budget", line: 2).failure == ValidationIssue("budget", .inLine(line: 2, problem: .outOfRange(.money))))
    }

    @Test func theSummaryNeverShowsAFieldNameFromTheCode() {
        let html = FormBuilder(language: .de, issues: [ValidationIssue("file", .required), ValidationIssue("item", .required)]).summary(labels: [:]).render()
        #expect(html.contains(">Datei: fehlt.</a>"))
        #expect(html.contains(">fehlt.</a>") && !html.contains("item:"))
    }

    @Test func theCurrentPasswordCountsLikeALogin() async throws {
        try await withTestApp { app in
            let session = try await login(app, DemoLogin.planner)
            let store = AccountStore(database: app.db)
            let before = try #require(try await store.credentials(email: DemoLogin.planner.email)?.passwordHash)
            let new = [("password", "Ein-ganz-neues-Kennwort-2026"), ("passwordConfirmation", "Ein-ganz-neues-Kennwort-2026")]
            for n in 0..<LoginThrottle.freeFailures {
                try await post(app, "/konto/passwort", session: session, fields: [("currentPassword", "geraten-\(n)")] + new) { res in
                    #expect(res.status == .unprocessableEntity)
                }
            }
            // Now even the right one waits.
            try await post(app, "/konto/passwort", session: session, fields: [("currentPassword", DemoLogin.planner.password)] + new) { res in
                #expect(res.status == .tooManyRequests)
                #expect(res.headers.first(name: .retryAfter).flatMap(Int.init).map { $0 > 0 } == true)
                #expect(res.body.string.contains("zu viele falsche Versuche"))
            }
            #expect(try await store.credentials(email: DemoLogin.planner.email)?.passwordHash == before)
        }
    }

    @Test func aCheckTurnedAwayAsBusySpendsNoAttempt() async throws {
        try await withTestApp { app in
            let service = AccountService(app: app)
            for _ in 0..<10 {
                await #expect(throws: AdmissionGate.Busy.self) {
                    _ = try await service.throttledCheck(email: "jemand@kreis.example", address: "203.0.113.1") { throw AdmissionGate.Busy(retryAfter: 5) }
                }
            }
            for _ in 0..<LoginThrottle.freeFailures {
                #expect(try await service.throttledCheck(email: "jemand@kreis.example", address: "203.0.113.1") { false } == .wrong)
            }
            let next = try await service.throttledCheck(email: "jemand@kreis.example", address: "203.0.113.1") { false }
            guard case .throttled = next else {
                Issue.record("expected the sixth wrong check to be throttled, got \(next)")
                return
            }
        }
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
