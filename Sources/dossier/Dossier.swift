import ArgumentParser
import DossierCore

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turns AI-agent governance records into audit-ready reports.",
        discussion: """
        Exit codes: 0 success; 1 `check` found a gap at or above --fail-on; \
        64 usage error; 65 invalid input data; 74 I/O error.
        """,
        version: DossierVersion.number,
        subcommands: [Check.self, Build.self, Summarize.self, Init.self, Verify.self, Schema.self]
    )
}
