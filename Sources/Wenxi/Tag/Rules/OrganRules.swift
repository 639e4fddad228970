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
///   A university's department or graduate institute (輔仁大學新聞傳播系, 台大機械系) and a party's
///   caucus (自民黨黨團, 台中市議會國民黨團) are organizations too (`departments`, `caucuses`).
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
        cutArmies(&doc)
        organs(&doc, &found)
        congresses(&doc, &found)
        armies(&doc, &found)
        wordArmies(&doc, &found)
        scopedAssociations(&doc, &found)
        clubs(&doc, &found)
        ordinalUnits(&doc, &found)
        conjoinedBureaus(&doc, &found)
        describedBodies(&doc, &found)
        modifiedBodies(&doc, &found)
        doc.propagate(found)
        SchoolNameRule.apply(&doc)
        units(&doc)
        ceremonialUnits(&doc)
        describedUnits(&doc)
        describedCommittees(&doc)
        departments(&doc)
        caucuses(&doc)
        matchTeams(&doc)
        namedTeams(&doc)
        // Last: a name another rule or a list reads (全國港澳研究會) keeps its edges.
        var societies: [Mention] = []
        titledSocieties(&doc, &societies)
        if !societies.isEmpty { doc.propagate(societies) }
    }

    /// Whether the ICU words from `start` to `end` may describe a body between a place and its
    /// head (地質|調查局, 公共|衛生局, 皇家|海軍): `PlaceNamedOrganizationRule.descriptorsOK` (one to
    /// three words of two or more characters, no generic modifier, count, clause character or cue),
    /// none starts with a quantity or scope word (全國: `OrganizationHeadRule.genericModifiers`), and
    /// none holds a function character or is a left word of `org-heads.tsv` (成立, 目前).
    static func descriptorsOK(_ doc: TaggingDocument, from start: Int, to end: Int) -> Bool {
        guard end > start, doc.isFree(start, end), PlaceNamedOrganizationRule.descriptorsOK(doc, from: start, to: end),
              !OrganizationHeadRule.startsWithGenericModifier(doc, start, end) else { return false }
        for k in start..<end where !FoldTable.isHan(doc.folded[k]) || UnlistedOrganizationRule.notInName.contains(doc.folded[k]) { return false }
        var t = doc.firstToken(atOrAfter: start)
        while t < doc.tokens.count && doc.tokens[t].end <= end {
            if doc.lexicon.organizationLeftWords.contains(doc.folded, doc.tokens[t].start, doc.tokens[t].end) { return false }
            t += 1
        }
        return true
    }

    /// `rule:place-body`: a place, one ordinary ICU word and a state's body (加拿大|地質|調查局,
    /// 美國|公共|衛生局, 澳洲|皇家|海軍) is one body of that place's state, which no list holds by
    /// this name: an agency with the place's jurisdiction (`prefix`), its own text (folded to the
    /// lists' script) as canonical, as `PlacePrefixRules` names a body it finds by its head, and no
    /// listed entry (珲春市|林业|公安部 is no ministry). The body ends at an ICU word edge (公安|部門
    /// is no body). Without this the body alone was tagged, and took another state's entry
    /// (調查局 → Taiwan's) or none.
    static func describedBodies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let lex = doc.lexicon
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .agency {
            // A free character before the body, tested before the mention is copied.
            let ms = doc.mentions[i].start
            guard ms >= 3, doc.owner[ms - 1] < 0 else { continue }
            let a = doc.mentions[i]
            guard a.type == .agency, a.end > a.start, a.start >= 3, !a.mission, doc.owner[a.start - 1] < 0 else { continue }
            var t = doc.firstToken(atOrAfter: a.start)
            guard t < doc.tokens.count, doc.tokens[t].start == a.start else { continue }
            var s = a.start
            var place: Mention? = nil
            var n = 0
            while t > 0 && n < 1 {
                t -= 1
                let tok = doc.tokens[t]
                guard tok.end == s, doc.isFree(tok.start, tok.end) else { break }
                s = tok.start
                n += 1
                if s > 0, doc.owner[s - 1] >= 0 {
                    let q = doc.mentions[Int(doc.owner[s - 1])]
                    if q.type == .place && q.end == s { place = q }
                    break
                }
            }
            // An intergovernmental body is no state's (中國|常駐|聯合國 is a mission's start, not a UN
            // body); a mission (駐…), a state's army and a body that already holds its place
            // or names one with a state word first (澳大利亞政府) follow a verb there (關閉|駐成都總領事館,
            // 飛越|美軍, 威脅|澳大利亞政府).
            guard !a.candidates.contains(where: { lex.jurisdiction.states[$0] == "intl" }), f[a.start] != 0x99D0 /* 駐 */,
                  a.jurisdictionSource != .prefix, a.rule != "state-army",
                  !namesAState(doc, a)
            else { continue }
            guard let p = place, p.candidates.count == 1, let state = lex.jurisdiction.states[p.candidates[0]],
                  // The place's own listed body is named without the words (江西省|聯合|解放軍: a verb).
                  a.rule != nil || a.candidates.isEmpty || !a.candidates.allSatisfy({ lex.jurisdiction.states[$0] == state }),
                  !PersonRules.splitsToken(doc, at: p.end), !PersonRules.splitsToken(doc, at: a.end),
                  descriptorsOK(doc, from: p.end, to: a.start) else { continue }
            var m = Mention(start: p.start, end: a.end, type: .agency, candidates: [], rule: "place-body",
                            canonical: doc.foldedString(p.start, a.end))
            m.jurisdiction = state
            m.jurisdictionSource = .prefix
            doc.clear(p.start, a.end)
            doc.add(m)
            found.append(m)
        }
    }

    /// Whether agency `a` starts with a place or a state word (中國|駐休士頓總領事館, 澳大利亞|政府,
    /// 港|府): a body that names its state already, which a word before it does not describe but
    /// governs as a verb (美國|關閉|…, 美國|譴責|港府).
    static func namesAState(_ doc: TaggingDocument, _ a: Mention) -> Bool {
        let lex = doc.lexicon
        let f = doc.folded
        for n in 1...4 where a.start + n < a.end {
            // The length test first: it decides without the look-up, which copies and hashes the prefix.
            if (n > 1 || a.end - a.start == 2) && lex.jurisdiction.prefixWords[Array(f[a.start..<(a.start + n)])] != nil { return true }
            if n > 1, let p = lex.patternIndex[doc.foldedString(a.start, a.start + n)],
               lex.refs[p].contains(where: { lex.entries[Int($0.entry)].kind == .place }) { return true }
        }
        return false
    }

    /// `rule:org-modified`: a word of `org-heads.tsv` rows `modifier` (聯邦 皇家 帝國 國際 國立) right
    /// before an organization or agency, the word whole ICU words, is part of its name: 聯邦自由黨,
    /// 帝國最高法院, 國際足協, 國立清華大學; a place right before the word is taken in too
    /// (`leftEdge`: 美國聯邦最高法院). An agency so named is another body than the listed one
    /// (聯邦最高法院 is not Taiwan's 最高法院): it keeps no candidates and no canonical, and takes its
    /// state from the place before it, else from the context.
    static func modifiedBodies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let lex = doc.lexicon
        let mods = lex.bodyModifiers
        guard !mods.isEmpty else { return }
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .organization || doc.mentions[i].type == .agency {
            let b = doc.mentions[i]
            guard b.end > b.start, b.start >= 2, !b.mission,
                  let w = mods.first(where: { $0.count <= b.start && PlacePrefixRules.has(f, b.start - $0.count, $0) }) else { continue }
            let ms = b.start - w.count
            guard doc.isFree(ms, b.start), !PersonRules.splitsToken(doc, at: ms), !PersonRules.splitsToken(doc, at: b.start),
                  let s = leftEdge(&doc, ms, needPlace: false) else { continue }
            var m = b
            m.start = s
            if b.type == .agency, s == ms, ownerlessModifiers.contains(doc.string(ms, b.start)) {
                // 帝國陸軍, 皇家海軍 with no place: a crown's or an empire's body, never one of the
                // republics the script would link it to; an organization of no state.
                m.type = .organization
                m.candidates = []
                m.preferred = nil
                m.rule = "org-modified"
                m.canonical = doc.string(s, b.end)
            } else if b.type == .agency {
                m.candidates = []
                m.preferred = nil
                m.rule = "generic-body"
                m.canonical = nil
                if s < ms, doc.owner[s] >= 0 {
                    let p = doc.mentions[Int(doc.owner[s])]
                    if p.type == .place, p.candidates.count == 1, let state = lex.jurisdiction.states[p.candidates[0]] {
                        m.jurisdiction = state
                        m.jurisdictionSource = .prefix
                    }
                }
            } else {
                m.rule = "org-modified"
                m.canonical = doc.string(s, b.end)
            }
            doc.clear(s, b.end)
            doc.add(m)
            found.append(m)
        }
    }

    /// The listed 國軍 (Taiwan's armed forces) whose 國 ends a state's word before it: 護國|軍 (the
    /// National Protection Army), 神聖羅馬帝國|軍, 台灣民主國|軍務大臣, 共和國|軍隊 — ICU cuts them
    /// 護|國軍, 帝|國軍. It is dropped when the character before makes a word with 國 that names
    /// a state or an army (`stateBeforeGuo`: 帝 王 護, or 民主, 共和 before); 國軍 after a verb or a
    /// conjunction (派國軍, 和國軍) stays.
    static func cutArmies(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .agency {
            let m = doc.mentions[i]
            guard m.end - m.start == 2, m.start > 0, f[m.start] == 0x570B /* 國 */, f[m.start + 1] == TeamRule.army,
                  doc.owner[m.start - 1] < 0 else { continue }
            let before = f[m.start - 1]
            let two = m.start >= 2 ? doc.foldedString(m.start - 2, m.start) : ""
            guard stateBeforeGuo.contains(before) || two == "民主" || two == "共和" else { continue }
            doc.clear(m.start, m.end)
        }
    }
    /// Characters that make a word with 國 naming a state or an army (帝國, 王國, 護國).
    static let stateBeforeGuo = ScalarSet("帝王護护")

    /// Ceremonial units of a police force or an army (香港警察|儀仗隊, 香港警察|樂隊, 陸軍|軍樂隊):
    /// the unit word right after the body at an ICU word edge makes one organization.
    static let ceremonialUnitWords: [[UInt32]] = ["軍樂隊", "銀樂隊", "管樂隊", "儀仗隊", "樂隊", "军乐队", "仪仗队", "乐队"]
        .map { Array($0.unicodeScalars.map(\.value)) }.sorted { $0.count > $1.count }
    /// Last words of the bodies `ceremonialUnits` extends: police forces and armies.
    static let forceEnds: [[UInt32]] = ["警察", "警隊", "警察局", "警察廳", "警务处", "警務處", "陸軍", "海軍", "空軍", "軍"]
        .map { Array($0.unicodeScalars.map(\.value)) }

    /// `rule:org-unit`: a police force or an army (an agency ending in 警察, 警隊, 陸軍 …) and a
    /// ceremonial unit word right after it (`ceremonialUnitWords`: 儀仗隊, 樂隊, 軍樂隊) are one
    /// organization: 香港警察儀仗隊, 香港警察樂隊. Before, the force alone was tagged and the
    /// unit's name lost.
    static func ceremonialUnits(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .agency {
            // The unit word after the force, tested before the mention is copied.
            let ae = doc.mentions[i].end
            guard ae < f.count, doc.owner[ae] < 0,
                  ceremonialUnitWords.contains(where: { ae + $0.count <= f.count && PlacePrefixRules.has(f, ae, $0) }) else { continue }
            let a = doc.mentions[i]
            guard a.end > a.start, a.end < f.count, doc.owner[a.end] < 0,
                  forceEnds.contains(where: { $0.count <= a.end - a.start && PlacePrefixRules.has(f, a.end - $0.count, $0) }),
                  let w = ceremonialUnitWords.first(where: { a.end + $0.count <= f.count && PlacePrefixRules.has(f, a.end, $0) }),
                  doc.isFree(a.end, a.end + w.count), !PersonRules.splitsToken(doc, at: a.end), !PersonRules.splitsToken(doc, at: a.end + w.count)
            else { continue }
            let end = a.end + w.count
            doc.clear(a.start, a.end)
            doc.add(Mention(start: a.start, end: end, type: .organization, candidates: [], rule: "org-unit", canonical: doc.string(a.start, end)))
        }
    }

    /// Modifiers that name no republic (帝國 皇家, Traditional and Simplified): a body they modify
    /// with no place before it is an organization, not a state's agency that the script would
    /// link to Taiwan and the resolver then drop as unanchored (帝國陸軍, 皇家海軍, 帝國最高法院).
    static let ownerlessModifiers: Set<String> = ["帝國", "皇家", "帝国"]

    /// Unit words of armies and fleets that an ordinal numbers (第七艦隊, 第十八集團軍, 第91步兵團),
    /// longest first. The one-character ones (軍 師 旅 團) only right after the numeral or after a
    /// word ending in 軍 or 兵 (黑衫軍|師).
    static let militaryUnitWords: [[UInt32]] = ["特遣艦隊", "特混艦隊", "航空艦隊", "護衛艦隊", "集團軍", "方面軍", "野戰軍", "步兵團",
                                                "步兵師", "步兵旅", "裝甲師", "裝甲旅", "裝甲團", "騎兵師", "騎兵團", "騎兵旅", "炮兵團",
                                                "砲兵團", "炮兵旅", "空降師", "空降旅", "陸戰師", "混成旅", "機械化師", "艦隊", "師團", "軍團",
                                                "兵團", "分艦隊", "集团军", "方面军", "野战军", "步兵团", "步兵师", "装甲师", "骑兵师", "舰队",
                                                "护卫舰队", "师团", "军团", "軍", "師", "旅", "團", "军", "师", "团"]
        .map { Array($0.unicodeScalars.map(\.value)) }.sorted { $0.count > $1.count }
    /// Unit words that carry a name of their own after the number (第38特遣艦隊: a task force).
    static let namedUnitWords: [[UInt32]] = ["特遣艦隊", "特混艦隊"].map { Array($0.unicodeScalars.map(\.value)) }
    /// Characters after a unit word that make it part of another word (第四軍|種, 第四軍|醫大學),
    /// beyond `TeamRule.afterArmy`.
    static let afterUnit = ScalarSet("種种醫医長长")
    /// Numerals of an ordinal after 第: Chinese, ASCII and full-width digits.
    static let ordinalDigits = ScalarSet("一二三四五六七八九十百零〇兩两0123456789０１２３４５６７８９")
    /// Characters that make 第N a count of something else (第三屆, 第一次, 第五名, 第二代 …), not a
    /// unit's number, when they stand between the numeral and the unit word.
    static let notUnitMiddle = ScalarSet("屆届次個个名位年期批輪轮季代任號号家場场條条種种類类章集回頁页段局份部款版天月日週周級级屆層层")

    /// `rule:army`: a numbered army, fleet or regiment that carries a name: 第, numerals, at most
    /// four characters of name and a unit word of `militaryUnitWords` ending at an ICU word edge
    /// (第一|南遣艦隊, 第1|黑|衫|軍師), a task force (第38|特遣|艦隊), or a bare number and unit
    /// after a place or a former state (美國第7艦隊, 蘇聯第8集團軍). A bare 第七艦隊, 第33師 is
    /// left alone: UNER's key marks numbered units only with a name or a state (it leaves 第二艦隊,
    /// 第4軍團, 第1兵團 unmarked). An organization found inside the span (南遣艦隊) gives way;
    /// 第一師範 (師 inside an ICU word), 第四軍種 and 第三屆軍團 (a count) are left alone; an
    /// organization before is not taken in (國民革命軍|第1軍 stays the army).
    static func ordinalUnits(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        guard f.count >= 3 else { return }
        // At each 第 (`RuleMarks`), in text order; a unit found skips the marks inside it.
        var next = 0
        for k in doc.marks[.ordinal] where k >= next && k < f.count - 2 {
            guard doc.owner[k] < 0, !PersonRules.splitsToken(doc, at: k) else { continue }
            var n = k + 1
            while n < f.count && ordinalDigits.contains(f[n]) { n += 1 }
            guard n > k + 1, n < f.count else { continue }
            var hit: (end: Int, middle: Int)? = nil
            var m = n
            while hit == nil && m <= n + 4 && m < f.count {
                for w in militaryUnitWords where m + w.count <= f.count && PlacePrefixRules.has(f, m, w) {
                    let end = m + w.count
                    guard !PersonRules.splitsToken(doc, at: end) else { continue }
                    if end < f.count, TeamRule.afterArmy.contains(f[end]) || afterUnit.contains(f[end]) { continue }
                    if w.count == 1, m > n, !"軍兵军".unicodeScalars.contains(where: { $0.value == f[m - 1] }) { continue }
                    hit = (end, m)
                    break
                }
                if hit != nil { break }
                guard FoldTable.isHan(f[m]), !notUnitMiddle.contains(f[m]), !UnlistedOrganizationRule.notInName.contains(f[m]) else { break }
                m += 1
            }
            guard let h = hit else { continue }
            // Free, but for organizations wholly inside the unit's name (第一|南遣艦隊).
            guard (k..<h.end).allSatisfy({ j in
                doc.owner[j] < 0 || { let q = doc.mentions[Int(doc.owner[j])]; return q.type == .organization && q.start >= n && q.end <= h.end }()
            }) else { continue }
            // A place or a former state right before (美國|第7艦隊, 蘇聯|第8集團軍).
            var s = k
            if k > 0, doc.owner[k - 1] >= 0 {
                let left = doc.mentions[Int(doc.owner[k - 1])]
                if left.type == .place && left.end == k { s = left.start }
            } else if let a = historicalState(doc, endingAt: k) {
                s = a
            }
            let named = h.middle > n || namedUnitWords.contains(where: { PlacePrefixRules.has(f, n, $0) && n + $0.count == h.end })
            guard named || s < k else { continue }
            doc.clear(s, h.end)
            let u = Mention(start: s, end: h.end, type: .organization, candidates: [], rule: "army", canonical: doc.string(s, h.end))
            doc.add(u)
            found.append(u)
            next = h.end
        }
    }

    /// Measure words and counts before a phrase that make it a common noun (24位|企業及投資局).
    static let countedBefore = ScalarSet("位名個个家些種种類类批")
    /// Bureau heads of `conjoinedBureaus`: a name that joins two portfolios with 及 or 暨 ends in one.
    static let bureauHeads = ScalarSet("局署")
    /// 及 and 暨, which join the two portfolios (`RuleMarks.Mark.conjunction`).
    static let ji: UInt32 = 0x53CA // 及
    static let jointJi: UInt32 = 0x66A8 // 暨

    /// A bureau named by two portfolios joined with 及 or 暨 (房屋及規劃地政局, 環境運輸及工務局,
    /// 工商及科技局, 衛生福利及食物局: Hong Kong's policy bureaus; 海事暨漁業部 is left out): one or
    /// two ICU words of two characters (`descriptorsOK`, none ending in a head), 及, one or two words
    /// of which the last ends in 局 or 署 (局 alone or a word of three or more characters: 當局 is
    /// none). The words before stop at punctuation, a one-character word or a mention; three words
    /// of two characters are an ordinary phrase and left alone, and so are two words alone
    /// (企業及投資局: two nouns joined). An agency inside (工務局, 地政局: Taiwan's by their list)
    /// gives way; the bureau is an agency named in full, its state from a place right before
    /// (美國食品暨藥物管理局) or the context, never from the script alone (Taiwan's such bodies are listed).
    static func conjoinedBureaus(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        guard f.count >= 6 else { return }
        // At each 及 and 暨 (`RuleMarks`), in text order.
        for k in doc.marks[.conjunction] where k >= 2 && k < f.count - 2 && doc.owner[k] < 0 {
            let t = doc.firstToken(atOrAfter: k)
            guard t > 0, t + 1 < doc.tokens.count, doc.tokens[t].start == k, doc.tokens[t].end == k + 1 else { continue }
            // The words after: one or two, the last ending in a bureau head.
            var end = -1
            var rightWords = 0
            for r in (t + 1)...min(t + 2, doc.tokens.count - 1) {
                rightWords += 1
                let tok = doc.tokens[r]
                guard tok.start == doc.tokens[r - 1].end, (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) }) else { break }
                // A listed bureau that ICU cuts otherwise (規劃|地|政局 for 規劃 + 地政局) ends it too.
                if r > t + 1, doc.owner[tok.start] >= 0, case let q = doc.mentions[Int(doc.owner[tok.start])], q.start == tok.start,
                   q.type == .agency, q.end - q.start >= 3, q.end <= f.count, bureauHeads.contains(f[q.end - 1]) {
                    end = q.end
                    break
                }
                if bureauHeads.contains(f[tok.end - 1]) {
                    if tok.end - tok.start == 1 && r > t + 1 || tok.end - tok.start >= 3 { end = tok.end }
                    break
                }
                guard tok.end - tok.start == 2, doc.isFree(tok.start, tok.end) else { break }
            }
            guard end > 0, end - (k + 1) <= 6 else { continue }
            guard (k + 1..<end).allSatisfy({ j in
                doc.owner[j] < 0 || { let q = doc.mentions[Int(doc.owner[j])]; return (q.type == .agency || q.type == .organization) && q.start > k && q.end <= end }()
            }) else { continue }
            // The words before: one or two of two characters, free.
            var s = k
            var words = 0
            var r = t - 1
            while r >= 0 {
                let tok = doc.tokens[r]
                guard tok.end == s, tok.end - tok.start == 2, doc.isFree(tok.start, tok.end),
                      (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) }), !bureauHeads.contains(f[tok.end - 1]),
                      !"部處會院处会".unicodeScalars.contains(where: { $0.value == f[tok.end - 1] }) else { break }
                if words == 2 { words = 3; break }
                s = tok.start
                words += 1
                r -= 1
            }
            // After a count (24位|企業及投資局|等代表) the words are a common noun phrase.
            guard words == 1 || words == 2, words + rightWords >= 3, s == 0 || !countedBefore.contains(f[s - 1]),
                  descriptorsOK(doc, from: s, to: k) else { continue }
            doc.clear(k + 1, end)
            var m = Mention(start: s, end: end, type: .agency, candidates: [], rule: "conjoined-body", canonical: doc.foldedString(s, end))
            // A place right before is the bureau's state (美國|食品暨藥物管理局).
            if s > 0, doc.owner[s - 1] >= 0 {
                let p = doc.mentions[Int(doc.owner[s - 1])]
                if p.type == .place, p.end == s, p.candidates.count == 1, let state = doc.lexicon.jurisdiction.states[p.candidates[0]] {
                    m.start = p.start
                    m.canonical = doc.foldedString(p.start, end)
                    m.jurisdiction = state
                    m.jurisdictionSource = .prefix
                    doc.clear(p.start, p.end)
                }
            }
            doc.add(m)
            found.append(m)
        }
    }

    /// `rule:org-unit`: an organization, one ordinary ICU word of two characters and a unit word of
    /// three or more characters (香港大學|籌備|委員會, 密歇根日報|管理|委員會, 某大學|中文|研究所) is that
    /// organization's unit; the word is no verb of `org-heads.tsv` left words (成立|委員會) and holds no
    /// function or clause character (`descriptorsOK`).
    static func describedUnits(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        let units = lex.orgUnitHeads.filter { $0.count >= 3 }
        guard !units.isEmpty else { return }
        for i in doc.mentions.indices where doc.mentions[i].type == .organization {
            let a = doc.mentions[i]
            guard a.end > a.start, a.end + 5 <= f.count, doc.owner[a.end] < 0 else { continue }
            let t = doc.firstToken(atOrAfter: a.end)
            guard t < doc.tokens.count, doc.tokens[t].start == a.end else { continue }
            let us = a.end + 2
            guard let h = units.first(where: { PlacePrefixRules.has(f, us, $0) }), doc.isFree(a.end, us + h.count),
                  !PersonRules.splitsToken(doc, at: us + h.count) else { continue }
            // The descriptor is one word (管理|委員會), or ICU holds it with the unit in one (籌備委員會).
            if doc.tokens[t].end == us {
                guard descriptorsOK(doc, from: a.end, to: us) else { continue }
            } else {
                guard doc.tokens[t].end == us + h.count, (a.end..<us).allSatisfy({ FoldTable.isHan(f[$0]) && !UnlistedOrganizationRule.notInName.contains(f[$0]) }),
                      !lex.organizationLeftWords.contains(doc.folded, a.end, us) else { continue }
            }
            doc.clear(a.start, a.end)
            doc.add(Mention(start: a.start, end: us + h.count, type: .organization, candidates: [], rule: "org-unit",
                            canonical: doc.string(a.start, us + h.count)))
        }
    }

    static let xi: UInt32 = 0x7CFB // 系
    static let graduateInstitute: [UInt32] = Array("研究所".unicodeScalars.map(\.value))
    static let universityEnds: [[UInt32]] = ["大學", "學院"].map { Array($0.unicodeScalars.map(\.value)) }
    /// Words ending in 系 that are no department: systems, factions, lineages (台大醫療|體系, 黨內|派系).
    static let notDepartments: Set<String> = ["體系", "派系", "水系", "星系", "語系", "父系", "母系", "直系", "旁系", "譜系",
                                              "菜系", "世系", "嫡系", "山系", "根系", "銀河系", "太陽系", "聯系", "維系", "關系"]

    /// Whether organization `a` is a university: a listed one (class `university`) or a name
    /// ending in 大學 or 學院.
    static func isUniversity(_ doc: TaggingDocument, _ a: Mention) -> Bool {
        if let c = a.candidates.first, doc.lexicon.entries[c].entryClass == "university" { return true }
        return universityEnds.contains { UnitCompoundRules.endsWith(doc.folded, a.end, $0) }
    }

    /// `rule:org-unit`: a university's department or graduate institute (輔仁大學|新聞|傳播|系,
    /// 台大|機械|系, 東吳大學|會計系, 某大學|政治學|研究所): a university (`isUniversity`) followed by
    /// one to three ICU words of Han characters, two to nine characters in all, the last ending in
    /// 系 or 研究所 at a word edge (系統 goes on; 體系, 派系 are no departments). The words hold no
    /// function or clause character, start with no count and are no left word of `org-heads.tsv`;
    /// the unit is one organization, as cna_dev writes 國立交通大學傳播與科技學系 whole.
    static func departments(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .organization {
            // A free character after the university, tested before the mention is copied.
            let ae = doc.mentions[i].end
            guard ae + 2 <= f.count, doc.owner[ae] < 0, !TaggingDocument.countFirst.contains(f[ae]) else { continue }
            let a = doc.mentions[i]
            guard a.end > a.start, a.end + 2 <= f.count, doc.owner[a.end] < 0, !TaggingDocument.countFirst.contains(f[a.end]),
                  isUniversity(doc, a) else { continue }
            var t = doc.firstToken(atOrAfter: a.end)
            guard t < doc.tokens.count, doc.tokens[t].start == a.end else { continue }
            var end = -1
            var n = 0
            while t < doc.tokens.count && n < 3 {
                let tok = doc.tokens[t]
                guard tok.end - a.end <= 9, n == 0 || doc.tokens[t - 1].end == tok.start else { break }
                let word = doc.foldedString(tok.start, tok.end)
                let last = tok.end - a.end >= 2 && !notDepartments.contains(word)
                    && (f[tok.end - 1] == xi || UnitCompoundRules.endsWith(f, tok.end, graduateInstitute))
                let inner = last ? tok.end - 1 : tok.end
                guard (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) }),
                      !(tok.start..<inner).contains(where: { UnlistedOrganizationRule.notInName.contains(f[$0]) }),
                      !lex.organizationLeftWords.contains(word) else { break }
                n += 1
                if last {
                    end = tok.end
                    break
                }
                t += 1
            }
            guard end > 0, doc.isFree(a.end, end) else { continue }
            let name = a.candidates.first.map { lex.entries[$0].canonical } ?? doc.string(a.start, a.end)
            doc.clear(a.start, a.end)
            doc.add(Mention(start: a.start, end: end, type: .organization, candidates: [], rule: "org-unit",
                            canonical: name + doc.string(a.end, end)))
        }
    }

    static let caucus: [UInt32] = Array("黨團".unicodeScalars.map(\.value))
    static let dang: UInt32 = 0x9EE8 // 黨
    static let legislatureEnds: [[UInt32]] = ["議會", "國會", "立法院"].map { Array($0.unicodeScalars.map(\.value)) }

    /// `rule:org-unit`: a party's caucus. A party (a listed one, class `party`, or a name ending in
    /// 黨) followed by 黨團 at a word edge is its caucus (自民黨|黨團, 市議會民進黨|黨團), and a
    /// legislature (an agency whose name ends in 議會, 國會 or 立法院) right before a caucus is part of
    /// its name (台中市議會|國民黨團): one organization each, where the party alone, or the council
    /// and the party's Legislative Yuan caucus, were tagged.
    static func caucuses(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .organization {
            // The caucus word after the party is tested before the mention is copied.
            let ae = doc.mentions[i].end
            guard ae + 2 <= f.count, PlacePrefixRules.has(f, ae, caucus) else { continue }
            let a = doc.mentions[i]
            guard a.end > a.start, a.end + 2 <= f.count, PlacePrefixRules.has(f, a.end, caucus), doc.isFree(a.end, a.end + 2),
                  !PersonRules.splitsToken(doc, at: a.end + 2),
                  f[a.end - 1] == dang || a.candidates.first.map({ lex.entries[$0].entryClass == "party" }) ?? false else { continue }
            doc.clear(a.start, a.end)
            doc.add(Mention(start: a.start, end: a.end + 2, type: .organization, candidates: [], rule: "org-unit",
                            canonical: doc.string(a.start, a.end + 2)))
        }
        for i in doc.mentions.indices where doc.mentions[i].type == .agency {
            // The legislature's last characters and a mention after them, tested before the copy.
            let ae = doc.mentions[i].end
            guard ae < f.count, doc.owner[ae] >= 0, legislatureEnds.contains(where: { UnitCompoundRules.endsWith(f, ae, $0) }) else { continue }
            let a = doc.mentions[i]
            guard a.end > a.start, a.end < f.count, doc.owner[a.end] >= 0,
                  legislatureEnds.contains(where: { UnitCompoundRules.endsWith(f, a.end, $0) }) else { continue }
            let b = doc.mentions[Int(doc.owner[a.end])]
            guard b.start == a.end, b.type == .organization, UnitCompoundRules.endsWith(f, b.end, caucus) else { continue }
            let end = b.end
            doc.clear(a.start, end)
            doc.add(Mention(start: a.start, end: end, type: .organization, candidates: [], rule: "org-unit",
                            canonical: doc.string(a.start, end)))
        }
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
        // Only where a head's last character (or 委) stands (`RuleMarks`).
        for p in doc.marks[.organLast] where p >= 1 {
            let end = p + 1
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
        for k in doc.marks[.big] where k >= 2 && numerals.contains(f[k - 1]) && doc.owner[k] < 0 {
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
    /// makes a military word of 軍 (`TeamRule.afterArmy`: 湘軍|援 is no army). A place or a state
    /// word right before is part of the name (蘇聯紅軍).
    static func armies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        let prefixes = doc.lexicon.armyPrefixes
        let armyMarks = doc.marks[.army]
        guard f.count >= 2, !armyMarks.isEmpty else { return }
        for k in armyMarks where k >= 1 && prefixes.contains(f[k - 1]) && doc.owner[k] < 0 && doc.owner[k - 1] < 0 {
            if k + 1 < f.count, TeamRule.afterArmy.contains(f[k + 1]) { continue }
            guard !PersonRules.splitsToken(doc, at: k - 1), !PersonRules.splitsToken(doc, at: k + 1),
                  var s = leftEdge(&doc, k - 1, needPlace: false) else { continue }
            // A state word of `state-words.tsv` before is the army's state too (蘇聯|紅軍).
            if s == k - 1, let w = (2...4).first(where: { n in s >= n && doc.isFree(s - n, s) && !PersonRules.splitsToken(doc, at: s - n)
                && doc.lexicon.jurisdiction.prefixWords[Array(f[(s - n)..<s])] != nil }) {
                s -= w
            }
            // A former state of `state-words.tsv` (class historical) is the army's state too (蘇聯|紅軍).
            if s == k - 1, let a = historicalState(doc, endingAt: s) { s = a }
            // A place before is the army's state (蘇聯紅軍), as before an organ.
            doc.clear(s, k - 1)
            let m = Mention(start: s, end: k + 1, type: .organization, candidates: [], rule: "army", canonical: doc.string(s, k + 1))
            doc.add(m)
            found.append(m)
        }
        namedArmies(&doc, &found)
        directedArmies(&doc, &found)
    }

    /// Where the name of a former state of `state-words.tsv` (class `historical`: 蘇聯, 東德, 大英帝國)
    /// that ends at `end` starts, free and at an ICU word edge; nil if none does.
    static func historicalState(_ doc: TaggingDocument, endingAt end: Int) -> Int? {
        let table = doc.lexicon.jurisdiction
        let f = doc.folded
        for n in stride(from: min(6, end), through: 2, by: -1) {
            let a = end - n
            guard table.historicalFirst.contains(f[a]), let forms = table.historical[f[a]],
                  forms.contains(where: { $0.form.count == n && PlacePrefixRules.has(f, a, $0.form) }),
                  doc.isFree(a, end), !PersonRules.splitsToken(doc, at: a), !PersonRules.splitsToken(doc, at: end) else { continue }
            return a
        }
        return nil
    }

    /// Words of direction that name a front or a region's army before a kind of army (西部|方面軍,
    /// 北方|集團軍, 東北|野戰軍): the standard way armies, fronts and army groups are named.
    static let armyDirections: Set<String> = ["東", "西", "南", "北", "東部", "西部", "南部", "北部", "中部", "東北", "西北",
                                              "東南", "西南", "北方", "南方", "東方", "西方", "中央", "東線", "西線", "东线", "西线",
                                              "东部", "东北", "东南", "东方"]

    /// `rule:army`: a kind of army (`armyKinds`: 方面軍, 集團軍, 野戰軍 …) right after a word of
    /// direction (`armyDirections`), both at ICU word edges, is one army (西部方面軍, 北方集團軍,
    /// 東北野戰軍); a place before the direction is taken in (蘇聯西北方面軍). The kind may be cut
    /// by ICU into words (方面|軍).
    static func directedArmies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        let armyMarks = doc.marks[.army]
        guard f.count >= 4, !armyMarks.isEmpty else { return }
        for k in armyMarks where k >= 3 && doc.owner[k] < 0 {
            let end = k + 1
            // Allied armies that ICU cuts from their members (英美|聯軍, 六國|聯軍).
            if f[k - 1] == 0x806F /* 聯 */, doc.owner[k - 1] < 0 {
                var s = k - 1
                if s >= 2, f[s - 1] == 0x570B /* 國 */, numerals.contains(f[s - 2]) { s -= 2 } else {
                    while s > 0 && s > k - 5 && doc.owner[s - 1] < 0 && doc.lexicon.jurisdiction.prefixWords[[f[s - 1]]] != nil { s -= 1 }
                }
                if s < k - 1, doc.isFree(s, end), isAlliedArmy(doc, s, end), !PersonRules.splitsToken(doc, at: s),
                   !PersonRules.splitsToken(doc, at: end), end == f.count || !TeamRule.afterArmy.contains(f[end]) {
                    let m = Mention(start: s, end: end, type: .organization, candidates: [], rule: "army", canonical: doc.string(s, end))
                    doc.add(m)
                    found.append(m)
                }
                continue
            }
            // Every kind is three characters long.
            let ks = end - 3
            guard isArmyKind(doc, ks, end) else { continue }
            // A company head inside the kind (東部|集團 + 軍, `rule:org-head`) is a misreading of it.
            if !doc.isFree(ks, end) {
                let o = (ks..<end).map { doc.owner[$0] }.first { $0 >= 0 }!
                let q = doc.mentions[Int(o)]
                guard q.type == .organization, q.rule == "org-head" || q.rule == "org-unlisted", q.end > ks, q.end < end,
                      doc.isFree(q.end, end) else { continue }
                doc.clear(q.start, q.end)
            }
            guard doc.isFree(ks, end), !PersonRules.splitsToken(doc, at: ks), !PersonRules.splitsToken(doc, at: end),
                  end == f.count || !TeamRule.afterArmy.contains(f[end]) else { continue }
            // The direction: the ICU word right before the kind.
            let t = doc.firstToken(atOrAfter: ks)
            guard t > 0, t <= doc.tokens.count, doc.tokens[t - 1].end == ks else { continue }
            let d = doc.tokens[t - 1]
            guard armyDirections.contains(doc.string(d.start, d.end)) else { continue }
            // The direction may have been read as a place (北方): the army's word wins.
            if !doc.isFree(d.start, d.end) {
                let o = doc.owner[d.start]
                guard o >= 0, doc.mentions[Int(o)].type == .place, doc.mentions[Int(o)].start == d.start,
                      doc.mentions[Int(o)].end == d.end else { continue }
                doc.clear(d.start, d.end)
            }
            guard let s = leftEdge(&doc, d.start, needPlace: false) else { continue }
            doc.clear(s, end)
            let m = Mention(start: s, end: end, type: .organization, candidates: [], rule: "army", canonical: doc.string(s, end))
            doc.add(m)
            found.append(m)
        }
    }

    /// An allied army named by its members (八國聯軍, 英法聯軍, 八國聯軍 as one ICU word): 聯軍 after
    /// a count of states (N國) or after one-character state words of `state-words.tsv` only (英, 法,
    /// 美, 日 …); 聯軍 alone or after other words (多國聯軍 is a kind) is no name.
    static func isAlliedArmy(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        let f = doc.folded
        guard end - start >= 4, f[end - 1] == TeamRule.army, f[end - 2] == 0x806F /* 聯 */ else { return false }
        let members = start..<(end - 2)
        if members.count == 2, f[start + 1] == 0x570B /* 國 */, numerals.contains(f[start]) { return true }
        let words = doc.lexicon.jurisdiction.prefixWords
        return members.allSatisfy { words[[f[$0]]] != nil }
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

    /// `armyKinds` as scalars, for `isArmyKind`.
    static let armyKindScalars: [[UInt32]] = armyKinds.sorted().map { $0.unicodeScalars.map(\.value) }

    /// Whether the text as written at `start..<end` is one of `armyKinds`, as the String
    /// comparison says. A span of characters Unicode never composes or decomposes
    /// (`WordSet.isInert`) equals a kind exactly when its scalars do, so it is compared in place;
    /// only another span builds its String (`directedArmies` asked with a String at every 軍: ~1,300
    /// instructions each).
    static func isArmyKind(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        let text = doc.text
        guard (start..<end).allSatisfy({ WordSet.isInert(text[$0].value) }) else { return armyKinds.contains(doc.string(start, end)) }
        return armyKindScalars.contains { k in
            k.count == end - start && k.indices.allSatisfy { k[$0] == text[start + $0].value }
        }
    }

    /// `rule:army`: an ICU word of three or more characters ending in 軍 that names an army
    /// (八路軍, 新四軍, 工農紅軍); a kind of army (`armyKinds`) only after a place.
    static func namedArmies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        for t in doc.tokens.indices {
            let tok = doc.tokens[t]
            guard tok.end - tok.start >= 3, tok.end <= f.count, f[tok.end - 1] == TeamRule.army,
                  (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) }),
                  !notArmyEnds.contains(doc.string(tok.end - 2, tok.end)) || isAlliedArmy(doc, tok.start, tok.end) else { continue }
            // A listed name inside the army's word is a misreading of it (民革 in 國民革命軍): the word wins.
            guard doc.isFree(tok.start, tok.end) || (tok.start..<tok.end).allSatisfy({ k in
                doc.owner[k] < 0 || { let m = doc.mentions[Int(doc.owner[k])]; return m.type == .organization && m.start > tok.start && m.end < tok.end }()
            }) else { continue }
            doc.clear(tok.start, tok.end)
            if tok.end < f.count, TeamRule.afterArmy.contains(f[tok.end]) { continue }
            let kind = isArmyKind(doc, tok.start, tok.end)
            guard let s = leftEdge(&doc, tok.start, needPlace: kind) else { continue }
            // 政府 after the army's word is its military government (護法軍|政府), one body (eleventh session).
            let end = !kind && PlacePrefixRules.has(f, tok.end, governmentWord) && doc.isFree(tok.end, tok.end + 2)
                && !PersonRules.splitsToken(doc, at: tok.end + 2) ? tok.end + 2 : tok.end
            doc.clear(s, end)
            let m = Mention(start: s, end: end, type: .organization, candidates: [], rule: "army", canonical: doc.string(s, end))
            doc.add(m)
            found.append(m)
        }
    }

    /// An organization found by a line-of-business head (歐洲航天|航空, `rule:org-head` or
    /// `rule:org-place`) right before one found by its head that is two ICU words, the first no left
    /// word (防務|集團): one name cut at its inner head (歐洲航天航空防務集團).
    static func continuesHeadName(_ doc: TaggingDocument, _ a: Mention, _ b: Mention) -> Bool {
        guard a.rule == "org-head" || a.rule == "org-place", b.rule == "org-head" else { return false }
        let t = doc.firstToken(atOrAfter: b.start)
        guard t + 1 < doc.tokens.count, doc.tokens[t].start == b.start, doc.tokens[t + 1].end == b.end,
              doc.tokens[t].end - doc.tokens[t].start >= 2 else { return false }
        return !doc.lexicon.organizationLeftWords.contains(doc.folded, b.start, doc.tokens[t].end)
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
                      lex.orgUnitHeads.contains(where: { UnitCompoundRules.endsWith(f, b.end, $0) }) || continuesHeadName(doc, a, b) else { continue }
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

// MARK: - Armies named by a word, associations named by their scope, clubs named by their city (eleventh session)

extension OrganRules {
    /// Two-character words that make X軍 a kind of troops, not one army's name (政府軍, 反抗軍,
    /// 游擊軍, 多國聯軍): standing, role, side or status words of ordinary Chinese, Traditional and
    /// Simplified; chosen by their meaning, not from any key.
    static let genericArmyWords = WordSet([
        "政府", "反抗", "叛亂", "起義", "抵抗", "游擊", "正規", "地面", "佔領", "占領", "侵略", "殖民", "外國", "敵方", "我方",
        "聯合", "盟國", "多國", "各國", "反對", "反叛", "入侵", "守備", "駐防", "國際", "精銳", "主力", "後備", "預備", "常備",
        "野戰", "地方", "地下", "雇傭", "僱傭", "同盟", "警衛", "年輕", "隨後", "黨政", "集團", "部隊", "網路", "網絡", "敵對", "對方", "雙方", "本國", "友邦", "十萬", "百萬", "千萬", "大批", "一支", "整個", "全體", "外籍",
        "叛乱", "起义", "游击", "正规", "占领", "外国", "敌方", "联合", "盟国", "多国", "各国", "反对", "驻防", "国际", "精锐",
        "后备", "预备", "常备", "野战", "敌对", "双方", "本国", "整个", "全体", "雇佣", "警卫", "年轻", "随后", "党政", "集团", "部队", "网络",
    ])
    static let alliedArmy = Array("聯軍".unicodeScalars.map(\.value))
    static let governmentWord = Array("政府".unicodeScalars.map(\.value))
    /// First characters that make a verb's or a clause's phrase of the two before 軍 (叫|路|軍, 名|楊|軍, 者|大軍, 將|朝|軍, 指|印|軍).
    static let notArmyNameFirst = ScalarSet("叫名者將指稱称将")
    /// Verbs of one character before 軍 (撤|軍, 領|軍, 率|軍): the word is a verb phrase, not an army's name.
    static let armyVerbs = ScalarSet("撤領率帶揮進從參行建治勞援犒練閱擴裁駐出派增調援便成軍網一二三四五六七八九十" + "领带挥进从参练阅扩驻调军网")

    /// One-character adverbs and conjunctions that start the clause after a name (滿洲|軍|仍|表示, 上海|申|花|既|無):
    /// ICU keeps them words of their own, and none goes on an army's or a club's name. Words of ordinary
    /// Chinese, chosen by their grammar (with the function characters of `OrganizationHeadRule.notInName`).
    static let clauseAdverbs = ScalarSet("仍亦則便即遂乃均皆已曾再卻既早正尚竟因" + "则却")

    /// Whether the text from `start` to `end` is one ICU word of Han characters, none of it an entity.
    static func oneWord(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        guard start >= 0, doc.isFree(start, end), (start..<end).allSatisfy({ FoldTable.isHan(doc.folded[$0]) }) else { return false }
        let t = doc.firstToken(atOrAfter: start)
        return t < doc.tokens.count && doc.tokens[t].start == start && doc.tokens[t].end == end
    }

    /// Whether an ICU word that is a left word of `org-heads.tsv` (當時, 隔日, 成為) ends at `at`: a clear edge
    /// before a name, as a function word is.
    static func endsLeftWord(_ doc: TaggingDocument, _ at: Int) -> Bool {
        let t = doc.firstToken(atOrAfter: at)
        guard t > 0, t <= doc.tokens.count, doc.tokens[t - 1].end == at else { return false }
        let w = doc.tokens[t - 1]
        return w.end - w.start >= 2 && doc.lexicon.organizationLeftWords.contains(doc.folded, w.start, w.end)
    }

    /// Titles of a society's officers and members (會長, 首領, 常務理事, 會員): after 會 as an ICU word of its own they
    /// make 會 a society's head, where the modal verb 會 is followed by a verb. Words of ordinary Chinese, chosen by
    /// their meaning, not from any key.
    static let societyTitles = WordSet(["會長", "副會長", "首領", "理事長", "常務理事", "理事", "主席", "副主席", "秘書長", "總幹事",
                                        "會員", "成員", "創辦人", "創始人"])
    static let societyTitleFirsts = ScalarSet("會副首理常主秘總成創")
    static let society: UInt32 = 0x6703 // 會
    /// One-character verbs of office before a society's name (任|東亞|協|進|會|常務理事, 為|X會|會長).
    static let officeVerbs = ScalarSet("任為")
    /// Function characters that end a society's name on the left besides `OrganizationHeadRule.notInName` (跟|居委|會).
    static let societyNotInName = ScalarSet("跟同給替向")
    /// Prepositions and causative verbs that, as one-character ICU words, end a name on the left (經|發展|局|局長); in a
    /// word they may be part of it (經濟), so only the word of one character is read.
    static let oneCharacterEdges = ScalarSet("經據按依請令讓叫派")
    /// Conjunctions: a name before them may go on (文化|和|旅遊|局, 糧食|和|物資|儲備|局), so they are no edge.
    static let nameConjunctions = ScalarSet("和與及暨")
    /// Words that make X會 a generic body of any unit (居委會, 學生會, 基金會, 評委會, 執委會; Simplified 委員|會 is cut
    /// by ICU): a society's name only after the place or organization that owns it (香港大學|學生|會). Words of
    /// ordinary Chinese, chosen by their meaning, not from any key.
    static let genericSocietyWords = WordSet(["居委", "村委", "學生", "基金", "評委", "執委", "常委", "工委", "黨委", "管委",
                                               "籌委", "組委", "家長", "校友", "業主", "委員", "職工", "員工", "婦女", "董事",
                                               "理事", "監事", "教職員", "全體", "大", "年", "晚", "本", "全", "分", "總"])

    /// `rule:org-society`: 會 as an ICU word of its own, right before a title of `societyTitles` that ends at a word
    /// edge, and two to six free Han characters before it back to a clear edge (the start, a non-Han character, an
    /// entity, a function word, a left word of `org-heads.tsv`, 任 or 為 as a word of its own): a society no list
    /// holds, 慈幼|會|會長, 臺灣|天地|會|首領 (a place or an organization right before is taken in), 東亞|協|進|會|常務理事.
    /// Not a name with a function or pronoun character, a count first, a cue or a left word in it; 會 joined by ICU to
    /// the word before (大會, 開會, 聚會) or to the title (會會|長) is none.
    static func titledSocieties(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        for k in doc.marks[.organizationHeadLast] where k >= 2 && k + 3 <= f.count && f[k] == society {
            guard societyTitleFirsts.contains(f[k + 1]), doc.owner[k] < 0,
                  let m = titledName(&doc, k, titles: societyTitles, type: .organization, rule: "org-society") else { continue }
            found.append(m)
        }
        // A bureau before its own chief's title (發展|局|局長, 上海|電話|局|局長): an agency no list holds.
        for k in doc.marks[.bureauOrOffice] where k >= 2 && k + 3 <= f.count && f[k] == PoliceUnitRule.bureau {
            guard f[k + 1] == PoliceUnitRule.bureau || f[k + 1] == deputy, doc.owner[k] < 0,
                  let m = titledName(&doc, k, titles: bureauTitles, type: .agency, rule: "bureau-titled") else { continue }
            found.append(m)
        }
    }

    static let deputy: UInt32 = 0x526F // 副
    /// The titles of a bureau's chief (局長, 副局長).
    static let bureauTitles = WordSet(["局長", "副局長"])

    /// The name that one-character head `k` (會, 局) ends before a title of `titles`, as `titledSocieties` reads it.
    static func titledName(_ doc: inout TaggingDocument, _ k: Int, titles: WordSet, type: EntityType, rule: String) -> Mention? {
        let f = doc.folded
        let t = doc.firstToken(atOrAfter: k)
        guard t > 0, t < doc.tokens.count, doc.tokens[t].start == k, doc.tokens[t].end == k + 1, doc.tokens[t - 1].end == k,
              let te = doc.wordEnd(startingAt: k + 1) else { return nil }
        // The title is the ICU word after the head, or ends where a word ends (常務|理事).
        var titled = false
        for n in 2...4 where k + 1 + n <= f.count && titles.contains(f, k + 1, k + 1 + n) {
            if k + 1 + n == te || (k + 1 + n > te && !PersonRules.splitsToken(doc, at: k + 1 + n)) { titled = true; break }
        }
        guard titled else { return nil }
        // Back from the head, word by word, to a clear edge.
        var s = k
        var u = t - 1
        var start: Int? = nil
        while u >= 0 && k - s < 6 {
            let w = doc.tokens[u]
            // A preposition or a causative verb as a word of its own ends the name (經|發展|局|局長, 據|X|會|會長).
            if w.end == s, w.end - w.start == 1, oneCharacterEdges.contains(f[w.start]) {
                if k - s >= 2 { start = s }
                break
            }
            guard w.end == s, doc.isFree(w.start, w.end),
                  (w.start..<w.end).allSatisfy({ FoldTable.isHan(f[$0]) && !OrganizationHeadRule.notInName.contains(f[$0])
                      && !OrganizationHeadRule.pronouns.contains(f[$0]) && !clauseAdverbs.contains(f[$0])
                      && !societyNotInName.contains(f[$0]) }),
                  !doc.lexicon.organizationLeftWords.contains(f, w.start, w.end) else { break }
            s = w.start
            u -= 1
            guard k - s >= 2 else { continue }
            if s > 0, doc.owner[s - 1] < 0, nameConjunctions.contains(f[s - 1]), u >= 0, doc.tokens[u].end == s,
               doc.tokens[u].end - doc.tokens[u].start == 1 { break }
            if s == 0 || !FoldTable.isHan(f[s - 1]) || doc.owner[s - 1] >= 0 || endsLeftWord(doc, s)
                || (u >= 0 && doc.tokens[u].end == s && doc.tokens[u].end - doc.tokens[u].start == 1
                    && (OrganizationHeadRule.notInName.contains(f[s - 1]) || officeVerbs.contains(f[s - 1])
                        || societyNotInName.contains(f[s - 1]))) {
                start = s
                break
            }
        }
        guard let ns = start, k - ns <= 6, !UnlistedOrganizationRule.isNumeralFirst(f[ns]),
              !doc.cues.contains(where: { $0.start >= ns && $0.start < k }) else { return nil }
        // An agency or a person right before: the society is its unit or its member's (國會|外委|會, 參議院|外委|會).
        let owner = ns > 0 && doc.owner[ns - 1] >= 0 ? doc.mentions[Int(doc.owner[ns - 1])] : nil
        if let o = owner, o.end == ns, o.type != .place && o.type != .organization { return nil }
        // A generic body (居委|會, 學生|會) only with its owner.
        let lastWord = doc.tokens[t - 1]
        if genericSocietyWords.contains(f, lastWord.start, lastWord.end) || genericSocietyWords.contains(f, ns, k)
            || genericSocietyWords.contains(f, k - 2, k) || (k - 3 >= ns && genericSocietyWords.contains(f, k - 3, k)) {
            guard let o = owner, o.end == ns else { return nil }
        }
        guard let b = leftEdge(&doc, ns, needPlace: false) else { return nil }
        doc.clear(b, k + 1)
        let m = Mention(start: b, end: k + 1, type: type, candidates: [], rule: rule, canonical: doc.string(b, k + 1))
        doc.add(m)
        return m
    }

    /// `rule:army`: an army named by a word of two characters and 軍 (or 聯軍) standing as an ICU word
    /// of its own at a word edge, after a clear edge (the start, a non-Han character, an entity, a function word):
    /// 太平|軍, 的|討|逆|軍, 自由|軍 (敘利亞|自由|軍 with its place),
    /// 靖|國|聯軍, and 護|國軍 (ICU's 國軍 dropped by `cutArmies`); not a person named …軍 (王立軍: a surname first). Not a
    /// kind of troops (`genericArmyWords`: 政府軍, 反抗軍), two one-character state words (俄|烏|軍:
    /// an allied army is `isAlliedArmy`'s), a count, a function word or a left word of `org-heads.tsv`.
    static func wordArmies(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        let prefixWords = doc.lexicon.jurisdiction.prefixWords
        for k in doc.marks[.army] where k >= 2 && doc.owner[k] < 0 {
            let end = k + 1
            // 軍政府 after a word is mostly a verb's or an adverb's object (修改|軍政府, 隨後|軍政府); a named army's
            // government is `namedArmies`' (護法軍|政府).
            guard end == f.count || !TeamRule.afterArmy.contains(f[end]), !PlacePrefixRules.has(f, end, governmentWord),
                  !PersonRules.splitsToken(doc, at: end) else { continue }
            let t = doc.firstToken(atOrAfter: k - 1)
            // 軍 alone, 聯軍 or 國軍 as the ICU word that ends here.
            let alone = t < doc.tokens.count && doc.tokens[t].start == k || (t + 1 < doc.tokens.count && doc.tokens[t].start == k - 1
                && doc.tokens[t].end == k && doc.tokens[t + 1].start == k)
            let allied = !alone && PlacePrefixRules.has(f, k - 1, alliedArmy) && t < doc.tokens.count && doc.tokens[t].start == k - 1
            let cutState = !alone && !allied && f[k - 1] == 0x570B /* 國 */ && t < doc.tokens.count && doc.tokens[t].start == k - 1
            guard alone || allied || cutState, doc.isFree(allied ? k - 1 : k, end) else { continue }
            // 軍 ends a word: the text's end, a non-Han character, an entity, a function word or a word of two or
            // more characters after it (軍|服, 軍|心, 軍|品 are words ICU cut: no army before them).
            if end < f.count, FoldTable.isHan(f[end]), doc.owner[end] < 0, !OrganizationHeadRule.notInName.contains(f[end]) {
                let w = doc.firstToken(atOrAfter: end)
                // An adverb that starts the clause after the name (滿洲|軍|仍|表示, 拜占庭|軍|所|使用) ends it as a word does.
                guard w < doc.tokens.count, doc.tokens[w].start == end, doc.tokens[w].end - end >= 2 || clauseAdverbs.contains(f[end]) else { continue }
            }
            let ne = allied ? k - 1 : k
            // A name of three characters that ICU knows as one word (拜占庭|軍), else two characters.
            let three = oneWord(doc, ne - 3, ne)
            let ns = ne - (three ? 3 : 2)
            guard ns >= 0, doc.isFree(ns, ne), !PersonRules.splitsToken(doc, at: ns),
                  cutState || !PersonRules.splitsToken(doc, at: ne),
                  (ns..<ne).allSatisfy({ FoldTable.isHan(f[$0]) && !OrganizationHeadRule.notInName.contains(f[$0]) && !OrganizationHeadRule.pronouns.contains(f[$0]) }),
                  !armyVerbs.contains(f[ne - 1]), !UnlistedOrganizationRule.isNumeralFirst(f[ns]),
                  // A surname first: a person named …軍 (王立軍, 李建軍), which the name model reads later.
                  // A word of three characters (拜占庭|軍) is no given name; two may be one (王立|軍).
                  three || !doc.lexicon.surnameKeys.contains(UInt64(f[ns]) << 32),
                  // The name starts at a clear edge: the text's start, a non-Han character, an entity or a function
                  // word (的|討逆軍, 「|長州軍, 1856年|太平軍); after another word it is mostly a verb's or an adverb's
                  // phrase (實施|軍…, 隨後|軍政府, 新北|艦|領|軍).
                  ns == 0 || !FoldTable.isHan(f[ns - 1]) || doc.owner[ns - 1] >= 0 || OrganizationHeadRule.notInName.contains(f[ns - 1])
                    || endsLeftWord(doc, ns),
                  !notArmyNameFirst.contains(f[ns]),
                  !genericArmyWords.contains(f, ns, ne), !doc.lexicon.organizationLeftWords.contains(f, ns, ne),
                  !(prefixWords[[f[ns]]] != nil && prefixWords[[f[ns + 1]]] != nil),
                  !doc.cues.contains(where: { $0.start >= ns && $0.start < ne }) else { continue }
            // A kind of army (遠征軍, 集團軍) only after a place, as in `namedArmies`.
            guard let s = leftEdge(&doc, ns, needPlace: isArmyKind(doc, ns, end)) else { continue }
            doc.clear(s, end)
            let m = Mention(start: s, end: end, type: .organization, candidates: [], rule: "army", canonical: doc.string(s, end))
            doc.add(m)
            found.append(m)
        }
    }

    /// Words of scope that start the names of federations, associations and committees (世界, 國際, 全國, 全美,
    /// 全球, 亞洲, 歐洲): 國際|帆船|總會, 世界|體育|記者|協會, 全美|運動|汽車|競賽|協會.
    static let scopeWords = WordSet(["世界", "國際", "全國", "全美", "全球", "亞洲", "歐洲", "国际", "全国", "亚洲", "欧洲"])
    static let scopeFirsts = ScalarSet("世國全亞歐国亚欧")
    /// The heads of such names: associations, federations, societies, committees, foundations and leagues.
    static let associationHeads: [[UInt32]] = ["協會", "總會", "聯合會", "聯會", "學會", "委員會", "理事會", "基金會", "促進會",
                                               "研究會", "聯盟"].map { Array($0.unicodeScalars.map(\.value)) }

    /// `rule:org-scope`: a scope word (`scopeWords`) as an ICU word, one to three describing ICU words
    /// (`descriptorsOK`: no count, generic modifier, function or clause character, cue or left word)
    /// and an association head (`associationHeads`) ending at an ICU word edge, none of it another
    /// entity: one organization. A head continued (協會員) or right after the scope word (國際聯盟,
    /// 全國委員會) is none.
    static func scopedAssociations(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        let tokens = doc.tokens
        // From each scope word's first character (`RuleMarks`), in text order, the ICU word that
        // starts there (a cursor over the words, which are ascending): the words whose first
        // character is none were each tested and passed over (about 7 instructions a word). A
        // name found skips the marks inside it, as the walk skipped the words that start in it.
        var next = 0
        var w = 0
        for p in doc.marks[.scopeFirst] where p >= next {
            while w < tokens.count && tokens[w].start < p { w += 1 }
            guard w < tokens.count, tokens[w].start == p else { continue }
            let scope = tokens[w]
            let t = w + 1
            // One bit test before the word look-up (a hashed look-up at every two-character word was 4% of the tag
            // stage's instructions).
            guard scope.end - scope.start == 2, scopeFirsts.contains(f[scope.start]), scopeWords.contains(f, scope.start, scope.end),
                  doc.isFree(scope.start, scope.end) else { continue }
            var u = t
            var end = -1
            while u < tokens.count && u - t < 4 && tokens[u].start == tokens[u - 1].end && doc.isFree(tokens[u].start, tokens[u].end) {
                let hs = tokens[u].start
                if u > t, let h = associationHeads.first(where: { PlacePrefixRules.has(f, hs, $0) }), hs + h.count <= f.count,
                   !PersonRules.splitsToken(doc, at: hs + h.count), doc.isFree(hs, hs + h.count),
                   hs + h.count == f.count || !(OrganizationHeadRule.isNameContinuation(f[hs + h.count]) || UnlistedOrganizationRule.afterHead.contains(f[hs + h.count])),
                   descriptorsOK(doc, from: scope.end, to: hs) || membersBeforeHead(doc, from: scope.end, to: hs, word: tokens[u - 1]) {
                    end = hs + h.count
                    break
                }
                u += 1
            }
            guard end > 0 else { continue }
            let m = Mention(start: scope.start, end: end, type: .organization, candidates: [], rule: "org-scope", canonical: doc.string(scope.start, end))
            doc.add(m)
            found.append(m)
            next = end
        }
    }

    /// Whether the words between a scope word and an association head are its members' trade: a title
    /// cue of two or more Han characters right before the head (世界|體育|記者|協會, 全國|律師|協會), after
    /// describing words `descriptorsOK` accepts or none. `descriptorsOK` refuses every cue, because a
    /// verb or a title among the words is mostly a clause (英國|呼籲|建立|國際聯盟); a title right before
    /// an association's head names whom it gathers.
    static func membersBeforeHead(_ doc: TaggingDocument, from start: Int, to end: Int, word: TokenSpan) -> Bool {
        guard word.end == end, word.end - word.start >= 2, word.start >= start,
              (word.start..<word.end).allSatisfy({ FoldTable.isHan(doc.folded[$0]) }),
              doc.cues.contains(where: { $0.start == word.start && $0.end == word.end && $0.hit.role == .before }) else { return false }
        return word.start == start || descriptorsOK(doc, from: start, to: word.start)
    }

    /// Words of a match or a league: a sports text, where a city and a short name is a club (北京|國安, 上海|申|花).
    static let sportsCues = WordSet([
        "聯賽", "對陣", "擊敗", "戰勝", "負於", "逼平", "主場", "客場", "球隊", "加盟", "效力", "俱樂部", "進球", "射門", "賽季",
        "中超", "英超", "西甲", "德甲", "意甲", "法甲", "亞冠", "歐冠", "足協盃", "足總盃",
        "联赛", "对阵", "击败", "战胜", "负于", "主场", "客场", "球队", "进球", "赛季", "亚冠", "欧冠",
    ])
    static let sportsCueFirsts = ScalarSet("聯對擊戰負逼主客球加效俱進射賽中英西德意法亞歐足联对击战负场队进赛亚欧")
    /// Words of a title race, a sports text for `clubs` only (衛冕|冠軍|廣州|恆|大, 奪冠的|大連|實|德): 冠軍 is also any
    /// contest's winner, so `namedTeams`, which takes any two characters before 隊, does not read them.
    static let titleCues = WordSet(["冠軍", "奪冠", "衛冕", "保級", "冠军", "夺冠", "卫冕", "保级"])
    static let titleCueFirsts = ScalarSet("冠奪衛保夺卫")
    /// One-character verbs of a match's result (勝 負 贏 輸 敗 擊 戰 對 逼), Traditional as the text is folded: none is in a club's short name.
    static let matchVerbCharacters = ScalarSet("勝負贏輸敗擊戰對逼")
    /// Facility words after a city and two characters: the name is a facility's or a site's (屏東中信|園區|球場), not a club's.
    static let afterClubFacility = WordSet(["園區", "球場", "體育場", "體育館", "大樓", "廣場", "公園", "大道", "园区", "球场", "体育场", "体育馆", "大楼", "广场"])
    /// Words after a city that are no club's name: its people, time, area, government, games and teams' words.
    static let notClubWords = WordSet([
        "地區", "時間", "市民", "當局", "方面", "政府", "本地", "奧運", "冬奧", "亞運", "全運", "城市", "市區", "郊區", "球迷",
        "球員", "隊員", "主場", "客場", "賽區", "賽場", "體育", "足球", "籃球", "代表", "選手", "一帶", "附近", "地方", "境內",
        "市場", "大學", "中學", "隊伍", "球場", "機場", "時代", "當地", "市長", "省長", "人民", "地鐵", "警方", "方向", "之戰",
        "德比", "少兒", "少年", "青年", "青少", "站", "以外", "以北", "以南", "以東", "以西", "男足", "女足", "男籃", "女籃", "男排", "女排", "國家", "國安局",
        "地区", "时间", "当局", "奥运", "冬奥", "亚运", "城市", "市区", "球员", "队员", "赛区", "体育", "选手", "当地", "市长",
    ])

    /// `rule:org-club`: in a sports text (a word of `sportsCues` within 15 characters), a city, a county
    /// or a province (`PlaceNamedOrganizationRule.cityClasses`) and a name of two free Han characters
    /// (one ICU word or two one-character words) at a word edge: a club (北京國安, 上海申花, 大連實德).
    /// Not a word of `notClubWords` (北京時間, 上海球迷), a count, a function word or a cue.
    static func clubs(_ doc: inout TaggingDocument, _ found: inout [Mention]) {
        let f = doc.folded
        let lex = doc.lexicon
        guard f.count >= 6 else { return }
        func sportsText(_ at: Int) -> Bool {
            for k in max(0, at - 15)..<min(f.count, at + 17) where sportsCueFirsts.contains(f[k]) || titleCueFirsts.contains(f[k]) {
                for n in 2...3 where k + n <= f.count && sportsCues.contains(f, k, k + n) { return true }
                if k + 2 <= f.count && titleCues.contains(f, k, k + 2) { return true }
            }
            return false
        }
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            // The cheap tests first: two free Han characters, no function word, then ICU's words, the place's class last.
            let pe = doc.mentions[i].end
            guard pe + 2 <= f.count, doc.owner[pe] < 0, doc.owner[pe + 1] < 0, FoldTable.isHan(f[pe]), FoldTable.isHan(f[pe + 1]),
                  !UnlistedOrganizationRule.notInName.contains(f[pe]), !UnlistedOrganizationRule.notInName.contains(f[pe + 1]),
                  doc.mentions[i].end > doc.mentions[i].start else { continue }
            let e = pe + 2
            // Two one-character ICU words (申|花, 實|德): a name ICU does not know; the second may be joined to a
            // function word after it (國|安在). A word of two characters is mostly a common one (倫敦|舉行).
            let u = doc.firstToken(atOrAfter: pe)
            guard u + 1 < doc.tokens.count, doc.tokens[u].start == pe, doc.tokens[u].end == pe + 1, doc.tokens[u + 1].start == pe + 1,
                  doc.tokens[u + 1].end == e || (doc.tokens[u + 1].end == e + 1 && UnlistedOrganizationRule.notInName.contains(f[e])) else { continue }
            guard doc.isFree(pe, e), (pe..<e).allSatisfy({ FoldTable.isHan(f[$0]) && !UnlistedOrganizationRule.notInName.contains(f[$0]) }),
                  !UnlistedOrganizationRule.isNumeralFirst(f[pe]), !PersonRules.splitsToken(doc, at: pe),
                  !notClubWords.contains(f, pe, e), !notClubWords.contains(f, pe, pe + 1),
                  !doc.lexicon.organizationLeftWords.contains(f, pe, e),
                  !doc.cues.contains(where: { $0.start >= pe && $0.start < e }) else { continue }
            let p = doc.mentions[i]
            guard p.candidates.contains(where: { PlaceNamedOrganizationRule.cityClasses.contains(lex.entries[$0].entryClass ?? "") }) else { continue }
            // The name's end: the text's end, a non-Han character, an entity, a function word ICU joined to
            // the name (國|安在), a team word, or a word edge before a word of two or more characters.
            var edge = e == f.count || !FoldTable.isHan(f[e]) || doc.owner[e] >= 0 || UnlistedOrganizationRule.notInName.contains(f[e])
                || clauseAdverbs.contains(f[e]) && doc.wordEnd(startingAt: e) != nil
            if !edge, !PersonRules.splitsToken(doc, at: e) {
                let w = doc.firstToken(atOrAfter: e)
                edge = w < doc.tokens.count && doc.tokens[w].start == e && doc.tokens[w].end - e >= 2
            }
            // A facility's words after it: a place's name (屏東|中|信|園區|球場), no club; a verb of the match in it
            // (戴维斯|胜|现|世界冠军: a player who beat another).
            if edge, e < f.count, let we = doc.wordEnd(startingAt: e), afterClubFacility.contains(f, e, we) { continue }
            if matchVerbCharacters.contains(f[pe]) || matchVerbCharacters.contains(f[pe + 1]) { continue }
            guard edge, sportsText(pe) else { continue }
            doc.clear(p.start, p.end)
            let m = Mention(start: p.start, end: e, type: .organization, candidates: [], rule: "org-club", canonical: doc.string(p.start, e))
            doc.add(m)
            found.append(m)
        }
    }
}

