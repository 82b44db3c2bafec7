import Foundation
import SoplaCore

/// `sopla-bench suppression OBSERVATIONS.csv [ROUNDS]`: disclosure control of one count variable broken down by sex
/// for every municipality, county and Land, date by date — protection intervals (`VariableDisclosure.suppressed`,
/// minimum 3) against the previous rule, exact determination only (`PreviousVariableDisclosure`), on the same
/// ObservationTable; best of ROUNDS per date, in full (building the table from the observations included) and the
/// suppression algorithm alone on a table built beforehand. Then every hidden cell of the new pattern is checked with
/// `Suppression.intervals` (not timed), and the previous pattern is measured by the same yardstick.
///
/// The count: v02 of bench/generate_statistics.py is the total of a municipality (15 or more everywhere); it is split
/// into sex=f and sex=m here, deterministically from an FNV-1a hash of "municipality|date": in 4 % of the
/// municipalities f is 1 or 2, in another 4 % m is, elsewhere f is 45–55 % of the total (rounded) and m the rest.
/// About 2.6 % of all cells of a date are thus counts of 1 or 2; counties and Länder are the sums.
enum SuppressionBenchmark {
    static let variable = "v02"
    static let minimum = 3
    static let female = Breakdown(["sex": "f"])
    static let male = Breakdown(["sex": "m"])

    static func run(_ arguments: [String]) throws {
        let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 3 : 3
        let (observations, hierarchy, dates, counts) = try load(arguments[0])
        let loaded = peakRSS()
        print(String(format: "units %d (Länder %d, counties %d, municipalities %d) × (total, f, m), dates %d, observations %d; cells of 1–2 per date: %.1f %% (%d of %d)",
                     hierarchy.keys.count, counts.lands, counts.counties, counts.municipalities, dates.count, observations.values.count,
                     100 * Double(counts.small) / Double(dates.count * hierarchy.keys.count * 3), counts.small / dates.count, hierarchy.keys.count * 3))
        fflush(nil)
        var total = Times(), sumNew = (primary: 0, secondary: 0), sumPrevious = (primary: 0, secondary: 0)
        var check = Check()
        for day in dates {
            // Built once outside the timings: the tables the algorithms alone are timed on, and the new pattern to check.
            let (table, reasons) = VariableDisclosure.protect(variable: variable, date: day, observations: observations, hierarchy: hierarchy, minimum: minimum)
            let previousTable = PreviousVariableDisclosure.table(variable: variable, date: day, observations: observations, hierarchy: hierarchy)
            var best = Times(new: .infinity, newAlone: .infinity, previous: .infinity, previousAlone: .infinity)
            var new: [ObservationKey: SuppressionReason] = [:], previous: [ObservationKey: SuppressionReason] = [:]
            for _ in 0..<rounds {
                best.new = min(best.new, seconds { new = VariableDisclosure.suppressed(variable: variable, date: day, observations: observations, hierarchy: hierarchy, minimum: minimum) })
                best.newAlone = min(best.newAlone, seconds { _ = Suppression.protect(table, minimum: minimum) })
                best.previous = min(best.previous, seconds {
                    previous = PreviousVariableDisclosure.suppressed(variable: variable, date: day, observations: observations, hierarchy: hierarchy, minimum: minimum)
                })
                best.previousAlone = min(best.previousAlone, seconds { _ = PreviousSuppression.protect(previousTable, minimum: minimum) })
            }
            let n = split(new), p = split(previous)
            sumNew.primary += n.primary; sumNew.secondary += n.secondary
            sumPrevious.primary += p.primary; sumPrevious.secondary += p.secondary
            total.add(best)
            print(String(format: "%@  new %.3f s (protect alone %.3f s; primary %d, secondary %d)  previous %.3f s (protect alone %.3f s; primary %d, secondary %d)  new/previous %.2f (alone %.2f)",
                         day.iso, best.new, best.newAlone, n.primary, n.secondary, best.previous, best.previousAlone, p.primary, p.secondary,
                         best.new / best.previous, best.newAlone / best.previousAlone))
            fflush(nil)
            if reasons.count != new.count { check.differing += 1 }
            check.add(day: day, table: table, hidden: Set(reasons.keys),
                      previous: Set(previous.keys.compactMap { table.position(of: VariableDisclosure.cellID($0.unitKey, $0.breakdown)) }))
        }
        print(String(format: "all %d dates, best of %d each: new %.3f s (protect alone %.3f s; primary %d, secondary %d), previous %.3f s (protect alone %.3f s; primary %d, secondary %d)",
                     dates.count, rounds, total.new, total.newAlone, sumNew.primary, sumNew.secondary, total.previous, total.previousAlone, sumPrevious.primary, sumPrevious.secondary))
        print(String(format: "ratio new/previous: %.2f (VariableDisclosure.suppressed, including building the table), %.2f (the suppression algorithm alone)",
                     total.new / total.previous, total.newAlone / total.previousAlone))
        print(String(format: "check with Suppression.intervals (minimum %d), %.1f s: new pattern %d hidden cells checked, %d not protected%@; previous pattern %d hidden cells, %d not protected (fewer than %d possible values, or all of them small)",
                     minimum, check.seconds, check.checked, check.failed, check.differing == 0 ? "" : " (\(check.differing) dates differ between runs)",
                     check.previousChecked, check.previousFailed, minimum))
        print("largest group of hidden cells linked by sums (one linear program) in the new pattern: \(check.largest.cells) cells, \(check.largest.sums) sums; groups per date: \(check.groups.min() ?? 0)–\(check.groups.max() ?? 0)")
        print(String(format: "peak RSS in process: %.0f MB after loading, %.0f MB at the end", Double(loaded) / 1_048_576, Double(peakRSS()) / 1_048_576))
    }

