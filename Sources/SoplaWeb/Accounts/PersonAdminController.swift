import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var personalData: PersonalDataService {
        PersonalDataService(accounts: accounts, participation: participationStore, funding: fundingStore, services: serviceStore)
    }
}

/// Data protection for the persons of the bodies, with or without a login: the list, an export (Art. 15) and erasure
/// (Art. 17). A person with a login is exported and erased with the account.
struct PersonAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let permission = RoutePermission(.managePersonalData)
        routes.on(.GET, SiteRoute.Pattern.persons, permission, use: list)
        routes.on(.GET, SiteRoute.Pattern.personExport, permission, use: export)
        routes.on(.GET, SiteRoute.Pattern.personErase, permission, use: confirmErase)
        routes.on(.POST, SiteRoute.Pattern.personErase, permission, use: erase)
    }

    func list(req: Request) async throws -> HTMLResponse {
        let store = req.participationStore
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").prefix(100).trimmingCharacters(in: .whitespaces)
        let descending = (try? req.query.get(String.self, at: "richtung")) == "ab"
        let page = min(max((try? req.query.get(Int.self, at: "seite")) ?? 1, 1), ListState.maximumPage)
        let bodies = Dictionary(try await store.all(.body, as: Body.self).map { ($0.id, $0.value.name) }, uniquingKeysWith: { a, _ in a })
        let seats = Dictionary(grouping: try await store.all(.membership, as: Membership.self).map(\.value), by: \.personID)
        var rows = try await store.all(.person, as: Person.self).map(\.value).map { person in
            PersonListPage.Row(id: person.id, name: person.name, bodies: Array(Set((seats[person.id] ?? []).compactMap { bodies[$0.bodyID] })).sorted(),
                               userID: person.userID, erased: person.isErased)
        }
        if !q.isEmpty { rows = rows.filter { $0.name.localizedCaseInsensitiveContains(q) } }
        rows.sort { descending ? $0.name > $1.name : $0.name < $1.name }
        let state = ListState(path: SiteRoute.Pattern.persons(), filters: q.isEmpty ? [:] : ["q": q], sort: "name", descending: descending, page: page)
        let shown = Array(rows.dropFirst((page - 1) * PersonListPage.perPage).prefix(PersonListPage.perPage))
        return HTMLResponse(PersonListPage.render(shown, total: rows.count, state: state, notice: req.notice, context: try await req.pageContext()))
    }

    static func person(_ req: Request) async throws -> Person {
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw),
              let person = try await req.participationStore.one(.person, id: id, as: Person.self)?.value else { throw Abort(.notFound) }
        return person
    }

    func export(req: Request) async throws -> Response {
        let person = try await Self.person(req)
        if let userID = person.userID { return req.redirect(to: SiteRoute.userExport(id: userID).path) }
        let data = try await req.personalData.export(personID: person.id)
        return try AdminController.download(data, fileName: "personendaten-\(person.id.uuidString.lowercased()).json")
    }

    func confirmErase(req: Request) async throws -> Response {
        let person = try await Self.person(req)
        if let userID = person.userID { return req.redirect(to: SiteRoute.userErase(id: userID).path) }
        let t = Texts(req.language)
        var model = ConfirmPage.Model(title: t(.confirmEraseTitle), text: t(.confirmErasePersonText).replacingOccurrences(of: "{name}", with: person.name),
                                      action: SiteRoute.Pattern.personErase(person.id), confirmLabel: t(.erasePerson),
                                      cancelPath: SiteRoute.Pattern.persons())
        model.warnings = ErasureWords.lines(try await req.accounts.freeTextMentions(of: [person.name] + (person.email.map { [$0] } ?? [])), req.language)
        model.warningTitle = ErasureWords.title(req.language)
        return try await HTMLResponse(ConfirmPage.render(model, context: try await req.pageContext())).encodeResponse(for: req)
    }

    func erase(req: Request) async throws -> Response {
        let person = try await Self.person(req)
        guard (try? req.content.get(String.self, at: "bestaetigt")) == "ja" else {
            throw Refusal(.unprocessableEntity, "Bitte die Löschung auf der Bestätigungsseite bestätigen.", "Please confirm the erasure on the confirmation page.")
        }
        try await req.accounts.erase(personID: person.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: SiteRoute.Pattern.persons(), notice: .erased)
    }
}
