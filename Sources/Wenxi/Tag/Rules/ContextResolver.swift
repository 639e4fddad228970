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
/// `ambiguous` with all candidates. A form that is a plain alias of one entry and a `~alias` of
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
}
