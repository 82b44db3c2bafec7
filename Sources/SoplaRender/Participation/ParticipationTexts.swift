import Foundation

/// Texts of bodies, meetings, papers and measures, German and English.
public enum ParticipationText: Sendable {
    case actionManageParticipation, addStatement, agendaTitle, answeredCount, bodiesIntro, bodiesTitle
    case bodyInternal, bodyPublic, calendarFeed, columnAnswer2, columnBody, columnDue
    case columnKind2, columnMeasure, columnMembers, columnNumber, columnOnBehalfOf, columnParentBody
    case columnPerson, columnProgress, columnRole, columnVisibility, columnVoting, columnWhen
    case columnWhere, consultationClosed, consultationTitle, decisionAdopted, decisionNotAdopted, decisionNoted
    case decisionPartlyAdopted, downloadCSV2, fieldDecision, fieldReason, fieldSection, fieldStatement
    case fieldStatementDeadline, hiddenItems, kindCommittee, kindCouncil, kindOtherBody, kindSteeringGroup
    case kindWorkingGroup, kindYouthWelfareCommittee, measureDelayed, measureDone, measureDropped, measureInProgress
    case measurePlanned, measureStarted, measuresIntro, measuresTitle, meetingsTitle, membersTitle
    case navBodies, noAgenda, noBodies, noMeasures, noMeetings, noMembers
    case noOverdue, noStatements, notAnswered2, noticeStatementSent, openConsultations, overdueTitle
    case papersLabel, printTable, responseTableTitle, resultLabel, roleAdvisory, roleChair
    case roleDeputy, roleGuest, roleMember, saveAnswer, sectionHint, stateCancelled
    case stateHeld, stateInvited, statePlanned, statementDeadline, statementsTitle, subBodiesLabel
    case submitStatement, termsTitle, versionLabel, voteCounted, voteUnanimous, votingNo
    case votingYes

