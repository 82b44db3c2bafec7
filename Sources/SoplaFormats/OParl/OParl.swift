import Foundation

/// OParl 1.1 objects as sopla publishes them (https://schema.oparl.org/1.1/). Every reference is a URL; times are
/// ISO 8601 strings, days `YYYY-MM-DD`. A field that is nil is left out. Encode with `OParl.encode`.
public enum OParl {
    public static let version = "https://schema.oparl.org/1.1/"

    public static func type(_ name: String) -> String { version + name }

    /// Sorted keys and unescaped slashes: the same object always gives the same bytes.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    public struct System: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("System")
        public var oparlVersion = OParl.version
        public var body: String
        public var name: String
        public var product: String
        public var vendor: String
        public var website: String
        public var license: String
        public var created: String
        public var modified: String

        public init(id: String, body: String, name: String, product: String, vendor: String, website: String, license: String, created: String, modified: String) {
            self.id = id
            self.body = body
            self.name = name
            self.product = product
            self.vendor = vendor
            self.website = website
            self.license = license
            self.created = created
            self.modified = modified
        }
    }

    public struct Body: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("Body")
        public var system: String
        public var name: String
        public var shortName: String
        public var ags: String
        public var website: String
        public var license: String
        public var organization: String
        public var person: String
        public var meeting: String
        public var paper: String
        public var membership: String
        public var agendaItem: String
        public var consultation: String
        public var file: String
        public var locationList: String
        public var legislativeTermList: String
        public var legislativeTerm: [LegislativeTerm]
        public var created: String
        public var modified: String

        /// The body at `id` with its lists under `id/…`.
        public init(id: String, system: String, name: String, shortName: String, ags: String, website: String, license: String,
                    legislativeTerm: [LegislativeTerm], created: String, modified: String) {
            self.id = id
            self.system = system
            self.name = name
            self.shortName = shortName
            self.ags = ags
            self.website = website
            self.license = license
            organization = id + "/organizations"
            person = id + "/persons"
            meeting = id + "/meetings"
            paper = id + "/papers"
            membership = id + "/memberships"
            agendaItem = id + "/agendaItems"
            consultation = id + "/consultations"
            file = id + "/files"
            locationList = id + "/locations"
            legislativeTermList = id + "/legislativeTerms"
            self.legislativeTerm = legislativeTerm
            self.created = created
            self.modified = modified
        }
    }

    public struct LegislativeTerm: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("LegislativeTerm")
        public var body: String
        public var name: String
        public var startDate: String
        public var endDate: String?
        public var created: String
        public var modified: String

        public init(id: String, body: String, name: String, startDate: String, endDate: String?, created: String, modified: String) {
            self.id = id
            self.body = body
            self.name = name
            self.startDate = startDate
            self.endDate = endDate
            self.created = created
            self.modified = modified
        }
    }

    public struct Organization: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("Organization")
        public var body: String
        public var name: String
        public var shortName: String?
        public var organizationType: String
        public var classification: String
        public var subOrganizationOf: String?
        /// The list of the organisation's meetings.
        public var meeting: String
        public var created: String
        public var modified: String

        public init(id: String, body: String, name: String, shortName: String?, organizationType: String, classification: String, subOrganizationOf: String?,
                    meeting: String, created: String, modified: String) {
            self.id = id
            self.body = body
            self.name = name
            self.shortName = shortName
            self.organizationType = organizationType
            self.classification = classification
            self.subOrganizationOf = subOrganizationOf
            self.meeting = meeting
            self.created = created
            self.modified = modified
        }
    }

    public struct Membership: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("Membership")
        public var person: String
        public var organization: String
        public var role: String
        public var votingRight: Bool
        public var startDate: String
        public var endDate: String?
        public var created: String
        public var modified: String

        public init(id: String, person: String, organization: String, role: String, votingRight: Bool, startDate: String, endDate: String?, created: String,
                    modified: String) {
            self.id = id
            self.person = person
            self.organization = organization
            self.role = role
            self.votingRight = votingRight
            self.startDate = startDate
            self.endDate = endDate
            self.created = created
            self.modified = modified
        }
    }

    public struct Person: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("Person")
        public var body: String
        public var name: String
        public var membership: [Membership]
        public var created: String
        public var modified: String

        public init(id: String, body: String, name: String, membership: [Membership], created: String, modified: String) {
            self.id = id
            self.body = body
            self.name = name
            self.membership = membership
            self.created = created
            self.modified = modified
        }
    }

    public struct File: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("File")
        public var name: String
        public var fileName: String
        public var mimeType: String
        public var date: String
        public var size: Int
        public var sha1Checksum: String
        public var sha512Checksum: String
        public var text: String?
        public var accessUrl: String
        public var downloadUrl: String
        public var paper: [String]
        public var created: String
        public var modified: String

        public init(id: String, name: String, fileName: String, mimeType: String, date: String, size: Int, sha1Checksum: String, sha512Checksum: String,
                    text: String?, accessUrl: String, downloadUrl: String, paper: [String], created: String, modified: String) {
            self.id = id
            self.name = name
            self.fileName = fileName
            self.mimeType = mimeType
            self.date = date
            self.size = size
            self.sha1Checksum = sha1Checksum
            self.sha512Checksum = sha512Checksum
            self.text = text
            self.accessUrl = accessUrl
            self.downloadUrl = downloadUrl
            self.paper = paper
            self.created = created
            self.modified = modified
        }
    }

    public struct Location: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("Location")
        public var description: String
        public var bodies: [String]
        public var created: String
        public var modified: String

        public init(id: String, description: String, bodies: [String], created: String, modified: String) {
            self.id = id
            self.description = description
            self.bodies = bodies
            self.created = created
            self.modified = modified
        }
    }

    public struct AgendaItem: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("AgendaItem")
        public var meeting: String
        public var number: String
        public var order: Int
        public var name: String
        public var `public` = true
        public var result: String?
        public var resolutionText: String?
        public var consultation: String?
        public var created: String
        public var modified: String

        public init(id: String, meeting: String, number: String, order: Int, name: String, result: String?, resolutionText: String?, consultation: String?,
                    created: String, modified: String) {
            self.id = id
            self.meeting = meeting
            self.number = number
            self.order = order
            self.name = name
            self.result = result
            self.resolutionText = resolutionText
            self.consultation = consultation
            self.created = created
            self.modified = modified
        }
    }

    public struct Meeting: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("Meeting")
        public var name: String
        public var meetingState: String?
        public var cancelled: Bool
        public var start: String
        public var end: String
        public var organization: [String]
        public var location: Location?
        public var agendaItem: [AgendaItem]
        public var created: String
        public var modified: String

        public init(id: String, name: String, meetingState: String?, cancelled: Bool, start: String, end: String, organization: [String], location: Location?,
                    agendaItem: [AgendaItem], created: String, modified: String) {
            self.id = id
            self.name = name
            self.meetingState = meetingState
            self.cancelled = cancelled
            self.start = start
            self.end = end
            self.organization = organization
            self.location = location
            self.agendaItem = agendaItem
            self.created = created
            self.modified = modified
        }
    }

    public struct Consultation: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("Consultation")
        public var paper: String
        public var agendaItem: String
        public var meeting: String
        public var organization: [String]
        public var authoritative: Bool
        public var role: String
        public var created: String
        public var modified: String

        public init(id: String, paper: String, agendaItem: String, meeting: String, organization: [String], authoritative: Bool, role: String, created: String,
                    modified: String) {
            self.id = id
            self.paper = paper
            self.agendaItem = agendaItem
            self.meeting = meeting
            self.organization = organization
            self.authoritative = authoritative
            self.role = role
            self.created = created
            self.modified = modified
        }
    }

    public struct Paper: Codable, Sendable, Equatable {
        public var id: String
        public var type = OParl.type("Paper")
        public var body: String
        public var name: String
        public var reference: String
        public var date: String
        public var paperType: String
        public var mainFile: File?
        public var auxiliaryFile: [File]?
        public var consultation: [Consultation]
        public var created: String
        public var modified: String

        public init(id: String, body: String, name: String, reference: String, date: String, paperType: String, mainFile: File?, auxiliaryFile: [File]?,
                    consultation: [Consultation], created: String, modified: String) {
            self.id = id
            self.body = body
            self.name = name
            self.reference = reference
            self.date = date
            self.paperType = paperType
            self.mainFile = mainFile
            self.auxiliaryFile = auxiliaryFile
            self.consultation = consultation
            self.created = created
            self.modified = modified
        }
    }

    /// What is left of a deleted object: clients that sync learn that it is gone.
    public struct Tombstone: Codable, Sendable, Equatable {
        public var id: String
        public var type: String
        public var deleted = true
        public var created: String
        public var modified: String

        public init(id: String, type: String, created: String, modified: String) {
            self.id = id
            self.type = type
            self.created = created
            self.modified = modified
        }
    }

    /// Any object a list or an object address gives.
    public enum Object: Encodable, Sendable, Equatable {
        case organization(Organization), person(Person), membership(Membership), meeting(Meeting), agendaItem(AgendaItem), paper(Paper)
        case consultation(Consultation), file(File), location(Location), legislativeTerm(LegislativeTerm), deleted(Tombstone)

        public var id: String {
            switch self {
            case .organization(let o): o.id
            case .person(let o): o.id
            case .membership(let o): o.id
            case .meeting(let o): o.id
            case .agendaItem(let o): o.id
            case .paper(let o): o.id
            case .consultation(let o): o.id
            case .file(let o): o.id
            case .location(let o): o.id
            case .legislativeTerm(let o): o.id
            case .deleted(let o): o.id
            }
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .organization(let o): try o.encode(to: encoder)
            case .person(let o): try o.encode(to: encoder)
            case .membership(let o): try o.encode(to: encoder)
            case .meeting(let o): try o.encode(to: encoder)
            case .agendaItem(let o): try o.encode(to: encoder)
            case .paper(let o): try o.encode(to: encoder)
            case .consultation(let o): try o.encode(to: encoder)
            case .file(let o): try o.encode(to: encoder)
            case .location(let o): try o.encode(to: encoder)
            case .legislativeTerm(let o): try o.encode(to: encoder)
            case .deleted(let o): try o.encode(to: encoder)
            }
        }
    }

    public struct Pagination: Codable, Sendable, Equatable {
        public var totalElements: Int
        public var elementsPerPage: Int
        public var currentPage: Int
        public var totalPages: Int

        public init(totalElements: Int, elementsPerPage: Int, currentPage: Int) {
            self.totalElements = totalElements
            self.elementsPerPage = elementsPerPage
            self.currentPage = currentPage
            totalPages = max(1, (totalElements + elementsPerPage - 1) / elementsPerPage)
        }
    }

    public struct Links: Codable, Sendable, Equatable {
        public var first: String
        public var last: String
        public var current: String
        public var prev: String?
        public var next: String?

        enum CodingKeys: String, CodingKey {
            case first, last, prev, next
            case current = "self"
        }

        /// The links of page `page` of `pagination`; `address(n)` is the address of page n.
        public init(_ pagination: Pagination, address: (Int) -> String) {
            first = address(1)
            last = address(pagination.totalPages)
            current = address(pagination.currentPage)
            prev = pagination.currentPage > 1 ? address(pagination.currentPage - 1) : nil
            next = pagination.currentPage < pagination.totalPages ? address(pagination.currentPage + 1) : nil
        }
    }

    /// An external list: one page of objects with where it stands and the addresses of its neighbours.
    public struct List: Encodable, Sendable, Equatable {
        public var data: [Object]
        public var pagination: Pagination
        public var links: Links

        public init(data: [Object], pagination: Pagination, links: Links) {
            self.data = data
            self.pagination = pagination
            self.links = links
        }
    }
}
