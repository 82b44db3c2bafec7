import Foundation

/// A horizontal bar chart as SVG. It is a picture of a table that stands beside it, so it is hidden
/// from screen readers except for its title.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public let label: String
        public let value: Int
        public let valueText: String

        public init(label: String, value: Int, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public let title: String
    public let bars: [Bar]

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }

    public func render() -> HTMLNode {
        guard let maxValue = bars.map(\.value).max(), maxValue > 0 else { return .empty }
        let rowHeight = 28.0, labelWidth = 110.0, width = 520.0, valueWidth = 90.0
        let barSpace = width - labelWidth - valueWidth
        let height = rowHeight * Double(bars.count) + 8
        let rows: [HTMLNode] = bars.enumerated().map { index, bar in
            let y = Double(index) * rowHeight + 4
            let length = max(1, barSpace * Double(bar.value) / Double(maxValue))
            return el("g", [], [
                el("text", [("x", "0"), ("y", fmt(y + 18)), ("class", "chart-label"), ("font-size", "13")], text: bar.label),
                el("rect", [("x", fmt(labelWidth)), ("y", fmt(y + 4)), ("width", fmt(length)), ("height", fmt(rowHeight - 10)), ("class", "chart-bar"), ("fill", "#0b5394")]),
                el("text", [("x", fmt(labelWidth + length + 6)), ("y", fmt(y + 18)), ("class", "chart-value"), ("font-size", "13")], text: bar.valueText),
            ])
        }
        return el("svg", [("class", "chart"), ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"), ("role", "img"),
                          ("aria-label", title), ("xmlns", "http://www.w3.org/2000/svg")], [
            el("title", text: title),
        ] + rows)
    }

    private func fmt(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
