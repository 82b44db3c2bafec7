import Foundation
import SoplaCore

/// What sopla proposes for a GENESIS file from the file's own metadata: a variable per value variable (or value column
/// of an old table), each GENESIS variable a breakdown (`GES`: `GESM` → `sex=m`, `GESW` → `sex=f`, an empty attribute
/// the total), and the column mapping that ties them together.
public struct GenesisProposal: Sendable, Equatable {
    public struct ProposedVariable: Sendable, Equatable {
        /// The value variable code or the labels of the column (what the mapping refers to).
        public let signature: String
        public let code: String
        public let name: String
        public let unit: String
        public let isCount: Bool
        /// An existing variable of this code is reused; otherwise it is created.
        public let exists: Bool
        /// The breakdowns its values come with, e.g. `["sex"]`.
        public let breakdowns: [String]
        /// Values of the county's own units (the rest are other regions).
        public var ownValues: Int
    }

    public let tableCode: String?
    public let tableTitle: String
    public var variables: [ProposedVariable]
    /// Rows (values) of units of the spatial base, of its parents (Land, Bund) and of other regions.
    public var ownValues = 0
    public var parentValues = 0
    public var otherValues = 0

    /// The mapping this proposal stands for.
    public var mapping: ColumnMapping {
        ColumnMapping(tableCode: tableCode ?? "", targets: Dictionary(uniqueKeysWithValues: variables.map { ($0.signature, IndicatorTerm(variable: $0.code)) }))
    }

    /// Reads the whole file once. `existing`: variable codes already in the catalogue; `units`: keys of the spatial
    /// base; `parents`: keys above it (its Land, `DG`); `described`: the file's description when the caller has it.
    public static func propose(url: URL, described: StatisticsFileDescription? = nil, existing: Set<String>, units: Set<String>,
                               parents: Set<String>) async throws -> GenesisProposal {
        let description: StatisticsFileDescription
        if let described { description = described } else { description = try await StatisticsReader.describe(url: url) }
        var order: [String] = []
        var measures: [String: GenesisMeasure] = [:]
        var dimensions: [String: Set<String>] = [:]
        var own: [String: Int] = [:]
        var proposal = GenesisProposal(tableCode: description.tableCode, tableTitle: description.title, variables: [])
        try await GenesisCells.read(url: url, format: description.format, progress: { _ in }, cell: { cell in
            if measures[cell.measure.signature] == nil {
                measures[cell.measure.signature] = cell.measure
                order.append(cell.measure.signature)
            }
            for dimension in cell.dimensions where !dimension.attribute.isEmpty {
                dimensions[cell.measure.signature, default: []].insert(breakdownKey(dimension.code))
            }
            if let key = cell.regionKey, units.contains(key) {
                own[cell.measure.signature, default: 0] += 1
                proposal.ownValues += 1
            } else if let key = cell.regionKey, parents.contains(key) {
                proposal.parentValues += 1
            } else {
                proposal.otherValues += 1
            }
        }, issue: { _ in })  // bad rows are reported by the import itself; a file that cannot be read at all fails in describe
        var used = existing.subtracting(order.compactMap { measures[$0]?.code.map { $0.lowercased() } })
        let names = distinctNames(order.map { (signature: $0, measure: measures[$0]!) })
        for signature in order {
            let measure = measures[signature]!
            let name = names[signature] ?? measure.label
            var code = measure.code.map { $0.lowercased() }.flatMap { Variable.isValidCode($0) ? $0 : nil } ?? Self.shortCode(slug(name))
            if !Variable.isValidCode(code) { code = "merkmal" }
            let exists = existing.contains(code) && measure.code != nil
            if !exists {
                var candidate = code, n = 2
                while used.contains(candidate) { candidate = "\(code)_\(n)"; n += 1 }
                code = candidate
            }
            used.insert(code)
            proposal.variables.append(ProposedVariable(signature: signature, code: code, name: name, unit: measure.unit, isCount: isCount(unit: measure.unit),
                                                       exists: exists, breakdowns: (dimensions[signature] ?? []).sorted(), ownValues: own[signature] ?? 0))
        }
        return proposal
    }

