extension Sequence where Element == Int {
    /// The sum, clamped at `Int.max` instead of trapping on overflow (counts come from input files).
    package var saturatingSum: Int {
        reduce(0) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            return overflow ? Int.max : sum
        }
    }
}
