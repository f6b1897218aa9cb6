/// Paths inside the built site, and how repository files map onto its pages.
import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender
import Foundation

package enum SitePaths {
    package static func agentPage(_ id: String) -> String { "agents/\(id).html" }

    /// `docs/a/b.md` → `docs/a/b.html`.
    package static func docPage(_ repositoryPath: String) -> String {
        String(repositoryPath.dropLast(3)) + ".html"
    }

    /// `articles/art-27.html`: the page of an obligation of the catalog (OBLIGATIONS.md).
    package static func obligationPage(_ id: String) -> String { "articles/\(id).html" }

    package static func articlePage(_ article: String) -> String {
        "articles/art-\(article.replacingOccurrences(of: "Art. ", with: "")).html"
    }

    /// The site page that shows a repository file, if any: docs pages and agent files.
    package static func page(forRepositoryPath path: String, docs: Set<String>, agents: [String: String]) -> String? {
        if docs.contains(path) { return docPage(path) }
        if let id = agents[path] { return agentPage(id) }
        return nil
    }

    /// The URL of `target` (a site path) as seen from the page at `from` (a site path),
    /// percent-encoded so that any file name is a valid link.
    package static func relative(_ target: String, from page: String) -> String {
        let depth = page.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        return String(repeating: "../", count: depth) + encode(target)
    }

    private static let pathCharacters: CharacterSet = {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "/-._~")
        return allowed
    }()

    static func encode(_ path: String) -> String {
        // Most paths (agent ids, docs pages) have nothing to encode: no Foundation call for those.
        if path.utf8.allSatisfy(isPathByte) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path
    }

    /// The bytes of `pathCharacters`: ASCII letters and digits, `/`, `-`, `.`, `_` and `~`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// The prefix from `page` back to the site root (`""`, `"../"`, …).
    package static func root(of page: String) -> String { relative("", from: page) }

    /// Resolves a relative reference against the folder of `base` (both repository paths).
    /// `nil` when it climbs out of the repository.
    package static func resolve(_ reference: String, against base: String) -> String? {
        var parts = base.split(separator: "/").map(String.init)
        parts.removeLast()
        for part in reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether a destination has a URL scheme (`https:`, `mailto:`, `javascript:` …).
    package static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
