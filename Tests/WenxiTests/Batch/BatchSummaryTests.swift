import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Batch: corpus summary")
struct BatchSummaryTests {
    /// A report line as `wenxi analyze` writes it, with `entities` given as (type, text, canonical, sentence).
    static func line(date: String?, sentences: Int = 2, tokens: Int = 10,
                     _ ents: [(EntityType, String, String?, Int)], money: [(String, String, Int)] = [],
                     roles: [(role: EntityRole, holder: String?)] = [], conversion: Int? = nil) throws -> [UInt8] {
        var r = Report(source: SourceInfo(path: "p", bytes: 1, sha256: "", encoding: "UTF-8", format: .text),
                       meta: Meta(date: date), text: "")
        r.stats.sentences = sentences
        r.stats.tokens = tokens
        r.stats.characters = 7
        for (t, text, canon, s) in ents {
            var e = Entity(type: t, text: text, start: 0, end: 1, sentence: s, source: "test")
            e.canonical = canon
            r.entities.append(e)
        }
        for (k, (value, currency, s)) in money.enumerated() {
            var e = Entity(type: .money, text: value, start: 0, end: 1, sentence: s, source: "test")
            e.value = ExactNumber(decimal: value)
            e.currency = currency
            if k < roles.count {
                e.role = roles[k].role
                e.holder = roles[k].holder.map { Holder(text: $0, start: 0, end: 1, type: .agency, canonical: $0, id: nil) }
            }
            if k == conversion { e.equivalentOf = Span(start: 0, end: 1) }
            r.entities.append(e)
        }
        AmountTagger.summarize(r.entities, sentences: [], into: &r.summary)
        return Array(try ReportEncoder().encode(r))
    }

    static let agencyA = "桃園市政府"
    static let agencyB = "行政院"

