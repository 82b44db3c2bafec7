import Fluent
import Foundation
import SoplaCore

enum VariableFields {
    static let schema = "variables"
    static let code: FieldKey = "code"
    static let nameDE: FieldKey = "name_de"
    static let nameEN: FieldKey = "name_en"
    static let unit: FieldKey = "unit"
    static let source: FieldKey = "source"
    static let tableCode: FieldKey = "table_code"
    static let licence: FieldKey = "licence"
    static let isCount: FieldKey = "is_count"
    static let minimumCount: FieldKey = "minimum_count"
    static let state: FieldKey = "state"
}

enum IndicatorFields {
    static let schema = "indicators"
    static let code: FieldKey = "code"
    static let nameDE: FieldKey = "name_de"
    static let nameEN: FieldKey = "name_en"
    static let definitionDE: FieldKey = "definition_de"
    static let definitionEN: FieldKey = "definition_en"
    static let topic: FieldKey = "topic"
    static let numerator: FieldKey = "numerator"
    static let denominator: FieldKey = "denominator"
    static let factor: FieldKey = "factor"
    static let polarity: FieldKey = "polarity"
    static let decimals: FieldKey = "decimals"
    static let minimumCount: FieldKey = "minimum_count"
    static let levels: FieldKey = "levels"
    static let state: FieldKey = "state"
}

/// Observations are many (millions): a plain table written with set-based SQL, no Fluent model.
enum ObservationFields {
    static let schema = "observations"
    static let variable = "variable"
    static let unitKey = "unit_key"
    static let referenceDate = "reference_date"
    static let breakdown = "breakdown"
    static let value = "value"
    static let status = "status"
    static let revision = "revision"
    static let isCurrent = "is_current"
    static let importID = "import_id"
    static let recordedAt = "recorded_at"
    /// The revision the public sees: the newest one whose import is released (at most one per key).
    static let isPublic = "is_public"
}

enum ImportStagingFields {
    static let schema = "import_staging"
    static let importID = "import_id"
}

enum ImportRunFields {
    static let schema = "import_runs"
    static let fileName: FieldKey = "file_name"
    static let sha256: FieldKey = "sha256"
    static let format: FieldKey = "format"
    static let tableCode: FieldKey = "table_code"
    static let actorID: FieldKey = "actor_id"
    static let actorLabel: FieldKey = "actor_label"
    static let startedAt: FieldKey = "started_at"
    static let finishedAt: FieldKey = "finished_at"
    static let state: FieldKey = "state"
    static let dryRun: FieldKey = "dry_run"
    static let skipUnknownUnits: FieldKey = "skip_unknown_units"
    static let bytesTotal: FieldKey = "bytes_total"
    static let bytesRead: FieldKey = "bytes_read"
    static let inserted: FieldKey = "inserted"
    static let revised: FieldKey = "revised"
    static let unchanged: FieldKey = "unchanged"
    static let skipped: FieldKey = "skipped"
    static let issueCount: FieldKey = "issue_count"
    static let issues: FieldKey = "issues"
    static let variables: FieldKey = "variables"
    static let dates: FieldKey = "dates"
    static let storedFile: FieldKey = "stored_file"
    static let releasedAt: FieldKey = "released_at"
    static let releasedBy: FieldKey = "released_by"
    static let releaseReason: FieldKey = "release_reason"
    static let withdrawnAt: FieldKey = "withdrawn_at"
    static let withdrawnBy: FieldKey = "withdrawn_by"
    static let withdrawalReason: FieldKey = "withdrawal_reason"
    /// Values of the Land and Germany kept as reference values (nullable: runs before it have none).
    static let referenceValues: FieldKey = "reference_values"
}

enum ColumnMappingFields {
    static let schema = "column_mappings"
    static let tableCode: FieldKey = "table_code"
    static let signature: FieldKey = "signature"
    static let variable: FieldKey = "variable"
    static let breakdown: FieldKey = "breakdown"
    static let ignored: FieldKey = "ignored"
}

enum ReferenceValueFields {
    static let schema = "reference_values"
    static let indicatorCode: FieldKey = "indicator_code"
    static let label: FieldKey = "label"
    static let referenceDate: FieldKey = "reference_date"
    static let value: FieldKey = "value"
}

