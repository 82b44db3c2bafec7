import Foundation

/// The languages of the user interface. German is the default.
public enum Language: String, Sendable, CaseIterable {
    case de, en

    public var other: Language { self == .de ? .en : .de }
}

/// Every user-visible text, in German and English. Views ask `t(.key)`.
public enum TextKey: Sendable {
    case siteTagline, skipToContent, navHome, navUnits, navData, navAPI, switchLanguage, switchLanguageLabel
    case mainNavigation
    case homeTitle, homeIntro, homePillarsTitle
    case pillarNeedsTitle, pillarNeedsText, pillarResourcesTitle, pillarResourcesText
    case pillarParticipationTitle, pillarParticipationText
    case mapTitle, mapDescription, mapLegendTitle, mapTableCaption, noBoundaries, noUnitsYet
    case columnKey, columnName, columnKind, columnLevel, columnPopulation, columnArea, columnDensity, columnParent
    case columnReferenceDate, columnSource, columnValidFrom, columnValidTo, columnChange
    case total, populationAsOf, densityUnit, areaUnit
    case unitsTitle, unitsIntro, searchLabel, searchButton, levelFilterLabel, allLevels, resetFilters
    case resultsCount, noResults, pageLabel, previousPage, nextPage, paginationLabel, downloadCSV, downloadGeoJSON
    case sortedAscending, sortedDescending, sortBy
    case keyFacts, officialKey, regionalKey, kind, level, parent, children, populationOverTime
    case populationChartTitle, populationTableCaption, boundaryHistory, boundaryHistoryCaption
    case currentStatus, stillValid, noChildren, noPopulation, aggregatedFromChildren, locationMapTitle, childrenMapTitle
    case dataTitle, dataIntro, dataGeometryTitle, dataStatisticsTitle, dataLicence, apiTitle, apiIntro
    case attribution, attributionStatistics
    case errorNotFoundTitle, errorNotFoundText, errorBadRequestTitle, errorServerTitle, errorServerText, backHome
    case footerText, countyAtAGlance, municipalitiesCount, inhabitantsOn, areaTotal

    // Accounts, organisations, administration
    case accessLinkCreatedOnce, accessLinkIntro, accessLinkUnusableTitle, accessLinkUnusableText, accountNavigation, accountTitle
    case actionReadPublic, actionSignIn, actionUseAccessLink, actionViewOwnAccount, actionChangeOwnAccount, actionCreateOrganisation
    case actionEditOrganisation, actionDeactivateOrganisation, actionViewOrganisationHistory, actionManageSpatialUnits, actionReadBodyInternal, actionSubmitStatement
    case actionViewUnsuppressedFigures, actionReviewApplication, actionManageUsers, actionViewAuditLog, actionManagePersonalData, actionViewPolicy
    case activate, allActions, allEntities, allKinds, allRoles, apiTokensIntro
    case apiTokensTitle, auditAccessLinkCreated, auditActivate, auditCreate, auditDeactivate, auditDelete
    case auditErase, auditIntro, auditLogin, auditLoginFailed, auditLoginThrottled, auditLogout
    case auditPasswordChanged, auditPersonalDataExported, auditTitle, auditTokenCreated, auditTokenRevoked, auditUpdate
    case cancel, changePassword, changePasswordTitle, createInvitationLink, createResetLink, createToken
    case deactivate, edit, editOrganisation, editUser, entityAPIToken, entityOrganisation
    case entitySession, entitySpatialUnit, entityUser, erasePerson, exportPersonalData, fieldAction
    case entityFundingProgramme, entityFundingApplication, entityFundingReview, entityFundingAgreement, entityFundingDrawdown, entityFundingProof
    case entityFundingDialogue, entityFundingConflict, entityBody, entityPerson, entityMembership, entityMeeting
    case entityAgendaItem, entityAttendance, entityPaper, entityPaperVersion, entityConsultation, entityStatementProcess
    case entityStatement, entityStatementResponse, entityResolution, entityMeasure, entityMilestone, entityPlanningProcess
    case entityNotification, entityAttachment, entityReport, entityReportEdition
    case fieldAddress, fieldChanges, fieldCity, fieldCreatedAt, fieldCurrentPassword, fieldDisplayName
    case fieldEmail, fieldEntity, fieldFrom, fieldGrants, fieldKind, fieldLastLogin
    case fieldLastUsed, fieldName, fieldNewPassword, fieldOrganisations, fieldParent, fieldPassword
    case fieldPasswordConfirmation, fieldPhone, fieldPostcode, fieldRole, fieldRoles, fieldScope
    case fieldShortName, fieldStatus, fieldStreet, fieldTo, fieldTokenPrefix, fieldWebsite
    case fieldWhat, fieldWhen, fieldWho, formExpired, formHasErrors, grantUnsuppressedFigures
    case historyTitle, invitationTitle, issueCommonPassword, issueContainsPersonalData, issueCycle, issueDuplicate
    case issueUnbalancedHigh, issueUnbalancedLow, issueEndBeforeStart, issueMoreThanOneActive, issueDeadlinePassed, issueInconsistent, issueOutdatedEdition, issueOtherUnit, issueEmptyFile
    case issueInvalidEmail, issueInvalidPostcode, issueInvalidWebsite, issueMismatch, issueRequired, issueTooLong, issueFileTooLarge, issueTooManyAttempts, issueUnsupportedFile, issueInLine, issueWeightsNotHundred
    case issueTooShort, issueUnknownReference, issueUnknownValue, issueWrongPassword, kindLeague, kindOther
    case issueNegativeAmount, issueMoreThanGranted, issueMoreThanAvailable, issueNoBudgetLine, issueBelowCommitted, issueOutsideScale
    case issueCriterionWeight, issueCriterionScale, issueReceiptOutsideYear, issueReceiptNotPositive, issueReceiptUnknownCostItem
    case issueReceiptsAddUpHigher, issueReceiptsAddUpLower, issueOverlappingTerms
    case issueNotReleased, issueQuorumLost, issueUnanimousWithDissent, issueTooManyVotes, issueNotQuorate, issueVotesExceedAttendance, issueMeetingNotHeld, issueYearNotEnded, issueBeforeTermStart, issueSecondPersonNeeded
    case kindProvider, kindPublicBody, kindWelfareAssociation, login, loginFailed, loginHelp
    case loginRequired, loginThrottled, loginTitle, logout, memberOrganisations, navAccount
    case navAudit, navOrganisations, navPolicy, navUsers, newOrganisation, newUser
    case newUserIntro, noAuditEntries, noHistory, noMemberOrganisations, noOrganisations, noParent
    case noTokens, noUsers, organisationsHint, organisationsIntro, organisationsTitle, parentHint
    case passwordEndsAccess, deactivateEndsAccess
    case passwordRules, permissionMemberOfBody, permissionNo, permissionOwnOrganisation, permissionWhenGranted, permissionWithoutConflict
    case permissionYes, policyIntro, policyTitle, profileTitle, resetTitle, revokeToken
    case roleAdministrator, roleBodyMember, rolePlanner, roleProvider, rolePublic, roleReviewer
    case save, setPassword, signedInAs, statusActive, statusActiveOnly, statusAll
    case statusErased, statusInactive, statusInactiveOnly, statusInvited, structureByPlanner, tokenCreatedOnce
    case tokenNameHint, tokenRevoked, usersTitle, websiteHint, noticeSaved, noticeNoChanges
    case noticeCreated, noticeDeactivated, noticeActivated, noticePasswordChanged, noticeLoggedOut, noticeTokenRevoked
    case noticeErased, noticePasswordSet, confirmDeactivateOrganisationTitle, confirmDeactivateOrganisationText, confirmEraseTitle, confirmEraseText
    case errorUnauthorizedTitle, errorForbiddenTitle, errorForbiddenText, errorConflictTitle, errorTooLargeTitle, errorTooManyTitle
    case errorUnprocessableTitle, errorCSRFText, errorFieldUnreadable, errorSomeFieldUnreadable
    case scopeRead, scopeReadWrite
    case errorConflictText, errorTooLargeText, errorTooManyText, errorUnprocessableText, errorUnavailableTitle, errorUnavailableText
    case searchOrganisationsLabel, searchUsersLabel
    case personsTitle, personsIntro, noPersons, fieldBodies, fieldHasLogin, noLogin, erasedPerson, confirmErasePersonText, searchPersonsLabel
    case newChildArea, fieldLocalCode, localCodeHint, fieldKindOptional, kindHint

