import Foundation
import SoplaCore
import Testing
@testable import SoplaRender

/// Formatting never traps: values that are not finite read as "–", values too large for exact digits in
/// scientific notation, the extremes of Int with their sign.
@Suite("Numbers at their limits")
struct FormatLimitsTests {
    @Test func hugeAndNonFiniteDecimals() {
        #expect(Format.decimal(1e308, digits: 1, .de) == "1,0e+308")
        #expect(Format.decimal(-1e308, digits: 2, .de) == "−1,0e+308")
        #expect(Format.decimal(1e308, digits: 0, .en) == "1.0e+308")
        #expect(Format.decimal(.nan, digits: 1, .de) == "–")
        #expect(Format.decimal(.infinity, digits: 1, .de) == "–")
        #expect(Format.decimal(-.infinity, digits: 0, .en) == "–")
        #expect(Format.unavailable == "–")
    }

    @Test func negativeZeroHasNoSign() {
        #expect(Format.decimal(-0.0, digits: 1, .de) == "0,0")
        #expect(Format.decimal(-0.0, digits: 0, .de) == "0")
        #expect(Format.rounded(-0.0, .en) == "0")
    }

    @Test func largeButExactValuesKeepTheirDigits() {
        #expect(Format.decimal(1e12, digits: 1, .de) == "1.000.000.000.000,0")
        #expect(Format.decimal(-999_999_999.99, digits: 2, .de) == "−999.999.999,99")
        // Near 2^53 the decimals a Double cannot hold are dropped rather than invented.
        #expect(Format.decimal(1e15, digits: 2, .de) == "1.000.000.000.000.000")
        #expect(Format.decimal(123.456, digits: 9, .de) == "123,456000")
        #expect(Format.decimal(2.5, digits: -1, .de) == "3")
    }

    @Test func integerExtremes() {
        #expect(Format.integer(Int.min, .de) == "−9.223.372.036.854.775.808")
        #expect(Format.integer(Int.max, .en) == "9,223,372,036,854,775,807")
        #expect(Format.hundredths(Int.max, .de) == "92.233.720.368.547.758,07")
        #expect(Format.hundredths(Int.min, .de) == "−92.233.720.368.547.758,08")
        #expect(Format.hundredths(Int.max - 1, .en) == "92,233,720,368,547,758.06")
        #expect(Format.hundredths(-50, .de) == "−0,50")
        #expect(Format.money(Money(cents: Int.min), .de) == "−92.233.720.368.547.758,08\u{00A0}€")
        #expect(Format.money(Money(cents: Int.max), .en) == "€92,233,720,368,547,758.07")
    }

    @Test func floatingValuesAsIntsAreClamped() {
        #expect(Format.clampedInt(.nan) == 0)
        #expect(Format.clampedInt(1e308) == 1_000_000_000_000_000)
        #expect(Format.rounded(1e308, .de) == "1,0e+308")
        #expect(IndicatorNames.count(1e308, .de) == "1,0e+308")
        #expect(IndicatorNames.count(.nan, .de) == "–")
    }

    @Test func pageNumbersFromLinksAreBounded() {
        #expect(ListState(path: "/angebote", page: Int.max).page == ListState.maximumPage)
        #expect(ListState(path: "/angebote", page: Int.min).page == 1)
        #expect(ListState(path: "/angebote").onPage(Int.max).page == ListState.maximumPage)
        #expect(Paging.slice([1, 2, 3], page: Int.max, perPage: Int.max).isEmpty)
        #expect(Paging.slice([1, 2, 3], page: 2, perPage: 2) == [3])
    }

    @Test func rangeMessagesInBothLanguages() {
        #expect(IssueText.message(.outOfRange(.fte), .de) == "Vollzeitäquivalente: bitte eine Zahl zwischen 0 und 10.000 angeben.")
        #expect(IssueText.message(.outOfRange(.fte), .en) == "Full-time equivalents: please enter a number between 0 and 10,000.")
        #expect(IssueText.message(.outOfRange(.money), .en) == "Amount: please enter an amount between €0.00 and €1,000,000,000.00.")
        #expect(IssueText.message(.outOfRange(.referenceYear), .en) == "Year of the reference date: please enter a year between 1900 and 2100.")
        let summary = FormBuilder(language: .de, issues: [ValidationIssue("fte", .outOfRange(.fte))]).summary(labels: ["fte": "Vollzeitäquivalente"]).render()
        #expect(summary.contains(">Vollzeitäquivalente: bitte eine Zahl zwischen 0 und 10.000 angeben.</a>"))
    }

