import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Planners maintain variables, indicators, reference values and validation rules. Every change is audited.
struct IndicatorAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageIndicators)
        routes.on(.GET, SiteRoute.Pattern.indicatorNew, manage, use: newIndicator)
        routes.on(.POST, SiteRoute.Pattern.indicators, manage, use: createIndicator)
        routes.on(.GET, SiteRoute.Pattern.indicatorEdit, manage, use: editIndicator)
        routes.on(.POST, SiteRoute.Pattern.indicator, manage, use: updateIndicator)
        routes.on(.POST, SiteRoute.Pattern.indicatorReferenceValues, manage, use: addReferenceValue)
        routes.on(.GET, SiteRoute.Pattern.indicatorReferenceValueDelete, manage, use: confirmDeleteReferenceValue)
        routes.on(.POST, SiteRoute.Pattern.indicatorReferenceValueDelete, manage, use: deleteReferenceValue)
        routes.on(.GET, SiteRoute.Pattern.variableNew, manage, use: newVariable)
        routes.on(.POST, SiteRoute.Pattern.variables, manage, use: createVariable)
        routes.on(.GET, SiteRoute.Pattern.variableEdit, manage, use: editVariable)
        routes.on(.POST, SiteRoute.Pattern.variable, manage, use: updateVariable)
        routes.on(.GET, SiteRoute.Pattern.validationRules, manage, use: rules)
        routes.on(.POST, SiteRoute.Pattern.validationRules, manage, use: addRule)
        routes.on(.GET, SiteRoute.Pattern.validationRuleDelete, manage, use: confirmDeleteRule)
        routes.on(.POST, SiteRoute.Pattern.validationRuleDelete, manage, use: deleteRule)
        for transition in CatalogueTransition.allCases {
            routes.on(.POST, SiteRoute.Pattern.indicatorTransition(transition), manage) { req in try await change(req, .indicator, transition) }
            routes.on(.POST, SiteRoute.Pattern.variableTransition(transition), manage) { req in try await change(req, .variable, transition) }
        }
        routes.on(.GET, SiteRoute.Pattern.indicatorTransition(.archive), manage) { req in try await confirmArchive(req, .indicator) }
        routes.on(.GET, SiteRoute.Pattern.variableTransition(.archive), manage) { req in try await confirmArchive(req, .variable) }
        routes.on(.GET, SiteRoute.Pattern.indicatorDelete, manage) { req in try await confirmDelete(req, .indicator) }
        routes.on(.GET, SiteRoute.Pattern.variableDelete, manage) { req in try await confirmDelete(req, .variable) }
        routes.on(.POST, SiteRoute.Pattern.indicatorDelete, manage) { req in try await delete(req, .indicator) }
        routes.on(.POST, SiteRoute.Pattern.variableDelete, manage) { req in try await delete(req, .variable) }
    }

    // MARK: Variables

    struct VariableForm: Content {
        var code: String?
        var nameDE: String?
        var nameEN: String?
        var unit: String?
        var source: String?
        var tableCode: String?
        var licence: String?
        var isCount: String?
        var minimumCount: String?

        var values: [String: String] {
            ["code": code ?? "", "nameDE": nameDE ?? "", "nameEN": nameEN ?? "", "unit": unit ?? "", "source": source ?? "", "tableCode": tableCode ?? "",
             "licence": licence ?? "", "isCount": isCount ?? "ja", "minimumCount": minimumCount ?? ""]
        }
    }

    func newVariable(req: Request) async throws -> HTMLResponse {
        HTMLResponse(VariableFormPage.render(VariableFormPage.Model(values: ["isCount": "ja", "licence": "dl-de/by-2-0"], isNew: true), context: try await req.pageContext()))
    }

    func editVariable(req: Request) async throws -> HTMLResponse {
        guard let code = req.parameters.get("code"), let variable = try await req.indicatorStore.variable(code: code) else { throw Abort(.notFound) }
        // After a lifecycle action the notice says what happened.
        return HTMLResponse(VariableFormPage.render(VariableFormPage.Model(variable), context: try await req.pageContext(showNotice: true)))
    }

    func createVariable(req: Request) async throws -> Response {
        try await saveVariable(req, isNew: true)
    }

    func updateVariable(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"), try await req.indicatorStore.variable(code: code) != nil else { throw Abort(.notFound) }
        return try await saveVariable(req, isNew: false, code: code)
    }

    func saveVariable(_ req: Request, isNew: Bool, code: String? = nil) async throws -> Response {
        var form = try req.content.decode(VariableForm.self)
        if let code { form.code = code }
        var issues: [ValidationIssue] = []
        let minimumText = FieldCheck.clean(form.minimumCount)
        let minimum = minimumText.flatMap(Int.init)
        if minimumText != nil, minimum == nil { issues.append(ValidationIssue("minimumCount", .unknownValue(String(minimumText!.prefix(10))))) }
        // A new variable is a draft until published; an existing one keeps its state (the store sees to it).
        let draft = Variable(code: form.code ?? "", nameDE: form.nameDE ?? "", nameEN: form.nameEN ?? "", unit: form.unit ?? "", source: form.source ?? "",
                             tableCode: form.tableCode, licence: form.licence ?? "", isCount: form.isCount != "nein", minimumCount: minimum, state: .draft)
        let store = req.indicatorStore
        let existing = Set(try await store.variables().map(\.code))
        var variable: Variable?
        do {
            variable = try draft.validated(existingCodes: existing, isNew: isNew)
        } catch {
            issues += error.issues
        }
        guard let variable, issues.isEmpty else {
            let status: HTTPResponseStatus = issues.contains { $0.problem == .duplicate } ? .conflict : .unprocessableEntity
            return HTMLResponse(VariableFormPage.render(VariableFormPage.Model(values: form.values, isNew: isNew, issues: issues), context: try await req.pageContext())).response(status: status)
        }
        try await store.save(variable, actor: try await req.auditActor(), at: req.settings.clock.now())
        // A changed minimum changes what the public pages hide.
        try await req.recordPublicFigures(variables: [variable.code])
        return req.redirect(to: SiteRoute.variables.path, notice: isNew ? .created : .saved)
    }

    // MARK: Indicators

    struct IndicatorForm: Content {
        var code: String?
        var nameDE: String?
        var nameEN: String?
        var definitionDE: String?
        var definitionEN: String?
        var topic: String?
        var numerator: String?
        var denominator: String?
        var factor: String?
        var polarity: String?
        var decimals: String?
        var minimumCount: String?
        var levels: [String]?

        var values: [String: String] {
            ["code": code ?? "", "nameDE": nameDE ?? "", "nameEN": nameEN ?? "", "definitionDE": definitionDE ?? "", "definitionEN": definitionEN ?? "",
             "topic": topic ?? "", "numerator": numerator ?? "", "denominator": denominator ?? "", "factor": factor ?? "100", "polarity": polarity ?? "",
             "decimals": decimals ?? "1", "minimumCount": minimumCount ?? ""]
        }
    }

    func levelOptions(_ req: Request) -> [(code: String, name: String)] {
        req.settings.levels.levels.map { ($0.code, req.language == .de ? $0.nameDE : $0.nameEN) }
    }

    func newIndicator(req: Request) async throws -> HTMLResponse {
        let model = IndicatorFormPage.Model(values: ["factor": "100", "decimals": "1", "topic": IndicatorTopic.poverty.rawValue], levels: [], isNew: true,
                                            variables: try await req.indicatorStore.variables(), levelOptions: levelOptions(req))
        return HTMLResponse(IndicatorFormPage.render(model, context: try await req.pageContext()))
    }

    func editIndicator(req: Request) async throws -> HTMLResponse {
        guard let code = req.parameters.get("code"), let indicator = try await req.indicatorStore.indicator(code: code) else { throw Abort(.notFound) }
        let model = IndicatorFormPage.Model(values: IndicatorFormPage.Model.values(indicator), levels: Set(indicator.levels), isNew: false,
                                            variables: try await req.indicatorStore.variables(), levelOptions: levelOptions(req))
        return HTMLResponse(IndicatorFormPage.render(model, context: try await req.pageContext()))
    }

    func createIndicator(req: Request) async throws -> Response {
        try await saveIndicator(req, isNew: true)
    }

    func updateIndicator(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"), try await req.indicatorStore.indicator(code: code) != nil else { throw Abort(.notFound) }
        return try await saveIndicator(req, isNew: false, code: code)
    }

    func saveIndicator(_ req: Request, isNew: Bool, code: String? = nil) async throws -> Response {
        var form = try req.content.decode(IndicatorForm.self)
        if let code { form.code = code }
        var issues: [ValidationIssue] = []
        let numeratorText = FieldCheck.clean(form.numerator) ?? ""
        let denominatorText = FieldCheck.clean(form.denominator) ?? ""
        let numerator = numeratorText.isEmpty ? [] : IndicatorTerm.parseSum(numeratorText)
        let denominator = denominatorText.isEmpty ? [] : IndicatorTerm.parseSum(denominatorText)
        if numerator == nil { issues.append(ValidationIssue("numerator", .unknownValue(String(numeratorText.prefix(60))))) }
        if denominator == nil { issues.append(ValidationIssue("denominator", .unknownValue(String(denominatorText.prefix(60))))) }
        let topic = form.topic.flatMap(IndicatorTopic.init(rawValue:))
        if topic == nil { issues.append(ValidationIssue("topic", .required)) }
        let polarity = form.polarity.flatMap(Polarity.init(rawValue:))
        if polarity == nil { issues.append(ValidationIssue("polarity", .required)) }
        let factor = form.factor.flatMap(Plausible.number) ?? -1
        let decimals = form.decimals.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? -1
        var minimum: Int?
        if let minimumText = FieldCheck.clean(form.minimumCount) {
            switch Plausible.minimumCount.parseWhole(minimumText, field: "minimumCount") {
            case .success(let value): minimum = value
            case .failure(let issue): issues.append(issue)
            }
        }
        // A new indicator is a draft until published; an existing one keeps its state (the store sees to it).
        let draft = Indicator(code: form.code ?? "", nameDE: form.nameDE ?? "", nameEN: form.nameEN ?? "", definitionDE: form.definitionDE ?? "",
                              definitionEN: form.definitionEN ?? "", topic: topic ?? .population, numerator: numerator ?? [], denominator: denominator ?? [],
                              factor: factor, polarity: polarity ?? .neutral, decimals: decimals, minimumCount: minimum, levels: form.levels ?? [], state: .draft)
        let store = req.indicatorStore
        let variables = try await store.variables()
        var indicator: Indicator?
        let existingCodes = Set(try await store.indicators().map(\.code))
        do {
            indicator = try draft.validated(variables: Dictionary(uniqueKeysWithValues: variables.map { ($0.code, $0) }),
                                            levelCodes: Set(req.settings.levels.levels.map(\.code)), existingCodes: existingCodes, isNew: isNew)
        } catch {
            // A term that did not parse is reported once, not again as "required".
            issues += error.issues.filter { issue in !issues.contains { $0.field == issue.field } }
        }
        guard let indicator, issues.isEmpty else {
            let status: HTTPResponseStatus = issues.contains { $0.problem == .duplicate } ? .conflict : .unprocessableEntity
            let model = IndicatorFormPage.Model(values: form.values, levels: Set(form.levels ?? []), isNew: isNew, variables: variables, levelOptions: levelOptions(req), issues: issues)
            return HTMLResponse(IndicatorFormPage.render(model, context: try await req.pageContext())).response(status: status)
        }
        try await store.save(indicator, actor: try await req.auditActor(), at: req.settings.clock.now())
        try await req.recordPublicFigures(variables: indicator.variables)
        return req.redirect(to: SiteRoute.indicator(code: indicator.code).path, notice: isNew ? .created : .saved)
    }

    // MARK: Reference values

    struct ReferenceValueForm: Content {
        var label: String?
        var date: String?
        var value: String?
    }

    func addReferenceValue(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"), try await req.indicatorStore.indicator(code: code) != nil else { throw Abort(.notFound) }
        let form = try req.content.decode(ReferenceValueForm.self)
        var issues: [ValidationIssue] = []
        let label = FieldCheck.line(form.label)
        if label == nil { issues.append(ValidationIssue("label", .required)) }
        FieldCheck.length(label, field: "label", max: 100, into: &issues)
        let dateText = FieldCheck.clean(form.date)
        let date = dateText.flatMap(Day.init(iso:))
        if let dateText, date == nil { issues.append(ValidationIssue("date", .unknownValue(String(dateText.prefix(20))))) }
        else if dateText == nil { issues.append(ValidationIssue("date", .required)) }
        else if let date { Plausible.referenceYear.check(date.year, field: "date", into: &issues) }
        var value: Double?
        if let valueText = FieldCheck.clean(form.value) {
            switch Plausible.referenceValue.parse(valueText, field: "value") {
            case .success(let number): value = number
            case .failure(let issue): issues.append(issue)
            }
        } else {
            issues.append(ValidationIssue("value", .required))
        }
        if let label, let date, try await req.indicatorStore.referenceValues(indicatorCode: code)
            .contains(where: { $0.date == date && $0.label.compare(label, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }) {
            issues.append(ValidationIssue("label", .duplicate))
        }
        guard let label, let date, let value, issues.isEmpty else {
            // The indicator page again, with the form's problems.
            return try await IndicatorViews.page(req, referenceIssues: issues).response(status: .unprocessableEntity)
        }
        try await req.indicatorStore.add(ReferenceValue(id: UUID(), indicatorCode: code, label: label, date: date, value: value),
                                         actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: SiteRoute.indicator(code: code).path + "#vergleichswerte", notice: .created)
    }

    func referenceValue(_ req: Request) async throws -> (String, ReferenceValue) {
        guard let code = req.parameters.get("code") else { throw Abort(.notFound) }
        let id = try req.idParameter()
        guard let value = try await req.indicatorStore.referenceValues(indicatorCode: code).first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return (code, value)
    }

    func confirmDeleteReferenceValue(req: Request) async throws -> HTMLResponse {
        let (code, value) = try await referenceValue(req)
        let t = Texts(req.language)
        let model = ConfirmPage.Model(title: t(.delete) + ": " + value.label, text: "\(value.label), \(Format.day(value.date, req.language)): \(value.value)",
                                      action: SiteRoute.indicatorReferenceValueDelete(code: code, id: value.id).path, confirmLabel: t(.delete),
                                      cancelPath: SiteRoute.indicator(code: code).path)
        return HTMLResponse(ConfirmPage.render(model, context: try await req.pageContext()))
    }

    func deleteReferenceValue(req: Request) async throws -> Response {
        let (code, value) = try await referenceValue(req)
        try await req.indicatorStore.deleteReferenceValue(id: value.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: SiteRoute.indicator(code: code).path, notice: .deleted)
    }

    // MARK: Validation rules

    struct RuleForm: Content {
        var kind: String?
        var target: String?
        var threshold: String?
    }

    func ruleTargets(_ req: Request) async throws -> [(code: String, name: String)] {
        let german = req.language == .de
        return try await req.indicatorStore.indicators().map { ($0.code, $0.name(german)) } + req.indicatorStore.variables().map { ($0.code, $0.name(german)) }
    }

    func rules(req: Request) async throws -> HTMLResponse {
        let model = ValidationRulesPage.Model(rules: try await req.indicatorStore.validationRules(), targets: try await ruleTargets(req), notice: req.notice)
        return HTMLResponse(ValidationRulesPage.render(model, context: try await req.pageContext()))
    }

    func addRule(req: Request) async throws -> Response {
        let form = try req.content.decode(RuleForm.self)
        let store = req.indicatorStore
        var issues: [ValidationIssue] = []
        let kind = form.kind.flatMap(ValidationRule.Kind.init(rawValue:))
        if kind == nil { issues.append(ValidationIssue("kind", .required)) }
        let target = FieldCheck.clean(form.target) ?? ""
        let indicators = Set(try await store.indicators().map(\.code)), variables = Set(try await store.variables().map(\.code))
        if let kind {
            let known = kind == .numeratorNotAboveDenominator ? indicators : variables
            if !known.contains(target) { issues.append(ValidationIssue("target", target.isEmpty ? .required : .unknownValue(target))) }
        }
        if let kind, !target.isEmpty, try await store.validationRules().contains(where: { $0.kind == kind && $0.target == target }) {
            issues.append(ValidationIssue("target", .duplicate))
        }
        var value: Double?
        // "15 %" as the label says "(%)".
        let threshold = FieldCheck.clean(form.threshold).map { $0.hasSuffix("%") ? String($0.dropLast()).trimmingCharacters(in: .whitespaces) : $0 }
        if let text = threshold.flatMap({ $0.isEmpty ? nil : $0 }) {
            switch Plausible.ruleThreshold.parse(text, field: "threshold") {
            case .success(let number): value = number
            case .failure(let issue): issues.append(issue)
            }
        } else if kind == .numeratorNotAboveDenominator {
            // This rule has no threshold; an empty field is right.
            value = 0
        } else {
            issues.append(ValidationIssue("threshold", .required))
        }
        guard let kind, let value, issues.isEmpty else {
            let model = ValidationRulesPage.Model(rules: try await store.validationRules(), targets: try await ruleTargets(req),
                                                  values: ["kind": form.kind ?? "", "target": target, "threshold": form.threshold ?? ""], issues: issues)
            return HTMLResponse(ValidationRulesPage.render(model, context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        try await store.add(ValidationRule(id: UUID(), kind: kind, target: target, threshold: value), actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: SiteRoute.validationRules.path, notice: .created)
    }

    func rule(_ req: Request) async throws -> ValidationRule {
        let id = try req.idParameter()
        guard let rule = try await req.indicatorStore.validationRules().first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return rule
    }

    func confirmDeleteRule(req: Request) async throws -> HTMLResponse {
        let rule = try await rule(req)
        let t = Texts(req.language)
        let model = ConfirmPage.Model(title: t(.delete) + ": " + IndicatorNames.ruleKind(rule.kind, req.language), text: IndicatorNames.ruleKind(rule.kind, req.language) + " – " + rule.target,
                                      action: SiteRoute.validationRuleDelete(id: rule.id).path, confirmLabel: t(.delete), cancelPath: SiteRoute.validationRules.path)
        return HTMLResponse(ConfirmPage.render(model, context: try await req.pageContext()))
    }

    func deleteRule(req: Request) async throws -> Response {
        let rule = try await rule(req)
        try await req.indicatorStore.deleteValidationRule(id: rule.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: SiteRoute.validationRules.path, notice: .deleted)
    }

    // MARK: Lifecycle

    enum Kind { case indicator, variable }

    /// The variable or indicator of the address; 404 if there is none.
    func record(_ req: Request, _ kind: Kind) async throws -> CatalogueLifecycleViews.Record {
        guard let code = req.parameters.get("code") else { throw Abort(.notFound) }
        switch kind {
        case .indicator:
            guard let indicator = try await req.indicatorStore.indicator(code: code) else { throw Abort(.notFound) }
            return .indicator(indicator)
        case .variable:
            guard let variable = try await req.indicatorStore.variable(code: code) else { throw Abort(.notFound) }
            return .variable(variable)
        }
    }

    /// Publishes, archives or restores; a refusal names what stands in the way.
    func change(_ req: Request, _ kind: Kind, _ transition: CatalogueTransition) async throws -> Response {
        let record = try await record(req, kind)
        if transition == .archive, (try? req.content.get(String.self, at: "bestaetigt")) != "ja" {
            return req.redirect(to: record.transitionPath(.archive))
        }
        let store = req.indicatorStore
        do {
            switch record {
            case .indicator(let i): try await store.transition(indicator: i.code, transition, actor: try await req.auditActor(), at: req.settings.clock.now())
            case .variable(let v): try await store.transition(variable: v.code, transition, actor: try await req.auditActor(), at: req.settings.clock.now())
            }
        } catch let error as IndicatorStoreError {
            return try await refusal(req, record, error)
        }
        switch record {
        case .indicator(let i): try await req.recordPublicFigures(variables: i.variables)
        case .variable(let v): try await req.recordPublicFigures(variables: [v.code])
        }
        let notice: NoticeCode = switch transition {
        case .publish: .published
        case .archive: .archived
        case .restore: .restored
        }
        return req.redirect(to: record.homePath, notice: notice)
    }

    func confirmArchive(_ req: Request, _ kind: Kind) async throws -> Response {
        let record = try await record(req, kind)
        guard CatalogueTransition.archive.target(from: record.state) != nil else {
            return try await refusal(req, record, .transitionNotAllowed(from: record.state))
        }
        if case .variable(let v) = record {
            let users = CatalogueLifecycle.publishedIndicators(using: v.code, in: try await req.indicatorStore.indicators())
            if !users.isEmpty { return try await refusal(req, record, .usedByPublishedIndicators(users.map(\.code))) }
        }
        let t = Texts(req.language)
        let name = record.name(req.language == .de)
        let text = switch record {
        case .indicator: t(.catalogueArchiveIndicatorText)
        case .variable: t(.catalogueArchiveVariableText)
        }
        let model = ConfirmPage.Model(title: t(.catalogueArchive) + ": " + name, text: text.replacingOccurrences(of: "{n}", with: name),
                                      action: record.transitionPath(.archive), confirmLabel: t(.catalogueArchive), cancelPath: record.homePath)
        return HTMLResponse(ConfirmPage.render(model, context: try await req.pageContext())).response()
    }

    /// The confirmation of a deletion, or at once the refusal when something uses the record.
    func confirmDelete(_ req: Request, _ kind: Kind) async throws -> Response {
        let record = try await record(req, kind)
        let uses = try await uses(req, record)
        guard uses.isEmpty else { return try await refusal(req, record, .inUse(uses)) }
        let t = Texts(req.language)
        let name = record.name(req.language == .de)
        let text = switch record {
        case .indicator: t(.catalogueDeleteIndicatorText)
        case .variable: t(.catalogueDeleteVariableText)
        }
        let model = ConfirmPage.Model(title: t(.delete) + ": " + name, text: text.replacingOccurrences(of: "{n}", with: name),
                                      action: record.deletePath, confirmLabel: t(.delete), cancelPath: record.homePath)
        return HTMLResponse(ConfirmPage.render(model, context: try await req.pageContext())).response()
    }

    func delete(_ req: Request, _ kind: Kind) async throws -> Response {
        let record = try await record(req, kind)
        guard (try? req.content.get(String.self, at: "bestaetigt")) == "ja" else { return req.redirect(to: record.deletePath) }
        let store = req.indicatorStore
        do {
            switch record {
            case .indicator(let i):
                try await store.deleteIndicator(code: i.code, actor: try await req.auditActor(), at: req.settings.clock.now())
                return req.redirect(to: SiteRoute.indicators().path, notice: .deleted)
            case .variable(let v):
                try await store.deleteVariable(code: v.code, actor: try await req.auditActor(), at: req.settings.clock.now())
                return req.redirect(to: SiteRoute.variables.path, notice: .deleted)
            }
        } catch let error as IndicatorStoreError {
            return try await refusal(req, record, error)
        }
    }

    func uses(_ req: Request, _ record: CatalogueLifecycleViews.Record) async throws -> [CatalogueUse] {
        switch record {
        case .indicator(let i): return try await req.indicatorStore.uses(ofIndicator: i.code)
        case .variable(let v): return try await req.indicatorStore.uses(ofVariable: v.code)
        }
    }

    /// The page that says why an action was refused (409), naming what stands in the way, with the way on.
    func refusal(_ req: Request, _ record: CatalogueLifecycleViews.Record, _ error: IndicatorStoreError) async throws -> Response {
        let t = Texts(req.language)
        let german = req.language == .de
        let name = record.name(german)
        let store = req.indicatorStore
        let back = t(.catalogueBackTo).replacingOccurrences(of: "{n}", with: name)
        let model: CatalogueRefusalPage.Model
        switch error {
        case .inUse(let uses):
            let canArchive = CatalogueTransition.archive.target(from: record.state) != nil
            let message = switch record {
            case .indicator: t(.catalogueIndicatorInUse)
            case .variable: t(.catalogueVariableInUse)
            }
            model = CatalogueRefusalPage.Model(
                title: t(.catalogueInUseTitle).replacingOccurrences(of: "{n}", with: name), message: message.replacingOccurrences(of: "{n}", with: name),
                items: uses.map { use in
                    if case .indicator(let code, _) = use { return (CatalogueLifecycleViews.useText(use, req.language), SiteRoute.indicator(code: code).path) }
                    return (CatalogueLifecycleViews.useText(use, req.language), nil)
                },
                advice: canArchive ? t(.catalogueArchiveOffer) : t(.catalogueAlreadyArchived), archivePath: canArchive ? record.transitionPath(.archive) : nil,
                backPath: record.homePath, backLabel: back)
        case .variablesNotPublished(let codes):
            let variables = try await store.variablesByCode()
            model = CatalogueRefusalPage.Model(
                title: t(.catalogueNotPublishableTitle).replacingOccurrences(of: "{n}", with: name),
                message: t(.catalogueVariablesNotPublished).replacingOccurrences(of: "{n}", with: name),
                items: codes.map { code in
                    guard let v = variables[code] else { return (code, nil) }
                    return ("\(v.name(german)) (\(code)) – \(CatalogueLifecycleViews.stateName(v.state, req.language))", SiteRoute.variableEdit(code: code).path)
                },
                backPath: record.homePath, backLabel: back)
        case .usedByPublishedIndicators(let codes):
            let indicators = Dictionary(try await store.indicators().map { ($0.code, $0) }) { a, _ in a }
            model = CatalogueRefusalPage.Model(
                title: t(.catalogueArchiveBlockedTitle).replacingOccurrences(of: "{n}", with: name),
                message: t(.catalogueUsedByPublished).replacingOccurrences(of: "{n}", with: name),
                items: codes.map { code in ("\(indicators[code]?.name(german) ?? code) (\(code))", SiteRoute.indicator(code: code).path) },
                backPath: record.homePath, backLabel: back)
        case .transitionNotAllowed(let state):
            model = CatalogueRefusalPage.Model(
                title: name, message: t(.catalogueTransitionNotAllowed).replacingOccurrences(of: "{n}", with: name)
                    .replacingOccurrences(of: "{s}", with: CatalogueLifecycleViews.stateName(state, req.language)),
                items: [], backPath: record.homePath, backLabel: back)
        case .notFound:
            throw Abort(.notFound)
        case .duplicate:
            throw Refusal(.conflict, "Ein Eintrag dieses Kürzels besteht schon.", "An entry with this code exists already.")
        case .importInterrupted:
            throw Refusal(.conflict, "Der Import wurde unterbrochen (sopla wurde neu gestartet); bitte die Datei noch einmal importieren.", "The import was interrupted (sopla restarted); please import the file again.")
        }
        return HTMLResponse(CatalogueRefusalPage.render(model, context: try await req.pageContext())).response(status: .conflict)
    }
}
