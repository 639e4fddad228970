/// `rule:org-place`: an organization named by a place and ordinary words, which no list holds and
/// which the head-word rules miss because its name is made of dictionary words, not an unknown
/// name: 芬蘭|航空, 挪威|國家|石油|公司 (with 有限公司 only), 香港|管弦樂團, 上海|農學院,
/// 奧地利|科學院, 蘇格蘭|皇家|銀行. The rule:
/// - a dictionary place (not one a rule built: 善化車站) followed by at most three ICU words of two or more characters
///   (the descriptors: 國家, 皇家, 石油, 公交|巴士), then a head of `org-heads.tsv` (rows with
///   `rule` empty or `place`) that ends at an ICU word edge and is not continued (航空|業,
///   大學|生: `OrganizationHeadRule.nameContinuations`, `UnlistedOrganizationRule.afterHead`);
/// - with no descriptor only the heads of `directHeads`, which name one body after a place
///   (美國航空, 日本銀行) where 中國公司 or 美國大學 are any company or university of the place;
/// - no descriptor is a generic modifier (`genericWords`: 知名, 頂尖, 主要, 民營 … — 美國頂尖大學
///   is no name) or a count (四大, 一批: `TaggingDocument.countFirst`), none holds a function or clause character
///   (的, 在, 不, 只 …), no title or verb cue starts among them (呼籲, 開設), and nothing in the span
///   is another entity (英國|牛津大學 stays place + organization, as the CNA key writes it).
/// The place, and a place right before it (美國|大陸|航空), becomes part of the organization (the
/// encyclopedic and newswire keys write it so).
/// Found again elsewhere in the document.
enum PlaceNamedOrganizationRule {
    /// Heads that name one body right after a place, with no descriptor between.
    static let directHeads: [[UInt32]] = ["航空", "銀行", "電視台", "電台", "日報", "時報", "晚報", "管弦樂團", "交響樂團", "愛樂", "科學院", "航空公司"]
        .map { Array($0.unicodeScalars.map(\.value)) }
    /// Heads that name one body right after a city, a county or a state, not after a country
    /// (博洛尼亞|大學, 印第安納|大學, 元朗區|體育會; 美國|大學 and 日本|學院 are any of the country's).
    /// A city's works are named so too (哈爾濱|電機廠, 大連|造船廠; eleventh session).
    /// An old-style school too (保定|學堂; thirteenth session): 學校 and 中學 after a city are any of the city's.
    static let cityDirectHeads: [[UInt32]] = ["大學", "學院", "體育會", "足球會", "電機廠", "機車廠", "造船廠", "學堂"]
        .map { Array($0.unicodeScalars.map(\.value)) }
    /// The classes of `places*.tsv` entries that are a city, a county or a state's subdivision.
    static let cityClasses: Set<String> = ["world-city", "city", "county", "county-city", "prefecture", "district", "township",
                                           "town", "us-state", "state", "province", "municipality", "province-municipality",
                                           "autonomous-region", "hk-district", "hk-area", "sar", "former-county"]
    /// Descriptors that make `place + word + head` a kind of body, not a name (Traditional and
    /// Simplified): quality, size, ownership, number.
    static let genericWords = WordSet([
        "知名", "著名", "頂尖", "一流", "重點", "主要", "大型", "小型", "中型", "國內", "本地", "當地", "其他", "其它", "所有",
        "各大", "多家", "部分", "大部分", "私立", "公立", "民營", "國營", "公營", "國有", "地方", "相關", "外資", "外商",
        "公股", "中資", "台資", "港資", "外國", "一些", "許多", "不少", "多數", "少數", "全部", "其餘", "這些", "那些", "最大",
        "最好", "最佳", "傳統", "新興", "大批", "本土", "境內", "境外", "海外", "在地", "優秀", "老牌", "大量", "眾多", "兩家",
        "三家", "多所", "數家", "幾家", "這家", "那家", "該家", "每家", "所屬", "旗下", "下屬", "附近", "周邊",
        "顶尖", "重点", "国内", "当地", "其他", "所有", "多家", "部分", "民营", "国营", "国有", "外资", "这些", "传统",
        "新兴", "优秀", "众多", "两家", "数家", "几家", "这家", "该家", "每家", "旗下", "下属", "周边", "最大", "公营",
        "中小", "不同", "高檔", "高档", "近郊", "郊區", "郊区", "農村", "农村", "城市", "鄉村", "乡村",
    ])
    /// Characters of a clause, not of a name (只有, 不同, 將, 已).
    static let clauseCharacters = ScalarSet("不沒没只將将已曾會会要")

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let heads = lex.placeNamedHeads
        let tokens = doc.tokens
        guard !heads.isEmpty, !tokens.isEmpty else { return }
        let f = doc.folded
        let lastSet = lex.placeNamedHeadLastSet
        var found: [Mention] = []
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            // A free Han character must follow before the mention is copied.
            let pe = doc.mentions[i].end
            guard pe < f.count, doc.owner[pe] < 0, FoldTable.isHan(f[pe]) else { continue }
            // The place's fields are read in place (no copy: most places start no name); the
            // document does not change before the name is added.
            let p = (start: doc.mentions[i].start, end: pe)
            guard doc.mentions.withUnsafeBufferPointer({ $0[i].rule == nil }), p.end > p.start else { continue }
            var t = doc.firstToken(atOrAfter: p.end)
            guard t < tokens.count, tokens[t].start == p.end else { continue }
            var words = 0
            var best = -1
            while t < tokens.count && words <= 3 {
                let tok = tokens[t]
                guard tok.end - p.end <= 10, doc.isFree(tok.start, tok.end),
                      (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) && !OrganizationHeadRule.notInName.contains(f[$0]) })
                        || stateWords.contains(doc.foldedString(tok.start, tok.end))
                else { break }
                let e = tok.end
                // A head ending at this token's end and starting after the place.
                if lastSet.contains(f[e - 1]), e == f.count || !(OrganizationHeadRule.isNameContinuation(f[e]) || UnlistedOrganizationRule.afterHead.contains(f[e]) || f[e] == industry) {
                    for h in heads where h.count <= e - p.end && PlacePrefixRules.has(f, e - h.count, h) {
                        let hs = e - h.count
                        // Every word before the head is a whole dictionary word of two or more characters.
                        let direct = hs == p.end
                        if direct && !directHeads.contains(h)
                            && !(cityDirectHeads.contains(h) && doc.mentions[i].candidates.contains(where: { cityClasses.contains(lex.entries[$0].entryClass ?? "") })) { continue }
                        if !direct && !descriptorsOK(doc, from: p.end, to: hs) { continue }
                        best = e
                        break
                    }
                }
                // A state's company: 國家 and a line of business before a bare 公司 (挪威|國家|石油|公司,
                // 南非|國家|電力|公司); 中國|石油|公司 without 國家 is any oil company of the place.
                if best < 0, words >= 2, PlacePrefixRules.has(f, tok.start, company), tok.end - tok.start == company.count,
                   PlacePrefixRules.has(f, p.end, TeamRule.nationalWord),
                   e == f.count || !(OrganizationHeadRule.isNameContinuation(f[e]) || UnlistedOrganizationRule.afterHead.contains(f[e])),
                   descriptorsOK(doc, from: p.end, to: tok.start) {
                    best = e
                }
                if best >= 0 { break }
                guard tok.end - tok.start >= 2 else { break }
                words += 1
                t += 1
            }
            guard best > 0 else { continue }
            // A bureau's word after the head (美國|國家|航空|航天局) makes the whole a state's bureau.
            var j = best + 1
            while j < min(f.count, best + 4) && FoldTable.isHan(f[j - 1]) && FoldTable.isHan(f[j]) && f[j] != 0x5C40 && f[j] != 0x7F72 { j += 1 }
            if best < f.count, j < f.count, FoldTable.isHan(f[best]), f[j] == 0x5C40 || f[j] == 0x7F72 /* 局 署 */ { continue }
            // A higher place right before is part of the name too (美國|大陸|航空).
            var start = p.start
            if start > 0, doc.owner[start - 1] >= 0 {
                let q = doc.mentions[Int(doc.owner[start - 1])]
                if q.type == .place, q.end == start { start = q.start }
            }
            doc.clear(start, best)
            let m = Mention(start: start, end: best, type: .organization, candidates: [], rule: "org-place",
                            canonical: doc.string(start, best))
            doc.add(m)
            found.append(m)
        }
        publicInstitutions(&doc, &found)
        doc.propagate(found)
    }

    static let established: UInt32 = 0x7ACB // 立
    /// The levels of government whose schools and hospitals are named 省立 市立 縣立 州立 區立.
    static let publicLevels = ScalarSet("省市縣州區县区")

    /// `rule:org-place`: a school or hospital a level of government runs, named by the place, 立
    /// (省立 市立 縣立 州立), an ordinal or ordinary words and a head (浙江省|立|第一|師範|學校,
    /// 岐阜|市立|女子|短期|大學): the place, with or without its level's character, then 立, then at
    /// most four ICU words of Han characters (第一 and 第三 among them), no function word, and a head of
    /// `org-heads.tsv` (rows with `rule` empty, `place` or `unlisted`: 學校, 中學) at an ICU word edge.
    static func publicInstitutions(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        guard !doc.marks[.established].isEmpty else { return }
        let heads = doc.lexicon.placeNamedHeads + doc.lexicon.unlistedNameHeads
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            // The level and 立 after the place are tested before the mention is copied.
            let pe = doc.mentions[i].end
            guard pe > doc.mentions[i].start, pe + 3 < f.count,
                  publicLevels.contains(f[pe - 1]) && f[pe] == established || publicLevels.contains(f[pe]) && f[pe + 1] == established
            else { continue }
            let p = doc.mentions[i]
            guard p.type == .place, p.end > p.start, p.end + 3 < f.count else { continue }
            // 立 right after a place that ends in its level (浙江省|立), or the level and 立 after it (岐阜|市立).
            var k = p.end
            if publicLevels.contains(f[p.end - 1]) && f[k] == established {
                k += 1
            } else if publicLevels.contains(f[k]) && f[k + 1] == established {
                k += 2
            } else { continue }
            guard doc.isFree(p.end, k), !PersonRules.splitsToken(doc, at: k) else { continue }
            var t = doc.firstToken(atOrAfter: k)
            var words = 0
            var best = -1
            while t < doc.tokens.count && words < 5 && best < 0 {
                let tok = doc.tokens[t]
                guard tok.start == (words == 0 ? k : doc.tokens[t - 1].end), doc.isFree(tok.start, tok.end),
                      (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) && !OrganizationHeadRule.notInName.contains(f[$0]) })
                else { break }
                let e = tok.end
                if words > 0 || tok.end - tok.start >= 2,
                   e == f.count || !(OrganizationHeadRule.isNameContinuation(f[e]) || UnlistedOrganizationRule.afterHead.contains(f[e])) {
                    if heads.contains(where: { h in h.count <= e - k && PlacePrefixRules.has(f, e - h.count, h)
                        && doc.firstToken(atOrAfter: e - h.count) < doc.tokens.count
                        && doc.tokens[doc.firstToken(atOrAfter: e - h.count)].start == e - h.count }) {
                        best = e
                    }
                }
                words += 1
                t += 1
            }
            guard best > 0, !PersonRules.splitsToken(doc, at: best) else { continue }
            doc.clear(p.start, best)
            let m = Mention(start: p.start, end: best, type: .organization, candidates: [], rule: "org-place", canonical: doc.string(p.start, best))
            doc.add(m)
            found.append(m)
        }
    }

    static let industry: UInt32 = 0x696D // 業
    /// Descriptors that hold 家, a function character elsewhere (一家, 家中), and name a state's or a
    /// crown's body: 挪威|國家|石油|公司, 蘇格蘭|皇家|銀行.
    static let stateWords: Set<String> = ["國家", "皇家"]
    static let company = Array("公司".unicodeScalars.map(\.value))

    /// The words from `start` to `end` are at most three ICU words of two or more characters,
    /// none a generic modifier; the head starts at a word edge after at least one of them, or
    /// inside the word that follows them (農|學院 in 上海|農學院).
    static func descriptorsOK(_ doc: TaggingDocument, from start: Int, to end: Int) -> Bool {
        var t = doc.firstToken(atOrAfter: start)
        var n = 0
        while t < doc.tokens.count && doc.tokens[t].end <= end {
            let tok = doc.tokens[t]
            guard tok.end - tok.start >= 2, !TaggingDocument.countFirst.contains(doc.folded[tok.start]),
                  !(tok.start..<tok.end).contains(where: { clauseCharacters.contains(doc.folded[$0]) }),
                  !genericWords.contains(doc.folded, tok.start, tok.end) else { return false }
            n += 1
            t += 1
        }
        guard n <= 3, t < doc.tokens.count else { return false }
        // A title or verb cue among the descriptors (呼籲, 開設) makes them a clause.
        if doc.cues.contains(where: { $0.start >= start && $0.start < end }) { return false }
        return doc.tokens[t].start == end ? n >= 1 : doc.tokens[t].start < end
    }
}

