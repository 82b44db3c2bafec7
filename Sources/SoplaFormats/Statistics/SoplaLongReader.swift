import Foundation
import SoplaCore

/// The column names and conventions of one form of the sopla long CSV.
struct SoplaLongForm: Equatable {
    let separator: UInt8
    let decimal: UInt8
    let variable: String
    let key: String
    let date: String
    let value: String
    let status: String

    /// The documented international form: `variable,ags,reference_date,<breakdowns>,value[,status]`, decimal point, ISO dates.
    static let international = SoplaLongForm(separator: UInt8(ascii: ","), decimal: UInt8(ascii: "."),
                                             variable: "variable", key: "ags", date: "reference_date", value: "value", status: "status")
    /// The form German spreadsheets write: `Merkmal;AGS;Stichtag;<breakdowns>;Wert[;Status]`, decimal comma,
    /// dates as `31.12.2024` (ISO dates are read too).
    static let german = SoplaLongForm(separator: UInt8(ascii: ";"), decimal: UInt8(ascii: ","),
                                      variable: "Merkmal", key: "AGS", date: "Stichtag", value: "Wert", status: "Status")

    var separatorCharacter: Character { Character(UnicodeScalar(separator)) }
    var decimalCharacter: Character { Character(UnicodeScalar(decimal)) }

    /// The form whose header this is, matched without regard to case: the first column names the variable, and
    /// the key and value columns are there.
    static func matching(header line: String) -> SoplaLongForm? {
        for form in [international, german] {
            let names = line.split(separator: form.separatorCharacter, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if names.first == form.variable.lowercased(), names.contains(form.key.lowercased()), names.contains(form.value.lowercased()) { return form }
        }
        return nil
    }

    /// The index of a column, matched without regard to case.
    func index(of name: String, in header: [String]) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }
}

/// The sopla long CSV, in either form: one value per row.
struct SoplaLongReader {
    let url: URL

    func read(progress: (Int64) -> Void, record: (ImportRecord) async throws -> Void, issue: (DataImportIssue) -> Void) async throws {
        let reader = try LineReader(url: url)
        guard var headerBytes = try reader.next() else {
            issue(DataImportIssue(line: 1, column: "", value: "", reason: .emptyFile))
            return
        }
        if headerBytes.starts(with: LineText.byteOrderMark) { headerBytes = headerBytes.dropFirst(3) }
        guard let headerText = LineText.utf8(headerBytes) else {
            issue(DataImportIssue(line: 1, column: "", value: "", reason: .invalidEncoding(expected: "UTF-8")))
            return
        }
        let form = SoplaLongForm.matching(header: headerText) ?? .international
        let separator = form.separatorCharacter
        guard let header = LineText.fields(headerText, separator: separator)?.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            issue(DataImportIssue(line: 1, column: "", value: "", reason: .invalidEncoding(expected: "UTF-8")))
            return
        }
        var missing = false
        for required in [form.variable, form.key, form.date, form.value] where form.index(of: required, in: header) == nil {
            issue(DataImportIssue(line: 1, column: required, value: headerText, reason: .missingColumn(required)))
            missing = true
        }
        guard !missing else { return }
        let variableIndex = form.index(of: form.variable, in: header)!, keyIndex = form.index(of: form.key, in: header)!
        let dateIndex = form.index(of: form.date, in: header)!, valueIndex = form.index(of: form.value, in: header)!
        let statusIndex = form.index(of: form.status, in: header)
        let dimensions = header.indices.filter { ![variableIndex, keyIndex, dateIndex, valueIndex, statusIndex].contains($0) }
        for index in dimensions where !Breakdown.isCode(header[index]) {
            issue(DataImportIssue(line: 1, column: header[index], value: header[index], reason: .badBreakdown))
            missing = true
        }
        guard !missing else { return }
        var lines = 0
        let fast = FastRow(form: form, count: header.count, variable: variableIndex, key: keyIndex, date: dateIndex, value: valueIndex, status: statusIndex)
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
            guard let fields = LineText.fields(text, separator: separator), fields.count == header.count else {
                let found = LineText.fields(text, separator: separator)?.count ?? 0
                issue(DataImportIssue(line: line, column: "", value: text, reason: .columnCount(expected: header.count, found: found)))
                continue
            }
            lines += 1
            let rawDate = fields[dateIndex].trimmingCharacters(in: .whitespaces)
            guard let date = form == .german ? Day(iso: rawDate) ?? Self.germanDay(rawDate) : Day(iso: rawDate) else {
                issue(DataImportIssue(line: line, column: form.date, value: rawDate, reason: .badDate))
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
            let parsed = CellText.parse(fields[valueIndex], qualifier: statusIndex.map { fields[$0] }, decimal: form.decimalCharacter)
            if case .problem(.badStatus) = parsed, let statusIndex {
                issue(DataImportIssue(line: line, column: form.status, value: fields[statusIndex], reason: .badStatus))
                continue
            }
            try await CellText.record(line: line, column: form.value, variable: IndicatorTerm(variable: variable), unitKey: fields[keyIndex].trimmingCharacters(in: .whitespaces),
                            date: date, breakdown: breakdown, parsed: parsed, record: record, issue: issue, raw: fields[valueIndex])
        }
        progress(reader.bytesRead)
        if lines == 0 { issue(DataImportIssue(line: reader.lineNumber, column: "", value: "", reason: .emptyFile)) }
    }

    /// `31.12.2024`.
    static func germanDay(_ text: String) -> Day? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}

