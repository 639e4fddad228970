import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

struct BylineCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let reporters: [String]
    let place: String?
    let date: String?
    var testDescription: String { name }
}

@Suite("Byline step: through the amount stage")
struct BylineTests {
    static let cases: [BylineCase] = [
        BylineCase(name: "one reporter", text: "（中央社記者葉臻桃園19日電）桃園市長", reporters: ["葉臻"], place: "桃園", date: "2023-09-19"),
        BylineCase(name: "two reporters", text: "（中央社記者王小明、李大華台北18日電）", reporters: ["王小明", "李大華"], place: "台北", date: "2023-09-18"),
        BylineCase(name: "no reporter", text: "（中央社台北19日電）", reporters: [], place: "台北", date: "2023-09-19"),
        BylineCase(name: "wire roundup", text: "（中央社華盛頓18日綜合外電報導）", reporters: [], place: "華盛頓", date: "2023-09-18"),
        BylineCase(name: "special dispatch, 3-character place", text: "（中央社記者江今葉華盛頓18日專電）", reporters: ["江今葉"], place: "華盛頓", date: "2023-09-18"),
        BylineCase(name: "unknown place falls back to two characters", text: "（中央社記者陳家豪竹北19日電）", reporters: ["陳家豪"], place: "竹北", date: "2023-09-19"),
    ]

    @Test(arguments: cases)
    func dateline(_ c: BylineCase) throws {
        let b = try #require(AmountTagger.tag(text: c.text, articleDate: seedDate).byline)
        #expect(b.agency == "中央社")
        #expect(b.reporters == c.reporters)
        #expect(b.place == c.place)
        #expect(b.date == c.date)
        #expect(b.start == 0)
        #expect(b.text.hasPrefix("（中央社") && b.text.hasSuffix("）"))
    }

    @Test func namedEntitiesSplitNameFromPlace() throws {
        // Without help the fallback would cut 陳家竹 | 北市; the tagger's place 竹北市 wins.
        let text = "（中央社記者陳家竹北市19日電）"
        let n = text.unicodeScalars.count
        let context = TaggingContext(text: TextBuffer(text), sentences: [Span(start: 0, end: n)], tokens: [],
                                     meta: Meta(date: seedDate))
        let place = Entity(type: .place, text: "竹北市", start: 8, end: 11, source: "test")
        let b = try #require(AmountTagger.tag(context, named: [place]).byline)
        #expect(b.reporters == ["陳家"])
        #expect(b.place == "竹北市")
        let unaided = try #require(AmountTagger.tag(context, named: []).byline)
        #expect(unaided.reporters == ["陳家竹"])
    }

    @Test(arguments: [
        ("editor and date code", "（編輯：林恕暉）1120919", ["林恕暉"], [String](), [String](), "2023-09-19"),
        ("translator and checker", "（譯者：張三/核稿：李四）1091001", [], ["張三"], ["李四"], "2020-10-01"),
        ("two editors, no code", "（編輯：張三、李四）", ["張三", "李四"], [], [], nil),
    ] as [(String, String, [String], [String], [String], String?)])
    func credits(_ row: (String, String, [String], [String], [String], String?)) throws {
        let (name, text, editors, translators, checkers, date) = row
        let c = try #require(AmountTagger.tag(text: text).credits, "\(name)")
        #expect(c.editors == editors)
        #expect(c.translators == translators)
        #expect(c.checkers == checkers)
        #expect(c.date == date)
    }
}

/// A span of `text` as its text (scalar offsets), so rows say what was found, not where.
private func slice(_ text: String, _ span: Span?) -> String? {
    guard let span else { return nil }
    let s = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(s[span.start..<span.end]))
}

