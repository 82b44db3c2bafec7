import Foundation
import SoplaCore
import Testing
@testable import SoplaFormats

@Suite("GeoJSON reading")
struct GeoJSONReaderTests {
    static let ring = "[[8.4,50.5],[8.5,50.5],[8.5,50.6],[8.4,50.6],[8.4,50.5]]"

    func read(_ text: String) throws(GeoJSONError) -> GeoJSONReader.Result {
        try GeoJSONReader.readFeatureCollection(Data(text.utf8))
    }

    func collection(_ features: String...) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}"
    }

    func feature(properties: String = "{\"ags\":\"06532001\",\"name\":\"Aßlar\"}", geometry: String? = nil) -> String {
        "{\"type\":\"Feature\",\"properties\":\(properties),\"geometry\":\(geometry ?? "{\"type\":\"Polygon\",\"coordinates\":[\(Self.ring)]}")}"
    }

    @Test func readsPolygonsAndMultiPolygons() throws {
        let result = try read(collection(
            feature(),
            feature(properties: "{\"ags\":\"06532002\",\"name\":null,\"n\":12,\"x\":1.5,\"b\":true}",
                    geometry: "{\"type\":\"MultiPolygon\",\"coordinates\":[[\(Self.ring)],[\(Self.ring)]]}")
        ))
        #expect(result.issues.isEmpty)
        #expect(result.features.count == 2)
        #expect(result.features[0].properties["name"] == .some("Aßlar"))
        #expect(result.features[0].geometry.polygons[0].rings[0].count == 5)
        #expect(result.features[0].geometry.polygons[0].rings[0][1] == Position(lon: 8.5, lat: 50.5))
        #expect(result.features[1].geometry.polygons.count == 2)
        #expect(result.features[1].properties["name"] == .some(nil))
        #expect(result.features[1].properties["n"] == .some("12"))
        #expect(result.features[1].properties["x"] == .some("1.5"))
        #expect(result.features[1].properties["b"] == .some("true"))
    }

    @Test func integerCoordinatesAreNumbersNotBooleans() throws {
        let result = try read(collection(feature(geometry: "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}")))
        #expect(result.issues.isEmpty)
        #expect(result.features[0].geometry.polygons[0].rings[0][1] == Position(lon: 1, lat: 0))
    }

    @Test func invalidJSON() {
        do {
            _ = try read("{\"type\": \"FeatureCollection\", \"features\": [")
            Issue.record("expected an error")
        } catch {
            guard case .invalidJSON = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.hasPrefix("the file is not valid JSON ("))
            #expect(error.description.hasSuffix("); check that it is a complete, UTF-8 encoded GeoJSON file"))
        }
    }

    @Test func notAnObject() {
        #expect(throws: GeoJSONError.notAnObject) { try read("[1, 2]") }
        #expect(GeoJSONError.notAnObject.description == "the file must hold a JSON object of \"type\": \"FeatureCollection\", not an array or a single value")
    }

    @Test func notAFeatureCollection() {
        #expect(throws: GeoJSONError.notAFeatureCollection(type: "Feature")) { try read(feature()) }
        #expect(GeoJSONError.notAFeatureCollection(type: "Feature").description == "the top-level \"type\" is \"Feature\"; expected \"FeatureCollection\"")
        #expect(GeoJSONError.notAFeatureCollection(type: nil).description == "the top-level \"type\" is missing; expected \"FeatureCollection\"")
    }

    @Test func featuresMissing() {
        #expect(throws: GeoJSONError.featuresMissing) { try read("{\"type\":\"FeatureCollection\"}") }
        #expect(GeoJSONError.featuresMissing.description == "the FeatureCollection has no \"features\" array")
    }

    func issues(_ feature: String) throws -> [String] {
        try read(collection(self.feature(), feature)).issues.map(\.description)
    }

    @Test func entryThatIsNoFeature() throws {
        #expect(try issues("{\"type\":\"Point\"}") == ["feature 1, property \"type\": each entry of \"features\" must be an object with \"type\": \"Feature\""])
    }

    @Test func missingGeometry() throws {
        #expect(try issues(feature(geometry: "null")) == ["feature 1, property \"geometry\": the feature has no geometry object"])
    }

    @Test func unsupportedGeometryType() throws {
        #expect(try issues(feature(geometry: "{\"type\":\"Point\",\"coordinates\":[8.4,50.5]}"))
            == ["feature 1, property \"geometry\": geometry type \"Point\" is not supported; boundaries must be Polygon or MultiPolygon"])
    }

    @Test func malformedPosition() throws {
        #expect(try issues(feature(geometry: "{\"type\":\"Polygon\",\"coordinates\":[[[8.4],[8.5,50.5],[8.5,50.6],[8.4,50.5]]]}"))
            == ["feature 1, property \"geometry\": a position must be an array [longitude, latitude] of numbers"])
        #expect(try issues(feature(geometry: "{\"type\":\"Polygon\",\"coordinates\":[[[true,50],[8.5,50.5],[8.5,50.6],[8.4,50.5]]]}"))
            == ["feature 1, property \"geometry\": a position must be an array [longitude, latitude] of numbers"])
    }

    @Test func coordinatesOutsideWGS84() throws {
        #expect(try issues(feature(geometry: "{\"type\":\"Polygon\",\"coordinates\":[[[456000,5600000],[8.5,50.5],[8.5,50.6],[456000,5600000]]]}"))
            == ["feature 1, property \"geometry\": position [456000.0, 5600000.0] is outside WGS84 (longitude −180…180, latitude −90…90); the file must use lon/lat degrees (EPSG:4326), not projected metres"])
    }

    @Test func ringTooShort() throws {
        #expect(try issues(feature(geometry: "{\"type\":\"Polygon\",\"coordinates\":[[[8.4,50.5],[8.5,50.5],[8.4,50.5]]]}"))
            == ["feature 1, property \"geometry\": a linear ring needs at least 4 positions, this one has 3"])
    }

    @Test func ringNotClosed() throws {
        #expect(try issues(feature(geometry: "{\"type\":\"Polygon\",\"coordinates\":[[[8.4,50.5],[8.5,50.5],[8.5,50.6],[8.4,50.6]]]}"))
            == ["feature 1, property \"geometry\": a linear ring must be closed: its first and last positions differ"])
    }

    @Test func emptyCoordinates() throws {
        #expect(try issues(feature(geometry: "{\"type\":\"Polygon\",\"coordinates\":[]}"))
            == ["feature 1, property \"geometry\": Polygon coordinates must be a non-empty array of linear rings"])
        #expect(try issues(feature(geometry: "{\"type\":\"MultiPolygon\",\"coordinates\":[]}"))
            == ["feature 1, property \"geometry\": MultiPolygon coordinates must be a non-empty array of polygons"])
    }

    @Test func readsTheLahnDillFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/SoplaDemo/Resources/demo/lahn-dill-gemeinden.geojson")
        let result = try GeoJSONReader.readFeatureCollection(try Data(contentsOf: url))
        #expect(result.issues.isEmpty)
        #expect(result.features.count == 23)
        #expect(result.features.first?.properties["ags"] == .some("06532001"))
        #expect(result.features.last?.properties["name"] == .some("Wetzlar"))
        // Every exterior ring is counter-clockwise (RFC 7946), as SOURCES.md states.
        #expect(result.features.allSatisfy { MultiPolygon.signedArea($0.geometry.polygons[0].rings[0]) > 0 })
    }
}

