import Foundation
import SoplaCore

/// Form controls with labels, hints and error messages tied to their fields (WCAG 3.3.1, 3.3.2).
public struct FormBuilder: Sendable {
    public let language: Language
    public let issues: [ValidationIssue]

    public init(language: Language, issues: [ValidationIssue] = []) {
        self.language = language
        self.issues = issues
    }

    var t: Texts { Texts(language) }

    /// The hidden field every state-changing form sends back.
    public static func csrf(_ token: String) -> HTMLNode {
        el("input", [("type", "hidden"), ("name", "_csrf"), ("value", token)])
    }

    func messages(_ field: String) -> [String] {
        issues.filter { $0.field == field }.map { IssueText.message($0.problem, language) }
    }

    func described(_ field: String, hint: String?) -> (String?, [HTMLNode]) {
        var ids: [String] = []
        var nodes: [HTMLNode] = []
        if let hint {
            ids.append(field + "-hint")
            nodes.append(el("p", [("class", "hint"), ("id", field + "-hint")], text: hint))
        }
        let errors = messages(field)
        if !errors.isEmpty {
            ids.append(field + "-error")
            nodes.append(el("p", [("class", "field-error"), ("id", field + "-error")], text: errors.joined(separator: " ")))
        }
        return (ids.isEmpty ? nil : ids.joined(separator: " "), nodes)
    }

    /// A labelled input; `name` where the field name differs from its id (several forms of one kind on a page).
    public func text(_ field: String, label: String, value: String?, type: String = "text", required: Bool = false,
                     autocomplete: String? = nil, hint: String? = nil, maxLength: Int? = 200, name: String? = nil) -> HTMLNode {
        let (describedBy, notes) = described(field, hint: hint)
        let invalid = !messages(field).isEmpty
        return el("div", [("class", invalid ? "field invalid" : "field")], [
            el("label", [("for", field)], text: label + (required ? " *" : "")),
        ] + notes + [
            el("input", [("type", type), ("id", field), ("name", name ?? field), ("value", type == "password" ? nil : value ?? ""),
                         ("required", required ? "required" : nil), ("autocomplete", autocomplete),
                         ("maxlength", maxLength.map(String.init)), ("aria-describedby", describedBy),
                         ("aria-invalid", invalid ? "true" : nil)]),
        ])
    }

    /// A labelled text area with hint and error, like `text`.
    public func textArea(_ field: String, label: String, value: String?, required: Bool = false, hint: String? = nil, rows: Int = 3,
                         maxLength: Int = 4000) -> HTMLNode {
        let (describedBy, notes) = described(field, hint: hint)
        let invalid = !messages(field).isEmpty
        return el("div", [("class", invalid ? "field invalid" : "field")], [
            el("label", [("for", field)], text: label + (required ? " *" : "")),
        ] + notes + [
            el("textarea", [("id", field), ("name", field), ("rows", String(rows)), ("maxlength", String(maxLength)), ("required", required ? "required" : nil),
                            ("aria-describedby", describedBy), ("aria-invalid", invalid ? "true" : nil)], text: value ?? ""),
        ])
    }

    public func select(_ field: String, label: String, options: [(value: String, label: String)], selected: String?,
                       required: Bool = false, hint: String? = nil) -> HTMLNode {
        let (describedBy, notes) = described(field, hint: hint)
        let invalid = !messages(field).isEmpty
        return el("div", [("class", invalid ? "field invalid" : "field")], [
            el("label", [("for", field)], text: label + (required ? " *" : "")),
        ] + notes + [
            el("select", [("id", field), ("name", field), ("aria-describedby", describedBy), ("aria-invalid", invalid ? "true" : nil)],
               options.map { option in
                   el("option", [("value", option.value), ("selected", option.value == (selected ?? "") ? "selected" : nil)], text: option.label)
               }),
        ])
    }

    public func checkboxes(_ field: String, legend: String, options: [(value: String, label: String)], selected: Set<String>, hint: String? = nil) -> HTMLNode {
        let (describedBy, notes) = described(field, hint: hint)
        return el("fieldset", [("class", "checkboxes"), ("aria-describedby", describedBy)], [el("legend", text: legend)] + notes + options.enumerated().map { index, option in
            let id = "\(field)-\(index)"
            return el("div", [("class", "checkbox")], [
                el("input", [("type", "checkbox"), ("id", id), ("name", field + "[]"), ("value", option.value),
                             ("checked", selected.contains(option.value) ? "checked" : nil)]),
                el("label", [("for", id)], text: option.label),
            ])
        })
    }

