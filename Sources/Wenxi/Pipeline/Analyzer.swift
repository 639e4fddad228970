import Foundation

/// What a run asks of the pipeline.
public struct AnalyzeOptions: Sendable {
    /// Include the token list in each report (`--include tokens`).
    public var includeTokens: Bool = false
    /// Options as named; the default leaves tokens out.
    public init(includeTokens: Bool = false) {
        self.includeTokens = includeTokens
    }
}

/// The compiled dictionaries, read-only: built once per process (loading and compiling them
/// takes about a tenth of a second) and shared by every `Analyzer`, on any thread.
///
/// The library reads only the folders it is given: no environment variable, no search from the
/// executable or the current directory, no cache unless one is passed.
public final class Resources: Sendable {
    /// The dictionary tagger every analyzer sharing these resources runs.
    package let entityTagger: EntityTagger

    /// Loads the dictionaries of folder `dictionaries` (a `Dictionaries/` folder such as the
    /// package's own: every `*.tsv` file in it, by name), then the user files `userDictionaries`
    /// (an entry with an id already loaded replaces it; later files win). `cache`: where the fold
    /// table may keep ICU's answer between runs; nil reads and writes nothing.
    public convenience init(dictionaries: URL, userDictionaries: [URL] = [], cache: FoldCache? = nil) throws {
        try self.init(dictionaryPath: dictionaries.path, userDictionaryPaths: userDictionaries.map(\.path), cache: cache)
    }

    /// As `init(dictionaries:userDictionaries:cache:)`, with paths: a user file's path is kept as
    /// given in reports' `source` fields and error messages (the command passes its arguments).
    package init(dictionaryPath: String, userDictionaryPaths: [String] = [], cache: FoldCache? = nil) throws {
        entityTagger = EntityTagger(lexicon: try Lexicon(directory: dictionaryPath, extra: userDictionaryPaths, cache: cache))
    }

    /// Uses an already built tagger (tests, or a lexicon built from a `DictionarySet`).
    package init(tagger: EntityTagger) {
        entityTagger = tagger
    }
}

/// Runs the stages on one document at a time. Holds per-worker state (ICU iterators), so each
/// worker thread owns one Analyzer; `Resources` are shared between them.
public final class Analyzer {
    /// The shared dictionaries this analyzer tags with.
    package let resources: Resources
    /// What each report includes.
    package let options: AnalyzeOptions
    private let segmenter: Segmenter
    /// When set, `analyze` records the CPU time of each stage in `lastTimes`.
    package var recordsTimes = false
    /// The stage times of the last `analyze` call (zero unless `recordsTimes`).
    package private(set) var lastTimes = StageTimes()
    /// Input bytes that go through the stages together: a batch of large documents is taken a
    /// few at a time (one when it is over this size), since each holds many times its size
    /// between stages (scalars, UTF-16, tokens, entities).
    package var maxBatchBytes = 1 << 20

    /// An analyzer over `resources`; opens its ICU iterators (throws when ICU cannot).
    public init(resources: Resources, options: AnalyzeOptions = AnalyzeOptions()) throws {
        self.resources = resources
        self.options = options
        self.segmenter = try Segmenter()
    }

    /// Analyses one input. Throws only for inputs that cannot be read at all; smaller problems
    /// become `findings` in the report.
    public func analyze(_ input: InputDocument) throws -> Report {
        try analyze([input])[0].get()
    }

    /// Analyses several inputs, stage by stage: all are ingested, then all segmented, then all
    /// tagged, and so on. The reports are those `analyze(_:)` gives one at a time, in input
    /// order; running a stage over a few documents in a row keeps its tables (ICU's dictionary,
    /// the automaton) in the processor's caches, which one document at a time does not.
    public func analyze(_ inputs: [InputDocument]) -> [Result<Report, any Error>] {
        var times = StageTimes()
        var results: [Result<Report, any Error>] = []
        results.reserveCapacity(inputs.count)
        var i = 0
        while i < inputs.count {
            var j = i + 1, bytes = inputs[i].bytes.count
            while j < inputs.count && bytes + inputs[j].bytes.count <= maxBatchBytes {
                bytes += inputs[j].bytes.count
                j += 1
            }
            results += analyzeTogether(inputs[i..<j], times: &times)
            i = j
        }
        times.documents = inputs.count
        lastTimes = times
        return results
    }

