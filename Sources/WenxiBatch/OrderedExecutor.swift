import Foundation
import Wenxi

/// Runs `process` over a lazily pulled sequence of items on `jobs` worker threads and hands the
/// results to `emit` in input order, on the calling thread.
///
/// Memory is bounded by `window`: at most that many items are pulled but not yet emitted, so a
/// slow document holds back reading, never the other way round. Each worker thread builds its
/// own `State` with `makeState` (for example an `Analyzer`, whose ICU iterators are not
/// thread-safe); the state never leaves its thread. With `jobs == 1` everything runs on the
/// calling thread, so the output is the same for any number of jobs by construction.
package struct OrderedExecutor: Sendable {
    package let jobs: Int
    package let window: Int
    /// Stack size of worker threads (libxml2 and deep HTML recurse).
    package var stackSize = 16 << 20

    /// `window` defaults to four items per job: enough to keep every worker busy while the
    /// emitter waits for a slow document, small enough that memory does not grow with the input.
    package init(jobs: Int, window: Int? = nil) {
        self.jobs = min(max(1, jobs), OrderedExecutor.maxJobs)
        self.window = min(max(self.jobs, window ?? 4 * self.jobs), Int.max / 2)
    }

    /// The most worker threads a run starts (more jobs than this are capped). Each holds an
    /// Analyzer and a 16 MiB stack reservation; far more threads than cores only cost memory.
    package static let maxJobs = 256

    /// Pulls items from `next` (on the calling thread) until it returns nil, processes each with
    /// a per-thread state, and calls `emit` in order. `emit` returns false to stop early (e.g. the
    /// reader of stdout went away): nothing more is pulled, items in flight are dropped.
    /// Returns false when stopped early.
    ///
    /// `ready` says whether `next` can return without waiting for input (a stream line not yet
    /// written); when it cannot, everything in flight is emitted first, so that a slow feed never
    /// holds back the results of what it already sent.
    @discardableResult
    package func run<Item: Sendable, State, Output: Sendable>(
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
        // Each worker's state lives inside `work`: it is freed (Analyzer, ICU iterators) before
        // the thread returns, and the threads are joined before `run` returns, so nothing of a
        // worker is still running or being freed once the caller goes on (or the process exits).
        let work: @Sendable () -> Void = {
            var state = makeState()
            while let (seq, item) = shared.take() {
                let out = process(&state, item)
                shared.finish(seq, out)
            }
        }
        var threads: [pthread_t] = []
        for _ in 0..<jobs {
            guard let t = WorkerThread.start(stackSize: stackSize, work) else { break }
            threads.append(t)
        }
        defer {
            shared.close()
            for t in threads { pthread_join(t, nil) }
        }
        // No thread could be created (the process or user limit is reached): run on this one.
        if threads.isEmpty {
            var state = makeState()
            while let item = next() {
                if !emit(process(&state, item)) { return false }
            }
            return true
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

}

/// Worker threads made with pthread_create, whose failure (EAGAIN at the process limit) is seen
/// and handled, unlike `Thread.start()`'s; joined with pthread_join.
enum WorkerThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// A started thread running `body`, or nil when none could be created.
    static func start(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> pthread_t? {
        var attr = pthread_attr_t()
        guard pthread_attr_init(&attr) == 0 else { return nil }
        defer { pthread_attr_destroy(&attr) }
        _ = pthread_attr_setstacksize(&attr, stackSize)
        let box = Unmanaged.passRetained(Box(body))
        var thread = pthread_t()
        let rc = pthread_create(&thread, &attr, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box.toOpaque())
        guard rc == 0 else {
            box.release()
            return nil
        }
        return thread
    }
}