    var pair: (String, String) {
        switch self {
        case .actionManageParticipation: return ("Gremien, Sitzungen, Vorlagen und Abwägungen verwalten", "Manage bodies, meetings, papers and responses")
        case .addStatement: return ("Stellungnahme abgeben", "Submit a statement")
        case .agendaTitle: return ("Tagesordnung", "Agenda")
        case .answeredCount: return ("{a} von {n} Stellungnahmen abgewogen.", "{a} of {n} statements answered.")
        case .bodiesIntro: return ("Die Gremien der Sozialplanung: Steuerungsgruppe, Arbeitsgruppen, Jugendhilfeausschuss, Kreistag und Ausschüsse. Interne Gremien sehen nur ihre Mitglieder und die Sozialplanung.", "The bodies of social planning: steering group, working groups, youth welfare committee, council and committees. Internal bodies are visible to their members and social planning only.")
        case .bodiesTitle: return ("Gremien", "Bodies")
        case .bodyInternal: return ("intern", "internal")
        case .bodyPublic: return ("öffentlich", "public")
        case .calendarFeed: return ("Sitzungstermine als Kalender abonnieren (iCalendar)", "Subscribe to the meetings as a calendar (iCalendar)")
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
        case .columnRole: return ("Rolle", "Role")
        case .columnVisibility: return ("Sichtbarkeit", "Visibility")
        case .columnVoting: return ("Stimmrecht", "Vote")
        case .columnWhen: return ("Wann", "When")
        case .columnWhere: return ("Wo", "Where")
        case .consultationClosed: return ("Die Frist ist abgelaufen; Stellungnahmen sind nicht mehr möglich.", "The deadline has passed; no more statements.")
        case .consultationTitle: return ("Stellungnahmeverfahren", "Consultation")
        case .decisionAdopted: return ("berücksichtigt", "adopted")
        case .decisionNotAdopted: return ("nicht berücksichtigt", "not adopted")
        case .decisionNoted: return ("zur Kenntnis genommen", "noted")
        case .decisionPartlyAdopted: return ("teilweise berücksichtigt", "partly adopted")
        case .downloadCSV2: return ("Als CSV herunterladen", "Download as CSV")
        case .fieldDecision: return ("Abwägung", "Decision")
        case .fieldReason: return ("Begründung", "Reason")
        case .fieldSection: return ("Abschnitt", "Section")
        case .fieldStatement: return ("Stellungnahme", "Statement")
        case .fieldStatementDeadline: return ("Frist", "Deadline")
        case .hiddenItems: return ("{n} nichtöffentliche Tagesordnungspunkte sind nur für Mitglieder sichtbar.", "{n} non-public agenda items are visible to members only.")
        case .kindCommittee: return ("Ausschuss", "Committee")
        case .kindCouncil: return ("Kreistag", "Council")
        case .kindOtherBody: return ("Sonstiges Gremium", "Other body")
        case .kindSteeringGroup: return ("Steuerungsgruppe", "Steering group")
        case .kindWorkingGroup: return ("Arbeitsgruppe", "Working group")
        case .kindYouthWelfareCommittee: return ("Jugendhilfeausschuss", "Youth welfare committee")
        case .measureDelayed: return ("verzögert", "delayed")
        case .measureDone: return ("erledigt", "done")
        case .measureDropped: return ("aufgegeben", "dropped")
        case .measureInProgress: return ("in Arbeit", "in progress")
        case .measurePlanned: return ("geplant", "planned")
        case .measureStarted: return ("begonnen", "started")
        case .measuresIntro: return ("Was aus den Beschlüssen und Empfehlungen wurde: Maßnahmen mit Zuständigkeit, Frist und Fortschritt; übergeordnete Maßnahmen zeigen den gewichteten Fortschritt ihrer Teilmaßnahmen.", "What became of the resolutions and recommendations: measures with responsibility, due date and progress; parent measures show their parts' weighted progress.")
        case .measuresTitle: return ("Umsetzung", "Implementation")
        case .meetingsTitle: return ("Sitzungen", "Meetings")
        case .membersTitle: return ("Mitglieder", "Members")
        case .navBodies: return ("Gremien", "Bodies")
        case .noAgenda: return ("Noch keine Tagesordnung.", "No agenda yet.")
        case .noBodies: return ("Keine Gremien.", "No bodies.")
        case .noMeasures: return ("Noch keine Maßnahmen.", "No measures yet.")
        case .noMeetings: return ("Keine Sitzungen.", "No meetings.")
        case .noMembers: return ("Keine Mitglieder.", "No members.")
        case .noOverdue: return ("Nichts ist überfällig.", "Nothing is overdue.")
        case .noStatements: return ("Noch keine Stellungnahmen.", "No statements yet.")
        case .notAnswered2: return ("noch nicht abgewogen", "not answered yet")
        case .noticeStatementSent: return ("Ihre Stellungnahme ist eingegangen.", "Your statement has been received.")
        case .openConsultations: return ("Offene Stellungnahmeverfahren", "Open consultations")
        case .overdueTitle: return ("Überfällig", "Overdue")
        case .papersLabel: return ("Vorlagen", "Papers")
        case .printTable: return ("Tabelle drucken", "Print table")
        case .responseTableTitle: return ("Abwägungstabelle", "Response table")
        case .resultLabel: return ("Ergebnis", "Result")
        case .roleAdvisory: return ("beratend", "advisory")
        case .roleChair: return ("Vorsitz", "chair")
        case .roleDeputy: return ("stellvertretender Vorsitz", "deputy chair")
        case .roleGuest: return ("Gast", "guest")
        case .roleMember: return ("Mitglied", "member")
        case .saveAnswer: return ("Abwägung speichern", "Save answer")
        case .sectionHint: return ("Optional: die Nummer des Abschnitts, auf den Sie sich beziehen, z. B. „3.2“.", "Optional: the number of the section you refer to, e.g. “3.2”.")
        case .stateCancelled: return ("abgesagt", "cancelled")
        case .stateHeld: return ("durchgeführt", "held")
        case .stateInvited: return ("eingeladen", "invited")
        case .statePlanned: return ("geplant", "planned")
        case .statementDeadline: return ("Stellungnahmen bis {d}.", "Statements until {d}.")
        case .statementsTitle: return ("Stellungnahmen", "Statements")
        case .subBodiesLabel: return ("Untergremien", "Sub-bodies")
        case .submitStatement: return ("Stellungnahme senden", "Send statement")
        case .termsTitle: return ("Wahlperioden", "Terms")
        case .versionLabel: return ("Fassung", "version")
        case .voteCounted: return ("{y} ja, {n} nein, {a} Enthaltungen", "{y} yes, {n} no, {a} abstentions")
        case .voteUnanimous: return ("einstimmig", "unanimous")
        case .votingNo: return ("nein", "no")
        case .votingYes: return ("ja", "yes")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: ParticipationText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}
