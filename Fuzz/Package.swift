// swift-tools-version: 6.1
// libFuzzer harnesses for the input parsers of DossierCore, kept apart from the main
// package so that its build is untouched. Build and run with scripts/fuzz.sh.
import PackageDescription

let fuzzTargets = ["FuzzAgentYAML", "FuzzAgentJSON", "FuzzEventLine", "FuzzMarkdown"]

let package = Package(
    name: "DossierFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Dossier", path: "..")],
    targets: [
        // The hand-over to libFuzzer's driver, and the agent-file step of two targets.
        .target(name: "FuzzSupport", dependencies: [.product(name: "DossierCore", package: "Dossier")]),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "DossierCore", package: "Dossier")],
            // Each harness defines LLVMFuzzerTestOneInput and no main (libFuzzer has one).
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
