import Foundation
import SoplaCore

/// One category of the taxonomy, to correct its names, legal basis and the words the Wegweiser finds it by.
public enum CategoryEditPage {
    public struct Model: Sendable {
        public let category: ServiceCategory
        public let services: Int
        public let values: [String: String]
        public let issues: [ValidationIssue]

        public init(category: ServiceCategory, services: Int, values: [String: String], issues: [ValidationIssue] = []) {
            self.category = category
            self.services = services
            self.values = values
            self.issues = issues
        }
    }

    public static func labels(_ t: Texts) -> [String: String] {
        ["code": t(.fieldCategoryCode), "nameDE": t(.fieldCategoryNameDE), "nameEN": t(.fieldCategoryNameEN), "legalBasis": t(.fieldLegalBasis),
         "communalised": t(.fieldCommunalised), "synonyms": t(.fieldSynonyms)]
    }

    /// The search words as a text area, one list for the whole category.
    public static func synonymsField(_ form: FormBuilder, _ t: Texts, value: String?) -> HTMLNode {
        form.textArea("synonyms", label: t(.fieldSynonyms), value: value, hint: t(.synonymsHint), maxLength: ServiceCategory.maxSynonymsLength + 100)
    }

    public static func values(_ category: ServiceCategory) -> [String: String] {
        ["code": category.code, "nameDE": category.nameDE, "nameEN": category.nameEN, "legalBasis": category.legalBasis ?? "",
         "communalised": category.communalised ? "ja" : "nein", "synonyms": category.synonyms.joined(separator: ", ")]
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: model.issues)
        let labels = labels(t)
        let name = context.language == .de ? model.category.nameDE : model.category.nameEN
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ServiceRoute.categories.path)], text: t(.categoriesTitle))]),
            el("h1", text: t(.editCategory) + ": " + name),
            el("p", [], [txt(labels["code"]! + ": "), el("code", text: model.category.code), txt(" · " + t(.columnServices) + ": " + String(model.services))]),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", ServiceRoute.category(code: model.category.code).path), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("nameDE", label: labels["nameDE"]!, value: model.values["nameDE"], required: true),
                form.text("nameEN", label: labels["nameEN"]!, value: model.values["nameEN"], required: true),
                form.text("legalBasis", label: labels["legalBasis"]!, value: model.values["legalBasis"]),
                form.select("communalised", label: labels["communalised"]!, options: [("nein", t(.no)), ("ja", t(.yes))], selected: model.values["communalised"]),
                synonymsField(form, t, value: model.values["synonyms"]),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.save)),
                                                   el("a", [("href", ServiceRoute.categories.path)], text: t(.cancel))]),
            ]),
        ]
        return Layout(title: t(.editCategory) + ": " + name, context: context).render(content)
    }
}
