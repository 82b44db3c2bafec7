import Foundation

/// What is wrong with one line of a list typed one entry per line; the page words it in its language.
public enum LineProblem: Sendable, Equatable {
    /// The lists typed one entry per line, each with the fields its lines need.
    public enum Format: String, Sendable, CaseIterable {
        case criteria, checklist, budgetLines, yearAmounts, costLines, targets, costComparisons, receipts
    }

    /// A figure of a line that must be a whole number or a number.
    public enum Value: String, Sendable, CaseIterable {
        case weight, scale, target, baseline
    }

    /// The words a field of a line must be one of.
    public enum Choice: String, Sendable, CaseIterable {
        case requiredOrOptional, documentOrQuestion, outputOrOutcome
    }

    /// The line lacks fields of its list.
    case expected(Format)
    /// A figure outside its plausible range.
    case outOfRange(Plausible)
    case amountMissing
    /// An amount with more than two decimals ("1,234").
    case tooManyDecimals(String)
    case notAnAmount(String)
    case notAWholeNumber(Value, String)
    /// No number within ±1 trillion.
    case notANumber(Value, String)
    case notAChoice(String, Choice)
    /// A year given on an earlier line already.
    case duplicateYear(Int)
    case unreadableDate(String)
    /// Opening hours, each with the line as typed: a day that is no weekday ("Xy 10-11"), or none given ("9-12").
    case unknownWeekday(String)
    /// Opening hours: a time that cannot be read or does not exist ("Mo 25:00-26:00").
    case unreadableTime(String)
    /// Opening hours: a slot that closes before it opens ("Mi 14-9").
    case closesBeforeOpens(String)
    /// Opening hours: a line without any time ("nach Vereinbarung").
    case noTimes(String)
}

/// One problem with a submitted value, named by field; views turn the problem into a sentence.
public struct ValidationIssue: Sendable, Equatable, Error {
    public enum Problem: Sendable, Equatable {
        case required
        case tooLong(max: Int)
        /// A file larger than `maxBytes` bytes; told in whole megabytes.
        case fileTooLarge(maxBytes: Int)
        /// A file whose content is none of the accepted kinds (PDF, ODT, DOCX), whatever its name says.
        case unsupportedFile
        case tooShort(min: Int)
        case invalidEmail
        case invalidWebsite
        case invalidPostcode
        case duplicate
        case unknownValue(String)
        case unknownReference
        case cycle
        case commonPassword
        case containsPersonalData
        case mismatch
        case wrongPassword
        /// A problem in one line of a list typed one entry per line ("Zeile 2: mehr als zwei Nachkommastellen").
        case inLine(line: Int, problem: LineProblem)
        /// Award criteria whose weights do not add up to 100 %.
        case weightsNotHundred(total: Int)
        /// Too many wrong attempts at a password: try again after `seconds`.
        case tooManyAttempts(seconds: Int)
        /// A plan whose sums do not match; the difference says by how much (positive: the request is too high).
        case unbalanced(difference: Money)
        /// An end, deadline or close that lies before its start.
        case endBeforeStart
        /// Too late: the deadline has passed.
        case deadlinePassed
        /// Does not fit the other entries (both of two alternatives given, a guest with a vote …).
        case inconsistent
        /// A typed day that does not exist or lies outside 1900 … 2100 (as typed).
        case notADay(String)
        /// A service with a protected address whose text asks people to come by.
        case visitWithProtectedAddress
        /// A number that is no finite value within the field's plausible range.
        case outOfRange(Plausible)
        /// Built before figures it shows were released elsewhere: to be built anew.
        case outdatedEdition
        /// A file was chosen, but it holds no byte.
        case emptyFile
        /// A code of an existing variable measured in another unit (`existing`) than the values given (`given`).
        case otherUnit(existing: String, given: String)
        /// A negative amount where only amounts of zero or more make sense; `item` names the line or year.
        case negativeAmount(item: String, amount: Money)
        /// An agreement's amount for a year above the granted sum.
        case moreThanGranted(year: Int, amount: Money, granted: Money)
        /// More than is still available: of an agreement year (a drawdown) or a budget line (an approval).
        case moreThanAvailable(available: Money)
        /// A further year of an agreement for which the programme has no matching budget line.
        case noBudgetLine(year: Int)
        /// A budget line set below, or removed with, what it has already committed.
        case belowCommitted(line: String, committed: Money)
        /// A score outside its criterion's scale 0…`max`.
        case outsideScale(value: Int, max: Int)
        /// An award criterion's weight outside 1…100 %.
        case criterionWeight(name: String, weight: Int)
        /// An award criterion's scale maximum outside 1…100.
        case criterionScale(name: String, max: Int)
        /// A receipt dated outside the year of the proof of use.
        case receiptOutsideYear(number: String, date: Day, year: Int)
        /// A receipt of zero or a negative amount.
        case receiptNotPositive(number: String)
        /// A receipt booked to a cost item the proof does not list.
        case receiptUnknownCostItem(number: String, costItem: String)
        /// Receipts of a cost item that add up to more (positive) or less than its actual cost.
        case receiptsDoNotAdd(costItem: String, difference: Money)
        /// Two terms (of a body) that overlap, by name.
        case overlappingTerms(String, String)
        /// More votes cast than voting members present.
        case tooManyVotes(cast: Int, present: Int)
        /// A decision while fewer voting members are present than the quorum needs.
        case notQuorate(present: Int, required: Int)
        /// A change of attendance that would leave fewer voting members than votes recorded on the item numbered `item`.
        case votesExceedAttendance(item: String, cast: Int, present: Int)
        /// A meeting marked as held before it began, or a decision recorded in a meeting not held.
        case meetingNotHeld
        /// A change of attendance that would leave a meeting with decisions without its quorum.
        case quorumLost(present: Int, required: Int)
        /// Unanimous, yet votes against or abstentions typed.
        case unanimousWithDissent
        /// A payment ordered for a drawdown not released yet.
        case notReleased
        /// A report on a year (a proof of use) before the year has ended.
        case yearNotEnded(Int)
        /// A payment before the agreement's term starts on `start`.
        case beforeTermStart(Day)
        /// A payment ordered by the person who released it (four-eyes principle).
        case secondPersonNeeded
        /// More than one phase of a planning process in progress.
        case moreThanOneActive
    }

    public let field: String
    public let problem: Problem

    public init(_ field: String, _ problem: Problem) {
        self.field = field
        self.problem = problem
    }
}

/// Everything wrong with one submission; nothing is stored while there are issues.
public struct ValidationFailure: Error, Sendable, Equatable {
    public let issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) {
        self.issues = issues
    }

    public func issues(for field: String) -> [ValidationIssue] {
        issues.filter { $0.field == field }
    }
}

/// Small checks shared by forms.
public enum FieldCheck {
    /// Trims the value; nil when nothing is left.
    public static func clean(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A one-line value: trimmed, every run of spaces, tabs and line breaks made one space; nil when nothing is left.
    public static func line(_ value: String?) -> String? {
        clean(value).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    public static func length(_ value: String?, field: String, max: Int, into issues: inout [ValidationIssue]) {
        if let value, value.count > max { issues.append(ValidationIssue(field, .tooLong(max: max))) }
    }
}

/// E-mail addresses compare without case; they are stored lower-cased.
public enum EmailAddress {
    public static func normalise(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately simple check: one `@`, a non-empty local part, a domain with a dot, no spaces.
    public static func isValid(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, value.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !value.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
    }
}
