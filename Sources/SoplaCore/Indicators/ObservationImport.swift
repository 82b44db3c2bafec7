import Foundation

/// One problem of an import file, named by line, column and value; nothing is stored while there is one.
public struct DataImportIssue: Hashable, Sendable, Error, Codable {
    public enum Reason: Hashable, Sendable, Codable {
        case unknownFormat
        case invalidEncoding(expected: String)
        case missingColumn(String)
        case columnCount(expected: Int, found: Int)
        case unknownKey
        case badNumber
        /// A number outside the plausible range of imported values (`Plausible.observationValue`).
        case outOfRange
        /// A decimal point or thousands separator where the file's convention does not allow it.
        case decimalSeparator(expected: String)
        case thousandsSeparator
        case negativeCount
        /// A count (people, cases) that is not a whole number.
        case fractionalCount
        case unknownVariable
        case badBreakdown
        case badStatus
        case statusWithoutValue
        case valueMissing
        case duplicate(firstLine: Int)
        case badDate
        case dateOutOfRange(earliest: Day, latest: Day)
        /// A column of a GENESIS table with no variable chosen for it.
        case unmappedColumn
        /// The table no longer has the shape its saved mapping was made for.
        case tableChanged
        case emptyFile
        /// A malformed answer of the GENESIS service: this many rows are shifted (the region in the first columns, no
        /// values); `value` names the lines.
        case shiftedRows(Int)
        /// A malformed answer of the GENESIS service: a value column without its unit (`MeasureUnitNotFound!`).
        case unitNotFound
        /// A ZIP archive (as GENESIS sends its downloads) instead of the CSV inside it.
        case compressedArchive
        /// A spreadsheet (Excel .xlsx or .xls) instead of the CSV file saved from it.
        case spreadsheet
        /// Not a text file at all (an image, a PDF, a packed file): no bytes of it are shown.
        case binaryFile
        /// Every value is of a region outside the spatial base (this many).
        case noOwnUnits(skipped: Int)
        /// sopla was stopped while the import ran; nothing of it was stored.
        case interrupted
    }

    public let line: Int
    public let column: String
    public let value: String
    public let reason: Reason

    public init(line: Int, column: String, value: String, reason: Reason) {
        self.line = line
        self.column = column
        self.value = String(value.prefix(80))
        self.reason = reason
    }

    /// One English sentence, for the CLI and the API.
    public var message: String {
        let reasonText: String
        switch reason {
        case .unknownFormat: reasonText = "not a known format (sopla long CSV, GENESIS table CSV, GENESIS flat CSV old or new)"
        case .invalidEncoding(let expected): reasonText = "not valid \(expected)"
        case .missingColumn(let name): reasonText = "column \"\(name)\" is missing"
        case .columnCount(let expected, let found): reasonText = "expected \(expected) columns, found \(found)"
        case .unknownKey: reasonText = "unknown regional key"
        case .badNumber: reasonText = "not a number"
        case .outOfRange: reasonText = "not a plausible value (between −1,000,000,000,000 and 1,000,000,000,000)"
        case .decimalSeparator(let expected): reasonText = "wrong decimal separator: this file uses \"\(expected)\""
        case .thousandsSeparator: reasonText = "thousands separators are not allowed"
        case .negativeCount: reasonText = "a count cannot be negative"
        case .fractionalCount: reasonText = "a count must be a whole number"
        case .unknownVariable: reasonText = "unknown variable"
        case .badBreakdown: reasonText = "not a breakdown code (letters, digits, _ - .)"
        case .badStatus: reasonText = "unknown status (allowed: empty, e, -, ., x, ..., /, p, r, s)"
        case .statusWithoutValue: reasonText = "a value is given although the status says there is none"
        case .valueMissing: reasonText = "value missing (an empty cell is not zero: use \"-\" for zero or a status like \".\")"
        case .duplicate(let first): reasonText = "duplicate of line \(first)"
        case .badDate: reasonText = "not a date (yyyy-mm-dd, dd.mm.yyyy or a year)"
        case .dateOutOfRange(let earliest, let latest): reasonText = "date out of range (\(earliest.iso) to \(latest.iso))"
        case .unmappedColumn: reasonText = "no variable is assigned to this column of the table"
        case .tableChanged: reasonText = "the table has changed shape since its mapping was saved"
        case .emptyFile: reasonText = "the file holds no values"
        case .shiftedRows(let count): reasonText = "\(count) rows are shifted (region codes in the first columns, no values): a malformed export, download the table again"
        case .compressedArchive: reasonText = "a ZIP archive: unpack it and import the CSV file inside"
        case .spreadsheet: reasonText = "an Excel workbook: save it as \"CSV UTF-8\" in Excel and import that file"
        case .binaryFile: reasonText = "not a text file (an image, a PDF or a packed file?): import the CSV file of the statistics"
        case .noOwnUnits(let skipped): reasonText = "none of the \(skipped) values is for an area of the spatial base (a table of other regions, or of a regional depth without your areas)"
        case .unitNotFound: reasonText = "the column has no unit (MeasureUnitNotFound!): a malformed export, download the table again"
        case .interrupted: reasonText = "sopla was stopped while the import ran; nothing of it was stored: import the file again"
        }
        return "line \(line), column \(column), value \"\(value)\": \(reasonText)"
    }
}

