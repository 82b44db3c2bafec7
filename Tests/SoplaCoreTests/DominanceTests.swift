import Foundation
import Testing
@testable import SoplaCore

@Suite("Disclosure: the dominance rule for money")
struct DominanceRuleTests {
    let rule = DominanceRule.standard

    @Test func aTotalOfOneOrTwoRecipientsIsNotPublished() {
        #expect(rule.n == 2 && rule.k == 85)
        #expect(!rule.allows([12_730_800]))
        #expect(!rule.allows([5_000_000, 5_000_000]))
        // Recipients with nothing in the total do not count: still one recipient.
        #expect(!rule.allows([10_000, 0, 0]))
    }

    @Test func oneRecipientWith85PerCentOrMoreIsNotPublished() {
        // 86 of 100: over the line.
        #expect(!rule.allows([8_600, 700, 700]))
        // Exactly 85 of 100: 85 % or more, not published.
        #expect(!rule.allows([8_500, 1_000, 500]))
        // 84 of 100: published.
        #expect(rule.allows([8_400, 1_000, 600]))
        // 84,999… % (84.999 of 100.000): just under the line, published.
        #expect(rule.allows([8_499_900, 1_000_000, 500_100]))
        // Three equal shares: published.
        #expect(rule.allows([100, 100, 100]))
    }

    @Test func aZeroTotalTellsNothingAndIsPublished() {
        #expect(rule.allows([]))
        #expect(rule.allows([0, 0, 0]))
    }

    @Test func nAndKCanBeSet() {
        // (1, 90): two recipients at 50 % each pass; one at 90 % does not; a single one never.
        let loose = DominanceRule(n: 1, k: 90)
        #expect(loose.allows([50, 50]))
        #expect(!loose.allows([90, 5, 5]))
        #expect(loose.allows([89, 6, 5]))
        #expect(!loose.allows([100]))
        // (3, 85): three recipients are too few.
        #expect(!DominanceRule(n: 3, k: 85).allows([100, 100, 100]))
        #expect(DominanceRule(n: 3, k: 85).allows([100, 100, 100, 100]))
    }
}

@Suite("Disclosure: complementary protection of money totals")
struct DominanceTableTests {
    @Test func aHiddenPartOfAPublishedTotalTakesTheSmallestOtherPartWithIt() {
        // T = A + B + C. A is one recipient's (hidden); T − B − C would give it away, so the smallest other part, B
        // (100 against C's 150), is hidden too. A + B = 200 then is four recipients' with x at 50 %: safe.
        var table = DominanceTable<String>()
        table.add("T", contributions: ["x": 100, "y": 90, "z": 80, "w": 30, "v": 50])
        table.add("A", contributions: ["x": 100])
        table.add("B", contributions: ["y": 40, "z": 30, "w": 30])
        table.add("C", contributions: ["y": 50, "z": 50, "v": 50])
        table.addSum(total: "T", parts: ["A", "B", "C"], rest: "rest")
        let protection = table.protect()
        #expect(protection.primary == ["A"])
        #expect(protection.secondary == ["B"])
        #expect(protection.hidden == ["A", "B"])
    }

    @Test func twoHiddenPartsOfOneRecipientTakeAThirdWithThem() {
        // A and B are both x's: A + B = T − C − D = 150 would be x's money, so D (180 < 300) goes as well.
        var table = DominanceTable<String>()
        table.add("T", contributions: ["x": 150, "y": 160, "z": 160, "w": 100, "v": 60])
        table.add("A", contributions: ["x": 100])
        table.add("B", contributions: ["x": 50])
        table.add("C", contributions: ["y": 100, "z": 100, "w": 100])
        table.add("D", contributions: ["y": 60, "z": 60, "v": 60])
        table.addSum(total: "T", parts: ["A", "B", "C", "D"], rest: "rest")
        let protection = table.protect()
        #expect(protection.primary == ["A", "B"])
        #expect(protection.secondary == ["D"])
    }

    @Test func anUnpublishedRemainderThatWouldGiveARecipientAwayHidesAPart() {
        // Total 400 of four recipients, 300 of it preventive (y, z, w): both pass. But the rest, 100, is x's alone
        // and follows from total − preventive: the preventive figure is hidden.
        var table = DominanceTable<String>()
        table.add("total", contributions: ["x": 100, "y": 100, "z": 100, "w": 100])
        table.add("preventive", contributions: ["y": 100, "z": 100, "w": 100])
        table.addSum(total: "total", parts: ["preventive"], rest: "other")
        let protection = table.protect()
        #expect(protection.primary.isEmpty)
        #expect(protection.secondary == ["preventive"])
        // With three recipients in the rest as well, nothing needs hiding.
        var safe = DominanceTable<String>()
        safe.add("total", contributions: ["a": 100, "b": 100, "c": 100, "d": 100, "e": 100, "f": 100])
        safe.add("preventive", contributions: ["a": 100, "b": 100, "c": 100])
        safe.addSum(total: "total", parts: ["preventive"], rest: "other")
        #expect(safe.protect().hidden.isEmpty)
    }

