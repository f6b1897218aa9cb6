/// A Mustache template compiled for the site's engine: text as bytes, names split
/// once, sections as nested templates.
///
/// The parser follows swift-mustache's rules for standalone lines, indentation
/// and whitespace step by step, so both engines render a template to the same
/// bytes. It knows the part of Mustache the default templates use (variables,
/// sections, inverted sections, partials, comments, `{{% CONTENT_TYPE: … }}`)
/// and returns `nil` for anything else, which swift-mustache then renders:
/// transforms, list positions, inheritance, dynamic partials, set delimiters,
/// whitespace other than spaces and tabs inside a tag, and templates that do not
/// parse (swift-mustache reports those).
struct CompiledTemplate: Sendable {
    enum Token: Sendable {
        case text([UInt8])
        case variable(TemplateName, escaped: Bool)
        case section(TemplateName, CompiledTemplate, inverted: Bool)
        /// `indentation` is set for a partial on a line of its own.
        case partial(String, indentation: [UInt8]?)
        case contentType(escapesHTML: Bool)
    }

    let tokens: [Token]

    /// Compiles `text`, or returns `nil` when it uses more than this engine knows.
    init?(_ text: String) {
        var parser = TemplateParser(bytes: Array(text.utf8))
        guard let template = try? parser.parse(section: nil, newLine: true) else { return nil }
        self = template
    }

    fileprivate init(tokens: [Token]) { self.tokens = tokens }
}

/// A name as written in a tag: `.`, `name`, `a.b.c` or `.name` (the current object only).
struct TemplateName: Sendable {
    /// The parts between dots (empty parts dropped).
    let parts: [String]
    /// `.name`: looked up in the current object, not the enclosing ones.
    let anchored: Bool
    /// `.` (or an empty name): the current object itself.
    let isCurrent: Bool

    init(_ text: String) {
        isCurrent = text == "."
        anchored = text.first == "."
        parts = text.split(separator: ".").map(String.init)
    }
}

private struct Unsupported: Error {}

