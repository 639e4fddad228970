/// `rule:org-channel`: a television channel or a microblog named after the network or company that
/// runs it, one organization: the network, one ICU word of two characters (its line: 新聞, 電影,
/// 娛樂, 翡翠, 無線) and 台 or 頻道 as ICU words of their own (無綫電視|翡翠|台, 中視|無線|台,
/// 緯來|育樂|台, 南方電視台|科教|頻道), and a company's 微博 (新浪|微博, 騰訊|微博). The network is
/// an organization already found (listed or by a rule) or a Latin name (ABC|新聞|台, momo|親子|台); a
/// Latin name of capitals alone takes 頻道 with no word between (HBO|頻道). An organization right
/// before 頻道 is not a channel of its own (YouTube|頻道 is a channel on YouTube).
///
/// The word between is Han characters only, is no left word of `org-heads.tsv` (成立, 目前), holds
/// no function or clause character and does not start with a count (民視|兩|台 is two sets).
enum ChannelRule {
    /// 台, as the fold writes it (臺).
    static let tai: UInt32 = 0x81FA // 臺
    static let channel: [UInt32] = Array("頻道".unicodeScalars.map(\.value))
    static let microblog: [UInt32] = Array("微博".unicodeScalars.map(\.value))
    /// The first characters of what may follow a network: a Han word, 頻道 or 微博.
    static let firstOfTail = ScalarSet("頻微频")

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        // A text with no 臺, 頻 or 微 (`RuleMarks`) holds no channel.
        guard !doc.marks[.channel].isEmpty else { return }
        var found: [Mention] = []
        // Organizations, left to right (the list changes as channels replace them).
        let orgs = doc.mentions.indices.filter { doc.mentions[$0].type == .organization && doc.mentions[$0].end > doc.mentions[$0].start
            && doc.mentions[$0].end < f.count }
        for i in orgs {
            let a = doc.mentions[i]
            guard a.end > a.start, a.type == .organization else { continue }
            // 微博 right after a company: its microblog (a listed 微博 gives way).
            if PlacePrefixRules.has(f, a.end, microblog), !PersonRules.splitsToken(doc, at: a.end + 2) {
                let e = a.end + 2
                if doc.isFree(a.end, e) || (doc.owner[a.end] >= 0 && doc.mentions[Int(doc.owner[a.end])].start == a.end
                                             && doc.mentions[Int(doc.owner[a.end])].end == e) {
                    doc.clear(a.start, e)
                    let m = Mention(start: a.start, end: e, type: .organization, candidates: [], rule: "org-channel",
                                    canonical: doc.string(a.start, e))
                    doc.add(m)
                    found.append(m)
                }
                continue
            }
            guard let e = channelEnd(doc, after: a.end, direct: false) else { continue }
            doc.clear(a.start, e)
            let m = Mention(start: a.start, end: e, type: .organization, candidates: [], rule: "org-channel",
                            canonical: doc.string(a.start, e))
            doc.add(m)
            found.append(m)
        }
        bareChannels(&doc, &found)
        // Latin names: a run of letters and digits that starts with a letter and holds a capital.
        // After each ASCII letter or digit (`RuleMarks`), in text order.
        for p in doc.marks[.latin] where p + 1 < f.count {
            let k = p + 1
            // `channelEnd` finds nothing unless 頻道 starts here or 台/頻道 follows a two-character word:
            // tested first, before the walk back and the Strings.
            guard f[k] == channel[0] || (k + 2 < f.count && (f[k + 2] == tai || f[k + 2] == channel[0])),
                  FoldTable.isHan(f[k]), UnlistedOrganizationRule.isLatinAlnum(f[k - 1]), doc.owner[k] < 0, doc.owner[k - 1] < 0 else { continue }
            var s = k
            while s > 0 && doc.owner[s - 1] < 0 && UnlistedOrganizationRule.isLatinAlnum(f[s - 1]) { s -= 1 }
            guard f[s] > 0x39, (s..<k).contains(where: { f[$0] >= 0x41 && f[$0] <= 0x5A }),
                  !(s >= 2 && f[s - 1] == 0x20 && UnlistedOrganizationRule.isLatinAlnum(f[s - 2])),
                  !PersonRules.splitsToken(doc, at: k) else { continue }
            guard !UnlistedOrganizationRule.genericLatin.contains(doc.string(s, k).uppercased()) && !genericLatin.contains(doc.string(s, k).uppercased()) else { continue }
            let capitals = (s..<k).allSatisfy { f[$0] >= 0x41 && f[$0] <= 0x5A } && k - s <= 5
            guard let e = channelEnd(doc, after: k, direct: capitals) else { continue }
            let m = Mention(start: s, end: e, type: .organization, candidates: [], rule: "org-channel", canonical: doc.string(s, e))
            doc.add(m)
            found.append(m)
        }
        doc.propagate(found)
    }

    /// Characters after 台 that make it Taiwan's abbreviation (台|積電, 台|美, 台|股, 台|商), not a
    /// channel, when ICU has cut 台 off as a word of its own (華為禁令|台|積電).
    static let taiwanWords = ScalarSet("灣湾北中南東东西股商胞獨独海資资幣币籍美日韓韩積积電电鐵铁聯联港澳人民企廠厂方當当軍军政府灣媒屬属")

    /// Latin words for a medium, not a network's name (TV|頻道, HD|頻道).
    static let genericLatin: Set<String> = ["TV", "HD", "4K", "SD", "OTT", "IPTV", "MOD"]

    /// Words before 台 that name a kind of channel or station, a count, or a stand, not one channel
    /// (新聞台, 電影台, 綜合台, 天文台, 第一台, 頒獎台, 主播台), Traditional (the fold maps Simplified).
    static let bareKinds: Set<String> = ["電視", "天文", "新聞", "娛樂", "無線", "有線", "綜合", "體育", "電影", "戲劇", "音樂",
        "衛星", "育樂", "財經", "國際", "兒童", "卡通", "宗教", "購物", "旅遊", "氣象", "親子", "中文", "英文", "臺語", "粵語",
        "國語", "華語", "外語", "地方", "中央", "商業", "廣播", "私營", "國營", "公營", "民營", "國家", "官方", "海外", "本地",
        "當地", "外國", "境外", "全國", "地區", "網路", "網絡", "數位", "數字", "高清", "直播", "廣告", "電臺", "調頻",
        "頒獎", "領獎", "表揚", "觀景", "瞭望", "展示", "工作", "服務", "指揮", "控制", "操作", "收銀", "手術", "試驗", "發射",
        "主播", "舞蹈", "演出", "秘書", "主席", "講話", "發言", "梳妝", "燈光", "觀眾", "觀星", "烽火", "信號", "主力", "旗艦",
        "省級", "市級", "縣級", "頻道", "節目", "公共", "免費", "付費", "收費",
        // Owners and kinds of a station (軍方台, 社區台, 短波台, 海盜台).
        "軍方", "政府", "民間", "社區", "校園", "學校", "大學", "警方", "警察", "空軍", "陸軍", "海軍", "軍隊", "部隊", "短波",
        "中波", "長波", "業餘", "地下", "非法", "海盜", "流行", "古典", "爵士", "搖滾", "私人", "獨立", "網上",
        // Lines of a channel (綜藝台, 股票台, 戲曲台) and a base station (基地台); 旅游 as written (the fold keeps 游).
        "綜藝", "股票", "基地", "旅游", "戲曲", "少兒", "紀錄", "教育", "科教", "文藝", "生活", "法制", "農業", "軍事", "動漫",
        "影視", "都會", "交通", "經濟", "文化", "健康", "醫療", "美食", "時尚", "資訊", "證券", "股市", "電競", "遊戲", "游戏"]
    /// Last characters of a word before 台 that make 台 Taiwan or a stage (訪|台, 返回|台, 登上|台, 美中|台).
    static let notBeforeBareTai = ScalarSet("訪擾抵赴來回返駐對在離飛援挺貶繞炒登上下站至到往全港美中陸日與和及或同兩本該此這那每各個向從於給给对从这该两个来")
    /// Words that make a text about broadcasting (電視, 節目, 頻道, 收視, 廣播 and any word of 播: 播出, 播映).
    static let mediaCues = ["電視", "節目", "頻道", "收視", "廣播"].map { Array($0.unicodeScalars.map(\.value)) }
    static let bo: UInt32 = 0x64AD // 播

    /// Whether a word of broadcasting (`mediaCues`, or 播) stands within 40 characters of `start..<end`.
    static func nearMediaCue(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        let f = doc.folded
        let lo = max(0, start - 40), hi = min(f.count, end + 40)
        for k in lo..<hi where k < start || k >= end {
            if f[k] == bo { return true }
            if mediaCues.contains(where: { PlacePrefixRules.has(f, k, $0) }) { return true }
        }
        return false
    }

    /// `rule:org-channel`: a channel named on its own, with no network before it: one ICU word of two
    /// Han characters and 台 as an ICU word of its own, in a text about broadcasting (`nearMediaCue`):
    /// 翡翠|台, 明珠|台 (Hong Kong's and Taiwan's channels are named so), after a clear left edge
    /// (`clearLeft`). Not a kind of
    /// channel or a stand (`bareKinds`: 新聞台, 天文台, 頒獎台), not 台 as Taiwan or a stage after a
    /// verb or a preposition (`notBeforeBareTai`: 訪|台, 返回|台, 登上|台), and what `channelEnd`
    /// refuses (a function character, a count first, a left word, 台|灣).
    static func bareChannels(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        for k in doc.marks[.channel] where k >= 2 && f[k] == tai && doc.owner[k] < 0 && doc.owner[k - 1] < 0 {
            let t = doc.firstToken(atOrAfter: k)
            guard t > 1, t < doc.tokens.count, doc.tokens[t].start == k, doc.tokens[t].end == k + 1,
                  doc.tokens[t - 1].end == k, doc.tokens[t - 1].start == k - 2 else { continue }
            let s = k - 2
            guard FoldTable.isHan(f[s]), FoldTable.isHan(f[s + 1]), !notBeforeBareTai.contains(f[s + 1]), doc.isFree(s, k + 1),
                  clearLeft(doc, s, t - 1),
                  !bareKinds.contains(doc.foldedString(s, k)), !bareKinds.contains(doc.string(s, k)),
                  let e = channelEnd(doc, after: s, direct: false), e == k + 1,
                  nearMediaCue(doc, s, e) else { continue }
            let m = Mention(start: s, end: e, type: .organization, candidates: [], rule: "org-channel", canonical: doc.string(s, e))
            doc.add(m)
            found.append(m)
        }
    }

    /// One-character words after which a name starts (由|明珠|台, 的|翡翠|台, 是|翡翠|台).
    static let bareLeftWords = ScalarSet("由的是在和與及將把被從到經与将从")

    /// Whether the channel's name starting at `start` (ICU word `t`) has a clear left edge: the
    /// start, a character that is not Han (a comma, a quote), or a one-character word of
    /// `bareLeftWords`. After an entity or an ordinary word (無法|阻絕|台, 架設|基地|台) it is no channel.
    static func clearLeft(_ doc: TaggingDocument, _ start: Int, _ t: Int) -> Bool {
        let f = doc.folded
        guard start > 0 else { return true }
        guard doc.owner[start - 1] < 0 else { return false }
        if !FoldTable.isHan(f[start - 1]) { return true }
        guard t > 0, doc.tokens[t - 1].end == start, doc.tokens[t - 1].start == start - 1 else { return false }
        return bareLeftWords.contains(f[start - 1])
    }

    /// The end of `word + 台` or `word + 頻道` starting at `start` (with `direct`, also a bare 頻道), or nil.
    static func channelEnd(_ doc: TaggingDocument, after start: Int, direct: Bool) -> Int? {
        let f = doc.folded
        guard start < f.count, doc.owner[start] < 0 else { return nil }
        let t = doc.firstToken(atOrAfter: start)
        guard t < doc.tokens.count, doc.tokens[t].start == start else { return nil }
        func isChannelWord(_ u: Int) -> Int? {
            guard u < doc.tokens.count, u == 0 || doc.tokens[u].start == doc.tokens[u - 1].end else { return nil }
            let tok = doc.tokens[u]
            if tok.end - tok.start == 1 && f[tok.start] == tai {
                return tok.end < f.count && taiwanWords.contains(f[tok.end]) ? nil : tok.end
            }
            if tok.end - tok.start == 2 && PlacePrefixRules.has(f, tok.start, channel) { return tok.end }
            return nil
        }
        if direct, PlacePrefixRules.has(f, start, channel), let e = isChannelWord(t), doc.isFree(start, e) { return e }
        let w = doc.tokens[t]
        guard w.end - w.start == 2, doc.isFree(w.start, w.end),
              (w.start..<w.end).allSatisfy({ FoldTable.isHan(f[$0]) && !UnlistedOrganizationRule.notInName.contains(f[$0])
                  && !PlaceNamedOrganizationRule.clauseCharacters.contains(f[$0]) }),
              !TaggingDocument.countFirst.contains(f[w.start]),
              !doc.lexicon.organizationLeftWords.contains(doc.folded, w.start, w.end),
              !PlacePrefixRules.has(f, w.start, channel),
              let e = isChannelWord(t + 1), doc.isFree(w.end, e) else { return nil }
        return e
    }
}

