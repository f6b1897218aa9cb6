import DossierCore
import Foundation

/// A governance repository written to a temporary folder for one test.
struct TestRepository {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-core-\(UUID().uuidString)")
        for (path, content) in files {
            try write(path, Data(content.utf8))
        }
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func load(release: String? = nil) throws -> LoadResult {
        try RepositoryLoader(root: root, releaseOverride: release).load()
    }

    func score(asOf: String = "2026-11-24") throws -> Report {
        let result = try load()
        guard let repository = result.repository else {
            throw Failure(diagnostics: result.diagnostics.map(\.description))
        }
        return Scorer(asOf: CalendarDate(asOf)!, release: repository.config.release ?? "test").score(repository)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    struct Failure: Error { let diagnostics: [String] }

    static let config = "organization: Test Org\nrelease: \"1\"\n"
}
