import Foundation
@testable import SoplaApp
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

/// Coverage and controlling as services: a database with a handful of records, places given as values, no HTTP.
@Suite("Coverage and controlling as services")
struct PlanningServiceTests {
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let asslar = "06532001", bischoffen = "06532002"
    let caritas = UUID(), diakonie = UUID()
    let counselling = UUID(), preventive = UUID(), elsewhere = UUID()

    /// Two municipalities of 80,000 and 40,000 people; three services of pregnancy counselling: 1.5 FTE preventive
    /// over both (split 1.0 / 0.5 by population), 1.0 FTE in Aßlar alone, and one of another category.
    func landscape() -> ServiceLandscape {
        let day = Day(year: 2024, month: 12, day: 31)!
        let units = [
            SpatialUnit(key: "06532", name: "Lahn-Dill-Kreis", kind: "Landkreis", levelCode: SpatialLevel.county.code),
            SpatialUnit(key: bischoffen, name: "Bischoffen", kind: "Gemeinde", levelCode: SpatialLevel.municipality.code, parentKey: "06532",
                        representativePoint: Position(lon: 8.6, lat: 50.6), populations: [PopulationFigure(referenceDate: day, count: 40_000, source: "Test")]),
            SpatialUnit(key: asslar, name: "Aßlar", kind: "Stadt", levelCode: SpatialLevel.municipality.code, parentKey: "06532",
                        representativePoint: Position(lon: 8.4, lat: 50.6), populations: [PopulationFigure(referenceDate: day, count: 80_000, source: "Test")]),
        ]
        let services = [
            Service(id: preventive, organisationID: caritas, name: "Beratung vor Ort", categoryCode: "schwangerschaftsberatung", preventive: true,
                    serviceArea: [asslar, bischoffen], capacity: Capacity(fte: ["beratung": 1.5])),
            Service(id: counselling, organisationID: diakonie, name: "Beratungsstelle Aßlar", categoryCode: "schwangerschaftsberatung",
                    locations: [ServiceLocation(id: UUID(), unitKey: asslar, point: Position(lon: 8.41, lat: 50.6))],
                    serviceArea: [asslar], capacity: Capacity(fte: ["beratung": 1.0])),
            Service(id: elsewhere, organisationID: diakonie, name: "Schuldnerberatung", categoryCode: "schuldnerberatung", serviceArea: [asslar],
                    capacity: Capacity(fte: ["beratung": 3.0])),
        ]
        return ServiceLandscape(categories: [], records: services.map { ServiceRecord(service: $0, version: 1, updatedAt: now) },
                                organisations: [Organisation(id: caritas, name: "Caritas", kind: .welfareAssociation),
                                                Organisation(id: diakonie, name: "Diakonie", kind: .welfareAssociation)],
                                units: units, boundaries: [:])
    }

    func coverageService(_ services: ServiceStore, _ indicators: IndicatorStore) async throws -> CoverageService {
        for code in ["schwangerschaftsberatung", "schuldnerberatung"] {
            try await services.save(ServiceCategory(code: code, nameDE: code, nameEN: code), actor: actor, at: now)
        }
        try await services.save(PlanningStandard.pregnancyCounselling, actor: actor, at: now)
        return CoverageService(services: services, indicators: indicators)
    }

    @Test func coverageSplitsServicesByPopulationAndCountsNeedByTheStandard() async throws {
        try await TestDatabase.withDatabase { app in
            let service = try await coverageService(ServiceStore(database: app.db), IndicatorStore(database: app.db))
            let landscape = landscape()
            #expect(landscape.municipalities.map(\.name) == ["Aßlar", "Bischoffen"])
            let coverage = try await service.coverage(category: "schwangerschaftsberatung", in: landscape)
            let rows = try #require(coverage.result?.rows)
            #expect(rows.map(\.unitKey) == [asslar, bischoffen])
            // Aßlar: 1.0 of the shared service + 1.0 of its own against 80,000 / 40,000 = 2.0; Bischoffen: 0.5 against 1.0.
            #expect(rows.map(\.supply) == [2.0, 0.5])
            #expect(rows.map(\.need) == [2.0, 1.0])
            #expect(rows.map(\.gap) == [0, 0.5])
            #expect(coverage.result?.total.supply == 2.5 && coverage.result?.total.need == 3.0)
            #expect(rows.first?.nearestServiceID == counselling)
            #expect(coverage.preventiveByUnit == [asslar: 0.5, bischoffen: 1.0])
            #expect(coverage.populationVariable == nil)
            // A category without a standard has nothing to compute.
            let none = try await service.coverage(category: "schuldnerberatung", in: landscape)
            #expect(none.standard == nil && none.result == nil)
        }
    }

