/// Repairs of ICU's sentence boundaries, on UTF-16 code units (every character they look at is
/// in the BMP).
///
/// ICU follows UAX #29, whose `Close` class holds opening brackets and quotes as well as closing
/// ones, so after `。` it swallows the `（` or `「` that opens the next sentence
/// (`…推動。（` | `編輯：林恕暉）1120919`). The rules, applied per paragraph:
/// 1. Paragraph breaks (`\n`) always end a sentence; nothing moves across them.
/// 2. A sentence never starts with a closing bracket or quote, nor with punctuation that ends
///    a clause (`。，、；：！？`): the boundary moves right past them.
/// 3. Opening brackets and quotes at the end of a sentence move to the sentence they open.
/// 4. A credit line is one sentence of its own: a bracket whose content starts with a credit role
///    and a colon (`（編輯：林恕暉）`, `（譯者：…／核稿：…）`), or a short bracket of names followed by a
///    date code at the end of the paragraph, with its date code (7 digits, ROC `1120919`, or 8,
///    `20200818`).
/// 5. A sentence that is only a parenthesised aside (not a credit line) is not a sentence: at the
///    start of a paragraph it joins the sentence after it (the CNA dateline
///    `（中央社記者葉臻桃園19日電）`), elsewhere the sentence before it.
/// 6. White space at either end of a sentence is trimmed; empty sentences are dropped.
/// 7. A short attribution after a quotation joins it: `「……。」` + `毛尖說。` is one sentence.
/// 8. A list number alone (`1.`) joins the sentence it numbers.
enum SentenceRules {
    /// Opening brackets and quotes, each with its closing partner.
    static let pairs: [UInt16: UInt16] = {
        let p: [(Character, Character)] = [
            ("（", "）"), ("(", ")"), ("「", "」"), ("『", "』"), ("“", "”"), ("‘", "’"),
            ("《", "》"), ("〈", "〉"), ("【", "】"), ("〔", "〕"), ("［", "］"), ("[", "]"),
            ("｛", "｝"), ("{", "}"), ("〖", "〗"), ("〘", "〙"), ("﹁", "﹂"), ("﹃", "﹄"),
            ("﹙", "﹚"), ("﹝", "﹞"),
        ]
        var d: [UInt16: UInt16] = [:]
        for (o, c) in p { d[o.utf16.first!] = c.utf16.first! }
        return d
    }()

