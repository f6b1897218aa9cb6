import ArgumentParser
import DossierCore
import Foundation

enum FailOnLevel: String, ExpressibleByArgument, CaseIterable {
    case critical, high, medium, low, none

    var severity: Severity? { Severity(rawValue: rawValue) }
}

extension ReportFormat: ExpressibleByArgument {}

/// `--report FORMAT=PATH`: one more output of the same run, written to a file.
struct ReportRequest: ExpressibleByArgument {
    let format: ReportFormat
    let path: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
              let format = ReportFormat(rawValue: String(argument[..<equals])) else { return nil }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { return nil }
        self.format = format
        self.path = path
    }

    static var defaultCompletionKind: CompletionKind { .file() }
}

/// Options shared by the commands that load and score a repository.
struct RepositoryOptions: ParsableArguments {
    @Argument(help: "The governance repository.")
    var repo: String = "."

    @Option(help: "Release label of this report (overrides `release` in dossier.yaml).")
    var release: String?

    @Flag(help: "No progress display while raw audit logs are read.")
    var quiet = false

    @Option(name: .customLong("compare-to"),
            help: ArgumentHelp("A previous release's report.json (or a site folder holding one): report what changed since.",
                               valueName: "PREV"))
    var compareTo: String?

    @Option(help: ArgumentHelp("The commit the repository is checked out at, for source links (default: GITHUB_SHA, CI_COMMIT_SHA, or the repository's .git).",
                               valueName: "SHA"))
    var commit: String?

    func validate() throws {
        if let commit, Pipeline.commit(commit) == nil {
            throw ValidationError("--commit: expected a commit (4 to 64 hex digits), found '\(commit)'")
        }
    }

    var source: Pipeline.Source {
        Pipeline.Source(root: URL(fileURLWithPath: repo), release: release, commit: commit.flatMap(Pipeline.commit))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the repository and print its gaps; exit 1 when a gap is at or above --fail-on.",
        discussion: "The gate for CI: `dossier check --fail-on high` fails the job on any open high or critical gap."
    )

    @OptionGroup var options: RepositoryOptions

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the check (critical, high, medium, low or none).")
    var failOn: FailOnLevel = .high

    @Option(name: .customLong("fail-on-new"),
            help: "With --compare-to: fail only on open gaps at or above this severity that the previous release did not have (replaces --fail-on).")
    var failOnNew: FailOnLevel?

    @Option(help: "Output format on stdout: text, json, junit, sarif or prometheus.")
    var format: ReportFormat = .text

    @Option(name: .customLong("report"),
            help: ArgumentHelp("Also write the report in FORMAT (json, junit, sarif, prometheus or text) to PATH; repeatable.",
                               valueName: "FORMAT=PATH"))
    var reports: [ReportRequest] = []

    func validate() throws {
        if failOnNew != nil && options.compareTo == nil {
            throw ValidationError("--fail-on-new needs --compare-to PREV")
        }
    }

    func run() throws {
        let pipeline = Console.pipeline(quiet: options.quiet)
        let gate = Gate(failOn: failOn.severity, failOnNew: failOnNew?.severity, onlyNew: failOnNew != nil)
        let report = try Console.run { () throws(DossierError) in
            let report = try pipeline.check(options.source, comparedWith: options.compareTo)
            // The files first: when one cannot be written, the job fails before it reads a result.
            for request in reports {
                try pipeline.writeReport(report, as: request.format, gate: gate, to: request.path)
            }
            return report
        }
        format.write(report, gate: gate, colors: Console.stdoutColors) { Console.out($0) }
        if gate.fails(report) { throw ExitCode(Exit.gateFailed) }
    }
}
