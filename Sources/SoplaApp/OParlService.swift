import Foundation
import SoplaCore
import SoplaFormats
import SoplaStore

/// The OParl 1.1 read API's content: the county as the one body, its public bodies as organisations, with persons,
/// memberships, meetings, agenda items, papers, consultations, files, locations and legislative terms. Only public
/// data: internal bodies and non-public items stay out. Every list reads one page from the database and what that
/// page's objects embed, never the whole graph.
public struct OParlService: Sendable {
    /// Where the API lives and what it says of the county.
    public struct Site: Sendable {
        /// The API's base address (`…/oparl/v1`).
        public let base: String
        /// The site's own address, without a trailing slash (attachments are served by the paper pages).
        public let site: String
        public let website: String
        public let ags: String
        public let name: String
        public let shortName: String
        public let license: String
        /// The path of a paper's attachment on the site.
        public let attachmentPath: @Sendable (_ paper: UUID, _ attachment: UUID) -> String

        public init(base: String, site: String, website: String, ags: String, name: String, shortName: String, license: String,
                    attachmentPath: @escaping @Sendable (_ paper: UUID, _ attachment: UUID) -> String) {
            self.attachmentPath = attachmentPath
            self.base = base
            self.site = site
            self.website = website
            self.ags = ags
            self.name = name
            self.shortName = shortName
            self.license = license
        }
    }

    public enum ListName: String, Sendable, CaseIterable {
        case organizations, persons, meetings, papers, memberships, agendaItems, consultations, files, locations, legislativeTerms
    }

    public enum ObjectType: String, Sendable, CaseIterable {
        case organization, person, membership, meeting, agendaItem, paper, consultation, file, location, legislativeTerm
    }

    public let participation: ParticipationStore
    public let accounts: AccountStore
    public let site: Site
    /// Objects per list page.
    public let perPage: Int

    public init(participation: ParticipationStore, accounts: AccountStore, site: Site, perPage: Int = 50) {
        self.participation = participation
        self.accounts = accounts
        self.site = site
        self.perPage = perPage
    }

    // MARK: Addresses

    var county: String { "\(site.base)/body/\(site.ags)" }
    func url(_ type: ObjectType, _ id: String) -> String { "\(site.base)/\(type.rawValue)/\(id)" }
    func url(_ type: ObjectType, _ id: UUID) -> String { url(type, Self.id(id)) }
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static func stamp(_ date: Date) -> String { date.formatted(.iso8601) }

    /// A stable id for an object without a record of its own (a consultation, a place): 32 hexadecimal digits.
    public static func stableID(_ text: String) -> String { String(Checksums.sha1(Data(text.utf8)).prefix(32)) }

    static func consultationID(item: UUID, paper: UUID) -> String { stableID(id(item) + "/" + id(paper)) }

    // MARK: System and body

    public func system() async throws -> OParl.System {
        let span = try await self.span()
        return OParl.System(id: "\(site.base)/system", body: "\(site.base)/bodies", name: "sopla – Sozialplanung " + site.name, product: "https://github.com/sopla",
                            vendor: "sopla", website: site.site + "/", license: site.license, created: span.created, modified: span.modified)
    }

    public func body() async throws -> OParl.Body {
        let span = try await self.span()
        let terms = try await legislativeTerms().filter { !$0.deleted }.map(\.term).sorted { $0.id < $1.id }
        return OParl.Body(id: county, system: "\(site.base)/system", name: site.name, shortName: site.shortName, ags: site.ags, website: site.website,
                          license: site.license, legislativeTerm: terms, created: span.created, modified: span.modified)
    }

    /// The first creation and the latest change of everything published.
    func span() async throws -> (created: String, modified: String) {
        let span = try await participation.publicSpan(PublicRecords.allCases)
        let epoch = Date(timeIntervalSince1970: 0)
        return (Self.stamp(span.created ?? epoch), Self.stamp(span.modified ?? epoch))
    }

