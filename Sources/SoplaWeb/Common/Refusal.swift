import Foundation
import SoplaRender
import Vapor

/// A request refused for a reason the person can act on, in their words: the error page says it below its heading
/// (and the JSON error carries it), instead of a general "Angaben nicht verarbeitbar".
struct Refusal: AbortError {
    let status: HTTPResponseStatus
    let german: String
    let english: String

    init(_ status: HTTPResponseStatus, _ german: String, _ english: String) {
        self.status = status
        self.german = german
        self.english = english
    }

    var reason: String { german }

    func message(_ language: Language) -> String { language == .de ? german : english }
}
