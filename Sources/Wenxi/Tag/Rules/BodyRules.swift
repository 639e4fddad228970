/// `rule:unit-compound`: a body named with its parent is one entity.
/// - A listed body right after one of its ancestors: 行政院環保署, 衛福部疾管署 → the unit's entry
///   (its canonical and parent chain), spanning both names.
/// - A body found by a rule (`place-body`: 台北專勤隊) right after a listed agency whose text ends
///   with a unit head: 移民署台北專勤隊 → canonical 內政部移民署台北專勤隊, parent 內政部移民署.
/// - A listed agency followed by 2–8 free Han characters ending with a unit head
///   (`unitHeads`: 組 科 處 室 隊 所 司 中心 分署 分局 大隊 專勤隊, and since the twelfth session 局 署 委員會, the
///   heads of a parent's unlisted bureaus: 联合国|开发计划署, 香港特区政府|工商局) at an ICU word edge:
///   國健署菸害防制組 → canonical 衛生福利部國民健康署菸害防制組, parent 衛生福利部國民健康署;
///   內政部戶政司. The name stops before a clause word (國安會|組成專案小組,
///   高公局|預計依交流道所: `clauseLimit`) and before its chief's title (國際合作處|處長); 所 ends
///   it only as an institute's (派出所, 試驗|所; not 交流|道|所), 司 not after 公 上 官 程 (副總工程司 is a title).
///   An unlisted unit whose name has 研究 or ends in 試驗所 is a research institute, an
///   organization (農委會特有生物研究保育中心), as the keys count state-run institutes. A name
///   ending in 部隊 with a word of standing or role (`troopWords`) is the body's troops, no unit
///   (美國陸軍|現役裝甲部隊, 國軍|戰鬥部隊); 解放軍駐港部隊 stays one.
/// - Two contextual names, a unit after its parent (市府衛生局, 縣府教育處): one mention whose
///   entries are the unit's under the parent's (`mergeContextual`); a contextual unit after its
///   parent named in full (新北市府衛生局): that parent's unit.
/// - A listed body whose entries all belong to another state right after a listed agency whose
///   name is not generic (`isForeignUnit`; not 海軍|自衛隊), ending at a word edge (not
///   IMF|財政部|門): APEC秘書處 → canonical 亞太經濟合作會議秘書處 (intl), 歐盟環境局.
/// The compound keeps the jurisdiction of its parent.
enum UnitCompoundRules {
    /// Words of standing or role that make X部隊 an army's troops, not a named unit (folded forms).
    static let troopWords = ["現役", "主力", "戰鬥", "作戰", "精銳", "所屬", "地面", "前線", "一線", "正規", "常規", "地方"]
    static let unitHeads = ["專勤隊", "大隊", "分署", "分局", "中心", "委員會", "組", "科", "處", "室", "隊", "所", "司", "局", "署"]
        .map { Array($0.unicodeScalars.map(\.value)) }

    static func apply(_ doc: inout TaggingDocument) {
        // Local bodies first: a PRC city's 公安局 is not a unit of the national ministry.
        LocalBodyRule.apply(&doc)
        let lex = doc.lexicon
        let f = doc.folded
        var simplified: Bool? = nil
        let order = doc.mentions.indices.filter { doc.mentions[$0].end > doc.mentions[$0].start && doc.mentions[$0].type == .agency }
            .sorted { doc.mentions[$0].start < doc.mentions[$1].start }
        for i in order {
            let a = doc.mentions[i]
            if a.end > a.start, a.rule == nil, a.candidates.count > 1, a.end < f.count, doc.owner[a.end] >= 0 {
                mergeContextual(&doc, i, Int(doc.owner[a.end]))
                continue
            }
            guard a.end > a.start, a.rule == nil, a.candidates.count == 1, a.end < f.count else { continue }
            let parent = a.candidates[0]
            let parentCanonical = lex.entries[parent].canonical
            if doc.owner[a.end] >= 0 {
                let j = Int(doc.owner[a.end])
                let b = doc.mentions[j]
                guard b.start == a.end, b.type == .agency else { continue }
                // A contextual unit name after its parent named in full (新北市府|衛生局: every city has a
                // 衛生局): the one entry under that parent, if it ends at a word edge (墨西哥政府|衛生部|門)
                // or before its chief's title (北市府衛生局|長).
                let units = b.rule == nil ? b.candidates.filter { isAncestor(lex, parent, of: $0) } : []
                if units.count == 1, b.candidates.count == 1 || !PersonRules.splitsToken(doc, at: b.end) || f[b.end] == zhang {
                    var merged = b
                    merged.start = a.start
                    if b.candidates.count > 1 {
                        merged.candidates = units
                        merged.preferred = nil
                        merged.ambiguous = false
                    }
                    doc.clear(a.start, b.end)
                    doc.add(merged)
                } else if b.rule == "place-body" && unitHeads.contains(where: { endsWith(f, b.end, $0) })
                            || b.rule == nil && !lex.jurisdiction.isGeneric(Array(f[a.start..<a.end])) && !PersonRules.splitsToken(doc, at: b.end)
                                && isForeignUnit(lex, b, after: parent, form: Array(f[b.start..<b.end])) {
                    var merged = b
                    merged.start = a.start
                    merged.rule = "unit-compound"
                    merged.candidates = []
                    merged.preferred = nil
                    merged.ambiguous = false
                    merged.canonical = parentCanonical + doc.foldedString(b.start, b.end)
                    merged.parentName = parentCanonical
                    merged.jurisdiction = lex.jurisdiction.states[parent]
                    merged.jurisdictionSource = .name
                    doc.clear(a.start, b.end)
                    doc.add(merged)
                }
                continue
            }
            // An unlisted unit: free Han characters up to a unit head at a word edge, before any
            // clause word or title (`clauseLimit`). Not after a generic name in Simplified text:
            // its one entry is Taiwan's by the list alone (中国央行 … 央行|货币政策司 is the PBoC's).
            if lex.jurisdiction.isGeneric(Array(f[a.start..<a.end])) {
                if simplified == nil { simplified = JurisdictionResolver.isSimplified(doc) }
                if simplified == true { continue }
            }
            var k = a.end
            var end = -1
            let limit = clauseLimit(doc, from: a.end, to: min(f.count, a.end + 10))
            while k < limit && FoldTable.isHan(f[k]) && doc.owner[k] < 0
                    && !PersonRules.nonNameCharacters.contains(f[k]) {
                k += 1
                // A one-character head doubled before 長 (合作處|處長): the unit ends at the first.
                if k - a.end >= 3, k + 1 < f.count, f[k] == f[k - 1], f[k + 1] == zhang,
                   unitHeads.contains(where: { $0.count == 1 && $0[0] == f[k - 1] }) {
                    end = k
                    break
                }
                if let h = unitHeads.first(where: { endsWith(f, k, $0) }), k - a.end >= h.count + 2,
                   !PersonRules.splitsToken(doc, at: k), !endsPersonAfterTitle(doc, from: a.end, head: k - h.count, end: k),
                   h != suo || isInstituteWord(doc, end: k), h != si || !notBeforeSi.contains(f[k - 2]),
                   h.count > 1 || (h[0] != ju && h[0] != shu) || !notBeforeBureau.contains(f[k - 2]) {
                    end = k
                    // The unit's chief's title follows (國際合作處|處長, 派出所|所長): the unit ends here.
                    if k < f.count && (f[k] == zhang || k + 1 < f.count && f[k] == f[k - 1] && f[k + 1] == zhang
                        || k + 2 < f.count && titleModifiers.contains(f[k]) && f[k + 1] == f[k - 1] && f[k + 2] == zhang) { break }
                }
            }
            guard end > 0, !PersonRules.splitsToken(doc, at: a.end) || doc.owner[a.end] < 0 else { continue }
            // A research institute or station under a body is an organization, as the keys count
            // state-run institutes (農委會特有生物研究保育中心, 農委會家畜衛生試驗所; cna_dev's 中研院 rule).
            let unit = doc.foldedString(a.end, end)
            // 部隊 after a body and a word of standing or role names its troops, not a unit
            // (美國陸軍|現役裝甲部隊, 國軍|戰鬥部隊; 解放軍|駐港部隊 is one).
            if unit.hasSuffix("部隊"), troopWords.contains(where: { unit.contains($0) }) { continue }
            let institute = unit.contains("研究") || unit.hasSuffix("試驗所")
            var merged = Mention(start: a.start, end: end, type: institute ? .organization : .agency, candidates: [],
                                 rule: "unit-compound", canonical: parentCanonical + unit)
            merged.parentName = parentCanonical
            if !institute {
                merged.jurisdiction = lex.jurisdiction.states[parent]
                merged.jurisdictionSource = .name
            }
            doc.clear(a.start, end)
            doc.add(merged)
        }
        PoliceUnitRule.apply(&doc)
    }

