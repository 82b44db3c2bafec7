import Foundation
import SoplaCore

/// The audit log's changes as people read them: field codes as the forms name them, stored values as the pages show them
/// ("Status: empfohlen → bewilligt", not "state: recommended → approved"). A code or value it does not know stays as it is.
public enum AuditWords {
    /// "Telefon: – → 06441 1" for a change of a record of `entity` (an `AuditEntity` type or "funding-application" and the like).
    /// `names` holds the names of records referred to by id (lower-case id → name), so no id shows.
    public static func change(_ change: FieldChange, entity: String, _ language: Language, names: [String: String] = [:]) -> String {
        "\(field(change.field, entity: entity, language)): \(value(change.before, field: change.field, entity: entity, language, names: names))"
            + " → \(value(change.after, field: change.field, entity: entity, language, names: names))"
    }

    // MARK: Fields

    public static func field(_ code: String, entity: String, _ language: Language) -> String {
        if let label = entityLabels[entity]?[code] ?? labels[code] { return label.text(language) }
        let de = language == .de
        if code.hasPrefix("fte."), code.count > 4 {
            return (de ? "Vollzeitäquivalente " : "Full-time equivalents ") + code.dropFirst(4)
        }
        if code.hasPrefix("population "), let day = Day(iso: String(code.dropFirst(11))) {
            return Texts(language)(.columnPopulation) + " " + Format.day(day, language)
        }
        return code
    }

    /// The label of a field code where one is known; nil for codes no catalogue names.
    public static func knownField(_ code: String, _ language: Language) -> String? {
        let base = code.hasSuffix("[]") ? String(code.dropLast(2)) : code
        return labels[base]?.text(language)
    }

    /// A label from one of the catalogues, or words of its own where no form names the field.
    enum Label: Sendable {
        case core(TextKey), funding(FundingText), participation(ParticipationText), indicator(IndicatorText), service(ServiceText)
        case report(ReportText), release(ReleaseText)
        case words(String, String)

        func text(_ language: Language) -> String {
            let t = Texts(language)
            switch self {
            case .core(let key): return t(key)
            case .funding(let key): return t(key)
            case .participation(let key): return t(key)
            case .indicator(let key): return t(key)
            case .service(let key): return t(key)
            case .report(let key): return t(key)
            case .release(let key): return t(key)
            case .words(let de, let en): return language == .de ? de : en
            }
        }
    }

