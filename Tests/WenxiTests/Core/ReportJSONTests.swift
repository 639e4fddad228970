import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// The direct report writer (ReportJSON.swift) must write exactly what `JSONEncoder` writes
/// through the `Codable` conformances, so its hand-sorted keys can never drift from `CodingKeys`.
@Suite("Report: direct JSON writer")
struct ReportJSONTests {
    static func expectSame(_ report: Report, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = String(decoding: try ReportEncoder().foundationEncode(report), as: UTF8.self)
        let direct = String(decoding: report.directJSON(), as: UTF8.self)
        #expect(direct == reference, sourceLocation: sourceLocation)
        #expect(try ReportEncoder().encode(report) == Data(report.directJSON()), sourceLocation: sourceLocation)
    }

    @Test(arguments: Fixtures.goldenCases)
    func goldenReportsWithAndWithoutTokens(name: String) throws {
        var report = try Fixtures.analyze(case: name)
        #expect(report.tokens != nil)
        try Self.expectSame(report)
        report.tokens = nil
        try Self.expectSame(report)
    }

    /// Every ASCII character (all the controls among them), and characters JSON writers treat
    /// apart: DEL, U+2028/U+2029, BOM, astral, combining marks, `/`.
    static let awkward = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        + "\u{2028}\u{2029}\u{FEFF}\u{85}😀行政院e\u{301}\u{10FFFF}</script>"

    /// A report in which every optional field, at every level, is set and every collection holds
    /// an element (`everyOptionalIsSet` checks it), with awkward strings in the string fields.
    static func fullReport() -> Report {
        let s = awkward
        var r = Report(source: SourceInfo(path: "dir/新 聞\(s).md", bytes: 12, sha256: "ab", encoding: "Big5", format: .post),
                       meta: Meta(title: s, date: "2020-09-19", author: "記者\(s)", url: "https://x.tw/a?b=1&c=/d",
                                  tags: ["甲", "", s], categories: ["政治"]),
                       text: s)
        r.id = "id-\"1\"\(s)"
        r.paragraphs = [Span(start: 0, end: 3), Span(start: 4, end: 9)]
        r.sentences = [Sentence(start: 0, end: 3, text: "\t\n\(s)"),
                       Sentence(start: 3, end: 6, body: "前\t\n\(s)後", bytes: 3..<(5 + s.utf8.count))]
        r.tokens = [Token(start: 0, end: 1, text: s, kind: .word, entity: false),
                    Token(start: 1, end: 2, text: "1", kind: .number, entity: true)]
        r.stats.characters = 123_456; r.stats.paragraphs = 2; r.stats.sentences = 1; r.stats.tokens = 2
        var e = Entity(type: .money, text: "新臺幣4500萬元\(s)", start: 1, end: 9, sentence: 0, source: "rule:money")
        e.value = ExactNumber(45_000_000)
        e.rangeTo = ExactNumber(decimal: "-0.66")
        e.currency = "TWD"; e.qualifier = "about"; e.inferred = false; e.unit = "元"; e.date = "2024-09"
        e.canonical = "c\(s)"; e.id = "agency:tw"; e.parent = "p"; e.level = "central"; e.ambiguous = true
        e.candidates = ["x", s]
        e.role = .budget
        e.holder = Holder(text: "市府\(s)", start: 0, end: 2, type: .agency, canonical: "桃園市政府", id: "agency:tw.loc.tyc")
        e.equivalentOf = Span(start: 0, end: 1)
        e.jurisdiction = "TW"; e.jurisdictionSource = .backReference
        var big = e
        big.value = ExactNumber(Int64.min)
        big.rangeTo = ExactNumber(decimal: "92233720368547758070")
        var top = e
        top.value = ExactNumber(Int64.max)
        top.rangeTo = ExactNumber(decimal: "9223372036854775808")
        r.entities = [e, big, top]
        r.titleEntities = [e]
        r.captions = ["圖：說明", s]
        r.related = [Link(title: "延伸\(s)", url: "/a", entities: [e])]
        r.byline = Byline(agency: "中央社", reporters: ["葉臻", s], place: "桃園", date: "2023-09-19", text: "（中央社）", start: 0, end: 5)
        var credits = Credits()
        credits.editors = ["林恕暉"]; credits.translators = [s]; credits.checkers = ["核"]
        credits.dateCode = "1120919"; credits.date = "2023-09-19"
        r.credits = credits
        var person = EntitySummary(canonical: "張善政", id: "person:x", mentions: 2, forms: ["張善政", s], firstSentence: 0)
        person.inTitle = true
        person.jurisdiction = "intl"
        // Keys that sort differently by bytes, by case and by number.
        r.summary.entities = ["person": [person], "agency": [person], "Agency": [person], "_": [person],
                              "a10": [person], "a9": [person], "é": [person], "E": [person], s: [person]]
        r.summary.moneyTotals = ["TWD": ExactNumber(1), "USD": ExactNumber(decimal: "0.5")!, "twd": ExactNumber(0),
                                 "": ExactNumber(-7), s: ExactNumber(decimal: "123456789012345678901234567890")!]
        r.summary.largestAmounts = [AmountSummary(text: "t", value: ExactNumber(3), currency: "TWD", sentence: 0, sentenceText: s,
                                                  role: "budget", holder: s)]
        r.summary.moneyByRole = ["TWD": ["budget": ExactNumber(1), s: ExactNumber(decimal: "0.5")!], s: ["other": ExactNumber(-2)]]
        r.summary.moneyByHolder = [HolderMoney(holder: s, id: "agency:x", role: "budget", currency: "TWD", total: ExactNumber(5), amounts: 2)]
        r.summary.dates = ["2024", s]
        r.findings = [Finding(code: "html", message: "unclosed <p>\(s)", offset: 3, line: 7)]
        return r
    }

