import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// The logged-in person's messages.
struct InboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, ParticipationRoute.inbox, RoutePermission(.viewOwnAccount), use: inbox)
        routes.on(.POST, ParticipationRoute.inboxRead, RoutePermission(.changeOwnAccount), use: markRead)
    }

    func inbox(req: Request) async throws -> HTMLResponse {
        let user = try await req.requireUser()
        let messages = try await req.participationStore.all(.notification, as: InboxMessage.self).filter { $0.value.userID == user.id }
            .sorted { $0.value.createdAt > $1.value.createdAt }.map { (id: $0.id, message: $0.value) }
        return HTMLResponse(InboxPage.render(messages, context: try await req.pageContext(showNotice: true)))
    }

    func markRead(req: Request) async throws -> Response {
        let user = try await req.requireUser()
        guard let raw = req.parameters.get("message"), let id = UUID(uuidString: raw),
              var message = try await req.participationStore.one(.notification, id: id, as: InboxMessage.self)?.value, message.userID == user.id else { throw Abort(.notFound) }
        message.read = true
        try await req.participationStore.save(.notification, id: id, message, label: message.subject, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.inbox(), notice: .saved)
    }
}