    /// Field codes of every record kind (the `auditFields` of Core and Store, and the properties of the JSON documents of
    /// funding, participation and reports) with the label they have wherever the meaning is the same.
    static let labels: [String: Label] = [
        // Accounts
        "name": .core(.columnName), "shortName": .core(.fieldShortName), "kind": .core(.fieldKind), "parentId": .core(.fieldParent),
        "email": .core(.fieldEmail), "phone": .core(.fieldPhone), "website": .core(.fieldWebsite), "street": .core(.fieldStreet),
        "postcode": .core(.fieldPostcode), "city": .core(.fieldCity), "active": .core(.fieldStatus), "displayName": .core(.fieldDisplayName),
        "roles": .core(.fieldRoles), "grants": .core(.fieldGrants), "organisations": .core(.fieldOrganisations), "scope": .core(.fieldScope),
        "purpose": .words("Zweck", "Purpose"), "id": .words("ID", "ID"),
        // Spatial units
        "key": .core(.columnKey), "ars": .core(.regionalKey), "level": .core(.columnLevel), "parentKey": .core(.columnParent),
        "areaHectares": .words("Fläche (ha)", "Area (ha)"), "point": .words("Lagepunkt (Länge Breite)", "Location (longitude latitude)"),
        "boundaryValidFrom": .words("Grenzen gültig ab", "Boundaries valid from"),
        "boundaryValidTo": .words("Grenzen gültig bis", "Boundaries valid until"),
        // Variables, indicators, imports, reference values, validation rules
        "code": .indicator(.fieldCode), "nameDE": .indicator(.fieldNameDE), "nameEN": .indicator(.fieldNameEN),
        "definitionDE": .indicator(.fieldDefinitionDE), "definitionEN": .indicator(.fieldDefinitionEN), "topic": .indicator(.fieldTopic),
        "numerator": .indicator(.columnNumerator), "denominator": .indicator(.columnDenominator), "factor": .indicator(.fieldFactor),
        "polarity": .indicator(.fieldPolarity), "decimals": .indicator(.fieldDecimals), "minimumCount": .indicator(.fieldMinimumCount),
        "levels": .indicator(.fieldLevels), "state": .core(.fieldStatus), "unit": .indicator(.fieldUnit), "source": .core(.columnSource),
        "tableCode": .indicator(.fieldTableCode), "licence": .indicator(.fieldLicence), "isCount": .words("Fallzahl", "Count"),
        "target": .indicator(.fieldTarget), "threshold": .indicator(.fieldThreshold), "label": .indicator(.fieldLabel),
        "value": .indicator(.columnValue), "regionName": .words("Gebietsname", "Name of the area"), "status": .core(.fieldStatus),
        "importRun": .indicator(.entityDataImport), "inserted": .indicator(.columnInserted), "revised": .indicator(.columnRevised),
        "sha256": .words("Prüfsumme (SHA-256)", "Checksum (SHA-256)"), "releaseReason": .release(.releaseReasonLabel),
        "withdrawalReason": .words("Begründung der Rücknahme", "Reason for the withdrawal"),
        // Services, categories, planning standards, survey rounds, proposals
        "legalBasis": .service(.fieldLegalBasis), "communalised": .service(.fieldCommunalised), "description": .service(.fieldDescription),
        "category": .service(.fieldCategory), "minAge": .service(.fieldMinAge), "maxAge": .service(.fieldMaxAge), "sexes": .service(.fieldSexes),
        "situations": .service(.fieldSituations), "preventive": .service(.fieldPreventive), "languages": .service(.fieldLanguages),
        "stepFree": .service(.fieldStepFree), "signLanguage": .service(.fieldSignLanguage), "fees": .service(.fieldFees),
        "eligibility": .service(.fieldEligibility), "howToApply": .service(.fieldHowToApply), "openingHours": .service(.fieldOpeningHours),
        "outreach": .service(.fieldOutreach), "addressProtected": .service(.fieldAddressProtected), "synonyms": .service(.fieldSynonyms), "serviceArea": .service(.fieldServiceArea), "places": .service(.fieldPlaces),
        "casesPerYear": .service(.fieldCasesPerYear), "referenceYear": .service(.fieldReferenceYear), "locations": .words("Orte", "Places"),
        "areaShares": .service(.fieldAreaShares), "fte": .service(.fieldStandardFTE), "inhabitants": .service(.fieldStandardInhabitants),
        "population": .service(.fieldReferencePopulation), "maxDistanceKm": .service(.fieldMaxDistance), "text": .words("Text", "Text"),
        "customValues": .service(.fieldCustomValues), "title": .participation(.columnTitle), "opensOn": .service(.fieldOpensOn),
        "deadline": .service(.fieldDeadline), "closed": .words("Abgeschlossen", "Closed"), "unchanged": .words("Unverändert bestätigt", "Confirmed unchanged"),
        "service": .service(.entityService), "changes": .core(.fieldChanges), "note": .service(.columnNote), "answer": .service(.columnProviderAnswer), "verdict": .words("Einschätzung", "Verdict"),
        // Funding
        "guidelinePaperID": .funding(.fieldGuideline),
        "guidelineVersion": .words("Fassung der Richtlinie", "Version of the guideline"), "criteria": .funding(.criteriaTitle),
        "checklist": .funding(.checklistTitle), "budgetLines": .funding(.budgetLinesTitle), "callOpens": .funding(.fieldCallOpens),
        "callCloses": .funding(.fieldCallCloses), "eligibleCategories": .funding(.fieldEligibleCategories),
        "preventivePriority": .funding(.fieldPreventivePriority), "programmeID": .funding(.columnProgramme),
        "organisationID": .funding(.columnOrganisation), "organisation": .words("Organisation", "Organisation"), "serviceIDs": .funding(.fieldServices), "year": .funding(.columnYear),
        "budgetLineID": .funding(.columnBudgetLine), "requested": .funding(.columnRequested), "costPlan": .funding(.costPlanTitle),
        "answers": .words("Antworten zur Checkliste", "Checklist answers"), "history": .funding(.historyTitle2),
        "changeRequest": .funding(.changeRequested), "granted": .funding(.columnGranted), "resolutionID": .funding(.fieldResolution),
        "submittedAt": .words("Eingereicht am", "Submitted on"), "reviewers": .words("Begutachtende", "Reviewers"),
        "applicationID": .funding(.columnApplication), "reviewerID": .words("Begutachtende Person", "Reviewer"),
        "scores": .funding(.columnScore), "proposedAmount": .funding(.proposedAmount), "reference": .funding(.fieldReference),
        "start": .funding(.fieldStart), "end": .funding(.fieldEnd), "financing": .funding(.fieldFinancing),
        "sharePercent": .funding(.fieldSharePercent), "amounts": .funding(.fieldAmounts), "targets": .funding(.targetsTitle),
        "qualityStandards": .funding(.qualityStandardsTitle), "conditions": .funding(.conditionsTitle), "total": .core(.total),
        "agreementID": .core(.entityFundingAgreement), "amount": .funding(.columnAmount), "requestedAt": .words("Angefordert am", "Requested on"),
        "requestedBy": .words("Angefordert von", "Requested by"), "decidedBy": .words("Entschieden von", "Decided by"),
        "paidOn": .words("Ausgezahlt am", "Paid on"), "narrative": .funding(.fieldNarrative), "costs": .funding(.fieldCostComparison),
        "ownFunds": .funding(.fieldOwnFunds), "otherFunding": .funding(.fieldOtherFunding), "receipts": .funding(.fieldReceipts),
        "actuals": .words("Erreichte Werte", "Actual values"), "contentVerdict": .words("Inhaltliche Prüfung", "Content review"),
        "contentNote": .words("Anmerkung zur inhaltlichen Prüfung", "Note on the content review"),
        "financeVerdict": .words("Finanzielle Prüfung", "Financial review"), "financeNote": .funding(.fieldFinanceNote),
        "actualCosts": .words("Tatsächliche Kosten", "Actual costs"), "date": .participation(.fieldMeetingDate),
        "participants": .funding(.fieldParticipants), "agenda": .funding(.agendaTitle2), "findings": .funding(.fieldFindings),
        "measureIDs": .funding(.fieldAgreedMeasures), "minutes": .funding(.fieldMinutes), "declaredAt": .words("Erklärt am", "Declared on"),
        // Participation
        "parentID": .core(.columnParent), "isPublic": .words("Öffentlich", "Public"), "terms": .words("Wahlperioden", "Terms"),
        "userID": .core(.entityUser), "personID": .participation(.columnPerson), "bodyID": .participation(.columnBody),
        "role": .participation(.columnRole), "onBehalfOf": .participation(.columnOnBehalfOf), "votingRight": .participation(.columnVoting),
        "meetingID": .core(.entityMeeting), "location": .participation(.columnWhere), "number": .participation(.fieldItemNumber),
        "paperIDs": .words("Vorlagen", "Papers"), "result": .words("Ergebnis", "Result"), "resolutionText": .participation(.fieldResolutionText),
        "statuses": .core(.entityAttendance), "type": .core(.fieldKind), "originator": .participation(.fieldOriginator),
        "paperID": .core(.entityPaper), "paper": .core(.entityPaper), "createdAt": .core(.fieldCreatedAt), "createdBy": .words("Angelegt von", "Created by"),
        "answersConsultation": .words("Antwort auf das Verfahren", "Answers the consultation"), "version": .words("Fassung", "Version"),
        "bodies": .participation(.fieldInvitedBodies), "opensAt": .words("Beginn", "Opens"), "processID": .core(.entityStatementProcess),
        "author": .words("Verfasst von", "Author"), "section": .participation(.fieldSection), "statementID": .core(.entityStatement),
        "decision": .participation(.fieldDecision), "reason": .participation(.fieldReason), "agendaItemID": .core(.entityAgendaItem),
        "vote": .words("Abstimmung", "Vote"), "paperVersion": .words("Fassung der Vorlage", "Paper version"),
        "responsibleOrganisation": .words("Zuständige Organisation", "Responsible organisation"),
        "responsiblePerson": .words("Zuständige Person", "Responsible person"), "due": .participation(.columnDue),
        "progress": .participation(.columnProgress), "weight": .participation(.fieldWeight), "indicatorCodes": .participation(.fieldIndicators),
        "unitKeys": .words("Gebiete", "Areas"), "dialogueID": .core(.entityFundingDialogue), "publishedAt": .words("Veröffentlicht am", "Published on"),
        "measureID": .participation(.columnMeasure), "phases": .participation(.phasesTitle), "serviceCategories": .words("Angebotsbereiche", "Service categories"),
        "currentPhase": .words("Aktuelle Phase", "Current phase"), "subject": .words("Betreff", "Subject"), "body": .words("Nachricht", "Message"),
        "link": .words("Link", "Link"), "read": .words("Gelesen", "Read"), "size": .words("Größe (Bytes)", "Size (bytes)"),
        "sha1": .words("Prüfsumme (SHA-1)", "Checksum (SHA-1)"),
        "calendarLink": .words("Persönlicher Kalender-Link", "Personal calendar link"),
        // Grant notices and their sender
        "authority": .words("Behörde", "Authority"), "department": .words("Organisationseinheit", "Office"),
        "contact": .words("Ansprechperson", "Contact person"), "fileNumberPrefix": .words("Vorsatz des Aktenzeichens", "File number prefix"),
        "signatory": .words("Unterzeichnende Person", "Signatory"), "signatoryRole": .words("Funktion der unterzeichnenden Person", "Signatory's role"),
        "generalConditions": .words("Allgemeine Nebenbestimmungen", "General conditions"), "legalRemedy": .words("Rechtsbehelfsbelehrung", "Legal remedy instruction"),
        "fileNumber": .words("Aktenzeichen", "File number"), "issuedOn": .words("Datum des Bescheids", "Date of the notice"),
        // Reports
        "reportingDate": .words("Berichtsstichtag", "Reporting date"), "territorialStatus": .report(.territorialStatusLabel),
        "chapters": .words("Kapitel", "Chapters"), "blocks": .words("Bausteine", "Blocks"), "reportID": .core(.entityReport),
        "report": .core(.entityReport), "builtBy": .words("Erstellt von", "Built by"), "reviewPaperID": .words("Vorlage zur Beratung", "Paper for consultation"),
    ]

