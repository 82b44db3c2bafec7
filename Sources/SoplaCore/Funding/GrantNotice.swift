import Foundation

/// What every grant notice (Zuwendungsbescheid) of the county says about its sender: the issuing authority with its
/// address and contact, how file numbers (Aktenzeichen) are formed, the signature, the general conditions it
/// refers to (ANBest-P) and the legal remedy instruction (Rechtsbehelfsbelehrung). Kept once per installation.
public struct NoticeSettings: Hashable, Sendable, Codable {
    /// "Kreisausschuss des Lahn-Dill-Kreises".
    public var authority: String
    /// The office within it, e.g. "Fachdienst Soziales".
    public var department: String
    public var street: String
    public var postcode: String
    public var city: String
    public var contact: String
    public var phone: String
    public var email: String
    /// Put before the agreement's reference to form the file number: "50.2" and "LDK-2026-001" give "50.2-LDK-2026-001".
    public var fileNumberPrefix: String
    public var signatory: String
    public var signatoryRole: String
    /// The general conditions that are part of every notice.
    public var generalConditions: String
    /// The legal remedy instruction; `{behoerde}` and `{anschrift}` stand for the authority and its address.
    public var legalRemedy: String

    public init(authority: String = "", department: String = "", street: String = "", postcode: String = "", city: String = "",
                contact: String = "", phone: String = "", email: String = "", fileNumberPrefix: String = "", signatory: String = "",
                signatoryRole: String = "", generalConditions: String = NoticeSettings.standardGeneralConditions,
                legalRemedy: String = NoticeSettings.standardLegalRemedy) {
        self.authority = authority
        self.department = department
        self.street = street
        self.postcode = postcode
        self.city = city
        self.contact = contact
        self.phone = phone
        self.email = email
        self.fileNumberPrefix = fileNumberPrefix
        self.signatory = signatory
        self.signatoryRole = signatoryRole
        self.generalConditions = generalConditions
        self.legalRemedy = legalRemedy
    }

    public static let standardGeneralConditions = "Die Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P) in der "
        + "jeweils geltenden Fassung sind Bestandteil dieses Bescheids, soweit nachstehend nichts anderes bestimmt ist."

    public static let standardLegalRemedy = "Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Widerspruch erhoben "
        + "werden. Der Widerspruch ist schriftlich oder zur Niederschrift bei {behoerde}, {anschrift}, einzulegen."

    /// The address on one line: "Karl-Kellner-Ring 51, 35576 Wetzlar".
    public var address: String {
        [street, [postcode, city].filter { !$0.isEmpty }.joined(separator: " ")].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The legal remedy instruction with authority and address filled in.
    public var legalRemedyText: String {
        legalRemedy.replacingOccurrences(of: "{behoerde}", with: authority).replacingOccurrences(of: "{anschrift}", with: address)
    }

    /// The file number of the notice for an agreement: the prefix, a hyphen and the agreement's reference.
    public func fileNumber(reference: String) -> String {
        fileNumberPrefix.isEmpty ? reference : fileNumberPrefix + "-" + reference
    }

    /// What a notice cannot be issued without: who issues it, where, and how to object.
    public var missingForIssue: [String] {
        [("authority", authority), ("street", street), ("postcode", postcode), ("city", city), ("legalRemedy", legalRemedy)]
            .filter { $0.1.isEmpty }.map(\.0)
    }

    /// The settings as typed: trimmed, one-line fields on one line, each field within its length; the whole set or
    /// the issues.
    public static func validated(_ fields: [String: String]) throws -> NoticeSettings {
        var issues: [ValidationIssue] = []
        func line(_ key: String, max: Int, required: Bool = false) -> String {
            let value = FieldCheck.line(fields[key])
            if required, value == nil { issues.append(ValidationIssue(key, .required)) }
            FieldCheck.length(value, field: key, max: max, into: &issues)
            return value ?? ""
        }
        func text(_ key: String, max: Int, required: Bool = false) -> String {
            let value = FieldCheck.clean(fields[key]?.replacingOccurrences(of: "\r\n", with: "\n"))
            if required, value == nil { issues.append(ValidationIssue(key, .required)) }
            FieldCheck.length(value, field: key, max: max, into: &issues)
            return value ?? ""
        }
        let settings = NoticeSettings(
            authority: line("authority", max: 200, required: true), department: line("department", max: 200),
            street: line("street", max: 200, required: true), postcode: line("postcode", max: 5, required: true),
            city: line("city", max: 100, required: true), contact: line("contact", max: 200), phone: line("phone", max: 40),
            email: line("email", max: 254).lowercased(), fileNumberPrefix: line("fileNumberPrefix", max: 40),
            signatory: line("signatory", max: 200), signatoryRole: line("signatoryRole", max: 200),
            generalConditions: text("generalConditions", max: 4000), legalRemedy: text("legalRemedy", max: 4000, required: true))
        if !settings.postcode.isEmpty, settings.postcode.count != 5 || !settings.postcode.allSatisfy({ $0.isASCII && $0.isNumber }) {
            issues.removeAll { $0.field == "postcode" }
            issues.append(ValidationIssue("postcode", .invalidPostcode))
        }
        if !settings.email.isEmpty, !EmailAddress.isValid(settings.email) { issues.append(ValidationIssue("email", .invalidEmail)) }
        // Only the two placeholders the notice fills in; any other would be printed as typed.
        if let unknown = placeholders(in: settings.legalRemedy).first(where: { !["{behoerde}", "{anschrift}"].contains($0) }) {
            issues.append(ValidationIssue("legalRemedy", .unknownValue(unknown)))
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return settings
    }

    /// Every "{…}" in a text.
    static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The fields by name, as a form shows them.
    public var fields: [String: String] {
        ["authority": authority, "department": department, "street": street, "postcode": postcode, "city": city, "contact": contact,
         "phone": phone, "email": email, "fileNumberPrefix": fileNumberPrefix, "signatory": signatory, "signatoryRole": signatoryRole,
         "generalConditions": generalConditions, "legalRemedy": legalRemedy]
    }
}

/// A grant notice as issued: numbered per agreement (1 the notice, from 2 each amending notice), dated, with the
/// document as it was sent. It is kept unchanged; a change of the agreement needs a new, amending notice.
public struct IssuedNotice: Hashable, Sendable, Identifiable {
    public let id: UUID
    public let agreementID: UUID
    public let organisationID: UUID
    public let number: Int
    public let fileNumber: String
    public let issuedOn: Day
    public let issuedAt: Date
    public let issuedBy: String
    public let total: Money
    /// Whether the PDF has been made and stored with the notice.
    public let hasPDF: Bool

    public init(id: UUID, agreementID: UUID, organisationID: UUID, number: Int, fileNumber: String, issuedOn: Day, issuedAt: Date,
                issuedBy: String, total: Money, hasPDF: Bool) {
        self.id = id
        self.agreementID = agreementID
        self.organisationID = organisationID
        self.number = number
        self.fileNumber = fileNumber
        self.issuedOn = issuedOn
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
        self.total = total
        self.hasPDF = hasPDF
    }

    /// Whether the agreement was changed after the latest of `notices` was issued (so an amending notice is due).
    public static func isOutdated(_ notices: [IssuedNotice], agreementModifiedAt: Date) -> Bool {
        guard let latest = notices.max(by: { $0.number < $1.number }) else { return false }
        return agreementModifiedAt > latest.issuedAt
    }
}
