import Foundation

/// Context that decides whether a run of transliteration characters (or a Japanese-looking name)
/// names a person or a place, body or thing, and where a transliterated name really starts and
/// ends. Transliterated places and products (杜蘭戈, 皮埃蒙特, 羅塞塔號) are written with the same
/// characters as people; what tells them apart is around them:
/// - `blockerAround`: a world place name of `name-blockers.tsv` that is the run, or overlaps it
///   and reaches past its edge (佛羅倫|薩, 得|克薩斯): the run is that place, never the part of
///   it that is left;
/// - `headAfter`: a head word right after the run makes it a modifier of a place, facility,
///   body, work or thing (布里斯托|港, 柯克伍德|天文台, 羅塞塔|號, 伊薩爾|門, 惠特蘭|獎,
///   奧斯曼|帝國, 比亞韋斯托克|的 is no head);
/// - `placeBefore`: a place mention or a verb of location right before the run (英格蘭|萊斯特,
///   美國|帕薩迪納, 位於|布列塔尼, 生於|尤里卡, 攻克|沙瓦納);
/// - `definedAsPlace`: the run opens a clause that defines it as a place (斯特勒謝尼是摩爾多瓦的
///   城鎮, 利恩茨是奧地利的城市);
/// - `regnalEnd`: a generation number after a name belongs to it (伊麗莎白二世, 卡洛曼二世);
/// - `extendLeft`: a name cut short at its first part, where that part uses characters that
///   transliteration rarely uses (大衛|·萊特曼, 昆|丁·布雷克): the part before a middle dot up
///   to a clear break, or one rare character before the run;
/// - `extendRight`: a name cut short before characters that transliteration uses and ICU leaves
///   alone (伊麗莎|白);
/// - `workTitle`: the run is the whole title of a work (《卡波特》).
/// All lists here are hand-written from the conventions of encyclopedic and news writing; none
/// comes from an answer key.
enum TranslitContext {
    static func words(_ list: [String]) -> [[UInt32]] { list.map { $0.unicodeScalars.map(\.value) } }

    /// Heads after a run that make it part of a place, facility, body, work or thing name.
    static let heads: [[UInt32]] = words([
        "天文台", "天文臺", "中學", "高中", "小學", "大學", "學院", "學校", "公園", "機場", "鐵路", "車站", "港口",
        "王國", "帝國", "公國", "侯國", "王朝", "條約", "莊園", "環礁", "冰川", "冰河", "山脈", "群島", "半島",
        "海峽", "海灣", "地區", "大區", "古城", "城堡", "神廟", "神話", "一家", "影業", "公司", "集團", "球隊",
        "樂團", "俱樂部", "運動場", "體育場", "球場", "河谷", "盆地", "平原", "沙漠", "森林", "氏症", "病毒",
        "位於", "坐落", "境內", "以北", "以南", "以東", "以西", "附近", "郊區", "市區", "一帶", "沿岸", "河畔",
        "流域", "注入", "宮", "港", "街", "區", "門", "河", "江", "湖", "山", "島", "灣", "峰", "州", "省", "郡",
        "市", "鎮", "村", "鄉", "縣", "邦", "城", "堡", "線", "橋", "谷", "礁", "洲", "語", "族",
        "裔", "教", "派", "症", "階", "院", "廳", "寺", "館", "廠", "站", "號", "隊", "節", "級", "型", "體",
        "酒", "車", "艦", "機", "路", "鐘", "牌", "藩", "陵", "等城市", "等地", "等國", "等州", "等城鎮",
    ])
    /// Words that start with a head character but follow people (站在, 號稱, 門口, 路過 …).
    static let notHeads: [[UInt32]] = words([
        "站在", "站著", "站起", "站上", "號稱", "號召", "門下", "門生", "山上", "路過", "路上", "節目", "級的",
        "體內", "體重", "機會", "院長", "館長", "廳長", "市長", "縣長", "州長", "省長", "鎮長", "村長", "鄉長",
        "區長", "隊長", "教授", "教練", "教宗", "教皇", "派遣", "派出", "車上", "式的", "型的", "線上", "江湖",
    ])
    /// Verbs and words of location right before a run: what follows them is a place.
    static let locationBefore: [[UInt32]] = words([
        "位於", "生於", "出生於", "出生在", "前往", "抵達", "來自", "注入", "攻克", "攻陷", "佔領", "占領", "遷往",
        "移居", "定居", "鄰近", "靠近", "距離", "流經", "途經", "發源自", "發源於", "首府", "首都", "省會", "葬於",
        "安葬於", "位在", "搬到", "遷至", "遷居", "駐紮", "登陸", "效力於",
    ])
    /// What a defining clause (X是…的城鎮) calls a place or a thing.
    static let placeClasses: [[UInt32]] = words([
        "城市", "城鎮", "市鎮", "小鎮", "村莊", "村落", "首都", "首府", "港口", "河流", "支流", "湖泊", "山峰",
        "島嶼", "國家", "地區", "天文台", "衛星", "行星", "小行星", "球隊", "俱樂部", "公司", "品牌", "王國",
        "帝國", "城堡", "火山", "山脈", "海灣", "半島", "社區", "區", "縣", "州", "省", "郡", "鎮", "村", "鄉",
        "市", "島", "河", "湖", "山", "港",
    ])
    static let numerals = ScalarSet("一二三四五六七八九十")
    /// Characters transliteration uses that mostly start ordinary words or join clauses (小組,
    /// 大學, 老師; 則, 而).
    static let notNameEnd = ScalarSet("小大老則而")
    /// Last characters that make a Japanese-looking name a place or building (東山村, 上林寺).
    static let japaneseNonNameEnds = ScalarSet("村寺殿陵藩城町縣島宮社廟園院館")
    static let clauseEnd = ScalarSet("，。；：！？,.;:!?（）()「」『』《》")

