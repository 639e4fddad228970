/// Merges the entity lists of the tagger and the amount stage into one: sorted by start, no two
/// entities on one character (`OverlapPolicy.longestFirst`), each entity's sentence set.
enum EntityMerger {
    /// Merges the named and numeric entity lists: sorted by start, never two entities on one
    /// character (where they overlap, the longer span wins, then the earlier, then the named
    /// one: `OverlapPolicy.longestFirst`), and each entity's sentence index set.
    static func merge(_ named: [Entity], _ numeric: [Entity], sentences: [Span]) -> [Entity] {
        // Spans are sorted rather than the (large) entities, each entity is copied once, into the
        // result. Index i < named.count is named[i], else numeric[i - named.count]: named ones
        // come first, so a tie on the index means the named one, then the earlier in its list.
        let spans = named.map { (start: $0.start, end: $0.end) } + numeric.map { (start: $0.start, end: $0.end) }
        let kept = OverlapPolicy.longestFirst(spans)
        var out: [Entity] = []
        out.reserveCapacity(kept.count)
        for i in kept { out.append(i < named.count ? named[i] : numeric[i - named.count]) }
        assignSentences(&out, sentences: sentences)
        return out
    }

    /// Sets each entity's `sentence` (entities sorted by start).
    static func assignSentences(_ entities: inout [Entity], sentences: [Span]) {
        var s = 0
        for i in entities.indices {
            while s + 1 < sentences.count && sentences[s].end <= entities[i].start { s += 1 }
            entities[i].sentence = s
        }
    }
}
