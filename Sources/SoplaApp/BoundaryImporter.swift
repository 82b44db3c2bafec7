import Foundation
import SoplaCore
import SoplaFormats

/// Reads a boundary file and writes it all or not at all. Used by `sopla import boundaries` and the demo.
public struct BoundaryImporter {
    public let repository: any SpatialRepository
    public let catalogue: SpatialLevelCatalogue
    /// Larger files are refused before reading: a county's boundaries are kilobytes, Germany's at full detail a few hundred megabytes.
    public var maxFileBytes: Int = 100 * 1024 * 1024

    public init(repository: any SpatialRepository, catalogue: SpatialLevelCatalogue, maxFileBytes: Int = 100 * 1024 * 1024) {
        self.repository = repository
        self.catalogue = catalogue
        self.maxFileBytes = maxFileBytes
    }

    public enum Failure: Error, CustomStringConvertible {
        case missingFile(String)
        case unreadable(String, String)
        case tooLarge(String, Int, Int)
        case format(GeoJSONError)
        case invalid(ImportFailure)

        public var description: String {
            switch self {
            case .missingFile(let path):
                return "the file \(path) does not exist; check the path (relative paths start in the current folder)"
            case .unreadable(let path, let reason):
                return "the file \(path) cannot be read: \(reason)"
            case .tooLarge(let path, let size, let limit):
                return "the file \(path) has \(size / 1_048_576) MB, more than the limit of \(limit / 1_048_576) MB; simplify the geometry (e.g. ogr2ogr -simplify) or split the file by level"
            case .format(let error):
                return "nothing was imported: \(error)"
            case .invalid(let failure):
                return failure.description
            }
        }
    }

    public func read(path: String) throws(Failure) -> Data {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingFile(path) }
        guard !isDirectory.boolValue else { throw .unreadable(path, "it is a folder") }
        let size = ((try? manager.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxFileBytes else { throw .tooLarge(path, size, maxFileBytes) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path, (error as NSError).localizedDescription)
        }
    }

    /// Checks everything first; writes only a fully valid file, in one transaction.
    public func run(data: Data, options: BoundaryImportOptions, dryRun: Bool) async throws -> BoundaryImportPlan {
        let parsed: GeoJSONReader.Result
        do {
            parsed = try GeoJSONReader.readFeatureCollection(data)
        } catch {
            throw Failure.format(error)
        }
        let existing = try await repository.existingUnits()
        let plan: BoundaryImportPlan
        do {
            plan = try BoundaryImportPlanner.plan(features: parsed.features, options: options, existing: existing, catalogue: catalogue)
        } catch {
            throw Failure.invalid(ImportFailure(issues: (parsed.issues + error.issues).sorted { ($0.featureIndex ?? -1) < ($1.featureIndex ?? -1) }))
        }
        let outside = options.outsideEnclosing(parsed.features)
        guard parsed.issues.isEmpty, outside.isEmpty else { throw Failure.invalid(ImportFailure(issues: parsed.issues + outside)) }
        if !dryRun { try await repository.apply(plan) }
        return plan
    }
}
