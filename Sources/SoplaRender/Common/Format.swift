import Foundation
import SoplaCore

/// Numbers and dates as German or English readers expect them, independent of the server's locale.
public enum Format {
    public static func integer(_ value: Int, _ language: Language) -> String {
        let separator = language == .de ? "." : ","
        let digits = String(abs(value))
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return (value < 0 ? "−" : "") + groups.joined(separator: separator)
    }

    /// Integer hundredths as a number with two decimals: 106630 → "1.066,30" (de) or "1,066.30" (en).
    public static func hundredths(_ value: Int, _ language: Language) -> String {
        let whole = integer(value / 100, language)
        let fraction = String(format: "%02d", abs(value % 100))
        return whole + (language == .de ? "," : ".") + fraction
    }

    public static func decimal(_ value: Double, digits: Int, _ language: Language) -> String {
        let factor = pow(10.0, Double(digits))
        let scaled = Int((value * factor).rounded())
        // The sign goes in front of the whole number, so −0,5 keeps it although its whole part is 0.
        let whole = (scaled < 0 ? "−" : "") + integer(abs(scaled) / Int(factor), language)
        guard digits > 0 else { return whole }
        let fraction = String(format: "%0\(digits)d", abs(scaled) % Int(factor))
        return whole + (language == .de ? "," : ".") + fraction
    }

    /// An amount of money: "1.234,56 €" (de) or "€1,234.56" (en).
    public static func money(_ amount: Money, _ language: Language) -> String {
        let number = (amount.isNegative ? "−" : "") + hundredths(abs(amount.cents), language)
        return language == .de ? number + "\u{00A0}€" : "€" + number
    }

    public static func day(_ day: Day, _ language: Language) -> String {
        language == .de ? day.german : day.iso
    }
}
