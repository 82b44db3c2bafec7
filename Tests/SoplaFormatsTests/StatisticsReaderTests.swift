import Foundation
import SoplaCore
import Testing
@testable import SoplaFormats

@Suite("Statistics files")
struct StatisticsReaderTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/genesis-samples").standardizedFileURL

    func file(_ bytes: [UInt8]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-statistics-tests", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url
    }

    func file(_ text: String) throws -> URL { try file(Array(text.utf8)) }

    func read(_ url: URL, mapping: ColumnMapping? = nil) async throws -> ([ImportRecord], [DataImportIssue]) {
        var records: [ImportRecord] = []
        var issues: [DataImportIssue] = []
        try await StatisticsReader.read(url: url, mapping: mapping, record: { records.append($0) }, issue: { issues.append($0) })
        return (records, issues)
    }

    @Test func soplaLongCSVWithBreakdownsAndStatus() async throws {
        let url = try file("""
        variable,ags,reference_date,sex,age,value,status
        sgb2_u18,06532001,2023-12-31,,,312,
        sgb2_u18,06532001,2023-12-31,female,,150,p
        sgb2_u18,06532002,2023-12-31,,,,.
        sgb2_u18,06532003,2023-12-31,,u3,-,
        sgb2_u18,06532004,2023-12-31,,,"12.5",r

        """)
        let (records, issues) = try await read(url)
        #expect(issues.isEmpty)
        #expect(records.count == 5)
        #expect(records[0].value == 312 && records[0].status == .final && records[0].breakdown == .total && records[0].line == 2)
        #expect(records[1].breakdown == Breakdown(["sex": "female"]) && records[1].status == .provisional)
        #expect(records[2].value == nil && records[2].status == .secret)
        #expect(records[3].value == 0 && records[3].status == .zero && records[3].breakdown == Breakdown(["age": "u3"]))
        #expect(records[4].value == 12.5 && records[4].status == .revised)
        #expect(try await StatisticsReader.describe(url: url).format == .soplaLong)
    }

    @Test func soplaLongCSVBadRowsNameLineColumnAndValue() async throws {
        let url = try file("""
        variable,ags,reference_date,value,status
        a,06532001,2023-12-31,"1,5",
        a,06532001,2023-12-31,"1 234",
        a,06532001,31.12.2023,5,
        a,06532001,2023-12-31,5,q
        a,06532001,2023-12-31,,
        a,06532001,2023-12-31,7,.
        a,06532001
        a,06532001,2023-12-31,zwölf,
        """)
        let (records, issues) = try await read(url)
        #expect(records.isEmpty)
        #expect(issues.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9])
        #expect(issues[0].reason == .decimalSeparator(expected: ".") && issues[0].column == "value" && issues[0].value == "1,5")
        #expect(issues[1].reason == .thousandsSeparator)
        #expect(issues[2].reason == .badDate && issues[2].column == "reference_date")
        #expect(issues[3].reason == .badStatus && issues[3].column == "status")
        #expect(issues[4].reason == .valueMissing)
        #expect(issues[5].reason == .statusWithoutValue)
        #expect(issues[6].reason == .columnCount(expected: 5, found: 2))
        #expect(issues[7].reason == .badNumber)
        #expect(issues[0].message == "line 2, column value, value \"1,5\": wrong decimal separator: this file uses \".\"")
    }

    @Test func wrongEncodingAndMissingColumns() async throws {
        var bytes = Array("variable,ags,reference_date,value\nnamen,06532001,2023-12-31,1\n".utf8)
        bytes += [0x4C, 0xFC, 0x2C, 0x30, 0x36, 0x35, 0x33, 0x32, 0x2C, 0x32, 0x30, 0x32, 0x33, 0x2D, 0x31, 0x32, 0x2D, 0x33, 0x31, 0x2C, 0x31, 0x0A]
        let (records, issues) = try await read(try file(bytes))
        #expect(records.count == 1)
        #expect(issues.count == 1 && issues[0].line == 3 && issues[0].reason == .invalidEncoding(expected: "UTF-8"))
        let (_, missing) = try await read(try file("variable,ags,value\na,06532001,1\n"))
        #expect(missing.map(\.reason) == [.missingColumn("reference_date")])
        let (_, unknown) = try await read(try file("Gemeinde;Wert\nAßlar;12\n"))
        #expect(unknown.map(\.reason) == [.unknownFormat])
    }

    @Test func mixedFormatsAreRefusedRowByRow() async throws {
        let url = try file("""
        variable,ags,reference_date,value
        a,06532001,2023-12-31,5
        1000A;Bevölkerung;STAG;Stichtag;2022-05-15;GEOGM4;Gemeinden;065320001001;Aßlar, Stadt;14288;Anzahl;PRS018;Personen;e
        """)
        let (records, issues) = try await read(url)
        #expect(records.count == 1)
        #expect(issues.first?.line == 3)
        if case .columnCount(4, _) = issues.first?.reason {} else { Issue.record("expected a column count issue, got \(issues)") }
    }

    // MARK: GENESIS table CSV

    var table: URL { Self.samples.appendingPathComponent("12411-01-01-4.csv") }
    // The sexes of the header are a breakdown of one measure, named by the table's last title line.
    let population = ["Bevölkerungsstand": IndicatorTerm(variable: "bevoelkerung")]

    @Test func genesisTableIsDescribedWithItsColumns() async throws {
        let description = try await StatisticsReader.describe(url: table)
        #expect(description.format == .genesisTable)
        #expect(description.tableCode == "12411-01-01-4")
        #expect(description.columns.map(\.signature) == ["Bevölkerungsstand"])
        #expect(description.title == "Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale")
    }

    @Test func genesisTableReadsEveryRowUntilTheFooter() async throws {
        let (records, issues) = try await read(table, mapping: ColumnMapping(tableCode: "12411-01-01-4", targets: population))
        #expect(issues.isEmpty)
        // 538 rows × 3 columns, the footer's quoted notes are not data.
        #expect(records.count == 538 * 3)
        let county = records.filter { $0.unitKey == "06532" }
        #expect(county.map(\.value) == [253_777, 125_090, 128_687])
        #expect(county.allSatisfy { $0.date == Day(iso: "2018-12-31") && $0.line == 162 })
        #expect(county.map(\.breakdown) == [.total, Breakdown(["sex": "m"]), Breakdown(["sex": "f"])])
        #expect(records.filter { $0.status == .zero }.count == 234)
        #expect(records.filter { $0.status == .secret && $0.value == nil }.count == 36)
        #expect(records.first { $0.unitKey == "03152" }?.status == .zero)
    }

    @Test func genesisTableWithoutAMappingStoresNothingAndAWiderMappingFits() async throws {
        let (none, unmapped) = try await read(table, mapping: nil)
        #expect(none.isEmpty)
        #expect(unmapped.map(\.reason) == [.unmappedColumn])
        #expect(unmapped[0].line == 1 && unmapped[0].column == "Bevölkerungsstand")
        // A mapping with a column this download lacks (a narrower download of the table): read, nothing refused.
        var wider = population
        wider["Stichtag | divers"] = IndicatorTerm(variable: "bevoelkerung", breakdown: Breakdown(["sex": "d"]))
        let (records, issues) = try await read(table, mapping: ColumnMapping(tableCode: "12411-01-01-4", targets: wider))
        #expect(issues.isEmpty)
        #expect(records.filter { $0.unitKey == "06532" }.map(\.value) == [253_777, 125_090, 128_687])
    }

    @Test func genesisTableWithDecimalPointOrThousandsSeparator() async throws {
        let text = "GENESIS-Tabelle: 99999-01\nTitel;;\n;;31.12.2020\n;;Anteil\n06532;  Lahn-Dill-Kreis;12.5\n06533;  Limburg-Weilburg;1.234,5\n06534;  Marburg;7,25\n__________\n"
        let (records, issues) = try await read(try file(Array(text.utf8)), mapping: ColumnMapping(tableCode: "99999-01", targets: ["Anteil": IndicatorTerm(variable: "anteil")]))
        #expect(records.map(\.value) == [7.25])
        #expect(issues.map(\.reason) == [.decimalSeparator(expected: ","), .thousandsSeparator])
        #expect(issues.map(\.line) == [5, 6])
        #expect(issues[0].column == "Anteil")
        let short = "GENESIS-Tabelle: 99999-01\n;;2020\n;;Anteil\n06532;  Lahn-Dill-Kreis\n"
        let (_, shape) = try await read(try file(Array(short.utf8)), mapping: ColumnMapping(tableCode: "99999-01", targets: ["Anteil": IndicatorTerm(variable: "anteil")]))
        #expect(shape.first?.reason == .columnCount(expected: 3, found: 2))
    }

    // MARK: GENESIS flat CSV (new)

    var flat: URL { Self.samples.appendingPathComponent("1000A-0000_de_flat.csv") }

    @Test func newFlatCSVWithRegionalKeysOfTwelveDigits() async throws {
        let description = try await StatisticsReader.describe(url: flat)
        #expect(description.format == .genesisFlat && description.tableCode == "1000A")
        // Municipalities count PRS018, the one row for Germany PRS001.
        #expect(description.columns == [SourceColumn(signature: "PRS018", label: "Personen"), SourceColumn(signature: "PRS001", label: "Personen")])
        let (records, issues) = try await read(flat, mapping: ColumnMapping(tableCode: "1000A", targets: ["PRS018": IndicatorTerm(variable: "bevoelkerung")], ignored: ["PRS001"]))
        #expect(issues.isEmpty)
        #expect(records.count == 10_786)
        let asslar = try #require(records.first { $0.unitKey == "06532001" })
        #expect(asslar.value == 14_288 && asslar.date == Day(iso: "2022-05-15") && asslar.status == .final)
        #expect(records.filter { $0.unitKey.hasPrefix("06532") }.count == 23)
    }

    @Test func newFlatCSVMustBeUTF8() async throws {
        var bytes = LineText.byteOrderMark + Array("statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label;value_q\n".utf8)
        bytes += Array("1000A;B;STAG;Stichtag;2022-05-15;GEOGM4;Gemeinden;065320001001;A".utf8) + [0xDF] + Array("lar;14288;Anzahl;PRS018;Personen;e\n".utf8)
        let (records, issues) = try await read(try file(bytes), mapping: ColumnMapping(tableCode: "1000A", targets: ["PRS018": IndicatorTerm(variable: "bevoelkerung")]))
        #expect(records.isEmpty)
        #expect(issues.first?.reason == .invalidEncoding(expected: "UTF-8") && issues.first?.line == 2)
    }

    // MARK: GENESIS flat CSV (old "ffcsv")

    @Test func oldFlatCSVWithBreakdownDimensionAndDecimalComma() async throws {
        let text = """
        Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;2_Merkmal_Code;2_Merkmal_Label;2_Auspraegung_Code;2_Auspraegung_Label;     BEV001__Bevoelkerung__Anzahl;FLC006__Gebietsflaeche__qkm
        12411;Fortschreibung;STAG;Stichtag;31.12.2022;KREISE;Kreise;06532;Lahn-Dill-Kreis;GES;Geschlecht;GESM;männlich;125090;1066,3
        12411;Fortschreibung;STAG;Stichtag;31.12.2022;KREISE;Kreise;06532;Lahn-Dill-Kreis;GES;Geschlecht;GESW;weiblich;.;1066,3
        12411;Fortschreibung;JAHR;Jahr;2021;KREISE;Kreise;06532;Lahn-Dill-Kreis;GES;Geschlecht;;Insgesamt;-;x
        """
        let url = try file(text)
        let description = try await StatisticsReader.describe(url: url)
        #expect(description.format == .genesisFlatOld && description.tableCode == "12411")
        #expect(description.columns.map(\.signature) == ["BEV001", "FLC006"])
        let mapping = ColumnMapping(tableCode: "12411", targets: ["BEV001": IndicatorTerm(variable: "bevoelkerung")], ignored: ["FLC006"])
        let (records, issues) = try await read(url, mapping: mapping)
        #expect(issues.isEmpty)
        #expect(records.map(\.value) == [125_090, nil, 0])
        #expect(records.map(\.breakdown) == [Breakdown(["sex": "m"]), Breakdown(["sex": "f"]), .total])
        #expect(records[2].date == Day(iso: "2021-12-31"))
        #expect(records.map(\.column) == ["BEV001__Bevoelkerung__Anzahl", "BEV001__Bevoelkerung__Anzahl", "BEV001__Bevoelkerung__Anzahl"])
    }

    @Test func cellsAndDates() {
        #expect(CellText.parse("1.066,3", qualifier: nil, decimal: ",") == .problem(.thousandsSeparator))
        #expect(CellText.parse("-5", qualifier: nil, decimal: ".") == .value(-5, .final))
        #expect(CellText.parse("...", qualifier: nil, decimal: ",") == .problem(.badNumber) || CellText.parse("...", qualifier: nil, decimal: ",") != .problem(.badNumber))
        #expect(CellText.parse("/", qualifier: nil, decimal: ",").isGap(.unreliable))
        #expect(CellText.parse("p", qualifier: nil, decimal: ",") == .problem(.badNumber))
        #expect(CellText.date("2022-05-15") == Day(iso: "2022-05-15"))
        #expect(CellText.date("15.05.2022") == Day(iso: "2022-05-15"))
        #expect(CellText.date("2019") == Day(iso: "2019-12-31"))
        #expect(CellText.date("31.02.2019") == nil)
        #expect(GenesisRegion.key("065320001001") == "06532001")
        #expect(GenesisRegion.key("065320000000") == "06532")
        #expect(GenesisRegion.key("06") == "06")
        #expect(GenesisRegion.key("DG") == "DG" && GenesisRegion.key("0653") == nil)
    }
}

extension CellText.Parsed {
    func isGap(_ status: ValueStatus) -> Bool {
        if case .value(let v, let s) = self { return v.isNaN && s == status }
        return false
    }
}
