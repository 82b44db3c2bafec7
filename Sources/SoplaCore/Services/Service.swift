import Foundation

/// A category of the service taxonomy (seeded with the Hessian communalised areas and more; planners extend it).
public struct ServiceCategory: Hashable, Sendable, Codable {
    public var code: String
    public var nameDE: String
    public var nameEN: String
    public var legalBasis: String?
    /// Part of the Land's communalised funding (Kommunalisierung sozialer Hilfen in Hessen).
    public var communalised: Bool
    /// Words people search with that name this kind of help, kept by planners ("Drogen", "Alkohol" for addiction counselling).
    public var synonyms: [String]

    public init(code: String, nameDE: String, nameEN: String, legalBasis: String? = nil, communalised: Bool = false, synonyms: [String] = []) {
        self.code = code
        self.nameDE = nameDE
        self.nameEN = nameEN
        self.legalBasis = legalBasis
        self.communalised = communalised
        self.synonyms = synonyms
    }

    /// Search words as typed, one per comma or line: trimmed, without duplicates (ignoring case), in the typed order.
    public static func synonyms(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split { $0 == "," || $0 == ";" || $0.isNewline }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert(GermanSearch.fold($0)).inserted }
    }

    public static let seed: [ServiceCategory] = [
        ServiceCategory(code: "frauenhaus", nameDE: "Frauenhäuser und Gewaltschutz", nameEN: "Women's shelters and violence protection", communalised: true),
        ServiceCategory(code: "fruehfoerderung", nameDE: "Frühförderung", nameEN: "Early intervention", legalBasis: "SGB IX § 46", communalised: true),
        ServiceCategory(code: "familienentlastung", nameDE: "Familienentlastende Dienste", nameEN: "Family relief", communalised: true),
        ServiceCategory(code: "schuldnerberatung", nameDE: "Schuldnerberatung", nameEN: "Debt counselling", legalBasis: "SGB II § 16a, SGB XII § 11", communalised: true),
        ServiceCategory(code: "familienzentrum", nameDE: "Mütter- und Familienzentren", nameEN: "Mothers' and family centres", communalised: true),
        ServiceCategory(code: "selbsthilfe", nameDE: "Selbsthilfe", nameEN: "Self-help", communalised: true),
        ServiceCategory(code: "suchtberatung", nameDE: "Suchtberatung", nameEN: "Addiction counselling", communalised: true),
        ServiceCategory(code: "aidsberatung", nameDE: "HIV-/AIDS-Beratung", nameEN: "HIV/AIDS counselling", communalised: true),
        ServiceCategory(code: "schwangerschaftsberatung", nameDE: "Schwangerschafts(konflikt)beratung", nameEN: "Pregnancy (conflict) counselling", legalBasis: "SchKG §§ 3, 8"),
        ServiceCategory(code: "erziehungsberatung", nameDE: "Erziehungs- und Familienberatung", nameEN: "Child and family guidance", legalBasis: "SGB VIII § 28"),
        ServiceCategory(code: "jugendarbeit", nameDE: "Jugendarbeit", nameEN: "Youth work", legalBasis: "SGB VIII § 11"),
        ServiceCategory(code: "gemeindepsychiatrie", nameDE: "Gemeindepsychiatrie", nameEN: "Community psychiatry"),
        ServiceCategory(code: "kindertagesbetreuung", nameDE: "Kindertagesbetreuung", nameEN: "Childcare", legalBasis: "SGB VIII §§ 22–24"),
    ]

    /// The words people commonly search with for the seeded categories (planners change them per category).
    public static let seedSynonyms: [String: [String]] = [
        "frauenhaus": ["Gewalt", "häusliche Gewalt", "Schutz", "Zuflucht", "Gewaltschutz"],
        "fruehfoerderung": ["Entwicklung", "Entwicklungsverzögerung", "Kleinkind", "Behinderung", "Heilpädagogik"],
        "familienentlastung": ["Entlastung", "Behinderung", "Pflege", "Assistenz", "Betreuung zu Hause"],
        "schuldnerberatung": ["Schulden", "Überschuldung", "Insolvenz", "Privatinsolvenz", "Pfändung", "P-Konto", "Mahnung", "Inkasso", "Geldsorgen"],
        "familienzentrum": ["Elterncafé", "Krabbelgruppe", "Mütterzentrum", "Familientreff", "Eltern"],
        "selbsthilfe": ["Selbsthilfegruppe", "Gesprächsgruppe", "Austausch"],
        "suchtberatung": ["Sucht", "Drogen", "Alkohol", "Cannabis", "Spielsucht", "Glücksspiel", "Medikamente", "Abhängigkeit", "Rauchen"],
        "aidsberatung": ["HIV", "AIDS", "Test", "sexuell übertragbare Infektionen"],
        "schwangerschaftsberatung": ["Schwangerschaft", "schwanger", "Geburt", "Konfliktberatung", "Beratungsschein", "Verhütung", "Familienplanung"],
        "erziehungsberatung": ["Erziehung", "Eltern", "Trennung", "Scheidung", "Familienberatung", "Pubertät"],
        "jugendarbeit": ["Jugendliche", "Jugendzentrum", "Jugendtreff", "Streetwork"],
        "gemeindepsychiatrie": ["psychische Krise", "Depression", "Psychose", "seelische Gesundheit", "Krise"],
        "kindertagesbetreuung": ["Kita", "Kindergarten", "Krippe", "Kinderkrippe", "Tagespflege", "Tagesmutter", "Hort", "Kinderbetreuung"],
    ]
}

