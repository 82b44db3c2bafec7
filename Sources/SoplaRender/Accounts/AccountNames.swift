import Foundation
import SoplaCore

/// Names of roles, kinds and actions as people read them.
public enum AccountNames {
    public static func role(_ role: Role, _ language: Language) -> String {
        let t = Texts(language)
        switch role {
        case .provider: return t(.roleProvider)
        case .bodyMember: return t(.roleBodyMember)
        case .planner: return t(.rolePlanner)
        case .reviewer: return t(.roleReviewer)
        case .administrator: return t(.roleAdministrator)
        }
    }

    public static func roles(_ roles: Set<Role>, _ language: Language) -> String {
        let names = Role.allCases.filter(roles.contains).map { role($0, language) }
        return names.isEmpty ? "–" : names.joined(separator: ", ")
    }

    public static func kind(_ kind: OrganisationKind, _ language: Language) -> String {
        let t = Texts(language)
        switch kind {
        case .provider: return t(.kindProvider)
        case .welfareAssociation: return t(.kindWelfareAssociation)
        case .league: return t(.kindLeague)
        case .publicBody: return t(.kindPublicBody)
        case .other: return t(.kindOther)
        }
    }

    public static func grant(_ grant: Grant, _ language: Language) -> String {
        switch grant {
        case .unsuppressedFigures: return Texts(language)(.grantUnsuppressedFigures)
        }
    }

    public static func scope(_ scope: TokenScope, _ language: Language) -> String {
        Texts(language)(scope == .read ? .scopeRead : .scopeReadWrite)
    }

    public static func action(_ action: Action, _ language: Language) -> String {
        let t = Texts(language)
        switch action {
        case .readPublic: return t(.actionReadPublic)
        case .signIn: return t(.actionSignIn)
        case .useAccessLink: return t(.actionUseAccessLink)
        case .viewOwnAccount: return t(.actionViewOwnAccount)
        case .changeOwnAccount: return t(.actionChangeOwnAccount)
        case .createOrganisation: return t(.actionCreateOrganisation)
        case .editOrganisation: return t(.actionEditOrganisation)
        case .deactivateOrganisation: return t(.actionDeactivateOrganisation)
        case .viewOrganisationHistory: return t(.actionViewOrganisationHistory)
        case .manageSpatialUnits: return t(.actionManageSpatialUnits)
        case .readBodyInternal: return t(.actionReadBodyInternal)
        case .submitStatement: return t(.actionSubmitStatement)
        case .viewUnsuppressedFigures: return t(.actionViewUnsuppressedFigures)
        case .reviewApplication: return t(.actionReviewApplication)
        case .manageUsers: return t(.actionManageUsers)
        case .viewAuditLog: return t(.actionViewAuditLog)
        case .managePersonalData: return t(.actionManagePersonalData)
        case .viewPolicy: return t(.actionViewPolicy)
        case .manageIndicators: return t(.actionManageIndicators)
        case .importData: return t(.actionImportData)
        case .manageServices: return t(.actionManageServices)
        case .proposeServiceChange: return t(.actionProposeServiceChange)
        case .answerServiceDecision: return t(.actionAnswerServiceDecision)
        case .manageParticipation: return t(.actionManageParticipation)
        case .submitOrganisationStatement: return t(.actionSubmitOrganisationStatement)
        case .manageFunding: return t(.actionManageFunding)
        case .applyForFunding: return t(.actionApplyForFunding)
        case .seeReviewAssignments: return t(.actionSeeReviewAssignments)
        case .manageReports: return t(.actionManageReports)
        }
    }

    public static func permission(_ permission: Permission?, rule: PolicyRule, _ language: Language) -> String {
        let t = Texts(language)
        if rule.everyone || rule.anyUser { return t(.permissionYes) }
        switch permission {
        case nil: return t(.permissionNo)
        case .always?: return t(.permissionYes)
        case .ownOrganisation?: return t(.permissionOwnOrganisation)
        case .memberOfBody?: return t(.permissionMemberOfBody)
        case .withoutConflict?: return t(.permissionWithoutConflict)
        case .whenGranted?: return t(.permissionWhenGranted)
        }
    }

