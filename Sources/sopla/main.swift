import Foundation
import Logging
import SoplaDemo
import SoplaWeb
import Vapor

// Swift concurrency keeps its own threads: event loops only move bytes, so a handler that computes for a while
// (an import, a PDF) does not hold up the connections that share its loop.
var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment) { level in
    { label in ServerLogHandler(label: label, level: level) }
}
let app = try await Application.make(environment)
app.demoSeeding = SoplaDemo.seeding
do {
    let settings = try AppSettings.fromEnvironment()
    try configure(app, settings: settings)
    // As `app.execute()`, without its log line of a failing command: the failure is printed once, below.
    try await app.startup()
    try await app.running?.onStop.get()
    try await app.asyncShutdown()
} catch {
    FileHandle.standardError.write(Data("sopla: error: \(error)\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
