import Foundation
import Testing
@testable import SoplaCore

@Suite("Catalogue lifecycle")
struct CatalogueLifecycleTests {
    func variable(_ code: String, _ state: CatalogueState) -> Variable {
        Variable(code: code, nameDE: code, nameEN: code, unit: "Personen", source: "BA", licence: "dl-de/by-2-0", state: state)
    }

    @Test func transitionsGoFromDraftToPublishedToArchivedAndBack() {
        #expect(CatalogueTransition.publish.target(from: .draft) == .published)
        #expect(CatalogueTransition.publish.target(from: .published) == nil)
        // An archived one comes back by restoring, not by publishing.
        #expect(CatalogueTransition.publish.target(from: .archived) == nil)
        #expect(CatalogueTransition.archive.target(from: .draft) == .archived)
        #expect(CatalogueTransition.archive.target(from: .published) == .archived)
        #expect(CatalogueTransition.archive.target(from: .archived) == nil)
        #expect(CatalogueTransition.restore.target(from: .archived) == .published)
        #expect(CatalogueTransition.restore.target(from: .draft) == nil)
        #expect(CatalogueTransition.restore.target(from: .published) == nil)
    }

    @Test func anIndicatorNamesEachVariableThatIsNotPublishedOnceInTermOrder() {
        let indicator = Indicator(code: "quote", nameDE: "Quote", nameEN: "Rate", topic: .poverty,
                                  numerator: [IndicatorTerm(variable: "neu"), IndicatorTerm(variable: "alt", breakdown: Breakdown(["sex": "f"]))],
                                  denominator: [IndicatorTerm(variable: "bev"), IndicatorTerm(variable: "neu"), IndicatorTerm(variable: "fehlt")], factor: 100)
        let variables = ["neu": variable("neu", .draft), "alt": variable("alt", .archived), "bev": variable("bev", .published)]
        #expect(CatalogueLifecycle.unpublishedVariables(of: indicator, variables: variables) == ["neu", "alt", "fehlt"])
        let published = variables.mapValues { v in with(v) { $0.state = .published } }.merging(["fehlt": variable("fehlt", .published)]) { a, _ in a }
        #expect(CatalogueLifecycle.unpublishedVariables(of: indicator, variables: published).isEmpty)
    }

    @Test func onlyPublishedIndicatorsHoldAVariableBack() {
        let draft = Indicator(code: "b_entwurf", nameDE: "B", nameEN: "B", topic: .poverty, numerator: [IndicatorTerm(variable: "alo")], state: .draft)
        let live = Indicator(code: "a_live", nameDE: "A", nameEN: "A", topic: .poverty, numerator: [IndicatorTerm(variable: "bev")],
                             denominator: [IndicatorTerm(variable: "alo")])
        let other = Indicator(code: "c_other", nameDE: "C", nameEN: "C", topic: .poverty, numerator: [IndicatorTerm(variable: "bev")])
        #expect(CatalogueLifecycle.publishedIndicators(using: "alo", in: [draft, other, live]).map(\.code) == ["a_live"])
    }

    @Test func usesOfAVariableAreItsValuesIndicatorsReferenceValuesRulesAndMappings() {
        let indicators = [
            Indicator(code: "alo_quote", nameDE: "Arbeitslosenquote", nameEN: "Unemployment rate", topic: .employment,
                      numerator: [IndicatorTerm(variable: "alo")], denominator: [IndicatorTerm(variable: "bev")], factor: 100),
            Indicator(code: "bev", nameDE: "Bevölkerung", nameEN: "Population", topic: .population, numerator: [IndicatorTerm(variable: "bev")]),
        ]
        let rules = [ValidationRule(id: UUID(), kind: .changeAbove, target: "alo", threshold: 20),
                     ValidationRule(id: UUID(), kind: .numeratorNotAboveDenominator, target: "alo"),
                     ValidationRule(id: UUID(), kind: .childrenSumEqualsParent, target: "bev", threshold: 1)]
        let uses = CatalogueLifecycle.uses(ofVariable: "alo", observationCount: 46, indicators: indicators, referenceValues: [], rules: rules,
                                           mappedTables: ["13211-02", "13211-01", "13211-02"])
        // The numerator rule names an indicator called "alo", not the variable.
        #expect(uses == [.observations(count: 46), .indicator(code: "alo_quote", name: "Arbeitslosenquote"), .validationRule(kind: .changeAbove),
                         .columnMapping(tableCode: "13211-01"), .columnMapping(tableCode: "13211-02")])
        #expect(CatalogueLifecycle.uses(ofVariable: "neu", observationCount: 0, indicators: indicators, referenceValues: [], rules: rules, mappedTables: []).isEmpty)
    }

    @Test func usesOfAnIndicatorAreReportsEditionsReferenceValuesRulesAndAgreements() {
        let day = Day(iso: "2024-12-31")!
        let block = ReportBlock(id: UUID(), kind: .map(code: "quote"), caption: "Karte")
        let report = Report(id: UUID(), title: "Sozialbericht 2024", reportingDate: day, territorialStatus: day,
                            chapters: [ReportChapter(id: UUID(), title: "Armut", sections: [ReportSection(id: UUID(), title: "Kinder", blocks: [block])])])
        let unrelated = Report(id: UUID(), title: "Anderer Bericht", reportingDate: day, territorialStatus: day)
        // An edition of the unrelated report whose frozen figures still contain the indicator (its block was removed since).
        let info = ReportSnapshot.IndicatorInfo(code: "quote", name: "Quote", unit: "%", decimals: 1, definition: "", source: "BA", licence: "dl-de/by-2-0", gender: .feminine)
        let snapshot = ReportSnapshot(builtAt: Date(timeIntervalSince1970: 0), countyKey: "06532", countyName: "Kreis", unitKeys: [], unitNames: [:],
                                      indicators: ["quote": info], values: [:])
        let edition = ReportEdition(id: UUID(), reportID: unrelated.id, number: 2, report: unrelated, snapshot: snapshot, builtBy: "x")
        let reference = ReferenceValue(id: UUID(), indicatorCode: "quote", label: "Hessen", date: day, value: 12.5)
        let rules = [ValidationRule(id: UUID(), kind: .numeratorNotAboveDenominator, target: "quote"), ValidationRule(id: UUID(), kind: .changeAbove, target: "quote")]
        let uses = CatalogueLifecycle.uses(ofIndicator: "quote", reports: [report, unrelated], editions: [edition], referenceValues: [reference], rules: rules,
                                           agreementTitles: ["ZV-2024-007"])
        #expect(uses == [.report(title: "Sozialbericht 2024"), .edition(title: "Anderer Bericht", number: 2), .referenceValue(label: "Hessen"),
                         .validationRule(kind: .numeratorNotAboveDenominator), .agreement(title: "ZV-2024-007")])
        #expect(CatalogueLifecycle.uses(ofIndicator: "frei", reports: [report, unrelated], editions: [edition], referenceValues: [reference], rules: rules).isEmpty)
    }

    @Test func theStateIsPartOfTheAuditedFields() {
        #expect(variable("alo", .draft).auditFields["state"] == "draft")
        let indicator = Indicator(code: "q", nameDE: "Q", nameEN: "Q", topic: .poverty, numerator: [IndicatorTerm(variable: "alo")], state: .archived)
        #expect(indicator.auditFields["state"] == "archived")
        // Without a state given, a record is published (the seed, older rows); the admin form asks for a draft.
        #expect(Indicator(code: "q", nameDE: "Q", nameEN: "Q", topic: .poverty, numerator: []).state == .published)
    }

    func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
        var copy = value
        change(&copy)
        return copy
    }
}