    /// A summary at the top of a form that failed, linking to each field (focus moves there first).
    public func summary(labels: [String: String]) -> HTMLNode {
        guard !issues.isEmpty else { return .empty }
        return el("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("id", "fehler")], [
            el("h2", text: t(.formHasErrors)),
            el("ul", [], issues.map { issue in
                // Never the field's name in code: the page's label, else a common one, else the message alone.
                let label = labels[issue.field] ?? (issue.field == "file" ? t(.fieldFile) : nil)
                let target = labels[issue.field] == nil ? "#fehler" : "#" + issue.field
                // A range message names its field already (by the form's label where the range's is a general word).
                if case .outOfRange(let range) = issue.problem {
                    return el("li", [], [el("a", [("href", target)], text: IssueText.outOfRange(range, language, label: range.hasGeneralLabel ? labels[issue.field] : nil))])
                }
                return el("li", [], [el("a", [("href", target)], text: (label.map { $0 + ": " } ?? "") + IssueText.message(issue.problem, language))])
            }),
        ])
    }
}

/// Sentences for validation problems.
public enum IssueText {
    public static func message(_ problem: ValidationIssue.Problem, _ language: Language) -> String {
        let t = Texts(language)
        switch problem {
        case .required: return t(.issueRequired)
        case .tooLong(let max): return t(.issueTooLong).replacingOccurrences(of: "{n}", with: String(max))
        case .unsupportedFile: return t(.issueUnsupportedFile)
        case .fileTooLarge(let max): return t(.issueFileTooLarge).replacingOccurrences(of: "{n}", with: String(max / (1024 * 1024)))
        case .tooShort(let min): return t(.issueTooShort).replacingOccurrences(of: "{n}", with: String(min))
        case .invalidEmail: return t(.issueInvalidEmail)
        case .invalidWebsite: return t(.issueInvalidWebsite)
        case .invalidPostcode: return t(.issueInvalidPostcode)
        case .duplicate: return t(.issueDuplicate)
        case .unknownValue(let value): return t(.issueUnknownValue).replacingOccurrences(of: "{v}", with: value)
        case .unknownReference: return t(.issueUnknownReference)
        case .cycle: return t(.issueCycle)
        case .commonPassword: return t(.issueCommonPassword)
        case .containsPersonalData: return t(.issueContainsPersonalData)
        case .mismatch: return t(.issueMismatch)
        case .wrongPassword: return t(.issueWrongPassword)
        case .inLine(let line, let problem):
            return t(.issueInLine).replacingOccurrences(of: "{n}", with: String(line)).replacingOccurrences(of: "{v}", with: self.line(problem, language))
        case .weightsNotHundred(let total): return t(.issueWeightsNotHundred).replacingOccurrences(of: "{n}", with: String(total))
        case .tooManyAttempts(let seconds): return t(.issueTooManyAttempts).replacingOccurrences(of: "{n}", with: String(seconds))
        case .unbalanced(let difference):
            let amount = Format.money(Money(cents: abs(difference.cents)), language)
            return (difference.cents > 0 ? t(.issueUnbalancedHigh) : t(.issueUnbalancedLow)).replacingOccurrences(of: "{v}", with: amount)
        case .endBeforeStart: return t(.issueEndBeforeStart)
        case .moreThanOneActive: return t(.issueMoreThanOneActive)
        case .deadlinePassed: return t(.issueDeadlinePassed)
        case .outdatedEdition: return t(.issueOutdatedEdition)
        case .inconsistent: return t(.issueInconsistent)
        case .notADay(let text):
            return language == .de ? "„\(text)“ ist kein Tag von 1900 bis 2100 (z. B. 31.12.2025)." : "“\(text)” is no day from 1900 to 2100 (e.g. 2025-12-31)."
        case .visitWithProtectedAddress:
            return language == .de ? "lädt zum Vorbeikommen ein, die Adresse ist aber geschützt: Bitte nur auf das Telefon verweisen."
                : "invites people to come by, but the address is protected: please refer to the phone only."
        case .emptyFile: return t(.issueEmptyFile)
        case .otherUnit(let existing, let given): return t(.issueOtherUnit).replacingOccurrences(of: "{e}", with: existing).replacingOccurrences(of: "{g}", with: given)
        case .outOfRange(let range): return outOfRange(range, language)
        case .negativeAmount, .moreThanGranted, .moreThanAvailable, .noBudgetLine, .belowCommitted, .outsideScale, .criterionWeight, .criterionScale,
             .receiptOutsideYear, .receiptNotPositive, .receiptUnknownCostItem, .receiptsDoNotAdd, .overlappingTerms:
            return money(problem, language)
        case .tooManyVotes(let cast, let present):
            return t(.issueTooManyVotes).replacingOccurrences(of: "{c}", with: String(cast)).replacingOccurrences(of: "{p}", with: String(present))
        case .notQuorate(let present, let required):
            return t(.issueNotQuorate).replacingOccurrences(of: "{p}", with: String(present)).replacingOccurrences(of: "{r}", with: String(required))
        case .votesExceedAttendance(let item, let cast, let present):
            return t(.issueVotesExceedAttendance).replacingOccurrences(of: "{i}", with: item).replacingOccurrences(of: "{c}", with: String(cast))
                .replacingOccurrences(of: "{p}", with: String(present))
        case .meetingNotHeld: return t(.issueMeetingNotHeld)
        case .quorumLost(let present, let required):
            return t(.issueQuorumLost).replacingOccurrences(of: "{p}", with: String(present)).replacingOccurrences(of: "{r}", with: String(required))
        case .unanimousWithDissent: return t(.issueUnanimousWithDissent)
        case .notReleased: return t(.issueNotReleased)
        case .yearNotEnded(let year): return t(.issueYearNotEnded).replacingOccurrences(of: "{y}", with: String(year)).replacingOccurrences(of: "{n}", with: String(year + 1))
        case .beforeTermStart(let start): return t(.issueBeforeTermStart).replacingOccurrences(of: "{d}", with: Format.day(start, language))
        case .secondPersonNeeded: return t(.issueSecondPersonNeeded)
        }
    }

