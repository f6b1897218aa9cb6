#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierModel
import DossierAudit

/// Checks that a record file is text: valid UTF-8 with no NUL byte.
enum TextCheck {
    struct Problem {
        let line: Int
        let column: Int
        let message: String
    }

    /// The first invalid UTF-8 sequence or NUL byte, with its line and column.
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        // Most files have no problem: say so with the standard library's validation, and
        // look for the line and column only when there is one.
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        if !hasNUL, String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1 {
                    let byte = encoded.first!
                    if byte == 0 {
                        return Problem(line: line, column: column, message: "the file contains a NUL byte (files must be UTF-8 text)")
                    }
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                        column = 1
                        continue
                    }
                }
                column += 1
            case .error:
                return Problem(line: line, column: column, message: "invalid UTF-8 (files must be UTF-8 text)")
            case .emptyInput:
                return nil
            }
        }
    }
}
