import Foundation

/// A planning area with the start of its current boundary, or the day its last one ended (retired).
public struct PlanningAreaState: Sendable {
    public let unit: SpatialUnit
    public let currentFrom: Day?
    public let retiredFrom: Day?

    public init(unit: SpatialUnit, currentFrom: Day?, retiredFrom: Day?) {
        self.unit = unit
        self.currentFrom = currentFrom
        self.retiredFrom = retiredFrom
    }
}
