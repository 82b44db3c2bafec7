import Foundation

/// The languages of the user interface. German is the default.
public enum Language: String, Sendable, CaseIterable {
    case de, en

    public var other: Language { self == .de ? .en : .de }
}

/// Every user-visible text, in German and English. Views ask `t(.key)`.
public enum TextKey: Sendable {
    case siteTagline, skipToContent, navHome, navUnits, navData, navAPI, switchLanguage, switchLanguageLabel
    case mainNavigation
    case homeTitle, homeIntro, homePillarsTitle
    case pillarNeedsTitle, pillarNeedsText, pillarResourcesTitle, pillarResourcesText
    case pillarParticipationTitle, pillarParticipationText
    case mapTitle, mapDescription, mapLegendTitle, mapTableCaption, noBoundaries, noUnitsYet
    case columnKey, columnName, columnKind, columnLevel, columnPopulation, columnArea, columnDensity, columnParent
    case columnReferenceDate, columnSource, columnValidFrom, columnValidTo, columnChange
    case total, populationAsOf, densityUnit, areaUnit
    case unitsTitle, unitsIntro, searchLabel, searchButton, levelFilterLabel, allLevels, resetFilters
    case resultsCount, noResults, pageLabel, previousPage, nextPage, paginationLabel, downloadCSV, downloadGeoJSON
    case sortedAscending, sortedDescending, sortBy
    case keyFacts, officialKey, regionalKey, kind, level, parent, children, populationOverTime
    case populationChartTitle, populationTableCaption, boundaryHistory, boundaryHistoryCaption
    case currentStatus, stillValid, noChildren, noPopulation, aggregatedFromChildren, locationMapTitle, childrenMapTitle
    case dataTitle, dataIntro, dataGeometryTitle, dataStatisticsTitle, dataLicence, apiTitle, apiIntro
    case attribution, attributionStatistics
    case errorNotFoundTitle, errorNotFoundText, errorBadRequestTitle, errorServerTitle, errorServerText, backHome
    case footerText, countyAtAGlance, municipalitiesCount, inhabitantsOn, areaTotal

    func text(_ language: Language) -> String {
        let (de, en) = pair
        return language == .de ? de : en
    }