public enum Sex: String, Hashable, Sendable, Codable, CaseIterable {
    case female, male, diverse
}

/// Whom a service is for. Empty fields mean "anyone".
public struct TargetGroup: Hashable, Sendable, Codable {
    public var minAge: Int?
    public var maxAge: Int?
    public var sexes: Set<Sex>
    /// Life situations, e.g. "alleinerziehend", "überschuldet".
    public var situations: Set<String>

    public init(minAge: Int? = nil, maxAge: Int? = nil, sexes: Set<Sex> = [], situations: Set<String> = []) {
        self.minAge = minAge
        self.maxAge = maxAge
        self.sexes = sexes
        self.situations = situations
    }

    /// Whether someone could belong to both groups.
    public func overlaps(_ other: TargetGroup) -> Bool {
        let low = max(minAge ?? 0, other.minAge ?? 0), high = min(maxAge ?? 200, other.maxAge ?? 200)
        guard low <= high else { return false }
        if !sexes.isEmpty, !other.sexes.isEmpty, sexes.isDisjoint(with: other.sexes) { return false }
        if !situations.isEmpty, !other.situations.isEmpty, situations.isDisjoint(with: other.situations) { return false }
        return true
    }
}

/// A weekly opening time in minutes after midnight.
public struct OpeningHours: Hashable, Sendable, Codable {
    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int
    public var opens: Int
    public var closes: Int

    public init(weekday: Int, opens: Int, closes: Int) {
        self.weekday = weekday
        self.opens = opens
        self.closes = closes
    }

    public var minutes: Int { closes - opens }

    /// Problems of a week's opening times: bad days or times, and overlapping slots on the same day.
    public static func problems(_ hours: [OpeningHours]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for slot in hours where !(1...7).contains(slot.weekday) || !(0...1440).contains(slot.opens) || !(0...1440).contains(slot.closes) || slot.opens >= slot.closes {
            issues.append(ValidationIssue("openingHours", .unknownValue("\(slot.weekday) \(slot.opens)–\(slot.closes)")))
        }
        let byDay = Dictionary(grouping: hours.filter { $0.opens < $0.closes }, by: \.weekday)
        for (day, slots) in byDay.sorted(by: { $0.key < $1.key }) {
            let sorted = slots.sorted { $0.opens < $1.opens }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.opens < a.closes {
                issues.append(ValidationIssue("openingHours", .unknownValue("\(day) \(a.opens)–\(a.closes) / \(b.opens)–\(b.closes)")))
            }
        }
        return issues
    }
}

/// Reported capacity of a service for a reference year.
public struct Capacity: Hashable, Sendable, Codable {
    /// Full-time equivalents by profession, e.g. "Sozialarbeit" → 1.5.
    public var fte: [String: Double]
    public var places: Int?
    public var casesPerYear: Int?
    public var referenceYear: Int?

    public init(fte: [String: Double] = [:], places: Int? = nil, casesPerYear: Int? = nil, referenceYear: Int? = nil) {
        self.fte = fte
        self.places = places
        self.casesPerYear = casesPerYear
        self.referenceYear = referenceYear
    }

