import Foundation
import Wenxi

/// Counts what a batch has done, for the progress line. Thread-safe; the CLI decides when and
/// where to show `line()`.
package final class BatchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let started: Double
    private var documents = 0
    private var bytes = 0
    private var errors = 0
    private var expectedBytes: Int?

    package init(now: Double = BatchProgress.now()) {
        started = now
    }

    /// Monotonic seconds.
    package static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// One input done: `bytes` read from it, and whether it failed.
    package func record(bytes n: Int, failed: Bool) {
        lock.lock()
        documents += 1
        bytes += n
        if failed { errors += 1 }
        lock.unlock()
    }

    /// The total input size, when known (it gives the ETA).
    package func expect(bytes n: Int) {
        lock.lock()
        expectedBytes = n
        lock.unlock()
    }

    package struct Snapshot: Equatable, Sendable {
        package var documents: Int
        package var bytes: Int
        package var errors: Int
        package var elapsed: Double
        package var expectedBytes: Int?
    }

    package func snapshot(now: Double = BatchProgress.now()) -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return Snapshot(documents: documents, bytes: bytes, errors: errors,
                        elapsed: max(0, now - started), expectedBytes: expectedBytes)
    }

    /// `1,234 docs  12.3 MB  456 docs/s  2.1 MB/s  0 errors  ETA 0:12` (no ETA when the total
    /// size is unknown, as for stdin).
    package func line(now: Double = BatchProgress.now()) -> String {
        BatchProgress.format(snapshot(now: now))
    }

    package static func format(_ s: Snapshot) -> String {
        let mb = Double(s.bytes) / 1_000_000
        let t = max(s.elapsed, 0.001)
        var parts = [
            "\(grouped(s.documents)) docs",
            String(format: "%.1f MB", mb),
            "\(grouped(Int((Double(s.documents) / t).rounded()))) docs/s",
            String(format: "%.1f MB/s", mb / t),
            s.errors == 1 ? "1 error" : "\(grouped(s.errors)) errors",
        ]
        if let total = s.expectedBytes, s.bytes > 0, s.elapsed > 0 {
            let remaining = max(0, total - s.bytes)
            let eta = Double(remaining) / (Double(s.bytes) / s.elapsed)
            parts.append("ETA " + duration(eta))
        }
        return parts.joined(separator: "  ")
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `0:07`, `12:30`, `1:02:03`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, sec) : String(format: "%d:%02d", m, sec)
    }
}