/// One value as read from a file, before it is checked against the catalogue and the spatial base.
public struct ImportRecord: Sendable {
    public let line: Int
    /// The column to name in an error about the value.
    public let column: String
    public let variable: String
    public let unitKey: String
    public let date: Day
    public let breakdown: Breakdown
    public let value: Double?
    public let status: ValueStatus
    /// The region's name as the file gives it ("Hessen"); empty where the file names none (sopla long CSV).
    public let regionName: String

    public init(line: Int, column: String, variable: String, unitKey: String, date: Day, breakdown: Breakdown, value: Double?, status: ValueStatus,
                regionName: String = "") {
        self.line = line
        self.column = column
        self.variable = variable
        self.unitKey = unitKey
        self.date = date
        self.breakdown = breakdown
        self.value = value
        self.status = status
        self.regionName = regionName
    }
}

/// Checks records against the variables and units; remembers every key seen to find duplicates.
/// Memory grows by 16 bytes per value, not with the size of the file.
public struct ObservationImportCheck: Sendable {
    public let variables: [String: Variable]
    public let unitKeys: Set<String>
    public let earliest: Day
    public let latest: Day
    /// Rows of units outside the spatial base are skipped (a GENESIS export of all of Germany), not refused.
    public let skipUnknownUnits: Bool
    public static let reportLimit = 1000

    public private(set) var issues: [DataImportIssue] = []
    public private(set) var issueCount = 0
    public private(set) var skippedUnknownUnits = 0
    public private(set) var accepted = 0
    private var seen: [UInt64: Int] = [:]

    public init(variables: [String: Variable], unitKeys: Set<String>, earliest: Day, latest: Day, skipUnknownUnits: Bool = false) {
        self.variables = variables
        self.unitKeys = unitKeys
        self.earliest = earliest
        self.latest = latest
        self.skipUnknownUnits = skipUnknownUnits
    }

    public mutating func report(_ issue: DataImportIssue) {
        issueCount += 1
        if issues.count < Self.reportLimit { issues.append(issue) }
    }

    /// The observation to store, or nil when the record is skipped or wrong (then an issue is reported).
    public mutating func check(_ record: ImportRecord) -> Observation? {
        guard unitKeys.contains(record.unitKey) else {
            if skipUnknownUnits { skippedUnknownUnits += 1 } else { report(DataImportIssue(line: record.line, column: "ags", value: record.unitKey, reason: .unknownKey)) }
            return nil
        }
        guard let variable = variables[record.variable] else {
            report(DataImportIssue(line: record.line, column: "variable", value: record.variable, reason: .unknownVariable))
            return nil
        }
        guard record.date >= earliest, record.date <= latest else {
            report(DataImportIssue(line: record.line, column: "reference_date", value: record.date.iso, reason: .dateOutOfRange(earliest: earliest, latest: latest)))
            return nil
        }
        if let value = record.value, !Plausible.observationValue.contains(value) {
            report(DataImportIssue(line: record.line, column: record.column, value: Self.textValue(value), reason: .outOfRange))
            return nil
        }
        if variable.isCount, let value = record.value, value < 0 {
            report(DataImportIssue(line: record.line, column: record.column, value: Self.textValue(value), reason: .negativeCount))
            return nil
        }
        // Counts are whole numbers: disclosure control relies on it (a hidden count has only whole values to hide among).
        if variable.isCount, let value = record.value, value.rounded() != value {
            report(DataImportIssue(line: record.line, column: record.column, value: Self.textValue(value), reason: .fractionalCount))
            return nil
        }
        let key = ObservationKey(variable: record.variable, unitKey: record.unitKey, date: record.date, breakdown: record.breakdown)
        let hash = Self.hash(key)
        if let first = seen[hash] {
            report(DataImportIssue(line: record.line, column: record.column, value: "\(record.variable) \(record.unitKey) \(record.date.iso) \(record.breakdown.canonical)"
                .trimmingCharacters(in: .whitespaces), reason: .duplicate(firstLine: first)))
            return nil
        }
        seen[hash] = record.line
        accepted += 1
        return Observation(key: key, value: record.value, status: record.status)
    }

