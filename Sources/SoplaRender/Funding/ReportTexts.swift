import Foundation

/// Texts of social reports, German and English.
public enum ReportText: Sendable {
    case actionManageReports, addBlock, addChapter, addSection, allUnits, annexCSV
    case asOf, attributionText, blockDescription, blockMap, blockRanking, blockSocialIndex
    case blockTable, blockTimeSeries, buildEdition, codesHint, comparisonAfter, comparisonBefore
    case comparisonIndicator, comparisonTitle, componentsHint, confirmPublish, contentsTitle, createReport
    case dataAsOf, dataTable, dateColumn, deletedIndicator, draftWord, editionWord
    case editionsCount, editionsTitle, fieldBlockKind, fieldBlockUnit, fieldCaption, fieldChapterTitle
    case fieldComponents, fieldIndicators2, fieldNote, fieldReportTitle, fieldSectionText, fieldSectionTitle
    case figureLabel, glossaryTitle, higherIsWorse, indexClass, indexClass0, indexClass1
    case indexClass2, indexClass3, indexDynamics, indexLeftOut, indexMethod, indexParameters
    case indexStatus, indexValue, indicatorMissing, lowerIsWorse, markdownHint, municipalityProfileTitle
    case newReport, noBlocks, noEditions, noFigureChanged, noMapData, noPublishedReports
    case noReports, noteLabel, openDataIntro, openDataLicence, pdfEdition, portalAtlas
    case portalAtlasText, portalDecisions, portalDecisionsText, portalDirectory, portalDirectoryText, portalFunding
    case portalFundingText, portalOpenData, portalOpenDataText, portalPapers, portalPapersText, portalReports
    case portalTitle, previewNotice, previewReport, printReport, profileCategory, profileCoverage
    case profileGap, profileIntro, profileNoServices, profilePDF, profileProvider, profileRatio
    case profileService, profileServices, publishEdition, publishedOn, removeBlock, reportBuilderTitle
    case reportProblems, reportingDateLabel, reportsIntro, reportsTitle, saveText, sourceLabel
    case sourcesTitle, suppressedValue, tableLabel, territorialStatusLabel, unitColumn, unpublishedNotice
    case weightWord
    case blockCoverage, blockFunding, blockMeasures, fieldBlockCategory, referenceWord, moveUp, moveDown, confirmRemove, removeItem, unknownReferenceText, warningsTitle, noBoundariesAtStatus, noValuesUntil, noUnitsAtStatus, noStandardFor, startReview, reviewHint, reviewPaperLink, adoptIndex, adoptIndexHint, tableChangesTitle, reviewBody, areaProfileTitle, renameItem, deleteReport, confirmDeleteReport, newTitle, saveTitle, editReportFacts, saveReportFacts, tableColumn, rowColumn, cellColumn

