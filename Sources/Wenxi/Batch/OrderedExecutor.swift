import Foundation

/// Runs `process` over a lazily pulled sequence of items on `jobs` worker threads and hands the
/// results to `emit` in input order, on the calling thread.
///
/// Memory is bounded by `window`: at most that many items are pulled but not yet emitted, so a
/// slow document holds back reading, never the other way round. Each worker thread builds its
/// own `State` with `makeState` (for example an `Analyzer`, whose ICU iterators are not
/// thread-safe); the state never leaves its thread. With `jobs == 1` everything runs on the
/// calling thread, so the output is the same for any number of jobs by construction.
public struct OrderedExecutor: Sendable {
    public let jobs: Int
    public let window: Int
    /// Stack size of worker threads (libxml2 and deep HTML recurse).
    public var stackSize = 16 << 20

    /// `window` defaults to four items per job: enough to keep every worker busy while the
    /// emitter waits for a slow document, small enough that memory does not grow with the input.
    public init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(self.jobs, window ?? 4 * max(1, jobs))
    }

    /// Pulls items from `next` (on the calling thread) until it returns nil, processes each with
    /// a per-thread state, and calls `emit` in order. `emit` returns false to stop early (e.g. the
    /// reader of stdout went away): nothing more is pulled, items in flight are dropped.
    /// Returns false when stopped early.
    ///
    /// `ready` says whether `next` can return without waiting for input (a stream line not yet
    /// written); when it cannot, everything in flight is emitted first, so that a slow feed never
    /// holds back the results of what it already sent.
    @discardableResult
    public func run<Item: Sendable, State, Output: Sendable>(
        next: () -> Item?,
        ready: () -> Bool = { true },
        makeState: @escaping @Sendable () -> State,
        process: @escaping @Sendable (inout State, Item) -> Output,
        emit: (Output) -> Bool
    ) -> Bool {
        if jobs == 1 {
            var state = makeState()
            while let item = next() {
                if !emit(process(&state, item)) { return false }
            }
            return true
        }

        let shared = Shared<Item, Output>()
        var threads: [Thread] = []
        for i in 0..<jobs {
            let t = Thread {
                var state = makeState()
                while let (seq, item) = shared.take() {
                    let out = process(&state, item)
                    shared.finish(seq, out)
                }
                shared.workerExited()
            }
            t.name = "wenxi-worker-\(i)"
            t.stackSize = stackSize
            threads.append(t)
            t.start()
        }

        var submitted = 0
        var emitted = 0
        var completed = true
        // Emits whatever is ready, in order; blocks only while `limit` or more items are in
        // flight (the window is full, or — with limit 1 at the end — anything is left).
        func drain(untilBelow limit: Int) -> Bool {
            while true {
                let ready = shared.waitReady(from: emitted, inFlight: submitted - emitted, limit: limit)
                if ready.isEmpty { return true }
                for out in ready {
                    emitted += 1
                    if !emit(out) { return false }
                }
            }
        }
        loop: while true {
            if !drain(untilBelow: window) { completed = false; break loop }
            if submitted > emitted && !ready() && !drain(untilBelow: 1) { completed = false; break loop }
            guard let item = next() else { break }
            shared.submit(submitted, item)
            submitted += 1
        }
        if completed, !drain(untilBelow: 1) { completed = false }
        shared.close()
        shared.waitForWorkers(jobs)
        return completed
    }
}

/// The state shared by the emitting thread and the workers, guarded by one condition.
private final class Shared<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private let cond = NSCondition()
    private var queue: [(Int, Item)] = []
    private var head = 0
    private var results: [Int: Output] = [:]
    private var closed = false
    private var exited = 0

    func submit(_ seq: Int, _ item: Item) {
        cond.lock()
        queue.append((seq, item))
        cond.broadcast()
        cond.unlock()
    }

    /// Next item for a worker, or nil once closed and empty.
    func take() -> (Int, Item)? {
        cond.lock()
        defer { cond.unlock() }
        while head == queue.count && !closed { cond.wait() }
        guard head < queue.count else { return nil }
        let job = queue[head]
        head += 1
        if head > 64 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        return job
    }

    func finish(_ seq: Int, _ out: Output) {
        cond.lock()
        results[seq] = out
        cond.broadcast()
        cond.unlock()
    }

    /// The consecutive results from `from` on. Blocks while none is ready and `inFlight` is at
    /// least `limit`; returns empty when nothing is ready and there is room for more work.
    func waitReady(from: Int, inFlight: Int, limit: Int) -> [Output] {
        cond.lock()
        defer { cond.unlock() }
        while results[from] == nil && inFlight >= limit && inFlight > 0 { cond.wait() }
        var out: [Output] = []
        var seq = from
        while let r = results.removeValue(forKey: seq) {
            out.append(r)
            seq += 1
        }
        return out
    }

    /// Stops the workers: drops queued items; workers finish the one in hand and exit.
    func close() {
        cond.lock()
        closed = true
        queue.removeAll()
        head = 0
        cond.broadcast()
        cond.unlock()
    }

    func workerExited() {
        cond.lock()
        exited += 1
        cond.broadcast()
        cond.unlock()
    }

    func waitForWorkers(_ n: Int) {
        cond.lock()
        while exited < n { cond.wait() }
        results.removeAll()
        cond.unlock()
    }
}