    /// Two contextual names in a row, the second a unit of the first (市府|衛生局, 縣府|教育處: both
    /// name the body of every city): one mention, with the second's entries whose ancestor is
    /// among the first's (the context then picks the city, as for each name alone).
    static func mergeContextual(_ doc: inout TaggingDocument, _ i: Int, _ j: Int) {
        let lex = doc.lexicon
        let a = doc.mentions[i], b = doc.mentions[j]
        guard b.start == a.end, b.type == .agency, b.rule == nil, !b.candidates.isEmpty else { return }
        let fits = b.candidates.filter { c in a.candidates.contains { isAncestor(lex, $0, of: c) } }
        guard !fits.isEmpty else { return }
        var merged = b
        merged.start = a.start
        merged.candidates = fits
        if let p = merged.preferred, !fits.contains(p) { merged.preferred = nil }
        if fits.count == 1 { merged.ambiguous = false }
        doc.clear(a.start, b.end)
        doc.add(merged)
    }

    static let suo: [UInt32] = [0x6240] // 所
    /// 司 is a ministry's department (社會救助及社工司, 亞東太平洋司), not the 司 of 公司, 上司, 官司,
    /// nor of the title 工程司 (水利署|副總工程司 is an officer, not a department).
    static let si: [UInt32] = [0x53F8]
    static let notBeforeSi = ScalarSet("公上官程")
    static let ju: UInt32 = 0x5C40, shu: UInt32 = 0x7F72 // 局 署
    /// 局 and 署 are no bureau's after these: a verb (簽署, 部署, 連署, 布局), this or that body (本署, 該局, 一局), a common word
    /// (藥局, 郵局, 當局, 格局, 結局, 政局, 大局, 時局, 出局, 騙局, 戰局), and 任 (首任署|長 is a title).
    static let notBeforeBureau = ScalarSet("簽签部連连布本該该此一藥药郵邮當当格結结政大時时出開开騙骗棋戰战全終终賭赌飯饭任變变")
    static let zhang: UInt32 = 0x9577 // 長
    /// Before a chief's title repeating the head (調查統計司|原司長, 秘書處|副處長).
    static let titleModifiers = ScalarSet("原副前代")

    /// ICU words that start a clause after a body's name, not a unit's name: verbs, adverbs and
    /// prepositions the press writes right after the subject (國安會|組成|專案小組, 高公局|預計|依|交流道所,
    /// 移民署|儘速|依…查處, 國軍|派遣…應處, 調查局|搜索…辦公室). Folded (Traditional) forms.
    static let clauseWords: WordSet = WordSet([
        "組成", "籌組", "成立", "設立", "設置", "設", "派", "派遣", "派員", "搜索", "擔任", "增加", "建立", "依", "依法",
        "依照", "根據", "儘速", "跟", "先前", "最近", "終於", "一開始", "開始", "深感", "估", "轄管", "介入", "積極", "全程",
        "親自", "率", "率隊", "有所", "應處", "查處", "妥處", "核處", "懲處", "因應", "急電", "方面", "列隊", "排隊", "則",
        "再", "愈", "負責", "協助", "宣布", "表示", "指出", "要求", "呼籲", "決定", "前往", "進駐", "召開", "舉行", "邀請",
        "解送", "預計", "透過", "針對", "另", "今天", "昨天", "目前", "已經", "正在", "持續", "口中", "官員", "發言人", "相關", "副", "原",
    ])

    /// Where the free text after a body stops being a unit's name: the first ICU word of
    /// `clauseWords`, or the one-character word 長 (經發局|長 is the body's chief; not 長期照顧司). Titles in
    /// general do not stop it (督察組, 專家組 are units).
    static func clauseLimit(_ doc: TaggingDocument, from start: Int, to end: Int) -> Int {
        var t = doc.firstToken(atOrAfter: start)
        while t < doc.tokens.count && doc.tokens[t].start < end {
            let tok = doc.tokens[t]
            if tok.end - tok.start == 1 && doc.folded[tok.start] == zhang || clauseWords.contains(doc.folded, tok.start, tok.end) {
                return tok.start
            }
            t += 1
        }
        return end
    }

