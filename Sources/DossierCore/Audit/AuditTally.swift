import Foundation
import Histogram

/// What raw audit events add up to, per agent: a commutative monoid. Tallies of
/// any split of the events merge into the tally of all of them, in any order,
/// which is what lets logs be read in chunks on all cores (and lets the Spark job
/// in `contrib/spark` compute the same summaries where the logs are).
public struct AuditTally: Sendable {
    public var agents: [String: AgentTally] = [:]
    /// Malformed lines that name no agent, by index of the log file they are in.
    public var unattributed: [Int: Int] = [:]

    public init() {}

    public mutating func merge(_ other: AuditTally) {
        for (agent, tally) in other.agents {
            agents[agent, default: AgentTally()].merge(tally)
        }
        for (file, count) in other.unattributed {
            unattributed[file, default: 0] = saturatingAdd(unattributed[file, default: 0], count)
        }
    }
}

/// One agent's events (and malformed lines).
public struct AgentTally: Sendable {
    public struct Action: Sendable, Equatable {
        public var total = 0
        public var blocked = 0
        public var maxAmount: Amount?
    }

    public struct Policy: Sendable, Equatable {
        public var count = 0
        public var severity = Severity.low
    }

    public var events = 0
    public var allowed = 0
    public var blocked = 0
    public var actions: [String: Action] = [:]
    public var tools: [String: Int] = [:]
    public var policies: [String: Policy] = [:]
    public var approvals = AuditSummary.Approvals()
    public var inputTokens = 0
    public var outputTokens = 0
    public var firstTimestamp: Double?
    public var lastTimestamp: Double?
    public var durations: Durations?
    public var malformedLines = 0
    /// The index of the first log file (in byte order of path) holding this agent's lines.
    public var firstFile = Int.max

    public init() {}

    public mutating func merge(_ other: AgentTally) {
        events = saturatingAdd(events, other.events)
        allowed = saturatingAdd(allowed, other.allowed)
        blocked = saturatingAdd(blocked, other.blocked)
        for (name, action) in other.actions {
            var mine = actions[name, default: Action()]
            mine.total = saturatingAdd(mine.total, action.total)
            mine.blocked = saturatingAdd(mine.blocked, action.blocked)
            mine.maxAmount = Amount.larger(mine.maxAmount, action.maxAmount)
            actions[name] = mine
        }
        for (name, count) in other.tools {
            tools[name] = saturatingAdd(tools[name, default: 0], count)
        }
        for (name, policy) in other.policies {
            var mine = policies[name] ?? Policy(count: 0, severity: policy.severity)
            mine.count = saturatingAdd(mine.count, policy.count)
            mine.severity = min(mine.severity, policy.severity)  // `<` is "more severe"
            policies[name] = mine
        }
        approvals.approved = saturatingAdd(approvals.approved, other.approvals.approved)
        approvals.rejected = saturatingAdd(approvals.rejected, other.approvals.rejected)
        approvals.timeout = saturatingAdd(approvals.timeout, other.approvals.timeout)
        inputTokens = saturatingAdd(inputTokens, other.inputTokens)
        outputTokens = saturatingAdd(outputTokens, other.outputTokens)
        firstTimestamp = [firstTimestamp, other.firstTimestamp].compactMap { $0 }.min()
        lastTimestamp = [lastTimestamp, other.lastTimestamp].compactMap { $0 }.max()
        if let theirs = other.durations {
            if durations == nil { durations = theirs } else { durations!.merge(theirs) }
        }
        malformedLines = saturatingAdd(malformedLines, other.malformedLines)
        firstFile = min(firstFile, other.firstFile)
    }
}

/// A transaction amount: its value and its text as written in the log.
public struct Amount: Sendable, Equatable {
    public var value: Double
    public var text: String

    /// The larger of two amounts, compared as exact decimals; of equal amounts
    /// written differently, the shorter text (then the first in byte order), so
    /// that the choice never depends on the order events are read in.
    static func larger(_ a: Amount?, _ b: Amount?) -> Amount? {
        guard let a else { return b }
        guard let b else { return a }
        if a.value != b.value { return a.value > b.value ? a : b }
        if a.text == b.text { return a }
        if let x = ExactDecimal(a.text), let y = ExactDecimal(b.text), x != y { return x > y ? a : b }
        if a.text.utf8.count != b.text.utf8.count { return a.text.utf8.count < b.text.utf8.count ? a : b }
        return ByteOrder.less(a.text, b.text) ? a : b
    }
}

/// Durations in constant memory: an HDR histogram at microsecond resolution
/// with 3 significant digits, and the exact maximum.
public struct Durations: Sendable {
    /// Durations above this (in ms) are recorded as this in the histogram.
    static let histogramCeilingMs = 1e12
    var histogram: Histogram<UInt64>
    public private(set) var max: Double

    init() {
        histogram = Histogram(lowestDiscernibleValue: 1, highestTrackableValue: 1 << 24, numberOfSignificantValueDigits: .three)
        histogram.autoResize = true
        max = -1
    }

    /// Records a duration in ms (finite, >= 0).
    @inline(__always)
    mutating func record(_ ms: Double) {
        histogram.record(Self.microseconds(ms))
        if ms > max { max = ms }
    }

    @inline(__always)
    static func microseconds(_ ms: Double) -> UInt64 {
        UInt64((Swift.min(ms, histogramCeilingMs) * 1000).rounded())
    }

    mutating func merge(_ other: Durations) {
        histogram.add(other.histogram)
        max = Swift.max(max, other.max)
    }

    public var count: UInt64 { histogram.totalCount }

    /// The nearest-rank percentile in ms, to 3 significant digits: the middle of the
    /// histogram bucket holding it (so a value recorded exactly reads back exactly
    /// where the bucket allows), at most the exact maximum.
    public func percentile(_ p: Double) -> Double {
        let bucket = histogram.valueAtPercentile(p)
        let middle = Swift.min(Swift.max(histogram.medianEquivalentForValue(bucket), histogram.min), histogram.maxRecorded)
        return Swift.min(Double(middle) / 1000, max)
    }
}

@inline(__always)
func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b < 0 ? Int.min : Int.max) : sum
}
