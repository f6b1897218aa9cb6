import Foundation

/// Lets threads work on at most `capacity` bytes at once. Work larger than the
/// capacity waits until it can run alone; small work is never held back by the gate
/// unless large work fills it.
package final class ByteGate: @unchecked Sendable {
    private let capacity: Int
    private let condition = NSCondition()
    private var inFlight = 0

    package init(capacity: Int) { self.capacity = capacity }

    package func withBytes<T, E: Error>(_ bytes: Int, _ body: () throws(E) -> T) throws(E) -> T {
        let cost = min(max(bytes, 0), capacity)
        condition.lock()
        while inFlight > 0 && inFlight + cost > capacity { condition.wait() }
        inFlight += cost
        condition.unlock()
        defer {
            condition.lock()
            inFlight -= cost
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }
}
