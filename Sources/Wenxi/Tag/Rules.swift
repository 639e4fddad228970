/// `rule:quoted-body`: a body named in corner quotes, 「智慧城鄉發展委員會」, whose name ends with a
/// head word that the dictionaries' own agency or organization names end with (委員會, 局, 大學 …,
/// see `Lexicon.bodyHeads`). The press quotes the name of a body that is being set up or renamed,
/// which no list can hold yet. Its later unquoted mentions are found too.
enum QuotedBodyRule {
    static let open: UInt32 = 0x300C   // 「
    static let close: UInt32 = 0x300D  // 」

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        guard lex.maxBodyHeadLength > 0 else { return }
        var found: [Mention] = []
        var i = 0
        while i < doc.folded.count {
            guard doc.folded[i] == open else { i += 1; continue }
            var j = i + 1
            while j < doc.folded.count && j - i <= 24 && doc.folded[j] != close && FoldTable.isHan(doc.folded[j]) { j += 1 }
            defer { i = j }
            guard j < doc.folded.count, doc.folded[j] == close else { continue }
            let start = i + 1, end = j
            let len = end - start
            guard len >= 4 else { continue }
            // Already one dictionary entity: nothing to add.
            if doc.owner[start] >= 0, doc.mentions[Int(doc.owner[start])].start == start,
               doc.mentions[Int(doc.owner[start])].end == end { continue }
            var kind: String? = nil
            for k in stride(from: min(lex.maxBodyHeadLength, len - 2), through: 1, by: -1) {
                if let t = lex.bodyHeads[doc.foldedString(end - k, end)] { kind = t; break }
            }
            guard let type = kind else { continue }
            let m = Mention(start: start, end: end, type: type, candidates: [], rule: "quoted-body",
                            canonical: doc.string(start, end))
            doc.clear(start, end)
            doc.add(m)
            found.append(m)
        }
        for m in found { doc.propagate(m) }
    }
}

/// People who are in no list, found from the cues of `person-cues.tsv` and the surnames of
/// `surnames.tsv`. A name is a surname (single or compound) plus one or two given-name characters.
/// Each finding's source names the rule and the cue's id, e.g. `rule:person-title:cue.045`.
///
/// - `person-credit`: a credit or dateline template matched in full, its `{name}`/`{names}`
///   slots giving the names: （編輯：林恕暉）, （譯者：…／核稿：…）, （中央社記者葉臻桃園19日電）. A
///   `{place}` slot is first tried as a dictionary place (so 葉臻|桃園 splits right).
/// - `person-title`: a title or role right before the name (市長張善政); the name takes two
///   given-name characters unless the second cannot be part of a name (a function word, a cue
///   such as 說, or the start of another entity). A list continues through `、`.
/// - `person-verb`: a verb or title right after the name (張善政說), the name standing after a
///   boundary: punctuation, the text's start, a title, another entity, or 和/與/及…. A weak verb
///   (`verb-weak`: 出席, 主持) needs punctuation, the start, a title or an entity before the name.
/// - `person-repeat`: a name found by the rules above, found again elsewhere in the document.
///
/// Guards against a surname followed by a common word: given-name characters are Han and not
/// function words (`nonNameCharacters`); nothing overlaps a dictionary entity; a two-character
/// name found only by a verb must not be a single ICU dictionary word (官員說, 公司表示).
enum PersonRules {
    /// Characters that do not occur in given names of the press's people, only as function words
    /// after or around names. Deliberately short: a character here can never start a given name.
    static let nonNameCharacters: Set<UInt32> = Set(
        "的了是在和與及或也都又就還而並但於對從向把被讓給以之其這那此該各每某等說今昨日月年指認稱將已曾會要到來去上下們者".unicodeScalars.map(\.value))
    /// Characters allowed right before a name found by a verb (besides punctuation and entities).
    static let beforeNameCharacters: Set<UInt32> = Set("和與及跟、向對由據但並".unicodeScalars.map(\.value))
    static let separators: Set<UInt32> = [0x3001, 0x2F, 0x20]
    static let chineseDigits: Set<UInt32> = Set("〇零一二三四五六七八九十廿卅".unicodeScalars.map(\.value))