    /// Where one code means something else in one kind of record.
    static let entityLabels: [String: [String: Label]] = [
        AuditEntity.planningStandard: ["source": .service(.fieldStandardSource), "text": .service(.fieldStandardText)],
        AuditEntity.surveyRound: ["title": .service(.fieldRoundTitle), "organisations": .service(.fieldOrganisationsAsked)],
        AuditEntity.service: ["name": .service(.fieldServiceName), "status": .service(.fieldServiceStatus)],
        AuditEntity.serviceCategory: ["code": .service(.fieldCategoryCode), "nameDE": .service(.fieldCategoryNameDE), "nameEN": .service(.fieldCategoryNameEN)],
        AuditEntity.referenceValue: ["date": .core(.columnReferenceDate), "status": .words("Kennzeichen", "Flag")],
        AuditEntity.validationRule: ["kind": .indicator(.fieldRule)],
        AuditEntity.dataImport: ["state": .release(.columnRelease)],
        "funding-programme": ["source": .funding(.columnFundingSource)],
        "funding-application": ["title": .funding(.fieldApplicationTitle)],
        "funding-review": ["kind": .words("Teil der Begutachtung", "Part of the review")],
        "funding-proof": ["costs": .funding(.fieldCostComparison), "otherFunding": .funding(.fieldOtherFunding)],
        "funding-dialogue": ["date": .funding(.fieldDialogueDate)],
        "funding-conflict": ["note": .funding(.fieldConflictNote)],
        "participation-body": ["shortName": .participation(.fieldShortBodyName)],
        "participation-membership": ["start": .participation(.fieldMembershipStart)],
        "participation-meeting": ["name": .participation(.fieldMeetingName), "start": .participation(.fieldStartTime), "end": .participation(.fieldEndTime)],
        "participation-agenda-item": ["title": .participation(.fieldItemTitle), "role": .participation(.fieldConsultationRole)],
        "participation-paper-version": ["number": .words("Fassung", "Version"), "text": .participation(.fieldPaperText)],
        "participation-statement-process": ["organisations": .participation(.fieldInvitedOrganisations), "deadline": .participation(.fieldStatementDeadline)],
        "participation-statement": ["text": .participation(.fieldStatement)],
        "participation-measure": ["parentID": .participation(.fieldParentMeasure)],
        "participation-milestone": ["text": .participation(.fieldMilestone)],
        "report-report": ["title": .report(.fieldReportTitle)],
        "report-edition": ["number": .words("Ausgabe", "Edition")],
        "grant-notice": ["number": .words("Nummer des Bescheids", "Number of the notice")],
    ]

