import Foundation

/// Which variable (and breakdown) each value column of a GENESIS table feeds. Chosen once per table code
/// and reused on the next import of the same table.
public struct ColumnMapping: Sendable, Equatable, Codable {
    public var tableCode: String
    /// Column signature → target.
    public var targets: [String: IndicatorTerm]
    /// Column signatures deliberately left out.
    public var ignored: Set<String>

    public init(tableCode: String, targets: [String: IndicatorTerm] = [:], ignored: Set<String> = []) {
        self.tableCode = tableCode
        self.targets = targets
        self.ignored = ignored
    }

    public var signatures: Set<String> { Set(targets.keys).union(ignored) }
}
