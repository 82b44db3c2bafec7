import Foundation
import SoplaCore

/// `sopla-bench services SERVICES.csv UNITS.csv [ROUNDS]`: coverage of every category over every unit (capacity split by
/// population share, need from one FTE per 40,000, nearest service by haversine), then duplicate detection; best of ROUNDS.
enum ServicesBenchmark {
    static func run(_ arguments: [String]) throws {
        let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
        var units: [(key: String, population: Double, centre: Position?)] = []
        for line in try String(contentsOfFile: arguments[1], encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            units.append((String(f[0]), Double(f[1])!, Position(lon: Double(f[3])!, lat: Double(f[2])!)))
        }
        var services: [Service] = []
        let organisation = UUID()
        for line in try String(contentsOfFile: arguments[0], encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            let id = UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", Int(f[0])!))!
            services.append(Service(id: id, organisationID: organisation, name: "S\(f[0])", categoryCode: String(f[1]),
                                    targetGroup: TargetGroup(minAge: Int(f[6]), maxAge: Int(f[7])), status: f[8] == "active" ? .active : .inactive,
                                    locations: [ServiceLocation(id: id, point: Position(lon: Double(f[5])!, lat: Double(f[4])!))],
                                    serviceArea: Set(f[3].split(separator: " ").map(String.init)), capacity: Capacity(fte: ["Beratung": Double(f[2])!])))
        }
        let categories = Set(services.map(\.categoryCode)).sorted()
        var bestCoverage = Double.infinity, bestDuplicates = Double.infinity, bestSupply = Double.infinity
        let withoutCentres = units.map { (key: $0.key, population: $0.population, centre: Position?.none) }
        var gapUnits = 0, pairs = 0
        var checksum = 0.0
        for _ in 0..<rounds {
            var start = DispatchTime.now().uptimeNanoseconds
            gapUnits = 0
            for category in categories {
                let standard = PlanningStandard(categoryCode: category, fte: 1, inhabitants: 40_000, source: "bench", text: "")
                let result = CoverageAnalysis.analyse(services: services, standard: standard, units: units, totalKey: "total")
                gapUnits += result.gaps.count
                checksum = result.total.supply
            }
            bestCoverage = min(bestCoverage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            start = DispatchTime.now().uptimeNanoseconds
            for category in categories {
                let standard = PlanningStandard(categoryCode: category, fte: 1, inhabitants: 40_000, source: "bench", text: "")
                checksum += CoverageAnalysis.analyse(services: services, standard: standard, units: withoutCentres, totalKey: "total").total.need
            }
            bestSupply = min(bestSupply, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            start = DispatchTime.now().uptimeNanoseconds
            pairs = DuplicateDetection.candidates(services).count
            bestDuplicates = min(bestDuplicates, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "services %d, units %d, categories %d: coverage (supply, need, gap, nearest) best of %d: %.4f s; %d unit gaps (checksum %.2f)",
                     services.count, units.count, categories.count, rounds, bestCoverage, gapUnits, checksum))
        print(String(format: "supply, need and gap only (no distances) best of %d: %.4f s", rounds, bestSupply))
        print(String(format: "duplicate detection (indexed by category and unit) best of %d: %.4f s; %d candidate pairs", rounds, bestDuplicates, pairs))
    }
}
