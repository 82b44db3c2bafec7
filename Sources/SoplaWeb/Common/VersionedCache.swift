import Foundation
import NIOConcurrencyHelpers

/// Values computed from the database, kept per key for as long as the data version they were
/// computed from is current. The version lives in the database, so several sopla processes stay
/// consistent; each asks for it at most once per `revalidateAfter` seconds. Between checks a value
/// is served without any I/O or task switch.
final class VersionedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var values: [Key: (version: Int, value: Value)] = [:]
        var knownVersion: Int?
        var checkedAt: Date = .distantPast
    }

    private let revalidateAfter: Double
    private let capacity: Int
    private let state: NIOLockedValueBox<State>

    init(revalidateAfter: Double, capacity: Int = 64) {
        self.revalidateAfter = revalidateAfter
        self.capacity = capacity
        self.state = NIOLockedValueBox(State())
    }

    /// The value for `key` if the data version was checked recently and the value belongs to it.
    func fresh(_ key: Key, now: Date) -> Value? {
        state.withLockedValue { state in
            guard let version = state.knownVersion, now.timeIntervalSince(state.checkedAt) < revalidateAfter,
                  let cached = state.values[key], cached.version == version else { return nil }
            return cached.value
        }
    }

    /// Checks the data version if due, and computes the value if it is missing or outdated.
    func value(
        _ key: Key, now: Date,
        version: @Sendable () async throws -> Int,
        make: @Sendable (_ version: Int) async throws -> Value
    ) async throws -> Value {
        if let value = fresh(key, now: now) { return value }
        let current = try await version()
        let cached: Value? = state.withLockedValue { state in
            if current != state.knownVersion { state.values.removeAll() }
            state.knownVersion = current
            state.checkedAt = now
            return state.values[key].flatMap { $0.version == current ? $0.value : nil }
        }
        if let cached { return cached }
        let value = try await make(current)
        state.withLockedValue { state in
            if state.values.count >= capacity { state.values.removeAll() }
            if state.knownVersion == current { state.values[key] = (current, value) }
        }
        return value
    }
}
