import Foundation
import SoplaCore

/// What a value of a GENESIS file measures: its value variable (code, label, unit) or, in the old tables, the
/// labels above its column (and a measure named in its row).
public struct GenesisMeasure: Hashable, Sendable {
    /// What a mapping refers to: the value variable code, or the column labels joined by " | ".
    public let signature: String
    /// The GENESIS code of the value variable (ISV006, ERW032 …); nil in old tables.
    public let code: String?
    public let label: String
    public let unit: String

    public init(signature: String, code: String?, label: String, unit: String) {
        self.signature = signature
        self.code = code
        self.label = label
        self.unit = unit
    }
}

/// A breakdown of a value in the file's own terms: a GENESIS variable (GES) and its attribute (GESW); an empty
/// attribute is the total.
public struct GenesisDimension: Hashable, Sendable {
    public let code: String
    public let label: String
    public let attribute: String
    public let attributeLabel: String

    public init(code: String, label: String, attribute: String, attributeLabel: String) {
        self.code = code
        self.label = label
        self.attribute = attribute
        self.attributeLabel = attributeLabel
    }
}

/// One value of a GENESIS file with all the file says about it.
public struct GenesisCell: Sendable {
    public let line: Int
    /// The file's name of the column the value stands in (named in problems).
    public let column: String
    /// The regional key as sopla keys units (`DG`, 2-digit Land … 8-digit AGS; 12-digit ARS read as AGS); nil if none.
    public let regionKey: String?
    public let regionLabel: String
    public let date: Day
    public let measure: GenesisMeasure
    /// Every breakdown but region and time.
    public let dimensions: [GenesisDimension]
    public let raw: String
    public let qualifier: String?
}

/// Regional keys as GENESIS writes them.
public enum GenesisRegion {
    /// `DG`, or 2, 3, 5, 8 or 9 digits; a 12-digit Regionalschlüssel becomes the 8-digit AGS (or the Kreis key for a
    /// Kreis), a 12-digit key of a Gemeindeverband its 9 digits. nil for anything else (`AUSLAND`, names).
    public static func key(_ raw: String) -> String? {
        let code = raw.trimmingCharacters(in: .whitespaces)
        if code == "DG" { return code }
        guard code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch code.count {
        case 2, 3, 5, 8, 9: return code
        case 12:
            // Kreis (5) + Gemeindeverband (4) + Gemeinde (3): a Kreis's own key ends in seven zeros.
            if code.hasSuffix("0000000") { return String(code.prefix(5)) }
            return String(code.prefix(5)) + String(code.suffix(3))
        default: return nil
        }
    }

    /// The Länder by name (old tables name them in the header, without a key).
    public static let lands: [String: String] = [
        "Schleswig-Holstein": "01", "Hamburg": "02", "Niedersachsen": "03", "Bremen": "04", "Nordrhein-Westfalen": "05", "Hessen": "06",
        "Rheinland-Pfalz": "07", "Baden-Württemberg": "08", "Bayern": "09", "Saarland": "10", "Berlin": "11", "Brandenburg": "12",
        "Mecklenburg-Vorpommern": "13", "Sachsen": "14", "Sachsen-Anhalt": "15", "Thüringen": "16", "Deutschland": "DG",
    ]

    /// GENESIS variables that hold regions, whatever their level.
    static func isSpatial(_ code: String) -> Bool {
        ["DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMVB", "GEMVBZ"].contains(code) || code.hasPrefix("GEO")
    }
}

/// Reads the values of the three generations of GENESIS export into `GenesisCell`s.
enum GenesisCells {
    /// Problems of a whole file (a malformed server answer), raised before any value is read.
    struct Refusal: Error {
        let issues: [DataImportIssue]
    }

    static func read(url: URL, format: StatisticsFormat, progress: (Int64) -> Void, cell: (GenesisCell) async throws -> Void,
                     issue: (DataImportIssue) -> Void) async throws {
        switch format {
        case .genesisFlat, .genesisFlatOld: try await FlatLayout.read(url: url, progress: progress, cell: cell, issue: issue)
        case .genesisTable: try await TableLayout(url: url).read(progress: progress, cell: cell, issue: issue)
        case .soplaLong: return
        }
    }

