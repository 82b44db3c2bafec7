import Foundation
import SoplaCore
import Testing
@testable import SoplaFormats

/// Every real GENESIS export in ../shared/data/genesis-samples (see its SOURCES.md): the proposal it yields, the values
/// for Lahn-Dill units checked against the file read independently (split by `;`), and the rest counted, not refused.
@Suite("GENESIS exports as they are downloaded")
struct GenesisSamplesTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/genesis-samples").standardizedFileURL
    static let municipalities = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/lahn-dill-municipalities.csv").standardizedFileURL

    /// The county and its 23 municipalities, from the facts file.
    static let units: Set<String> = {
        let lines = (try? String(contentsOf: municipalities, encoding: .utf8))?.split(separator: "\n").dropFirst() ?? []
        return Set(["06532"] + lines.map { String($0.split(separator: ",")[0]) })
    }()

    struct Result {
        let proposal: GenesisProposal
        let records: [ImportRecord]
        let issues: [DataImportIssue]
        var county: [ImportRecord] { records.filter { GenesisSamplesTests.units.contains($0.unitKey) } }

        func value(_ variable: String, _ unit: String, _ breakdown: [String: String] = [:], on date: String? = nil) -> ImportRecord? {
            county.first { $0.variable == variable && $0.unitKey == unit && $0.breakdown == Breakdown(breakdown) && (date == nil || $0.date == Day(iso: date!)) }
        }
    }

    func load(_ name: String) async throws -> Result {
        let url = Self.samples.appendingPathComponent(name)
        let proposal = try await GenesisProposal.propose(url: url, existing: ["bevoelkerung"], units: Self.units, parents: ["06", "DG"])
        var records: [ImportRecord] = []
        var issues: [DataImportIssue] = []
        try await StatisticsReader.read(url: url, mapping: proposal.mapping, record: { records.append($0) }, issue: { issues.append($0) })
        return Result(proposal: proposal, records: records, issues: issues)
    }

    /// The fields of the lines of a file whose field `at` starts with `prefix`: the test's own reading of the file.
    func lines(_ name: String, latin1: Bool = false, where at: Int, hasPrefix prefix: String) throws -> [[String]] {
        let data = try Data(contentsOf: Self.samples.appendingPathComponent(name))
        let text = String(data: data, encoding: latin1 ? .isoLatin1 : .utf8)!
        return text.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { $0.count > at && $0[at].hasPrefix(prefix) }
    }

    func german(_ text: String) -> Double? { Double(text.replacingOccurrences(of: ",", with: ".")) }

    // MARK: Current flat CSV

    @Test func zensusMunicipalitiesWithTwelveDigitKeys() async throws {
        let result = try await load("1000A-0000_de_flat.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.tableCode == "1000A")
        #expect(result.proposal.variables.map(\.code) == ["prs018", "prs001"] || result.proposal.variables.map(\.code) == ["prs001", "prs018"])
        #expect(result.proposal.variables.allSatisfy { $0.unit == "Anzahl" && $0.isCount && !$0.exists && $0.breakdowns.isEmpty })
        #expect(result.proposal.ownValues == 23 && result.proposal.parentValues == 1 && result.proposal.otherValues == 10_787 - 24)
        // Every municipality's value equals the Zensus figure of the facts file.
        let facts = try String(contentsOf: Self.municipalities, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        #expect(result.county.count == 23)
        for row in facts {
            #expect(result.value("prs018", String(row[0]))?.value == Double(row[5]), "\(row[1])")
            #expect(result.value("prs018", String(row[0]))?.date == Day(iso: "2022-05-15"))
        }
    }

    @Test func insolvenciesWithRaggedDimensionsAndThreeValueVariables() async throws {
        let result = try await load("52411-02-01-4_1773177231272_de_flat.csv")
        #expect(result.issues.isEmpty)
        let variables = Dictionary(uniqueKeysWithValues: result.proposal.variables.map { ($0.code, $0) })
        #expect(Set(variables.keys) == ["isv006", "isvnw1", "for002"])
        #expect(variables["isv006"]?.breakdowns == ["isvat3"] && variables["isv006"]?.unit == "Anzahl")
        #expect(variables["for002"]?.unit == "Tsd. EUR" && variables["for002"]?.isCount == false && variables["for002"]?.breakdowns == [])
        #expect(result.proposal.ownValues == 5 && result.proposal.otherValues == 2_440)
        // The file's own LDK rows, read here by splitting.
        let rows = try lines("52411-02-01-4_1773177231272_de_flat.csv", where: 7, hasPrefix: "06532")
        #expect(rows.count == 5)
        for row in rows {
            let breakdown = row[11].isEmpty ? [:] : ["isvat3": row[11].lowercased()]
            #expect(result.value(row[15].lowercased(), "06532", breakdown, on: "2024-12-31")?.value == german(row[13]), "\(row)")
        }
        #expect(result.value("isv006", "06532")?.value == 36 && result.value("isv006", "06532", ["isvat3": "isvart02"])?.value == 10)
        #expect(result.value("for002", "06532")?.value == 34_982)
        #expect(result.records.filter { $0.status == .zero }.count + result.records.filter { $0.status == .secret }.count == 382 + 12)
    }

    @Test func employeesWithTheRegionalVariableChangingWithTheLevel() async throws {
        let result = try await load("13111-01-03-4_1749623409083_de_flat.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.map(\.code) == ["erw032"])
        #expect(result.proposal.variables[0].breakdowns == ["nationality", "sex"])
        #expect(result.proposal.ownValues == 6)
        // DG 6 rows and Hessen 6 rows (of 96 Länder rows) are the parents.
        #expect(result.proposal.parentValues == 12)
        #expect(result.value("erw032", "06532", on: "2024-06-30")?.value == 97_106)
        #expect(result.value("erw032", "06532", ["sex": "m"])?.value == 54_305)
        #expect(result.value("erw032", "06532", ["sex": "f"])?.value == 42_801)
        #expect(result.value("erw032", "06532", ["nationality": "foreign"])?.value == 11_642)
        #expect(result.value("erw032", "06532", ["nationality": "foreign", "sex": "f"])?.value == 4_134)
    }

    @Test func zensusWithQualityFlagsAndAValueVariablePerLevel() async throws {
        let result = try await load("1000A-2022_1773175355216_de_flat.csv")
        #expect(result.issues.isEmpty)
        #expect(Set(result.proposal.variables.map(\.code)) == ["prs001", "prs018"])
        #expect(result.proposal.variables.allSatisfy { $0.breakdowns.contains("age") })
        #expect(result.proposal.ownValues == 0 && result.proposal.parentValues == 80 + 80)
        // `-` with an empty quality flag is zero; every other value carries `e`.
        #expect(result.county.isEmpty)
        #expect(result.records.filter { $0.status == .zero }.count == 357)
        #expect(result.records.count == 1_360)
    }

    @Test func englishExportWithQuartersAndTwoRegionalDimensions() async throws {
        let result = try await load("23311-0010_1773175235562_en_flat.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.map(\.code) == ["gesabb"])
        #expect(result.proposal.variables[0].unit == "number" && result.proposal.variables[0].isCount)
        // The Land of origin is a breakdown; the Land (DLAND) is the region; the quarter the date.
        #expect(result.proposal.variables[0].breakdowns == ["famstd", "herkld"])
        #expect(result.proposal.ownValues == 0)
        #expect(result.proposal.parentValues == 4_352 / 16)
    }

    @Test func rentIndexByMonthWithDecimalCommas() async throws {
        let url = Self.samples.appendingPathComponent("61111-0021_1749244794067_de_flat.csv")
        var cells: [GenesisCell] = []
        try await GenesisCells.read(url: url, format: .genesisFlat, progress: { _ in }, cell: { cells.append($0) }, issue: { Issue.record("\($0)") })
        #expect(cells.count == 960)
        let hessen = cells.filter { $0.regionKey == "06" }
        #expect(hessen.count == 60)
        #expect(Set(hessen.map(\.date)).count == 60)
        #expect(hessen.allSatisfy { $0.dimensions.isEmpty })
        let november = try #require(cells.first { $0.regionKey == "10" && $0.date == Day(iso: "2021-11-30") })
        #expect(november.raw == "101,6" && november.measure.unit == "2020=100")
        #expect(CellText.parse(november.raw, qualifier: nil, decimal: ",") == .value(101.6, .final))
        #expect(cells.filter { $0.raw == "..." }.count == 128)
        #expect(GenesisCells.period("MONAT02", year: 2024) == Day(iso: "2024-02-29"))
        #expect(GenesisCells.period("QUART3", year: 2025) == Day(iso: "2025-09-30"))
    }

    @Test func hospitalsOfGermanyOverThirtyFourYears() async throws {
        let result = try await load("23111-0001_1773174926539_de_flat.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.count == 8)
        #expect(Set(result.proposal.variables.map(\.unit)) == ["Anzahl", "Prozent", "Tage", "1000"])
        #expect(result.proposal.parentValues == 272 && result.proposal.ownValues == 0)
    }

    // MARK: 2024 wide flat CSV

    @Test func regionalAtlasWithEightDigitKeysAndNegativeDecimals() async throws {
        let result = try await load("AI-N-01-2-5_flat.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.tableCode == "99910")
        #expect(result.proposal.variables.map(\.code) == ["ai0111", "ai0112"])
        #expect(result.proposal.variables.map(\.unit) == ["Prozent", "Prozent"])
        #expect(result.proposal.variables[0].name == "Anteil Siedlungs- und Verkehrsflaeche an Gesamtflaeche")
        #expect(result.proposal.ownValues == 24 * 2)
        let rows = try lines("AI-N-01-2-5_flat.csv", where: 7, hasPrefix: "06532")
        #expect(rows.count == 24)
        for row in rows {
            #expect(result.value("ai0111", row[7], on: "2022-12-31")?.value == german(row[9]), "\(row[8])")
            #expect(result.value("ai0112", row[7])?.value == german(row[10]), "\(row[8])")
        }
        #expect(result.value("ai0112", "06532")?.value == -2.2)
    }

    @Test func theMalformedAnswerOfTheServiceIsRefusedNamingItsRows() async throws {
        let url = Self.samples.appendingPathComponent("52411-02-01-4_flat.csv")
        var issues: [DataImportIssue] = []
        var records = 0
        try await StatisticsReader.read(url: url, mapping: ColumnMapping(tableCode: "52411", targets: ["ISV006": IndicatorTerm(variable: "isv006"), "ISVNW1": IndicatorTerm(variable: "isvnw1"),
                                                                                                         "FOR002": IndicatorTerm(variable: "for002")]),
                                        record: { _ in records += 1 }, issue: { issues.append($0) })
        #expect(issues.map(\.reason).contains(.unitNotFound))
        #expect(issues.first { $0.reason == .unitNotFound }?.column == "ISV006__Insolvenzverfahren_(Unternehmen)__MeasureUnitNotFound!")
        let shifted = try #require(issues.first { $0.reason == .shiftedRows(538) })
        #expect(shifted.line == 2 && shifted.value == "2–539")
        #expect(shifted.message.contains("538 rows are shifted"))
        await #expect(throws: StatisticsReader.Failure.self) {
            _ = try await GenesisProposal.propose(url: url, existing: [], units: Self.units, parents: [])
        }
    }

    @Test func englishWideExportWithRepeatedColumnNames() async throws {
        let result = try await load("12211-0001_flat.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.map(\.code) == ["bev036", "erw041", "erw042", "erw040", "erw043"])
        #expect(result.proposal.variables.allSatisfy { $0.unit == "1000" && $0.breakdowns == ["age", "sex"] })
        #expect(result.proposal.parentValues == 45 * 5)
        let url = Self.samples.appendingPathComponent("12211-0001_flat.csv")
        var cells: [GenesisCell] = []
        try await GenesisCells.read(url: url, format: .genesisFlatOld, progress: { _ in }, cell: { cells.append($0) }, issue: { Issue.record("\($0)") })
        let first = try #require(cells.first)
        #expect(first.regionKey == "DG" && first.dimensions.map(\.attribute) == ["GESM", "ALT000B15"] && first.raw == "6174")
    }

    // MARK: Old tables

    @Test func populationBySexWithTheDateInTheHeader() async throws {
        let result = try await load("12411-01-01-4.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.count == 1)
        let variable = try #require(result.proposal.variables.first)
        #expect(variable.code == "bevoelkerungsstand" && variable.name == "Bevölkerungsstand" && variable.unit == "Anzahl" && variable.breakdowns == ["sex"])
        #expect(result.value("bevoelkerungsstand", "06532", on: "2018-12-31")?.value == 253_777)
        #expect(result.value("bevoelkerungsstand", "06532", ["sex": "m"])?.value == 125_090)
        #expect(result.value("bevoelkerungsstand", "06532", ["sex": "f"])?.value == 128_687)
        #expect(result.proposal.parentValues == 6)
        #expect(result.records.filter { $0.status == .zero }.count == 234)
        #expect(result.records.filter { $0.status == .secret }.count == 36)
    }

    @Test func waterSupplyWithTheYearInTheRowsAndAUnitRow() async throws {
        let result = try await load("514-42-4.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.count == 6)
        #expect(result.proposal.variables.map(\.unit) == ["Anzahl", "Anzahl", "1000 cbm", "1000 cbm", "l", "Anzahl"])
        #expect(result.proposal.variables[0].code == "bevoelkerungsstand_einwohner")
        let rows = try lines("514-42-4.csv", latin1: true, where: 1, hasPrefix: "06532")
        #expect(rows.count == 5)
        let codes = result.proposal.variables.map(\.code)
        for row in rows {
            for (offset, code) in codes.enumerated() {
                let raw = row[3 + offset]
                let stored = result.value(code, "06532", on: "\(row[0])-12-31")
                #expect(stored?.value == (raw == "-" ? 0 : german(raw)), "\(row[0]) \(code)")
            }
        }
        #expect(result.proposal.ownValues == 5 * 6)
    }

    @Test func manufacturingWithTheDateInTheRowsOfAUserDefinedTable() async throws {
        let result = try await load("001-03-5.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.tableCode?.hasPrefix("temp-") == true)
        #expect(result.proposal.variables.map(\.code) == ["betriebe", "beschaeftigte", "bruttoentgelte"])
        #expect(result.proposal.variables.map(\.unit) == ["Anzahl", "Anzahl", "Tsd. EUR"])
        #expect(result.proposal.ownValues == 0 && result.proposal.otherValues == 48 * 3)
        let url = Self.samples.appendingPathComponent("001-03-5.csv")
        var cells: [GenesisCell] = []
        try await GenesisCells.read(url: url, format: .genesisTable, progress: { _ in }, cell: { cells.append($0) }, issue: { Issue.record("\($0)") })
        let abstatt = cells.filter { $0.regionKey == "08125001" }
        #expect(abstatt.map(\.raw) == ["8", ".", "."] && abstatt.allSatisfy { $0.date == Day(iso: "2011-09-30") })
    }

    @Test func landUseWithTheDateOnATitleLineAndFourHeaderRows() async throws {
        let result = try await load("449-01-5.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.count == 19)
        #expect(result.proposal.variables.allSatisfy { $0.unit == "ha" && !$0.isCount })
        let url = Self.samples.appendingPathComponent("449-01-5.csv")
        var cells: [GenesisCell] = []
        try await GenesisCells.read(url: url, format: .genesisTable, progress: { _ in }, cell: { cells.append($0) }, issue: { Issue.record("\($0)") })
        #expect(cells.count == 48 * 19 && cells.allSatisfy { $0.date == Day(iso: "2011-12-31") })
        #expect(cells.filter { $0.regionKey == "08125001" }.map(\.raw).prefix(3) == ["966", "246", "145"])
    }

    @Test func buildingLandSalesWithMeasureAndUnitInTheRows() async throws {
        let result = try await load("400-51-4-B.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.count == 8)
        let price = try #require(result.proposal.variables.first { $0.signature == "Baulandverkäufe | Insgesamt | Durchschnittlicher Kaufwert je qm" })
        #expect(price.unit == "EUR" && !price.isCount)
        #expect(result.value(price.code, "06532", on: "2015-12-31")?.value == 81.49)
        let rows = try lines("400-51-4-B.csv", latin1: true, where: 1, hasPrefix: "06532")
        #expect(rows.count == 8)
        #expect(result.proposal.ownValues == 8 * 2)
        // Two columns of one measure are named by the header label that tells them apart.
        #expect(result.proposal.variables.filter { $0.name.hasPrefix("Kaufsumme") }.map(\.name) == ["Kaufsumme (Insgesamt)", "Kaufsumme (baureifes Land)"])
        #expect(Set(result.proposal.variables.map(\.name)).count == 8)
    }

    @Test func everyProposedVariableHasANameOfItsOwn() async throws {
        let landUse = try await load("449-01-5.csv").proposal.variables
        #expect(Set(landUse.map(\.name)).count == landUse.count)
        #expect(landUse.filter { $0.name.hasPrefix("Insgesamt") }.map(\.name) .prefix(2) == ["Insgesamt (Gebäude- und Freifläche)", "Insgesamt (Erholungsfläche)"])
        #expect(landUse.first { $0.name == "Insgesamt (Erholungsfläche)" }?.code == "insgesamt_erholungsflaeche")
        let water = try await load("514-42-4.csv").proposal.variables
        #expect(water.filter { $0.name.hasPrefix("Wasserabgabe an") }.map(\.name) == ["Wasserabgabe an Letztverbraucher", "Wasserabgabe an Letztverbraucher (Haushalte und Kleingewerbe)"])
        let census = try await load("1000A-0000_de_flat.csv").proposal.variables
        #expect(Set(census.map(\.name)) == ["Personen (PRS018)", "Personen (PRS001)"])
        #expect(GenesisProposal.shortCode("einw_m_anschl_an_d_oeffentl_wasserversorgung") == "einw_m_anschl_an_d_oeffentl")
        #expect(GenesisProposal.shortCode("abcdefghijklmnopqrstuvwxyzabcdefghijklmnop") == "abcdefghijklmnopqrstuvwxyzabcdefghij")
    }

    @Test func populationOfTheLaenderNamedInTheHeaderByAge() async throws {
        let result = try await load("12411-0013.csv")
        #expect(result.issues.isEmpty)
        #expect(result.proposal.variables.count == 1)
        #expect(result.proposal.variables[0].breakdowns == ["age", "sex"])
        // Hessen: columns 21–23, 92 rows; Germany is not in the table.
        #expect(result.proposal.parentValues == 92 * 3)
        let url = Self.samples.appendingPathComponent("12411-0013.csv")
        var cells: [GenesisCell] = []
        try await GenesisCells.read(url: url, format: .genesisTable, progress: { _ in }, cell: { cells.append($0) }, issue: { Issue.record("\($0)") })
        let hessenInfants = cells.filter { $0.regionKey == "06" && $0.line == 7 }
        #expect(hessenInfants.map(\.raw) == ["30848", "29025", "59873"])
        #expect(GenesisProposal.breakdown(hessenInfants[0].dimensions) == ["age": "0", "sex": "m"])
        #expect(GenesisProposal.breakdown(hessenInfants[2].dimensions) == ["age": "0"])
    }

    // MARK: Proposal

    @Test func anExistingVariableOfTheSameCodeIsReusedAndNamesBecomeCodes() async throws {
        let url = Self.samples.appendingPathComponent("13111-01-03-4_1749623409083_de_flat.csv")
        let proposal = try await GenesisProposal.propose(url: url, existing: ["erw032"], units: Self.units, parents: [])
        #expect(proposal.variables.map(\.exists) == [true])
        #expect(GenesisProposal.slug("Veräußerte Baulandfläche") == "veraeusserte_baulandflaeche")
        #expect(GenesisProposal.slug("1000 cbm") == "m_1000_cbm")
        #expect(GenesisRegion.key("065320001001") == "06532001" && GenesisRegion.key("065320000000") == "06532" && GenesisRegion.key("AUSLAND") == nil)
    }
}

@Suite("GENESIS files that cannot be imported say why, once")
struct GenesisBadInputTests {
    func issues(_ bytes: [UInt8]) async throws -> [DataImportIssue] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-bad-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var issues: [DataImportIssue] = []
        var records = 0
        try await StatisticsReader.read(url: url, mapping: ColumnMapping(tableCode: "13111", targets: ["ERW032": IndicatorTerm(variable: "erw032")]),
                                        record: { _ in records += 1 }, issue: { issues.append($0) })
        return issues
    }

    static let flat = GenesisSamplesTests.samples.appendingPathComponent("13111-01-03-4_1749623409083_de_flat.csv")

    @Test func anEmptyFile() async throws {
        #expect(try await issues([]).map(\.reason) == [.emptyFile])
    }

    @Test func theZipArchiveGenesisSendsAndABinaryFile() async throws {
        #expect(try await issues([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]).map(\.reason) == [.compressedArchive])
        let png = try await issues([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01])
        #expect(png.map(\.reason) == [.binaryFile])
        #expect(png[0].value == "")
        // A PDF has no NUL byte at its start, but its binary stream is mostly control characters.
        let pdf = try await issues(Array("%PDF-1.7\n%".utf8) + (0..<200).map { UInt8($0 % 31 + 1) })
        #expect(pdf.map(\.reason) == [.binaryFile])
        // Text of another kind names its first line, without control characters.
        let text = try await issues(Array("Name;Alter\u{7}\nA;1\n".utf8))
        #expect(text.map(\.reason) == [.unknownFormat])
        #expect(text[0].value == "Name;Alter·")
    }

    /// Excel workbooks, as people save them by habit: the new format (a ZIP archive with `xl/` inside) and the old one.
    @Test func anExcelWorkbookIsToldToBeSavedAsCSV() async throws {
        let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("\0\0[Content_Types].xml".utf8) + Array(repeating: 0, count: 20) + Array("xl/workbook.xml".utf8)
        #expect(try await issues(xlsx).map(\.reason) == [.spreadsheet])
        let xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 40)
        #expect(try await issues(xls).map(\.reason) == [.spreadsheet])
        // „Unicode-Text“ from Excel: UTF-16, named as such.
        let utf16 = try await issues([0xFF, 0xFE] + Array("variable;ags".utf8).flatMap { [$0, 0] })
        #expect(utf16.map(\.reason) == [.invalidEncoding(expected: "UTF-8")])
        #expect(utf16[0].value == "UTF-16")
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] + Array("12411-01-01-4.csv".utf8)
        #expect(try await issues(zip).map(\.reason) == [.compressedArchive])
    }

    @Test func aTableCutInTheMiddleOfARow() async throws {
        let bytes = Array(try Data(contentsOf: Self.flat))
        // Cut in the middle of line 101.
        var newlines = 0
        let end = bytes.firstIndex { byte in
            if byte == 0x0A { newlines += 1 }
            return newlines == 100
        }! + 40
        let found = try await issues(Array(bytes[..<end]))
        #expect(found.count == 1)
        #expect(found[0].line == 101)
        if case .columnCount = found[0].reason {} else { Issue.record("expected a column count, got \(found)") }
    }

    @Test func aLineInAnotherEncoding() async throws {
        var bytes = Array(try Data(contentsOf: Self.flat))
        // "ä" of line 2 written as ISO-8859-1.
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: "ä", with: "\u{1}")
        bytes = Array(lines.joined(separator: "\n").utf8).map { $0 == 0x01 ? 0xE4 : $0 }
        let found = try await issues(bytes)
        #expect(found.map(\.reason) == [.invalidEncoding(expected: "UTF-8")])
        #expect(found.map(\.line) == [2])
    }
}
