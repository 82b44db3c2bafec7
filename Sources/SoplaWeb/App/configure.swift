import Fluent
import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Sets up an application: database, middleware, routes and commands. No I/O happens here;
/// commands connect and migrate when they run.
public func configure(_ app: Application, settings: AppSettings) throws {
    try app.useSoplaDatabase(settings.database, postgresSchema: settings.postgresSchema)
    app.storage[SettingsKey.self] = settings
    let caches = SpatialCaches(revalidateAfter: settings.cacheRevalidationSeconds)
    app.storage[SpatialCachesKey.self] = caches

    app.routes.defaultMaxBodySize = "1mb"
    CleanInput.install()
    // sopla takes no compressed request bodies (and so no decompression bombs).
    app.http.server.configuration.requestDecompression = .disabled
    // No per-request metrics: nothing collects them, and they cost time on every request.
    app.http.server.configuration.reportMetrics = false
    app.middleware = Middlewares()
    if app.logger.logLevel <= .debug {
        app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    }
    app.middleware.use(SiteMiddleware())

    try app.register(collection: HealthController())
    try app.register(collection: StaticController())
    try app.register(collection: SpatialPagesController())
    try app.register(collection: SpatialAPIController())
    try app.register(collection: OpenAPIController())
    try app.register(collection: AuthController())
    try app.register(collection: AccountController())
    try app.register(collection: OrganisationController())
    try app.register(collection: AdminController())
    try app.register(collection: PersonAdminController())
    try app.register(collection: ChildUnitController())
    try app.register(collection: PlanningAreaController())
    try app.register(collection: IndicatorController())
    try app.register(collection: IndicatorAdminController())
    try app.register(collection: IndicatorAPIController())
    try app.register(collection: ImportController())
    try app.register(collection: ServiceController())
    try app.register(collection: ServicePlanningController())
    try app.register(collection: DirectoryController())
    try app.register(collection: HSDSController())
    try app.register(collection: OParlController())
    try app.register(collection: ParticipationController())
    try app.register(collection: StatementController())
    try app.register(collection: MeetingAdminController())
    try app.register(collection: PaperController())
    try app.register(collection: MeasureController())
    try app.register(collection: ProcessController())
    try app.register(collection: ProgrammeController())
    try app.register(collection: ApplicationController())
    try app.register(collection: AgreementController())
    try app.register(collection: GrantNoticeController())
    try app.register(collection: ControllingController())
    try app.register(collection: ReportReadingController())
    try app.register(collection: ReportBuilderController())
    try app.register(collection: ReportEditionController())
    try app.register(collection: ProfileController())
    try app.register(collection: PortalController())
    try app.register(collection: MeetingDocumentController())
    try app.register(collection: BodyAdminController())
    try app.register(collection: InboxController())
    registerMethodRefusals(app)
    app.responder.use { app in SoplaResponder(router: app.responder.default, caches: caches, clock: settings.clock) }

    registerCommands(app)
}

struct SettingsKey: StorageKey {
    typealias Value = AppSettings
}

extension Application {
    var settings: AppSettings {
        guard let settings = storage[SettingsKey.self] else { fatalError("configure(_:settings:) was not called") }
        return settings
    }

    var spatial: any SpatialRepository {
        FluentSpatialRepository(database: db)
    }

    /// The spatial base for changes: each one is recorded in the audit log as done by `actor`.
    func spatialWriter(_ actor: AuditActor) -> any SpatialRepository {
        FluentSpatialRepository(database: db, audit: AuditContext(actor: actor, clock: settings.clock))
    }
}

extension Request {
    var settings: AppSettings { application.settings }
    var spatial: any SpatialRepository { FluentSpatialRepository(database: db) }

    var spatialCaches: SpatialCaches {
        guard let caches = application.storage[SpatialCachesKey.self] else { fatalError("configure(_:settings:) was not called") }
        return caches
    }

    /// Boundaries valid on `day` (default today), decoded once per spatial data version.
    func currentBoundaries(on day: Day? = nil) async throws -> [String: BoundaryVersion] {
        try await application.currentBoundaries(on: day)
    }
}

extension Application {
    /// Boundaries valid on `day` (default today), decoded once per spatial data version.
    func currentBoundaries(on day: Day? = nil) async throws -> [String: BoundaryVersion] {
        guard let caches = storage[SpatialCachesKey.self] else { fatalError("configure(_:settings:) was not called") }
        let settings = self.settings
        let repository = spatial
        let day = day ?? settings.clock.today
        return try await caches.boundaries.value(
            day, now: settings.clock.now(),
            version: { try await repository.dataVersion() },
            make: { _ in try await repository.boundaries(validOn: day) }
        )
    }
}

extension Array where Element == String {
    /// Route path components from a `SiteRoute.Pattern`; `:name` becomes a parameter.
    var pathComponents: [PathComponent] {
        map { PathComponent(stringLiteral: $0) }
    }
}