    @Test func fullReport() throws {
        try Self.expectSame(Self.fullReport())
    }

    /// Guards `fullReport`: a field added later without a value there would leave the writer's
    /// handling of it untested.
    @Test func everyOptionalIsSet() {
        var missing: [String] = []
        func walk(_ value: Any, _ path: String) {
            let m = Mirror(reflecting: value)
            switch m.displayStyle {
            case .optional?:
                if let some = m.children.first { walk(some.value, path) } else { missing.append(path + " (nil)") }
            case .collection?, .dictionary?, .set?:
                if m.children.isEmpty { missing.append(path + " (empty)") }
                for (i, c) in m.children.enumerated() { walk(c.value, "\(path)[\(i)]") }
            default:
                for c in m.children { walk(c.value, path + "." + (c.label ?? "?")) }
            }
        }
        walk(Self.fullReport(), "report")
        #expect(missing == [])
    }

    /// A sentence cut from a body (as the pipeline makes them) is the sentence of its text:
    /// the same `text`, equal to it, and written alike by `JSONEncoder` and the direct writer.
    @Test(arguments: [
        ("whole body", "行政院會通過。", 0, 21),
        ("after a headline and a line break", "標題\n第一句。😀第二句，Café e\u{301}。", 7, 47),
        ("escapes inside", "甲「乙\"丙\\丁」\t戊", 3, 21),
        ("empty", "行政院", 3, 3),
    ])
    func sentenceCutFromABody(name: String, body: String, from: Int, to: Int) throws {
        let bytes = Array(body.utf8)
        let text = String(decoding: bytes[from..<to], as: UTF8.self)
        let cut = Sentence(start: 1, end: 2, body: body, bytes: from..<to)
        let own = Sentence(start: 1, end: 2, text: text)
        #expect(cut.text == text)
        #expect(cut == own)
        var report = Self.fullReport()
        report.sentences = [cut, own]
        try Self.expectSame(report)
        let decoded = try JSONDecoder().decode(Sentence.self, from: try JSONEncoder().encode(cut))
        #expect(decoded == own)
    }