// MARK: - Committees named by their field (twelfth session)

extension OrganRules {
    /// The heads of committees and councils (委員會 理事會, and the PRC's abbreviations 籌委會 組委會 執委會 管委會),
    /// matched on the folded text, so Simplified text that ICU cuts 委员|会 is read too.
    static let committeeHeads: [[UInt32]] = ["委員會", "理事會", "籌委會", "組委會", "執委會", "管委會"].map { Array($0.unicodeScalars.map(\.value)) }
    static let meeting: UInt32 = 0x6703 // 會
    static let member: UInt32 = 0x54E1 // 員
    /// Conjunctions, which join a committee's name to the words before it (大學與企業合作委員會), so they are no left edge.
    static let conjunctions = ScalarSet("與和及或、与")

    /// `rule:org-committee`: one to three ICU words of two or more Han characters that describe a field
    /// (`descriptorsOK`: no count, generic modifier, function or clause character, cue or left word) and a
    /// committee head (`committeeHeads`) at ICU word edges, none of it another entity: 屋宇|建設|委員會,
    /// 促进|投资|委员会, 活化|歷史|建築|諮詢|委員會 (a left word before is the edge: 由|屋宇建設委員會). A place or an
    /// organization right before the words is part of the name (北京市|教育|委員會, 美国|联邦|通信|委员会, 江西省|文艺|评论|委员会;
    /// `describedUnits` reads an organization and one word already); with no such entity the words must be two or more
    /// and start at a clear left edge (the text's start, a non-Han character, a one-character function word that is no
    /// conjunction, a word ending in 的 or 之, a left word: not 大學|與|企業合作委員會, 國家|發展計劃委員會), since one
    /// word alone (調查|委員會, 專門|委員會) is any body's committee. A state's body right before (國務院|學位|委員會) is
    /// left alone: its state is decided later, from the context, and its unit would lose it. The head is not continued
    /// (委員會員, 委員會化).
    static func describedCommittees(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        guard f.count >= 5 else { return }
        var e = 5
        while e <= f.count {
            defer { e += 1 }
            guard f[e - 1] == meeting, let h = committeeHeads.first(where: { e - $0.count >= 2 && PlacePrefixRules.has(f, e - $0.count, $0) }) else { continue }
            let hs = e - h.count
            guard doc.isFree(hs, e), !PersonRules.splitsToken(doc, at: hs) else { continue }
            if e < f.count {
                guard !OrganizationHeadRule.isNameContinuation(f[e]), !UnlistedOrganizationRule.afterHead.contains(f[e]), f[e] != member else { continue }
                // ICU may join 會 to a function word after it (委员|会是): the head still ends there.
                if PersonRules.splitsToken(doc, at: e) {
                    let w = doc.firstToken(atOrAfter: e - 1)
                    guard w < doc.tokens.count, doc.tokens[w].start == e - 1, doc.tokens[w].end == e + 1,
                          UnlistedOrganizationRule.notInName.contains(f[e]) else { continue }
                }
            }
            // The describing words, right to left, up to three, each free, of Han characters and no function one, no left word.
            var s = hs
            var words = 0
            var t = doc.firstToken(atOrAfter: hs)
            while t > 0 && words < 3 {
                let tok = doc.tokens[t - 1]
                guard tok.end == s, tok.end - tok.start >= 2, doc.isFree(tok.start, tok.end),
                      (tok.start..<tok.end).allSatisfy({ FoldTable.isHan(f[$0]) && !UnlistedOrganizationRule.notInName.contains(f[$0]) }),
                      !lex.organizationLeftWords.contains(f, tok.start, tok.end) else { break }
                s = tok.start
                words += 1
                t -= 1
            }
            guard words >= 1, descriptorsOK(doc, from: s, to: hs) else { continue }
            var start = s
            if s > 0, doc.owner[s - 1] >= 0 {
                let a = doc.mentions[Int(doc.owner[s - 1])]
                guard a.end == s, a.type == .place || a.type == .organization else { continue }
                start = a.start
            } else {
                // No entity before: two words at least, after a clear edge.
                guard words >= 2 else { continue }
                if s > 0, FoldTable.isHan(f[s - 1]) {
                    guard t > 0, doc.tokens[t - 1].end == s else { continue }
                    let left = doc.tokens[t - 1]
                    // A left word (由, 成立), a one-character function word that is no conjunction (大學|與|企業… goes on),
                    // or a word ending in 的 or 之.
                    let last = f[left.end - 1]
                    let clear = lex.organizationLeftWords.contains(f, left.start, left.end)
                        || (left.end - left.start == 1 && UnlistedOrganizationRule.notInName.contains(last) && !conjunctions.contains(last))
                        || last == 0x7684 /* 的 */ || last == 0x4E4B /* 之 */
                    guard clear else { continue }
                }
            }
            doc.clear(start, s)
            doc.add(Mention(start: start, end: e, type: .organization, candidates: [], rule: "org-committee",
                            canonical: doc.string(start, e)))
        }
    }
}

