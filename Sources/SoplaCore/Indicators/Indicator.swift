import Foundation

/// The topics of the social report.
public enum IndicatorTopic: String, Codable, CaseIterable, Sendable {
    case population, poverty, upbringing, education, childcare, employment, housing, participation
}

/// Whether a higher value is good news, bad news or neither; rankings and arrows follow it.
public enum Polarity: String, Codable, CaseIterable, Sendable {
    case higherIsBetter = "higher-is-better"
    case higherIsWorse = "higher-is-worse"
    case neutral
}

/// One variable in a numerator or denominator, restricted to one breakdown (the total if none).
public struct IndicatorTerm: Hashable, Sendable, Codable, CustomStringConvertible {
    public let variable: String
    public let breakdown: Breakdown

    public init(variable: String, breakdown: Breakdown = .total) {
        self.variable = variable
        self.breakdown = breakdown
    }

    /// `variable` or `variable[dimension=category;…]`.
    public var description: String {
        breakdown.isTotal ? variable : "\(variable)[\(breakdown.canonical)]"
    }

    /// Parses terms joined by "+": `sgb2_u18 + sgb2_u18[sex=female]`.
    public static func parseSum(_ text: String) -> [IndicatorTerm]? {
        let parts = text.split(separator: "+", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { return nil }
        var terms: [IndicatorTerm] = []
        for part in parts {
            guard !part.isEmpty else { return nil }
            if let open = part.firstIndex(of: "[") {
                guard part.hasSuffix("]") else { return nil }
                let variable = String(part[..<open]).trimmingCharacters(in: .whitespaces)
                let inner = String(part[part.index(after: open)..<part.index(before: part.endIndex)]).replacingOccurrences(of: ",", with: ";")
                guard Variable.isValidCode(variable), let breakdown = Breakdown(canonical: inner) else { return nil }
                terms.append(IndicatorTerm(variable: variable, breakdown: breakdown))
            } else {
                guard Variable.isValidCode(part) else { return nil }
                terms.append(IndicatorTerm(variable: part))
            }
        }
        return terms
    }

    public static func text(_ terms: [IndicatorTerm]) -> String {
        terms.map(\.description).joined(separator: " + ")
    }
}

/// An indicator: numerator / denominator × factor, computed from the variables — never stored as truth.
/// Without a denominator it shows its numerator variable as it is.
public struct Indicator: Hashable, Sendable, Codable {
    public var code: String
    public var nameDE: String
    public var nameEN: String
    public var definitionDE: String
    public var definitionEN: String
    public var topic: IndicatorTopic
    public var numerator: [IndicatorTerm]
    public var denominator: [IndicatorTerm]
    /// 1, 100 (per cent) or 1000 (per thousand).
    public var factor: Double
    public var polarity: Polarity
    public var decimals: Int
    /// Smallest numerator count published, if stricter than the variables' own minimum.
    public var minimumCount: Int?
    /// Level codes where the indicator is valid; empty = all levels.
    public var levels: [String]
    /// Only published indicators appear in public outputs; the admin form creates drafts, the seed and older rows are published.
    public var state: CatalogueState

    public init(code: String, nameDE: String, nameEN: String, definitionDE: String = "", definitionEN: String = "", topic: IndicatorTopic,
                numerator: [IndicatorTerm], denominator: [IndicatorTerm] = [], factor: Double = 1, polarity: Polarity = .neutral,
                decimals: Int = 1, minimumCount: Int? = nil, levels: [String] = [], state: CatalogueState = .published) {
        self.code = code
        self.nameDE = nameDE
        self.nameEN = nameEN
        self.definitionDE = definitionDE
        self.definitionEN = definitionEN
        self.topic = topic
        self.numerator = numerator
        self.denominator = denominator
        self.factor = factor
        self.polarity = polarity
        self.decimals = decimals
        self.minimumCount = minimumCount
        self.levels = levels
        self.state = state
    }

    public var isPublished: Bool { state == .published }

    public var isRate: Bool { !denominator.isEmpty }
    /// A share in per cent: differences between two dates are percentage points.
    public var isPercentage: Bool { isRate && factor == 100 }
    public var variables: Set<String> { Set((numerator + denominator).map(\.variable)) }