@Suite("GeoJSON writing")
struct GeoJSONWriterTests {
    @Test func writesAFeatureCollectionThatReadsBack() throws {
        let ring: Ring = [Position(lon: 8.4, lat: 50.5), Position(lon: 8.5, lat: 50.5), Position(lon: 8.5, lat: 50.6), Position(lon: 8.4, lat: 50.5)]
        let geometry = MultiPolygon(polygons: [Polygon(rings: [ring])])
        let unit = SpatialUnit(key: "06532001", name: "A \"quoted\" name", kind: "Stadt", levelCode: "municipality", parentKey: "06532",
                               areaHectares: 4357, populations: [PopulationFigure(referenceDate: Day(iso: "2022-05-15")!, count: 14288, source: "Zensus")])
        let data = GeoJSONWriter.featureCollection(
            units: [unit, SpatialUnit(key: "06532", name: "LDK", kind: "Landkreis", levelCode: "county")],
            boundaries: ["06532001": BoundaryVersion(unitKey: "06532001", validFrom: Day(iso: "2013-01-01")!, geometry: geometry)],
            attribution: "© GeoBasis-DE / BKG 2013 (Daten verändert)"
        )
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["type"] as? String == "FeatureCollection")
        #expect(json["bbox"] as? [Double] == [8.4, 50.5, 8.5, 50.6])
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.count == 1)
        let properties = try #require(features[0]["properties"] as? [String: Any])
        #expect(properties["name"] as? String == "A \"quoted\" name")
        #expect(properties["areaKm2"] as? Double == 43.57)
        #expect(properties["population"] as? Int == 14288)
        #expect(properties["validFrom"] as? String == "2013-01-01")
        let reread = try GeoJSONReader.readFeatureCollection(data)
        #expect(reread.features[0].geometry == geometry)
    }

    @Test func escapesControlCharacters() {
        #expect(JSONText.quote("a\nb\u{1}\\") == "\"a\\nb\\u0001\\\\\"")
    }

    @Test func hundredthsRoundTrip() {
        #expect(Hundredths.format(106630) == "1066.30")
        #expect(Hundredths.format(5) == "0.05")
        #expect(Hundredths.parse("43.57") == 4357)
        #expect(Hundredths.parse("43,5") == 4350)
        #expect(Hundredths.parse("43") == 4300)
        #expect(Hundredths.parse("43.571") == nil)
        #expect(Hundredths.parse("abc") == nil)
    }
}
