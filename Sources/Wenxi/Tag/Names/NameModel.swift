import Foundation

/// The statistical part of finding people no list holds, read from the `name-*.tsv` tables that
/// `scripts/build-name-tables` makes from whole public lists (see Dictionaries/README.md):
///
/// - `name-surname` (name-surnames.tsv): how often each surname starts a name;
/// - `name-char` (name-characters.tsv): per character, how often it is the sole, first or second
///   given-name character, a Japanese given-name character, and how often it occurs in ordinary
///   text; its Simplified form (`simplified`), so names in Simplified text are looked up
///   character by character (张 → 張, while 周 stays 周);
/// - `name-translit` (name-transliteration.tsv): characters of transliterated foreign names;
/// - `name-japanese` (name-japanese.tsv): Japanese surnames;
/// - `name-blocker` (name-blockers.tsv): world place names that are never taken for names.
///
/// Scores are natural-log likelihood ratios: how much likelier a character is in that position
/// of a name than in ordinary text. `NameFinder` adds them with context evidence.
///
/// A class, not a struct: its fields never change after `init`, and the tag stage copied the model
/// out of the lexicon three times a document (`doc.lexicon.names`); as a struct each copy retained
/// and released 27 references (~1.2 k instructions a copy, ~1.8 M at `scripts/tag-instructions
/// --every 30`), as a class one.
package final class NameModel: Sendable {
    /// Log ratios of one character (name position vs ordinary text).
    struct CharScores: Sendable {
        var single: Float
        /// Log share of the character in ordinary text.
        var text: Float
        var first: Float
        var second: Float
        var japanese: Float
    }
    /// Per folded character: its scores as a given-name character.
    let given: [UInt32: CharScores]
    /// Surname (`packedScalars` key of 1–2 scalars) -> log share among names.
    let surnames: [UInt64: Float]
    /// Per transliteration character: log ratio of its share in transliterated names to its
    /// share in ordinary text.
    let translit: [UInt32: Float]
    /// Japanese surnames of 2–3 scalars (`packedScalars` keys).
    let japaneseSurnames: Set<UInt64>
    /// Folded blocker names (`packedScalars` keys, names of up to 3 scalars) and longer ones.
    /// Asked through `isBlocker`.
    let blockers: Set<[UInt32]>
    /// The blockers' first two scalars, hashed to `KnownNames.pairBits` bits (`KnownNames.pairBit`):
    /// a span whose pair is not in it is no blocker, told without building and hashing the
    /// `[UInt32]` key `blockers` needs (that cost ~1,000 instructions a look-up, a dozen per
    /// `TranslitContext.blocks`).
    private let blockerPairs: [UInt64]
    /// Given names in Latin letters, as scalars of the capitalised form (`name-latin-given`).
    let latinGiven: Set<[UInt32]>
    /// Simplified -> Traditional, character level, for the characters of the tables.
    let nameFold: [UInt32: UInt32]
    /// Bitmap over the BMP of the characters `given` or `surnames` (as a single surname) holds
    /// under their own code: `canonicalName` tests it where it looked both dictionaries up.
    private let listed16: [UInt64]
    /// Score of a character no table lists as a given-name character.
    let unknownGiven: Float = -4
    /// The least transliteration score of a Traditional character whose Simplified form, a name
    /// character of its own, shares it (傑 2.9 → 杰; not 裏 1.7 → 里, 範 1.8 → 范).
    static let simplifiedTranslit: Float = 2.5
    package let isEmpty: Bool
    /// The same tables flattened over the BMP, read at every character of every document (a
    /// hash lookup per character and table cost five times the rest of the tagger).
    private let fold16: [UInt32]
    private let compoundFirst: [UInt64]
    /// Bitmap over the BMP of the characters, as written, that may be the second character of a
    /// compound surname (read directly or through the name fold): `surname` hashes a
    /// two-character key only when the second character passes it too (歐陽, 司馬: the first
    /// characters alone let through a few thousand positions on every 30th corpus post).
    private let compoundSecond: [UInt64]
    /// Per BMP character as written: the transliteration score of its folded form (NaN: none).
    private let translit16: [Float]
    private let before16: [Float]
    private let after16: [Float]
    private let japaneseFirst: [UInt64]
    private let japaneseSecond: [UInt64]
    /// The Japanese surnames' first two scalars, hashed to `KnownNames.pairBits` bits
    /// (`KnownNames.pairBit`): a position whose pair passes the two bitmaps above but not this
    /// starts no listed surname (the bitmaps let through ~7,500 positions on every 30th corpus
    /// post, each then hashed twice into `japaneseSurnames`).
    private let japanesePairs: [UInt64]
    /// Per BMP character as written: 1 + its index in `charList`, or 0 when no table knows it.
    /// One lookup in a 128 KB table and one in a short list replace the chain fold16 →
    /// givenIndex → givenList (and fold16 → surname16): on the corpus the name model's time was
    /// mostly cache misses in those three 256 KB tables.
    private let charIndex: [UInt16]
    /// The given-name scores and the single-surname share of a character as written, the name
    /// fold's precedence resolved once (`givenScores`, `surname`).
    private let charList: [CharEntry]
    struct CharEntry: Sendable {
        var given: CharScores?
        /// Log share as a single surname, NaN when it is none.
        var surname: Float
    }
    /// Bitmap over the BMP of the characters a surname (single, or the first of a compound) may
    /// start with, as written (Simplified or Traditional): the scan tests it at every character.
    let surnameStart: [UInt64]
    /// The BMP characters whose transliteration score is at least 0.5 (the least `NameFinder`
    /// takes): the transliteration scan tests it at every character.
    private let translitStart: ScalarSet
    /// Per BMP character as written: the `Mark` bits of the name finder's whole-text scans (a
    /// surname start, a Japanese surname's first character, a transliteration character, an
    /// upper-case Latin letter, a middle dot, a 、). `KnownNames.marks16` adds the known names'
    /// first characters; `scan` reads one of the two at every character, once a document.
    let marks16: [UInt8]
    /// Per BMP character: the `FinderChar` bits of the name finder's hand-written character sets
    /// that `NameFinder.score`, `context` and `translitChar` test at each candidate. Read through
    /// `finderBits`: each test of a static set was a `swift_once` call, and around the call the
    /// compiler saved and restored the score's dozen registers (~30 instructions a test).
    private let finderChars: [UInt8]
    /// The bits of `finderChars`.
    enum FinderChar {
        /// `NameFinder.notGiven`, `placeHeads`, `thingHeads`, `afterSubjectFirst`, `translitStop`.
        static let notGiven: UInt8 = 1, placeHead: UInt8 = 2, thingHead: UInt8 = 4, afterSubject: UInt8 = 8
        static let translitStop: UInt8 = 16
    }
    /// The `FinderChar` bits of the sets holding `c`.
    @inline(__always) func finderBits(_ c: UInt32) -> UInt8 {
        c < 0x10000 && !finderChars.isEmpty ? finderChars[Int(c)] : NameModel.finderBitsOfSets(c)
    }
    /// `finderBits` asked of the sets themselves (a character outside the BMP, the empty model).
    static func finderBitsOfSets(_ c: UInt32) -> UInt8 {
        (NameFinder.notGiven.contains(c) ? FinderChar.notGiven : 0) | (NameFinder.placeHeads.contains(c) ? FinderChar.placeHead : 0)
            | (NameFinder.thingHeads.contains(c) ? FinderChar.thingHead : 0)
            | (NameFinder.afterSubjectFirst.contains(c) ? FinderChar.afterSubject : 0)
            | (NameFinder.translitStop.contains(c) ? FinderChar.translitStop : 0)
    }

    /// The bits of `marks16`.
    enum Mark {
        static let surname: UInt8 = 1, japanese: UInt8 = 2, translit: UInt8 = 4, known: UInt8 = 8
        static let upper: UInt8 = 16, dot: UInt8 = 32, listSep: UInt8 = 64
    }

    /// Per folded character: log ratio of its share right before (after) known names to its share
    /// of text, clamped to [-2, 3] (`name-context.tsv`).
    let before: [UInt32: Float]
    let after: [UInt32: Float]

    /// An empty model: the tagger then finds people from lists and cues only.
    init() {
        given = [:]; surnames = [:]; translit = [:]; japaneseSurnames = []; blockers = []; nameFold = [:]; latinGiven = []
        before = [:]; after = [:]
        isEmpty = true
        fold16 = []; compoundFirst = []; compoundSecond = []; translit16 = []; listed16 = []
        before16 = []; after16 = []; japaneseFirst = []; japaneseSecond = []; japanesePairs = []; surnameStart = []
        charIndex = []; charList = []
        translitStart = ScalarSet([])
        marks16 = []
        finderChars = []
        blockerPairs = []
    }

    /// Fills the flat tables from the dictionaries (called once, at the end of `init`).
    private static func flatten(nameFold: [UInt32: UInt32], given: [UInt32: CharScores], surnames: [UInt64: Float],
                                translit: [UInt32: Float], before: [UInt32: Float], after: [UInt32: Float],
                                japanese: Set<UInt64>)
        -> (fold16: [UInt32], givenIndex: [Int32], givenList: [CharScores], surname16: [Float], compoundFirst: [UInt64],
            translit16: [Float], before16: [Float], after16: [Float], japaneseFirst: [UInt64], japaneseSecond: [UInt64]) {
        var fold16 = (0..<0x10000).map { UInt32($0) }
        for (s, t) in nameFold where s < 0x10000 { fold16[Int(s)] = t }
        var givenIndex = [Int32](repeating: -1, count: 0x10000)
        var givenList: [CharScores] = []
        for (c, g) in given.sorted(by: { $0.key < $1.key }) where c < 0x10000 {
            givenIndex[Int(c)] = Int32(givenList.count)
            givenList.append(g)
        }
        var surname16 = [Float](repeating: .nan, count: 0x10000)
        var compoundFirst = [UInt64](repeating: 0, count: 1024)
        for (k, v) in surnames {
            if k < 0x10000 { surname16[Int(k)] = v } else {
                let first = k >> 21
                if first < 0x10000 { compoundFirst[Int(first >> 6)] |= 1 << (first & 63) }
            }
        }
        var translit16 = [Float](repeating: .nan, count: 0x10000)
        for (c, v) in translit where c < 0x10000 { translit16[Int(c)] = v }
        var before16 = [Float](repeating: 0, count: 0x10000), after16 = [Float](repeating: 0, count: 0x10000)
        for (c, v) in before where c < 0x10000 { before16[Int(c)] = v }
        for (c, v) in after where c < 0x10000 { after16[Int(c)] = v }
        var japaneseFirst = [UInt64](repeating: 0, count: 1024), japaneseSecond = [UInt64](repeating: 0, count: 1024)
        for k in japanese {
            // Keys are 2-3 scalars packed 21 bits each: the first is the top one.
            let first = k >= (1 << 42) ? k >> 42 : k >> 21
            let second = (k >= (1 << 42) ? k >> 21 : k) & 0x1FFFFF
            if first < 0x10000 { japaneseFirst[Int(first >> 6)] |= 1 << (first & 63) }
            if second < 0x10000 { japaneseSecond[Int(second >> 6)] |= 1 << (second & 63) }
        }
        return (fold16, givenIndex, givenList, surname16, compoundFirst, translit16, before16, after16, japaneseFirst, japaneseSecond)
    }

    /// Builds the model from the entries of the `name-*` kinds (`fold` is the lexicon's fold,
    /// applied after the character-level name fold).
    init(entries: [DictionaryEntry], fold: FoldTable) {
        func count(_ e: DictionaryEntry, _ key: String) -> Double { Double(e.fields[key] ?? "") ?? 0 }
        func scalar(_ s: String) -> UInt32? {
            let u = s.unicodeScalars
            return u.count == 1 ? u.first!.value : nil
        }
        var nameChars: [(UInt32, DictionaryEntry)] = []
        var surnameRows: [([UInt32], Double)] = []
        var translitRows: [(UInt32, Double, Double)] = []
        // Simplified forms of transliteration characters (傑 → 杰), for `simplifiedTranslit`.
        var translitSimplified: [(UInt32, UInt32)] = []
        var jp = Set<UInt64>()
        var blockers = Set<[UInt32]>()
        var latinGiven = Set<[UInt32]>()
        var simplifiedOf: [(UInt32, UInt32, Double)] = []
        var contextRows: [(UInt32, Double, Double, Double)] = []
        for e in entries {
            switch e.kind {
            case .nameChar:
                guard let c = scalar(e.canonical) else { continue }
                nameChars.append((c, e))
                if let s = e.fields["simplified"].flatMap(scalar) {
                    simplifiedOf.append((s, c, count(e, "single") + count(e, "first") + count(e, "second") + count(e, "japanese")))
                }
            case .nameSurname:
                surnameRows.append((e.canonical.unicodeScalars.map { fold.fold($0.value) }, count(e, "count")))
            case .nameTranslit:
                if let c = scalar(e.canonical) {
                    translitRows.append((fold.fold(c), count(e, "count"), count(e, "text")))
                    if let s = e.fields["simplified"].flatMap(scalar) {
                        simplifiedOf.append((s, c, count(e, "count")))
                        translitSimplified.append((s, fold.fold(c)))
                    }
                }
            case .nameJapanese:
                for form in [e.canonical, e.fields["simplified"] ?? ""] {
                    let f = form.unicodeScalars.map { fold.fold($0.value) }
                    if f.count >= 2 && f.count <= 3 { jp.insert(packedScalars(f, 0, f.count)) }
                }
            case .nameBlocker:
                blockers.insert(e.canonical.unicodeScalars.map { fold.fold($0.value) })
            case .nameLatinGiven:
                latinGiven.insert(e.canonical.unicodeScalars.map(\.value))
            case .nameContext:
                if let c = scalar(e.canonical) { contextRows.append((fold.fold(c), count(e, "before"), count(e, "after"), count(e, "text"))) }
            case .nameSimplified:
                // Weighted below every name character, so a name character's own pair wins.
                if let c = scalar(e.canonical), let s = e.fields["simplified"].flatMap(scalar) {
                    simplifiedOf.append((s, c, -1 / (1 + count(e, "text"))))
                }
            default:
                break
            }
        }
        // Character-level Simplified -> Traditional: a Simplified character that is not itself a
        // name character of the table maps to the Traditional one most used in names.
        let listed = Set(nameChars.map(\.0)).union(translitRows.map(\.0))
        var best: [UInt32: (UInt32, Double)] = [:]
        for (s, t, n) in simplifiedOf where !listed.contains(s) {
            if let cur = best[s], cur.1 > n || (cur.1 == n && cur.0 < t) { continue }
            best[s] = (t, n)
        }
        nameFold = best.mapValues(\.0)

        // Totals (for probabilities) and scores.
        var tot = (single: 0.0, first: 0.0, second: 0.0, japanese: 0.0, text: 0.0)
        for (_, e) in nameChars {
            tot.single += count(e, "single"); tot.first += count(e, "first"); tot.second += count(e, "second")
            tot.japanese += count(e, "japanese"); tot.text += count(e, "text")
        }
        let v = Double(max(nameChars.count, 1))
        func ratio(_ n: Double, _ total: Double, _ text: Double) -> Float {
            // Additive smoothing on both sides; the text side assumes at least one occurrence.
            let p = (n + 0.5) / (total + 0.5 * v)
            let q = (text + 1) / (tot.text + v)
            return Float(log(p / q))
        }
        var given: [UInt32: CharScores] = [:]
        given.reserveCapacity(nameChars.count)
        for (c, e) in nameChars {
            let text = count(e, "text")
            // A one-character given name is rare in the election list: its own count is mixed
            // with the character's two-character use.
            let single = (count(e, "single") + 0.05 * (count(e, "first") + count(e, "second")))
            given[fold.fold(c)] = CharScores(
                single: ratio(single, tot.single + 0.05 * (tot.first + tot.second), text),
                text: Float(log((text + 1) / (tot.text + v))),
                first: ratio(count(e, "first"), tot.first, text),
                second: ratio(count(e, "second"), tot.second, text),
                japanese: ratio(count(e, "japanese"), tot.japanese, text))
        }
        self.given = given
        let names = surnameRows.reduce(0) { $0 + $1.1 }
        var surnames: [UInt64: Float] = [:]
        for (f, n) in surnameRows where !f.isEmpty && f.count <= 2 {
            surnames[packedScalars(f, 0, f.count)] = Float(log((n + 1) / (names + Double(surnameRows.count))))
        }
        self.surnames = surnames
        let trTotal = translitRows.reduce(0) { $0 + $1.1 }
        var translit: [UInt32: Float] = [:]
        for (c, n, text) in translitRows {
            translit[c] = Float(log(((n + 0.5) / (trTotal + 1)) / ((text + 1) / (tot.text + v))))
        }
        // A Simplified form that is a name character of its own (杰, 琼) is not folded by the
        // name fold, so it had no transliteration score and 伯杰, 琼斯 were no names. It takes its
        // Traditional form's score when transliteration clearly uses that (`simplifiedTranslit`):
        // the form is written in Traditional text too (里, 范, 台 are words there).
        for (s, t) in translitSimplified where translit[s] == nil {
            if let v = translit[t], v >= NameModel.simplifiedTranslit { translit[s] = v }
        }
        self.translit = translit
        self.japaneseSurnames = jp
        // Context: shares among name occurrences against shares of text; totals are the sums.
        let hitsB = contextRows.reduce(0) { $0 + $1.1 }, hitsA = contextRows.reduce(0) { $0 + $1.2 }
        let textAll = max(contextRows.reduce(0) { $0 + $1.3 }, 1)
        var before: [UInt32: Float] = [:], after: [UInt32: Float] = [:]
        for (c, b, a, t) in contextRows {
            let q = (t + 1) / textAll
            before[c] = Float(min(3, max(-2, log(((b + 0.5) / max(hitsB, 1)) / q))))
            after[c] = Float(min(3, max(-2, log(((a + 0.5) / max(hitsA, 1)) / q))))
        }
        self.before = before
        self.after = after
        let flat = NameModel.flatten(nameFold: nameFold, given: given, surnames: surnames, translit: translit,
                                     before: before, after: after, japanese: jp)
        fold16 = flat.fold16
        var listedBits = [UInt64](repeating: 0, count: 1024)
        for c in given.keys where c < 0x10000 { listedBits[Int(c >> 6)] |= 1 << UInt64(c & 63) }
        for k in surnames.keys where k < 0x10000 { listedBits[Int(k >> 6)] |= 1 << (k & 63) }
        listed16 = listedBits
        compoundFirst = flat.compoundFirst; before16 = flat.before16; after16 = flat.after16
        japaneseFirst = flat.japaneseFirst; japaneseSecond = flat.japaneseSecond
        // Keys of two scalars (the first one never 0) are at least 1 << 21.
        var seconds = [UInt64](repeating: 0, count: 1024)
        for k in surnames.keys where k >= 1 << 21 && k & 0x1FFFFF < 0x10000 {
            seconds[Int(k & 0x1FFFFF) >> 6] |= 1 << (k & 63)
        }
        var compSecond = [UInt64](repeating: 0, count: 1024)
        let folded16 = flat.fold16
        for c in 0..<0x10000 {
            let t = Int(folded16[c])
            // A character folded outside the BMP is let through (never the case in the tables).
            if seconds[c >> 6] & (1 << UInt64(c & 63)) != 0 || t >= 0x10000 || seconds[t >> 6] & (1 << UInt64(t & 63)) != 0 {
                compSecond[c >> 6] |= 1 << UInt64(c & 63)
            }
        }
        compoundSecond = compSecond
        var jpPairs = [UInt64](repeating: 0, count: (1 << KnownNames.pairBits) / 64)
        for k in jp {
            let first = k >= (1 << 42) ? k >> 42 : k >> 21
            let second = (k >= (1 << 42) ? k >> 21 : k) & 0x1FFFFF
            let b = KnownNames.pairBit(UInt32(first), UInt32(second))
            jpPairs[b >> 6] |= 1 << UInt64(b & 63)
        }
        japanesePairs = jpPairs
        // Plain local arrays in the loops: reading the tuple's arrays there retained and released
        // them at each of the 65,536 characters.
        let fold = flat.fold16, sur = flat.surname16, comp = flat.compoundFirst, tr16 = flat.translit16
        var starts = [UInt64](repeating: 0, count: 1024)
        var tr = ScalarSet([])
        for c in 0..<0x10000 {
            let a = Int(fold[c])
            if !sur[a].isNaN || !sur[c].isNaN || comp[a >> 6] & (1 << UInt64(a & 63)) != 0
                || comp[c >> 6] & (1 << UInt64(c & 63)) != 0 {
                starts[c >> 6] |= 1 << UInt64(c & 63)
            }
            if tr16[a] >= 0.5 { tr.insert(UInt32(c)) }
        }
        surnameStart = starts
        translitStart = tr
        var marks = [UInt8](repeating: 0, count: 0x10000)
        let jFirst = flat.japaneseFirst
        for c in 0..<0x10000 {
            let word = c >> 6, bit: UInt64 = 1 << UInt64(c & 63)
            var m: UInt8 = 0
            if starts[word] & bit != 0 { m |= Mark.surname }
            if jFirst[word] & bit != 0 { m |= Mark.japanese }
            if tr.contains(UInt32(c)) { m |= Mark.translit }
            if c >= 0x41 && c <= 0x5A { m |= Mark.upper }
            if c == 0xB7 { m |= Mark.dot }
            if c == 0x3001 { m |= Mark.listSep }
            marks[c] = m
        }
        marks16 = marks
        // From the sets' members (asking `finderBitsOfSets` of every character cost 9 M
        // instructions of the dictionary build: five `swift_once` calls a character).
        var chars = [UInt8](repeating: 0, count: 0x10000)
        let sets = [(NameFinder.notGiven, FinderChar.notGiven), (NameFinder.placeHeads, FinderChar.placeHead),
                    (NameFinder.thingHeads, FinderChar.thingHead), (NameFinder.afterSubjectFirst, FinderChar.afterSubject),
                    (NameFinder.translitStop, FinderChar.translitStop)]
        for (set, bit) in sets {
            set.forEachMember { c in if c < 0x10000 { chars[Int(c)] |= bit } }
        }
        finderChars = chars
        // Resolved through the fold once here: `translitScore` reads one table, not two.
        var trAsWritten = [Float](repeating: .nan, count: 0x10000)
        for c in 0..<0x10000 { trAsWritten[c] = tr16[Int(fold[c])] }
        translit16 = trAsWritten
        // Each character as written, resolved as `givenScores` and `surname` did with the flat
        // tables: the folded character's entry first, then the character's own.
        let gIndex = flat.givenIndex, gList = flat.givenList
        var cIndex = [UInt16](repeating: 0, count: 0x10000)
        var cList: [CharEntry] = []
        for c in 0..<0x10000 {
            let a = Int(fold[c])
            var k = gIndex[a]
            if k < 0 { k = gIndex[c] }
            let v = sur[a].isNaN ? sur[c] : sur[a]
            guard k >= 0 || !v.isNaN, cList.count < Int(UInt16.max) else { continue }
            cList.append(CharEntry(given: k < 0 ? nil : gList[Int(k)], surname: v))
            cIndex[c] = UInt16(cList.count)
        }
        charIndex = cIndex
        charList = cList
        self.blockers = blockers
        var pairs = [UInt64](repeating: 0, count: (1 << KnownNames.pairBits) / 64)
        for b in blockers where b.count >= 2 {
            let k = KnownNames.pairBit(b[0], b[1])
            pairs[k >> 6] |= 1 << UInt64(k & 63)
        }
        blockerPairs = pairs
        self.latinGiven = latinGiven
        isEmpty = given.isEmpty || surnames.isEmpty
    }

    /// The folded character a name table knows `c` by (character-level Simplified fold first).
    /// The empty model (a dictionary set without name tables) has no fold table: `c` itself.
    @inline(__always) func nameChar(_ c: UInt32) -> UInt32 { Int(c) < fold16.count ? fold16[Int(c)] : c }

    @inline(__always) func givenScores(_ c: UInt32) -> CharScores? {
        guard c < 0x10000 else { return nil }
        let k = Int(charIndex[Int(c)])
        return k == 0 ? nil : charList[k - 1].given
    }

    /// Context scores of the character before (after) a name.
    @inline(__always) func beforeScore(_ c: UInt32) -> Float { c < 0x10000 ? before16[Int(c)] : 0 }
    @inline(__always) func afterScore(_ c: UInt32) -> Float { c < 0x10000 ? after16[Int(c)] : 0 }

    /// False when `c` has no transliteration score of 0.5 or more (one bit test).
    @inline(__always) func mayTranslit(_ c: UInt32) -> Bool { translitStart.contains(c) }

    /// The first position at or after `from` whose character may be a transliteration character
    /// (`mayTranslit`), or `f.count` (`ScalarSet.nextMember`).
    func nextTranslit(_ f: [UInt32], from: Int) -> Int { translitStart.nextMember(in: f, from: from) }

    /// Where the name finder's scans start in one document, each list ascending: the free
    /// positions (`owner` below 0) where a Chinese surname may start (`surnameStart`) and those
    /// where a Japanese one may (the character's `japaneseFirst` bit, the next one's
    /// `japaneseSecond` bit and the pair's `japanesePairs` bit); and, free or not, the
    /// transliteration characters (`mayTranslit`), the first characters of known names
    /// (`KnownNames.startChars`) whose pair with the next character passes `KnownNames.startPairs`
    /// (`KnownNameRule.find` does nothing at the others), the upper-case Latin letters, the
    /// middle dots and the 、.
    struct Scan {
        var chinese: [Int] = [], japanese: [Int] = [], translit: [Int] = [], known: [Int] = []
        var upper: [Int] = [], dots: [Int] = [], listSeps: [Int] = []
    }

    /// `Scan` in one pass over the text, one look-up a character in `marks` (`marks16` or
    /// `KnownNames.marks16`) and without bounds checks: six scans each walked the whole text for
    /// their own characters (about 20 instructions a character together). `knownPairs` is
    /// `KnownNames.startPairs` (read only where `marks` has `Mark.known` bits).
    func scan(_ f: [UInt32], _ owner: [Int32], marks: [UInt8], knownPairs: [UInt64]) -> Scan {
        guard !f.isEmpty, marks.count == 0x10000 else { return Scan() }
        return f.withUnsafeBufferPointer { fp in
            owner.withUnsafeBufferPointer { own in
                marks.withUnsafeBufferPointer { mk in
                    japaneseSecond.withUnsafeBufferPointer { second in
                        // The lists are locals of the innermost closure, returned through the
                        // others: captured from the function, every append went through the
                        // capture and the library's out-of-line grow check.
                        var out = Scan()
                        // Room at once for what a document usually holds: about one character in
                        // twenty starts a surname, and transliteration characters and known
                        // names' first characters are common characters (grown from empty, the
                        // lists were reallocated about twelve times a document: 2.4 M
                        // instructions on every 30th corpus post, a quarter of the pass). Latin
                        // capitals and list separators (、) get a little room too; Japanese pairs
                        // and middle dots are rare, and an empty list allocates nothing.
                        out.chinese.reserveCapacity(fp.count / 16 + 16)
                        out.translit.reserveCapacity(fp.count / 4 + 16)
                        out.known.reserveCapacity(fp.count / 16 + 16)
                        out.upper.reserveCapacity(fp.count / 64 + 8)
                        out.listSeps.reserveCapacity(fp.count / 64 + 8)
                        let last = fp.count - 1
                        for i in 0...last {
                            let c = fp[i]
                            guard c < 0x10000 else { continue }
                            let m = mk[Int(c)]
                            if m == 0 { continue }
                            if m & (Mark.surname | Mark.japanese) != 0 && own[i] < 0 {
                                if m & Mark.surname != 0 { out.chinese.append(i) }
                                if m & Mark.japanese != 0 && i < last {
                                    let d = fp[i + 1]
                                    if d < 0x10000 && second[Int(d >> 6)] & (1 << UInt64(d & 63)) != 0 {
                                        let p = KnownNames.pairBit(c, d)
                                        if japanesePairs[p >> 6] & (1 << UInt64(p & 63)) != 0 { out.japanese.append(i) }
                                    }
                                }
                            }
                            if m & Mark.translit != 0 { out.translit.append(i) }
                            if m & Mark.known != 0 && i < last {
                                // `KnownNames.longest` and `holdsPair` both need the pair's bit.
                                let d = fp[i + 1]
                                if d < 0x10000 {
                                    let p = KnownNames.pairBit(c, d)
                                    if knownPairs[p >> 6] & (1 << UInt64(p & 63)) != 0 { out.known.append(i) }
                                }
                            }
                            if m & (Mark.upper | Mark.dot | Mark.listSep) != 0 {
                                if m & Mark.upper != 0 { out.upper.append(i) }
                                if m & Mark.dot != 0 { out.dots.append(i) }
                                if m & Mark.listSep != 0 { out.listSeps.append(i) }
                            }
                        }
                        return out
                    }
                }
            }
        }
    }

    /// The first member of the ascending `list` at or after `from` (`cursor` moves past the
    /// members before it and is kept between calls, `from` never decreasing), or `end`.
    @inline(__always) static func next(_ list: [Int], _ cursor: inout Int, from: Int, end: Int) -> Int {
        while cursor < list.count && list[cursor] < from { cursor += 1 }
        return cursor < list.count ? list[cursor] : end
    }

    /// Whether `f[s..<e]` is a name of `name-blockers.tsv` (`blockers.contains(Array(f[s..<e]))`):
    /// a span of two or more scalars is looked up only when its first two pass `blockerPairs`.
    @inline(__always) func isBlocker(_ f: [UInt32], _ s: Int, _ e: Int) -> Bool {
        if e - s >= 2 && !blockerPairs.isEmpty {
            let k = KnownNames.pairBit(f[s], f[s + 1])
            guard blockerPairs[k >> 6] & (1 << UInt64(k & 63)) != 0 else { return false }
        }
        return blockers.contains(Array(f[s..<e]))
    }

    /// The transliteration score of `c`, or nil when transliteration does not use it.
    @inline(__always) func translitScore(_ c: UInt32) -> Float? {
        guard c < 0x10000 else { return nil }
        let v = translit16[Int(c)]
        return v.isNaN ? nil : v
    }

    /// False when no surname starts with `c` (`surnameStart`; true outside the BMP and in the
    /// empty model): `surname(f, at, 1)` is nil where `maySurname(f[at])` is false.
    @inline(__always) func maySurname(_ c: UInt32) -> Bool {
        c >= 0x10000 || surnameStart.isEmpty || surnameStart[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0
    }

    /// False when no compound surname starts at `f[at]`: the first tests of `surname(f, at, 2)`
    /// (its first character, folded or as written, and its second as written), true otherwise.
    @inline(__always) func mayStartCompound(_ f: [UInt32], _ at: Int) -> Bool {
        guard at + 2 <= f.count else { return false }
        let c = f[at], a = nameChar(c)
        guard a < 0x10000, compoundFirst[Int(a >> 6)] & (1 << UInt64(a & 63)) != 0
                || (c < 0x10000 && compoundFirst[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0) else { return false }
        let b = f[at + 1]
        return c == 0 || b >= 0x10000 || compoundSecond[Int(b >> 6)] & (1 << UInt64(b & 63)) != 0
    }

    /// Log share of the surname at `f[at..<at+len]`, or nil when it is none.
    @inline(__always) func surname(_ f: [UInt32], _ at: Int, _ len: Int) -> Float? {
        guard at + len <= f.count else { return nil }
        let a = nameChar(f[at])
        if len == 1 {
            guard f[at] < 0x10000 else { return nil }
            let k = Int(charIndex[Int(f[at])])
            guard k > 0 else { return nil }
            let v = charList[k - 1].surname
            return v.isNaN ? nil : v
        }
        guard a < 0x10000, compoundFirst[Int(a >> 6)] & (1 << UInt64(a & 63)) != 0 || (f[at] < 0x10000 && compoundFirst[Int(f[at] >> 6)] & (1 << UInt64(f[at] & 63)) != 0) else { return nil }
        // Either key below is a two-scalar one when f[at] is not 0 (a is not then either).
        let b = f[at + 1]
        if f[at] != 0 && b < 0x10000 && compoundSecond[Int(b >> 6)] & (1 << UInt64(b & 63)) == 0 { return nil }
        let k = UInt64(a) << 21 | UInt64(nameChar(f[at + 1]))
        return surnames[k] ?? surnames[packedScalars(f, at, at + len)]
    }

    /// The canonical form of a name found by a rule or the model: each character folded on its
    /// own (张展 → 張展, 耿潇男 → 耿瀟男), never by phrase (周 stays 周, 范 stays 范).
    package func canonicalName(_ text: String, fold: FoldTable) -> String {
        // Collected in a temporary buffer (on the stack for a name: an array allocated per name
        // before), then encoded once (`String(scalars:)`: appending to a `UnicodeScalarView` one
        // scalar at a time cost ~350 instructions a scalar; a lazy map over the scalars called
        // its closure unspecialised, twice a scalar). The map reads flat tables for the BMP: the
        // dictionaries `nameFold`, `given` and `surnames` cost ~550 instructions a name.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(text.utf8.count, 1)) { buf in
            var n = 0
            for u in text.unicodeScalars {
                buf.initializeElement(at: n, to: canonicalScalar(u, fold))
                n += 1
            }
            return String(scalars: UnsafeBufferPointer(rebasing: buf[0..<n]))
        }
    }

    /// One scalar of `canonicalName`.
    @inline(__always) private func canonicalScalar(_ u: Unicode.Scalar, _ fold: FoldTable) -> Unicode.Scalar {
        let c = u.value
        let bmp = c < 0x10000 && !fold16.isEmpty
        var t = bmp ? fold16[Int(c)] : (nameFold[c] ?? c)
        if t == c {
            // A character the name tables do not list: the lexicon's fold, when it names one
            // Han character that the name tables do not hold either (keeps 周, 于, 范).
            let f = fold.fold(c)
            if f != c && FoldTable.isHan(c)
                && !(bmp ? listed16[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 : given[c] != nil || surnames[UInt64(c)] != nil) {
                t = f
            }
            if !FoldTable.isHan(c) { t = c }
        }
        return Unicode.Scalar(t) ?? u
    }
}

extension NameModel {
    /// `wenxi dict check` rules for the name tables: the main column is Han characters of the
    /// right length, counts are whole numbers, a `simplified` form is one character.
    static func problems(_ entries: [DictionaryEntry]) -> [DictionaryProblem] {
        var out: [DictionaryProblem] = []
        for e in entries where e.kind.isNameModel {
            let u = e.canonical.unicodeScalars
            if e.kind == .nameLatinGiven {
                // A capitalised word of ASCII letters (Steven), as texts write given names.
                let ok = u.count >= 2 && u.count <= 20 && u.allSatisfy { $0.value < 0x80 && $0.properties.isAlphabetic }
                    && u.first!.properties.isUppercase && u.dropFirst().allSatisfy { $0.properties.isLowercase }
                if !ok { out.append(.init(file: e.file, line: e.line, message: "name-latin-given '\(e.canonical)' is not a capitalised word of Latin letters")) }
                continue
            }
            let han = e.kind == .nameContext || u.allSatisfy { FoldTable.isHan($0.value) }
            let (lo, hi, counts): (Int, Int, [String]) = switch e.kind {
            case .nameChar: (1, 1, ["single", "first", "second", "japanese", "text"])
            case .nameSurname: (1, 2, ["count"])
            case .nameTranslit: (1, 1, ["count", "text"])
            case .nameSimplified: (1, 1, ["text"])
            case .nameContext: (1, 1, ["before", "after", "text"])
            case .nameJapanese: (2, 3, ["count"])
            default: (2, 12, [])
            }
            if !han || u.count < lo || u.count > hi {
                out.append(.init(file: e.file, line: e.line, message: "\(e.kind.rawValue) '\(e.canonical)' is not \(lo == hi ? "\(lo)" : "\(lo)–\(hi)") Han character\(hi == 1 ? "" : "s")"))
            }
            for c in counts {
                if let v = e.fields[c], UInt64(v) == nil {
                    out.append(.init(file: e.file, line: e.line, message: "\(c) '\(v)' of \(e.id) is not a whole number"))
                }
            }
            if let s = e.fields["simplified"], s.unicodeScalars.count != u.count {
                out.append(.init(file: e.file, line: e.line, message: "simplified '\(s)' of \(e.id) is not as long as '\(e.canonical)'"))
            }
        }
        return out
    }
}
