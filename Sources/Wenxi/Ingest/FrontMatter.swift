import Yams

/// A Jekyll post split into its parts: YAML front matter, the `<!--1695120480000-->` timestamp
/// comment, the Markdown link title line `[title](url)` with its `------` rule, and the body.
struct PostParts {
    var meta = Meta()
    /// Milliseconds since 1970 from the timestamp comment.
    var timestamp: Int64?
    /// The body after the header lines (HTML, or text).
    var body: Substring = ""
    var findings: [Finding] = []

    /// Splits `text` (line breaks already LF). Problems with the front matter become findings with
    /// the 1-based line; the body is always returned.
    init(_ text: String) {
        var lines = Lines(text)
        var i = 0
        func isBlank(_ l: Substring) -> Bool { l.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
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
                // or body (`<`, `[`), or to the end.
                end = open + 1
                while let l = lines[end], !(l.hasPrefix("<") || l.hasPrefix("[")) { end += 1 }
                findings.append(Finding(code: "front-matter",
                                        message: "front matter opened with --- is never closed", line: open + 1))
                i = end
            }
            let yaml = ((open + 1)..<end).map { lines[$0]! }.joined(separator: "\n")
            parseYAML(yaml, firstLine: open + 2)
        } else {
            findings.append(Finding(code: "front-matter", message: "no YAML front matter", line: lines[i] != nil ? i + 1 : nil))
        }

        skipBlank()
        if let l = lines[i], let ts = PostParts.timestamp(l) {
            timestamp = ts
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
        if let start = lines.start(of: i) { body = text[start...] }
    }

    /// The lines of a text, found one at a time as they are asked for (a post's header is a few
    /// lines; its body is not split).
    private struct Lines {
        let text: String
        private var ranges: [Range<String.Index>] = []
        private var next: String.Index
        init(_ text: String) {
            self.text = text
            next = text.startIndex
        }

        private mutating func fill(_ i: Int) {
            let utf8 = text.utf8
            while ranges.count <= i && next < utf8.endIndex {
                if let nl = utf8[next...].firstIndex(of: 0x0A) {
                    ranges.append(next..<nl)
                    next = utf8.index(after: nl)
                } else {
                    ranges.append(next..<utf8.endIndex)
                    next = utf8.endIndex
                }
            }
        }

        subscript(i: Int) -> Substring? {
            mutating get {
                fill(i)
                return i < ranges.count ? text[ranges[i]] : nil
            }
        }

        mutating func start(of i: Int) -> String.Index? {
            fill(i)
            return i < ranges.count ? ranges[i].lowerBound : nil
        }
    }

    private mutating func parseYAML(_ yaml: String, firstLine: Int) {
        if yaml.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) {
            findings.append(Finding(code: "front-matter", message: "front matter is empty", line: firstLine - 1))
            return
        }
        let node: Node?
        do {
            // The basic resolver keeps every scalar a string (no regex tag resolution): dates
            // stay as written, and it is several times faster. An explicit encoding spares Yams
            // reading the process environment on every call (`Parser.Encoding.default`); it
            // also keeps Yams from printing to stdout when YAMS_DEFAULT_ENCODING is set.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
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
        guard let mapping = node?.mapping else {
            findings.append(Finding(code: "front-matter", message: "front matter is not a key: value mapping", line: firstLine))
            return
        }
        // One pass over the pairs (Yams' string subscript is a linear search per key).
        var from: String?, url: String?, link: String?
        for (key, value) in mapping {
            guard let k = key.scalar?.string else { continue }
            switch k {
            case "title": meta.title = PostParts.string(value)
            case "date": meta.date = PostParts.string(value)
            case "author": meta.author = PostParts.string(value)
            case "from": from = PostParts.string(value)
            case "url": url = PostParts.string(value)
            case "link": link = PostParts.string(value)
            case "tags": meta.tags = PostParts.list(value)
            case "categories": meta.categories = PostParts.list(value)
            default: break
            }
        }
        meta.url = from ?? url ?? link
    }

    /// A scalar as clean text (nil for empty or non-scalars).
    private static func string(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        let s = scalar.string
        if scalar.style == .plain && (s == "~" || s == "null" || s == "Null" || s == "NULL") { return nil }
        return TextNormalizer.paragraph(s)
    }

    /// A YAML list, or a string split on commas (`，` too); not on spaces, since outlet names such
    /// as `RTI 中央廣播電臺` hold spaces.
    private static func list(_ node: Node) -> [String] {
        if let seq = node.sequence { return seq.compactMap { string($0) } }
        guard let s = node.scalar?.string else { return [] }
        return s.split(whereSeparator: { $0 == "," || $0 == "，" }).compactMap { TextNormalizer.paragraph(String($0)) }
    }

    static func isFence(_ line: Substring, _ fence: String) -> Bool {
        var l = line
        while l.last == " " || l.last == "\t" { l = l.dropLast() }
        return l == fence
    }

    static func isRule(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(" \t")
        return t.count >= 3 && (t.allSatisfy { $0 == "-" } || t.allSatisfy { $0 == "=" })
    }

    /// `<!--1695120480000-->` -> 1695120480000.
    static func timestamp(_ line: Substring) -> Int64? {
        let t = line.trimmingCharacters(" \t")
        guard t.hasPrefix("<!--"), t.hasSuffix("-->"), t.count > 7 else { return nil }
        let inner = t.dropFirst(4).dropLast(3).trimmingCharacters(" \t")
        guard !inner.isEmpty, inner.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(inner)
    }

    /// `[title](url)` -> (title, url). The title may itself hold brackets; the URL is the last
    /// parenthesised part.
    static func markdownLink(_ line: Substring) -> (String, String)? {
        let t = line.trimmingCharacters(" \t")
        let u = Array(t.utf8)
        guard u.count >= 4, u.first == UInt8(ascii: "["), u.last == UInt8(ascii: ")") else { return nil }
        var k = u.count - 2
        while k > 0 && !(u[k - 1] == UInt8(ascii: "]") && u[k] == UInt8(ascii: "(")) { k -= 1 }
        guard k > 0 else { return nil }
        let title = String(decoding: u[1..<(k - 1)], as: UTF8.self)
        let url = String(decoding: u[(k + 1)..<(u.count - 1)], as: UTF8.self)
        guard !url.isEmpty, !url.utf8.contains(0x20) else { return nil }
        return (title, url)
    }
}

extension Substring {
    func trimmingCharacters(_ set: String) -> Substring {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
