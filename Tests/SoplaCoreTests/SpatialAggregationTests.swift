import Testing
@testable import SoplaCore

@Suite("Aggregation and listing")
struct SpatialAggregationTests {
    let d2019 = Day(iso: "2019-12-31")!
    let d2022 = Day(iso: "2022-05-15")!

    func municipality(_ key: String, _ name: String, hectares: Int?, _ p2019: Int?, _ p2022: Int?) -> SpatialUnit {
        var figures: [PopulationFigure] = []
        if let p2019 { figures.append(PopulationFigure(referenceDate: d2019, count: p2019, source: "GV")) }
        if let p2022 { figures.append(PopulationFigure(referenceDate: d2022, count: p2022, source: "Zensus")) }
        return SpatialUnit(key: key, name: name, kind: "Gemeinde", levelCode: "municipality", parentKey: "06532",
                           areaHectares: hectares, populations: figures)
    }

    var county: SpatialUnit { SpatialUnit(key: "06532", name: "Lahn-Dill-Kreis", kind: "Landkreis", levelCode: "county") }

    // Aßlar, Bischoffen, Wetzlar from the official tables.
    var three: [SpatialUnit] {
        [
            municipality("06532001", "Aßlar", hectares: 4357, 13682, 14288),
            municipality("06532002", "Bischoffen", hectares: 3537, 3274, 3211),
            municipality("06532023", "Wetzlar", hectares: 7565, 52955, 53116),
        ]
    }

    @Test func parentGetsSummedPopulationAndArea() {
        let result = SpatialAggregation.withAggregates([county] + three, catalogue: .standard)
        let aggregated = result[0]
        #expect(aggregated.populations == [
            PopulationFigure(referenceDate: d2019, count: 69911, source: "GV"),
            PopulationFigure(referenceDate: d2022, count: 70615, source: "Zensus"),
        ])
        #expect(aggregated.areaHectares == 15459)
        #expect(Array(result.dropFirst()) == three)
    }

    @Test func partialChildFiguresGiveNoParentFigure() {
        var children = three
        children[1] = municipality("06532002", "Bischoffen", hectares: nil, 3274, nil)
        let aggregated = SpatialAggregation.withAggregates([county] + children, catalogue: .standard)[0]
        #expect(aggregated.populations == [PopulationFigure(referenceDate: d2019, count: 69911, source: "GV")])
        #expect(aggregated.areaHectares == nil)
    }

    @Test func ownFiguresOfTheParentAreKept() {
        var own = county
        own.populations = [PopulationFigure(referenceDate: d2022, count: 1, source: "own")]
        let aggregated = SpatialAggregation.withAggregates([own] + three, catalogue: .standard)[0]
        #expect(aggregated.populations == own.populations)
    }

    @Test func densityIsPopulationPerSquareKilometre() {
        // Wetzlar: 53,116 / 75.65 km² = 702.13…
        let density = SpatialUnitListing.density(three[2])!
        #expect(abs(density - 702.1282220753470) < 1e-9)
    }

    @Test func searchIgnoresCaseAndUmlautSpelling() {
        let page = SpatialUnitListing.list(three, query: SpatialUnitQuery(search: "ASSLAR"))
        #expect(page.items.map(\.name) == ["Aßlar"])
        #expect(SpatialUnitListing.list(three, query: SpatialUnitQuery(search: "06532023")).items.map(\.name) == ["Wetzlar"])
        #expect(SpatialUnitListing.list(three, query: SpatialUnitQuery(search: "xyz")).total == 0)
    }

    @Test func sortsByPopulationDescendingAndPages() {
        let page = SpatialUnitListing.list(three, query: SpatialUnitQuery(sort: .population, descending: true, page: 1, perPage: 2))
        #expect(page.items.map(\.name) == ["Wetzlar", "Aßlar"])
        #expect(page.total == 3)
        #expect(page.pageCount == 2)
        #expect(page.hasNext)
        let second = SpatialUnitListing.list(three, query: SpatialUnitQuery(sort: .population, descending: true, page: 2, perPage: 2))
        #expect(second.items.map(\.name) == ["Bischoffen"])
        #expect(!second.hasNext)
        let beyond = SpatialUnitListing.list(three, query: SpatialUnitQuery(page: 9, perPage: 2))
        #expect(beyond.items.isEmpty)
    }

    @Test func sortsNamesInGermanOrder() {
        let units = [
            municipality("1", "Ehringshausen", hectares: nil, nil, nil),
            municipality("2", "Aßlar", hectares: nil, nil, nil),
            municipality("3", "Äpfelbach", hectares: nil, nil, nil),
        ]
        #expect(SpatialUnitListing.list(units, query: SpatialUnitQuery(sort: .name)).items.map(\.name) == ["Äpfelbach", "Aßlar", "Ehringshausen"])
    }

    @Test func missingValuesSortLast() {
        var units = three
        units.append(municipality("06532099", "Ohne", hectares: nil, nil, nil))
        #expect(SpatialUnitListing.list(units, query: SpatialUnitQuery(sort: .area)).items.last?.name == "Ohne")
        #expect(SpatialUnitListing.list(units, query: SpatialUnitQuery(sort: .area, descending: true)).items.first?.name == "Wetzlar")
    }

    @Test func filtersByLevelAndParent() {
        let all = [county] + three
        #expect(SpatialUnitListing.list(all, query: SpatialUnitQuery(levelCode: "county")).items.map(\.key) == ["06532"])
        #expect(SpatialUnitListing.list(all, query: SpatialUnitQuery(parentKey: "06532")).total == 3)
    }
}