    public func name(_ german: Bool) -> String { german ? nameDE : nameEN }
    public func definition(_ german: Bool) -> String { german ? definitionDE : definitionEN }

    public func isValid(onLevel code: String) -> Bool { levels.isEmpty || levels.contains(code) }

    /// Every variable an indicator of this name could show as-is.
    public static func plain(_ variable: Variable, topic: IndicatorTopic = .population) -> Indicator {
        Indicator(code: variable.code, nameDE: variable.nameDE, nameEN: variable.nameEN, topic: topic,
                  numerator: [IndicatorTerm(variable: variable.code)], decimals: 0)
    }

    public static let allowedFactors: [Double] = [1, 100, 1000, 10000, 100000]

    /// Checks an indicator as entered against the known variables and levels; every problem by field.
    public func validated(variables: [String: Variable], levelCodes: Set<String>, existingCodes: Set<String>, isNew: Bool) throws(ValidationFailure) -> Indicator {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.code = code.trimmingCharacters(in: .whitespaces)
        copy.nameDE = nameDE.trimmingCharacters(in: .whitespaces)
        copy.nameEN = nameEN.trimmingCharacters(in: .whitespaces)
        copy.definitionDE = definitionDE.trimmingCharacters(in: .whitespacesAndNewlines)
        copy.definitionEN = definitionEN.trimmingCharacters(in: .whitespacesAndNewlines)
        if copy.code.isEmpty { issues.append(ValidationIssue("code", .required)) }
        else if !Variable.isValidCode(copy.code) { issues.append(ValidationIssue("code", .unknownValue(copy.code))) }
        else if isNew, existingCodes.contains(copy.code) { issues.append(ValidationIssue("code", .duplicate)) }
        for (field, value) in [("nameDE", copy.nameDE), ("nameEN", copy.nameEN)] {
            if value.isEmpty { issues.append(ValidationIssue(field, .required)) }
            FieldCheck.length(value, field: field, max: 200, into: &issues)
        }
        FieldCheck.length(copy.definitionDE, field: "definitionDE", max: 4000, into: &issues)
        FieldCheck.length(copy.definitionEN, field: "definitionEN", max: 4000, into: &issues)
        if numerator.isEmpty { issues.append(ValidationIssue("numerator", .required)) }
        for (field, terms) in [("numerator", numerator), ("denominator", denominator)] {
            if let unknown = terms.first(where: { variables[$0.variable] == nil }) {
                issues.append(ValidationIssue(field, .unknownValue(unknown.variable)))
            }
        }
        if !Self.allowedFactors.contains(factor) { issues.append(ValidationIssue("factor", .unknownValue(String(factor)))) }
        Plausible.indicatorDecimals.check(decimals, field: "decimals", into: &issues)
        Plausible.minimumCount.check(minimumCount, field: "minimumCount", into: &issues)
        if let unknown = levels.first(where: { !levelCodes.contains($0) }) { issues.append(ValidationIssue("levels", .unknownValue(unknown))) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }

    public var auditFields: [String: String] {
        ["code": code, "nameDE": nameDE, "nameEN": nameEN, "definitionDE": definitionDE, "definitionEN": definitionEN,
         "topic": topic.rawValue, "numerator": IndicatorTerm.text(numerator), "denominator": IndicatorTerm.text(denominator),
         "factor": String(Int(factor)), "polarity": polarity.rawValue, "decimals": String(decimals),
         "minimumCount": minimumCount.map(String.init) ?? "", "levels": levels.joined(separator: ","), "state": state.rawValue]
    }
}

/// A comparison value entered by hand, e.g. the Hessen figure from the Land's report.
public struct ReferenceValue: Hashable, Sendable, Codable {
    public var id: UUID
    public var indicatorCode: String
    public var label: String
    public var date: Day
    public var value: Double

    public init(id: UUID, indicatorCode: String, label: String, date: Day, value: Double) {
        self.id = id
        self.indicatorCode = indicatorCode
        self.label = label
        self.date = date
        self.value = value
    }
}
