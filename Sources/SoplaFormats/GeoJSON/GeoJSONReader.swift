import Foundation
import SoplaCore

/// Problems that make a whole GeoJSON file unreadable. Problems of single features are `ImportIssue`s.
public enum GeoJSONError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidJSON(reason: String)
    case notAnObject
    case notAFeatureCollection(type: String?)
    case featuresMissing

    public var description: String {
        switch self {
        case .invalidJSON(let reason):
            return "the file is not valid JSON (\(reason)); check that it is a complete, UTF-8 encoded GeoJSON file"
        case .notAnObject:
            return "the file must hold a JSON object of \"type\": \"FeatureCollection\", not an array or a single value"
        case .notAFeatureCollection(let type):
            return "the top-level \"type\" is \(type.map { "\"\($0)\"" } ?? "missing"); expected \"FeatureCollection\""
        case .featuresMissing:
            return "the FeatureCollection has no \"features\" array"
        }
    }
}

/// Reads a GeoJSON FeatureCollection (RFC 7946) of Polygon and MultiPolygon features.
public enum GeoJSONReader {
    public struct Result: Sendable {
        public let features: [BoundaryFeature]
        /// Problems of single features; the import refuses the file if there are any.
        public let issues: [ImportIssue]
    }

    public static func readFeatureCollection(_ data: Data) throws(GeoJSONError) -> Result {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw .invalidJSON(reason: jsonErrorReason(error))
        }
        guard let root = object as? [String: Any] else { throw .notAnObject }
        let type = root["type"] as? String
        guard type == "FeatureCollection" else { throw .notAFeatureCollection(type: type) }
        guard let rawFeatures = root["features"] as? [Any] else { throw .featuresMissing }

        var features: [BoundaryFeature] = []
        var issues: [ImportIssue] = []
        for (index, raw) in rawFeatures.enumerated() {
            guard let feature = raw as? [String: Any], feature["type"] as? String == "Feature" else {
                issues.append(ImportIssue(featureIndex: index, property: "type", reason: "each entry of \"features\" must be an object with \"type\": \"Feature\""))
                continue
            }
            var properties: [String: String?] = [:]
            if let rawProperties = feature["properties"] as? [String: Any] {
                for (name, value) in rawProperties {
                    properties[name] = scalarText(value)
                }
            }
            if let id = feature["id"], properties["id"] == nil {
                properties["id"] = scalarText(id)
            }
            do {
                let geometry = try readGeometry(feature["geometry"])
                features.append(BoundaryFeature(index: index, properties: properties, geometry: geometry))
            } catch {
                issues.append(ImportIssue(featureIndex: index, property: "geometry", reason: error.reason))
            }
        }
        return Result(features: features, issues: issues)
    }

    struct GeometryProblem: Error {
        let reason: String
    }

    static func readGeometry(_ raw: Any?) throws(GeometryProblem) -> MultiPolygon {
        guard let geometry = raw as? [String: Any] else {
            throw GeometryProblem(reason: "the feature has no geometry object")
        }
        let type = geometry["type"] as? String
        switch type {
        case "Polygon":
            return MultiPolygon(polygons: [try readPolygon(geometry["coordinates"])])
        case "MultiPolygon":
            guard let parts = geometry["coordinates"] as? [Any], !parts.isEmpty else {
                throw GeometryProblem(reason: "MultiPolygon coordinates must be a non-empty array of polygons")
            }
            var polygons: [Polygon] = []
            for part in parts { polygons.append(try readPolygon(part)) }
            return MultiPolygon(polygons: polygons)
        default:
            throw GeometryProblem(reason: "geometry type \(type.map { "\"\($0)\"" } ?? "missing") is not supported; boundaries must be Polygon or MultiPolygon")
        }
    }

    static func readPolygon(_ raw: Any?) throws(GeometryProblem) -> Polygon {
        guard let rawRings = raw as? [Any], !rawRings.isEmpty else {
            throw GeometryProblem(reason: "Polygon coordinates must be a non-empty array of linear rings")
        }
        var rings: [Ring] = []
        for rawRing in rawRings {
            guard let rawPositions = rawRing as? [Any] else {
                throw GeometryProblem(reason: "a linear ring must be an array of positions")
            }
            var ring: Ring = []
            ring.reserveCapacity(rawPositions.count)
            for rawPosition in rawPositions {
                guard let pair = rawPosition as? [Any], pair.count >= 2,
                      let lon = number(pair[0]), let lat = number(pair[1]) else {
                    throw GeometryProblem(reason: "a position must be an array [longitude, latitude] of numbers")
                }
                let position = Position(lon: lon, lat: lat)
                guard position.isInWGS84Range else {
                    throw GeometryProblem(reason: "position [\(lon), \(lat)] is outside WGS84 (longitude −180…180, latitude −90…90); the file must use lon/lat degrees (EPSG:4326), not projected metres")
                }
                ring.append(position)
            }
            guard ring.count >= 4 else {
                throw GeometryProblem(reason: "a linear ring needs at least 4 positions, this one has \(ring.count)")
            }
            guard ring.first == ring.last else {
                throw GeometryProblem(reason: "a linear ring must be closed: its first and last positions differ")
            }
            rings.append(ring)
        }
        return Polygon(rings: rings)
    }

    /// JSONSerialization hands back NSNumber for both numbers and booleans; booleans are not coordinates.
    static func number(_ value: Any) -> Double? {
        guard let n = value as? NSNumber, !isBoolean(n) else { return nil }
        return n.doubleValue
    }

    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    static func scalarText(_ value: Any) -> String? {
        switch value {
        case is NSNull: return nil
        case let string as String: return string
        case let number as NSNumber:
            if isBoolean(number) { return number.boolValue ? "true" : "false" }
            if let int = Int(exactly: number.doubleValue) { return String(int) }
            return number.stringValue
        default:
            // Nested objects and arrays are not scalar; keep them out of keys and names.
            return nil
        }
    }

    static func jsonErrorReason(_ error: Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}