    @Test func controllingSumsTheYearByProgrammeProviderAndMunicipality() async throws {
        try await TestDatabase.withDatabase { app in
            let funding = FundingStore(database: app.db)
            let programme = FundingProgramme(id: UUID(), name: "Beratung", legalBasis: "Richtlinie", source: .county, criteria: [], checklist: [],
                                             budgetLines: [BudgetLine(id: UUID(), year: 2027, name: "Beratung", amount: Money(euros: 100_000))],
                                             callOpens: Day(year: 2026, month: 1, day: 1)!, callCloses: Day(year: 2026, month: 3, day: 31)!)
            try await funding.saveProgramme(programme, actor: actor, at: now)
            let start = Day(year: 2027, month: 1, day: 1)!, end = Day(year: 2028, month: 12, day: 31)!
            let first = GrantAgreement(id: UUID(), reference: "EB-1", programmeID: programme.id, organisationID: caritas, serviceIDs: [preventive],
                                       start: start, end: end, amounts: [2027: Money(euros: 30_000)])
            let second = GrantAgreement(id: UUID(), reference: "EB-2", programmeID: programme.id, organisationID: diakonie, serviceIDs: [counselling],
                                        start: start, end: end, amounts: [2027: Money(euros: 20_000), 2028: Money(euros: 10_000)])
            try await funding.saveAgreement(first, actor: actor, at: now)
            try await funding.saveAgreement(second, actor: actor, at: now)
            try await funding.saveDrawdown(Drawdown(id: UUID(), agreementID: first.id, year: 2027, amount: Money(euros: 5_000), state: .paid, requestedAt: now, requestedBy: "T"),
                                           organisationID: caritas, actor: actor, at: now)
            let service = ControllingService(funding: funding, coverage: try await coverageService(ServiceStore(database: app.db), IndicatorStore(database: app.db)))
            let names = ControllingService.Names(categories: ["schwangerschaftsberatung": "Schwangerschaftsberatung"], withoutCategory: "ohne Themenbereich")
            let today = Day(year: 2027, month: 6, day: 1)!
            let overview = try await service.overview(requested: 2027, today: today, now: now, landscape: landscape(), names: names, publication: false)
            #expect(overview.year == 2027 && overview.years == [2027, 2028])
            #expect(overview.total == Money(euros: 50_000))
            #expect(overview.programmes.first?.figures.planned == Money(euros: 100_000))
            #expect(overview.programmes.first?.figures.committed == Money(euros: 50_000))
            #expect(overview.programmes.first?.figures.paid == Money(euros: 5_000))
            #expect(overview.byProvider.map(\.name) == ["Caritas", "Diakonie"])
            #expect(overview.byCategory.map(\.amount) == [Money(euros: 50_000)])
            // Caritas' 30,000 € split 2:1 by population, Diakonie's 20,000 € in Aßlar alone.
            #expect(overview.byUnit.map(\.name) == ["Aßlar", "Bischoffen"])
            #expect(overview.byUnit.map(\.amount) == [Money(euros: 40_000), Money(euros: 10_000)])
            #expect(overview.byUnit.map(\.perInhabitant) == [Money(cents: 50), Money(cents: 25)])
            #expect(overview.preventive == Money(euros: 30_000))
            #expect(overview.trend.map(\.committed) == [Money(euros: 50_000), Money(euros: 10_000)])
            #expect(overview.need.first?.rows.map(\.ratio) == [1.0, 0.5])
            // A year without figures shows the latest year up to today; only a publication is recorded.
            let other = try await service.overview(requested: 2031, today: today, now: now, landscape: landscape(), names: names, publication: false)
            #expect(other.year == 2027)
            #expect(try await funding.ledger.releases().isEmpty)
            // A publication records what it showed.
            _ = try await service.overview(requested: 2027, today: today, now: now, landscape: landscape(), names: names, publication: true)
            #expect(try await funding.ledger.latest(year: 2027) != nil)
        }
    }

