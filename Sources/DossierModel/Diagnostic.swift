import Synchronization
import DossierSupport

/// One problem found while reading the repository.
///
/// Printed as `file:line:col: key.path: message`. Errors make the run fail
/// with exit code 65; warnings are printed and the run goes on.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The key path the problem is about (`compliance.log_retention_days`), or empty.
    public var keyPath: String
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, keyPath: String = "", _ message: String) {
        self.severity = severity
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var text = "\(location): "
        if severity == .warning { text += "warning: " }
        if !keyPath.isEmpty { text += "\(keyPath): " }
        return text + message
    }
}

/// Collects diagnostics from every stage so that one run reports all of them.
/// Safe to share between threads: every access takes its lock.
package final class DiagnosticLog: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    package init() {}

    package func error(_ location: SourceLocation, _ keyPath: String = "", _ message: String) {
        append(Diagnostic(.error, at: location, keyPath: keyPath, message))
    }

    package func warning(_ location: SourceLocation, _ keyPath: String = "", _ message: String) {
        append(Diagnostic(.warning, at: location, keyPath: keyPath, message))
    }

    package func append(_ diagnostic: Diagnostic) { items.withLock { $0.append(diagnostic) } }

    package var hasErrors: Bool { errorCount > 0 }

    /// Every diagnostic, in the order they were reported.
    package var all: [Diagnostic] { items.withLock { $0 } }

    package var errorCount: Int { items.withLock { $0.lazy.filter { $0.severity == .error }.count } }

    /// All diagnostics, sorted by file, line and column (then message, for a stable order).
    package var sorted: [Diagnostic] {
        all.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.keyPath != b.keyPath { return ByteOrder.less(a.keyPath, b.keyPath) }
            return ByteOrder.less(a.message, b.message)
        }
    }
}
