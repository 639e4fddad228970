/// Merges the entity lists of the tagger and the amount stage into one: sorted by start, no two
/// entities on one character (`OverlapPolicy.longestFirst`), each entity's sentence set.
enum EntityMerger {
    /// Merges the named and numeric entity lists: sorted by start, never two entities on one
    /// character (where they overlap, the longer span wins, then the earlier, then the named
    /// one: `OverlapPolicy.longestFirst`), and each entity's sentence index set.
    static func merge(_ named: [Entity], _ numeric: [Entity], sentences: [Span]) -> [Entity] {
        var named = named, numeric = numeric
        return merge(taking: &named, &numeric, sentences: sentences)
    }

    /// `merge`, moving the entities out of `named` and `numeric` (left empty) instead of copying
    /// them: a copy of an entity retains a dozen strings, and the lists are dropped right after.
    static func merge(taking named: inout [Entity], _ numeric: inout [Entity], sentences: [Span]) -> [Entity] {
        // No entity starts before 0: the head is empty.
        var out = merge(taking: &named, &numeric, splittingAt: 0).body
        assignSentences(&out, sentences: sentences)
        return out
    }

    /// `merge` without setting sentences, in two lists: the entities that start before `split`
    /// (the headline's, in the pipeline) and the others. Each is moved once into its own list:
    /// splitting one merged list afterwards moved every body entity (hundreds of bytes each)
    /// down over the headline's.
    static func merge(taking named: inout [Entity], _ numeric: inout [Entity], splittingAt split: Int)
        -> (head: [Entity], body: [Entity]) {
        // Spans are sorted rather than the (large) entities. Index i < named.count is named[i],
        // else numeric[i - named.count]: named ones come first, so a tie on the index means the
        // named one, then the earlier in its list.
        let spans = named.map { (start: $0.start, end: $0.end) } + numeric.map { (start: $0.start, end: $0.end) }
        let kept = disjointOrder(spans, split: named.count) ?? longestFirstInGroups(spans, split: named.count)
        let n = named.count
        // Nothing kept: an empty list, not `unsafeUninitializedCapacity: 0`, which stores its count
        // into the shared empty-array storage (ThreadSanitizer: a race between two workers).
        if kept.isEmpty {
            named = []
            numeric = []
            return ([], [])
        }
        // `kept` is in order of start: the head is a prefix of it.
        var headCount = 0
        while headCount < kept.count && spans[kept[headCount]].start < split { headCount += 1 }
        // Where each entity goes: its place in `kept`, or -1 when it is dropped.
        var place = [Int32](repeating: -1, count: spans.count)
        for (p, i) in kept.enumerated() { place[i] = Int32(truncatingIfNeeded: p) }
        // Each entity is taken off the back of its list (`removeLast` moves it out and shortens
        // the list, so that the emptied lists hold nothing to destroy when they are dropped) and
        // moved into its slot of the head or the body. Filling each old slot with the bytes of a
        // placeholder instead cost a destroy of every placeholder when the lists were freed (a
        // third of the merge).
        var head: [Entity] = []
        let body = filled(kept.count - headCount) { bodySlots in
            head = filled(headCount) { headSlots in
                func put(_ e: consuming Entity, _ i: Int) {
                    let p = Int(place[i])
                    guard p >= 0 else { return }  // dropped: destroyed here
                    if p < headCount { (headSlots! + p).initialize(to: e) } else { (bodySlots! + (p - headCount)).initialize(to: e) }
                }
                for i in stride(from: numeric.count - 1, through: 0, by: -1) { put(numeric.removeLast(), n + i) }
                for i in stride(from: n - 1, through: 0, by: -1) { put(named.removeLast(), i) }
            }
        }
        named = []
        numeric = []
        return (head, body)
    }

