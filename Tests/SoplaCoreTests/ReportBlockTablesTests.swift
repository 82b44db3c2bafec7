import Foundation
import Testing
@testable import SoplaCore

@Suite("Report editions compared block by block")
struct ReportBlockTablesTests {
    static let day = Day(year: 2025, month: 6, day: 30)!
    static let indexID = UUID(uuidString: "11111111-0000-4000-8000-000000000001")!
    static let tableID = UUID(uuidString: "22222222-0000-4000-8000-000000000002")!
    static let method = SocialIndexMethod(name: "Sozialindex (Test)", components: [.init(indicatorCode: "x", weight: 1, higherIsWorse: true)], years: 5, statusWeight: 1)

    /// Five municipalities with one indicator; Aßlar (the last) has `asslar`.
    static func snapshot(asslar: Double, tables: [String: ReportTable]? = nil) -> ReportSnapshot {
        let keys = ["a", "b", "c", "d", "asslar"]
        let values = zip(keys, [1, 2, 3, 5, asslar]).reduce(into: [String: ReportSnapshot.Value]()) { $0[$1.0] = .init(value: $1.1, suppressed: false) }
        return ReportSnapshot(builtAt: Date(timeIntervalSince1970: 0), countyKey: "k", countyName: "Kreis", unitKeys: keys,
                              unitNames: ["a": "A", "b": "B", "c": "C", "d": "D", "asslar": "Aßlar"], indicators: [:], values: ["x": ["2025-06-30": values]], tables: tables)
    }

    static func edition(_ number: Int, _ snapshot: ReportSnapshot, blocks: [ReportBlock]) -> ReportEdition {
        let report = Report(id: UUID(uuidString: "33333333-0000-4000-8000-000000000003")!, title: "R", reportingDate: day, territorialStatus: day,
                            chapters: [ReportChapter(id: UUID(), title: "K", sections: [ReportSection(id: UUID(), title: "S", blocks: blocks)])])
        return ReportEdition(id: UUID(), reportID: report.id, number: number, report: report, snapshot: snapshot, builtBy: "t")
    }

    static let indexBlock = ReportBlock(id: indexID, kind: .socialIndex(method), caption: "Sozialindex")

