import Foundation
import Testing
@testable import SoplaCore

/// Control and bidi characters never get into what is stored; everything else stays exactly as typed.
@Suite("Text as typed")
struct TextInputTests {
    @Test func controlAndBidiCharactersAreDropped() {
        #expect(TextInput.clean("Wetz\u{202E}lar\u{0}") == "Wetzlar")
        #expect(TextInput.clean("A\u{7}B\u{1B}C\u{7F}D\u{85}E\u{2066}F\u{2069}") == "ABCDEF")
        // Tabs and line breaks are text; so are umlauts, dashes and the no-break space.
        #expect(TextInput.clean("Zeile 1\r\nZeile 2\tEnde") == "Zeile 1\r\nZeile 2\tEnde")
        #expect(TextInput.clean("Aßlar – Über 5\u{00A0}%") == "Aßlar – Über 5\u{00A0}%")
    }

    @Test func fileNamesReadAsTheyAre() {
        #expect(TextInput.fileName("Konzept \u{202E}gnp.pdf") == "Konzept gnp.pdf")
        #expect(TextInput.fileName("../ordner/\u{7}\u{0}bel.pdf") == "bel.pdf")
        #expect(TextInput.fileName("C:\\Daten\\Bericht 2026.pdf") == "Bericht 2026.pdf")
        #expect(TextInput.fileName("\u{7}") == "Datei")
        #expect(TextInput.fileName("..") == "Datei")
    }

    @Test func jsonStringsLoseThemAndEverythingElseStaysByteForByte() {
        let json = #"{"city":"Wetz\u202elar\u0000","note":"a\"b\\u202e","n":99999999999999999999,"x":"Wetz"# + "\u{202E}" + #"lar","e":"\ud83d\ude00"}"#
        let cleaned = String(decoding: TextInput.cleanJSON(Array(json.utf8)), as: UTF8.self)
        #expect(cleaned == #"{"city":"Wetzlar","note":"a\"b\\u202e","n":99999999999999999999,"x":"Wetzlar","e":"\ud83d\ude00"}"#)
        let plain = #"{"a":[1,2.5e3,-0],"b":"Aßlar"}"#
        #expect(TextInput.cleanJSON(Array(plain.utf8)) == Array(plain.utf8))
    }
}
