import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// `sopla export hsds`: the whole service inventory as one Open Referral HSDS 3.0 JSON package.
struct ExportHSDSCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "File to write (default: standard output)")
        var output: String?

        init() {}
    }

    var help: String {
        """
        Writes the service inventory as an HSDS 3.0 package: a JSON object with the fully nested "organizations"
        (those with services, and their parents), "services" (with locations, schedules, service areas, languages,
        phones and attributes), "taxonomies" and "taxonomy_terms". sopla's own fields (FTE, legal basis, preventive, ...)
        are attributes of the taxonomy sopla-merkmale. Example: sopla export hsds --output angebote.json
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase(location: app.settings.database, migrate: false)
        let data = try await HSDSController.Data.load(store: app.serviceStore, accounts: AccountStore(database: app.db), spatial: app.spatial)
        let json = try HSDS.encode(data.package)
        if let output = signature.output {
            do { try json.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw CommandFailure("cannot write \(output): \((error as NSError).localizedDescription)")
            }
            context.console.print("Wrote \(data.records.count) services to \(output).")
        } else {
            FileHandle.standardOutput.write(json)
        }
    }
}

/// `sopla import hsds FILE`: adds the organisations, categories and services of an HSDS package, all or nothing.
struct ImportHSDSCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "An HSDS 3.0 JSON package as written by sopla export hsds")
        var file: String

        init() {}
    }

    var help: String {
        """
        Imports an HSDS 3.0 package (organizations, services, taxonomy_terms). Every reference is checked first —
        organisations of services, taxonomy terms of attributes, spatial units of service areas — and every service is
        validated; any problem is reported with where it is, and then nothing is stored. Existing organisations are kept;
        a service with an existing id becomes a new version of it. Example: sopla import hsds angebote.json
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw CommandFailure("cannot read \(signature.file)") }
        try await app.prepareDatabase(location: app.settings.database, migrate: true)
        let accounts = AccountStore(database: app.db)
        let known = Set(try await accounts.organisations().map(\.id))
        let units = Set(try await app.spatial.allUnits().map(\.key))
        let reader = HSDSPackageReader(knownOrganisations: known, unitKeys: units, problemText: { IssueText.message($0, .en) })
        let result: HSDSPackageReader.Result
        do { result = try reader.read(data) } catch let failure as HSDSPackageReader.Failure { throw CommandFailure(failure.description) }
        try await app.serviceStore.importInventory(organisations: result.organisations, categories: result.categories, services: result.services,
                                                   actor: .system("sopla import hsds"), at: app.settings.clock.now())
        context.console.print("Imported \(result.services.count) services, \(result.categories.count) categories and \(result.organisations.filter { !known.contains($0.id) }.count) new organisations from \(signature.file).")
    }
}
