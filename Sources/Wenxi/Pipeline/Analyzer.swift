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

    /// Merges the two entity lists in a stable order (start, end, type) and sets each entity's
    /// sentence index.
    static func merge(_ a: [Entity], _ b: [Entity], sentences: [Span]) -> [Entity] {
        var all = a + b
        all.sort { ($0.start, $0.end, $0.type) < ($1.start, $1.end, $1.type) }
        var s = 0
        for i in all.indices {
            while s + 1 < sentences.count && sentences[s].end <= all[i].start { s += 1 }
            all[i].sentence = s
        }
        return all
    }
}
