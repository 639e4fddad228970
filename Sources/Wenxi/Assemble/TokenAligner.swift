/// Re-cuts tokens so that no token crosses an entity edge and no entity spans several tokens.
/// Entities are taken by `OverlapPolicy.leftmostLongest` (in order of start, longest first); one
/// that overlaps an earlier one is ignored. A token changed by this (split at an entity edge, or
/// merged into an entity's token) carries `entity: true`; a token that already matched an entity
/// exactly is left as it was.
package enum TokenAligner {
    /// Re-cuts token spans (no texts are built: the pipeline makes them only when tokens are output).
    package static func align(_ tokens: [TokenSpan], to entities: [Entity]) -> [TokenSpan] {
        // The spans are sorted, not the (large) entities.
        let spans = leftmostLongest(entities)
        if spans.isEmpty { return tokens }

        // 1. Split tokens at entity edges that fall inside them.
        var pieces: [TokenSpan] = []
        pieces.reserveCapacity(tokens.count + spans.count * 2)
        var cuts: [Int] = []
        var si = 0
        for t in tokens {
            while si < spans.count && spans[si].end <= t.start { si += 1 }
            cuts.removeAll(keepingCapacity: true)
            var k = si
            while k < spans.count && spans[k].start < t.end {
                if spans[k].start > t.start { cuts.append(spans[k].start) }
                if spans[k].end < t.end { cuts.append(spans[k].end) }
                k += 1
            }
            if cuts.isEmpty { pieces.append(t); continue }
            cuts.sort()
            cuts.append(t.end)
            var prev = t.start
            for c in cuts where c > prev {
                pieces.append(TokenSpan(start: prev, end: c, kind: t.kind, entity: true))
                prev = c
            }
        }

        // 2. Merge the pieces inside each entity into one token.
        var out: [TokenSpan] = []
        out.reserveCapacity(pieces.count)
        si = 0
        var i = 0
        while i < pieces.count {
            let p = pieces[i]
            while si < spans.count && spans[si].end <= p.start { si += 1 }
            guard si < spans.count, spans[si].start <= p.start, p.end <= spans[si].end else {
                out.append(p); i += 1; continue
            }
            var j = i + 1
            var kind = p.kind
            while j < pieces.count && pieces[j].end <= spans[si].end {
                if pieces[j].kind != kind { kind = .word }
                j += 1
            }
            if j == i + 1 && p.start == spans[si].start && p.end == spans[si].end {
                out.append(p)
            } else {
                let s = spans[si]
                let start = min(s.start, p.start), end = max(s.end, pieces[j - 1].end)
                out.append(TokenSpan(start: start, end: end, kind: kind, entity: true))
            }
            i = j
        }
        return out
    }

    /// `OverlapPolicy.leftmostLongest` of the entities' spans. The merged entities are already in
    /// its order (by start, longest first): then it is one pass, without the sort.
    static func leftmostLongest(_ entities: [Entity]) -> [(start: Int, end: Int)] {
        var spans: [(start: Int, end: Int)] = []
        spans.reserveCapacity(entities.count)
        var sorted = true
        entities.withUnsafeBufferPointer { entities in
            for i in entities.indices {
                let (start, end) = (entities[i].start, entities[i].end)
                if let last = spans.last, !(last.start < start || (last.start == start && last.end >= end)) { sorted = false }
                spans.append((start: start, end: end))
            }
        }
        guard sorted else { return OverlapPolicy.leftmostLongest(spans: spans) }
        var out: [(start: Int, end: Int)] = []
        out.reserveCapacity(spans.count)
        var pos = Int.min
        for s in spans where s.start >= pos && s.end > s.start {
            out.append(s)
            pos = s.end
        }
        return out
    }
}
