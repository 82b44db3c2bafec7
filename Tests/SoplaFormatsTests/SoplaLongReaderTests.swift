import Foundation
import SoplaCore
import Testing
@testable import SoplaFormats

@Suite("sopla long CSV, international and German form")
struct SoplaLongReaderTests {
    func file(_ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-long-tests", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    func read(_ text: String) async throws -> ([ImportRecord], [DataImportIssue]) {
        var records: [ImportRecord] = []
        var issues: [DataImportIssue] = []
        try await StatisticsReader.read(url: try file(text), mapping: nil, record: { records.append($0) }, issue: { issues.append($0) })
        return (records, issues)
    }

    static let day = Day(year: 2024, month: 12, day: 31)!

    @Test func readsTheGermanFormAsSoplaWritesIt() async throws {
        let text = CSV.write(header: ["Merkmal", "AGS", "Stichtag", "sex", "Wert", "Status"], rows: [
            ["alo", "06532023", GermanCSV.day(Self.day), "", GermanCSV.number(2140), "p"],
            ["alo", "06532023", GermanCSV.day(Self.day), "f", GermanCSV.number(951), "p"],
            ["anteil", "06532023", GermanCSV.day(Self.day), "", GermanCSV.number(-2.5), ""],
            ["anteil", "06532004", "2024-12-31", "", "12,25", "r"],
            ["alo", "06532004", GermanCSV.day(Self.day), "", ".", "."],
        ])
        #expect(text.hasPrefix("\u{FEFF}Merkmal;AGS;Stichtag;sex;Wert;Status\r\nalo;06532023;31.12.2024;;2140;p\r\n"))
        #expect(try StatisticsReader.detect(url: try file(text)) == .soplaLong)
        let (records, issues) = try await read(text)
        #expect(issues.isEmpty)
        #expect(records.map(\.value) == [2140, 951, -2.5, 12.25, nil])
        #expect(records.map(\.status) == [.provisional, .provisional, .final, .revised, .secret])
        #expect(records.allSatisfy { $0.date == Self.day })
        #expect(records[1].breakdown == Breakdown(["sex": "f"]) && records[0].breakdown == .total)
        #expect(records.map(\.unitKey) == ["06532023", "06532023", "06532023", "06532004", "06532004"])
        #expect(records.map(\.line) == [2, 3, 4, 5, 6])
    }

    @Test func theGermanFormReportsInItsOwnWords() async throws {
        let (records, issues) = try await read("Merkmal;AGS;Stichtag;Wert\nalo;06532023;31.12.2024;2.5\nalo;06532023;32.12.2024;5\nalo;06532023;31.12.2024;1.234,5\n")
        #expect(records.isEmpty)
        #expect(issues.map(\.line) == [2, 3, 4])
        #expect(issues[0].reason == .decimalSeparator(expected: ",") && issues[0].column == "Wert")
        #expect(issues[1].reason == .badDate && issues[1].column == "Stichtag")
        #expect(issues[2].reason == .thousandsSeparator)
        let (_, missing) = try await read("Merkmal;AGS;Wert\nalo;06532023;5\n")
        #expect(missing.map(\.reason) == [.missingColumn("Stichtag")])
    }

    @Test func theInternationalFormStaysAsDocumented() async throws {
        let (records, issues) = try await read("variable,ags,reference_date,value,status\nalo,06532023,2024-12-31,2.5,p\nalo,06532004,2024-12-31,\"3\",\n")
        #expect(issues.isEmpty)
        #expect(records.map(\.value) == [2.5, 3] && records[0].status == .provisional)
        let (_, wrong) = try await read("variable,ags,reference_date,value\nalo,06532023,31.12.2024,2\n")
        #expect(wrong.map(\.reason) == [.badDate] && wrong[0].column == "reference_date")
    }
}
