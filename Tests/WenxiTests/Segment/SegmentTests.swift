import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// One sentence-splitting case: the input text and the sentences expected, in order.
struct SegmentSentenceCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let sentences: [String]
    var testDescription: String { name }
}

/// One tokenizing case: the tokens expected (text and kind), in order; white space is not a token.
struct SegmentTokenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let tokens: [(String, Token.Kind)]
    var testDescription: String { name }
}

@Suite("Segmenter")
struct SegmentTests {
    static let sentenceCases: [SegmentSentenceCase] = [
        .init(name: "opening parenthesis after a full stop goes to the next sentence",
              text: "他說完了。（大家都笑了）然後離開。",
              sentences: ["他說完了。", "（大家都笑了）然後離開。"]),
        .init(name: "opening book-title bracket goes to the next sentence",
              text: "他讀完了。《聯合報》報導說。",
              sentences: ["他讀完了。", "《聯合報》報導說。"]),
        .init(name: "a quotation that follows a quotation starts its own sentence",
              text: "他說：「走。」「好。」",
              sentences: ["他說：「走。」", "「好。」"]),
        .init(name: "closing quote after a space never starts a sentence",
              text: "他說：「走。 」然後離開。",
              sentences: ["他說：「走。 」", "然後離開。"]),
        .init(name: "credit line is one unit",
              text: "藉由組織整改讓智慧科技得以順利推動。（編輯：林恕暉）1120919",
              sentences: ["藉由組織整改讓智慧科技得以順利推動。", "（編輯：林恕暉）1120919"]),
        .init(name: "translator and reviewer credit is one unit",
              text: "雙方同意停火。（譯者：鄭詩韻/核稿：盧映孜）1090803",
              sentences: ["雙方同意停火。", "（譯者：鄭詩韻/核稿：盧映孜）1090803"]),
        .init(name: "credit with full-width slash",
              text: "雙方同意停火。（實習編譯：林岳鋒／核稿：楊昭彥）1090803",
              sentences: ["雙方同意停火。", "（實習編譯：林岳鋒／核稿：楊昭彥）1090803"]),
        .init(name: "credit without a full stop before it is still cut off",
              text: "會議到此結束（編輯：林恕暉）1120919",
              sentences: ["會議到此結束", "（編輯：林恕暉）1120919"]),
        .init(name: "credit without a date code",
              text: "會議到此結束。（編輯：洪學廣）",
              sentences: ["會議到此結束。", "（編輯：洪學廣）"]),
        .init(name: "names-only credit with a date code",
              text: "會議到此結束。（徐睿承）1091003",
              sentences: ["會議到此結束。", "（徐睿承）1091003"]),
        .init(name: "credit with half-width parentheses and colon",
              text: "會議到此結束。(編輯:林恕暉)1120919",
              sentences: ["會議到此結束。", "(編輯:林恕暉)1120919"]),
        .init(name: "credit with a full-width date code",
              text: "會議到此結束。（編輯：林恕暉）１１２０９１９",
              sentences: ["會議到此結束。", "（編輯：林恕暉）１１２０９１９"]),
        .init(name: "credit with an 8-digit Gregorian date code",
              text: "加強引導消費者。（編輯：吳柏緯/沈朋達）20200818",
              sentences: ["加強引導消費者。", "（編輯：吳柏緯/沈朋達）20200818"]),
        .init(name: "credit date code followed by stray characters",
              text: "會議到此結束。（編輯：郭無患）1091003\\",
              sentences: ["會議到此結束。", "（編輯：郭無患）1091003", "\\"]),
        .init(name: "Simplified-Chinese credit",
              text: "会议到此结束。（编辑：林恕晖）1120919",
              sentences: ["会议到此结束。", "（编辑：林恕晖）1120919"]),
        .init(name: "credit in its own paragraph",
              text: "會議到此結束。\n（編輯：林恕暉）1120919",
              sentences: ["會議到此結束。", "（編輯：林恕暉）1120919"]),
        .init(name: "dateline stays with the sentence it introduces",
              text: "（中央社記者葉臻桃園19日電）桃園市長張善政今天說，他很高興。下午開會。",
              sentences: ["（中央社記者葉臻桃園19日電）桃園市長張善政今天說，他很高興。", "下午開會。"]),
        .init(name: "aside at paragraph start joins the sentence after it",
              text: "（記者會現場。）今天下雨。明天放晴。",
              sentences: ["（記者會現場。）今天下雨。", "明天放晴。"]),
        .init(name: "aside after a sentence joins the sentence before it",
              text: "他說完了。（笑）大家鼓掌。",
              sentences: ["他說完了。", "（笑）大家鼓掌。"]),
        .init(name: "aside at the end of a paragraph joins the sentence before it",
              text: "他說完了。（笑）\n下一段。",
              sentences: ["他說完了。（笑）", "下一段。"]),
        .init(name: "paragraph break ends a sentence without punctuation",
              text: "第一段沒有句號\n第二段。",
              sentences: ["第一段沒有句號", "第二段。"]),
        .init(name: "paragraph break inside an open quotation still ends the sentence",
              text: "他說：「第一段\n第二段。」",
              sentences: ["他說：「第一段", "第二段。」"]),
        .init(name: "white space trimmed and empty paragraphs dropped",
              text: "  前面有空白。  \n\n \u{3000} \n後面。 ",
              sentences: ["前面有空白。", "後面。"]),
        .init(name: "only white space gives no sentence",
              text: " \n\u{3000}\n",
              sentences: []),
        .init(name: "empty text gives no sentence",
              text: "",
              sentences: []),
        .init(name: "attribution after a quotation joins it",
              text: "「我們一起經歷了那個時代。」毛尖說。下一句。",
              sentences: ["「我們一起經歷了那個時代。」毛尖說。", "下一句。"]),
        .init(name: "a long sentence after a quotation stays apart",
              text: "「走。」他說完就離開了會場，大家都很錯愕。",
              sentences: ["「走。」", "他說完就離開了會場，大家都很錯愕。"]),
        .init(name: "list number joins its item",
              text: "1. 第一點。2. 第二點。",
              sentences: ["1. 第一點。", "2. 第二點。"]),
        .init(name: "question and exclamation marks",
              text: "真的嗎？太好了！走吧。",
              sentences: ["真的嗎？", "太好了！", "走吧。"]),
    ]