    /// `inputs` through each stage in turn.
    private func analyzeTogether(_ inputs: ArraySlice<InputDocument>, times: inout StageTimes) -> [Result<Report, any Error>] {
        var clock = recordsTimes ? StageClock() : nil
        func lap(_ stage: StageTimes.Stage) {
            if clock != nil { clock!.lap(stage, into: &times) }
        }

        // A document that fails a stage leaves `work` (its error is kept) and skips the others.
        var work: [InFlight?] = []
        var errors: [(any Error)?] = []
        for input in inputs {
            do {
                work.append(try InFlight(input))
                errors.append(nil)
            } catch {
                work.append(nil)
                errors.append(error)
            }
        }
        lap(.ingest)
        func each(_ body: (inout InFlight) throws -> Void) {
            for i in work.indices where work[i] != nil {
                do {
                    try body(&work[i]!)  // in place: neither moved out nor copied back
                } catch {
                    work[i] = nil
                    errors[i] = error
                }
            }
        }
        each { w in (w.sentences, w.tokens) = try segmenter.segment(w.text) }
        each { w in try segmentLinkTitles(&w) }
        // The byline step is timed with segmentation (its cost is one pass over the brackets).
        each { w in w.bylines = BylineFinder.find(w.text.scalars) }
        lap(.segment)
        each { w in w.named = resources.entityTagger.tag(w.context) }
        lap(.tag)
        each { w in w.numbers = AmountTagger.tag(w.context, named: w.named) }
        lap(.amounts)
        each { w in Analyzer.noteEntityLimit(&w) }
        each { w in assemble(&w) }
        lap(.assemble)
        each { w in tagRelated(&w) }
        lap(.related)
        each { w in summarize(&w) }
        lap(.assemble)
        return work.indices.map { i in
            if let w = work[i] { return .success(w.report) }
            return .failure(errors[i]!)
        }
    }

    /// One document between stages.
    private struct InFlight {
        let ingested: IngestedDocument
        var report: Report
        /// Scalars of the headline and its newline before the body in `text` (0 without one).
        let prefix: Int
        /// Headline, newline, body: what is segmented and tagged.
        let text: TextBuffer
        var sentences: [Span] = []
        var tokens: [TokenSpan] = []
        /// The byline step's datelines and credit lines.
        var bylines = BylineSpans()
        var named: [Entity] = []
        var numbers = AmountResult()
        /// Each related link's title, segmented (`segmentSnippet`), in the order of `related`.
        var linkTitles: [Snippet?] = []
        var allTokens: [TokenSpan] = []
        /// The body's re-cut tokens, counted without listing them (nil: count `allTokens`).
        var bodyTokens: Int? = nil

        var context: TaggingContext {
            var c = TaggingContext(text: text, sentences: sentences, tokens: tokens, meta: ingested.meta)
            c.bylines = bylines
            return c
        }

        init(_ input: InputDocument) throws {
            ingested = try Ingestor.ingest(input)

            // The paragraphs are already joined with "\n" in one buffer; their spans in scalars.
            let (body, paragraphs) = ingested.body.joined()

            report = Report(source: ingested.source, meta: ingested.meta, text: body)
            report.id = input.id
            report.paragraphs = paragraphs
            report.captions = ingested.captions
            report.findings = ingested.findings

            // The headline is tagged together with the body, as a paragraph of its own before it,
            // so that each gives the other context (桃市府 in a title settles 市府 in the body). Its
            // entities are reported apart, with offsets into `meta.title`; everything else is
            // shifted back to offsets into the body.
            let title = ingested.meta.title.map(Analyzer.oneLine) ?? ""
            prefix = title.isEmpty ? 0 : title.scalarCount + 1
            text = TextBuffer(title.isEmpty ? body : title + "\n" + body)
        }
    }

    /// A finding for each stage that stopped at `DocumentLimits.maxEntities`.
    private static func noteEntityLimit(_ w: inout InFlight) {
        let limit = DocumentLimits.maxEntities
        for (stage, count) in [("dictionary and rule entities", w.named.count), ("amounts and dates", w.numbers.entities.count)]
        where count >= limit {
            w.report.findings.append(Finding(
                code: "entity-limit",
                message: "more than \(limit) \(stage): only the first \(limit) are reported"))
        }
    }

