/// `rule:place-head`: a Chinese place that no list holds, named by its head word: a town or
/// village (上塘鎮, 東勝鄉, 茄南村, 青梅街道), a natural feature (太行山, 楠溪江, 高郵湖, 蝴蝶灣,
/// 明石海峽) or a facility (靜安寺, 南寧站, 北角碼頭, 山頂廣場, 小浪底水庫, 小河兒遺址), or a
/// street (育才街, 愚園路). Unlike a transliteration (`place-translit`), such a name is made of
/// ordinary characters, so the rule trusts only a clear left edge:
/// - right after another place (大新縣|下雷鎮, 江孜縣車仁鄉|加堆村: an address chain, split as
///   the project splits chains), where a one-character name is enough (三元鎮|魯村);
/// - the start of the text or of a sentence, an enumeration comma or an opening quote or bracket
///   (三江社區、三江村、茄南村);
/// - a locative or coordinating word that ends right there (位於 在 到 至 從 經 往 距離 流經 途經
///   前往 來到 和 與 及 包括 名為 是);
/// - any other ICU word of two characters or more, or 的 (擴建|北角站, 延安的|南泥灣), when the
///   name before the head is a run of characters ICU did not know, one ICU word with its head, or
///   one ICU word after 的 (`nameShaped`): a phrase (登抹茶山) or a verb and its object (降低水庫)
///   is no name.
/// Not after a plain comma (，高速公路: mostly phrases). The name is 2–4 free Han
/// characters starting at an ICU word edge, with no function, determiner or classifier character
/// (這座山, 每個村, 許多球場), and is not a generic modifier (國際, 高速, 森林, 農, 漁 …: 森林公園,
/// 農村, 漁村 are no names); the head ends at an ICU word edge (村民, 山區, 路線 are words), starts
/// one unless the word is the whole name (寬頻|網路, 疫情|高峰 are no places; 魯村 is one), and
/// is not followed by another head (慶賀寺|鄉 is the township 慶賀寺鄉, found at 鄉); a `closed-head`
/// (鐵路) only before punctuation, a function word or a position (大同鐵路|法院 is a court), and
/// only after a name shaped like one (`nameShaped`: 實施|鐵路 is a verb and its object).
/// It runs after `place-translit` and before the name model, which would take 蔡塘 for a person.
enum PlaceHeadRule {
    // The word lists (heads, stop characters, generic names, words around a head, left words) are
    // `Dictionaries/place-heads.tsv`, built once with the lexicon (`PlaceHeads`).
    /// A surname at least this common (log share among Taiwan's election names, `name-surnames.tsv`:
    /// 夏 −7.1, 譚 −8.0) makes such a three-character candidate a name, not a place.
    static let surnameFloor: Float = -8.5
    /// Characters after which a name may start: sentence ends, the enumeration comma, opening
    /// quotes and brackets.
    static let leftMarks = ScalarSet("。！？；、「『“（(\n")
    static let nameLengths = 1...4

