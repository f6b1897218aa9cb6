// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Yams vendors libyaml (its CYaml module); the YAML reader drives libyaml directly for
        // exact locations, bounded alias expansion and no recursion on deep documents.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The reference the duration histogram of raw audit logs is tested against.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // zlib, for gzip-compressed audit logs.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Small POSIX helpers Swift cannot reach directly (renameat2).
        .target(name: "CSystem"),
        // The stages, each a target that depends only on the ones above it
        // (docs/architecture.md): the compiler keeps the layering.
        .target(
            name: "DossierSupport",
            dependencies: ["CSystem", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "DossierModel", dependencies: ["DossierSupport"]),
        .target(name: "DossierAudit", dependencies: ["DossierSupport", "DossierModel", "CZlib"]),
        .target(
            name: "DossierLoad",
            dependencies: ["DossierSupport", "DossierModel", "DossierAudit", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "DossierScore", dependencies: ["DossierSupport", "DossierModel"]),
        .target(name: "DossierCompare", dependencies: ["DossierSupport", "DossierModel", "DossierLoad"]),
        .target(name: "DossierRender", dependencies: ["DossierSupport", "DossierModel", "DossierScore", "CCmark"]),
        .target(
            name: "DossierSite",
            dependencies: [
                "DossierSupport", "DossierModel", "DossierLoad", "DossierScore", "DossierRender", "CSystem",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The pipeline: named steps from a repository folder to reports and a site.
        .target(
            name: "DossierCore",
            dependencies: [
                "DossierSupport", "DossierModel", "DossierAudit", "DossierLoad", "DossierScore",
                "DossierCompare", "DossierRender", "DossierSite",
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: [
                "DossierSupport", "DossierModel", "DossierAudit", "DossierLoad", "DossierScore",
                "DossierCompare", "DossierRender", "DossierSite", "DossierCore",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DossierCLITests",
            dependencies: ["DossierSupport", "DossierModel", "DossierCore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