enum PartyRule {
    static let party: UInt32 = 0x9EE8 // 黨

    static func apply(_ doc: inout TaggingDocument) {
        let words = doc.lexicon.partyWords
        let f = doc.folded
        let partyMarks = doc.marks[.party]
        guard !words.isEmpty, !partyMarks.isEmpty else { return }
        var found: [Mention] = []
        for k in partyMarks where k >= 1 && doc.owner[k] < 0 {
            guard !PersonRules.splitsToken(doc, at: k + 1) else { continue }
            // Party words, right to left, each free and starting at a word edge.
            var s = k
            var n = 0
            while n < 4, let w = words.first(where: { $0.count <= s && PlacePrefixRules.has(f, s - $0.count, $0) }),
                  doc.isFree(s - w.count, s), !PersonRules.splitsToken(doc, at: s - w.count) {
                s -= w.count
                n += 1
            }
            guard n > 0 else { continue }
            if s > 0, doc.owner[s - 1] >= 0 {
                let left = doc.mentions[Int(doc.owner[s - 1])]
                if left.type == .place && left.end == s { s = left.start }
            }
            doc.clear(s, k + 1)
            let m = Mention(start: s, end: k + 1, type: .organization, candidates: [], rule: "party", canonical: doc.string(s, k + 1))
            doc.add(m)
            found.append(m)
        }
        doc.propagate(found)
    }
}
