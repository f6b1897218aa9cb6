import Foundation

/// An input problem that stops loading altogether (exit code 74): the
/// repository or one of its files cannot be read.
package struct InputOutputError: Error, Sendable, CustomStringConvertible {
    package let path: String
    package let reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "\(path): \(reason)" }
}

extension InputOutputError {
    /// The system's reason for a failed file operation, as " (No space left on device)": the
    /// POSIX error a Foundation error carries (itself or as its underlying error), or "" when none.
    package static func cause(_ error: Error) -> String {
        if let posix = error as? POSIXError { return cause(errno: posix.code.rawValue) }
        let object = error as NSError
        if object.domain == NSPOSIXErrorDomain { return cause(errno: Int32(truncatingIfNeeded: object.code)) }
        if let underlying = object.userInfo[NSUnderlyingErrorKey] as? Error { return cause(underlying) }
        return ""
    }

    /// " (reason)" for an `errno` value.
    package static func cause(errno code: Int32) -> String {
        code == 0 ? "" : " (\(String(cString: strerror(code))))"
    }
}
