import Foundation
import SoplaCore

/// The file kinds sopla imports figures from.
public enum StatisticsFormat: String, Sendable, Codable, CaseIterable {
    /// `variable,ags,reference_date,<breakdown columns>,value[,status]`, UTF-8, decimal point.
    case soplaLong = "sopla-long"
    /// The GENESIS/Regionalstatistik table CSV: ISO-8859-1, `;`, decimal comma, title and header rows, footer.
    case genesisTable = "genesis-table"
    /// The old GENESIS flat file ("ffcsv"): `Statistik_Code;…;1_Merkmal_Code;…;CODE__Label__Unit`.
    case genesisFlatOld = "genesis-ffcsv"
    /// The new GENESIS flat CSV: UTF-8 with BOM, `statistics_code;…;value;value_unit;value_variable_code;…;value_q`.
    case genesisFlat = "genesis-flat"
}

/// Which variable (and breakdown) each value column of a GENESIS table feeds. Chosen once per table code
/// and reused on the next import of the same table.
public struct ColumnMapping: Sendable, Equatable, Codable {
    public var tableCode: String
    /// Column signature → target.
    public var targets: [String: IndicatorTerm]
    /// Column signatures deliberately left out.
    public var ignored: Set<String>

    public init(tableCode: String, targets: [String: IndicatorTerm] = [:], ignored: Set<String> = []) {
        self.tableCode = tableCode
        self.targets = targets
        self.ignored = ignored
    }

    public var signatures: Set<String> { Set(targets.keys).union(ignored) }
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

    public var needsMapping: Bool { format != .soplaLong }
}

/// Reads statistics files as a stream of records; problems are reported with line, column and value.
public enum StatisticsReader {
    public struct Failure: Error, Equatable {
        public let issue: DataImportIssue
    }

    /// Looks at the first line only.
    public static func detect(url: URL) throws -> StatisticsFormat? {
        let reader = try LineReader(url: url)
        guard var first = try reader.next() else { return nil }
        if first.starts(with: LineText.byteOrderMark) { first = first.dropFirst(3) }
        let text = LineText.latin1OrUTF8(first)
        if text.hasPrefix("GENESIS-Tabelle:") { return .genesisTable }
        if text.hasPrefix("statistics_code;") { return .genesisFlat }
        if text.hasPrefix("Statistik_Code;") { return .genesisFlatOld }
        let header = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if header.first == "variable", header.contains("ags"), header.contains("value") { return .soplaLong }
        return nil
    }

    /// The format, table code and value columns of a file.
    public static func describe(url: URL) throws -> StatisticsFileDescription {
        guard let format = try detect(url: url) else {
            throw Failure(issue: DataImportIssue(line: 1, column: "", value: try firstLine(url), reason: .unknownFormat))
        }
        switch format {
        case .soplaLong:
            return StatisticsFileDescription(format: format, tableCode: nil, columns: [])
        case .genesisTable:
            let layout = try GenesisTableLayout(url: url)
            return StatisticsFileDescription(format: format, tableCode: layout.tableCode, columns: layout.uniqueColumns)
        case .genesisFlatOld, .genesisFlat:
            var columns: [SourceColumn] = []
            var seen: Set<String> = []
            var tableCode: String?
            try FlatReader(url: url, format: format).scan { code, column in
                tableCode = tableCode ?? code
                if seen.insert(column.signature).inserted { columns.append(column) }
                return seen.count < 500
            }
            return StatisticsFileDescription(format: format, tableCode: tableCode, columns: columns)
        }
    }

    static func firstLine(_ url: URL) throws -> String {
        let reader = try LineReader(url: url)
        return try reader.next().map { LineText.latin1OrUTF8($0.prefix(80)) } ?? ""
    }

    /// Reads every value. `record` gets each value read cleanly; `issue` each problem. `progress` gets bytes read.
    public static func read(url: URL, mapping: ColumnMapping?, progress: (Int64) -> Void = { _ in },
                            record: (ImportRecord) async throws -> Void, issue: (DataImportIssue) -> Void) async throws {
        guard let format = try detect(url: url) else {
            issue(DataImportIssue(line: 1, column: "", value: try firstLine(url), reason: .unknownFormat))
            return
        }
        switch format {
        case .soplaLong:
            try await SoplaLongReader(url: url).read(progress: progress, record: record, issue: issue)
        case .genesisTable:
            try await GenesisTableLayout(url: url).read(mapping: mapping, progress: progress, record: record, issue: issue)
        case .genesisFlatOld, .genesisFlat:
            try await FlatReader(url: url, format: format).read(mapping: mapping, progress: progress, record: record, issue: issue)
        }
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

