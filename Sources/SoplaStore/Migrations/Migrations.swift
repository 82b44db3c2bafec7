import Fluent

/// Every migration, in the order it runs. A shipped migration is never edited; a change is a new one.
public enum SoplaMigrations {
    public static let all: [any Migration] = [
        CreateSpatialUnit(),
        CreateSpatialBoundary(),
        CreateSpatialPopulation(),
        CreateDataVersion(),
        SeedDataVersion(),
        CreateOrganisation(),
        CreateUser(),
        CreateUserOrganisation(),
        CreateSession(),
        CreateAccessLink(),
        CreateAPIToken(),
        CreateLoginThrottle(),
        CreateAuditEntry(),
        CreateVariable(),
        CreateIndicator(),
        CreateObservation(),
        CreateImportRun(),
        CreateImportStaging(),
        CreateColumnMapping(),
        CreateReferenceValue(),
        CreateValidationRule(),
        SeedIndicatorDataVersion(),
        CreateServiceTables(),
        SeedServiceData(),
        CreateParticipationRecords(),
        CreatePaperAttachments(),
        CreateFundingTables(),
        CreateReportRecords(),
        CreateMailOutbox(),
        AddImportRelease(),
        AddCatalogueState(),
        CreateDisclosureRelease(),
    ]
}
