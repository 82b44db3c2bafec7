import Testing
@testable import SoplaCore

@Suite("Geometry")
struct GeometryTests {
    /// A 2 × 1 rectangle, counter-clockwise, with lower left corner at (8, 50).
    static let rectangle: Ring = [
        Position(lon: 8, lat: 50), Position(lon: 10, lat: 50), Position(lon: 10, lat: 51),
        Position(lon: 8, lat: 51), Position(lon: 8, lat: 50),
    ]

    @Test func areaOfRectangleIsWidthTimesHeight() {
        #expect(MultiPolygon.signedArea(Self.rectangle) == 2)
        #expect(MultiPolygon.signedArea(Self.rectangle.reversed()) == -2)
        #expect(MultiPolygon(polygons: [Polygon(rings: [Self.rectangle])]).planarArea == 2)
    }

    @Test func centroidOfRectangleIsItsMiddle() {
        let centroid = MultiPolygon(polygons: [Polygon(rings: [Self.rectangle])]).centroid
        #expect(centroid == Position(lon: 9, lat: 50.5))
    }

    @Test func holesReduceAreaAndShiftCentroid() {
        // A hole of 1 × 1 in the right half: remaining area 1, centred in the left half.
        let hole: Ring = [
            Position(lon: 9, lat: 50), Position(lon: 9, lat: 51), Position(lon: 10, lat: 51),
            Position(lon: 10, lat: 50), Position(lon: 9, lat: 50),
        ]
        let geometry = MultiPolygon(polygons: [Polygon(rings: [Self.rectangle, hole])])
        #expect(geometry.planarArea == 1)
        #expect(geometry.centroid == Position(lon: 8.5, lat: 50.5))
    }

    @Test func centroidOfTwoPartsIsAreaWeighted() {
        // Parts of area 2 (centre 9) and 1 (centre 12.5 lon): (2·9 + 1·12.5) / 3 = 10.1666…
        let square: Ring = [
            Position(lon: 12, lat: 50), Position(lon: 13, lat: 50), Position(lon: 13, lat: 51),
            Position(lon: 12, lat: 51), Position(lon: 12, lat: 50),
        ]
        let geometry = MultiPolygon(polygons: [Polygon(rings: [Self.rectangle]), Polygon(rings: [square])])
        let centroid = geometry.centroid!
        #expect(abs(centroid.lon - 30.5 / 3) < 1e-12)
        #expect(centroid.lat == 50.5)
    }

    @Test func boundingBoxEnclosesAllPositions() {
        let geometry = MultiPolygon(polygons: [Polygon(rings: [Self.rectangle])])
        #expect(geometry.boundingBox == BoundingBox(west: 8, south: 50, east: 10, north: 51))
        #expect(BoundingBox(enclosing: []) == nil)
        let union = BoundingBox(west: 8, south: 50, east: 10, north: 51).union(BoundingBox(west: 7, south: 50.5, east: 9, north: 52))
        #expect(union == BoundingBox(west: 7, south: 50, east: 10, north: 52))
    }

    @Test func pointInPolygon() {
        let geometry = MultiPolygon(polygons: [Polygon(rings: [Self.rectangle])])
        #expect(geometry.contains(Position(lon: 9, lat: 50.5)))
        #expect(!geometry.contains(Position(lon: 11, lat: 50.5)))
    }

    @Test func rightHandRuleMakesExteriorCounterClockwise() {
        let clockwise = MultiPolygon(polygons: [Polygon(rings: [Self.rectangle.reversed()])])
        #expect(clockwise.rightHandRule.polygons[0].rings[0] == Self.rectangle)
        let already = MultiPolygon(polygons: [Polygon(rings: [Self.rectangle])])
        #expect(already.rightHandRule == already)
    }

    @Test func wgs84Range() {
        #expect(Position(lon: 8.5, lat: 50.5).isInWGS84Range)
        #expect(!Position(lon: 456_000, lat: 5_600_000).isInWGS84Range)
        #expect(!Position(lon: 8, lat: 91).isInWGS84Range)
        #expect(!Position(lon: .nan, lat: 50).isInWGS84Range)
    }
}

@Suite("Simplification")
struct SimplificationTests {
    /// A 2 × 1 rectangle with extra points on its edges and one small bump of 0.01.
    static let detailed: Ring = [
        Position(lon: 0, lat: 0), Position(lon: 1, lat: 0), Position(lon: 2, lat: 0),
        Position(lon: 2, lat: 0.5), Position(lon: 2.01, lat: 0.6), Position(lon: 2, lat: 0.7), Position(lon: 2, lat: 1),
        Position(lon: 1, lat: 1), Position(lon: 0, lat: 1), Position(lon: 0, lat: 0),
    ]

    @Test func dropsVerticesWithinTheTolerance() {
        let simplified = MultiPolygon(polygons: [Polygon(rings: [Self.detailed])]).simplified(tolerance: 0.05)
        #expect(simplified.polygons[0].rings[0] == [
            Position(lon: 0, lat: 0), Position(lon: 2, lat: 0), Position(lon: 2, lat: 1), Position(lon: 0, lat: 1), Position(lon: 0, lat: 0),
        ])
    }

    @Test func keepsVerticesBeyondTheTolerance() {
        let simplified = MultiPolygon(polygons: [Polygon(rings: [Self.detailed])]).simplified(tolerance: 0.005)
        #expect(simplified.polygons[0].rings[0].contains(Position(lon: 2.01, lat: 0.6)))
        #expect(!simplified.polygons[0].rings[0].contains(Position(lon: 1, lat: 0)))
    }

    @Test func ringsThatWouldCollapseStayAsTheyAre() {
        let small: Ring = [Position(lon: 0, lat: 0), Position(lon: 0.001, lat: 0), Position(lon: 0.001, lat: 0.001),
                           Position(lon: 0, lat: 0.001), Position(lon: 0, lat: 0)]
        let geometry = MultiPolygon(polygons: [Polygon(rings: [small])])
        #expect(geometry.simplified(tolerance: 1) == geometry)
        #expect(geometry.simplified(tolerance: 0) == geometry)
    }

    @Test func resultIsClosedAndKeepsOrientation() {
        let simplified = MultiPolygon(polygons: [Polygon(rings: [Self.detailed])]).simplified(tolerance: 0.05)
        let ring = simplified.polygons[0].rings[0]
        #expect(ring.first == ring.last)
        #expect(MultiPolygon.signedArea(ring) > 0)
    }
}