    /// Merged entities, re-cut tokens, sentences and entities in body offsets.
    private func assemble(_ w: inout InFlight) {
        let prefix = w.prefix, text = w.text
        // The headline's entities (and any across the newline: there are none in practice; they
        // belong to neither) apart from the body's, each list sorted by start.
        var (head, entities) = EntityMerger.merge(taking: &w.named, &w.numbers.entities, splittingAt: prefix)
        // The re-cut tokens are listed only when the report includes them; else only counted.
        w.bodyTokens = options.includeTokens ? nil : TokenAligner.count(w.tokens, to: head, entities, from: prefix)
        if w.bodyTokens == nil { w.allTokens = TokenAligner.align(w.tokens, to: head, entities) }

        let sentenceSpans = w.sentences.filter { $0.start >= prefix }.map { Span(start: $0.start - prefix, end: $0.end - prefix) }
        // Each sentence keeps its text as a byte range of the body (the report's own `text`, so
        // one String is shared): a String per sentence was a sixth of this stage.
        let body = w.report.text
        // Their bytes from the text buffer's UTF-8 offsets (a walk over the bytes cost 3.4 M
        // instructions at `--every 30`).
        let headBytes = text.string.utf8.count - body.utf8.count
        let offsets = text.utf8Offsets
        w.report.sentences = sentenceSpans.map { s in
            let bytes = (Int(offsets[s.start + prefix]) - headBytes)..<(Int(offsets[s.end + prefix]) - headBytes)
            return Sentence(start: s.start, end: s.end, body: body, bytes: bytes)
        }
        // The body's entities are moved to body offsets in place rather than copied, their texts
        // onto the report's text (slices of it, as the sentences); the headline's keep their own
        // texts (a slice would keep the headline-and-body String alive with the report).
        head.removeAll { $0.end > prefix }
        for i in head.indices {
            head[i].sentence = 0
            head[i].ownText()
        }
        w.report.titleEntities = head
        entities.withUnsafeMutableBufferPointer { list in
            for i in list.indices {
                list[i].start -= prefix
                list[i].end -= prefix
                list[i].rebaseText(onto: body, minus: headBytes)
            }
        }
        EntityMerger.assignSentences(&entities, sentences: sentenceSpans)
        w.report.byline = w.numbers.byline.flatMap { b in
            guard b.start >= prefix else { return nil }
            var b = b
            b.start -= prefix
            b.end -= prefix
            return b
        }
        w.report.credits = w.numbers.credits
        let skip = w.bylines.staffSpans(from: prefix)
        MoneyRoles.assign(&entities, scalars: text.scalars, prefix: prefix, sentences: sentenceSpans, skip: skip,
                          cues: resources.entityTagger.lexicon.moneyCues,
                          defaultCurrency: Set(w.numbers.defaultCurrency.map { $0 - prefix }))
        w.report.entities = entities
    }

    /// Summaries, counts, and the token list when asked for.
    private func summarize(_ w: inout InFlight) {
        let prefix = w.prefix, text = w.text
        w.report.summary.entities = EntitySummarizer.summarize(w.report.entities, title: w.report.titleEntities)
        AmountTagger.summarize(w.report.entities, sentences: w.report.sentences, into: &w.report.summary)

        w.report.stats.characters = text.count - prefix
        w.report.stats.paragraphs = w.report.paragraphs.count
        w.report.stats.sentences = w.report.sentences.count
        // Tokens are sorted by start: the body's are those from the first at or past `prefix`.
        var lo = 0, hi = w.allTokens.count
        while lo < hi { let mid = (lo + hi) / 2; if w.allTokens[mid].start < prefix { lo = mid + 1 } else { hi = mid } }
        w.report.stats.tokens = w.bodyTokens ?? (w.allTokens.count - lo)
        // Token texts are built only when the tokens are output.
        if options.includeTokens {
            w.report.tokens = w.allTokens[lo...].map {
                Token(start: $0.start - prefix, end: $0.end - prefix, text: text.substring($0.start, $0.end),
                      kind: $0.kind, entity: $0.entity ? true : nil)
            }
        }
        w.allTokens = []
    }

    /// The document's related links with their titles' entities. Never inlined (one call per
    /// document), so that callgrind can count the stage by this function's name
    /// (`scripts/stage-instructions --stage related`).
    @inline(never)
    private func tagRelated(_ w: inout InFlight) {
        let meta = w.ingested.meta
        w.report.related = zip(w.ingested.related, w.linkTitles).map { link, title in
            var link = link
            link.entities = title.map { tagSnippet($0, meta: meta) } ?? []
            return link
        }
        w.linkTitles = []
    }

    /// A short text on its own (a related link's title) with its tokens, as one sentence.
    struct Snippet {
        let text: TextBuffer
        let tokens: [TokenSpan]
    }

