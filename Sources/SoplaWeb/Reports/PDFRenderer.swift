import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// Makes a PDF from a self-contained HTML document (no network: everything it needs is inline).
protocol PDFRenderer: Sendable {
    /// False where the tool is missing; pages then offer the HTML and the CSV alone.
    var isAvailable: Bool { get }
    func render(html: String) async throws -> Data
}

/// Why no PDF was made; each answers with a status that says so.
enum PDFFailure: AbortError, Equatable {
    case missing
    case failed(String)
    case timedOut(seconds: Double)

    var status: HTTPResponseStatus {
        switch self {
        case .missing, .timedOut: return .serviceUnavailable
        case .failed: return .internalServerError
        }
    }

    var reason: String {
        switch self {
        case .missing: return "the PDF needs WeasyPrint (Debian package weasyprint) on the server; the HTML and the CSV are available"
        case .failed: return "the PDF could not be made; the HTML and the CSV are available"
        case .timedOut(let seconds): return "making the PDF took longer than \(String(format: "%g", seconds)) s and was stopped; the HTML and the CSV are available"
        }
    }
}

/// WeasyPrint (Debian `weasyprint`) as a separate process. Files and the wait for the process happen on the PDF
/// threads (`Executors.pdf`), never on an event loop; a run longer than `timeout` is killed.
struct WeasyPrintRenderer: PDFRenderer {
    let executable: String?
    let timeout: Double
    let pool: NIOThreadPool

    var isAvailable: Bool { executable != nil }

    func render(html: String) async throws -> Data {
        guard let executable else { throw PDFFailure.missing }
        let timeout = self.timeout
        return try await pool.runIfActive { try Self.render(html: html, executable: executable, timeout: timeout) }
    }

    /// Blocks the calling thread until the process ends or is stopped.
    static func render(html: String, executable: String, timeout: Double) throws -> Data {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("sopla-pdf-" + UUID().uuidString)
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: folder) }
        let input = folder.appendingPathComponent("bericht.html"), output = folder.appendingPathComponent("bericht.pdf")
        let errors = folder.appendingPathComponent("fehler.txt")
        try Data(html.utf8).write(to: input)
        let outcome = try ExternalProcess.run(executable: executable, arguments: ["--quiet", "--base-url", folder.path, input.path, output.path],
                                              standardError: errors, timeout: timeout)
        if outcome.timedOut { throw PDFFailure.timedOut(seconds: timeout) }
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard outcome.status == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else {
            throw PDFFailure.failed("exit status \(outcome.status): " + String(message.suffix(500)))
        }
        return data
    }
}

/// A program run to its end, or stopped after a time limit.
enum ExternalProcess {
    struct Outcome: Sendable {
        let status: Int32
        let pid: Int32
        let timedOut: Bool
    }

    /// Runs the program; after `timeout` seconds it gets SIGTERM, `grace` seconds later SIGKILL. Returns only once
    /// the process has ended and been reaped, so none is left behind. Standard error goes to a file, not a pipe,
    /// so a talkative process cannot stall on a full pipe. Blocks the calling thread: call it on a pool thread.
    static func run(executable: String, arguments: [String], standardError: URL? = nil, timeout: Double, grace: Double = 2) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        var errorFile: FileHandle?
        if let standardError {
            guard FileManager.default.createFile(atPath: standardError.path, contents: nil) else { throw PDFFailure.failed("cannot write \(standardError.path)") }
            errorFile = try FileHandle(forWritingTo: standardError)
        }
        defer { try? errorFile?.close() }
        process.standardError = errorFile ?? FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        // Called once the process has been reaped.
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let pid = process.processIdentifier
        var timedOut = false
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if ended.wait(timeout: .now() + grace) == .timedOut {
                kill(pid, SIGKILL)
                ended.wait()
            }
        }
        return Outcome(status: process.terminationStatus, pid: pid, timedOut: timedOut)
    }
}

/// Public PDFs by document and data stamp, in memory up to `capacity` bytes (the least recently used go first).
/// A request for a PDF that is being made waits for that one instead of making another.
final class PDFCache: Sendable {
    struct Key: Hashable, Sendable {
        /// Which document, e.g. `steckbrief/06532001/de`.
        let document: String
        /// What it is made from: the data versions it depends on and anything else that changes it, such as the day.
        let stamp: String
    }

    private struct Entry {
        let stamp: String
        let data: Data
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var uses: UInt64 = 0
        var inFlight: [Key: Task<Data, any Error>] = [:]
    }

    let capacity: Int
    private let state = NIOLockedValueBox(State())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Bytes held now.
    var bytes: Int { state.withLockedValue { $0.bytes } }

