import ArgumentParser
import DossierCore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a small, valid governance repository to start from.",
        discussion: """
        Writes dossier.yaml, one commented example agent with its articles attested, the docs its \
        attestations and checklist point to, a README \
        with the commands and a CI job, and a .gitignore. Never overwrites: if any of these files \
        exists, nothing is written (exit 74, naming the file).
        """
    )

    @Argument(help: "The folder to write into (created if missing).")
    var directory: String = "."

    func run() throws {
        let written = try Console.run { () throws(DossierError) in try Pipeline().initialize(URL(fileURLWithPath: directory)) }
        for path in written { Console.error("  \(path)") }
        Console.error("dossier: wrote \(written.count) files to \(directory); next: dossier check \(directory)")
    }
}
