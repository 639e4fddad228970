import Foundation
import Testing
@testable import Wenxi

/// Micro-benchmark of the text kernel: prints MB/s for validation, decoding, encoding, line
/// splitting and classification over the corpus posts (or synthetic text without ../shared).
/// It measures and prints; it asserts nothing about time. Skipped unless WENXI_BENCH=1:
/// `scripts/bench-text` runs it in release.
@Suite("Text kernel benchmark")
struct TextKernelBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["WENXI_BENCH"] == "1"

    /// All corpus posts concatenated, or a synthetic mixed Chinese/ASCII text of about 8 MB.
    static func input() -> (bytes: [UInt8], what: String) {
        let dir = SharedData.path("corpus/posts")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: dir), !names.isEmpty {
            var bytes: [UInt8] = []
            for n in names.sorted() {
                if let d = FileManager.default.contents(atPath: dir + "/" + n) { bytes += d }
            }
            return (bytes, "\(names.count) corpus posts")
        }
        let line = "臺北市政府今天（6日）表示，2026年預算為新臺幣1,234億元。Taipei City said on Sunday.\r\n"
        return (Array(String(repeating: line, count: 80_000).utf8), "synthetic text")
    }

    /// Best of `rounds` runs of `body`, in MB/s of `bytes` bytes; `sink` keeps the work alive.
    static func measure(_ label: String, bytes: Int, rounds: Int = 5, _ body: () -> Int) {
        var best = Double.infinity
        var sink = 0
        for _ in 0..<rounds {
            let t0 = DispatchTime.now().uptimeNanoseconds
            sink &+= body()
            let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = min(best, t)
        }
        let mbs = Double(bytes) / 1e6 / best
        print("text-kernel  \(label.padding(toLength: 42, withPad: " ", startingAt: 0)) \(String(format: "%8.0f", mbs)) MB/s  (\(String(format: "%.2f", best * 1000)) ms, check \(sink % 1000))")
    }

    @Test(.enabled(if: enabled, "set WENXI_BENCH=1 (scripts/bench-text)"))
    func throughput() {
        let (bytes, what) = Self.input()
        let n = bytes.count
        print("text-kernel  input: \(what), \(n) bytes")
        Self.measure("validate  UTF8Text.firstInvalid", bytes: n) { UTF8Text.firstInvalid(bytes) ?? -1 }
        Self.measure("validate  String(validating:) (stdlib)", bytes: n) { String(validating: bytes, as: UTF8.self)?.utf8.count ?? -1 }
        Self.measure("count     UTF8Text.multiByteCounts", bytes: n) { UTF8Text.multiByteCounts(bytes).valid }
        Self.measure("decode    UTF8Text.decode (sum)", bytes: n) {
            bytes.withUnsafeBufferPointer { p in
                var i = 0, sum: UInt32 = 0
                while i < p.count {
                    let (v, len) = UTF8Text.decode(p, at: i, end: p.count)
                    sum &+= v
                    i += len
                }
                return Int(sum)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        Self.measure("decode    TextBuffer (scalars+UTF-16)", bytes: n, rounds: 3) { TextBuffer(text).count }
        let scalars = Array(text.unicodeScalars)
        Self.measure("encode    String(scalars:)", bytes: n, rounds: 3) { String(scalars: scalars).utf8.count }
        Self.measure("split     ByteLines", bytes: n) {
            var lines = 0, crlf = 0
            for l in ByteLines(bytes) { lines += 1; if l.crlf { crlf += 1 } }
            return lines + crlf
        }
        Self.measure("classify  ASCII.isSpace", bytes: n) {
            var k = 0
            for b in bytes where ASCII.isSpace(b) { k += 1 }
            return k
        }
        let set = ScalarSet("的是在了也都又就還並但於對從向把被讓給以之其這那此該各每某等")
        let values = scalars.map(\.value)
        Self.measure("classify  ScalarSet.contains", bytes: n) {
            var k = 0
            for v in values where set.contains(v) { k += 1 }
            return k
        }
    }
}
