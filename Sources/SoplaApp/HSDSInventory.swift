import Foundation
import SoplaCore
import SoplaFormats
import SoplaStore

/// The inventory as Open Referral HSDS 3.0 objects (`HSDS` in SoplaFormats).
///
/// What has no HSDS field of its own is carried as an `attribute` whose `taxonomy_term` belongs to the sopla
/// taxonomy `sopla-merkmale` (term code → meaning, `value` as text):
/// `fte` ("Beruf=1.5", one per profession), `legal-basis`, `preventive` (true/false), `sex` (female/male/diverse,
/// one each), `situation` (one each), `step-free`, `sign-language`, `outreach` (true/false), `address-protected` (true,
/// only where the address must stay secret), `places`,
/// `cases-per-year`, `reference-year`, `verified-by`, `area-share` ("unit key=weight", where the capacity is split by
/// configured weights instead of population), `unit-key` (on a service area or location: the spatial unit's key),
/// `organisation-kind` (on an organisation). The category is an attribute with a term of the taxonomy
/// `sopla-kategorien`, whose terms are grouped under "kommunalisiert" and "weitere"; a term's
/// `description` the English name and, after " — legal basis: ", the legal basis. Every id is a UUID; ids that sopla does not store (schedules,
/// phones, attributes, terms) are derived from the thing they describe, so an export is the same every time.
public enum HSDSInventory {
    public static let categoryTaxonomy = "sopla-kategorien"
    public static let attributeTaxonomy = "sopla-merkmale"
    public static let attributeCodes = ["fte", "legal-basis", "preventive", "sex", "situation", "step-free", "sign-language", "outreach", "places",
                                        "cases-per-year", "reference-year", "verified-by", "unit-key", "organisation-kind", "area-share", "address-protected"]
    public static let groupCommunalised = "kommunalisiert"
    public static let groupOther = "weitere"
    public static let legalBasisSeparator = " — legal basis: "

