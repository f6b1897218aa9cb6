import DossierCore
@testable import DossierLoad
import Foundation
import Testing

/// Where the commit of `source_url` links comes from (INPUT.md): the flag, CI variables, then `.git`.
struct CommitResolverTests {
    static let a = String(repeating: "a", count: 40)
    static let b = String(repeating: "b", count: 40)
    static let c = String(repeating: "c", count: 40)

    /// A folder with the given files (relative path → contents).
    private static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("commit-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    @Test func theFlagWinsThenGitHubThenGitLab() throws {
        let root = try Self.folder([".git/HEAD": "\(Self.c)\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let both = ["GITHUB_SHA": Self.a, "CI_COMMIT_SHA": Self.b]
        #expect(CommitResolver.resolve(flag: "1234abcd", environment: both, repository: root) == "1234abcd")
        #expect(CommitResolver.resolve(flag: nil, environment: both, repository: root) == Self.a)
        #expect(CommitResolver.resolve(flag: nil, environment: ["CI_COMMIT_SHA": Self.b], repository: root) == Self.b)
        #expect(CommitResolver.resolve(flag: nil, environment: ["GITHUB_SHA": "", "CI_COMMIT_SHA": Self.b], repository: root) == Self.b,
                "an empty variable counts as unset")
        #expect(CommitResolver.resolve(flag: nil, environment: [:], repository: root) == Self.c, "a detached HEAD")
    }

    @Test func aLooseRefIsReadBeforePackedRefs() throws {
        let root = try Self.folder([
            ".git/HEAD": "ref: refs/heads/main\n",
            ".git/refs/heads/main": "\(Self.a)\n",
            ".git/packed-refs": "# pack-refs with: peeled fully-peeled sorted\n\(Self.b) refs/heads/main\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(CommitResolver.fromGit(above: root) == Self.a)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".git/refs/heads/main"))
        #expect(CommitResolver.fromGit(above: root) == Self.b, "a packed ref")
    }

    @Test func packedRefsSkipPeeledLinesAndOtherRefs() throws {
        let root = try Self.folder([
            ".git/HEAD": "ref: refs/heads/release\n",
            ".git/packed-refs": "\(Self.a) refs/heads/main\n\(Self.b) refs/tags/v1\n^\(Self.c)\n\(Self.c) refs/heads/release\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(CommitResolver.fromGit(above: root) == Self.c)
    }

    @Test func aGovernanceFolderInsideALargerRepository() throws {
        let root = try Self.folder([".git/HEAD": "ref: refs/heads/main\n", ".git/refs/heads/main": Self.a, "governance/dossier.yaml": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(CommitResolver.fromGit(above: root.appendingPathComponent("governance")) == Self.a)
    }

    @Test func aGitFileOfAWorktreeWithItsCommonDirectory() throws {
        let root = try Self.folder([
            "main/.git/refs/heads/feature": "\(Self.b)\n",
            "main/.git/worktrees/wt/HEAD": "ref: refs/heads/feature\n",
            "main/.git/worktrees/wt/commondir": "../..\n",
            "wt/.git": "gitdir: ../main/.git/worktrees/wt\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(CommitResolver.fromGit(above: root.appendingPathComponent("wt")) == Self.b)
    }

    @Test func nothingToSay() throws {
        let root = try Self.folder([".git/HEAD": "ref: refs/heads/unborn\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(CommitResolver.fromGit(above: root) == nil, "a branch with no commit yet")
        #expect(CommitResolver.resolve(flag: nil, environment: ["GITHUB_SHA": "not a sha"], repository: root) == nil)
        #expect(Pipeline.commit("ABCDEF12") == "abcdef12")
        #expect(Pipeline.commit("xyz") == nil)
        #expect(Pipeline.commit("abc") == nil, "too short")
    }
}
