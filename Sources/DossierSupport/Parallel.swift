import Foundation

/// The one way work is spread over the cores: a few workers take indexes from a
/// shared counter, in order, until the work is done or one of them fails.
/// Each worker keeps its own state (a tally, a reusable buffer) and returns it;
/// after the first error no new index is handed out, and that error is rethrown.
package enum Parallel {
    /// The cores this process may use.
    package static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Runs `body` on `workers` threads. Each call gets its worker number and `next`, which hands out
    /// the indexes `0..<count` one at a time (`nil` when they are used up or a worker failed).
    /// Returns each worker's result, by worker number.
    package static func run<R: Sendable, E: Error>(count: Int, workers: Int = cores,
                                                  _ body: @Sendable (_ worker: Int, _ next: () -> Int?) throws(E) -> R) throws(E) -> [R] {
        let workers = max(1, min(workers, count))
        let state = State<R, E>(workers: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do throws(E) {
                let result = try body(worker) { state.next(below: count) }
                state.finish(worker, result)
            } catch {
                state.fail(error)
            }
        }
        return try state.results()
    }

    /// `work` on every element, on all cores; the results in the order of `items`.
    package static func map<T: Sendable, R: Sendable, E: Error>(_ items: [T], workers: Int = cores,
                                                               _ work: @Sendable (T) throws(E) -> R) throws(E) -> [R] {
        let parts = try run(count: items.count, workers: workers) { (_, next) throws(E) -> [(Int, R)] in
            var done: [(Int, R)] = []
            while let index = next() { done.append((index, try work(items[index]))) }
            return done
        }
        var results = [R?](repeating: nil, count: items.count)
        for part in parts { for (index, value) in part { results[index] = value } }
        return results.map { $0! }
    }

    /// `body` for each index below `count`, on all cores.
    package static func forEach<E: Error>(count: Int, workers: Int = cores, _ body: @Sendable (Int) throws(E) -> Void) throws(E) {
        _ = try run(count: count, workers: workers) { (_, next) throws(E) in
            while let index = next() { try body(index) }
        }
    }

    private final class State<R: Sendable, E: Error>: @unchecked Sendable {
        private let lock = NSLock()
        private var counter = 0
        private var failure: E?
        private var finished: [R?]

        init(workers: Int) { finished = Array(repeating: nil, count: workers) }

        func next(below count: Int) -> Int? {
            lock.withLock {
                guard failure == nil, counter < count else { return nil }
                defer { counter += 1 }
                return counter
            }
        }

        func finish(_ worker: Int, _ result: R) { lock.withLock { finished[worker] = result } }

        func fail(_ error: E) { lock.withLock { if failure == nil { failure = error } } }

        func results() throws(E) -> [R] {
            let (failure, finished) = lock.withLock { (self.failure, self.finished) }
            if let failure { throw failure }
            return finished.map { $0! }
        }
    }
}

extension Parallel {
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
}