    // MARK: Values

    /// A stored value in words: names instead of codes, German numbers, dates and money, a summary instead of JSON.
    public static func value(_ stored: String?, field: String, entity: String, _ language: Language, names: [String: String] = [:]) -> String {
        guard let stored, !stored.isEmpty else { return "–" }
        if spatialKeyFields.contains(field), let named = areas(stored, names: names) { return named }
        if let named = referenced(stored, names: names, language) { return named }
        if let name = name(stored, field: field, entity: entity, language) { return name }
        if decimalFields.contains(field) || field.hasPrefix("fte.") || (field == "value" && entity == AuditEntity.referenceValue),
           let number = decimal(stored, language) {
            return number
        }
        if field == "point", entity == AuditEntity.spatialUnit {
            let parts = stored.split(separator: " ").map { decimal(String($0), language) }
            if parts.count == 2, !parts.contains(nil) { return parts.compactMap { $0 }.joined(separator: " ") }
        }
        if countFields.contains(field) || field.hasPrefix("population ") || (field == "organisations" && entity == AuditEntity.surveyRound),
           let count = Int(stored) {
            return Format.integer(count, language)
        }
        if stored == "true" || stored == "false" || (flagFields.contains(field) && (stored == "ja" || stored == "nein")) {
            return yesNo(stored == "true" || stored == "ja", language)
        }
        if let day = Day(iso: stored), stored.count == 10 { return Format.day(day, language) }
        if let moment = moment(stored) { return DateText.dateTime(moment, language) }
        if stored.first == "{" || stored.first == "[", let json = try? JSONSerialization.jsonObject(with: Data(stored.utf8)) {
            return summary(json, language) ?? stored
        }
        return stored
    }

