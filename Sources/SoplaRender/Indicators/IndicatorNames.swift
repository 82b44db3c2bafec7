import Foundation
import SoplaCore

/// Names and number formats of the social report as people read them.
public enum IndicatorNames {
    public static func topic(_ topic: IndicatorTopic, _ language: Language) -> String {
        let t = Texts(language)
        switch topic {
        case .population: return t(.topicPopulation)
        case .poverty: return t(.topicPoverty)
        case .upbringing: return t(.topicUpbringing)
        case .education: return t(.topicEducation)
        case .childcare: return t(.topicChildcare)
        case .employment: return t(.topicEmployment)
        case .housing: return t(.topicHousing)
        case .participation: return t(.topicParticipation)
        }
    }

    public static func polarity(_ polarity: Polarity, _ language: Language) -> String {
        let t = Texts(language)
        switch polarity {
        case .higherIsBetter: return t(.polarityBetter)
        case .higherIsWorse: return t(.polarityWorse)
        case .neutral: return t(.polarityNeutral)
        }
    }

    public static func method(_ method: ClassificationMethod, _ language: Language) -> String {
        let t = Texts(language)
        switch method {
        case .quantiles: return t(.methodQuantiles)
        case .equalIntervals: return t(.methodEqualIntervals)
        case .naturalBreaks: return t(.methodNaturalBreaks)
        case .standardDeviations: return t(.methodStandardDeviations)
        }
    }

    public static func status(_ status: ValueStatus, _ language: Language) -> String {
        let t = Texts(language)
        switch status {
        case .final: return t(.statusFinal)
        case .zero: return t(.statusZero)
        case .secret: return t(.statusSecret)
        case .notApplicable: return t(.statusNotApplicable)
        case .notYetAvailable: return t(.statusNotYetAvailable)
        case .unreliable: return t(.statusUnreliable)
        case .provisional: return t(.statusProvisional)
        case .revised: return t(.statusRevised)
        case .estimated: return t(.statusEstimated)
        }
    }

    /// The kind of file an import read, as a planner knows it (the run stores the reader's code).
    public static func importFormat(_ code: String?, _ language: Language) -> String {
        let de = language == .de
        switch code {
        case "sopla-long"?: return de ? "sopla-CSV (ein Wert je Zeile)" : "sopla CSV (one value per line)"
        case "genesis-table"?: return de ? "GENESIS-Tabelle (CSV)" : "GENESIS table (CSV)"
        case "genesis-ffcsv"?: return de ? "GENESIS-Flatfile (ffcsv, bis 2024)" : "GENESIS flat file (ffcsv, until 2024)"
        case "genesis-flat"?: return de ? "GENESIS-Flatfile (CSV)" : "GENESIS flat file (CSV)"
        case let other?: return other
        case nil: return "–"
        }
    }

    public static func ruleKind(_ kind: ValidationRule.Kind, _ language: Language) -> String {
        let t = Texts(language)
        switch kind {
        case .numeratorNotAboveDenominator: return t(.ruleNumerator)
        case .childrenSumEqualsParent: return t(.ruleChildrenSum)
        case .changeAbove: return t(.ruleChange)
        }
    }

    /// What one reads after the number: "%", "je 1.000", or the variable's unit.
    public static func unitLabel(_ indicator: Indicator, variables: [String: Variable], _ language: Language) -> String {
        guard indicator.isRate else { return indicator.numerator.first.flatMap { variables[$0.variable]?.unit } ?? "" }
        switch indicator.factor {
        case 100: return "%"
        case 1: return ""
        default: return (language == .de ? "je " : "per ") + Format.rounded(indicator.factor, language)
        }
    }

    public static func value(_ value: Double?, _ indicator: Indicator, _ language: Language) -> String {
        value.map { Format.decimal($0, digits: indicator.decimals, language) } ?? "–"
    }

    public static func count(_ value: Double?, _ language: Language) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? Format.rounded(value, language) : Format.decimal(value, digits: 2, language)
    }

    /// Why a cell is empty, in words (tables say it; maps explain hatching in the legend).
    public static func gap(_ row: IndicatorRow, raw: Bool, _ language: Language) -> String? {
        if row.suppression != nil, !raw { return Texts(language)(.valueSuppressed) }
        return gap(row.gap, language)
    }

    /// Why a value is missing, in words; nil for a value that is there.
    public static func gap(_ gap: ValueGap?, _ language: Language) -> String? {
        let t = Texts(language)
        switch gap {
        case .none: return nil
        case .noData: return t(.valueNoData)
        case .zeroDenominator: return t(.valueZeroDenominator)
        case .status(let s): return IndicatorNames.status(s, language)
        }
    }

    /// The signs of a value in words, as a file without the page's legend needs them: "vorläufig, geschätzt".
    public static func statuses(_ flags: Set<ValueStatus>, _ language: Language) -> String {
        flags.sorted { $0.rawValue < $1.rawValue }.map { status($0, language) }.joined(separator: ", ")
    }

    /// "+1,5 Pp." / "−12,4 %": a change as the table shows it.
    public static func change(_ change: IndicatorChange?, _ indicator: Indicator, _ language: Language) -> String {
        guard let change else { return "–" }
        let sign = change.absolute > 0 ? "+" : ""
        let absolute = sign + Format.decimal(change.absolute, digits: indicator.decimals, language) + (change.isPercentagePoints ? " " + Texts(language)(.percentagePoints) : "")
        guard let percent = change.percent, !change.isPercentagePoints else { return absolute }
        return absolute + " (" + (percent > 0 ? "+" : "") + Format.decimal(percent, digits: 1, language) + " %)"
    }

    /// An arrow for the direction, and words for whether it is good news.
    public static func trend(_ change: IndicatorChange?, _ indicator: Indicator, _ language: Language) -> HTMLNode {
        guard let change else { return txt("–") }
        let t = Texts(language)
        // A change that rounds to zero at the shown decimals is no change to the reader.
        let tolerance = 0.5 / pow(10, Double(indicator.decimals))
        let arrow: String
        switch change.direction(tolerance: tolerance) {
        case .up: arrow = "↑"
        case .down: arrow = "↓"
        case .unchanged: arrow = "→"
        }
        let assessment = change.assessment(indicator.polarity, tolerance: tolerance)
        let words: String
        switch assessment {
        case .better: words = t(.trendBetter)
        case .worse: words = t(.trendWorse)
        case .neutral: words = change.direction(tolerance: tolerance) == .unchanged ? t(.trendUnchanged) : (change.direction(tolerance: tolerance) == .up ? t(.trendUp) : t(.trendDown))
        }
        return el("span", [("class", "trend-\(assessment.rawValue)")], [
            el("span", [("aria-hidden", "true")], text: arrow + " "), txt(IndicatorNames.change(change, indicator, language) + " – " + words),
        ])
    }
}
