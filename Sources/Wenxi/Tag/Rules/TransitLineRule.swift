/// `rule:place-line`: a transit line no list holds is a place (thirteenth session), as UNER and
/// People's Daily tag it, found by its number or its spelling:
/// - a numbered line: digits or Latin letters (or Chinese numerals before 號) before 號線, 路線 or
///   線, after a mode of transit (地鐵 軌道交通 巴士 公交 輕軌 捷運 …), which takes in the place
///   right before it (巴黎地鐵3號線, 洛陽軌道交通1號線, 廣州地鐵五號線, 珠海公交6路線,
///   九龍巴士281M線); not a bare number (1號線、2號線 of a city's plan, 2面3線: tracks);
/// - Hong Kong's spelling 綫 (the fold writes it 線, so the raw text is read): a place right before
///   it, or one or two free characters after that place (港島綫, 荃灣綫, 屯門南延綫), or 2–4 free
///   characters of their own where the sentence speaks of transit (東鐵綫, 機場快綫) — not a common
///   word of lines (路綫, 熱綫, 前綫, 無綫: `notBeforeLine`);
/// - 線 with a word of trains right after it (沙崙線列車, 名港線之車站, 錦承線上的鐵路車站): a name of
///   2–3 free characters starting at an ICU word edge.
/// A line is no place in cna_dev's key (it holds none); 美國線上 (AOL), 台灣線, 歐洲線 (a route)
/// have no number, no 綫 and no train word after them, and are left alone.
/// `PlaceHeadRule.apply` runs it first, so that the place-head rule does not read the line's name.
enum TransitLineRule {
    static let line: UInt32 = 0x7DDA // 線 (the fold of 綫 and 线)
    static let hongKongLine: UInt32 = 0x7DAB // 綫, in the raw text
    /// Characters before 線 that make a number a line's (3號線, 6路線).
    static let numberMarks = ScalarSet("號号路")
    /// Modes of transit before a line's number.
    static let modes: [[UInt32]] = TranslitContext.words([
        "地鐵", "地铁", "地下鐵", "地下铁", "軌道交通", "轨道交通", "軌交", "轨交", "捷運", "捷运", "輕軌", "轻轨",
        "巴士", "公交", "公車", "公车", "電車", "电车", "小巴", "輕鐵", "轻铁",
    ])
    /// Words of trains right after a line's name (沙崙線列車, 京滬線上的鐵路車站, 名港線之車站).
    static let trainAfter: [[UInt32]] = TranslitContext.words([
        "列車", "列车", "車站", "车站", "之車站", "之车站", "的車站", "的车站", "上的車站", "上的车站", "上的鐵路車站", "上的铁路车站",
        "各站", "沿線", "沿线", "全線", "全线", "通車", "通车",
    ])
    /// The last character of a common word ending in 線/綫 (路線, 熱綫, 前綫, 無綫, 海岸線, 天際線): no line's name.
    static let notBeforeLine = ScalarSet("路熱热天防界沿前光戰战全幹干專专支航無无有主內内外直曲底視视陣阵連连在上下斷断單单雙双火接死電电毛岸際际平跑命紅红黃黄白黑虛虚實实一二三四五六七八九十生總总警戒緣缘")
    /// Characters and words that make a sentence speak of transit.
    static let transitChars = ScalarSet("站鐵铁軌轨乘")
    static let transitWords: [[UInt32]] = TranslitContext.words(["巴士", "列車", "列车", "車資", "车资", "班次", "月台", "月臺"])
    static let reach = 60

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        var k = 1
        while k < f.count {
            if f[k] != line { k += 1; continue }
            let end = k + 1
            if let s = start(doc, line: k), clearable(doc, s, end) {
                doc.clear(s, end)
                doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-line", canonical: doc.string(s, end)))
            }
            k = end
        }
    }

    /// Whether the mentions inside `s..<e` are places or organizations wholly inside it (九龍 of
    /// 九龍巴士281M線, 巴黎 of 巴黎地鐵3號線), which the line replaces.
    static func clearable(_ doc: TaggingDocument, _ s: Int, _ e: Int) -> Bool {
        for k in s..<e where doc.owner[k] >= 0 {
            let m = doc.mentions[Int(doc.owner[k])]
            guard m.start >= s, m.end <= e, m.type == .place || m.type == .organization else { return false }
        }
        return true
    }

    /// The start of the line whose 線 is at `k`, or nil.
    static func start(_ doc: TaggingDocument, line k: Int) -> Int? {
        let f = doc.folded
        let end = k + 1
        // The line ends a word (線路, 線索 are words; 線上 of 京滬線上的車站 is read below).
        let trainNext = trainAfter.contains { PlacePrefixRules.has(f, end, $0) }
        if PersonRules.splitsToken(doc, at: end) && !trainNext { return nil }
        if let s = numbered(doc, line: k) { return s }
        if doc.text[k].value == hongKongLine, let s = hongKong(doc, line: k) { return s }
        if trainNext, let s = named(doc, line: k) { return s }
        return nil
    }

    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isLetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// A numbered line: [place] mode number [號|路] 線, or a bare number where transit is spoken of.
    static func numbered(_ doc: TaggingDocument, line k: Int) -> Int? {
        let f = doc.folded
        var j = k
        let marked = j > 0 && numberMarks.contains(f[j - 1])
        if marked { j -= 1 }
        let numberEnd = j
        var digits = 0
        while j > 0 && numberEnd - j < 5 && (isDigit(f[j - 1]) || isLetter(f[j - 1])) {
            if isDigit(f[j - 1]) { digits += 1 }
            j -= 1
        }
        if digits == 0 {
            // Chinese numerals only before 號 (五號線; 一線 城市 is a tier).
            guard marked, f[numberEnd] == 0x865F || f[numberEnd] == 0x53F7 else { return nil }
            j = numberEnd
            while j > 0 && numberEnd - j < 3 && PersonRules.chineseDigits.contains(f[j - 1]) { j -= 1 }
            guard j < numberEnd else { return nil }
        } else if j > 0 && (isDigit(f[j - 1]) || isLetter(f[j - 1])) {
            return nil // a longer code (ABC12345線)
        }
        var s = j
        if let mode = modes.first(where: { s >= $0.count && PlacePrefixRules.has(f, s - $0.count, $0) }) {
            s -= mode.count
            // A name that holds the mode (九龍巴士, a bus company) is the line's too.
            if doc.owner[s] >= 0 {
                let p = doc.mentions[Int(doc.owner[s])]
                if p.end == s + mode.count, p.type == .place || p.type == .organization { s = p.start }
            }
            // The place the line runs in (巴黎|地鐵, 九龍|巴士).
            if s > 0, doc.owner[s - 1] >= 0 {
                let p = doc.mentions[Int(doc.owner[s - 1])]
                if p.type == .place, p.end == s { s = p.start }
            }
            return s
        }
        // A bare number is left: 1號線、2號線 of a city's plan, 2面3線 (tracks) are no names in the keys.
        return nil
    }

    /// A Hong Kong line, 綫: a place before it (with up to two free characters: 屯門南延綫), or a
    /// name of 2–4 free characters where the sentence speaks of transit.
    static func hongKong(_ doc: TaggingDocument, line k: Int) -> Int? {
        let f = doc.folded
        guard !notBeforeLine.contains(f[k - 1]) || doc.owner[k - 1] >= 0 else { return nil }
        for gap in 0...2 where k - gap >= 1 {
            let q = k - gap - 1
            guard doc.owner[q] >= 0 else {
                if !FoldTable.isHan(f[q]) { break }
                continue
            }
            let p = doc.mentions[Int(doc.owner[q])]
            if p.type == .place, p.end == k - gap, gap == 0 || doc.isFree(k - gap, k) { return p.start }
            break
        }
        guard transitNear(doc, k, k + 1) else { return nil }
        return freeName(doc, before: k, lengths: 2...4)
    }

    /// A line named before a word of trains: 2–3 free characters.
    static func named(_ doc: TaggingDocument, line k: Int) -> Int? {
        let f = doc.folded
        guard !notBeforeLine.contains(f[k - 1]) else { return nil }
        return freeName(doc, before: k, lengths: 2...3)
    }

    /// The farthest start of 2–4 free Han characters before `k` with no stop character, at an ICU
    /// word edge and after a clear left edge (not Han, a stop character, the enumeration comma, a
    /// conjunction): 是|東鐵綫, 、|機場快綫, ：|東涌綫.
    static func freeName(_ doc: TaggingDocument, before k: Int, lengths: ClosedRange<Int>) -> Int? {
        let f = doc.folded
        let stop = doc.lexicon.placeHeads.stop
        var s = k
        while s > 0 && k - s < lengths.upperBound {
            let c = f[s - 1]
            guard doc.owner[s - 1] < 0, FoldTable.isHan(c), !stop.contains(c), !PlaceHeadRule.itemJoins.contains(c) else { break }
            s -= 1
        }
        guard lengths.contains(k - s), !PersonRules.splitsToken(doc, at: s) else { return nil }
        if s > 0, FoldTable.isHan(f[s - 1]), !stop.contains(f[s - 1]), !PlaceHeadRule.itemJoins.contains(f[s - 1]), doc.owner[s - 1] < 0 { return nil }
        return s
    }

    /// Whether the sentence around `s..<e` speaks of transit: a station, a railway or track,
    /// passengers, a bus, a train, a fare or a platform within `reach` characters.
    static func transitNear(_ doc: TaggingDocument, _ s: Int, _ e: Int) -> Bool {
        let f = doc.folded
        var a = s
        while a > 0 && s - a < reach && !DefinedPlaceRule.sentenceEnds.contains(f[a - 1]) { a -= 1 }
        var b = e
        while b < f.count && b - e < reach && !DefinedPlaceRule.sentenceEnds.contains(f[b]) { b += 1 }
        for k in a..<b where k < s || k >= e {
            // 站 of 網站 (a website) is no station.
            if transitChars.contains(f[k]), !(f[k] == 0x7AD9 && k > 0 && (f[k - 1] == 0x7DB2 || f[k - 1] == 0x7F51)) { return true }
            if transitWords.contains(where: { PlacePrefixRules.has(f, k, $0) }) { return true }
        }
        return false
    }
}
