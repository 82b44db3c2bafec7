import Foundation

/// iCalendar (RFC 5545) feeds of meetings: one VEVENT per meeting, times in UTC, text escaped, lines folded at 75 octets.
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        public var uid: String
        public var start: Date
        public var end: Date
        public var summary: String
        public var location: String?
        public var description: String?
        public var url: String?
        public var cancelled: Bool
        public var lastModified: Date?

        public init(uid: String, start: Date, end: Date, summary: String, location: String? = nil, description: String? = nil, url: String? = nil,
                    cancelled: Bool = false, lastModified: Date? = nil) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
            self.url = url
            self.cancelled = cancelled
            self.lastModified = lastModified
        }
    }

    /// `20261125T180000Z`.
    public static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// A content line folded after 75 octets, never inside a UTF-8 sequence (RFC 5545 3.1).
    public static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > limit {
                result += "\r\n "
                count = 0
                limit = 74
            }
            result.unicodeScalars.append(scalar)
            count += size
        }
        return result + "\r\n"
    }

    public static func write(name: String, events: [Event], now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sopla//Sitzungen//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape(name)]
        for event in events.sorted(by: { ($0.start, $0.uid) < ($1.start, $1.uid) }) {
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + utc(now), "DTSTART:" + utc(event.start), "DTEND:" + utc(event.end),
                      "SUMMARY:" + escape(event.summary)]
            if let location = event.location { lines.append("LOCATION:" + escape(location)) }
            if let description = event.description { lines.append("DESCRIPTION:" + escape(description)) }
            if let url = event.url { lines.append("URL:" + url) }
            if let modified = event.lastModified { lines.append("LAST-MODIFIED:" + utc(modified)) }
            lines.append("STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }
}