    func text(_ language: Language) -> String {
        let (de, en) = pair
        return language == .de ? de : en
    }

    private var pair: (String, String) {
        switch self {
        case .newChildArea: return ("{level} anlegen", "Create {level}")
        case .fieldLocalCode: return ("Kennung", "Code")
        case .localCodeHint: return ("1 bis 12 Buchstaben oder Ziffern. Der Schlüssel wird „{parent}-Kennung“, z. B. {parent}-001.", "1 to 12 letters or digits. The key becomes “{parent}-code”, e.g. {parent}-001.")
        case .fieldKindOptional: return ("Bezeichnung der Art (optional)", "Kind (optional)")
        case .kindHint: return ("Zum Beispiel Planungsraum, Sozialraum oder Stadtteil; ohne Angabe „{level}“.", "For example planning area, social area or district; without input “{level}”.")
        case .searchOrganisationsLabel: return ("Name, Ort oder E-Mail suchen", "Search name, town or e-mail")
        case .searchUsersLabel: return ("Name oder E-Mail suchen", "Search name or e-mail")
        case .errorConflictText: return ("Die Aktion passt nicht zum aktuellen Stand der Daten; es wurde nichts geändert.", "The action does not fit the current state of the data; nothing was changed.")
        case .errorTooLargeText: return ("Die gesendeten Daten sind zu groß; es wurde nichts geändert.", "The data sent is too large; nothing was changed.")
        case .errorTooManyText: return ("Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.", "Too many requests in a short time. Please wait a moment.")
        case .errorUnavailableTitle: return ("Vorübergehend nicht verfügbar", "Temporarily unavailable")
        case .errorUnavailableText: return ("Der Server kann diese Anfrage gerade nicht bearbeiten, meist weil er ausgelastet ist. Bitte versuchen Sie es in einigen Sekunden erneut.",
                                            "The server cannot handle this request right now, usually because it is busy. Please try again in a few seconds.")
        case .errorUnprocessableText: return ("Die Angaben sind unvollständig oder ungültig; es wurde nichts geändert.", "The input is incomplete or invalid; nothing was changed.")
        case .errorSomeFieldUnreadable: return ("Eine Angabe des Formulars kam in einer Form an, die sich nicht lesen lässt. Bitte laden Sie das Formular neu und senden Sie es noch einmal.", "A field of the form arrived in a shape that cannot be read. Please reload the form and send it again.")
        case .errorFieldUnreadable: return ("Das Feld „{f}“ kam in einer Form an, die sich nicht lesen lässt. Bitte laden Sie das Formular neu und senden Sie es noch einmal.", "The field “{f}” arrived in a shape that cannot be read. Please reload the form and send it again.")
        case .scopeRead: return ("Nur lesen", "Read only")
        case .scopeReadWrite: return ("Lesen und schreiben", "Read and write")
        case .accessLinkCreatedOnce: return ("Der Link ist 7 Tage (Einladung) bzw. 24 Stunden (Zurücksetzen) gültig und nur einmal verwendbar. Er wird nur jetzt angezeigt – bitte sicher an die Person weitergeben.", "The link is valid for 7 days (invitation) or 24 hours (reset) and can be used once. It is shown only now – pass it on to the person securely.")
        case .accessLinkIntro: return ("{name} ({email}): Bitte wählen Sie ein Passwort für sopla.", "{name} ({email}): please choose a password for sopla.")
        case .accessLinkUnusableTitle: return ("Link nicht mehr gültig", "Link no longer valid")
        case .accessLinkUnusableText: return ("Dieser Link wurde bereits verwendet, ist abgelaufen oder unbekannt. Bitte wenden Sie sich an die Administration, um einen neuen Link zu erhalten.", "This link has been used, has expired or is unknown. Please ask the administration for a new link.")
        case .accountNavigation: return ("Benutzerkonto", "User account")
        case .accountTitle: return ("Mein Konto", "My account")
        case .actionReadPublic: return ("Veröffentlichtes lesen", "Read published content")
        case .actionSignIn: return ("Anmelden", "Log in")
        case .actionUseAccessLink: return ("Einladungs- oder Rücksetzlink verwenden", "Use an invitation or reset link")
        case .actionViewOwnAccount: return ("Eigenes Konto ansehen", "View own account")
        case .actionChangeOwnAccount: return ("Eigenes Passwort und API-Tokens ändern", "Change own password and API tokens")
        case .actionCreateOrganisation: return ("Organisation anlegen", "Create organisation")
        case .actionEditOrganisation: return ("Organisation bearbeiten", "Edit organisation")
        case .actionDeactivateOrganisation: return ("Organisation deaktivieren", "Deactivate organisation")
        case .actionViewOrganisationHistory: return ("Änderungsverlauf einer Organisation ansehen", "View an organisation's history")
        case .actionManageSpatialUnits: return ("Gebiete und Planungsräume pflegen", "Manage areas and planning areas")
        case .actionReadBodyInternal: return ("Nichtöffentliche Vorlagen und Sitzungen eines Gremiums lesen", "Read a body's non-public papers and meetings")
        case .actionSubmitStatement: return ("Stellungnahme zu einem Entwurf abgeben", "Submit a statement on a draft")
        case .actionViewUnsuppressedFigures: return ("Ungeheimhaltete Fallzahlen sehen", "See figures before disclosure control")
        case .actionReviewApplication: return ("Förderantrag begutachten", "Review a funding application")
        case .actionManageUsers: return ("Benutzer und Rollen verwalten", "Manage users and roles")
        case .actionViewAuditLog: return ("Protokoll einsehen", "View the audit log")
        case .actionManagePersonalData: return ("Personendaten exportieren und löschen", "Export and erase personal data")
        case .actionViewPolicy: return ("Rechtetabelle einsehen", "View the permission table")
        case .activate: return ("Wieder aktivieren", "Reactivate")
        case .allActions: return ("Alle Aktionen", "All actions")
        case .allEntities: return ("Alle Objekte", "All objects")
        case .allKinds: return ("Alle Arten", "All kinds")
        case .allRoles: return ("Alle Rollen", "All roles")
        case .apiTokensIntro: return ("Mit einem API-Token greifen Programme auf die Schnittstelle zu (Kopfzeile „Authorization: Bearer …“). Ein Token wird nur einmal angezeigt und lässt sich jederzeit widerrufen.", "Programs use an API token to access the API (header “Authorization: Bearer …”). A token is shown once and can be revoked at any time.")
        case .apiTokensTitle: return ("API-Tokens", "API tokens")
        case .auditAccessLinkCreated: return ("Zugangslink erzeugt", "Access link created")
        case .auditActivate: return ("Aktiviert", "Activated")
        case .auditCreate: return ("Angelegt", "Created")
        case .auditDeactivate: return ("Deaktiviert", "Deactivated")
        case .auditDelete: return ("Gelöscht", "Deleted")
        case .auditErase: return ("Personendaten gelöscht", "Personal data erased")
        case .auditIntro: return ("Jede Änderung, jede An- und Abmeldung und jeder fehlgeschlagene Anmeldeversuch, mit Person, Zeit und den geänderten Feldern (vorher → nachher). Passwörter werden nie protokolliert.", "Every change, every login and logout and every failed login, with person, time and the changed fields (before → after). Passwords are never recorded.")
        case .auditLogin: return ("Angemeldet", "Logged in")
        case .auditLoginFailed: return ("Anmeldung fehlgeschlagen", "Login failed")
        case .auditLoginThrottled: return ("Anmeldung gebremst", "Login throttled")
        case .auditLogout: return ("Abgemeldet", "Logged out")
        case .auditPasswordChanged: return ("Passwort geändert", "Password changed")
        case .auditPersonalDataExported: return ("Personendaten exportiert", "Personal data exported")
        case .auditTitle: return ("Protokoll", "Audit log")
        case .auditTokenCreated: return ("API-Token erstellt", "API token created")
        case .auditTokenRevoked: return ("API-Token widerrufen", "API token revoked")
        case .auditUpdate: return ("Geändert", "Changed")
        case .cancel: return ("Abbrechen", "Cancel")
        case .changePassword: return ("Passwort ändern", "Change password")
        case .changePasswordTitle: return ("Passwort ändern", "Change password")
        case .createInvitationLink: return ("Einladungslink erzeugen", "Create invitation link")
        case .createResetLink: return ("Link zum Zurücksetzen erzeugen", "Create password reset link")
        case .createToken: return ("Token erstellen", "Create token")
        case .deactivate: return ("Deaktivieren", "Deactivate")
        case .edit: return ("Bearbeiten", "Edit")
        case .editOrganisation: return ("Organisation bearbeiten", "Edit organisation")
        case .editUser: return ("Benutzer bearbeiten", "Edit user")
        case .entityAPIToken: return ("API-Token", "API token")
        case .entityOrganisation: return ("Organisation", "Organisation")
        case .entitySession: return ("Anmeldung", "Session")
        case .entitySpatialUnit: return ("Gebiet", "Area")
        case .entityUser: return ("Benutzer", "User")
        case .entityFundingProgramme: return ("Förderprogramm", "Funding programme")
        case .entityFundingApplication: return ("Förderantrag", "Funding application")
        case .entityFundingReview: return ("Begutachtung", "Review")
        case .entityFundingAgreement: return ("Zuwendungsvereinbarung", "Grant agreement")
        case .entityFundingDrawdown: return ("Mittelabruf", "Drawdown")
        case .entityFundingProof: return ("Verwendungsnachweis", "Proof of use")
        case .entityFundingDialogue: return ("Qualitätsdialog", "Quality dialogue")
        case .entityFundingConflict: return ("Befangenheit", "Conflict of interest")
        case .entityBody: return ("Gremium", "Body")
        case .entityPerson: return ("Person", "Person")
        case .entityMembership: return ("Mitgliedschaft", "Membership")
        case .entityMeeting: return ("Sitzung", "Meeting")
        case .entityAgendaItem: return ("Tagesordnungspunkt", "Agenda item")
        case .entityAttendance: return ("Anwesenheit", "Attendance")
        case .entityPaper: return ("Vorlage", "Paper")
        case .entityPaperVersion: return ("Fassung einer Vorlage", "Paper version")
        case .entityConsultation: return ("Beteiligung", "Consultation")
        case .entityStatementProcess: return ("Stellungnahmeverfahren", "Statement process")
        case .entityStatement: return ("Stellungnahme", "Statement")
        case .entityStatementResponse: return ("Abwägung", "Response to a statement")
        case .entityResolution: return ("Beschluss", "Resolution")
        case .entityMeasure: return ("Maßnahme", "Measure")
        case .entityMilestone: return ("Meilenstein", "Milestone")
        case .entityPlanningProcess: return ("Planungsprozess", "Planning process")
        case .entityNotification: return ("Benachrichtigung", "Notification")
        case .entityAttachment: return ("Anlage", "Attachment")
        case .entityReport: return ("Sozialbericht", "Social report")
        case .entityReportEdition: return ("Ausgabe eines Sozialberichts", "Edition of a social report")
        case .erasePerson: return ("Person löschen (DSGVO)", "Erase person (GDPR)")
        case .exportPersonalData: return ("Personendaten exportieren (JSON)", "Export personal data (JSON)")
        case .fieldAction: return ("Aktion", "Action")
        case .fieldAddress: return ("Anschrift", "Address")
        case .fieldChanges: return ("Änderungen", "Changes")
        case .fieldCity: return ("Ort", "Town")
        case .fieldCreatedAt: return ("Angelegt am", "Created on")
        case .fieldCurrentPassword: return ("Bisheriges Passwort", "Current password")
        case .fieldDisplayName: return ("Name", "Name")
        case .fieldEmail: return ("E-Mail", "E-mail")
        case .fieldEntity: return ("Objekt", "Object")
        case .fieldFrom: return ("Von (Datum)", "From (date)")
        case .fieldGrants: return ("Zusätzliche Rechte", "Additional rights")
        case .fieldKind: return ("Art", "Kind")
        case .fieldLastLogin: return ("Letzte Anmeldung", "Last login")
        case .fieldLastUsed: return ("Zuletzt benutzt", "Last used")
        case .fieldName: return ("Bezeichnung", "Name")
        case .fieldNewPassword: return ("Neues Passwort", "New password")
        case .fieldOrganisations: return ("Organisationen", "Organisations")
        case .fieldParent: return ("Übergeordnete Organisation", "Parent organisation")
        case .fieldPassword: return ("Passwort", "Password")
        case .fieldPasswordConfirmation: return ("Neues Passwort wiederholen", "Repeat new password")
        case .fieldPhone: return ("Telefon", "Phone")
        case .fieldPostcode: return ("Postleitzahl", "Postcode")
        case .fieldRole: return ("Rolle", "Role")
        case .fieldRoles: return ("Rollen", "Roles")
        case .fieldScope: return ("Berechtigung", "Scope")
        case .fieldShortName: return ("Kurzname", "Short name")
        case .fieldStatus: return ("Status", "Status")
        case .fieldStreet: return ("Straße und Hausnummer", "Street and number")
        case .fieldTo: return ("Bis (Datum)", "To (date)")
        case .fieldTokenPrefix: return ("Beginnt mit", "Starts with")
        case .fieldWebsite: return ("Website", "Website")
        case .fieldWhat: return ("Was", "What")
        case .fieldWhen: return ("Wann", "When")
        case .fieldWho: return ("Wer", "Who")
        case .formExpired: return ("Das Formular ist abgelaufen. Bitte erneut absenden.", "The form has expired. Please submit it again.")
        case .formHasErrors: return ("Bitte korrigieren Sie die folgenden Angaben", "Please correct the following")
        case .grantUnsuppressedFigures: return ("Ungeheimhaltete Fallzahlen sehen", "See figures before disclosure control")
        case .historyTitle: return ("Änderungsverlauf", "History")
        case .invitationTitle: return ("Einladung annehmen", "Accept invitation")
        case .issueCommonPassword: return ("ist zu verbreitet und leicht zu erraten.", "is too common and easy to guess.")
        case .issueContainsPersonalData: return ("darf nicht Ihren Namen oder Ihre E-Mail-Adresse enthalten.", "must not contain your name or e-mail address.")
        case .issueCycle: return ("darf nicht der Eintrag selbst oder einer seiner Teile sein (sonst entstünde ein Kreis).", "cannot be the entry itself or one of its parts (that would make a circle).")
        case .issueDuplicate: return ("ist bereits vergeben.", "is already taken.")
        case .issueInvalidEmail: return ("ist keine gültige E-Mail-Adresse.", "is not a valid e-mail address.")
        case .issueInvalidPostcode: return ("muss aus fünf Ziffern bestehen.", "must be five digits.")
        case .issueInvalidWebsite: return ("muss eine Adresse mit https:// oder http:// sein.", "must be an address starting with https:// or http://.")
        case .issueUnbalancedHigh: return ("geht nicht auf: Der beantragte Betrag ist um {v} höher als Kosten abzüglich Eigenmittel und anderer Mittel.",
                                           "does not balance: the amount requested is {v} more than costs less own funds and other funding.")
        case .issueUnbalancedLow: return ("geht nicht auf: Der beantragte Betrag ist um {v} niedriger als Kosten abzüglich Eigenmittel und anderer Mittel.",
                                          "does not balance: the amount requested is {v} less than costs less own funds and other funding.")
        case .issueEndBeforeStart: return ("liegt vor dem Beginn.", "lies before the start.")
        case .issueMoreThanOneActive: return ("Nur eine Phase kann „in Arbeit“ sein.", "Only one phase can be “in progress”.")
        case .issueDeadlinePassed: return ("Die Frist ist abgelaufen.", "The deadline has passed.")
        case .issueOutdatedEdition: return ("Seit diese Ausgabe erstellt wurde, sind Zahlen derselben Merkmale veröffentlicht worden. Damit zusammen könnte sie geheim gehaltene Werte verraten: Bitte erstellen Sie eine neue Ausgabe und veröffentlichen Sie diese.",
                                            "Figures of the same variables have been released since this edition was built. Together with them it could reveal hidden values: please build a new edition and publish that one.")
        case .issueInconsistent: return ("passt nicht zu den übrigen Angaben.", "does not fit the other entries.")
        case .issueEmptyFile: return ("ist leer (0 Byte).", "is empty (0 bytes).")
        case .issueOtherUnit: return ("ist der Code eines Merkmals mit der Einheit „{e}“, diese Spalte hat die Einheit „{g}“: bitte einen anderen Code wählen.",
                                      "is the code of a variable measured in “{e}”, this column is in “{g}”: please choose another code.")
        case .issueMismatch: return ("stimmt nicht mit dem neuen Passwort überein.", "does not match the new password.")
        case .issueRequired: return ("fehlt.", "is missing.")
        case .issueTooLong: return ("ist zu lang (höchstens {n} Zeichen).", "is too long (at most {n} characters).")
        case .issueFileTooLarge: return ("ist zu groß (höchstens {n} MB).", "is too large (at most {n} MB).")
        case .issueInLine: return ("Zeile {n}: {v}", "line {n}: {v}")
        case .issueWeightsNotHundred: return ("die Gewichte ergeben zusammen {n} %, nicht 100 %.", "the weights add up to {n} %, not 100 %.")
        case .issueUnsupportedFile: return ("ist keine PDF-, ODT- oder DOCX-Datei (geprüft wird der Inhalt, nicht nur die Endung).",
                                            "is no PDF, ODT or DOCX file (the content is checked, not only the ending).")
        case .issueTooManyAttempts: return ("zu viele falsche Versuche; bitte in {n} Sekunden erneut versuchen.", "too many wrong attempts; please try again in {n} seconds.")
        case .issueTooShort: return ("ist zu kurz (mindestens {n} Zeichen).", "is too short (at least {n} characters).")
        case .issueUnknownReference: return ("verweist auf einen unbekannten Eintrag.", "refers to an unknown entry.")
        case .issueUnknownValue: return ("„{v}“ ist kein zulässiger Wert.", "“{v}” is not an allowed value.")
        case .issueNegativeAmount: return ("{i}: {a} ist negativ; Beträge sind null oder größer.", "{i}: {a} is negative; amounts are zero or more.")
        case .issueMoreThanGranted: return ("{y}: {a} ist mehr als die bewilligten {g}.", "{y}: {a} is more than the {g} granted.")
        case .issueMoreThanAvailable: return ("höchstens {a} sind noch verfügbar. Nichts wurde gespeichert.", "at most {a} is still available. Nothing was saved.")
        case .issueNoBudgetLine: return ("{y}: Das Programm hat für dieses Jahr keinen passenden Haushaltsansatz.", "{y}: the programme has no matching budget line for this year.")
        case .issueBelowCommitted: return ("„{l}“ hat bereits {a} bewilligt und kann weder darunter sinken noch entfallen.",
                                           "“{l}” has already committed {a} and can neither go below that nor be removed.")
        case .issueOutsideScale: return ("{v} liegt nicht auf der Skala von 0 bis {n}.", "{v} is not on the scale from 0 to {n}.")
        case .issueCriterionWeight: return ("„{l}“: Das Gewicht {v} % liegt nicht zwischen 1 und 100 %.", "“{l}”: the weight {v} % is not between 1 and 100 %.")
        case .issueCriterionScale: return ("„{l}“: Die Skala bis {n} liegt nicht zwischen 1 und 100.", "“{l}”: the scale up to {n} is not between 1 and 100.")
        case .issueReceiptOutsideYear: return ("Beleg {l} vom {d} liegt nicht im Jahr {y} des Nachweises.", "receipt {l} of {d} is not in the year {y} of the proof.")
        case .issueReceiptNotPositive: return ("Beleg {l} braucht einen Betrag größer als null.", "receipt {l} needs an amount above zero.")
        case .issueReceiptUnknownCostItem: return ("Beleg {l} ist der Kostenposition „{v}“ zugeordnet, die im Nachweis nicht vorkommt.",
                                                   "receipt {l} is booked to the cost item “{v}”, which the proof does not list.")
        case .issueReceiptsAddUpHigher: return ("Die Belege zu „{l}“ ergeben {a} mehr als die tatsächlichen Kosten.", "the receipts of “{l}” add up to {a} more than the actual costs.")
        case .issueReceiptsAddUpLower: return ("Die Belege zu „{l}“ ergeben {a} weniger als die tatsächlichen Kosten.", "the receipts of “{l}” add up to {a} less than the actual costs.")
        case .issueYearNotEnded: return ("Der Verwendungsnachweis für {y} kann erst nach Ende des Jahres eingereicht werden, ab dem 1. Januar {n}.", "The proof of use for {y} can be submitted once the year has ended, from 1 January {n}.")
        case .issueBeforeTermStart: return ("Vor Beginn der Laufzeit am {d} wird nichts ausgezahlt. Bitte die Zahlung ab diesem Tag anweisen.", "Nothing is paid before the term starts on {d}. Please order the payment from that day.")
        case .issueSecondPersonNeeded: return ("Vier-Augen-Prinzip: Die Zahlung weist eine andere Person an als die, die den Abruf freigegeben hat.", "Four-eyes principle: the payment is ordered by someone other than the person who released the drawdown.")
        case .issueNotReleased: return ("Der Abruf ist noch nicht freigegeben: erst freigeben, dann die Zahlung anweisen.", "The drawdown is not released yet: release it first, then order the payment.")
        case .issueQuorumLost: return ("Mit dieser Anwesenheit wäre die Sitzung nicht mehr beschlussfähig ({p} stimmberechtigte Mitglieder, nötig sind {r}), es sind aber schon Beschlüsse erfasst. Die Anwesenheit bleibt, wie sie war.", "With this attendance the meeting would no longer be quorate ({p} voting members, {r} needed), but decisions are recorded already. The attendance stays as it was.")
        case .issueUnanimousWithDissent: return ("„Einstimmig“ ist angekreuzt, aber Nein-Stimmen oder Enthaltungen sind eingetragen. Bitte eines von beiden berichtigen.", "“Unanimous” is ticked, but votes against or abstentions are entered. Please correct one of them.")
        case .issueTooManyVotes: return ("{c} Stimmen, aber nur {p} stimmberechtigte Mitglieder anwesend. Bitte die Stimmen oder die Anwesenheit berichtigen.", "{c} votes, but only {p} voting members present. Please correct the votes or the attendance.")
        case .issueNotQuorate: return ("Nicht beschlussfähig: {p} stimmberechtigte Mitglieder anwesend, nötig sind {r}. Bitte zuerst die Anwesenheit erfassen.", "Not quorate: {p} voting members present, {r} needed. Please record the attendance first.")
        case .issueVotesExceedAttendance: return ("Zu TOP {i} sind {c} Stimmen erfasst; mit dieser Anwesenheit wären nur {p} stimmberechtigte Mitglieder da. Die Anwesenheit bleibt, wie sie war.", "For item {i}, {c} votes are recorded; with this attendance only {p} voting members would be present. The attendance stays as it was.")
        case .issueMeetingNotHeld: return ("Die Sitzung hat noch nicht stattgefunden: Beschlüsse werden erst in einer durchgeführten Sitzung erfasst, und „durchgeführt“ ist sie erst ab ihrem Beginn.", "The meeting has not taken place: decisions are recorded in a held meeting only, and it is held from its start.")
        case .issueOverlappingTerms: return ("Die Amtszeiten „{l}“ und „{v}“ überschneiden sich.", "the terms “{l}” and “{v}” overlap.")
        case .issueWrongPassword: return ("ist nicht richtig.", "is not correct.")
        case .kindLeague: return ("Liga der freien Wohlfahrtspflege", "League of welfare associations")
        case .kindOther: return ("Sonstige", "Other")
        case .kindProvider: return ("Freier Träger", "Independent provider")
        case .kindPublicBody: return ("Öffentliche Stelle", "Public body")
        case .kindWelfareAssociation: return ("Wohlfahrtsverband", "Welfare association")
        case .login: return ("Anmelden", "Log in")
        case .loginFailed: return ("E-Mail-Adresse oder Passwort sind nicht richtig.", "E-mail address or password is not correct.")
        case .loginHelp: return ("Noch kein Zugang oder Passwort vergessen? Die Administration Ihres Kreises schickt Ihnen einen Einladungs- oder Rücksetzlink.", "No access yet or forgot your password? Your county's administration sends you an invitation or reset link.")
        case .loginRequired: return ("Bitte melden Sie sich an, um diese Seite zu sehen.", "Please log in to see this page.")
        case .loginThrottled: return ("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in {n} Sekunden erneut.", "Too many failed login attempts. Please try again in {n} seconds.")
        case .loginTitle: return ("Anmelden", "Log in")
        case .logout: return ("Abmelden", "Log out")
        case .memberOrganisations: return ("Mitgliedsorganisationen", "Member organisations")
        case .navAccount: return ("Mein Konto", "My account")
        case .navAudit: return ("Protokoll", "Audit log")
        case .navOrganisations: return ("Organisationen", "Organisations")
        case .navPolicy: return ("Rechte", "Permissions")
        case .navUsers: return ("Benutzer", "Users")
        case .newOrganisation: return ("Neue Organisation", "New organisation")
        case .newUser: return ("Neuer Benutzer", "New user")
        case .newUserIntro: return ("Nach dem Anlegen erzeugen Sie auf der Seite des Benutzers einen Einladungslink, mit dem die Person ihr Passwort selbst setzt.", "After creating the user, create an invitation link on their page; with it the person sets their own password.")
        case .noAuditEntries: return ("Keine Einträge für diese Auswahl.", "No entries for this selection.")
        case .noHistory: return ("Noch keine Änderungen protokolliert.", "No changes recorded yet.")
        case .noMemberOrganisations: return ("Keine Mitgliedsorganisationen.", "No member organisations.")
        case .noOrganisations: return ("Keine Organisationen für diese Auswahl.", "No organisations for this selection.")
        case .noParent: return ("– keine –", "– none –")
        case .noTokens: return ("Noch keine API-Tokens.", "No API tokens yet.")
        case .noUsers: return ("Keine Benutzer für diese Auswahl.", "No users for this selection.")
        case .organisationsHint: return ("Anbieter-Benutzer bearbeiten nur die Daten dieser Organisationen.", "Provider users edit only the data of these organisations.")
        case .organisationsIntro: return ("Träger, Wohlfahrtsverbände, die Liga und öffentliche Stellen, mit denen der Kreis plant und die er fördert.", "Providers, welfare associations, the league and public bodies the county plans with and funds.")
        case .organisationsTitle: return ("Organisationen", "Organisations")
        case .parentHint: return ("Zum Beispiel die Liga für ihre Mitgliedsverbände oder der Verband für seine Einrichtungen.", "For example the league for its member associations, or an association for its facilities.")
        case .passwordEndsAccess: return ("Mit dem neuen Passwort enden Ihre anderen Sitzungen, und alle Ihre API-Tokens werden widerrufen.", "Setting a new password ends your other sessions and revokes all your API tokens.")
        case .deactivateEndsAccess: return ("Beim Deaktivieren enden alle Sitzungen der Person, und alle ihre API-Tokens werden widerrufen. Ein neues Passwort widerruft die Tokens ebenso.", "Deactivating ends all of this person's sessions and revokes all their API tokens. A new password revokes the tokens as well.")
        case .passwordRules: return ("Mindestens 12 Zeichen; keine verbreiteten Passwörter und nicht Ihr Name oder Ihre E-Mail-Adresse. Ein Satz aus mehreren Wörtern ist gut zu merken.", "At least 12 characters; no common passwords and not your name or e-mail address. A sentence of several words is easy to remember.")
        case .permissionMemberOfBody: return ("nur eigene Gremien", "own bodies only")
        case .permissionNo: return ("nein", "no")
        case .permissionOwnOrganisation: return ("nur eigene Organisation", "own organisation only")
        case .permissionWhenGranted: return ("wenn freigegeben", "when granted")
        case .permissionWithoutConflict: return ("ohne Interessenkonflikt", "without conflict of interest")
        case .permissionYes: return ("ja", "yes")
        case .policyIntro: return ("Wer darf was? Jede Seite und jede Schnittstelle von sopla ist genau einer dieser Aktionen zugeordnet.", "Who may do what? Every page and every API endpoint of sopla belongs to exactly one of these actions.")
        case .policyTitle: return ("Rollen und Rechte", "Roles and permissions")
        case .profileTitle: return ("Profil", "Profile")
        case .resetTitle: return ("Passwort zurücksetzen", "Reset password")
        case .revokeToken: return ("Widerrufen", "Revoke")
        case .roleAdministrator: return ("Administration", "Administrator")
        case .roleBodyMember: return ("Gremienmitglied", "Body member")
        case .rolePlanner: return ("Sozialplanung", "Planner")
        case .roleProvider: return ("Träger", "Provider")
        case .rolePublic: return ("Öffentlichkeit", "Public")
        case .roleReviewer: return ("Begutachtung", "Reviewer")
        case .save: return ("Speichern", "Save")
        case .setPassword: return ("Passwort setzen", "Set password")
        case .signedInAs: return ("Angemeldet als", "Logged in as")
        case .statusActive: return ("aktiv", "active")
        case .statusActiveOnly: return ("Nur aktive", "Active only")
        case .statusAll: return ("Alle", "All")
        case .statusErased: return ("gelöscht", "erased")
        case .statusInactive: return ("deaktiviert", "deactivated")
        case .statusInactiveOnly: return ("Nur deaktivierte", "Deactivated only")
        case .statusInvited: return ("eingeladen", "invited")
        case .structureByPlanner: return ("Name und Kurzname, Art und übergeordnete Organisation pflegt die Sozialplanung.", "Name and short name, kind and parent organisation are maintained by social planning.")
        case .tokenCreatedOnce: return ("Ihr neues Token – jetzt kopieren, es wird nicht wieder angezeigt:", "Your new token – copy it now, it will not be shown again:")
        case .tokenNameHint: return ("Wofür das Token dient, z. B. „Auswertung Jugendamt“.", "What the token is for, e.g. “Youth office analysis”.")
        case .tokenRevoked: return ("widerrufen", "revoked")
        case .usersTitle: return ("Benutzer", "Users")
        case .websiteHint: return ("Mit https://", "With https://")
        case .noticeSaved: return ("Gespeichert.", "Saved.")
        case .noticeNoChanges: return ("Keine Änderungen – es wurde nichts gespeichert.", "No changes – nothing was saved.")
        case .noticeCreated: return ("Angelegt.", "Created.")
        case .noticeDeactivated: return ("Deaktiviert. Der Eintrag bleibt erhalten und lässt sich wieder aktivieren.", "Deactivated. The entry is kept and can be reactivated.")
        case .noticeActivated: return ("Wieder aktiviert.", "Reactivated.")
        case .noticePasswordChanged: return ("Ihr Passwort wurde geändert. Andere Anmeldungen wurden beendet.", "Your password was changed. Other sessions were ended.")
        case .noticeLoggedOut: return ("Sie sind abgemeldet.", "You are logged out.")
        case .noticeTokenRevoked: return ("Das Token wurde widerrufen.", "The token was revoked.")
        case .noticeErased: return ("Die Personendaten wurden gelöscht; Protokolleinträge bleiben mit einem Pseudonym erhalten.", "The personal data was erased; audit entries are kept with a pseudonym.")
        case .noticePasswordSet: return ("Ihr Passwort ist gesetzt. Bitte melden Sie sich an.", "Your password is set. Please log in.")
        case .confirmDeactivateOrganisationTitle: return ("Organisation deaktivieren?", "Deactivate organisation?")
        case .confirmDeactivateOrganisationText: return ("„{name}“ wird in Listen und Auswahlfeldern nicht mehr angeboten. Nichts wird gelöscht: Angebote, Anträge und Benutzer bleiben verknüpft, und die Organisation lässt sich wieder aktivieren.", "“{name}” will no longer be offered in lists and choices. Nothing is deleted: services, applications and users stay linked, and the organisation can be reactivated.")
        case .personsTitle: return ("Personen in Gremien", "Persons in bodies")
        case .personsIntro: return ("Mitglieder von Gremien, auch ohne Anmeldung: Auskunft (DSGVO Art. 15) und Löschung (Art. 17). Personen mit Anmeldung werden mit ihrem Benutzerkonto gelöscht.", "Members of bodies, also without a login: access (GDPR Art. 15) and erasure (Art. 17). Persons with a login are erased with their user account.")
        case .noPersons: return ("Keine Personen für diese Auswahl.", "No persons for this selection.")
        case .fieldBodies: return ("Gremien", "Bodies")
        case .fieldHasLogin: return ("Anmeldung", "Login")
        case .noLogin: return ("keine", "none")
        case .erasedPerson: return ("gelöscht", "erased")
        case .confirmErasePersonText: return ("Name und E-Mail-Adresse von „{name}“ werden überall durch ein Pseudonym ersetzt: in Gremien, Anwesenheiten, Stellungnahmen, Nachrichten und im Protokoll. Sitze und Abstimmungsergebnisse bleiben ohne den Namen erhalten. Das lässt sich nicht rückgängig machen. Exportieren Sie vorher die Personendaten, falls sie angefragt wurden.", "The name and e-mail address of “{name}” are replaced by a pseudonym everywhere: in bodies, attendance, statements, messages and the audit log. Seats and vote counts are kept without the name. This cannot be undone. Export the personal data first if it was requested.")
        case .searchPersonsLabel: return ("Name", "Name")
        case .confirmEraseTitle: return ("Person endgültig löschen?", "Erase person permanently?")
        case .confirmEraseText: return ("Name und E-Mail-Adresse von „{name}“ werden durch ein Pseudonym ersetzt, Passwort, Anmeldungen, Links und Tokens entfernt. Das lässt sich nicht rückgängig machen. Protokolleinträge bleiben mit dem Pseudonym erhalten. Exportieren Sie vorher die Personendaten, falls sie angefragt wurden.", "The name and e-mail address of “{name}” are replaced by a pseudonym; password, sessions, links and tokens are removed. This cannot be undone. Audit entries are kept with the pseudonym. Export the personal data first if it was requested.")
        case .errorUnauthorizedTitle: return ("Anmeldung erforderlich", "Login required")
        case .errorForbiddenTitle: return ("Keine Berechtigung", "Not permitted")
        case .errorForbiddenText: return ("Ihre Rolle erlaubt diese Aktion nicht. Wenn Sie sie brauchen, wenden Sie sich an die Administration.", "Your role does not allow this action. If you need it, please contact the administration.")
        case .errorConflictTitle: return ("Konflikt", "Conflict")
        case .errorTooLargeTitle: return ("Zu große Anfrage", "Request too large")
        case .errorTooManyTitle: return ("Zu viele Anfragen", "Too many requests")
        case .errorUnprocessableTitle: return ("Angaben nicht verarbeitbar", "Input cannot be processed")
        case .errorCSRFText: return ("Das Formular war abgelaufen oder unvollständig; es wurde nichts geändert. Bitte laden Sie die Seite neu und senden Sie es erneut.", "The form had expired or was incomplete; nothing was changed. Please reload the page and submit it again.")
        case .siteTagline: return ("Sozialplanung gemeinsam gestalten", "Social planning, together")
        case .skipToContent: return ("Zum Inhalt springen", "Skip to content")
        case .navHome: return ("Start", "Home")
        case .navUnits: return ("Gebiete", "Areas")
        case .navData: return ("Daten & Lizenzen", "Data & licences")
        case .navAPI: return ("Schnittstelle (API)", "API")
        case .switchLanguage: return ("English", "Deutsch")
        case .switchLanguageLabel: return ("Switch to English", "Auf Deutsch umschalten")
        case .mainNavigation: return ("Hauptnavigation", "Main navigation")
        case .homeTitle: return ("Sozialplanung im Überblick", "Social planning at a glance")
        case .homeIntro:
            return ("sopla ist die gemeinsame Arbeitsumgebung der partizipativen Sozialplanung und des Sozialcontrollings: Kennzahlen je Kommune, Angebote und Förderung, Gremien und Beschlüsse – auf einer gemeinsamen räumlichen Grundlage.",
                    "sopla is the shared workspace for participatory social planning and social controlling: figures per municipality, services and funding, bodies and decisions – on one shared spatial base.")
        case .homePillarsTitle: return ("Drei Säulen", "Three pillars")
        case .pillarNeedsTitle: return ("Bedarfe – Sozialberichterstattung", "Needs – social reporting")
        case .pillarNeedsText: return ("Kennzahlen je Kommune und Planungsraum über die Zeit, ohne kleine Fallzahlen offenzulegen.", "Indicators per municipality and planning area over time, without disclosing small counts.")
        case .pillarResourcesTitle: return ("Ressourcen – Angebote und Förderung", "Resources – services and funding")
        case .pillarResourcesText: return ("Bestandserhebung der Angebote, Planungsstandards, Förderprogramme bis zum Verwendungsnachweis.", "Inventory of services, planning standards, funding programmes up to the proof of use.")
        case .pillarParticipationTitle: return ("Beteiligung – Gremien und Beschlüsse", "Participation – bodies and decisions")
        case .pillarParticipationText: return ("Steuerungsgruppe und Arbeitsgruppen: Sitzungen, Vorlagen, Stellungnahmen, Empfehlungen und ihr Umsetzungsstand.", "Steering group and working groups: meetings, papers, statements, recommendations and their implementation status.")
        case .mapTitle: return ("Karte der Städte und Gemeinden", "Map of the towns and municipalities")
        case .mapDescription: return ("Jede Fläche ist ein Link zur Seite der Kommune. Die Farbe zeigt die Einwohnerdichte; dieselben Zahlen stehen in der Tabelle.", "Each area links to the municipality's page. The colour shows population density; the same figures are in the table.")
        case .mapLegendTitle: return ("Einwohner je km²", "Inhabitants per km²")
        case .mapTableCaption: return ("Städte und Gemeinden mit Einwohnerzahl, Fläche und Dichte", "Towns and municipalities with population, area and density")
        case .noBoundaries: return ("Für dieses Gebiet sind keine Grenzen hinterlegt. Grenzen lassen sich mit „sopla import boundaries“ einlesen.", "No boundaries are stored for this area. Boundaries can be loaded with “sopla import boundaries”.")
        case .noUnitsYet: return ("Noch keine Gebiete angelegt. Mit „sopla demo“ entsteht der Lahn-Dill-Kreis als Beispiel, mit „sopla import boundaries“ lassen sich eigene Grenzen einlesen.", "No areas yet. “sopla demo” creates the Lahn-Dill-Kreis as an example; “sopla import boundaries” loads your own boundaries.")
        case .columnKey: return ("Schlüssel", "Key")
        case .columnName: return ("Name", "Name")
        case .columnKind: return ("Art", "Kind")
        case .columnLevel: return ("Ebene", "Level")
        case .columnPopulation: return ("Einwohner", "Population")
        case .columnArea: return ("Fläche (km²)", "Area (km²)")
        case .columnDensity: return ("Einwohner je km²", "Inhabitants per km²")
        case .columnParent: return ("Übergeordnet", "Parent")
        case .columnReferenceDate: return ("Stichtag", "Reference date")
        case .columnSource: return ("Quelle", "Source")
        case .columnValidFrom: return ("Gültig ab", "Valid from")
        case .columnValidTo: return ("Gültig bis", "Valid to")
        case .columnChange: return ("Veränderung", "Change")
        case .total: return ("Summe", "Total")
        case .populationAsOf: return ("Einwohner am", "Population on")
        case .densityUnit: return ("Einw./km²", "inh./km²")
        case .areaUnit: return ("km²", "km²")
        case .unitsTitle: return ("Gebiete", "Areas")
        case .unitsIntro: return ("Alle Gebietseinheiten mit amtlichem Schlüssel. Spaltenköpfe sortieren die Liste.", "All spatial units with their official key. Column headers sort the list.")
        case .searchLabel: return ("Name oder Schlüssel suchen", "Search name or key")
        case .searchButton: return ("Suchen", "Search")
        case .levelFilterLabel: return ("Ebene", "Level")
        case .allLevels: return ("Alle Ebenen", "All levels")
        case .resetFilters: return ("Filter zurücksetzen", "Reset filters")
        case .resultsCount: return ("Treffer", "results")
        case .noResults: return ("Keine Gebiete passen zu dieser Suche. Prüfen Sie die Schreibweise oder setzen Sie die Filter zurück.", "No areas match this search. Check the spelling or reset the filters.")
        case .pageLabel: return ("Seite", "Page")
        case .previousPage: return ("Vorige Seite", "Previous page")
        case .nextPage: return ("Nächste Seite", "Next page")
        case .paginationLabel: return ("Seitennavigation", "Pagination")
        case .downloadCSV: return ("Als CSV herunterladen", "Download as CSV")
        case .downloadGeoJSON: return ("Grenzen als GeoJSON", "Boundaries as GeoJSON")
        case .sortedAscending: return ("aufsteigend sortiert", "sorted ascending")
        case .sortedDescending: return ("absteigend sortiert", "sorted descending")
        case .sortBy: return ("Sortieren nach", "Sort by")
        case .keyFacts: return ("Eckdaten", "Key facts")
        case .officialKey: return ("Amtlicher Gemeindeschlüssel (AGS)", "Official municipality key (AGS)")
        case .regionalKey: return ("Amtlicher Regionalschlüssel (ARS)", "Official regional key (ARS)")
        case .kind: return ("Art", "Kind")
        case .level: return ("Ebene", "Level")
        case .parent: return ("Gehört zu", "Part of")
        case .children: return ("Untergliederung", "Subdivisions")
        case .populationOverTime: return ("Einwohner im Zeitverlauf", "Population over time")
        case .populationChartTitle: return ("Einwohner je Stichtag (Balkendiagramm; Zahlen in der Tabelle)", "Population per reference date (bar chart; figures in the table)")
        case .populationTableCaption: return ("Einwohner je Stichtag", "Population per reference date")
        case .boundaryHistory: return ("Gebietsstände", "Territorial status history")
        case .boundaryHistoryCaption: return ("Grenzstände dieses Gebiets", "Boundary versions of this area")
        case .currentStatus: return ("aktuell", "current")
        case .stillValid: return ("bis heute", "until today")
        case .noChildren: return ("Keine untergeordneten Gebiete.", "No subordinate areas.")
        case .noPopulation: return ("Keine Einwohnerzahlen hinterlegt.", "No population figures stored.")
        case .aggregatedFromChildren: return ("Summe der untergeordneten Gebiete", "Sum of the subordinate areas")
        case .locationMapTitle: return ("Lage im Kreis", "Location in the county")
        case .childrenMapTitle: return ("Karte der untergeordneten Gebiete", "Map of the subordinate areas")
        case .dataTitle: return ("Daten und Lizenzen", "Data and licences")
        case .dataIntro: return ("sopla zeigt amtliche Daten. Hier steht, woher sie stammen und unter welcher Lizenz sie stehen.", "sopla shows official data. This page says where it comes from and under which licence.")
        case .dataGeometryTitle: return ("Gemeindegrenzen", "Municipality boundaries")
        case .dataStatisticsTitle: return ("Einwohnerzahlen und Flächen", "Population and area")
        case .dataLicence: return ("Lizenz", "Licence")
        case .apiTitle: return ("Offene Schnittstelle", "Open API")
        case .apiIntro: return ("Alle Gebietsdaten stehen als JSON und GeoJSON bereit; die Beschreibung folgt OpenAPI 3.1.", "All spatial data is available as JSON and GeoJSON; the description follows OpenAPI 3.1.")
        case .attribution: return ("Grenzen: © GeoBasis-DE / BKG 2013 (Daten verändert)", "Boundaries: © GeoBasis-DE / BKG 2013 (data modified)")
        case .attributionStatistics: return ("Einwohner und Flächen: © Statistisches Bundesamt (Destatis) / Statistische Ämter des Bundes und der Länder, dl-de/by-2-0", "Population and area: © Statistisches Bundesamt (Destatis) / Statistical Offices of the Federation and the Länder, dl-de/by-2-0")
        case .errorNotFoundTitle: return ("Seite nicht gefunden", "Page not found")
        case .errorNotFoundText: return ("Diese Adresse gibt es nicht (mehr). Vielleicht hilft die Gebietsliste weiter.", "This address does not exist (any more). The list of areas may help.")
        case .errorBadRequestTitle: return ("Ungültige Anfrage", "Bad request")
        case .errorServerTitle: return ("Ein Fehler ist aufgetreten", "Something went wrong")
        case .errorServerText: return ("Die Anfrage konnte nicht bearbeitet werden. Bitte versuchen Sie es später erneut.", "The request could not be handled. Please try again later.")
        case .backHome: return ("Zur Startseite", "Back to the start page")
        case .countyAtAGlance: return ("Der Kreis in Zahlen", "The county in figures")
        case .municipalitiesCount: return ("Städte und Gemeinden", "towns and municipalities")
        case .inhabitantsOn: return ("Einwohner am", "inhabitants on")
        case .areaTotal: return ("km² Fläche", "km² area")
        case .footerText: return ("sopla – freie Software für partizipative Sozialplanung", "sopla – free software for participatory social planning")
        }
    }
}

/// Texts in one language, as views use them: `t(.homeTitle)`.
public struct Texts: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public func callAsFunction(_ key: TextKey) -> String {
        key.text(language)
    }
}
