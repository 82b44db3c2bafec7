import Foundation
import SoplaCore

/// The fields of a service as the form holds them (text), to and from a `Service`.
public enum ServiceFormValues {
    public static func values(_ s: Service, unitNames: [String: String] = [:]) -> [String: String] {
        let location = s.locations.first
        let shares = (s.areaShares ?? [:]).map { (unitNames[$0.key] ?? $0.key, $0.value) }.sorted { $0.0 < $1.0 }
            .map { "\($0.0): " + String(format: "%g", $0.1).replacingOccurrences(of: ".", with: ",") }.joined(separator: "\n")
        func number(_ value: Double?) -> String { value.map { String(format: "%.5f", $0) } ?? "" }
        return [
            "organisation": s.organisationID.uuidString.lowercased(), "name": s.name, "description": s.description, "category": s.categoryCode,
            "legalBasis": s.legalBasis ?? "", "status": s.status.rawValue, "preventive": s.preventive ? "ja" : "nein",
            "minAge": s.targetGroup.minAge.map(String.init) ?? "", "maxAge": s.targetGroup.maxAge.map(String.init) ?? "",
            "situations": s.targetGroup.situations.sorted().joined(separator: ", "), "languages": s.languages.joined(separator: ", "),
            "stepFree": s.stepFree ? "ja" : "nein", "signLanguage": s.signLanguage ? "ja" : "nein", "fees": s.fees ?? "",
            "eligibility": s.eligibility ?? "", "howToApply": s.howToApply ?? "", "openingHours": ServiceEntry.openingHoursText(s.openingHours),
            "email": s.email ?? "", "phone": s.phone ?? "", "website": s.website ?? "", "outreach": s.outreach ? "ja" : "nein", "addressProtected": s.addressProtected ? "ja" : "nein",
            "locationName": location?.name ?? "", "street": location?.street ?? "", "postcode": location?.postcode ?? "", "city": location?.city ?? "",
            "lat": number(location?.point?.lat), "lon": number(location?.point?.lon), "staff": ServiceEntry.staffText(s.capacity.fte),
            "places": s.capacity.places.map(String.init) ?? "", "casesPerYear": s.capacity.casesPerYear.map(String.init) ?? "",
            "referenceYear": s.capacity.referenceYear.map(String.init) ?? "", "areaShares": shares,
        ]
    }
}

/// Create or change a service: the planner directly, a provider as a proposal.
public enum ServiceFormPage {
    public struct Model: Sendable {
        public let title: String
        public let intro: String?
        public let action: String
        public let cancel: String
        public let values: [String: String]
        public let sexes: Set<String>
        public let serviceArea: Set<String>
        public let categories: [ServiceCategory]
        /// Offered when the planner creates a service; nil otherwise.
        public let organisations: [(id: UUID, name: String)]?
        public let municipalities: [(key: String, name: String)]
        public let map: SVGMap?
        public let issues: [ValidationIssue]

        public init(title: String, intro: String?, action: String, cancel: String, values: [String: String], sexes: Set<String>, serviceArea: Set<String>,
                    categories: [ServiceCategory], organisations: [(id: UUID, name: String)]?, municipalities: [(key: String, name: String)],
                    map: SVGMap? = nil, issues: [ValidationIssue] = []) {
            self.title = title
            self.intro = intro
            self.action = action
            self.cancel = cancel
            self.values = values
            self.sexes = sexes
            self.serviceArea = serviceArea
            self.categories = categories
            self.organisations = organisations
            self.municipalities = municipalities
            self.map = map
            self.issues = issues
        }
    }

    public static func labels(_ t: Texts) -> [String: String] {
        ["organisation": t(.fieldProvider), "name": t(.fieldServiceName), "description": t(.fieldDescription), "category": t(.fieldCategory),
         "legalBasis": t(.fieldLegalBasis), "status": t(.fieldServiceStatus), "preventive": t(.fieldPreventive), "minAge": t(.fieldMinAge),
         "maxAge": t(.fieldMaxAge), "targetAge": t(.fieldMaxAge), "sexes": t(.fieldSexes), "situations": t(.fieldSituations), "languages": t(.fieldLanguages),
         "stepFree": t(.fieldStepFree), "signLanguage": t(.fieldSignLanguage), "fees": t(.fieldFees), "eligibility": t(.fieldEligibility),
         "howToApply": t(.fieldHowToApply), "openingHours": t(.fieldOpeningHours), "email": t(.fieldServiceEmail), "phone": t(.fieldServicePhone),
         "website": t(.fieldServiceWebsite), "outreach": t(.fieldOutreach), "addressProtected": t(.fieldAddressProtected), "serviceArea": t(.fieldServiceArea), "locationName": t(.fieldLocationName),
         "street": t(.fieldServiceStreet), "postcode": t(.fieldServicePostcode), "city": t(.fieldServiceCity), "lat": t(.fieldLatitude),
         "lon": t(.fieldLongitude), "location": t(.fieldLatitude), "staff": t(.fieldStaff), "fte": t(.fieldStaff), "places": t(.fieldPlaces),
         "casesPerYear": t(.fieldCasesPerYear), "referenceYear": t(.fieldReferenceYear), "areaShares": t(.fieldAreaShares)]
    }

