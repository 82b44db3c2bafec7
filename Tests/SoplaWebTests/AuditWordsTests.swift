import Foundation
import SoplaCore
import Testing
@testable import SoplaRender

/// The audit log names fields and values as the pages do: "Status: empfohlen → bewilligt", not "state: recommended → approved".
@Suite("Audit changes in words")
struct AuditWordsTests {
    func change(_ entity: String, _ field: String, _ before: String?, _ after: String?, _ language: Language = .de) -> String {
        AuditWords.change(FieldChange(field: field, before: before, after: after), entity: entity, language)
    }

    func value(_ entity: String, _ field: String, _ stored: String?, _ language: Language = .de) -> String {
        AuditWords.value(stored, field: field, entity: entity, language)
    }

    @Test func flagsReadYesOrNo() {
        #expect(value("funding-application", "preventive", "true") == "ja")
        #expect(value("participation-body", "isPublic", "false") == "nein")
        #expect(value("participation-membership", "votingRight", "true", .en) == "yes")
        #expect(value(AuditEntity.variable, "isCount", "ja", .en) == "yes")
        #expect(value(AuditEntity.variable, "isCount", "nein") == "nein")
        // Whether an organisation or a user may act: the words of the lists.
        #expect(change(AuditEntity.organisation, "active", "true", "false") == "Status: aktiv → deaktiviert")
        #expect(change(AuditEntity.user, "active", nil, "true", .en) == "Status: – → active")
    }

