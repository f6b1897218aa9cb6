import DossierSupport
import DossierModel
import DossierScore
import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CommonMark → HTML through libcmark, the only Markdown renderer of the tool.
/// Every C call of the tool sits in this file.
///
/// Always in cmark's safe mode (`CMARK_OPT_DEFAULT`; `CMARK_OPT_UNSAFE` is never
/// passed): raw HTML is replaced by a comment and `javascript:`, `vbscript:`,
/// `file:` and `data:` links (other than images) get an empty destination.
package enum Markdown {
    /// What to do with a link or image destination.
    package enum LinkDecision: Sendable, Equatable {
        /// Keep the link, with this destination.
        case link(String)
        /// Drop the link and keep its text.
        case text
    }

    package struct Rendering: Sendable {
        package let html: String
        /// The text of the first level-1 heading, if any.
        package let title: String?
    }

    /// Renders `source` safely, with no link rewriting.
    package static func html(_ source: String) -> String {
        render(source) { .link($0) }.html
    }

    /// Renders `source` safely. Every link and image destination goes through
    /// `decide`; images are always turned into links (a page never loads an
    /// image from outside the site), with their alt text as the link text.
    ///
    /// cmark's memory grows with the number of nodes, up to about 200 bytes per byte of
    /// hostile input, so texts are parsed a few megabytes at a time over all threads.
    package static func render(_ source: String, decide: (String) -> LinkDecision) -> Rendering {
        Limits.markdownGate.withBytes(source.utf8.count) { renderParsed(source, decide: decide) }
    }

    /// The text of the first level-1 heading of `source`, if any (parsed only, not rendered).
    package static func title(_ source: String) -> String? {
        Limits.markdownGate.withBytes(source.utf8.count) {
            guard let document = parse(source) else { return nil }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return nil }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { return nil }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                    return plainText(of: node)
                }
            }
        }
    }

    private static func parse(_ source: String) -> OpaquePointer? {
        var source = source
        return source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
    }

    private static func renderParsed(_ source: String, decide: (String) -> LinkDecision) -> Rendering {
        guard let document = parse(source) else { return Rendering(html: "", title: nil) }
        defer { cmark_node_free(document) }

        var targets: [OpaquePointer] = []
        var title: String?
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    targets.append(node)
                } else if type == CMARK_NODE_HEADING, title == nil, cmark_node_get_heading_level(node) == 1 {
                    title = plainText(of: node)
                }
            }
        }
        // Parents come before their children, so a node is rewritten before anything inside it.
        for node in targets {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            switch decide(url) {
            case let .link(destination):
                if isImage {
                    guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
                    _ = cmark_node_set_url(link, destination)
                    moveChildren(of: node, into: link)
                    if cmark_node_first_child(link) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
                        _ = cmark_node_set_literal(text, destination)
                        _ = cmark_node_append_child(link, text)
                    }
                    _ = cmark_node_replace(node, link)
                    cmark_node_free(node)
                } else {
                    _ = cmark_node_set_url(node, destination)
                }
            case .text:
                while let child = cmark_node_first_child(node) {
                    _ = cmark_node_insert_before(node, child)
                }
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return Rendering(html: "", title: title) }
        defer { free(rendered) }
        return Rendering(html: String(cString: rendered), title: title)
    }

    private static func moveChildren(of node: OpaquePointer, into target: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            _ = cmark_node_append_child(target, child)
        }
    }

    /// The text of a node's descendants (text, code, line breaks as spaces).
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
