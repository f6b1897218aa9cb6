// Markdown of a docs page or an agent description → HTML, as the site writes it:
// cmark (safe mode) with the site's link policy, then the HTML safety filter.
// Traps if the page could run script.
@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierCompare
@testable import DossierRender
@testable import DossierSite
@testable import DossierCore
import FuzzSupport

let policy = LinkPolicy(
    docs: ["docs/index.md", "docs/team/policy.md", "docs/a b.md"],
    agentFiles: ["agents/support.yaml": "support", "agents/bot.json": "bot"]
)
let rootedPolicy = LinkPolicy(docs: ["docs/index.md"], agentFiles: [:], baseURL: "https://example.test/site/")

/// ASCII lowercase, with the characters browsers ignore in a URL scheme removed.
func squeezed(_ text: Substring) -> String {
    var out = ""
    for scalar in text.unicodeScalars where scalar.value > 0x20 {
        out.unicodeScalars.append(scalar.value < 0x80 ? Unicode.Scalar(UInt8(scalar.value) | (scalar.value >= 65 && scalar.value <= 90 ? 0x20 : 0)) : scalar)
    }
    return out
}

func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}

func verify(_ html: String, _ what: String) {
    // What the site guarantees of every page: no such text at all (HTMLSafety), and no
    // script-capable element (cmark escapes every '<' of text, so one here is markup).
    // Bytes, ASCII-lowercased: how HTMLSafety and an HTML tokenizer match, whatever follows.
    let lowered = html.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
    for needle in ["<script", "javascript:", "vbscript:", "data:text/html", "<iframe", "<object", "<embed", "<svg", "<img"]
    where contains(lowered, Array(needle.utf8)) {
        fatalError("\(what): output contains '\(needle)':\n\(html)")
    }
    // Attribute values as a browser reads them: entities for ':' decoded, blanks dropped.
    var rest = html[...]
    while let range = rest.range(of: "href=\"") ?? rest.range(of: "src=\"") {
        rest = rest[range.upperBound...]
        let value = rest.prefix { $0 != "\"" }
        let decoded = squeezed(value)
            .replacingOccurrences(of: "&#58;", with: ":").replacingOccurrences(of: "&#x3a;", with: ":")
            .replacingOccurrences(of: "&colon;", with: ":")
        for scheme in ["javascript:", "vbscript:", "data:", "file:"] where decoded.hasPrefix(scheme) {
            fatalError("\(what): link to '\(value)':\n\(html)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let page = Markdown.render(source) { policy.decide($0, writtenIn: "docs/team/page.md", shownOn: "docs/team/page.html") }
    verify(HTMLSafety.neutralizeSchemes(page.html), "docs page")
    let description = Markdown.render(source) { rootedPolicy.decide($0, writtenIn: "agents/support.yaml", shownOn: "agents/support.html") }
    verify(HTMLSafety.neutralizeSchemes(description.html), "agent description")
    // Without link rewriting, cmark's safe mode alone must already drop script links.
    let plain = Markdown.render(source) { .link($0) }
    verify(HTMLSafety.neutralizeSchemes(plain.html), "unrewritten")
    return 0
}

@_cdecl("FuzzMarkdown_main")
public func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
