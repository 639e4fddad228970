/// `rule:place-translit`: a foreign division or natural feature that no list holds, written as a
/// transliteration and its head: 阿爾高州, 馬托格羅索省, 巴登符騰堡邦, 帕克縣, 結雅河, 拉多加湖,
/// 尼庫瑙島, 帕洛馬山. The name is the run of free characters right before the head that
/// transliteration uses far more than ordinary text (the name model's `name-translit` table, with
/// its function-word guards); the head must end at an ICU word edge (河流, 島嶼 are words, not
/// heads), and a title after it (州長, 省長) leaves the run to the person rules. A listed place
/// before the run stays its own place (美國|蒙大拿州). It runs after the cue-based person rules,
/// so a name of a credit line (（編輯：李亨山）) is a person first, and before the name model,
/// which would take 杜蘭戈 in 杜蘭戈州 for a person.
///
/// `rule:place-shape` (eleventh session): a transliterated place that no list holds and no head
/// word follows, known by its last characters, the endings of places in transliteration: …尼亞
/// …維亞 …利亞 …西亞 …比亞 …米亞 …提亞 (羅德西亞, 賓夕法尼亞, 帕維亞, 波希米亞), …蘭 and …堡 of
/// three characters or more (萊茵蘭, 紐芬蘭, 哈里斯堡). The name model took many for persons
/// (蘇萊曼|尼亞, 波希米亞). People end so too (莎士比亞, 阿納斯塔西亞, 卡普蘭, 諾蘭), so the
/// name must stand where a place stands: after 在 於 到 從 入, a verb of place (位於, 攻克,
/// 收復, 首府) or a place (美國|維吉尼亞, 英格蘭、|蘇格蘭), or before a part or area (北部,
/// 一帶, 境內, 等地) or 、 and a place. The characters before the ending must be transliteration
/// characters (one rarely used one inside, 賓夕|法尼亞); the name ends at an ICU word edge and
/// before a character that is no transliteration character (利亞|姆 is a given name going on),
/// nor a word that makes it part of another name or a religion (伊斯蘭|教, 惠特蘭|獎,
/// 瑪利亞|廣場, 龐家堡|站); a middle dot before it (鮑勃·迪蘭) or a listed person's name
/// (name-known) makes it a person's. A listed place that is only the ending (西亞 of
/// 贊比西亞) gives way.
enum ForeignPlaceRule {
    /// Longest first: 群島 before 島.
    static let heads: [[UInt32]] = ["群島", "半島", "山脈", "州", "省", "邦", "郡", "縣", "市", "區", "島", "河", "湖", "山", "灣"]
        .map { Array($0.unicodeScalars.map(\.value)) }
    static let headStarts = ScalarSet(heads.map { $0[0] })
    /// Heads of facilities and landforms that a transliterated name takes (fourteenth session):
    /// 賈斯珀國家公園, 謝列梅捷沃國際機場, 扎維耶運動場, 巴亞莫兵營, 科雷馬低地, 薩維奧洛夫站,
    /// 克里斯多弗街, 巴納德星系. The name model took the run for a person (賈斯珀, 巴納德), and
    /// `place-head` reads no name of five characters or more, nor one without a clear left edge. Longest
    /// first within a first character (國家公園 before 國際機場 is no clash; 火車站, 車站, 站). Unlike
    /// `heads`, their first characters do not end a run (博 of 博茨瓦納, 高 of 阿爾高).
    static let facilityHeads: [[UInt32]] = [
        "國家公園", "國際機場", "機場", "公園", "廣場", "莊園", "兵營", "星系", "低地", "高地", "高原", "平原", "盆地", "沙漠", "峽谷",
        "運河", "大教堂", "大街", "大道", "火車站", "車站", "站", "城堡", "城", "港", "街", "路", "運動場", "體育場", "球場",
    ].map { Array($0.unicodeScalars.map(\.value)) }
    /// `heads` and `facilityHeads` by first character, in list order: only those are compared at a position.
    static let headsByFirst = KeyedWords.byFirst(heads + facilityHeads)
    /// Characters after a head that make it the start of a title or another word (州長, 市民, 省份).
    static let notAfterHead = ScalarSet("長民份內外界際府議隊節")
    /// The run: 2 to 8 characters whose mean transliteration score reaches `minimumMean`.
    static let runLengths = 2...8
    static let minimumMean: Float = 1.5
    /// Verbs and prepositions that end the name on its left though the function-word sets do not
    /// hold them (由|梅塔省, 傍|伊利湖, 攻|錦州).
    static let looseStop = ScalarSet("由令任傍府攻地把使往經過自至入出進回住居生位處同當有無即前後間近旁邊聽分抵給反于兩一二三四五六七八九十百千萬幾各每全諸國訪")

