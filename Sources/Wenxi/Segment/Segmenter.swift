internal import CICU

/// A token without its text: the hot path's output. `Token`s (with text) are built from the same
/// walk only when asked for.
///
/// Its offsets are stored as 32-bit integers: 12 bytes a token instead of 24, so that the token
/// arrays the segment stage writes (about 0.6 tokens per UTF-16 unit) and the later stages read
/// take half the memory and the cache. A document is at most a few megabytes
/// (`DocumentLimits`); an offset beyond `Int32.max` stops the program rather than wrap.
package struct TokenSpan: Sendable, Equatable, Hashable {
    private var lower: Int32
    private var upper: Int32
    /// Word, number, letter, punctuation, space or other.
    package var kind: Token.Kind
    /// Set when the token was re-cut to an entity's edges (`TokenAligner`).
    package var entity: Bool
    /// Unicode scalar offsets into the body text, half-open.
    package var start: Int {
        @inline(__always) get { Int(lower) }
        @inline(__always) set { lower = Int32(newValue) }
    }
    /// Scalar offset just past the token.
    package var end: Int {
        @inline(__always) get { Int(upper) }
        @inline(__always) set { upper = Int32(newValue) }
    }
    /// A token span as the fields name it.
    @inline(__always)
    package init(start: Int, end: Int, kind: Token.Kind, entity: Bool = false) {
        lower = Int32(start)
        upper = Int32(end)
        self.kind = kind
        self.entity = entity
    }
}

/// Stage 3: ICU sentence and word segmentation (locale zh_Hant_TW).
///
/// Not thread-safe: one per worker. It opens its two ICU iterators once and reuses them with
/// `setText` (opening one costs about as much as breaking a whole article). ICU does not copy the
/// text, so every walk happens inside `text.utf16.withUnsafeBufferPointer`, finishes there, and
/// leaves the iterator pointing at a static empty text rather than at the soon-freed buffer.
///
/// - Sentences: ICU's sentence boundaries, cut at every paragraph break, repaired around
///   brackets and quotes, credit lines, asides, attributions and list numbers (see
///   `SentenceRules`), trimmed of white space.
/// - Tokens: ICU's word boundaries, a number joined with its unit (see `NumberUnits`); the kind
///   comes from ICU's rule status. White space is not a token (it is neither a word nor
///   punctuation); every other scalar of the text is in exactly one token.
public final class Segmenter {
    /// The locale of ICU's break rules: Traditional Chinese as written in Taiwan.
    public static let defaultLocale = "zh_Hant_TW"

    private let words: OpaquePointer
    private let sentences: OpaquePointer
    /// Scratch blocks for `wenxi_break_fill`, owned for the Segmenter's life.
    private let blockSize = 1024
    private let bounds: UnsafeMutablePointer<Int32>
    private let rules: UnsafeMutablePointer<Int32>
    /// Scratch block the token walk writes its spans into, `spanCapacity` long: grown to the
    /// longest text (in UTF-16 units) and cut back to `spanScratchKept` after a longer one.
    private var spans: UnsafeMutablePointer<TokenSpan>
    private var spanCapacity: Int
    /// Units of text whose spans the scratch block keeps room for between texts (12 bytes each:
    /// 768 KB; a news article is a few thousand units).
    static let spanScratchKept = 1 << 16
    /// Token spans of short texts already walked, by their UTF-16 units (see
    /// `tokenSpans(remembering:)`; not by String, whose equality is canonical equivalence).
    private var remembered: [[UInt16]: [TokenSpan]] = [:]
    /// ICU's sentence boundaries of the current text, and the sentence repairs' lists: kept from
    /// one text to the next (see `sentenceSpans`).
    private var icuBoundaries: [Int] = []
    private var sentenceWork = SentenceRules.Work()
    /// Texts `remembered` holds at most before it is emptied, and the longest it takes (UTF-16
    /// units): about a megabyte per Segmenter at most.
    static let rememberedTexts = 2048, rememberedLength = 200

    /// Opens ICU's word and sentence iterators for `locale` (throws when ICU cannot).
    public init(locale: String = Segmenter.defaultLocale) throws {
        var status: Int32 = 0
        guard let w = wenxi_break_open(Int32(WENXI_BREAK_WORD), locale, &status) else {
            throw ICUStatus(status).error("word break iterator")
        }
        guard let s = wenxi_break_open(Int32(WENXI_BREAK_SENTENCE), locale, &status) else {
            wenxi_break_close(w)
            throw ICUStatus(status).error("sentence break iterator")
        }
        words = w
        sentences = s
        bounds = .allocate(capacity: blockSize)
        rules = .allocate(capacity: blockSize)
        spanCapacity = 4096
        spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        wenxi_break_close(words)
        wenxi_break_close(sentences)
        bounds.deallocate()
        rules.deallocate()
        spans.deallocate()
    }

