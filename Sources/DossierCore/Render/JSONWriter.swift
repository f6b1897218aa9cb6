/// Writes pretty-printed JSON straight into a string, byte for byte as
/// `JSONValue.rendered(indent:)` prints the same value, without building the
/// tree first (a report over thousands of agents would allocate millions of nodes).
///
/// Containers are opened and closed explicitly; a member's key is given before
/// its value. The caller keeps the nesting balanced.
struct JSONWriter {
    private(set) var out = ""
    /// Per open container: whether nothing was written in it yet.
    private var empty: [Bool] = []
    /// Spaces before the current container's closing bracket.
    private var indent: Int

    /// Starts a value nested `indent` spaces deep (as `rendered(indent:)`).
    init(indent: Int = 0, capacity: Int = 0) {
        self.indent = indent
        out.reserveCapacity(capacity)
    }

    /// Hands over what was written so far and starts again empty.
    mutating func take() -> String {
        let piece = out
        out.removeAll(keepingCapacity: true)  // the next piece is about as long
        return piece
    }

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    /// Starts the member `key` of the current object; its value comes next.
    mutating func key(_ key: String) {
        nextElement()
        JSONValue.writeString(key, into: &out)
        out += ": "
    }

    /// Starts the next element of the current array; its value comes next.
    mutating func element() { nextElement() }

    mutating func string(_ value: String) { JSONValue.writeString(value, into: &out) }
    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func int(_ value: Int) { out += String(value) }
    mutating func bool(_ value: Bool) { out += value ? "true" : "false" }
    mutating func null() { out += "null" }

    /// A whole value, from the tree.
    mutating func value(_ value: JSONValue) { out += value.rendered(indent: indent) }

    /// `key: value` with a string value, the common case.
    mutating func member(_ key: String, _ value: String) { self.key(key); string(value) }
    mutating func member(_ key: String, _ value: String?) { self.key(key); string(value) }
    mutating func member(_ key: String, _ value: Int) { self.key(key); int(value) }
    mutating func member(_ key: String, _ value: Bool) { self.key(key); bool(value) }

    private mutating func open(_ bracket: String) {
        out += bracket
        empty.append(true)
        indent += 2
    }

    private mutating func close(_ bracket: String) {
        indent -= 2
        if empty.removeLast() {
            out += bracket
        } else {
            out += "\n"
            Self.spaces(indent, into: &out)
            out += bracket
        }
    }

    private mutating func nextElement() {
        out += empty[empty.count - 1] ? "\n" : ",\n"
        empty[empty.count - 1] = false
        Self.spaces(indent, into: &out)
    }

    private static let indents = (0...32).map { String(repeating: " ", count: $0) }

    private static func spaces(_ count: Int, into out: inout String) {
        out += count < indents.count ? indents[count] : String(repeating: " ", count: count)
    }
}
