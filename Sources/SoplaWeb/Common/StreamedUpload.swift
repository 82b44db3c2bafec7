import Foundation
import SoplaCore
import SoplaRender
import Vapor

/// The largest upload a route takes. The file is counted exactly; the request may be a little larger (the multipart
/// framing and the other form fields).
struct UploadLimit: Sendable, Equatable {
    let fileBytes: Int

    var bodyBytes: Int { fileBytes + 64 * 1024 }

    /// "höchstens 20 MB": what people are told, in whole megabytes (of 1024 × 1024 bytes).
    var message: String {
        "Die Datei ist zu groß: höchstens \(fileBytes / (1024 * 1024)) MB."
    }
}

/// An upload beyond its route's limit; `UploadLimitMiddleware` answers it with 413.
struct UploadTooLarge: Error, Equatable {
    let limit: UploadLimit
}

/// A form that came with a file: the text fields, and the file in a temporary file that the handler moves or removes.
struct UploadedForm: Sendable {
    struct File: Sendable {
        let url: URL
        /// The name the browser sent, without any folder.
        let fileName: String
        let size: Int
        /// The first bytes, for checking what the file really is.
        let head: [UInt8]

        func data() throws -> Data { try Data(contentsOf: url) }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    var fields: [String: String]
    var file: File?

    subscript(_ name: String) -> String? { fields[name] }
}

/// Upload routes take their body as a stream: it goes to a temporary file chunk by chunk while it is counted, so a
/// large file never sits in memory and one beyond the limit is refused as soon as it is too large (at once when
/// `Content-Length` announces it).
enum StreamedUpload {
    static let key = "sopla.streamedUpload"
    /// Text fields beside the file are small; together at most this much.
    static let maxFieldBytes = 256 * 1024
    /// File bytes are collected to this much before they go to disk in one write.
    static let writeSlice = 1024 * 1024

    private static func write(_ parts: MultipartParts, to handle: FileHandle, on pool: NIOThreadPool) async throws {
        guard parts.pending.readableBytes > 0 else { return }
        let bytes = Data(parts.pending.readableBytesView)
        parts.pending.clear()
        try await pool.runIfActive { try handle.write(contentsOf: bytes) }
    }

    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-uploads", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Reads the request's form, checks its form token (which `CSRF.verify` leaves to this for streamed routes) and
    /// returns it; the file, if any, lies in `directory` with the extension `fileExtension`.
    static func read(_ request: Request, into directory: URL? = nil, fileExtension: String = "upload") async throws -> UploadedForm {
        guard let limit = request.route?.userInfo[key] as? UploadLimit else {
            throw Abort(.internalServerError, reason: "the route takes no streamed upload")
        }
        let target = try (directory ?? Self.directory()).appendingPathComponent(UUID().uuidString + "." + fileExtension)
        let form: UploadedForm
        if let type = request.headers.contentType, type.type == "multipart", type.subType == "form-data", let boundary = type.parameters["boundary"] {
            form = try await readMultipart(request.body, boundary: boundary, limit: limit, to: target, writingOn: request.application.threadPool)
        } else {
            // A form without a file (no file chosen, or a client that sends url-encoded): small, read as usual.
            let buffer = try await request.body.collect(max: min(limit.bodyBytes, maxFieldBytes)).get() ?? ByteBuffer()
            let fields = (try? URLEncodedFormDecoder().decode([String: String].self, from: CleanInput.cleanForm(String(buffer: buffer)))) ?? [:]
            form = UploadedForm(fields: fields, file: nil)
        }
        do {
            try await CSRF.check(request, provided: request.headers.first(name: CSRF.header) ?? form[CSRF.field])
        } catch {
            form.file?.remove()
            throw error
        }
        return form
    }

