/// `rule:place-short` (twelfth session): a PRC county or prefecture written without its
/// administrative suffix, where a place stands. Newswire and encyclopedic text write 高州 for
/// 高州市, 海安 for 海安縣, 沭陽 for 沭陽縣, 仙桃 for 仙桃市; the lists hold the names with their
/// suffix (`places-cn.tsv`), and only 93 prefectures' short forms as aliases, since many short
/// forms are ordinary words or names elsewhere (合作, 和平, 大同, 延安路, 常德 as a given name).
/// So the rule reads the short form off a listed name of three characters ending in 市 or 縣
/// (its first two) and takes it only where the text says it is a place:
/// - right after a PRC province or prefecture (廣東|高州, 江蘇|海安: an address chain, split as
///   the project splits chains; not after 中國 or another state: 美國|合作 is a verb);
/// - in a list of places (孝感、隨州、仙桃等地; 淄博、萊蕪、泰安: 、和與及 and a place, or
///   another short form, on either side);
/// - after a word of motion or location (到 往 赴 抵 入 在 於 從 經 自 至, 前往 進駐 位於 …, as
///   `ForeignPlaceRule.placeContext` reads them: 飛往|海口, 進駐|沭陽, 趕赴|雲霄), or before a
///   part or area (北部, 一帶, 境內, 等地).
/// The short form starts and ends at ICU word edges, is free (no list or rule holds it), is no
/// listed person's name, and no head, road or other name's word follows it (延安|路, 海城|區,
/// 靖遠|縣 are the longer names). It runs after the head rules and before the name model.
enum ShortPlaceRule {
    /// Administrative suffixes whose names give a short form (not 區: district stems are mostly
    /// ordinary words and compass names, 西湖 朝陽 和平 城關 新城).
    static let suffixes = ScalarSet("市縣县")
    /// Words after a short form that make it part of a longer name or a word (延安|路, 開封|街).
    /// Also what makes it a facility's, a firm's or a work's name (文昌|閣, 德昌|廠, 中山|高, 大同|股票),
    /// and the heads after which a place is dropped (武漢|肺炎, `PlacePrefixRules.nonEntityHeads`).
    static let notAfter: [[UInt32]] = TranslitContext.words([
        "路", "街", "大道", "道", "站", "號", "号", "隊", "队", "牌", "式", "話", "话", "菜", "籍", "閣", "阁", "廠", "厂",
        "高", "股", "劇院", "剧院", "律師", "律师", "商圈", "指揮", "指挥", "艦", "舰", "肺炎", "電廠", "电厂",
    ])

    /// Short forms that are ordinary words or phrases far more often than places (資源 合作 和平
    /// 公安 南部 東方 中方 新興 同心 …, read from the list of short forms against common usage;
    /// like `scripts/import-cn-divisions`' ORDINARY): the rule leaves them, whatever the context
    /// (在合作中, 廣東|公安|機關, 在南部).
    static let ordinary: [String] = [
        "資源", "合作", "和平", "武功", "比如", "南部", "東方", "公安", "共和", "友誼", "中方", "鳳凰", "延長", "新興",
        "萬年", "光澤", "會同", "大名", "富裕", "清水", "長子", "平定", "洞口", "太和", "溫泉", "石門", "大方", "建平",
        "威信", "蓮花", "平和", "龍泉", "桃源", "三門", "永和", "臺前", "方城", "石棉", "永福", "永新", "保康", "高臺",
        "九龍", "無為", "河間", "民權", "同心", "燈塔", "博愛", "同仁", "方正", "黑水", "高密", "新民", "靈臺", "鎮遠",
        "富民", "清流", "紫金", "新星", "和順", "上高", "左權", "孝義", "天台", "開化", "金沙", "赤水", "天柱", "方山",
        "五臺", "民樂", "陽春", "銅鼓", "興業", "大安", "三臺", "磐石", "樟樹", "小金", "白水", "集賢", "永豐", "樂安",
        "梨樹", "政和", "文山", "康樂", "安福", "安平", "萬載", "天長", "武義", "新田", "五常", "大竹", "光山", "文安",
        "會理", "固始", "南皮", "界首", "明光", "曲水", "新源", "文水", "建水", "交口", "進賢", "新化", "安仁", "子長",
        "東光", "建始", "平遠", "固安", "東源", "裕民", "石泉", "平樂", "富源", "四會", "順平", "響水", "平陸", "安新",
        "全南", "合水", "水富", "社旗", "日照", "白銀", "來賓", "安康", "黑河", "白山", "長治", "中衛", "大理", "三明",
        "平原", "大田", "中山", "全州", "大城", "木蘭", "商城", "新安", "永安", "北流", "海口", "德昌",
    ]

    /// The short forms (folded first two characters, packed), with bitmaps of their first and
    /// second characters tested before the hash. Built once with the lexicon.
    struct Table: Sendable {
        /// The keys (`first << 32 | second`, as `PackedKey(a: key, b: 0)`: a Han character is
        /// never 0) in the package's one open-addressed table (`PackedKeyTable`): a test costs a
        /// multiply and a load or two, where `Set` runs SipHash (the first version spent half the
        /// rule's instructions there). The rule asks `keys.isEmpty`.
        let keys: PackedKeyTable
        let firsts: ScalarSet
        let seconds: ScalarSet

        init(keys: Set<UInt64>) {
            firsts = ScalarSet(keys.map { UInt32(truncatingIfNeeded: $0 >> 32) })
            seconds = ScalarSet(keys.map { UInt32(truncatingIfNeeded: $0) })
            self.keys = PackedKeyTable(keys.map { PackedKey(a: $0, b: 0) }, spread: 4)
        }

