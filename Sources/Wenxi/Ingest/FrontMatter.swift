import Foundation
import Yams

/// A Jekyll post split into its parts: YAML front matter, the `<!--1695120480000-->` timestamp
/// comment, the Markdown link title line `[title](url)` with its `------` rule, and the body.
struct PostParts {
    var meta = Meta()
    /// Where the body after the header lines (HTML, or text) starts: a byte offset into the text.
    var bodyStart: Int
    var findings: [Finding] = []

    /// Splits `text` (line breaks already LF). Problems with the front matter become findings with
    /// the 1-based line; the body is always returned.
    ///
    /// The header is read on the text's UTF-8 bytes in place; only the YAML and the title line
    /// become Strings.
    init(_ text: UnsafeBufferPointer<UInt8>) {
        bodyStart = text.count
        if let start = read(text) { bodyStart = start }
    }

    /// Splits `text` reading the front matter with Yams' `compose` alone (`events` false), as
    /// before `FrontMatterEvents`: the tests hold the two paths to the same result.
    init(_ text: UnsafeBufferPointer<UInt8>, events: Bool) {
        bodyStart = text.count
        readsEvents = events
        if let start = read(text) { bodyStart = start }
    }

    /// Whether the common front matter is read from libyaml's events (else all through `compose`).
    private var readsEvents = true

    /// Reads the header lines of `buf`; returns the byte offset where the body starts (nil: at the end).
    private mutating func read(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
        var lines = Lines(buf)
        var i = 0
        func isBlank(_ l: Slice<UnsafeBufferPointer<UInt8>>) -> Bool { l.allSatisfy(ASCII.isBlank) }
        func skipBlank() { while let l = lines[i], isBlank(l) { i += 1 } }
        skipBlank()

        if let first = lines[i], PostParts.isFence(first, "---") {
            let open = i
            var close: Int? = nil
            var j = i + 1
            while let l = lines[j] {
                if PostParts.isFence(l, "---") || PostParts.isFence(l, "...") { close = j; break }
                j += 1
            }
            var end: Int
            if let close {
                end = close
                i = close + 1
            } else {
                // Unclosed: the front matter runs up to the first line that starts the post's header
                // or body (`<`, `[`, as whole characters), or to the end.
                end = open + 1
                while let l = lines[end] {
                    let line = Substring(String(decoding: l, as: UTF8.self))
                    if line.hasPrefix("<") || line.hasPrefix("[") { break }
                    end += 1
                }
                findings.append(Finding(code: "front-matter",
                                        message: "front matter opened with --- is never closed", line: open + 1))
                i = end
            }
            // The YAML is the lines between the fences, joined by their own line breaks.
            let yaml = end > open + 1 ? UnsafeBufferPointer(rebasing: buf[lines[open + 1]!.startIndex..<lines[end - 1]!.endIndex])
                                      : UnsafeBufferPointer(start: buf.baseAddress, count: 0)
            parseYAML(yaml, firstLine: open + 2)
        } else {
            findings.append(Finding(code: "front-matter", message: "no YAML front matter", line: lines[i] != nil ? i + 1 : nil))
        }

        skipBlank()
        if let l = lines[i], PostParts.timestamp(l) != nil {
            i += 1
            skipBlank()
        }
        var linkTitle: String?
        var linkURL: String?
        if let l = lines[i], let (title, url) = PostParts.markdownLink(l) {
            linkTitle = title
            linkURL = url
            i += 1
            if let rule = lines[i], PostParts.isRule(rule) { i += 1 }
        }
        if meta.title == nil, let linkTitle { meta.title = TextNormalizer.paragraph(linkTitle) }
        if meta.url == nil, let linkURL { meta.url = linkURL }
        return lines[i]?.startIndex
    }

    /// The lines of a text (byte ranges, without their LF), found one at a time as they are asked
    /// for (a post's header is a few lines; its body is not split). A final LF ends the last line;
    /// it does not start an empty one.
    private struct Lines {
        let buf: UnsafeBufferPointer<UInt8>
        private var ranges: [Range<Int>] = []
        private var split: ByteLines<UnsafeBufferPointer<UInt8>>.Iterator
        init(_ buf: UnsafeBufferPointer<UInt8>) {
            self.buf = buf
            split = ByteLines(buf).makeIterator()
            ranges.reserveCapacity(16)
        }

        /// Line `i` split at LF (a CR before the LF stays in it), read as far as asked.
        subscript(i: Int) -> Slice<UnsafeBufferPointer<UInt8>>? {
            mutating get {
                while ranges.count <= i, let line = split.next() { ranges.append(line.contentAndCR) }
                return i < ranges.count ? buf[ranges[i]] : nil
            }
        }
    }

