#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Vapor

/// Sends plain-text mail through an SMTP relay (the county's mail server; tests use a local one). Plain SMTP on the
/// relay's port without authentication, as an internal relay takes it; failures are logged and never block a request.
struct Mailer: Sendable {
    let host: String
    let port: Int
    let from: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A message with UTF-8 subject (RFC 2047) and quoted-printable-free 8-bit body (8BITMIME).
    static func message(from: String, to: String, subject: String, body: String, date: Date, id: String) -> String {
        let encodedSubject = "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        // Lines starting with a dot are doubled (RFC 5321 4.5.2); line ends are CRLF.
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return ["From: " + from, "To: " + to, "Subject: " + encodedSubject, "Date: " + formatter.string(from: date), "Message-ID: <" + id + "@sopla>",
                "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""].joined(separator: "\r\n")
            + "\r\n" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Delivers one message; blocking socket I/O, so it runs on the application's thread pool.
    func send(to: String, subject: String, body: String, date: Date, on pool: NIOThreadPool, eventLoop: any EventLoop) async throws {
        let message = Self.message(from: from, to: to, subject: subject, body: body, date: date, id: UUID().uuidString.lowercased())
        let (host, port, from) = (self.host, self.port, self.from)
        try await pool.runIfActive(eventLoop: eventLoop) {
            try Self.deliver(host: host, port: port, from: from, to: to, message: message)
        }.get()
    }

    static func deliver(host: String, port: Int, from: String, to: String, message: String) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else { throw Failure(description: "cannot resolve \(host)") }
        defer { freeaddrinfo(result) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw Failure(description: "no socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else { throw Failure(description: "cannot connect to \(host):\(port)") }
        var pending = ""
        func reply() throws -> Int {
            while true {
                if let range = pending.range(of: "\r\n") {
                    let line = String(pending[..<range.lowerBound])
                    pending.removeSubrange(..<range.upperBound)
                    let chars = Array(line)
                    if chars.count >= 3, let code = Int(String(chars[0..<3])), chars.count == 3 || chars[3] == " " { return code }
                    continue
                }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = recv(fd, &buffer, buffer.count, 0)
                guard count > 0 else { throw Failure(description: "the mail server closed the connection") }
                pending += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
        func command(_ text: String, expect: ClosedRange<Int>) throws {
            let bytes = Array((text + "\r\n").utf8)
            var sent = 0
            while sent < bytes.count {
                #if canImport(Glibc)
                let n = bytes[sent...].withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
                #else
                let n = bytes[sent...].withUnsafeBufferPointer { Darwin.send(fd, $0.baseAddress, $0.count, 0) }
                #endif
                guard n > 0 else { throw Failure(description: "cannot write to the mail server") }
                sent += n
            }
            let code = try reply()
            guard expect.contains(code) else { throw Failure(description: "the mail server answered \(code) to \(text.prefix(20))") }
        }
        guard try reply() == 220 else { throw Failure(description: "the mail server did not greet") }
        try command("EHLO sopla", expect: 250...250)
        try command("MAIL FROM:<\(from)>", expect: 250...250)
        try command("RCPT TO:<\(to)>", expect: 250...251)
        try command("DATA", expect: 354...354)
        try command(message + ".", expect: 250...250)
        try? command("QUIT", expect: 200...299)
    }
}
