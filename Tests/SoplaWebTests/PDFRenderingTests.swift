import Foundation
import NIOConcurrencyHelpers
import SoplaCore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("PDF rendering: bounded, cached, stopped on time")
struct PDFRenderingTests {
    /// Makes a small fake PDF per call and counts the calls; while held, every call waits for `release()`.
    final class StubRenderer: PDFRenderer {
        private struct State {
            var calls = 0
            var held: Bool
            var waiting: [CheckedContinuation<Void, Never>] = []
        }

        private let state: NIOLockedValueBox<State>
        let isAvailable = true

        init(held: Bool = false) {
            state = NIOLockedValueBox(State(held: held))
        }

        var calls: Int { state.withLockedValue { $0.calls } }

        func render(html: String) async throws -> Data {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let go = state.withLockedValue { state in
                    state.calls += 1
                    if state.held { state.waiting.append(continuation) }
                    return !state.held
                }
                if go { continuation.resume() }
            }
            return Data("%PDF-1.7 stub \(calls)".utf8)
        }

        func release() {
            let waiting = state.withLockedValue { state in
                state.held = false
                defer { state.waiting = [] }
                return state.waiting
            }
            waiting.forEach { $0.resume() }
        }
    }

    static func municipalities(_ app: Application) async throws -> [String] {
        try await app.spatial.allUnits().filter { $0.levelCode == SpatialLevel.municipality.code }.map(\.key).sorted()
    }

    /// Polls without a time limit: the condition follows from requests already sent.
    static func waitUntil(_ condition: () -> Bool) async throws {
        while !condition() { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test func aFullQueueIsTurnedAwayWith503AndRetryAfterWhilePagesStillAnswer() async throws {
        try await withTestApp { app in
            var settings = app.settings
            settings.pdfConcurrency = 1
            settings.pdfQueueLength = 1
            let renderer = StubRenderer(held: true)
            let documents = PDFDocuments(renderer: renderer, settings: settings)
            app.pdfDocuments = documents
            let keys = try await Self.municipalities(app)
            try #require(keys.count >= 3)
            try await withThrowingTaskGroup(of: TestingHTTPResponse.self) { group in
                for key in keys.prefix(2) {
                    group.addTask { try await app.testing().sendRequest(.GET, "/gebiete/\(key)/steckbrief.pdf") }
                }
                // One PDF is being made, one request waits for it: the queue is full.
                try await Self.waitUntil { documents.gate.load == (running: 1, waiting: 1) && renderer.calls == 1 }
                let overflow = try await app.testing().sendRequest(.GET, "/gebiete/\(keys[2])/steckbrief.pdf")
                #expect(overflow.status == .serviceUnavailable)
                #expect(overflow.headers.first(name: .retryAfter) == "10")
                #expect(overflow.headers.contentType == .html)
                #expect(overflow.body.string.contains("Vorübergehend nicht verfügbar"))
                let page = try await app.testing().sendRequest(.GET, "/gebiete/\(keys[0])/steckbrief")
                #expect(page.status == .ok)
                renderer.release()
                for try await response in group {
                    #expect(response.status == .ok)
                    #expect(response.body.string.hasPrefix("%PDF"))
                }
            }
            #expect(renderer.calls == 2)
            #expect(documents.gate.load == (running: 0, waiting: 0))
        }
    }

    @Test func aProfilePDFIsMadeOncePerDataVersionAndAnewAfterAChange() async throws {
        try await withTestApp { app in
            let renderer = StubRenderer()
            app.pdfDocuments = PDFDocuments(renderer: renderer, settings: app.settings)
            let path = "/gebiete/06532023/steckbrief.pdf"
            let first = try await app.testing().sendRequest(.GET, path)
            #expect(first.status == .ok)
            #expect(first.headers.contentType == HTTPMediaType(type: "application", subType: "pdf"))
            #expect(first.headers.first(name: .contentDisposition)?.contains("steckbrief-06532023.pdf") == true)
            let second = try await app.testing().sendRequest(.GET, path)
            #expect(second.body.string == first.body.string)
            #expect(renderer.calls == 1)

            // Another municipality is another document.
            _ = try await app.testing().sendRequest(.GET, "/gebiete/06532001/steckbrief.pdf")
            #expect(renderer.calls == 2)

            // New indicator data: the profile is made anew, once.
            let variable = try #require(try await app.indicatorStore.variables().first)
            try await app.indicatorStore.save(variable, actor: .system("Test"), at: testNow)
            let third = try await app.testing().sendRequest(.GET, path)
            #expect(third.status == .ok)
            #expect(third.body.string != first.body.string)
            #expect(renderer.calls == 3)
            _ = try await app.testing().sendRequest(.GET, path)
            #expect(renderer.calls == 3)
        }
    }

    @Test func parallelRequestsForOneProfileMakeOnePDF() async throws {
        try await withTestApp { app in
            let renderer = StubRenderer(held: true)
            app.pdfDocuments = PDFDocuments(renderer: renderer, settings: app.settings)
            try await withThrowingTaskGroup(of: TestingHTTPResponse.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await app.testing().sendRequest(.GET, "/gebiete/06532023/steckbrief.pdf") }
                }
                try await Self.waitUntil { renderer.calls == 1 }
                renderer.release()
                for try await response in group { #expect(response.status == .ok) }
            }
            #expect(renderer.calls == 1)
        }
    }

    @Test func aPublishedEditionIsMadeOnceADraftEachTime() async throws {
        try await withTestApp { app in
            let renderer = StubRenderer()
            app.pdfDocuments = PDFDocuments(renderer: renderer, settings: app.settings)
            let planner = try await login(app, DemoLogin.planner)
            let (builder, _) = try await ReportHTTPTests.draft(app, planner)
            var edition = ""
            try await post(app, builder + "/ausgaben", session: planner) { res in
                #expect(res.status == .seeOther)
                edition = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            for _ in 1...2 {
                try await get(app, edition + "/bericht.pdf", session: planner) { res in #expect(res.status == .ok) }
            }
            #expect(renderer.calls == 2)
            try await post(app, builder + "/ausgaben/1/veroeffentlichen", session: planner, fields: [("confirm", "ja")]) { res in #expect(res.status == .seeOther) }
            for _ in 1...2 {
                try await get(app, edition + "/bericht.pdf", session: nil) { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.first(name: .contentDisposition)?.contains("sozialbericht-1.pdf") == true)
                }
            }
            #expect(renderer.calls == 3)
        }
    }

    @Test func anUnknownAreaIsNotFoundAndNothingIsRendered() async throws {
        try await withTestApp { app in
            let renderer = StubRenderer()
            app.pdfDocuments = PDFDocuments(renderer: renderer, settings: app.settings)
            let response = try await app.testing().sendRequest(.GET, "/gebiete/99999999/steckbrief.pdf")
            #expect(response.status == .notFound)
            #expect(renderer.calls == 0)
        }
    }

    @Test func aProcessOverItsTimeIsKilledAndReaped() throws {
        let outcome = try ExternalProcess.run(executable: "/bin/sleep", arguments: ["30"], timeout: 0.2)
        #expect(outcome.timedOut)
        // Gone, not a zombie: a zombie still answers signal 0.
        #expect(kill(outcome.pid, 0) == -1 && errno == ESRCH)
    }

    @Test func aProcessIgnoringSIGTERMIsKilledAfterTheGrace() throws {
        let outcome = try ExternalProcess.run(executable: "/bin/sh", arguments: ["-c", "trap '' TERM; exec sleep 30"], timeout: 0.2, grace: 0.2)
        #expect(outcome.timedOut)
        #expect(kill(outcome.pid, 0) == -1 && errno == ESRCH)
    }

    @Test func aProcessWithinItsTimeEndsNormally() throws {
        let outcome = try ExternalProcess.run(executable: "/bin/sh", arguments: ["-c", "exit 3"], timeout: 600)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 3)
    }

    @Test func aRendererOverItsTimeIsStoppedWithAClearAnswer() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Stands in for WeasyPrint: notes its process id, then never finishes.
        let script = folder.appendingPathComponent("weasyprint")
        let pidFile = folder.appendingPathComponent("pid")
        try Data("#!/bin/sh\necho $$ > '\(pidFile.path)'\nexec sleep 30\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try await withTestApp { app in
            app.pdfDocuments = PDFDocuments(renderer: WeasyPrintRenderer(executable: script.path, timeout: 1, pool: app.executors.pdf), settings: app.settings)
            let response = try await app.testing().sendRequest(.GET, "/gebiete/06532023/steckbrief.pdf")
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers.first(name: .retryAfter) == nil)
            #expect(response.body.string.contains("Vorübergehend nicht verfügbar"))
            let pid = try #require(Int32(String(decoding: try Data(contentsOf: pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(kill(pid, 0) == -1 && errno == ESRCH)
        }
    }
}
