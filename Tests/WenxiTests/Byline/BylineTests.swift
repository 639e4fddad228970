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

@Suite("Dateline and credits")
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
