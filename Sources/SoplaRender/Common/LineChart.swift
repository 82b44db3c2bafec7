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
        let bottomValue = min(0, low), topValue = high == bottomValue ? bottomValue + 1 : high * 1.05
        let first = Double(dates.first!.startDate.timeIntervalSince1970), last = Double(dates.last!.startDate.timeIntervalSince1970)
        func x(_ day: Day) -> Double {
            guard last > first else { return left + (width - left - right) / 2 }
            return left + (Double(day.startDate.timeIntervalSince1970) - first) / (last - first) * (width - left - right)
        }
        func y(_ value: Double) -> Double {
            top + (topValue - value) / (topValue - bottomValue) * (height - top - bottom)
        }
        var nodes: [HTMLNode] = [el("title", text: title)]
        for step in 0...4 {
            let value = bottomValue + (topValue - bottomValue) * Double(step) / 4
            nodes.append(el("line", [("class", "grid"), ("x1", fmt(left)), ("x2", fmt(width - right)), ("y1", fmt(y(value))), ("y2", fmt(y(value))), ("stroke", "#c8c8c8")]))
            nodes.append(el("text", [("x", fmt(left - 6)), ("y", fmt(y(value) + 4)), ("text-anchor", "end"), ("font-size", "12")], text: Format.decimal(value, digits: decimals, language)))
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

    private func fmt(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
