import Foundation
import SoplaCore
import SoplaStore



/// The steering group of the county's social planning with its working groups, the youth welfare committee, the council
/// and its social committee; invented persons (marked "Beispiel"), three planning processes with papers, two past
/// meetings with minutes and resolutions, one coming meeting, an open consultation with statements and measures in
/// several states. Ids are fixed so the demo is the same every time.
enum DemoParticipation {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "5b0c1e2a-0100-4000-8000-%012d", n))! }

    static let steering = id(1), agServices = id(2), agYouth = id(3), youthCommittee = id(4), council = id(5), socialCommittee = id(6)

    static let bodies: [Body] = [
        Body(id: steering, name: "Steuerungsgruppe Sozialplanung (Beispiel)", shortName: "Steuerungsgruppe", kind: .steeringGroup, isPublic: false,
             terms: [LegislativeTerm(id: id(11), name: "2021–2026", start: Day(year: 2021, month: 4, day: 1)!, end: Day(year: 2026, month: 3, day: 31)!),
                     LegislativeTerm(id: id(12), name: "2026–2031", start: Day(year: 2026, month: 4, day: 1)!)]),
        Body(id: agServices, name: "AG Beratungsangebote (Beispiel)", shortName: "AG Beratung", kind: .workingGroup, parentID: steering, isPublic: false),
        Body(id: agYouth, name: "AG Kinder- und Jugendhilfe (Beispiel)", shortName: "AG Jugend", kind: .workingGroup, parentID: steering, isPublic: false),
        Body(id: youthCommittee, name: "Jugendhilfeausschuss (Beispiel)", shortName: "JHA", kind: .youthWelfareCommittee, isPublic: true,
             terms: [LegislativeTerm(id: id(13), name: "Wahlperiode 2021–2026", start: Day(year: 2021, month: 4, day: 1)!, end: Day(year: 2026, month: 3, day: 31)!)]),
        Body(id: council, name: "Kreistag (Beispiel)", kind: .council, isPublic: true,
             terms: [LegislativeTerm(id: id(14), name: "Wahlperiode 2021–2026", start: Day(year: 2021, month: 4, day: 1)!, end: Day(year: 2026, month: 3, day: 31)!)]),
        Body(id: socialCommittee, name: "Ausschuss für Soziales, Familie und Gesundheit (Beispiel)", shortName: "Sozialausschuss", kind: .committee,
             parentID: council, isPublic: true),
    ]

    /// Person, the organisation they speak for (demo organisation name or nil), body, role, voting.
    static let seats: [(String, String?, UUID, MembershipRole, Bool)] = [
        ("Dr. Sabine Sommer (Beispiel)", DemoAccounts.county, steering, .chair, true),
        ("Paul Planer (Beispiel)", DemoAccounts.county, steering, .member, true),
        ("Frauke Fromm (Beispiel), Frauenbeauftragte", DemoAccounts.county, steering, .member, true),
        ("Walter Wetz (Beispiel), Stadt Wetzlar", nil, steering, .member, true),
        ("Gisela Gremm (Beispiel)", DemoAccounts.league, steering, .deputy, true),
        ("Gemma Psych (Beispiel), Netzwerk Gemeindepsychiatrie", nil, steering, .member, true),
        ("Jonas Job (Beispiel)", "Jobcenter (Beispiel)", steering, .member, true),
        ("Anja Arbeit (Beispiel), Agentur für Arbeit", nil, steering, .advisory, false),
        ("Hanna Hilfe (Beispiel), Vorsitz Jugendhilfeausschuss", nil, steering, .member, true),
        ("Tina Träger (Beispiel)", DemoAccounts.counselling, agServices, .member, true),
        ("Lars Lindner (Beispiel)", DemoAccounts.familyCentre, agYouth, .member, true),
        ("Hanna Hilfe (Beispiel), Vorsitz Jugendhilfeausschuss", nil, youthCommittee, .chair, true),
        ("Klaus Kreis (Beispiel)", nil, youthCommittee, .member, true),
        ("Maria Mitte (Beispiel)", nil, youthCommittee, .member, true),
        ("Gisela Gremm (Beispiel)", DemoAccounts.league, youthCommittee, .member, true),
        ("Klaus Kreis (Beispiel)", nil, socialCommittee, .chair, true),
        ("Maria Mitte (Beispiel)", nil, socialCommittee, .member, true),
        ("Otto Ost (Beispiel)", nil, socialCommittee, .member, true),
    ]

    static func person(_ name: String) -> Person {
        let index = Array(Set(seats.map(\.0))).sorted().firstIndex(of: name)!
        return Person(id: id(100 + index), name: name)
    }

    /// Adds the demo once; does nothing when bodies exist.
    @discardableResult
    static func seed(store: ParticipationStore, accounts: AccountStore, clock: Clock) async throws -> Int {
        guard try await store.all(.body, as: Body.self).isEmpty else { return 0 }
        let actor = AuditActor.system("sopla demo")
        let now = clock.now()
        let organisations = Dictionary(try await accounts.organisations().map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        for body in bodies { try await store.save(.body, id: body.id, body, label: body.name, bodyID: body.id, actor: actor, at: now) }
        let users = Dictionary(try await accounts.users().map { ($0.displayName, $0.id) }, uniquingKeysWith: { a, _ in a })
        for name in Set(seats.map(\.0)).sorted() {
            var p = person(name)
            p.userID = users[name]
            // Invented addresses of the demo's domain.
            let words = name.replacingOccurrences(of: "Dr. ", with: "").split(separator: " ").prefix(2).map { $0.lowercased().folding(options: .diacriticInsensitive, locale: nil) }
            p.email = p.userID == nil ? words.joined(separator: ".") + "@demo.sopla.example" : nil
            try await store.save(.person, id: p.id, p, label: p.name, actor: actor, at: now)
        }
        for (index, seat) in seats.enumerated() {
            let membership = Membership(id: id(200 + index), personID: person(seat.0).id, bodyID: seat.2, role: seat.3, onBehalfOf: seat.1.flatMap { organisations[$0] },
                                        votingRight: seat.4, start: Day(year: 2021, month: 4, day: 1)!)
            try await store.save(.membership, id: membership.id, membership, label: seat.0, bodyID: seat.2, actor: actor, at: now)
        }
        // Papers of the three planning processes.
        let today = clock.today
        let papers: [(Int, String, String, PaperType, UUID, Bool, String)] = [
            (301, "SP/2025/01", "Bericht: Erziehungs- und Familienberatung im Kreis (Beispiel)", .planningReport, steering, false,
             "Die Erziehungsberatung erreicht im Norden des Kreises weniger Familien; empfohlen wird eine Außenstelle in Haiger."),
            (302, "JHA/2025/07", "Empfehlung: Sicherstellung der Erziehungsberatung nach SGB VIII (Beispiel)", .recommendation, youthCommittee, true,
             "Der Jugendhilfeausschuss empfiehlt, die Erziehungsberatung im Norden um eine Vollzeitstelle zu verstärken."),
            (303, "SP/2025/04", "Bericht: Schwangerschaftskonfliktberatung (Beispiel)", .planningReport, steering, false,
             "Nach SchKG § 4 fehlen im Kreis rechnerisch 1,6 Vollzeitstellen."),
            (304, "KT/2025/112", "Beschlussvorlage: Förderrichtlinie geschlechtergerechte Jugendarbeit (Beispiel)", .draftResolution, socialCommittee, true,
             "Der Kreistag beschließt die Förderrichtlinie in der Fassung der Anlage."),
            (305, "SP/2026/01", "Entwurf: Vergabekriterien Beratungsangebote (Beispiel)", .awardCriteria, steering, false,
             "1. Erreichbarkeit  2. Prävention  3. Vernetzung  4. Qualitätssicherung"),
        ]
        for paper in papers {
            let value = Paper(id: id(paper.0), reference: paper.1, title: paper.2, type: paper.3, date: Day(year: 2025, month: 10, day: 1)!,
                              originator: "Fachdienst Sozialplanung (Beispiel)", isPublic: paper.5)
            try await store.save(.paper, id: value.id, value, label: value.title, bodyID: paper.4, actor: actor, at: now)
            let version = PaperVersion(paperID: value.id, number: 1, text: paper.6, createdAt: now, createdBy: "Paul Planer (Beispiel)")
            try await store.save(.paperVersion, id: id(paper.0 + 100), version, label: value.reference + " v1", bodyID: paper.4, actor: actor, at: now)
        }
        // Two past meetings with minutes and resolutions, one coming meeting.
        func at(_ day: Day, _ hour: Int) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
            return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour))!
        }
        let meetings: [(Int, UUID, String, Day, MeetingState)] = [
            (501, youthCommittee, "12. Sitzung des Jugendhilfeausschusses (Beispiel)", Day(year: 2025, month: 10, day: 15)!, .held),
            (502, socialCommittee, "8. Sitzung des Sozialausschusses (Beispiel)", Day(year: 2025, month: 11, day: 5)!, .held),
            (503, steering, "Steuerungsgruppe Sozialplanung (Beispiel)", Day(year: today.year + (today.month == 12 ? 1 : 0), month: today.month % 12 + 1, day: 12)!, .invited),
        ]
        for meeting in meetings {
            let value = Meeting(id: id(meeting.0), bodyID: meeting.1, name: meeting.2, start: at(meeting.3, 17), end: at(meeting.3, 19),
                                location: "Kreishaus Wetzlar, Karl-Kellner-Ring 51, Raum 120 (Beispiel)", state: meeting.4)
            try await store.save(.meeting, id: value.id, value, label: value.name, bodyID: meeting.1, actor: actor, at: now)
        }
        let items: [(Int, Int, String, String, Bool, [Int], String?, String?)] = [
            (601, 501, "1", "Eröffnung und Feststellung der Beschlussfähigkeit", true, [], "festgestellt", nil),
            (602, 501, "2", "Sicherstellung der Erziehungsberatung nach SGB VIII", true, [302], "einstimmig beschlossen",
             "Der Jugendhilfeausschuss empfiehlt dem Kreistag, die Erziehungsberatung im Norden um eine Vollzeitstelle zu verstärken."),
            (603, 501, "3", "Personalangelegenheiten", false, [], "beraten", nil),
            (604, 502, "1", "Förderrichtlinie geschlechtergerechte Jugendarbeit", true, [304], "beschlossen",
             "Der Ausschuss empfiehlt dem Kreistag, die Förderrichtlinie zu beschließen."),
            (605, 503, "1", "Vergabekriterien Beratungsangebote: Ergebnis der Stellungnahmen", false, [305], nil, nil),
            (606, 503, "2", "Bestandserhebung der Angebote: Stand", false, [], nil, nil),
        ]
        for item in items {
            let value = AgendaItem(id: id(item.0), meetingID: id(item.1), number: item.2, title: item.3, isPublic: item.4, paperIDs: item.5.map(id), result: item.6,
                                   resolutionText: item.7, role: item.5.isEmpty ? nil : (item.7 == nil ? .advice : .decision))
            let body = meetings.first { $0.0 == item.1 }!.1
            try await store.save(.agendaItem, id: value.id, value, label: value.title, bodyID: body, actor: actor, at: now)
        }
        // Who came: every member of the youth welfare committee and of the social committee.
        for (n, meeting, body) in [(511, 501, youthCommittee), (512, 502, socialCommittee)] {
            let present = Dictionary(seats.filter { $0.2 == body }.map { (person($0.0).id, AttendanceStatus.present) }, uniquingKeysWith: { a, _ in a })
            let name = meetings.first { $0.0 == meeting }!.2
            try await store.save(.attendance, id: id(n), Attendance(meetingID: id(meeting), statuses: present), label: name, bodyID: body, actor: actor, at: now)
        }
        let resolutions: [(Int, Int, Vote, Int)] = [(701, 602, .unanimous, 302), (702, 604, .counted(yes: 2, no: 0, abstain: 1), 304)]
        for r in resolutions {
            let item = items.first { $0.0 == r.1 }!
            let value = Resolution(id: id(r.0), agendaItemID: id(r.1), vote: r.2, text: item.7 ?? "", paperID: id(r.3), paperVersion: 1, isPublic: true)
            try await store.save(.resolution, id: value.id, value, label: item.3, bodyID: meetings.first { $0.0 == item.1 }!.1, actor: actor, at: now)
        }
        // An open consultation on the award criteria for the steering group and one provider without a seat in it, with two statements.
        let process = StatementProcess(id: id(801), paperID: id(305), version: 1, bodies: [steering],
                                       organisations: Set([organisations[DemoAccounts.familyCentre]].compactMap { $0 }),
                                       opensAt: now.addingTimeInterval(-7 * 86_400), deadline: now.addingTimeInterval(14 * 86_400))
        try await store.save(.statementProcess, id: process.id, process, label: "Stellungnahmen zu SP/2026/01", bodyID: steering, actor: actor, at: now)
        for (n, author, section, text) in [(802, "Gisela Gremm (Beispiel)", "2", "Prävention sollte mit 40 % gewichtet werden."),
                                           (803, "Gemma Psych (Beispiel)", "1", "Erreichbarkeit auch für Menschen ohne Auto: ÖPNV-Anbindung als Kriterium.")] {
            let statement = Statement(id: id(n), processID: process.id, author: author, section: section, text: text, submittedAt: now.addingTimeInterval(-86_400))
            try await store.save(.statement, id: statement.id, statement, label: author, bodyID: steering, actor: actor, at: now)
        }
        // Planning processes and measures.
        let processes: [(Int, String, UUID, Int, [String], [String], [Int])] = [
            (901, "Sicherstellung einer ausreichenden Erziehungs- und Familienberatung nach SGB VIII (Beispiel)", youthCommittee, 3, ["heim_je_1000"], ["erziehungsberatung"], [301, 302]),
            (902, "Schwangerschaftskonfliktberatung (Beispiel)", steering, 2, [], ["schwangerschaftsberatung"], [303]),
            (903, "Geschlechtergerechte Jugendarbeit (Beispiel)", socialCommittee, 4, [], ["jugendarbeit"], [304]),
        ]
        for p in processes {
            let phases = PlanningProcess.defaultPhases.enumerated().map { index, name in
                PlanningProcess.Phase(name: name, status: index < p.3 ? .completed : (index == p.3 ? .active : .open))
            }
            let value = PlanningProcess(id: id(p.0), title: p.1, bodyID: p.2, phases: phases, indicatorCodes: p.4, serviceCategories: p.5, paperIDs: p.6.map(id))
            try await store.save(.planningProcess, id: value.id, value, label: value.title, bodyID: p.2, actor: actor, at: now)
        }
        let measures: [Measure] = [
            Measure(id: id(1001), title: "Erziehungsberatung im Norden verstärken (Beispiel)", resolutionID: id(701), due: Day(year: 2026, month: 12, day: 31)!,
                    status: .inProgress, indicatorCodes: ["heim_je_1000"], unitKeys: ["06532011"]),
            Measure(id: id(1002), title: "Außenstelle Haiger einrichten (Beispiel)", parentID: id(1001), due: Day(year: 2026, month: 6, day: 30)!, status: .started, weight: 2),
            Measure(id: id(1003), title: "Stelle ausschreiben und besetzen (Beispiel)", parentID: id(1001), due: Day(year: 2025, month: 12, day: 31)!, status: .done),
            Measure(id: id(1004), title: "Förderrichtlinie Jugendarbeit veröffentlichen (Beispiel)", resolutionID: id(702), due: Day(year: 2025, month: 11, day: 30)!,
                    status: .delayed, progress: 70),
        ]
        for measure in measures { try await store.save(.measure, id: measure.id, measure, label: measure.title, actor: actor, at: now) }
        return bodies.count
    }
}
