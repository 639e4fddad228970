import Testing
@testable import WenxiCore
@testable import Wenxi

/// The assemble stage's shortcuts give what the general algorithms they skip give.
@Suite("Assemble: fast paths match the general algorithms")
struct AssembleFastPathTests {
    /// A small deterministic generator (xorshift), so that every run checks the same cases.
    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
    }

    /// A list of spans in 0..<40: sorted and disjoint when `tidy`, else anything.
    static func spans(_ rng: inout Rng, tidy: Bool) -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)] = []
        var pos = 0
        for _ in 0..<rng.next(6) {
            if tidy {
                let start = pos + rng.next(5), end = start + rng.next(4)
                out.append((start, end))
                pos = end
            } else {
                let start = rng.next(40)
                out.append((start, start + rng.next(6)))
            }
        }
        return out
    }

    @Test func disjointMergeIsLongestFirst() {
        var rng = Rng(state: 0x9E37_79B9_7F4A_7C15)
        var shortcuts = 0
        for _ in 0..<20_000 {
            let tidy = rng.next(4) != 0
            let named = Self.spans(&rng, tidy: tidy), numeric = Self.spans(&rng, tidy: tidy)
            let all = named + numeric
            if let fast = EntityMerger.disjointOrder(all, split: named.count) {
                shortcuts += 1
                #expect(fast == OverlapPolicy.longestFirst(all), "\(named) \(numeric)")
            }
        }
        #expect(shortcuts > 1000)  // the shortcut is taken, not only the fallback
    }

    /// The policy run group by group (spans that overlap one another) keeps what it keeps when
    /// run on all spans, in the same order: lists that cross, nest, repeat a span, hold empty
    /// spans inside others, or are out of order (then the policy runs on all).
    @Test func groupedLongestFirstIsLongestFirst() {
        var rng = Rng(state: 0x2545_F491_4F6C_DD1D)
        var crossing = 0
        for _ in 0..<20_000 {
            let named = Self.spans(&rng, tidy: rng.next(4) != 0), numeric = Self.spans(&rng, tidy: rng.next(4) != 0)
            let all = named + numeric
            if EntityMerger.disjointOrder(all, split: named.count) == nil { crossing += 1 }
            #expect(EntityMerger.longestFirstInGroups(all, split: named.count) == OverlapPolicy.longestFirst(all), "\(named) \(numeric)")
        }
        #expect(crossing > 1000)  // lists that cross, not only disjoint ones
        for (named, numeric) in [
            ([(0, 3), (5, 9)], [(2, 8)]),                 // one group of three
            ([(0, 4), (4, 6)], [(4, 4), (2, 2), (6, 9)]),  // numeric out of order: all at once
            ([(2, 5), (7, 7)], [(2, 5), (6, 9)]),          // the same span in both lists; an empty one inside another
            ([(0, 9)], [(1, 2), (3, 3), (3, 3), (4, 8)]),  // nested, equal empty spans
            ([(5, 3)], [(0, 4)]),                          // a span that ends before it starts
        ] as [([(Int, Int)], [(Int, Int)])] {
            let all = (named + numeric).map { (start: $0.0, end: $0.1) }
            #expect(EntityMerger.longestFirstInGroups(all, split: named.count) == OverlapPolicy.longestFirst(all), "\(named) \(numeric)")
        }
    }

    @Test(arguments: [
        ("crossing lists: the policy decides", [(0, 3)], [(2, 8)], nil as [Int]?),
        ("disjoint, interleaved", [(0, 2), (6, 8)], [(3, 5)], [0, 2, 1]),
        ("equal empty spans: the named first", [(4, 4)], [(4, 4)], [0, 1]),
        ("empty inside a span", [(0, 5)], [(3, 3)], [0, 1]),
        ("a list out of order", [(6, 8), (0, 2)], [], nil),
    ])
    func disjointOrder(_ name: String, _ named: [(Int, Int)], _ numeric: [(Int, Int)], _ expected: [Int]?) {
        let all = (named + numeric).map { (start: $0.0, end: $0.1) }
        #expect(EntityMerger.disjointOrder(all, split: named.count) == expected, "\(name)")
    }

    @Test func mergeMovesEntitiesOut() {
        var named = [MergePolicyTests.e(.place, 0, 2), MergePolicyTests.e(.person, 4, 6)]
        var numeric = [MergePolicyTests.e(.money, 2, 4)]
        let merged = EntityMerger.merge(taking: &named, &numeric, sentences: [Span(start: 0, end: 10)])
        #expect(merged.map { "\($0.type) \($0.start)-\($0.end) \($0.text)" } == ["place 0-2 字字", "money 2-4 字字", "person 4-6 字字"])
        #expect(named.isEmpty && numeric.isEmpty)
    }

    /// Merging into a headline list and a body list gives the one merged list cut where the
    /// body starts, each entity moved once (the lists it came from are left empty).
    @Test func mergeSplitsAtTheHeadline() {
        var rng = Rng(state: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<2_000 {
            // Each entity told apart by its source, so that one moved to another's place shows.
            var named = Self.spans(&rng, tidy: rng.next(3) != 0).map { MergePolicyTests.e(.place, $0.start, $0.end) }
            var numeric = Self.spans(&rng, tidy: true).map { MergePolicyTests.e(.money, $0.start, $0.end) }
            for i in named.indices { named[i].source = "named \(i)" }
            for i in numeric.indices { numeric[i].source = "numeric \(i)" }
            let split = rng.next(20)
            let whole = EntityMerger.merge(named, numeric, sentences: [])
            // The entities the overlap policy keeps, in its order (those it drops are left out).
            let kept = OverlapPolicy.longestFirst(named.map { (start: $0.start, end: $0.end) } + numeric.map { (start: $0.start, end: $0.end) })
            #expect(whole.map(\.source) == kept.map { $0 < named.count ? named[$0].source : numeric[$0 - named.count].source })
            var a = named, b = numeric
            let (head, body) = EntityMerger.merge(taking: &a, &b, splittingAt: split)
            #expect(a.isEmpty && b.isEmpty)
            let cut = whole.firstIndex { $0.start >= split } ?? whole.count
            #expect(head.map { [$0.start, $0.end] } == whole[..<cut].map { [$0.start, $0.end] }, "split \(split)")
            #expect(body.map { [$0.start, $0.end] } == whole[cut...].map { [$0.start, $0.end] }, "split \(split)")
            #expect(head.map(\.type) + body.map(\.type) == whole.map(\.type))
            // The aligner over the two lists is the aligner over the one.
            let tokens = (0..<20).map { TokenSpan(start: $0, end: $0 + 1, kind: .word) }
            #expect(TokenAligner.align(tokens, to: head, body) == TokenAligner.align(tokens, to: whole))
            #expect(TokenAligner.count(tokens, to: head, body, from: split) == TokenAligner.count(tokens, to: whole, from: split))
        }
    }

    /// The aligner as it was written before its shortcut: split every token at the entity edges
    /// inside it, then merge the pieces inside each entity.
    static func referenceAlign(_ tokens: [TokenSpan], spans: [(start: Int, end: Int)]) -> [TokenSpan] {
        if spans.isEmpty { return tokens }
        var pieces: [TokenSpan] = []
        var si = 0
        for t in tokens {
            while si < spans.count && spans[si].end <= t.start { si += 1 }
            var cuts: [Int] = []
            var k = si
            while k < spans.count && spans[k].start < t.end {
                if spans[k].start > t.start { cuts.append(spans[k].start) }
                if spans[k].end < t.end { cuts.append(spans[k].end) }
                k += 1
            }
            if cuts.isEmpty { pieces.append(t); continue }
            cuts.sort()
            cuts.append(t.end)
            var prev = t.start
            for c in cuts where c > prev {
                pieces.append(TokenSpan(start: prev, end: c, kind: t.kind, entity: true))
                prev = c
            }
        }
        var out: [TokenSpan] = []
        si = 0
        var i = 0
        while i < pieces.count {
            let p = pieces[i]
            while si < spans.count && spans[si].end <= p.start { si += 1 }
            guard si < spans.count, spans[si].start <= p.start, p.end <= spans[si].end else {
                out.append(p); i += 1; continue
            }
            var j = i + 1
            var kind = p.kind
            while j < pieces.count && pieces[j].end <= spans[si].end {
                if pieces[j].kind != kind { kind = .word }
                j += 1
            }
            if j == i + 1 && p.start == spans[si].start && p.end == spans[si].end {
                out.append(p)
            } else {
                out.append(TokenSpan(start: min(spans[si].start, p.start), end: max(spans[si].end, pieces[j - 1].end),
                                     kind: kind, entity: true))
            }
            i = j
        }
        return out
    }

    @Test func alignerMatchesTheTwoStepReference() {
        var rng = Rng(state: 0xD1B5_4A32_D192_ED03)
        let kinds: [Token.Kind] = [.word, .number, .punctuation, .letter]
        for _ in 0..<20_000 {
            var tokens: [TokenSpan] = []
            var pos = 0
            for _ in 0..<rng.next(12) {
                pos += rng.next(2)  // white space between some tokens
                let end = pos + 1 + rng.next(4)
                tokens.append(TokenSpan(start: pos, end: end, kind: kinds[rng.next(kinds.count)]))
                pos = end
                // Now and then an empty token: the list is then not tidy (`TokenAligner.isTidy`),
                // and is walked a token at a time instead of a run at a time.
                if rng.next(16) == 0 { tokens.append(TokenSpan(start: pos, end: pos, kind: .word)) }
            }
            let tidy = rng.next(3) != 0
            let entities = Self.spans(&rng, tidy: tidy).map { MergePolicyTests.e(.place, $0.start, $0.end) }
            let spans = OverlapPolicy.leftmostLongest(spans: entities.map { (start: $0.start, end: $0.end) })
            #expect(TokenAligner.leftmostLongest(entities).map { [$0.start, $0.end] } == spans.map { [$0.start, $0.end] })
            let aligned = TokenAligner.align(tokens, to: entities)
            #expect(aligned == Self.referenceAlign(tokens, spans: spans), "\(tokens) \(spans)")
            // Counting without the list gives what the list gives (the tokens after a headline
            // of `from` scalars), or declines when the list is out of order.
            let from = rng.next(20)
            let sorted = zip(aligned, aligned.dropFirst()).allSatisfy { $0.start <= $1.start }
            let expected = sorted ? aligned.filter { $0.start >= from }.count : nil
            #expect(TokenAligner.count(tokens, to: entities, from: from) == expected, "\(tokens) \(spans) from \(from)")
        }
    }

    @Test func summaryKindsFollowTheTypeTable() {
        for type in EntityType.allCases {
            #expect(EntitySummarizer.kind(type, staff: false) == EntitySummarizer.summaryKinds.firstIndex(of: type.rawValue) ?? -1)
        }
        #expect(EntitySummarizer.summaryKinds[EntitySummarizer.kind(.person, staff: true)] == "staff")
    }

    /// Names compare as Strings do (canonical equivalence), and equal names hash alike.
    @Test(arguments: [
        ("same bytes", "臺北市政府", "臺北市政府", true),
        ("different names", "臺北市", "台北市", false),
        ("composed and decomposed", "Jos\u{E9}", "Jose\u{301}", true),
        ("compatibility ideograph is its unified one", "\u{F900}", "\u{8C48}", true),
        ("ASCII", "NCC", "NCC", true),
        // The NFC test passes U+4E00 to U+9FFF by their lead byte: what follows is still read.
        ("an ideograph, then a decomposed letter", "國e\u{301}", "國\u{E9}", true),
        ("U+4E00, then a decomposed letter", "\u{4E00}e\u{301}", "\u{4E00}\u{E9}", true),
        ("U+9FFF, then a compatibility ideograph", "\u{9FFF}\u{F900}", "\u{9FFF}\u{8C48}", true),
        // The NFC test passes ASCII eight bytes at a time: what follows is still read.
        ("eight ASCII letters, then a decomposed letter", "abcdefghe\u{301}", "abcdefgh\u{E9}", true),
        ("sixteen ASCII letters, then a compatibility ideograph", "agency:tw.abcdef\u{F900}", "agency:tw.abcdef\u{8C48}", true),
        ("an ASCII id of 15 bytes", "agency:tw.moeaX", "agency:tw.moeaX", true),
        ("ids that differ in the last byte", "agency:tw.moea1", "agency:tw.moea2", false),
    ])
    func nameKeys(_ name: String, _ a: String, _ b: String, _ equal: Bool) {
        #expect((a == b) == equal, "\(name): String's own answer")
        #expect(EntitySummarizer.NameKey.equal(a, b) == equal, "\(name)")
        #expect((EntitySummarizer.NameKey(a) == EntitySummarizer.NameKey(b)) == equal, "\(name)")
        if equal { #expect(EntitySummarizer.NameKey(a).hashValue == EntitySummarizer.NameKey(b).hashValue, "\(name)") }
        // The summarizer's own table hashes the NFC bytes: equal names hash alike there too.
        if equal { #expect(EntitySummarizer.mix(7, a) == EntitySummarizer.mix(7, b), "\(name)") }
    }

    /// The summarizer's hash reads the last bytes of a name as one word that overlaps the one
    /// before it: composed and decomposed forms after every number of ASCII letters (each length
    /// of both forms, on either side of four, eight and sixteen bytes) hash alike.
    @Test func nameHashesAgreeAtEveryLength() {
        for k in 0...20 {
            let prefix = String(repeating: "x", count: k)
            let composed = prefix + "\u{E9}", decomposed = prefix + "e\u{301}"
            #expect(EntitySummarizer.mix(7, composed) == EntitySummarizer.mix(7, decomposed), "\(k)")
        }
    }

    /// Mentions are one entity when `==` says their names (or ids) are equal, whatever their bytes;
    /// the kind, the id and the jurisdiction keep them apart.
    @Test func summariesGroupByIdentity() {
        func e(_ type: EntityType, _ text: String, _ start: Int, id: String? = nil, canonical: String? = nil,
               jurisdiction: String? = nil) -> Entity {
            var x = Entity(type: type, text: text, start: start, end: start + 1, sentence: start, source: "test")
            x.id = id
            x.canonical = canonical
            x.jurisdiction = jurisdiction
            return x
        }
        let entities = [
            e(.place, "Jos\u{E9}", 0), e(.place, "Jose\u{301}", 1),        // one place, canonically equal
            e(.person, "Jos\u{E9}", 2),                                  // another kind
            e(.agency, "市府", 3, id: "agency:tw.tycg", canonical: "桃園市政府"),
            e(.agency, "桃市府", 4, id: "agency:tw.tycg", canonical: "桃園市政府"),  // same id, another form
            e(.agency, "市府", 5, canonical: "市府", jurisdiction: "TW"),
            e(.agency, "市府", 6, canonical: "市府", jurisdiction: "CN"),   // no id: the jurisdiction tells apart
        ]
        let summary = EntitySummarizer.summarize(entities)
        #expect(summary["place"]?.map(\.mentions) == [2])
        #expect(summary["place"]?.first?.forms.count == 1)
        #expect(summary["person"]?.map(\.mentions) == [1])
        #expect(summary["agency"]?.map(\.mentions) == [2, 1, 1])
        #expect(summary["agency"]?.first?.forms == ["市府", "桃市府"])
        #expect(summary["agency"]?.map(\.firstSentence) == [3, 5, 6])
        #expect(summary["agency"]?.map(\.jurisdiction) == [nil, "TW", "CN"])
        #expect(summary["agency"]?.map(\.inTitle) == [nil, nil, nil])
        // A headline's mention: `in_title`, no first sentence until the body names it.
        let titled = EntitySummarizer.summarize([entities[3]], title: [entities[5], entities[4]])
        #expect(titled["agency"]?.map(\.inTitle) == [true, true])
        #expect(titled["agency"]?.map(\.jurisdiction) == [nil, "TW"])
        #expect(titled["agency"]?.map(\.firstSentence) == [3, nil])
        #expect(titled["agency"]?.map(\.mentions) == [2, 1])
    }

    /// The summaries live in the builder's own memory until the end, grown by moving them
    /// (at 64, 128, …): a document with 300 distinct names of four kinds interleaved, each named
    /// again (another form, later sentence) after the growths, keeps every count, form, first
    /// sentence and order of first occurrence, and each kind its own list.
    @Test func summariesSurviveTheBuildersGrowth() {
        let kinds: [EntityType] = [.person, .agency, .organization, .place]
        var entities: [Entity] = []
        for round in 0..<2 {
            for n in 0..<300 {
                let start = round * 1000 + n
                var x = Entity(type: kinds[n % 4], text: round == 0 ? "名\(n)" : "別名\(n)", start: start, end: start + 1,
                               sentence: start, source: "test")
                x.canonical = "名字\(n)號" + String(repeating: "長", count: n % 7)
                if n % 3 == 0 { x.id = "id:\(n)" }
                entities.append(x)
            }
        }
        let summary = EntitySummarizer.summarize(entities, title: [entities[1]])
        for (k, type) in kinds.enumerated() {
            let list = summary[type.rawValue] ?? []
            let names = Array(stride(from: k, to: 300, by: 4))
            #expect(list.map(\.canonical) == names.map { "名字\($0)號" + String(repeating: "長", count: $0 % 7) })
            #expect(list.map(\.mentions) == names.map { $0 == 1 ? 3 : 2 })
            #expect(list.map(\.forms) == names.map { ["名\($0)", "別名\($0)"] })
            #expect(list.map(\.firstSentence) == names.map { Optional($0) })
            #expect(list.map(\.id) == names.map { $0 % 3 == 0 ? "id:\($0)" : nil })
            #expect(list.map(\.inTitle) == names.map { $0 == 1 ? true : nil })
        }
    }

    /// `Entity.sliceTexts` cuts each entity's text at the text buffer's UTF-8 offsets of its
    /// scalar offsets: in order, overlapping, out of order, empty, and at the end, across
    /// astral and combining characters, each the scalar substring.
    @Test(arguments: [
        ("in order", [(0, 2), (3, 7), (7, 20), (20, 22), (22, 25)]),
        ("overlapping and nested", [(3, 9), (5, 7), (6, 12), (8, 8)]),
        ("out of order", [(80, 85), (2, 4), (90, 94), (1, 95)]),
        ("empty and at the end", [(0, 0), (95, 95), (94, 95)]),
    ])
    func entityTextsAreTheScalarSubstrings(name: String, spans: [(Int, Int)]) {
        let text = TextBuffer("標題\n第一句。😀第二句，Café e\u{301}。" + String(repeating: "行政院abc", count: 12) + "最後😀")
        #expect(text.count == 95)
        var entities = spans.map { Entity(type: .place, text: "", start: $0.0, end: $0.1, source: "") }
        Entity.sliceTexts(&entities, of: text)
        #expect(entities.map(\.text) == spans.map { text.substring($0.0, $0.1) })
    }

    @Test func sentenceTextsAreTheScalarSubstrings() {
        let text = TextBuffer("標題\n第一句。😀第二句，Café e\u{301}。最後")
        let spans = [Span(start: 0, end: 2), Span(start: 3, end: 7), Span(start: 7, end: 20), Span(start: 20, end: 22),
                     Span(start: 5, end: 9), Span(start: 22, end: 22)]
        let texts = Analyzer.texts(of: spans, from: 1, in: text.string)
        #expect(texts == spans[1...].map { text.substring($0.start, $0.end) })
    }
}
