import Foundation
import Testing
@testable import WenxiView

@Suite("View: JSON")
struct JSONTests {
    @Test(arguments: [
        ("{}", JSON.object([])),
        ("[1, -2.50, 3e4]", .array([.number("1"), .number("-2.50"), .number("3e4")])),
        ("\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\"", .string("a\"b\\c\né😀")),
        (" {\"b\":true,\"a\":null} ", .object([.init("b", .bool(true)), .init("a", .null)])),
        ("\"\\ud800x\"", .string("\u{FFFD}x")), // lone surrogate
        ("\"市府\"", .string("市府")),
    ])
    func parses(text: String, expected: JSON) throws {
        #expect(try JSON.parse(text) == expected)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"a", "\"\\x\"", "tru", "[1] 2", "\"a\u{01}\""])
    func refuses(text: String) {
        #expect(throws: JSON.ParseError.self) { try JSON.parse(text) }
    }

    @Test func numbersKeepTheirText() throws {
        let v = try JSON.parse("{\"value\": 12345678901234567890123, \"x\": \"0.66\"}")
        #expect(v["value"]?.scalarText == "12345678901234567890123")
        #expect(v["x"]?.scalarText == "0.66")
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSON.ParseError.self) { try JSON.parse(deep) }
    }
}

@Suite("View: escaping")
struct EscapingTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a & b", "a &amp; b"),
        ("\" onmouseover='x'", "&quot; onmouseover=&#39;x&#39;"),
        ("市府", "市府"),
    ])
    func escapes(raw: String, expected: String) {
        #expect(HTML.escaped(raw) == expected)
    }

    @Test func jsonStringCannotCloseTheScriptBlock() {
        let s = HTML.jsonString("</script><script>alert(1)</script>\u{2028}&\"\\")
        #expect(!s.contains("<") && !s.contains(">") && !s.contains("&"))
        #expect(s == "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u2028\\u0026\\\"\\\\\"")
    }

    @Test(arguments: [
        ("https://www.cna.com.tw/a.aspx", true), ("HTTP://x", true), ("javascript:alert(1)", false),
        (" javascript:alert(1)", false), ("data:text/html,<b>", false), ("//evil", false),
    ])
    func onlyHTTPLinks(url: String, linked: Bool) {
        #expect((HTML.safeURL(url) != nil) == linked)
    }

    @Test(arguments: [("45000000", "45,000,000"), ("-1234.5", "-1,234.5"), ("100", "100"), ("0.66", "0.66"), ("abc", "abc")])
    func groupsDigits(raw: String, expected: String) {
        #expect(groupedDigits(raw) == expected)
    }

    @Test func typeNamesInCSSArePlain() {
        #expect(TypeColors.isPlainName("person"))
        #expect(!TypeColors.isPlainName("x\"]{}</style>"))
        #expect(!TypeColors.css(for: ["x\"]{}</style>"]).contains("style"))
        #expect(TypeColors.css(for: ["person", "new-type"]).contains("mark.e[data-type=\"new-type\"]"))
    }
}

@Suite("View: page names")
struct PageNameTests {
    @Test(arguments: [
        ("seeds/000_4178ea0d03230c78.txt", "seeds_000_4178ea0d03230c78.txt"),
        ("../../etc/passwd", "etc_passwd"),
        ("/abs/path/a.md", "abs_path_a.md"),
        ("..", "report"),
        ("", "report"),
        (".hidden", "hidden"),
        ("a/./b", "a_b"),
        ("a\\..\\b", "a_b"),
        ("posts/2014-09-24-习近平两年来反腐.md", "posts_2014-09-24-习近平两年来反腐.md"),
        ("x<script>\"y\" z?.md", "x_script_y_z_.md"),
        ("a\u{0}b\nc", "a_b_c"),
    ])
    func baseNames(path: String, expected: String) {
        #expect(PageNamer.baseName(path) == expected)
    }

    @Test func namesStayOneShortComponent() {
        let long = String(repeating: "長", count: 300) + "/" + String(repeating: "a", count: 500)
        let name = PageNamer.baseName(long)
        #expect(name.utf8.count <= PageNamer.maxBytes)
        for p in ["../../x", "/", "a/../../..", "..\\..\\x", String(repeating: "../", count: 50)] {
            let n = PageNamer.baseName(p)
            #expect(!n.contains("/") && !n.contains("\\") && !n.hasPrefix(".") && !n.isEmpty, "\(p) → \(n)")
        }
    }