    // MARK: Lists

    /// Page `page` (from 1) of a list in the window; `organization` (an organisation's id) keeps the meetings,
    /// memberships and consultations of that organisation, and leaves the other lists empty.
    public func list(_ name: ListName, window: SyncWindow, organization: String?, page: Int) async throws -> (items: [OParl.Object], total: Int) {
        let offset = (max(1, page) - 1) * perPage, limit = perPage
        let body: UUID? = organization.flatMap { UUID(uuidString: $0) }
        if organization != nil, body == nil || ![.meetings, .memberships, .consultations].contains(name) { return ([], 0) }
        switch name {
        case .organizations:
            let page = try await participation.publicPage(.bodies, as: Body.self, window: window, offset: offset, limit: limit)
            let publicBodies = try await publicBodyIDs()
            return (page.items.map { record in entry(record, .organization) { .organization(self.organization(record, publicBodies: publicBodies)) } }, page.total)
        case .memberships:
            let page = try await participation.publicPage(.memberships, as: Membership.self, window: window, bodyID: body, offset: offset, limit: limit)
            let names = try await organisationNames()
            return (page.items.map { record in entry(record, .membership) { .membership(membership(record, names: names)) } }, page.total)
        case .persons:
            let page = try await participation.publicPage(.persons, as: Person.self, window: window, offset: offset, limit: limit)
            let memberships = try await participation.publicRecords(.memberships, as: Membership.self, ids: page.items.map(\.id), column: "person_id", includeDeleted: false)
            let names = try await organisationNames()
            return (page.items.map { record in
                entry(record, .person) { .person(person(record, memberships: memberships.filter { $0.value.personID == record.id }, names: names)) }
            }, page.total)
        case .meetings:
            let page = try await participation.publicPage(.meetings, as: Meeting.self, window: window, bodyID: body, offset: offset, limit: limit)
            let items = try await agendaItems(ofMeetings: page.items.map(\.id))
            let papers = try await participation.publicPaperIDs(among: Set(items.flatMap(\.value.paperIDs)))
            return (page.items.map { record in
                entry(record, .meeting) { .meeting(meeting(record, items: items.filter { $0.value.meetingID == record.id }, publicPapers: papers)) }
            }, page.total)
        case .agendaItems:
            let page = try await participation.publicPage(.agendaItems, as: AgendaItem.self, window: window, offset: offset, limit: limit)
            let siblings = try await agendaItems(ofMeetings: Array(Set(page.items.map(\.value.meetingID))))
            let papers = try await participation.publicPaperIDs(among: Set(page.items.flatMap(\.value.paperIDs)))
            return (page.items.map { record in
                entry(record, .agendaItem) { .agendaItem(agendaItem(record, siblings: siblings, publicPapers: papers)) }
            }, page.total)
        case .papers:
            let page = try await participation.publicPage(.papers, as: Paper.self, window: window, offset: offset, limit: limit)
            let papers = try await paperObjects(page.items)
            return (page.items.map { record in entry(record, .paper) { .paper(papers[record.id]!) } }, page.total)
        case .files:
            // Attachments first (few, kept whole), then the versions page by page.
            let attachments = try await participation.publicAttachments().filter { window.contains(created: $0.createdAt, modified: $0.createdAt, deleted: false) }
            let shown = attachments.dropFirst(offset).prefix(limit).map { OParl.Object.file(attachmentFile($0)) }
            let versions = try await participation.publicPage(.paperVersions, as: PaperVersion.self, window: window, offset: max(0, offset - attachments.count),
                                                              limit: limit - shown.count)
            return (shown + versions.items.map { record in entry(record, .file) { .file(versionFile(record)) } }, attachments.count + versions.total)
        case .consultations:
            let all = try await consultations().filter { window.contains(created: $0.created, modified: $0.modified, deleted: false) && (body == nil || $0.bodyID == body) }
            return (all.dropFirst(offset).prefix(limit).map { .consultation($0.object) }, all.count)
        case .locations:
            let all = try await locations().filter { window.contains(created: $0.created, modified: $0.modified, deleted: false) }
            return (all.dropFirst(offset).prefix(limit).map { .location($0.object) }, all.count)
        case .legislativeTerms:
            let all = try await legislativeTerms().filter { window.contains(created: $0.created, modified: $0.modified, deleted: $0.deleted) }
            return (all.dropFirst(offset).prefix(limit).map { term in
                term.deleted ? .deleted(OParl.Tombstone(id: term.term.id, type: term.term.type, created: term.term.created, modified: term.term.modified)) : .legislativeTerm(term.term)
            }, all.count)
        }
    }

