import Fluent
import Foundation
import SoplaApp
import SoplaCore
import SoplaStore
import SQLKit
import Vapor

/// `sopla-bench lists DATABASE [ROUNDS]`: list pages over 100,000 papers, 20,000 meetings and 50,000 applications,
/// each the way the document tables allowed (load every record of the kind, decode, filter, sort, cut the page)
/// and as the indexed query of the record tables, on the same data in one run. Prints p50 and p99 per page.
enum ListBenchmark {
    static let papers = 100_000, meetings = 20_000, applications = 50_000, bodies = 40

    static func run(_ arguments: [String]) async throws {
        let location = try DatabaseLocation.parse(arguments[0])
        let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 20 : 20
        let app = try await Application.make(.production)
        app.logger.logLevel = .error
        do {
            try app.useSoplaDatabase(location)
            try await app.prepareDatabase(location: location, migrate: true)
            try await measure(app.db, rounds: rounds)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func measure(_ db: any Database, rounds: Int) async throws {
        let started = Date()
        let (bodyIDs, programme) = try await seed(db)
        print(String(format: "seeded %d papers, %d meetings, %d applications over %d bodies in %.1f s", papers, meetings, applications, bodies,
                     Date().timeIntervalSince(started)))
        let participation = ParticipationStore(database: db), funding = FundingStore(database: db)
        let member: Set<UUID> = [bodyIDs[bodies - 1]]
        // The first half of the bodies is public; a public paper of an internal body stays with its members.
        let publicBodies = Set(bodyIDs.prefix(bodies / 2))

        // What the paper list did on document tables: every paper of every body, then filter, sort and cut.
        func papersBefore(search: String?, page: Int) async throws -> Int {
            var visible: [ParticipationRecord<Paper>] = []
            for body in bodyIDs {
                for record in try await participation.all(.paper, as: Paper.self, bodyID: body)
                where ((record.value.isPublic && publicBodies.contains(body)) || member.contains(body)) && (search.map { (record.value.title + " " + record.value.reference).lowercased().contains($0) } ?? true) {
                    visible.append(record)
                }
            }
            visible.sort { ($0.value.date, $0.value.reference) > ($1.value.date, $1.value.reference) }
            return Array(visible.dropFirst((page - 1) * 50).prefix(50)).count
        }
        func papersAfter(search: String?, page: Int) async throws -> Int {
            try await participation.papers(readableBodies: member, search: search, page: page, perPage: 50).items.count
        }
        try await compare("papers, page 1", rounds: rounds, before: { try await papersBefore(search: nil, page: 1) }, after: { try await papersAfter(search: nil, page: 1) })
        try await compare("papers, page 1,000", rounds: rounds, before: { try await papersBefore(search: nil, page: 1000) },
                          after: { try await papersAfter(search: nil, page: 1000) })
        try await compare("papers, search \"4711\"", rounds: rounds, before: { try await papersBefore(search: "4711", page: 1) },
                          after: { try await papersAfter(search: "4711", page: 1) })
        let body = bodyIDs[0]
        try await compare("meetings of one body, page 1 of 100", rounds: rounds, before: {
            Array(try await participation.all(.meeting, as: Meeting.self, bodyID: body).prefix(100)).count
        }, after: { try await participation.page(.meeting, as: Meeting.self, bodyID: body, page: 1, perPage: 100).items.count })
        try await compare("meetings, page 100 of 200", rounds: rounds, before: {
            Array(try await participation.all(.meeting, as: Meeting.self).dropFirst(9900).prefix(100)).count
        }, after: { try await participation.page(.meeting, as: Meeting.self, page: 100, perPage: 100).items.count })
        // OParl: what the API did before (the whole public graph per request, then filter, sort by id and cut) and
        // the service's page read.
        let oparl = OParlService(participation: participation, accounts: AccountStore(database: db), site: OParlService.Site(
            base: "https://kreis.example/oparl/v1", site: "https://kreis.example", website: "https://kreis.example/", ags: "06532", name: "Lahn-Dill-Kreis",
            shortName: "LDK", license: "https://www.govdata.de/dl-de/by-2-0", attachmentPath: { p, a in "/vorlagen/\(p)/anlagen/\(a)" }))
        func graphBefore(_ kind: ParticipationKind, page: Int) async throws -> Int {
            let bodies = try await participation.all(.body, as: Body.self, includeDeleted: true)
            let open = Set(bodies.filter { $0.value.isPublic }.map(\.id))
            var ids: [String] = []
            for body in open { ids += try await participation.all(.paper, as: Paper.self, includeDeleted: true, bodyID: body).filter { $0.value.isPublic }.map { $0.id.uuidString.lowercased() } }
            _ = try await participation.all(.paperVersion, as: PaperVersion.self, includeDeleted: true)
            let meetings = try await participation.all(.meeting, as: Meeting.self, includeDeleted: true).filter { open.contains($0.value.bodyID) }
            _ = try await participation.all(.agendaItem, as: AgendaItem.self, includeDeleted: true)
            let listed = kind == .paper ? ids : meetings.map { $0.id.uuidString.lowercased() }
            return Array(listed.sorted().dropFirst((page - 1) * 50).prefix(50)).count
        }
        let publicPapers = try await oparl.list(.papers, window: SyncWindow(), organization: nil, page: 1).total
        let lastPaperPage = (publicPapers + 49) / 50
        try await compare("papers (OParl list), page \(lastPaperPage) of \(lastPaperPage)", rounds: rounds, before: { try await graphBefore(.paper, page: lastPaperPage) },
                          after: { try await oparl.list(.papers, window: SyncWindow(), organization: nil, page: lastPaperPage).items.count })
        let publicMeetings = try await oparl.list(.meetings, window: SyncWindow(), organization: nil, page: 1).total
        try await compare("meetings (OParl list), page 100 of \((publicMeetings + 49) / 50)", rounds: rounds, before: { try await graphBefore(.meeting, page: 100) },
                          after: { try await oparl.list(.meetings, window: SyncWindow(), organization: nil, page: 100).items.count })
        try await compare("applications of a programme, page 10 of 50", rounds: rounds, before: {
            Array(try await funding.all(.application, as: FundingApplication.self, parentID: programme).dropFirst(450).prefix(50)).count
        }, after: { try await funding.page(.application, as: FundingApplication.self, parentID: programme, page: 10, perPage: 50).items.count })
    }

    static func compare(_ name: String, rounds: Int, before: () async throws -> Int, after: () async throws -> Int) async throws {
        let (beforeTimes, beforeCount) = try await time(rounds: max(3, rounds / 4), before)
        let (afterTimes, afterCount) = try await time(rounds: rounds, after)
        precondition(beforeCount == afterCount, "\(name): \(beforeCount) items before, \(afterCount) after")
        let b = percentiles(beforeTimes), a = percentiles(afterTimes)
        print(String(format: "%@: %d items; document tables p50 %.1f ms p99 %.1f ms (%d rounds); indexed query p50 %.2f ms p99 %.2f ms (%d rounds); %.0f× faster at p50",
                     name, afterCount, b.p50, b.p99, beforeTimes.count, a.p50, a.p99, afterTimes.count, b.p50 / max(a.p50, 0.001)))
    }

    static func time(rounds: Int, _ work: () async throws -> Int) async throws -> ([Double], Int) {
        var times: [Double] = [], count = 0
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            count = try await work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return (times, count)
    }

    static func percentiles(_ times: [Double]) -> (p50: Double, p99: Double) {
        let sorted = times.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded(.up)))] }
        return (at(0.5), at(0.99))
    }

    /// Bodies and a programme through the stores; papers, meetings and applications as rows, in batches.
    static func seed(_ db: any Database) async throws -> ([UUID], UUID) {
        let actor = AuditActor(userID: nil, label: "Benchmark", address: nil), now = Date(timeIntervalSince1970: 1_764_028_800)
        let participation = ParticipationStore(database: db)
        var bodyIDs: [UUID] = []
        for index in 0..<bodies {
            let body = Body(id: UUID(), name: String(format: "Gremium %02d", index), kind: .committee, isPublic: index < bodies / 2)
            try await participation.save(.body, id: body.id, body, label: body.name, bodyID: body.id, actor: actor, at: now)
            bodyIDs.append(body.id)
        }
        let line = BudgetLine(id: UUID(), year: 2027, name: "Jugendarbeit", amount: Money(euros: 100_000_000))
        let programme = FundingProgramme(id: UUID(), name: "Jugendarbeit", legalBasis: "SGB VIII § 11", source: .county,
                                         criteria: [AwardCriterion(id: UUID(), name: "Bedarf", weight: 100, scaleMax: 5)], checklist: [], budgetLines: [line],
                                         callOpens: Day(year: 2026, month: 1, day: 1)!, callCloses: Day(year: 2026, month: 12, day: 31)!)
        try await FundingStore(database: db).saveProgramme(programme, actor: actor, at: now)
        var other = programme
        other.id = UUID()
        other.budgetLines = [BudgetLine(id: UUID(), year: 2027, name: "Jugendarbeit", amount: Money(euros: 100_000_000))]
        try await FundingStore(database: db).saveProgramme(other, actor: actor, at: now)
        guard let sql = db as? any SQLDatabase else { fatalError("the database does not speak SQL") }
        func batches(_ count: Int, _ table: String, _ columns: [String], _ row: (Int) -> [any Encodable & Sendable]) async throws {
            for start in stride(from: 0, to: count, by: 500) {
                let rows = (start..<min(count, start + 500)).map { row($0).map { SQLBind($0) as any SQLExpression } }
                var insert = sql.insert(into: table).columns(columns)
                for values in rows { insert = insert.values(values) }
                try await insert.run()
            }
        }
        let created = { (index: Int) in now.addingTimeInterval(Double(index)) }
        try await batches(papers, "papers", ["id", "reference", "title", "type", "date", "originator", "is_public", "body_id", "label", "record_created_at",
                                             "record_modified_at", "deleted", "search_text", "sort_title"]) { index in
            let reference = String(format: "V/%06d", index), title = "Bericht \(index) zur Lage"
            let day = Day(year: 2000 + index % 26, month: 1 + index % 12, day: 1 + index % 28)!
            return [UUID(), reference, title, "recommendation", day.iso, "Sozialplanung", index % 3 != 0, bodyIDs[index % bodies], title, created(index), created(index),
                    false, (reference + " " + title).lowercased(), title.lowercased()]
        }
        try await batches(meetings, "meetings", ["id", "body_id", "name", "start", "end", "location", "state", "label", "record_created_at", "record_modified_at",
                                                 "deleted"]) { index in
            let start = created(index * 3600)
            return [UUID(), bodyIDs[index % bodies], "Sitzung \(index)", start, start.addingTimeInterval(7200), "Kreishaus", "held", "Sitzung \(index)", created(index),
                    created(index), false]
        }
        let plan = String(decoding: try JSONEncoder().encode(CostPlan(costs: [CostLine(name: "Personal", amount: Money(euros: 1000))], ownFunds: .zero)), as: UTF8.self)
        try await batches(applications, "funding_applications", ["id", "programme_id", "organisation_id", "service_ids", "title", "year", "budget_line_id",
                                                                 "requested_cents", "cost_plan", "answers", "preventive", "state", "history", "reviewers", "label",
                                                                 "record_created_at", "record_modified_at", "search_text", "sort_title"]) { index in
            [UUID(), index % 5 == 0 ? programme.id : other.id, UUID(), "[]", "Antrag \(index)", 2027, line.id, 100_000, plan, "[]", false, "submitted", "[]", "[]",
             "Antrag \(index)", created(index), created(index), "antrag \(index)", "antrag \(index)"]
        }
        return (bodyIDs, programme.id)
    }
}
