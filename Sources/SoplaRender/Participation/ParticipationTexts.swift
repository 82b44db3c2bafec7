import Foundation

/// Texts of bodies, meetings, papers and measures, German and English.
public enum ParticipationText: Sendable {
    case agendaTitle, bodiesIntro, bodiesTitle, bodyInternal, bodyPublic, calendarFeed
    case columnBody, columnDue, columnKind2, columnMeasure, columnMembers, columnOnBehalfOf
    case columnParentBody, columnPerson, columnProgress, columnRole, columnVisibility, columnVoting
    case columnWhen, columnWhere, hiddenItems, kindCommittee, kindCouncil, kindOtherBody
    case kindSteeringGroup, kindWorkingGroup, kindYouthWelfareCommittee, measureDelayed, measureDone, measureDropped
    case measureInProgress, measurePlanned, measureStarted, measuresIntro, measuresTitle, meetingsTitle
    case membersTitle, navBodies, noAgenda, noBodies, noMeasures, noMeetings
    case noMembers, noOverdue, overdueTitle, papersLabel, resultLabel, roleAdvisory
    case roleChair, roleDeputy, roleGuest, roleMember, stateCancelled, stateHeld
    case stateInvited, statePlanned, subBodiesLabel, termsTitle, voteCounted, voteUnanimous
    case votingNo, votingYes

    var pair: (String, String) {
        switch self {
        case .agendaTitle: return ("Tagesordnung", "Agenda")
        case .bodiesIntro: return ("Die Gremien der Sozialplanung: Steuerungsgruppe, Arbeitsgruppen, Jugendhilfeausschuss, Kreistag und Ausschüsse. Interne Gremien sehen nur ihre Mitglieder und die Sozialplanung.", "The bodies of social planning: steering group, working groups, youth welfare committee, council and committees. Internal bodies are visible to their members and social planning only.")
        case .bodiesTitle: return ("Gremien", "Bodies")
        case .bodyInternal: return ("intern", "internal")
        case .bodyPublic: return ("öffentlich", "public")
        case .calendarFeed: return ("Sitzungstermine als Kalender abonnieren (iCalendar)", "Subscribe to the meetings as a calendar (iCalendar)")
        case .columnBody: return ("Gremium", "Body")
        case .columnDue: return ("Fällig", "Due")
        case .columnKind2: return ("Art", "Kind")
        case .columnMeasure: return ("Maßnahme", "Measure")
        case .columnMembers: return ("Mitglieder", "Members")
        case .columnOnBehalfOf: return ("Für", "On behalf of")
        case .columnParentBody: return ("Übergeordnet", "Parent body")
        case .columnPerson: return ("Person", "Person")
        case .columnProgress: return ("Fortschritt", "Progress")
        case .columnRole: return ("Rolle", "Role")
        case .columnVisibility: return ("Sichtbarkeit", "Visibility")
        case .columnVoting: return ("Stimmrecht", "Vote")
        case .columnWhen: return ("Wann", "When")
        case .columnWhere: return ("Wo", "Where")
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
        case .overdueTitle: return ("Überfällig", "Overdue")
        case .papersLabel: return ("Vorlagen", "Papers")
        case .resultLabel: return ("Ergebnis", "Result")
        case .roleAdvisory: return ("beratend", "advisory")
        case .roleChair: return ("Vorsitz", "chair")
        case .roleDeputy: return ("stellvertretender Vorsitz", "deputy chair")
        case .roleGuest: return ("Gast", "guest")
        case .roleMember: return ("Mitglied", "member")
        case .stateCancelled: return ("abgesagt", "cancelled")
        case .stateHeld: return ("durchgeführt", "held")
        case .stateInvited: return ("eingeladen", "invited")
        case .statePlanned: return ("geplant", "planned")
        case .subBodiesLabel: return ("Untergremien", "Sub-bodies")
        case .termsTitle: return ("Wahlperioden", "Terms")
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
