/// `rule:place-district` (fourteenth session): a place followed by a district word is one place,
/// the district named after it: 曼哈頓區, 葵青區, 淮河區 (a river basin's region), 溫州教區 (a
/// diocese), 晉江專區 (a PRC prefecture of the 1950s), 紐華克港區, 雄安新區, 哥倫比亞特區. No list
/// holds such names, and the place-head rule reads no name that is a place already. The place is a
/// mention that ends right before the word (a listed place or one a rule found); the word ends at
/// an ICU word edge (亞太區域, 區間, 區塊 are other words) and is one of `districtWords`. Left as
/// they are:
/// - 地區 and the other areas of a place (山區, 災區, 市區, 郊區, 社區, 景區, 園區, 戰區, 軍區): People's
///   Daily and cna_dev leave 地區 outside the name (README, thirteenth session), and the others are
///   parts or kinds of the place, not names;
/// - a place that ends in an administrative suffix already (台北市|區, 新竹縣|區: 市區 is downtown;
///   東京都|港區 is a chain), an area word with a bare 區 (喜馬拉雅山|區, 國家公園|區), a title or a
///   council after it (金山區長, 區議員);
/// - a country, a state word or a continent before a bare 區 (中國區, 亞洲區, 北美區: a firm's or a
///   tournament's region);
/// - a bare 區 before a word of a count or an order (區間 is caught by the word edge).
/// A listed place takes the word in and keeps its entry (its canonical and its jurisdiction: 香港特區
/// is 香港's mention, as 廣州市 is 廣州's); a place a rule found is replaced by the longer name
/// (`rule:place-district`). 城區 is left out with 市區 (the town's built-up area).
enum DistrictRule {
    /// District words after a place, longest first (自治區 before 區).
    static let districtWords: [[UInt32]] = ["自治區", "專區", "教區", "港區", "新區", "特區", "選區", "區"]
        .map { Array($0.unicodeScalars.map(\.value)) }
    /// The district words' first characters, tested before any word is compared.
    static let firstChars = ScalarSet(districtWords.map { $0[0] })
    /// Last characters of a place that already ends in a suffix or a district word: it takes no 區.
    static let endsInSuffix = ScalarSet("市縣县省區区州鎮镇鄉乡村里町郡盟旗都道府")
    /// Last characters of a place that make an area word with a bare 區 (喜馬拉雅山|區: 山區, the
    /// mountain areas; 陽明山國家公園|區: 園區; 車站|區, 街區, 礦區, 林區, 牧區, 災區, 景區).
    static let areaBeforeQu = ScalarSet("山街站園园礦矿林牧災灾景社郊戰战軍军城")
    /// Characters after the district word that make it a title or a council's (金山區長, 九龍區議員).
    static let notAfter = ScalarSet("長长議议")
    /// Entry classes that take no bare 區: a firm's or a tournament's region (中國區, 亞洲區).
    static let noBareQu: Set<String> = ["country", "state", "continent", "region", "ocean", "sea", "sar", "province", "us-state"]

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let n = f.count
        var i = 0
        while i < doc.mentions.count {
            defer { i += 1 }
            // The mention's fields are read in place; it is copied (its Strings retained) only
            // where a district word follows.
            let e = doc.mentions[i].end
            guard e < n, firstChars.contains(f[e]), doc.mentions[i].type == .place, e > doc.mentions[i].start, doc.owner[e] < 0,
                  let word = districtWords.first(where: { PlacePrefixRules.has(f, e, $0) }) else { continue }
            let m = doc.mentions[i]
            let end = e + word.count
            guard doc.isFree(e, end), !PersonRules.splitsToken(doc, at: end) else { continue }
            // No ICU word from before the place runs into the district word (ICU keeps 葵青區 whole,
            // which is fine; a word that starts before the place is a phrase the place is inside).
            if let w = PlaceHeadRule.wordCovering(doc, e), w < m.start { continue }
            // 州 ends 杭州 as its own character (杭州|教區), and a US state as a suffix (…州|區).
            if endsInSuffix.contains(f[e - 1]) && (word.count == 1 || f[e - 1] != 0x5DDE /* 州 */) { continue }
            if end < n && notAfter.contains(f[end]) || doc.cues.contains(where: { $0.start == e && $0.hit.role == .before }) { continue }
            // A country's 港區 and 教區 are its Hong Kong deputies and its dioceses (中國港區人大代表).
            if word.count == 1 || word[0] == 0x6E2F /* 港 */ || word[0] == 0x6559 /* 教 */,
               m.candidates.contains(where: { noBareQu.contains(doc.lexicon.entries[$0].entryClass ?? "") }) { continue }
            if word.count == 1 {
                if areaBeforeQu.contains(f[e - 1]) { continue }
                // 港區 after a place that ends in 港 (伊麗莎白港|區) is a port's district; after a
                // place of one character nothing is clear.
                if e - m.start < 2 { continue }
            }
            // A listed place keeps its entry (香港|特區 is still 香港's mention, as 廣州|市 is
            // 廣州's: `NameExtensionRules`); a place a rule found becomes the longer name.
            if !m.candidates.isEmpty {
                doc.extend(i, to: end)
                continue
            }
            let s = m.start
            doc.clear(s, e)
            doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-district", canonical: doc.string(s, end)))
        }
    }
}