    /// An id, or a JSON list of ids, by the names of the records; where names were looked up, an id without one is a
    /// record no longer there. Without names (nothing looked up) nil.
    static func referenced(_ stored: String, names: [String: String], _ language: Language) -> String? {
        guard !names.isEmpty else { return nil }
        func name(_ text: String) -> String? {
            guard text.count == 36, let id = UUID(uuidString: text) else { return nil }
            return names[id.uuidString.lowercased()] ?? (language == .de ? "(nicht mehr vorhanden)" : "(no longer there)")
        }
        if let single = name(stored) { return single }
        guard stored.first == "[", let list = (try? JSONSerialization.jsonObject(with: Data(stored.utf8))) as? [String], !list.isEmpty else { return nil }
        let named = list.map(name)
        guard !named.contains(where: { $0 == nil }) else { return nil }
        return named.compactMap { $0 }.joined(separator: ", ")
    }

    /// Fields holding keys of areas ("06532023"), shown by the areas' names where `names` has them.
    public static let spatialKeyFields: Set<String> = ["unitKeys", "spatialUnitKey", "unitKey"]

    static func areas(_ stored: String, names: [String: String]) -> String? {
        if let name = names[stored] { return name }
        guard stored.first == "[", let list = (try? JSONSerialization.jsonObject(with: Data(stored.utf8))) as? [String] else { return nil }
        return list.isEmpty ? "–" : list.map { names[$0] ?? $0 }.joined(separator: ", ")
    }