    /// The related links' titles with their tokens. Done in the segment stage, while ICU's
    /// dictionary trie is still in the processor's caches, rather than in the related stage
    /// after tagging has pushed it out (the tokens are the same: they depend on the title
    /// alone). Never inlined, so that callgrind can count it by this function's name.
    @inline(never)
    private func segmentLinkTitles(_ w: inout InFlight) throws {
        w.linkTitles = try w.ingested.related.map(segmentSnippet)
    }

    /// `link`'s title as one line with its tokens, or nil when it is empty (it has no entities).
    private func segmentSnippet(_ link: Link) throws -> Snippet? {
        let text = TextBuffer(Analyzer.oneLine(link.title))
        guard text.count > 0 else { return nil }
        // Link titles recur across a site's posts: their tokens are walked once per worker.
        return Snippet(text: text, tokens: try segmenter.tokenSpans(remembering: text))
    }

    /// Entities of a short text on its own (a related link's title): one sentence, no context.
    func tagSnippet(_ snippet: Snippet, meta: Meta) -> [Entity] {
        let text = snippet.text
        let sentences = [Span(start: 0, end: text.count)]
        let context = TaggingContext(text: text, sentences: sentences, tokens: snippet.tokens, meta: meta)
        var named = resources.entityTagger.tag(context)
        var numeric = AmountTagger.tag(context, named: named).entities
        return EntityMerger.merge(taking: &named, &numeric, sentences: sentences)
    }

    /// The texts of `spans[first...]` (scalar offsets into `string`, sorted by start), copied
    /// whole from the byte ranges `byteRanges` finds (`String(Substring)` copies bytes already
    /// known to be valid UTF-8).
    static func texts(of spans: [Span], from first: Int, in string: String) -> [String] {
        let utf8 = string.utf8
        return byteRanges(of: spans, from: first, in: string).map { r in
            // Offsets into a native String's UTF-8 make indexes in constant time; both fall on
            // scalar starts.
            let from = utf8.index(utf8.startIndex, offsetBy: r.lowerBound), to = utf8.index(from, offsetBy: r.count)
            return String(string[from..<to])
        }
    }

    /// The UTF-8 byte ranges of `spans[first...]` (scalar offsets into `string`, sorted by
    /// start), less `minus` bytes (the headline's, to give offsets into the body after it), cut
    /// in one walk over the bytes.
    static func byteRanges(of spans: [Span], from first: Int, in string: String, minus: Int = 0) -> [Range<Int>] {
        var whole = string
        return whole.withUTF8 { u -> [Range<Int>] in
            var out: [Range<Int>] = []
            out.reserveCapacity(spans.count - first)
            // `scalar` counts the bytes of u[..<byte] that start a scalar; `advance` moves `byte`
            // to the start of scalar `target` (or the end), eight bytes at a time while that
            // start is further on.
            var scalar = 0, byte = 0
            func advance(_ scalar: inout Int, _ byte: inout Int, to target: Int) {
                if target < scalar { scalar = 0; byte = 0 }  // not in order: walk again from the start
                while byte + 8 <= u.count {
                    let w = UnsafeRawPointer(u.baseAddress! + byte).loadUnaligned(as: UInt64.self)
                    let leads = 8 - (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount  // 10xxxxxx continue
                    if scalar + leads > target { break }
                    scalar += leads
                    byte += 8
                }
                while byte < u.count {
                    if !UTF8Text.isContinuation(u[byte]) {
                        if scalar == target { break }
                        scalar += 1
                    }
                    byte += 1
                }
            }
            for k in first..<spans.count {
                advance(&scalar, &byte, to: spans[k].start)
                let a = byte
                advance(&scalar, &byte, to: spans[k].end)
                out.append((a - minus)..<(byte - minus))
            }
            return out
        }
    }

    static func oneLine(_ s: String) -> String {
        // Cleaned titles hold no line break: a byte scan says so without walking Characters.
        // (Line breaks: U+000A-U+000D, U+0085 = C2 85, U+2028/U+2029 = E2 80 A8/A9.)
        // Over the contiguous bytes: the UTF8View iterator took ~45 instructions a byte.
        var copy = s
        let hasBreak = copy.withUTF8 { u -> Bool in
            var p1: UInt8 = 0, p2: UInt8 = 0
            for b in u {
                if (b >= 0x0A && b <= 0x0D) || (p1 == 0xC2 && b == 0x85) || (p2 == 0xE2 && p1 == 0x80 && (b == 0xA8 || b == 0xA9)) {
                    return true
                }
                p2 = p1
                p1 = b
            }
            return false
        }
        guard hasBreak else { return s }
        return s.contains(where: \.isNewline) ? s.split(whereSeparator: \.isNewline).joined(separator: " ") : s
    }
}
