import Foundation

/// A table frozen into a report's snapshot: service coverage, funding in figures or measure status as they were
/// at build time. Each cell keeps the text shown and, where it is a figure, the number for the data annex.
public struct ReportTable: Hashable, Sendable, Codable {
    public struct Cell: Hashable, Sendable, Codable {
        public var text: String
        public var value: Double?
        /// true for a figure kept secret (nil in tables frozen before figures could be).
        public var suppressed: Bool?

        public init(_ text: String, value: Double? = nil, suppressed: Bool? = nil) {
            self.text = text
            self.value = value
            self.suppressed = suppressed
        }

        /// A figure kept secret: says so, with no number behind it.
        public static let secret = Cell("geheim gehalten", suppressed: true)
    }

    /// Short name of the table in the data annex ("versorgung:schkg").
    public var key: String
    public var header: [String]
    /// The first cell of each row names the row.
    public var rows: [[Cell]]
    /// Generated sentences that say what the table shows.
    public var summary: String
    public var source: String

    public init(key: String, header: [String], rows: [[Cell]], summary: String, source: String) {
        self.key = key
        self.header = header
        self.rows = rows
        self.summary = summary
        self.source = source
    }

    /// Rows for the data annex: one per figure (key:column, row name, value).
    public func annexRows(date: Day) -> [[String]] {
        var result: [[String]] = []
        for row in rows {
            guard let name = row.first?.text else { continue }
            for (index, cell) in row.enumerated().dropFirst() where index < header.count {
                if cell.suppressed == true {
                    result.append([key + ":" + header[index], date.iso, "", name, "", "true"])
                } else {
                    result.append([key + ":" + header[index], date.iso, "", name, cell.value.map { String(format: "%.2f", $0) } ?? cell.text, "false"])
                }
            }
        }
        return result
    }

    /// What differs between two versions of a table: cells matched by row name and column header.
    public static func changes(from old: ReportTable, to new: ReportTable) -> [(row: String, column: String, before: String?, after: String?)] {
        func cells(_ table: ReportTable) -> [String: [String: String]] {
            var result: [String: [String: String]] = [:]
            for row in table.rows {
                guard let name = row.first?.text else { continue }
                for (index, cell) in row.enumerated().dropFirst() where index < table.header.count { result[name, default: [:]][table.header[index]] = cell.text }
            }
            return result
        }
        let before = cells(old), after = cells(new)
        let columns = (new.header.dropFirst() + old.header.dropFirst().filter { !new.header.contains($0) })
        let rowNames = new.rows.compactMap { $0.first?.text } + old.rows.compactMap { $0.first?.text }.filter { after[$0] == nil }
        var result: [(row: String, column: String, before: String?, after: String?)] = []
        for row in rowNames {
            for column in columns {
                let b = before[row]?[column], a = after[row]?[column]
                if b != a { result.append((row, column, b, a)) }
            }
        }
        return result
    }
}

/// The frozen tables of the S4–S6 report blocks, with their generated sentences in plain German.
public enum ReportTables {
    static func num(_ value: Double, _ decimals: Int) -> String { FigureDescription.number(value, decimals: decimals) }

    static func euros(_ money: Money) -> String {
        let cents = money.cents
        let text = FigureDescription.number(Double(cents) / 100, decimals: cents % 100 == 0 ? 0 : 2)
        return text + " €"
    }

    static func percent(_ ratio: Double) -> String { num(ratio * 100, 0) + " %" }

    /// Coverage of one category: per municipality population, supply, need, ratio and gap, with the county first.
    /// The summary names the county's supply against need and the three largest gaps.
    /// `hidden`: units whose population count disclosure control keeps back; their row shows no figure (every
    /// figure of it follows from the count).
    public static func coverage(categoryCode: String, categoryName: String, standardText: String, result: CoverageResult, countyName: String,
                                unitNames: [String: String], populationName: String, hidden: Set<String> = []) -> ReportTable {
        func row(_ r: CoverageRow, name: String) -> [ReportTable.Cell] {
            if hidden.contains(r.unitKey) { return [.init(name)] + Array(repeating: .secret, count: 5) }
            return [.init(name), .init(num(r.population, 0), value: r.population), .init(num(r.supply, 2), value: r.supply), .init(num(r.need, 2), value: r.need),
                    r.ratio.map { .init(percent($0), value: $0) } ?? .init("–"), .init(num(r.gap, 2), value: r.gap)]
        }
        let total = result.total
        var summary = "Für \(categoryName) stehen im \(countyName) \(num(total.supply, 2)) Vollzeitstellen einem Bedarf von \(num(total.need, 2)) gegenüber"
        summary += total.ratio.map { " (Versorgungsgrad \(percent($0)))." } ?? "."
        let gaps = result.gaps.filter { !hidden.contains($0.unitKey) }.prefix(3)
        if result.gaps.isEmpty {
            summary += " Keine Gemeinde liegt unter dem Bedarf."
        } else if !gaps.isEmpty {
            summary += " Die größten Lücken: " + gaps.map { "\(unitNames[$0.unitKey] ?? $0.unitKey) (\(num($0.gap, 2)) Stellen)" }.joined(separator: ", ") + "."
        }
        return ReportTable(key: "versorgung:" + categoryCode,
                           header: ["Gebiet", populationName, "Angebot (VZÄ)", "Bedarf (VZÄ)", "Versorgungsgrad", "Lücke (VZÄ)"],
                           rows: [row(total, name: countyName)] + result.rows.map { row($0, name: unitNames[$0.unitKey] ?? $0.unitKey) },
                           summary: summary, source: standardText)
    }