/// The parser, on UTF-8 bytes. Its structure mirrors swift-mustache's
/// `MustacheTemplate.parse` so that the two agree on every template it accepts.
private struct TemplateParser {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    private var atEnd: Bool { position == bytes.count }
    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func parse(section: String?, newLine startsOnNewLine: Bool) throws(Unsupported) -> CompiledTemplate {
        var tokens: [CompiledTemplate.Token] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore: ArraySlice<UInt8> = []
        while !atEnd {
            if newLine {
                whiteSpaceBefore = readSpacesAndTabs()
            }
            let text = try readUntilTagOrNewline()
            if let length = textNewline(at: position) {
                tokens.append(.text(Array(whiteSpaceBefore + text + bytes[position..<position + length])))
                newLine = true
                position += length
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(Array(whiteSpaceBefore + text)))
                whiteSpaceBefore = []
                newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName()
                if isStandalone(newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                let body = try parse(section: name, newLine: setNewLine)
                tokens.append(.section(TemplateName(name), body, inverted: inverted))

            case UInt8(ascii: "/"):
                position += 1
                let name = try readName()
                guard name == section else { throw Unsupported() }
                if !isStandalone(newLine), !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore)))
                }
                return CompiledTemplate(tokens: tokens)

            case UInt8(ascii: "!"):
                position += 1
                try skipComment()
                setNewLine = isStandalone(newLine)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let braced = bytes[position] == UInt8(ascii: "{")
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                position += 1
                let name = try readName()
                if braced {
                    guard byte(at: position) == UInt8(ascii: "}") else { throw Unsupported() }
                    position += 1
                }
                tokens.append(.variable(TemplateName(name), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                _ = readSpacesAndTabs()
                let name = try readName(allowingSlash: true)
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore)))
                }
                if isStandalone(newLine) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: Array(whiteSpaceBefore)))
                } else {
                    tokens.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = []

            case UInt8(ascii: "%"):
                position += 1
                tokens.append(try readContentType())
                setNewLine = isStandalone(newLine)

            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                let name = try readName()
                tokens.append(.variable(TemplateName(name), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw Unsupported() }
        return CompiledTemplate(tokens: tokens)
    }

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while let byte = byte(at: position), byte == 0x20 || byte == 0x09 { position += 1 }
        return bytes[start..<position]
    }

    /// The text up to a newline (not consumed) or up to and including `{{`.
    /// A `{{` followed by anything that cannot start a tag this engine reads is unsupported.
    private mutating func readUntilTagOrNewline() throws(Unsupported) -> ArraySlice<UInt8> {
        let start = position
        while let byte = byte(at: position) {
            if textNewline(at: position) != nil { return bytes[start..<position] }
            if byte == UInt8(ascii: "{"), self.byte(at: position + 1) == UInt8(ascii: "{") {
                let text = bytes[start..<position]
                position += 2
                guard let next = self.byte(at: position), Self.tagStart(next) else { throw Unsupported() }
                return text
            }
            position += 1
        }
        return bytes[start..<position]
    }

    /// What may follow `{{`: a sigil this engine knows, a name, a space or a tab.
    private static func tagStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "{"),
             UInt8(ascii: "&"), UInt8(ascii: ">"), UInt8(ascii: "%"), 0x20, 0x09:
            true
        default:
            nameByte(byte)
        }
    }

    private static func nameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"):
            true
        default:
            false
        }
    }

    /// The newline that ends a text token: `\n` or `\r\n`.
    private func textNewline(at index: Int) -> Int? {
        switch byte(at: index) {
        case 0x0A: 1
        case 0x0D where byte(at: index + 1) == 0x0A: 2
        default: nil
        }
    }

    /// Any character Swift counts as a newline, for the end of a standalone line.
    private func anyNewline(at index: Int) -> Int? {
        switch byte(at: index) {
        case 0x0A, 0x0B, 0x0C: 1
        case 0x0D: byte(at: index + 1) == 0x0A ? 2 : 1
        case 0xC2 where byte(at: index + 1) == 0x85: 2
        case 0xE2 where byte(at: index + 1) == 0x80 && (byte(at: index + 2) == 0xA8 || byte(at: index + 2) == 0xA9): 3
        default: nil
        }
    }

    /// A name up to `}}` (consumed), with spaces and tabs around it.
    private mutating func readName(allowingSlash: Bool = false) throws(Unsupported) -> String {
        _ = readSpacesAndTabs()
        let start = position
        while let byte = byte(at: position), Self.nameByte(byte) || (allowingSlash && byte == UInt8(ascii: "/")) {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        _ = readSpacesAndTabs()
        try readCloser()
        return name
    }

    private mutating func readCloser() throws(Unsupported) {
        guard byte(at: position) == UInt8(ascii: "}"), byte(at: position + 1) == UInt8(ascii: "}") else { throw Unsupported() }
        position += 2
    }

    private mutating func skipComment() throws(Unsupported) {
        while position + 1 < bytes.count {
            if bytes[position] == UInt8(ascii: "}"), bytes[position + 1] == UInt8(ascii: "}") {
                position += 2
                return
            }
            position += 1
        }
        throw Unsupported()
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`, the two types the site knows.
    private mutating func readContentType() throws(Unsupported) -> CompiledTemplate.Token {
        _ = readSpacesAndTabs()
        let variable = readWord()
        _ = readSpacesAndTabs()
        guard byte(at: position) == UInt8(ascii: ":") else { throw Unsupported() }
        position += 1
        _ = readSpacesAndTabs()
        let value = readWord()
        _ = readSpacesAndTabs()
        try readCloser()
        guard variable == "CONTENT_TYPE" else { throw Unsupported() }
        switch value {
        case "HTML": return .contentType(escapesHTML: true)
        case "TEXT": return .contentType(escapesHTML: false)
        default: throw Unsupported()
        }
    }

    private mutating func readWord() -> String {
        let start = position
        while let byte = byte(at: position), Self.nameByte(byte) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// A tag is standalone when it began a line and only spaces and tabs follow it
    /// to the end of the line, which is then consumed.
    private mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var index = position
        while let byte = byte(at: index), byte == 0x20 || byte == 0x09 { index += 1 }
        guard let length = anyNewline(at: index) else { return false }
        position = index + length
        return true
    }
}
