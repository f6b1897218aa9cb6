extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of a literal (an entity, an escape, a bracket), without a `String`.
    @inline(__always)
    package mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
