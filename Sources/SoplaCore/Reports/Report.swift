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
    /// Supply against need for one service category with a planning standard (S4), per municipality.
    case serviceCoverage(categoryCode: String)
    /// Funding in figures for the reporting year (S6): programmes, topics, municipalities — totals only.
    case fundingOverview
    /// Where the measures stand (S5): status, progress and due date of each.
    case measureStatus

    /// Blocks whose figures are frozen as a table in the snapshot rather than as indicator values.
    public var isFrozenTable: Bool {
        switch self {
        case .serviceCoverage, .fundingOverview, .measureStatus: return true
        default: return false
        }
    }

    public var indicatorCodes: [String] {
        switch self {
        case .indicatorTable(let codes): return codes
        case .map(let code), .ranking(let code), .timeSeries(let code, _), .description(let code, _): return [code]
        case .socialIndex(let method): return method.components.map(\.indicatorCode)
        case .serviceCoverage, .fundingOverview, .measureStatus: return []
        }
    }

    /// Figures and tables are numbered separately; a description is neither.
    public var isFigure: Bool {
        switch self {
        case .map, .ranking, .timeSeries, .socialIndex: return true
        case .indicatorTable, .description, .serviceCoverage, .fundingOverview, .measureStatus: return false
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
        let numbered = Set(referenceTargets().keys)
        for chapter in chapters {
            for section in chapter.sections {
                for key in Self.references(in: section.text) where !numbered.contains(key) {
                    issues.append(ValidationIssue("section-" + section.id.uuidString.lowercased(), .unknownValue("[[" + key + "]]")))
                }
            }
        }
        return issues
    }

    // MARK: Order

    /// Moves a chapter, section or block one place up (`-1`) or down (`+1`). A section or block at the edge of its
    /// chapter or section moves on into the neighbouring one, so anything can reach any place. False where there is
    /// nowhere to go or the id is unknown.
    public mutating func move(_ id: UUID, by offset: Int) -> Bool {
        guard offset == -1 || offset == 1 else { return false }
        if let c = chapters.firstIndex(where: { $0.id == id }) {
            guard chapters.indices.contains(c + offset) else { return false }
            chapters.swapAt(c, c + offset)
            return true
        }
        for c in chapters.indices {
            if let s = chapters[c].sections.firstIndex(where: { $0.id == id }) {
                if chapters[c].sections.indices.contains(s + offset) {
                    chapters[c].sections.swapAt(s, s + offset)
                    return true
                }
                guard chapters.indices.contains(c + offset) else { return false }
                let section = chapters[c].sections.remove(at: s)
                if offset < 0 { chapters[c + offset].sections.append(section) } else { chapters[c + offset].sections.insert(section, at: 0) }
                return true
            }
        }
        // Blocks: the sections in reading order, so a block can pass into the next section of any chapter.
        let places = chapters.indices.flatMap { c in chapters[c].sections.indices.map { (c, $0) } }
        for (p, (c, s)) in places.enumerated() {
            guard let b = chapters[c].sections[s].blocks.firstIndex(where: { $0.id == id }) else { continue }
            if chapters[c].sections[s].blocks.indices.contains(b + offset) {
                chapters[c].sections[s].blocks.swapAt(b, b + offset)
                return true
            }
            guard places.indices.contains(p + offset) else { return false }
            let (tc, ts) = places[p + offset]
            let block = chapters[c].sections[s].blocks.remove(at: b)
            if offset < 0 { chapters[tc].sections[ts].blocks.append(block) } else { chapters[tc].sections[ts].blocks.insert(block, at: 0) }
            return true
        }
        return false
    }

    /// Removes a chapter (with its sections), a section (with its blocks) or a block; what it removed, or nil.
    public mutating func remove(_ id: UUID) -> String? {
        if let c = chapters.firstIndex(where: { $0.id == id }) { return chapters.remove(at: c).title }
        for c in chapters.indices {
            if let s = chapters[c].sections.firstIndex(where: { $0.id == id }) { return chapters[c].sections.remove(at: s).title }
            for s in chapters[c].sections.indices {
                if let b = chapters[c].sections[s].blocks.firstIndex(where: { $0.id == id }) { return chapters[c].sections[s].blocks.remove(at: b).caption }
            }
        }
        return nil
    }

    /// Renames a chapter or section, or sets a block's caption; false where the id is unknown.
    public mutating func rename(_ id: UUID, to title: String) -> Bool {
        if let c = chapters.firstIndex(where: { $0.id == id }) { chapters[c].title = title; return true }
        for c in chapters.indices {
            if let s = chapters[c].sections.firstIndex(where: { $0.id == id }) { chapters[c].sections[s].title = title; return true }
            for s in chapters[c].sections.indices {
                if let b = chapters[c].sections[s].blocks.firstIndex(where: { $0.id == id }) { chapters[c].sections[s].blocks[b].caption = title; return true }
            }
        }
        return false
    }

    // MARK: Cross-references

    /// The key a text uses to refer to a block: `[[` + the first eight hex digits of its id + `]]`.
    public static func referenceKey(_ id: UUID) -> String { String(id.uuidString.lowercased().prefix(8)) }

    /// The keys of the references in a text, in order (`[[1a2b3c4d]]`).
    public static func references(in text: String) -> [String] {
        var keys: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "]]") else { break }
            let key = after[..<close.lowerBound].lowercased()
            if key.count == 8, key.allSatisfy(\.isHexDigit) { keys.append(key) }
            rest = after[close.upperBound...]
        }
        return keys
    }

    /// The numbered blocks by their reference key; a key two blocks share (ids alike in their first eight digits)
    /// names neither, so it is never resolved to the wrong one.
    func referenceTargets() -> [String: (isFigure: Bool, number: Int)] {
        var byKey: [String: (isFigure: Bool, number: Int)] = [:]
        var shared: Set<String> = []
        for (id, n) in numbering() {
            let key = Self.referenceKey(id)
            if byKey[key] != nil { shared.insert(key) }
            byKey[key] = n
        }
        return byKey.filter { !shared.contains($0.key) }
    }

    /// The text with every reference to a numbered block replaced by a link "[Abbildung 3](#b-1a2b3c4d)"; a
    /// reference that names no numbered block stays as typed (the builder reports it).
    public func resolvingReferences(in text: String, figureWord: String, tableWord: String) -> String {
        let byKey = referenceTargets()
        var result = text
        for key in Set(Self.references(in: text)) {
            guard let n = byKey[key] else { continue }
            let link = "[" + (n.isFigure ? figureWord : tableWord) + " \(n.number)](#b-\(key))"
            result = result.replacingOccurrences(of: "[[" + key + "]]", with: link).replacingOccurrences(of: "[[" + key.uppercased() + "]]", with: link)
        }
        return result
    }
}