import DossierSupport
import DossierModel
import DossierAudit
import CYaml

/// Parses YAML 1.2 (and JSON, a subset of it) into a `DocumentNode` tree.
///
/// Built directly on libyaml's event stream rather than Yams' composer, because
/// the composer recurses (a deep document overflows the stack), expands alias
/// bombs without bound when it hashes keys, and reports duplicate keys without
/// the path of their map. Here the tree is built with an explicit stack, aliases
/// share nodes and are budgeted by their expanded size, and duplicate keys are
/// left in the map for the schema reader to report with their full key path.
package enum DocumentParser {
    package struct Failure: Error, Sendable {
        package let line: Int
        package let column: Int
        package let message: String
    }

    /// The most nodes a document may expand to once aliases are followed.
    package static let maxExpandedNodes = Limits.expandedValues

    /// libyaml's own limit on nested maps and lists (`yaml_set_max_nest_level`, default 1000).
    package static let maxNesting = Limits.nesting

    /// Parses `bytes` (valid UTF-8, checked by the caller). `nil` for an empty stream.
    package static func parse(_ bytes: [UInt8]) -> Result<DocumentNode?, Failure> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(Failure(line: 1, column: 1, message: "could not start the YAML parser"))
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = TreeBuilder()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(syntaxFailure(parser))
                }
                defer { yaml_event_delete(&event) }
                do {
                    if try builder.consume(&event) { return .success(builder.root) }
                } catch let failure as Failure {
                    return .failure(failure)
                } catch {
                    return .failure(Failure(line: 1, column: 1, message: "\(error)"))
                }
            }
        }
    }

    private static func syntaxFailure(_ parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid syntax"
        if problem.hasPrefix("Maximum nesting level") {
            return Failure(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                           message: "nesting is deeper than \(maxNesting) levels")
        }
        var message = "syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1))"
        }
        return Failure(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                       message: message)
    }
}

/// Builds the tree from events with an explicit stack (no recursion).
private struct TreeBuilder {
    private struct Frame {
        let isMap: Bool
        let line: Int
        let column: Int
        let anchor: String?
        var entries: [MapNode.Entry] = []
        var items: [DocumentNode] = []
        var key: ScalarNode?
        var size = 1
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: DocumentNode, size: Int)] = [:]
    private var documents = 0
    private var expanded = 0
    private(set) var root: DocumentNode?

    /// Returns true at the end of the stream.
    mutating func consume(_ event: inout yaml_event_t) throws -> Bool {
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw DocumentParser.Failure(line: line, column: column,
                                             message: "expected a single document, found a second one")
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = string(data.value, Int(data.length))
            var style: ScalarNode.Style = data.style == YAML_PLAIN_SCALAR_STYLE ? .plain : .quoted
            if let tag = cString(data.tag) {
                style = try Self.style(forTag: tag, default: style, line: line, column: column)
            }
            let node = DocumentNode.scalar(ScalarNode(text: text, style: style, line: line, column: column))
            try add(node, size: 1, anchor: cString(data.anchor), line: line, column: column)
        case YAML_ALIAS_EVENT:
            let name = cString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw DocumentParser.Failure(line: line, column: column, message: "unknown alias '*\(name)'")
            }
            try add(target.node, size: target.size, anchor: nil, line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            if let tag = cString(data.tag), !Self.isStandard(tag, "seq") {
                throw DocumentParser.Failure(line: line, column: column, message: "unsupported tag '\(tag)'")
            }
            expanded += 1
            stack.append(Frame(isMap: false, line: line, column: column, anchor: cString(data.anchor)))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            if let tag = cString(data.tag), !Self.isStandard(tag, "map") {
                throw DocumentParser.Failure(line: line, column: column, message: "unsupported tag '\(tag)'")
            }
            expanded += 1
            stack.append(Frame(isMap: true, line: line, column: column, anchor: cString(data.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { break }
            let node: DocumentNode = frame.isMap
                ? .map(MapNode(entries: frame.entries, line: frame.line, column: frame.column))
                : .list(ListNode(items: frame.items, line: frame.line, column: frame.column))
            // The container's own node was counted when it started; its size now covers its children.
            expanded -= frame.size
            try add(node, size: frame.size, anchor: frame.anchor, line: frame.line, column: frame.column)
        default:
            break
        }
        return false
    }

    private mutating func add(_ node: DocumentNode, size: Int, anchor: String?, line: Int, column: Int) throws {
        if let anchor { anchors[anchor] = (node, size) }
        expanded += size
        if expanded > DocumentParser.maxExpandedNodes {
            throw DocumentParser.Failure(
                line: line, column: column,
                message: "document expands to more than \(DocumentParser.maxExpandedNodes) values (aliases repeated too often)")
        }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        if !stack[top].isMap {
            stack[top].items.append(node)
        } else if let key = stack[top].key {
            stack[top].entries.append(MapNode.Entry(key: key, value: node))
            stack[top].key = nil
        } else {
            guard case let .scalar(scalar) = node else {
                throw DocumentParser.Failure(line: line, column: column,
                                             message: "a key must be a plain string, found \(node.kindDescription)")
            }
            stack[top].key = scalar
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func isStandard(_ tag: String, _ kind: String) -> Bool {
        tag == "tag:yaml.org,2002:\(kind)" || tag == "!!\(kind)"
    }

    /// `!!str` makes a plain scalar a string; the other core tags change nothing.
    private static func style(forTag tag: String, default style: ScalarNode.Style, line: Int, column: Int) throws -> ScalarNode.Style {
        if tag == "!" { return .quoted }
        if isStandard(tag, "str") { return .quoted }
        for kind in ["int", "float", "bool", "null"] where isStandard(tag, kind) { return style }
        throw DocumentParser.Failure(line: line, column: column, message: "unsupported tag '\(tag)'")
    }
}
