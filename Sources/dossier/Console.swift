import DossierSupport
import ArgumentParser
import DossierCore
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Exit codes (OUTPUT.md; BSD sysexits).
typealias Exit = DossierError.ExitCode

/// Writes to stdout and stderr; colors only on a terminal and never with `NO_COLOR`.
enum Console {
    static var noColor: Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    static var stdoutColors: Bool { isatty(STDOUT_FILENO) == 1 && !noColor }
    static var stderrColors: Bool { isatty(STDERR_FILENO) == 1 && !noColor }

    static func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func error(_ text: String, newline: Bool = true) {
        write(!newline || text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
    }

    /// Unbuffered, complete writes (retrying short writes and EINTR).
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Prints diagnostics as `file:line:col: key.path: message`, then a count of errors.
    static func report(_ diagnostics: [Diagnostic], consequence: String = "nothing was written") {
        let colors = stderrColors
        for diagnostic in diagnostics {
            var line = diagnostic.description
            if colors {
                let label = diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
                let location = diagnostic.location.description
                line = "\u{1B}[1m\(location)\u{1B}[0m\(label)" + line.dropFirst(location.count) + "\u{1B}[0m"
            }
            error(line)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            error("dossier: \(Counted.phrase(errors, "error")); \(consequence)")
        }
    }

    /// Runs a step of the pipeline; its error is printed and becomes the exit code, in this one place.
    static func run<T>(_ step: () throws(DossierError) -> T) throws -> T {
        do {
            return try step()
        } catch {
            if error.diagnostics.isEmpty {
                Console.error("dossier: \(error.message)")
            } else {
                report(error.diagnostics, consequence: error.consequence)
            }
            throw ExitCode(error.exitCode)
        }
    }

    /// A pipeline whose warnings are printed as they are found, and whose progress shows on a terminal.
    static func pipeline(quiet: Bool = true) -> Pipeline {
        Pipeline(progress: ProgressLine.make(quiet: quiet), warn: { Console.report($0) })
    }
}
