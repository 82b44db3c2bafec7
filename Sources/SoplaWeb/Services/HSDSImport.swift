import Foundation
import SoplaCore
import SoplaRender

/// Reads an HSDS package written by `sopla export hsds` (or by another system that follows the same conventions):
/// every reference is checked before anything is stored; every problem is named with where it is.
struct HSDSPackageReader {
    struct Failure: Error, CustomStringConvertible {
        let problems: [String]
        var description: String { "the HSDS package was not imported, nothing was stored:\n" + problems.prefix(50).map { "  - " + $0 }.joined(separator: "\n") }
    }

    struct Result {
        var organisations: [Organisation]
        var categories: [ServiceCategory]
        var services: [Service]
    }

    /// Known organisations (already in the database) may be referred to without being in the package.
    let knownOrganisations: Set<UUID>
    let unitKeys: Set<String>

    func read(_ data: Data) throws -> Result {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Failure(problems: ["the file is not a JSON object"])
        }
        var problems: [String] = []
        func array(_ key: String) -> [[String: Any]] {
            guard let value = root[key] else { return [] }
            guard let list = value as? [[String: Any]] else {
                problems.append("\(key): not a list of objects")
                return []
            }
            return list
        }
        let terms = array("taxonomy_terms")
        let organisationObjects = array("organizations")
        let serviceObjects = array("services")
        if root["services"] == nil { problems.append("services: missing") }

        // Terms: categories (children of the two groups) and attribute codes.
        var termCode: [String: String] = [:]
        var categories: [ServiceCategory] = []
        for (index, term) in terms.enumerated() {
            guard let id = term["id"] as? String, let code = term["code"] as? String, let name = term["name"] as? String else {
                problems.append("taxonomy_terms[\(index)]: id, code and name are required")
                continue
            }
            termCode[id] = code
            if let parent = term["parent_id"] as? String {
                let communalised = parent == HSDS.categoryTermID(HSDS.groupCommunalised)
                guard communalised || parent == HSDS.categoryTermID(HSDS.groupOther) else {
                    problems.append("taxonomy_terms[\(index)] (\(code)): parent_id \(parent) is not a category group")
                    continue
                }
                let description = (term["description"] as? String ?? name).components(separatedBy: HSDS.legalBasisSeparator)
                categories.append(ServiceCategory(code: code, nameDE: name, nameEN: description[0], legalBasis: description.count > 1 ? description[1] : nil,
                                                  communalised: communalised))
            }
        }
        let categoryCodes = Set(categories.map(\.code))

        var organisations: [Organisation] = []
        for (index, object) in organisationObjects.enumerated() {
            guard let raw = object["id"] as? String, let id = UUID(uuidString: raw), let name = object["name"] as? String, !name.isEmpty else {
                problems.append("organizations[\(index)]: id (UUID) and name are required")
                continue
            }
            var kind = OrganisationKind.provider
            for attribute in object["attributes"] as? [[String: Any]] ?? [] where termCode[attribute["taxonomy_term_id"] as? String ?? ""] == "organisation-kind" {
                kind = (attribute["value"] as? String).flatMap(OrganisationKind.init(rawValue:)) ?? .provider
            }
            let phone = (object["phones"] as? [[String: Any]])?.first?["number"] as? String
            organisations.append(Organisation(id: id, name: name, shortName: object["alternate_name"] as? String, kind: kind,
                                              parentID: (object["parent_organization_id"] as? String).flatMap(UUID.init(uuidString:)),
                                              email: object["email"] as? String, phone: phone, website: object["website"] as? String))
        }
        let organisationIDs = knownOrganisations.union(organisations.map(\.id))
        for organisation in organisations {
            if let parent = organisation.parentID, !organisationIDs.contains(parent) {
                problems.append("organizations \(organisation.name): parent_organization_id \(parent.uuidString.lowercased()) is not in the package")
            }
        }