    @Test func aHiddenTotalWhosePartsAddUpTakesOneOfThemWithIt() {
        // Grand = A + B + C; A is x's, so B (120 < 300) is hidden with it. B = B1 + B2 exactly (nothing left over): with
        // both parts shown B would follow, so the first of the equally small parts, B1, is hidden as well.
        var table = DominanceTable<String>()
        table.add("Grand", contributions: ["x": 100, "a": 20, "b": 20, "c": 20, "d": 20, "e": 20, "f": 20, "g": 100, "h": 100, "i": 100])
        table.add("A", contributions: ["x": 100])
        table.add("B", contributions: ["a": 20, "b": 20, "c": 20, "d": 20, "e": 20, "f": 20])
        table.add("C", contributions: ["g": 100, "h": 100, "i": 100])
        table.add("B1", contributions: ["a": 20, "b": 20, "c": 20])
        table.add("B2", contributions: ["d": 20, "e": 20, "f": 20])
        table.addSum(total: "Grand", parts: ["A", "B", "C"], rest: "rest")
        table.addSum(total: "B", parts: ["B1", "B2"], rest: "rest of B")
        let protection = table.protect()
        #expect(protection.primary == ["A"])
        #expect(protection.secondary == ["B", "B1"])
    }

    @Test func aHiddenTotalWithAHiddenPartNeedsNothingMore() {
        // x holds 90 of the total 100 (hidden) and all of B (hidden); A (x 45 of 55, 81.8 %) passes. Two unknowns in
        // the one sum, one of them the total: nothing follows.
        var table = DominanceTable<String>()
        table.add("T", contributions: ["x": 90, "p": 4, "q": 3, "r": 3])
        table.add("A", contributions: ["x": 45, "p": 4, "q": 3, "r": 3])
        table.add("B", contributions: ["x": 45])
        table.addSum(total: "T", parts: ["A", "B"], rest: "rest")
        let protection = table.protect()
        #expect(protection.primary == ["T", "B"])
        #expect(protection.secondary.isEmpty)
    }

    @Test func aHiddenZeroDoesNotCountAsProtection() {
        // A (x's) hidden; the zero part Z would not help (A + Z = A), so B is hidden, not Z.
        var table = DominanceTable<String>()
        table.add("T", contributions: ["x": 100, "y": 100, "z": 100, "w": 100])
        table.add("A", contributions: ["x": 100])
        table.add("Z", contributions: [:])
        table.add("B", contributions: ["y": 100, "z": 100, "w": 100])
        table.addSum(total: "T", parts: ["A", "Z", "B"], rest: "rest")
        let protection = table.protect()
        #expect(protection.primary == ["A"])
        #expect(protection.secondary == ["B"])
    }

    @Test func fundingFiguresByRecipient() {
        // Two topics: guidance of one provider (hidden), addiction of three (shown, but the complement of the hidden
        // one under the published total, so hidden too). The total of four recipients stays.
        let guidance = FundingFigure.category("Erziehungsberatung"), addiction = FundingFigure.category("Suchtberatung")
        let total = FundingFigure.year(2025, .committed)
        let byRecipient: [String: [FundingFigure: Money]] = [
            "caritas": [guidance: Money(euros: 100_000), total: Money(euros: 100_000)],
            "a": [addiction: Money(euros: 60_000), total: Money(euros: 60_000)],
            "b": [addiction: Money(euros: 60_000), total: Money(euros: 60_000)],
            "c": [addiction: Money(euros: 60_000), total: Money(euros: 60_000)],
        ]
        let protection = FundingDisclosure.hidden(shown: [total, guidance, addiction], byRecipient: byRecipient, sums: [(total, [guidance, addiction])])
        #expect(protection.primary == [guidance])
        #expect(protection.secondary == [addiction])
    }
}

@Suite("Disclosure: money across releases")
struct FundingReleaseTests {
    let total = FundingFigure.year(2026, .committed)
    let a = FundingFigure.category("Schuldnerberatung"), b = FundingFigure.category("Suchtberatung")

    func byRecipient(_ amounts: [String: [FundingFigure: Int]]) -> [String: [FundingFigure: Money]] {
        amounts.mapValues { $0.mapValues { Money(euros: $0) } }
    }

