import Foundation

/// Rules for new passwords: at least 12 characters, not a common password or a variation of one,
/// and not built from the person's own name or e-mail address.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// Checks a new password; `field` names the form field in the issues.
    public static func check(_ password: String, confirmation: String? = nil, email: String? = nil, displayName: String? = nil,
                             field: String = "password") -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if password.count < minimumLength { issues.append(ValidationIssue(field, .tooShort(min: minimumLength))) }
        if password.count > maximumLength { issues.append(ValidationIssue(field, .tooLong(max: maximumLength))) }
        if isCommon(password) { issues.append(ValidationIssue(field, .commonPassword)) }
        if containsPersonalData(password, email: email, displayName: displayName) {
            issues.append(ValidationIssue(field, .containsPersonalData))
        }
        if let confirmation, confirmation != password { issues.append(ValidationIssue(field + "Confirmation", .mismatch)) }
        return issues
    }

    /// A password is common if it is on the list, or is a listed word with digits and symbols around it
    /// ("Passwort2024!"), or repeats or counts through a few characters ("aaaaaaaaaaaa", "123456789012").
    public static func isCommon(_ password: String) -> Bool {
        let lower = password.lowercased()
        if commonPasswords.contains(lower) { return true }
        let core = lower.trimmingCharacters(in: CharacterSet.letters.inverted)
        if core.count >= 3, commonWords.contains(core) { return true }
        let letters = String(lower.filter { $0.isLetter })
        if letters.count >= 3, commonWords.contains(letters), Double(letters.count) / Double(lower.count) >= 0.5 { return true }
        if Set(lower).count <= 3 { return true }
        return isSequence(lower)
    }

    static func isSequence(_ value: String) -> Bool {
        let scalars = value.unicodeScalars.map { Int($0.value) }
        guard scalars.count >= 2 else { return false }
        let steps = zip(scalars.dropFirst(), scalars).map { $0 - $1 }
        return steps.allSatisfy { $0 == 1 || $0 == -9 } || steps.allSatisfy { $0 == -1 || $0 == 9 }
    }

    static func containsPersonalData(_ password: String, email: String?, displayName: String?) -> Bool {
        let lower = password.lowercased()
        var parts: [String] = []
        if let email, let local = email.lowercased().split(separator: "@").first {
            parts += local.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        if let displayName {
            parts += displayName.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        return parts.contains { $0.count >= 4 && lower.contains($0) }
    }

    /// Words that people build passwords from, in German and English, including this field's own words.
    static let commonWords: Set<String> = [
        "password", "passwort", "kennwort", "qwertz", "qwerty", "qwertzuiop", "qwertyuiop", "asdfgh", "asdfghjkl", "yxcvbnm",
        "letmein", "welcome", "willkommen", "hallo", "hello", "sommer", "summer", "winter", "fruehling", "herbst", "iloveyou",
        "ichliebedich", "schatz", "admin", "administrator", "root", "master", "dragon", "monkey", "football", "fussball",
        "baseball", "superman", "batman", "starwars", "sunshine", "princess", "shadow", "michael", "passw", "geheim",
        "secret", "trustno", "changeme", "default", "test", "testtest", "benutzer", "user", "login", "zugang", "sopla",
        "sozialplanung", "lahndill", "lahndillkreis", "wetzlar", "herborn", "dillenburg", "hessen", "deutschland",
        "germany", "schalke", "bayern", "borussia", "eintracht", "frankfurt", "computer", "internet", "abc", "abcabc",
    ]

    /// Frequent passwords of 12 or more characters seen in published breach statistics.
    static let commonPasswords: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123123123123", "111111111111", "000000000000",
        "123456123456", "123412341234", "qwertyuiop12", "qwertzuiop12", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3",
        "q1w2e3r4t5y6", "passwort1234", "password1234", "password12345", "passwort12345", "iloveyou1234", "abcdefghijkl",
        "abcd1234abcd", "aa123456789a", "987654321987", "asdfghjkl123", "asdfasdfasdf", "qweqweqweqwe", "qwerqwerqwer",
        "1234qwerasdf", "qwer1234asdf", "hallo1234567", "passwortpasswort", "passwordpassword", "letmein12345",
        "welcome12345", "willkommen123", "willkommen1234", "sommer2024!!", "sommer202424", "winter2024!!",
        "administrator", "administrator1", "changeme1234", "trustno112345", "ichliebedich", "ichliebedich1",
        "geheim123456", "kennwort1234", "lahndillkreis", "sozialplanung",
    ]
}

