import Foundation
import Testing
@testable import SoplaCore

@Suite("Services: coverage, distance, duplicates")
struct ServicesTests {
    let org = UUID()
    let a = Position(lon: 8.0, lat: 51.0)
    let c = Position(lon: 8.0, lat: 50.0)

    func service(_ name: String, _ category: String = "schwangerschaftsberatung", fte: Double, area: Set<String>, at point: Position? = nil,
                 status: ServiceStatus = .active, target: TargetGroup = TargetGroup(), preventive: Bool = false) -> Service {
        Service(id: UUID(), organisationID: org, name: name, categoryCode: category, targetGroup: target, preventive: preventive, status: status,
                locations: point.map { [ServiceLocation(id: UUID(), point: $0)] } ?? [], serviceArea: area, capacity: Capacity(fte: ["Beratung": fte]))
    }

    @Test func haversineOfOneDegreeOfLatitude() {
        // On the mean sphere (r = 6371.0088 km) one degree along a meridian is r·π/180 = 111.19508 km.
        #expect(abs(Distance.km(a, c) - 111.195_08) < 1e-4)
        #expect(Distance.km(a, a) == 0)
        // 0.014° of longitude at 50° N: 0.014 · 111.19508 · cos 50° = 1.00065 km.
        #expect(abs(Distance.km(c, Position(lon: 8.014, lat: 50.0)) - 1.000_65) < 1e-4)
    }

    @Test func configuredWeightsReplaceThePopulationSplit() throws {
        // S1 (2.0 FTE for A and B) with weights A 1, B 3: A gets 0.5, B 1.5 — by population it would be 1.5 and 0.5.
        var s1 = service("S1", fte: 2.0, area: ["A", "B"])
        s1.areaShares = ["A": 1, "B": 3]
        let result = CoverageAnalysis.analyse(services: [s1], standard: .pregnancyCounselling, units: [("A", 30_000, nil), ("B", 10_000, nil)], totalKey: "K")
        #expect(result.rows.map(\.supply) == [0.5, 1.5])
        #expect(result.rows.map(\.gap) == [0.25, 0])
        // A weight for a unit outside the area is refused by name.
        s1.areaShares = ["A": 1, "Z": 2]
        #expect(throws: ValidationFailure([ValidationIssue("areaShares", .unknownValue("Z: 2.0"))])) {
            try s1.validated(categories: ["schwangerschaftsberatung"], unitKeys: ["A", "B", "Z"])
        }
    }

    @Test func coverageSplitsCapacityByPopulationShare() {
        // One counsellor per 40,000: A (30,000) needs 0.75, B (10,000) 0.25, C (40,000) 1.0 FTE.
        // S1 (1.0 FTE for A and B) gives A 0.75 and B 0.25; S2 (0.5 FTE) gives C 0.5; the closed S3 counts nothing.
        let s1 = service("S1", fte: 1.0, area: ["A", "B"], at: c)
        let s2 = service("S2", fte: 0.5, area: ["C"], at: c)
        let s3 = service("S3", fte: 2.0, area: ["C"], status: .temporarilyClosed)
        let result = CoverageAnalysis.analyse(services: [s1, s2, s3], standard: .pregnancyCounselling,
                                              units: [("A", 30_000, a), ("B", 10_000, nil), ("C", 40_000, c)], totalKey: "K")
        #expect(result.rows.map(\.supply) == [0.75, 0.25, 0.5])
        #expect(result.rows.map(\.need) == [0.75, 0.25, 1.0])
        #expect(result.rows.map(\.ratio) == [1.0, 1.0, 0.5])
        #expect(result.rows.map(\.gap) == [0, 0, 0.5])
        #expect(result.gaps.map(\.unitKey) == ["C"])
        #expect(result.total.population == 80_000 && result.total.supply == 1.5 && result.total.need == 2.0 && result.total.gap == 0.5)
        // Nearest service: both are in C's centre; from A that is one degree of latitude away.
        #expect(abs((result.rows[0].nearestKm ?? 0) - 111.195_08) < 1e-4)
        #expect(result.rows[1].nearestKm == nil)
        #expect(result.rows[2].nearestKm == 0)
    }

    @Test func duplicatesAreScoredOnlyWithinCategoryAreaAndTargetGroup() throws {
        let adults = TargetGroup(minAge: 18)
        let near = Position(lon: 8.014, lat: 50.0)
        let s1 = service("Schuldnerberatung Herborn", "schuldnerberatung", fte: 1, area: ["A", "B"], at: c, target: adults)
        let s4 = service("Schuldnerberatung Sinn", "schuldnerberatung", fte: 1, area: ["B", "C"], at: near, target: adults)
        let youth = service("Jugendschuldnerberatung", "schuldnerberatung", fte: 1, area: ["A", "B"], at: c, target: TargetGroup(minAge: 14, maxAge: 17))
        let other = service("Suchtberatung", "suchtberatung", fte: 1, area: ["A", "B"], at: c, target: adults)
        let found = DuplicateDetection.candidates([s1, s4, youth, other])
        #expect(found.count == 1)
        let pair = try #require(found.first)
        #expect(Set([pair.first, pair.second]) == [s1.id, s4.id])
        #expect(pair.sharedUnits == ["B"])
        // Jaccard 1/3, target groups overlap, 1.0 km apart (full nearness): 0.5/3 + 0.2 + 0.3 = 0.6667.
        #expect(abs(pair.areaOverlap - 1.0 / 3) < 1e-12)
        #expect(abs(pair.score - (0.5 / 3 + 0.5)) < 1e-9)
        #expect(abs((pair.distanceKm ?? 0) - 1.000_65) < 1e-4)
        #expect(DuplicateDetection.pair(s1, youth) == nil)
    }

    @Test func preventiveShareOfCapacity() {
        let services = [service("P", "familienzentrum", fte: 1.5, area: ["A"], preventive: true), service("Q", "familienzentrum", fte: 0.5, area: ["A"]),
                        service("R", "suchtberatung", fte: 0, area: ["A"])]
        #expect(CoverageAnalysis.preventiveShare(services) == ["familienzentrum": 0.75])
    }

    @Test func badInputIsNamedByField() {
        var bad = service("", "unbekannt", fte: -1, area: ["X"], at: Position(lon: 2.35, lat: 48.86))
        bad.openingHours = [OpeningHours(weekday: 1, opens: 540, closes: 720), OpeningHours(weekday: 1, opens: 690, closes: 900), OpeningHours(weekday: 8, opens: 0, closes: 60)]
        #expect(throws: ValidationFailure([
            ValidationIssue("name", .required), ValidationIssue("category", .unknownValue("unbekannt")), ValidationIssue("serviceArea", .unknownValue("X")),
            ValidationIssue("fte", .outOfRange(.fte)), ValidationIssue("location", .unknownValue("48.86000, 2.35000")),
            ValidationIssue("openingHours", .unknownValue("8 0–60")), ValidationIssue("openingHours", .unknownValue("1 540–720 / 690–900")),
        ])) {
            try bad.validated(categories: Set(ServiceCategory.seed.map(\.code)), unitKeys: ["A"])
        }
        #expect(OpeningHours.problems([OpeningHours(weekday: 2, opens: 540, closes: 720), OpeningHours(weekday: 2, opens: 720, closes: 900)]).isEmpty)
    }
}

