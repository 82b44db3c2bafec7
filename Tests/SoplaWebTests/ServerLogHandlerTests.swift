import Logging
import Testing
@testable import SoplaWeb

@Suite("Server log handler")
struct ServerLogHandlerTests {
    @Test func keepsLevelAndMetadata() {
        var handler = ServerLogHandler(label: "test", level: .notice)
        handler[metadataKey: "request-id"] = "abc"
        #expect(handler[metadataKey: "request-id"] == "abc")
        #expect(handler.metadata == ["request-id": "abc"])
        #expect(handler.logLevel == .notice)
        var logger = Logger(label: "test") { _ in handler }
        logger.logLevel = .error
        #expect(logger.logLevel == .error)
    }

    @Test func timestampIsISO8601InUTC() {
        #expect(ServerLogHandler.timestamp().wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil)
    }
}
