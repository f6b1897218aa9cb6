import ArgumentParser
import DossierCore
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the repository and write the governance site.",
        discussion: """
        Gaps do not fail a build; invalid input does (exit 65), and then nothing is written. \
        The site is built beside --out and swapped in only when complete.
        """
    )

    @OptionGroup var options: RepositoryOptions

    @Option(help: "Output folder (replaced as a whole).")
    var out: String = "site"

    @Option(help: "Folder of templates overriding the built-in ones by file name.")
    var templates: String?

    @Option(help: ArgumentHelp("A folder of earlier releases' report.json files: the index shows the trend of score and gaps.",
                               valueName: "DIR"))
    var history: String?

    func run() throws {
        let output = URL(fileURLWithPath: out)
        if let refusal = SiteWriter.refusal(output: output, repository: URL(fileURLWithPath: options.repo)) {
            Console.error("dossier: \(refusal)")
            throw ExitCode(Exit.usage)
        }
        let templateSet: TemplateSet
        do {
            let (set, diagnostics) = try TemplateSet.load(overriding: templates.map { URL(fileURLWithPath: $0) })
            Console.report(diagnostics)
            guard let set else { throw ExitCode(Exit.dataError) }
            templateSet = set
        } catch let error as InputOutputError {
            Console.error("dossier: \(error)")
            throw ExitCode(Exit.ioError)
        }
        var (report, repository) = try options.loadAndScore(documents: true, digestRawLogs: true)
        if let history {
            let current = report
            report.history = try RepositoryOptions.previous { () throws(CompareError) in
                try ReleaseSummary.history(folder: URL(fileURLWithPath: history), named: history, current: current)
            }
        }
        do {
            let written = try SiteWriter(output: output).write(release: report.release, asOf: report.asOf,
                                                               inputs: repository.inputs + templateSet.overrides) { folder, previous in
                try SiteBuilder(report: report, repository: repository, templates: templateSet).write(into: folder, reusing: previous)
            }
            Console.error("dossier: wrote \(written.count) files to \(out)")
        } catch let error as InputOutputError {
            Console.error("dossier: \(error)")
            throw ExitCode(Exit.ioError)
        } catch let error as SiteBuilder.RenderError {
            Console.error("dossier: \(error)")
            throw ExitCode(Exit.dataError)
        }
    }
}
