/// A place right before 語 ("language") names a language, not the place: 蒙古語, 印尼語, 朝鮮語,
/// 土耳其語, 希臘語. ICU cuts such a name 蒙古|語, so the place was tagged; it is dropped when 語
/// stands as an ICU word of its own (not before 境 言 法 錄 氣 音 …: 中國|語|境) or, after a state or a
/// region, begins 語文, 語系 or 語族 (蒙古語文; 新北市|語文競賽 is a city's contest), and kept before
/// any other word 語 begins (語言, 語法, 語錄: 歐洲|語言 is about Europe's languages). UNER
/// train leaves all five such places unmarked, UNER dev its three, People's Daily has none, and
/// cna_dev none. 話 (潮州話, 重慶話) is left alone: UNER dev marks the place before it, UNER train
/// does not.
enum LanguageRule {
    static let yu: Set<UInt32> = [0x8A9E, 0x8BED] // 語 语
    /// Second characters of the words that 語 begins and that still name a language (語文, 語系, 語族).
    static let languageWordSecond: Set<UInt32> = [0x6587, 0x7CFB, 0x65CF] // 文 系 族
    /// 語文 is also "language arts" (新北市語文競賽): before it only a state's or a region's name is a language.
    static let stateClasses: Set<String> = ["country", "region", "continent"]
    /// Characters after a lone 語 that make a word of it which names no language (中國|語|境 where ICU
    /// does not keep 語境 whole; 語言, 語法, 語氣 …).
    static let notAfterYu = ScalarSet("境言法錄录氣气音調调義义詞词句彙汇感意")

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        for i in doc.mentions.indices where doc.mentions[i].type == .place {
            let (s, e) = (doc.mentions[i].start, doc.mentions[i].end)
            guard e > s, e < f.count, yu.contains(f[e]), doc.owner[e] < 0 else { continue }
            guard let wordEnd = doc.wordEnd(startingAt: e) else { continue }
            let length = wordEnd - e
            if length == 1 {
                if e + 1 < f.count && notAfterYu.contains(f[e + 1]) { continue }
                doc.clear(s, e)
            } else if length == 2 && languageWordSecond.contains(f[e + 1]),
                      doc.mentions[i].candidates.contains(where: { stateClasses.contains(doc.lexicon.entries[$0].entryClass ?? "") }) {
                doc.clear(s, e)
            }
        }
    }
}
