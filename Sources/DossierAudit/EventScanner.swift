import DossierSupport
import DossierModel
import Foundation

/// A run of bytes inside a line being scanned, or inside the scanner's scratch
/// space (for strings that had escapes). Valid until the next line is scanned.
struct ByteSpan {
    var start: UnsafePointer<UInt8>
    var count: Int

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }
    var string: String { String(decoding: buffer, as: UTF8.self) }

    @inline(__always)
    func equals(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == bytes.count else { return false }
        let a = UnsafeRawPointer(start)
        let b = UnsafeRawPointer(bytes.baseAddress!)
        // Short names (all of the keys) as two overlapping words, without a call.
        if count >= 8 && count <= 16 {
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 && count < 8 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        return memcmp(a, b, count) == 0
    }
}

/// What one line of a raw audit log is.
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
    var approval: UInt8 = 0
    /// The violations, valid up to `violationCount`.
    var violationCount = 0
}

/// Reads one line of a raw audit log: a strict RFC 8259 validator that reads
/// only the keys a summary needs and skips every other value without building
/// anything. No allocation per line: strings are spans of the line (or of a
/// scratch area, when they hold escapes), numbers are parsed in place.
///
/// Timestamps outside years 1–9999 count as absent (they cannot be written as a
/// date); so do negative durations and token counts.
struct EventScanner: ~Copyable {
    static let maxDepth = Limits.eventNesting
    /// Seconds since the epoch of 0001-01-01T00:00:00Z and of 10000-01-01T00:00:00Z.
    static let earliestTimestamp = -62_135_596_800.0
    static let timestampLimit = 253_402_300_800.0

    private(set) var event = ScannedEvent()
    private var violations: UnsafeMutablePointer<ScannedEvent.Violation>
    private var violationCapacity = 16
    /// Decoded strings that had escapes, and number text handed to strtod.
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 4096
    private var scratchUsed = 0
    /// Container kinds of the value being skipped (1 object, 2 array).
    private var stack: UnsafeMutablePointer<UInt8>
    /// 10^0 … 10^22, the powers of ten that are exact doubles.
    private let powersOfTen: UnsafeMutablePointer<Double>

    init() {
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
        guard p.pointee == UInt8(ascii: "{"),
              object(&p, end, depth: 1, member: { scanner, key, p in scanner.topLevelValue(key, &p, end) }) else {
            return .malformed
        }
        skipSpace(&p, end)
        guard p == end else { return .malformed }
        guard event.agent != nil else { return .malformed }
        guard event.timestamp != nil, event.action != nil, event.allowed != nil else { return .malformedWithAgent }
        return .event
    }