    @Test func collisionsAreNumberedInInputOrder() {
        var namer = PageNamer()
        let names = ["a/b.md", "a_b.md", "a/b.md", "A/B.md", "a?b.md"].map { namer.name(for: $0) }
        #expect(names == ["a_b.md.html", "a_b.md-2.html", "a_b.md-3.html", "A_B.md-4.html", "a_b.md-5.html"])
    }
}

/// Text with marked spans: `[type:text]` becomes an entity of that type over `text`, and the
/// marks are removed. Offsets are Unicode scalar offsets, as in reports.
func marked(_ s: String) -> (text: String, entities: [JSON]) {
    var text = "", entities: [JSON] = []
    var scalars = Array(s.unicodeScalars)[...]
    var offset = 0
    while let c = scalars.first {
        if c == "[", let colon = scalars.firstIndex(of: ":"), let close = scalars.firstIndex(of: "]") {
            let type = String(String.UnicodeScalarView(scalars[scalars.startIndex + 1..<colon]))
            let body = String(String.UnicodeScalarView(scalars[colon + 1..<close]))
            let n = body.unicodeScalars.count
            entities.append(.object([.init("type", .string(type)), .init("text", .string(body)),
                                     .init("start", .number(String(offset))), .init("end", .number(String(offset + n))),
                                     .init("source", .string("rule:test"))]))
            text += body
            offset += n
            scalars = scalars[(close + 1)...]
        } else {
            text.unicodeScalars.append(c)
            offset += 1
            scalars = scalars.dropFirst()
        }
    }
    return (text, entities)
}

@Suite("View: report page")
struct ReportPageTests {
    func highlighted(_ s: String) -> (html: String, marked: Int, skipped: Int) {
        let (text, entities) = marked(s)
        var h = HTML()
        let r = ReportPage.highlight(text: text, entities: entities, part: "body", into: &h)
        return (String(decoding: h.bytes, as: UTF8.self), r.marked, r.skipped.count)
    }

    @Test(arguments: [
        ("[person:張善政]今天說明", 1),
        ("[agency:桃市府]拚數位治理，[money:新台幣4500萬]資安預算，[date:19日]", 3),
        ("emoji 😀 before [place:桃園] and after 𠀋 [person:葉臻]", 2), // scalars beyond the BMP
        ("no entities at all", 0),
        ("[a:x][b:y][c:z]", 3), // adjacent
    ])
    func everyEntityIsHighlightedOnce(text: String, count: Int) {
        let r = highlighted(text)
        #expect(r.marked == count && r.skipped == 0)
        #expect(r.html.components(separatedBy: "<mark ").count - 1 == count)
        // The text comes back unchanged once the marks are taken out.
        let plain = r.html.replacingOccurrences(of: "<mark [^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "</mark>", with: "")
        #expect(plain == HTML.escaped(marked(text).text))
    }

    @Test func highlightsCarryTypeIndexAndSpan() {
        let r = highlighted("說[person:張善政]說")
        #expect(r.html.contains("id=\"b0\" data-part=\"body\" data-i=\"0\" data-type=\"person\""))
        #expect(r.html.hasSuffix(">張善政</mark>說"))
    }

    @Test func badOffsetsAreSkippedNotDrawnWrong() {
        let text = "市府說明預算"
        let entities: [JSON] = [
            .object([.init("type", .string("agency")), .init("start", .number("0")), .init("end", .number("2"))]),
            .object([.init("type", .string("x")), .init("start", .number("1")), .init("end", .number("3"))]), // overlaps
            .object([.init("type", .string("y")), .init("start", .number("5")), .init("end", .number("99"))]), // past the end
            .object([.init("type", .string("z"))]), // no offsets
        ]
        var h = HTML()
        let r = ReportPage.highlight(text: text, entities: entities, part: "body", into: &h)
        #expect(r.marked == 1)
        #expect(r.skipped.map(\.index) == [1, 2, 3])
        #expect(String(decoding: h.bytes, as: UTF8.self).hasSuffix("市府</mark>說明預算"))
    }

    @Test func reportTextIsEscapedEverywhere() throws {
        let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        let report = try JSON.parse("""
        {"source":{"path":"\(evil.replacingOccurrences(of: "\"", with: "\\\""))"},
         "meta":{"title":"\(evil)","url":"javascript:alert(3)","author":"\(evil)"},
         "text":"前\(evil)後","entities":[{"type":"person\\"><script>","text":"前","start":0,"end":1,"source":"\(evil)","canonical":"\(evil)"}],
         "title_entities":[],"captions":["\(evil)"],"related":[{"title":"\(evil)","url":"javascript:alert(4)","entities":[]}],
         "summary":{"entities":{"person":[{"canonical":"\(evil)","mentions":1,"forms":["\(evil)"]}]},"x_new":{"k":"\(evil)"}},
         "findings":[{"code":"\(evil)","message":"\(evil)"}],"\(evil)":"\(evil)"}
        """)
        let page = String(decoding: ReportPage.render(report).html, as: UTF8.self)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("href=\"javascript:"))
        #expect(page.contains("<dd>javascript:alert(3)</dd>")) // shown as text, not as a link
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The page's only script tags would be its own; a report page has none.
        #expect(!page.contains("<script"))
    }