/// `rule:org-latin`: an English name of an organization, Latin words that end in a head word of
/// English organization names (Eastern Washington University, Cannon Films, Modern Jazz Quartet,
/// BA International Inc): the head, and before it capitalised words (and the joiners of, and, for,
/// the, de, & between them), at least one, the first capitalised, the words separated by one space.
/// The press writes such a name in brackets after its Chinese form; it is the organization's name
/// in another script, tagged as an organization as UNER does.
enum EnglishNameRule {
    /// Last words of English organization names (companies, schools, media, clubs, associations);
    /// no government words (Ministry, Department, Agency), which the agency rules decide.
    static let heads: Set<String> = ["University", "College", "School", "Academy", "Institute", "Company", "Co.", "Inc", "Inc.",
                                     "Corp", "Corp.", "Corporation", "Group", "Ltd", "Ltd.", "Limited", "LLC", "Airlines",
                                     "Airways", "Films", "Pictures", "Studios", "Entertainment", "Records", "Bank", "Club",
                                     "FC", "Foundation", "Association", "Society", "Fund", "Capital", "Partners", "Holdings",
                                     "Quartet", "Orchestra", "Band", "Church", "Hospital", "Center", "Centre", "Press",
                                     "Times", "Post", "News", "Network", "Motors", "Industries", "Laboratories", "Federation",
                                     "League", "Alliance", "Party"]
    /// Lower-case words inside a name (Bill & Melinda Gates Foundation, Institute for Fiscal Studies).
    /// `of` joins only after a head (University of Oxford China Centre); `the` never (Hitoshi Nasu
    /// of the University is a person and a truncated name).
    static let joiners: Set<String> = ["and", "for", "&"]
    /// What every head shares, tested on the folded scalars before a word's String is built: its
    /// first scalar (a capital) and its length in scalars.
    static let headFirsts = ScalarSet(String(heads.map { $0.first! }))
    static let headLengths: ClosedRange<Int> = heads.map(\.unicodeScalars.count).min()!...heads.map(\.unicodeScalars.count).max()!
    static let of = "of"
    static let the = "The"

