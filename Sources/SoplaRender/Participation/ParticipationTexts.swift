import Foundation

/// Texts of bodies, meetings, papers and measures, German and English.
public enum ParticipationText: Sendable {
    case measuresOfBody, processesOfPaper, measuresOfMeeting, fieldMeasureResolution, fieldResponsiblePerson, fieldMeasureAreas
    case measureResolutionHint, measureAreasHint, editPaper, editPaperHint, savePaper, paperHistory
    case saveMilestone, deleteMilestone, confirmDeleteMilestone, measureHistory
    case editProcess, phasesEditHint, linkedPapersKeep, saveProcess
    case actionManageParticipation, addAgendaItem, addMeasure, addMember, addMilestone, addStatement
    case agendaTitle, allEntries, answeredCount, answersTable, attachmentHint, attachmentsTitle
    case attendanceAbsent, attendanceExcused, attendancePresent, attendanceTitle, bodiesIntro, bodiesTitle
    case bodyInternal, bodyPublic, calendarFeed, categoriesHint, changeMeasure, changePhases
    case changeState, columnAnswer2, columnBody, columnDue, columnKind2, columnMeasure
    case columnMembers, columnNumber, columnOnBehalfOf, columnParentBody, columnPerson, columnProgress
    case columnReference, columnRole, columnTitle, columnVisibility, columnVoting, columnWhen
    case columnWhere, consultationClosed, consultationTitle, createBody, createMeeting, createPaper
    case createProcess, currentPhase, decisionAdopted, decisionNotAdopted, decisionNoted, decisionPartlyAdopted
    case documentsLabel, downloadCSV2, endMembership, fieldArea, fieldAttachment, fieldConsultationRole
    case fieldDecision, fieldEndTime, fieldIndicators, fieldInvitedBodies, fieldItemNumber, fieldItemTitle
    case fieldLogin, fieldMeetingDate, fieldMeetingName, fieldMembershipStart, fieldMilestone, fieldNewPerson
    case fieldNewState, fieldOriginator, fieldPaperText, fieldParentMeasure, fieldPhaseEnd, fieldPhaseStart
    case fieldReason, fieldResolutionText, fieldResponsible, fieldSection, fieldShortBodyName, fieldStartTime
    case fieldStatement, fieldStatementDeadline, fieldWeight, filterButton, hiddenItems, inboxTitle
    case indicatorsHint, invitationText, kindCommittee, kindCouncil, kindOtherBody, kindSteeringGroup
    case kindWorkingGroup, kindYouthWelfareCommittee, linkPaper, linkedIndicators, linkedServices, loginHint
    case manageMeeting, markRead, measureDelayed, measureDone, measureDropped, measureInProgress
    case measureOverdue, measurePlanned, measureStarted, measuresIntro, measuresTitle, meetingInvitation
    case meetingsTitle, membersTitle, milestonesTitle, minutesTitle, navBodies, navPapers
    case newBody, newMeasure, newMeeting, newPaper, newPersonHint, newPersonOption
    case editBody, editMeeting, editAgendaItem, deleteAgendaItem, agendaItemDecided, membershipLastDay
    case newProcess, newVersion, noAgenda, noAttachments, noBodies, noEvents
    case noMeasures, noMeetings, noMembers, noMessages, noMilestones, noOverdue
    case noPapers, noProcesses, noStatements, notAnswered2, notQuorate, noticeStatementSent
    case openConsultation, openConsultations, overdueTitle, papersLabel, papersTitle
    case partsTitle, phaseActive, phaseCompleted, phaseOpen, phaseSkipped, phasesHint
    case phasesTitle, printDocument, printTable, processesIntro, processesTitle, progressHint
    case quorate, recordResolution, resolutionLabel, responseTableTitle, responsibleBody, resultLabel
    case roleAdvice, roleAdvisory, roleChair, roleDecision, roleDeputy, roleGuest
    case roleInformation, roleMember, saveAnswer, saveAttendance, saveMeasure, savePhases
    case saveVersion, searchPapers, sectionHint, signedChair, stateCancelled, stateHeld
    case stateInvited, statePlanned, statementDeadline, statementsTitle, subBodiesLabel, submitStatement
    case termsTitle, timeHint, timelineTitle, treatedIn, typeApplicationChecklist, typeAwardCriteria
    case typeDraftResolution, typeGuideline, typeMinutes, typeOther, typePlanningReport, typeRecommendation
    case typeStatement, unreadCount, unreadLabel, uploadAttachment, versionLabel, versionsTitle2
    case voteAbstain, voteCounted, voteLabel, voteNo, voteUnanimous, voteYes
    case votingNo, votingYes, weightHint
    case addTerm, fieldTermName, fieldTermStart, fieldTermEnd, termHint
    case actionSubmitOrganisationStatement, fieldInvitedOrganisations, organisationConsultationsTitle, organisationConsultationsIntro
    case noOrganisationConsultations, invitedLabel
    case measureInternal, measureInternalMark, publishMeasure

