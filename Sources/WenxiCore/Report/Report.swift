// The report schema: one JSON object per document. Keys are snake_case and encoded sorted
// (see `ReportEncoder`), so the same input always gives byte-identical output.
//
// Offsets (`start`, `end`) everywhere are Unicode scalar offsets into `text`, half-open, so that
// in jq `.text[.start:.end]` gives the span back.

/// The report's schema version. Bump on any incompatible change.
public let reportSchemaVersion = "wenxi.report/2"

/// One analysed document.
public struct Report: Codable, Sendable, Equatable {
    /// The schema version, `wenxi.report/2`.
    public var schema: String = reportSchemaVersion
    /// Present only in stream mode (`--input jsonl`): the `id` of the input line.
    public var id: String?
    /// The input as read: path, size, hash, encoding and format.
    public var source: SourceInfo
    /// Front matter (title, date, author …); empty for plain text.
    public var meta: Meta
    /// The clean body text: paragraphs joined by `\n`. Every offset of the report points into it.
    public var text: String
    /// The paragraphs of `text`, in order.
    public var paragraphs: [Span]
    /// The sentences of `text`, in order, each with its text.
    public var sentences: [Sentence]
    /// Only with `--include tokens`.
    public var tokens: [Token]?
    /// Counts of characters, paragraphs, sentences and tokens (written into the JSON; in Swift,
    /// count `text`, `paragraphs` and `sentences`).
    package var stats: Stats
    /// People, agencies, organizations, places, money, quantities, percentages and dates of the
    /// body, sorted by start; no two overlap.
    public var entities: [Entity]
    /// Entities of `meta.title` (offsets into the title), tagged with the body as context.
    public var titleEntities: [Entity]
    /// Image captions, kept apart from the body text.
    public var captions: [String]
    /// The related-links box (`延伸閱讀`), apart from the body text.
    public var related: [Link]
    /// CNA's dateline, e.g. （中央社記者葉臻桃園19日電）.
    public var byline: Byline?
    /// Editors, translators and checkers from credit lines such as （編輯：林恕暉）.
    public var credits: Credits?
    /// Distinct entities, money totals and dates, derived from `entities` (written into the JSON;
    /// not Swift API: a program derives what it needs from `entities`).
    package var summary: Summary
    /// Problems met in this document that did not stop its analysis.
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case schema, id, source, meta, text, paragraphs, sentences, tokens, stats, entities, captions,
             related, byline, credits, summary, findings
        case titleEntities = "title_entities"
    }

    /// An empty report of `text` (what `Analyzer` starts from).
    package init(source: SourceInfo, meta: Meta, text: String) {
        self.source = source
        self.meta = meta
        self.text = text
        self.paragraphs = []
        self.sentences = []
        self.tokens = nil
        self.stats = Stats()
        self.entities = []
        self.titleEntities = []
        self.captions = []
        self.related = []
        self.byline = nil
        self.credits = nil
        self.summary = Summary()
        self.findings = []
    }
}

/// Where a report came from: the input as read, before any cleaning.
public struct SourceInfo: Codable, Sendable, Equatable {
    /// The path as given on the command line, `-` for stdin, or the stream id.
    public var path: String
    /// Size of the raw input in bytes.
    public var bytes: Int
    /// Hex SHA-256 of the raw input bytes.
    public var sha256: String
    /// The encoding the input was read in (e.g. `UTF-8`, `UTF-8 with BOM`, `Big5`).
    public var encoding: String
    /// What the input was recognised as: `post` (front matter + HTML), `html` or `text`.
    public var format: InputFormat

    /// The fields as named.
    package init(path: String, bytes: Int, sha256: String, encoding: String, format: InputFormat) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.encoding = encoding
        self.format = format
    }
}

/// Front matter fields. Absent fields are null.
public struct Meta: Codable, Sendable, Equatable {
    /// Headline (`title`), on one line.
    public var title: String?
    /// Publication date as written in the front matter.
    public var date: String?
    /// The `author` field.
    public var author: String?
    /// The original address (`url`, `link` or `original_url`).
    public var url: String?
    /// The `tags` list.
    public var tags: [String]
    /// The `categories` list.
    public var categories: [String]

    /// Front matter with the given fields (tests, snippets).
    package init(title: String? = nil, date: String? = nil, author: String? = nil, url: String? = nil,
                tags: [String] = [], categories: [String] = []) {
        self.title = title
        self.date = date
        self.author = author
        self.url = url
        self.tags = tags
        self.categories = categories
    }
}

