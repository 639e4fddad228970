internal import CICU

/// Stage 3: ICU sentence and word segmentation. Not thread-safe: one per worker. It opens its
/// two ICU iterators once and reuses them with `setText` (opening costs more than breaking an
/// article).
public final class Segmenter {
    private let words: OpaquePointer
    private let sentences: OpaquePointer

    public init(locale: String = "zh_Hant_TW") throws {
        var status: Int32 = 0
        guard let w = wenxi_break_open(Int32(WENXI_BREAK_WORD), locale, &status) else {
            throw WenxiError.icu("word break iterator", code: status)
        }
        guard let s = wenxi_break_open(Int32(WENXI_BREAK_SENTENCE), locale, &status) else {
            wenxi_break_close(w)
            throw WenxiError.icu("sentence break iterator", code: status)
        }
        words = w
        sentences = s
    }

    deinit {
        wenxi_break_close(words)
        wenxi_break_close(sentences)
    }

    /// Sentence spans (scalar offsets). Placeholder: raw ICU boundaries.
    public func sentenceSpans(_ text: TextBuffer) throws -> [Span] {
        try boundaries(sentences, text).map { Span(start: $0.0, end: $0.1) }
    }

    /// Word tokens (scalar offsets) with their kind. Placeholder: raw ICU boundaries.
    public func tokens(_ text: TextBuffer) throws -> [Token] {
        try boundaries(words, text).map {
            Token(start: $0.0, end: $0.1, text: text.substring($0.0, $0.1), kind: .word)
        }
    }

    private func boundaries(_ it: OpaquePointer, _ text: TextBuffer) throws -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        try text.utf16.withUnsafeBufferPointer { buf in
            var status: Int32 = 0
            wenxi_break_set_text(it, buf.baseAddress, Int32(buf.count), &status)
            guard status <= 0 else { throw WenxiError.icu("setText", code: status) }
            var prev = 0
            while true {
                let b = Int(wenxi_break_next(it))
                if b < 0 { break }
                out.append((text.scalarOffset(utf16: prev), text.scalarOffset(utf16: b)))
                prev = b
            }
        }
        return out
    }
}
