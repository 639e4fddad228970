/// Dictionary names that the text continues (the source stays the dictionary entry's):
/// - a place followed by 市, 縣, 省 or 州 takes it in (廣州 → 廣州市, 杜蘭戈 → 杜蘭戈州), unless a
///   title starts there (廣州|市長, 州長) or the character after it makes a word with it (市場, 市民,
///   市區, 市值, 省際, 州際 …); a country takes no 州 (美國州層級);
/// - an organization followed by a company suffix takes it in (穩懋半導體 → 穩懋半導體公司,
///   …股份有限公司, …集團, …控股);
/// - a university or academy followed, within ten Han characters, by a department or institute
///   head (學系, 研究所, 學院, 研究中心) takes in the whole unit (國立交通大學傳播與科技學系),
///   which replaces the names inside it; the unit's name holds no function character (哈佛大學|和…學院
///   and 康乃爾大學|有七個…學院 are two names and a sentence).
/// `dropGlosses`: a Latin-only name in brackets right after another name is the original of that
/// name （世界衛生組織（WHO））, not a second mention. One right after Han text no list names is
/// kept (中國環球電視網（CGTN）): it is then the report's only mention of that body.
enum NameExtensionRules {
    static let placeSuffixes = ScalarSet("市縣省州")
    static let zhou: UInt32 = 0x5DDE // 州
    /// Suffixes that end a place's name for good (廣州 ends in 州 and still takes 市).
    static let endSuffixes = ScalarSet("市縣省")
    static let afterSuffixBlock = ScalarSet("長民區場府政議立內郊面值況容價集鎮際界")
    static let companySuffixes = ["股份有限公司", "控股有限公司", "有限公司", "公司", "集團", "控股"].map { Array($0.unicodeScalars.map(\.value)) }
    static let unitHeads = ["學系", "研究所", "學院", "研究中心"].map { Array($0.unicodeScalars.map(\.value)) }
    static let unitParents: Set<String> = ["university", "research"]
    /// Function characters that end a unit's name (與 does not: 傳播與科技學系).
    static let unitStops = ScalarSet("和及或有的是在個了也都並但而为為")

    static func apply(_ doc: inout TaggingDocument) {
        let cueEdges = CueEdges(doc) { $0 == .before }
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .organization
            || (doc.mentions[i].type == .place && doc.mentions[i].end < f.count && placeSuffixes.contains(f[doc.mentions[i].end])) {
            let m = doc.mentions[i]
            guard m.end > m.start, m.end < f.count else { continue }
            switch m.type {
            case .place:
                let e = m.end
                // A place already ending in a suffix takes no other (台北市|縣), and 州 only as the
                // name's own character (廣州 + 市 → 廣州市; 加州|州長 stays 加州).
                guard placeSuffixes.contains(f[e]), doc.owner[e] < 0, !cueEdges.starts(at: e),
                      let last = doc.lexicon.fold.fold(doc.string(m.start, m.end)).unicodeScalars.last?.value,
                      !endSuffixes.contains(last), !(last == zhou && f[e] == zhou) else { continue }
                if e + 1 < f.count && afterSuffixBlock.contains(f[e + 1]) { continue }
                if f[e] == zhou, m.candidates.contains(where: { doc.lexicon.entries[$0].entryClass == "country" }) { continue }
                doc.extend(i, to: e + 1)
            case .organization:
                for suf in companySuffixes where PlacePrefixRules.has(f, m.end, suf) {
                    if doc.isFree(m.end, m.end + suf.count) { doc.extend(i, to: m.end + suf.count) }
                    break
                }
                guard m.candidates.count == 1, unitParents.contains(doc.lexicon.entries[m.candidates[0]].entryClass ?? "") else { continue }
                var j = m.end
                while j < f.count && j - m.end <= 10 && FoldTable.isHan(f[j]) && !unitStops.contains(f[j]) {
                    j += 1
                    if let head = unitHeads.first(where: { h in j >= h.count && PlacePrefixRules.has(f, j - h.count, h) }), j - m.end > head.count {
                        doc.clear(m.end, j)
                        doc.extend(i, to: j)
                        break
                    }
                }
            default:
                break
            }
        }
    }

    static func dropGlosses(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices {
            let m = doc.mentions[i]
            guard m.end > m.start, m.start >= 2, m.end < f.count, f[m.start - 1] == 0x28, f[m.end] == 0x29,
                  (m.start..<m.end).allSatisfy({ f[$0] < 0x80 }), doc.owner[m.start - 2] >= 0 else { continue }
            doc.clear(m.start, m.end)
        }
    }
}

/// What a place name does to the text right after it (the press writes a country or city into
/// the names it precedes):
/// - a place inside the name of something no list holds is not a place: a disease (武漢肺炎), a
///   power plant (台中電廠), a ship (新北艦), a bus company's stop (三重客運南港站) — `nonEntityHeads`;
///   a city's own station is a place (北京站: `isStation`);
/// - `rule:place-road`: a place followed by 路/街/大道 (and a 段 number) is a road: 內湖路1段;
/// - a place right before an agency or organization becomes part of its name (中國外交部,
///   台灣央行, 中國淘寶); when that name belongs to several entries, the place picks the one of its
///   government (中國 + ~外交部 → 中華人民共和國外交部);
/// - `rule:place-body`: a place followed by a short name ending in an agency head of the
///   dictionaries (局, 處, 署 …, `Lexicon.bodyHeads`) is a body no list holds: 台北市公運處,
///   洛杉磯警局 (not the generic 當局, 警方).
enum PlacePrefixRules {
    static let guan: UInt32 = 0x9928 // 館
    static let shopBeforeGuan = ScalarSet("餐酒啡茶飯菜麵饭面旅賓")
    /// Last characters of an unlisted state body whose bare name recurs as the same body.
    static let stemHeads = ScalarSet("部局署")
    static let nonEntityHeads = ["肺炎", "電廠", "艦", "站"].map { Array($0.unicodeScalars.map(\.value)) }
    static let roadHeads = ["大道", "路", "街"].map { Array($0.unicodeScalars.map(\.value)) }
    static let directions = ScalarSet("東西南北中")
    static let genericTails = WordSet(["當局", "方面", "警方", "軍方", "官方", "政府機關", "各部會", "首府", "總部"])
    static let afterBody = ScalarSet("的、與和及也將在對於已曾並就都又還是為指說表")
    /// Common two-character words that end in a body head's character (簽|署, 大|局, 內|部, 到|處,
    /// 網|站): a place followed by one (北京簽署, 中國社會經濟大局, 美國內部, 美國仍處, 菲律賓新聞網站)
    /// names no body. Folded (Traditional) forms.
    static let commonWordTails = WordSet([
        "簽署", "部署", "內部", "局部", "全部", "幹部", "干部", "半部", "分部", "大局", "政局", "布局", "佈局", "全局", "格局",
        "結局", "騙局", "時局", "出局", "開局", "到處", "身處", "位處", "地處", "正處", "仍處", "好處", "住處", "深處", "長處",
        "短處", "益處", "之處", "相處", "各處", "處處", "網站", "一站", "首站", "團隊", "梯隊", "餐廳", "大廳", "客廳",
    ])

    /// Whether the body found after a place, `f[e..<end]`, ends in one of `commonWordTails` that
    /// is the whole text after the place or an ICU word of its own (安全|部 is a ministry; 有|局部 is not).
    static func endsInCommonWord(_ doc: TaggingDocument, _ e: Int, _ end: Int) -> Bool {
        guard end - e >= 2, commonWordTails.contains(doc.folded, end - 2, end) else { return false }
        if end - e == 2 || doc.tokens.isEmpty { return true }
        let t = doc.firstToken(atOrAfter: end - 2)
        return t < doc.tokens.count && doc.tokens[t].start == end - 2 && doc.tokens[t].end == end
    }

