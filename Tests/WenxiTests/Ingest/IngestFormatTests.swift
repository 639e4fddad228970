import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Ingest: format detection and front matter")
struct IngestFormatTests {
    @Test(arguments: [
        ("front matter fence", "---\ntitle: x\n---\n<p>a</p>", "a.txt", InputFormat.post),
        ("fence after blank lines", "\n\n---\ntitle: x\n---\n", "a", .post),
        ("timestamp comment first", "<!--1695120480000-->\n[t](https://x.tw)\n------\n<p>a</p>", "a.html", .post),
        ("link title and rule", "[標題](https://x.tw/1)\n------\n\n本文", "a.txt", .post),
        ("doctype", "<!DOCTYPE html><html><body><p>a</p></body></html>", "a.txt", .html),
        ("starts with a tag", "  <div><p>台北</p></div>", "a.md", .html),
        ("text then tags", "台北市政府今天說<br>明年起實施", "a.txt", .html),
        ("plain text", "台北市政府今天說，明年起實施。\n第二段。", "a.html.txt", .text),
        ("angle quotes are text", "<<國語日報>>報導，教育部今天說。", "a.txt", .text),
        ("text with .html extension", "只有文字", "page.html", .html),
        ("markdown-looking text", "# 標題\n\n本文 [連結](https://x.tw)", "a.md", .text),
    ])
    func detects(_ name: String, _ text: String, _ path: String, _ expected: InputFormat) {
        #expect(Ingestor.detectFormat(text, path: path) == expected, "\(name)")
    }

    @Test(arguments: [
        ("one paragraph a line", "甲。\n乙。\n丙。", ["甲。", "乙。", "丙。"]),
        ("blank lines between", "甲。\n\n\n乙。\n", ["甲。", "乙。"]),
        ("whitespace-only lines dropped", "甲。\n \t\u{3000}\n乙。", ["甲。", "乙。"]),
        ("CRLF", "甲。\r\n\r\n乙。\r\n", ["甲。", "乙。"]),
        ("indented lines", "\u{3000}\u{3000}甲。\n    乙 丙", ["甲。", "乙 丙"]),
        ("empty", "", []),
    ])
    func textParagraphs(_ name: String, _ text: String, _ expected: [String]) throws {
        let doc = try Ingestor.ingest(InputDocument(path: "t.txt", bytes: Array(text.utf8), format: .text))
        #expect(doc.paragraphs == expected, "\(name)")
    }

    @Test func callerFormatWins() throws {
        let doc = try Ingestor.ingest(InputDocument(path: "x.html", bytes: Array("<p>台北</p>\n<p>高雄</p>".utf8), format: .text))
        #expect(doc.source.format == .text)
        #expect(doc.paragraphs == ["<p>台北</p>", "<p>高雄</p>"])
    }