    static func apply(_ doc: inout TaggingDocument) {
        // Transit lines first: 東鐵綫, 沙崙線列車 hold no head this rule should read on its own.
        TransitLineRule.apply(&doc)
        // A place, a short name and a facility head (北京|東方廣場), before the loop reads 東方廣場 alone.
        NamedFacilityRule.apply(&doc)
        let f = doc.folded
        let t = doc.lexicon.placeHeads
        let headStarts = t.headStarts, byFirst = t.headsByFirst
        // At each head's first character (`RuleMarks`); a name found is skipped.
        var next = 1
        for h in doc.marks[.placeHead] where h >= next {
            guard doc.owner[h] < 0,
                  let head = byFirst.words(keyed: f[h]).first(where: { PlacePrefixRules.has(f, h, $0) }), doc.isFree(h, h + head.count) else { continue }
            let end = h + head.count
            // An item of a list whose neighbour has the same head (茅家村、積山村、錢上村).
            if let s = listItemStart(doc, head: h, end: end) {
                doc.clear(s, h)
                doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-list", canonical: doc.string(s, end)))
                next = end
                continue
            }
            guard doc.owner[h - 1] < 0 else { continue }
            // The head ends a word and no other head follows it (慶賀寺|鄉).
            let intoPosition = PersonRules.splitsToken(doc, at: end) && positionAfterHead(doc, h, end)
            if PersonRules.splitsToken(doc, at: end) && !intoPosition || (end < f.count && headStarts.contains(f[end])
                && byFirst.words(keyed: f[end]).contains(where: { PlacePrefixRules.has(f, end, $0) })) { continue }
            if head == [0x7AD9] /* 站 */, end < f.count, t.standAfter.contains(f[end]) { continue }
            // A name before 號 is a ship's or a building's (千島湖號), no place.
            if end < f.count, f[end] == 0x865F /* 號 */ || f[end] == 0x53F7 /* 号 */ { continue }
            if t.closedHeads.contains(head), end < f.count, FoldTable.isHan(f[end]), !FacilityRule.afterClosedHead.contains(f[end]) { continue }
            if head == [0x6D77, 0x5CFD] /* 海峽 */, end < f.count, t.straitAfter.contains(f[end]) { continue }
            // A head inside a word (網|路 in 寬頻網路, 高|峰 in 疫情高峰) ends a name only when the word
            // is the name and its head (魯村), or inside a list or address chain (、茄|南村).
            if t.headWords.contains(doc.folded, h - 1, h + 1) { continue }
            let word = PersonRules.splitsToken(doc, at: h) ? wordCovering(doc, h) : nil
            guard let (s, strong) = nameStart(doc, before: h) ?? (head == station && word == nil ? stationStart(doc, before: h) : nil)
                    ?? (head.count == 1 && featureHeads.contains(head[0]) ? featureStart(doc, before: h) : nil),
                  word == nil || word == s || strong && word! > s || oovBeforeHeadWord(doc, s, word!, h, end) else { continue }
            // A head in one word with a position after it (阿|諾|河上) only after a run of two or more
            // characters ICU did not know, with a clear left edge and no administrative suffix in it.
            if intoPosition, h - s < 2 || !singleCharacters(doc, s, h) || !clearEdge(doc, s)
                || (s..<h).contains(where: { adminSuffixes.contains(f[$0]) }) { continue }
            // A closed head (鐵路) takes only a name shaped like one (濟青鐵路; not 實施|鐵路, 林業|鐵路).
            if t.closedHeads.contains(head), !nameShaped(doc, s, h) { continue }
            // Surname + one character + a given-name head (曹建山): a person's name, left to the name model.
            if head.count == 1, h - s == 2, t.givenHeads.contains(f[h]),
               let share = doc.lexicon.names.surname(f, s, 1), share >= surnameFloor { continue }
            doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-head", canonical: doc.string(s, end)))
            next = end
        }
        // A place and a district word after it (曼哈頓|區, 溫州|教區), once the places above are found.
        DistrictRule.apply(&doc)
    }

    /// The start of the name before the head at `h`: the nearest ICU word edge, 1–4 free Han
    /// characters back, with a clear left edge; nil when there is none. `strong`: the edge is an
    /// enumeration comma or a place (a list or an address chain).
    static func nameStart(_ doc: TaggingDocument, before h: Int) -> (start: Int, strong: Bool)? {
        let f = doc.folded
        let t = doc.lexicon.placeHeads
        // The nearest start after an ordinary word (`wordEdge`): taken only when no clearer edge
        // lies further back, so the rule finds what it found before and more (學府路與|學府二道街).
        var weak: (start: Int, strong: Bool)? = nil
        var s = h
        while s > 0 && h - s < nameLengths.upperBound {
            let c = f[s - 1]
            guard doc.owner[s - 1] < 0, FoldTable.isHan(c), !t.stop.contains(c) else { return weak }
            s -= 1
            let last = t.firstOnly.contains(c) // the name can only start here
            if PersonRules.splitsToken(doc, at: s) || t.generic.contains(doc.folded, s, h) {
                if last { return weak }
                continue
            }
            let n = h - s
            if s > 0, doc.owner[s - 1] >= 0 {
                let p = doc.mentions[Int(doc.owner[s - 1])]
                return p.type == .place && p.end == s ? (s, true) : weak
            }
            if n >= 2 {
                if s == 0 || leftMarks.contains(f[s - 1]) { return (s, s > 0 && f[s - 1] == 0x3001 /* 、 */) }
                if let w = wordEnding(doc, at: s), t.leftWords.contains(doc.folded, w, s) { return (s, false) }
                if weak == nil, wordEdge(doc, at: s), nameShaped(doc, s, h) { weak = (s, false) }
            }
            if last { return weak }
        }
        return weak
    }

