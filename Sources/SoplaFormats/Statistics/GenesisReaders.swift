import Foundation
import SoplaCore

/// Checks a mapping against the value columns of a file: every column must be mapped or ignored, and
/// every mapped column must still be there.
enum MappingCheck {
    static func check(_ mapping: ColumnMapping?, columns: [SourceColumn], line: Int, issue: (DataImportIssue) -> Void) -> Bool {
        var clean = true
        let present = Set(columns.map(\.signature))
        for column in columns where !(mapping?.signatures.contains(column.signature) ?? false) {
            issue(DataImportIssue(line: line, column: column.signature, value: column.label, reason: .unmappedColumn))
            clean = false
        }
        if let mapping {
            for signature in mapping.targets.keys.sorted() where !present.contains(signature) {
                issue(DataImportIssue(line: line, column: signature, value: signature, reason: .tableChanged))
                clean = false
            }
        }
        return clean
    }
}

/// The GENESIS/Regionalstatistik table CSV: `GENESIS-Tabelle: CODE`, title lines, header rows that start
/// with `;;`, rows `key;indented name;values…`, and a footer after `__________`.
struct GenesisTableLayout {
    struct Column {
        let index: Int
        let signature: String
        let date: Day?
    }

    let url: URL
    let tableCode: String
    let columns: [Column]
    let fieldCount: Int
    /// The line of the last header row, named in errors about columns.
    let headerLine: Int
    let headerProblems: [DataImportIssue]

    static let separator: Character = ";"

    init(url: URL) throws {
        self.url = url
        let reader = try LineReader(url: url)
        var code = ""
        var headerRows: [[String]] = []
        var headerLine = 1
        while let bytes = try reader.next() {
            let text = LineText.latin1OrUTF8(bytes.starts(with: LineText.byteOrderMark) ? bytes.dropFirst(3) : bytes)
            if reader.lineNumber == 1 {
                code = text.replacingOccurrences(of: "GENESIS-Tabelle:", with: "").trimmingCharacters(in: .whitespaces)
                continue
            }
            let fields = LineText.fields(text, separator: Self.separator) ?? []
            if fields.count >= 3, fields[0].trimmingCharacters(in: .whitespaces).isEmpty, fields[1].trimmingCharacters(in: .whitespaces).isEmpty {
                headerRows.append(fields)
                headerLine = reader.lineNumber
            } else if !headerRows.isEmpty {
                break
            }
        }
        tableCode = code
        self.headerLine = headerLine
        fieldCount = headerRows.map(\.count).max() ?? 0
        var columns: [Column] = []
        var problems: [DataImportIssue] = []
        if fieldCount > 2 {
            for index in 2..<fieldCount {
                let cells = headerRows.map { index < $0.count ? $0[index].trimmingCharacters(in: .whitespaces) : "" }
                let date = cells.lazy.compactMap(CellText.date).first
                let labels = cells.filter { !$0.isEmpty && CellText.date($0) == nil }
                let signature = labels.isEmpty ? "Wert" : labels.joined(separator: " | ")
                if date == nil { problems.append(DataImportIssue(line: headerLine, column: signature, value: cells.joined(separator: " "), reason: .badDate)) }
                columns.append(Column(index: index, signature: signature, date: date))
            }
        } else {
            problems.append(DataImportIssue(line: max(headerLine, 2), column: "", value: "", reason: .missingColumn("header rows ;;…")))
        }
        self.columns = columns
        headerProblems = problems
    }

    var uniqueColumns: [SourceColumn] {
        var seen: Set<String> = []
        return columns.compactMap { seen.insert($0.signature).inserted ? SourceColumn(signature: $0.signature, label: $0.signature) : nil }
    }

    func read(mapping: ColumnMapping?, progress: (Int64) -> Void, record: (ImportRecord) async throws -> Void, issue: (DataImportIssue) -> Void) async throws {
        headerProblems.forEach(issue)
        guard headerProblems.isEmpty, MappingCheck.check(mapping, columns: uniqueColumns, line: headerLine, issue: issue), let mapping else { return }
        let reader = try LineReader(url: url)
        var values = 0
        while let bytes = try reader.next() {
            let line = reader.lineNumber
            if line <= headerLine { continue }
            if line % 4096 == 0 { progress(reader.bytesRead) }
            let text = LineText.latin1OrUTF8(bytes)
            if text.hasPrefix("__________") { break }
            if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let fields = LineText.fields(text, separator: Self.separator), fields.count == fieldCount else {
                issue(DataImportIssue(line: line, column: "", value: text, reason: .columnCount(expected: fieldCount, found: LineText.fields(text, separator: Self.separator)?.count ?? 0)))
                continue
            }
            let key = fields[0].trimmingCharacters(in: .whitespaces)
            for column in columns {
                guard let target = mapping.targets[column.signature], let date = column.date else { continue }
                values += 1
                try await CellText.record(line: line, column: column.signature, variable: target, unitKey: key, date: date, breakdown: [:],
                                parsed: CellText.parse(fields[column.index], qualifier: nil, decimal: ","), record: record, issue: issue, raw: fields[column.index])
            }
        }
        progress(reader.bytesRead)
        if values == 0 { issue(DataImportIssue(line: reader.lineNumber, column: "", value: "", reason: .emptyFile)) }
    }
}

