import Foundation
import Logging
import NIOCore
import NIOPosix
import SoplaWeb
import Vapor

// Run Swift concurrency on NIO's event loops, so that async handlers do not hop between thread pools.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment) { level in
    { label in ServerLogHandler(label: label, level: level) }
}
let app = try await Application.make(environment)
do {
    let settings = try AppSettings.fromEnvironment()
    try configure(app, settings: settings)
    try await app.execute()
    try await app.asyncShutdown()
} catch {
    FileHandle.standardError.write(Data("sopla: error: \(error)\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