@Suite("Services: inventory survey")
struct InventorySurveyTests {
    let org = UUID()

    @Test func proposalShowsTheChangedFieldsAndNoticesAStaleBase() {
        let base = Service(id: UUID(), organisationID: org, name: "Schuldnerberatung Herborn", categoryCode: "schuldnerberatung",
                           openingHours: [OpeningHours(weekday: 1, opens: 540, closes: 720)], serviceArea: ["06532011"],
                           capacity: Capacity(fte: ["Sozialarbeit": 1.0]))
        var proposed = base
        proposed.openingHours.append(OpeningHours(weekday: 3, opens: 840, closes: 1020))
        proposed.capacity.fte["Sozialarbeit"] = 1.5
        let proposal = ServiceProposal(id: UUID(), roundID: nil, serviceID: base.id, base: base, proposed: proposed, proposedBy: "Tina Träger",
                                       proposedAt: Date(timeIntervalSince1970: 0))
        #expect(proposal.diff == [
            FieldChange(field: "fte.Sozialarbeit", before: "1.00", after: "1.50"),
            FieldChange(field: "openingHours", before: "Mo 09:00–12:00", after: "Mo 09:00–12:00, Mi 14:00–17:00"),
        ])
        #expect(!proposal.isStale(current: base))
        var changedMeanwhile = base
        changedMeanwhile.phone = "02772 1"
        #expect(proposal.isStale(current: changedMeanwhile))
    }

    @Test func roundListsWhoHasNotAnswered() throws {
        let (a, b, c) = (UUID(), UUID(), UUID())
        let round = SurveyRound(id: UUID(), title: "Bestandserhebung 2026", opensOn: Day(iso: "2026-01-05")!, deadline: Day(iso: "2026-02-27")!, organisations: [a, b, c])
        #expect(Set(round.missing(answeredBy: [b])) == [a, c])
        #expect(!round.isOverdue(on: Day(iso: "2026-02-27")!))
        #expect(round.isOverdue(on: Day(iso: "2026-02-28")!))
        var bad = round
        bad.title = " "
        bad.deadline = Day(iso: "2025-12-31")!
        bad.organisations = []
        #expect(throws: ValidationFailure([ValidationIssue("title", .required), ValidationIssue("deadline", .endBeforeStart), ValidationIssue("organisations", .required)])) {
            try bad.validated()
        }
    }
}

