import Foundation

/// What happened, as the audit log records it.
public enum AuditAction: String, CaseIterable, Sendable, Codable {
    case create, update, delete, deactivate, activate
    case login, logout
    case loginFailed = "login-failed"
    case loginThrottled = "login-throttled"
    case passwordChanged = "password-changed"
    case accessLinkCreated = "access-link-created"
    case tokenCreated = "token-created"
    case tokenRevoked = "token-revoked"
    case personalDataExported = "personal-data-exported"
    case erase
    case importData = "import-data"
    /// An import's values were made public.
    case releaseData = "release-data"
    /// An import's release was withdrawn: its values are no longer public.
    case withdrawRelease = "withdraw-release"
}

/// One field's value before and after a change; nil where the field was empty.
public struct FieldChange: Sendable, Equatable, Codable {
    public let field: String
    public let before: String?
    public let after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The fields that differ, sorted by name.
    /// The fields whose values differ. A list of plain values (ids, codes, names) that only changed its order is no
    /// change: the log shows what was added or removed, not how a form happened to sort it.
    public static func diff(before: [String: String], after: [String: String]) -> [FieldChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { field in
            let old = before[field], new = after[field]
            guard old != new, !sameIgnoringOrder(old, new) else { return nil }
            return FieldChange(field: field, before: old, after: new)
        }
    }

    /// Whether two stored values are JSON lists of the same plain values in another order.
    static func sameIgnoringOrder(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a.first == "[", b.first == "[" else { return false }
        func plain(_ text: String) -> [String]? {
            guard let list = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any] else { return nil }
            var values: [String] = []
            for element in list {
                if let text = element as? String { values.append("s" + text) } else if let number = element as? NSNumber { values.append("n" + number.stringValue) } else { return nil }
            }
            return values.sorted()
        }
        guard let left = plain(a), let right = plain(b) else { return false }
        return left == right
    }
}

/// Who did something: a user, or nobody known (a failed login, a command run on the server).
public struct AuditActor: Sendable, Equatable {
    public let userID: UUID?
    public let label: String
    public let address: String?

    public init(userID: UUID?, label: String, address: String? = nil) {
        self.userID = userID
        self.label = label
        self.address = address
    }

    public static func system(_ label: String = "System") -> AuditActor {
        AuditActor(userID: nil, label: label)
    }
}

/// One entry of the append-only audit log.
public struct AuditEntry: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let at: Date
    public let actor: AuditActor
    public let action: AuditAction
    public let entityType: String
    public let entityID: String?
    public let entityLabel: String
    public let changes: [FieldChange]

    public init(id: UUID, at: Date, actor: AuditActor, action: AuditAction, entityType: String, entityID: String?,
                entityLabel: String, changes: [FieldChange] = []) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.entityLabel = entityLabel
        self.changes = changes
    }
}

/// The entity types the audit log knows, so filters and views agree on names.
public enum AuditEntity {
    public static let organisation = "organisation"
    public static let user = "user"
    public static let session = "session"
    public static let apiToken = "api-token"
    public static let spatialUnit = "spatial-unit"
    public static let variable = "variable"
    public static let indicator = "indicator"
    public static let dataImport = "data-import"
    public static let columnMapping = "column-mapping"
    public static let referenceValue = "reference-value"
    public static let validationRule = "validation-rule"
    public static let service = "service"
    public static let serviceCategory = "service-category"
    public static let planningStandard = "planning-standard"
    public static let surveyRound = "survey-round"
    public static let serviceProposal = "service-proposal"
    public static let duplicateReview = "duplicate-review"
    public static let all = [organisation, user, session, apiToken, spatialUnit, variable, indicator, dataImport, columnMapping, referenceValue, validationRule,
                             service, serviceCategory, planningStandard, surveyRound, serviceProposal, duplicateReview]
}

/// A filter over the audit log.
public struct AuditQuery: Sendable, Equatable {
    public var entityType: String?
    public var entityID: String?
    public var action: AuditAction?
    public var actorText: String?
    public var from: Day?
    public var to: Day?
    public var page: Int
    public var perPage: Int

    public init(entityType: String? = nil, entityID: String? = nil, action: AuditAction? = nil, actorText: String? = nil,
                from: Day? = nil, to: Day? = nil, page: Int = 1, perPage: Int = 50) {
        self.entityType = entityType
        self.entityID = entityID
        self.action = action
        self.actorText = actorText
        self.from = from
        self.to = to
        self.page = max(1, page)
        self.perPage = perPage
    }
}
