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

    /// A file name as people see it: refused characters dropped, folders removed, trimmed; "Datei" when nothing is left.
    public static func fileName(_ name: String) -> String {
        let base = clean(name).split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
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
        func hexValue(_ start: Int) -> UInt32? {
            guard start + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[start..<start + 4] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value * 16 + digit
            }
            return value
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
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"), let value = hexValue(index + 2),
                   let scalar = Unicode.Scalar(value), isRefused(scalar) {
                    index += 6
                } else {
                    // Any other escape is copied whole, so an escaped quote does not end the string.
                    output.append(byte)
                    if index + 1 < bytes.count { output.append(bytes[index + 1]) }
                    index += 2
                }
            case 0x00...0x1F, 0x7F:
                index += 1
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                index += 2
            case 0xE2 where index + 2 < bytes.count
                && ((bytes[index + 1] == 0x80 && (0xAA...0xAE).contains(bytes[index + 2])) || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2]))):
                index += 3
            default:
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}
