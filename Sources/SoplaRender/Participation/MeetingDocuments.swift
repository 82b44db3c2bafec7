import Foundation
import SoplaCore

/// The invitation and the minutes of a meeting as documents made by sopla: print-ready HTML (A4 through the print
/// style), the non-public part only for those who may see it. Minutes for the public give attendance as numbers.
public enum MeetingDocument {
    public enum Kind: Sendable { case invitation, minutes }

    public struct Model: Sendable {
        public let kind: Kind
        public let meeting: Meeting
        public let body: Body
        public let items: [AgendaItem]
        public let papers: [UUID: Paper]
        public let resolutions: [UUID: Resolution]
        public let quorum: Quorum
        /// Names by attendance, only for insiders.
        public let attendees: [(name: String, status: AttendanceStatus)]?
        public let chair: String?

        public init(kind: Kind, meeting: Meeting, body: Body, items: [AgendaItem], papers: [UUID: Paper], resolutions: [UUID: Resolution], quorum: Quorum,
                    attendees: [(name: String, status: AttendanceStatus)]?, chair: String?) {
            self.kind = kind
            self.meeting = meeting
            self.body = body
            self.items = items
            self.papers = papers
            self.resolutions = resolutions
            self.quorum = quorum
            self.attendees = attendees
            self.chair = chair
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let m = model.meeting
        let title = (model.kind == .invitation ? t(.meetingInvitation) : t(.minutesTitle)) + ": " + m.name
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb no-print")], [el("a", [("href", ParticipationRoute.meeting(m.id))], text: m.name)]),
            el("h1", text: title),
            el("p", text: model.body.name),
            el("p", text: DateText.dateTime(m.start, language) + " – " + DateText.dateTime(m.end, language) + (m.location.map { ", " + $0 } ?? "")),
        ]
        if model.kind == .invitation {
            content.append(el("p", text: t(.invitationText)))
        } else {
            content.append(el("p", text: (model.quorum.isQuorate ? t(.quorate) : t(.notQuorate)).replacingOccurrences(of: "{p}", with: String(model.quorum.votingPresent))
                .replacingOccurrences(of: "{n}", with: String(model.quorum.votingMembers)).replacingOccurrences(of: "{r}", with: String(model.quorum.required))))
            if let attendees = model.attendees {
                for status in [AttendanceStatus.present, .excused] {
                    let names = attendees.filter { $0.status == status }.map(\.name).sorted()
                    if !names.isEmpty { content.append(el("p", text: ParticipationNames.attendance(status, t).capitalized + ": " + names.joined(separator: ", "))) }
                }
            }
        }
        content.append(el("h2", text: t(.agendaTitle)))
        content.append(el("ol", [("class", "agenda")], model.items.map { item in
            var parts: [HTMLNode] = [el("h3", text: item.number + ". " + item.title + (item.isPublic ? "" : " (" + t(.bodyInternal) + ")"))]
            let papers = item.paperIDs.compactMap { model.papers[$0] }
            if !papers.isEmpty { parts.append(el("p", text: t(.papersLabel) + ": " + papers.map { $0.reference + " – " + $0.title }.joined(separator: "; "))) }
            if model.kind == .minutes {
                if let resolution = model.resolutions[item.id] {
                    parts.append(el("p", text: t(.resolutionLabel) + ": " + resolution.text))
                    parts.append(el("p", text: t(.voteLabel) + ": " + MeetingPage.voteText(resolution.vote, t)))
                } else if let result = item.result {
                    parts.append(el("p", text: t(.resultLabel) + ": " + result))
                }
            }
            return el("li", [], parts)
        }))
        if model.kind == .minutes, let chair = model.chair {
            content.append(el("p", [("class", "signature")], text: t(.signedChair) + ": " + chair))
        }
        content.append(el("p", [("class", "no-print")], [el("button", [("type", "button"), ("data-print", "true")], text: t(.printDocument))]))
        content.append(el("script", [("src", ServiceRoute.script.path), ("defer", "defer")], []))
        return Layout(title: title, context: context).render(content)
    }
}
