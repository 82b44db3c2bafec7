import Fluent
import Foundation
import SoplaCore

enum ServiceCategoryFields {
    static let schema = "service_categories"
    static let code: FieldKey = "code"
    static let nameDE: FieldKey = "name_de"
    static let nameEN: FieldKey = "name_en"
    static let legalBasis: FieldKey = "legal_basis"
    static let communalised: FieldKey = "communalised"
}

/// A category's search words, one per line (a table of its own beside the categories).
enum ServiceCategorySynonymsFields {
    static let schema = "service_category_synonyms"
    static let code: FieldKey = "code"
    static let words: FieldKey = "words"
}

final class ServiceCategorySynonymsModel: Model, @unchecked Sendable {
    static let schema = ServiceCategorySynonymsFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ServiceCategorySynonymsFields.code) var code: String
    @Field(key: ServiceCategorySynonymsFields.words) var words: String

    init() {}

    init(code: String, words: [String]) {
        id = UUID()
        self.code = code
        self.words = words.joined(separator: "\n")
    }

    var list: [String] { words.split(separator: "\n").map(String.init) }
}

/// The Wegweiser's full-text index (see `CreateServiceSearch`).
enum ServiceSearchFields {
    static let index = "service_search"
    static let vocabulary = "service_search_vocabulary"
    /// What the index was built from, to rebuild it when services, categories or organisations changed.
    static let state = "service_search_state"
}

/// A service's searchable columns beside its whole record as JSON (the record is what versions and proposals keep).
enum ServiceFields {
    static let schema = "services"
    static let organisationID: FieldKey = "organisation_id"
    static let name: FieldKey = "name"
    static let category: FieldKey = "category"
    static let status: FieldKey = "status"
    static let version: FieldKey = "version"
    static let updatedAt: FieldKey = "updated_at"
    static let document: FieldKey = "document"
}

enum ServiceVersionFields {
    static let schema = "service_versions"
    static let serviceID: FieldKey = "service_id"
    static let version: FieldKey = "version"
    static let document: FieldKey = "document"
    static let acceptedBy: FieldKey = "accepted_by"
    static let acceptedAt: FieldKey = "accepted_at"
}

enum ServiceProposalFields {
    static let schema = "service_proposals"
    static let roundID: FieldKey = "round_id"
    static let serviceID: FieldKey = "service_id"
    static let organisationID: FieldKey = "organisation_id"
    static let base: FieldKey = "base_document"
    static let document: FieldKey = "document"
    static let proposedBy: FieldKey = "proposed_by"
    static let proposedAt: FieldKey = "proposed_at"
    static let state: FieldKey = "state"
    static let decisionNote: FieldKey = "decision_note"
    static let decidedBy: FieldKey = "decided_by"
    static let decidedAt: FieldKey = "decided_at"
    static let answer: FieldKey = "answer"
    static let answeredBy: FieldKey = "answered_by"
    static let answeredAt: FieldKey = "answered_at"
}

enum SurveyRoundFields {
    static let schema = "survey_rounds"
    static let title: FieldKey = "title"
    static let opensOn: FieldKey = "opens_on"
    static let deadline: FieldKey = "deadline"
    static let closedAt: FieldKey = "closed_at"
    static let organisations: FieldKey = "organisations"
}

enum SurveyAnswerFields {
    static let schema = "survey_answers"
    static let roundID: FieldKey = "round_id"
    static let organisationID: FieldKey = "organisation_id"
    static let answeredBy: FieldKey = "answered_by"
    static let answeredAt: FieldKey = "answered_at"
    static let unchanged: FieldKey = "unchanged"
}

enum PlanningStandardFields {
    static let schema = "planning_standards"
    static let category: FieldKey = "category"
    static let fte: FieldKey = "fte"
    static let inhabitants: FieldKey = "inhabitants"
    static let population: FieldKey = "population"
    static let maxDistanceKm: FieldKey = "max_distance_km"
    static let source: FieldKey = "source"
    static let text: FieldKey = "text"
    static let customValues: FieldKey = "custom_values"
}

enum DuplicateReviewFields {
    static let schema = "duplicate_reviews"
    static let first: FieldKey = "first_service"
    static let second: FieldKey = "second_service"
    static let verdict: FieldKey = "verdict"
    static let note: FieldKey = "note"
    static let by: FieldKey = "reviewed_by"
    static let at: FieldKey = "reviewed_at"
}

