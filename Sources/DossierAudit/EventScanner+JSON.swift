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

/// The JSON grammar of the scanner (RFC 8259): separators, strings, numbers and values that are
/// skipped but still validated. The event schema, what the scanner keeps of a line, is in EventScanner.swift
/// and AuditEvent.swift.
extension EventScanner {
    enum Separator { case more, closed, invalid }

    /// After a member or element: `,` (another follows) or `closing` (the container ends).
    @inline(__always)
    func next(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, closing: UInt8) -> Separator {
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
    func colon(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
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

    func literal(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ text: StaticString) -> Bool {
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
    mutating func decodeEscaped(from start: UnsafePointer<UInt8>, _ p: inout UnsafePointer<UInt8>,
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
    func skipString(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        p += 1
        guard let stop = scanPlain(&p, end) else { return false }
        if stop == UInt8(ascii: "\"") {
            p += 1
            return true
        }
        return skipEscaped(&p, end)
    }

    @inline(never)
    func skipEscaped(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
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
    func scanPlain(_ pointer: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt8? {
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
    func escape(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt32? {
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

    func hex4(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt32? {
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
    func encode(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
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
    func skipSpace(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) {
        if p < end && p.pointee > 0x20 { return }
        while p < end {
            let c = p.pointee
            guard c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A else { return }
            p += 1
        }
    }
}


@inline(__always)
func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

@inline(__always)
func isNumberStart(_ c: UInt8) -> Bool { c == UInt8(ascii: "-") || isDigit(c) }