    /// True when `f` holds `lit` at `at` (compared in place: no slice is copied).
    /// Compass words (東 南 西 北 中, 偏) before 部 name a part of the place, not a body: 美國南部,
    /// 海南島東南部, 台灣中部, 四川盆地中偏西部; so do they after the rest of the place's name
    /// (馬爾他|島東南部, 克里米亞|山脈南部: the feature head is joined later, `FacilityRule`).
    static let regionWords = ScalarSet("東西南北中偏")
    static func isRegion(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        end - start >= 2 && f[end - 1] == 0x90E8 /* 部 */ && regionWords.contains(f[end - 2])
    }

    /// Places whose 站 is no station: a country's 站 is a leg of a sports tour (日本站), and
    /// seas, rivers and mountains have none.
    static let noStationClasses: Set<String> = ["country", "state", "continent", "region", "sea", "ocean", "strait", "river", "mountain", "celestial"]

    static let adminSuffixes = ScalarSet("市縣县省區区州")
    static let contest = ScalarSet("賽赛")
    static let stationHeads = ["火車站", "車站", "站"].map { Array($0.unicodeScalars.map(\.value)) }

    /// A city's or district's station (北京站, 金鐘站, 名古屋火車站) is a place, `rule:place-facility`
    /// (before `place-body` would take 站 for a body's head): the head ends an ICU word, 站 is not
    /// the verb (台灣站出來, `stand-after`), the place has no administrative suffix (疏附縣|站敏鄉:
    /// stations take the bare name), no organization or agency comes right before the place
    /// (三重客運南港站 is a bus company's stop: the place is dropped, as before), nor a contest
    /// (鑽石聯賽羅馬站, 巡迴賽格拉斯哥站: a leg of a tour).
    static func isStation(_ doc: TaggingDocument, _ p: Mention, end: Int) -> Bool {
        let f = doc.folded
        guard !PersonRules.splitsToken(doc, at: end),
              end >= f.count || !doc.lexicon.placeHeads.standAfter.contains(f[end]),
              !adminSuffixes.contains(f[p.end - 1]),
              p.start == 0 || doc.owner[p.start - 1] < 0 && !contest.contains(f[p.start - 1]) else { return false }
        return !p.candidates.contains { noStationClasses.contains(doc.lexicon.entries[$0].entryClass ?? "") }
    }

    /// A stem that several bodies of the state share after a place below the state level (广东 +
    /// 政府: 廣東省人民政府, 武漢市人民政府 …) names the one whose canonical starts with that
    /// place's name; with none it is that place's body, unlisted (`generic-body`), never another
    /// city's that the document names more. (Taiwan's bodies are narrowed by their regions above.)
    static func narrowToPlace(_ m: inout Mention, place: Int, lex: Lexicon) {
        guard m.candidates.count > 1, JurisdictionTable.segmentCount(lex.entries[place].id) > 2 else { return }
        let name = lex.fold.fold(lex.entries[place].canonical)
        let own = m.candidates.filter { lex.fold.fold(lex.entries[$0].canonical).hasPrefix(name) }
        m.preferred = nil
        m.ambiguous = false
        m.canonical = nil
        if own.isEmpty {
            m.candidates = []
            m.rule = "generic-body"
        } else {
            m.candidates = own
            m.rule = nil
            m.ambiguous = own.count > 1
        }
    }

    /// The last characters of the bodies `endsBeforeWord` reads: bureaus, offices and departments (not 部, 站, 隊:
    /// 內陸|部, 火車|總站, 乙級|球隊 are parts of places and teams; not 處 and 府: 一處, 判處, 反政府, 非政府 on the corpus).
    static let officeHeads = ScalarSet("局署廳")
    /// Characters before 局 that make a common word of it, not a bureau (當局, 變局, 藥局, 郵局, 格局, 書局 …).
    static let notBureauBefore = ScalarSet("當變藥郵賭格布時大政騙結飯牌棋殘開僵困危全終出入設做亂迷書一聯" + "当变药邮赌时骗结饭残开乱书联")
    /// First characters after the place that make a phrase of the words, not a name: a count or 前 (唐山市|一|宗教局, 鳳慶縣|前|…局).
    static let notBureauFirst = ScalarSet("一二三四五六七八九十兩两幾几數数多各前原")
    /// Whether a body found at `start..<end` after a place ends where ICU's words do and a word of two or
    /// more characters follows (上海|鐵路局|管轄, 雲南省|公路|管理局|成立; eleventh session): its head is
    /// no part of a longer word, as a function word or a cue after it would show.
    static func endsBeforeWord(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        guard officeHeads.contains(doc.folded[end - 1]), end - start >= 2, !notBureauBefore.contains(doc.folded[end - 2]),
              !notBureauFirst.contains(doc.folded[start]), !PersonRules.splitsToken(doc, at: end), !PersonRules.splitsToken(doc, at: start) else { return false }
        let u = doc.firstToken(atOrAfter: end)
        return u < doc.tokens.count && doc.tokens[u].start == end && doc.tokens[u].end - end >= 2
            && (end..<doc.tokens[u].end).allSatisfy { FoldTable.isHan(doc.folded[$0]) }
    }