    /// Characters that stand in no item of a list of places: determiners, classifiers of a count,
    /// the possessive and words that end a clause (其他村, 各鄉, 該鎮的村, 有些路).
    static let notInItem = ScalarSet("座條条棟栋間间片處处所以的之這这那該该每各其此某哪個个些幾几等了是在有也都就還还被把將将讓让給给對对向從从到")
    /// Words that join the last item of a list to the one before it (…村、錢上村和新里港村).
    static let itemJoins = ScalarSet("和及與与或")
    /// What may follow an item of a list: the enumeration comma, a conjunction, 等 or punctuation.
    static let afterItem = ScalarSet("、和及與与或等，,。；;：:）)」』")
    /// Longest name of a list item, head not counted.
    static let itemNameLengths = 1...4

    /// The start of a list item ending in the head at `h` (thirteenth session): a name of 1–4 Han
    /// characters between the enumeration comma (or a conjunction after an item) and the head,
    /// followed by the comma, a conjunction, 等 or punctuation, where the item before or after it in
    /// the list ends in the same head (道學村、茅家村、積山村、錢上村和新里港村; 清鍾堂、新民堂、志道堂).
    /// The siblings are the evidence: inside such a list a name may hold what the head rule refuses
    /// alone — a classifier or a verb (茅家村, 稱海村), a position (錢上村), a word ICU makes with the
    /// head (積|山村) or a listed place (新|里港|村, whose mention gives way). Not the first item of a
    /// list (its left edge is a word), nor a name with a determiner, a count word or 的 (其他村, 各村).
    static func listItemStart(_ doc: TaggingDocument, head h: Int, end: Int) -> Int? {
        let f = doc.folded
        guard end <= f.count, end == f.count || afterItem.contains(f[end]) else { return nil }
        // The item's left edge: the comma, or a conjunction right after another item's head.
        var s = h
        var left = -1 // the delimiter's position
        while s > 0 && h - s <= itemNameLengths.upperBound {
            let c = f[s - 1]
            if c == 0x3001 /* 、 */ { left = s - 1; break }
            guard FoldTable.isHan(c), !notInItem.contains(c) else { break }
            // A conjunction right after an item with the head (…村和|新里港村); else part of the name (和平村).
            if itemJoins.contains(c), h - s >= 1, s - 1 >= end - h, sameHead(f, h, end, endingAt: s - 1) { left = s - 1; break }
            s -= 1
        }
        guard left >= 0, itemNameLengths.contains(h - s) else { return nil }
        // Mentions inside the name may give way only when they lie inside it (里港 in 新里港村).
        for k in s..<h where doc.owner[k] >= 0 {
            let m = doc.mentions[Int(doc.owner[k])]
            guard m.start >= s, m.end <= h, m.type == .place || m.type == .person else { return nil }
        }
        if doc.lexicon.placeHeads.generic.contains(doc.folded, s, h) { return nil }
        // A common word: a way of one character or one ICU word (公路, 套路, 水路, 高速公路), or a head inside
        // a word after another word (智慧|鄉村, 園區|道路; 積|山村 is a name ICU did not know).
        if ways.contains(f[end - 1]), h - s == 1 || wordCovering(doc, s) == s && doc.wordEnd(startingAt: s) == end { return nil }
        if let w = wordCovering(doc, h), w < h, w > s, !(s..<w).allSatisfy({ doc.wordEnd(startingAt: $0) == $0 + 1 }) { return nil }
        // A sibling with the same head: the item before the delimiter, or the next one; a clean
        // item itself (一等站及|起訖站: 一等站 holds 等).
        if sameHead(f, h, end, endingAt: left), cleanItem(f, endingAt: left - (end - h)) { return s }
        guard end < f.count, f[end] == 0x3001 || itemJoins.contains(f[end]) else { return nil }
        var k = end + 1
        while k < f.count && k - end <= itemNameLengths.upperBound + (end - h) + 1 {
            if !FoldTable.isHan(f[k]) || f[k] == 0x3001 { break }
            k += 1
            if k - (end + 1) > end - h, sameHead(f, h, end, endingAt: k), k == f.count || afterItem.contains(f[k]) {
                return cleanItem(f, endingAt: k - (end - h)) ? s : nil
            }
        }
        return nil
    }

