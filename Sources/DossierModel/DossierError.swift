import DossierSupport

/// Why a step of the pipeline stopped: the one error the command line maps to an
/// exit code. It names the step, the path when there is one, and either the
/// diagnostics (problems with a place in the input, printed as
/// `file:line:col: key.path: message`) or a one-line message.
public struct DossierError: Error, Sendable, CustomStringConvertible {
    /// The pipeline step that failed.
    public enum Step: String, Sendable {
        case load, score, compare, history, templates, render, write, report, summarize, verify, initialize
    }

    /// Exit codes (OUTPUT.md; BSD sysexits).
    public enum ExitCode {
        public static let success: Int32 = 0
        public static let gateFailed: Int32 = 1
        public static let usage: Int32 = 64
        public static let dataError: Int32 = 65
        public static let ioError: Int32 = 74
    }

    public let step: Step
    /// 64 usage, 65 invalid input, 74 I/O.
    public let exitCode: Int32
    /// The file or folder the error is about, when there is one.
    public let path: String?
    /// Every problem found in the input, sorted; empty for an error that is a single message.
    public let diagnostics: [Diagnostic]
    /// The one-line message (`path: reason` for an I/O error); for diagnostics, their count.
    public let message: String
    /// What the failure means for the output ("nothing was written"), printed after the diagnostics.
    public let consequence: String

    package init(step: Step, exitCode: Int32, path: String? = nil, diagnostics: [Diagnostic] = [], message: String,
                consequence: String = "nothing was written") {
        self.step = step
        self.exitCode = exitCode
        self.path = path
        self.diagnostics = diagnostics
        self.message = message
        self.consequence = consequence
    }

    /// A command line that cannot be carried out (exit 64).
    package static func usage(_ step: Step, _ message: String, path: String? = nil) -> DossierError {
        DossierError(step: step, exitCode: ExitCode.usage, path: path, message: message)
    }

    /// Invalid input, with every problem found (exit 65).
    package static func invalid(_ step: Step, _ diagnostics: [Diagnostic],
                               consequence: String = "nothing was written") -> DossierError {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return DossierError(step: step, exitCode: ExitCode.dataError, path: diagnostics.first?.location.file,
                            diagnostics: diagnostics, message: "\(Counted.phrase(errors, "error"))",
                            consequence: consequence)
    }

    /// Invalid data that has no line to point at, such as corrupt gzip data (exit 65).
    package static func invalid(_ step: Step, path: String, _ reason: String) -> DossierError {
        DossierError(step: step, exitCode: ExitCode.dataError, path: path, message: "\(path): \(reason)")
    }

    /// A file or folder that cannot be read or written (exit 74).
    package static func io(_ step: Step, _ error: InputOutputError) -> DossierError {
        DossierError(step: step, exitCode: ExitCode.ioError, path: error.path, message: error.description)
    }

    public var description: String {
        diagnostics.isEmpty ? message : diagnostics.map(\.description).joined(separator: "\n")
    }
}
