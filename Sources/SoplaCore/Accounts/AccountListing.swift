import Foundation

/// Which records a list shows by status.
public enum StatusFilter: String, Sendable, CaseIterable {
    case active = "aktiv"
    case inactive = "inaktiv"
    case all = "alle"

    func includes(_ active: Bool) -> Bool {
        switch self {
        case .active: return active
        case .inactive: return !active
        case .all: return true
        }
    }
}

/// Search, filter and sort of the organisation list.
public struct OrganisationQuery: Sendable, Equatable {
    public enum SortField: String, Sendable, CaseIterable {
        case name, shortName = "kurz", kind = "art", city = "ort", status
    }

    public var search: String?
    public var kind: OrganisationKind?
    public var status: StatusFilter
    public var sort: SortField
    public var descending: Bool

    public init(search: String? = nil, kind: OrganisationKind? = nil, status: StatusFilter = .active, sort: SortField = .name, descending: Bool = false) {
        self.search = search
        self.kind = kind
        self.status = status
        self.sort = sort
        self.descending = descending
    }

    /// Matching organisations in order; ties and missing values are ordered by name, missing values last.
    public func apply(to organisations: [Organisation]) -> [Organisation] {
        let needle = search.map(SpatialUnitListing.normalise).flatMap { $0.isEmpty ? nil : $0 }
        let matching = organisations.filter { o in
            guard status.includes(o.active), kind.map({ $0 == o.kind }) ?? true else { return false }
            guard let needle else { return true }
            return [o.name, o.shortName, o.city, o.email].compactMap { $0 }.contains { SpatialUnitListing.normalise($0).contains(needle) }
        }
        return matching.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka.isEmpty != kb.isEmpty { return !ka.isEmpty }
            let order = ka.localizedStandardCompare(kb)
            if order != .orderedSame { return descending ? order == .orderedDescending : order == .orderedAscending }
            return a.name.localizedStandardCompare(b.name) == .orderedAscending
        }
    }

    func key(_ o: Organisation) -> String {
        switch sort {
        case .name: return o.name
        case .shortName: return o.shortName ?? ""
        case .kind: return o.kind.rawValue
        case .city: return o.city ?? ""
        case .status: return o.active ? "0" : "1"
        }
    }
}

/// Search, filter and sort of the user list.
public struct UserQuery: Sendable, Equatable {
    public enum SortField: String, Sendable, CaseIterable {
        case name, email, lastLogin = "anmeldung", status
    }

    public var search: String?
    public var role: Role?
    public var status: StatusFilter
    public var sort: SortField
    public var descending: Bool

    public init(search: String? = nil, role: Role? = nil, status: StatusFilter = .active, sort: SortField = .name, descending: Bool = false) {
        self.search = search
        self.role = role
        self.status = status
        self.sort = sort
        self.descending = descending
    }

    public func apply(to users: [UserAccount]) -> [UserAccount] {
        let needle = search.map(SpatialUnitListing.normalise).flatMap { $0.isEmpty ? nil : $0 }
        let matching = users.filter { u in
            guard status.includes(u.active), role.map({ u.roles.contains($0) }) ?? true else { return false }
            guard let needle else { return true }
            return SpatialUnitListing.normalise(u.displayName).contains(needle) || u.email.contains(needle)
        }
        return matching.sorted { a, b in
            let order: ComparisonResult
            switch sort {
            case .name: order = a.displayName.localizedStandardCompare(b.displayName)
            case .email: order = a.email.compare(b.email)
            case .lastLogin:
                // Never logged in counts as earliest.
                let x = a.lastLoginAt ?? .distantPast, y = b.lastLoginAt ?? .distantPast
                order = x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
            case .status: order = a.active == b.active ? .orderedSame : (a.active ? .orderedAscending : .orderedDescending)
            }
            if order != .orderedSame { return descending ? order == .orderedDescending : order == .orderedAscending }
            return a.displayName.localizedStandardCompare(b.displayName) == .orderedAscending
        }
    }
}
