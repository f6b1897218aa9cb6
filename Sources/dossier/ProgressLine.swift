import DossierCore
import Foundation

/// A one-line progress display on stderr while raw audit logs are read: files,
/// bytes read of the total, speed and time left. Shown only when stderr is a
/// terminal (and not with `--quiet`); erased when reading ends.
final class ProgressLine: LogProgressObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)

    /// `nil` when there is nothing to show: stderr is not a terminal, or `quiet`.
    static func make(quiet: Bool) -> ProgressLine? {
        quiet || isatty(STDERR_FILENO) != 1 ? nil : ProgressLine()
    }

    func started(_ progress: ReadProgress) {
        lock.withLock { running = true }
        let start = Date()
        // The first line at once (what is to be read), then updates until reading ends.
        Console.error("\r\u{1B}[K" + Self.line(progress, elapsed: 0), newline: false)
        let thread = Thread { [self] in
            while done.wait(timeout: .now() + 0.2) != .success {
                Console.error("\r\u{1B}[K" + Self.line(progress, elapsed: Date().timeIntervalSince(start)), newline: false)
            }
            Console.error("\r\u{1B}[K", newline: false)
        }
        self.thread = thread
        thread.start()
    }

    func finished() {
        let wasRunning = lock.withLock {
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        done.signal()
        // Wait until the line is erased, so that later messages start on a clean line.
        while thread?.isFinished == false { usleep(1000) }
    }

    static func line(_ progress: ReadProgress, elapsed: TimeInterval) -> String {
        let read = min(progress.bytesRead, progress.totalBytes)
        let rate = elapsed > 0 ? Double(read) / elapsed : 0
        var text = "reading audit logs: \(progress.filesRead)/\(progress.totalFiles) files, "
            + "\(megabytes(read)) of \(megabytes(progress.totalBytes)) MB"
        if rate > 0 {
            text += String(format: ", %.0f MB/s", rate / 1_000_000)
            let left = Double(progress.totalBytes - read) / rate
            text += ", \(Int(left.rounded(.up))) s left"
        }
        return text
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.0f", Double(bytes) / 1_000_000) }
}
