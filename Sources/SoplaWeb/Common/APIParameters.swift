import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import Vapor

/// Reading query parameters of the JSON APIs the same way everywhere: whole numbers in a range, area keys, times.
enum APIParameters {
    static func integer(_ req: Request, _ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let raw = try? req.query.get(String.self, at: name) else { return nil }
        guard raw.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(raw), range.contains(value) else {
            throw APIError.badParameter(name, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// Keys are 2, 5 or 8 digits, or 8 digits, a hyphen and a local code.
    static func isWellFormedKey(_ key: String) -> Bool {
        key.wholeMatch(of: /[0-9]{2}([0-9]{3}([0-9]{3}(-[A-Za-z0-9]{1,12})?)?)?/) != nil
    }

    /// An RFC 3339 date-time (`2026-01-31T08:00:00Z`, fractions and any offset of ±hh:mm allowed).
    static func dateTime(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count >= 20, let day = Day(iso: String(text.prefix(10))), chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t") || chars[10] == UInt8(ascii: " ") else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= chars.count else { return nil }
            var value = 0
            for c in chars[from..<(from + length)] {
                guard (48...57).contains(c) else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard let hour = number(11, 2), chars[13] == UInt8(ascii: ":"), let minute = number(14, 2), chars[16] == UInt8(ascii: ":"), let second = number(17, 2),
              hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0.0
        if index < chars.count, chars[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            let start = index
            while index < chars.count, (48...57).contains(chars[index]) { fraction += Double(chars[index] - 48) * scale; scale /= 10; index += 1 }
            guard index > start else { return nil }
        }
        guard index < chars.count else { return nil }
        var offset = 0
        if chars[index] == UInt8(ascii: "Z") || chars[index] == UInt8(ascii: "z") {
            guard index + 1 == chars.count else { return nil }
        } else {
            guard chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-"), index + 6 == chars.count, let h = number(index + 1, 2),
                  chars[index + 3] == UInt8(ascii: ":"), let m = number(index + 4, 2), h < 24, m < 60 else { return nil }
            offset = (h * 3600 + m * 60) * (chars[index] == UInt8(ascii: "+") ? 1 : -1)
        }
        return Date(timeIntervalSince1970: day.startDate.timeIntervalSince1970 + Double(hour * 3600 + minute * 60 + second - offset) + fraction)
    }
}