    public var totalFTE: Double { fte.values.reduce(0, +) }
}

public enum ServiceStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case active
    case inactive
    case temporarilyClosed = "temporarily-closed"
}

/// A place where a service is offered.
public struct ServiceLocation: Hashable, Sendable, Codable {
    public var id: UUID
    public var name: String?
    public var street: String?
    public var postcode: String?
    public var city: String?
    public var unitKey: String?
    public var point: Position?

    public init(id: UUID, name: String? = nil, street: String? = nil, postcode: String? = nil, city: String? = nil, unitKey: String? = nil, point: Position? = nil) {
        self.id = id
        self.name = name
        self.street = street
        self.postcode = postcode
        self.city = city
        self.unitKey = unitKey
        self.point = point
    }

    /// Germany's extent with a small margin (WGS84).
    public static func isInGermany(_ point: Position) -> Bool {
        (47.2...55.1).contains(point.lat) && (5.8...15.1).contains(point.lon)
    }
}

/// A counselling or support service of a provider organisation.
public struct Service: Hashable, Sendable, Codable {
    public var id: UUID
    public var organisationID: UUID
    public var name: String
    public var description: String
    public var categoryCode: String
    public var legalBasis: String?
    public var targetGroup: TargetGroup
    public var preventive: Bool
    public var languages: [String]
    public var stepFree: Bool
    public var signLanguage: Bool
    public var fees: String?
    public var eligibility: String?
    public var howToApply: String?
    public var openingHours: [OpeningHours]
    public var email: String?
    public var phone: String?
    public var website: String?
    public var status: ServiceStatus
    public var lastVerified: Day?
    public var verifiedBy: String?
    public var locations: [ServiceLocation]
    /// Outreach work without a fixed place.
    public var outreach: Bool
    /// Spatial units the service is responsible for.
    public var serviceArea: Set<String>
    public var capacity: Capacity
    /// How the capacity is split over the service area, as weights per unit (e.g. 60 and 40); nil or empty: by the
    /// units' population shares.
    public var areaShares: [String: Double]?
    /// Stored as optional so that records written before it existed still read.
    private var protectedAddress: Bool?
    /// The address must stay secret (a women's shelter): the public sees neither place nor map point, only the phone.
    public var addressProtected: Bool {
        get { protectedAddress ?? false }
        set { protectedAddress = newValue ? true : nil }
    }

    /// What the public may see: a protected service without its places, outreach, opening hours, e-mail and website,
    /// so that only the phone leads to it.
    public var publicView: Service {
        guard addressProtected else { return self }
        var copy = self
        copy.locations = []
        copy.outreach = false
        copy.openingHours = []
        copy.email = nil
        copy.website = nil
        return copy
    }

    public init(id: UUID, organisationID: UUID, name: String, description: String = "", categoryCode: String, legalBasis: String? = nil,
                targetGroup: TargetGroup = TargetGroup(), preventive: Bool = false, languages: [String] = ["de"], stepFree: Bool = false,
                signLanguage: Bool = false, fees: String? = nil, eligibility: String? = nil, howToApply: String? = nil, openingHours: [OpeningHours] = [],
                email: String? = nil, phone: String? = nil, website: String? = nil, status: ServiceStatus = .active, lastVerified: Day? = nil,
                verifiedBy: String? = nil, locations: [ServiceLocation] = [], outreach: Bool = false, serviceArea: Set<String> = [], capacity: Capacity = Capacity(),
                areaShares: [String: Double]? = nil, addressProtected: Bool = false) {
        self.areaShares = areaShares
        self.protectedAddress = addressProtected ? true : nil
        self.id = id
        self.organisationID = organisationID
        self.name = name
        self.description = description
        self.categoryCode = categoryCode
        self.legalBasis = legalBasis
        self.targetGroup = targetGroup
        self.preventive = preventive
        self.languages = languages
        self.stepFree = stepFree
        self.signLanguage = signLanguage
        self.fees = fees
        self.eligibility = eligibility
        self.howToApply = howToApply
        self.openingHours = openingHours
        self.email = email
        self.phone = phone
        self.website = website
        self.status = status
        self.lastVerified = lastVerified
        self.verifiedBy = verifiedBy
        self.locations = locations
        self.outreach = outreach
        self.serviceArea = serviceArea
        self.capacity = capacity
    }

