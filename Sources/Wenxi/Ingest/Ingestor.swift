/// Raw input as read from a file, stdin or a stream line.
public struct InputDocument: Sendable {
    /// Path as given (or `-`, or the stream id).
    package var path: String
    /// The raw input, in any supported encoding (UTF-8, UTF-16 with BOM, Big5, GB18030 …).
    package var bytes: [UInt8]
    /// Stream-mode id, copied into the report.
    package var id: String?
    /// When the caller knows the format (stream mode's `text`/`html`/`post` keys), ingest does not sniff.
    package var format: InputFormat?

    /// An input named `path` (shown in `source.path` and errors); `format` nil: recognised by content.
    public init(path: String, bytes: [UInt8], id: String? = nil, format: InputFormat? = nil) {
        self.path = path
        self.bytes = bytes
        self.id = id
        self.format = format
    }
}

/// Clean body paragraphs, normalised straight into one UTF-8 buffer and joined there by "\n":
/// no String per paragraph (each would be validated, then copied again into the body).
package struct BodyBytes: Sendable {
    /// The paragraphs, each as `TextNormalizer.paragraph` cleans it (ill-formed bytes, not
    /// expected, left for the String initialiser to repair), joined by "\n".
    package private(set) var bytes: [UInt8] = []
    /// Where each paragraph is in `bytes`: none empty.
    package private(set) var ranges: [Range<Int>] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        // A post has a few dozen paragraphs: the ranges are not regrown from empty.
        if capacity > 0 { ranges.reserveCapacity(32) }
    }

    /// Cleans `source` (`TextNormalizer.paragraph`) onto the end as a new paragraph, unless
    /// nothing but whitespace is left of it.
    package mutating func append(normalizing source: UnsafeBufferPointer<UInt8>) {
        guard !source.isEmpty else { return }
        let start = bytes.count, separator = ranges.isEmpty ? 0 : 1
        // Room for the separator and the input (the output is never longer), filled in place.
        // The room is made by copying the input itself (one `memcpy`; `clean` overwrites it)
        // and the unused end dropped with `removeLast`: a run of zeros appended and a subrange
        // removed went through the generic collection paths.
        if separator == 1 { bytes.append(0x0A) }
        bytes.append(contentsOf: source)
        let from = start + separator
        let (count, needsNFC) = bytes.withUnsafeMutableBufferPointer { out in
            TextNormalizer.clean(source, into: UnsafeMutableBufferPointer(rebasing: out[from...]))
        }
        guard count > 0 else {
            bytes.removeLast(bytes.count - start)
            return
        }
        bytes.removeLast(bytes.count - (from + count))
        if needsNFC {
            let nfc = bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[from...]), as: UTF8.self).precomposedStringWithCanonicalMapping
            }
            bytes.replaceSubrange(from..., with: nfc.utf8)
        }
        ranges.append(from..<bytes.count)
    }

    /// The paragraphs as Strings (each repaired on its own when ill-formed).
    package var paragraphs: [String] {
        bytes.withUnsafeBufferPointer { b in ranges.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) } }
    }

    /// The paragraphs joined by "\n", and each one's span in it (scalar offsets).
    package func joined() -> (text: String, spans: [Span]) {
        guard let text = BodyBytes.string(bytes) else {
            // Ill-formed bytes (not expected): each paragraph repaired apart, then counted.
            var text = "", spans: [Span] = [], offset = 0
            for (i, p) in paragraphs.enumerated() {
                if i > 0 { text += "\n"; offset += 1 }
                let n = p.scalarCount
                spans.append(Span(start: offset, end: offset + n))
                text += p
                offset += n
            }
            return (text, spans)
        }
        // Well-formed: a scalar starts at every byte but a continuation byte.
        var spans: [Span] = []
        spans.reserveCapacity(ranges.count)
        bytes.withUnsafeBufferPointer { b in
            var offset = 0, previousEnd = 0
            for r in ranges {
                offset += BodyBytes.scalarCount(b, previousEnd..<r.lowerBound)
                let n = BodyBytes.scalarCount(b, r)
                spans.append(Span(start: offset, end: offset + n))
                offset += n
                previousEnd = r.upperBound
            }
        }
        return (text, spans)
    }

    /// `bytes` as a String, or nil when they are not well-formed UTF-8. They are checked by
    /// `UTF8Text.firstInvalid` (eight ASCII bytes or two 3-byte CJK sequences a step; the input
    /// decoder's check) and then copied as a `UTF8Span` known to be valid, which the String does
    /// not check again: the String initialisers' own check (`String(validating:)`, and every
    /// other one, `String(decoding:)` included) goes a byte at a time through CJK text and was
    /// 6% of the `ingest` line's CPU samples.
    static func string(_ bytes: [UInt8]) -> String? {
        guard #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) else {
            return String(validating: bytes, as: UTF8.self)
        }
        guard UTF8Text.firstInvalid(bytes) == nil else { return nil }
        return String(copying: UTF8Span(unchecked: bytes.span))
    }

    /// Scalars in `b[range]` (well-formed UTF-8): the bytes that are not continuation bytes
    /// (10xxxxxx), counted eight at a time.
    static func scalarCount(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = b.baseAddress else { return 0 }
        var i = range.lowerBound, n = 0
        let end = range.upperBound
        while i &+ 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Bit 7 of each byte: set for a continuation byte (bit 7 set, bit 6 clear).
            let continuation = w & ~(w &<< 1) & 0x8080_8080_8080_8080
            n &+= 8 &- continuation.nonzeroBitCount
            i &+= 8
        }
        while i < end {
            if !UTF8Text.isContinuation(b[i]) { n &+= 1 }
            i &+= 1
        }
        return n
    }
}