    /// Last day of a month; of the quarter for `QUART1`…`QUART4`; of the month for `MONAT01`…`MONAT12`.
    static func period(_ attribute: String, year: Int) -> Day? {
        if attribute.hasPrefix("QUART"), let q = Int(attribute.dropFirst(5)), (1...4).contains(q) { return monthEnd(year: year, month: q * 3) }
        if attribute.hasPrefix("MONAT"), let m = Int(attribute.dropFirst(5)), (1...12).contains(m) { return monthEnd(year: year, month: m) }
        return nil
    }

    static func monthEnd(year: Int, month: Int) -> Day? {
        let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return Day(year: year, month: month, day: days[month - 1])
    }
}

/// The flat CSVs: one value per row (`value;value_unit;value_variable_code;value_variable_label[;value_q]`) or, in the
/// 2024 export, one column per value variable (`CODE__Label__Unit`, optionally followed by `…__q`). Columns are taken by
/// position: after the five statistic and time columns come blocks of four per variable (code, label, attribute code,
/// attribute label), whatever their names (English exports of 2024 repeat `1_variable_code`).
enum FlatLayout {
    struct Columns {
        var statisticsCode = 0
        var timeCode = 2
        var time = 4
        var dimensions: [Int] = []
        /// One value per row.
        var value: Int?
        var unit: Int?
        var measureCode: Int?
        var measureLabel: Int?
        var qualifier: Int?
        /// One column per value variable.
        var wide: [(index: Int, qualifier: Int?, measure: GenesisMeasure)] = []
        var count = 0
    }

    static func columns(_ header: [String], issue: (DataImportIssue) -> Void) -> Columns? {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var columns = Columns()
        columns.count = names.count
        guard names.count > 5 else {
            issue(DataImportIssue(line: 1, column: "", value: names.joined(separator: ";"), reason: .columnCount(expected: 6, found: names.count)))
            return nil
        }
        var index = 5
        while index + 3 < names.count, names[index].hasPrefix("\(columns.dimensions.count + 1)_") {
            columns.dimensions.append(index)
            index += 4
        }
        if names.contains("value") {
            func find(_ name: String) -> Int? { names.firstIndex(of: name) }
            columns.value = find("value")
            columns.unit = find("value_unit")
            columns.measureCode = find("value_variable_code")
            columns.measureLabel = find("value_variable_label")
            columns.qualifier = find("value_q")
            var ok = true
            for name in ["value_unit", "value_variable_code"] where find(name) == nil {
                issue(DataImportIssue(line: 1, column: name, value: "", reason: .missingColumn(name)))
                ok = false
            }
            return ok ? columns : nil
        }
        var broken: [String] = []
        while index < names.count {
            let name = names[index]
            let parts = name.components(separatedBy: "__")
            guard parts.count >= 2, !name.hasSuffix("__q") else { index += 1; continue }
            let code = parts[0]
            let unit = parts.count >= 3 ? parts.last!.replacingOccurrences(of: "_", with: " ") : ""
            let label = parts[1..<max(2, parts.count - 1)].joined(separator: " ").replacingOccurrences(of: "_", with: " ")
            if unit.hasSuffix("NotFound!") { broken.append(name) }
            let qualifier = index + 1 < names.count && names[index + 1].hasSuffix("__q") ? index + 1 : nil
            columns.wide.append((index, qualifier, GenesisMeasure(signature: code, code: code, label: label, unit: unit)))
            index += qualifier == nil ? 1 : 2
        }
        for name in broken {
            issue(DataImportIssue(line: 1, column: name, value: name, reason: .unitNotFound))
        }
        if columns.wide.isEmpty {
            issue(DataImportIssue(line: 1, column: "", value: "", reason: .missingColumn("value")))
            return nil
        }
        // A broken header is reported, and the rows are still read, so that every defect of the answer is named at once.
        return columns
    }

