import Testing
@testable import SoplaCore

@Suite("Official keys")
struct SpatialKeyTests {
    let catalogue = SpatialLevelCatalogue.standard

    @Test func acceptsLahnDillKeys() throws {
        try SpatialKey.validate("06", level: .land)
        try SpatialKey.validate("06532", level: .county, parentKey: "06")
        try SpatialKey.validate("06532023", level: .municipality, parentKey: "06532")
        try SpatialKey.validate("06532023-001", level: .planningArea, parentKey: "06532023")
    }

    @Test func municipalityKeyMustHaveEightDigits() {
        #expect(throws: SpatialKeyError.wrongLength(key: "6532023", level: "municipality", expected: 8)) {
            try SpatialKey.validate("6532023", level: .municipality)
        }
        #expect(SpatialKeyError.wrongLength(key: "6532023", level: "municipality", expected: 8).description
            == "key \"6532023\" has 7 characters; a municipality key (AGS) has exactly 8 digits")
    }

    @Test func keyMustBeDigits() {
        #expect(throws: SpatialKeyError.notDigits(key: "0653202A")) {
            try SpatialKey.validate("0653202A", level: .municipality)
        }
    }

    @Test func landCodeMustExist() {
        #expect(throws: SpatialKeyError.unknownLand(key: "17532023")) {
            try SpatialKey.validate("17532023", level: .municipality)
        }
        #expect(throws: SpatialKeyError.unknownLand(key: "00532023")) {
            try SpatialKey.validate("00532023", level: .municipality)
        }
    }

    @Test func municipalityKeyMustStartWithCountyKey() {
        #expect(throws: SpatialKeyError.parentMismatch(key: "06531001", parentKey: "06532")) {
            try SpatialKey.validate("06531001", level: .municipality, parentKey: "06532")
        }
    }

    @Test func planningAreaKeyNeedsMunicipalityPrefixAndLocalCode() {
        #expect(throws: SpatialKeyError.badLocalCode(key: "06532023")) {
            try SpatialKey.validate("06532023", level: .planningArea)
        }
        #expect(throws: SpatialKeyError.badLocalCode(key: "06532023-")) {
            try SpatialKey.validate("06532023-", level: .planningArea)
        }
        #expect(throws: SpatialKeyError.badLocalCode(key: "06532023-a b")) {
            try SpatialKey.validate("06532023-a b", level: .planningArea)
        }
        #expect(throws: SpatialKeyError.parentMismatch(key: "06532022-001", parentKey: "06532023")) {
            try SpatialKey.validate("06532022-001", level: .planningArea, parentKey: "06532023")
        }
    }

    @Test func impliedParents() {
        #expect(SpatialKey.impliedParentKey(of: "06532023", level: .municipality, in: catalogue) == "06532")
        #expect(SpatialKey.impliedParentKey(of: "06532", level: .county, in: catalogue) == "06")
        #expect(SpatialKey.impliedParentKey(of: "06", level: .land, in: catalogue) == nil)
        #expect(SpatialKey.impliedParentKey(of: "06532023-001", level: .planningArea, in: catalogue) == "06532023")
    }

    @Test func regionalKeyMatchesAGS() throws {
        // Wetzlar: AGS 06532023, ARS 065320023023 (county 06532, Verband 0023, municipality 023).
        try SpatialKey.validateARS("065320023023", matchesAGS: "06532023")
        #expect(throws: SpatialKeyError.arsMismatch(ars: "065320023022", key: "06532023")) {
            try SpatialKey.validateARS("065320023022", matchesAGS: "06532023")
        }
        #expect(throws: SpatialKeyError.badARS(ars: "06532002302")) {
            try SpatialKey.validateARS("06532002302", matchesAGS: "06532023")
        }
    }

    @Test func hierarchyGoesDownward() throws {
        try SpatialKey.validateHierarchy(level: .municipality, parentLevel: .county)
        #expect(throws: SpatialKeyError.levelNotBelowParent(level: "county", parentLevel: "municipality")) {
            try SpatialKey.validateHierarchy(level: .county, parentLevel: .municipality)
        }
        #expect(throws: SpatialKeyError.levelNotBelowParent(level: "county", parentLevel: "county")) {
            try SpatialKey.validateHierarchy(level: .county, parentLevel: .county)
        }
    }

    @Test func catalogueIsOrderedByRankAndConfigurable() {
        let custom = SpatialLevelCatalogue(levels: [
            .planningArea, SpatialLevel(code: "district", rank: 3, nameDE: "Stadtbezirk", nameEN: "District", keyFormat: .digits(8)), .county,
        ])
        #expect(custom.codes == ["county", "district", "planning-area"])
        #expect(custom.level(code: "municipality") == nil)
        #expect(SpatialLevelCatalogue.standard.codes == ["land", "county", "municipality", "planning-area"])
    }
}

@Suite("Level configuration")
struct LevelConfigurationTests {
    @Test func parsesLevelsInOrder() throws {
        let catalogue = try SpatialLevelCatalogue.parse("county=Kreis|County|5, municipality=Stadt/Gemeinde|Municipality|8,planning-area=Sozialraum|Social area|local")
        #expect(catalogue.codes == ["county", "municipality", "planning-area"])
        #expect(catalogue.level(code: "municipality") == SpatialLevel(code: "municipality", rank: 2, nameDE: "Stadt/Gemeinde", nameEN: "Municipality", keyFormat: .digits(8)))
        #expect(catalogue.level(code: "planning-area")?.nameDE == "Sozialraum")
        #expect(catalogue.level(code: "planning-area")?.keyFormat == .localSuffix)
    }

    @Test func namesTheBadEntry() {
        #expect(throws: SpatialLevelCatalogue.ConfigurationError(entry: "county=Kreis|County|x", reason: "the key format must be a number of digits (1–12) or local")) {
            try SpatialLevelCatalogue.parse("county=Kreis|County|x")
        }
        #expect(throws: SpatialLevelCatalogue.ConfigurationError(entry: "Kreis", reason: "missing \"=\"")) {
            try SpatialLevelCatalogue.parse("Kreis")
        }
        #expect(throws: SpatialLevelCatalogue.ConfigurationError(entry: "a=A|A|2", reason: "the code a appears twice")) {
            try SpatialLevelCatalogue.parse("a=A|A|2,a=A|A|2")
        }
        #expect(throws: SpatialLevelCatalogue.ConfigurationError(entry: "", reason: "no level given")) {
            try SpatialLevelCatalogue.parse("")
        }
    }
}
