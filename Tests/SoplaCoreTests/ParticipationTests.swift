import Foundation
import Testing
@testable import SoplaCore

@Suite("Participation: bodies, quorum, votes, statements, measures")
struct ParticipationTests {
    let day = Day(year: 2026, month: 3, day: 10)!
    let body = UUID()

    func membership(_ role: MembershipRole = .member, voting: Bool = true, start: Day = Day(year: 2025, month: 1, day: 1)!, end: Day? = nil) -> Membership {
        Membership(id: UUID(), personID: UUID(), bodyID: body, role: role, votingRight: voting, start: start, end: end)
    }

    @Test func quorumIsMoreThanHalfOfTheVotingMembers() {
        // 9 voting members on the day (one left last year, two advisory without vote): 5 needed.
        var members = (0..<9).map { _ in membership() }
        members.append(membership(end: Day(year: 2025, month: 12, day: 31)!))
        members += [membership(.advisory, voting: false), membership(.guest, voting: false)]
        var attendance: [UUID: AttendanceStatus] = [:]
        for member in members.prefix(4) { attendance[member.personID] = .present }
        attendance[members[4].personID] = .excused
        attendance[members[9].personID] = .present  // no longer a member
        attendance[members[10].personID] = .present  // advisory
        let four = Quorum.compute(memberships: members, bodyID: body, on: day, attendance: attendance)
        #expect(four.votingMembers == 9 && four.votingPresent == 4 && four.required == 5 && !four.isQuorate)
        attendance[members[4].personID] = .present
        #expect(Quorum.compute(memberships: members, bodyID: body, on: day, attendance: attendance).isQuorate)
        // An even number: 10 members need 6.
        #expect(Quorum(votingMembers: 10, votingPresent: 5).required == 6)
        #expect(!Quorum(votingMembers: 0, votingPresent: 0).isQuorate)
    }

    @Test func votesCountWithoutAbstentionsAndNeverExceedThoseWhoMayVote() throws {
        #expect(Vote.counted(yes: 4, no: 3, abstain: 2).isAdopted(presentVoting: 9))
        #expect(!Vote.counted(yes: 3, no: 3, abstain: 3).isAdopted(presentVoting: 9))
        #expect(Vote.unanimous.isAdopted(presentVoting: 5))
        #expect(throws: ValidationFailure([ValidationIssue("votes", .tooManyVotes(cast: 7, present: 6))])) { try Vote.counted(yes: 4, no: 2, abstain: 1).validated(presentVoting: 6) }
        _ = try Vote.counted(yes: 4, no: 1, abstain: 1).validated(presentVoting: 6)
    }

    @Test func bodiesRefuseCirclesOfParents() throws {
        let a = Body(id: UUID(), name: "Steuerungsgruppe", kind: .steeringGroup, isPublic: false)
        let b = Body(id: UUID(), name: "AG Frühe Hilfen", kind: .workingGroup, parentID: a.id, isPublic: false)
        var c = Body(id: UUID(), name: "UAG Familienzentren", kind: .workingGroup, parentID: b.id, isPublic: false)
        _ = try c.validated(others: [a, b])
        // Making the steering group a child of its own grandchild closes a circle.
        var a2 = a
        a2.parentID = c.id
        #expect(throws: ValidationFailure([ValidationIssue("parentId", .cycle)])) { try a2.validated(others: [a, b, c]) }
        c.parentID = c.id
        #expect(throws: ValidationFailure([ValidationIssue("parentId", .cycle)])) { try c.validated(others: [a, b]) }
    }

