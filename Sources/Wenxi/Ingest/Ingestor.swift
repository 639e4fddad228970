/// Raw input as read from a file, stdin or a stream line.
public struct InputDocument: Sendable {
    /// Path as given (or `-`, or the stream id).
    public var path: String
    public var bytes: [UInt8]
    /// Stream-mode id, copied into the report.
    public var id: String?
    /// When the caller knows the format (stream mode's `text`/`html`/`post` keys), ingest does not sniff.
    public var format: InputFormat?

    public init(path: String, bytes: [UInt8], id: String? = nil, format: InputFormat? = nil) {
        self.path = path
        self.bytes = bytes
        self.id = id
        self.format = format
    }
}

/// The three kinds of input, recognised by content.
public enum InputFormat: String, Sendable, Codable {
    /// Jekyll post: YAML front matter, then an HTML (or Markdown-ish) body.
    case post
    case html
    case text
}

/// What ingest hands to the later stages: metadata and the body as clean paragraphs.
public struct IngestedDocument: Sendable {
    public var source: SourceInfo
    public var meta: Meta
    /// Body paragraphs in order, each already whitespace-folded, none empty.
    public var paragraphs: [String]
    public var captions: [String] = []
    public var related: [Link] = []
    public var findings: [Finding] = []
}

/// Stage 1: bytes -> metadata + clean paragraphs.
public enum Ingestor {
    public static func ingest(_ input: InputDocument) throws -> IngestedDocument {
        // Placeholder until the real ingest lands: UTF-8 text, paragraphs split on newlines.
        guard let string = String(validating: input.bytes, as: UTF8.self) else {
            throw WenxiError.invalidUTF8(byteOffset: 0)
        }
        let paragraphs = string.split(whereSeparator: \.isNewline).map(String.init)
        return IngestedDocument(
            source: SourceInfo(path: input.path, bytes: input.bytes.count, sha256: "", encoding: "UTF-8", format: "text"),
            meta: Meta(), paragraphs: paragraphs)
    }
}
