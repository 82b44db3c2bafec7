import Foundation
import SoplaCore

/// What an erasure leaves as written, in words: the kinds of records whose free text still names the person.
public enum ErasureWords {
    /// Tables that are no record kind of the audit log, by what people know them as.
    static let tables: [String: (String, String)] = [
        "audit_entries": ("Protokoll", "Audit log"), "services": ("Angebote", "Services"), "service_versions": ("Frühere Fassungen von Angeboten", "Earlier versions of services"),
        "service_proposals": ("Änderungsvorschläge zu Angeboten", "Proposed service changes"), "survey_answers": ("Antworten auf Bestandserhebungen", "Survey answers"),
        "organisations": ("Organisationen", "Organisations"), "reports": ("Berichte", "Reports"), "report_chapters": ("Berichte", "Reports"),
        "report_sections": ("Berichte", "Reports"), "report_blocks": ("Berichte", "Reports"), "report_editions": ("Berichtsausgaben", "Report editions"),
        "funding_attachments": ("Unterlagen zu Förderanträgen", "Application documents"), "paper_attachments": ("Anlagen zu Vorlagen", "Paper attachments"),
        "grant_notices": ("Zuwendungsbescheide", "Grant notices"), "import_runs": ("Datenimporte", "Data imports"),
    ]

    /// "Förderanträge: 2 Einträge" for each kind; kinds without a name are counted as further data.
    public static func lines(_ mentions: [(kind: String, entries: Int)], _ language: Language) -> [String] {
        var totals: [String: Int] = [:]
        for mention in mentions {
            let known = AccountNames.recordKinds[mention.kind] != nil || mention.kind.hasPrefix("funding-") || mention.kind.hasPrefix("participation-")
            let name = known ? AccountNames.entity(mention.kind, language)
                : tables[mention.kind].map { language == .de ? $0.0 : $0.1 } ?? (language == .de ? "Weitere Daten" : "Other data")
            totals[name, default: 0] += mention.entries
        }
        return totals.sorted { $0.key < $1.key }.map { name, n in
            name + ": " + (language == .de ? (n == 1 ? "1 Eintrag" : "\(n) Einträge") : (n == 1 ? "1 entry" : "\(n) entries"))
        }
    }

    public static func title(_ language: Language) -> String {
        language == .de
            ? "Der Name steht auch in frei geschriebenem Text (Titel, Begründungen, Stellungnahmen, Dateinamen). Die Löschung ersetzt nur Namensfelder; diese Texte bleiben, wie sie geschrieben wurden. Bitte vorher prüfen und ändern:"
            : "The name also stands in free text (titles, reasons, statements, file names). Erasure replaces name fields only; these texts stay as written. Please check and change them first:"
    }
}