    /// An official key as GENESIS writes it: 12-digit regional keys become municipality (or county) keys.
    static func spatialKey(_ raw: String) -> String {
        let code = raw.trimmingCharacters(in: .whitespaces)
        guard code.count == 12, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return code }
        if code.hasSuffix("0000000") { return String(code.prefix(5)) }
        return String(code.prefix(5)) + String(code.suffix(3))
    }

    static func record(line: Int, column: String, variable: IndicatorTerm, unitKey: String, date: Day, breakdown: [String: String],
                       parsed: Parsed, record: (ImportRecord) async throws -> Void, issue: (DataImportIssue) -> Void, raw: String) async throws {
        switch parsed {
        case .problem(let reason):
            issue(DataImportIssue(line: line, column: column, value: raw, reason: reason))
        case .value(let value, let status):
            var categories = variable.breakdown.categories
            categories.merge(breakdown) { a, _ in a }
            try await record(ImportRecord(line: line, column: column, variable: variable.variable, unitKey: unitKey, date: date,
                                breakdown: Breakdown(categories), value: value.isNaN ? nil : value, status: status))
        }
    }
}

/// The sopla long CSV.
struct SoplaLongReader {
    let url: URL

    func read(progress: (Int64) -> Void, record: (ImportRecord) async throws -> Void, issue: (DataImportIssue) -> Void) async throws {
        let reader = try LineReader(url: url)
        guard var headerBytes = try reader.next() else {
            issue(DataImportIssue(line: 1, column: "", value: "", reason: .emptyFile))
            return
        }
        if headerBytes.starts(with: LineText.byteOrderMark) { headerBytes = headerBytes.dropFirst(3) }
        guard let headerText = LineText.utf8(headerBytes), let header = LineText.fields(headerText, separator: ",")?.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            issue(DataImportIssue(line: 1, column: "", value: "", reason: .invalidEncoding(expected: "UTF-8")))
            return
        }
        var missing = false
        for required in ["variable", "ags", "reference_date", "value"] where !header.contains(required) {
            issue(DataImportIssue(line: 1, column: required, value: headerText, reason: .missingColumn(required)))
            missing = true
        }
        guard !missing else { return }
        let variableIndex = header.firstIndex(of: "variable")!, keyIndex = header.firstIndex(of: "ags")!
        let dateIndex = header.firstIndex(of: "reference_date")!, valueIndex = header.firstIndex(of: "value")!
        let statusIndex = header.firstIndex(of: "status")
        let dimensions = header.indices.filter { ![variableIndex, keyIndex, dateIndex, valueIndex, statusIndex].contains($0) }
        for index in dimensions where !Breakdown.isCode(header[index]) {
            issue(DataImportIssue(line: 1, column: header[index], value: header[index], reason: .badBreakdown))
            missing = true
        }
        guard !missing else { return }
        var lines = 0
        let fast = FastRow(header: header, variable: variableIndex, key: keyIndex, date: dateIndex, value: valueIndex, status: statusIndex)
        while let bytes = try reader.next() {
            let line = reader.lineNumber
            if line % 4096 == 0 { progress(reader.bytesRead) }
            if bytes.isEmpty { continue }
            // Most rows are plain: read them from the bytes. Anything unusual takes the careful path below.
            if let plain = fast.read(bytes, line: line) {
                lines += 1
                try await record(plain)
                continue
            }
            guard let text = LineText.utf8(bytes) else {
                issue(DataImportIssue(line: line, column: "", value: LineText.latin1OrUTF8(bytes.prefix(60)), reason: .invalidEncoding(expected: "UTF-8")))
                continue
            }
            guard let fields = LineText.fields(text, separator: ","), fields.count == header.count else {
                let found = LineText.fields(text, separator: ",")?.count ?? 0
                issue(DataImportIssue(line: line, column: "", value: text, reason: .columnCount(expected: header.count, found: found)))
                continue
            }
            lines += 1
            let rawDate = fields[dateIndex].trimmingCharacters(in: .whitespaces)
            guard let date = Day(iso: rawDate) else {
                issue(DataImportIssue(line: line, column: "reference_date", value: rawDate, reason: .badDate))
                continue
            }
            var breakdown: [String: String] = [:]
            var bad = false
            for index in dimensions {
                let category = fields[index].trimmingCharacters(in: .whitespaces)
                guard !category.isEmpty else { continue }
                guard Breakdown.isCode(category) else {
                    issue(DataImportIssue(line: line, column: header[index], value: category, reason: .badBreakdown))
                    bad = true
                    continue
                }
                breakdown[header[index]] = category
            }
            if bad { continue }
            let variable = fields[variableIndex].trimmingCharacters(in: .whitespaces)
            let parsed = CellText.parse(fields[valueIndex], qualifier: statusIndex.map { fields[$0] }, decimal: ".")
            if case .problem(.badStatus) = parsed, let statusIndex {
                issue(DataImportIssue(line: line, column: "status", value: fields[statusIndex], reason: .badStatus))
                continue
            }
            try await CellText.record(line: line, column: "value", variable: IndicatorTerm(variable: variable), unitKey: fields[keyIndex].trimmingCharacters(in: .whitespaces),
                            date: date, breakdown: breakdown, parsed: parsed, record: record, issue: issue, raw: fields[valueIndex])
        }
        progress(reader.bytesRead)
        if lines == 0 { issue(DataImportIssue(line: reader.lineNumber, column: "", value: "", reason: .emptyFile)) }
    }
}

