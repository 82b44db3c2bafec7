import Fluent
import Foundation
import SoplaCore

/// A service as stored: its record, the number of its accepted version and when that was accepted.
public struct ServiceRecord: Sendable, Hashable {
    public let service: Service
    public let version: Int
    public let updatedAt: Date

    public init(service: Service, version: Int, updatedAt: Date) {
        self.service = service
        self.version = version
        self.updatedAt = updatedAt
    }
}

/// One accepted version of a service.
public struct ServiceVersion: Sendable, Hashable {
    public let version: Int
    public let service: Service
    public let acceptedBy: String
    public let acceptedAt: Date
}

/// A proposal with where it stands.
public struct ProposalRecord: Sendable {
    public let proposal: ServiceProposal
    public let organisationID: UUID
    public let decidedBy: String?
    public let decidedAt: Date?
}

public enum ServiceStoreError: Error, Equatable, Sendable {
    case notFound
    /// The proposal was decided already.
    case alreadyDecided
    /// The service changed after the proposal was made; the planner must look at it again.
    case stale
}

/// The service inventory. Every change writes its audit entry in the same transaction; every accepted state of a
/// service is kept as a version.
public struct ServiceStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    static let area = "services"

    public func dataVersion() async throws -> Int {
        try await DataVersionModel.query(on: database).filter(\.$area == Self.area).first()?.version ?? 0
    }

    // MARK: Categories

    public func categories() async throws -> [ServiceCategory] {
        let synonyms = Dictionary(try await ServiceCategorySynonymsModel.query(on: database).all().map { ($0.code, $0.list) }, uniquingKeysWith: { a, _ in a })
        return try await ServiceCategoryModel.query(on: database).sort(\.$nameDE).all().map {
            var category = $0.toDomain()
            category.synonyms = synonyms[category.code] ?? []
            return category
        }
    }

    public func save(_ category: ServiceCategory, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let existing = try await ServiceCategoryModel.query(on: db).filter(\.$code == category.code).first()
            let words = try await ServiceCategorySynonymsModel.query(on: db).filter(\.$code == category.code).first()
            var before = existing?.toDomain()
            before?.synonyms = words?.list ?? []
            let model = existing ?? ServiceCategoryModel(category)
            model.update(from: category)
            try await model.save(on: db)
            if category.synonyms.isEmpty {
                try await words?.delete(on: db)
            } else if let words {
                words.words = category.synonyms.joined(separator: "\n")
                try await words.save(on: db)
            } else {
                try await ServiceCategorySynonymsModel(code: category.code, words: category.synonyms).create(on: db)
            }
            try await IndicatorStore.audit(existing == nil ? .create : .update, entity: AuditEntity.serviceCategory, id: category.code, label: category.nameDE,
                                           before: before?.auditFields ?? [:], after: category.auditFields, actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }

    // MARK: Services

    public func services() async throws -> [ServiceRecord] {
        try await ServiceModel.query(on: database).sort(\.$name).all().map { try $0.toRecord() }
    }

    public func services(organisation: UUID) async throws -> [ServiceRecord] {
        try await ServiceModel.query(on: database).filter(\.$organisationID == organisation).sort(\.$name).all().map { try $0.toRecord() }
    }

    public func service(id: UUID) async throws -> ServiceRecord? {
        try await ServiceModel.find(id, on: database)?.toRecord()
    }

    /// Creates or updates a service and keeps the new state as a version.
    @discardableResult
    public func save(_ service: Service, actor: AuditActor, at: Date) async throws -> Int {
        try await database.transaction { db in try await Self.save(service, actor: actor, at: at, on: db) }
    }

    @discardableResult
    static func save(_ service: Service, actor: AuditActor, at: Date, on db: any Database) async throws -> Int {
        let existing = try await ServiceModel.find(service.id, on: db)
        let before = try existing.map { try ServiceJSON.decode($0.document).auditFields } ?? [:]
        if let existing, before == service.auditFields {
            // Nothing a person reads changed; a new verification date is kept without a new version.
            let stored = try ServiceJSON.decode(existing.document)
            if stored.lastVerified != service.lastVerified || stored.verifiedBy != service.verifiedBy {
                existing.document = try ServiceJSON.encode(service)
                try await existing.save(on: db)
            }
            return existing.version
        }
        let version = (existing?.version ?? 0) + 1
        let model = existing ?? ServiceModel()
        try model.update(from: service, version: version, at: at)
        try await model.save(on: db)
        let stored = ServiceVersionModel()
        stored.id = UUID()
        stored.serviceID = service.id
        stored.version = version
        stored.document = model.document
        stored.acceptedBy = actor.label
        stored.acceptedAt = at
        try await stored.create(on: db)
        try await IndicatorStore.audit(existing == nil ? .create : .update, entity: AuditEntity.service, id: service.id.uuidString.lowercased(),
                                       label: service.name, before: before, after: service.auditFields, actor: actor, at: at, on: db)
        try await FluentSpatialRepository.bumpVersion(area: area, on: db)
        return version
    }

    /// Every accepted version, newest first.
    public func versions(serviceID: UUID) async throws -> [ServiceVersion] {
        try await ServiceVersionModel.query(on: database).filter(\.$serviceID == serviceID).sort(\.$version, .descending).all().map {
            ServiceVersion(version: $0.version, service: try ServiceJSON.decode($0.document), acceptedBy: $0.acceptedBy, acceptedAt: $0.acceptedAt)
        }
    }

    /// Adds an inventory from outside (an HSDS package): organisations that do not exist yet, categories and services,
    /// all in one transaction — a failure stores nothing.
    public func importInventory(organisations: [Organisation], categories: [ServiceCategory], services: [Service], actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            for organisation in organisations where try await OrganisationModel.find(organisation.id, on: db) == nil {
                try await OrganisationModel(organisation).create(on: db)
                try await AccountStore.append(AuditEntry(id: UUID(), at: at, actor: actor, action: .create, entityType: AuditEntity.organisation,
                                                         entityID: organisation.id.uuidString, entityLabel: organisation.name,
                                                         changes: FieldChange.diff(before: [:], after: organisation.auditFields)), on: db)
            }
            for category in categories {
                let model = try await ServiceCategoryModel.query(on: db).filter(\.$code == category.code).first() ?? ServiceCategoryModel(category)
                model.update(from: category)
                try await model.save(on: db)
            }
            for service in services { try await Self.save(service, actor: actor, at: at, on: db) }
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }

    // MARK: Proposals

    public func propose(_ proposal: ServiceProposal, organisationID: UUID, actor: AuditActor) async throws {
        try await database.transaction { db in
            let model = ServiceProposalModel()
            model.id = proposal.id
            model.roundID = proposal.roundID
            model.serviceID = proposal.serviceID
            model.organisationID = organisationID
            model.base = try proposal.base.map(ServiceJSON.encode)
            model.document = try ServiceJSON.encode(proposal.proposed)
            model.proposedBy = proposal.proposedBy
            model.proposedAt = proposal.proposedAt
            model.state = ServiceProposal.State.open.rawValue
            try await model.create(on: db)
            if let round = proposal.roundID { try await Self.answer(round: round, organisation: organisationID, by: actor.label, at: proposal.proposedAt, unchanged: false, on: db) }
            try await IndicatorStore.audit(.create, entity: AuditEntity.serviceProposal, id: proposal.id.uuidString.lowercased(), label: proposal.proposed.name,
                                           before: [:], after: ["service": proposal.serviceID.uuidString.lowercased(), "changes": String(proposal.diff.count)],
                                           actor: actor, at: proposal.proposedAt, on: db)
        }
    }

    public func proposals(state: ServiceProposal.State? = nil, organisation: UUID? = nil, round: UUID? = nil) async throws -> [ProposalRecord] {
        var query = ServiceProposalModel.query(on: database)
        if let state { query = query.filter(\.$state == state.rawValue) }
        if let organisation { query = query.filter(\.$organisationID == organisation) }
        if let round { query = query.filter(\.$roundID == round) }
        return try await query.sort(\.$proposedAt, .descending).all().map {
            ProposalRecord(proposal: try $0.toDomain(), organisationID: $0.organisationID, decidedBy: $0.decidedBy, decidedAt: $0.decidedAt)
        }
    }

    public func proposal(id: UUID) async throws -> ProposalRecord? {
        guard let model = try await ServiceProposalModel.find(id, on: database) else { return nil }
        return ProposalRecord(proposal: try model.toDomain(), organisationID: model.organisationID, decidedBy: model.decidedBy, decidedAt: model.decidedAt)
    }

    /// Accepts (the proposed state becomes the service's new version) or rejects an open proposal. A proposal whose
    /// service changed since it was made is refused unless `acceptStale`.
    public func decide(proposalID: UUID, accept: Bool, note: String, acceptStale: Bool = false, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await ServiceProposalModel.find(proposalID, on: db) else { throw ServiceStoreError.notFound }
            guard model.state == ServiceProposal.State.open.rawValue else { throw ServiceStoreError.alreadyDecided }
            let proposal = try model.toDomain()
            if accept {
                let current = try await ServiceModel.find(proposal.serviceID, on: db).map { try ServiceJSON.decode($0.document) }
                if proposal.isStale(current: current), !acceptStale { throw ServiceStoreError.stale }
                var service = proposal.proposed
                service.lastVerified = Day(at)
                service.verifiedBy = actor.label
                try await Self.save(service, actor: actor, at: at, on: db)
            }
            model.state = (accept ? ServiceProposal.State.accepted : .rejected).rawValue
            model.decisionNote = note.isEmpty ? nil : note
            model.decidedBy = actor.label
            model.decidedAt = at
            try await model.save(on: db)
            try await IndicatorStore.audit(.update, entity: AuditEntity.serviceProposal, id: proposalID.uuidString.lowercased(), label: proposal.proposed.name,
                                           before: ["state": "open"], after: ["state": model.state, "note": note], actor: actor, at: at, on: db)
        }
    }

    /// The provider's answer to a rejected proposal of its organisation, once.
    public func answer(proposalID: UUID, organisationID: UUID, text: String, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await ServiceProposalModel.find(proposalID, on: db), model.organisationID == organisationID else { throw ServiceStoreError.notFound }
            guard model.state == ServiceProposal.State.rejected.rawValue, model.answer == nil else { throw ServiceStoreError.alreadyDecided }
            model.answer = text
            model.answeredBy = actor.label
            model.answeredAt = at
            try await model.save(on: db)
            try await IndicatorStore.audit(.update, entity: AuditEntity.serviceProposal, id: proposalID.uuidString.lowercased(), label: try model.toDomain().proposed.name,
                                           before: ["answer": ""], after: ["answer": text], actor: actor, at: at, on: db)
        }
    }

    // MARK: Survey rounds

    public func rounds() async throws -> [SurveyRound] {
        try await SurveyRoundModel.query(on: database).sort(\.$opensOn, .descending).all().map { try $0.toDomain() }
    }

    public func round(id: UUID) async throws -> SurveyRound? {
        try await SurveyRoundModel.find(id, on: database)?.toDomain()
    }

    public func create(_ round: SurveyRound, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            try await SurveyRoundModel(round).create(on: db)
            try await IndicatorStore.audit(.create, entity: AuditEntity.surveyRound, id: round.id.uuidString.lowercased(), label: round.title, before: [:],
                                           after: ["title": round.title, "opensOn": round.opensOn.iso, "deadline": round.deadline.iso,
                                                   "organisations": String(round.organisations.count)], actor: actor, at: at, on: db)
        }
    }

    public func close(roundID: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let model = try await SurveyRoundModel.find(roundID, on: db) else { throw ServiceStoreError.notFound }
            guard model.closedAt == nil else { throw ServiceStoreError.alreadyDecided }
            model.closedAt = at
            try await model.save(on: db)
            try await IndicatorStore.audit(.update, entity: AuditEntity.surveyRound, id: roundID.uuidString.lowercased(), label: model.title,
                                           before: ["closed": "nein"], after: ["closed": "ja"], actor: actor, at: at, on: db)
        }
    }

    /// Organisations that answered a round (proposed a change or confirmed their services), with when.
    public func answers(roundID: UUID) async throws -> [UUID: (at: Date, by: String, unchanged: Bool)] {
        var result: [UUID: (at: Date, by: String, unchanged: Bool)] = [:]
        for answer in try await SurveyAnswerModel.query(on: database).filter(\.$roundID == roundID).sort(\.$answeredAt).all() {
            result[answer.organisationID] = (answer.answeredAt, answer.answeredBy, answer.unchanged)
        }
        return result
    }

    /// A provider confirms that its services are unchanged; they count as verified today.
    public func confirmUnchanged(roundID: UUID, organisation: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            try await Self.answer(round: roundID, organisation: organisation, by: actor.label, at: at, unchanged: true, on: db)
            for model in try await ServiceModel.query(on: db).filter(\.$organisationID == organisation).all() {
                var service = try ServiceJSON.decode(model.document)
                service.lastVerified = Day(at)
                service.verifiedBy = actor.label
                model.document = try ServiceJSON.encode(service)
                try await model.save(on: db)
            }
            try await IndicatorStore.audit(.update, entity: AuditEntity.surveyRound, id: roundID.uuidString.lowercased(), label: organisation.uuidString.lowercased(),
                                           before: [:], after: ["unchanged": "ja"], actor: actor, at: at, on: db)
        }
    }

    static func answer(round: UUID, organisation: UUID, by: String, at: Date, unchanged: Bool, on db: any Database) async throws {
        let model = SurveyAnswerModel()
        model.id = UUID()
        model.roundID = round
        model.organisationID = organisation
        model.answeredBy = by
        model.answeredAt = at
        model.unchanged = unchanged
        try await model.create(on: db)
    }

    // MARK: Planning standards

    public func standards() async throws -> [PlanningStandard] {
        try await PlanningStandardModel.query(on: database).sort(\.$category).all().map { $0.toDomain() }
    }

    public func save(_ standard: PlanningStandard, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let existing = try await PlanningStandardModel.query(on: db).filter(\.$category == standard.categoryCode).first()
            let before = existing?.toDomain().auditFields ?? [:]
            let model = existing ?? PlanningStandardModel(standard)
            model.update(from: standard)
            try await model.save(on: db)
            try await IndicatorStore.audit(existing == nil ? .create : .update, entity: AuditEntity.planningStandard, id: standard.categoryCode,
                                           label: standard.categoryCode, before: before, after: standard.auditFields, actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }

    // MARK: Duplicate reviews

    public func duplicateReviews() async throws -> [DuplicateReview] {
        try await DuplicateReviewModel.query(on: database).all().compactMap { $0.toDomain() }
    }

    public func save(_ review: DuplicateReview, actor: AuditActor) async throws {
        try await database.transaction { db in
            let existing = try await DuplicateReviewModel.query(on: db).filter(\.$first == review.first).filter(\.$second == review.second).first()
            let before = existing.map { ["verdict": $0.verdict, "note": $0.note] } ?? [:]
            let model = existing ?? DuplicateReviewModel()
            if existing == nil { model.id = UUID() }
            model.first = review.first
            model.second = review.second
            model.verdict = review.verdict.rawValue
            model.note = review.note
            model.by = review.by
            model.at = review.at
            try await model.save(on: db)
            try await IndicatorStore.audit(existing == nil ? .create : .update, entity: AuditEntity.duplicateReview,
                                           id: review.first.uuidString.lowercased() + "/" + review.second.uuidString.lowercased(), label: review.verdict.rawValue,
                                           before: before, after: ["verdict": review.verdict.rawValue, "note": review.note], actor: actor, at: review.at, on: db)
        }
    }
}