    /// The Yams constructor for `compose`. `Constructor.default` builds a new one (three tables)
    /// on every call; compose only stores it in each node's tag, and it is immutable, so one
    /// instance serves every document and thread.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Reads the front matter `yaml` (UTF-8, the lines between the fences) into `meta`; its
    /// problems become findings. The common shape is read from libyaml's events
    /// (`FrontMatterEvents`); anything else, and every error, goes through Yams' `compose`.
    private mutating func parseYAML(_ yaml: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        if yaml.allSatisfy({ ASCII.isBlank($0) || $0 == 0x0A }) {
            findings.append(Finding(code: "front-matter", message: "front matter is empty", line: firstLine - 1))
            return
        }
        if readsEvents, let pairs = FrontMatterEvents.read(yaml) {
            apply(pairs)
            return
        }
        compose(String(decoding: yaml, as: UTF8.self), firstLine: firstLine)
    }

    /// The front matter through Yams' `compose`: its node tree, or its error as a finding.
    private mutating func compose(_ yaml: String, firstLine: Int) {
        let node: Node?
        do {
            // The basic resolver keeps every scalar a string (no regex tag resolution): dates
            // stay as written, and it is several times faster. An explicit encoding spares Yams
            // reading the process environment on every call (`Parser.Encoding.default`); it
            // also keeps Yams from printing to stdout when YAMS_DEFAULT_ENCODING is set.
            node = try Yams.compose(yaml: yaml, .basic, PostParts.constructor, .utf8)
        } catch let error as YamlError {
            var line: Int? = nil
            var problem = "\(error)"
            switch error {
            case .scanner(let context, let p, let mark, _), .parser(let context, let p, let mark, _),
                 .composer(let context, let p, let mark, _):
                // Name the line where the broken construct began (an unclosed quote's line),
                // when libyaml says, rather than where it gave up.
                if let context {
                    line = firstLine + context.mark.line - 1
                    problem = "\(p) (\(context.text) at line \(line!))"
                } else {
                    line = firstLine + mark.line - 1
                    problem = p
                }
            default:
                break
            }
            findings.append(Finding(code: "front-matter", message: "YAML: \(problem)", line: line))
            return
        } catch {
            findings.append(Finding(code: "front-matter", message: "YAML: \(error)", line: firstLine))
            return
        }
        guard case .mapping(let mapping)? = node else {
            findings.append(Finding(code: "front-matter", message: "front matter is not a key: value mapping", line: firstLine))
            return
        }
        // One pass over the pairs by index (Yams' string subscript is a linear search per key,
        // and its iterator first copies every pair into a new array). A key is told by its
        // bytes before any String comparison.
        var pairs: [(Field, FieldValue)] = []
        var i = mapping.startIndex
        let end = mapping.endIndex
        while i < end {
            let (key, value) = mapping[i]
            i += 1
            guard case .scalar(let k) = key else { continue }
            var keyString = k.string
            guard let field = keyString.withUTF8({ Field($0) }) else { continue }
            if field.isList {
                pairs.append((field, .list(PostParts.list(value))))
            } else {
                pairs.append((field, .text(PostParts.string(value))))
            }
        }
        apply(pairs)
    }

    /// The value of a key read: clean text (nil for none) for the one-value keys, a list for
    /// `tags` and `categories`.
    enum FieldValue {
        case text(String?)
        case list([String])
    }

    /// Sets `meta` from the pairs read, in order: later pairs win, as Yams' string subscript's
    /// reverse search gives (Yams rejects equal keys, but `!t title` and `title` differ by tag).
    private mutating func apply(_ pairs: [(Field, FieldValue)]) {
        var from: String?, url: String?, link: String?
        for (field, value) in pairs {
            switch value {
            case .text(let text):
                switch field {
                case .title: meta.title = text
                case .date: meta.date = text
                case .author: meta.author = text
                case .from: from = text
                case .url: url = text
                case .link: link = text
                case .tags, .categories: break
                }
            case .list(let list):
                if field == .tags { meta.tags = list }
                if field == .categories { meta.categories = list }
            }
        }
        meta.url = from ?? url ?? link
    }

    /// The front-matter keys read, told by length and bytes.
    enum Field {
        case title, date, author, from, url, link, tags, categories

        /// Whether the key holds a list (a YAML sequence, or a string split on commas).
        var isList: Bool { self == .tags || self == .categories }

