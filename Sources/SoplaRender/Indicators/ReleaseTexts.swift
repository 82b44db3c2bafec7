import Foundation

/// Texts of releasing imported values (import pages, indicator pages), German and English.
public enum ReleaseText: Sendable {
    case auditReleaseData, auditWithdrawRelease, columnRelease, releaseTitle, releaseIntro, releaseStateUnreleased
    case releaseStateReleased, releaseStateWithdrawn, releaseStateNone, releaseBy, releaseReasonLabel, releaseReasonHint
    case releaseReasonRequiredHint, releaseButton, releaseFailedRules, withdrawTitle, withdrawIntro, withdrawReasonLabel
    case withdrawConfirm, withdrawConfirmLabel, withdrawButton, noticeReleased, noticeWithdrawn, unreleasedMarker, unreleasedNoteTitle
    case unreleasedNoteText, releaseAlready, releaseNotPossible, withdrawNotReleased, checkReportCounts, releasePublicCount, publicRevision

    var pair: (String, String) {
        switch self {
        case .auditReleaseData: return ("Import freigegeben", "Import released")
        case .auditWithdrawRelease: return ("Freigabe zurückgezogen", "Release withdrawn")
        case .columnRelease: return ("Freigabe", "Release")
        case .releaseTitle: return ("Freigabe", "Release")
        case .releaseIntro: return ("Die Werte dieses Imports sind erst öffentlich, wenn Sie den Import freigeben. Lesen Sie vorher den Prüfbericht. Bis dahin sehen nur Berechtigte sie, gekennzeichnet als „nicht freigegeben“; alle anderen sehen den zuletzt freigegebenen Wert.", "The values of this import are public only once you release the import. Read the check report first. Until then only authorised users see them, marked “not released”; everyone else sees the last released value.")
        case .releaseStateUnreleased: return ("nicht freigegeben", "not released")
        case .releaseStateReleased: return ("freigegeben am {date}", "released on {date}")
        case .releaseStateWithdrawn: return ("zurückgezogen am {date}", "withdrawn on {date}")
        case .releaseStateNone: return ("–", "–")
        case .releaseBy: return ("von {who}", "by {who}")
        case .releaseReasonLabel: return ("Begründung", "Reason")
        case .releaseReasonHint: return ("Optional: eine Bemerkung zur Freigabe. Sie steht im Änderungsprotokoll.", "Optional: a remark on the release. It is kept in the audit log.")
        case .releaseReasonRequiredHint: return ("Nötig, weil Prüfregeln verletzt sind: warum die Werte trotzdem veröffentlicht werden können.", "Required because validation rules failed: why the values can be published all the same.")
        case .releaseButton: return ("Freigeben", "Release")
        case .releaseFailedRules: return ("Verletzte Prüfregeln: {rules}.", "Failed validation rules: {rules}.")
        case .withdrawTitle: return ("Freigabe zurückziehen", "Withdraw the release")
        case .withdrawIntro: return ("Die Werte dieses Imports sind dann nicht mehr öffentlich; öffentlich ist wieder der zuvor freigegebene Wert jedes Gebiets und Stichtags (oder keiner).", "The values of this import are then no longer public; the previously released value of each area and date is public again (or none).")
        case .withdrawReasonLabel: return ("Begründung für das Zurückziehen", "Reason for withdrawing")
        case .withdrawConfirm: return ("Ich bestätige: die Werte dieses Imports sollen nicht mehr öffentlich sein.", "I confirm: the values of this import shall no longer be public.")
        case .withdrawConfirmLabel: return ("Bestätigung", "Confirmation")
        case .withdrawButton: return ("Freigabe zurückziehen", "Withdraw the release")
        case .noticeReleased: return ("Freigegeben: die Werte sind jetzt öffentlich.", "Released: the values are public now.")
        case .noticeWithdrawn: return ("Freigabe zurückgezogen: die Werte sind nicht mehr öffentlich.", "Release withdrawn: the values are no longer public.")
        case .unreleasedMarker: return ("nicht freigegeben", "not released")
        case .unreleasedNoteTitle: return ("Nicht freigegebene Werte.", "Values not released.")
        case .unreleasedNoteText: return ("Werte folgender Stichtage stammen aus Importen, die noch nicht freigegeben sind; öffentlich sind sie nicht zu sehen: {dates}.", "Values of these reference dates come from imports not released yet; the public does not see them: {dates}.")
        case .releaseAlready: return ("Dieser Import ist schon freigegeben.", "This import is released already.")
        case .releaseNotPossible: return ("Dieser Import hat keine Werte gespeichert; es gibt nichts freizugeben.", "This import stored no values; there is nothing to release.")
        case .withdrawNotReleased: return ("Dieser Import ist nicht freigegeben.", "This import is not released.")
        case .checkReportCounts: return ("Prüfbericht: {inserted} neue und {revised} geänderte Werte.", "Check report: {inserted} new and {revised} revised values.")
        case .publicRevision: return ("öffentlich", "public")
        case .releasePublicCount: return ("Öffentlich sind davon jetzt {n} Werte.", "Of these, {n} values are public now.")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: ReleaseText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}
