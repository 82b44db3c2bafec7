import Foundation
import Vapor

/// Rendered GeoJSON per query and spatial data version, with its gzip form and ETag.
/// The data version lives in the database, so several sopla processes stay consistent; each asks
/// for it at most once per `revalidateAfter` seconds.
actor GeoJSONCache {
    struct Entry: Sendable {
        let version: Int
        let body: ByteBuffer
        let gzipBody: ByteBuffer?
        let etag: String
    }

    private let revalidateAfter: Double
    private var entries: [String: Entry] = [:]
    private var knownVersion: Int?
    private var checkedAt: Date = .distantPast

    init(revalidateAfter: Double) {
        self.revalidateAfter = revalidateAfter
    }

    func entry(
        key: String, now: Date,
        version: @Sendable () async throws -> Int,
        render: @Sendable () async throws -> Data
    ) async throws -> Entry {
        if knownVersion == nil || now.timeIntervalSince(checkedAt) >= revalidateAfter {
            let current = try await version()
            if current != knownVersion { entries.removeAll() }
            knownVersion = current
            checkedAt = now
        }
        let dataVersion = knownVersion ?? 0
        if let entry = entries[key], entry.version == dataVersion { return entry }
        let data = try await render()
        let bytes = [UInt8](data)
        let gzip = Gzip.compress(bytes).map { ByteBuffer(bytes: $0) }
        let etag = "\"v\(dataVersion)-\(String(UInt(bitPattern: stableHash(key)), radix: 36))-\(bytes.count)\""
        let entry = Entry(version: dataVersion, body: ByteBuffer(bytes: bytes), gzipBody: gzip, etag: etag)
        if entries.count > 64 { entries.removeAll() }
        entries[key] = entry
        return entry
    }

    /// FNV-1a, stable across processes (Swift's Hasher is seeded per process).
    private func stableHash(_ text: String) -> Int {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return Int(truncatingIfNeeded: hash)
    }
}

struct GeoJSONCacheKey: StorageKey {
    typealias Value = GeoJSONCache
}