    @Test func aReportSnapshotFreezesCoverageAndOnlyPublicMeasures() async throws {
        try await TestDatabase.withDatabase { app in
            let spatial = FluentSpatialRepository(database: app.db)
            for unit in landscape().units { try await spatial.create(unit) }
            let participation = ParticipationStore(database: app.db), funding = FundingStore(database: app.db)
            let open = Measure(id: UUID(), title: "Netzwerk Frühe Hilfen", status: .inProgress, progress: 40)
            let internalMeasure = Measure(id: UUID(), title: "Wartezeiten senken", responsibleOrganisation: caritas, dialogueID: UUID())
            for measure in [open, internalMeasure] { try await participation.save(.measure, id: measure.id, measure, label: measure.title, actor: actor, at: now) }
            let coverage = try await coverageService(ServiceStore(database: app.db), IndicatorStore(database: app.db))
            // Built by a planner, who may read the internal measure: the snapshot, a public document, still leaves it out.
            let access = ParticipationAccess(principal: Principal(userID: UUID(), roles: [.planner]), participation: participation, funding: funding)
            let places = landscape()
            let service = ReportSnapshotService(indicators: IndicatorStore(database: app.db), spatial: spatial, ledger: DisclosureLedger(database: app.db),
                                                controlling: ControllingService(funding: funding, coverage: coverage), access: access,
                                                landscape: { places },
                                                wording: .init(totalPopulation: "Bevölkerung insgesamt", withoutCategory: "ohne Themenbereich",
                                                               measureStatus: [.inProgress: "in Umsetzung"], unitLabel: { _, _ in "" }))
            let coverageBlock = ReportBlock(id: UUID(), kind: .serviceCoverage(categoryCode: "schwangerschaftsberatung"), caption: "Versorgung")
            let measureBlock = ReportBlock(id: UUID(), kind: .measureStatus, caption: "Maßnahmen")
            let report = Report(id: UUID(), title: "Sozialbericht", reportingDate: Day(year: 2027, month: 12, day: 31)!, territorialStatus: Day(year: 2024, month: 1, day: 1)!,
                                chapters: [ReportChapter(id: UUID(), title: "Versorgung", sections: [ReportSection(id: UUID(), title: "Lage", blocks: [coverageBlock, measureBlock])])])
            let snapshot = try await service.snapshot(of: report, now: now, today: Day(year: 2027, month: 6, day: 1)!)
            #expect(snapshot.countyName == "Lahn-Dill-Kreis" && snapshot.unitKeys == [asslar, bischoffen])
            #expect(snapshot.builtAt == now && snapshot.indicators.isEmpty)
            let measures = try #require(snapshot.tables?[measureBlock.id.uuidString.lowercased()])
            #expect(measures.rows.map { $0[0].text } == ["Netzwerk Frühe Hilfen"])
            #expect(measures.rows.first?[1].text == "in Umsetzung")
            let table = try #require(snapshot.tables?[coverageBlock.id.uuidString.lowercased()])
            #expect(table.rows.count >= 2)
            #expect(table.rows.contains { row in row.contains { $0.text == "Bischoffen" } })
        }
    }

