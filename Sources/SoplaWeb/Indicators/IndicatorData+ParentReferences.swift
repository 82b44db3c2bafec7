import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore

extension IndicatorData {
    /// The indicator's values for the Land and Germany from imported tables. The public view shows only those whose
    /// imports are released, and none that rests on a count below its minimum; `raw` (planners) shows all.
    func importedReferences(store: IndicatorStore, raw: Bool) async throws -> [IndicatorPage.ImportedReference] {
        let observations = try await store.referenceObservations(variables: indicator.variables)
        guard !observations.isEmpty else { return [] }
        let values = ParentReferences.compute(indicator, observations: observations, variables: variables, minimums: disclosure.minimums)
        var runs: [UUID: ImportRun] = [:]
        for id in Set(values.flatMap(\.importIDs)) { runs[id] = try await store.run(id: id) }
        return values.compactMap { value in
            let sources = value.importIDs.compactMap { runs[$0] }
            if !raw, value.belowMinimum || sources.contains(where: { $0.release.state != .released }) { return nil }
            return IndicatorPage.ImportedReference(value: value, tableCodes: Set(sources.compactMap(\.tableCode)).sorted())
        }
    }
}
