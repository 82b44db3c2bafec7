import Foundation

/// Generated sentences about a figure in plain German, e.g. "Die SGB-II-Quote der unter 18-Jährigen liegt in
/// Wetzlar mit 18,4 % deutlich über dem Kreiswert von 12,1 %; seit 2019 ist sie um 1,3 Prozentpunkte gesunken."
///
/// The rules, relative to the reference value r (the county):
/// - less than 5 % of r apart: "etwa auf dem Niveau des Kreiswerts";
/// - 5 % to under 20 % apart: "leicht über/unter";
/// - 20 % or more apart: "deutlich über/unter";
/// - a reference of 0: "über/unter" without a qualifier (or "auf dem Niveau" when equal).
/// The change since an earlier year: in percentage points for rates in %, else in the indicator's unit; a change
/// that rounds to 0 at the shown precision is "nahezu unverändert".
public enum FigureDescription {
    public enum Gender: String, Hashable, Sendable, Codable, CaseIterable {
        case feminine, masculine, neuter

        var article: String { self == .feminine ? "Die" : (self == .masculine ? "Der" : "Das") }
        var pronoun: String { self == .feminine ? "sie" : (self == .masculine ? "er" : "es") }
    }

    public enum Level: String, Hashable, Sendable, Equatable {
        case aboutEqual, slightlyAbove, slightlyBelow, clearlyAbove, clearlyBelow, above, below
    }

    /// The grammatical gender of an indicator's name from the ending of its first noun ("SGB-II-Quote" feminine,
    /// "Arbeitslosenanteil" masculine); nil where the ending does not tell (plurals, unknown words).
    public static func gender(ofName name: String) -> Gender? {
        let first = name.split(whereSeparator: { $0 == " " || $0 == "(" }).first.map { String($0).lowercased() } ?? ""
        let masculine = ["anteil", "wert", "satz", "bestand", "index", "saldo", "durchschnitt", "grad"]
        let feminine = ["quote", "rate", "dichte", "zahl", "ung", "heit", "keit", "schaft", "quote", "fläche", "bevölkerung"]
        let neuter = ["alter", "einkommen", "verhältnis", "volumen"]
        if masculine.contains(where: first.hasSuffix) { return .masculine }
        if feminine.contains(where: first.hasSuffix) { return .feminine }
        if neuter.contains(where: first.hasSuffix) { return .neuter }
        return nil
    }

    /// The subject for a sentence: the name with its gender, or "Wert „…“" (masculine) where the gender is unknown.
    public static func subject(_ name: String) -> (text: String, gender: Gender) {
        if let gender = gender(ofName: name) { return (name, gender) }
        return ("Wert „" + name + "“", .masculine)
    }

    public static func level(_ value: Double, reference: Double) -> Level {
        guard reference != 0 else { return value == 0 ? .aboutEqual : (value > 0 ? .above : .below) }
        let relative = (value - reference) / abs(reference)
        switch abs(relative) {
        case ..<0.05: return .aboutEqual
        case ..<0.20: return relative > 0 ? .slightlyAbove : .slightlyBelow
        default: return relative > 0 ? .clearlyAbove : .clearlyBelow
        }
    }

