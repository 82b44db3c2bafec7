import Foundation
import SoplaCore
import SoplaStore

/// What happens to a report's editions: built from a frozen snapshot, put out for comment as a paper of a body,
/// published once the disclosure ledger allows it; and a report's social index kept in the indicator catalogue.
public struct ReportEditionService: Sendable {
    public let reports: ReportStore
    public let snapshots: ReportSnapshotService
    public let participation: ParticipationStore

    public init(reports: ReportStore, snapshots: ReportSnapshotService, participation: ParticipationStore) {
        self.reports = reports
        self.snapshots = snapshots
        self.participation = participation
    }

    public enum BuildOutcome: Sendable {
        case built(ReportEdition)
        /// What must be mended first (a block naming an indicator that is gone).
        case refused([ValidationIssue])
    }

    /// A new edition from the current data; refused while a block refers to a deleted indicator. What it shows and
    /// hides is recorded in the disclosure ledger and joins the released figures when it is published.
    public func build(_ report: Report, builtBy: UUID, actor: AuditActor, now: Date, today: Day) async throws -> BuildOutcome {
        let issues = report.problems(knownIndicators: Set(try await snapshots.indicators.indicators().map(\.code)))
        guard issues.isEmpty else { return .refused(issues) }
        let edition = ReportEdition(id: UUID(), reportID: report.id, number: 0, report: report, snapshot: try await snapshots.snapshot(of: report, now: now, today: today),
                                    builtBy: builtBy.uuidString.lowercased())
        try await PublicFigures.prepareEdition(edition.id, indicators: Set(report.blocks.flatMap(\.kind.indicatorCodes)), store: snapshots.indicators,
                                               spatial: snapshots.spatial, ledger: snapshots.ledger, at: edition.snapshot.builtAt)
        return .built(try await reports.create(edition, actor: actor, at: now))
    }

    public enum PublishOutcome: Sendable, Equatable {
        case published
        case alreadyPublished
        /// Figures of the same variables were released after the edition was built: it must be built anew.
        case outdated
    }

    /// Publishes an edition. Figures of the same variables released since it was built were decided without it:
    /// together they could narrow a hidden figure, so such an edition is refused and must be built anew.
    public func publish(_ edition: ReportEdition, actor: AuditActor, now: Date) async throws -> PublishOutcome {
        guard edition.publishedAt == nil else { return .alreadyPublished }
        let ledger = snapshots.ledger, source = DisclosureLedger.editionSource(edition.id)
        let codes = Set(edition.report.blocks.flatMap(\.kind.indicatorCodes))
        let used = Set(try await snapshots.indicators.indicators().filter { codes.contains($0.code) }.flatMap(\.variables))
        if let prepared = try await ledger.preparedAt(source: source), let later = try await ledger.latestRelease(variables: used, excluding: source), later > prepared {
            return .outdated
        }
        var published = edition
        published.publishedAt = now
        try await reports.save(published, actor: actor, at: now)
        try await ledger.publish(source: source, at: now)
        return .published
    }

    /// The paper reference of an edition put out for comment: `SB-<year>-<edition>`, with a suffix where taken.
    public func reviewReference(for edition: ReportEdition) async throws -> String {
        let taken = Set(try await participation.all(.paper, as: Paper.self).map(\.value.reference))
        let base = "SB-\(edition.report.reportingDate.year)-\(edition.number)"
        var reference = base, suffix = 1
        while taken.contains(reference) { suffix += 1; reference = base + "-\(suffix)" }
        return reference
    }