    /// Parses `multipart/form-data` from a stream of chunks: text fields into memory (bounded), the first file part
    /// into `target`. Throws `UploadTooLarge` as soon as the file or the whole body exceeds the limit. File bytes are
    /// written in slices of `writeSlice` on `pool` (the file-IO threads), never on a thread that serves requests.
    static func readMultipart<Chunks: AsyncSequence>(_ chunks: Chunks, boundary: String, limit: UploadLimit, to target: URL,
                                                     writingOn pool: NIOThreadPool) async throws -> UploadedForm
    where Chunks.Element == ByteBuffer {
        guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
            throw Abort(.internalServerError, reason: "cannot store the upload")
        }
        do {
            let handle = try FileHandle(forWritingTo: target)
            defer { try? handle.close() }
            let parts = MultipartParts()
            var reader = MultipartReader(boundary: boundary)
            var received = 0
            for try await chunk in chunks {
                received += chunk.readableBytes
                if received > limit.bodyBytes { throw UploadTooLarge(limit: limit) }
                try reader.read(chunk, into: parts)
                if parts.fileSize > limit.fileBytes { throw UploadTooLarge(limit: limit) }
                if parts.fieldBytes > maxFieldBytes { throw UploadTooLarge(limit: limit) }
                if parts.pending.readableBytes >= writeSlice {
                    try await write(parts, to: handle, on: pool)
                }
            }
            try await write(parts, to: handle, on: pool)
            guard reader.isComplete else { throw Refusal(.badRequest, "Das Hochladen brach vor dem Ende der Datei ab. Bitte noch einmal senden.", "The upload ended before the end of the file. Please send it again.") }
            // A browser sends an empty file part without a name when no file was chosen.
            guard let name = parts.fileName, !(name.isEmpty && parts.fileSize == 0) else {
                try? FileManager.default.removeItem(at: target)
                return UploadedForm(fields: parts.fields, file: nil)
            }
            return UploadedForm(fields: parts.fields, file: UploadedForm.File(url: target, fileName: TextInput.fileName(name), size: parts.fileSize, head: parts.head))
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw error
        }
    }
}

/// Splits a `multipart/form-data` stream at its delimiters. File bytes between delimiters are passed on in large
/// slices (the search jumps from one CR to the next), so a large file costs little more than copying it.
struct MultipartReader {
    private enum State { case preamble, afterDelimiter, headers, body, done }
    private let delimiter: [UInt8]
    private var state = State.preamble
    /// Bytes not yet passed on; starts with a CRLF so that the first delimiter looks like every other.
    private var carry: [UInt8] = [13, 10]
    /// The longest header block of one part.
    static let maxHeaderBytes = 16 * 1024

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    var isComplete: Bool { state == .done }

    mutating func read(_ chunk: ByteBuffer, into parts: MultipartParts) throws {
        carry.append(contentsOf: chunk.readableBytesView)
        var start = 0
        defer { carry.removeFirst(start) }
        while true {
            switch state {
            case .preamble:
                guard let found = Self.find(delimiter, in: carry, from: start) else {
                    start = max(start, carry.count - (delimiter.count - 1))
                    return
                }
                start = found + delimiter.count
                state = .afterDelimiter
            case .afterDelimiter:
                guard carry.count - start >= 2 else { return }
                if carry[start] == UInt8(ascii: "-"), carry[start + 1] == UInt8(ascii: "-") {
                    state = .done
                } else if carry[start] == 13, carry[start + 1] == 10 {
                    state = .headers
                } else {
                    throw Refusal(.badRequest, "Das Formular mit der Datei kam unlesbar an. Bitte die Seite neu laden und noch einmal senden.", "The form with the file arrived unreadable. Please reload the page and send it again.")
                }
            case .headers:
                // CRLF, the header lines each ending in CRLF, then an empty line.
                guard let end = Self.find(Array("\r\n\r\n".utf8), in: carry, from: start) else {
                    if carry.count - start > Self.maxHeaderBytes { throw Refusal(.badRequest, "Das Formular mit der Datei kam unlesbar an (zu lange Kopfzeilen). Bitte noch einmal senden.", "The form with the file arrived unreadable (headers too long). Please send it again.") }
                    return
                }
                let block = String(decoding: carry[(start + 2)..<max(start + 2, end)], as: UTF8.self)
                for line in block.components(separatedBy: "\r\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    parts.header(String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                                 String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
                }
                start = end + 4
                state = .body
            case .body:
                if let found = Self.find(delimiter, in: carry, from: start) {
                    var slice = ByteBuffer(bytes: carry[start..<found])
                    parts.body(&slice)
                    parts.complete()
                    start = found + delimiter.count
                    state = .afterDelimiter
                } else {
                    // The end may hold the beginning of a delimiter: keep it for the next chunk.
                    let safe = max(start, carry.count - (delimiter.count - 1))
                    if safe > start {
                        var slice = ByteBuffer(bytes: carry[start..<safe])
                        parts.body(&slice)
                    }
                    start = safe
                    return
                }
            case .done:
                // The epilogue is ignored.
                start = carry.count
                return
            }
        }
    }