/// The two GENESIS flat formats: one value per row (new) or one value column per measure (old "ffcsv").
struct FlatReader {
    let url: URL
    let format: StatisticsFormat

    struct Layout {
        var statisticsIndex: Int
        var timeIndex: Int
        /// (variable code column, attribute code column) per dimension.
        var dimensions: [(code: Int, attribute: Int)]
        /// New format: value, qualifier, measure code and label columns.
        var valueIndex: Int?
        var qualifierIndex: Int?
        var measureIndex: Int?
        var measureLabelIndex: Int?
        /// Old format: (value column, qualifier column, signature, label).
        var valueColumns: [(index: Int, qualifier: Int?, signature: String, label: String)]
        var fieldCount: Int
    }

    static let spatialDimensions: Set<String> = ["DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN"]

    static func isSpatial(_ code: String) -> Bool {
        spatialDimensions.contains(code) || code.hasPrefix("GEO")
    }

    func layout(_ header: [String], issue: (DataImportIssue) -> Void) -> Layout? {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        func index(_ name: String) -> Int? { names.firstIndex(of: name) }
        let old = format == .genesisFlatOld
        let required = old ? ["Statistik_Code", "Zeit"] : ["statistics_code", "time", "value", "value_variable_code", "value_q"]
        var ok = true
        for name in required where index(name) == nil {
            issue(DataImportIssue(line: 1, column: name, value: "", reason: .missingColumn(name)))
            ok = false
        }
        guard ok else { return nil }
        var dimensions: [(Int, Int)] = []
        for n in 1...20 {
            let code = old ? "\(n)_Merkmal_Code" : "\(n)_variable_code"
            let attribute = old ? "\(n)_Auspraegung_Code" : "\(n)_variable_attribute_code"
            guard let c = index(code), let a = index(attribute) else { break }
            dimensions.append((c, a))
        }
        var valueColumns: [(Int, Int?, String, String)] = []
        if old {
            for (i, name) in names.enumerated() where name.contains("__") && !name.hasSuffix("__q") {
                let parts = name.components(separatedBy: "__")
                let qualifier = i + 1 < names.count && names[i + 1].hasSuffix("__q") ? i + 1 : nil
                valueColumns.append((i, qualifier, parts[0], parts.dropFirst().joined(separator: ", ")))
            }
            if valueColumns.isEmpty {
                issue(DataImportIssue(line: 1, column: "", value: "", reason: .missingColumn("CODE__Label__Einheit")))
                return nil
            }
        }
        return Layout(statisticsIndex: index(old ? "Statistik_Code" : "statistics_code")!, timeIndex: index(old ? "Zeit" : "time")!,
                      dimensions: dimensions, valueIndex: index("value"), qualifierIndex: index("value_q"),
                      measureIndex: index("value_variable_code"), measureLabelIndex: index("value_variable_label"),
                      valueColumns: valueColumns, fieldCount: names.count)
    }

