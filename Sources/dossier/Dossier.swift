import ArgumentParser
import DossierCore

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turns AI-agent governance records into audit-ready reports.",
        discussion: """
        `check` gates CI on the gaps of a governance repository, `build` publishes its site, \
        `summarize` turns raw audit logs into audit summaries, `init` starts a repository, \
        `verify` proves a published site unchanged, and `schema` helps editors validate agent files. \
        Run `dossier help <command>` for each. \
        Exit codes: 0 success; 1 `check` found a gap at or above --fail-on, or `verify` found a \
        difference; 64 usage error; 65 invalid input data; 74 I/O error.
        """,
        version: Pipeline.version,
        subcommands: [Check.self, Build.self, Summarize.self, Init.self, Verify.self, Schema.self]
    )
}