    /// Floating numbers: "25.0" → "25", "0.75" → "0,75".
    static let decimalFields: Set<String> = ["fte", "maxDistanceKm", "threshold", "areaHectares", "progress", "weight", "baseline"]
    /// Whole numbers people read as amounts: "52955" → "52.955" (not years, postcodes or numbers of items).
    static let countFields: Set<String> = ["inhabitants", "places", "casesPerYear", "minimumCount", "inserted", "revised", "factor", "size", "changes"]
    /// Flags stored as "ja"/"nein" (the English page says yes/no).
    static let flagFields: Set<String> = ["isCount", "communalised", "preventive", "stepFree", "signLanguage", "outreach", "addressProtected", "closed", "unchanged"]

    /// The name the pages use for a code of `field` in a record of `entity`; nil where the value is not such a code.
    static func name(_ code: String, field: String, entity: String, _ language: Language) -> String? {
        let t = Texts(language)
        switch (entity, field) {
        case (_, "active"): return code == "true" ? t(.statusActive) : code == "false" ? t(.statusInactive) : nil
        case (AuditEntity.organisation, "kind"): return OrganisationKind(rawValue: code).map { AccountNames.kind($0, language) }
        case (AuditEntity.user, "roles"):
            let roles = code.split(separator: ",").map { Role(rawValue: String($0)) }
            return roles.contains(nil) ? nil : AccountNames.roles(Set(roles.compactMap { $0 }), language)
        case (AuditEntity.user, "grants"): return list(code) { Grant(rawValue: $0).map { AccountNames.grant($0, language) } }
        case (_, "scope"): return TokenScope(rawValue: code).map { AccountNames.scope($0, language) }
        case (AuditEntity.user, "purpose"): return AccessLinkPurpose(rawValue: code).map { purpose($0, language) }
        case (AuditEntity.spatialUnit, "level"): return levelName(code, language)
        case (AuditEntity.indicator, "levels"): return list(code) { levelName($0, language) }
        case (AuditEntity.variable, "state"), (AuditEntity.indicator, "state"):
            return CatalogueState(rawValue: code).map { CatalogueLifecycleViews.stateName($0, language) }
        case (_, "topic"): return IndicatorTopic(rawValue: code).map { IndicatorNames.topic($0, language) }
        case (_, "polarity"): return Polarity(rawValue: code).map { IndicatorNames.polarity($0, language) }
        case (AuditEntity.validationRule, "kind"): return ValidationRule.Kind(rawValue: code).map { IndicatorNames.ruleKind($0, language) }
        case (AuditEntity.referenceValue, "status"): return ValueStatus(rawValue: code).map { IndicatorNames.status($0, language) }
        case (AuditEntity.dataImport, "state"): return ImportRelease.State(rawValue: code).map { releaseState($0, language) }
        case (AuditEntity.service, "status"): return ServiceStatus(rawValue: code).map { ServiceNames.status($0, language) }
        case (AuditEntity.service, "sexes"): return list(code, separator: ", ") { Sex(rawValue: $0).map { ServiceNames.sex($0, language) } }
        case (AuditEntity.serviceProposal, "state"): return ServiceProposal.State(rawValue: code).map { ProposalSummary.stateName($0, t) }
        case (AuditEntity.duplicateReview, "verdict"): return DuplicateReview.Verdict(rawValue: code).map { ServiceNames.verdict($0, language) }
        case (AuditEntity.planningStandard, "population"): return code == "total" ? t(ServiceText.totalPopulation) : nil
        case (AuditEntity.user, "calendarLink"):
            return code == "new" ? (language == .de ? "neuer Link" : "new link") : code == "old" ? (language == .de ? "bisheriger Link" : "previous link") : nil
        case ("funding-application", "state"): return ApplicationState(rawValue: code).map { FundingNames.state($0, t) }
        case ("funding-drawdown", "state"): return Drawdown.State(rawValue: code).map { FundingNames.drawdownState($0, t) }
        case ("funding-agreement", "financing"): return FinancingType(rawValue: code).map { FundingNames.financing($0, t) }
        case ("funding-programme", "source"): return FundingSource(rawValue: code).map { FundingNames.source($0, t) }
        case ("funding-review", "kind"): return ReviewKind(rawValue: code).map { FundingNames.reviewKind($0, t) }
        case ("funding-proof", "contentVerdict"), ("funding-proof", "financeVerdict"): return ReviewVerdict(rawValue: code).map { FundingNames.verdict($0, t) }
        case ("participation-body", "kind"): return BodyKind(rawValue: code).map { ParticipationNames.kind($0, t) }
        case ("participation-membership", "role"): return MembershipRole(rawValue: code).map { ParticipationNames.role($0, t) }
        case ("participation-meeting", "state"): return MeetingState(rawValue: code).map { ParticipationNames.state($0, t) }
        case ("participation-measure", "status"): return MeasureStatus(rawValue: code).map { ParticipationNames.status($0, t) }
        case ("participation-paper", "type"): return PaperType(rawValue: code).map { ParticipationNames.paperType($0, t) }
        case ("participation-agenda-item", "role"): return ConsultationRole(rawValue: code).map { ParticipationNames.consultationRole($0, t) }
        case ("participation-statement-response", "decision"):
            return StatementResponse.Decision(rawValue: code).map { StatementNames.decision($0, t) }
        case ("participation-resolution", "vote"):
            return (try? JSONDecoder().decode(Vote.self, from: Data(code.utf8))).map { MeetingPage.voteText($0, t) }
        case ("participation-attendance", "statuses"):
            // Keyed by UUID, so JSON holds the dictionary as a flat array: id, status, id, status, …
            guard let pairs = (try? JSONDecoder().decode([String].self, from: Data(code.utf8))) else { return nil }
            let statuses = stride(from: 1, to: pairs.count, by: 2).map { AttendanceStatus(rawValue: pairs[$0]) }
            guard !statuses.contains(nil) else { return nil }
            guard !statuses.isEmpty else { return none(language) }
            return AttendanceStatus.allCases.compactMap { status in
                let count = statuses.filter { $0 == status }.count
                return count == 0 ? nil : "\(ParticipationNames.attendance(status, t)): \(count)"
            }.joined(separator: " · ")
        case ("funding-proof", "actuals"):
            // Keyed by UUID, so JSON holds the dictionary as a flat array: target, value, target, value, …
            guard let pairs = (try? JSONSerialization.jsonObject(with: Data(code.utf8))) as? [Any] else { return nil }
            return entries(pairs.count / 2, language)
        default: return nil
        }
    }

