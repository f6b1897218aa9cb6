import DossierSupport
import DossierModel
import DossierAudit

/// Agent ids: `^[a-z0-9][a-z0-9._-]{0,63}$` (they become file names and URLs).
package enum AgentID {
    package static let rule = "lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters"

    package static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() {
            let alphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if index == 0 {
                guard alphanumeric else { return false }
            } else {
                guard alphanumeric || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") else { return false }
            }
        }
        return true
    }
}
