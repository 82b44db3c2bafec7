import Foundation
import SoplaCore

/// One indicator: definition and source, choropleth map, ranking, time series, each with its table;
/// comparison with the parent, an earlier date and reference values; CSV and JSON.
public enum IndicatorPage {
    public struct Series: Sendable {
        public let name: String
        public let points: [(Day, Double?)]
        /// Days whose value exists but is kept secret (disclosure control): "geheim gehalten", not "kein Wert".
        public var suppressed: Set<Day> = []

        public init(name: String, points: [(Day, Double?)]) {
            self.name = name
            self.points = points
        }
    }

    /// What a time-series cell without a number says: the value is kept secret, or there is none.
    public static func missingValueText(suppressed: Bool, _ t: Texts) -> String {
        suppressed ? t(.valueSuppressed) : t(.valueGap)
    }

    /// An indicator value of the Land or Germany, computed from an imported table of official statistics.
    public struct ImportedReference: Sendable {
        public let value: ParentReferenceValue
        /// The codes of the tables its figures come from.
        public let tableCodes: [String]

        public init(value: ParentReferenceValue, tableCodes: [String]) {
            self.value = value
            self.tableCodes = tableCodes
        }

        /// The region and its source: "Hessen (GENESIS 13111)".
        public var label: String {
            value.regionName + " (GENESIS" + (tableCodes.isEmpty ? "" : " " + tableCodes.joined(separator: ", ")) + ")"
        }
    }

    /// Imported reference values as time series, one per region and source, in their order.
    public static func series(_ references: [ImportedReference]) -> [Series] {
        var labels: [String] = []
        var points: [String: [(Day, Double?)]] = [:]
        for reference in references {
            if points[reference.label] == nil { labels.append(reference.label) }
            points[reference.label, default: []].append((reference.value.date, reference.value.value))
        }
        return labels.map { Series(name: $0, points: points[$0] ?? []) }
    }

    public struct Model: Sendable {
        public let indicator: Indicator
        public let variables: [String: Variable]
        public let dates: [Day]
        /// The effective view: date, level, method, classes, unit of the time series.
        public let view: IndicatorViewParameters
        public let levels: [(code: String, name: String)]
        public let names: [String: String]
        public let rows: [IndicatorRow]
        public let parentRow: IndicatorRow?
        public let compareDate: Day?
        public let boundaries: [String: BoundaryVersion]
        public let units: [String: SpatialUnit]
        public let seriesUnits: [(key: String, name: String)]
        public let series: [Series]
        public let referenceValues: [ReferenceValue]
        /// The Land's and Germany's values from imported tables (in the public view only those of released imports
        /// and without a count below its minimum); not deletable here, a newer import replaces them.
        public var importedReferences: [ImportedReference] = []
        /// Raw figures are shown (planners); the page says they are not for publication.
        public let raw: Bool
        public let mayViewRaw: Bool
        public let mayManage: Bool
        public let findings: [ValidationFinding]?
        public let notice: Notice?
        public let referenceIssues: [ValidationIssue]
        /// Planners' view: dates with values not released yet, and the units whose value on the chosen date rests on them.
        public var unreleasedDates: [Day] = []
        public var unreleasedUnits: Set<String> = []