    /// A UUID derived from a name (SHA-1, version 5 layout).
    public static func stableID(_ parts: String...) -> String {
        var bytes = Array(Checksums.sha1Bytes(Data(("sopla/" + parts.joined(separator: "/")).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let i = hex.startIndex
        func part(_ from: Int, _ to: Int) -> String { String(hex[hex.index(i, offsetBy: from)..<hex.index(i, offsetBy: to)]) }
        return [part(0, 8), part(8, 12), part(12, 16), part(16, 20), part(20, 32)].joined(separator: "-")
    }

    public static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    public static func taxonomyID(_ code: String) -> String { stableID("taxonomy", code) }
    public static func categoryTermID(_ code: String) -> String { stableID("term", categoryTaxonomy, code) }
    public static func attributeTermID(_ code: String) -> String { stableID("term", attributeTaxonomy, code) }

    public static func status(_ status: ServiceStatus) -> String {
        switch status {
        case .active: "active"
        case .inactive: "inactive"
        case .temporarilyClosed: "temporarily closed"
        }
    }

    public static func status(_ text: String) -> ServiceStatus? {
        switch text {
        case "active": .active
        case "inactive", "defunct": .inactive
        case "temporarily closed": .temporarilyClosed
        default: nil
        }
    }

    // MARK: Taxonomies

    public static func taxonomies() -> [HSDS.Taxonomy] {
        [
            HSDS.Taxonomy(id: taxonomyID(categoryTaxonomy), name: "sopla Angebotskategorien",
                          description: "Kategorien des Angebotsbestands: kommunalisierte Förderbereiche in Hessen und weitere Felder der sozialen Hilfen.", version: "1"),
            HSDS.Taxonomy(id: taxonomyID(attributeTaxonomy), name: "sopla Merkmale",
                          description: "Merkmale eines Angebots, die HSDS nicht eigens kennt: Personal (VZÄ) je Beruf, Rechtsgrundlage, präventiv, Zielgruppe, Kapazität, Gebietsschlüssel.",
                          version: "1"),
        ]
    }

    public static func terms(_ categories: [ServiceCategory]) -> [HSDS.TaxonomyTerm] {
        let taxonomy = taxonomyID(categoryTaxonomy)
        var result = [
            HSDS.TaxonomyTerm(id: categoryTermID(groupCommunalised), code: groupCommunalised, name: "Kommunalisierte Förderbereiche",
                              description: "Communalised funding areas (Kommunalisierung sozialer Hilfen in Hessen)", taxonomyID: taxonomy, language: "de"),
            HSDS.TaxonomyTerm(id: categoryTermID(groupOther), code: groupOther, name: "Weitere Felder", description: "Further fields", taxonomyID: taxonomy, language: "de"),
        ]
        for category in categories.sorted(by: { $0.code < $1.code }) {
            let description = category.nameEN + (category.legalBasis.map { legalBasisSeparator + $0 } ?? "")
            result.append(HSDS.TaxonomyTerm(id: categoryTermID(category.code), code: category.code, name: category.nameDE, description: description, taxonomyID: taxonomy,
                                            language: "de", parentID: categoryTermID(category.communalised ? groupCommunalised : groupOther)))
        }
        let attributes = taxonomyID(attributeTaxonomy)
        for code in attributeCodes {
            result.append(HSDS.TaxonomyTerm(id: attributeTermID(code), code: code, name: code, description: "sopla: \(code)", taxonomyID: attributes, language: "en"))
        }
        return result
    }

    // MARK: Organisations

    /// `full`: with phones and attributes (the package), else the fields of a list.
    public static func organisation(_ o: Organisation, full: Bool) -> HSDS.Organization {
        var object = HSDS.Organization(id: id(o.id), name: o.name, alternateName: o.shortName, description: o.name, email: o.email, website: o.website,
                                       parentOrganizationID: o.parentID.map(id))
        if full {
            object.phones = o.phone.map { [HSDS.Phone(id: stableID("phone", id(o.id)), organizationID: id(o.id), number: $0)] } ?? []
            object.attributes = [attribute(link: id(o.id), entity: "organization", code: "organisation-kind", value: o.kind.rawValue)]
        }
        return object
    }

    static func attribute(link: String, entity: String, code: String, value: String?, index: Int = 0) -> HSDS.Attribute {
        HSDS.Attribute(id: stableID("attribute", link, code, String(index), value ?? ""), linkID: link, linkType: entity, linkEntity: entity,
                       taxonomyTermID: attributeTermID(code), value: value)
    }

    // MARK: Services

    /// `withPerson`: whether the name of the person who last verified the service goes with it (the package for the
    /// county's own systems carries it; the public API does not). `languageName` names a language code in English.
    public static func service(_ record: ServiceRecord, unitNames: [String: String], full: Bool, withPerson: Bool = false,
                               languageName: (String) -> String) -> HSDS.Service {
        let s = record.service
        let sid = id(s.id)
        var object = HSDS.Service(id: sid, organizationID: id(s.organisationID), name: s.name, status: status(s.status), lastModified: record.updatedAt.formatted(.iso8601))
        object.description = s.description.isEmpty ? nil : s.description
        object.url = s.website
        object.email = s.email
        object.applicationProcess = s.howToApply
        object.feesDescription = s.fees
        object.eligibilityDescription = s.eligibility
        object.minimumAge = s.targetGroup.minAge
        object.maximumAge = s.targetGroup.maxAge
        object.assuredDate = s.lastVerified?.iso
        guard full else { return object }
        object.phones = s.phone.map { [HSDS.Phone(id: stableID("phone", sid), serviceID: sid, number: $0)] } ?? []
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        object.schedules = s.openingHours.sorted { ($0.weekday, $0.opens) < ($1.weekday, $1.opens) }.map { slot in
            HSDS.Schedule(id: stableID("schedule", sid, String(slot.weekday), String(slot.opens)), serviceID: sid, freq: "WEEKLY", wkst: "MO",
                          byday: days[max(0, min(6, slot.weekday - 1))], opensAt: Service.clock(slot.opens), closesAt: Service.clock(slot.closes))
        }
        object.serviceAreas = s.serviceArea.sorted().map { key in
            let areaID = stableID("service-area", sid, key)
            return HSDS.ServiceArea(id: areaID, serviceID: sid, name: unitNames[key] ?? key, attributes: [attribute(link: areaID, entity: "service_area", code: "unit-key", value: key)])
        }
        object.languages = s.languages.map { code in HSDS.Language(id: stableID("language", sid, code), serviceID: sid, code: code, name: languageName(code)) }
        object.serviceAtLocations = s.locations.map { serviceAtLocation($0, service: s, full: true) }
        var attributes = [HSDS.Attribute(id: stableID("attribute", sid, "category"), linkID: sid, linkType: "service", linkEntity: "service",
                                         taxonomyTermID: categoryTermID(s.categoryCode), value: nil)]
        func add(_ code: String, _ value: String) { attributes.append(attribute(link: sid, entity: "service", code: code, value: value)) }
        for (profession, fte) in s.capacity.fte.sorted(by: { $0.key < $1.key }) { add("fte", "\(profession)=\(fte)") }
        if let legal = s.legalBasis { add("legal-basis", legal) }
        add("preventive", String(s.preventive))
        for sex in s.targetGroup.sexes.sorted(by: { $0.rawValue < $1.rawValue }) { add("sex", sex.rawValue) }
        for situation in s.targetGroup.situations.sorted() { add("situation", situation) }
        add("step-free", String(s.stepFree))
        add("sign-language", String(s.signLanguage))
        add("outreach", String(s.outreach))
        if s.addressProtected { add("address-protected", "true") }
        if let places = s.capacity.places { add("places", String(places)) }
        if let cases = s.capacity.casesPerYear { add("cases-per-year", String(cases)) }
        if let year = s.capacity.referenceYear { add("reference-year", String(year)) }
        for (unit, weight) in (s.areaShares ?? [:]).sorted(by: { $0.key < $1.key }) { add("area-share", "\(unit)=\(weight)") }
        if withPerson, let by = s.verifiedBy { add("verified-by", by) }
        object.attributes = attributes
        return object
    }

    public static func serviceAtLocationID(_ location: ServiceLocation) -> String { stableID("service-at-location", id(location.id)) }

    public static func serviceAtLocation(_ location: ServiceLocation, service: Service, full: Bool) -> HSDS.ServiceAtLocation {
        let lid = id(location.id)
        var object = HSDS.ServiceAtLocation(id: serviceAtLocationID(location), serviceID: id(service.id), locationID: lid)
        guard full else { return object }
        let address = location.street != nil || location.postcode != nil || location.city != nil
            ? [HSDS.Address(id: stableID("address", lid), locationID: lid, address1: location.street ?? "", city: location.city ?? "", stateProvince: "Hessen",
                            postalCode: location.postcode ?? "", country: "DE", addressType: "physical")] : nil
        var accessibility: [HSDS.Accessibility] = []
        if service.stepFree { accessibility.append(HSDS.Accessibility(id: stableID("accessibility", lid, "step-free"), locationID: lid, description: "stufenlos erreichbar")) }
        if service.signLanguage {
            accessibility.append(HSDS.Accessibility(id: stableID("accessibility", lid, "sign-language"), locationID: lid, description: "Gebärdensprache möglich"))
        }
        object.location = HSDS.Location(id: lid, locationType: "physical", organizationID: id(service.organisationID), name: location.name, latitude: location.point?.lat,
                                        longitude: location.point?.lon, addresses: address, accessibility: accessibility,
                                        attributes: location.unitKey.map { [attribute(link: lid, entity: "location", code: "unit-key", value: $0)] })
        return object
    }

    // MARK: Package

    /// The whole inventory: every organisation with services (and their parents), every service fully nested, the taxonomies and terms.
    public static func package(organisations: [Organisation], records: [ServiceRecord], categories: [ServiceCategory], unitNames: [String: String],
                               languageName: (String) -> String) -> HSDS.Package {
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        var needed = Set(records.map(\.service.organisationID))
        var frontier = Array(needed)
        while let next = frontier.popLast() {
            if let parent = byID[next]?.parentID, needed.insert(parent).inserted { frontier.append(parent) }
        }
        return HSDS.Package(
            organizations: organisations.filter { needed.contains($0.id) }.sorted { $0.id.uuidString < $1.id.uuidString }.map { organisation($0, full: true) },
            services: records.sorted { $0.service.id.uuidString < $1.service.id.uuidString }.map {
                service($0, unitNames: unitNames, full: true, withPerson: true, languageName: languageName)
            },
            taxonomies: taxonomies(), taxonomyTerms: terms(categories))
    }
}
