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

/// Builds the site into a temporary folder beside `--out` and swaps it in only
/// when everything succeeded: a failed or interrupted build leaves the previous
/// site exactly as it was, and the new site holds nothing the build did not write.
package struct SiteWriter: Sendable {
    package let output: URL

    package init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// The repository's inputs (INPUT.md): an `--out` inside one of them is refused.
    static let inputs = ["agents", "audit", "docs", "dossier.yaml", "waivers.yaml", "incidents.yaml"]

    /// Why an output folder is refused (a usage error, exit 64), or nil when it is fine (OUTPUT.md).
    ///
    /// A folder inside the repository is fine unless it is inside one of its inputs: `dossier build`
    /// at the repository's root writes `site/` there. Because the swap removes whatever the build did
    /// not write, a folder that is not empty and holds no manifest of a previous build is refused (a
    /// mistyped `--out` must never wipe a folder), and so is one that is, contains or lies inside
    /// another path the build reads (`others`: `--templates`, `--history`, `--compare-to`).
    package static func refusal(output: URL, repository: URL, others: [(option: String, path: URL)] = []) -> String? {
        let out = canonical(output)
        let repo = canonical(repository)
        if out == "/" { return "--out cannot be the root folder /" }
        if out == repo { return "--out cannot be the repository itself" }
        if isInside(repo, out) { return "--out cannot contain the repository" }
        if isInside(out, repo) {
            let first = String(out.dropFirst(repo.count).drop { $0 == "/" }.prefix { $0 != "/" })
            if inputs.contains(first) {
                return "--out cannot be inside the repository's input \(first)\(first.contains(".") ? "" : "/") (the build reads it)"
            }
        }
        for (option, path) in others {
            let other = canonical(path)
            if other == out { return "--out cannot be the \(option) path" }
            if isInside(other, out) { return "--out cannot contain the \(option) path" }
            if isInside(out, other) { return "--out cannot be inside the \(option) path" }
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) {
            guard isFolder.boolValue else { return "--out is a file, not a folder" }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty && !holdsPreviousBuild(URL(fileURLWithPath: out)) {
                return "--out is a folder that is not empty and holds no manifest.json of a previous build; "
                    + "the build replaces the whole folder, so choose a new or empty folder, or remove this one first"
            }
        }
        return nil
    }

    /// Whether `path` lies strictly inside `folder` (both canonical).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Whether `folder` holds a `manifest.json` that a build wrote (schema `dossier.manifest/v1`).
    static func holdsPreviousBuild(_ folder: URL) -> Bool {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")) else { return false }
        return Manifest.read(Array(data), file: "manifest.json").0 != nil
    }

    /// The real path of a folder, resolving symlinks of the part that exists.
    static func canonical(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var base = existing.resolvingSymlinksInPath().path
        for part in rest { base = (base as NSString).appendingPathComponent(part) }
        return base
    }

    /// Runs `build` on a fresh temporary folder, writes `manifest.json`, then swaps the folder in.
    package func write(release: String, asOf: CalendarDate, commit: String? = nil, inputs: [FileDigest],
                      build: (URL) throws -> [FileDigest]) throws -> [FileDigest] {
        try write(release: release, asOf: asOf, commit: commit, inputs: inputs) { folder, _ in try build(folder) }
    }

    /// Like `write(release:asOf:inputs:build:)`, handing `build` the site already in the
    /// output folder when this version built it, so that unchanged pages can be linked from it.
    package func write(release: String, asOf: CalendarDate, commit: String? = nil, inputs: [FileDigest],
                      build: (URL, PreviousSite?) throws -> [FileDigest]) throws -> [FileDigest] {
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw InputOutputError(path: parent.path, reason: "cannot create the output folder\(InputOutputError.cause(error))")
        }
        removeStaleTemporaryFolders(in: parent)
        let temporary = parent.appendingPathComponent(".\(output.lastPathComponent).dossier-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw InputOutputError(path: output.path, reason: "cannot create the temporary folder beside it\(InputOutputError.cause(error))")
        }
        do {
            var outputs = try build(temporary, PreviousSite.open(output))
            let manifest = Manifest.render(release: release, asOf: asOf, commit: commit, inputs: inputs, outputs: outputs)
            let data = Data(manifest.utf8)
            do {
                try data.write(to: temporary.appendingPathComponent("manifest.json"))
            } catch {
                throw InputOutputError(path: output.appendingPathComponent("manifest.json").path,
                                       reason: "cannot write the file\(InputOutputError.cause(error))")
            }
            outputs.append(FileDigest(path: "manifest.json", sha256: Digest.sha256(data), bytes: data.count))
            try swap(temporary)
            return outputs
        } catch let error as InputOutputError where error.path.hasPrefix(temporary.path + "/") {
            // Named by where it was going to be: the temporary folder is gone.
            try? FileManager.default.removeItem(at: temporary)
            throw InputOutputError(path: output.path + error.path.dropFirst(temporary.path.count), reason: error.reason)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Puts `temporary` in place of the output folder; the old site is removed only afterwards.
    private func swap(_ temporary: URL) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw InputOutputError(path: output.path, reason: "exists and is not a folder")
        }
        if !exists {
            guard rename(temporary.path, output.path) == 0 else {
                throw InputOutputError(path: output.path, reason: "cannot move the new site in place (\(String(cString: strerror(errno))))")
            }
            return
        }
        // Atomic exchange: at every moment the output folder is either the old or the new site.
        let exchanged = dossier_exchange_paths(temporary.path, output.path) == 0
        if exchanged {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        let old = temporary.deletingLastPathComponent().appendingPathComponent(temporary.lastPathComponent + "-old")
        guard rename(output.path, old.path) == 0 else {
            throw InputOutputError(path: output.path, reason: "cannot replace the old site (\(String(cString: strerror(errno))))")
        }
        guard rename(temporary.path, output.path) == 0 else {
            _ = rename(old.path, output.path)
            throw InputOutputError(path: output.path, reason: "cannot move the new site in place (\(String(cString: strerror(errno))))")
        }
        try? FileManager.default.removeItem(at: old)
    }

    /// Temporary folders of earlier builds of this output whose process is gone (killed or crashed).
    private func removeStaleTemporaryFolders(in parent: URL) {
        let prefix = ".\(output.lastPathComponent).dossier-tmp-"
        guard let entries = try? FolderWalker(hidden: true, recursive: false, folders: true).entries(under: parent) else { return }
        for name in entries.map(\.path) where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
            if let pid, pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

/// `manifest.json`: `dossier.manifest/v1`.
package enum Manifest {
    package static let schema = "dossier.manifest/v1"

    package static func render(release: String, asOf: CalendarDate, commit: String? = nil, inputs: [FileDigest],
                               outputs: [FileDigest]) -> String {
        func list(_ files: [FileDigest]) -> JSONValue {
            .array(files.sorted { ByteOrder.less($0.path, $1.path) }.map {
                .object([("path", .string($0.path)), ("sha256", .string($0.sha256)), ("bytes", .int($0.bytes))])
            })
        }
        return JSONValue.object([
            ("schema", .string(schema)),
            ("generator", .string(DossierVersion.generator)),
            ("release", .string(release)),
            ("as_of", .string(asOf.description)),
            ("commit", .optional(commit)),
            ("inputs", list(inputs)),
            ("outputs", list(outputs.filter { $0.path != "manifest.json" })),
        ]).rendered()
    }
}