    @Test func meetingsEndAfterTheyStart() {
        let start = Date(timeIntervalSince1970: 1_773_000_000)
        let meeting = Meeting(id: UUID(), bodyID: body, name: "Sitzung", start: start, end: start.addingTimeInterval(-60))
        #expect(throws: ValidationFailure([ValidationIssue("end", .endBeforeStart)])) { try meeting.validated() }
        #expect(Meeting(id: UUID(), bodyID: body, name: "S", start: start, end: start, state: .held).canMove(to: .invited, at: start) == false)
        // Held from its start, not a minute before; cancelled at any time before.
        let invited = Meeting(id: UUID(), bodyID: body, name: "S", start: start, end: start.addingTimeInterval(7200), state: .invited)
        #expect(!invited.canMove(to: .held, at: start.addingTimeInterval(-60)))
        #expect(invited.canMove(to: .held, at: start))
        #expect(invited.canMove(to: .cancelled, at: start.addingTimeInterval(-86_400)))
        #expect(AgendaItem.ordered(["10", "2", "2.1", "1"].map { AgendaItem(id: UUID(), meetingID: UUID(), number: $0, title: $0, isPublic: true) }).map(\.number)
            == ["1", "2", "2.1", "10"])
    }

    /// A committee of 3 voting members: "5 ja, 1 nein, 1 Enthaltung" cannot be recorded; with 2 present a decision
    /// may be taken (2 of 3 is more than half), with 1 not; a decision of 3 votes blocks an attendance of 2.
    @Test func minutesStayTrue() {
        let start = Date(timeIntervalSince1970: 1_773_000_000)
        let held = Meeting(id: UUID(), bodyID: body, name: "S", start: start, end: start.addingTimeInterval(7200), state: .held)
        let full = Quorum(votingMembers: 3, votingPresent: 3), two = Quorum(votingMembers: 3, votingPresent: 2), one = Quorum(votingMembers: 3, votingPresent: 1)
        #expect(Minutes.problemsOfDecision(.counted(yes: 5, no: 1, abstain: 1), meeting: held, quorum: full)
            == [ValidationIssue("votes", .tooManyVotes(cast: 7, present: 3))])
        #expect(Minutes.problemsOfDecision(.counted(yes: 2, no: 0, abstain: 0), meeting: held, quorum: two).isEmpty)
        #expect(Minutes.problemsOfDecision(.unanimous, meeting: held, quorum: one) == [ValidationIssue("quorum", .notQuorate(present: 1, required: 2))])
        var invited = held
        invited.state = .invited
        #expect(Minutes.problemsOfDecision(.unanimous, meeting: invited, quorum: full) == [ValidationIssue("resolution", .meetingNotHeld)])
        let item1 = AgendaItem(id: UUID(), meetingID: held.id, number: "1", title: "a", isPublic: true)
        let item10 = AgendaItem(id: UUID(), meetingID: held.id, number: "10", title: "b", isPublic: true)
        let item2 = AgendaItem(id: UUID(), meetingID: held.id, number: "2", title: "c", isPublic: true)
        let decided = [(item10, Resolution(id: UUID(), agendaItemID: item10.id, vote: .counted(yes: 2, no: 1, abstain: 0), text: "x", isPublic: true)),
                       (item1, Resolution(id: UUID(), agendaItemID: item1.id, vote: .unanimous, text: "y", isPublic: true)),
                       (item2, Resolution(id: UUID(), agendaItemID: item2.id, vote: .counted(yes: 1, no: 1, abstain: 1), text: "z", isPublic: true))]
        #expect(Minutes.problemsOfAttendance(quorum: full, decided: decided).isEmpty)
        #expect(Minutes.problemsOfAttendance(quorum: two, decided: decided) == [ValidationIssue("attendance", .votesExceedAttendance(item: "2", cast: 3, present: 2)),
                                                                              ValidationIssue("attendance", .votesExceedAttendance(item: "10", cast: 3, present: 2))])
        #expect(Minutes.problemsOfAttendance(quorum: one, decided: decided).first == ValidationIssue("attendance", .quorumLost(present: 1, required: 2)))
        #expect(Minutes.problemsOfAttendance(quorum: one, decided: []).isEmpty)
    }

    @Test func statementsOnlyBeforeTheDeadlineAndTheResponseTableBySection() throws {
        let opens = Date(timeIntervalSince1970: 1_773_000_000)
        let process = StatementProcess(id: UUID(), paperID: UUID(), version: 1, bodies: [body], organisations: [], opensAt: opens, deadline: opens.addingTimeInterval(14 * 86_400))
        let late = Statement(id: UUID(), processID: process.id, author: "Liga", text: "Zu spät", submittedAt: opens.addingTimeInterval(15 * 86_400))
        #expect(throws: ValidationFailure([ValidationIssue("deadline", .deadlinePassed)])) { try late.validated(process: process) }
        #expect(process.invites(bodies: [body], organisations: []) && !process.invites(bodies: [UUID()], organisations: [UUID()]))
        let s1 = Statement(id: UUID(), processID: process.id, author: "A", section: "3.2", text: "x", submittedAt: opens.addingTimeInterval(60))
        let s2 = Statement(id: UUID(), processID: process.id, author: "B", section: "10", text: "y", submittedAt: opens.addingTimeInterval(30))
        let s3 = Statement(id: UUID(), processID: process.id, author: "C", text: "ganz", submittedAt: opens.addingTimeInterval(10))
        let s4 = Statement(id: UUID(), processID: process.id, author: "D", section: "3", text: "z", submittedAt: opens.addingTimeInterval(90))
        let rows = ResponseTable.rows([s1, s2, s3, s4], responses: [StatementResponse(statementID: s1.id, decision: .adopted, reason: "eingearbeitet")])
        #expect(rows.map(\.statement.author) == ["D", "A", "B", "C"])
        #expect(!ResponseTable.isComplete(rows))
        #expect(throws: ValidationFailure([ValidationIssue("reason", .required)])) { try StatementResponse(statementID: s2.id, decision: .notAdopted, reason: " ").validated() }
        _ = try StatementResponse(statementID: s2.id, decision: .noted, reason: "").validated()
    }

    @Test func progressRollsUpWeightedOrAveraged() throws {
        // Parent P with children A (done, weight 3), B (in progress, entered 20 %, weight 1), C (dropped).
        let p = Measure(id: UUID(), title: "P")
        let a = Measure(id: UUID(), title: "A", parentID: p.id, status: .done, weight: 3)
        let b = Measure(id: UUID(), title: "B", parentID: p.id, status: .inProgress, progress: 20, weight: 1)
        let c = Measure(id: UUID(), title: "C", parentID: p.id, status: .dropped, weight: 5)
        let weighted = MeasureProgress.rollUp([p, a, b, c], method: .weighted)
        #expect(weighted[p.id] == 80)  // (100·3 + 20·1) / 4
        #expect(MeasureProgress.rollUp([p, a, b, c], method: .averaged)[p.id] == 60)  // (100 + 20) / 2
        #expect(weighted[c.id] == 0)
        // A grandchild rolls up through its parent: G (planned, 0 %) under B makes B 0, so P = 75.
        let g = Measure(id: UUID(), title: "G", parentID: b.id)
        #expect(MeasureProgress.rollUp([p, a, b, c, g], method: .weighted)[p.id] == 75)
        var loop = p
        loop.parentID = g.id
        #expect(throws: ValidationFailure([ValidationIssue("parentId", .cycle)])) { try loop.validated(others: [a, b, c, g]) }
        #expect(Measure(id: UUID(), title: "x", due: Day(year: 2026, month: 3, day: 9)!, status: .inProgress).isOverdue(on: day))
        #expect(!Measure(id: UUID(), title: "x", due: Day(year: 2026, month: 3, day: 9)!, status: .done).isOverdue(on: day))
    }

    @Test func attachmentsAreCheckedByTheirBytes() {
        let pdf = Array("%PDF-1.7\n".utf8)
        #expect(AttachmentCheck.kind(of: pdf, fileName: "bericht.pdf") == .pdf)
        #expect(AttachmentCheck.kind(of: pdf, fileName: "bericht.docx") == nil)
        #expect(AttachmentCheck.kind(of: Array("MZ\u{90}".utf8), fileName: "virus.pdf") == nil)
        let odt = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: UInt8(0), count: 26) + Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8)
        #expect(AttachmentCheck.kind(of: odt, fileName: "vorlage.odt") == .odt)
        #expect(AttachmentCheck.problems(size: 30 * 1024 * 1024, bytes: pdf, fileName: "x.pdf") == [ValidationIssue("file", .fileTooLarge(maxBytes: 20 * 1024 * 1024))])
        // A picture called .pdf: the content decides.
        #expect(AttachmentCheck.problems(size: 100, bytes: [0x89, 0x50, 0x4E, 0x47], fileName: "bild.pdf") == [ValidationIssue("file", .unsupportedFile)])
    }
}

