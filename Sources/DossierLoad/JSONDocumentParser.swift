import DossierSupport
import DossierModel
import DossierAudit

/// Parses strict JSON (RFC 8259) into the same `DocumentNode` tree as YAML
/// files, with 1-based lines and columns (columns count Unicode scalars).
///
/// JSON files get their own parser rather than libyaml's: libyaml accepts
/// non-JSON (comments, plain strings) and rejects valid JSON such as the
/// surrogate-pair escapes (`"\ud83e\udd16"`) that Python's `json.dumps` writes
/// for any character outside the Basic Multilingual Plane. Iterative, with the
/// same nesting limit as YAML.
package enum JSONDocumentParser {
    package static func parse(_ bytes: [UInt8]) -> Result<DocumentNode?, DocumentParser.Failure> {
        var scanner = Scanner(bytes: bytes)
        do {
            return .success(try scanner.document())
        } catch let failure as DocumentParser.Failure {
            return .failure(failure)
        } catch {
            return .failure(DocumentParser.Failure(line: 1, column: 1, message: "\(error)"))
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        private struct Frame {
            let isObject: Bool
            let line: Int
            let column: Int
            var entries: [MapNode.Entry] = []
            var items: [DocumentNode] = []
            var key: ScalarNode?
        }

        func fail(_ message: String) -> DocumentParser.Failure {
            DocumentParser.Failure(line: line, column: column, message: "syntax error: \(message)")
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func advance() {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
        }

        func describe(_ byte: UInt8?) -> String {
            guard let byte else { return "the end of the file" }
            if byte >= 0x20 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
            return "byte 0x\(String(byte, radix: 16))"
        }

        mutating func document() throws -> DocumentNode? {
            skipWhitespace()
            guard current != nil else { return nil }
            var stack: [Frame] = []
            var result: DocumentNode?
            while true {
                skipWhitespace()
                let startLine = line
                let startColumn = column
                var node: DocumentNode?
                switch current {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let isObject = current == UInt8(ascii: "{")
                    guard stack.count < DocumentParser.maxNesting else {
                        throw DocumentParser.Failure(line: line, column: column, message: "nesting is deeper than \(DocumentParser.maxNesting) levels")
                    }
                    advance()
                    skipWhitespace()
                    if current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        advance()
                        node = isObject ? .map(MapNode(entries: [], line: startLine, column: startColumn))
                                        : .list(ListNode(items: [], line: startLine, column: startColumn))
                    } else {
                        stack.append(Frame(isObject: isObject, line: startLine, column: startColumn))
                        if isObject { stack[stack.count - 1].key = try key() }
                        continue
                    }
                case UInt8(ascii: "\""):
                    node = .scalar(ScalarNode(text: try string(), style: .quoted, line: startLine, column: startColumn))
                default:
                    node = .scalar(ScalarNode(text: try literal(), style: .plain, line: startLine, column: startColumn))
                }
                // A complete value: attach it, then close every container that ends here.
                var value = node!
                while true {
                    guard !stack.isEmpty else {
                        result = value
                        break
                    }
                    let top = stack.count - 1
                    if stack[top].isObject {
                        stack[top].entries.append(MapNode.Entry(key: stack[top].key!, value: value))
                        stack[top].key = nil
                    } else {
                        stack[top].items.append(value)
                    }
                    skipWhitespace()
                    let close: UInt8 = stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if current == UInt8(ascii: ",") {
                        advance()
                        skipWhitespace()
                        if stack[top].isObject { stack[top].key = try key() }
                        break
                    } else if current == close {
                        advance()
                        let frame = stack.removeLast()
                        value = frame.isObject
                            ? .map(MapNode(entries: frame.entries, line: frame.line, column: frame.column))
                            : .list(ListNode(items: frame.items, line: frame.line, column: frame.column))
                    } else {
                        throw fail("expected ',' or '\(Character(UnicodeScalar(close)))', found \(describe(current))")
                    }
                }
                if result != nil {
                    skipWhitespace()
                    guard current == nil else { throw fail("unexpected \(describe(current)) after the end of the document") }
                    return result
                }
            }
        }

        /// `"name" :` — a key and its colon.
        mutating func key() throws -> ScalarNode {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key, found \(describe(current))") }
            let startLine = line
            let startColumn = column
            let text = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw fail("expected ':' after a key, found \(describe(current))") }
            advance()
            return ScalarNode(text: text, style: .quoted, line: startLine, column: startColumn)
        }

        mutating func string() throws -> String {
            advance()  // opening quote
            var scalars = String.UnicodeScalarView()
            var run = index
            func flush(_ scanner: Scanner, _ run: Int, _ scalars: inout String.UnicodeScalarView) {
                if run < scanner.index {
                    scalars.append(contentsOf: String(decoding: scanner.bytes[run..<scanner.index], as: UTF8.self).unicodeScalars)
                }
            }
            while true {
                guard let byte = current else { throw fail("unterminated string") }
                if byte == UInt8(ascii: "\"") {
                    flush(self, run, &scalars)
                    advance()
                    return String(scalars)
                }
                if byte < 0x20 { throw fail("control character in a string (escape it)") }
                if byte != UInt8(ascii: "\\") {
                    advance()
                    continue
                }
                flush(self, run, &scalars)
                advance()
                guard let escape = current else { throw fail("unterminated string") }
                advance()
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var value = try hex4()
                    if (0xD800...0xDBFF).contains(value) {
                        guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                            throw fail("unpaired surrogate \\u\(String(value, radix: 16)) in a string")
                        }
                        advance()
                        advance()
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in a string") }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(value) {
                        throw fail("unpaired surrogate \\u\(String(value, radix: 16)) in a string")
                    }
                    scalars.append(UnicodeScalar(value)!)
                default:
                    throw fail("invalid escape '\\\(Character(UnicodeScalar(escape)))' in a string")
                }
                run = index
            }
        }

        mutating func hex4() throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Self.hexValue(byte) else { throw fail("invalid \\u escape") }
                value = value * 16 + digit
                advance()
            }
            return value
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 48...57: UInt32(byte - 48)
            case 65...70: UInt32(byte - 55)
            case 97...102: UInt32(byte - 87)
            default: nil
            }
        }

        /// `true`, `false`, `null` or a number (RFC 8259 grammar).
        mutating func literal() throws -> String {
            let start = index
            for word in ["true", "false", "null"] where bytes[index...].starts(with: word.utf8) {
                for _ in word.utf8 { advance() }
                return word
            }
            if current == UInt8(ascii: "-") { advance() }
            func digits(_ scanner: inout Scanner) -> Int {
                var count = 0
                while let byte = scanner.current, (48...57).contains(byte) { scanner.advance(); count += 1 }
                return count
            }
            if current == UInt8(ascii: "0") {
                advance()
            } else if digits(&self) == 0 {
                index = start
                throw fail("expected a value, found \(describe(current))")
            }
            if current == UInt8(ascii: ".") {
                advance()
                guard digits(&self) > 0 else { throw fail("expected digits after '.'") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                advance()
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
                guard digits(&self) > 0 else { throw fail("expected digits in the exponent") }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}
