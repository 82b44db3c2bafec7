import Foundation
import SoplaCore

/// A planner creates a planning area (or another locally keyed sub-unit) below a municipality.
public enum ChildUnitFormPage {
    public struct Model: Sendable {
        public let parent: SpatialUnit
        public let level: SpatialLevel
        public let localCode: String?
        public let name: String?
        public let kind: String?
        public let issues: [ValidationIssue]

        public init(parent: SpatialUnit, level: SpatialLevel, localCode: String? = nil, name: String? = nil, kind: String? = nil, issues: [ValidationIssue] = []) {
            self.parent = parent
            self.level = level
            self.localCode = localCode
            self.name = name
            self.kind = kind
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let levelName = context.language == .de ? model.level.nameDE : model.level.nameEN
        let title = t(.newChildArea).replacingOccurrences(of: "{level}", with: levelName) + ": " + model.parent.name
        let form = FormBuilder(language: context.language, issues: model.issues)
        let labels = ["localCode": t(.fieldLocalCode), "name": t(.columnName), "kind": t(.fieldKindOptional)]
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.unit(key: model.parent.key).path)], text: model.parent.name)]),
            el("h1", text: title),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", SiteRoute.childUnits(parentKey: model.parent.key).path), ("class", "stacked narrow")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("localCode", label: labels["localCode"]!, value: model.localCode, required: true,
                          hint: t(.localCodeHint).replacingOccurrences(of: "{parent}", with: model.parent.key), maxLength: 12),
                form.text("name", label: labels["name"]!, value: model.name, required: true),
                form.text("kind", label: labels["kind"]!, value: model.kind,
                          hint: t(.kindHint).replacingOccurrences(of: "{level}", with: levelName), maxLength: 60),
                el("div", [("class", "actions")], [
                    el("button", [("type", "submit")], text: t(.save)),
                    el("a", [("href", SiteRoute.unit(key: model.parent.key).path)], text: t(.cancel)),
                ]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}
