import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered GeoJSON per query and spatial data version, with its gzip form and ETag.
/// The data version lives in the database, so several sopla processes stay consistent; each asks
/// for it at most once per `revalidateAfter` seconds. Between checks an entry is served without
/// any I/O or task switch.
final class GeoJSONCache: Sendable {
    struct Entry: Sendable {
        let version: Int
        let body: ByteBuffer
        let gzipBody: ByteBuffer?
        let etag: String
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var knownVersion: Int?
        var checkedAt: Date = .distantPast
    }

    private let revalidateAfter: Double
    private let state = NIOLockedValueBox(State())

    init(revalidateAfter: Double) {
        self.revalidateAfter = revalidateAfter
    }

    /// The entry for `key` if the data version was checked recently and the entry belongs to it.
    func freshEntry(key: String, now: Date) -> Entry? {
        state.withLockedValue { state in
            guard let version = state.knownVersion, now.timeIntervalSince(state.checkedAt) < revalidateAfter,
                  let entry = state.entries[key], entry.version == version else { return nil }
            return entry
        }
    }

    /// Checks the data version if due, and renders the entry if it is missing or outdated.
    func entry(
        key: String, now: Date,
        version: @Sendable () async throws -> Int,
        render: @Sendable () async throws -> Data
    ) async throws -> Entry {
        if let entry = freshEntry(key: key, now: now) { return entry }
        let current = try await version()
        let cached: Entry? = state.withLockedValue { state in
            if current != state.knownVersion { state.entries.removeAll() }
            state.knownVersion = current
            state.checkedAt = now
            return state.entries[key].flatMap { $0.version == current ? $0 : nil }
        }
        if let cached { return cached }
        let bytes = [UInt8](try await render())
        let entry = Entry(
            version: current,
            body: ByteBuffer(bytes: bytes),
            gzipBody: Gzip.compress(bytes).map { ByteBuffer(bytes: $0) },
            etag: "\"v\(current)-\(String(Self.stableHash(key), radix: 36))-\(bytes.count)\""
        )
        state.withLockedValue { state in
            if state.entries.count >= 64 { state.entries.removeAll() }
            if state.knownVersion == current { state.entries[key] = entry }
        }
        return entry
    }

    /// FNV-1a, stable across processes (Swift's Hasher is seeded per process), so that every
    /// process behind a load balancer gives the same ETag.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

struct GeoJSONCacheKey: StorageKey {
    typealias Value = GeoJSONCache
}
