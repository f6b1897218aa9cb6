/// Links a source (`file:line`) to its line at the commit, from dossier.yaml's `source_url`
/// template (INPUT.md): `{path}` (relative to the governance repository, percent-encoded per
/// segment), `{line}` and `{commit}` are replaced. No link is made when the template needs a
/// commit and none is known, or needs a line and the source has none (a raw log, a whole file);
/// the link of a `.gz` log never carries a line.
public struct SourceLink: Sendable, Equatable {
    public let template: String
    public let commit: String?

    public init(template: String, commit: String?) {
        self.template = template
        self.commit = commit
    }

    /// Whether any source can be linked at all.
    public var isEnabled: Bool { !template.isEmpty && (commit != nil || !template.contains("{commit}")) }

    /// The link to `location` (its file, and its line unless the file is gzip-compressed), or `nil`.
    public func url(for location: SourceLocation) -> String? {
        url(path: location.file, line: location.file.hasSuffix(".gz") ? nil : location.line)
    }

    /// The link to `path` at `line`, or `nil` when the template cannot be filled.
    public func url(path: String, line: Int?) -> String? {
        guard isEnabled else { return nil }
        if template.contains("{line}") && line == nil { return nil }
        var url = template.replacingOccurrences(of: "{path}", with: Self.encode(path))
        if let line { url = url.replacingOccurrences(of: "{line}", with: String(line)) }
        if let commit { url = url.replacingOccurrences(of: "{commit}", with: commit) }
        return url
    }

    /// Percent-encodes each segment of a path (RFC 3986 unreserved characters kept), keeping `/`.
    public static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (byte < 16 ? "0" + hex : hex)
            }
        }
        return out
    }
}
