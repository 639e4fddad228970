/// The word lists of the amounts stage: currencies, qualifiers, units, relative dates. Each
/// list is small; lookups try the longest word first at one position, so no regex ever runs
/// over the whole text.
enum AmountLexicon {
    /// Sentinel currency for the generic yuan (元, 塊, 圓): TWD in Traditional text, CNY in
    /// Simplified text, or the currency the context sets (see AmountTagger).
    static let genericYuan = "*"

    /// Currency words written after the number (4500萬元, 36億美元, 8億元人民幣).
    static let suffixCurrencies = WordTable([
        ("元", genericYuan), ("塊", genericYuan), ("块", genericYuan), ("圓", genericYuan), ("圆", genericYuan),
        ("塊錢", genericYuan), ("块钱", genericYuan),
        ("新台幣", "TWD"), ("新臺幣", "TWD"), ("台幣", "TWD"), ("臺幣", "TWD"), ("新台币", "TWD"), ("台币", "TWD"),
        ("元新台幣", "TWD"), ("元新臺幣", "TWD"), ("元台幣", "TWD"),
        ("美元", "USD"), ("美金", "USD"), ("美圓", "USD"), ("美圆", "USD"), ("元美金", "USD"),
        ("人民幣", "CNY"), ("人民币", "CNY"), ("元人民幣", "CNY"), ("元人民币", "CNY"),
        ("港元", "HKD"), ("港幣", "HKD"), ("港币", "HKD"), ("元港幣", "HKD"),
        ("日圓", "JPY"), ("日元", "JPY"), ("日幣", "JPY"), ("日币", "JPY"), ("円", "JPY"),
        ("歐元", "EUR"), ("欧元", "EUR"),
        ("英鎊", "GBP"), ("英镑", "GBP"), ("英磅", "GBP"),
        ("韓元", "KRW"), ("韩元", "KRW"), ("韓圜", "KRW"), ("韓幣", "KRW"),
        ("澳元", "AUD"), ("澳幣", "AUD"), ("澳币", "AUD"),
        ("加元", "CAD"), ("加幣", "CAD"), ("加币", "CAD"),
        ("紐元", "NZD"), ("纽元", "NZD"), ("紐幣", "NZD"),
        ("新加坡元", "SGD"), ("新加坡幣", "SGD"), ("新幣", "SGD"), ("新元", "SGD"),
        ("澳門幣", "MOP"), ("澳门币", "MOP"), ("澳門元", "MOP"),
        ("瑞士法郎", "CHF"), ("瑞郎", "CHF"),
        ("盧布", "RUB"), ("卢布", "RUB"),
        ("泰銖", "THB"), ("泰铢", "THB"),
        ("越南盾", "VND"), ("印尼盾", "IDR"),
        ("印度盧比", "INR"), ("盧比", "INR"), ("卢比", "INR"),
        ("菲律賓披索", "PHP"), ("披索", "PHP"),
        ("令吉", "MYR"), ("馬幣", "MYR"), ("林吉特", "MYR"),
        ("奈拉", "NGN"), ("里拉", "TRY"), ("里亞爾", "SAR"), ("蘭特", "ZAR"),
    ])

    /// Currency words written before the number (新台幣4500萬, NT$500, 人民幣6780億元).
    static let prefixCurrencies = WordTable([
        ("新台幣", "TWD"), ("新臺幣", "TWD"), ("台幣", "TWD"), ("臺幣", "TWD"), ("新台币", "TWD"), ("台币", "TWD"),
        ("NT$", "TWD"), ("NT＄", "TWD"), ("NTD", "TWD"),
        ("美金", "USD"), ("美元", "USD"), ("US$", "USD"), ("USD", "USD"),
        ("人民幣", "CNY"), ("人民币", "CNY"), ("RMB", "CNY"),
        ("港幣", "HKD"), ("港币", "HKD"), ("港元", "HKD"), ("HK$", "HKD"),
        ("日幣", "JPY"), ("日币", "JPY"), ("日圓", "JPY"),
        ("歐元", "EUR"), ("欧元", "EUR"), ("€", "EUR"),
        ("英鎊", "GBP"), ("英镑", "GBP"), ("£", "GBP"),
        ("韓幣", "KRW"), ("澳幣", "AUD"), ("澳门币", "MOP"), ("澳門幣", "MOP"),
        ("￥", "¥"), ("¥", "¥"),
    ])

