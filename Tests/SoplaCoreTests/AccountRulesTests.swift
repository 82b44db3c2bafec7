import Foundation
import Testing
@testable import SoplaCore

@Suite("Account rules")
struct AccountRulesTests {
    @Test func passwordsNeedTwelveCharacters() {
        #expect(PasswordPolicy.check("Kurz-Pass-1") == [ValidationIssue("password", .tooShort(min: 12))])
        #expect(PasswordPolicy.check("Zwoelf-Zeich").isEmpty)
        #expect(PasswordPolicy.check(String(repeating: "ab3", count: 43)).contains(ValidationIssue("password", .tooLong(max: 128))))
    }

    @Test func commonPasswordsAndTheirVariationsAreRefused() {
        for password in ["123456789012", "Passwort1234", "password12345", "Sommer2024!!", "Passwort2024!", "!!Willkommen2025",
                         "aaaaaaaaaaaa", "abababababab", "qwertzuiop12", "lahndillkreis", "987654321098"] {
            #expect(PasswordPolicy.isCommon(password), "\(password)")
        }
        for password in ["Bedarfe-Kennen-2026", "Rathaus-Schluessel-42", "drei Birnen im Regen", "Sonnenweg-Beratung-7"] {
            #expect(!PasswordPolicy.isCommon(password), "\(password)")
        }
    }

