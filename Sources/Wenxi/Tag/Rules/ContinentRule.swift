/// 大陸 as the word "continent", not the mainland: `places.tsv` lists 大陸 as an alias of 中國 (the
/// mainland, as Taiwan's press writes it), so 非洲大陸 was Africa and China, 大陸架 China's shelf.
/// A 大陸 right after a continent or a continental region (a place ending in 洲, or 南極 北極 歐亞
/// 亞歐 南美 北美: 非洲大陸, 歐洲大陸, 南極大陸) or right before a word of physical geography or
/// climate (架 棚 坡 漂移 性 氣團 冷氣團: 大陸架, 大陸棚, 大陸性氣候, 大陸冷氣團) is dropped; the continent before it stays a place. UNER train and People's Daily
/// test agree: neither marks 大陸 alone there (UNER marks 歐洲大陸 whole, People's Daily 歐洲 alone).
enum ContinentRule {
    static let daLu: [UInt32] = Array("大陸".unicodeScalars.map(\.value))
    static let zhou: UInt32 = 0x6D32 // 洲
    /// Continental regions that do not end in 洲 (中美 is left out: China and the US).
    static let regions: [[UInt32]] = ["南極", "北極", "歐亞", "亞歐", "南美", "北美"].map { Array($0.unicodeScalars.map(\.value)) }
    /// Words after 大陸 that make it the land mass of physical geography or climate.
    static let after: [[UInt32]] = ["架", "棚", "坡", "漂移", "性", "氣團", "冷氣團"].map { Array($0.unicodeScalars.map(\.value)) }

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            let (s, e) = (doc.mentions[i].start, doc.mentions[i].end)
            guard e - s == 2, f[s] == daLu[0], f[s + 1] == daLu[1] else { continue }
            var continent = false
            if s > 0, doc.owner[s - 1] >= 0 {
                let p = Int(doc.owner[s - 1])
                let (ps, pe) = (doc.mentions[p].start, doc.mentions[p].end)
                if doc.mentions[p].type == .place, pe == s, pe > ps {
                    continent = f[pe - 1] == zhou || regions.contains { $0.count == pe - ps && Array(f[ps..<pe]) == $0 }
                }
            }
            if !continent {
                continent = after.contains { w in e + w.count <= f.count && Array(f[e..<(e + w.count)]) == w }
            }
            if continent { doc.clear(s, e) }
        }
    }
}
