import Foundation

/// Texts of the catalogue's lifecycle (drafts, publishing, archiving, deleting variables and indicators), German and English.
public enum CatalogueText: Sendable {
    case catalogueDraft, cataloguePublished, catalogueArchived, catalogueColumnState
    case catalogueDraftIndicatorNote, catalogueArchivedIndicatorNote, catalogueDraftVariableNote, catalogueArchivedVariableNote
    case cataloguePublish, catalogueArchive, catalogueRestore, catalogueArchiveInstead
    case catalogueUnpublishedTitle, catalogueUnpublishedIntro
    case catalogueArchiveIndicatorText, catalogueArchiveVariableText, catalogueDeleteIndicatorText, catalogueDeleteVariableText
    case catalogueInUseTitle, catalogueIndicatorInUse, catalogueVariableInUse, catalogueArchiveOffer, catalogueAlreadyArchived
    case catalogueNotPublishableTitle, catalogueVariablesNotPublished, catalogueArchiveBlockedTitle, catalogueUsedByPublished
    case catalogueTransitionNotAllowed, catalogueBackTo
    case catalogueUseObservations, catalogueUseIndicator, catalogueUseReferenceValue, catalogueUseValidationRule, catalogueUseColumnMapping
    case catalogueUseReport, catalogueUseEdition, catalogueUseAgreement
    case catalogueNoticePublished, catalogueNoticeArchived, catalogueNoticeRestored