    /// Latin letters and digits and . - ' & (ASCII): the characters of a word.
    static func isWordCharacter(_ c: UInt32) -> Bool {
        UnlistedOrganizationRule.isLatinAlnum(c) || c == 0x2E || c == 0x2D || c == 0x27 || c == 0x26
    }

    /// Whether some word of the text is a head (what every name needs), looked for from the Latin
    /// marks (`RuleMarks`): a word that starts with one of the heads' first capitals, then its String.
    /// Most texts hold none, and the word list of the whole text is then not built.
    static func holdsHead(_ doc: TaggingDocument) -> Bool {
        let f = doc.folded
        // A word read skips the marks of its other letters.
        var next = 0
        for p in doc.marks[.latin] where p >= next && (p == 0 || !isWordCharacter(f[p - 1])) && headFirsts.contains(f[p]) {
            var e = p + 1
            while e < f.count && isWordCharacter(f[e]) { e += 1 }
            if headLengths.contains(e - p) && heads.contains(doc.string(p, e)) { return true }
            next = e
        }
        return false
    }

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        guard f.count >= 5, holdsHead(doc) else { return }
        // Words: maximal runs of Latin letters, digits and . - ' & (ASCII), with their offsets.
        var words: [(start: Int, end: Int)] = []
        var k = 0
        func wordChar(_ c: UInt32) -> Bool { isWordCharacter(c) }
        while k < f.count {
            guard wordChar(f[k]) else { k += 1; continue }
            let s = k
            while k < f.count && wordChar(f[k]) { k += 1 }
            words.append((s, k))
        }
        guard words.count >= 2 else { return }
        var found: [Mention] = []
        var w = 0
        while w < words.count {
            defer { w += 1 }
            guard headLengths.contains(words[w].end - words[w].start), headFirsts.contains(f[words[w].start]),
                  heads.contains(doc.string(words[w].start, words[w].end)), words[w].end == f.count || !UnlistedOrganizationRule.isLatinAlnum(f[words[w].end]) else { continue }
            // Back over capitalised words and joiners separated by one space.
            var first = w
            var v = w - 1
            func capital(_ x: Int) -> Bool { f[words[x].start] >= 0x41 && f[words[x].start] <= 0x5A }
            // A word with a small letter and a full stop ends a sentence (Organisation. In June), not U.S. or Co.
            func endsSentence(_ x: Int) -> Bool {
                f[words[x].end - 1] == 0x2E && (words[x].start..<words[x].end).contains { f[$0] >= 0x61 && f[$0] <= 0x7A }
                    && !heads.contains(doc.string(words[x].start, words[x].end))
            }
            while v >= 0 && words[v].end + 1 == words[v + 1].start && f[words[v].end] == 0x20 && !endsSentence(v) {
                let word = doc.string(words[v].start, words[v].end)
                let c = f[words[v].start]
                if capital(v) || (c >= 0x30 && c <= 0x39) {
                    first = v
                } else if !(joiners.contains(word) || (word == of && v > 0 && heads.contains(doc.string(words[v - 1].start, words[v - 1].end)))) {
                    break
                }
                v -= 1
            }
            // A head, then of and capitalised words: the name goes on (Massachusetts Institute of Technology,
            // University of Oxford).
            var last = w
            if w + 2 < words.count, doc.string(words[w + 1].start, words[w + 1].end) == of, words[w].end + 1 == words[w + 1].start,
               words[w + 1].end + 1 == words[w + 2].start, capital(w + 2) {
                last = w + 2
                while !endsSentence(last) && last + 1 < words.count && words[last].end + 1 == words[last + 1].start
                        && f[words[last].end] == 0x20 && capital(last + 1) {
                    last += 1
                }
            }
            // A name word other than The before the head (The University is no name), or the words after of.
            guard last > w || (first < w && capital(first)
                                 && (first..<w).contains(where: { capital($0) && doc.string(words[$0].start, words[$0].end) != the }))
            else { continue }
            if first < w && !capital(first) { continue }
            let start = words[first].start
            let end = endsSentence(last) ? words[last].end - 1 : words[last].end
            guard doc.isFree(start, end) else { continue }
            let m = Mention(start: start, end: end, type: .organization, candidates: [], rule: "org-latin", canonical: doc.string(start, end))
            doc.add(m)
            found.append(m)
        }
        doc.propagate(found)
    }
}
