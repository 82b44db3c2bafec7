import Foundation

/// How values are put into the classes of a map.
public enum ClassificationMethod: String, CaseIterable, Sendable, Codable {
    /// About the same number of units in each class.
    case quantiles
    /// Classes of equal width between minimum and maximum.
    case equalIntervals = "equal-intervals"
    /// Jenks natural breaks: least squared deviation within classes (Fisher's exact algorithm).
    case naturalBreaks = "natural-breaks"
    /// Classes one standard deviation wide, centred on the mean.
    case standardDeviations = "standard-deviations"
}

/// Class breaks: `breaks[i]` is the lowest value of class i+1, so a value v falls in the class
/// given by the number of breaks ≤ v (0 … breaks.count).
public enum Classification {
    public static func breaks(_ values: [Double], classes: Int, method: ClassificationMethod) -> [Double] {
        let sorted = values.filter(\.isFinite).sorted()
        guard sorted.count > 1, classes > 1 else { return [] }
        switch method {
        case .quantiles: return quantiles(sorted, classes: classes)
        case .equalIntervals: return equalIntervals(sorted, classes: classes)
        case .naturalBreaks: return naturalBreaks(sorted, classes: classes)
        case .standardDeviations: return standardDeviations(sorted, classes: classes)
        }
    }

    public static func classIndex(of value: Double, breaks: [Double]) -> Int {
        breaks.firstIndex { value < $0 } ?? breaks.count
    }

    /// Class i+1 starts at the value with rank ⌊(i+1)·n/k⌋ (0-based); repeated breaks are merged.
    static func quantiles(_ sorted: [Double], classes: Int) -> [Double] {
        let raw = (1..<classes).map { sorted[min(sorted.count - 1, $0 * sorted.count / classes)] }
        return deduplicated(raw)
    }

    static func equalIntervals(_ sorted: [Double], classes: Int) -> [Double] {
        let low = sorted.first!, high = sorted.last!
        guard high > low else { return [] }
        let width = (high - low) / Double(classes)
        return (1..<classes).map { low + Double($0) * width }
    }

    /// Fisher–Jenks by dynamic programming over the sorted values: O(k·n²), exact.
    static func naturalBreaks(_ sorted: [Double], classes: Int) -> [Double] {
        let n = sorted.count
        let k = min(classes, Set(sorted).count)
        guard k > 1 else { return [] }
        var prefix = [0.0], prefixSquares = [0.0]
        for value in sorted {
            prefix.append(prefix.last! + value)
            prefixSquares.append(prefixSquares.last! + value * value)
        }
        // Sum of squared deviations of sorted[i..<j].
        func cost(_ i: Int, _ j: Int) -> Double {
            let count = Double(j - i), sum = prefix[j] - prefix[i]
            return (prefixSquares[j] - prefixSquares[i]) - sum * sum / count
        }
        // best[c][j]: least cost of the first j values in c+1 classes; start[c][j]: where the last class begins.
        var best = Array(repeating: Array(repeating: Double.infinity, count: n + 1), count: k)
        var start = Array(repeating: Array(repeating: 0, count: n + 1), count: k)
        for j in 1...n { best[0][j] = cost(0, j) }
        for c in 1..<k {
            for j in (c + 1)...n {
                for i in c..<j {
                    let candidate = best[c - 1][i] + cost(i, j)
                    if candidate < best[c][j] - 1e-12 {
                        best[c][j] = candidate
                        start[c][j] = i
                    }
                }
            }
        }
        var result: [Double] = []
        var end = n
        for c in stride(from: k - 1, through: 1, by: -1) {
            let begin = start[c][end]
            result.append(sorted[begin])
            end = begin
        }
        return deduplicated(result.reversed())
    }

    /// Breaks at mean + (i − k/2)·σ (population standard deviation) for i = 1 … k−1.
    static func standardDeviations(_ sorted: [Double], classes: Int) -> [Double] {
        let n = Double(sorted.count)
        let mean = sorted.reduce(0, +) / n
        let sigma = (sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        guard sigma > 0 else { return [] }
        return (1..<classes).map { mean + (Double($0) - Double(classes) / 2) * sigma }
    }

    static func deduplicated(_ values: [Double]) -> [Double] {
        var result: [Double] = []
        for value in values where result.last != value { result.append(value) }
        return result
    }
}
