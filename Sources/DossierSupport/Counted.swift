/// Counts and numbers as people read them, the same whatever the machine's locale:
/// "1 policy violation", "4 malformed lines", "30,001 ms", "25,000.00".
///
/// Only human wording uses these. Machine outputs (report.json, JUnit, SARIF,
/// Prometheus) keep their exact values.
public enum Counted {
    /// The count with its noun: `phrase(1, "gap")` is "1 gap", `phrase(1250, "event")`
    /// "1,250 events". `plural` is the noun for any count but 1 (the singular plus "s"
    /// when not given), so that a verb can agree too: `phrase(n, "line that is not an
    /// event", plural: "lines that are not events")`.
    public static func phrase(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(grouped(count)) \(noun(count, singular, plural: plural))"
    }

    /// The noun alone, singular for 1 and plural otherwise (0 included).
    public static func noun(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    /// An integer with "," between groups of three digits: 1234567 → "1,234,567".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + group(Substring(digits))
    }

    /// A decimal number written as text (`30001.0`, `-1250.5`, `0.125`) with its whole
    /// part grouped and its fraction padded to `minimumFractionDigits`; a fraction of
    /// zeros beyond that minimum is dropped, so a whole value shows no `.0`:
    /// "30001.0" → "30,001", "1250.5" → "1,250.5" ("1,250.50" with 2 digits).
    /// Text that is not a plain decimal (an exponent, `inf`) is returned as written.
    public static func decimal(_ text: String, minimumFractionDigits: Int = 0) -> String {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            if first == "-" { sign = "-" }
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fractionText = parts.count > 1 ? parts[1] : ""
        guard whole.allSatisfy(\.isASCIIDigitCharacter), fractionText.allSatisfy(\.isASCIIDigitCharacter),
              !(whole.isEmpty && fractionText.isEmpty) else { return text }
        var fraction = String(fractionText)
        while fraction.count > minimumFractionDigits, fraction.last == "0" { fraction.removeLast() }
        while fraction.count < minimumFractionDigits { fraction += "0" }
        let trimmed = whole.drop { $0 == "0" }
        let integer = trimmed.isEmpty ? "0" : group(trimmed)
        let isZero = integer == "0" && fraction.allSatisfy { $0 == "0" }
        return (isZero ? "" : sign) + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    private static func group(_ digits: Substring) -> String {
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
