import DossierSupport
import DossierModel
import DossierLoad
import Foundation

extension ReleaseSummary {
    init(_ previous: PreviousReport) {
        self.init(release: previous.release, asOf: previous.asOf,
                  agents: previous.agents.map { ($0.passed, $0.total, $0.openGaps) })
    }

    /// The releases of a `--history` folder (every `*.json` in it, and `*/report.json`), then `current`,
    /// oldest first (by as-of date, then release label); a release of the history with the
    /// current label is left out. Reports of another organization are errors.
    package static func history(folder: URL, named name: String, current: Report) throws(CompareError) -> [ReleaseSummary] {
        let entries: [FolderWalker.Entry]
        do {
            entries = try FolderWalker(recursive: false, folders: true).entries(under: folder)
        } catch {
            throw .unreadable(InputOutputError(path: name, reason: "cannot list the history folder"))
        }
        var summaries: [ReleaseSummary] = []
        for entry in entries {
            let url = folder.appendingPathComponent(entry.path)
            switch entry.kind {
            case .folder, .link(toFolder: true):
                guard FileManager.default.fileExists(atPath: url.appendingPathComponent("report.json").path) else { continue }
            default:
                guard entry.path.hasSuffix(".json") else { continue }
            }
            let previous = try PreviousReport.load(url, named: "\(name)/\(entry.path)")
            try previous.requireOrganization(current.organization)
            if previous.release != current.release { summaries.append(ReleaseSummary(previous)) }
        }
        summaries.append(ReleaseSummary(current))
        return summaries.sorted { a, b in
            a.asOf != b.asOf ? a.asOf < b.asOf : ByteOrder.less(a.release, b.release)
        }
    }
}
