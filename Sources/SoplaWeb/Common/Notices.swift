import Foundation
import SoplaRender
import Vapor

/// What the page after a redirect tells the person (`?hinweis=...`), one list for all pages:
/// post, redirect, and the notice survives a reload without server-side state.
enum NoticeCode: String, CaseIterable {
    case saved = "gespeichert"
    case created = "angelegt"
    case unchanged = "unveraendert"
    case deactivated = "deaktiviert"
    case activated = "aktiviert"
    case erased = "geloescht"
    case passwordChanged = "passwort"
    case tokenRevoked = "widerrufen"
    case loggedOut = "abgemeldet"
    case passwordSet = "passwort-gesetzt"
    case deleted = "entfernt"
    case proposed = "vorgeschlagen"
    case accepted = "uebernommen"
    case rejected = "abgelehnt"
    case confirmed = "bestaetigt"
    case roundOpened = "eroeffnet"
    case roundClosed = "abgeschlossen"
    case statementSent = "stellungnahme"
    case published = "veroeffentlicht"
    case archived = "archiviert"
    case restored = "wiederhergestellt"
    case released = "freigegeben"
    case releaseWithdrawn = "zurueckgezogen"
    case issued = "erlassen"
    case answered = "beantwortet"

    static let parameter = "hinweis"

    /// `path` with this notice in its query, before any fragment ("/x#teil" → "/x?hinweis=angelegt#teil"): a query
    /// after the "#" would never reach the server.
    func appended(to path: String) -> String {
        let parts = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return base + (base.contains("?") ? "&" : "?") + Self.parameter + "=" + rawValue + fragment
    }

    func notice(_ language: Language) -> Notice {
        let t = Texts(language)
        switch self {
        case .saved: return Notice(.success, t(.noticeSaved))
        case .created: return Notice(.success, t(.noticeCreated))
        case .unchanged: return Notice(.info, t(.noticeNoChanges))
        case .deactivated: return Notice(.success, t(.noticeDeactivated))
        case .activated: return Notice(.success, t(.noticeActivated))
        case .erased: return Notice(.success, t(.noticeErased))
        case .passwordChanged: return Notice(.success, t(.noticePasswordChanged))
        case .tokenRevoked: return Notice(.success, t(.noticeTokenRevoked))
        case .loggedOut: return Notice(.success, t(.noticeLoggedOut))
        case .passwordSet: return Notice(.success, t(.noticePasswordSet))
        case .deleted: return Notice(.success, t(.noticeDeleted))
        case .proposed: return Notice(.success, t(.noticeProposed))
        case .accepted: return Notice(.success, t(.noticeAccepted))
        case .rejected: return Notice(.success, t(.noticeRejected))
        case .confirmed: return Notice(.success, t(.noticeConfirmed))
        case .roundOpened: return Notice(.success, t(.noticeRoundOpened))
        case .roundClosed: return Notice(.success, t(.noticeRoundClosed))
        case .statementSent: return Notice(.success, t(.noticeStatementSent))
        case .published: return Notice(.success, t(.catalogueNoticePublished))
        case .archived: return Notice(.success, t(.catalogueNoticeArchived))
        case .restored: return Notice(.success, t(.catalogueNoticeRestored))
        case .released: return Notice(.success, t(.noticeReleased))
        case .releaseWithdrawn: return Notice(.success, t(.noticeWithdrawn))
        case .issued: return Notice(.success, t(NoticeText.issuedNotice))
        case .answered: return Notice(.success, t(ServiceText.noticeAnswered))
        }
    }
}

extension Request {
    /// The notice named in the query, if any.
    var notice: Notice? {
        (try? query.get(String.self, at: NoticeCode.parameter)).flatMap(NoticeCode.init(rawValue:))?.notice(language)
    }

    /// A 303 redirect to `path` that shows `notice` there.
    func redirect(to path: String, notice: NoticeCode) -> Response {
        redirect(to: notice.appended(to: path), redirectType: .normal)
    }
}
