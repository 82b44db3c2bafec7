import Foundation

/// Texts of the social report (indicators, variables, imports), German and English.
public enum IndicatorText: Sendable {
    case noticeDeleted, downloadSeriesCSV, fieldCompareWith, valueHistoryTitle, valueHistoryIntro, columnRevision, currentRevision
    case addReferenceValue, addValidationRule, allTopics, auditImportData, breakdownHint, codeHint
    case columnActions, columnChangePrevious, columnChangeSince, columnColumn, columnDates, columnDefinition
    case columnDenominator, columnDeviation, columnDifferenceTo, columnExpected, columnFormula, columnFound
    case columnIndicator, columnInserted, columnIssues, columnLatestDate, columnLine, columnNumerator
    case columnRank, columnReason, columnRevised, columnSkipped, columnUnchanged, columnUnit
    case columnValue, decimalHint, delete, denominatorHint, downloadJSON, dryRunLabel
    case editIndicator, editVariable, entityColumnMapping, entityDataImport, entityIndicator, entityReferenceValue
    case entityValidationRule, entityVariable, fieldBreakdown, fieldClasses, fieldClassification, fieldCode
    case fieldDecimals, fieldDefinitionDE, fieldDefinitionEN, fieldFactor, fieldFile, fieldFormat
    case fieldIsCount, fieldLabel, fieldLevels, fieldLicence, fieldMinimumCount, fieldNameDE
    case fieldNameEN, fieldPolarity, fieldRule, fieldTableCode, fieldTarget, fieldThreshold
    case fieldTopic, fieldUnit, fileHint, flagsExplained, importChanged, importChecked
    case importDone, importFailed, importFileGone, importIntro, importIssuesTitle, importNeedsMapping
    case importNotWaiting, importToRun
    case importNothingStored, importProgress, importRunTitle, importRunning, importRunsTitle, importTitle
    case importUnchanged, importWouldChange, indicatorMapTitle, indicatorMinimumHint, indicatorsIntro, indicatorsTitle
    case isCountHint, knownVariables, legendNoValue, legendSuppressed, levelsHint, mappingIgnore
    case genesisProposalExists, genesisProposalNew, genesisProposalTotal, genesisProposalTitle, genesisProposalIntro, genesisProposalVariables, genesisProposalColumn, genesisProposalCode, genesisProposalState
    case genesisProposalOwnValues, genesisProposalRegions, genesisProposalNoOwnValues, genesisProposalRefused, genesisProposalPreview, genesisProposalCheck, genesisProposalAccept, genesisProposalDate, mappingOwnTitle
    case genesisProposalEditTitle, genesisProposalEditIntro, genesisProposalCodeFor, genesisProposalNameFor, genesisProposalExistingUsed, genesisProposalSameCode
    case uploadUploading, uploadProgress, uploadChecking, uploadFailed, uploadInterrupted, uploadTooLarge
    case mappingIntro, mappingSave, mappingTitle, mappingVariable, methodEqualIntervals, methodNaturalBreaks
    case methodQuantiles, methodStandardDeviations, minimumCountHint, moreIssues, newIndicator, newVariable
    case noAmount, noFindings, noImportRuns, noIndicatorValues, noIndicatorsYet, noReferenceValues
    case noValidationRules, noVariablesYet, notACount, percentagePoints, polarityBetter, polarityNeutral
    case polarityWorse, profileIndicatorsTitle, rankingTitle, rawFiguresText, rawFiguresTitle, rawSuppressedMarker
    case referenceLabelHint, referenceValuesIntro, referenceValuesTitle, reload, ruleChange, ruleChildrenSum
    case ruleNumerator, ruleTargetHint, searchIndicatorsLabel, seriesTitle, showButton, showPublicView
    case showRawView, skipUnknownLabel, startImport, statusEstimated, statusFinal, statusNotApplicable
    case statusNotYetAvailable, statusProvisional, statusRevised, statusSecret, statusUnreliable, statusZero
    case suppressionExplained, termsHint, thresholdHint, topicChildcare, topicEducation, topicEmployment
    case topicHousing, topicParticipation, topicPopulation, topicPoverty, topicUpbringing, trendBetter
    case trendDown, trendUnchanged, trendUp, trendWorse, unitHint, validationReportTitle
    case validationRulesIntro, validationRulesTitle, valueGap, valueNoData, valueSuppressed, valueZeroDenominator
    case variablesIntro, variablesTitle, yesCount, actionManageIndicators, actionImportData, navIndicators
    case columnParentReferences, referenceFromImport, referenceImportedHint