    /// What is wrong with a line of a typed list, in the page's language.
    static func line(_ problem: LineProblem, _ language: Language) -> String {
        let de = language == .de
        func quoted(_ text: String) -> String { de ? "„\(text)“" : "“\(text)”" }
        switch problem {
        case .expected(let format):
            let fields: (String, String)
            switch format {
            case .criteria: fields = ("Name; Gewicht; Skala", "name; weight; scale")
            case .checklist: fields = ("Pflicht/optional; Dokument/Frage; Text", "required/optional; document/question; text")
            case .budgetLines: fields = ("Jahr; Name; Betrag", "year; name; amount")
            case .yearAmounts: fields = ("Jahr; Betrag", "year; amount")
            case .costLines: fields = ("Bezeichnung: Betrag", "name: amount")
            case .targets: fields = ("Art; Name; Einheit; Zielwert", "kind; name; unit; target")
            case .costComparisons: fields = ("Kostenposition; geplant; tatsächlich", "cost item; planned; actual")
            case .receipts: fields = ("Nr.; Datum; Empfänger; Zweck; Kostenposition; Betrag", "no.; date; payee; purpose; cost item; amount")
            }
            return de ? fields.0 + " erwartet" : "expected " + fields.1
        case .outOfRange(let range): return outOfRange(range, language)
        case .amountMissing: return de ? "Betrag fehlt" : "amount missing"
        case .tooManyDecimals(let text): return (de ? "mehr als zwei Nachkommastellen " : "more than two decimals ") + quoted(text)
        case .notAnAmount(let text): return (de ? "kein Betrag " : "not an amount ") + quoted(text)
        case .notAWholeNumber(let value, let text):
            return de ? "\(valueName(value, de)) \(quoted(text)) ist keine ganze Zahl" : "\(valueName(value, de)) \(quoted(text)) is not a whole number"
        case .notANumber(let value, let text):
            return de ? "\(valueName(value, de)) \(quoted(text)) ist keine Zahl im Bereich ±1 Billion" : "\(valueName(value, de)) \(quoted(text)) is not a number within ±1 trillion"
        case .notAChoice(let text, let choice):
            let words: (String, String)
            switch choice {
            case .requiredOrOptional: words = ("Pflicht noch optional", "required nor optional")
            case .documentOrQuestion: words = ("Dokument noch Frage", "document nor question")
            case .outputOrOutcome: words = ("Output noch Outcome", "output nor outcome")
            }
            return quoted(text) + (de ? " ist weder " + words.0 : " is neither " + words.1)
        case .duplicateYear(let year): return de ? "Jahr \(year) doppelt" : "year \(year) given twice"
        case .unreadableDate(let text): return de ? "Datum \(quoted(text)) nicht lesbar" : "date \(quoted(text)) cannot be read"
        case .unknownWeekday(let text):
            return de ? "\(quoted(text)): kein Wochentag erkannt (Mo, Di, Mi, Do, Fr, Sa, So, z. B. „Mo–Fr 9–12 Uhr“)"
                : "\(quoted(text)): no weekday found (Mo, Di, Mi, Do, Fr, Sa, So, e.g. “Mo–Fr 9–12”)"
        case .unreadableTime(let text):
            return de ? "\(quoted(text)): Uhrzeit nicht lesbar (z. B. „9“, „9:30“ oder „14.00–16.00“)" : "\(quoted(text)): time cannot be read (e.g. “9”, “9:30” or “14:00–16:00”)"
        case .closesBeforeOpens(let text): return de ? "\(quoted(text)): Ende liegt nicht nach dem Beginn" : "\(quoted(text)): the end is not after the start"
        case .noTimes(let text):
            return de ? "\(quoted(text)): keine Uhrzeit; Hinweise wie „nach Vereinbarung“ gehören unter „So melden Sie sich an“"
                : "\(quoted(text)): no time; notes like “by appointment” belong under “how to apply”"
        }
    }

