import Foundation
import SoplaCore

/// Create or edit a variable.
public enum VariableFormPage {
    public struct Model: Sendable {
        public let values: [String: String]
        public let isNew: Bool
        public let issues: [ValidationIssue]
        /// The stored variable when editing: its state and the lifecycle actions are shown below the form.
        public let stored: Variable?

        public init(values: [String: String], isNew: Bool, issues: [ValidationIssue] = [], stored: Variable? = nil) {
            self.values = values
            self.isNew = isNew
            self.issues = issues
            self.stored = stored
        }

        public init(_ variable: Variable) {
            self.init(values: ["code": variable.code, "nameDE": variable.nameDE, "nameEN": variable.nameEN, "unit": variable.unit, "source": variable.source,
                               "tableCode": variable.tableCode ?? "", "licence": variable.licence, "isCount": variable.isCount ? "ja" : "nein",
                               "minimumCount": variable.minimumCount.map(String.init) ?? ""], isNew: false, stored: variable)
        }
    }

    public static func labels(_ t: Texts) -> [String: String] {
        ["code": t(.fieldCode), "nameDE": t(.fieldNameDE), "nameEN": t(.fieldNameEN), "unit": t(.fieldUnit), "source": t(.columnSource),
         "tableCode": t(.fieldTableCode), "licence": t(.fieldLicence), "isCount": t(.fieldIsCount), "minimumCount": t(.fieldMinimumCount)]
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: model.issues)
        let labels = labels(t)
        let v = model.values
        let title = model.isNew ? t(.newVariable) : t(.editVariable) + " " + (v["code"] ?? "")
        let action = model.isNew ? SiteRoute.variables.path : SiteRoute.variable(code: v["code"] ?? "").path
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.variables.path)], text: t(.variablesTitle))]),
            el("h1", text: title),
            model.stored.map { CatalogueLifecycleViews.note(.variable($0), context.language) } ?? .empty,
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", action), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                model.isNew ? form.text("code", label: labels["code"]!, value: v["code"], required: true, hint: t(.codeHint), maxLength: 40)
                    : el("input", [("type", "hidden"), ("name", "code"), ("value", v["code"] ?? "")]),
                form.text("nameDE", label: labels["nameDE"]!, value: v["nameDE"], required: true),
                form.text("nameEN", label: labels["nameEN"]!, value: v["nameEN"], required: true),
                form.text("unit", label: labels["unit"]!, value: v["unit"], required: true, hint: t(.unitHint), maxLength: 40),
                form.text("source", label: labels["source"]!, value: v["source"], required: true, maxLength: 300),
                form.text("tableCode", label: labels["tableCode"]!, value: v["tableCode"], maxLength: 40),
                form.text("licence", label: labels["licence"]!, value: v["licence"], required: true),
                form.select("isCount", label: labels["isCount"]!, options: [("ja", t(.yesCount)), ("nein", t(.noAmount))], selected: v["isCount"] ?? "ja", hint: t(.isCountHint)),
                form.text("minimumCount", label: labels["minimumCount"]!, value: v["minimumCount"], type: "number", hint: t(.minimumCountHint), maxLength: 4),
                el("div", [("class", "actions")], [
                    el("button", [("type", "submit")], text: t(.save)),
                    el("a", [("href", SiteRoute.variables.path)], text: t(.cancel)),
                ]),
            ]),
        ]
        if let stored = model.stored {
            content.append(el("section", [("aria-labelledby", "status")], [
                el("h2", [("id", "status")], text: t(.catalogueColumnState) + ": " + CatalogueLifecycleViews.stateName(stored.state, context.language)),
                el("div", [("class", "actions")], CatalogueLifecycleViews.actions(.variable(stored), context: context)),
            ]))
        }
        return Layout(title: title, context: context).render(content)
    }
}

/// Create or edit an indicator.
public enum IndicatorFormPage {
    public struct Model: Sendable {
        public let values: [String: String]
        public let levels: Set<String>
        public let isNew: Bool
        public let variables: [Variable]
        public let levelOptions: [(code: String, name: String)]
        public let issues: [ValidationIssue]

        public init(values: [String: String], levels: Set<String>, isNew: Bool, variables: [Variable], levelOptions: [(code: String, name: String)], issues: [ValidationIssue] = []) {
            self.values = values
            self.levels = levels
            self.isNew = isNew
            self.variables = variables
            self.levelOptions = levelOptions
            self.issues = issues
        }

