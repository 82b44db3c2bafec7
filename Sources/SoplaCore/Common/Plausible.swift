import Foundation

/// The plausible range of every number people enter or import, in one place. A value outside is refused where it
/// enters (form, API, file import) with a message naming the field and the range, so nothing stored can break a
/// page later. The README lists the same ranges ("Plausible ranges").
public enum Plausible: String, Sendable, CaseIterable {
    // Indicators
    case referenceValue
    case observationValue
    case indicatorFactor
    case indicatorDecimals
    case minimumCount
    case ruleThreshold
    case referenceYear
    // Services and planning
    case fte
    case standardFte
    case standardInhabitants
    case maxDistanceKm
    case places
    case casesPerYear
    case age
    case areaShare
    case serviceYear
    case latitude
    case longitude
    // Funding
    case money
    case percent
    case criterionWeight
    case scaleMax
    case score
    case fundingYear
    // Participation and reports
    case votes
    case progress
    case measureWeight
    case indexWeight
    case indexYears

    /// How a bound is written: a decimal number, a whole number, a year (no thousands separator) or euros.
    public enum Kind: Sendable, Equatable {
        case decimal, whole, year, money
    }

    /// The field's name as the forms show it.
    public var label: String {
        switch self {
        case .referenceValue: return "Vergleichswert"
        case .observationValue: return "Wert"
        case .indicatorFactor: return "Faktor"
        case .indicatorDecimals: return "Nachkommastellen"
        case .minimumCount: return "Mindestfallzahl"
        case .ruleThreshold: return "Schwelle oder Toleranz (%)"
        case .referenceYear: return "Jahr des Stichtags"
        case .fte: return "Vollzeitäquivalente"
        case .standardFte: return "Vollzeitstellen (VZÄ)"
        case .standardInhabitants: return "je Einwohnerinnen und Einwohner"
        case .maxDistanceKm: return "Höchste Entfernung (km)"
        case .places: return "Plätze"
        case .casesPerYear: return "Fälle im Jahr"
        case .age: return "Alter"
        case .areaShare: return "Anteil im Gebiet"
        case .serviceYear: return "Bezugsjahr"
        case .latitude: return "Breitengrad"
        case .longitude: return "Längengrad"
        case .money: return "Betrag"
        case .percent: return "Prozentsatz"
        case .criterionWeight: return "Gewicht"
        case .scaleMax: return "Skala"
        case .score: return "Punktzahl"
        case .fundingYear: return "Jahr"
        case .votes: return "Stimmen"
        case .progress: return "Fortschritt (%)"
        case .measureWeight: return "Gewicht"
        case .indexWeight: return "Gewicht"
        case .indexYears: return "Jahre"
        }
    }

    /// The same in English, for the English pages.
    public var labelEN: String {
        switch self {
        case .referenceValue: return "Reference value"
        case .observationValue: return "Value"
        case .indicatorFactor: return "Factor"
        case .indicatorDecimals: return "Decimals"
        case .minimumCount: return "Minimum count"
        case .ruleThreshold: return "Threshold or tolerance (%)"
        case .referenceYear: return "Year of the reference date"
        case .fte, .standardFte: return "Full-time equivalents"
        case .standardInhabitants: return "Per inhabitants"
        case .maxDistanceKm: return "Maximum distance (km)"
        case .places: return "Places"
        case .casesPerYear: return "Cases per year"
        case .age: return "Age"
        case .areaShare: return "Share in the area"
        case .serviceYear: return "Reference year"
        case .latitude: return "Latitude"
        case .longitude: return "Longitude"
        case .money: return "Amount"
        case .percent: return "Percentage"
        case .criterionWeight, .measureWeight, .indexWeight: return "Weight"
        case .scaleMax: return "Scale"
        case .score: return "Score"
        case .fundingYear: return "Year"
        case .votes: return "Votes"
        case .progress: return "Progress (%)"
        case .indexYears: return "Years"
        }
    }

    public var kind: Kind {
        switch self {
        case .indicatorDecimals, .minimumCount, .standardInhabitants, .places, .casesPerYear, .age, .criterionWeight, .scaleMax, .votes, .indexYears:
            return .whole
        case .referenceYear, .serviceYear, .fundingYear: return .year
        case .money: return .money
        default: return .decimal
        }
    }

    /// Lowest plausible value.
    public var lower: Double {
        switch self {
        case .referenceValue: return -1_000_000_000
        case .observationValue: return -1_000_000_000_000
        case .indicatorFactor, .scaleMax, .indexYears, .standardInhabitants, .minimumCount: return 1
        case .referenceYear, .serviceYear: return 1900
        case .fundingYear: return 2000
        case .criterionWeight: return 1
        // Germany, with a margin: a point outside is a typo or swapped coordinates.
        case .latitude: return 47.2
        case .longitude: return 5.8
        default: return 0
        }
    }

    /// Highest plausible value.
    public var upper: Double {
        switch self {
        case .referenceValue: return 1_000_000_000
        case .observationValue: return 1_000_000_000_000
        case .indicatorFactor: return 100_000
        case .indicatorDecimals: return 4
        case .minimumCount: return 1000
        case .ruleThreshold: return 100_000
        case .referenceYear, .serviceYear, .fundingYear: return 2100
        case .fte, .standardFte: return 10_000
        case .standardInhabitants: return 100_000_000
        case .maxDistanceKm: return 1000
        case .places: return 100_000
        case .casesPerYear: return 10_000_000
        case .age: return 120
        case .areaShare: return 100_000
        case .latitude: return 55.1
        case .longitude: return 15.1
        case .money: return 1_000_000_000
        case .percent, .criterionWeight, .progress: return 100
        case .scaleMax: return 100
        case .score: return 100
        case .votes: return 10_000
        case .measureWeight, .indexWeight: return 1000
        case .indexYears: return 50
        }
    }