// MARK: - Countries and cities as their teams in a match (twelfth session)

extension OrganRules {
    /// Verbs of a match's result or pairing, Traditional and Simplified: the place right before or after one, in a sports
    /// text, is that place's team (西班牙|擊敗|德國, 不敵|荷蘭, 小胜|比利时).
    static let matchVerbs = WordSet([
        "擊敗", "戰勝", "負於", "逼平", "戰平", "打平", "不敵", "輸給", "大勝", "小勝", "險勝", "完勝", "力克", "橫掃", "淘汰", "迎戰", "對陣",
        "击败", "战胜", "负于", "战平", "不敌", "输给", "大胜", "小胜", "险胜", "完胜", "横扫", "迎战", "对阵",
    ])
    static let matchVerbFirsts = ScalarSet("擊戰負逼打不輸大小險完力橫淘迎對击战负输险横对")
    /// Words of a sports text for `matchTeams`: `sportsCues` and the words of a game and a tournament (比賽, 決賽, 世界盃).
    static let matchCues = WordSet([
        "比賽", "決賽", "半決賽", "友誼賽", "小組賽", "錦標賽", "世界盃", "奧運", "出賽", "球隊", "聯賽", "賽季", "主場", "客場", "進球", "射門",
        "比赛", "决赛", "半决赛", "友谊赛", "小组赛", "锦标赛", "世界杯", "奥运", "出赛", "球队", "联赛", "赛季", "主场", "客场", "进球", "射门",
    ])
    static let matchCueFirsts = ScalarSet("比決半友小錦世奧出球聯賽主客進射决锦奥联赛进")
    static let byScore: UInt32 = 0x4EE5 // 以
    static let versus = ScalarSet("對对")
    static let scoreMarks = ScalarSet("比:：∶-－")
    /// Prepositions of place: a place after one, before a match verb, is the venue, not a team.
    static let venueWords = ScalarSet("在於于")
    /// Place classes a team is named by: a state or a territory, a city, a county or a province.
    static let teamPlaceClasses: Set<String> = PlaceNamedOrganizationRule.cityClasses.union(["country", "territory", "state"])

