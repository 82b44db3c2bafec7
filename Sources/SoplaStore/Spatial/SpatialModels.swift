import Fluent
import Foundation
import SoplaCore

/// Field keys shared by models and migrations.
enum SpatialUnitFields {
    static let schema = "spatial_units"
    static let key: FieldKey = "key"
    static let ars: FieldKey = "ars"
    static let name: FieldKey = "name"
    static let kind: FieldKey = "kind"
    static let level: FieldKey = "level"
    static let parentKey: FieldKey = "parent_key"
    static let areaHectares: FieldKey = "area_hectares"
    static let pointLon: FieldKey = "point_lon"
    static let pointLat: FieldKey = "point_lat"
    static let createdAt: FieldKey = "created_at"
    static let updatedAt: FieldKey = "updated_at"
}

enum SpatialBoundaryFields {
    static let schema = "spatial_boundaries"
    static let unitKey: FieldKey = "unit_key"
    static let validFrom: FieldKey = "valid_from"
    static let validTo: FieldKey = "valid_to"
    static let geometry: FieldKey = "geometry"
    static let createdAt: FieldKey = "created_at"
}

enum SpatialPopulationFields {
    static let schema = "spatial_populations"
    static let unitKey: FieldKey = "unit_key"
    static let referenceDate: FieldKey = "reference_date"
    static let count: FieldKey = "count"
    static let source: FieldKey = "source"
}

enum DataVersionFields {
    static let schema = "data_versions"
    static let area: FieldKey = "area"
    static let version: FieldKey = "version"
}

final class SpatialUnitModel: Model, @unchecked Sendable {
    static let schema = SpatialUnitFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: SpatialUnitFields.key) var key: String
    @OptionalField(key: SpatialUnitFields.ars) var ars: String?
    @Field(key: SpatialUnitFields.name) var name: String
    @Field(key: SpatialUnitFields.kind) var kind: String
    @Field(key: SpatialUnitFields.level) var level: String
    @OptionalField(key: SpatialUnitFields.parentKey) var parentKey: String?
    @OptionalField(key: SpatialUnitFields.areaHectares) var areaHectares: Int?
    @OptionalField(key: SpatialUnitFields.pointLon) var pointLon: Double?
    @OptionalField(key: SpatialUnitFields.pointLat) var pointLat: Double?
    @Timestamp(key: SpatialUnitFields.createdAt, on: .create) var createdAt: Date?
    @Timestamp(key: SpatialUnitFields.updatedAt, on: .update) var updatedAt: Date?

    init() {}

    init(_ unit: SpatialUnit) {
        self.id = UUID()
        update(from: unit)
    }

    func update(from unit: SpatialUnit) {
        key = unit.key
        ars = unit.ars
        name = unit.name
        kind = unit.kind
        level = unit.levelCode
        parentKey = unit.parentKey
        areaHectares = unit.areaHectares
        pointLon = unit.representativePoint?.lon
        pointLat = unit.representativePoint?.lat
    }

    func toDomain(populations: [PopulationFigure]) -> SpatialUnit {
        var point: Position?
        if let pointLon, let pointLat { point = Position(lon: pointLon, lat: pointLat) }
        return SpatialUnit(
            key: key, ars: ars, name: name, kind: kind, levelCode: level, parentKey: parentKey,
            areaHectares: areaHectares, representativePoint: point,
            populations: populations.sorted { $0.referenceDate < $1.referenceDate }
        )
    }
}

final class SpatialBoundaryModel: Model, @unchecked Sendable {
    static let schema = SpatialBoundaryFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: SpatialBoundaryFields.unitKey) var unitKey: String
    @Field(key: SpatialBoundaryFields.validFrom) var validFrom: String
    @OptionalField(key: SpatialBoundaryFields.validTo) var validTo: String?
    /// The geometry as JSON of the domain type; the database never interprets it.
    @Field(key: SpatialBoundaryFields.geometry) var geometry: String
    @Timestamp(key: SpatialBoundaryFields.createdAt, on: .create) var createdAt: Date?

    init() {}

    init(_ boundary: BoundaryVersion) throws {
        id = UUID()
        unitKey = boundary.unitKey
        validFrom = boundary.validFrom.iso
        validTo = boundary.validTo?.iso
        geometry = String(decoding: try JSONEncoder().encode(boundary.geometry.polygons.map { $0.rings.map { $0.map { [$0.lon, $0.lat] } } }), as: UTF8.self)
    }

    func toDomain() throws -> BoundaryVersion {
        let raw = try JSONDecoder().decode([[[[Double]]]].self, from: Data(geometry.utf8))
        let multi = MultiPolygon(polygons: raw.map { Polygon(rings: $0.map { $0.map { Position(lon: $0[0], lat: $0[1]) } }) })
        guard let from = Day(iso: validFrom) else { throw StoreError.corrupt("boundary \(unitKey) has valid_from \(validFrom)") }
        return BoundaryVersion(unitKey: unitKey, validFrom: from, validTo: validTo.flatMap(Day.init(iso:)), geometry: multi)
    }
}

final class SpatialPopulationModel: Model, @unchecked Sendable {
    static let schema = SpatialPopulationFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: SpatialPopulationFields.unitKey) var unitKey: String
    @Field(key: SpatialPopulationFields.referenceDate) var referenceDate: String
    @Field(key: SpatialPopulationFields.count) var count: Int
    @Field(key: SpatialPopulationFields.source) var source: String

    init() {}

    init(unitKey: String, _ figure: PopulationFigure) {
        id = UUID()
        self.unitKey = unitKey
        referenceDate = figure.referenceDate.iso
        count = figure.count
        source = figure.source
    }

    func toDomain() -> PopulationFigure? {
        Day(iso: referenceDate).map { PopulationFigure(referenceDate: $0, count: count, source: source) }
    }
}

final class DataVersionModel: Model, @unchecked Sendable {
    static let schema = DataVersionFields.schema

    @ID(key: .id) var id: UUID?
    @Field(key: DataVersionFields.area) var area: String
    @Field(key: DataVersionFields.version) var version: Int

    init() {}

    init(area: String, version: Int) {
        id = UUID()
        self.area = area
        self.version = version
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case corrupt(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .corrupt(let what): return "stored data is damaged: \(what)"
        case .notFound(let what): return "\(what) does not exist"
        }
    }
}