final class ServiceCategoryModel: Model, @unchecked Sendable {
    static let schema = ServiceCategoryFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ServiceCategoryFields.code) var code: String
    @Field(key: ServiceCategoryFields.nameDE) var nameDE: String
    @Field(key: ServiceCategoryFields.nameEN) var nameEN: String
    @OptionalField(key: ServiceCategoryFields.legalBasis) var legalBasis: String?
    @Field(key: ServiceCategoryFields.communalised) var communalised: Bool

    init() {}

    init(_ category: ServiceCategory) {
        id = UUID()
        update(from: category)
    }

    func update(from c: ServiceCategory) {
        code = c.code
        nameDE = c.nameDE
        nameEN = c.nameEN
        legalBasis = c.legalBasis
        communalised = c.communalised
    }

    func toDomain() -> ServiceCategory {
        ServiceCategory(code: code, nameDE: nameDE, nameEN: nameEN, legalBasis: legalBasis, communalised: communalised)
    }
}

enum ServiceJSON {
    static func encode(_ service: Service) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(service), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Service {
        do {
            return try JSONDecoder().decode(Service.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt("service record: \(error)")
        }
    }
}

final class ServiceModel: Model, @unchecked Sendable {
    static let schema = ServiceFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ServiceFields.organisationID) var organisationID: UUID
    @Field(key: ServiceFields.name) var name: String
    @Field(key: ServiceFields.category) var category: String
    @Field(key: ServiceFields.status) var status: String
    @Field(key: ServiceFields.version) var version: Int
    @Field(key: ServiceFields.updatedAt) var updatedAt: Date
    @Field(key: ServiceFields.document) var document: String

    init() {}

    func update(from s: Service, version: Int, at: Date) throws {
        id = s.id
        organisationID = s.organisationID
        name = s.name
        category = s.categoryCode
        status = s.status.rawValue
        self.version = version
        updatedAt = at
        document = try ServiceJSON.encode(s)
    }

    func toRecord() throws -> ServiceRecord {
        ServiceRecord(service: try ServiceJSON.decode(document), version: version, updatedAt: updatedAt)
    }
}

final class ServiceVersionModel: Model, @unchecked Sendable {
    static let schema = ServiceVersionFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ServiceVersionFields.serviceID) var serviceID: UUID
    @Field(key: ServiceVersionFields.version) var version: Int
    @Field(key: ServiceVersionFields.document) var document: String
    @Field(key: ServiceVersionFields.acceptedBy) var acceptedBy: String
    @Field(key: ServiceVersionFields.acceptedAt) var acceptedAt: Date

    init() {}
}

final class ServiceProposalModel: Model, @unchecked Sendable {
    static let schema = ServiceProposalFields.schema
    @ID(key: .id) var id: UUID?
    @OptionalField(key: ServiceProposalFields.roundID) var roundID: UUID?
    @Field(key: ServiceProposalFields.serviceID) var serviceID: UUID
    @Field(key: ServiceProposalFields.organisationID) var organisationID: UUID
    @OptionalField(key: ServiceProposalFields.base) var base: String?
    @Field(key: ServiceProposalFields.document) var document: String
    @Field(key: ServiceProposalFields.proposedBy) var proposedBy: String
    @Field(key: ServiceProposalFields.proposedAt) var proposedAt: Date
    @Field(key: ServiceProposalFields.state) var state: String
    @OptionalField(key: ServiceProposalFields.decisionNote) var decisionNote: String?
    @OptionalField(key: ServiceProposalFields.decidedBy) var decidedBy: String?
    @OptionalField(key: ServiceProposalFields.decidedAt) var decidedAt: Date?
    @OptionalField(key: ServiceProposalFields.answer) var answer: String?
    @OptionalField(key: ServiceProposalFields.answeredBy) var answeredBy: String?
    @OptionalField(key: ServiceProposalFields.answeredAt) var answeredAt: Date?

    init() {}

