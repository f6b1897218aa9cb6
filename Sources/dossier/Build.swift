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
        let request = Pipeline.SiteRequest(output: URL(fileURLWithPath: out), templates: templates.map { URL(fileURLWithPath: $0) },
                                           compareTo: options.compareTo, history: history)
        let site = try Console.run { () throws(DossierError) in
            try Console.pipeline(quiet: options.quiet).build(options.source, site: request)
        }
        Console.error("dossier: wrote \(site.files.count) files to \(out)")
    }
}