    @Test func editionsAreBuiltPutOutForCommentAndPublishedOnce() async throws {
        try await TestDatabase.withDatabase { app in
            let spatial = FluentSpatialRepository(database: app.db)
            for unit in landscape().units { try await spatial.create(unit) }
            let participation = ParticipationStore(database: app.db), funding = FundingStore(database: app.db), reports = ReportStore(database: app.db)
            let coverage = try await coverageService(ServiceStore(database: app.db), IndicatorStore(database: app.db))
            let places = landscape()
            let snapshots = ReportSnapshotService(indicators: IndicatorStore(database: app.db), spatial: spatial, ledger: DisclosureLedger(database: app.db),
                                                  controlling: ControllingService(funding: funding, coverage: coverage),
                                                  access: ParticipationAccess(principal: Principal(userID: UUID(), roles: [.planner]), participation: participation, funding: funding),
                                                  landscape: { places },
                                                  wording: .init(totalPopulation: "Bevölkerung insgesamt", withoutCategory: "ohne Themenbereich", measureStatus: [:],
                                                                 unitLabel: { _, _ in "" }))
            let service = ReportEditionService(reports: reports, snapshots: snapshots, participation: participation)
            let block = ReportBlock(id: UUID(), kind: .serviceCoverage(categoryCode: "schwangerschaftsberatung"), caption: "Versorgung")
            let report = Report(id: UUID(), title: "Sozialbericht", reportingDate: Day(year: 2027, month: 12, day: 31)!, territorialStatus: Day(year: 2024, month: 1, day: 1)!,
                                chapters: [ReportChapter(id: UUID(), title: "Versorgung", sections: [ReportSection(id: UUID(), title: "Lage", text: "Zwei Stellen.", blocks: [block])])])
            try await reports.save(report, actor: actor, at: now)
            let today = Day(year: 2027, month: 6, day: 1)!, planner = UUID()

            // A block naming an indicator that does not exist stops the build; nothing is stored.
            var broken = report
            broken.chapters[0].sections[0].blocks.append(ReportBlock(id: UUID(), kind: .map(code: "gibt-es-nicht"), caption: "Karte"))
            guard case .refused(let issues) = try await service.build(broken, builtBy: planner, actor: actor, now: now, today: today) else {
                Issue.record("a block with an unknown indicator was built"); return
            }
            #expect(issues.contains { if case .unknownValue("gibt-es-nicht") = $0.problem { true } else { false } })
            #expect(try await reports.editions(of: report.id).isEmpty)

            guard case .built(let first) = try await service.build(report, builtBy: planner, actor: actor, now: now, today: today),
                  case .built(let second) = try await service.build(report, builtBy: planner, actor: actor, now: now, today: today) else {
                Issue.record("the editions were not built"); return
            }
            #expect(first.number == 1 && second.number == 2)
            #expect(second.builtBy == planner.uuidString.lowercased() && second.snapshot.builtAt == now)

            // Out for comment: the reference takes a suffix where the plain one is taken; a second call keeps the paper.
            let steering = Body(id: UUID(), name: "Steuerungsgruppe", kind: .steeringGroup, isPublic: false)
            try await participation.save(.body, id: steering.id, steering, label: steering.name, actor: actor, at: now)
            let taken = Paper(id: UUID(), reference: "SB-2027-2", title: "Älter", type: .other, date: today, originator: "Test", isPublic: false)
            try await participation.save(.paper, id: taken.id, taken, label: taken.title, bodyID: steering.id, actor: actor, at: now)
            let reference = try await service.reviewReference(for: second)
            #expect(reference == "SB-2027-2-2")
            let paperID = try await service.putOutForComment(second, body: steering, reference: reference, pdf: nil, actor: actor, now: now, today: today)
            let paper = try #require(try await participation.one(.paper, id: paperID, as: Paper.self)?.value)
            #expect(paper.reference == "SB-2027-2-2" && !paper.isPublic && paper.title == "Entwurf: Sozialbericht (Ausgabe 2)")
            let text = try #require(try await participation.all(.paperVersion, as: PaperVersion.self).first { $0.value.paperID == paperID }?.value.text)
            #expect(text.hasPrefix("Entwurf des Sozialberichts „Sozialbericht“, Ausgabe 2, "))
            #expect(text.contains("1 Versorgung\n1.1 Lage\nZwei Stellen.\n– Tabelle 1: Versorgung"))
            let commented = try #require(try await reports.edition(id: second.id))
            #expect(commented.reviewPaperID == paperID)
            let again = try await service.putOutForComment(commented, body: steering, reference: "SB-X", pdf: nil, actor: actor, now: now, today: today)
            #expect(again == paperID)

            // Published once; the second time nothing changes.
            #expect(try await service.publish(first, actor: actor, now: now) == .published)
            let published = try #require(try await reports.edition(id: first.id))
            #expect(published.publishedAt == now)
            #expect(try await service.publish(published, actor: actor, now: now.addingTimeInterval(60)) == .alreadyPublished)
            let unchanged = try await reports.edition(id: first.id)
            #expect(unchanged?.publishedAt == now)
        }
    }

