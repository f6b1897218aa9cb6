import ArgumentParser
import DossierCore
import Foundation

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize raw audit events (.jsonl, .jsonl.gz) into audit summaries.",
        discussion: """
        Prints one JSON object whose keys are the agent ids and whose values are their summaries, \
        or with --out writes DIR/<agent>.json for each agent. Folders are searched for *.jsonl and \
        *.jsonl.gz files. Malformed lines are counted, never fatal. Exit codes: 65 corrupt gzip data; \
        74 a log cannot be read or --out cannot be written.
        """
    )

    @Argument(help: "Raw audit logs, or folders holding them.")
    var logs: [String]

    @Option(help: "Write DIR/<agent>.json for each agent (each file replaced atomically).")
    var out: String?

    @Flag(help: "No progress display.")
    var quiet = false

    func validate() throws {
        guard !logs.isEmpty else { throw ValidationError("give at least one log file or folder") }
    }

    func run() throws {
        let files: [LogFile]
        let result: LogSummarizer.Result
        let warnings: [Diagnostic]
        do throws(LogReadError) {
            files = try LogFinder.files(logs)
            let summarizer = try LogSummarizer(files: files)
            let display = ProgressLine.make(quiet: quiet)
            display?.started(summarizer.progress)
            defer { display?.finished() }
            result = try summarizer.run()
            warnings = summarizer.fileWarnings(result)
        } catch {
            Console.error("dossier: \(error)")
            if case .corrupt = error { throw ExitCode(Exit.dataError) }
            throw ExitCode(Exit.ioError)
        }
        Console.report(warnings)
        var agents: [String] = []
        for agent in result.tally.agents.keys.sorted(by: ByteOrder.less) {
            guard AgentID.isValid(agent) else {
                let tally = result.tally.agents[agent]!
                Console.error("\(files[tally.firstFile].path): warning: agent_name '\(RepositoryLoader.displayable(agent))' "
                              + "is not a valid agent id (\(AgentID.rule)); its \(tally.events) events and "
                              + "\(tally.malformedLines) malformed lines are left out")
                continue
            }
            agents.append(agent)
        }
        guard let out else {
            Console.out(result.tally.summariesJSON(agents: agents).rendered())
            return
        }
        do {
            try SummaryWriter(folder: URL(fileURLWithPath: out)).write(agents.map {
                ($0, result.tally.agents[$0]!.summaryJSON(agent: $0).rendered())
            })
        } catch {
            Console.error("dossier: \(error)")
            throw ExitCode(Exit.ioError)
        }
        Console.error("dossier: wrote \(agents.count) summar\(agents.count == 1 ? "y" : "ies") to \(out)")
    }
}
