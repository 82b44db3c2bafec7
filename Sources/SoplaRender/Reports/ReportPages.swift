import Foundation
import SoplaCore

/// A report rendered from its snapshot: table of contents, chapters with text and numbered figures and tables
/// (each chart and map with its data table and a text alternative), a glossary of the indicators and the sources.
public struct ReportDocument: Sendable {
    public let report: Report
    public let snapshot: ReportSnapshot
    /// Boundaries of the municipalities at the report's territorial status, for maps.
    public let geometry: [String: (unit: SpatialUnit, geometry: MultiPolygon)]
    public let language: Language

    public init(report: Report, snapshot: ReportSnapshot, geometry: [String: (unit: SpatialUnit, geometry: MultiPolygon)], language: Language) {
        self.report = report
        self.snapshot = snapshot
        self.geometry = geometry
        self.language = language
    }

    var t: Texts { Texts(language) }

    /// The indicator's name in the page's language (German where no English one was kept).
    func name(_ code: String) -> String {
        guard let info = snapshot.indicators[code] else { return code }
        return language == .en ? (info.nameEN ?? info.name) : info.name
    }

    func anchor(_ id: UUID) -> String { "b-" + id.uuidString.lowercased().prefix(8) }

    func number(_ value: Double?, _ code: String) -> String {
        guard let value else { return "–" }
        return Format.decimal(value, digits: snapshot.indicators[code]?.decimals ?? 1, language)
    }

    func cell(_ v: ReportSnapshot.Value?, _ code: String) -> HTMLNode {
        guard let v else { return el("td", [("class", "num")], text: "–") }
        if v.suppressed { return el("td", [("class", "num suppressed")], [el("abbr", [("title", t(.suppressedValue))], text: "•")]) }
        return el("td", [("class", "num")], text: number(v.value, code))
    }

    /// The label above a block: "Tabelle 2: …" or "Abbildung 3: …".
    func label(_ block: ReportBlock, _ numbers: [UUID: (isFigure: Bool, number: Int)]) -> String {
        guard let n = numbers[block.id] else { return block.caption }
        return (n.isFigure ? t(.figureLabel) : t(.tableLabel)) + " \(n.number): " + block.caption
    }

    func sourceLine(_ codes: [String], date: Day?) -> HTMLNode {
        let sources = Set(codes.compactMap { snapshot.indicators[$0]?.source }).sorted().joined(separator: "; ")
        return el("p", [("class", "source")], text: t(.sourceLabel) + ": " + (sources.isEmpty ? "–" : sources) + (date.map { " · " + t(.asOf) + " " + Format.day($0, language) } ?? ""))
    }

    /// A table in a box that scrolls sideways where the page is narrower; the box can be reached and scrolled by keyboard.
    func table(_ caption: String, header: [String], rows: [(String, [HTMLNode])]) -> HTMLNode {
        el("div", [("class", "table-wrap"), ("tabindex", "0"), ("role", "region"), ("aria-label", caption)], [el("table", [("class", "data")], [
            el("caption", text: caption),
            el("thead", [], [el("tr", [], header.enumerated().map { i, h in el("th", [("scope", "col"), ("class", i > 0 ? "num" : nil)], text: h) })]),
            el("tbody", [], rows.map { name, cells in el("tr", [], [el("th", [("scope", "row")], text: name)] + cells) }),
        ])])
    }

