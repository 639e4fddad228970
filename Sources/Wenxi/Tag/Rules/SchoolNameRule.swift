/// `rule:org-school`: a school named by a word that ICU's dictionary knows (清華|學校, 箴言|書院,
/// 育英|中學), which `rule:org-unlisted` does not read (it wants a run of one-character words, a name
/// ICU does not know) and `rule:org-head` does not either (中學, 學校, 書院 end too many phrases of
/// kind: 寄宿學校, 教會學校, 職業學校).
///
/// The name is one ICU word of two Han characters, or two one-character words before a word of
/// kind (精|武|體操|學校), then at most two words of kind (`kinds`: 農業, 高等, 師範 …), then a school
/// head (`heads`: 學校 中學 小學 書院 中學校 公學 專科學校 高級中學 初級中學) ending at a word edge and
/// not continued (中學生 is one ICU word; 學校|園 stops it). The name word is no word of kind, no generic
/// modifier (`PlaceNamedOrganizationRule.genericWords`: 當地, 私立), no count, no left word of
/// `org-heads.tsv` (如今, 因為), no cue (title or verb), and holds no function or pronoun character
/// (`UnlistedOrganizationRule.notInName`: 我們, 這間, 從此, 自己); no entity lies on any of it. It starts
/// at a clear edge: the text's or a sentence's start, an opening quote, or one of the one-character
/// words after which a school is named in running text (`edges`: 入|育英中學, 為|清華學校校長,
/// 了|箴言書院, 在 於 到 讀; not 和 與 及, which join verbs too: 堅持和|完善|普通高等學校). The name is no
/// school head itself (小學|中學). A comma is no edge: adverbs stand there (，|當前|學校). A
/// place before the name is no edge either: place, word and head is `rule:org-place`'s reading, and
/// mostly a kind (成都|教會|學校, 德國|文法|學校).
enum SchoolNameRule {
    /// (學堂 is no unlisted-name head, so no mark finds it here: after a city it is `rule:org-place`'s.)
    static let heads = WordSet(["學校", "中學", "小學", "書院", "中學校", "公學", "專科學校", "高級中學", "初級中學"])
    static let headLasts = ScalarSet("校學院")
    /// Words that say what kind of school it is (its level, trade, language, sex, owner, faith or
    /// boarding), not which: they may stand between the name and the head, never as the name.
    static let kinds = WordSet([
        "寄宿", "古代", "舞蹈", "師範", "高等", "中等", "初等", "初級", "中級", "高級", "獨立", "理工", "文法", "教會", "全國", "農業",
        "工業", "商業", "體操", "職業", "技術", "專科", "私立", "公立", "國立", "省立", "市立", "縣立", "民辦", "公辦", "私人", "重點",
        "名牌", "貴族", "國際", "普通", "特殊", "實驗", "附屬", "女子", "男子", "軍事", "藝術", "美術", "音樂", "體育", "外語", "語言",
        "護理", "醫學", "醫科", "法律", "法政", "宗教", "佛教", "基督教", "天主教", "伊斯蘭", "戲劇", "電影", "烹飪", "駕駛", "駕訓",
        "補習", "夜間", "成人", "幼兒", "兒童", "少年", "青年", "聾啞", "盲人", "特教", "社區", "中文", "華文", "英文", "漢語", "英語",
        "德語", "日語", "法語", "俄語", "雙語", "蒙語", "藏語", "維語", "飛行", "航空", "海軍", "陸軍", "空軍", "警察", "護士", "神學",
        "新式", "舊式", "洋務", "公共", "教育", "培訓", "訓練", "示範", "完全", "綜合", "鄉村", "農村", "城市", "山區", "鄉鎮", "村辦",
        "華人", "華僑", "僑民", "穆斯林", "政治", "黨務", "幹部", "武術", "足球", "籃球", "滑冰", "棒球", "游泳", "電腦", "網路", "網絡",
        "貴族", "精英", "菁英", "一般", "正規", "非法", "地下", "流動", "臨時", "暑期", "周末", "週末", "星期", "業餘", "函授", "遠程",
        "公辦", "市屬", "省屬", "部屬", "直屬", "新建", "原來", "現在", "目前", "當前", "以前", "過去", "未來", "鄰近", "同一", "不同",
        "其中", "另外", "各級", "各類", "各種", "每個", "整個", "這所", "那所", "一所", "哪所", "母校", "本校", "該校", "全校", "大中",
        "中小", "大中小", "希望", "愛國", "漢人", "滿人", "日本人", "美國人", "英國人", "外國人",
        // Schools by the state's level that runs them and by the pupils they serve; quantities (很多小學).
        "州立", "區立", "鎮立", "鄉立", "村立", "私營", "公營", "智障", "弱智", "殘障", "殘疾", "傷殘", "肢體", "聽障", "視障", "啟智",
        "啟聰", "啟明", "培智", "盲聾", "特殊教育", "很多", "好多", "大多", "多數", "少數", "大批",
    ])
    /// One-character words after which a school's name starts in running text.
    /// Not the conjunctions 和 與 及: they join verbs too (堅持和|完善|普通|高等|學校).
    static let edges = ScalarSet("入在於為了到讀于为")
    /// Sentence ends and opening quotes: a clear edge too.
    static let openers = ScalarSet("。！？；「『《“‘（(")

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let tokens = doc.tokens
        guard tokens.count >= 2 else { return }
        var found: [Mention] = []
        // The ICU words that end at a mark of the unlisted-name heads' last characters (`RuleMarks`: 校 學 院
        // are among them). A walk over every word was
        // 4.3 M instructions of the tag stage at `scripts/tag-instructions --every 30`.
        for p in doc.marks[.unlistedHeadLast] where headLasts.contains(f[p]) {
            // The word that holds the mark: the last that starts at or before it (a binary search).
            let t = doc.firstToken(atOrAfter: p + 1) - 1
            guard t >= 1, tokens[t].end == p + 1 else { continue }
            let head = tokens[t]
            let hn = head.end - head.start
            guard hn >= 2, hn <= 4, headLasts.contains(f[head.end - 1]), heads.contains(f, head.start, head.end),
                  doc.isFree(head.start, head.end),
                  head.end == f.count || !(OrganizationHeadRule.isNameContinuation(f[head.end]) || UnlistedOrganizationRule.afterHead.contains(f[head.end]))
            else { continue }
            // Words of kind before the head (高等|師範|學校), then the name.
            var u = t - 1
            var kindWords = 0
            while u >= 1 && kindWords < 2 && tokens[u].end - tokens[u].start >= 2 && kinds.contains(f, tokens[u].start, tokens[u].end)
                    && doc.isFree(tokens[u].start, tokens[u].end) {
                u -= 1
                kindWords += 1
            }
            guard u >= 0 else { continue }
            var start: Int
            if tokens[u].end - tokens[u].start == 2 {
                start = tokens[u].start
            } else if kindWords > 0, u >= 1, tokens[u].end - tokens[u].start == 1, tokens[u - 1].end - tokens[u - 1].start == 1 {
                // Two one-character words before a word of kind: a name ICU does not know (精|武|體操|學校).
                u -= 1
                start = tokens[u].start
            } else { continue }
            let end = tokens[u].start + 2
            guard doc.isFree(start, end), (start..<end).allSatisfy({ FoldTable.isHan(f[$0]) && !UnlistedOrganizationRule.notInName.contains(f[$0]) }),
                  !UnlistedOrganizationRule.isNumeralFirst(f[start]), !kinds.contains(f, start, end), !heads.contains(f, start, end),
                  !PlaceNamedOrganizationRule.genericWords.contains(f, start, end),
                  !OrganizationHeadRule.startsWithGenericModifier(doc, start, end),
                  !doc.lexicon.organizationLeftWords.contains(f, start, end),
                  !doc.cues.contains(where: { $0.start < end && $0.end > start })
            else { continue }
            // A clear edge before the name.
            if start > 0 {
                let c = f[start - 1]
                let oneCharWord = u >= 1 && tokens[u - 1].end == start && tokens[u - 1].end - tokens[u - 1].start == 1
                guard doc.owner[start - 1] < 0, openers.contains(c) || (oneCharWord && edges.contains(c)) else { continue }
            }
            let m = Mention(start: start, end: head.end, type: .organization, candidates: [], rule: "org-school", canonical: doc.string(start, head.end))
            doc.add(m)
            found.append(m)
        }
        doc.propagate(found)
    }
}
