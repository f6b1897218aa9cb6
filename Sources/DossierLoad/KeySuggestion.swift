import DossierSupport
import DossierModel
import DossierAudit

/// "did you mean …?" for unknown keys.
enum KeySuggestion {
    /// The known key closest to `key`, if it is close enough to be a likely typo.
    static func closest(to key: String, in known: [String]) -> String? {
        let lowered = key.lowercased()
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(Array(lowered.unicodeScalars), Array(candidate.unicodeScalars))
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, min(key.count, best.key.count) / 3)
        if best.distance <= limit { return best.key }
        // A shortened key (`human_oversight`, `requires_approval`): every word of it in one known key.
        let words = Set(lowered.split(separator: "_"))
        guard words.count >= 2 else { return nil }
        return known.filter { words.isSubset(of: Set($0.split(separator: "_"))) }.min { $0.count < $1.count }
    }

    /// Levenshtein distance, with an adjacent transposition counting as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if a.count > 256 || b.count > 256 { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
