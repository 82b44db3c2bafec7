import Foundation
import SoplaCore

/// Addresses of the funding pages: the county's under /foerderung, a provider's under its organisation, a
/// reviewer's under /begutachtung.
public enum FundingRoute {
    /// Funding in figures for everyone (totals only).
    public static let portal = FixedPath("/foerderung/zahlen")
    public static let portalCSV = FixedPath("/foerderung/zahlen.csv")
    public static let overview = FixedPath("/foerderung")
    public static let programmeNew = FixedPath("/foerderung/programme/neu")
    public static let programmes = FixedPath("/foerderung/programme")
    public static let programme = RoutePath<UUID>("/foerderung/programme/:programme")
    public static let programmeEdit = RoutePath<UUID>("/foerderung/programme/:programme/bearbeiten")
    public static let ranking = RoutePath<UUID>("/foerderung/programme/:programme/rangfolge")
    public static let rankingCSV = RoutePath<UUID>("/foerderung/programme/:programme/rangfolge.csv")
    public static let applications = FixedPath("/foerderung/antraege")
    public static let applicationsCSV = FixedPath("/foerderung/antraege.csv")
    public static let application = RoutePath<UUID>("/foerderung/antraege/:application")
    public static let applicationStep = RoutePath<UUID>("/foerderung/antraege/:application/schritt")
    public static let applicationReviewers = RoutePath<UUID>("/foerderung/antraege/:application/gutachter")
    public static let applicationAgreement = RoutePath<UUID>("/foerderung/antraege/:application/vereinbarung")
    public static let applicationAttachment = RoutePath<UUID, UUID>("/foerderung/antraege/:application/anlagen/:attachment")
    public static let agreements = FixedPath("/foerderung/vereinbarungen")
    public static let agreementsCSV = FixedPath("/foerderung/vereinbarungen.csv")
    public static let agreement = RoutePath<UUID>("/foerderung/vereinbarungen/:agreement")
    public static let grantNotice = RoutePath<UUID>("/foerderung/vereinbarungen/:agreement/bescheid")
    public static let issuedNotice = RoutePath<UUID, Int>("/foerderung/vereinbarungen/:agreement/bescheide/:number")
    public static let issuedNoticePDF = RoutePath<UUID, Int>("/foerderung/vereinbarungen/:agreement/bescheide/:number/bescheid.pdf")
    public static let noticeSettings = FixedPath("/foerderung/bescheid-absender")
    public static let drawdown = RoutePath<UUID, UUID>("/foerderung/vereinbarungen/:agreement/abrufe/:drawdown")
    public static let proofReview = RoutePath<UUID, UUID>("/foerderung/vereinbarungen/:agreement/nachweise/:proof")
    public static let dialogues = RoutePath<UUID>("/foerderung/vereinbarungen/:agreement/qualitaetsdialoge")
    public static let dialogue = RoutePath<UUID>("/foerderung/qualitaetsdialoge/:dialogue")
    public static let controlling = FixedPath("/foerderung/controlling")
    public static let controllingCSV = FixedPath("/foerderung/controlling.csv")
    public static let organisation = RoutePath<UUID>("/organisationen/:id/foerderung")
    public static let ownApplicationNew = RoutePath<UUID>("/organisationen/:id/foerderung/antraege/neu")
    public static let ownApplications = RoutePath<UUID>("/organisationen/:id/foerderung/antraege")
    public static let ownApplication = RoutePath<UUID, UUID>("/organisationen/:id/foerderung/antraege/:application")
    public static let ownApplicationEdit = RoutePath<UUID, UUID>("/organisationen/:id/foerderung/antraege/:application/bearbeiten")
    public static let ownApplicationStep = RoutePath<UUID, UUID>("/organisationen/:id/foerderung/antraege/:application/schritt")
    public static let ownAttachments = RoutePath<UUID, UUID>("/organisationen/:id/foerderung/antraege/:application/anlagen")
    public static let ownAttachment = RoutePath<UUID, UUID, UUID>("/organisationen/:id/foerderung/antraege/:application/anlagen/:attachment")
    public static let ownAgreement = RoutePath<UUID, UUID>("/organisationen/:id/foerderung/vereinbarungen/:agreement")
    public static let ownIssuedNotice = RoutePath<UUID, UUID, Int>("/organisationen/:id/foerderung/vereinbarungen/:agreement/bescheide/:number")
    public static let ownIssuedNoticePDF = RoutePath<UUID, UUID, Int>("/organisationen/:id/foerderung/vereinbarungen/:agreement/bescheide/:number/bescheid.pdf")
    public static let ownDrawdowns = RoutePath<UUID, UUID>("/organisationen/:id/foerderung/vereinbarungen/:agreement/abrufe")
    public static let ownProofs = RoutePath<UUID, UUID>("/organisationen/:id/foerderung/vereinbarungen/:agreement/nachweise")
    public static let reviews = FixedPath("/begutachtung")
    public static let review = RoutePath<UUID>("/begutachtung/:application")
    public static let reviewAttachment = RoutePath<UUID, UUID>("/begutachtung/:application/anlagen/:attachment")
    public static let conflicts = FixedPath("/begutachtung/befangenheit")

    /// The application form of an organisation for a programme.
    public static func newApplication(_ organisation: UUID, programme: UUID) -> String { ownApplicationNew(organisation) + "?programm=" + programme.pathText }
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
        case .reviewsMissing(let count): return t(.problemReviewsMissing).replacingOccurrences(of: "{n}", with: String(count))
        }
    }

    public static func outside(_ outside: Ranking.Outside, _ t: Texts) -> String {
        switch outside {
        case .overBudget: return t(.outsideOverBudget)
        case .unscored: return t(.outsideUnscored)
        case .notRecommended: return t(.outsideNotRecommended)
        }
    }
}