    func render(_ block: ReportBlock, numbers: [UUID: (isFigure: Bool, number: Int)]) -> HTMLNode {
        let caption = label(block, numbers)
        var nodes: [HTMLNode] = []
        let units = [(snapshot.countyKey, snapshot.countyName)] + snapshot.unitKeys.map { ($0, snapshot.unitNames[$0] ?? $0) }
        switch block.kind {
        case .indicatorTable(let codes):
            let dates = codes.map { snapshot.latest($0, onOrBefore: report.reportingDate) }
            nodes.append(table(caption, header: [t(.unitColumn)] + codes.map { code in
                name(code) + (snapshot.indicators[code].map { $0.unit.isEmpty ? "" : " (" + $0.unit + ")" } ?? "") },
                rows: units.map { key, name in (name, zip(codes, dates).map { code, date in cell(date.flatMap { snapshot.value(code, $0, key) }, code) }) }))
            nodes.append(sourceLine(codes, date: dates.compactMap { $0 }.max()))
        case .ranking(let code), .map(let code):
            let date = snapshot.latest(code, onOrBefore: report.reportingDate)
            let values = snapshot.unitKeys.compactMap { key -> (String, Double)? in
                guard let date, let v = snapshot.value(code, date, key)?.value, snapshot.value(code, date, key)?.suppressed == false else { return nil }
                return (key, v)
            }
            if case .map = block.kind {
                let breaks = SVGMap.quantileBreaks(values.map(\.1), classes: 5)
                let areas = snapshot.unitKeys.compactMap { key -> SVGMap.Area? in
                    guard let shape = geometry[key] else { return nil }
                    let v = date.flatMap { snapshot.value(code, $0, key) }
                    return SVGMap.Area(unit: shape.unit, geometry: shape.geometry, colourClass: v?.value.map { SVGMap.colourClass(of: $0, breaks: breaks) },
                                       accessibleLabel: (snapshot.unitNames[key] ?? key) + ": " + (v?.suppressed == true ? t(.suppressedValue) : number(v?.value, code)),
                                       hatched: v?.suppressed == true)
                }
                var legend: [HTMLNode] = []
                for index in 0...max(0, breaks.count) where !breaks.isEmpty {
                    let low = index == 0 ? nil : breaks[index - 1], high = index == breaks.count ? nil : breaks[index]
                    let text = [low.map { "≥ " + number($0, code) }, high.map { "< " + number($0, code) }].compactMap { $0 }.joined(separator: " und ")
                    legend.append(el("li", [], [el("span", [("class", "swatch c\(index)"), ("aria-hidden", "true")]), txt(text)]))
                }
                legend.append(el("li", [], [SVGMap.hatchedSwatch(), txt(t(.suppressedValue))]))
                nodes.append(el("figure", [("class", "map-figure")], [
                    areas.isEmpty ? el("p", [("class", "empty-state")], text: t(.noMapData)) : SVGMap(id: anchor(block.id) + "-map", title: caption, areas: areas, showLabels: true).render(),
                    el("figcaption", text: caption),
                    el("ul", [("class", "legend")], legend),
                ]))
            } else {
                nodes.append(BarChart(title: caption, bars: values.sorted { $0.1 > $1.1 }.map { key, v in
                    BarChart.Bar(label: snapshot.unitNames[key] ?? key, value: Format.clampedInt(v * 100), valueText: number(v, code)) }).render())
            }
            let ranked = units.map { key, name in (name, [cell(date.flatMap { snapshot.value(code, $0, key) }, code)]) }
            nodes.append(table(caption + " – " + t(.dataTable), header: [t(.unitColumn), name(code)], rows: ranked))
            nodes.append(sourceLine([code], date: date))
        case .timeSeries(let code, let unitKey):
            let dates = snapshot.dates(code).filter { $0 <= report.reportingDate }
            let keys = [unitKey, snapshot.countyKey].filter { $0 != "" }
            let series = Array(Set(keys)).sorted { $0 == unitKey && $1 != unitKey }.map { key in
                LineChart.Series(name: snapshot.unitNames[key] ?? (key == snapshot.countyKey ? snapshot.countyName : key),
                                 points: dates.map { ($0, snapshot.value(code, $0, key).flatMap { $0.suppressed ? nil : $0.value }) })
            }
            nodes.append(LineChart(title: caption, series: series, language: language, decimals: snapshot.indicators[code]?.decimals ?? 1).render())
            nodes.append(table(caption + " – " + t(.dataTable), header: [t(.dateColumn)] + series.map(\.name),
                               rows: dates.map { date in (Format.day(date, language), Array(Set(keys)).sorted { $0 == unitKey && $1 != unitKey }.map { cell(snapshot.value(code, date, $0), code) }) }))
            nodes.append(sourceLine([code], date: dates.last))
        case .description(let code, let unitKey):
            guard let info = snapshot.indicators[code], let date = snapshot.latest(code, onOrBefore: report.reportingDate),
                  let county = snapshot.value(code, date, snapshot.countyKey)?.value else { nodes.append(el("p", [("class", "empty-state")], text: t(.noMapData))); break }
            let first = snapshot.dates(code).first
            let keys = unitKey.map { [$0] } ?? snapshot.unitKeys
            let sentences = keys.compactMap { key -> String? in
                let unitName = snapshot.unitNames[key] ?? key, indicatorName = language == .en ? (info.nameEN ?? info.name) : info.name
                // A unit kept secret or without a value is named with the reason, so no unit silently drops out.
                guard let v = snapshot.value(code, date, key), !v.suppressed, let value = v.value else {
                    let suppressed = snapshot.value(code, date, key)?.suppressed == true, day = Format.day(date, language)
                    if language == .en {
                        return suppressed ? FigureDescription.secretSentenceEN(indicator: indicatorName, unitName: unitName, dateText: day)
                            : FigureDescription.missingSentenceEN(indicator: indicatorName, unitName: unitName, dateText: day)
                    }
                    return suppressed ? FigureDescription.secretSentence(indicator: indicatorName, unitName: unitName, dateText: day)
                        : FigureDescription.missingSentence(indicator: indicatorName, unitName: unitName, dateText: day)
                }
                let earlier = first.flatMap { f -> (Int, Double)? in
                    guard f < date, let e = snapshot.value(code, f, key), !e.suppressed, let ev = e.value else { return nil }
                    return (f.year, ev)
                }
                if language == .en {
                    return FigureDescription.sentenceEN(indicator: info.nameEN ?? info.name, unitName: snapshot.unitNames[key] ?? key, value: value, reference: county,
                                                        unit: info.unit, decimals: info.decimals, earlier: earlier)
                }
                let subject = FigureDescription.gender(ofName: info.name) == nil ? FigureDescription.subject(info.name) : (info.name, info.gender)
                return FigureDescription.sentence(indicator: subject.0, gender: subject.1, unitName: snapshot.unitNames[key] ?? key, value: value, reference: county,
                                                  unit: info.unit, decimals: info.decimals, earlier: earlier)
            }
            nodes.append(el("div", [("class", "generated-description")], sentences.map { el("p", text: $0) }))
        case .socialIndex(let method):
            let codes = method.components.map(\.indicatorCode)
            let inputs = SocialIndexSeries.inputs(method, snapshot: snapshot, on: report.reportingDate)
            let dates = inputs.dates.map { $0.code + ": " + Format.day($0.date, language) + ($0.earlier.map { " / " + Format.day($0, language) } ?? "") }
            let result = SocialIndex.compute(method, now: inputs.now, before: inputs.before)
            let classNames = [t(.indexClass0), t(.indexClass1), t(.indexClass2), t(.indexClass3)]
            nodes.append(table(caption, header: [t(.unitColumn), t(.indexStatus), t(.indexDynamics), t(.indexValue), t(.indexClass)], rows: result.rows.map { row in
                (snapshot.unitNames[row.unitKey] ?? row.unitKey, [
                    el("td", [("class", "num")], text: Format.decimal(row.status, digits: 2, language)),
                    el("td", [("class", "num")], text: row.dynamics.map { Format.decimal($0, digits: 2, language) } ?? "–"),
                    el("td", [("class", "num")], text: Format.decimal(row.index, digits: 2, language)),
                    el("td", [("class", "num")], text: classNames[min(row.classIndex, classNames.count - 1)]),
                ])
            }))
            nodes.append(el("p", [("class", "method")], text: t(.indexMethod) + ": " + method.components.map { c in
                name(c.indicatorCode) + " (" + t(.weightWord) + " " + Format.decimal(c.weight, digits: 1, language) + ", "
                    + (c.higherIsWorse ? t(.higherIsWorse) : t(.lowerIsWorse)) + ")" }.joined(separator: "; ")
                + ". " + t(.indexParameters).replacingOccurrences(of: "{s}", with: Format.decimal(method.statusWeight * 100, digits: 0, language))
                    .replacingOccurrences(of: "{y}", with: String(method.years))
                    .replacingOccurrences(of: "{b}", with: method.classBounds.map { Format.decimal($0, digits: 1, language) }.joined(separator: "; "))
                + (result.leftOut.isEmpty ? "" : " " + t(.indexLeftOut) + ": " + result.leftOut.keys.sorted().map { snapshot.unitNames[$0] ?? $0 }.joined(separator: ", ") + ".")
                + " " + dates.joined(separator: "; ")))
            nodes.append(sourceLine(codes, date: nil))
        case .serviceCoverage, .fundingOverview, .measureStatus:
            guard let frozen = snapshot.table(for: block.id) else { nodes.append(el("p", [("class", "empty-state")], text: t(.noMapData))); break }
            if !frozen.summary.isEmpty { nodes.append(el("div", [("class", "generated-description")], [el("p", text: frozen.summary)])) }
            // A column with a figure in any row is aligned as numbers throughout (its "–" too).
            let numeric = Set(frozen.rows.flatMap { row in row.indices.filter { row[$0].value != nil } })
            nodes.append(table(caption, header: frozen.header, rows: frozen.rows.map { row in
                (row.first?.text ?? "", row.indices.dropFirst().map { i in el("td", [("class", numeric.contains(i) ? "num" : nil)], text: row[i].text) })
            }))
            nodes.append(el("p", [("class", "source")], text: t(.sourceLabel) + ": " + (frozen.source.isEmpty ? "–" : frozen.source)))
        }
        if !block.note.isEmpty { nodes.append(el("p", [("class", "note")], text: t(.noteLabel) + ": " + block.note)) }
        return el("section", [("class", "report-block"), ("id", anchor(block.id))], nodes)
    }