    @Test func aProfileNamesTheServicesAndCoverageOfItsMunicipality() async throws {
        try await TestDatabase.withDatabase { app in
            let spatial = FluentSpatialRepository(database: app.db)
            let area = SpatialUnit(key: "065320010001", name: "Aßlar-Mitte", kind: "Planungsraum", levelCode: SpatialLevel.planningArea.code, parentKey: asslar)
            for unit in landscape().units + [area] { try await spatial.create(unit) }
            let indicators = IndicatorStore(database: app.db)
            let coverage = try await coverageService(ServiceStore(database: app.db), indicators)
            // An inactive service serves no one.
            let base = landscape()
            let ended = Service(id: UUID(), organisationID: caritas, name: "Alte Beratung", categoryCode: "schwangerschaftsberatung", status: .inactive,
                                serviceArea: [asslar], capacity: Capacity(fte: ["beratung": 9.0]))
            let places = ServiceLandscape(categories: try await ServiceStore(database: app.db).categories(),
                                          records: base.records + [ServiceRecord(service: ended, version: 1, updatedAt: now)],
                                          organisations: Array(base.organisations.values), units: base.units, boundaries: [:])
            let profiles = UnitProfileService(spatial: spatial, indicators: indicators, ledger: DisclosureLedger(database: app.db), coverage: coverage,
                                              levels: .standard, boundaries: { [:] }, landscape: { places })

            let asslarProfile = try #require(try await profiles.profile(key: asslar))
            #expect(asslarProfile.services.map(\.service.name) == ["Beratung vor Ort", "Beratungsstelle Aßlar", "Schuldnerberatung"])
            #expect(asslarProfile.services.map(\.provider) == ["Caritas", "Diakonie", "Diakonie"])
            // Aßlar: 2.0 FTE against a need of 2.0; Bischoffen: 0.5 against 1.0. The inactive one counts nowhere.
            #expect(asslarProfile.coverage.map(\.categoryCode) == ["schwangerschaftsberatung"])
            #expect(asslarProfile.coverage.map(\.ratio) == [1.0] && asslarProfile.coverage.map(\.gap) == [0])
            #expect(asslarProfile.coverageArea == nil)
            #expect(asslarProfile.overview.parent?.key == "06532" && asslarProfile.overview.children.map(\.key) == [area.key])
            #expect(asslarProfile.overview.populationIsAggregated == false)
            // No boundaries: the map shows the siblings.
            #expect(Set(asslarProfile.overview.mapUnits.map(\.key)) == [asslar, bischoffen])
            #expect(asslarProfile.indicators.lines.isEmpty)

            let bischoffenProfile = try #require(try await profiles.profile(key: bischoffen))
            #expect(bischoffenProfile.services.map(\.service.name) == ["Beratung vor Ort"])
            #expect(bischoffenProfile.coverage.map(\.ratio) == [0.5] && bischoffenProfile.coverage.map(\.gap) == [0.5])

            // A planning area: served by what serves its municipality as a whole; coverage is its municipality's.
            let areaProfile = try #require(try await profiles.profile(key: area.key))
            #expect(areaProfile.coverageArea?.key == asslar)
            #expect(areaProfile.services.count == 3 && areaProfile.coverage.map(\.ratio) == [1.0])

            // The county has a page but no profile; its population is the sum of its municipalities.
            #expect(try await profiles.profile(key: "06532") == nil)
            let county = try #require(try await profiles.overview(key: "06532"))
            #expect(county.populationIsAggregated && county.unit.latestPopulation?.count == 120_000)
            #expect(county.children.map(\.key).sorted() == [asslar, bischoffen])
            #expect(try await profiles.overview(key: "99999") == nil)
        }
    }

