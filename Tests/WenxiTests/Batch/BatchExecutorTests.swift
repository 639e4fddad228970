import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Batch: ordered executor")
struct BatchExecutorTests {
    /// Work whose duration varies, so workers finish out of order.
    static func slowSquare(_ state: inout Int, _ n: Int) -> String {
        state += 1
        usleep(UInt32((n * 7919) % 5) * 300)
        return "\(n * n)"
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInInputOrder(jobs: Int) {
        var next = 0
        var out: [String] = []
        let done = OrderedExecutor(jobs: jobs).run(
            next: { next < 200 ? { defer { next += 1 }; return next }() : nil },
            makeState: { 0 },
            process: BatchExecutorTests.slowSquare,
            emit: { out.append($0); return true })
        #expect(done)
        #expect(out == (0..<200).map { "\($0 * $0)" })
    }

    @Test(arguments: [1, 2, 4])
    func itemsInFlightNeverExceedTheWindow(jobs: Int) {
        let executor = OrderedExecutor(jobs: jobs, window: 5)
        var pulled = 0, emitted = 0, most = 0
        executor.run(
            next: {
                guard pulled < 100 else { return nil }
                pulled += 1
                most = max(most, pulled - emitted)
                return pulled
            },
            makeState: { 0 },
            process: BatchExecutorTests.slowSquare,
            emit: { _ in emitted += 1; return true })
        #expect(emitted == 100)
        #expect(most <= 5 + 1) // the window, plus the item being pulled
        #expect(most >= min(jobs, 5))
    }

    @Test(arguments: [1, 2, 4])
    func stoppingEarlyStopsPulling(jobs: Int) {
        var pulled = 0
        var out: [String] = []
        let done = OrderedExecutor(jobs: jobs, window: 6).run(
            next: { pulled += 1; return pulled <= 10_000 ? pulled : nil },
            makeState: { 0 },
            process: BatchExecutorTests.slowSquare,
            emit: { out.append($0); return out.count < 3 })
        #expect(!done)
        #expect(out == ["1", "4", "9"])
        #expect(pulled < 3 + 6 + 2)
    }

    @Test func eachWorkerKeepsItsOwnState() {
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var states = 0
        }
        let box = Box()
        var next = 0
        OrderedExecutor(jobs: 3).run(
            next: { next < 50 ? { defer { next += 1 }; return next }() : nil },
            makeState: { box.lock.lock(); box.states += 1; box.lock.unlock(); return 0 },
            process: BatchExecutorTests.slowSquare,
            emit: { _ in true })
        #expect(box.states == 3)
    }

    @Test func emptyInputEmitsNothing() {
        var emitted = 0
        let done = OrderedExecutor(jobs: 2).run(next: { Int?.none }, makeState: { 0 },
                                                process: BatchExecutorTests.slowSquare,
                                                emit: { _ in emitted += 1; return true })
        #expect(done)
        #expect(emitted == 0)
    }
}

@Suite("Batch: progress")
struct BatchProgressTests {
    @Test func lineShowsCountsRatesAndETA() {
        let s = BatchProgress.Snapshot(documents: 1234, bytes: 12_300_000, errors: 2, elapsed: 10, expectedBytes: 24_600_000)
        #expect(BatchProgress.format(s) == "1,234 docs  12.3 MB  123 docs/s  1.2 MB/s  2 errors  ETA 0:10")
    }

    @Test func noETAWithoutATotal() {
        let s = BatchProgress.Snapshot(documents: 1, bytes: 10, errors: 1, elapsed: 2, expectedBytes: nil)
        #expect(BatchProgress.format(s) == "1 docs  0.0 MB  1 docs/s  0.0 MB/s  1 error")
    }

    @Test(arguments: [(0.0, "0:00"), (59.6, "1:00"), (754, "12:34"), (3723, "1:02:03")])
    func durations(seconds: Double, text: String) {
        #expect(BatchProgress.duration(seconds) == text)
    }

    @Test func recordsFromManyThreads() {
        let p = BatchProgress(now: 0)
        DispatchQueue.concurrentPerform(iterations: 1000) { i in p.record(bytes: 2, failed: i % 10 == 0) }
        let s = p.snapshot(now: 1)
        #expect((s.documents, s.bytes, s.errors) == (1000, 2000, 100))
    }
}

@Suite("Batch: executor shutdown and limits")
struct BatchExecutorShutdownTests {
    /// Counts live worker states (one counter per test case: cases run in parallel).
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var live = 0
        func add(_ d: Int) { lock.lock(); live += d; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return live }
    }
    /// A worker state, freed by its worker thread.
    final class Tracked {
        let counter: Counter
        init(_ counter: Counter) { self.counter = counter; counter.add(1) }
        deinit {
            usleep(20_000) // a slow deinit (an Analyzer closing ICU) must still finish before `run` returns
            counter.add(-1)
        }
    }

    /// Every worker's state is freed before `run` returns (workers joined after they let go of
    /// it), also when the run stops early.
    @Test(arguments: [(2, true), (3, false)])
    func workerStatesAreFreedBeforeRunReturns(jobs: Int, stopEarly: Bool) {
        let counter = Counter()
        var next = 0
        var emitted = 0
        OrderedExecutor(jobs: jobs).run(
            next: { next < 40 ? { defer { next += 1 }; return next }() : nil },
            makeState: { Tracked(counter) },
            process: { _, n in n },
            emit: { _ in emitted += 1; return !stopEarly || emitted < 5 })
        #expect(counter.value == 0)
    }

    /// When no worker thread can be created (here: an impossible stack size; in life, the
    /// process limit), the run goes on on the calling thread instead of waiting forever.
    @Test(.timeLimit(.minutes(1)))
    func noThreadsMeansTheCallingThreadDoesTheWork() {
        var executor = OrderedExecutor(jobs: 4)
        executor.stackSize = 1 << 46
        var next = 0
        var out: [String] = []
        let done = executor.run(
            next: { next < 20 ? { defer { next += 1 }; return next }() : nil },
            makeState: { 0 },
            process: BatchExecutorTests.slowSquare,
            emit: { out.append($0); return true })
        #expect(done)
        #expect(out == (0..<20).map { "\($0 * $0)" })
    }

    @Test func hugeJobCountsAreCapped() {
        #expect(OrderedExecutor(jobs: .max).jobs == OrderedExecutor.maxJobs)
        #expect(OrderedExecutor(jobs: .max, window: .max).window <= Int.max / 2)
        #expect(OrderedExecutor(jobs: 100_000).window == 4 * OrderedExecutor.maxJobs)
    }
}