@Suite("Byline step: datelines")
struct BylineFinderDatelineTests {
    /// name, text, dateline, day digits, reporters but the last, last reporter + place, place alone.
    @Test(arguments: [
        ("one reporter", "（中央社記者葉臻桃園19日電）桃園市長", "（中央社記者葉臻桃園19日電）", "19", [], "葉臻桃園", nil),
        ("two reporters", "（中央社記者王小明、李大華台北18日電）", "（中央社記者王小明、李大華台北18日電）", "18", ["王小明"], "李大華台北", nil),
        ("slash between reporters", "（中央社記者王小明／李大華台北8日電）", "（中央社記者王小明／李大華台北8日電）", "8", ["王小明"], "李大華台北", nil),
        ("no reporter", "前言\n（中央社台北19日電）", "（中央社台北19日電）", "19", [], nil, "台北"),
        ("wire roundup", "（中央社華盛頓18日綜合外電報導）", "（中央社華盛頓18日綜合外電報導）", "18", [], nil, "華盛頓"),
        ("special dispatch", "（中央社記者江今葉華盛頓18日專電）", "（中央社記者江今葉華盛頓18日專電）", "18", [], "江今葉華盛頓", nil),
        ("Simplified", "（中央社记者王明北京3日电）", "（中央社记者王明北京3日电）", "3", [], "王明北京", nil),
        ("half-width brackets", "(中央社台北5日電)", "(中央社台北5日電)", "5", [], nil, "台北"),
        ("full-width day digits", "（中央社台北１９日電）", "（中央社台北１９日電）", "１９", [], nil, "台北"),
    ] as [(String, String, String, String, [String], String?, String?)])
    func dateline(_ row: (String, String, String, String, [String], String?, String?)) throws {
        let (name, text, dateline, day, reporters, nameAndPlace, place) = row
        let found = BylineFinder.find(Array(text.unicodeScalars))
        let d = try #require(found.datelines.first, "\(name)")
        #expect(found.datelines.count == 1, "\(name)")
        #expect(slice(text, d.span) == dateline, "\(name)")
        #expect(slice(text, d.day) == day, "\(name)")
        #expect(d.reporters.map { slice(text, $0)! } == reporters, "\(name)")
        #expect(slice(text, d.nameAndPlace) == nameAndPlace, "\(name)")
        #expect(slice(text, d.place) == place, "\(name)")
        #expect(found.creditLines.isEmpty, "\(name)")
    }

    @Test(arguments: [
        ("another agency", "（路透社台北19日電）"),
        ("no day", "（中央社記者葉臻桃園電）"),
        ("no 電 or 報導 after the day", "（中央社記者葉臻桃園19日）"),
        ("not closed on its line", "（中央社記者葉臻桃園19日電\n）"),
        ("too long to be a dateline", "（中央社" + String(repeating: "字", count: 60) + "19日電）"),
        ("reporter without a name", "（中央社記者19日電）"),
        ("plain aside", "（見附表）"),
    ])
    func noDateline(_ name: String, _ text: String) {
        #expect(BylineFinder.find(Array(text.unicodeScalars)).datelines.isEmpty, "\(name)")
    }

    @Test func theLastDatelineIsTheByline() throws {
        let text = "（中央社台北1日電）甲。（中央社記者葉臻桃園19日電）乙"
        let s = Array(text.unicodeScalars)
        let found = BylineFinder.find(s)
        #expect(found.datelines.count == 2)
        let b = try #require(found.datelines.last).byline(in: s, named: [], date: "2023-09-19")
        #expect(b.reporters == ["葉臻"])
        #expect(b.place == "桃園")
        #expect(b.text == "（中央社記者葉臻桃園19日電）")
        #expect(found.staffSpans(from: 0).map { slice(text, $0)! } == ["（中央社記者葉臻桃園19日電）"])
    }

    /// The bracket opening the body (any agency's) that the tagger weighs as the dateline.
    @Test(arguments: [
        ("CNA dateline first", "（中央社台北19日電）台北", "（中央社台北19日電"),
        ("after a headline", "標題\n（記者王小明／台北報導）", "（記者王小明／台北報導"),
        ("half-width", "(台北電)本文", "(台北電"),
        ("body does not open with a bracket", "本文（中央社台北19日電）", nil),
        ("too short", "（台北）", nil),
        ("headline longer than 200 scalars", String(repeating: "字", count: 200) + "\n（中央社台北19日電）", nil),
        ("not closed within 60", "（" + String(repeating: "字", count: 60) + "）", nil),
    ] as [(String, String, String?)])
    func opening(_ name: String, _ text: String, _ expected: String?) {
        let s = Array(text.unicodeScalars)
        let r = BylineFinder.openingBracket(s)
        #expect(slice(text, r.map { Span(start: $0.lowerBound, end: $0.upperBound) }) == expected, "\(name)")
        #expect(BylineFinder.find(s).opening == r, "\(name)")
    }
}

