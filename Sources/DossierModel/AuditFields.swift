import DossierSupport

/// `audit_fields:` in dossier.yaml and `dossier summarize --fields FILE` (INPUT.md): where each key
/// of a raw audit event is found in logs of another shape, as a JSON Pointer (RFC 6901) into each
/// line. Unmapped keys keep their place; an unmapped `amount` is read from `tool_args` and an
/// unmapped `approval_status` from `metadata`, wherever those are mapped.
public struct AuditFields: Sendable, Equatable {
    /// The keys that may be mapped: those of the raw event table, and `amount` (`tool_args.amount`)
    /// and `approval_status` (`metadata.approval_status`).
    package static let keys = ["event_id", "timestamp", "agent_name", "agent_version", "session_id", "user_id", "action",
                               "tool_name", "tool_args", "tool_result", "policy_checks", "allowed", "duration_ms", "model",
                               "input_tokens", "output_tokens", "metadata", "amount", "approval_status"]

    /// The mapped keys' reference tokens, decoded (`~1` is `/`, `~0` is `~`).
    package private(set) var pointers: [String: [String]] = [:]

    package init() {}

    package var isEmpty: Bool { pointers.isEmpty }

    /// The reference tokens of an RFC 6901 pointer (`""` is the whole line: no tokens), or `nil`
    /// when it is not one: it must start with `/`, and `~` must be followed by `0` or `1`.
    package static func tokens(_ pointer: String) -> [String]? {
        guard !pointer.isEmpty else { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var tilde = false
            for character in raw {
                if tilde {
                    guard character == "0" || character == "1" else { return nil }
                    token.append(character == "0" ? "~" : "/")
                    tilde = false
                } else if character == "~" {
                    tilde = true
                } else {
                    token.append(character)
                }
            }
            guard !tilde else { return nil }
            tokens.append(token)
        }
        return tokens
    }

    /// Maps `key` to `pointer`; the problem in a sentence when it cannot be.
    package mutating func map(_ key: String, to pointer: String) -> String? {
        guard Self.keys.contains(key) else { return "unknown event key" }
        guard let tokens = Self.tokens(pointer) else {
            return "'\(TextRules.displayable(pointer))' is not a JSON Pointer (RFC 6901: empty, or '/' followed by tokens, with '~0' for '~' and '~1' for '/')"
        }
        guard !tokens.isEmpty else { return "the pointer '' is the whole line, not a key of it" }
        pointers[key] = tokens
        return nil
    }

    /// The keys the scanner reads (the summaries' keys, and `event_id` for example events), and the
    /// path each is found at.
    package var readPaths: [(key: String, path: [String])] {
        func path(_ key: String) -> [String] { pointers[key] ?? [key] }
        let read = ["event_id", "agent_name", "timestamp", "action", "allowed", "tool_name", "policy_checks", "duration_ms",
                    "input_tokens", "output_tokens"]
        return read.map { ($0, path($0)) }
            + [("amount", pointers["amount"] ?? path("tool_args") + ["amount"]),
               ("approval_status", pointers["approval_status"] ?? path("metadata") + ["approval_status"])]
    }

    /// Problems of the mapping as a whole: two keys read at one place, or one read inside another.
    package var conflicts: [String] {
        let paths = readPaths
        var problems: [String] = []
        for (i, a) in paths.enumerated() {
            for b in paths[(i + 1)...] {
                if a.path == b.path {
                    problems.append("\(a.key) and \(b.key) are read at the same place, \(Self.pointer(a.path))")
                } else if a.path.starts(with: b.path) || b.path.starts(with: a.path) {
                    let (outer, inner) = a.path.count < b.path.count ? (a, b) : (b, a)
                    problems.append("\(inner.key) (\(Self.pointer(inner.path))) is inside \(outer.key) (\(Self.pointer(outer.path)))")
                }
            }
        }
        return problems
    }

    /// A path written back as a pointer.
    package static func pointer(_ path: [String]) -> String {
        path.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }
}