    @Test func oneChangeIsSingular() {
        func summary(_ count: Int) -> ProposalSummary {
            ProposalSummary(id: UUID(), serviceName: "Schuldnerberatung", organisationName: "Caritas", isNew: false, changeCount: count, proposedBy: "Tina",
                            proposedAt: Date(timeIntervalSince1970: 0), state: .open, note: nil)
        }
        let html = ProposalSummary.table([summary(1), summary(3)], language: .de, links: false).render()
        #expect(html.contains("<td>1 Änderung</td>") && html.contains("<td>3 Änderungen</td>"))
        #expect(ProposalSummary.table([summary(1)], language: .en, links: false).render().contains("<td>1 change</td>"))
    }

    @Test func aFileTooLargeIsToldInMegabytes() {
        let issues = AttachmentCheck.problems(size: AttachmentCheck.maximumBytes + 1, bytes: Array("%PDF-1.7".utf8), fileName: "a.pdf")
        #expect(issues.map { IssueText.message($0.problem, .de) } == ["ist zu groß (höchstens 20 MB)."])
        #expect(issues.map { IssueText.message($0.problem, .en) } == ["is too large (at most 20 MB)."])
    }
}

/// Problems with figures are typed in Core and worded here, in the page's language and number format.
@Suite("Issue texts with figures")
struct IssueFigureTextTests {
    @Test func amountsScoresAndReceiptsAreWordedInBothLanguages() {
        let cases: [(ValidationIssue.Problem, String, String)] = [
            (.moreThanGranted(year: 2026, amount: Money(euros: 30_000), granted: Money(euros: 20_000)),
             "2026: 30.000,00 € ist mehr als die bewilligten 20.000,00 €.", "2026: €30,000.00 is more than the €20,000.00 granted."),
            (.moreThanAvailable(available: Money(cents: 850_000)),
             "höchstens 8.500,00 € sind noch verfügbar. Nichts wurde gespeichert.", "at most €8,500.00 is still available. Nothing was saved."),
            (.noBudgetLine(year: 2027), "2027: Das Programm hat für dieses Jahr keinen passenden Haushaltsansatz.", "2027: the programme has no matching budget line for this year."),
            (.belowCommitted(line: "Beratung 2026", committed: Money(euros: 5_000)),
             "„Beratung 2026“ hat bereits 5.000,00 € bewilligt und kann weder darunter sinken noch entfallen.",
             "“Beratung 2026” has already committed €5,000.00 and can neither go below that nor be removed."),
            (.negativeAmount(item: "Personal", amount: Money(cents: -1)), "Personal: -0,01 € ist negativ; Beträge sind null oder größer.",
             "Personal: €-0.01 is negative; amounts are zero or more."),
            (.outsideScale(value: 6, max: 5), "6 liegt nicht auf der Skala von 0 bis 5.", "6 is not on the scale from 0 to 5."),
            (.receiptOutsideYear(number: "3", date: Day(year: 2025, month: 12, day: 30)!, year: 2026),
             "Beleg 3 vom 30.12.2025 liegt nicht im Jahr 2026 des Nachweises.", "receipt 3 of 2025-12-30 is not in the year 2026 of the proof."),
            (.receiptsDoNotAdd(costItem: "Miete", difference: Money(cents: -50)),
             "Die Belege zu „Miete“ ergeben 0,50 € weniger als die tatsächlichen Kosten.", "the receipts of “Miete” add up to €0.50 less than the actual costs."),
            (.overlappingTerms("2021–2026", "2025–2030"), "Die Amtszeiten „2021–2026“ und „2025–2030“ überschneiden sich.", "the terms “2021–2026” and “2025–2030” overlap."),
        ]
        // Written here with plain spaces and hyphens; pages use a no-break space before € and the minus sign.
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: "\u{a0}", with: " ").replacingOccurrences(of: "\u{202f}", with: " ").replacingOccurrences(of: "\u{2212}", with: "-")
        }
        for (problem, german, english) in cases {
            #expect(plain(IssueText.message(problem, .de)) == german)
            #expect(plain(IssueText.message(problem, .en)) == english)
        }
    }
}