    var pair: (String, String) {
        switch self {
        case .actionManageParticipation: return ("Gremien, Sitzungen, Vorlagen und Abwägungen verwalten", "Manage bodies, meetings, papers and responses")
        case .addAgendaItem: return ("Tagesordnungspunkt hinzufügen", "Add agenda item")
        case .addMeasure: return ("Maßnahme anlegen", "Add measure")
        case .addMember: return ("Mitglied hinzufügen", "Add a member")
        case .addMilestone: return ("Meilenstein hinzufügen", "Add a milestone")
        case .addStatement: return ("Stellungnahme abgeben", "Submit a statement")
        case .agendaTitle: return ("Tagesordnung", "Agenda")
        case .allEntries: return ("alle", "all")
        case .answeredCount: return ("{a} von {n} Stellungnahmen abgewogen.", "{a} of {n} statements answered.")
        case .answersTable: return ("Diese Fassung antwortet auf die Abwägungstabelle", "This version answers the response table")
        case .attachmentHint: return ("PDF, ODT oder DOCX, höchstens 20 MB. Der Inhalt wird geprüft, nicht nur der Name.", "PDF, ODT or DOCX, at most 20 MB. The content is checked, not only the name.")
        case .attachmentsTitle: return ("Anlagen", "Attachments")
        case .attendanceAbsent: return ("abwesend", "absent")
        case .attendanceExcused: return ("entschuldigt", "excused")
        case .attendancePresent: return ("anwesend", "present")
        case .attendanceTitle: return ("Anwesenheit", "Attendance")
        case .bodiesIntro: return ("Die Gremien der Sozialplanung: Steuerungsgruppe, Arbeitsgruppen, Jugendhilfeausschuss, Kreistag und Ausschüsse. Interne Gremien sehen nur ihre Mitglieder und die Sozialplanung.", "The bodies of social planning: steering group, working groups, youth welfare committee, council and committees. Internal bodies are visible to their members and social planning only.")
        case .bodiesTitle: return ("Gremien", "Bodies")
        case .bodyInternal: return ("intern", "internal")
        case .bodyPublic: return ("öffentlich", "public")
        case .calendarFeed: return ("Sitzungstermine als Kalender abonnieren (iCalendar)", "Subscribe to the meetings as a calendar (iCalendar)")
        case .categoriesHint: return ("Angebotskategorien durch Komma getrennt, z. B. „erziehungsberatung“", "Service categories separated by commas, e.g. “erziehungsberatung”")
        case .changeMeasure: return ("Maßnahme ändern", "Change the measure")
        case .changePhases: return ("Phasen fortschreiben", "Update the phases")
        case .changeState: return ("Stand ändern", "Change state")
        case .columnAnswer2: return ("Abwägung", "Answer")
        case .columnBody: return ("Gremium", "Body")
        case .columnDue: return ("Fällig", "Due")
        case .columnKind2: return ("Art", "Kind")
        case .columnMeasure: return ("Maßnahme", "Measure")
        case .columnMembers: return ("Mitglieder", "Members")
        case .columnNumber: return ("Nr.", "No.")
        case .columnOnBehalfOf: return ("Für", "On behalf of")
        case .columnParentBody: return ("Übergeordnet", "Parent body")
        case .columnPerson: return ("Person", "Person")
        case .columnProgress: return ("Fortschritt", "Progress")
        case .columnReference: return ("Aktenzeichen", "Reference")
        case .columnRole: return ("Rolle", "Role")
        case .columnTitle: return ("Titel", "Title")
        case .columnVisibility: return ("Sichtbarkeit", "Visibility")
        case .columnVoting: return ("Stimmrecht", "Vote")
        case .columnWhen: return ("Wann", "When")
        case .columnWhere: return ("Wo", "Where")
        case .consultationClosed: return ("Die Frist ist abgelaufen; Stellungnahmen sind nicht mehr möglich.", "The deadline has passed; no more statements.")
        case .consultationTitle: return ("Stellungnahmeverfahren", "Consultation")
        case .createBody: return ("Gremium anlegen", "Create body")
        case .createMeeting: return ("Sitzung anlegen", "Create meeting")
        case .createPaper: return ("Vorlage anlegen", "Create paper")
        case .createProcess: return ("Planungsprozess anlegen", "Create planning process")
        case .currentPhase: return ("jetzt", "now")
        case .decisionAdopted: return ("berücksichtigt", "adopted")
        case .decisionNotAdopted: return ("nicht berücksichtigt", "not adopted")
        case .decisionNoted: return ("zur Kenntnis genommen", "noted")
        case .decisionPartlyAdopted: return ("teilweise berücksichtigt", "partly adopted")
        case .documentsLabel: return ("Dokumente", "Documents")
        case .downloadCSV2: return ("Als CSV herunterladen", "Download as CSV")
        case .endMembership: return ("Mitgliedschaft beenden", "End membership")
        case .fieldArea: return ("Gebiet", "Area")
        case .fieldAttachment: return ("Anlage", "Attachment")
        case .fieldConsultationRole: return ("Beratungsart", "Treated for")
        case .fieldDecision: return ("Abwägung", "Decision")
        case .fieldEndTime: return ("Ende", "End")
        case .fieldIndicators: return ("Indikatoren, die sich bewegen sollen", "Indicators that should move")
        case .fieldInvitedBodies: return ("Eingeladene Gremien", "Invited bodies")
        case .fieldItemNumber: return ("Nummer", "Number")
        case .fieldItemTitle: return ("Gegenstand", "Subject")
        case .fieldLogin: return ("Anmeldung in sopla", "Login in sopla")
        case .fieldMeetingDate: return ("Datum", "Date")
        case .fieldMeetingName: return ("Bezeichnung", "Title")
        case .fieldMembershipStart: return ("Mitglied seit", "Member since")
        case .fieldMilestone: return ("Meilenstein", "Milestone")
        case .fieldNewPerson: return ("Oder neue Person (Name)", "Or a new person (name)")
        case .fieldNewState: return ("Neuer Stand", "New state")
        case .fieldOriginator: return ("Eingebracht von", "Originator")
        case .fieldPaperText: return ("Text", "Text")
        case .fieldParentMeasure: return ("Teil von", "Part of")
        case .fieldPhaseEnd: return ("Ende", "End")
        case .fieldPhaseStart: return ("Beginn", "Start")
        case .fieldReason: return ("Begründung", "Reason")
        case .fieldResolutionText: return ("Beschlusstext", "Resolution text")
        case .fieldResponsible: return ("Zuständig", "Responsible")
        case .fieldSection: return ("Abschnitt", "Section")
        case .fieldShortBodyName: return ("Kurzname", "Short name")
        case .fieldStartTime: return ("Beginn", "Start")
        case .fieldStatement: return ("Stellungnahme", "Statement")
        case .fieldStatementDeadline: return ("Frist", "Deadline")
        case .fieldWeight: return ("Gewicht", "Weight")
        case .filterButton: return ("Anzeigen", "Show")
        case .hiddenItems: return ("{n} nichtöffentliche Tagesordnungspunkte sind nur für Mitglieder sichtbar.", "{n} non-public agenda items are visible to members only.")
        case .inboxTitle: return ("Nachrichten", "Messages")
        case .indicatorsHint: return ("Indikatorcodes durch Komma getrennt, z. B. „heim_je_1000“", "Indicator codes separated by commas, e.g. “heim_je_1000”")
        case .invitationText: return ("Hiermit lade ich zur Sitzung mit der folgenden Tagesordnung ein.", "You are invited to the meeting with the following agenda.")
        case .kindCommittee: return ("Ausschuss", "Committee")
        case .kindCouncil: return ("Kreistag", "Council")
        case .kindOtherBody: return ("Sonstiges Gremium", "Other body")
        case .kindSteeringGroup: return ("Steuerungsgruppe", "Steering group")
        case .kindWorkingGroup: return ("Arbeitsgruppe", "Working group")
        case .kindYouthWelfareCommittee: return ("Jugendhilfeausschuss", "Youth welfare committee")
        case .linkPaper: return ("Vorlage zuordnen", "Add a paper")
        case .linkedIndicators: return ("Indikatoren", "Indicators")
        case .linkedServices: return ("Angebote", "Services")
        case .loginHint: return ("Optional: verbindet die Person mit einem Benutzerkonto; dann sieht sie interne Gremien und kann Stellung nehmen.", "Optional: links the person to a user account; they then see internal bodies and can submit statements.")
        case .manageMeeting: return ("Sitzung verwalten", "Manage the meeting")
        case .markRead: return ("Als gelesen markieren", "Mark as read")
        case .measureDelayed: return ("verzögert", "delayed")
        case .measureDone: return ("erledigt", "done")
        case .measureDropped: return ("aufgegeben", "dropped")
        case .measureInProgress: return ("in Arbeit", "in progress")
        case .measureOverdue: return ("Diese Maßnahme ist überfällig.", "This measure is overdue.")
        case .measureInternal: return ("Intern: im Qualitätsdialog vereinbart und nicht veröffentlicht. Nur die Sozialplanung und der verantwortliche Träger sehen sie.",
                                       "Internal: agreed in a quality dialogue and not published. Only social planning and the responsible provider see it.")
        case .measureInternalMark: return ("intern, nicht veröffentlicht", "internal, not published")
        case .publishMeasure: return ("Maßnahme veröffentlichen", "Publish measure")
        case .measurePlanned: return ("geplant", "planned")
        case .measureStarted: return ("begonnen", "started")
        case .measuresIntro: return ("Was aus den Beschlüssen und Empfehlungen wurde: Maßnahmen mit Zuständigkeit, Frist und Fortschritt; übergeordnete Maßnahmen zeigen den gewichteten Fortschritt ihrer Teilmaßnahmen.", "What became of the resolutions and recommendations: measures with responsibility, due date and progress; parent measures show their parts' weighted progress.")
        case .measuresTitle: return ("Umsetzung", "Implementation")
        case .fieldMeasureResolution: return ("Beschluss", "Resolution")
        case .fieldResponsiblePerson: return ("Verantwortliche Person", "Person responsible")
        case .fieldMeasureAreas: return ("Gebiete", "Areas")
        case .measureResolutionHint: return ("Der Beschluss, den die Maßnahme umsetzt; über ihn findet der Filter „Gremium“ die Maßnahme.",
                                             "The resolution the measure implements; the “body” filter finds the measure through it.")
        case .measureAreasHint: return ("Die Gemeinden, für die die Maßnahme gilt; keine: der ganze Kreis.", "The municipalities the measure is for; none: the whole county.")
        case .editProcess: return ("Planungsprozess bearbeiten", "Edit planning process")
        case .phasesEditHint: return ("Eine Phase je Zeile. Phasen, deren Namen bleiben, behalten Stand und Daten; neue beginnen offen.",
                                      "One phase per line. Phases whose names stay keep their state and dates; new ones start open.")
        case .linkedPapersKeep: return ("Verknüpfte Vorlagen (abwählen, um die Verknüpfung zu lösen)", "Linked papers (untick to unlink)")
        case .saveProcess: return ("Planungsprozess speichern", "Save planning process")
        case .saveMilestone: return ("Meilenstein speichern", "Save milestone")
        case .deleteMilestone: return ("Meilenstein entfernen", "Remove milestone")
        case .confirmDeleteMilestone: return ("Ja, diesen Meilenstein entfernen (die Änderung bleibt im Protokoll).", "Yes, remove this milestone (the change stays in the log).")
        case .measureHistory: return ("Änderungen der Maßnahme", "Changes of the measure")
        case .editPaper: return ("Vorlage bearbeiten", "Edit paper")
        case .editPaperHint: return ("Der Text ändert sich mit einer neuen Fassung auf der Seite der Vorlage; frühere Fassungen bleiben erhalten. Das Gremium einer Vorlage bleibt.",
                                     "The text changes by a new version on the paper's page; earlier versions are kept. A paper's body stays.")
        case .savePaper: return ("Angaben speichern", "Save details")
        case .paperHistory: return ("Änderungen der Vorlage", "Changes of the paper")
        case .measuresOfBody: return ("Umsetzung der Beschlüsse dieses Gremiums", "Implementation of this body's resolutions")
        case .processesOfPaper: return ("Planungsprozesse zu dieser Vorlage", "Planning processes of this paper")
        case .measuresOfMeeting: return ("Umsetzung der Beschlüsse des Gremiums", "Implementation of the body's resolutions")
        case .meetingInvitation: return ("Einladung", "Invitation")
        case .meetingsTitle: return ("Sitzungen", "Meetings")
        case .membersTitle: return ("Mitglieder", "Members")
        case .milestonesTitle: return ("Meilensteine", "Milestones")
        case .minutesTitle: return ("Niederschrift", "Minutes")
        case .navBodies: return ("Gremien", "Bodies")
        case .navPapers: return ("Vorlagen", "Papers")
        case .newBody: return ("Neues Gremium", "New body")
        case .editBody: return ("Gremium bearbeiten", "Edit body")
        case .membershipLastDay: return ("Letzter Tag", "Last day")
        case .editMeeting: return ("Sitzung bearbeiten", "Edit meeting")
        case .editAgendaItem: return ("Tagesordnungspunkt bearbeiten", "Edit agenda item")
        case .deleteAgendaItem: return ("Tagesordnungspunkt entfernen", "Remove agenda item")
        case .agendaItemDecided: return ("Zu diesem Tagesordnungspunkt ist ein Beschluss erfasst: Er bleibt, wie er ist.", "A resolution is recorded on this agenda item: it stays as it is.")
        case .newMeasure: return ("Neue Maßnahme", "New measure")
        case .newMeeting: return ("Neue Sitzung", "New meeting")
        case .newPaper: return ("Neue Vorlage", "New paper")
        case .newPersonHint: return ("Nur ausfüllen, wenn die Person noch nicht in der Liste steht.", "Only if the person is not in the list yet.")
        case .newPersonOption: return ("– neue Person –", "– new person –")
        case .newProcess: return ("Neuer Planungsprozess", "New planning process")
        case .newVersion: return ("Neue Fassung", "New version")
        case .noAgenda: return ("Noch keine Tagesordnung.", "No agenda yet.")
        case .noAttachments: return ("Keine Anlagen.", "No attachments.")
        case .noBodies: return ("Keine Gremien.", "No bodies.")
        case .noEvents: return ("Noch nichts geschehen.", "Nothing has happened yet.")
        case .noMeasures: return ("Noch keine Maßnahmen.", "No measures yet.")
        case .noMeetings: return ("Keine Sitzungen.", "No meetings.")
        case .noMembers: return ("Keine Mitglieder.", "No members.")
        case .noMessages: return ("Keine Nachrichten.", "No messages.")
        case .noMilestones: return ("Noch keine Meilensteine.", "No milestones yet.")
        case .noOverdue: return ("Nichts ist überfällig.", "Nothing is overdue.")
        case .noPapers: return ("Keine Vorlagen gefunden.", "No papers found.")
        case .noProcesses: return ("Keine Planungsprozesse.", "No planning processes.")
        case .noStatements: return ("Noch keine Stellungnahmen.", "No statements yet.")
        case .notAnswered2: return ("noch nicht abgewogen", "not answered yet")
        case .notQuorate: return ("Nicht beschlussfähig: {p} von {n} stimmberechtigten Mitgliedern anwesend (nötig: {r}).", "Not quorate: {p} of {n} voting members present ({r} needed).")
        case .noticeStatementSent: return ("Ihre Stellungnahme ist eingegangen.", "Your statement has been received.")
        case .openConsultation: return ("Stellungnahmeverfahren eröffnen", "Open a consultation")
        case .openConsultations: return ("Offene Stellungnahmeverfahren", "Open consultations")
        case .overdueTitle: return ("Überfällig", "Overdue")
        case .papersLabel: return ("Vorlagen", "Papers")
        case .papersTitle: return ("Vorlagen und Berichte", "Papers and reports")
        case .partsTitle: return ("Teilmaßnahmen", "Parts")
        case .phaseActive: return ("in Arbeit", "in progress")
        case .phaseCompleted: return ("abgeschlossen", "completed")
        case .phaseOpen: return ("offen", "open")
        case .phaseSkipped: return ("übersprungen", "skipped")
        case .phasesHint: return ("Eine Phase je Zeile, in ihrer Reihenfolge.", "One phase per line, in order.")
        case .phasesTitle: return ("Phasen", "Phases")
        case .printDocument: return ("Drucken oder als PDF speichern", "Print or save as PDF")
        case .printTable: return ("Tabelle drucken", "Print table")
        case .processesIntro: return ("Jeder Planungsprozess führt von der Bestandsaufnahme über Bedarfsanalyse, Maßnahmen und Beschluss bis zu Umsetzung und Evaluation.", "Each planning process leads from the inventory through needs analysis, measures and decision to implementation and evaluation.")
        case .processesTitle: return ("Planungsprozesse", "Planning processes")
        case .progressHint: return ("0 bis 100; leer: Vorgabe des Stands bzw. Mittel der Teilmaßnahmen", "0 to 100; empty: the status's default or the parts' average")
        case .quorate: return ("Beschlussfähig: {p} von {n} stimmberechtigten Mitgliedern anwesend (nötig: {r}).", "Quorate: {p} of {n} voting members present ({r} needed).")
        case .recordResolution: return ("Beschluss festhalten", "Record the resolution")
        case .resolutionLabel: return ("Beschluss", "Resolution")
        case .responseTableTitle: return ("Abwägungstabelle", "Response table")
        case .responsibleBody: return ("Verantwortliches Gremium", "Responsible body")
        case .resultLabel: return ("Ergebnis", "Result")
        case .roleAdvice: return ("zur Beratung", "for advice")
        case .roleAdvisory: return ("beratend", "advisory")
        case .roleChair: return ("Vorsitz", "chair")
        case .roleDecision: return ("zur Beschlussfassung", "for decision")
        case .roleDeputy: return ("stellvertretender Vorsitz", "deputy chair")
        case .roleGuest: return ("Gast", "guest")
        case .roleInformation: return ("zur Kenntnis", "for information")
        case .roleMember: return ("Mitglied", "member")
        case .saveAnswer: return ("Abwägung speichern", "Save answer")
        case .saveAttendance: return ("Anwesenheit speichern", "Save attendance")
        case .saveMeasure: return ("Speichern", "Save")
        case .savePhases: return ("Phasen speichern", "Save phases")
        case .saveVersion: return ("Fassung speichern", "Save version")
        case .searchPapers: return ("Suche in Titel und Aktenzeichen", "Search title and reference")
        case .sectionHint: return ("Optional: die Nummer des Abschnitts, auf den Sie sich beziehen, z. B. „3.2“.", "Optional: the number of the section you refer to, e.g. “3.2”.")
        case .signedChair: return ("Für die Richtigkeit (Vorsitz)", "Certified by the chair")
        case .stateCancelled: return ("abgesagt", "cancelled")
        case .stateHeld: return ("durchgeführt", "held")
        case .stateInvited: return ("eingeladen", "invited")
        case .statePlanned: return ("geplant", "planned")
        case .statementDeadline: return ("Stellungnahmen bis {d}.", "Statements until {d}.")
        case .statementsTitle: return ("Stellungnahmen", "Statements")
        case .subBodiesLabel: return ("Untergremien", "Sub-bodies")
        case .submitStatement: return ("Stellungnahme senden", "Send statement")
        case .termsTitle: return ("Wahlperioden", "Terms")
        case .timeHint: return ("Uhrzeit in Wetzlar, z. B. 17:00", "Local time in Wetzlar, e.g. 17:00")
        case .timelineTitle: return ("Verlauf", "Timeline")
        case .treatedIn: return ("Beraten in", "Treated in")
        case .typeApplicationChecklist: return ("Antragscheckliste", "Application checklist")
        case .typeAwardCriteria: return ("Vergabekriterien", "Award criteria")
        case .typeDraftResolution: return ("Beschlussvorlage", "Draft resolution")
        case .typeGuideline: return ("Richtlinie", "Guideline")
        case .typeMinutes: return ("Niederschrift", "Minutes")
        case .typeOther: return ("Sonstiges", "Other")
        case .typePlanningReport: return ("Planungsbericht", "Planning report")
        case .typeRecommendation: return ("Empfehlung", "Recommendation")
        case .typeStatement: return ("Stellungnahme", "Statement")
        case .unreadCount: return ("{n} ungelesen", "{n} unread")
        case .unreadLabel: return ("neu", "new")
        case .uploadAttachment: return ("Anlage hochladen", "Upload attachment")
        case .versionLabel: return ("Fassung", "version")
        case .versionsTitle2: return ("Fassungen", "Versions")
        case .voteAbstain: return ("Enthaltungen", "Abstentions")
        case .voteCounted: return ("{y} ja, {n} nein, {a} Enthaltungen", "{y} yes, {n} no, {a} abstentions")
        case .voteLabel: return ("Abstimmung", "Vote")
        case .voteNo: return ("Nein-Stimmen", "No")
        case .voteUnanimous: return ("einstimmig", "unanimous")
        case .voteYes: return ("Ja-Stimmen", "Yes")
        case .votingNo: return ("nein", "no")
        case .votingYes: return ("ja", "yes")
        case .addTerm: return ("Wahlperiode hinzufügen", "Add a term")
        case .fieldTermName: return ("Bezeichnung der Wahlperiode", "Name of the term")
        case .fieldTermStart: return ("Beginn", "Start")
        case .fieldTermEnd: return ("Ende (leer: offen)", "End (empty: open)")
        case .termHint: return ("Zum Beispiel „Wahlperiode 2026–2031“. Eine noch offene frühere Wahlperiode endet am Tag vor dem Beginn.", "For example “Term 2026–2031”. An earlier term still open ends the day before the start.")
        case .actionSubmitOrganisationStatement: return ("Für die eigene Organisation Stellung nehmen", "Submit statements for one's organisation")
        case .fieldInvitedOrganisations: return ("Eingeladene Organisationen", "Invited organisations")
        case .organisationConsultationsTitle: return ("Stellungnahmeverfahren", "Consultations")
        case .organisationConsultationsIntro: return ("Entwürfe, zu denen Ihre Organisation um eine Stellungnahme gebeten ist.", "Drafts your organisation is asked to comment on.")
        case .noOrganisationConsultations: return ("Ihre Organisation ist derzeit zu keinem Entwurf um eine Stellungnahme gebeten.", "Your organisation is not asked to comment on any draft at present.")
        case .invitedLabel: return ("Eingeladen", "Invited")
        case .weightHint: return ("Gewicht unter den Teilmaßnahmen derselben Maßnahme", "Weight among the parts of the same measure")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: ParticipationText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}
