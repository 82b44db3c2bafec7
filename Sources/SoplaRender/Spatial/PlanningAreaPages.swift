import Foundation
import SoplaCore

/// Addresses of planning-area management.
public enum PlanningAreaRoute {
    public enum Pattern {
        public static let manage = RoutePath<String>("/gebiete/:key/planungsraeume")
        public static let edit = RoutePath<String>("/gebiete/:key/bearbeiten")
        public static let retire = RoutePath<String>("/gebiete/:key/aufheben")
    }
}

/// A planner's page of a municipality's planning areas: the list with their state, and the upload of boundaries.
public enum PlanningAreaManagePage {
    public typealias Row = PlanningAreaState

    public struct Model: Sendable {
        public let parent: SpatialUnit
        public let rows: [Row]
        /// The level of the sub-units (planning areas, or what `SOPLA_LEVELS` calls them).
        public var level: SpatialLevel = .planningArea
        public var keyProperty = "id"
        public var nameProperty = "name"
        public var validFrom: String
        /// The name of the file that was sent, so a person knows which one the errors are about.
        public var fileName: String?
        /// The refused file itself (base64), sent again with the form unless another one is chosen.
        public var keptFile: String?
        public var issues: [ValidationIssue] = []
        public var importIssues: [ImportIssue] = []
        /// A file that is no GeoJSON FeatureCollection at all.
        public var formatError: String?
        public var notice: Notice?