    @Test(arguments: sentenceCases)
    func sentences(_ c: SegmentSentenceCase) throws {
        let text = TextBuffer(c.text)
        let spans = try Segmenter().sentenceSpans(text)
        #expect(spans.map { text.substring($0.start, $0.end) } == c.sentences)
    }

    static let tokenCases: [SegmentTokenCase] = [
        .init(name: "ideographs are words", text: "今天下雨", tokens: [("今天", .word), ("下雨", .word)]),
        .init(name: "ASCII digits are a number", text: "2023 個", tokens: [("2023", .number), ("個", .word)]),
        .init(name: "full-width digits are a number; a counter stays apart", text: "１２３元",
              tokens: [("１２３", .number), ("元", .word)]),
        .init(name: "number joins its calendar unit", text: "2023年", tokens: [("2023年", .number)]),
        .init(name: "full-width number joins a two-character unit", text: "１０月份",
              tokens: [("１０月份", .number)]),
        .init(name: "number joins per cent", text: "７５％的人", tokens: [("７５％", .number), ("的", .word), ("人", .word)]),
        .init(name: "day of month", text: "19日", tokens: [("19日", .number)]),
        .init(name: "day that ICU fused with the next character is split off", text: "桃園19日電",
              tokens: [("桃園", .word), ("19日", .number), ("電", .word)]),
        .init(name: "number joins one unit, then the next number starts", text: "2020年9月",
              tokens: [("2020年", .number), ("9月", .number)]),
        .init(name: "unit that ICU fused into a word is not split off", text: "300萬元",
              tokens: [("300", .number), ("萬元", .word)]),
        .init(name: "no join across white space", text: "2023 年", tokens: [("2023", .number), ("年", .word)]),
        .init(name: "ordinal with digits", text: "第１０屆", tokens: [("第１０", .word), ("屆", .word)]),
        .init(name: "ordinal with Chinese numerals takes no unit", text: "第八十四年",
              tokens: [("第八十四", .word), ("年", .word)]),
        .init(name: "Chinese numerals join their unit", text: "八十四年十九日",
              tokens: [("八十四年", .word), ("十九日", .word)]),
        .init(name: "decimal number is one token", text: "3.14", tokens: [("3.14", .number)]),
        .init(name: "Latin letters", text: "ABC公司", tokens: [("ABC", .letter), ("公司", .word)]),
        .init(name: "full-width Latin letters", text: "Ａｂｃ", tokens: [("Ａｂｃ", .letter)]),
        .init(name: "punctuation", text: "好，「走」。", tokens: [
            ("好", .word), ("，", .punctuation), ("「", .punctuation), ("走", .word), ("」", .punctuation),
            ("。", .punctuation),
        ]),
        .init(name: "white space is not a token", text: "A B\u{3000}C\nD", tokens: [
            ("A", .letter), ("B", .letter), ("C", .letter), ("D", .letter),
        ]),
        .init(name: "symbols are other", text: "★$", tokens: [("★", .other), ("$", .other)]),
        .init(name: "kana are words", text: "カタカナ", tokens: [("カタカナ", .word)]),
        .init(name: "astral ideograph", text: "𠮷野家", tokens: [("𠮷", .word), ("野家", .word)]),
        .init(name: "emoji is other", text: "好😀", tokens: [("好", .word), ("😀", .other)]),
    ]

