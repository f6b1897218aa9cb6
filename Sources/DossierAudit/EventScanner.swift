import DossierSupport
import DossierModel
import Foundation

/// Reads one line of a raw audit log: a strict RFC 8259 validator that reads
/// only the keys a summary needs and skips every other value without building
/// anything. No allocation per line: strings are spans of the line (or of a
/// scratch area, when they hold escapes), numbers are parsed in place.
///
/// A timestamp is seconds since the epoch or an RFC 3339 date-time string
/// (`RFC3339`). Timestamps outside years 1–9999 count as absent (they cannot be
/// written as a date); so do negative durations and token counts.
struct EventScanner: ~Copyable {
    static let maxDepth = Limits.eventNesting
    /// Seconds since the epoch of 0001-01-01T00:00:00Z and of 10000-01-01T00:00:00Z.
    static let earliestTimestamp = -62_135_596_800.0
    static let timestampLimit = 253_402_300_800.0

    private(set) var event = ScannedEvent()
    var violations: UnsafeMutablePointer<ScannedEvent.Violation>
    var violationCapacity = 16
    /// Decoded strings that had escapes, and number text handed to strtod.
    var scratch: UnsafeMutablePointer<UInt8>
    var scratchCapacity = 4096
    var scratchUsed = 0
    /// Container kinds of the value being skipped (1 object, 2 array).
    var stack: UnsafeMutablePointer<UInt8>
    /// 10^0 … 10^22, the powers of ten that are exact doubles.
    let powersOfTen: UnsafeMutablePointer<Double>
    /// Where the keys are found when `audit_fields` maps them (`nil`: the reference layout).
    let plan: FieldPlan?

    init(plan: FieldPlan? = nil) {
        self.plan = plan
        violations = .allocate(capacity: violationCapacity)
        scratch = .allocate(capacity: scratchCapacity)
        stack = .allocate(capacity: Self.maxDepth + 1)
        powersOfTen = .allocate(capacity: 23)
        var power = 1.0
        for i in 0...22 {
            powersOfTen[i] = power
            power *= 10
        }
    }

    deinit {
        violations.deallocate()
        scratch.deallocate()
        stack.deallocate()
        powersOfTen.deallocate()
    }

    func violation(_ index: Int) -> ScannedEvent.Violation { violations[index] }

    // MARK: Lines

