import Dispatch
import Testing
import Vapor
@testable import SoplaWeb

@Suite("Bounded executors")
struct ExecutorsTests {
    @Test func workBeyondTheThreadsAndTheQueueIsTurnedAwayAndTheRestRuns() async throws {
        let executor = BlockingExecutor(threads: 2, queueLength: 1, retryAfter: 5)
        let release = DispatchSemaphore(value: 0)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 1...3 {
                group.addTask { try await executor.run { release.wait(); return i } }
            }
            // Two run, one waits: the next is refused at once.
            try await PDFRenderingTests.waitUntil { executor.gate.load == (running: 2, waiting: 1) }
            await #expect(throws: AdmissionGate.Busy.self) { try await executor.run { 0 } }
            for _ in 1...3 { release.signal() }
            var sum = 0
            for try await value in group { sum += value }
            #expect(sum == 6)
        }
        #expect(executor.gate.load == (running: 0, waiting: 0))
        try await executor.pool.shutdownGracefully()
    }

    @Test func aFullGateAnswers503WithRetryAfter() {
        let busy = AdmissionGate.Busy(retryAfter: 5)
        #expect(busy.status == .serviceUnavailable)
        #expect(busy.headers.first(name: .retryAfter) == "5")
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let gate = AdmissionGate(limit: 1, queueLength: 1, retryAfter: 1)
        let (stream, finish) = AsyncStream<Void>.makeStream()
        let holder = Task { try await gate.run { for await _ in stream { break } } }
        try await PDFRenderingTests.waitUntil { gate.load == (running: 1, waiting: 0) }
        let waiter = Task { try await gate.run {} }
        try await PDFRenderingTests.waitUntil { gate.load == (running: 1, waiting: 1) }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(gate.load == (running: 1, waiting: 0))
        finish.yield()
        finish.finish()
        try await holder.value
        #expect(gate.load == (running: 0, waiting: 0))
    }
}
