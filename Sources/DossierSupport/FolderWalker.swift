import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way folders are listed, with one set of rules:
/// - names come in byte order, never in the file system's order;
/// - hidden names (a leading `.`) are skipped, files and folders alike, unless `hidden` is set;
/// - a symbolic link inside the walk is never entered: it is listed as a link, with whether what it
///   names is a folder (the loader reads a link to a file as that file);
/// - at most `limit` entries are listed, so that a hostile tree cannot exhaust memory.
package struct FolderWalker: Sendable {
    package enum Kind: Sendable, Equatable {
        case file(bytes: Int)
        case folder
        /// A symbolic link; `toFolder` when what it names (followed) is a folder.
        case link(toFolder: Bool)
        /// A FIFO, socket or device.
        case other
    }

    package struct Entry: Sendable, Equatable {
        /// Relative to the root the walk started from.
        package let path: String
        package let kind: Kind

        /// A regular file, or a link to something that is not a folder: what reading the path reads.
        package var isFileLike: Bool {
            switch kind {
            case .file, .link(toFolder: false): true
            default: false
            }
        }
    }

    /// Whether hidden names are listed (and hidden folders entered).
    package var hidden = false
    /// Whether subfolders are entered.
    package var recursive = true
    /// Whether folders are listed themselves (they are entered either way when `recursive`).
    package var folders = false
    /// The most entries one walk lists.
    package var limit = 1_000_000

    package init(hidden: Bool = false, recursive: Bool = true, folders: Bool = false, limit: Int = 1_000_000) {
        self.hidden = hidden
        self.recursive = recursive
        self.folders = folders
        self.limit = limit
    }

    /// Every entry under `root/folder`, by path relative to `root` (`folder/name`, or `name` when `folder`
    /// is empty), in byte order. A folder that does not exist, or is not a folder, has no entries. The
    /// starting folder itself may be a link (the caller named it); links inside it are not entered.
    package func entries(under root: URL, _ folder: String = "") throws(InputOutputError) -> [Entry] {
        var start = stat()
        guard stat(Self.join(root.path, folder), &start) == 0, start.st_mode & S_IFMT == S_IFDIR else { return [] }
        var result: [Entry] = []
        var pending = [folder]
        while let current = pending.popLast(), result.count < limit {
            for name in try names(in: Self.join(root.path, current)) {
                let path = current.isEmpty ? name : "\(current)/\(name)"
                guard let kind = Self.kind(of: Self.join(root.path, path)) else { continue }  // removed meanwhile
                if kind == .folder {
                    if recursive { pending.append(path) }
                    if !folders { continue }
                }
                result.append(Entry(path: path, kind: kind))
                if result.count >= limit { break }
            }
        }
        return result.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The names in a folder that the rules let through.
    private func names(in path: String) throws(InputOutputError) -> [String] {
        guard let directory = opendir(path) else {
            throw InputOutputError(path: path, reason: "cannot list the folder\(InputOutputError.cause(errno: errno))")
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if !hidden && name.hasPrefix(".") { continue }
            names.append(name)
        }
        return names
    }

    /// What is at `path`, without following a final symbolic link; `nil` when nothing is.
    package static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(bytes: Int(info.st_size))
        case S_IFDIR: return .folder
        case S_IFLNK:
            var target = stat()
            return .link(toFolder: stat(path, &target) == 0 && target.st_mode & S_IFMT == S_IFDIR)
        default: return .other
        }
    }

    private static func join(_ root: String, _ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }
}