    /// Whether a text asks people to come by ("vorbeikommen", "Kommen Sie vorbei", "offene Sprechstunde"), which a
    /// service with a protected address must never say.
    public static func invitesVisit(_ text: String) -> Bool {
        let folded = GermanSearch.fold(text)
        return ["vorbeikommen", "vorbei kommen", "kommen sie vorbei", "komm vorbei", "besuchen sie uns", "offene sprechstunde", "ohne termin",
                "in die sprechstunde", "in unsere sprechstunde", "sie finden uns", "finden sie uns", "unsere adresse", "unsere anschrift", "besuchen sie"]
            .contains { folded.contains($0) }
    }

    /// Checks a service as entered; every problem by field.
    public func validated(categories: Set<String>, unitKeys: Set<String>) throws(ValidationFailure) -> Service {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.name = name.trimmingCharacters(in: .whitespaces)
        if copy.name.isEmpty { issues.append(ValidationIssue("name", .required)) }
        FieldCheck.length(copy.name, field: "name", max: 200, into: &issues)
        FieldCheck.length(description, field: "description", max: 4000, into: &issues)
        if !categories.contains(categoryCode) { issues.append(ValidationIssue("category", .unknownValue(categoryCode))) }
        if let min = targetGroup.minAge, let max = targetGroup.maxAge, min > max { issues.append(ValidationIssue("targetAge", .inconsistent)) }
        if let unknown = serviceArea.sorted().first(where: { !unitKeys.contains($0) }) { issues.append(ValidationIssue("serviceArea", .unknownValue(unknown))) }
        if capacity.fte.values.contains(where: { !Plausible.fte.contains($0) }) { issues.append(Plausible.fte.issue("fte")) }
        for (unit, weight) in (areaShares ?? [:]).sorted(by: { $0.key < $1.key }) where !serviceArea.contains(unit) {
            issues.append(ValidationIssue("areaShares", .unknownValue("\(unit): \(weight)")))
        }
        if (areaShares ?? [:]).values.contains(where: { !($0 > 0) || !Plausible.areaShare.contains($0) }) { issues.append(Plausible.areaShare.issue("areaShares")) }
        for (field, age) in [("minAge", targetGroup.minAge), ("maxAge", targetGroup.maxAge)] { Plausible.age.check(age, field: field, into: &issues) }
        Plausible.places.check(capacity.places, field: "places", into: &issues)
        Plausible.casesPerYear.check(capacity.casesPerYear, field: "casesPerYear", into: &issues)
        Plausible.serviceYear.check(capacity.referenceYear, field: "referenceYear", into: &issues)
        for location in locations {
            if let point = location.point, !ServiceLocation.isInGermany(point) {
                issues.append(ValidationIssue("location", .unknownValue(String(format: "%.5f, %.5f", point.lat, point.lon))))
            }
        }
        issues += OpeningHours.problems(openingHours)
        if addressProtected, (phone ?? "").trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("phone", .required)) }
        if addressProtected {
            for (field, text) in [("description", description), ("howToApply", howToApply ?? ""), ("eligibility", eligibility ?? ""), ("fees", fees ?? "")]
            where Service.invitesVisit(text) {
                issues.append(ValidationIssue(field, .visitWithProtectedAddress))
            }
        }
        if let email, !EmailAddress.isValid(EmailAddress.normalise(email)) { issues.append(ValidationIssue("email", .invalidEmail)) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }
}

