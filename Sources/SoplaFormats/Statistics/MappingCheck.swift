import Foundation
import SoplaCore

/// Checks a mapping against the value columns of a file: every column must be mapped or ignored. A mapped
/// column the file lacks is no problem: a narrower download of the same table (only the county's rows, fewer
/// measures) simply brings no values for it; a column that changed shows up as a new, unmapped one.
enum MappingCheck {
    static func check(_ mapping: ColumnMapping?, columns: [SourceColumn], line: Int, issue: (DataImportIssue) -> Void) -> Bool {
        var clean = true
        for column in columns where !(mapping?.signatures.contains(column.signature) ?? false) {
            issue(DataImportIssue(line: line, column: column.signature, value: column.label, reason: .unmappedColumn))
            clean = false
        }
        return clean
    }
}
