import Foundation

/// Names that PRC newswire writes beside people already found: run together without punctuation
/// (江泽民李鹏朱镕基李瑞环), and transliterated names in the 、-lists and 和-pairs of transliterated
/// people (守门员塔法雷尔、卡洛斯·热尔马诺和迪达). Both run after the model and the list rule, from the
/// people found so far; people found here are not used as anchors in turn.
extension NameFinder {
    /// `rule:name-adjacent`: a candidate of a surname and one or two characters right before or
    /// after a Chinese person found already (two to four Han characters, no transliteration), with no punctuation or
    /// joiner between them, whose outer edge is a word edge (punctuation, an entity, a cue, no
    /// ICU token across it), is a person when the model scores it at least `adjacentFloor`. The
    /// best-scored length wins. A 、 or a joiner between names is the list and pair rules' case.
    static func adjacentMembers(_ doc: inout TaggingDocument, _ model: NameModel, _ edges: Edges) -> [Mention] {
        let w = weights
        guard w.adjacentFloor < 99 else { return [] }
        let f = doc.folded
        let n = f.count
        func edge(_ k: Int) -> Bool {
            k <= 0 || k >= n || isPunct(f[k - 1]) || isPunct(f[k]) || doc.owner[k - 1] >= 0 || doc.owner[k] >= 0
                || edges.after.starts(at: k) || edges.before.ends(at: k) || !edges.crosses(k)
        }
        var anchors: [(start: Int, end: Int)] = []
        // The mentions' spans and rules read in place: copying each mention retains and releases it.
        for i in doc.mentions.indices where doc.mentions[i].type == .person {
            let start = doc.mentions[i].start, end = doc.mentions[i].end
            // Not a transliterated name (布拉索夫 is no leader's neighbour).
            guard end - start >= 2, end - start <= 4, (start..<end).allSatisfy({ FoldTable.isHan(f[$0]) }),
                  !(doc.mentions[i].rule ?? "").hasPrefix("name-model-translit") else { continue }
            anchors.append((start, end))
        }
        var out: [Mention] = []
        for m in anchors {
            // After the person, then before it: two lengths each (no array of arrays built per
            // person: allocating and destroying it was a quarter of this rule).
            for side in 0..<2 {
                var top: (Int, Int, Float)? = nil
                // Not a two-character ICU word (希望|克林顿): a word before a name, not a name.
                for len in 2...3 {
                    let (a, e) = side == 0 ? (m.end, m.end + len) : (m.start - len, m.start)
                    guard a >= 0 && e <= n && doc.isFree(a, e) && edge(a) && edge(e) && !(e - a == 2 && edges.isToken(a, e)) else { continue }
                    // A surname first (the model scores nothing else), before the costlier checks.
                    guard model.surname(f, a, 1) != nil || model.surname(f, a, 2) != nil,
                          !model.isBlocker(f, a, e), !PersonRules.isNoName(doc, a, e) else { continue }
                    // Not a weak surname, a function word (于新明|曾高调) nor a preposition or role word's end (向, 员).
                    for L in 1...2 where e - a - L >= 1 && e - a - L <= 2 && !glossStop.contains(f[a]) && !notGiven.contains(f[a]) && !PersonRules.isWeakSurname(doc, a, L) {
                        guard let s = score(doc, model, edges, edges.before, edges.after, a, L, e - a - L),
                              s >= w.adjacentFloor, s > (top?.2 ?? -.infinity) else { continue }
                        top = (a, e, s)
                    }
                }
                guard let (a, e, _) = top, doc.isFree(a, e) else { continue }
                let p = Mention(start: a, end: e, type: .person, candidates: [], rule: "name-adjacent", canonical: doc.string(a, e))
                doc.add(p)
                out.append(p)
            }
        }
        return out
    }

    /// Whether `a..<e` is a transliterated name by its characters alone, as a list or a pair
    /// takes one: two to eight characters, each a transliteration character (`translitChar`) or
    /// a middle dot between two of them, their mean score at least what a cued run needs
    /// (`translitMean` − 0.7), no blocker place, no place ending, and no place or thing by its
    /// context (`TranslitContext`).
    static func translitRun(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ a: Int, _ e: Int) -> Bool {
        let f = doc.folded
        guard a >= 0, e <= f.count, e - a >= 2, e - a <= 8, doc.isFree(a, e) else { return false }
        guard let mean = translitMeanScore(f, model, a, e, dots: true), mean >= weights.translitMean - 0.7,
              !model.isBlocker(f, a, e),
              !placeEndings.contains(where: { p in e - p.count >= a && PlacePrefixRules.has(f, e - p.count, p) }),
              e >= f.count || !groupHeads.contains(f[e]) else { return false }
        return !TranslitContext.blocks(doc, model, a, e, edges.before, edges.after)
    }

