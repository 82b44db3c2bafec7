import Foundation
import SoplaCore

/// The file kinds sopla imports figures from.
public enum StatisticsFormat: String, Sendable, Codable, CaseIterable {
    /// `variable,ags,reference_date,<breakdown columns>,value[,status]`, UTF-8, decimal point; or as German
    /// spreadsheets write it, `Merkmal;AGS;Stichtag;<breakdown columns>;Wert[;Status]`, decimal comma.
    case soplaLong = "sopla-long"
    /// The GENESIS/Regionalstatistik table CSV: ISO-8859-1, `;`, decimal comma, title and header rows, footer.
    case genesisTable = "genesis-table"
    /// The old GENESIS flat file ("ffcsv"): `Statistik_Code;…;1_Merkmal_Code;…;CODE__Label__Unit`.
    case genesisFlatOld = "genesis-ffcsv"
    /// The new GENESIS flat CSV: UTF-8 with BOM, `statistics_code;…;value;value_unit;value_variable_code;…;value_q`.
    case genesisFlat = "genesis-flat"
}

/// A value column of a file: its signature (what a mapping refers to) and a label for people.
public struct SourceColumn: Hashable, Sendable, Codable {
    public let signature: String
    public let label: String

    public init(signature: String, label: String) {
        self.signature = signature
        self.label = label
    }
}

/// What a file is, before its values are read.
public struct StatisticsFileDescription: Sendable, Equatable {
    public let format: StatisticsFormat
    /// The GENESIS table or statistic code; nil for sopla files.
    public let tableCode: String?
    /// Value columns that need a mapping (GENESIS formats), in file order.
    public let columns: [SourceColumn]
    /// The table's title (statistic label or first title line); empty for sopla files.
    public var title: String = ""

    public var needsMapping: Bool { format != .soplaLong }
}

/// Reads statistics files as a stream of records; problems are reported with line, column and value.
public enum StatisticsReader {
    public struct Failure: Error, Equatable {
        public let issue: DataImportIssue
        /// Further problems found with it (a malformed export has several).
        public var more: [DataImportIssue] = []

        public var issues: [DataImportIssue] { [issue] + more }
    }

    /// Looks at the first line only.
    public static func detect(url: URL) throws -> StatisticsFormat? {
        let reader = try LineReader(url: url)
        guard var first = try reader.next() else { return nil }
        if first.starts(with: LineText.byteOrderMark) { first = first.dropFirst(3) }
        let text = LineText.latin1OrUTF8(first)
        if text.hasPrefix("GENESIS-Tabelle:") { return .genesisTable }
        if text.hasPrefix("statistics_code;") || text.hasPrefix("Statistik_Code;") {
            // The 2024 export has one column per value variable, `CODE__Label__Unit`, in German or English.
            return text.contains("__") ? .genesisFlatOld : .genesisFlat
        }
        if SoplaLongForm.matching(header: text) != nil { return .soplaLong }
        return nil
    }

    /// The format, table code, title and value columns of a file. GENESIS files are read once through for it.
    public static func describe(url: URL) async throws -> StatisticsFileDescription {
        guard let format = try detect(url: url) else { throw Failure(issue: try unknown(url)) }
        if format == .soplaLong { return StatisticsFileDescription(format: format, tableCode: nil, columns: []) }
        var columns: [SourceColumn] = []
        var seen: Set<String> = []
        var problem: DataImportIssue?
        var malformed: [DataImportIssue] = []
        try await GenesisCells.read(url: url, format: format, progress: { _ in }, cell: { cell in
            if seen.insert(cell.measure.signature).inserted { columns.append(SourceColumn(signature: cell.measure.signature, label: cell.measure.label)) }
        }, issue: { issue in
            problem = problem ?? issue
            switch issue.reason {
            case .shiftedRows, .unitNotFound: malformed.append(issue)
            default: break
            }
        })
        // A malformed answer of the service is refused before anyone maps its columns.
        if let first = malformed.first { throw Failure(issue: first, more: Array(malformed.dropFirst())) }
        var title = ""
        var code: String?
        if format == .genesisTable {
            let layout = try TableLayout(url: url)
            title = layout.titles.first ?? ""
            // A user-defined table ("Temporär") has no code of its own: its title stands in.
            code = layout.tableCode.isEmpty || layout.tableCode.hasPrefix("Tempor") ? "temp-" + GenesisProposal.slug(title).prefix(40) : layout.tableCode
        } else {
            (code, title) = try flatHead(url)
        }
        if columns.isEmpty, let problem { throw Failure(issue: problem) }
        var description = StatisticsFileDescription(format: format, tableCode: code, columns: columns)
        description.title = title
        return description
    }