    static func apply(_ doc: inout TaggingDocument) {
        var found: [Mention] = []
        var cueEnds = Set<Int>(), cueStarts = Set<Int>()
        for c in doc.cues where c.hit.role != .credit { cueEnds.insert(c.end); cueStarts.insert(c.start) }

        for c in doc.cues where c.hit.role == .credit {
            let t = doc.lexicon.templates[c.hit.template]
            guard let names = match(doc, t, at: c.start, dictionaryPlaces: true) ?? match(doc, t, at: c.start, dictionaryPlaces: false) else { continue }
            for r in names {
                if let m = accept(&doc, r.lowerBound, r.upperBound, rule: "person-credit:\(t.id)", allowPerson: true) { found.append(m) }
            }
        }
        for c in doc.cues where c.hit.role == .before {
            var at = c.end
            while let m = titledName(&doc, at: at, cueStarts: cueStarts, rule: "person-title:\(c.hit.id)") {
                found.append(m)
                // A list after one title: 王揚宇、楊堯茹
                guard m.end < doc.folded.count, doc.folded[m.end] == 0x3001 else { break }
                at = m.end + 1
            }
        }
        for c in doc.cues where c.hit.role == .after {
            if let m = verbName(&doc, end: c.start, cueEnds: cueEnds, weak: c.hit.weak, rule: "person-verb:\(c.hit.id)") { found.append(m) }
        }
        var seen = Set<String>()
        for m in found where seen.insert(m.canonical ?? "").inserted {
            doc.propagate(Mention(start: m.start, end: m.end, type: "person", candidates: [], rule: "person-repeat", canonical: m.canonical))
        }
    }

    /// Surname lengths that fit at `pos`, longest first.
    static func surnameLengths(_ doc: TaggingDocument, at pos: Int) -> [Int] {
        var out: [Int] = []
        var k = min(doc.lexicon.maxSurnameLength, doc.folded.count - pos)
        while k >= 1 {
            if doc.lexicon.surnames.contains(doc.foldedString(pos, pos + k)) { out.append(k) }
            k -= 1
        }
        return out
    }

    static func nameChar(_ doc: TaggingDocument, _ i: Int) -> Bool {
        guard i >= 0 && i < doc.folded.count else { return false }
        let c = doc.folded[i]
        return FoldTable.isHan(c) && !nonNameCharacters.contains(c) && doc.owner[i] < 0
    }

    /// Adds a person at `start..<end` if the span is free (or, with `allowPerson`, exactly one
    /// dictionary person already).
    static func accept(_ doc: inout TaggingDocument, _ start: Int, _ end: Int, rule: String, allowPerson: Bool = false) -> Mention? {
        if allowPerson, start < doc.owner.count, doc.owner[start] >= 0 {
            let m = doc.mentions[Int(doc.owner[start])]
            if m.type == "person" && m.start == start && m.end == end { return m }
        }
        guard doc.isFree(start, end) else { return nil }
        let m = Mention(start: start, end: end, type: "person", candidates: [], rule: rule, canonical: doc.string(start, end))
        doc.add(m)
        return m
    }

    static func titledName(_ doc: inout TaggingDocument, at b: Int, cueStarts: Set<Int>, rule: String) -> Mention? {
        for L in surnameLengths(doc, at: b) {
            guard (b..<(b + L)).allSatisfy({ i in i < doc.folded.count && doc.owner[i] < 0 }),
                  nameChar(doc, b + L) else { continue }
            let second = b + L + 1
            let two = nameChar(doc, second) && !cueStarts.contains(second)
            return accept(&doc, b, b + L + (two ? 2 : 1), rule: rule)
        }
        return nil
    }

