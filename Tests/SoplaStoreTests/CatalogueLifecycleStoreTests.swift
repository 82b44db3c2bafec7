import Fluent
import Foundation
import SQLKit
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Catalogue lifecycle in the store")
struct CatalogueLifecycleStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let date = Day(iso: "2023-12-31")!

    func variable(_ code: String, _ state: CatalogueState = .draft) -> Variable {
        Variable(code: code, nameDE: "Merkmal \(code)", nameEN: "Variable \(code)", unit: "Personen", source: "BA", licence: "dl-de/by-2-0", state: state)
    }

    func rate(_ code: String, numerator: String, denominator: String, _ state: CatalogueState = .draft) -> Indicator {
        Indicator(code: code, nameDE: "Quote \(code)", nameEN: "Rate \(code)", topic: .employment, numerator: [IndicatorTerm(variable: numerator)],
                  denominator: [IndicatorTerm(variable: denominator)], factor: 100, state: state)
    }

    func audit(_ db: any Database) async throws -> [AuditEntry] {
        try await AccountStore(database: db).audit(AuditQuery()).entries
    }

    @Test func rowsFromBeforeTheColumnArePublishedAndSavingKeepsTheStoredState() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            // A row written without the new column, as rows stored before the migration: the default makes it published.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("""
                INSERT INTO variables (id, code, name_de, name_en, unit, source, licence, is_count)
                VALUES (\(bind: UUID()), 'alt', 'Alt', 'Old', 'Personen', 'BA', 'dl-de/by-2-0', \(bind: true))
                """).run()
            #expect(try await store.variable(code: "alt")?.state == .published)
            try await store.save(variable("neu", .draft), actor: actor, at: now)
            #expect(try await store.variable(code: "neu")?.state == .draft)
            // Saving the form again does not publish: the state changes only by a transition.
            var edited = variable("neu", .published)
            edited.minimumCount = 5
            try await store.save(edited, actor: actor, at: now)
            #expect(try await store.variable(code: "neu") == with(edited) { $0.state = .draft })
            try await store.save(rate("q", numerator: "neu", denominator: "alt"), actor: actor, at: now)
            try await store.save(rate("q", numerator: "neu", denominator: "alt", .published), actor: actor, at: now)
            #expect(try await store.indicator(code: "q")?.state == .draft)
        }
    }

    @Test func publishingIsBlockedByADraftVariableAndArchivingByAPublishedIndicator() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            try await store.save(variable("alo"), actor: actor, at: now)
            try await store.save(variable("bev", .published), actor: actor, at: now)
            try await store.save(rate("alo_quote", numerator: "alo", denominator: "bev"), actor: actor, at: now)
            let version = try await store.dataVersion()
            await #expect(throws: IndicatorStoreError.variablesNotPublished(["alo"])) {
                try await store.transition(indicator: "alo_quote", .publish, actor: actor, at: now)
            }
            #expect(try await store.indicator(code: "alo_quote")?.state == .draft)
            #expect(try await store.dataVersion() == version)
            #expect(try await store.transition(variable: "alo", .publish, actor: actor, at: now) == .published)
            #expect(try await store.transition(indicator: "alo_quote", .publish, actor: actor, at: now.addingTimeInterval(60)) == .published)
            #expect(try await store.indicator(code: "alo_quote")?.state == .published)
            // The variable cannot be archived while the published indicator shows it.
            await #expect(throws: IndicatorStoreError.usedByPublishedIndicators(["alo_quote"])) {
                try await store.transition(variable: "alo", .archive, actor: actor, at: now)
            }
            await #expect(throws: IndicatorStoreError.transitionNotAllowed(from: .published)) {
                try await store.transition(indicator: "alo_quote", .publish, actor: actor, at: now)
            }
            #expect(try await store.transition(indicator: "alo_quote", .archive, actor: actor, at: now.addingTimeInterval(120)) == .archived)
            #expect(try await store.transition(variable: "alo", .archive, actor: actor, at: now.addingTimeInterval(180)) == .archived)
            // Restoring the indicator needs its variables published again.
            await #expect(throws: IndicatorStoreError.variablesNotPublished(["alo"])) {
                try await store.transition(indicator: "alo_quote", .restore, actor: actor, at: now)
            }
            #expect(try await store.transition(variable: "alo", .restore, actor: actor, at: now.addingTimeInterval(200)) == .published)
            #expect(try await store.transition(indicator: "alo_quote", .restore, actor: actor, at: now.addingTimeInterval(240)) == .published)
            // Every change of state is in the audit log, with the state before and after.
            let entries = try await audit(app.db).filter { $0.entityType == AuditEntity.indicator }
            #expect(entries.map(\.action) == [.update, .update, .update, .create])
            #expect(entries.map(\.changes) == [[FieldChange(field: "state", before: "archived", after: "published")],
                                               [FieldChange(field: "state", before: "published", after: "archived")],
                                               [FieldChange(field: "state", before: "draft", after: "published")],
                                               entries[3].changes])
            #expect(entries[3].changes.contains(FieldChange(field: "state", before: nil, after: "draft")))
        }
    }

    @Test func deletingAUsedVariableIsRefusedNamingEveryUse() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            try await store.save(variable("alo"), actor: actor, at: now)
            try await store.save(variable("bev"), actor: actor, at: now)
            try await store.save(rate("alo_quote", numerator: "alo", denominator: "bev"), actor: actor, at: now)
            let id = UUID()
            try await store.stage(importID: id, [Observation("alo", "06532001", date, 310), Observation("alo", "06532002", date, 95),
                                                 Observation("bev", "06532001", date, 9000)])
            _ = try await store.commitStaged(importID: id, dryRun: false, at: now) { _ in nil }
            try await store.add(ValidationRule(id: UUID(), kind: .changeAbove, target: "alo", threshold: 20), actor: actor, at: now)
            try await store.save(ColumnMapping(tableCode: "13211-01", targets: ["Arbeitslose": IndicatorTerm(variable: "alo")]), actor: actor, at: now)
            let expected: [CatalogueUse] = [.observations(count: 2), .indicator(code: "alo_quote", name: "Quote alo_quote"), .validationRule(kind: .changeAbove),
                                            .columnMapping(tableCode: "13211-01")]
            #expect(try await store.uses(ofVariable: "alo") == expected)
            await #expect(throws: IndicatorStoreError.inUse(expected)) {
                try await store.deleteVariable(code: "alo", actor: actor, at: now)
            }
            #expect(try await store.variable(code: "alo") != nil)
            #expect(try await audit(app.db).filter { $0.action == .delete }.isEmpty)
        }
    }

    @Test func deletingAnUnusedVariableAndIndicatorWorksAndStaysInTheAuditLog() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            try await store.save(variable("wohngeld"), actor: actor, at: now)
            try await store.save(variable("bev", .published), actor: actor, at: now)
            try await store.save(rate("wohngeld_quote", numerator: "wohngeld", denominator: "bev"), actor: actor, at: now)
            // The indicator uses the variable: first the indicator, then the variable.
            #expect(try await store.uses(ofVariable: "wohngeld") == [.indicator(code: "wohngeld_quote", name: "Quote wohngeld_quote")])
            #expect(try await store.uses(ofIndicator: "wohngeld_quote").isEmpty)
            let version = try await store.dataVersion()
            try await store.deleteIndicator(code: "wohngeld_quote", actor: actor, at: now.addingTimeInterval(60))
            try await store.deleteVariable(code: "wohngeld", actor: actor, at: now.addingTimeInterval(120))
            #expect(try await store.indicator(code: "wohngeld_quote") == nil)
            #expect(try await store.variable(code: "wohngeld") == nil)
            #expect(try await store.variables().map(\.code) == ["bev"])
            #expect(try await store.dataVersion() == version + 2)
            let deletions = try await audit(app.db).filter { $0.action == .delete }
            #expect(deletions.map(\.entityType) == [AuditEntity.variable, AuditEntity.indicator])
            #expect(deletions.map(\.entityID) == ["wohngeld", "wohngeld_quote"])
            #expect(deletions[0].entityLabel == "Merkmal wohngeld")
            #expect(deletions[0].changes.contains(FieldChange(field: "state", before: "draft", after: nil)))
            #expect(deletions[0].changes.contains(FieldChange(field: "unit", before: "Personen", after: nil)))
            #expect(deletions[1].changes.contains(FieldChange(field: "numerator", before: "wohngeld", after: nil)))
            await #expect(throws: IndicatorStoreError.notFound) {
                try await store.deleteVariable(code: "wohngeld", actor: actor, at: now)
            }
        }
    }

    @Test func anIndicatorInAReportEditionOrReferenceValueIsNotDeleted() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            try await store.save(variable("alo", .published), actor: actor, at: now)
            try await store.save(variable("bev", .published), actor: actor, at: now)
            try await store.save(rate("alo_quote", numerator: "alo", denominator: "bev", .published), actor: actor, at: now)
            let reports = ReportStore(database: app.db)
            let block = ReportBlock(id: UUID(), kind: .ranking(code: "alo_quote"), caption: "Rangfolge")
            var report = Report(id: UUID(), title: "Sozialbericht 2024", reportingDate: date, territorialStatus: date,
                                chapters: [ReportChapter(id: UUID(), title: "Arbeit", sections: [ReportSection(id: UUID(), title: "Quote", blocks: [block])])])
            try await reports.save(report, actor: actor, at: now)
            #expect(try await store.uses(ofIndicator: "alo_quote") == [.report(title: "Sozialbericht 2024")])
            // The edition keeps the indicator after its block is removed from the report.
            let info = ReportSnapshot.IndicatorInfo(code: "alo_quote", name: "Quote alo_quote", unit: "%", decimals: 1, definition: "", source: "BA",
                                                    licence: "dl-de/by-2-0", gender: .feminine)
            let snapshot = ReportSnapshot(builtAt: now, countyKey: "06532", countyName: "Kreis", unitKeys: [], unitNames: [:], indicators: ["alo_quote": info], values: [:])
            try await reports.save(ReportEdition(id: UUID(), reportID: report.id, number: 1, report: report, snapshot: snapshot, builtBy: "test"), actor: actor, at: now)
            report.chapters[0].sections[0].blocks = []
            try await reports.save(report, actor: actor, at: now)
            // Editions are found by the exact code: not by a code it begins with, not by wildcards.
            #expect(try await store.uses(ofIndicator: "alo_quote") == [.edition(title: "Sozialbericht 2024", number: 1)])
            #expect(try await store.uses(ofIndicator: "alo").isEmpty)
            #expect(try await store.uses(ofIndicator: "alo%quote").isEmpty)
            #expect(try await store.uses(ofIndicator: "alo_quot_").isEmpty)
            #expect(try await reports.editions(usingIndicator: "ALO_QUOTE").isEmpty)
            try await store.add(ReferenceValue(id: UUID(), indicatorCode: "alo_quote", label: "Hessen", date: date, value: 5.1), actor: actor, at: now)
            let expected: [CatalogueUse] = [.edition(title: "Sozialbericht 2024", number: 1), .referenceValue(label: "Hessen")]
            await #expect(throws: IndicatorStoreError.inUse(expected)) {
                try await store.deleteIndicator(code: "alo_quote", actor: actor, at: now)
            }
            #expect(try await store.indicator(code: "alo_quote")?.state == .published)
        }
    }

    func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
        var copy = value
        change(&copy)
        return copy
    }
}
