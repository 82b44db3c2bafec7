import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Who hears of a funding event, and in which words: the county's planners of what a provider sends, the provider's
/// users of what the county decides or asks, a reviewer of an application given to them. Each as an inbox message and,
/// where mail is configured, a mail.
extension Notifier {
    /// The name of the organisation that sends something, for the planners' messages.
    func organisationName(_ id: UUID) async throws -> String {
        try await AccountStore(database: app.db).organisation(id: id)?.name ?? ""
    }

    /// A step of an application: submitted or withdrawn (to the planners); changes requested or decided (to the provider).
    func applicationStep(_ a: FundingApplication, event: ApplicationEvent, reason: String) async throws {
        let said = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let because = said.isEmpty ? "" : "\n\nBegründung: " + said
        let own = FundingRoute.ownApplication(a.organisationID, a.id)
        switch event {
        case .submit:
            try await service.notifyRole(.planner, subject: "Neuer Antrag: " + a.title,
                                         body: "\(try await organisationName(a.organisationID)) hat den Antrag „\(a.title)“ für \(a.year) eingereicht (\(Format.money(a.requested, .de))).",
                                         link: FundingRoute.application(a.id))
        case .withdraw:
            try await service.notifyRole(.planner, subject: "Antrag zurückgezogen: " + a.title,
                                         body: "\(try await organisationName(a.organisationID)) hat den Antrag „\(a.title)“ zurückgezogen." + because, link: FundingRoute.application(a.id))
        case .requestChanges:
            try await service.notifyUsers(of: a.organisationID, subject: "Änderungen erbeten: " + a.title,
                                          body: "Das Fachamt bittet, den Antrag „\(a.title)“ zu ändern und erneut einzureichen." + because, link: own)
        case .approve, .approvePartly:
            let granted = Format.money(a.granted ?? a.requested, .de)
            let how = event == .approve ? "bewilligt" : "teilweise bewilligt"
            try await service.notifyUsers(of: a.organisationID, subject: "Antrag \(how): " + a.title,
                                          body: "Der Antrag „\(a.title)“ ist \(how): \(granted) für \(a.year). Der Zuwendungsbescheid folgt." + because, link: own)
        case .reject:
            try await service.notifyUsers(of: a.organisationID, subject: "Antrag abgelehnt: " + a.title,
                                          body: "Der Antrag „\(a.title)“ ist abgelehnt." + because, link: own)
        case .startFormalCheck, .passFormalCheck, .recommend, .notRecommend:
            // Steps inside the county: the provider sees the state on the application page.
            break
        }
    }

    func reviewerAssigned(_ a: FundingApplication, reviewer: UUID, kind: ReviewKind) async throws {
        let what = kind == .financial ? "finanzielle" : "fachliche"
        try await service.notifyUser(reviewer, subject: "Begutachtung: " + a.title,
                                     body: "Ihnen ist die \(what) Begutachtung des Antrags „\(a.title)“ (\(a.year)) übertragen.", link: FundingRoute.review(a.id))
    }

    /// A drawdown requested (to the planners); released, rejected or paid (to the provider).
    func drawdown(_ d: Drawdown, agreement a: GrantAgreement) async throws {
        let amount = Format.money(d.amount, .de)
        switch d.state {
        case .requested:
            try await service.notifyRole(.planner, subject: "Mittelabruf: " + a.reference,
                                         body: "\(try await organisationName(a.organisationID)) ruft \(amount) für \(d.year) ab.", link: FundingRoute.agreement(a.id))
        case .approved:
            try await service.notifyUsers(of: a.organisationID, subject: "Mittelabruf freigegeben: " + a.reference,
                                          body: "Ihr Abruf über \(amount) für \(d.year) ist freigegeben; die Zahlung wird angewiesen.",
                                          link: FundingRoute.ownAgreement(a.organisationID, a.id))
        case .paid:
            try await service.notifyUsers(of: a.organisationID, subject: "Zahlung angewiesen: " + a.reference,
                                          body: "\(amount) für \(d.year) sind am \(d.paidOn.map { Format.day($0, .de) } ?? "") angewiesen.",
                                          link: FundingRoute.ownAgreement(a.organisationID, a.id))
        case .rejected:
            try await service.notifyUsers(of: a.organisationID, subject: "Mittelabruf abgelehnt: " + a.reference,
                                          body: "Ihr Abruf über \(amount) für \(d.year) ist abgelehnt." + (d.note.isEmpty ? "" : "\n\nBegründung: " + d.note),
                                          link: FundingRoute.ownAgreement(a.organisationID, a.id))
        }
    }

    func proofSubmitted(_ proof: ProofOfUse, agreement a: GrantAgreement) async throws {
        try await service.notifyRole(.planner, subject: "Verwendungsnachweis: " + a.reference,
                                     body: "\(try await organisationName(a.organisationID)) hat den Verwendungsnachweis für \(proof.year) eingereicht.", link: FundingRoute.agreement(a.id))
    }

    /// The county's verdict on one part (content or finance) of a proof of use.
    func proofVerdict(_ proof: ProofOfUse, part: String, verdict: ReviewVerdict, note: String, agreement a: GrantAgreement) async throws {
        let which = part == "finance" ? "Die finanzielle Prüfung" : "Die inhaltliche Prüfung"
        let outcome: String
        switch verdict {
        case .accepted: outcome = "hat ihn anerkannt."
        case .rework: outcome = "bittet um Nachbesserung."
        case .rejected: outcome = "hat ihn nicht anerkannt."
        }
        try await service.notifyUsers(of: a.organisationID, subject: "Verwendungsnachweis \(proof.year): " + a.reference,
                                      body: "\(which) Ihres Verwendungsnachweises für \(proof.year) \(outcome)" + (note.isEmpty ? "" : "\n\nHinweis: " + note),
                                      link: FundingRoute.ownAgreement(a.organisationID, a.id))
    }

    func dialogueInvited(_ dialogue: QualityDialogue, agreement a: GrantAgreement) async throws {
        try await service.notifyUsers(of: a.organisationID, subject: "Qualitätsdialog am \(Format.day(dialogue.date, .de)): " + a.reference,
                                      body: "Sie sind zum Qualitätsdialog über das Jahr \(dialogue.year) am \(Format.day(dialogue.date, .de)) eingeladen.",
                                      link: FundingRoute.ownAgreement(a.organisationID, a.id))
    }
}
