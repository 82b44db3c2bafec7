import Foundation
import SoplaCore

/// Checks a mapping against the value columns of a file: every column must be mapped or ignored, and
/// every mapped column must still be there.
enum MappingCheck {
    static func check(_ mapping: ColumnMapping?, columns: [SourceColumn], line: Int, issue: (DataImportIssue) -> Void) -> Bool {
        var clean = true
        let present = Set(columns.map(\.signature))
        for column in columns where !(mapping?.signatures.contains(column.signature) ?? false) {
            issue(DataImportIssue(line: line, column: column.signature, value: column.label, reason: .unmappedColumn))
            clean = false
        }
        if let mapping {
            for signature in mapping.targets.keys.sorted() where !present.contains(signature) {
                issue(DataImportIssue(line: line, column: signature, value: signature, reason: .tableChanged))
                clean = false
            }
        }
        return clean
    }
}