    /// Qualifiers directly before the amount (included in the span).
    static let leftQualifiers = WordTable([
        ("逾", "over"), ("超過", "over"), ("超过", "over"), ("高於", "over"), ("高于", "over"),
        ("多於", "over"), ("多于", "over"), ("大於", "over"), ("大于", "over"),
        ("低於", "under"), ("低于", "under"), ("不到", "under"), ("未滿", "under"), ("未满", "under"),
        ("不足", "under"), ("少於", "under"), ("少于", "under"), ("小於", "under"), ("小于", "under"),
        ("未達", "under"), ("未达", "under"), ("不滿", "under"), ("不满", "under"),
        ("約", "about"), ("约", "about"), ("近", "about"), ("將近", "about"), ("将近", "about"),
        ("接近", "about"), ("大約", "about"), ("大约", "about"), ("大概", "about"),
        ("至少", "at-least"), ("最少", "at-least"),
        ("至多", "up-to"), ("最多", "up-to"),
    ])

    /// Qualifiers directly after the amount (included in the span).
    static let rightQualifiers = WordTable([
        ("以上", "over"), ("之上", "over"), ("多", "over"), ("餘", "over"), ("余", "over"),
        ("以下", "under"), ("之下", "under"), ("以內", "up-to"), ("以内", "up-to"),
        ("左右", "about"), ("上下", "about"),
        ("起", "from"),
    ])

    /// Money words: a bare 萬/億 number in a sentence with one of these is an amount of money.
    static let moneyWords: [String] = [
        "預算", "预算", "經費", "经费", "金額", "金额", "資金", "资金", "營收", "营收", "收入", "支出",
        "稅", "税", "補助", "补助", "補貼", "补贴", "獎金", "奖金", "罰", "罚", "賠償", "赔偿", "產值", "产值",
        "投資", "投资", "成本", "價", "价", "費", "费", "款", "債", "债", "財", "财", "獲利", "获利",
        "盈餘", "盈余", "虧損", "亏损", "營業額", "營業额", "薪", "租金", "資本", "资本", "市值", "籌", "筹",
        "募", "捐", "撥", "拨", "編列", "编列", "花費", "花费", "損失", "损失", "基金", "保費", "退稅",
        "元", "幣", "币", "錢", "钱",
    ]