    @Test func theSocialIndexTableHasStatusIndexAndClassPerMunicipality() {
        let table = ReportBlockTables.socialIndex(Self.method, snapshot: Self.snapshot(asslar: 6), on: Self.day)
        #expect(table.key == "sozialindex_test")
        #expect(table.header == ["Gemeinde", "Status", "Dynamik", "Index", "Klasse"])
        // Values 1, 2, 3, 5, 6: mean 3,4, standard deviation 1,8547; Aßlar z = 1,40 lies between 1 and 1,5: "ungünstig"; A below −1: "günstig".
        #expect(table.rows.map { $0.map(\.text) } == [["A", "−1,29", "–", "−1,29", "günstig"], ["B", "−0,75", "–", "−0,75", "durchschnittlich"],
                                                      ["C", "−0,22", "–", "−0,22", "durchschnittlich"], ["D", "0,86", "–", "0,86", "durchschnittlich"],
                                                      ["Aßlar", "1,40", "–", "1,40", "ungünstig"]])
    }

    @Test func aMunicipalityChangingItsIndexClassIsListedInTheComparison() {
        let first = Self.edition(1, Self.snapshot(asslar: 6), blocks: [Self.indexBlock])
        let second = Self.edition(2, Self.snapshot(asslar: 4), blocks: [Self.indexBlock])
        let changes = ReportBlockTables.changes(from: first, to: second).map { "\($0.table) | \($0.row) | \($0.column): \($0.before ?? "–") → \($0.after ?? "–")" }
        #expect(changes.contains("Sozialindex | Aßlar | Klasse: ungünstig → durchschnittlich"))
        #expect(changes.contains("Sozialindex | D | Klasse: durchschnittlich → ungünstig"))
        #expect(changes.contains("Sozialindex | Aßlar | Index: 1,40 → 0,71"))
        #expect(changes.count == 12, "status and index of all five, two classes: \(changes)")
    }

    @Test func frozenTablesAddedOrRemovedBetweenEditionsAreListed() {
        let table = ReportTable(key: "massnahmen", header: ["Maßnahme", "Stand"], rows: [[.init("Kita-Ausbau"), .init("laufend")]], summary: "", source: "")
        let tableBlock = ReportBlock(id: Self.tableID, kind: .measureStatus, caption: "Maßnahmen")
        let without = Self.edition(1, Self.snapshot(asslar: 6), blocks: [])
        let with = Self.edition(2, Self.snapshot(asslar: 6, tables: [Self.tableID.uuidString.lowercased(): table]), blocks: [tableBlock])
        let added = ReportBlockTables.changes(from: without, to: with).map { "\($0.table) | \($0.row) | \($0.column): \($0.before ?? "–") → \($0.after ?? "–")" }
        #expect(added == ["Maßnahmen | Kita-Ausbau | Stand: – → laufend"])
        let removed = ReportBlockTables.changes(from: with, to: without).map { "\($0.table) | \($0.row) | \($0.column): \($0.before ?? "–") → \($0.after ?? "–")" }
        #expect(removed == ["Maßnahmen | Kita-Ausbau | Stand: laufend → –"])
        var revised = table
        revised.rows[0][1] = .init("abgeschlossen")
        let changed = Self.edition(3, Self.snapshot(asslar: 6, tables: [Self.tableID.uuidString.lowercased(): revised]), blocks: [tableBlock])
        #expect(ReportBlockTables.changes(from: with, to: changed).map { "\($0.row) \($0.column): \($0.before ?? "–") → \($0.after ?? "–")" } == ["Kita-Ausbau Stand: laufend → abgeschlossen"])
    }

    @Test func theAnnexHoldsTheIndexWithItsClassesAndTheFrozenTables() {
        let table = ReportTable(key: "massnahmen", header: ["Maßnahme", "Stand"], rows: [[.init("Kita-Ausbau"), .init("laufend")]], summary: "", source: "")
        let edition = Self.edition(1, Self.snapshot(asslar: 6, tables: [Self.tableID.uuidString.lowercased(): table]),
                                   blocks: [Self.indexBlock, ReportBlock(id: Self.tableID, kind: .measureStatus, caption: "Maßnahmen")])
        let rows = ReportBlockTables.annexRows(edition.report, snapshot: edition.snapshot)
        #expect(rows.contains(["x", "2025-06-30", "asslar", "Aßlar", "6.0", "false"]))
        #expect(rows.contains(["sozialindex_test:Klasse", "2025-06-30", "", "Aßlar", "ungünstig", "false"]))
        #expect(rows.contains(["sozialindex_test:Index", "2025-06-30", "", "Aßlar", "1.40", "false"]))
        #expect(rows.contains(["massnahmen:Stand", "2025-06-30", "", "Kita-Ausbau", "laufend", "false"]))
        // Indicator values first, then the blocks in reading order: the index before the measures.
        #expect(rows.firstIndex { $0[0].hasPrefix("sozialindex") }! < rows.firstIndex { $0[0].hasPrefix("massnahmen") }!)
    }

    @Test func aSecretValueIsNamedWithTheReason() {
        #expect(FigureDescription.secretSentence(indicator: "Heimerziehung je 1.000", unitName: "Aßlar", dateText: "31.12.2024")
            == "Der Wert für Aßlar (Heimerziehung je 1.000, 31.12.2024) wird geheim gehalten, weil er auf einer kleinen Fallzahl beruht oder sich aus geheim gehaltenen Werten errechnen ließe.")
        #expect(FigureDescription.missingSentence(indicator: "Heimerziehung je 1.000", unitName: "Aßlar", dateText: "31.12.2024")
            == "Für Aßlar liegt kein Wert vor (Heimerziehung je 1.000, 31.12.2024).")
    }

    @Test func theLimitsOfTheBuildersFields() {
        let limits: [Int] = [ReportLimits.title, ReportLimits.chapterTitle, ReportLimits.sectionTitle, ReportLimits.caption, ReportLimits.note, ReportLimits.text,
                             ReportLimits.components, ReportLimits.codes, ReportLimits.tableIndicators]
        #expect(limits == [200, 200, 200, 150, 500, 20_000, 2_000, 300, 4])
    }
}
