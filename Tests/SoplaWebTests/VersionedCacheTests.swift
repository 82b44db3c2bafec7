import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import SoplaWeb

@Suite("Versioned cache")
struct VersionedCacheTests {
    final class Source: Sendable {
        let version = NIOLockedValueBox(1)
        let versionReads = NIOLockedValueBox(0)
        let computations = NIOLockedValueBox(0)

        func readVersion() -> Int {
            versionReads.withLockedValue { $0 += 1 }
            return version.withLockedValue { $0 }
        }

        func compute(_ key: String, _ version: Int) -> String {
            computations.withLockedValue { $0 += 1 }
            return "\(key)@\(version)"
        }
    }

    @Test func asksForTheVersionOncePerIntervalAndRecomputesOnlyAfterAChange() async throws {
        let cache = VersionedCache<String, String>(revalidateAfter: 1)
        let source = Source()
        let t0 = Date(timeIntervalSince1970: 1_000)
        func get(_ key: String, at seconds: Double) async throws -> String {
            try await cache.value(key, now: t0.addingTimeInterval(seconds),
                                  version: { source.readVersion() }, make: { source.compute(key, $0) })
        }
        #expect(try await get("a", at: 0) == "a@1")
        #expect(try await get("a", at: 0.5) == "a@1")
        #expect(cache.fresh("a", now: t0.addingTimeInterval(0.9)) == "a@1")
        #expect(source.versionReads.withLockedValue { $0 } == 1)
        #expect(source.computations.withLockedValue { $0 } == 1)

        // After the interval the version is read again; unchanged data is not recomputed.
        #expect(cache.fresh("a", now: t0.addingTimeInterval(1.5)) == nil)
        #expect(try await get("a", at: 1.5) == "a@1")
        #expect(source.versionReads.withLockedValue { $0 } == 2)
        #expect(source.computations.withLockedValue { $0 } == 1)

        // A new version drops every value.
        source.version.withLockedValue { $0 = 2 }
        #expect(try await get("a", at: 1.6) == "a@1") // still within the interval of the last check
        #expect(try await get("a", at: 3) == "a@2")
        #expect(try await get("b", at: 3.1) == "b@2")
        #expect(source.computations.withLockedValue { $0 } == 3)
    }
}