    /// Counting units → English unit names (see README). Longest match wins.
    static let units = WordTable([
        ("公頃", "hectare"), ("公顷", "hectare"), ("甲", "jia"), ("坪", "ping"), ("畝", "mu"), ("亩", "mu"),
        ("平方公里", "square-kilometre"), ("平方公尺", "square-metre"), ("平方米", "square-metre"),
        ("平方英尺", "square-foot"), ("立方公尺", "cubic-metre"), ("立方米", "cubic-metre"),
        ("公里", "kilometre"), ("千米", "kilometre"), ("公尺", "metre"), ("米", "metre"), ("公分", "centimetre"),
        ("釐米", "centimetre"), ("厘米", "centimetre"), ("毫米", "millimetre"), ("英里", "mile"),
        ("英尺", "foot"), ("英呎", "foot"), ("吋", "inch"), ("海浬", "nautical-mile"), ("浬", "nautical-mile"),
        ("公斤", "kilogram"), ("千克", "kilogram"), ("公克", "gram"), ("克", "gram"), ("毫克", "milligram"),
        ("公噸", "tonne"), ("公吨", "tonne"), ("噸", "tonne"), ("吨", "tonne"), ("磅", "pound"), ("台斤", "catty"), ("斤", "catty"),
        ("公升", "litre"), ("升", "litre"), ("毫升", "millilitre"), ("立方", "cubic-metre"),
        ("度", "degree"), ("瓩", "kilowatt"), ("千瓦", "kilowatt"), ("瓦", "watt"), ("百萬瓦", "megawatt"),
        ("人次", "person-time"), ("人", "person"), ("名", "person"), ("位", "person"), ("戶", "household"), ("户", "household"),
        ("家", "establishment"), ("間", "establishment"), ("间", "establishment"), ("所", "institution"),
        ("座", "structure"), ("棟", "building"), ("栋", "building"), ("件", "case"), ("例", "case"), ("起", "incident"),
        ("宗", "case"), ("案", "case"),
        ("輛", "vehicle"), ("辆", "vehicle"), ("台", "unit"), ("臺", "unit"), ("架", "aircraft"), ("艘", "vessel"),
        ("隻", "animal"), ("只", "animal"), ("頭", "head"), ("头", "head"),
        ("歲", "year-of-age"), ("岁", "year-of-age"),
        ("點", "point"), ("点", "point"), ("個百分點", "percentage-point"),
        ("天", "day"), ("週", "week"), ("周", "week"), ("星期", "week"), ("個月", "month"), ("个月", "month"),
        ("年", "year"), ("小時", "hour"), ("小时", "hour"), ("分鐘", "minute"), ("分钟", "minute"), ("秒", "second"),
        ("倍", "times"), ("次", "times"), ("場", "event"), ("场", "event"), ("票", "vote"), ("席", "seat"),
        ("張", "sheet"), ("张", "sheet"), ("份", "copy"), ("劑", "dose"), ("剂", "dose"), ("股", "share"),
        ("項", "item"), ("项", "item"), ("種", "kind"), ("种", "kind"), ("款", "model"), ("條", "item"), ("条", "item"),
        ("層", "floor"), ("层", "floor"), ("樓", "floor"), ("箱", "box"), ("包", "pack"), ("顆", "piece"), ("颗", "piece"),
        ("枚", "piece"), ("支", "piece"), ("個", "item"), ("个", "item"), ("組", "set"), ("组", "set"),
        ("班", "run"), ("航班", "flight"), ("篇", "article"), ("本", "volume"), ("部", "work"), ("首", "piece"),
        ("國", "country"), ("国", "country"), ("縣市", "county"), ("州", "state"), ("校", "school"),
        ("床", "bed"), ("匹", "animal"), ("尾", "fish"), ("株", "plant"), ("棵", "tree"), ("桶", "barrel"),
        ("屆", "term"), ("届", "term"), ("級", "level"), ("级", "level"),
    ])

    /// Words after a unit that show the "unit" was the start of another word: 3名單? no — 人民 etc.
    static let unitBlockers: Set<String> = [
        "人民", "人士", "人員", "人员", "人物", "人口", "人數", "人数", "人才", "名單", "名单", "名義", "名义", "名稱",
        "名称", "家庭", "家長", "家长", "家人", "家屬", "家属", "台灣", "台湾", "台北", "台中", "台南", "台東",
        "台商", "台積", "台股", "台電", "台鐵", "台語", "台幣", "台币", "度假", "點名", "間接", "所以", "所有",
        "所得", "所長", "所长", "位置", "位於", "位于", "件事", "本人", "本身", "本土", "本地", "本國", "本国",
        "本月", "本週", "本周", "本年", "本季", "本屆", "次要", "部分", "部份", "部長", "部长", "首都", "首長",
        "首长", "首相", "首次", "首度", "國家", "国家", "國際", "国际", "國內", "国内", "國民", "國人", "州長",
        "州长", "分之", "分別", "分别", "分鐘", "分钟", "分析", "分享", "起訴", "起诉", "起火", "起來", "起来",
        "頭條", "班機", "班次", "場所", "場館", "張貼", "股票", "股東", "股东", "股價", "股价", "股市", "種類",
        "級距", "年度", "年級", "年级", "年代", "年輕", "年轻", "年底", "年初", "年中", "年終", "年终", "年紀",
        "年纪", "年齡", "年龄", "天然", "天氣", "天气", "米價", "米饭", "點數", "倍數", "只是", "只有", "只要",
        "只能", "只會", "頭號", "台上", "台下", "份子", "份額", "款項", "款项", "組織", "组织", "條例", "条例",
        "條件", "条件", "例如", "例外", "案件", "座談", "座谈", "支持", "支出", "支付", "枚舉", "包括", "包含",
        "間諜", "項目", "项目", "層級", "床位", "名額", "名额", "校長", "校长", "屆滿", "届满", "週年", "周年",
    ]

