import Crypto
import Foundation
import SoplaCore
import SoplaRender
import SoplaStore

/// The inventory as Open Referral HSDS 3.0 objects, and back.
///
/// What has no HSDS field of its own is carried as an `attribute` whose `taxonomy_term` belongs to the sopla
/// taxonomy `sopla-merkmale` (term code → meaning, `value` as text):
/// `fte` ("Beruf=1.5", one per profession), `legal-basis`, `preventive` (true/false), `sex` (female/male/diverse,
/// one each), `situation` (one each), `step-free`, `sign-language`, `outreach` (true/false), `places`,
/// `cases-per-year`, `reference-year`, `verified-by`, `area-share` ("unit key=weight", where the capacity is split by
/// configured weights instead of population), `unit-key` (on a service area or location: the spatial unit's key),
/// `organisation-kind` (on an organisation). The category is an attribute with a term of the taxonomy
/// `sopla-kategorien`, whose terms are grouped under "kommunalisiert" and "weitere"; a term's
/// `description` the English name and, after " — legal basis: ", the legal basis. Every id is a UUID; ids that sopla does not store (schedules,
/// phones, attributes, terms) are derived from the thing they describe, so an export is the same every time.
enum HSDS {
    static let version = "3.0"
    static let categoryTaxonomy = "sopla-kategorien"
    static let attributeTaxonomy = "sopla-merkmale"
    static let attributeCodes = ["fte", "legal-basis", "preventive", "sex", "situation", "step-free", "sign-language", "outreach", "places",
                                 "cases-per-year", "reference-year", "verified-by", "unit-key", "organisation-kind", "area-share"]
    static let groupCommunalised = "kommunalisiert"
    static let groupOther = "weitere"
    static let legalBasisSeparator = " — legal basis: "

    typealias Object = [String: Any]

