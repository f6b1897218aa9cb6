import DossierSupport
import DossierModel

/// Writes pretty-printed JSON straight into UTF-8 bytes, byte for byte as
/// `JSONValue.rendered(indent:)` prints the same value, without building the
/// tree first (a report over thousands of agents would allocate millions of nodes).
///
/// Containers are opened and closed explicitly; a member's key is given before
/// its value. The caller keeps the nesting balanced.
struct JSONWriter {
    private var out: [UInt8] = []
    /// Per open container: whether nothing was written in it yet.
    private var empty: [Bool] = []
    /// Spaces before the current container's closing bracket.
    private var indent: Int

    /// Starts a value nested `indent` spaces deep (as `rendered(indent:)`).
    init(indent: Int = 0) {
        self.indent = indent
    }

    /// Hands over what was written so far and starts again empty.
    mutating func take() -> String {
        defer { out.removeAll(keepingCapacity: true) }  // the next piece is about as long
        return String(decoding: out, as: UTF8.self)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the member `key` of the current object; its value comes next.
    mutating func key(_ key: String) {
        nextElement()
        string(key)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    /// Starts the next element of the current array; its value comes next.
    mutating func element() { nextElement() }

    mutating func string(_ value: String) {
        // Text with nothing to escape and no colon (so no script URL) is copied as it is;
        // anything else goes through `JSONValue.writeString`, the one definition of the escaping.
        var plain = true
        for byte in value.utf8 {
            switch byte {
            case 0..<0x20, 0x22, 0x5C, 0x7F, 0xE2, UInt8(ascii: ":"): plain = false
            default: continue
            }
            break
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: value.utf8)
            out.append(UInt8(ascii: "\""))
        } else {
            JSONValue.writeString(value, into: &out)
        }
    }

    /// A small value built as a tree, printed at the current depth.
    mutating func value(_ value: JSONValue) { value.write(into: &out, indent: indent) }

    /// Text as it is, outside any value (indentation, separators).
    mutating func raw(_ text: String) { out.append(contentsOf: text.utf8) }

    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func int(_ value: Int) { out.append(contentsOf: String(value).utf8) }
    mutating func bool(_ value: Bool) { out.append(contentsOf: value ? Self.trueBytes : Self.falseBytes) }
    mutating func null() { out.append(contentsOf: Self.nullBytes) }

    /// `key: value` with a string value, the common case.
    mutating func member(_ key: String, _ value: String) { self.key(key); string(value) }
    mutating func member(_ key: String, _ value: String?) { self.key(key); string(value) }
    mutating func member(_ key: String, _ value: Int) { self.key(key); int(value) }
    mutating func member(_ key: String, _ value: Bool) { self.key(key); bool(value) }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        empty.append(true)
        indent += 2
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 2
        if empty.removeLast() {
            out.append(bracket)
        } else {
            out.append(UInt8(ascii: "\n"))
            spaces(indent)
            out.append(bracket)
        }
    }

    private mutating func nextElement() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            out.append(UInt8(ascii: ","))
        }
        out.append(UInt8(ascii: "\n"))
        spaces(indent)
    }

    private mutating func spaces(_ count: Int) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }
}