    /// Whether the item before a delimiter, whose head starts at `at`, has a name: a Han character
    /// before the head that `notInItem` does not hold (國慶|村; not 一等|站, whose 等 ends a count).
    static func cleanItem(_ f: [UInt32], endingAt at: Int) -> Bool {
        at > 0 && FoldTable.isHan(f[at - 1]) && f[at - 1] != 0x3001 && !notInItem.contains(f[at - 1])
    }

    /// Last characters of heads of ways (路 街 巷 道).
    static let ways = ScalarSet("路街巷道")

    /// Whether the head `f[h..<end]` also ends at `at` (exclusive end).
    static func sameHead(_ f: [UInt32], _ h: Int, _ end: Int, endingAt at: Int) -> Bool {
        let n = end - h
        guard at - n >= 0 else { return false }
        for k in 0..<n where f[at - n + k] != f[h + k] { return false }
        return true
    }

    /// Heads of natural features that a one-character name may take (廬山, 巢湖, 汾河).
    static let featureHeads = ScalarSet("山湖江河嶺岭")
    /// First characters that make a common word with a feature head, not a name: 江湖, 靠山,
    /// 礦山, 運河, 銀河, 星河, 青山, 群山, 登山, 爬山, 渡河, 沿江, 後山, 潟湖, 愛河 (墜入愛河), 遠山,
    /// 人山, 假山, 冰河 (beyond the generic names of `place-heads.tsv`: 火山, 高山, 大河).
    static let featureNotFirst = ScalarSet("江靠礦矿青群河運运銀银星鹽盐登開开爬渡沿後后前屏碧綠绿紅红白深淺浅湖海冰人假跨越過过翻潟瀉泻愛爱遠远近")
    /// Words after a feature that say it is one (長江|流域, 汾河|兩岸, 黃山|風景區).
    static let featureAfter: [[UInt32]] = TranslitContext.words([
        "流域", "兩岸", "两岸", "中下游", "中游", "上游", "下游", "干流", "幹流", "水系", "沿岸", "風景區", "风景区", "山麓", "南麓", "北麓",
    ])

    /// The start of a two-character feature (twelfth session): 廬山, 巢湖, 汾河, 長江 — one
    /// character and a feature head that ICU keeps as one word of its own, where a place stands
    /// (`ForeignPlaceRule.placeContext`: 在 到 位於 …, a place and 、 before it, 北部 一帶 after it)
    /// or before a word of rivers and mountains (流域, 兩岸, 山麓). The character is no stop and no
    /// generic one (火山, 高山, 大河, 冰河, 江湖, 靠山 are words, not names), nor a position word
    /// (上山, 下山).
    static func featureStart(_ doc: TaggingDocument, before h: Int) -> (start: Int, strong: Bool)? {
        let f = doc.folded
        let t = doc.lexicon.placeHeads
        let s = h - 1
        guard s >= 0, doc.owner[s] < 0, FoldTable.isHan(f[s]), !t.stop.contains(f[s]), !t.firstOnly.contains(f[s]),
              !featureNotFirst.contains(f[s]), !t.generic.contains(doc.folded, s, h), wordCovering(doc, s) == s, wordEnding(doc, at: h + 1) == s else { return nil }
        if ForeignPlaceRule.placeContext(doc, s, h + 1) || featureAfter.contains(where: { PlacePrefixRules.has(f, h + 1, $0) }) { return (s, false) }
        return nil
    }

    static let station: [UInt32] = [0x7AD9] // 站
    /// Characters of rail and transit words (港島綫, 鐵路, 軌道, 轉乘, 乘客) that make a sentence
    /// speak of stations.
    static let transitChars = ScalarSet("綫線线鐵铁軌轨乘")
    /// One-character words after which a station's name may start (而|金鐘站, 在|北角站).
    static let stationLeft = ScalarSet("而在到至從从由經经往與与和及或自於于即是")
    /// How far (characters, within the sentence) `stationStart` looks for transit words.
    static let transitReach = 40

