import Foundation

/// Names of historical and well-known people (`name-known.tsv`, made by
/// `scripts/import-known-names` from Chinese-Names-Corpus): 諸葛亮, 秦始皇, 忽必烈, 釋迦牟尼. They
/// are evidence that a string is a name, not who it is: a name found through this list has no id,
/// and its canonical is its folded Traditional form (unless `people.tsv` lists the person, whose
/// entry then tags it first).
///
/// Rows group the names by first character (`first`), `|`-separated in `names`. Keys are the
/// names' characters as the name model reads them (`NameModel.nameChar` after the lexicon's fold),
/// so a name written in Simplified characters is found too (诸葛亮).
package struct KnownNames: Sendable {
    /// A name of up to six characters, packed 21 bits a character: the first three in `a`, the
    /// rest in `b` (characters are never 0, so names of different lengths never share a key).
    typealias Key = PackedKey
    /// Names the list holds (at least `minLength` and at most `maxLength` characters) in an
    /// open-addressing table with a multiplicative hash: the scan looks up a few keys at every
    /// word edge after a listed first character, and `Set`'s hashing made that a tenth of the
    /// tag stage.
    let table: PackedKeyTable
    package var count: Int { table.count }
    /// Bitmap over the BMP of the first characters of the names (as `NameModel.nameChar` gives
    /// them): the lookup tests it before it builds a key.
    let firstChars: [UInt64]
    /// The BMP characters, as the folded text holds them, whose name-model fold is such a first
    /// character: the scan visits only their positions (`marks16`, `NameModel.scan`).
    let startChars: ScalarSet
    /// The name model's `marks16` with `NameModel.Mark.known` set on `startChars` (when the list
    /// holds names): the table `NameModel.scan` reads, so that one pass finds where each of the
    /// name finder's scans starts. Empty for the empty list (the scan then reads the model's).
    let marks16: [UInt8]
    /// Names of two characters (韓信, 劉邦) are held too, but taken only with context
    /// (`KnownNameRule.short`); `longest` finds names of `longLength` characters or more.
    /// Dynasties whose emperors the list names as dynasty + temple or posthumous name (唐玄宗,
    /// 漢武帝, 清聖祖), and the last characters of such names (hand-written: the dynasties of
    /// China's standard histories; 宗 and 祖 of temple names, 帝 of posthumous ones).
    static let dynasties = ScalarSet("夏商周秦漢晉隋唐宋元明清魏蜀吳齊梁陳遼金")
    static let templeEnds = ScalarSet("宗祖帝")
    /// Middle characters that make no temple name without the dynasty (大帝, 上帝).
    static let templeNot = ScalarSet("大上")
    static let minLength = 2
    static let longLength = 3
    static let maxLength = 6

    /// Bitmap over the BMP of the second characters of the names (as `NameModel.nameChar` gives
    /// them).
    let secondChars: [UInt64]
    /// A filter of the names' first two characters as the folded text holds them (every BMP
    /// pair whose name-model folds are a name's first two characters), `pairBits` bits hashed:
    /// a position whose pair is not in it starts no listed name, found with one bit test where
    /// `longest` read two fold entries and probed `slots` (in perf, the slot probe was a third
    /// of this rule's time: a cache miss at most starts).
    let pairs: [UInt64]
    /// The same filter over the first two characters of every name, those of two characters
    /// (`holdsPair`) too: a position whose pair is not in it starts no listed name of any length,
    /// and `NameModel.scan` leaves it out of the known names' starts.
    let startPairs: [UInt64]
    static let pairBits = 17
    @inline(__always) static func pairBit(_ c: UInt32, _ d: UInt32) -> Int {
        Int((c &* 0x9E37_79B1 &+ d &* 0x85EB_CA77) >> UInt32(32 - pairBits))
    }
    package var isEmpty: Bool { count == 0 }

    /// An empty list: nothing is found through it.
    init() {
        table = PackedKeyTable([])
        firstChars = []
        secondChars = []
        startChars = ScalarSet([])
        pairs = []
        startPairs = []
        marks16 = []
    }

    /// Whether the list holds the name packed as `k`.
    @inline(__always) func contains(_ k: Key) -> Bool { table.contains(k) }

    /// Reads the `name-known` rows of `entries`; `fold` is the lexicon's fold and `model` the
    /// name model, whose character-level Simplified fold the keys go through.
    init(entries: [DictionaryEntry], kinds: [DictionaryKind], fold: FoldTable, model: NameModel) {
        var keys = Set<Key>()
        var first = [UInt64](repeating: 0, count: 1024)
        var second = [UInt64](repeating: 0, count: 1024)
        var any = false
        for i in entries.indices where kinds[i] == .nameKnown {
            guard let list = entries[i].fields["names"] else { continue }
            any = true
            var a: UInt64 = 0, b: UInt64 = 0, len = 0, ok = true
            func finish() {
                if ok && len >= KnownNames.minLength && len <= KnownNames.maxLength {
                    keys.insert(Key(a: a, b: b))
                }
                a = 0; b = 0; len = 0; ok = true
            }
            var name: [UInt32] = []
            // A dynasty's emperor named by temple or posthumous name (唐玄宗, 漢景帝, 漢光武帝) is
            // named without the dynasty too (玄宗, 景帝, 光武帝): the rest is a name of the list
            // as well, found like its other names (two characters only with context).
            func finishName() {
                if ok && (len == 3 || len == 4) && KnownNames.dynasties.contains(name[0])
                    && KnownNames.templeEnds.contains(name[len - 1]) && !KnownNames.templeNot.contains(name[1]) {
                    var a2: UInt64 = 0
                    for c in name.dropFirst() { a2 = a2 << 21 | UInt64(c) }
                    keys.insert(Key(a: a2, b: 0))
                    if name[1] < 0x10000 { first[Int(name[1] >> 6)] |= 1 << UInt64(name[1] & 63) }
                    if name[2] < 0x10000 { second[Int(name[2] >> 6)] |= 1 << UInt64(name[2] & 63) }
                }
                name = []
                finish()
            }
            for u in list.unicodeScalars {
                if u.value == 0x7C { finishName(); continue }
                let c = model.nameChar(fold.fold(u.value))
                guard FoldTable.isHan(c), len < KnownNames.maxLength else { ok = false; continue }
                if len == 0, c < 0x10000 { first[Int(c >> 6)] |= 1 << UInt64(c & 63) }
                if len == 1, c < 0x10000 { second[Int(c >> 6)] |= 1 << UInt64(c & 63) }
                if len < 3 { a = a << 21 | UInt64(c) } else { b = b << 21 | UInt64(c) }
                len += 1
                name.append(c)
            }
            finishName()
        }
        self.table = PackedKeyTable(keys)
        self.firstChars = any ? first : []
        self.secondChars = any ? second : []
        var starts = ScalarSet([])
        // The BMP characters whose name-model fold is a first or second character of a name.
        var written: [UInt32: [UInt32]] = [:]
        if any {
            for c in 0..<UInt32(0x10000) {
                let a = model.nameChar(c)
                guard a < 0x10000 else { continue }
                let bit: UInt64 = 1 << UInt64(a & 63)
                if first[Int(a >> 6)] & bit != 0 { starts.insert(c) }
                if (first[Int(a >> 6)] | second[Int(a >> 6)]) & bit != 0 { written[a, default: []].append(c) }
            }
        }
        self.startChars = starts
        var marks = model.marks16
        if keys.count > 0 && marks.count == 0x10000 {
            starts.forEachMember { c in if c < 0x10000 { marks[Int(c)] |= NameModel.Mark.known } }
        }
        self.marks16 = marks
        // Names whose first or second character is outside the BMP are never found (`longest`).
        // The names of two characters (a key below 1 << 42) go into `startPairs` only.
        var pairs = [UInt64](repeating: 0, count: any ? (1 << KnownNames.pairBits) / 64 : 0)
        var startPairs = pairs
        for k in keys {
            let long = k.a >= 1 << 42
            let t0 = UInt32(long ? k.a >> 42 : k.a >> 21), t1 = UInt32((long ? k.a >> 21 : k.a) & 0x1F_FFFF)
            guard t0 < 0x10000, t1 < 0x10000 else { continue }
            for c in written[t0] ?? [] {
                for d in written[t1] ?? [] {
                    let b = KnownNames.pairBit(c, d)
                    if long { pairs[b >> 6] |= 1 << UInt64(b & 63) }
                    startPairs[b >> 6] |= 1 << UInt64(b & 63)
                }
            }
        }
        self.pairs = pairs
        self.startPairs = startPairs
    }

    /// The end of the longest listed name that starts at `i` and ends where `ends(e)` allows, or
    /// nil. `f` is the folded text, `owner` its owners (a name takes free characters only).
    func longest(_ f: [UInt32], _ owner: [Int32], at i: Int, model: NameModel, ends: (Int) -> Bool) -> Int? {
        guard count > 0, i + 1 < f.count, f[i] < 0x10000, f[i + 1] < 0x10000 else { return nil }
        let pair = KnownNames.pairBit(f[i], f[i + 1])
        guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return nil }
        let c0 = model.nameChar(f[i])
        guard c0 < 0x10000, firstChars[Int(c0 >> 6)] & (1 << UInt64(c0 & 63)) != 0 else { return nil }
        var a: UInt64 = 0, b: UInt64 = 0
        var best: Int? = nil
        var k = i
        while k < f.count && k - i < KnownNames.maxLength {
            guard owner[k] < 0 else { break }
            let c = k == i ? c0 : model.nameChar(f[k])
            guard FoldTable.isHan(c) else { break }
            if k == i + 1 && (c >= 0x10000 || secondChars[Int(c >> 6)] & (1 << UInt64(c & 63)) == 0) { break }
            if k - i < 3 { a = a << 21 | UInt64(c) } else { b = b << 21 | UInt64(c) }
            k += 1
            if k - i >= KnownNames.longLength && ends(k) && contains(Key(a: a, b: b)) { best = k }
        }
        return best
    }

    /// Whether the list holds the two characters at `i` as a name (each read as `NameModel.nameChar`).
    func holdsPair(_ f: [UInt32], at i: Int, model: NameModel) -> Bool {
        guard count > 0, i + 1 < f.count else { return false }
        let c0 = model.nameChar(f[i]), c1 = model.nameChar(f[i + 1])
        guard c0 < 0x10000, c1 < 0x10000, firstChars[Int(c0 >> 6)] & (1 << UInt64(c0 & 63)) != 0,
              secondChars[Int(c1 >> 6)] & (1 << UInt64(c1 & 63)) != 0 else { return false }
        return contains(Key(a: UInt64(c0) << 21 | UInt64(c1), b: 0))
    }

    /// `wenxi dict check` rules for `name-known` rows: `first` is one Han character and every name
    /// of `names` starts with it and has `minLength`–`maxLength` (2–6) Han characters.
    static func problems(_ entries: [DictionaryEntry]) -> [DictionaryProblem] {
        var out: [DictionaryProblem] = []
        for e in entries where e.kind == .nameKnown {
            let first = e.canonical.unicodeScalars
            guard first.count == 1, let f = first.first, FoldTable.isHan(f.value) else {
                out.append(.init(file: e.file, line: e.line, message: "name-known '\(e.canonical)' is not one Han character"))
                continue
            }
            for name in (e.fields["names"] ?? "").split(separator: "|", omittingEmptySubsequences: false) {
                let u = name.unicodeScalars
                if u.first != f || u.count < minLength || u.count > maxLength || !u.allSatisfy({ FoldTable.isHan($0.value) }) {
                    out.append(.init(file: e.file, line: e.line,
                                     message: "name-known '\(name)' of \(e.id) is not \(minLength)–\(maxLength) Han characters starting with '\(e.canonical)'"))
                }
            }
        }
        return out
    }
}

