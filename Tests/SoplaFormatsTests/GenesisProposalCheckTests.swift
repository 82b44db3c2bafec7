import Foundation
import SoplaCore
import Testing
@testable import SoplaFormats

@Suite("A planner's changes to a GENESIS proposal")
struct GenesisProposalCheckTests {
    static func proposed(_ signature: String, _ code: String, exists: Bool = false) -> GenesisProposal.ProposedVariable {
        GenesisProposal.ProposedVariable(signature: signature, code: code, name: "Name \(signature)", unit: "Anzahl", isCount: true, exists: exists, breakdowns: [], ownValues: 1)
    }

    let proposal = GenesisProposal(tableCode: "52411", tableTitle: "Insolvenzen", variables: [proposed("ISV006", "isv006"), proposed("FOR002", "for002"), proposed("BEV", "bevoelkerung", exists: true)])

    @Test func theProposalAsItIsAndValidChangesHaveNoProblem() {
        #expect(proposal.problems(with: [:]).isEmpty)
        #expect(proposal.problems(with: ["ISV006": .init(code: "isv006", name: "Name ISV006")]).isEmpty)
        #expect(proposal.problems(with: ["ISV006": .init(code: "insolvenzen", name: "Insolvenzverfahren"), "FOR002": .init(code: "flaeche", name: "Fläche")]).isEmpty)
        // An edit of a column the table does not have is ignored.
        #expect(proposal.problems(with: ["XYZ": .init(code: "isv006", name: "")]).isEmpty)
    }

    @Test func codesAndNamesAreChecked() {
        let problems = proposal.problems(with: [
            "ISV006": .init(code: "", name: ""),
            "FOR002": .init(code: "For 002", name: String(repeating: "x", count: 201)),
        ])
        #expect(problems["ISV006"] == [.codeMissing, .nameMissing])
        #expect(problems["FOR002"] == [.invalidCode("For 002"), .nameTooLong(max: 200)])
        #expect(problems["BEV"] == nil)
        #expect(proposal.problems(with: ["FOR002": .init(code: "f", name: String(repeating: "x", count: 200))]).isEmpty)
    }

    @Test func twoColumnsNeverShareACodeAndOnlyTheChangedOneIsBlamed() {
        #expect(proposal.problems(with: ["FOR002": .init(code: "isv006", name: "n")]) == ["FOR002": [.sameCode(asColumns: ["ISV006"])]])
        // An existing variable is no exception: it would merge two measures.
        #expect(proposal.problems(with: ["ISV006": .init(code: "bevoelkerung", name: "n")]) == ["ISV006": [.sameCode(asColumns: ["BEV"])]])
        let both = proposal.problems(with: ["ISV006": .init(code: "neu", name: "n"), "FOR002": .init(code: "neu", name: "n")])
        #expect(both == ["ISV006": [.sameCode(asColumns: ["FOR002"])], "FOR002": [.sameCode(asColumns: ["ISV006"])]])
        // Swapping two codes is fine.
        #expect(proposal.problems(with: ["ISV006": .init(code: "for002", name: "n"), "FOR002": .init(code: "isv006", name: "n")]).isEmpty)
    }
}
