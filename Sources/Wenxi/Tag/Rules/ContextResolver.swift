/// Picks the entry of each mention whose surface form belongs to several entries (a contextual
/// alias such as 市府 or 資科局), from what the document says unambiguously.
///
/// Evidence: every resolved dictionary mention of the body, and of the title, contributes its
/// *regions* (`Lexicon.regions`: its id, its ancestors' ids, and the local government whose place
/// name begins its canonical name: 桃園 → 桃園市政府, 桃園市審計處 → 桃園市政府). A place in the
/// dateline （中央社記者葉臻桃園19日電） (the byline step's `BylineSpans.opening`) counts three
/// times, a mention in the title twice.
/// A candidate scores the evidence whose regions meet its own regions, less what every candidate
/// shares (the country). The unique best positive score wins; otherwise the mention stays
/// `ambiguous` with all candidates. Before that, the listed agencies and the mayors' and
/// magistrates' places (新北市長) of the mention's own sentence, before it, decide when they point
/// to one candidate only (新北市長…議會 → 新北市議會 in a Taichung story). A form that is a plain alias of one entry and a `~alias` of
/// others (國防部) keeps its plain entry unless another scores at least 2 and more than it.
enum ContextResolver {
    static func resolve(_ doc: inout TaggingDocument, title: String?) {
        let pending = doc.mentions.indices.filter { doc.mentions[$0].candidates.count > 1 && doc.mentions[$0].end > doc.mentions[$0].start }
        if pending.isEmpty { return }
        let lex = doc.lexicon

        // Evidence: region id -> weight.
        var weight: [Int32: Int] = [:]
        let dateline = doc.dateline
        // By index: `for m in doc.mentions` copies each mention (retains and releases its fields).
        for i in doc.mentions.indices where doc.mentions[i].candidates.count == 1 && doc.mentions[i].end > doc.mentions[i].start && doc.mentions[i].rule == nil {
            let w = (dateline.map { $0.contains(doc.mentions[i].start) } ?? false) ? 3 : 1
            for r in lex.regions[doc.mentions[i].candidates[0]] { weight[r, default: 0] += w }
        }
        if let title, !title.isEmpty {
            let scalars = Array(title.unicodeScalars)
            var names: [PatternMatch] = []
            for m in lex.automaton.scan(scalars) where !lex.refs[Int(m.pattern)].isEmpty {
                names.append(PatternMatch(start: m.start, end: m.end, pattern: m.pattern))
            }
            for m in OverlapPolicy.leftmostLongest(names) {
                let refs = lex.refs[Int(m.pattern)]
                let entries = Set(refs.map(\.entry))
                guard entries.count == 1 else { continue }
                for r in lex.regions[Int(refs[0].entry)] { weight[r, default: 0] += 2 }
            }
        }

        for i in pending {
            let cands = doc.mentions[i].candidates
            let shared = cands.dropFirst().reduce(Set(lex.regions[cands[0]])) { $0.intersection(lex.regions[$1]) }
            // The sentence's own words before the mention (新北市零檢出的自治條例草案還在|議會|審議中
            // in a Taichung story): when they point to exactly one candidate, it is that one.
            if doc.mentions[i].preferred == nil, let local = sentenceChoice(doc, i, cands, shared) {
                doc.mentions[i].candidates = [local]
                continue
            }
            var scores: [Int] = []
            for c in cands {
                var s = 0
                for r in lex.regions[c] where !shared.contains(r) { s += weight[r] ?? 0 }
                scores.append(s)
            }
            let best = scores.max() ?? 0
            let winner = best > 0 && scores.filter({ $0 == best }).count == 1 ? cands[scores.firstIndex(of: best)!] : nil
            if let preferred = doc.mentions[i].preferred {
                // The plain owner keeps the form unless another candidate clearly leads.
                let ps = scores[cands.firstIndex(of: preferred)!]
                doc.mentions[i].candidates = [winner.map { best >= 2 && best > ps ? $0 : preferred } ?? preferred]
            } else if let winner {
                doc.mentions[i].candidates = [winner]
            } else {
                doc.mentions[i].ambiguous = true
            }
        }
    }

    /// Characters that end a sentence or a line.
    static let sentenceEnds = ScalarSet("。！？!?\n")

    static let zhang: UInt32 = 0x9577 // 長
    static let clauseBreaks = ScalarSet("，；：,;:")
    static let localLevels = ScalarSet("市縣")

    /// Whether a chief's title follows a place: 長, 市長, 縣長 (新竹市長, 金門縣|長).
    static func headsTitle(_ f: [UInt32], _ end: Int) -> Bool {
        end < f.count && f[end] == zhang || end + 1 < f.count && localLevels.contains(f[end]) && f[end + 1] == zhang
    }

    /// The one candidate of mention `i` that its own sentence, before it, points to, or nil: the
    /// regions of the sentence's listed agencies and of its places that head a chief's title
    /// (新竹市長林智堅表示，…市府 → 新竹市政府), not the dateline's place nor a place named in
    /// passing (來自台中市), meet that candidate's and no other's.
    static func sentenceChoice(_ doc: TaggingDocument, _ i: Int, _ cands: [Int], _ shared: Set<Int32>) -> Int? {
        let lex = doc.lexicon
        let start = doc.mentions[i].start
        var s = start
        while s > 0 && !sentenceEnds.contains(doc.folded[s - 1]) { s -= 1 }
        var regions = Set<Int32>()
        var k = s
        while k < start {
            let o = doc.owner[k]
            guard o >= 0 else { k += 1; continue }
            let m = doc.mentions[Int(o)]
            // One of the candidates themselves in the same clause is another body set against
            // this one (北市府與市府), not this one named in full (台南市政府…，市府宣布).
            let contrast = cands.contains(m.candidates.first ?? -1) && !(m.end..<start).contains { clauseBreaks.contains(doc.folded[$0]) }
            if m.candidates.count == 1 && m.rule == nil && !contrast && !(doc.dateline?.contains(m.start) ?? false)
                && (m.type == .agency || m.type == .place && headsTitle(doc.folded, m.end)) {
                regions.formUnion(lex.regions[m.candidates[0]])
            }
            k = max(m.end, k + 1)
        }
        regions.subtract(shared)
        guard !regions.isEmpty else { return nil }
        let hits = cands.filter { c in lex.regions[c].contains { regions.contains($0) } }
        return hits.count == 1 ? hits[0] : nil
    }
}
