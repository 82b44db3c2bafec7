import Foundation
@testable import SoplaApp
import SoplaCore
import Testing

/// What an HSDS package that cannot be read says: one message naming where, before anything is looked at further.
@Suite("Reading HSDS packages")
struct HSDSPackageReaderTests {
    let reader = HSDSPackageReader(knownOrganisations: [], unitKeys: [], problemText: { "\($0)" })

    func problems(_ text: String) -> [String] {
        do {
            _ = try reader.read(Data(text.utf8))
            return []
        } catch let failure as HSDSPackageReader.Failure {
            return failure.problems
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    @Test func filesThatAreNoPackageSayWhy() {
        #expect(problems("") == ["the file is empty"])
        #expect(problems("null") == ["the file is not a JSON object"])
        #expect(problems("[1, 2]") == ["the file is not a JSON object"])
        #expect(problems("{\"services\":[}").first?.hasPrefix("the file is not JSON (") == true)
        #expect(problems("{\"services\": {}}") == ["services: not a list"])
        #expect(problems("{\"services\": [{\"minimum_age\": \"zehn\"}]}") == ["services[0].minimum_age: not a whole number"])
        #expect(problems("{\"services\": [{\"minimum_age\": 1e308}]}") == ["a value does not fit its field (for example a number too large for a whole number)"])
        #expect(problems("{}") == ["services: missing"])
        #expect(problems("{\"hsds_version\": \"2.0\", \"services\": []}") == ["hsds_version 2.0: sopla reads HSDS 3.0 packages"])
    }

    @Test func aLongNameIsShortenedInTheMessage() {
        let name = String(repeating: "A", count: 5_000)
        let message = problems("{\"services\": [{\"id\": \"kein-uuid\", \"name\": \"\(name)\"}]}")
        #expect(message == ["services[0] (" + String(repeating: "A", count: 60) + "…): id is not a UUID"])
    }
}