@Suite("Participation: who may read and comment")
struct ParticipationPolicyTests {
    @Test func aSeatCountsWhateverTheRole() {
        let body = UUID()
        let provider = Principal(userID: UUID(), roles: [.provider], bodies: [body])
        #expect(Policy.decide(provider, .readBodyInternal, scope: .body(body)) == .allow)
        #expect(Policy.decide(provider, .submitStatement, scope: .body(body)) == .allow)
        #expect(Policy.decide(provider, .submitStatement, scope: .body(UUID())) == .denyForbidden)
        #expect(Policy.decide(Principal(userID: UUID(), roles: [.administrator], bodies: []), .readBodyInternal, scope: .body(body)) == .denyForbidden)
        #expect(Policy.decide(.anonymous, .readBodyInternal, scope: .body(body)) == .denyUnauthenticated)
        #expect(Policy.decide(provider, .manageParticipation) == .denyForbidden)
    }

    @Test func anOrganisationSpeaksOnlyThroughItsOwnPeople() {
        let own = UUID(), other = UUID()
        let provider = Principal(userID: UUID(), roles: [.provider], organisations: [own])
        #expect(Policy.decide(provider, .submitOrganisationStatement, scope: .organisation(own)) == .allow)
        #expect(Policy.decide(provider, .submitOrganisationStatement, scope: .organisation(other)) == .denyForbidden)
        #expect(Policy.decide(Principal(userID: UUID(), roles: [.reviewer], organisations: [own]), .submitOrganisationStatement, scope: .organisation(own)) == .denyForbidden)
        #expect(Policy.decide(Principal(userID: UUID(), roles: [.provider], organisations: [own], access: .token(.read)), .submitOrganisationStatement,
                              scope: .organisation(own)) == .denyForbidden)
        #expect(Policy.decide(Principal(userID: UUID(), roles: [.planner]), .submitOrganisationStatement, scope: .organisation(other)) == .allow)
    }
}