    struct Times {
        var new = 0.0, newAlone = 0.0, previous = 0.0, previousAlone = 0.0

        mutating func add(_ other: Times) {
            new += other.new; newAlone += other.newAlone; previous += other.previous; previousAlone += other.previousAlone
        }
    }

    static func seconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Every hidden cell of the new pattern must keep an interval that protects; the previous pattern is measured alike.
    struct Check {
        var checked = 0, failed = 0, previousChecked = 0, previousFailed = 0, differing = 0, seconds = 0.0
        var largest = (cells: 0, sums: 0)
        var groups: [Int] = []

        mutating func add(day: Day, table: DisclosureTable, hidden: Set<Int>, previous: Set<Int>) {
            let start = DispatchTime.now().uptimeNanoseconds
            let intervals = Suppression.intervals(table, hidden: hidden)
            for cell in hidden.sorted() {
                checked += 1
                if !(intervals[cell]?.protects(minimum: minimum) ?? false) {
                    failed += 1
                    if failed <= 5 { print("  not protected: \(day.iso) \(table.cells[cell].id) = \(table.cells[cell].value ?? -1), interval \(intervals[cell]?.description ?? "none")") }
                }
            }
            let previousIntervals = Suppression.intervals(table, hidden: previous)
            for cell in previous.sorted() {
                previousChecked += 1
                guard !(previousIntervals[cell]?.protects(minimum: minimum) ?? false) else { continue }
                previousFailed += 1
                if previousFailed == 1 {
                    print("  e.g. previous pattern: \(day.iso) \(table.cells[cell].id) = \(Int(table.cells[cell].value ?? -1)), hidden, narrowed to \(previousIntervals[cell]?.description ?? "none")")
                }
            }
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            // Groups of hidden cells linked by sums: each is one linear program of the interval checks.
            var constraintsOf: [Int: [Int]] = [:]
            for (c, constraint) in table.constraints.enumerated() {
                for cell in constraint.cells { constraintsOf[cell, default: []].append(c) }
            }
            var visited: Set<Int> = []
            var count = 0
            for first in hidden.sorted() where !visited.contains(first) {
                count += 1
                var queue = [first], cells = 0
                var sums: Set<Int> = []
                visited.insert(first)
                while let cell = queue.popLast() {
                    cells += 1
                    for c in constraintsOf[cell] ?? [] {
                        sums.insert(c)
                        for other in table.constraints[c].cells where hidden.contains(other) && !visited.contains(other) {
                            visited.insert(other)
                            queue.append(other)
                        }
                    }
                }
                if cells > largest.cells { largest = (cells, sums.count) }
            }
            groups.append(count)
        }
    }

    static func split(_ reasons: [ObservationKey: SuppressionReason]) -> (primary: Int, secondary: Int) {
        let primary = reasons.values.filter { $0 == .primary }.count
        return (primary, reasons.count - primary)
    }

    /// 64-bit FNV-1a: the same on every platform and run (Swift's Hasher is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The female count of a municipality's total on a date (see the type's comment).
    static func femaleCount(total: Int, key: String, day: Day) -> Int {
        let hash = fnv1a(key + "|" + day.iso)
        let bucket = hash % 100
        let small = 1 + Int((hash / 100) % 2)
        if bucket < 4 { return small }
        if bucket < 8 { return total - small }
        let share = 0.45 + Double((hash / 200) % 11) / 100
        return Int((Double(total) * share).rounded())
    }

    static func load(_ path: String) throws -> (ObservationTable, SpatialHierarchy, [Day], (lands: Int, counties: Int, municipalities: Int, small: Int)) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var table = ObservationTable()
        var municipalities: Set<String> = []
        var dates: Set<Day> = []
        var small = 0
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 4, fields[0] == variable, let day = Day(iso: String(fields[2])), let value = Double(fields[3]) else { continue }
            let key = String(fields[1])
            municipalities.insert(key)
            dates.insert(day)
            let total = Int(value)
            let f = femaleCount(total: total, key: key, day: day)
            if f < minimum || total - f < minimum { small += 1 }
            table.insert(Observation(variable, key, day, Double(total)))
            table.insert(Observation(variable, key, day, Double(f), breakdown: female))
            table.insert(Observation(variable, key, day, Double(total - f), breakdown: male))
        }
        var units: [(key: String, parentKey: String?, level: String)] = []
        let counties = Set(municipalities.map { String($0.prefix(5)) })
        let lands = Set(counties.map { String($0.prefix(2)) })
        units += lands.sorted().map { (key: $0, parentKey: nil, level: "land") }
        units += counties.sorted().map { (key: $0, parentKey: String($0.prefix(2)), level: "county") }
        units += municipalities.sorted().map { (key: $0, parentKey: String($0.prefix(5)), level: "municipality") }
        return (table, SpatialHierarchy(units), dates.sorted(), (lands.count, counties.count, municipalities.count, small))
    }

    /// The process's peak resident set so far, in bytes (ru_maxrss is in kilobytes on Linux, bytes on macOS).
    static func peakRSS() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }
}
