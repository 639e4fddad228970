/// `rule:org-unlisted`: an organization that no list holds, found by its head word and by a name
/// that ICU's dictionary does not know either. ICU cuts an unknown name into one-character words
/// (亨|鑫|精密, 雲|想|集團, 日|兴|证券|公司), while a generic phrase is made of dictionary words
/// (糧食|公司, 晶片|製造|公司, 生物|科技): the left edge of the name is where the run of
/// one-character words starts. The rule:
/// - a head word of `org-heads.tsv` (rows with `rule` empty or `unlisted`: 公司, 集團, 銀行, 科技,
///   精密, 大學, 醫院, 協會 …, Traditional and Simplified alike after folding) that is whole ICU
///   words and not followed by a character that continues it (集團化);
/// - before it, at most two more head words that are ICU words (日兴|证券|公司: an industry word),
///   before a company suffix any two ICU words of a line of business (中|維|生物|技術|有限公司, and after
///   a place before a bare 公司: 大連|凱|洋|海鮮|公司; `isLineOfBusiness`);
/// - before those, a run of 2–4 one-character Han words that no entity holds, with no function
///   word (的, 在, 該, 這, 家 …), no numeral first (三家, 第一) and not ending in a word for a
///   kind of branch (子公司, 分公司, 母公司);
/// - a place right before the run is part of the name, as the CNA key writes it (美國|友邦…,
///   台灣|愛德克 → one organization).
/// A company suffix right after the name is taken in (河南新飛電器|有限公司), also after a name
/// `rule:org-head` found (日兴证券|公司). Found again elsewhere in the document too.
///
/// `台灣X`: the place 台灣 followed by a run of 3–4 one-character words that are all characters of
/// transliterations (愛|德|克) and then a word edge is a company named after Taiwan
/// (台灣愛德克), not the place.
enum UnlistedOrganizationRule {
    /// Characters that end a name on the left (function words), beyond `OrganizationHeadRule.notInName`.
    /// Pronouns and the one-character verbs and prepositions that ICU leaves alone before a noun
    /// (他|上|大學, 考|入|高中, 帶|入|學校, 由|小|企業) are no part of a name either.
    static let notInName = ScalarSet("的是在了也都又就還並但於對從向把被讓給以之其這那此該各每某等個家間所些與和及或說今昨將已曾為"
        + "他她它我你們咱于上下入進出到回考買賣使由著帶辦讓用比自處如者年屆性點往去來至據叫能要討涉隊過轉轄須啟開跳重"
        // The Simplified forms: the fold maps a Simplified character only when the dictionaries use its Traditional one.
        + "这还并对从让给该个间与说将为们进买卖带办处届点来据讨队过转辖须启开")
    /// A run that ends with one of these before the head is a kind of branch, a size or an
    /// ownership or a line of business, not a name (子公司, 大企業, 中小學, 全省小學, 中資銀行,
    /// 民營醫院, 參股公司, 空殼公司, 互聯網公司, 新創公司, 芯片公司, 電商公司, 方艙醫院, 權值電子).
    static let branchWords = ScalarSet("子分母總本大小中新老全省市縣區資營股殼網創片商艙銷櫃線續儲岸交債業值" + "总县区资营壳网创舱销柜线续储债业")
    /// Branch, size and ownership characters (子公司, 總公司, 中小, 民營, 國營): the part of
    /// `branchWords` that stops a name before an industry word too.
    static let ownershipWords = ScalarSet("子分母總本大小中全省市縣區資營股" + "总县区资营")
    /// Characters after a head that make it part of a longer word: a place or a building named
    /// after the company (工業|園, 科技|大樓, 工業|區), an index (道瓊工業|指數), a paper
    /// (中時電子|報), pupils (國高中|學生).
    static let afterHead = ScalarSet("園樓區廠指報學生" + "园楼区厂报学")
    /// Company suffixes an organization found here takes in (河南新飛電器|有限公司).
    static let companySuffixes = ["股份有限公司", "有限公司", "公司"].map { Array($0.unicodeScalars.map(\.value)) }
    static let shareFirst: UInt32 = 0x80A1, limitedFirst: UInt32 = 0x6709, companyFirst: UInt32 = 0x516C // 股 有 公
    /// A count, an ordinal or a zero first is no name (三家, 第一, 零): `TaggingDocument.countFirst`, 第 and 零.
    static func isNumeralFirst(_ c: UInt32) -> Bool {
        TaggingDocument.countFirst.contains(c) || c == TaggingDocument.ordinal || c == TaggingDocument.zero
    }
    static let taiwan: [[UInt32]] = ["台灣", "臺灣"].map { Array($0.unicodeScalars.map(\.value)) }

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let heads = lex.unlistedNameHeads
        let tokens = doc.tokens
        guard !heads.isEmpty, !tokens.isEmpty else { return }
        let f = doc.folded
        var found: [Mention] = []
        // A name the head rule found takes a company suffix in too (日兴证券|公司).
        for i in doc.mentions.indices where doc.mentions[i].type == .organization && doc.mentions[i].end > doc.mentions[i].start {
            let e = doc.mentions[i].end
            guard e < f.count, f[e] == companyFirst || f[e] == limitedFirst || f[e] == shareFirst, doc.mentions[i].rule == "org-head" else { continue }
            if let suffix = companySuffixes.first(where: { PlacePrefixRules.has(f, e, $0) }), doc.isFree(e, e + suffix.count),
               !PersonRules.splitsToken(doc, at: e + suffix.count), !PersonRules.splitsToken(doc, at: e) {
                doc.extend(i, to: e + suffix.count)
                doc.mentions[i].canonical = doc.string(doc.mentions[i].start, e + suffix.count)
            }
        }
        industryCompanies(&doc)
        func oneHan(_ t: Int) -> Bool {
            tokens[t].end - tokens[t].start == 1 && FoldTable.isHan(f[tokens[t].start]) && doc.owner[tokens[t].start] < 0
                && !notInName.contains(f[tokens[t].start])
        }
        func isHead(_ start: Int, _ end: Int) -> Bool {
            guard lex.unlistedNameHeadLastSet.contains(f[end - 1]) else { return false }
            return (lex.unlistedNameHeadsByLast[f[end - 1]] ?? []).contains { $0.count == end - start && PlacePrefixRules.has(f, start, $0) }
        }
        // The ICU words whose last character ends a head (`RuleMarks`), in order: a cursor over
        // the words meets each mark.
        var t = 0
        for p in doc.marks[.unlistedHeadLast] {
            while t < tokens.count && tokens[t].end <= p { t += 1 }
            guard t < tokens.count else { break }
            let end = p + 1
            guard tokens[t].end == end, doc.owner[end - 1] < 0 else { continue }
            guard end == f.count || !(OrganizationHeadRule.isNameContinuation(f[end]) || afterHead.contains(f[end])) else { continue }
            // The head: the longest listed head ending here that starts at a word edge.
            var u = -1
            var headStart = -1
            for h in lex.unlistedNameHeadsByLast[f[end - 1]] ?? [] where h.count < end && PlacePrefixRules.has(f, end - h.count, h) {
                var v = t
                while v > 0 && tokens[v].start > end - h.count { v -= 1 }
                if tokens[v].start == end - h.count { headStart = end - h.count; u = v; break }
            }
            guard headStart >= 0, doc.isFree(headStart, end) else { continue }
            // Industry words before the head (证券|公司); before a company suffix, any line of
            // business (中|維|生物|技術|有限公司, 大連|凱|洋|海鮮|公司), see `isLineOfBusiness`.
            var p = headStart
            var w = u - 1
            var skipped = 0
            var lineOfBusiness = false
            var industry = true
            let company = companySuffixes.contains { $0.count == end - headStart && PlacePrefixRules.has(f, headStart, $0) }
            // Where each word taken as a line of business started, for a transliterated name read
            // as one (摩托|羅拉|公司: 羅拉 and 摩托 pass `isLineOfBusiness`).
            var steps: [(p: Int, w: Int, lineOfBusiness: Bool, industry: Bool)] = []
            while w >= 0 && skipped < 2 && tokens[w].end == p && tokens[w].end - tokens[w].start >= 2
                    && doc.isFree(tokens[w].start, p) {
                steps.append((p, w, lineOfBusiness, industry))
                if !isHead(tokens[w].start, p) {
                    guard company && isLineOfBusiness(doc, tokens[w].start, p) else { break }
                    lineOfBusiness = true
                    if !lex.industryWords.contains(f, tokens[w].start, p) { industry = false }
                }
                p = tokens[w].start
                w -= 1
                skipped += 1
            }
            // The unknown name: a run of one-character words.
            var start = p
            var run = 0
            while w >= 0 && tokens[w].end == start && oneHan(w) && run < 5 {
                start = tokens[w].start
                w -= 1
                run += 1
            }
            // A transliterated name ICU knows as one word (摩托羅拉|公司, 勞斯萊斯|汽車|公司): three to five
            // characters, each a character of transliterations, that no entity holds.
            if run == 0 {
                if let q = transliteratedStart(doc, before: p, word: w) {
                    start = q
                    run = 2
                } else if lineOfBusiness, let step = steps.last(where: { transliteratedStart(doc, before: $0.p, word: $0.w) != nil }) {
                    start = transliteratedStart(doc, before: step.p, word: step.w)!
                    p = step.p
                    lineOfBusiness = step.lineOfBusiness
                    industry = step.industry
                    run = 2
                }
            }
            // Before an industry word of `org-heads.tsv` (紡織, 唱片) a name may end in 新 or 老 (益新|紡織):
            // only the words of a branch, a size or an ownership stop it there.
            let industryNamed = lineOfBusiness && industry
            guard run >= 2 && run <= 4, !isNumeralFirst(f[start]),
                  !(industryNamed ? ownershipWords : branchWords).contains(f[p - 1]) else { continue }
            // A clause before an industry word is no name (會|請|貨運|公司).
            if industryNamed, (start..<p).contains(where: { PlaceNamedOrganizationRule.clauseCharacters.contains(f[$0]) }) { continue }
            guard !OrganizationHeadRule.startsWithGenericModifier(doc, start, p) else { continue }
            // A line of business before a bare 公司 needs a place before the name: a person cut into
            // one-character words and a verb are no company (馬|雲|持有|公司, 小|額|貸款|公司); a line of
            // business of `org-heads.tsv`'s `industry` rows is no verb (益新|紡織|公司).
            if lineOfBusiness && !industryNamed && end - headStart < limitedLength {
                guard start > 0, doc.owner[start - 1] >= 0, doc.mentions[Int(doc.owner[start - 1])].type == .place,
                      doc.mentions[Int(doc.owner[start - 1])].end == start else { continue }
            }
            if start > 0, doc.owner[start - 1] >= 0 {
                let left = doc.mentions[Int(doc.owner[start - 1])]
                if left.type == .place && left.end == start {
                    doc.clear(left.start, left.end)
                    start = left.start
                }
            }
            var stop = end
            if let suffix = companySuffixes.first(where: { PlacePrefixRules.has(f, end, $0) }), doc.isFree(end, end + suffix.count),
               !PersonRules.splitsToken(doc, at: end + suffix.count) {
                stop = end + suffix.count
            }
            let m = Mention(start: start, end: stop, type: .organization, candidates: [], rule: "org-unlisted",
                            canonical: doc.string(start, stop))
            doc.add(m)
            found.append(m)
        }
        taiwanCompanies(&doc, &found)
        latinNames(&doc, &found)
        doc.propagate(found)
    }

    /// The start of a transliterated name ICU keeps as words of two characters or more (斯坦福|大學,
    /// 摩托|羅拉|公司, 西南|貝爾|電信|公司) ending at `end`, whose last word is token `w`: the words
    /// back from `end` whose characters are all `PersonRules.transliterationCharacters` and that no
    /// entity holds, three to five characters in all; nil when there are fewer or a name goes on
    /// to the left (`nameContinuing`). Two characters are
    /// mostly ordinary words (摩托, 西南). A people's or a faith's word is no name (穆斯林|學校 are
    /// any Muslims' schools).
    static func transliteratedStart(_ doc: TaggingDocument, before end: Int, word w: Int) -> Int? {
        let f = doc.folded, tokens = doc.tokens
        var q = end, v = w
        while v >= 0, tokens[v].end == q, end - tokens[v].start <= 5, doc.isFree(tokens[v].start, q),
              (tokens[v].start..<q).allSatisfy({ FoldTable.isHan(f[$0]) && PersonRules.transliterationCharacters.contains(f[$0]) }) {
            q = tokens[v].start
            v -= 1
        }
        guard end - q >= 3, !peopleWords.contains(doc.foldedString(q, end)) else { return nil }
        // A name that goes on to the left with a character of transliterations the set leaves out
        // (傅爾|布萊特|大學 is Fulbright's): no edge to cut at.
        if q > 0 && doc.owner[q - 1] < 0 && nameContinuing.contains(f[q - 1]) { return nil }
        return q
    }

    /// Characters of transliterations that `PersonRules.transliterationCharacters` leaves out
    /// (爾 勒 夫 姆 …): before a transliterated run they show the name starts further left.
    static let nameContinuing = ScalarSet("爾尔勒夫姆埃")

    /// An organization found (a listed one too) and then a line of business of `org-heads.tsv`'s
    /// `industry` rows and 公司, each an ICU word, at a word edge, is one company (勞斯萊斯|汽車|公司,
    /// 寶馬|汽車|公司): the span grows, the entry stays.
    static func industryCompanies(_ doc: inout TaggingDocument) {
        let f = doc.folded, lex = doc.lexicon
        for i in doc.mentions.indices where doc.mentions[i].type == .organization && doc.mentions[i].end > doc.mentions[i].start {
            let e = doc.mentions[i].end
            // 公 two or three characters on (industry words have two or three), tested before any look-up.
            guard e + 4 <= f.count, f[e + 2] == companyFirst || (e + 5 <= f.count && f[e + 3] == companyFirst),
                  doc.owner[e] < 0, let e2 = doc.wordEnd(startingAt: e), e2 - e >= 2,
                  lex.industryWords.contains(f, e, e2), e2 + 2 <= f.count,
                  PlacePrefixRules.has(f, e2, companySuffixes[2]), doc.wordEnd(startingAt: e2) == e2 + 2,
                  doc.isFree(e, e2 + 2), !PersonRules.splitsToken(doc, at: e) else { continue }
            doc.extend(i, to: e2 + 2)
        }
    }

    /// Words for a people or its faith that transliteration characters write (穆斯林, 阿拉伯, 斯拉夫).
    static let peopleWords: Set<String> = ["穆斯林", "阿拉伯", "斯拉夫", "薩拉菲", "阿米什"]

    /// Latin abbreviations and words of a trade, not of a name, before 公司 or another head (AI公司, IT公司).
    static let genericLatin: Set<String> = ["AI", "IT", "IC", "EV", "VR", "AR", "PC", "APP", "OEM", "ODM", "NGO", "NPO", "IPO",
                                            "ETF", "VC", "PE", "LED", "LCD", "CEO", "SPAC", "P2P", "B2B", "B2C", "DRAM", "EDA", "KY"]

    static func isLatinAlnum(_ c: UInt32) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// A Latin name right before a head word of `org-heads.tsv` (rows with `rule` empty or
    /// `unlisted`): Frito-Lay公司, NET電視台, GB航空; before a company suffix one ICU word of a line
    /// of business may stand between (BA|國際|公司). The name is one run of Latin letters and digits
    /// (with - & . ' inside it), starts with a letter, holds a capital, is no word of a trade
    /// (`genericLatin`: AI公司, IT公司) and is not the last word of an English phrase (a space
    /// and a letter before it: the phrase's start is unknown). The head ends at an ICU word edge and
    /// is not continued (電視台|長 is a cue, 航空|業 a trade).
    static func latinNames(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        let lex = doc.lexicon
        guard f.count >= 3 else { return }
        // After each ASCII letter or digit (`RuleMarks`).
        for p in doc.marks[.latin] where p + 1 < f.count && FoldTable.isHan(f[p + 1]) && doc.owner[p + 1] < 0 && doc.owner[p] < 0 {
            let k = p + 1
            // The head, right after the name or after one line-of-business word before a company suffix.
            var end = -1
            for h in lex.unlistedNameHeadsByFirst[f[k]] ?? [] where PlacePrefixRules.has(f, k, h) && k + h.count > end {
                end = k + h.count
            }
            if end < 0 {
                let t = doc.firstToken(atOrAfter: k)
                if t < doc.tokens.count, doc.tokens[t].start == k, doc.tokens[t].end - k == 2,
                   lex.industryWords.contains(f, k, k + 2) || lex.bodyModifiers.contains(Array(f[k..<(k + 2)])),
                   let suffix = companySuffixes.first(where: { PlacePrefixRules.has(f, k + 2, $0) }) {
                    end = k + 2 + suffix.count
                }
            }
            guard end > 0, doc.isFree(k, end), !PersonRules.splitsToken(doc, at: k), !PersonRules.splitsToken(doc, at: end),
                  end == f.count || !(OrganizationHeadRule.isNameContinuation(f[end]) || afterHead.contains(f[end])) else { continue }
            // The name: back over letters, digits and inner joiners.
            var s = k
            while s > 0 && doc.owner[s - 1] < 0 {
                let c = f[s - 1]
                if isLatinAlnum(c) { s -= 1; continue }
                if (c == 0x2D || c == 0x26 || c == 0x2E || c == 0x27) && s >= 2 && isLatinAlnum(f[s - 2]) && isLatinAlnum(f[s]) { s -= 1; continue }
                break
            }
            let name = doc.string(s, k)
            // A model number (RC-135W|電子|偵察機, EP-3E) holds a digit and a hyphen.
            guard k - s >= 2, f[s] > 0x39, !(name.contains("-") && name.unicodeScalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 })), name.unicodeScalars.contains(where: { $0.value >= 0x41 && $0.value <= 0x5A }),
                  !genericLatin.contains(name.uppercased()),
                  !(s >= 2 && f[s - 1] == 0x20 && isLatinAlnum(f[s - 2])),
                  s == 0 || !isLatinAlnum(f[s - 1]) else { continue }
            let m = Mention(start: s, end: end, type: .organization, candidates: [], rule: "org-unlisted", canonical: doc.string(s, end))
            doc.add(m)
            found.append(m)
        }
    }

    /// The length of 有限公司, the shortest registered company suffix.
    static let limitedLength = 4
    /// An ICU word of Han characters that may name a company's line of business before 公司 (紡織,
    /// 海鮮, 生物): no function or clause character, no count first, no generic modifier (知名, 民營).
    /// Before a bare 公司 (not 有限公司) the name needs a place before it too.
    static func isLineOfBusiness(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        let f = doc.folded
        guard !TaggingDocument.countFirst.contains(f[start]) else { return false }
        for k in start..<end where !FoldTable.isHan(f[k]) || notInName.contains(f[k])
            || PlaceNamedOrganizationRule.clauseCharacters.contains(f[k]) { return false }
        return !PlaceNamedOrganizationRule.genericWords.contains(doc.folded, start, end)
    }

    /// 台灣 + 3–4 one-character transliteration words + a word edge: a company (台灣愛德克).
    static func taiwanCompanies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        let tokens = doc.tokens
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            // Two characters and 台灣 (or its other forms), tested before the mention is copied.
            let ms = doc.mentions[i].start
            guard doc.mentions[i].end - ms == 2, taiwan.contains(where: { PlacePrefixRules.has(f, ms, $0) }) else { continue }
            let m = doc.mentions[i]
            guard m.type == .place, m.end - m.start == 2, m.end < f.count, taiwan.contains(where: { PlacePrefixRules.has(f, m.start, $0) }) else { continue }
            // The first token at the place's end.
            var k = doc.firstToken(atOrAfter: m.end)
            var end = m.end
            while k < tokens.count && tokens[k].start == end && tokens[k].end - end == 1 && doc.owner[end] < 0
                    && PersonRules.transliterationCharacters.contains(f[end]) && end - m.end < 5 {
                end += 1
                k += 1
            }
            let run = end - m.end
            guard run >= 3 && run <= 4 else { continue }
            // The run ends at a word edge: the end, a non-Han character, an entity, a function word or a longer word.
            let edge = end == f.count || !FoldTable.isHan(f[end]) || doc.owner[end] >= 0 || notInName.contains(f[end])
                || (k < tokens.count && tokens[k].end - tokens[k].start >= 2)
            guard edge else { continue }
            doc.clear(m.start, m.end)
            let org = Mention(start: m.start, end: end, type: .organization, candidates: [], rule: "org-unlisted",
                              canonical: doc.string(m.start, end))
            doc.add(org)
            found.append(org)
        }
    }
}