    /// Reads the line `[start, end)` (without its `\n`).
    mutating func scan(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> LineKind {
        var p = start
        skipSpace(&p, end)
        if p == end { return .blank }
        event = ScannedEvent()
        // Escaped strings decode to at most their own length; numbers need one byte more.
        let needed = end - start + 64
        if needed > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(needed, scratchCapacity * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
        scratchUsed = 0
        guard p.pointee == UInt8(ascii: "{") else { return .malformed }
        if plan != nil {
            guard object(&p, end, depth: 1, member: { scanner, key, p in scanner.mappedValue(node: 0, key, &p, end, depth: 1) }) else {
                return .malformed
            }
        } else {
            guard object(&p, end, depth: 1, member: { scanner, key, p in scanner.topLevelValue(key, &p, end) }) else {
                return .malformed
            }
        }
        skipSpace(&p, end)
        guard p == end else { return .malformed }
        guard event.agent != nil else { return .malformed }
        guard event.timestamp != nil, event.action != nil, event.allowed != nil else { return .malformedWithAgent }
        return .event
    }

    /// A member of an object at `depth` under the plan's `node` (`audit_fields`): a key the summaries
    /// read, an object on the way to one, or anything else (skipped).
    mutating func mappedValue(node: Int, _ key: ByteSpan, _ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
                              depth: Int) -> Bool {
        guard let plan, let child = plan.child(of: node, key) else { return skipAny(&p, end, depth: depth) }
        if let field = plan.nodes[child].field { return fieldValue(field, &p, end, depth: depth) }
        // Entered again (a duplicate key), it starts afresh: the last occurrence wins, as for any key.
        for field in plan.nodes[child].below { clear(field) }
        guard p.pointee == UInt8(ascii: "{") else { return skipAny(&p, end, depth: depth) }
        return object(&p, end, depth: depth + 1) { scanner, key, p in
            scanner.mappedValue(node: child, key, &p, end, depth: depth + 1)
        }
    }

    /// Makes a key absent.
    mutating func clear(_ field: EventKey) {
        switch field {
        case .agentName: event.agent = nil
        case .eventID: event.eventID = nil
        case .timestamp: event.timestamp = nil
        case .action: event.action = nil
        case .allowed: event.allowed = nil
        case .toolName: event.tool = nil
        case .amount: event.amount = nil
        case .approvalStatus: event.approval = .none
        case .policyChecks: event.violationCount = 0
        case .durationMs: event.duration = nil
        case .inputTokens: event.inputTokens = nil
        case .outputTokens: event.outputTokens = nil
        default: break
        }
    }

    @inline(__always)
    mutating func topLevelValue(_ key: ByteSpan, _ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        switch EventKey(key) {
        // In the reference layout these are read inside tool_args, metadata and policy_checks only.
        case .amount, .approvalStatus, .policy, .result, .severity, .other: skipAny(&p, end, depth: 1)
        case let field: fieldValue(field, &p, end, depth: 1)
        }
    }

    /// The value of `field`, a member of an object at `depth`.
    @inline(__always)
    mutating func fieldValue(_ field: EventKey, _ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, depth: Int) -> Bool {
        switch field {
        case .agentName:
            var value: ByteSpan?
            defer { event.agent = value }
            return stringValue(&p, end, into: &value, depth: depth)
        case .eventID:
            var value: ByteSpan?
            defer { event.eventID = value }
            return stringValue(&p, end, into: &value, depth: depth)
        case .action:
            var value: ByteSpan?
            defer { event.action = value }
            return stringValue(&p, end, into: &value, depth: depth)
        case .toolName:
            var value: ByteSpan?
            defer { event.tool = value }
            return stringValue(&p, end, into: &value, depth: depth)
        case .allowed:
            switch p.pointee {
            case UInt8(ascii: "t"):
                guard literal(&p, end, "true") else { return false }
                event.allowed = true
            case UInt8(ascii: "f"):
                guard literal(&p, end, "false") else { return false }
                event.allowed = false
            default:
                event.allowed = nil
                return skipAny(&p, end, depth: depth)
            }
            return true
        case .timestamp:
            event.timestamp = nil
            if p.pointee == UInt8(ascii: "\"") {
                // An RFC 3339 date-time; any other string counts as absent.
                guard let text = string(&p, end) else { return false }
                if let seconds = RFC3339.seconds(text.buffer), seconds >= Self.earliestTimestamp && seconds < Self.timestampLimit {
                    event.timestamp = seconds
                }
                return true
            }
            guard isNumberStart(p.pointee) else { return skipAny(&p, end, depth: depth) }
            guard let number = number(&p, end) else { return false }
            if number.value >= Self.earliestTimestamp && number.value < Self.timestampLimit {
                event.timestamp = number.value
            }
            return true
        case .durationMs:
            event.duration = nil
            guard isNumberStart(p.pointee) else { return skipAny(&p, end, depth: depth) }
            guard let number = number(&p, end) else { return false }
            if number.value >= 0 { event.duration = number.value }
            return true
        case .inputTokens:
            var value: Int64?
            defer { event.inputTokens = value }
            return tokens(&p, end, into: &value, depth: depth)
        case .outputTokens:
            var value: Int64?
            defer { event.outputTokens = value }
            return tokens(&p, end, into: &value, depth: depth)
        case .toolArgs:
            event.amount = nil
            guard p.pointee == UInt8(ascii: "{") else { return skipAny(&p, end, depth: depth) }
            return object(&p, end, depth: depth + 1) { scanner, key, p in
                guard EventKey(key) == .amount else { return scanner.skipAny(&p, end, depth: depth + 1) }
                return scanner.fieldValue(.amount, &p, end, depth: depth + 1)
            }
        case .metadata:
            event.approval = .none
            guard p.pointee == UInt8(ascii: "{") else { return skipAny(&p, end, depth: depth) }
            return object(&p, end, depth: depth + 1) { scanner, key, p in
                guard EventKey(key) == .approvalStatus else { return scanner.skipAny(&p, end, depth: depth + 1) }
                return scanner.fieldValue(.approvalStatus, &p, end, depth: depth + 1)
            }
        case .policyChecks:
            event.violationCount = 0
            guard p.pointee == UInt8(ascii: "[") else { return skipAny(&p, end, depth: depth) }
            return policyChecks(&p, end, depth: depth + 1)
        case .amount:
            // `tool_args.amount` (or where `audit_fields` puts it): a number, its text kept.
            event.amount = nil
            guard isNumberStart(p.pointee) else { return skipAny(&p, end, depth: depth) }
            let start = p
            guard let number = number(&p, end) else { return false }
            event.amount = ByteSpan(start: start, count: p - start)
            event.amountValue = number.value
            return true
        case .approvalStatus:
            // `metadata.approval_status` (or where `audit_fields` puts it).
            var status: ByteSpan?
            guard stringValue(&p, end, into: &status, depth: depth) else { return false }
            event.approval = status.map(Approval.init) ?? .none
            return true
        default:
            return skipAny(&p, end, depth: depth)
        }
    }

    /// `policy_checks`: an array whose object entries may be violations.
    mutating func policyChecks(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, depth: Int) -> Bool {
        p += 1
        skipSpace(&p, end)
        if p < end && p.pointee == UInt8(ascii: "]") {
            p += 1
            return true
        }
        while true {
            guard p < end else { return false }
            if p.pointee == UInt8(ascii: "{") {
                var policy: ByteSpan?
                var result: ByteSpan?
                var severity: ByteSpan?
                let ok = object(&p, end, depth: depth + 1) { scanner, key, p in
                    switch EventKey(key) {
                    case .policy: return scanner.stringValue(&p, end, into: &policy)
                    case .result: return scanner.stringValue(&p, end, into: &result)
                    case .severity: return scanner.stringValue(&p, end, into: &severity)
                    default: return scanner.skipAny(&p, end, depth: depth + 1)
                    }
                }
                guard ok else { return false }
                if let policy, let result, result.equals(Self.blocked) {
                    appendViolation(.init(policy: policy, severity: severity.map(Self.severityCode) ?? .medium))
                }
            } else {
                guard skipAny(&p, end, depth: depth) else { return false }
            }
            switch next(&p, end, closing: UInt8(ascii: "]")) {
            case .more: continue
            case .closed: return true
            case .invalid: return false
            }
        }
    }

    mutating func appendViolation(_ violation: ScannedEvent.Violation) {
        if event.violationCount == violationCapacity {
            let larger = UnsafeMutablePointer<ScannedEvent.Violation>.allocate(capacity: violationCapacity * 2)
            larger.moveInitialize(from: violations, count: violationCapacity)
            violations.deallocate()
            violations = larger
            violationCapacity *= 2
        }
        (violations + event.violationCount).initialize(to: violation)
        event.violationCount += 1
    }

    /// An object at `depth` whose members `member` reads (it must consume the value).
    @inline(__always)
    mutating func object(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, depth: Int,
                                 member: (inout EventScanner, ByteSpan, inout UnsafePointer<UInt8>) -> Bool) -> Bool {
        guard depth <= Self.maxDepth else { return false }
        p += 1
        skipSpace(&p, end)
        if p < end && p.pointee == UInt8(ascii: "}") {
            p += 1
            return true
        }
        while true {
            guard p < end, p.pointee == UInt8(ascii: "\""), let key = string(&p, end) else { return false }
            guard colon(&p, end), member(&self, key, &p) else { return false }
            switch next(&p, end, closing: UInt8(ascii: "}")) {
            case .more: continue
            case .closed: return true
            case .invalid: return false
            }
        }
    }

    /// A string value into `target`; any other value is skipped and leaves `target` absent.
    @inline(__always)
    mutating func stringValue(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into target: inout ByteSpan?,
                              depth: Int = 1) -> Bool {
        target = nil
        guard p.pointee == UInt8(ascii: "\"") else { return skipAny(&p, end, depth: depth) }
        guard let value = string(&p, end) else { return false }
        target = value
        return true
    }

    /// A token count: an integer >= 0 that fits 63 bits; any other value is absent.
    @inline(__always)
    mutating func tokens(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into target: inout Int64?,
                         depth: Int = 1) -> Bool {
        target = nil
        guard isNumberStart(p.pointee) else { return skipAny(&p, end, depth: depth) }
        guard let number = number(&p, end) else { return false }
        target = number.integer
        return true
    }

    // MARK: Values

    static let blocked = StaticBytes("blocked")

    static func severityCode(_ span: ByteSpan) -> ViolationSeverity {
        switch span.count {
        case 3 where span.equals(StaticBytes.low): .low
        case 4 where span.equals(StaticBytes.high): .high
        case 8 where span.equals(StaticBytes.critical): .critical
        default: .medium
        }
    }
}