    @Test(arguments: tokenCases)
    func tokens(_ c: SegmentTokenCase) throws {
        let tokens = try Segmenter().tokens(TextBuffer(c.text))
        #expect(tokens.map(\.text) == c.tokens.map(\.0))
        #expect(tokens.map(\.kind) == c.tokens.map(\.1))
    }

    /// The three views of a TextBuffer agree with Swift's own, for 1- to 4-byte UTF-8.
    @Test(arguments: ["", "abc", "é ß ©", "行政院", "𠮷野家😀", "A𠮷B\n說é了\u{0}\u{10FFFF}", "台\u{FEFF}臺"])
    func textBufferViews(_ s: String) {
        let text = TextBuffer(s)
        #expect(text.scalars == Array(s.unicodeScalars))
        #expect(text.utf16 == Array(s.utf16))
        #expect(text.count == s.unicodeScalars.count)
        #expect(s.scalarCount == s.unicodeScalars.count)
        #expect(text.substring(0, text.count) == s)
        var u = 0
        for (i, scalar) in s.unicodeScalars.enumerated() {
            #expect(text.scalarOffset(utf16: u) == i)
            u += UTF16.width(scalar)
        }
        #expect(text.scalarOffset(utf16: u) == text.count)
    }

    /// Offsets are Unicode scalar offsets: astral characters (two UTF-16 units) count once.
    @Test(arguments: [
        "𠮷野家的𠮷",
        "A𠮷B 說😀了",
        "（中央社記者𠮷桃園19日電）𩸽魚３元。（編輯：林恕暉）1120919",
        // All BMP: offsets are taken as they come from ICU, without the UTF-16 -> scalar map.
        "（中央社記者葉臻桃園19日電）桃園市長張善政今天說，明年成立「智慧城鄉發展委員會」。\n（編輯：林恕暉）1120919",
    ])
    func scalarOffsets(_ s: String) throws {
        let text = TextBuffer(s)
        let segmenter = try Segmenter()
        let tokens = try segmenter.tokens(text)
        for t in tokens {
            #expect(text.substring(t.start, t.end) == t.text)
        }
        #expect(tokens.map(\.start) == (try segmenter.tokenSpans(text)).map(\.start))
        #expect(tokens.map(\.end) == (try segmenter.tokenSpans(text)).map(\.end))
        // Tokens and white space together cover every scalar once.
        var covered = 0
        for t in tokens {
            #expect(text.scalars[covered..<t.start].allSatisfy { $0.properties.isWhitespace })
            covered = t.end
        }
        #expect(covered <= text.count)
        #expect(text.scalars[covered...].allSatisfy { $0.properties.isWhitespace })
        for span in try segmenter.sentenceSpans(text) {
            #expect(span.end <= text.count)
            #expect(!text.substring(span.start, span.end).isEmpty)
        }
        // The pipeline's one call gives what the two separate ones give.
        let both = try segmenter.segment(text)
        #expect(both.sentences == (try segmenter.sentenceSpans(text)))
        #expect(both.tokens.map { [$0.start, $0.end] } == tokens.map { [$0.start, $0.end] })
        #expect(both.tokens.map(\.kind) == tokens.map(\.kind))
    }

