import DossierSupport
import DossierModel
import DossierAudit

/// A parsed YAML or JSON document: only what the schema reader needs,
/// with a 1-based line and column on every node.
public indirect enum DocumentNode: Sendable {
    case scalar(ScalarNode)
    case map(MapNode)
    case list(ListNode)

    public var line: Int {
        switch self {
        case let .scalar(s): s.line
        case let .map(m): m.line
        case let .list(l): l.line
        }
    }

    public var column: Int {
        switch self {
        case let .scalar(s): s.column
        case let .map(m): m.column
        case let .list(l): l.column
        }
    }

    /// A plain `null`, `~` or empty scalar: the same as an absent key.
    public var isNull: Bool {
        if case let .scalar(s) = self { return s.isNull }
        return false
    }

    /// Describes the node for "expected …, found …" messages.
    public var kindDescription: String {
        switch self {
        case let .scalar(s): s.kindDescription
        case .map: "a map"
        case .list: "a list"
        }
    }
}

public struct ScalarNode: Sendable {
    public enum Style: Sendable {
        /// Unquoted: typed by the schema (`true`, `12`, `1.5`, `null` or text).
        case plain
        /// Quoted or block (`|`, `>`): always a string.
        case quoted
    }

    public let text: String
    public let style: Style
    public let line: Int
    public let column: Int

    public var isNull: Bool {
        style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    public var kindDescription: String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        switch style {
        case .quoted: return "the string '\(shown)'"
        case .plain: return "'\(shown)'"
        }
    }
}

public final class MapNode: Sendable {
    public struct Entry: Sendable {
        public let key: ScalarNode
        public let value: DocumentNode
    }

    public let entries: [Entry]
    public let line: Int
    public let column: Int

    init(entries: [Entry], line: Int, column: Int) {
        self.entries = entries
        self.line = line
        self.column = column
    }
}

public final class ListNode: Sendable {
    public let items: [DocumentNode]
    public let line: Int
    public let column: Int

    init(items: [DocumentNode], line: Int, column: Int) {
        self.items = items
        self.line = line
        self.column = column
    }
}
