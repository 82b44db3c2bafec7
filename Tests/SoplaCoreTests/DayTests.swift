import Foundation
import Testing
@testable import SoplaCore

@Suite("Day")
struct DayTests {
    @Test func parsesAndFormatsISODates() {
        let day = Day(iso: "2022-05-15")
        #expect(day == Day(year: 2022, month: 5, day: 15))
        #expect(day?.iso == "2022-05-15")
        #expect(day?.german == "15.05.2022")
    }

    @Test(arguments: ["2023-02-29", "2022-13-01", "2022-5-15", "15.05.2022", "", "2022-05-15T00:00:00Z", "２０２２-05-15"])
    func rejectsImpossibleOrMalformedDates(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "1900-02-29") == nil)
    }

    @Test(arguments: [
        (0.0, "1970-01-01"), (-1.0, "1969-12-31"), (951_782_400.0, "2000-02-29"), (1_709_164_800.0, "2024-02-29"),
        (1_735_689_599.0, "2024-12-31"), (1_735_689_600.0, "2025-01-01"), (-2_208_988_800.0, "1900-01-01"),
    ])
    func dayOfTimestampsAcrossLeapYearsAndEpoch(_ seconds: Double, _ expected: String) {
        #expect(Day(Date(timeIntervalSince1970: seconds)).iso == expected)
    }

    @Test func previousDayCrossesMonthAndYear() {
        #expect(Day(iso: "2025-01-01")!.previous == Day(iso: "2024-12-31"))
        #expect(Day(iso: "2024-03-01")!.previous == Day(iso: "2024-02-29"))
        #expect(Day(iso: "2023-05-10")!.previous == Day(iso: "2023-05-09"))
    }

    @Test func dayOfADateIsTakenInUTC() {
        // 2022-05-15 23:30 UTC
        let date = Date(timeIntervalSince1970: 1_652_657_400)
        #expect(Day(date).iso == "2022-05-15")
        #expect(Clock.fixed(date).today.iso == "2022-05-15")
    }
}

@Suite("Days typed into forms")
struct DayInputTests {
    @Test("A typed day is read as ISO or German, within 1900 … 2100", arguments: [
        ("2026-03-31", Day(year: 2026, month: 3, day: 31)), ("31.03.2026", Day(year: 2026, month: 3, day: 31)), ("1.4.2026", Day(year: 2026, month: 4, day: 1)),
        (" 1900-01-01 ", Day(year: 1900, month: 1, day: 1)), ("2100-12-31", Day(year: 2100, month: 12, day: 31)),
        ("1899-12-31", nil), ("2101-01-01", nil), ("0202-05-01", nil), ("20266-01-01", nil), ("31.02.2026", nil), ("2026-02-30", nil),
        ("31.03.26", nil), ("heute", nil), ("", nil),
    ])
    func input(text: String, expected: Day?) {
        #expect(Day(input: text) == expected)
    }
}

@Suite("Gebietsstand validity")
struct BoundaryVersionTests {
    @Test func validFromAndToAreInclusive() {
        let geometry = MultiPolygon(polygons: [])
        let closed = BoundaryVersion(unitKey: "06532001", validFrom: Day(iso: "2013-01-01")!, validTo: Day(iso: "2024-12-31")!, geometry: geometry)
        #expect(!closed.isValid(on: Day(iso: "2012-12-31")!))
        #expect(closed.isValid(on: Day(iso: "2013-01-01")!))
        #expect(closed.isValid(on: Day(iso: "2024-12-31")!))
        #expect(!closed.isValid(on: Day(iso: "2025-01-01")!))
        let open = BoundaryVersion(unitKey: "06532001", validFrom: Day(iso: "2025-01-01")!, geometry: geometry)
        #expect(open.isValid(on: Day(iso: "2999-12-31")!))
    }
}
