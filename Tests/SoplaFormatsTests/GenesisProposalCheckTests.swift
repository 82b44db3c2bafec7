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

    static func variable(_ code: String, unit: String, isCount: Bool) -> Variable {
        Variable(code: code, nameDE: code, nameEN: code, unit: unit, source: "Test", licence: "dl-de/by-2-0", isCount: isCount)
    }

    @Test func anExistingVariableMustBeMeasuredLikeTheColumn() {
        let existing = ["sgb2_quote": Self.variable("sgb2_quote", unit: "%", isCount: false), "einwohner": Self.variable("einwohner", unit: "Personen", isCount: true),
                        "ausgaben": Self.variable("ausgaben", unit: "Tsd. EUR", isCount: false)]
        // A count column into a share: refused, naming both units.
        #expect(proposal.problems(with: ["ISV006": .init(code: "sgb2_quote", name: "n")], existing: existing) == ["ISV006": [.otherUnit(existing: "%", column: "Anzahl")]])
        // Counts fit counts whatever their unit's word ("Personen", "Anzahl").
        #expect(proposal.problems(with: ["ISV006": .init(code: "einwohner", name: "n")], existing: existing).isEmpty)
        let euros = GenesisProposal(tableCode: "71147", tableTitle: "Ausgaben", variables: [
            GenesisProposal.ProposedVariable(signature: "AUS", code: "aus", name: "Ausgaben", unit: "Tsd. EUR", isCount: false, exists: false, breakdowns: [], ownValues: 1),
        ])
        #expect(euros.problems(with: ["AUS": .init(code: "ausgaben", name: "n")], existing: existing).isEmpty)
        #expect(euros.problems(with: ["AUS": .init(code: "einwohner", name: "n")], existing: existing) == ["AUS": [.otherUnit(existing: "Personen", column: "Tsd. EUR")]])
        #expect(euros.problems(with: ["AUS": .init(code: "sgb2_quote", name: "n")], existing: existing) == ["AUS": [.otherUnit(existing: "%", column: "Tsd. EUR")]])
        // A table that names no unit is not judged.
        #expect(GenesisProposal.fits(Self.variable("alo", unit: "Personen", isCount: true), unit: "", isCount: false))
        // A code the proposal itself gives (the variable exists with that GENESIS code) is not questioned.
        #expect(proposal.problems(with: ["BEV": .init(code: "bevoelkerung", name: "n")], existing: ["bevoelkerung": Self.variable("bevoelkerung", unit: "%", isCount: false)]).isEmpty)
    }
}
