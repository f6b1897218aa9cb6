import DossierSupport
import DossierModel
import Foundation

/// The log files named on a command line: files as given, folders searched
/// recursively for `*.jsonl` and `*.jsonl.gz` (hidden entries skipped).
public enum LogFinder {
    /// A file named twice (or found again in a folder) is read once.
    public static func files(_ arguments: [String]) throws(LogReadError) -> [LogFile] {
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
            guard let enumerator = FileManager.default.enumerator(
                at: URL(fileURLWithPath: argument), includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]) else {
                throw .unreadable(path: argument, reason: "cannot list the folder")
            }
            var found: [String] = []
            let base = URL(fileURLWithPath: argument).standardizedFileURL.path
            for case let url as URL in enumerator {
                let name = url.lastPathComponent
                guard name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.gz"),
                      (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let full = url.standardizedFileURL.path
                let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : name
                found.append(argument.hasSuffix("/") ? argument + relative : argument + "/" + relative)
            }
            found.sorted(by: ByteOrder.less).forEach(add)
        }
        return files
    }
}

/// Writes summaries into a folder, each file replaced atomically.
public struct SummaryWriter {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func write(_ summaries: [(agent: String, json: String)]) throws(InputOutputError) {
        for (agent, json) in summaries {
            try AtomicFile.write(json, to: folder.appendingPathComponent("\(agent).json"))
        }
    }
}