    static func entries(_ count: Int, _ language: Language) -> String {
        guard count > 0 else { return none(language) }
        let de = language == .de
        return count == 1 ? (de ? "1 Eintrag" : "1 entry") : (de ? "\(count) Einträge" : "\(count) entries")
    }

    /// Each code of a list stored as "a,b" in words; nil (the codes as they are) when one is unknown.
    static func list(_ text: String, separator: String = ",", _ word: (String) -> String?) -> String? {
        let codes = text.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let words = codes.compactMap(word)
        return words.count == codes.count ? words.joined(separator: ", ") : nil
    }

    static func levelName(_ code: String, _ language: Language) -> String? {
        SpatialLevelCatalogue.standard.level(code: code).map { language == .de ? $0.nameDE : $0.nameEN }
    }

    static func purpose(_ purpose: AccessLinkPurpose, _ language: Language) -> String {
        switch purpose {
        case .invitation: return language == .de ? "Einladung" : "Invitation"
        case .passwordReset: return Texts(language)(.resetTitle)
        }
    }

    static func releaseState(_ state: ImportRelease.State, _ language: Language) -> String {
        let de = language == .de
        switch state {
        case .unreleased: return Texts(language)(ReleaseText.releaseStateUnreleased)
        case .released: return de ? "freigegeben" : "released"
        case .withdrawn: return de ? "zurückgezogen" : "withdrawn"
        }
    }