/// `rule:org-team`: a place followed by a team head of `org-heads.tsv` (rows with `rule` `team`:
/// 隊, 男隊, 女排, 國家隊, 代表團, 軍 …) is that place's team, delegation or army, one
/// organization: 中國隊, 巴西隊, 印尼男隊, 日本國家足球隊, 中國代表團, 瑞典軍. The head must end at an ICU
/// word edge (中國|隊員, 中國|軍方 are not teams) and be free. Then `stateArmies`.
enum TeamRule {
    /// After 軍, characters that make a military word of it even when ICU leaves 軍 alone
    /// (美國軍|援, 軍機, 軍艦): no army then.
    static let afterArmy = ScalarSet("援機艦事費備力區團官人方民售購演隊營校醫工運包" + "机舰费备区团购队营医运")
    static let army: UInt32 = 0x8ECD // 軍
    static let nationalWord = Array("國家".unicodeScalars.map(\.value))

    static func apply(_ doc: inout TaggingDocument) {
        let heads = doc.lexicon.teamHeads
        guard !heads.isEmpty else { return }
        let f = doc.folded
        let firstSet = doc.lexicon.teamHeadFirstSet
        var found: [Mention] = []
        // Described teams only in a text that holds a team word's last character (`RuleMarks`).
        let teamWords = !doc.marks[.teamLast].isEmpty
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            // The head's first character is tested before the mention is copied.
            let me = doc.mentions[i].end
            guard me < f.count, doc.owner[me] < 0 else { continue }
            guard firstSet.contains(f[me]) else {
                if teamWords, let end = describedTeamEnd(doc, after: me) {
                    let m = doc.mentions[i]
                    doc.clear(m.start, m.end)
                    let team = Mention(start: m.start, end: end, type: .organization, candidates: [], rule: "org-team",
                                       canonical: doc.string(m.start, end))
                    doc.add(team)
                    found.append(team)
                }
                continue
            }
            let m = doc.mentions[i]
            guard m.type == .place, m.end > m.start, m.end < f.count else { continue }
            // 國家 between the place and a team word of two or more characters is the national
            // team's name (日本|國家|足球隊, 英格蘭|國家|橄欖球|隊).
            let national = PlacePrefixRules.has(f, m.end, nationalWord) ? nationalWord.count : 0
            guard firstSet.contains(f[m.end]) || national > 0,
                  let h = heads.first(where: { PlacePrefixRules.has(f, m.end, $0) })
                    ?? (national > 0 ? heads.first(where: { $0.count >= 2 && PlacePrefixRules.has(f, m.end + national, $0) }) : nil)
            else { continue }
            let end = m.end + (PlacePrefixRules.has(f, m.end, h) ? 0 : national) + h.count
            if h.count == 1, h[0] == army, end < f.count, afterArmy.contains(f[end]) { continue }
            guard doc.isFree(m.end, end), !PersonRules.splitsToken(doc, at: end), !PersonRules.splitsToken(doc, at: m.end) else { continue }
            doc.clear(m.start, m.end)
            let team = Mention(start: m.start, end: end, type: .organization, candidates: [], rule: "org-team",
                               canonical: doc.string(m.start, end))
            doc.add(team)
            found.append(team)
        }
        doc.propagate(found)
        stateArmies(&doc)
    }

    /// The end of a team named by a place, one or two describing words and a team head of three or
    /// more characters that ends at an ICU word edge (香港|奧運|足球|代表隊, 香港|明星|足球隊,
    /// 瀋陽|部隊|足球隊), the place ending at `start`; or a Latin and digit run before it (義大利|U21|代表隊).
    /// The words are descriptors of `PlaceNamedOrganizationRule.descriptorsOK` (no generic modifier,
    /// count, clause character or cue: 香港|各級|足球隊 and 中國|派出|代表團 are none).
    static func describedTeamEnd(_ doc: TaggingDocument, after start: Int) -> Int? {
        let f = doc.folded
        let heads = doc.lexicon.teamHeads
        var t = doc.firstToken(atOrAfter: start)
        guard t < doc.tokens.count, doc.tokens[t].start == start else { return nil }
        var words = 0
        var k = start
        while t < doc.tokens.count && words <= 2 && doc.tokens[t].start == k {
            let tok = doc.tokens[t]
            guard doc.isFree(tok.start, tok.end) else { return nil }
            // The head: a whole ICU word of three or more characters after at least one descriptor.
            if words > 0, tok.end - tok.start >= 3, teamLast.contains(f[tok.end - 1]), tok.end == f.count || !afterTeam.contains(f[tok.end]),
               heads.contains(where: { $0.count == tok.end - tok.start && PlacePrefixRules.has(f, tok.start, $0) }) {
                guard PlaceNamedOrganizationRule.descriptorsOK(doc, from: start, to: tok.start) else { return nil }
                return tok.end
            }
            let latinWord = (tok.start..<tok.end).allSatisfy { UnlistedOrganizationRule.isLatinAlnum(f[$0]) }
            guard latinWord || (tok.end - tok.start >= 2 && (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) })) else { return nil }
            k = tok.end
            words += 1
            t += 1
        }
        return nil
    }
    /// The last character of the team heads that take describing words (足球隊, 代表隊): not 代表團,
    /// whose describing words are mostly a visit's purpose or rank (美國高階代表團), not a name.
    static let teamLast = ScalarSet("隊队")
    /// Characters after a team head that make it part of a longer word (代表隊員, 足球隊長).
    static let afterTeam = ScalarSet("員長服员")

    /// Words for a unit of an army: after a state's army and one word that describes it (美軍|特遣|艦隊,
    /// 日軍|近衛|師團) they name that unit, part of the state's armed forces; right after the army only
    /// as one ICU word with the description (美軍|特遣艦隊). 美軍艦隊 is the army's ships, not a unit's
    /// name; 部隊 is left out (美軍|主力|部隊 is the army's troops).
    static let armyUnits = ["艦隊", "師團", "軍團", "兵團", "舰队", "师团", "军团", "兵团"].map { Array($0.unicodeScalars.map(\.value)) }

    /// The end of a unit named after a state's army that ends at `start` (see `armyUnits`), or nil.
    static func armyUnitEnd(_ doc: TaggingDocument, after start: Int) -> Int? {
        let f = doc.folded
        guard start + 4 <= f.count else { return nil }
        let t = doc.firstToken(atOrAfter: start)
        guard t < doc.tokens.count, doc.tokens[t].start == start else { return nil }
        let us = start + 2
        guard let u = armyUnits.first(where: { PlacePrefixRules.has(f, us, $0) }), doc.isFree(start, us + u.count),
              !PersonRules.splitsToken(doc, at: us + u.count) else { return nil }
        let tok = doc.tokens[t]
        guard tok.end == us || tok.end == us + u.count,
              (start..<us).allSatisfy({ FoldTable.isHan(f[$0]) && !UnlistedOrganizationRule.notInName.contains(f[$0]) }),
              !doc.lexicon.organizationLeftWords.contains(doc.foldedString(start, us)) else { return nil }
        return us + u.count
    }

    /// Prefixes whose 軍 is a common word, not a state's army (陸軍 is the army branch).
    static let notStateArmy = ScalarSet("陸")

    /// `rule:state-army`: a one-character state word of `state-words.tsv` (美, 日, 英, 德 …)
    /// before 軍, the two at ICU word edges and free: that state's armed forces, an agency with
    /// the state's jurisdiction and no canonical (美軍 → US, 日軍 → JP), as 國軍 is Taiwan's.
    static func stateArmies(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let words = doc.lexicon.jurisdiction.prefixWords
        for k in doc.marks[.army] where k >= 1 {
            guard doc.owner[k] < 0, doc.owner[k - 1] < 0, !notStateArmy.contains(f[k - 1]),
                  let state = words[[f[k - 1]]] else { continue }
            let end = armyUnitEnd(doc, after: k + 1) ?? k + 1
            if end == k + 1, k + 1 < f.count, afterArmy.contains(f[k + 1]) { continue }
            guard !PersonRules.splitsToken(doc, at: k - 1), !PersonRules.splitsToken(doc, at: end) else { continue }
            var m = Mention(start: k - 1, end: end, type: .agency, candidates: [], rule: "state-army", canonical: nil)
            m.jurisdiction = state
            m.jurisdictionSource = .prefix
            doc.add(m)
        }
    }
}