    /// `rule:name-pair`, transliterated: a transliterated person found already (every character a
    /// transliteration character or a middle dot) joined by 和/与/及/跟 to a run of transliteration
    /// characters (罗纳尔多和罗马里奥, 卡洛斯·热尔马诺和迪达): the run, up to a word edge, is a person
    /// when `translitRun` takes it. The longest such run wins.
    static func translitPairs(_ doc: inout TaggingDocument, _ model: NameModel, _ edges: Edges) -> [Mention] {
        let f = doc.folded
        let n = f.count
        func edge(_ k: Int) -> Bool {
            k <= 0 || k >= n || isPunct(f[k - 1]) || isPunct(f[k]) || doc.owner[k - 1] >= 0 || doc.owner[k] >= 0
                || edges.after.starts(at: k) || !edges.crosses(k)
        }
        var anchors: [(start: Int, end: Int)] = []
        for i in doc.mentions.indices where doc.mentions[i].type == .person {
            let m = doc.mentions[i]
            guard m.end - m.start >= 2, (m.start..<m.end).allSatisfy({ f[$0] == 0xB7 || translitChar(model, f[$0]) != nil }) else { continue }
            anchors.append((m.start, m.end))
        }
        var out: [Mention] = []
        for m in anchors {
            var picks: [(Int, Int)] = []
            if m.end + 2 < n && pairJoiners.contains(f[m.end]) {
                let a = m.end + 1
                for e in stride(from: min(n, a + 8), through: a + 2, by: -1) where edge(e) && translitRun(doc, model, edges, a, e) {
                    picks.append((a, e))
                    break
                }
            }
            if m.start >= 3 && pairJoiners.contains(f[m.start - 1]) {
                let e = m.start - 1
                for a in stride(from: max(0, e - 8), through: e - 2, by: 1) where edge(a) && translitRun(doc, model, edges, a, e) {
                    picks.append((a, e))
                    break
                }
            }
            for (a, e) in picks where doc.isFree(a, e) {
                let p = Mention(start: a, end: e, type: .person, candidates: [], rule: "name-pair", canonical: doc.string(a, e))
                doc.add(p)
                out.append(p)
            }
        }
        return out
    }
}

extension NameFinder {
    /// Conjunctions that join two people's names (比爾|暨|梅琳達), never inside one.
    static let bridgeStop = ScalarSet("暨兼")

    /// A character that may stand once inside a transliterated name though transliteration uses
    /// it less than text (法 of 斯卡尔法罗, 津 of 布热津斯基): free, Han, an ICU token of its own (not
    /// 根據|克拉克), no transliteration character, function word or group head.
    static func bridgeChar(_ doc: TaggingDocument, _ model: NameModel, _ edges: Edges, _ k: Int) -> Bool {
        let c = doc.folded[k]
        return doc.owner[k] < 0 && FoldTable.isHan(c) && translitChar(model, c) == nil && !notGiven.contains(c)
            && edges.isToken(k, k + 1) && !bridgeStop.contains(c)
            && !translitStop.contains(c) && !groupHeads.contains(c) && !TranslitContext.notNameEnd.contains(c)
    }

    /// A transliterated name found by the model (`name-model-translit`) that a weak character cut
    /// short (布热津|斯基, 斯卡尔|法罗) takes in that one character and the transliteration
    /// characters beyond it (one to four), when a clear break stands past them: before, the text's
    /// start, punctuation, a function word, an entity or a title (`TranslitContext.isBreak`); after,
    /// the text's end, punctuation, a function word, or a cue (说, 总统), with no ICU word across
    /// that edge. The longer name must be no blocker, end like no place, and hold no place or
    /// thing by its context. On when `bridge` is above 0.
    static func bridgeTranslit(_ doc: inout TaggingDocument, _ model: NameModel, _ edges: Edges, _ found: inout [Mention]) {
        guard weights.bridge > 0 else { return }
        let f = doc.folded
        let n = f.count
        let cueBefore = edges.before, cueAfter = edges.after
        for idx in doc.mentions.indices where doc.mentions[idx].type == .person && doc.mentions[idx].rule == "name-model-translit" {
            let start = doc.mentions[idx].start, end = doc.mentions[idx].end
            var s = start, e = end
            // Left: a weak character, then one to four transliteration characters back to a break.
            if start >= 2 && !cueBefore.ends(at: start) && bridgeChar(doc, model, edges, start - 1) {
                var j = start - 1
                while j > 0 && start - 1 - j < 4 && doc.owner[j - 1] < 0 && translitChar(model, f[j - 1]) != nil { j -= 1 }
                if j < start - 1 && TranslitContext.isBreak(doc, j - 1, cueBefore) && (!edges.crosses(j) || cueBefore.ends(at: j)) { s = j }
            }
            // Right: a weak character, then one to four transliteration characters up to a break.
            if end + 1 < n && !cueAfter.starts(at: end) && bridgeChar(doc, model, edges, end) {
                var j = end + 1
                while j < n && j - end - 1 < 4 && doc.owner[j] < 0 && translitChar(model, f[j]) != nil && !cueAfter.starts(at: j) { j += 1 }
                if j > end + 1 && !edges.crosses(j)
                    && (j == n || isPunct(f[j]) || notGiven.contains(f[j]) || translitStop.contains(f[j]) || cueAfter.starts(at: j)
                        || cueBefore.starts(at: j)) { e = j }
            }
            guard s < start || e > end else { continue }
            guard !model.isBlocker(f, s, e),
                  !placeEndings.contains(where: { p in e - p.count >= s && PlacePrefixRules.has(f, e - p.count, p) }),
                  !TranslitContext.blocks(doc, model, s, e, cueBefore, cueAfter) else { continue }
            for k in s..<start { doc.owner[k] = Int32(idx) }
            for k in end..<e { doc.owner[k] = Int32(idx) }
            doc.mentions[idx].start = s
            doc.mentions[idx].end = e
            doc.mentions[idx].canonical = doc.string(s, e)
            if let t = found.firstIndex(where: { $0.start == start && $0.end == end }) { found[t] = doc.mentions[idx] }
        }
    }
}
