import DossierSupport
import DossierModel
import DossierAudit

/// Reads `audit/<id>.json` into an `AuditSummary` and checks that its counts add up.
struct AuditSummaryReader {
    static let topKeys = ["agent", "period_start", "period_end", "events", "allowed", "blocked", "actions", "tools",
                          "policy_violations", "approvals", "input_tokens", "output_tokens", "duration_ms",
                          "malformed_lines"]
    static let actionKeys = ["total", "blocked", "max_amount", "max_blocked_amount"]
    static let violationKeys = ["count", "severity"]
    static let approvalKeys = ["approved", "rejected", "timeout"]
    static let durationKeys = ["p50", "p95", "max"]

    let reader: RecordReader
    /// The file's stem.
    let id: String
    let knownAgents: Set<String>

    func read(_ root: DocumentNode?) -> AuditSummary? {
        let errorsBefore = reader.log.errorCount
        guard let root else {
            for key in ["agent", "events", "allowed", "blocked"] {
                reader.log.error(reader.location(1, 1), key, "missing required key (the file is empty)")
            }
            return nil
        }
        guard let top = reader.fields(root, path: "", known: Self.topKeys) else { return nil }
        var sources = SourceMap(file: reader.file)
        for key in Self.topKeys { reader.record(key, of: top, into: &sources) }

        func required(_ key: String) -> DocumentNode? {
            if let node = top.node(key) { return node }
            reader.missing(key, in: top)
            return nil
        }
        if let node = required("agent"), let agent = reader.string(node, path: "agent") {
            if agent != id {
                reader.error(node, "agent", "must equal the file name '\(id)', found '\(agent)'")
            } else if !knownAgents.contains(agent) {
                reader.error(node, "agent", "no agent '\(agent)' in agents/ (renamed or removed agent?)")
            }
        }
        let events = required("events").flatMap { reader.count($0, path: "events") }
        let allowed = required("allowed").flatMap { reader.count($0, path: "allowed") }
        let blocked = required("blocked").flatMap { reader.count($0, path: "blocked") }
        var summary = AuditSummary(agent: id, file: reader.file, events: events ?? 0, allowed: allowed ?? 0, blocked: blocked ?? 0)
        summary.periodStart = top.node("period_start").flatMap { timestamp($0, path: "period_start") }
        summary.periodEnd = top.node("period_end").flatMap { timestamp($0, path: "period_end") }
        if let events, let allowed, let blocked, let eventsNode = top.node("events") {
            let (sum, overflow) = allowed.addingReportingOverflow(blocked)
            if overflow || sum != events {
                reader.error(eventsNode, "events", "allowed + blocked = \(allowed) + \(blocked) does not equal events = \(events)")
            }
        }
        if let node = top.node("actions") {
            let errorsBeforeActions = reader.log.errorCount
            summary.actions = readActions(node, sources: &sources)
            if let events, let blocked, reader.log.errorCount == errorsBeforeActions {
                checkActionSums(summary.actions, events: events, blocked: blocked, at: node)
            }
        }
        if let node = top.node("tools"), let entries = reader.freeEntries(node, path: "tools") {
            for entry in entries {
                if let count = reader.count(entry.value, path: "tools.\(entry.key.text)") { summary.tools[entry.key.text] = count }
            }
        }
        if let node = top.node("policy_violations") {
            summary.policyViolations = readViolations(node, sources: &sources)
        }
        if let node = top.node("approvals"), let map = reader.fields(node, path: "approvals", known: Self.approvalKeys) {
            for key in Self.approvalKeys { reader.record(key, of: map, into: &sources) }
            summary.approvals.approved = map.node("approved").flatMap { reader.count($0, path: "approvals.approved") } ?? 0
            summary.approvals.rejected = map.node("rejected").flatMap { reader.count($0, path: "approvals.rejected") } ?? 0
            summary.approvals.timeout = map.node("timeout").flatMap { reader.count($0, path: "approvals.timeout") } ?? 0
        }
        summary.inputTokens = top.node("input_tokens").flatMap { reader.count($0, path: "input_tokens") } ?? 0
        summary.outputTokens = top.node("output_tokens").flatMap { reader.count($0, path: "output_tokens") } ?? 0
        if let node = top.node("duration_ms"), let map = reader.fields(node, path: "duration_ms", known: Self.durationKeys) {
            func value(_ key: String) -> ExactDecimal {
                map.node(key).flatMap { reader.number($0, path: "duration_ms.\(key)") } ?? .zero
            }
            summary.durationMs = AuditSummary.Durations(p50: value("p50"), p95: value("p95"), max: value("max"))
        }
        summary.malformedLines = top.node("malformed_lines").flatMap { reader.count($0, path: "malformed_lines") } ?? 0
        summary.sources = sources
        return reader.log.errorCount == errorsBefore ? summary : nil
    }