    @inline(__always) static func has(_ f: [UInt32], _ at: Int, _ w: [UInt32]) -> Bool {
        PlacePrefixRules.has(f, at, w)
    }

    /// `heads` and `notHeads` by first character, `locationBefore` and `placeClasses` by last:
    /// a test compares only the few words whose key stands there (comparing the whole lists,
    /// two hundred words, made `blocks` ~12,000 instructions a run).
    static let headFirst = ScalarSet(heads.map { $0[0] })
    static let headsByFirst = KeyedWords.byFirst(heads)
    static let notHeadsByFirst = KeyedWords.byFirst(notHeads)
    static let locationByLast = KeyedWords.byLast(locationBefore)
    static let placeClassesByLast = KeyedWords.byLast(placeClasses)

    /// A head word right after `end` (`heads`, not one of `notHeads`).
    static func headAfter(_ f: [UInt32], _ end: Int) -> Bool {
        guard end < f.count, FoldTable.isHan(f[end]), headFirst.contains(f[end]) else { return false }
        if notHeadsByFirst.words(keyed: f[end]).contains(where: { has(f, end, $0) }) { return false }
        return headsByFirst.words(keyed: f[end]).contains { has(f, end, $0) }
    }

    /// Prepositions of place that, with a clause end right after the run, make it a place
    /// (在杜蘭戈。, 到維迪斯，).
    static let toPlace = ScalarSet("在到往至")

    /// A place mention ending right at `start` (no title between), a verb of location, or a
    /// preposition of place before a run that ends its clause (`end`).
    static func placeBefore(_ doc: TaggingDocument, _ start: Int, _ end: Int, _ cueBefore: CueEdges) -> Bool {
        guard start > 0, !cueBefore.ends(at: start) else { return false }
        let f = doc.folded
        if toPlace.contains(f[start - 1]), end < f.count, clauseEnd.contains(f[end]) || f[end] == 0x3001 { return true }
        let o = doc.owner[start - 1]
        if o >= 0, doc.mentions[Int(o)].type == .place, doc.mentions[Int(o)].end == start { return true }
        return locationByLast.words(keyed: f[start - 1]).contains { w in start >= w.count && has(f, start - w.count, w) }
    }

