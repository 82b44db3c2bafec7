import Foundation
import SoplaCore

/// The parts of pages that show and change where a variable or indicator stands: its state, a note for planners,
/// and the actions publish, archive, restore and delete.
public enum CatalogueLifecycleViews {
    /// What a record is, for addresses and texts.
    public enum Record: Sendable {
        case indicator(Indicator)
        case variable(Variable)

        public var code: String {
            switch self {
            case .indicator(let i): return i.code
            case .variable(let v): return v.code
            }
        }

        public var state: CatalogueState {
            switch self {
            case .indicator(let i): return i.state
            case .variable(let v): return v.state
            }
        }

        public func name(_ german: Bool) -> String {
            switch self {
            case .indicator(let i): return i.name(german)
            case .variable(let v): return v.name(german)
            }
        }

        public func transitionPath(_ transition: CatalogueTransition) -> String {
            switch self {
            case .indicator(let i): return SiteRoute.indicatorTransition(code: i.code, transition).path
            case .variable(let v): return SiteRoute.variableTransition(code: v.code, transition).path
            }
        }

        public var deletePath: String {
            switch self {
            case .indicator(let i): return SiteRoute.indicatorDelete(code: i.code).path
            case .variable(let v): return SiteRoute.variableDelete(code: v.code).path
            }
        }

        /// Where the record is seen and changed.
        public var homePath: String {
            switch self {
            case .indicator(let i): return SiteRoute.indicator(code: i.code).path
            case .variable(let v): return SiteRoute.variableEdit(code: v.code).path
            }
        }
    }

    public static func stateName(_ state: CatalogueState, _ language: Language) -> String {
        let t = Texts(language)
        switch state {
        case .draft: return t(.catalogueDraft)
        case .published: return t(.cataloguePublished)
        case .archived: return t(.catalogueArchived)
        }
    }

    /// A small mark beside a name: "Entwurf" or "archiviert"; nothing for published records.
    public static func marker(_ state: CatalogueState, _ language: Language) -> HTMLNode {
        state == .published ? .empty : el("span", [("class", "catalogue-state")], text: stateName(state, language))
    }

    /// The note at the top of a record that is not published, saying who sees it.
    public static func note(_ record: Record, _ language: Language) -> HTMLNode {
        let t = Texts(language)
        let text: String
        switch (record, record.state) {
        case (_, .published): return .empty
        case (.indicator, .draft): text = t(.catalogueDraftIndicatorNote)
        case (.indicator, .archived): text = t(.catalogueArchivedIndicatorNote)
        case (.variable, .draft): text = t(.catalogueDraftVariableNote)
        case (.variable, .archived): text = t(.catalogueArchivedVariableNote)
        }
        return el("p", [("class", "notice notice-info"), ("role", "note")], text: text)
    }

    /// The actions that fit the record's state: publish and restore send a form at once; archive and delete lead to
    /// a confirmation page first.
    public static func actions(_ record: Record, context: PageContext) -> [HTMLNode] {
        let t = context.t
        let name = record.name(context.language == .de)
        var nodes: [HTMLNode] = []
        for transition in [CatalogueTransition.publish, .restore] where transition.target(from: record.state) != nil {
            nodes.append(el("form", [("method", "post"), ("action", record.transitionPath(transition)), ("class", "inline-form")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("button", [("type", "submit"), ("aria-label", label(transition, t) + ": " + name)], text: label(transition, t)),
            ]))
        }
        if CatalogueTransition.archive.target(from: record.state) != nil {
            nodes.append(el("a", [("href", record.transitionPath(.archive)), ("class", "button secondary"), ("aria-label", t(.catalogueArchive) + ": " + name)],
                            text: t(.catalogueArchive)))
        }
        nodes.append(el("a", [("href", record.deletePath), ("class", "button secondary"), ("aria-label", t(.delete) + ": " + name)], text: t(.delete)))
        return nodes
    }

    static func label(_ transition: CatalogueTransition, _ t: Texts) -> String {
        switch transition {
        case .publish: return t(.cataloguePublish)
        case .archive: return t(.catalogueArchive)
        case .restore: return t(.catalogueRestore)
        }
    }

    /// One thing that uses a record, as a line of the refusal page.
    public static func useText(_ use: CatalogueUse, _ language: Language) -> String {
        let t = Texts(language)
        switch use {
        case .observations(let count): return t(.catalogueUseObservations).replacingOccurrences(of: "{v}", with: Format.integer(count, language))
        case .indicator(let code, let name): return t(.catalogueUseIndicator).replacingOccurrences(of: "{v}", with: name).replacingOccurrences(of: "{c}", with: code)
        case .referenceValue(let label): return t(.catalogueUseReferenceValue).replacingOccurrences(of: "{v}", with: label)
        case .validationRule(let kind): return t(.catalogueUseValidationRule).replacingOccurrences(of: "{v}", with: IndicatorNames.ruleKind(kind, language))
        case .columnMapping(let table): return t(.catalogueUseColumnMapping).replacingOccurrences(of: "{v}", with: table)
        case .report(let title): return t(.catalogueUseReport).replacingOccurrences(of: "{v}", with: title)
        case .edition(let title, let number): return t(.catalogueUseEdition).replacingOccurrences(of: "{v}", with: title).replacingOccurrences(of: "{c}", with: String(number))
        case .agreement(let reference): return t(.catalogueUseAgreement).replacingOccurrences(of: "{v}", with: reference)
        }
    }
}

/// Why a lifecycle action was refused: what uses the record, or which variables or indicators stand in the way,
/// with a way on (archive instead, or back to the record).
public enum CatalogueRefusalPage {
    public struct Model: Sendable {
        public let title: String
        public let message: String
        /// The things in the way, each a line; with a link where there is a page to fix it.
        public let items: [(text: String, path: String?)]
        /// Shown after the list, e.g. the offer to archive.
        public let advice: String?
        /// The archive confirmation, where archiving is the way on.
        public let archivePath: String?
        public let backPath: String
        public let backLabel: String

        public init(title: String, message: String, items: [(text: String, path: String?)], advice: String? = nil, archivePath: String? = nil,
                    backPath: String, backLabel: String) {
            self.title = title
            self.message = message
            self.items = items
            self.advice = advice
            self.archivePath = archivePath
            self.backPath = backPath
            self.backLabel = backLabel
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        var actions: [HTMLNode] = []
        if let archivePath = model.archivePath { actions.append(el("a", [("href", archivePath), ("class", "button")], text: t(.catalogueArchiveInstead))) }
        actions.append(el("a", [("href", model.backPath)], text: model.backLabel))
        let content: [HTMLNode] = [
            el("h1", text: model.title),
            el("div", [("class", "notice notice-warning"), ("role", "alert")], [
                el("p", text: model.message),
                el("ul", [], model.items.map { item in
                    el("li", [], [item.path.map { el("a", [("href", $0)], text: item.text) } ?? txt(item.text)])
                }),
            ]),
            model.advice.map { el("p", text: $0) } ?? .empty,
            el("div", [("class", "actions")], actions),
        ]
        return Layout(title: model.title, context: context).render(content)
    }
}
