/// Every compiled template of a set, linked into one flat program: instructions
/// that hold only integers, the text of all templates in one byte array, and the
/// names in a table. Rendering walks it through unsafe buffers, so a page costs
/// no reference counting on the program (which all workers share).
struct TemplateProgram: Sendable {
    struct Instruction: Sendable {
        enum Operation: UInt8, Sendable {
            /// `bytes[a..<a+b]`.
            case text
            /// Name `a`, escaped when `flag` (and the content type is HTML).
            case variable
            /// Name `a`; body from the next instruction to the `end` at `b`.
            case section
            case invertedSection
            /// The template starting at `a` (or none when `a` is -1); indented by
            /// `bytes[b..<b+c]` when `flag` (a partial on a line of its own).
            case partial
            /// HTML escaping on (`flag`) or off from here.
            case contentType
            /// The end of a template or of a section's body.
            case end
        }

        var operation: Operation
        var flag = false
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
    }

    struct Name: Sendable {
        /// The name's parts are `parts[first..<first+count]`.
        var first: Int32
        var count: Int32
        var anchored: Bool
        var isCurrent: Bool
    }

    private(set) var code: [Instruction] = []
    private(set) var bytes: [UInt8] = []
    private(set) var names: [Name] = []
    private(set) var parts: [String] = []
    /// Where each template starts in `code`.
    private(set) var entries: [String: Int] = [:]

    init(_ templates: [String: CompiledTemplate]) {
        var pending: [(at: Int, partial: String)] = []
        // In name order, so that the same set links to the same program.
        for name in templates.keys.sorted() {
            entries[name] = code.count
            emit(templates[name]!.tokens, pending: &pending)
            code.append(Instruction(operation: .end))
        }
        for (at, partial) in pending {
            code[at].a = entries[partial].map { Int32($0) } ?? -1
        }
    }

    private mutating func emit(_ tokens: [CompiledTemplate.Token], pending: inout [(at: Int, partial: String)]) {
        for token in tokens {
            switch token {
            case let .text(text):
                let (offset, length) = store(text)
                code.append(Instruction(operation: .text, a: offset, b: length))
            case let .variable(name, escaped):
                code.append(Instruction(operation: .variable, flag: escaped, a: store(name)))
            case let .section(name, body, inverted):
                let start = code.count
                code.append(Instruction(operation: inverted ? .invertedSection : .section, a: store(name)))
                emit(body.tokens, pending: &pending)
                code[start].b = Int32(code.count)
                code.append(Instruction(operation: .end))
            case let .partial(name, indentation):
                var instruction = Instruction(operation: .partial, a: -1)
                if let indentation {
                    instruction.flag = true
                    (instruction.b, instruction.c) = store(indentation)
                }
                pending.append((code.count, name))
                code.append(instruction)
            case let .contentType(html):
                code.append(Instruction(operation: .contentType, flag: html))
            }
        }
    }

    private mutating func store(_ text: [UInt8]) -> (Int32, Int32) {
        let offset = bytes.count
        bytes.append(contentsOf: text)
        return (Int32(offset), Int32(text.count))
    }

    private mutating func store(_ name: TemplateName) -> Int32 {
        names.append(Name(first: Int32(parts.count), count: Int32(name.parts.count), anchored: name.anchored, isCurrent: name.isCurrent))
        parts.append(contentsOf: name.parts)
        return Int32(names.count - 1)
    }

    /// Renders the template `name` with `context`, or returns `nil` when there is no such template.
    func render(_ name: String, _ context: any TemplateObject) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        return code.withUnsafeBufferPointer { code in
            bytes.withUnsafeBufferPointer { bytes in
                names.withUnsafeBufferPointer { names in
                    parts.withUnsafeBufferPointer { parts in
                        var renderer = TemplateRenderer(code: code, bytes: bytes, names: names, parts: parts, context: context)
                        renderer.run(from: entry, indentation: nil, escapesHTML: true, depth: 0)
                        return renderer.output
                    }
                }
            }
        }
    }
}