    /// Statistic code and label from the first data row of a flat file.
    static func flatHead(_ url: URL) throws -> (String?, String) {
        let reader = try LineReader(url: url)
        _ = try reader.next()
        while let bytes = try reader.next() {
            guard let fields = LineText.fields(LineText.latin1OrUTF8(bytes), separator: ";"), fields.count > 2 else { continue }
            let code = fields[0].trimmingCharacters(in: .whitespaces)
            guard code.first?.isNumber == true else { continue }
            return (code, fields[1].trimmingCharacters(in: .whitespaces))
        }
        return (nil, "")
    }

    /// Why a file is of no known format: empty, an Excel workbook, a ZIP archive, no text at all, or text of another
    /// kind (its first line named).
    static func unknown(_ url: URL) throws -> DataImportIssue {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let head = [UInt8](try handle.read(upToCount: 4096) ?? Data())
        if head.isEmpty { return DataImportIssue(line: 1, column: "", value: "", reason: .emptyFile) }
        // Excel's „Unicode-Text“ is UTF-16: text, but not in an encoding sopla reads.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return DataImportIssue(line: 1, column: "", value: "UTF-16", reason: .invalidEncoding(expected: "UTF-8"))
        }
        if let reason = binaryKind(head) { return DataImportIssue(line: 1, column: "", value: "", reason: reason) }
        // Text of another kind: its first line, without control characters.
        let shown = String(try firstLine(url).unicodeScalars.map { $0.properties.generalCategory == .control ? "·" : Character($0) })
        return DataImportIssue(line: 1, column: "", value: shown, reason: .unknownFormat)
    }

    /// What a file that is no text is, from its first bytes: an Excel workbook (`.xlsx` is a ZIP archive holding `xl/`,
    /// `.xls` an OLE2 compound file), another ZIP archive, or binary data (a NUL byte or many control characters, as in
    /// images, PDFs and gzip files). Nil for text.
    static func binaryKind(_ head: [UInt8]) -> DataImportIssue.Reason? {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let names = String(decoding: head, as: UTF8.self)
            return names.contains("xl/") || names.contains("[Content_Types].xml") ? .spreadsheet : .compressedArchive
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .spreadsheet }
        let controls = head.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        if head.contains(0) || (controls >= 4 && controls * 20 > head.count) { return .binaryFile }
        return nil
    }

    static func firstLine(_ url: URL) throws -> String {
        let reader = try LineReader(url: url)
        return try reader.next().map { LineText.latin1OrUTF8($0.prefix(80)) } ?? ""
    }

    /// Reads every value. `record` gets each value read cleanly; `issue` each problem. `progress` gets bytes read.
    /// GENESIS values go through `mapping` (value variable or column → variable); their dimensions become breakdowns
    /// (`GenesisProposal.breakdown`); a value of a region without a sopla key has the key "" (an unknown unit).
    /// `described`: the file's description when the caller has it already (it takes a pass through the file).
    public static func read(url: URL, mapping: ColumnMapping?, described: StatisticsFileDescription? = nil, progress: (Int64) -> Void = { _ in },
                            record: (ImportRecord) async throws -> Void, issue: (DataImportIssue) -> Void) async throws {
        guard let format = try detect(url: url) else {
            issue(try unknown(url))
            return
        }
        if format == .soplaLong {
            try await SoplaLongReader(url: url).read(progress: progress, record: record, issue: issue)
            return
        }
        let description: StatisticsFileDescription
        do {
            if let described { description = described } else { description = try await describe(url: url) }
        } catch let failure as Failure {
            failure.issues.forEach(issue)
            return
        }
        guard MappingCheck.check(mapping, columns: description.columns, line: 1, issue: issue), let mapping else { return }
        try await GenesisCells.read(url: url, format: format, progress: progress, cell: { cell in
            guard let target = mapping.targets[cell.measure.signature] else { return }
            try await CellText.record(line: cell.line, column: cell.column, variable: target, unitKey: cell.regionKey ?? "", regionName: cell.regionLabel, date: cell.date,
                                      breakdown: GenesisProposal.breakdown(cell.dimensions),
                                      parsed: CellText.parse(cell.raw, qualifier: cell.qualifier, decimal: ","), record: record, issue: issue, raw: cell.raw)
        }, issue: issue)
    }
}