enum ValidationRuleFields {
    static let schema = "validation_rules"
    static let kind: FieldKey = "kind"
    static let target: FieldKey = "target"
    static let threshold: FieldKey = "threshold"
}

final class VariableModel: Model, @unchecked Sendable {
    static let schema = VariableFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: VariableFields.code) var code: String
    @Field(key: VariableFields.nameDE) var nameDE: String
    @Field(key: VariableFields.nameEN) var nameEN: String
    @Field(key: VariableFields.unit) var unit: String
    @Field(key: VariableFields.source) var source: String
    @OptionalField(key: VariableFields.tableCode) var tableCode: String?
    @Field(key: VariableFields.licence) var licence: String
    @Field(key: VariableFields.isCount) var isCount: Bool
    @OptionalField(key: VariableFields.minimumCount) var minimumCount: Int?
    @Field(key: VariableFields.state) var state: String

    init() {}

    init(_ variable: Variable) {
        id = UUID()
        state = variable.state.rawValue
        update(from: variable)
    }

    /// The fields a form edits; the state changes only through a transition.
    func update(from v: Variable) {
        code = v.code
        nameDE = v.nameDE
        nameEN = v.nameEN
        unit = v.unit
        source = v.source
        tableCode = v.tableCode
        licence = v.licence
        isCount = v.isCount
        minimumCount = v.minimumCount
    }

    func toDomain() -> Variable {
        Variable(code: code, nameDE: nameDE, nameEN: nameEN, unit: unit, source: source, tableCode: tableCode, licence: licence,
                 isCount: isCount, minimumCount: minimumCount, state: CatalogueState(rawValue: state) ?? .archived)
    }
}

final class IndicatorModel: Model, @unchecked Sendable {
    static let schema = IndicatorFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: IndicatorFields.code) var code: String
    @Field(key: IndicatorFields.nameDE) var nameDE: String
    @Field(key: IndicatorFields.nameEN) var nameEN: String
    @Field(key: IndicatorFields.definitionDE) var definitionDE: String
    @Field(key: IndicatorFields.definitionEN) var definitionEN: String
    @Field(key: IndicatorFields.topic) var topic: String
    @Field(key: IndicatorFields.numerator) var numerator: String
    @Field(key: IndicatorFields.denominator) var denominator: String
    @Field(key: IndicatorFields.factor) var factor: Double
    @Field(key: IndicatorFields.polarity) var polarity: String
    @Field(key: IndicatorFields.decimals) var decimals: Int
    @OptionalField(key: IndicatorFields.minimumCount) var minimumCount: Int?
    @Field(key: IndicatorFields.levels) var levels: String
    @Field(key: IndicatorFields.state) var state: String

    init() {}

    init(_ indicator: Indicator) {
        id = UUID()
        state = indicator.state.rawValue
        update(from: indicator)
    }

    /// The fields a form edits; the state changes only through a transition.
    func update(from i: Indicator) {
        code = i.code
        nameDE = i.nameDE
        nameEN = i.nameEN
        definitionDE = i.definitionDE
        definitionEN = i.definitionEN
        topic = i.topic.rawValue
        numerator = IndicatorTerm.text(i.numerator)
        denominator = IndicatorTerm.text(i.denominator)
        factor = i.factor
        polarity = i.polarity.rawValue
        decimals = i.decimals
        minimumCount = i.minimumCount
        levels = i.levels.joined(separator: ",")
    }

    func toDomain() throws -> Indicator {
        guard let topic = IndicatorTopic(rawValue: topic), let polarity = Polarity(rawValue: polarity),
              let numerator = IndicatorTerm.parseSum(numerator), let state = CatalogueState(rawValue: state) else { throw StoreError.corrupt("indicator \(code)") }
        let denominator = self.denominator.isEmpty ? [] : (IndicatorTerm.parseSum(self.denominator) ?? [])
        return Indicator(code: code, nameDE: nameDE, nameEN: nameEN, definitionDE: definitionDE, definitionEN: definitionEN, topic: topic,
                         numerator: numerator, denominator: denominator, factor: factor, polarity: polarity, decimals: decimals,
                         minimumCount: minimumCount, levels: levels.split(separator: ",").map(String.init), state: state)
    }
}

