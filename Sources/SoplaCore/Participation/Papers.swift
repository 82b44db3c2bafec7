import Foundation

public enum PaperType: String, Hashable, Sendable, Codable, CaseIterable {
    case planningReport = "planning-report"
    case draftResolution = "draft-resolution"
    case recommendation
    case guideline
    case awardCriteria = "award-criteria"
    case applicationChecklist = "application-checklist"
    case statement
    case minutes
    case other
}

/// A paper (Vorlage, Bericht, Empfehlung …) with its versions; an edit is a new version, older ones are kept.
public struct Paper: Hashable, Sendable, Codable {
    public var id: UUID
    public var reference: String
    public var title: String
    public var type: PaperType
    public var date: Day
    /// Who brought it in: a person, an organisation or a body (names as printed).
    public var originator: String
    public var isPublic: Bool

    public init(id: UUID, reference: String, title: String, type: PaperType, date: Day, originator: String, isPublic: Bool) {
        self.id = id
        self.reference = reference
        self.title = title
        self.type = type
        self.date = date
        self.originator = originator
        self.isPublic = isPublic
    }
}

public struct PaperVersion: Hashable, Sendable, Codable {
    public var paperID: UUID
    public var number: Int
    public var text: String
    public var createdAt: Date
    public var createdBy: String
    /// The response table the version answers (set on the version that follows a consultation).
    public var answersConsultation: UUID?

    public init(paperID: UUID, number: Int, text: String, createdAt: Date, createdBy: String, answersConsultation: UUID? = nil) {
        self.paperID = paperID
        self.number = number
        self.text = text
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.answersConsultation = answersConsultation
    }
}

/// Which body treats a paper in which meeting, and why.
public enum ConsultationRole: String, Hashable, Sendable, Codable, CaseIterable {
    case information, advice, decision
}

/// An attachment as uploaded: only PDF, ODT and DOCX, checked by their first bytes, not by the name.
public enum AttachmentCheck {
    public enum Kind: String, Sendable { case pdf, odt, docx }

    public static let maximumBytes = 20 * 1024 * 1024

    /// The kind the bytes really are, or nil.
    public static func kind(of bytes: [UInt8], fileName: String) -> Kind? {
        let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if bytes.starts(with: Array("%PDF-".utf8)) { return ext == "pdf" ? .pdf : nil }
        // ODT and DOCX are ZIP files; ODT stores its media type uncompressed right after the first entry name "mimetype".
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        if head.contains("mimetypeapplication/vnd.oasis.opendocument.text") { return ext == "odt" ? .odt : nil }
        if ext == "docx", head.contains("[Content_Types].xml") || head.contains("word/") || head.contains("_rels/") { return .docx }
        return nil
    }

    public static func problems(size: Int, bytes: [UInt8], fileName: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if size > maximumBytes { issues.append(ValidationIssue("file", .fileTooLarge(maxBytes: maximumBytes))) }
        if size == 0 { issues.append(ValidationIssue("file", .required)) }
        else if kind(of: bytes, fileName: fileName) == nil { issues.append(ValidationIssue("file", .unsupportedFile)) }
        return issues
    }
}

/// A Stellungnahmeverfahren: a paper version is put to chosen bodies and organisations until a deadline.
public struct StatementProcess: Hashable, Sendable, Codable {
    public var id: UUID
    public var paperID: UUID
    public var version: Int
    public var bodies: Set<UUID>
    public var organisations: Set<UUID>
    public var opensAt: Date
    public var deadline: Date

    public init(id: UUID, paperID: UUID, version: Int, bodies: Set<UUID>, organisations: Set<UUID>, opensAt: Date, deadline: Date) {
        self.id = id
        self.paperID = paperID
        self.version = version
        self.bodies = bodies
        self.organisations = organisations
        self.opensAt = opensAt
        self.deadline = deadline
    }

    public func acceptsStatements(at date: Date) -> Bool { opensAt <= date && date <= deadline }

    /// Who may submit: members of an invited body, or people of an invited organisation.
    public func invites(bodies memberOf: Set<UUID>, organisations belongTo: Set<UUID>) -> Bool {
        !bodies.isDisjoint(with: memberOf) || !organisations.isDisjoint(with: belongTo)
    }

    public func validated() throws(ValidationFailure) -> StatementProcess {
        var issues: [ValidationIssue] = []
        if deadline <= opensAt { issues.append(ValidationIssue("deadline", .endBeforeStart)) }
        if bodies.isEmpty, organisations.isEmpty { issues.append(ValidationIssue("invited", .required)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return self
    }
}

public struct Statement: Hashable, Sendable, Codable {
    public var id: UUID
    public var processID: UUID
    public var author: String
    public var onBehalfOf: String?
    /// The section of the paper it refers to ("3.2"); nil for the whole paper.
    public var section: String?
    public var text: String
    public var submittedAt: Date

    public init(id: UUID, processID: UUID, author: String, onBehalfOf: String? = nil, section: String? = nil, text: String, submittedAt: Date) {
        self.id = id
        self.processID = processID
        self.author = author
        self.onBehalfOf = onBehalfOf
        self.section = section
        self.text = text
        self.submittedAt = submittedAt
    }

    /// A statement needs text and must come in while the process is open.
    public func validated(process: StatementProcess) throws(ValidationFailure) -> Statement {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if copy.text.isEmpty { issues.append(ValidationIssue("text", .required)) }
        FieldCheck.length(copy.text, field: "text", max: 20_000, into: &issues)
        if !process.acceptsStatements(at: submittedAt) { issues.append(ValidationIssue("deadline", .deadlinePassed)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }
}

/// The planner's answer to a statement (Abwägung).
public struct StatementResponse: Hashable, Sendable, Codable {
    public enum Decision: String, Hashable, Sendable, Codable, CaseIterable {
        case adopted
        case partlyAdopted = "partly-adopted"
        case notAdopted = "not-adopted"
        case noted
    }

    public var statementID: UUID
    public var decision: Decision
    public var reason: String

    public init(statementID: UUID, decision: Decision, reason: String) {
        self.statementID = statementID
        self.decision = decision
        self.reason = reason
    }

    /// Every answer but "noted" needs its reason.
    public func validated() throws(ValidationFailure) -> StatementResponse {
        if decision != .noted, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationFailure([ValidationIssue("reason", .required)])
        }
        if reason.count > 4000 { throw ValidationFailure([ValidationIssue("reason", .tooLong(max: 4000))]) }
        return self
    }
}

/// The response table (Abwägungstabelle): every statement with its answer, by section of the paper.
public enum ResponseTable {
    public struct Row: Hashable, Sendable {
        public let statement: Statement
        public let response: StatementResponse?
    }

    public static func rows(_ statements: [Statement], responses: [StatementResponse]) -> [Row] {
        let byStatement = Dictionary(responses.map { ($0.statementID, $0) }, uniquingKeysWith: { _, b in b })
        func key(_ s: Statement) -> [Int] { (s.section ?? "").split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } }
        return statements.sorted { a, b in
            let (x, y) = (key(a), key(b))
            if x != y { return x.isEmpty ? false : (y.isEmpty ? true : x.lexicographicallyPrecedes(y)) }
            return (a.submittedAt, a.author) < (b.submittedAt, b.author)
        }.map { Row(statement: $0, response: byStatement[$0.id]) }
    }

    /// Whether every statement has its answer (then the next version may be made from it).
    public static func isComplete(_ rows: [Row]) -> Bool { rows.allSatisfy { $0.response != nil } }
}