    private var pair: (String, String) {
        switch self {
        case .siteTagline: return ("Sozialplanung gemeinsam gestalten", "Social planning, together")
        case .skipToContent: return ("Zum Inhalt springen", "Skip to content")
        case .navHome: return ("Start", "Home")
        case .navUnits: return ("Gebiete", "Areas")
        case .navData: return ("Daten & Lizenzen", "Data & licences")
        case .navAPI: return ("Schnittstelle (API)", "API")
        case .switchLanguage: return ("English", "Deutsch")
        case .switchLanguageLabel: return ("Switch to English", "Auf Deutsch umschalten")
        case .mainNavigation: return ("Hauptnavigation", "Main navigation")
        case .homeTitle: return ("Sozialplanung im Überblick", "Social planning at a glance")
        case .homeIntro:
            return ("sopla ist die gemeinsame Arbeitsumgebung der partizipativen Sozialplanung und des Sozialcontrollings: Kennzahlen je Kommune, Angebote und Förderung, Gremien und Beschlüsse – auf einer gemeinsamen räumlichen Grundlage.",
                    "sopla is the shared workspace for participatory social planning and social controlling: figures per municipality, services and funding, bodies and decisions – on one shared spatial base.")
        case .homePillarsTitle: return ("Drei Säulen", "Three pillars")
        case .pillarNeedsTitle: return ("Bedarfe – Sozialberichterstattung", "Needs – social reporting")
        case .pillarNeedsText: return ("Kennzahlen je Kommune und Planungsraum über die Zeit, ohne kleine Fallzahlen offenzulegen.", "Indicators per municipality and planning area over time, without disclosing small counts.")
        case .pillarResourcesTitle: return ("Ressourcen – Angebote und Förderung", "Resources – services and funding")
        case .pillarResourcesText: return ("Bestandserhebung der Angebote, Planungsstandards, Förderprogramme bis zum Verwendungsnachweis.", "Inventory of services, planning standards, funding programmes up to the proof of use.")
        case .pillarParticipationTitle: return ("Beteiligung – Gremien und Beschlüsse", "Participation – bodies and decisions")
        case .pillarParticipationText: return ("Steuerungsgruppe und Arbeitsgruppen: Sitzungen, Vorlagen, Stellungnahmen, Empfehlungen und ihr Umsetzungsstand.", "Steering group and working groups: meetings, papers, statements, recommendations and their implementation status.")
        case .mapTitle: return ("Karte der Städte und Gemeinden", "Map of the towns and municipalities")
        case .mapDescription: return ("Jede Fläche ist ein Link zur Seite der Kommune. Die Farbe zeigt die Einwohnerdichte; dieselben Zahlen stehen in der Tabelle.", "Each area links to the municipality's page. The colour shows population density; the same figures are in the table.")
        case .mapLegendTitle: return ("Einwohner je km²", "Inhabitants per km²")
        case .mapTableCaption: return ("Städte und Gemeinden mit Einwohnerzahl, Fläche und Dichte", "Towns and municipalities with population, area and density")
        case .noBoundaries: return ("Für dieses Gebiet sind keine Grenzen hinterlegt. Grenzen lassen sich mit „sopla import boundaries“ einlesen.", "No boundaries are stored for this area. Boundaries can be loaded with “sopla import boundaries”.")
        case .noUnitsYet: return ("Noch keine Gebiete angelegt. Mit „sopla demo“ entsteht der Lahn-Dill-Kreis als Beispiel, mit „sopla import boundaries“ lassen sich eigene Grenzen einlesen.", "No areas yet. “sopla demo” creates the Lahn-Dill-Kreis as an example; “sopla import boundaries” loads your own boundaries.")
        case .columnKey: return ("Schlüssel", "Key")
        case .columnName: return ("Name", "Name")
        case .columnKind: return ("Art", "Kind")
        case .columnLevel: return ("Ebene", "Level")
        case .columnPopulation: return ("Einwohner", "Population")
        case .columnArea: return ("Fläche (km²)", "Area (km²)")
        case .columnDensity: return ("Einwohner je km²", "Inhabitants per km²")
        case .columnParent: return ("Übergeordnet", "Parent")
        case .columnReferenceDate: return ("Stichtag", "Reference date")
        case .columnSource: return ("Quelle", "Source")
        case .columnValidFrom: return ("Gültig ab", "Valid from")
        case .columnValidTo: return ("Gültig bis", "Valid to")
        case .columnChange: return ("Veränderung", "Change")
        case .total: return ("Summe", "Total")
        case .populationAsOf: return ("Einwohner am", "Population on")
        case .densityUnit: return ("Einw./km²", "inh./km²")
        case .areaUnit: return ("km²", "km²")
        case .unitsTitle: return ("Gebiete", "Areas")
        case .unitsIntro: return ("Alle Gebietseinheiten mit amtlichem Schlüssel. Spaltenköpfe sortieren die Liste.", "All spatial units with their official key. Column headers sort the list.")
        case .searchLabel: return ("Name oder Schlüssel suchen", "Search name or key")
        case .searchButton: return ("Suchen", "Search")
        case .levelFilterLabel: return ("Ebene", "Level")
        case .allLevels: return ("Alle Ebenen", "All levels")
        case .resetFilters: return ("Filter zurücksetzen", "Reset filters")
        case .resultsCount: return ("Treffer", "results")
        case .noResults: return ("Keine Gebiete passen zu dieser Suche. Prüfen Sie die Schreibweise oder setzen Sie die Filter zurück.", "No areas match this search. Check the spelling or reset the filters.")
        case .pageLabel: return ("Seite", "Page")
        case .previousPage: return ("Vorige Seite", "Previous page")
        case .nextPage: return ("Nächste Seite", "Next page")
        case .paginationLabel: return ("Seitennavigation", "Pagination")
        case .downloadCSV: return ("Als CSV herunterladen", "Download as CSV")
        case .downloadGeoJSON: return ("Grenzen als GeoJSON", "Boundaries as GeoJSON")
        case .sortedAscending: return ("aufsteigend sortiert", "sorted ascending")
        case .sortedDescending: return ("absteigend sortiert", "sorted descending")
        case .sortBy: return ("Sortieren nach", "Sort by")
        case .keyFacts: return ("Eckdaten", "Key facts")
        case .officialKey: return ("Amtlicher Gemeindeschlüssel (AGS)", "Official municipality key (AGS)")
        case .regionalKey: return ("Amtlicher Regionalschlüssel (ARS)", "Official regional key (ARS)")
        case .kind: return ("Art", "Kind")
        case .level: return ("Ebene", "Level")
        case .parent: return ("Gehört zu", "Part of")
        case .children: return ("Untergliederung", "Subdivisions")
        case .populationOverTime: return ("Einwohner im Zeitverlauf", "Population over time")
        case .populationChartTitle: return ("Einwohner je Stichtag (Balkendiagramm; Zahlen in der Tabelle)", "Population per reference date (bar chart; figures in the table)")
        case .populationTableCaption: return ("Einwohner je Stichtag", "Population per reference date")
        case .boundaryHistory: return ("Gebietsstände", "Territorial status history")
        case .boundaryHistoryCaption: return ("Grenzstände dieses Gebiets", "Boundary versions of this area")
        case .currentStatus: return ("aktuell", "current")
        case .stillValid: return ("bis heute", "until today")
        case .noChildren: return ("Keine untergeordneten Gebiete.", "No subordinate areas.")
        case .noPopulation: return ("Keine Einwohnerzahlen hinterlegt.", "No population figures stored.")
        case .aggregatedFromChildren: return ("Summe der untergeordneten Gebiete", "Sum of the subordinate areas")
        case .locationMapTitle: return ("Lage im Kreis", "Location in the county")
        case .childrenMapTitle: return ("Karte der untergeordneten Gebiete", "Map of the subordinate areas")
        case .dataTitle: return ("Daten und Lizenzen", "Data and licences")
        case .dataIntro: return ("sopla zeigt amtliche Daten. Hier steht, woher sie stammen und unter welcher Lizenz sie stehen.", "sopla shows official data. This page says where it comes from and under which licence.")
        case .dataGeometryTitle: return ("Gemeindegrenzen", "Municipality boundaries")
        case .dataStatisticsTitle: return ("Einwohnerzahlen und Flächen", "Population and area")
        case .dataLicence: return ("Lizenz", "Licence")
        case .apiTitle: return ("Offene Schnittstelle", "Open API")
        case .apiIntro: return ("Alle Gebietsdaten stehen als JSON und GeoJSON bereit; die Beschreibung folgt OpenAPI 3.1.", "All spatial data is available as JSON and GeoJSON; the description follows OpenAPI 3.1.")
        case .attribution: return ("Grenzen: © GeoBasis-DE / BKG 2013 (Daten verändert)", "Boundaries: © GeoBasis-DE / BKG 2013 (data modified)")
        case .attributionStatistics: return ("Einwohner und Flächen: © Statistisches Bundesamt (Destatis) / Statistische Ämter des Bundes und der Länder, dl-de/by-2-0", "Population and area: © Statistisches Bundesamt (Destatis) / Statistical Offices of the Federation and the Länder, dl-de/by-2-0")
        case .errorNotFoundTitle: return ("Seite nicht gefunden", "Page not found")
        case .errorNotFoundText: return ("Diese Adresse gibt es nicht (mehr). Vielleicht hilft die Gebietsliste weiter.", "This address does not exist (any more). The list of areas may help.")
        case .errorBadRequestTitle: return ("Ungültige Anfrage", "Bad request")
        case .errorServerTitle: return ("Ein Fehler ist aufgetreten", "Something went wrong")
        case .errorServerText: return ("Die Anfrage konnte nicht bearbeitet werden. Bitte versuchen Sie es später erneut.", "The request could not be handled. Please try again later.")
        case .backHome: return ("Zur Startseite", "Back to the start page")
        case .countyAtAGlance: return ("Der Kreis in Zahlen", "The county in figures")
        case .municipalitiesCount: return ("Städte und Gemeinden", "towns and municipalities")
        case .inhabitantsOn: return ("Einwohner am", "inhabitants on")
        case .areaTotal: return ("km² Fläche", "km² area")
        case .footerText: return ("sopla – freie Software für partizipative Sozialplanung", "sopla – free software for participatory social planning")
        }
    }
}

/// Texts in one language, as views use them: `t(.homeTitle)`.
public struct Texts: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public func callAsFunction(_ key: TextKey) -> String {
        key.text(language)
    }
}
