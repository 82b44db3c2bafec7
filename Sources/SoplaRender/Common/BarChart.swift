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

    /// Width of a text at 13 px in the chart's units: an average character of a sans-serif face, with room to spare.
    static func textWidth(_ text: String) -> Double { Double(text.count) * 7.6 }

    /// Labels longer than this are shortened with "…" (the full label stays in the table and the label's tooltip).
    static let longestLabel = 40

    public func render() -> HTMLNode {
        guard let maxValue = bars.map(\.value).max(), maxValue > 0 else { return .empty }
        let shown = bars.map { $0.label.count > Self.longestLabel ? String($0.label.prefix(Self.longestLabel - 1)) + "…" : $0.label }
        // Label and value columns as wide as their longest text, so nothing is cut at the picture's edge; the bars
        // keep at least 300 units.
        let rowHeight = 28.0
        let labelWidth = max(60, (shown.map(Self.textWidth).max() ?? 0) + 10)
        let valueWidth = max(60, (bars.map { Self.textWidth($0.valueText) }.max() ?? 0) + 12)
        let width = max(520, labelWidth + valueWidth + 300)
        let barSpace = width - labelWidth - valueWidth
        let height = rowHeight * Double(bars.count) + 8
        let rows: [HTMLNode] = bars.enumerated().map { index, bar in
            let y = Double(index) * rowHeight + 4
            let length = max(1, barSpace * Double(bar.value) / Double(maxValue))
            return el("g", [], [
                el("text", [("x", "0"), ("y", fmt(y + 18)), ("class", "chart-label"), ("font-size", "13")],
                   shown[index] == bar.label ? [txt(bar.label)] : [el("title", text: bar.label), txt(shown[index])]),
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