        public static func values(_ i: Indicator) -> [String: String] {
            ["code": i.code, "nameDE": i.nameDE, "nameEN": i.nameEN, "definitionDE": i.definitionDE, "definitionEN": i.definitionEN,
             "topic": i.topic.rawValue, "numerator": IndicatorTerm.text(i.numerator), "denominator": IndicatorTerm.text(i.denominator),
             "factor": String(Int(i.factor)), "polarity": i.polarity.rawValue, "decimals": String(i.decimals), "minimumCount": i.minimumCount.map(String.init) ?? ""]
        }
    }

    public static func labels(_ t: Texts) -> [String: String] {
        ["code": t(.fieldCode), "nameDE": t(.fieldNameDE), "nameEN": t(.fieldNameEN), "definitionDE": t(.fieldDefinitionDE), "definitionEN": t(.fieldDefinitionEN),
         "topic": t(.fieldTopic), "numerator": t(.columnNumerator), "denominator": t(.columnDenominator), "factor": t(.fieldFactor),
         "polarity": t(.fieldPolarity), "decimals": t(.fieldDecimals), "minimumCount": t(.fieldMinimumCount), "levels": t(.fieldLevels)]
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = labels(t)
        let v = model.values
        let title = model.isNew ? t(.newIndicator) : t(.editIndicator) + " " + (v["code"] ?? "")
        let action = model.isNew ? SiteRoute.indicatorCreate.path : SiteRoute.indicator(code: v["code"] ?? "").path
        let variableList = model.variables.map { "\($0.code) (\($0.name(language == .de)))" }.joined(separator: ", ")
        func area(_ field: String) -> HTMLNode {
            el("div", [("class", "field")], [
                el("label", [("for", field)], text: labels[field]!),
                el("textarea", [("id", field), ("name", field), ("rows", "3"), ("maxlength", "4000")], text: v[field] ?? ""),
            ])
        }
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.indicators().path)], text: t(.indicatorsTitle))]),
            el("h1", text: title),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", action), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                model.isNew ? form.text("code", label: labels["code"]!, value: v["code"], required: true, hint: t(.codeHint), maxLength: 40)
                    : el("input", [("type", "hidden"), ("name", "code"), ("value", v["code"] ?? "")]),
                form.text("nameDE", label: labels["nameDE"]!, value: v["nameDE"], required: true),
                form.text("nameEN", label: labels["nameEN"]!, value: v["nameEN"], required: true),
                area("definitionDE"),
                area("definitionEN"),
                form.select("topic", label: labels["topic"]!, options: IndicatorTopic.allCases.map { ($0.rawValue, IndicatorNames.topic($0, language)) }, selected: v["topic"]),
                form.text("numerator", label: labels["numerator"]!, value: v["numerator"], required: true,
                          hint: t(.termsHint) + " " + t(.knownVariables) + " " + (variableList.isEmpty ? "–" : variableList), maxLength: 400),
                form.text("denominator", label: labels["denominator"]!, value: v["denominator"], hint: t(.denominatorHint), maxLength: 400),
                form.select("factor", label: labels["factor"]!, options: Indicator.allowedFactors.map { (String(Int($0)), "× " + Format.integer(Int($0), language)) }, selected: v["factor"] ?? "100"),
                form.select("polarity", label: labels["polarity"]!, options: Polarity.allCases.map { ($0.rawValue, IndicatorNames.polarity($0, language)) }, selected: v["polarity"]),
                form.select("decimals", label: labels["decimals"]!, options: (0...4).map { (String($0), String($0)) }, selected: v["decimals"] ?? "1"),
                form.text("minimumCount", label: labels["minimumCount"]!, value: v["minimumCount"], type: "number", hint: t(.indicatorMinimumHint), maxLength: 4),
                form.checkboxes("levels", legend: labels["levels"]!, options: model.levelOptions.map { ($0.code, $0.name) }, selected: model.levels, hint: t(.levelsHint)),
                el("div", [("class", "actions")], [
                    el("button", [("type", "submit")], text: t(.save)),
                    el("a", [("href", model.isNew ? SiteRoute.indicators().path : SiteRoute.indicator(code: v["code"] ?? "").path)], text: t(.cancel)),
                ]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// The rules that check figures after each import, with a form to add one.
public enum ValidationRulesPage {
    public struct Model: Sendable {
        public let rules: [ValidationRule]
        public let targets: [(code: String, name: String)]
        public let values: [String: String]
        public let issues: [ValidationIssue]
        public let notice: Notice?

        public init(rules: [ValidationRule], targets: [(code: String, name: String)], values: [String: String] = [:], issues: [ValidationIssue] = [], notice: Notice? = nil) {
            self.rules = rules
            self.targets = targets
            self.values = values
            self.issues = issues
            self.notice = notice
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = ["kind": t(.fieldRule), "target": t(.fieldTarget), "threshold": t(.fieldThreshold)]
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.indicators().path)], text: t(.indicatorsTitle))]),
            el("h1", text: t(.validationRulesTitle)),
            el("p", [("class", "lead")], text: t(.validationRulesIntro)),
            model.notice?.node ?? .empty,
        ]
        if model.rules.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noValidationRules)))
        } else {
            content.append(el("table", [("class", "data")], [
                el("caption", text: t(.validationRulesTitle)),
                el("thead", [], [el("tr", [], [t(.fieldRule), t(.fieldTarget), t(.fieldThreshold), t(.columnActions)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], model.rules.map { rule in
                    el("tr", [], [
                        el("th", [("scope", "row")], text: IndicatorNames.ruleKind(rule.kind, language)),
                        el("td", [], [el("code", text: rule.target)]),
                        el("td", [("class", "num")], text: rule.kind == .numeratorNotAboveDenominator ? "–" : Format.decimal(rule.threshold, digits: 1, language) + " %"),
                        el("td", [], [el("a", [("href", SiteRoute.validationRuleDelete(id: rule.id).path)], text: t(.delete) + " " + rule.target)]),
                    ])
                }),
            ]))
        }
        content.append(el("form", [("method", "post"), ("action", SiteRoute.validationRules.path), ("class", "stacked")], [
            el("h2", text: t(.addValidationRule)),
            form.summary(labels: labels),
            FormBuilder.csrf(context.csrfToken ?? ""),
            form.select("kind", label: labels["kind"]!, options: ValidationRule.Kind.allCases.map { ($0.rawValue, IndicatorNames.ruleKind($0, language)) }, selected: model.values["kind"]),
            form.select("target", label: labels["target"]!, options: model.targets.map { ($0.code, "\($0.name) (\($0.code))") }, selected: model.values["target"], hint: t(.ruleTargetHint)),
            form.text("threshold", label: labels["threshold"]!, value: model.values["threshold"] ?? "", hint: t(.thresholdHint), maxLength: 10),
            el("button", [("type", "submit")], text: t(.save)),
        ]))
        return Layout(title: t(.validationRulesTitle), context: context).render(content)
    }
}

