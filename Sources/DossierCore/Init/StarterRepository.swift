import DossierSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small, valid governance repository to start from (`dossier init [DIR]`):
/// `dossier.yaml`, one medium-risk agent whose every block is explained, the
/// documents its checklist points to, a README with the commands and a CI
/// job, and a `.gitignore`.
///
/// The example agent is fully compliant and deployable, so `dossier check`
/// passes on a fresh copy. Its risk assessment is dated 2026-01-15: a year
/// later it becomes stale, a medium finding that asks for a new assessment
/// (and never fails the default `--fail-on high`).
///
/// dossier.yaml's attestations of the obligations met once for the
/// organization (Art. 4 AI literacy, Art. 5 prohibited practices) are dated the
/// day the starter is written: an `art-5` that nothing meets is a high finding,
/// so the starter must not begin with one that is already stale.
package enum StarterRepository {
    /// Every file, by path relative to the repository root, in byte order (from starter/).
    package static var files: [(path: String, contents: String)] { StarterFiles.files }

    /// The date the starter's files are written with; `write(to:today:)` replaces it in dossier.yaml.
    static let writtenDate = "2026-01-15"

    /// The files as written on `today`: dossier.yaml's attestations dated that day.
    package static func files(writtenOn today: CalendarDate?) -> [(path: String, contents: String)] {
        guard let today else { return files }
        return files.map { file in
            file.path == "dossier.yaml" ? (file.path, file.contents.replacingOccurrences(of: "date: \(writtenDate)", with: "date: \(today)")) : file
        }
    }

    /// Writes the starter into `folder`, creating it and its subfolders as
    /// needed, and returns the paths written (relative, in byte order).
    ///
    /// Never overwrites: when any of the files already exists (as a file, a
    /// folder or a link), nothing is written and the error names it. If a write
    /// fails midway, the files already written are removed again.
    package static func write(to folder: URL, today: CalendarDate? = nil) throws(InputOutputError) -> [String] {
        let files = files(writtenOn: today)
        let root = folder.standardizedFileURL
        for file in files {
            let url = root.appendingPathComponent(file.path)
            var info = stat()
            // lstat, not fileExists: a dangling symbolic link exists too, and writing through it would land elsewhere.
            if lstat(url.path, &info) == 0 {
                throw InputOutputError(path: url.path, reason: "already exists; not overwritten")
            }
        }
        var written: [URL] = []
        do throws(InputOutputError) {
            for file in files {
                let url = root.appendingPathComponent(file.path)
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                } catch {
                    throw InputOutputError(path: url.deletingLastPathComponent().path, reason: "cannot create the folder")
                }
                do {
                    // withoutOverwriting: a file that appeared since the check above is still not replaced.
                    try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
                } catch {
                    var info = stat()
                    let reason = lstat(url.path, &info) == 0 ? "already exists; not overwritten" : "cannot write the file"
                    throw InputOutputError(path: url.path, reason: reason)
                }
                written.append(url)
            }
        } catch {
            for url in written { try? FileManager.default.removeItem(at: url) }
            throw error
        }
        return files.map(\.path)
    }
}