    // MARK: Sentences

    /// The sentences of `text` as scalar-offset spans (ICU's sentence break, then Wenxi's repairs:
    /// brackets and CNA's credit lines), as `Report.sentences` has them.
    public func sentenceSpans(_ text: String) throws -> [Span] { try sentenceSpans(TextBuffer(text)) }

    /// The word tokens of `text` (ICU's word break, numbers joined with their units; names and
    /// abbreviations are joined only when an analysis re-cuts tokens to its entities), as
    /// `Report.tokens` has them without an analysis.
    public func tokens(_ text: String) throws -> [Token] { try tokens(TextBuffer(text)) }

    /// Sentence spans (scalar offsets), in order, none empty, none crossing a paragraph break.
    package func sentenceSpans(_ text: TextBuffer) throws -> [Span] {
        try text.utf16.withUnsafeBufferPointer { u in try sentenceSpans(text, u) }
    }

    /// Sentences and tokens of `text` (what the pipeline asks of this stage) under one pointer to
    /// its UTF-16 units, with offsets converted only when the text has units beyond the BMP.
    /// Never inlined (one call per document), so that callgrind can count the stage by this
    /// function's name (`scripts/stage-instructions --stage segment`).
    @inline(never)
    package func segment(_ text: TextBuffer) throws -> (sentences: [Span], tokens: [TokenSpan]) {
        try text.utf16.withUnsafeBufferPointer { u in
            let tokens = try tokenSpans(text, u)
            return (try sentenceSpans(text, u), tokens)
        }
    }

    private func sentenceSpans(_ text: TextBuffer, _ u: UnsafeBufferPointer<UInt16>) throws -> [Span] {
        try setText(sentences, u)
        defer { wenxi_break_clear(sentences) }
        // The ICU boundaries and the repairs' lists are this Segmenter's, reused from one text to
        // the next (taken out of `self` while in use, so that no access to a stored property
        // overlaps another); only the returned spans are a new array.
        var icu: [Int] = []
        swap(&icu, &icuBoundaries)
        var work = SentenceRules.Work()
        swap(&work, &sentenceWork)
        defer {
            if icu.capacity <= SentenceRules.Work.kept { swap(&icu, &icuBoundaries) }
            swap(&work, &sentenceWork)
        }
        icu.removeAll(keepingCapacity: true)
        icu.reserveCapacity(u.count / 24 + 4)
        while true {
            let n = Int(wenxi_break_fill(sentences, bounds, nil, Int32(blockSize)))
            if n == 0 { break }
            for i in 0..<n { icu.append(Int(bounds[i])) }
        }
        SentenceRules.sentences(u, icuBoundaries: icu, work: &work)
        // All-BMP text (nearly every document): UTF-16 offsets are scalar offsets.
        if u.count == text.count { return work.out.map { Span(start: $0.lowerBound, end: $0.upperBound) } }
        return work.out.map {
            Span(start: text.scalarOffset(utf16: $0.lowerBound), end: text.scalarOffset(utf16: $0.upperBound))
        }
    }

    // MARK: Tokens