    /// Place endings of transliterated names, with the fewest characters a name has before them.
    static let shapeEnds: [(ending: [UInt32], stem: Int)] = [
        ("尼亞", 1), ("維亞", 1), ("利亞", 2), ("西亞", 1), ("比亞", 1), ("米亞", 1), ("提亞", 2), ("蘭", 2), ("堡", 2),
    ].map { (Array($0.0.unicodeScalars.map(\.value)), $0.1) }
    /// The endings' last characters: they are marked with the heads' first ones (`RuleMarks.foreignHead`).
    static let shapeLast = ScalarSet("亞蘭堡")
    static let markChars = ScalarSet((heads + facilityHeads).map { $0[0] } + "亞蘭堡".unicodeScalars.map(\.value))
    static let middleDot: UInt32 = 0xB7
    /// Characters right before a name that make it a place: 在 於 到 往 至 自 從 經 赴 入 (侵入), 抵.
    static let placeBeforeChars = ScalarSet("在於到往至自從經赴入抵")
    /// Words right before a name that make it a place, beyond `TranslitContext.locationBefore`.
    static let placeBeforeWords: [[UInt32]] = TranslitContext.words(["收復", "進攻", "攻打", "途經", "返回", "回到", "離開", "飛往", "逃往", "撤出", "撤離", "進軍", "入侵", "訪問"])
    /// Words right after a name that make it a place.
    static let placeAfterWords: [[UInt32]] = TranslitContext.words(["北部", "南部", "東部", "西部", "中部", "地區", "一帶", "境內", "以北", "以南", "以東", "以西", "附近", "郊區", "沿岸", "首府", "等地", "等國"])
    /// Words right after a name that make it part of another name or no place (伊斯蘭教, 惠特蘭獎).
    static let notPlaceAfter: [[UInt32]] = TranslitContext.words(["教", "獎", "宮", "廣場", "公園", "街", "路", "站", "號", "隊", "家族", "王朝", "主義", "酒", "牌", "式", "大道", "大門", "門", "語", "文"])
    /// Heads of a longer place name (龐家堡|鎮, 維吉尼亞|州): that name is the place.
    static let headAfter = ScalarSet("州省邦郡縣市區鎮村鄉島河湖山灣城")
    /// Names of the shape that are no places: the religion (伊斯蘭世界, 在伊斯蘭國家).
    static let notPlaceNames: [[UInt32]] = TranslitContext.words(["伊斯蘭"])
    /// Characters after a name that make 在 before it no evidence (在莎士比亞的劇作中, 在卡普蘭家).
    static let personAfterChars = ScalarSet("的家")
    /// Characters before 於 that make it a comparison or a topic, not a place (優於, 高於, 關於, 由於, 對於, 等於, 基於).
    static let notLocativeBeforeYu = ScalarSet("優高低大小多少等對由關基鑒善屬勝強弱過忠")
    /// Words that join places in a list.
    static let listJoin = ScalarSet("、和與及")

    static func apply(_ doc: inout TaggingDocument) {
        headed(&doc)
        shapes(&doc)
    }

    /// `rule:place-translit`: names before a head.
    static func headed(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let model = doc.lexicon.names
        // At each head's first character (`RuleMarks`); a name found is skipped, and the character after it.
        var next = 2
        for e in doc.marks[.foreignHead] where e >= next {
            guard doc.owner[e] < 0, doc.owner[e - 1] < 0,
                  let h = headsByFirst.words(keyed: f[e]).first(where: { PlacePrefixRules.has(f, e, $0) }), doc.isFree(e, e + h.count) else { continue }
            let end = e + h.count
            if end < f.count && notAfterHead.contains(f[end]) || PersonRules.splitsToken(doc, at: end) { continue }
            if doc.cues.contains(where: { $0.start == end && $0.hit.role == .before }) { continue }
            guard var s = runStart(doc, model, before: e), !wordCrosses(doc, model, e, from: s) || placeWordCrosses(doc, model, e, h, from: s) else { continue }
            if !headStarts.contains(h[0]) {
                guard let t = facilityRunStart(doc, model, s, e, h) else { continue }
                s = t
            }
            // 烏托邦 is a word, not a state of a federation.
            if f[e] == 0x90A6 /* 邦 */ && (PersonRules.isSingleWord(doc, s, end) || PersonRules.isSingleWord(doc, e - 2, end)) { continue }
            doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-translit", canonical: doc.string(s, end)))
            next = end + 1
        }
    }

