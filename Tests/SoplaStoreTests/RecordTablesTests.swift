import Fluent
import Foundation
import SQLKit
import SoplaCore
@testable import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Participation and funding records in tables of their own")
struct RecordTablesTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let created = Date(timeIntervalSince1970: 1_700_000_000)

    /// One record of every kind, with optional fields both given and left out, in an order where a child body and a
    /// sub-measure were created before their parents.
    struct Records {
        let parentBody = Body(id: UUID(), name: "Kreistag", kind: .council, isPublic: true)
        let body: Body
        let person = Person(id: UUID(), name: "Erika Muster", userID: UUID(), email: "erika@example.org")
        let guest = Person(id: UUID(), name: "Gast")
        let membership: Membership
        let ended: Membership
        let meeting: Meeting
        let item: AgendaItem
        let attendance: Attendance
        let paper = Paper(id: UUID(), reference: "SP/2026/01", title: "Sozialbericht", type: .planningReport, date: Day(iso: "2026-03-01")!, originator: "Sozialplanung", isPublic: true)
        let version: PaperVersion
        let process: StatementProcess
        let statement: Statement
        let response: StatementResponse
        let resolution: Resolution
        let measure: Measure
        let subMeasure: Measure
        let milestone: Milestone
        let planning: PlanningProcess
        let message: InboxMessage
        let programme: FundingProgramme
        let application: FundingApplication
        let review: ApplicationReview
        let agreement: GrantAgreement
        let drawdown: Drawdown
        let proof: ProofOfUse
        let dialogue: QualityDialogue
        let conflict: ConflictDeclaration

        init(at now: Date) {
            body = Body(id: UUID(), name: "Jugendhilfeausschuss", shortName: "JHA", kind: .youthWelfareCommittee, parentID: parentBody.id, isPublic: false,
                        terms: [LegislativeTerm(id: UUID(), name: "2021–2026", start: Day(iso: "2021-04-01")!)])
            membership = Membership(id: UUID(), personID: person.id, bodyID: body.id, role: .chair, onBehalfOf: UUID(), votingRight: true, start: Day(iso: "2021-04-01")!)
            ended = Membership(id: UUID(), personID: person.id, bodyID: body.id, role: .member, votingRight: false, start: Day(iso: "2016-04-01")!, end: Day(iso: "2021-03-31")!)
            meeting = Meeting(id: UUID(), bodyID: body.id, name: "3. Sitzung", start: now, end: now.addingTimeInterval(7200), location: "Kreishaus", state: .held)
            item = AgendaItem(id: UUID(), meetingID: meeting.id, number: "1.2", title: "Bericht", isPublic: true, paperIDs: [paper.id], result: "angenommen", role: .decision)
            attendance = Attendance(meetingID: meeting.id, statuses: [person.id: .present, guest.id: .excused])
            version = PaperVersion(paperID: paper.id, number: 1, text: "Absatz eins.\n\nAbsatz zwei.", createdAt: now, createdBy: "planung")
            process = StatementProcess(id: UUID(), paperID: paper.id, version: 1, bodies: [body.id], organisations: [UUID()], opensAt: now, deadline: now.addingTimeInterval(86400))
            statement = Statement(id: UUID(), processID: process.id, author: "Diakonie", section: "2.1", text: "Wir regen an …", submittedAt: now)
            response = StatementResponse(statementID: statement.id, decision: .partlyAdopted, reason: "teilweise")
            resolution = Resolution(id: UUID(), agendaItemID: item.id, vote: .counted(yes: 5, no: 1, abstain: 0), text: "Beschlossen", paperID: paper.id, paperVersion: 1, isPublic: true)
            measure = Measure(id: UUID(), title: "Schuldnerberatung ausbauen", resolutionID: resolution.id, due: Day(iso: "2027-06-30")!, status: .inProgress,
                              progress: 0.25, weight: 2, indicatorCodes: ["sgb2_quote"], unitKeys: ["06532001"], publishedAt: now)
            subMeasure = Measure(id: UUID(), title: "Sprechstunde in Haiger", parentID: measure.id)
            milestone = Milestone(measureID: measure.id, date: Day(iso: "2027-01-31")!, text: "Stelle besetzt")
            planning = PlanningProcess(id: UUID(), title: "Altenhilfeplanung", bodyID: body.id, indicatorCodes: ["alter_65"], paperIDs: [paper.id])
            message = InboxMessage(userID: UUID(), subject: "Einladung", body: "Sitzung am …", link: nil, createdAt: now)
            programme = FundingStoreTests.programme(budget: Money(euros: 100_000))
            var application = FundingStoreTests.application(programme, amount: Money(cents: 1_234_567), state: .approved)
            application.granted = Money(cents: 1_000_000)
            application.submittedAt = now
            application.history = [ApplicationTransition(from: .submitted, to: .approved, event: "approve", at: now, by: "P", reason: "")]
            self.application = application
            review = ApplicationReview(id: UUID(), applicationID: application.id, reviewerID: UUID(), kind: .content,
                                       scores: [CriterionScore(criterionID: programme.criteria[0].id, value: 4, justification: "gut")], proposedAmount: Money(euros: 9000), submittedAt: now)
            agreement = GrantAgreement(id: UUID(), reference: "EB-2027-1", programmeID: programme.id, applicationID: application.id, organisationID: application.organisationID,
                                       start: Day(iso: "2027-01-01")!, end: Day(iso: "2028-12-31")!, sharePercent: 80,
                                       amounts: [2027: Money(euros: 5000), 2028: Money(euros: 5000)], qualityStandards: ["Fachkraft"], conditions: "ANBest-P")
            drawdown = Drawdown(id: UUID(), agreementID: agreement.id, year: 2027, amount: Money(euros: 2500), state: .paid, requestedAt: now, requestedBy: "T",
                                decidedBy: "K", paidOn: Day(iso: "2027-02-01")!)
            proof = ProofOfUse(id: UUID(), agreementID: agreement.id, year: 2027, narrative: "Bericht",
                               costs: [CostComparison(costItem: "Personal", planned: Money(euros: 5000), actual: Money(cents: 499_999))], ownFunds: Money(euros: 100),
                               receipts: [Receipt(number: "1", date: Day(iso: "2027-03-01")!, payee: "X", purpose: "Y", costItem: "Personal", amount: Money(euros: 10))],
                               actuals: [UUID(): 12.5], contentVerdict: .accepted, submittedAt: now)
            dialogue = QualityDialogue(id: UUID(), agreementID: agreement.id, year: 2027, date: Day(iso: "2027-05-05")!, participants: ["A", "B"], agenda: ["Ziele"],
                                       measureIDs: [measure.id])
            conflict = ConflictDeclaration(id: UUID(), reviewerID: review.reviewerID, organisationID: application.organisationID, note: "Vorstand", declaredAt: now)
        }
    }

    /// Writes the records as the document tables held them, each created a second after the one before.
    func writeDocuments(_ r: Records, on db: any Database) async throws {
        var second = 0.0
        func participation<V: Encodable>(_ kind: ParticipationKind, _ id: UUID, _ value: V, body: UUID?, deleted: Bool = false) async throws {
            second += 1
            let model = ParticipationModel()
            model.id = id
            model.kind = kind.rawValue
            model.bodyID = body
            model.document = try ParticipationStore.encode(value)
            model.label = "\(kind.rawValue) \(Int(second))"
            model.createdAt = created.addingTimeInterval(second)
            model.modifiedAt = now
            model.deleted = deleted
            try await model.create(on: db)
        }
        func funding<V: Encodable>(_ kind: FundingKind, _ id: UUID, _ value: V, organisation: UUID?, parent: UUID?) async throws {
            second += 1
            let model = FundingModel()
            model.id = id
            model.kind = kind.rawValue
            model.organisationID = organisation
            model.parentID = parent
            model.document = try ParticipationStore.encode(value)
            model.label = "\(kind.rawValue) \(Int(second))"
            model.createdAt = created.addingTimeInterval(second)
            model.modifiedAt = now
            try await model.create(on: db)
        }
        let b = r.body.id
        try await participation(.body, b, r.body, body: b)
        try await participation(.body, r.parentBody.id, r.parentBody, body: r.parentBody.id)
        try await participation(.person, r.person.id, r.person, body: nil)
        try await participation(.person, r.guest.id, r.guest, body: nil, deleted: true)
        try await participation(.membership, r.membership.id, r.membership, body: b)
        try await participation(.membership, r.ended.id, r.ended, body: b)
        try await participation(.meeting, r.meeting.id, r.meeting, body: b)
        try await participation(.paper, r.paper.id, r.paper, body: b)
        try await participation(.agendaItem, r.item.id, r.item, body: b)
        try await participation(.attendance, UUID(), r.attendance, body: b)
        try await participation(.paperVersion, UUID(), r.version, body: b)
        try await participation(.statementProcess, r.process.id, r.process, body: b)
        try await participation(.statement, r.statement.id, r.statement, body: b)
        try await participation(.statementResponse, UUID(), r.response, body: b)
        try await participation(.resolution, r.resolution.id, r.resolution, body: b)
        try await participation(.measure, r.subMeasure.id, r.subMeasure, body: nil)
        try await participation(.measure, r.measure.id, r.measure, body: nil)
        try await participation(.milestone, UUID(), r.milestone, body: nil)
        try await participation(.planningProcess, r.planning.id, r.planning, body: b)
        try await participation(.notification, UUID(), r.message, body: nil)
        let o = r.application.organisationID
        try await funding(.programme, r.programme.id, r.programme, organisation: nil, parent: nil)
        try await funding(.application, r.application.id, r.application, organisation: o, parent: r.programme.id)
        try await funding(.review, r.review.id, r.review, organisation: o, parent: r.application.id)
        try await funding(.agreement, r.agreement.id, r.agreement, organisation: o, parent: r.programme.id)
        try await funding(.drawdown, r.drawdown.id, r.drawdown, organisation: o, parent: r.agreement.id)
        try await funding(.proof, r.proof.id, r.proof, organisation: o, parent: r.agreement.id)
        try await funding(.dialogue, r.dialogue.id, r.dialogue, organisation: o, parent: r.agreement.id)
        try await funding(.conflict, r.conflict.id, r.conflict, organisation: o, parent: nil)
    }

    /// Every record reads back as it was written, with its times, deletion mark, body, organisation and parent.
    func expectRecords(_ r: Records, on db: any Database) async throws {
        let p = ParticipationStore(database: db), f = FundingStore(database: db)
        #expect(try await p.all(.body, as: Body.self).map(\.value) == [r.body, r.parentBody])
        #expect(try await p.all(.body, as: Body.self).map(\.createdAt) == [created.addingTimeInterval(1), created.addingTimeInterval(2)])
        #expect(try await p.all(.person, as: Person.self).map(\.value) == [r.person])
        #expect(try await p.all(.person, as: Person.self, includeDeleted: true).map(\.deleted) == [false, true])
        #expect(try await p.all(.membership, as: Membership.self, bodyID: r.body.id).map(\.value) == [r.membership, r.ended])
        #expect(try await p.one(.meeting, id: r.meeting.id, as: Meeting.self)?.value == r.meeting)
        #expect(try await p.one(.meeting, id: r.meeting.id, as: Meeting.self)?.modifiedAt == now)
        #expect(try await p.all(.agendaItem, as: AgendaItem.self, bodyID: r.body.id).map(\.value) == [r.item])
        #expect(try await p.all(.attendance, as: Attendance.self).map(\.value) == [r.attendance])
        #expect(try await p.all(.paper, as: Paper.self).map(\.value) == [r.paper])
        #expect(try await p.all(.paperVersion, as: PaperVersion.self).map(\.value) == [r.version])
        #expect(try await p.all(.statementProcess, as: StatementProcess.self).map(\.value) == [r.process])
        #expect(try await p.all(.statement, as: Statement.self).map(\.value) == [r.statement])
        #expect(try await p.all(.statementResponse, as: StatementResponse.self).map(\.value) == [r.response])
        #expect(try await p.all(.resolution, as: Resolution.self).map(\.value) == [r.resolution])
        #expect(try await p.all(.measure, as: Measure.self).map(\.value) == [r.subMeasure, r.measure])
        #expect(try await p.all(.milestone, as: Milestone.self).map(\.value) == [r.milestone])
        #expect(try await p.all(.planningProcess, as: PlanningProcess.self).map(\.value) == [r.planning])
        #expect(try await p.all(.notification, as: InboxMessage.self).map(\.value) == [r.message])
        #expect(try await p.bodies(ofUser: r.person.userID!, on: Day(iso: "2026-01-01")!) == [r.body.id])
        #expect(try await f.all(.programme, as: FundingProgramme.self).map(\.value) == [r.programme])
        #expect(try await f.all(.application, as: FundingApplication.self, parentID: r.programme.id).map(\.value) == [r.application])
        #expect(try await f.all(.review, as: ApplicationReview.self, organisationID: r.application.organisationID, parentID: r.application.id).map(\.value) == [r.review])
        #expect(try await f.all(.agreement, as: GrantAgreement.self, organisationID: r.application.organisationID).map(\.value) == [r.agreement])
        #expect(try await f.all(.drawdown, as: Drawdown.self, parentID: r.agreement.id).map(\.value) == [r.drawdown])
        #expect(try await f.all(.proof, as: ProofOfUse.self, parentID: r.agreement.id).map(\.value) == [r.proof])
        #expect(try await f.all(.dialogue, as: QualityDialogue.self, parentID: r.agreement.id).map(\.value) == [r.dialogue])
        #expect(try await f.all(.conflict, as: ConflictDeclaration.self, organisationID: r.application.organisationID).map(\.value) == [r.conflict])
        #expect(try await f.all(.agreement, as: GrantAgreement.self, organisationID: UUID()).isEmpty)
    }

    func tableExists(_ table: String, _ db: any Database) async -> Bool {
        (try? await (db as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()) != nil
    }

    @Test func documentsMoveIntoTablesUnchangedAndBack() async throws {
        try await TestDatabase.withDatabase { app in
            let migration = MoveRecordsToTables()
            try await migration.revert(on: app.db)
            #expect(await !tableExists("meetings", app.db))
            let records = Records(at: now)
            try await writeDocuments(records, on: app.db)

            try await migration.prepare(on: app.db)
            #expect(await !tableExists(ParticipationFields.schema, app.db))
            #expect(await !tableExists(FundingFields.schema, app.db))
            try await expectRecords(records, on: app.db)
            // Money is kept as integer cents.
            let cents = try await (app.db as! any SQLDatabase).raw("SELECT requested_cents FROM funding_applications").first()?.decode(column: "requested_cents", as: Int.self)
            #expect(cents == 1_234_567)

            try await migration.revert(on: app.db)
            #expect(await !tableExists("meetings", app.db))
            let documents = try await ParticipationModel.query(on: app.db).filter(\.$kind == "meeting").all()
            #expect(try documents.map { try ParticipationStore.decode(Meeting.self, $0.document) } == [records.meeting])
            try await migration.prepare(on: app.db)
            try await expectRecords(records, on: app.db)
        }
    }

    @Test func aDocumentThatCannotMoveStopsTheMigrationAndLeavesTheDocuments() async throws {
        try await TestDatabase.withDatabase { app in
            let migration = MoveRecordsToTables()
            try await migration.revert(on: app.db)
            // A membership of a person that does not exist.
            let orphan = Membership(id: UUID(), personID: UUID(), bodyID: UUID(), role: .member, votingRight: true, start: Day(iso: "2026-01-01")!)
            let model = ParticipationModel()
            model.id = orphan.id
            model.kind = ParticipationKind.membership.rawValue
            model.document = try ParticipationStore.encode(orphan)
            model.label = "M"
            model.createdAt = now
            model.modifiedAt = now
            model.deleted = false
            try await model.create(on: app.db)
            await #expect(throws: (any Error).self) { try await migration.prepare(on: app.db) }
            #expect(try await ParticipationModel.query(on: app.db).count() == 1)
            #expect(await !tableExists("memberships", app.db))
            // A kind sopla does not know.
            try await ParticipationModel.query(on: app.db).set(\.$kind, to: "ghost").update()
            let refusal = await #expect(throws: StoreError.self) { try await migration.prepare(on: app.db) }
            #expect("\(String(describing: refusal))".contains("unknown kind ghost"))
            #expect(try await ParticipationModel.query(on: app.db).count() == 1)
        }
    }

    @Test func theDatabaseKeepsOneOpenSeatPerPersonAndBodyAndUniqueAgendaNumbers() async throws {
        try await TestDatabase.withDatabase { app in
            let store = ParticipationStore(database: app.db)
            let records = Records(at: now)
            for body in [records.parentBody, records.body] { try await store.save(.body, id: body.id, body, label: body.name, actor: actor, at: now) }
            try await store.save(.person, id: records.person.id, records.person, label: "P", actor: actor, at: now)
            try await store.save(.membership, id: records.membership.id, records.membership, label: "M", bodyID: records.body.id, actor: actor, at: now)
            try await store.save(.membership, id: records.ended.id, records.ended, label: "M", bodyID: records.body.id, actor: actor, at: now)
            var second = records.membership
            second.id = UUID()
            await #expect(throws: (any Error).self) { try await store.save(.membership, id: second.id, second, label: "M", bodyID: records.body.id, actor: actor, at: now) }
            // Once the first seat has ended, a new one may begin.
            var closed = records.membership
            closed.end = Day(iso: "2026-06-30")!
            try await store.save(.membership, id: closed.id, closed, label: "M", bodyID: records.body.id, actor: actor, at: now)
            try await store.save(.membership, id: second.id, second, label: "M", bodyID: records.body.id, actor: actor, at: now)
            #expect(try await store.all(.membership, as: Membership.self).count == 3)

            try await store.save(.meeting, id: records.meeting.id, records.meeting, label: "S", bodyID: records.body.id, actor: actor, at: now)
            var item = AgendaItem(id: UUID(), meetingID: records.meeting.id, number: "1", title: "Eröffnung", isPublic: true)
            try await store.save(.agendaItem, id: item.id, item, label: "1", bodyID: records.body.id, actor: actor, at: now)
            var twin = item
            twin.id = UUID()
            await #expect(throws: (any Error).self) { try await store.save(.agendaItem, id: twin.id, twin, label: "1", bodyID: records.body.id, actor: actor, at: now) }
            // A deleted item frees its number.
            try await store.delete(.agendaItem, id: item.id, actor: actor, at: now)
            try await store.save(.agendaItem, id: twin.id, twin, label: "1", bodyID: records.body.id, actor: actor, at: now)
            item.number = "2"
            #expect(try await store.all(.agendaItem, as: AgendaItem.self).map(\.value) == [twin])
        }
    }
}