    static func verbName(_ doc: inout TaggingDocument, end a: Int, cueEnds: Set<Int>, weak: Bool, rule: String) -> Mention? {
        func boundaryBefore(_ s: Int) -> Bool {
            if s == 0 { return true }
            let c = doc.folded[s - 1]
            if !FoldTable.isHan(c) { return true }
            if doc.owner[s - 1] >= 0 || cueEnds.contains(s) { return true }
            return !weak && beforeNameCharacters.contains(c)
        }
        for n in [3, 2, 4] {
            let s = a - n
            guard s >= 0, boundaryBefore(s) else { continue }
            for L in surnameLengths(doc, at: s) where n - L >= 1 && n - L <= 2 {
                guard ((s + L)..<a).allSatisfy({ nameChar(doc, $0) }),
                      (s..<(s + L)).allSatisfy({ doc.owner[$0] < 0 }) else { continue }
                if n == 2 && isSingleWord(doc, s, a) { continue }
                return accept(&doc, s, a, rule: rule)
            }
        }
        return nil
    }

    /// True when ICU's dictionary segmentation keeps `start..<end` as one word (a common word).
    static func isSingleWord(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        var lo = 0, hi = doc.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.tokens[mid].start < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < doc.tokens.count && doc.tokens[lo].start == start && doc.tokens[lo].end == end
    }

    /// Matches a credit/dateline template at `pos`; the name spans of its slots, or nil.
    static func match(_ doc: TaggingDocument, _ t: CueTemplate, at pos: Int, dictionaryPlaces: Bool) -> [Range<Int>]? {
        let f = doc.folded
        let n = f.count
        // A name in a credit: surname first, 2–4 Han characters, not inside a non-person entity.
        func nameLengths(_ i: Int) -> [Int] {
            guard !surnameLengths(doc, at: i).isEmpty else { return [] }
            return [3, 2, 4].filter { len in
                i + len <= n && (i..<(i + len)).allSatisfy { k in
                    FoldTable.isHan(f[k]) && (doc.owner[k] < 0 || doc.mentions[Int(doc.owner[k])].type == "person")
                }
            }
        }
        var budget = 400
        func go(_ k: Int, _ i: Int, _ names: [Range<Int>]) -> [Range<Int>]? {
            budget -= 1
            if budget < 0 { return nil }
            if k == t.parts.count { return names }
            switch t.parts[k] {
            case .literal(let lit):
                guard i + lit.count <= n, Array(f[i..<(i + lit.count)]) == lit else { return nil }
                return go(k + 1, i + lit.count, names)
            case .name:
                for len in nameLengths(i) { if let r = go(k + 1, i + len, names + [i..<(i + len)]) { return r } }
                return nil
            case .names:
                for len in nameLengths(i) {
                    let more = names + [i..<(i + len)]
                    if i + len + 1 < n, separators.contains(f[i + len]), let r = go(k, i + len + 1, more) { return r }
                    if let r = go(k + 1, i + len, more) { return r }
                }
                return nil
            case .place:
                if dictionaryPlaces {
                    guard i < n, doc.owner[i] >= 0 else { return nil }
                    let m = doc.mentions[Int(doc.owner[i])]
                    guard m.type == "place", m.start == i else { return nil }
                    return go(k + 1, m.end, names)
                }
                var len = 1
                while i + len <= n && len <= 8 && FoldTable.isHan(f[i + len - 1]) {
                    if len >= 2, let r = go(k + 1, i + len, names) { return r }
                    len += 1
                }
                return nil
            case .day:
                var j = i
                while j < n && j - i < 3 && ((f[j] >= 0x30 && f[j] <= 0x39) || chineseDigits.contains(f[j])) { j += 1 }
                return j > i ? go(k + 1, j, names) : nil
            case .date:
                var j = i
                while j < n && j - i < 8 && f[j] >= 0x30 && f[j] <= 0x39 { j += 1 }
                return j - i >= 7 ? go(k + 1, j, names) : nil
            }
        }
        return go(0, pos, [])
    }
}