/// What ingest hands to the later stages: metadata and the body as clean paragraphs.
package struct IngestedDocument: Sendable {
    package var source: SourceInfo
    package var meta: Meta
    /// Body paragraphs in order, each already whitespace-folded, none empty, in one buffer.
    package var body: BodyBytes
    /// The body paragraphs as Strings.
    package var paragraphs: [String] { body.paragraphs }
    package var captions: [String] = []
    package var related: [Link] = []
    package var findings: [Finding] = []
}

/// Stage 1: bytes -> metadata + clean paragraphs.
///
/// The input is decoded (`TextDecoding`), its line breaks made LF, and its format taken from
/// `input.format` or else recognised by content (`detectFormat`). Posts have their front matter
/// and header lines parsed; HTML (a post's body or a whole file) goes through `HTMLExtractor`;
/// text is one paragraph per non-blank line. Every paragraph is cleaned by `TextNormalizer`.
package enum Ingestor {
    package static func ingest(_ input: InputDocument) throws -> IngestedDocument {
        // The text stays UTF-8 bytes (the input array itself, when it is UTF-8 with LF line
        // breaks): only the YAML, the title line and the paragraphs become Strings.
        let (decoded, encoding) = try TextDecoding.decodeBytes(input.bytes)
        let text = TextDecoding.lineBreaks(decoded)
        return try text.withUnsafeBufferPointer { text in
            let format = input.format ?? detectFormat(text, path: input.path)
            let source = SourceInfo(path: input.path, bytes: input.bytes.count, sha256: SourceHash.sha256Hex(input.bytes),
                                    encoding: encoding, format: format)
            var doc = IngestedDocument(source: source, meta: Meta(), body: BodyBytes())
            switch format {
            case .post:
                let parts = PostParts(text)
                doc.meta = parts.meta
                doc.findings = parts.findings
                let body = UnsafeBufferPointer(rebasing: text[parts.bodyStart...])
                if looksLikeHTML(body) {
                    try fill(&doc, html: body)
                } else {
                    doc.body = textParagraphs(body)
                }
            case .html:
                try fill(&doc, html: text)
            case .text:
                doc.body = textParagraphs(text)
            }
            return doc
        }
    }

    private static func fill(_ doc: inout IngestedDocument, html: UnsafeBufferPointer<UInt8>) throws {
        // libxml2 reads the bytes in place.
        let result = try HTMLExtractor.extract(html)
        doc.body = result.body
        doc.captions = result.captions
        doc.related = result.related
        doc.findings += result.findings
        if doc.meta.title == nil { doc.meta.title = result.title }
    }

    /// Plain text: every non-blank line is a paragraph (Chinese text is not hard-wrapped, and
    /// blank lines between paragraphs are optional in it), cleaned by `TextNormalizer`.
    static func textParagraphs(_ buf: UnsafeBufferPointer<UInt8>) -> BodyBytes {
        var out = BodyBytes(capacity: buf.count)
        for line in ByteLines(buf) {
            out.append(normalizing: UnsafeBufferPointer(rebasing: buf[line.contentAndCR]))
        }
        return out
    }

    /// The format by content (the extension only breaks ties):
    /// - `post` when the text opens with a `---` front-matter fence, or with a post's header lines
    ///   (the `<!--digits-->` timestamp comment, or a `[title](url)` line followed by a `---` rule);
    /// - `html` when the first non-blank character opens a tag (`<p`, `<!DOCTYPE`, `</`), when a
    ///   common HTML tag (`<p>`, `<div`, `<br`, `<html`, `<body`) occurs in the first 4 KB, or when
    ///   the extension is `.html`/`.htm`;
    /// - `text` otherwise.
    package static func detectFormat(_ text: String, path: String = "") -> InputFormat {
        var text = text
        return text.withUTF8 { detectFormat($0, path: path) }
    }

    /// `detectFormat` of UTF-8 bytes.
    static func detectFormat(_ text: UnsafeBufferPointer<UInt8>, path: String) -> InputFormat {
        if let format = detectFormat(head: UnsafeBufferPointer(rebasing: text.prefix(4096))) { return format }
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if path.contains("."), ext == "html" || ext == "htm" || ext == "xhtml" { return .html }
        return .text
    }

    /// The format by the first 4 KB (read in place), or nil when the content does not tell.
    private static func detectFormat(head: UnsafeBufferPointer<UInt8>) -> InputFormat? {
        // The first two non-blank lines (each cut at 2 KB) decide whether it is a post.
        var lines: [PostParts.Line] = []
        for line in ByteLines(head) {
            if lines.count == 2 { break }
            let r = line.contentAndCR
            if !ASCII.isBlankLine(head[r]) { lines.append(head[r.lowerBound..<min(r.upperBound, r.lowerBound + 2048)]) }
        }
        if let first = lines.first {
            if PostParts.isFence(first, "---") || PostParts.timestamp(first) != nil { return .post }
            if PostParts.markdownLink(first) != nil, lines.count > 1, PostParts.isRule(lines[1]) { return .post }
        }
        if let i = head.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }), head[i] == UInt8(ascii: "<"),
           i + 1 < head.count, isTagStart(head[i + 1]) {
            return .html
        }
        for tag in htmlMarkers where containsIgnoringASCIICase(head, tag) { return .html }
        return nil
    }

    /// Lower-case markers of HTML in a text.
    private static let htmlMarkers: [[UInt8]] = ["<p>", "<p ", "</p>", "<div", "<br", "<html", "<body"].map { Array($0.utf8) }

    /// Whether `needle` (lower-case) occurs in `haystack` with ASCII letters of any case.
    private static func containsIgnoringASCIICase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = haystack.count, m = needle.count
        if m > n { return false }
        var i = 0
        while i <= n - m {
            var k = 0
            while k < m {
                let b = haystack[i + k]
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != needle[k] { break }
                k += 1
            }
            if k == m { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    private static func isTagStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x21 || b == 0x2F
    }

    /// Whether a post body holds HTML tags (else it is taken as text).
    static func looksLikeHTML(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousLT = false
        for b in buf {
            if previousLT && isTagStart(b) { return true }
            previousLT = b == UInt8(ascii: "<")
        }
        return false
    }
}
