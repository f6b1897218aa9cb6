import Foundation

/// Every file of a folder, by relative path, with its bytes.
enum SiteFiles {
    static func read(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path)
        for path in paths {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: url) }
        }
        return files
    }

    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(name)-\(UUID().uuidString)")
    }

    /// Every HTML page's text.
    static func pages(_ root: URL) throws -> [String: String] {
        try read(root).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}