@Suite("Services: form text")
struct ServiceEntryTests {
    @Test func readsOpeningHoursAndNamesBadLines() {
        let (hours, issues) = ServiceEntry.openingHours("Mo 09:00-12:00\nDienstag 14–18:30\n\nFr 9-\nXy 10-11")
        #expect(hours == [OpeningHours(weekday: 1, opens: 540, closes: 720), OpeningHours(weekday: 2, opens: 840, closes: 1110)])
        #expect(issues.map(\.problem) == [.inLine(line: 4, problem: .unreadableTime("Fr 9-")), .inLine(line: 5, problem: .unknownWeekday("Xy 10-11"))])
        #expect(ServiceEntry.openingHoursText(hours) == "Mo 09:00–12:00\nDi 14:00–18:30")
    }

    @Test("Opening hours in the forms people write them", arguments: [
        ("Mo–Fr 9–12 Uhr", (1...5).map { OpeningHours(weekday: $0, opens: 540, closes: 720) }),
        ("Mo, Mi 14:00–16:00", [1, 3].map { OpeningHours(weekday: $0, opens: 840, closes: 960) }),
        ("Montag bis Donnerstag 9.00 - 12.30 und 14 - 16 Uhr", (1...4).map { OpeningHours(weekday: $0, opens: 540, closes: 750) }
            + (1...4).map { OpeningHours(weekday: $0, opens: 840, closes: 960) }),
        ("Di. 8h-10h; Sa 10-12", [OpeningHours(weekday: 2, opens: 480, closes: 600), OpeningHours(weekday: 6, opens: 600, closes: 720)]),
        ("täglich 8–20 Uhr", (1...7).map { OpeningHours(weekday: $0, opens: 480, closes: 1200) }),
        ("Sonnabend 10:00-12:00", [OpeningHours(weekday: 6, opens: 600, closes: 720)]),
        ("werktags 7:30 bis 9 Uhr", (1...5).map { OpeningHours(weekday: $0, opens: 450, closes: 540) }),
        ("Fr–Mo 9–12", [5, 6, 7, 1].map { OpeningHours(weekday: $0, opens: 540, closes: 720) }),
    ])
    func commonForms(text: String, expected: [OpeningHours]) {
        let (hours, issues) = ServiceEntry.openingHours(text)
        #expect(issues.isEmpty)
        #expect(hours == expected)
    }

    @Test("Opening hours that cannot be read are named with their line and what is wrong")
    func unreadableHours() {
        let (hours, issues) = ServiceEntry.openingHours("Mo-Fr 9-12\n9-12\nMo 25:00-26:00\nMi 14–9 Uhr\nnach Vereinbarung\nMx 9-12")
        #expect(hours.count == 5)
        #expect(issues.map(\.problem) == [.inLine(line: 2, problem: .unknownWeekday("9-12")), .inLine(line: 3, problem: .unreadableTime("Mo 25:00-26:00")),
                                          .inLine(line: 4, problem: .closesBeforeOpens("Mi 14–9 Uhr")), .inLine(line: 5, problem: .noTimes("nach Vereinbarung")),
                                          .inLine(line: 6, problem: .unknownWeekday("Mx 9-12"))])
        #expect(issues.allSatisfy { $0.field == "openingHours" })
    }

    @Test func readsStaffWithDecimalComma() {
        let (fte, issues) = ServiceEntry.staff("Sozialarbeit: 1,5\nPsychologie: 0.75\nVerwaltung 2")
        #expect(fte == ["Sozialarbeit": 1.5, "Psychologie": 0.75])
        #expect(issues.map(\.problem) == [.unknownValue("Verwaltung 2")])
        #expect(ServiceEntry.staffText(fte) == "Psychologie: 0,75\nSozialarbeit: 1,50")
    }

    @Test func overlappingOpeningHoursAreNamed() {
        let problems = OpeningHours.problems([OpeningHours(weekday: 3, opens: 540, closes: 720), OpeningHours(weekday: 3, opens: 700, closes: 800)])
        #expect(problems.count == 1)
    }
}

@Suite("Services: nearest service")
struct NearestPointsTests {
    @Test func sweepFindsTheSameNearestAsComparingAll() {
        var generator = SystemRandomNumberGenerator()
        let points = (0..<400).map { _ in (UUID(), Position(lon: Double.random(in: 6...15, using: &generator), lat: Double.random(in: 47...55, using: &generator))) }
        let index = NearestPoints(points)
        for _ in 0..<200 {
            let place = Position(lon: Double.random(in: 6...15, using: &generator), lat: Double.random(in: 47...55, using: &generator))
            let brute = points.map { Distance.km(place, $0.1) }.min()!
            #expect(abs(index.nearest(to: place)!.1 - brute) < 1e-9)
        }
        #expect(NearestPoints([]).nearest(to: Position(lon: 8, lat: 50)) == nil)
    }
}