    @Test func aRankingCountsReviewedApplicationsOfTheYearWithWhatTheyWouldCommit() async throws {
        try await TestDatabase.withDatabase { app in
            let funding = FundingStore(database: app.db)
            let need = AwardCriterion(id: UUID(), name: "Bedarf", weight: 100, scaleMax: 5)
            let programme = FundingProgramme(id: UUID(), name: "Beratung", legalBasis: "Richtlinie", source: .county, criteria: [need], checklist: [],
                                             budgetLines: [BudgetLine(id: UUID(), year: 2027, name: "Beratung", amount: Money(euros: 50_000))],
                                             callOpens: Day(year: 2026, month: 1, day: 1)!, callCloses: Day(year: 2026, month: 3, day: 31)!)
            try await funding.saveProgramme(programme, actor: actor, at: now)
            func application(_ title: String, _ state: ApplicationState, euros: Int, year: Int = 2027) async throws -> FundingApplication {
                let a = FundingApplication(id: UUID(), programmeID: programme.id, organisationID: caritas, title: title, year: year, budgetLineID: programme.budgetLines[0].id,
                                           requested: Money(euros: euros), costPlan: CostPlan(costs: [CostLine(name: "Personal", amount: Money(euros: euros))], ownFunds: .zero),
                                           state: state)
                try await funding.save(.application, id: a.id, a, label: a.title, organisationID: caritas, parentID: programme.id, actor: actor, at: now)
                return a
            }
            func review(_ a: FundingApplication, score: Int? = nil, proposed: Int? = nil) async throws {
                let r = ApplicationReview(id: UUID(), applicationID: a.id, reviewerID: UUID(), kind: score == nil ? .financial : .content,
                                          scores: score.map { [CriterionScore(criterionID: need.id, value: $0, justification: "begründet")] } ?? [],
                                          proposedAmount: proposed.map { Money(euros: $0) }, submittedAt: now)
                try await funding.save(.review, id: r.id, r, label: a.title, organisationID: caritas, parentID: a.id, actor: actor, at: now)
            }
            let strong = try await application("Stark", .review, euros: 30_000)
            try await review(strong, score: 5)
            try await review(strong, proposed: 20_000)
            let weaker = try await application("Schwächer", .recommended, euros: 40_000)
            try await review(weaker, score: 3)
            _ = try await application("Entwurf", .draft, euros: 1_000)
            _ = try await application("Abgelehnt", .rejected, euros: 1_000)
            _ = try await application("Anderes Jahr", .review, euros: 1_000, year: 2028)

            let result = try await RankingService(funding: funding).ranking(of: programme, year: 2027, today: Day(year: 2027, month: 6, day: 1)!)
            // 5/5 → 100 points, 3/5 → 60; the strong one commits the financial review's 20,000 €, the other its 40,000 € request.
            #expect(result.entries.map(\.title) == ["Stark", "Schwächer"])
            #expect(result.entries.map(\.score) == [100, 60])
            #expect(result.entries.map(\.amount) == [Money(euros: 20_000), Money(euros: 40_000)])
            #expect(result.entries.map(\.cumulative) == [Money(euros: 20_000), Money(euros: 60_000)])
            #expect(result.entries.map(\.fundable) == [true, false])
            #expect(result.budget == Money(euros: 50_000) && Set(result.applications.keys) == [strong.id, weaker.id])
            // A year without a budget line or applications shows the latest year with ranked applications; both years are offered.
            let other = try await RankingService(funding: funding).ranking(of: programme, year: 2031, today: Day(year: 2027, month: 6, day: 1)!)
            #expect(other.year == 2028 && other.entries.map(\.title) == ["Anderes Jahr"] && other.entries.first?.outside == .unscored)
            #expect(result.years == [2028, 2027])
        }
    }

    @Test func ledgerKeysReadTheSameInEveryLanguageAndOrder() {
        let programmes = [1, 2].map { n in
            FundingProgramme(id: UUID(uuidString: "5b0c1e2a-0000-4000-8000-00000000000\(n)")!, name: "Programm \(n)", legalBasis: "", source: .county, criteria: [], checklist: [],
                             budgetLines: [], callOpens: Day(year: 2026, month: 1, day: 1)!, callCloses: Day(year: 2026, month: 3, day: 31)!)
        }
        let german = ControllingService.FigureKeys(programmes: programmes, categoryNames: ["schulden": "Schuldnerberatung"], withoutCategory: "ohne Themenbereich")
        let english = ControllingService.FigureKeys(programmes: programmes.reversed(), categoryNames: ["schulden": "Debt counselling"], withoutCategory: "without topic")
        let figures: [FundingFigure] = [.programme(1, .paid), .category("Schuldnerberatung"), .category("ohne Themenbereich"), .municipality("Haiger"),
                                        .need(category: "Schuldnerberatung", municipality: "Sinn"), .preventive, .year(2026, .committed)]
        for figure in figures {
            let key = german.key(figure)!
            #expect(german.figure(key) == figure)
        }
        #expect(english.figure(german.key(.programme(1, .paid))!) == .programme(0, .paid))
        #expect(english.figure(german.key(.category("Schuldnerberatung"))!) == .category("Debt counselling"))
        #expect(english.figure(german.key(.category("ohne Themenbereich"))!) == .category("without topic"))
        #expect(english.figure(german.key(.need(category: "Schuldnerberatung", municipality: "Sinn"))!) == .need(category: "Debt counselling", municipality: "Sinn"))
        #expect(german.key(.rest("0")) == nil)
    }

}
