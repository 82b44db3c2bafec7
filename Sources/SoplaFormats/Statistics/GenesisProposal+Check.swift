import Foundation
import SoplaCore

extension GenesisProposal {
    /// The longest name of a variable.
    public static let maxNameLength = 200

    /// What is wrong with a planner's edit of one proposed variable.
    public enum EditProblem: Sendable, Equatable {
        case codeMissing
        /// Not lower-case letters, digits and `_` starting with a letter (`Variable.isValidCode`).
        case invalidCode(String)
        case nameMissing
        case nameTooLong(max: Int)
        /// Another column has the same code: the values of two measures would end up in one variable.
        case sameCode(asColumns: [String])
        /// The code of an existing variable measured in another unit: its values and the column's would be mixed
        /// (a share stored as a count is refused later as a fraction, a sum of euros shown as persons).
        case otherUnit(existing: String, column: String)
    }

    /// Whether values in `unit` (counts or not) may go into `variable`: both counts (persons, cases, "Anzahl"), or the same
    /// unit. A column whose table names no unit is not judged.
    public static func fits(_ variable: Variable, unit: String, isCount: Bool) -> Bool {
        if unit.trimmingCharacters(in: .whitespaces).isEmpty { return true }
        if variable.isCount || isCount { return variable.isCount && isCount }
        return variable.unit.trimmingCharacters(in: .whitespaces).lowercased() == unit.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Every problem of the planner's edits, by column signature; empty when the edited proposal may be imported.
    /// An edit of a column the proposal does not have is ignored (as `editing` ignores it). Two columns may not share a
    /// code, new or existing; a column left as proposed is not blamed for a code another column was given. A code
    /// changed to one of `existing` must name a variable of the column's unit.
    public func problems(with edits: [String: Edit], existing: [String: Variable] = [:]) -> [String: [EditProblem]] {
        var problems: [String: [EditProblem]] = [:]
        var finalCodes: [(signature: String, code: String, edited: Bool)] = []
        for proposed in variables {
            guard let edit = edits[proposed.signature] else {
                finalCodes.append((proposed.signature, proposed.code, false))
                continue
            }
            if edit.code.isEmpty {
                problems[proposed.signature, default: []].append(.codeMissing)
            } else if !Variable.isValidCode(edit.code) {
                problems[proposed.signature, default: []].append(.invalidCode(edit.code))
            } else {
                finalCodes.append((proposed.signature, edit.code, edit.code != proposed.code))
                if edit.code != proposed.code, let variable = existing[edit.code], !Self.fits(variable, unit: proposed.unit, isCount: proposed.isCount) {
                    problems[proposed.signature, default: []].append(.otherUnit(existing: variable.unit, column: proposed.unit))
                }
            }
            if edit.name.isEmpty {
                problems[proposed.signature, default: []].append(.nameMissing)
            } else if edit.name.count > Self.maxNameLength {
                problems[proposed.signature, default: []].append(.nameTooLong(max: Self.maxNameLength))
            }
        }
        let byCode = Dictionary(grouping: finalCodes, by: \.code)
        for entry in finalCodes {
            let sharing = byCode[entry.code] ?? []
            guard sharing.count > 1 else { continue }
            // Blame the columns whose code was changed; only when none was (a hand-made request) all of them.
            guard entry.edited || !sharing.contains(where: \.edited) else { continue }
            problems[entry.signature, default: []].append(.sameCode(asColumns: sharing.map(\.signature).filter { $0 != entry.signature }))
        }
        return problems
    }
}
