import Foundation

/// What is never kept from text people type or send: control characters (but tab and line breaks), and the bidi
/// embedding, override and isolate controls, which make a file "…\u{202E}gnp.pdf" read as "…fdp.png" and turn the
/// order of a label around. They are dropped where text enters (forms, JSON, uploads), so nothing stored holds them.
public enum TextInput {
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The text without refused characters; the same string when it has none.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isRefused) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter { !isRefused($0) })
        return String(kept)
    }

    /// A file name as people see it: refused characters dropped, folders removed, at most `maxLength` characters,
    /// trimmed; "Datei" when nothing is left.
    public static func fileName(_ name: String, maxLength: Int = 200) -> String {
        let base = clean(name).split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map { String($0.prefix(maxLength)) } ?? ""
        let trimmed = base.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed.allSatisfy({ $0 == "." }) ? "Datei" : trimmed
    }

    /// JSON text with refused characters removed from its strings: raw ones and `\u` escapes of them. Everything else,
    /// numbers included, stays byte for byte, so the decoder sees the same document but for those characters.
    public static func cleanJSON(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inString = false
        var index = 0
        /// The scalar of the `\uXXXX` escape whose hex digits start at `start`.
        func escaped(_ start: Int) -> Unicode.Scalar? {
            guard start + 4 <= bytes.count else { return nil }
            let digits = bytes[start..<start + 4]
            guard digits.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }) else { return nil }
            return UInt32(String(decoding: digits, as: UTF8.self), radix: 16).flatMap(Unicode.Scalar.init)
        }
        /// The scalar a multi-byte UTF-8 sequence starting at `start` encodes, with its length.
        func encoded(_ start: Int) -> (scalar: Unicode.Scalar, length: Int)? {
            let lead = bytes[start]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            guard length > 0, start + length <= bytes.count,
                  let scalar = String(bytes: bytes[start..<start + length], encoding: .utf8)?.unicodeScalars.first else { return nil }
            return (scalar, length)
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard inString else {
                if byte == UInt8(ascii: "\"") { inString = true }
                output.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = false
                output.append(byte)
                index += 1
            case UInt8(ascii: "\\"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"), let scalar = escaped(index + 2), isRefused(scalar) {
                    index += 6
                } else {
                    // Any other escape is copied whole, so an escaped quote does not end the string.
                    output.append(byte)
                    if index + 1 < bytes.count { output.append(bytes[index + 1]) }
                    index += 2
                }
            case 0x00...0x1F, 0x7F:
                // JSON allows no raw control character in a string, not even a tab or line break (those come escaped).
                index += 1
            case 0x80...:
                if let (scalar, length) = encoded(index), isRefused(scalar) { index += length } else {
                    output.append(byte)
                    index += 1
                }
            default:
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}