@Suite("The paper list as a query")
struct PaperListQueryTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)

    @Test func papersArePagedSortedSearchedAndOnlyShownToWhoMayReadThem() async throws {
        try await TestDatabase.withDatabase { app in
            let store = ParticipationStore(database: app.db)
            let open = Body(id: UUID(), name: "Ausschuss B", kind: .committee, isPublic: true), closed = Body(id: UUID(), name: "Arbeitskreis A", kind: .workingGroup, isPublic: false)
            let gone = Body(id: UUID(), name: "Aufgelöst", kind: .other, isPublic: true)
            for body in [open, closed, gone] { try await store.save(.body, id: body.id, body, label: body.name, actor: actor, at: now) }
            func paper(_ n: Int, _ title: String, body: Body, isPublic: Bool = true) async throws -> Paper {
                let paper = Paper(id: UUID(), reference: String(format: "V/%02d", n), title: title, type: .recommendation,
                                  date: Day(year: 2026, month: 1, day: n)!, originator: "Planung", isPublic: isPublic)
                try await store.save(.paper, id: paper.id, paper, label: title, bodyID: body.id, actor: actor, at: now)
                return paper
            }
            var papers: [Paper] = []
            for n in 1...7 { papers.append(try await paper(n, "Bericht \(n)", body: open)) }
            let internalPaper = try await paper(8, "Interne Prüfung 100% sicher", body: closed, isPublic: false)
            let publicOfClosed = try await paper(9, "Übergangslösung", body: closed)
            _ = try await paper(10, "Bericht eines aufgelösten Gremiums", body: gone)
            try await store.delete(.body, id: gone.id, actor: actor, at: now)
            let deleted = try await paper(11, "Zurückgezogen", body: open)
            try await store.delete(.paper, id: deleted.id, actor: actor, at: now)

            // The public reads public papers of public bodies that exist, newest first, three to a page: a public paper
            // of the internal working group stays with its members (it would tell of the group).
            let first = try await store.papers(readableBodies: [], perPage: 3)
            #expect(first.total == 7)
            #expect(first.items.map(\.record.value.reference) == ["V/07", "V/06", "V/05"])
            let third = try await store.papers(readableBodies: [], page: 3, perPage: 3)
            #expect(third.items.map(\.record.value.reference) == ["V/01"])
            #expect(try await store.papers(readableBodies: [], page: 4, perPage: 3).items.isEmpty)
            #expect(try await store.papers(readableBodies: [], page: Int.max, perPage: 50).items.isEmpty)
            // Members of the working group read its internal paper too.
            #expect(try await store.papers(readableBodies: [closed.id]).total == 9)
            #expect(try await store.papers(readableBodies: [closed.id], search: "100%").items.map(\.record.value) == [internalPaper])
            #expect(try await store.papers(readableBodies: [], search: "100%").total == 0)
            // Search ignores case and umlaut spelling; % and _ are taken literally.
            #expect(try await store.papers(readableBodies: [closed.id], search: "UEBERGANG").items.map(\.record.value) == [publicOfClosed])
            #expect(try await store.papers(readableBodies: [closed.id], search: "übergang").items.map(\.bodyID) == [closed.id])
            #expect(try await store.papers(readableBodies: [], search: "übergang").total == 0)
            #expect(try await store.papers(readableBodies: [], search: "v/0_").total == 0)
            #expect(try await store.papers(readableBodies: [], search: "v/0").total == 7)
            // Sorted by title ascending, by body name, or limited to some ids.
            #expect(try await store.papers(readableBodies: [], order: .title, descending: false, perPage: 2).items.map(\.record.value.title) == ["Bericht 1", "Bericht 2"])
            #expect(try await store.papers(readableBodies: [closed.id], order: .body, descending: false, perPage: 1).items.map(\.bodyID) == [closed.id])
            #expect(try await store.papers(readableBodies: [], order: .body, descending: false, perPage: 1).items.map(\.bodyID) == [open.id])
            #expect(try await store.papers(readableBodies: [], ids: [papers[2].id, internalPaper.id, deleted.id]).items.map(\.record.value) == [papers[2]])
            #expect(try await store.papers(readableBodies: [], ids: []).total == 0)
            // Titles sort as German readers expect: "Übergang" as "uebergang", before "zukunft", whatever the case.
            _ = try await paper(12, "zukunft gestalten", body: open)
            #expect(try await store.papers(readableBodies: [closed.id], order: .title, descending: true, perPage: 2).items.map(\.record.value.title)
                    == ["zukunft gestalten", "Übergangslösung"])
        }
    }
}
