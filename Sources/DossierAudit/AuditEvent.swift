import DossierSupport
import DossierModel
import Foundation

/// What one line of a raw audit log is.
/// `metadata.approval_status` of an event; any other value, or none, is `.none`.
enum Approval: UInt8 {
    case none = 0, approved, rejected, timeout

    init(_ span: ByteSpan) {
        switch span.count {
        case 8 where span.equals(StaticBytes.approved): self = .approved
        case 8 where span.equals(StaticBytes.rejected): self = .rejected
        case 7 where span.equals(StaticBytes.timeout): self = .timeout
        default: self = .none
        }
    }
}

enum LineKind: Equatable {
    /// Only whitespace: skipped, not counted.
    case blank
    /// A valid event; its fields are in `EventScanner.event`.
    case event
    /// A JSON object naming its agent (`EventScanner.event.agent`) that lacks a required key.
    case malformedWithAgent
    /// Not JSON, not an object, or no `agent_name` string: counted for the file.
    case malformed
}

/// `policy_checks` entry severities, in order of severity (`medium` is the default).
enum ViolationSeverity: UInt8, Comparable {
    case low = 0, medium, high, critical

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    var name: String {
        switch self {
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        case .critical: "critical"
        }
    }

    var severity: Severity {
        switch self {
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .critical: .critical
        }
    }
}

/// The fields of one event that a summary needs (docs/reference/audit-logs.md).
struct ScannedEvent {
    struct Violation {
        var policy: ByteSpan
        var severity: ViolationSeverity
    }

    var agent: ByteSpan?
    /// `event_id`, when it is a string: named by the findings this event is the example of.
    var eventID: ByteSpan?
    var timestamp: Double?
    var action: ByteSpan?
    var allowed: Bool?
    var tool: ByteSpan?
    /// `tool_args.amount`: its text as written, and its value.
    var amount: ByteSpan?
    var amountValue = 0.0
    var duration: Double?
    var inputTokens: Int64?
    var outputTokens: Int64?
    /// 0 none, 1 approved, 2 rejected, 3 timeout.
    var approval = Approval.none
    /// The violations, valid up to `violationCount`.
    var violationCount = 0
}

/// The keys the scanner reads, recognized by length and then by bytes.
enum EventKey {
    case eventID, agentName, timestamp, action, allowed, toolName, toolArgs, policyChecks, durationMs
    case inputTokens, outputTokens, metadata, amount, approvalStatus, policy, result, severity, other

    @inline(__always)
    init(_ key: ByteSpan) {
        switch key.count {
        case 6:
            if key.equals(.action) { self = .action; return }
            if key.equals(.amount) { self = .amount; return }
            if key.equals(.policy) { self = .policy; return }
            if key.equals(.result) { self = .result; return }
        case 7:
            if key.equals(.allowed) { self = .allowed; return }
        case 8:
            if key.equals(.eventID) { self = .eventID; return }
            if key.equals(.metadata) { self = .metadata; return }
            if key.equals(.severity) { self = .severity; return }
        case 9:
            if key.equals(.timestamp) { self = .timestamp; return }
            if key.equals(.toolName) { self = .toolName; return }
            if key.equals(.toolArgs) { self = .toolArgs; return }
        case 10:
            if key.equals(.agentName) { self = .agentName; return }
        case 11:
            if key.equals(.durationMs) { self = .durationMs; return }
        case 12:
            if key.equals(.inputTokens) { self = .inputTokens; return }
        case 13:
            if key.equals(.outputTokens) { self = .outputTokens; return }
            if key.equals(.policyChecks) { self = .policyChecks; return }
        case 15:
            if key.equals(.approvalStatus) { self = .approvalStatus; return }
        default:
            break
        }
        self = .other
    }
}

/// Key and value names as byte buffers, for comparisons without `String`.
struct StaticBytes {
    let buffer: UnsafeBufferPointer<UInt8>

    init(_ text: StaticString) {
        buffer = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    static let eventID = StaticBytes("event_id")
    static let agentName = StaticBytes("agent_name")
    static let timestamp = StaticBytes("timestamp")
    static let action = StaticBytes("action")
    static let allowed = StaticBytes("allowed")
    static let toolName = StaticBytes("tool_name")
    static let toolArgs = StaticBytes("tool_args")
    static let policyChecks = StaticBytes("policy_checks")
    static let durationMs = StaticBytes("duration_ms")
    static let inputTokens = StaticBytes("input_tokens")
    static let outputTokens = StaticBytes("output_tokens")
    static let metadata = StaticBytes("metadata")
    static let amount = StaticBytes("amount")
    static let approvalStatus = StaticBytes("approval_status")
    static let policy = StaticBytes("policy")
    static let result = StaticBytes("result")
    static let severity = StaticBytes("severity")
    static let approved = StaticBytes("approved")
    static let rejected = StaticBytes("rejected")
    static let timeout = StaticBytes("timeout")
    static let low = StaticBytes("low")
    static let high = StaticBytes("high")
    static let critical = StaticBytes("critical")
}

extension StaticBytes: @unchecked Sendable {}

extension ByteSpan {
    func equals(_ bytes: StaticBytes) -> Bool { equals(bytes.buffer) }
}
