import AsyncHTTPClient
import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Streamed uploads")
struct StreamedUploadTests {
    static let paper = AttachmentHTTPTests.paper
    static let limit = Attachments.uploadLimit

    /// A multipart body with the form token and one file, as a browser sends it.
    static func multipart(boundary: String, csrf: String, fileName: String, file: [UInt8]) -> ByteBuffer {
        var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/pdf\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        return body
    }

    /// A PDF of `size` bytes: the header the check looks for, then filler.
    static func pdf(size: Int) -> [UInt8] {
        let head = Array("%PDF-1.7\n".utf8)
        return head + (0..<(size - head.count)).map { UInt8(truncatingIfNeeded: $0 % 251) }
    }

    /// The same bytes in chunks of `size`, as they come off the network.
    static func chunks(_ buffer: ByteBuffer, size: Int) -> AsyncStream<ByteBuffer> {
        AsyncStream { continuation in
            var rest = buffer
            while rest.readableBytes > 0, let chunk = rest.readSlice(length: min(size, rest.readableBytes)) {
                continuation.yield(chunk)
            }
            continuation.finish()
        }
    }

    @Test func aBodyAnnouncedTooLargeIsRefusedBeforeItIsRead() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            // Nothing but the announcement: the answer must not wait for the 30 MB.
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: "\(SessionCookie.name)=\(planner.cookie)")
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=x")
            headers.replaceOrAdd(name: .contentLength, value: String(30 * 1024 * 1024))
            let request = Request(application: app, method: .POST, url: URI(path: Self.paper + "/anlagen"), headers: headers,
                                  collectedBody: nil, remoteAddress: nil, logger: app.logger, on: app.eventLoopGroup.next())
            let response = try await app.responder.respond(to: request).get()
            #expect(response.status == .payloadTooLarge)
            #expect((response.body.string ?? "").contains("höchstens 20 MB"))
            #expect(try await app.participationStore.attachments().isEmpty)
        }
    }

    @Test func aTooLargeFileIsRefusedWithItsLimitInMegabytes() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let boundary = "----sopla-test-\(UUID().uuidString)"
            let body = Self.multipart(boundary: boundary, csrf: planner.csrf, fileName: "gross.pdf", file: Self.pdf(size: 21 * 1024 * 1024))
            try await app.testing().test(.POST, Self.paper + "/anlagen", beforeRequest: { req in
                planner.apply(to: &req)
                req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                req.body = body
            }, afterResponse: { res in
                #expect(res.status == .payloadTooLarge)
                #expect(res.body.string.contains("Die Datei ist zu groß: höchstens 20 MB."))
                #expect(!res.body.string.contains("20971520"))
                // Refused before the route read the session, the page still shows who is logged in.
                #expect(res.body.string.contains("Paul Planer (Beispiel)"))
            })
            #expect(try await app.participationStore.attachments().isEmpty)
        }
    }

    @Test func aStreamWithoutLengthIsCutOffAtTheLimit() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
            do {
                let boundary = "----sopla-test-\(UUID().uuidString)"
                let body = Self.multipart(boundary: boundary, csrf: planner.csrf, fileName: "gross.pdf", file: Self.pdf(size: 21 * 1024 * 1024))
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(Self.paper)/anlagen")
                request.method = .POST
                request.headers.replaceOrAdd(name: "Cookie", value: "\(SessionCookie.name)=\(planner.cookie)")
                request.headers.replaceOrAdd(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
                // Unknown length: sent chunked, so only counting while reading can stop it.
                request.body = .stream(Self.chunks(body, size: 64 * 1024), length: .unknown)
                let response = try await client.execute(request, timeout: .seconds(600))
                #expect(response.status == .payloadTooLarge)
                let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
                #expect(text.contains("höchstens 20 MB"))
            } catch {
                try await client.shutdown()
                await app.server.shutdown()
                throw error
            }
            try await client.shutdown()
            await app.server.shutdown()
            #expect(try await app.participationStore.attachments().isEmpty)
        }
    }

    @Test func aLargeFileJustWithinTheLimitIsStored() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let boundary = "----sopla-test-\(UUID().uuidString)"
            let file = Self.pdf(size: Self.limit.fileBytes)
            try await app.testing().test(.POST, Self.paper + "/anlagen", beforeRequest: { req in
                planner.apply(to: &req)
                req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                req.body = Self.multipart(boundary: boundary, csrf: planner.csrf, fileName: "gross.pdf", file: file)
            }, afterResponse: { res in
                #expect(res.status == .seeOther)
            })
            let stored = try #require(try await app.participationStore.attachments().first)
            #expect(stored.size == file.count && stored.fileName == "gross.pdf")
            let content = try #require(try await app.participationStore.attachmentContent(id: stored.id)).1
            #expect(content == Data(file))
        }
    }

    @Test func theParserReassemblesFieldsAndFileFromSmallChunks() async throws {
        let boundary = "b0undary"
        let file = Self.pdf(size: 300_000)
        let body = Self.multipart(boundary: boundary, csrf: "token-123", fileName: "../ordner/bericht.pdf", file: file)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-parser-\(UUID().uuidString).pdf")
        // 7-byte chunks split every boundary and header.
        let form = try await StreamedUpload.readMultipart(Self.chunks(body, size: 7), boundary: boundary, limit: Self.limit, to: target, writingOn: .singleton)
        let stored = try #require(form.file)
        defer { stored.remove() }
        #expect(form["_csrf"] == "token-123")
        #expect(stored.fileName == "bericht.pdf" && stored.size == file.count && stored.head == Array(file.prefix(4096)))
        #expect(try stored.data() == Data(file))
    }

    @Test func fileNamesAndFieldsLoseControlAndBidiCharacters() async throws {
        let body = Self.multipart(boundary: "b0undary", csrf: "t\u{7}1", fileName: "Konzept \u{202E}gnp.pdf", file: Self.pdf(size: 1000))
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-parser-\(UUID().uuidString).pdf")
        let form = try await StreamedUpload.readMultipart(Self.chunks(body, size: 64), boundary: "b0undary", limit: Self.limit, to: target, writingOn: .singleton)
        let stored = try #require(form.file)
        defer { stored.remove() }
        #expect(stored.fileName == "Konzept gnp.pdf")
        #expect(form["_csrf"] == "t1")
    }

    @Test func aFileOfSeveralWriteSlicesArrivesByteForByte() async throws {
        let file = Self.pdf(size: 2 * StreamedUpload.writeSlice + 12_345)
        let body = Self.multipart(boundary: "b0undary", csrf: "t", fileName: "lang.pdf", file: file)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-parser-\(UUID().uuidString).pdf")
        let form = try await StreamedUpload.readMultipart(Self.chunks(body, size: 4093), boundary: "b0undary", limit: Self.limit, to: target, writingOn: .singleton)
        let stored = try #require(form.file)
        defer { stored.remove() }
        #expect(stored.size == file.count)
        #expect(try stored.data() == Data(file))
    }

    @Test func aBodyCutOffBeforeItsLastPartStoresNothing() async throws {
        let body = Self.multipart(boundary: "b0undary", csrf: "t", fileName: "x.pdf", file: Self.pdf(size: 100_000))
        let cut = body.getSlice(at: 0, length: body.readableBytes - 20)!
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-parser-\(UUID().uuidString).pdf")
        await #expect(throws: (any Error).self) {
            _ = try await StreamedUpload.readMultipart(Self.chunks(cut, size: 4096), boundary: "b0undary", limit: Self.limit, to: target, writingOn: .singleton)
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func theParserStopsAtTheLimitAndLeavesNoFile() async throws {
        let boundary = "b0undary"
        let limit = UploadLimit(fileBytes: 1024 * 1024)
        let body = Self.multipart(boundary: boundary, csrf: "t", fileName: "x.pdf", file: Self.pdf(size: limit.fileBytes + 1))
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-parser-\(UUID().uuidString).pdf")
        await #expect(throws: UploadTooLarge(limit: limit)) {
            _ = try await StreamedUpload.readMultipart(Self.chunks(body, size: 16 * 1024), boundary: boundary, limit: limit, to: target, writingOn: .singleton)
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(limit.message == "Die Datei ist zu groß: höchstens 1 MB.")
    }
}