    /// Relative date words → (unit, offset).
    static let relativeDates: [(String, RelativeUnit, Int)] = [
        ("今天", .day, 0), ("今日", .day, 0), ("昨天", .day, -1), ("昨日", .day, -1), ("前天", .day, -2),
        ("明天", .day, 1), ("明日", .day, 1), ("後天", .day, 2), ("后天", .day, 2), ("大前天", .day, -3),
        ("今年", .year, 0), ("去年", .year, -1), ("明年", .year, 1), ("前年", .year, -2), ("後年", .year, 2), ("后年", .year, 2),
        ("本月", .month, 0), ("這個月", .month, 0), ("这个月", .month, 0), ("上月", .month, -1), ("上個月", .month, -1),
        ("上个月", .month, -1), ("下月", .month, 1), ("下個月", .month, 1), ("下个月", .month, 1),
        ("本週", .week, 0), ("本周", .week, 0), ("這週", .week, 0), ("这周", .week, 0), ("上週", .week, -1), ("上周", .week, -1),
        ("下週", .week, 1), ("下周", .week, 1), ("上星期", .week, -1), ("下星期", .week, 1),
    ]

    /// Dateline places that fall back when the entity tagger found none (longest first).
    static let datelinePlaces: [String] = [
        "華盛頓", "舊金山", "洛杉磯", "布魯塞爾", "莫斯科", "耶路撒冷", "新德里", "雅加達", "吉隆坡", "曼谷",
        "河內", "馬尼拉", "新加坡", "雪梨", "墨爾本", "多倫多", "溫哥華", "法蘭克福", "日內瓦", "斯德哥爾摩",
        "台北", "臺北", "新北", "桃園", "台中", "臺中", "台南", "臺南", "高雄", "基隆", "新竹", "苗栗",
        "彰化", "南投", "雲林", "嘉義", "屏東", "宜蘭", "花蓮", "台東", "臺東", "澎湖", "金門", "馬祖",
        "連江", "紐約", "東京", "北京", "上海", "香港", "巴黎", "倫敦", "柏林", "首爾", "大阪", "羅馬",
        "馬德里", "維也納", "芝加哥", "休士頓", "波士頓", "廣州", "深圳", "澳門", "坎培拉", "開羅", "杜拜",
    ]
}

/// A list of words with a payload, matched longest-first at a position.
struct WordTable {
    let entries: [([Unicode.Scalar], String)]
    /// Entries bucketed by first (last) scalar, found by halving a short sorted array: hashing
    /// the scalar into a dictionary cost more than the rest of a lookup.
    private let byFirst: Buckets
    private let byLast: Buckets
    /// A 4096-bit filter on the scalars that start (end) a word, indexed by the scalar's low 12
    /// bits: most lookups miss, and a bit test costs far less than looking the scalar up in
    /// `byFirst` (`byLast`). A set bit only says "maybe"; 512 bytes stay in the L1 cache.
    private let firstBits: [UInt64]
    private let lastBits: [UInt64]