final class ImportRunModel: Model, @unchecked Sendable {
    static let schema = ImportRunFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ImportRunFields.fileName) var fileName: String
    @Field(key: ImportRunFields.sha256) var sha256: String
    @OptionalField(key: ImportRunFields.format) var format: String?
    @OptionalField(key: ImportRunFields.tableCode) var tableCode: String?
    @OptionalField(key: ImportRunFields.actorID) var actorID: UUID?
    @Field(key: ImportRunFields.actorLabel) var actorLabel: String
    @Field(key: ImportRunFields.startedAt) var startedAt: Date
    @OptionalField(key: ImportRunFields.finishedAt) var finishedAt: Date?
    @Field(key: ImportRunFields.state) var state: String
    @Field(key: ImportRunFields.dryRun) var dryRun: Bool
    @Field(key: ImportRunFields.skipUnknownUnits) var skipUnknownUnits: Bool
    @Field(key: ImportRunFields.bytesTotal) var bytesTotal: Int64
    @Field(key: ImportRunFields.bytesRead) var bytesRead: Int64
    @Field(key: ImportRunFields.inserted) var inserted: Int
    @Field(key: ImportRunFields.revised) var revised: Int
    @Field(key: ImportRunFields.unchanged) var unchanged: Int
    @Field(key: ImportRunFields.skipped) var skipped: Int
    @Field(key: ImportRunFields.issueCount) var issueCount: Int
    @Field(key: ImportRunFields.issues) var issues: String
    @Field(key: ImportRunFields.variables) var variables: String
    @Field(key: ImportRunFields.dates) var dates: String
    @OptionalField(key: ImportRunFields.storedFile) var storedFile: String?
    @OptionalField(key: ImportRunFields.releasedAt) var releasedAt: Date?
    @OptionalField(key: ImportRunFields.releasedBy) var releasedBy: String?
    @OptionalField(key: ImportRunFields.releaseReason) var releaseReason: String?
    @OptionalField(key: ImportRunFields.withdrawnAt) var withdrawnAt: Date?
    @OptionalField(key: ImportRunFields.withdrawnBy) var withdrawnBy: String?
    @OptionalField(key: ImportRunFields.withdrawalReason) var withdrawalReason: String?
    @OptionalField(key: ImportRunFields.referenceValues) var referenceValues: Int?

    init() {}
}

final class ColumnMappingModel: Model, @unchecked Sendable {
    static let schema = ColumnMappingFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ColumnMappingFields.tableCode) var tableCode: String
    @Field(key: ColumnMappingFields.signature) var signature: String
    @Field(key: ColumnMappingFields.variable) var variable: String
    @Field(key: ColumnMappingFields.breakdown) var breakdown: String
    @Field(key: ColumnMappingFields.ignored) var ignored: Bool

    init() {}

    init(tableCode: String, signature: String, variable: String, breakdown: String, ignored: Bool) {
        id = UUID()
        self.tableCode = tableCode
        self.signature = signature
        self.variable = variable
        self.breakdown = breakdown
        self.ignored = ignored
    }
}

final class ReferenceValueModel: Model, @unchecked Sendable {
    static let schema = ReferenceValueFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ReferenceValueFields.indicatorCode) var indicatorCode: String
    @Field(key: ReferenceValueFields.label) var label: String
    @Field(key: ReferenceValueFields.referenceDate) var referenceDate: String
    @Field(key: ReferenceValueFields.value) var value: Double

    init() {}

    init(_ r: ReferenceValue) {
        id = r.id
        indicatorCode = r.indicatorCode
        label = r.label
        referenceDate = r.date.iso
        value = r.value
    }

    func toDomain() -> ReferenceValue? {
        guard let id, let day = Day(iso: referenceDate) else { return nil }
        return ReferenceValue(id: id, indicatorCode: indicatorCode, label: label, date: day, value: value)
    }
}

final class ValidationRuleModel: Model, @unchecked Sendable {
    static let schema = ValidationRuleFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ValidationRuleFields.kind) var kind: String
    @Field(key: ValidationRuleFields.target) var target: String
    @Field(key: ValidationRuleFields.threshold) var threshold: Double

    init() {}

    init(_ rule: ValidationRule) {
        id = rule.id
        kind = rule.kind.rawValue
        target = rule.target
        threshold = rule.threshold
    }

    func toDomain() -> ValidationRule? {
        guard let id, let kind = ValidationRule.Kind(rawValue: kind) else { return nil }
        return ValidationRule(id: id, kind: kind, target: target, threshold: threshold)
    }
}