    // MARK: Objects

    /// One object by type and id; a deleted one as its tombstone; nil when there is none or it is not public.
    public func object(_ type: ObjectType, id: String) async throws -> OParl.Object? {
        let uuid = UUID(uuidString: id)
        func one<Value: Codable & Sendable>(_ list: PublicRecords, _ value: Value.Type) async throws -> ParticipationRecord<Value>? {
            guard let uuid else { return nil }
            return try await participation.publicRecords(list, as: value, ids: [uuid]).first
        }
        switch type {
        case .organization:
            guard let record = try await one(.bodies, Body.self) else { return nil }
            let publicBodies = try await publicBodyIDs()
            return entry(record, .organization) { .organization(self.organization(record, publicBodies: publicBodies)) }
        case .membership:
            guard let record = try await one(.memberships, Membership.self) else { return nil }
            let names = try await organisationNames()
            return entry(record, .membership) { .membership(membership(record, names: names)) }
        case .person:
            guard let record = try await one(.persons, Person.self) else { return nil }
            let memberships = try await participation.publicRecords(.memberships, as: Membership.self, ids: [record.id], column: "person_id", includeDeleted: false)
            let names = try await organisationNames()
            return entry(record, .person) { .person(person(record, memberships: memberships, names: names)) }
        case .meeting:
            guard let record = try await one(.meetings, Meeting.self) else { return nil }
            let items = try await agendaItems(ofMeetings: [record.id])
            let papers = try await participation.publicPaperIDs(among: Set(items.flatMap(\.value.paperIDs)))
            return entry(record, .meeting) { .meeting(meeting(record, items: items, publicPapers: papers)) }
        case .agendaItem:
            guard let record = try await one(.agendaItems, AgendaItem.self) else { return nil }
            let siblings = try await agendaItems(ofMeetings: [record.value.meetingID])
            let papers = try await participation.publicPaperIDs(among: Set(record.value.paperIDs))
            return entry(record, .agendaItem) { .agendaItem(agendaItem(record, siblings: siblings, publicPapers: papers)) }
        case .paper:
            guard let record = try await one(.papers, Paper.self) else { return nil }
            let papers = try await paperObjects([record])
            return entry(record, .paper) { .paper(papers[record.id]!) }
        case .file:
            if let record = try await one(.paperVersions, PaperVersion.self) { return entry(record, .file) { .file(versionFile(record)) } }
            return try await participation.publicAttachments().first { Self.id($0.id) == id.lowercased() }.map { .file(attachmentFile($0)) }
        case .consultation:
            return try await consultations().first { $0.object.id == url(.consultation, id.lowercased()) }.map { .consultation($0.object) }
        case .location:
            return try await locations().first { $0.object.id == url(.location, id.lowercased()) }.map { .location($0.object) }
        case .legislativeTerm:
            guard let term = try await legislativeTerms().first(where: { $0.term.id == url(.legislativeTerm, id.lowercased()) }) else { return nil }
            return term.deleted ? .deleted(OParl.Tombstone(id: term.term.id, type: term.term.type, created: term.term.created, modified: term.term.modified))
                : .legislativeTerm(term.term)
        }
    }

