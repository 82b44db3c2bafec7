import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// At most `limit` operations at once and at most `queueLength` more waiting, first come first served. Beyond
/// that `run` fails at once with `Busy` (503 with `Retry-After`), so a burst is turned away instead of piling up.
final class AdmissionGate: Sendable {
    /// The gate and its queue are full.
    struct Busy: AbortError {
        let retryAfter: Int

        var status: HTTPResponseStatus { .serviceUnavailable }
        var reason: String { "the server is busy; try again in \(retryAfter) seconds" }
        var headers: HTTPHeaders { ["Retry-After": String(retryAfter)] }
    }

    private struct State {
        var running = 0
        var waiting: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        var nextID: UInt64 = 0
    }

    let limit: Int
    let queueLength: Int
    /// What a turned-away client is told to wait, in seconds.
    let retryAfter: Int
    private let state = NIOLockedValueBox(State())

    init(limit: Int, queueLength: Int, retryAfter: Int) {
        self.limit = max(1, limit)
        self.queueLength = max(0, queueLength)
        self.retryAfter = max(1, retryAfter)
    }

    /// How many operations run and wait now.
    var load: (running: Int, waiting: Int) {
        state.withLockedValue { ($0.running, $0.waiting.count) }
    }

    func run<T>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async throws {
        let id = state.withLockedValue { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Admission { case now, queued, refused(any Error) }
                let admission: Admission = state.withLockedValue { state in
                    if Task.isCancelled { return .refused(CancellationError()) }
                    if state.running < limit {
                        state.running += 1
                        return .now
                    }
                    guard state.waiting.count < queueLength else { return .refused(Busy(retryAfter: retryAfter)) }
                    state.waiting.append((id, continuation))
                    return .queued
                }
                switch admission {
                case .now: continuation.resume()
                case .queued: break
                case .refused(let error): continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            let waiter = state.withLockedValue { state in
                state.waiting.firstIndex { $0.id == id }.map { state.waiting.remove(at: $0).continuation }
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Hands the slot to the first one waiting, or frees it.
    private func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, any Error>? in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst().continuation
        }
        next?.resume()
    }
}

/// Blocking work on threads of its own with a bounded queue in front, so a burst of it holds neither the event
/// loops, nor the Swift concurrency threads, nor the file-IO pool (`Application.threadPool`).
final class BlockingExecutor: Sendable {
    let pool: NIOThreadPool
    let gate: AdmissionGate

    init(threads: Int, queueLength: Int, retryAfter: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        gate = AdmissionGate(limit: max(1, threads), queueLength: queueLength, retryAfter: retryAfter)
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await gate.run { try await pool.runIfActive(work) }
    }
}

/// The thread pools besides the event loops and the database: Bcrypt and PDF rendering each have their own,
/// bounded; file IO uses Vapor's `threadPool` (`req.fileio`, `runIfActive`).
struct Executors: Sendable {
    /// Password hashing: slow by design, so a wave of logins waits here and not in front of everything else.
    let bcrypt: BlockingExecutor
    /// Threads that wait for PDF processes; as many as PDFs are made at once, so none waits for a thread.
    let pdf: NIOThreadPool

    init(settings: AppSettings) {
        bcrypt = BlockingExecutor(threads: settings.bcryptThreads, queueLength: settings.bcryptQueueLength, retryAfter: 5)
        pdf = NIOThreadPool(numberOfThreads: max(1, settings.pdfConcurrency))
        pdf.start()
    }

    func shutdown() throws {
        try bcrypt.pool.syncShutdownGracefully()
        try pdf.syncShutdownGracefully()
    }
}

struct ExecutorsKey: StorageKey, LockKey {
    typealias Value = Executors
}

extension Application {
    /// Made on first use from the settings; shut down with the application.
    var executors: Executors {
        if let executors = storage[ExecutorsKey.self] { return executors }
        return locks.lock(for: ExecutorsKey.self).withLock {
            if let executors = storage[ExecutorsKey.self] { return executors }
            let executors = Executors(settings: settings)
            storage.set(ExecutorsKey.self, to: executors, onShutdown: { try $0.shutdown() })
            return executors
        }
    }
}
