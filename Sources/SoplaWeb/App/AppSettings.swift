import Foundation
import SoplaCore
import SoplaStore

/// Everything the application needs from outside, read once in the entry point; tests build it directly.
public struct AppSettings: Sendable {
    public var database: DatabaseLocation
    /// PostgreSQL schema for all tables; nil for the default search path.
    public var postgresSchema: String?
    public var levels: SpatialLevelCatalogue
    public var clock: Clock
    /// How long the spatial data version may be trusted before a cache asks the database again.
    public var cacheRevalidationSeconds: Double
    /// Bcrypt work factor for passwords (12 in production; tests lower it to run fast).
    public var bcryptCost: Int
    /// Mark cookies `Secure` even when the request itself is plain HTTP (TLS ends before sopla).
    public var secureCookies: Bool
    /// How many reverse proxies stand before sopla and append to `X-Forwarded-For` / `X-Forwarded-Proto`
    /// (`SOPLA_TRUST_PROXY`, default 0: the headers are ignored). Exactly this many right-most entries are trusted.
    public var proxyHops: Int = 0
    /// Whether a reverse proxy is trusted at all.
    public var trustProxy: Bool {
        get { proxyHops > 0 }
        set { proxyHops = newValue ? max(proxyHops, 1) : 0 }
    }
    /// Host names (with port where not the default) requests may name besides the public URL's (`SOPLA_ALLOWED_HOSTS`,
    /// comma-separated), e.g. an internal name the county's monitoring uses.
    public var allowedHosts: [String] = []
    /// The address people reach sopla at, for links in invitations (e.g. `https://sopla.lahn-dill-kreis.de`).
    public var publicURL: String?
    /// Uploaded files up to this size are imported while the request waits; larger ones in the background.
    public var importInlineBytes: Int = 2 * 1024 * 1024
    /// The SMTP relay for notifications (`SOPLA_SMTP_HOST`, `SOPLA_SMTP_PORT` (25), `SOPLA_SMTP_FROM`); nil: inbox only.
    public var smtpHost: String?
    public var smtpPort: Int = 25
    public var smtpFrom: String = "sopla@localhost"
    /// PDFs made at once (`SOPLA_PDF_CONCURRENCY`, each a WeasyPrint process) and requests that may wait for one;
    /// beyond that 503 with `Retry-After`.
    public var pdfConcurrency: Int = 2
    public var pdfQueueLength: Int = 8
    /// A WeasyPrint run is stopped after this many seconds (`SOPLA_PDF_TIMEOUT`).
    public var pdfTimeoutSeconds: Double = 60
    /// Memory for public PDFs kept per data version, in bytes.
    public var pdfCacheBytes: Int = 64 * 1024 * 1024
    /// Threads for Bcrypt and password checks that may wait for one; beyond that 503 with `Retry-After`.
    /// A payment is ordered by another person than the one who released the drawdown (`SOPLA_FOUR_EYES_PAYMENTS`,
    /// default 1; 0 for an office where one person does both).
    public var fourEyesPayments: Bool = true
    public var bcryptThreads: Int = 2
    public var bcryptQueueLength: Int = 32

    public init(
        database: DatabaseLocation, levels: SpatialLevelCatalogue = .standard, clock: Clock = .system,
        cacheRevalidationSeconds: Double = 1, postgresSchema: String? = nil, bcryptCost: Int = 12,
        secureCookies: Bool = false, trustProxy: Bool = false, publicURL: String? = nil
    ) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.proxyHops = trustProxy ? 1 : 0
        self.publicURL = publicURL
        self.postgresSchema = postgresSchema
        self.levels = levels
        self.clock = clock
        self.cacheRevalidationSeconds = cacheRevalidationSeconds
    }

    /// Reads `SOPLA_DATABASE_URL` (default `sqlite:./sopla.sqlite`), `SOPLA_LEVELS` (default: Land,
    /// county, municipality, planning area), `SOPLA_PUBLIC_URL`, `SOPLA_ALLOWED_HOSTS`, and `SOPLA_SECURE_COOKIES=1` /
    /// `SOPLA_TRUST_PROXY=<number of proxies>` for deployments behind a TLS-terminating reverse proxy.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppSettings {
        let url = environment["SOPLA_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? DatabaseLocation.defaultValue
        var levels = SpatialLevelCatalogue.standard
        if let text = environment["SOPLA_LEVELS"], !text.isEmpty {
            levels = try SpatialLevelCatalogue.parse(text)
        }
        var publicURL = environment["SOPLA_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let url = publicURL {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw SettingsError("SOPLA_PUBLIC_URL must start with https:// or http://, got \(url)")
            }
            publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        var settings = AppSettings(database: try DatabaseLocation.parse(url), levels: levels,
                                   secureCookies: environment["SOPLA_SECURE_COOKIES"] == "1",
                                   publicURL: publicURL)
        if let raw = environment["SOPLA_TRUST_PROXY"], !raw.isEmpty {
            guard let hops = Int(raw), (0...10).contains(hops) else {
                throw SettingsError("SOPLA_TRUST_PROXY must be the number of reverse proxies before sopla (0–10), got \(raw)")
            }
            settings.proxyHops = hops
        }
        settings.allowedHosts = (environment["SOPLA_ALLOWED_HOSTS"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        settings.smtpHost = environment["SOPLA_SMTP_HOST"].flatMap { $0.isEmpty ? nil : $0 }
        if let raw = environment["SOPLA_SMTP_PORT"], !raw.isEmpty {
            guard let port = Int(raw), (1...65535).contains(port) else { throw SettingsError("SOPLA_SMTP_PORT must be a port number, got \(raw)") }
            settings.smtpPort = port
        }
        if let from = environment["SOPLA_SMTP_FROM"], !from.isEmpty { settings.smtpFrom = from }
        if let raw = environment["SOPLA_FOUR_EYES_PAYMENTS"], !raw.isEmpty {
            guard raw == "0" || raw == "1" else { throw SettingsError("SOPLA_FOUR_EYES_PAYMENTS must be 1 (two persons release and pay) or 0, got \(raw)") }
            settings.fourEyesPayments = raw == "1"
        }
        if let raw = environment["SOPLA_PDF_CONCURRENCY"], !raw.isEmpty {
            guard let count = Int(raw), (1...16).contains(count) else { throw SettingsError("SOPLA_PDF_CONCURRENCY must be a number from 1 to 16, got \(raw)") }
            settings.pdfConcurrency = count
        }
        if let raw = environment["SOPLA_PDF_TIMEOUT"], !raw.isEmpty {
            guard let seconds = Double(raw), seconds > 0 else { throw SettingsError("SOPLA_PDF_TIMEOUT must be a number of seconds, got \(raw)") }
            settings.pdfTimeoutSeconds = seconds
        }
        return settings
    }
}

/// A setting from the environment that cannot be used.
public struct SettingsError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
