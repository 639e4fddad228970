/// `rule:place-context` (fourteenth session): a name's type from the words around it, for names
/// no list holds. Encyclopedic text names many places only once, after a verb of motion or of
/// place (逃奔汝寧, 逃至加賀, 攻克沙瓦納, 進攻霍斯) or before a part of an area (日耳曼南方,
/// 上陶恩附近); the name model, which reads only a name's characters, took some of them for
/// transliterated or Chinese people (瑞典軍於布賴滕費爾德再度擊敗, 控制蘇爾曼及其…), and the
/// rest were left out.
///
/// - **Retyped**: a person of the name model (`name-model`, `name-model-translit`) becomes a
///   place where a strong frame stands around it: a part of an area right after it (`areaAfter`:
///   南部 一帶 附近 境內 以南 …: people have none); one of `placeVerbs` right before it (or before a
///   了 there: 佔領了格魯瓊茲) with the name ending its clause or a list item (來到王永祥跟前 is a
///   person's side), and for a Chinese name one of `objectVerbs` only; or a place on both sides in
///   a list (坡子街、洪家井、藩西巷). A name with person evidence stays a person: a cue before or
///   after it (a title, a reporting verb), a middle dot inside it (胡安·德富卡), or 的 家 after it
///   behind a preposition (在卡梅隆家). The name's other mentions in the document (the name model
///   finds a name again everywhere) are retyped with it unless a cue stands beside one of them.
/// - **Found**: an unlisted name right after one of `placeVerbs`, ended by a clause break or a
///   part of an area, is a place when its characters fit a name and not a word: a run of
///   transliteration characters (the name model's `name-translit` scores, mean 1.5 or more, as
///   `ForeignPlaceRule`); or, after one of `objectVerbs`, two or three characters ICU's dictionary
///   does not hold (ICU cuts them one by one: 汝|寧, 應|昌, 紅|磡以西) and none of them a function
///   character; or, after a verb of flight or removal (`wordVerbs`) and before a clause break, an
///   ICU word that is no generic place word (逃至加賀, 移往漢城; not 當地, 海外, 家鄉).
///
/// The verbs are those of the name model's and `ForeignPlaceRule`'s place contexts and the verbs
/// of flight, conquest, travel and residence of encyclopedic and news writing (hand-written; none
/// comes from an answer key), in `Dictionaries/context-frames.tsv` (`ContextFrames`). 在 and 於 alone are no frame: news text puts people after them
/// (在川普的…, 於習近平…).
enum ContextTypeRule {
    static let rule = "place-context"

    /// The word lists (`Dictionaries/context-frames.tsv`, `ContextFrames`): `placeVerbs`
    /// (class `place-verb`), the verbs whose object is hardly a common noun (`object-verb`: after
    /// 前往, 回到, 來到 … news writes 現場, 家鄉, 醫院), the verbs of flight and removal after which a
    /// name ICU holds as a word is taken (`word-verb`: after verbs of conquest and place news text
    /// writes words: 攻佔滿壘, 攻克難題, 佔領世界, 位於民宅, 居於領先, 轉戰產業界), words for a place
    /// that name none (`generic-place`) and parts of an area after a name (`area-after`).
    /// Prepositions of place: behind one, 的 or 家 after a name makes it a person's (`personAfter`).
    static let placePrepositions = ScalarSet("於在至到往經抵赴")
    /// After a preposition, 的 and 家 make the name a person's (在卡梅隆家, 在莎士比亞的…).
    static let personAfter = ScalarSet("的家")
    static let middleDot: UInt32 = 0xB7
    /// Characters that end a found name: clause breaks.
    static let clauseBreak = ScalarSet("，。、；：！？,.;:!?（）()「」『』")
    /// Characters that never stand inside a name found here (function words, numerals, pronouns).
    static let notInName = ScalarSet("的了是在和與及或也都又就還而並但於對從向把被讓給以之其這那此該各每某等說將已曾會要到來去上下們者再很更最不沒因一二三四五六七八九十百千萬兩幾多數他她它我你您後前中內外裡時整全為")

    static func apply(_ doc: inout TaggingDocument) {
        guard !doc.folded.isEmpty else { return }
        // The cue edges are built only for a document where a frame is found (most have none).
        var cues: CueEdges? = nil
        retype(&doc, &cues)
        found(&doc, &cues)
    }

    static func cueEdges(_ doc: TaggingDocument, _ cues: inout CueEdges?) -> CueEdges {
        if let c = cues { return c }
        let c = CueEdges(doc) { $0 == .before || $0 == .after }
        cues = c
        return c
    }

