@testable import DossierSupport
import Foundation
import Synchronization
import Testing

/// The repository walker: one set of rules for order, hidden names, links and limits.
struct FolderWalkerTests {
    /// A tree with hidden files and folders, a linked folder, a linked file and a dangling link.
    private static func tree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walker-\(UUID().uuidString)")
        let fm = FileManager.default
        for folder in ["a/b", ".hidden", "outside", "Z"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["a/b/c.txt", "a/x.txt", ".hidden/secret.txt", "a/.dot.txt", "outside/o.txt", "Z/z.txt", "é.txt", "e.txt"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/linked").path, withDestinationPath: "../outside")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/file-link.txt").path, withDestinationPath: "x.txt")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/dangling").path, withDestinationPath: "nowhere")
        return root
    }

    @Test func visibleFilesInByteOrderWithoutEnteringLinks() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let entries = try FolderWalker().entries(under: root)
        #expect(entries.map(\.path) == ["Z/z.txt", "a/b/c.txt", "a/dangling", "a/file-link.txt", "a/linked", "a/x.txt",
                                        "e.txt", "outside/o.txt", "é.txt"])
        #expect(entries.first { $0.path == "a/linked" }?.kind == .link(toFolder: true))
        #expect(entries.first { $0.path == "a/file-link.txt" }?.isFileLike == true)
        #expect(entries.first { $0.path == "a/linked" }?.isFileLike == false)
        #expect(entries.first { $0.path == "a/x.txt" }?.kind == .file(bytes: 1))
    }

    @Test func hiddenNamesOnlyWhenAsked() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let paths = try FolderWalker(hidden: true).entries(under: root).map(\.path)
        #expect(paths.contains(".hidden/secret.txt"))
        #expect(paths.contains("a/.dot.txt"))
        #expect(!(try FolderWalker().entries(under: root).map(\.path)).contains { $0.contains("/.") || $0.hasPrefix(".") })
    }

    @Test func oneLevelWithFoldersAndALinkedStart() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let top = try FolderWalker(recursive: false, folders: true).entries(under: root, "a")
        #expect(top.map(\.path) == ["a/b", "a/dangling", "a/file-link.txt", "a/linked", "a/x.txt"])
        #expect(top.first?.kind == .folder)
        // The folder the caller names may itself be a link; the walk then lists what it leads to.
        let linked = try FolderWalker().entries(under: root, "a/linked").map(\.path)
        #expect(linked == ["a/linked/o.txt"])
        #expect(try FolderWalker().entries(under: root, "missing").isEmpty)
        #expect(try FolderWalker().entries(under: root, "e.txt").isEmpty)
    }

    @Test func theLimitBoundsTheListing() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try FolderWalker(limit: 3).entries(under: root).count == 3)
    }
}

/// The concurrency helper: order kept, every index once, the first error stops the work.
struct ParallelTests {
    struct Stop: Error, Equatable { let index: Int }

    @Test func mapKeepsTheOrder() throws {
        let items = Array(0..<1_000)
        #expect(try Parallel.map(items, workers: 4) { $0 * 2 } == items.map { $0 * 2 })
        #expect(try Parallel.map([Int](), workers: 4) { $0 }.isEmpty)
    }

    @Test func everyIndexOnceOverTheWorkers() throws {
        let seen = Mutex([Int](repeating: 0, count: 500))
        let perWorker = try Parallel.run(count: 500, workers: 3) { (_, next) -> Int in
            var count = 0
            while let index = next() {
                seen.withLock { $0[index] += 1 }
                count += 1
            }
            return count
        }
        #expect(perWorker.count == 3)
        #expect(perWorker.reduce(0, +) == 500)
        #expect(seen.withLock { $0 } == [Int](repeating: 1, count: 500))
    }

    @Test func theFirstErrorStopsTheWork() {
        let done = Mutex(0)
        #expect(throws: Stop.self) {
            try Parallel.forEach(count: 10_000, workers: 2) { (index) throws(Stop) in
                if index == 10 { throw Stop(index: index) }
                done.withLock { $0 += 1 }
            }
        }
        #expect(done.withLock { $0 } < 10_000)
    }
}
