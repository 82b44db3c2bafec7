import Foundation

/// Texts of area profiles, maps and planning-area management, German and English.
public enum SpatialText: Sendable {
    case profileKeyLabel, profileLevelLabel, profileMapTitleArea, profileMapCaptionCounty, profileMapCaptionArea, profileOutlineLegend, profileHighlightLegend
    case coverageLegendTitle, coverageLegendBelow50, coverageLegendBelow80, coverageLegendBelow100, coverageLegendCovered, mapLegendNoValue
    case distanceLegendTitle, distanceLegendUpTo5, distanceLegendUpTo10, distanceLegendUpTo20, distanceLegendBeyond20
    case mapPointsCaption, mapPointColumn, mapPointWhere, mapPointLegend, mapNoPoints
    case areasManageTitle, areasUploadTitle, areasUploadIntro, areasFieldFile, areasFieldKeyProperty, areasFieldNameProperty, areasFieldValidFrom
    case areasUploadButton, areasUploadDone, areasUploadErrors, areasIssueTableCaption, areasIssueFeature, areasIssueProperty, areasIssueValue, areasFileMissing
    case areasEditTitle, areasFieldName, areasFieldKind, areasRetireTitle, areasRetireIntro, areasRetireOn, areasRetireButton, areasRetireConfirm
    case areasListTitle, areasNone, areasFileKept, areasIssueReason, areasActiveSince, areasRetired, areasRetiredOn, areasSaved, areasHistoryLink, areasManageLink, areasEditLink, areasNotRetirable, areasStatusColumn, areasActive