    static let le: UInt32 = 0x4E86 // 了
    static let guo: UInt32 = 0x570B // 國
    /// A place-taking verb ends at `s`, or before a 了 there (佔領了格魯瓊茲).
    static func verbBefore(_ frames: ContextFrames, _ f: [UInt32], _ s: Int, _ words: KeyedWords) -> Bool {
        let v = s > 1 && f[s - 1] == le ? s - 1 : s
        guard v > 0, frames.verbLast.contains(f[v - 1]) else { return false }
        return words.words(keyed: f[v - 1]).contains { v >= $0.count && PlacePrefixRules.has(f, v - $0.count, $0) }
    }

    /// A part of an area starts at `e`.
    static func areaAt(_ frames: ContextFrames, _ f: [UInt32], _ e: Int) -> Bool {
        guard e < f.count else { return false }
        return frames.areaByFirst.words(keyed: f[e]).contains { PlacePrefixRules.has(f, e, $0) }
    }

    /// Words that join the items of a list.
    static let listJoin = ScalarSet("、和與及")

    /// True when the frame around `s..<e` makes a name a place: a verb of place before it, a part
    /// of an area after it, or a list join to a place on either side (靜安寺和曹家渡, 大圍、田心圍、).
    static func strongFrame(_ doc: TaggingDocument, _ s: Int, _ e: Int, chinese: Bool) -> Bool {
        let f = doc.folded, frames = doc.lexicon.contextFrames
        if areaAt(frames, f, e) { return true }
        // After a verb the name must end its clause or a list item (來到王永祥跟前, 來到劉延宇辦公室
        // name a person's place); a Chinese name needs a verb whose object is hardly a person's
        // (來到, 回到 take people too).
        if verbBefore(frames, f, s, chinese ? frames.objectVerbsByLast : frames.verbsByLast),
           e == f.count || clauseBreak.contains(f[e]) || listJoin.contains(f[e]) { return true }
        func isPlace(_ k: Int) -> Bool { k >= 0 && k < f.count && doc.owner[k] >= 0 && doc.mentions[Int(doc.owner[k])].type == .place }
        // Both neighbours: a list of people holds a person taken for a place as often (李煥、郝柏村、
        // 邱創煥、馬英九、關中, 關中 a person), and a person stands beside a place (中國證人許傳音和日本).
        return s > 1 && listJoin.contains(f[s - 1]) && isPlace(s - 2) && e + 1 < f.count && listJoin.contains(f[e]) && isPlace(e + 1)
    }

    /// A Chinese name of three characters ending in a character of village and street names
    /// (`place-final`: 曹家渡, 田心圍, 牛潭尾, 王府井): given names hardly end in one. 屯 is left
    /// out: Burmese names end in it (苗溫屯, Myo Win Tun), and so is 堡 (transliterations: 艾登堡).
    static func placeShaped(_ doc: TaggingDocument, _ s: Int, _ e: Int) -> Bool {
        e - s == 3 && doc.lexicon.contextFrames.placeFinal.contains(doc.folded[e - 1])
    }

    /// Person evidence around or inside `s..<e`.
    static func personEvidence(_ doc: TaggingDocument, _ cues: CueEdges, _ s: Int, _ e: Int) -> Bool {
        let f = doc.folded
        if cues.ends(at: s) || cues.starts(at: e) { return true }
        if (s..<e).contains(where: { f[$0] == middleDot }) { return true }
        if s > 0 && placePrepositions.contains(f[s - 1]) && e < f.count && personAfter.contains(f[e]) { return true }
        return false
    }

    /// For a person of the name model: 1 for a Chinese name (`name-model`), 2 for a
    /// transliteration (`name-model-translit`); 0 for any other mention. The rule is read once and
    /// compared by its length first.
    @inline(__always) static func modelKind(_ doc: TaggingDocument, _ i: Int) -> Int {
        guard doc.mentions[i].type == .person, doc.mentions[i].end > doc.mentions[i].start, let r = doc.mentions[i].rule else { return 0 }
        switch r.utf8.count {
        case 10: return r == "name-model" ? 1 : 0
        case 19: return r == "name-model-translit" ? 2 : 0
        default: return 0
        }
    }