    /// The start of a station's name before 站 where `nameStart` finds none (twelfth session):
    /// 擴建|北角|站, 而|金鐘|站, 紓緩|鰂魚涌站 — one ICU word of 2–4 free characters before 站
    /// standing alone, after an ordinary word, a one-character function word (而 在 到 …) or a
    /// clear edge, and no generic kind (加油|站, 投票|站, 公車|站). ICU keeps a station's name as a
    /// word of its own, so this would read a verb and its object too (擴建|車站 is a head of its
    /// own): the sentence must speak of transit — another station (…站 before or after), a line
    /// or railway (綫 線 鐵 軌) or passengers (乘: 轉乘, 乘客) within `transitReach` characters.
    static func stationStart(_ doc: TaggingDocument, before h: Int) -> (start: Int, strong: Bool)? {
        let f = doc.folded
        let t = doc.lexicon.placeHeads
        guard let s = wordEnding(doc, at: h), (2...4).contains(h - s), doc.isFree(s, h) else { return nil }
        for k in s..<h where !FoldTable.isHan(f[k]) || t.stop.contains(f[k]) { return nil }
        if t.generic.contains(doc.folded, s, h) || t.generic.contains(doc.folded, h - 1, h) || t.generic.contains(doc.folded, h - 2, h) { return nil }
        guard s == 0 || leftMarks.contains(f[s - 1]) || wordEdge(doc, at: s)
            || stationLeft.contains(f[s - 1]) && (s == 1 || !FoldTable.isHan(f[s - 2]) || !PersonRules.splitsToken(doc, at: s - 1)) else { return nil }
        // Transit words in the sentence, either side.
        var k = s - 1
        while k >= 0 && s - k <= transitReach && !DefinedPlaceRule.sentenceEnds.contains(f[k]) {
            if transitChars.contains(f[k]) || f[k] == station[0] { return (s, false) }
            k -= 1
        }
        k = h + 1
        while k < f.count && k - h <= transitReach && !DefinedPlaceRule.sentenceEnds.contains(f[k]) {
            if transitChars.contains(f[k]) || f[k] == station[0] { return (s, false) }
            k += 1
        }
        return nil
    }

    /// Whether a name may start at `s` after an ordinary word: the ICU word ending there has two
    /// characters or more and does not end in a stop character (延安的|, 擴建|, 現在的|, 2005年|;
    /// not 一座|, 該|, 一些|), or it is 的 (短短的|育才街, 死亡谷的|熔爐溪). A name right after a
    /// one-character word is not clear of it: ICU cuts a name it does not know into characters
    /// (拉|卜|楞寺, 甘|珠爾廟), so 卜楞寺 would be half a name.
    static func wordEdge(_ doc: TaggingDocument, at s: Int) -> Bool {
        guard s > 0, let w = wordEnding(doc, at: s) else { return false }
        let c = doc.folded[s - 1]
        return c == 0x7684 /* 的 */ || s - w >= 2 && !doc.lexicon.placeHeads.stop.contains(c)
    }