    /// `rule:place-shape`: names by their endings, at each ending's last character.
    static func shapes(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let model = doc.lexicon.names
        for last in doc.marks[.foreignHead] where shapeLast.contains(f[last]) {
            let end = last + 1
            // A listed place that is a two-character ending, or nothing, holds the ending.
            let listed = listedEnding(doc, at: last)
            guard doc.owner[last] < 0 || listed != nil else { continue }
            if end < f.count && (NameFinder.translitChar(model, f[end]) != nil || f[end] == middleDot || shapeLast.contains(f[end])) { continue }
            if PersonRules.splitsToken(doc, at: end) { continue }
            for (ending, stem) in shapeEnds where ending.count <= end && PlacePrefixRules.has(f, end - ending.count, ending) {
                let e = end - ending.count
                if let listed, listed.start != e { break }
                guard e > 0, listed != nil || doc.isFree(e, end),
                      let s = shapeStart(doc, model, before: e, stem: stem) else { break }
                // 鮑勃·迪蘭 is a person; 斯堪的|納維亞 a name cut at its 的.
                if s > 0 && f[s - 1] == middleDot || s > 1 && f[s - 1] == 0x7684 /* 的 */ && doc.owner[s - 2] < 0 && FoldTable.isHan(f[s - 2]) { break }
                if doc.lexicon.knownNames.longest(f, doc.owner, at: s, model: model, ends: { $0 == end }) != nil { break }
                if notPlaceNames.contains(where: { $0.count == end - s && PlacePrefixRules.has(f, s, $0) })
                    || notPlaceAfter.contains(where: { PlacePrefixRules.has(f, end, $0) }) || end < f.count && headAfter.contains(f[end])
                    || !placeContext(doc, s, end) { break }
                if listed != nil { doc.clear(e, end) }
                doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-shape", canonical: doc.string(s, end)))
                break
            }
        }
    }

    /// True when the name at `s..<end` stands where a place stands (see `placeBeforeChars`,
    /// `placeBeforeWords`, `placeAfterWords`, a place before it or 、 and a place on either side).
    static func placeContext(_ doc: TaggingDocument, _ s: Int, _ end: Int) -> Bool {
        let f = doc.folded
        func isPlace(_ k: Int) -> Bool { k >= 0 && k < f.count && doc.owner[k] >= 0 && doc.mentions[Int(doc.owner[k])].type == .place }
        func endsAt(_ w: [UInt32]) -> Bool { s >= w.count && PlacePrefixRules.has(f, s - w.count, w) }
        // 在 before a name and 的 or 家 after it are as often a person's (在莎士比亞的劇作中).
        let personAfter = end < f.count && personAfterChars.contains(f[end])
        // 於 of a comparison or a topic (優於, 高於, 關於, 由於) says nothing of a place.
        let notLocative = s > 1 && f[s - 1] == 0x65BC /* 於 */ && notLocativeBeforeYu.contains(f[s - 2])
        if s > 0 && (isPlace(s - 1) || placeBeforeChars.contains(f[s - 1]) && !personAfter && !notLocative
            || listJoin.contains(f[s - 1]) && isPlace(s - 2)) { return true }
        if placeBeforeWords.contains(where: endsAt) || TranslitContext.locationBefore.contains(where: endsAt) { return true }
        if end < f.count && (listJoin.contains(f[end]) && isPlace(end + 1) || placeAfterWords.contains { PlacePrefixRules.has(f, end, $0) }) { return true }
        return false
    }