    /// Persons of the name model in a strong frame become places, with their other mentions.
    static func retype(_ doc: inout TaggingDocument, _ cues: inout CueEdges?) {
        let f = doc.folded
        var spans: [(start: Int, end: Int)] = []
        for i in doc.mentions.indices where doc.mentions[i].type == .person {
            let kind = modelKind(doc, i)
            guard kind > 0 else { continue }
            let (s, e) = (doc.mentions[i].start, doc.mentions[i].end)
            guard strongFrame(doc, s, e, chinese: kind == 1) || (kind == 1 && placeShaped(doc, s, e)),
                  !personEvidence(doc, cueEdges(doc, &cues), s, e) else { continue }
            spans.append((s, e))
        }
        if spans.isEmpty { return }
        let c = cueEdges(doc, &cues)
        /// The first retyped span that `s..<e` repeats, or nil.
        func retyped(_ s: Int, _ e: Int) -> Int? {
            spans.firstIndex { $0.end - $0.start == e - s && sameText(f, $0.start, s, e - s) }
        }
        // A name stays a person's when a cue stands beside any of its mentions.
        var kept = [Bool](repeating: false, count: spans.count)
        var hits: [(mention: Int, span: Int)] = []
        for i in doc.mentions.indices where doc.mentions[i].type == .person {
            let (s, e) = (doc.mentions[i].start, doc.mentions[i].end)
            guard let k = retyped(s, e), modelKind(doc, i) > 0 else { continue }
            if personEvidence(doc, c, s, e) { kept[k] = true }
            hits.append((i, k))
        }
        for (i, k) in hits where !kept[k] {
            doc.mentions[i].type = .place
            doc.mentions[i].rule = rule
        }
    }

    /// `f[a..<a+n]` equals `f[b..<b+n]`.
    @inline(__always) static func sameText(_ f: [UInt32], _ a: Int, _ b: Int, _ n: Int) -> Bool {
        for k in 0..<n where f[a + k] != f[b + k] { return false }
        return true
    }

    /// Unlisted names after a place-taking verb: at each character that ends one of `placeVerbs`
    /// (skipped to with one bit test a character).
    static func found(_ doc: inout TaggingDocument, _ cues: inout CueEdges?) {
        let f = doc.folded
        let model = doc.lexicon.names, frames = doc.lexicon.contextFrames
        let ends = frames.verbLast, n0 = f.count
        var k = ends.nextMember(in: f, from: 0)
        while k < n0 {
            var s = k + 1
            if s < n0 && f[s] == le { s += 1 }
            k = ends.nextMember(in: f, from: k + 1)
            guard s < n0, doc.owner[s] < 0, FoldTable.isHan(f[s]), verbBefore(frames, f, s, frames.verbsByLast),
                  !PersonRules.splitsToken(doc, at: s) else { continue }
            // The run: free Han characters up to a clause break or a part of an area.
            var e = s
            while e < n0 && e - s <= 6 && doc.owner[e] < 0 && FoldTable.isHan(f[e]) && !notInName.contains(f[e]) && !(e > s && areaAt(frames, f, e)) {
                e += 1
            }
            let n = e - s
            guard n >= 2, n <= 6, e == n0 || clauseBreak.contains(f[e]) || areaAt(frames, f, e) else { continue }
            let c = cueEdges(doc, &cues)
            guard !PersonRules.splitsToken(doc, at: e), !c.starts(at: e), !c.ends(at: s) else { continue }
            var sum: Float = 0, all = true
            for j in s..<e {
                if let r = NameFinder.translitChar(model, f[j]) { sum += r } else { all = false }
            }
            let translit = all && sum / Float(n) >= ForeignPlaceRule.minimumMean
            // A Chinese name only after a verb whose object is hardly a common noun (來到金家,
            // 回到魯藝, 攻打屠岸賈 are a family, a school and a person), before a clause break, not
            // ending in 國 (楚國, 魯國: the ancient states, which UNER train leaves unmarked).
            // A name ICU does not know may stand before a part of an area too (位於紅磡以西); an ICU
            // word there is mostly a common noun (位於海灘附近).
            let chinese = n <= 3 && verbBefore(frames, f, s, frames.objectVerbsByLast) && e < n0 && f[e - 1] != guo && !frames.genericPlaces.contains(f, s, e)
            let breakAfter = e < n0 && clauseBreak.contains(f[e])
            let unknown = chinese && (s..<e).allSatisfy { PersonRules.isSingleWord(doc, $0, $0 + 1) }
            let word = chinese && breakAfter && PersonRules.isSingleWord(doc, s, e) && verbBefore(frames, f, s, frames.wordVerbsByLast)
            guard translit || unknown || word else { continue }
            doc.add(Mention(start: s, end: e, type: .place, candidates: [], rule: rule, canonical: doc.string(s, e)))
            if k < e { k = ends.nextMember(in: f, from: e) }
        }
    }
}
