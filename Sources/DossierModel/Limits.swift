import DossierSupport
import Foundation

/// The limits on inputs, stated in the README ("Limits and guarantees"). Each keeps
/// a hostile or mistaken repository from exhausting memory or time; going over one
/// is an error naming the file (exit 65), never a crash or a half-written site.
package enum Limits {
    /// A record file: `dossier.yaml`, an agent file, an audit summary, `waivers.yaml` (INPUT.md).
    package static let recordFileBytes = 16 * 1024 * 1024
    /// Agent files in `agents/`. Memory grows with the number of agents (about 30 KB
    /// each for `check`, 65 KB for `build`), so this keeps a build under 1 GiB.
    package static let agentFiles = 10_000
    /// One Markdown text: a page under `docs/`, or an agent's `description`. cmark
    /// needs up to about 200 bytes of memory per byte of hostile Markdown.
    package static let markdownBytes = 1024 * 1024
    /// All pages under `docs/` together (they are held in memory while the site is built).
    package static let docsBytes = 64 * 1024 * 1024
    /// Nested maps and lists in a record file (libyaml's own default limit).
    package static let nesting = 1000
    /// Values a record file may expand to through YAML aliases.
    package static let expandedValues = 1_000_000
    /// A raw audit log line; a longer line is counted malformed without being read into memory.
    package static let auditLineBytes = 64 * 1024 * 1024
    /// Nested objects and arrays in one raw audit event.
    package static let eventNesting = 512
    /// Characters of an example event's `event_id` a finding's message names; a longer id is cut.
    package static let exampleEventIDCharacters = 200

    /// Markdown source bytes parsed at once, over all threads (a text larger than this runs alone).
    static let markdownBytesInFlight = 2 * 1024 * 1024
    /// Record file bytes parsed at once, over all threads (so that many cores don't multiply the worst case).
    static let recordBytesInFlight = 32 * 1024 * 1024

    package static let markdownGate = Parallel.ByteGate(capacity: markdownBytesInFlight)
    package static let recordGate = Parallel.ByteGate(capacity: recordBytesInFlight)

    /// "16 MiB", "1 MiB", "64 MiB".
    package static func mebibytes(_ bytes: Int) -> String { "\(bytes / 1024 / 1024) MiB" }
}
