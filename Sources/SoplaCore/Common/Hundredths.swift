import Foundation

/// Integer hundredths written as a decimal number: 106630 → "1066.30".
public enum Hundredths {
    public static func format(_ hundredths: Int) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let value = hundredths.magnitude
        return "\(sign)\(value / 100).\(value % 100 < 10 ? "0" : "")\(value % 100)"
    }

    /// Parses "43.57" or "43,57" into 4357; nil for anything with more than two decimals, no number, or a number
    /// whose hundredths do not fit in an Int.
    public static func parse(_ text: String) -> Int? {
        let normalised = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let parts = normalised.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), !parts[0].hasPrefix("+") else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = (Int(digits) ?? 0) * (digits.count == 1 ? 10 : 1)
        }
        let negative = parts[0].hasPrefix("-")
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        let (result, overflowAgain) = scaled.addingReportingOverflow(negative ? -fraction : fraction)
        return overflow || overflowAgain ? nil : result
    }
}
