import Foundation
import SoplaCore

/// A map of units drawn as SVG from their boundaries: no tiles, no script, every area a link.
public struct SVGMap: Sendable {
    public struct Area: Sendable {
        public let unit: SpatialUnit
        public let geometry: MultiPolygon
        /// Class of the colour scale, 0…(classes−1), or nil for no fill class.
        public let colourClass: Int?
        public let accessibleLabel: String
        /// Drawn with hatching: the value is kept secret (disclosure control).
        public let hatched: Bool
        /// Where the area links to; the unit page if nil.
        public let link: String?
        /// Drawn as a dashed outline over the filled areas (e.g. the planning areas inside a municipality), without label.
        public var outline = false

        public init(unit: SpatialUnit, geometry: MultiPolygon, colourClass: Int?, accessibleLabel: String, hatched: Bool = false, link: String? = nil) {
            self.unit = unit
            self.geometry = geometry
            self.colourClass = colourClass
            self.accessibleLabel = accessibleLabel
            self.hatched = hatched
            self.link = link
        }
    }

    public let id: String
    public let title: String
    public let areas: [Area]
    public let highlightKey: String?
    public let showLabels: Bool
    public let width: Double
    /// Places drawn on top of the areas (service locations).
    public let points: [Point]
    /// Whether a click on the map may set coordinates (the projection is written into data attributes for the script).
    public let pickable: Bool

    /// A place on the map, with its own link and name.
    public struct Point: Sendable {
        public let position: Position
        public let label: String
        public let link: String?

        public init(position: Position, label: String, link: String?) {
            self.position = position
            self.label = label
            self.link = link
        }
    }

    public init(id: String, title: String, areas: [Area], highlightKey: String? = nil, showLabels: Bool = true, width: Double = 640,
                points: [Point] = [], pickable: Bool = false) {
        self.points = points
        self.pickable = pickable
        self.id = id
        self.title = title
        self.areas = areas
        self.highlightKey = highlightKey
        self.showLabels = showLabels
        self.width = width
    }

    /// Equirectangular projection scaled by the cosine of the middle latitude: true to shape at county size.
    struct Projection {
        let box: BoundingBox
        let scale: Double
        let xFactor: Double
        let height: Double

        init(box: BoundingBox, width: Double, padding: Double) {
            self.box = box
            let midLat = (box.south + box.north) / 2 * .pi / 180
            xFactor = cos(midLat)
            let spanX = max((box.east - box.west) * xFactor, 1e-9)
            scale = (width - 2 * padding) / spanX
            height = (box.north - box.south) * scale + 2 * padding
            self.padding = padding
        }

        let padding: Double

        func point(_ p: Position) -> (Double, Double) {
            ((p.lon - box.west) * xFactor * scale + padding, (box.north - p.lat) * scale + padding)
        }
    }

    /// The fills of the classes c0…c6, as in the stylesheet.
    static let palette = ["#deebf7", "#bcd7ec", "#9cc3e2", "#75abd6", "#4a8bc2", "#2b6ca3", "#1a4f7d"]