    /// Link titles recur: a remembered text gives the spans a fresh walk gives, and texts that are
    /// canonically equivalent but not the same scalars (é composed or not) are told apart.
    @Test func rememberedTokensMatchAFreshWalk() throws {
        let texts = ["中國將報復", "Café 說了 2023年", "Cafe\u{301} 說了 2023年", "𠮷野家３元", "中國將報復", "Cafe\u{301} 說了 2023年",
                     "Café 說了 2023年", "𠮷野家３元", String(repeating: "長標題", count: 80)]
        let segmenter = try Segmenter()
        for s in texts + texts {
            let text = TextBuffer(s)
            #expect(try segmenter.tokenSpans(remembering: text) == (try Segmenter().tokenSpans(text)), "\(s)")
        }
    }

    /// The token walk writes into one scratch block per Segmenter, grown for a long text and cut
    /// back after it: spans of texts longer than the block it keeps, and of the texts after them,
    /// are those of the texted walk (which does not use the block), as are those of a text of one
    /// token per unit (the most a text can have).
    @Test(arguments: [
        [String(repeating: "桃園市長張善政今天說，2023年", count: 4000), "今天下雨", "A B C"],
        [String(repeating: "a,", count: Segmenter.spanScratchKept), "中國將報復"],
        ["，。、", String(repeating: "，", count: 5000), "𠮷😀𠮷"],
    ])
    func scratchSpansMatchTexts(_ texts: [String]) throws {
        let segmenter = try Segmenter()
        for s in texts + texts.reversed() {
            let text = TextBuffer(s)
            let spans = try segmenter.tokenSpans(text)
            let tokens = try Segmenter().tokens(text)
            #expect(spans.map { [$0.start, $0.end] } == tokens.map { [$0.start, $0.end] })
            #expect(spans.map(\.kind) == tokens.map(\.kind))
        }
    }

    /// `isNumeral` turns characters away by one bit test before its list: every numeral passes it,
    /// other characters the list refuses.
    @Test(arguments: Array("〇零一二三四五六七八九十百千萬万億亿兩两廿卅").map(String.init))
    func numeralsPassTheBitTest(_ numeral: String) {
        #expect(NumberUnits.isNumeral(numeral.utf16.first!))
    }

    @Test(arguments: Array("第年月日中國台灣元人個ABC０1，。").map(String.init))
    func otherCharactersAreNotNumerals(_ c: String) {
        #expect(!NumberUnits.isNumeral(c.utf16.first!))
    }

    @Test func astralOffsetsAreScalarCounts() throws {
        let text = TextBuffer("𠮷野家 說")
        let tokens = try Segmenter().tokens(text)
        #expect(tokens.map { [$0.start, $0.end] } == [[0, 1], [1, 3], [4, 5]])
    }

    /// The sentence repairs' lists are the Segmenter's, kept from one text to the next and
    /// freed after a text that grew them past `SentenceRules.Work.kept`: each listed case, read
    /// right after a text of `repeats` paragraphs (below and above that size), has its own
    /// sentences, and the long text has all of its own.
    @Test(arguments: [3, 2_500, 9_000])
    func sentenceListsAfterALongText(_ repeats: Int) throws {
        let shared = try Segmenter()
        let paragraph = "他說：「走。」好。（編輯：林恕暉）1120919\n"
        let long = TextBuffer(String(repeating: paragraph, count: repeats))
        let alone = try Segmenter().sentenceSpans(long)
        #expect(alone.count >= repeats)  // a paragraph break always ends a sentence
        for c in Self.sentenceCases {
            #expect(try shared.sentenceSpans(long) == alone)
            let text = TextBuffer(c.text)
            #expect(try shared.sentenceSpans(text).map { text.substring($0.start, $0.end) } == c.sentences, "\(c.name)")
        }
    }

