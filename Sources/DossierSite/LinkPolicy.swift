import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender
import Foundation

/// Decides where links in Markdown (docs pages, agent descriptions) point in the built site.
///
/// - `http(s):` and `mailto:` stay as they are; `#fragment` stays.
/// - A relative link to a docs page or an agent file becomes a link to its
///   page (`policy.md` → `policy.html`), relative to the page it appears on.
/// - Anything else (another scheme, a repository file with no page, a path
///   leaving the repository) keeps its text and loses the link, so the site
///   has no broken or unsafe links.
struct LinkPolicy: Sendable {
    let docs: Set<String>
    /// Agent file path → id.
    let agentFiles: [String: String]
    /// `base_url` (with a final slash), or "" for relative links.
    var baseURL = ""

    func decide(_ url: String, writtenIn sourceFile: String, shownOn page: String) -> Markdown.LinkDecision {
        let lowered = url.lowercased()
        // The only mailto: links of the site are the ones made from owner addresses.
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return .link(url) }
        if url.hasPrefix("#") { return .link(url) }
        if SitePaths.hasScheme(url) || url.hasPrefix("/") || url.hasPrefix("\\") { return .text }
        var path = url
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let decoded = path.removingPercentEncoding ?? path
        guard let resolved = SitePaths.resolve(decoded, against: sourceFile),
              let target = SitePaths.page(forRepositoryPath: resolved, docs: docs, agents: agentFiles) else { return .text }
        let link = baseURL.isEmpty ? SitePaths.relative(target, from: page) : baseURL + SitePaths.encode(target)
        return .link(link + fragment)
    }
}