    static let team: UInt32 = 0x968A // 隊
    /// Words before 隊 that say what kind of team it is, or whose (對手隊, 主力隊, 外國隊), not which club: with
    /// `SchoolNameRule.kinds` (青年, 少年, 女子, 足球 …) and `PlaceNamedOrganizationRule.genericWords`.
    static let teamKinds = WordSet([
        "國家", "對手", "主力", "替補", "一線", "二線", "預備", "球隊", "職業", "業餘", "聯合", "明星", "全明星", "代表", "甲級", "乙級",
        "丙級", "外籍", "省級", "市級", "世界", "亞洲", "歐洲", "美洲", "非洲", "北歐", "南美", "冠軍", "亞軍", "季軍", "強隊", "弱旅",
        "對方", "雙方", "東道主", "衛冕", "參賽", "晉級", "出線", "種子", "混合", "男女", "青少年", "大學", "中學", "高中", "校園", "梯隊",
        "紅色", "藍色", "白色", "黑色", "黃色", "綠色", "主隊", "客隊", "聯隊", "球會", "俱樂部", "地主", "勁旅", "新軍", "老牌",
        "有關", "終場", "全場", "半場", "上半場", "下半場", "開場", "賽後", "賽前", "本場", "比賽", "參加", "各個",
    ])
    /// First characters of a team's name that are a measure word or a time word (支|參賽隊, 原|申花隊, 前|國安隊).
    static let notTeamFirst = ScalarSet("支原前現舊新老本該我隻队隊")
    /// Characters after 隊 that make a word with it (隊|史, 隊|員, 隊|友, 隊|長 when ICU cut them apart: 締造|隊|史).
    static let afterTeam = ScalarSet("史員友伍長部形列旗服醫徽歌员长")

