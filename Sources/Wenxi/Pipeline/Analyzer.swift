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
    public init() throws {}
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
        let tokens = try segmenter.tokens(text)

        report.stats.characters = text.count
        report.stats.paragraphs = paragraphs.count
        report.stats.sentences = report.sentences.count
        report.stats.tokens = tokens.count
        if options.includeTokens { report.tokens = tokens }
        return report
    }
}
