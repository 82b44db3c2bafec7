import Foundation
import SoplaCore

// `sopla-bench services ...` times the service coverage and duplicate detection (bench/services), see Services.swift.
// `sopla-bench lists DATABASE [ROUNDS]` times list pages on document-style reads against indexed queries (bench/lists).
// `sopla-bench suppression OBSERVATIONS.csv [ROUNDS]` times disclosure control against the previous rule (bench/indicators),
// see SuppressionBenchmark.swift.
// Otherwise it times the indicator computation of SoplaCore on the benchmark data (bench/indicators):
// one rate indicator (v02 / v01 × 100) for every municipality, with the counties and Länder
// aggregated from summed numerators and denominators, for every reference date.
//   sopla-bench OBSERVATIONS.csv [ROUNDS]

let arguments = CommandLine.arguments
if arguments.count >= 4, arguments[1] == "services" {
    try ServicesBenchmark.run(Array(arguments.dropFirst(2)))
    exit(0)
}
if arguments.count >= 3, arguments[1] == "lists" {
    do {
        try await ListBenchmark.run(Array(arguments.dropFirst(2)))
    } catch {
        FileHandle.standardError.write(Data("sopla-bench lists: \(String(reflecting: error))\n".utf8))
        exit(1)
    }
    exit(0)
}
if arguments.count >= 3, arguments[1] == "suppression" {
    try SuppressionBenchmark.run(Array(arguments.dropFirst(2)))
    exit(0)
}
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: sopla-bench OBSERVATIONS.csv [ROUNDS]\n".utf8))
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let text = try String(contentsOfFile: arguments[1], encoding: .utf8)
var table = ObservationTable()
var municipalities: Set<String> = []
var dates: Set<Day> = []
for line in text.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
    guard fields.count >= 4, fields[0] == "v01" || fields[0] == "v02", let day = Day(iso: String(fields[2])), let value = Double(fields[3]) else { continue }
    let key = String(fields[1])
    municipalities.insert(key)
    dates.insert(day)
    table.insert(Observation(String(fields[0]), key, day, value))
}
var units: [(key: String, parentKey: String?, level: String)] = []
let counties = Set(municipalities.map { String($0.prefix(5)) })
let lands = Set(counties.map { String($0.prefix(2)) })
units += lands.sorted().map { (key: $0, parentKey: nil, level: "land") }
units += counties.sorted().map { (key: $0, parentKey: String($0.prefix(2)), level: "county") }
units += municipalities.sorted().map { (key: $0, parentKey: String($0.prefix(5)), level: "municipality") }
let hierarchy = SpatialHierarchy(units)
let indicator = Indicator(code: "rate", nameDE: "Quote", nameEN: "Rate", topic: .poverty,
                          numerator: [IndicatorTerm(variable: "v02")], denominator: [IndicatorTerm(variable: "v01")], factor: 100)
var best = Double.infinity
var checksum = 0.0
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    var count = 0
    for day in dates.sorted() {
        let values = IndicatorComputation.compute(indicator, hierarchy: hierarchy, date: day, table: table)
        count += values.count
        checksum += values["01"]?.value ?? 0
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    best = min(best, seconds)
    precondition(count == units.count * dates.count)
}
print(String(format: "units %d (Länder %d, counties %d, municipalities %d), dates %d, values %d, best of %d: %.4f s (checksum %.3f)",
             units.count, lands.count, counties.count, municipalities.count, dates.count, units.count * dates.count, rounds, best, checksum))
