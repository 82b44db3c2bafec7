import Foundation

/// Reads the lists people type into funding forms, one entry per line with fields separated by ";". A problem
/// names the field and the line: "Zeile 2: …".
public enum FundingEntry {
    public struct Parsed<Value: Sendable>: Sendable {
        public let values: [Value]
        public let issues: [ValidationIssue]
    }

    static func lines(_ text: String) -> [(number: Int, fields: [String])] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            return (index + 1, trimmed.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    static func problem(_ field: String, _ line: Int, _ problem: LineProblem) -> ValidationIssue {
        ValidationIssue(field, .inLine(line: line, problem: problem))
    }

    public static func money(_ text: String, field: String, line: Int? = nil) -> Result<Money, ValidationIssue> {
        switch Money.parse(text) {
        case .success(let value):
            guard Plausible.money.contains(value) else {
                return .failure(line.map { problem(field, $0, .outOfRange(.money)) } ?? Plausible.money.issue(field))
            }
            return .success(value)
        case .failure(let reason):
            let what: LineProblem
            switch reason {
            case .empty: return .failure(line.map { problem(field, $0, .amountMissing) } ?? ValidationIssue(field, .required))
            case .negative:
                return .failure(line.map { problem(field, $0, .outOfRange(.money)) } ?? Plausible.money.issue(field))
            case .moreThanTwoDecimals: what = .tooManyDecimals(String(text.prefix(20)))
            case .notANumber:
                // A number, but far too large for an amount (1e308, twenty digits): the range says what fits.
                if Plausible.number(text) != nil {
                    return .failure(line.map { problem(field, $0, .outOfRange(.money)) } ?? Plausible.money.issue(field))
                }
                what = .notAnAmount(String(text.prefix(20)))
            }
            return .failure(line.map { problem(field, $0, what) } ?? ValidationIssue(field, .unknownValue(String(text.prefix(20)))))
        }
    }

    /// "Bedarf im Sozialraum; 40; 5; Erläuterung" — name, weight in per cent, scale maximum, optional explanation.
    public static func criteria(_ text: String, existing: [AwardCriterion] = [], newID: () -> UUID = UUID.init) -> Parsed<AwardCriterion> {
        var values: [AwardCriterion] = [], issues: [ValidationIssue] = []
        for (number, fields) in lines(text) {
            guard fields.count >= 3, !fields[0].isEmpty else { issues.append(problem("criteria", number, .expected(.criteria))); continue }
            let weightText = fields[1].replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
            guard let weight = Int(weightText) else {
                // A number that is no whole number in range (1e308, 12,5): the range says what fits.
                let text: LineProblem = Plausible.number(weightText) != nil ? .outOfRange(.criterionWeight) : .notAWholeNumber(.weight, String(fields[1].prefix(20)))
                issues.append(problem("criteria", number, text)); continue
            }
            guard let scale = Int(fields[2]) else {
                let text: LineProblem = Plausible.number(fields[2]) != nil ? .outOfRange(.scaleMax) : .notAWholeNumber(.scale, String(fields[2].prefix(20)))
                issues.append(problem("criteria", number, text)); continue
            }
            // Out of range here, so that sums of weights and scores cannot overflow later.
            guard Plausible.criterionWeight.contains(weight) else { issues.append(problem("criteria", number, .outOfRange(.criterionWeight))); continue }
            guard Plausible.scaleMax.contains(scale) else { issues.append(problem("criteria", number, .outOfRange(.scaleMax))); continue }
            let id = existing.first { $0.name == fields[0] }?.id ?? newID()
            values.append(AwardCriterion(id: id, name: fields[0], explanation: fields.count > 3 ? fields[3...].joined(separator: "; ") : "", weight: weight, scaleMax: scale))
        }
        return Parsed(values: values, issues: issues)
    }

    public static func criteriaText(_ criteria: [AwardCriterion]) -> String {
        criteria.map { [$0.name, String($0.weight), String($0.scaleMax)] + ($0.explanation.isEmpty ? [] : [$0.explanation]) }.map { $0.joined(separator: "; ") }.joined(separator: "\n")
    }

    /// "Pflicht; Dokument; Konzept der Maßnahme" — required or optional, document or question, text.
    public static func checklist(_ text: String, existing: [ChecklistItem] = [], newID: () -> UUID = UUID.init) -> Parsed<ChecklistItem> {
        var values: [ChecklistItem] = [], issues: [ValidationIssue] = []
        for (number, fields) in lines(text) {
            guard fields.count >= 3, !fields[2].isEmpty else { issues.append(problem("checklist", number, .expected(.checklist))); continue }
            let required: Bool
            switch fields[0].lowercased() {
            case "pflicht", "required": required = true
            case "optional", "freiwillig": required = false
            default: issues.append(problem("checklist", number, .notAChoice(String(fields[0].prefix(20)), .requiredOrOptional))); continue
            }
            let kind: ChecklistItem.Kind
            switch fields[1].lowercased() {
            case "dokument", "document": kind = .document
            case "frage", "question": kind = .question
            default: issues.append(problem("checklist", number, .notAChoice(String(fields[1].prefix(20)), .documentOrQuestion))); continue
            }
            let text = fields[2...].joined(separator: "; ")
            values.append(ChecklistItem(id: existing.first { $0.text == text }?.id ?? newID(), text: text, kind: kind, required: required))
        }
        return Parsed(values: values, issues: issues)
    }

    public static func checklistText(_ items: [ChecklistItem]) -> String {
        items.map { ($0.required ? "Pflicht" : "optional") + "; " + ($0.kind == .document ? "Dokument" : "Frage") + "; " + $0.text }.joined(separator: "\n")
    }

    /// "2027; Jugendarbeit; 100.000,00; jugendarbeit" — year, name, amount, optional service category.
    public static func budgetLines(_ text: String, existing: [BudgetLine] = [], newID: () -> UUID = UUID.init) -> Parsed<BudgetLine> {
        var values: [BudgetLine] = [], issues: [ValidationIssue] = []
        for (number, fields) in lines(text) {
            guard fields.count >= 3, let year = Int(fields[0]), !fields[1].isEmpty else {
                issues.append(problem("budgetLines", number, .expected(.budgetLines))); continue
            }
            guard Plausible.fundingYear.contains(year) else { issues.append(problem("budgetLines", number, .outOfRange(.fundingYear))); continue }
            switch money(fields[2], field: "budgetLines", line: number) {
            case .failure(let issue): issues.append(issue)
            case .success(let amount):
                let category = fields.count > 3 && !fields[3].isEmpty ? fields[3] : nil
                let id = existing.first { $0.year == year && $0.name == fields[1] }?.id ?? newID()
                values.append(BudgetLine(id: id, year: year, name: fields[1], categoryID: category, amount: amount))
            }
        }
        return Parsed(values: values, issues: issues)
    }

    /// "2026; 48.000,00" — an agreement's amount per year; a year given twice is a problem of its second line.
    public static func yearAmounts(_ text: String) -> (amounts: [Int: Money], issues: [ValidationIssue]) {
        var amounts: [Int: Money] = [:], issues: [ValidationIssue] = []
        for (number, fields) in lines(text) {
            guard fields.count == 2, let year = Int(fields[0]) else { issues.append(problem("amounts", number, .expected(.yearAmounts))); continue }
            guard Plausible.fundingYear.contains(year) else { issues.append(problem("amounts", number, .outOfRange(.fundingYear))); continue }
            if amounts[year] != nil { issues.append(problem("amounts", number, .duplicateYear(year))); continue }
            switch money(fields[1], field: "amounts", line: number) {
            case .success(let amount): amounts[year] = amount
            case .failure(let issue): issues.append(issue)
            }
        }
        return (amounts, issues)
    }

    public static func budgetLinesText(_ lines: [BudgetLine]) -> String {
        lines.map { "\($0.year); \($0.name); \(german($0.amount))" + ($0.categoryID.map { "; " + $0 } ?? "") }.joined(separator: "\n")
    }

    /// "Personal: 22.000,00" or "Personal; 22.000,00" — name and amount.
    public static func costLines(_ text: String, field: String) -> Parsed<CostLine> {
        var values: [CostLine] = [], issues: [ValidationIssue] = []
        for (number, fields) in lines(text.replacingOccurrences(of: ":", with: ";")) {
            guard fields.count == 2, !fields[0].isEmpty else { issues.append(problem(field, number, .expected(.costLines))); continue }
            switch money(fields[1], field: field, line: number) {
            case .failure(let issue): issues.append(issue)
            case .success(let amount): values.append(CostLine(name: fields[0], amount: amount))
            }
        }
        return Parsed(values: values, issues: issues)
    }

    public static func costLinesText(_ lines: [CostLine]) -> String {
        lines.map { $0.name + ": " + german($0.amount) }.joined(separator: "\n")
    }

    /// "Output; Beratungsfälle; Fälle; 400; 350; steigt; sgb2_u18" — kind, name, unit, target, optional baseline, optional
    /// direction (steigt/sinkt), optional code of the social indicator (S3) the target should move; the reference date
    /// and unit come from the form.
    public static func targets(_ text: String, referenceDate: Day, existing: [AgreementTarget] = [], newID: () -> UUID = UUID.init) -> Parsed<AgreementTarget> {
        var values: [AgreementTarget] = [], issues: [ValidationIssue] = []
        for (number, fields) in lines(text) {
            guard fields.count >= 4, !fields[1].isEmpty else { issues.append(problem("targets", number, .expected(.targets))); continue }
            let kind: TargetKind
            switch fields[0].lowercased() {
            case "output", "leistung": kind = .output
            case "outcome", "wirkung": kind = .outcome
            default: issues.append(problem("targets", number, .notAChoice(String(fields[0].prefix(20)), .outputOrOutcome))); continue
            }
            guard let target = decimal(fields[3]), Plausible.observationValue.contains(target) else {
                issues.append(problem("targets", number, .notANumber(.target, String(fields[3].prefix(20))))); continue
            }
            var baseline: Double?
            if fields.count > 4, !fields[4].isEmpty {
                guard let value = decimal(fields[4]), Plausible.observationValue.contains(value) else {
                    issues.append(problem("targets", number, .notANumber(.baseline, String(fields[4].prefix(20))))); continue
                }
                baseline = value
            }
            let falls = fields.count > 5 && ["sinkt", "fallend", "falls"].contains(fields[5].lowercased())
            let id = existing.first { $0.name == fields[1] }?.id ?? newID()
            let indicator = fields.count > 6 && !fields[6].isEmpty ? fields[6] : nil
            values.append(AgreementTarget(id: id, name: fields[1], kind: kind, unit: fields[2], baseline: baseline, target: target, referenceDate: referenceDate,
                                          indicatorCode: indicator, higherIsBetter: !falls))
        }
        return Parsed(values: values, issues: issues)
    }

    /// "Personal; 100.000,00; 101.000,00" — cost item, planned, actual.
    public static func costComparisons(_ text: String) -> Parsed<CostComparison> {
        var values: [CostComparison] = [], issues: [ValidationIssue] = []
        for (number, fields) in lines(text) {
            guard fields.count == 3, !fields[0].isEmpty else { issues.append(problem("costs", number, .expected(.costComparisons))); continue }
            let planned = money(fields[1], field: "costs", line: number), actual = money(fields[2], field: "costs", line: number)
            switch (planned, actual) {
            case (.success(let p), .success(let a)): values.append(CostComparison(costItem: fields[0], planned: p, actual: a))
            case (.failure(let issue), _), (_, .failure(let issue)): issues.append(issue)
            }
        }
        return Parsed(values: values, issues: issues)
    }

    /// "B-17; 31.03.2026; Stadtwerke; Strom Q1; Sachkosten; 312,40" — number, date, payee, purpose, cost item, amount.
    public static func receipts(_ text: String) -> Parsed<Receipt> {
        var values: [Receipt] = [], issues: [ValidationIssue] = []
        for (number, fields) in lines(text) {
            guard fields.count == 6, !fields[0].isEmpty else { issues.append(problem("receipts", number, .expected(.receipts))); continue }
            guard let date = day(fields[1]) else { issues.append(problem("receipts", number, .unreadableDate(String(fields[1].prefix(20))))); continue }
            switch money(fields[5], field: "receipts", line: number) {
            case .failure(let issue): issues.append(issue)
            case .success(let amount): values.append(Receipt(number: fields[0], date: date, payee: fields[2], purpose: fields[3], costItem: fields[4], amount: amount))
            }
        }
        return Parsed(values: values, issues: issues)
    }

    /// "31.03.2026" or "2026-03-31", in 1900 … 2100.
    public static func day(_ text: String) -> Day? {
        Day(input: text)
    }

    /// "12,5" or "12.5"; nil for anything else, also "nan", "inf" and hexadecimal.
    public static func decimal(_ text: String) -> Double? {
        Plausible.number(text)
    }

    /// "1.234,56" — how the forms show an amount again.
    public static func german(_ amount: Money) -> String {
        let euros = String(abs(amount.cents) / 100)
        var grouped = ""
        for (index, character) in euros.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        let cents = abs(amount.cents) % 100
        return (amount.isNegative ? "-" : "") + String(grouped.reversed()) + "," + (cents < 10 ? "0" : "") + String(cents)
    }
}
