import Foundation

/// Texts of the service inventory, planning views, survey and directory, German and English.
public enum ServiceText: Sendable {
    case acceptProposal, acceptStale, actionManageServices, actionProposeServiceChange, addCategory, agesBetween
    case agesFrom, agesUpTo, allAges, allCategories, allLanguages, allMunicipalities
    case allStatuses, alreadyDecided, and, answerChanges, answerUnchanged, answersTitle
    case areaOverlapLabel, areaSharesHint, audienceAdults, audienceAges, audienceAll, audienceChildren
    case audienceYoung, back, beyondReach, categoriesIntro, categoriesTitle, categoryCodeHint
    case changeStandard, closeRound, columnAccepted, columnAfter, columnAnswer, columnAnswered
    case columnBefore, columnChanges, columnFTE, columnField, columnGap, columnNearest
    case columnNeed, columnNote, columnPreventiveShare, columnProposed, columnRatio, columnServices
    case columnStandard, columnState, columnSupply, columnUnitName, columnVerified, columnVersion
    case confirmUnchanged, coordinatesHint, countyTotal, coverageIntro, coverageMapCaption, coverageTableCaption
    case coverageTitle, coverageTotal, customValuesHint, descriptionHint, diffTitle, directoryAge
    case directoryCount, directoryEmergency, directoryEmpty, directoryIntro, directoryMapCaption, directorySearchButton
    case directorySearchLabel, directoryTitle, directoryTopic, directoryWhere, distanceMapCaption, duplicateDistance
    case duplicateSentence, duplicatesIntro, duplicatesTitle, editService, entityDuplicateReview, entityPlanningStandard
    case entityService, entityServiceCategory, entityServiceProposal, entitySurveyRound, feesHint, fieldAccessibility
    case fieldAreaShares, fieldCasesPerYear, fieldCategory, fieldCategoryCode, fieldCategoryNameDE, fieldCategoryNameEN
    case fieldCommunalised, fieldCustomValues, fieldDeadline, fieldDescription, fieldEligibility, fieldFees
    case fieldHoursPerWeek, fieldHowToApply, fieldLanguages, fieldLatitude, fieldLegalBasis, fieldLocationName
    case fieldLongitude, fieldMaxAge, fieldMaxDistance, fieldMinAge, fieldMunicipality, fieldOpeningHours
    case fieldOpensOn, fieldOrganisationsAsked, fieldOutreach, fieldPlaces, fieldPreventive, fieldProvider
    case fieldReferencePopulation, fieldReferenceYear, fieldRoundTitle, fieldServiceArea, fieldServiceCity, fieldServiceEmail
    case fieldServiceName, fieldServicePhone, fieldServicePostcode, fieldServiceStatus, fieldServiceStreet, fieldServiceWebsite
    case fieldSexes, fieldSignLanguage, fieldSituations, fieldStaff, fieldStandardFTE, fieldStandardInhabitants
    case fieldStandardSource, fieldStandardText, fieldStepFree, fieldTargetGroup, filter, gapItem
    case gapListTitle, hoursUnit, languagesHint, legalBasisHint, listHint, maxDistanceHint
    case missingCount, navDirectory, navServices, newCategory, newRound, newService
    case no, noAccessibilityInfo, noChanges, noDuplicates, noGaps, noOwnServices
    case noProposals, noRounds, noServices, noStandardForCategory, noStandards, noVersions
    case notAnswered, noticeAccepted, noticeConfirmed, noticeProposed, noticeRejected, noticeRoundClosed
    case noticeRoundOpened, openProposalsNotice, openProposalsTitle, openRound, openingHoursHint, organisationsAskedHint
    case outreachHint, outreachText, ownProposalsTitle, ownServicesIntro, ownServicesNav, ownServicesTitle
    case pairsFound, pickCategory, planningNavigation, preventiveHint, preventiveTitle, printPage
    case proposalAccepted, proposalChanges, proposalOneChange, proposalNewService, proposalOpen, proposalRejected, proposalStale
    case proposalTitle, proposalsTitle, proposeChange, proposeNewService, proposedStateTitle, reachSentence
    case rejectProposal, roundAnswered, roundClosed, roundHowTo, roundOpen, roundOverdue
    case roundsIntro, roundsTitle, scoreLabel, sectionAccess, sectionCapacity, sectionGeneral
    case sectionPlace, sectionTargetGroup, serviceAreaHint, servicesIntro, servicesTitle, setStandard
    case sexDiverse, sexFemale, sexMale, sexesHint, show, signLanguageText
    case staffHint, staleLegend, standardReplacesHint, standardSentence, standardsIntro, standardsTitle
    case statusTemporarilyClosed, stepFreeText, surveyDeadline, surveyRoundLabel, temporarilyClosedNotice, totalPopulation
    case verdictJustified, verdictLabel, verdictNone, verdictRequired, verdictToReview, versionsTitle
    case yes
    case fieldAddressProtected, addressProtectedHint, addressProtectedText, fieldSynonyms, synonymsHint, editCategory
    case columnProviderAnswer, fieldDecisionNote, decisionNoteHint, answerProposal, answerProposalHint, answerButton, noticeAnswered, proposalAnsweredNote
    case rejectionReasonTitle, proposeAgain
    case directoryServiceMapCaption, actionAnswerServiceDecision
    case directoryCorrection, directoryPointsCaption, directoryDistance, directorySearchHint, categorySynonymsColumn