    /// The text of a paper version published as a file; nil when there is none, it is deleted or not public.
    public func fileText(id: String) async throws -> String? {
        guard let uuid = UUID(uuidString: id), let record = try await participation.publicRecords(.paperVersions, as: PaperVersion.self, ids: [uuid]).first,
              !record.deleted else { return nil }
        return record.value.text
    }

    // MARK: Building objects

    /// The object of a record, or its tombstone when the record is deleted.
    func entry<Value>(_ record: ParticipationRecord<Value>, _ type: ObjectType, _ make: () -> OParl.Object) -> OParl.Object {
        guard record.deleted else { return make() }
        let name = type.rawValue.prefix(1).uppercased() + type.rawValue.dropFirst()
        return .deleted(OParl.Tombstone(id: url(type, record.id), type: OParl.type(name), created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt)))
    }

    func publicBodyIDs() async throws -> Set<UUID> {
        Set(try await participation.all(.body, as: Body.self, includeDeleted: true).filter { $0.value.isPublic }.map(\.id))
    }

    func organisationNames() async throws -> [UUID: String] {
        Dictionary(try await accounts.organisations().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    func organization(_ record: ParticipationRecord<Body>, publicBodies: Set<UUID>) -> OParl.Organization {
        let b = record.value
        return OParl.Organization(id: url(.organization, b.id), body: county, name: b.name, shortName: b.shortName, organizationType: "Gremium",
                                  classification: b.kind.rawValue, subOrganizationOf: b.parentID.flatMap { publicBodies.contains($0) ? url(.organization, $0) : nil },
                                  meeting: "\(county)/meetings?organization=\(Self.id(b.id))", created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt))
    }

    /// The terms of every public body, with the body's times; deleted with their body.
    func legislativeTerms() async throws -> [(term: OParl.LegislativeTerm, created: Date, modified: Date, deleted: Bool)] {
        try await participation.all(.body, as: Body.self, includeDeleted: true).filter { $0.value.isPublic }.flatMap { record in
            record.value.terms.map { term in
                (OParl.LegislativeTerm(id: url(.legislativeTerm, term.id), body: county, name: record.value.name + ": " + term.name, startDate: term.start.iso,
                                       endDate: term.end?.iso, created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt)),
                 record.createdAt, record.modifiedAt, record.deleted)
            }
        }.sorted { ($0.created, $0.term.id) < ($1.created, $1.term.id) }
    }

    static let roleNames: [MembershipRole: String] = [.chair: "Vorsitz", .deputy: "Stellvertretender Vorsitz", .member: "Mitglied", .advisory: "Beratendes Mitglied",
                                                      .guest: "Gast"]

    func membership(_ record: ParticipationRecord<Membership>, names: [UUID: String]) -> OParl.Membership {
        let m = record.value
        return OParl.Membership(id: url(.membership, m.id), person: url(.person, m.personID), organization: url(.organization, m.bodyID),
                                role: (Self.roleNames[m.role] ?? m.role.rawValue) + (m.onBehalfOf.flatMap { names[$0] }.map { " (für \($0))" } ?? ""),
                                votingRight: m.votingRight, startDate: m.start.iso, endDate: m.end?.iso, created: Self.stamp(record.createdAt),
                                modified: Self.stamp(record.modifiedAt))
    }

    func person(_ record: ParticipationRecord<Person>, memberships: [ParticipationRecord<Membership>], names: [UUID: String]) -> OParl.Person {
        OParl.Person(id: url(.person, record.id), body: county, name: record.value.name, membership: memberships.map { membership($0, names: names) },
                     created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt))
    }

    /// Live public agenda items of the meetings.
    func agendaItems(ofMeetings meetings: [UUID]) async throws -> [ParticipationRecord<AgendaItem>] {
        try await participation.publicRecords(.agendaItems, as: AgendaItem.self, ids: meetings, column: "meeting_id", includeDeleted: false)
    }

    static let meetingStates = ["planned": "terminiert", "invited": "eingeladen", "held": "durchgeführt", "cancelled": "abgesagt"]

    func meeting(_ record: ParticipationRecord<Meeting>, items: [ParticipationRecord<AgendaItem>], publicPapers: Set<UUID>) -> OParl.Meeting {
        let m = record.value
        let location = m.location.map { place in
            OParl.Location(id: url(.location, Self.stableID(place)), description: place, bodies: [county], created: Self.stamp(record.createdAt),
                           modified: Self.stamp(record.modifiedAt))
        }
        let own = items.filter { $0.value.meetingID == m.id }
        let records = Dictionary(own.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = AgendaItem.ordered(own.map(\.value)).compactMap { records[$0.id] }
        return OParl.Meeting(id: url(.meeting, m.id), name: m.name, meetingState: Self.meetingStates[m.state.rawValue], cancelled: m.state == .cancelled,
                             start: Self.stamp(m.start), end: Self.stamp(m.end), organization: [url(.organization, m.bodyID)], location: location,
                             agendaItem: ordered.map { agendaItem($0, siblings: own, publicPapers: publicPapers) },
                             created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt))
    }

    /// An agenda item; its order is its place among the live public items of its meeting.
    func agendaItem(_ record: ParticipationRecord<AgendaItem>, siblings: [ParticipationRecord<AgendaItem>], publicPapers: Set<UUID>) -> OParl.AgendaItem {
        let item = record.value
        let ordered = AgendaItem.ordered(siblings.filter { $0.value.meetingID == item.meetingID }.map(\.value))
        let order = (ordered.firstIndex { $0.id == item.id } ?? ordered.count) + 1
        return OParl.AgendaItem(id: url(.agendaItem, item.id), meeting: url(.meeting, item.meetingID), number: item.number, order: order, name: item.title,
                                result: item.result, resolutionText: item.resolutionText,
                                consultation: item.paperIDs.first(where: publicPapers.contains).map { url(.consultation, Self.consultationID(item: item.id, paper: $0)) },
                                created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt))
    }

    static let roles = ["information": "Kenntnisnahme", "advice": "Beratung", "decision": "Beschlussfassung"]

    /// The consultations of an agenda item: one per public paper it names.
    func consultations(of record: ParticipationRecord<AgendaItem>, bodyID: UUID, publicPapers: Set<UUID>) -> [OParl.Consultation] {
        let item = record.value
        let decides = item.role == .decision || (item.role == nil && item.resolutionText != nil)
        return item.paperIDs.filter(publicPapers.contains).map { paper in
            OParl.Consultation(id: url(.consultation, Self.consultationID(item: item.id, paper: paper)), paper: url(.paper, paper), agendaItem: url(.agendaItem, item.id),
                               meeting: url(.meeting, item.meetingID), organization: [url(.organization, bodyID)], authoritative: decides,
                               role: Self.roles[(item.role ?? (item.resolutionText != nil ? .decision : .advice)).rawValue] ?? "Beratung",
                               created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt))
        }
    }

    /// Every consultation: the public papers named by live public agenda items, oldest item first.
    func consultations(naming papers: [UUID]? = nil) async throws -> [(object: OParl.Consultation, bodyID: UUID, created: Date, modified: Date)] {
        let items = try await participation.publicAgendaItemsWithPapers(naming: papers)
        let publicPapers = try await participation.publicPaperIDs(among: Set(items.flatMap(\.value.paperIDs)))
        let meetings = Dictionary(try await participation.publicRecords(.meetings, as: Meeting.self, ids: Array(Set(items.map(\.value.meetingID)))).map { ($0.id, $0.value.bodyID) },
                                  uniquingKeysWith: { a, _ in a })
        return items.flatMap { record in
            guard let body = meetings[record.value.meetingID] else { return [(object: OParl.Consultation, bodyID: UUID, created: Date, modified: Date)]() }
            return consultations(of: record, bodyID: body, publicPapers: publicPapers).map { ($0, body, record.createdAt, record.modifiedAt) }
        }
    }

    func locations() async throws -> [(object: OParl.Location, created: Date, modified: Date)] {
        try await participation.publicMeetingPlaces().map { place in
            (OParl.Location(id: url(.location, Self.stableID(place.place)), description: place.place, bodies: [county], created: Self.stamp(place.created),
                            modified: Self.stamp(place.modified)), place.created, place.modified)
        }.sorted { ($0.created, $0.object.id) < ($1.created, $1.object.id) }
    }

    func versionFile(_ record: ParticipationRecord<PaperVersion>) -> OParl.File {
        let v = record.value
        let data = Data(v.text.utf8)
        let address = url(.file, record.id)
        return OParl.File(id: address, name: "Fassung \(v.number)", fileName: "fassung-\(v.number).txt", mimeType: "text/plain", date: Day(v.createdAt).iso,
                          size: data.count, sha1Checksum: Checksums.sha1(data), sha512Checksum: Checksums.sha512(data), text: v.text,
                          accessUrl: address + "/download", downloadUrl: address + "/download", paper: [url(.paper, v.paperID)],
                          created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt))
    }

    /// An attachment of a public paper; its bytes are served by the paper's page.
    func attachmentFile(_ attachment: Attachment) -> OParl.File {
        let address = site.site + site.attachmentPath(attachment.paperID, attachment.id)
        return OParl.File(id: url(.file, attachment.id), name: attachment.fileName, fileName: attachment.fileName, mimeType: attachment.mediaType,
                          date: Day(attachment.createdAt).iso, size: attachment.size, sha1Checksum: attachment.sha1, sha512Checksum: attachment.sha512, text: nil,
                          accessUrl: address, downloadUrl: address, paper: [url(.paper, attachment.paperID)], created: Self.stamp(attachment.createdAt),
                          modified: Self.stamp(attachment.createdAt))
    }

    static let paperTypes: [PaperType: String] = [.planningReport: "Bericht", .draftResolution: "Beschlussvorlage", .recommendation: "Empfehlung", .guideline: "Richtlinie",
                                                  .awardCriteria: "Vergabekriterien", .applicationChecklist: "Antragscheckliste", .statement: "Stellungnahme",
                                                  .minutes: "Niederschrift", .other: "Sonstiges"]

    /// The papers with their files (the latest version as the main file, earlier ones and attachments as further
    /// files) and consultations, read for these papers only.
    func paperObjects(_ records: [ParticipationRecord<Paper>]) async throws -> [UUID: OParl.Paper] {
        let ids = records.map(\.id)
        let versions = try await participation.publicRecords(.paperVersions, as: PaperVersion.self, ids: ids, column: "paper_id", includeDeleted: false)
        let attachments = try await participation.publicAttachments(papers: ids)
        let consultations = try await consultations(naming: ids)
        var result: [UUID: OParl.Paper] = [:]
        for record in records {
            let p = record.value
            let files = versions.filter { $0.value.paperID == p.id }.sorted { $0.value.number < $1.value.number }.map(versionFile)
            let auxiliary = files.dropLast() + attachments.filter { $0.paperID == p.id }.map(attachmentFile)
            let address = url(.paper, p.id)
            result[p.id] = OParl.Paper(id: address, body: county, name: p.title, reference: p.reference, date: p.date.iso, paperType: Self.paperTypes[p.type] ?? p.type.rawValue,
                                       mainFile: files.last, auxiliaryFile: auxiliary.isEmpty ? nil : Array(auxiliary),
                                       consultation: consultations.map(\.object).filter { $0.paper == address }.sorted { $0.id < $1.id },
                                       created: Self.stamp(record.createdAt), modified: Self.stamp(record.modifiedAt))
        }
        return result
    }
}
