import Foundation
import SoplaCore

/// Social controlling: planned, committed, paid and proven money; where it goes by category, provider and
/// municipality (per inhabitant); the preventive share; target attainment; the years in comparison. Every chart
/// has its table.
public enum ControllingPage {
    public typealias Model = ControllingOverview

    /// `hidden`: the rows whose amount is kept secret; `totalHidden`: the total is, so no share is shown (it would give it away).
    static func moneyTable(caption: String, header: String, rows: [(name: String, amount: Money)], total: Money, hidden: Set<String> = [], totalHidden: Bool = false,
                           context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        func secret(_ name: String) -> Bool { hidden.contains(name) }
        return el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: caption),
            el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: header), el("th", [("scope", "col"), ("class", "num")], text: t(.columnAmount)),
                                           el("th", [("scope", "col"), ("class", "num")], text: t(.columnShare))])]),
            el("tbody", [], rows.map { row in
                el("tr", [], [el("th", [("scope", "row")], text: row.name), amountCell(row.amount, hidden: secret(row.name), language: language, t: t),
                              secret(row.name) || totalHidden ? suppressedCell(t)
                                : el("td", [("class", "num")], text: total.cents > 0 ? Format.decimal(Double(row.amount.cents) * 100 / Double(total.cents), digits: 1, language) + " %" : "–")])
            }),
        ])])
    }

    static func suppressedCell(_ t: Texts) -> HTMLNode { el("td", [("class", "num suppressed")], text: t(.valueSuppressed)) }

    static func amountCell(_ amount: Money, hidden: Bool, language: Language, t: Texts) -> HTMLNode {
        hidden ? suppressedCell(t) : el("td", [("class", "num")], text: Format.money(amount, language))
    }

    static func chart(_ title: String, _ rows: [(name: String, amount: Money)], language: Language) -> HTMLNode {
        BarChart(title: title, bars: rows.map { BarChart.Bar(label: $0.name, value: $0.amount.cents, valueText: Format.money($0.amount, language)) }).render()
    }

    /// `publicView`: totals only (no providers, no agreements' targets), for the transparency portal.
    public static func render(_ model: Model, context: PageContext, publicView: Bool = false) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language)
        let title = (publicView ? t(.portalFunding) : t(.controllingTitle)) + " \(model.year)"
        let base = publicView ? "/foerderung/zahlen" : FundingRoute.controlling()
        // Public outputs keep back what the dominance rule hides; planners see every figure.
        let secret = publicView ? model.hidden : []
        let totalHidden = secret.contains(.year(model.year, .committed))
        // Published rows by amount, hidden ones after them by name: their place among the others would bound them.
        let categories = model.byCategory.filter { !secret.contains(.category($0.name)) } + model.byCategory.filter { secret.contains(.category($0.name)) }.sorted { $0.name < $1.name }
        let hiddenCategories = Set(model.byCategory.map(\.name).filter { secret.contains(.category($0)) })
        var content: [HTMLNode] = [
            publicView ? .empty : el("p", [("class", "breadcrumb")], [el("a", [("href", FundingRoute.overview())], text: t(.fundingTitle))]),
            el("h1", text: title),
            el("form", [("method", "get"), ("action", base), ("class", "filters")], [
                form.select("jahr", label: t(.columnYear), options: model.years.map { (String($0), String($0)) }, selected: String(model.year)),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.showWord))]),
            ]),
            model.unknownYear.map { asked in
                el("p", [("class", "notice notice-warning"), ("role", "status")],
                   text: t(.unknownYear).replacingOccurrences(of: "{asked}", with: String(asked.prefix(20))).replacingOccurrences(of: "{year}", with: String(model.year)))
            } ?? .empty,
            publicView ? el("p", [("class", "hint")], text: t(.dominanceHint)) : .empty,
            el("h2", text: t(.moneyFlowTitle)),
        ]
        if model.programmes.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noProgrammes)))
        } else {
            content.append(el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.moneyFlowTitle) + " \(model.year)"),
                el("thead", [], [el("tr", [], [t(.columnProgramme), t(.columnPlanned), t(.columnCommitted), t(.columnPaid), t(.columnProven), t(.columnCommittedShare)]
                    .enumerated().map { i, h in el("th", [("scope", "col"), ("class", i > 0 ? "num" : nil)], text: h) })]),
                el("tbody", [], model.programmes.enumerated().map { index, row in
                    let f = row.figures
                    let committedHidden = secret.contains(.programme(index, .committed))
                    // The budget is the council's, not a recipient's: always shown.
                    return el("tr", [], [el("th", [("scope", "row")], text: row.name), amountCell(f.planned, hidden: false, language: language, t: t)]
                        + [(f.committed, FundingFigure.Measure.committed), (f.paid, .paid), (f.proven, .proven)].map {
                            amountCell($0.0, hidden: secret.contains(.programme(index, $0.1)), language: language, t: t)
                        } + [committedHidden ? suppressedCell(t)
                             : el("td", [("class", "num")], text: f.committedPermille.map { Format.decimal(Double($0) / 10, digits: 1, language) + " %" } ?? "–")])
                }),
            ])]))
        }
        content += [
            el("h2", text: t(.byCategoryTitle)),
            model.byCategory.isEmpty ? el("p", [("class", "empty-state")], text: t(.noCommitments))
                : categories.count > hiddenCategories.count ? chart(t(.byCategoryTitle), categories.filter { !hiddenCategories.contains($0.name) }, language: language) : .empty,
            model.byCategory.isEmpty ? .empty : moneyTable(caption: t(.byCategoryTitle), header: t(.columnCategory), rows: categories, total: model.total,
                                                           hidden: hiddenCategories, totalHidden: totalHidden, context: context),
            // A hidden amount takes its share with it; a hidden total only the share.
            el("p", text: secret.contains(.preventive) ? t(.preventiveShareText).replacingOccurrences(of: " ({s})", with: "").replacingOccurrences(of: "{p}", with: t(.valueSuppressed))
                : t(.preventiveShareText).replacingOccurrences(of: "{p}", with: Format.money(model.preventive, language))
                    .replacingOccurrences(of: "{s}", with: totalHidden ? t(.valueSuppressed)
                        : model.total.cents > 0 ? Format.decimal(Double(model.preventive.cents) * 100 / Double(model.total.cents), digits: 1, language) + " %" : "–")),
            publicView ? .empty : el("h2", text: t(.byProviderTitle)),
            publicView ? .empty : (model.byProvider.isEmpty ? el("p", [("class", "empty-state")], text: t(.noCommitments))
                : moneyTable(caption: t(.byProviderTitle), header: t(.columnOrganisation), rows: model.byProvider, total: model.total, context: context)),
            el("h2", text: t(.byUnitTitle)),
            el("p", [("class", "hint")], text: t(.byUnitHint)),
            model.byUnit.isEmpty ? el("p", [("class", "empty-state")], text: model.total.cents > 0 ? t(.noCommitmentsWithArea) : t(.noCommitments)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.byUnitTitle)),
                el("thead", [], [el("tr", [], [t(.columnMunicipality), t(.columnAmount), t(.columnPopulation), t(.columnPerInhabitant)].enumerated().map { i, h in
                    el("th", [("scope", "col"), ("class", i > 0 ? "num" : nil)], text: h) })]),
                el("tbody", [], model.byUnit.map { row in
                    // Euros per inhabitant times the population would give the amount away.
                    let hidden = secret.contains(.municipality(row.name))
                    return el("tr", [], [el("th", [("scope", "row")], text: row.name), amountCell(row.amount, hidden: hidden, language: language, t: t),
                                         el("td", [("class", "num")], text: row.population.map { Format.integer($0, language) } ?? "–"),
                                         hidden ? suppressedCell(t) : el("td", [("class", "num")], text: row.perInhabitant.map { Format.money($0, language) } ?? "–")])
                }),
            ])]),
            el("h2", text: t(.needTitle)),
            el("p", [("class", "hint")], text: t(.needHint)),
        ] + (model.need.isEmpty ? [el("p", [("class", "empty-state")], text: t(.noNeedComparison))] : model.need.map { category in
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.needTitle) + ": " + category.category),
                el("thead", [], [el("tr", [], [t(.columnMunicipality), t(.columnAmount), t(.columnCoverage), t(.columnGapFTE)].enumerated().map { i, h in
                    el("th", [("scope", "col"), ("class", i > 0 ? "num" : nil)], text: h) })]),
                el("tbody", [], category.rows.map { row in
                    el("tr", [], [el("th", [("scope", "row")], text: row.name),
                                  amountCell(row.amount, hidden: secret.contains(.need(category: category.category, municipality: row.name)), language: language, t: t),
                                  el("td", [("class", "num")], text: row.ratio.map { Format.decimal($0 * 100, digits: 0, language) + " %" } ?? "–"),
                                  el("td", [("class", "num")], text: Format.decimal(row.gap, digits: 2, language))])
                }),
            ])])
        })
        if !publicView {
            content += [
            el("h2", text: t(.attainmentTitle)),
            model.attainment.isEmpty ? el("p", [("class", "empty-state")], text: t(.noTargets)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.attainmentTitle)),
                el("thead", [], [el("tr", [], [t(.fieldReference), t(.columnOrganisation), t(.columnTarget), t(.columnAttainment), t(.columnLight)].enumerated().map { i, h in
                    el("th", [("scope", "col"), ("class", i == 3 ? "num" : nil)], text: h) })]),
                el("tbody", [], model.attainment.map { row in
                    el("tr", [], [el("th", [("scope", "row")], text: row.agreement), el("td", text: row.organisation), el("td", text: row.target),
                                  el("td", [("class", "num")], text: row.percent.map { Format.decimal($0, digits: 0, language) + " %" } ?? "–"),
                                  el("td", [("class", "light light-" + (row.light?.rawValue ?? "none"))], text: FundingNames.light(row.light, t))])
                }),
            ])]),
            ]
        }
        content += [
            el("h2", text: t(.trendTitle)),
            chart(t(.trendTitle), model.trend.filter { !secret.contains(.year($0.year, .committed)) }.map { (String($0.year), $0.committed) }, language: language),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.trendTitle)),
                el("thead", [], [el("tr", [], [t(.columnYear), t(.columnPlanned), t(.columnCommitted), t(.columnPaid)].enumerated().map { i, h in
                    el("th", [("scope", "col"), ("class", i > 0 ? "num" : nil)], text: h) })]),
                el("tbody", [], model.trend.map { row in
                    el("tr", [], [el("th", [("scope", "row")], text: String(row.year)), amountCell(row.planned, hidden: false, language: language, t: t),
                                  amountCell(row.committed, hidden: secret.contains(.year(row.year, .committed)), language: language, t: t),
                                  amountCell(row.paid, hidden: secret.contains(.year(row.year, .paid)), language: language, t: t)])
                }),
            ])]),
        ]
        let csv = (publicView ? "/foerderung/zahlen.csv" : FundingRoute.controllingCSV()) + "?jahr=\(model.year)"
        content += [
            el("p", [], [el("a", [("href", csv)], text: t(.downloadCSV3))]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}
