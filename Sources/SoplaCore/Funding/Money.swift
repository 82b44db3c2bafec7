import Foundation

/// An amount of euros in whole cents. Sums, splits and comparisons stay exact; nothing is ever a floating-point euro.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int

    public init(cents: Int) {
        self.cents = cents
    }

    public init(euros: Int) {
        cents = euros * 100
    }

    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    public var isNegative: Bool { cents < 0 }

    /// "1234.50" — the plain form used in CSV and forms.
    public var plain: String {
        let sign = cents < 0 ? "-" : ""
        let value = abs(cents)
        return sign + String(value / 100) + "." + (value % 100 < 10 ? "0" : "") + String(value % 100)
    }

    public var description: String { plain }

    /// The share `numerator / denominator` of this amount, rounded down to the cent (a grant never rounds up).
    public func share(_ numerator: Int, of denominator: Int) -> Money {
        precondition(denominator > 0)
        let product = cents.multipliedFullWidth(by: numerator)
        let (quotient, _) = denominator.dividingFullWidth(product)
        return Money(cents: quotient)
    }

    /// Splits the amount into parts proportional to `weights` so that the parts add up exactly: every part gets its
    /// share rounded down, and the cents left over go one each to the parts with the largest remainders (earliest
    /// first on ties).
    public func split(weights: [Int]) -> [Money] {
        let total = weights.reduce(0, +)
        guard total > 0, cents >= 0 else { return weights.map { _ in .zero } }
        var parts = weights.map { cents * $0 / total }
        let remainders = weights.enumerated().map { (index: $0.offset, rest: cents * $0.element % total) }
        var left = cents - parts.reduce(0, +)
        for entry in remainders.sorted(by: { ($0.rest, -$0.index) > ($1.rest, -$1.index) }) where left > 0 {
            parts[entry.index] += 1
            left -= 1
        }
        return parts.map { Money(cents: $0) }
    }

    /// Splits the amount by shares given as fractions (of their sum), to the cent, the parts adding up exactly: each
    /// part is its exact share rounded down, and the cents left over go to the largest remainders. Exact shares stay
    /// exact (30,000 € by 2/3 and 1/3 is 20,000 € and 10,000 €: a share that binary arithmetic puts a hair below a
    /// whole cent has the largest remainder and gets its cent back).
    public func split(fractions: [Double]) -> [Money] {
        let total = fractions.reduce(0) { $0 + max(0, $1) }
        guard total > 0, total.isFinite, cents >= 0 else { return fractions.map { _ in .zero } }
        let exact = fractions.map { Double(cents) * max(0, $0) / total }
        var parts = exact.map { Int($0.rounded(.down)) }
        var left = cents - parts.reduce(0, +)
        for index in exact.indices.sorted(by: { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }) where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts.map { Money(cents: $0) }
    }

    /// Why an entered amount cannot be read.
    public enum ParseProblem: Error, Equatable, Sendable {
        case empty
        case notANumber
        case negative
        case moreThanTwoDecimals
    }

    /// Reads an amount as people type it: "1.234,56", "1234,56", "1234.56", "1 234,5", "1.234" (German thousands),
    /// optionally with "€" or "EUR". A comma is the decimal separator; a point is one too only when no comma is
    /// present and one or two digits follow the last point ("1234.5" from a spreadsheet).
    public static func parse(_ text: String) -> Result<Money, ParseProblem> {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for unit in ["EUR", "€", "Euro"] { s = s.replacingOccurrences(of: unit, with: "") }
        s = s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
        guard !s.isEmpty else { return .failure(.empty) }
        if s.hasPrefix("-") || s.hasPrefix("−") { return .failure(.negative) }
        if s.hasPrefix("+") { s.removeFirst() }
        var integerPart: Substring
        var fraction: Substring = ""
        if let comma = s.lastIndex(of: ",") {
            integerPart = s[..<comma]
            fraction = s[s.index(after: comma)...]
            guard !integerPart.contains(",") else { return .failure(.notANumber) }
            guard groupedThousands(integerPart) else { return .failure(.notANumber) }
        } else if let point = s.lastIndex(of: "."), s.filter({ $0 == "." }).count == 1, (1...2).contains(s.distance(from: point, to: s.endIndex) - 1) {
            integerPart = s[..<point]
            fraction = s[s.index(after: point)...]
        } else if let point = s.lastIndex(of: "."), s.distance(from: point, to: s.endIndex) - 1 > 3, s.filter({ $0 == "." }).count == 1 {
            return .failure(.moreThanTwoDecimals)
        } else {
            integerPart = Substring(s)
            guard groupedThousands(integerPart) else { return .failure(.notANumber) }
        }
        let digits = integerPart.replacingOccurrences(of: ".", with: "")
        guard !digits.isEmpty || !fraction.isEmpty, digits.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit) else { return .failure(.notANumber) }
        guard fraction.count <= 2 else { return .failure(.moreThanTwoDecimals) }
        guard digits.count <= 13, let euros = Int(digits.isEmpty ? "0" : digits) else { return .failure(.notANumber) }
        let cents = Int(fraction.isEmpty ? "0" : String(fraction) + (fraction.count == 1 ? "0" : "")) ?? 0
        return .success(Money(cents: euros * 100 + cents))
    }

    /// "1.234.567" groups by three after the first group; a plain digit string is fine too.
    private static func groupedThousands(_ s: Substring) -> Bool {
        guard s.contains(".") else { return true }
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Sequence {
    /// The sum of the amounts the closure picks.
    public func sum(_ amount: (Element) -> Money) -> Money {
        reduce(.zero) { $0 + amount($1) }
    }
}