        var services: [Service] = []
        var seen: Set<UUID> = []
        for (index, object) in serviceObjects.enumerated() {
            let place = "services[\(index)]" + ((object["name"] as? String).map { " (\($0))" } ?? "")
            guard let raw = object["id"] as? String, let id = UUID(uuidString: raw) else { problems.append("\(place): id is not a UUID"); continue }
            guard seen.insert(id).inserted else { problems.append("\(place): id \(raw) occurs twice"); continue }
            guard let orgRaw = object["organization_id"] as? String, let organisation = UUID(uuidString: orgRaw), organisationIDs.contains(organisation) else {
                problems.append("\(place): organization_id \(object["organization_id"] as? String ?? "–") is not in the package")
                continue
            }
            guard let statusText = object["status"] as? String, let status = HSDS.status(statusText) else {
                problems.append("\(place): status \(object["status"] as? String ?? "–") is not an HSDS status")
                continue
            }
            var category: String?
            var fte: [String: Double] = [:]
            var service = Service(id: id, organisationID: organisation, name: object["name"] as? String ?? "", description: object["description"] as? String ?? "",
                                  categoryCode: "", status: status)
            service.languages = []
            for attribute in object["attributes"] as? [[String: Any]] ?? [] {
                let termID = attribute["taxonomy_term_id"] as? String ?? ""
                guard let code = termCode[termID] else {
                    problems.append("\(place): attribute with taxonomy_term_id \(termID) names no term of the package")
                    continue
                }
                let value = attribute["value"] as? String
                if categoryCodes.contains(code), value == nil { category = code; continue }
                switch code {
                case "fte":
                    let parts = (value ?? "").split(separator: "=", maxSplits: 1)
                    if parts.count == 2, let number = Double(parts[1]) { fte[String(parts[0]), default: 0] += number } else { problems.append("\(place): fte \(value ?? "–") is not profession=number") }
                case "legal-basis": service.legalBasis = value
                case "preventive": service.preventive = value == "true"
                case "sex": if let sex = value.flatMap(Sex.init(rawValue:)) { service.targetGroup.sexes.insert(sex) } else { problems.append("\(place): sex \(value ?? "–") is unknown") }
                case "situation": if let value { service.targetGroup.situations.insert(value) }
                case "step-free": service.stepFree = value == "true"
                case "sign-language": service.signLanguage = value == "true"
                case "outreach": service.outreach = value == "true"
                case "places": service.capacity.places = value.flatMap(Int.init)
                case "cases-per-year": service.capacity.casesPerYear = value.flatMap(Int.init)
                case "reference-year": service.capacity.referenceYear = value.flatMap(Int.init)
                case "verified-by": service.verifiedBy = value
                case "area-share":
                    let parts = (value ?? "").split(separator: "=", maxSplits: 1)
                    if parts.count == 2, let weight = Double(parts[1]) {
                        service.areaShares = (service.areaShares ?? [:]).merging([String(parts[0]): weight]) { $0 + $1 }
                    } else {
                        problems.append("\(place): area-share \(value ?? "–") is not unit=weight")
                    }
                default: break
                }
            }
            guard let category else { problems.append("\(place): no category attribute (a term of \(HSDS.categoryTaxonomy))"); continue }
            service.categoryCode = category
            service.capacity.fte = fte
            service.website = object["url"] as? String
            service.email = object["email"] as? String
            service.howToApply = object["application_process"] as? String
            service.fees = object["fees_description"] as? String
            service.eligibility = object["eligibility_description"] as? String
            service.targetGroup.minAge = object["minimum_age"] as? Int
            service.targetGroup.maxAge = object["maximum_age"] as? Int
            service.lastVerified = (object["assured_date"] as? String).flatMap { Day(iso: $0) }
            service.phone = (object["phones"] as? [[String: Any]])?.first?["number"] as? String
            service.languages = (object["languages"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            let days = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]
            for schedule in object["schedules"] as? [[String: Any]] ?? [] {
                guard let day = (schedule["byday"] as? String).flatMap({ days[$0] }), let opens = (schedule["opens_at"] as? String).flatMap(ServiceEntry.minutes),
                      let closes = (schedule["closes_at"] as? String).flatMap(ServiceEntry.minutes) else {
                    problems.append("\(place): a schedule needs byday, opens_at and closes_at")
                    continue
                }
                service.openingHours.append(OpeningHours(weekday: day, opens: opens, closes: closes))
            }
            for area in object["service_areas"] as? [[String: Any]] ?? [] {
                let key = (area["attributes"] as? [[String: Any]] ?? []).first { termCode[$0["taxonomy_term_id"] as? String ?? ""] == "unit-key" }?["value"] as? String
                guard let key, unitKeys.contains(key) else {
                    problems.append("\(place): service area \(area["name"] as? String ?? "–") names no known spatial unit (\(key ?? "no unit-key"))")
                    continue
                }
                service.serviceArea.insert(key)
            }
            for link in object["service_at_locations"] as? [[String: Any]] ?? [] {
                guard let location = link["location"] as? [String: Any], let lid = (location["id"] as? String).flatMap(UUID.init(uuidString:)) else {
                    problems.append("\(place): a service_at_location has no location with a UUID")
                    continue
                }
                let address = (location["addresses"] as? [[String: Any]])?.first
                func text(_ key: String) -> String? { (address?[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
                let lat = location["latitude"] as? Double, lon = location["longitude"] as? Double
                let unitKey = (location["attributes"] as? [[String: Any]] ?? []).first { termCode[$0["taxonomy_term_id"] as? String ?? ""] == "unit-key" }?["value"] as? String
                service.locations.append(ServiceLocation(id: lid, name: location["name"] as? String, street: text("address_1"), postcode: text("postal_code"),
                                                         city: text("city"), unitKey: unitKey, point: lat.flatMap { lat in lon.map { Position(lon: $0, lat: lat) } }))
            }
            do {
                services.append(try service.validated(categories: categoryCodes, unitKeys: unitKeys))
            } catch {
                problems += error.issues.map { "\(place): \($0.field): \(IssueText.message($0.problem, .en))" }
            }
        }
        guard problems.isEmpty else { throw Failure(problems: problems) }
        return Result(organisations: organisations, categories: categories, services: services)
    }
}