    /// The run `start..<end` opens a clause (after a break) that says it is a place or thing:
    /// `是` (after an optional parenthesis), then the clause ends on a `placeClasses` word.
    static func definedAsPlace(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        let n = f.count
        guard start == 0 || clauseEnd.contains(f[start - 1]) else { return false }
        var j = end
        if j < n && (f[j] == 0xFF08 || f[j] == 0x28) {
            let limit = min(n, j + 60)
            while j < limit && f[j] != 0xFF09 && f[j] != 0x29 { j += 1 }
            guard j < limit else { return false }
            j += 1
        }
        guard j < n, f[j] == 0x662F else { return false }  // 是
        var k = j + 1
        while k < n && k - j < 30 && !clauseEnd.contains(f[k]) { k += 1 }
        guard k - j < 30 else { return false }
        return placeClassesByLast.words(keyed: f[k - 1]).contains { w in k - w.count > j && has(f, k - w.count, w) }
    }

    /// A name of `name-blockers.tsv` that is `s..<e`, or overlaps it by two characters or more and
    /// reaches past one of its edges.
    static func blockerAround(_ model: NameModel, _ f: [UInt32], _ s: Int, _ e: Int) -> Bool {
        let n = f.count
        for a in max(0, s - 2)...s {
            for b in e...min(n, e + 3) where b - a >= 2 && b - a <= 8 {
                if model.isBlocker(f, a, b) { return true }
            }
        }
        return false
    }

    /// The rule name of a run that `blocks` turned down: no other name may overlap it.
    static let blockedRule = "name-model-blocked"

    /// Whether the context makes the run `start..<end` a place, body or thing, not a person.
    /// A place right before does not count when a title or verb follows (英國哈利|王子).
    static func blocks(_ doc: TaggingDocument, _ model: NameModel, _ start: Int, _ end: Int, _ cueBefore: CueEdges,
                       _ cueAfter: CueEdges) -> Bool {
        let f = doc.folded
        return blockerAround(model, f, start, end) || headAfter(f, end)
            || (placeBefore(doc, start, end, cueBefore) && !cueAfter.starts(at: end)) || definedAsPlace(f, start, end)
            || workTitle(f, start, end)
    }

    /// The run is the whole title of a work (《卡波特》).
    static func workTitle(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        start > 0 && end < f.count && (f[start - 1] == 0x300A && f[end] == 0x300B || f[start - 1] == 0x3008 && f[end] == 0x3009)
    }

    /// Where a transliterated name cut short at `end` really ends: up to two more characters that
    /// transliteration uses clearly more than ordinary text does (log ratio 0.25 or more), each a
    /// one-character ICU word and no function word, cue or head (德爾加|多將, 馬克安|諾; not
    /// 梅克爾|多次, 埃弗里|則).
    static func extendRight(_ doc: TaggingDocument, _ model: NameModel, _ edges: NameFinder.Edges, _ end: Int,
                            _ cueAfter: CueEdges) -> Int {
        let f = doc.folded
        var e = end
        while e < f.count && e - end < 2 {
            let c = f[e]
            guard doc.owner[e] < 0, FoldTable.isHan(c), (model.translitScore(c) ?? -1) >= 0.25, !notNameEnd.contains(c),
                  edges.isToken(e, e + 1),
                  !edges.crosses(e), !NameFinder.notGiven.contains(c), !NameFinder.translitStop.contains(c),
                  !NameFinder.groupHeads.contains(c), !cueAfter.starts(at: e), !headAfter(f, e), !numerals.contains(c) else { break }
            e += 1
        }
        // One more character that transliteration uses about as much as text (log ratio 0 to
        // 0.25: 多 of 里瓦尔多, 莱奥纳多) ends the name only when it is a one-character ICU word
        // and a clear break follows: punctuation, a function word, a verb (里瓦尔多的传球,
        // 埃德蒙多、; not 梅克爾|多次, 罗纳尔|多年).
        if e == end, e < f.count, doc.owner[e] < 0, let r = model.translitScore(f[e]), r >= 0, r < 0.25,
           edges.isToken(e, e + 1), !edges.crosses(e), !notNameEnd.contains(f[e]), !NameFinder.notGiven.contains(f[e]),
           !NameFinder.translitStop.contains(f[e]), !NameFinder.groupHeads.contains(f[e]), !cueAfter.starts(at: e),
           !headAfter(f, e), !numerals.contains(f[e]) {
            if e + 1 == f.count || NameFinder.isPunct(f[e + 1]) || NameFinder.translitStop.contains(f[e + 1])
                || cueAfter.starts(at: e + 1) { e += 1 }
        }
        return e
    }

