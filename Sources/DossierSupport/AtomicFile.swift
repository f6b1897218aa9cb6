import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes one file so that readers see the old contents or the new, never a
/// part: the text goes to a temporary file beside the target, which is then
/// renamed into place (a rename within one folder is atomic).
package enum AtomicFile {
    /// Writes `text` to `url`, creating its folder when missing. A symbolic link is
    /// followed (the file it names is replaced), and a target that exists but is
    /// not a regular file (`/dev/stdout`, a pipe) is written through, not replaced.
    package static func write(_ text: String, to given: URL) throws(InputOutputError) {
        try write(to: given) { sink in try sink(text) }
    }

    /// Writes the pieces that `stream` hands to its sink, in order, as one file: the same as
    /// `write(_:to:)` with their concatenation, without holding it whole.
    package static func write(to given: URL, stream: ((String) throws -> Void) throws -> Void) throws(InputOutputError) {
        let url = given.resolvingSymlinksInPath()
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard info.st_mode & S_IFMT != S_IFDIR else { throw InputOutputError(path: given.path, reason: "is a folder") }
            let descriptor = open(url.path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw InputOutputError(path: given.path, reason: "cannot write the file\(InputOutputError.cause(errno: errno))")
            }
            defer { close(descriptor) }
            try pour(stream, into: descriptor, path: given.path)
            return
        }
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputOutputError(path: folder.path, reason: "cannot create the folder\(InputOutputError.cause(error))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do throws(InputOutputError) {
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw InputOutputError(path: url.path, reason: "cannot write the file\(InputOutputError.cause(errno: errno))")
            }
            defer { close(descriptor) }
            try pour(stream, into: descriptor, path: url.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputOutputError(path: url.path, reason: "cannot write the file (\(reason))")
        }
    }

    /// Writes every piece of `stream` to `descriptor`, whole (retrying short writes and EINTR).
    private static func pour(_ stream: ((String) throws -> Void) throws -> Void, into descriptor: Int32,
                             path: String) throws(InputOutputError) {
        do {
            try stream { piece in
                var piece = piece
                // The errno of a failed write, or 0.
                let failure = piece.withUTF8 { buffer -> Int32 in
                    var offset = 0
                    while offset < buffer.count {
                        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            return errno
                        }
                        offset += written
                    }
                    return 0
                }
                if failure != 0 {
                    throw InputOutputError(path: path, reason: "cannot write the file\(InputOutputError.cause(errno: failure))")
                }
            }
        } catch let error as InputOutputError {
            throw error
        } catch {
            throw InputOutputError(path: path, reason: "cannot write the file (\(error))")
        }
    }
}
