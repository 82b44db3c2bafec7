import Foundation
import NIOConcurrencyHelpers
import SoplaCore
import Vapor

/// Rendered GeoJSON per query and spatial data version, with its gzip form, ETag and headers.
enum GeoJSONCache {
    /// Which boundaries: a level (nil for all) valid on a day.
    struct Key: Hashable, Sendable {
        let level: String?
        let day: Day

        var text: String { "\(level ?? "*")|\(day.iso)" }
    }

    struct Entry: Sendable {
        let body: ByteBuffer
        let gzipBody: ByteBuffer?
        let etag: String
        /// Response headers, built once: plain and with Content-Encoding gzip.
        let headers: HTTPHeaders
        let gzipHeaders: HTTPHeaders

        init(key: Key, version: Int, data: Data, contentType: HTTPMediaType) {
            let bytes = [UInt8](data)
            etag = "\"v\(version)-\(String(GeoJSONCache.stableHash(key.text), radix: 36))-\(bytes.count)\""
            var headers = HTTPHeaders()
            headers.contentType = contentType
            headers.add(name: .eTag, value: etag)
            headers.add(name: .cacheControl, value: "public, max-age=60")
            headers.add(name: .vary, value: "Accept-Encoding")
            SecurityHeaders.add(to: &headers)
            // The body is compressed already (or deliberately not): tell Vapor's response compressor up front,
            // which spares it parsing the Content-Type of every response. Vapor removes this marker before sending.
            headers.responseCompression = .disable
            var gzipHeaders = headers
            gzipHeaders.add(name: .contentEncoding, value: "gzip")
            self.headers = headers
            self.gzipHeaders = gzipHeaders
            body = ByteBuffer(bytes: bytes)
            gzipBody = Gzip.compress(bytes).map { ByteBuffer(bytes: $0) }
        }
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

/// The caches of spatial data, each checked against the spatial data version.
struct SpatialCaches: Sendable {
    let geoJSON: VersionedCache<GeoJSONCache.Key, GeoJSONCache.Entry>
    /// Decoded boundaries valid on a day, for pages and the API, so geometry is not decoded per request.
    let boundaries: VersionedCache<Day, [String: BoundaryVersion]>

    init(revalidateAfter: Double) {
        geoJSON = VersionedCache(revalidateAfter: revalidateAfter)
        boundaries = VersionedCache(revalidateAfter: revalidateAfter, capacity: 8)
    }
}

struct SpatialCachesKey: StorageKey {
    typealias Value = SpatialCaches
}