    static func has(_ f: [UInt32], _ at: Int, _ lit: [UInt32]) -> Bool {
        guard at + lit.count <= f.count else { return false }
        // An index loop (the enumerated iterator cost about twice as much a call).
        var k = 0
        while k < lit.count {
            if f[at + k] != lit[k] { return false }
            k += 1
        }
        return true
    }

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let lex = doc.lexicon
        let cueEdges = CueEdges(doc) { _ in true }
        // The sets read once here, not once a place in the loop below (each read of a static
        // checks its lazy initialisation: 23,612 swift_once calls over every 30th post).
        let stationHeads = Self.stationHeads, nonEntityHeads = Self.nonEntityHeads, roadHeads = Self.roadHeads
        let directions = Self.directions, genericTails = Self.genericTails, afterBody = Self.afterBody
        let shopBeforeGuan = Self.shopBeforeGuan, notInName = OrganizationHeadRule.notInName
        let chineseDigits = PersonRules.chineseDigits
        var found: [Mention] = []
        var stems: [Mention] = []
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            let p = doc.mentions[i]
            guard p.type == .place, p.end > p.start, p.end < f.count else { continue }
            let e = p.end
            if let h = stationHeads.first(where: { has(f, e, $0) }), doc.isFree(e, e + h.count), isStation(doc, p, end: e + h.count) {
                doc.clear(p.start, p.end)
                doc.add(Mention(start: p.start, end: e + h.count, type: .place, candidates: [], rule: "place-facility", canonical: doc.string(p.start, e + h.count)))
                continue
            }
            if nonEntityHeads.contains(where: { has(f, e, $0) }) && doc.owner[e] < 0 {
                doc.clear(p.start, p.end)
                continue
            }
            // Road.
            var r = e
            if r < f.count && directions.contains(f[r]) && r + 1 < f.count && roadHeads.contains(where: { has(f, r + 1, $0) }) { r += 1 }
            if let head = roadHeads.first(where: { has(f, r, $0) }), doc.isFree(e, r + head.count) {
                var end = r + head.count
                var d = end
                while d < f.count && (f[d] >= 0x30 && f[d] <= 0x39 || chineseDigits.contains(f[d])) { d += 1 }
                if d > end && d < f.count && f[d] == 0x6BB5 /* 段 */ { end = d + 1 }
                let start = p.start
                doc.clear(start, p.end)
                let m = Mention(start: start, end: end, type: .place, candidates: [], rule: "place-road", canonical: doc.string(start, end))
                doc.add(m)
                continue
            }
            // A collective word after a place is that place's body: 香港警方, 中國軍方, 駐X辦事處.
            if doc.owner[e] < 0, let w = lex.jurisdiction.collective.first(where: { has(f, e, $0) }), doc.isFree(e, e + w.count) {
                doc.add(Mention(start: e, end: e + w.count, type: .agency, candidates: [], rule: "generic-body", canonical: nil))
            }
            // Merge with the agency or organization that follows.
            if doc.owner[e] >= 0 {
                let j = Int(doc.owner[e])
                let next = doc.mentions[j]
                guard next.start == e, next.type == .agency || next.type == .organization else { continue }
                var merged = next
                merged.start = p.start
                if next.rule != nil { merged.canonical = doc.string(p.start, next.end) }
                if next.candidates.count > 1, p.candidates.count == 1 {
                    let placeRegions = Set(lex.regions[p.candidates[0]].filter { lex.entries[Int($0)].kind == .agency })
                    let fitting = next.candidates.filter { !placeRegions.isDisjoint(with: lex.regions[$0]) }
                    if fitting.count == 1 { merged.candidates = fitting; merged.preferred = nil }
                }
                // The place names the body's state (美國財政部, 法國央行): a body of another
                // state is never kept; the stem picks the body of this one, else none is named.
                // A mission: [sender]駐[host]大使館. The host place does not name the body's state;
                // the sender before 駐 does (中國駐柬埔寨大使館), else the context will.
                if next.type == .agency, p.start >= 1, f[p.start - 1] == 0x99D0 /* 駐 */, doc.owner[p.start - 1] < 0 {
                    var start = p.start - 1
                    var senderState: String? = nil
                    if start >= 1, doc.owner[start - 1] >= 0 {
                        let s = doc.mentions[Int(doc.owner[start - 1])]
                        if s.end == start, s.type == .place, s.candidates.count == 1, let st = lex.jurisdiction.states[s.candidates[0]] {
                            senderState = st
                            start = s.start
                        }
                    }
                    merged.start = start
                    let fits = senderState.map { lex.jurisdiction.entries(stem: Array(f[next.start..<next.end]), state: $0) } ?? []
                    merged.candidates = fits.count == 1 ? fits : []
                    merged.rule = fits.count == 1 ? nil : "generic-body"
                    merged.canonical = nil
                    merged.preferred = nil
                    merged.jurisdiction = senderState
                    merged.jurisdictionSource = senderState == nil ? nil : .prefix
                    merged.mission = true
                    merged.host = p.candidates.count == 1 ? p.candidates[0] : nil
                    doc.clear(start, next.end)
                    doc.add(merged)
                    continue
                }
                if next.type == .agency, p.candidates.count == 1, let ps = lex.jurisdiction.states[p.candidates[0]] {
                    merged.jurisdiction = ps
                    merged.jurisdictionSource = .prefix
                    if merged.candidates.isEmpty || !merged.candidates.allSatisfy({ lex.jurisdiction.states[$0] == ps }) {
                        let fits = lex.jurisdiction.entries(stem: Array(f[next.start..<next.end]), state: ps)
                        merged.preferred = nil
                        if fits.isEmpty {
                            merged.candidates = []
                            merged.rule = "generic-body"
                            merged.canonical = nil
                        } else {
                            merged.candidates = fits
                            merged.rule = nil
                            merged.canonical = nil
                        }
                    }
                    if ps != "TW" { narrowToPlace(&merged, place: p.candidates[0], lex: lex) }
                }
                doc.clear(p.start, next.end)
                doc.add(merged)
                continue
            }
            // A body no list holds.
            var k = e
            var best = -1
            while k < f.count && k - e < 6 && FoldTable.isHan(f[k]) && doc.owner[k] < 0 && !notInName.contains(f[k]) {
                k += 1
                let last = f[k - 1]
                guard lex.agencyHeadLastSet.contains(last) else { continue }
                for h in stride(from: min(lex.maxBodyHeadLength, k - e), through: 1, by: -1) where lex.bodyHeadKinds[packedScalars(f, k - h, k)] == .agency {
                    // 館 after food or drink is a restaurant or a shop (捷克餐酒館, 倫敦獨立咖啡館), after 旅 賓 a hotel (台北市部分旅館), no body.
                    if h == 1 && last == guan && k - e >= 2 && shopBeforeGuan.contains(f[k - 2]) { break }
                    if k - e >= 2 && !genericTails.contains(doc.folded, e, k) && !isRegion(f, e, k) { best = k }
                    break
                }
            }
            guard best > 0, !endsInCommonWord(doc, e, best) else { continue }
            if best < f.count && FoldTable.isHan(f[best]) && doc.owner[best] < 0 && !cueEdges.starts(at: best) && !afterBody.contains(f[best])
                && !endsBeforeWord(doc, p.end, best) { continue }
            doc.clear(p.start, p.end)
            // The canonical in Traditional script, as the lists write bodies (上海市应急管理局 →
            // 上海市應急管理局).
            var m = Mention(start: p.start, end: best, type: .agency, candidates: [], rule: "place-body", canonical: doc.foldedString(p.start, best))
            // 警局 is the short form of 警察局 (洛杉磯警局 → 洛杉磯警察局), as the lists write Taiwan's.
            if best - e >= 2, f[best - 2] == 0x8B66 /* 警 */, f[best - 1] == 0x5C40 /* 局 */ {
                m.canonical = doc.foldedString(p.start, best - 1) + "察局"
            }
            // A mission no list holds by this name (the press's 總領館, 領館): [sender]駐[host]X館
            // is the sender's, found among its missions by the host (中国驻休斯敦总领馆).
            if f[best - 1] == guan, p.start >= 1, f[p.start - 1] == 0x99D0 /* 駐 */, doc.owner[p.start - 1] < 0 {
                m.start = p.start - 1
                m.rule = "generic-body"
                m.canonical = nil
                m.mission = true
                m.host = p.candidates.count == 1 ? p.candidates[0] : nil
                if m.start >= 1, doc.owner[m.start - 1] >= 0 {
                    let s = doc.mentions[Int(doc.owner[m.start - 1])]
                    if s.end == m.start, s.type == .place, s.candidates.count == 1, let st = lex.jurisdiction.states[s.candidates[0]] {
                        doc.clear(s.start, s.end)
                        m.start = s.start
                        m.jurisdiction = st
                        m.jurisdictionSource = .prefix
                    }
                }
                doc.add(m)
                found.append(m)
                continue
            }
            if p.candidates.count == 1, let ps = lex.jurisdiction.states[p.candidates[0]] {
                m.jurisdiction = ps
                m.jurisdictionSource = .prefix
                // A state's ministry, bureau or agency no list holds (美國運輸部): its name without
                // the state, elsewhere in the document, is the same body (運輸部), when no list has
                // that name and it is not generic (not 中央政府, 辦公室, 使領館, 東半部, 監管當局).
                if best - e >= 3, stemHeads.contains(f[best - 1]), f[best - 2] != 0x534A /* 半 */, f[best - 2] != 0x7576 /* 當 */,
                   JurisdictionTable.segmentCount(lex.entries[p.candidates[0]].id) == 2,
                   !lex.jurisdiction.isGeneric(Array(f[e..<best])), lex.patternIndex[doc.foldedString(e, best)] == nil {
                    var stem = m
                    stem.start = e
                    stems.append(stem)
                }
            }
            doc.add(m)
            found.append(m)
        }
        doc.propagate(found)
        doc.propagate(stems)
    }
}