    var pair: (String, String) {
        switch self {
        case .actionManageReports: return ("Sozialberichte erstellen und veröffentlichen", "Build and publish social reports")
        case .addBlock: return ("Tabelle, Karte oder Abbildung hinzufügen", "Add table, map or figure")
        case .addChapter: return ("Kapitel hinzufügen", "Add chapter")
        case .addSection: return ("Abschnitt hinzufügen", "Add section")
        case .allUnits: return ("alle Kommunen", "all municipalities")
        case .annexCSV: return ("Datenanhang (CSV)", "Data annex (CSV)")
        case .asOf: return ("Stand", "as of")
        case .attributionText: return ("Geheim gehaltene Werte sind mit • markiert: kleine Fallzahlen und Werte, aus denen sie sich errechnen ließen. Gebietsgrenzen: © GeoBasis-DE / BKG 2013 (Daten verändert).", "Values kept secret are marked •: small counts and values they could be worked out from. Boundaries: © GeoBasis-DE / BKG 2013 (data changed).")
        case .blockDescription: return ("Textbeschreibung", "Generated description")
        case .blockMap: return ("Karte", "Map")
        case .blockRanking: return ("Rangfolge", "Ranking")
        case .blockSocialIndex: return ("Sozialindex", "Social index")
        case .blockTable: return ("Indikatorentabelle", "Indicator table")
        case .blockTimeSeries: return ("Zeitreihe", "Time series")
        case .buildEdition: return ("Neue Ausgabe mit den aktuellen Daten erstellen", "Build a new edition with the current data")
        case .codesHint: return ("Einer oder mehrere Codes, durch Komma getrennt, z. B. „sgb2_quote_u18, alo_quote“.", "One or more codes, separated by commas.")
        case .comparisonAfter: return ("nachher", "after")
        case .comparisonBefore: return ("vorher", "before")
        case .comparisonIndicator: return ("Indikator", "Indicator")
        case .comparisonTitle: return ("Was sich gegenüber Ausgabe {a} geändert hat (Ausgabe {b})", "What changed since edition {a} (edition {b})")
        case .componentsHint: return ("Nur für den Sozialindex, eine Zeile je Indikator: Code; Gewicht; höher ungünstig (ja/nein). Darunter optional „Jahre: 5“ und „Status: 50“ (Prozent).", "Only for the social index, one line per indicator: code; weight; higher is worse (ja/nein). Optionally “Jahre: 5” and “Status: 50” (per cent).")
        case .confirmPublish: return ("Ich habe die Ausgabe geprüft; veröffentlichte Ausgaben ändern sich nicht mehr.", "I checked the edition; published editions never change.")
        case .contentsTitle: return ("Inhalt", "Contents")
        case .createReport: return ("Bericht anlegen", "Create report")
        case .dataAsOf: return ("Daten vom", "data of")
        case .dataTable: return ("Werte", "values")
        case .dateColumn: return ("Stichtag", "Reference date")
        case .deletedIndicator: return ("Ein Block verweist auf den Indikator „{c}“, den es nicht mehr gibt; bitte entfernen oder ersetzen.", "A block refers to the indicator “{c}”, which no longer exists; remove or replace it.")
        case .draftWord: return ("Entwurf", "draft")
        case .editionWord: return ("Ausgabe", "Edition")
        case .editionsCount: return ("{n} Ausgaben, {p} veröffentlicht", "{n} editions, {p} published")
        case .editionsTitle: return ("Ausgaben", "Editions")
        case .fieldBlockKind: return ("Art", "Kind")
        case .fieldBlockUnit: return ("Gebiet (Zeitreihe, Beschreibung)", "Area (time series, description)")
        case .fieldCaption: return ("Beschriftung", "Caption")
        case .fieldChapterTitle: return ("Titel des Kapitels", "Chapter title")
        case .fieldComponents: return ("Bestandteile des Sozialindex", "Components of the social index")
        case .fieldIndicators2: return ("Indikatoren (Codes)", "Indicators (codes)")
        case .fieldNote: return ("Hinweis", "Note")
        case .fieldReportTitle: return ("Titel des Berichts", "Title of the report")
        case .fieldSectionText: return ("Text", "Text")
        case .fieldSectionTitle: return ("Titel des Abschnitts", "Section title")
        case .figureLabel: return ("Abbildung", "Figure")
        case .glossaryTitle: return ("Glossar der Indikatoren", "Glossary of indicators")
        case .higherIsWorse: return ("höher ist ungünstiger", "higher is worse")
        case .indexClass: return ("Klasse", "Class")
        case .indexClass0: return ("günstig", "favourable")
        case .indexClass1: return ("durchschnittlich", "average")
        case .indexClass2: return ("ungünstig", "unfavourable")
        case .indexClass3: return ("sehr ungünstig", "very unfavourable")
        case .indexDynamics: return ("Dynamik", "Dynamics")
        case .indexLeftOut: return ("Ohne vollständige Werte nicht berechnet", "Not computed for lack of values")
        case .indexMethod: return ("Methode", "Method")
        case .indexParameters: return ("Jeder Indikator z-standardisiert über die Kommunen; Status {s} %, Dynamik über {y} Jahre den Rest; Klassengrenzen bei {b} Standardabweichungen.", "Each indicator z-standardised across the municipalities; status {s} %, dynamics over {y} years the rest; class bounds at {b} standard deviations.")
        case .indexStatus: return ("Status", "Status")
        case .indexValue: return ("Index", "Index")
        case .indicatorMissing: return ("Dieser Indikator ist nicht mehr im Katalog.", "This indicator is no longer in the catalogue.")
        case .lowerIsWorse: return ("niedriger ist ungünstiger", "lower is worse")
        case .markdownHint: return ("Absätze, **fett**, *kursiv*, Listen mit „- “, Überschriften mit „#“, Links [Text](https://…), Verweise auf Abbildungen und Tabellen mit [[…]] (steht bei jedem Block). HTML wird als Text gezeigt.", "Paragraphs, **bold**, *italic*, lists with “- ”, headings with “#”, links [text](https://…), references to figures and tables with [[…]] (shown beside each block). HTML is shown as text.")
        case .municipalityProfileTitle: return ("Gemeindesteckbrief", "Municipality profile")
        case .newReport: return ("Neuer Bericht", "New report")
        case .noBlocks: return ("Noch keine Tabellen, Karten oder Abbildungen.", "No tables, maps or figures yet.")
        case .noEditions: return ("Noch keine Ausgabe erstellt.", "No edition built yet.")
        case .noFigureChanged: return ("Keine Zahl hat sich geändert.", "No figure changed.")
        case .noMapData: return ("Für diesen Block liegen keine Werte vor.", "There are no values for this block.")
        case .noPublishedReports: return ("Noch ist kein Bericht veröffentlicht.", "No report has been published yet.")
        case .noReports: return ("Noch keine Berichte.", "No reports yet.")
        case .noteLabel: return ("Hinweis", "Note")
        case .openDataIntro: return ("Zum Herunterladen und Weiterverwenden; die Quellen oben gelten auch hier.", "To download and reuse; the sources above apply.")
        case .openDataLicence: return ("Eigene Inhalte von sopla: Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0), Quelle „Lahn-Dill-Kreis, sopla“. Geometrien und amtliche Statistik unter den oben genannten Lizenzen.", "sopla's own content: Data licence Germany – attribution – version 2.0 (dl-de/by-2-0), source “Lahn-Dill-Kreis, sopla”. Geometries and official statistics under the licences above.")
        case .pdfEdition: return ("PDF (A4)", "PDF (A4)")
        case .portalAtlas: return ("Indikatoren-Atlas", "Indicator atlas")
        case .portalAtlasText: return ("Karten, Rangfolgen und Zeitreihen aller Kommunen – kleine Fallzahlen geheim gehalten.", "Maps, rankings and time series of every municipality – small counts kept secret.")
        case .portalDecisions: return ("Gremien und Sitzungen", "Bodies and meetings")
        case .portalDecisionsText: return ("Öffentliche Sitzungen mit Tagesordnung, Niederschrift und Beschlüssen.", "Public meetings with agenda, minutes and resolutions.")
        case .portalDirectory: return ("Wegweiser", "Service directory")
        case .portalDirectoryText: return ("Beratung und Hilfe in der Nähe, nach Ort, Thema, Alter und Sprache.", "Counselling and help nearby, by place, topic, age and language.")
        case .portalFunding: return ("Förderung in Zahlen", "Funding in figures")
        case .portalFundingText: return ("Wofür der Kreis Mittel einsetzt: Summen nach Programm, Thema und Kommune.", "What the county spends on: totals by programme, topic and municipality.")
        case .portalOpenData: return ("Offene Daten", "Open data")
        case .portalOpenDataText: return ("Alle öffentlichen Zahlen und Grenzen zum Herunterladen, mit Lizenz und Quelle.", "Every public figure and boundary to download, with licence and source.")
        case .portalPapers: return ("Vorlagen", "Papers")
        case .portalPapersText: return ("Planungsberichte, Empfehlungen und Richtlinien mit allen Fassungen.", "Planning reports, recommendations and guidelines with every version.")
        case .portalReports: return ("Die veröffentlichten Sozialberichte als Web-Seite, PDF und CSV.", "The published social reports as web page, PDF and CSV.")
        case .portalTitle: return ("Transparenzportal", "Transparency portal")
        case .previewNotice: return ("Vorschau mit den aktuellen Daten – nicht veröffentlicht.", "Preview with the current data – not published.")
        case .previewReport: return ("Vorschau", "Preview")
        case .printReport: return ("Drucken oder als PDF speichern", "Print or save as PDF")
        case .profileCategory: return ("Themenbereich", "Topic")
        case .profileCoverage: return ("Versorgungsgrad nach Planungsstandard", "Coverage by planning standard")
        case .profileGap: return ("Lücke (VZÄ)", "Gap (FTE)")
        case .profileIntro: return ("Eckdaten, Indikatoren im Vergleich zum Kreis, Bevölkerung und Angebote; Daten vom {d}. Geheim gehaltene Werte erscheinen nicht.", "Key facts, indicators against the county, population and services; data of {d}. Values kept secret do not appear.")
        case .profileNoServices: return ("Für dieses Gebiet sind keine Angebote erfasst.", "No services are recorded for this area.")
        case .profilePDF: return ("Steckbrief als PDF", "Profile as PDF")
        case .profileProvider: return ("Träger", "Provider")
        case .profileRatio: return ("Versorgungsgrad", "Coverage")
        case .profileService: return ("Angebot", "Service")
        case .profileServices: return ("Angebote im Gebiet", "Services in the area")
        case .publishEdition: return ("Veröffentlichen: Ausgabe", "Publish edition")
        case .publishedOn: return ("veröffentlicht am", "published")
        case .removeBlock: return ("Entfernen", "Remove")
        case .reportBuilderTitle: return ("Berichte erstellen", "Build reports")
        case .reportProblems: return ("Vor einer neuen Ausgabe zu klären:", "To settle before a new edition:")
        case .reportingDateLabel: return ("Berichtsstand", "Reporting date")
        case .reportsIntro: return ("Die veröffentlichten Ausgaben der Sozialberichterstattung des Kreises, mit allen Zahlen als CSV.", "The published editions of the county's social reporting, with every figure as CSV.")
        case .reportsTitle: return ("Sozialberichte", "Social reports")
        case .saveText: return ("Text speichern", "Save text")
        case .sourceLabel: return ("Quelle", "Source")
        case .sourcesTitle: return ("Quellen und Lizenzen", "Sources and licences")
        case .suppressedValue: return ("geheim gehalten", "kept secret")
        case .tableLabel: return ("Tabelle", "Table")
        case .territorialStatusLabel: return ("Gebietsstand", "Territorial status")
        case .unitColumn: return ("Gebiet", "Area")
        case .unpublishedNotice: return ("Diese Ausgabe ist noch nicht veröffentlicht.", "This edition is not published yet.")
        case .weightWord: return ("Gewicht", "weight")
        case .blockCoverage: return ("Versorgung eines Angebotsbereichs", "Coverage of a service category")
        case .blockFunding: return ("Förderung in Zahlen", "Funding in figures")
        case .blockMeasures: return ("Stand der Maßnahmen", "Status of the measures")
        case .fieldBlockCategory: return ("Angebotsbereich (nur für Versorgung)", "Service category (coverage only)")
        case .referenceWord: return ("Verweis im Text", "Reference in text")
        case .moveUp: return ("Nach oben", "Move up")
        case .moveDown: return ("Nach unten", "Move down")
        case .confirmRemove: return ("mit allem Inhalt entfernen", "remove with all its content")
        case .removeItem: return ("Entfernen", "Remove")
        case .unknownReferenceText: return ("Der Text des Abschnitts „{s}“ verweist mit {r} auf keine Abbildung oder Tabelle dieses Berichts.", "The text of section “{s}” refers with {r} to no figure or table of this report.")
        case .warningsTitle: return ("Hinweise zu Gebietsstand und Daten (die Ausgabe kann trotzdem erstellt werden):", "Notes on territorial status and data (an edition can still be built):")
        case .noBoundariesAtStatus: return ("Für den Gebietsstand {d} fehlen die Grenzen von {n} Gemeinden ({u}); Karten zeigen diese Gemeinden nicht.", "For the territorial status {d} the boundaries of {n} municipalities are missing ({u}); maps leave them out.")
        case .noValuesUntil: return ("Für „{i}“ gibt es keine Werte bis zum Berichtsstand {d}; die Blöcke dazu zeigen „keine Werte“.", "“{i}” has no values up to the reporting date {d}; its blocks show “no values”.")
        case .noUnitsAtStatus: return ("Zum Gebietsstand {d} sind keine Gemeinden erfasst; Tabellen und Karten bleiben leer.", "No municipalities are recorded for the territorial status {d}; tables and maps stay empty.")
        case .noStandardFor: return ("Für den Angebotsbereich „{c}“ gibt es keinen Planungsstandard; die Versorgungstabelle bleibt leer.", "The service category “{c}” has no planning standard; the coverage table stays empty.")
        case .startReview: return ("Zur Stellungnahme geben", "Put out for comment")
        case .reviewHint: return ("Legt den Entwurf als Vorlage an; dort laden Sie Lenkungsgruppe und Träger zur Stellungnahme ein.", "Files the draft as a paper; there you invite the steering group and providers to comment.")
        case .reviewPaperLink: return ("Stellungnahmeverfahren zu dieser Ausgabe: Vorlage {r}", "Consultation on this edition: paper {r}")
        case .adoptIndex: return ("Als Indikator übernehmen", "Adopt as indicator")
        case .adoptIndexHint: return ("Berechnet den Sozialindex für jeden Stichtag und legt ihn als Indikator im Katalog an (mit Methode in der Definition).", "Computes the social index for every reference date and adds it to the catalogue as an indicator (method in the definition).")
        case .tableChangesTitle: return ("Geänderte Werte in Tabellen", "Changed values in tables")
        case .deleteReport: return ("Bericht löschen", "Delete report")
        case .confirmDeleteReport: return ("Ja, diesen Bericht mit allen Entwurfsausgaben löschen", "Yes, delete this report with all its draft editions")
        case .renameItem: return ("Umbenennen", "Rename")
        case .newTitle: return ("Neuer Titel", "New title")
        case .saveTitle: return ("Titel speichern", "Save title")
        case .editReportFacts: return ("Titel, Berichtsstand und Gebietsstand ändern", "Change title, reporting date and territorial status")
        case .saveReportFacts: return ("Angaben speichern", "Save details")
        case .areaProfileTitle: return ("Gebietssteckbrief", "Area profile")
        case .reviewBody: return ("Gremium", "Body")
        case .tableColumn: return ("Tabelle", "Table")
        case .rowColumn: return ("Zeile", "Row")
        case .cellColumn: return ("Spalte", "Column")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: ReportText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}
