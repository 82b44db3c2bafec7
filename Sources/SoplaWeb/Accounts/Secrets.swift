import Foundation
import Vapor

/// Random tokens for sessions, links and API clients, and the hashes under which they are stored.
/// A stolen database yields no usable token.
enum Secrets {
    static let apiTokenPrefix = "sopla_"

    /// 32 random bytes, base64url without padding (43 characters).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func apiToken() -> String {
        apiTokenPrefix + token()
    }

    /// SHA-256 in hex: tokens are random and long, so a fast hash is enough (passwords use Bcrypt).
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without stopping at the first difference.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
