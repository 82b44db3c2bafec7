import Foundation

/// A WGS84 position, longitude first as in GeoJSON.
public struct Position: Hashable, Sendable, Codable {
    public let lon: Double
    public let lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    public var isInWGS84Range: Bool {
        lon.isFinite && lat.isFinite && (-180...180).contains(lon) && (-90...90).contains(lat)
    }
}

/// A closed linear ring: first and last position are equal.
public typealias Ring = [Position]

/// A polygon: the first ring is the exterior, any further rings are holes.
public struct Polygon: Hashable, Sendable, Codable {
    public let rings: [Ring]

    public init(rings: [Ring]) {
        self.rings = rings
    }
}

/// The boundary of a spatial unit. A single polygon is a multipolygon with one part.
public struct MultiPolygon: Hashable, Sendable, Codable {
    public let polygons: [Polygon]

    public init(polygons: [Polygon]) {
        self.polygons = polygons
    }

    public var positions: [Position] {
        polygons.flatMap { $0.rings.flatMap { $0 } }
    }

    public var boundingBox: BoundingBox? {
        BoundingBox(enclosing: positions)
    }

    /// Planar area in squared degrees: exterior rings count positive, holes negative,
    /// whatever the orientation of the input rings.
    public var planarArea: Double {
        polygons.reduce(0) { sum, polygon in
            sum + polygon.rings.enumerated().reduce(0) { partial, element in
                let area = abs(Self.signedArea(element.element))
                return partial + (element.offset == 0 ? area : -area)
            }
        }
    }

    /// Area-weighted centroid of all parts (holes subtracted), in planar lon/lat.
    /// Accurate enough for labels and for the size of a county; nil for degenerate geometry.
    public var centroid: Position? {
        var weightedLon = 0.0, weightedLat = 0.0, totalArea = 0.0
        for polygon in polygons {
            for (index, ring) in polygon.rings.enumerated() {
                let signed = Self.signedArea(ring)
                guard signed != 0 else { continue }
                let (cx, cy) = Self.ringCentroid(ring, signedArea: signed)
                let weight = index == 0 ? abs(signed) : -abs(signed)
                weightedLon += cx * weight
                weightedLat += cy * weight
                totalArea += weight
            }
        }
        guard totalArea > 0 else { return nil }
        return Position(lon: weightedLon / totalArea, lat: weightedLat / totalArea)
    }

    /// Shoelace formula; positive for counter-clockwise rings.
    public static func signedArea(_ ring: Ring) -> Double {
        guard ring.count >= 4 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            sum += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat
        }
        return sum / 2
    }

    static func ringCentroid(_ ring: Ring, signedArea: Double) -> (Double, Double) {
        var cx = 0.0, cy = 0.0
        for i in 0..<(ring.count - 1) {
            let cross = ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat
            cx += (ring[i].lon + ring[i + 1].lon) * cross
            cy += (ring[i].lat + ring[i + 1].lat) * cross
        }
        return (cx / (6 * signedArea), cy / (6 * signedArea))
    }

    /// Whether `point` lies inside the geometry (even-odd rule over all rings).
    public func contains(_ point: Position) -> Bool {
        polygons.contains { polygon in
            var inside = false
            for ring in polygon.rings where ring.count >= 4 {
                var j = ring.count - 1
                for i in 0..<ring.count {
                    let a = ring[i], b = ring[j]
                    if (a.lat > point.lat) != (b.lat > point.lat),
                       point.lon < (b.lon - a.lon) * (point.lat - a.lat) / (b.lat - a.lat) + a.lon {
                        inside.toggle()
                    }
                    j = i
                }
            }
            return inside
        }
    }

    /// The same geometry with exterior rings counter-clockwise and holes clockwise (RFC 7946, 3.1.6).
    public var rightHandRule: MultiPolygon {
        MultiPolygon(polygons: polygons.map { polygon in
            Polygon(rings: polygon.rings.enumerated().map { index, ring in
                let ccw = Self.signedArea(ring) > 0
                return (index == 0) == ccw ? ring : ring.reversed()
            })
        })
    }
}

/// West, south, east, north in degrees.
public struct BoundingBox: Hashable, Sendable, Codable {
    public let west: Double
    public let south: Double
    public let east: Double
    public let north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    public init?(enclosing positions: [Position]) {
        guard let first = positions.first else { return nil }
        var box = (first.lon, first.lat, first.lon, first.lat)
        for p in positions.dropFirst() {
            box = (min(box.0, p.lon), min(box.1, p.lat), max(box.2, p.lon), max(box.3, p.lat))
        }
        self.init(west: box.0, south: box.1, east: box.2, north: box.3)
    }

    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(west: min(west, other.west), south: min(south, other.south),
                    east: max(east, other.east), north: max(north, other.north))
    }
}