extension ServiceCategory {
    /// Checks a new or changed category: a code of lower-case letters, digits and hyphens, unique; both names.
    public func validated(existingCodes: Set<String>, isNew: Bool) throws(ValidationFailure) -> ServiceCategory {
        var issues: [ValidationIssue] = []
        var copy = self
        copy.code = code.trimmingCharacters(in: .whitespaces)
        copy.nameDE = nameDE.trimmingCharacters(in: .whitespaces)
        copy.nameEN = nameEN.trimmingCharacters(in: .whitespaces)
        if copy.code.isEmpty { issues.append(ValidationIssue("code", .required)) }
        else if copy.code.count > 40 || !copy.code.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            issues.append(ValidationIssue("code", .unknownValue(String(copy.code.prefix(40)))))
        } else if isNew, existingCodes.contains(copy.code) { issues.append(ValidationIssue("code", .duplicate)) }
        if copy.nameDE.isEmpty { issues.append(ValidationIssue("nameDE", .required)) }
        if copy.nameEN.isEmpty { issues.append(ValidationIssue("nameEN", .required)) }
        FieldCheck.length(copy.nameDE, field: "nameDE", max: 200, into: &issues)
        FieldCheck.length(copy.nameEN, field: "nameEN", max: 200, into: &issues)
        if synonyms.joined(separator: ", ").count > ServiceCategory.maxSynonymsLength {
            issues.append(ValidationIssue("synonyms", .tooLong(max: ServiceCategory.maxSynonymsLength)))
        } else if let long = synonyms.first(where: { $0.count > 60 }) { issues.append(ValidationIssue("synonyms", .unknownValue(String(long.prefix(60))))) }
        else if let wordless = synonyms.first(where: { GermanSearch.words($0).isEmpty }) { issues.append(ValidationIssue("synonyms", .unknownValue(wordless))) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return copy
    }

    /// Longest list of search words of one category, in characters (about a hundred words).
    public static let maxSynonymsLength = 1000

    public var auditFields: [String: String] {
        ["code": code, "nameDE": nameDE, "nameEN": nameEN, "legalBasis": legalBasis ?? "", "communalised": communalised ? "ja" : "nein",
         "synonyms": synonyms.joined(separator: ", ")]
    }
}

