import DossierSupport
import Foundation

/// The commit the governance repository was checked out at (INPUT.md, `source_url`):
/// `--commit`, else `GITHUB_SHA`, else `CI_COMMIT_SHA`, else what the nearest `.git` at or
/// above the repository says, read without running git; `nil` when none says anything.
///
/// The `.git` read follows a `.git` file's `gitdir:` (worktrees, submodules) and a git
/// directory's `commondir` (a worktree's refs live in the main repository), then
/// `HEAD`: a commit (detached) or `ref: refs/…`, whose commit is read from the loose ref
/// file first (the newer), else from `packed-refs`.
package enum CommitResolver {
    /// A commit as git writes it: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
    package static func isCommit(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64) && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The commit from the first source that gives one. An empty variable counts as unset; a variable
    /// that is not a commit is passed over.
    package static func resolve(flag: String?, environment: [String: String], repository: URL) -> String? {
        if let flag { return flag }
        for name in ["GITHUB_SHA", "CI_COMMIT_SHA"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces).lowercased(), isCommit(value) { return value }
        }
        return fromGit(above: repository)
    }

    /// What the nearest `.git` at or above `folder` says `HEAD` is.
    package static func fromGit(above folder: URL) -> String? {
        var current = folder.standardizedFileURL
        while true {
            let dotGit = current.appendingPathComponent(".git")
            if let gitDirectory = gitDirectory(dotGit) { return head(in: gitDirectory) }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The git directory a `.git` entry stands for: the folder itself, or the one a `.git` file names.
    private static func gitDirectory(_ dotGit: URL) -> URL? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return dotGit }
        guard let text = read(dotGit), text.hasPrefix("gitdir:") else { return nil }
        let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty else { return nil }
        return resolve(path, from: dotGit.deletingLastPathComponent())
    }

    /// The commit `HEAD` names in `gitDirectory`, its refs read from the common directory of a worktree.
    private static func head(in gitDirectory: URL) -> String? {
        var common = gitDirectory
        if let text = read(gitDirectory.appendingPathComponent("commondir")) {
            let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !path.isEmpty { common = resolve(path, from: gitDirectory) }
        }
        guard var value = read(gitDirectory.appendingPathComponent("HEAD"))?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            return nil
        }
        // A symbolic ref may name another one; a few levels are plenty (git itself stops at 5).
        for _ in 0..<5 {
            guard value.hasPrefix("ref:") else { return isCommit(value) ? value : nil }
            let ref = value.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
            guard ref.hasPrefix("refs/"), !ref.split(separator: "/").contains("..") else { return nil }
            if let loose = read(common.appendingPathComponent(ref))?.trimmingCharacters(in: .whitespacesAndNewlines) {
                value = loose
            } else if let packed = packedRef(ref, in: common) {
                return packed
            } else {
                return nil
            }
        }
        return nil
    }

    /// The commit of `ref` in `packed-refs` (`<commit> <ref>` lines; `#` and `^` lines skipped).
    private static func packedRef(_ ref: String, in directory: URL) -> String? {
        guard let text = read(directory.appendingPathComponent("packed-refs")) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") && !line.hasPrefix("^") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[1] == ref, isCommit(String(parts[0])) { return String(parts[0]) }
        }
        return nil
    }

    private static func resolve(_ path: String, from base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path).standardizedFileURL
    }

    /// A small text file (refs, HEAD, packed-refs of a few MiB at most).
    private static func read(_ url: URL) -> String? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 * 1024 * 1024) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