        public init(parent: SpatialUnit, rows: [Row], validFrom: String) {
            self.parent = parent
            self.rows = rows
            self.validFrom = validFrom
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let title = t(.areasManageTitle) + ": " + model.parent.name
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = ["file": t(.areasFieldFile), "keyProperty": t(.areasFieldKeyProperty), "nameProperty": t(.areasFieldNameProperty),
                      "validFrom": t(.areasFieldValidFrom)]
        let fileInvalid = model.issues.contains { $0.field == "file" } || !model.importIssues.isEmpty || model.formatError != nil
        var fileNotes: [HTMLNode] = [el("p", [("class", "hint"), ("id", "file-hint")], text: t(.areasUploadIntro))]
        let fileErrors = model.issues.filter { $0.field == "file" }.map { IssueText.message($0.problem, language) }
        if !fileErrors.isEmpty { fileNotes.append(el("p", [("class", "field-error"), ("id", "file-error")], text: fileErrors.joined(separator: " "))) }
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.unit(key: model.parent.key).path)], text: model.parent.name)]),
            el("h1", text: title),
            model.notice?.node ?? .empty,
            form.summary(labels: labels),
            importErrors(model, t),
            el("h2", text: t(.areasListTitle)),
            el("p", [], [el("a", [("href", SiteRoute.newChildUnit(parentKey: model.parent.key).path)],
                            text: t(.newChildArea).replacingOccurrences(of: "{level}", with: language == .de ? model.level.nameDE : model.level.nameEN))]),
        ]
        content.append(model.rows.isEmpty ? el("p", [("class", "empty-state")], text: t(.areasNone)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.areasListTitle) + ": " + model.parent.name),
            el("thead", [], [el("tr", [], [
                el("th", [("scope", "col")], text: t(.profileKeyLabel)), el("th", [("scope", "col")], text: t(.columnName)),
                el("th", [("scope", "col")], text: t(.areasStatusColumn)), el("th", [("scope", "col")], text: t(.areasEditLink)),
            ])]),
            el("tbody", [], model.rows.map { row in
                let status = row.retiredFrom.map { t(.areasRetiredOn).replacingOccurrences(of: "{d}", with: Format.day($0, language)) }
                    ?? row.currentFrom.map { t(.areasActiveSince).replacingOccurrences(of: "{d}", with: Format.day($0, language)) } ?? t(.areasActive)
                return el("tr", [], [
                    el("td", [], [el("code", text: row.unit.key)]),
                    el("th", [("scope", "row")], [UnitFigures.link(row.unit)]),
                    el("td", text: status),
                    el("td", [], [el("a", [("href", PlanningAreaRoute.Pattern.edit(row.unit.key))], text: t(.areasEditLink) + ": " + row.unit.name)]),
                ])
            }),
        ])]))
        content += [
            el("h2", [("id", "hochladen")], text: t(.areasUploadTitle)),
            el("form", [("method", "post"), ("action", PlanningAreaRoute.Pattern.manage(model.parent.key)), ("enctype", "multipart/form-data"), ("class", "stacked narrow")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("div", [("class", fileInvalid ? "field invalid" : "field")], [el("label", [("for", "file")], text: labels["file"]! + " *")] + fileNotes + [
                    el("input", [("type", "file"), ("id", "file"), ("name", "file"), ("required", model.keptFile == nil ? "required" : nil),
                                 ("accept", ".geojson,.json,application/geo+json,application/json"),
                                 ("aria-describedby", fileErrors.isEmpty ? "file-hint" : "file-hint file-error"), ("aria-invalid", fileInvalid ? "true" : nil)]),
                    model.fileName.map { el("p", [("class", "hint")], text: t(.fieldFile) + ": " + $0 + (model.keptFile == nil ? "" : " – " + t(.areasFileKept))) } ?? .empty,
                    model.keptFile.map { el("input", [("type", "hidden"), ("name", "keptFile"), ("value", $0)]) } ?? .empty,
                    model.keptFile == nil ? .empty : el("input", [("type", "hidden"), ("name", "keptFileName"), ("value", model.fileName ?? "")]),
                ]),
                form.text("keyProperty", label: labels["keyProperty"]!, value: model.keyProperty, required: true, maxLength: 100),
                form.text("nameProperty", label: labels["nameProperty"]!, value: model.nameProperty, required: true, maxLength: 100),
                form.text("validFrom", label: labels["validFrom"]!, value: model.validFrom, type: "date", required: true, maxLength: nil),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.areasUploadButton))]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }

    /// Every problem of a refused file: feature number, property, value and why, in a table.
    static func importErrors(_ model: Model, _ t: Texts) -> HTMLNode {
        if let formatError = model.formatError {
            return el("div", [("class", "error-summary"), ("role", "alert")], [el("h2", text: t(.areasUploadErrors)), el("p", text: formatError)])
        }
        guard !model.importIssues.isEmpty else { return .empty }
        return el("div", [("class", "error-summary import-errors"), ("role", "alert")], [
            el("h2", text: t(.areasUploadErrors)),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", [("class", "visually-hidden")], text: t(.areasIssueTableCaption)),
                el("thead", [], [el("tr", [], [t(.areasIssueFeature), t(.areasIssueProperty), t(.areasIssueValue), t(.areasIssueReason)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], model.importIssues.map { issue in
                    el("tr", [], [
                        el("td", text: issue.featureIndex.map(String.init) ?? "–"),
                        el("td", text: issue.property ?? "–"),
                        el("td", text: issue.value ?? "–"),
                        el("td", text: reason(issue.reason, t.language)),
                    ])
                }),
            ])]),
        ])
    }

    /// The planner's reasons in German where they are known; otherwise as the importer says them.
    static func reason(_ reason: String, _ language: Language) -> String {
        guard language == .de else { return reason }
        let known: [(String, String)] = [
            ("the key property is missing or empty", "Die Eigenschaft mit dem Schlüssel fehlt oder ist leer."),
            ("the name property is missing or empty", "Die Eigenschaft mit dem Namen fehlt oder ist leer."),
            ("the file holds no features", "Die Datei enthält keine Objekte."),
            ("duplicate key", "Doppelter Schlüssel: ein früheres Objekt hat denselben."),
            ("the boundary differs from the Gebietsstand", "Die Grenze weicht vom geltenden Gebietsstand ab, der nicht vor „Gültig ab“ beginnt: ein neuer Gebietsstand muss später beginnen."),
            ("the key belongs to an existing unit", "Der Schlüssel gehört schon zu einem Gebiet einer anderen Ebene."),
            ("planning-area key", "Ein Planungsraum-Schlüssel ist der achtstellige Gemeindeschlüssel, ein Bindestrich und 1–12 Buchstaben oder Ziffern, z. B. 06532023-1."),
            ("does not start with its parent's key", "Der Schlüssel beginnt nicht mit dem Schlüssel der Gemeinde."),
            ("is outside WGS84", "Eine Position liegt außerhalb von WGS84 (Länge −180 bis 180, Breite −90 bis 90): Die Datei muss Länge und Breite (EPSG:4326) enthalten."),
            ("is not supported; boundaries must be Polygon or MultiPolygon", "Als Grenze sind nur Polygon und MultiPolygon möglich."),
            ("the feature has no geometry object", "Das Objekt hat keine Geometrie."),
            ("lies outside its parent's boundary", "Die Fläche liegt nicht in der Gemeinde: Ihr Mittelpunkt liegt außerhalb (Länge, Breite). Sind Länge und Breite vertauscht oder ist es die Fläche eines anderen Orts?"),
            ("a linear ring must be closed", "Ein Ring muss geschlossen sein: Erste und letzte Position sind verschieden."),
            ("a linear ring needs at least 4 positions", "Ein Ring braucht mindestens 4 Positionen."),
            ("each entry of \"features\"", "Jeder Eintrag von „features“ muss ein Objekt mit „type“: „Feature“ sein."),
        ]
        return known.first { reason.contains($0.0) }?.1 ?? reason
    }
}