/// `rule:org-head`: an organization that no list holds, named by a head word that the
/// organization list's own names end with (`Lexicon.bodyHeads`), limited to the unmistakable ones
/// in `Dictionaries/org-heads.tsv` (集團, 日報, 酒店, 聯盟 …; not 公司 or 電視), after a clear left edge: punctuation, the text's
/// start, another entity, or 和/與/及/、/向/由/對/跟/同. The name before the head is 2–4 Han characters
/// without function words (該, 這, 各, 的 …) and not led by a quantifier or generic modifier
/// (大部分銀行, 公股銀行: `genericModifiers`). A place right before it is part of the name
/// (香港 + 星島日報: the press writes the city into the name). Found again elsewhere, too.
enum OrganizationHeadRule {
    static let leftEdge = ScalarSet("和與及、向由對跟同")
    static let notInName = ScalarSet("的是在了也都又就還並但於對從向把被讓給以之其這那此該各每某等個家間所些與和及或还并对从让给这该个间与")
    /// Pronouns and the Simplified 于 (由于, 对于) end the name on the left too (他|上大學 is no name).
    static let pronouns = ScalarSet("他她它我你們咱于")
    /// Head words that only name organizations (never a generic noun phrase like 數位電視).
    /// Quantifiers and generic modifiers that make `X銀行` a noun phrase, not a name
    /// (大部分銀行, 公股銀行, 國內大學).
    static let genericModifiers: [String] = ["大部分", "部分", "所有", "多數", "少數", "多家", "數家", "幾家", "其他", "其餘",
                                             "主要", "各大", "國內", "國外", "海外", "全國", "全臺", "外資", "外商", "公股",
                                             "民營", "公營", "國營", "地方", "相關", "大型", "小型", "中小", "私立", "公立",
                                             "著名", "知名", "本地", "當地", "頂尖", "一流"]
    /// The first characters of `genericModifiers`: one bit test before a candidate name's String
    /// is built and compared with each modifier (most candidates start with none).
    static let genericModifierFirsts = ScalarSet(genericModifiers.map { $0.unicodeScalars.first!.value })

    /// Whether the name `f[start..<end]` (Han characters) starts with a generic modifier. The
    /// String comparison decides, as before; the bit test only skips names that cannot match: a
    /// first character that starts no modifier and is no CJK compatibility ideograph (String
    /// comparison takes one as its unified twin).
    static func startsWithGenericModifier(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        let c = doc.folded[start]
        guard genericModifierFirsts.contains(c) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F) else { return false }
        // A name of characters Unicode never composes or joins (`WordSet.isInert`) has a String
        // prefix exactly where it has a scalar prefix: compared in place (a String's hasPrefix
        // normalises both sides, about 6,000 instructions a name against the 36 modifiers).
        if (start..<end).allSatisfy({ WordSet.isInert(doc.folded[$0]) }) {
            return genericModifierScalars.contains { m in m.count <= end - start && PlacePrefixRules.has(doc.folded, start, m) }
        }
        let name = doc.foldedString(start, end)
        return genericModifiers.contains(where: { name.hasPrefix($0) })
    }
    static let genericModifierScalars = genericModifiers.map { $0.unicodeScalars.map(\.value) }

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        // Heads the organization list itself uses, limited to unmistakable organization heads.
        let heads = lex.organizationHeadKeys
        guard !heads.isEmpty else { return }
        let maxHead = lex.organizationHeadMaxLength
        let f = doc.folded
        var found: [Mention] = []
        // Only where a head's last character stands (`RuleMarks`).
        for p in doc.marks[.organizationHeadLast] where p >= 1 {
            let end = p + 1
            guard doc.owner[end - 1] < 0 else { continue }
            var headLen = 0
            for k in stride(from: min(maxHead, end), through: 2, by: -1) where heads.contains(packedScalars(f, end - k, end)) {
                headLen = k; break
            }
            guard headLen > 0, end == f.count || !FoldTable.isHan(f[end]) || doc.owner[end] >= 0 || !isNameContinuation(f[end]) else { continue }
            let headStart = end - headLen
            guard doc.isFree(headStart, end) else { continue }
            // Walk left over name characters.
            var start = headStart
            while start > 0 && headStart - start < 4 && FoldTable.isHan(f[start - 1]) && doc.owner[start - 1] < 0 && !notInName.contains(f[start - 1])
                    && !pronouns.contains(f[start - 1]) {
                start -= 1
            }
            // Verbs, adverbs and conjunctions that end right before a name (成為|滬江大學, 利用|貨幣聯盟,
            // 而且|醫院, 通過|電台): the name starts after them, and they are its clear left edge.
            let afterLeftWords = skipLeftWords(doc, from: start, before: headStart)
            let leftWordEdge = afterLeftWords > start
            start = afterLeftWords
            guard headStart - start >= 2 else { continue }
            guard !startsWithGenericModifier(doc, start, headStart), !UnlistedOrganizationRule.isNumeralFirst(f[start]) else { continue }
            var nameStart = start
            let edgeOK: Bool
            if leftWordEdge || start == 0 || !FoldTable.isHan(f[start - 1]) || leftEdge.contains(f[start - 1]) {
                edgeOK = true
            } else if doc.owner[start - 1] >= 0 {
                let left = doc.mentions[Int(doc.owner[start - 1])]
                edgeOK = true
                if left.type == .place && left.end == start { nameStart = left.start; doc.clear(left.start, left.end) }
            } else {
                edgeOK = false
            }
            guard edgeOK else { continue }
            let m = Mention(start: nameStart, end: end, type: .organization, candidates: [], rule: "org-head", canonical: doc.string(nameStart, end))
            doc.add(m)
            found.append(m)
        }
        doc.propagate(found)
    }

    /// The offset after the ICU words of `org-heads.tsv`'s `left-word` rows that start at `start`
    /// (成為, 而且, 通過, 規定|成立 …), one after another, before `limit`; `start` when there are none.
    static func skipLeftWords(_ doc: TaggingDocument, from start: Int, before limit: Int) -> Int {
        let words = doc.lexicon.organizationLeftWords
        guard !words.isEmpty else { return start }
        var at = start
        var lo = 0, hi = doc.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.tokens[mid].start < at { lo = mid + 1 } else { hi = mid }
        }
        while lo < doc.tokens.count, doc.tokens[lo].start == at, doc.tokens[lo].end <= limit,
              words.contains(doc.folded, at, doc.tokens[lo].end) {
            at = doc.tokens[lo].end
            lo += 1
        }
        return at
    }

    /// Characters that, right after a head, show the head is not the end of a name (集團化, 日報導).
    static func isNameContinuation(_ c: UInt32) -> Bool { nameContinuations.contains(c) }
    static let nameContinuations = ScalarSet("化導社式性界")
}

