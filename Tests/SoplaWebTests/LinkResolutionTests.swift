import Foundation
import SoplaCore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Walks the demo as each role would, from the start page and the account page, and checks every link and form
/// target on every page reached: its path must be a registered route for the method the page uses (GET for links
/// and search forms, POST for forms that change data), and a followed link must not end in "not found" or an error.
@Suite("Links on every page resolve")
struct LinkResolutionTests {
    struct Target: Hashable {
        let method: String
        let path: String
    }

    /// Links and form targets of a page, resolved against the page's own path.
    static func targets(in html: String, page: String) -> [Target] {
        var result: [Target] = []
        func path(_ raw: String) -> String? {
            let value = raw.replacingOccurrences(of: "&amp;", with: "&")
            if value.isEmpty { return page }
            if value.hasPrefix("#") || value.hasPrefix("mailto:") || value.hasPrefix("tel:") || value.contains("://") || value.hasPrefix("//") { return nil }
            guard value.hasPrefix("/") else { return nil }
            return String(value.prefix { $0 != "#" })
        }
        for match in html.matches(of: /<a\b[^>]*\bhref="([^"]*)"/) {
            if let p = path(String(match.1)) { result.append(Target(method: "GET", path: p)) }
        }
        for match in html.matches(of: /<link\b[^>]*\bhref="([^"]*)"/) {
            if let p = path(String(match.1)) { result.append(Target(method: "GET", path: p)) }
        }
        for match in html.matches(of: /<(?:script|img)\b[^>]*\bsrc="([^"]*)"/) {
            if let p = path(String(match.1)) { result.append(Target(method: "GET", path: p)) }
        }
        for match in html.matches(of: /<form\b([^>]*)>/) {
            let attributes = String(match.1)
            let action = attributes.firstMatch(of: /\baction="([^"]*)"/).map { String($0.1) } ?? ""
            let method = attributes.firstMatch(of: /\bmethod="([^"]*)"/).map { String($0.1).lowercased() } ?? "get"
            if let p = path(action) { result.append(Target(method: method == "post" ? "POST" : "GET", path: p)) }
        }
        return result
    }

    /// The registered route a path takes with a method, as its pattern ("GET /gebiete/:key"), or nil.
    static func route(of target: Target, in routes: [Route]) -> String? {
        let segments = (target.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "").split(separator: "/")
            .map { String($0).removingPercentEncoding ?? String($0) }
        for route in routes where route.method.rawValue == target.method {
            if matches(route.path, segments) { return "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/") }
        }
        return nil
    }

    static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        var i = 0
        for component in pattern {
            switch component {
            case .catchall: return true
            case .constant(let c):
                guard i < segments.count, segments[i] == c else { return false }
            case .parameter, .anything:
                guard i < segments.count, !segments[i].isEmpty else { return false }
            }
            i += 1
        }
        return i == segments.count
    }

    @Test func everyLinkAndFormOfEveryRoleGoesToARouteThatAnswers() async throws {
        try await withTestApp { app in
            let routes = app.routes.all
            var unresolved: Set<String> = [], broken: Set<String> = []
            var checked = 0, fetched = 0
            let roles: [DemoAccounts.Login?] = [nil, DemoLogin.planner, DemoLogin.admin, DemoLogin.provider, DemoLogin.bodyMember, DemoLogin.reviewer]
            for role in roles {
                var session: TestSession?
                if let role { session = try await login(app, role) }
                var queue = ["/", "/konto"], seen: Set<String> = Set(queue)
                var samples: [String: Int] = [:]
                while !queue.isEmpty {
                    let page = queue.removeFirst()
                    var html = ""
                    try await get(app, page, session: session) { res in
                        fetched += 1
                        if res.status == .notFound || res.status.code >= 500 { broken.insert("\(role?.email ?? "öffentlich"): \(page) → \(res.status.code)") }
                        if res.headers.contentType?.subType == "html" { html = res.body.string }
                    }
                    for target in Self.targets(in: html, page: page) {
                        checked += 1
                        guard let pattern = Self.route(of: target, in: routes) else {
                            unresolved.insert("\(target.method) \(target.path) (auf \(page))")
                            continue
                        }
                        // Follow a few addresses of each route, not every unit or indicator; files that take seconds to make are left out.
                        guard target.method == "GET", !seen.contains(target.path), !target.path.contains(".pdf"), !target.path.hasPrefix("/abmelden"),
                              samples[pattern, default: 0] < 2 else { continue }
                        samples[pattern, default: 0] += 1
                        seen.insert(target.path)
                        queue.append(target.path)
                    }
                }
            }
            #expect(unresolved.isEmpty, "links without a route: \(unresolved.sorted().joined(separator: "\n"))")
            #expect(broken.isEmpty, "links that fail: \(broken.sorted().joined(separator: "\n"))")
            #expect(checked > 2_000 && fetched > 300, "checked \(checked) links, fetched \(fetched) pages")
        }
    }

    @Test func aPathIsMatchedAgainstConstantsParametersAndCatchalls() {
        #expect(Self.matches(["gebiete", ":key"], ["gebiete", "06532001"]))
        #expect(!Self.matches(["gebiete", ":key"], ["gebiete"]))
        #expect(!Self.matches(["gebiete", ":key"], ["gebiete", "06532001", "mehr"]))
        #expect(Self.matches(["static", "**"], ["static", "a", "b.css"]))
        #expect(!Self.matches(["gebiete"], ["gebiet"]))
        let targets = Self.targets(in: ##"<a href="/a?x=1&amp;y=2#t">A</a><a href="#top">T</a><a href="https://example.org/">E</a><form method="post" action="/b"></form><form action=""></form>"##,
                                   page: "/seite")
        #expect(targets == [Target(method: "GET", path: "/a?x=1&y=2"), Target(method: "POST", path: "/b"), Target(method: "GET", path: "/seite")])
    }
}