    var pair: (String, String) {
        switch self {
        case .catalogueDraft: return ("Entwurf", "Draft")
        case .cataloguePublished: return ("veröffentlicht", "published")
        case .catalogueArchived: return ("archiviert", "archived")
        case .catalogueColumnState: return ("Status", "State")
        case .catalogueDraftIndicatorNote: return ("Entwurf: nur für Planende sichtbar – nicht im öffentlichen Katalog, in der Schnittstelle, in Steckbriefen und in der Auswahl für Berichte.",
                                                   "Draft: visible to planners only – not in the public catalogue, the API, profiles or the choice for reports.")
        case .catalogueArchivedIndicatorNote: return ("Archiviert: aus dem öffentlichen Katalog genommen. Bestehende Berichte und Berichtsausgaben zeigen ihn weiter.",
                                                      "Archived: taken out of the public catalogue. Existing reports and editions keep showing it.")
        case .catalogueDraftVariableNote: return ("Entwurf: nur für Planende sichtbar, nicht in der öffentlichen Liste und der Schnittstelle.",
                                                  "Draft: visible to planners only, not in the public list or the API.")
        case .catalogueArchivedVariableNote: return ("Archiviert: aus der öffentlichen Liste genommen. Die gespeicherten Werte bleiben erhalten.",
                                                     "Archived: taken out of the public list. The stored values are kept.")
        case .cataloguePublish: return ("Veröffentlichen", "Publish")
        case .catalogueArchive: return ("Archivieren", "Archive")
        case .catalogueRestore: return ("Wiederherstellen", "Restore")
        case .catalogueArchiveInstead: return ("Stattdessen archivieren", "Archive instead")
        case .catalogueUnpublishedTitle: return ("Entwürfe und archivierte Indikatoren", "Drafts and archived indicators")
        case .catalogueUnpublishedIntro: return ("Nur für Planende sichtbar; der öffentliche Katalog zeigt sie nicht.", "Visible to planners only; the public catalogue does not show them.")
        case .catalogueArchiveIndicatorText: return ("Der Indikator „{n}“ wird aus dem öffentlichen Katalog, der Schnittstelle und den Steckbriefen genommen. Bestehende Berichtsausgaben zeigen ihn weiter; Sie können ihn jederzeit wiederherstellen.",
                                                     "The indicator “{n}” is taken out of the public catalogue, the API and the profiles. Existing editions keep showing it; you can restore it at any time.")
        case .catalogueArchiveVariableText: return ("Das Merkmal „{n}“ wird aus der öffentlichen Liste und der Schnittstelle genommen. Die gespeicherten Werte bleiben erhalten; Sie können es jederzeit wiederherstellen.",
                                                    "The variable “{n}” is taken out of the public list and the API. The stored values are kept; you can restore it at any time.")
        case .catalogueDeleteIndicatorText: return ("Der Indikator „{n}“ wird endgültig gelöscht. Nichts verwendet ihn; seine Änderungen bleiben im Protokoll.",
                                                    "The indicator “{n}” is deleted for good. Nothing uses it; its changes stay in the audit log.")
        case .catalogueDeleteVariableText: return ("Das Merkmal „{n}“ wird endgültig gelöscht. Nichts verwendet es; seine Änderungen bleiben im Protokoll.",
                                                   "The variable “{n}” is deleted for good. Nothing uses it; its changes stay in the audit log.")
        case .catalogueInUseTitle: return ("Nicht gelöscht: „{n}“ wird verwendet", "Not deleted: “{n}” is in use")
        case .catalogueIndicatorInUse: return ("Der Indikator „{n}“ kann nicht gelöscht werden, weil er verwendet wird:", "The indicator “{n}” cannot be deleted because it is in use:")
        case .catalogueVariableInUse: return ("Das Merkmal „{n}“ kann nicht gelöscht werden, weil es verwendet wird:", "The variable “{n}” cannot be deleted because it is in use:")
        case .catalogueArchiveOffer: return ("Archivieren Sie es stattdessen: Es verschwindet aus dem öffentlichen Katalog, bleibt aber für Berichte und Ausgaben erhalten.",
                                             "Archive it instead: it disappears from the public catalogue but is kept for reports and editions.")
        case .catalogueAlreadyArchived: return ("Es ist bereits archiviert und öffentlich nicht mehr sichtbar.", "It is already archived and no longer publicly visible.")
        case .catalogueNotPublishableTitle: return ("Nicht veröffentlicht: „{n}“", "Not published: “{n}”")
        case .catalogueVariablesNotPublished: return ("Der Indikator „{n}“ verwendet Merkmale, die nicht veröffentlicht sind. Veröffentlichen Sie zuerst diese Merkmale:",
                                                      "The indicator “{n}” uses variables that are not published. Publish these variables first:")
        case .catalogueArchiveBlockedTitle: return ("Nicht archiviert: „{n}“", "Not archived: “{n}”")
        case .catalogueUsedByPublished: return ("Das Merkmal „{n}“ wird von veröffentlichten Indikatoren verwendet. Archivieren Sie zuerst diese Indikatoren:",
                                                "The variable “{n}” is used by published indicators. Archive these indicators first:")
        case .catalogueTransitionNotAllowed: return ("„{n}“ hat den Status „{s}“; das ist dafür nicht möglich.", "“{n}” has the state “{s}”; that is not possible in it.")
        case .catalogueBackTo: return ("Zurück zu „{n}“", "Back to “{n}”")
        case .catalogueUseObservations: return ("{v} gespeicherte Werte", "{v} stored values")
        case .catalogueUseIndicator: return ("Indikator „{v}“ ({c})", "Indicator “{v}” ({c})")
        case .catalogueUseReferenceValue: return ("Vergleichswert „{v}“", "Reference value “{v}”")
        case .catalogueUseValidationRule: return ("Prüfregel „{v}“", "Validation rule “{v}”")
        case .catalogueUseColumnMapping: return ("Spaltenzuordnung der Tabelle {v}", "Column mapping of table {v}")
        case .catalogueUseReport: return ("Bericht „{v}“", "Report “{v}”")
        case .catalogueUseEdition: return ("Ausgabe {c} des Berichts „{v}“", "Edition {c} of the report “{v}”")
        case .catalogueUseAgreement: return ("Zuwendungsvereinbarung {v}", "Grant agreement {v}")
        case .catalogueNoticePublished: return ("Veröffentlicht.", "Published.")
        case .catalogueNoticeArchived: return ("Archiviert.", "Archived.")
        case .catalogueNoticeRestored: return ("Wiederhergestellt.", "Restored.")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: CatalogueText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}
