import Foundation
import SoplaCore

/// Addresses of the funding pages: the county's under /foerderung, a provider's under its organisation, a
/// reviewer's under /begutachtung.
public enum FundingRoute {
    static func id(_ value: UUID) -> String { value.uuidString.lowercased() }

    public static let overview = "/foerderung"
    public static let programmeNew = "/foerderung/programme/neu"
    public static let programmes = "/foerderung/programme"
    public static func programme(_ p: UUID) -> String { programmes + "/" + id(p) }
    public static func programmeEdit(_ p: UUID) -> String { programme(p) + "/bearbeiten" }
    public static func ranking(_ p: UUID) -> String { programme(p) + "/rangfolge" }
    public static func rankingCSV(_ p: UUID) -> String { programme(p) + "/rangfolge.csv" }
    public static let applications = "/foerderung/antraege"
    public static let applicationsCSV = "/foerderung/antraege.csv"
    public static func application(_ a: UUID) -> String { applications + "/" + id(a) }
    public static func applicationStep(_ a: UUID) -> String { application(a) + "/schritt" }
    public static func applicationReviewers(_ a: UUID) -> String { application(a) + "/gutachter" }
    public static func applicationAgreement(_ a: UUID) -> String { application(a) + "/vereinbarung" }
    public static func applicationAttachment(_ a: UUID, _ attachment: UUID) -> String { application(a) + "/anlagen/" + id(attachment) }
    public static let agreements = "/foerderung/vereinbarungen"
    public static let agreementsCSV = "/foerderung/vereinbarungen.csv"
    public static func agreement(_ a: UUID) -> String { agreements + "/" + id(a) }
    public static func grantNotice(_ a: UUID) -> String { agreement(a) + "/bescheid" }
    public static func drawdown(_ a: UUID, _ d: UUID) -> String { agreement(a) + "/abrufe/" + id(d) }
    public static func proofReview(_ a: UUID, _ p: UUID) -> String { agreement(a) + "/nachweise/" + id(p) }
    public static func dialogues(_ a: UUID) -> String { agreement(a) + "/qualitaetsdialoge" }
    public static func dialogue(_ d: UUID) -> String { "/foerderung/qualitaetsdialoge/" + id(d) }
    public static let controlling = "/foerderung/controlling"
    public static let controllingCSV = "/foerderung/controlling.csv"

    public static func organisation(_ o: UUID) -> String { "/organisationen/" + id(o) + "/foerderung" }
    public static func ownApplicationNew(_ o: UUID, programme: UUID) -> String { organisation(o) + "/antraege/neu?programm=" + id(programme) }
    public static func ownApplications(_ o: UUID) -> String { organisation(o) + "/antraege" }
    public static func ownApplication(_ o: UUID, _ a: UUID) -> String { ownApplications(o) + "/" + id(a) }
    public static func ownApplicationEdit(_ o: UUID, _ a: UUID) -> String { ownApplication(o, a) + "/bearbeiten" }
    public static func ownApplicationStep(_ o: UUID, _ a: UUID) -> String { ownApplication(o, a) + "/schritt" }
    public static func ownAttachments(_ o: UUID, _ a: UUID) -> String { ownApplication(o, a) + "/anlagen" }
    public static func ownAttachment(_ o: UUID, _ a: UUID, _ attachment: UUID) -> String { ownAttachments(o, a) + "/" + id(attachment) }
    public static func ownAgreement(_ o: UUID, _ a: UUID) -> String { organisation(o) + "/vereinbarungen/" + id(a) }
    public static func ownDrawdowns(_ o: UUID, _ a: UUID) -> String { ownAgreement(o, a) + "/abrufe" }
    public static func ownProofs(_ o: UUID, _ a: UUID) -> String { ownAgreement(o, a) + "/nachweise" }

    public static let reviews = "/begutachtung"
    public static func review(_ a: UUID) -> String { reviews + "/" + id(a) }
    public static func reviewAttachment(_ a: UUID, _ attachment: UUID) -> String { review(a) + "/anlagen/" + id(attachment) }
    public static let conflicts = "/begutachtung/befangenheit"

    public enum Pattern {
        public static let overview = ["foerderung"]
        public static let programmeNew = ["foerderung", "programme", "neu"]
        public static let programmes = ["foerderung", "programme"]
        public static let programme = ["foerderung", "programme", ":programme"]
        public static let programmeEdit = ["foerderung", "programme", ":programme", "bearbeiten"]
        public static let ranking = ["foerderung", "programme", ":programme", "rangfolge"]
        public static let rankingCSV = ["foerderung", "programme", ":programme", "rangfolge.csv"]
        public static let applications = ["foerderung", "antraege"]
        public static let applicationsCSV = ["foerderung", "antraege.csv"]
        public static let application = ["foerderung", "antraege", ":application"]
        public static let applicationStep = ["foerderung", "antraege", ":application", "schritt"]
        public static let applicationReviewers = ["foerderung", "antraege", ":application", "gutachter"]
        public static let applicationAgreement = ["foerderung", "antraege", ":application", "vereinbarung"]
        public static let applicationAttachment = ["foerderung", "antraege", ":application", "anlagen", ":attachment"]
        public static let agreements = ["foerderung", "vereinbarungen"]
        public static let agreementsCSV = ["foerderung", "vereinbarungen.csv"]
        public static let agreement = ["foerderung", "vereinbarungen", ":agreement"]
        public static let grantNotice = ["foerderung", "vereinbarungen", ":agreement", "bescheid"]
        public static let drawdown = ["foerderung", "vereinbarungen", ":agreement", "abrufe", ":drawdown"]
        public static let proofReview = ["foerderung", "vereinbarungen", ":agreement", "nachweise", ":proof"]
        public static let dialogues = ["foerderung", "vereinbarungen", ":agreement", "qualitaetsdialoge"]
        public static let dialogue = ["foerderung", "qualitaetsdialoge", ":dialogue"]
        public static let controlling = ["foerderung", "controlling"]
        public static let controllingCSV = ["foerderung", "controlling.csv"]

