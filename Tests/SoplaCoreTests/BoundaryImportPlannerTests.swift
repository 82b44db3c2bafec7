import Testing
@testable import SoplaCore

@Suite("Boundary import planning")
struct BoundaryImportPlannerTests {
    let catalogue = SpatialLevelCatalogue.standard
    let day2013 = Day(iso: "2013-01-01")!
    let day2025 = Day(iso: "2025-01-01")!

    static func square(_ lon: Double, size: Double = 0.1) -> MultiPolygon {
        MultiPolygon(polygons: [Polygon(rings: [[
            Position(lon: lon, lat: 50.5), Position(lon: lon + size, lat: 50.5), Position(lon: lon + size, lat: 50.6),
            Position(lon: lon, lat: 50.6), Position(lon: lon, lat: 50.5),
        ]])])
    }

    static let county = SpatialUnit(key: "06532", name: "Lahn-Dill-Kreis", kind: "Landkreis", levelCode: "county")

    func feature(_ index: Int, ags: String?, name: String? = "Ort", geometry: MultiPolygon = square(8.4), extra: [String: String?] = [:]) -> BoundaryFeature {
        var properties: [String: String?] = extra
        if let ags { properties["ags"] = ags }
        if let name { properties["name"] = name }
        return BoundaryFeature(index: index, properties: properties, geometry: geometry)
    }

    func options(validFrom: Day? = nil) -> BoundaryImportOptions {
        BoundaryImportOptions(level: .municipality, keyProperty: "ags", nameProperty: "name", kindProperty: "kind", validFrom: validFrom ?? day2013)
    }

    var existingCounty: [String: ExistingUnit] {
        ["06532": ExistingUnit(unit: Self.county, currentBoundary: nil)]
    }

    /// The county with Aßlar (06532001) already stored, its boundary the square at 8.4.
    func existingWithAsslar(name: String = "Aßlar", validFrom: Day? = nil) -> [String: ExistingUnit] {
        var existing = existingCounty
        let unit = SpatialUnit(key: "06532001", name: name, kind: "Stadt", levelCode: "municipality", parentKey: "06532")
        existing["06532001"] = ExistingUnit(
            unit: unit, currentBoundary: BoundaryVersion(unitKey: "06532001", validFrom: validFrom ?? day2013, geometry: Self.square(8.4))
        )
        return existing
    }

    @Test func newFeaturesBecomeUnitsBelowTheImpliedCounty() throws {
        let plan = try BoundaryImportPlanner.plan(
            features: [feature(0, ags: "06532001", name: "Aßlar", extra: ["kind": "Stadt"]), feature(1, ags: "06532002", name: "Bischoffen")],
            options: options(), existing: existingCounty, catalogue: catalogue
        )
        #expect(plan.creations.count == 2)
        #expect(plan.creations[0].unit == SpatialUnit(key: "06532001", name: "Aßlar", kind: "Stadt", levelCode: "municipality", parentKey: "06532"))
        #expect(plan.creations[1].unit.kind == "Stadt/Gemeinde")
        #expect(plan.creations[0].boundary.validFrom == day2013)
        #expect(plan.summary == "2 created, 0 new Gebietsstand, 0 updated, 0 unchanged")
    }

    @Test func reimportOfTheSameFileChangesNothing() throws {
        let existing = existingWithAsslar()
        let plan = try BoundaryImportPlanner.plan(
            features: [feature(0, ags: "06532001", name: "Aßlar", extra: ["kind": "Stadt"])],
            options: options(validFrom: day2025), existing: existing, catalogue: catalogue
        )
        #expect(!plan.changesAnything)
        #expect(plan.unchangedKeys == ["06532001"])
    }

