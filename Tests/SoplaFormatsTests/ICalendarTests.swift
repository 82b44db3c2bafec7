import Foundation
import Testing
@testable import SoplaFormats

@Suite("iCalendar (RFC 5545)")
struct ICalendarTests {
    @Test func writesEscapedFoldedEventsInUTC() {
        // 2026-03-10 17:00 UTC = 18:00 in Wetzlar.
        let start = Date(timeIntervalSince1970: 1_773_162_000)
        let event = ICalendar.Event(uid: "meeting-1@sopla", start: start, end: start.addingTimeInterval(7200),
                                    summary: "Steuerungsgruppe; 3. Sitzung, öffentlich", location: "Kreishaus Wetzlar\nRaum 1",
                                    description: String(repeating: "Tagesordnung ", count: 10))
        let text = ICalendar.write(name: "Steuerungsgruppe", events: [event], now: start)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("DTSTART:20260310T170000Z\r\nDTEND:20260310T190000Z\r\n"))
        #expect(text.contains("SUMMARY:Steuerungsgruppe\\; 3. Sitzung\\, öffentlich\r\n"))
        #expect(text.contains("LOCATION:Kreishaus Wetzlar\\nRaum 1\r\n"))
        // Every physical line is at most 75 octets; unfolding gives the description back.
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:" + String(repeating: "Tagesordnung ", count: 10) + "\r\n"))
    }

    @Test func foldingNeverSplitsAUmlaut() {
        let folded = ICalendar.fold("SUMMARY:" + String(repeating: "ä", count: 60))
        for line in folded.components(separatedBy: "\r\n") where !line.isEmpty {
            #expect(String(data: Data(line.utf8), encoding: .utf8) != nil)
            #expect(line.utf8.count <= 75)
        }
    }
}
