/// Organizations of the PRC's party-and-mass-organization system and bodies named with their
/// parent, which no list can hold one by one because they are named by a generic word:
/// - `rule:org-organ`: an organ word of `org-heads.tsv` (`rule` `organ`: 黨中央, 市委, 縣委,
///   黨支部 …) standing as whole ICU words; an `organ-place` word (婦聯, 紀委, 黨委, 總工會 …)
///   only right after a place or 全國 (天津市婦聯, 全國工商聯, 鎮黨委 needs 鎮 in the word list);
///   a place ending in 省/市/縣/區/州 followed by a lone 委 at a word edge is that place's party
///   committee (河北省委). A place right before the organ is part of its name, and so is an
///   organization right before that (中共 + 河北省委 → 中共河北省委), as People's Daily and
///   UNER write them; the CNA key has no such names.
/// - `rule:party-congress`: an ordinal party congress, two or more numerals with 十 and 大
///   (十五大, 二十大; not 十大, the top ten), followed by the end, punctuation or a word that
///   talks about a meeting (以來, 精神, 報告, 召開, 代表 …), with an organization right before it
///   taken in (中共十五大).
/// - `rule:army`: a dynasty's or a province's army, one character of `org-heads.tsv` (`rule`
///   `army-prefix`) and 軍 at word edges: 湘軍, 淮軍, 明軍, 清軍, 紅軍 (a state's is `rule:state-army`);
///   and an army ICU's dictionary knows by name, one ICU word of three or more characters ending
///   in 軍 (八路軍, 新四軍, 北伐軍, 十字軍, 工農紅軍, 志願軍), not a title, a rank or a
///   verb with 軍 (`notArmyEnds`: 總冠軍, 大將軍, 進軍), and a kind of army (`armyKinds`: 集團軍,
///   野戰軍, 遠征軍) only right after a place, which becomes part of its name (美國|遠征軍,
///   日本|集團軍; a place before a named army is taken in too, as before an organ).
/// - `rule:org-unit`: an organization or agency followed directly by a unit word of
///   `org-heads.tsv` (`rule` `unit`: 委員會, 常委會, 理事會, 代表團, 研究所 …) at ICU word
///   edges is that unit (歐盟委員會, 台大醫院); an organization followed directly by an
///   organization found by its head word (`rule:org-head`, `rule:org-unlisted`) that ends with a
///   unit word is one organization (北大 + 國際關係學院, 北京大學 + 第一醫院); with another head
///   the second is a name of its own or a misreading (華為|提供銀行), and the first stays.
///   A team word of `org-heads.tsv` (`rule` `team`) after an organization makes it the
///   organization's team, as after a place (皇家馬德里隊, 申花足球隊). The unit of a listed intergovernmental agency keeps its
///   jurisdiction (`intl`) and gets the parent's canonical name in front, as `rule:unit-compound`
///   does; a state's body is left alone (its state is decided later, from the context).
enum OrganRules {
    static let committee: UInt32 = 0x59D4 // 委
    static let big: UInt32 = 0x5927 // 大
    static let ten: UInt32 = 0x5341 // 十
    static let placeSuffixes = ScalarSet("省市縣區州县区")
    static let numerals = ScalarSet("一二三四五六七八九十")
    static let nationwide: [[UInt32]] = ["全國", "全国"].map { Array($0.unicodeScalars.map(\.value)) }
    /// What may follow a party congress: words about the meeting (Traditional and Simplified).
    static let afterCongress = ScalarSet("以精報召代提確強的後前上所和是要期閉開會主文決通作與及後"
        + "报确强后闭开会决与")

    static func apply(_ doc: inout TaggingDocument) {
        var found: [Mention] = []
        organs(&doc, &found)
        congresses(&doc, &found)
        armies(&doc, &found)
        doc.propagate(found)
        units(&doc)
    }

