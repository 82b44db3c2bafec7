import Foundation

/// The figures of a report frozen at build time: the published (disclosure-controlled) values of every indicator
/// the report uses, at every date, for the county and its municipalities, with what was hidden and why. An edition
/// is rendered from its snapshot alone, so revising data never changes a published report.
public struct ReportSnapshot: Hashable, Sendable, Codable {
    public struct IndicatorInfo: Hashable, Sendable, Codable {
        public var code: String
        public var name: String
        public var unit: String
        public var decimals: Int
        public var definition: String
        public var source: String
        public var licence: String
        public var gender: FigureDescription.Gender
        /// The English name and definition (absent in editions built before they were kept).
        public var nameEN: String?
        public var definitionEN: String?

        public init(code: String, name: String, unit: String, decimals: Int, definition: String, source: String, licence: String, gender: FigureDescription.Gender,
                    nameEN: String? = nil, definitionEN: String? = nil) {
            self.code = code
            self.name = name
            self.unit = unit
            self.decimals = decimals
            self.definition = definition
            self.source = source
            self.licence = licence
            self.gender = gender
            self.nameEN = nameEN
            self.definitionEN = definitionEN
        }
    }

    /// One published value: nil where hidden (`suppressed`) or missing.
    public struct Value: Hashable, Sendable, Codable {
        public var value: Double?
        public var suppressed: Bool

        public init(value: Double?, suppressed: Bool) {
            self.value = value
            self.suppressed = suppressed
        }
    }

    public var builtAt: Date
    public var countyKey: String
    public var countyName: String
    /// Municipalities in reading order.
    public var unitKeys: [String]
    public var unitNames: [String: String]
    public var indicators: [String: IndicatorInfo]
    /// code → ISO date → unit key → value.
    public var values: [String: [String: [String: Value]]]
    /// Block id (lower-case) → its frozen table (coverage, funding, measures); nil in editions without such blocks.
    public var tables: [String: ReportTable]?

    public init(builtAt: Date, countyKey: String, countyName: String, unitKeys: [String], unitNames: [String: String], indicators: [String: IndicatorInfo],
                values: [String: [String: [String: Value]]], tables: [String: ReportTable]? = nil) {
        self.builtAt = builtAt
        self.countyKey = countyKey
        self.countyName = countyName
        self.unitKeys = unitKeys
        self.unitNames = unitNames
        self.indicators = indicators
        self.values = values
        self.tables = tables
    }

    public func table(for blockID: UUID) -> ReportTable? { tables?[blockID.uuidString.lowercased()] }

    /// The dates of an indicator, oldest first.
    public func dates(_ code: String) -> [Day] {
        (values[code] ?? [:]).keys.compactMap(Day.init(iso:)).sorted()
    }

    public func value(_ code: String, _ date: Day, _ unit: String) -> Value? {
        values[code]?[date.iso]?[unit]
    }

    /// The latest date on or before the reporting date.
    public func latest(_ code: String, onOrBefore day: Day) -> Day? {
        dates(code).last { $0 <= day }
    }

    /// Every indicator value as rows for the data annex: indicator, date, unit, value (empty where hidden), hidden.
    /// The blocks' tables follow in `ReportBlockTables.annexRows`.
    public func annexRows() -> [[String]] {
        var rows: [[String]] = []
        for code in values.keys.sorted() {
            for date in dates(code) {
                for unit in [countyKey] + unitKeys {
                    guard let v = value(code, date, unit) else { continue }
                    rows.append([code, date.iso, unit, unitNames[unit] ?? (unit == countyKey ? countyName : unit),
                                 v.suppressed ? "" : v.value.map { String(format: "%.\(indicators[code]?.decimals ?? 1)f", $0) } ?? "", v.suppressed ? "true" : "false"])
                }
            }
        }
        return rows
    }

    /// What changed between two editions' figures: values that differ, appeared or disappeared.
    public static func changes(from old: ReportSnapshot, to new: ReportSnapshot) -> [(code: String, date: String, unit: String, before: Value?, after: Value?)] {
        var result: [(code: String, date: String, unit: String, before: Value?, after: Value?)] = []
        for code in Set(old.values.keys).union(new.values.keys).sorted() {
            for date in Set((old.values[code] ?? [:]).keys).union((new.values[code] ?? [:]).keys).sorted() {
                let units = Set((old.values[code]?[date] ?? [:]).keys).union((new.values[code]?[date] ?? [:]).keys)
                for unit in units.sorted() {
                    let before = old.values[code]?[date]?[unit], after = new.values[code]?[date]?[unit]
                    if before != after { result.append((code, date, unit, before, after)) }
                }
            }
        }
        return result
    }
}

/// A built edition of a report: the report as it was and the frozen figures. Published editions never change.
public struct ReportEdition: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var reportID: UUID
    public var number: Int
    public var report: Report
    public var snapshot: ReportSnapshot
    public var builtBy: String
    public var publishedAt: Date?
    /// The paper that puts this (draft) edition out for comment by the steering group, if any.
    public var reviewPaperID: UUID?

    public init(id: UUID, reportID: UUID, number: Int, report: Report, snapshot: ReportSnapshot, builtBy: String, publishedAt: Date? = nil, reviewPaperID: UUID? = nil) {
        self.id = id
        self.reportID = reportID
        self.number = number
        self.report = report
        self.snapshot = snapshot
        self.builtBy = builtBy
        self.publishedAt = publishedAt
        self.reviewPaperID = reviewPaperID
    }
}

