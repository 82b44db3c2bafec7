import Foundation

/// A Merkmal: a count or amount observed per spatial unit and reference date.
public struct Variable: Hashable, Sendable, Codable {
    public var code: String
    public var nameDE: String
    public var nameEN: String
    /// What one counts: "Personen", "Plätze", "EUR".
    public var unit: String
    /// Where the figures come from, e.g. "Statistik der Bundesagentur für Arbeit".
    public var source: String
    /// GENESIS table code, where the figures come from such a table.
    public var tableCode: String?
    public var licence: String
    /// Counts of people or cases are subject to disclosure control; amounts (euros, km²) are not.
    public var isCount: Bool
    /// Smallest count published; below it a value is suppressed. nil = the default.
    public var minimumCount: Int?
    /// Only published variables are listed publicly; the admin form creates drafts, the seed and older rows are published.
    public var state: CatalogueState

    public init(code: String, nameDE: String, nameEN: String, unit: String, source: String, tableCode: String? = nil,
                licence: String, isCount: Bool = true, minimumCount: Int? = nil, state: CatalogueState = .published) {
        self.code = code
        self.nameDE = nameDE
        self.nameEN = nameEN
        self.unit = unit
        self.source = source
        self.tableCode = tableCode
        self.licence = licence
        self.isCount = isCount
        self.minimumCount = minimumCount
        self.state = state
    }

    public var isPublished: Bool { state == .published }

    public static let defaultMinimumCount = 3

    public var effectiveMinimum: Int { minimumCount ?? Self.defaultMinimumCount }

    public func name(_ german: Bool) -> String { german ? nameDE : nameEN }

    /// Codes are short and stable: lower-case letters, digits and `_`, starting with a letter.
    public static func isValidCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, (1...40).contains(code.count), CharacterSet.lowercaseLetters.contains(first), first.isASCII else {
            return false
        }
        return code.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.lowercaseLetters.contains($0) || CharacterSet.decimalDigits.contains($0) || $0 == "_") }
    }

    /// Checks a variable as entered; every problem by field.
    public func validated(existingCodes: Set<String>, isNew: Bool) throws(ValidationFailure) -> Variable {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.code = code.trimmingCharacters(in: .whitespaces)
        copy.nameDE = nameDE.trimmingCharacters(in: .whitespaces)
        copy.nameEN = nameEN.trimmingCharacters(in: .whitespaces)
        copy.unit = unit.trimmingCharacters(in: .whitespaces)
        copy.source = source.trimmingCharacters(in: .whitespaces)
        copy.licence = licence.trimmingCharacters(in: .whitespaces)
        copy.tableCode = tableCode.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if copy.code.isEmpty { issues.append(ValidationIssue("code", .required)) }
        else if !Self.isValidCode(copy.code) { issues.append(ValidationIssue("code", .unknownValue(copy.code))) }
        else if isNew, existingCodes.contains(copy.code) { issues.append(ValidationIssue("code", .duplicate)) }
        for (field, value, max) in [("nameDE", copy.nameDE, 200), ("nameEN", copy.nameEN, 200), ("unit", copy.unit, 40),
                                    ("source", copy.source, 300), ("licence", copy.licence, 200)] {
            if value.isEmpty { issues.append(ValidationIssue(field, .required)) }
            FieldCheck.length(value, field: field, max: max, into: &issues)
        }
        FieldCheck.length(copy.tableCode, field: "tableCode", max: 40, into: &issues)
        Plausible.minimumCount.check(minimumCount, field: "minimumCount", into: &issues)
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }

    public var auditFields: [String: String] {
        ["code": code, "nameDE": nameDE, "nameEN": nameEN, "unit": unit, "source": source, "tableCode": tableCode ?? "",
         "licence": licence, "isCount": isCount ? "ja" : "nein", "minimumCount": minimumCount.map(String.init) ?? "", "state": state.rawValue]
    }
}
