import Foundation
import SoplaCore

/// Numbers and dates as German or English readers expect them, independent of the server's locale.
public enum Format {
    /// What a number that cannot be shown (not finite) reads as, everywhere.
    public static let unavailable = "–"

    public static func integer(_ value: Int, _ language: Language) -> String {
        // `magnitude` rather than `abs`, which traps for Int.min.
        (value < 0 ? "−" : "") + grouped(String(value.magnitude), language)
    }

    /// "1234567" → "1.234.567" (de) or "1,234,567" (en).
    static func grouped(_ digits: String, _ language: Language) -> String {
        let separator = language == .de ? "." : ","
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return groups.joined(separator: separator)
    }

    /// Integer hundredths as a number with two decimals: 106630 → "1.066,30" (de) or "1,066.30" (en).
    public static func hundredths(_ value: Int, _ language: Language) -> String {
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return (value < 0 ? "−" : "") + grouped(String(magnitude / 100), language) + (language == .de ? "," : ".") + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// A decimal number rounded to `digits` places. Never traps: a value that is not finite reads as `unavailable`,
    /// one of 2^53 or more in scientific notation, "1,0e+308".
    public static func decimal(_ value: Double, digits: Int, _ language: Language) -> String {
        guard value.isFinite else { return unavailable }
        // Decimals a Double cannot hold exactly are dropped (a value near 10^15 shows fewer); beyond that, scientific.
        var digits = min(max(digits, 0), 6)
        while digits > 0, (value.magnitude * pow(10.0, Double(digits))).rounded() >= 9_007_199_254_740_992 { digits -= 1 }
        let factor = pow(10.0, Double(digits))
        let scaled = (value.magnitude * factor).rounded()
        guard scaled < 9_007_199_254_740_992 else {
            let text = String(format: "%.1e", value.magnitude)
            return (value < 0 ? "−" : "") + (language == .de ? text.replacingOccurrences(of: ".", with: ",") : text)
        }
        let whole = UInt64(scaled) / UInt64(factor), fraction = UInt64(scaled) % UInt64(factor)
        // The sign goes in front of the whole number, so −0,5 keeps it although its whole part is 0; −0,0 has none.
        let sign = value < 0 && scaled > 0 ? "−" : ""
        guard digits > 0 else { return sign + grouped(String(whole), language) }
        let fractionText = String(fraction)
        return sign + grouped(String(whole), language) + (language == .de ? "," : ".") + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    /// A whole number from a floating value (a count, a population); `unavailable` when not finite, and the
    /// `decimal` rendering when beyond what an Int holds exactly.
    public static func rounded(_ value: Double, _ language: Language) -> String {
        decimal(value, digits: 0, language)
    }

    /// A floating value as an Int for drawing (bar lengths), never trapping: 0 when not finite, else rounded and
    /// clamped to ±10^15.
    public static func clampedInt(_ value: Double) -> Int {
        Plausible.clampedInt(value)
    }

    /// An amount of money: "1.234,56 €" (de) or "€1,234.56" (en).
    public static func money(_ amount: Money, _ language: Language) -> String {
        let number = hundredths(amount.cents, language)
        return language == .de ? number + "\u{00A0}€" : "€" + number
    }

    public static func day(_ day: Day, _ language: Language) -> String {
        language == .de ? day.german : day.iso
    }
}
