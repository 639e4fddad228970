/// An Aho-Corasick automaton over Unicode scalars, in flat arrays (no per-state allocation).
///
/// - The alphabet is dense: every scalar that occurs in a pattern (after folding) gets a symbol
///   1…n; `symbolOf` maps any scalar of the text to its symbol through the fold table, 0 for
///   scalars that occur in no pattern (they send the automaton back to the root).
/// - The root's transitions are a dense array indexed by symbol (the root is the busiest state);
///   every other state's transitions are a sorted slice of `edges` (from its `edgeStart` to the
///   next state's), searched linearly when short (most are) and by halving otherwise.
/// - `hits[s]` holds the pattern that ends at state `s` (patterns are distinct), its length, and
///   the nearest proper suffix state that has an output, so `scan` reports every occurrence of every
///   pattern, overlapping ones included. The overlap policy is applied afterwards (`Matcher`).
/// - A transition's target carries, in its sign bit, whether the state it enters reports a match
///   (a pattern ends there or on its suffix chain): the scan learns it without reading the
///   state, which it reads only when the next character needs its transitions.
///
/// A class: its tables never change after `init`, and the lexicon's automaton read per document
/// was copied (six tables retained and released) as a struct.
package final class Automaton: Sendable {
    /// What `scan` reads of a state, together and in 16 bytes: one cache line per state visited
    /// (the tables are larger than the caches; separate arrays cost a miss each). The state's
    /// first (lowest) edge is kept here too: most states have one edge, and most steps are
    /// decided by it without reading `edges` (in perf, the load of the edge was the hottest
    /// instruction of the scan).
    struct State {
        /// Where its edges start in `edges` (they end where the next state's start; a last,
        /// sentinel state closes the list).
        var edges: UInt32
        /// The failure state (a plain index, no `reports` bit).
        var fail: Int32
        /// The first edge's symbol (`Int32.max` when the state has none) and target (a `Target`).
        var firstSymbol: Int32 = Int32.max
        var firstTarget: Int32 = 0
        var edgeStart: Int { Int(edges) }
    }

    /// A transition's target: the state's index, with the sign bit set when the state reports
    /// matches (`rootNext`, `Edge.target`, `State.firstTarget`). In perf, reading the state just
    /// entered to learn this was the hottest instruction of the scan, and a state followed by a
    /// character of no pattern (punctuation, most function words) is never read otherwise.
    enum Target {
        static let reports = Int32.min
        @inline(__always) static func index(_ t: Int32) -> Int { Int(t & Int32.max) }
    }

    struct Edge {
        var symbol: Int32
        /// A `Target`.
        var target: Int32
    }

    /// What `scan` reads of a state it enters that reports matches, together in 12 bytes: the
    /// pattern ending there, its length, and the next state on the suffix chain that has an
    /// output. Three arrays (output, suffix link, pattern length) cost up to three cache misses
    /// per match; this one, one.
    struct Hit {
        /// The pattern that ends at the state, -1 for none.
        var pattern: Int32
        /// Its length in scalars (0 for none).
        var length: Int32
        /// The nearest proper suffix state with an output, -1 for none.
        var link: Int32
    }

    /// Text scalar -> symbol (0: in no pattern). UInt16 halves the cache lines the CJK block
    /// touches compared with Int32.
    private let symbolBMP: [UInt16]
    private let symbolAstral: [UInt32: Int32]
    private let rootNext: [Int32]
    private let states: [State]
    private let edges: [Edge]
    private let hits: [Hit]
    /// Length in scalars of each pattern.
    package let patternLength: [Int32]

    package var stateCount: Int { states.count - 1 }
    package var alphabetSize: Int { rootNext.count - 1 }

    /// The most distinct (folded) characters the patterns may use.
    package static let maxAlphabet = Int(UInt16.max)

    /// Builds the automaton for `patterns` (already folded). Pattern ids are indexes into
    /// `patterns`; patterns must be distinct and non-empty. Throws when they use more than
    /// `maxAlphabet` distinct characters.
    package init(patterns: [[UInt32]], fold: FoldTable) throws {
        let alphabet = try Alphabet(patterns: patterns)
        let trie = Trie(patterns: patterns, alphabet: alphabet)
        let flat = FlatEdges(trie: trie, alphabetSize: alphabet.size)
        let links = FailureLinks(flat: flat, output: trie.output)
        let layout = BreadthFirstLayout(flat: flat, links: links, output: trie.output)
        self.symbolBMP = alphabet.textSymbols(fold: fold)
        self.symbolAstral = alphabet.astral
        self.rootNext = flat.rootNext.map { $0 == 0 ? 0 : layout.target(layout.newIndex[Int($0)]) }
        self.edges = layout.edges
        self.states = layout.states
        self.patternLength = trie.lengths
        self.hits = zip(layout.output, layout.outLink).map { p, link in
            Hit(pattern: p, length: p >= 0 ? trie.lengths[Int(p)] : 0, link: link)
        }
    }

    /// Phase 1: the alphabet. Folded scalars of the patterns, numbered in order of code point
    /// (deterministic); BMP scalars through a flat table, others through a dictionary.
    private struct Alphabet {
        /// BMP scalar -> symbol, 0 for scalars in no pattern.
        var bmp = [Int32](repeating: 0, count: 0x10000)
        var astral: [UInt32: Int32] = [:]
        var size = 0

        init(patterns: [[UInt32]]) throws {
            var astralDistinct = Set<UInt32>()
            for p in patterns {
                for c in p { if c < 0x10000 { bmp[Int(c)] = 1 } else { astralDistinct.insert(c) } }
            }
            for c in 0..<0x10000 where bmp[c] != 0 { size += 1; bmp[c] = Int32(size) }
            for c in astralDistinct.sorted() { size += 1; astral[c] = Int32(size) }
            // Symbols are stored in 16 bits (a smaller table stays in cache); today's dictionaries use
            // about 2,000 characters.
            guard size <= Automaton.maxAlphabet else {
                throw WenxiError.malformed("dictionaries use \(size) distinct characters; the matcher handles at most \(Automaton.maxAlphabet)")
            }
        }

        @inline(__always) func symbol(_ c: UInt32) -> Int32? {
            if c < 0x10000 { let s = bmp[Int(c)]; return s == 0 ? nil : s }
            return astral[c]
        }

        /// Text scalar -> symbol, through the fold (0: in no pattern).
        func textSymbols(fold: FoldTable) -> [UInt16] {
            var table = [UInt16](repeating: 0, count: 0x10000)
            for c in 0..<0x10000 {
                if let s = symbol(fold.fold(UInt32(c))) { table[c] = UInt16(s) }
            }
            return table
        }
    }

    /// Phase 2: the trie, as each state's (parent, symbol) in creation order. While inserting,
    /// the root's children are found through a dense array and other states' (few) children
    /// through a first-child / next-sibling list: no hashing.
    private struct Trie {
        var parentSym: [(Int32, Int32)] = [(-1, 0)]
        /// The pattern ending at each state, -1 for none.
        var output: [Int32] = [-1]
        var lengths: [Int32] = []
        var count: Int { output.count }

        init(patterns: [[UInt32]], alphabet: Alphabet) {
            let total = patterns.reduce(0) { $0 + $1.count } + 1
            var rootChild = [Int32](repeating: 0, count: alphabet.size + 1)
            var firstChild: [Int32] = [0], nextSibling: [Int32] = [0]
            firstChild.reserveCapacity(total); nextSibling.reserveCapacity(total)
            parentSym.reserveCapacity(total)
            lengths.reserveCapacity(patterns.count)
            for (pid, p) in patterns.enumerated() {
                var s: Int32 = 0
                for c in p {
                    let sym = alphabet.symbol(c)!
                    var found: Int32 = 0
                    if s == 0 {
                        found = rootChild[Int(sym)]
                    } else {
                        var ch = firstChild[Int(s)]
                        while ch != 0 {
                            if parentSym[Int(ch)].1 == sym { found = ch; break }
                            ch = nextSibling[Int(ch)]
                        }
                    }
                    if found != 0 { s = found; continue }
                    let next = Int32(output.count)
                    if s == 0 { rootChild[Int(sym)] = next; nextSibling.append(0) } else {
                        nextSibling.append(firstChild[Int(s)])
                        firstChild[Int(s)] = next
                    }
                    firstChild.append(0)
                    parentSym.append((s, sym))
                    output.append(-1)
                    s = next
                }
                output[Int(s)] = Int32(pid)
                lengths.append(Int32(p.count))
            }
        }
    }

    /// Phase 3: flat transitions, states' edges sorted by (parent, symbol), and the root's as a
    /// dense array. State `s`'s edges are `start[s]..<start[s + 1]`.
    private struct FlatEdges {
        var rootNext: [Int32]
        var start: [Int32]
        var symbol: [Int32]
        var target: [Int32]

        /// Counting sort by parent (children keep creation order), then each parent's few
        /// children by symbol: the same order as sorting by (parent, symbol).
        init(trie: Trie, alphabetSize: Int) {
            let n = trie.count
            rootNext = [Int32](repeating: 0, count: alphabetSize + 1)
            var counts = [Int32](repeating: 0, count: n)
            for st in 1..<max(n, 1) { counts[Int(trie.parentSym[st].0)] += 1 }
            start = [Int32](repeating: 0, count: n + 1)
            var acc: Int32 = 0
            for s in 0..<n { start[s] = acc; acc += counts[s] }
            start[n] = acc
            symbol = [Int32](repeating: 0, count: Int(acc))
            target = [Int32](repeating: 0, count: Int(acc))
            var fill = start
            for st in 1..<max(n, 1) {
                let (p, sym) = trie.parentSym[st]
                if p == 0 { rootNext[Int(sym)] = Int32(st) }
                let at = Int(fill[Int(p)])
                fill[Int(p)] += 1
                symbol[at] = sym
                target[at] = Int32(st)
            }
            for s in 0..<n where counts[s] > 1 { sortBySymbol(Int(start[s]), Int(start[s + 1])) }
        }

        /// Insertion sort of the edges `lo..<hi` (one state's few children) by symbol.
        private mutating func sortBySymbol(_ lo: Int, _ hi: Int) {
            for i in (lo + 1)..<hi {
                let sym = symbol[i], tgt = target[i]
                var j = i
                while j > lo && symbol[j - 1] > sym {
                    symbol[j] = symbol[j - 1]; target[j] = target[j - 1]; j -= 1
                }
                symbol[j] = sym; target[j] = tgt
            }
        }

        /// The state reached from `s` by `sym`, if it has such an edge.
        func step(_ s: Int32, _ sym: Int32) -> Int32? {
            if s == 0 { let t = rootNext[Int(sym)]; return t == 0 ? nil : t }
            var lo = Int(start[Int(s)]), hi = Int(start[Int(s) + 1])
            while lo < hi {
                let mid = (lo + hi) >> 1
                let v = symbol[mid]
                if v == sym { return target[mid] }
                if v < sym { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
    }

    /// Phase 4: failure and output links, breadth first; `order` is the breadth-first order of
    /// the states other than the root.
    private struct FailureLinks {
        var fail: [Int32]
        var outLink: [Int32]
        var order: [Int32] = []

        init(flat: FlatEdges, output: [Int32]) {
            let n = output.count
            fail = [Int32](repeating: 0, count: n)
            outLink = [Int32](repeating: -1, count: n)
            order.reserveCapacity(n)
            for e in Int(flat.start[0])..<Int(flat.start[1]) { order.append(flat.target[e]) }
            var head = 0
            while head < order.count {
                let s = order[head]; head += 1
                for e in Int(flat.start[Int(s)])..<Int(flat.start[Int(s) + 1]) {
                    let child = flat.target[e], sym = flat.symbol[e]
                    var f = fail[Int(s)]
                    var target: Int32 = 0
                    while true {
                        if let t = flat.step(f, sym), !(s == 0) { target = t; break }
                        if f == 0 { break }
                        f = fail[Int(f)]
                    }
                    fail[Int(child)] = target
                    outLink[Int(child)] = output[Int(target)] >= 0 ? target : outLink[Int(target)]
                    order.append(child)
                }
            }
        }
    }

    /// Phase 5: the states renumbered breadth first (the order of `FailureLinks.order`): the
    /// shallow states, which the scan visits most, then sit together at the front of `states`
    /// and `edges` (the depth-1 states in a few dozen KB) instead of scattered in insertion order.
    private struct BreadthFirstLayout {
        var newIndex: [Int32]
        var states: [State] = []
        var edges: [Edge] = []
        var output: [Int32]
        var outLink: [Int32]

        /// Per new index: whether the state reports matches.
        var reports: [Bool]

        /// State `new` as a transition target (`Target`).
        func target(_ new: Int32) -> Int32 { reports[Int(new)] ? new | Target.reports : new }

        init(flat: FlatEdges, links: FailureLinks, output oldOutput: [Int32]) {
            let n = oldOutput.count
            newIndex = [Int32](repeating: 0, count: n)
            for (k, s) in links.order.enumerated() { newIndex[Int(s)] = Int32(k + 1) }
            reports = [Bool](repeating: false, count: n)
            for old in 0..<n where oldOutput[old] >= 0 || links.outLink[old] >= 0 { reports[Int(newIndex[old])] = true }
            let order: [Int32] = [0] + links.order
            states.reserveCapacity(n + 1)
            edges.reserveCapacity(flat.symbol.count)
            output = [Int32](repeating: -1, count: n)
            outLink = [Int32](repeating: -1, count: n)
            for (new, old) in order.lazy.map(Int.init).enumerated() {
                let first = edges.count
                for e in Int(flat.start[old])..<Int(flat.start[old + 1]) {
                    edges.append(Edge(symbol: flat.symbol[e], target: target(newIndex[Int(flat.target[e])])))
                }
                let oldLink = links.outLink[old]
                var state = State(edges: UInt32(first), fail: newIndex[Int(links.fail[old])])
                if edges.count > first { state.firstSymbol = edges[first].symbol; state.firstTarget = edges[first].target }
                states.append(state)
                output[new] = oldOutput[old]
                outLink[new] = oldLink >= 0 ? newIndex[Int(oldLink)] : -1
            }
            states.append(State(edges: UInt32(edges.count), fail: 0))  // the sentinel
        }
    }

    /// Every occurrence of every pattern in `text`: (start, end, pattern), in order of end, then
    /// longest first. Offsets are indexes into `text` (scalars).
    package func scan(_ text: [Unicode.Scalar]) -> [(start: Int, end: Int, pattern: Int32)] {
        var out: [(start: Int, end: Int, pattern: Int32)] = []
        out.reserveCapacity(text.count / 16)
        text.withUnsafeBufferPointer { buf in
            symbolBMP.withUnsafeBufferPointer { symbols in
            rootNext.withUnsafeBufferPointer { root in
            states.withUnsafeBufferPointer { stateP in
            edges.withUnsafeBufferPointer { edgeP in
            hits.withUnsafeBufferPointer { hitP in
                // The current state as a `Target`: a transition sets it; the failure links that
                // lead there are plain indexes, and no state is read before the next character's
                // symbol says a transition is needed.
                var state: Int32 = 0
                for i in 0..<buf.count {
                    let c = buf[i].value
                    let sym = c < 0x10000 ? Int32(symbols[Int(c)]) : (symbolAstral[c] ?? 0)
                    if sym == 0 { state = 0; continue }
                    var at = Target.index(state)
                    while true {
                        if at == 0 { state = root[Int(sym)]; break }
                        let st = stateP[at]
                        var found: Int32 = 0  // no edge leads back to the root
                        // The first edge, kept in the state: edges are sorted by symbol, so a
                        // first symbol at or above `sym` decides.
                        if st.firstSymbol >= sym {
                            if st.firstSymbol == sym { state = st.firstTarget; break }
                            at = Int(st.fail)
                            continue
                        }
                        var lo = st.edgeStart + 1, hi = stateP[at + 1].edgeStart
                        if hi - lo <= 8 {
                            // Most states have one to three edges: a linear look is cheaper than halving.
                            while lo < hi {
                                let e = edgeP[lo]
                                if e.symbol >= sym { if e.symbol == sym { found = e.target }; break }
                                lo += 1
                            }
                        } else {
                            while lo < hi {
                                let mid = (lo + hi) >> 1
                                let e = edgeP[mid]
                                if e.symbol == sym { found = e.target; break }
                                if e.symbol < sym { lo = mid + 1 } else { hi = mid }
                            }
                        }
                        if found != 0 { state = found; break }
                        at = Int(st.fail)
                    }
                    guard state < 0 else { continue }
                    // The state entered, then its suffix chain: each an output (the chain's
                    // links lead only to states that have one).
                    var h = hitP[Target.index(state)]
                    if h.pattern >= 0 { out.append((i + 1 - Int(h.length), i + 1, h.pattern)) }
                    while h.link > 0 {
                        h = hitP[Int(h.link)]
                        out.append((i + 1 - Int(h.length), i + 1, h.pattern))
                    }
                }
            }}}}}
        }
        return out
    }
}