    /// `rule:org-team`: in a sports text (a word of `matchCues` or `sportsCues` within 30 characters), a club's
    /// short name and 隊 as an ICU word of its own: 國安|隊, 五|牛|隊, 太陽|神|隊, 健|力|寶|隊 — a name of two or
    /// three free Han characters (one ICU word of two, or one-character words, or a word of two and one
    /// character), none a function or pronoun character (`UnlistedOrganizationRule.notInName`), no count,
    /// measure or time word first (`notTeamFirst`: 五|牛|隊, 支|參賽隊, 原|申花隊), no word of kind among its
    /// words (`teamKinds`: 對手隊, 國家隊, 青年隊, 終場|獅隊), no cue or left word, 隊 not making a word with
    /// the character after it (`afterTeam`: 締造|隊|史), after a clear
    /// edge: the start, a non-Han character, or a one-character function word (的|五牛隊, 對|國安隊). A
    /// place before 隊 is `rule:org-team`'s (中國隊).
    static func namedTeams(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let tokens = doc.tokens
        guard tokens.count >= 3 else { return }
        func sportsText(_ at: Int) -> Bool {
            for k in max(0, at - 30)..<min(f.count, at + 30) where matchCueFirsts.contains(f[k]) || sportsCueFirsts.contains(f[k]) {
                for n in 2...3 where k + n <= f.count && (matchCues.contains(f, k, k + n) || sportsCues.contains(f, k, k + n)) { return true }
            }
            return false
        }
        var found: [Mention] = []
        // The marks of 隊 and 队 (`RuleMarks`) and the ICU word that starts at each (a binary search): a walk
        // over every word was 3.7 M instructions at `scripts/tag-instructions --every 30`.
        for p in doc.marks[.teamLast] where f[p] == team {
            let t = doc.firstToken(atOrAfter: p)
            guard t >= 2, t < tokens.count, tokens[t].start == p, tokens[t].end - tokens[t].start == 1 else { continue }
            let end = tokens[t].end
            guard doc.owner[tokens[t].start] < 0, end == f.count || !afterTeam.contains(f[end]) else { continue }
            // The name: ICU words of one or two characters, three characters at most.
            var u = t - 1
            var n = 0
            var words = 0
            while u >= 0 && tokens[u].end == (words == 0 ? tokens[t].start : tokens[u + 1].start) {
                let len = tokens[u].end - tokens[u].start
                guard len <= 2, n + len <= 3,
                      (tokens[u].start..<tokens[u].end).allSatisfy({ FoldTable.isHan(f[$0]) && doc.owner[$0] < 0 && !UnlistedOrganizationRule.notInName.contains(f[$0]) })
                else { break }
                n += len
                words += 1
                u -= 1
                if n >= 2 && len == 2 { break }
            }
            guard n >= 2, words >= 1, !(words == 1 && n != 2) else { continue }
            let start = tokens[u + 1].start
            guard !UnlistedOrganizationRule.isNumeralFirst(f[start]),
                  !teamKinds.contains(f, start, tokens[t].start), !SchoolNameRule.kinds.contains(f, start, tokens[t].start),
                  !PlaceNamedOrganizationRule.genericWords.contains(f, start, tokens[t].start),
                  !notTeamFirst.contains(f[start]),
                  !(u + 1..<t).contains(where: { tokens[$0].end - tokens[$0].start == 2
                    && (teamKinds.contains(f, tokens[$0].start, tokens[$0].end) || SchoolNameRule.kinds.contains(f, tokens[$0].start, tokens[$0].end)) }),
                  !doc.lexicon.organizationLeftWords.contains(f, start, tokens[t].start),
                  !doc.cues.contains(where: { $0.start < tokens[t].start && $0.end > start }) else { continue }
            // A clear edge before the name.
            if start > 0 && FoldTable.isHan(f[start - 1]) {
                guard u >= 0, tokens[u].end == start, tokens[u].end - tokens[u].start == 1, doc.owner[start - 1] < 0,
                      UnlistedOrganizationRule.notInName.contains(f[start - 1]) || OrganizationHeadRule.notInName.contains(f[start - 1])
                else { continue }
            }
            guard sportsText(start) else { continue }
            let m = Mention(start: start, end: end, type: .organization, candidates: [], rule: "org-team", canonical: doc.string(start, end))
            doc.add(m)
            found.append(m)
        }
        doc.propagate(found)
    }