    /// Takes in a place (or 全國) right before `start`, then an organization right before that;
    /// returns the new start, or nil when `needPlace` and there is none.
    static func leftEdge(_ doc: inout TaggingDocument, _ start: Int, needPlace: Bool) -> Int? {
        var s = start
        var place = false
        if s > 0, doc.owner[s - 1] >= 0 {
            let left = doc.mentions[Int(doc.owner[s - 1])]
            if left.type == .place && left.end == s { s = left.start; place = true }
        } else if let n = nationwide.first(where: { s >= $0.count && PlacePrefixRules.has(doc.folded, s - $0.count, $0) }),
                  doc.isFree(s - n.count, s), !PersonRules.splitsToken(doc, at: s - n.count) {
            s -= n.count
            place = true
        }
        if needPlace && !place { return nil }
        if s > 0, doc.owner[s - 1] >= 0 {
            let left = doc.mentions[Int(doc.owner[s - 1])]
            if left.type == .organization && left.end == s { s = left.start }
        }
        return s
    }

    static func organs(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let lex = doc.lexicon
        guard !lex.organHeads.isEmpty || !lex.placeOrganHeads.isEmpty else { return }
        let f = doc.folded
        let lastSet = lex.organHeadLastSet
        var end = 2
        while end <= f.count {
            // Ends where no head (nor 委) ends are skipped in one tight loop.
            end = f.withUnsafeBufferPointer { fp in
                var e = end
                while e <= fp.count && fp[e - 1] != committee && !lastSet.contains(fp[e - 1]) { e += 1 }
                return e
            }
            guard end <= f.count else { break }
            defer { end += 1 }
            let last = f[end - 1]
            guard last == committee || lastSet.contains(last), doc.owner[end - 1] < 0 else { continue }
            // 河北省 + 委: the place's party committee.
            if last == committee, doc.owner[end - 2] >= 0, placeSuffixes.contains(f[end - 2]) {
                let p = doc.mentions[Int(doc.owner[end - 2])]
                guard p.type == .place, p.end == end - 1, !PersonRules.splitsToken(doc, at: end) else { continue }
                var s = p.start
                if s > 0, doc.owner[s - 1] >= 0 {
                    let left = doc.mentions[Int(doc.owner[s - 1])]
                    if left.type == .organization && left.end == s { s = left.start }
                }
                doc.clear(s, end - 1)
                let m = Mention(start: s, end: end, type: .organization, candidates: [], rule: "org-organ", canonical: doc.string(s, end))
                doc.add(m)
                found.append(m)
                continue
            }
            guard lastSet.contains(last) else { continue }
            var head: [UInt32]? = nil
            var needPlace = false
            if let h = lex.organHeadsByLast.words(keyed: last).first(where: { $0.count <= end && $0.last == last && PlacePrefixRules.has(f, end - $0.count, $0) }) {
                head = h
            } else if let h = lex.placeOrganHeadsByLast.words(keyed: last).first(where: { $0.count <= end && $0.last == last && PlacePrefixRules.has(f, end - $0.count, $0) }) {
                head = h
                needPlace = true
            }
            guard let h = head else { continue }
            let hs = end - h.count
            guard doc.isFree(hs, end), !PersonRules.splitsToken(doc, at: hs), !PersonRules.splitsToken(doc, at: end),
                  let s = leftEdge(&doc, hs, needPlace: needPlace) else { continue }
            doc.clear(s, hs)
            let m = Mention(start: s, end: end, type: .organization, candidates: [], rule: "org-organ", canonical: doc.string(s, end))
            doc.add(m)
            found.append(m)
        }
    }

