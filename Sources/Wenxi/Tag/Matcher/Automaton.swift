/// An Aho-Corasick automaton over Unicode scalars, in flat arrays (no per-state allocation).
///
/// - The alphabet is dense: every scalar that occurs in a pattern (after folding) gets a symbol
///   1…n; `symbolOf` maps any scalar of the text to its symbol through the fold table, 0 for
///   scalars that occur in no pattern (they send the automaton back to the root).
/// - The root's transitions are a dense array indexed by symbol (the root is the busiest state);
///   every other state's transitions are a sorted slice of `edges` (from its `edgeStart` to the
///   next state's), searched linearly when short (most are) and by halving otherwise.
/// - `output[s]` is the pattern that ends at state `s` (patterns are distinct), `outLink[s]` the
///   nearest proper suffix state that has an output, so `scan` reports every occurrence of every
///   pattern, overlapping ones included. The overlap policy is applied afterwards (`Matcher`).
public struct Automaton: Sendable {
    /// What `scan` reads of a state, together and in 8 bytes: one cache line per state visited
    /// (the tables are larger than the caches; separate arrays cost a miss each, and the smaller
    /// the records, the more of the busy shallow states stay cached).
    struct State {
        /// Where its edges start in `edges` (they end where the next state's start; a last,
        /// sentinel state closes the list), with `reports` set when a pattern ends at this state
        /// or on its suffix chain: most states report nothing, which this says without reading
        /// `output`.
        var edges: UInt32
        var fail: Int32
        static let reports: UInt32 = 1 << 31
        var edgeStart: Int { Int(edges & ~State.reports) }
        var reportsMatches: Bool { edges & State.reports != 0 }
    }

    struct Edge {
        var symbol: Int32
        var target: Int32
    }

    /// Text scalar -> symbol (0: in no pattern). UInt16 halves the cache lines the CJK block
    /// touches compared with Int32.
    private let symbolBMP: [UInt16]
    private let symbolAstral: [UInt32: Int32]
    private let rootNext: [Int32]
    private let states: [State]
    private let edges: [Edge]
    private let output: [Int32]
    private let outLink: [Int32]
    /// Length in scalars of each pattern.
    public let patternLength: [Int32]

    public var stateCount: Int { states.count - 1 }
    public var alphabetSize: Int { rootNext.count - 1 }

    /// The most distinct (folded) characters the patterns may use.
    public static let maxAlphabet = Int(UInt16.max)