        @inline(__always) func contains(_ a: UInt32, _ b: UInt32) -> Bool {
            guard firsts.contains(a), seconds.contains(b) else { return false }
            return keys.contains(PackedKey(a: UInt64(a) << 32 | UInt64(b), b: 0))
        }
    }

    static func table(entries: [DictionaryEntry], kinds: [DictionaryKind], fold: FoldTable) -> Table {
        var out: Set<UInt64> = []
        var skip: Set<UInt64> = []
        // A short form that a list holds as a name of its own (武漢, 菏澤) was matched, or left out
        // on purpose (武漢 of 武漢肺炎): the rule does not bring it back.
        // Every form of every entry is read here, so on its scalars with no String or array made.
        func skipPair(_ form: String) {
            if let key = foldedPair(form, fold: fold) { skip.insert(key) }
        }
        for i in entries.indices {
            skipPair(entries[i].canonical)
            for form in entries[i].aliases { skipPair(form) }
            for form in entries[i].contextualAliases { skipPair(form) }
        }
        for w in ordinary {
            let s = fold.fold(w).unicodeScalars.map(\.value)
            skip.insert(UInt64(s[0]) << 32 | UInt64(s[1]))
        }
        for i in entries.indices where kinds[i] == .place && entries[i].id.hasPrefix("pl.cn.") {
            let cls = entries[i].entryClass ?? ""
            guard cls == "county" || cls == "prefecture" else { continue }
            for form in [entries[i].canonical] + entries[i].aliases {
                let s = fold.fold(form).unicodeScalars.map(\.value)
                guard s.count == 3, suffixes.contains(s[2]), FoldTable.isHan(s[0]), FoldTable.isHan(s[1]) else { continue }
                let key = UInt64(s[0]) << 32 | UInt64(s[1])
                if !skip.contains(key) { out.insert(key) }
            }
        }
        return Table(keys: out)
    }

    /// The folded form of `form` with `~` left out, packed as `first << 32 | second` when it is
    /// two scalars long; nil otherwise.
    private static func foldedPair(_ form: String, fold: FoldTable) -> UInt64? {
        var n = 0
        var key: UInt64 = 0
        for u in form.unicodeScalars {
            let c = fold.fold(u.value)
            if c == 0x7E { continue }
            n += 1
            if n > 2 { return nil }
            key = key << 32 | UInt64(c)
        }
        return n == 2 ? key : nil
    }

    static func apply(_ doc: inout TaggingDocument) {
        let table = doc.lexicon.shortPlaces
        if table.keys.isEmpty { return }
        let f = doc.folded
        let n = f.count
        guard n >= 2 else { return }
        // Two passes: a list whose first member is a short form (大同、開封、蘭州) is a list of
        // places once the second is found.
        for _ in 0..<2 {
            var found = false
            // At each ICU word edge (a short form starts and ends at one): a word of two
            // characters, or two words of one (高|州).
            let tokens = doc.tokens
            var k = 0
            while k < tokens.count {
                defer { k += 1 }
                let s = tokens[k].start, len = tokens[k].end - s
                guard len <= 2, s + 1 < n, table.contains(f[s], f[s + 1]) else { continue }
                if len == 1 && !(k + 1 < tokens.count && tokens[k + 1].start == s + 1 && tokens[k + 1].end == s + 2) { continue }
                guard doc.owner[s] < 0, doc.owner[s + 1] < 0 else { continue }
                let end = s + 2
                if end < n && (ForeignPlaceRule.headAfter.contains(f[end]) || suffixes.contains(f[end])
                    || notAfter.contains(where: { PlacePrefixRules.has(f, end, $0) })) { continue }
                if doc.lexicon.knownNames.longest(f, doc.owner, at: s, model: doc.lexicon.names, ends: { $0 == end }) != nil { continue }
                guard context(doc, s, end, table) else { continue }
                // No entry is linked: a short form may name another place too (北京|朝陽 is a
                // district of Beijing, 朝陽市 a city of Liaoning).
                doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-short", canonical: doc.string(s, end)))
                found = true
            }
            if !found { break }
        }
    }

    /// Whether the short form at `s..<end` stands where a place stands (see the type's comment).
    static func context(_ doc: TaggingDocument, _ s: Int, _ end: Int, _ table: Table) -> Bool {
        let f = doc.folded
        func place(_ k: Int) -> Mention? {
            guard k >= 0, k < f.count, doc.owner[k] >= 0 else { return nil }
            let m = doc.mentions[Int(doc.owner[k])]
            return m.type == .place ? m : nil
        }
        // A PRC province or prefecture right before: an address chain.
        if let p = place(s - 1), p.end == s {
            let k = p.linked ?? (p.candidates.count == 1 ? p.candidates[0] : nil)
            if let k, doc.lexicon.entries[k].id.hasPrefix("pl.cn."), doc.lexicon.entries[k].entryClass != "county" { return true }
            return false
        }
        // A list: 、和與及 and a place (or another short form) on either side.
        if s >= 2, ForeignPlaceRule.listJoin.contains(f[s - 1]), let p = place(s - 2), p.end == s - 1 { return true }
        if end + 1 < f.count, ForeignPlaceRule.listJoin.contains(f[end]) {
            if let p = place(end + 1), p.start == end + 1 { return true }
            if end + 2 < f.count, doc.owner[end + 1] < 0, doc.owner[end + 2] < 0, table.contains(f[end + 1], f[end + 2]),
               !PersonRules.splitsToken(doc, at: end + 3) { return true }
        }
        return ForeignPlaceRule.placeContext(doc, s, end)
    }
}
