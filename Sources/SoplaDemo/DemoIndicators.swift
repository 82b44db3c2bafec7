import Foundation
import SoplaCore
import SoplaStore

/// The social report of the demo: real population and area figures of the 23 municipalities (2019, Zensus 2022),
/// and a clearly marked set of invented social figures (2019–2024) to show maps, time series and suppression.
/// Seeding is idempotent: values equal to the stored ones change nothing.
enum DemoIndicators {
    static let inventedSource = "Erfundene Beispielzahlen der sopla-Demo (keine amtlichen Daten)"
    static let inventedLicence = "CC0 1.0 (erfunden)"
    static let officialLicence = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"

    static let variables: [Variable] = [
        Variable(code: "bevoelkerung", nameDE: "Einwohnerinnen und Einwohner", nameEN: "Inhabitants", unit: "Personen",
                 source: "Destatis, Gemeindeverzeichnis 31.12.2019; Zensus 2022 (Tabelle 1000A-0000)", tableCode: "1000A-0000", licence: officialLicence),
        Variable(code: "flaeche", nameDE: "Fläche", nameEN: "Area", unit: "km²", source: "Destatis, Gemeindeverzeichnis 31.12.2019", licence: officialLicence, isCount: false),
        Variable(code: "bev_u18", nameDE: "Einwohner unter 18 Jahren", nameEN: "Inhabitants under 18", unit: "Personen", source: inventedSource, licence: inventedLicence),
        Variable(code: "sgb2_u18", nameDE: "Unter 18-Jährige in SGB-II-Bedarfsgemeinschaften", nameEN: "Under-18s in SGB II households", unit: "Personen",
                 source: inventedSource, licence: inventedLicence),
        Variable(code: "bev_15_64", nameDE: "Einwohner von 15 bis unter 65 Jahren", nameEN: "Inhabitants aged 15 to 64", unit: "Personen", source: inventedSource, licence: inventedLicence),
        Variable(code: "alo", nameDE: "Arbeitslose", nameEN: "Unemployed people", unit: "Personen", source: inventedSource, licence: inventedLicence),
        Variable(code: "bev_u3", nameDE: "Kinder unter 3 Jahren", nameEN: "Children under 3", unit: "Personen", source: inventedSource, licence: inventedLicence),
        Variable(code: "kita_u3", nameDE: "Betreuungsplätze für Kinder unter 3 Jahren", nameEN: "Childcare places for under-3s", unit: "Plätze", source: inventedSource, licence: inventedLicence),
        Variable(code: "bev_u21", nameDE: "Einwohner unter 21 Jahren", nameEN: "Inhabitants under 21", unit: "Personen", source: inventedSource, licence: inventedLicence),
        Variable(code: "heim", nameDE: "Hilfen in Heimerziehung (§ 34 SGB VIII)", nameEN: "Residential care (SGB VIII § 34)", unit: "Fälle", source: inventedSource, licence: inventedLicence),
    ]