    /// Whether the 所 that ends at `end` ends an institute's or station's name (研究所, 派出所,
    /// 試驗|所, 衛生|所), not the particle after a one-character word (交流|道|所|通往) nor a word
    /// for a place (場所, 處所, 住所).
    static let notInstitutes = WordSet(["有所", "場所", "處所", "住所", "廁所", "無所", "之所", "診所", "居所", "寓所"])
    static func isInstituteWord(_ doc: TaggingDocument, end: Int) -> Bool {
        if end >= 2 && notInstitutes.contains(doc.folded, end - 2, end) { return false }
        var lo = 0, hi = doc.tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if doc.tokens[mid].end < end { lo = mid + 1 } else { hi = mid } }
        guard lo < doc.tokens.count, doc.tokens[lo].end == end else { return true }
        if end - doc.tokens[lo].start >= 2 { return true }
        return lo > 0 && doc.tokens[lo - 1].end == doc.tokens[lo].start && doc.tokens[lo - 1].end - doc.tokens[lo - 1].start >= 2
    }

    /// A listed body right after a body of another state (APEC|秘書處, 歐盟|環境局): every entry
    /// its name could be belongs to another state than the body before it, so it is that body's
    /// own unit (亞太經濟合作會議秘書處, intl), not Taipei's 秘書處 or Hong Kong's 環境局. Not
    /// when the body's state has a body of that name (白宮|國安會, 公安部|司法部: the
    /// jurisdiction step links it).
    static func isForeignUnit(_ lex: Lexicon, _ b: Mention, after parent: Int, form: [UInt32]) -> Bool {
        guard !b.candidates.isEmpty, let ps = lex.jurisdiction.states[parent],
              lex.jurisdiction.entries(stem: form, state: ps).isEmpty else { return false }
        return b.candidates.allSatisfy { lex.jurisdiction.states[$0].map { $0 != ps } ?? false }
    }

    /// Whether a one-character unit head that is an ICU word of its own (科 所 組 處 室 隊) ends a
    /// person's name after a title cue rather than a unit: 總理|基里延|科, 部長|米卡|科,
    /// 副行長|劉國強|所 (the title is the person's; the name, one to three characters, or four that
    /// ICU cuts into single characters, happens to end in 科 or 所). A title right before the head
    /// (督察|組, 專家|組) or before longer words (警察|大隊紀錄|組), heads inside a longer word (小組,
    /// 大隊, 辦公室) and units without a title (菸害防制組, 經研處) are units.
    static func endsPersonAfterTitle(_ doc: TaggingDocument, from start: Int, head: Int, end: Int) -> Bool {
        guard end - head == 1, !PersonRules.splitsToken(doc, at: head) else { return false }
        for c in doc.cues where c.hit.role == .before && c.end > start && c.end < head && c.end > c.start {
            let n = head - c.end
            if n <= 3 { return true }
            if n == 4 && (c.end..<head).allSatisfy({ !PersonRules.splitsToken(doc, at: $0 + 1) && isOneCharacterToken(doc, at: $0) }) { return true }
        }
        return false
    }

    /// Whether an ICU word of one character starts at `offset`.
    static func isOneCharacterToken(_ doc: TaggingDocument, at offset: Int) -> Bool {
        var lo = 0, hi = doc.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.tokens[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < doc.tokens.count && doc.tokens[lo].start == offset && doc.tokens[lo].end == offset + 1
    }

    static func endsWith(_ f: [UInt32], _ end: Int, _ lit: [UInt32]) -> Bool {
        end >= lit.count && PlacePrefixRules.has(f, end - lit.count, lit)
    }

    /// True when entry `a` is `b`'s parent, grandparent … (at most eight steps).
    static func isAncestor(_ lex: Lexicon, _ a: Int, of b: Int) -> Bool {
        var p = lex.entries[b].parent.flatMap { lex.indexOfID[$0] }
        var n = 0
        while let x = p, n < 8 {
            if x == a { return true }
            p = lex.entries[x].parent.flatMap { lex.indexOfID[$0] }
            n += 1
        }
        return false
    }
}

/// `rule:police-unit`: Taiwan's police precincts and stations named by their place (tenth
/// session), after `UnitCompoundRules`:
/// - `[city][district]警分局` (高雄市六龜警分局; also when `place-body` took 內埔警分局 as a body
///   no list holds): the listed precinct `[district]分局` of that
///   city's police (its canonical, parent and id); a precinct no list holds, under a listed city
///   police bureau: canonical bureau + `[district]分局`, parent the bureau. The city before it
///   joins the span when it is the district's own city.
/// - A listed body, then a listed place and 分駐所 or 派出所 at a word edge
///   (六龜分局茂林分駐所): one agency, canonical parent + place + head, parent the body; a precinct
///   found here, then two or three free characters and the head (六龜警分局森濤派出所): the same.
/// - A listed place and 分駐所 or 派出所 alone (茂林分駐所): the same station's canonical when the
///   document names it after its precinct, otherwise its own text; the place's state (in
///   Simplified text, the context's: 龙潭派出所 in a Hubei story is not Taoyuan's).
/// - 市警局 / 縣警局 at ICU word edges: the police bureau of the city or county named right before
///   it, or else before it in the sentence (nearest first), or in the dateline (（中央社記者洪學廣高雄27日電）); none when
///   neither names one.
/// Jurisdiction: the parent's state, or the place's (TW for Taiwan's places); never by default.
enum PoliceUnitRule {
    static let precinctTail = Array("警分局".unicodeScalars.map(\.value))
    static let bureau: UInt32 = 0x5C40, office: UInt32 = 0x6240 // 局 所
    static let stationHeads = ["分駐所", "派出所"].map { Array($0.unicodeScalars.map(\.value)) }
    static let bureauTail = Array("警局".unicodeScalars.map(\.value))
    static let shi: UInt32 = 0x5E02 // 市
    static let xian: UInt32 = 0x7E23 // 縣
    static let precinctClass = "police-precinct"

    static func apply(_ doc: inout TaggingDocument) {
        // One pass for the words every step needs (警分局 and 警局; 分駐所 and 派出所; 公所): most
        // documents hold none of them, and then no step has anything to do.
        let f = doc.folded
        var police = false, office = false
        for k in doc.marks[.bureauOrOffice] where k >= 1 {
            let c = f[k], b = f[k - 1]
            if c == bureau {
                if b == 0x8B66 /* 警 */ || (b == 0x5206 /* 分 */ && k >= 2 && f[k - 2] == 0x8B66) { police = true }
            } else if c == Self.office {
                if b == 0x99D0 /* 駐 */ || b == 0x51FA /* 出 */ { police = true } else if b == 0x516C /* 公 */ { office = true }
            }
        }
        if police {
            // Stations after a precinct found here only when it found one.
            if precincts(&doc) { freeStations(&doc) }
            var named: [String: Mention] = [:]
            stations(&doc, compounds: true, named: &named)
            stations(&doc, compounds: false, named: &named)
            bureaus(&doc)
        }
        if office { OfficeReferenceRule.apply(&doc) }
    }

