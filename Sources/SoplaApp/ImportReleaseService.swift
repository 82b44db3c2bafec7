import Foundation
import SoplaCore
import SoplaStore

/// Releasing an import after reading its check report, and withdrawing a release: the same for the run page and
/// `sopla import release|withdraw`.
public struct ImportReleaseService: Sendable {
    public let store: IndicatorStore
    public let spatial: any SpatialRepository
    public let clock: Clock

    public init(store: IndicatorStore, spatial: any SpatialRepository, clock: Clock) {
        self.store = store
        self.spatial = spatial
        self.clock = clock
    }

    /// The check report of a run: the validation rules that concern its variables, run over the current values
    /// of the dates it imported (so a later import of the same figures shows in it, too).
    public func findings(for run: ImportRun) async throws -> [ValidationFinding] {
        guard run.state == .done, !run.dryRun, !run.variables.isEmpty else { return [] }
        let rules = try await store.validationRules()
        let indicators = try await store.indicators()
        let touched = Set(run.variables)
        let relevant = rules.filter { rule in
            rule.targetIsIndicator ? indicators.first { $0.code == rule.target }.map { !$0.variables.isDisjoint(with: touched) } ?? false : touched.contains(rule.target)
        }
        guard !relevant.isEmpty else { return [] }
        let needed = touched.union(indicators.filter { indicator in relevant.contains { $0.target == indicator.code } }.flatMap(\.variables))
        let observations = try await store.observations(variables: needed, selection: .current)
        return FigureValidation.check(relevant, indicators: Dictionary(uniqueKeysWithValues: indicators.map { ($0.code, $0) }),
                                      observations: observations, hierarchy: SpatialHierarchy(try await spatial.allUnits()), dates: Set(run.dates))
    }

    /// Releases a run: refused (nothing changed) when it stored no values, is released already, or rules failed
    /// and no reason is given.
    public func release(runID: UUID, reason: String?, actor: AuditActor) async throws -> ImportRun {
        guard let run = try await store.run(id: runID) else { throw IndicatorStoreError.notFound }
        try ImportRelease.checkRelease(run, findings: try await findings(for: run), reason: reason)
        let released = try await store.release(runID: runID, reason: reason, actor: actor, at: clock.now())
        try await recordPublicFigures(of: run)
        return released
    }

    /// Withdraws a run's release: refused (nothing changed) unless it is released, a reason is given and confirmed.
    public func withdraw(runID: UUID, reason: String?, confirmed: Bool, actor: AuditActor) async throws -> ImportRun {
        guard let run = try await store.run(id: runID) else { throw IndicatorStoreError.notFound }
        try ImportRelease.checkWithdrawal(run, reason: reason, confirmed: confirmed)
        let withdrawn = try await store.withdraw(runID: runID, reason: reason ?? "", actor: actor, at: clock.now())
        try await recordPublicFigures(of: run)
        return withdrawn
    }

    /// What the public pages show of the run's variables from now on joins the disclosure ledger.
    public func recordPublicFigures(of run: ImportRun) async throws {
        try await PublicFigures.recordLive(variables: Set(run.variables), dates: Set(run.dates), store: store, spatial: spatial, ledger: store.disclosureLedger,
                                           at: clock.now())
    }
}