    /// Builds the automaton for `patterns` (already folded). Pattern ids are indexes into
    /// `patterns`; patterns must be distinct and non-empty. Throws when they use more than
    /// `maxAlphabet` distinct characters.
    public init(patterns: [[UInt32]], fold: FoldTable) throws {
        // Alphabet: folded scalars of the patterns, numbered in order of code point (deterministic).
        // BMP scalars are numbered through a flat table (`bmpSymbol`), others through a dictionary.
        var bmpSymbol = [Int32](repeating: 0, count: 0x10000)
        var astralDistinct = Set<UInt32>()
        for p in patterns {
            for c in p { if c < 0x10000 { bmpSymbol[Int(c)] = 1 } else { astralDistinct.insert(c) } }
        }
        var alphabet = 0
        for c in 0..<0x10000 where bmpSymbol[c] != 0 { alphabet += 1; bmpSymbol[c] = Int32(alphabet) }
        var astralSymbol: [UInt32: Int32] = [:]
        for c in astralDistinct.sorted() { alphabet += 1; astralSymbol[c] = Int32(alphabet) }
        // Symbols are stored in 16 bits (a smaller table stays in cache); today's dictionaries use
        // about 2,000 characters.
        guard alphabet <= Self.maxAlphabet else {
            throw WenxiError.malformed("dictionaries use \(alphabet) distinct characters; the matcher handles at most \(Self.maxAlphabet)")
        }
        // Nested functions read immutable copies (captured `var`s are boxed and access-checked).
        let bmpSymbolTable = bmpSymbol, astralSymbolTable = astralSymbol
        @inline(__always) func symbolOf(_ c: UInt32) -> Int32? {
            if c < 0x10000 { let s = bmpSymbolTable[Int(c)]; return s == 0 ? nil : s }
            return astralSymbolTable[c]
        }

        // Text scalar -> symbol, through the fold.
        var symbolBMP = [Int32](repeating: 0, count: 0x10000)
        for c in 0..<0x10000 {
            if let s = symbolOf(fold.fold(UInt32(c))) { symbolBMP[c] = s }
        }
        var symbolAstral: [UInt32: Int32] = [:]
        for (c, s) in astralSymbol { symbolAstral[c] = s }

        // Trie: edges collected as (parent, symbol, child), then laid out flat. While inserting,
        // the root's children are found through a dense array and other states' (few) children
        // through a first-child / next-sibling list: no hashing.
        let total = patterns.reduce(0) { $0 + $1.count } + 1
        var rootChild = [Int32](repeating: 0, count: alphabet + 1)
        var firstChild: [Int32] = [0], nextSibling: [Int32] = [0]
        firstChild.reserveCapacity(total); nextSibling.reserveCapacity(total)
        var parentSym: [(Int32, Int32)] = [(-1, 0)]
        parentSym.reserveCapacity(total)
        var output: [Int32] = [-1]
        var lengths: [Int32] = []
        lengths.reserveCapacity(patterns.count)
        for (pid, p) in patterns.enumerated() {
            var s: Int32 = 0
            for c in p {
                let sym = symbolOf(c)!
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
                if found != 0 { s = found } else {
                    let next = Int32(output.count)
                    if s == 0 { rootChild[Int(sym)] = next } else {
                        nextSibling.append(firstChild[Int(s)])
                        firstChild[Int(s)] = next
                    }
                    if s == 0 { nextSibling.append(0) }
                    firstChild.append(0)
                    parentSym.append((s, sym))
                    output.append(-1)
                    s = next
                }
            }
            output[Int(s)] = Int32(pid)
            lengths.append(Int32(p.count))
        }
        let n = output.count

        // Flat transitions: sort states by (parent, symbol).
        var rootNext = [Int32](repeating: 0, count: alphabet + 1)
        // Counting sort by parent (children keep creation order), then each parent's few children
        // by symbol (insertion sort): the same order as sorting by (parent, symbol).
        var counts = [Int32](repeating: 0, count: n)
        for st in 1..<max(n, 1) { counts[Int(parentSym[st].0)] += 1 }
        var edgeStart = [Int32](repeating: 0, count: n + 1)
        var acc: Int32 = 0
        for s in 0..<n { edgeStart[s] = acc; acc += counts[s] }
        edgeStart[n] = acc
        var edgeSymbol = [Int32](repeating: 0, count: Int(acc)), edgeTarget = [Int32](repeating: 0, count: Int(acc))
        var fill = edgeStart
        for st in 1..<max(n, 1) {
            let (p, sym) = parentSym[st]
            if p == 0 { rootNext[Int(sym)] = Int32(st) }
            let at = Int(fill[Int(p)])
            fill[Int(p)] += 1
            edgeSymbol[at] = sym
            edgeTarget[at] = Int32(st)
        }
        for s in 0..<n where counts[s] > 1 {
            let lo = Int(edgeStart[s]), hi = Int(edgeStart[s + 1])
            for i in (lo + 1)..<hi {
                let sym = edgeSymbol[i], tgt = edgeTarget[i]
                var j = i
                while j > lo && edgeSymbol[j - 1] > sym {
                    edgeSymbol[j] = edgeSymbol[j - 1]; edgeTarget[j] = edgeTarget[j - 1]; j -= 1
                }
                edgeSymbol[j] = sym; edgeTarget[j] = tgt
            }
        }

        // Failure and output links, breadth first.
        var fail = [Int32](repeating: 0, count: n)
        var outLink = [Int32](repeating: -1, count: n)
        var queue: [Int32] = []
        queue.reserveCapacity(n)
        for e in Int(edgeStart[0])..<Int(edgeStart[1]) { queue.append(edgeTarget[e]) }
        var head = 0
        let rootNextTable = rootNext, edgeStartTable = edgeStart, edgeSymbolTable = edgeSymbol, edgeTargetTable = edgeTarget
        func step(_ s: Int32, _ sym: Int32) -> Int32? {
            if s == 0 { let t = rootNextTable[Int(sym)]; return t == 0 ? nil : t }
            var lo = Int(edgeStartTable[Int(s)]), hi = Int(edgeStartTable[Int(s) + 1])
            while lo < hi {
                let mid = (lo + hi) >> 1
                let v = edgeSymbolTable[mid]
                if v == sym { return edgeTargetTable[mid] }
                if v < sym { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
        while head < queue.count {
            let s = queue[head]; head += 1
            for e in Int(edgeStart[Int(s)])..<Int(edgeStart[Int(s) + 1]) {
                let child = edgeTarget[e], sym = edgeSymbol[e]
                var f = fail[Int(s)]
                var target: Int32 = 0
                while true {
                    if let t = step(f, sym), !(s == 0) { target = t; break }
                    if f == 0 { break }
                    f = fail[Int(f)]
                }
                fail[Int(child)] = target
                outLink[Int(child)] = output[Int(target)] >= 0 ? target : outLink[Int(target)]
                queue.append(child)
            }
        }

        // Renumber the states breadth first (the order of `queue`): the shallow states, which
        // the scan visits most, then sit together at the front of `states` and `edges` (the
        // depth-1 states in a few dozen KB) instead of scattered in insertion order.
        var newIndex = [Int32](repeating: 0, count: n)
        for (k, s) in queue.enumerated() { newIndex[Int(s)] = Int32(k + 1) }
        let order: [Int32] = [0] + queue
        var states: [State] = []
        states.reserveCapacity(n + 1)
        var edges: [Edge] = []
        edges.reserveCapacity(edgeSymbol.count)
        var newOutput = [Int32](repeating: -1, count: n), newOutLink = [Int32](repeating: -1, count: n)
        for (new, old) in order.lazy.map(Int.init).enumerated() {
            let first = edges.count
            for e in Int(edgeStart[old])..<Int(edgeStart[old + 1]) {
                edges.append(Edge(symbol: edgeSymbol[e], target: newIndex[Int(edgeTarget[e])]))
            }
            let reports = output[old] >= 0 || outLink[old] >= 0
            states.append(State(edges: UInt32(first) | (reports ? State.reports : 0), fail: newIndex[Int(fail[old])]))
            newOutput[new] = output[old]
            newOutLink[new] = outLink[old] >= 0 ? newIndex[Int(outLink[old])] : -1
        }

        states.append(State(edges: UInt32(edges.count), fail: 0))  // the sentinel

        self.symbolBMP = symbolBMP.map { UInt16($0) }
        self.symbolAstral = symbolAstral
        self.rootNext = rootNext.map { newIndex[Int($0)] }
        self.edges = edges
        self.states = states
        self.output = newOutput
        self.outLink = newOutLink
        self.patternLength = lengths
    }

    /// Every occurrence of every pattern in `text`: (start, end, pattern), in order of end, then
    /// longest first. Offsets are indexes into `text` (scalars).
    public func scan(_ text: [Unicode.Scalar]) -> [(start: Int, end: Int, pattern: Int32)] {
        var out: [(start: Int, end: Int, pattern: Int32)] = []
        out.reserveCapacity(text.count / 16)
        text.withUnsafeBufferPointer { buf in
            symbolBMP.withUnsafeBufferPointer { symbols in
            rootNext.withUnsafeBufferPointer { root in
            states.withUnsafeBufferPointer { stateP in
            edges.withUnsafeBufferPointer { edgeP in
            output.withUnsafeBufferPointer { outP in
            outLink.withUnsafeBufferPointer { linkP in
            patternLength.withUnsafeBufferPointer { lenP in
                var state: Int32 = 0
                for i in 0..<buf.count {
                    let c = buf[i].value
                    let sym = c < 0x10000 ? Int32(symbols[Int(c)]) : (symbolAstral[c] ?? 0)
                    if sym == 0 { state = 0; continue }
                    while true {
                        if state == 0 { state = root[Int(sym)]; break }
                        let st = stateP[Int(state)]
                        var lo = st.edgeStart, hi = stateP[Int(state) + 1].edgeStart
                        var found: Int32 = -1
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
                        if found >= 0 { state = found; break }
                        state = st.fail
                    }
                    if state == 0 { continue }
                    guard stateP[Int(state)].reportsMatches else { continue }
                    var s = outP[Int(state)] >= 0 ? state : linkP[Int(state)]
                    while s > 0 {
                        let p = outP[Int(s)]
                        out.append((i + 1 - Int(lenP[Int(p)]), i + 1, p))
                        s = linkP[Int(s)]
                    }
                }
            }}}}}}}
        }
        return out
    }
}
