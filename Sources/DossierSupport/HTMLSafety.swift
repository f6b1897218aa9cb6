#if canImport(Glibc)
import Glibc
#endif

/// The last line of defence before an HTML page is written.
///
/// Input text is already escaped by the template engine and Markdown goes
/// through cmark's safe mode, so no link can carry a dangerous scheme. Text
/// that merely *mentions* one (an evidence value `javascript:alert(1)` shown as
/// text) is still rewritten with an entity (`javascript&#58;`), which reads the
/// same but means that no page contains a `javascript:`, `vbscript:` or
/// `data:text/html` string at all, as the site's guarantee states.
package enum HTMLSafety {
    private static let patterns: [(needle: [UInt8], colonOffset: Int)] = [
        (Array("javascript:".utf8), 10), (Array("vbscript:".utf8), 8), (Array("data:text/html".utf8), 4),
    ]

    package static func neutralizeSchemes(_ html: String) -> String { neutralizeSchemes(html, colon: "&#58;") }

    /// Replaces the colon of every `javascript:`, `vbscript:` and `data:text/html` with `colon`.
    ///
    /// Scans for colons (few in a page) and looks around each one, rather than testing
    /// every `d`, `j` and `v`: the same matches, since no pattern has a colon before its own.
    static func neutralizeSchemes(_ html: String, colon replacement: String) -> String {
        var html = html
        // Scans the string's own UTF-8 storage: a large page is not copied unless it must change.
        let rewritten = html.withUTF8 { rewrite($0, colon: replacement) }
        guard let rewritten else { return html }
        return String(decoding: rewritten, as: UTF8.self)
    }

    /// `neutralizeSchemes(_:)` on a page's UTF-8 bytes, changed in place only where needed.
    package static func neutralizeSchemes(_ html: inout [UInt8]) {
        if let rewritten = html.withUnsafeBufferPointer({ rewrite($0, colon: "&#58;") }) {
            html = rewritten
        }
    }

    /// The rewritten bytes, or `nil` when nothing had to change.
    private static func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, colon replacement: String) -> [UInt8]? {
        let colonBytes = Array(replacement.utf8)
        guard let base = bytes.baseAddress else { return nil }
        var out: [UInt8] = []
        var changed = false
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: ":")), bytes.count - index) else { break }
            let colon = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            index = colon + 1
            var hit = false
            for (needle, offset) in patterns where colon >= offset && matches(bytes, at: colon - offset, needle) {
                hit = true
                break
            }
            guard hit else { continue }
            if !changed { out.reserveCapacity(bytes.count + 16); changed = true }
            out.append(contentsOf: bytes[copied..<colon])
            out.append(contentsOf: colonBytes)
            copied = colon + 1
        }
        guard changed else { return nil }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ needle: [UInt8]) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for (offset, expected) in needle.enumerated() {
            let byte = bytes[index + offset]
            let lowered = (byte >= 65 && byte <= 90) ? byte | 0x20 : byte
            if lowered != expected { return false }
        }
        return true
    }
}