    func data(_ key: Key, make: @escaping @Sendable () async throws -> Data) async throws -> Data {
        enum Lookup { case hit(Data), wait(Task<Data, any Error>) }
        let lookup: Lookup = state.withLockedValue { state in
            state.uses += 1
            if var entry = state.entries[key.document], entry.stamp == key.stamp {
                entry.lastUse = state.uses
                state.entries[key.document] = entry
                return .hit(entry.data)
            }
            if let task = state.inFlight[key] { return .wait(task) }
            let task = Task {
                do {
                    let data = try await make()
                    self.finish(key, data)
                    return data
                } catch {
                    self.finish(key, nil)
                    throw error
                }
            }
            state.inFlight[key] = task
            return .wait(task)
        }
        switch lookup {
        case .hit(let data): return data
        case .wait(let task): return try await task.value
        }
    }

    private func finish(_ key: Key, _ data: Data?) {
        state.withLockedValue { state in
            state.inFlight[key] = nil
            guard let data, data.count <= capacity else { return }
            if let old = state.entries.removeValue(forKey: key.document) { state.bytes -= old.data.count }
            state.uses += 1
            state.entries[key.document] = Entry(stamp: key.stamp, data: data, lastUse: state.uses)
            state.bytes += data.count
            while state.bytes > capacity, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.data.count
            }
        }
    }
}

/// PDFs for requests: at most `pdfConcurrency` made at once, behind a queue of `pdfQueueLength`; a full queue is
/// answered with 503 and `Retry-After`. Public PDFs come from the cache while their data stamp holds.
final class PDFDocuments: Sendable {
    let renderer: any PDFRenderer
    let gate: AdmissionGate
    let cache: PDFCache

    init(renderer: any PDFRenderer, settings: AppSettings) {
        self.renderer = renderer
        gate = AdmissionGate(limit: settings.pdfConcurrency, queueLength: settings.pdfQueueLength, retryAfter: 10)
        cache = PDFCache(capacity: settings.pdfCacheBytes)
    }

    /// The PDF of the document `html` builds; with a key, kept per stamp. The HTML is built only when a PDF is to be
    /// made, and inside the gate, so a burst does no work beyond its turn. Failures of the renderer are logged.
    func data(_ key: PDFCache.Key?, name: String, logger: Logger, html: @escaping @Sendable () async throws -> String) async throws -> Data {
        let make: @Sendable () async throws -> Data = { [gate, renderer] in
            try await gate.run { try await renderer.render(html: try await html()) }
        }
        do {
            guard let key else { return try await make() }
            return try await cache.data(key, make: make)
        } catch let failure as PDFFailure {
            switch failure {
            case .failed(let message): logger.error("PDF \(name) failed: \(message)")
            case .timedOut(let seconds): logger.error("PDF \(name) stopped after \(seconds) s")
            case .missing: break
            }
            throw failure
        }
    }

    /// The PDF as a download; what went wrong as a status that says so, never a broken file.
    func response(_ req: Request, key: PDFCache.Key?, filename: String, html: @escaping @Sendable () async throws -> String) async throws -> Response {
        Self.download(try await self.data(key, name: filename, logger: req.logger, html: html), filename: filename)
    }

    /// A PDF made before (or just now) as a download under `filename`.
    static func download(_ data: Data, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        headers.setAttachment(filename: filename)
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

struct PDFDocumentsKey: StorageKey, LockKey {
    typealias Value = PDFDocuments
}

extension Application {
    /// WeasyPrint unless a test put another renderer in.
    var pdfDocuments: PDFDocuments {
        get {
            if let documents = storage[PDFDocumentsKey.self] { return documents }
            return locks.lock(for: PDFDocumentsKey.self).withLock {
                if let documents = storage[PDFDocumentsKey.self] { return documents }
                let renderer = WeasyPrintRenderer(executable: ReportPDF.executable, timeout: settings.pdfTimeoutSeconds, pool: executors.pdf)
                let documents = PDFDocuments(renderer: renderer, settings: settings)
                storage[PDFDocumentsKey.self] = documents
                return documents
            }
        }
        set {
            locks.lock(for: PDFDocumentsKey.self).withLock { storage[PDFDocumentsKey.self] = newValue }
        }
    }
}

extension Request {
    var pdfDocuments: PDFDocuments { application.pdfDocuments }
}

/// Where WeasyPrint is.
enum ReportPDF {
    static var executable: String? {
        let candidates = [ProcessInfo.processInfo.environment["SOPLA_WEASYPRINT"], "/usr/bin/weasyprint", "/usr/local/bin/weasyprint"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
