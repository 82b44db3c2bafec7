import Foundation
import SoplaCore
import SoplaStore

/// Finding services by what people type (the Wegweiser): the full-text index is built from the services, their
/// categories with the planners' search words and their providers' names, and built again when any of them changed.
public struct ServiceSearch: Sendable {
    let store: ServiceStore
    let index: ServiceSearchIndex

    public init(store: ServiceStore, index: ServiceSearchIndex) {
        self.store = store
        self.index = index
    }

    /// What a search found: each service's relevance (higher is better) and the typed words that were read as others.
    public struct Result: Sendable {
        public let scores: [UUID: Double]
        public let corrections: [(typed: String, used: String)]
    }

    /// The services matching `text`; an empty text matches nothing (callers show everything then).
    public func find(_ text: String, in landscape: ServiceLandscape) async throws -> Result {
        let source = "\(try await store.dataVersion())/\(Self.fingerprint(landscape))"
        if try await index.builtFrom() != source {
            try await index.rebuild(from: source, documents: Self.documents(landscape))
        }
        let query = GermanSearch.query(text, vocabulary: try await index.vocabulary())
        let hits = try await index.search(query)
        return Result(scores: Dictionary(hits.map { ($0.serviceID, $0.score) }, uniquingKeysWith: max), corrections: query.corrections)
    }

    /// The words of every service: name, category and its search words in the title; description, life situations,
    /// legal basis and provider in the body.
    public static func documents(_ landscape: ServiceLandscape) -> [ServiceSearchIndex.Document] {
        let categories = Dictionary(landscape.categories.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let texts = landscape.records.map { record -> (UUID, String, String) in
            let s = record.service
            let category = categories[s.categoryCode]
            let title = [s.name, category?.nameDE ?? "", category?.nameEN ?? ""] + (category?.synonyms ?? [])
            let body = [s.description, landscape.organisationName(s.organisationID), s.legalBasis ?? category?.legalBasis ?? ""] + s.targetGroup.situations.sorted()
            return (s.id, title.joined(separator: " "), body.joined(separator: " "))
        }
        let lexicon = GermanSearch.lexicon(texts.flatMap { [$0.1, $0.2] })
        return texts.map { id, title, body in
            ServiceSearchIndex.Document(serviceID: id, title: GermanSearch.terms(title, lexicon: lexicon).joined(separator: " "),
                                        body: GermanSearch.terms(body, lexicon: lexicon).joined(separator: " "))
        }
    }

    /// A stable fingerprint (FNV-1a) of what the index holds besides the services: providers' names.
    static func fingerprint(_ landscape: ServiceLandscape) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (id, organisation) in landscape.organisations.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            for byte in (id.uuidString + "=" + organisation.name + "\n").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}
