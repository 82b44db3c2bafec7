import Foundation
import SoplaCore
import Vapor

/// Every field of a submitted form, read without a fixed shape: forms whose field names carry ids (checklist
/// answers, review scores) read them here. A field that is neither one value nor a list of values is kept as
/// malformed, so the form can say which field it could not read instead of losing the rest.
struct FormFields: Decodable, Sendable {
    enum Value: Sendable, Equatable {
        case single(String)
        case list([String])
        case malformed
    }

    private(set) var values: [String: Value] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        for key in container.allKeys where values[key.stringValue] == nil {
            // One value first: decoding a list splits text at commas.
            if let text = try? container.decode(String.self, forKey: key) {
                values[key.stringValue] = .single(text)
            } else if let list = try? container.decode([String].self, forKey: key) {
                values[key.stringValue] = .list(list)
            } else {
                values[key.stringValue] = .malformed
            }
        }
    }

    /// The fields of the request body; an unreadable body has none.
    init(_ req: Request) {
        self = (try? req.content.decode(FormFields.self)) ?? FormFields()
    }

    private init() {}

    /// The value of a one-value field; nil when absent or not one value.
    subscript(_ name: String) -> String? {
        if case .single(let text) = values[name] { return text }
        return nil
    }

    /// The values of a list field (checkboxes); one value counts as a list of one.
    func list(_ name: String) -> [String] {
        switch values[name] {
        case .single(let text): return [text]
        case .list(let list): return list
        default: return []
        }
    }

    /// The fields whose names start with the prefix, as one value each.
    func strings(prefixed prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in values where name.hasPrefix(prefix) {
            if case .single(let text) = value { result[name] = text }
        }
        return result
    }

    /// Issues for fields that could not be read: not one value where one is expected (`single`), or of no usable shape.
    func malformed(single: Set<String> = []) -> [ValidationIssue] {
        values.compactMap { name, value in
            switch value {
            case .malformed: return ValidationIssue(name, .unknownValue("…"))
            case .list(let list) where single.contains(name): return ValidationIssue(name, .unknownValue(String(list.joined(separator: ", ").prefix(20))))
            default: return nil
            }
        }.sorted { $0.field < $1.field }
    }

    struct FieldKey: CodingKey {
        let stringValue: String
        let intValue: Int? = nil
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }
}

/// What a decoding failure says about the request: the field it could not read and why, in words for the client.
struct FieldDecodingProblem: Sendable, Equatable {
    let field: String
    let message: String

    init(_ error: DecodingError) {
        func name(_ path: [any CodingKey]) -> String {
            let keys = path.filter { $0.intValue == nil }.map(\.stringValue)
            return keys.isEmpty ? "body" : keys.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            field = name(context.codingPath)
            message = "the field \(field) could not be read: expected \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            field = name(context.codingPath)
            message = "the field \(field) could not be read: expected \(Self.describe(type))"
        case .keyNotFound(let key, let context):
            field = name(context.codingPath + [key])
            message = "the field \(field) is missing"
        case .dataCorrupted(let context):
            field = name(context.codingPath)
            message = field == "body" ? "the request body could not be read" : "the field \(field) could not be read"
        @unknown default:
            field = "body"
            message = "the request body could not be read"
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is String?.Type: return "one text value"
        case is Int.Type, is Int?.Type: return "a whole number"
        case is Double.Type, is Double?.Type: return "a number"
        case is Bool.Type, is Bool?.Type: return "true or false"
        case is [String].Type, is [String]?.Type: return "a list of values"
        default: return "a value of another shape"
        }
    }

    /// The error the API and the error pages answer with: 422 naming the field.
    var apiError: APIError {
        APIError(.unprocessableEntity, code: "invalid_field", message: message, details: [.init(field: field, message: message)])
    }
}

extension Request {
    /// Decodes the request body; a body that does not fit answers 422 naming the field (never a silent default).
    func decodeForm<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try content.decode(type)
        } catch let error as DecodingError {
            throw FieldDecodingProblem(error).apiError
        }
    }
}

extension Request {
    /// Decodes a form of optional fields so that it can be shown again: a field that cannot be read is left out and
    /// returned as an issue, everything else comes back as typed. A body that still does not fit answers 422 (see
    /// `FieldDecodingProblem`).
    func formKeepingInput<T: Decodable>(_ type: T.Type) throws -> (T, [ValidationIssue]) {
        do {
            return (try content.decode(type), [])
        } catch is DecodingError {
            let fields = FormFields(self)
            var components = URLComponents()
            components.queryItems = fields.values.sorted { $0.key < $1.key }.flatMap { name, value -> [URLQueryItem] in
                switch value {
                case .single(let text): return [URLQueryItem(name: name, value: text)]
                case .list(let list): return list.map { URLQueryItem(name: name + "[]", value: $0) }
                case .malformed: return []
                }
            }
            let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
            do {
                return (try URLEncodedFormDecoder().decode(type, from: encoded), fields.malformed())
            } catch let error as DecodingError {
                throw FieldDecodingProblem(error).apiError
            }
        }
    }
}

/// A day typed into a form field.
enum FormDay {
    /// The day of `text` (`yyyy-MM-dd` or `dd.MM.yyyy`, 1900 … 2100); an empty field is `required` (or nil when optional),
    /// anything else that is no such day is named with what was typed.
    static func read(_ text: String?, field: String, required: Bool = true, into issues: inout [ValidationIssue]) -> Day? {
        let typed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else {
            if required { issues.append(ValidationIssue(field, .required)) }
            return nil
        }
        guard let day = Day(input: typed) else {
            issues.append(ValidationIssue(field, .notADay(String(typed.prefix(20)))))
            return nil
        }
        return day
    }
}