    func toDomain() throws -> ServiceProposal {
        ServiceProposal(id: id!, roundID: roundID, serviceID: serviceID, base: try base.map(ServiceJSON.decode), proposed: try ServiceJSON.decode(document),
                        proposedBy: proposedBy, proposedAt: proposedAt, state: ServiceProposal.State(rawValue: state) ?? .open, decisionNote: decisionNote,
                        answer: answer, answeredBy: answeredBy, answeredAt: answeredAt)
    }
}

final class SurveyRoundModel: Model, @unchecked Sendable {
    static let schema = SurveyRoundFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: SurveyRoundFields.title) var title: String
    @Field(key: SurveyRoundFields.opensOn) var opensOn: String
    @Field(key: SurveyRoundFields.deadline) var deadline: String
    @OptionalField(key: SurveyRoundFields.closedAt) var closedAt: Date?
    @Field(key: SurveyRoundFields.organisations) var organisations: String

    init() {}

    init(_ round: SurveyRound) {
        id = round.id
        title = round.title
        opensOn = round.opensOn.iso
        deadline = round.deadline.iso
        closedAt = round.closedAt
        organisations = round.organisations.map { $0.uuidString }.sorted().joined(separator: ",")
    }

    func toDomain() throws -> SurveyRound {
        guard let opens = Day(iso: opensOn), let deadline = Day(iso: deadline) else { throw StoreError.corrupt("survey round \(title)") }
        return SurveyRound(id: id!, title: title, opensOn: opens, deadline: deadline, closedAt: closedAt,
                           organisations: Set(organisations.split(separator: ",").compactMap { UUID(uuidString: String($0)) }))
    }
}

final class SurveyAnswerModel: Model, @unchecked Sendable {
    static let schema = SurveyAnswerFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: SurveyAnswerFields.roundID) var roundID: UUID
    @Field(key: SurveyAnswerFields.organisationID) var organisationID: UUID
    @Field(key: SurveyAnswerFields.answeredBy) var answeredBy: String
    @Field(key: SurveyAnswerFields.answeredAt) var answeredAt: Date
    @Field(key: SurveyAnswerFields.unchanged) var unchanged: Bool

    init() {}
}

final class PlanningStandardModel: Model, @unchecked Sendable {
    static let schema = PlanningStandardFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: PlanningStandardFields.category) var category: String
    @Field(key: PlanningStandardFields.fte) var fte: Double
    @Field(key: PlanningStandardFields.inhabitants) var inhabitants: Int
    @Field(key: PlanningStandardFields.population) var population: String
    @OptionalField(key: PlanningStandardFields.maxDistanceKm) var maxDistanceKm: Double?
    @Field(key: PlanningStandardFields.source) var source: String
    @Field(key: PlanningStandardFields.text) var text: String
    /// JSON object name → value.
    @OptionalField(key: PlanningStandardFields.customValues) var customValues: String?

    init() {}

    init(_ standard: PlanningStandard) {
        id = UUID()
        update(from: standard)
    }

    func update(from s: PlanningStandard) {
        category = s.categoryCode
        fte = s.fte
        inhabitants = s.inhabitants
        population = s.population.code
        maxDistanceKm = s.maxDistanceKm
        source = s.source
        text = s.text
        customValues = s.customValues.isEmpty ? nil : (try? JSONEncoder().encode(s.customValues)).map { String(decoding: $0, as: UTF8.self) }
    }

    func toDomain() -> PlanningStandard {
        PlanningStandard(categoryCode: category, fte: fte, inhabitants: inhabitants, population: .init(code: population), maxDistanceKm: maxDistanceKm,
                         source: source, text: text,
                         customValues: customValues.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:])
    }
}

final class DuplicateReviewModel: Model, @unchecked Sendable {
    static let schema = DuplicateReviewFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: DuplicateReviewFields.first) var first: UUID
    @Field(key: DuplicateReviewFields.second) var second: UUID
    @Field(key: DuplicateReviewFields.verdict) var verdict: String
    @Field(key: DuplicateReviewFields.note) var note: String
    @Field(key: DuplicateReviewFields.by) var by: String
    @Field(key: DuplicateReviewFields.at) var at: Date

    init() {}

    func toDomain() -> DuplicateReview? {
        DuplicateReview.Verdict(rawValue: verdict).map { DuplicateReview(first: first, second: second, verdict: $0, note: note, by: by, at: at) }
    }
}