    public func render() -> HTMLNode {
        guard let box = areas.compactMap({ $0.geometry.boundingBox }).reduce(nil, { (acc: BoundingBox?, b) in acc?.union(b) ?? b }) else {
            return .empty
        }
        let projection = Projection(box: box, width: width, padding: 8)
        let titleID = id + "-titel"
        let shapes: [HTMLNode] = areas.filter { !$0.outline }.map { area in
            var classes = ["area"]
            if let colourClass = area.colourClass { classes.append("c\(colourClass)") }
            if area.unit.key == highlightKey { classes.append("highlight") }
            if area.hatched { classes.append("hatched") }
            if area.colourClass == nil, !area.hatched { classes.append("no-value") }
            return el("a", [("href", area.link ?? SiteRoute.unit(key: area.unit.key).path), ("aria-label", area.accessibleLabel)], [
                // Colours also as presentation attributes, for renderers without the stylesheet (PDF); CSS wins in browsers.
                el("path", [("class", classes.joined(separator: " ")), ("d", pathData(area.geometry, projection)),
                            ("fill", area.hatched ? "url(#\(id)-schraffur)" : area.colourClass.map { Self.palette[min($0, Self.palette.count - 1)] } ?? "#f2f2f2"),
                            ("stroke", area.unit.key == highlightKey ? "#1a1a1a" : "#ffffff"), ("stroke-width", area.unit.key == highlightKey ? "3" : "1.2")]),
            ])
        }
        let outlines: [HTMLNode] = areas.filter(\.outline).map { area in
            el("a", [("href", area.link ?? SiteRoute.unit(key: area.unit.key).path), ("aria-label", area.accessibleLabel)], [
                el("path", [("class", "area outline"), ("d", pathData(area.geometry, projection)), ("fill", "none"), ("stroke", "#1a1a1a"),
                            ("stroke-width", "1"), ("stroke-dasharray", "4 3")]),
            ])
        }
        let labels: [HTMLNode] = showLabels ? areas.filter({ !$0.outline }).compactMap { area in
            guard let anchor = area.unit.representativePoint ?? area.geometry.centroid else { return nil }
            let (x, y) = projection.point(anchor)
            return el("text", [("x", Self.number(x)), ("y", Self.number(y)), ("class", "label"), ("font-size", "13"), ("fill", "#000000"),
                               ("text-anchor", "middle")], text: area.unit.name)
        } : []
        let markers: [HTMLNode] = points.map { point in
            let (x, y) = projection.point(point.position)
            // Every point has an accessible name (its label) and, where it has one, its link; the table beside the map lists them too.
            guard let link = point.link else {
                return el("circle", [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", "6"), ("class", "point"), ("fill", "#b3261e"), ("stroke", "#ffffff"),
                                     ("stroke-width", "2"), ("role", "img"), ("aria-label", point.label)], [el("title", text: point.label)])
            }
            let dot = el("circle", [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", "6"), ("class", "point"), ("fill", "#b3261e"), ("stroke", "#ffffff"),
                                    ("stroke-width", "2")], [el("title", text: point.label)])
            return el("a", [("href", link), ("aria-label", point.label)], [dot])
        }
        var attributes: [(String, String?)] = [
            ("id", id), ("class", pickable ? "map pickable" : "map"), ("viewBox", "0 0 \(Self.number(width)) \(Self.number(projection.height))"),
            ("xmlns", "http://www.w3.org/2000/svg"), ("aria-labelledby", titleID), ("role", "group"),
        ]
        if pickable {
            attributes += [("data-west", String(box.west)), ("data-north", String(box.north)), ("data-scale", String(projection.scale)),
                           ("data-xfactor", String(projection.xFactor)), ("data-padding", "8")]
        }
        return el("svg", attributes, [
            el("title", [("id", titleID)], text: title),
            areas.contains(where: \.hatched) ? Self.hatchPattern(id + "-schraffur") : .empty,
            el("g", [("class", "areas")], shapes),
            outlines.isEmpty ? .empty : el("g", [("class", "outlines")], outlines),
            el("g", [("class", "labels"), ("aria-hidden", "true")], labels),
            markers.isEmpty ? .empty : el("g", [("class", "points")], markers),
        ])
    }

    /// A legend of fixed classes: a swatch per class (nil: no value) with its text, and the points' entry when there are points.
    public static func legend(title: String, classes: [(colourClass: Int?, text: String)], points: String? = nil) -> HTMLNode {
        var items: [HTMLNode] = classes.map { item in
            el("li", [], [el("span", [("class", "swatch " + (item.colourClass.map { "c\($0)" } ?? "no-value")), ("aria-hidden", "true")]), txt(item.text)])
        }
        if let points { items.append(pointLegendItem(points)) }
        return el("div", [("class", "legend")], [el("p", [("class", "legend-title")], text: title), el("ul", [], items)])
    }