    @Test func fileWithoutKindKeepsTheKindOfExistingUnits() throws {
        let existing = existingWithAsslar()
        let plan = try BoundaryImportPlanner.plan(
            features: [feature(0, ags: "06532001", name: "Aßlar"), feature(1, ags: "06532002", name: "Bischoffen")],
            options: BoundaryImportOptions(level: .municipality, keyProperty: "ags", nameProperty: "name", validFrom: day2025),
            existing: existing, catalogue: catalogue
        )
        #expect(plan.unchangedKeys == ["06532001"])
        #expect(plan.creations.map(\.unit.kind) == ["Stadt/Gemeinde"])
    }

    @Test func areaIsReadInSquareKilometres() throws {
        let options = BoundaryImportOptions(level: .municipality, keyProperty: "ags", nameProperty: "name", areaProperty: "km2", validFrom: day2013)
        let plan = try BoundaryImportPlanner.plan(
            features: [feature(0, ags: "06532001", extra: ["km2": "43,57"]), feature(1, ags: "06532002")],
            options: options, existing: existingCounty, catalogue: catalogue
        )
        #expect(plan.creations.map(\.unit.areaHectares) == [4357, nil])
        do {
            _ = try BoundaryImportPlanner.plan(features: [feature(0, ags: "06532001", extra: ["km2": "-1"])], options: options, existing: existingCounty, catalogue: catalogue)
            Issue.record("expected the import to fail")
        } catch {
            #expect(error.issues.map(\.description) == ["feature 0, property \"km2\", value \"-1\": the area must be a positive number of km² with at most two decimals, e.g. 43.57"])
        }
    }

