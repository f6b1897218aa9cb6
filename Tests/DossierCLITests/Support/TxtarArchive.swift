import Foundation

/// A txtar archive (as in Go's and Hugo's tests): a comment, then files, each
/// introduced by a line `-- path --`. One archive is one small fixture repository.
///
/// File contents are taken as they are, except that the newline before the next
/// header belongs to the file. A path ending in `/` makes an empty folder.
struct TxtarArchive {
    var comment: String
    var files: [(path: String, content: String)]

    init(parsing text: String) {
        var comment = ""
        var files: [(String, String)] = []
        var current: (path: String, lines: [String])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                if let current { files.append((current.path, current.lines.joined(separator: "\n"))) }
                current = (String(line.dropFirst(3).dropLast(3)), [])
            } else if current != nil {
                current!.lines.append(String(line))
            } else {
                comment += line + "\n"
            }
        }
        if let current { files.append((current.path, current.lines.joined(separator: "\n"))) }
        self.comment = comment
        self.files = files
    }

    /// Writes the files under a new temporary folder and returns it.
    func materialize() throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return root
    }
}
