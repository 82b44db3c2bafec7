import Foundation
import SoplaCore
import SoplaRender
import Vapor

/// The service form as sent, and how it becomes a `Service`: every field that cannot be read is named.
struct ServiceForm: Content {
    var organisation: String?
    var name: String?
    var description: String?
    var category: String?
    var legalBasis: String?
    var status: String?
    var preventive: String?
    var minAge: String?
    var maxAge: String?
    var sexes: [String]?
    var situations: String?
    var languages: String?
    var stepFree: String?
    var signLanguage: String?
    var fees: String?
    var eligibility: String?
    var howToApply: String?
    var openingHours: String?
    var email: String?
    var phone: String?
    var website: String?
    var outreach: String?
    var addressProtected: String?
    var serviceArea: [String]?
    var locationName: String?
    var street: String?
    var postcode: String?
    var city: String?
    var lat: String?
    var lon: String?
    var staff: String?
    var places: String?
    var casesPerYear: String?
    var referenceYear: String?
    var areaShares: String?

    var values: [String: String] {
        ["organisation": organisation ?? "", "name": name ?? "", "description": description ?? "", "category": category ?? "", "legalBasis": legalBasis ?? "",
         "status": status ?? "", "preventive": preventive ?? "nein", "minAge": minAge ?? "", "maxAge": maxAge ?? "", "situations": situations ?? "",
         "languages": languages ?? "", "stepFree": stepFree ?? "nein", "signLanguage": signLanguage ?? "nein", "fees": fees ?? "", "eligibility": eligibility ?? "",
         "howToApply": howToApply ?? "", "openingHours": openingHours ?? "", "email": email ?? "", "phone": phone ?? "", "website": website ?? "",
         "outreach": outreach ?? "nein", "addressProtected": addressProtected ?? "nein", "locationName": locationName ?? "", "street": street ?? "", "postcode": postcode ?? "", "city": city ?? "",
         "lat": lat ?? "", "lon": lon ?? "", "staff": staff ?? "", "places": places ?? "", "casesPerYear": casesPerYear ?? "", "referenceYear": referenceYear ?? "", "areaShares": areaShares ?? ""]
    }

