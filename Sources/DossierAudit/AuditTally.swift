import DossierSupport
import DossierModel
import Foundation

/// What raw audit events add up to, per agent: a commutative monoid. Tallies of
/// any split of the events merge into the tally of all of them, in any order,
/// which is what lets logs be read in chunks on all cores (and lets the Spark job
/// in `contrib/spark` compute the same summaries where the logs are).
package struct AuditTally: Sendable {
    package var agents: [String: AgentTally] = [:]
    /// Malformed lines that name no agent, by index of the log file they are in.
    package var unattributed: [Int: Int] = [:]

    package init() {}

    package mutating func merge(_ other: AuditTally) {
        for (agent, tally) in other.agents {
            agents[agent, default: AgentTally()].merge(tally)
        }
        for (file, count) in other.unattributed {
            unattributed[file, default: 0] = saturatingAdd(unattributed[file, default: 0], count)
        }
    }

    /// Turns the examples' places in read units (a unit's index, the line in it) into places in files
    /// (the file's index, its 1-based line): `units[u]` is unit `u`'s file and the lines of that file
    /// before the unit. Units of one file must be numbered in the order of their bytes.
    package mutating func placeExamples(units: [(file: Int, linesBefore: Int)]) {
        func place(_ example: inout TallyExample) {
            let unit = units[example.position.unit]
            example.position = EventPosition(unit: unit.file, line: unit.linesBefore + example.position.line)
        }
        for key in agents.keys {
            agents[key]!.mapExamples(place)
        }
    }
}

/// Where an event was read: a unit (a chunk or a whole file) and its line in it, 1-based; once
/// placed (`AuditTally.placeExamples`), a file and its line. Ordered as the lines of the logs are.
package struct EventPosition: Sendable, Equatable, Comparable {
    package var unit: Int
    package var line: Int

    package init(unit: Int, line: Int) {
        self.unit = unit
        self.line = line
    }

    package static func < (a: Self, b: Self) -> Bool { a.unit != b.unit ? a.unit < b.unit : a.line < b.line }

    /// After every place: no event yet.
    static let none = EventPosition(unit: .max, line: .max)
}

/// An example event (SCORING.md): where it is, and its `event_id` when it is a string.
package struct TallyExample: Sendable, Equatable {
    package var position: EventPosition
    package var eventID: String?

    /// No event yet: after every place.
    static let none = TallyExample(position: .none, eventID: nil)

    /// The example, unless it is `none`.
    var present: TallyExample? { position == .none ? nil : self }

    /// Takes the event at `position` when it comes first; its id is made only then.
    @inline(__always)
    mutating func keepFirst(_ position: EventPosition, _ eventID: @autoclosure () -> String?) {
        if position < self.position { self = TallyExample(position: position, eventID: eventID()) }
    }

    /// The earlier of two examples.
    static func first(_ a: TallyExample?, _ b: TallyExample?) -> TallyExample? {
        guard let a else { return b }
        guard let b else { return a }
        return b.position < a.position ? b : a
    }
}

/// An executed event's amount and where it is: the example of `transaction-over-limit`.
package struct AmountExample: Sendable, Equatable {
    package var amount: Amount
    package var example: TallyExample

    /// Whether this is the better example of the two: the larger amount (compared exactly), and of
    /// equal amounts the earlier event.
    func precedes(_ other: AmountExample) -> Bool {
        switch Amount.compare(amount, other.amount) {
        case .orderedDescending: true
        case .orderedAscending: false
        case .orderedSame: example.position < other.example.position
        }
    }

    static func larger(_ a: AmountExample?, _ b: AmountExample?) -> AmountExample? {
        guard let a else { return b }
        guard let b else { return a }
        return b.precedes(a) ? b : a
    }
}