        public static let organisation = ["organisationen", ":id", "foerderung"]
        public static let ownApplicationNew = ["organisationen", ":id", "foerderung", "antraege", "neu"]
        public static let ownApplications = ["organisationen", ":id", "foerderung", "antraege"]
        public static let ownApplication = ["organisationen", ":id", "foerderung", "antraege", ":application"]
        public static let ownApplicationEdit = ["organisationen", ":id", "foerderung", "antraege", ":application", "bearbeiten"]
        public static let ownApplicationStep = ["organisationen", ":id", "foerderung", "antraege", ":application", "schritt"]
        public static let ownAttachments = ["organisationen", ":id", "foerderung", "antraege", ":application", "anlagen"]
        public static let ownAttachment = ["organisationen", ":id", "foerderung", "antraege", ":application", "anlagen", ":attachment"]
        public static let ownAgreement = ["organisationen", ":id", "foerderung", "vereinbarungen", ":agreement"]
        public static let ownDrawdowns = ["organisationen", ":id", "foerderung", "vereinbarungen", ":agreement", "abrufe"]
        public static let ownProofs = ["organisationen", ":id", "foerderung", "vereinbarungen", ":agreement", "nachweise"]

        public static let reviews = ["begutachtung"]
        public static let review = ["begutachtung", ":application"]
        public static let reviewAttachment = ["begutachtung", ":application", "anlagen", ":attachment"]
        public static let conflicts = ["begutachtung", "befangenheit"]
    }
}

/// Names of funding states and kinds in the reader's language.
public enum FundingNames {
    public static func state(_ state: ApplicationState, _ t: Texts) -> String {
        switch state {
        case .draft: return t(.stateDraft)
        case .submitted: return t(.stateSubmitted)
        case .formalCheck: return t(.stateFormalCheck)
        case .review: return t(.stateReview)
        case .recommended: return t(.stateRecommended)
        case .notRecommended: return t(.stateNotRecommended)
        case .approved: return t(.stateApproved)
        case .partlyApproved: return t(.statePartlyApproved)
        case .rejected: return t(.stateRejected)
        case .withdrawn: return t(.stateWithdrawn)
        }
    }

    public static func event(_ event: ApplicationEvent, _ t: Texts) -> String {
        switch event {
        case .submit: return t(.eventSubmit)
        case .startFormalCheck: return t(.eventStartFormalCheck)
        case .passFormalCheck: return t(.eventPassFormalCheck)
        case .requestChanges: return t(.eventRequestChanges)
        case .recommend: return t(.eventRecommend)
        case .notRecommend: return t(.eventNotRecommend)
        case .approve: return t(.eventApprove)
        case .approvePartly: return t(.eventApprovePartly)
        case .reject: return t(.eventReject)
        case .withdraw: return t(.eventWithdraw)
        }
    }

    public static func source(_ source: FundingSource, _ t: Texts) -> String {
        switch source {
        case .county: return t(.sourceCounty)
        case .landCommunalised: return t(.sourceLand)
        case .other: return t(.sourceOther)
        }
    }

    public static func financing(_ type: FinancingType, _ t: Texts) -> String {
        switch type {
        case .shortfall: return t(.financingShortfall)
        case .fixedAmount: return t(.financingFixed)
        case .share: return t(.financingShare)
        }
    }

    public static func drawdownState(_ state: Drawdown.State, _ t: Texts) -> String {
        switch state {
        case .requested: return t(.drawdownRequested)
        case .approved: return t(.drawdownApproved)
        case .paid: return t(.drawdownPaid)
        case .rejected: return t(.drawdownRejected)
        }
    }

    public static func verdict(_ verdict: ReviewVerdict?, _ t: Texts) -> String {
        switch verdict {
        case nil: return t(.verdictOpen)
        case .accepted: return t(.verdictAccepted)
        case .rework: return t(.verdictRework)
        case .rejected: return t(.verdictRejected)
        }
    }

    public static func light(_ light: TrafficLight?, _ t: Texts) -> String {
        switch light {
        case nil: return "–"
        case .green: return t(.lightGreen)
        case .yellow: return t(.lightYellow)
        case .red: return t(.lightRed)
        }
    }

    public static func reviewKind(_ kind: ReviewKind, _ t: Texts) -> String {
        kind == .content ? t(.reviewContent) : t(.reviewFinancial)
    }

    public static func transitionProblem(_ problem: FundingApplication.TransitionProblem, _ t: Texts) -> String {
        switch problem {
        case .notAllowed: return t(.problemNotAllowed)
        case .callClosed: return t(.problemCallClosed)
        case .checklistIncomplete(let items): return t(.problemChecklist) + " " + items.joined(separator: "; ")
        case .reasonRequired: return t(.problemReason)
        case .partialAmount: return t(.problemPartialAmount)
        }
    }
}
