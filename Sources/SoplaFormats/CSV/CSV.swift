import Foundation

/// CSV as German spreadsheets open it by double-click: UTF-8 with byte order mark, `;` between cells, CRLF
/// line ends, quotes as in RFC 4180. Cell values are written with `GermanCSV`.
public enum CSV {
    /// The cell separator sopla writes.
    public static let separator: Character = ";"

    /// Writes a table. Cells that a spreadsheet would run as a formula are prefixed with a quote.
    public static func write(header: [String], rows: [[String]], byteOrderMark: Bool = true) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in [header] + rows {
            out += row.map(cell).joined(separator: String(separator)) + "\r\n"
        }
        return out
    }

    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first), !isNumber(value) {
            value = "'" + value
        }
        if value.contains(where: { $0 == separator || $0 == "\"" || $0.isNewline }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// A signed decimal number with a comma or a point: `-2,5`, `+3`, `-0.25`. A spreadsheet reads it as a number, not a formula.
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if let first = rest.first, first == "-" || first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "." }
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// The separator of a table: `;` if its first line has more semicolons than commas outside quotes, else `,`.
    public static func separator(of text: String) -> Character {
        var semicolons = 0, commas = 0, inQuotes = false
        for c in text {
            if c == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if c == "\n" || c == "\r\n" || c == "\r" { break }
            if c == ";" { semicolons += 1 } else if c == "," { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Reads a table into rows of cells; a leading byte order mark is skipped. Without a separator, the first line
    /// decides (`;` as sopla writes, or `,`).
    public static func parse(_ text: String, separator: Character? = nil) throws(ParseError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var quoteLine = 1
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let separator = separator ?? Self.separator(of: body)
        var chars = Array(body)
        if chars.last != "\n" && chars.last != "\r\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    cell.append(c)
                }
            } else {
                switch c {
                case "\"" where cell.isEmpty: inQuotes = true; quoteLine = line
                case separator: row.append(cell); cell = ""
                case "\r\n", "\n", "\r":
                    row.append(cell); cell = ""
                    if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                    row = []
                    line += 1
                default: cell.append(c)
                }
            }
            i += 1
        }
        if inQuotes { throw ParseError(line: quoteLine, reason: "a quoted cell opened here is not closed") }
        return rows
    }
}
