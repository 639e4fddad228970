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

/// People who are in no list, found from the cue words of `person-cues.tsv` and the surnames of
/// `surnames.tsv`. A name is a surname (single or compound) plus one or two given-name characters.
///
/// - `rule:person-title`: a title or role right before the name (市長張善政, 記者葉臻); the name
///   takes two given-name characters unless the second one cannot be part of a name (a function
///   word, a cue such as 說, or the start of another entity: 記者葉臻|桃園). A list of names after
///   one title continues through `、` (記者王揚宇、楊堯茹台北20日電).
/// - `rule:person-verb`: a speech or action verb right after the name (張善政說), the name
///   standing after a boundary: punctuation, the text's start, a title, or another entity.
/// - `rule:person-credit`: names after a credit label: （編輯：林恕暉）, （譯者：…／核稿：…）.
/// - `rule:person-repeat`: a name found by the rules above, found again elsewhere in the document.
///
/// Guards against a surname followed by a common word: given-name characters are Han and not
/// function words (`nonNameCharacters`); nothing overlaps a dictionary entity; a two-character
/// name found only by a verb must not be a single ICU dictionary word (官員說, 公司表示).
enum PersonRules {
    /// Characters that do not occur in given names of the press's people, only as function words
    /// after or around names. Deliberately short: a character here can never start a given name.
    static let nonNameCharacters: Set<UInt32> = Set(
        "的了是在和與及或也都又就還而並但於對從向把被讓給以之其這那此該各每某等說今昨日月年指認稱將已曾會要到來去上下等們者".unicodeScalars.map(\.value))
    /// Characters allowed right before a name found by a verb (besides punctuation and entities).
    static let beforeNameCharacters: Set<UInt32> = Set("和與及跟、向對由據但並".unicodeScalars.map(\.value))

    static func apply(_ doc: inout TaggingDocument) {
        var found: [Mention] = []
        var cueEnds = Set<Int>(), cueStarts = Set<Int>()
        for c in doc.cues { cueEnds.insert(c.end); cueStarts.insert(c.start) }

        for c in doc.cues where c.role == .credit {
            found += creditNames(&doc, after: c.end)
        }
        for c in doc.cues where c.role == .before {
            var at = c.end
            while let m = titledName(&doc, at: at, cueStarts: cueStarts) {
                found.append(m)
                // A list after one title: 王揚宇、楊堯茹
                guard m.end < doc.folded.count, doc.folded[m.end] == 0x3001 else { break }
                at = m.end + 1
            }
        }
        for c in doc.cues where c.role == .after {
            if let m = verbName(&doc, end: c.start, cueEnds: cueEnds) { found.append(m) }
        }
        for m in found { doc.propagate(Mention(start: m.start, end: m.end, type: "person", candidates: [], rule: "person-repeat", canonical: m.canonical)) }
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

    static func accept(_ doc: inout TaggingDocument, _ start: Int, _ end: Int, rule: String) -> Mention? {
        guard doc.isFree(start, end) else { return nil }
        let m = Mention(start: start, end: end, type: "person", candidates: [], rule: rule, canonical: doc.string(start, end))
        doc.add(m)
        return m
    }

    static func titledName(_ doc: inout TaggingDocument, at b: Int, cueStarts: Set<Int>) -> Mention? {
        for L in surnameLengths(doc, at: b) {
            guard (b..<(b + L)).allSatisfy({ i in i < doc.folded.count && doc.owner[i] < 0 }),
                  nameChar(doc, b + L) else { continue }
            let second = b + L + 1
            let two = nameChar(doc, second) && !cueStarts.contains(second)
            return accept(&doc, b, b + L + (two ? 2 : 1), rule: "person-title")
        }
        return nil
    }

    static func verbName(_ doc: inout TaggingDocument, end a: Int, cueEnds: Set<Int>) -> Mention? {
        func boundaryBefore(_ s: Int) -> Bool {
            if s == 0 { return true }
            let c = doc.folded[s - 1]
            if !FoldTable.isHan(c) { return true }
            if doc.owner[s - 1] >= 0 || cueEnds.contains(s) { return true }
            return beforeNameCharacters.contains(c)
        }
        for n in [3, 2, 4] {
            let s = a - n
            guard s >= 0, boundaryBefore(s) else { continue }
            for L in surnameLengths(doc, at: s) where n - L >= 1 && n - L <= 2 {
                guard ((s + L)..<a).allSatisfy({ nameChar(doc, $0) }),
                      (s..<(s + L)).allSatisfy({ doc.owner[$0] < 0 }) else { continue }
                if n == 2 && isSingleWord(doc, s, a) { continue }
                return accept(&doc, s, a, rule: "person-verb")
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

    /// Names after a credit label: `編輯：林恕暉`, `譯者：陳昶翰／核稿：趙蔚蘭`, `編輯：陳家倫/屈亦偉`.
    static func creditNames(_ doc: inout TaggingDocument, after b: Int) -> [Mention] {
        var i = b
        guard i < doc.folded.count, doc.folded[i] == 0x3A /* ： folds to : */ else { return [] }
        i += 1
        var out: [Mention] = []
        while i < doc.folded.count {
            var j = i
            while j < doc.folded.count && FoldTable.isHan(doc.folded[j]) && j - i < 5 { j += 1 }
            let len = j - i
            // A label of the next credit (核稿：) is not a name.
            if j < doc.folded.count && doc.folded[j] == 0x3A { break }
            if len >= 2 && len <= 4, let m = accept(&doc, i, j, rule: "person-credit") { out.append(m) }
            guard j < doc.folded.count else { break }
            let sep = doc.folded[j]
            // 、 / ／(folded to /) separate names; anything else ends the credit.
            if sep == 0x3001 || sep == 0x2F || sep == 0x20 { i = j + 1 } else { break }
        }
        return out
    }
}
