/// A listed place right before a name a rule found that itself starts with a listed place is part
/// of that name (issue 10, fourteenth session): 陝西省|銅川市商務局 → 陝西省銅川市商務局, 廣州市|東山區人民法院,
/// 愛爾蘭|都柏林高能研究院, 河北|唐山市廣播電視大學. A place before a listed body already joins it
/// (美國哈佛大學, 台灣台北市政府 are one name each); a body the rules found after one place
/// (`place-body`, `org-head` …) left the higher place outside, so the name was cut in two: an extra
/// place, an extra body and a miss in every key (UNER, People's Daily and cna_dev all write such a
/// name whole: 台北市觀傳局, 中華人民共和國四川省…管理局).
///
/// The place before must be a dictionary place ending where the finding starts, and the finding's
/// own first two to six characters a listed place inside it (銅川市 in 陝西省, 都柏林 in 愛爾蘭, by the
/// places' parents): a finding that does not start with a place (美國|運輸部, 中國|外交部 are the
/// place-prefix rules' own) or starts with one that is not inside the place before (圖盧茲市|歐洲航天
/// 航空防務集團, 南非|中國非洲工程協會: two names side by side) is left alone. The finding keeps its
/// canonical unless the canonical was its text.
enum PlaceLedNameRule {
    static func apply(_ doc: inout TaggingDocument) {
        for i in doc.mentions.indices {
            let (s, e, type) = (doc.mentions[i].start, doc.mentions[i].end, doc.mentions[i].type)
            guard s > 0, e - s >= 4, type == .agency || type == .organization, doc.mentions[i].rule != nil,
                  doc.owner[s - 1] >= 0 else { continue }
            let p = Int(doc.owner[s - 1])
            let (ps, pe) = (doc.mentions[p].start, doc.mentions[p].end)
            guard pe == s, pe > ps, doc.mentions[p].type == .place, doc.mentions[p].rule == nil else { continue }
            guard let lead = leadingPlace(doc, s, e),
                  lead.contains(where: { isInside($0, doc.mentions[p].candidates, doc.lexicon) }) else { continue }
            let oldText = doc.string(s, e)
            doc.clear(ps, pe)
            for k in ps..<s { doc.owner[k] = Int32(i) }
            doc.mentions[i].start = ps
            if doc.mentions[i].canonical == oldText { doc.mentions[i].canonical = doc.string(ps, e) }
        }
    }

    /// The entries of the listed place that the first two to six characters of `start..<end` (short
    /// of its end) name, the longest first; nil when none does.
    static func leadingPlace(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> [Int]? {
        var k = min(end - 2, start + 6)
        while k >= start + 2 {
            if let p = doc.lexicon.patternIndex[doc.foldedString(start, k)] {
                let named = doc.lexicon.patternMentions[p]
                if named.type == .place, !named.candidates.isEmpty { return named.candidates }
            }
            k -= 1
        }
        return nil
    }

    /// True when place entry `entry` lies inside one of `places` (one is among its ancestors):
    /// 銅川市 inside 陝西省, 都柏林 inside 愛爾蘭; not 歐洲 after 圖盧茲市, nor 中國 after 南非.
    static func isInside(_ entry: Int, _ places: [Int], _ lex: Lexicon) -> Bool {
        var e = entry
        var n = 0
        while n < 8, let parent = lex.entries[e].parent, let q = lex.indexOfID[parent] {
            if places.contains(q) { return true }
            e = q
            n += 1
        }
        return false
    }
}