/// `rule:quoted-body`: a body named in corner quotes, 「智慧城鄉發展委員會」, whose name ends with a
/// head word that the dictionaries' own agency or organization names end with (委員會, 局, 大學 …,
/// see `Lexicon.bodyHeads`). The press quotes the name of a body that is being set up or renamed,
/// which no list can hold yet. Its later unquoted mentions are found too.
enum QuotedBodyRule {
    static let open: UInt32 = 0x300C   // 「
    static let close: UInt32 = 0x300D  // 」
    /// Personal pronouns and the markers 把 and 被: a quoted clause, not a name.
    static let clauseCharacters = ScalarSet("我你妳他她咱們把被们")
    /// 人 ends words for people (「老杭州人」, 「平民代言人」), not a body's name, as a one-character head.
    static let person: UInt32 = 0x4EBA // 人

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        guard lex.maxBodyHeadLength > 0 else { return }
        var found: [Mention] = []
        // At each 「 (`RuleMarks`) after the last quote read.
        var next = 0
        for i in doc.marks[.quoteOpen] where i >= next {
            var j = i + 1
            while j < doc.folded.count && j - i <= 24 && doc.folded[j] != close && FoldTable.isHan(doc.folded[j]) { j += 1 }
            defer { next = j }
            guard j < doc.folded.count, doc.folded[j] == close else { continue }
            let start = i + 1, end = j
            let len = end - start
            // A phrase with 的 describes, it names nothing (「天下最惡的人」, 「社會主義的軍隊」); one with a
            // personal pronoun or 把/被 is a clause someone said (「趕快把我踢出國家隊」).
            guard len >= 4, !doc.folded[start..<end].contains(0x7684),
                  !doc.folded[start..<end].contains(where: { clauseCharacters.contains($0) }) else { continue }
            // Already one dictionary entity: nothing to add.
            if doc.owner[start] >= 0, doc.mentions[Int(doc.owner[start])].start == start,
               doc.mentions[Int(doc.owner[start])].end == end { continue }
            var kind: EntityType? = nil
            var headLength = 0
            for k in stride(from: min(lex.maxBodyHeadLength, len - 2), through: 1, by: -1) {
                if let t = lex.bodyHeadKinds[packedScalars(doc.folded, end - k, end)] { kind = t; headLength = k; break }
            }
            guard let type = kind else { continue }
            // A one-character head is an ICU word of its own (發展|局) or ends a head word of
            // `org-heads.tsv` (週刊, 俱樂部, 合唱團), or the phrase starts with an entity (民進黨|當局);
            // not the end of another word, which names a person, a field or a thing (代言人, 弟子,
            // 邏輯學, 醜聞, 事業), and never 人 (「老杭州人」).
            if headLength == 1 {
                guard doc.folded[end - 1] != person else { continue }
                var t = doc.firstToken(atOrAfter: end - 1)
                if t > 0 && (t == doc.tokens.count || doc.tokens[t].start > end - 1) { t -= 1 }
                let tok = doc.tokens[t]
                let own = tok.start == end - 1 && tok.end == end
                let headWord = tok.end == end && tok.start >= start
                    && (lex.placeNamedHeads.contains { PlacePrefixRules.has(doc.folded, tok.start, $0) && $0.count == end - tok.start }
                        || lex.unlistedNameHeads.contains { PlacePrefixRules.has(doc.folded, tok.start, $0) && $0.count == end - tok.start }
                        || lex.orgUnitHeads.contains { PlacePrefixRules.has(doc.folded, tok.start, $0) && $0.count == end - tok.start })
                guard own || headWord || doc.owner[start] >= 0 else { continue }
            }
            let m = Mention(start: start, end: end, type: type, candidates: [], rule: "quoted-body",
                            canonical: doc.string(start, end))
            doc.clear(start, end)
            doc.add(m)
            found.append(m)
        }
        doc.propagate(found)
    }
}

