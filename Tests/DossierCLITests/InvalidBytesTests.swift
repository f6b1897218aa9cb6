import Foundation
import Testing

/// Record files must be UTF-8 text. A txtar archive is itself UTF-8 text and cannot
/// carry a bad byte, so these repositories are written byte for byte.
struct InvalidBytesTests {
    /// Writes a repository whose `agents/a.yaml` has `bad` in the middle of line 3.
    private func repository(withLine3 bad: [UInt8]) throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("agents"), withIntermediateDirectories: true)
        try Data("organization: Test Org\nrelease: \"1\"\n".utf8).write(to: root.appendingPathComponent("dossier.yaml"))
        // Line 3 is `  level: low # x<bad>y`: the bad bytes sit in a comment, so only the encoding is wrong.
        let agent = Data("name: A\nrisk:\n  level: low # x".utf8) + Data(bad) + Data("y\nowner: a@example.com\n".utf8)
        try agent.write(to: root.appendingPathComponent("agents/a.yaml"))
        return root
    }

    @Test("an invalid UTF-8 byte is an error at its line", arguments: [[0xFF], [0xC3, 0x28]] as [[UInt8]])
    func invalidUTF8(_ bad: [UInt8]) throws {
        let root = try repository(withLine3: bad)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try DossierRunner.run(["check", root.path])
        #expect(result.exitCode == 65, "stderr:\n\(result.stderr)")
        #expect(result.stdout.isEmpty, "stdout:\n\(result.stdout)")
        #expect(result.stderrLines.contains { $0.hasPrefix("agents/a.yaml:3:") }, "stderr:\n\(result.stderr)")
    }

    @Test func nulByteIsAnErrorAtItsLine() throws {
        let root = try repository(withLine3: [0x00])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try DossierRunner.run(["check", root.path])
        #expect(result.exitCode == 65, "stderr:\n\(result.stderr)")
        #expect(result.stdout.isEmpty, "stdout:\n\(result.stdout)")
        #expect(result.stderrLines.contains { $0.hasPrefix("agents/a.yaml:3:") }, "stderr:\n\(result.stderr)")
    }
}