    /// The body of the report: title page facts, contents, chapters, glossary, sources.
    public func body() -> [HTMLNode] {
        let numbers = report.numbering()
        // A report of tables only (coverage, funding, measures) has no indicators to explain: no glossary then.
        let used = Set(report.blocks.flatMap(\.kind.indicatorCodes)).sorted { name($0) < name($1) }
        let back = (used.isEmpty ? [] : [el("li", [], [el("a", [("href", "#glossar")], text: t(.glossaryTitle))])])
            + [el("li", [], [el("a", [("href", "#quellen")], text: t(.sourcesTitle))])]
        var nodes: [HTMLNode] = [
            el("h1", text: report.title),
            el("p", [("class", "lead")], text: t(.reportingDateLabel) + " " + Format.day(report.reportingDate, language) + " · " + t(.territorialStatusLabel) + " "
                + Format.day(report.territorialStatus, language) + " · " + t(.dataAsOf) + " " + DateText.dateTime(snapshot.builtAt, language)),
            el("nav", [("class", "toc"), ("aria-labelledby", "inhaltsverzeichnis")], [
                el("h2", [("id", "inhaltsverzeichnis")], text: t(.contentsTitle)),
                // The numbers are written in the entries (as in the headings), so the lists carry none of their own.
                el("ul", [("class", "toc-list")], report.chapters.enumerated().map { index, chapter in
                    el("li", [], [el("a", [("href", "#k\(index + 1)")], text: "\(index + 1) " + chapter.title),
                                  el("ul", [("class", "toc-list")], chapter.sections.enumerated().map { sIndex, section in
                                      el("li", [], [el("a", [("href", "#k\(index + 1)-\(sIndex + 1)")], text: "\(index + 1).\(sIndex + 1) " + section.title)]) })])
                } + back),
            ]),
        ]
        for (index, chapter) in report.chapters.enumerated() {
            var chapterNodes: [HTMLNode] = [el("h2", [("id", "k\(index + 1)")], text: "\(index + 1) " + chapter.title)]
            for (sIndex, section) in chapter.sections.enumerated() {
                chapterNodes.append(el("h3", [("id", "k\(index + 1)-\(sIndex + 1)")], text: "\(index + 1).\(sIndex + 1) " + section.title))
                chapterNodes += SafeMarkdown.render(report.resolvingReferences(in: section.text, figureWord: t(.figureLabel), tableWord: t(.tableLabel)), headingLevel: 4)
                chapterNodes += section.blocks.map { render($0, numbers: numbers) }
            }
            nodes.append(el("section", [("class", "report-chapter")], chapterNodes))
        }
        if !used.isEmpty {
            nodes.append(el("section", [("class", "report-glossary")], [
                el("h2", [("id", "glossar")], text: t(.glossaryTitle)),
                el("dl", [], used.flatMap { code -> [HTMLNode] in
                    let info = snapshot.indicators[code]
                    let definition = info.map { language == .en ? ($0.definitionEN ?? $0.definition) : $0.definition }
                    return [el("dt", text: name(code)), el("dd", text: definition.map { $0.isEmpty ? "–" : $0 } ?? t(.indicatorMissing))]
                }),
            ]))
        }
        let tableSources = report.blocks.compactMap { block in snapshot.table(for: block.id).map { label(block, numbers) + ": " + $0.source } }
        nodes.append(el("section", [("class", "report-sources")], [
            el("h2", [("id", "quellen")], text: t(.sourcesTitle)),
            el("ul", [], used.compactMap { code in snapshot.indicators[code].map { el("li", text: name(code) + ": " + $0.source + " (" + $0.licence + ")") } }
                + tableSources.map { el("li", text: $0) }),
            el("p", text: t(.attributionText)),
        ]))
        return nodes
    }
}