    @Test func oneNewAgreementHidesTheTotalItChanged() {
        // 50.000 € of three recipients was published; one agreement of 9.000 € for x makes 59.000 €: the total passes
        // the rule on its own (x holds 29.000 of 59.000), but 59.000 − 50.000 is x's new agreement.
        let before = byRecipient(["x": [total: 20_000], "y": [total: 15_000], "z": [total: 15_000]])
        let release = FundingDisclosure.release(shown: [total], byRecipient: before, hidden: [])
        let after = byRecipient(["x": [total: 29_000], "y": [total: 15_000], "z": [total: 15_000]])
        #expect(FundingDisclosure.hidden(shown: [total], byRecipient: after, sums: []).hidden.isEmpty)
        #expect(FundingDisclosure.hidden(shown: [total], byRecipient: after, sums: [], earlier: [release]) == [total])
        // Unchanged, nothing is hidden: the difference is zero.
        #expect(FundingDisclosure.hidden(shown: [total], byRecipient: before, sums: [], earlier: [release]).isEmpty)
    }

    @Test func agreementsOfThreeRecipientsSinceTheLastReleaseMayBePublished() {
        let before = byRecipient(["x": [total: 20_000], "y": [total: 15_000], "z": [total: 15_000]])
        let release = FundingDisclosure.release(shown: [total], byRecipient: before, hidden: [])
        // +3.000 € each for u, v, w: the 9.000 € difference is three recipients', a third each.
        let after = byRecipient(["x": [total: 20_000], "y": [total: 15_000], "z": [total: 15_000], "u": [total: 3_000], "v": [total: 3_000], "w": [total: 3_000]])
        #expect(FundingDisclosure.hidden(shown: [total], byRecipient: after, sums: [], earlier: [release]).isEmpty)
        // Against an older release the difference must pass as well: after x's 9.000 € the total stayed hidden; the
        // three new ones (x 9.000 €, u, v, w 3.000 € each since the release that showed it) leave x with 50 % < 85 %.
        let withX = byRecipient(["x": [total: 29_000], "y": [total: 15_000], "z": [total: 15_000], "u": [total: 3_000], "v": [total: 3_000], "w": [total: 3_000]])
        let hiddenRelease = FundingDisclosure.release(shown: [total], byRecipient: byRecipient(["x": [total: 29_000], "y": [total: 15_000], "z": [total: 15_000]]), hidden: [total])
        #expect(FundingDisclosure.hidden(shown: [total], byRecipient: withX, sums: [], earlier: [release, hiddenRelease]).isEmpty)
        // Had x's agreement been 30.000 €, x would hold 30.000 of 39.000 € of the change (77 %): still published;
        // 60.000 € makes 60.000 of 69.000 € (87 %): hidden.
        let withMidX = byRecipient(["x": [total: 50_000], "y": [total: 15_000], "z": [total: 15_000], "u": [total: 3_000], "v": [total: 3_000], "w": [total: 3_000]])
        #expect(FundingDisclosure.hidden(shown: [total], byRecipient: withMidX, sums: [], earlier: [release, hiddenRelease]).isEmpty)
        let withBigX = byRecipient(["x": [total: 80_000], "y": [total: 15_000], "z": [total: 15_000], "u": [total: 3_000], "v": [total: 3_000], "w": [total: 3_000]])
        #expect(FundingDisclosure.hidden(shown: [total], byRecipient: withBigX, sums: [], earlier: [release, hiddenRelease]) == [total])
    }

    @Test func aChangedPartIsHiddenWithItsTotal() {
        // Published: A (x, y, z: 10.000 € each), B (u, v, w: 10.000 € each), total 60.000 €. Then x gets 9.000 € more in A.
        // Both A (39.000 €) and B pass the rule today; A's change (x alone) does not, nor does the total's. Hiding A
        // alone would leave 69.000 − 30.000 = 39.000, so the total goes as well; B and its change (zero) stay.
        var before: [String: [FundingFigure: Int]] = [:]
        for r in ["x", "y", "z"] { before[r] = [a: 10_000, total: 10_000] }
        for r in ["u", "v", "w"] { before[r] = [b: 10_000, total: 10_000] }
        let sums: [(total: FundingFigure, parts: [FundingFigure])] = [(total, [a, b])]
        let release = FundingDisclosure.release(shown: [total, a, b], byRecipient: byRecipient(before), hidden: [])
        var after = before
        after["x"] = [a: 19_000, total: 19_000]
        #expect(FundingDisclosure.hidden(shown: [total, a, b], byRecipient: byRecipient(after), sums: sums, earlier: [release]) == [a, total])
    }