    /// Regression: the iterators keep pointing at the previous document's UTF-16 buffer after it
    /// is freed. One Segmenter over many documents must give what a fresh one gives each time.
    @Test func iteratorReuseMatchesFreshIterators() throws {
        let shared = try Segmenter()
        var docs: [String] = []
        let parts = ["（中央社記者葉臻桃園19日電）", "桃園市長張善政今天說，", "「智慧城鄉」。", "𠮷野家３元。",
                     "ABC 2023年", "\n", "（編輯：林恕暉）1120919", "他說：「走。」「好。」"]
        for i in 0..<150 {
            var s = ""
            for k in 0..<(i % 11) { s += parts[(i * 7 + k * 3) % parts.count] }
            docs.append(s)
        }
        var firstPass: [([Span], [Token])] = []
        for d in docs {
            let text = TextBuffer(d)
            let fresh = try Segmenter()
            let got = (try shared.sentenceSpans(text), try shared.tokens(text))
            #expect(got.0 == (try fresh.sentenceSpans(text)))
            #expect(got.1 == (try fresh.tokens(text)))
            firstPass.append(got)
        }
        // Again in reverse order, each from a newly built buffer.
        for (i, d) in docs.enumerated().reversed() {
            let text = TextBuffer(String(d.unicodeScalars.map(Character.init)))
            let tokens = try shared.tokens(text)
            let spans = try shared.sentenceSpans(text)
            #expect(tokens == firstPass[i].1)
            #expect(spans == firstPass[i].0)
        }
    }
}

/// Properties that must hold on real articles (skipped when ../shared is absent).
@Suite("Segmenter on the corpus", .enabled(if: SegmentCorpusSample.available))
struct SegmentCorpusTests {
    @Test func sentenceInvariants() throws {
        let segmenter = try Segmenter()
        for body in SegmentCorpusSample.bodies(limit: 400) {
            let text = TextBuffer(body)
            let spans = try segmenter.sentenceSpans(text)
            var last = 0
            for s in spans {
                let u16 = Array(text.substring(s.start, s.end).utf16)
                #expect(s.start >= last && s.end > s.start)
                #expect(!SentenceRules.isSpace(u16.first!) && !SentenceRules.isSpace(u16.last!))
                #expect(!u16.contains(0x0A), "sentence crosses a paragraph: \(text.substring(s.start, s.end))")
                let atParagraphStart = s.start == 0 || text.scalars[s.start - 1] == "\n"
                if !atParagraphStart {
                    #expect(!SentenceRules.isClosing(u16[0]), "starts with a closer: \(text.substring(s.start, s.end))")
                }
                let atParagraphEnd = s.end == text.count || text.scalars[s.end] == "\n"
                if !atParagraphEnd {
                    #expect(!SentenceRules.isOpening(u16[u16.count - 1]), "ends with an opener: \(text.substring(s.start, s.end))")
                }
                last = s.end
            }
        }
    }

    @Test func creditLinesAreOneSentence() throws {
        let segmenter = try Segmenter()
        let credit = try NSRegularExpression(pattern: "（(編輯|譯者|實習編譯)：[^（）]{1,30}）[0-9]{7}")
        var seen = 0
        for body in SegmentCorpusSample.bodies(limit: 400) {
            let text = TextBuffer(body)
            let sentences = Set(try segmenter.sentenceSpans(text).map { text.substring($0.start, $0.end) })
            let ns = body as NSString
            for m in credit.matches(in: body, range: NSRange(location: 0, length: ns.length)) {
                seen += 1
                #expect(sentences.contains(ns.substring(with: m.range)))
            }
        }
        #expect(seen > 20)
    }
}

/// Texts from ../shared/corpus/posts, spread over the whole directory: the paragraphs of each
/// post's body, naively extracted from the HTML (tags dropped, white space folded) so that these
/// tests do not depend on the ingest stage.
enum SegmentCorpusSample {
    static let directory: URL = Fixtures.packageRoot
        .appendingPathComponent("../shared/corpus/posts").standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: directory.path) }

    static func bodies(limit: Int) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var out: [String] = []
        let tag = try! NSRegularExpression(pattern: "<[^>]*>")
        let sorted = names.sorted()
        let stride = max(1, sorted.count / limit)
        for name in Swift.stride(from: 0, to: sorted.count, by: stride).map({ sorted[$0] }) {
            guard let raw = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else { continue }
            let paragraphs = raw.components(separatedBy: "<p>").dropFirst().map { p -> String in
                let end = p.range(of: "</p>").map { String(p[..<$0.lowerBound]) } ?? p
                let ns = end as NSString
                let plain = tag.stringByReplacingMatches(in: end, range: NSRange(location: 0, length: ns.length), withTemplate: "")
                return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }.filter { !$0.isEmpty }
            out.append(paragraphs.joined(separator: "\n"))
        }
        return out
    }
}
