import DossierSupport
import DossierModel
import DossierAudit
import Foundation

/// Decides whether a checklist `evidence:` value points at something that exists.
package enum EvidencePath {
    /// `http://` or `https://` (any case): a link, not checked on disk.
    package static func isURL(_ evidence: String) -> Bool {
        let lowered = evidence.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    /// Whether a repository path exists inside `root`. A path that leaves the
    /// repository (absolute, `..`, or through a symlink) counts as missing; a
    /// folder counts as existing; a `#fragment` is ignored.
    package static func exists(_ evidence: String, in root: URL) -> Bool {
        exists(evidence, in: root, realRoot: realPath(root.path))
    }

    /// `exists(_:in:)` with the root's real path already resolved (`nil` when it does not resolve).
    static func exists(_ evidence: String, in root: URL, realRoot: String?) -> Bool {
        var path = evidence
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains("\0"),
              !path.split(separator: "/", omittingEmptySubsequences: false).contains("..") else { return false }
        guard let realRoot, let target = realPath(root.appendingPathComponent(path).path) else {
            return false
        }
        return target == realRoot || target.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
