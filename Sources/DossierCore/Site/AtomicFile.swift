import Foundation

/// Writes one file so that readers see the old contents or the new, never a
/// part: the text goes to a temporary file beside the target, which is then
/// renamed into place (a rename within one folder is atomic).
public enum AtomicFile {
    /// Writes `text` to `url`, creating its folder when missing.
    public static func write(_ text: String, to url: URL) throws(InputOutputError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputOutputError(path: folder.path, reason: "cannot create the folder")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputOutputError(path: url.path, reason: "cannot write the file")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputOutputError(path: url.path, reason: "cannot write the file (\(reason))")
        }
    }
}