    func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        format == .genesisFlat ? LineText.utf8(bytes) : LineText.latin1OrUTF8(bytes)
    }

    /// Calls `column` with the statistic code and each value column met, until it returns false.
    func scan(_ column: (String, SourceColumn) -> Bool) throws {
        let reader = try LineReader(url: url)
        guard var headerBytes = try reader.next() else { return }
        if headerBytes.starts(with: LineText.byteOrderMark) { headerBytes = headerBytes.dropFirst(3) }
        guard let header = decode(headerBytes).flatMap({ LineText.fields($0, separator: ";") }), let layout = layout(header, issue: { _ in }) else { return }
        if format == .genesisFlatOld {
            while let bytes = try reader.next() {
                guard let fields = decode(bytes).flatMap({ LineText.fields($0, separator: ";") }), fields.count == layout.fieldCount else { continue }
                for value in layout.valueColumns where !column(fields[layout.statisticsIndex], SourceColumn(signature: value.signature, label: value.label)) { return }
                return
            }
            return
        }
        while let bytes = try reader.next() {
            // Lenient here: a line in the wrong encoding is reported when the values are read.
            guard let fields = LineText.fields(LineText.latin1OrUTF8(bytes), separator: ";"), fields.count == layout.fieldCount,
                  let measure = layout.measureIndex else { continue }
            let label = layout.measureLabelIndex.map { fields[$0] } ?? fields[measure]
            if !column(fields[layout.statisticsIndex], SourceColumn(signature: fields[measure], label: label)) { return }
        }
    }

    func read(mapping: ColumnMapping?, progress: (Int64) -> Void, record: (ImportRecord) async throws -> Void, issue: (DataImportIssue) -> Void) async throws {
        let reader = try LineReader(url: url)
        guard var headerBytes = try reader.next() else { return }
        if headerBytes.starts(with: LineText.byteOrderMark) { headerBytes = headerBytes.dropFirst(3) }
        guard let headerText = decode(headerBytes), let header = LineText.fields(headerText, separator: ";") else {
            issue(DataImportIssue(line: 1, column: "", value: "", reason: .invalidEncoding(expected: "UTF-8")))
            return
        }
        guard let layout = layout(header, issue: issue) else { return }
        let description = try StatisticsReader.describe(url: url)
        guard MappingCheck.check(mapping, columns: description.columns, line: 1, issue: issue), let mapping else { return }
        var values = 0
        while let bytes = try reader.next() {
            let line = reader.lineNumber
            if line % 4096 == 0 { progress(reader.bytesRead) }
            if bytes.isEmpty { continue }
            guard let text = decode(bytes) else {
                issue(DataImportIssue(line: line, column: "", value: LineText.latin1OrUTF8(bytes.prefix(60)), reason: .invalidEncoding(expected: "UTF-8")))
                continue
            }
            guard let fields = LineText.fields(text, separator: ";"), fields.count == layout.fieldCount else {
                issue(DataImportIssue(line: line, column: "", value: text, reason: .columnCount(expected: layout.fieldCount, found: LineText.fields(text, separator: ";")?.count ?? 0)))
                continue
            }
            guard let date = CellText.date(fields[layout.timeIndex]) else {
                issue(DataImportIssue(line: line, column: header[layout.timeIndex], value: fields[layout.timeIndex], reason: .badDate))
                continue
            }
            var unitKey: String?
            var breakdown: [String: String] = [:]
            var bad = false
            for dimension in layout.dimensions {
                let code = fields[dimension.code].trimmingCharacters(in: .whitespaces)
                let attribute = fields[dimension.attribute].trimmingCharacters(in: .whitespaces)
                if Self.isSpatial(code) {
                    unitKey = CellText.spatialKey(attribute)
                } else if !attribute.isEmpty {
                    guard Breakdown.isCode(code), Breakdown.isCode(attribute) else {
                        issue(DataImportIssue(line: line, column: header[dimension.attribute], value: attribute, reason: .badBreakdown))
                        bad = true
                        break
                    }
                    breakdown[code] = attribute
                }
            }
            if bad { continue }
            guard let unitKey else {
                issue(DataImportIssue(line: line, column: "", value: "", reason: .missingColumn("regional key dimension (GEO…, KREISE, GEMEIN)")))
                continue
            }
            if format == .genesisFlat, let valueIndex = layout.valueIndex, let measure = layout.measureIndex {
                guard let target = mapping.targets[fields[measure]] else { continue }
                values += 1
                try await CellText.record(line: line, column: "value", variable: target, unitKey: unitKey, date: date, breakdown: breakdown,
                                parsed: CellText.parse(fields[valueIndex], qualifier: layout.qualifierIndex.map { fields[$0] }, decimal: ","),
                                record: record, issue: issue, raw: fields[valueIndex])
            } else {
                for column in layout.valueColumns {
                    guard let target = mapping.targets[column.signature] else { continue }
                    values += 1
                    try await CellText.record(line: line, column: header[column.index].trimmingCharacters(in: .whitespaces), variable: target, unitKey: unitKey, date: date,
                                    breakdown: breakdown, parsed: CellText.parse(fields[column.index], qualifier: column.qualifier.map { fields[$0] }, decimal: ","),
                                    record: record, issue: issue, raw: fields[column.index])
                }
            }
        }
        progress(reader.bytesRead)
        if values == 0 { issue(DataImportIssue(line: reader.lineNumber, column: "", value: "", reason: .emptyFile)) }
    }
}