    /// The place entry's parent, when it is a place (六龜區 → 高雄市).
    static func parentPlace(_ lex: Lexicon, _ e: Int) -> Int? {
        guard let pid = lex.entries[e].parent, let p = lex.indexOfID[pid], lex.entries[p].kind == .place else { return nil }
        return p
    }

    /// A mention of `start..<end` linked to the listed body `e`: its canonical, parent and state.
    static func linked(_ lex: Lexicon, _ start: Int, _ end: Int, rule: String, to e: Int) -> Mention {
        var m = Mention(start: start, end: end, type: .agency, candidates: [], rule: rule, canonical: lex.entries[e].canonical)
        m.linked = e
        m.parentName = lex.parentCanonicals[e]
        m.jurisdiction = lex.jurisdiction.states[e]
        return m
    }

    /// A listed agency, not contextual, named exactly `name`.
    static func agency(_ lex: Lexicon, named name: String) -> Int? {
        guard let p = lex.patternIndex[name] else { return nil }
        return lex.refs[p].first { lex.entries[Int($0.entry)].kind == .agency && !$0.contextual }.map { Int($0.entry) }
    }

    @discardableResult
    static func precincts(_ doc: inout TaggingDocument) -> Bool {
        let lex = doc.lexicon
        let f = doc.folded
        var found = false
        for i in doc.mentions.indices where doc.mentions[i].type == .place
            || doc.mentions[i].type == .agency && UnitCompoundRules.endsWith(f, doc.mentions[i].end, precinctTail) && doc.mentions[i].rule == "place-body" {
            var p = doc.mentions[i]
            // `place-body` may have taken [place]警分局 as a body no list holds: the place is its
            // first part (內埔|警分局).
            if p.type == .agency {
                guard p.end - p.start > 3, UnitCompoundRules.endsWith(f, p.end, precinctTail),
                      let ref = lex.patternIndex[doc.foldedString(p.start, p.end - 3)],
                      let e = lex.refs[ref].first(where: { lex.entries[Int($0.entry)].kind == .place && !$0.contextual }) else { continue }
                p = Mention(start: p.start, end: p.end - 3, type: .place, candidates: [Int(e.entry)])
            }
            let body = doc.mentions[i].type == .agency
            let pe = p.end
            guard pe + 3 <= f.count, PlacePrefixRules.has(f, pe, precinctTail) else { continue }
            guard p.end > p.start, p.rule == nil, p.candidates.count == 1, body || doc.isFree(pe, pe + 3),
                  !PersonRules.splitsToken(doc, at: pe + 3), let city = parentPlace(lex, p.candidates[0]) else { continue }
            let district = doc.foldedString(p.start, p.end)
            let cityName = lex.entries[city].canonical
            var m: Mention
            if let ref = lex.patternIndex[district + "分局"],
               let e = lex.refs[ref].map({ Int($0.entry) }).first(where: {
                   lex.entries[$0].entryClass == precinctClass && lex.entries[$0].canonical.hasPrefix(cityName) }) {
                m = linked(lex, p.start, pe + 3, rule: "police-unit", to: e)
            } else if let bureau = agency(lex, named: cityName + "政府警察局") ?? agency(lex, named: cityName + "警察局") {
                m = Mention(start: p.start, end: pe + 3, type: .agency, candidates: [], rule: "police-unit",
                            canonical: lex.entries[bureau].canonical + district + "分局")
                m.parentName = lex.entries[bureau].canonical
                m.jurisdiction = lex.jurisdiction.states[bureau]
            } else { continue }
            m.jurisdictionSource = .name
            // The district's own city right before it joins the name (高雄市|六龜|警分局).
            if p.start > 0, doc.owner[p.start - 1] >= 0 {
                let q = doc.mentions[Int(doc.owner[p.start - 1])]
                if q.type == .place, q.end == p.start, q.candidates == [city] {
                    m.start = q.start
                    doc.clear(q.start, q.end)
                }
            }
            doc.clear(p.start, body ? pe + 3 : p.end)
            doc.add(m)
            found = true
        }
        return found
    }