        public init(indicator: Indicator, variables: [String: Variable], dates: [Day], view: IndicatorViewParameters, levels: [(code: String, name: String)],
                    names: [String: String], rows: [IndicatorRow], parentRow: IndicatorRow?, compareDate: Day?, boundaries: [String: BoundaryVersion],
                    units: [String: SpatialUnit], seriesUnits: [(key: String, name: String)], series: [Series], referenceValues: [ReferenceValue],
                    raw: Bool, mayViewRaw: Bool, mayManage: Bool, findings: [ValidationFinding]?, notice: Notice? = nil, referenceIssues: [ValidationIssue] = []) {
            self.indicator = indicator
            self.variables = variables
            self.dates = dates
            self.view = view
            self.levels = levels
            self.names = names
            self.rows = rows
            self.parentRow = parentRow
            self.compareDate = compareDate
            self.boundaries = boundaries
            self.units = units
            self.seriesUnits = seriesUnits
            self.series = series
            self.referenceValues = referenceValues
            self.raw = raw
            self.mayViewRaw = mayViewRaw
            self.mayManage = mayManage
            self.findings = findings
            self.notice = notice
            self.referenceIssues = referenceIssues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let german = language == .de
        let indicator = model.indicator
        let unitLabel = IndicatorNames.unitLabel(indicator, variables: model.variables, language)
        let title = indicator.name(german)
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.indicators().path)], text: t(.indicatorsTitle))]),
            el("h1", text: title),
            model.notice?.node ?? .empty,
            model.mayManage ? CatalogueLifecycleViews.note(.indicator(indicator), language) : .empty,
            indicator.definition(german).isEmpty ? .empty : el("p", [("class", "lead")], text: indicator.definition(german)),
            facts(model, unitLabel: unitLabel, context: context),
        ]
        if model.raw {
            content.append(el("div", [("class", "raw-figures"), ("role", "note")], [
                el("p", [], [el("strong", text: t(.rawFiguresTitle)), txt(" " + t(.rawFiguresText))]),
                el("p", [], [el("a", [("href", SiteRoute.indicator(code: indicator.code, with(model.view) { $0.publicView = true }).path)], text: t(.showPublicView))]),
            ]))
        } else if model.mayViewRaw {
            content.append(el("p", [], [el("a", [("href", SiteRoute.indicator(code: indicator.code, with(model.view) { $0.publicView = false }).path)], text: t(.showRawView))]))
        }
        if !model.unreleasedDates.isEmpty {
            content.append(el("div", [("class", "notice notice-warning unreleased-note"), ("role", "note")], [
                el("p", [], [el("strong", text: t(.unreleasedNoteTitle)),
                             txt(" " + t(.unreleasedNoteText).replacingOccurrences(of: "{dates}", with: model.unreleasedDates.map { Format.day($0, language) }.joined(separator: ", ")))]),
            ]))
        }
        if model.mayManage {
            content.append(el("div", [("class", "actions")], [el("a", [("href", SiteRoute.indicatorEdit(code: indicator.code).path), ("class", "button secondary")], text: t(.edit))]
                                  + CatalogueLifecycleViews.actions(.indicator(indicator), context: context)))
        }
        guard let date = model.view.date else {
            content.append(el("p", [("class", "empty-state")], text: t(.noIndicatorValues)))
            return Layout(title: title, context: context).render(content)
        }
        content.append(controls(model, context: context))
        content.append(mapSection(model, date: date, unitLabel: unitLabel, context: context))
        content.append(rankingSection(model, unitLabel: unitLabel, context: context))
        content.append(seriesSection(model, unitLabel: unitLabel, context: context))
        content.append(referenceSection(model, context: context))
        if let findings = model.findings { content.append(findingsSection(findings, model: model, context: context)) }
        content.append(el("p", [("class", "downloads")], [
            el("a", [("href", SiteRoute.indicatorValuesCSV(code: indicator.code, model.view).path), ("download", "\(indicator.code).csv")], text: t(.downloadCSV)), txt(" · "),
            el("a", [("href", SiteRoute.apiIndicatorValues(code: indicator.code).path + "?date=\(date.iso)" + (model.view.level.map { "&level=\($0)" } ?? ""))], text: t(.downloadJSON)),
        ]))
        return Layout(title: title, context: context, showsGeometry: !model.boundaries.isEmpty).render(content)
    }

    static func with(_ view: IndicatorViewParameters, _ change: (inout IndicatorViewParameters) -> Void) -> IndicatorViewParameters {
        var copy = view
        change(&copy)
        return copy
    }

    static func facts(_ model: Model, unitLabel: String, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let german = language == .de
        let indicator = model.indicator
        func terms(_ terms: [IndicatorTerm]) -> String {
            terms.map { term in
                let name = model.variables[term.variable]?.name(german) ?? term.variable
                return term.breakdown.isTotal ? name : "\(name) (\(term.breakdown.categories.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))"
            }.joined(separator: " + ")
        }
        var formula = terms(indicator.numerator)
        if indicator.isRate { formula += " / " + terms(indicator.denominator) + (indicator.factor == 1 ? "" : " × " + Format.rounded(indicator.factor, language)) }
        let sources = Set(indicator.variables.compactMap { model.variables[$0] }.map { "\($0.source)\($0.tableCode.map { " (\($0))" } ?? ""), \($0.licence)" }).sorted()
        return el("dl", [("class", "facts")], [
            el("dt", text: t(.fieldTopic)), el("dd", text: IndicatorNames.topic(indicator.topic, language)),
            el("dt", text: t(.columnFormula)), el("dd", text: formula),
            el("dt", text: t(.fieldUnit)), el("dd", text: unitLabel.isEmpty ? "–" : unitLabel),
            el("dt", text: t(.fieldPolarity)), el("dd", text: IndicatorNames.polarity(indicator.polarity, language)),
            el("dt", text: t(.columnSource)), el("dd", [], sources.isEmpty ? [txt("–")] : [el("ul", [], sources.map { el("li", text: $0) })]),
            el("dt", text: t(.columnDates)), el("dd", text: model.dates.isEmpty ? "–" : model.dates.map { Format.day($0, language) }.joined(separator: ", ")),
        ])
    }

    static func controls(_ model: Model, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language)
        let view = model.view
        let earlier = model.dates.filter { $0 < (view.date ?? $0) }.reversed()
        return el("form", [("method", "get"), ("action", SiteRoute.indicator(code: model.indicator.code).path), ("class", "filters controls")], [
            form.select("stichtag", label: t(.columnReferenceDate), options: model.dates.reversed().map { ($0.iso, Format.day($0, language)) }, selected: view.date?.iso),
            form.select("ebene", label: t(.level), options: model.levels.map { ($0.code, $0.name) }, selected: view.level),
            earlier.isEmpty ? .empty : form.select("vergleich", label: t(.fieldCompareWith), options: earlier.map { ($0.iso, Format.day($0, language)) },
                                                   selected: model.compareDate?.iso),
            form.select("klassifikation", label: t(.fieldClassification), options: ClassificationMethod.allCases.map { ($0.rawValue, IndicatorNames.method($0, language)) },
                        selected: (view.method ?? .quantiles).rawValue),
            form.select("klassen", label: t(.fieldClasses), options: (3...7).map { (String($0), String($0)) }, selected: String(view.classes ?? 5)),
            view.unit.map { el("input", [("type", "hidden"), ("name", "gebiet"), ("value", $0)]) } ?? .empty,
            view.publicView ? el("input", [("type", "hidden"), ("name", "ansicht"), ("value", "oeffentlich")]) : .empty,
            el("button", [("type", "submit")], text: t(.showButton)),
        ])
    }

    static func name(_ model: Model, _ key: String) -> String { model.names[key] ?? key }

    static func valueCell(_ row: IndicatorRow, model: Model, language: Language) -> HTMLNode {
        if let value = row.value {
            var text = IndicatorNames.value(value, model.indicator, language)
            let flags = row.flags.sorted { $0.rawValue < $1.rawValue }.map(\.symbol).joined()
            if !flags.isEmpty { text += " " + flags }
            if model.raw, row.suppression != nil { text += " ●" }
            guard model.unreleasedUnits.contains(row.unitKey) else { return el("td", [("class", "num")], text: text) }
            return el("td", [("class", "num")], [txt(text + " "), el("span", [("class", "unreleased")], text: "(" + Texts(language)(.unreleasedMarker) + ")")])
        }
        return el("td", [("class", "num suppressed")], text: IndicatorNames.gap(row, raw: model.raw, language) ?? "–")
    }

    static func mapSection(_ model: Model, date: Day, unitLabel: String, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let indicator = model.indicator
        let values = model.rows.compactMap(\.value)
        let breaks = Classification.breaks(values, classes: model.view.classes ?? 5, method: model.view.method ?? .quantiles)
        let areas: [SVGMap.Area] = model.rows.compactMap { row in
            guard let boundary = model.boundaries[row.unitKey], let unit = model.units[row.unitKey] else { return nil }
            let hatched = row.value == nil && row.suppression != nil && !model.raw
            let valueText = row.value.map { IndicatorNames.value($0, indicator, language) + (unitLabel.isEmpty ? "" : " " + unitLabel) }
                ?? (IndicatorNames.gap(row, raw: model.raw, language) ?? "–")
            return SVGMap.Area(unit: unit, geometry: boundary.geometry, colourClass: row.value.map { Classification.classIndex(of: $0, breaks: breaks) },
                               accessibleLabel: unit.name + ": " + valueText, hatched: hatched,
                               link: SiteRoute.indicator(code: indicator.code, with(model.view) { $0.unit = row.unitKey }).path + "#zeitreihe")
        }
        let parentName = model.parentRow.map { name(model, $0.unitKey) }
        let header = [t(.columnUnit), t(.columnValue) + (unitLabel.isEmpty ? "" : " (\(unitLabel))"), t(.columnNumerator), t(.columnDenominator),
                      parentName.map { t(.columnDifferenceTo).replacingOccurrences(of: "{parent}", with: $0) } ?? t(.columnDifferenceTo).replacingOccurrences(of: "{parent}", with: "–"),
                      model.compareDate.map { t(.columnChangeSince).replacingOccurrences(of: "{date}", with: Format.day($0, language)) } ?? t(.columnChangeSince).replacingOccurrences(of: "{date}", with: "–"),
                      t(.columnRank)]
        // Reference values of this date (e.g. Hessen, entered by hand or imported): one more difference column each.
        let references = model.referenceValues.filter { $0.date == date }.map { (label: $0.label, value: $0.value) }
            + model.importedReferences.filter { $0.value.date == date }.map { (label: $0.label, value: $0.value.value) }
        let fullHeader = header + references.map { t(.columnDifferenceTo).replacingOccurrences(of: "{parent}", with: $0.label) }
        func signed(_ value: Double?) -> String {
            value.map { ($0 > 0 ? "+" : "") + Format.decimal($0, digits: indicator.decimals, language) } ?? "–"
        }
        func row(_ r: IndicatorRow, header: Bool) -> HTMLNode {
            el("tr", [], [
                el("th", [("scope", "row")], [el("a", [("href", SiteRoute.unit(key: r.unitKey).path)], text: name(model, r.unitKey))]),
                valueCell(r, model: model, language: language),
                el("td", [("class", "num")], text: IndicatorNames.count(r.numerator, language)),
                el("td", [("class", "num")], text: indicator.isRate ? IndicatorNames.count(r.denominator, language) : "–"),
                el("td", [("class", "num")], text: header ? "–" : r.differenceToParent.map { ($0 > 0 ? "+" : "") + Format.decimal($0, digits: indicator.decimals, language) } ?? "–"),
                el("td", [], [IndicatorNames.trend(r.change, indicator, language)]),
                el("td", [("class", "num")], text: header ? "–" : r.rank.map(String.init) ?? "–"),
            ] + references.map { reference in el("td", [("class", "num")], text: signed(r.value.map { $0 - reference.value })) })
        }
        var legend: [HTMLNode] = []
        if !breaks.isEmpty {
            for index in 0...breaks.count {
                let low = index == 0 ? nil : breaks[index - 1], high = index == breaks.count ? nil : breaks[index]
                let text: String
                switch (low, high) {
                case (nil, let h?): text = "< " + IndicatorNames.value(h, indicator, language)
                case (let l?, nil): text = "≥ " + IndicatorNames.value(l, indicator, language)
                case (let l?, let h?): text = IndicatorNames.value(l, indicator, language) + " – < " + IndicatorNames.value(h, indicator, language)
                default: text = ""
                }
                legend.append(el("li", [], [el("span", [("class", "swatch c\(index)"), ("aria-hidden", "true")]), txt(text)]))
            }
        }
        legend.append(el("li", [], [el("span", [("class", "swatch no-value"), ("aria-hidden", "true")]), txt(t(.legendNoValue))]))
        if !model.raw { legend.append(el("li", [], [SVGMap.hatchedSwatch(), txt(t(.legendSuppressed))])) }
        let levelName = model.levels.first { $0.code == model.view.level }?.name ?? ""
        let mapTitle = "\(indicator.name(language == .de)) – \(levelName), \(Format.day(date, language))"
        return el("section", [("aria-labelledby", "karte"), ("class", "map-section")], [
            el("h2", [("id", "karte")], text: t(.indicatorMapTitle)),
            el("div", [("class", "indicator-map")], [
                el("figure", [("class", "map-figure")], [
                    areas.isEmpty ? el("p", [("class", "empty-state")], text: t(.noBoundaries)) : SVGMap(id: "indikatorkarte", title: mapTitle, areas: areas, showLabels: areas.count <= 40).render(),
                    el("div", [("class", "legend")], [
                        el("p", [("class", "legend-title")], text: t(.fieldClasses) + " (" + IndicatorNames.method(model.view.method ?? .quantiles, language) + ")" + (unitLabel.isEmpty ? "" : ", " + unitLabel)),
                        el("ul", [], legend),
                    ]),
                    model.raw ? .empty : el("p", [("class", "hint")], text: t(.suppressionExplained)),
                ]),
                el("div", [("class", "table-scroll")], [
                    el("table", [("class", "data")], [
                        el("caption", text: mapTitle),
                        el("thead", [], [el("tr", [], fullHeader.map { el("th", [("scope", "col")], text: $0) })]),
                        el("tbody", [], model.rows.map { row($0, header: false) }),
                        model.parentRow.map { el("tfoot", [], [row($0, header: true)]) } ?? .empty,
                    ]),
                    model.rows.contains { !$0.flags.isEmpty } ? el("p", [("class", "hint")], text: t(.flagsExplained)) : .empty,
                    model.raw && model.rows.contains { $0.suppression != nil } ? el("p", [("class", "hint")], text: t(.rawSuppressedMarker)) : .empty,
                ]),
            ]),
        ])
    }

    static func rankingSection(_ model: Model, unitLabel: String, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let indicator = model.indicator
        let ranked = model.rows.filter { $0.rank != nil && $0.value != nil }.sorted { ($0.rank!, name(model, $0.unitKey)) < ($1.rank!, name(model, $1.unitKey)) }
        guard !ranked.isEmpty else { return .empty }
        let scale = pow(10.0, Double(indicator.decimals))
        let chart = BarChart(title: t(.rankingTitle) + ": " + indicator.name(language == .de), bars: ranked.map { row in
            BarChart.Bar(label: name(model, row.unitKey), value: Format.clampedInt(max(0, row.value!) * scale), valueText: IndicatorNames.value(row.value, indicator, language))
        })
        return el("section", [("aria-labelledby", "rangfolge")], [
            el("h2", [("id", "rangfolge")], text: t(.rankingTitle)),
            el("p", text: IndicatorNames.polarity(indicator.polarity, language)),
            el("div", [("class", "chart-and-table")], [
                el("figure", [], [chart.render()]),
                el("table", [("class", "data")], [
                    el("caption", text: t(.rankingTitle)),
                    el("thead", [], [el("tr", [], [t(.columnRank), t(.columnUnit), t(.columnValue) + (unitLabel.isEmpty ? "" : " (\(unitLabel))")].map { el("th", [("scope", "col")], text: $0) })]),
                    el("tbody", [], ranked.map { row in
                        el("tr", [], [el("td", [("class", "num")], text: String(row.rank!)), el("th", [("scope", "row")], text: name(model, row.unitKey)),
                                      el("td", [("class", "num")], text: IndicatorNames.value(row.value, indicator, language))])
                    }),
                ]),
            ]),
        ])
    }

    static func seriesSection(_ model: Model, unitLabel: String, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let indicator = model.indicator
        let form = FormBuilder(language: language)
        let chart = LineChart(title: t(.seriesTitle) + ": " + model.series.map(\.name).joined(separator: ", "),
                              series: model.series.map { LineChart.Series(name: $0.name, points: $0.points) }, language: language, decimals: indicator.decimals)
        let dates = Array(Set(model.series.flatMap { $0.points.map(\.0) })).sorted()
        return el("section", [("aria-labelledby", "zeitreihe")], [
            el("h2", [("id", "zeitreihe")], text: t(.seriesTitle)),
            el("form", [("method", "get"), ("action", SiteRoute.indicator(code: indicator.code).path + "#zeitreihe"), ("class", "filters controls")], [
                model.view.date.map { el("input", [("type", "hidden"), ("name", "stichtag"), ("value", $0.iso)]) } ?? .empty,
                model.view.level.map { el("input", [("type", "hidden"), ("name", "ebene"), ("value", $0)]) } ?? .empty,
                model.view.publicView ? el("input", [("type", "hidden"), ("name", "ansicht"), ("value", "oeffentlich")]) : .empty,
                model.view.compare.map { el("input", [("type", "hidden"), ("name", "vergleich"), ("value", $0.iso)]) } ?? .empty,
                form.select("gebiet", label: t(.columnUnit), options: model.seriesUnits.map { ($0.key, $0.name) }, selected: model.view.unit),
                el("button", [("type", "submit")], text: t(.showButton)),
            ]),
            dates.isEmpty ? .empty : el("p", [("class", "downloads")], [
                el("a", [("href", SiteRoute.indicatorValuesCSV(code: indicator.code, with(model.view) { $0.allDates = true }).path),
                         ("download", "\(indicator.code)-zeitreihe.csv")], text: t(.downloadSeriesCSV)),
            ]),
            dates.isEmpty ? el("p", [("class", "empty-state")], text: t(.noIndicatorValues)) : el("div", [("class", "chart-and-table")], [
                el("figure", [], [chart.render(), chart.key()]),
                el("table", [("class", "data")], [
                    el("caption", text: t(.seriesTitle) + (unitLabel.isEmpty ? "" : " (\(unitLabel))")),
                    el("thead", [], [el("tr", [], ([t(.columnReferenceDate)] + model.series.map(\.name)).map { el("th", [("scope", "col")], text: $0) })]),
                    el("tbody", [], dates.map { day in
                        el("tr", [], [el("th", [("scope", "row")], text: Format.day(day, language))] + model.series.map { series in
                            let value = series.points.first { $0.0 == day }?.1
                            return el("td", [("class", "num")], text: value.map { IndicatorNames.value($0, indicator, language) } ?? missingValueText(suppressed: series.suppressed.contains(day), t))
                        })
                    }),
                ]),
            ]),
        ])
    }

    static func referenceSection(_ model: Model, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        let indicator = model.indicator
        guard model.mayManage || !model.referenceValues.isEmpty || !model.importedReferences.isEmpty else { return .empty }
        var nodes: [HTMLNode] = [el("h2", [("id", "vergleichswerte")], text: t(.referenceValuesTitle)), el("p", text: t(.referenceValuesIntro))]
        if !model.importedReferences.isEmpty { nodes.append(el("p", text: t(.referenceImportedHint))) }
        // Imported values are replaced by the next import of their table, never deleted by hand.
        let imported = model.importedReferences.map { r in
            el("tr", [], [el("th", [("scope", "row")], text: r.label), el("td", text: Format.day(r.value.date, language)),
                          el("td", [("class", "num")], text: IndicatorNames.value(r.value.value, indicator, language))]
               + (model.mayManage ? [el("td", text: t(.referenceFromImport))] : []))
        }
        if model.referenceValues.isEmpty && imported.isEmpty {
            nodes.append(el("p", [("class", "empty-state")], text: t(.noReferenceValues)))
        } else {
            nodes.append(el("table", [("class", "data")], [
                el("caption", text: t(.referenceValuesTitle)),
                el("thead", [], [el("tr", [], ([t(.fieldLabel), t(.columnReferenceDate), t(.columnValue)] + (model.mayManage ? [t(.columnActions)] : [])).map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], model.referenceValues.map { r in
                    el("tr", [], [el("th", [("scope", "row")], text: r.label), el("td", text: Format.day(r.date, language)),
                                  el("td", [("class", "num")], text: IndicatorNames.value(r.value, indicator, language))]
                       + (model.mayManage ? [el("td", [], [el("a", [("href", SiteRoute.indicatorReferenceValueDelete(code: indicator.code, id: r.id).path)], text: t(.delete) + " " + r.label)])] : []))
                } + imported),
            ]))
        }
        if model.mayManage {
            let form = FormBuilder(language: language, issues: model.referenceIssues)
            let labels = ["label": t(.fieldLabel), "date": t(.columnReferenceDate), "value": t(.columnValue)]
            nodes.append(el("form", [("method", "post"), ("action", SiteRoute.indicatorReferenceValues(code: indicator.code).path), ("class", "stacked")], [
                el("h3", text: t(.addReferenceValue)),
                form.summary(labels: labels),
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("label", label: labels["label"]!, value: nil, required: true, hint: t(.referenceLabelHint), maxLength: 100),
                form.text("date", label: labels["date"]!, value: nil, type: "date", required: true),
                form.text("value", label: labels["value"]!, value: nil, required: true, hint: t(.decimalHint), maxLength: 30),
                el("button", [("type", "submit")], text: t(.save)),
            ]))
        }
        return el("section", [("aria-labelledby", "vergleichswerte")], nodes)
    }

    static func findingsSection(_ findings: [ValidationFinding], model: Model, context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        return el("section", [("aria-labelledby", "pruefung")], [
            el("h2", [("id", "pruefung")], text: t(.validationReportTitle)),
            FindingsTable.render(findings, names: model.names, language: language),
        ])
    }
}