    static func corpus() throws -> [[UInt8]] {
        [
            try line(date: "2020-09-19 10:00:00 +0800", [
                (.person, "張善政", "張善政", 0), (.agency, "市府", agencyA, 0), (.agency, "桃市府", agencyA, 1),
                (.person, "張市長", "張善政", 1),
            ], money: [("1000000", "TWD", 0), ("0.1", "USD", 1)], roles: [(.budget, agencyA), (.price, nil)]),
            try line(date: "2020-09-19", [
                (.person, "蘇貞昌", "蘇貞昌", 0), (.agency, "行政院", agencyB, 0), (.agency, "政院", agencyB, 0),
                (.organization, "國民黨", "中國國民黨", 1), (.person, "張善政", "張善政", 2), (.agency, "市府", agencyA, 3),
            ], money: [("2.5", "TWD", 0), ("0.2", "USD", 3), ("7", "TWD", 3)],
               roles: [(.budget, agencyA), (.price, agencyB), (.price, agencyB)], conversion: 2),
            try line(date: nil, [(.person, "無名氏", nil, 0)]),
            Array(#"{"error":"not valid JSON","id":null,"input":"-","line":4,"schema":"wenxi.error/1"}"#.utf8),
        ]
    }

    @Test func countsRanksTotalsPairsAndDates() throws {
        var s = CorpusSummary()
        for l in try Self.corpus() { try s.add(line: l) }
        let r = s.result(top: 10)
        #expect((r.documents, r.errors, r.sentences, r.tokens, r.characters) == (3, 1, 6, 30, 21))
        let people = try #require(r.entities["people"])
        #expect(people.distinct == 3)
        #expect(people.byDocuments.map(\.canonical) == ["張善政", "無名氏", "蘇貞昌"])
        #expect(people.byDocuments.first == EntityRank(canonical: "張善政", documents: 2, mentions: 3))
        let agencies = try #require(r.entities["agencies"])
        #expect(agencies.byMentions == [
            EntityRank(canonical: Self.agencyA, documents: 2, mentions: 3),
            EntityRank(canonical: Self.agencyB, documents: 1, mentions: 2),
        ])
        #expect(r.entities["organizations"]?.byDocuments == [EntityRank(canonical: "中國國民黨", documents: 1, mentions: 1)])
        // Exact decimal sums, no binary floating point: 0.1 + 0.2 is 0.3.
        #expect(r.money.totals == ["TWD": ExactNumber(decimal: "1000002.5")!, "USD": ExactNumber(decimal: "0.3")!])
        #expect(r.money.amounts == 4)
        // The conversion (7 TWD converting 0.2 USD) is not added again.
        #expect(r.money.byRole == ["TWD": ["budget": ExactNumber(decimal: "1000002.5")!], "USD": ["price": ExactNumber(decimal: "0.3")!]])
        #expect(r.money.byHolder == [
            HolderMoneyRank(holder: Self.agencyA, role: "budget", currency: "TWD", amounts: 2, total: ExactNumber(decimal: "1000002.5")!),
            HolderMoneyRank(holder: Self.agencyB, role: "price", currency: "USD", amounts: 1, total: ExactNumber(decimal: "0.2")!),
        ])
        // Per currency, largest first, with the report's file; never across currencies.
        #expect(r.money.largest["TWD"]?.map(\.text) == ["1000000", "2.5"])
        #expect(r.money.largest["USD"]?.map(\.value) == [ExactNumber(decimal: "0.2")!, ExactNumber(decimal: "0.1")!])
        #expect(r.money.largest["TWD"]?.first?.file == "p")
        #expect(r.money.largest["TWD"]?.first?.role == "budget")
        #expect(r.pairs == [
            PairRank(person: "張善政", agency: Self.agencyA, sentences: 2, documents: 1),
            PairRank(person: "蘇貞昌", agency: Self.agencyB, sentences: 1, documents: 1),
        ])
        #expect(r.dates == ["2020-09-19": 2])
        #expect(r.undated == 1)
        #expect(r.approximate.isEmpty)
    }

    /// Staff of bylines and credit lines are ranked under `staff`, apart from the people the news
    /// is about, and are in no person–agency pair.
    @Test func staffAreRankedApart() throws {
        var r = Report(source: SourceInfo(path: "p", bytes: 1, sha256: "", encoding: "UTF-8", format: .text),
                       meta: Meta(date: nil), text: "")
        for (text, role) in [("周慧盈", EntityRole.staff as EntityRole?), ("張善政", nil), ("周慧盈", .staff)] {
            var e = Entity(type: .person, text: text, start: 0, end: 1, sentence: 0, source: "test")
            e.canonical = text
            e.role = role
            r.entities.append(e)
        }
        var a = Entity(type: .agency, text: "市府", start: 0, end: 1, sentence: 0, source: "test")
        a.canonical = Self.agencyA
        r.entities.append(a)
        var s = CorpusSummary()
        try s.add(line: Array(try ReportEncoder().encode(r)))
        let out = s.result(top: 10)
        #expect(out.entities["people"]?.byDocuments.map(\.canonical) == ["張善政"])
        #expect(out.entities["staff"]?.byDocuments.map(\.canonical) == ["周慧盈"])
        #expect(out.entities["staff"]?.byDocuments.first?.mentions == 2)
        #expect(out.pairs.map(\.person) == ["張善政"])
    }

    @Test func topLimitsEveryRanking() throws {
        var s = CorpusSummary()
        for l in try Self.corpus() { try s.add(line: l) }
        let r = s.result(top: 1)
        #expect(r.entities["people"]?.byDocuments.count == 1)
        #expect(r.pairs.count == 1)
        #expect(r.money.byHolder.count == 1)
        #expect(r.money.largest["TWD"]?.count == 1)
    }

    @Test func aFullTableDropsItsRarestHalfAndSaysSo() throws {
        var s = CorpusSummary(capacity: 4)
        // 張三 in every report; 99 one-off names.
        for i in 0..<100 {
            try s.add(line: Self.line(date: nil, [(.person, "張三", nil, 0), (.person, "路人\(i)", nil, 0)]))
        }
        let r = s.result(top: 3)
        #expect(r.approximate == ["people"])
        #expect(r.entities["people"]!.distinct <= 4)
        #expect(r.entities["people"]!.byMentions.first == EntityRank(canonical: "張三", documents: 100, mentions: 100))
    }

    @Test(arguments: [
        ("not JSON", "{"),
        ("array", "[1]"),
        ("object without stats", #"{"entities":[]}"#),
        ("entities of the wrong shape", #"{"stats":{},"entities":[{"type":1}]}"#),
    ])
    func malformedLinesThrowAndCountNothing(name: String, line: String) {
        var s = CorpusSummary()
        #expect(throws: WenxiError.self, "\(name)") { try s.add(line: Array(line.utf8)) }
        #expect(s.result(top: 1).documents == 0)
    }

    @Test(arguments: [
        ("2020-09-19", "2020-09-19"), ("2020-09-19 10:48:00 +0800", "2020-09-19"), ("2020-09-19T10:48:00Z", "2020-09-19"),
        ("2020-9-19", nil), ("2020-09-19x", nil), ("昨天", nil),
    ] as [(String, String?)])
    func days(date: String, day: String?) {
        #expect(CorpusSummary.day(date) == day)
    }

    @Test func hugeTotalsStayExact() throws {
        var s = CorpusSummary()
        for _ in 0..<3 { try s.add(line: Self.line(date: nil, [], money: [("123456789012345678.25", "TWD", 0)])) }
        #expect(s.result(top: 1).money.totals["TWD"] == ExactNumber(decimal: "370370367037037034.75"))
    }
}
