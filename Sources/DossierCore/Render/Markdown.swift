import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// CommonMark → HTML through libcmark, the only Markdown renderer of the tool.
///
/// Always in cmark's safe mode (`CMARK_OPT_DEFAULT`; `CMARK_OPT_UNSAFE` is never
/// passed): raw HTML is replaced by a comment and `javascript:`, `vbscript:`,
/// `file:` and `data:` links (other than images) get an empty destination.
public enum Markdown {
    public static func html(_ source: String) -> String {
        var source = source
        return source.withUTF8 { buffer -> String in
            let rendered = buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
            guard let rendered else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }
}