    /// Funding of one year: per programme planned, committed, paid and proven, then committed per topic and per
    /// municipality with euros per inhabitant. Totals only: no provider and no agreement is named, and the figures the
    /// dominance rule keeps back (`hidden`) say "geheim gehalten" — in the table, its data annex and the summary.
    public static func funding(year: Int, programmes: [(name: String, figures: ControllingFigures)], byCategory: [(name: String, amount: Money)],
                               byUnit: [(name: String, amount: Money, perInhabitant: Money?)], preventive: Money, total: Money,
                               hidden: Set<FundingFigure> = []) -> ReportTable {
        var rows: [[ReportTable.Cell]] = []
        func money(_ m: Money, _ figure: FundingFigure? = nil) -> ReportTable.Cell {
            figure.map(hidden.contains) == true ? .secret : .init(euros(m), value: Double(m.cents) / 100)
        }
        for (i, p) in programmes.enumerated() {
            rows.append([.init("Programm: " + p.name), money(p.figures.planned), money(p.figures.committed, .programme(i, .committed)),
                         money(p.figures.paid, .programme(i, .paid)), money(p.figures.proven, .programme(i, .proven)), .init("–")])
        }
        // Published topics by amount, hidden ones after them by name: their place among the others would bound them.
        let byCategory = byCategory.filter { !hidden.contains(.category($0.name)) } + byCategory.filter { hidden.contains(.category($0.name)) }.sorted { $0.name < $1.name }
        for c in byCategory { rows.append([.init("Thema: " + c.name), .init("–"), money(c.amount, .category(c.name)), .init("–"), .init("–"), .init("–")]) }
        for u in byUnit {
            let secret = hidden.contains(.municipality(u.name))
            rows.append([.init("Gemeinde: " + u.name), .init("–"), money(u.amount, .municipality(u.name)), .init("–"), .init("–"),
                         secret ? .secret : u.perInhabitant.map { money($0) } ?? .init("–")])
        }
        let planned = programmes.reduce(Money.zero) { $0 + $1.figures.planned }
        let totalHidden = hidden.contains(.year(year, .committed))
        var summary = totalHidden ? "Die \(year) in Zuwendungsverträgen gebundene Summe wird geheim gehalten" : "\(year) sind \(euros(total)) in Zuwendungsverträgen gebunden"
        if planned.cents > 0 { summary += totalHidden ? "; im Haushalt geplant sind \(euros(planned))" : ", bei \(euros(planned)) im Haushalt geplant" }
        summary += "."
        if total.cents > 0, !totalHidden, !hidden.contains(.preventive) {
            summary += " Davon entfallen \(euros(preventive)) (\(num(Double(preventive.cents) * 100 / Double(total.cents), 0)) %) auf präventive Angebote."
        }
        return ReportTable(key: "foerderung:\(year)", header: ["Bereich", "Geplant", "Gebunden", "Ausgezahlt", "Nachgewiesen", "Je Einwohner"], rows: rows,
                           summary: summary, source: "Förderprogramme und Zuwendungsverträge des Kreises, Stand \(year)")
    }

    /// Every measure with its status, progress and due date (children under their parent); the summary counts them
    /// by status and names how many are overdue.
    public static func measures(_ measures: [Measure], progress: [UUID: Double], statusNames: [MeasureStatus: String], on day: Day) -> ReportTable {
        let children = Dictionary(grouping: measures.filter { $0.parentID != nil }, by: { $0.parentID! })
        let known = Set(measures.map(\.id))
        var ordered: [(Measure, Int)] = []
        func visit(_ m: Measure, depth: Int) {
            ordered.append((m, depth))
            for child in (children[m.id] ?? []).sorted(by: { $0.title < $1.title }) { visit(child, depth: depth + 1) }
        }
        for root in measures.filter({ $0.parentID.map { !known.contains($0) } ?? true }).sorted(by: { $0.title < $1.title }) { visit(root, depth: 0) }
        let rows = ordered.map { m, depth -> [ReportTable.Cell] in
            let p = progress[m.id] ?? m.progress ?? m.status.defaultProgress
            return [.init(String(repeating: "– ", count: depth) + m.title), .init(statusNames[m.status] ?? m.status.rawValue),
                    .init(num(p, 0) + " %", value: p), .init(m.due.map { FigureDescription.dayText($0) } ?? "–"), .init(m.isOverdue(on: day) ? "ja" : "nein")]
        }
        var summary: String
        if measures.isEmpty {
            summary = "Es sind keine Maßnahmen erfasst."
        } else {
            let counts = MeasureStatus.allCases.compactMap { status -> String? in
                let n = measures.filter { $0.status == status }.count
                return n == 0 ? nil : "\(n) \(statusNames[status] ?? status.rawValue)"
            }
            summary = "Von \(measures.count) Maßnahmen: " + counts.joined(separator: ", ") + "."
            let overdue = measures.filter { $0.isOverdue(on: day) }.count
            summary += overdue == 0 ? " Keine ist überfällig." : (overdue == 1 ? " 1 ist überfällig." : " \(overdue) sind überfällig.")
        }
        return ReportTable(key: "massnahmen", header: ["Maßnahme", "Stand", "Fortschritt", "Fällig", "Überfällig"], rows: rows, summary: summary,
                           source: "Maßnahmenplanung des Kreises, Stand \(FigureDescription.dayText(day))")
    }
}

extension FigureDescription {
    /// "25.11.2025".
    public static func dayText(_ day: Day) -> String {
        String(format: "%02d.%02d.%04d", day.day, day.month, day.year)
    }
}
