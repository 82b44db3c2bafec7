import Foundation
import SoplaCore
import Testing
@testable import SoplaFormats

@Suite("CSV")
struct CSVTests {
    @Test func writesSemicolonsWithByteOrderMarkAndCRLF() {
        #expect(CSV.write(header: ["Jahr", "Wert"], rows: [["2024", "2698"]]) == "\u{FEFF}Jahr;Wert\r\n2024;2698\r\n")
    }

    @Test func quotesSemicolonsQuotesAndLineBreaksOnly() {
        let text = CSV.write(header: ["a", "b"], rows: [["x;y", "say \"hi\""], ["1,5", "zwei\r\nZeilen"], ["a,b", "c\nd"]], byteOrderMark: false)
        #expect(text == "a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\r\n1,5;\"zwei\r\nZeilen\"\r\na,b;\"c\nd\"\r\n")
    }

    @Test func defusesFormulasButNotGermanNumbers() {
        let text = CSV.write(header: ["a"], rows: [["=SUM(A1)"], ["+49 6441"], ["-2,5"], ["-5"], ["+3"], ["-0.25"], ["@user"], ["-"], ["-1,2,3"], ["=1;2"]],
                             byteOrderMark: false)
        #expect(text == "a\r\n'=SUM(A1)\r\n'+49 6441\r\n-2,5\r\n-5\r\n+3\r\n-0.25\r\n'@user\r\n'-\r\n'-1,2,3\r\n\"'=1;2\"\r\n")
    }

    @Test func numbersHaveADecimalCommaAndNoPadding() {
        #expect(GermanCSV.number(2698.0) == "2698")
        #expect(GermanCSV.number(2698.000, decimals: 3) == "2698")
        #expect(GermanCSV.number(-2.5) == "-2,5")
        #expect(GermanCSV.number(0.125, decimals: 3) == "0,125")
        #expect(GermanCSV.number(12.3456, decimals: 1) == "12,3")
        #expect(GermanCSV.number(-0.01, decimals: 1) == "0")
        #expect(GermanCSV.number(1_234_567.5) == "1234567,5")
        #expect(GermanCSV.number(nil) == "" && GermanCSV.number(.nan) == "" && GermanCSV.number(.infinity) == "")
        #expect(GermanCSV.integer(2698) == "2698" && GermanCSV.integer(nil) == "")
    }

    @Test func moneyDatesTimesAndYesNo() throws {
        #expect(GermanCSV.euros(Money(cents: 123_450)) == "1234,50")
        #expect(GermanCSV.euros(Money(cents: -5)) == "-0,05")
        #expect(GermanCSV.euros(nil) == "")
        #expect(GermanCSV.day(Day(year: 2024, month: 12, day: 31)) == "31.12.2024")
        #expect(GermanCSV.day(Day(year: 2025, month: 1, day: 2)) == "02.01.2025")
        #expect(GermanCSV.day(nil) == "")
        // 2024-07-01 10:05:09 UTC is 12:05:09 summer time in Germany.
        #expect(GermanCSV.time(Date(timeIntervalSince1970: 1_719_828_309)) == "01.07.2024 12:05:09")
        #expect(GermanCSV.yesNo(true) == "ja" && GermanCSV.yesNo(false) == "nein")
    }

    @Test func parsesBothSeparators() throws {
        #expect(try CSV.parse("\u{FEFF}a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\r\n1,5;2\r\n") == [["a", "b"], ["x;y", "say \"hi\""], ["1,5", "2"]])
        #expect(try CSV.parse("\u{FEFF}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\n1,2") == [["a", "b"], ["x,y", "say \"hi\""], ["1", "2"]])
        #expect(try CSV.parse("a;b\n1,2;3", separator: ",") == [["a;b"], ["1", "2;3"]])
        #expect(throws: CSV.ParseError(line: 2, reason: "a quoted cell opened here is not closed")) { try CSV.parse("a\n\"open") }
    }

    @Test func whatItWritesItReads() throws {
        let rows = [["Wetzlar", "-2,5", "x;y"], ["=A1", "\"", "zwei\nZeilen"]]
        let parsed = try CSV.parse(CSV.write(header: ["a", "b", "c"], rows: rows))
        #expect(parsed == [["a", "b", "c"], ["Wetzlar", "-2,5", "x;y"], ["'=A1", "\"", "zwei\nZeilen"]])
    }
}
