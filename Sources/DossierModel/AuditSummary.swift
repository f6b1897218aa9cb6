import DossierSupport

/// `audit/<id>.json`: what the audit pipeline reports for one agent over a period.
public struct AuditSummary: Sendable {
    public struct ActionStats: Sendable, Equatable {
        public var total: Int
        public var blocked: Int
        /// The largest amount among the action's allowed (executed) events; present only where one carried an amount.
        public var maxAmount: ExactDecimal?
        /// The largest amount among its blocked events: attempts the policy engine stopped.
        public var maxBlockedAmount: ExactDecimal?

        /// Events that were allowed: what the agent executed (SCORING.md §2).
        public var executed: Int { max(0, total - blocked) }

        public init(total: Int, blocked: Int, maxAmount: ExactDecimal? = nil, maxBlockedAmount: ExactDecimal? = nil) {
            self.total = total
            self.blocked = blocked
            self.maxAmount = maxAmount
            self.maxBlockedAmount = maxBlockedAmount
        }
    }

    public struct PolicyViolations: Sendable, Equatable {
        public var count: Int
        /// The most severe seen among the policy's violations.
        public var severity: Severity

        public init(count: Int, severity: Severity) {
            self.count = count
            self.severity = severity
        }
    }

    public struct Approvals: Sendable, Equatable {
        public var approved = 0
        public var rejected = 0
        public var timeout = 0

        public init(approved: Int = 0, rejected: Int = 0, timeout: Int = 0) {
            self.approved = approved
            self.rejected = rejected
            self.timeout = timeout
        }

        public var total: Int { [approved, rejected, timeout].saturatingSum }
    }

    public struct Durations: Sendable, Equatable {
        public var p50: ExactDecimal
        public var p95: ExactDecimal
        public var max: ExactDecimal

        package init(p50: ExactDecimal, p95: ExactDecimal, max: ExactDecimal) {
            self.p50 = p50
            self.p95 = p95
            self.max = max
        }
    }

    public var agent: String
    /// The summary file (or raw log) the evidence comes from, relative to the repository.
    public var file: String
    public var periodStart: String?
    public var periodEnd: String?
    public var events: Int
    public var allowed: Int
    public var blocked: Int
    public var actions: [String: ActionStats] = [:]
    public var tools: [String: Int] = [:]
    public var policyViolations: [String: PolicyViolations] = [:]
    public var approvals = Approvals()
    public var inputTokens = 0
    public var outputTokens = 0
    public var durationMs: Durations?
    public var malformedLines = 0
    /// The example events behind the findings, where the summary was read from raw logs (`nil` for a
    /// summary file: from `summarize`, the Spark job or another engine, it carries none).
    public var examples: AuditExamples?
    /// Where each present key path was written.
    package var sources: SourceMap

    public init(agent: String, file: String, events: Int, allowed: Int, blocked: Int) {
        self.agent = agent
        self.file = file
        self.events = events
        self.allowed = allowed
        self.blocked = blocked
        self.sources = SourceMap(file: file)
    }

    /// Sum of all policy violation counts.
    public var totalViolations: Int { policyViolations.values.map(\.count).saturatingSum }
}

/// An event of a raw log that a finding points at (SCORING.md, "Sources of findings from raw events").
public struct EventExample: Sendable, Equatable {
    /// The log file, relative to the repository.
    public var file: String
    /// 1-based, counting every line of the file (of its decompressed text, for a `.gz` log).
    public var line: Int
    /// The event's `event_id`, when it is a string.
    public var eventID: String?

    public init(file: String, line: Int, eventID: String?) {
        self.file = file
        self.line = line
        self.eventID = eventID
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line) }
}

/// The example events of an agent's raw logs, by finding subject. "First" is by log path (byte
/// order), then line; of equal largest amounts, the first too.
public struct AuditExamples: Sendable, Equatable {
    /// Per action: its first executed (allowed) event.
    public var firstExecuted: [String: EventExample] = [:]
    /// Per action: its first blocked event.
    public var firstBlocked: [String: EventExample] = [:]
    /// Per action: its executed event with the largest amount.
    public var largestAmount: [String: EventExample] = [:]
    /// Per tool: its first use.
    public var firstToolUse: [String: EventExample] = [:]
    /// Per policy: the first event with a blocked check of it at severity critical.
    public var firstCritical: [String: EventExample] = [:]

    public init() {}

    /// The first of `examples` in log order.
    public static func first(_ examples: some Sequence<EventExample>) -> EventExample? {
        examples.min { a, b in a.file != b.file ? ByteOrder.less(a.file, b.file) : a.line < b.line }
    }
}
