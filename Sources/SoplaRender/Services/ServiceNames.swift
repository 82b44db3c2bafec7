import Foundation
import SoplaCore

/// Names of service values for people.
public enum ServiceNames {
    public static func status(_ status: ServiceStatus, _ language: Language) -> String {
        let t = Texts(language)
        switch status {
        case .active: return t(.statusActive)
        case .inactive: return t(.statusInactive)
        case .temporarilyClosed: return t(.statusTemporarilyClosed)
        }
    }

    /// A planner's verdict on a pair of similar services.
    public static func verdict(_ verdict: DuplicateReview.Verdict, _ language: Language) -> String {
        let t = Texts(language)
        switch verdict {
        case .justified: return t(.verdictJustified)
        case .toReview: return t(.verdictToReview)
        }
    }

    public static func sex(_ sex: Sex, _ language: Language) -> String {
        let t = Texts(language)
        switch sex {
        case .female: return t(.sexFemale)
        case .male: return t(.sexMale)
        case .diverse: return t(.sexDiverse)
        }
    }

    public static func category(_ code: String, _ categories: [ServiceCategory], _ language: Language) -> String {
        guard let category = categories.first(where: { $0.code == code }) else { return code }
        return language == .de ? category.nameDE : category.nameEN
    }

    /// "ab 18 Jahren", "bis 26 Jahre", "18 bis 65 Jahre", "alle Altersgruppen".
    public static func ages(_ group: TargetGroup, _ language: Language) -> String {
        let t = Texts(language)
        switch (group.minAge, group.maxAge) {
        case (nil, nil): return t(.allAges)
        case (let min?, nil): return t(.agesFrom).replacingOccurrences(of: "{a}", with: String(min))
        case (nil, let max?): return t(.agesUpTo).replacingOccurrences(of: "{b}", with: String(max))
        case (let min?, let max?): return t(.agesBetween).replacingOccurrences(of: "{a}", with: String(min)).replacingOccurrences(of: "{b}", with: String(max))
        }
    }

    public static func fte(_ value: Double, _ language: Language) -> String {
        Format.decimal(value, digits: 2, language)
    }
}