    static func congresses(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        for k in 2..<max(2, f.count) where f[k] == big && numerals.contains(f[k - 1]) && doc.owner[k] < 0 {
            var s = k
            while s > 0 && numerals.contains(f[s - 1]) && doc.owner[s - 1] < 0 { s -= 1 }
            let digits = f[s..<k]
            guard digits.count >= 2, digits.count <= 3, digits.contains(ten), digits.first != 0x4E00 else { continue }
            if s > 0, f[s - 1] == 0x7B2C { continue } // 第
            guard k + 1 == f.count || !FoldTable.isHan(f[k + 1]) || afterCongress.contains(f[k + 1]) else { continue }
            var start = s
            if start > 0, doc.owner[start - 1] >= 0 {
                let left = doc.mentions[Int(doc.owner[start - 1])]
                if left.type == .organization && left.end == start { start = left.start; doc.clear(left.start, left.end) }
            }
            let m = Mention(start: start, end: k + 1, type: .organization, candidates: [], rule: "party-congress", canonical: doc.string(start, k + 1))
            doc.add(m)
            found.append(m)
        }
    }

    /// `rule:army`: an army-prefix character of `org-heads.tsv` (a dynasty or a province's
    /// abbreviation) and 軍, the two free and at ICU word edges, not followed by a character that
    /// makes a military word of 軍 (`TeamRule.afterArmy`: 湘軍|援 is no army).
    static func armies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        let prefixes = doc.lexicon.armyPrefixes
        guard f.count >= 2, f.contains(TeamRule.army) else { return }
        for k in 1..<f.count where f[k] == TeamRule.army && prefixes.contains(f[k - 1]) && doc.owner[k] < 0 && doc.owner[k - 1] < 0 {
            if k + 1 < f.count, TeamRule.afterArmy.contains(f[k + 1]) { continue }
            guard !PersonRules.splitsToken(doc, at: k - 1), !PersonRules.splitsToken(doc, at: k + 1) else { continue }
            let m = Mention(start: k - 1, end: k + 1, type: .organization, candidates: [], rule: "army", canonical: doc.string(k - 1, k + 1))
            doc.add(m)
            found.append(m)
        }
        namedArmies(&doc, &found)
    }

    /// Two last characters that make an ICU word ending in 軍 a title, a rank, a standing or a
    /// verb, not an army: 總冠軍, 世界亞軍, 大將軍, 揮軍, 進軍, 撤軍, 敵軍, 大軍 (Traditional and
    /// Simplified, compared with the text as written: the fold reads 遠征 as 遠徵).
    static let notArmyEnds: Set<String> = ["冠軍", "亞軍", "季軍", "殿軍", "將軍", "參軍", "從軍", "行軍", "進軍", "充軍",
                                           "敵軍", "大軍", "守軍", "叛軍", "孤軍", "全軍", "三軍", "建軍", "治軍", "勞軍",
                                           "撤軍", "駐軍", "我軍", "揮軍", "友軍", "援軍", "聯軍", "亚军", "将军", "参军",
                                           "从军", "进军", "敌军", "孤军", "全军", "三军", "建军", "劳军", "撤军", "驻军",
                                           "我军", "挥军", "友军", "援军", "联军", "叛军", "守军", "大军", "冠军", "季军"]
    /// Words for a kind of army, not one army, or a figure of speech (比賽常勝軍): named only with a
    /// place before them (美國遠征軍).
    static let armyKinds: Set<String> = ["集團軍", "野戰軍", "方面軍", "國防軍", "後備軍", "預備軍", "生力軍", "主力軍",
                                         "正規軍", "常備軍", "雜牌軍", "娘子軍", "遠征軍", "解放軍", "革命軍", "義勇軍", "常勝軍", "常胜军",
                                         "集团军", "野战军", "国防军", "后备军", "预备军", "生力军", "主力军", "正规军",
                                         "常备军", "杂牌军", "远征军", "解放军", "革命军", "义勇军"]

    /// `rule:army`: an ICU word of three or more characters ending in 軍 that names an army
    /// (八路軍, 新四軍, 工農紅軍); a kind of army (`armyKinds`) only after a place.
    static func namedArmies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        for t in doc.tokens.indices {
            let tok = doc.tokens[t]
            guard tok.end - tok.start >= 3, tok.end <= f.count, f[tok.end - 1] == TeamRule.army, doc.isFree(tok.start, tok.end),
                  (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) }),
                  !notArmyEnds.contains(doc.string(tok.end - 2, tok.end)) else { continue }
            if tok.end < f.count, TeamRule.afterArmy.contains(f[tok.end]) { continue }
            let kind = armyKinds.contains(doc.string(tok.start, tok.end))
            guard let s = leftEdge(&doc, tok.start, needPlace: kind) else { continue }
            doc.clear(s, tok.start)
            let m = Mention(start: s, end: tok.end, type: .organization, candidates: [], rule: "army", canonical: doc.string(s, tok.end))
            doc.add(m)
            found.append(m)
        }
    }

    static func units(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        let firsts = lex.orgUnitFirstSet
        // Only bodies followed by a unit or team word's first character, or by another entity.
        let order = doc.mentions.indices.filter {
            let start = doc.mentions[$0].start, end = doc.mentions[$0].end, type = doc.mentions[$0].type
            return end > start && end < f.count && (type == .organization || type == .agency)
                && (doc.owner[end] >= 0 || firsts.contains(f[end]))
        }.sorted { doc.mentions[$0].start < doc.mentions[$1].start }
        if order.isEmpty { return }
        for i in order {
            let a = doc.mentions[i]
            guard a.end > a.start, a.end < f.count else { continue }
            if doc.owner[a.end] >= 0 {
                // An organization right before one found by its head word: one organization.
                let b = doc.mentions[Int(doc.owner[a.end])]
                guard a.type == .organization, b.type == .organization, b.start == a.end,
                      b.rule == "org-head" || b.rule == "org-unlisted",
                      lex.orgUnitHeads.contains(where: { UnitCompoundRules.endsWith(f, b.end, $0) }) else { continue }
                doc.clear(a.start, b.end)
                doc.add(Mention(start: a.start, end: b.end, type: .organization, candidates: [], rule: "org-unit",
                                canonical: doc.string(a.start, b.end)))
                continue
            }
            // A club's or a company's team (皇家馬德里隊, 申花足球隊, 國民黨軍) is the organization's too.
            let team = a.type == .organization ? lex.teamHeads.first(where: { PlacePrefixRules.has(f, a.end, $0) }) : nil
            if let t = team, t.count == 1, t[0] == TeamRule.army, a.end + 1 < f.count, TeamRule.afterArmy.contains(f[a.end + 1]) { continue }
            guard let h = team ?? lex.orgUnitHeads.first(where: { PlacePrefixRules.has(f, a.end, $0) }) else { continue }
            let end = a.end + h.count
            guard doc.isFree(a.end, end), !PersonRules.splitsToken(doc, at: a.end), !PersonRules.splitsToken(doc, at: end) else { continue }
            if a.type == .agency {
                // Only an intergovernmental body: a state's body named alone (教育部) takes its state
                // from the context later, which its unit would lose (教育部黨組 is not Taiwan's).
                guard a.candidates.count == 1, lex.jurisdiction.states[a.candidates[0]] == "intl" else { continue }
                let parent = a.candidates[0]
                let parentCanonical = lex.entries[parent].canonical
                var m = Mention(start: a.start, end: end, type: .agency, candidates: [], rule: "unit-compound",
                                canonical: parentCanonical + doc.string(a.end, end))
                m.parentName = parentCanonical
                m.jurisdiction = a.jurisdiction ?? lex.jurisdiction.states[parent]
                m.jurisdictionSource = a.jurisdictionSource ?? .name
                doc.clear(a.start, a.end)
                doc.add(m)
            } else {
                doc.clear(a.start, a.end)
                doc.add(Mention(start: a.start, end: end, type: .organization, candidates: [], rule: "org-unit",
                                canonical: doc.string(a.start, end)))
            }
        }
    }
}
