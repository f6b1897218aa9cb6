import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The site already in `--out`, when this version of dossier built it: pages
/// whose key did not change are hard-linked from it instead of rendered again
/// (docs/reference/incremental-builds.md).
///
/// A page is reused only when all of these hold: the previous `manifest.json`
/// is valid and names this generator, it lists the page, the page is a regular
/// file whose stored key (the extended attribute `user.dossier.page`) is the new
/// key followed by the page's SHA-256, and the file's contents still have that
/// SHA-256 and size. Anything else renders the page.
package struct PreviousSite: Sendable {
    let root: URL
    let outputs: [String: FileDigest]

    /// The extended attribute that holds a page's key and SHA-256.
    static let attribute = "user.dossier.page"

    /// The previous site in `folder`, or nil when there is none this version can reuse.
    package static func open(_ folder: URL) -> PreviousSite? {
        let url = folder.appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let (contents, _) = Manifest.read([UInt8](data), file: url.path)
        guard let contents, contents.generator == DossierVersion.generator else { return nil }
        var outputs: [String: FileDigest] = [:]
        for output in contents.outputs { outputs[output.path] = output }
        return PreviousSite(root: folder, outputs: outputs)
    }

    /// The value stored with a page: its key and the SHA-256 of its contents.
    static func stamp(key: String, sha256: String) -> String { key + " " + sha256 }

    /// Links the previous `path` to `destination` when it may be reused; returns its digest then.
    func reuse(_ path: String, key: String, to destination: URL) -> FileDigest? {
        guard let listed = outputs[path] else { return nil }
        let source = root.appendingPathComponent(path).path
        let descriptor = Glibc.open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == listed.bytes else { return nil }
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = dossier_get_attribute(descriptor, Self.attribute, &buffer, UInt(buffer.count))
        guard length > 0, String(decoding: buffer[..<length], as: UTF8.self) == Self.stamp(key: key, sha256: listed.sha256) else { return nil }
        // The contents, against the manifest (a page edited or replaced since is not reused).
        guard let (sha256, bytes) = Digest.sha256(descriptor: descriptor), sha256 == listed.sha256, bytes == listed.bytes else { return nil }
        guard link(source, destination.path) == 0 else { return nil }
        // The linked file is the one checked (not replaced between the check and the link).
        var linked = stat()
        guard lstat(destination.path, &linked) == 0, linked.st_ino == info.st_ino, linked.st_dev == info.st_dev else {
            unlink(destination.path)
            return nil
        }
        return listed
    }
}
