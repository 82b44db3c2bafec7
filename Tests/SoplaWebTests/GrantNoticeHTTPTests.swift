import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// The grant notice as an official document: the sender comes from the county's settings, a notice is issued once,
/// numbered and kept unchanged with its PDF, and the addressed provider reads it.
@Suite("Grant notices over HTTP")
struct GrantNoticeHTTPTests {
    static let agreement = "/foerderung/vereinbarungen/" + FundingDemo.id(401)

    @Test func theSenderIsCheckedAndWhatWasTypedIsKept() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let before = try #require(try await app.fundingStore.noticeSettings())
            #expect(before.authority == "Kreisausschuss des Lahn-Dill-Kreises")
            var fields = before.fields.map { ($0.key, $0.value) }
            fields = fields.map { $0.0 == "postcode" ? ("postcode", "3557") : $0.0 == "authority" ? ("authority", "  ") : $0.0 == "email" ? ("email", "kein Mail") : $0 }
            fields = fields.map { $0.0 == "legalRemedy" ? ("legalRemedy", "Widerspruch binnen eines Monats bei {behörde}.") : $0 }
            fields = fields.filter { $0.0 != "department" } + [("department", "Neue Abteilung")]
            try await post(app, FundingRoute.noticeSettings(), session: planner, fields: fields) { res in
                #expect(res.status == .unprocessableEntity)
                let body = res.body.string
                #expect(body.contains("Postleitzahl: ") && body.contains("Behörde: ") && body.contains("E-Mail: "))
                #expect(body.contains("Rechtsbehelfsbelehrung: ") && body.contains("{behörde}"))
                #expect(body.contains("value=\"Neue Abteilung\"") && body.contains("value=\"3557\""))
                #expect(!body.contains("postcode:") && !body.contains("authority:"))
            }
            #expect(try await app.fundingStore.noticeSettings() == before)
            // A corrected sender is stored and audited; saving it again changes nothing.
            let good = before.fields.map { $0.key == "department" ? ("department", "Fachdienst Soziales") : ($0.key, $0.value) }
            try await post(app, FundingRoute.noticeSettings(), session: planner, fields: good) { res in
                #expect(res.status == .seeOther && res.headers.first(name: .location) == FundingRoute.noticeSettings() + "?hinweis=gespeichert")
            }
            try await post(app, FundingRoute.noticeSettings(), session: planner, fields: good) { res in
                #expect(res.headers.first(name: .location) == FundingRoute.noticeSettings() + "?hinweis=unveraendert")
            }
            #expect(try await app.fundingStore.noticeSettings()?.department == "Fachdienst Soziales")
            let audit = try await AccountStore(database: app.db).audit(AuditQuery(entityType: "notice-settings"))
            #expect(audit.entries.count == 2 && audit.entries.contains { $0.action == .update && $0.changes.contains { $0.field == "department" && $0.after == "Fachdienst Soziales" } })
            // Only the county sets it.
            let tina = try await login(app, DemoLogin.provider)
            try await get(app, FundingRoute.noticeSettings(), session: tina) { res in #expect(res.status == .forbidden) }
        }
    }

    @Test func aNoticeIsIssuedOnceKeptUnchangedAndReadByTheProvider() async throws {
        let renderer = PDFRenderingTests.StubRenderer()
        try await withTestApp { app in
            app.pdfDocuments = PDFDocuments(renderer: renderer, settings: app.settings)
            let planner = try await login(app, DemoLogin.planner)
            let y = FundingDemo.year
            try await get(app, Self.agreement + "/bescheid", session: planner) { res in
                let body = res.body.string
                #expect(res.status == .ok && body.contains("Entwurf – noch nicht erlassen") && body.contains("Noch kein Bescheid erlassen."))
                // Letterhead, addressee, file number, total and years, term, financing, ANBest-P, targets, legal remedy, signature.
                for part in ["Kreisausschuss des Lahn-Dill-Kreises", "Karl-Kellner-Ring 51, 35576 Wetzlar", "Caritasverband (Beispiel)",
                             "50.2-EB-\(y - 2)-01 (Beispiel)", "Wetzlar, 25.11.\(y)", "Bewilligungszeitraum", "01.01.\(y - 2) bis zum 31.12.\(y)",
                             "Fehlbedarfsfinanzierung", "(ANBest-P)", "Ziele und Kennzahlen",
                             "Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur Niederschrift bei Kreisausschuss des Lahn-Dill-Kreises, Karl-Kellner-Ring 51, 35576 Wetzlar, einzulegen.",
                             "Im Auftrag", "Paul Planer (Beispiel)", "<tfoot>"] {
                    #expect(body.contains(part), "\(part)")
                }
                #expect(!body.contains("{behoerde}") && !body.contains("{anschrift}"))
                #expect(body.contains("name=\"number\" value=\"1\""))
            }
            try await post(app, Self.agreement + "/bescheid", session: planner, fields: [("number", "1")]) { res in
                #expect(res.status == .seeOther && res.headers.first(name: .location) == Self.agreement + "/bescheide/1?hinweis=erlassen")
            }
            // The second click (the form still says number 1) issues nothing more and leads to the notice issued.
            try await post(app, Self.agreement + "/bescheid", session: planner, fields: [("number", "1")]) { res in
                #expect(res.status == .seeOther && res.headers.first(name: .location) == Self.agreement + "/bescheide/1?hinweis=erlassen")
            }
            let notices = try await app.fundingStore.notices(agreementID: UUID(uuidString: FundingDemo.id(401))!)
            #expect(notices.count == 1 && notices[0].number == 1 && notices[0].fileNumber == "50.2-EB-\(y - 2)-01 (Beispiel)" && notices[0].hasPDF)
            #expect(notices[0].issuedOn == Day(testNow) && notices[0].issuedBy == "Paul Planer (Beispiel)" && renderer.calls == 1)

            // Changing the sender later leaves the issued notice as it was sent.
            var changed = try #require(try await app.fundingStore.noticeSettings())
            changed.city = "Neustadt am Testbach"
            changed.postcode = "35683"
            try await app.fundingStore.saveNoticeSettings(changed, actor: .system(), at: testNow)
            try await get(app, Self.agreement + "/bescheide/1", session: planner) { res in
                #expect(res.status == .ok && res.body.string.contains("Wetzlar, 25.11.\(y)") && !res.body.string.contains("Testbach"))
            }
            // The stored letter has its letterhead in the body (a page header would be left out of print and PDF).
            let stored = try #require(try await app.fundingStore.noticeDocument(agreementID: UUID(uuidString: FundingDemo.id(401))!, number: 1))
            #expect(stored.body.contains("<div class=\"notice-letterhead\"><p class=\"notice-sender\"><strong>Kreisausschuss des Lahn-Dill-Kreises</strong>"))
            #expect(!stored.body.contains("<header"))
            try await get(app, Self.agreement + "/bescheide/1/bescheid.pdf", session: planner) { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "pdf" && res.body.string.hasPrefix("%PDF"))
            }
            #expect(renderer.calls == 1)
            try await get(app, Self.agreement + "/bescheide/2", session: planner) { res in #expect(res.status == .notFound) }
            try await get(app, Self.agreement + "/bescheide/x", session: planner) { res in #expect(res.status == .notFound) }
            try await get(app, Self.agreement, session: planner) { res in
                #expect(res.body.string.contains("Erlassene Bescheide") && res.body.string.contains("Bescheid Nr. 1"))
            }
            // The next one is an amending notice that names the first.
            try await get(app, Self.agreement + "/bescheid", session: planner) { res in
                #expect(res.body.string.contains("Änderungsbescheid erlassen") && res.body.string.contains("ändert den Bescheid vom 25.11.\(y)"))
                #expect(res.body.string.contains("seit dem letzten Bescheid unverändert"))
                #expect(res.body.string.contains("name=\"number\" value=\"2\""))
            }

            // The provider's own route shows it; another provider's does not.
            let caritas = try await FundingDemo.organisation(app, "Caritasverband (Beispiel)")
            let own = "/organisationen/\(caritas)/foerderung/vereinbarungen/\(FundingDemo.id(401))/bescheide/1"
            try await get(app, own, session: planner) { res in #expect(res.status == .ok && res.body.string.contains("50.2-EB-")) }
            let tina = try await login(app, DemoLogin.provider)
            try await get(app, own, session: tina) { res in #expect(res.status == .forbidden || res.status == .notFound) }
            let sonnenweg = try await FundingDemo.organisation(app, DemoAccounts.counselling)
            try await get(app, "/organisationen/\(sonnenweg)/foerderung/vereinbarungen/\(FundingDemo.id(401))/bescheide/1", session: tina) { res in
                #expect(res.status == .notFound)
            }
            try await get(app, Self.agreement + "/bescheide/1", session: tina) { res in #expect(res.status == .forbidden) }
            let audit = try await AccountStore(database: app.db).audit(AuditQuery(entityType: "grant-notice"))
            #expect(audit.entries.count == 1 && audit.entries[0].entityLabel == "Zuwendungsbescheid EB-\(y - 2)-01 (Beispiel)")
        }
    }

    @Test func withoutACompleteSenderNothingIsIssuedAndThePageSaysWhatIsMissing() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            var settings = try #require(try await app.fundingStore.noticeSettings())
            settings.street = ""
            try await app.fundingStore.saveNoticeSettings(settings, actor: .system(), at: testNow)
            try await get(app, Self.agreement + "/bescheid", session: planner) { res in
                #expect(res.body.string.contains("Es fehlen: Straße und Hausnummer.") && !res.body.string.contains("name=\"number\""))
            }
            try await post(app, Self.agreement + "/bescheid", session: planner, fields: [("number", "1")]) { res in #expect(res.status == .conflict) }
            #expect(try await app.fundingStore.notices(agreementID: UUID(uuidString: FundingDemo.id(401))!).isEmpty)
        }
    }
}
