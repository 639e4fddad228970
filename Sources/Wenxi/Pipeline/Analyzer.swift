/// What a run asks of the pipeline.
public struct AnalyzeOptions: Sendable {
    /// Include the token list in each report (`--include tokens`).
    public var includeTokens: Bool = false
    public init(includeTokens: Bool = false) {
        self.includeTokens = includeTokens
    }
}

/// Read-only data shared by every worker: built once per process.
public final class Resources: Sendable {
    public let entityTagger: EntityTagger

    /// Loads the default dictionaries plus `dictionaries` (user files, later ones override).
    public init(dictionaries: [String] = []) throws {
        entityTagger = try EntityTagger(extraDictionaries: dictionaries)
    }

    /// Uses an already built tagger (tests, or dictionaries from a chosen folder).
    public init(tagger: EntityTagger) {
        entityTagger = tagger
    }
}

/// Runs the stages on one document at a time. Holds per-worker state (ICU iterators), so each
/// worker thread owns one Analyzer; `Resources` are shared between them.
public final class Analyzer {
    public let resources: Resources
    public let options: AnalyzeOptions
    private let segmenter: Segmenter

    public init(resources: Resources, options: AnalyzeOptions = AnalyzeOptions()) throws {
        self.resources = resources
        self.options = options
        self.segmenter = try Segmenter()
    }

    /// Analyses one input. Throws only for inputs that cannot be read at all; smaller problems
    /// become `findings` in the report.
    public func analyze(_ input: InputDocument) throws -> Report {
        let ingested = try Ingestor.ingest(input)

        // Join paragraphs with "\n" and remember their spans (scalar offsets).
        var body = ""
        var paragraphs: [Span] = []
        var offset = 0
        for (i, p) in ingested.paragraphs.enumerated() {
            if i > 0 { body += "\n"; offset += 1 }
            let n = p.unicodeScalars.count
            paragraphs.append(Span(start: offset, end: offset + n))
            body += p
            offset += n
        }
        let text = TextBuffer(body)

        var report = Report(source: ingested.source, meta: ingested.meta, text: body)
        report.id = input.id
        report.paragraphs = paragraphs
        report.captions = ingested.captions
        report.related = ingested.related
        report.findings = ingested.findings

        let sentenceSpans = try segmenter.sentenceSpans(text)
        report.sentences = sentenceSpans.map { Sentence(start: $0.start, end: $0.end, text: text.substring($0.start, $0.end)) }
        let icuTokens = try segmenter.tokens(text)

        let context = TaggingContext(text: text, sentences: sentenceSpans, tokens: icuTokens, meta: ingested.meta)
        let named = resources.entityTagger.tag(context)
        let numbers = AmountTagger.tag(context, named: named)
        report.byline = numbers.byline
        report.credits = numbers.credits
        report.entities = Analyzer.merge(named, numbers.entities, sentences: sentenceSpans)
        let tokens = TokenAligner.align(icuTokens, to: report.entities, text: text)

        report.summary.entities = EntitySummarizer.summarize(report.entities)
        AmountTagger.summarize(report.entities, sentences: report.sentences, into: &report.summary)

        report.stats.characters = text.count
        report.stats.paragraphs = paragraphs.count
        report.stats.sentences = report.sentences.count
        report.stats.tokens = tokens.count
        if options.includeTokens { report.tokens = tokens }
        return report
    }

    /// Merges the named and numeric entity lists: sorted by start, never two entities on one
    /// character (where they overlap, the longer span wins, then the earlier, then the named
    /// one), and each entity's sentence index set.
    static func merge(_ named: [Entity], _ numeric: [Entity], sentences: [Span]) -> [Entity] {
        var candidates = named.map { ($0, 0) } + numeric.map { ($0, 1) }
        candidates.sort { a, b in
            let (x, y) = (a.0, b.0)
            if x.end - x.start != y.end - y.start { return x.end - x.start > y.end - y.start }
            if x.start != y.start { return x.start < y.start }
            return a.1 < b.1
        }
        var taken: [Entity] = []
        var occupied = IndexSetLite()
        for (e, _) in candidates where !occupied.intersects(e.start, e.end) {
            occupied.insert(e.start, e.end)
            taken.append(e)
        }
        taken.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var s = 0
        for i in taken.indices {
            while s + 1 < sentences.count && sentences[s].end <= taken[i].start { s += 1 }
            taken[i].sentence = s
        }
        return taken
    }
}

/// A small set of disjoint half-open ranges, kept sorted.
struct IndexSetLite {
    private var ranges: [(Int, Int)] = []

    private func firstEndingAfter(_ x: Int) -> Int {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].1 <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func intersects(_ start: Int, _ end: Int) -> Bool {
        let i = firstEndingAfter(start)
        return i < ranges.count && ranges[i].0 < end
    }

    /// Inserts a range that does not intersect any present one.
    mutating func insert(_ start: Int, _ end: Int) {
        ranges.insert((start, end), at: firstEndingAfter(start))
    }
}