    /// German number: "18,4", "1.234", "−0,5". Never traps: "–" when not finite, scientific notation ("1,0e+308")
    /// when too large for exact digits.
    public static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let decimals = min(max(decimals, 0), 6)
        let factor = pow(10.0, Double(decimals))
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9_007_199_254_740_992 else {
            return (value < 0 ? "−" : "") + String(format: "%.\(max(decimals, 1))e", abs(value)).replacingOccurrences(of: ".", with: ",")
        }
        let whole = UInt64(scaled) / UInt64(factor)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        let sign = value < 0 && scaled > 0 ? "−" : ""
        guard decimals > 0 else { return sign + grouped }
        let fraction = UInt64(scaled) % UInt64(factor)
        return sign + grouped + "," + String(repeating: "0", count: max(0, decimals - String(fraction).count)) + String(fraction)
    }

    static func withUnit(_ value: Double, unit: String, decimals: Int) -> String {
        number(value, decimals: decimals) + (unit.isEmpty ? "" : (unit == "%" ? " %" : " " + unit))
    }

    /// The sentence for a unit compared with the reference and, optionally, with its own earlier value.
    public static func sentence(indicator: String, gender: Gender, unitName: String, value: Double, reference: Double, referenceName: String = "Kreiswert",
                                unit: String, decimals: Int, earlier: (year: Int, value: Double)? = nil) -> String {
        let shown = withUnit(value, unit: unit, decimals: decimals)
        let referenceText = withUnit(reference, unit: unit, decimals: decimals)
        let dative = "dem " + referenceName
        var text = "\(gender.article) \(indicator) liegt in \(unitName) mit \(shown) "
        switch level(value, reference: reference) {
        case .aboutEqual: text += "etwa auf dem Niveau des \(referenceName)s von \(referenceText)"
        case .slightlyAbove: text += "leicht über \(dative) von \(referenceText)"
        case .slightlyBelow: text += "leicht unter \(dative) von \(referenceText)"
        case .clearlyAbove: text += "deutlich über \(dative) von \(referenceText)"
        case .clearlyBelow: text += "deutlich unter \(dative) von \(referenceText)"
        case .above: text += "über \(dative) von \(referenceText)"
        case .below: text += "unter \(dative) von \(referenceText)"
        }
        if let earlier {
            let delta = value - earlier.value
            let factor = pow(10.0, Double(decimals))
            if (abs(delta) * factor).rounded() == 0 {
                text += "; seit \(earlier.year) ist \(gender.pronoun) nahezu unverändert"
            } else {
                let points = number(abs(delta), decimals: decimals)
                let amount = unit == "%" ? points + (points == "1" ? " Prozentpunkt" : " Prozentpunkte")
                    : withUnit(abs(delta), unit: unit, decimals: decimals)
                text += "; seit \(earlier.year) ist \(gender.pronoun) um \(amount) " + (delta > 0 ? "gestiegen" : "gesunken")
            }
        }
        return text + "."
    }

    /// English number: "18.4", "1,234", "−0.5".
    public static func numberEN(_ value: Double, decimals: Int) -> String {
        let german = number(value, decimals: decimals)
        return String(german.map { $0 == "." ? "," : ($0 == "," ? "." : $0) })
    }

    /// The same sentence in English, by the same rules: "The SGB II rate in Wetzlar is 18.4 %, clearly above the
    /// county value of 12.1 %; since 2019 it has fallen by 1.3 percentage points."
    public static func sentenceEN(indicator: String, unitName: String, value: Double, reference: Double, referenceName: String = "county value",
                                  unit: String, decimals: Int, earlier: (year: Int, value: Double)? = nil) -> String {
        func withUnitEN(_ v: Double) -> String { numberEN(v, decimals: decimals) + (unit.isEmpty ? "" : " " + unit) }
        let referenceText = "the \(referenceName) of \(withUnitEN(reference))"
        var text = "The \(indicator) in \(unitName) is \(withUnitEN(value)), "
        switch level(value, reference: reference) {
        case .aboutEqual: text += "about the same as \(referenceText)"
        case .slightlyAbove: text += "slightly above \(referenceText)"
        case .slightlyBelow: text += "slightly below \(referenceText)"
        case .clearlyAbove: text += "clearly above \(referenceText)"
        case .clearlyBelow: text += "clearly below \(referenceText)"
        case .above: text += "above \(referenceText)"
        case .below: text += "below \(referenceText)"
        }
        if let earlier {
            let delta = value - earlier.value
            if (abs(delta) * pow(10.0, Double(decimals))).rounded() == 0 {
                text += "; since \(earlier.year) it has remained almost unchanged"
            } else {
                let points = numberEN(abs(delta), decimals: decimals)
                let amount = unit == "%" ? points + (points == "1" ? " percentage point" : " percentage points") : withUnitEN(abs(delta))
                text += "; since \(earlier.year) it has " + (delta > 0 ? "risen" : "fallen") + " by \(amount)"
            }
        }
        return text + "."
    }

    /// The sentence for a unit whose value is kept secret: says so and why, with no figure.
    public static func secretSentence(indicator: String, unitName: String, dateText: String) -> String {
        "Der Wert für \(unitName) (\(indicator), \(dateText)) wird geheim gehalten, weil er auf einer kleinen Fallzahl beruht "
            + "oder sich aus geheim gehaltenen Werten errechnen ließe."
    }

    public static func secretSentenceEN(indicator: String, unitName: String, dateText: String) -> String {
        "The value for \(unitName) (\(indicator), \(dateText)) is kept secret because it rests on a small count or could be worked out from values kept secret."
    }

    /// The sentence for a unit without a value at the date.
    public static func missingSentence(indicator: String, unitName: String, dateText: String) -> String {
        "Für \(unitName) liegt kein Wert vor (\(indicator), \(dateText))."
    }

    public static func missingSentenceEN(indicator: String, unitName: String, dateText: String) -> String {
        "There is no value for \(unitName) (\(indicator), \(dateText))."
    }
}