    /// Whether a word of `matchCues` stands within 20 characters of `at`.
    static func isMatchText(_ doc: TaggingDocument, _ at: Int) -> Bool {
        let f = doc.folded
        for k in max(0, at - 20)..<min(f.count, at + 20) where matchCueFirsts.contains(f[k]) {
            for n in 2...3 where k + n <= f.count && matchCues.contains(f, k, k + n) { return true }
        }
        return false
    }

    /// The end of a score at `k` (2比1, 4-1, 2∶2: digits, a score mark, digits), or nil.
    static func scoreEnd(_ f: [UInt32], _ k: Int) -> Int? {
        func digits(_ i: Int) -> Int {
            var j = i
            while j < f.count && (f[j] >= 0x30 && f[j] <= 0x39 || f[j] >= 0xFF10 && f[j] <= 0xFF19 || numerals.contains(f[j])) { j += 1 }
            return j
        }
        let a = digits(k)
        guard a > k, a < f.count, scoreMarks.contains(f[a]) else { return nil }
        let b = digits(a + 1)
        return b > a + 1 ? b : nil
    }

    /// `rule:org-match`: in a sports text (`isMatchText`), a country, a city or a province that a match verb (`matchVerbs`)
    /// follows, directly or after 以 and a score (西班牙|以|2比1|擊敗), or that follows one, directly (不敵|荷蘭, 大勝|俄羅斯4-1),
    /// and two such places joined by 對 (德國|對|丹麥的一場友誼賽) are those places' teams: organizations, as UNER and People's
    /// Daily tag a country that plays (the CNA key holds no such text). Outside a sports text 美國擊敗日本 stays two states.
    static func matchTeams(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        let f = doc.folded
        guard f.count >= 5 else { return }
        func isTeamPlace(_ m: Mention) -> Bool {
            m.type == .place && m.end > m.start && m.candidates.contains(where: { teamPlaceClasses.contains(lex.entries[$0].entryClass ?? "") })
        }
        var teams: [Int] = []
        // The static sets read once per document, not once per token (each read of a static
        // checks its lazy initialisation: ~120 K calls of swift_once over 244 posts).
        let verbFirsts = matchVerbFirsts, versusWords = versus
        for t in doc.tokens.indices {
            let v = doc.tokens[t]
            let isVerb = v.end - v.start == 2 && verbFirsts.contains(f[v.start]) && matchVerbs.contains(f, v.start, v.end)
            let isVersus = v.end - v.start == 1 && versusWords.contains(f[v.start])
            guard isVerb || isVersus, doc.isFree(v.start, v.end), v.start > 0, v.end < f.count else { continue }
            // The place after: right at the word's end, and ending where a name cannot go on (the end, a non-Han
            // character, a function word: 不敵|荷蘭|而, 大勝|俄羅斯|4-1; not 對陣|河南|建業, a club named with a word).
            var after: Int? = nil
            if doc.owner[v.end] >= 0 {
                let q = doc.mentions[Int(doc.owner[v.end])]
                if isTeamPlace(q), q.start == v.end,
                   q.end == f.count || !FoldTable.isHan(f[q.end]) || UnlistedOrganizationRule.notInName.contains(f[q.end]) || f[q.end] == 0x800C /* 而 */ {
                    after = Int(doc.owner[v.end])
                }
            }
            // The place before: right at the word's start, or before 以 and a score.
            var before: Int? = nil
            var b = v.start
            if isVerb, b >= 4, let s = (1...4).lazy.map({ v.start - $0 }).first(where: { $0 >= 1 && f[$0 - 1] == byScore && scoreEnd(f, $0) == v.start }) {
                b = s - 1
            }
            // Not the venue (在|杜塞爾多夫|戰勝|捷克隊: 在 於 于 before the place).
            if b >= 1, doc.owner[b - 1] >= 0, isTeamPlace(doc.mentions[Int(doc.owner[b - 1])]), doc.mentions[Int(doc.owner[b - 1])].end == b {
                let q = doc.mentions[Int(doc.owner[b - 1])]
                if q.start == 0 || !venueWords.contains(f[q.start - 1]) { before = Int(doc.owner[b - 1]) }
            }
            if isVersus && (before == nil || after == nil) { continue }
            guard before != nil || after != nil, isMatchText(doc, v.start) else { continue }
            if let i = before { teams.append(i) }
            if let i = after { teams.append(i) }
        }
        for i in Set(teams).sorted() {
            let p = doc.mentions[i]
            guard p.end > p.start else { continue }
            doc.clear(p.start, p.end)
            doc.add(Mention(start: p.start, end: p.end, type: .organization, candidates: [], rule: "org-match", canonical: doc.string(p.start, p.end)))
        }
    }
}
