import Testing
@testable import WenxiCore
@testable import Wenxi

/// `KeyedWords` (word lists grouped by first or last character, for the head and context
/// lookups) and the staff-title pre-test: each must answer as the plain scan it replaced.
@Suite("Tag: keyed word lists")
struct TagKeyedWordsTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Lists whose groups must keep list order (the first word found is the rule's answer).
    static let lists: [(name: String, words: [String])] = [
        ("one key", ["車站", "車", "車道"]),
        ("several keys", ["體育場", "車站", "街道", "站", "街", "場"]),
        ("shared last characters", ["委員會", "常委會", "人大常委會", "黨委", "市委"]),
        ("single word", ["港"]),
        ("empty list", []),
        ("empty word left out", ["", "島", "群島"]),
    ]

    @Test("words(keyed:) is the list filtered by key, in list order", arguments: lists.map(\.name))
    func groups(_ name: String) {
        let words = Self.lists.first { $0.name == name }!.words.map(Self.scalars)
        let first = KeyedWords.byFirst(words), last = KeyedWords.byLast(words)
        let probe = Set(words.flatMap { $0 }).union([0x4E00, 0x9FA5, 0])
        for c in probe {
            #expect(first.words(keyed: c) == words.filter { !$0.isEmpty && $0[0] == c }, "\(name): first \(c)")
            #expect(last.words(keyed: c) == words.filter { !$0.isEmpty && $0[$0.count - 1] == c }, "\(name): last \(c)")
        }
    }

    /// At every position of a text, the first head (longest first) found through the keyed
    /// groups is the one the whole list gives.
    @Test("place heads: the first head at each position is the whole list's")
    func placeHeads() throws {
        let lexicon = try Lexicon(directory: TagFixtures.packageDictionaries)
        let t = lexicon.placeHeads
        let f = Self.scalars("位於青梅街道的南寧站、北角碼頭，小浪底水庫和育才街；車站前的太行山與楠溪江")
        for h in f.indices {
            let whole = t.heads.first { PlacePrefixRules.has(f, h, $0) }
            let keyed = t.headsByFirst.words(keyed: f[h]).first { PlacePrefixRules.has(f, h, $0) }
            #expect(whole == keyed, "position \(h)")
        }
    }

    @Test("staff titles: the last-character test keeps every title and its compatibility spelling",
          arguments: [("記者", true), ("中央社記者", true), ("攝影記者", true), ("特派員", true),
                      ("記\u{FA5B}", true), ("主席", false), ("記者會", false), ("員", false)])
    func staffTitles(_ cue: String, _ isStaff: Bool) {
        let doc = TaggingDocument(lexicon: TagFixtures.lexicon, text: Array(cue.unicodeScalars), tokens: [])
        let n = doc.folded.count
        #expect(PersonRules.isStaffTitle(doc, 0, n) == PersonRules.staffTitles.contains(doc.foldedString(0, n)))
        #expect(PersonRules.isStaffTitle(doc, 0, n) == isStaff)
    }

    /// `OrganRules.isArmyKind` answers as `armyKinds` asked with the span's String, at every span
    /// of texts with both scripts, a compatibility ideograph (U+FA5B) and decomposed Latin.
    @Test("army kinds: a span's answer is the String set's",
          arguments: ["蘇聯西北方面軍", "第二集團軍與集团军", "解放軍方面\u{FA5B}軍", "e\u{301}集團軍", "軍"])
    func armyKinds(_ text: String) {
        let doc = TaggingDocument(lexicon: TagFixtures.lexicon, text: Array(text.unicodeScalars), tokens: [])
        let n = doc.text.count
        for start in 0...n {
            for end in start...n {
                #expect(OrganRules.isArmyKind(doc, start, end) == OrganRules.armyKinds.contains(doc.string(start, end)), "\(text) \(start)..<\(end)")
            }
        }
    }

    /// `RuleMarks`: the positions of each mark are where the scan that the rule made before stops,
    /// over texts that hold every character of every mark (the package dictionaries' heads too),
    /// an astral character and characters of no mark.
    @Test("rule marks: each mark's positions are those a scan of its characters finds")
    func ruleMarks() throws {
        let lexicon = try Lexicon(directory: TagFixtures.packageDictionaries)
        let tests: [(RuleMarks.Mark, (UInt32) -> Bool)] = [
            (.freeway, { $0 == 0x570B }), (.asteroid, { $0 == 0x5C0F }), (.army, { $0 == 0x8ECD }), (.party, { $0 == 0x9EE8 }),
            (.big, { $0 == 0x5927 }), (.established, { $0 == 0x7ACB }), (.quoteOpen, { $0 == 0x300C }),
            (.bureauOrOffice, { $0 == 0x5C40 || $0 == 0x6240 }), (.foreignHead, { ForeignPlaceRule.markChars.contains($0) }),
            (.placeHead, { lexicon.placeHeads.headStarts.contains($0) }),
            (.organizationHeadLast, { lexicon.organizationHeadLastSet.contains($0) }),
            (.organLast, { $0 == 0x59D4 || lexicon.organHeadLastSet.contains($0) }), (.latin, UnlistedOrganizationRule.isLatinAlnum),
            (.copula, { $0 == 0x662F }), (.kindEnd, { KindBeforePlaceRule.kindEnds.contains($0) }),
            (.unlistedHeadLast, { lexicon.unlistedNameHeadLastSet.contains($0) }),
            (.conjunction, { $0 == 0x53CA || $0 == 0x66A8 }), (.ordinal, { $0 == 0x7B2C }), (.teamLast, { $0 == 0x968A || $0 == 0x961F }),
            (.channel, { $0 == 0x81FA || $0 == 0x983B || $0 == 0x5FAE }), (.evidenceQuote, { JurisdictionResolver.quoteOpen.contains($0) }),
            (.historicalFirst, { lexicon.jurisdiction.historicalFirst.contains($0) }),
            (.scopeFirst, { OrganRules.scopeFirsts.contains($0) }),
        ]
        #expect(tests.map(\.0.rawValue) == RuleMarks.Mark.allCases.map(\.rawValue))
        var every: [UInt32] = []
        for set in [lexicon.placeHeads.headStarts, lexicon.organizationHeadLastSet, lexicon.organHeadLastSet, ForeignPlaceRule.markChars,
                    KindBeforePlaceRule.kindEnds, lexicon.unlistedNameHeadLastSet, JurisdictionResolver.quoteOpen,
                    lexicon.jurisdiction.historicalFirst, OrganRules.scopeFirsts] {
            set.forEachMember { every += [$0, 0x7684] }
        }
        let texts = [every, Self.scalars("國道3號、小行星2409與紅軍，民進黨十九大在市立「台北市警察局」派出所；Frito-Lay公司𠀀河，是港口城市"),
                     Self.scalars("工商及科技局暨第7艦隊，中國队在臺視頻道與新浪微博，台"),
                     Self.scalars("𠀀\u{FA5B}é"), []]
        for f in texts {
            let marks = lexicon.ruleMarks.marks(f)
            for (mark, isMember) in tests {
                #expect(Array(marks[mark]) == f.indices.filter { isMember(f[$0]) }, "\(mark)")
            }
        }
    }

    /// `RuleMarkTable.foldAndMark` (the fold, the name dots and the marks in one pass) answers as
    /// the three passes one after another: name dots between Han characters, at the text's ends,
    /// between digits and after a line's start, next to one another, astral characters, texts
    /// shorter than three characters, and the characters of every mark.
    @Test("rule marks: one pass for the fold, the name dots and the marks answers as three", arguments: [
        "研究員凱倫．克洛普表示，", "艾克﹒叶與格雷厄姆•艾利森", "•開頭的項目", "凱倫．", "．克洛普", "１．５億", "凱．．普",
        "凱．﹒•普．台", "國道3號、小行星2409與紅軍，民進黨十九大在市立「台北市警察局」派出所；Frito-Lay公司𠀀河，是港口城市",
        "工商及科技局暨第7艦隊，中國队在臺視頻道與新浪微博，台", "𠀀．𠀀", "𠀀\u{FA5B}é", "凱．", "．", "",
    ])
    func foldAndMark(_ text: String) throws {
        let lexicon = TagFixtures.lexicon
        let scalars = Array(text.unicodeScalars)
        let (folded, marks) = lexicon.ruleMarks.foldAndMark(scalars, fold: lexicon.fold)
        let expected = TaggingDocument.nameDots(scalars, lexicon.fold.fold(scalars))
        #expect(folded == expected, "\(text)")
        let plain = lexicon.ruleMarks.marks(expected)
        for mark in RuleMarks.Mark.allCases {
            #expect(Array(marks[mark]) == Array(plain[mark]), "\(text) \(mark)")
        }
    }

    /// `EnglishNameRule.holdsHead` (from the Latin marks) answers as a search of the whole text's
    /// word list, which the rule builds only when it is true: heads inside longer words, after a
    /// joining character, at the text's ends, full-width Latin (folded, not a head's String).
    @Test("English names: the head pre-test answers as the whole word list", arguments: [
        "Eastern Washington University（華盛頓東部大學）", "the university", "-University", "Foundation-", "X.Foundation",
        "中央社Bank", "Co. Ltd", "Centre", "沒有英文", "A&B Inc.", "ＡＢ Ｂａｎｋ", "Universitys", "UN", "",
    ])
    func englishHeads(_ text: String) {
        let doc = TaggingDocument(lexicon: TagFixtures.lexicon, text: Array(text.unicodeScalars), tokens: [])
        let f = doc.folded
        var words: [Range<Int>] = []
        var k = 0
        while k < f.count {
            guard EnglishNameRule.isWordCharacter(f[k]) else { k += 1; continue }
            let s = k
            while k < f.count && EnglishNameRule.isWordCharacter(f[k]) { k += 1 }
            words.append(s..<k)
        }
        #expect(EnglishNameRule.holdsHead(doc) == words.contains { EnglishNameRule.heads.contains(doc.string($0.lowerBound, $0.upperBound)) }, "\(text)")
    }

    /// `WordSet` asked at a span answers as `Set<String>` asked with the span's String, at every
    /// span of texts with compatibility ideographs (記\u{FA5B} is 記者), decomposed Latin and kana.
    @Test("word sets: a span's answer is the String set's",
          arguments: [["記者", "特派員", "中央社記者"], ["有所", "場所", "e\u{301}te", "été", "ガス", "カ\u{3099}ス"], ["", "島"], [],
                      // Words of six and seven characters (the packed table holds up to six) and with U+0000.
                      ["中央社記者特派", "中央社記者特派員", "a\u{0}b", "\u{0}", "社記"]])
    func wordSets(_ words: [String]) {
        let set = WordSet(words), strings = Set(words)
        for text in ["中央社記者特派員", "中央社記\u{FA5B}特派員", "有所場所", "l'été e\u{301}te", "ガスとカ\u{3099}ス", "島", "a\u{0}b\u{0}"] {
            let f = Self.scalars(text)
            for start in 0...f.count {
                for end in start...f.count {
                    let span = String(String.UnicodeScalarView(f[start..<end].map { Unicode.Scalar($0)! }))
                    #expect(set.contains(f, start, end) == strings.contains(span), "\(text) \(start)..<\(end)")
                }
            }
        }
    }

    /// `CueEdges`: every role filter's view of the document's one edge table answers, at every
    /// position (and one past each end), as the cues whose role passes the filter. Texts with
    /// cues of all three roles, cues that share an edge, and none.
    @Test("cue edges: each role filter's view answers as the cues that pass it", arguments: [
        "市長張善政說，記者葉臻報導（編輯：張三）", "總統府發言人林鶴明表示，行政院長說", "今天天氣很好", "",
    ])
    func cueEdges(_ text: String) throws {
        var doc = TaggingDocument(lexicon: Self.packageLexicon, text: Array(text.unicodeScalars), tokens: [])
        doc.matchDictionaries()
        let n = doc.folded.count
        let roles: [CueRole] = [.before, .after, .credit]
        for subset in 0..<8 {
            let passes = { (r: CueRole) in subset & (1 << roles.firstIndex(of: r)!) != 0 }
            let edges = CueEdges(doc, passes)
            let cues = doc.cues.filter { passes($0.hit.role) }
            for i in -1...(n + 1) {
                #expect(edges.starts(at: i) == cues.contains { $0.start == i }, "\(text) roles \(subset) start \(i)")
                #expect(edges.ends(at: i) == cues.contains { $0.end == i }, "\(text) roles \(subset) end \(i)")
            }
        }
        if text.hasPrefix("市長") { #expect(Set(doc.cues.map(\.hit.role)) == Set(roles)) }
    }

    /// `NameFinder.Edges`: the token that starts at each position, whether one runs across it and
    /// whether a span is exactly one token, as the token list says (tokens of one to five
    /// characters, an empty one, two starting at the same position: the later one counts).
    @Test("name edges: token ends and crossings answer as the tokens", arguments: [
        [(0, 2), (2, 3), (3, 6), (6, 11), (11, 12)], [(0, 1), (1, 1), (1, 4), (1, 3), (5, 12)], [],
    ])
    func nameEdges(_ spans: [(Int, Int)]) {
        let text = Array("中央社記者葉臻台北報導今天".unicodeScalars)
        let tokens = spans.map { TokenSpan(start: $0.0, end: $0.1, kind: .word) }
        let doc = TaggingDocument(lexicon: TagFixtures.lexicon, text: text, tokens: tokens)
        let edges = NameFinder.Edges(doc)
        for k in 0...text.count {
            let end = spans.last { $0.0 == k }?.1 ?? 0
            #expect(edges.tokenEnd(k) == end, "\(spans) token end at \(k)")
            #expect(edges.crosses(k) == spans.contains { $0.0 < k && k < $0.1 }, "\(spans) crosses \(k)")
            for e in k...text.count { #expect(edges.isToken(k, e) == (end == e), "\(spans) token \(k)..<\(e)") }
        }
        #expect(!edges.crosses(-1) && !edges.crosses(text.count + 1))
    }

    static let packageLexicon: Lexicon = try! Lexicon(directory: TagFixtures.packageDictionaries)
}
