import Foundation
@testable import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaStore
import SoplaTestSupport
import Testing

/// The OParl content read page by page: what is public, what a page embeds, deleted objects for syncing clients.
@Suite("OParl as a service")
struct OParlServiceTests {
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let committee = Body(id: UUID(), name: "Jugendhilfeausschuss", kind: .youthWelfareCommittee, isPublic: true,
                         terms: [LegislativeTerm(id: UUID(), name: "2026–2031", start: Day(year: 2026, month: 4, day: 1)!)])
    let steering = Body(id: UUID(), name: "Steuerungsgruppe", kind: .steeringGroup, isPublic: false)
    let site = OParlService.Site(base: "https://kreis.example/oparl/v1", site: "https://kreis.example", website: "https://kreis.example/", ags: "06532",
                                 name: "Lahn-Dill-Kreis", shortName: "LDK", license: "https://www.govdata.de/dl-de/by-2-0",
                                 attachmentPath: { p, a in "/vorlagen/\(p)/anlagen/\(a)" })

    func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    @Test func listsShowOnlyPublicRecordsAndEmbedWhatTheirPageNeeds() async throws {
        try await TestDatabase.withDatabase { app in
            let store = ParticipationStore(database: app.db)
            for body in [committee, steering] { try await store.save(.body, id: body.id, body, label: body.name, actor: actor, at: now) }
            let anna = Person(id: UUID(), name: "Anna Beispiel"), bernd = Person(id: UUID(), name: "Bernd Intern")
            for person in [anna, bernd] { try await store.save(.person, id: person.id, person, label: person.name, actor: actor, at: now) }
            let seats = [Membership(id: UUID(), personID: anna.id, bodyID: committee.id, role: .chair, votingRight: true, start: Day(year: 2026, month: 4, day: 1)!),
                         Membership(id: UUID(), personID: bernd.id, bodyID: steering.id, role: .member, votingRight: true, start: Day(year: 2026, month: 4, day: 1)!)]
            for seat in seats { try await store.save(.membership, id: seat.id, seat, label: "Sitz", bodyID: seat.bodyID, actor: actor, at: now) }
            let plan = Paper(id: UUID(), reference: "JHA-1", title: "Jugendhilfeplan", type: .draftResolution, date: Day(year: 2026, month: 5, day: 1)!,
                             originator: "Sozialplanung", isPublic: true)
            let draft = Paper(id: UUID(), reference: "JHA-2", title: "Entwurf", type: .other, date: Day(year: 2026, month: 5, day: 2)!, originator: "Sozialplanung", isPublic: false)
            let criteria = Paper(id: UUID(), reference: "SG-1", title: "Vergabekriterien", type: .awardCriteria, date: Day(year: 2026, month: 5, day: 3)!,
                                 originator: "Sozialplanung", isPublic: true)
            for (paper, body) in [(plan, committee.id), (draft, committee.id), (criteria, steering.id)] {
                try await store.save(.paper, id: paper.id, paper, label: paper.title, bodyID: body, actor: actor, at: now)
            }
            let first = UUID(), second = UUID()
            try await store.save(.paperVersion, id: first, PaperVersion(paperID: plan.id, number: 1, text: "Erste Fassung", createdAt: now, createdBy: "Test"),
                                 label: "v1", bodyID: committee.id, actor: actor, at: now)
            try await store.save(.paperVersion, id: second, PaperVersion(paperID: plan.id, number: 2, text: "Zweite Fassung", createdAt: now, createdBy: "Test"),
                                 label: "v2", bodyID: committee.id, actor: actor, at: now)
            let meeting = Meeting(id: UUID(), bodyID: committee.id, name: "1. Sitzung", start: now, end: now.addingTimeInterval(7200), location: "Kreishaus, Raum 1")
            try await store.save(.meeting, id: meeting.id, meeting, label: meeting.name, bodyID: committee.id, actor: actor, at: now)
            let decide = AgendaItem(id: UUID(), meetingID: meeting.id, number: "2", title: "Jugendhilfeplan", isPublic: true, paperIDs: [plan.id, draft.id], role: .decision)
            let open = AgendaItem(id: UUID(), meetingID: meeting.id, number: "1", title: "Eröffnung", isPublic: true)
            let closed = AgendaItem(id: UUID(), meetingID: meeting.id, number: "3", title: "Personalangelegenheiten", isPublic: false)
            for item in [decide, open, closed] { try await store.save(.agendaItem, id: item.id, item, label: item.title, bodyID: committee.id, actor: actor, at: now) }

            let service = OParlService(participation: store, accounts: AccountStore(database: app.db), site: site, perPage: 2)
            let all = SyncWindow()
            let organizations = try await service.list(.organizations, window: all, organization: nil, page: 1)
            #expect(organizations.total == 1 && organizations.items.map(\.id) == ["https://kreis.example/oparl/v1/organization/\(id(committee.id))"])
            let persons = try await service.list(.persons, window: all, organization: nil, page: 1)
            guard case .person(let person) = try #require(persons.items.first) else { Issue.record("not a person"); return }
            #expect(persons.total == 1 && person.name == "Anna Beispiel" && person.membership.map(\.role) == ["Vorsitz"])

            let papers = try await service.list(.papers, window: all, organization: nil, page: 1)
            #expect(papers.total == 1)
            guard case .paper(let paper) = try #require(papers.items.first) else { Issue.record("not a paper"); return }
            #expect(paper.paperType == "Beschlussvorlage" && paper.mainFile?.name == "Fassung 2" && paper.auxiliaryFile?.map(\.name) == ["Fassung 1"])
            #expect(paper.mainFile?.sha1Checksum == Checksums.sha1(Data("Zweite Fassung".utf8)))
            // One consultation: the non-public draft on the same item stays out.
            #expect(paper.consultation.map(\.role) == ["Beschlussfassung"] && paper.consultation.first?.authoritative == true)

            let meetings = try await service.list(.meetings, window: all, organization: id(committee.id), page: 1)
            guard case .meeting(let shown) = try #require(meetings.items.first) else { Issue.record("not a meeting"); return }
            #expect(shown.agendaItem.map(\.name) == ["Eröffnung", "Jugendhilfeplan"] && shown.agendaItem.map(\.order) == [1, 2])
            #expect(shown.agendaItem.last?.consultation == paper.consultation.first?.id)
            #expect(shown.location?.description == "Kreishaus, Raum 1")
            #expect(try await service.list(.meetings, window: all, organization: id(steering.id), page: 1).total == 0)
            #expect(try await service.list(.meetings, window: all, organization: "kein-gremium", page: 1).total == 0)

            // Pages of two: both public agenda items on the first, none on the second.
            let items = try await service.list(.agendaItems, window: all, organization: nil, page: 1)
            #expect(items.total == 2 && items.items.count == 2)
            #expect(try await service.list(.agendaItems, window: all, organization: nil, page: 2).items.isEmpty)
            let files = try await service.list(.files, window: all, organization: nil, page: 1)
            #expect(files.total == 2)

            // Objects by address: a consultation and a place by their stable ids, the steering group's paper not at all.
            let consultation = try #require(paper.consultation.first)
            #expect(try await service.object(.consultation, id: String(consultation.id.split(separator: "/").last!)) == .consultation(consultation))
            #expect(try await service.object(.paper, id: id(criteria.id)) == nil)
            #expect(try await service.object(.paper, id: id(draft.id)) == nil)
            #expect(try await service.object(.location, id: OParlService.stableID("Kreishaus, Raum 1")) != nil)
            #expect(try await service.fileText(id: id(second)) == "Zweite Fassung")
            let terms = try await service.list(.legislativeTerms, window: all, organization: nil, page: 1)
            #expect(terms.total == 1)

            // A change to what an object embeds changes the object: an ended seat its person, a new agenda item its meeting and
            // the paper it names.
            let later = now.addingTimeInterval(30)
            var ended = seats[0]
            ended.end = Day(year: 2026, month: 6, day: 30)
            try await store.save(.membership, id: ended.id, ended, label: "Sitz", bodyID: committee.id, actor: actor, at: later)
            let addition = AgendaItem(id: UUID(), meetingID: meeting.id, number: "4", title: "Verschiedenes", isPublic: true, paperIDs: [plan.id])
            try await store.save(.agendaItem, id: addition.id, addition, label: addition.title, bodyID: committee.id, actor: actor, at: later)
            let since = SyncWindow(modifiedSince: now.addingTimeInterval(1))
            #expect(try await service.list(.persons, window: since, organization: nil, page: 1).items.map(\.id) == [person.id])
            #expect(try await service.list(.meetings, window: since, organization: nil, page: 1).items.map(\.id) == [shown.id])
            #expect(try await service.list(.papers, window: since, organization: nil, page: 1).items.map(\.id) == [paper.id])
            #expect(try await service.list(.organizations, window: since, organization: nil, page: 1).total == 0)

            // A deleted paper leaves the lists; a client that syncs (modified_since) sees its tombstone, as does its address.
            try await store.delete(.paper, id: plan.id, actor: actor, at: now.addingTimeInterval(60))
            #expect(try await service.list(.papers, window: all, organization: nil, page: 1).total == 0)
            let sync = try await service.list(.papers, window: SyncWindow(modifiedSince: now), organization: nil, page: 1)
            guard case .deleted(let tombstone) = try #require(sync.items.first) else { Issue.record("no tombstone"); return }
            #expect(tombstone.type == "https://schema.oparl.org/1.1/Paper" && tombstone.deleted)
            #expect(try await service.object(.paper, id: id(plan.id)) == .deleted(tombstone))
            #expect(try await service.list(.papers, window: SyncWindow(createdSince: now.addingTimeInterval(1)), organization: nil, page: 1).total == 0)

            let body = try await service.body()
            #expect(body.legislativeTerm.map(\.name) == ["Jugendhilfeausschuss: 2026–2031"] && body.paper == "https://kreis.example/oparl/v1/body/06532/papers")
            let encoded = String(decoding: try OParl.encode(body), as: UTF8.self)
            #expect(encoded.contains("\"locationList\":\"https://kreis.example/oparl/v1/body/06532/locations\""))
        }
    }
}
