import Fluent
import Foundation
import SoplaCore

enum ReferenceObservationFields {
    static let schema = "reference_observations"
    static let variable: FieldKey = "variable"
    static let regionKey: FieldKey = "region_key"
    static let regionName: FieldKey = "region_name"
    static let referenceDate: FieldKey = "reference_date"
    static let breakdown: FieldKey = "breakdown"
    static let value: FieldKey = "value"
    static let status: FieldKey = "status"
    static let importID: FieldKey = "import_id"
    static let recordedAt: FieldKey = "recorded_at"
}

final class ReferenceObservationModel: Model, @unchecked Sendable {
    static let schema = ReferenceObservationFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ReferenceObservationFields.variable) var variable: String
    @Field(key: ReferenceObservationFields.regionKey) var regionKey: String
    @Field(key: ReferenceObservationFields.regionName) var regionName: String
    @Field(key: ReferenceObservationFields.referenceDate) var referenceDate: String
    @Field(key: ReferenceObservationFields.breakdown) var breakdown: String
    @OptionalField(key: ReferenceObservationFields.value) var value: Double?
    @Field(key: ReferenceObservationFields.status) var status: String
    @OptionalField(key: ReferenceObservationFields.importID) var importID: UUID?
    @Field(key: ReferenceObservationFields.recordedAt) var recordedAt: Date

    init() {}

    init(_ observation: ReferenceObservation) {
        id = UUID()
        variable = observation.variable
        regionKey = observation.regionKey
        referenceDate = observation.date.iso
        breakdown = observation.breakdown.canonical
        update(from: observation)
    }

    /// The fields a newer import replaces; the key stays.
    func update(from observation: ReferenceObservation) {
        regionName = observation.regionName
        value = observation.value
        status = observation.status.rawValue
        importID = observation.importID
        recordedAt = observation.recordedAt
    }

    func toDomain() -> ReferenceObservation? {
        guard let day = Day(iso: referenceDate), let breakdown = Breakdown(canonical: breakdown), let status = ValueStatus(rawValue: status) else { return nil }
        return ReferenceObservation(variable: variable, regionKey: regionKey, regionName: regionName, date: day, breakdown: breakdown, value: value,
                                    status: status, importID: importID, recordedAt: recordedAt)
    }

    /// Whether the stored value says the same as `observation` (the import it came from aside).
    func isSame(as observation: ReferenceObservation) -> Bool {
        regionName == observation.regionName && value == observation.value && status == observation.status.rawValue
    }

    var auditFields: [String: String] {
        ["regionName": regionName, "value": value.map(ObservationImportCheck.textValue) ?? "", "status": status,
         "importRun": importID?.uuidString.lowercased() ?? ""]
    }

    var auditLabel: String {
        "\(variable): \(regionName) \(referenceDate)" + (breakdown.isEmpty ? "" : " [\(breakdown)]")
    }
}

extension IndicatorStore {
    /// The reference observations of the variables (every region, date and breakdown).
    public func referenceObservations(variables: Set<String>) async throws -> [ReferenceObservation] {
        guard !variables.isEmpty else { return [] }
        return try await ReferenceObservationModel.query(on: database).filter(\.$variable ~~ variables.sorted()).all().compactMap { $0.toDomain() }
            .sorted { ($0.variable, $0.regionKey, $0.date, $0.breakdown) < ($1.variable, $1.regionKey, $1.date, $1.breakdown) }
    }

    /// Keeps the reference observations of an import in one transaction: a new key is inserted, a changed value replaces
    /// the stored one (the audit log keeps what it was), an equal one is left as it is. Returns what changed (`revised`:
    /// replaced).
    @discardableResult
    public func keep(_ observations: [ReferenceObservation], actor: AuditActor, at: Date) async throws -> ImportOutcome {
        guard !observations.isEmpty else { return ImportOutcome() }
        return try await database.transaction { db in
            let variables = Set(observations.map(\.variable)).sorted(), regions = Set(observations.map(\.regionKey)).sorted()
            let stored = try await ReferenceObservationModel.query(on: db).filter(\.$variable ~~ variables).filter(\.$regionKey ~~ regions).all()
            var byKey: [ObservationKey: ReferenceObservationModel] = [:]
            for model in stored {
                guard let key = model.toDomain()?.key else { continue }
                byKey[key] = model
            }
            var outcome = ImportOutcome()
            for observation in observations {
                if let model = byKey[observation.key] {
                    guard !model.isSame(as: observation) else { outcome.unchanged += 1; continue }
                    let before = model.auditFields
                    model.update(from: observation)
                    try await model.save(on: db)
                    try await Self.audit(.update, entity: AuditEntity.referenceValue, id: model.id?.uuidString ?? "", label: model.auditLabel,
                                         before: before, after: model.auditFields, actor: actor, at: at, on: db)
                    outcome.revised += 1
                } else {
                    let model = ReferenceObservationModel(observation)
                    try await model.create(on: db)
                    byKey[observation.key] = model
                    try await Self.audit(.create, entity: AuditEntity.referenceValue, id: model.id?.uuidString ?? "", label: model.auditLabel,
                                         before: [:], after: model.auditFields, actor: actor, at: at, on: db)
                    outcome.inserted += 1
                }
            }
            if outcome.changesData { try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db) }
            return outcome
        }
    }
}