/// Numbers, dates and qualifiers as written in statistics files.
enum CellText {
    enum Parsed: Equatable {
        case value(Double, ValueStatus)
        case problem(DataImportIssue.Reason)
    }

    /// A cell that is either a number or a qualifier symbol; `qualifier` is an extra status column, if any.
    static func parse(_ raw: String, qualifier: String?, decimal: Character) -> Parsed {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var status: ValueStatus = .final
        if let qualifier {
            guard let parsed = ValueStatus(qualifier: qualifier) else { return .problem(.badStatus) }
            status = parsed
        }
        if text.isEmpty {
            if status == .zero { return .value(0, .zero) }
            return status.carriesValue ? .problem(.valueMissing) : .value(.nan, status)
        }
        if let symbol = ValueStatus(qualifier: text), symbol != .final {
            // A lone "p" or "r" would be a qualifier without its number.
            guard symbol == .zero || !symbol.carriesValue else { return .problem(.badNumber) }
            guard status == .final || status == symbol else { return .problem(.badStatus) }
            return symbol == .zero ? .value(0, .zero) : .value(.nan, symbol)
        }
        guard status.carriesValue else { return .problem(.statusWithoutValue) }
        let other: Character = decimal == "," ? "." : ","
        if text.contains(" ") || text.contains("'") || text.contains("\u{00A0}") { return .problem(.thousandsSeparator) }
        if text.contains(other) {
            // "1.234,5" or "1,234.5": a thousands separator; otherwise the wrong decimal mark.
            return text.contains(decimal) ? .problem(.thousandsSeparator) : .problem(.decimalSeparator(expected: String(decimal)))
        }
        let normalised = decimal == "," ? text.replacingOccurrences(of: ",", with: ".") : text
        var digits = Substring(normalised)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Double(normalised) else { return .problem(.badNumber) }
        return .value(value == 0 && status == .final ? 0 : value, value == 0 && status == .final ? .final : status)
    }

    /// `yyyy-mm-dd`, `dd.mm.yyyy`, or a year (meaning 31 December).
    static func date(_ raw: String) -> Day? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let day = Day(iso: text) { return day }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
           let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
            return Day(year: y, month: m, day: d)
        }
        if text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text) {
            return Day(year: year, month: 12, day: 31)
        }
        return nil
    }

    static func record(line: Int, column: String, variable: IndicatorTerm, unitKey: String, regionName: String = "", date: Day, breakdown: [String: String],
                       parsed: Parsed, record: (ImportRecord) async throws -> Void, issue: (DataImportIssue) -> Void, raw: String) async throws {
        switch parsed {
        case .problem(let reason):
            issue(DataImportIssue(line: line, column: column, value: raw, reason: reason))
        case .value(let value, let status):
            var categories = variable.breakdown.categories
            categories.merge(breakdown) { a, _ in a }
            try await record(ImportRecord(line: line, column: column, variable: variable.variable, unitKey: unitKey, date: date,
                                breakdown: Breakdown(categories), value: value.isNaN ? nil : value, status: status, regionName: regionName))
        }
    }
}