    @Test func passwordsMustNotContainTheNameOrAddress() {
        #expect(PasswordPolicy.check("Tina-Traeger-2026", email: "tina@beispiel.example", displayName: "Tina Träger")
            == [ValidationIssue("password", .containsPersonalData)])
        #expect(PasswordPolicy.check("xx-sommerfeld-77", email: "k.sommerfeld@kreis.example")
            == [ValidationIssue("password", .containsPersonalData)])
        #expect(PasswordPolicy.check("Bedarfe-Kennen-2026", email: "planung@kreis.example", displayName: "Paul Planer").isEmpty)
    }

    @Test func theConfirmationMustMatch() {
        #expect(PasswordPolicy.check("Bedarfe-Kennen-2026", confirmation: "Bedarfe-Kennen-2025")
            == [ValidationIssue("passwordConfirmation", .mismatch)])
    }

    @Test func throttlingStartsAfterFiveFailuresAndGrows() {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        var state: LoginThrottle.State?
        for i in 0..<4 { state = LoginThrottle.failed(state, now: t0.addingTimeInterval(Double(i))) }
        #expect(state?.failures == 4)
        #expect(LoginThrottle.wait(state, now: t0.addingTimeInterval(4)) == nil)
        state = LoginThrottle.failed(state, now: t0.addingTimeInterval(4))
        #expect(LoginThrottle.wait(state, now: t0.addingTimeInterval(4)) == 30)
        #expect(LoginThrottle.wait(state, now: t0.addingTimeInterval(14)) == 20)
        #expect(LoginThrottle.wait(state, now: t0.addingTimeInterval(34)) == nil)
        state = LoginThrottle.failed(state, now: t0.addingTimeInterval(34))
        #expect(LoginThrottle.wait(state, now: t0.addingTimeInterval(34)) == 60)
        #expect(LoginThrottle.delay(afterFailures: 7) == 120)
        #expect(LoginThrottle.delay(afterFailures: 9) == 480)
        #expect(LoginThrottle.delay(afterFailures: 10) == 900)
        #expect(LoginThrottle.delay(afterFailures: 40) == 900)
        // An address shared by an office gets twenty free failures, then the same steps.
        let office = LoginThrottle.State(failures: 19, lastFailure: t0)
        #expect(LoginThrottle.wait(office, now: t0, free: LoginThrottle.freeFailuresPerAddress) == nil)
        #expect(LoginThrottle.wait(LoginThrottle.State(failures: 20, lastFailure: t0), now: t0, free: 20) == 30)
        #expect(LoginThrottle.wait(LoginThrottle.State(failures: 21, lastFailure: t0), now: t0, free: 20) == 60)
        // An hour after the last failure the count starts again.
        #expect(LoginThrottle.wait(LoginThrottle.State(failures: 12, lastFailure: t0), now: t0.addingTimeInterval(3600)) == nil)
        #expect(LoginThrottle.failed(LoginThrottle.State(failures: 12, lastFailure: t0), now: t0.addingTimeInterval(3600)).failures == 1)
    }

    @Test func eachAttemptPassesThreeCounters() {
        #expect(LoginThrottle.counters(email: "planung@kreis.example", address: "203.0.113.7") == [
            LoginThrottle.Counter(key: "pair:planung@kreis.example|203.0.113.7", free: 5),
            LoginThrottle.Counter(key: "account:planung@kreis.example", free: 50),
            LoginThrottle.Counter(key: "address:203.0.113.7", free: 20),
        ])
    }

    @Test func theDatabaseAdmitsAnAttemptExactlyWhenNoWaitIsDue() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let admissions = LoginThrottle.admissions(free: 5, now: now)
        // Below five, any time; at 5: 30 s; 6: 60 s; 7: 120 s; 8: 240 s; 9: 480 s; from 10: 900 s; after an hour: always.
        #expect(admissions.map(\.failuresFrom) == [0, 0, 5, 6, 7, 8, 9, 10])
        #expect(admissions.map(\.failuresBelow) == [5, nil, 6, 7, 8, 9, 10, nil])
        #expect(admissions.compactMap { $0.lastAtMost.map { now.timeIntervalSince($0) } } == [3600, 30, 60, 120, 240, 480, 900])
        for failures in [0, 1, 4, 5, 6, 9, 10, 11, 49, 50, 400] {
            for ago in [0.0, 1, 29, 30, 59, 60, 119, 120, 479, 480, 899, 900, 3599, 3600, 90_000] {
                let state = LoginThrottle.State(failures: failures, lastFailure: now.addingTimeInterval(-ago))
                for free in [5, 20, 50] {
                    #expect(LoginThrottle.admits(state, LoginThrottle.admissions(free: free, now: now)) == (LoginThrottle.wait(state, now: now, free: free) == nil),
                            "\(failures) failures \(ago) s ago, \(free) free")
                }
            }
        }
        #expect(LoginThrottle.admits(nil, admissions))
    }

    @Test func sessionsEndAfterTwoIdleHoursOrTwelveHours() {
        let created = Date(timeIntervalSince1970: 0)
        #expect(AccessLifetimes.sessionExpiry(createdAt: created, lastSeenAt: created) == Date(timeIntervalSince1970: 7200))
        #expect(AccessLifetimes.sessionExpiry(createdAt: created, lastSeenAt: Date(timeIntervalSince1970: 40_000)) == Date(timeIntervalSince1970: 43_200))
        let link = AccessLink(id: UUID(), userID: UUID(), purpose: .invitation, expiresAt: Date(timeIntervalSince1970: 100), usedAt: nil)
        #expect(link.state(at: Date(timeIntervalSince1970: 99)) == .usable)
        #expect(link.state(at: Date(timeIntervalSince1970: 100)) == .expired)
        #expect(AccessLink(id: UUID(), userID: UUID(), purpose: .passwordReset, expiresAt: .distantFuture, usedAt: created).state(at: created) == .used)
        #expect(AccessLinkPurpose.invitation.lifetime == 604_800)
        #expect(AccessLinkPurpose.passwordReset.lifetime == 86_400)
    }

    @Test func changesListOnlyDifferingFieldsSorted() {
        let changes = FieldChange.diff(before: ["name": "Alt", "city": "Wetzlar", "email": "a@b.example"],
                                       after: ["name": "Neu", "city": "Wetzlar", "phone": "06441 1"])
        #expect(changes == [
            FieldChange(field: "email", before: "a@b.example", after: nil),
            FieldChange(field: "name", before: "Alt", after: "Neu"),
            FieldChange(field: "phone", before: nil, after: "06441 1"),
        ])
    }

    @Test func aListInAnotherOrderIsNoChangeButAnAddedEntryIs() {
        // The same codes reordered: nothing to log. One more: logged. Lists of objects (phases) keep their order.
        #expect(FieldChange.diff(before: ["indicatorCodes": #"["a","b"]"#], after: ["indicatorCodes": #"["b","a"]"#]).isEmpty)
        #expect(FieldChange.diff(before: ["weights": "[1,2]"], after: ["weights": "[2,1]"]).isEmpty)
        #expect(FieldChange.diff(before: ["indicatorCodes": #"["a","b"]"#], after: ["indicatorCodes": #"["b","a","c"]"#]).count == 1)
        #expect(FieldChange.diff(before: ["indicatorCodes": #"["a","a"]"#], after: ["indicatorCodes": #"["a"]"#]).count == 1)
        #expect(FieldChange.diff(before: ["phases": #"[{"name":"A"},{"name":"B"}]"#], after: ["phases": #"[{"name":"B"},{"name":"A"}]"#]).count == 1)
        #expect(FieldChange.diff(before: ["name": "[b, a]"], after: ["name": "[a, b]"]).count == 1)
    }

    let liga = Organisation(id: UUID(), name: "Liga", kind: .league)
    var caritas: Organisation { Organisation(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!, name: "Caritas", kind: .welfareAssociation, parentID: liga.id) }

    @Test func organisationDraftsAreCheckedFieldByField() throws {
        let existing = [liga, caritas]
        let valid = try OrganisationDraft(name: "  Beratungsstelle Sonnenweg ", kind: "provider", parentID: caritas.id.uuidString,
                                          email: " Info@Sonnenweg.Example ", website: "https://sonnenweg.example", postcode: "35745", city: "Herborn")
            .validated(existing: existing)
        #expect(valid.name == "Beratungsstelle Sonnenweg")
        #expect(valid.email == "info@sonnenweg.example")
        #expect(valid.parentID == caritas.id)
        do {
            _ = try OrganisationDraft(name: "caritas", kind: "charity", parentID: UUID().uuidString, email: "nicht-gueltig",
                                      website: "sonnenweg.example", postcode: "3574", city: nil).validated(existing: existing)
            Issue.record("expected a failure")
        } catch let failure as ValidationFailure {
            #expect(failure.issues == [
                ValidationIssue("name", .duplicate), ValidationIssue("kind", .unknownValue("charity")),
                ValidationIssue("parentId", .unknownReference), ValidationIssue("email", .invalidEmail),
                ValidationIssue("website", .invalidWebsite), ValidationIssue("postcode", .invalidPostcode),
            ])
        }
    }

    @Test func anOrganisationCannotBecomeItsOwnAncestor() throws {
        let member = Organisation(id: UUID(), name: "Einrichtung", kind: .provider, parentID: caritas.id)
        let existing = [liga, caritas, member]
        #expect(throws: ValidationFailure([ValidationIssue("parentId", .cycle)])) {
            try OrganisationDraft(name: "Liga", kind: "league", parentID: member.id.uuidString).validated(existing: existing, editing: liga.id)
        }
        #expect(throws: ValidationFailure([ValidationIssue("parentId", .cycle)])) {
            try OrganisationDraft(name: "Liga", kind: "league", parentID: liga.id.uuidString).validated(existing: existing, editing: liga.id)
        }
        #expect(OrganisationDraft.ancestors(of: member.id, in: existing) == [caritas.id, liga.id])
    }

    @Test func userDraftsCompareAddressesWithoutCaseAndKnowTheirRoles() {
        let org = Organisation(id: UUID(), name: "Sonnenweg", kind: .provider)
        let existing = [UserAccount(id: UUID(), email: "tina@sonnenweg.example", displayName: "Tina", roles: [.provider], createdAt: .distantPast)]
        #expect(throws: ValidationFailure([ValidationIssue("email", .duplicate)])) {
            try UserDraft(email: "TINA@Sonnenweg.example", displayName: "T", roles: ["planner"]).validated(existingUsers: existing, organisations: [org])
        }
        #expect(throws: ValidationFailure([ValidationIssue("roles", .unknownValue("superuser"))])) {
            try UserDraft(email: "x@kreis.example", displayName: "X", roles: ["superuser"]).validated(existingUsers: existing, organisations: [org])
        }
        #expect(throws: ValidationFailure([ValidationIssue("organisations", .required)])) {
            try UserDraft(email: "x@kreis.example", displayName: "X", roles: ["provider"]).validated(existingUsers: existing, organisations: [org])
        }
        #expect(throws: ValidationFailure([ValidationIssue("email", .required), ValidationIssue("displayName", .required)])) {
            try UserDraft(email: " ", displayName: nil).validated(existingUsers: existing, organisations: [org])
        }
    }

    @Test func organisationListsFilterSearchAndSort() {
        let a = Organisation(id: UUID(), name: "Ärztehaus", kind: .provider, city: "Wetzlar")
        let b = Organisation(id: UUID(), name: "Beratung", kind: .provider, city: nil, active: false)
        let c = Organisation(id: UUID(), name: "Caritas", shortName: "CV", kind: .welfareAssociation, city: "Herborn")
        let all = [c, b, a]
        #expect(OrganisationQuery().apply(to: all).map(\.name) == ["Ärztehaus", "Caritas"])
        #expect(OrganisationQuery(status: .all).apply(to: all).map(\.name) == ["Ärztehaus", "Beratung", "Caritas"])
        #expect(OrganisationQuery(search: "AERZTE", status: .all).apply(to: all).map(\.name) == ["Ärztehaus"])
        #expect(OrganisationQuery(kind: .welfareAssociation, status: .all).apply(to: all).map(\.name) == ["Caritas"])
        // Missing towns sort last in both directions.
        #expect(OrganisationQuery(status: .all, sort: .city).apply(to: all).map(\.name) == ["Caritas", "Ärztehaus", "Beratung"])
        #expect(OrganisationQuery(status: .all, sort: .city, descending: true).apply(to: all).map(\.name) == ["Ärztehaus", "Caritas", "Beratung"])
    }

    @Test func dayStartsAtMidnightUTC() {
        #expect(Day(year: 1970, month: 1, day: 1)!.startDate == Date(timeIntervalSince1970: 0))
        #expect(Day(year: 2025, month: 11, day: 25)!.startDate == Date(timeIntervalSince1970: 1_764_028_800))
        #expect(Day(year: 2024, month: 3, day: 1)!.startDate.timeIntervalSince1970 == 1_709_251_200)
        #expect(Day(Day(year: 2000, month: 2, day: 29)!.startDate) == Day(year: 2000, month: 2, day: 29)!)
    }

    /// From the end of the id: ids made in one series (the demo's) share their beginning and stay apart.
    @Test func erasedPeopleGetAStablePseudonym() {
        let id = UUID(uuidString: "A1B2C3D4-0000-0000-0000-0000DEADBEEF")!
        #expect(UserAccount.pseudonym(for: id) == "Person-deadbeef")
        let a = UUID(uuidString: "5B0C1E2A-0100-4000-8000-000000000107")!, b = UUID(uuidString: "5B0C1E2A-0100-4000-8000-000000000110")!
        #expect(UserAccount.pseudonym(for: a) == "Person-00000107" && UserAccount.pseudonym(for: b) == "Person-00000110")
        #expect(Person(id: b, name: "Person-00000110").isErased && !Person(id: b, name: "Otto Ost").isErased)
    }
}
