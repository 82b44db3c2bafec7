#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SoplaCore

/// Delivers one mail: the county's SMTP relay in production, a stand-in in tests.
protocol MailTransport: Sendable {
    func send(_ mail: OutboxMail) async throws
}

/// Sends plain-text mail through an SMTP relay (the county's mail server; tests use a local one). Plain SMTP on the
/// relay's port without authentication, as an internal relay takes it. Mail goes through the outbox (`MailOutbox`),
/// so a failure here is retried later and never blocks a request.
struct Mailer: MailTransport {
    let host: String
    let port: Int
    let from: String
    /// How long connecting may take, and how long each write or reply may take.
    var connectTimeout: TimeInterval = 10
    var sendTimeout: TimeInterval = 30

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

    /// Delivers one mail. The socket I/O blocks, so it runs on a dispatch queue: not on the threads that serve
    /// requests or the database. The outbox id is the Message-ID, the same on every attempt.
    func send(_ mail: OutboxMail) async throws {
        let message = Self.message(from: from, to: mail.recipient, subject: mail.subject, body: mail.body, date: mail.createdAt,
                                   id: mail.id.uuidString.lowercased())
        let (host, port, from, recipient) = (self.host, self.port, self.from, mail.recipient)
        let (connectTimeout, sendTimeout) = (self.connectTimeout, self.sendTimeout)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .utility).async {
                do {
                    try Self.deliver(host: host, port: port, from: from, to: recipient, message: message,
                                     connectTimeout: connectTimeout, sendTimeout: sendTimeout)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// A connected socket to the first address of `host` that answers within `timeout`.
    static func openConnection(host: String, port: Int, timeout: TimeInterval) throws -> Int32 {
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
        var reason = "cannot connect to \(host):\(port)"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            candidate = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            // Non-blocking connect, so that an unreachable server costs `timeout`, not the system's minutes.
            let flags = fcntl(fd, F_GETFL, 0)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            #if canImport(Glibc)
            var connected = Glibc.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
            #else
            var connected = Darwin.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
            #endif
            if !connected, errno == EINPROGRESS {
                var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                if poll(&poller, 1, Int32(timeout * 1000)) == 1 {
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    connected = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0
                    if !connected { reason = "cannot connect to \(host):\(port) (\(String(cString: strerror(error))))" }
                } else {
                    reason = "no connection to \(host):\(port) within \(Int(timeout)) s"
                }
            }
            guard connected else {
                close(fd)
                continue
            }
            _ = fcntl(fd, F_SETFL, flags)
            return fd
        }
        throw Failure(description: reason)
    }

    static func deliver(host: String, port: Int, from: String, to: String, message: String, connectTimeout: TimeInterval, sendTimeout: TimeInterval) throws {
        let fd = try openConnection(host: host, port: port, timeout: connectTimeout)
        defer { close(fd) }
        // Every read and write gives up after `sendTimeout`, so a server that stops answering cannot hold a sender.
        var timeout = timeval(tv_sec: Int(sendTimeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
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
                guard count > 0 else { throw Failure(description: count == 0 ? "the mail server closed the connection" : "no answer from the mail server within \(Int(sendTimeout)) s") }
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
                guard n > 0 else { throw Failure(description: "cannot write to the mail server within \(Int(sendTimeout)) s") }
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
