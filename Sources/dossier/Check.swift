import ArgumentParser
import DossierCore
import Foundation

enum FailOnLevel: String, ExpressibleByArgument, CaseIterable {
    case critical, high, medium, low, none

    var severity: Severity? { Severity(rawValue: rawValue) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, sarif, prometheus

    /// The report in this format (`colors` for text only).
    func render(_ report: Report, failOn: Severity?, failOnNew: Severity? = nil, colors: Bool = false) -> String {
        switch self {
        case .json: ReportJSON.render(report)
        case .prometheus: PrometheusReport.render(report)
        case .junit: JUnitReport.render(report)
        case .sarif: SARIFReport.render(report)
        case .text: TextReport(colors: colors, failOn: failOn, failOnNew: failOnNew).render(report)
        }
    }

    /// The same bytes as `render`, handed to `sink` in pieces for the formats that grow with
    /// the portfolio (one agent at a time), so that they are never held whole.
    func write(_ report: Report, failOn: Severity?, failOnNew: Severity? = nil, colors: Bool = false,
               to sink: (String) throws -> Void) rethrows {
        switch self {
        case .json: try ReportJSON.write(report, to: sink)
        case .junit: try JUnitReport.write(report, to: sink)
        case .sarif: try SARIFReport.write(report, to: sink)
        case .prometheus, .text: try sink(render(report, failOn: failOn, failOnNew: failOnNew, colors: colors))
        }
    }
}

/// `--report FORMAT=PATH`: one more output of the same run, written to a file.
struct ReportRequest: ExpressibleByArgument {
    let format: OutputFormat
    let path: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
              let format = OutputFormat(rawValue: String(argument[..<equals])) else { return nil }
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
        var report = Scorer(asOf: asOf, release: releaseLabel).score(repository)
        if let compareTo {
            report.changes = try Self.previous { () throws(CompareError) in
                try ReleaseChanges(previous: PreviousReport.load(URL(fileURLWithPath: compareTo), named: compareTo), current: report)
            }
        }
        return (report, repository)
    }

    /// Runs `load`, turning a previous report that cannot be used into the exit code (74 unreadable, 65 invalid).
    static func previous<T>(_ load: () throws(CompareError) -> T) throws -> T {
        do {
            return try load()
        } catch {
            switch error {
            case let .unreadable(cause):
                Console.error("dossier: \(cause)")
                throw ExitCode(Exit.ioError)
            case let .invalid(diagnostic):
                Console.report([diagnostic])
                throw ExitCode(Exit.dataError)
            }
        }
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
    var format: OutputFormat = .text

    @Option(name: .customLong("report"),
            help: ArgumentHelp("Also write the report in FORMAT (json, junit, sarif, prometheus or text) to PATH; repeatable.",
                               valueName: "FORMAT=PATH"))
    var reports: [ReportRequest] = []

    func run() throws {
        if failOnNew != nil && options.compareTo == nil {
            Console.error("dossier: --fail-on-new needs --compare-to PREV")
            throw ExitCode(Exit.usage)
        }
        let report = try options.loadReport()
        // The files first: when one cannot be written, the job fails before it reads a result.
        for request in reports {
            do {
                try AtomicFile.write(to: URL(fileURLWithPath: request.path)) { sink in
                    try request.format.write(report, failOn: failOn.severity, failOnNew: failOnNew?.severity, to: sink)
                }
            } catch {
                Console.error("dossier: \(error)")
                throw ExitCode(Exit.ioError)
            }
        }
        format.write(report, failOn: failOn.severity, failOnNew: failOnNew?.severity, colors: Console.stdoutColors) {
            Console.out($0)
        }
        // With --fail-on-new, only gaps the previous release did not have fail the gate.
        if let failOnNew, let changes = report.changes {
            if let level = failOnNew.severity, !report.newOpenGaps(atLeast: level, changes: changes).isEmpty {
                throw ExitCode(Exit.gateFailed)
            }
        } else if let level = failOn.severity, !report.openGaps(atLeast: level).isEmpty {
            throw ExitCode(Exit.gateFailed)
        }
    }
}