    static func valueName(_ value: LineProblem.Value, _ de: Bool) -> String {
        switch value {
        case .weight: return de ? "Gewicht" : "weight"
        case .scale: return de ? "Skala" : "scale"
        case .target: return de ? "Zielwert" : "target"
        case .baseline: return de ? "Ausgangswert" : "baseline"
        }
    }

    /// Problems about amounts, scores and receipts, their figures in the language's format.
    static func money(_ problem: ValidationIssue.Problem, _ language: Language) -> String {
        let t = Texts(language)
        func fill(_ key: TextKey, _ values: [String: String]) -> String {
            values.reduce(t(key)) { $0.replacingOccurrences(of: "{" + $1.key + "}", with: $1.value) }
        }
        let money = { (amount: Money) in Format.money(amount, language) }
        switch problem {
        case .negativeAmount(let item, let amount): return fill(.issueNegativeAmount, ["i": item, "a": money(amount)])
        case .moreThanGranted(let year, let amount, let granted): return fill(.issueMoreThanGranted, ["y": String(year), "a": money(amount), "g": money(granted)])
        case .moreThanAvailable(let available): return fill(.issueMoreThanAvailable, ["a": money(available)])
        case .noBudgetLine(let year): return fill(.issueNoBudgetLine, ["y": String(year)])
        case .belowCommitted(let line, let committed): return fill(.issueBelowCommitted, ["l": line, "a": money(committed)])
        case .outsideScale(let value, let max): return fill(.issueOutsideScale, ["v": String(value), "n": String(max)])
        case .criterionWeight(let name, let weight): return fill(.issueCriterionWeight, ["l": name, "v": String(weight)])
        case .criterionScale(let name, let max): return fill(.issueCriterionScale, ["l": name, "n": String(max)])
        case .receiptOutsideYear(let number, let date, let year): return fill(.issueReceiptOutsideYear, ["l": number, "d": Format.day(date, language), "y": String(year)])
        case .receiptNotPositive(let number): return fill(.issueReceiptNotPositive, ["l": number])
        case .receiptUnknownCostItem(let number, let item): return fill(.issueReceiptUnknownCostItem, ["l": number, "v": item])
        case .receiptsDoNotAdd(let item, let difference):
            return fill(difference.cents > 0 ? .issueReceiptsAddUpHigher : .issueReceiptsAddUpLower, ["l": item, "a": money(Money(cents: abs(difference.cents)))])
        case .overlappingTerms(let a, let b): return fill(.issueOverlappingTerms, ["l": a, "v": b])
        default: return message(problem, language)
        }
    }

    /// "Vollzeitäquivalente: bitte eine Zahl zwischen 0 und 10.000 angeben." The message names the field itself, as
    /// it is also shown where no label is near (the API, a list of import problems).
    public static func outOfRange(_ range: Plausible, _ language: Language, label: String? = nil) -> String {
        guard language == .en else { return range.message(label: label ?? range.label) }
        func bound(_ value: Double) -> String {
            switch range.kind {
            case .year: return String(Int(value))
            case .whole: return Format.integer(Int(value), language)
            case .decimal: return value == value.rounded() ? Format.integer(Int(value), language) : Format.decimal(value, digits: 2, language)
            case .money: return Format.money(Money(cents: Int(value) * 100), language)
            }
        }
        let what: String
        switch range.kind {
        case .whole: what = "a whole number"
        case .year: what = "a year"
        case .money: what = "an amount"
        case .decimal: what = "a number"
        }
        let name = label ?? range.labelEN
        if range.excludesLower { return "\(name): please enter \(what) above \(bound(range.lower)) and at most \(bound(range.upper))." }
        return "\(name): please enter \(what) between \(bound(range.lower)) and \(bound(range.upper))."
    }
}

/// A notice shown once after an action ("Gespeichert.").
public struct Notice: Sendable, Equatable {
    public enum Kind: String, Sendable { case success, info, warning }

    public let kind: Kind
    public let text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public var node: HTMLNode {
        el("p", [("class", "notice notice-\(kind.rawValue)"), ("role", kind == .warning ? "alert" : "status")], text: text)
    }
}
