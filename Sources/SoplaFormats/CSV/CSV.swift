import Foundation

/// RFC 4180 CSV, as spreadsheets open and write it.
public enum CSV {
    /// Writes a table. Cells that a spreadsheet would run as a formula are prefixed with a quote.
    public static func write(header: [String], rows: [[String]], byteOrderMark: Bool = true) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in [header] + rows {
            out += row.map(cell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first), Double(value) == nil {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Reads a table into rows of cells; a leading byte order mark is skipped.
    public static func parse(_ text: String) throws(ParseError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var quoteLine = 1
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    cell.append(c)
                }
            } else {
                switch c {
                case "\"" where cell.isEmpty: inQuotes = true; quoteLine = line
                case ",": row.append(cell); cell = ""
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
