import Testing
@testable import SoplaCore

/// Planning-area files number their areas; a refreshing import (the demo) leaves boundaries changed since alone.
@Suite("Planning-area keys and later boundaries in an import")
struct PlanningAreaImportTests {
    let catalogue = SpatialLevelCatalogue.standard
    let day2013 = Day(iso: "2013-01-01")!
    let day2025 = Day(iso: "2025-01-01")!
    static let wetzlar = SpatialUnit(key: "06532023", name: "Wetzlar", kind: "Stadt", levelCode: "municipality", parentKey: "06532")

    func feature(_ index: Int, id: String, name: String = "Altstadt", lon: Double = 8.49) -> BoundaryFeature {
        BoundaryFeature(index: index, properties: ["id": id, "name": name], geometry: BoundaryImportPlannerTests.square(lon, size: 0.02))
    }

    @Test func aLocalCodeBecomesAKeyBelowTheParent() throws {
        let options = BoundaryImportOptions(level: .planningArea, keyProperty: "id", nameProperty: "name", parentKey: "06532023", validFrom: day2025)
        let existing = ["06532023": ExistingUnit(unit: Self.wetzlar, currentBoundary: nil)]
        let plan = try BoundaryImportPlanner.plan(features: [feature(0, id: "1"), feature(1, id: "06532023-2", name: "Niedergirmes", lon: 8.47)],
                                                  options: options, existing: existing, catalogue: catalogue)
        #expect(plan.creations.map(\.unit.key) == ["06532023-1", "06532023-2"])
        #expect(plan.creations.map(\.unit.parentKey) == ["06532023", "06532023"])
        #expect(plan.creations.map(\.unit.kind) == ["Planungsraum", "Planungsraum"])
        #expect(throws: ImportFailure(issues: [ImportIssue(featureIndex: 0, property: "id", value: "06532023-Nord Ost",
                                                           reason: SpatialKeyError.badLocalCode(key: "06532023-Nord Ost").description)])) {
            try BoundaryImportPlanner.plan(features: [feature(0, id: "Nord Ost")], options: options, existing: existing, catalogue: catalogue)
        }
    }

    @Test func aRefreshKeepsABoundaryChangedSince() throws {
        let current = BoundaryVersion(unitKey: "06532023", validFrom: day2025, geometry: BoundaryImportPlannerTests.square(8.5))
        let existing = ["06532": ExistingUnit(unit: BoundaryImportPlannerTests.county, currentBoundary: nil),
                        "06532023": ExistingUnit(unit: Self.wetzlar, currentBoundary: current)]
        let old = BoundaryFeature(index: 0, properties: ["ags": "06532023", "name": "Wetzlar", "kind": "Stadt"], geometry: BoundaryImportPlannerTests.square(8.4))
        var options = BoundaryImportOptions(level: .municipality, keyProperty: "ags", nameProperty: "name", kindProperty: "kind", validFrom: day2013)
        // Without the option the import stops, naming the Gebietsstand that differs.
        #expect(throws: ImportFailure.self) { try BoundaryImportPlanner.plan(features: [old], options: options, existing: existing, catalogue: catalogue) }
        options.keepsLaterBoundaries = true
        let plan = try BoundaryImportPlanner.plan(features: [old], options: options, existing: existing, catalogue: catalogue)
        #expect(plan.newStatuses.isEmpty && plan.creations.isEmpty && plan.updates.isEmpty)
        #expect(plan.unchangedKeys == ["06532023"])
    }
}