    @inline(__always)
    private mutating func topLevelValue(_ key: ByteSpan, _ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        switch EventKey(key) {
        case .agentName:
            var value: ByteSpan?
            defer { event.agent = value }
            return stringValue(&p, end, into: &value)
        case .action:
            var value: ByteSpan?
            defer { event.action = value }
            return stringValue(&p, end, into: &value)
        case .toolName:
            var value: ByteSpan?
            defer { event.tool = value }
            return stringValue(&p, end, into: &value)
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
                return skipAny(&p, end, depth: 1)
            }
            return true
        case .timestamp:
            event.timestamp = nil
            guard isNumberStart(p.pointee) else { return skipAny(&p, end, depth: 1) }
            guard let number = number(&p, end) else { return false }
            if number.value >= Self.earliestTimestamp && number.value < Self.timestampLimit {
                event.timestamp = number.value
            }
            return true
        case .durationMs:
            event.duration = nil
            guard isNumberStart(p.pointee) else { return skipAny(&p, end, depth: 1) }
            guard let number = number(&p, end) else { return false }
            if number.value >= 0 { event.duration = number.value }
            return true
        case .inputTokens:
            var value: Int64?
            defer { event.inputTokens = value }
            return tokens(&p, end, into: &value)
        case .outputTokens:
            var value: Int64?
            defer { event.outputTokens = value }
            return tokens(&p, end, into: &value)
        case .toolArgs:
            event.amount = nil
            guard p.pointee == UInt8(ascii: "{") else { return skipAny(&p, end, depth: 1) }
            return object(&p, end, depth: 2) { scanner, key, p in
                guard EventKey(key) == .amount else { return scanner.skipAny(&p, end, depth: 2) }
                scanner.event.amount = nil
                guard isNumberStart(p.pointee) else { return scanner.skipAny(&p, end, depth: 2) }
                let start = p
                guard let number = scanner.number(&p, end) else { return false }
                scanner.event.amount = ByteSpan(start: start, count: p - start)
                scanner.event.amountValue = number.value
                return true
            }
        case .metadata:
            event.approval = 0
            guard p.pointee == UInt8(ascii: "{") else { return skipAny(&p, end, depth: 1) }
            return object(&p, end, depth: 2) { scanner, key, p in
                guard EventKey(key) == .approvalStatus else { return scanner.skipAny(&p, end, depth: 2) }
                var status: ByteSpan?
                guard scanner.stringValue(&p, end, into: &status) else { return false }
                scanner.event.approval = status.map(Self.approvalCode) ?? 0
                return true
            }
        case .policyChecks:
            event.violationCount = 0
            guard p.pointee == UInt8(ascii: "[") else { return skipAny(&p, end, depth: 1) }
            return policyChecks(&p, end)
        default:
            return skipAny(&p, end, depth: 1)
        }
    }

    /// `policy_checks`: an array whose object entries may be violations.
    private mutating func policyChecks(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
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
                let ok = object(&p, end, depth: 3) { scanner, key, p in
                    switch EventKey(key) {
                    case .policy: return scanner.stringValue(&p, end, into: &policy)
                    case .result: return scanner.stringValue(&p, end, into: &result)
                    case .severity: return scanner.stringValue(&p, end, into: &severity)
                    default: return scanner.skipAny(&p, end, depth: 3)
                    }
                }
                guard ok else { return false }
                if let policy, let result, result.equals(Self.blocked) {
                    appendViolation(.init(policy: policy, severity: severity.map(Self.severityCode) ?? .medium))
                }
            } else {
                guard skipAny(&p, end, depth: 2) else { return false }
            }
            switch next(&p, end, closing: UInt8(ascii: "]")) {
            case .more: continue
            case .closed: return true
            case .invalid: return false
            }
        }
    }

    private mutating func appendViolation(_ violation: ScannedEvent.Violation) {
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
    private mutating func object(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, depth: Int,
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

    private enum Separator { case more, closed, invalid }

    /// After a member or element: `,` (another follows) or `closing` (the container ends).
    @inline(__always)
    private func next(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, closing: UInt8) -> Separator {
        skipSpace(&p, end)
        guard p < end else { return .invalid }
        if p.pointee == UInt8(ascii: ",") {
            p += 1
            skipSpace(&p, end)
            return .more
        }
        if p.pointee == closing {
            p += 1
            return .closed
        }
        return .invalid
    }

    @inline(__always)
    private func colon(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        // The usual `": "` first.
        if end - p >= 3 && p[0] == UInt8(ascii: ":") && p[1] == 0x20 && p[2] > 0x20 {
            p += 2
            return true
        }
        skipSpace(&p, end)
        guard p < end, p.pointee == UInt8(ascii: ":") else { return false }
        p += 1
        skipSpace(&p, end)
        return p < end
    }

    /// A string value into `target`; any other value is skipped and leaves `target` absent.
    @inline(__always)
    private mutating func stringValue(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into target: inout ByteSpan?) -> Bool {
        target = nil
        guard p.pointee == UInt8(ascii: "\"") else { return skipAny(&p, end, depth: 1) }
        guard let value = string(&p, end) else { return false }
        target = value
        return true
    }

    /// A token count: an integer >= 0 that fits 63 bits; any other value is absent.
    @inline(__always)
    private mutating func tokens(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into target: inout Int64?) -> Bool {
        target = nil
        guard isNumberStart(p.pointee) else { return skipAny(&p, end, depth: 1) }
        guard let number = number(&p, end) else { return false }
        target = number.integer
        return true
    }

    // MARK: Values

    private static let blocked = StaticBytes("blocked")

    private static func approvalCode(_ span: ByteSpan) -> UInt8 {
        switch span.count {
        case 8 where span.equals(StaticBytes.approved): 1
        case 8 where span.equals(StaticBytes.rejected): 2
        case 7 where span.equals(StaticBytes.timeout): 3
        default: 0
        }
    }

    private static func severityCode(_ span: ByteSpan) -> ViolationSeverity {
        switch span.count {
        case 3 where span.equals(StaticBytes.low): .low
        case 4 where span.equals(StaticBytes.high): .high
        case 8 where span.equals(StaticBytes.critical): .critical
        default: .medium
        }
    }

    private func literal(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard end - p >= count, memcmp(p, text.utf8Start, count) == 0 else { return false }
        p += count
        return true
    }

    /// Skips one value at `depth`: strings (the most common) without a call.
    @inline(__always)
    mutating func skipAny(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, depth: Int) -> Bool {
        if p.pointee == UInt8(ascii: "\"") { return skipString(&p, end) }
        return skipValue(&p, end, depth: depth)
    }

    /// Skips one value at `depth`, checking that it is valid JSON.
    mutating func skipValue(_ pointer: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, depth: Int) -> Bool {
        var p = pointer
        defer { pointer = p }
        var top = 0  // containers open in this value
        // true: a value is expected next; false: a value just ended.
        var expectValue = true
        while true {
            if expectValue {
                guard p < end else { return false }
                switch p.pointee {
                case UInt8(ascii: "\""):
                    guard skipString(&p, end) else { return false }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard depth + top + 1 <= Self.maxDepth else { return false }
                    let isObject = p.pointee == UInt8(ascii: "{")
                    stack[top] = isObject ? 1 : 2
                    top += 1
                    p += 1
                    skipSpace(&p, end)
                    guard p < end else { return false }
                    if p.pointee == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        p += 1
                        top -= 1
                        break
                    }
                    if isObject {
                        guard p.pointee == UInt8(ascii: "\""), skipString(&p, end), colon(&p, end) else { return false }
                    }
                    continue
                case UInt8(ascii: "t"):
                    guard literal(&p, end, "true") else { return false }
                case UInt8(ascii: "f"):
                    guard literal(&p, end, "false") else { return false }
                case UInt8(ascii: "n"):
                    guard literal(&p, end, "null") else { return false }
                default:
                    guard number(&p, end) != nil else { return false }
                }
                expectValue = false
            }
            // A value ended.
            if top == 0 { return true }
            skipSpace(&p, end)
            guard p < end else { return false }
            let isObject = stack[top - 1] == 1
            switch p.pointee {
            case UInt8(ascii: ","):
                p += 1
                skipSpace(&p, end)
                if isObject {
                    guard p < end, p.pointee == UInt8(ascii: "\""), skipString(&p, end), colon(&p, end) else { return false }
                }
                expectValue = true
            case UInt8(ascii: "}") where isObject, UInt8(ascii: "]") where !isObject:
                p += 1
                top -= 1
            default:
                return false
            }
        }
    }

    // MARK: Strings

    /// Reads a string (at its opening quote); decoded into scratch space if it has escapes.
    @inline(__always)
    mutating func string(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> ByteSpan? {
        p += 1
        let start = p
        guard let stop = scanPlain(&p, end) else { return nil }
        if stop == UInt8(ascii: "\"") {
            let span = ByteSpan(start: start, count: p - start)
            p += 1
            return span
        }
        return decodeEscaped(from: start, &p, end)
    }

    /// The rest of a string that has an escape at `p`, decoded into scratch space.
    @inline(never)
    private mutating func decodeEscaped(from start: UnsafePointer<UInt8>, _ p: inout UnsafePointer<UInt8>,
                                        _ end: UnsafePointer<UInt8>) -> ByteSpan? {
        let out = scratch + scratchUsed
        var n = p - start
        out.update(from: start, count: n)
        while true {
            if p.pointee == UInt8(ascii: "\"") {
                p += 1
                scratchUsed += n
                return ByteSpan(start: UnsafePointer(out), count: n)
            }
            // A backslash.
            guard let scalar = escape(&p, end) else { return nil }
            n += encode(scalar, into: out + n)
            let runStart = p
            guard scanPlain(&p, end) != nil else { return nil }
            let run = p - runStart
            (out + n).update(from: runStart, count: run)
            n += run
        }
    }

    /// Skips a string (at its opening quote), checking escapes and UTF-8.
    @inline(__always)
    private func skipString(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        p += 1
        guard let stop = scanPlain(&p, end) else { return false }
        if stop == UInt8(ascii: "\"") {
            p += 1
            return true
        }
        return skipEscaped(&p, end)
    }

    @inline(never)
    private func skipEscaped(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        while true {
            guard escape(&p, end) != nil else { return false }
            guard let stop = scanPlain(&p, end) else { return false }
            if stop == UInt8(ascii: "\"") {
                p += 1
                return true
            }
        }
    }

    /// Advances over plain string bytes (valid UTF-8, no control byte) to the next
    /// quote or backslash, which it returns; `nil` on a bad byte or the end of the line.
    @inline(__always)
    private func scanPlain(_ pointer: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt8? {
        var p = pointer
        defer { pointer = p }
        while true {
            // Eight bytes at a time: stop at a quote, a backslash, a control byte or a non-ASCII byte.
            while end - p >= 8 {
                let mask = Self.specialBytes(UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
                if mask != 0 {
                    p += mask.trailingZeroBitCount >> 3
                    break
                }
                p += 8
            }
            guard p < end else { return nil }
            let byte = p.pointee
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return byte }
            if byte < 0x20 { return nil }
            if byte < 0x80 {
                p += 1
                continue
            }
            guard let length = Self.utf8SequenceLength(p, end) else { return nil }
            p += length
        }
    }

    /// High bit set in each byte of `word` that is `"`, `\`, < 0x20 or >= 0x80
    /// (exact for the lowest such byte, which is all the caller uses).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highs
    }

    /// The length of the well-formed UTF-8 sequence at `p` (a byte >= 0x80), or `nil`.
    @inline(__always)
    static func utf8SequenceLength(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int? {
        let b0 = p.pointee
        let available = end - p
        func continuation(_ i: Int) -> Bool { p[i] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return available >= 2 && continuation(1) ? 2 : nil
        case 0xE0...0xEF:
            guard available >= 3, continuation(1), continuation(2) else { return nil }
            let b1 = p[1]
            if b0 == 0xE0 && b1 < 0xA0 { return nil }  // overlong
            if b0 == 0xED && b1 >= 0xA0 { return nil }  // surrogate
            return 3
        case 0xF0...0xF4:
            guard available >= 4, continuation(1), continuation(2), continuation(3) else { return nil }
            let b1 = p[1]
            if b0 == 0xF0 && b1 < 0x90 { return nil }  // overlong
            if b0 == 0xF4 && b1 >= 0x90 { return nil }  // above U+10FFFF
            return 4
        default:
            return nil
        }
    }

    /// Reads an escape (at its backslash); the scalar it stands for (U+FFFD for a lone surrogate).
    private func escape(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt32? {
        guard end - p >= 2 else { return nil }
        let kind = p[1]
        p += 2
        switch kind {
        case UInt8(ascii: "\""): return 0x22
        case UInt8(ascii: "\\"): return 0x5C
        case UInt8(ascii: "/"): return 0x2F
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            guard let unit = hex4(&p, end) else { return nil }
            if unit >= 0xD800 && unit < 0xDC00 {
                // A high surrogate: a pair when a low surrogate escape follows.
                if end - p >= 6, p[0] == UInt8(ascii: "\\"), p[1] == UInt8(ascii: "u") {
                    var q = p + 2
                    if let low = hex4(&q, end), low >= 0xDC00 && low < 0xE000 {
                        p = q
                        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                }
                return 0xFFFD
            }
            if unit >= 0xDC00 && unit < 0xE000 { return 0xFFFD }
            return unit
        default:
            return nil
        }
    }

    private func hex4(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt32? {
        guard end - p >= 4 else { return nil }
        var value: UInt32 = 0
        for i in 0..<4 {
            let c = p[i]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        p += 4
        return value
    }

    /// Writes `scalar` as UTF-8 at `out`; the number of bytes written.
    private func encode(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | scalar >> 18)
            out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }

    // MARK: Numbers

    struct Number {
        var value: Double
        /// The value when the number is an integer written without fraction or exponent, >= 0 and < 2^63.
        var integer: Int64?
    }


    /// Reads a number (RFC 8259 grammar). `nil` when it is not one, or not finite as a double.
    mutating func number(_ pointer: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Number? {
        var p = pointer
        defer { pointer = p }
        let start = p
        let negative = p.pointee == UInt8(ascii: "-")
        if negative { p += 1 }
        guard p < end else { return nil }
        // All digits into `mantissa` (exact while there are at most 19 of them).
        var mantissa: UInt64 = 0
        var digits = 0
        if p.pointee == UInt8(ascii: "0") {
            p += 1
        } else if isDigit(p.pointee) {
            repeat {
                mantissa = mantissa &* 10 &+ UInt64(p.pointee &- 48)
                digits += 1
                p += 1
            } while p < end && isDigit(p.pointee)
        } else {
            return nil
        }
        var exponent = 0
        var isInteger = true
        if p < end && p.pointee == UInt8(ascii: ".") {
            isInteger = false
            p += 1
            guard p < end && isDigit(p.pointee) else { return nil }
            repeat {
                mantissa = mantissa &* 10 &+ UInt64(p.pointee &- 48)
                digits += 1
                exponent -= 1
                p += 1
            } while p < end && isDigit(p.pointee)
        }
        if p < end && (p.pointee | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            p += 1
            var exponentNegative = false
            if p < end && (p.pointee == UInt8(ascii: "+") || p.pointee == UInt8(ascii: "-")) {
                exponentNegative = p.pointee == UInt8(ascii: "-")
                p += 1
            }
            guard p < end && isDigit(p.pointee) else { return nil }
            var written = 0
            repeat {
                if written < 100_000 { written = written * 10 + Int(p.pointee &- 48) }
                p += 1
            } while p < end && isDigit(p.pointee)
            exponent += exponentNegative ? -written : written
        }
        let exact = digits <= 19
        let integer: Int64? = isInteger && exact && (!negative || mantissa == 0) && mantissa <= UInt64(Int64.max)
            ? Int64(mantissa) : nil
        // Exact fast path: the mantissa and the power of ten are both exact doubles.
        if exact && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let magnitude = Double(mantissa)
            let value = exponent < 0 ? magnitude / powersOfTen[-exponent] : magnitude * powersOfTen[exponent]
            return Number(value: negative ? -value : value, integer: integer)
        }
        // Everything else: strtod on a terminated copy.
        let length = p - start
        let copy = scratch + scratchUsed
        copy.update(from: start, count: length)
        copy[length] = 0
        let value = copy.withMemoryRebound(to: CChar.self, capacity: length + 1) { strtod($0, nil) }
        guard value.isFinite else { return nil }
        return Number(value: value, integer: integer)
    }

    // MARK: Helpers

    @inline(__always)
    private func skipSpace(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) {
        if p < end && p.pointee > 0x20 { return }
        while p < end {
            let c = p.pointee
            guard c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A else { return }
            p += 1
        }
    }
}

@inline(__always)
private func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

@inline(__always)
private func isNumberStart(_ c: UInt8) -> Bool { c == UInt8(ascii: "-") || isDigit(c) }

/// The keys the scanner reads, recognized by length and then by bytes.
private enum EventKey {
    case agentName, timestamp, action, allowed, toolName, toolArgs, policyChecks, durationMs
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