    private func readActions(_ node: DocumentNode, sources: inout SourceMap) -> [String: AuditSummary.ActionStats] {
        guard let entries = reader.freeEntries(node, path: "actions") else { return [:] }
        var result: [String: AuditSummary.ActionStats] = [:]
        for entry in entries {
            let path = "actions.\(entry.key.text)"
            sources[KeyPathPool.shared.intern(path)] = reader.location(entry.key.line, entry.key.column)
            guard let map = reader.fields(entry.value, path: path, known: Self.actionKeys) else { continue }
            let total = map.node("total").flatMap { reader.count($0, path: "\(path).total") } ?? 0
            let blocked = map.node("blocked").flatMap { reader.count($0, path: "\(path).blocked") } ?? 0
            // Any finite number: a log's largest amount may be negative (refunds), as `summarize` writes it.
            let maxAmount = map.node("max_amount").flatMap { reader.number($0, path: "\(path).max_amount", allowNegative: true) }
            let maxBlockedAmount = map.node("max_blocked_amount").flatMap {
                reader.number($0, path: "\(path).max_blocked_amount", allowNegative: true)
            }
            if blocked > total, let blockedNode = map.node("blocked") {
                reader.error(blockedNode, "\(path).blocked", "blocked (\(blocked)) exceeds total (\(total))")
            }
            reader.record("max_amount", of: map, into: &sources)
            reader.record("max_blocked_amount", of: map, into: &sources)
            result[entry.key.text] = AuditSummary.ActionStats(total: total, blocked: blocked, maxAmount: maxAmount,
                                                              maxBlockedAmount: maxBlockedAmount)
        }
        return result
    }

    private func checkActionSums(_ actions: [String: AuditSummary.ActionStats], events: Int, blocked: Int, at node: DocumentNode) {
        var total = 0
        var totalBlocked = 0
        for stats in actions.values {
            let (t, o1) = total.addingReportingOverflow(stats.total)
            let (b, o2) = totalBlocked.addingReportingOverflow(stats.blocked)
            if o1 || o2 {
                reader.error(node, "actions", "per-action counts are too large to add up")
                return
            }
            total = t
            totalBlocked = b
        }
        if total != events {
            reader.error(node, "actions", "per-action totals add up to \(total), but events = \(events)")
        }
        if totalBlocked != blocked {
            reader.error(node, "actions", "per-action blocked counts add up to \(totalBlocked), but blocked = \(blocked)")
        }
    }

    private func readViolations(_ node: DocumentNode, sources: inout SourceMap) -> [String: AuditSummary.PolicyViolations] {
        guard let entries = reader.freeEntries(node, path: "policy_violations") else { return [:] }
        var result: [String: AuditSummary.PolicyViolations] = [:]
        for entry in entries {
            let path = "policy_violations.\(entry.key.text)"
            sources[KeyPathPool.shared.intern(path)] = reader.location(entry.key.line, entry.key.column)
            guard let map = reader.fields(entry.value, path: path, known: Self.violationKeys) else { continue }
            let count = map.node("count").flatMap { reader.count($0, path: "\(path).count") } ?? 0
            let severity = map.node("severity").flatMap { reader.oneOf($0, path: "\(path).severity", Severity.allCases) } ?? .medium
            result[entry.key.text] = AuditSummary.PolicyViolations(count: count, severity: severity)
        }
        return result
    }

    /// An ISO 8601 date-time such as `2026-05-01T00:00:00Z`.
    private func timestamp(_ node: DocumentNode, path: String) -> String? {
        guard let text = reader.string(node, path: path) else { return nil }
        guard Self.isTimestamp(text) else {
            reader.error(node, path, "expected a date-time like 2026-05-01T00:00:00Z, found '\(text)'")
            return nil
        }
        return text
    }

    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)) != nil,
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        func digits(_ range: Range<Int>, max: Int) -> Bool {
            guard range.upperBound <= bytes.count else { return false }
            var value = 0
            for i in range {
                guard (48...57).contains(bytes[i]) else { return false }
                value = value * 10 + Int(bytes[i] - 48)
            }
            return value <= max
        }
        guard digits(11..<13, max: 23), bytes[13] == UInt8(ascii: ":"), digits(14..<16, max: 59),
              bytes[16] == UInt8(ascii: ":"), digits(17..<19, max: 60) else { return false }
        var i = 19
        if bytes[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
            guard i > start else { return false }
        }
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: "Z") || bytes[i] == UInt8(ascii: "z") { return i + 1 == bytes.count }
        guard bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-"), bytes.count == i + 6 else { return false }
        return digits(i + 1..<i + 3, max: 23) && bytes[i + 3] == UInt8(ascii: ":") && digits(i + 4..<i + 6, max: 59)
    }
}