    /// One byte per BMP code unit (64 KB, built once): bit 0 opening, bit 1 closing, bit 2
    /// clause-ending punctuation.
    private static let classes: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 0x10000)
        for (o, c) in pairs {
            t[Int(o)] |= 1
            t[Int(c)] |= 2
        }
        for ch in "。．，、；：！？!?,;:﹒﹐﹑﹔﹕﹖﹗｡､" { t[Int(ch.utf16.first!)] |= 4 }
        return t
    }()

    @inline(__always) static func isOpening(_ c: UInt16) -> Bool { classes[Int(c)] & 1 != 0 }
    @inline(__always) static func isClosing(_ c: UInt16) -> Bool { classes[Int(c)] & 2 != 0 }
    @inline(__always) static func neverStarts(_ c: UInt16) -> Bool { classes[Int(c)] & 6 != 0 }

    /// White space (Unicode White_Space in the BMP).
    @inline(__always) static func isSpace(_ c: UInt16) -> Bool {
        switch c {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// ASCII or full-width decimal digit.
    @inline(__always) static func isDigit(_ c: UInt16) -> Bool {
        (0x30...0x39).contains(c) || (0xFF10...0xFF19).contains(c)
    }

    /// Credit roles that open a credit line (Traditional and Simplified).
    static let creditRoles: [[UInt16]] = [
        "編輯", "编辑", "譯者", "译者", "核稿", "編譯", "编译", "實習編譯", "实习编译", "責任編輯", "责任编辑",
        "校對", "校对", "審稿", "审稿", "翻譯", "翻译", "攝影", "摄影",
    ].map { Array($0.utf16) }

    /// Sentence ranges (UTF-16 offsets) of `u`, given ICU's sentence boundaries in order.
    static func sentences(_ u: UnsafeBufferPointer<UInt16>, icuBoundaries icu: [Int]) -> [Range<Int>] {
        var work = Work()
        sentences(u, icuBoundaries: icu, work: &work)
        return work.out
    }

    /// The lists one text's repairs write, kept by a `Segmenter` from one text to the next: four
    /// allocations a document fewer, and memory already in the cache.
    struct Work {
        /// The sentence ranges of the last text (UTF-16 offsets).
        var out: [Range<Int>] = []
        var cuts: [Int] = []
        var credits: [Range<Int>] = []
        var scratch: [Int] = []

        /// Ranges (or cuts) the lists keep room for between texts; a longer text's are freed.
        static let kept = 4096

        /// Empties the lists, keeping their room unless a long text grew them beyond `kept`.
        mutating func reset() {
            if out.capacity > Work.kept || cuts.capacity > Work.kept || scratch.capacity > Work.kept {
                self = Work()
            } else {
                out.removeAll(keepingCapacity: true)
            }
        }
    }

    /// `sentences(u, icuBoundaries:)` into `work.out` (emptied first), with `work`'s lists.
    static func sentences(_ u: UnsafeBufferPointer<UInt16>, icuBoundaries icu: [Int], work: inout Work) {
        work.reset()
        work.out.reserveCapacity(icu.count + 4)
        sentences(u, icu, &work.out, &work.cuts, &work.credits, &work.scratch)
    }

    private static func sentences(
        _ u: UnsafeBufferPointer<UInt16>, _ icu: [Int], _ out: inout [Range<Int>], _ cuts: inout [Int],
        _ credits: inout [Range<Int>], _ scratch: inout [Int]
    ) {
        var k = 0
        var ps = 0
        let n = u.count
        while ps <= n {
            let pe = UnitScan.first(u, from: ps, to: n, 0x0A, 0x0A)
            cuts.removeAll(keepingCapacity: true)
            cuts.append(ps)
            while k < icu.count && icu[k] <= ps { k += 1 }
            while k < icu.count && icu[k] < pe { cuts.append(icu[k]); k += 1 }
            cuts.append(pe)
            paragraph(u, &cuts, &credits, &scratch, into: &out)
            ps = pe + 1
        }
    }

    /// Repairs the cuts of one paragraph (`cuts` starts at its start and ends at its end) and
    /// appends its sentences.
    private static func paragraph(
        _ u: UnsafeBufferPointer<UInt16>, _ cuts: inout [Int], _ credits: inout [Range<Int>],
        _ scratch: inout [Int], into out: inout [Range<Int>]
    ) {
        // Every pass is linear (compaction in place, no remove(at:)): a 200 MB single-paragraph
        // input must not turn quadratic.
        let ps = cuts[0], pe = cuts[cuts.count - 1]
        // Rules 2 and 3: move cuts off closers and clause punctuation, and before openers.
        var w = 1
        for i in 1..<(cuts.count - 1) {
            let lo = cuts[w - 1], hi = cuts[i + 1]
            var c = cuts[i]
            while c < hi && neverStarts(u[c]) { c += 1 }
            if c == cuts[i] {
                var k = c
                while k > lo && isSpace(u[k - 1]) { k -= 1 }
                var m = k
                while m > lo && isOpening(u[m - 1]) { m -= 1 }
                if m < k { c = m }
            }
            if c > lo && c < hi {
                cuts[w] = c
                w += 1
            }
        }
        cuts[w] = pe
        cuts.removeLast(cuts.count - w - 1)

        // Rule 4: credit lines. No cut inside one, a cut at each end.
        credits.removeAll(keepingCapacity: true)
        // Only an opening parenthesis starts one: found a vector at a time.
        var s = UnitScan.first(u, from: ps, to: pe, 0xFF08, 0x28)
        while s < pe {
            if let e = creditEnd(u, from: s, paragraphEnd: pe) {
                credits.append(s..<e)
                s = e
            } else {
                s += 1
            }
            s = UnitScan.first(u, from: s, to: pe, 0xFF08, 0x28)
        }
        if !credits.isEmpty {
            scratch.removeAll(keepingCapacity: true)
            var ci = 0
            func add(_ c: Int) { if scratch.last != c { scratch.append(c) } }
            for c in cuts {
                while ci < credits.count && credits[ci].upperBound <= c {
                    // Credit ci ends at or before c: its two ends come first.
                    add(credits[ci].lowerBound)
                    add(credits[ci].upperBound)
                    ci += 1
                }
                if ci < credits.count && c > credits[ci].lowerBound { continue }  // inside credit ci
                if ci < credits.count && c == credits[ci].lowerBound { continue }  // added with it
                add(c)
            }
            while ci < credits.count {
                add(credits[ci].lowerBound)
                add(credits[ci].upperBound)
                ci += 1
            }
            swap(&cuts, &scratch)
        }

        // Rule 6: trim, drop empties.
        let first = out.count
        for j in 0..<(cuts.count - 1) {
            var a = cuts[j], b = cuts[j + 1]
            while a < b && isSpace(u[a]) { a += 1 }
            while b > a && isSpace(u[b - 1]) { b -= 1 }
            if a < b { out.append(a..<b) }
        }

        // Rules 8 and 7: a list number joins its item; an attribution joins the quotation.
        var end = out.count
        w = first
        var j = first
        while j < end {
            var r = out[j]
            j += 1
            if j < end && isEnumerator(u, r) {
                r = r.lowerBound..<out[j].upperBound
                j += 1
            }
            if w > first && isAttribution(u, r) && endsWithQuote(u, out[w - 1]) {
                out[w - 1] = out[w - 1].lowerBound..<r.upperBound
            } else {
                out[w] = r
                w += 1
            }
        }
        out.removeLast(end - w)

        // Rule 5: asides join a neighbour.
        end = out.count
        w = first
        j = first
        var ci = 0
        while j < end {
            var r = out[j]
            j += 1
            while ci < credits.count && credits[ci].lowerBound < r.lowerBound { ci += 1 }
            let credit = ci < credits.count && credits[ci].lowerBound == r.lowerBound
            if !credit && isAside(u, r) {
                if w == first {
                    if j < end {
                        r = r.lowerBound..<out[j].upperBound
                        j += 1
                    }
                } else {
                    out[w - 1] = out[w - 1].lowerBound..<r.upperBound
                    continue
                }
            }
            out[w] = r
            w += 1
        }
        out.removeLast(end - w)
    }

    /// Speech verbs that close an attribution (`…。」他說。`), Traditional and Simplified.
    static let speechVerbs: [[UInt16]] = [
        "說", "说", "表示", "道", "指出", "強調", "强调", "問", "问", "回應", "回应", "補充", "补充", "透露",
        "坦言", "直言", "寫道", "写道", "解釋", "解释", "認為", "认为",
    ].map { Array($0.utf16) }

    /// A short sentence that only says who spoke: no clause punctuation or quotes inside, and a
    /// speech verb before its final full stop (`毛尖說。`, `一位監管人士表示。`).
    static func isAttribution(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        guard r.count >= 2, r.count <= 16, u[r.upperBound - 1] == 0x3002 else { return false }  // 。
        for p in r.lowerBound..<(r.upperBound - 1) where neverStarts(u[p]) || isOpening(u[p]) || isClosing(u[p]) {
            return false
        }
        let end = r.upperBound - 1
        return speechVerbs.contains { v in
            guard end - v.count >= r.lowerBound + 1 else { return false }
            for (k, unit) in v.enumerated() where u[end - v.count + k] != unit { return false }
            return true
        }
    }

    /// A sentence that ends with a closing quotation mark (ICU cut after it).
    static func endsWithQuote(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        let c = u[r.upperBound - 1]
        return c == 0x300D || c == 0x300F || c == 0x201D || c == 0xFE42 || c == 0xFE44  // 」』”﹂﹄
    }

    /// A list number alone (`1.`, `２．`): ICU takes its full stop for a sentence end.
    static func isEnumerator(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        guard r.count >= 2, r.count <= 4, u[r.upperBound - 1] == 0x2E || u[r.upperBound - 1] == 0xFF0E else { return false }
        for p in r.lowerBound..<(r.upperBound - 1) where !isDigit(u[p]) { return false }
        return true
    }

    /// True when `r` is exactly one parenthesised group: it opens with a parenthesis whose partner
    /// closes it at its last unit. (A quotation such as `「好。」` is a sentence, not an aside.)
    static func isAside(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        let open = u[r.lowerBound]
        guard open == 0xFF08 || open == 0x28 || open == 0xFE59,
              let close = pairs[open], u[r.upperBound - 1] == close else { return false }
        var depth = 0
        for p in r {
            if u[p] == open {
                depth += 1
            } else if u[p] == close {
                depth -= 1
                if depth == 0 { return p == r.upperBound - 1 }
            }
        }
        return false
    }

    /// If a credit line starts at `s` (an opening parenthesis), where it ends.
    static func creditEnd(_ u: UnsafeBufferPointer<UInt16>, from s: Int, paragraphEnd pe: Int) -> Int? {
        var j = s + 1
        var hasDigit = false
        while j < pe && j - s <= 80 {
            let c = u[j]
            if c == 0xFF09 || c == 0x29 { break }
            if c == 0xFF08 || c == 0x28 { return nil }
            if isDigit(c) { hasDigit = true }
            j += 1
        }
        guard j < pe, u[j] == 0xFF09 || u[j] == 0x29 else { return nil }
        // The date code: 7 (ROC yyyMMdd) or 8 (yyyyMMdd) digits.
        var d = j + 1
        while d < pe && isDigit(u[d]) { d += 1 }
        let digits = d - (j + 1)
        let code = digits == 7 || digits == 8
        var c = s + 1
        while c < j && isSpace(u[c]) { c += 1 }
        let role = creditRoles.contains { role in
            guard c + role.count < j else { return false }
            for (k, unit) in role.enumerated() where u[c + k] != unit { return false }
            let sep = u[c + role.count]
            return sep == 0xFF1A || sep == 0x3A || sep == 0xFF0C || sep == 0x2C  // ：:，,
        }
        if role { return code ? d : j + 1 }
        // Names only: the date code must end the paragraph (or be followed by white space).
        if code && (d == pe || isSpace(u[d])) && !hasDigit && j - s <= 24 { return d }
        return nil
    }
}
