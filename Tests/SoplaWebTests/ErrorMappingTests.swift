import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaWeb

/// Store and domain errors that reach the top become one status each, in one place, never a 500 for a collision.
@Suite("Errors mapped to HTTP once")
struct ErrorMappingTests {
    func response(_ error: any Error, path: String, _ app: Application) throws -> Response {
        let request = Request(application: app, method: .GET, url: URI(path: path), on: app.eventLoopGroup.next())
        return try ErrorResponses.response(for: error, request: request)
    }

    @Test func collisionsAreConflictsAndMissingRecordsNotFound() async throws {
        try await withTestApp(demo: false) { app in
            let cases: [(any Error, HTTPResponseStatus)] = [
                (StoreError.notFound("report 1"), .notFound), (AccountStoreError.notFound, .notFound), (IndicatorStoreError.notFound, .notFound),
                (ServiceStoreError.notFound, .notFound), (FundingStoreError.changedMeanwhile, .conflict), (ReportStoreError.published, .conflict),
                (ServiceStoreError.alreadyDecided, .conflict), (AccountStoreError.duplicate(field: "email"), .conflict),
                (IndicatorStoreError.inUse([]), .conflict), (FundingStoreError.budgetExceeded(available: Money(euros: 5)), .conflict),
                (StoreError.corrupt("x"), .internalServerError),
            ]
            for (error, status) in cases {
                #expect(try response(error, path: "/berichte", app).status == status, "\(error)")
                let json = try response(error, path: "/api/v1/indicators", app)
                #expect(json.status == status && json.headers.contentType == .json, "\(error)")
            }
            // A page says what happened, without internals.
            let page = try response(FundingStoreError.changedMeanwhile, path: "/foerderung", app)
            #expect(page.headers.contentType?.subType == "html" && !(page.body.string ?? "").contains("changedMeanwhile"))
        }
    }

    @Test func aUniqueConstraintOfTheDatabaseIsAConflict() async throws {
        try await withTestApp(demo: false) { app in
            let store = ReportStore(database: app.db)
            let day = Day(iso: "2024-12-31")!
            let report = Report(id: UUID(), title: "Sozialbericht", reportingDate: day, territorialStatus: day)
            try await store.save(report, actor: .system("test"), at: Date())
            let snapshot = ReportSnapshot(builtAt: Date(), countyKey: "06532", countyName: "Kreis", unitKeys: [], unitNames: [:], indicators: [:], values: [:])
            let edition = ReportEdition(id: UUID(), reportID: report.id, number: 1, report: report, snapshot: snapshot, builtBy: "test")
            try await store.save(edition, actor: .system("test"), at: Date())
            var second = edition
            second.id = UUID()
            do {
                try await store.save(second, actor: .system("test"), at: Date())
                Issue.record("a second edition 1 was stored")
            } catch {
                #expect(try response(error, path: "/berichte", app).status == .conflict, "\(String(reflecting: error))")
            }
        }
    }

    @Test func aValidationFailureNamesItsFieldsInJSON() async throws {
        try await withTestApp(demo: false) { app in
            let failure = ValidationFailure([ValidationIssue("amount", .moreThanAvailable(available: Money(euros: 100)))])
            let res = try response(failure, path: "/api/v1/indicators", app)
            #expect(res.status == .unprocessableEntity)
            let body = res.body.string ?? ""
            #expect(body.contains("\"field\":\"amount\"") && body.contains("at most"))
        }
    }
}