    static func read(url: URL, progress: (Int64) -> Void, cell: (GenesisCell) async throws -> Void, issue: (DataImportIssue) -> Void) async throws {
        let reader = try LineReader(url: url)
        guard var headerBytes = try reader.next() else {
            issue(DataImportIssue(line: 1, column: "", value: "", reason: .emptyFile))
            return
        }
        if headerBytes.starts(with: LineText.byteOrderMark) { headerBytes = headerBytes.dropFirst(3) }
        let header = LineText.fields(LineText.latin1OrUTF8(headerBytes), separator: ";") ?? []
        guard let columns = columns(header, issue: issue) else { return }
        // A malformed answer of the 2024 service puts the regional variable in the first columns of stub rows without
        // values: refused as a whole, naming the rows.
        var statistic: String?
        var shifted: [Int] = []
        var rows = 0
        while let bytes = try reader.next() {
            let line = reader.lineNumber
            if line % 4096 == 0 { progress(reader.bytesRead) }
            if bytes.isEmpty { continue }
            // Both flat exports are UTF-8 (with or without byte order mark).
            guard let text = LineText.utf8(bytes), let fields = LineText.fields(text, separator: ";") else {
                issue(DataImportIssue(line: line, column: "", value: LineText.latin1OrUTF8(bytes.prefix(60)), reason: .invalidEncoding(expected: "UTF-8")))
                continue
            }
            guard fields.count == columns.count else {
                issue(DataImportIssue(line: line, column: "", value: text, reason: .columnCount(expected: columns.count, found: fields.count)))
                continue
            }
            let code = fields[columns.statisticsCode].trimmingCharacters(in: .whitespaces)
            if GenesisRegion.isSpatial(code) || code.isEmpty || !(code.first?.isNumber ?? false) {
                shifted.append(line)
                continue
            }
            statistic = statistic ?? code
            rows += 1
            let timeCode = fields[columns.timeCode].trimmingCharacters(in: .whitespaces)
            let time = fields[columns.time].trimmingCharacters(in: .whitespaces)
            var date = CellText.date(time)
            var region: (key: String?, label: String)?
            var dimensions: [GenesisDimension] = []
            for start in columns.dimensions {
                let variable = fields[start].trimmingCharacters(in: .whitespaces)
                guard !variable.isEmpty else { continue }
                let attribute = fields[start + 2].trimmingCharacters(in: .whitespaces)
                let attributeLabel = fields[start + 3].trimmingCharacters(in: .whitespaces)
                if GenesisRegion.isSpatial(variable) {
                    region = (GenesisRegion.key(attribute), attributeLabel)
                } else if variable == "MONAT" || variable == "QUARTG", let year = Int(time), let end = GenesisCells.period(attribute, year: year) {
                    date = end
                } else {
                    dimensions.append(GenesisDimension(code: variable, label: fields[start + 1].trimmingCharacters(in: .whitespaces),
                                                       attribute: attribute, attributeLabel: attributeLabel))
                }
            }
            guard let day = date else {
                issue(DataImportIssue(line: line, column: timeCode.isEmpty ? "time" : timeCode, value: time, reason: .badDate))
                continue
            }
            let regionLabel = region?.label ?? ""
            if let valueIndex = columns.value, let measureIndex = columns.measureCode {
                let code = fields[measureIndex].trimmingCharacters(in: .whitespaces)
                let measure = GenesisMeasure(signature: code, code: code, label: columns.measureLabel.map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? code,
                                             unit: columns.unit.map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? "")
                try await cell(GenesisCell(line: line, column: "value", regionKey: region?.key, regionLabel: regionLabel, date: day, measure: measure,
                                           dimensions: dimensions, raw: fields[valueIndex], qualifier: columns.qualifier.map { fields[$0] }))
            } else {
                for value in columns.wide {
                    try await cell(GenesisCell(line: line, column: header[value.index].trimmingCharacters(in: .whitespaces), regionKey: region?.key,
                                               regionLabel: regionLabel, date: day, measure: value.measure, dimensions: dimensions,
                                               raw: fields[value.index], qualifier: value.qualifier.map { fields[$0] }))
                }
            }
        }
        progress(reader.bytesRead)
        if !shifted.isEmpty {
            issue(DataImportIssue(line: shifted[0], column: "", value: Self.ranges(shifted), reason: .shiftedRows(shifted.count)))
        }
        if rows == 0 && shifted.isEmpty { issue(DataImportIssue(line: reader.lineNumber, column: "", value: "", reason: .emptyFile)) }
    }

