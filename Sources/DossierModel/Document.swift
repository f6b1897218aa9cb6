import DossierSupport

/// A free page under `docs/` (CommonMark).
public struct Document: Sendable {
    /// Repository path, `docs/…/name.md`.
    public let path: String
    public let source: String

    public init(path: String, source: String) {
        self.path = path
        self.source = source
    }
}

/// An input file read, for the manifest.
public struct FileDigest: Sendable, Equatable {
    public let path: String
    /// Lowercase hex SHA-256.
    public let sha256: String
    public let bytes: Int

    public init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}
