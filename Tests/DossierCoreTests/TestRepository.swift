import DossierSupport
import DossierModel
import DossierAudit
import DossierLoad
import DossierScore
import DossierCompare
import DossierRender
import DossierSite
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
        try RepositoryLoader(root: root, rules: .standard, releaseOverride: release).load()
    }

    /// Loads and scores through the library's pipeline, on `asOf` unless dossier.yaml sets `as_of`.
    func score(asOf: String = "2026-11-24") throws -> Report {
        let seconds = Int64(CalendarDate(asOf)!.daysSinceEpoch) * 86_400
        let pipeline = Pipeline(environment: ["SOURCE_DATE_EPOCH": String(seconds)])
        return try pipeline.score(pipeline.load(Pipeline.Source(root: root)))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static let config = "organization: Test Org\nrelease: \"1\"\n"
}
