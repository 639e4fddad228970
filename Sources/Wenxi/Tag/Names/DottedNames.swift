import Foundation

/// `rule:name-model-translit` for names joined by a middle dot (喬治·蓬皮杜, 葉甫根尼·普魯申科,
/// 喬治·謝爾比) that the run scan of `NameFinder.transliterated` cut short: a part whose first
/// characters transliteration rarely uses (葉甫, 謝) starts no run there, and a first part that
/// no clear break stands before (取代喬治·…) was left out. In news and encyclopedic text a dot
/// between Han characters joins the parts of a foreign personal name (the same evidence
/// `name-transliteration.tsv` counts), so the whole chain is one name:
/// - the first part is the ICU word ending at the first dot and the words before it, back to a
///   clear break (`TranslitContext.isBreak`: punctuation, a function word, a title's end), while
///   they are made of characters transliteration uses or text rarely does; six characters at
///   most (兒子|喬治 → 喬治);
/// - each later part runs on over transliteration characters, or characters transliteration
///   rarely uses followed by a break (`NameFinder.looseSpan`), as the run scan's parts do.
/// - an upper-case initial between two dots is a part (弗蘭克·P·希克森).
/// A chain that a run found already covers adds nothing; one that `TranslitContext.blocks`
/// makes a place or thing (喬治·華盛頓|高中) holds no name at all.
enum DottedNames {
    /// Above transliteration runs (20 + mean) and known names: the chain covers their pieces.
    static let score: Float = 26

    /// `dots`: the positions of the middle dots (`NameModel.Scan.dots`).
    static func find(_ doc: TaggingDocument, _ model: NameModel, _ edges: NameFinder.Edges, _ cueBefore: CueEdges,
                     _ cueAfter: CueEdges, _ dots: [Int], _ out: inout [NameFinder.Candidate]) {
        let f = doc.folded
        let n = f.count
        var d = 1, cursor = 0
        // The spans of the transliteration runs among the candidates, taken from `out` where a
        // dot first needs them and kept up to date as this pass adds runs: the test below walked
        // every candidate of the document (40 bytes each, their rules compared) at each dot that
        // got that far, 160,000 of the pass's 186,000 L1 data misses at every 30th corpus post.
        var runs: [(start: Int, end: Int)]? = nil
        while d + 1 < n {
            defer { d += 1 }
            // The folded text writes every middle dot as U+00B7; only their positions are
            // visited (the test below, made at every character, was nine instructions a
            // character). Past the last dot, `n - 1`: the test fails there as the scan's did.
            d = NameModel.next(dots, &cursor, from: d, end: n - 1)
            guard d + 1 < n, f[d] == 0xB7, FoldTable.isHan(f[d - 1]), FoldTable.isHan(f[d + 1]) || initial(f, d + 1), doc.owner[d] < 0,
                  doc.owner[d - 1] < 0, doc.owner[d + 1] < 0 else { continue }
            guard let s = firstPart(doc, model, edges, d, cueBefore) else { continue }
            // A run already holds both sides of this dot, from this first part or before it.
            if runs == nil { runs = Array(out.lazy.filter { $0.rule == "name-model-translit" }.map { ($0.start, $0.end) }) }
            if runs!.contains(where: { $0.start <= s && $0.end > d + 1 }) { continue }
            var e = d
            var k = d
            // Parts after each dot.
            while k < n && f[k] == 0xB7 && k + 1 < n {
                let p = k + 1
                // An initial between two dots (弗蘭克·P·希克森).
                if initial(f, p) { k = p + 1; continue }
                var j = p
                while j < n && j - p < 6 && doc.owner[j] < 0 && (j == p || !cueAfter.starts(at: j)) {
                    if NameFinder.translitChar(model, f[j]) != nil { j += 1; continue }
                    // A rare character only up to an ICU word edge (蓬皮杜|成為 takes no 成).
                    let t = NameFinder.looseSpan(doc, model, edges, j, cueBefore, cueAfter)
                    if t > 0 && !edges.crosses(j + t) { j += t; continue }
                    break
                }
                guard j > p else { break }
                e = j
                k = j
            }
            // Every part of Han characters holds a transliteration character (not 沙立·他, 明·考林).
            guard e > d + 1, FoldTable.isHan(f[e - 1]), partsTransliterate(f, model, s, e) else { continue }
            // A place or thing by its context: no name may take any part of it (喬治·華盛頓|高中).
            if model.isBlocker(f, s, e) || TranslitContext.blocks(doc, model, s, e, cueBefore, cueAfter) {
                out.append(NameFinder.Candidate(start: s, end: e, score: 0, rule: TranslitContext.blockedRule))
                d = e
                continue
            }
            NameModelTuning.trace?("name-model-dotted \(doc.string(s, e))")
            out.append(NameFinder.Candidate(start: s, end: e, score: score, rule: "name-model-translit"))
            runs?.append((s, e))
            d = e
        }
    }