/// The plain rows of a sopla long CSV read straight from their bytes: no quotes, ASCII digits, ISO date,
/// an empty or one-letter status, no breakdown columns set. Everything else returns nil and is read
/// (and, if wrong, reported) by the general path.
struct FastRow {
    let count: Int
    let variable: Int
    let key: Int
    let date: Int
    let value: Int
    let status: Int?

    init(header: [String], variable: Int, key: Int, date: Int, value: Int, status: Int?) {
        count = header.count
        self.variable = variable
        self.key = key
        self.date = date
        self.value = value
        self.status = status
    }

    func read(_ bytes: ArraySlice<UInt8>, line: Int) -> ImportRecord? {
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
        var start = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x22 || byte >= 0x80 { return nil }
            if byte == 0x2C {
                starts.append(start)
                ends.append(index)
                start = index + 1
            }
        }
        starts.append(start)
        ends.append(bytes.endIndex)
        guard starts.count == count else { return nil }
        // Breakdown columns must be empty on this path.
        for index in 0..<count where index != variable && index != key && index != date && index != value && index != status {
            if ends[index] > starts[index] { return nil }
        }
        var status = ValueStatus.final
        if let s = self.status, ends[s] > starts[s] {
            guard ends[s] - starts[s] == 1 else { return nil }
            switch bytes[starts[s]] {
            case UInt8(ascii: "e"): status = .final
            case UInt8(ascii: "p"): status = .provisional
            case UInt8(ascii: "r"): status = .revised
            case UInt8(ascii: "s"): status = .estimated
            default: return nil
            }
        }
        guard let number = Self.number(bytes[starts[value]..<ends[value]]), let day = Self.day(bytes[starts[date]..<ends[date]]) else { return nil }
        let variableText = String(decoding: bytes[starts[variable]..<ends[variable]], as: UTF8.self)
        let keyText = String(decoding: bytes[starts[key]..<ends[key]], as: UTF8.self)
        guard !variableText.isEmpty, !keyText.isEmpty, variableText.first != " ", keyText.first != " ", keyText.last != " " else { return nil }
        return ImportRecord(line: line, column: "value", variable: variableText, unitKey: keyText, date: day, breakdown: .total, value: number, status: status)
    }

    /// `-?digits(.digits)?`; exact for up to 15 significant digits (an integer mantissa divided by a power of ten
    /// is correctly rounded).
    static func number(_ bytes: ArraySlice<UInt8>) -> Double? {
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: Int64 = 0
        var digits = 0, decimals = 0
        var seenPoint = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if seenPoint || digits == 0 { return nil }
                seenPoint = true
            } else if byte >= 0x30, byte <= 0x39 {
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                digits += 1
                if seenPoint { decimals += 1 }
                if digits > 15 { return nil }
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, !(seenPoint && decimals == 0) else { return nil }
        let value = decimals == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[decimals]
        return negative ? -value : value
    }

    static let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }

    static func day(_ bytes: ArraySlice<UInt8>) -> Day? {
        guard bytes.count == 10 else { return nil }
        let b = Array(bytes)
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var result = 0
            for i in range {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                result = result * 10 + Int(b[i] - 0x30)
            }
            return result
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