    /// The legend entry of the points: a red dot and what a dot stands for.
    public static func pointLegendItem(_ text: String) -> HTMLNode {
        el("li", [], [
            el("svg", [("class", "swatch"), ("width", "14"), ("height", "14"), ("viewBox", "0 0 14 14"), ("aria-hidden", "true"), ("focusable", "false")], [
                el("circle", [("cx", "7"), ("cy", "7"), ("r", "5"), ("fill", "#b3261e"), ("stroke", "#ffffff"), ("stroke-width", "1.5")]),
            ]),
            txt(text),
        ])
    }

    /// The points as a table beside the map: each name (a link where the point has one) with its coordinates.
    public static func pointsTable(_ points: [Point], caption: String, language: Language) -> HTMLNode {
        guard !points.isEmpty else { return .empty }
        let t = Texts(language)
        return el("div", [("class", "table-wrap")], [el("table", [("class", "data map-points")], [
            el("caption", text: caption),
            el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: t(.mapPointColumn)), el("th", [("scope", "col")], text: t(.mapPointWhere))])]),
            el("tbody", [], points.sorted { $0.label < $1.label }.map { point in
                el("tr", [], [
                    el("th", [("scope", "row")], [point.link.map { el("a", [("href", $0)], text: point.label) } ?? txt(point.label)]),
                    el("td", text: Format.decimal(point.position.lon, digits: 5, language) + "; " + Format.decimal(point.position.lat, digits: 5, language)),
                ])
            }),
        ])])
    }

    /// The legend's swatch for hidden values: the map's hatching drawn in SVG, so it prints too (PDF renderers do not
    /// paint the stylesheet's CSS gradient).
    public static func hatchedSwatch() -> HTMLNode {
        el("svg", [("class", "swatch hatched"), ("width", "14"), ("height", "14"), ("viewBox", "0 0 14 14"), ("aria-hidden", "true"), ("focusable", "false")], [
            el("rect", [("width", "14"), ("height", "14"), ("fill", "#ffffff"), ("stroke", "#595959")]),
            el("path", [("d", "M0 14L14 0M-4 4L4 -4M0 7L7 0M7 14L14 7"), ("stroke", "#595959"), ("stroke-width", "1.5")]),
        ])
    }

    /// Diagonal hatching for secret values, distinguishable without colour.
    static func hatchPattern(_ id: String) -> HTMLNode {
        el("defs", [], [
            el("pattern", [("id", id), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"), ("patternTransform", "rotate(45)")], [
                el("rect", [("width", "6"), ("height", "6"), ("fill", "#ffffff")]),
                el("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", "#595959"), ("stroke-width", "2.5")]),
            ]),
        ])
    }

    func pathData(_ geometry: MultiPolygon, _ projection: Projection) -> String {
        var d = ""
        // Detail finer than half a pixel cannot be seen; leaving it out keeps pages small for full-resolution boundaries.
        let tolerance = 0.5 / (projection.scale * min(1, projection.xFactor))
        for polygon in geometry.simplified(tolerance: tolerance).polygons {
            for ring in polygon.rings {
                for (i, position) in ring.dropLast().enumerated() {
                    let (x, y) = projection.point(position)
                    d += (i == 0 ? "M" : "L") + Self.number(x) + " " + Self.number(y)
                }
                d += "Z"
            }
        }
        return d
    }

    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// Class breaks that put about the same number of values in each class (quantiles).
    public static func quantileBreaks(_ values: [Double], classes: Int) -> [Double] {
        let sorted = values.sorted()
        guard !sorted.isEmpty, classes > 1 else { return [] }
        return (1..<classes).map { i in sorted[min(sorted.count - 1, i * sorted.count / classes)] }
    }

    public static func colourClass(of value: Double, breaks: [Double]) -> Int {
        breaks.firstIndex { value < $0 } ?? breaks.count
    }
}