/// The plain rows of a sopla long CSV read straight from their bytes: no quotes, ASCII digits, a date as the
/// form writes it, an empty or one-letter status, no breakdown columns set. Everything else returns nil and is read
/// (and, if wrong, reported) by the general path.
struct FastRow {
    let form: SoplaLongForm
    let count: Int
    let variable: Int
    let key: Int
    let date: Int
    let value: Int
    let status: Int?

    func read(_ bytes: ArraySlice<UInt8>, line: Int) -> ImportRecord? {
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
        var start = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x22 || byte >= 0x80 { return nil }
            if byte == form.separator {
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
        guard let number = Self.number(bytes[starts[value]..<ends[value]], decimal: form.decimal),
              let day = form == .german ? Self.germanDay(bytes[starts[date]..<ends[date]]) : Self.day(bytes[starts[date]..<ends[date]]) else { return nil }
        let variableText = String(decoding: bytes[starts[variable]..<ends[variable]], as: UTF8.self)
        let keyText = String(decoding: bytes[starts[key]..<ends[key]], as: UTF8.self)
        guard !variableText.isEmpty, !keyText.isEmpty, variableText.first != " ", keyText.first != " ", keyText.last != " " else { return nil }
        return ImportRecord(line: line, column: form.value, variable: variableText, unitKey: keyText, date: day, breakdown: .total, value: number, status: status)
    }

    /// `-?digits(<decimal>digits)?`; exact for up to 15 significant digits (an integer mantissa divided by a power of ten
    /// is correctly rounded).
    static func number(_ bytes: ArraySlice<UInt8>, decimal: UInt8) -> Double? {
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: Int64 = 0
        var digits = 0, decimals = 0
        var seenPoint = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == decimal {
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

    /// `31.12.2024`.
    static func germanDay(_ bytes: ArraySlice<UInt8>) -> Day? {
        guard bytes.count == 10 else { return nil }
        let b = Array(bytes)
        guard b[2] == UInt8(ascii: "."), b[5] == UInt8(ascii: ".") else { return nil }
        return Day(iso: String(decoding: b[6..<10] + [UInt8(ascii: "-")] + b[3..<5] + [UInt8(ascii: "-")] + b[0..<2], as: UTF8.self))
    }
}
