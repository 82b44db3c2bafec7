import Foundation

/// The kinds of organisation the county works with.
public enum OrganisationKind: String, CaseIterable, Sendable, Codable {
    /// Independent provider (freier Träger) running services.
    case provider
    /// A member association of the league (Caritas, Diakonie, AWO, DRK, Paritätischer, ...).
    case welfareAssociation = "welfare-association"
    /// The league of welfare associations (Liga der freien Wohlfahrtspflege).
    case league
    /// County, town, job centre, employment agency (öffentlicher Träger / Behörde).
    case publicBody = "public-body"
    case other
}

/// A provider, public body or association. Organisations are deactivated, never deleted:
/// services, applications and users point to them.
public struct Organisation: Sendable, Equatable, Identifiable {
    public let id: UUID
    public var name: String
    public var shortName: String?
    public var kind: OrganisationKind
    public var parentID: UUID?
    public var email: String?
    public var phone: String?
    public var website: String?
    public var street: String?
    public var postcode: String?
    public var city: String?
    public var active: Bool

    public init(id: UUID, name: String, shortName: String? = nil, kind: OrganisationKind, parentID: UUID? = nil,
                email: String? = nil, phone: String? = nil, website: String? = nil, street: String? = nil,
                postcode: String? = nil, city: String? = nil, active: Bool = true) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.parentID = parentID
        self.email = email
        self.phone = phone
        self.website = website
        self.street = street
        self.postcode = postcode
        self.city = city
        self.active = active
    }

    public init(id: UUID, draft: OrganisationDraft.Valid, active: Bool = true) {
        self.init(id: id, name: draft.name, shortName: draft.shortName, kind: draft.kind, parentID: draft.parentID,
                  email: draft.email, phone: draft.phone, website: draft.website, street: draft.street,
                  postcode: draft.postcode, city: draft.city, active: active)
    }

    /// The fields the audit log records, as text.
    public var auditFields: [String: String] {
        var fields: [String: String] = ["name": name, "kind": kind.rawValue, "active": active ? "true" : "false"]
        fields["shortName"] = shortName
        fields["parentId"] = parentID?.uuidString
        fields["email"] = email
        fields["phone"] = phone
        fields["website"] = website
        fields["street"] = street
        fields["postcode"] = postcode
        fields["city"] = city
        return fields
    }
}

/// An organisation as entered in a form or an API request, before it is checked.
public struct OrganisationDraft: Sendable, Equatable {
    public var name: String?
    public var shortName: String?
    public var kind: String?
    public var parentID: String?
    public var email: String?
    public var phone: String?
    public var website: String?
    public var street: String?
    public var postcode: String?
    public var city: String?

    public init(name: String? = nil, shortName: String? = nil, kind: String? = nil, parentID: String? = nil, email: String? = nil,
                phone: String? = nil, website: String? = nil, street: String? = nil, postcode: String? = nil, city: String? = nil) {
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.parentID = parentID
        self.email = email
        self.phone = phone
        self.website = website
        self.street = street
        self.postcode = postcode
        self.city = city
    }

    public init(_ organisation: Organisation) {
        self.init(name: organisation.name, shortName: organisation.shortName, kind: organisation.kind.rawValue,
                  parentID: organisation.parentID?.uuidString, email: organisation.email, phone: organisation.phone,
                  website: organisation.website, street: organisation.street, postcode: organisation.postcode, city: organisation.city)
    }

    /// A checked draft.
    public struct Valid: Sendable, Equatable {
        public let name: String
        public let shortName: String?
        public let kind: OrganisationKind
        public let parentID: UUID?
        public let email: String?
        public let phone: String?
        public let website: String?
        public let street: String?
        public let postcode: String?
        public let city: String?
    }

    /// Checks the draft against the organisations already stored. `editing` is the organisation being
    /// changed (it may keep its own name and cannot become its own ancestor).
    public func validated(existing: [Organisation], editing: UUID? = nil) throws -> Valid {
        var issues: [ValidationIssue] = []
        let name = FieldCheck.clean(name)
        if name == nil { issues.append(ValidationIssue("name", .required)) }
        FieldCheck.length(name, field: "name", max: 200, into: &issues)
        if let name, existing.contains(where: { $0.id != editing && $0.name.lowercased() == name.lowercased() }) {
            issues.append(ValidationIssue("name", .duplicate))
        }
        let shortName = FieldCheck.clean(shortName)
        FieldCheck.length(shortName, field: "shortName", max: 40, into: &issues)
        var kind: OrganisationKind = .provider
        if let raw = FieldCheck.clean(self.kind) {
            if let parsed = OrganisationKind(rawValue: raw) { kind = parsed } else { issues.append(ValidationIssue("kind", .unknownValue(raw))) }
        } else {
            issues.append(ValidationIssue("kind", .required))
        }
        var parent: UUID?
        if let raw = FieldCheck.clean(parentID) {
            if let id = UUID(uuidString: raw), existing.contains(where: { $0.id == id }) {
                parent = id
                if let editing, Self.ancestors(of: id, in: existing).contains(editing) || id == editing {
                    issues.append(ValidationIssue("parentId", .cycle))
                }
            } else {
                issues.append(ValidationIssue("parentId", .unknownReference))
            }
        }
        let email = FieldCheck.clean(self.email).map(EmailAddress.normalise)
        if let email, !EmailAddress.isValid(email) { issues.append(ValidationIssue("email", .invalidEmail)) }
        let phone = FieldCheck.clean(self.phone)
        FieldCheck.length(phone, field: "phone", max: 40, into: &issues)
        let website = FieldCheck.clean(self.website)
        if let website, !Self.isWebsite(website) { issues.append(ValidationIssue("website", .invalidWebsite)) }
        let street = FieldCheck.clean(self.street)
        FieldCheck.length(street, field: "street", max: 200, into: &issues)
        let postcode = FieldCheck.clean(self.postcode)
        if let postcode, postcode.count != 5 || !postcode.allSatisfy({ $0.isASCII && $0.isNumber }) {
            issues.append(ValidationIssue("postcode", .invalidPostcode))
        }
        let city = FieldCheck.clean(self.city)
        FieldCheck.length(city, field: "city", max: 100, into: &issues)
        guard issues.isEmpty, let name else { throw ValidationFailure(issues) }
        return Valid(name: name, shortName: shortName, kind: kind, parentID: parent, email: email, phone: phone,
                     website: website, street: street, postcode: postcode, city: city)
    }

    static func isWebsite(_ value: String) -> Bool {
        guard value.count <= 300, let url = URL(string: value), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = url.host, host.contains(".") else { return false }
        return true
    }

    /// The chain of parents above `id`, nearest first; stops at a cycle.
    public static func ancestors(of id: UUID, in organisations: [Organisation]) -> [UUID] {
        let parents = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.parentID) })
        var chain: [UUID] = []
        var current = parents[id] ?? nil
        while let next = current, !chain.contains(next), next != id {
            chain.append(next)
            current = parents[next] ?? nil
        }
        return chain
    }
}
