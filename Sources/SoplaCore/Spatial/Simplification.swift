import Foundation

extension MultiPolygon {
    /// The geometry with vertices removed that lie within `tolerance` (in coordinate units) of the
    /// line through their neighbours (Douglas–Peucker, per ring). A map drawn at a given scale needs
    /// no detail finer than a pixel; full-resolution boundaries would make pages megabytes large.
    /// Rings that would collapse below four positions are kept as they are.
    public func simplified(tolerance: Double) -> MultiPolygon {
        guard tolerance > 0 else { return self }
        return MultiPolygon(polygons: polygons.map { polygon in
            Polygon(rings: polygon.rings.map { ring in
                let reduced = Self.simplify(ring, tolerance: tolerance)
                return reduced.count >= 4 ? reduced : ring
            })
        })
    }

    /// Douglas–Peucker on a closed ring: the first position (equal to the last) is always kept,
    /// and so is the position farthest from it, so the ring cannot degenerate to a line.
    static func simplify(_ ring: Ring, tolerance: Double) -> Ring {
        guard ring.count > 4 else { return ring }
        let open = Array(ring.dropLast())
        let first = open[0]
        let farthest = open.indices.dropFirst().max { squaredDistance(open[$0], first) < squaredDistance(open[$1], first) } ?? 1
        var keep = [Bool](repeating: false, count: open.count + 1)
        keep[0] = true
        keep[farthest] = true
        keep[open.count] = true
        let closed = open + [first]
        var stack = [(0, farthest), (farthest, open.count)]
        while let (start, end) = stack.popLast() {
            guard end - start > 1 else { continue }
            var maxDistance = 0.0
            var index = start
            for i in (start + 1)..<end {
                let d = distance(closed[i], toSegment: closed[start], closed[end])
                if d > maxDistance {
                    maxDistance = d
                    index = i
                }
            }
            if maxDistance > tolerance {
                keep[index] = true
                stack.append((start, index))
                stack.append((index, end))
            }
        }
        return closed.indices.filter { keep[$0] }.map { closed[$0] }
    }

    static func squaredDistance(_ a: Position, _ b: Position) -> Double {
        (a.lon - b.lon) * (a.lon - b.lon) + (a.lat - b.lat) * (a.lat - b.lat)
    }

    /// Planar distance of `p` from the segment a–b.
    static func distance(_ p: Position, toSegment a: Position, _ b: Position) -> Double {
        let dx = b.lon - a.lon, dy = b.lat - a.lat
        let lengthSquared = dx * dx + dy * dy
        guard lengthSquared > 0 else { return squaredDistance(p, a).squareRoot() }
        let t = max(0, min(1, ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / lengthSquared))
        let projection = Position(lon: a.lon + t * dx, lat: a.lat + t * dy)
        return squaredDistance(p, projection).squareRoot()
    }
}