    /// An entity whose text is a slice of a body (as the pipeline's are since the twelfth
    /// session) is the entity of its own text: the same `text`, equal to it, written alike by
    /// `JSONEncoder` and the direct writer, decoded back equal; moved onto the body after a
    /// headline (`rebaseText`) it still reads the same; `ownText` and setting `text` keep it.
    @Test(arguments: [
        ("whole body", "行政院會通過。", "", 0, 9),
        ("after a headline and a line break", "第一句。😀第二句，Café e\u{301}。", "標題\n", 6, 22),
        ("escapes inside", "甲「乙\"丙\\丁」\t戊", "頭\n", 3, 21),
        ("astral and combining", "😀e\u{301}\u{10FFFF}", "", 0, 11),
        ("empty", "行政院", "", 3, 3),
    ])
    func entityCutFromABody(name: String, body: String, head: String, from: Int, to: Int) throws {
        let bytes = Array(body.utf8)
        let text = String(decoding: bytes[from..<to], as: UTF8.self)
        let whole = head + body, shift = head.utf8.count
        var cut = Entity(type: .person, text: "", start: 1, end: 2, source: "rule:x")
        cut.setText(slicing: whole, bytes: (from + shift)..<(to + shift))
        let own = Entity(type: .person, text: text, start: 1, end: 2, source: "rule:x")
        #expect(cut.text == text)
        #expect(cut == own)
        var rebased = cut
        rebased.rebaseText(onto: body, minus: shift)
        #expect(rebased.text == text)
        #expect(rebased == own)
        #expect(cut.withTextUTF8 { Array($0) } == Array(text.utf8))
        var report = Self.fullReport()
        report.text = body
        report.entities = [cut, rebased, own]
        report.titleEntities = [rebased]
        try Self.expectSame(report)
        let decoded = try JSONDecoder().decode(Entity.self, from: try JSONEncoder().encode(rebased))
        #expect(decoded == own)
        var kept = rebased
        kept.ownText()
        #expect(kept == own)
        var changed = rebased
        changed.text += "了"
        #expect(changed.text == text + "了")
        #expect(changed != own)
    }

    @Test func emptyReport() throws {
        try Self.expectSame(Report(source: SourceInfo(path: "", bytes: 0, sha256: "", encoding: "", format: .text), meta: Meta(), text: ""))
    }

