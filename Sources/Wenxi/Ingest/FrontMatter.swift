import Foundation
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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        func skipBlank() { while i < lines.count && lines[i].allSatisfy({ $0 == " " || $0 == "\t" }) { i += 1 } }
        skipBlank()

        var linkTitle: String?
        var linkURL: String?
        if i < lines.count && PostParts.isFence(lines[i], "---") {
            let open = i
            var close: Int? = nil
            var j = i + 1
            while j < lines.count {
                if PostParts.isFence(lines[j], "---") || PostParts.isFence(lines[j], "...") { close = j; break }
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
                while end < lines.count && !(lines[end].hasPrefix("<") || lines[end].hasPrefix("[")) { end += 1 }
                findings.append(Finding(code: "front-matter",
                                        message: "front matter opened with --- is never closed", line: open + 1))
                i = end
            }
            let yaml = lines[(open + 1)..<end].joined(separator: "\n")
            parseYAML(yaml, firstLine: open + 2)
        } else {
            findings.append(Finding(code: "front-matter", message: "no YAML front matter", line: i < lines.count ? i + 1 : nil))
        }

        skipBlank()
        if i < lines.count, let ts = PostParts.timestamp(lines[i]) {
            timestamp = ts
            i += 1
            skipBlank()
        }
        if i < lines.count, let (title, url) = PostParts.markdownLink(lines[i]) {
            linkTitle = title
            linkURL = url
            i += 1
            if i < lines.count && PostParts.isRule(lines[i]) { i += 1 }
        }
        if meta.title == nil, let linkTitle { meta.title = TextNormalizer.paragraph(linkTitle) }
        if meta.url == nil, let linkURL { meta.url = linkURL }
        if i < lines.count {
            let start = lines[i].startIndex
            body = text[start...]
        }
    }

    private mutating func parseYAML(_ yaml: String, firstLine: Int) {
        if yaml.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) {
            findings.append(Finding(code: "front-matter", message: "front matter is empty", line: firstLine - 1))
            return
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            var line: Int? = nil
            var problem = "\(error)"
            switch error {
            case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _), .composer(_, let p, let mark, _):
                line = firstLine + mark.line - 1
                problem = p
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
        meta.title = mapping["title"].flatMap(PostParts.string)
        meta.date = mapping["date"].flatMap(PostParts.string)
        meta.author = mapping["author"].flatMap(PostParts.string)
        meta.url = (mapping["from"] ?? mapping["url"] ?? mapping["link"]).flatMap(PostParts.string)
        meta.tags = mapping["tags"].map(PostParts.list) ?? []
        meta.categories = mapping["categories"].map(PostParts.list) ?? []
    }

    /// A scalar as clean text (nil for empty or non-scalars).
    private static func string(_ node: Node) -> String? {
        guard let s = node.scalar?.string else { return nil }
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
        guard t.hasPrefix("["), t.hasSuffix(")"), let mid = t.range(of: "](", options: .backwards) else { return nil }
        let title = t[t.index(after: t.startIndex)..<mid.lowerBound]
        let url = t[mid.upperBound..<t.index(before: t.endIndex)]
        guard !url.isEmpty, !url.contains(" ") else { return nil }
        return (String(title), String(url))
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