    /// "2–539, 600" for lines 2…539 and 600.
    static func ranges(_ lines: [Int]) -> String {
        var parts: [String] = []
        var start = lines[0], end = lines[0]
        for line in lines.dropFirst() {
            if line == end + 1 { end = line; continue }
            parts.append(start == end ? "\(start)" : "\(start)–\(end)")
            start = line
            end = line
        }
        parts.append(start == end ? "\(start)" : "\(start)–\(end)")
        return parts.joined(separator: ", ")
    }
}

/// The old table CSV ("GENESIS-Tabelle: CODE"): title lines, one to four header rows (first cell empty), data rows,
/// and a footer after a line of underscores. The columns before the first labelled header column describe the row:
/// a date or year, a regional key and its name, text such as an age group or a measure with its unit. Header cells
/// give the value column its labels, its date, a unit row, or (Länder tables) its region.
struct TableLayout {
    struct ValueColumn {
        let index: Int
        let labels: [String]
        let date: Day?
        let unit: String?
        let region: (key: String, label: String)?
        let sex: String?
    }

    enum RowColumn: Equatable {
        case date, key, name, unit, text
    }

    let url: URL
    let tableCode: String
    let titles: [String]
    let titleDate: Day?
    let valueColumns: [ValueColumn]
    let firstValue: Int
    let headerLine: Int
    let rowColumns: [RowColumn]

    static let units: Set<String> = ["Anzahl", "EUR", "Tsd. EUR", "Mill. EUR", "1000 EUR", "1000", "Tsd.", "ha", "qm", "1000 qm", "km²", "qkm", "%", "Prozent",
                                     "l", "1000 cbm", "cbm", "Tage", "Personen", "Betten", "Euro", "t", "1000 t", "kg", "MWh", "Std.", "Stunden", "Jahre"]

    static func isUnit(_ text: String) -> Bool { units.contains(text) }

