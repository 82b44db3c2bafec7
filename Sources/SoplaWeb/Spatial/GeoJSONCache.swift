import Foundation
import NIOConcurrencyHelpers
import SoplaCore
import Vapor

/// Rendered GeoJSON per query and spatial data version, with its gzip form and ETag.
/// The data version lives in the database, so several sopla processes stay consistent; each asks
/// for it at most once per `revalidateAfter` seconds. Between checks an entry is served without
/// any I/O or task switch.
final class GeoJSONCache: Sendable {
    /// Which boundaries: a level (nil for all) valid on a day.
    struct Key: Hashable, Sendable {
        let level: String?
        let day: Day

        var text: String { "\(level ?? "*")|\(day.iso)" }
    }

    struct Entry: Sendable {
        let version: Int
        let body: ByteBuffer
        let gzipBody: ByteBuffer?
        let etag: String
        /// Response headers, built once: plain and with Content-Encoding gzip.
        let headers: HTTPHeaders
        let gzipHeaders: HTTPHeaders
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var knownVersion: Int?
        var checkedAt: Date = .distantPast
    }

    private let revalidateAfter: Double
    private let state = NIOLockedValueBox(State())

    init(revalidateAfter: Double) {
        self.revalidateAfter = revalidateAfter
    }

    /// The entry for `key` if the data version was checked recently and the entry belongs to it.
    func freshEntry(key: Key, now: Date) -> Entry? {
        state.withLockedValue { state in
            guard let version = state.knownVersion, now.timeIntervalSince(state.checkedAt) < revalidateAfter,
                  let entry = state.entries[key], entry.version == version else { return nil }
            return entry
        }
    }

    /// Checks the data version if due, and renders the entry if it is missing or outdated.
    func entry(
        key: Key, now: Date, contentType: HTTPMediaType,
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
        let etag = "\"v\(current)-\(String(Self.stableHash(key.text), radix: 36))-\(bytes.count)\""
        var headers = HTTPHeaders()
        headers.contentType = contentType
        headers.add(name: .eTag, value: etag)
        headers.add(name: .cacheControl, value: "public, max-age=60")
        headers.add(name: .vary, value: "Accept-Encoding")
        SecurityHeaders.add(to: &headers)
        var gzipHeaders = headers
        gzipHeaders.add(name: .contentEncoding, value: "gzip")
        let entry = Entry(
            version: current,
            body: ByteBuffer(bytes: bytes),
            gzipBody: Gzip.compress(bytes).map { ByteBuffer(bytes: $0) },
            etag: etag, headers: headers, gzipHeaders: gzipHeaders
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
