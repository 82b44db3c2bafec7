import Foundation
import SoplaCore

/// Cell values as German spreadsheets read them: decimal comma, no thousands separator, no padding
/// (`2698`, not `2698.000`), dates as `31.12.2024`, yes and no as `ja` and `nein`.
public enum GermanCSV {
    /// A number with at most `decimals` decimals and no trailing zeros: `2698`, `-2,5`, `0,125`. Empty for nil,
    /// infinity and NaN.
    public static func number(_ value: Double?, decimals: Int = 6) -> String {
        guard let value, value.isFinite else { return "" }
        var text = String(format: "%.\(max(0, min(decimals, 15)))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// A whole number: `2698`. Empty for nil.
    public static func integer(_ value: Int?) -> String {
        value.map { String($0) } ?? ""
    }

    /// Euros with two decimals, as money is written: `1234,50`. Empty for nil.
    public static func euros(_ money: Money?) -> String {
        money.map { $0.plain.replacingOccurrences(of: ".", with: ",") } ?? ""
    }

    /// A day: `31.12.2024`. Empty for nil.
    public static func day(_ day: Day?) -> String {
        guard let day else { return "" }
        return String(format: "%02d.%02d.%04d", day.day, day.month, day.year)
    }

    /// A moment in local time (Europe/Berlin) to the second: `31.12.2024 14:05:09`. Empty for nil.
    public static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%02d.%02d.%04d %02d:%02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    static let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 0)!

    /// `ja` or `nein`.
    public static func yesNo(_ value: Bool) -> String {
        value ? "ja" : "nein"
    }
}
