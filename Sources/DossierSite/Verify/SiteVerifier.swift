import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What checking files against a manifest found. Every list holds paths
/// relative to the folder checked, sorted byte-wise.
public struct Verification: Sendable, Equatable {
    /// The manifest the files were checked against.
    package let manifest: Manifest.Contents
    /// Listed files whose size or SHA-256 differs, or that are no longer a
    /// regular file (a symbolic link in place of a page is never followed).
    public let changed: [String]
    /// Listed files that are not there.
    public let missing: [String]
    /// Files that are there but not listed.
    public let extra: [String]
    /// How many listed files were checked.
    public let checked: Int

    /// Every listed file is there, unchanged, and nothing else is.
    public var isIntact: Bool { changed.isEmpty && missing.isEmpty && extra.isEmpty }
    /// The release and as-of date the manifest names.
    public var release: String { manifest.release }
    public var asOf: CalendarDate { manifest.asOf }
}

/// Why a verification could not be carried out at all.
package enum VerificationError: Error, Sendable, CustomStringConvertible {
    /// The folder, its manifest or a file in it cannot be read (exit 74).
    case unreadable(InputOutputError)
    /// `manifest.json` is missing or is not a valid `dossier.manifest/v1`
    /// (exit 65): every problem found, at its line and column.
    case invalidManifest([Diagnostic])

    package var description: String {
        switch self {
        case let .unreadable(error): "\(error)"
        case let .invalidManifest(diagnostics): diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}

/// Re-hashes a built site against its `manifest.json` (`dossier verify SITE`):
/// an auditor's proof that the site is the one the build wrote, and that
/// nothing was changed, removed or added since.
///
/// Every file under the site counts, hidden ones too, and symbolic links are
/// reported as files, never followed (a link could point anywhere). The
/// manifest does not list itself, so its own digest is for the release record
/// to keep.
package struct SiteVerifier: Sendable {
    package let site: URL

    package init(site: URL) {
        self.site = site.standardizedFileURL
    }

    /// Checks the site's files against the manifest's `outputs`.
    package func verify() throws(VerificationError) -> Verification {
        let manifest = try readManifest()
        let present = try FileTree.scan(site).filter { $0.key != "manifest.json" }
        let statuses = try FileTree.check(manifest.outputs, in: site) { path in present[path] }
        let listed = Set(manifest.outputs.map(\.path))
        return Verification(manifest: manifest, statuses: statuses,
                            extra: present.keys.filter { !listed.contains($0) })
    }

    /// Checks a checkout of the governance repository against the manifest's
    /// `inputs`: that the site was built from exactly these files.
    ///
    /// `extra` lists the files a build would read (INPUT.md: `dossier.yaml`,
    /// `waivers.yaml`, files in `agents/`, files under `audit/`, `.md` pages
    /// under `docs/`; hidden names ignored, as the loader does) that the manifest
    /// does not list. Inputs under `templates/` came from `--templates`: they
    /// are checked against `templates` when given, and skipped otherwise. A
    /// symbolic link inside the repository is followed, as the loader follows
    /// it; one that leads out of it counts as missing.
    package func verifyInputs(repository: URL, templates: URL? = nil) throws(VerificationError) -> Verification {
        let manifest = try readManifest()
        let repository = repository.standardizedFileURL
        try FileTree.requireFolder(repository, name: "repository")
        let fromTemplates = manifest.inputs.filter { $0.path.hasPrefix("templates/") }
        let fromRepository = manifest.inputs.filter { !$0.path.hasPrefix("templates/") }
        var statuses = try FileTree.check(fromRepository, in: repository) { path in
            FileTree.followedEntry(path, in: repository)
        }
        if let templates = templates?.standardizedFileURL {
            try FileTree.requireFolder(templates, name: "templates")
            let relative = fromTemplates.map { FileDigest(path: String($0.path.dropFirst("templates/".count)), sha256: $0.sha256, bytes: $0.bytes) }
            statuses += try FileTree.check(relative, in: templates) { path in FileTree.followedEntry(path, in: templates) }
                .map { ("templates/\($0.path)", $0.status) }
        }
        let listed = Set(manifest.inputs.map(\.path))
        let extra = try FileTree.inputFiles(of: repository).filter { !listed.contains($0) }
        return Verification(manifest: manifest, statuses: statuses, extra: extra)
    }

    /// Reads and validates `SITE/manifest.json`.
    private func readManifest() throws(VerificationError) -> Manifest.Contents {
        try FileTree.requireFolder(site, name: "site")
        let url = site.appendingPathComponent("manifest.json")
        let invalid = { (message: String) in
            VerificationError.invalidManifest([Diagnostic(at: SourceLocation(file: url.path), message)])
        }
        switch try FileTree.entry(atPath: url.path) {
        case nil: throw invalid("no such file: the folder is not a site written by dossier build")
        case .file?: break
        case .symlink?: throw invalid("is a symbolic link, not the manifest the build wrote")
        case .directory?, .other?: throw invalid("is not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .unreadable(InputOutputError(path: url.path, reason: "cannot read the file"))
        }
        let (contents, diagnostics) = Manifest.read([UInt8](data), file: url.path)
        guard let contents else { throw .invalidManifest(diagnostics) }
        return contents
    }
}

private extension Verification {
    init(manifest: Manifest.Contents, statuses: [(path: String, status: FileTree.Status)], extra: [String]) {
        func paths(_ status: FileTree.Status) -> [String] {
            statuses.filter { $0.status == status }.map(\.path).sorted(by: ByteOrder.less)
        }
        self.init(manifest: manifest, changed: paths(.changed), missing: paths(.missing),
                  extra: extra.sorted(by: ByteOrder.less), checked: statuses.count)
    }
}

/// The file system side of verification: listing, classifying and hashing.
private enum FileTree {
    /// An entry as `lstat` sees it (links not followed).
    enum Entry: Sendable, Equatable {
        case file(bytes: Int)
        case directory
        case symlink
        /// A FIFO, socket or device: a file to account for, never to open.
        case other
    }

    enum Status: Sendable, Equatable {
        case intact, changed, missing
    }

    /// The entry at `path` without following a final symbolic link; `nil` if there is none.
    static func entry(atPath path: String) throws(VerificationError) -> Entry? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .unreadable(InputOutputError(path: path, reason: String(cString: strerror(errno))))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(bytes: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    static func requireFolder(_ url: URL, name: String) throws(VerificationError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .unreadable(InputOutputError(path: url.path, reason: "no such \(name) folder"))
        }
        guard isDirectory.boolValue else { throw .unreadable(InputOutputError(path: url.path, reason: "not a folder")) }
    }

    /// Every entry under `root` that is not a folder, by relative path, hidden
    /// ones included; symbolic links are listed, not followed.
    static func scan(_ root: URL) throws(VerificationError) -> [String: Entry] {
        let entries: [FolderWalker.Entry]
        do {
            entries = try FolderWalker(hidden: true).entries(under: root)
        } catch {
            throw .unreadable(error)
        }
        var result: [String: Entry] = [:]
        for entry in entries {
            switch entry.kind {
            case let .file(bytes): result[entry.path] = .file(bytes: bytes)
            case .link: result[entry.path] = .symlink
            case .other: result[entry.path] = .other
            case .folder: break
            }
        }
        return result
    }

    /// The entry at a repository path, following symbolic links that stay inside
    /// `root` as the loader does; `nil` for one that leads out of it.
    static func followedEntry(_ path: String, in root: URL) -> Entry? {
        guard EvidencePath.exists(path, in: root) else { return nil }
        var info = stat()
        guard stat(root.appendingPathComponent(path).path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(bytes: Int(info.st_size))
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Compares each listed file with what `entry` finds, hashing on all cores
    /// (in blocks, so that large files are never held whole). A size that
    /// differs is a change without reading the file.
    static func check(_ listed: [FileDigest], in root: URL,
                      entry: @escaping @Sendable (String) -> Entry?) throws(VerificationError) -> [(path: String, status: Status)] {
        do {
            return try Parallel.map(listed) { (digest) throws(InputOutputError) in
                switch entry(digest.path) {
                case nil, .directory?:
                    return (digest.path, .missing)
                case .symlink?, .other?:
                    return (digest.path, .changed)
                case let .file(bytes)?:
                    guard bytes == digest.bytes else { return (digest.path, .changed) }
                    let url = root.appendingPathComponent(digest.path)
                    guard let (hex, read) = Digest.sha256(fileAt: url) else {
                        throw InputOutputError(path: url.path, reason: "cannot read the file")
                    }
                    return (digest.path, hex == digest.sha256 && read == digest.bytes ? .intact : .changed)
                }
            }
        } catch {
            throw .unreadable(error)
        }
    }

    /// The files of a repository that a build reads (INPUT.md's layout), by relative path: the loader's
    /// folders listed by the same `FolderWalker` rules, each entry followed as the loader follows it.
    static func inputFiles(of root: URL) throws(VerificationError) -> [String] {
        var result = ["dossier.yaml", "waivers.yaml"].filter { followedEntry($0, in: root) != nil }
        do {
            let walker = FolderWalker()
            let agents = try FolderWalker(recursive: false).entries(under: root, "agents").map(\.path)
            let audit = try walker.entries(under: root, "audit").map(\.path)
            let docs = try walker.entries(under: root, "docs").map(\.path).filter { $0.hasSuffix(".md") }
            for path in agents + audit + docs where isFile(followedEntry(path, in: root)) { result.append(path) }
        } catch {
            throw .unreadable(error)
        }
        return result
    }

    private static func isFile(_ entry: Entry?) -> Bool {
        if case .file? = entry { return true }
        return entry == .other
    }
}
