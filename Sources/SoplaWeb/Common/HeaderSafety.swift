import Foundation
import Vapor

/// No response header carries a control character: a value built from data (a file name, a redirect target, a
/// media type of an upload) cannot end the header line and write headers of its own (response splitting,
/// cookie planting). Every response passes `clean` in the site middleware; a `Location` that is not clean
/// becomes `/`, other values lose the offending characters.
enum HeaderSafety {
    static func isClean(_ value: String) -> Bool {
        for byte in value.utf8 where (byte < 0x20 && byte != 0x09) || byte == 0x7F { return false }
        return true
    }

    static func clean(_ headers: inout HTTPHeaders) {
        guard headers.contains(where: { !isClean($0.value) || !isClean($0.name) }) else { return }
        var cleaned = HTTPHeaders()
        for (name, value) in headers where isClean(name) {
            if isClean(value) {
                cleaned.add(name: name, value: value)
            } else if name.lowercased() == "location" {
                cleaned.add(name: name, value: "/")
            } else {
                cleaned.add(name: name, value: String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })))
            }
        }
        headers = cleaned
    }
}

extension HTTPHeaders {
    /// `Content-Disposition: attachment` with a file name any browser reads and none can break out of: an ASCII
    /// name (other characters, quotes, backslashes and controls become `_`) and the full name in UTF-8 (RFC 6266, 8187).
    mutating func setAttachment(filename: String) {
        let scalars = filename.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
        var name = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { name = "download" }
        if name.count > 200 { name = String(name.prefix(200)) }
        let ascii = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
        })
        var value = "attachment; filename=\"\(ascii)\""
        if ascii != name {
            let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")
            value += "; filename*=UTF-8''" + (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii)
        }
        replaceOrAdd(name: .contentDisposition, value: value)
    }
}
