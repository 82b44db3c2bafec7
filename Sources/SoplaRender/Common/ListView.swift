import Foundation
import SoplaCore

/// The state of a list page — search, filters, sort and page — as a query string, so every view of a list is a link.
public struct ListState: Sendable, Equatable {
    public var path: String
    public var filters: [String: String]
    public var sort: String?
    public var descending: Bool
    public var page: Int
    /// The highest page a link may ask for; beyond it `page × perPage` could overflow.
    public static let maximumPage = 100_000

    public init(path: String, filters: [String: String] = [:], sort: String? = nil, descending: Bool = false, page: Int = 1) {
        self.path = path
        self.filters = filters.filter { !$0.value.isEmpty }
        self.sort = sort
        self.descending = descending
        self.page = min(max(1, page), Self.maximumPage)
    }

    public var link: String { link(path) }

    /// The same state on another path (the CSV download of a list).
    public func link(_ path: String) -> String {
        var items = filters.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        if let sort { items.append(URLQueryItem(name: "sortierung", value: sort)) }
        if descending { items.append(URLQueryItem(name: "richtung", value: "ab")) }
        if page > 1 { items.append(URLQueryItem(name: "seite", value: String(page))) }
        guard !items.isEmpty else { return path }
        var components = URLComponents()
        components.queryItems = items
        return path + "?" + (components.percentEncodedQuery ?? "")
    }

    public func sorted(by field: String, defaultField: String) -> ListState {
        var next = self
        let current = sort ?? defaultField
        next.descending = current == field ? !descending : false
        next.sort = field
        next.page = 1
        return next
    }

    public func onPage(_ page: Int) -> ListState {
        var next = self
        next.page = min(max(1, page), Self.maximumPage)
        return next
    }
}

/// A sortable, paged table, the same on every list page.
public struct ListTable {
    public struct Column: Sendable {
        public let title: String
        /// The sort key, or nil if the column cannot be sorted.
        public let sortKey: String?
        public let numeric: Bool

        public init(_ title: String, sortKey: String? = nil, numeric: Bool = false) {
            self.title = title
            self.sortKey = sortKey
            self.numeric = numeric
        }
    }

    public let caption: String
    public let columns: [Column]
    public let rows: [[HTMLNode]]
    public let state: ListState
    public let defaultSort: String
    public let total: Int
    public let perPage: Int

    public init(caption: String, columns: [Column], rows: [[HTMLNode]], state: ListState, defaultSort: String, total: Int, perPage: Int) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.state = state
        self.defaultSort = defaultSort
        self.total = total
        self.perPage = perPage
    }

    var pageCount: Int { max(1, (total + perPage - 1) / perPage) }

    public func render(_ language: Language, emptyText: String) -> [HTMLNode] {
        let t = Texts(language)
        let count = el("p", [("class", "result-count"), ("role", "status")], text: "\(Format.integer(total, language)) \(t(.resultsCount))")
        guard !rows.isEmpty else { return [count, el("p", [("class", "empty-state")], text: emptyText)] }
        let current = state.sort ?? defaultSort
        let headers: [HTMLNode] = columns.map { column in
            guard let key = column.sortKey else {
                return el("th", [("scope", "col"), ("class", column.numeric ? "num" : nil)], text: column.title)
            }
            let isSorted = current == key
            return el("th", [("scope", "col"), ("class", column.numeric ? "num" : nil),
                             ("aria-sort", isSorted ? (state.descending ? "descending" : "ascending") : nil)], [
                el("a", [("href", state.sorted(by: key, defaultField: defaultSort).link)], [
                    txt(column.title),
                    el("span", [("aria-hidden", "true")], text: isSorted ? (state.descending ? " ▼" : " ▲") : ""),
                    el("span", [("class", "visually-hidden")], text: isSorted ? ", " + t(state.descending ? .sortedDescending : .sortedAscending) : ""),
                ]),
            ])
        }
        let table = el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: "\(caption) – \(t(.pageLabel)) \(state.page) / \(pageCount)"),
            el("thead", [], [el("tr", [], headers)]),
            el("tbody", [], rows.map { cells in
                el("tr", [], cells.enumerated().map { index, cell in
                    index == 0 ? el("th", [("scope", "row")], [cell])
                        : el("td", [("class", columns.indices.contains(index) && columns[index].numeric ? "num" : nil)], [cell])
                })
            }),
        ])])
        return [count, table, Self.pager(state: state, pageCount: pageCount, language)]
    }

    /// Previous and next page links; nothing when everything fits on one page.
    public static func pager(state: ListState, pageCount: Int, _ language: Language) -> HTMLNode {
        guard pageCount > 1 else { return .empty }
        let t = Texts(language)
        return el("nav", [("aria-label", t(.paginationLabel)), ("class", "pagination")], [
            state.page > 1 ? el("a", [("href", state.onPage(state.page - 1).link), ("rel", "prev")], text: t(.previousPage)) : .empty,
            el("span", text: "\(t(.pageLabel)) \(state.page) / \(pageCount)"),
            state.page < pageCount ? el("a", [("href", state.onPage(state.page + 1).link), ("rel", "next")], text: t(.nextPage)) : .empty,
        ])
    }
}

/// A page of items cut from a sorted list.
public enum Paging {
    /// The last page, when a page beyond it was asked for and found nothing; nil when the asked page is fine.
    public static func lastPage(total: Int, perPage: Int, asked: Int, found: Int) -> Int? {
        guard found == 0, total > 0, asked > 1 else { return nil }
        let last = (total + max(1, perPage) - 1) / max(1, perPage)
        return last < asked ? last : nil
    }

    public static func slice<T>(_ items: [T], page: Int, perPage: Int) -> [T] {
        // Multiplied with overflow reported: a page number from a link is never trusted to be small.
        let (start, overflow) = (min(max(1, page), ListState.maximumPage) - 1).multipliedReportingOverflow(by: max(1, perPage))
        guard !overflow, start < items.count else { return [] }
        return Array(items[start..<min(items.count, start + perPage)])
    }
}

/// Date and time as people in the county read them: local time (Europe/Berlin).
public enum DateText {
    static let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 0)!

    public static func dateTime(_ date: Date, _ language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ v: Int?) -> String { String(format: "%02d", v ?? 0) }
        let time = pad(c.hour) + ":" + pad(c.minute)
        return language == .de
            ? "\(pad(c.day)).\(pad(c.month)).\(c.year ?? 0) \(time)"
            : "\(c.year ?? 0)-\(pad(c.month))-\(pad(c.day)) \(time)"
    }
}
