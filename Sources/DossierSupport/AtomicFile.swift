import Foundation

/// Writes one file so that readers see the old contents or the new, never a
/// part: the text goes to a temporary file beside the target, which is then
/// renamed into place (a rename within one folder is atomic).
public enum AtomicFile {
    /// Writes `text` to `url`, creating its folder when missing. A symbolic link is
    /// followed (the file it names is replaced), and a target that exists but is
    /// not a regular file (`/dev/stdout`, a pipe) is written through, not replaced.
    public static func write(_ text: String, to given: URL) throws(InputOutputError) {
        let url = given.resolvingSymlinksInPath()
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard info.st_mode & S_IFMT != S_IFDIR else { throw InputOutputError(path: given.path, reason: "is a folder") }
            let descriptor = open(url.path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw InputOutputError(path: given.path, reason: "cannot write the file\(InputOutputError.cause(errno: errno))")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            do {
                try handle.write(contentsOf: Data(text.utf8))
            } catch {
                throw InputOutputError(path: given.path, reason: "cannot write the file\(InputOutputError.cause(error))")
            }
            return
        }
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputOutputError(path: folder.path, reason: "cannot create the folder\(InputOutputError.cause(error))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputOutputError(path: url.path, reason: "cannot write the file\(InputOutputError.cause(error))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputOutputError(path: url.path, reason: "cannot write the file (\(reason))")
        }
    }
}