    static let indicators: [Indicator] = [
        Indicator(code: "dichte", nameDE: "Bevölkerungsdichte", nameEN: "Population density",
                  definitionDE: "Einwohnerinnen und Einwohner je km² Fläche.", definitionEN: "Inhabitants per km² of area.", topic: .population,
                  numerator: [IndicatorTerm(variable: "bevoelkerung")], denominator: [IndicatorTerm(variable: "flaeche")], factor: 1, polarity: .neutral, decimals: 0),
        Indicator(code: "bevoelkerung", nameDE: "Einwohnerinnen und Einwohner", nameEN: "Inhabitants",
                  definitionDE: "Bevölkerung am Stichtag (amtliche Fortschreibung, Zensus 2022).", definitionEN: "Population on the reference date (official figures, census 2022).",
                  topic: .population, numerator: [IndicatorTerm(variable: "bevoelkerung")], decimals: 0),
        Indicator(code: "sgb2_quote_u18", nameDE: "SGB-II-Quote der unter 18-Jährigen (Beispiel)", nameEN: "SGB II rate of under-18s (example)",
                  definitionDE: "Anteil der unter 18-Jährigen in SGB-II-Bedarfsgemeinschaften an allen unter 18-Jährigen, in Prozent. Erfundene Beispielzahlen.",
                  definitionEN: "Share of under-18s living in SGB II households among all under-18s, in per cent. Invented example figures.", topic: .poverty,
                  numerator: [IndicatorTerm(variable: "sgb2_u18")], denominator: [IndicatorTerm(variable: "bev_u18")], factor: 100, polarity: .higherIsWorse, decimals: 1),
        Indicator(code: "alo_quote", nameDE: "Arbeitslosenanteil (Beispiel)", nameEN: "Unemployment share (example)",
                  definitionDE: "Arbeitslose je 100 Einwohner von 15 bis unter 65 Jahren. Erfundene Beispielzahlen.",
                  definitionEN: "Unemployed people per 100 inhabitants aged 15 to 64. Invented example figures.", topic: .employment,
                  numerator: [IndicatorTerm(variable: "alo")], denominator: [IndicatorTerm(variable: "bev_15_64")], factor: 100, polarity: .higherIsWorse, decimals: 1),
        Indicator(code: "alo_frauen", nameDE: "Arbeitslose Frauen (Beispiel)", nameEN: "Unemployed women (example)",
                  definitionDE: "Anzahl arbeitsloser Frauen. Erfundene Beispielzahlen.", definitionEN: "Number of unemployed women. Invented example figures.",
                  topic: .employment, numerator: [IndicatorTerm(variable: "alo", breakdown: Breakdown(["sex": "f"]))], polarity: .higherIsWorse, decimals: 0),
        Indicator(code: "kita_u3_quote", nameDE: "Betreuungsplätze je 100 Kinder unter 3 (Beispiel)", nameEN: "Childcare places per 100 under-3s (example)",
                  definitionDE: "Plätze in Krippen und Kindertagespflege je 100 Kinder unter 3 Jahren. Erfundene Beispielzahlen.",
                  definitionEN: "Places in nurseries and childminding per 100 children under 3. Invented example figures.", topic: .childcare,
                  numerator: [IndicatorTerm(variable: "kita_u3")], denominator: [IndicatorTerm(variable: "bev_u3")], factor: 100, polarity: .higherIsBetter, decimals: 1),
        Indicator(code: "heim_je_1000", nameDE: "Heimerziehung je 1.000 unter 21-Jährige (Beispiel)", nameEN: "Residential care per 1,000 under-21s (example)",
                  definitionDE: "Laufende Hilfen nach § 34 SGB VIII je 1.000 Einwohner unter 21 Jahren. Kleine Fallzahlen werden geheim gehalten. Erfundene Beispielzahlen.",
                  definitionEN: "Ongoing help under SGB VIII § 34 per 1,000 inhabitants under 21. Small counts are kept secret. Invented example figures.", topic: .upbringing,
                  numerator: [IndicatorTerm(variable: "heim")], denominator: [IndicatorTerm(variable: "bev_u21")], factor: 1000, polarity: .higherIsWorse, decimals: 1),
    ]

    /// A number in [0, 1) from a unit key and a salt: the same every run.
    static func noise(_ key: String, _ salt: Int) -> Double {
        var h: UInt64 = 1_469_598_103_934_665_603 &+ UInt64(salt) &* 1_099_511_628_211
        for byte in key.utf8 { h = (h ^ UInt64(byte)) &* 1_099_511_628_211 }
        return Double(h % 1_000_003) / 1_000_003
    }