    /// A UUID derived from a name (SHA-1, version 5 layout).
    static func stableID(_ parts: String...) -> String {
        var bytes = Array(Insecure.SHA1.hash(data: Data(("sopla/" + parts.joined(separator: "/")).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let i = hex.startIndex
        func part(_ from: Int, _ to: Int) -> String { String(hex[hex.index(i, offsetBy: from)..<hex.index(i, offsetBy: to)]) }
        return [part(0, 8), part(8, 12), part(12, 16), part(16, 20), part(20, 32)].joined(separator: "-")
    }

    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func taxonomyID(_ code: String) -> String { stableID("taxonomy", code) }
    static func categoryTermID(_ code: String) -> String { stableID("term", categoryTaxonomy, code) }
    static func attributeTermID(_ code: String) -> String { stableID("term", attributeTaxonomy, code) }

    static func status(_ status: ServiceStatus) -> String {
        switch status {
        case .active: return "active"
        case .inactive: return "inactive"
        case .temporarilyClosed: return "temporarily closed"
        }
    }

    static func status(_ text: String) -> ServiceStatus? {
        switch text {
        case "active": return .active
        case "inactive", "defunct": return .inactive
        case "temporarily closed": return .temporarilyClosed
        default: return nil
        }
    }


    // MARK: Taxonomies

    static func taxonomies() -> [Object] {
        [
            ["id": taxonomyID(categoryTaxonomy), "name": "sopla Angebotskategorien",
             "description": "Kategorien des Angebotsbestands: kommunalisierte Förderbereiche in Hessen und weitere Felder der sozialen Hilfen.", "version": "1"],
            ["id": taxonomyID(attributeTaxonomy), "name": "sopla Merkmale",
             "description": "Merkmale eines Angebots, die HSDS nicht eigens kennt: Personal (VZÄ) je Beruf, Rechtsgrundlage, präventiv, Zielgruppe, Kapazität, Gebietsschlüssel.",
             "version": "1"],
        ]
    }

    static func terms(_ categories: [ServiceCategory]) -> [Object] {
        let taxonomy = taxonomyID(categoryTaxonomy)
        var result: [Object] = [
            ["id": categoryTermID(groupCommunalised), "code": groupCommunalised, "name": "Kommunalisierte Förderbereiche",
             "description": "Communalised funding areas (Kommunalisierung sozialer Hilfen in Hessen)", "taxonomy_id": taxonomy, "language": "de"],
            ["id": categoryTermID(groupOther), "code": groupOther, "name": "Weitere Felder", "description": "Further fields", "taxonomy_id": taxonomy, "language": "de"],
        ]
        for category in categories.sorted(by: { $0.code < $1.code }) {
            let description = category.nameEN + (category.legalBasis.map { legalBasisSeparator + $0 } ?? "")
            result.append(["id": categoryTermID(category.code), "code": category.code, "name": category.nameDE, "description": description,
                           "taxonomy_id": taxonomy, "language": "de", "parent_id": categoryTermID(category.communalised ? groupCommunalised : groupOther)])
        }
        let attributes = taxonomyID(attributeTaxonomy)
        for code in attributeCodes {
            result.append(["id": attributeTermID(code), "code": code, "name": code, "description": "sopla: \(code)", "taxonomy_id": attributes, "language": "en"])
        }
        return result
    }

    // MARK: Organisations

    static func organisation(_ o: Organisation, full: Bool) -> Object {
        var object: Object = ["id": id(o.id), "name": o.name, "description": o.name]
        if let short = o.shortName { object["alternate_name"] = short }
        if let email = o.email { object["email"] = email }
        if let website = o.website { object["website"] = website }
        if let parent = o.parentID { object["parent_organization_id"] = id(parent) }
        if full {
            object["phones"] = o.phone.map { [["id": stableID("phone", id(o.id)), "organization_id": id(o.id), "number": $0]] } ?? []
            object["attributes"] = [attribute(link: id(o.id), entity: "organization", code: "organisation-kind", value: o.kind.rawValue)]
        }
        return object
    }

    static func attribute(link: String, entity: String, code: String, value: String?, index: Int = 0) -> Object {
        var object: Object = ["id": stableID("attribute", link, code, String(index), value ?? ""), "link_id": link, "link_type": entity, "link_entity": entity,
                              "taxonomy_term_id": attributeTermID(code)]
        if let value { object["value"] = value }
        return object
    }

    // MARK: Services

    /// `withPerson`: whether the name of the person who last verified the service goes with it (the package for the
    /// county's own systems carries it; the public API does not).
    static func service(_ record: ServiceRecord, unitNames: [String: String], full: Bool, withPerson: Bool = false) -> Object {
        let s = record.service
        let sid = id(s.id)
        var object: Object = ["id": sid, "organization_id": id(s.organisationID), "name": s.name, "status": status(s.status),
                              "last_modified": record.updatedAt.formatted(.iso8601)]
        if !s.description.isEmpty { object["description"] = s.description }
        if let website = s.website { object["url"] = website }
        if let email = s.email { object["email"] = email }
        if let how = s.howToApply { object["application_process"] = how }
        if let fees = s.fees { object["fees_description"] = fees }
        if let eligibility = s.eligibility { object["eligibility_description"] = eligibility }
        if let min = s.targetGroup.minAge { object["minimum_age"] = min }
        if let max = s.targetGroup.maxAge { object["maximum_age"] = max }
        if let verified = s.lastVerified { object["assured_date"] = verified.iso }
        guard full else { return object }
        object["phones"] = s.phone.map { [["id": stableID("phone", sid), "service_id": sid, "number": $0]] } ?? []
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        object["schedules"] = s.openingHours.sorted { ($0.weekday, $0.opens) < ($1.weekday, $1.opens) }.map { slot -> Object in
            ["id": stableID("schedule", sid, String(slot.weekday), String(slot.opens)), "service_id": sid, "freq": "WEEKLY", "wkst": "MO",
             "byday": days[max(0, min(6, slot.weekday - 1))], "opens_at": Service.clock(slot.opens), "closes_at": Service.clock(slot.closes)]
        }
        object["service_areas"] = s.serviceArea.sorted().map { key -> Object in
            let areaID = stableID("service-area", sid, key)
            return ["id": areaID, "service_id": sid, "name": unitNames[key] ?? key, "attributes": [attribute(link: areaID, entity: "service_area", code: "unit-key", value: key)]]
        }
        object["languages"] = s.languages.map { code -> Object in
            ["id": stableID("language", sid, code), "service_id": sid, "code": code, "name": LanguageNames.name(code, .en)]
        }
        object["service_at_locations"] = s.locations.map { serviceAtLocation($0, service: s, full: true) }
        var attributes: [Object] = [["id": stableID("attribute", sid, "category"), "link_id": sid, "link_type": "service", "link_entity": "service",
                                     "taxonomy_term_id": categoryTermID(s.categoryCode)]]
        for (profession, fte) in s.capacity.fte.sorted(by: { $0.key < $1.key }) {
            attributes.append(attribute(link: sid, entity: "service", code: "fte", value: "\(profession)=\(fte)"))
        }
        if let legal = s.legalBasis { attributes.append(attribute(link: sid, entity: "service", code: "legal-basis", value: legal)) }
        attributes.append(attribute(link: sid, entity: "service", code: "preventive", value: String(s.preventive)))
        for sex in s.targetGroup.sexes.sorted(by: { $0.rawValue < $1.rawValue }) { attributes.append(attribute(link: sid, entity: "service", code: "sex", value: sex.rawValue)) }
        for situation in s.targetGroup.situations.sorted() { attributes.append(attribute(link: sid, entity: "service", code: "situation", value: situation)) }
        attributes.append(attribute(link: sid, entity: "service", code: "step-free", value: String(s.stepFree)))
        attributes.append(attribute(link: sid, entity: "service", code: "sign-language", value: String(s.signLanguage)))
        attributes.append(attribute(link: sid, entity: "service", code: "outreach", value: String(s.outreach)))
        if let places = s.capacity.places { attributes.append(attribute(link: sid, entity: "service", code: "places", value: String(places))) }
        if let cases = s.capacity.casesPerYear { attributes.append(attribute(link: sid, entity: "service", code: "cases-per-year", value: String(cases))) }
        if let year = s.capacity.referenceYear { attributes.append(attribute(link: sid, entity: "service", code: "reference-year", value: String(year))) }
        for (unit, weight) in (s.areaShares ?? [:]).sorted(by: { $0.key < $1.key }) {
            attributes.append(attribute(link: sid, entity: "service", code: "area-share", value: "\(unit)=\(weight)"))
        }
                if withPerson, let by = s.verifiedBy { attributes.append(attribute(link: sid, entity: "service", code: "verified-by", value: by)) }
        object["attributes"] = attributes
        return object
    }

    static func serviceAtLocationID(_ location: ServiceLocation) -> String { stableID("service-at-location", id(location.id)) }

    static func serviceAtLocation(_ location: ServiceLocation, service: Service, full: Bool) -> Object {
        let lid = id(location.id)
        var object: Object = ["id": serviceAtLocationID(location), "service_id": id(service.id), "location_id": lid]
        guard full else { return object }
        var place: Object = ["id": lid, "location_type": "physical", "organization_id": id(service.organisationID)]
        if let name = location.name { place["name"] = name }
        if let point = location.point {
            place["latitude"] = point.lat
            place["longitude"] = point.lon
        }
        if location.street != nil || location.postcode != nil || location.city != nil {
            place["addresses"] = [["id": stableID("address", lid), "location_id": lid, "address_1": location.street ?? "", "city": location.city ?? "",
                                   "state_province": "Hessen", "postal_code": location.postcode ?? "", "country": "DE", "address_type": "physical"]]
        }
        var accessibility: [Object] = []
        if service.stepFree { accessibility.append(["id": stableID("accessibility", lid, "step-free"), "location_id": lid, "description": "stufenlos erreichbar"]) }
        if service.signLanguage { accessibility.append(["id": stableID("accessibility", lid, "sign-language"), "location_id": lid, "description": "Gebärdensprache möglich"]) }
        place["accessibility"] = accessibility
        if let key = location.unitKey { place["attributes"] = [attribute(link: lid, entity: "location", code: "unit-key", value: key)] }
        object["location"] = place
        return object
    }

    // MARK: Package

    /// The whole inventory: every organisation with services (and their parents), every service fully nested, the taxonomies and terms.
    static func package(organisations: [Organisation], records: [ServiceRecord], categories: [ServiceCategory], unitNames: [String: String]) -> Object {
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        var needed = Set(records.map(\.service.organisationID))
        var frontier = Array(needed)
        while let next = frontier.popLast() {
            if let parent = byID[next]?.parentID, needed.insert(parent).inserted { frontier.append(parent) }
        }
        return [
            "hsds_version": version,
            "organizations": organisations.filter { needed.contains($0.id) }.sorted { $0.id.uuidString < $1.id.uuidString }.map { organisation($0, full: true) },
            "services": records.sorted { $0.service.id.uuidString < $1.service.id.uuidString }.map { service($0, unitNames: unitNames, full: true, withPerson: true) },
            "taxonomies": taxonomies(),
            "taxonomy_terms": terms(categories),
        ]
    }

    static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
    }
}