/// One agent's events (and malformed lines).
package struct AgentTally: Sendable {
    package struct Action: Sendable, Equatable {
        package var total = 0
        package var blocked = 0
        /// The largest amount of an allowed event (executed).
        package var maxAmount: Amount?
        /// The largest amount of a blocked event (an attempt the policy engine stopped).
        package var maxBlockedAmount: Amount?
        /// Example events: the first executed, the first blocked, the executed one with the largest amount.
        package var firstExecuted: TallyExample?
        package var firstBlocked: TallyExample?
        package var largest: AmountExample?
    }

    package struct Policy: Sendable, Equatable {
        package var count = 0
        package var severity = Severity.low
    }

    package var events = 0
    package var allowed = 0
    package var blocked = 0
    package var actions: [String: Action] = [:]
    package var tools: [String: Int] = [:]
    package var policies: [String: Policy] = [:]
    package var approvals = AuditSummary.Approvals()
    package var inputTokens = 0
    package var outputTokens = 0
    package var firstTimestamp: Double?
    package var lastTimestamp: Double?
    package var durations: Durations?
    package var malformedLines = 0
    /// The index of the first log file (in byte order of path) holding this agent's lines.
    package var firstFile = Int.max
    /// Example events: each tool's first use, and each policy's first blocked check at severity critical.
    package var firstToolUse: [String: TallyExample] = [:]
    package var firstCritical: [String: TallyExample] = [:]

    package init() {}

    package mutating func merge(_ other: AgentTally) {
        events = saturatingAdd(events, other.events)
        allowed = saturatingAdd(allowed, other.allowed)
        blocked = saturatingAdd(blocked, other.blocked)
        for (name, action) in other.actions {
            var mine = actions[name, default: Action()]
            mine.total = saturatingAdd(mine.total, action.total)
            mine.blocked = saturatingAdd(mine.blocked, action.blocked)
            mine.maxAmount = Amount.larger(mine.maxAmount, action.maxAmount)
            mine.maxBlockedAmount = Amount.larger(mine.maxBlockedAmount, action.maxBlockedAmount)
            mine.firstExecuted = TallyExample.first(mine.firstExecuted, action.firstExecuted)
            mine.firstBlocked = TallyExample.first(mine.firstBlocked, action.firstBlocked)
            mine.largest = AmountExample.larger(mine.largest, action.largest)
            actions[name] = mine
        }
        for (name, example) in other.firstToolUse {
            firstToolUse[name] = TallyExample.first(firstToolUse[name], example)
        }
        for (name, example) in other.firstCritical {
            firstCritical[name] = TallyExample.first(firstCritical[name], example)
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

    /// Applies `transform` to every example event.
    mutating func mapExamples(_ transform: (inout TallyExample) -> Void) {
        for name in actions.keys {
            if actions[name]!.firstExecuted != nil { transform(&actions[name]!.firstExecuted!) }
            if actions[name]!.firstBlocked != nil { transform(&actions[name]!.firstBlocked!) }
            if actions[name]!.largest != nil { transform(&actions[name]!.largest!.example) }
        }
        for name in firstToolUse.keys { transform(&firstToolUse[name]!) }
        for name in firstCritical.keys { transform(&firstCritical[name]!) }
    }
}

/// A transaction amount: its value and its text as written in the log.
package struct Amount: Sendable, Equatable {
    package var value: Double
    package var text: String

    /// The larger of two amounts, compared as exact decimals; of equal amounts
    /// written differently, the shorter text (then the first in byte order), so
    /// that the choice never depends on the order events are read in.
    static func larger(_ a: Amount?, _ b: Amount?) -> Amount? {
        guard let a else { return b }
        guard let b else { return a }
        switch compare(a, b) {
        case .orderedAscending: return b
        case .orderedDescending: return a
        case .orderedSame:
            if a.text == b.text { return a }
            if a.text.utf8.count != b.text.utf8.count { return a.text.utf8.count < b.text.utf8.count ? a : b }
            return ByteOrder.less(a.text, b.text) ? a : b
        }
    }

    /// The order of two amounts by value: as doubles, then, when the doubles are equal and the texts
    /// differ, as exact decimals.
    static func compare(_ a: Amount, _ b: Amount) -> ComparisonResult {
        if a.value != b.value { return a.value < b.value ? .orderedAscending : .orderedDescending }
        if a.text != b.text, let x = ExactDecimal(a.text), let y = ExactDecimal(b.text), x != y {
            return x < y ? .orderedAscending : .orderedDescending
        }
        return .orderedSame
    }
}

/// Durations as a log-linear histogram at microsecond resolution with 3 significant
/// digits (HdrHistogram's bucket layout: values below 2048 µs are exact, larger ones
/// keep their top 11 bits), and the exact maximum.
///
/// Only buckets that hold a value are stored, so memory grows with the distinct
/// buckets seen (at most one per event, about 40 bytes each), never with the range
/// of the values: a dense histogram would take up to 340 KB per agent and thread,
/// which a small log with spread-out durations for many agents can force.
package struct Durations: Sendable {
    /// Durations above this (in ms) are recorded as this in the histogram.
    static let histogramCeilingMs = 1e12
    /// Count per bucket index.
    private var buckets = BucketCounts()
    package private(set) var count: UInt64 = 0
    /// The least and greatest recorded values, in µs.
    private var minRecorded = UInt64.max
    private var maxRecorded: UInt64 = 0
    package private(set) var max: Double = -1

    init() {}

    /// Records a duration in ms (finite, >= 0).
    @inline(__always)
    mutating func record(_ ms: Double) {
        let value = Self.microseconds(ms)
        buckets.add(Self.index(of: value), 1)
        count += 1
        if value < minRecorded { minRecorded = value }
        if value > maxRecorded { maxRecorded = value }
        if ms > max { max = ms }
    }

    @inline(__always)
    static func microseconds(_ ms: Double) -> UInt64 {
        UInt64((Swift.min(ms, histogramCeilingMs) * 1000).rounded())
    }

    mutating func merge(_ other: Durations) {
        for (index, count) in other.buckets.entries { buckets.add(index, count) }
        count += other.count
        minRecorded = Swift.min(minRecorded, other.minRecorded)
        maxRecorded = Swift.max(maxRecorded, other.maxRecorded)
        max = Swift.max(max, other.max)
    }

    /// The nearest-rank percentile in ms, to 3 significant digits: the middle of the
    /// histogram bucket holding it (so a value recorded exactly reads back exactly
    /// where the bucket allows), at most the exact maximum.
    package func percentile(_ p: Double) -> Double {
        guard count > 0 else { return 0 }
        let bucket = valueAtPercentile(p)
        let middle = Swift.min(Swift.max(Self.lowest(bucket) + (Self.width(bucket) >> 1), minRecorded), maxRecorded)
        return Swift.min(Double(middle) / 1000, max)
    }

    /// HdrHistogram's `valueAtPercentile`: the highest value of the bucket holding the
    /// nearest-rank percentile, clamped to the recorded range.
    private func valueAtPercentile(_ p: Double) -> UInt64 {
        if p <= 0 { return minRecorded }
        if p >= 100 { return maxRecorded }
        let rank = Swift.max(1, UInt64((p.nextDown * Double(count) / 100).rounded(.up)))
        var seen: UInt64 = 0
        for (index, count) in buckets.entries.sorted(by: { $0.index < $1.index }) {
            seen += count
            if seen >= rank {
                let value = Self.value(ofIndex: index)
                return Swift.max(Swift.min(Self.lowest(value) + Self.width(value) - 1, maxRecorded), minRecorded)
            }
        }
        return maxRecorded
    }

    // HdrHistogram's layout for 3 significant digits and a lowest value of 1:
    // 2048 sub-buckets, of which the upper 1024 are used above the first bucket.
    private static let subBucketBits = 11
    private static let halfCount = 1 << (subBucketBits - 1)
    private static let subBucketMask = UInt64((1 << subBucketBits) - 1)

    @inline(__always)
    private static func bucket(of value: UInt64) -> Int {
        (64 - subBucketBits) - (value | subBucketMask).leadingZeroBitCount
    }

    @inline(__always)
    static func index(of value: UInt64) -> UInt32 {
        let bucket = bucket(of: value)
        let subBucket = Int(value >> bucket)
        return UInt32(((bucket + 1) << (subBucketBits - 1)) + subBucket - halfCount)
    }

    static func value(ofIndex index: UInt32) -> UInt64 {
        var bucket = (Int(index) >> (subBucketBits - 1)) - 1
        var subBucket = (Int(index) & (halfCount - 1)) + halfCount
        if bucket < 0 {
            subBucket -= halfCount
            bucket = 0
        }
        return UInt64(subBucket) << bucket
    }

    /// The lowest value of the bucket holding `value`.
    static func lowest(_ value: UInt64) -> UInt64 {
        let bucket = bucket(of: value)
        return (value >> bucket) << bucket
    }

    /// How many values share the bucket of `value`.
    static func width(_ value: UInt64) -> UInt64 {
        let bucket = bucket(of: value)
        let subBucket = value >> bucket
        return 1 << (subBucket >= (1 << subBucketBits) ? bucket + 1 : bucket)
    }
}

/// Counts by bucket index: an open-addressing hash table, because a `Dictionary`
/// hashes with SipHash on the path of every event.
struct BucketCounts: Sendable {
    /// Index + 1 per slot; 0 is an empty slot.
    private var keys: [UInt32] = []
    private var counts: [UInt64] = []
    private var used = 0

    @inline(__always)
    mutating func add(_ index: UInt32, _ count: UInt64) {
        if used * 4 >= keys.count * 3 { grow() }
        let key = index &+ 1
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while true {
            let present = keys[slot]
            if present == key {
                counts[slot] &+= count
                return
            }
            if present == 0 {
                keys[slot] = key
                counts[slot] = count
                used += 1
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Every bucket index with its count, in no particular order.
    var entries: [(index: UInt32, count: UInt64)] {
        zip(keys, counts).compactMap { key, count in key == 0 ? nil : (key - 1, count) }
    }

    @inline(__always)
    private static func slot(_ key: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = entries
        let capacity = Swift.max(8, keys.count * 2)
        keys = [UInt32](repeating: 0, count: capacity)
        counts = [UInt64](repeating: 0, count: capacity)
        used = 0
        for (index, count) in old { add(index, count) }
    }
}

@inline(__always)
func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b < 0 ? Int.min : Int.max) : sum
}
