/// A match of one automaton pattern in the text (scalar offsets, half-open).
package struct PatternMatch: Sendable, Equatable {
    package var start: Int
    package var end: Int
    package var pattern: Int32
    package init(start: Int, end: Int, pattern: Int32) {
        self.start = start
        self.end = end
        self.pattern = pattern
    }
}

/// Wenxi's one overlap policy: **never two spans on one character**. Where spans overlap, one
/// wins by one of two orders, each used where it is named:
///
/// - **Leftmost-longest** (`leftmostLongest`): scanning left to right, the span that starts first
///   wins; among spans that start at the same place, the longest wins (then the lower pattern id);
///   the next span must start at or after its end. Empty spans are dropped. Used by the tagger for
///   dictionary matches (when the winning surface form belongs to entries of several kinds,
///   `DictionaryKind.priority` — agency, organization, person, place — picks the kind; several entries of
///   that kind go to the context resolver) and by `TokenAligner` for the entity edges it cuts at.
/// - **Longest-first** (`longestFirst`): the longest span anywhere wins, then the one that starts
///   first, then the one earlier in the given order; a span that touches a taken character is
///   dropped. Used by `EntityMerger` to merge the tagger's entities with the amount stage's (named
///   ones are given first, so they win ties).
package enum OverlapPolicy {
    /// The non-overlapping matches chosen from `matches` (any order), sorted by start.
    package static func leftmostLongest(_ matches: [PatternMatch]) -> [PatternMatch] {
        let sorted = matches.sorted {
            $0.start != $1.start ? $0.start < $1.start : ($0.end != $1.end ? $0.end > $1.end : $0.pattern < $1.pattern)
        }
        return keepLeftmost(sorted) { ($0.start, $0.end) }
    }

    /// The non-overlapping spans chosen from `spans` (any order) by leftmost-longest, sorted by start.
    static func leftmostLongest(spans: [(start: Int, end: Int)]) -> [(start: Int, end: Int)] {
        keepLeftmost(spans.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }) { $0 }
    }

    /// The leftmost-longest walk over spans already sorted by start, then longest first.
    private static func keepLeftmost<T>(_ sorted: [T], _ span: (T) -> (start: Int, end: Int)) -> [T] {
        var out: [T] = []
        var pos = Int.min
        for m in sorted {
            let (start, end) = span(m)
            if start >= pos && end > start {
                out.append(m)
                pos = end
            }
        }
        return out
    }

    /// The indexes into `spans` that longest-first keeps, sorted by start (then end, then the order
    /// in which they were taken; only empty spans can tie). Empty spans never overlap anything.
    static func longestFirst(_ spans: [(start: Int, end: Int)]) -> [Int] {
        // Sorted as keys that hold what they are compared by (longest first: the negated
        // length), not as indexes compared through the array: a few times fewer instructions
        // on the long documents that need this.
        var order = spans.indices.map { i in (length: spans[i].start - spans[i].end, start: spans[i].start, index: i) }
        order.sort { $0 < $1 }
        var taken: [(start: Int, end: Int, rank: Int, index: Int)] = []
        var occupied = IndexSetLite()
        for key in order {
            let (start, end) = spans[key.index]
            if occupied.intersects(start, end) { continue }
            occupied.insert(start, end)
            taken.append((start, end, taken.count, key.index))
        }
        // By start, then end, then the order taken (unique: the index is never compared).
        return taken.sorted { $0 < $1 }.map(\.index)
    }

    /// True when a match at `start..<end` sits inside a run of Latin letters or digits (NCC in
    /// NCCU): such matches are dropped before the policy runs. Only checked at edges where the
    /// match itself has a Latin letter or digit.
    package static func cutsLatinWord(_ text: [Unicode.Scalar], start: Int, end: Int, fold: FoldTable) -> Bool {
        func alnum(_ i: Int) -> Bool {
            guard i >= 0 && i < text.count else { return false }
            let c = fold.fold(text[i].value)
            return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }
        if alnum(start) && alnum(start - 1) { return true }
        if alnum(end - 1) && alnum(end) { return true }
        return false
    }
}

/// The scalar positions taken by entities so far: one bit per position, so that testing and
/// taking a span costs its length, whatever the number of entities. (A sorted array of ranges
/// cost a memmove per insertion: quadratic on a text of hundreds of thousands of amounts.)
struct IndexSetLite {
    private var words: [UInt64] = []

    /// Whether any position of `start..<end` is taken.
    func intersects(_ start: Int, _ end: Int) -> Bool {
        var k = max(0, start)
        while k < end {
            let w = k >> 6
            if w >= words.count { return false }
            let bit = k & 63
            let span = min(64 - bit, end - k)
            let mask = span == 64 ? UInt64.max : ((UInt64(1) << UInt64(span)) - 1) << UInt64(bit)
            if words[w] & mask != 0 { return true }
            k += span
        }
        return false
    }

    /// Takes the positions of `start..<end`.
    mutating func insert(_ start: Int, _ end: Int) {
        guard end > start else { return }
        let need = ((end - 1) >> 6) + 1
        if words.count < need { words += [UInt64](repeating: 0, count: max(need - words.count, words.count)) }
        var k = max(0, start)
        while k < end {
            let bit = k & 63
            let span = min(64 - bit, end - k)
            let mask = span == 64 ? UInt64.max : ((UInt64(1) << UInt64(span)) - 1) << UInt64(bit)
            words[k >> 6] |= mask
            k += span
        }
    }
}
