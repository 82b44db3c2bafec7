import Foundation
import SoplaCore

/// A person's messages in sopla: invitations, consultations, decisions; newest first.
public enum InboxPage {
    public static func render(_ messages: [(id: UUID, message: InboxMessage)], context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let unread = messages.filter { !$0.message.read }.count
        let content: [HTMLNode] = [
            el("h1", text: t(.inboxTitle)),
            el("p", [("class", "result-count"), ("role", "status")], text: t(.unreadCount).replacingOccurrences(of: "{n}", with: String(unread))),
            messages.isEmpty ? el("p", [("class", "empty-state")], text: t(.noMessages)) : el("ol", [("class", "inbox")], messages.map { entry in
                let m = entry.message
                return el("li", [("class", m.read ? "read" : "unread")], [
                    el("h2", [], [m.link.map { el("a", [("href", $0)], text: m.subject) } ?? txt(m.subject), m.read ? .empty : txt(" (" + t(.unreadLabel) + ")")]),
                    el("p", [("class", "meta")], text: DateText.dateTime(m.createdAt, language)),
                    el("p", text: m.body),
                    m.read ? .empty : el("form", [("method", "post"), ("action", ParticipationRoute.inboxRead(entry.id)), ("class", "inline-form")], [
                        FormBuilder.csrf(context.csrfToken ?? ""),
                        el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", t(.markRead) + ": " + m.subject)], text: t(.markRead)),
                    ]),
                ])
            }),
        ]
        return Layout(title: t(.inboxTitle), context: context).render(content)
    }
}
