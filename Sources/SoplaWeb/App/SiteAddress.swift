import Foundation
import SoplaRender
import Vapor

/// The address sopla is reached at, for absolute links (OParl ids, calendar feeds, HSDS, mails, one-time links), and
/// which `Host` names a request may carry. Absolute URLs come from configuration only — `SOPLA_PUBLIC_URL`, else the
/// address sopla listens on — never from a request's `Host` header, which the client writes.
struct SiteAddress: Sendable {
    /// The served address when no public URL is configured, e.g. `http://127.0.0.1:8080`.
    var listenURL: String
    /// Host names answered (lowercased, `host` or `host:port`); nil answers any (the demo and tests).
    var allowedHosts: Set<String>?

    /// Paths a load balancer or monitoring probes by address rather than by name.
    static let probePaths: Set<String> = [SiteRoute.Pattern.healthz(), SiteRoute.Pattern.readyz()]
    static let loopbackNames = ["localhost", "127.0.0.1", "[::1]"]

    /// For `sopla serve`: requests must name the public URL's host (or one of `SOPLA_ALLOWED_HOSTS`); without a public
    /// URL, the listening address and the loopback names.
    static func serving(hostname: String, port: Int, settings: AppSettings) -> SiteAddress {
        var allowed = Set(settings.allowedHosts)
        if let publicURL = settings.publicURL, let components = URLComponents(string: publicURL), let host = components.host?.lowercased() {
            let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            allowed.insert(components.port.map { "\(bracketed):\($0)" } ?? bracketed)
        } else {
            let listen = hostname.lowercased()
            if listen != "0.0.0.0", listen != "::" { allowed.formUnion([listen, "\(listen):\(port)"]) }
            for name in loopbackNames { allowed.formUnion([name, "\(name):\(port)"]) }
        }
        return SiteAddress(listenURL: listenURL(hostname: hostname, port: port), allowedHosts: allowed)
    }

    /// For `sopla demo`: any `Host` is answered, links use the listening address.
    static func demo(hostname: String, port: Int) -> SiteAddress {
        SiteAddress(listenURL: listenURL(hostname: hostname, port: port), allowedHosts: nil)
    }

    static func listenURL(hostname: String, port: Int) -> String {
        let host = hostname == "0.0.0.0" || hostname == "::" ? "127.0.0.1" : (hostname.contains(":") ? "[\(hostname)]" : hostname)
        return "http://\(host):\(port)"
    }

    func admits(host: String?, path: String) -> Bool {
        guard let allowedHosts, !Self.probePaths.contains(path) else { return true }
        guard let host = host?.lowercased(), !host.isEmpty else { return false }
        return allowedHosts.contains(host)
    }
}

struct SiteAddressKey: StorageKey {
    typealias Value = SiteAddress
}

extension Application {
    /// The address people reach sopla at, without a trailing slash.
    var siteURL: String {
        settings.publicURL ?? storage[SiteAddressKey.self]?.listenURL ?? "http://127.0.0.1:8080"
    }
}
