import Foundation
import SoplaCore
import SoplaStore

/// The one place where public figures are decided: the minimum per variable from the whole catalogue and what
/// earlier releases showed (the disclosure ledger). Pages, CSV, API, profiles, reports and the Sozialindex all
/// publish through a `DisclosureContext` made here, and every release is recorded in the ledger.
public enum PublicFigures {
    public static func context(variables: [String: Variable], indicators: [Indicator], used: Set<String>, ledger: DisclosureLedger,
                        dates: Set<Day>? = nil) async throws -> DisclosureContext {
        // Drafts and archived indicators ask nothing of the public figures: only published ones set minimums.
        DisclosureContext(minimums: IndicatorPublication.minimums(variables: variables, indicators: indicators.filter { $0.state == .published }),
                          releases: try await ledger.releases(variables: used, dates: dates))
    }

    /// What the public outputs show now of the count variables, on every date they have.
    public static func entries(variables codes: Set<String>, store: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger,
                        dates: Set<Day>? = nil) async throws -> [DisclosureLedger.Entry] {
        let variables = try await store.variablesByCode()
        let counts = Set(codes.filter { variables[$0]?.isCount ?? false })
        guard !counts.isEmpty else { return [] }
        let observations = try await store.observations(variables: counts, dates: dates)
        let hierarchy = SpatialHierarchy(try await spatial.allUnits())
        let disclosure = try await context(variables: variables, indicators: try await store.indicators(), used: counts, ledger: ledger, dates: dates)
        var entries: [DisclosureLedger.Entry] = []
        for code in counts.sorted() {
            guard let variable = variables[code] else { continue }
            for date in observations.dates(of: [code]) {
                entries.append(DisclosureLedger.Entry(key: DisclosureContext.Key(variable: code, date: date),
                                                      release: disclosure.release(variable, date: date, observations: observations, hierarchy: hierarchy)))
            }
        }
        return entries
    }

    /// Units whose total of a count variable is hidden on its latest date (where coverage takes its population from).
    public static func hiddenUnits(variable code: String, store: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger) async throws -> Set<String> {
        guard let variable = try await store.variable(code: code), variable.isCount else { return [] }
        let observations = try await store.observations(variables: [code])
        guard let latest = observations.dates(of: [code]).last else { return [] }
        let disclosure = try await context(variables: [code: variable], indicators: try await store.indicators(), used: [code], ledger: ledger)
        let hidden = disclosure.suppressed(variable, date: latest, observations: observations, hierarchy: SpatialHierarchy(try await spatial.allUnits()))
        return Set(hidden.keys.filter { $0.breakdown.isTotal }.map(\.unitKey))
    }

    /// Records what the public pages show now, after a release of data (its dates) or a change of the catalogue (all
    /// dates; nil variables: every variable).
    public static func recordLive(variables: Set<String>?, dates: Set<Day>? = nil, store: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger,
                           at: Date) async throws {
        var codes = variables ?? []
        if variables == nil { codes = Set(try await store.variables().map(\.code)) }
        let entries = try await entries(variables: codes, store: store, spatial: spatial, ledger: ledger, dates: dates)
        try await ledger.record(entries, source: DisclosureLedger.liveSource, created: at, released: at)
    }

    /// Prepares the releases of a report edition: every count variable of its indicators, every date.
    public static func prepareEdition(_ id: UUID, indicators codes: Set<String>, store: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger, at: Date) async throws {
        let used = Set(try await store.indicators().filter { codes.contains($0.code) }.flatMap(\.variables))
        let entries = try await entries(variables: used, store: store, spatial: spatial, ledger: ledger)
        try await ledger.record(entries, source: DisclosureLedger.editionSource(id), created: at, released: nil)
    }
}

