import Foundation

/// What the router registers: path components, `:name` for a parameter.
public protocol RoutePattern: Sendable {
    var components: [String] { get }
}

extension Array: RoutePattern where Element == String {
    public var components: [String] { self }
}

/// A value that fills a path parameter.
public protocol PathValue {
    var pathText: String { get }
}

extension UUID: PathValue {
    public var pathText: String { uuidString.lowercased() }
}

extension Int: PathValue {
    public var pathText: String { String(self) }
}

extension String: PathValue {
    /// Percent-encoded as one path segment ("/" and "?" too).
    public var pathText: String {
        addingPercentEncoding(withAllowedCharacters: CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? self
    }
}

/// A route without parameters: `ReportRoute.manage()` is "/berichte/verwaltung".
public typealias FixedPath = RoutePath< >

/// One route, declared once: the router registers its `components`, and a view builds the link by calling it with the
/// parameters in their order — `ReportRoute.edition(report, 3)` is "/berichte/<report>/3".
public struct RoutePath<each Value: PathValue>: RoutePattern, CustomStringConvertible {
    public let components: [String]

    /// `template` as written in the address bar, parameters as `:name`: "/berichte/:report/:number".
    public init(_ template: String) {
        components = template.split(separator: "/").map(String.init)
    }

    /// The path with the parameters filled in, in order.
    public func callAsFunction(_ value: repeat each Value) -> String {
        var texts: [String] = []
        for text in repeat (each value).pathText { texts.append(text) }
        var next = texts.makeIterator()
        return "/" + components.map { $0.hasPrefix(":") ? next.next() ?? $0 : $0 }.joined(separator: "/")
    }

    /// The template ("/berichte/:report/:number").
    public var description: String { "/" + components.joined(separator: "/") }
}
