import DossierSupport
import ArgumentParser
import DossierCore
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-hash a built site against its manifest.json; exit 1 on any difference.",
        discussion: """
        Every file the manifest lists is hashed again (SHA-256) and every file of the site is \
        accounted for: changed, missing and extra files are listed, one per line. With --repository, \
        the inputs the manifest lists are checked against a checkout of the governance repository too. \
        Exit codes: 0 the site matches; 1 a difference; 65 the manifest is not a valid \
        dossier.manifest/v1; 74 the site cannot be read.
        """
    )

    @Argument(help: "The built site (the folder holding manifest.json).")
    var site: String

    @Option(help: "Also check the manifest's inputs against this checkout of the governance repository.")
    var repository: String?

    @Option(help: "With --repository: the --templates folder the site was built with.")
    var templates: String?

    func run() throws {
        let results = try Console.run { () throws(DossierError) in
            try Pipeline().verify(site: URL(fileURLWithPath: site), repository: repository.map { URL(fileURLWithPath: $0) },
                                  templates: templates.map { URL(fileURLWithPath: $0) })
        }
        var differences = 0
        for (verification, what) in zip(results, ["site", "repository"]) { differences += report(verification, what: what) }
        if differences > 0 { throw ExitCode(Exit.gateFailed) }
    }

    /// Prints the differences (stdout) and a summary line (stderr); the number of differences.
    private func report(_ verification: Verification, what: String) -> Int {
        var lines = ""
        for path in verification.changed { lines += "changed: \(path)\n" }
        for path in verification.missing { lines += "missing: \(path)\n" }
        for path in verification.extra { lines += "extra: \(path)\n" }
        Console.out(lines)
        let count = verification.changed.count + verification.missing.count + verification.extra.count
        let release = "release \(verification.release), as of \(verification.asOf)"
        if count == 0 {
            Console.error("dossier: \(what) matches its manifest (\(verification.checked) files, \(release))")
        } else {
            Console.error("dossier: \(what) differs from its manifest in \(Counted.phrase(count, "file")) (\(release))")
        }
        return count
    }
}