    static func clean(_ text: String?) -> String? {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A whole number within `range`; a problem names the field (and the range when the number is out of it).
    static func integer(_ text: String?, field: String, range: Plausible, into issues: inout [ValidationIssue]) -> Int? {
        guard let text = clean(text) else { return nil }
        switch range.parseWhole(text, field: field) {
        case .success(let value): return value
        case .failure(let issue): issues.append(issue); return nil
        }
    }

    /// A decimal number as typed; with `range`, read by the range (`Plausible.parse`), so one outside it is that
    /// range's issue.
    static func decimal(_ text: String?, field: String, range: Plausible? = nil, into issues: inout [ValidationIssue]) -> Double? {
        guard let text = clean(text) else { return nil }
        if let range {
            switch range.parse(text, field: field) {
            case .success(let value): return value
            case .failure(let issue): issues.append(issue); return nil
            }
        }
        guard let value = Plausible.number(text) else {
            issues.append(ValidationIssue(field, .unknownValue(String(text.prefix(20)))))
            return nil
        }
        return value
    }

    /// The service this form describes, on top of `base` (which keeps what the form does not show: further locations,
    /// verification). Throws every problem at once.
    func service(id: UUID, organisationID: UUID, base: Service?, categories: Set<String>, unitKeys: Set<String>,
                 unitNames: [String: String] = [:]) throws(ValidationFailure) -> Service {
        var issues: [ValidationIssue] = []
        // "Herborn: 60" or "06532012: 60" per line.
        var shares: [String: Double] = [:]
        let keyByName = Dictionary(unitNames.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { a, _ in a })
        for line in (areaShares ?? "").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts.allSatisfy(\.isEmpty) else { continue }
            guard parts.count == 2, let key = unitKeys.contains(parts[0]) ? parts[0] : keyByName[parts[0].lowercased()],
                  let weight = Plausible.number(parts[1]) else {
                issues.append(ValidationIssue("areaShares", .unknownValue(String(line.prefix(60)))))
                continue
            }
            guard Plausible.areaShare.contains(weight), Plausible.areaShare.contains(shares[key, default: 0] + weight) else {
                if !issues.contains(Plausible.areaShare.issue("areaShares")) { issues.append(Plausible.areaShare.issue("areaShares")) }
                continue
            }
            shares[key, default: 0] += weight
        }
        let minAge = Self.integer(minAge, field: "minAge", range: .age, into: &issues)
        let maxAge = Self.integer(maxAge, field: "maxAge", range: .age, into: &issues)
        var sexes: Set<Sex> = []
        for raw in self.sexes ?? [] {
            if let sex = Sex(rawValue: raw) { sexes.insert(sex) } else { issues.append(ValidationIssue("sexes", .unknownValue(String(raw.prefix(20))))) }
        }
        let status = ServiceStatus(rawValue: self.status ?? ServiceStatus.active.rawValue)
        if status == nil { issues.append(ValidationIssue("status", .unknownValue(String((self.status ?? "").prefix(20))))) }
        let (hours, hourIssues) = ServiceEntry.openingHours(openingHours ?? "")
        issues += hourIssues
        let (fte, staffIssues) = ServiceEntry.staff(staff ?? "")
        issues += staffIssues
        let lat = Self.decimal(lat, field: "lat", range: .latitude, into: &issues)
        let lon = Self.decimal(lon, field: "lon", range: .longitude, into: &issues)
        if (lat == nil) != (lon == nil), issues.allSatisfy({ $0.field != "lat" && $0.field != "lon" }) {
            issues.append(ValidationIssue(lat == nil ? "lat" : "lon", .required))
        }
        let places = Self.integer(places, field: "places", range: .places, into: &issues)
        let cases = Self.integer(casesPerYear, field: "casesPerYear", range: .casesPerYear, into: &issues)
        let year = Self.integer(referenceYear, field: "referenceYear", range: .serviceYear, into: &issues)
        if let postcode = Self.clean(postcode), postcode.count != 5 || !postcode.allSatisfy(\.isNumber) { issues.append(ValidationIssue("postcode", .invalidPostcode)) }
        if let website = Self.clean(website), !(website.hasPrefix("https://") || website.hasPrefix("http://")) { issues.append(ValidationIssue("website", .invalidWebsite)) }
        let point = lat.flatMap { lat in lon.map { Position(lon: $0, lat: lat) } }
        var locations = base?.locations ?? []
        let hasPlace = [locationName, street, postcode, city].contains { Self.clean($0) != nil } || point != nil
        let first = ServiceLocation(id: locations.first?.id ?? UUID(), name: Self.clean(locationName), street: Self.clean(street), postcode: Self.clean(postcode),
                                    city: Self.clean(city), unitKey: locations.first?.unitKey, point: point)
        if hasPlace {
            if locations.isEmpty { locations = [first] } else { locations[0] = first }
        } else if !locations.isEmpty {
            locations.removeFirst()
        }
        let draft = Service(
            id: id, organisationID: organisationID, name: name ?? "", description: (description ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            categoryCode: category ?? "", legalBasis: Self.clean(legalBasis),
            targetGroup: TargetGroup(minAge: minAge, maxAge: maxAge, sexes: sexes, situations: Set(ServiceEntry.list(situations ?? ""))),
            preventive: preventive == "ja", languages: ServiceEntry.list((languages ?? "").lowercased()), stepFree: stepFree == "ja",
            signLanguage: signLanguage == "ja", fees: Self.clean(fees), eligibility: Self.clean(eligibility), howToApply: Self.clean(howToApply),
            openingHours: hours, email: Self.clean(email), phone: Self.clean(phone), website: Self.clean(website), status: status ?? .active,
            lastVerified: base?.lastVerified, verifiedBy: base?.verifiedBy, locations: locations, outreach: outreach == "ja",
            serviceArea: Set(serviceArea ?? []), capacity: Capacity(fte: fte, places: places, casesPerYear: cases, referenceYear: year),
            areaShares: shares.isEmpty ? nil : shares, addressProtected: addressProtected == "ja")
        var service: Service?
        do {
            service = try draft.validated(categories: categories, unitKeys: unitKeys)
        } catch {
            issues += error.issues
        }
        guard let service, issues.isEmpty else { throw ValidationFailure(issues) }
        return service
    }
}