/// The unit page's indicator profile (Gemeindesteckbrief): every indicator of the unit against the county.
public enum IndicatorProfile {
    public struct Line: Sendable {
        public let indicator: Indicator
        public let unitLabel: String
        public let date: Day
        public let row: IndicatorRow
        public let parentValue: Double?
        public let raw: Bool

        public init(indicator: Indicator, unitLabel: String, date: Day, row: IndicatorRow, parentValue: Double?, raw: Bool) {
            self.indicator = indicator
            self.unitLabel = unitLabel
            self.date = date
            self.row = row
            self.parentValue = parentValue
            self.raw = raw
        }
    }

    public static func render(_ lines: [Line], parentName: String?, language: Language) -> HTMLNode {
        let t = Texts(language)
        var nodes: [HTMLNode] = [el("h2", [("id", "steckbrief")], text: t(.profileIndicatorsTitle))]
        guard !lines.isEmpty else {
            nodes.append(el("p", [("class", "empty-state")], text: t(.noIndicatorValues)))
            return el("section", [("aria-labelledby", "steckbrief")], nodes)
        }
        nodes.append(el("table", [("class", "data")], [
            el("caption", [("class", "visually-hidden")], text: t(.profileIndicatorsTitle)),
            el("thead", [], [el("tr", [], [t(.columnIndicator), t(.columnReferenceDate), t(.columnValue), parentName ?? t(.parent), t(.columnChangePrevious)]
                .map { el("th", [("scope", "col")], text: $0) })]),
            el("tbody", [], lines.map { line in
                let suffix = line.unitLabel.isEmpty ? "" : " " + line.unitLabel
                let value = line.row.value.map { IndicatorNames.value($0, line.indicator, language) + suffix }
                    ?? (IndicatorNames.gap(line.row, raw: line.raw, language) ?? "–")
                return el("tr", [], [
                    el("th", [("scope", "row")], [el("a", [("href", SiteRoute.indicator(code: line.indicator.code, IndicatorViewParameters(unit: line.row.unitKey)).path)],
                                                     text: line.indicator.name(language == .de))]),
                    el("td", text: Format.day(line.date, language)),
                    el("td", [("class", "num")], text: value),
                    el("td", [("class", "num")], text: line.parentValue.map { IndicatorNames.value($0, line.indicator, language) + suffix } ?? "–"),
                    el("td", [], [IndicatorNames.trend(line.row.change, line.indicator, language)]),
                ])
            }),
        ]))
        return el("section", [("aria-labelledby", "steckbrief")], nodes)
    }
}
