import DossierSupport
import DossierModel
import Foundation

extension AgentTally {
    /// The summary in the shape of `audit/<id>.json` (docs/reference/audit-logs.md), keys in that order.
    package func summaryJSON(agent: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("agent", .string(agent))]
        if let first = firstTimestamp, let last = lastTimestamp {
            members.append(("period_start", .string(Self.isoTimestamp(first))))
            members.append(("period_end", .string(Self.isoTimestamp(last))))
        }
        members += [("events", .int(events)), ("allowed", .int(allowed)), ("blocked", .int(blocked))]
        members.append(("actions", .object(actions.sortedByKey.map { name, action in
            var fields: [(String, JSONValue)] = [("total", .int(action.total)), ("blocked", .int(action.blocked))]
            if let amount = action.maxAmount { fields.append(("max_amount", .number(amount.text))) }
            if let amount = action.maxBlockedAmount { fields.append(("max_blocked_amount", .number(amount.text))) }
            return (name, .object(fields))
        })))
        members.append(("tools", .object(tools.sortedByKey.map { ($0, .int($1)) })))
        members.append(("policy_violations", .object(policies.sortedByKey.map { name, policy in
            (name, .object([("count", .int(policy.count)), ("severity", .string(policy.severity.rawValue))]))
        })))
        members.append(("approvals", .object([("approved", .int(approvals.approved)),
                                               ("rejected", .int(approvals.rejected)),
                                               ("timeout", .int(approvals.timeout))])))
        members += [("input_tokens", .int(inputTokens)), ("output_tokens", .int(outputTokens))]
        if let durations {
            members.append(("duration_ms", .object([("p50", .number(Self.text(durations.percentile(50)))),
                                                    ("p95", .number(Self.text(durations.percentile(95)))),
                                                    ("max", .number(Self.text(durations.max)))])))
        }
        members.append(("malformed_lines", .int(malformedLines)))
        return .object(members)
    }

    /// The summary as the scorer reads it; `file` is where the evidence came from.
    /// `logs` are the paths of the log files, by index, to place the example events in (placed by
    /// `AuditTally.placeExamples`).
    package func summary(agent: String, file: String, logs: [String]) -> AuditSummary {
        var summary = AuditSummary(agent: agent, file: file, events: events, allowed: allowed, blocked: blocked)
        summary.examples = examples(logs: logs)
        summary.periodStart = firstTimestamp.map(Self.isoTimestamp)
        summary.periodEnd = lastTimestamp.map(Self.isoTimestamp)
        for (name, action) in actions {
            summary.actions[name] = AuditSummary.ActionStats(
                total: action.total, blocked: action.blocked,
                maxAmount: action.maxAmount.map { ExactDecimal($0.text) ?? Self.decimal($0.value) },
                maxBlockedAmount: action.maxBlockedAmount.map { ExactDecimal($0.text) ?? Self.decimal($0.value) })
        }
        summary.tools = tools
        for (name, policy) in policies {
            summary.policyViolations[name] = AuditSummary.PolicyViolations(count: policy.count, severity: policy.severity)
        }
        summary.approvals = approvals
        summary.inputTokens = inputTokens
        summary.outputTokens = outputTokens
        if let durations {
            summary.durationMs = AuditSummary.Durations(p50: Self.decimal(durations.percentile(50)),
                                                        p95: Self.decimal(durations.percentile(95)),
                                                        max: Self.decimal(durations.max))
        }
        summary.malformedLines = malformedLines
        return summary
    }

    private func examples(logs: [String]) -> AuditExamples {
        func example(_ tally: TallyExample) -> EventExample {
            EventExample(file: logs[tally.position.unit], line: tally.position.line, eventID: tally.eventID)
        }
        var examples = AuditExamples()
        for (name, action) in actions {
            examples.firstExecuted[name] = action.firstExecuted.map(example)
            examples.firstBlocked[name] = action.firstBlocked.map(example)
            examples.largestAmount[name] = action.largest.map { example($0.example) }
        }
        examples.firstToolUse = firstToolUse.mapValues(example)
        examples.firstCritical = firstCritical.mapValues(example)
        return examples
    }

    /// A finite double as the shortest JSON number text that reads back as it.
    static func text(_ value: Double) -> String { "\(value)" }

    static func decimal(_ value: Double) -> ExactDecimal { ExactDecimal(text(value)) ?? .zero }

    /// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the epoch, the fraction dropped (years 1–9999).
    static func isoTimestamp(_ seconds: Double) -> String {
        let whole = Int64(seconds.rounded(.down))
        let date = CalendarDate(secondsSinceEpoch: whole)
        let secondOfDay = Int(whole - Int64(date.daysSinceEpoch) * 86400)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))Z"
    }
}

extension AuditTally {
    /// `summarize`'s standard output: one object whose keys are the agent ids (sorted).
    package func summariesJSON(agents ids: [String]) -> JSONValue {
        .object(ids.map { ($0, agents[$0]!.summaryJSON(agent: $0)) })
    }
}

extension Dictionary where Key == String {
    /// Entries in byte order of key, for deterministic output.
    package var sortedByKey: [(String, Value)] {
        sorted { ByteOrder.less($0.key, $1.key) }.map { ($0.key, $0.value) }
    }
}
