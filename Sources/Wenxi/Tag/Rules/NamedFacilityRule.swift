/// `rule:place-named-facility`: a place, a short name and a facility head are one place, the
/// facility (thirteenth session): 重慶江北國際機場, 北京東方廣場, 橫濱地標大廈, 中國國家博物館,
/// 日內瓦國際展覽中心, 俄克拉何馬城國家紀念館, and a place found by a rule with the head right after
/// it (辛辛那提動物園, 華爾街廣場), which `FacilityRule` (listed places and its own heads only)
/// leaves. UNER and People's Daily tag such a facility as one location; cna_dev's key holds none.
/// The name between is 0–4 free Han characters of generic words (`place-heads.tsv`'s class
/// `generic`: 國家 國際 文化 地標 …), so 美國的博物館, 日本各機場, 沒有機場 stay apart, and a facility
/// with a name of its own stays a place of its own (上海|閘北體育場, 倫敦|希思羅機場, 中環|天星碼頭:
/// People's Daily splits them, UNER does not); the head ends an ICU word and no body
/// starts after it (中國動物園|協會, 國家公園|管理處). A head right after the head runs the facility
/// on (中央公園|動物園). `PlaceHeadRule.apply` runs it before its own loop, which would otherwise
/// take the name and head alone (北京|東方廣場).
enum NamedFacilityRule {
    /// Facility heads, longest first where one ends another (國際機場 before 機場).
    static let heads: [[UInt32]] = TranslitContext.words([
        "國際機場", "国际机场", "展覽中心", "展览中心", "火車站", "火车站", "動物園", "动物园", "植物園", "植物园", "體育場", "体育场",
        "體育館", "体育馆", "博物館", "博物馆", "紀念館", "纪念馆", "美術館", "美术馆", "圖書館", "图书馆", "大教堂",
        "機場", "机场", "車站", "车站", "廣場", "广场", "公園", "公园", "大廈", "大厦", "大樓", "大楼", "劇院", "剧院",
        "碼頭", "码头", "林場", "林场", "隧道", "教堂",
    ]).sorted { $0.count > $1.count }
    static let headFirsts = ScalarSet(heads.map { $0[0] })
    /// Characters that stand in no facility's name between the place and the head.
    static let notInName = ScalarSet("的之這这那該该每各其此某哪個个些幾几等了是在有沒没也都就還还被把將将讓让給给對对向從从到和及與与或並并而但以為为所於于")
    /// First characters of a body's head right after the facility (協會 學會 管理處 局 公司): the
    /// facility names a body's field, not a place.
    static let bodyAfter = ScalarSet("局處处會会署部司組组協协學学管公集委行業业界")
    static let nameLengths = 0...4
    /// Generic words that make the facility a kind (新疆|基督教堂: Xinjiang's churches), not a name.
    static let religions = WordSet(["基督", "天主", "清真"])

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            let pe = doc.mentions[i].end
            guard pe > doc.mentions[i].start, pe < f.count, doc.mentions[i].rule != "place-facility" else { continue }
            let ps = doc.mentions[i].start
            // A place after a facility's own modifier (國立|台灣|博物館, 市立) is inside a longer name.
            if ps >= 2, f[ps - 1] == 0x7ACB /* 立 */ { continue }
            guard let end = facilityEnd(doc, after: pe) else { continue }
            let m = doc.mentions[i]
            // A country right before a head is a kind of the country's facilities (中國教堂, 日本大廈,
            // 英國劇院行業), not one of them.
            if end - pe <= 3, m.candidates.contains(where: { doc.lexicon.entries[$0].entryClass == "country" }),
               heads.contains(where: { $0.count == end - pe && PlacePrefixRules.has(f, pe, $0) }) { continue }
            doc.clear(m.start, end)
            doc.add(Mention(start: m.start, end: end, type: .place, candidates: [], rule: "place-named-facility",
                            canonical: doc.string(m.start, end)))
        }
    }

    /// The end of a facility's head 0–4 free characters after `pe`, or nil.
    static func facilityEnd(_ doc: TaggingDocument, after pe: Int) -> Int? {
        let f = doc.folded
        // A head's first character within reach, tested on a bitmap before any word is looked up
        // (most places have none after them).
        let reach = min(f.count, pe + nameLengths.upperBound + 1)
        var any = false
        for k in pe..<reach where headFirsts.contains(f[k]) { any = true; break }
        if !any { return nil }
        var k = pe
        while k - pe <= nameLengths.upperBound && k < f.count {
            if headFirsts.contains(f[k]), let h = heads.first(where: { PlacePrefixRules.has(f, k, $0) }), doc.isFree(k, k + h.count) {
                var end = k + h.count
                // A head after the head runs on (中央公園|動物園).
                while end < f.count, let h2 = heads.first(where: { PlacePrefixRules.has(f, end, $0) }), doc.isFree(end, end + h2.count) { end += h2.count }
                guard !PersonRules.splitsToken(doc, at: end) else { return nil }
                if end < f.count, bodyAfter.contains(f[end]) { return nil }
                // The name between starts a word (北京|東方廣場), and the place is not the head's own
                // last characters (中國|國家公園 is fine; 台灣|灣 is no facility).
                if k > pe, PersonRules.splitsToken(doc, at: pe) { return nil }
                return end
            }
            guard doc.owner[k] < 0, FoldTable.isHan(f[k]), !notInName.contains(f[k]) else { return nil }
            // The name between is made of generic words (國家, 國際, 文化, 體育, 地標, 新): a
            // facility of its own name (上海|閘北體育場, 倫敦|希思羅機場) is left to the place-head
            // rule, a place of its own, as People's Daily splits it.
            guard let w = genericWord(doc, at: k, before: pe + nameLengths.upperBound + 1), !religions.contains(doc.folded, k, w) else { return nil }
            k = w
        }
        return nil
    }

    /// The end of the longest generic word of `place-heads.tsv` starting at `k` and ending by
    /// `limit`, or nil.
    static func genericWord(_ doc: TaggingDocument, at k: Int, before limit: Int) -> Int? {
        let generic = doc.lexicon.placeHeads.generic
        var e = min(limit, doc.folded.count, k + 4)
        while e > k {
            if generic.contains(doc.folded, k, e) { return e }
            e -= 1
        }
        return nil
    }
}
