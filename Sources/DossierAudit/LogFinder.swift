import DossierSupport
import DossierModel
import Foundation

/// The log files named on a command line: files as given, folders searched
/// recursively for `*.jsonl` and `*.jsonl.gz`, by `FolderWalker`'s rules (hidden
/// entries skipped, linked folders not entered).
package enum LogFinder {
    /// A file named twice (or found again in a folder) is read once.
    package static func files(_ arguments: [String]) throws(LogReadError) -> [LogFile] {
        var files: [LogFile] = []
        var seen = Set<String>()
        func add(_ path: String) {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            if seen.insert(resolved).inserted { files.append(LogFile(path: path, url: URL(fileURLWithPath: path))) }
        }
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw .unreadable(path: argument, reason: "no such file or folder")
            }
            guard isDirectory.boolValue else {
                add(argument)
                continue
            }
            let entries: [FolderWalker.Entry]
            do {
                entries = try FolderWalker().entries(under: URL(fileURLWithPath: argument))
            } catch {
                throw .unreadable(path: error.path, reason: error.reason)
            }
            let found = entries.filter { $0.isFileLike && ($0.path.hasSuffix(".jsonl") || $0.path.hasSuffix(".jsonl.gz")) }
                .map { argument.hasSuffix("/") ? argument + $0.path : argument + "/" + $0.path }
            found.forEach(add)
        }
        return files
    }
}

/// Writes summaries into a folder, each file replaced atomically.
package struct SummaryWriter {
    package let folder: URL

    package init(folder: URL) { self.folder = folder }

    package func write(_ summaries: [(agent: String, json: String)]) throws(InputOutputError) {
        for (agent, json) in summaries {
            try AtomicFile.write(json, to: folder.appendingPathComponent("\(agent).json"))
        }
    }
}
