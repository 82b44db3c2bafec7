import Foundation

/// Where a browser may be sent after a form: a path on this site and nothing else.
///
/// Browsers read a `Location` by the WHATWG URL rules: they drop tabs and newlines anywhere, strip control
/// characters and spaces at the ends, and treat `\` like `/`. So `/\t/evil.example` and `/\evil.example` leave
/// the site although they start with one slash. A target is judged here as a browser would read it, raw and once
/// percent-decoded; anything that is not a plain same-site path, or that carries a control, format (bidi) or
/// whitespace character, is refused (nil), and the caller falls back to its default page.
public enum RedirectTarget {
    /// Longest target kept; longer ones are refused rather than cut.
    public static let maximumLength = 2000

    /// The same-site path to redirect to, with non-ASCII characters percent-encoded; nil if `raw` is not one.
    public static func localPath(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= maximumLength else { return nil }
        var path = ""
        for scalar in raw.unicodeScalars {
            if isForbidden(scalar) { return nil }
            if scalar.isASCII {
                path.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { path += String(format: "%%%02X", byte) }
            }
        }
        guard isSameSitePath(path) else { return nil }
        // Percent-encoded variants (`/%2F%2Fevil.example`, `/%5Cevil`, `/%09/evil`) are refused as well: a proxy or
        // a second decoding step must not turn them into a way off the site either.
        if let decoded = path.removingPercentEncoding, decoded != path {
            guard !decoded.unicodeScalars.contains(where: isForbidden), isSameSitePath(decoded) else { return nil }
        }
        return path
    }

    /// One leading slash, then no slash or backslash right after it, no backslash anywhere.
    private static func isSameSitePath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return false }
        return !bytes.contains(UInt8(ascii: "\\"))
    }

    /// Control characters (C0, DEL, C1), whitespace and invisible format characters such as bidi overrides.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value <= 0x20 || (0x7F...0x9F).contains(value) { return true }
        return scalar.properties.generalCategory == .format || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
    }
}