    /// One row per escape class: each string is written as `JSONEncoder` writes it.
    @Test(arguments: [
        ("plain", "abc 行政院"),
        ("quote", "a\"b"),
        ("backslash", "a\\b"),
        ("slash", "</script>"),
        ("short escapes", "\u{8}\u{C}\n\r\t"),
        ("other controls", String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))),
        ("DEL and C1", "\u{7F}\u{80}\u{85}\u{9F}"),
        ("line and paragraph separators", "\u{2028}\u{2029}"),
        ("BOM, astral, combining", "\u{FEFF}😀\u{10FFFF}e\u{301}"),
        ("empty", ""),
    ])
    func strings(name: String, value: String) throws {
        var out = JSONBytes(capacity: 0)
        out.string(value)
        let reference = String(decoding: try ReportEncoder().foundationEncode([value]), as: UTF8.self)
        #expect("[" + String(decoding: out.bytes, as: UTF8.self) + "]" == reference)
    }

    /// The writer scans eight bytes at a time: an escape at any offset of a word, after ASCII
    /// or CJK, is still found.
    @Test(arguments: ["\u{0}", "\u{1F}", "\"", "\\", "\n", "\u{7F}", " ", "行"])
    func escapeAtEveryOffset(special: String) throws {
        for prefix in ["a", "行"] {
            for count in 0..<20 {
                let value = String(repeating: prefix, count: count) + special + String(repeating: "政", count: count % 5)
                var out = JSONBytes(capacity: 0)
                out.string(value)
                let reference = String(decoding: try ReportEncoder().foundationEncode([value]), as: UTF8.self)
                #expect("[" + String(decoding: out.bytes, as: UTF8.self) + "]" == reference, "prefix \(prefix) × \(count)")
            }
        }
    }

    /// Strings of four to sixteen bytes are tested and copied with two overlapping loads, those
    /// of seventeen to sixty-four a word at a time as they are stored: a byte to escape at each
    /// place of every such length (and around them) is still found, in ASCII and among CJK
    /// characters.
    @Test(arguments: ["\u{0}", "\u{1F}", "\"", "\\", "\n"])
    func escapeAtEveryPlaceOfShortStrings(special: String) throws {
        for filler in ["b", "行"] {
            for length in 1...66 {
                for place in 0..<length {
                    let value = String(repeating: filler, count: place) + special + String(repeating: filler, count: length - place - 1)
                    var out = JSONBytes(capacity: 0)
                    out.string(value)
                    let reference = String(decoding: try ReportEncoder().foundationEncode([value]), as: UTF8.self)
                    #expect("[" + String(decoding: out.bytes, as: UTF8.self) + "]" == reference, "\(filler) × \(length), at \(place)")
                }
            }
        }
    }

    /// Strings with nothing to escape take a shortcut (scanned a word at a time, the last word
    /// overlapping, copied whole): every length around the word size, ASCII and CJK.
    @Test func cleanStringsOfEveryLength() throws {
        for unit in ["a", "行", "é/"] {
            for count in 0..<26 {
                let value = String(repeating: unit, count: count)
                var out = JSONBytes(capacity: 0)
                out.string(value)
                let reference = String(decoding: try ReportEncoder().foundationEncode([value]), as: UTF8.self)
                #expect("[" + String(decoding: out.bytes, as: UTF8.self) + "]" == reference, "\(unit) × \(count)")
            }
        }
    }

    /// While a body is known (`withBody`), strings whose bytes lie inside it are written from the
    /// escapes found in one scan of it: every cut of the body (each start and end on a scalar
    /// boundary) is written as the general writer writes it. Bodies: every escape class at every
    /// offset modulo 8, escapes side by side and at both ends, long clean runs, and CJK and
    /// astral characters across word edges.
    @Test(arguments: [
        // Each class at each offset k of an eight-byte block (`a` × k, the byte, `b`s to fill).
        ("every class at every offset", ["\"", "\\", "\n", "\u{1}", "\t", "\u{1F}", "\u{8}", "\u{C}", "\r", "\u{0}"].flatMap { c in
            (0..<8).map { k in String(repeating: "a", count: k) + c + String(repeating: "b", count: 7 - k) } }.joined()),
        ("escapes side by side and at the ends", "\n\"\\行\t\t政\r\n\u{0}\u{1F}院\"\""),
        ("long clean run", String(repeating: "行政院會通過。", count: 9) + "\n" + String(repeating: "abcdefg", count: 5)),
        ("multibyte across word edges", "a行\n政😀\"院é/\\會\u{7F}\u{2028}" + String(repeating: "😀a", count: 5) + "\t"),
        ("nothing to escape", "甲乙丙丁戊己庚辛壬癸abcdefgh"),
    ])
    func cutsOfAKnownBody(name: String, body: String) throws {
        let bytes = Array(body.utf8)
        // Scalar starts (cuts never split a scalar, as the pipeline's sentences).
        let cuts = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        bytes.withUnsafeBufferPointer { u in
            for (i, from) in cuts.enumerated() {
                // Every cut up to 20 bytes long, and each to the end.
                for to in cuts[i...] where to - from <= 20 || to == bytes.count {
                    let piece = UnsafeBufferPointer(rebasing: u[from..<to])
                    var general = JSONBytes(capacity: 0)
                    general.string(utf8: piece)
                    var known = JSONBytes(capacity: 0)
                    known.withBody(u) { $0.string(bodyOrUTF8: piece) }
                    #expect(known.bytes == general.bytes, "\(from)..<\(to)")
                }
            }
        }
        // And through a report whose sentences are cut from its text (same storage).
        var report = Self.fullReport()
        report.text = body
        report.sentences = zip(cuts, cuts.dropFirst(3)).map { Sentence(start: 0, end: 1, body: body, bytes: $0..<$1) }
        try Self.expectSame(report)
    }

    @Test(arguments: [0, 1, -1, 9, 10, -10, 11, 99, 100, 101, 999, 1_000, 9_999, 10_000, 99_999, 100_000, -100_000, 999_999,
                      1_000_000, 1_000_001, 999_999_999, Int64.max, Int64.min, Int64.min + 1])
    func integers(value: Int64) throws {
        var out = JSONBytes(capacity: 0)
        out.integer(value)
        #expect(String(decoding: out.bytes, as: UTF8.self) == String(value))
    }

    /// Each enum's static JSON bytes are its raw value as a JSON string.
    @Test func enumValuesAreTheirRawValues() {
        func json(_ write: (inout JSONBytes) -> Void) -> String {
            var out = JSONBytes(capacity: 0)
            write(&out)
            return String(decoding: out.bytes, as: UTF8.self)
        }
        for t in EntityType.allCases { #expect(json { $0.plain(t.jsonValue) } == json { $0.string(t.rawValue) }) }
        for s in JurisdictionSource.allCases { #expect(json { $0.plain(s.jsonValue) } == json { $0.string(s.rawValue) }) }
        for r in EntityRole.allCases { #expect(json { $0.plain(r.jsonValue) } == json { $0.string(r.rawValue) }) }
    }
}