    static func area(_ form: FormBuilder, _ field: String, label: String, value: String?, hint: String? = nil, rows: Int = 3) -> HTMLNode {
        form.textArea(field, label: label, value: value, hint: hint, rows: rows)
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = labels(t)
        let v = model.values
        let yesNo: [(value: String, label: String)] = [("nein", t(.no)), ("ja", t(.yes))]
        let categoryOptions = model.categories.map { (value: $0.code, label: language == .de ? $0.nameDE : $0.nameEN) }
        let statusOptions = ServiceStatus.allCases.map { (value: $0.rawValue, label: ServiceNames.status($0, language)) }
        let sexOptions = Sex.allCases.map { (value: $0.rawValue, label: ServiceNames.sex($0, language)) }
        var general: [HTMLNode] = [el("legend", text: t(.sectionGeneral))]
        if let organisations = model.organisations {
            general.append(form.select("organisation", label: labels["organisation"]!, options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                       selected: v["organisation"], required: true))
        }
        general += [
            form.text("name", label: labels["name"]!, value: v["name"], required: true),
            area(form, "description", label: labels["description"]!, value: v["description"], hint: t(.descriptionHint)),
            form.select("category", label: labels["category"]!, options: categoryOptions, selected: v["category"], required: true),
            form.text("legalBasis", label: labels["legalBasis"]!, value: v["legalBasis"], hint: t(.legalBasisHint)),
            form.select("status", label: labels["status"]!, options: statusOptions, selected: v["status"] ?? ServiceStatus.active.rawValue),
            form.select("preventive", label: labels["preventive"]!, options: yesNo, selected: v["preventive"], hint: t(.preventiveHint)),
        ]
        let target: [HTMLNode] = [
            el("legend", text: t(.sectionTargetGroup)),
            form.text("minAge", label: labels["minAge"]!, value: v["minAge"], type: "number", maxLength: 3),
            form.text("maxAge", label: labels["maxAge"]!, value: v["maxAge"], type: "number", maxLength: 3),
            form.checkboxes("sexes", legend: labels["sexes"]!, options: sexOptions, selected: model.sexes, hint: t(.sexesHint)),
            form.text("situations", label: labels["situations"]!, value: v["situations"], hint: t(.listHint)),
        ]
        let access: [HTMLNode] = [
            el("legend", text: t(.sectionAccess)),
            form.text("languages", label: labels["languages"]!, value: v["languages"], hint: t(.languagesHint)),
            form.select("stepFree", label: labels["stepFree"]!, options: yesNo, selected: v["stepFree"]),
            form.select("signLanguage", label: labels["signLanguage"]!, options: yesNo, selected: v["signLanguage"]),
            form.text("fees", label: labels["fees"]!, value: v["fees"], hint: t(.feesHint)),
            area(form, "eligibility", label: labels["eligibility"]!, value: v["eligibility"]),
            area(form, "howToApply", label: labels["howToApply"]!, value: v["howToApply"]),
            area(form, "openingHours", label: labels["openingHours"]!, value: v["openingHours"], hint: t(.openingHoursHint), rows: 5),
            form.text("email", label: labels["email"]!, value: v["email"], type: "email"),
            form.text("phone", label: labels["phone"]!, value: v["phone"], type: "tel"),
            form.text("website", label: labels["website"]!, value: v["website"], type: "url"),
        ]
        let place: [HTMLNode] = [
            el("legend", text: t(.sectionPlace)),
            form.select("outreach", label: labels["outreach"]!, options: yesNo, selected: v["outreach"], hint: t(.outreachHint)),
            form.select("addressProtected", label: labels["addressProtected"]!, options: yesNo, selected: v["addressProtected"], hint: t(.addressProtectedHint)),
            form.text("locationName", label: labels["locationName"]!, value: v["locationName"]),
            form.text("street", label: labels["street"]!, value: v["street"]),
            form.text("postcode", label: labels["postcode"]!, value: v["postcode"], maxLength: 5),
            form.text("city", label: labels["city"]!, value: v["city"]),
            form.text("lat", label: labels["lat"]!, value: v["lat"], hint: t(.coordinatesHint), maxLength: 12),
            form.text("lon", label: labels["lon"]!, value: v["lon"], maxLength: 12),
            model.map?.render() ?? .empty,
            form.checkboxes("serviceArea", legend: labels["serviceArea"]!, options: model.municipalities.map { ($0.key, $0.name) },
                            selected: model.serviceArea, hint: t(.serviceAreaHint)),
            area(form, "areaShares", label: labels["areaShares"]!, value: v["areaShares"], hint: t(.areaSharesHint)),
        ]
        let capacity: [HTMLNode] = [
            el("legend", text: t(.sectionCapacity)),
            area(form, "staff", label: labels["staff"]!, value: v["staff"], hint: t(.staffHint)),
            form.text("places", label: labels["places"]!, value: v["places"], type: "number", maxLength: 6),
            form.text("casesPerYear", label: labels["casesPerYear"]!, value: v["casesPerYear"], type: "number", maxLength: 7),
            form.text("referenceYear", label: labels["referenceYear"]!, value: v["referenceYear"], type: "number", maxLength: 4),
        ]
        var body: [HTMLNode] = [FormBuilder.csrf(context.csrfToken ?? "")]
        body += [el("fieldset", [], general), el("fieldset", [], target), el("fieldset", [], access), el("fieldset", [], place), el("fieldset", [], capacity)]
        body.append(el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.save)), el("a", [("href", model.cancel)], text: t(.cancel))]))
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", model.cancel)], text: t(.back))]),
            el("h1", text: model.title),
            model.intro.map { el("p", [("class", "lead")], text: $0) } ?? .empty,
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", model.action), ("class", "stacked service-form")], body),
            el("script", [("src", ServiceRoute.script.path), ("defer", "defer")], []),
        ]
        return Layout(title: model.title, context: context).render(content)
    }
}