    var pair: (String, String) {
        switch self {
        case .columnProviderAnswer: return ("Antwort des Trägers", "Provider's answer")
        case .fieldDecisionNote: return ("Begründung", "Reason")
        case .decisionNoteHint: return ("Bei einer Ablehnung Pflicht: Der Träger sieht die Begründung und kann darauf antworten.", "Required for a rejection: the provider sees the reason and can answer it.")
        case .answerProposal: return ("Ihre Antwort", "Your answer")
        case .answerProposalHint: return ("Die Sozialplanung sieht Ihre Antwort beim Vorschlag. Einmal möglich.", "The planners see your answer with the proposal. Possible once.")
        case .answerButton: return ("Antwort senden", "Send answer")
        case .noticeAnswered: return ("Ihre Antwort wurde gespeichert.", "Your answer was saved.")
        case .proposalAnsweredNote: return ("{who} antwortete am {when}:", "{who} answered on {when}:")
        case .rejectionReasonTitle: return ("Begründung der Ablehnung", "Reason for the rejection")
        case .proposeAgain: return ("Angebot überarbeiten und erneut vorschlagen", "Revise the service and propose again")
        case .fieldAddressProtected: return ("Adresse geschützt", "Protected address")
        case .addressProtectedHint: return ("Für Schutzeinrichtungen wie Frauenhäuser: Öffentlich erscheinen weder Adresse und Karte noch Öffnungszeiten, E-Mail, Website oder ein Hinweis zum Vorbeikommen, nur die Telefonnummer (dann Pflicht).",
                                            "For places of safety such as women's shelters: the public sees neither address and map nor opening hours, e-mail, website or a hint to come by, only the phone number (then required).")
        case .addressProtectedText: return ("Die Adresse wird zum Schutz der Menschen dort nicht genannt. Bitte rufen Sie an.", "The address is not given, to protect the people there. Please call.")
        case .fieldSynonyms: return ("Suchwörter", "Search words")
        case .synonymsHint: return ("Wörter, mit denen Menschen nach dieser Hilfe suchen, durch Komma oder Zeilen getrennt, z. B. „Drogen, Alkohol, Spielsucht“. Der Wegweiser findet die Angebote der Kategorie auch unter diesen Wörtern.",
                                    "Words people search with for this help, separated by commas or lines, e.g. “drugs, alcohol”. The directory also finds the category's services by these words.")
        case .editCategory: return ("Kategorie bearbeiten", "Edit category")
        case .directoryCorrection: return ("Gesucht wurde auch nach „{used}“ (statt „{typed}“).", "Also searched for “{used}” (instead of “{typed}”).")
        case .actionAnswerServiceDecision: return ("Auf die Ablehnung eines Vorschlags der eigenen Organisation antworten", "Answer the rejection of one's organisation's proposal")
        case .directoryServiceMapCaption: return ("Lage im Kreis; die Anschrift steht oben.", "Location in the district; the address is given above.")
        case .directoryPointsCaption: return ("Orte auf der Karte", "Places on the map")
        case .directoryDistance: return ("etwa {km} km von der Ortsmitte", "about {km} km from the town centre")
        case .directorySearchHint: return ("Ein oder mehrere Wörter, z. B. „Schulden“, „Sucht“ oder „Kita“.", "One or more words, e.g. “debt”, “addiction” or “childcare”.")
        case .categorySynonymsColumn: return ("Suchwörter", "Search words")
        case .acceptProposal: return ("Übernehmen", "Accept")
        case .acceptStale: return ("Trotzdem übernehmen: Ich habe die Änderung mit dem aktuellen Stand verglichen.", "Accept anyway: I have compared the change with the current state.")
        case .actionManageServices: return ("Angebotsbestand, Standards und Erhebungen verwalten", "Manage the service inventory, standards and surveys")
        case .actionProposeServiceChange: return ("Änderungen an Angeboten vorschlagen", "Propose changes to services")
        case .addCategory: return ("Kategorie anlegen", "Add category")
        case .agesBetween: return ("{a} bis {b} Jahre", "aged {a} to {b}")
        case .agesFrom: return ("ab {a} Jahren", "aged {a} and over")
        case .agesUpTo: return ("bis {b} Jahre", "up to {b} years")
        case .allAges: return ("alle Altersgruppen", "all ages")
        case .allCategories: return ("Alle Themen", "All topics")
        case .allLanguages: return ("Alle Sprachen", "All languages")
        case .allMunicipalities: return ("Alle Gemeinden", "All municipalities")
        case .allStatuses: return ("Alle", "All")
        case .alreadyDecided: return ("Dieser Vorschlag ist schon entschieden.", "This proposal has been decided already.")
        case .and: return ("und", "and")
        case .answerChanges: return ("Änderungen vorgeschlagen", "Changes proposed")
        case .answerUnchanged: return ("Unverändert bestätigt", "Confirmed unchanged")
        case .answersTitle: return ("Rückmeldungen der Träger", "Providers' answers")
        case .areaOverlapLabel: return ("Überschneidung der Einzugsgebiete", "Overlap of service areas")
        case .areaSharesHint: return ("Optional. Eine Zeile je Gemeinde mit ihrem Anteil, z. B. „Herborn: 60“ und „Sinn: 40“. Leer: das Personal wird nach Einwohneranteil aufgeteilt.", "Optional. One line per municipality with its share, e.g. “Herborn: 60” and “Sinn: 40”. Empty: staff is split by population share.")
        case .audienceAdults: return ("Erwachsene", "adults")
        case .audienceAges: return ("Menschen ({a})", "people ({a})")
        case .audienceAll: return ("alle Altersgruppen", "all ages")
        case .audienceChildren: return ("Kinder", "children")
        case .audienceYoung: return ("junge Menschen", "young people")
        case .back: return ("Zurück", "Back")
        case .beyondReach: return ("– weiter als der Standard erlaubt", "– farther than the standard allows")
        case .categoriesIntro: return ("Die Kategorien ordnen jedes Angebot einem Feld zu. Vorgegeben sind die kommunalisierten Förderbereiche in Hessen und weitere Felder; neue Kategorien können ergänzt werden.", "Categories place every service in a field. The Hessian communalised funding areas and further fields are given; new categories can be added.")
        case .categoriesTitle: return ("Angebotskategorien", "Service categories")
        case .categoryCodeHint: return ("Kleinbuchstaben, Ziffern und Bindestriche, z. B. „wohnungsnotfallhilfe“. Der Code bleibt fest.", "Lower-case letters, digits and hyphens, e.g. “homeless-support”. The code cannot be changed later.")
        case .changeStandard: return ("Ändern", "Change")
        case .closeRound: return ("Erhebung abschließen", "Close survey round")
        case .columnAccepted: return ("Übernommen", "Accepted")
        case .columnAfter: return ("Neu", "New")
        case .columnAnswer: return ("Antwort", "Answer")
        case .columnAnswered: return ("Geantwortet", "Answered")
        case .columnBefore: return ("Bisher", "Before")
        case .columnChanges: return ("Änderungen", "Changes")
        case .columnFTE: return ("VZÄ", "FTE")
        case .columnField: return ("Feld", "Field")
        case .columnGap: return ("Lücke (VZÄ)", "Gap (FTE)")
        case .columnNearest: return ("Nächstes Angebot", "Nearest service")
        case .columnNeed: return ("Bedarf (VZÄ)", "Need (FTE)")
        case .columnNote: return ("Anmerkung", "Note")
        case .columnPreventiveShare: return ("Anteil präventiv", "Preventive share")
        case .columnProposed: return ("Vorgeschlagen", "Proposed")
        case .columnRatio: return ("Versorgungsgrad", "Coverage ratio")
        case .columnServices: return ("Angebote", "Services")
        case .columnStandard: return ("Standard", "Standard")
        case .columnState: return ("Stand", "State")
        case .columnSupply: return ("Angebot (VZÄ)", "Supply (FTE)")
        case .columnUnitName: return ("Gemeinde", "Municipality")
        case .columnVerified: return ("Zuletzt geprüft", "Last verified")
        case .columnVersion: return ("Version", "Version")
        case .confirmUnchanged: return ("Unsere Angebote sind unverändert", "Our services are unchanged")
        case .coordinatesHint: return ("Breitengrad in Dezimalgrad, z. B. 50,55741. Oder auf die Karte klicken. Es wird kein Online-Dienst gefragt.", "Latitude in decimal degrees, e.g. 50.55741. Or click the map. No online service is asked.")
        case .countyTotal: return ("Kreis insgesamt", "County total")
        case .coverageIntro: return ("Angebot und Bedarf je Gemeinde: Das Personal eines Angebots wird nach Einwohneranteil auf die Gemeinden seines Einzugsgebiets verteilt; der Bedarf folgt aus dem Planungsstandard.", "Supply and need per municipality: a service's staff is split over the municipalities of its service area by population share; need follows from the planning standard.")
        case .coverageMapCaption: return ("Versorgungsgrad je Gemeinde, je dunkler, desto größer die Lücke: dunkelblau unter 50 %, mittelblau unter 80 %, hellblau unter 100 %, sehr hell gedeckt. Die Werte stehen in der Tabelle.", "Coverage ratio per municipality, darker for larger gaps: dark blue below 50 %, medium below 80 %, light below 100 %, very light covered. The values are in the table.")
        case .coverageTableCaption: return ("Versorgung je Gemeinde", "Coverage per municipality")
        case .coverageTitle: return ("Versorgung und Lücken", "Coverage and gaps")
        case .coverageTotal: return ("Im Kreis stehen {s} VZÄ einem Bedarf von {n} VZÄ gegenüber (Versorgungsgrad {r}); es fehlen {g} VZÄ.", "The county has {s} FTE against a need of {n} FTE (coverage {r}); {g} FTE are missing.")
        case .customValuesHint: return ("Optional. Eine Zeile je Vorgabe, z. B. „Mindestöffnungszeit: 20 Stunden je Woche“.", "Optional. One line per value, e.g. “Minimum opening: 20 hours a week”.")
        case .descriptionHint: return ("In einfacher Sprache: Was bietet das Angebot, für wen?", "In plain language: what does the service offer, and for whom?")
        case .diffTitle: return ("Geänderte Felder", "Changed fields")
        case .directoryAge: return ("Alter der Person", "Age of the person")
        case .directoryCount: return ("{n} Angebote gefunden", "{n} services found")
        case .directoryEmergency: return ("In einer akuten Notlage: Notruf 112, Polizei 110. Hilfetelefon „Gewalt gegen Frauen“ 116 016 (rund um die Uhr, kostenlos).", "In an emergency: call 112, police 110. Helpline “Violence against women” 116 016 (around the clock, free).")
        case .directoryEmpty: return ("Kein Angebot passt zu dieser Suche. Versuchen Sie es mit weniger Angaben.", "No service matches this search. Try fewer criteria.")
        case .directoryIntro: return ("Hier finden Sie Beratung und Hilfe im Lahn-Dill-Kreis. Suchen Sie nach Ihrem Wohnort, einem Thema oder Ihrer Sprache.", "Find counselling and help in the Lahn-Dill district. Search by where you live, a topic or your language.")
        case .directoryMapCaption: return ("Orte der gefundenen Angebote. Die Liste nennt alle Adressen.", "Places of the services found. The list gives every address.")
        case .directorySearchButton: return ("Hilfe finden", "Find help")
        case .directorySearchLabel: return ("Wonach suchen Sie?", "What are you looking for?")
        case .directoryTitle: return ("Wegweiser: Hilfe finden", "Directory: find help")
        case .directoryTopic: return ("Thema", "Topic")
        case .directoryWhere: return ("Wo wohnen Sie?", "Where do you live?")
        case .distanceMapCaption: return ("Entfernung vom Gemeindemittelpunkt zum nächsten Angebot (Luftlinie), je dunkler, desto weiter: sehr hell bis 5 km, hell bis 10 km, mittel bis 20 km, dunkel weiter. Punkte zeigen die Angebote. Die Werte stehen in der Tabelle.", "Straight-line distance from each municipality's centre to the nearest service, darker for farther: very light up to 5 km, light up to 10 km, medium up to 20 km, dark beyond. Dots show the services. The values are in the table.")
        case .duplicateDistance: return ("{k} km voneinander entfernt", "{k} km apart")
        case .duplicateSentence: return ("Beide bieten {c} für {t} in {u} an", "Both offer {c} for {t} in {u}")
        case .duplicatesIntro: return ("Paare von Angeboten derselben Kategorie mit überschneidendem Einzugsgebiet und überschneidender Zielgruppe, nach Wahrscheinlichkeit geordnet. Markieren Sie ein Paar als begründet oder als zu prüfen.", "Pairs of services of the same category with overlapping service areas and target groups, most likely first. Mark a pair as justified or to be reviewed.")
        case .duplicatesTitle: return ("Doppelstrukturen", "Duplicate structures")
        case .editService: return ("Angebot bearbeiten", "Edit service")
        case .entityDuplicateReview: return ("Doppelstruktur-Prüfung", "Duplicate review")
        case .entityPlanningStandard: return ("Planungsstandard", "Planning standard")
        case .entityService: return ("Angebot", "Service")
        case .entityServiceCategory: return ("Angebotskategorie", "Service category")
        case .entityServiceProposal: return ("Änderungsvorschlag", "Change proposal")
        case .entitySurveyRound: return ("Bestandserhebung", "Survey round")
        case .feesHint: return ("z. B. „kostenlos“ oder „nach Einkommen“", "e.g. “free” or “according to income”")
        case .fieldAccessibility: return ("Barrierefreiheit", "Accessibility")
        case .fieldAreaShares: return ("Aufteilung auf die Gemeinden", "Split over the municipalities")
        case .fieldCasesPerYear: return ("Fälle im Jahr", "Cases per year")
        case .fieldCategory: return ("Kategorie", "Category")
        case .fieldCategoryCode: return ("Code", "Code")
        case .fieldCategoryNameDE: return ("Name (deutsch)", "Name (German)")
        case .fieldCategoryNameEN: return ("Name (englisch)", "Name (English)")
        case .fieldCommunalised: return ("Kommunalisierter Förderbereich", "Communalised funding area")
        case .fieldCustomValues: return ("Weitere Vorgaben", "Further values")
        case .fieldDeadline: return ("Frist", "Deadline")
        case .fieldDescription: return ("Beschreibung", "Description")
        case .fieldEligibility: return ("Wer kann kommen?", "Who can come?")
        case .fieldFees: return ("Kosten", "Fees")
        case .fieldHoursPerWeek: return ("Öffnungsstunden je Woche", "Opening hours per week")
        case .fieldHowToApply: return ("So kommen Sie zum Angebot", "How to get the service")
        case .fieldLanguages: return ("Sprachen", "Languages")
        case .fieldLatitude: return ("Breitengrad", "Latitude")
        case .fieldLegalBasis: return ("Rechtsgrundlage", "Legal basis")
        case .fieldLocationName: return ("Name des Ortes", "Name of the place")
        case .fieldLongitude: return ("Längengrad", "Longitude")
        case .fieldMaxAge: return ("Alter bis", "Age up to")
        case .fieldMaxDistance: return ("Höchste Entfernung (km)", "Maximum distance (km)")
        case .fieldMinAge: return ("Alter ab", "Age from")
        case .fieldMunicipality: return ("Gemeinde", "Municipality")
        case .fieldOpeningHours: return ("Öffnungszeiten", "Opening hours")
        case .fieldOpensOn: return ("Beginn", "Opens on")
        case .fieldOrganisationsAsked: return ("Befragte Träger", "Providers asked")
        case .fieldOutreach: return ("Aufsuchend", "Outreach")
        case .fieldPlaces: return ("Plätze", "Places")
        case .fieldPreventive: return ("Präventiv", "Preventive")
        case .fieldProvider: return ("Träger", "Provider")
        case .fieldReferencePopulation: return ("Bezugsbevölkerung", "Reference population")
        case .fieldReferenceYear: return ("Bezugsjahr", "Reference year")
        case .fieldRoundTitle: return ("Titel", "Title")
        case .fieldServiceArea: return ("Einzugsgebiet", "Service area")
        case .fieldServiceCity: return ("Ort", "Town")
        case .fieldServiceEmail: return ("E-Mail", "E-mail")
        case .fieldServiceName: return ("Name des Angebots", "Name of the service")
        case .fieldServicePhone: return ("Telefon", "Phone")
        case .fieldServicePostcode: return ("Postleitzahl", "Postcode")
        case .fieldServiceStatus: return ("Status", "Status")
        case .fieldServiceStreet: return ("Straße und Hausnummer", "Street and number")
        case .fieldServiceWebsite: return ("Internetseite", "Website")
        case .fieldSexes: return ("Geschlecht", "Sex")
        case .fieldSignLanguage: return ("Gebärdensprache", "Sign language")
        case .fieldSituations: return ("Lebenslagen", "Life situations")
        case .fieldStaff: return ("Personal", "Staff")
        case .fieldStandardFTE: return ("Vollzeitstellen (VZÄ)", "Full-time equivalents (FTE)")
        case .fieldStandardInhabitants: return ("je Einwohnerinnen und Einwohner", "per inhabitants")
        case .fieldStandardSource: return ("Quelle", "Source")
        case .fieldStandardText: return ("Wortlaut", "Wording")
        case .fieldStepFree: return ("Stufenlos erreichbar", "Step-free access")
        case .fieldTargetGroup: return ("Für wen", "For whom")
        case .filter: return ("Filtern", "Filter")
        case .gapItem: return ("es fehlen {g} VZÄ (Versorgungsgrad {r})", "{g} FTE missing (coverage {r})")
        case .gapListTitle: return ("Lücken, größte zuerst", "Gaps, largest first")
        case .hoursUnit: return ("Std.", "h")
        case .languagesHint: return ("Sprachcodes durch Komma getrennt, z. B. „de, tr, ar“", "Language codes separated by commas, e.g. “de, tr, ar”")
        case .legalBasisHint: return ("z. B. „SchKG §§ 3, 8“", "e.g. “SchKG §§ 3, 8”")
        case .listHint: return ("Durch Komma getrennt", "Separated by commas")
        case .maxDistanceHint: return ("Luftlinie vom Gemeindemittelpunkt zum nächsten Angebot; leer, wenn es keine Vorgabe gibt.", "Straight line from a municipality's centre to the nearest service; empty if there is none.")
        case .missingCount: return ("{n} von {m} Trägern haben noch nicht geantwortet.", "{n} of {m} providers have not answered yet.")
        case .navDirectory: return ("Wegweiser", "Directory")
        case .navServices: return ("Angebote", "Services")
        case .newCategory: return ("Neue Kategorie", "New category")
        case .newRound: return ("Neue Bestandserhebung", "New survey round")
        case .newService: return ("Neues Angebot", "New service")
        case .no: return ("nein", "no")
        case .noAccessibilityInfo: return ("keine Angabe", "not stated")
        case .noChanges: return ("Keine Felder geändert.", "No fields changed.")
        case .noDuplicates: return ("Keine möglichen Doppelstrukturen gefunden.", "No possible duplicate structures found.")
        case .noGaps: return ("Keine Lücken: Jede Gemeinde ist nach dem Standard versorgt.", "No gaps: every municipality is covered by the standard.")
        case .noOwnServices: return ("Noch keine Angebote erfasst. Schlagen Sie ein neues Angebot vor.", "No services recorded yet. Propose a new service.")
        case .noProposals: return ("Keine Vorschläge.", "No proposals.")
        case .noRounds: return ("Noch keine Bestandserhebung.", "No survey round yet.")
        case .noServices: return ("Keine Angebote gefunden.", "No services found.")
        case .noStandardForCategory: return ("Für diese Kategorie gibt es noch keinen Planungsstandard. Legen Sie ihn fest unter", "This category has no planning standard yet. Set one under")
        case .noStandards: return ("Noch keine Planungsstandards.", "No planning standards yet.")
        case .noVersions: return ("Noch keine Version.", "No version yet.")
        case .notAnswered: return ("noch nicht", "not yet")
        case .noticeAccepted: return ("Vorschlag übernommen.", "Proposal accepted.")
        case .noticeConfirmed: return ("Danke, Ihre Angebote sind als unverändert bestätigt.", "Thank you, your services are confirmed unchanged.")
        case .noticeProposed: return ("Ihr Vorschlag ist eingegangen. Die Sozialplanung prüft ihn.", "Your proposal has been received. Social planning will review it.")
        case .noticeRejected: return ("Vorschlag abgelehnt.", "Proposal rejected.")
        case .noticeRoundClosed: return ("Erhebung abgeschlossen.", "Survey round closed.")
        case .noticeRoundOpened: return ("Erhebung eröffnet.", "Survey round opened.")
        case .openProposalsNotice: return ("{n} Vorschläge von Trägern warten auf Prüfung.", "{n} proposals from providers await review.")
        case .openProposalsTitle: return ("Offene Vorschläge", "Open proposals")
        case .openRound: return ("Erhebung eröffnen", "Open survey round")
        case .openingHoursHint: return ("Eine Zeile je Zeitraum, z. B. „Mo–Fr 9–12 Uhr“, „Mo, Mi 14:00–16:00“ oder „Di 9–12 und 14–16 Uhr“",
                                        "One line per slot, e.g. “Mo–Fr 9–12”, “Mo, Mi 14:00–16:00” or “Di 9–12 und 14–16”")
        case .organisationsAskedHint: return ("Jeder gewählte Träger sieht die Erhebung auf seiner Angebotsseite.", "Every provider chosen sees the round on its services page.")
        case .outreachHint: return ("Arbeitet das Angebot ohne festen Ort, bei den Menschen vor Ort?", "Does the service work without a fixed place, where people are?")
        case .outreachText: return ("Das Angebot kommt zu Ihnen (aufsuchend).", "The service comes to you (outreach).")
        case .ownProposalsTitle: return ("Ihre Vorschläge", "Your proposals")
        case .ownServicesIntro: return ("Ihre Angebote im Bestand des Kreises. Änderungen gehen als Vorschlag an die Sozialplanung und gelten, sobald sie übernommen sind.", "Your services in the county's inventory. Changes go to social planning as proposals and apply once accepted.")
        case .ownServicesNav: return ("Unsere Angebote", "Our services")
        case .ownServicesTitle: return ("Angebote", "Services")
        case .pairsFound: return ("mögliche Doppelstrukturen", "possible duplicate structures")
        case .pickCategory: return ("Wählen Sie eine Kategorie.", "Choose a category.")
        case .planningNavigation: return ("Angebotsplanung", "Service planning")
        case .preventiveHint: return ("Wirkt das Angebot vorbeugend, bevor eine Krise entsteht?", "Does the service work preventively, before a crisis?")
        case .preventiveTitle: return ("Anteil präventiver Angebote (Personal)", "Share of preventive services (staff)")
        case .printPage: return ("Seite drucken", "Print page")
        case .proposalAccepted: return ("übernommen", "accepted")
        case .proposalChanges: return ("{n} Änderungen", "{n} changes")
        case .proposalOneChange: return ("1 Änderung", "1 change")
        case .proposalNewService: return ("neues Angebot", "new service")
        case .proposalOpen: return ("offen", "open")
        case .proposalRejected: return ("abgelehnt", "rejected")
        case .proposalStale: return ("Das Angebot wurde geändert, nachdem der Vorschlag gemacht wurde. Vergleichen Sie bitte mit dem aktuellen Stand.", "The service changed after this proposal was made. Please compare with the current state.")
        case .proposalTitle: return ("Vorschlag", "Proposal")
        case .proposalsTitle: return ("Vorschläge", "Proposals")
        case .proposeChange: return ("Änderung vorschlagen", "Propose a change")
        case .proposeNewService: return ("Neues Angebot vorschlagen", "Propose a new service")
        case .proposedStateTitle: return ("Vorgeschlagener Stand", "Proposed state")
        case .reachSentence: return ("Das nächste Angebot soll höchstens {k} km (Luftlinie) vom Gemeindemittelpunkt entfernt sein.", "The nearest service should be at most {k} km (straight line) from each municipality's centre.")
        case .rejectProposal: return ("Ablehnen", "Reject")
        case .roundAnswered: return ("Sie haben in dieser Erhebung geantwortet. Danke!", "You have answered this round. Thank you!")
        case .roundClosed: return ("abgeschlossen", "closed")
        case .roundHowTo: return ("Prüfen Sie Ihre Angebote. Ändern Sie, was nicht mehr stimmt, oder bestätigen Sie, dass alles unverändert ist.", "Check your services. Change what is no longer right, or confirm that everything is unchanged.")
        case .roundOpen: return ("offen", "open")
        case .roundOverdue: return ("Die Frist ist abgelaufen; nicht alle Träger haben geantwortet.", "The deadline has passed; not every provider has answered.")
        case .roundsIntro: return ("In einer Bestandserhebung prüfen die Träger ihre Angebote. Ihre Änderungen sind Vorschläge, bis die Sozialplanung sie übernimmt.", "In a survey round the providers check their services. Their changes are proposals until social planning accepts them.")
        case .roundsTitle: return ("Bestandserhebungen", "Survey rounds")
        case .scoreLabel: return ("Wahrscheinlichkeit", "Likelihood")
        case .sectionAccess: return ("Zugang und Kontakt", "Access and contact")
        case .sectionCapacity: return ("Kapazität (gemeldete Zahlen)", "Capacity (reported figures)")
        case .sectionGeneral: return ("Angebot", "Service")
        case .sectionPlace: return ("Ort und Einzugsgebiet", "Place and service area")
        case .sectionTargetGroup: return ("Zielgruppe", "Target group")
        case .serviceAreaHint: return ("Gemeinden, für die das Angebot zuständig ist", "Municipalities the service is responsible for")
        case .servicesIntro: return ("Der Bestand der Beratungs- und Unterstützungsangebote im Kreis. Jede Änderung wird als Version aufbewahrt.", "The county's inventory of counselling and support services. Every change is kept as a version.")
        case .servicesTitle: return ("Angebote", "Services")
        case .setStandard: return ("Standard festlegen", "Set a standard")
        case .sexDiverse: return ("divers", "diverse")
        case .sexFemale: return ("weiblich", "female")
        case .sexMale: return ("männlich", "male")
        case .sexesHint: return ("Nichts gewählt heißt: für alle.", "None chosen means: for everyone.")
        case .show: return ("Anzeigen", "Show")
        case .signLanguageText: return ("Gebärdensprache möglich", "Sign language available")
        case .staffHint: return ("Eine Zeile je Beruf, z. B. „Sozialarbeit: 1,5“ (Vollzeitäquivalente)", "One line per profession, e.g. “Social work: 1.5” (full-time equivalents)")
        case .staleLegend: return ("Geänderter Stand", "Changed state")
        case .standardReplacesHint: return ("Ein vorhandener Standard der Kategorie wird ersetzt; die Änderung steht im Protokoll.", "An existing standard of the category is replaced; the change is logged.")
        case .standardSentence: return ("mindestens {f} VZÄ je {n} Einwohnerinnen und Einwohner", "at least {f} FTE per {n} inhabitants")
        case .standardsIntro: return ("Planungsstandards sagen, wie viel Angebot eine Bevölkerung braucht, mit Quelle und Wortlaut.", "Planning standards say how much of a service a population needs, with source and wording.")
        case .standardsTitle: return ("Planungsstandards", "Planning standards")
        case .statusTemporarilyClosed: return ("vorübergehend geschlossen", "temporarily closed")
        case .stepFreeText: return ("stufenlos erreichbar", "step-free access")
        case .surveyDeadline: return ("Bitte antworten Sie bis zum {d}.", "Please answer by {d}.")
        case .surveyRoundLabel: return ("Bestandserhebung", "Survey round")
        case .temporarilyClosedNotice: return ("Dieses Angebot ist vorübergehend geschlossen.", "This service is temporarily closed.")
        case .totalPopulation: return ("Einwohnerinnen und Einwohner insgesamt", "All inhabitants")
        case .verdictJustified: return ("begründet", "justified")
        case .verdictLabel: return ("Einschätzung", "Verdict")
        case .verdictNone: return ("– bitte wählen –", "– please choose –")
        case .verdictRequired: return ("Bitte wählen Sie eine Einschätzung.", "Please choose a verdict.")
        case .verdictToReview: return ("zu prüfen", "to be reviewed")
        case .versionsTitle: return ("Versionen", "Versions")
        case .yes: return ("ja", "yes")
        }
    }
}

extension Texts {
    public func callAsFunction(_ key: ServiceText) -> String {
        let (de, en) = key.pair
        return language == .de ? de : en
    }
}