    /// Puts a draft edition out for comment: a non-public paper of `body` with the report's text and, where given,
    /// the whole draft as a PDF attachment; the consultation itself is opened on the paper. Returns the paper's id
    /// (the existing one when the edition is already out for comment).
    public func putOutForComment(_ edition: ReportEdition, body: Body, reference: String, pdf: Data?, actor: AuditActor, now: Date, today: Day) async throws -> UUID {
        if let existing = edition.reviewPaperID { return existing }
        let paper = Paper(id: UUID(), reference: reference, title: "Entwurf: " + edition.report.title + " (Ausgabe \(edition.number))", type: .planningReport,
                          date: today, originator: "Sozialplanung", isPublic: false)
        try await participation.save(.paper, id: paper.id, paper, label: paper.title, bodyID: body.id, actor: actor, at: now)
        try await participation.save(.paperVersion, id: UUID(), PaperVersion(paperID: paper.id, number: 1, text: Self.reviewText(edition, withPDF: pdf != nil),
                                                                             createdAt: now, createdBy: actor.label),
                                     label: reference + " v1", bodyID: body.id, actor: actor, at: now)
        if let pdf {
            try await participation.addAttachment(Attachment(pdf, paperID: paper.id, fileName: "entwurf-sozialbericht-\(edition.number).pdf", mediaType: "application/pdf",
                                                             at: now, by: actor), content: pdf, actor: actor)
        }
        var changed = edition
        changed.reviewPaperID = paper.id
        try await reports.save(changed, actor: actor, at: now)
        return paper.id
    }

    /// The draft as plain text for the paper: numbered chapters and sections with their text, each figure and table
    /// by number and caption with its generated sentences, so statements can name "2.1" or "Abbildung 3".
    public static func reviewText(_ edition: ReportEdition, withPDF: Bool) -> String {
        let report = edition.report
        let numbers = report.numbering()
        var lines = ["Entwurf des Sozialberichts „\(report.title)“, Ausgabe \(edition.number), Berichtsstand \(FigureDescription.dayText(report.reportingDate)). "
                     + (withPDF ? "Die vollständige Fassung mit allen Abbildungen und Tabellen liegt als PDF bei." : "Abbildungen und Tabellen sind mit Nummer und Titel genannt."), ""]
        for (c, chapter) in report.chapters.enumerated() {
            lines.append("\(c + 1) \(chapter.title)")
            for (s, section) in chapter.sections.enumerated() {
                lines.append("\(c + 1).\(s + 1) \(section.title)")
                let text = report.resolvingReferences(in: section.text, figureWord: "Abbildung", tableWord: "Tabelle")
                if !text.isEmpty { lines.append(text) }
                for block in section.blocks {
                    let label = numbers[block.id].map { ($0.isFigure ? "Abbildung " : "Tabelle ") + "\($0.number): " } ?? ""
                    lines.append("– " + label + block.caption)
                    if let summary = edition.snapshot.table(for: block.id)?.summary, !summary.isEmpty { lines.append("  " + summary) }
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Computes the social index of `block` for every reference date where its indicators have values and keeps it
    /// in the catalogue: a variable with the index values (no count, so no disclosure control applies; the inputs
    /// are already the published values) and an indicator showing it, whose definition states the method.
    /// Returns the indicator's code, or nil when no date has values for every component.
    public func adoptIndex(_ method: SocialIndexMethod, block: ReportBlock, of report: Report, actor: AuditActor, now: Date, today: Day) async throws -> String? {
        let snapshot = try await snapshots.snapshot(of: report, blocks: [block], now: now, today: today)
        let series = SocialIndexSeries.compute(method, snapshot: snapshot)
        guard !series.isEmpty else { return nil }
        let code = SocialIndexSeries.code(for: method.name)
        let names = method.components.map { snapshot.indicators[$0.indicatorCode]?.name ?? $0.indicatorCode }
        let variable = Variable(code: code, nameDE: method.name, nameEN: method.name, unit: "Indexpunkte", source: "Berechnet aus dem Indikatorenkatalog (Sozialindex)",
                                licence: snapshot.indicators.values.first?.licence ?? "", isCount: false)
        var indicator = Indicator(code: code, nameDE: method.name, nameEN: method.name, definitionDE: SocialIndexSeries.methodText(method, names: names),
                                  definitionEN: SocialIndexSeries.methodText(method, names: names), topic: .poverty, numerator: [IndicatorTerm(variable: code)],
                                  polarity: .higherIsWorse, decimals: 2, levels: [SpatialLevel.municipality.code])
        if let existing = try await snapshots.indicators.indicator(code: code) { indicator.topic = existing.topic }
        try await snapshots.indicators.saveComputedSeries(variable: variable, indicator: indicator, observations: series.map { Observation(code, $0.unitKey, $0.date, $0.value) },
                                                          label: method.name, actor: actor, at: now)
        return code
    }
}