    /// The span of the listed place that ends at `last` when it is one of the two-character
    /// endings (西亞 of 贊比西亞), else nil.
    static func listedEnding(_ doc: TaggingDocument, at last: Int) -> (start: Int, end: Int)? {
        let o = doc.owner[last]
        guard o >= 0 else { return nil }
        let m = doc.mentions[Int(o)]
        guard m.type == .place, m.rule == nil, m.end == last + 1, m.end - m.start == 2,
              shapeEnds.contains(where: { $0.ending.count == 2 && PlacePrefixRules.has(doc.folded, m.start, $0.ending) }) else { return nil }
        return (m.start, m.end)
    }

    /// The start of a name before the ending at `e`: free transliteration characters going left
    /// (at most one rarely used one, never the first), `stem` or more of them and at most eight,
    /// to the same clear edges as `runStart`; their mean score must reach `minimumMean`.
    static func shapeStart(_ doc: TaggingDocument, _ model: NameModel, before e: Int, stem: Int) -> Int? {
        let f = doc.folded
        var s = e, sum: Float = 0, loose = 0
        while s > 0 {
            let c = f[s - 1]
            if doc.owner[s - 1] >= 0 || !FoldTable.isHan(c) || NameFinder.notGiven.contains(c) || NameFinder.translitStop.contains(c)
                || headStarts.contains(c) || looseStop.contains(c) { break }
            if let r = NameFinder.translitChar(model, c) {
                sum += r
            } else {
                if ordinaryWordEnds(doc, model, at: s) || loose == 1 { break }
                loose += 1
            }
            s -= 1
            if e - s > runLengths.upperBound { return nil }
        }
        // A rarely used character may stand inside the name, not at its start (華|倫西亞).
        if s < e && NameFinder.translitChar(model, f[s]) == nil { return nil }
        let n = e - s
        guard n >= stem, sum / Float(n) >= minimumMean, !PersonRules.splitsToken(doc, at: s) else { return nil }
        return s
    }

    /// The start of the name before the head at `e`, or nil: free Han characters going left, at
    /// most two of them ones transliteration rarely uses (圖|盧茲市, 北|博滕區, 得|克薩斯州), up
    /// to a clear edge: the text's start, a character that is no Han, another mention (美國|蒙大拿州),
    /// a function character (的 在 於 和) or an ICU word of ordinary characters (流經|庫伊瓦河).
    /// The run's characters must score `minimumMean` on average (the loose ones count 0).
    static func runStart(_ doc: TaggingDocument, _ model: NameModel, before e: Int) -> Int? {
        let f = doc.folded
        var s = e, sum: Float = 0, loose = 0
        while true {
            if s == 0 || doc.owner[s - 1] >= 0 || !FoldTable.isHan(f[s - 1]) || NameFinder.notGiven.contains(f[s - 1])
                || NameFinder.translitStop.contains(f[s - 1]) || headStarts.contains(f[s - 1]) { break }
            if let r = NameFinder.translitChar(model, f[s - 1]) {
                sum += r
            } else {
                if looseStop.contains(f[s - 1]) || ordinaryWordEnds(doc, model, at: s) { break }
                loose += 1
            }
            s -= 1
            if e - s > runLengths.upperBound || loose > 2 { return nil }
        }
        let n = e - s
        guard runLengths.contains(n), loose * 3 <= n, sum / Float(n) >= minimumMean, !PersonRules.splitsToken(doc, at: s) else { return nil }
        return s
    }

