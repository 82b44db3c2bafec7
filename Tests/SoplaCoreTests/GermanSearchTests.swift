import Foundation
import Testing
@testable import SoplaCore

@Suite("German search words")
struct GermanSearchTests {
    @Test("Folding: case, umlauts and ß")
    func folding() {
        #expect(GermanSearch.fold("Straße") == "strasse")
        #expect(GermanSearch.fold("Ärzte ÖFFNUNG Übung") == "arzte offnung ubung")
    }

    @Test("Words without stop words, letters and digits only")
    func words() {
        #expect(GermanSearch.words("Hilfe für Familien und Kinder!") == ["hilfe", "familien", "kinder"])
        #expect(GermanSearch.words("Schuldner- und Insolvenzberatung (§ 305 InsO)") == ["schuldner", "insolvenzberatung", "305", "inso"])
        #expect(GermanSearch.words("\"* OR NEAR(") == ["or", "near"])
    }

    @Test("CISTEM stems: endings go (a final s too: \"Haus\" and \"Häuser\" meet)", arguments: [
        ("Schulden", "schuld"), ("Schuldner", "schuld"), ("Beratungen", "beratung"), ("Beratung", "beratung"), ("Kitas", "kita"),
        ("Drogen", "drog"), ("Häuser", "hau"), ("Kindertagesstätte", "kindertagesstatt"), ("Familien", "familie"), ("Sucht", "such"),
        ("Alleinerziehende", "alleinerzieh"), ("Frauenhaus", "frauenhau"), ("Haus", "hau"), ("Kinder", "kind"), ("Kind", "kind"),
    ])
    func stems(word: String, stem: String) {
        #expect(GermanSearch.stem(word) == stem)
    }

    @Test("Compounds split into known parts, with linking elements")
    func compounds() {
        let lexicon = Set(GermanSearch.baseWords)
        #expect(GermanSearch.parts(of: "schuldnerberatung", lexicon: lexicon) == ["schuld", "beratung"])
        #expect(GermanSearch.parts(of: "beratungsstelle", lexicon: lexicon) == ["beratung", "stell"])
        #expect(GermanSearch.parts(of: "kindertagesstatte", lexicon: lexicon) == ["kind", "tag", "statt"])
        #expect(GermanSearch.parts(of: "insolvenzberatung", lexicon: lexicon) == ["insolvenz", "beratung"])
        #expect(GermanSearch.parts(of: "frauenhaus", lexicon: lexicon) == ["frau", "hau"])
        #expect(GermanSearch.parts(of: "sonnenweg", lexicon: lexicon) == [])
        #expect(GermanSearch.parts(of: "beratung", lexicon: lexicon) == [])
    }

    @Test("A text's terms are its stems and its compounds' parts")
    func terms() {
        #expect(GermanSearch.terms("Schuldnerberatung Herborn", lexicon: Set(GermanSearch.baseWords))
            == ["schuldnerberatung", "schuld", "beratung", "herbor"])
    }

    @Test("Edit distance counts a swap of neighbours as one")
    func distance() {
        #expect(GermanSearch.editDistance("schold", "schuld") == 1)
        #expect(GermanSearch.editDistance("beratnug", "beratung") == 1)
        #expect(GermanSearch.editDistance("kita", "kino") == 2)
        #expect(GermanSearch.editDistance("kita", "kita") == 0)
        #expect(GermanSearch.editDistance("a", "abcdef", limit: 2) == 3)
    }

    @Test("A known word is searched by its stem as a prefix")
    func knownQuery() {
        let query = GermanSearch.query("Schulden", vocabulary: ["schuld", "beratung", "schuldnerberatung"])
        #expect(query.clauses == [[[GermanSearch.Term("schuld", prefix: true)]]])
        #expect(query.corrections.isEmpty)
        #expect(query.fts5 == "((\"schuld\" *))")
        #expect(query.tsquery == "((schuld:*))")
    }

    @Test("A mistyped word is also searched as the nearest known words")
    func typo() {
        let query = GermanSearch.query("Scholden Beratnug", vocabulary: ["schuld", "beratung", "schuldnerberatung"])
        #expect(query.fts5 == "((\"schold\" *) OR (\"schuld\")) AND ((\"beratnug\" *) OR (\"beratung\"))")
        #expect(query.tsquery == "((schold:*) | (schuld)) & ((beratnug:*) | (beratung))")
        #expect(query.corrections.map(\.typed) == ["scholden", "beratnug"])
        #expect(query.corrections.map(\.used) == ["schuld", "beratung"])
    }

    @Test("A typed compound is also searched by its parts; short words not as a prefix; stop words dropped")
    func compoundQuery() {
        let query = GermanSearch.query("Hilfe für Drogenberatung", vocabulary: ["drog", "beratung", "hilf"])
        #expect(query.fts5 == "((\"hilf\" *)) AND ((\"drogenberatung\" *) OR (\"drog\" * AND \"beratung\" *))")
        #expect(GermanSearch.query("Kita", vocabulary: ["kita"]).fts5 == "((\"kita\" *))")
        #expect(GermanSearch.query("AG", vocabulary: ["ag"]).fts5 == "((\"ag\"))")
        // Short stems are not corrected ("Kredit" is no typing error of "Kreis").
        #expect(GermanSearch.query("Kredit", vocabulary: ["krei"]).corrections.isEmpty)
        #expect(GermanSearch.query("und oder", vocabulary: ["und"]).isEmpty)
    }

    @Test("Ranking: relevance first, then distance among equally relevant, then name")
    func ranking() {
        let hits: [(id: Int, score: Double, distanceKm: Double?, name: String)] = [
            (1, 10.0, 30, "B"), (2, 9.8, 2, "C"), (3, 2.0, 0.5, "A"), (4, 10.0, nil, "A"), (5, 9.9, 30, "A"),
        ]
        // 1, 2, 4 and 5 are within a quarter below the best score: 2 is nearest, then 5 and 1 (30 km, by name), then 4 (no distance); 3 last.
        #expect(GermanSearch.ranked(hits) == [2, 5, 1, 4, 3])
        #expect(GermanSearch.ranked([(id: 1, score: 0, distanceKm: nil, name: "b"), (id: 2, score: 0, distanceKm: nil, name: "A")]) == [2, 1])
        // 7.4 is more than a quarter below 10: less relevant, however near.
        #expect(GermanSearch.ranked([(id: 1, score: 10, distanceKm: 30, name: "b"), (id: 2, score: 7.4, distanceKm: 1, name: "a")]) == [1, 2])
        #expect(GermanSearch.ranked([(id: 1, score: 10, distanceKm: 30, name: "b"), (id: 2, score: 7.6, distanceKm: 1, name: "a")]) == [2, 1])
    }

    @Test("Category search words as typed: by comma or line, trimmed, once each")
    func synonyms() {
        #expect(ServiceCategory.synonyms("Drogen, Alkohol\nSpielsucht;drogen ,  ") == ["Drogen", "Alkohol", "Spielsucht"])
    }
}