    /// A station named by two or three free Han characters at ICU word edges, not a scope word, right
    /// after a precinct this rule found (六龜警分局|森濤派出所): canonical precinct + station, as
    /// `UnitCompoundRules` joins a station to a listed precinct (六龜分局萬山派出所).
    /// First characters of words that say which stations, not a station's name (轄區|派出所,
    /// 轄管|分駐所, 該|派出所, 各|派出所, 鄰近, 附近, 當地, 所屬, 本, 其).
    static let scopeFirsts = ScalarSet("轄該各鄰附當所本其")
    static func freeStations(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].rule == "police-unit" {
            let a = doc.mentions[i]
            guard a.end > a.start, let pc = a.canonical else { continue }
            for n in 2...3 {
                let hs = a.end + n
                guard hs + 3 <= f.count, let h = stationHeads.first(where: { PlacePrefixRules.has(f, hs, $0) }) else { continue }
                let end = hs + h.count
                guard doc.isFree(a.end, end), !scopeFirsts.contains(f[a.end]), !PersonRules.nonNameCharacters.contains(f[a.end]),
                      (a.end..<hs).allSatisfy({ FoldTable.isHan(f[$0]) }), UnitCompoundRules.clauseLimit(doc, from: a.end, to: hs) == hs,
                      !PersonRules.splitsToken(doc, at: a.end), !PersonRules.splitsToken(doc, at: hs),
                      !PersonRules.splitsToken(doc, at: end) else { continue }
                var m = a
                m.end = end
                m.linked = nil
                m.canonical = pc + doc.foldedString(a.end, end)
                m.parentName = pc
                doc.clear(a.start, a.end)
                doc.add(m)
                break
            }
        }
    }

    /// A station (分駐所, 派出所) after a listed place: with `compounds`, only right after a listed
    /// body (its parent), recording each station's mention by its name in `named`; without, the
    /// station alone, which takes a recorded compound's canonical.
    static func stations(_ doc: inout TaggingDocument, compounds: Bool, named: inout [String: Mention]) {
        let lex = doc.lexicon
        let f = doc.folded
        // The script is read only when a station alone needs it.
        var simplified: Bool? = nil
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            let pe = doc.mentions[i].end
            guard pe + 3 <= f.count, let h = stationHeads.first(where: { PlacePrefixRules.has(f, pe, $0) }) else { continue }
            let p = doc.mentions[i]
            guard p.end > p.start, p.rule == nil, p.candidates.count == 1, doc.isFree(pe, pe + h.count),
                  !PersonRules.splitsToken(doc, at: pe + h.count), !PersonRules.splitsToken(doc, at: p.start) else { continue }
            let unit = doc.foldedString(p.start, pe + h.count)
            var parent: Mention? = nil
            if p.start > 0, doc.owner[p.start - 1] >= 0 {
                let a = doc.mentions[Int(doc.owner[p.start - 1])]
                if a.type == .agency, a.end == p.start { parent = a }
            }
            var m = Mention(start: p.start, end: pe + h.count, type: .agency, candidates: [], rule: "police-unit", canonical: unit)
            if compounds {
                guard let a = parent else { continue }
                let pc: String, state: String?
                if a.rule == nil, a.candidates.count == 1 {
                    pc = lex.entries[a.candidates[0]].canonical
                    state = lex.jurisdiction.states[a.candidates[0]]
                } else if a.rule == "police-unit" || a.rule == "unit-compound", let c = a.canonical {
                    pc = c
                    state = a.jurisdiction
                } else { continue }
                m.start = a.start
                m.canonical = pc + unit
                m.parentName = pc
                m.jurisdiction = state
                m.jurisdictionSource = .name
                named[unit] = m
                doc.clear(a.start, a.end)
            } else {
                guard parent == nil else { continue }
                if let c = named[unit] {
                    m.canonical = c.canonical
                    m.parentName = c.parentName
                    m.jurisdiction = c.jurisdiction
                    m.jurisdictionSource = .backReference
                } else if let s = lex.jurisdiction.states[p.candidates[0]],
                          (simplified ?? { let v = JurisdictionResolver.isSimplified(doc); simplified = v; return v }()) == false {
                    // In Simplified text a place's name may be another state's (武穴市…龙潭派出所 is
                    // Hubei's, not Taoyuan's 龍潭): the jurisdiction step decides from the context.
                    m.jurisdiction = s
                    m.jurisdictionSource = .name
                }
            }
            doc.clear(p.start, p.end)
            doc.add(m)
        }
    }

    /// 市警局 and 縣警局, free at ICU word edges: the police bureau of the city or county that the
    /// sentence names before it (nearest first) or the dateline names.
    static func bureaus(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        var k = 0
        var candidates: [UInt32: [Int]] = [:]
        while k + 3 <= f.count {
            guard f[k] == shi || f[k] == xian, PlacePrefixRules.has(f, k + 1, bureauTail), doc.isFree(k, k + 3),
                  !PersonRules.splitsToken(doc, at: k), !PersonRules.splitsToken(doc, at: k + 3) else { k += 1; continue }
            let level = f[k]
            if candidates[level] == nil {
                candidates[level] = lex.entries.indices.filter {
                    lex.entries[$0].kind == .agency && lex.entries[$0].id.hasPrefix("tw.loc.") && lex.entries[$0].id.hasSuffix(".police")
                        && (level == shi ? lex.entries[$0].level != "county" : lex.entries[$0].level == "county")
                }
            }
            let cands = candidates[level]!
            if let e = cityBureau(doc, before: k, among: cands) {
                var m = linked(lex, k, k + 3, rule: "police-unit", to: e)
                m.jurisdictionSource = .context
                doc.add(m)
            }
            k += 3
        }
    }

    /// The one bureau among `cands` whose regions meet those of the nearest listed place or
    /// agency before `pos` in its sentence, or else of a place in the dateline.
    static func cityBureau(_ doc: TaggingDocument, before pos: Int, among cands: [Int]) -> Int? {
        let lex = doc.lexicon
        guard !cands.isEmpty else { return nil }
        let shared = cands.dropFirst().reduce(Set(lex.regions[cands[0]])) { $0.intersection(lex.regions[$1]) }
        func pick(_ e: Int) -> Int? {
            let r = Set(lex.regions[e]).subtracting(shared)
            guard !r.isEmpty else { return nil }
            let hits = cands.filter { c in lex.regions[c].contains { r.contains($0) } }
            return hits.count == 1 ? hits[0] : nil
        }
        // A place right before it names the bureau's city itself (竹北|市警局), or none.
        if pos > 0, doc.owner[pos - 1] >= 0 {
            let m = doc.mentions[Int(doc.owner[pos - 1])]
            if m.type == .place && m.end == pos { return m.candidates.count == 1 ? pick(m.candidates[0]) : nil }
        }
        var k = pos - 1
        while k >= 0 && !ContextResolver.sentenceEnds.contains(doc.folded[k]) {
            let o = doc.owner[k]
            if o >= 0 {
                let m = doc.mentions[Int(o)]
                if m.rule == nil, m.candidates.count == 1, m.type == .place || m.type == .agency, let e = pick(m.candidates[0]) { return e }
                k = m.start - 1
            } else { k -= 1 }
        }
        guard let d = doc.dateline else { return nil }
        for i in doc.mentions.indices where d.contains(doc.mentions[i].start) && doc.mentions[i].type == .place
            && doc.mentions[i].rule == nil && doc.mentions[i].candidates.count == 1 {
            if let e = pick(doc.mentions[i].candidates[0]) { return e }
        }
        return nil
    }
}

/// `rule:office-reference`: a bare 公所 (a district's or township's office) at ICU word edges
/// names the one district or township office the document has named before it (新店區公所 …
/// 公所移送的資料 → 新北市新店區公所, jurisdiction from that entry, source `back-reference`);
/// none when the document named none or several.
enum OfficeReferenceRule {
    static let office = Array("公所".unicodeScalars.map(\.value))
    static let classes: Set<String> = ["district-office", "township-office"]

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        var k = 0
        while k + 2 <= f.count {
            guard f[k] == office[0], PlacePrefixRules.has(f, k, office), doc.isFree(k, k + 2),
                  !PersonRules.splitsToken(doc, at: k), !PersonRules.splitsToken(doc, at: k + 2) else { k += 1; continue }
            var named = Set<Int>()
            for i in doc.mentions.indices where doc.mentions[i].end > doc.mentions[i].start && doc.mentions[i].end <= k
                && doc.mentions[i].type == .agency && doc.mentions[i].candidates.count == 1
                && classes.contains(lex.entries[doc.mentions[i].candidates[0]].entryClass ?? "") {
                named.insert(doc.mentions[i].candidates[0])
            }
            if named.count == 1, let e = named.first {
                var m = PoliceUnitRule.linked(lex, k, k + 2, rule: "office-reference", to: e)
                m.jurisdictionSource = .backReference
                doc.add(m)
            }
            k += 2
        }
    }
}

