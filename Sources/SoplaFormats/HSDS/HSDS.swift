import Foundation

/// Open Referral HSDS 3.0 objects (https://docs.openreferral.org/en/3.0/) as sopla writes and reads them. Fields are
/// optional where a package from elsewhere may leave them out; a field that is nil is not written. Encode with
/// `HSDS.encode`, decode with `HSDS.decoder`.
public enum HSDS {
    public static let version = "3.0"

    /// Sorted keys, unescaped slashes, indented: the same inventory always gives the same bytes.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(value)
    }

    public static var decoder: JSONDecoder { JSONDecoder() }

    public struct Taxonomy: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var description: String
        public var version: String?

        public init(id: String, name: String, description: String, version: String?) {
            self.id = id
            self.name = name
            self.description = description
            self.version = version
        }
    }

    public struct TaxonomyTerm: Codable, Sendable, Equatable {
        public var id: String?
        public var code: String?
        public var name: String?
        public var description: String?
        public var taxonomyID: String?
        public var language: String?
        public var parentID: String?

        enum CodingKeys: String, CodingKey {
            case id, code, name, description, language
            case taxonomyID = "taxonomy_id", parentID = "parent_id"
        }

        public init(id: String, code: String, name: String, description: String, taxonomyID: String, language: String, parentID: String? = nil) {
            self.id = id
            self.code = code
            self.name = name
            self.description = description
            self.taxonomyID = taxonomyID
            self.language = language
            self.parentID = parentID
        }
    }

    /// What a linked object carries beyond the standard's fields: a term of a taxonomy, with a value.
    public struct Attribute: Codable, Sendable, Equatable {
        public var id: String?
        public var linkID: String?
        public var linkType: String?
        public var linkEntity: String?
        public var taxonomyTermID: String?
        public var value: String?

        enum CodingKeys: String, CodingKey {
            case id, value
            case linkID = "link_id", linkType = "link_type", linkEntity = "link_entity", taxonomyTermID = "taxonomy_term_id"
        }

        public init(id: String, linkID: String, linkType: String, linkEntity: String, taxonomyTermID: String, value: String?) {
            self.id = id
            self.linkID = linkID
            self.linkType = linkType
            self.linkEntity = linkEntity
            self.taxonomyTermID = taxonomyTermID
            self.value = value
        }
    }

    public struct Phone: Codable, Sendable, Equatable {
        public var id: String?
        public var organizationID: String?
        public var serviceID: String?
        public var number: String?

        enum CodingKeys: String, CodingKey {
            case id, number
            case organizationID = "organization_id", serviceID = "service_id"
        }

        public init(id: String, organizationID: String? = nil, serviceID: String? = nil, number: String) {
            self.id = id
            self.organizationID = organizationID
            self.serviceID = serviceID
            self.number = number
        }
    }

    public struct Organization: Codable, Sendable, Equatable {
        public var id: String?
        public var name: String?
        public var alternateName: String?
        public var description: String?
        public var email: String?
        public var website: String?
        public var parentOrganizationID: String?
        public var phones: [Phone]?
        public var attributes: [Attribute]?
        /// The places of the organisation's services (the single organisation's answer).
        public var locations: [Location]?

        enum CodingKeys: String, CodingKey {
            case id, name, description, email, website, phones, attributes, locations
            case alternateName = "alternate_name", parentOrganizationID = "parent_organization_id"
        }

        public init(id: String, name: String, alternateName: String?, description: String?, email: String?, website: String?, parentOrganizationID: String?,
                    phones: [Phone]? = nil, attributes: [Attribute]? = nil, locations: [Location]? = nil) {
            self.id = id
            self.name = name
            self.alternateName = alternateName
            self.description = description
            self.email = email
            self.website = website
            self.parentOrganizationID = parentOrganizationID
            self.phones = phones
            self.attributes = attributes
            self.locations = locations
        }
    }

    public struct Schedule: Codable, Sendable, Equatable {
        public var id: String?
        public var serviceID: String?
        public var freq: String?
        public var wkst: String?
        public var byday: String?
        public var opensAt: String?
        public var closesAt: String?

        enum CodingKeys: String, CodingKey {
            case id, freq, wkst, byday
            case serviceID = "service_id", opensAt = "opens_at", closesAt = "closes_at"
        }

        public init(id: String, serviceID: String, freq: String, wkst: String, byday: String, opensAt: String, closesAt: String) {
            self.id = id
            self.serviceID = serviceID
            self.freq = freq
            self.wkst = wkst
            self.byday = byday
            self.opensAt = opensAt
            self.closesAt = closesAt
        }
    }

    public struct ServiceArea: Codable, Sendable, Equatable {
        public var id: String?
        public var serviceID: String?
        public var name: String?
        public var attributes: [Attribute]?

        enum CodingKeys: String, CodingKey {
            case id, name, attributes
            case serviceID = "service_id"
        }

        public init(id: String, serviceID: String, name: String, attributes: [Attribute]) {
            self.id = id
            self.serviceID = serviceID
            self.name = name
            self.attributes = attributes
        }
    }

    public struct Language: Codable, Sendable, Equatable {
        public var id: String?
        public var serviceID: String?
        public var code: String?
        public var name: String?

        enum CodingKeys: String, CodingKey {
            case id, code, name
            case serviceID = "service_id"
        }

        public init(id: String, serviceID: String, code: String, name: String) {
            self.id = id
            self.serviceID = serviceID
            self.code = code
            self.name = name
        }
    }

    public struct Address: Codable, Sendable, Equatable {
        public var id: String?
        public var locationID: String?
        public var address1: String?
        public var city: String?
        public var stateProvince: String?
        public var postalCode: String?
        public var country: String?
        public var addressType: String?

        enum CodingKeys: String, CodingKey {
            case id, city, country
            case locationID = "location_id", address1 = "address_1", stateProvince = "state_province", postalCode = "postal_code", addressType = "address_type"
        }

        public init(id: String, locationID: String, address1: String, city: String, stateProvince: String, postalCode: String, country: String, addressType: String) {
            self.id = id
            self.locationID = locationID
            self.address1 = address1
            self.city = city
            self.stateProvince = stateProvince
            self.postalCode = postalCode
            self.country = country
            self.addressType = addressType
        }
    }

    public struct Accessibility: Codable, Sendable, Equatable {
        public var id: String?
        public var locationID: String?
        public var description: String?

        enum CodingKeys: String, CodingKey {
            case id, description
            case locationID = "location_id"
        }

        public init(id: String, locationID: String, description: String) {
            self.id = id
            self.locationID = locationID
            self.description = description
        }
    }

    public struct Location: Codable, Sendable, Equatable {
        public var id: String?
        public var locationType: String?
        public var organizationID: String?
        public var name: String?
        public var latitude: Double?
        public var longitude: Double?
        public var addresses: [Address]?
        public var accessibility: [Accessibility]?
        public var attributes: [Attribute]?

        enum CodingKeys: String, CodingKey {
            case id, name, latitude, longitude, addresses, accessibility, attributes
            case locationType = "location_type", organizationID = "organization_id"
        }

        public init(id: String, locationType: String, organizationID: String, name: String?, latitude: Double?, longitude: Double?, addresses: [Address]?,
                    accessibility: [Accessibility], attributes: [Attribute]?) {
            self.id = id
            self.locationType = locationType
            self.organizationID = organizationID
            self.name = name
            self.latitude = latitude
            self.longitude = longitude
            self.addresses = addresses
            self.accessibility = accessibility
            self.attributes = attributes
        }
    }

    public struct ServiceAtLocation: Codable, Sendable, Equatable {
        public var id: String?
        public var serviceID: String?
        public var locationID: String?
        public var location: Location?

        enum CodingKeys: String, CodingKey {
            case id, location
            case serviceID = "service_id", locationID = "location_id"
        }

        public init(id: String, serviceID: String, locationID: String, location: Location? = nil) {
            self.id = id
            self.serviceID = serviceID
            self.locationID = locationID
            self.location = location
        }
    }

    public struct Service: Codable, Sendable, Equatable {
        public var id: String?
        public var organizationID: String?
        public var name: String?
        public var status: String?
        public var lastModified: String?
        public var description: String?
        public var url: String?
        public var email: String?
        public var applicationProcess: String?
        public var feesDescription: String?
        public var eligibilityDescription: String?
        public var minimumAge: Int?
        public var maximumAge: Int?
        public var assuredDate: String?
        public var phones: [Phone]?
        public var schedules: [Schedule]?
        public var serviceAreas: [ServiceArea]?
        public var languages: [Language]?
        public var serviceAtLocations: [ServiceAtLocation]?
        public var attributes: [Attribute]?
        /// The provider (the single service's answer).
        public var organization: Organization?

        enum CodingKeys: String, CodingKey {
            case id, name, status, description, url, email, phones, schedules, languages, attributes, organization
            case organizationID = "organization_id", lastModified = "last_modified", applicationProcess = "application_process",
                 feesDescription = "fees_description", eligibilityDescription = "eligibility_description", minimumAge = "minimum_age",
                 maximumAge = "maximum_age", assuredDate = "assured_date", serviceAreas = "service_areas", serviceAtLocations = "service_at_locations"
        }

        public init(id: String, organizationID: String, name: String, status: String, lastModified: String) {
            self.id = id
            self.organizationID = organizationID
            self.name = name
            self.status = status
            self.lastModified = lastModified
        }
    }

    /// The whole inventory in one file.
    public struct Package: Codable, Sendable, Equatable {
        public var hsdsVersion: String?
        public var organizations: [Organization]?
        public var services: [Service]?
        public var taxonomies: [Taxonomy]?
        public var taxonomyTerms: [TaxonomyTerm]?

        enum CodingKeys: String, CodingKey {
            case organizations, services, taxonomies
            case hsdsVersion = "hsds_version", taxonomyTerms = "taxonomy_terms"
        }

        public init(organizations: [Organization], services: [Service], taxonomies: [Taxonomy], taxonomyTerms: [TaxonomyTerm]) {
            hsdsVersion = HSDS.version
            self.organizations = organizations
            self.services = services
            self.taxonomies = taxonomies
            self.taxonomyTerms = taxonomyTerms
        }
    }

    /// The API's root: version and where its description is.
    public struct Root: Codable, Sendable, Equatable {
        public var version = HSDS.version
        public var profile = "https://docs.openreferral.org/en/3.0/"
        public var openapiURL: String

        enum CodingKeys: String, CodingKey {
            case version, profile
            case openapiURL = "openapi_url"
        }

        public init(openapiURL: String) { self.openapiURL = openapiURL }
    }

    /// One page of a list, as the standard's `Page`.
    public struct Page<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        public var totalItems: Int
        public var totalPages: Int
        public var pageNumber: Int
        public var size: Int
        public var firstPage: Bool
        public var lastPage: Bool
        public var empty: Bool
        public var contents: [Item]

        enum CodingKeys: String, CodingKey {
            case size, empty, contents
            case totalItems = "total_items", totalPages = "total_pages", pageNumber = "page_number", firstPage = "first_page", lastPage = "last_page"
        }

        /// Page `page` (from 1) of `items`, `perPage` a page.
        public init(_ items: [Item], page: Int, perPage: Int) {
            totalItems = items.count
            totalPages = max(1, (items.count + perPage - 1) / perPage)
            pageNumber = page
            let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
            let start = overflow ? items.count : min(items.count, offset)
            contents = Array(items[start..<min(items.count, start + perPage)])
            size = contents.count
            firstPage = page == 1
            lastPage = page >= totalPages
            empty = contents.isEmpty
        }
    }
}
