/// Text rules shared by validation and scoring.
package enum TextRules {
    /// "Empty": no character that is not Unicode White_Space (so NBSP and U+3000 are blank).
    package static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// A name made safe to print (control characters escaped).
    package static func displayable(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