    var pair: (String, String) {
        switch self {
        case .noticeDeleted: return ("Gelöscht.", "Deleted.")
        case .fieldCompareWith: return ("Vergleich mit", "Compare with")
        case .downloadSeriesCSV: return ("Alle Stichtage dieser Ebene als CSV", "All reference dates of this level as CSV")
        case .valueHistoryTitle: return ("Werte und Revisionen", "Values and revisions")
        case .valueHistoryIntro: return ("Jeder gespeicherte Wert eines Gebiets mit allen früheren Fassungen: wann, aus welcher Datei, von wem. Ungeschützte Werte – nicht zur Veröffentlichung.", "Every stored value of an area with all earlier versions: when, from which file, by whom. Unprotected values – not for publication.")
        case .columnRevision: return ("Revision", "Revision")
        case .currentRevision: return ("aktuell", "current")
        case .addReferenceValue: return ("Vergleichswert hinzufügen", "Add a reference value")
        case .addValidationRule: return ("Prüfregel hinzufügen", "Add a validation rule")
        case .allTopics: return ("Alle Themen", "All topics")
        case .auditImportData: return ("Daten importiert", "Data imported")
        case .breakdownHint: return ("Optional: Ausprägung, z. B. „sex=f“ oder „sex=m;age=u18“. Leer für die Summe.", "Optional: breakdown, e.g. “sex=f” or “sex=m;age=u18”. Empty for the total.")
        case .codeHint: return ("Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben, z. B. „sgb2_u18“. Später nicht änderbar.", "Lower-case letters, digits and _, starting with a letter, e.g. “sgb2_u18”. Cannot be changed later.")
        case .columnActions: return ("Aktionen", "Actions")
        case .columnChangePrevious: return ("Veränderung zum vorigen Stichtag", "Change since the previous date")
        case .columnChangeSince: return ("Veränderung seit {date}", "Change since {date}")
        case .columnColumn: return ("Spalte", "Column")
        case .columnDates: return ("Stichtage", "Reference dates")
        case .columnDefinition: return ("Definition", "Definition")
        case .columnDenominator: return ("Nenner", "Denominator")
        case .columnDeviation: return ("Abweichung", "Deviation")
        case .columnDifferenceTo: return ("Abstand zu {parent}", "Difference to {parent}")
        case .columnExpected: return ("Erwartet", "Expected")
        case .columnFormula: return ("Berechnung", "Computation")
        case .columnFound: return ("Gefunden", "Found")
        case .columnIndicator: return ("Indikator", "Indicator")
        case .columnInserted: return ("Neu", "New")
        case .columnIssues: return ("Fehler", "Problems")
        case .columnLatestDate: return ("Letzter Stichtag", "Latest date")
        case .columnLine: return ("Zeile", "Line")
        case .columnNumerator: return ("Zähler", "Numerator")
        case .columnRank: return ("Rang", "Rank")
        case .columnReason: return ("Grund", "Reason")
        case .columnRevised: return ("Korrigiert (neue Revision)", "Revised (new revision)")
        case .columnParentReferences: return ("Vergleichswerte (Land, Bund)", "Reference values (Land, Germany)")
        case .referenceFromImport: return ("aus dem Import", "from the import")
        case .referenceImportedHint: return ("Werte des Landes und des Bundes aus eingelesenen Tabellen der amtlichen Statistik werden aus denselben Merkmalen berechnet wie die Werte Ihrer Gebiete; sie ändern sich mit dem nächsten Import der Tabelle.", "Values of the Land and Germany from imported tables of official statistics are computed from the same variables as the values of your areas; they change with the next import of the table.")
        case .columnSkipped: return ("Übersprungen (Gebiete außerhalb des Bestands)", "Skipped (areas outside the base)")
        case .columnUnchanged: return ("Unverändert", "Unchanged")
        case .columnUnit: return ("Gebiet", "Area")
        case .columnValue: return ("Wert", "Value")
        case .decimalHint: return ("Mit Komma oder Punkt als Dezimalzeichen, ohne Tausendertrennzeichen.", "With a comma or point as decimal mark, without thousands separators.")
        case .delete: return ("Löschen", "Delete")
        case .denominatorHint: return ("Leer lassen, um das Merkmal im Zähler unverändert als Indikator zu zeigen.", "Leave empty to show the numerator variable as it is.")
        case .downloadJSON: return ("JSON (Schnittstelle)", "JSON (API)")
        case .dryRunLabel: return ("Nur prüfen, nichts speichern", "Check only, store nothing")
        case .editIndicator: return ("Indikator bearbeiten:", "Edit indicator:")
        case .editVariable: return ("Merkmal bearbeiten:", "Edit variable:")
        case .entityColumnMapping: return ("Spaltenzuordnung", "Column mapping")
        case .entityDataImport: return ("Datenimport", "Data import")
        case .entityIndicator: return ("Indikator", "Indicator")
        case .entityReferenceValue: return ("Vergleichswert", "Reference value")
        case .entityValidationRule: return ("Prüfregel", "Validation rule")
        case .entityVariable: return ("Merkmal", "Variable")
        case .fieldBreakdown: return ("Ausprägung", "Breakdown")
        case .fieldClasses: return ("Klassen", "Classes")
        case .fieldClassification: return ("Klasseneinteilung", "Classification")
        case .fieldCode: return ("Kennung", "Code")
        case .fieldDecimals: return ("Nachkommastellen", "Decimals")
        case .fieldDefinitionDE: return ("Definition (deutsch)", "Definition (German)")
        case .fieldDefinitionEN: return ("Definition (englisch)", "Definition (English)")
        case .fieldFactor: return ("Faktor", "Factor")
        case .fieldFile: return ("Datei", "File")
        case .fieldFormat: return ("Format", "Format")
        case .fieldIsCount: return ("Art", "Kind")
        case .fieldLabel: return ("Bezeichnung", "Label")
        case .fieldLevels: return ("Gültig auf den Ebenen", "Valid on the levels")
        case .fieldLicence: return ("Lizenz", "Licence")
        case .fieldMinimumCount: return ("Mindestfallzahl", "Minimum count")
        case .fieldNameDE: return ("Name (deutsch)", "Name (German)")
        case .fieldNameEN: return ("Name (englisch)", "Name (English)")
        case .fieldPolarity: return ("Bewertung", "Polarity")
        case .fieldRule: return ("Regel", "Rule")
        case .fieldTableCode: return ("GENESIS-Tabelle", "GENESIS table")
        case .fieldTarget: return ("Gilt für", "Applies to")
        case .fieldThreshold: return ("Schwelle oder Toleranz (%)", "Threshold or tolerance (%)")
        case .fieldTopic: return ("Thema", "Topic")
        case .fieldUnit: return ("Einheit", "Unit")
        case .fileHint: return ("sopla-CSV (variable,ags,reference_date,…,value,status), GENESIS-Tabelle oder GENESIS-Flatfile, höchstens 64 MB. Größere Dateien mit „sopla import data“.", "sopla CSV (variable,ags,reference_date,…,value,status), GENESIS table or GENESIS flat file, at most 64 MB. Larger files with “sopla import data”.")
        case .flagsExplained: return ("Zeichen hinter Werten: p vorläufig, r berichtigt, s geschätzt.", "Signs after values: p provisional, r revised, s estimated.")
        case .importChanged: return ("Geändert", "Changed")
        case .importChecked: return ("Geprüft, nichts gespeichert", "Checked, nothing stored")
        case .importDone: return ("Gespeichert", "Stored")
        case .importFailed: return ("Fehlgeschlagen, nichts gespeichert", "Failed, nothing stored")
        case .importFileGone: return ("Die hochgeladene Datei liegt nicht mehr vor. Bitte laden Sie sie erneut hoch.", "The uploaded file is no longer available. Please upload it again.")
        case .importIntro: return ("Amtliche Statistiken und eigene Zahlen einlesen. Ein Import speichert alles oder nichts; jede fehlerhafte Zeile wird mit Zeile, Spalte und Wert gemeldet. Derselbe Import zweimal ändert nichts; neuere Werte für denselben Stichtag werden als neue Revision gespeichert, die alte bleibt erhalten.", "Read official statistics and own figures. An import stores all or nothing; every bad row is reported with line, column and value. The same import twice changes nothing; newer values for the same date become a new revision and the old one is kept.")
        case .importIssuesTitle: return ("Fehler in der Datei", "Problems in the file")
        case .importNeedsMapping: return ("Spaltenzuordnung nötig", "Column mapping needed")
        case .importNotWaiting: return ("Dieser Import wartet nicht mehr auf eine Zuordnung: er wurde schon gestartet (etwa mit einem zweiten Klick oder in einem anderen Fenster) oder ist abgeschlossen.", "This import no longer waits for a mapping: it has already been started (by a second click or in another window, say) or has finished.")
        case .importToRun: return ("Zum Import und seinem Stand", "To the import and its state")
        case .importNothingStored: return ("Es wurde nichts gespeichert. Bitte korrigieren Sie die Datei und laden Sie sie erneut hoch.", "Nothing was stored. Please correct the file and upload it again.")
        case .importProgress: return ("Fortschritt:", "Progress:")
        case .importRunTitle: return ("Import", "Import")
        case .importRunning: return ("Läuft …", "Running …")
        case .importRunsTitle: return ("Bisherige Importe", "Earlier imports")
        case .importTitle: return ("Daten importieren", "Import data")
        case .importUnchanged: return ("Keine Änderungen: alle Werte waren schon gespeichert", "No changes: all values were stored already")
        case .importWouldChange: return ("Das würde der Import ändern", "What the import would change")
        case .indicatorMapTitle: return ("Karte und Werte", "Map and values")
        case .indicatorMinimumHint: return ("Optional: strengere Mindestfallzahl für den Zähler als beim Merkmal.", "Optional: a stricter minimum count for the numerator than the variable's.")
        case .indicatorsIntro: return ("Kennzahlen der Sozialberichterstattung je Gemeinde und Kreis: Armut, Aufwachsen, Bildung, Kinderbetreuung, Beschäftigung, Wohnen und Teilhabe. Werte von Elterngebieten werden aus den Summen von Zähler und Nenner gebildet, nie als Mittelwert von Quoten. Kleine Fallzahlen werden geheim gehalten.", "Figures of the social report per municipality and county: poverty, upbringing, education, childcare, employment, housing and participation. Values of parent areas come from summed numerators and denominators, never from averaged rates. Small counts are kept secret.")
        case .indicatorsTitle: return ("Indikatoren", "Indicators")
        case .isCountHint: return ("Anzahlen (Personen, Fälle) unterliegen der Geheimhaltung, Beträge und Flächen nicht.", "Counts (people, cases) are subject to disclosure control, amounts and areas are not.")
        case .knownVariables: return ("Merkmale:", "Variables:")
        case .legendNoValue: return ("keine Angabe", "no value")
        case .legendSuppressed: return ("geheim gehalten", "kept secret")
        case .levelsHint: return ("Keine Auswahl: auf allen Ebenen gültig.", "None selected: valid on every level.")
        case .mappingIgnore: return ("– nicht übernehmen –", "– do not import –")
        case .mappingIntro: return ("Die Tabelle {table} wird zum ersten Mal eingelesen oder hat neue Spalten. Wählen Sie für jede Spalte das Merkmal; die Zuordnung wird gespeichert und beim nächsten Import derselben Tabelle wieder verwendet.", "Table {table} is read for the first time or has new columns. Choose the variable for each column; the mapping is saved and reused on the next import of the same table.")
        case .mappingSave: return ("Zuordnung speichern und importieren", "Save mapping and import")
        case .mappingTitle: return ("Spalten zuordnen", "Map the columns")
        case .mappingOwnTitle: return ("Oder: Spalten selbst zuordnen", "Or: map the columns yourself")
        case .genesisProposalTitle: return ("Vorschlag aus der Tabelle", "Proposal from the table")
        case .genesisProposalIntro: return ("Die Tabelle {table} wird zum ersten Mal eingelesen. sopla hat aus ihren eigenen Angaben (Code, Bezeichnung und Einheit jedes Wertmerkmals, die Aufgliederungen) die Merkmale unten abgeleitet. Prüfen Sie sie und die Vorschau. „Vorschlag übernehmen“ legt fehlende Merkmale als Entwurf an, speichert die Zuordnung für diese Tabelle (der nächste Import verwendet sie wieder) und liest die Werte ein – veröffentlicht werden sie erst mit der Freigabe.", "Table {table} is read for the first time. From its own metadata (code, label and unit of each value variable, its breakdowns) sopla proposes the variables below. Check them and the preview. “Accept proposal” creates missing variables as drafts, saves the mapping for this table (the next import reuses it) and reads the values – they become public only when released.")
        case .genesisProposalVariables: return ("Vorgeschlagene Merkmale", "Proposed variables")
        case .genesisProposalColumn: return ("Spalte der Tabelle", "Column of the table")
        case .genesisProposalCode: return ("Merkmal", "Variable")
        case .genesisProposalState: return ("Im Katalog", "In the catalogue")
        case .genesisProposalOwnValues: return ("Werte Ihrer Gebiete", "Values of your areas")
        case .genesisProposalExists: return ("vorhanden, wird verwendet", "exists, is used")
        case .genesisProposalNew: return ("neu (Entwurf)", "new (draft)")
        case .genesisProposalTotal: return ("insgesamt", "total")
        case .genesisProposalDate: return ("Stichtag", "Reference date")
        case .genesisProposalRegions: return ("{own} Werte betreffen Gebiete Ihres Kreises und werden eingelesen; {parents} Werte des Landes und des Bundes werden als Vergleichswerte übernommen; {other} Werte anderer Gebiete werden übersprungen.", "{own} values are for areas of your county and are read; {parents} values of the Land and Germany are kept as reference values; {other} values of other regions are skipped.")
        case .genesisProposalRefused: return ("Werte Ihres Kreises, die abgelehnt würden: {n}. Da eine Datei ganz oder gar nicht eingelesen wird, würde so nichts gespeichert. Wählen Sie oben ein passendes Merkmal oder korrigieren Sie die Datei. Die ersten:",
                                                 "Values of your county that would be refused: {n}. As a file is read whole or not at all, nothing would be stored. Choose a fitting variable above or correct the file. The first:")
        case .genesisProposalNoOwnValues: return ("Die Tabelle enthält keine Werte für Gebiete Ihres Kreises. Laden Sie die Tabelle mit Ihren Kreisen oder Gemeinden herunter (regionale Tiefe).", "The table holds no values for areas of your county. Download it with your counties or municipalities (regional depth).")
        case .genesisProposalPreview: return ("Vorschau: die ersten Werte Ihrer Gebiete", "Preview: the first values of your areas")
        case .genesisProposalCheck: return ("Vorschlag prüfen (Probelauf, nichts wird gespeichert)", "Check the proposal (dry run, nothing is stored)")
        case .genesisProposalAccept: return ("Vorschlag übernehmen und Werte einlesen", "Accept the proposal and read the values")
        case .genesisProposalEditTitle: return ("Kennung und Name der Merkmale", "Code and name of the variables")
        case .genesisProposalEditIntro: return ("Sie können Kennung und Name jedes vorgeschlagenen Merkmals ändern, bevor Sie den Vorschlag übernehmen. Eine Kennung besteht aus Kleinbuchstaben, Ziffern und _ und beginnt mit einem Buchstaben; später ist sie nicht änderbar. Die Kennung eines vorhandenen Merkmals verwendet dieses Merkmal (sein Name bleibt). Zwei Spalten können nicht dieselbe Kennung erhalten.", "You can change the code and name of each proposed variable before accepting the proposal. A code consists of lower-case letters, digits and _ and starts with a letter; it cannot be changed later. The code of an existing variable uses that variable (its name stays). Two columns cannot get the same code.")
        case .genesisProposalCodeFor: return ("Kennung für „{name}“", "Code for “{name}”")
        case .genesisProposalNameFor: return ("Name für „{name}“", "Name for “{name}”")
        case .genesisProposalExistingUsed: return ("Vorhandenes Merkmal wird verwendet: {name}.", "Existing variable is used: {name}.")
        case .genesisProposalSameCode: return ("Dieselbe Kennung wie {columns}: die Werte mehrerer Spalten kämen in ein Merkmal. Bitte eine andere Kennung wählen.", "Same code as {columns}: the values of several columns would end up in one variable. Please choose another code.")
        case .uploadUploading: return ("Datei wird hochgeladen …", "Uploading the file …")
        case .uploadProgress: return ("{sent} von {total} MB hochgeladen", "{sent} of {total} MB uploaded")
        case .uploadChecking: return ("Datei wird geprüft …", "Checking the file …")
        case .uploadFailed: return ("Die Datei wurde nicht eingelesen: {reason}", "The file was not read: {reason}")
        case .uploadInterrupted: return ("Das Hochladen wurde unterbrochen, nichts wurde gespeichert. Bitte versuchen Sie es noch einmal.", "The upload was interrupted, nothing was stored. Please try again.")
        case .uploadTooLarge: return ("Die Datei ist zu groß: höchstens {n} MB.", "The file is too large: at most {n} MB.")
        case .mappingVariable: return ("Merkmal", "Variable")
        case .methodEqualIntervals: return ("gleiche Abstände", "equal intervals")
        case .methodNaturalBreaks: return ("natürliche Brüche (Jenks)", "natural breaks (Jenks)")
        case .methodQuantiles: return ("Quantile", "quantiles")
        case .methodStandardDeviations: return ("Standardabweichungen", "standard deviations")
        case .minimumCountHint: return ("Kleinere Anzahlen werden nicht veröffentlicht. Leer: 3.", "Smaller counts are not published. Empty: 3.")
        case .moreIssues: return ("… und {n} weitere Fehler.", "… and {n} more problems.")
        case .newIndicator: return ("Neuer Indikator", "New indicator")
        case .newVariable: return ("Neues Merkmal", "New variable")
        case .noAmount: return ("Betrag oder Fläche (keine Geheimhaltung)", "Amount or area (no disclosure control)")
        case .noFindings: return ("Keine Auffälligkeiten nach den Prüfregeln.", "No findings under the validation rules.")
        case .noImportRuns: return ("Noch keine Importe.", "No imports yet.")
        case .noIndicatorValues: return ("Für diesen Indikator liegen noch keine Werte vor.", "This indicator has no values yet.")
        case .noIndicatorsYet: return ("Noch keine Indikatoren angelegt.", "No indicators defined yet.")
        case .noReferenceValues: return ("Noch keine Vergleichswerte.", "No reference values yet.")
        case .noValidationRules: return ("Noch keine Prüfregeln.", "No validation rules yet.")
        case .noVariablesYet: return ("Noch keine Merkmale angelegt.", "No variables defined yet.")
        case .notACount: return ("keine (Betrag)", "none (amount)")
        case .percentagePoints: return ("Pp.", "pp")
        case .polarityBetter: return ("Höhere Werte sind günstiger", "Higher values are better")
        case .polarityNeutral: return ("Keine Bewertung", "No assessment")
        case .polarityWorse: return ("Höhere Werte sind ungünstiger", "Higher values are worse")
        case .profileIndicatorsTitle: return ("Steckbrief: Indikatoren", "Profile: indicators")
        case .rankingTitle: return ("Rangfolge", "Ranking")
        case .rawFiguresText: return ("Sie sehen ungeschützte Werte, auch kleine Fallzahlen (mit ● markiert, was öffentlich geheim gehalten wird). Nicht zur Veröffentlichung.", "You see unprotected values, including small counts (● marks what is kept secret in public). Not for publication.")
        case .rawFiguresTitle: return ("Nicht zur Veröffentlichung.", "Not for publication.")
        case .rawSuppressedMarker: return ("● = in der öffentlichen Ansicht geheim gehalten.", "● = kept secret in the public view.")
        case .referenceLabelHint: return ("z. B. „Hessen“ oder „Bund“", "e.g. “Hessen” or “Germany”")
        case .referenceValuesIntro: return ("Werte zum Vergleich, von Hand eingetragen, z. B. aus dem Landessozialbericht.", "Values for comparison, entered by hand, e.g. from the Land's social report.")
        case .referenceValuesTitle: return ("Vergleichswerte", "Reference values")
        case .reload: return ("Aktualisieren", "Refresh")
        case .ruleChange: return ("Veränderung zum Vorjahr über Schwelle", "Change against the year before above threshold")
        case .ruleChildrenSum: return ("Summe der Teilgebiete = Elterngebiet", "Sum of sub-areas = parent area")
        case .ruleNumerator: return ("Zähler ≤ Nenner", "Numerator ≤ denominator")
        case .ruleTargetHint: return ("Indikator (Regel „Zähler ≤ Nenner“) oder Merkmal (andere Regeln).", "Indicator (rule “numerator ≤ denominator”) or variable (other rules).")
        case .searchIndicatorsLabel: return ("Indikator suchen", "Search indicators")
        case .seriesTitle: return ("Zeitreihe", "Time series")
        case .showButton: return ("Anzeigen", "Show")
        case .showPublicView: return ("Öffentliche Ansicht zeigen", "Show the public view")
        case .showRawView: return ("Ungeschützte Werte zeigen (nicht zur Veröffentlichung)", "Show unprotected values (not for publication)")
        case .skipUnknownLabel: return ("Zeilen für Gebiete außerhalb des Bestands überspringen (z. B. Tabelle für ganz Deutschland)", "Skip rows of areas outside the base (e.g. a table for all of Germany)")
        case .startImport: return ("Importieren", "Import")
        case .statusEstimated: return ("geschätzt", "estimated")
        case .statusFinal: return ("endgültig", "final")
        case .statusNotApplicable: return ("nicht sinnvoll", "not applicable")
        case .statusNotYetAvailable: return ("noch nicht verfügbar", "not yet available")
        case .statusProvisional: return ("vorläufig", "provisional")
        case .statusRevised: return ("berichtigt", "revised")
        case .statusSecret: return ("geheim oder unbekannt", "secret or unknown")
        case .statusUnreliable: return ("nicht sicher genug", "not reliable")
        case .statusZero: return ("genau null", "exactly zero")
        case .suppressionExplained: return ("Schraffierte Gebiete: Der Wert beruht auf einer kleinen Fallzahl oder würde eine solche erkennbar machen und wird deshalb nicht veröffentlicht.", "Hatched areas: the value rests on a small count, or would reveal one, and is therefore not published.")
        case .termsHint: return ("Merkmale mit „+“ verbunden, Ausprägungen in eckigen Klammern, z. B. „sgb2_u18“ oder „alo[sex=f]“.", "Variables joined by “+”, breakdowns in brackets, e.g. “sgb2_u18” or “alo[sex=f]”.")
        case .thresholdHint: return ("In Prozent; Pflicht bei „Summe = Elterngebiet“ (Toleranz) und „Veränderung“ (Schwelle), leer bei „Zähler nicht über Nenner“. Ein leeres Feld wird nie als 0 % gespeichert.",
                                     "In per cent; required for “sum = parent” (tolerance) and “change” (threshold), empty for “numerator not above denominator”. An empty field is never saved as 0 %.")
        case .topicChildcare: return ("Kinderbetreuung", "Childcare")
        case .topicEducation: return ("Bildung", "Education")
        case .topicEmployment: return ("Beschäftigung und Arbeitslosigkeit", "Employment and unemployment")
        case .topicHousing: return ("Wohnen", "Housing")
        case .topicParticipation: return ("Teilhabe", "Participation")
        case .topicPopulation: return ("Bevölkerung", "Population")
        case .topicPoverty: return ("Armut und Transferleistungen", "Poverty and benefits")
        case .topicUpbringing: return ("Aufwachsen", "Growing up")
        case .trendBetter: return ("günstiger", "better")
        case .trendDown: return ("gesunken", "down")
        case .trendUnchanged: return ("unverändert", "unchanged")
        case .trendUp: return ("gestiegen", "up")
        case .trendWorse: return ("ungünstiger", "worse")
        case .unitHint: return ("z. B. „Personen“, „Plätze“, „km²“", "e.g. “persons”, “places”, “km²”")
        case .validationReportTitle: return ("Prüfbericht", "Validation report")
        case .validationRulesIntro: return ("Regeln, nach denen sopla die Zahlen nach jedem Import prüft, z. B. ob die Teilgebiete zur Summe passen oder ob sich ein Wert ungewöhnlich stark verändert hat.", "Rules by which sopla checks the figures after each import, e.g. whether sub-areas add up or whether a value changed unusually.")
        case .validationRulesTitle: return ("Prüfregeln", "Validation rules")
        case .valueGap: return ("kein Wert", "no value")
        case .valueNoData: return ("keine Angabe", "no value")
        case .valueSuppressed: return ("geheim gehalten", "kept secret")
        case .valueZeroDenominator: return ("Nenner null", "zero denominator")
        case .variablesIntro: return ("Merkmale sind die Zahlen, aus denen Indikatoren berechnet werden: Anzahlen oder Beträge je Gebiet und Stichtag, mit Quelle und Lizenz.", "Variables are the figures indicators are computed from: counts or amounts per area and reference date, with source and licence.")
        case .variablesTitle: return ("Merkmale", "Variables")
        case .yesCount: return ("Anzahl (Geheimhaltung)", "Count (disclosure control)")
        case .actionManageIndicators: return ("Indikatoren und Merkmale verwalten", "Manage indicators and variables")
        case .actionImportData: return ("Daten importieren", "Import data")
        case .navIndicators: return ("Indikatoren", "Indicators")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: IndicatorText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}
