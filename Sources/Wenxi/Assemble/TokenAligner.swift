/// Re-cuts tokens so that no token crosses an entity edge and no entity spans several tokens.
/// Entities are taken by `OverlapPolicy.leftmostLongest` (in order of start, longest first); one
/// that overlaps an earlier one is ignored. A token changed by this (split at an entity edge, or
/// merged into an entity's token) carries `entity: true`; a token that already matched an entity
/// exactly is left as it was.
package enum TokenAligner {
    /// Re-cuts token spans (no texts are built: the pipeline makes them only when tokens are output).
    /// The entities are those of all the lists, one after the other.
    package static func align(_ tokens: [TokenSpan], to entities: [Entity]...) -> [TokenSpan] {
        // The spans are sorted, not the (large) entities.
        let spans = leftmostLongest(entities)
        if spans.isEmpty { return tokens }
        var out: [TokenSpan] = []
        out.reserveCapacity(tokens.count + spans.count)
        align(tokens, spans: spans, into: &out)
        return out
    }

    /// How many of the re-cut tokens start at or after `from` (the body's, after the headline):
    /// what the report counts when it does not list the tokens, without building the list. Nil
    /// when the re-cut tokens are not sorted by start (then the caller counts on the list, as
    /// before).
    package static func count(_ tokens: [TokenSpan], to entities: [Entity]..., from: Int) -> Int? {
        var counter = Counter(from: from)
        let spans = leftmostLongest(entities)
        if spans.isEmpty {
            tokens.withUnsafeBufferPointer { tokens in
                if isTidy(tokens) { counter.putRun(tokens) } else { for t in tokens { counter.put(t) } }
            }
        } else {
            align(tokens, spans: spans, into: &counter)
        }
        return counter.sorted ? counter.count : nil
    }

    /// Where re-cut tokens go: an array, or a count.
    protocol Sink {
        mutating func put(_ t: TokenSpan)
        /// Tokens left as they were, in order: `put` of each. A run of more than one is tidy
        /// (`isTidy`: sorted, none empty, none overlapping).
        mutating func putRun(_ run: UnsafeBufferPointer<TokenSpan>)
    }

    /// Counts tokens starting at or after `from`, and notes whether they came sorted by start.
    struct Counter: Sink {
        let from: Int
        var count = 0
        var last = Int.min
        var sorted = true
        mutating func put(_ t: TokenSpan) {
            if t.start < last { sorted = false }
            last = t.start
            if t.start >= from { count += 1 }
        }
        mutating func putRun(_ run: UnsafeBufferPointer<TokenSpan>) {
            guard let first = run.first else { return }
            if run.count == 1 { put(first); return }
            // Sorted within (tidy): one compare at the front, and the count by a search.
            if first.start < last { sorted = false }
            last = run[run.count - 1].start
            if first.start >= from { count += run.count; return }
            guard last >= from else { return }
            var lo = 0, hi = run.count
            while lo < hi {
                let mid = (lo &+ hi) >> 1
                if run[mid].start < from { lo = mid &+ 1 } else { hi = mid }
            }
            count += run.count - lo
        }
    }

    /// Whether the tokens are sorted, none empty and none overlapping the next (each ends at or
    /// before the next starts, so their ends ascend too): what the segmenter gives. Then the
    /// tokens between entities are found by a search and passed on as one run.
    static func isTidy(_ tokens: UnsafeBufferPointer<TokenSpan>) -> Bool {
        var previousEnd = Int.min
        for t in tokens {
            if t.start < previousEnd || t.end <= t.start { return false }
            previousEnd = t.end
        }
        return true
    }

    /// The first of `tokens[from...]` (tidy: ends ascending) that ends after `x`; `tokens.count`
    /// when none does. A gallop from `from`, then a binary search: the next entity is usually a
    /// few tokens on.
    private static func firstEnding(after x: Int, in tokens: UnsafeBufferPointer<TokenSpan>, from: Int) -> Int {
        let n = tokens.count
        var lo = from, hi = from, step = 1
        // Every token before `lo` ends at or before `x`; `hi` is `n` or a token that ends after it.
        while hi < n && tokens[hi].end <= x {
            lo = hi &+ 1
            hi &+= step
            step &<<= 1
        }
        if hi > n { hi = n }
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if tokens[mid].end <= x { lo = mid &+ 1 } else { hi = mid }
        }
        return lo
    }

    /// `align` into `out`, for entity spans `spans` (not empty).
    static func align<S: Sink>(_ tokens: [TokenSpan], spans: [(start: Int, end: Int)], into out: inout S) {
        // Read through buffer pointers: most tokens overlap no entity and cost two comparisons
        // and a `put`, which bounds checks on both arrays made several times dearer.
        tokens.withUnsafeBufferPointer { tokens in
            spans.withUnsafeBufferPointer { spans in align(tokens, spans: spans, into: &out) }
        }
    }

    private static func align<S: Sink>(_ tokens: UnsafeBufferPointer<TokenSpan>, spans: UnsafeBufferPointer<(start: Int, end: Int)>,
                                       into out: inout S) {
        // Tokens that overlap no entity are kept as they are; each run of tokens that do is
        // re-cut in two steps (1. split at entity edges inside them, 2. merge the pieces inside
        // each entity), the run's pieces apart from the others': no merge crosses a token that
        // overlaps no entity, since such a token lies wholly before or after every entity.
        // Tidy tokens (the segmenter's: `isTidy`) that overlap no entity are passed on a run at
        // a time, up to the next entity, found by a search: a token at a time was a third of
        // the assemble stage.
        // The pieces of the tokens being re-cut, in one scratch buffer allocated per call (room
        // for a few per entity: it holds only the pieces of the tokens entities overlap, up to
        // the next token that overlaps none), so appending is a compare and a store without the
        // array's uniqueness check, and emptying it sets a count (an array's
        // `removeAll(keepingCapacity:)` went through `replaceSubrange`).
        let spanCount = spans.count, n = tokens.count
        var pieces = Pieces(capacity: 4 &* spanCount &+ 16)
        defer { pieces.free() }
        var si = 0, mergeSpan = 0
        let tidy = isTidy(tokens)

        var i = 0
        while i < n {
            let t = tokens[i]
            while si < spanCount && spans[si].end <= t.start { si &+= 1 }
            guard (si < spanCount && spans[si].start < t.end) || t.start == t.end else {
                if pieces.count > 0 { merge(&pieces, spans: spans, from: &mergeSpan, into: &out) }
                // The tokens after `t` that end at or before the next entity starts overlap no
                // entity either (they are not empty, and no span ends before they start).
                let j = !tidy ? i &+ 1 : si == spanCount ? n : firstEnding(after: spans[si].start, in: tokens, from: i &+ 1)
                out.putRun(UnsafeBufferPointer(rebasing: tokens[i..<j]))
                i = j
                continue
            }
            i &+= 1
            // A token that is exactly one entity is kept as it is, and no piece merges across
            // it (the spans are disjoint, and it is not empty): it is passed on at once.
            if tidy && t.start == spans[si].start && t.end == spans[si].end {
                if pieces.count > 0 { merge(&pieces, spans: spans, from: &mergeSpan, into: &out) }
                out.put(t)
                continue
            }
            // 1. Split the token at entity edges that fall inside it. The spans are disjoint and
            // in order (each ends at or before the next starts), so the cuts come in order and
            // each piece is cut as its end is met (the first cut lies past the token's start:
            // span `si` ends after it, and the later ones start after that).
            var prev = t.start
            var k = si
            while k < spanCount && spans[k].start < t.end {
                let (a, b) = spans[k]
                if a > prev {
                    pieces.append(TokenSpan(start: prev, end: a, kind: t.kind, entity: true))
                    prev = a
                }
                if b < t.end && b > prev {
                    pieces.append(TokenSpan(start: prev, end: b, kind: t.kind, entity: true))
                    prev = b
                }
                k &+= 1
            }
            if prev == t.start {
                pieces.append(t)  // no cut: the token as it is
            } else {
                pieces.append(TokenSpan(start: prev, end: t.end, kind: t.kind, entity: true))
            }
        }
        if pieces.count > 0 { merge(&pieces, spans: spans, from: &mergeSpan, into: &out) }
    }

    /// The re-cut's scratch list of pieces: one buffer, freed by the caller, that grows only when
    /// its first size is passed (tokens that overlap each other can be cut more often than the
    /// spans have edges).
    private struct Pieces {
        private(set) var base: UnsafeMutablePointer<TokenSpan>
        private var capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 4)
            base = .allocate(capacity: self.capacity)
        }

        func free() { base.deallocate() }

        @inline(__always)
        mutating func append(_ t: TokenSpan) {
            if count == capacity { grow() }
            (base + count).initialize(to: t)
            count &+= 1
        }

        @inline(never)
        private mutating func grow() {
            let bigger = UnsafeMutablePointer<TokenSpan>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }

        @inline(__always)
        subscript(i: Int) -> TokenSpan { base[i] }
    }

    /// Step 2: the pieces inside each entity merged into one token, appended to `out`; `pieces`
    /// is left empty. `next` is the first span that may still hold a piece.
    private static func merge<S: Sink>(_ pieces: inout Pieces, spans: UnsafeBufferPointer<(start: Int, end: Int)>,
                                       from next: inout Int, into out: inout S) {
        var i = 0
        while i < pieces.count {
            let p = pieces[i]
            while next < spans.count && spans[next].end <= p.start { next += 1 }
            guard next < spans.count, spans[next].start <= p.start, p.end <= spans[next].end else {
                out.put(p); i += 1; continue
            }
            let s = spans[next]
            var j = i + 1
            var kind = p.kind
            while j < pieces.count && pieces[j].end <= s.end {
                if pieces[j].kind != kind { kind = .word }
                j += 1
            }
            if j == i + 1 && p.start == s.start && p.end == s.end {
                out.put(p)
            } else {
                out.put(TokenSpan(start: min(s.start, p.start), end: max(s.end, pieces[j - 1].end), kind: kind, entity: true))
            }
            i = j
        }
        pieces.count = 0  // TokenSpan is trivial: nothing to destroy
    }

    /// `OverlapPolicy.leftmostLongest` of the entities' spans. The merged entities are already in
    /// its order (by start, longest first): then it is one pass, without the sort.
    static func leftmostLongest(_ entities: [Entity]) -> [(start: Int, end: Int)] {
        leftmostLongest([entities])
    }

    /// `leftmostLongest` of the entities of all the lists, one after the other (the headline's
    /// and the body's).
    static func leftmostLongest(_ lists: [[Entity]]) -> [(start: Int, end: Int)] {
        var spans: [(start: Int, end: Int)] = []
        spans.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var sorted = true
        for entities in lists {
            entities.withUnsafeBufferPointer { entities in
                for i in entities.indices {
                    let (start, end) = (entities[i].start, entities[i].end)
                    if let last = spans.last, !(last.start < start || (last.start == start && last.end >= end)) { sorted = false }
                    spans.append((start: start, end: end))
                }
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

extension Array: TokenAligner.Sink where Element == TokenSpan {
    mutating func put(_ t: TokenSpan) { append(t) }
    mutating func putRun(_ run: UnsafeBufferPointer<TokenSpan>) { append(contentsOf: run) }
}