@Suite("Byline step: credit lines")
struct BylineFinderCreditTests {
    /// name, text, credit line spans, editors, translators, checkers, date code, date.
    @Test(arguments: [
        ("editor and date code", "全文。（編輯：林恕暉）1120919", ["（編輯：林恕暉）1120919"], ["林恕暉"], [], [], "1120919", "2023-09-19"),
        ("space before the code", "（編輯：林恕暉） 1120919", ["（編輯：林恕暉） 1120919"], ["林恕暉"], [], [], "1120919", "2023-09-19"),
        ("translator and checker", "（譯者：張三/核稿：李四）1091001", ["（譯者：張三/核稿：李四）1091001"], [], ["張三"], ["李四"], "1091001", "2020-10-01"),
        ("翻譯 is a translator", "（翻譯：王五；核稿：李四）", ["（翻譯：王五；核稿：李四）"], [], ["王五"], ["李四"], nil, nil),
        ("two editors, no code", "（編輯：張三、李四）", ["（編輯：張三、李四）"], ["張三", "李四"], [], [], nil, nil),
        ("責任編輯 and Simplified 编辑", "（責任編輯：甲）文（编辑：乙）", ["（責任編輯：甲）", "（编辑：乙）"], ["甲", "乙"], [], [], nil, nil),
        ("names once per role", "（編輯：甲）（編輯：甲、乙）", ["（編輯：甲）", "（編輯：甲、乙）"], ["甲", "乙"], [], [], nil, nil),
        ("invalid code is not a date", "（編輯：甲）1121340", ["（編輯：甲）"], ["甲"], [], [], nil, nil),
        ("eight digits are no ROC code", "（編輯：甲）11209190", ["（編輯：甲）"], ["甲"], [], [], nil, nil),
        ("half-width colon", "(核稿:丙)", ["(核稿:丙)"], [], [], ["丙"], nil, nil),
    ] as [(String, String, [String], [String], [String], [String], String?, String?)])
    func credits(_ row: (String, String, [String], [String], [String], [String], String?, String?)) throws {
        let (name, text, lines, editors, translators, checkers, code, date) = row
        let found = BylineFinder.find(Array(text.unicodeScalars))
        #expect(found.creditLines.map { slice(text, $0.span)! } == lines, "\(name)")
        #expect(found.staffSpans(from: 0).map { slice(text, $0)! } == lines, "\(name)")
        let c = try #require(found.credits, "\(name)")
        #expect(c.editors == editors, "\(name)")
        #expect(c.translators == translators, "\(name)")
        #expect(c.checkers == checkers, "\(name)")
        #expect(c.dateCode == code, "\(name)")
        #expect(c.date == date, "\(name)")
        #expect(found.datelines.isEmpty, "\(name)")
    }

    @Test(arguments: [
        ("no bracket", "編輯：林恕暉"),
        ("photo credit is not a credit line", "（攝影：王）"),
        ("role without a colon", "（編輯林恕暉）"),
        ("not closed", "（編輯：林恕暉"),
        ("no text at all", ""),
    ])
    func noCredits(_ name: String, _ text: String) {
        let found = BylineFinder.find(Array(text.unicodeScalars))
        #expect(found.creditLines.isEmpty && found.credits == nil && found.datelines.isEmpty, "\(name)")
    }

    /// The closing code dates an article without a front-matter date; the last valid one wins.
    @Test(arguments: [
        ("after an editor", "文。（編輯：林恕暉）1120919", "2023-09-19"),
        ("any role with a colon", "（攝影：王）1091001", "2020-10-01"),
        ("last valid wins", "（編輯：甲）1091001 （編輯：乙）1120919 （編輯：丙）1121399", "2023-09-19"),
        ("no colon inside", "（林恕暉）1120919", nil),
        ("eight digits", "（編輯：甲）11209190", nil),
    ] as [(String, String, String?)])
    func closingDate(_ name: String, _ text: String, _ expected: String?) {
        #expect(BylineFinder.find(Array(text.unicodeScalars)).closingDate?.iso == expected, "\(name)")
    }
}

/// The credit line and dateline parts read plain text as scalars and anything else as Strings:
/// both ways must agree wherever the scalar way is taken.
@Suite("Byline step: scalar and String paths agree")
struct BylineFinderPathTests {
    /// Insides of credit lines (without the brackets): odd separators, spaces, empty parts,
    /// repeated names, unknown roles.
    @Test(arguments: [
        "編輯：林恕暉", "譯者：張三/核稿：李四", "翻譯：王五；核稿：李四", "編輯：張三、李四、張三",
        " 編輯 ：甲", "編輯：：甲", "：編輯：甲", "編輯:甲,乙，丙 丁", "責任編輯：甲／譯者：乙//核稿：丙",
        "編輯：", "編輯", "攝影：王／編輯：甲", "編輯：甲/編輯：乙、甲", "译者：A B/核稿：Ｃ", "核稿：丙；；",
        "編輯：王·小明", "編輯：ジョン・スミス",
    ])
    func credits(_ inside: String) {
        let s = Array(inside.unicodeScalars)
        #expect(BylineFinder.isPlain(s, 0, s.count), "\(inside)")
        #expect(BylineFinder.plainCredits(s, 0, s.count) == BylineFinder.credits(inside), "\(inside)")
    }