    /// A number as files write it: whole numbers without a decimal point.
    public static func textValue(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// FNV-1a over the key's parts: stable across runs, 64 bits so that a million keys collide with
    /// a chance of about 3 in 100 million.
    static func hash(_ key: ObservationKey) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01b3
            }
            h ^= 0x1f
            h = h &* 0x0000_0100_0000_01b3
        }
        mix(key.variable)
        mix(key.unitKey)
        for part in [key.date.year, key.date.month, key.date.day] {
            h ^= UInt64(part)
            h = h &* 0x0000_0100_0000_01b3
        }
        if !key.breakdown.isTotal { mix(key.breakdown.canonical) }
        return h
    }
}

/// What an import changed.
public struct ImportOutcome: Hashable, Sendable, Codable {
    /// Values for keys that had none.
    public var inserted: Int
    /// Values that replace an earlier one (kept as an older revision).
    public var revised: Int
    /// Values equal to the current ones.
    public var unchanged: Int

    public init(inserted: Int = 0, revised: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.revised = revised
        self.unchanged = unchanged
    }

    public var changesData: Bool { inserted + revised > 0 }
}

/// One import of a file: who, when, which file, how far, and what it changed or why it stored nothing.
public struct ImportRun: Hashable, Sendable {
    public enum State: String, Sendable, Codable {
        case running
        /// Values stored (or, for a check run, all values valid).
        case done
        /// Nothing stored: the report names every problem.
        case failed
        /// The file's values were all equal to the current ones; nothing written.
        case unchanged
        /// A GENESIS table whose columns still need variables.
        case needsMapping = "needs-mapping"
    }

    public var id: UUID
    public var fileName: String
    public var sha256: String
    public var format: String?
    public var tableCode: String?
    public var actorID: UUID?
    public var actorLabel: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var state: State
    public var dryRun: Bool
    public var skipUnknownUnits: Bool
    public var bytesTotal: Int64
    public var bytesRead: Int64
    public var outcome: ImportOutcome
    public var skipped: Int
    /// Values of the Land and Germany in a GENESIS file, kept as reference values (in a dry run: would be kept).
    public var referenceValues = 0
    public var issueCount: Int
    public var issues: [DataImportIssue]
    public var variables: [String]
    public var dates: [Day]
    /// Where the uploaded file is kept until the import is finished (for choosing a mapping).
    public var storedFile: String?
    /// Whether its values are public; written only by releasing and withdrawing, never by the importer.
    public var release = ImportRelease()

    public init(id: UUID, fileName: String, sha256: String, actorID: UUID?, actorLabel: String, startedAt: Date, dryRun: Bool,
                skipUnknownUnits: Bool, bytesTotal: Int64) {
        self.id = id
        self.fileName = fileName
        self.sha256 = sha256
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.startedAt = startedAt
        self.state = .running
        self.dryRun = dryRun
        self.skipUnknownUnits = skipUnknownUnits
        self.bytesTotal = bytesTotal
        self.bytesRead = 0
        self.outcome = ImportOutcome()
        self.skipped = 0
        self.issueCount = 0
        self.issues = []
        self.variables = []
        self.dates = []
    }

    /// Per cent of the file read.
    public var progressPercent: Int {
        bytesTotal > 0 ? Int(min(100, bytesRead * 100 / bytesTotal)) : (state == .running ? 0 : 100)
    }
}

/// One stored revision of a value: what it was, since when, and from which import.
public struct ObservationRevision: Hashable, Sendable {
    public let date: Day
    public let breakdown: Breakdown
    public let value: Double?
    public let status: ValueStatus
    public let revision: Int
    public let isCurrent: Bool
    public let recordedAt: Date
    public let importID: UUID?
    /// The revision the public sees (the newest released one of its key).
    public var isPublic = false

    public init(date: Day, breakdown: Breakdown, value: Double?, status: ValueStatus, revision: Int, isCurrent: Bool, recordedAt: Date, importID: UUID?) {
        self.date = date
        self.breakdown = breakdown
        self.value = value
        self.status = status
        self.revision = revision
        self.isCurrent = isCurrent
        self.recordedAt = recordedAt
        self.importID = importID
    }
}