/// Growing delays after failed logins (BSI IT-Grundschutz ORP.4.A22, OWASP ASVS 4.0 V2.2.1).
///
/// Every attempt counts *before* its password is checked, in three counters at once, each changed by one database
/// statement, so a burst of parallel attempts checks no more passwords than the counters allow:
/// - **account and address** (`pair`): five attempts are free; a guesser locks out only the address it guesses from,
///   never the owner of the account signing in from elsewhere;
/// - **account** (`account`): a much higher ceiling of fifty attempts from all addresses together, against guessing
///   spread over many addresses;
/// - **address** (`address`): twenty attempts, since a county office shares one address, against one address trying
///   many accounts.
/// After its free attempts a counter makes each further attempt wait 30 s, 60 s, 120 s, ... up to 15 minutes after
/// the last one; an hour without attempts starts it afresh. A successful login gives its attempt back and clears
/// the pair.
public enum LoginThrottle {
    public static let freeFailures = 5
    public static let freeFailuresPerAccount = 50
    public static let freeFailuresPerAddress = 20
    public static let baseDelay: TimeInterval = 30
    public static let maximumDelay: TimeInterval = 900
    public static let forgetAfter: TimeInterval = 3600

    /// One of the three counters an attempt passes.
    public struct Counter: Sendable, Equatable {
        public let key: String
        public let free: Int

        public init(key: String, free: Int) {
            self.key = key
            self.free = free
        }
    }

    /// The counters of an attempt at `email` (normalised) from `address`, in the order they are checked.
    public static func counters(email: String, address: String) -> [Counter] {
        [Counter(key: "pair:" + email + "|" + address, free: freeFailures),
         Counter(key: "account:" + email, free: freeFailuresPerAccount),
         Counter(key: "address:" + address, free: freeFailuresPerAddress)]
    }

    /// A condition under which a counter lets one more attempt through: it has fewer than `failuresBelow` attempts (or at
    /// least `failuresFrom`) and its last attempt was at `lastAtMost` or earlier. The store turns these into one
    /// conditional update.
    public struct Admission: Sendable, Equatable {
        public let failuresFrom: Int
        public let failuresBelow: Int?
        public let lastAtMost: Date?
    }

    /// When a counter with `free` free attempts admits another one at `now`: any of these holds.
    public static func admissions(free: Int, now: Date) -> [Admission] {
        var result = [Admission(failuresFrom: 0, failuresBelow: free, lastAtMost: nil),
                      Admission(failuresFrom: 0, failuresBelow: nil, lastAtMost: now.addingTimeInterval(-forgetAfter))]
        var failures = free
        while true {
            let delay = delay(afterFailures: failures - free + freeFailures)
            let last = delay >= maximumDelay
            result.append(Admission(failuresFrom: failures, failuresBelow: last ? nil : failures + 1, lastAtMost: now.addingTimeInterval(-delay)))
            if last { return result }
            failures += 1
        }
    }

    public struct State: Sendable, Equatable {
        public var failures: Int
        public var lastFailure: Date

        public init(failures: Int, lastFailure: Date) {
            self.failures = failures
            self.lastFailure = lastFailure
        }
    }

    /// Seconds to wait before the next attempt, or nil if an attempt may be made now.
    public static func wait(_ state: State?, now: Date, free: Int = freeFailures) -> TimeInterval? {
        guard let state, state.failures >= free else { return nil }
        let elapsed = now.timeIntervalSince(state.lastFailure)
        if elapsed >= forgetAfter { return nil }
        let delay = delay(afterFailures: state.failures - free + freeFailures)
        return elapsed < delay ? delay - elapsed : nil
    }

    /// Whether `admissions` let an attempt through a counter in `state` (nil: never counted).
    public static func admits(_ state: State?, _ admissions: [Admission]) -> Bool {
        guard let state else { return true }
        return admissions.contains { admission in
            state.failures >= admission.failuresFrom && admission.failuresBelow.map { state.failures < $0 } ?? true
                && admission.lastAtMost.map { state.lastFailure <= $0 } ?? true
        }
    }

    /// The delay that follows `failures` failed attempts.
    public static func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        let exponent = min(failures - freeFailures, 10)
        return min(baseDelay * Double(1 << exponent), maximumDelay)
    }

    /// The state after one more failure at `now`.
    public static func failed(_ state: State?, now: Date) -> State {
        guard let state, now.timeIntervalSince(state.lastFailure) < forgetAfter else { return State(failures: 1, lastFailure: now) }
        return State(failures: state.failures + 1, lastFailure: now)
    }
}

/// How long sessions and one-time links live.
public enum AccessLifetimes {
    /// A session ends after two hours without a request ...
    public static let sessionIdle: TimeInterval = 2 * 3600
    /// ... and after twelve hours at the latest.
    public static let sessionAbsolute: TimeInterval = 12 * 3600
    public static let invitation: TimeInterval = 7 * 86_400
    public static let passwordReset: TimeInterval = 24 * 3600

    public static func sessionExpiry(createdAt: Date, lastSeenAt: Date) -> Date {
        min(createdAt.addingTimeInterval(sessionAbsolute), lastSeenAt.addingTimeInterval(sessionIdle))
    }
}

/// What a one-time link is for.
public enum AccessLinkPurpose: String, Sendable, Codable, CaseIterable {
    case invitation
    case passwordReset = "password-reset"

    public var lifetime: TimeInterval {
        self == .invitation ? AccessLifetimes.invitation : AccessLifetimes.passwordReset
    }
}