        init?(_ k: UnsafeBufferPointer<UInt8>) {
            func is_(_ s: StaticString) -> Bool {
                memcmp(k.baseAddress!, s.utf8Start, k.count) == 0
            }
            let field: Field?
            switch k.count {
            case 3: field = is_("url") ? .url : nil
            case 4: field = is_("date") ? .date : is_("from") ? .from : is_("link") ? .link : is_("tags") ? .tags : nil
            case 5: field = is_("title") ? .title : nil
            case 6: field = is_("author") ? .author : nil
            case 10: field = is_("categories") ? .categories : nil
            default: field = nil
            }
            guard let field else { return nil }
            self = field
        }
    }

    /// A scalar as clean text (nil for empty, the plain nulls `~ null Null NULL`, and non-scalars).
    private static func string(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return string(scalar)
    }

    private static func string(_ scalar: Node.Scalar) -> String? {
        var s = scalar.string
        return s.withUTF8 { string($0, plain: scalar.style == .plain) }
    }

    /// A scalar's bytes as clean text: nil for empty and for the plain nulls `~ null Null NULL`.
    static func string(_ b: UnsafeBufferPointer<UInt8>, plain: Bool) -> String? {
        if b.count <= 4 && plain {
            let t = String(decoding: b, as: UTF8.self)
            if t == "~" || t == "null" || t == "Null" || t == "NULL" { return nil }
        }
        return TextNormalizer.paragraph(b)
    }

    /// A YAML list, or a string split on commas (`，` too); not on spaces, since outlet names such
    /// as `RTI 中央廣播電臺` hold spaces.
    private static func list(_ node: Node) -> [String] {
        switch node {
        case .sequence(let seq):
            var out: [String] = []
            out.reserveCapacity(seq.count)
            for item in seq {
                if let s = string(item) { out.append(s) }
            }
            return out
        case .scalar(let scalar):
            return list(splitting: scalar.string)
        default:
            return []
        }
    }

    /// A scalar list split on commas (`，` too), each part cleaned; empty parts dropped.
    static func list(splitting s: String) -> [String] {
        s.split(whereSeparator: { $0 == "," || $0 == "，" }).compactMap { TextNormalizer.paragraph(String($0)) }
    }

    /// The header helpers below read a line's UTF-8 bytes. They trim and compare ASCII bytes
    /// only, which gives the same answers as comparing whole characters: a line they accept is
    /// all ASCII, and a space or tab that is part of a larger character leaves a non-ASCII byte
    /// where the markup would have to be.
    typealias Line = Slice<UnsafeBufferPointer<UInt8>>

    /// `line` without spaces and tabs at either end.
    private static func trimmed(_ line: Line) -> Line {
        line[ASCII.trimBlanks(line, line.startIndex..<line.endIndex)]
    }

    static func isFence(_ line: Line, _ fence: StaticString) -> Bool {
        var b = line.endIndex
        while b > line.startIndex, ASCII.isBlank(line[b - 1]) { b -= 1 }
        return line[line.startIndex..<b].elementsEqual(UnsafeBufferPointer(start: fence.utf8Start, count: fence.utf8CodeUnitCount))
    }

    static func isRule(_ line: Line) -> Bool {
        let t = trimmed(line)
        return t.count >= 3 && (t.allSatisfy { $0 == UInt8(ascii: "-") } || t.allSatisfy { $0 == UInt8(ascii: "=") })
    }

    /// `<!--1695120480000-->` -> 1695120480000.
    static func timestamp(_ line: Line) -> Int64? {
        let t = trimmed(line)
        guard t.count > 7, t.starts(with: "<!--".utf8), t.reversed().starts(with: ">--".utf8) else { return nil }
        let inner = trimmed(t[(t.startIndex + 4)..<(t.endIndex - 3)])
        guard !inner.isEmpty, inner.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(String(decoding: inner, as: UTF8.self))
    }

    /// `[title](url)` -> (title, url). The title may itself hold brackets; the URL is the last
    /// parenthesised part.
    static func markdownLink(_ line: Line) -> (String, String)? {
        let u = trimmed(line)
        guard u.count >= 4, u.first == UInt8(ascii: "["), u.last == UInt8(ascii: ")") else { return nil }
        let s = u.startIndex
        var k = u.endIndex - 2
        while k > s && !(u[k - 1] == UInt8(ascii: "]") && u[k] == UInt8(ascii: "(")) { k -= 1 }
        guard k > s else { return nil }
        let url = u[(k + 1)..<(u.endIndex - 1)]
        guard !url.isEmpty, !url.contains(0x20) else { return nil }
        return (String(decoding: u[(s + 1)..<(k - 1)], as: UTF8.self), String(decoding: url, as: UTF8.self))
    }
}