    init(_ pairs: [(String, String)]) {
        let sorted = pairs.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.0.count > $1.0.count }
        entries = sorted
        byFirst = Buckets(sorted.map { $0.0[0].value })
        byLast = Buckets(sorted.map { $0.0[$0.0.count - 1].value })
        firstBits = WordTable.bits(byFirst.keys)
        lastBits = WordTable.bits(byLast.keys)
    }

    /// Entry indexes grouped by a key scalar: the distinct keys sorted, and each key's entries
    /// (in entry order: longest first) as a slice of one flat array.
    private struct Buckets {
        let keys: [UInt32]
        /// Key `j`'s entries are `items[starts[j]..<starts[j + 1]]`.
        let starts: [Int]
        let items: [Int]

        /// `keyOf[k]` is entry `k`'s key.
        init(_ keyOf: [UInt32]) {
            let order = keyOf.indices.sorted { (keyOf[$0], $0) < (keyOf[$1], $1) }
            var keys: [UInt32] = [], starts: [Int] = []
            for (x, k) in order.enumerated() where keys.last != keyOf[k] {
                keys.append(keyOf[k])
                starts.append(x)
            }
            starts.append(order.count)
            self.keys = keys
            self.starts = starts
            self.items = order
        }

        /// The positions in `items` of the entries keyed by `c` (empty when none).
        @inline(__always) func range(_ c: UInt32) -> Range<Int> {
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if keys[mid] < c { lo = mid + 1 } else { hi = mid }
            }
            return lo < keys.count && keys[lo] == c ? starts[lo]..<starts[lo + 1] : 0..<0
        }
    }

    private static func bits(_ scalars: [UInt32]) -> [UInt64] {
        var b = [UInt64](repeating: 0, count: 64)
        for c in scalars { b[Int(c & 0xFFF) >> 6] |= 1 << (c & 63) }
        return b
    }

    /// False when no word can involve `c`.
    @inline(__always)
    private static func test(_ bits: [UInt64], _ c: Unicode.Scalar) -> Bool {
        bits[Int(c.value & 0xFFF) >> 6] & (1 << (c.value & 63)) != 0
    }

    /// The longest word starting at `i`: (end, payload).
    func match(_ s: [Unicode.Scalar], at i: Int) -> (end: Int, value: String)? {
        guard i < s.count, WordTable.test(firstBits, s[i]) else { return nil }
        for x in byFirst.range(s[i].value) {
            let k = byFirst.items[x]
            let w = entries[k].0
            if i + w.count <= s.count && s[i..<(i + w.count)].elementsEqual(w) { return (i + w.count, entries[k].1) }
        }
        return nil
    }

    /// Whether some word lies wholly inside `range`.
    func occurs(in s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for k in range where WordTable.test(firstBits, s[k]) {
            for x in byFirst.range(s[k].value) {
                let w = entries[byFirst.items[x]].0
                if k + w.count <= range.upperBound && s[k..<(k + w.count)].elementsEqual(w) { return true }
            }
        }
        return false
    }

    /// The longest word ending at `end` (exclusive) and starting at or after `floor`: (start, payload).
    func match(_ s: [Unicode.Scalar], endingAt end: Int, floor: Int = 0) -> (start: Int, value: String)? {
        guard end > 0, end - 1 >= floor, WordTable.test(lastBits, s[end - 1]) else { return nil }
        for x in byLast.range(s[end - 1].value) {
            let k = byLast.items[x]
            let w = entries[k].0
            let st = end - w.count
            if st >= floor && s[st..<end].elementsEqual(w) { return (st, entries[k].1) }
        }
        return nil
    }
}

extension Array where Element == Unicode.Scalar {
    /// True when the scalars at `i` spell `word`.
    func has(_ word: String, at i: Int) -> Bool {
        var k = i
        for u in word.unicodeScalars {
            if k >= count || self[k] != u { return false }
            k += 1
        }
        return true
    }
}

/// The unit of a relative date word's offset (今天: day, 上月: month, 去年: year, 下週: ISO week).
enum RelativeUnit: Sendable {
    case day, week, month, year
}
