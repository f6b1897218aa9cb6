import DossierSupport

/// A place in a file of the governance repository: `path:line:column`.
///
/// Paths are relative to the repository root. `line` and `column` are 1-based
/// and count Unicode scalars; both are `nil` for problems with a whole file.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, `file:line` or `file`, with control characters of the file name escaped
    /// (a file named `a\nb.yaml` must not break or recolor a message).
    public var description: String {
        let file = TextRules.displayable(self.file)
        switch (line, column) {
        case let (line?, column?): return "\(file):\(line):\(column)"
        case let (line?, nil): return "\(file):\(line)"
        default: return file
        }
    }

    /// `file:line` (or `file`): the form used for a gap's `source`.
    public var fileAndLine: String {
        if let line { return "\(file):\(line)" }
        return file
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return ByteOrder.less(lhs.file, rhs.file) }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