/// People who are in no list, found from the cues of `person-cues.tsv` and the surnames of
/// `surnames.tsv`. A name is a surname (single or compound) plus one or two given-name characters.
/// Each finding's source names the rule and the cue's id, e.g. `rule:person-title:cue.045`.
///
/// - `person-credit`: a credit or dateline template matched in full, its `{name}`/`{names}`
///   slots giving the names: （編輯：林恕暉）, （譯者：…／核稿：…）, （中央社記者葉臻桃園19日電）. A
///   `{place}` slot is first tried as a dictionary place (so 葉臻|桃園 splits right).
/// - `person-title`: a title or role right before the name (市長張善政); the name takes two
///   given-name characters unless the second cannot be part of a name (a function word, a cue
///   such as 說, or the start of another entity). A list continues through `、`.
/// - `person-verb`: a verb or title right after the name (張善政說), the name standing after a
///   boundary: punctuation, the text's start, a title, another entity, or 和/與/及…. A weak verb
///   (`verb-weak`: 出席, 主持) needs punctuation, the start, a title or an entity before the name.
/// - `person-repeat`: a name found by the rules above, found again elsewhere in the document.
///
/// Guards against a surname followed by a common word: given-name characters are Han and not
/// function words (`nonNameCharacters`); nothing overlaps a dictionary entity; a two-character
/// name found only by a verb must not be a single ICU dictionary word (官員說, 公司表示).
enum PersonRules {
    /// Characters that do not occur in given names of the press's people, only as function words
    /// after or around names. Deliberately short: a character here can never start a given name.
    static let nonNameCharacters = ScalarSet(
        "的了是在和與及或也都又就還而並但於對從向把被讓給以之其這那此該各每某等說今昨日月指認稱將已曾會要到來去上下們者我你您他她它着")
    /// Characters allowed right before a name found by a verb (besides punctuation and entities).
    static let beforeNameCharacters = ScalarSet("和與及跟、向對由據但並")
    static let separators = ScalarSet([0x3001, 0x2F, 0x20])
    static let chineseDigits = ScalarSet("〇零一二三四五六七八九十廿卅")
    /// Titles of a byline: the name after one is the article's own staff (`role: "staff"`).
    static let anonymised = ScalarSet("女男姓翁嫌童婦嬤")
    static let staffTitles: Set<String> = ["記者", "中央社記者", "攝影記者", "特派員"]
    /// The last characters of `staffTitles`: a cue ending otherwise is no staff title, and its
    /// String is not built. A cue ending in a CJK compatibility ideograph (U+F900 and above) is
    /// still compared as a String, which treats it as the character it stands for.
    static let staffTitleLast = ScalarSet(staffTitles.compactMap { $0.unicodeScalars.last?.value })
    static let staffTitleWords = WordSet(staffTitles)
    static func isStaffTitle(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return staffTitles.contains("") }
        let last = doc.folded[end - 1]
        guard last >= 0xF900 || staffTitleLast.contains(last) else { return false }
        return staffTitleWords.contains(doc.folded, start, end)
    }

    static func apply(_ doc: inout TaggingDocument) {
        var found: [Mention] = []
        let cueEdges = CueEdges(doc) { $0 != .credit }

        let edges = doc.nameEdges ?? NameFinder.Edges(doc)
        doc.nameEdges = edges
        func markStaff(_ doc: inout TaggingDocument, _ m: Mention) {
            let o = doc.owner[m.start]
            if o >= 0 { doc.mentions[Int(o)].role = .staff }
        }
        for c in doc.cues where c.hit.role == .credit {
            let t = doc.lexicon.templates[c.hit.template]
            guard let names = match(doc, t, at: c.start, dictionaryPlaces: true, edges: edges)
                    ?? match(doc, t, at: c.start, dictionaryPlaces: false, edges: edges) else { continue }
            for r in names {
                if var m = accept(&doc, r.lowerBound, r.upperBound, rule: "person-credit", cue: t.id, allowPerson: true) {
                    markStaff(&doc, m)
                    m.role = .staff
                    found.append(m)
                }
            }
        }
        for c in doc.cues where c.hit.role == .before {
            // A cue that ends inside an ICU word is part of a longer word (代理|商 in 代理商).
            if splitsToken(doc, at: c.end) { continue }
            let staff = isStaffTitle(doc, c.start, c.end)
            var at = c.end
            while var m = titledName(&doc, at: at, cueEdges: cueEdges, edges: edges, rule: "person-title", cue: c.hit.id)
                    ?? placeGivenName(&doc, at: at, cueEdges: cueEdges, rule: "person-title", cue: c.hit.id)
                    ?? nameBetweenCues(&doc, at: at, cueEdges: cueEdges, rule: "person-title", cue: c.hit.id) {
                if staff { markStaff(&doc, m); m.role = .staff }
                found.append(m)
                // A list after one title: 王揚宇、楊堯茹; or names run together after a byline's
                // title (记者李蕾张羽飞报道) when the model finds a name right there.
                if m.end < doc.folded.count, doc.folded[m.end] == 0x3001 {
                    at = m.end + 1
                } else if staff, NameFinder.nameStarting(doc, at: m.end, edges: edges) != nil {
                    at = m.end
                } else {
                    break
                }
            }
        }
        for c in doc.cues where c.hit.role == .after {
            if let m = verbName(&doc, end: c.start, cueEdges: cueEdges, weak: c.hit.weak, rule: "person-verb", cue: c.hit.id) { found.append(m) }
        }
        doc.propagate(found.map { Mention(start: $0.start, end: $0.end, type: .person, candidates: [], rule: "person-repeat", canonical: $0.canonical) })
    }

    /// Surname lengths (2, then 1) that fit at `pos`, longest first: a surname of `surnames.tsv`
    /// or of the name model's tables (`name-surnames.tsv`, `name-surnames-cn.tsv`: 肖, 闫, 付 …,
    /// looked up through the model's character fold, so 主席肖辉 finds 肖辉).
    static func surnameLengths(_ doc: TaggingDocument, at pos: Int) -> SurnameLengths {
        guard pos >= 0 && pos < doc.folded.count else { return SurnameLengths(two: false, one: false) }
        let keys = doc.lexicon.surnameKeys
        let c = doc.folded[pos]
        let listed = doc.lexicon.surnameKeyFirsts.contains(c)
        let first = UInt64(c) << 32
        return SurnameLengths(two: listed && pos + 1 < doc.folded.count && keys.contains(first | UInt64(doc.folded[pos + 1])),
                              one: listed && keys.contains(first) || modelSurname(doc, pos))
    }

    /// A single surname only the model's tables hold, and not common in text (`modelSurnameStrength`).
    static func modelSurname(_ doc: TaggingDocument, _ pos: Int) -> Bool {
        let model = doc.lexicon.names
        guard !model.isEmpty, let sur = model.surname(doc.folded, pos, 1) else { return false }
        return sur - (model.givenScores(doc.folded[pos])?.text ?? -9) >= modelSurnameStrength
    }

    /// Least log ratio (share among names against share of text, `NameModel`) a surname only the
    /// model's tables hold needs for the cue rules: 肖, 闫, 付, 宁 pass; 代, 席, 南, 原, 師, 都,
    /// 初 (代表, 出席, 南方, 都沒有, 初選) do not.
    static let modelSurnameStrength: Float = 1.5

    /// A surname the cue rules trust only with cues on both sides of the name: a "needs a cue"
    /// row of `surnames.tsv`.
    static func isWeakSurname(_ doc: TaggingDocument, _ pos: Int, _ L: Int) -> Bool {
        doc.lexicon.weakSurnames.contains(doc.folded, pos, pos + L)
    }

    /// The lengths `surnameLengths` found, as a sequence (2, then 1) that needs no array: it is
    /// asked at every candidate name start.
    struct SurnameLengths: Sequence, IteratorProtocol {
        var two: Bool
        var one: Bool
        var isEmpty: Bool { !two && !one }
        mutating func next() -> Int? {
            if two { two = false; return 2 }
            if one { one = false; return 1 }
            return nil
        }
    }

    static func nameChar(_ doc: TaggingDocument, _ i: Int) -> Bool {
        guard i >= 0 && i < doc.folded.count else { return false }
        let c = doc.folded[i]
        return FoldTable.isHan(c) && !nonNameCharacters.contains(c) && doc.owner[i] < 0
    }

    /// What a rule or the name model may never take for a person's name: a day of the week
    /// (周五, 週日, 周末 after a title: 特朗普总统周五表示; 周三晚: a day and a part of it), a surname
    /// with a term of address (王妈妈, 陳老師), a surname used as an adverb or preposition (曾多次,
    /// 于周一). The words are `not-names.tsv`'s (`NotNames`).
    static func isNoName(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        let words = doc.lexicon.notNames
        return words.isWeekday(doc.folded, start, end) || words.isAddressForm(doc.folded, start, end)
            || words.isFunctionLed(doc.folded, start, end, wordEnd: { doc.wordEnd(startingAt: $0) })
            || words.cutsWords(doc.folded, start, end, wordEnd: { doc.wordEnd(startingAt: $0) })
    }

    /// Adds a person at `start..<end` if the span is free (or, with `allowPerson`, exactly one
    /// dictionary person already). The rule is named `rule:cue` (person-title:cue.045), a String
    /// built only here, for what is accepted, not for every candidate.
    static func accept(_ doc: inout TaggingDocument, _ start: Int, _ end: Int, rule: String, cue: String, allowPerson: Bool = false) -> Mention? {
        if allowPerson, start < doc.owner.count, doc.owner[start] >= 0 {
            let m = doc.mentions[Int(doc.owner[start])]
            if m.type == .person && m.start == start && m.end == end { return m }
        }
        guard doc.isFree(start, end), !isNoName(doc, start, end) else { return nil }
        let m = Mention(start: start, end: end, type: .person, candidates: [], rule: rule + ":" + cue, canonical: doc.string(start, end))
        doc.add(m)
        return m
    }

    /// Characters of Chinese transliterations of foreign names (歐塔加斯, 德梅斯, 塞克斯).
    static let transliterationCharacters = ScalarSet(
        "阿艾愛安奧澳巴拔柏拜班邦貝本比彼畢波伯博布查達黛戴丹道德迪蒂丁杜敦多俄厄恩法凡范菲費芬豐佛弗福傅蓋甘岡戈格葛古瓜圭哈海漢赫亨洪胡華霍基吉加賈傑捷金卡凱坎康柯科克肯孔庫寇拉萊賴蘭朗勞雷蕾黎李里理麗利連列林琳羚隆盧魯路倫羅洛馬瑪麥曼梅蒙米密敏明摩莫默穆納奈南內尼妮紐努諾歐帕派潘佩彭皮珀普奇齊契喬切欽瓊丘屈任瑞若撒薩塞賽森沙莎珊山尚舍申施什史斯松蘇索塔泰坦湯唐特提廷圖托瓦萬旺威韋維溫沃伍西希席夏辛休雅亞揚耶伊因英尤約扎詹茲宗佐卓澤")

    /// A foreign name right after a title: a run of 3–6 transliteration characters followed by a
    /// parenthesised Latin original （Morgan Ortagus） or by a verb cue.
    static func foreignName(_ doc: TaggingDocument, at b: Int, cueEdges: CueEdges) -> Int? {
        let f = doc.folded
        var e = b
        while e < f.count && e - b < 6 && transliterationCharacters.contains(f[e]) && doc.owner[e] < 0 { e += 1 }
        guard e - b >= 3 else { return nil }
        // The longest run that ends at a gloss or a cue.
        for end in stride(from: e, through: b + 3, by: -1) {
            if cueEdges.starts(at: end) { return end }
            if end + 1 < f.count && f[end] == 0x28 && ((f[end + 1] | 0x20) >= 0x61 && (f[end + 1] | 0x20) <= 0x7A) { return end }
        }
        return nil
    }

    static func titledName(_ doc: inout TaggingDocument, at b: Int, cueEdges: CueEdges, edges: NameFinder.Edges, rule: String, cue: String) -> Mention? {
        if let end = foreignName(doc, at: b, cueEdges: cueEdges) {
            return accept(&doc, b, end, rule: rule, cue: cue)
        }
        // The first part of a dotted name (歌手詹姆斯|·拜登, 演员李奥|纳多·迪卡普里奥) is the
        // model's: the name goes on.
        func dotted(_ end: Int) -> Bool { end < doc.folded.count && doc.folded[end] == 0xB7 }
        for L in surnameLengths(doc, at: b) {
            guard (b..<(b + L)).allSatisfy({ i in i < doc.folded.count && doc.owner[i] < 0 }) else { continue }
            if let end = functionCharName(doc, b, L, edges: edges, cueEdges: cueEdges), !dotted(end) {
                if L == 1 && isWeakSurname(doc, b, L) && !cueEdges.starts(at: end) { return nil }
                return accept(&doc, b, end, rule: rule, cue: cue)
            }
            guard nameChar(doc, b + L), !cueEdges.starts(at: b + L) else { continue }
            let second = b + L + 1
            // Two given-name characters, unless the second starts another name that the model
            // finds right there (李蕾|张羽飞) or ends inside an ICU word that runs on.
            let two = nameChar(doc, second) && !cueEdges.starts(at: second)
                && !(NameFinder.nameStarting(doc, at: second, edges: edges, margin: -1.5) != nil
                     && NameFinder.nameStarting(doc, at: b + L + 2, edges: edges) == nil)
            var end = b + L + (two ? 2 : 1)
            let model = doc.lexicon.names
            if !model.isEmpty {
                let w = NameFinder.weights
                func score(_ G: Int) -> Float {
                    NameFinder.score(doc, model, edges, edges.before, edges.after, b, L, G) ?? -.infinity
                }
                // The name's second given-name character starts a word that runs on (申思|利用,
                // 马内|为首): one character, unless the model likes the longer name better by
                // `titleOne` (孫家正|在).
                if two && edges.crosses(b + L + 2) && !edges.crosses(b + L + 1) && score(1) + w.titleOne > score(2) {
                    end = b + L + 1
                }
                // After a title, a surname and a common word (曾|根据, 曾|先后) is no name; when
                // two given-name characters fail, one may do (高敏|为国), unless the second is one
                // the model refuses outright (宋小女: not 宋小).
                if score(end - b - L) < w.titleFloor {
                    guard end == b + L + 2, score(2) > -.infinity, score(1) >= w.titleFloor else { return nil }
                    end = b + L + 1
                }
            }
            if L == 1 && isWeakSurname(doc, b, L) && !cueEdges.starts(at: end) { return nil }
            if dotted(end) || dotted(end + 1) || dotted(end + 2) { return nil }
            // A two-character ICU word after a role is a word (作者|简介, 議員|初選).
            if end - b == 2 && isSingleWord(doc, b, end) { return nil }
            return accept(&doc, b, end, rule: rule, cue: cue)
        }
        return nil
    }

    /// After a title, a surname whose given name is a place the lists hold (醫師邱南昌說: 南昌 is a
    /// city): surname + place is the name when a verb or another after-cue follows it. The place
    /// mention (one or two characters, right after the surname) gives way to the person.
    static func placeGivenName(_ doc: inout TaggingDocument, at b: Int, cueEdges: CueEdges, rule: String, cue: String) -> Mention? {
        let n = doc.folded.count
        for L in surnameLengths(doc, at: b) {
            let g = b + L
            guard g < n, (b..<g).allSatisfy({ doc.owner[$0] < 0 }), doc.owner[g] >= 0 else { continue }
            let p = doc.mentions[Int(doc.owner[g])]
            guard p.type == .place, p.start == g, p.end - g >= 1, p.end - g <= 2, cueEdges.starts(at: p.end),
                  !(L == 1 && isWeakSurname(doc, b, L)) else { continue }
            let end = p.end
            doc.clear(g, end)
            return accept(&doc, b, end, rule: rule, cue: cue)
        }
        return nil
    }

    /// A pen or stage name (作家季季26日表示): two or three characters that need no surname when a
    /// title or role stands right before them, then a day of the month (26日), then a verb or an
    /// honorific: the way a news sentence opens on its subject. Without the day the span was mostly
    /// a word after a role (負責人|受訪|表示, 記者|電訪). ICU must write each of its characters as a word of
    /// its own (季|季, 七|等|生): a span holding an ICU word is words (院長|親自|表示, 記者|採訪|時|指出),
    /// and neither a function character, an entity nor another cue may stand in it.
    static func nameBetweenCues(_ doc: inout TaggingDocument, at b: Int, cueEdges: CueEdges, rule: String, cue: String) -> Mention? {
        let f = doc.folded
        let n = f.count
        for len in [3, 2] {
            let e = b + len
            guard e < n, !TaggingDocument.countFirst.contains(f[b]),
                  (b..<e).allSatisfy({ nameChar(doc, $0) && !cueEdges.starts(at: $0) && !cueEdges.ends(at: $0 + 1) }),
                  (b..<e).allSatisfy({ isSingleWord(doc, $0, $0 + 1) }) else { continue }
            var v = e
            // A day of the month between the name and the verb (季季|26日|表示).
            while v < n && ((f[v] >= 0x30 && f[v] <= 0x39) || (f[v] >= 0xFF10 && f[v] <= 0xFF19)) { v += 1 }
            guard v > e, v < n, f[v] == 0x65E5 else { continue }
            v += 1
            // A verb or an honorific: not a title, which a row of position `both` also lists before names
            // (醫生|檢查出|局長).
            let afterCue = doc.cues.first { $0.start == v && $0.hit.role == .after && !$0.hit.weak }
            guard let afterCue, !doc.cues.contains(where: { $0.start == v && $0.end == afterCue.end && $0.hit.role == .before }) else { continue }
            return accept(&doc, b, e, rule: rule, cue: cue)
        }
        return nil
    }

    /// Function characters that stand in given names (张和平, 钱其琛, 华以刚, 侯仁之, 唐师曾, 金冲及),
    /// first or second (`firstFunctionGiven`, `secondFunctionGiven`): `nonNameCharacters` keeps
    /// them out of names found without a title. Not 曾 and 及 second: 楊斌|曾表示, 潘恩|及夫人.
    /// 在 starts Korean given names (副會長李在鎔, 總統文在寅).
    static let firstFunctionGiven = ScalarSet("和其之及以在")
    static let secondFunctionGiven = ScalarSet("之")

    /// The character at `i` is likelier as a second given-name character than in text (琛, 平,
    /// 刚; not 实, 前: 王其|实, 李以|前 are words).
    static func likelierInNames(_ doc: TaggingDocument, _ i: Int) -> Bool {
        let model = doc.lexicon.names
        return !model.isEmpty && (model.givenScores(doc.folded[i])?.second ?? model.unknownGiven) >= 0
    }

    /// After a title, a name whose given name holds a function character: the end, or nil.
    /// First (张和平, 钱其琛): a title, a surname and 和/其/之/及/以 is a name, not a surname and a
    /// conjunction (a title is written after a bare surname: 张局长和…), when a name character
    /// follows that is likelier in names than in text (`likelierInNames`), starts no other name
    /// (记者王和|李明) and ends an ICU word. Second (侯仁之教授,
    /// 李长之、): only 之, when the name ends its clause or a cue follows.
    static func functionCharName(_ doc: TaggingDocument, _ b: Int, _ L: Int, edges: NameFinder.Edges, cueEdges: CueEdges) -> Int? {
        let f = doc.folded
        let n = f.count
        let g = b + L
        guard g + 1 < n, doc.owner[g] < 0, doc.owner[g + 1] < 0, !cueEdges.starts(at: g), !cueEdges.starts(at: g + 1) else { return nil }
        let end = g + 2
        if firstFunctionGiven.contains(f[g]) {
            guard nameChar(doc, g + 1), !edges.crosses(end), likelierInNames(doc, g + 1),
                  NameFinder.nameStarting(doc, at: g + 1, edges: edges) == nil else { return nil }
            return end
        }
        if nameChar(doc, g), secondFunctionGiven.contains(f[g + 1]) {
            guard end == n || NameFinder.isPunct(f[end]) || cueEdges.starts(at: end), !edges.crosses(end) else { return nil }
            return end
        }
        return conjunctionLast(doc, g, end)
    }

    /// Conjunctions that end a given name when punctuation follows them (作曲家賴德和、李泰祥):
    /// a conjunction joins two things, so one right before a 、 or a comma belongs to the name.
    static let lastConjunctionGiven = ScalarSet("和")

    /// After a title, a surname, a name character and 和 before punctuation (賴德和、): the end, or nil.
    static func conjunctionLast(_ doc: TaggingDocument, _ g: Int, _ end: Int) -> Int? {
        let f = doc.folded
        guard end < f.count, nameChar(doc, g), lastConjunctionGiven.contains(f[g + 1]), NameFinder.isPunct(f[end]),
              f[end] != 0xB7 else { return nil }
        return end
    }

    static func verbName(_ doc: inout TaggingDocument, end a: Int, cueEdges: CueEdges, weak: Bool, rule: String, cue: String) -> Mention? {
        // A title that starts inside the name and runs on (賴|副總統, 李|前總統, 蔡總統) makes it a
        // title reference, not a name (`TitleReferences`).
        func titleInside(_ s: Int, _ L: Int) -> Bool {
            for k in (s + L)..<a where cueEdges.starts(at: k) { return true }
            return false
        }
        func boundaryBefore(_ s: Int) -> Bool {
            if s == 0 { return true }
            let c = doc.folded[s - 1]
            if !FoldTable.isHan(c) { return true }
            if doc.owner[s - 1] >= 0 || cueEdges.ends(at: s) { return true }
            return !weak && beforeNameCharacters.contains(c)
        }
        // 钱其琛说, 。张和平表示: a function character first in a given name of two, after
        // punctuation or the text's start, when the last character is likelier in names than in
        // text (not 王其|实, 李以|前).
        func functionFirst(_ s: Int, _ L: Int) -> Bool {
            let g = s + L
            guard a - g == 2, s == 0 || !FoldTable.isHan(doc.folded[s - 1]), doc.owner[g] < 0,
                  firstFunctionGiven.contains(doc.folded[g]), nameChar(doc, g + 1) else { return false }
            return likelierInNames(doc, g + 1)
        }
        for n in [3, 2, 4] {
            let s = a - n
            guard s >= 0, boundaryBefore(s), s == 0 || doc.folded[s - 1] != 0xB7, !NameFinder.counted(doc.folded, s) else { continue }
            for L in surnameLengths(doc, at: s) where n - L >= 1 && n - L <= 2 {
                guard ((s + L)..<a).allSatisfy({ nameChar(doc, $0) }) || functionFirst(s, L),
                      (s..<(s + L)).allSatisfy({ doc.owner[$0] < 0 }) else { continue }
                if n == 2 && isSingleWord(doc, s, a) { continue }
                // Anonymised forms: 李女, 王男 (and 王姓…) are no names.
                if n - L == 1 && anonymised.contains(doc.folded[s + L]) { continue }
                // 罗姓男|同志, 陳姓|婦人: 姓 in the given name makes it anonymised.
                if ((s + L)..<a).contains(where: { doc.folded[$0] == 0x59D3 }) { continue }
                // A name does not start inside an ICU word (对于|张先生: not 于张).
                if splitsToken(doc, at: s) || titleInside(s, L) { continue }
                if isWeakSurname(doc, s, L) && !cueEdges.ends(at: s) { continue }
                // A weak surname and two characters before a verb (向外界|透露, 師普遍|認為) need
                // the model's word too, as a name after a title does (`titleFloor`).
                if isWeakSurname(doc, s, L), !doc.lexicon.names.isEmpty, let edges = doc.nameEdges,
                   (NameFinder.score(doc, doc.lexicon.names, edges, edges.before, edges.after, s, L, n - L) ?? -.infinity) < NameFinder.weights.titleFloor { continue }
                return accept(&doc, s, a, rule: rule, cue: cue)
            }
        }
        return nil
    }

    /// True when an ICU token runs across `offset` (starts before it and ends after it).
    static func splitsToken(_ doc: TaggingDocument, at offset: Int) -> Bool {
        var lo = 0, hi = doc.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < doc.tokens.count && doc.tokens[lo].start < offset && doc.tokens[lo].end > offset
    }

    /// True when ICU's dictionary segmentation keeps `start..<end` as one word (a common word).
    static func isSingleWord(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        var lo = 0, hi = doc.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.tokens[mid].start < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < doc.tokens.count && doc.tokens[lo].start == start && doc.tokens[lo].end == end
    }

    /// Matches a credit/dateline template at `pos`; the name spans of its slots, or nil.
    static func match(_ doc: TaggingDocument, _ t: CueTemplate, at pos: Int, dictionaryPlaces: Bool, edges: NameFinder.Edges) -> [Range<Int>]? {
        let f = doc.folded
        let n = f.count
        // A name in a credit: surname first, 2–4 Han characters, not inside a non-person entity.
        func nameLengths(_ i: Int) -> [Int] {
            guard !surnameLengths(doc, at: i).isEmpty else { return [] }
            // Two characters first when a name the model finds starts right after them (李蕾张羽飞).
            let order = NameFinder.nameStarting(doc, at: i + 2, edges: edges, margin: -1.5) != nil ? [2, 3, 4] : [3, 2, 4]
            return order.filter { len in
                i + len <= n && (i..<(i + len)).allSatisfy { k in
                    FoldTable.isHan(f[k]) && (doc.owner[k] < 0 || doc.mentions[Int(doc.owner[k])].type == .person)
                }
            }
        }
        var budget = 400
        func go(_ k: Int, _ i: Int, _ names: [Range<Int>]) -> [Range<Int>]? {
            budget -= 1
            if budget < 0 { return nil }
            if k == t.parts.count { return names }
            switch t.parts[k] {
            case .literal(let lit):
                guard PlacePrefixRules.has(f, i, lit) else { return nil }
                return go(k + 1, i + lit.count, names)
            case .name:
                for len in nameLengths(i) { if let r = go(k + 1, i + len, names + [i..<(i + len)]) { return r } }
                return nil
            case .names:
                for len in nameLengths(i) {
                    let more = names + [i..<(i + len)]
                    if i + len + 1 < n, separators.contains(f[i + len]), let r = go(k, i + len + 1, more) { return r }
                    if let r = go(k + 1, i + len, more) { return r }
                }
                return nil
            case .place:
                if dictionaryPlaces {
                    guard i < n, doc.owner[i] >= 0 else { return nil }
                    let m = doc.mentions[Int(doc.owner[i])]
                    guard m.type == .place, m.start == i else { return nil }
                    return go(k + 1, m.end, names)
                }
                // A place no list holds is not a name the model finds (记者李蕾|张羽飞报道).
                if NameFinder.nameStarting(doc, at: i, edges: edges) != nil { return nil }
                var len = 1
                while i + len <= n && len <= 8 && FoldTable.isHan(f[i + len - 1]) {
                    if len >= 2, let r = go(k + 1, i + len, names) { return r }
                    len += 1
                }
                return nil
            case .day:
                var j = i
                while j < n && j - i < 3 && ((f[j] >= 0x30 && f[j] <= 0x39) || chineseDigits.contains(f[j])) { j += 1 }
                return j > i ? go(k + 1, j, names) : nil
            case .date:
                var j = i
                while j < n && j - i < 8 && f[j] >= 0x30 && f[j] <= 0x39 { j += 1 }
                return j - i >= 7 ? go(k + 1, j, names) : nil
            }
        }
        return go(0, pos, [])
    }
}
