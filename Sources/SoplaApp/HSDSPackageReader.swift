import Foundation
import SoplaCore
import SoplaFormats

/// Reads an HSDS package written by `sopla export hsds` (or by another system that follows the same conventions):
/// every reference is checked before anything is stored; every problem is named with where it is.
public struct HSDSPackageReader: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String { "the HSDS package was not imported, nothing was stored:\n" + problems.prefix(50).map { "  - " + $0 }.joined(separator: "\n") }
    }

    public struct Result: Sendable {
        public var organisations: [Organisation]
        public var categories: [ServiceCategory]
        public var services: [Service]
    }

    /// Known organisations (already in the database) may be referred to without being in the package.
    public let knownOrganisations: Set<UUID>
    public let unitKeys: Set<String>
    /// A validation problem in words (English: the package is a file for machines and their keepers).
    public let problemText: @Sendable (ValidationIssue.Problem) -> String

    public init(knownOrganisations: Set<UUID>, unitKeys: Set<String>, problemText: @escaping @Sendable (ValidationIssue.Problem) -> String) {
        self.knownOrganisations = knownOrganisations
        self.unitKeys = unitKeys
        self.problemText = problemText
    }

    /// Where a decoding error is, as `services[2].minimum_age`.
    static func place(_ path: [any CodingKey]) -> String {
        path.reduce("") { text, key in key.intValue.map { text + "[\($0)]" } ?? (text.isEmpty ? key.stringValue : text + "." + key.stringValue) }
    }

    static func problem(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            let expected = type == String.self ? "text" : type == Int.self ? "a whole number" : type == Double.self ? "a number" : type == Bool.self ? "true or false"
                : "\(type)".hasPrefix("Array") ? "a list" : "an object"
            return context.codingPath.isEmpty ? "the file is not a JSON object" : "\(place(context.codingPath)): not \(expected)"
        case .valueNotFound(_, let context):
            return context.codingPath.isEmpty ? "the file is not a JSON object" : "\(place(context.codingPath)): missing"
        case .keyNotFound(let key, let context): return "\(place(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            // The decoder's own words say where (line and column, or the number that does not fit).
            let detail = (context.underlyingError.map { ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\($0)" } ?? context.debugDescription)
            return (context.codingPath.isEmpty ? "the file is not JSON" : "\(place(context.codingPath)): not readable") + (detail.isEmpty ? "" : " (\(detail.prefix(200)))")
        @unknown default: return "the file is not an HSDS package"
        }
    }

    public func read(_ data: Data) throws -> Result {
        let package: HSDS.Package
        do {
            package = try HSDS.decoder.decode(HSDS.Package.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                // Say whether the file is JSON at all (with where the reader stopped) or a value does not fit its field.
                do {
                    _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                    throw Failure(problems: ["a value does not fit its field (for example a number too large for a whole number)"])
                } catch let failure as Failure {
                    throw failure
                } catch {
                    let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
                    throw Failure(problems: [data.isEmpty ? "the file is empty" : "the file is not JSON" + (detail.isEmpty ? "" : " (\(detail.prefix(200)))")])
                }
            }
            throw Failure(problems: [Self.problem(error)])
        }
        var problems: [String] = []
        if let version = package.hsdsVersion, !version.hasPrefix("3.") { problems.append("hsds_version \(version.prefix(20)): sopla reads HSDS 3.0 packages") }
        if package.services == nil { problems.append("services: missing") }

        // Terms: categories (children of the two groups) and attribute codes.
        var termCode: [String: String] = [:]
        var categories: [ServiceCategory] = []
        for (index, term) in (package.taxonomyTerms ?? []).enumerated() {
            guard let id = term.id, let code = term.code, let name = term.name else {
                problems.append("taxonomy_terms[\(index)]: id, code and name are required")
                continue
            }
            termCode[id] = code
            if let parent = term.parentID {
                let communalised = parent == HSDSInventory.categoryTermID(HSDSInventory.groupCommunalised)
                guard communalised || parent == HSDSInventory.categoryTermID(HSDSInventory.groupOther) else {
                    problems.append("taxonomy_terms[\(index)] (\(code)): parent_id \(parent) is not a category group")
                    continue
                }
                let description = (term.description ?? name).components(separatedBy: HSDSInventory.legalBasisSeparator)
                categories.append(ServiceCategory(code: code, nameDE: name, nameEN: description[0], legalBasis: description.count > 1 ? description[1] : nil,
                                                  communalised: communalised))
            }
        }
        let categoryCodes = Set(categories.map(\.code))
        func code(_ attribute: HSDS.Attribute) -> String? { termCode[attribute.taxonomyTermID ?? ""] }

        var organisations: [Organisation] = []
        for (index, object) in (package.organizations ?? []).enumerated() {
            guard let id = object.id.flatMap(UUID.init(uuidString:)), let name = object.name, !name.isEmpty else {
                problems.append("organizations[\(index)]: id (UUID) and name are required")
                continue
            }
            var kind = OrganisationKind.provider
            for attribute in object.attributes ?? [] where code(attribute) == "organisation-kind" {
                kind = attribute.value.flatMap(OrganisationKind.init(rawValue:)) ?? .provider
            }
            organisations.append(Organisation(id: id, name: name, shortName: object.alternateName, kind: kind, parentID: object.parentOrganizationID.flatMap(UUID.init(uuidString:)),
                                              email: object.email, phone: object.phones?.first?.number, website: object.website))
        }
        let organisationIDs = knownOrganisations.union(organisations.map(\.id))
        for organisation in organisations {
            if let parent = organisation.parentID, !organisationIDs.contains(parent) {
                problems.append("organizations \(organisation.name): parent_organization_id \(parent.uuidString.lowercased()) is not in the package")
            }
        }

        var services: [Service] = []
        var seen: Set<UUID> = []
        for (index, object) in (package.services ?? []).enumerated() {
            let place = "services[\(index)]" + (object.name.map { " (\($0.count > 60 ? $0.prefix(60) + "…" : $0))" } ?? "")
            guard let raw = object.id, let id = UUID(uuidString: raw) else { problems.append("\(place): id is not a UUID"); continue }
            guard seen.insert(id).inserted else { problems.append("\(place): id \(raw) occurs twice"); continue }
            guard let organisation = object.organizationID.flatMap(UUID.init(uuidString:)), organisationIDs.contains(organisation) else {
                problems.append("\(place): organization_id \(object.organizationID ?? "–") is not in the package")
                continue
            }
            guard let status = object.status.flatMap(HSDSInventory.status) else {
                problems.append("\(place): status \(object.status ?? "–") is not an HSDS status")
                continue
            }
            var category: String?
            var fte: [String: Double] = [:]
            var service = Service(id: id, organisationID: organisation, name: object.name ?? "", description: object.description ?? "", categoryCode: "", status: status)
            service.languages = []
            for attribute in object.attributes ?? [] {
                guard let code = code(attribute) else {
                    problems.append("\(place): attribute with taxonomy_term_id \(attribute.taxonomyTermID ?? "") names no term of the package")
                    continue
                }
                let value = attribute.value
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
                case "address-protected": service.addressProtected = value == "true"
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
            guard let category else { problems.append("\(place): no category attribute (a term of \(HSDSInventory.categoryTaxonomy))"); continue }
            service.categoryCode = category
            service.capacity.fte = fte
            service.website = object.url
            service.email = object.email
            service.howToApply = object.applicationProcess
            service.fees = object.feesDescription
            service.eligibility = object.eligibilityDescription
            service.targetGroup.minAge = object.minimumAge
            service.targetGroup.maxAge = object.maximumAge
            service.lastVerified = object.assuredDate.flatMap { Day(iso: $0) }
            service.phone = object.phones?.first?.number
            service.languages = (object.languages ?? []).compactMap(\.code)
            let days = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]
            for schedule in object.schedules ?? [] {
                guard let day = schedule.byday.flatMap({ days[$0] }), let opens = schedule.opensAt.flatMap(ServiceEntry.minutes),
                      let closes = schedule.closesAt.flatMap(ServiceEntry.minutes) else {
                    problems.append("\(place): a schedule needs byday, opens_at and closes_at")
                    continue
                }
                service.openingHours.append(OpeningHours(weekday: day, opens: opens, closes: closes))
            }
            for area in object.serviceAreas ?? [] {
                let key = (area.attributes ?? []).first { code($0) == "unit-key" }?.value
                guard let key, unitKeys.contains(key) else {
                    problems.append("\(place): service area \(area.name ?? "–") names no known spatial unit (\(key ?? "no unit-key"))")
                    continue
                }
                service.serviceArea.insert(key)
            }
            for link in object.serviceAtLocations ?? [] {
                guard let location = link.location, let lid = location.id.flatMap(UUID.init(uuidString:)) else {
                    problems.append("\(place): a service_at_location has no location with a UUID")
                    continue
                }
                let address = location.addresses?.first
                func text(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
                let unitKey = (location.attributes ?? []).first { code($0) == "unit-key" }?.value
                service.locations.append(ServiceLocation(id: lid, name: location.name, street: text(address?.address1), postcode: text(address?.postalCode),
                                                         city: text(address?.city), unitKey: unitKey,
                                                         point: location.latitude.flatMap { lat in location.longitude.map { Position(lon: $0, lat: lat) } }))
            }
            do {
                services.append(try service.validated(categories: categoryCodes, unitKeys: unitKeys))
            } catch {
                problems += error.issues.map { "\(place): \($0.field): \(problemText($0.problem))" }
            }
        }
        guard problems.isEmpty else { throw Failure(problems: problems) }
        return Result(organisations: organisations, categories: categories, services: services)
    }
}
