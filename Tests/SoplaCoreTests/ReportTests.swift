import Foundation
import Testing
@testable import SoplaCore

@Suite("Reports")
struct ReportTests {
    @Test func figuresAndTablesAreNumberedInReadingOrder() {
        let blocks = [ReportBlock(id: UUID(), kind: .indicatorTable(codes: ["a"]), caption: "T1"), ReportBlock(id: UUID(), kind: .map(code: "a"), caption: "A1"),
                      ReportBlock(id: UUID(), kind: .description(code: "a", unitKey: nil), caption: "D"), ReportBlock(id: UUID(), kind: .ranking(code: "b"), caption: "A2"),
                      ReportBlock(id: UUID(), kind: .indicatorTable(codes: ["b"]), caption: "T2")]
        let report = Report(id: UUID(), title: "R", reportingDate: Day(year: 2025, month: 12, day: 31)!, territorialStatus: Day(year: 2025, month: 12, day: 31)!,
                            chapters: [ReportChapter(id: UUID(), title: "K1", sections: [ReportSection(id: UUID(), title: "S", blocks: Array(blocks[0...2]))]),
                                       ReportChapter(id: UUID(), title: "K2", sections: [ReportSection(id: UUID(), title: "S", blocks: Array(blocks[3...4]))])])
        let numbers = report.numbering()
        #expect(blocks.map { numbers[$0.id].map { "\($0.isFigure ? "A" : "T")\($0.number)" } } == ["T1", "A1", nil, "A2", "T2"])
        #expect(report.problems(knownIndicators: ["a"]) == [ValidationIssue("block-" + blocks[3].id.uuidString.lowercased(), .unknownValue("b")),
                                                            ValidationIssue("block-" + blocks[4].id.uuidString.lowercased(), .unknownValue("b"))])
    }

    @Test func editionsComparedFigureByFigure() {
        let old = ReportSnapshot(builtAt: Date(), countyKey: "k", countyName: "Kreis", unitKeys: ["a"], unitNames: ["a": "A"], indicators: [:],
                                 values: ["x": ["2024-12-31": ["a": .init(value: 1.5, suppressed: false), "k": .init(value: 2, suppressed: false)]]])
        var new = old
        new.values["x"]!["2024-12-31"]!["a"] = .init(value: nil, suppressed: true)
        new.values["x"]!["2025-12-31"] = ["k": .init(value: 2.5, suppressed: false)]
        let changes = ReportSnapshot.changes(from: old, to: new)
        #expect(changes.map { "\($0.date) \($0.unit) \($0.before?.value.map { String($0) } ?? "–") → \($0.after.map { $0.suppressed ? "•" : String($0.value!) } ?? "–")" }
            == ["2024-12-31 a 1.5 → •", "2025-12-31 k – → 2.5"])
        // The annex hides what the snapshot hid.
        #expect(new.annexRows().contains(["x", "2024-12-31", "a", "A", "", "true"]))
    }
}