/// `rule:local-body`: a local body named by its place, `[place]公安局`, `[place]人民法院`,
/// `[place]人民檢察院`, `[place]衛健委` (the forms of `generic-bodies.tsv` with `local_state` and
/// `local_name`): after `PlacePrefixRules` has glued a place below the state level (a province,
/// city or county, not the state itself) to such a form, the body is that place's, with the
/// canonical built from the place's name and the form's full name (上海市公安局, 武漢市衛健委 →
/// 武漢市衛生健康委員會) and the place's jurisdiction, never the national body whose stem the form
/// also is (衛健委 → 國家衛生健康委員會). A higher place glued before it leads the canonical and
/// joins the span (北京市朝陽區人民法院, 雲南省玉溪市中級人民法院: a place prefix is part of the
/// name it precedes, as in the keys' 台北市觀傳局).
/// The place's name is its canonical, or the text's own longer form (浦東新區, not 浦東). Any other
/// body of the State Council ending in 局, 委 or 署 glued after such a place is that place's own
/// bureau too (福建省 + 氣象局 is not 中國氣象局): canonical place + the text of the form, no entry.
enum LocalBodyRule {
    /// Last characters of national bodies that provinces and cities also have (氣象局, 衛健委,
    /// 統計局, and the offices 網信辦, 台辦, 外辦: 上海網信辦 is Shanghai's own office); not 部 or 行:
    /// no province has a 外交部 or a central bank.
    static let localHeads = ScalarSet("局委署辦")

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let table = lex.jurisdiction
        guard !table.localBodies.isEmpty else { return }
        let f = doc.folded
        func localPlace(_ entry: Int, _ state: String) -> Bool {
            lex.entries[entry].kind == .place && table.states[entry] == state && JurisdictionTable.segmentCount(lex.entries[entry].id) > 2
        }
        let stateCouncil = lex.indexOfID["cn.state-council"]
        for i in doc.mentions.indices where doc.mentions[i].type == .agency {
            let m = doc.mentions[i]
            guard m.type == .agency, m.end > m.start, m.jurisdictionSource == .prefix, let state = m.jurisdiction else { continue }
            var forms = table.localBodies.filter { $0.state == state }.map { (form: $0.form, name: $0.name) }
            // A national body's stem after a local place: the place's own bureau.
            if state == "CN", let sc = stateCouncil, !m.candidates.isEmpty, localHeads.contains(f[m.end - 1]),
               m.candidates.allSatisfy({ $0 == sc || UnitCompoundRules.isAncestor(lex, sc, of: $0) }) {
                for k in stride(from: m.end - 2, to: m.start, by: -1) where lex.patternIndex[doc.foldedString(m.start, k)] != nil {
                    forms.append((Array(f[k..<m.end]), doc.foldedString(k, m.end)))
                    break
                }
            }
            for body in forms where m.end - m.start > body.form.count && UnitCompoundRules.endsWith(f, m.end, body.form) {
                let cut = m.end - body.form.count
                guard let p = lex.patternIndex[doc.foldedString(m.start, cut)],
                      let place = lex.refs[p].first(where: { localPlace(Int($0.entry), state) }) else { continue }
                let placeName = lex.entries[Int(place.entry)].canonical
                let written = doc.foldedString(m.start, cut)
                var canonical = (written.unicodeScalars.count > placeName.unicodeScalars.count ? written : placeName) + body.name
                if m.start > 0, doc.owner[m.start - 1] >= 0 {
                    let q = doc.mentions[Int(doc.owner[m.start - 1])]
                    if q.type == .place, q.end == m.start, q.candidates.count == 1, q.candidates[0] != Int(place.entry),
                       localPlace(q.candidates[0], state) {
                        canonical = lex.entries[q.candidates[0]].canonical + canonical
                        // The higher place is part of the body's name, as a place prefix is
                        // (雲南省玉溪市中級人民法院 is one agency, like 台北市觀傳局).
                        let qs = q.start
                        doc.clear(qs, q.end)
                        for k in qs..<m.start { doc.owner[k] = Int32(i) }
                        doc.mentions[i].start = qs
                    }
                }
                doc.mentions[i].candidates = []
                doc.mentions[i].rule = "local-body"
                doc.mentions[i].canonical = canonical
                doc.mentions[i].preferred = nil
                doc.mentions[i].ambiguous = false
                break
            }
        }
    }
}

