import Foundation

/// A calendar day without time zone, as official statistics and Gebietsstände use them
/// ("Stand 31.12.2019"). Stored and exchanged as ISO 8601 `yyyy-MM-dd`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd`; nil for anything else, including impossible dates like 2023-02-30.
    public init?(iso string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Years a day typed into a form may have: a typing error like "0202" or "20266" is refused, not stored.
    public static let plausibleYears = 1900...2100

    /// A day as typed into a form: `yyyy-MM-dd` (what date inputs send) or `dd.MM.yyyy`, in 1900 … 2100.
    public init?(input: String) {
        let text = input.trimmingCharacters(in: .whitespaces)
        var parsed = Day(iso: text)
        if parsed == nil {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
               parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
                parsed = Day(year: y, month: m, day: d)
            }
        }
        guard let parsed, Day.plausibleYears.contains(parsed.year) else { return nil }
        self = parsed
    }

    /// The day in UTC on which `date` falls (proleptic Gregorian calendar, computed without
    /// a Calendar because servers ask for it on every request).
    public init(_ date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public var iso: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// German notation, as on official tables: 31.12.2019.
    public var german: String {
        Self.pad(day, 2) + "." + Self.pad(month, 2) + "." + Self.pad(year, 4)
    }

    /// Zero-padded decimal digits; cheaper than String(format:), which servers feel per request.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public var description: String { iso }

    /// Midnight UTC at the start of the day.
    public var startDate: Date {
        // Days since 1970-01-01 from the civil date (H. Hinnant's algorithm, inverse of `init(_ date:)`).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }

    /// The previous calendar day.
    public var previous: Day {
        if day > 1 { return Day(year: year, month: month, day: day - 1)! }
        if month > 1 {
            return Day(year: year, month: month - 1, day: Day.daysInMonth(year: year, month: month - 1))!
        }
        // The first day there is (0001-01-01, from a boundary file's "valid from") has none before it: itself.
        return Day(year: year - 1, month: 12, day: 31) ?? self
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let day = Day(iso: string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date yyyy-MM-dd, got \(string)")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// The source of "now" for domain logic, so tests can fix it.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public static let system = Clock(now: { Date() })

    public static func fixed(_ date: Date) -> Clock {
        Clock(now: { date })
    }

    public var today: Day { Day(now()) }
}