    /// The first place of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count - from >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = hay.baseAddress, let wanted = pattern.baseAddress else { return nil }
                let last = hay.count - pattern.count
                var index = from
                while index <= last {
                    guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                    index = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + index, wanted, pattern.count) == 0 { return index }
                    index += 1
                }
                return nil
            }
        }
    }
}

/// The parts of a multipart body as the parser reports them (one request, one task: no sharing).
final class MultipartParts {
    var fields: [String: String] = [:]
    var fieldBytes = 0
    /// The name the first file part was sent with; nil while none came.
    var fileName: String?
    var fileSize = 0
    var head: [UInt8] = []
    /// File bytes not yet written.
    var pending = ByteBuffer()

    private var headers = HTTPHeaders()
    private enum Current { case undecided, field(String), file, ignored }
    private var current = Current.undecided
    private var value = ByteBuffer()

    func header(_ name: String, _ value: String) {
        headers.add(name: name, value: value)
    }

    private func decide() {
        guard case .undecided = current else { return }
        let disposition = headers.contentDisposition
        if let filename = disposition?.filename {
            if fileName == nil {
                // As sent; `TextInput.fileName` makes it the name people see once the part is complete.
                fileName = filename
                current = .file
            } else {
                current = .ignored
            }
        } else if let name = disposition?.name {
            current = .field(name)
        } else {
            current = .ignored
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        decide()
        switch current {
        case .file:
            fileSize += buffer.readableBytes
            if head.count < 4096 { head += buffer.readableBytesView.prefix(4096 - head.count) }
            pending.writeBuffer(&buffer)
        case .field:
            fieldBytes += buffer.readableBytes
            value.writeBuffer(&buffer)
        case .undecided, .ignored:
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
    }

    func complete() {
        decide()
        if case .field(let name) = current, fields[name] == nil {
            fields[name] = TextInput.clean(String(buffer: value))
        }
        headers = HTTPHeaders()
        current = .undecided
        value.clear()
    }
}

/// Answers an upload beyond its route's limit with 413 and the largest size allowed: before anything is read when
/// `Content-Length` announces it, else as soon as the reading passes it.
struct UploadLimitMiddleware: AsyncMiddleware {
    let limit: UploadLimit

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let announced = request.headers.first(name: .contentLength).flatMap { Int($0) } ?? 0
        let received = request.body.data?.readableBytes ?? 0
        if max(announced, received) > limit.bodyBytes { return try await tooLarge(request) }
        do {
            return try await next.respond(to: request)
        } catch is UploadTooLarge {
            return try await tooLarge(request)
        }
    }

    func tooLarge(_ request: Request) async throws -> Response {
        // Refused before the route looked at the session: the page still shows who is logged in.
        _ = try? await request.auth()
        let response: Response
        if ErrorResponses.wantsJSON(request) {
            response = Response(status: .payloadTooLarge)
            try response.content.encode(ErrorBody(error: .init(code: "payload_too_large", message: limit.message, details: [])), as: .json)
        } else {
            response = HTMLResponse(ErrorPage.render(status: 413, language: request.language, path: request.pathForLinks,
                                                     account: request.cachedAccountBar, detail: limit.message)).response(status: .payloadTooLarge)
        }
        // The rest of the body is not read: the connection ends with this answer.
        response.headers.replaceOrAdd(name: .connection, value: "close")
        return response
    }
}

extension RoutesBuilder {
    /// Registers an upload route: its body streams to disk (`StreamedUpload.read`) within `limit`.
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(
        _ pattern: some RoutePattern, _ permission: RoutePermission, limit: UploadLimit,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = grouped(UploadLimitMiddleware(limit: limit)).on(.POST, pattern, permission, body: .stream, use: handler)
        route.userInfo[BodyLimit.key] = limit.bodyBytes
        route.userInfo[StreamedUpload.key] = limit
        return route
    }
}