/// Findings of the validation rules as a table (indicator pages and import reports).
public enum FindingsTable {
    public static func render(_ findings: [ValidationFinding], names: [String: String], language: Language) -> HTMLNode {
        let t = Texts(language)
        guard !findings.isEmpty else { return el("p", [("class", "empty-state")], text: t(.noFindings)) }
        return el("table", [("class", "data")], [
            el("caption", text: t(.validationReportTitle) + " (" + Format.integer(findings.count, language) + ")"),
            el("thead", [], [el("tr", [], [t(.fieldRule), t(.columnUnit), t(.columnReferenceDate), t(.fieldBreakdown), t(.columnFound), t(.columnExpected), t(.columnDeviation)]
                .map { el("th", [("scope", "col")], text: $0) })]),
            el("tbody", [], findings.prefix(500).map { f in
                el("tr", [], [
                    el("td", text: IndicatorNames.ruleKind(f.rule.kind, language) + " (" + f.rule.target + ")"),
                    el("th", [("scope", "row")], text: names[f.unitKey] ?? f.unitKey),
                    el("td", text: Format.day(f.date, language)),
                    el("td", text: f.breakdown.isTotal ? "–" : f.breakdown.canonical),
                    el("td", [("class", "num")], text: IndicatorNames.count(f.actual, language)),
                    el("td", [("class", "num")], text: IndicatorNames.count(f.expected, language)),
                    el("td", [("class", "num")], text: f.deviationPercent.map { Format.decimal($0, digits: 1, language) + " %" } ?? "–"),
                ])
            }),
        ])
    }
}