    public static func auditAction(_ action: AuditAction, _ language: Language) -> String {
        let t = Texts(language)
        switch action {
        case .create: return t(.auditCreate)
        case .update: return t(.auditUpdate)
        case .delete: return t(.auditDelete)
        case .deactivate: return t(.auditDeactivate)
        case .activate: return t(.auditActivate)
        case .login: return t(.auditLogin)
        case .logout: return t(.auditLogout)
        case .loginFailed: return t(.auditLoginFailed)
        case .loginThrottled: return t(.auditLoginThrottled)
        case .passwordChanged: return t(.auditPasswordChanged)
        case .accessLinkCreated: return t(.auditAccessLinkCreated)
        case .tokenCreated: return t(.auditTokenCreated)
        case .tokenRevoked: return t(.auditTokenRevoked)
        case .personalDataExported: return t(.auditPersonalDataExported)
        case .erase: return t(.auditErase)
        case .importData: return t(.auditImportData)
        case .releaseData: return t(.auditReleaseData)
        case .withdrawRelease: return t(.auditWithdrawRelease)
        }
    }

    public static func entity(_ type: String, _ language: Language) -> String {
        let t = Texts(language)
        switch type {
        case AuditEntity.organisation: return t(.entityOrganisation)
        case AuditEntity.user: return t(.entityUser)
        case AuditEntity.session: return t(.entitySession)
        case AuditEntity.apiToken: return t(.entityAPIToken)
        case AuditEntity.spatialUnit: return t(.entitySpatialUnit)
        case AuditEntity.variable: return t(.entityVariable)
        case AuditEntity.indicator: return t(.entityIndicator)
        case AuditEntity.dataImport: return t(.entityDataImport)
        case AuditEntity.columnMapping: return t(.entityColumnMapping)
        case AuditEntity.referenceValue: return t(.entityReferenceValue)
        case AuditEntity.validationRule: return t(.entityValidationRule)
        case AuditEntity.service: return t(.entityService)
        case AuditEntity.serviceCategory: return t(.entityServiceCategory)
        case AuditEntity.planningStandard: return t(.entityPlanningStandard)
        case AuditEntity.surveyRound: return t(.entitySurveyRound)
        case AuditEntity.serviceProposal: return t(.entityServiceProposal)
        case AuditEntity.duplicateReview: return t(.entityDuplicateReview)
        case "grant-notice": return t(FundingText.grantNoticeTitle)
        case "notice-settings": return t(NoticeText.settingsTitle)
        default: return recordKinds[type].map { t($0) } ?? type
        }
    }

    /// The records of funding, participation and reports, audited as "funding-", "participation-" or "report-" and their kind.
    static let recordKinds: [String: TextKey] = [
        "funding-programme": .entityFundingProgramme, "funding-application": .entityFundingApplication, "funding-review": .entityFundingReview,
        "funding-agreement": .entityFundingAgreement, "funding-drawdown": .entityFundingDrawdown, "funding-proof": .entityFundingProof,
        "funding-dialogue": .entityFundingDialogue, "funding-conflict": .entityFundingConflict,
        "participation-body": .entityBody, "participation-person": .entityPerson, "participation-membership": .entityMembership,
        "participation-meeting": .entityMeeting, "participation-agenda-item": .entityAgendaItem, "participation-attendance": .entityAttendance,
        "participation-paper": .entityPaper, "participation-paper-version": .entityPaperVersion, "participation-consultation": .entityConsultation,
        "participation-statement-process": .entityStatementProcess, "participation-statement": .entityStatement,
        "participation-statement-response": .entityStatementResponse, "participation-resolution": .entityResolution,
        "participation-measure": .entityMeasure, "participation-milestone": .entityMilestone, "participation-planning-process": .entityPlanningProcess,
        "participation-notification": .entityNotification, "participation-attachment": .entityAttachment,
        "report-report": .entityReport, "report-edition": .entityReportEdition,
    ]

    /// A change as people read it: "Telefon: – → 06441 1", "Status: empfohlen → bewilligt" (see `AuditWords`).
    public static func change(_ change: FieldChange, entity: String, _ language: Language, names: [String: String] = [:]) -> String {
        AuditWords.change(change, entity: entity, language, names: names)
    }

    /// A change of an account field (organisation or user), for callers that do not know the kind of record.
    public static func change(_ change: FieldChange, _ language: Language) -> String {
        AuditWords.change(change, entity: "", language)
    }

    public static func field(_ code: String, _ language: Language) -> String {
        AuditWords.field(code, entity: "", language)
    }
}