    /// Whether the name part `s..<h` before a head looks like one name: a run of one-character
    /// words ICU did not know (哲|蚌|寺, 曹|甸|鎮), one word with the head (少林寺), or one word
    /// after 的 (延安的|南泥|灣). Not a phrase of words (登|抹茶|山, 指出|投票|站).
    static func nameShaped(_ doc: TaggingDocument, _ s: Int, _ h: Int) -> Bool {
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= s { lo = mid + 1 } else { hi = mid } }
        guard lo < tokens.count, tokens[lo].start == s else { return false }
        // One word before the head only after 的 (延安的|南泥灣): after other words it is mostly a
        // verb or a modifier taking the head as its object (降低|水庫, 騰空|水庫, 小康|路).
        if tokens[lo].end > h { return true }
        if tokens[lo].end == h { return s > 0 && doc.folded[s - 1] == 0x7684 /* 的 */ }
        var k = lo
        while k < tokens.count && tokens[k].start < h {
            if tokens[k].end - tokens[k].start != 1 { return false }
            k += 1
        }
        return true
    }

    /// Whether a name of characters ICU did not know runs into the head's word (fifteenth session):
    /// 帕|洛|馬山, 白|利|南路, 靜|安寺 — ICU joins the name's last character to a one-character head
    /// (馬山, 南路, 安寺 are words or names of their own), so the head starts no word. Taken when the
    /// word covering the head is that last character and the head alone (`word` is `h - 1` and ends
    /// at `end`) and everything of the name before it is one-character words (`nameShaped`): a
    /// transliteration or a name cut into characters, not a word before a common word (上|山路), and
    /// none of them a word that ends before a place (沿|汾河).
    static func oovBeforeHeadWord(_ doc: TaggingDocument, _ s: Int, _ word: Int, _ h: Int, _ end: Int) -> Bool {
        guard word == h - 1, word > s, end - h == 1, !PersonRules.splitsToken(doc, at: end) else { return false }
        // A middle dot after it joins a person's transliterated names (塞力克江·阿德勒汗).
        if end < doc.folded.count, doc.folded[end] == 0xB7 || doc.folded[end] == 0x30FB || doc.folded[end] == 0x2022 { return false }
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= word { lo = mid + 1 } else { hi = mid } }
        guard lo < tokens.count, tokens[lo].start == word, tokens[lo].end == end else { return false }
        let leftWords = doc.lexicon.placeHeads.leftWords
        var k = lo - 1
        while k >= 0 && tokens[k].end > s {
            // One character each, none a word that ends before a place (沿|汾河: along the Fen).
            if tokens[k].end - tokens[k].start != 1 || leftWords.contains(doc.folded, tokens[k].start, tokens[k].end) { return false }
            k -= 1
        }
        return k < 0 || tokens[k].end <= s
    }

    /// Positions ICU joins to a one-character head (河上, 山中, 湖畔, 山頂: on the river, in the
    /// mountains); not the compass points (河北, 山東, 湖南 are provinces).
    static let positionsAfterHead = ScalarSet("上中下內内外裡裏邊边畔旁頂顶腳脚麓")

    /// Whether the one-character head at `h` and a position after it are one ICU word of two
    /// characters (阿|諾|河上, 可|西|卡|山中, 伊|薩|河上: fifteenth session).
    static func positionAfterHead(_ doc: TaggingDocument, _ h: Int, _ end: Int) -> Bool {
        guard end - h == 1, end < doc.folded.count, positionsAfterHead.contains(doc.folded[end]),
              wordCovering(doc, h) == h, !PersonRules.splitsToken(doc, at: end + 1) else { return false }
        return true
    }

    /// Administrative suffixes that end a place inside a run before a position (廣|平|省|山上: on
    /// the mountains of Quang Binh province).
    static let adminSuffixes = ScalarSet("省市縣县區区")

    /// Whether a name starting at `s` has a clear left edge: the start of the text, a mark of
    /// `leftMarks`, a place right before it or a word of the `left-word` class (在, 位於, 前往), not
    /// an ordinary word (最後一趟|采山貨路上).
    static func clearEdge(_ doc: TaggingDocument, _ s: Int) -> Bool {
        if s == 0 || leftMarks.contains(doc.folded[s - 1]) { return true }
        if doc.owner[s - 1] >= 0 { let p = doc.mentions[Int(doc.owner[s - 1])]; return p.type == .place && p.end == s }
        guard let w = wordEnding(doc, at: s) else { return false }
        return doc.lexicon.placeHeads.leftWords.contains(doc.folded, w, s)
    }

    /// Whether `s..<h` is all one-character ICU words (a name ICU did not know: 阿|諾).
    static func singleCharacters(_ doc: TaggingDocument, _ s: Int, _ h: Int) -> Bool {
        var i = s
        while i < h {
            guard wordCovering(doc, i) == i, i + 1 == h || wordCovering(doc, i + 1) == i + 1 else { return false }
            i += 1
        }
        return true
    }

    /// The start of the ICU word that covers `at`.
    static func wordCovering(_ doc: TaggingDocument, _ at: Int) -> Int? {
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= at { lo = mid + 1 } else { hi = mid } }
        return lo < tokens.count && tokens[lo].start <= at ? tokens[lo].start : nil
    }

    /// The start of the ICU word that ends at `at`, if one does.
    static func wordEnding(_ doc: TaggingDocument, at: Int) -> Int? {
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end < at { lo = mid + 1 } else { hi = mid } }
        return lo < tokens.count && tokens[lo].end == at ? tokens[lo].start : nil
    }
}