/// `rule:name-known`: a name of `KnownNames` in free text, starting and ending on ICU word edges
/// (so 黃河水 is no 黃河|水 match of a name 黃河水, and 理律師 no name in 處理|律師), that is no
/// blocker of the name model (world place names).
enum KnownNameRule {
    /// The score of a known name among the name model's candidates: above any Chinese name the
    /// model scores (a known name beats a shorter or shifted guess), below transliterations (20+)
    /// and Latin names (30), which are found from their own, stronger evidence.
    static let score: Float = 18

    /// Below the longer known names and transliterations: a two-character known name yields to them.
    static let shortScore: Float = 17

    /// A two-character known name at `i` (韓信, 劉邦): free, one whole ICU word (ICU's dictionary
    /// holds the well-known ones; a name cut out of a longer one, 王韶|之, is none), no
    /// blocker, and context of at least `Weights.knownShort` around it (`NameFinder.context`: a
    /// title, a verb, encyclopedic context, punctuation, a list). Half the two-character names of
    /// history are also words, so the list alone is not enough.
    static let templeEnds = ScalarSet("宗祖帝")

    static func short(_ doc: TaggingDocument, _ model: NameModel, _ known: KnownNames, _ edges: NameFinder.Edges, _ i: Int) -> Bool {
        let f = doc.folded
        let e = i + 2
        // ICU writes a temple name it does not know as two words (玄|宗): taken so when it ends as
        // one does (宗, 祖, 帝).
        guard e <= f.count, doc.owner[i] < 0, doc.owner[i + 1] < 0, !edges.crosses(e),
              edges.isToken(i, e) || (templeEnds.contains(f[i + 1]) && edges.isToken(i, i + 1) && edges.isToken(i + 1, e)),
              // Part of a dotted name (喬治·華盛頓): not a name alone.
              e == f.count || f[e] != 0xB7, i == 0 || f[i - 1] != 0xB7,
              FoldTable.isHan(f[i]), FoldTable.isHan(f[i + 1]), known.holdsPair(f, at: i, model: model),
              !model.isBlocker(f, i, e), !TranslitContext.headAfter(f, e),
              !runsOn(f, model, i, e) else { return false }
        return NameFinder.context(doc, model, i, e, edges.before, edges.after) >= NameFinder.weights.knownShort
    }