    @Test func tooltipListsEveryKeyInOrder() throws {
        let e = try JSON.parse("""
        {"type":"money","text":"新台幣4500萬","start":0,"end":8,"sentence":2,"source":"rule:money","value":45000000,
         "currency":"TWD","role":"budget","holder":{"text":"市府","canonical":"桃園市政府","id":"agency:tw.loc.tyc"},
         "zz_new":"later key"}
        """)
        #expect(ReportPage.tip(e) == """
        money
        role: budget
        holder: 桃園市政府 (市府) · agency:tw.loc.tyc
        value: 45,000,000 TWD
        zz_new: later key
        source: rule:money
        """)
    }
}

@Suite("View: corpus page")
struct CorpusPageTests {
    func report(_ path: String, date: String, _ entities: String) throws -> JSON {
        try JSON.parse("{\"source\":{\"path\":\"\(path)\"},\"meta\":{\"title\":\"T \(path)\",\"date\":\"\(date)\"},\"text\":\"\",\"entities\":[\(entities)]}")
    }

    @Test func ranksCountsMoneyAndLists() throws {
        var index = CorpusIndex()
        let money = "{\"type\":\"money\",\"text\":\"5萬\",\"value\":50000,\"currency\":\"TWD\",\"role\":\"budget\",\"start\":0,\"end\":1}"
        let big = "{\"type\":\"money\",\"text\":\"1億\",\"value\":\"100000000\",\"currency\":\"TWD\",\"start\":0,\"end\":1}"
        let person = "{\"type\":\"person\",\"text\":\"張\",\"canonical\":\"張善政\",\"start\":0,\"end\":1}"
        try index.add(report("a.md", date: "2023-09-19T10:48:00.000Z", [money, person, person].joined(separator: ",")), page: "a.html")
        try index.add(report("b.md", date: "2023-09-21", [big, person].joined(separator: ",")), page: "b.html")
        try index.add(report("c.md", date: "", "{\"type\":\"person\",\"text\":\"<b>x</b>\",\"start\":0,\"end\":1}"), page: "c.html")
        let page = String(decoding: index.render(), as: UTF8.self)
        #expect(page.contains("<title>Wenxi: 3 documents</title>"))
        #expect(page.contains("2023-09-19: 1") && page.contains("2023-09-20: 0") == false && page.contains("2023-09-21: 1"))
        #expect(page.contains("張善政: 2 docs, 3×"))
        #expect(page.contains("<title>budget: 1 amounts · 50,000 TWD</title>") && page.contains(">1 · 50,000 TWD</text>"))
        #expect(page.contains("<title>TWD: 2 amounts · 100,050,000 TWD</title>"))
        #expect(page.contains("<td class=\"num\">100,000,000</td><td title=\"\"><a href=\"reports/b.html#b0\">1億</a></td><td><a href=\"reports/b.html\">"))
        #expect(page.contains("&lt;b&gt;x&lt;/b&gt;") && !page.contains("<b>x"))
        #expect(page.contains("1 without a date"))
        // One list row per document in the data block.
        #expect(page.contains("[\"a.html\",\"T a.md\",\"2023-09-19\",\"a.md\",3,1,\"張善政\"]"))
    }

    @Test func manyDistinctNamesKeepMemoryBounded() throws {
        var index = CorpusIndex(nameCapacity: 10)
        for i in 0..<30 {
            let often = "{\"type\":\"person\",\"text\":\"常\",\"start\":0,\"end\":1}"
            let once = "{\"type\":\"person\",\"text\":\"人\(i)\",\"start\":0,\"end\":1}"
            try index.add(report("d\(i).md", date: "2020-01-01", often + "," + once), page: "d\(i).html")
        }
        let page = String(decoding: index.render(), as: UTF8.self)
        #expect(page.contains("the counts of person are lower bounds"))
        #expect(page.contains("常: 30 docs, 30×")) // the frequent name survives every pruning
    }

    @Test func timelineSwitchesToMonthsOverLongSpans() {
        let (short, unit1) = Charts.timeline(["2023-01-01": 1, "2023-01-03": 2], id: "t")
        #expect(unit1 == "day")
        #expect(short.components(separatedBy: "<rect").count - 1 == 2)
        #expect(short.contains("2023-01-02") == false) // empty days get no bar, only a place
        let (_, unit2) = Charts.timeline(["2014-09-24": 1, "2024-01-01": 2], id: "t")
        #expect(unit2 == "month")
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "20230101", "2024-02-29x"])
    func notADay(s: String) { #expect(CivilDay(s) == nil) }

    @Test func daysRoundTrip() {
        for s in ["1970-01-01", "2024-02-29", "2000-12-31", "1899-03-01"] { #expect(CivilDay(s)!.text == s) }
        #expect(CivilDay("2024-03-01")!.number - CivilDay("2024-02-28")!.number == 2)
    }
}

@Suite("Export")
struct ExportTests {
    @Test(arguments: [
        (["a", "b,c", "say \"hi\"", "two\nlines", ""], "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n"),
        (["市府", "4500萬"], "市府,4500萬\r\n"),
    ])
    func csvQuotesPerRFC4180(fields: [String], line: String) {
        #expect(Export.line(fields, format: .csv) == line)
    }

    @Test func tsvEscapesWhatWouldSplitARow() {
        #expect(Export.line(["a\tb", "c\nd", "e\\f", "g"], format: .tsv) == "a\\tb\tc\\nd\te\\\\f\tg\n")
    }

    @Test func entityRowsCarryTheColumns() throws {
        let r = try JSON.parse("""
        {"source":{"path":"p.md"},"sentences":[{"text":"市府編列新台幣4500萬。","start":0,"end":13}],
         "entities":[{"type":"agency","text":"市府","canonical":"桃園市政府","id":"agency:tw.loc.tyc","jurisdiction":"tw","start":0,"end":2,"sentence":0},
                     {"type":"money","text":"新台幣4500萬","value":45000000,"currency":"TWD","role":"budget","holder":{"text":"市府","canonical":"桃園市政府"},"start":4,"end":12,"sentence":0}]}
        """)
        let rows = Export.rows(r, table: .entities)
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.count == Export.entityColumns.count })
        #expect(rows[0] == ["p.md", "", "agency", "市府", "桃園市政府", "agency:tw.loc.tyc", "tw", "", "", "", "", "0", "2", "市府編列新台幣4500萬。"])
        #expect(rows[1] == ["p.md", "", "money", "新台幣4500萬", "", "", "", "budget", "桃園市政府", "45000000", "TWD", "4", "12", "市府編列新台幣4500萬。"])
        let docs = Export.rows(r, table: .documents)
        #expect(docs.count == 1 && docs[0].count == Export.documentColumns.count)
        #expect(docs[0][7] == "2" && docs[0][9] == "1" && docs[0][12] == "1")
    }
}

/// WCAG 2 contrast of the highlight colours against the page's near-black text (#1a1a1a).
@Suite("View: colours")
struct ColourTests {
    static func rgb(_ css: String) -> (Double, Double, Double) {
        if css.hasPrefix("#") {
            let v = Int(css.dropFirst(), radix: 16)!
            return (Double(v >> 16 & 255) / 255, Double(v >> 8 & 255) / 255, Double(v & 255) / 255)
        }
        // hsl(H,S%,L%)
        let n = css.dropFirst(4).dropLast().split(separator: ",").map { Double($0.replacingOccurrences(of: "%", with: ""))! }
        let (h, s, l) = (n[0] / 360, n[1] / 100, n[2] / 100)
        let q = l < 0.5 ? l * (1 + s) : l + s - l * s, p = 2 * l - q
        func f(_ t0: Double) -> Double {
            var t = t0
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            if t < 1.0 / 6 { return p + (q - p) * 6 * t }
            if t < 0.5 { return q }
            if t < 2.0 / 3 { return p + (q - p) * (2.0 / 3 - t) * 6 }
            return p
        }
        return (f(h + 1.0 / 3), f(h), f(h - 1.0 / 3))
    }

    static func luminance(_ css: String) -> Double {
        let (r, g, b) = rgb(css)
        func lin(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func everyTypeColourKeepsTextReadable() {
        let types = TypeColors.known.map(\.type) + ["vehicle", "law", "event", "x", "facility", "ship"]
        for t in types {
            let c = TypeColors.color(of: t)
            // WCAG AAA for body text is 7:1.
            #expect(ColourTests.contrast("#1a1a1a", c.background) >= 7, "\(t): \(c.background)")
        }
        #expect(ColourTests.contrast("#1a1a1a", "#ffffff") > 17) // sanity of the formula
    }

    @Test func typesHaveDistinctColours() {
        let colours = TypeColors.known.map { $0.color.background }
        #expect(Set(colours).count == colours.count)
    }
}
