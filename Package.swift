// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sopla",
    defaultLocalization: "de",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sopla", targets: ["sopla"]),
        .executable(name: "sopla-bench", targets: ["SoplaBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        .target(name: "SoplaCore"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "SoplaFormats", dependencies: ["SoplaCore"]),
        .target(
            name: "SoplaStore",
            dependencies: [
                "SoplaCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .target(name: "SoplaRender", dependencies: ["SoplaCore", .product(name: "Plot", package: "Plot")]),
        // The use cases, outside any request: imports, releases, demo seeding. No Vapor.
        .target(name: "SoplaApp", dependencies: ["SoplaCore", "SoplaFormats", "SoplaStore"]),
        .target(
            name: "SoplaWeb",
            dependencies: [
                "SoplaCore", "SoplaFormats", "SoplaStore", "SoplaApp", "SoplaRender", "CZlib",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "SoplaDemo",
            dependencies: ["SoplaCore", "SoplaFormats", "SoplaStore", "SoplaApp"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "sopla", dependencies: ["SoplaWeb", "SoplaDemo", .product(name: "Vapor", package: "vapor")]),
        .executableTarget(name: "SoplaBench", dependencies: ["SoplaCore", "SoplaStore", "SoplaApp", .product(name: "Vapor", package: "vapor")], path: "Sources/SoplaBench"),
        .target(
            name: "SoplaTestSupport",
            dependencies: ["SoplaApp", "SoplaStore", .product(name: "Vapor", package: "vapor")],
            path: "Tests/SoplaTestSupport"
        ),
        .testTarget(name: "SoplaCoreTests", dependencies: ["SoplaCore"]),
        .testTarget(name: "SoplaFormatsTests", dependencies: ["SoplaFormats"]),
        .testTarget(name: "SoplaAppTests", dependencies: ["SoplaApp", "SoplaTestSupport"]),
        .testTarget(
            name: "SoplaStoreTests",
            dependencies: ["SoplaStore", "SoplaFormats", "SoplaTestSupport", .product(name: "Fluent", package: "fluent")]
        ),
        .testTarget(
            name: "SoplaWebTests",
            dependencies: ["SoplaWeb", "SoplaDemo", "SoplaRender", "SoplaTestSupport", .product(name: "VaporTesting", package: "vapor")]
        ),
    ]
)
