/// Byte-wise string order, independent of locale and Unicode normalization.
package enum ByteOrder {
    package static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Compares optionals with `nil` first.
    package static func less(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (a?, b?): return less(a, b)
        }
    }
}
