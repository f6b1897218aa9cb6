import ArgumentParser
import DossierCore
import Foundation

enum FailOnLevel: String, ExpressibleByArgument, CaseIterable {
    case critical, high, medium, low, none

    var severity: Severity? { Severity(rawValue: rawValue) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, sarif, prometheus

    static let available: [OutputFormat] = [.text, .json]
}

/// Options shared by the commands that load and score a repository.
struct RepositoryOptions: ParsableArguments {
    @Argument(help: "The governance repository.")
    var repo: String = "."

    @Option(help: "Release label of this report (overrides `release` in dossier.yaml).")
    var release: String?

    @Flag(help: "No progress display while raw audit logs are read.")
    var quiet = false

    /// Loads and scores, printing diagnostics. Throws the exit code when the input is unusable.
    /// Docs pages are read by `check` too, so that a repository `check` accepts also builds.
    func loadReport() throws -> Report { try loadAndScore(documents: true).0 }

    func loadAndScore(documents: Bool, digestRawLogs: Bool = false) throws -> (Report, Repository) {
        var loader = RepositoryLoader(root: URL(fileURLWithPath: repo), releaseOverride: release, loadDocuments: documents)
        loader.digestRawLogs = digestRawLogs
        loader.logProgress = ProgressLine.make(quiet: quiet)
        let result: LoadResult
        do {
            result = try loader.load()
        } catch {
            Console.error("dossier: \(error)")
            throw ExitCode(Exit.ioError)
        }
        Console.report(result.diagnostics)
        guard let repository = result.repository else { throw ExitCode(Exit.dataError) }
        let asOf: CalendarDate
        do {
            asOf = try EvaluationDate.resolve(configured: repository.config.asOf,
                                              environment: ProcessInfo.processInfo.environment,
                                              now: Int64(Date().timeIntervalSince1970))
        } catch {
            Console.error("dossier: \(error)")
            throw ExitCode(Exit.usage)
        }
        let releaseLabel = release ?? repository.config.release ?? ""
        return (Scorer(asOf: asOf, release: releaseLabel).score(repository), repository)
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

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        guard OutputFormat.available.contains(format) else {
            Console.error("dossier: --format \(format.rawValue) is not available yet; available formats: "
                          + OutputFormat.available.map(\.rawValue).joined(separator: ", "))
            throw ExitCode(Exit.usage)
        }
        let report = try options.loadReport()
        switch format {
        case .json:
            ReportJSON.write(report) { Console.out($0) }
        default:
            Console.out(TextReport(colors: Console.stdoutColors, failOn: failOn.severity).render(report))
        }
        if let level = failOn.severity, !report.openGaps(atLeast: level).isEmpty {
            throw ExitCode(Exit.gateFailed)
        }
    }
}