    static func observations(rows: [DemoData.Row]) -> [Observation] {
        var result: [Observation] = []
        let years = 2019...2024
        var county: [ObservationKey: Double] = [:]
        for row in rows {
            for figure in row.populations {
                result.append(Observation("bevoelkerung", row.ags, figure.referenceDate, Double(figure.count)))
                result.append(Observation("flaeche", row.ags, figure.referenceDate, Double(row.areaHectares) / 100))
                county[ObservationKey(variable: "bevoelkerung", unitKey: DemoData.countyKey, date: figure.referenceDate), default: 0] += Double(figure.count)
            }
            let population = Double(row.populations.first?.count ?? 0)
            for year in years {
                let date = Day(year: year, month: 12, day: 31)!
                let t = Double(year - 2019)
                let status: ValueStatus = year == 2024 ? .provisional : .final
                let u18 = (population * (0.165 + 0.02 * noise(row.ags, 1)) * (1 + 0.004 * t)).rounded()
                let sgb2 = (u18 * (0.07 + 0.09 * noise(row.ags, 2)) * (1 - 0.03 * t + 0.01 * noise(row.ags, year))).rounded()
                let working = (population * (0.63 + 0.03 * noise(row.ags, 3))).rounded()
                let unemployed = working * (0.025 + 0.03 * noise(row.ags, 4)) * (1 - 0.04 * t + 0.06 * noise(row.ags, year + 10))
                let women = (unemployed * (0.42 + 0.1 * noise(row.ags, 5))).rounded()
                let men = unemployed.rounded() - women
                let u3 = (population * (0.026 + 0.006 * noise(row.ags, 6))).rounded()
                let places = (u3 * (0.22 + 0.2 * noise(row.ags, 7)) * (1 + 0.05 * t)).rounded()
                let u21 = (population * (0.19 + 0.02 * noise(row.ags, 8))).rounded()
                let care = (u21 * (0.0015 + 0.004 * noise(row.ags, 9 + year))).rounded()
                let values: [(String, Double, Breakdown)] = [
                    ("bev_u18", u18, .total), ("sgb2_u18", sgb2, .total), ("bev_15_64", working, .total), ("alo", men + women, .total),
                    ("alo", women, Breakdown(["sex": "f"])), ("alo", men, Breakdown(["sex": "m"])), ("bev_u3", u3, .total), ("kita_u3", places, .total),
                    ("bev_u21", u21, .total), ("heim", care, .total),
                ]
                for (variable, value, breakdown) in values {
                    result.append(Observation(variable, row.ags, date, value, breakdown: breakdown, status: value == 0 ? .zero : status))
                }
            }
        }
        // The county's own official population figures, kept next to the sums of its municipalities.
        for (key, value) in county { result.append(Observation(key: key, value: value)) }
        return result
    }

    static func seed(store: IndicatorStore, clock: Clock) async throws -> ImportOutcome {
        let actor = AuditActor.system("sopla demo")
        let existingVariables = try await store.variablesByCode()
        for variable in variables where existingVariables[variable.code] != variable { try await store.save(variable, actor: actor, at: clock.now()) }
        let existingIndicators = Dictionary(uniqueKeysWithValues: try await store.indicators().map { ($0.code, $0) })
        for indicator in indicators where existingIndicators[indicator.code] != indicator { try await store.save(indicator, actor: actor, at: clock.now()) }
        if try await store.validationRules().isEmpty {
            for rule in [ValidationRule(id: UUID(), kind: .childrenSumEqualsParent, target: "bevoelkerung", threshold: 0.5),
                         ValidationRule(id: UUID(), kind: .changeAbove, target: "alo", threshold: 15),
                         ValidationRule(id: UUID(), kind: .numeratorNotAboveDenominator, target: "sgb2_quote_u18")] {
                try await store.add(rule, actor: actor, at: clock.now())
            }
        }
        let importID = UUID()
        try await store.stage(importID: importID, observations(rows: try DemoData.municipalities()))
        // Run again, the demo adds what is missing and leaves every current value as it is (a planner's import stays).
        return try await store.commitStaged(importID: importID, dryRun: false, at: clock.now(), keepCurrent: true) { _ in nil }
    }
}