    /// A list of `count` entities that `fill` initializes in place (given nil when `count` is
    /// 0: then an empty list, not `unsafeUninitializedCapacity: 0`, which stores its count into
    /// the shared empty-array storage — ThreadSanitizer saw a race between two workers).
    private static func filled(_ count: Int, _ fill: (UnsafeMutablePointer<Entity>?) -> Void) -> [Entity] {
        if count == 0 {
            fill(nil)
            return []
        }
        return [Entity](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer.baseAddress!)
            initialized = count
        }
    }

    /// `OverlapPolicy.longestFirst(spans)`, with the policy run on each group of spans that
    /// overlap one another instead of on all of them: spans of two groups never overlap, so what
    /// the policy keeps of one group does not depend on the others, and a span alone in its group
    /// is kept without sorting. (Sorting every span of a document whose lists cross in one place
    /// was 1.9 M instructions on 3 of 244 posts; README Benchmark, "assemble, encode and
    /// amounts, fourth pass".) Both lists (`..<split`, `split...`) must be sorted by start then
    /// end, as taggers give them; otherwise, or with a span that ends before it starts, the
    /// policy runs on all spans.
    static func longestFirstInGroups(_ spans: [(start: Int, end: Int)], split: Int) -> [Int] {
        // Every index in order of start, then end, then index: the two lists merged.
        func before(_ i: Int, _ j: Int) -> Bool {
            spans[i].start != spans[j].start ? spans[i].start < spans[j].start
                : (spans[i].end != spans[j].end ? spans[i].end < spans[j].end : i < j)
        }
        var order: [Int] = []
        order.reserveCapacity(spans.count)
        var i = 0, j = split
        while i < split || j < spans.count {
            let k: Int
            if j == spans.count || (i < split && before(i, j)) { k = i; i += 1 } else { k = j; j += 1 }
            let previous = k < split ? k - 1 : (k > split ? k - 1 : -1)
            if previous >= 0 && !before(previous, k) { return OverlapPolicy.longestFirst(spans) }
            if spans[k].end < spans[k].start { return OverlapPolicy.longestFirst(spans) }
            order.append(k)
        }
        // Groups: a span joins the group before it when it starts before the furthest end of
        // that group's spans (an empty span there too, so that the policy orders it with them).
        var out: [Int] = []
        out.reserveCapacity(spans.count)
        var group: [Int] = []
        var reach = Int.min
        func flush() {
            if group.count == 1 {
                out.append(group[0])
            } else if group.count > 1 {
                // The policy's tie on equal empty spans is their order in its list: the group
                // keeps them in order of index, as in `spans`.
                for g in OverlapPolicy.longestFirst(group.map { spans[$0] }) { out.append(group[g]) }
            }
            group.removeAll(keepingCapacity: true)
        }
        for k in order {
            let (start, end) = spans[k]
            if start >= reach {
                flush()
                reach = start
            }
            group.append(k)
            if end > reach { reach = end }
        }
        flush()
        return out
    }

    /// What `OverlapPolicy.longestFirst(spans)` returns when no two non-empty spans overlap and
    /// both lists (`..<split`, `split...`) are sorted by start then end: every index, in order of
    /// start, then end, then index — a merge of the two lists in one pass, where the policy sorts
    /// all spans by length. Nil when the spans overlap or a list is out of order (the policy then
    /// decides). Taggers' lists are each sorted and overlap-free, and cross rarely.
    static func disjointOrder(_ spans: [(start: Int, end: Int)], split: Int) -> [Int]? {
        func before(_ i: Int, _ j: Int) -> Bool {
            spans[i].start != spans[j].start ? spans[i].start < spans[j].start
                : (spans[i].end != spans[j].end ? spans[i].end < spans[j].end : i < j)
        }
        var out: [Int] = []
        out.reserveCapacity(spans.count)
        var i = 0, j = split
        var reach = Int.min  // the furthest end of the non-empty spans taken so far
        while i < split || j < spans.count {
            let k: Int
            if j == spans.count || (i < split && before(i, j)) { k = i; i += 1 } else { k = j; j += 1 }
            // Each list in order (its previous element, if any, comes before this one).
            let previous = k < split ? k - 1 : (k > split ? k - 1 : -1)
            if previous >= 0 && !before(previous, k) { return nil }
            let s = spans[k]
            if s.end > s.start {
                if s.start < reach { return nil }
                reach = s.end
            } else if s.end < s.start {
                return nil
            }
            out.append(k)
        }
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
