import Foundation
import SoplaCore

/// A time-series line chart as SVG. Missing values break the line (a gap stays a gap). Like the bar chart,
/// it is a picture of the table beside it.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        public let points: [(Day, Double?)]

        public init(name: String, points: [(Day, Double?)]) {
            self.name = name
            self.points = points
        }
    }

    public let title: String
    public let series: [Series]
    public let language: Language
    public let decimals: Int

    public init(title: String, series: [Series], language: Language, decimals: Int) {
        self.title = title
        self.series = series
        self.language = language
        self.decimals = decimals
    }

    /// Stroke colour, width and dashes of each series, as in the stylesheet (for renderers without it, e.g. PDF).
    static let strokes: [(colour: String, width: String, dash: String?)] = [("#0b5394", "2.5", nil), ("#8a4b00", "2.5", "6 4"), ("#3b3b3b", "1.5", "2 3")]

    public func render() -> HTMLNode {
        let dates = Array(Set(series.flatMap { $0.points.map(\.0) })).sorted()
        let values = series.flatMap { $0.points.compactMap(\.1) }
        guard !dates.isEmpty, let low = values.min(), let high = values.max() else { return .empty }
        let width = 560.0, height = 260.0, left = 64.0, right = 16.0, top = 12.0, bottom = 36.0
        let ticks = Self.niceTicks(low: min(0, low), high: high)
        let bottomValue = ticks.first ?? min(0, low), topValue = ticks.last ?? high
        let first = Double(dates.first!.startDate.timeIntervalSince1970), last = Double(dates.last!.startDate.timeIntervalSince1970)
        func x(_ day: Day) -> Double {
            guard last > first else { return left + (width - left - right) / 2 }
            return left + (Double(day.startDate.timeIntervalSince1970) - first) / (last - first) * (width - left - right)
        }
        func y(_ value: Double) -> Double {
            top + (topValue - value) / (topValue - bottomValue) * (height - top - bottom)
        }
        var nodes: [HTMLNode] = [el("title", text: title)]
        let tickDecimals = Self.decimals(of: ticks)
        for value in ticks {
            nodes.append(el("line", [("class", "grid"), ("x1", fmt(left)), ("x2", fmt(width - right)), ("y1", fmt(y(value))), ("y2", fmt(y(value))), ("stroke", "#c8c8c8")]))
            nodes.append(el("text", [("x", fmt(left - 6)), ("y", fmt(y(value) + 4)), ("text-anchor", "end"), ("font-size", "12")],
                            text: Format.decimal(value, digits: tickDecimals, language)))
        }
        let labelled = dates.count <= 8 ? dates : stride(from: 0, to: dates.count, by: max(1, dates.count / 6)).map { dates[$0] }
        for day in labelled {
            nodes.append(el("text", [("x", fmt(x(day))), ("y", fmt(height - bottom + 18)), ("text-anchor", "middle"), ("font-size", "12")],
                            text: dates.filter({ $0.year == day.year }).count > 1 ? Format.day(day, language) : String(day.year)))
        }
        for (index, series) in series.enumerated() {
            // One path per unbroken run of values.
            var d = ""
            var drawing = false
            for (day, value) in series.points.sorted(by: { $0.0 < $1.0 }) {
                guard let value else { drawing = false; continue }
                d += (drawing ? "L" : "M") + fmt(x(day)) + " " + fmt(y(value))
                drawing = true
            }
            let stroke = Self.strokes[min(index, Self.strokes.count - 1)]
            if !d.isEmpty { nodes.append(el("path", [("class", "series-\(index)"), ("d", d), ("fill", "none"), ("stroke", stroke.colour), ("stroke-width", stroke.width),
                                                     ("stroke-dasharray", stroke.dash)])) }
            for (day, value) in series.points {
                guard let value else { continue }
                nodes.append(el("circle", [("class", "dot-\(index)"), ("cx", fmt(x(day))), ("cy", fmt(y(value))), ("r", "3.5"), ("fill", stroke.colour)]))
            }
        }
        return el("svg", [("class", "line-chart"), ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"), ("role", "img"),
                          ("aria-label", title), ("xmlns", "http://www.w3.org/2000/svg")], nodes)
    }

    /// The names of the series with their line style, since colour alone must not carry meaning.
    public func key() -> HTMLNode {
        el("ul", [("class", "series-key")], series.enumerated().map { index, series in
            el("li", [], [el("span", [("class", "key key-\(index)"), ("aria-hidden", "true")]), txt(series.name)])
        })
    }

    /// Round axis ticks ("nice numbers"): steps of 1, 2, 2.5 or 5 times a power of ten, at most `maxCount` of them,
    /// from a multiple of the step at or below `low` to one at or above `high` — e.g. 0, 5, 10, 15 for 0…14.2.
    public static func niceTicks(low: Double, high: Double, maxCount: Int = 6) -> [Double] {
        guard low.isFinite, high.isFinite, maxCount >= 2 else { return [] }
        let from = min(low, high), to = max(low, high)
        if from == to {
            // One value: a step around it (1 for 0, else a tenth of its magnitude).
            let step = from == 0 ? 1 : niceStep(abs(from) / 5)
            return [((from / step).rounded(.down) - (from == 0 ? 0 : 1)) * step, ((from / step).rounded(.down) + 1) * step].map(clean)
        }
        var step = niceStep((to - from) / Double(maxCount - 1))
        while true {
            let first = (from / step).rounded(.down), last = (to / step).rounded(.up)
            let count = Int(last - first) + 1
            if count <= maxCount {
                return (0..<count).map { clean((first + Double($0)) * step) }
            }
            step = niceStep(step * 1.01)
        }
    }

    /// The smallest step of 1, 2, 2.5, 5 or 10 times a power of ten that is at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        let nice: Double = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 2.5 + 1e-9 ? 2.5 : fraction <= 5 + 1e-9 ? 5 : 10
        return nice * power
    }

    /// Rounds away binary noise (0.30000000000000004 → 0.3).
    static func clean(_ value: Double) -> Double {
        let rounded = (value * 1e9).rounded() / 1e9
        return rounded == 0 ? 0 : rounded
    }

    /// How many decimals the ticks need to be told apart (0 for 0, 5, 10; 1 for 0, 0.5, 1; 2 for 0, 0.25).
    static func decimals(of ticks: [Double]) -> Int {
        for digits in 0...6 {
            let factor = pow(10, Double(digits))
            if ticks.allSatisfy({ abs(($0 * factor).rounded() - $0 * factor) < 1e-6 }) { return digits }
        }
        return 6
    }

    private func fmt(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
