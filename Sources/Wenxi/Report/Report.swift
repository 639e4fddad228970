// The report schema: one JSON object per document. Keys are snake_case and encoded sorted
// (see `ReportEncoder`), so the same input always gives byte-identical output.
//
// Offsets (`start`, `end`) everywhere are Unicode scalar offsets into `text`, half-open, so that
// in jq `.text[.start:.end]` gives the span back.

/// The report's schema version. Bump on any incompatible change.
public let reportSchemaVersion = "wenxi.report/2"

/// One analysed document.
public struct Report: Codable, Sendable, Equatable {
    public var schema: String = reportSchemaVersion
    /// Present only in stream mode (`--input jsonl`): the `id` of the input line.
    public var id: String?
    public var source: SourceInfo
    public var meta: Meta
    public var text: String
    public var paragraphs: [Span]
    public var sentences: [Sentence]
    /// Only with `--include tokens`.
    public var tokens: [Token]?
    public var stats: Stats
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
    public var summary: Summary
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case schema, id, source, meta, text, paragraphs, sentences, tokens, stats, entities, captions,
             related, byline, credits, summary, findings
        case titleEntities = "title_entities"
    }

    public init(source: SourceInfo, meta: Meta, text: String) {
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

    public init(path: String, bytes: Int, sha256: String, encoding: String, format: InputFormat) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.encoding = encoding
        self.format = format
    }
}

/// Front matter fields. Absent fields are null.
public struct Meta: Codable, Sendable, Equatable {
    public var title: String?
    public var date: String?
    public var author: String?
    public var url: String?
    public var tags: [String]
    public var categories: [String]

    public init(title: String? = nil, date: String? = nil, author: String? = nil, url: String? = nil,
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
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

public struct Sentence: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String
    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

public struct Token: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case word, number, letter, punctuation, space, other
    }
    public var start: Int
    public var end: Int
    public var text: String
    public var kind: Kind
    /// Set when the token was re-cut to an entity's edges.
    public var entity: Bool?
    public init(start: Int, end: Int, text: String, kind: Kind, entity: Bool? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.entity = entity
    }
}

public struct Stats: Codable, Sendable, Equatable {
    /// Unicode scalars in `text`.
    public var characters: Int = 0
    public var paragraphs: Int = 0
    public var sentences: Int = 0
    public var tokens: Int = 0
    public init() {}
}

public struct Link: Codable, Sendable, Equatable {
    public var title: String
    public var url: String
    /// Entities of `title` (offsets into it), tagged on its own.
    public var entities: [Entity]
    public init(title: String, url: String, entities: [Entity] = []) {
        self.title = title
        self.url = url
        self.entities = entities
    }
}

/// A non-fatal problem met in one document (the document was still analysed).
public struct Finding: Codable, Sendable, Equatable {
    /// Machine-readable kind, e.g. `front-matter`, `html`, `encoding`.
    public var code: String
    public var message: String
    /// Where: a byte offset into the raw input, or a line, when known.
    public var offset: Int?
    public var line: Int?
    public init(code: String, message: String, offset: Int? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.line = line
    }
}
