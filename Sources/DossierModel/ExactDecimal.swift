import DossierSupport

/// A decimal number exactly as written (`0.29` is 29/100, not the nearest
/// binary float), with exact comparison and multiplication by integers.
///
/// Thresholds and amounts in governance records are compared with these, so
/// that a ratio equal to its threshold is never "above" it by a rounding error.
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Significant digits, most significant first, no leading or trailing zeros; empty for zero.
    private let digits: [UInt8]
    /// value = digits × 10^exponent
    private let exponent: Int
    public let isNegative: Bool
    /// The text the number was written as (for messages).
    public let text: String

    public static let zero = ExactDecimal(digits: [], exponent: 0, negative: false, text: "0")

    private init(digits: [UInt8], exponent: Int, negative: Bool, text: String) {
        var d = digits
        var e = exponent
        while let first = d.first, first == 0 { d.removeFirst() }
        while let last = d.last, last == 0 { d.removeLast(); e += 1 }
        self.digits = d
        self.exponent = d.isEmpty ? 0 : e
        self.isNegative = d.isEmpty ? false : negative
        self.text = text
    }

    public init(_ value: Int) {
        let magnitude = value.magnitude
        self.init(digits: String(magnitude).utf8.map { $0 - 48 }, exponent: 0, negative: value < 0, text: String(value))
    }

    /// Parses `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` (YAML 1.2 core and JSON numbers).
    public init?(_ text: String) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while let b = bytes.first {
            if b >= 48 && b <= 57 {
                digits.append(b - 48)
                if sawPoint { exponent -= 1 }
                sawDigit = true
            } else if b == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var expNegative = false
            if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                expNegative = s == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty, bytes.count <= 6 else { return nil }
            var value = 0
            for b in bytes {
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            exponent += expNegative ? -value : value
            bytes = bytes[bytes.endIndex...]
        }
        guard bytes.isEmpty, digits.count <= 4096 else { return nil }
        self.init(digits: digits, exponent: exponent, negative: negative, text: text)
    }

    public var isZero: Bool { digits.isEmpty }

    public var description: String { text }

    /// `self × n` for a non-negative integer `n`, exactly.
    public func multiplied(by n: Int) -> ExactDecimal {
        precondition(n >= 0)
        let other = String(n).utf8.map { $0 - 48 }
        var result = [Int](repeating: 0, count: digits.count + other.count)
        for (i, a) in digits.reversed().enumerated() {
            for (j, b) in other.reversed().enumerated() {
                result[i + j] += Int(a) * Int(b)
            }
        }
        var carry = 0
        for k in result.indices {
            let v = result[k] + carry
            result[k] = v % 10
            carry = v / 10
        }
        while carry > 0 { result.append(carry % 10); carry /= 10 }
        return ExactDecimal(digits: result.reversed().map { UInt8($0) }, exponent: exponent,
                            negative: isNegative, text: "\(text)*\(n)")
    }

    /// Position of the most significant digit (10^magnitude ≤ |value| < 10^(magnitude+1)).
    private var magnitude: Int { digits.count + exponent }

    private static func compareMagnitude(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.isZero || b.isZero { return a.isZero ? (b.isZero ? 0 : -1) : 1 }
        if a.magnitude != b.magnitude { return a.magnitude < b.magnitude ? -1 : 1 }
        for i in 0..<max(a.digits.count, b.digits.count) {
            let x = i < a.digits.count ? a.digits[i] : 0
            let y = i < b.digits.count ? b.digits[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if a.isNegative != b.isNegative { return a.isNegative }
        let c = compareMagnitude(a, b)
        return a.isNegative ? c > 0 : c < 0
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        a.isNegative == b.isNegative && a.digits == b.digits && a.exponent == b.exponent
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isNegative)
        hasher.combine(digits)
        hasher.combine(exponent)
    }

    /// Whether `numerator / denominator > self`, exactly. A zero denominator is never above.
    public func isExceeded(byRatioOf numerator: Int, to denominator: Int) -> Bool {
        guard denominator > 0 else { return false }
        return ExactDecimal(numerator) > multiplied(by: denominator)
    }
}

extension ExactDecimal {
    /// The amount as people read it, with thousands separators and at least two decimals, whatever
    /// the locale: `25000.0` → `25,000.00`, `1250.5` → `1,250.50`, `0.125` → `0.125`. A number written
    /// with an exponent is shown as written.
    public var displayAmount: String { Counted.decimal(text, minimumFractionDigits: 2) }
}
