import Foundation

/// A composite social index (Sozialindex) in the style of German cities' social monitoring: chosen indicators,
/// each z-standardised across the units, a status index (the values now) and a dynamics index (their change over
/// `years`), combined with weights and put into classes by standard deviations. The method with every parameter is
/// stored with a result, so it can be recomputed years later.
public struct SocialIndexMethod: Hashable, Sendable, Codable {
    public struct Component: Hashable, Sendable, Codable {
        public var indicatorCode: String
        public var weight: Double
        /// True where a higher value means more disadvantage (SGB II rate); false where it means less (childcare places).
        public var higherIsWorse: Bool

        public init(indicatorCode: String, weight: Double, higherIsWorse: Bool) {
            self.indicatorCode = indicatorCode
            self.weight = weight
            self.higherIsWorse = higherIsWorse
        }
    }

    public var name: String
    public var components: [Component]
    /// Years between the earlier and the later date for the dynamics.
    public var years: Int
    /// Share of the status in the combined index; the dynamics get the rest.
    public var statusWeight: Double
    /// Class boundaries in standard deviations of the combined index, ascending (e.g. −1, 1, 1.5).
    public var classBounds: [Double]

    public init(name: String, components: [Component], years: Int, statusWeight: Double, classBounds: [Double] = [-1, 1, 1.5]) {
        self.name = name
        self.components = components
        self.years = years
        self.statusWeight = statusWeight
        self.classBounds = classBounds
    }

    public func validated() throws(ValidationFailure) -> SocialIndexMethod {
        var issues: [ValidationIssue] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("name", .required)) }
        if components.isEmpty { issues.append(ValidationIssue("components", .required)) }
        for c in components where !(c.weight > 0) || !Plausible.indexWeight.contains(c.weight) { issues.append(ValidationIssue("components", .unknownValue(c.indicatorCode + ": \(c.weight)"))) }
        if Set(components.map(\.indicatorCode)).count != components.count { issues.append(ValidationIssue("components", .duplicate)) }
        if !(0...1).contains(statusWeight) { issues.append(ValidationIssue("statusWeight", .unknownValue(String(statusWeight)))) }
        Plausible.indexYears.check(years, field: "years", into: &issues)
        if classBounds != classBounds.sorted() || Set(classBounds).count != classBounds.count { issues.append(ValidationIssue("classBounds", .inconsistent)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return self
    }
}

public struct SocialIndexResult: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public let unitKey: String
        public let status: Double
        public let dynamics: Double?
        public let index: Double
        /// 0 = most favourable class … classBounds.count = least favourable.
        public let classIndex: Int
    }

    public let method: SocialIndexMethod
    public let rows: [Row]
    /// Units left out because a value is missing, with the first missing indicator.
    public let leftOut: [String: String]
}

public enum SocialIndex {
    /// Values z-standardised across units: (x − mean) / population standard deviation; all zero when every value is equal.
    public static func zScores(_ values: [String: Double]) -> [String: Double] {
        guard !values.isEmpty else { return [:] }
        let mean = values.values.reduce(0, +) / Double(values.count)
        let variance = values.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let sd = variance.squareRoot()
        return values.mapValues { sd > 0 ? ($0 - mean) / sd : 0 }
    }

    /// The weighted mean of the components' z-scores, each signed so that higher means more disadvantage.
    static func composite(_ method: SocialIndexMethod, values: [String: [String: Double]], units: [String]) -> [String: Double] {
        let total = method.components.reduce(0) { $0 + $1.weight }
        var sums = Dictionary(uniqueKeysWithValues: units.map { ($0, 0.0) })
        for component in method.components {
            let z = zScores((values[component.indicatorCode] ?? [:]).filter { units.contains($0.key) })
            for unit in units { sums[unit]! += component.weight * (component.higherIsWorse ? 1 : -1) * (z[unit] ?? 0) }
        }
        return sums.mapValues { $0 / total }
    }