/// A planner renames a planning area or retires it from a day on (after confirming).
public enum PlanningAreaEditPage {
    public struct Model: Sendable {
        public let unit: SpatialUnit
        public let parent: SpatialUnit?
        public let currentFrom: Day?
        public let retiredFrom: Day?
        public var name: String?
        public var kind: String?
        public var retireOn: String?
        public var issues: [ValidationIssue] = []
        public var retireIssues: [ValidationIssue] = []

        public init(unit: SpatialUnit, parent: SpatialUnit?, currentFrom: Day?, retiredFrom: Day?) {
            self.unit = unit
            self.parent = parent
            self.currentFrom = currentFrom
            self.retiredFrom = retiredFrom
            name = unit.name
            kind = unit.kind
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let title = t(.areasEditTitle) + ": " + model.unit.name
        let form = FormBuilder(language: language, issues: model.issues)
        let retireForm = FormBuilder(language: language, issues: model.retireIssues)
        let labels = ["name": t(.areasFieldName), "kind": t(.areasFieldKind)]
        let retireLabels = ["retireOn": t(.areasRetireOn), "confirm": t(.areasRetireButton)]
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [
                model.parent.map { el("a", [("href", PlanningAreaRoute.Pattern.manage($0.key))], text: t(.areasManageTitle) + ": " + $0.name) } ?? .empty,
                txt(" › "), el("a", [("href", SiteRoute.unit(key: model.unit.key).path)], text: model.unit.name),
            ]),
            el("h1", text: title),
            context.notice?.node ?? .empty,
            form.summary(labels: labels),
            retireForm.summary(labels: retireLabels),
            el("p", [], [txt(t(.profileKeyLabel) + ": "), el("code", text: model.unit.key)]),
            el("form", [("method", "post"), ("action", PlanningAreaRoute.Pattern.edit(model.unit.key)), ("class", "stacked narrow")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("name", label: labels["name"]!, value: model.name, required: true),
                form.text("kind", label: labels["kind"]!, value: model.kind, maxLength: 60),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.save))]),
            ]),
            el("h2", [("id", "aufheben")], text: t(.areasRetireTitle)),
        ]
        if let retired = model.retiredFrom {
            content.append(el("p", [("class", "empty-state")], text: t(.areasRetired) + " " + t(.areasRetiredOn).replacingOccurrences(of: "{d}", with: Format.day(retired, language))))
        } else if model.currentFrom == nil {
            content.append(el("p", [("class", "empty-state")], text: t(.areasNotRetirable)))
        } else {
            let confirmInvalid = model.retireIssues.contains { $0.field == "confirm" }
            content += [
                el("p", text: t(.areasRetireIntro)),
                el("form", [("method", "post"), ("action", PlanningAreaRoute.Pattern.retire(model.unit.key)), ("class", "stacked narrow")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    retireForm.text("retireOn", label: retireLabels["retireOn"]!, value: model.retireOn, type: "date", required: true,
                                    hint: model.currentFrom.map { t(.columnValidFrom) + ": " + Format.day($0, language) }, maxLength: nil),
                    el("div", [("class", confirmInvalid ? "checkbox field invalid" : "checkbox")], [
                        confirmInvalid ? el("p", [("class", "field-error"), ("id", "confirm-error")], text: IssueText.message(.required, language)) : .empty,
                        el("input", [("type", "checkbox"), ("id", "confirm"), ("name", "confirm"), ("value", "ja"), ("required", "required"),
                                     ("aria-describedby", confirmInvalid ? "confirm-error" : nil), ("aria-invalid", confirmInvalid ? "true" : nil)]),
                        el("label", [("for", "confirm")], text: t(.areasRetireConfirm).replacingOccurrences(of: "{name}", with: model.unit.name)),
                    ]),
                    el("div", [("class", "actions")], [el("button", [("type", "submit"), ("class", "danger")], text: t(.areasRetireButton))]),
                ]),
            ]
        }
        return Layout(title: title, context: context).render(content)
    }
}