/// No entity cuts a longer word: an agency, organization or place whose first or last character
/// is inside an ICU dictionary word that reaches one or two free Han characters beyond it is
/// dropped (市政府 in 各縣市政府, 國軍 in 全國軍公教, 越南 in 飛越南海, 中國銀行 in 中國銀行業).
/// A word that reaches into another entity does not count (it is the entity's own edge), nor
/// one whose outer part is function characters (與|國 in 與國健署, 會|將 in 證監會將), nor a
/// title or verb cue after the name (財政部|長).
enum WordEdgeRule {
    /// A place's administrative suffix is not a longer word (台中|市長 in ICU's 台中市).
    static let placeSuffixes = ScalarSet("市縣省區鄉鎮村州")
    /// Heads of names that also name an industry with 業 after them (銀行 → 銀行業).
    static let industryHeads = ["銀行", "保險", "航空", "證券", "電信", "金融", "科技", "電子", "汽車", "鋼鐵", "製造", "旅遊", "零售", "航運"]
        .map { Array($0.unicodeScalars.map(\.value)) }
    static func apply(_ doc: inout TaggingDocument) {
        let tokens = doc.tokens
        if tokens.isEmpty { return }
        func tokenIndex(covering pos: Int) -> Int? {
            var lo = 0, hi = tokens.count
            while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= pos { lo = mid + 1 } else { hi = mid } }
            return lo < tokens.count && tokens[lo].start <= pos ? lo : nil
        }
        func freeHan(_ a: Int, _ b: Int) -> Bool {
            b > a && b - a <= 2 && (a..<b).allSatisfy { FoldTable.isHan(doc.folded[$0]) && doc.owner[$0] < 0 }
        }
        // A title or verb cue that runs past the entity's end (財政部|長, 國會|議員) is not a
        // longer word: the title follows the body.
        var cueBeyond = [Bool](repeating: false, count: doc.folded.count + 1)
        for c in doc.cues where c.end > c.start {
            for k in c.start..<min(c.end, doc.folded.count) { cueBeyond[k] = true }
        }
        for i in doc.mentions.indices where doc.mentions[i].type != .person && doc.mentions[i].end > doc.mentions[i].start {
            // Only the span and the type are read: a whole Mention copied here retained and
            // released each of its references for every mention of the document.
            let m = (start: doc.mentions[i].start, end: doc.mentions[i].end, type: doc.mentions[i].type)
            guard m.end > m.start, m.type == .agency || m.type == .organization || m.type == .place else { continue }
            var cut = false
            if let t = tokenIndex(covering: m.start), tokens[t].start < m.start, tokens[t].end > m.start,
               tokens[t].end <= m.end, freeHan(tokens[t].start, m.start),
               !(tokens[t].start..<m.start).allSatisfy({ PersonRules.nonNameCharacters.contains(doc.folded[$0]) }) {
                cut = true
            }
            if !cut, let t = tokenIndex(covering: m.end - 1), tokens[t].end > m.end, tokens[t].start >= m.start,
               freeHan(m.end, tokens[t].end), !cueBeyond[m.end],
               !(m.end..<tokens[t].end).allSatisfy({ PersonRules.nonNameCharacters.contains(doc.folded[$0]) }),
               !(m.type == .place && placeSuffixes.contains(doc.folded[m.end])) {
                cut = true
            }
            // An organization or agency strictly inside one ICU word of Han characters (民革 in
            // 國民革命軍, 國軍 in 護國軍) is a piece of that word.
            if !cut, m.type != .place, let t = tokenIndex(covering: m.start), tokens[t].start < m.start, tokens[t].end > m.end,
               (tokens[t].start..<tokens[t].end).allSatisfy({ FoldTable.isHan(doc.folded[$0]) }) {
                cut = true
            }
            // A name ending in an industry head before 業 is the industry (中國銀行業, 台灣航空業):
            // ICU keeps 中國銀行 as one word, so the longer word is known here.
            if !cut, m.type != .place, m.end < doc.folded.count, doc.folded[m.end] == 0x696D /* 業 */, m.end - m.start >= 3,
               industryHeads.contains(where: { UnitCompoundRules.endsWith(doc.folded, m.end, $0) }) {
                cut = true
            }
            if cut { doc.clear(m.start, m.end) }
        }
        placeBeforeTitle(&doc)
    }

    /// A place right before a title that starts with its administrative suffix takes the suffix
    /// back when the longer form names the same place: 台中|市長 → place 台中市 + the title 市長
    /// (the tagger cut the place short so that the title cue stays whole for the person after it).
    static func placeBeforeTitle(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        for c in doc.cues where c.hit.role == .before && c.end - c.start >= 2 && c.start >= 1 {
            let s = c.start
            guard placeSuffixes.contains(doc.folded[s]), doc.owner[s] < 0, doc.owner[s - 1] >= 0 else { continue }
            let i = Int(doc.owner[s - 1])
            let m = doc.mentions[i]
            guard m.type == .place, m.end == s, m.rule == nil, m.candidates.count == 1,
                  let p = lex.patternIndex[doc.foldedString(m.start, s + 1)],
                  lex.refs[p].contains(where: { Int($0.entry) == m.candidates[0] }) else { continue }
            doc.extend(i, to: s + 1)
        }
    }
}

/// `rule:place-facility`: a place followed by a facility head is the facility, a place no list
/// holds: 台中港, 松山機場, 重慶江北國際機場 (江北 is a district), 東京灣, 九州島, 夏威夷群島,
/// 羅馬城, 名古屋火車站 (a station: `PlacePrefixRules.isStation`, which runs first), 大安森林公園 is not (森林 is not a place) — only a
/// listed place before the head counts, and the head must end at an ICU word edge (台灣港務 is
/// not 台灣港). `國道N號` (a national freeway) is a place too, and so is a numbered minor planet
/// (小行星2409). Natural features and lines after a
/// listed place are named the same way (ninth session): 成都平原, 克里米亞山脈, 四川盆地, 嘉陵江水系,
/// 中東鐵路, 荃灣綫 (before punctuation, a function word or a part: `closedHeads`; the Hong Kong spelling of a line; 線 is left out: 美國線上, 台灣線 are no names),
/// 辛辛那提動物園, 奧林匹斯山國家公園.
enum FacilityRule {
    static let heads = ["科學園區", "國際機場", "國家公園", "工業區", "體育場", "動物園", "火車站", "漁港", "機場", "車站", "碼頭", "公園", "夜市", "水庫",
                        "群島", "半島", "山脈", "平原", "盆地", "高原", "鐵路", "港", "灣", "島", "城", "綫"]
        .map { Array($0.unicodeScalars.map(\.value)) }
    /// Heads that end the name only before punctuation, a function word or a part of the place
    /// (成都平原上, 中東鐵路北段): 北京鐵路樞紐, 歐洲鐵路聯盟, 中國動物園學會, 北京市平原地區 run on.
    static let closedHeads: Set<[UInt32]> = Set(["國家公園", "動物園", "山脈", "平原", "盆地", "高原", "鐵路", "綫"].map { Array($0.unicodeScalars.map(\.value)) })
    static let railway = Array("鐵路".unicodeScalars.map(\.value))
    static let afterClosedHead = ScalarSet("的、與和及也將在對於已曾並就都又還是為到上下內東西南北")
    static let freeway = Array("國道".unicodeScalars.map(\.value))
    static let notAfterHead = ScalarSet("礁樓酒")
    static let town = Array("城".unicodeScalars.map(\.value))
    static let afterTown = ScalarSet("的、與和及也將在對於已曾並就都又還是為到")
    static let hao: UInt32 = 0x865F // 號
    static let headFirsts = ScalarSet(heads.map { $0[0] })

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            // A head's first character must follow before the mention is copied.
            let me = doc.mentions[i].end
            guard me < f.count, headFirsts.contains(f[me]) else { continue }
            let m = doc.mentions[i]
            guard m.type == .place, m.end > m.start, m.end < f.count, m.rule == nil else { continue }
            guard let h = heads.first(where: { PlacePrefixRules.has(f, m.end, $0) }), doc.isFree(m.end, m.end + h.count),
                  !PersonRules.splitsToken(doc, at: m.end + h.count) else { continue }
            let end = m.end + h.count
            // Not a head that repeats the place's last character (台灣|灣, 南沙群島|島), nor one that
            // starts a longer name (南海島礁, 香港半島酒店).
            if f[m.end - 1] == h[0] || end < f.count && notAfterHead.contains(f[end]) { continue }
            // A walled town (羅馬城, 洛陽城) only before punctuation or a function word, and not after
            // an administrative suffix (縣城 is the county seat): ICU does not see 城陽, 城陵磯, 城區 in
            // 青島市城陽, 洞庭湖城陵磯, 雅安城區.
            if closedHeads.contains(h), end < f.count && FoldTable.isHan(f[end]) && !afterClosedHead.contains(f[end]) { continue }
            // A country's 鐵路 is its railway company or network (入股中國鐵路), not one line.
            if h == railway, m.candidates.contains(where: { doc.lexicon.entries[$0].entryClass == "country" }) { continue }
            if h == town, PlacePrefixRules.adminSuffixes.contains(f[m.end - 1])
                || end < f.count && FoldTable.isHan(f[end]) && !afterTown.contains(f[end]) { continue }
            doc.clear(m.start, m.end)
            doc.add(Mention(start: m.start, end: end, type: .place, candidates: [], rule: "place-facility",
                            canonical: doc.string(m.start, end)))
        }
        // At each 國 (`RuleMarks`); a freeway found is skipped.
        var next = 0
        for k in doc.marks[.freeway] where k >= next {
            guard k + 3 < f.count else { break }
            guard PlacePrefixRules.has(f, k, freeway) else { continue }
            var j = k + 2
            while j < f.count && j - k < 6 && ((f[j] >= 0x30 && f[j] <= 0x39) || PersonRules.chineseDigits.contains(f[j])) { j += 1 }
            if j > k + 2, j < f.count, f[j] == hao, doc.isFree(k, j + 1) {
                doc.add(Mention(start: k, end: j + 1, type: .place, candidates: [], rule: "place-facility", canonical: doc.string(k, j + 1)))
                next = j + 1
            }
        }
        asteroids(&doc)
    }

    static let asteroid = Array("小行星".unicodeScalars.map(\.value))

    /// A numbered minor planet (小行星2409, 小行星14572) is a celestial place, as the listed planets
    /// are: 小行星 and its number in ASCII digits, not followed by another digit or a letter.
    static func asteroids(_ doc: inout TaggingDocument) {
        let f = doc.folded
        // At each 小 (`RuleMarks`); a 小行星 read is skipped.
        var next = 0
        for k in doc.marks[.asteroid] where k >= next {
            guard k + 4 < f.count else { break }
            guard PlacePrefixRules.has(f, k, asteroid) else { continue }
            var j = k + 3
            while j < f.count && f[j] >= 0x30 && f[j] <= 0x39 { j += 1 }
            let letter = j < f.count && (f[j] | 0x20) >= 0x61 && (f[j] | 0x20) <= 0x7A
            if j > k + 3, !letter, doc.isFree(k, j) {
                doc.add(Mention(start: k, end: j, type: .place, candidates: [], rule: "place-facility", canonical: doc.string(k, j)))
            }
            next = j
        }
    }
}

