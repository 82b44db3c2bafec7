import Fluent
import Foundation
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Account store")
struct AccountStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: "10.0.0.1")

    @Test func organisationChangesAreStoredWithTheirAuditEntry() async throws {
        try await TestDatabase.withDatabase { app in
            let store = AccountStore(database: app.db)
            let org = Organisation(id: UUID(), name: "Beratungsstelle", kind: .provider, city: "Herborn")
            try await store.createOrganisation(org, actor: actor, at: now)
            var changed = org
            changed.city = "Dillenburg"
            changed.phone = "02771 1"
            let changes = try await store.updateOrganisation(changed, actor: actor, at: now.addingTimeInterval(60))
            #expect(changes == [FieldChange(field: "city", before: "Herborn", after: "Dillenburg"), FieldChange(field: "phone", before: nil, after: "02771 1")])
            #expect(try await store.updateOrganisation(changed, actor: actor, at: now.addingTimeInterval(120)).isEmpty)
            #expect(try await store.organisation(id: org.id) == changed)
            let (entries, total) = try await store.audit(AuditQuery(entityType: AuditEntity.organisation))
            #expect(total == 2)
            #expect(entries.map(\.action) == [.update, .create])
            #expect(entries[0].changes == changes)
            #expect(entries[0].actor == actor)
        }
    }

    @Test func duplicatesAreRefusedInsideTheTransaction() async throws {
        try await TestDatabase.withDatabase { app in
            let store = AccountStore(database: app.db)
            try await store.createOrganisation(Organisation(id: UUID(), name: "Liga", kind: .league), actor: actor, at: now)
            await #expect(throws: AccountStoreError.duplicate(field: "name")) {
                try await store.createOrganisation(Organisation(id: UUID(), name: "Liga", kind: .league), actor: actor, at: now)
            }
            let user = UserAccount(id: UUID(), email: "a@kreis.example", displayName: "A", roles: [.planner], createdAt: now)
            try await store.createUser(user, passwordHash: nil, actor: actor, at: now)
            await #expect(throws: AccountStoreError.duplicate(field: "email")) {
                try await store.createUser(UserAccount(id: UUID(), email: "a@kreis.example", displayName: "B", roles: [], createdAt: now), passwordHash: nil, actor: actor, at: now)
            }
            // Nothing but the two successful creations reached the log.
            #expect(try await store.audit(AuditQuery()).total == 2)
        }
    }

    @Test func aLinkIsRedeemedOnceEvenWhenTriedTwiceAtOnce() async throws {
        try await TestDatabase.withDatabase { app in
            let store = AccountStore(database: app.db)
            let user = UserAccount(id: UUID(), email: "b@kreis.example", displayName: "B", roles: [.planner], createdAt: now)
            try await store.createUser(user, passwordHash: nil, actor: actor, at: now)
            let first = try await store.createAccessLink(userID: user.id, purpose: .invitation, tokenHash: "h1", actor: actor, at: now)
            let link = try await store.createAccessLink(userID: user.id, purpose: .invitation, tokenHash: "h2", actor: actor, at: now)
            // A newer link replaces the older one.
            #expect(try await store.accessLink(tokenHash: "h1")?.state(at: now) == .used)
            #expect(first.purpose == .invitation)
            let results = await withTaskGroup(of: Bool.self) { group in
                for i in 0..<2 {
                    group.addTask { (try? await store.redeem(link, passwordHash: "hash\(i)", at: now)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await store.accessLink(tokenHash: "h2")?.usedAt != nil)
            #expect(try await store.user(id: user.id)?.hasPassword == true)
            await #expect(throws: AccountStoreError.linkUnusable) { try await store.redeem(link, passwordHash: "x", at: now) }
        }
    }

    @Test func erasingAPersonKeepsTheLogUnderAPseudonym() async throws {
        try await TestDatabase.withDatabase { app in
            let store = AccountStore(database: app.db)
            let user = UserAccount(id: UUID(), email: "erika@kreis.example", displayName: "Erika Muster", roles: [.reviewer], createdAt: now)
            try await store.createUser(user, passwordHash: "x", actor: actor, at: now)
            let session = try await store.createSession(tokenHash: "s", csrfToken: "c", user: user, actor: AuditActor(userID: user.id, label: user.displayName), at: now)
            _ = try await store.createAPIToken(userID: user.id, name: "Auswertung", scope: .read, tokenHash: "t", prefix: "sopla_abc",
                                               actor: AuditActor(userID: user.id, label: user.displayName), at: now)
            let outbox = MailOutboxStore(database: app.db)
            try await outbox.enqueue([
                OutboxMail(id: UUID(), recipient: "Erika@Kreis.example", subject: "Einladung", body: "Liebe Erika Muster", createdAt: now),
                OutboxMail(id: UUID(), recipient: "erika@kreis.example", subject: "Erinnerung", body: "Liebe Erika Muster", createdAt: now),
                OutboxMail(id: UUID(), recipient: "otto@kreis.example", subject: "Einladung", body: "Lieber Otto", createdAt: now),
            ])
            let export = try await store.personalData(userID: user.id, actor: actor, at: now)
            #expect(export.account.email == "erika@kreis.example")
            #expect(export.apiTokens.map(\.name) == ["Auswertung"])
            #expect(export.activeSessions == 1)
            #expect(Set(export.auditEntries.map(\.action)) == ["create", "login", "token-created"])
            let creation = try #require(export.auditEntries.first { $0.action == "create" })
            #expect(creation.changes.contains(FieldChange(field: "email", before: nil, after: "erika@kreis.example")))
            // What the person did to other records appears without those records' contents.
            let token = try #require(export.auditEntries.first { $0.action == "token-created" })
            #expect(token.entityLabel == "" && token.changes.isEmpty)
            try await store.erase(userID: user.id, actor: actor, at: now)
            let erased = try #require(try await store.user(id: user.id))
            let pseudonym = UserAccount.pseudonym(for: user.id)
            #expect(erased.displayName == pseudonym)
            #expect(erased.email == pseudonym.lowercased() + "@geloescht.invalid")
            #expect(erased.roles.isEmpty && !erased.active && !erased.hasPassword)
            #expect(try await store.session(tokenHash: "s") == nil)
            #expect(try await store.apiToken(tokenHash: "t", at: now) == nil)
            #expect(session.userID == user.id)
            // Mails to the person go; mails to others stay.
            #expect(try await outbox.all().map(\.recipient) == ["otto@kreis.example"])
            let log = try await store.auditAll(AuditQuery())
            #expect(log.count == 5)
            for entry in log {
                let text = "\(entry.actor.label) \(entry.entityLabel) \(entry.changes)"
                #expect(!text.contains("Erika") && !text.contains("erika@"), "\(entry.action)")
            }
            let created = try #require(log.first { $0.action == .create })
            #expect(created.changes.first { $0.field == "email" }?.after == pseudonym)
        }
    }

    @Test func theLogFiltersByPeriodAndPerson() async throws {
        try await TestDatabase.withDatabase { app in
            let store = AccountStore(database: app.db)
            for day in 0..<3 {
                try await store.appendAudit(AuditEntry(id: UUID(), at: now.addingTimeInterval(Double(day) * 86_400 + 3600), actor: AuditActor(userID: nil, label: "Person \(day)"),
                                                       action: .loginFailed, entityType: AuditEntity.session, entityID: nil, entityLabel: "x"))
            }
            let day1 = Day(now.addingTimeInterval(86_400))
            #expect(try await store.audit(AuditQuery(from: day1, to: day1)).entries.map(\.actor.label) == ["Person 1"])
            #expect(try await store.audit(AuditQuery(from: day1)).total == 2)
            #expect(try await store.audit(AuditQuery(actorText: "person 2")).entries.map(\.actor.label) == ["Person 2"])
            #expect(try await store.audit(AuditQuery(page: 2, perPage: 2)).entries.map(\.actor.label) == ["Person 0"])
        }
    }
}

@Suite("Spatial audit")
struct SpatialAuditTests {
    @Test func changesOfTheSpatialBaseAreAuditedWithTheirFields() async throws {
        try await TestDatabase.withDatabase { app in
            let clock = Clock.fixed(Date(timeIntervalSince1970: 1_764_028_800))
            let repository = FluentSpatialRepository(database: app.db, audit: AuditContext(actor: .system("Test"), clock: clock))
            let county = SpatialUnit(key: "06532", name: "Lahn-Dill-Kreis", kind: "Landkreis", levelCode: "county", parentKey: nil)
            try await repository.create(county)
            var renamed = county
            renamed.name = "Lahn-Dill"
            renamed.areaHectares = 106_630
            try await repository.update(renamed)
            try await repository.update(renamed)
            let figure = PopulationFigure(referenceDate: Day(iso: "2022-05-15")!, count: 251_972, source: "Zensus 2022")
            try await repository.replacePopulations(["06532": [figure]])
            let log = try await AccountStore(database: app.db).auditAll(AuditQuery(entityType: AuditEntity.spatialUnit))
            #expect(log.map(\.action) == [.update, .update, .create] || log.map(\.action).sorted { $0.rawValue < $1.rawValue } == [.create, .update, .update])
            let update = try #require(log.first { $0.entityLabel == "Lahn-Dill" })
            #expect(update.changes == [FieldChange(field: "areaHectares", before: nil, after: "106630"), FieldChange(field: "name", before: "Lahn-Dill-Kreis", after: "Lahn-Dill")])
            let population = try #require(log.first { $0.changes.first?.field == "population 2022-05-15" })
            #expect(population.changes == [FieldChange(field: "population 2022-05-15", before: nil, after: "251972")])
            // Without an audit context (reads, tests of the repository itself) nothing is written.
            try await FluentSpatialRepository(database: app.db).update(county)
            #expect(try await AccountStore(database: app.db).auditAll(AuditQuery(entityType: AuditEntity.spatialUnit)).count == 3)
        }
    }
}