    @Test func idsAreShownByTheirNames() {
        let names = ["5b0c1e2a-0200-4000-8000-000000000401": "EB-2023-01 (Beispiel)", "5b0c1e2a-0100-4000-8000-000000000105": "Gisela Gremm (Beispiel)"]
        #expect(AuditWords.value("5b0c1e2a-0200-4000-8000-000000000401", field: "agreementID", entity: "funding-drawdown", .de, names: names) == "EB-2023-01 (Beispiel)")
        #expect(AuditWords.value("5B0C1E2A-0200-4000-8000-000000000401", field: "agreementID", entity: "funding-drawdown", .de, names: names) == "EB-2023-01 (Beispiel)")
        #expect(AuditWords.value(#"["5b0c1e2a-0100-4000-8000-000000000105","5b0c1e2a-0200-4000-8000-000000000401"]"#, field: "x", entity: "", .de, names: names)
                == "Gisela Gremm (Beispiel), EB-2023-01 (Beispiel)")
        // A record deleted since: said so, not its id.
        #expect(AuditWords.value("00000000-0000-0000-0000-000000000001", field: "personID", entity: "participation-membership", .de, names: names) == "(nicht mehr vorhanden)")
        #expect(AuditWords.value("00000000-0000-0000-0000-000000000001", field: "personID", entity: "participation-membership", .en, names: names) == "(no longer there)")
    }

    @Test func datesAndMomentsInGermanNotation() {
        #expect(value("funding-drawdown", "paidOn", "2026-07-01") == "01.07.2026")
        #expect(value("funding-drawdown", "paidOn", "2024-12-31", .en) == "2024-12-31")
        #expect(value("participation-meeting", "start", "2027-01-12T16:00:00Z") == "12.01.2027 17:00")
        #expect(value("funding-application", "submittedAt", "2026-10-04T10:00:00Z") == "04.10.2026 12:00")
        #expect(value("funding-application", "submittedAt", "2026-10-04T10:00:00Z", .en) == "2026-10-04 12:00")
        #expect(value("funding-application", "submittedAt", "2026-10-04T10:00:00.250Z") == "04.10.2026 12:00")
    }

    @Test func numbersWithDecimalCommaAndNoPadding() {
        #expect(value(AuditEntity.planningStandard, "maxDistanceKm", "25.0") == "25")
        #expect(value(AuditEntity.planningStandard, "fte", "4.0") == "4")
        #expect(value(AuditEntity.service, "fte.Sozialarbeit", "0.75") == "0,75")
        #expect(value(AuditEntity.service, "fte.Sozialarbeit", "1.00") == "1")
        #expect(value(AuditEntity.service, "fte.Sozialarbeit", "0.75", .en) == "0.75")
        #expect(value(AuditEntity.validationRule, "threshold", "0.0") == "0")
        #expect(value(AuditEntity.spatialUnit, "areaHectares", "7543.21") == "7.543,21")
        #expect(value(AuditEntity.referenceValue, "value", "12.5") == "12,5")
        #expect(value(AuditEntity.spatialUnit, "population 2019-12-31", "52955") == "52.955")
        #expect(value(AuditEntity.spatialUnit, "point", "8.501069 50.554439") == "8,501069 50,554439")
        #expect(value(AuditEntity.spatialUnit, "point", "8.501069 50.554439", .en) == "8.501069 50.554439")
        #expect(value(AuditEntity.planningStandard, "inhabitants", "10000") == "10.000")
        // Years, postcodes and item numbers are not amounts.
        #expect(value("funding-application", "year", "2026") == "2026")
        #expect(value(AuditEntity.organisation, "postcode", "35578") == "35578")
        #expect(value("participation-agenda-item", "number", "1.2") == "1.2")
        // Not a number after all: left as it is.
        #expect(value(AuditEntity.planningStandard, "fte", "viele") == "viele")
    }

    @Test func moneyAsThePagesShowIt() {
        #expect(value("funding-application", "requested", #"{"cents":1200000}"#) == "12.000,00\u{00A0}€")
        #expect(value("funding-drawdown", "amount", #"{"cents":3182700}"#, .en) == "€31,827.00")
        #expect(value("funding-agreement", "amounts", #"{"2026":{"cents":9000000},"2025":{"cents":8500000}}"#)
            == "2025: 85.000,00\u{00A0}€ · 2026: 90.000,00\u{00A0}€")
    }

    @Test func jsonThatIsNoMoneyIsSummed() {
        #expect(value("funding-application", "history", #"[{"at":"2026-10-04T10:00:00Z","by":"x"},{"at":"2026-10-05T10:00:00Z","by":"y"},{"a":1}]"#)
            == "3 Einträge")
        #expect(value("funding-application", "history", #"[{"at":"2026-10-04T10:00:00Z"}]"#, .en) == "1 entry")
        #expect(value("funding-application", "serviceIDs", #"["F349161D-0000-4000-8000-000000000001"]"#) == "1 Eintrag")
        #expect(value("funding-programme", "eligibleCategories", #"["erziehungsberatung","jugendarbeit"]"#) == "erziehungsberatung, jugendarbeit")
        #expect(value("funding-application", "reviewers", "[]") == "keine")
        #expect(value("funding-proof", "actuals", #"["F349161D-0000-4000-8000-000000000001",12.5]"#) == "1 Eintrag")
        #expect(value("funding-application", "costPlan", #"{"costs":[],"ownFunds":{"cents":0}}"#) == "2 Angaben")
        #expect(value("report-edition", "report", #"{"chapters":[],"title":"Sozialbericht 2026"}"#) == "Sozialbericht 2026")
        // Not JSON after all: left as it is.
        #expect(value("participation-statement", "text", "[Entwurf] bitte prüfen") == "[Entwurf] bitte prüfen")
    }

    @Test func codesOfStatesKindsAndRolesInWords() {
        let cases: [(String, String, String, String)] = [
            ("funding-application", "state", "recommended", "empfohlen"),
            ("funding-drawdown", "state", "requested", "angefordert"),
            ("funding-agreement", "financing", "shortfall", "Fehlbedarfsfinanzierung"),
            ("funding-proof", "financeVerdict", "accepted", FundingNames.verdict(.accepted, Texts(.de))),
            ("funding-review", "kind", "content", "inhaltlich"),
            ("funding-programme", "source", "county", "Kreismittel"),
            ("participation-meeting", "state", "invited", "eingeladen"),
            ("participation-membership", "role", "chair", "Vorsitz"),
            ("participation-body", "kind", "working-group", "Arbeitsgruppe"),
            ("participation-paper", "type", "draft-resolution", "Beschlussvorlage"),
            ("participation-agenda-item", "role", "decision", "zur Beschlussfassung"),
            ("participation-measure", "status", "done", "erledigt"),
            ("participation-statement-response", "decision", "adopted", "berücksichtigt"),
            ("participation-resolution", "vote", #"{"unanimous":{}}"#, "einstimmig"),
            ("participation-resolution", "vote", #"{"counted":{"abstain":1,"no":2,"yes":7}}"#, "7 ja, 2 nein, 1 Enthaltungen"),
            ("participation-attendance", "statuses", #"["A","present","B","excused","C","present"]"#, "anwesend: 2 · entschuldigt: 1"),
            (AuditEntity.indicator, "polarity", "higher-is-worse", "Höhere Werte sind ungünstiger"),
            (AuditEntity.indicator, "topic", "upbringing", "Aufwachsen"),
            (AuditEntity.indicator, "state", "published", "veröffentlicht"),
            (AuditEntity.indicator, "levels", "county,municipality", "Kreis, Stadt/Gemeinde"),
            (AuditEntity.variable, "state", "draft", "Entwurf"),
            (AuditEntity.spatialUnit, "level", "municipality", "Stadt/Gemeinde"),
            (AuditEntity.validationRule, "kind", "numerator-not-above-denominator", "Zähler ≤ Nenner"),
            (AuditEntity.service, "status", "active", "aktiv"),
            (AuditEntity.service, "sexes", "female, male", [Sex.female, .male].map { ServiceNames.sex($0, .de) }.joined(separator: ", ")),
            (AuditEntity.duplicateReview, "verdict", "to-review", "zu prüfen"),
            (AuditEntity.serviceProposal, "state", "accepted", "übernommen"),
            (AuditEntity.planningStandard, "population", "total", "Einwohnerinnen und Einwohner insgesamt"),
            (AuditEntity.dataImport, "state", "released", "freigegeben"),
            (AuditEntity.organisation, "kind", "provider", "Freier Träger"),
            (AuditEntity.user, "roles", "planner,provider", AccountNames.roles([.planner, .provider], .de)),
            (AuditEntity.apiToken, "scope", "read", "Nur lesen"),
            (AuditEntity.user, "purpose", "password-reset", "Passwort zurücksetzen"),
        ]
        for (entity, field, code, words) in cases {
            #expect(value(entity, field, code) == words, "\(entity) \(field) \(code)")
        }
        #expect(value("funding-application", "state", "approved", .en) == "approved")
        #expect(value(AuditEntity.indicator, "polarity", "higher-is-worse", .en) == "Higher values are worse")
        // A code that means nothing in this record stays as it is; a code the enum does not know too.
        #expect(value(AuditEntity.spatialUnit, "kind", "Planungsraum") == "Planungsraum")
        #expect(value("funding-application", "state", "lost") == "lost")
        #expect(value(AuditEntity.indicator, "levels", "county,galaxy") == "county,galaxy")
        #expect(value(AuditEntity.planningStandard, "population", "bev_u21") == "bev_u21")
    }

    @Test func fieldLabelsOfEveryRecordKind() {
        let labels: [(String, String, String)] = [
            (AuditEntity.organisation, "phone", "Telefon"), (AuditEntity.organisation, "kind", "Art"),
            (AuditEntity.user, "roles", "Rollen"), (AuditEntity.apiToken, "scope", "Berechtigung"),
            (AuditEntity.spatialUnit, "level", "Ebene"), (AuditEntity.spatialUnit, "ars", "Amtlicher Regionalschlüssel (ARS)"),
            (AuditEntity.spatialUnit, "population 2019-12-31", "Einwohner 31.12.2019"),
            (AuditEntity.variable, "nameDE", "Name (deutsch)"), (AuditEntity.variable, "tableCode", "GENESIS-Tabelle"),
            (AuditEntity.variable, "isCount", "Fallzahl"), (AuditEntity.indicator, "polarity", "Bewertung"),
            (AuditEntity.indicator, "topic", "Thema"), (AuditEntity.indicator, "numerator", "Zähler"),
            (AuditEntity.indicator, "decimals", "Nachkommastellen"), (AuditEntity.indicator, "levels", "Gültig auf den Ebenen"),
            (AuditEntity.validationRule, "kind", "Regel"), (AuditEntity.referenceValue, "date", "Stichtag"),
            (AuditEntity.dataImport, "inserted", "Neu"), (AuditEntity.service, "fte.Sozialarbeit", "Vollzeitäquivalente Sozialarbeit"),
            (AuditEntity.service, "casesPerYear", "Fälle im Jahr"), (AuditEntity.service, "signLanguage", "Gebärdensprache"),
            (AuditEntity.service, "status", "Status"), (AuditEntity.planningStandard, "maxDistanceKm", "Höchste Entfernung (km)"),
            (AuditEntity.planningStandard, "fte", "Vollzeitstellen (VZÄ)"), (AuditEntity.planningStandard, "population", "Bezugsbevölkerung"),
            (AuditEntity.surveyRound, "organisations", "Befragte Träger"), (AuditEntity.serviceCategory, "communalised", "Kommunalisierter Förderbereich"),
            ("funding-programme", "source", "Mittelherkunft"), ("funding-programme", "callOpens", "Antragsfrist beginnt"),
            ("funding-application", "requested", "Beantragt"), ("funding-application", "history", "Verlauf"),
            ("funding-application", "organisationID", "Träger"), ("funding-application", "submittedAt", "Eingereicht am"),
            ("funding-agreement", "amounts", "Beträge je Jahr"), ("funding-agreement", "financing", "Finanzierungsart"),
            ("funding-drawdown", "paidOn", "Ausgezahlt am"), ("funding-proof", "narrative", "Sachbericht"),
            ("funding-dialogue", "findings", "Ergebnisse"), ("funding-review", "proposedAmount", "Angemessener Betrag"),
            ("participation-meeting", "start", "Beginn"), ("participation-membership", "votingRight", "Stimmrecht"),
            ("participation-body", "isPublic", "Öffentlich"), ("participation-paper", "type", "Art"),
            ("participation-agenda-item", "role", "Beratungsart"), ("participation-statement-response", "decision", "Abwägung"),
            ("participation-measure", "progress", "Fortschritt"), ("participation-resolution", "vote", "Abstimmung"),
            ("report-report", "title", "Titel des Berichts"), ("report-edition", "publishedAt", "Veröffentlicht am"),
        ]
        for (entity, code, label) in labels {
            #expect(AuditWords.field(code, entity: entity, .de) == label, "\(entity) \(code)")
        }
        #expect(AuditWords.field("fte.Sozialarbeit", entity: AuditEntity.service, .en) == "Full-time equivalents Sozialarbeit")
        #expect(AuditWords.field("population 2019-12-31", entity: AuditEntity.spatialUnit, .en) == "Population 2019-12-31")
        #expect(AuditWords.field("maxDistanceKm", entity: AuditEntity.planningStandard, .en) == "Maximum distance (km)")
        // Unknown codes (e.g. the column signatures of a mapping) stay as they are.
        #expect(AuditWords.field("Merkmal|Gebiet", entity: AuditEntity.columnMapping, .de) == "Merkmal|Gebiet")
        #expect(AuditWords.field("", entity: "", .de) == "")
    }

    @Test func wholeChanges() {
        #expect(change("funding-application", "state", "recommended", "approved") == "Status: empfohlen → bewilligt")
        #expect(change(AuditEntity.planningStandard, "maxDistanceKm", nil, "25.0") == "Höchste Entfernung (km): – → 25")
        #expect(change(AuditEntity.service, "legalBasis", "", "§ 28 SGB VIII") == "Rechtsgrundlage: – → § 28 SGB VIII")
        #expect(change(AuditEntity.organisation, "phone", nil, "06441 1") == "Telefon: – → 06441 1")
        #expect(AccountNames.change(FieldChange(field: "phone", before: nil, after: "06441 1"), .de) == "Telefon: – → 06441 1")
    }
}