    var pair: (String, String) {
        switch self {
        case .profileKeyLabel: return ("Schlüssel", "Key")
        case .profileLevelLabel: return ("Ebene", "Level")
        case .profileMapTitleArea: return ("Lage in der Gemeinde", "Location in the municipality")
        case .profileMapCaptionCounty: return ("Die Gemeinden des Kreises nach Einwohnern je km²; {name} ist schwarz umrandet.", "The county's municipalities by inhabitants per km²; {name} has a black outline.")
        case .profileMapCaptionArea: return ("Die Planungsräume von {parent}; {name} ist schwarz umrandet.", "The planning areas of {parent}; {name} has a black outline.")
        case .profileOutlineLegend: return ("Planungsräume (gestrichelt)", "Planning areas (dashed)")
        case .profileHighlightLegend: return ("dieses Gebiet (schwarz umrandet)", "this area (black outline)")
        case .coverageLegendTitle: return ("Versorgungsgrad", "Coverage ratio")
        case .coverageLegendBelow50: return ("unter 50 %", "below 50 %")
        case .coverageLegendBelow80: return ("50 bis unter 80 %", "50 to below 80 %")
        case .coverageLegendBelow100: return ("80 bis unter 100 %", "80 to below 100 %")
        case .coverageLegendCovered: return ("100 % und mehr (gedeckt)", "100 % and more (covered)")
        case .mapLegendNoValue: return ("kein Wert", "no value")
        case .distanceLegendTitle: return ("Entfernung zum nächsten Angebot", "Distance to the nearest service")
        case .distanceLegendUpTo5: return ("bis 5 km", "up to 5 km")
        case .distanceLegendUpTo10: return ("über 5 bis 10 km", "over 5 to 10 km")
        case .distanceLegendUpTo20: return ("über 10 bis 20 km", "over 10 to 20 km")
        case .distanceLegendBeyond20: return ("über 20 km", "over 20 km")
        case .mapPointsCaption: return ("Orte auf der Karte", "Places on the map")
        case .mapPointColumn: return ("Ort", "Place")
        case .mapPointWhere: return ("Koordinaten (Länge, Breite)", "Coordinates (longitude, latitude)")
        case .mapPointLegend: return ("Standort eines Angebots", "Location of a service")
        case .mapNoPoints: return ("Keine Standorte auf der Karte.", "No locations on the map.")
        case .areasManageTitle: return ("Planungsräume verwalten", "Manage planning areas")
        case .areasUploadTitle: return ("Grenzen hochladen (GeoJSON)", "Upload boundaries (GeoJSON)")
        case .areasUploadIntro: return ("Eine GeoJSON-FeatureCollection in WGS84 (Länge/Breite) mit Polygonen; jedes Objekt ein Planungsraum. Es wird alles übernommen oder nichts: Jeder Fehler wird mit Objektnummer, Eigenschaft und Wert genannt. Eine geänderte Grenze beginnt einen neuen Gebietsstand ab „Gültig ab“, der alte bleibt in der Geschichte.", "A GeoJSON FeatureCollection in WGS84 (longitude/latitude) with polygons; each feature a planning area. Everything is taken or nothing: every error is named with feature number, property and value. A changed boundary starts a new boundary status from “Valid from”; the old one stays in the history.")
        case .areasFieldFile: return ("GeoJSON-Datei", "GeoJSON file")
        case .areasFieldKeyProperty: return ("Eigenschaft mit dem Schlüssel", "Property holding the key")
        case .areasFieldNameProperty: return ("Eigenschaft mit dem Namen", "Property holding the name")
        case .areasFieldValidFrom: return ("Gültig ab", "Valid from")
        case .areasUploadButton: return ("Prüfen und übernehmen", "Check and import")
        case .areasUploadDone: return ("Grenzen übernommen: {summary}.", "Boundaries imported: {summary}.")
        case .areasUploadErrors: return ("Nichts wurde übernommen. Die Datei hat diese Fehler:", "Nothing was imported. The file has these errors:")
        case .areasIssueTableCaption: return ("Fehler der Datei nach Objekt", "Errors of the file by feature")
        case .areasIssueFeature: return ("Objekt", "Feature")
        case .areasIssueProperty: return ("Eigenschaft", "Property")
        case .areasIssueValue: return ("Wert", "Value")
        case .areasFileMissing: return ("Bitte eine GeoJSON-Datei wählen.", "Please choose a GeoJSON file.")
        case .areasEditTitle: return ("Planungsraum bearbeiten", "Edit planning area")
        case .areasFieldName: return ("Name", "Name")
        case .areasFieldKind: return ("Art (optional)", "Kind (optional)")
        case .areasRetireTitle: return ("Planungsraum aufheben", "Retire planning area")
        case .areasRetireIntro: return ("Der Planungsraum gilt bis zum Vortag des gewählten Tages; seine Grenzen und Werte bleiben in der Geschichte. Auf Karten des aktuellen Gebietsstands erscheint er danach nicht mehr.", "The planning area is valid until the day before the chosen day; its boundaries and values stay in the history. After that it no longer appears on maps of the current boundary status.")
        case .areasRetireOn: return ("Aufgehoben ab", "Retired from")
        case .areasRetireButton: return ("Aufheben", "Retire")
        case .areasRetireConfirm: return ("Ja, den Planungsraum {name} ab diesem Tag aufheben", "Yes, retire the planning area {name} from this day")
        case .areasRetired: return ("Der Planungsraum ist aufgehoben.", "The planning area is retired.")
        case .areasRetiredOn: return ("aufgehoben ab {d}", "retired from {d}")
        case .areasSaved: return ("Gespeichert.", "Saved.")
        case .areasHistoryLink: return ("Änderungsprotokoll", "Change log")
        case .areasManageLink: return ("Planungsräume verwalten (Grenzen hochladen)", "Manage planning areas (upload boundaries)")
        case .areasEditLink: return ("Bearbeiten oder aufheben", "Edit or retire")
        case .areasNotRetirable: return ("Dieser Planungsraum hat keine geltende Grenze und ist schon aufgehoben.", "This planning area has no current boundary and is already retired.")
        case .areasStatusColumn: return ("Stand", "Status")
        case .areasActive: return ("gilt", "valid")
        case .areasListTitle: return ("Planungsräume", "Planning areas")
        case .areasFileKept: return ("wird wieder geprüft, wenn keine andere Datei gewählt wird", "checked again unless another file is chosen")
        case .areasNone: return ("Noch keine Planungsräume: Grenzen hochladen oder einen Planungsraum anlegen.", "No planning areas yet: upload boundaries or create a planning area.")
        case .areasActiveSince: return ("gilt seit {d}", "valid since {d}")
        case .areasIssueReason: return ("Fehler", "Problem")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: SpatialText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}
