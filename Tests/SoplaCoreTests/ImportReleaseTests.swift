import Foundation
import SoplaCore
import Testing

@Suite("Import release rules")
struct ImportReleaseTests {
    let date = Day(iso: "2023-12-31")!

    func run(state: ImportRun.State = .done, dryRun: Bool = false, inserted: Int = 2, release: ImportRelease = ImportRelease()) -> ImportRun {
        var run = ImportRun(id: UUID(), fileName: "werte.csv", sha256: "abc", actorID: nil, actorLabel: "Test", startedAt: Date(timeIntervalSince1970: 0),
                            dryRun: dryRun, skipUnknownUnits: false, bytesTotal: 1)
        run.state = state
        run.outcome = ImportOutcome(inserted: inserted, revised: 0, unchanged: 0)
        run.release = release
        return run
    }

    var findings: [ValidationFinding] {
        let change = ValidationRule(id: UUID(), kind: .changeAbove, target: "alo", threshold: 15)
        let sum = ValidationRule(id: UUID(), kind: .childrenSumEqualsParent, target: "bevoelkerung", threshold: 0.5)
        return [ValidationFinding(rule: change, unitKey: "06532001", date: date, actual: 130, expected: 100),
                ValidationFinding(rule: sum, unitKey: "06532", date: date, actual: 10, expected: 12),
                ValidationFinding(rule: change, unitKey: "06532002", date: date, actual: 50, expected: 100)]
    }

    @Test func failedRulesNeedAWrittenReason() throws {
        #expect(throws: ImportRelease.Refusal.reasonRequired(failedRules: ["change-above alo", "children-sum-equals-parent bevoelkerung"])) {
            try ImportRelease.checkRelease(run(), findings: findings, reason: " \n ")
        }
        try ImportRelease.checkRelease(run(), findings: findings, reason: "Gebietsreform: Sprung erklärt")
        // Without findings no reason is needed.
        try ImportRelease.checkRelease(run(), findings: [], reason: nil)
        #expect(throws: ImportRelease.Refusal.reasonTooLong) {
            try ImportRelease.checkRelease(run(), findings: [], reason: String(repeating: "x", count: ImportRelease.maxReasonLength + 1))
        }
    }

    @Test func onlyRunsThatStoredValuesCanBeReleasedOnce() {
        #expect(throws: ImportRelease.Refusal.nothingToRelease) { try ImportRelease.checkRelease(run(dryRun: true), findings: [], reason: nil) }
        #expect(throws: ImportRelease.Refusal.nothingToRelease) { try ImportRelease.checkRelease(run(state: .failed), findings: [], reason: nil) }
        #expect(throws: ImportRelease.Refusal.nothingToRelease) { try ImportRelease.checkRelease(run(inserted: 0), findings: [], reason: nil) }
        let released = ImportRelease(releasedAt: Date(timeIntervalSince1970: 10), releasedBy: "P")
        #expect(released.state == .released)
        #expect(throws: ImportRelease.Refusal.alreadyReleased) { try ImportRelease.checkRelease(run(release: released), findings: [], reason: nil) }
        // A withdrawn release may be given again.
        var withdrawn = released
        withdrawn.withdrawnAt = Date(timeIntervalSince1970: 20)
        #expect(withdrawn.state == .withdrawn)
        #expect(throws: Never.self) { try ImportRelease.checkRelease(run(release: withdrawn), findings: [], reason: nil) }
    }

    @Test func withdrawalNeedsAReleaseAReasonAndConfirmation() throws {
        let released = ImportRelease(releasedAt: Date(timeIntervalSince1970: 10), releasedBy: "P")
        #expect(throws: ImportRelease.Refusal.notReleased) { try ImportRelease.checkWithdrawal(run(), reason: "x", confirmed: true) }
        #expect(throws: ImportRelease.Refusal.withdrawalReasonRequired) { try ImportRelease.checkWithdrawal(run(release: released), reason: "", confirmed: true) }
        #expect(throws: ImportRelease.Refusal.confirmationRequired) { try ImportRelease.checkWithdrawal(run(release: released), reason: "falsch", confirmed: false) }
        try ImportRelease.checkWithdrawal(run(release: released), reason: "falsch", confirmed: true)
    }

    @Test func unreleasedValuesMarkTheirUnitAndEveryUnitAbove() {
        let hierarchy = SpatialHierarchy([("06", nil, "state"), ("06532", "06", "county"), ("06532001", "06532", "municipality"), ("06532002", "06532", "municipality")])
        var table = ObservationTable([Observation("alo", "06532001", date, 5), Observation("alo", "06532002", date, 6)])
        table.unreleased = [ObservationKey(variable: "alo", unitKey: "06532001", date: date)]
        #expect(table.unreleasedUnits(variables: ["alo"], date: date, hierarchy: hierarchy) == ["06532001", "06532", "06"])
        #expect(table.unreleasedUnits(variables: ["bev"], date: date, hierarchy: hierarchy).isEmpty)
        #expect(table.unreleasedUnits(variables: ["alo"], date: Day(iso: "2022-12-31")!, hierarchy: hierarchy).isEmpty)
        #expect(table.unreleasedDates(of: ["alo", "bev"]) == [date])
    }
}