/// The opening hours and staff of a service as people type them: one entry per line.
public enum ServiceEntry {
    public static let weekdayNamesDE = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]

    /// Opening hours in the forms people write them, one line or ";" per group: "Mo 09:00-12:00", "Mo–Fr 9–12 Uhr",
    /// "Mo, Mi 14:00–16:00", "Montag bis Donnerstag 9.00 - 12.30 und 14 - 16 Uhr", "täglich 8–20 Uhr". Every problem is
    /// named with its line: a day that is no weekday, a time that cannot be read, an end before the start.
    public static func openingHours(_ text: String) -> (hours: [OpeningHours], issues: [ValidationIssue]) {
        var hours: [OpeningHours] = []
        var issues: [ValidationIssue] = []
        func problem(_ line: Int, _ p: LineProblem) { issues.append(ValidationIssue("openingHours", .inLine(line: line, problem: p))) }
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            for group in raw.split(separator: ";") {
                let line = String(group).trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty else { continue }
                let normalised = normaliseHours(line)
                let firstDigit = normalised.firstIndex(where: \.isNumber) ?? normalised.endIndex
                let dayText = normalised[..<firstDigit].trimmingCharacters(in: CharacterSet(charactersIn: " ,:"))
                let timeText = String(normalised[firstDigit...])
                // Problems quote the line as typed.
                let quoted = String(line.prefix(60))
                // "nach Vereinbarung" and the like name no time at all: they belong to how to get an appointment.
                guard normalised.contains(where: \.isNumber) else {
                    problem(index + 1, .noTimes(quoted))
                    continue
                }
                let days: [Int]
                switch weekdays(dayText) {
                case .success(let found): days = found
                case .failure:
                    problem(index + 1, .unknownWeekday(quoted))
                    continue
                }
                let ranges = timeText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for range in ranges {
                    let ends = range.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard ends.count == 2, let opens = minutes(ends[0]), let closes = minutes(ends[1]) else {
                        problem(index + 1, .unreadableTime(quoted))
                        continue
                    }
                    guard opens < closes else {
                        problem(index + 1, .closesBeforeOpens(quoted))
                        continue
                    }
                    hours += days.map { OpeningHours(weekday: $0, opens: opens, closes: closes) }
                }
            }
        }
        return (hours, issues)
    }

    /// Lower case; dashes, "bis" and "–" as "-"; "und", "&" and "/" between times as ","; "Uhr" and "h" dropped; "9.30" as "9:30".
    static func normaliseHours(_ line: String) -> String {
        var s = " " + line.lowercased() + " "
        for dash in ["–", "—", "‑", "−", " bis "] { s = s.replacingOccurrences(of: dash, with: dash == " bis " ? " - " : "-") }
        for joiner in [" und ", " & ", "/"] { s = s.replacingOccurrences(of: joiner, with: ",") }
        s = s.replacingOccurrences(of: "uhr", with: " ")
        var chars = Array(s)
        for i in chars.indices.dropFirst().dropLast() where chars[i] == "." && chars[i - 1].isNumber && chars[i + 1].isNumber { chars[i] = ":" }
        // "9h" and "9 h" as hours.
        var result = ""
        for (i, c) in chars.enumerated() {
            if c == "h", i > 0, chars[i - 1].isNumber || (chars[i - 1] == " " && i > 1 && chars[i - 2].isNumber), i + 1 >= chars.count || !chars[i + 1].isLetter { continue }
            result.append(c)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    struct UnknownDay: Error { let text: String }

    /// The days of "mo-fr", "mo, mi", "montag bis freitag", "täglich", "werktags"; a word that is no day fails.
    static func weekdays(_ text: String) -> Result<[Int], UnknownDay> {
        let cleaned = text.trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty else { return .failure(UnknownDay(text: "")) }
        var days: [Int] = []
        for part in cleaned.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let ends = part.split(separator: "-").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .")) }
            if ends.count == 1, let all = ["taglich": Array(1...7), "täglich": Array(1...7), "werktags": Array(1...5), "daily": Array(1...7)][ends[0]] {
                days += all
                continue
            }
            guard (1...2).contains(ends.count) else { return .failure(UnknownDay(text: part)) }
            let numbers = ends.map(weekday)
            guard let first = numbers.first ?? nil, let last = numbers.last ?? nil else {
                return .failure(UnknownDay(text: ends.first { weekday($0) == nil } ?? part))
            }
            // "Fr–Mo" goes over the weekend.
            days += first <= last ? Array(first...last) : Array(first...7) + Array(1...last)
        }
        var seen = Set<Int>()
        return .success(days.filter { seen.insert($0).inserted })
    }

    /// 1 = Monday: "mo", "mo.", "montag", "mon", "monday"; "sonnabend" is Saturday.
    static func weekday(_ word: String) -> Int? {
        let w = word.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        guard w.count >= 2, w.allSatisfy(\.isLetter) else { return nil }
        if w == "sonnabend" { return 6 }
        let german = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]
        let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if let day = german.firstIndex(where: { $0.hasPrefix(w) && (w.count >= 2) }), german.filter({ $0.hasPrefix(w) }).count == 1 { return day + 1 }
        if w.count >= 3, let day = english.firstIndex(where: { $0.hasPrefix(w) }) { return day + 1 }
        return nil
    }

    public static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let hours = Int(parts[0]), (0...24).contains(hours) else { return nil }
        let minutes = parts.count == 2 ? Int(parts[1]) : 0
        guard let minutes, (0..<60).contains(minutes), parts.count == 1 || parts[1].count == 2 else { return nil }
        return hours * 60 + minutes
    }

    public static func openingHoursText(_ hours: [OpeningHours]) -> String {
        hours.sorted { ($0.weekday, $0.opens) < ($1.weekday, $1.opens) }.map { slot in
            let day = (1...7).contains(slot.weekday) ? weekdayNamesDE[slot.weekday - 1] : String(slot.weekday)
            return "\(day) \(Service.clock(slot.opens))–\(Service.clock(slot.closes))"
        }.joined(separator: "\n")
    }

    /// "Sozialarbeit: 1,5" per line; a decimal comma or point.
    public static func staff(_ text: String) -> (fte: [String: Double], issues: [ValidationIssue]) {
        var fte: [String: Double] = [:]
        var issues: [ValidationIssue] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let value = Plausible.number(parts[1]) else {
                issues.append(ValidationIssue("fte", .unknownValue(String(line.prefix(60)))))
                continue
            }
            // Checked per line, so that no sum of huge values is ever formed or stored.
            guard Plausible.fte.contains(value), Plausible.fte.contains(fte[parts[0], default: 0] + value) else {
                if !issues.contains(Plausible.fte.issue("fte")) { issues.append(Plausible.fte.issue("fte")) }
                continue
            }
            fte[parts[0], default: 0] += value
        }
        return (fte, issues)
    }

    public static func staffText(_ fte: [String: Double]) -> String {
        fte.sorted { $0.key < $1.key }.map { "\($0.key): " + String(format: "%.2f", $0.value).replacingOccurrences(of: ".", with: ",") }.joined(separator: "\n")
    }

    /// Comma-separated words, trimmed, empty ones dropped.
    public static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
