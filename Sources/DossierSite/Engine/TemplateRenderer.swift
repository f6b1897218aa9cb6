/// Runs a `TemplateProgram` into a byte buffer.
///
/// Lookups follow Mustache (and swift-mustache): a name is searched from the
/// innermost context outwards; in a dotted name only the first part is searched,
/// the rest is read from what it found. Sections repeat over non-empty lists,
/// test booleans and enter any other value; an empty string is true. Escaping
/// (`< > & " '`) is written straight into the output.
struct TemplateRenderer {
    typealias Instruction = TemplateProgram.Instruction

    private let code: UnsafeBufferPointer<Instruction>
    private let bytes: UnsafeBufferPointer<UInt8>
    private let names: UnsafeBufferPointer<TemplateProgram.Name>
    private let parts: UnsafeBufferPointer<String>
    private(set) var output: [UInt8] = []
    /// The contexts, innermost last, each in the box it came in (no copy per lookup).
    private var stack: [any TemplateRepresentable]

    /// Partials nested deeper than this (a partial that includes itself) render nothing.
    static let maximumDepth = 64

    init(code: UnsafeBufferPointer<Instruction>, bytes: UnsafeBufferPointer<UInt8>, names: UnsafeBufferPointer<TemplateProgram.Name>,
         parts: UnsafeBufferPointer<String>, context: any TemplateObject) {
        self.code = code
        self.bytes = bytes
        self.names = names
        self.parts = parts
        stack = [context]
        stack.reserveCapacity(16)
        output.reserveCapacity(32 * 1024)
    }

    /// Runs from `start` to its `end`; returns the index of that `end`.
    @discardableResult
    mutating func run(from start: Int, indentation: [UInt8]?, escapesHTML: Bool, depth: Int) -> Int {
        var escapesHTML = escapesHTML
        let localStart = output.count
        var index = start
        while true {
            let instruction = code[index]
            if instruction.operation == .end { return index }
            let before = output.count
            // Inside an indented partial, an instruction whose output starts after a
            // newline is indented (instruction by instruction, as swift-mustache does).
            let indent = indentation.map { !$0.isEmpty && before > localStart && output[before - 1] == 0x0A } ?? false
            switch instruction.operation {
            case .text:
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(instruction.a)..<Int(instruction.a + instruction.b)]))
                index += 1
            case .variable:
                variable(Int(instruction.a), escaped: instruction.flag && escapesHTML)
                index += 1
            case .section, .invertedSection:
                let value = lookup(Int(instruction.a))
                if instruction.operation == .section {
                    section(value, body: index + 1, indentation: indentation, escapesHTML: escapesHTML, depth: depth)
                } else {
                    invertedSection(value, body: index + 1, indentation: indentation, escapesHTML: escapesHTML, depth: depth)
                }
                index = Int(instruction.b) + 1
            case .partial:
                if instruction.a >= 0, depth < Self.maximumDepth {
                    var combined = indentation
                    if instruction.flag {
                        combined = (indentation ?? []) + bytes[Int(instruction.b)..<Int(instruction.b + instruction.c)]
                    }
                    // A partial starts with HTML escaping, whatever the including template chose.
                    run(from: Int(instruction.a), indentation: combined, escapesHTML: true, depth: depth + 1)
                }
                index += 1
            case .contentType:
                escapesHTML = instruction.flag
                index += 1
            case .end:
                return index
            }
            if indent, output.count > before, let indentation {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func variable(_ name: Int, escaped: Bool) {
        guard let found = lookup(name) else { return }
        let value = templateValue(found)
        switch value {
        case let .text(text):
            append(text, escaped: escaped)
        case let .bool(bool):
            append(bool ? "true" : "false", escaped: false)
        case .object:
            break
        case .list:
            append(String(describing: value.mustache), escaped: escaped)
        }
    }

    private mutating func section(_ found: (any TemplateRepresentable)?, body: Int, indentation: [UInt8]?, escapesHTML: Bool, depth: Int) {
        guard let found else { return }
        switch found.scalarValue {
        case .bool(false)?:
            return
        case .bool(true)?:
            run(from: body, indentation: indentation, escapesHTML: escapesHTML, depth: depth)
        case let .list(list)?:
            for index in 0..<list.count {
                stack.append(list.element(at: index))
                run(from: body, indentation: indentation, escapesHTML: escapesHTML, depth: depth)
                stack.removeLast()
            }
        case .text?, .object?, nil:
            stack.append(found)
            run(from: body, indentation: indentation, escapesHTML: escapesHTML, depth: depth)
            stack.removeLast()
        }
    }

    private mutating func invertedSection(_ found: (any TemplateRepresentable)?, body: Int, indentation: [UInt8]?, escapesHTML: Bool, depth: Int) {
        guard let found else {
            run(from: body, indentation: indentation, escapesHTML: escapesHTML, depth: depth)
            return
        }
        switch found.scalarValue {
        case .bool(false)?:
            run(from: body, indentation: indentation, escapesHTML: escapesHTML, depth: depth)
        case let .list(list)? where list.count == 0:
            // swift-mustache enters the empty list.
            stack.append(found)
            run(from: body, indentation: indentation, escapesHTML: escapesHTML, depth: depth)
            stack.removeLast()
        default:
            return
        }
    }

    /// The value of name `index`: the innermost context that has its first part, then the rest of the parts from there.
    private func lookup(_ index: Int) -> (any TemplateRepresentable)? {
        let name = names[index]
        guard !stack.isEmpty else { return nil }
        if name.isCurrent { return stack[stack.count - 1] }
        let first = Int(name.first), end = first + Int(name.count)
        if name.anchored { return walk(first..<end, from: stack[stack.count - 1]) }
        guard first < end else { return stack[stack.count - 1] }
        let part = parts[first]
        var level = stack.count - 1
        while level >= 0 {
            if let found = stack[level].value(named: part) {
                return first + 1 == end ? found : walk(first + 1..<end, from: found)
            }
            level -= 1
        }
        return nil
    }

    private func walk(_ range: Range<Int>, from value: any TemplateRepresentable) -> (any TemplateRepresentable)? {
        var value = value
        for part in range {
            guard let next = value.value(named: parts[part]) else { return nil }
            value = next
        }
        return value
    }

    private mutating func append(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { bytes in
            guard escaped else {
                output.append(contentsOf: bytes)
                return
            }
            var copied = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x26: replacement = "&amp;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(replacement)
                copied = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
    }
}
