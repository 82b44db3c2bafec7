import Foundation
import SoplaCore
import Vapor

/// Forms and JSON bodies are read with refused characters removed (`TextInput`): every text a handler decodes is
/// already clean, whichever form or API operation it comes from.
enum CleanInput {
    /// Installs the decoders for url-encoded forms and JSON (process-wide, as Vapor's content configuration is).
    static func install() {
        ContentConfiguration.global.use(decoder: FormDecoder(), for: .urlEncodedForm)
        ContentConfiguration.global.use(decoder: JSONBodyDecoder(), for: .json)
        ContentConfiguration.global.use(decoder: JSONBodyDecoder(), for: .jsonAPI)
    }

    /// A url-encoded body with refused characters removed from every name and value; pairs without any stay as sent.
    static func cleanForm(_ body: String) -> String {
        guard body.contains("%") || body.unicodeScalars.contains(where: TextInput.isRefused) else { return body }
        return body.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let cleaned = parts.map { part -> String in
                let raw = String(part)
                guard let decoded = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else { return raw }
                let clean = TextInput.clean(decoded)
                guard clean != decoded else { return raw }
                return clean.addingPercentEncoding(withAllowedCharacters: formAllowed) ?? raw
            }
            return cleaned.joined(separator: "=")
        }.joined(separator: "&")
    }

    private static let formAllowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        .union(CharacterSet(charactersIn: "-._~"))

    struct FormDecoder: ContentDecoder {
        let inner = URLEncodedFormDecoder()

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
            try decode(decodable, from: body, headers: headers, userInfo: [:])
        }

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
            try inner.decode(decodable, from: ByteBuffer(string: CleanInput.cleanForm(String(buffer: body))), headers: headers, userInfo: userInfo)
        }
    }

    struct JSONBodyDecoder: ContentDecoder {
        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
            try decode(decodable, from: body, headers: headers, userInfo: [:])
        }

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            decoder.userInfo = userInfo
            return try decoder.decode(decodable, from: Data(TextInput.cleanJSON(Array(body.readableBytesView))))
        }
    }
}