    /// True when an ICU word of two or more characters, one of them no transliteration character,
    /// ends at `at` (流經 before 庫伊瓦河).
    static func ordinaryWordEnds(_ doc: TaggingDocument, _ model: NameModel, at: Int) -> Bool {
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end < at { lo = mid + 1 } else { hi = mid } }
        guard lo < tokens.count, tokens[lo].end == at, at - tokens[lo].start >= 2 else { return false }
        return (tokens[lo].start..<at).contains { NameFinder.translitChar(model, doc.folded[$0]) == nil }
    }

    /// Common nouns written in transliteration that stand before a facility head (高爾夫球場, 雷達站,
    /// 馬拉松式思路, 咖啡館): no names.
    static let translitNouns: [[UInt32]] = TranslitContext.words(["高爾夫", "雷達", "馬拉松", "咖啡", "沙龍", "巴士", "坦克", "吉普", "摩托", "迪斯可", "卡拉"])
    /// Opening and closing marks of a title: a name and a head inside them is a work's (「曼斯菲爾德莊園」).
    static let titleOpen = ScalarSet("「《〈『"), titleClose = ScalarSet("」》〉』")
    static let sai: UInt32 = 0x8CFD // 賽

    /// The start of a transliterated name before a facility head (`facilityHeads`), from the run
    /// `runStart` found, or nil: two rarely used characters or more at the run's start are left out
    /// (駛離|洛克菲勒廣場; one may start a name: 伏努科沃), two transliteration characters or more remain; the head starts an ICU word (高爾夫球|場,
    /// 思|路 are other words); the run is no generic name of `place-heads.tsv` (森林|公園) and ends in
    /// no transliterated common noun (高爾夫, 雷達); no 賽 stands in or before it (鑽石聯賽羅馬站,
    /// 巡迴賽格拉斯哥站: a leg of a tour); a common surname and one character before a one-character
    /// head is a person's name (鄧洪城); a name and head in title marks is a work's.
    static func facilityRunStart(_ doc: TaggingDocument, _ model: NameModel, _ start: Int, _ e: Int, _ h: [UInt32]) -> Int? {
        let f = doc.folded
        var s = start
        while s < e && NameFinder.translitChar(model, f[s]) == nil { s += 1 }
        // One such character may start a name (伏|努科沃國際機場); two are a word before it.
        if s - start < 2 { s = start }
        guard e - s >= 2, !PersonRules.splitsToken(doc, at: e), !PersonRules.splitsToken(doc, at: s) else { return nil }
        if doc.lexicon.placeHeads.generic.contains(doc.folded, s, e) { return nil }
        if translitNouns.contains(where: { $0.count <= e - s && PlacePrefixRules.has(f, e - $0.count, $0) }) { return nil }
        if (max(0, s - 1)..<e).contains(where: { f[$0] == sai }) { return nil }
        if h.count == 1, e - s == 2, let share = doc.lexicon.names.surname(f, s, 1), share >= PlaceHeadRule.surnameFloor { return nil }
        let end = e + h.count
        if s > 0, end < f.count, titleOpen.contains(f[s - 1]), titleClose.contains(f[end]) { return nil }
        return s
    }

    /// Administrative heads that ICU joins to the character before them into a word of its own
    /// (高州 in 阿爾高州, 南縣 in 博恩南縣: PRC place names ICU knows).
    static let adminHeads = ScalarSet("州省縣區市郡")
    /// First characters of common words with an administrative head (股市, 城市, 全省, 該縣, 地區,
    /// 山區, 神州, 知縣 …): such a word is no place's end.
    static let notBeforeAdminHead = ScalarSet("股城都超門夜上下黑開樓車菜街早全本該各外地社山災郊轄園景校戰選教特專牧林市神郡州知行反節自內省縣區老新舊大小分")

    /// True when the word that crosses the head's start (fourteenth session) is the run's last
    /// character and an administrative head (阿爾|高州, 博恩|南縣), the run before it holds two
    /// or more transliteration characters and that character makes no common word with the head
    /// (股市, 城市, 全省: `notBeforeAdminHead`).
    static func placeWordCrosses(_ doc: TaggingDocument, _ model: NameModel, _ e: Int, _ head: [UInt32], from s: Int) -> Bool {
        guard head.count == 1, adminHeads.contains(head[0]), e - 1 - s >= 2, !notBeforeAdminHead.contains(doc.folded[e - 1]),
              let w = PlaceHeadRule.wordCovering(doc, e), w == e - 1, doc.wordEnd(startingAt: w) == e + 1 else { return false }
        return (s..<(e - 1)).allSatisfy { NameFinder.translitChar(model, doc.folded[$0]) != nil }
    }

    /// True when an ICU word crosses the head's start and holds a character of the run that is
    /// no transliteration character (納斯達克|股市: 股市 is the word).
    static func wordCrosses(_ doc: TaggingDocument, _ model: NameModel, _ e: Int, from s: Int) -> Bool {
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= e { lo = mid + 1 } else { hi = mid } }
        guard lo < tokens.count, tokens[lo].start < e else { return false }
        return (max(s, tokens[lo].start)..<e).contains { NameFinder.translitChar(model, doc.folded[$0]) == nil }
    }
}