    @Test func changedBoundaryStartsANewGebietsstandAndClosesTheOldOne() throws {
        let existing = existingWithAsslar()
        let plan = try BoundaryImportPlanner.plan(
            features: [feature(0, ags: "06532001", name: "Aßlar", geometry: Self.square(8.4, size: 0.2), extra: ["kind": "Stadt"])],
            options: options(validFrom: day2025), existing: existing, catalogue: catalogue
        )
        #expect(plan.creations.isEmpty)
        #expect(plan.updates.isEmpty)
        #expect(plan.newStatuses == [BoundaryImportPlan.NewStatus(
            unitKey: "06532001", closedVersionValidFrom: day2013, closedOn: Day(iso: "2024-12-31"),
            boundary: BoundaryVersion(unitKey: "06532001", validFrom: day2025, geometry: Self.square(8.4, size: 0.2))
        )])
    }

    @Test func newGebietsstandMustStartAfterTheCurrentOne() {
        let existing = existingWithAsslar(validFrom: day2025)
        #expect(throws: ImportFailure(issues: [ImportIssue(
            featureIndex: 0, property: "geometry",
            reason: "the boundary differs from the Gebietsstand valid from 2025-01-01; a new Gebietsstand must start later: give --valid-from after that day"
        )])) {
            try BoundaryImportPlanner.plan(
                features: [feature(0, ags: "06532001", name: "Aßlar", geometry: Self.square(8.5), extra: ["kind": "Stadt"])],
                options: options(validFrom: day2013), existing: existing, catalogue: catalogue
            )
        }
    }

    @Test func renamedUnitIsUpdatedWithBeforeAndAfter() throws {
        let existing = existingWithAsslar(name: "Asslar")
        let plan = try BoundaryImportPlanner.plan(
            features: [feature(0, ags: "06532001", name: "Aßlar", extra: ["kind": "Stadt"])],
            options: options(), existing: existing, catalogue: catalogue
        )
        #expect(plan.updates.count == 1)
        #expect(plan.updates[0].before.name == "Asslar")
        #expect(plan.updates[0].after.name == "Aßlar")
        #expect(plan.newStatuses.isEmpty)
    }

    @Test func everyProblemIsReportedWithFeatureAndProperty() {
        let features = [
            feature(0, ags: nil),
            feature(1, ags: "0653201"),
            feature(2, ags: "06532003", name: nil),
            feature(3, ags: "06532004"),
            feature(4, ags: "06532004"),
        ]
        do {
            _ = try BoundaryImportPlanner.plan(features: features, options: options(), existing: existingCounty, catalogue: catalogue)
            Issue.record("expected the import to fail")
        } catch {
            #expect(error.issues.map(\.description) == [
                "feature 0, property \"ags\": the key property is missing or empty",
                "feature 1, property \"ags\", value \"0653201\": key \"0653201\" has 7 characters; a municipality key (AGS) has exactly 8 digits",
                "feature 2, property \"name\": the name property is missing or empty",
                "feature 4, property \"ags\", value \"06532004\": duplicate key: feature 3 has the same key",
            ])
        }
    }

    @Test func explicitParentMustExist() {
        #expect(throws: ImportFailure(issues: [ImportIssue(
            featureIndex: nil, property: "--parent", value: "06532099",
            reason: "no spatial unit has this key; create or import the parent first"
        )])) {
            try BoundaryImportPlanner.plan(
                features: [feature(0, ags: "06532099-01")],
                options: BoundaryImportOptions(level: .planningArea, keyProperty: "ags", nameProperty: "name", parentKey: "06532099", validFrom: day2013),
                existing: existingCounty, catalogue: catalogue
            )
        }
    }

    @Test func parentPropertyMustResolve() {
        do {
            _ = try BoundaryImportPlanner.plan(
                features: [feature(0, ags: "06532001", extra: ["parent": "06999"])],
                options: BoundaryImportOptions(level: .municipality, keyProperty: "ags", nameProperty: "name", parentProperty: "parent", validFrom: day2013),
                existing: existingCounty, catalogue: catalogue
            )
            Issue.record("expected the import to fail")
        } catch {
            #expect(error.issues.first?.description == "feature 0, property \"parent\", value \"06999\": parent key is not known; import or create the parent unit first")
        }
    }

    @Test func keyOfAnotherLevelIsRefused() {
        do {
            _ = try BoundaryImportPlanner.plan(
                features: [feature(0, ags: "06532")],
                options: BoundaryImportOptions(level: .county, keyProperty: "ags", nameProperty: "name", validFrom: day2013),
                existing: ["06532": ExistingUnit(unit: SpatialUnit(key: "06532", name: "X", kind: "Y", levelCode: "municipality"), currentBoundary: nil)],
                catalogue: catalogue
            )
            Issue.record("expected the import to fail")
        } catch {
            #expect(error.issues.map(\.reason) == ["the key belongs to an existing unit of level municipality, not county"])
        }
    }

    @Test func emptyFileIsRefused() {
        #expect(throws: ImportFailure(issues: [ImportIssue(featureIndex: nil, reason: "the file holds no features")])) {
            try BoundaryImportPlanner.plan(features: [], options: options(), existing: [:], catalogue: catalogue)
        }
    }

    @Test func planningAreaDraftIsValidatedAgainstItsMunicipality() throws {
        let wetzlar = SpatialUnit(key: "06532023", name: "Wetzlar", kind: "Stadt", levelCode: "municipality", parentKey: "06532")
        let units = ["06532023": wetzlar, "06532": Self.county]
        let unit = try SpatialUnitDraft(key: "06532023-001", name: " Altstadt ", levelCode: "planning-area", parentKey: "06532023")
            .validated(catalogue: catalogue, existing: { units[$0] })
        #expect(unit == SpatialUnit(key: "06532023-001", name: "Altstadt", kind: "Planungsraum", levelCode: "planning-area", parentKey: "06532023"))

        do {
            _ = try SpatialUnitDraft(key: "06532022-001", name: "", levelCode: "planning-area", parentKey: "06532")
                .validated(catalogue: catalogue, existing: { units[$0] })
            Issue.record("expected the draft to fail")
        } catch {
            #expect(error.issues.map(\.description) == [
                "property \"name\": a name is required",
                "property \"key\", value \"06532022-001\": key \"06532022-001\" does not start with its parent's key \"06532\"",
            ])
        }
    }
}
