import Foundation

/// Where a variable or indicator stands. Only published ones appear in public outputs (catalogue, pages, CSV, API,
/// profiles, sitemap, new report blocks); drafts and archived ones are seen by planners alone. Archived ones stay
/// stored so that reports and editions that use them keep working.
public enum CatalogueState: String, Codable, CaseIterable, Sendable {
    case draft, published, archived
}

/// What a planner does to a variable or indicator's state.
public enum CatalogueTransition: String, Codable, CaseIterable, Sendable {
    case publish, archive, restore

    /// The state after the transition, or nil where it does not apply: drafts are published, drafts and published
    /// ones archived (a draft in use cannot be deleted), archived ones restored to published.
    public func target(from state: CatalogueState) -> CatalogueState? {
        switch (self, state) {
        case (.publish, .draft): return .published
        case (.archive, .draft), (.archive, .published): return .archived
        case (.restore, .archived): return .published
        default: return nil
        }
    }
}

/// Something that refers to a variable or indicator, so that it cannot be deleted (only archived).
public enum CatalogueUse: Hashable, Sendable {
    /// Stored values of the variable (all revisions).
    case observations(count: Int)
    /// An indicator whose numerator or denominator uses the variable.
    case indicator(code: String, name: String)
    /// A reference value entered for the indicator.
    case referenceValue(label: String)
    /// A validation rule whose target is the variable or indicator.
    case validationRule(kind: ValidationRule.Kind)
    /// A saved column mapping of a table code that maps a column to the variable.
    case columnMapping(tableCode: String)
    /// A report with a block showing the indicator.
    case report(title: String)
    /// A built edition of a report whose frozen figures contain the indicator.
    case edition(title: String, number: Int)
    /// A funding agreement with a target measured by the indicator.
    case agreement(title: String)
}

/// Rules of the catalogue's lifecycle, free of storage.
public enum CatalogueLifecycle {
    /// A published indicator shows only published variables: the codes of its variables that are not (yet) published,
    /// in the order of its terms; unknown variables count as not published.
    public static func unpublishedVariables(of indicator: Indicator, variables: [String: Variable]) -> [String] {
        var seen = Set<String>()
        return (indicator.numerator + indicator.denominator).map(\.variable)
            .filter { variables[$0]?.state != .published && seen.insert($0).inserted }
    }

    /// The published indicators using a variable: while there is one, the variable cannot be archived.
    public static func publishedIndicators(using variable: String, in indicators: [Indicator]) -> [Indicator] {
        indicators.filter { $0.state == .published && $0.variables.contains(variable) }.sorted { $0.code < $1.code }
    }

    /// What refers to a variable: its stored values, indicators, reference values and rules named by its code, and
    /// column mappings pointing to it.
    public static func uses(ofVariable code: String, observationCount: Int, indicators: [Indicator], referenceValues: [ReferenceValue],
                            rules: [ValidationRule], mappedTables: [String]) -> [CatalogueUse] {
        var uses: [CatalogueUse] = []
        if observationCount > 0 { uses.append(.observations(count: observationCount)) }
        uses += indicators.filter { $0.variables.contains(code) }.sorted { $0.code < $1.code }.map { .indicator(code: $0.code, name: $0.nameDE) }
        uses += referenceValues.filter { $0.indicatorCode == code }.map { .referenceValue(label: $0.label) }
        uses += rules.filter { !$0.targetIsIndicator && $0.target == code }.map { .validationRule(kind: $0.kind) }
        uses += Set(mappedTables).sorted().map { .columnMapping(tableCode: $0) }
        return uses
    }

    /// What refers to an indicator: reports whose blocks show it, editions whose frozen figures contain it, reference
    /// values, rules, and funding agreements measured by it.
    public static func uses(ofIndicator code: String, reports: [Report], editions: [ReportEdition], referenceValues: [ReferenceValue],
                            rules: [ValidationRule], agreementTitles: [String] = []) -> [CatalogueUse] {
        var uses: [CatalogueUse] = []
        uses += reports.filter { $0.blocks.contains { $0.kind.indicatorCodes.contains(code) } }.map { .report(title: $0.title) }
        uses += editions.filter { $0.snapshot.indicators[code] != nil || $0.report.blocks.contains { $0.kind.indicatorCodes.contains(code) } }
            .map { .edition(title: $0.report.title, number: $0.number) }
        uses += referenceValues.filter { $0.indicatorCode == code }.map { .referenceValue(label: $0.label) }
        uses += rules.filter { $0.targetIsIndicator && $0.target == code }.map { .validationRule(kind: $0.kind) }
        uses += agreementTitles.map { .agreement(title: $0) }
        return uses
    }
}
