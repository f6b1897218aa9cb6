
/// A JSON value with ordered object keys, written deterministically.
///
/// Foundation's `JSONEncoder` cannot keep a fixed key order (only sorted or
/// unspecified), and the report's key order is part of its contract.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written as this text (valid JSON number grammar).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    package static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    package func rendered() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Pretty-printed as a member nested `indent` spaces deep (no final newline).
    package func rendered(indent: Int) -> String {
        var out: [UInt8] = []
        write(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// Pretty-printed into UTF-8 bytes, as a member nested `indent` spaces deep.
    package func write(into out: inout [UInt8], indent: Int) {
        func spaces(_ count: Int) { out.append(contentsOf: repeatElement(0x20, count: count)) }
        switch self {
        case .null: out.append("null")
        case let .bool(value): value ? out.append("true") : out.append("false")
        case let .int(value): out.append(contentsOf: String(value).utf8)
        case let .number(number): out.append(contentsOf: number.utf8)
        case let .string(value): Self.writeString(value, into: &out)
        case let .array(items):
            guard !items.isEmpty else { out.append("[]"); return }
            out.append("[\n")
            for (index, item) in items.enumerated() {
                spaces(indent + 2)
                item.write(into: &out, indent: indent + 2)
                index == items.count - 1 ? out.append("\n") : out.append(",\n")
            }
            spaces(indent)
            out.append("]")
        case let .object(members):
            guard !members.isEmpty else { out.append("{}"); return }
            out.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                spaces(indent + 2)
                Self.writeString(key, into: &out)
                out.append(": ")
                value.write(into: &out, indent: indent + 2)
                index == members.count - 1 ? out.append("\n") : out.append(",\n")
            }
            spaces(indent)
            out.append("}")
        }
    }

    /// A JSON string literal for `value`, appended to `out`.
    package static func writeString(_ value: String, into out: inout String) {
        var bytes: [UInt8] = []
        writeString(value, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal for `value`, appended to `out` as UTF-8.
    package static func writeString(_ value: String, into out: inout [UInt8]) {
        // Most strings need no escaping: copy them whole.
        var plain = true, hasColon = false
        for byte in value.utf8 {
            switch byte {
            case 0..<0x20, 0x22, 0x5C, 0x7F, 0xE2: plain = false
            case UInt8(ascii: ":"): hasColon = true
            default: continue
            }
        }
        // Text that mentions a script URL (`javascript:alert(1)` as evidence) keeps its value, but its
        // colons are written `\u003a`, so that no output of the site contains such a URL literally.
        // (Every such URL has a colon.)
        let mentionsScheme = hasColon && HTMLSafety.neutralizeSchemes(value, colon: "") != value
        out.append(UInt8(ascii: "\""))
        if plain && !mentionsScheme {
            out.append(contentsOf: value.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            case "\u{2028}": out.append("\\u2028")
            case "\u{2029}": out.append("\\u2029")
            case ":" where mentionsScheme: out.append("\\u003a")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