    /// Whether the label is a general word ("Betrag", "Gewicht") that the form's own label ("Beantragt") says better.
    /// Specific labels ("Vollzeitäquivalente") stay, as they name the unit too.
    public var hasGeneralLabel: Bool {
        switch self {
        case .money, .percent, .fundingYear, .observationValue, .criterionWeight, .measureWeight, .indexWeight, .score: return true
        default: return false
        }
    }

    /// Whether the lowest value is itself refused (a distance, a share or a weight of 0 means nothing): "über 0".
    public var excludesLower: Bool {
        switch self {
        case .standardFte, .maxDistanceKm, .areaShare, .measureWeight, .indexWeight: return true
        default: return false
        }
    }

    /// The German message, naming the field and the range: "Vollzeitäquivalente: bitte eine Zahl zwischen 0 und
    /// 10.000 angeben."; for fields that exclude their lowest value "… eine Zahl über 0 bis 1.000 …".
    public var message: String { message(label: label) }

    /// The message with the label the form shows for the field (a money field is "Beantragt", not "Betrag").
    public func message(label: String) -> String {
        func bound(_ value: Double) -> String {
            switch kind {
            case .year: return String(Int(value))
            case .money: return FigureDescription.number(value, decimals: 0) + "\u{00A0}€"
            case .whole, .decimal: return FigureDescription.number(value, decimals: value == value.rounded() ? 0 : 2)
            }
        }
        let what: String
        switch kind {
        case .whole: what = "eine ganze Zahl"
        case .year: what = "ein Jahr"
        case .money: what = "einen Betrag"
        case .decimal: what = "eine Zahl"
        }
        if excludesLower { return "\(label): bitte \(what) über \(bound(lower)) bis \(bound(upper)) angeben." }
        return "\(label): bitte \(what) zwischen \(bound(lower)) und \(bound(upper)) angeben."
    }

    /// A floating value as an Int where one is needed (sort keys, integer weights, drawing), never trapping: 0 when
    /// not finite, else rounded and clamped to ±`limit`.
    public static func clampedInt(_ value: Double, limit: Double = 1e15) -> Int {
        guard value.isFinite else { return 0 }
        return Int(min(max(value.rounded(), -limit), limit))
    }

    /// Finite, within the bounds and, for whole numbers and years, without a fraction.
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite, value >= lower, value <= upper, !(excludesLower && value == lower) else { return false }
        return kind == .decimal || kind == .money || value.rounded() == value
    }

    public func contains(_ value: Int) -> Bool {
        contains(Double(value))
    }

    public func contains(_ amount: Money) -> Bool {
        contains(Double(amount.cents) / 100)
    }

    /// The issue for `field` when the value is out of range.
    public func issue(_ field: String) -> ValidationIssue {
        ValidationIssue(field, .outOfRange(self))
    }

    /// Appends an issue for `field` unless the value is absent or plausible.
    public func check(_ value: Double?, field: String, into issues: inout [ValidationIssue]) {
        if let value, !contains(value) { issues.append(issue(field)) }
    }

    public func check(_ value: Int?, field: String, into issues: inout [ValidationIssue]) {
        if let value, !contains(value) { issues.append(issue(field)) }
    }

    public func check(_ amount: Money?, field: String, into issues: inout [ValidationIssue]) {
        if let amount, !contains(amount) { issues.append(issue(field)) }
    }

    /// The value of `text` if it is a plausible number for this field; otherwise an issue for `field`: the text as
    /// typed when it is no number at all, or the range when it is one outside.
    public func parse(_ text: String, field: String) -> Result<Double, ValidationIssue> {
        guard let value = Self.number(text) else {
            return .failure(ValidationIssue(field, .unknownValue(String(text.trimmingCharacters(in: .whitespaces).prefix(20)))))
        }
        return contains(value) ? .success(value) : .failure(issue(field))
    }

    /// `parse` for whole numbers: "12", "12,0"; a fraction or a number out of range is the range's issue.
    public func parseWhole(_ text: String, field: String) -> Result<Int, ValidationIssue> {
        switch parse(text, field: field) {
        case .failure(let issue): return .failure(issue)
        case .success(let value):
            // `contains` guarantees a whole value within bounds far below Int.max.
            return value.rounded() == value ? .success(Int(value)) : .failure(issue(field))
        }
    }

    /// A number as people type it: optional sign, digits with a decimal comma or point, optionally an exponent
    /// ("1e3"). Nil for anything else, including "nan", "inf" and hexadecimal, which `Double(_:)` would accept;
    /// the result is always finite.
    public static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-")
        guard !trimmed.isEmpty, trimmed.count <= 60,
              trimmed.allSatisfy({ ("0"..."9").contains($0) || $0 == "," || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }),
              trimmed.contains(where: { ("0"..."9").contains($0) }),
              trimmed.filter({ $0 == "," || $0 == "." }).count <= 1 else { return nil }
        guard let value = Double(trimmed.replacingOccurrences(of: ",", with: ".")), value.isFinite else { return nil }
        return value == 0 ? 0 : value
    }
}