    static func yesNo(_ yes: Bool, _ language: Language) -> String {
        Texts(language)(yes ? FundingText.yesWord : FundingText.noWord)
    }

    static func none(_ language: Language) -> String {
        language == .de ? "keine" : "none"
    }

    /// A floating number with as many decimals as it has (at most six), in the reader's notation.
    static func decimal(_ text: String, _ language: Language) -> String? {
        guard let number = Double(text), number.isFinite else { return nil }
        var result = Format.decimal(number, digits: 6, language)
        let separator: Character = language == .de ? "," : "."
        guard result.contains(separator), !result.contains("e") else { return result }
        while result.last == "0" { result.removeLast() }
        if result.last == separator { result.removeLast() }
        return result
    }

    /// A moment as JSON stores it: "2026-10-04T10:00:00Z".
    static func moment(_ text: String) -> Date? {
        guard text.count >= 20, text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/) != nil else { return nil }
        let formatter = ISO8601DateFormatter()
        if text.contains(".") { formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds] }
        return formatter.date(from: text)
    }

    /// "12.01.2027, 17:00" in Berlin time (the English page: "2027-01-12, 17:00").
    /// JSON in a few words: money, amounts per year, short lists of words, a title or name, or how many entries.
    static func summary(_ json: Any, _ language: Language) -> String? {
        let de = language == .de
        if let money = money(json) { return Format.money(money, language) }
        if let object = json as? [String: Any] {
            guard !object.isEmpty else { return none(language) }
            let years = object.compactMap { key, value in Int(key).flatMap { year in money(value).map { (year, $0) } } }
            if years.count == object.count {
                return years.sorted { $0.0 < $1.0 }.map { "\($0.0): \(Format.money($0.1, language))" }.joined(separator: " · ")
            }
            for key in ["title", "name"] { if let text = object[key] as? String, !text.isEmpty { return text } }
            return object.count == 1 ? (de ? "1 Angabe" : "1 detail") : (de ? "\(object.count) Angaben" : "\(object.count) details")
        }
        if let array = json as? [Any] {
            guard !array.isEmpty else { return none(language) }
            let words = array.compactMap { $0 as? String }
            if words.count == array.count, !words.contains(where: { UUID(uuidString: $0) != nil }) {
                let joined = words.joined(separator: ", ")
                if joined.count <= 120 { return joined }
            }
            return entries(array.count, language)
        }
        return nil
    }

    /// `{"cents": N}`, as `Money` is stored.
    static func money(_ json: Any) -> Money? {
        guard let object = json as? [String: Any], object.count == 1, let cents = object["cents"] as? Int else { return nil }
        return Money(cents: cents)
    }
}
