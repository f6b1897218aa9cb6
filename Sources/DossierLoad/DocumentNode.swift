import DossierSupport
import DossierModel
import DossierAudit

/// A parsed YAML or JSON document: only what the schema reader needs,
/// with a 1-based line and column on every node.
package indirect enum DocumentNode: Sendable {
    case scalar(ScalarNode)
    case map(MapNode)
    case list(ListNode)

    package var line: Int {
        switch self {
        case let .scalar(s): s.line
        case let .map(m): m.line
        case let .list(l): l.line
        }
    }

    package var column: Int {
        switch self {
        case let .scalar(s): s.column
        case let .map(m): m.column
        case let .list(l): l.column
        }
    }

    /// A plain `null`, `~` or empty scalar: the same as an absent key.
    package var isNull: Bool {
        if case let .scalar(s) = self { return s.isNull }
        return false
    }

    /// Describes the node for "expected …, found …" messages.
    package var kindDescription: String {
        switch self {
        case let .scalar(s): s.kindDescription
        case .map: "a map"
        case .list: "a list"
        }
    }
}

package struct ScalarNode: Sendable {
    package enum Style: Sendable {
        /// Unquoted: typed by the schema (`true`, `12`, `1.5`, `null` or text).
        case plain
        /// Quoted or block (`|`, `>`): always a string.
        case quoted
    }

    package let text: String
    package let style: Style
    package let line: Int
    package let column: Int

    package var isNull: Bool {
        style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    package var kindDescription: String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        switch style {
        case .quoted: return "the string '\(shown)'"
        case .plain: return "'\(shown)'"
        }
    }
}

package final class MapNode: Sendable {
    package struct Entry: Sendable {
        package let key: ScalarNode
        package let value: DocumentNode
    }

    package let entries: [Entry]
    package let line: Int
    package let column: Int

    init(entries: [Entry], line: Int, column: Int) {
        self.entries = entries
        self.line = line
        self.column = column
    }
}

package final class ListNode: Sendable {
    package let items: [DocumentNode]
    package let line: Int
    package let column: Int

    init(items: [DocumentNode], line: Int, column: Int) {
        self.items = items
        self.line = line
        self.column = column
    }
}