    struct Post: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let meta: Meta
        var findingLine: Int? = nil
        var findingCount = 0
        var testDescription: String { name }
    }

    static let header = "<!--1695120480000-->\n[連結標題](https://link.tw/a)\n------\n\n<div><p>本文。</p></div>\n"

    static let posts: [Post] = [
        Post(name: "lists", text: """
            ---
            layout: post
            title: "桃市府拚數位治理 113年成立智慧城鄉發展委員會"
            date: 2023-09-19T10:48:00.000Z
            author: (臺)中央社CNA
            from: https://www.cna.com.tw/news/aloc/202309190287.aspx
            tags: [ (臺)中央社CNA ]
            categories: [ (臺)中央社CNA, 地方 ]
            ---

            """ + header,
             meta: Meta(title: "桃市府拚數位治理 113年成立智慧城鄉發展委員會", date: "2023-09-19T10:48:00.000Z",
                        author: "(臺)中央社CNA", url: "https://www.cna.com.tw/news/aloc/202309190287.aspx",
                        tags: ["(臺)中央社CNA"], categories: ["(臺)中央社CNA", "地方"])),
        Post(name: "strings split on commas, not spaces", text: """
            ---
            title: 颱風水情
            tags: RTI 中央廣播電臺, 財經，水情
            categories: RTI 中央廣播電臺
            url: https://www.rti.org.tw/news/view/id/1
            ---

            """ + header,
             meta: Meta(title: "颱風水情", url: "https://www.rti.org.tw/news/view/id/1",
                        tags: ["RTI 中央廣播電臺", "財經", "水情"], categories: ["RTI 中央廣播電臺"])),
        Post(name: "block list and bare date", text: """
            ---
            title: '單引號標題'
            date: 2020-08-04 10:00:00 +0800
            tags:
              - 政治
              - 外交
            ---

            """ + header,
             meta: Meta(title: "單引號標題", date: "2020-08-04 10:00:00 +0800", url: "https://link.tw/a", tags: ["政治", "外交"])),
        Post(name: "plain nulls are absent, quoted ones are text", text: "---\ntitle: ~\nauthor: null\ndate: NULL\nfrom: Null\ntags: [a, ~, '~']\n---\n" + header,
             meta: Meta(title: "連結標題", url: "https://link.tw/a", tags: ["a", "~"])),
        Post(name: "keys by their exact bytes; others, and non-scalar values, ignored", text: """
            ---
            Title: 大寫
            titles: 多一字
            title_x: 後綴
            author: { name: 甲 }
            categories: [ [a], b ]
            title: 標題
            ---

            """ + header,
             meta: Meta(title: "標題", url: "https://link.tw/a", categories: ["b"])),
        Post(name: "a later key wins when only the tag differs", text: "---\n!t title: 先\ntitle: 後\n---\n" + header,
             meta: Meta(title: "後", url: "https://link.tw/a")),
        Post(name: "from before url before link", text: "---\nlink: l\nurl: u\n---\n" + header,
             meta: Meta(title: "連結標題", url: "u")),
        Post(name: "duplicate keys are a YAML error", text: "---\ntitle: 甲\ntitle: 乙\n---\n" + header,
             meta: Meta(title: "連結標題", url: "https://link.tw/a"), findingCount: 1),
        Post(name: "no front matter: link line gives title and url", text: header,
             meta: Meta(title: "連結標題", url: "https://link.tw/a"), findingLine: 1, findingCount: 1),
        Post(name: "YAML error names the line of the unclosed quote", text: "---\ntitle: \"未閉合\ndate: 2023-09-20\n---\n" + header,
             meta: Meta(title: "連結標題", url: "https://link.tw/a"), findingLine: 2, findingCount: 1),
        Post(name: "YAML error without context", text: "---\ntitle: 甲\n  bad: indent\n---\n" + header,
             meta: Meta(title: "連結標題", url: "https://link.tw/a"), findingLine: 3, findingCount: 1),
        Post(name: "unclosed front matter", text: "---\ntitle: 標題\nauthor: 記者\n" + header,
             meta: Meta(title: "標題", author: "記者", url: "https://link.tw/a"), findingLine: 1, findingCount: 1),
        Post(name: "not a mapping", text: "---\n- a\n- b\n---\n" + header,
             meta: Meta(title: "連結標題", url: "https://link.tw/a"), findingLine: 2, findingCount: 1),
    ]

    @Test(arguments: posts)
    func frontMatter(_ c: Post) throws {
        let doc = try Ingestor.ingest(InputDocument(path: "p.md", bytes: Array(c.text.utf8)))
        #expect(doc.source.format == .post)
        #expect(doc.meta == c.meta)
        #expect(doc.paragraphs == ["本文。"], "the body is analysed whatever the front matter")
        #expect(!doc.paragraphs.contains { $0.contains("1695120480000") }, "the timestamp comment is skipped, not body text")
        #expect(doc.findings.count == c.findingCount)
        if c.findingCount > 0 {
            #expect(doc.findings.first?.code == "front-matter")
            #expect(doc.findings.first?.line == c.findingLine)
        }
    }

    /// A front matter, and whether libyaml's events read it (`FrontMatterEvents`) or it is left
    /// to Yams' `compose`.
    struct YAMLShape: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let events: Bool
        var testDescription: String { name }
    }

    static let yamlShapes: [YAMLShape] = [
        YAMLShape(name: "a post's front matter", yaml: "layout: post\ntitle: \"標題\"\ndate: 2014-09-24T22:43:41.000Z\nauthor: BBC\nfrom: http://x/y\ntags: [ BBC ]\ncategories: [ BBC, 國際 ]", events: true),
        YAMLShape(name: "block list with nulls", yaml: "tags:\n  - a\n  - ~\n  - 'null'\n  - ''\ntitle: x", events: true),
        YAMLShape(name: "plain and quoted nulls", yaml: "title: ~\nauthor: Null\ndate: 'NULL'\nfrom: null\nurl: nUll", events: true),
        YAMLShape(name: "comma-split scalar lists", yaml: "tags: 甲, 乙，丙\ncategories: \"RTI 中央廣播電臺\"", events: true),
        YAMLShape(name: "a list under a one-value key", yaml: "title: [a, b]\nauthor: [c]\nother: [d]", events: true),
        YAMLShape(name: "empty values", yaml: "title:\nauthor: ''\ndate: \"\"", events: true),
        YAMLShape(name: "block scalars and escapes", yaml: "title: |\n  多行\n  文字\nauthor: >\n  折疊\n  文字\ndate: \"a\\u00e9\\0b\"", events: true),
        YAMLShape(name: "a flow mapping at the root", yaml: "{ title: 甲, tags: [a, b] }", events: true),
        YAMLShape(name: "a key given by ?", yaml: "title: x\n? complex\n: y", events: true),
        YAMLShape(name: "from before url before link", yaml: "link: l\nurl: u\nfrom: f", events: true),
        YAMLShape(name: "duplicate keys, quoted and plain: Yams' error", yaml: "title: 甲\n'title': 乙", events: false),
        YAMLShape(name: "a tagged key: Yams", yaml: "title: x\n!!str title: y", events: false),
        YAMLShape(name: "a tagged value: Yams", yaml: "title: !foo 甲", events: false),
        YAMLShape(name: "anchor and alias: Yams", yaml: "title: &a 甲\nauthor: *a", events: false),
        YAMLShape(name: "an undefined alias: Yams' error", yaml: "title: x\nauthor: *undefined", events: false),
        YAMLShape(name: "a nested mapping: Yams (it checks its keys)", yaml: "title: x\nnested:\n  a: 1\n  a: 2", events: false),
        YAMLShape(name: "a mapping in a list: Yams", yaml: "title: x\ntags: [a, {b: c}]", events: false),
        YAMLShape(name: "a non-scalar key: Yams", yaml: "[a]: b\ntitle: x", events: false),
        YAMLShape(name: "non-ASCII keys (canonically equal): Yams", yaml: "é: 1\ne\u{301}: 2\ntitle: x", events: false),
        YAMLShape(name: "a value opening with a byte-order mark: Yams", yaml: "title: \"\\ufeffBOM\"", events: false),
        YAMLShape(name: "a second document: Yams' error", yaml: "title: 甲\n---\ntitle: 乙", events: false),
        YAMLShape(name: "not a mapping: Yams", yaml: "- a\n- b", events: false),
        YAMLShape(name: "an unclosed quote: Yams' error", yaml: "title: \"未閉合\ndate: 1", events: false),
        YAMLShape(name: "a tab in the indentation: Yams' error", yaml: "title: x\n\ttab: y", events: false),
    ]

    @Test(arguments: yamlShapes)
    func frontMatterEventsMatchCompose(_ c: YAMLShape) {
        let text = Array(("---\n" + c.yaml + "\n---\n" + IngestFormatTests.header).utf8)
        text.withUnsafeBufferPointer { b in
            let events = PostParts(b), composed = PostParts(b, events: false)
            #expect(events.meta == composed.meta)
            #expect(events.findings == composed.findings)
            #expect(events.bodyStart == composed.bodyStart)
        }
        let read = Array(c.yaml.utf8).withUnsafeBufferPointer { FrontMatterEvents.read($0) }
        #expect((read != nil) == c.events)
    }

    @Test func sourceInfo() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("台北\r\n高雄\r\n".utf8)
        let doc = try Ingestor.ingest(InputDocument(path: "in.txt", bytes: bytes))
        #expect(doc.source == SourceInfo(path: "in.txt", bytes: bytes.count, sha256: SourceHash.sha256Hex(bytes),
                                         encoding: "UTF-8 with BOM", format: .text))
        #expect(doc.paragraphs == ["台北", "高雄"])
    }

    @Test func decodingErrorsNameTheOffset() {
        #expect(throws: WenxiError.invalidUTF8(byteOffset: 7)) {
            try Ingestor.ingest(InputDocument(path: "x", bytes: Array("台北\n".utf8) + [0xB0, 0xAA]))
        }
    }
}
