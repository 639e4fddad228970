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
///   前往 來到 和 與 及 包括 名為 是).
/// Not after a plain comma or 的 (各地的鄉鎮, ，高速公路: mostly phrases). The name is 2–4 free Han
/// characters starting at an ICU word edge, with no function, determiner or classifier character
/// (這座山, 每個村, 許多球場), and is not a generic modifier (國際, 高速, 森林, 農, 漁 …: 森林公園,
/// 農村, 漁村 are no names); the head ends at an ICU word edge (村民, 山區, 路線 are words), starts
/// one unless the word is the whole name (寬頻|網路, 疫情|高峰 are no places; 魯村 is one), and
/// is not followed by another head (慶賀寺|鄉 is the township 慶賀寺鄉, found at 鄉).
/// It runs after `place-translit` and before the name model, which would take 蔡塘 for a person.
enum PlaceHeadRule {
    /// Longest first, so that 車站 is tried before 站.
    static let heads: [[UInt32]] = [
        "街道", "半島", "群島", "海峽", "瀑布", "平原",
        "車站", "碼頭", "公園", "廣場", "大廈", "大橋", "遺址", "古城", "石窟", "水庫", "體育場", "球場", "教堂", "紀念館",
        "鎮", "鄉", "村", "山", "嶺", "河", "江", "湖", "溪", "灣", "島", "寺", "廟", "站", "橋", "路", "街", "巷",
    ].map { Array($0.unicodeScalars.map(\.value)) }
    static let headStarts = ScalarSet(heads.map { $0[0] })
    /// Characters that never stand in such a name: function words, determiners, classifiers,
    /// verbs of motion and relation (Traditional and Simplified, as the fold may leave either).
    static let stop = ScalarSet(
        "這这那該该本每全各此其某整哪座條条個个家所片處处的了是有為为在和與与及或等們们之"
        + "一要也都就還还又而並并但被把將将讓让給给由於于對对從从到向稱称名即屬属距離离經经過过多許许比自轄辖設设管用參参據据搞"
        + "今現现接")
    /// Heads that are also common given-name characters (曹建山, 谭凤江, 王明河): a surname and one
    /// more character before them is a person's name more often than a place (峰 is left out as a
    /// head for that reason: 程进峰, 吳青峰 and nearly every other corpus hit were people).
    static let givenHeads = ScalarSet("山江河嶺岭溪")
    /// A surname at least this common (log share among Taiwan's election names, `name-surnames.tsv`:
    /// 夏 −7.1, 譚 −8.0) makes such a three-character candidate a name, not a place.
    static let surnameFloor: Float = -8.5
    /// What follows 站 when it is the verb "to stand" (選邊站在, 站出來), not a station.
    static let standAfter = ScalarSet("在出起上著着了到住")
    /// What follows 海峽 when it stands for the Strait's two sides or its bodies (海峽兩岸, 海峽交流
    /// 基金會, 海峽論壇): the characters before it are no strait's name.
    static let straitAfter = ScalarSet("兩两交論论對对會会")
    /// Position words that start names (上塘鎮, 下雷鎮, 中山路) but inside one end it (村民上山).
    static let firstOnly = ScalarSet("上下中內内外前後后里裏")
    /// Names that are generic modifiers, not names (國際機場, 森林公園, 農村, 漁村, 高速鐵路).
    static let generic: Set<String> = Set("""
        國際 国际 高速 森林 主要 當地 当地 現代 现代 特大 地標 地标 直升 高架 國家 国家 國立 国立 市立 中央 中心 人民 \
        附近 周邊 周边 沿海 城市 地方 全國 全国 鐵路 铁路 公路 巴士 線路 线路 海底 懸索 悬索 跨海 大型 小型 新建 \
        廣大 广大 模範 模范 偏僻 終點 终点 起點 起点 商店 開放式 开放式 專業 专业 投票 加油 電排 电排 空間 \
        環衛 环卫 防保 氣象 气象 測 测 觀測 观测 監測 监测 高鐵 高铁 地鐵 地铁 捷運 捷运 火車 火车 汽車 汽车 公交 停車 停车 \
        客運 客运 貨運 货运 中轉 中转 轉運 转运 配送 收費 收费 服務 服务 檢查 检查 救護 救护 消防 派出 衛生 卫生 保健 \
        試驗 试验 實驗 实验 工作 體育 体育 棒球 足球 籃球 篮球 網球 网球 游泳 高爾夫球 高尔夫球 步行 行人 渡假 度假 \
        基督 無人 无人 半 \
        農 农 鄉 乡 漁 渔 山 城 大 小 新 舊 旧 老 古 高 深 火 冰 東 东 西 南 北 冷 熱 热 雪 荒 名 網 网 思 出 馬 马 道
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    /// Common words that a name's last character makes with the head (寬頻網|路, 疫情高|峰): ICU
    /// does not always keep them whole inside a longer phrase, so they are named here.
    static let headWords: Set<String> = Set("""
        網路 网路 線路 线路 道路 馬路 马路 公路 鐵路 铁路 思路 出路 一路 後路 后路 進路 进路 退路 電路 电路 \
        鋪路 铺路 修路 帶路 带路 讓路 让路 引路 開路 开路 問路 问路 迷路 走路 趕路 赶路 \
        高峰 山峰 頂峰 顶峰 巔峰 巅峰 登峰 高山 火山 冰山 江山 河山 深山 上山 下山 登山 爬山 靠山 礦山 矿山 \
        山村 農村 农村 鄉村 乡村 漁村 渔村 全村 本村 該村 该村 城鎮 城镇 鄉鎮 乡镇 城鄉 城乡 家鄉 家乡 故鄉 故乡 \
        下鄉 下乡 返鄉 返乡 同鄉 同乡 江湖 河湖 運河 运河 銀河 银河 內河 内河 海灣 海湾 港灣 港湾 半島 半岛 \
        小島 小岛 登島 登岛 大橋 大桥 天橋 天桥 網站 网站 本站 車站 车站 大街 上街 逛街 小巷 街巷 頭巷 头巷 \
        寺廟 寺庙 棒球 夫球
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    /// Words that end right before a place name (the ICU word ending at its start).
    static let leftWords: Set<String> = Set("""
        在 於 于 位於 位于 距離 距离 到 至 從 从 經 经 往 赴 向 和 與 与 及 或 以及 流經 流经 途經 途经 前往 \
        抵達 抵达 來到 来到 回到 返回 包括 鄰近 邻近 靠近 名為 名为 稱為 称为 是 即 同 跟
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    /// Characters after which a name may start: sentence ends, the enumeration comma, opening
    /// quotes and brackets.
    static let leftMarks = ScalarSet("。！？；、「『“（(\n")
    static let nameLengths = 1...4

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        var h = 1
        while h < f.count {
            guard headStarts.contains(f[h]), doc.owner[h] < 0, doc.owner[h - 1] < 0,
                  let head = heads.first(where: { PlacePrefixRules.has(f, h, $0) }), doc.isFree(h, h + head.count) else { h += 1; continue }
            let end = h + head.count
            // The head ends a word and no other head follows it (慶賀寺|鄉).
            if PersonRules.splitsToken(doc, at: end) || (end < f.count && headStarts.contains(f[end])
                && heads.contains(where: { PlacePrefixRules.has(f, end, $0) })) { h += 1; continue }
            if head == [0x7AD9] /* 站 */, end < f.count, standAfter.contains(f[end]) { h += 1; continue }
            if head == [0x6D77, 0x5CFD] /* 海峽 */, end < f.count, straitAfter.contains(f[end]) { h += 1; continue }
            // A head inside a word (網|路 in 寬頻網路, 高|峰 in 疫情高峰) ends a name only when the word
            // is the name and its head (魯村), or inside a list or address chain (、茄|南村).
            if headWords.contains(doc.foldedString(h - 1, h + 1)) { h += 1; continue }
            let word = PersonRules.splitsToken(doc, at: h) ? wordCovering(doc, h) : nil
            guard let (s, strong) = nameStart(doc, before: h), word == nil || word == s || strong && word! > s else { h += 1; continue }
            // Surname + one character + a given-name head (曹建山): a person's name, left to the name model.
            if head.count == 1, h - s == 2, givenHeads.contains(f[h]),
               let share = doc.lexicon.names.surname(f, s, 1), share >= surnameFloor { h += 1; continue }
            doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-head", canonical: doc.string(s, end)))
            h = end
        }
    }

    /// The start of the name before the head at `h`: the nearest ICU word edge, 1–4 free Han
    /// characters back, with a clear left edge; nil when there is none. `strong`: the edge is an
    /// enumeration comma or a place (a list or an address chain).
    static func nameStart(_ doc: TaggingDocument, before h: Int) -> (start: Int, strong: Bool)? {
        let f = doc.folded
        var s = h
        while s > 0 && h - s < nameLengths.upperBound {
            let c = f[s - 1]
            guard doc.owner[s - 1] < 0, FoldTable.isHan(c), !stop.contains(c) else { return nil }
            s -= 1
            let last = firstOnly.contains(c) // the name can only start here
            if PersonRules.splitsToken(doc, at: s) || generic.contains(doc.foldedString(s, h)) {
                if last { return nil }
                continue
            }
            let n = h - s
            if s > 0, doc.owner[s - 1] >= 0 {
                let p = doc.mentions[Int(doc.owner[s - 1])]
                return p.type == .place && p.end == s ? (s, true) : nil
            }
            if n >= 2 {
                if s == 0 || leftMarks.contains(f[s - 1]) { return (s, s > 0 && f[s - 1] == 0x3001 /* 、 */) }
                if let w = wordEnding(doc, at: s), leftWords.contains(doc.foldedString(w, s)) { return (s, false) }
            }
            if last { return nil }
        }
        return nil
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