    init(url: URL) throws {
        self.url = url
        let reader = try LineReader(url: url)
        var code = ""
        var titles: [String] = []
        var titleDate: Day?
        var headerRows: [[String]] = []
        var headerLine = 1
        var sample: [[String]] = []
        while let bytes = try reader.next() {
            let text = LineText.latin1OrUTF8(bytes.starts(with: LineText.byteOrderMark) ? bytes.dropFirst(3) : bytes)
            if reader.lineNumber == 1 {
                code = text.replacingOccurrences(of: "GENESIS-Tabelle:", with: "").trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
                continue
            }
            let fields = (LineText.fields(text, separator: ";") ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
            if text.hasPrefix("_____") { break }
            if fields.allSatisfy(\.isEmpty) { continue }
            if !sample.isEmpty || (!headerRows.isEmpty && !fields[0].isEmpty) {
                sample.append(fields)
                if sample.count >= 50 { break }
                continue
            }
            if fields[0].isEmpty {
                headerRows.append(fields)
                headerLine = reader.lineNumber
            } else if fields.dropFirst().allSatisfy(\.isEmpty) {
                if let day = CellText.date(fields[0]), fields[0].count == 10 { titleDate = day } else { titles.append(fields[0]) }
            } else {
                sample.append(fields)
            }
        }
        tableCode = code
        self.titles = titles
        self.titleDate = titleDate
        self.headerLine = headerLine
        let width = max(headerRows.map(\.count).max() ?? 0, sample.map(\.count).max() ?? 0)
        let first = (0..<width).first { index in headerRows.contains { index < $0.count && !$0[index].isEmpty } } ?? width
        firstValue = first
        // What the row columns hold, from the first data rows.
        var kinds: [RowColumn] = []
        for index in 0..<first {
            let values = sample.compactMap { index < $0.count ? $0[index] : nil }.filter { !$0.isEmpty }
            if !values.isEmpty, values.allSatisfy({ CellText.date($0) != nil }) { kinds.append(.date) }
            else if !values.isEmpty, values.allSatisfy({ GenesisRegion.key($0) != nil }), !kinds.contains(.key) { kinds.append(.key) }
            else if kinds.last == .key { kinds.append(.name) }
            else if !values.isEmpty, values.allSatisfy(Self.isUnit) { kinds.append(.unit) }
            else { kinds.append(.text) }
        }
        rowColumns = kinds
        var columns: [ValueColumn] = []
        let unitRow = headerRows.last { row in
            let cells = row.dropFirst(first).filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(Self.isUnit)
        }
        for index in first..<max(first, width) {
            var labels: [String] = []
            var date: Day?
            var region: (String, String)?
            var sex: String?
            for row in headerRows where row != unitRow {
                let cell = index < row.count ? row[index] : ""
                guard !cell.isEmpty else { continue }
                if let day = CellText.date(cell) { date = day; continue }
                if let key = GenesisRegion.lands[cell], !kinds.contains(.key) { region = (key, cell); continue }
                switch cell {
                case "männlich": sex = "m"
                case "weiblich": sex = "f"
                default: if labels.last != cell, !["Stichtag", "Jahr"].contains(cell) { labels.append(cell) }
                }
            }
            let unit = unitRow.flatMap { index < $0.count && !$0[index].isEmpty ? $0[index] : nil }
            columns.append(ValueColumn(index: index, labels: labels, date: date, unit: unit, region: region, sex: sex))
        }
        // "Insgesamt" beside "männlich" and "weiblich" is the total of a sex breakdown, not a measure of its own.
        if columns.contains(where: { $0.sex != nil }) {
            columns = columns.map { column in
                guard column.sex == nil, column.labels.last == "Insgesamt" else { return column }
                return ValueColumn(index: column.index, labels: Array(column.labels.dropLast()), date: column.date, unit: column.unit, region: column.region, sex: "")
            }
        }
        valueColumns = columns
    }

    /// The measure a value column (and the row's own measure text, if any) stands for.
    func measure(_ column: ValueColumn, rowText: String?, rowUnit: String?) -> GenesisMeasure {
        var labels = column.labels
        if let rowText { labels.append(rowText) }
        // Without labels of its own the table's last title line names the measure ("Bevölkerungsstand (Anzahl)").
        var unit = rowUnit ?? column.unit ?? ""
        if labels.isEmpty, var title = titles.last {
            if title.hasSuffix(")"), let open = title.lastIndex(of: "(") {
                unit = unit.isEmpty ? String(title[title.index(after: open)..<title.index(before: title.endIndex)]) : unit
                title = String(title[..<open]).trimmingCharacters(in: .whitespaces)
            }
            labels = [title]
        }
        let signature = labels.joined(separator: " | ")
        return GenesisMeasure(signature: signature.isEmpty ? "Wert" : signature, code: nil, label: labels.last ?? "Wert", unit: unit)
    }

    func read(progress: (Int64) -> Void, cell: (GenesisCell) async throws -> Void, issue: (DataImportIssue) -> Void) async throws {
        guard !valueColumns.isEmpty else {
            issue(DataImportIssue(line: max(headerLine, 2), column: "", value: "", reason: .missingColumn("Kopfzeilen ;;…")))
            return
        }
        let keyIndex = rowColumns.firstIndex(of: .key), nameIndex = rowColumns.firstIndex(of: .name), dateIndex = rowColumns.firstIndex(of: .date)
        let unitIndex = rowColumns.firstIndex(of: .unit)
        let textIndices = rowColumns.indices.filter { rowColumns[$0] == .text }
        // With a unit column, the text before it names the measure; otherwise text columns are breakdowns (ages …).
        let measureIndex = unitIndex.flatMap { u in textIndices.last { $0 < u } }
        let breakdownIndices = textIndices.filter { $0 != measureIndex }
        if keyIndex == nil, !valueColumns.contains(where: { $0.region != nil }) {
            issue(DataImportIssue(line: headerLine + 1, column: "", value: "", reason: .missingColumn("Regionalschlüssel")))
            return
        }
        let reader = try LineReader(url: url)
        var values = 0
        var inData = false
        while let bytes = try reader.next() {
            let line = reader.lineNumber
            if line <= headerLine { continue }
            if line % 4096 == 0 { progress(reader.bytesRead) }
            let text = LineText.latin1OrUTF8(bytes)
            if text.hasPrefix("_____") { break }
            guard let raw = LineText.fields(text, separator: ";") else {
                issue(DataImportIssue(line: line, column: "", value: text, reason: .columnCount(expected: firstValue + valueColumns.count, found: 0)))
                continue
            }
            let fields = raw.map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.allSatisfy(\.isEmpty) { continue }
            // A title line between header and data (a lone date) is not a row.
            if !inData, fields.dropFirst().allSatisfy(\.isEmpty) { continue }
            inData = true
            guard fields.count >= firstValue + valueColumns.count else {
                issue(DataImportIssue(line: line, column: "", value: text, reason: .columnCount(expected: firstValue + valueColumns.count, found: fields.count)))
                continue
            }
            var rowDate = titleDate
            if let dateIndex {
                guard let day = CellText.date(fields[dateIndex]) else {
                    issue(DataImportIssue(line: line, column: "Zeit", value: fields[dateIndex], reason: .badDate))
                    continue
                }
                rowDate = day
            }
            let key = keyIndex.map { fields[$0] }
            let name = nameIndex.map { fields[$0] } ?? ""
            var dimensions: [GenesisDimension] = []
            for index in breakdownIndices where !fields[index].isEmpty {
                dimensions.append(Self.rowDimension(fields[index]))
            }
            let rowText = measureIndex.map { fields[$0] }
            let rowUnit = unitIndex.map { fields[$0] }
            for column in valueColumns {
                guard let date = column.date ?? rowDate else {
                    issue(DataImportIssue(line: line, column: column.labels.joined(separator: " | "), value: "", reason: .badDate))
                    continue
                }
                var cellDimensions = dimensions
                if let sex = column.sex {
                    cellDimensions.append(GenesisDimension(code: "GES", label: "Geschlecht", attribute: sex == "m" ? "GESM" : sex == "f" ? "GESW" : "",
                                                           attributeLabel: sex == "m" ? "männlich" : sex == "f" ? "weiblich" : "Insgesamt"))
                }
                let regionKey = column.region?.key ?? key.flatMap(GenesisRegion.key)
                values += 1
                try await cell(GenesisCell(line: line, column: column.labels.joined(separator: " | "), regionKey: regionKey, regionLabel: column.region?.label ?? name,
                                           date: date, measure: measure(column, rowText: rowText, rowUnit: rowUnit), dimensions: cellDimensions,
                                           raw: fields[column.index], qualifier: nil))
            }
        }
        progress(reader.bytesRead)
        if values == 0 { issue(DataImportIssue(line: reader.lineNumber, column: "", value: "", reason: .emptyFile)) }
    }

    /// A text in a row column as a breakdown: ages ("unter 1 Jahr", "1-Jährige", "90 Jahre und mehr") as `ALTER`, any
    /// other text as `MERKMAL`; "Insgesamt" is the total.
    static func rowDimension(_ text: String) -> GenesisDimension {
        if text == "Insgesamt" { return GenesisDimension(code: "MERKMAL", label: "Merkmal", attribute: "", attributeLabel: text) }
        let digits = text.prefix { $0.isNumber }
        if text.hasPrefix("unter 1 Jahr") { return GenesisDimension(code: "ALTER", label: "Alter", attribute: "0", attributeLabel: text) }
        if !digits.isEmpty, text.contains("Jahr") || text.contains("Jährige") {
            let attribute = text.contains("und mehr") ? digits + "plus" : String(digits)
            return GenesisDimension(code: "ALTER", label: "Alter", attribute: String(attribute), attributeLabel: text)
        }
        return GenesisDimension(code: "MERKMAL", label: "Merkmal", attribute: GenesisProposal.slug(text), attributeLabel: text)
    }
}
