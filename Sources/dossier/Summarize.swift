import DossierSupport
import ArgumentParser
import DossierCore
import Foundation

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize raw audit events (.jsonl, .jsonl.gz) into audit summaries.",
        discussion: """
        Prints one JSON object whose keys are the agent ids and whose values are their summaries, \
        or with --out writes DIR/<agent>.json for each agent. Folders are searched for *.jsonl and \
        *.jsonl.gz files. Malformed lines are counted, never fatal. Exit codes: 65 corrupt gzip data \
        or an invalid --fields file; 74 a log cannot be read or --out cannot be written.
        """
    )

    @Argument(help: "Raw audit logs, or folders holding them.")
    var logs: [String]

    @Option(help: "Write DIR/<agent>.json for each agent (each file replaced atomically).")
    var out: String?

    @Option(help: ArgumentHelp("A YAML map of event key to JSON Pointer, for logs of another shape (as audit_fields in dossier.yaml).",
                                valueName: "FILE"))
    var fields: String?

    @Flag(help: "No progress display.")
    var quiet = false

    func validate() throws {
        guard !logs.isEmpty else { throw ValidationError("give at least one log file or folder") }
    }

    func run() throws {
        let pipeline = Console.pipeline(quiet: quiet)
        let summaries = try Console.run { () throws(DossierError) in
            try pipeline.summarize(logs, fields: try fields.map { path throws(DossierError) in try pipeline.auditFields(path) } ?? nil)
        }
        guard let out else {
            Console.out(summaries.json)
            return
        }
        try Console.run { () throws(DossierError) in try pipeline.writeSummaries(summaries, to: URL(fileURLWithPath: out)) }
        let count = summaries.agents.count
        Console.error("dossier: wrote \(Counted.phrase(count, "summary", plural: "summaries")) to \(out)")
    }
}