    /// Computes the index for units with values for every component (`now`) and, where the method has a dynamics
    /// share, for the earlier date (`before`). The combined index is statusWeight·status + (1 − statusWeight)·dynamics,
    /// z-standardised again so the classes are in standard deviations.
    public static func compute(_ method: SocialIndexMethod, now: [String: [String: Double]], before: [String: [String: Double]]) -> SocialIndexResult {
        let codes = method.components.map(\.indicatorCode)
        let candidates = Set(now.values.flatMap(\.keys)).sorted()
        var leftOut: [String: String] = [:]
        let usesDynamics = method.statusWeight < 1
        let units = candidates.filter { unit in
            if let missing = codes.first(where: { now[$0]?[unit] == nil }) { leftOut[unit] = missing; return false }
            if usesDynamics, let missing = codes.first(where: { before[$0]?[unit] == nil }) { leftOut[unit] = missing; return false }
            return true
        }
        let status = composite(method, values: now, units: units)
        var dynamics: [String: Double] = [:]
        if usesDynamics {
            var changes: [String: [String: Double]] = [:]
            for code in codes { changes[code] = Dictionary(uniqueKeysWithValues: units.map { ($0, now[code]![$0]! - before[code]![$0]!) }) }
            dynamics = composite(method, values: changes, units: units)
        }
        let combined = Dictionary(uniqueKeysWithValues: units.map { ($0, method.statusWeight * status[$0]! + (1 - method.statusWeight) * (dynamics[$0] ?? 0)) })
        let standardised = zScores(combined)
        let rows = units.map { unit in
            let index = standardised[unit]!
            return SocialIndexResult.Row(unitKey: unit, status: status[unit]!, dynamics: usesDynamics ? dynamics[unit] : nil, index: index,
                                         classIndex: method.classBounds.filter { index >= $0 }.count)
        }
        return SocialIndexResult(method: method, rows: rows, leftOut: leftOut)
    }
}

/// The social index from a report's frozen figures: at one date (the latest value of each indicator on or before it
/// and the value `years` earlier) or as a series over every date, so it can be kept as an indicator of the catalogue.
public enum SocialIndexSeries {
    public struct Inputs: Sendable {
        public var now: [String: [String: Double]]
        public var before: [String: [String: Double]]
        /// Per indicator the date used and the earlier date, if any.
        public var dates: [(code: String, date: Day, earlier: Day?)]
    }

    /// The published values the index uses at `day`; hidden values count as missing.
    public static func inputs(_ method: SocialIndexMethod, snapshot: ReportSnapshot, on day: Day) -> Inputs {
        var inputs = Inputs(now: [:], before: [:], dates: [])
        for code in method.components.map(\.indicatorCode) {
            guard let date = snapshot.latest(code, onOrBefore: day) else { continue }
            let earlier = Day(year: date.year - method.years, month: date.month, day: date.day).flatMap { target in snapshot.dates(code).last { $0 <= target } }
            inputs.dates.append((code, date, earlier))
            for key in snapshot.unitKeys {
                if let v = snapshot.value(code, date, key), !v.suppressed, let x = v.value { inputs.now[code, default: [:]][key] = x }
                if let earlier, let v = snapshot.value(code, earlier, key), !v.suppressed, let x = v.value { inputs.before[code, default: [:]][key] = x }
            }
        }
        return inputs
    }

    /// The index at every date of the first indicator at which all indicators have a value: (unit, date, index).
    public static func compute(_ method: SocialIndexMethod, snapshot: ReportSnapshot) -> [(unitKey: String, date: Day, value: Double)] {
        guard let first = method.components.first?.indicatorCode else { return [] }
        var result: [(unitKey: String, date: Day, value: Double)] = []
        for date in snapshot.dates(first) {
            let inputs = inputs(method, snapshot: snapshot, on: date)
            guard inputs.dates.count == method.components.count else { continue }
            let index = SocialIndex.compute(method, now: inputs.now, before: inputs.before)
            result += index.rows.map { ($0.unitKey, date, ($0.index * 1000).rounded() / 1000) }
        }
        return result
    }

    /// A catalogue code from the index's name: "sozialindex_" and the name in lower-case letters, digits and "_".
    public static func code(for name: String) -> String {
        let folded = name.lowercased().replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) { slug.unicodeScalars.append(scalar) }
            else if !slug.hasSuffix("_") { slug += "_" }
        }
        slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        let code = slug.hasPrefix("sozialindex") ? slug : "sozialindex" + (slug.isEmpty ? "" : "_" + slug)
        return String(code.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    }

    /// The method in words, with every parameter, so the values can be recomputed later.
    public static func methodText(_ method: SocialIndexMethod, names: [String]) -> String {
        let parts = zip(method.components, names).map { c, name in
            "\(name) (Gewicht \(FigureDescription.number(c.weight, decimals: 1)), \(c.higherIsWorse ? "höher ungünstig" : "niedriger ungünstig"))"
        }
        return "Sozialindex „\(method.name)“: je Indikator z-standardisiert über die Gemeinden; " + parts.joined(separator: "; ")
            + ". Status \(FigureDescription.number(method.statusWeight * 100, decimals: 0)) %, Dynamik \(FigureDescription.number((1 - method.statusWeight) * 100, decimals: 0)) %"
            + " (Veränderung über \(method.years) Jahre); Gesamtindex erneut z-standardisiert; Klassengrenzen "
            + method.classBounds.map { FigureDescription.number($0, decimals: 1) }.joined(separator: "; ") + " Standardabweichungen."
    }
}
