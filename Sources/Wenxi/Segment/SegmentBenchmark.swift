#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// Throughput of the segmentation stage against its floor, ICU's own word break, on the same
/// texts. Measures only; the CLI (`wenxi segment --bench`) prints it as one JSON line.
///
/// Every figure is in MB/s of UTF-8 body text (1 MB = 10^6 bytes), best of `rounds`, one thread,
/// timed by the thread's CPU clock (not the wall clock), so that other processes on a busy
/// machine do not skew the figures or their ratios.
/// The `TextBuffer`s (UTF-16 copies) are built before the clocks start: the pipeline builds them
/// once per document for every stage.
package struct SegmentBenchmark: Codable, Sendable, Equatable {
    package var documents = 0
    /// UTF-8 bytes of all texts.
    package var bytes = 0
    package var rounds = 0
    /// ICU word break walked in C (`ubrk_next` + `ubrk_getRuleStatus`), nothing else.
    package var icuWordMBps = 0.0
    /// `Segmenter.tokenSpans`: kinds and scalar offsets, no token text.
    package var tokenSpansMBps = 0.0
    /// `Segmenter.tokens`: as above plus each token's text.
    package var tokensMBps = 0.0
    /// `Segmenter.sentenceSpans` alone (ICU sentence break plus the repairs).
    package var sentencesMBps = 0.0
    /// Sentences, token spans and the byline step: what the pipeline's `segment` stage does
    /// (`Segmenter.segment`, then `BylineFinder.find`).
    package var segmentMBps = 0.0
    /// Building the `TextBuffer`s (scalar and UTF-16 copies of each text), which the pipeline
    /// does once per document before this stage; not part of the other figures.
    package var textBufferMBps = 0.0
    /// segment_mb_s / icu_word_mb_s.
    package var segmentRatio = 0.0
    package var icuBoundaries = 0
    package var tokens = 0
    package var sentences = 0

    enum CodingKeys: String, CodingKey {
        case documents, bytes, rounds, tokens, sentences
        case icuWordMBps = "icu_word_mb_s"
        case tokenSpansMBps = "token_spans_mb_s"
        case tokensMBps = "tokens_mb_s"
        case sentencesMBps = "sentences_mb_s"
        case segmentMBps = "segment_mb_s"
        case textBufferMBps = "text_buffer_mb_s"
        case segmentRatio = "segment_ratio"
        case icuBoundaries = "icu_boundaries"
    }

    package init() {}

    /// Runs each measurement `rounds` times over all of `texts` and keeps the fastest.
    package static func run(texts: [String], rounds: Int = 3) throws -> SegmentBenchmark {
        let buffers = texts.map(TextBuffer.init)
        let segmenter = try Segmenter()
        var r = SegmentBenchmark()
        r.documents = texts.count
        r.bytes = texts.reduce(0) { $0 + $1.utf8.count }
        r.rounds = max(1, rounds)
        let mb = Double(r.bytes) / 1_000_000

        // Rounds interleave the measurements, so that a busy spell on the machine hits them alike.
        var fastest = [Double](repeating: .infinity, count: 6)
        func time(_ k: Int, _ body: () throws -> Void) rethrows {
            let t0 = threadCPUSeconds()
            try body()
            fastest[k] = min(fastest[k], threadCPUSeconds() - t0)
        }
        for _ in 0..<r.rounds {
            try time(0) {
                var n = 0
                for b in buffers { n += try segmenter.rawWordBreak(b) }
                r.icuBoundaries = n
            }
            try time(1) {
                for b in buffers { _ = try segmenter.tokenSpans(b) }
            }
            try time(2) {
                var n = 0
                for b in buffers { n += try segmenter.tokens(b).count }
                r.tokens = n
            }
            try time(3) {
                var n = 0
                for b in buffers { n += try segmenter.sentenceSpans(b).count }
                r.sentences = n
            }
            try time(4) {
                var n = 0
                for b in buffers {
                    n &+= try segmenter.segment(b).tokens.count
                    n &+= BylineFinder.find(b.scalars).creditLines.count
                }
                if n < 0 { r.documents = n }  // keeps the work observable
            }
            time(5) {
                var n = 0
                for t in texts { n &+= TextBuffer(t).count }
                if n < 0 { r.documents = n }  // keeps the work observable
            }
        }
        let mbps = fastest.map { $0 > 0 ? (mb / $0 * 1000).rounded() / 1000 : 0 }
        r.icuWordMBps = mbps[0]
        r.tokenSpansMBps = mbps[1]
        r.tokensMBps = mbps[2]
        r.sentencesMBps = mbps[3]
        r.segmentMBps = mbps[4]
        r.textBufferMBps = mbps[5]
        r.segmentRatio = r.icuWordMBps > 0 ? (r.segmentMBps / r.icuWordMBps * 1000).rounded() / 1000 : 0
        return r
    }
}
