import Foundation

/// `rule:name-model`: people that no list holds and no cue rule found, scored with the
/// `NameModel` tables and context (Cao, Zong et al. 2002: internal probability × external
/// context; a threshold decides). Runs after the dictionary and cue rules, on free text only.
///
/// - Chinese names (`name-model`): a surname (single or compound) and one or two given-name
///   characters. The score adds the surname's log share among names against its share of
///   ordinary text, each given-name character's log ratio for its position, ICU's word edges (a
///   name that cuts through an ICU word loses `crossPenalty`; one that is a whole ICU word, or
///   whose given name is one, is probably a common word), context (a title before it, a
///   reporting verb or honorific after it, punctuation or a quote around it, a 、-list), and
///   a penalty for one-character given names. The best non-overlapping candidates above
///   `threshold` are kept.
/// - Transliterated names (`name-model-translit`): runs of the characters transliteration uses,
///   joined or not by a middle dot (·・‧), scored by their mean log ratio; a run without a dot
///   needs three characters and clean word edges, or a cue beside it.
/// - Japanese names (`name-model-japanese`): a Japanese surname of `name-japanese.tsv` followed
///   by one to three characters of Japanese given names.
/// Place names of `name-blockers.tsv` are never taken. Each name found is found again in the
/// rest of the document.
package enum NameFinder {
    package struct Weights {
        /// Weight of the surname's log share (against its share of text). 0.55 before the PRC
        /// surnames (`name-surnames-cn.tsv`); 0.65 tuned on People's Daily test and UNER train
        /// (1.0 with `twoGiven` 1.0 scored higher there but took 申思利, 曾先后 after a title
        /// and 王朝建: the title rule's margins were tuned at these values).
        var surname: Float = 0.65
        // Tuned on UNER train and People's Daily test (README, section names).
        var threshold: Float = 3.7
        var single: Float = 3.0
        var crossPenalty: Float = 6
        var fusedEnd: Float = 1.5
        var wholeWord: Float = 2.5
        /// A three-character name that is one ICU word (梁啟超, 蔣介石: ICU's dictionary holds
        /// well-known names) with context of at least `wholeWordContext`: a bonus when negative
        /// (tuned as threshold). Without that context it loses `wholeWord` × 1.6 (常春藤|盟校).
        var wholeWord3: Float = -2.0
        var wholeWordContext: Float = 1.5
        var givenWord: Float = 2.0
        var surnameWord: Float = 2.5
        var afterSubject: Float = 1.0
        var learned: Float = 1.0
        var title: Float = 4
        var verb: Float = 3
        var punctBefore: Float = 0.8
        var punctAfter: Float = 0.8
        var list: Float = 1.5
        var translitMean: Float = 2.2
        var translitDotMean: Float = 1.0
        var japanese: Float = 3.5
        /// Above 0: a transliteration before a parenthesised Latin name is taken with it.
        var latinPair: Float = 1
        /// The least mean transliteration score of a Chinese name holding one weak character
        /// before a Latin gloss that starts with a given name (`NameFinder.glossedStart`).
        var glossMean: Float = 1.2
        /// After a title (`PersonRules.titledName`): a name whose second given-name character
        /// starts a word running on keeps one given-name character unless two score more than
        /// one by this margin.
        var titleOne: Float = 1.5
        /// After a title: the least model score (title included) a name must reach.
        var titleFloor: Float = 1
        /// `rule:name-list`: how many items of a 、-list must be people already, and the least
        /// model score of an item taken as a person.
        var listPersons: Float = 2
        var listFloor: Float = -3
        /// `rule:name-pair`: the least model score of a name joined by 和/與/及/跟 to a person
        /// found already (李菊与王晨, 王晨和张宁 once one of them is known). Tuned on People's Daily
        /// test.
        var pairFloor: Float = 0
        /// `rule:name-adjacent`: the least model score of a name standing right beside a Chinese
        /// person found already, with no punctuation between (江泽民李鹏朱镕基); 99 turns it off.
        /// Tuned on People's Daily test.
        var adjacentFloor: Float = 1.5
        /// Added to a name of two given-name characters whose every character is an ICU token of
        /// its own (`singleTokens`). Tuned on People's Daily test and UNER train (0 → 2: person F1
        /// 0.800 → 0.805 and 0.592 → 0.598; 2.5 took more words than names).
        var singles: Float = 2
        /// The least positional score of each given-name character for `singles` (−99: any).
        var singlesGiven: Float = -99
        /// Above 0: a transliterated name cut short by one weak character takes it in
        /// (`bridgeTranslit`).
        var bridge: Float = 1
        /// Added to a name of two given-name characters (the usual Chinese name: in news a
        /// surname + one character is more often a word than a name).
        var twoGiven: Float = 0.5
        /// Encyclopedic context around the name (`EncyclopedicContext`: 之子, 皇帝, 生於, 病逝).
        var encyclopedic: Float = 4
        /// The least mean a transliteration run without a cue needs when it is one whole ICU
        /// word (ICU's dictionary holds well-known foreign names as words, and places too); it
        /// must also end its clause (阿拉伯|世界, 曼哈頓|檢察官 are no names).
        var translitWord: Float = 3
        /// The least context (`context`) a two-character name of `name-known.tsv` needs.
        var knownShort: Float = 1
        /// A Chinese name scoring at most this much under `threshold` is taken when it stands
        /// as a word of its own (`nearName`): 0 turns the band off. 1, `nearAfter` 0.5 and
        /// `nearWord3` 0 tuned on People's Daily test and UNER train (2 scored higher there but
        /// not on the dev sets: 曲棍球, 农家乐, 钟山 came in).
        var nearThreshold: Float = 1
        /// In that band, the least learned after-context (`name-context.tsv`) of the character
        /// right after the name, when that is no clause break.
        var nearAfter: Float = 0.5
        /// Above 0: in that band a three-character name may be one ICU word (ICU's dictionary
        /// holds well-known names, and words such as 曲棍球 too).
        var nearWord3: Float = 0
        /// A transliteration run of two or three characters without a cue, at the start of a
        /// clause (琼斯在比赛中…), counts as cued when its context (`context`) reaches this (tuned
        /// on People's Daily test and UNER train; 99 turns it off, 1.5 took 努力, 森林).
        var translitClause: Float = 2
    }

    /// The weights in use: `NameModelTuning.weights` (the defaults unless the command set others).
    static var weights: Weights { NameModelTuning.weights }
    /// Whether every scored candidate is traced (`NameModelTuning.trace`).
    static var debug: Bool { NameModelTuning.trace != nil }
    /// The most `context` can add besides encyclopedic context (learned context is clamped to 3
    /// on each side).
    static var maxContext: Float {
        let w = weights
        return 6 * w.learned + w.title + w.verb + w.punctBefore + w.punctAfter + 2 * w.list + w.afterSubject
    }

    /// Characters that never start or continue a given name found by the model (function
    /// words, measure words, the 姓/女/男 of anonymised forms: 王姓男子, 李女).
    static let notGiven = ScalarSet("的了是在和與及或也都又就還而並但於對從向把被讓給以之其這那此該各每某等說今昨日月指認稱將已曾會要到來去上下們者姓女男嫌童婦翁嬤稱等再很更最不沒飾饰因")
    /// Words that often follow the subject of a sentence (张瑜|首次, 王明|也): mild evidence that
    /// what stands before them is a name (hand-written from news-writing conventions).
    static let afterSubject: [[UInt32]] = ["首次", "也", "則", "曾", "已", "還", "再度", "均", "都", "等人", "今天", "昨天", "日前", "近日", "隨後", "當選", "出任", "擔任"].map { $0.unicodeScalars.map(\.value) }
    /// The first characters of `afterSubject` (one bit test before the words are compared).
    static let afterSubjectFirst = ScalarSet(afterSubject.map { $0[0] })
    static let anonymised = ScalarSet("姓")
    /// Last characters of place and facility words (village, township, temple, hall, prize, shop
    /// …): a surname + two characters ending so is taken for a word (林森店; hand-written). Not
    /// 池, 湖, 牆: on the corpus they removed more names (楊泮池, 許明湖, 林環牆) than words
    /// (游泳池, 连侬墙).
    static let placeHeads = ScalarSet("村莊庄堡寺廟館獎盃杯鎮鄉縣省區路街站店")

    /// Last characters of things (pool, lake, wall, medal, badge): a surname + two characters
    /// ending so that ICU holds as one word is that thing (游泳池, 紀念章, 連儂牆), not a name.
    /// Only for whole ICU words: names end so too (楊泮池, 許明湖, 林環牆). `score` tests it, as
    /// `placeHeads` and `notGiven`, through `NameModel.finderBits`.
    static let thingHeads = ScalarSet("池湖牆墙章")

    /// Per position: the end of the ICU token starting there (0 when none), and whether a token
    /// runs across the position (starts before it and ends after it).
    struct Edges {
        /// Per position (and one past the end): the end of the token starting there (0 when none
        /// starts there), with the sign bit set when a token runs across the position. One array
        /// where there were two (`tokenEnd`, `inside`) and two cue tables: one allocation and one
        /// `memset` a document instead of four.
        private let cells: [Int32]
        /// Edges of title cues (before a name) and of verb/honorific cues (after a name).
        let before: CueEdges
        let after: CueEdges
        /// The document is borrowed (`__shared`): an initializer owns its arguments by default, and
        /// the document was copied (its arrays retained, then released) at each call.
        init(_ doc: __shared TaggingDocument) {
            before = CueEdges(doc) { $0 == .before }
            after = CueEdges(doc) { $0 == .after }
            let n = doc.folded.count
            // Over an unsafe buffer, and a short token's inner positions set one by one: the range
            // form became a memset call per token (230,000 calls on a ninth of the corpus).
            cells = [Int32](unsafeUninitializedCapacity: n + 1) { cell, filled in
                cell.initialize(repeating: 0)
                doc.tokens.withUnsafeBufferPointer { tokens in
                    for t in tokens where t.start < n && t.end <= n {
                        cell[t.start] = cell[t.start] & Int32.min | Int32(truncatingIfNeeded: t.end)  // a TokenSpan holds Int32s
                        // Tokens of two and three characters (most of them) by plain stores:
                        // the compiler turned the loop into a memset call per token (62,000
                        // calls on every 30th corpus post).
                        switch t.end - t.start {
                        case ...1: break
                        case 2: cell[t.start + 1] |= Int32.min
                        case 3: cell[t.start + 1] |= Int32.min; cell[t.start + 2] |= Int32.min
                        default:
                            var k = t.start + 1
                            while k < t.end { cell[k] |= Int32.min; k += 1 }
                        }
                    }
                }
                filled = n + 1
            }
        }
        /// The end of the token that starts at `k` (0 when none does); `k` is a position of the text.
        @inline(__always) func tokenEnd(_ k: Int) -> Int { Int(cells[k] & Int32.max) }
        /// A token runs across `k`.
        func crosses(_ k: Int) -> Bool { k >= 0 && k < cells.count && cells[k] < 0 }
        /// `start..<end` is exactly one token.
        func isToken(_ start: Int, _ end: Int) -> Bool { start < cells.count && tokenEnd(start) == end }
    }

    struct Candidate {
        var start: Int
        var end: Int
        var score: Float
        var rule: String
    }

    static func apply(_ doc: inout TaggingDocument) {
        let model = doc.lexicon.names
        guard !model.isEmpty, !doc.folded.isEmpty else { return }
        let edges = doc.nameEdges ?? Edges(doc)
        dottedPrefixes(&doc, model, edges)
        let cueBefore = edges.before, cueAfter = edges.after
        var cands: [Candidate] = []
        // Where every scan below starts, found in one pass (after `dottedPrefixes`, which owns
        // characters: the surname starts are the free positions then).
        let known = doc.lexicon.knownNames
        let scan = model.scan(doc.folded, doc.owner, marks: known.marks16.isEmpty ? model.marks16 : known.marks16,
                              knownPairs: known.startPairs)
        chinese(doc, model, edges, cueBefore, cueAfter, scan.chinese, &cands)
        transliterated(doc, model, edges, cueBefore, cueAfter, scan.translit, &cands)
        titledTransliterations(doc, model, edges, cueBefore, cueAfter, &cands)
        DottedNames.find(doc, model, edges, cueBefore, cueAfter, scan.dots, &cands)
        japanese(doc, model, edges, cueBefore, cueAfter, scan.japanese, &cands)
        KnownNameRule.find(doc, model, known, edges, scan.known, &cands)
        // Runs that their context makes a place or thing (`TranslitContext`) hold no name.
        let blocked = cands.filter { $0.rule == TranslitContext.blockedRule }
        if !blocked.isEmpty { cands.removeAll { c in blocked.contains { $0.start < c.end && c.start < $0.end } } }
        // Best first; ties by position, so the result does not depend on the order found.
        cands.sort { ($1.score, $0.start, $0.end) < ($0.score, $1.start, $1.end) }
        var found: [Mention] = []
        // 周五, 週日, 周三晚 after a title are days, 王妈妈 a term of address, whatever the tables say.
        for c in cands where doc.isFree(c.start, c.end) && !PersonRules.isNoName(doc, c.start, c.end) {
            let m = Mention(start: c.start, end: c.end, type: .person, candidates: [], rule: c.rule,
                            canonical: doc.string(c.start, c.end))
            doc.add(m)
            found.append(m)
        }
        bridgeTranslit(&doc, model, edges, &found)
        // Latin-letter names last: the person right before a parenthesis is their best evidence.
        var latinCands: [Candidate] = []
        latin(doc, model, edges, cueBefore, cueAfter, scan.upper, &latinCands)
        for c in latinCands where doc.isFree(c.start, c.end) {
            let m = Mention(start: c.start, end: c.end, type: .person, candidates: [], rule: c.rule,
                            canonical: doc.string(c.start, c.end))
            doc.add(m)
            found.append(m)
        }
        found += listMembers(&doc, model, edges, scan.listSeps)
        found += pairMembers(&doc, model, edges)
        found += bracketAliases(&doc, edges)
        found += translitPairs(&doc, model, edges)
        found += adjacentMembers(&doc, model, edges)
        doc.propagate(found)
    }

    /// Characters that may close the last name of a 、-list or open the first one (和, 与, 及,
    /// 等, 两; 的 before the list), besides punctuation, cues and other entities.
    static let listEnds = ScalarSet("和與及同跟等兩")
    static let listStarts = ScalarSet("和與及同跟的")

    /// `rule:name-list`: in a 、-list of names (范志毅、吴承瑛、申思、朱琪、区楚良), an item of a
    /// surname and one or two characters is a person when at least `listPersons` other items are
    /// people already, no item is another kind of entity, and the model scores it at least
    /// `listFloor` (the list evidence included): the list says what its items are, the model only
    /// that the item can be a name.
    /// `seps`: the positions of 、 (`NameModel.Scan.listSeps`).
    static func listMembers(_ doc: inout TaggingDocument, _ model: NameModel, _ edges: Edges, _ seps: [Int]) -> [Mention] {
        let w = weights
        let f = doc.folded
        let n = f.count
        guard !seps.isEmpty else { return [] }
        // Read once a call, not once a list (each read of a static checks its lazy initialisation).
        let listStarts = Self.listStarts, listEnds = Self.listEnds
        // A person mention spanning exactly `a..<b` (its fields read in place: copying the
        // mention retains and releases each of its references).
        func isPerson(_ a: Int, _ b: Int) -> Bool {
            guard a >= 0, a < b, b <= n, doc.owner[a] >= 0 else { return false }
            let o = Int(doc.owner[a])
            return doc.mentions[o].type == .person && doc.mentions[o].start == a && doc.mentions[o].end == b
        }
        // The best free candidate `a..<a+len` (len 2-3, or 4 for a compound surname), or nil;
        // lengths from `longest` down to `shortest` (a range, not an array allocated per call).
        func candidate(_ a: Int, _ longest: Int, _ shortest: Int, _ endOK: (Int) -> Bool) -> (Int, Int)? {
            for len in stride(from: longest, through: shortest, by: -1) {
                let e = a + len
                guard a >= 0, e <= n, endOK(e), doc.isFree(a, e), (a..<e).allSatisfy({ FoldTable.isHan(f[$0]) }) else { continue }
                for L in stride(from: 2, through: 1, by: -1) where len - L >= 1 && len - L <= 2 {
                    guard let s = score(doc, model, edges, edges.before, edges.after, a, L, len - L), s >= w.listFloor,
                          !model.isBlocker(f, a, e) else { continue }
                    return (a, e)
                }
            }
            // A transliterated item (塔法雷尔、迪达、阿尔代尔): up to six characters where the
            // item's edge is open (the first and last items).
            let (hi, lo) = longest == shortest ? (longest, longest) : (6, 2)
            for len in stride(from: hi, through: lo, by: -1) where a + len <= n && endOK(a + len) {
                if translitRun(doc, model, edges, a, a + len) { return (a, a + len) }
            }
            return nil
        }
        var out: [Mention] = []
        var k = 0
        // Reused from list to list (emptied, their room kept).
        var chain: [Int] = [], items: [(Int, Int)] = [], open: [(Int, Int)] = [], foreign: [(Int, Int)] = []
        while k < seps.count {
            // One list: separators whose items between them hold 1-8 characters.
            chain.removeAll(keepingCapacity: true)
            items.removeAll(keepingCapacity: true)
            open.removeAll(keepingCapacity: true)
            foreign.removeAll(keepingCapacity: true)
            chain.append(seps[k])
            while k + 1 < seps.count && seps[k + 1] - seps[k] - 1 >= 1 && seps[k + 1] - seps[k] - 1 <= 8 {
                k += 1
                chain.append(seps[k])
            }
            k += 1
            // The first item: an entity ending at the first separator, or a candidate after a list start.
            let p0 = chain[0]
            if p0 > 0 && doc.owner[p0 - 1] >= 0 {
                let o = Int(doc.owner[p0 - 1])
                if doc.mentions[o].end == p0 { items.append((doc.mentions[o].start, p0)) }
            } else {
                // Longer ones for a transliterated first item (守门员塔法雷尔、).
                for len in [3, 2, 4, 5, 6] {
                    let a = p0 - len
                    // Not after a number: a unit (1.63馬赫、爬升率…) is no name.
                    guard a >= 0, a == 0 || !(0x30...0x39).contains(f[a - 1]), a == 0 || isPunct(f[a - 1]) || doc.owner[a - 1] >= 0 || edges.before.ends(at: a)
                            || listStarts.contains(f[a - 1]) else { continue }
                    if let c = candidate(a, len, len, { _ in true }) { open.append(c); break }
                }
            }
            // Items between separators.
            for (x, y) in zip(chain, chain.dropFirst()) { items.append((x + 1, y)) }
            // The last item: an entity starting after the last separator, or a candidate before a list end.
            let pl = chain[chain.count - 1] + 1
            if pl < n && doc.owner[pl] >= 0 {
                let o = Int(doc.owner[pl])
                if doc.mentions[o].start == pl { items.append((pl, doc.mentions[o].end)) }
            } else if let c = candidate(pl, 3, 2, { e in e == n || isPunct(f[e]) || doc.owner[e] >= 0
                        || edges.after.starts(at: e) || listEnds.contains(f[e]) }) {
                open.append(c)
            }
            let persons = items.filter { isPerson($0.0, $0.1) }.count
            // A list holding a place or a body (鲁昂、图尔、…) is no list of people.
            let others = items.contains { (x, y) in
                (x..<y).contains { doc.owner[$0] >= 0 && doc.mentions[Int(doc.owner[$0])].type != .person }
            }
            guard !others else { continue }
            // Foreign names in a list of people (皮德森、曼西雙雙開轟): one person beside them is enough.
            // Only these, not the first item's longer candidates above, stand on one person.
            if persons >= 1 {
                for (x, y) in items where !isPerson(x, y) && translitItem(doc, model, edges, x, y) { foreign.append((x, y)) }
                if let e = translitLast(doc, model, edges, pl) { foreign.append((pl, e)) }
            }
            open += foreign
            guard persons >= Int(w.listPersons) else {
                for (a, e) in foreign where doc.isFree(a, e) && translitItem(doc, model, edges, a, e) {
                    let m = Mention(start: a, end: e, type: .person, candidates: [], rule: "name-list", canonical: doc.string(a, e))
                    doc.add(m)
                    out.append(m)
                }
                continue
            }
            for (x, y) in items where !isPerson(x, y) {
                if let c = candidate(x, y - x, y - x, { $0 == y }) { open.append(c) }
            }
            for (a, e) in open where doc.isFree(a, e) {
                let m = Mention(start: a, end: e, type: .person, candidates: [], rule: "name-list", canonical: doc.string(a, e))
                doc.add(m)
                out.append(m)
            }
        }
        return out
    }

    /// A list item `a..<e` that is a transliterated name: two to four characters transliteration
    /// uses (`translitChar`), whose mean reaches `translitMean` (曼西 2.7; not 金馬 1.6, an award
    /// in a list of prizes beside people), on ICU word edges, no place of
    /// `name-blockers.tsv` and not free of context that makes it a place (`TranslitContext`).
    static func translitItem(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ a: Int, _ e: Int) -> Bool {
        let f = doc.folded
        guard a >= 0, e <= f.count, e - a >= 2, e - a <= 4, doc.isFree(a, e), !edges.crosses(a), !edges.crosses(e) else { return false }
        guard let mean = translitMeanScore(f, model, a, e, dots: false), mean >= weights.translitMean,
              !model.isBlocker(f, a, e) else { return false }
        return !TranslitContext.blocks(doc, model, a, e, edges.before, edges.after)
    }

    /// The mean transliteration score (`translitChar`) of the characters of `a..<e`; with `dots`, a
    /// middle dot between two parts is skipped. Nil when a character is not one transliteration
    /// uses, a dot stands at an edge or beside another, or fewer than two characters count.
    static func translitMeanScore(_ f: [UInt32], _ model: NameModel, _ a: Int, _ e: Int, dots: Bool) -> Float? {
        var sum: Float = 0, len = 0
        for k in a..<e {
            if dots && f[k] == 0xB7 {
                guard k > a, k < e - 1, f[k - 1] != 0xB7 else { return nil }
                continue
            }
            guard let r = translitChar(model, f[k]) else { return nil }
            sum += r
            len += 1
        }
        return len >= 2 ? sum / Float(len) : nil
    }

    /// The last item of a list when it is a transliterated name running on into the clause
    /// (、曼西|雙雙開轟): the run of transliteration characters from `a`, when it ends there.
    static func translitLast(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ a: Int) -> Int? {
        let f = doc.folded
        var e = a
        while e < f.count && e - a <= 4 && doc.owner[e] < 0 && translitChar(model, f[e]) != nil { e += 1 }
        guard e - a >= 2, e - a <= 4, e < f.count, FoldTable.isHan(f[e]), translitItem(doc, model, edges, a, e) else { return nil }
        return e
    }

    /// A run of two characters starting at `i` is the given name of a Chinese name when a surname
    /// that transliteration does not use stands right before it and the surname with the two
    /// characters reaches the threshold (理事蔡|德福指出 is 蔡德福, not 德福). A longer run is a
    /// foreign name the surname-like character begins (高|德柏格, 韓|德瑞克斯, 慕|蘭杰尼).
    static func givenAfterSurname(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ i: Int) -> Bool {
        let f = doc.folded
        // `maySurname` first: one bit where the call and `surname` read two tables.
        guard i > 0, model.maySurname(f[i - 1]), i + 2 <= f.count, doc.owner[i - 1] < 0, translitChar(model, f[i - 1]) == nil,
              model.surname(f, i - 1, 1) != nil,
              translitChar(model, f[i + 1]) != nil, i + 2 == f.count || translitChar(model, f[i + 2]) == nil,
              let s = score(doc, model, edges, edges.before, edges.after, i - 1, 1, 2) else { return false }
        return s >= weights.threshold
    }

    /// Characters of the position notes that photo captions put in brackets after a name
    /// (（左）, （右2）, （前左）, （左起）), of notes about the name itself (（化名）, （已故）) and of
    /// casts (（王某飾）: the actor playing the part, not another name of the character).
    static let bracketNotes = ScalarSet("左右中前後后起圖图化名故歲岁男女籍飾饰")

    /// `rule:name-alias`: a stage or pen name in brackets right after a person (邱威傑（呱吉）):
    /// two or three free Han characters, no function character nor a caption's or a note's
    /// character (`bracketNotes`), not one ICU word (（化名）, （董事長）), then the closing bracket.
    static func bracketAliases(_ doc: inout TaggingDocument, _ edges: Edges) -> [Mention] {
        let f = doc.folded
        let n = f.count
        var spans: [(Int, Int)] = []
        // Indices, not copies: copying each mention retains and releases it.
        for idx in doc.mentions.indices where doc.mentions[idx].type == .person {
            let end = doc.mentions[idx].end
            guard end > doc.mentions[idx].start, end + 3 < n, f[end] == 0xFF08 || f[end] == 0x28 else { continue }
            let a = end + 1
            guard let close = (a + 2...min(a + 3, n - 1)).first(where: { f[$0] == 0xFF09 || f[$0] == 0x29 }),
                  (a..<close).allSatisfy({ FoldTable.isHan(f[$0]) && !notGiven.contains(f[$0]) && !bracketNotes.contains(f[$0]) }),
                  doc.isFree(a, close), !edges.isToken(a, close), !edges.before.starts(at: a), !edges.after.starts(at: a) else { continue }
            spans.append((a, close))
        }
        var out: [Mention] = []
        for (a, e) in spans where doc.isFree(a, e) {
            let m = Mention(start: a, end: e, type: .person, candidates: [], rule: "name-alias", canonical: doc.string(a, e))
            doc.add(m)
            out.append(m)
        }
        return out
    }

    /// Words joining two people (和, 与, 及, 跟; folded to Traditional). Not the slash of a
    /// doubles pair (马林／王皓): on the corpus it mostly joined translators of credit lines
    /// (李京慧/任琛), people who are staff, not subjects.
    static let pairJoiners = ScalarSet("和與及跟")

    /// `rule:name-pair`: a name joined by 和/與/及/跟 to a person found already (李菊与王晨过去):
    /// a candidate of a surname and one or two characters right across the joiner, whose outer
    /// edge is a word edge (punctuation, an entity, a cue or an ICU token edge: 王晨|过去, never
    /// 王晨过|去), is a person when the model scores it at least `pairFloor`. The best-scored
    /// length wins. People found this way are not used as anchors in turn.
    static func pairMembers(_ doc: inout TaggingDocument, _ model: NameModel, _ edges: Edges) -> [Mention] {
        let w = weights
        let pairJoiners = Self.pairJoiners  // once a call, not twice a person
        let f = doc.folded
        let n = f.count
        // Word edge at `k`: text start or end, punctuation, an entity or a cue, or no ICU token across it.
        func edge(_ k: Int) -> Bool {
            k <= 0 || k >= n || isPunct(f[k - 1]) || isPunct(f[k]) || doc.owner[k - 1] >= 0 || doc.owner[k] >= 0
                || edges.after.starts(at: k) || edges.before.ends(at: k) || !edges.crosses(k)
        }
        // The best candidate `a..<a+len` over lengths 2-3 where `fits(a, e)`.
        func best(_ spans: [(Int, Int)]) -> (Int, Int)? {
            var top: (Int, Int, Float)? = nil
            for (a, e) in spans where a >= 0 && e <= n && a < e && doc.isFree(a, e) && edge(a) && edge(e) {
                guard !model.isBlocker(f, a, e), !PersonRules.isNoName(doc, a, e) else { continue }
                for L in 1...2 where e - a - L >= 1 && e - a - L <= 2 {
                    guard let s = score(doc, model, edges, edges.before, edges.after, a, L, e - a - L),
                          s >= w.pairFloor, s > (top?.2 ?? -.infinity) else { continue }
                    top = (a, e, s)
                }
            }
            return top.map { ($0.0, $0.1) }
        }
        var out: [Mention] = []
        // The people's spans only: copying each mention to test its type retains and releases it.
        var anchors: [(start: Int, end: Int)] = []
        for i in doc.mentions.indices where doc.mentions[i].type == .person {
            anchors.append((doc.mentions[i].start, doc.mentions[i].end))
        }
        for m in anchors {
            var picks: [(Int, Int)] = []
            if m.end < n && pairJoiners.contains(f[m.end]), let c = best([(m.end + 1, m.end + 3), (m.end + 1, m.end + 4)]) {
                picks.append(c)
            }
            if m.start >= 3 && pairJoiners.contains(f[m.start - 1]), let c = best([(m.start - 3, m.start - 1), (m.start - 4, m.start - 1)]) {
                picks.append(c)
            }
            for (a, e) in picks where doc.isFree(a, e) {
                let p = Mention(start: a, end: e, type: .person, candidates: [], rule: "name-pair", canonical: doc.string(a, e))
                doc.add(p)
                out.append(p)
            }
        }
        return out
    }

    static func isPunct(_ c: UInt32) -> Bool { !FoldTable.isHan(c) }

    /// A person already found, written after a middle dot and a run of transliteration characters
    /// (唐納·川普 where the list holds 川普), takes the run in: it is the first part of the name.
    static func dottedPrefixes(_ doc: inout TaggingDocument, _ model: NameModel, _ edges: Edges) {
        let f = doc.folded
        for idx in doc.mentions.indices where doc.mentions[idx].type == .person {
            let start = doc.mentions[idx].start
            guard doc.mentions[idx].end > start, start >= 3, f[start - 1] == 0xB7, doc.owner[start - 1] < 0 else { continue }
            var s = start - 1
            while s > 0 && start - 1 - s < 6 && doc.owner[s - 1] < 0 && translitChar(model, f[s - 1]) != nil { s -= 1 }
            while s < start - 1 && edges.crosses(s) && !edges.before.ends(at: s) { s += 1 }
            guard start - 1 - s >= 2 else { continue }
            for k in s..<start { doc.owner[k] = Int32(idx) }
            doc.mentions[idx].start = s
        }
    }

    /// Context evidence around `start..<end` (shared by all name kinds).
    /// `model` is the caller's: reading `doc.lexicon.names` here copied the model (a score of
    /// retains and releases) at every candidate.
    static func context(_ doc: TaggingDocument, _ model: NameModel, _ start: Int, _ end: Int, _ cueBefore: CueEdges,
                        _ cueAfter: CueEdges) -> Float {
        context(doc, model, ContextBefore.at(doc, model, start, cueBefore), end, cueAfter)
    }

    /// What `context` reads before a name starting at `start`: the same for every end, so a
    /// start's candidates read it once (`ScoreStart`).
    struct ContextBefore {
        /// The learned score of the character before, times `Weights.learned`.
        let learned: Float
        /// A title ends at `start`; punctuation (or the text's start), a 、 stands before it.
        let title: Bool, punct: Bool, listSep: Bool
        /// Encyclopedic words end at `start` (counted only where no title does).
        let encyclopedic: Bool
        /// A person found already ends right before `start`, or before the 、 there.
        let person: Bool

        /// A static function, not an initialiser: an initialiser takes its arguments owned, and
        /// copying the document and the model retained and released each of their arrays.
        static func at(_ doc: TaggingDocument, _ model: NameModel, _ start: Int, _ cueBefore: CueEdges) -> ContextBefore {
            let w = weights
            let f = doc.folded
            // What stands right before known names in the corpus (`name-context.tsv`).
            let learned = w.learned * model.beforeScore(start > 0 ? f[start - 1] : 0x3002)
            let title = cueBefore.ends(at: start)
            // Not twice for one word: a title before the name counts as a title only.
            let encyclopedic = w.encyclopedic != 0 && !title && doc.lexicon.encyclopedic.mayEndBefore(f, start)
                && doc.lexicon.encyclopedic.endsBefore(f, start)
            var person = false
            if start > 0, doc.owner[start - 1] >= 0, doc.mentions[Int(doc.owner[start - 1])].type == .person,
               start >= 2, f[start - 1] == 0x3001 || doc.mentions[Int(doc.owner[start - 1])].end == start {
                person = true
            }
            return ContextBefore(learned: learned, title: title, punct: start == 0 || isPunct(f[start - 1]),
                                 listSep: start > 0 && f[start - 1] == 0x3001, encyclopedic: encyclopedic, person: person)
        }
    }

    /// `context` of a name from `before`'s start to `end`: the terms added in the same order, so
    /// the sum is the same to the bit.
    static func context(_ doc: TaggingDocument, _ model: NameModel, _ before: ContextBefore, _ end: Int,
                        _ cueAfter: CueEdges) -> Float {
        let w = weights
        let f = doc.folded
        var s: Float = 0
        // What stands right before and after known names in the corpus (`name-context.tsv`).
        s += before.learned
        s += w.learned * model.afterScore(end < f.count ? f[end] : 0x3002)
        if before.title { s += w.title }
        if cueAfter.starts(at: end) { s += w.verb }
        if before.punct { s += w.punctBefore }
        if end == f.count || isPunct(f[end]) { s += w.punctAfter }
        if end < f.count && model.finderBits(f[end]) & NameModel.FinderChar.afterSubject != 0
            && afterSubject.contains(where: { PlacePrefixRules.has(f, end, $0) }) {
            s += w.afterSubject
        }
        if before.listSep || (end < f.count && f[end] == 0x3001) { s += w.list }
        // `mayCue` first: most names stand beside no character an encyclopedic word may start.
        if w.encyclopedic != 0 && doc.lexicon.encyclopedic.mayCue(f, end, before: before.encyclopedic)
            && doc.lexicon.encyclopedic.cue(f, end, before: before.encyclopedic) {
            s += w.encyclopedic
        }
        if before.person { s += w.list }
        return s
    }

    /// Score of the Chinese name candidate `i..<i+L+G` (surname of `L`, given name of `G`
    /// characters), or nil when it cannot be one.
    static func score(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ cueBefore: CueEdges,
                      _ cueAfter: CueEdges, _ i: Int, _ L: Int, _ G: Int) -> Float? {
        guard i + L + G <= doc.folded.count, let start = ScoreStart.at(doc, model, cueBefore, cueAfter, i, L) else { return nil }
        return score(doc, model, edges, cueBefore, cueAfter, start, G)
    }

    /// What `score` reads of a candidate's surname and first given-name character, the same for
    /// the one- and the two-character given name: `chinese` reads it once for both (the surname
    /// was looked up three times a start, the context before the name twice).
    struct ScoreStart {
        let i: Int, L: Int
        /// The surname's weighted score (`Weights.surname`).
        let surname: Float
        let before: ContextBefore

        /// Nil when no name of a surname of `L` characters can start at `i`: no such surname,
        /// or a character of it or the first given-name character is owned or no Han
        /// character, or the latter is a function word or starts a cue.
        /// (A static function, not an initialiser, as `ContextBefore.at`.)
        static func at(_ doc: TaggingDocument, _ model: NameModel, _ cueBefore: CueEdges, _ cueAfter: CueEdges,
                       _ i: Int, _ L: Int) -> ScoreStart? {
            let f = doc.folded
            let g = i + L
            guard g < f.count, let sur = model.surname(f, i, L) else { return nil }
            for k in i...g where doc.owner[k] >= 0 || !FoldTable.isHan(f[k]) { return nil }
            guard model.finderBits(f[g]) & NameModel.FinderChar.notGiven == 0, !cueAfter.starts(at: g), !cueBefore.starts(at: g)
            else { return nil }
            let surText = model.givenScores(f[i])?.text ?? -9
            // A compound surname is rare in text whatever its first character's share.
            return ScoreStart(i: i, L: L, surname: weights.surname * (sur - (L == 2 ? -11 : surText)),
                              before: ContextBefore.at(doc, model, i, cueBefore))
        }
    }

    /// `score` of the candidate of `start` with a given name of `G` characters. `single`: the
    /// score of `start` with one given-name character (`-infinity` for nil) when the caller has
    /// it already (`chinese`), NaN when not: a two-character name weighs it for `singles`.
    static func score(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ cueBefore: CueEdges,
                      _ cueAfter: CueEdges, _ start: ScoreStart, _ G: Int, single: Float = .nan) -> Float? {
        let w = weights
        let f = doc.folded
        let n = f.count
        let i = start.i, L = start.L
        let e = i + L + G
        guard e <= n else { return nil }
        // The first given-name character was tested with the surname (`ScoreStart`). The sets
        // `notGiven`, `placeHeads` and `thingHeads` read as the model's bits.
        if G == 2 {
            let k = e - 1
            let bits = model.finderBits(f[k])
            guard doc.owner[k] < 0, FoldTable.isHan(f[k]), bits & NameModel.FinderChar.notGiven == 0, !cueAfter.starts(at: k),
                  !cueBefore.starts(at: k) else { return nil }
            // A place or facility head at the end (王家|村, 石家|莊, 龍山|寺, 金鐘|獎) ends a word, not a name.
            if bits & NameModel.FinderChar.placeHead != 0 { return nil }
            // A thing's head ending a whole ICU word (游泳池, 紀念章) ends a word, not a name.
            if bits & NameModel.FinderChar.thingHead != 0 && edges.isToken(i, e) { return nil }
        }
        var s = start.surname
        if G == 1 {
            s += (model.givenScores(f[i + L])?.single ?? model.unknownGiven) - w.single
        } else {
            s += model.givenScores(f[i + L])?.first ?? model.unknownGiven
            s += model.givenScores(f[i + L + 1])?.second ?? model.unknownGiven
            if edges.isToken(i + L, e) { s -= w.givenWord }
            // Not for a whole ICU word (常春藤): the dictionary knows it as a word.
            if !edges.isToken(i, e) { s += w.twoGiven }
        }
        // ICU word edges.
        if edges.crosses(i) { s -= w.crossPenalty }
        if edges.crosses(e) {
            // The name's last character fused with the next word (孫家正在) is a milder case.
            s -= edges.isToken(e - 1, edges.tokenEnd(e - 1)) ? w.fusedEnd : w.crossPenalty
        }
        // Not when the name with one given-name character reaches the threshold itself (孙俊|排第二,
        // 顾俊|近几年: the third single character is the next word's).
        if G == 2 && w.singles != 0 && singleTokens(doc, edges, i, e) && strongSingles(doc, model, edges, i, L),
           (single.isNaN ? score(doc, model, edges, cueBefore, cueAfter, start, 1) ?? -.infinity : single) < w.threshold {
            s += w.singles
        }
        let word3 = L + G == 3 && edges.isToken(i, e)
        if edges.isToken(i, e) { s -= L + G == 2 ? 2 * w.wholeWord : w.wholeWord * 1.6 }
        // The surname and the first given-name character make one ICU word (王朝|建, 全國|青).
        if L == 1 && G == 2 && edges.isToken(i, i + 2) { s -= w.surnameWord }
        // No context can lift it to the threshold (even less a margin below it): not worth weighing.
        // Encyclopedic context is rare: its words are looked for only when it alone can make the difference.
        let bound = s + (word3 ? max(0, w.wholeWord * 1.6 - w.wholeWord3) : 0) + maxContext
        if bound < w.threshold - 2 && !debug
            && (bound + w.encyclopedic < w.threshold - 2 || !doc.lexicon.encyclopedic.cue(f, i, e)) { return nil }
        let ctx = context(doc, model, start.before, e, cueAfter)
        if word3 && ctx >= w.wholeWordContext { s += w.wholeWord * 1.6 - w.wholeWord3 }
        return s + ctx
    }

    /// Every character of `start..<end` is an ICU token of its own (林|国|英, 马|跃|南): ICU's
    /// dictionary knows no word there, as it knows none for most names it does not list (role
    /// tagging's first segmentation: unknown names fall apart into single characters). And the
    /// run of single characters stops at its edges: on each side the text's edge, punctuation, a
    /// function word (的, 在), an entity, a cue or a word of two characters or more (如今|林国英|的,
    /// not 孙俊|排|第二 nor 旧|史新谭, where the name's edge is not where the single characters end).
    static func singleTokens(_ doc: TaggingDocument, _ edges: Edges, _ start: Int, _ end: Int) -> Bool {
        for k in start..<end where !edges.isToken(k, k + 1) { return false }
        let f = doc.folded
        let n = f.count
        let before = start == 0 || isPunct(f[start - 1]) || notGiven.contains(f[start - 1]) || !edges.isToken(start - 1, start)
            || doc.owner[start - 1] >= 0 || edges.before.ends(at: start)
        let after = end == n || isPunct(f[end]) || notGiven.contains(f[end]) || !edges.isToken(end, end + 1)
            || doc.owner[end] >= 0 || edges.after.starts(at: end)
        return before && after
    }

    /// Whether a run of single-character tokens from `i` (surname of `L`) may take the `singles`
    /// bonus: its surname is no weak surname (曾, 向: common words), no last character of a role
    /// word or preposition (`glossStop`: 建筑师|林璎, 评论员|横河, 向|本台), and no title ends on it;
    /// each given-name character scores at least `singlesGiven` in its position.
    static func strongSingles(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ i: Int, _ L: Int) -> Bool {
        let f = doc.folded
        guard !glossStop.contains(f[i]), !edges.before.ends(at: i + L), !PersonRules.isWeakSurname(doc, i, L) else { return false }
        let floor = weights.singlesGiven
        guard floor > -99 else { return true }
        return (model.givenScores(f[i + L])?.first ?? model.unknownGiven) >= floor
            && (model.givenScores(f[i + L + 1])?.second ?? model.unknownGiven) >= floor
    }

    /// A candidate just under the threshold (within `nearThreshold`) that stands as a word of its
    /// own: no ICU word runs across its edges, it is no ICU word (温馨, 庄稼, 茅庐, 农家乐 are
    /// words whatever their characters; three characters only when `nearWord3` is 0), nor is a two-character given name (潘|明确,
    /// 连|学生), a one-character given name is not scored under the two-character one from the
    /// same surname (彭丽|媛 is 彭丽媛), and a clause break or a character that follows names
    /// more than text (`nearAfter`, learned in `name-context.tsv`) comes after it (田晚霞|原是,
    /// 叶光|日前; not 龍祥|電影台).
    static func nearName(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ cueBefore: CueEdges,
                         _ cueAfter: CueEdges, _ i: Int, _ L: Int, _ G: Int, _ s: Float, longer: Float?) -> Bool {
        let w = weights
        let e = i + L + G
        guard w.nearThreshold > 0, s >= w.threshold - w.nearThreshold else { return false }
        guard !edges.crosses(i), !edges.crosses(e), (L + G > 2 && w.nearWord3 > 0) || !edges.isToken(i, e) else { return false }
        if G == 2 && edges.isToken(i + L, e) { return false }
        if G == 1, let longer, longer > s { return false }
        let f = doc.folded
        return e == f.count || isPunct(f[e]) || model.afterScore(f[e]) >= w.nearAfter
    }

    /// A cue-less transliteration run of two or three characters that opens a clause (text start
    /// or punctuation before it: 琼斯在比赛中大步流星) and ends on an ICU word edge, whose context
    /// (`context`: learned neighbours, punctuation, subject words after it) reaches
    /// `translitClause`: the subject of its sentence, as a name is. Not a run that is one ICU
    /// word.
    static func clauseSubject(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ start: Int, _ end: Int,
                              _ cueBefore: CueEdges, _ cueAfter: CueEdges) -> Bool {
        let f = doc.folded
        guard start == 0 || isPunct(f[start - 1]), !edges.crosses(end), end < f.count, !isPunct(f[end]) else { return false }
        // A run that is one ICU word is a word or a group (努力, 森林, 宝马, 维吾尔, 穆斯林 spell no
        // name here; well-known names that are ICU words have `translitWord`).
        if edges.isToken(start, end) { return false }
        // What follows must be what follows names in the corpus (在, 说, 是 …), not a character that
        // carries the name on past a weak one (科罗|廖夫, 阿尔|恒).
        guard model.afterScore(f[end]) >= weights.nearAfter else { return false }
        return context(doc, model, start, end, cueBefore, cueAfter) >= weights.translitClause
    }

    /// The best Chinese name starting at `i` that reaches the threshold (its end), or nil.
    static func nameStarting(_ doc: TaggingDocument, at i: Int, edges: Edges, margin: Float = 0) -> Int? {
        let model = doc.lexicon.names
        guard !model.isEmpty, i < doc.folded.count else { return nil }
        let cueBefore = edges.before, cueAfter = edges.after
        var best: (Float, Int)? = nil
        for L in 1...2 {
            for G in 1...2 {
                guard let s = score(doc, model, edges, cueBefore, cueAfter, i, L, G), s >= weights.threshold + margin else { continue }
                if best.map({ s > $0.0 }) ?? true { best = (s, i + L + G) }
            }
        }
        return best?.1
    }

    /// Chinese names starting at the positions `at` (`NameModel.starts`: one character in twenty).
    static func chinese(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ cueBefore: CueEdges,
                        _ cueAfter: CueEdges, _ at: [Int], _ out: inout [Candidate]) {
        let f = doc.folded
        // Read once here, not at each start (each static `let` is a `swift_once` call).
        let classifiers = NameFinder.classifiers
        let threshold = weights.threshold
        let trace = NameModelTuning.trace
        for i in at {
            // A classifier after a numeral counts something (9項|理由, 3位|專家): no surname.
            if classifiers.contains(f[i]) && counted(f, i) { continue }
            for L in 1...2 {
                // A compound surname only where its first two characters may start one (the
                // first tests of `NameModel.surname`, without the call of `ScoreStart.at`).
                if L == 2 && !model.mayStartCompound(f, i) { continue }
                // The surname, the first given-name character and the context before, read once
                // for both lengths of the given name (nil: `score` refuses both).
                guard let start = ScoreStart.at(doc, model, cueBefore, cueAfter, i, L) else { continue }
                // Both scores first: `nearName` weighs the one-character name against the other.
                // The two-character one reuses the one-character score (`singles`).
                let one = score(doc, model, edges, cueBefore, cueAfter, start, 1)
                let scores = (one, score(doc, model, edges, cueBefore, cueAfter, start, 2, single: one ?? -.infinity))
                for G in 1...2 {
                    guard let s = G == 1 ? scores.0 : scores.1 else { continue }
                    trace?("name-model \(doc.string(i, i + L + G)) \(s)")
                    let e = i + L + G
                    guard s >= threshold
                            || nearName(doc, model, edges, cueBefore, cueAfter, i, L, G, s, longer: scores.1) else { continue }
                    if !model.isBlocker(f, i, e) {
                        out.append(Candidate(start: i, end: e, score: s, rule: "name-model"))
                    }
                }
            }
        }
    }

    /// A character a transliterated name is made of: transliteration uses it more than ordinary
    /// text does, and it is no function word (和, 的, 在, 為 glue names to the text around them).
    @inline(__always) static func translitChar(_ model: NameModel, _ c: UInt32) -> Float? {
        guard model.mayTranslit(c), let r = model.translitScore(c), r >= 0.5,
              model.finderBits(c) & (NameModel.FinderChar.notGiven | NameModel.FinderChar.translitStop) == 0 else { return nil }
        return r
    }
    static let translitStop = ScalarSet("為將以及與和在的對")
    /// Classifiers that are surnames too (項, 位, 名, 間 …; hand-written): after a numeral they
    /// count something. Not 張, a frequent surname.
    static let classifiers = ScalarSet("項项位名條条件支家隻只所間间座次種种部")
    /// Whether `f[i]` is a classifier right after a numeral (9項, 三位): it counts, names no one.
    static func counted(_ f: [UInt32], _ i: Int) -> Bool {
        i > 0 && i < f.count && classifiers.contains(f[i]) && ((f[i - 1] >= 0x30 && f[i - 1] <= 0x39) || TaggingDocument.countFirst.contains(f[i - 1]))
    }
    /// Before a transliteration that is one ICU word, a place's preposition (在曼哈頓); after it,
    /// the head of a state, prize or art (阿拉伯國家, 奧斯卡獎, 奧斯卡影帝, 奧斯卡之稱): hand-written.
    static let wordPlaceBefore = ScalarSet("在於到赴往自")
    static let wordThingAfter = ScalarSet("國国獎奖盃杯影之式語语文風风菜金")

    /// A whole-ICU-word transliteration (`Weights.translitWord`) whose neighbours make it a place,
    /// a state, a prize or a style rather than a person.
    static func wordNotName(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        (start > 0 && wordPlaceBefore.contains(f[start - 1])) || (end < f.count && wordThingAfter.contains(f[end]))
    }
    static let groupHeads = ScalarSet("人族語语裔教派州省市鎮镇縣县島岛河山湖港灣湾郡城堡峽峡")
    /// Endings of transliterated place names (弗吉尼亞, 哈薩克斯坦, 納什維爾, 漢堡, 布蘭特福德).
    static let placeEndings: [[UInt32]] = ["亞", "斯坦", "維爾", "堡", "福德"].map { $0.unicodeScalars.map(\.value) }

    /// `at`: the positions of the characters that may be transliteration characters
    /// (`NameModel.Scan.translit`).
    static func transliterated(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ cueBefore: CueEdges,
                               _ cueAfter: CueEdges, _ at: [Int], _ out: inout [Candidate]) {
        let w = weights
        let f = doc.folded
        let n = f.count
        var i = 0, cursor = 0
        while i < n {
            // Most characters are no transliteration character: only the positions of `at` are visited.
            i = NameModel.next(at, &cursor, from: i, end: n)
            guard i < n else { break }
            // A run starts at a word edge or right after a title.
            guard doc.owner[i] < 0, translitChar(model, f[i]) != nil, !edges.crosses(i) || cueBefore.ends(at: i) else { i += 1; continue }
            // Only after a character that may be a surname (`givenAfterSurname`'s first test).
            if i > 0 && model.maySurname(f[i - 1]) && givenAfterSurname(doc, model, edges, i) { i += 1; continue }
            // The run: transliteration characters, parts joined by a middle dot; it stops where a
            // verb or honorific starts (克林頓|說).
            var j = i
            var dots = 0
            while j < n && j - i < 16 && doc.owner[j] < 0 && (j == i || !cueAfter.starts(at: j)) {
                if translitChar(model, f[j]) != nil { j += 1; continue }
                // The dot makes it a name: past it, a part may hold one or two characters
                // transliteration rarely uses (赫伯特·喬治·威爾斯, 瑪麗·安托瓦內特, 瓦德·丹路殊).
                if dots > 0, case let t = looseSpan(doc, model, edges, j, cueBefore, cueAfter), t > 0 { j += t; continue }
                if f[j] == 0xB7 && j + 1 < n && j > i
                    && (translitChar(model, f[j + 1]) != nil || looseSpan(doc, model, edges, j + 1, cueBefore, cueAfter) > 0) {
                    dots += 1; j += 1; continue
                }
                break
            }
            let start = i
            var next = i + 1
            // Try the whole run, then shorter ends (the run may take in the next word's first character).
            var end = j
            while end > start + 1 {
                var len = 0
                var sum: Float = 0
                var hasDot = false
                for k in start..<end {
                    if f[k] == 0xB7 { hasDot = true } else { len += 1; sum += max(0, model.translitScore(f[k]) ?? 0) }
                }
                let mean = sum / Float(max(len, 1))
                // An -ism alone is a cue for three or four characters (马列主义, 马克思列宁主义 name
                // two people) that name no faith (伊斯兰主义).
                let ism = end - start >= 3 && end - start <= 4 && ismAfter(f, end) && !ismNonNames.contains(Array(f[start..<end]))
                var cue = cueBefore.ends(at: start) || cueAfter.starts(at: end) || ism
                    || (w.encyclopedic > 0 && doc.lexicon.encyclopedic.cue(f, start, end))
                if !cue && dots == 0 && end - start <= 3 && mean >= w.translitMean - 0.7 && w.translitClause < 99 {
                    cue = clauseSubject(doc, model, edges, start, end, cueBefore, cueAfter)
                }
                // A run never stops right before a middle dot: the name goes on past it
                // (演員湯姆·漢克斯 is no 湯姆).
                let endOK = (!edges.crosses(end) || cueAfter.starts(at: end) || ism) && (end >= n || f[end] != 0xB7)
                let ok: Bool
                if dots > 0 && hasDot {
                    ok = mean >= w.translitDotMean && f[end - 1] != 0xB7 && endOK
                } else if cue {
                    ok = len >= 2 && mean >= w.translitMean - 0.7 && endOK
                } else {
                    ok = len >= 3 && mean >= w.translitMean && endOK
                        && (!edges.isToken(start, end) || (mean >= w.translitWord && (end == n || isPunct(f[end]))
                                                           && !wordNotName(f, start, end)))
                        && !placeEndings.contains { e in end - e.count >= start && PlacePrefixRules.has(f, end - e.count, e) }
                }
                NameModelTuning.trace?("name-model-translit \(doc.string(start, end)) \(mean) cue=\(cue) ok=\(ok)")
                // A group, language or place head right after the run (維吾爾|族, 巴斯克|語, 卡拉|州).
                if ok && end < n && groupHeads.contains(f[end]) { break }
                // A place, body or thing by its context (`TranslitContext`): the whole run is skipped.
                if ok && !model.isBlocker(f, start, end) {
                    let s = TranslitContext.extendLeft(doc, model, start, cueBefore)
                    let r = TranslitContext.extendRight(doc, model, edges, end, cueAfter)
                    let e = TranslitContext.regnalEnd(doc, model, r)
                    if TranslitContext.blocks(doc, model, s, r, cueBefore, cueAfter) {
                        out.append(Candidate(start: s, end: max(r, j), score: 0, rule: TranslitContext.blockedRule))
                        next = max(next, j)
                        break
                    }
                    out.append(Candidate(start: s, end: e, score: 20 + mean, rule: "name-model-translit"))
                    next = e
                    break
                }
                end -= 1
            }
            i = next
        }
    }

    /// An -ism after a run names a doctrine after its person (马克思主义, 達爾文主義): a cue for
    /// the run, and an ICU word running on into it (马克思主义 is one word) cuts no name.
    static let isms: [[UInt32]] = ["主义", "主義"].map { $0.unicodeScalars.map(\.value) }
    /// Runs before an -ism that name a faith, not a person (hand-written).
    static let ismNonNames: Set<[UInt32]> = Set(["伊斯兰", "伊斯蘭"].map { Array($0.unicodeScalars.map(\.value)) })
    static func ismAfter(_ f: [UInt32], _ end: Int) -> Bool {
        end + 1 < f.count && (f[end] == 0x4E3B) && isms.contains { PlacePrefixRules.has(f, end, $0) }
    }

    /// The least transliteration score of the one weak character a titled run may hold.
    static let titledWeakFloor: Float = -1.5

    /// `name-model-translit` right after a title: the name may hold one character that
    /// transliteration uses less than text does (以色列总理内塔尼亚胡, 领导人阿拉法特: 内, 法 are
    /// common words), which the run of `transliterated` stops at; standing first, only in a run
    /// of four characters or more, never last nor starting an ICU word (卡特|访华). The run is the title's
    /// transliteration characters (those of `name-transliteration.tsv`, no function words), at
    /// most one of them scoring below 0.5 and none below `titledWeakFloor`, and at least two
    /// others; its mean must reach what a cued run needs, it must end on an ICU word edge or
    /// before a verb, and no Chinese name may start there (总理朱镕基 is the model's). The
    /// context of `TranslitContext` and the blockers apply as to every run. It is scored above
    /// the plain runs, so the whole name wins over its tail (内|塔尼亚胡).
    static func titledTransliterations(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges,
                                       _ cueBefore: CueEdges, _ cueAfter: CueEdges, _ out: inout [Candidate]) {
        let w = weights
        let f = doc.folded
        let n = f.count
        var tried = Set<Int>()
        for c in doc.cues where c.end < n && cueBefore.ends(at: c.end) {
            let i = c.end
            guard doc.owner[i] < 0, tried.insert(i).inserted, model.translitScore(f[i]) != nil else { continue }
            var j = i
            var weak = 0
            while j < n && j - i < 8 && doc.owner[j] < 0 && (j == i || !cueAfter.starts(at: j)),
                  let r = model.translitScore(f[j]), r >= titledWeakFloor, !notGiven.contains(f[j]), !translitStop.contains(f[j]) {
                if r < 0.5 {
                    if weak == 1 { break }
                    weak += 1
                }
                j += 1
            }
            guard weak == 1, j - i >= 3, nameStarting(doc, at: i, edges: edges) == nil else { continue }
            var end = j
            while end >= i + 3 {
                var sum: Float = 0
                var weakIn = 0
                // A weak first character needs a run of four or more (内|塔尼亚胡, not 记者问|拉埃).
                if (model.translitScore(f[i]) ?? 0) < 0.5 && end - i < 4 { break }
                var weakWord = false
                for k in i..<end {
                    let r = model.translitScore(f[k]) ?? 0
                    if r < 0.5 {
                        weakIn += 1
                        // Not last, nor the start of an ICU word (卡特|访华, 梅克特|别, 佩洛希|依然).
                        weakWord = k == end - 1 || edges.tokenEnd(k) > k + 1
                    }
                    sum += max(0, r)
                }
                if weakWord { end -= 1; continue }
                let mean = sum / Float(end - i)
                let endOK = (!edges.crosses(end) || cueAfter.starts(at: end)) && (end >= n || f[end] != 0xB7)
                NameModelTuning.trace?("name-model-translit titled \(doc.string(i, end)) \(mean) ok=\(endOK)")
                if weakIn == 1 && mean >= w.translitMean - 0.7 && endOK && !(end < n && groupHeads.contains(f[end]))
                    && !model.isBlocker(f, i, end)
                    && !placeEndings.contains(where: { e in end - e.count >= i && PlacePrefixRules.has(f, end - e.count, e) })
                    && !TranslitContext.blocks(doc, model, i, end, cueBefore, cueAfter) {
                    out.append(Candidate(start: i, end: end, score: 25 + mean, rule: "name-model-translit"))
                    break
                }
                end -= 1
            }
        }
    }

    /// A character that may stand in a dotted transliterated name though transliteration rarely
    /// uses it: a free Han character that is no function word, group or place head, or cue.
    static func looseChar(_ doc: TaggingDocument, _ k: Int, _ cueBefore: CueEdges, _ cueAfter: CueEdges) -> Bool {
        let c = doc.folded[k]
        return doc.owner[k] < 0 && FoldTable.isHan(c) && !notGiven.contains(c) && !translitStop.contains(c)
            && !groupHeads.contains(c) && !cueAfter.starts(at: k) && !cueBefore.starts(at: k)
    }

    /// How many characters from `k` (two, one or none) are `looseChar`s followed by a middle dot, a
    /// transliteration character, or a break in the text (punctuation, a cue, a function word):
    /// a two-character ICU word is taken only before a dot (瑪麗·安托瓦內特, not 萊特|兄弟).
    static func looseSpan(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ k: Int, _ cueBefore: CueEdges,
                          _ cueAfter: CueEdges) -> Int {
        let f = doc.folded
        let n = f.count
        for t in stride(from: 2, through: 1, by: -1) {
            let e = k + t
            guard e <= n, (k..<e).allSatisfy({ looseChar(doc, $0, cueBefore, cueAfter) }) else { continue }
            let dot = e < n && f[e] == 0xB7
            guard dot || e == n || translitChar(model, f[e]) != nil || isPunct(f[e]) || cueAfter.starts(at: e)
                    || translitStop.contains(f[e]) || notGiven.contains(f[e]) else { continue }
            if t == 2 && !dot && edges.isToken(k, e) { continue }
            return t
        }
        return 0
    }

    @inline(__always) static func isUpper(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isLower(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) static func isAlnum(_ c: UInt32) -> Bool { isUpper(c) || isLower(c) || (c >= 0x30 && c <= 0x39) }
    /// Lower-case particles between the words of a Latin name (Scipione del Ferro, Vincent van Gogh).
    static let latinParticles: [[UInt32]] = ["de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le", "bin"]
        .map { $0.unicodeScalars.map(\.value) }
    /// Generations after a Latin name (John Steinbeck IV).
    static let latinSuffixes: [[UInt32]] = ["III", "II", "IV", "Jr."].map { $0.unicodeScalars.map(\.value) }
    /// Head words of Latin place, body and product names, never in a person's name (hand-written).
    static let latinNonName: Set<[UInt32]> = Set(["Observatory", "University", "College", "School", "River", "Lake", "Mount",
        "Mountain", "Island", "Islands", "City", "County", "Street", "Road", "Park", "Bay", "Church", "Company", "Inc",
        "Ltd", "Corporation", "Group", "Bank", "Airlines", "Museum", "Hotel", "Center", "Centre", "Institute", "Society",
        "Association", "Party", "Club", "Records", "Studio", "Studios", "Games", "Festival", "Award", "Awards", "Cup",
        "The", "Of", "And", "For", "New", "North", "South", "East", "West", "Saint", "Santa", "San", "Los", "Las", "El",
        "Cerro", "Port", "Fort", "Sea", "Ocean", "Valley", "Station", "Airport", "Tower", "House", "Hall", "Project",
        "Network", "News", "Times", "Post", "Daily", "Magazine", "Press", "Foundation", "Fund", "Team", "Band", "Kingdom",
        "Republic", "Empire", "Union", "Act", "Law", "Theory", "Syndrome", "Disease", "Effect", "Prize",
        "Avenue", "Boulevard", "Square", "Bridge", "Stadium", "Arena", "Highway", "Building", "Plaza", "Mall", "Beach",
        "Harbour", "Harbor", "Hospital", "Academy", "Library", "Gallery", "Theatre", "Theater", "Series", "Show",
        "Edition", "Pro", "Max", "Plus", "Mini", "Ultra", "Watch", "Phone", "Pad", "Book", "Mac", "Store", "Shop",
        "Cafe", "Bar", "Restaurant", "Taiwan", "China", "Japan", "America", "Asia", "Europe", "World", "Global",
        "St", "Technologies", "Technology", "Capital", "Strategies", "Business", "Council", "Partners", "Holdings",
        "Ventures", "Media", "Labs", "Systems", "Solutions", "Consulting", "Research", "Securities", "Investment",
        "Investments", "Browser", "Zoo"]
        .map { Array($0.unicodeScalars.map(\.value)) })

    /// The words of a Latin name starting at `i` (a capitalised word, an initial such as E., a
    /// particle between words, a generation after them): their end and count, or nil. A word
    /// mixing cases (iPhone, DeSanctis) or letters and digits, or a head word of `latinNonName`,
    /// makes no name.
    static func latinWords(_ f: [UInt32], _ i: Int) -> (end: Int, words: Int)? {
        let n = f.count
        var k = i, end = i, words = 0
        while k < n && words < 5 {
            var e = k + 1
            if isUpper(f[k]) {
                while e < n && isLower(f[e]) { e += 1 }
                if e == k + 1 {
                    if words > 0, let s = latinSuffixes.first(where: { PlacePrefixRules.has(f, k, $0) }) {
                        e = k + s.count
                    } else if e < n && f[e] == 0x2E {
                        e += 1
                    } else {
                        return nil
                    }
                } else if latinNonName.contains(Array(f[k..<e])) {
                    return nil
                }
            } else if words > 0, let p = latinParticles.first(where: { PlacePrefixRules.has(f, k, $0) }),
                      k + p.count + 1 < n, f[k + p.count] == 0x20, isUpper(f[k + p.count + 1]) {
                k += p.count + 1
                continue
            } else {
                break
            }
            // A word that goes on in letters beyond ASCII (Hernández, Krausová) is left alone, not cut.
            if e < n && (isAlnum(f[e]) || (f[e] >= 0xC0 && f[e] <= 0x24F && f[e] != 0xD7 && f[e] != 0xF7)) { return nil }
            words += 1
            end = e
            guard e + 1 < n, f[e] == 0x20, isAlnum(f[e + 1]) else { break }
            k = e + 1
        }
        return words > 0 ? (end, words) : nil
    }

    /// `name-model-latin`: names in Latin letters inside Chinese text, right after a title
    /// (執行長Tim Cook). In parentheses a
    /// Latin name is a gloss, no mention; but a run of transliteration characters right before a
    /// parenthesised Latin name of two or more words is that person's Chinese name
    /// (霍爾特（Henry Holt）), taken as `name-model-translit`.
    /// `uppers`: the positions of the upper-case letters A-Z (`NameModel.Scan.upper`).
    static func latin(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ cueBefore: CueEdges,
                      _ cueAfter: CueEdges, _ uppers: [Int], _ out: inout [Candidate]) {
        let w = weights
        let f = doc.folded
        let n = f.count
        var i = 0, cursor = 0
        while i < n {
            // Only an upper-case letter starts a name: the characters before the next one fail the
            // test below whatever their neighbours, so only the positions of `uppers` are visited.
            i = NameModel.next(uppers, &cursor, from: i, end: n)
            guard i < n else { break }
            // Not the second part of a hyphenated word (Jean-|Pierre, U.S.-|India).
            guard isUpper(f[i]), i == 0 || (!isAlnum(f[i - 1]) && f[i - 1] != 0x2E && f[i - 1] != 0x20 && f[i - 1] != 0x2D), doc.owner[i] < 0,
                  let (e, words) = latinWords(f, i) else {
                i += 1
                while i < n && i > 0 && isAlnum(f[i - 1]) && isAlnum(f[i]) { i += 1 }
                continue
            }
            guard (i..<e).allSatisfy({ doc.owner[$0] < 0 }), e == n || !(f[e] == 0x20 || f[e] == 0x2E || f[e] == 0x2D) else { i = e; continue }
            let closes = e < n && (f[e] == 0x29 || f[e] == 0x2C || f[e] == 0x3B)
            let inParen = i >= 2 && f[i - 1] == 0x28 && closes
            var take = false
            if inParen {
                // A gloss (瓦德·丹路殊（Walter Damrosch）) is no mention of its own
                // (`NameExtensionRules.dropGlosses`); a person-shaped one is evidence for the Chinese
                // name before it.
                guard words >= 2 && w.latinPair > 0 && doc.owner[i - 2] < 0 else { i = e; continue }
                if let s = glossedStart(doc, model, edges, cueBefore, i - 1, given: LatinNames.givenFirst(model, f, i)) {
                    out.append(Candidate(start: s, end: i - 1, score: 20, rule: "name-model-translit"))
                }
            } else if cueBefore.ends(at: i) {
                // After a title. With context alone, on the news corpus half of the capitalised
                // word runs were products, malls and slogans (Pro Max, Keep Taiwan Free): without a
                // title it takes a given name or a person cue (`LatinNames.isPerson`).
                take = !LatinNames.blocked(f, i, e)
            } else {
                take = LatinNames.isPerson(doc, model, i, e, words, cueBefore, cueAfter)
            }
            if take { out.append(Candidate(start: i, end: e, score: 30, rule: "name-model-latin")) }
            i = e
        }
    }

    /// Where the Chinese name glossed by a person-shaped Latin name in brackets (the bracket at
    /// `end`) starts, or nil: transliteration characters and dots back to a word edge or a title,
    /// two characters at least, not a place. When the Latin name starts with a given name of
    /// `name-latin-given.tsv` (Marc Short, Corey Seager), CNA's way of glossing the people it names,
    /// the Chinese name may hold one character transliteration uses less than text (漢|考克, 蕭|特,
    /// 艾|略|特, 席|格, 畢|勒), not last, no function word, group head or place head; standing first,
    /// after a clear break (a title, punctuation, 的, an entity) or as a surname of the model's
    /// tables; and its mean transliteration score need reach only `glossMean`.
    static func glossedStart(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ cueBefore: CueEdges,
                             _ end: Int, given: Bool) -> Int? {
        let f = doc.folded
        guard end >= 2, doc.owner[end - 1] < 0, translitChar(model, f[end - 1]) != nil else { return nil }
        var s = end - 1
        var weak = -1
        while s > 0 && end - s < 8 && doc.owner[s - 1] < 0 && !cueBefore.ends(at: s) {
            let c = f[s - 1]
            if translitChar(model, c) != nil || (c == 0xB7 && f[s] != 0xB7) { s -= 1; continue }
            guard given, weak < 0, FoldTable.isHan(c), !notGiven.contains(c), !translitStop.contains(c), !groupHeads.contains(c),
                  !glossStop.contains(c), (model.translitScore(c) ?? 0) >= titledWeakFloor else { break }
            weak = s - 1
            s -= 1
        }
        // Back to a word edge: a weak character first only after a clear break (a title,
        // punctuation, 的) or as a surname, and never right after another name (柯列斯尼|可娃:
        // the name goes on there); else the name starts after it (其中|伍德), or there is none.
        func valid(_ k: Int) -> Bool {
            guard f[k] != 0xB7, !edges.crosses(k) || cueBefore.ends(at: k) else { return false }
            guard k == weak, k > 0, !cueBefore.ends(at: k) else { return true }
            guard doc.owner[k - 1] < 0 else { return false }
            let c = f[k - 1]
            return !FoldTable.isHan(c) || notGiven.contains(c) || translitStop.contains(c) || model.surname(f, k, 1) != nil
        }
        while s < end - 1 && f[s] == 0xB7 { s += 1 }
        if !valid(s) {
            guard weak >= s else { return nil }
            s = weak + 1
            guard valid(s) else { return nil }
        }
        guard end - s >= 2, !model.isBlocker(f, s, end),
              !placeEndings.contains(where: { p in end - p.count >= s && PlacePrefixRules.has(f, end - p.count, p) }) else { return nil }
        guard weak >= s else { return s }
        var sum: Float = 0, len = 0
        for k in s..<end where f[k] != 0xB7 { sum += max(0, model.translitScore(f[k]) ?? 0); len += 1 }
        return sum / Float(max(len, 1)) >= weights.glossMean ? s : nil
    }
    /// Characters that stand before a name and are never its first weak character: verbs and
    /// prepositions (由|安德森, 請|…) and the last characters of role words (情報官|摩爾,
    /// 博士生|李維拉, 研究員, 作家, 律師, 部長, 投手; hand-written).
    static let glossStop = ScalarSet("由請讓替令叫找跟同問即當若如與向給派據官生員家師長手者")

    /// Japanese names starting at the positions `at` (`NameModel.starts`).
    /// 也 ends many Japanese given names of two characters (瀨戶大也, 平井卓也, 長瀨智也), but after a
    /// name it is mostly "also" (森山裕|也留任): taken as the name's last character only as the
    /// second given-name character and when what follows cannot follow "also" (punctuation, a
    /// bracket, 的, 於).
    static let japaneseYa: UInt32 = 0x4E5F // 也
    static let afterJapaneseYa = ScalarSet("的於")
    static func japaneseYaEnd(_ f: [UInt32], _ G: Int, _ e: Int) -> Bool {
        guard G == 2, f[e - 1] == japaneseYa else { return false }
        return e == f.count || isPunct(f[e]) || afterJapaneseYa.contains(f[e])
    }

    static func japanese(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ cueBefore: CueEdges,
                         _ cueAfter: CueEdges, _ at: [Int], _ out: inout [Candidate]) {
        guard !model.japaneseSurnames.isEmpty, doc.folded.count >= 2 else { return }
        let w = weights
        let f = doc.folded
        let n = f.count
        for i in at where !edges.crosses(i) {
            for L in stride(from: 3, through: 2, by: -1) where i + L < n && model.japaneseSurnames.contains(packedScalars(f, i, i + L)) {
                guard (i..<(i + L)).allSatisfy({ doc.owner[$0] < 0 }) else { continue }
                var best: Candidate? = nil
                for G in 1...3 {
                    let e = i + L + G
                    guard e <= n, doc.owner[e - 1] < 0, FoldTable.isHan(f[e - 1]),
                          !notGiven.contains(f[e - 1]) || japaneseYaEnd(f, G, e),
                          !TranslitContext.japaneseNonNameEnds.contains(f[e - 1]) else { break }
                    var s: Float = 0
                    for k in (i + L)..<e { s += model.givenScores(f[k])?.japanese ?? model.unknownGiven }
                    s = s / Float(G) * 2
                    if edges.crosses(e) { s -= w.crossPenalty }
                    if edges.isToken(i, e) { s -= w.wholeWord }
                    s += context(doc, model, i, e, cueBefore, cueAfter)
                    NameModelTuning.trace?("name-model-japanese \(doc.string(i, e)) \(s)")
                    // The best score; but a two-character given name that reaches the threshold
                    // and ends on an ICU word edge beats a one-character one (三船久|藏, 後藤真|希,
                    // 今川盛|揮 scored higher cut short). Not three for two: on the news corpus the
                    // third character was mostly the next word (長島昭久|寫, 谷崎泰明|代).
                    let longer = G == 2 && !edges.crosses(e) && best.map({ $0.end == e - 1 }) ?? false
                    if s >= w.japanese, longer || best.map({ s + 1 > $0.score }) ?? true,
                       !TranslitContext.blocks(doc, model, i, e, cueBefore, cueAfter) {
                        best = Candidate(start: i, end: e, score: s + 1, rule: "name-model-japanese")
                    }
                }
                if let best { out.append(best); break }
            }
        }
    }
}