    /// Word tokens with their text and kind (white space left out).
    package func tokens(_ text: TextBuffer) throws -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(text.utf16.count / 2)
        try text.utf16.withUnsafeBufferPointer { u in
            try walkWords(u) { u, a, b, kind in
                let s = Segmenter.string(u, a, b)
                out.append(Token(start: text.scalarOffset(utf16: a), end: text.scalarOffset(utf16: b), text: s, kind: kind))
            }
        }
        return out
    }

    /// Word tokens without their text: the cheapest form, for stages that only need offsets.
    package func tokenSpans(_ text: TextBuffer) throws -> [TokenSpan] {
        try text.utf16.withUnsafeBufferPointer { u in try tokenSpans(text, u) }
    }

    private func tokenSpans(_ text: TextBuffer, _ u: UnsafeBufferPointer<UInt16>) throws -> [TokenSpan] {
        // Every token covers at least one unit, so a text has at most `u.count` of them: they are
        // written into the worker's scratch block without a capacity test or a uniqueness check
        // per token (an `append` in the walk's closure paid both), then copied once into an
        // array of their exact count.
        if u.count > spanCapacity { growSpans(u.count) }
        defer { if spanCapacity > Segmenter.spanScratchKept { growSpans(Segmenter.spanScratchKept) } }
        let out = spans
        var n = 0
        if u.count == text.count {
            // All BMP: UTF-16 offsets are scalar offsets, no lookup per boundary.
            try walkWords(u) { _, a, b, kind in
                (out + n).initialize(to: TokenSpan(start: a, end: b, kind: kind))
                n &+= 1
            }
        } else {
            try walkWords(u) { _, a, b, kind in
                (out + n).initialize(to: TokenSpan(start: text.scalarOffset(utf16: a), end: text.scalarOffset(utf16: b), kind: kind))
                n &+= 1
            }
        }
        return Array(UnsafeBufferPointer(start: out, count: n))
    }

    /// Replaces the scratch block of token spans with one of `capacity` (its contents are not kept).
    private func growSpans(_ capacity: Int) {
        spans.deallocate()
        spans = .allocate(capacity: capacity)
        spanCapacity = capacity
    }

    /// `tokenSpans(text)` for short texts that recur, such as related-link titles (a site lists
    /// the same links under many posts: a fifth of the corpus's 8,403 titles were seen before by
    /// the same worker). A text's tokens depend on nothing but the text, so a text seen before
    /// gets the spans of its first walk instead of a second ICU walk: the same result.
    package func tokenSpans(remembering text: TextBuffer) throws -> [TokenSpan] {
        guard text.utf16.count <= Segmenter.rememberedLength else { return try tokenSpans(text) }
        if let spans = remembered[text.utf16] { return spans }
        let spans = try tokenSpans(text)
        if remembered.count >= Segmenter.rememberedTexts { remembered.removeAll(keepingCapacity: true) }
        remembered[text.utf16] = spans
        return spans
    }

    /// Calls `body(utf16, start, end, kind)` (UTF-16 offsets) for every non-space word segment.
    @inline(__always)
    private func walkWords(
        _ u: UnsafeBufferPointer<UInt16>,
        _ body: (UnsafeBufferPointer<UInt16>, Int, Int, Token.Kind) -> Void
    ) throws {
        try setText(words, u)
        defer { wenxi_break_clear(words) }
        var prev = 0
        // The token held back while the next one may still join it (NumberUnits).
        var held = NumberUnits.Held()
        while true {
            let n = Int(wenxi_break_fill(words, bounds, rules, Int32(blockSize)))
            if n == 0 { break }
            for i in 0..<n {
                let b = Int(bounds[i])
                let kind = Segmenter.kind(rule: rules[i], first: u, at: prev)
                if kind == .space {
                    if held.start >= 0 { body(u, held.start, held.end, held.kind) }
                    held.start = -1
                } else {
                    var a = prev
                    // Most tokens follow one that takes nothing more: `join` (not always inlined
                    // here) is asked only when the held token is open and ends where this starts.
                    let join = held.open && held.start >= 0 && held.end == a ? NumberUnits.join(&held, u, a, b, kind) : .no
                    switch join {
                    case .joined: break
                    case .joinedPrefix(let rest):
                        a = rest
                        fallthrough
                    case .no:
                        if held.start >= 0 { body(u, held.start, held.end, held.kind) }
                        held = NumberUnits.Held(u, a, b, kind)
                    }
                }
                prev = b
            }
        }
        if held.start >= 0 { body(u, held.start, held.end, held.kind) }
    }

    private func setText(_ it: OpaquePointer, _ u: UnsafeBufferPointer<UInt16>) throws {
        var status: Int32 = 0
        // An empty Swift array may have no base address; ICU accepts a zero-length text only
        // with a real pointer, so give it one.
        var empty: UInt16 = 0
        if let base = u.baseAddress {
            wenxi_break_set_text(it, base, Int32(u.count), &status)
        } else {
            wenxi_break_set_text(it, &empty, 0, &status)
        }
        try ICUStatus(status).check("setText")
    }

    /// The kind of the segment starting at `at`, from ICU's rule status; segments in the NONE
    /// range are white space, punctuation or other symbols according to their first scalar.
    @inline(__always)
    static func kind(rule: Int32, first u: UnsafeBufferPointer<UInt16>, at: Int) -> Token.Kind {
        // The ranges lie end to end (NONE, NUMBER, LETTER, KANA, IDEO): plain comparisons, where
        // `case` range patterns went through `RangeExpression.contains` for every boundary.
        if rule >= Int32(WENXI_WORD_KANA) { return rule < Int32(WENXI_WORD_IDEO_LIMIT) ? .word : .other }
        if rule >= Int32(WENXI_WORD_LETTER) { return .letter }
        if rule >= Int32(WENXI_WORD_NUMBER) { return .number }
        if rule < Int32(WENXI_WORD_NONE) { return .other }
        let c = u[at]
        if let k = noneKinds[c] { return k }
        if SentenceRules.isSpace(c) { return .space }
        var scalar = Unicode.Scalar(c)
        if UTF16.isLeadSurrogate(c), at + 1 < u.count, UTF16.isTrailSurrogate(u[at + 1]) {
            scalar = Unicode.Scalar(0x10000 + ((UInt32(c) - 0xD800) << 10) + (UInt32(u[at + 1]) - 0xDC00))
        }
        guard let s = scalar else { return .other }
        return noneKind(s)
    }

    /// The kind of a segment outside ICU's word classes, by its first scalar's general category.
    static func noneKind(_ s: Unicode.Scalar) -> Token.Kind {
        if s.properties.isWhitespace { return .space }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return .space
        default:
            return .other
        }
    }

    /// `noneKind` precomputed for the blocks where punctuation and symbols of Chinese text live
    /// (Latin-1, general punctuation, CJK symbols, full-width forms), so the hot path rarely asks
    /// the Unicode tables.
    static let noneKinds = NoneKindTable()

    struct NoneKindTable: Sendable {
        private let low: [Token.Kind]   // 0x0000...0x00FF
        private let mid: [Token.Kind]   // 0x2000...0x303F
        private let high: [Token.Kind]  // 0xFE10...0xFFFF
        init() {
            func table(_ r: ClosedRange<UInt16>) -> [Token.Kind] {
                r.map { Unicode.Scalar($0).map(Segmenter.noneKind) ?? .other }
            }
            low = table(0x0000...0x00FF)
            mid = table(0x2000...0x303F)
            high = table(0xFE10...0xFFFF)
        }
        @inline(__always) subscript(_ c: UInt16) -> Token.Kind? {
            if c <= 0x00FF { return low[Int(c)] }
            if c >= 0x2000 && c <= 0x303F { return mid[Int(c - 0x2000)] }
            if c >= 0xFE10 { return high[Int(c - 0xFE10)] }
            return nil
        }
    }

    /// The token text of UTF-16 units `a..<b`, transcoded straight into the String's UTF-8
    /// storage (the generic `String(decoding:as: UTF16.self)` is several times slower).
    @inline(__always)
    static func string(_ u: UnsafeBufferPointer<UInt16>, _ a: Int, _ b: Int) -> String {
        // The exact UTF-8 length, so that texts of up to 15 bytes become inline small strings
        // instead of heap allocations.
        var length = 0
        var j = a
        while j < b {
            let c = u[j]
            j += 1
            if c < 0x80 {
                length += 1
            } else if c < 0x800 {
                length += 2
            } else if c & 0xFC00 == 0xD800, j < b, u[j] & 0xFC00 == 0xDC00 {
                j += 1
                length += 4
            } else {
                length += 3
            }
        }
        return String(unsafeUninitializedCapacity: length) { out in
            var o = 0
            var i = a
            while i < b {
                let c = UInt32(u[i])
                i += 1
                if c & 0xFC00 == 0xD800, i < b, u[i] & 0xFC00 == 0xDC00 {
                    o += UTF8Text.encode(0x10000 + ((c - 0xD800) << 10) + (UInt32(u[i]) - 0xDC00), into: out, at: o)
                    i += 1
                } else {
                    // A lone surrogate cannot come from a Swift String; write U+FFFD if it does.
                    o += UTF8Text.encode(c & 0xF800 == 0xD800 ? 0xFFFD : c, into: out, at: o)
                }
            }
            return o
        }
    }
}

extension Segmenter {
    /// Benchmark floor: ICU's word break over the text, walked in C with no Swift work per
    /// boundary. Returns the number of boundaries.
    func rawWordBreak(_ text: TextBuffer) throws -> Int {
        try text.utf16.withUnsafeBufferPointer { u in
            guard let base = u.baseAddress else { return 0 }
            defer { wenxi_break_clear(words) }
            var status: Int32 = 0
            let n = wenxi_break_walk(words, base, Int32(u.count), &status)
            guard n >= 0 else { throw ICUStatus(status).error("setText") }
            return Int(n)
        }
    }
}
