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

    static let day = Day(year: 2025, month: 11, day: 25)!

    func ids() -> (k1: UUID, k2: UUID, s1: UUID, s2: UUID, b1: UUID, b2: UUID, b3: UUID) {
        (UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, UUID(uuidString: "00000000-0000-4000-8000-000000000002")!,
         UUID(uuidString: "00000000-0000-4000-8000-000000000011")!, UUID(uuidString: "00000000-0000-4000-8000-000000000012")!,
         UUID(uuidString: "abcd1234-0000-4000-8000-000000000021")!, UUID(uuidString: "00000000-0000-4000-8000-000000000022")!,
         UUID(uuidString: "00000000-0000-4000-8000-000000000023")!)
    }

    func sample() -> Report {
        let i = ids()
        return Report(id: UUID(), title: "R", reportingDate: Self.day, territorialStatus: Self.day, chapters: [
            ReportChapter(id: i.k1, title: "K1", sections: [ReportSection(id: i.s1, title: "S1", blocks: [
                ReportBlock(id: i.b1, kind: .map(code: "a"), caption: "B1"), ReportBlock(id: i.b2, kind: .measureStatus, caption: "B2")])]),
            ReportChapter(id: i.k2, title: "K2", sections: [ReportSection(id: i.s2, title: "S2", blocks: [ReportBlock(id: i.b3, kind: .fundingOverview, caption: "B3")])]),
        ])
    }

    func layout(_ r: Report) -> String {
        r.chapters.map { c in c.title + "(" + c.sections.map { s in s.title + "[" + s.blocks.map(\.caption).joined(separator: ",") + "]" }.joined(separator: " ") + ")" }
            .joined(separator: " ")
    }

    @Test func chaptersSectionsAndBlocksMoveUpAndDownAcrossTheirParents() {
        let i = ids()
        var r = sample()
        func move(_ id: UUID, by offset: Int) -> Bool { r.move(id, by: offset) }
        func remove(_ id: UUID) -> String? { r.remove(id) }
        #expect(!move(i.b1, by: -1))          // first block of the report: nowhere to go
        #expect(move(i.b2, by: 1))            // last of S1 → first of S2
        #expect(layout(r) == "K1(S1[B1]) K2(S2[B2,B3])")
        #expect(move(i.b3, by: -1))           // swaps within S2
        #expect(layout(r) == "K1(S1[B1]) K2(S2[B3,B2])")
        #expect(move(i.s2, by: -1))           // first section of K2 → last of K1
        #expect(layout(r) == "K1(S1[B1] S2[B3,B2]) K2()")
        #expect(move(i.k2, by: -1))
        #expect(layout(r) == "K2() K1(S1[B1] S2[B3,B2])")
        #expect(!move(i.k2, by: -1))
        #expect(!move(UUID(), by: 1))
        #expect(!move(i.b1, by: 2))
        #expect(remove(i.s2) == "S2")
        #expect(layout(r) == "K2() K1(S1[B1])")
        #expect(remove(i.b2) == nil)
        func rename(_ id: UUID, _ title: String) -> Bool { r.rename(id, to: title) }
        #expect(rename(i.k1, "Kapitel 1") && rename(i.s1, "Abschnitt") && rename(i.b1, "Karte") && !rename(i.b2, "weg"))
        #expect(layout(r) == "K2() Kapitel 1(Abschnitt[Karte])")
        #expect(remove(i.k2) == "K2")
    }

    @Test func referencesInTextBecomeNumberedLinksAndUnknownOnesAreNamed() {
        let i = ids()
        var r = sample()
        r.chapters[1].sections[0].text = "Wie [[ABCD1234]] zeigt (vgl. [[00000000]] und [[12345678]]), siehe auch [[abcd1234]]. [[kein-id]]"
        #expect(Report.references(in: r.chapters[1].sections[0].text) == ["abcd1234", "00000000", "12345678", "abcd1234"])
        #expect(r.resolvingReferences(in: r.chapters[1].sections[0].text, figureWord: "Abbildung", tableWord: "Tabelle")
            == "Wie [Abbildung 1](#b-abcd1234) zeigt (vgl. [[00000000]] und [[12345678]]), siehe auch [Abbildung 1](#b-abcd1234). [[kein-id]]")
        // B2 (measure status) is table 1, B3 (funding) table 2; "00000000" is the start of both ids, so no block is meant by it.
        #expect(r.numbering()[i.b2]! == (false, 1))
        let problems = r.problems(knownIndicators: ["a"])
        let field = "section-" + i.s2.uuidString.lowercased()
        #expect(problems == [ValidationIssue(field, .unknownValue("[[00000000]]")), ValidationIssue(field, .unknownValue("[[12345678]]"))])
    }

    @Test func coverageTableSaysSupplyAgainstNeedAndTheLargestGaps() {
        let result = CoverageResult(rows: [CoverageRow(unitKey: "a", population: 20_000, supply: 1.5, need: 1, nearestKm: nil, nearestServiceID: nil),
                                           CoverageRow(unitKey: "b", population: 10_000, supply: 0, need: 1, nearestKm: 4, nearestServiceID: nil)],
                                    total: CoverageRow(unitKey: "k", population: 30_000, supply: 1.5, need: 2, nearestKm: nil, nearestServiceID: nil))
        let table = ReportTables.coverage(categoryCode: "schkg", categoryName: "Schwangerschaftsberatung", standardText: "SchKG § 4", result: result,
                                          countyName: "Lahn-Dill-Kreis", unitNames: ["a": "Aßlar", "b": "Bischoffen"], populationName: "Einwohner")
        #expect(table.summary == "Für Schwangerschaftsberatung stehen im Lahn-Dill-Kreis 1,50 Vollzeitstellen einem Bedarf von 2,00 gegenüber "
            + "(Versorgungsgrad 75 %). Die größten Lücken: Bischoffen (1,00 Stellen).")
        #expect(table.rows.map { $0.map(\.text) } == [["Lahn-Dill-Kreis", "30.000", "1,50", "2,00", "75 %", "0,50"],
                                                       ["Aßlar", "20.000", "1,50", "1,00", "150 %", "0,00"],
                                                       ["Bischoffen", "10.000", "0,00", "1,00", "0 %", "1,00"]])
        #expect(table.annexRows(date: Self.day).first == ["versorgung:schkg:Einwohner", "2025-11-25", "", "Lahn-Dill-Kreis", "30000.00", "false"])
        var revised = table
        revised.rows[2][2] = .init("0,50", value: 0.5)
        #expect(ReportTable.changes(from: table, to: revised).map { "\($0.row) \($0.column): \($0.before ?? "–") → \($0.after ?? "–")" }
            == ["Bischoffen Angebot (VZÄ): 0,00 → 0,50"])
    }

    @Test func coverageRowsOfAHiddenPopulationCountShowNoFigure() {
        // Bischoffen's population count is kept secret: its row and its place among the gaps say nothing.
        let result = CoverageResult(rows: [CoverageRow(unitKey: "a", population: 20, supply: 1.5, need: 1, nearestKm: nil, nearestServiceID: nil),
                                           CoverageRow(unitKey: "b", population: 2, supply: 0, need: 1, nearestKm: 4, nearestServiceID: nil)],
                                    total: CoverageRow(unitKey: "k", population: 22, supply: 1.5, need: 2, nearestKm: nil, nearestServiceID: nil))
        let table = ReportTables.coverage(categoryCode: "x", categoryName: "Beratung", standardText: "S", result: result, countyName: "Lahn-Dill-Kreis",
                                          unitNames: ["a": "Aßlar", "b": "Bischoffen"], populationName: "Kinder", hidden: ["b"])
        #expect(table.rows[2].map(\.text) == ["Bischoffen"] + Array(repeating: "geheim gehalten", count: 5))
        #expect(table.rows[2].dropFirst().allSatisfy { $0.suppressed == true })
        // Only the hidden unit has a gap: the summary names none, and does not claim there is none.
        #expect(table.summary == "Für Beratung stehen im Lahn-Dill-Kreis 1,50 Vollzeitstellen einem Bedarf von 2,00 gegenüber (Versorgungsgrad 75 %).")
    }

    @Test func fundingTableShowsTotalsAndThePreventiveShare() {
        let figures = ControllingFigures(planned: Money(euros: 100_000), committed: Money(euros: 80_000), paid: Money(euros: 40_000), proven: Money(cents: 2_000_050))
        let table = ReportTables.funding(year: 2025, programmes: [("Jugendarbeit", figures)], byCategory: [("Jugendarbeit", Money(euros: 80_000))],
                                         byUnit: [("Wetzlar", Money(euros: 60_000), Money(cents: 125))], preventive: Money(euros: 20_000), total: Money(euros: 80_000))
        #expect(table.summary == "2025 sind 80.000 € in Zuwendungsverträgen gebunden, bei 100.000 € im Haushalt geplant. "
            + "Davon entfallen 20.000 € (25 %) auf präventive Angebote.")
        #expect(table.rows.map { $0.map(\.text) } == [["Programm: Jugendarbeit", "100.000 €", "80.000 €", "40.000 €", "20.000,50 €", "–"],
                                                       ["Thema: Jugendarbeit", "–", "80.000 €", "–", "–", "–"],
                                                       ["Gemeinde: Wetzlar", "–", "60.000 €", "–", "–", "1,25 €"]])
        #expect(table.rows[0][4].value == 20_000.5)
    }

    @Test func measureTableNestsChildrenAndCountsByStatus() {
        let parent = Measure(id: UUID(), title: "Familienzentren ausbauen", status: .inProgress)
        let done = Measure(id: UUID(), title: "Bedarf erheben", parentID: parent.id, due: Day(year: 2025, month: 3, day: 31), status: .done)
        let late = Measure(id: UUID(), title: "Standorte wählen", parentID: parent.id, due: Day(year: 2025, month: 6, day: 30), status: .delayed)
        let names: [MeasureStatus: String] = [.planned: "geplant", .started: "begonnen", .inProgress: "in Umsetzung", .delayed: "verzögert", .done: "abgeschlossen",
                                              .dropped: "aufgegeben"]
        let measures = [late, parent, done]
        let table = ReportTables.measures(measures, progress: MeasureProgress.rollUp(measures, method: .averaged), statusNames: names, on: Self.day)
        #expect(table.rows.map { $0.map(\.text) } == [["Familienzentren ausbauen", "in Umsetzung", "75 %", "–", "nein"],
                                                       ["– Bedarf erheben", "abgeschlossen", "100 %", "31.03.2025", "nein"],
                                                       ["– Standorte wählen", "verzögert", "50 %", "30.06.2025", "ja"]])
        #expect(table.summary == "Von 3 Maßnahmen: 1 in Umsetzung, 1 verzögert, 1 abgeschlossen. 1 ist überfällig.")
        #expect(ReportTables.measures([], progress: [:], statusNames: names, on: Self.day).summary == "Es sind keine Maßnahmen erfasst.")
    }
}
