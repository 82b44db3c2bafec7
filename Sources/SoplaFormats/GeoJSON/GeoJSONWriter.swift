import Foundation
import SoplaCore

/// Writes spatial units with their boundaries as an RFC 7946 FeatureCollection.
public enum GeoJSONWriter {
    public static func featureCollection(
        units: [SpatialUnit], boundaries: [String: BoundaryVersion], attribution: String?
    ) -> Data {
        var out = "{\"type\":\"FeatureCollection\""
        let included = units.filter { boundaries[$0.key] != nil }
        if let box = included.compactMap({ boundaries[$0.key]?.geometry.boundingBox }).reduce(nil, { (acc: BoundingBox?, b) in acc?.union(b) ?? b }) {
            out += ",\"bbox\":[\(box.west),\(box.south),\(box.east),\(box.north)]"
        }
        if let attribution {
            out += ",\"attribution\":" + JSONText.quote(attribution)
        }
        out += ",\"features\":["
        for (n, unit) in included.enumerated() {
            guard let boundary = boundaries[unit.key] else { continue }
            if n > 0 { out += "," }
            out += "{\"type\":\"Feature\",\"id\":" + JSONText.quote(unit.key)
            out += ",\"properties\":{"
            var props: [String] = [
                "\"key\":" + JSONText.quote(unit.key),
                "\"name\":" + JSONText.quote(unit.name),
                "\"kind\":" + JSONText.quote(unit.kind),
                "\"level\":" + JSONText.quote(unit.levelCode),
                "\"parentKey\":" + (unit.parentKey.map(JSONText.quote) ?? "null"),
                "\"validFrom\":" + JSONText.quote(boundary.validFrom.iso),
                "\"validTo\":" + (boundary.validTo.map { JSONText.quote($0.iso) } ?? "null"),
            ]
            if let ars = unit.ars { props.append("\"ars\":" + JSONText.quote(ars)) }
            if let area = unit.areaHectares { props.append("\"areaKm2\":" + Hundredths.format(area)) }
            if let population = unit.latestPopulation {
                props.append("\"population\":\(population.count)")
                props.append("\"populationDate\":" + JSONText.quote(population.referenceDate.iso))
            }
            out += props.joined(separator: ",") + "},\"geometry\":"
            out += geometryJSON(boundary.geometry)
            out += "}"
        }
        out += "]}"
        return Data(out.utf8)
    }

    public static func geometryJSON(_ geometry: MultiPolygon) -> String {
        var out = "{\"type\":\"MultiPolygon\",\"coordinates\":["
        for (p, polygon) in geometry.polygons.enumerated() {
            if p > 0 { out += "," }
            out += "["
            for (r, ring) in polygon.rings.enumerated() {
                if r > 0 { out += "," }
                out += "["
                out += ring.map { "[\($0.lon),\($0.lat)]" }.joined(separator: ",")
                out += "]"
            }
            out += "]"
        }
        return out + "]}"
    }
}

/// JSON string literals, written by hand where output must be byte-stable.
public enum JSONText {
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
