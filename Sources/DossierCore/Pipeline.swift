import DossierAudit
import DossierCompare
import DossierLoad
import DossierModel
import DossierRender
import DossierScore
import DossierSite
import DossierSupport
import Foundation

/// The pipeline from a governance repository to reports and a site, as named
/// steps: `load` → `score` → `compare` (and `history`) → `render` or
/// `writeSite`; and beside it `summarize`, `verify` and `initialize`.
///
/// Each step takes values and returns one result type; every failure is a
/// `DossierError` naming the step, the path and the exit code. Warnings go to
/// `warn` as soon as a step finds them, so that they are shown even when a
/// later step fails. The clock and the environment are passed in, so that a
/// run can be reproduced.
public struct Pipeline: Sendable {
    /// The process environment (`SOURCE_DATE_EPOCH`).
    public var environment: [String: String]
    /// Seconds since 1970-01-01T00:00:00Z: today, unless `as_of` or `SOURCE_DATE_EPOCH` says otherwise.
    public var now: Int64
    /// Told when raw audit logs start and finish being read.
    public var progress: (any LogProgressObserver)?
    /// Receives the warnings of each step.
    public var warn: @Sendable ([Diagnostic]) -> Void

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                now: Int64 = Int64(Date().timeIntervalSince1970),
                progress: (any LogProgressObserver)? = nil,
                warn: @escaping @Sendable ([Diagnostic]) -> Void = { _ in }) {
        self.environment = environment
        self.now = now
        self.progress = progress
        self.warn = warn
    }

    // MARK: Load and score

    /// What to read of a repository.
    public struct Source: Sendable {
        public var root: URL
        /// `--release`: overrides `release` in dossier.yaml, which may then be absent.
        public var release: String?
        /// Whether to read the pages under `docs/` (`check` reads them too, so that what it accepts also builds).
        public var documents = true
        /// Whether to list raw audit logs among the inputs, with their SHA-256 (the site's manifest).
        public var digestRawLogs = false
        /// `--commit`: the commit the repository was checked out at (else CI variables, else `.git`).
        public var commit: String?

        public init(root: URL, release: String? = nil, commit: String? = nil) {
            self.root = root
            self.release = release
            self.commit = commit
        }
    }

    /// A loaded and validated repository.
    public struct Loaded: Sendable {
        public let source: Source
        public let repository: Repository
        /// The commit of the repository, when one is known (INPUT.md, `source_url`).
        public let commit: String?
    }

    /// A `--commit` value: hex digits (4 to 64), written in lowercase; `nil` for anything else.
    public static func commit(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard (4...64).contains(lowered.utf8.count),
              lowered.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return lowered
    }

    /// Reads and validates the repository; every problem of every file in one error.
    public func load(_ source: Source) throws(DossierError) -> Loaded {
        var loader = RepositoryLoader(root: source.root, rules: .standard, releaseOverride: source.release,
                                      loadDocuments: source.documents)
        loader.digestRawLogs = source.digestRawLogs
        loader.logProgress = progress
        let result: LoadResult
        do {
            result = try loader.load()
        } catch {
            throw .io(.load, error)
        }
        guard let repository = result.repository else { throw .invalid(.load, result.diagnostics) }
        warn(result.diagnostics)
        let commit = CommitResolver.resolve(flag: source.commit, environment: environment, repository: source.root)
        return Loaded(source: source, repository: repository, commit: commit)
    }

    /// Scores every agent as of `as_of`, `SOURCE_DATE_EPOCH` or today (SCORING.md).
    public func score(_ loaded: Loaded) throws(DossierError) -> Report {
        let config = loaded.repository.config
        let asOf: CalendarDate
        do {
            asOf = try EvaluationDate.resolve(configured: config.asOf, environment: environment, now: now)
        } catch {
            throw .usage(.score, error.description)
        }
        var report = Scorer(asOf: asOf, release: config.release ?? "").score(loaded.repository)
        report.commit = loaded.commit
        return report
    }

    /// Adds what changed since the release of `previous` (a report.json, or a site folder holding one).
    public func compare(_ report: Report, with previous: String) throws(DossierError) -> Report {
        var report = report
        do throws(CompareError) {
            report.changes = try ReleaseChanges(previous: PreviousReport.load(URL(fileURLWithPath: previous), named: previous),
                                                current: report)
        } catch {
            throw Self.error(.compare, error)
        }
        return report
    }

    /// Adds the releases of a `--history` folder, for the trend chart.
    public func history(_ report: Report, folder: String) throws(DossierError) -> Report {
        var report = report
        do throws(CompareError) {
            report.history = try ReleaseSummary.history(folder: URL(fileURLWithPath: folder), named: folder, current: report)
        } catch {
            throw Self.error(.history, error)
        }
        return report
    }

    /// `load`, `score` and, with `previous`, `compare`.
    public func check(_ source: Source, comparedWith previous: String? = nil) throws(DossierError) -> Report {
        let report = try score(load(source))
        guard let previous else { return report }
        return try compare(report, with: previous)
    }

    // MARK: Reports

    /// Writes the report in `format` to `path`, replaced atomically (or written through a pipe or device).
    public func writeReport(_ report: Report, as format: ReportFormat, gate: Gate, to path: String) throws(DossierError) {
        do {
            try AtomicFile.write(to: URL(fileURLWithPath: path), stream: { sink in try format.write(report, gate: gate, to: sink) })
        } catch {
            throw .io(.report, error)
        }
    }

    // MARK: Site

    /// What the site is built from besides the report.
    public struct SiteRequest: Sendable {
        /// `--out`: replaced as a whole, only when the new site is complete.
        public var output: URL
        /// `--templates`: files replacing the built-in templates by name.
        public var templates: URL?
        /// `--compare-to`: a previous release's report.json, or a site holding one.
        public var compareTo: String?
        /// `--history`: a folder of earlier releases' report.json files.
        public var history: String?

        public init(output: URL, templates: URL? = nil, compareTo: String? = nil, history: String? = nil) {
            self.output = output
            self.templates = templates
            self.compareTo = compareTo
            self.history = history
        }
    }

    /// What a build wrote.
    public struct Site: Sendable {
        public let report: Report
        /// Every file of the site (manifest.json included), by path.
        public let files: [FileDigest]
    }

    /// The built-in templates, with the files of `folder` replacing them by name.
    public func templates(overriding folder: URL?) throws(DossierError) -> TemplateSet {
        let loaded: (TemplateSet?, [Diagnostic])
        do {
            loaded = try TemplateSet.load(overriding: folder)
        } catch {
            throw .io(.templates, error)
        }
        guard let set = loaded.0 else { throw .invalid(.templates, loaded.1) }
        return set
    }

    /// The whole build: check the output folder, load the templates, `check`, `history`, then write
    /// the site beside `--out` and swap it in.
    public func build(_ source: Source, site request: SiteRequest) throws(DossierError) -> Site {
        var others: [(option: String, path: URL)] = []
        if let templates = request.templates { others.append(("--templates", templates)) }
        if let history = request.history { others.append(("--history", URL(fileURLWithPath: history))) }
        if let previous = request.compareTo { others.append(("--compare-to", URL(fileURLWithPath: previous))) }
        if let refusal = SiteWriter.refusal(output: request.output, repository: source.root, others: others) {
            throw .usage(.write, refusal, path: request.output.path)
        }
        let templates = try templates(overriding: request.templates)
        var source = source
        source.digestRawLogs = true
        let loaded = try load(source)
        var report = try score(loaded)
        if let previous = request.compareTo { report = try compare(report, with: previous) }
        if let folder = request.history { report = try history(report, folder: folder) }
        let files = try writeSite(report, loaded: loaded, templates: templates, to: request.output)
        return Site(report: report, files: files)
    }

    /// Renders every page into a folder beside `output`, writes the manifest, and swaps it in.
    public func writeSite(_ report: Report, loaded: Loaded, templates: TemplateSet, to output: URL) throws(DossierError) -> [FileDigest] {
        let repository = loaded.repository
        do {
            return try SiteWriter(output: output).write(release: report.release, asOf: report.asOf, commit: report.commit,
                                                        inputs: repository.inputs + templates.overrides) { folder, previous in
                try SiteBuilder(report: report, repository: repository, templates: templates).write(into: folder, reusing: previous)
            }
        } catch let error as InputOutputError {
            throw .io(.write, error)
        } catch let error as SiteBuilder.RenderError {
            throw DossierError(step: .render, exitCode: DossierError.ExitCode.dataError, message: error.description)
        } catch {
            throw DossierError(step: .write, exitCode: DossierError.ExitCode.ioError, path: output.path,
                               message: "\(output.path): \(error)")
        }
    }

    // MARK: Raw audit logs

    /// The summaries of raw audit logs, by agent id.
    public struct Summaries: Sendable {
        /// The agent ids with a valid name, in byte order.
        public let agents: [String]
        let tally: AuditTally

        /// One JSON object keyed by agent id (`dossier summarize` without `--out`).
        public var json: String { tally.summariesJSON(agents: agents).rendered() }

        /// Each agent's `audit/<id>.json`.
        public var files: [(agent: String, json: String)] {
            agents.map { ($0, tally.agents[$0]!.summaryJSON(agent: $0).rendered()) }
        }
    }

    /// `summarize --fields FILE`: where each event key is found in logs of another shape.
    public func auditFields(_ path: String) throws(DossierError) -> AuditFields {
        let read: (AuditFields?, [Diagnostic])
        do {
            read = try AuditFieldsFile.read(path)
        } catch {
            throw .io(.summarize, error)
        }
        guard let fields = read.0 else { throw .invalid(.summarize, read.1) }
        return fields
    }

    /// Reads raw audit logs (files, or folders searched for `*.jsonl` and `*.jsonl.gz`) and summarizes them
    /// per agent. Malformed lines are counted, never fatal; names that are no valid agent id are left
    /// out with a warning.
    public func summarize(_ logs: [String], fields: AuditFields? = nil) throws(DossierError) -> Summaries {
        let files: [LogFile]
        let result: LogSummarizer.Result
        do throws(LogReadError) {
            files = try LogFinder.files(logs)
            let summarizer = try LogSummarizer(files: files, fields: fields ?? AuditFields())
            progress?.started(summarizer.progress)
            defer { progress?.finished() }
            result = try summarizer.run()
            warn(summarizer.fileWarnings(result))
        } catch {
            switch error {
            case let .unreadable(path, reason): throw .io(.summarize, InputOutputError(path: path, reason: reason))
            case let .corrupt(path, reason): throw .invalid(.summarize, path: path, reason)
            }
        }
        var agents: [String] = []
        var warnings: [Diagnostic] = []
        for (agent, tally) in result.tally.agents.sorted(by: { ByteOrder.less($0.key, $1.key) }) {
            guard AgentID.isValid(agent) else {
                warnings.append(Diagnostic(.warning, at: SourceLocation(file: files[tally.firstFile].path),
                                           "agent_name '\(TextRules.displayable(agent))' is not a valid agent id (\(AgentID.rule)); "
                                           + "its \(tally.events) events and \(tally.malformedLines) malformed lines are left out"))
                continue
            }
            agents.append(agent)
        }
        warn(warnings)
        return Summaries(agents: agents, tally: result.tally)
    }

    /// Writes `DIR/<agent>.json` for each agent, each file replaced atomically.
    public func writeSummaries(_ summaries: Summaries, to folder: URL) throws(DossierError) {
        do {
            try SummaryWriter(folder: folder).write(summaries.files)
        } catch {
            throw .io(.summarize, error)
        }
    }

    // MARK: Verify and init

    /// Re-hashes a built site against its manifest; with `repository`, its inputs too (and `templates`, the
    /// `--templates` folder the site was built with).
    public func verify(site: URL, repository: URL? = nil, templates: URL? = nil) throws(DossierError) -> [Verification] {
        let verifier = SiteVerifier(site: site)
        do throws(VerificationError) {
            var results = [try verifier.verify()]
            if let repository { results.append(try verifier.verifyInputs(repository: repository, templates: templates)) }
            return results
        } catch {
            switch error {
            case let .unreadable(cause): throw .io(.verify, cause)
            case let .invalidManifest(diagnostics):
                throw .invalid(.verify, diagnostics, consequence: "the site was not checked")
            }
        }
    }

    /// Writes a small, valid governance repository into `folder`; the paths written. Never overwrites.
    public func initialize(_ folder: URL) throws(DossierError) -> [String] {
        do {
            // Dated the day of writing (SOURCE_DATE_EPOCH, else the clock), like an unset as_of.
            let today = try? EvaluationDate.resolve(configured: nil, environment: environment, now: now)
            return try StarterRepository.write(to: folder, today: today)
        } catch {
            throw .io(.initialize, error)
        }
    }

    private static func error(_ step: DossierError.Step, _ error: CompareError) -> DossierError {
        switch error {
        case let .unreadable(cause): .io(step, cause)
        case let .invalid(diagnostic): .invalid(step, [diagnostic])
        }
    }
}