    /// Whether each part of `s..<e` (split at middle dots) that holds Han characters holds a
    /// transliteration character.
    static func partsTransliterate(_ f: [UInt32], _ model: NameModel, _ s: Int, _ e: Int) -> Bool {
        var has = false, han = false
        for k in s...e {
            if k == e || f[k] == 0xB7 {
                if han && !has { return false }
                has = false; han = false
                continue
            }
            if FoldTable.isHan(f[k]) { han = true }
            if NameFinder.translitChar(model, f[k]) != nil { has = true }
        }
        return true
    }

    /// An upper-case Latin initial at `k` followed by a middle dot.
    static func initial(_ f: [UInt32], _ k: Int) -> Bool {
        k + 1 < f.count && f[k] >= 0x41 && f[k] <= 0x5A && f[k + 1] == 0xB7
    }

    /// Where the first part before the dot at `d` starts, or nil when no part stands there: the
    /// ICU word ending at the dot, and the words before it back to a clear break while they are
    /// made of transliteration characters or characters rare in text (not 丈夫|卡爾·…) (兒子|喬治 → 喬治, 取代|喬治 →
    /// 喬治, 葉|甫|根尼 → 葉甫根尼, 弗拉|基米爾), six characters at most.
    static func firstPart(_ doc: TaggingDocument, _ model: NameModel, _ edges: NameFinder.Edges, _ d: Int,
                          _ cueBefore: CueEdges) -> Int? {
        let f = doc.folded
        var k = d
        while k > 0 && !TranslitContext.isBreak(doc, k - 1, cueBefore) {
            var t = k - 1
            while t > max(0, k - 4) && edges.tokenEnd(t) != k { t -= 1 }
            guard edges.tokenEnd(t) == k, d - t <= 6 else { break }
            let ok = (t..<k).allSatisfy { j in
                !TranslitContext.isBreak(doc, j, cueBefore) && !NameFinder.groupHeads.contains(f[j])
                    && (k == d || NameFinder.translitChar(model, f[j]) != nil || (model.givenScores(f[j])?.text ?? 0) < -10)
            }
            guard ok else { break }
            k = t
        }
        if d - k == 1, let t = weakFirst(doc, model, edges, k, cueBefore) { k = t }
        return k < d ? k : nil
    }

    /// A first part of one character is mostly the tail of one whose first character the scan
    /// refused as a group head (派|特．瓦倫蒂諾: 派, a faction): that character is taken back when
    /// it is a one-character ICU word, transliteration uses it at least as `titledWeakFloor`, and
    /// a clear break stands before it (的, punctuation, a title's end).
    static func weakFirst(_ doc: TaggingDocument, _ model: NameModel, _ edges: NameFinder.Edges, _ k: Int,
                          _ cueBefore: CueEdges) -> Int? {
        let f = doc.folded
        let t = k - 1
        guard t >= 0, doc.owner[t] < 0, edges.tokenEnd(t) == k, FoldTable.isHan(f[t]), NameFinder.groupHeads.contains(f[t]),
              (model.translitScore(f[t]) ?? -.infinity) >= NameFinder.titledWeakFloor,
              t == 0 || TranslitContext.isBreak(doc, t - 1, cueBefore) else { return nil }
        return t
    }
}
