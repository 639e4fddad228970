import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// The direct report writer must write exactly what `JSONEncoder` writes, on pipeline reports
/// with awkward text and on real posts.
@Suite("Report writer: pipeline and corpus reports")
struct ReportEncoderTests {
    static func same(_ report: Report, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = try ReportEncoder().foundationEncode(report)
        let direct = try ReportEncoder().encode(report)
        #expect(String(decoding: direct, as: UTF8.self) == String(decoding: reference, as: UTF8.self), sourceLocation: sourceLocation)
    }

    /// Every ASCII character, the controls among them, and some that JSON writers treat apart.
    static let awkward = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        + "\u{2028}\u{2029}\u{FEFF}😀行政院e\u{301}\u{10FFFF}</script>"

    static func fullReport() -> Report {
        var r = Report(source: SourceInfo(path: "dir/新 聞.md", bytes: 12, sha256: "ab", encoding: "Big5", format: .post),
                       meta: Meta(title: awkward, date: "2020-09-19", author: nil, url: "https://x.tw/a?b=1&c=/d",
                                  tags: ["甲", ""], categories: []),
                       text: awkward)
        r.id = "id-\"1\""
        r.paragraphs = [Span(start: 0, end: 3), Span(start: 4, end: 9)]
        r.sentences = [Sentence(start: 0, end: 3, text: "\t\n")]
        r.tokens = [Token(start: 0, end: 1, text: "a", kind: .word), Token(start: 1, end: 2, text: "1", kind: .number, entity: true)]
        var e = Entity(type: .money, text: "新臺幣4500萬元", start: 1, end: 9, sentence: 0, source: "rule:money")
        e.value = ExactNumber(45_000_000)
        e.rangeTo = ExactNumber(decimal: "-0.66")
        e.currency = "TWD"; e.qualifier = "about"; e.inferred = false; e.unit = "元"; e.date = "2024-09"
        e.canonical = "c"; e.id = "agency:tw"; e.parent = "p"; e.level = "central"; e.ambiguous = true; e.candidates = ["x", "y"]
        var big = Entity(type: .quantity, text: "q", start: 0, end: 1, source: "s")
        big.value = ExactNumber(Int64.min)
        big.rangeTo = ExactNumber(decimal: "92233720368547758070")
        r.entities = [e, big]
        r.captions = ["圖：說明"]
        r.related = [Link(title: "延伸", url: "/a")]
        r.byline = Byline(agency: "中央社", reporters: ["葉臻"], place: nil, date: "2023-09-19", text: "（中央社）", start: 0, end: 5)
        var credits = Credits()
        credits.editors = ["林恕暉"]
        credits.dateCode = "1120919"
        r.credits = credits
        r.summary.entities = ["person": [EntitySummary(canonical: "張善政", id: nil, mentions: 2, forms: ["張善政", "張市長"], firstSentence: 0)],
                              "agency": [], "Agency": [], "_": [], "a10": [], "a9": []]
        r.summary.moneyTotals = ["TWD": ExactNumber(1), "USD": ExactNumber(decimal: "0.5")!, "twd": ExactNumber(0)]
        r.summary.largestAmounts = [AmountSummary(text: "t", value: ExactNumber(3), currency: "TWD", sentence: 0, sentenceText: "s")]
        r.summary.dates = ["2024"]
        r.findings = [Finding(code: "html", message: "unclosed <p>", offset: 3, line: nil)]
        return r
    }

    @Test func everyReportFieldAndAwkwardStrings() throws {
        try Self.same(Self.fullReport())
        try Self.same(Report(source: SourceInfo(path: "", bytes: 0, sha256: "", encoding: "", format: .text), meta: Meta(), text: ""))
    }

    @Test func reportsOfThePipeline() throws {
        let analyzer = try Analyzer(resources: try Resources(dictionaries: Fixtures.dictionaries), options: AnalyzeOptions(includeTokens: true))
        // Ingest refuses NUL (binary), so the awkward string goes in without it.
        let texts = ["行政院今天開會。\n桃園市長張善政說：「好」。", Self.awkward.replacingOccurrences(of: "\u{0}", with: ""), "", "a\r\nb\tc", String(repeating: "數位治理，", count: 500)]
        for (i, t) in texts.enumerated() {
            try Self.same(try analyzer.analyze(InputDocument(path: "t\(i)", bytes: Array(t.utf8), id: i % 2 == 0 ? "\(i)" : nil)))
        }
    }

    /// Real posts, when ../shared is there (skipped in a clone without it).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ReportEncoderTests.corpus)))
    func corpusReportsAreIdentical() throws {
        let analyzer = try Analyzer(resources: try Resources(dictionaries: Fixtures.dictionaries), options: AnalyzeOptions(includeTokens: true))
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).sorted()
        for name in names.enumerated().filter({ $0.offset % 50 == 0 }).map(\.element) {
            let path = Self.corpus + "/" + name
            let doc = InputDocument(path: path, bytes: try InputFiles.read(path: path))
            guard let report = try? analyzer.analyze(doc) else { continue }
            try Self.same(report)
        }
    }

    static let corpus = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/posts").path
}
