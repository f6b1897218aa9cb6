import DossierSupport
import DossierModel
import DossierAudit
import Foundation

/// Reads a parsed record file against a fixed schema, strictly, collecting
/// every problem with its `file:line:col` and key path instead of stopping at the first.
///
/// The rules (INPUT.md): YAML 1.2 core types only; a plain scalar in a string
/// field is its text (in JSON a string field needs a JSON string); `null` or no
/// value is the same as an absent key; unknown keys are errors with a
/// suggestion; `x-` keys are extensions; a key given twice is an error.
package struct RecordReader {
    enum Format { case yaml, json }

    let file: String
    let format: Format
    let log: DiagnosticLog

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    func location(of node: DocumentNode) -> SourceLocation { location(node.line, node.column) }

    func error(_ node: DocumentNode, _ path: String, _ message: String) {
        log.error(location(of: node), path, message)
    }

    package static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: Maps

    /// The present (non-null) keys of one map with fixed keys.
    struct Fields {
        let map: MapNode
        let path: String
        /// The keys the map may have.
        let known: [String]
        /// First occurrence of each known key whose value is not null, by its position in `known`.
        let entries: [MapNode.Entry?]
        let extensions: [String: ExtensionValue]

        func entry(_ key: String) -> MapNode.Entry? { known.firstIndex(of: key).flatMap { entries[$0] } }
        func node(_ key: String) -> DocumentNode? { entry(key)?.value }
        func has(_ key: String) -> Bool { entry(key) != nil }
    }

    /// Checks that `node` is a map whose keys are in `known` (or `x-` extensions),
    /// with no key twice. Returns `nil` (after reporting) when it is not a map.
    func fields(_ node: DocumentNode, path: String, known: [String]) -> Fields? {
        guard case let .map(map) = node else {
            error(node, path, "expected a map, found \(node.kindDescription)")
            return nil
        }
        // Known keys are found by position (a map has a few of a few dozen keys); others by name.
        var entries = [MapNode.Entry?](repeating: nil, count: known.count)
        var firstLines = [Int?](repeating: nil, count: known.count)
        var extensions: [String: ExtensionValue] = [:]
        var seen: [String: Int] = [:]
        for entry in map.entries {
            let key = entry.key.text
            let index = key.hasPrefix("x-") ? nil : known.firstIndex(of: key)
            if let first = index.flatMap({ firstLines[$0] }) ?? (index == nil ? seen[key] : nil) {
                log.error(location(entry.key.line, entry.key.column), Self.join(path, key),
                          "duplicate key (first given at line \(first))")
                continue
            }
            if let index {
                firstLines[index] = entry.key.line
                if !entry.value.isNull { entries[index] = entry }
                continue
            }
            seen[key] = entry.key.line
            if key.hasPrefix("x-") {
                extensions[key] = Self.extensionValue(entry.value)
            } else {
                var message = "unknown key"
                if let suggestion = KeySuggestion.closest(to: key, in: known) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                log.error(location(entry.key.line, entry.key.column), Self.join(path, key), message)
            }
        }
        return Fields(map: map, path: path, known: known, entries: entries, extensions: extensions)
    }

    /// A map with free keys (metric names, actions, tools): entries in file order, duplicates reported.
    func freeEntries(_ node: DocumentNode, path: String) -> [MapNode.Entry]? {
        guard case let .map(map) = node else {
            error(node, path, "expected a map, found \(node.kindDescription)")
            return nil
        }
        var seen: [String: Int] = [:]
        var result: [MapNode.Entry] = []
        for entry in map.entries {
            if let first = seen[entry.key.text] {
                log.error(location(entry.key.line, entry.key.column), Self.join(path, entry.key.text),
                          "duplicate key (first given at line \(first))")
                continue
            }
            seen[entry.key.text] = entry.key.line
            result.append(entry)
        }
        return result
    }

    /// Reports a missing required key: at `file:1:1` for a top-level key, else at the start of its map.
    func missing(_ key: String, in fields: Fields) {
        let at = fields.path.isEmpty ? location(1, 1) : location(fields.map.line, fields.map.column)
        log.error(at, Self.join(fields.path, key), "missing required key")
    }

    /// Records where each known key of `fields` was written, under its full key path:
    /// `paths[i]` is the path of `known[i]` (made once by the caller, so that source maps share it).
    func record(_ paths: [String], of fields: Fields, into sources: inout SourceMap) {
        for (entry, path) in zip(fields.entries, paths) {
            guard let entry else { continue }
            sources[path] = location(entry.key.line, entry.key.column)
        }
    }

    /// Records where `key` was written (for gap sources).
    func record(_ key: String, of fields: Fields, into sources: inout SourceMap) {
        guard let entry = fields.entry(key) else { return }
        sources[KeyPathPool.shared.intern(Self.join(fields.path, key))] = location(entry.key.line, entry.key.column)
    }

    // MARK: Scalars

    /// A string field. In YAML any plain scalar is read as its text; in JSON it must be a JSON string.
    func string(_ node: DocumentNode, path: String) -> String? {
        guard case let .scalar(scalar) = node else {
            error(node, path, "expected a string, found \(node.kindDescription)")
            return nil
        }
        if format == .json, scalar.style == .plain {
            error(node, path, "expected a string, found \(scalar.kindDescription)")
            return nil
        }
        return scalar.text
    }

    /// A required string that must say something (not empty or only white space).
    func requiredText(_ node: DocumentNode, path: String) -> String? {
        guard let text = string(node, path: path) else { return nil }
        guard !TextRules.isBlank(text) else {
            error(node, path, "must not be empty")
            return nil
        }
        return text
    }

    static let trueSpellings: Set<String> = ["true", "True", "TRUE"]
    static let falseSpellings: Set<String> = ["false", "False", "FALSE"]

    /// A boolean: only the plain scalars `true` and `false` (YAML 1.2 core schema).
    func bool(_ node: DocumentNode, path: String) -> Bool? {
        if case let .scalar(scalar) = node, scalar.style == .plain {
            if Self.trueSpellings.contains(scalar.text) { return true }
            if Self.falseSpellings.contains(scalar.text) { return false }
        }
        error(node, path, "expected true or false, found \(node.kindDescription)")
        return nil
    }

    /// A count, amount of days and the like: a whole number >= 0.
    func count(_ node: DocumentNode, path: String) -> Int? {
        guard case let .scalar(scalar) = node, scalar.style == .plain, let value = Self.integer(scalar.text) else {
            error(node, path, "expected a whole number >= 0, found \(node.kindDescription)")
            return nil
        }
        guard let value else {
            error(node, path, "number \(scalar.text) is too large")
            return nil
        }
        guard value >= 0 else {
            error(node, path, "expected a whole number >= 0, found \(scalar.text)")
            return nil
        }
        return value
    }

    /// A finite decimal number, >= 0 unless `allowNegative`.
    func number(_ node: DocumentNode, path: String, allowNegative: Bool = false) -> ExactDecimal? {
        let expected = allowNegative ? "a finite number" : "a number >= 0"
        guard case let .scalar(scalar) = node, scalar.style == .plain else {
            error(node, path, "expected \(expected), found \(node.kindDescription)")
            return nil
        }
        let value: ExactDecimal?
        if let integer = Self.integer(scalar.text) {
            value = integer.map { ExactDecimal($0) } ?? ExactDecimal(scalar.text)
        } else {
            value = ExactDecimal(scalar.text)
        }
        guard let value else {
            error(node, path, "expected \(expected), found \(scalar.kindDescription)")
            return nil
        }
        if value.isNegative, !allowNegative {
            error(node, path, "expected \(expected), found \(scalar.text)")
            return nil
        }
        return value
    }

    /// A calendar date `YYYY-MM-DD`, quoted or not. An empty string means "no date" where
    /// `allowEmpty` (the reference dataclass writes `""` for an unset date).
    func date(_ node: DocumentNode, path: String, allowEmpty: Bool = true) -> CalendarDate?? {
        guard case let .scalar(scalar) = node else {
            error(node, path, "expected a date YYYY-MM-DD, found \(node.kindDescription)")
            return nil
        }
        if scalar.text.isEmpty, allowEmpty { return .some(nil) }
        if format == .json, scalar.style == .plain {
            error(node, path, "expected a date \"YYYY-MM-DD\" (a JSON string), found \(scalar.kindDescription)")
            return nil
        }
        guard let date = CalendarDate(scalar.text) else {
            let shaped = scalar.text.utf8.count == 10 && scalar.text.utf8.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (48...57).contains(byte)
            }
            error(node, path, shaped
                  ? "'\(scalar.text)' is not a real calendar date"
                  : "expected a date YYYY-MM-DD, found \(scalar.kindDescription)")
            return nil
        }
        return .some(date)
    }

    /// One of a fixed set of words.
    func oneOf<T: RawRepresentable>(_ node: DocumentNode, path: String, _ cases: [T]) -> T? where T.RawValue == String {
        if case let .scalar(scalar) = node, format == .yaml || scalar.style == .quoted,
           let value = cases.first(where: { $0.rawValue == scalar.text }) {
            return value
        }
        error(node, path, "expected one of \(cases.map(\.rawValue).joined(separator: ", ")), found \(node.kindDescription)")
        return nil
    }

    /// A list of strings; `null` is the empty list.
    func stringList(_ node: DocumentNode, path: String) -> [String]? {
        guard case let .list(list) = node else {
            error(node, path, "expected a list of strings, found \(node.kindDescription)")
            return nil
        }
        var result: [String] = []
        var ok = true
        for (index, item) in list.items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if item.isNull {
                error(item, itemPath, "expected a string, found null")
                ok = false
            } else if let text = string(item, path: itemPath) {
                result.append(text)
            } else {
                ok = false
            }
        }
        return ok ? result : nil
    }

    /// A map of metric name → finite number.
    func metrics(_ node: DocumentNode, path: String) -> [(String, ExactDecimal)]? {
        guard let entries = freeEntries(node, path: path) else { return nil }
        var result: [(String, ExactDecimal)] = []
        var ok = true
        for entry in entries {
            let entryPath = Self.join(path, entry.key.text)
            if let value = number(entry.value, path: entryPath, allowNegative: true) {
                result.append((entry.key.text, value))
            } else {
                ok = false
            }
        }
        return ok ? result : nil
    }

    // MARK: Helpers

    /// YAML 1.2 core integers: `[-+]?[0-9]+` (and in YAML `0o…`, `0x…`).
    /// `nil` when the text is not an integer; `.some(nil)` when it does not fit.
    static func integer(_ text: String) -> Int?? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        var radix = 10
        if body.hasPrefix("0x") { radix = 16; body = body.dropFirst(2) } else if body.hasPrefix("0o") { radix = 8; body = body.dropFirst(2) }
        if radix != 10, text.hasPrefix("-") || text.hasPrefix("+") { return nil }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        if radix == 10, !body.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        guard let magnitude = Int(body, radix: radix) else { return .some(nil) }
        return .some(negative ? -magnitude : magnitude)
    }

    static func extensionValue(_ node: DocumentNode) -> ExtensionValue {
        switch node {
        case let .scalar(scalar): return scalar.isNull ? .null : .scalar(scalar.text)
        case let .list(list): return .list(list.items.map(extensionValue))
        case let .map(map): return .map(map.entries.map { ($0.key.text, extensionValue($0.value)) })
        }
    }
}

/// One shared copy of each key path that source maps record: the same few dozen paths
/// recur in every agent file, and thousands of source maps need not each hold their own.
/// Bounded: past `capacity` distinct paths, a path is kept as it is.
final class KeyPathPool: @unchecked Sendable {
    static let shared = KeyPathPool()
    static let capacity = 10_000

    private let lock = NSLock()
    private var paths: Set<String> = []

    func intern(_ path: String) -> String {
        // Up to 15 bytes, a string is stored inline and has nothing to share.
        guard path.utf8.count > 15 else { return path }
        return lock.withLock {
            if let index = paths.firstIndex(of: path) { return paths[index] }
            if paths.count < Self.capacity { paths.insert(path) }
            return path
        }
    }
}
