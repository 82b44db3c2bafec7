import Foundation

/// What a block of a report shows. Each kind names its data by stable codes, so a block referring to something
/// deleted is found when the report is built.
public enum ReportBlockKind: Hashable, Sendable, Codable {
    /// Units of a level × indicators at one date.
    case indicatorTable(codes: [String])
    /// One indicator's choropleth of the municipalities, with its table.
    case map(code: String)
    /// One indicator's units ranked, as bars with the table.
    case ranking(code: String)
    /// One indicator over the years for one unit against the county.
    case timeSeries(code: String, unitKey: String)
    /// A generated sentence per unit (or one unit) comparing it with the county and its own past.
    case description(code: String, unitKey: String?)
    /// The composite social index with its method.
    case socialIndex(SocialIndexMethod)

    public var indicatorCodes: [String] {
        switch self {
        case .indicatorTable(let codes): return codes
        case .map(let code), .ranking(let code), .timeSeries(let code, _), .description(let code, _): return [code]
        case .socialIndex(let method): return method.components.map(\.indicatorCode)
        }
    }

    /// Figures and tables are numbered separately; a description is neither.
    public var isFigure: Bool {
        switch self {
        case .map, .ranking, .timeSeries, .socialIndex: return true
        case .indicatorTable, .description: return false
        }
    }
}

public struct ReportBlock: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var kind: ReportBlockKind
    public var caption: String
    public var note: String

    public init(id: UUID, kind: ReportBlockKind, caption: String, note: String = "") {
        self.id = id
        self.kind = kind
        self.caption = caption
        self.note = note
    }
}

public struct ReportSection: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var title: String
    /// Safe Markdown.
    public var text: String
    public var blocks: [ReportBlock]

    public init(id: UUID, title: String, text: String = "", blocks: [ReportBlock] = []) {
        self.id = id
        self.title = title
        self.text = text
        self.blocks = blocks
    }
}

public struct ReportChapter: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var title: String
    public var sections: [ReportSection]

    public init(id: UUID, title: String, sections: [ReportSection] = []) {
        self.id = id
        self.title = title
        self.sections = sections
    }
}

/// A social report: title, reporting date, the territorial status its figures refer to, chapters in order.
public struct Report: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var title: String
    public var reportingDate: Day
    /// The Gebietsstand: the date of the boundaries and units the report uses.
    public var territorialStatus: Day
    public var chapters: [ReportChapter]

    public init(id: UUID, title: String, reportingDate: Day, territorialStatus: Day, chapters: [ReportChapter] = []) {
        self.id = id
        self.title = title
        self.reportingDate = reportingDate
        self.territorialStatus = territorialStatus
        self.chapters = chapters
    }

    public var blocks: [ReportBlock] { chapters.flatMap { $0.sections.flatMap(\.blocks) } }

    /// "Abbildung 3" / "Tabelle 2": figures and tables numbered through the report in reading order.
    public func numbering() -> [UUID: (isFigure: Bool, number: Int)] {
        var figures = 0, tables = 0
        var result: [UUID: (isFigure: Bool, number: Int)] = [:]
        for block in blocks {
            if case .description = block.kind { continue }
            if block.kind.isFigure { figures += 1; result[block.id] = (true, figures) } else { tables += 1; result[block.id] = (false, tables) }
        }
        return result
    }

    /// Problems that stop a build: a title, chapters with titles, blocks whose indicators no longer exist (named).
    public func problems(knownIndicators: Set<String>) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("title", .required)) }
        if chapters.isEmpty { issues.append(ValidationIssue("chapters", .required)) }
        for chapter in chapters where chapter.title.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("chapters", .required)) }
        for block in blocks {
            for code in block.kind.indicatorCodes where !knownIndicators.contains(code) {
                issues.append(ValidationIssue("block-" + block.id.uuidString.lowercased(), .unknownValue(code)))
            }
        }
        return issues
    }
}
