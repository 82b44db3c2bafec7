import Foundation

/// German search words as people type them: case, umlauts, endings, compounds and typing errors.
///
/// Texts and queries go through the same steps, so that "Schulden" meets "Schuldnerberatung" and "Drogen" meets a
/// category whose planners listed it as a synonym. Stems follow CISTEM (Weissweiler & Fraser 2017), a stemmer for
/// German that strips endings without a dictionary; compounds are split where both parts are known words.
public enum GermanSearch {
    /// Words that say nothing about what someone looks for.
    public static let stopwords: Set<String> = [
        "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bitte", "da", "das", "dass", "dem", "den", "der", "des", "die",
        "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "fur", "gibt", "habe", "hat", "ich", "ihr", "im", "in", "ist",
        "mein", "meine", "meinen", "mich", "mir", "mit", "nach", "oder", "ohne", "sie", "sind", "um", "und", "uns", "vom", "von", "wer", "wie", "wir",
        "wo", "zu", "zum", "zur",
    ]

    /// Base words of social services, for splitting compounds (as stems). Words of the searched texts are added.
    public static let baseWords: [String] = [
        "adoption", "aids", "alkohol", "alleinerziehend", "alter", "amt", "angehorig", "arbeit", "asyl", "ausbildung", "begegnung", "behinderung",
        "beratung", "beschaftigung", "betreuung", "bildung", "burger", "dienst", "drog", "ehe", "eltern", "entlastung", "erziehung", "essen", "familie",
        "flucht", "fluchtling", "forderung", "frau", "freizeit", "fruh", "garten", "geburt", "geld", "gemeinde", "gesundheit", "gewalt", "glucksspiel",
        "gruppe", "haus", "heim", "hilfe", "hiv", "hospiz", "insolvenz", "integration", "jugend", "kammer", "kind", "kinder", "kleider", "konflikt",
        "konto", "krankheit", "krippe", "kurs", "leben", "lernen", "mann", "medien", "miete", "migration", "mobil", "mutter", "nachbarschaft",
        "nachhilfe", "not", "notruf", "obdach", "partner", "pflege", "psychiatrie", "psycho", "recht", "schuld", "schuldner", "schule", "schutz",
        "schwanger", "schwangerschaft", "seelsorge", "selbst", "senior", "sozial", "spiel", "sport", "sprache", "stadt", "statte", "stelle", "sterben",
        "sucht", "tafel", "tag", "tages", "telefon", "trauer", "trennung", "treff", "unterhalt", "unterkunft", "vater", "verein", "vormund", "wohnen",
        "wohnung", "zentrum",
    ].map { stem($0) }

    // MARK: Words