    /// A transliterated name (every character a transliteration character) with a transliteration
    /// character right before or after it: it is part of a longer transliteration (格林|維爾,
    /// 保羅|費雷拉), not a name of its own. Chinese names (劉邦) are not concerned.
    static func runsOn(_ f: [UInt32], _ model: NameModel, _ i: Int, _ e: Int) -> Bool {
        guard (i..<e).allSatisfy({ NameFinder.translitChar(model, f[$0]) != nil }) else { return false }
        return (e < f.count && NameFinder.translitChar(model, f[e]) != nil) || (i > 0 && NameFinder.translitChar(model, f[i - 1]) != nil)
    }

    /// `at`: the positions whose character may start a listed name with the next one
    /// (`NameModel.Scan.known`).
    static func find(_ doc: TaggingDocument, _ model: NameModel, _ known: KnownNames, _ edges: NameFinder.Edges,
                     _ at: [Int], _ out: inout [NameFinder.Candidate]) {
        guard !known.isEmpty else { return }
        let f = doc.folded
        let owner = doc.owner
        var i = 0, cursor = 0
        while i < f.count {
            // Most characters start no listed name: only the positions of `at` are visited.
            i = NameModel.next(at, &cursor, from: i, end: f.count)
            guard i < f.count else { break }
            guard owner[i] < 0, !edges.crosses(i),
                  let e = known.longest(f, owner, at: i, model: model, ends: { !edges.crosses($0) }),
                  !model.isBlocker(f, i, e), !TranslitContext.headAfter(f, e) else {
                // `holdsPair` first: `short` requires it, and most positions fail it (two bit tests).
                if known.holdsPair(f, at: i, model: model) && short(doc, model, known, edges, i) {
                    NameModelTuning.trace?("name-known \(doc.string(i, i + 2))")
                    out.append(NameFinder.Candidate(start: i, end: i + 2, score: shortScore, rule: "name-known"))
                    i += 2
                } else {
                    i += 1
                }
                continue
            }
            NameModelTuning.trace?("name-known \(doc.string(i, e))")
            out.append(NameFinder.Candidate(start: i, end: e, score: score, rule: "name-known"))
            i = e
        }
    }
}