    @Test func aChangeThatFollowsFromTheOthersIsHiddenWithOneOfThem() {
        // Published: total (of six), A and B as above. Then x gets 9.000 € more in A, and B gains 1.000 € each from u, v, w.
        // A's change is x's alone: A hidden. The total's change (x 9.000, u, v, w 1.000 each: x 75 %) passes, but
        // minus B's published change it gives A's: B (the smallest other part) goes as well.
        var before: [String: [FundingFigure: Int]] = [:]
        for r in ["x", "y", "z"] { before[r] = [a: 10_000, total: 10_000] }
        for r in ["u", "v", "w"] { before[r] = [b: 10_000, total: 10_000] }
        let sums: [(total: FundingFigure, parts: [FundingFigure])] = [(total, [a, b])]
        let release = FundingDisclosure.release(shown: [total, a, b], byRecipient: byRecipient(before), hidden: [])
        var after = before
        after["x"] = [a: 19_000, total: 19_000]
        for r in ["u", "v", "w"] { after[r] = [b: 11_000, total: 11_000] }
        #expect(FundingDisclosure.hidden(shown: [total, a, b], byRecipient: byRecipient(after), sums: sums, earlier: [release]) == [a, b])
    }

    @Test func aFigureHiddenInTheEarlierReleaseIsNotNarrowedByIt() {
        // The total was hidden then; today's, of x's new agreement, passes on its own, and there is nothing to subtract.
        let before = byRecipient(["x": [total: 20_000], "y": [total: 15_000], "z": [total: 15_000]])
        let release = FundingDisclosure.release(shown: [total], byRecipient: before, hidden: [total])
        let after = byRecipient(["x": [total: 29_000], "y": [total: 15_000], "z": [total: 15_000]])
        #expect(FundingDisclosure.hidden(shown: [total], byRecipient: after, sums: [], earlier: [release]).isEmpty)
        // A new category on the same page was zero then (no row): x's first 5.000 € in it are a change like any other.
        // Hidden today already (one recipient); the total's change (x 5.000 €) hides the total as well.
        let shownRelease = FundingDisclosure.release(shown: [total], byRecipient: before, hidden: [])
        let newCategory = byRecipient(["x": [total: 25_000, a: 5_000], "y": [total: 15_000], "z": [total: 15_000]])
        #expect(FundingDisclosure.hidden(shown: [total, a], byRecipient: newCategory, sums: [(total, [a])]).hidden == [a])
        #expect(FundingDisclosure.hidden(shown: [total, a], byRecipient: newCategory, sums: [(total, [a])], earlier: [shownRelease]) == [a, total])
    }
}

@Suite("Disclosure: hidden money in the funding table of a report")
struct FundingReportTableTests {
    @Test func hiddenFiguresSayOnlyThatTheyAreSecretInTableAnnexAndSummary() {
        let figures = ControllingFigures(planned: Money(euros: 100_000), committed: Money(euros: 80_000), paid: Money(euros: 40_000), proven: Money(euros: 20_000))
        let hidden: Set<FundingFigure> = [.programme(0, .committed), .programme(0, .paid), .category("Beratung"), .municipality("Wetzlar"), .year(2025, .committed),
                                          .preventive]
        let table = ReportTables.funding(year: 2025, programmes: [("Jugendarbeit", figures)],
                                         byCategory: [("Beratung", Money(euros: 50_000)), ("Jugendarbeit", Money(euros: 30_000))],
                                         byUnit: [("Wetzlar", Money(euros: 60_000), Money(cents: 125))], preventive: Money(euros: 20_000), total: Money(euros: 80_000),
                                         hidden: hidden)
        // The published topic first, the hidden after it; euros per inhabitant go with the hidden amount.
        #expect(table.rows.map { $0.map(\.text) } == [["Programm: Jugendarbeit", "100.000 €", "geheim gehalten", "geheim gehalten", "20.000 €", "–"],
                                                       ["Thema: Jugendarbeit", "–", "30.000 €", "–", "–", "–"],
                                                       ["Thema: Beratung", "–", "geheim gehalten", "–", "–", "–"],
                                                       ["Gemeinde: Wetzlar", "–", "geheim gehalten", "–", "–", "geheim gehalten"]])
        #expect(table.summary == "Die 2025 in Zuwendungsverträgen gebundene Summe wird geheim gehalten; im Haushalt geplant sind 100.000 €.")
        let annex = table.annexRows(date: Day(year: 2025, month: 12, day: 31)!)
        #expect(annex.contains(["foerderung:2025:Gebunden", "2025-12-31", "", "Thema: Beratung", "", "true"]))
        #expect(annex.contains(["foerderung:2025:Gebunden", "2025-12-31", "", "Thema: Jugendarbeit", "30000.00", "false"]))
        #expect(!annex.contains { $0.contains("50000.00") || $0.contains("60000.00") || $0.contains("1.25") })
    }
}