/// `rule:place-compass`: a compass character before a listed place names a part of it, one place:
/// 北婆羅洲, 東印度, 南加州, 東普魯士, 南九州市. Only when the compass character is an ICU word of
/// its own (以北|, 東北|, 華南| end a word: 台灣以北 is a direction, not a place), the place does not
/// start with a compass character itself (東|南歐 is taken: 南歐 starts with 南, but 東南歐 is one
/// region — the check is on the character before), and nothing is tagged right before the compass
/// character, and the place ends an ICU word and is not followed by a one-character ICU word
/// other than a function word or a position (a transliteration running on) (台北|東|京 cannot arise: 東京 is one listed place). `中` is no compass here (中美 中日
/// pair states). A 海 right after it joins the name (東中國海). The place stays the region's
/// parent, and its entry the evidence of a state for the jurisdiction resolver (北台灣 is Taiwan's).
enum CompassPlaceRule {
    static let compass = ScalarSet("東西南北")
    static let sea: UInt32 = 0x6D77 // 海

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            // The compass character is tested before the mention is copied (a copy retains and
            // releases its references; most places have none before them).
            let ms = doc.mentions[i].start
            guard ms >= 1, compass.contains(f[ms - 1]) else { continue }
            let m = doc.mentions[i]
            guard m.end > m.start, m.start >= 1, m.rule == nil || m.rule == "place-facility" else { continue }
            let c = m.start - 1
            guard compass.contains(f[c]), doc.owner[c] < 0, PersonRules.isSingleWord(doc, c, m.start), !PersonRules.splitsToken(doc, at: m.end),
                  c == 0 || !compass.contains(f[c - 1]) && doc.owner[c - 1] < 0 else { continue }
            // A sea named by the region (東中國海) ends the name.
            var end = m.end
            if end + 1 < f.count, f[end] == sea, !PersonRules.splitsToken(doc, at: end + 1), doc.owner[end] < 0 { end += 1 }
            // A one-character word after the place may continue a longer name that ICU cut into characters.
            if end < f.count, FoldTable.isHan(f[end]), doc.owner[end] < 0, PersonRules.isSingleWord(doc, end, end + 1),
               !FacilityRule.afterClosedHead.contains(f[end]) { continue }
            doc.clear(m.start, m.end)
            // The place stays the region's parent and its evidence of a state (北台灣 is Taiwan's).
            var r = Mention(start: c, end: end, type: .place, candidates: m.candidates, rule: "place-compass", canonical: doc.string(c, end))
            if m.candidates.count == 1 { r.parentName = doc.lexicon.entries[m.candidates[0]].canonical }
            doc.add(r)
        }
    }
}

/// `rule:leader-government`: a listed leader right before 政府 names that leader's government
/// (川普政府, 特朗普政府, 蔡英文政府, 安倍政府): one agency over both, the government of the
/// leader's state (its entry with class `government` or `state-government` and no parent:
/// 美國聯邦政府, 中華民國政府), as 中國政府 names 中華人民共和國政府. The person is inside the
/// name, as a place is inside 美國政府. At ICU word edges only.
enum LeaderGovernmentRule {
    static let government = Array("政府".unicodeScalars.map(\.value))
    static let classes: Set<String> = ["government", "state-government"]

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .person {
            // 政府 after the person is tested before the mention is copied.
            let pe = doc.mentions[i].end
            guard pe + 2 <= f.count, PlacePrefixRules.has(f, pe, government) else { continue }
            let p = doc.mentions[i]
            guard p.type == .person, p.end > p.start, p.candidates.count == 1, p.end + 2 <= f.count,
                  PlacePrefixRules.has(f, p.end, government), doc.isFree(p.end, p.end + 2),
                  !PersonRules.splitsToken(doc, at: p.end), !PersonRules.splitsToken(doc, at: p.end + 2),
                  let state = lex.jurisdiction.states[p.candidates[0]], state != "intl",
                  let gov = lex.entries.indices.first(where: {
                      lex.entries[$0].kind == .agency && (lex.entries[$0].parent ?? "").isEmpty
                          && classes.contains(lex.entries[$0].entryClass ?? "") && lex.jurisdiction.states[$0] == state
                  }) else { continue }
            var m = Mention(start: p.start, end: p.end + 2, type: .agency, candidates: [], rule: "leader-government",
                            canonical: lex.entries[gov].canonical)
            m.jurisdiction = state
            m.jurisdictionSource = .prefix
            doc.clear(p.start, p.end)
            doc.add(m)
        }
    }
}
