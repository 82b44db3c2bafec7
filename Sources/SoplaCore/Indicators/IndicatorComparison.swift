import Foundation

/// One unit's line in an indicator table: the value as it may be shown, compared with the parent, an earlier
/// date and the other units.
public struct IndicatorRow: Hashable, Sendable {
    public let unitKey: String
    /// The value as shown (nil when missing or, in public output, suppressed).
    public let value: Double?
    public let numerator: Double?
    public let denominator: Double?
    public let suppression: SuppressionReason?
    public let gap: ValueGap?
    public let origin: IndicatorValue.Origin?
    public let flags: Set<ValueStatus>
    /// Value minus the parent's value (percentage points for shares).
    public let differenceToParent: Double?
    public let change: IndicatorChange?
    public let rank: Int?
}

public enum IndicatorComparison {
    /// Rows for `units` on one date. In public output (`raw` false) suppressed cells show nothing, and nothing is
    /// derived from them: no difference, no change, no rank.
    public static func rows(_ indicator: Indicator, units: [String], parentKey: String?, current: [String: PublishedValue],
                            earlier: [String: PublishedValue]?, raw: Bool) -> [IndicatorRow] {
        func shown(_ published: PublishedValue?) -> Double? {
            guard let published else { return nil }
            return raw ? published.value.value : published.publicValue
        }
        let parentValue = parentKey.flatMap { shown(current[$0]) }
        var ranked: [String: Double] = [:]
        for unit in units { if let v = shown(current[unit]) { ranked[unit] = v } }
        let ranks = Dictionary(uniqueKeysWithValues: IndicatorRanking.rank(ranked, polarity: indicator.polarity).map { ($0.unitKey, $0.rank) })
        return units.map { unit in
            let published = current[unit]
            let value = shown(published)
            let hidden = !raw && (published?.isSuppressed ?? false)
            return IndicatorRow(
                unitKey: unit, value: value,
                numerator: hidden ? nil : published?.value.numerator, denominator: hidden ? nil : published?.value.denominator,
                suppression: published?.suppression, gap: published?.value.gap, origin: published?.value.origin,
                // A hidden value's qualifiers (revised, provisional) would tell which hidden count changed.
                flags: hidden ? [] : published?.value.flags ?? [],
                differenceToParent: value.flatMap { v in parentValue.map { v - $0 } },
                change: IndicatorChange.between(shown(earlier?[unit]), value, percentage: indicator.isPercentage),
                rank: ranks[unit])
        }
    }
}