    /// The end of a name at `end` with a generation number after it (伊麗莎白二世): the end past
    /// `[一…十]{1,2}世`, or `end`.
    /// One character transliteration uses may stand between (伊麗莎|白二世).
    static func regnalEnd(_ doc: TaggingDocument, _ model: NameModel, _ end: Int) -> Int {
        let f = doc.folded
        var k = end
        if k + 2 < f.count, doc.owner[k] < 0, FoldTable.isHan(f[k]), model.translitScore(f[k]) != nil, numerals.contains(f[k + 1]) {
            k += 1
        }
        let from = k
        while k < f.count && k - from < 2 && numerals.contains(f[k]) && doc.owner[k] < 0 { k += 1 }
        guard k > from, k < f.count, f[k] == 0x4E16, doc.owner[k] < 0 else { return end }  // 世
        return k + 1
    }

    /// A character that cannot be inside a name and so marks where one starts.
    static func isBreak(_ doc: TaggingDocument, _ k: Int, _ cueBefore: CueEdges) -> Bool {
        guard k >= 0 else { return true }
        let c = doc.folded[k]
        return !FoldTable.isHan(c) || doc.owner[k] >= 0 || NameFinder.notGiven.contains(c)
            || NameFinder.translitStop.contains(c) || cueBefore.ends(at: k + 1)
    }

    /// A character rare in ordinary text (less than about one in 22,000) or used by transliteration
    /// at least as much as by text.
    static func rareOrTranslit(_ model: NameModel, _ c: UInt32) -> Bool {
        if let t = model.translitScore(c), t >= 0 { return true }
        // A character the name tables do not know is no name character: not taken.
        return (model.givenScores(c)?.text ?? 0) < -10
    }

    /// Where the transliterated name found at `start` really starts: before a middle dot, the
    /// first part back to a clear break (up to four characters: 大衛·萊特曼); else one character
    /// that is rare in text or a transliteration character, right after a clear break (菲|利普斯,
    /// 昆|丁·布雷克).
    static func extendLeft(_ doc: TaggingDocument, _ model: NameModel, _ start: Int, _ cueBefore: CueEdges) -> Int {
        let f = doc.folded
        guard start > 0, !cueBefore.ends(at: start) else { return start }
        if f[start - 1] == 0xB7, start >= 2, doc.owner[start - 1] < 0 {
            // Parts of up to four characters, joined by dots (佛羅倫斯·漢娜·|狄拉克).
            var s = start - 1, part = 0
            while s > 0 && start - s < 12 {
                if f[s - 1] == 0xB7 && part > 0 && s >= 2 && doc.owner[s - 1] < 0 && !isBreak(doc, s - 2, cueBefore) {
                    s -= 1; part = 0; continue
                }
                guard part < 4, !isBreak(doc, s - 1, cueBefore), !NameFinder.groupHeads.contains(f[s - 1]) else { break }
                s -= 1; part += 1
            }
            if s < start - 1 && f[s] != 0xB7 && isBreak(doc, s - 1, cueBefore) { return s }
            return start
        }
        let c = f[start - 1]
        guard !isBreak(doc, start - 1, cueBefore), !NameFinder.groupHeads.contains(c), rareOrTranslit(model, c),
              isBreak(doc, start - 2, cueBefore) else { return start }
        return start - 1
    }
}