    /// Lower case without diacritics, "ß" as "ss": the form every comparison uses.
    public static func fold(_ text: String) -> String {
        text.replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ẞ", with: "ss")
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "de_DE"))
    }

    /// The words of a text, folded, without stop words; letters and digits only (so they are safe in any query syntax).
    public static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { !stopwords.contains($0) }
    }

    /// The CISTEM stem of a folded word ("schulden" → "schuld", "beratungen" → "beratung", "kitas" → "kita").
    public static func stem(_ word: String) -> String {
        var w = fold(word)
        guard !w.isEmpty else { return w }
        // Letter groups that act as one letter, and doubled letters, are marked so that endings are found correctly.
        w = w.replacingOccurrences(of: "sch", with: "$").replacingOccurrences(of: "ei", with: "%").replacingOccurrences(of: "ie", with: "&")
        var chars = Array(w)
        for i in chars.indices.dropFirst() where chars[i] == chars[i - 1] && chars[i] != "*" { chars[i] = "*" }
        while chars.count > 3 {
            if chars.count > 5, chars.last == "m" || chars.last == "r", chars[chars.count - 2] == "e" {
                chars.removeLast(2)
                continue
            }
            if chars.count > 5, chars.last == "d", chars[chars.count - 2] == "n" {
                chars.removeLast(2)
                continue
            }
            if chars.last == "t" || chars.last == "e" || chars.last == "s" || chars.last == "n" {
                chars.removeLast()
                continue
            }
            break
        }
        for i in chars.indices.dropFirst() where chars[i] == "*" { chars[i] = chars[i - 1] }
        return String(chars).replacingOccurrences(of: "&", with: "ie").replacingOccurrences(of: "%", with: "ei").replacingOccurrences(of: "$", with: "sch")
    }

    /// Linking elements between the parts of a compound ("Beratung-s-stelle", "Frau-en-haus").
    static let linkingElements = ["", "s", "es", "n", "en", "e", "er", "ens"]

    /// The known parts of a folded compound, as stems, longest-first split from the right
    /// ("schuldnerberatung" → ["schuldner", "beratung"] stemmed); empty when it is no compound of known words.
    public static func parts(of word: String, lexicon: Set<String>) -> [String] {
        let chars = Array(word)
        guard chars.count >= 7 else { return [] }
        // The longest known tail of at least four letters, leaving a head of at least three.
        for cut in 3...(chars.count - 4) {
            let tail = String(chars[cut...])
            guard lexicon.contains(stem(tail)) || lexicon.contains(tail) else { continue }
            let head = String(chars[..<cut])
            for link in linkingElements where head.hasSuffix(link) && head.count - link.count >= 3 {
                let base = String(head.dropLast(link.count))
                if lexicon.contains(stem(base)) || lexicon.contains(base) { return [stem(base), stem(tail)] }
                let inner = parts(of: base, lexicon: lexicon)
                if !inner.isEmpty { return inner + [stem(tail)] }
            }
            // An unknown head of at least four letters is kept as a word of its own ("Insolvenz|beratung").
            if head.count >= 4 { return [stem(head), stem(tail)] }
        }
        return []
    }

    /// The searchable terms of a text: every word's stem, and the stems of its parts when it is a compound.
    public static func terms(_ text: String, lexicon: Set<String>) -> [String] {
        var result: [String] = []
        for word in words(text) {
            result.append(stem(word))
            result += parts(of: word, lexicon: lexicon)
        }
        return result.filter { !$0.isEmpty }
    }

    /// The words of several texts as a lexicon for compound splitting, with the base words.
    public static func lexicon(_ texts: [String]) -> Set<String> {
        Set(baseWords).union(texts.flatMap(words).filter { $0.count >= 4 }.map(stem))
    }

    // MARK: Queries

    /// A term of a query; `prefix` also finds longer words ("schuld" → "schuldnerberatung").
    public struct Term: Hashable, Sendable {
        public let text: String
        public let prefix: Bool

        public init(_ text: String, prefix: Bool) {
            self.text = text
            self.prefix = prefix
        }
    }

    /// What a search asks the index: every clause must match; a clause matches when all terms of one of its
    /// alternatives match.
    public struct Query: Equatable, Sendable {
        public var clauses: [[[Term]]]
        /// Typed words the index does not know, with the known word that is searched instead ("schulden" → "schuld").
        public var corrections: [(typed: String, used: String)]

        public var isEmpty: Bool { clauses.isEmpty }

        public static func == (a: Query, b: Query) -> Bool {
            a.clauses == b.clauses && a.corrections.map(\.typed) == b.corrections.map(\.typed) && a.corrections.map(\.used) == b.corrections.map(\.used)
        }

        /// SQLite FTS5 MATCH syntax; terms are folded letters and digits only.
        public var fts5: String {
            clauses.map { alternatives in
                "(" + alternatives.map { terms in
                    "(" + terms.map { "\"\($0.text)\"" + ($0.prefix ? " *" : "") }.joined(separator: " AND ") + ")"
                }.joined(separator: " OR ") + ")"
            }.joined(separator: " AND ")
        }

        /// PostgreSQL `to_tsquery('simple', …)` syntax.
        public var tsquery: String {
            clauses.map { alternatives in
                "(" + alternatives.map { terms in
                    "(" + terms.map { $0.text + ($0.prefix ? ":*" : "") }.joined(separator: " & ") + ")"
                }.joined(separator: " | ") + ")"
            }.joined(separator: " & ")
        }
    }

    /// Shortest stem searched as a prefix: shorter ones would find too much.
    static let shortestPrefix = 4

    /// A query from what someone typed, against the terms the index holds (`vocabulary`).
    ///
    /// Each word is searched by its stem (as a prefix from four letters), a compound also by its parts; a word whose
    /// stem the index does not know is also searched as the nearest known terms (one typing error from six letters of
    /// the stem, two from ten; shorter words have too many neighbours).
    public static func query(_ text: String, vocabulary: Set<String>, lexicon: Set<String> = Set(baseWords)) -> Query {
        var clauses: [[[Term]]] = []
        var corrections: [(typed: String, used: String)] = []
        let sortedVocabulary = vocabulary.sorted()
        for word in words(String(text.prefix(200))).prefix(8) {
            let s = stem(word)
            guard !s.isEmpty else { continue }
            let prefix = s.count >= shortestPrefix
            var alternatives: [[Term]] = [[Term(s, prefix: prefix)]]
            let parts = parts(of: word, lexicon: lexicon.union(vocabulary))
            // Parts from four letters also find longer words ("Sozialpsychiatrie" → "sozial*" and "psychiatrie").
            if !parts.isEmpty { alternatives.append(parts.map { Term($0, prefix: $0.count >= shortestPrefix) }) }
            let known = vocabulary.contains(s) || (prefix && sortedVocabulary.contains { $0.hasPrefix(s) })
                || (!parts.isEmpty && parts.allSatisfy(vocabulary.contains))
            if !known, s.count >= 6 {
                let allowed = s.count >= 10 ? 2 : 1
                let near = sortedVocabulary.map { ($0, editDistance(s, $0, limit: allowed)) }.filter { $0.1 <= allowed }
                    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3)
                if let best = near.first { corrections.append((word, best.0)) }
                alternatives += near.map { [Term($0.0, prefix: false)] }
            }
            if !clauses.contains(alternatives) { clauses.append(alternatives) }
        }
        return Query(clauses: clauses, corrections: corrections)
    }

    /// Optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours), stopping above `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    // MARK: Ranking

    /// Results in order of relevance, then distance, then name: scores in the same quarter below the best score count
    /// as equally relevant, so that among them the nearest comes first.
    public static func ranked<ID: Hashable>(_ hits: [(id: ID, score: Double, distanceKm: Double?, name: String)]) -> [ID] {
        guard let best = hits.map(\.score).max() else { return [] }
        func tier(_ score: Double) -> Int { best > 0 ? min(4, max(0, Int(((best - score) / best * 4).rounded(.down)))) : 0 }
        return hits.sorted { a, b in
            let ta = tier(a.score), tb = tier(b.score)
            if ta != tb { return ta < tb }
            let da = a.distanceKm ?? .infinity, db = b.distanceKm ?? .infinity
            if da != db { return da < db }
            return a.name.lowercased() < b.name.lowercased()
        }.map(\.id)
    }
}