    /// A name per measure that tells it from the others: a label two measures share gets what differs between them —
    /// the header labels above it in an old table ("Insgesamt (Erholungsfläche)"), else the GENESIS code
    /// ("Personen (PRS001)").
    static func distinctNames(_ measures: [(signature: String, measure: GenesisMeasure)]) -> [String: String] {
        var names: [String: String] = [:]
        for group in Dictionary(grouping: measures, by: { $0.measure.label }).values {
            guard group.count > 1 else {
                if let only = group.first { names[only.signature] = only.measure.label }
                continue
            }
            let paths = group.map { $0.signature.components(separatedBy: " | ").dropLast() }
            let depth = paths.map(\.count).max() ?? 0
            // The header levels whose labels differ within the group.
            let differing = (0..<depth).filter { level in Set(paths.map { $0.count > level ? $0[$0.startIndex + level] : "" }).count > 1 }
            for (entry, path) in zip(group, paths) {
                let qualifier = differing.compactMap { level in path.count > level ? path[path.startIndex + level] : nil }.joined(separator: ", ")
                // Without labels of its own (the table's overall column beside qualified ones) the label stays, or gets its code.
                if let suffix = qualifier.isEmpty ? entry.measure.code : qualifier {
                    names[entry.signature] = entry.measure.label + " (" + suffix + ")"
                } else {
                    names[entry.signature] = entry.measure.label
                }
            }
        }
        return names
    }

    /// A planner's change to one proposed variable: another code (an existing variable is then reused) or another name.
    public struct Edit: Sendable, Equatable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// The proposal with the planner's edits (by signature): a code of an existing variable reuses it, a new code
    /// creates a variable of that code and name. Codes and names are checked by the caller.
    public func editing(_ edits: [String: Edit], existing: Set<String>) -> GenesisProposal {
        var edited = self
        edited.variables = variables.map { proposed in
            guard let edit = edits[proposed.signature] else { return proposed }
            return ProposedVariable(signature: proposed.signature, code: edit.code, name: edit.name.isEmpty ? proposed.name : edit.name, unit: proposed.unit,
                                    isCount: proposed.isCount, exists: existing.contains(edit.code), breakdowns: proposed.breakdowns, ownValues: proposed.ownValues)
        }
        return edited
    }

    /// Units of people or cases are counts (subject to disclosure control).
    static func isCount(unit: String) -> Bool {
        ["Anzahl", "number", "Personen", "persons", "Fälle", "cases"].contains(unit)
    }

    /// The breakdown name of a GENESIS variable: sex, nationality and age by their usual names, any other by its code.
    public static func breakdownKey(_ code: String) -> String {
        switch code {
        case "GES": return "sex"
        case "NAT": return "nationality"
        case "ALTER": return "age"
        default: return code.hasPrefix("ALT") ? "age" : code.lowercased()
        }
    }

    /// The category of an attribute: `GESM` → m, `GESW` → f, `NATA` → foreign, `NATD` → german, else the attribute code.
    public static func category(_ code: String, attribute: String) -> String {
        switch (code, attribute) {
        case ("GES", "GESM"): return "m"
        case ("GES", "GESW"): return "f"
        case ("NAT", "NATA"): return "foreign"
        case ("NAT", "NATD"): return "german"
        default: return attribute.lowercased()
        }
    }

    /// The breakdown of a value from its dimensions; empty attributes are totals.
    public static func breakdown(_ dimensions: [GenesisDimension]) -> [String: String] {
        var result: [String: String] = [:]
        for dimension in dimensions where !dimension.attribute.isEmpty {
            result[breakdownKey(dimension.code)] = category(dimension.code, attribute: dimension.attribute)
        }
        return result
    }

    /// A code of at most 36 characters, cut after a whole word where one ends late enough.
    static func shortCode(_ slug: String) -> String {
        guard slug.count > 36 else { return slug }
        let cut = slug.prefix(36)
        if let end = cut.lastIndex(of: "_"), cut.distance(from: cut.startIndex, to: end) >= 12 { return String(cut[..<end]) }
        return String(cut)
    }

    /// Lower-case ASCII letters, digits and `_`: "Veräußerte Baulandfläche" → "veraeusserte_baulandflaeche".
    public static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            switch character {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            default:
                if character.isASCII, character.isLetter || character.isNumber { out.append(character) } else if !out.hasSuffix("_") { out += "_" }
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return trimmed.first?.isLetter == true ? trimmed : "m_" + trimmed
    }
}
