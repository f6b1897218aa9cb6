import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender
import Mustache

/// The template engine's HTML escaping (`< > & " '`), on bytes with a fast path
/// for text with nothing to escape. It is registered under the engine's own
/// name `HTML`; the default templates select it with `{{% CONTENT_TYPE: HTML}}`.
struct HTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])             // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])             // &gt;
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])       // &amp;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
            case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])       // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Registers the escaper once, before any template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: "HTML")
        return true
    }()
}
