/// `rule:village`: a village (里, 村) written right after its township or district is one place
/// with it: 板橋區文化里, 宜蘭縣礁溪鄉玉田村, 新北市板橋區文化里 (a county or city written before
/// the township, when it is the township's own, is taken in too). The village must be listed
/// under that very township in `tw-villages.tsv` (village names repeat across townships, so a
/// village alone, 文化里, is never tagged). Canonical: the county, the township and the village
/// as written (新北市板橋區文化里), from the township's dictionary entry and its parent. A township
/// name that several cities share is the one whose list has the village (中正區文北里 → 臺北市).
enum VillageRule {
    static let villageHeads = ScalarSet("里村")
    /// A village name's length without and with its head (2 to 4 characters: 東村, 文化里, 大安溪里).
    static let lengths = 2...4

    static func apply(_ doc: inout TaggingDocument) {
        let lex = doc.lexicon
        if lex.villages.isEmpty { return }
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            // A village head must follow within `lengths` before the mention is copied (a copy
            // retains and releases each of its references; most places have no village after them).
            let pe = doc.mentions[i].end
            guard pe < f.count, lengths.contains(where: { pe + $0 <= f.count && villageHeads.contains(f[pe + $0 - 1]) }) else { continue }
            let p = doc.mentions[i]
            guard p.type == .place, p.end > p.start, p.end < f.count else { continue }
            // A township name several cities share (中正區) is the one that has the village.
            let townships = p.candidates.filter { lex.villages[$0] != nil }
            if townships.isEmpty { continue }
            var end = -1
            var township = -1
            for n in lengths.reversed() where p.end + n <= f.count && villageHeads.contains(f[p.end + n - 1]) {
                let name = doc.foldedString(p.end, p.end + n)
                let having = townships.filter { lex.villages[$0]!.contains(name) }
                if having.count == 1 { end = p.end + n; township = having[0]; break }
            }
            // The village's span may hold only mentions that end inside it (中正 in 中正里).
            guard end > 0, (p.end..<end).allSatisfy({ doc.owner[$0] < 0 || doc.mentions[Int(doc.owner[$0])].end <= end }) else { continue }
            var start = p.start
            let county = lex.entries[township].parent.flatMap { lex.indexOfID[$0] }
            if let c = county, start > 0, doc.owner[start - 1] >= 0 {
                let q = doc.mentions[Int(doc.owner[start - 1])]
                if q.type == .place, q.end == start, q.candidates.contains(c) || q.preferred == c { start = q.start }
            }
            var canonical = lex.entries[township].canonical
            if let c = county {
                let countyName = lex.entries[c].canonical
                if !canonical.hasPrefix(countyName) { canonical = countyName + canonical }
            }
            canonical += doc.string(p.end, end)
            doc.clear(start, end)
            doc.add(Mention(start: start, end: end, type: .place, candidates: [], rule: "village", canonical: canonical))
        }
    }
}