/// A half-open range of Unicode scalar offsets into the body text.
public struct Span: Codable, Sendable, Equatable, Hashable {
    /// First scalar offset.
    public var start: Int
    /// Scalar offset just past the span.
    public var end: Int
    /// The span `start..<end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// One sentence of the body: its offsets and its text (`text[start..<end]`).
public struct Sentence: Codable, Sendable, Equatable {
    /// Scalar offset of its first character in `Report.text`.
    public var start: Int
    /// Scalar offset just past its last character.
    public var end: Int
    /// The sentence itself.
    public var text: String {
        get {
            switch storage {
            case .own(let text): return text
            case .slice(let body, let from, let to):
                let utf8 = body.utf8
                let a = utf8.index(utf8.startIndex, offsetBy: from), b = utf8.index(a, offsetBy: to - from)
                return String(body[a..<b])
            }
        }
        set { storage = .own(newValue) }
    }
    /// The text as given, or (the pipeline's sentences) as UTF-8 offsets into the body it was
    /// cut from: the body is shared, not copied per sentence, and the JSON writer copies the
    /// bytes in place.
    private var storage: Storage

    private enum Storage: Sendable {
        case own(String)
        case slice(body: String, from: Int, to: Int)
    }

    /// A sentence at `start..<end` with its text.
    package init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.storage = .own(text)
    }

    /// A sentence at `start..<end` whose text is `body`'s UTF-8 bytes `bytes` (a native String,
    /// cut at scalar starts).
    package init(start: Int, end: Int, body: String, bytes: Range<Int>) {
        self.start = start
        self.end = end
        self.storage = .slice(body: body, from: bytes.lowerBound, to: bytes.upperBound)
    }

    /// The text's UTF-8 bytes, read in place when the sentence was cut from a body (nil when
    /// the String keeps no contiguous UTF-8).
    func withUTF8Bytes<R>(_ read: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        switch storage {
        case .own(let text):
            return text.utf8.withContiguousStorageIfAvailable(read)
        case .slice(let body, let from, let to):
            return body.utf8.withContiguousStorageIfAvailable { u in read(UnsafeBufferPointer(rebasing: u[from..<to])) }
        }
    }

    public static func == (a: Sentence, b: Sentence) -> Bool {
        a.start == b.start && a.end == b.end && a.text == b.text
    }

    enum CodingKeys: String, CodingKey {
        case start, end, text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end),
                  text: try c.decode(String.self, forKey: .text))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
    }
}

/// One word, number, letter run or punctuation of the body (`--include tokens`).
public struct Token: Codable, Sendable, Equatable {
    /// What a token is, from ICU's word-break rule status (and the number-unit joins).
    public enum Kind: String, Codable, Sendable {
        case word, number, letter, punctuation, space, other
    }
    /// Scalar offset of its first character in `Report.text`.
    public var start: Int
    /// Scalar offset just past its last character.
    public var end: Int
    /// The token itself.
    public var text: String
    /// Word, number, letter, punctuation, space or other.
    public var kind: Kind
    /// Set when the token was re-cut to an entity's edges.
    public var entity: Bool?
    /// A token as the fields name it.
    package init(start: Int, end: Int, text: String, kind: Kind, entity: Bool? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.entity = entity
    }
}

/// Sizes of the body.
package struct Stats: Codable, Sendable, Equatable {
    /// Unicode scalars in `text`.
    package var characters: Int = 0
    /// Paragraphs of `text`.
    package var paragraphs: Int = 0
    /// Sentences of `text`.
    package var sentences: Int = 0
    /// Tokens of `text` (also without `--include tokens`).
    package var tokens: Int = 0
    /// All zero.
    package init() {}
}

/// One entry of a related-links box: its title, address and the entities of its title.
public struct Link: Codable, Sendable, Equatable {
    /// The link text.
    public var title: String
    /// The link target as written.
    public var url: String
    /// Entities of `title` (offsets into it), tagged on its own.
    public var entities: [Entity]
    /// A link with the entities of its title (none by default).
    package init(title: String, url: String, entities: [Entity] = []) {
        self.title = title
        self.url = url
        self.entities = entities
    }
}

/// A non-fatal problem met in one document (the document was still analysed).
public struct Finding: Codable, Sendable, Equatable {
    /// Machine-readable kind, e.g. `front-matter`, `html`, `encoding`.
    public var code: String
    /// What went wrong, for people.
    public var message: String
    /// Where: a byte offset into the raw input, or a line, when known.
    public var offset: Int?
    /// A line of the raw input, when known.
    public var line: Int?
    /// A finding with its place, when known.
    package init(code: String, message: String, offset: Int? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.line = line
    }
}
