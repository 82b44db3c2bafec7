import Fluent
import Foundation
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Indicator store")
struct IndicatorStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let date = Day(iso: "2023-12-31")!
    let female = Breakdown(["sex": "f"])

    func commit(_ store: IndicatorStore, _ observations: [Observation], dryRun: Bool = false) async throws -> ImportOutcome {
        let id = UUID()
        try await store.stage(importID: id, observations)
        return try await store.commitStaged(importID: id, dryRun: dryRun, at: now) { _ in nil }
    }

    @Test func importsInsertReviseAndKeepOldRevisions() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            let first = [Observation("alo", "06532001", date, 310), Observation("alo", "06532001", date, 140, breakdown: female),
                         Observation("alo", "06532002", date, nil, status: .secret)]
            #expect(try await commit(store, first) == ImportOutcome(inserted: 3, revised: 0, unchanged: 0))
            // The same values again: nothing changes.
            #expect(try await commit(store, first) == ImportOutcome(inserted: 0, revised: 0, unchanged: 3))
            let version = try await store.dataVersion()
            // One corrected value, one value that was secret before, one new.
            let second = [Observation("alo", "06532001", date, 312, status: .revised), Observation("alo", "06532002", date, 95),
                          Observation("alo", "06532001", date, 140, breakdown: female), Observation("alo", "06532003", date, 0, status: .zero)]
            #expect(try await commit(store, second, dryRun: true) == ImportOutcome(inserted: 1, revised: 2, unchanged: 1))
            #expect(try await store.dataVersion() == version)
            #expect(try await commit(store, second) == ImportOutcome(inserted: 1, revised: 2, unchanged: 1))
            #expect(try await store.dataVersion() == version + 1)
            let table = try await store.observations(variables: ["alo"])
            #expect(table.values.count == 4)
            #expect(table[ObservationKey(variable: "alo", unitKey: "06532001", date: date)]?.value == 312)
            #expect(table[ObservationKey(variable: "alo", unitKey: "06532001", date: date)]?.status == .revised)
            #expect(table[ObservationKey(variable: "alo", unitKey: "06532002", date: date)]?.value == 95)
            #expect(table[ObservationKey(variable: "alo", unitKey: "06532003", date: date)]?.status == .zero)
            let revisions = try await store.revisions(ObservationKey(variable: "alo", unitKey: "06532001", date: date))
            #expect(revisions.map(\.revision) == [2, 1])
            #expect(revisions.map(\.value) == [312, 310])
            #expect(try await store.observationCount() == (all: 6, current: 4))
            #expect(try await store.dates(variables: ["alo"]) == [date])
        }
    }

    @Test func keepingCurrentValuesAddsOnlyMissingOnes() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            _ = try await commit(store, [Observation("alo", "06532001", date, 310)])
            let id = UUID()
            try await store.stage(importID: id, [Observation("alo", "06532001", date, 271), Observation("alo", "06532002", date, 95)])
            #expect(try await store.commitStaged(importID: id, dryRun: false, at: now, keepCurrent: true) { _ in nil } == ImportOutcome(inserted: 1, revised: 0, unchanged: 0))
            let table = try await store.observations(variables: ["alo"])
            #expect(table[ObservationKey(variable: "alo", unitKey: "06532001", date: date)]?.value == 310)
            #expect(table[ObservationKey(variable: "alo", unitKey: "06532002", date: date)]?.value == 95)
            #expect(try await store.observationCount() == (all: 2, current: 2))
            #expect(try await store.stagedCount(importID: id) == 0)
        }
    }

    @Test func stagedValuesArriveExactlyAndAnotherImportsStagingIsKept() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            let ageAndSex = Breakdown(["age": "u18", "sex": "f"])
            let values: [Double?] = [12.345, -0.5, 1e12, 1e-7, 253_777, nil]
            let observations = values.enumerated().map { index, value in
                Observation("quote", "06532001", Day(year: 2010 + index, month: 12, day: 31)!, value, breakdown: index == 0 ? ageAndSex : .total,
                            status: value == nil ? .secret : .provisional)
            }
            let id = UUID(), other = UUID()
            try await store.stage(importID: id, observations)
            try await store.stage(importID: other, [Observation("quote", "06532002", date, 7)])
            #expect(try await store.commitStaged(importID: id, dryRun: false, at: now) { _ in nil } == ImportOutcome(inserted: 6, revised: 0, unchanged: 0))
            let stored = try await store.history(variable: "quote", unitKey: "06532001").sorted { $0.date < $1.date }
            #expect(stored.map(\.value) == values)
            #expect(stored.map(\.status) == [.provisional, .provisional, .provisional, .provisional, .provisional, .secret])
            #expect(stored.first?.breakdown == ageAndSex)
            // Committing one import empties only its own staged values.
            #expect(try await store.stagedCount(importID: id) == 0)
            #expect(try await store.stagedCount(importID: other) == 1)
            #expect(try await store.commitStaged(importID: other, dryRun: false, at: now) { _ in nil } == ImportOutcome(inserted: 1, revised: 0, unchanged: 0))
            #expect(try await store.stagedCount(importID: other) == 0)
        }
    }

    /// A revised file over many stored values: every staged key is looked up once, never compared with every stored value
    /// (that took minutes for 46,000 values and held the write lock meanwhile). The bound is loose: linear work takes about a second.
    @Test func revisingManyStoredValuesIsNotQuadratic() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            func values(_ offset: Double) -> [Observation] {
                (0..<24_000).map { Observation("n", "06532\(String(format: "%03d", $0 % 24 + 1))", Day(year: 1000 + $0 / 24, month: 12, day: 31)!, Double($0) + offset) }
            }
            #expect(try await commit(store, values(0)) == ImportOutcome(inserted: 24_000, revised: 0, unchanged: 0))
            // Another import's values wait in the staging area meanwhile and are neither compared nor touched.
            let other = UUID()
            try await store.stage(importID: other, values(5))
            let clock = ContinuousClock(), start = clock.now
            var revised = values(1)
            revised[0] = values(0)[0]
            #expect(try await commit(store, revised) == ImportOutcome(inserted: 0, revised: 23_999, unchanged: 1))
            #expect(clock.now - start < .seconds(60))
            #expect(try await store.observationCount() == (all: 47_999, current: 24_000))
            #expect(try await store.stagedCount(importID: other) == 24_000)
            let history = try await store.revisions(ObservationKey(variable: "n", unitKey: "06532002", date: Day(year: 1000, month: 12, day: 31)!))
            #expect(history.map(\.revision) == [2, 1])
            #expect(history.map(\.value) == [2, 1])
        }
    }

    /// sopla stopped during an import: at the next start its run says so, every orphaned staged value goes, and a commit
    /// of the interrupted run (still going on in another process) stores nothing.
    @Test func interruptedImportsAreMarkedFailedAndTheirStagingRemoved() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            var running = ImportRun(id: UUID(), fileName: "gross.csv", sha256: "a", actorID: nil, actorLabel: "Test", startedAt: now, dryRun: false, skipUnknownUnits: false, bytesTotal: 10)
            running.storedFile = "/tmp/uploads/gross.csv"
            var finished = ImportRun(id: UUID(), fileName: "fertig.csv", sha256: "b", actorID: nil, actorLabel: "Test", startedAt: now, dryRun: false, skipUnknownUnits: false, bytesTotal: 10)
            finished.state = .done
            try await store.create(running)
            try await store.create(finished)
            let values = (0..<4500).map { Observation("n", "06532001", Day(year: 1000 + $0, month: 12, day: 31)!, Double($0)) }
            try await store.stage(importID: running.id, values)
            try await store.stage(importID: finished.id, Array(values.prefix(3)))
            let orphan = UUID()
            try await store.stage(importID: orphan, Array(values.prefix(2)))
            let later = now.addingTimeInterval(3600)
            let recovered = try await store.recoverInterruptedImports(at: later)
            #expect(recovered.map(\.id) == [running.id])
            #expect(recovered.first?.storedFile == "/tmp/uploads/gross.csv")
            let marked = try #require(try await store.run(id: running.id))
            #expect(marked.state == .failed)
            #expect(marked.finishedAt == later)
            #expect(marked.issues.map(\.reason) == [.interrupted])
            #expect(marked.issueCount == 1)
            #expect(marked.storedFile == nil)
            #expect(try await store.run(id: finished.id)?.state == .done)
            for id in [running.id, finished.id, orphan] { #expect(try await store.stagedCount(importID: id) == 0) }
            // The interrupted import, still going on elsewhere, reports progress (which leaves it failed), stages its last
            // batch and commits: refused, nothing stored.
            try await store.progress(runID: running.id, bytesRead: 7)
            #expect(try await store.run(id: running.id)?.state == .failed)
            #expect(try await store.run(id: running.id)?.bytesRead == 7)
            try await store.stage(importID: running.id, Array(values.prefix(5)))
            await #expect(throws: IndicatorStoreError.importInterrupted) {
                try await store.commitStaged(importID: running.id, dryRun: false, at: later) { _ in nil }
            }
            #expect(try await store.observationCount() == (all: 0, current: 0))
            // Nothing left to recover at the next start.
            #expect(try await store.recoverInterruptedImports(at: later).isEmpty)
        }
    }

    @Test func aWaitingRunIsResumedOnceOnly() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            var run = ImportRun(id: UUID(), fileName: "tabelle.csv", sha256: "a", actorID: nil, actorLabel: "Test", startedAt: now, dryRun: false, skipUnknownUnits: false, bytesTotal: 10)
            run.state = .needsMapping
            try await store.create(run)
            let waiting = run
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 { group.addTask { try await store.resume(waiting) } }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await store.run(id: run.id)?.state == .running)
            #expect(try await store.resume(run) == false)
        }
    }

    @Test func discardedStagingLeavesNothing() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            let id = UUID()
            try await store.stage(importID: id, (0..<4500).map { Observation("n", "06532\(String(format: "%03d", $0 % 23 + 1))", Day(year: 1990 + $0 / 23, month: 12, day: 31)!, Double($0)) })
            let other = UUID()
            try await store.stage(importID: other, [Observation("n", "06532001", Day(year: 2020, month: 12, day: 31)!, 1)])
            #expect(try await store.stagedCount(importID: id) == 4500)
            try await store.discardStaged(importID: id)
            #expect(try await store.stagedCount(importID: id) == 0)
            // Another import's staging area is left alone, and nothing reached the observations.
            #expect(try await store.stagedCount(importID: other) == 1)
            #expect(try await store.observationCount() == (all: 0, current: 0))
        }
    }

    @Test func catalogueMappingsRulesAndReferenceValuesAreAudited() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            var variable = Variable(code: "alo", nameDE: "Arbeitslose", nameEN: "Unemployed", unit: "Personen", source: "BA", licence: "dl-de/by-2-0")
            try await store.save(variable, actor: actor, at: now)
            variable.minimumCount = 5
            try await store.save(variable, actor: actor, at: now.addingTimeInterval(60))
            #expect(try await store.variable(code: "alo") == variable)
            let indicator = Indicator(code: "alo_f", nameDE: "Arbeitslose Frauen", nameEN: "Unemployed women", topic: .employment,
                                      numerator: [IndicatorTerm(variable: "alo", breakdown: female)], denominator: [IndicatorTerm(variable: "alo")], factor: 100, levels: ["municipality"])
            try await store.save(indicator, actor: actor, at: now)
            #expect(try await store.indicators() == [indicator])
            let mapping = ColumnMapping(tableCode: "12411-01-01-4", targets: ["Stichtag | weiblich": IndicatorTerm(variable: "alo", breakdown: female)], ignored: ["Stichtag | männlich"])
            try await store.save(mapping, actor: actor, at: now)
            #expect(try await store.mapping(tableCode: "12411-01-01-4") == mapping)
            let rule = ValidationRule(id: UUID(), kind: .changeAbove, target: "alo", threshold: 20)
            try await store.add(rule, actor: actor, at: now)
            #expect(try await store.validationRules() == [rule])
            try await store.deleteValidationRule(id: rule.id, actor: actor, at: now)
            #expect(try await store.validationRules().isEmpty)
            let reference = ReferenceValue(id: UUID(), indicatorCode: "alo_f", label: "Hessen", date: date, value: 44.5)
            try await store.add(reference, actor: actor, at: now)
            #expect(try await store.referenceValues(indicatorCode: "alo_f") == [reference])
            let (entries, _) = try await AccountStore(database: app.db).audit(AuditQuery())
            #expect(Set(entries.map(\.entityType)) == [AuditEntity.variable, AuditEntity.indicator, AuditEntity.columnMapping, AuditEntity.validationRule, AuditEntity.referenceValue])
            let variableEntries = entries.filter { $0.entityType == AuditEntity.variable }
            #expect(variableEntries.map(\.action) == [.update, .create])
            #expect(variableEntries[0].changes == [FieldChange(field: "minimumCount", before: "", after: "5")])
        }
    }

    @Test func importRunsRoundTrip() async throws {
        try await TestDatabase.withDatabase { app in
            let store = IndicatorStore(database: app.db)
            var run = ImportRun(id: UUID(), fileName: "werte.csv", sha256: "abc", actorID: nil, actorLabel: "Test", startedAt: now, dryRun: false, skipUnknownUnits: true, bytesTotal: 100)
            try await store.create(run)
            run.state = .failed
            run.issues = [DataImportIssue(line: 3, column: "value", value: "1,5", reason: .decimalSeparator(expected: "."))]
            run.issueCount = 1
            run.dates = [date]
            run.variables = ["alo"]
            try await store.update(run)
            #expect(try await store.run(id: run.id) == run)
            #expect(try await store.runs().map(\.id) == [run.id])
        }
    }
}