    /// Scalars that join their neighbour into one Character or decompose canonically are not
    /// plain: those texts keep the String path.
    @Test(arguments: [
        ("combining acute", "編輯：甲\u{301}"), ("CJK compatibility ideograph", "編輯：\u{F900}"),
        ("ideographic tone mark", "編輯：甲\u{302A}"), ("kana voicing mark", "編輯：か\u{3099}"),
        ("carriage return", "編輯：甲\r"), ("zero-width joiner", "編輯：甲\u{200D}乙"),
        ("astral ideograph", "編輯：𠮷"), ("Hangul", "編輯：한"),
    ])
    func notPlain(_ name: String, _ inside: String) {
        let s = Array(inside.unicodeScalars)
        #expect(!BylineFinder.isPlain(s, 0, s.count), "\(name)")
    }

    /// What may follow a dateline's day: 電, 电, 報導 or 报导 anywhere before the bracket closes.
    @Test(arguments: [
        ("電", "電", true), ("电", "电", true), ("報導", "綜合外電報導", true), ("报导", "专电报导", true),
        ("導 alone", "導", false), ("報 alone", "報", false), ("報 導 apart", "報x導", false), ("nothing", "", false),
        ("other words", "專訪", false),
    ] as [(String, String, Bool)])
    func wireWord(_ name: String, _ rest: String, _ expected: Bool) {
        let s = Array(("日" + rest).unicodeScalars)
        #expect(BylineFinder.wireWord(s, 1, s.count) == expected, "\(name)")
        let string = String(scalars: s[1...])
        let byString = string.contains("電") || string.contains("报导") || string.contains("報導") || string.contains("电")
        #expect(byString == expected, "\(name)")
    }

    /// A day too long for an Int is no day value (as `Int(String)` gives), not a crash.
    @Test func dayOverflow() throws {
        let text = "（中央社台北99999999999999999999日電）"
        let d = try #require(BylineFinder.find(Array(text.unicodeScalars)).datelines.first)
        #expect(d.dayValue == nil)
        let ok = try #require(BylineFinder.find(Array("（中央社台北０９日電）".unicodeScalars)).datelines.first)
        #expect(ok.dayValue == 9)
    }
}

@Suite("Amount summary and the seed")
struct AmountSummaryTests {
    @Test func totalsLargestAndDates() {
        let text = "預算新台幣4500萬，其中低於1000萬用於資安，另有5萬美元。今天宣布，明年實施。"
        let r = AmountTagger.tag(text: text, articleDate: seedDate)
        var summary = Summary()
        let sentences = [Sentence(start: 0, end: text.unicodeScalars.count, text: text)]
        AmountTagger.summarize(r.entities, sentences: sentences, into: &summary)
        #expect(summary.moneyTotals == ["TWD": ExactNumber(55_000_000), "USD": ExactNumber(50_000)])
        #expect(summary.largestAmounts.map(\.text) == ["新台幣4500萬", "低於1000萬", "5萬美元"])
        #expect(summary.largestAmounts.first?.sentenceText == text)
        #expect(summary.dates == ["2023-09-19", "2024"])
    }

    /// Distinct dates in order of first mention, past the 16 the list is searched for and on
    /// into the set that takes over.
    @Test func manyDatesListedOnce() {
        let days: [String] = (1...28).map { (d: Int) -> String in "9月\(d)日" }
        let text = (days + Array(days.reversed()) + days).joined(separator: "，")
        let r = AmountTagger.tag(text: text, articleDate: seedDate)
        var summary = Summary()
        AmountTagger.summarize(r.entities, sentences: [], into: &summary)
        let expected: [String] = (1...28).map { (d: Int) -> String in d < 10 ? "2023-09-0\(d)" : "2023-09-\(d)" }
        #expect(summary.dates == expected)
    }

    /// The shipped seed through the whole pipeline (whatever ingest does with its HTML).
    @Test func seed() throws {
        let root = Fixtures.packageRoot
        let dir = root.appendingPathComponent("seeds")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().first { $0.hasSuffix(".txt") })
        let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(file)))
        let analyzer = try Analyzer(resources: try Resources(dictionaries: Fixtures.dictionaries))
        let report = try analyzer.analyze(InputDocument(path: file, bytes: bytes))
        let money = report.entities.filter { $0.type == .money }
        #expect(money.map { $0.value?.decimal } == ["45000000", "10000000"])
        #expect(money.map(\.currency) == ["TWD", "TWD"])
        #expect(money.last?.qualifier == "under")
        #expect(money.last?.inferred == true)
        #expect(report.summary.moneyTotals["TWD"] == ExactNumber(55_000_000))
        #expect(report.entities.first { $0.text == "明年" }?.date == "2024")
        #expect(report.byline?.reporters == ["葉臻"])
        #expect(report.byline?.place == "桃園")
        #expect(report.byline?.date == "2023-09-19")
        #expect(report.credits?.editors == ["林恕暉"])
        #expect(report.credits?.date == "2023-09-19")
    }
}
